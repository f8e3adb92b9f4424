//! One chart: a `<figure>` with its title, text summary, ECharts drawing and the exact numbers as
//! an HTML table — all four from the same `ChartSpec`.

use super::echarts::{self, ECharts, ImageFormat};
use super::intl::WebLocale;
use super::state::Ctx;
use crate::core::analysis::store::Store;
use crate::core::charts::echarts_option::{self as option, Display, ExportTexts};
use crate::core::charts::keyboard::{announce, step, Cursor};
use crate::core::charts::spec::{Cell, ChartSpec, ChartType, ColumnKind, Locale, Table};
use crate::core::locale::i18n::{text, Msg};
use crate::core::locale::lang::Lang;
use leptos::prelude::*;
use serde_json::json;
use std::sync::Arc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Below this container width (CSS pixels) a chart takes its phone form: fewer ticks, shorter labels.
const NARROW_PX: i32 = 480;

/// How far from the screen a chart is drawn ahead of the reader's scrolling, once they scroll.
const NEAR_SCREEN_MARGIN: &str = "300px 0px";

/// Everything a chart's drawing depends on: the same again draws nothing.
#[derive(PartialEq)]
struct DrawnFor {
    spec: ChartSpec,
    lang: Lang,
    narrow: bool,
    patterns: bool,
    theme: Option<bool>,
    maps: u32,
    echarts: bool,
}

impl DrawnFor {
    /// Whether the canvas shows `spec`. A run before ECharts arrived records its inputs too (so it
    /// is not repeated) but painted nothing: a chart that needs a canvas was not drawn by it.
    fn shows(&self, spec: &ChartSpec) -> bool {
        self.spec == *spec && (self.echarts || spec.empty || spec.omitted.is_some())
    }
}

/// An `IntersectionObserver` callback that keeps `intersecting` to whether the element now
/// intersects (the latest of the entries reported together), set only when that changes.
fn intersection_callback(intersecting: RwSignal<bool>) -> Closure<dyn Fn(js_sys::Array)> {
    Closure::new(move |entries: js_sys::Array| {
        if let Some(entry) = entries.iter().last() {
            let now = entry.unchecked_into::<web_sys::IntersectionObserverEntry>().is_intersecting();
            // `try_`: the observer may report while a replaced dashboard is being disposed.
            if intersecting.try_get_untracked() != Some(now) {
                intersecting.try_set(now);
            }
        }
    })
}

/// Does the reader's browser match this media query (reduced motion, more contrast, dark)?
pub fn prefers(query: &str) -> bool {
    web_sys::window().and_then(|w| w.match_media(query).ok().flatten()).is_some_and(|m| m.matches())
}

/// A CSS custom property's value for an element (light or dark theme).
fn css_var(el: &web_sys::HtmlElement, name: &str) -> Option<String> {
    let style = web_sys::window()?.get_computed_style(el).ok()??;
    let v = style.get_property_value(name).ok()?;
    let v = v.trim();
    (!v.is_empty()).then(|| v.to_string())
}

/// The function ECharts calls for each value-axis tick: the reader's `Intl` digits and grouping
/// ("100 000" in French, "١٠٠٬٠٠٠" where Arabic digits are the default). One per language, kept
/// for the page's lifetime.
fn axis_formatter(lang: Lang) -> js_sys::Function {
    thread_local! {
        static FORMATTERS: [js_sys::Function; 4] = Lang::ALL.map(|l| {
            // `into_js_value`: kept for the page's lifetime, as ECharts may call it at any time.
            Closure::<dyn Fn(f64) -> String>::new(move |v: f64| super::intl::tick(l, v)).into_js_value().unchecked_into()
        });
    }
    FORMATTERS.with(|f| f[lang as usize].clone())
}

/// Sets our formatter on every value axis of an option already turned into a JS object.
fn attach_axis_formatters(option: &JsValue, lang: Lang) {
    for axis in ["xAxis", "yAxis"] {
        let Ok(a) = js_sys::Reflect::get(option, &axis.into()) else { continue };
        if !a.is_object() || js_sys::Reflect::get(&a, &"type".into()).ok().and_then(|t| t.as_string()).as_deref() != Some("value") {
            continue;
        }
        let label = js_sys::Reflect::get(&a, &"axisLabel".into()).ok().filter(JsValue::is_object).unwrap_or_else(|| js_sys::Object::new().into());
        let _ = js_sys::Reflect::set(&label, &"formatter".into(), &axis_formatter(lang));
        let _ = js_sys::Reflect::set(&a, &"axisLabel".into(), &label);
    }
}

