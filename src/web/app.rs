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
            let loaded = load::load(request.0.clone(), request.1.clone(), request.2.clone(), signal).await;
            let latest = in_flight.with_value(|f| f.as_ref().map(|(r, _)| r.clone()));
            if matches!(loaded, Err(LoadProblem::Cancelled)) || latest.as_ref() != Some(&request) {
                return;
            }
            super::echarts::ready().await;
            data.set(Some(loaded));
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
        {move || (!embedded && !matches!(data.get(), Some(Ok(_)))).then(|| view! { <div class="topbar standalone"><Settings/></div> })}
        // A dataset is being replaced: the old one stays readable meanwhile.
        {move || (loading.get() && data.get().is_some()).then(|| view! {
            <p class="reloading" role="status"><progress aria-hidden="true"></progress>" "{Msg::Loading.get(lang.get())}</p>
        })}
        {move || match data.get() {
            None => view! { <Loading/> }.into_any(),
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
