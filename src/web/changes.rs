//! "What changed since the previous version": a bundled dataset with earlier versions (the last
//! semester's update) is compared with it when the reader opens the section — both files fetched
//! then, compared by the core (`tools::diff::changes`), never on first load.

use super::intl::WebLocale;
use super::state::Ctx;
use crate::core::charts::spec::Locale;
use crate::core::format::catalog::Entry;
use crate::core::format::validate;
use crate::core::locale::i18n::{text, Msg};
use crate::core::tools::diff::{changes, ChangeLine, Changes};
use leptos::prelude::*;

/// The section, for the latest version of an entry that has earlier ones.
#[component]
pub fn WhatChanged(entry: Entry) -> impl IntoView {
    let lang = expect_context::<Ctx>().lang;
    let Some(previous) = entry.previous.first().cloned() else { return ().into_any() };
    let result = RwSignal::new_local(None::<Result<Changes, ()>>);
    let started = StoredValue::new(false);
    let (current_file, previous_file) = (entry.file.clone(), previous.file.clone());
    let on_toggle = move |_| {
        if std::mem::replace(&mut *started.write_value(), true) {
            return;
        }
        let (current_file, previous_file) = (current_file.clone(), previous_file.clone());
        leptos::task::spawn_local(async move {
            let (now, before) = futures::future::join(super::load::bundled_text(&current_file), super::load::bundled_text(&previous_file)).await;
            let parse = |t: Option<String>| t.and_then(|t| validate::parse_dataset(&t).ok());
            result.set(Some(match (parse(before), parse(now)) {
                (Some(before), Some(now)) => Ok(changes(&before, &now, 10)),
                _ => Err(()),
            }));
        });
    };
    let (version, as_of) = (previous.dataset_version.clone(), previous.data_as_of.clone());
    view! {
        <details class="changes" id="changes" on:toggle=on_toggle>
            <summary>{move || text::ChangesTitle { version: &version, as_of: &as_of }.format(lang.get())}</summary>
            {move || match result.get() {
                None => view! { <p>{Msg::Loading.get(lang.get())}</p> }.into_any(),
                Some(Err(())) => view! { <p>{Msg::ChangesUnavailable.get(lang.get())}</p> }.into_any(),
                Some(Ok(c)) => view! { <ChangesBody changes=c/> }.into_any(),
            }}
        </details>
    }
    .into_any()
}

#[component]
fn ChangesBody(changes: Changes) -> impl IntoView {
    let lang = expect_context::<Ctx>().lang;
    let store = expect_context::<std::sync::Arc<crate::core::analysis::store::Store>>();
    let currency = store.metadata.currency.clone();
    let d = changes.diff.clone();
    let totals = {
        let currency = currency.clone();
        move || {
            let l = lang.get();
            let locale = WebLocale::shared(l, &currency);
            text::ChangesTotals {
                funding_before: locale.money(d.totals_before.funding),
                funding_after: locale.money(d.totals_after.funding),
                pledged_before: locale.money(d.totals_before.pledged),
                pledged_after: locale.money(d.totals_after.pledged),
            }
            .format(l)
        }
    };
    let (added, removed, changed, moved) = (changes.diff.added.len(), changes.diff.removed.len(), changes.diff.changed.len(), changes.moved_forward);
    let counts = move || text::ChangesCounts { added, removed, changed, moved }.format(lang.get());
    let stage = move |s: &str| {
        crate::core::format::codes::find(crate::core::format::codes::STATUSES, s).map(|c| c.label.get(lang.get()).to_string()).unwrap_or_default()
    };
    let cell = move |x: &Option<(String, f64)>, currency: &str| match x {
        Some((s, a)) => format!("{} · {}", stage(s), WebLocale::shared(lang.get(), currency).money(*a)),
        None => "—".to_string(),
    };
    let rows = changes.largest.clone();
    view! {
        <p class="changes-totals">{totals}</p>
        <p class="changes-counts">{counts}</p>
        <div class="table-wrap" tabindex="0" role="region" aria-labelledby="changes-table-caption">
            <table>
                <caption id="changes-table-caption">{move || Msg::ChangesLargest.get(lang.get())}</caption>
                <thead><tr>
                    <th scope="col">{move || Msg::DimDonor.get(lang.get())}</th>
                    <th scope="col">{move || Msg::ChangesBefore.get(lang.get())}</th>
                    <th scope="col">{move || Msg::ChangesAfter.get(lang.get())}</th>
                </tr></thead>
                <tbody>
                    {rows.into_iter().map(|l: ChangeLine| {
                        let (c1, c2) = (currency.clone(), currency.clone());
                        let (before, after) = (l.before.clone(), l.after.clone());
                        let who = match &l.description { Some(d) => format!("{} — {d}", l.donor), None => l.donor.clone() };
                        view! { <tr data-id=l.id.clone()><th scope="row" dir="auto">{who}</th><td>{move || cell(&before, &c1)}</td><td>{move || cell(&after, &c2)}</td></tr> }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}
