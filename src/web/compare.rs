//! The buttons that open and close the comparison (`?compare=`): the last two years, or the two
//! to four donors or recipients chosen in the filters. The comparison itself is a `ChartFigure`
//! of `core::charts::compare`.

use super::intl::WebLocale;
use super::state::Ctx;
use crate::core::analysis::store::{Dim, Store};
use crate::core::charts::compare::{Compare, MAX_ITEMS};
use crate::core::charts::spec;
use crate::core::locale::i18n::{text, Msg};
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn CompareControls(store: Arc<Store>) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let lang = ctx.lang;
    let several_years = store.dict(Dim::Year).len() >= 2;
    // Donors, else recipients, of which the filter holds two to four: they can be compared.
    let chosen = Memo::new(move |_| {
        ctx.state.with(|s| {
            [Dim::Donor, Dim::Recipient].into_iter().find_map(|d| {
                let codes = s.filter.values(d);
                (2..=MAX_ITEMS).contains(&codes.len()).then(|| Compare { dim: d, items: codes.to_vec() })
            })
        })
    });
    let is_open = move || ctx.state.with(|s| s.compare.is_some());
    let names_store = store.clone();
    let names = move |c: &Compare| {
        let locale = WebLocale::shared(lang.get(), &names_store.metadata.currency);
        c.items.iter().map(|code| spec::label(&names_store, c.dim, code, &*locale)).collect::<Vec<_>>().join(", ")
    };
    view! {
        <div class="compare-controls">
            {several_years.then(|| view! {
                <button type="button" id="compare-years" on:click=move |_| ctx.update(|s| s.compare = Some(Compare { dim: Dim::Year, items: Vec::new() }))>
                    {move || Msg::CompareYearsButton.get(lang.get())}
                </button>
            })}
            {move || chosen.get().filter(|c| ctx.state.with(|s| s.compare.as_ref() != Some(c))).map(|c| {
                let label = text::CompareChosenButton { names: names(&c) }.format(lang.get());
                view! { <button type="button" id="compare-chosen" on:click=move |_| ctx.update(|s| s.compare = Some(c.clone()))>{label}</button> }
            })}
            {move || is_open().then(|| view! {
                <button type="button" id="compare-close" on:click=move |_| ctx.update(|s| s.compare = None)>{move || Msg::CompareClose.get(lang.get())}</button>
            })}
        </div>
    }
}
