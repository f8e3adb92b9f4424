//! The fused pass (`analysis::fused`) against the chart-by-chart way it replaces: for every bundled
//! dataset and a spread of filters, the same selection, and for each dimension the same groups and
//! contribution count as a selection without that dimension's own filter, summed on its own.

use crate::support::bundled;
use alianzas::core::analysis::fused::fused;
use alianzas::core::analysis::query::{self, Filter, Measure};
use alianzas::core::analysis::store::{Dim, Store};
use alianzas::core::format::codes::Status;
use alianzas::core::format::validate::parse_dataset;

fn bundled_stores() -> Vec<(String, Store)> {
    bundled()
        .into_iter()
        .map(|(name, text)| {
            let ds = parse_dataset(&text).unwrap_or_else(|e| panic!("{name}: {e:?}"));
            (name, Store::from_dataset(&ds))
        })
        .collect()
}

/// Filters that select something real in `store`: each dimension's first code alone, two codes of
/// the donors, a year range, a combination of three selections, and one stage as the measure.
fn filters(store: &Store) -> Vec<Filter> {
    let first = |dim: Dim, n: usize| store.dict(dim).ids.iter().take(n).cloned().collect::<Vec<_>>();
    let mut out = vec![Filter::default()];
    for dim in [Dim::Region, Dim::Recipient, Dim::Donor, Dim::Obligation, Dim::Model, Dim::Kind, Dim::Place] {
        let mut f = Filter::default();
        f.selected.insert(dim, first(dim, 1));
        out.push(f);
    }
    let mut two_donors = Filter::default();
    two_donors.selected.insert(Dim::Donor, first(Dim::Donor, 2));
    out.push(two_donors);
    let mut years: Vec<i32> = (0..store.dict(Dim::Year).len() as u32).map(|i| store.year_of(i)).collect();
    years.sort();
    // A dataset of needs alone has no year with money.
    let Some(&middle) = years.get(years.len() / 2) else { return out };
    let range = Filter { year_from: Some(middle), year_to: Some(middle + 1), ..Filter::default() };
    out.push(range.clone());
    let mut combined = range;
    combined.selected.insert(Dim::Donor, first(Dim::Donor, 3));
    combined.selected.insert(Dim::Model, first(Dim::Model, 2));
    combined.measure = Measure::Stage(Status::Disbursed);
    out.push(combined);
    out.push(Filter { measure: Measure::Stage(Status::Pledged), ..Filter::default() });
    out
}

#[test]
fn one_pass_makes_the_same_selection_and_sums_as_a_pass_per_chart() {
    let stores = bundled_stores();
    assert!(stores.len() >= 8, "{} bundled datasets", stores.len());
    let dims = [Dim::Year, Dim::Period, Dim::Region, Dim::Recipient, Dim::Donor, Dim::Obligation, Dim::Model, Dim::Kind, Dim::Place];
    let mut nonempty = 0;
    for (name, store) in &stores {
        for filter in filters(store) {
            let pass = fused(store, &filter, &dims);
            assert_eq!(pass.selection.rows, query::select(store, &filter).rows, "{name} {filter:?}");
            for dim in dims {
                let own = query::select(store, &filter.without(dim));
                let expected = query::group_by_keeping(store, &own, dim, filter.measure, Some(5), filter.values(dim));
                let sums = pass.of(dim).unwrap_or_else(|| panic!("{name}: no sums for {dim:?}"));
                let got = query::grouping_of(store, dim, filter.measure, Some(5), filter.values(dim), &sums.sums);
                // Same rows in the same order: the sums are added in the same order, so exactly equal.
                assert_eq!(got, expected, "{name} {dim:?} {filter:?}");
                assert_eq!(sums.contributions, query::contribution_count(store, &own), "{name} {dim:?} {filter:?}");
                nonempty += usize::from(!got.groups.is_empty());
            }
        }
    }
    // The filters chosen select money, not only empty sets.
    assert!(nonempty > stores.len() * 50, "{nonempty} non-empty groupings");
}

