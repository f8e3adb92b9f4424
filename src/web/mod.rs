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

/// A User Timing mark ("alianzas:…"): where the first load spends its time, in browser profiles
/// and in `make bench`.
pub(crate) fn mark(name: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.mark(&format!("alianzas:{name}"));
    }
}

/// Resolves in a later task: long work split at this point lets the browser paint and answer input.
pub(crate) async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback(&resolve);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

pub fn start() {
    console_error_panic_hook::set_once();
    // Counts inside translated sentences ("in 1.234 contributions") are written by `Intl` too.
    crate::core::locale::i18n::set_count_format(intl::count);
    // The page has painted its static first screen (index.html: the default dataset's title,
    // takeaway and figures baked in) before this runs (web-js/loader.mjs); it stays until the
    // first dataset is on screen (app.rs).
    mark("start");
    leptos::mount::mount_to_body(app::App);
    mark("mounted");
}