/// The tooltip ECharts shows for an area of a map that has no amount in the selection (ours, on
/// each area with one, take precedence): the area's name in the reader's language and that nothing
/// is recorded, where ECharts' own would show the boundary file's code and a dash ("MNG -"). One
/// per language, kept for the page's lifetime.
fn area_formatter(lang: Lang) -> js_sys::Function {
    thread_local! {
        static FORMATTERS: [js_sys::Function; 4] = Lang::ALL.map(|l| {
            Closure::<dyn Fn(JsValue) -> String>::new(move |params: JsValue| {
                let code = js_sys::Reflect::get(&params, &"name".into()).ok().and_then(|v| v.as_string()).unwrap_or_default();
                let name = area_name(&code, l).unwrap_or_else(|| code.clone());
                format!("{}<br>{}", option::escape_html(&name), option::escape_html(Msg::MapNothingRecorded.get(l)))
            })
            .into_js_value()
            .unchecked_into()
        });
    }
    FORMATTERS.with(|f| f[lang as usize].clone())
}

/// An area of the map boundaries by its code: a country (ISO 3166-1 alpha-3) named by `Intl`, as
/// the charts name recipients, or a first-level division (ISO 3166-2) by its boundaries file.
fn area_name(code: &str, lang: Lang) -> Option<String> {
    if let Some(country) = crate::core::format::geo::country(code) {
        return Some(WebLocale::of_language(lang).country_name(country.iso2).unwrap_or_else(|| country.name_en.to_string()));
    }
    let (iso2, _) = code.split_once('-')?;
    echarts::area_name(&format!("admin1-{iso2}"), code, lang.code())
}

/// Sets our tooltip for areas without an amount on every map series of an option already turned
/// into a JS object.
fn attach_area_formatters(option: &JsValue, lang: Lang) {
    let Some(series) = js_sys::Reflect::get(option, &"series".into()).ok().and_then(|s| s.dyn_into::<js_sys::Array>().ok()) else { return };
    for s in series.iter() {
        if js_sys::Reflect::get(&s, &"type".into()).ok().and_then(|t| t.as_string()).as_deref() != Some("map") {
            continue;
        }
        let tooltip = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&tooltip, &"formatter".into(), &area_formatter(lang));
        let _ = js_sys::Reflect::set(&s, &"tooltip".into(), &tooltip);
    }
}

/// An option as ECharts takes it: a plain JS object with our axis and map-area formatters.
fn to_echarts(option: &serde_json::Value, lang: Lang) -> JsValue {
    let js = echarts::to_js(option);
    attach_axis_formatters(&js, lang);
    attach_area_formatters(&js, lang);
    js
}

/// Creates the ECharts instance with its click (cross-filter) and render-count hooks.
fn create_chart(el: &web_sys::HtmlElement, spec: Memo<ChartSpec>, ctx: Ctx) -> ECharts {
    let chart = echarts::init(el, &JsValue::NULL, &echarts::to_js(&json!({ "renderer": "canvas" })));
    let on_click = Closure::<dyn Fn(JsValue)>::new(move |params: JsValue| {
        let get = |key: &str| js_sys::Reflect::get(&params, &key.into()).ok();
        // Sankey edges are not a single category.
        if get("dataType").and_then(|v| v.as_string()).as_deref() == Some("edge") {
            return;
        }
        let index = get("dataIndex").and_then(|v| v.as_f64());
        let picked = spec.try_with_untracked(|s| index.and_then(|i| crate::core::charts::spec::category_filter(s, i as usize))).flatten();
        if let Some((dim, key)) = picked {
            ctx.update(|state| state.filter.toggle(dim, &key));
        }
    });
    chart.on("click", on_click.as_ref().unchecked_ref());
    on_click.forget();
    // Tests and the benchmark wait for this count to reach the number of options set. It goes on
    // from the element's count: a chart emptied by a filter loses its instance, and the one made
    // when it has something to draw again must not count from zero (it never caught up).
    let target = el.clone();
    let on_finished = Closure::<dyn Fn()>::new(move || {
        let count = |name: &str| target.get_attribute(name).and_then(|n| n.parse::<u32>().ok()).unwrap_or(0);
        let rendered = count("data-rendered");
        // Only the drawing of an option counts: ECharts also finishes painting the empty chart it
        // has just set up (the option comes in the next task), and repaints (a resize, a hover).
        if rendered >= count("data-requested") {
            return;
        }
        let rendered = rendered + 1;
        let _ = target.set_attribute("data-rendered", &rendered.to_string());
        if let Some(now) = web_sys::window().and_then(|w| w.performance()).map(|p| p.now()) {
            let _ = target.set_attribute("data-rendered-at", &format!("{now:.1}"));
        }
    });
    chart.on("finished", on_finished.as_ref().unchecked_ref());
    on_finished.forget();
    chart
}