/// The queries that group the filter's selection again (the equity sentences, the flows, the
/// stacked timeline's cross-tabulation) take their groups from the pass where it made them over
/// exactly that selection: for every bundled dataset and filter, the same answer to the last digit
/// as when they make their own passes, and the pass does hand them some dimensions.
#[test]
fn queries_grouping_the_selection_again_answer_the_same_from_the_pass() {
    let dims = [Dim::Year, Dim::Period, Dim::Recipient, Dim::Donor, Dim::Obligation, Dim::Model];
    let mut handed = 0;
    for (name, store) in &bundled_stores() {
        for filter in filters(store) {
            let pass = fused(store, &filter, &dims);
            let (sel, made) = (&pass.selection, pass.made());
            let case = format!("{name} {filter:?}");
            assert_eq!(query::equity_made(store, sel, &filter, 5, &made), query::equity(store, sel, &filter, 5), "{case}");
            assert_eq!(query::flows_made(store, sel, filter.measure, 8, &made), query::flows(store, sel, filter.measure, 8), "{case}");
            for (rows, columns) in [(Dim::Year, Dim::Model), (Dim::Period, Dim::Model), (Dim::Year, Dim::Obligation)] {
                let (got, expected) = (
                    query::cross_tab_made(store, sel, rows, columns, filter.measure, Some(6), &made),
                    query::cross_tab(store, sel, rows, columns, filter.measure, Some(6)),
                );
                assert_eq!(got, expected, "{case} {rows:?}×{columns:?}");
            }
            assert_eq!(made.contribution_count(store, sel), query::contribution_count(store, sel), "{case}");
            for dim in dims {
                // Never the sums of a dimension the filter selects on: those are over more rows.
                let selects = filter.selects(dim) || (matches!(dim, Dim::Year | Dim::Period) && (filter.year_from.is_some() || filter.year_to.is_some()));
                assert_eq!(made.covers(dim), !selects, "{case} {dim:?}");
                handed += usize::from(made.covers(dim));
            }
        }
    }
    assert!(handed > 100, "{handed} groupings handed over by the pass");
}

/// The figures and tables summed in one loop over the selection's rows (the headline with its
/// stages, the pipeline, the pledges by donor, the cross-tabulation and the flows), written for
/// speed with slices: they add the same rows in the same order as a plain loop does, so exactly
/// the same sums, for every bundled dataset and filter, the unfiltered ones included.
#[test]
fn one_loop_figures_add_the_selections_rows_in_order_as_a_plain_loop_does() {
    use alianzas::core::analysis::pledges::pledge_follow_up;
    use std::collections::{BTreeMap, BTreeSet};
    let mut whole = 0;
    for (name, store) in &bundled_stores() {
        for filter in filters(store) {
            let sel = query::select(store, &filter);
            let case = format!("{name} {filter:?}");
            whole += usize::from(sel.rows.len() == store.rows());
            let code = |dim: Dim, r: u32| store.dict(dim).ids[store.column(dim)[r as usize] as usize].clone();
            let status = |r: u32| store.column(Dim::Status)[r as usize] as usize;
            let counted = |r: u32| filter.measure.includes(Status::ALL[status(r)]);
            // The reference: one plain loop over the selection's rows, in their order.
            let (mut stages, mut per_donor) = ([0.0; 3], BTreeMap::<String, [f64; 3]>::new());
            let (mut cells, mut paths) = (BTreeMap::<(String, String), f64>::new(), BTreeMap::<(String, String, String), f64>::new());
            let (mut donors, mut recipients, mut contributions, mut last) = (BTreeSet::new(), BTreeSet::new(), 0, None);
            for &r in &sel.rows {
                let amount = store.amount[r as usize];
                stages[status(r)] += amount;
                per_donor.entry(code(Dim::Donor, r)).or_default()[status(r)] += amount;
                donors.insert(code(Dim::Donor, r));
                recipients.insert(code(Dim::Recipient, r));
                let contribution = store.row_contribution[r as usize];
                contributions += usize::from(last != Some(contribution));
                last = Some(contribution);
                if counted(r) {
                    *cells.entry((code(Dim::Year, r), code(Dim::Model, r))).or_default() += amount;
                    *paths.entry((code(Dim::Donor, r), code(Dim::Model, r), code(Dim::Recipient, r))).or_default() += amount;
                }
            }
            let headline = query::headline(store, &sel);
            assert_eq!(headline.stages, stages, "{case}");
            assert_eq!(headline.recipients, recipients.len(), "{case}");
            assert_eq!(headline.contributions, contributions, "{case}");
            if let Some(n) = headline.donors {
                assert_eq!(n, donors.len(), "{case}");
            }
            assert_eq!(query::pipeline(store, &sel), stages, "{case}");
            for row in pledge_follow_up(store, &sel, usize::MAX) {
                assert_eq!(Some(&row.stages), per_donor.get(&row.donor), "{case} {}", row.donor);
            }
            // Named cells only: "others" merges codes, in an order of its own.
            let table = query::cross_tab(store, &sel, Dim::Year, Dim::Model, filter.measure, None);
            for (i, year) in table.rows.iter().enumerate() {
                for (j, model) in table.columns.iter().enumerate() {
                    assert_eq!(table.values[i][j], cells.get(&(year.clone(), model.clone())).copied().unwrap_or(0.0), "{case} {year} {model}");
                }
            }
            for flow in query::flows(store, &sel, filter.measure, 8).iter().filter(|f| f.donor != query::OTHERS_KEY && f.recipient != query::OTHERS_KEY) {
                assert_eq!(Some(&flow.amount), paths.get(&(flow.donor.clone(), flow.model.clone(), flow.recipient.clone())), "{case} {flow:?}");
            }
        }
    }
    assert!(whole >= 8, "{whole} selections of every row");
}
