//! Embedding in partner sites: the iframe snippet, the source line an embedded chart carries, and
//! the height message for the host page (docs/embedding.md).

use super::state::Ctx;
use crate::core::analysis::store::Store;
use crate::core::charts::urlstate::UrlState;
use crate::core::locale::i18n::{text, Msg};
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The message an embedded page posts to its parent: its height, nothing else.
pub const HEIGHT_MESSAGE: &str = "alianzas:height";

/// The page's address without its query: where embeds and citations point.
pub fn base_url() -> String {
    let l = window().location();
    format!("{}{}", l.origin().unwrap_or_default(), l.pathname().unwrap_or_default())
}

/// The URL of a view of this dataset, pinned to its version, as `embed` (None: the full page).
pub fn view_url(state: &UrlState, store: &Store, dataset: Option<&str>, embed: Option<&str>) -> String {
    let mut s = state.clone();
    s.embed = embed.map(str::to_string);
    s.version = Some(store.metadata.dataset_version.clone());
    if s.data.is_none() {
        s.dataset = dataset.map(str::to_string);
    }
    format!("{}{}", base_url(), s.to_query())
}

/// The iframe snippet: titled, lazy, sized by our optional host script.
pub fn snippet(url: &str, title: &str) -> String {
    let attr = |s: &str| s.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;");
    let script = format!("{}embed/alianzas-embed.js", base_url().rsplit_once('/').map(|(b, _)| format!("{b}/")).unwrap_or_default());
    format!(
        "<iframe src=\"{}\" title=\"{}\" loading=\"lazy\" width=\"100%\" height=\"520\" style=\"border:0\" data-alianzas-embed></iframe>\n<script src=\"{}\" async></script>",
        attr(url),
        attr(title),
        attr(&script)
    )
}

/// In an iframe, tells the parent page how tall the content is whenever it changes.
pub fn post_height_to_parent() {
    let w = window();
    let Ok(Some(parent)) = w.parent() else { return };
    if parent == w {
        return;
    }
    let Some(body) = document().body() else { return };
    let post = Closure::<dyn Fn()>::new(move || {
        // The body's own height: the document's scroll height never drops below the iframe's, so
        // it could only ever grow.
        let Some(body) = document().body() else { return };
        let height = body.get_bounding_client_rect().height().ceil();
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &"type".into(), &HEIGHT_MESSAGE.into());
        let _ = js_sys::Reflect::set(&message, &"height".into(), &height.into());
        // Only a height: no data, so any host may read it.
        let _ = parent.post_message(&message, "*");
    });
    if let Ok(observer) = web_sys::ResizeObserver::new(post.as_ref().unchecked_ref()) {
        observer.observe(&body);
        std::mem::forget(observer);
    }
    post.forget();
}

/// The embed dialog of one chart: the snippet, a copy button and the direct link.
#[component]
pub fn EmbedDialog(chart_id: &'static str, title: Signal<String>) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let lang = ctx.lang;
    let store = expect_context::<Arc<Store>>();
    let dataset = expect_context::<DatasetId>().0;
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    let copied = RwSignal::new(false);
    let version = store.metadata.dataset_version.clone();
    let url = {
        let store = store.clone();
        let dataset = dataset.clone();
        Memo::new(move |_| ctx.state.with(|s| view_url(s, &store, dataset.as_deref(), Some(chart_id))))
    };
    let code = Memo::new(move |_| snippet(&url.get(), &format!("{} — Alianzas", title.get())));
    // The link and the snippet are written once the dialog is first opened (every chart has one;
    // writing them all with the page cost the first screen time), then follow the view.
    let opened = RwSignal::new(false);
    let dialog_title = format!("embed-title-{chart_id}");
    view! {
        <button type="button" class="embed-open" on:click=move |_| {
            opened.set(true);
            copied.set(false);
            if let Some(d) = dialog.get() {
                let _ = d.show_modal();
            }
        }>{move || Msg::Embed.get(lang.get())}</button>
        <dialog node_ref=dialog class="embed-dialog" aria-labelledby=dialog_title.clone()>
            <h3 id=dialog_title.clone()>{move || Msg::EmbedTitle.get(lang.get())}</h3>
            <p>{move || text::EmbedHelp { version: &version }.format(lang.get())}</p>
            <textarea readonly rows="5" aria-labelledby=dialog_title.clone() class="embed-code" prop:value=move || if opened.get() { code.get() } else { String::new() }></textarea>
            <p>
                <button type="button" on:click=move |_| {
                    let clipboard = window().navigator().clipboard();
                    let _ = clipboard.write_text(&code.get_untracked());
                    copied.set(true);
                }>{move || if copied.get() { Msg::Copied.get(lang.get()) } else { Msg::Copy.get(lang.get()) }}</button>
                " "
                {move || opened.get().then(|| view! {
                    <a class="direct-link" href=move || url.get() target="_blank" rel="noopener">{move || Msg::DirectLink.get(lang.get())}</a>
                })}
            </p>
            <form method="dialog"><button type="submit">{move || Msg::Close.get(lang.get())}</button></form>
        </dialog>
    }
}

/// The catalog id of the shown dataset (None for `?data=`), for links that reload it.
#[derive(Clone)]
pub struct DatasetId(pub Option<String>);

/// The line an embedded view carries: who published the data, under which licence, when, and a
/// link to the full dashboard.
#[component]
pub fn SourceLine() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let lang = ctx.lang;
    let store = expect_context::<Arc<Store>>();
    let dataset = expect_context::<DatasetId>().0;
    let m = store.metadata.clone();
    let version = m.dataset_version.clone();
    let full = {
        let store = store.clone();
        move || ctx.state.with(|s| view_url(s, &store, dataset.as_deref(), None))
    };
    view! {
        <p class="source-line">
            <span>{move || Msg::Source.get(lang.get())}": "</span>
            {match crate::core::format::dataset::safe_link(&m.source_url) {
                Some(href) => view! { <a href=href rel="noopener noreferrer" target="_blank">{m.publisher.clone()}</a> }.into_any(),
                None => m.publisher.clone().into_any(),
            }}
            " · " {m.licence.clone()} " · "
            <span>{move || Msg::DataAsOf.get(lang.get())}" "<time datetime=m.data_as_of.clone()>{m.data_as_of.clone()}</time></span>
            " · "
            <span data-meta="version">{move || text::DataVersion { version: &version }.format(lang.get())}</span>
            " · "
            <a href=full target="_blank" rel="noopener">{move || Msg::OpenFullDashboard.get(lang.get())}</a>
        </p>
    }
}

/// The filters an embedded view shows, in words, above the chart: a partner's page may show one
/// donor's bar, and must say so.
#[component]
pub fn EmbedFilters() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let store = expect_context::<Arc<Store>>();
    let line = move || {
        let locale = super::intl::WebLocale::shared(ctx.lang.get(), &store.metadata.currency);
        ctx.state.with(|s| crate::core::charts::spec::filter_line(&store, &s.filter, &*locale))
    };
    view! { <p class="embed-filters" data-meta="filters">{line}</p> }
}
