//! The few ECharts calls we need, bound directly: charming's WasmRenderer has no dispose, no
//! events and always merges options (a removed series would stay on screen).

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen]
extern "C" {
    pub type ECharts;

    #[wasm_bindgen(js_namespace = echarts, js_name = init)]
    pub fn init(element: &web_sys::HtmlElement, theme: &JsValue, options: &JsValue) -> ECharts;

    #[wasm_bindgen(method, js_name = setOption)]
    pub fn set_option(this: &ECharts, option: &JsValue, settings: &JsValue);

    #[wasm_bindgen(method)]
    pub fn on(this: &ECharts, event: &str, handler: &js_sys::Function);

    #[wasm_bindgen(method)]
    pub fn resize(this: &ECharts);

    #[wasm_bindgen(method)]
    pub fn dispose(this: &ECharts);
}

/// Is the ECharts script loaded (it is deferred, and may fail on a broken connection)?
pub fn available() -> bool {
    js_sys::Reflect::get(&js_sys::global(), &"echarts".into()).map(|v| !v.is_undefined()).unwrap_or(false)
}

/// Whether the wait for ECharts is over (it arrived, failed or timed out), for the charts to draw
/// when it ends: the page shows its text without waiting for the drawing library.
#[derive(Clone, Copy)]
pub struct Arrived(pub leptos::prelude::ReadSignal<bool>);

/// A JSON value as a plain JS object (not `Map`s, which ECharts ignores).
pub fn to_js(value: &serde_json::Value) -> JsValue {
    js_sys::JSON::parse(&value.to_string()).unwrap_or(JsValue::NULL)
}

/// Resolves once the deferred ECharts script has run, failed, or 15 s have passed: the wasm may
/// start first, and the page must work (tables, summaries) even where the script cannot load.
pub async fn ready() {
    if available() {
        return;
    }
    let Some(script) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("echarts-script")) else {
        return;
    };
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        let _ = script.add_event_listener_with_callback("load", &resolve);
        let _ = script.add_event_listener_with_callback("error", &resolve);
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 15_000);
        }
    });
    // It may have loaded while the listeners were being attached.
    if !available() {
        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    }
}

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(method, js_name = dispatchAction)]
    pub fn dispatch_action(this: &ECharts, action: &JsValue);
}

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(method, js_name = getDataURL)]
    pub fn get_data_url(this: &ECharts, options: &JsValue) -> String;
}

/// An option rendered off screen at `width` × `height` as an image `data:` URL: PNG (at twice the
/// pixels, for print) or SVG, whose text stays text.
/// The file format of an exported chart image.
#[derive(Clone, Copy, PartialEq)]
pub enum ImageFormat {
    Png,
    Svg,
}

impl ImageFormat {
    /// The file extension, also ECharts' name for the format ("png", "svg").
    pub fn extension(self) -> &'static str {
        match self {
            ImageFormat::Png => "png",
            ImageFormat::Svg => "svg",
        }
    }
}

pub fn image_url(option: &JsValue, format: ImageFormat, width: u32, height: u32) -> Option<String> {
    let svg = format == ImageFormat::Svg;
    let document = web_sys::window()?.document()?;
    let holder: web_sys::HtmlElement = document.create_element("div").ok()?.dyn_into().ok()?;
    let _ = holder.set_attribute("aria-hidden", "true");
    holder.style().set_css_text(&format!("position:fixed;left:-20000px;top:0;width:{width}px;height:{height}px"));
    document.body()?.append_child(&holder).ok()?;
    let renderer = if svg { "svg" } else { "canvas" };
    let chart = init(&holder, &JsValue::NULL, &to_js(&serde_json::json!({ "renderer": renderer, "width": width, "height": height })));
    chart.set_option(option, &to_js(&serde_json::json!({ "notMerge": true })));
    let url = chart.get_data_url(&to_js(&serde_json::json!({ "type": format.extension(), "pixelRatio": 2, "backgroundColor": "#ffffff" })));
    chart.dispose();
    holder.remove();
    Some(url)
}

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = echarts, js_name = registerMap)]
    fn register_map(name: &str, geo_json: &JsValue);

    #[wasm_bindgen(js_namespace = echarts, js_name = getMap)]
    fn get_map(name: &str) -> JsValue;
}