/// The colours and settings a chart is drawn with on this page now.
fn display_settings<'a>(
    el: &web_sys::HtmlElement,
    lang: Lang,
    money: &'a dyn Fn(f64) -> String,
    patterns: bool,
    narrow: bool,
    dark: Option<bool>,
) -> Display<'a> {
    // The page's colours must be the chosen theme's before they are read.
    super::settings::apply_theme(dark);
    let colour = |name: &str, fallback: &str| css_var(el, name).unwrap_or_else(|| fallback.to_string());
    Display {
        lang,
        money,
        selected_word: Msg::Selected.get(lang),
        animate: !prefers("(prefers-reduced-motion: reduce)"),
        patterns,
        ink: colour("--ink", "#1b1f24"),
        muted: colour("--muted", "#4a5560"),
        line: colour("--line", "#c9d1d9"),
        dark: super::settings::is_dark(dark),
        narrow,
    }
}

/// Saves the chart as an image that explains itself: title, unit and filters above; source,
/// licence, data date, version and link below; every category; a white page.
fn save_image(spec: &ChartSpec, ctx: Ctx, format: ImageFormat, patterns: bool) {
    let store = expect_context::<Arc<Store>>();
    let dataset = expect_context::<super::embed::DatasetId>().0;
    let lang = ctx.lang.get_untracked();
    let (state, filter) = ctx.state.with_untracked(|s| (s.clone(), s.filter.clone()));
    let locale = WebLocale::shared(lang, &spec.currency);
    let money = |v: f64| locale.money_full(v);
    let Some(el) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.body()) else { return };
    let display = display_settings(&el, lang, &money, patterns, false, state.dark);
    let m = &store.metadata;
    let date = super::download::today();
    let filters = crate::core::charts::spec::filter_line(&store, &filter, &*locale);
    let texts = ExportTexts {
        title: spec.title.clone(),
        subtitle: if has_axis(spec) { format!("{} · {filters}", spec.unit.label) } else { filters },
        source: text::ExportSource { publisher: &m.publisher, licence: &m.licence, as_of: &m.data_as_of, version: &m.dataset_version }.format(lang),
        link: text::ExportLink { url: super::embed::view_url(&state, &store, dataset.as_deref(), None), date: &date }.format(lang),
    };
    let opt = option::export_option(spec, &display, &texts);
    let Some(url) = echarts::image_url(&to_echarts(&opt, lang), format, 1200, option::export_height(spec)) else { return };
    let name = crate::core::charts::export::file_name(&m.id, spec.id, &filter, &date, format.extension());
    super::download::data_url(&name, &url);
}

/// Charts with a value axis name their unit above the drawing ("USD, millions").
fn has_axis(spec: &ChartSpec) -> bool {
    !matches!(spec.chart_type, ChartType::Donut | ChartType::Sankey | ChartType::Map)
}

