//! The catalog view (`?view=catalog`): a card per bundled dataset — its title and what it covers in
//! the reader's language, its years, its key figure and its source — reachable from the picker.

use super::intl::WebLocale;
use super::state::Ctx;
use crate::core::charts::spec::Locale;
use crate::core::format::catalog::{Catalog, Entry};
use crate::core::locale::i18n::{text, Msg};
use leptos::prelude::*;
use std::sync::Arc;

/// The link under the picker that opens the catalog.
#[component]
pub fn CatalogLink(count: usize) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let lang = ctx.lang;
    view! {
        <a class="catalog-link" id="catalog-link" href=move || format!("?view=catalog&lang={}", lang.get().code())
            on:click=move |ev| {
                ev.prevent_default();
                ctx.update(|s| s.catalog = true);
            }>{move || text::CatalogLink { count }.format(lang.get())}</a>
    }
}

/// The first sentence of a description: what a card has room for.
fn first_sentence(text: &str) -> &str {
    text.find(". ").map_or(text, |i| &text[..=i])
}

#[component]
pub fn CatalogCards(catalog: Arc<Catalog>) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let lang = ctx.lang;
    let card = move |entry: Entry| {
        let id = entry.id.clone();
        let open_id = id.clone();
        let href = move || format!("?dataset={id}&lang={}", lang.get().code());
        let e = entry.clone();
        let texts = move || {
            let (title, description, translated) = e.texts(lang.get());
            (title.to_string(), description.map(|d| first_sentence(d).to_string()), translated)
        };
        let texts = Memo::new(move |_| texts());
        let figure = entry.key_figure.clone().map(|k| {
            view! {
                <p class="key-figure">
                    <span class="key-label">{move || if k.kind == "funding" { Msg::CardFunding.get(lang.get()) } else { Msg::CardRequired.get(lang.get()) }}</span>
                    " "<strong>{move || WebLocale::shared(lang.get(), &k.currency).money(k.amount)}</strong>
                </p>
            }
        });
        let years = entry.years.map(|[a, b]| if a == b { a.to_string() } else { format!("{a}–{b}") });
        let (records, as_of, publisher) = (entry.records, entry.data_as_of.clone(), entry.publisher.clone());
        view! {
            <li class="card" data-dataset=entry.id.clone()>
                <h2 dir="auto" lang=move || texts.with(|t| t.2.then(|| lang.get().code()))>
                    <a href=href aria-label=move || texts.with(|t| text::CardOpen { title: &t.0 }.format(lang.get()))
                        on:click=move |ev| {
                            ev.prevent_default();
                            let id = open_id.clone();
                            // Codes differ between datasets: filters do not carry over.
                            ctx.update(move |s| {
                                s.dataset = Some(id);
                                s.data = None;
                                s.catalog = false;
                                s.compare = None;
                                s.filter = Default::default();
                            });
                        }>{move || texts.with(|t| t.0.clone())}</a>
                </h2>
                {years.map(|y| view! { <p class="period">{y}</p> })}
                {figure}
                {move || texts.with(|t| t.1.clone()).map(|d| view! { <p class="covers" dir="auto">{d}</p> })}
                <p class="card-source" dir="auto">
                    {move || text::CardRecords { count: records }.format(lang.get())}" · "
                    {move || text::CardAsOf { date: &as_of }.format(lang.get())}" · "{publisher.clone()}
                </p>
            </li>
        }
    };
    view! {
        <main id="main" class="catalog-view">
            <h1 id="catalog-title">{move || Msg::CatalogTitle.get(lang.get())}</h1>
            <p class="catalog-intro">{move || Msg::CatalogIntro.get(lang.get())}</p>
            <ul class="catalog-cards">{catalog.datasets.iter().cloned().map(card).collect_view()}</ul>
        </main>
    }
}

/// The catalog as a page: the top bar, then the cards.
#[component]
pub fn CatalogPage(loaded: super::load::Loaded) -> impl IntoView {
    let lang = expect_context::<Ctx>().lang;
    Effect::new(move |_| document().set_title(&format!("{} — Alianzas", Msg::CatalogTitle.get(lang.get()))));
    let current = loaded.entry.as_ref().map(|e| e.id.clone());
    view! {
        <header class="site-header"><super::header::TopBar catalog=loaded.catalog.clone() current=current/></header>
        <CatalogCards catalog=loaded.catalog.clone()/>
    }
}
