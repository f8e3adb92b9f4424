//! One search box for every filter (a combobox, WAI-ARIA 1.2 pattern): type part of a name in any
//! case and with or without accents, pick a result with the arrow keys and Enter, or a tap; it is
//! added to the filter of its dimension, beside what is already chosen there.

use super::intl::WebLocale;
use super::state::Ctx;
use crate::core::analysis::store::Store;
use crate::core::charts::search::{Hit, SearchIndex};
use crate::core::charts::spec;
use crate::core::locale::i18n::{text, Msg};
use leptos::prelude::*;
use std::sync::Arc;

/// How many results the list shows.
const SHOWN: usize = 8;

#[component]
pub fn FilterSearch(store: Arc<Store>) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let lang = ctx.lang;
    let currency = store.metadata.currency.clone();
    // Folded once per language, not at every key stroke.
    let index = Memo::new(move |_| Arc::new(SearchIndex::new(&store, &*WebLocale::shared(lang.get(), &currency))));
    let query = RwSignal::new(String::new());
    let active = RwSignal::new(None::<usize>);
    // The index is built when the reader first types, not with the page.
    let hits = Memo::new(move |_| query.with(|q| if q.trim().is_empty() { Vec::new() } else { index.with(|i| i.find(q, SHOWN)) }));
    let expanded = move || query.with(|q| !q.trim().is_empty());
    let apply = move |hit: Hit| {
        ctx.update(|s| {
            if !s.filter.values(hit.dim).contains(&hit.code) {
                s.filter.toggle(hit.dim, &hit.code);
            }
        });
        query.set(String::new());
        active.set(None);
    };
    let on_key = move |ev: web_sys::KeyboardEvent| {
        let n = hits.with(Vec::len);
        match ev.key().as_str() {
            "ArrowDown" if n > 0 => {
                ev.prevent_default();
                active.update(|a| *a = Some(a.map_or(0, |i| (i + 1) % n)));
            }
            "ArrowUp" if n > 0 => {
                ev.prevent_default();
                active.update(|a| *a = Some(a.map_or(n - 1, |i| (i + n - 1) % n)));
            }
            "Enter" => {
                // Enter takes the highlighted result, else the first.
                if let Some(hit) = hits.with(|h| h.get(active.get_untracked().unwrap_or(0)).cloned()) {
                    ev.prevent_default();
                    apply(hit);
                }
            }
            "Escape" => {
                query.set(String::new());
                active.set(None);
            }
            _ => {}
        }
    };
    view! {
        <div class="field filter-search">
            <label for="filter-search">{move || Msg::SearchLabel.get(lang.get())}</label>
            <input type="search" id="filter-search" autocomplete="off" spellcheck="false" role="combobox" aria-autocomplete="list"
                aria-controls="search-results" aria-expanded=move || if expanded() { "true" } else { "false" }
                aria-activedescendant=move || active.get().map(|i| format!("search-hit-{i}"))
                prop:value=move || query.get()
                on:input=move |ev| {
                    query.set(event_target_value(&ev));
                    active.set(None);
                }
                on:keydown=on_key/>
            <ul id="search-results" role="listbox" aria-label=move || Msg::SearchLabel.get(lang.get()) hidden=move || !expanded() || hits.with(Vec::is_empty)>
                {move || {
                    let l = lang.get();
                    hits.get().into_iter().enumerate().map(|(i, hit)| {
                        let dim = spec::dim_name(hit.dim, l);
                        let label = hit.label.clone();
                        view! {
                            // mousedown would blur the box first: the click is what picks.
                            <li role="option" id=format!("search-hit-{i}") data-dim=hit.dim.id() data-code=hit.code.clone()
                                aria-selected=move || if active.get() == Some(i) { "true" } else { "false" }
                                on:mousedown=|ev| ev.prevent_default()
                                on:click=move |_| apply(hit.clone())>
                                <span class="hit-label" dir="auto">{label}</span>" "<span class="hit-dim">{dim}</span>
                            </li>
                        }
                    }).collect_view()
                }}
            </ul>
            <p class="sr-only" role="status">{move || expanded().then(|| text::SearchResults { count: hits.with(Vec::len) }.format(lang.get()))}</p>
        </div>
    }
}