#[component]
pub fn ChartFigure(
    spec: Memo<ChartSpec>,
    #[prop(optional)] children: Option<Children>,
    /// Spans the whole row of the grid (a half-width chart that would otherwise stand alone).
    #[prop(optional)]
    wide: bool,
) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let lang = ctx.lang;
    let id = spec.with_untracked(|s| s.id);
    let container = NodeRef::<leptos::html::Div>::new();
    let instance = StoredValue::new_local(None::<ECharts>);
    let requested = StoredValue::new(0u32);
    // Each run of the drawing effect; a draw waiting for its task is dropped if a later run came.
    let generation = StoredValue::new(0u32);
    let show_table = RwSignal::new(false);
    // The table is printed in place of a chart that could not be drawn for print.
    let print_table = RwSignal::new(false);
    let narrow = RwSignal::new(false);
    // Only the patterns and theme settings of the URL state restyle a chart; a change elsewhere in the state
    // (another chart's filter) must not redraw a chart whose spec stayed the same.
    let patterns_setting = Memo::new(move |_| ctx.state.with(|s| s.patterns));
    let patterns = move || patterns_setting.get().unwrap_or_else(|| prefers("(prefers-contrast: more)"));
    let theme = Memo::new(move |_| ctx.state.with(|s| s.dark));

    // Bumped when a map's boundaries (or the ECharts module for donuts, Sankey and maps) arrive,
    // so the chart is drawn then.
    let maps_arrived = RwSignal::new(0u32);
    let map_failed = RwSignal::new(false);
    // A chart is drawn while it is on the screen, and once the reader scrolls, while it is near it:
    // a cheap phone opening the page draws the first screen's charts (the default view's: none, its
    // first screen is the header and figures), not twelve, and a filter change redraws what the
    // reader can see. The others are drawn as they come near, once for what changed while they
    // were away.
    let near = RwSignal::new(false);
    // On the screen itself (no margin): drawn whether or not the page was scrolled; and redrawn in
    // the frame that paints a change.
    let on_screen = RwSignal::new(false);
    let drawable = Memo::new(move |_| on_screen.get() || (near.get() && ctx.scrolled.get()));
    let echarts_arrived = use_context::<echarts::Arrived>().map(|a| a.0);
    let drawn_for = StoredValue::new(None::<DrawnFor>);
    // `now`: drawn at once, whether near the screen or not (for printing); else only when
    // `drawable`: a first drawing in two tasks of its own, a redraw in the next frame (see the end
    // of this closure).
    let render = move |now: bool| {
        let lang = lang.get();
        let narrow = narrow.get();
        let echarts = echarts_arrived.map(|a| a.get()).unwrap_or(true) && echarts::available();
        // One copy of the spec per run, kept as what was drawn (it used to be copied twice).
        let inputs = DrawnFor { spec: spec.get(), lang, narrow, patterns: patterns(), theme: theme.get(), maps: maps_arrived.get(), echarts };
        let current = &inputs.spec;
        // A draw still waiting for its task has not painted anything yet.
        let waiting = now && container.get_untracked().is_some_and(|el| el.has_attribute("data-pending"));
        let unchanged = !waiting && drawn_for.with_value(|d| d.as_ref() == Some(&inputs));
        if !(drawable.get() || now) || unchanged {
            // Tests (and the benchmark) scroll to a chart marked stale to have it drawn.
            if let Some(el) = container.get_untracked() {
                let _ = if unchanged { el.remove_attribute("data-stale") } else { el.set_attribute("data-stale", "") };
            }
            return;
        }
        generation.update_value(|g| *g += 1);
        let Some(el) = container.get() else { return };
        // Donuts, Sankey diagrams, maps and legends arrive in a second ECharts module, fetched when first drawn.
        if echarts && !current.empty && current.omitted.is_none() && option::needs_more_charts(current) {
            match echarts::ensure_more_charts(move || {
                let _ = maps_arrived.try_update(|n| *n += 1);
            }) {
                echarts::MapState::Ready => {}
                echarts::MapState::Loading => return,
                echarts::MapState::Failed => {
                    map_failed.set(current.chart_type == ChartType::Map);
                    return;
                }
            }
        }
        if let Some(layer) = current.map.as_ref().filter(|_| echarts && !current.empty && current.omitted.is_none()) {
            match echarts::ensure_map(&layer.name, move || maps_arrived.try_update(|n| *n += 1).unwrap_or_default()) {
                echarts::MapState::Ready => map_failed.set(false),
                echarts::MapState::Loading => return,
                echarts::MapState::Failed => {
                    map_failed.set(true);
                    return;
                }
            }
        }
        let _ = el.remove_attribute("data-stale");
        if current.empty || current.omitted.is_some() || !echarts {
            drawn_for.set_value(Some(inputs));
            instance.update_value(|i| {
                if let Some(c) = i.take() {
                    c.dispose();
                }
            });
            return;
        }
        drawn_for.set_value(Some(inputs));
        // ECharts draws in tasks of its own for each chart, in page order: the browser can paint
        // and answer the reader between charts instead of freezing until every chart is drawn.
        let this_run = generation.get_value();
        let _ = el.set_attribute("data-pending", "");
        // Builds this run's option and has ECharts draw it.
        let set_option = move |el: web_sys::HtmlDivElement| {
            // `try_`: the chart may have been disposed (another dataset picked) in between; and a
            // later run (a new filter, an empty selection) supersedes this draw.
            if generation.try_get_value() != Some(this_run) {
                return;
            }
            // The option is built here, not in the effect: a chart below the screen builds it after
            // the frame that shows the change, and the first load builds each chart's in the chart's
            // own task. Same generation, so `drawn_for` still holds this run's inputs.
            let Some(opt) = drawn_for
                .try_with_value(|d| {
                    d.as_ref().map(|d| {
                        let locale = WebLocale::shared(d.lang, &d.spec.currency);
                        let money = |v: f64| locale.money_full(v);
                        to_echarts(&option::option(&d.spec, &display_settings(&el, d.lang, &money, d.patterns, d.narrow, d.theme)), d.lang)
                    })
                })
                .flatten()
            else {
                return;
            };
            // Tests and the benchmark wait until `data-rendered` reaches this count.
            let _ = el.remove_attribute("data-pending");
            super::mark("draw");
            requested.try_update_value(|n| *n += 1);
            let _ = el.set_attribute("data-requested", &requested.try_get_value().unwrap_or_default().to_string());
            instance.try_with_value(|c| {
                if let Some(c) = c {
                    c.set_option(&opt, &echarts::to_js(&json!({ "notMerge": true })));
                }
            });
        };
        let draw = Closure::once_into_js(move || {
            if generation.try_get_value() != Some(this_run) {
                return;
            }
            let first = instance.try_with_value(Option::is_none).unwrap_or(false);
            if first {
                instance.try_set_value(Some(create_chart(&el, spec, ctx)));
            }
            if !first || now {
                set_option(el);
                return;
            }
            // A chart's first drawing in two tasks, so that a slow phone can answer the reader in
            // between: ECharts has set the chart up (its canvas, its listeners) in this one; the
            // option is built and drawn in the next. `data-pending` stays until then: the rest of
            // the page waits for it (`dashboard::after_queued_draws`).
            let next = Closure::once_into_js(move || set_option(el));
            if let Some(w) = web_sys::window() {
                let _ = w.set_timeout_with_callback(next.unchecked_ref());
            }
        });
        let redraw = instance.with_value(Option::is_some);
        if now {
            let _ = draw.unchecked_ref::<js_sys::Function>().call0(&JsValue::NULL);
        } else if let Some(w) = web_sys::window() {
            // A redraw (a filter change) of a chart on the screen runs in the next frame, before it is
            // painted: the new figures and the new charts appear together, and the charts below the
            // screen, drawn ahead of scrolling, wait for tasks after that frame instead of delaying it.
            // A first drawing keeps a task of its own (the page is still being built: see
            // `dashboard::after_queued_draws`).
            let _ = match (redraw, on_screen.get_untracked()) {
                (true, true) => w.request_animation_frame(draw.unchecked_ref()),
                (true, false) => {
                    let after_frame = Closure::once_into_js(move || {
                        if let Some(w) = web_sys::window() {
                            let _ = w.set_timeout_with_callback(draw.unchecked_ref());
                        }
                    });
                    w.request_animation_frame(after_frame.unchecked_ref())
                }
                (false, _) => w.set_timeout_with_callback(draw.unchecked_ref()),
            };
        }
    };
    Effect::new(move |_| render(false));
    // Printing: a chart never scrolled near would print blank. ECharts paints its canvas within
    // `setOption`, so drawing here, synchronously, comes before the browser's print snapshot.
    // A chart whose map boundaries or chart module have not arrived cannot be drawn in time: its
    // table is printed in its place (style/main.css), until "afterprint".
    let on_print = Closure::<dyn Fn(web_sys::Event)>::new(move |ev: web_sys::Event| {
        let Some(figure) = container.get_untracked().and_then(|el| el.closest("figure").ok().flatten()) else { return };
        if ev.type_() == "afterprint" {
            let _ = figure.class_list().remove_1("print-table");
            print_table.set(false);
            return;
        }
        render(true);
        let drawn = drawn_for.with_value(|d| spec.with_untracked(|s| d.as_ref().is_some_and(|d| d.shows(s))));
        let _ = figure.class_list().toggle_with_force("print-table", !drawn);
        // Its rows are written in the microtasks that follow this handler, before the print layout.
        print_table.set(!drawn);
    });
    if let Some(w) = web_sys::window() {
        for event in ["beforeprint", "afterprint"] {
            let _ = w.add_event_listener_with_callback(event, on_print.as_ref().unchecked_ref());
        }
    }

    // Redraw at the container's size whenever it changes: window resizes, text zoom, reflow; a
    // change across the phone width rebuilds the option in its narrow form.
    // The observer reports the size it measured after layout (also once when it starts watching):
    // reading the element's width here instead would force a layout of the page per chart.
    let on_resize = Closure::<dyn Fn(js_sys::Array)>::new(move |entries: js_sys::Array| {
        if let Some(entry) = entries.iter().last() {
            let width = entry.unchecked_into::<web_sys::ResizeObserverEntry>().content_rect().width();
            let is_narrow = width > 0.0 && width < f64::from(NARROW_PX);
            if narrow.try_get_untracked() != Some(is_narrow) {
                narrow.try_set(is_narrow);
            }
        }
        // `try_`: the observer may fire while a replaced dashboard is being disposed.
        instance.try_with_value(|c| {
            if let Some(c) = c {
                c.resize()
            }
        });
    });
    let observer = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()).ok();
    let watching = observer.clone();
    let on_visible = intersection_callback(near);
    let margin = web_sys::IntersectionObserverInit::new();
    margin.set_root_margin(NEAR_SCREEN_MARGIN);
    let visibility = web_sys::IntersectionObserver::new_with_options(on_visible.as_ref().unchecked_ref(), &margin).ok();
    let on_seen = intersection_callback(on_screen);
    let seen = web_sys::IntersectionObserver::new(on_seen.as_ref().unchecked_ref()).ok();
    // Where the browser cannot tell, every chart is drawn.
    if visibility.is_none() || seen.is_none() {
        on_screen.set(true);
    }
    let watching_visibility = [visibility.clone(), seen.clone()];
    Effect::new(move |_| {
        if let (Some(el), Some(o)) = (container.get(), watching.as_ref()) {
            o.observe(&el);
        }
        for v in watching_visibility.iter().flatten() {
            if let Some(el) = container.get() {
                v.observe(&el);
            }
        }
    });
    let held = send_wrapper::SendWrapper::new((on_resize, observer, on_visible, visibility, on_print, on_seen, seen));
    on_cleanup(move || {
        if let Some(w) = web_sys::window() {
            for event in ["beforeprint", "afterprint"] {
                let _ = w.remove_event_listener_with_callback(event, held.4.as_ref().unchecked_ref());
            }
        }
        if let Some(o) = &held.1 {
            o.disconnect();
        }
        for v in [&held.3, &held.6].into_iter().flatten() {
            v.disconnect();
        }
        instance.try_update_value(|i| {
            if let Some(c) = i.take() {
                c.dispose();
            }
        });
    });

    // Keyboard: one tab stop; arrows move through points, Enter filters, Escape stops and leaves
    // the focus on the chart.
    let cursor = StoredValue::new(None::<Cursor>);
    let announcement = RwSignal::new(String::new());
    let highlight = move |c: Option<Cursor>, spec: &ChartSpec| {
        instance.with_value(|chart| {
            let Some(chart) = chart else { return };
            chart.dispatch_action(&echarts::to_js(&json!({ "type": "downplay" })));
            chart.dispatch_action(&echarts::to_js(&json!({ "type": "hideTip" })));
            if let Some(c) = c {
                let series = if spec.chart_type == ChartType::Sankey { 0 } else { c.series };
                chart.dispatch_action(&echarts::to_js(&json!({ "type": "highlight", "seriesIndex": series, "dataIndex": c.index })));
                chart.dispatch_action(&echarts::to_js(&json!({ "type": "showTip", "seriesIndex": series, "dataIndex": c.index })));
            }
        });
    };
    let on_keydown = move |ev: web_sys::KeyboardEvent| {
        let key = ev.key();
        let current = spec.get_untracked();
        let l = lang.get_untracked();
        match key.as_str() {
            "Escape" => {
                if cursor.get_value().is_some() {
                    ev.prevent_default();
                }
                cursor.set_value(None);
                highlight(None, &current);
                announcement.set(String::new());
            }
            "Enter" | " " => {
                if let Some(c) = cursor.get_value() {
                    ev.prevent_default();
                    if let Some((dim, code)) = crate::core::charts::spec::category_filter(&current, c.index) {
                        ctx.update(|s| s.filter.toggle(dim, &code));
                    }
                }
            }
            _ => {
                let start = cursor.get_value();
                let moved = match start {
                    None if step(&current, Cursor::default(), &key, l.is_rtl()).is_some() => Some(Cursor::default()),
                    None => None,
                    Some(c) => step(&current, c, &key, l.is_rtl()),
                };
                if let Some(c) = moved {
                    ev.prevent_default();
                    cursor.set_value(Some(c));
                    highlight(Some(c), &current);
                    let locale = WebLocale::shared(l, &current.currency);
                    announcement.set(announce(&current, c, &|v| locale.money_full(v), l));
                }
            }
        }
    };
    // A new spec (filter, language) may have fewer points: start again.
    Effect::new(move |_| {
        spec.track();
        cursor.set_value(None);
    });

    let title_id = format!("chart-title-{id}");
    let summary_id = format!("chart-summary-{id}");
    let table_id = format!("chart-table-{id}");
    let omitted = move || spec.with(|s| s.omitted.is_some());
    view! {
        <figure class="chart" id=id data-chart=id aria-labelledby=title_id.clone() class:omitted=omitted class:wide=wide>
            <figcaption>
                <h2 id=title_id.clone()>{move || spec.with(|s| s.title.clone())}</h2>
                <p class="summary" id=summary_id.clone()>{move || spec.with(|s| s.summary.clone())}</p>
            </figcaption>
            <p class="unit" hidden=move || spec.with(|s| s.empty || s.omitted.is_some() || !has_axis(s))>{move || spec.with(|s| s.unit.label.clone())}</p>
            // ECharts writes our description (title + summary) as this element's aria-label.
            <div class="canvas" role="application" aria-roledescription=move || Msg::ChartRole.get(lang.get())
                aria-describedby=format!("{summary_id} chart-help-{id}") tabindex=move || if spec.with(|s| s.empty || s.omitted.is_some()) { "-1" } else { "0" }
                class:empty=move || spec.with(|s| s.empty || s.omitted.is_some()) node_ref=container data-requested="0" data-rendered="0"
                on:keydown=on_keydown on:blur=move |_| announcement.set(String::new())></div>
            <p class="sr-only" id=format!("chart-help-{id}")>{move || Msg::ChartKeyboardHelp.get(lang.get())}</p>
            <p class="sr-only announcer" aria-live="polite" aria-atomic="true">{move || announcement.get()}</p>
            {move || spec.with(|s| s.empty && s.omitted.is_none()).then(|| view! { <p class="no-data">{Msg::NoData.get(lang.get())}</p> })}
            {move || map_failed.get().then(|| view! { <p class="no-data">{Msg::MapUnavailable.get(lang.get())}</p> })}
            // A map's shades, in words: the legend says which range of money each shade stands for.
            {move || spec.with(|s| s.map.clone().filter(|_| !s.empty && s.omitted.is_none())).map(|layer| view! {
                <ul class="map-legend" aria-label=move || Msg::MapLegend.get(lang.get())>
                    {layer.legend.into_iter().enumerate().map(|(k, text)| view! {
                        <li><span class=format!("swatch shade-{k}") aria-hidden="true"></span>{text}</li>
                    }).collect_view()}
                </ul>
            })}
            <p class="counted-once" hidden=move || spec.with(|s| s.empty || s.omitted.is_some() || s.counts)>{move || Msg::CountedOnce.get(lang.get())}</p>
            <div class="chart-actions" hidden=omitted>
            <button type="button" class="table-toggle" aria-expanded=move || show_table.get().to_string() aria-controls=table_id.clone()
                on:click=move |_| show_table.update(|v| *v = !*v)>
                {move || if show_table.get() { Msg::HideTable.get(lang.get()) } else { Msg::ShowTable.get(lang.get()) }}
            </button>
            <button type="button" class="download-csv" on:click=move |_| {
                let current = spec.get_untracked();
                let filter = ctx.state.with_untracked(|s| s.filter.clone());
                let store = expect_context::<Arc<Store>>();
                let name = crate::core::charts::export::file_name(&store.metadata.id, current.id, &filter, &super::download::today(), "csv");
                super::download::csv(&name, &crate::core::charts::export::table_csv(&current.table, &current.currency));
            }>{move || Msg::DownloadCsv.get(lang.get())}</button>
            {[(ImageFormat::Png, "download-png"), (ImageFormat::Svg, "download-svg")].map(|(format, class)| view! {
                <button type="button" class=class hidden=move || spec.with(|s| s.empty) on:click=move |_| {
                    let save = move || spec.with_untracked(|s| save_image(s, ctx, format, patterns()));
                    // An image's title and legend, and SVG's renderer, are in the module fetched when first needed.
                    if echarts::ensure_more_charts(save) != echarts::MapState::Ready {
                        return;
                    }
                    save();
                }>{move || if format == ImageFormat::Svg { Msg::DownloadSvg.get(lang.get()) } else { Msg::DownloadPng.get(lang.get()) }}</button>
            })}
            <super::embed::EmbedDialog chart_id=id title=Signal::derive(move || spec.with(|s| s.title.clone()))/>
            </div>
            // A wide table scrolls sideways on phones: a focusable, named region keeps it keyboard-reachable.
            <div class="table-wrap" id=table_id.clone() hidden=move || !show_table.get() tabindex="0" role="region"
                aria-labelledby=title_id.clone()>
                {move || (show_table.get() || print_table.get()).then(|| spec.with(|s| data_table(s, lang.get())))}
            </div>
            {children.map(|c| c())}
        </figure>
    }
}

