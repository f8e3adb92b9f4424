//! The page: language and direction, loading the requested dataset, then the dashboard or why
//! it could not be shown.

use super::dashboard::Dashboard;
use super::load::{self, LoadProblem, Loaded};
use super::problem::ProblemNotice;
use super::settings::Settings;
use super::state::Ctx;
use crate::core::locale::i18n::Msg;
use leptos::prelude::*;

#[component]
pub fn App() -> impl IntoView {
    let ctx = Ctx::new();
    provide_context(ctx);
    let lang = ctx.lang;

    Effect::new(move |_| {
        let l = lang.get();
        if let Some(html) = document().document_element() {
            let _ = html.set_attribute("lang", l.code());
            let _ = html.set_attribute("dir", if l.is_rtl() { "rtl" } else { "ltr" });
        }
    });

    Effect::new(move |_| super::settings::apply_theme(ctx.state.with(|s| s.dark)));

    // The text is shown as soon as the dataset is read; the charts are drawn when ECharts arrives.
    let (echarts_arrived, set_echarts_arrived) = signal(super::echarts::available());
    provide_context(super::echarts::Arrived(echarts_arrived));
    leptos::task::spawn_local(async move {
        super::echarts::ready().await;
        set_echarts_arrived.set(true);
    });

    super::intl::warm_up(lang.get_untracked());
    let skeleton_shown = RwSignal::new(document().get_element_by_id("skeleton").is_some());
    let requested = Memo::new(move |_| ctx.state.with(|s| (s.dataset.clone(), s.data.clone(), s.version.clone())));
    let loading = RwSignal::new(true);
    let data = RwSignal::new_local(None::<Result<Loaded, LoadProblem>>);
    // Each request loads on its own; a newer one (another dataset picked while one loads) aborts
    // the older one's fetches, and only the latest request's answer is shown.
    type Request = (Option<String>, Option<String>, Option<String>);
    let in_flight = StoredValue::new_local(None::<(Request, web_sys::AbortController)>);
    Effect::new(move |_| {
        let request = requested.get();
        if let Some((_, previous)) = in_flight.get_value() {
            previous.abort();
        }
        // Every browser that runs WebAssembly has AbortController.
        let controller = web_sys::AbortController::new().expect("AbortController");
        let signal = controller.signal();
        in_flight.set_value(Some((request.clone(), controller)));
        loading.set(true);
        leptos::task::spawn_local(async move {
            let mut loaded = load::load(request.0.clone(), request.1.clone(), request.2.clone(), signal).await;
            super::mark("dataset-read");
            // Reading the dataset was one task; the view of the first screen is computed in the
            // next, and the page is built from it in the one after: a slow phone runs three
            // shorter tasks instead of one long one.
            super::next_task().await;
            if let Ok(l) = loaded.as_mut() {
                l.first_view = super::dashboard::first_view(&l.store, ctx);
                if l.first_view.is_some() {
                    super::next_task().await;
                }
            }
            let latest = in_flight.with_value(|f| f.as_ref().map(|(r, _)| r.clone()));
            if matches!(loaded, Err(LoadProblem::Cancelled)) || latest.as_ref() != Some(&request) {
                return;
            }
            data.set(Some(loaded));
            // The static first screen gives way to the app's, in the same frame.
            if let Some(skeleton) = document().get_element_by_id("skeleton") {
                skeleton.remove();
            }
            skeleton_shown.set(false);
            loading.set(false);
            super::register_service_worker();
        });
    });

    let embedded = ctx.state.with_untracked(|s| s.embed.is_some());
    let catalog_view = Memo::new(move |_| ctx.state.with(|s| s.catalog));
    if embedded {
        super::embed::post_height_to_parent();
    }
    view! {
        <a class="skip-link" href="#charts">{move || Msg::SkipToCharts.get(lang.get())}</a>
        // With a dataset shown, the settings sit in its header's top bar; until then (and when
        // nothing can be shown) here.
        // Until the first dataset arrives, the static first screen of index.html stands in.
        {move || (!embedded && !skeleton_shown.get() && !matches!(data.get(), Some(Ok(_)))).then(|| view! { <div class="topbar standalone"><Settings/></div> })}
        // A dataset is being replaced: the old one stays readable meanwhile.
        {move || (loading.get() && data.get().is_some()).then(|| view! {
            <p class="reloading" role="status"><progress aria-hidden="true"></progress>" "{Msg::Loading.get(lang.get())}</p>
        })}
        {move || match data.get() {
            None => (move || (!skeleton_shown.get()).then(|| view! { <Loading/> })).into_any(),
            // The catalog of datasets, or the loaded one; switching re-creates only on change.
            Some(Ok(loaded)) => (move || if catalog_view.get() && !embedded {
                view! { <super::catalog::CatalogPage loaded=loaded.clone()/> }.into_any()
            } else {
                view! { <Dashboard loaded=loaded.clone()/> }.into_any()
            }).into_any(),
            Some(Err(problem)) => view! { <main id="main" class="fatal"><ProblemNotice problem=problem bundled_failed=true/></main> }.into_any(),
        }}
    }
}

/// Shown until the first dataset has arrived.
#[component]
fn Loading() -> impl IntoView {
    let lang = expect_context::<Ctx>().lang;
    view! {
        <main id="main" class="loading" aria-busy="true">
            <p role="status">{move || Msg::Loading.get(lang.get())}</p>
            <progress aria-label=move || Msg::Loading.get(lang.get())></progress>
        </main>
    }
}
