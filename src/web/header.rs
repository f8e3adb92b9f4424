//! The top of the page: the product and the dataset picker, the dataset's title, and "About this
//! data": its description and provenance (publisher, source, licence, dates, version, import report).

use super::provenance::{DatasetPicker, ReportDetails};
use super::state::Ctx;
use crate::core::format::catalog::Catalog;
use crate::core::format::dataset::Metadata;
use crate::core::import::ImportReport;
use crate::core::locale::i18n::Msg;
use leptos::prelude::*;
use std::sync::Arc;

/// The site header of the whole page (not shown in embeds).
#[component]
pub fn SiteHeader(meta: Metadata, catalog: Arc<Catalog>, current: Option<String>, report: Option<ImportReport>) -> impl IntoView {
    let lang = expect_context::<Ctx>().lang;
    let m = meta;
    // The title and description in the reader's language where the Alianzas team translated them
    // (marked as such); the dataset's own texts are kept below, under "Original title".
    let entry = current.as_deref().and_then(|id| catalog.find(id)).filter(|e| e.dataset_version == m.dataset_version).cloned();
    let texts = {
        let (title, description) = (m.title.clone(), m.description.clone());
        // Untranslated, the loaded dataset's own texts (the catalog may describe an older file).
        move || match entry.as_ref().map(|e| e.texts(lang.get())) {
            Some((t, d, true)) => (t.to_string(), d.map(str::to_string), true),
            _ => (title.clone(), description.clone(), false),
        }
    };
    let texts = Memo::new(move |_| texts());
    let current_id = current;
    let about_opened = RwSignal::new(false);
    view! {
        <header class="site-header">
            <TopBar catalog=catalog current=current_id/>
            // Dataset texts may be in another language than the page: each isolates its direction.
            <h1 id="dataset-title" dir="auto" lang=move || texts.with(|t| t.2.then(|| lang.get().code()))>{move || texts.with(|t| t.0.clone())}</h1>
            // Provenance one tap away, every field kept: what the figures are, who published them,
            // under which licence, as of when, and how they were imported.
            <details class="about-data" id="about-data" on:toggle=move |_| about_opened.set(true)>
                // Source, date and licence stay in sight on one line; the whole of them inside.
                <summary>
                    <span class="about-title">{move || Msg::AboutData.get(lang.get())}</span>
                    <span class="about-line" dir="auto">{format!("{} · {} · {}", m.publisher, m.data_as_of, m.licence)}</span>
                </summary>
                {move || texts.with(|t| t.1.clone()).map(|d| view! { <p class="description" dir="auto" lang=move || texts.with(|t| t.2.then(|| lang.get().code()))>{d}</p> })}
                {move || texts.with(|t| t.2).then(|| view! { <p class="translated-note">{move || Msg::TranslatedNote.get(lang.get())}</p> })}
                <dl class="provenance">
                    {move || texts.with(|t| t.2).then(|| view! { <div><dt>{move || Msg::OriginalTitle.get(lang.get())}</dt><dd data-meta="original-title" lang="en" dir="auto">{m.title.clone()}</dd></div> })}
                    <div><dt>{move || Msg::Publisher.get(lang.get())}</dt><dd data-meta="publisher" dir="auto">{m.publisher.clone()}</dd></div>
                    <div><dt>{move || Msg::Source.get(lang.get())}</dt><dd>{match crate::core::format::dataset::safe_link(&m.source_url) {
                        Some(href) => view! { <a data-meta="source" href=href rel="noopener noreferrer">{m.source_url.clone()}</a> }.into_any(),
                        None => view! { <span data-meta="source">{m.source_url.clone()}</span> }.into_any(),
                    }}</dd></div>
                    <div><dt>{move || Msg::Licence.get(lang.get())}</dt><dd data-meta="licence" dir="auto">{match m.licence_url.as_deref().and_then(crate::core::format::dataset::safe_link) {
                        Some(u) => view! { <a href=u rel="noopener noreferrer">{m.licence.clone()}</a> }.into_any(),
                        None => m.licence.clone().into_any(),
                    }}</dd></div>
                    <div><dt>{move || Msg::DataAsOf.get(lang.get())}</dt><dd data-meta="data-as-of"><time datetime=m.data_as_of.clone()>{m.data_as_of.clone()}</time></dd></div>
                    {m.retrieved.clone().map(|r| view! { <div><dt>{move || Msg::Retrieved.get(lang.get())}</dt><dd data-meta="retrieved"><time datetime=r.clone()>{r.clone()}</time></dd></div> })}
                    <div><dt>{move || Msg::DatasetVersion.get(lang.get())}</dt><dd data-meta="version">{m.dataset_version.clone()}</dd></div>
                    {m.generator.clone().map(|g| view! { <div><dt>{move || Msg::Generator.get(lang.get())}</dt><dd data-meta="generator">{g}</dd></div> })}
                </dl>
                // The import report (hundreds of lines for some datasets) is built when first opened.
                {move || about_opened.get().then(|| report.clone().map(|r| view! { <ReportDetails report=r/> }))}
            </details>
        </header>
    }
}

/// The first line of the page: the product, the dataset picker with the catalog link, the settings.
#[component]
pub fn TopBar(catalog: Arc<Catalog>, current: Option<String>) -> impl IntoView {
    let lang = expect_context::<Ctx>().lang;
    let count = catalog.datasets.len();
    view! {
        <div class="topbar">
            <p class="brand">"Alianzas"<span class="tagline">{move || Msg::AppTagline.get(lang.get())}</span></p>
            <DatasetPicker catalog=catalog current=current/>
            <super::catalog::CatalogLink count=count/>
            <super::settings::Settings/>
        </div>
    }
}
