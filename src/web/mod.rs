//! The dashboard: a thin Leptos layer over `core`. Data flows one way:
//! URL state → load → store → filter → `spec::build_view` → {chart, table, summary}.

mod app;
mod bench;
mod catalog;
mod changes;
mod chart;
mod compare;
mod dashboard;
mod download;
mod echarts;
mod embed;
mod filters;
mod header;
mod headline;
mod intl;
mod load;
mod problem;
mod provenance;
mod search_box;
mod settings;
mod state;

/// Keeps the site readable offline after one visit (public sw.js, written at build time). Where
/// service workers are unavailable (some iframes, private modes) the site simply works online.
/// Registered after the first dataset is drawn, so its caching never competes with the first view.
pub(crate) fn register_service_worker() {
    if let Some(w) = web_sys::window() {
        if js_sys::Reflect::has(&w.navigator(), &"serviceWorker".into()).unwrap_or(false) {
            let _ = w.navigator().service_worker().register("./sw.js");
        }
    }
}

pub fn start() {
    console_error_panic_hook::set_once();
    // Counts inside translated sentences ("in 1.234 contributions") are written by `Intl` too.
    crate::core::locale::i18n::set_count_format(intl::count);
    // The static skeleton of index.html (with the default dataset's header baked in) is shown
    // until the app has painted once: mount after the next frame, so the baked header is on
    // screen even when the WebAssembly arrives before the first paint.
    use wasm_bindgen::{closure::Closure, JsCast};
    let mount = Closure::once_into_js(|| {
        if let Some(skeleton) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("skeleton")) {
            skeleton.remove();
        }
        leptos::mount::mount_to_body(app::App);
    });
    // Two frames: the first frame's paint is presented before the second frame begins.
    let next_frame = Closure::once_into_js(move || {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback(mount.unchecked_ref());
        }
    });
    let after_paint = Closure::once_into_js(move || {
        if let Some(w) = web_sys::window() {
            let _ = w.request_animation_frame(next_frame.unchecked_ref());
        }
    });
    match web_sys::window() {
        Some(w) => {
            let _ = w.request_animation_frame(after_paint.unchecked_ref());
        }
        None => leptos::mount::mount_to_body(app::App),
    }
}
