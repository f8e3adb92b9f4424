//! Filters for every dimension, the amounts shown, and the list of active filters.

use super::intl::WebLocale;
use super::state::Ctx;
use crate::core::analysis::query::Measure;
use crate::core::analysis::store::{Dim, Store};
use crate::core::charts::spec::{self, FilterPart};
use crate::core::format::codes::Status;
use crate::core::locale::i18n::{text, Msg};
use leptos::prelude::*;
use std::sync::Arc;

/// Which end of the year range a select sets.
#[derive(Clone, Copy, PartialEq)]
enum YearBound {
    From,
    To,
}

#[component]
pub fn FilterPanel(store: Arc<Store>) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let lang = ctx.lang;
    let years: Vec<String> = store.dict(Dim::Year).ids.clone();
    let currency = store.metadata.currency.clone();
    let labels_store = store.clone();
    let search_store = store.clone();

    // "From 2023 to 2021" would select nothing: the years are swapped, and the reader is told.
    let linked_inverted =
        web_sys::window().and_then(|w| w.location().search().ok()).is_some_and(|q| crate::core::charts::urlstate::UrlState::years_inverted(&q));
    let swapped = RwSignal::new(ctx.state.with_untracked(|s| s.filter.year_from.zip(s.filter.year_to)).filter(|_| linked_inverted));
    let year_select = move |id: &'static str, msg: Msg, bound: YearBound, years: Vec<String>| {
        let from = bound == YearBound::From;
        view! {
            <div class="field">
                <label for=id>{move || msg.get(lang.get())}</label>
                <select id=id on:change=move |ev| {
                    let v = event_target_value(&ev).parse().ok();
                    swapped.set(None);
                    ctx.update(|s| {
                        if from {
                            s.filter.year_from = v
                        } else {
                            s.filter.year_to = v
                        }
                        if s.filter.swap_inverted_years() {
                            swapped.set(s.filter.year_from.zip(s.filter.year_to));
                        }
                    });
                }>
                    <option value="" selected=move || ctx.state.with(|s| if from { s.filter.year_from } else { s.filter.year_to }).is_none()>
                        {move || Msg::Any.get(lang.get())}
                    </option>
                    {years.into_iter().map(|y| {
                        let yv: Option<i32> = y.parse().ok();
                        view! { <option value=y.clone() selected=move || ctx.state.with(|s| if from { s.filter.year_from } else { s.filter.year_to }) == yv>{y.clone()}</option> }
                    }).collect_view()}
                </select>
            </div>
        }
    };

    let code_select = move |dim: Dim, store: Arc<Store>| {
        let id = format!("filter-{}", dim.id());
        let currency = store.metadata.currency.clone();
        let labelled = Memo::new(move |_| spec::filter_options(&store, dim, &*WebLocale::shared(lang.get(), &currency)));
        // The one selected code, when exactly one is (several come from the search box and chart
        // clicks: see the chips).
        let single = Memo::new(move |_| {
            ctx.state.with(|s| match s.filter.values(dim) {
                [one] => Some(one.clone()),
                _ => None,
            })
        });
        let several = move || ctx.state.with(|s| s.filter.values(dim).len());
        view! {
            <div class="field">
                <label for=id.clone()>{move || spec::dim_name(dim, lang.get())}</label>
                <select id=id.clone() data-dim=dim.id() on:change=move |ev| {
                    let v = event_target_value(&ev);
                    ctx.update(|s| {
                        if v.is_empty() {
                            s.filter.selected.remove(&dim);
                        } else {
                            s.filter.selected.insert(dim, vec![v.clone()]);
                        }
                    });
                }>
                    <option value="" selected=move || single.with(Option::is_none) && several() == 0>{move || Msg::Any.get(lang.get())}</option>
                    // Several codes chosen (by the search box or chart clicks; each is a chip):
                    // the select says so rather than "All".
                    {move || (several() > 1).then(|| view! {
                        <option value="" disabled=true selected=true>{move || text::SeveralSelected { count: several() }.format(lang.get())}</option>
                    })}
                    // The list changes with the language only; a filter change just moves `selected`.
                    {move || labelled.get().into_iter().map(|(code, label)| {
                        let mine = code.clone();
                        view! { <option value=code selected=move || single.with(|s| s.as_deref() == Some(mine.as_str()))>{label}</option> }
                    }).collect_view()}
                </select>
            </div>
        }
    };

    let measure_select = move || {
        let choices: Vec<Measure> = std::iter::once(Measure::Funding).chain(Status::ALL.into_iter().map(Measure::Stage)).collect();
        view! {
            <div class="field">
                <label for="filter-measure">{move || Msg::Amounts.get(lang.get())}</label>
                <select id="filter-measure" on:change=move |ev| {
                    let m = Measure::parse(&event_target_value(&ev)).unwrap_or_default();
                    ctx.update(|s| s.filter.measure = m);
                }>
                    {choices.into_iter().map(|m| view! {
                        <option value=m.id() selected=move || ctx.state.with(|s| s.filter.measure == m)>{move || spec::measure_label(m, lang.get())}</option>
                    }).collect_view()}
                </select>
            </div>
        }
    };

    let half_years_possible = crate::core::analysis::store::has_half_years(&store);
    let time_axis = move || {
        half_years_possible.then(|| {
            view! {
                <div class="field">
                    <label for="filter-period">{move || Msg::TimeAxis.get(lang.get())}</label>
                    <select id="filter-period" on:change=move |ev| {
                        let half = event_target_value(&ev) == "half";
                        ctx.update(|s| s.filter.half_years = half);
                    }>
                        <option value="year" selected=move || !ctx.state.with(|s| s.filter.half_years)>{move || Msg::Years.get(lang.get())}</option>
                        <option value="half" selected=move || ctx.state.with(|s| s.filter.half_years)>{move || Msg::HalfYears.get(lang.get())}</option>
                    </select>
                </div>
            }
        })
    };

    // The active filter in words, once per filter or language change: its chips and its count.
    let chip_currency = currency.clone();
    let chips = Memo::new(move |_| {
        let locale = WebLocale::shared(lang.get(), &chip_currency);
        ctx.state.with(|s| spec::filter_description(&labels_store, &s.filter, &*locale))
    });
    let active = move || {
        let l = lang.get();
        let chips = chips.get();
        if chips.is_empty() {
            return view! { <p class="none">{Msg::NoActiveFilters.get(l)}</p> }.into_any();
        }
        view! {
            <ul class="chips">
                {chips.into_iter().map(|(part, text)| {
                    let label = text::RemoveFilter { filter: &text }.format(l);
                    view! {
                        <li><button type="button" class="chip" aria-label=label on:click=move |_| {
                            let part = part.clone();
                            ctx.update(move |s| match part {
                                FilterPart::YearFrom => s.filter.year_from = None,
                                FilterPart::YearTo => s.filter.year_to = None,
                                FilterPart::Code(dim, code) => s.filter.toggle(dim, &code),
                                FilterPart::Measure => s.filter.measure = Measure::Funding,
                            });
                        }>{text}<span aria-hidden="true">" ×"</span></button></li>
                    }
                }).collect_view()}
            </ul>
            <button type="button" class="clear-all" on:click=move |_| ctx.update(|s| s.filter = Default::default())>{Msg::ClearAll.get(l)}</button>
        }
        .into_any()
    };

    view! {
        <aside class="filters" aria-labelledby="filters-title">
            // In sight even when the filters are folded away on a phone.
            <super::search_box::FilterSearch store=search_store/>
            // Open beside the charts on a wide screen; on a phone closed, so the first chart is on
            // the first screen, with the number of active filters in sight.
            <details class="filter-details" open=super::chart::prefers("(min-width: 64rem)")>
            <summary>
                <h2 id="filters-title">{move || Msg::Filters.get(lang.get())}</h2>
                <span class="filters-count">{move || text::FiltersActive { count: chips.with(Vec::len) }.format(lang.get())}</span>
            </summary>
            <section class="active-filters" aria-labelledby="active-title" aria-live="polite">
                <h3 id="active-title">{move || Msg::ActiveFilters.get(lang.get())}</h3>
                {active}
                {move || swapped.get().map(|(from, to)| view! {
                    <p class="notice swapped" role="status">{text::YearsSwapped { from: from.to_string(), to: to.to_string() }.format(lang.get())}</p>
                })}
            </section>
            // The choices are built with the rest of the page, after the first screen is painted.
            <div class="fields">{move || super::dashboard::FilterChoices::shown().then(|| view! {
                {measure_select()}
                {time_axis()}
                {year_select("filter-from", Msg::YearFrom, YearBound::From, years.clone())}
                {year_select("filter-to", Msg::YearTo, YearBound::To, years.clone())}
                // A dataset that places nothing below the country has no place to choose.
                {spec::FILTER_DIMS
                    .into_iter()
                    .filter(|&d| d != Dim::Place || store.coverage(Dim::Place) != crate::core::analysis::store::Coverage::NotRecorded)
                    .map(|d| code_select(d, store.clone()))
                    .collect_view()}
            })}</div>
            </details>
        </aside>
    }
}