fn data_table(spec: &ChartSpec, lang: Lang) -> impl IntoView {
    let locale = WebLocale::shared(lang, &spec.currency);
    let Table { columns, rows, footer } = &spec.table;
    let text = |i: usize, c: &Cell| -> String {
        match c {
            Cell::Text(t) => t.clone(),
            Cell::Number(v) => match columns[i].kind {
                ColumnKind::Money => locale.money_full(*v),
                ColumnKind::Percent => locale.percent(*v),
                ColumnKind::Count | ColumnKind::Text => locale.count(*v),
            },
        }
    };
    let format_row = |row: &Vec<Cell>| -> Vec<String> { row.iter().enumerate().map(|(i, c)| text(i, c)).collect() };
    let body: Vec<(bool, Vec<String>)> = rows.iter().enumerate().map(|(i, r)| (spec.is_selected(i), format_row(r))).collect();
    let foot: Option<Vec<String>> = footer.as_ref().map(format_row);
    let render_row = move |row: Vec<String>, selected: bool| {
        row.into_iter()
            .enumerate()
            .map(|(i, t)| {
                if i == 0 {
                    // Dataset names may be in another script than the page: each cell isolates its text.
                    view! { <th scope="row" dir="auto">{t}{selected.then(|| view! { <span class="sr-only">{format!(" ({})", Msg::Selected.get(lang))}</span> })}</th> }.into_any()
                } else {
                    view! { <td class="num">{t}</td> }.into_any()
                }
            })
            .collect_view()
    };
    view! {
        <table>
            <caption>{spec.title.clone()}</caption>
            <thead><tr>{columns.iter().map(|c| {
                let class = if c.kind == ColumnKind::Text { "" } else { "num" };
                view! { <th scope="col" class=class>{c.label.clone()}</th> }
            }).collect_view()}</tr></thead>
            <tbody>{body.into_iter().map(|(selected, r)| view! { <tr class:selected=selected>{render_row(r, selected)}</tr> }).collect_view()}</tbody>
            {foot.map(|f| view! { <tfoot><tr>{render_row(f, false)}</tr></tfoot> })}
        </table>
    }
}
