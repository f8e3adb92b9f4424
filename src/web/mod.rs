//! The dashboard: a thin Leptos layer over `core`. Data flows one way:
//! URL state → load → store → filter → `spec::build_view` → {chart, table, summary}.

mod app;
mod chart;
mod download;
mod embed;
mod echarts;
mod filters;
mod intl;
mod load;
mod option;
mod state;

pub fn start() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::App);
}