thread_local! {
    /// Boundaries being fetched, and those that could not be.
    static MAPS: std::cell::RefCell<(std::collections::HashSet<String>, std::collections::HashSet<String>)> = Default::default();
}

/// Where a map's boundaries (or the chart types beyond bars) stand.
#[derive(Clone, Copy, PartialEq)]
pub enum MapState {
    /// Registered with ECharts: the map can be drawn.
    Ready,
    /// Being fetched; `done` will be called.
    Loading,
    /// Could not be fetched (offline without the cache, a broken file): the table and sentence stay.
    Failed,
}

/// Whether the chart types beyond bars (donuts, Sankey, maps) and the SVG renderer are registered;
/// if not, fetches them (web-js/charts-more.js, once however many ask) and calls `done` when they
/// are, or failed.
pub fn ensure_more_charts(done: impl FnOnce() + 'static) -> MapState {
    let window = js_sys::global();
    if js_sys::Reflect::get(&window, &"alianzasMoreChartsReady".into()).is_ok_and(|v| v.is_truthy()) {
        return MapState::Ready;
    }
    if MORE_FAILED.with(std::cell::Cell::get) {
        return MapState::Failed;
    }
    let load = js_sys::Reflect::get(&window, &"alianzasMoreCharts".into()).ok().and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    let Some(promise) = load.and_then(|f| f.call0(&JsValue::NULL).ok()).and_then(|p| p.dyn_into::<js_sys::Promise>().ok()) else {
        return MapState::Failed;
    };
    wasm_bindgen_futures::spawn_local(async move {
        if wasm_bindgen_futures::JsFuture::from(promise).await.is_err() {
            MORE_FAILED.with(|f| f.set(true));
        }
        done();
    });
    MapState::Loading
}

thread_local! {
    static MORE_FAILED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// The name in `lang` (`es`, `en`, `fr`, `ar`) that the registered boundaries `name` give the area
/// `area`: the files of first-level divisions carry them (web-js/geo.mjs), the world's does not.
pub fn area_name(name: &str, area: &str, lang: &str) -> Option<String> {
    let get = |v: &JsValue, key: &str| js_sys::Reflect::get(v, &key.into()).ok();
    let map = available().then(|| get_map(name)).filter(|m| m.is_object())?;
    let features: js_sys::Array = get(&get(&map, "geoJSON")?, "features")?.dyn_into().ok()?;
    features.iter().find_map(|f| {
        let properties = get(&f, "properties")?;
        (get(&properties, "name")?.as_string()? == area).then(|| get(&properties, lang)?.as_string()).flatten()
    })
}

/// Whether the boundaries `geo/<name>.json` are registered; if not, fetches them once (they are
/// never part of the first load) and calls `done` when they are registered or failed.
pub fn ensure_map(name: &str, done: impl Fn() + 'static) -> MapState {
    let registered = available() && {
        let map = get_map(name);
        !map.is_undefined() && !map.is_null()
    };
    if registered {
        return MapState::Ready;
    }
    let (loading, failed) = MAPS.with(|m| (m.borrow().0.contains(name), m.borrow().1.contains(name)));
    if failed {
        return MapState::Failed;
    }
    if !loading {
        MAPS.with(|m| m.borrow_mut().0.insert(name.to_string()));
        let name = name.to_string();
        wasm_bindgen_futures::spawn_local(async move {
            let url = format!("geo/{name}.json");
            let text = match gloo_net::http::Request::get(&url).send().await {
                Ok(r) if r.ok() => r.text().await.ok(),
                _ => None,
            };
            let parsed = text.and_then(|t| js_sys::JSON::parse(&t).ok());
            MAPS.with(|m| {
                let mut m = m.borrow_mut();
                m.0.remove(&name);
                if parsed.is_none() {
                    m.1.insert(name.clone());
                }
            });
            if let Some(geo) = parsed {
                register_map(&name, &geo);
            }
            done();
        });
    }
    MapState::Loading
}
