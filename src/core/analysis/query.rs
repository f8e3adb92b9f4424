//! Filtering and aggregation over a `Store`.
//!
//! Money is measured by a `Measure`: by default *funding* = committed + disbursed (as OCHA FTS
//! counts it). Pledged, committed and disbursed are stages of one pipeline and are never summed
//! together, so a measure is either funding or exactly one stage.

use crate::core::analysis::store::{Dim, Store};
use crate::core::format::codes::Status;
use std::collections::BTreeMap;

/// The money a figure counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Measure {
    /// Committed + disbursed, as OCHA FTS counts funding; the default.
    #[default]
    Funding,
    /// One stage of the pipeline alone.
    Stage(Status),
}

impl Measure {
    /// Whether money at stage `s` counts.
    pub fn includes(self, s: Status) -> bool {
        match self {
            Measure::Funding => s.is_funding(),
            Measure::Stage(only) => s == only,
        }
    }

    /// The name in URLs and file names: `funding`, or the stage's id.
    pub fn id(self) -> &'static str {
        match self {
            Measure::Funding => "funding",
            Measure::Stage(s) => s.id(),
        }
    }

    /// The measure with this id.
    pub fn parse(s: &str) -> Option<Measure> {
        if s == "funding" {
            return Some(Measure::Funding);
        }
        Status::parse(s).map(Measure::Stage)
    }
}

/// A combination of selections. Within a dimension values are alternatives (OR); across
/// dimensions they must all hold (AND). Status is not a filter but the `measure`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Filter {
    /// First year kept, inclusive; `None`: no lower bound.
    pub year_from: Option<i32>,
    /// Last year kept, inclusive; `None`: no upper bound.
    pub year_to: Option<i32>,
    /// Code ids selected per dimension (never `Dim::Year` or `Dim::Status`).
    pub selected: BTreeMap<Dim, Vec<String>>,
    /// The money the figures count: funding, unless one stage is chosen.
    pub measure: Measure,
    /// The time axis in half-years where dates allow (a view choice, not a selection).
    pub half_years: bool,
}

impl Filter {
    /// Nothing selected and the default measure: the whole dataset, as funding.
    pub fn is_empty(&self) -> bool {
        self.year_from.is_none() && self.year_to.is_none() && self.selected.values().all(Vec::is_empty) && self.measure == Measure::Funding
    }

    /// The codes selected on `dim` (empty when none).
    pub fn values(&self, dim: Dim) -> &[String] {
        self.selected.get(&dim).map_or(&[], Vec::as_slice)
    }

    /// The same filter without its selection on `dim`: a chart by `dim` shows every code of it and
    /// highlights the selected ones, so a reader can pick a sibling without clearing first.
    pub fn without(&self, dim: Dim) -> Filter {
        let mut f = self.clone();
        match dim {
            Dim::Year | Dim::Period => {
                f.year_from = None;
                f.year_to = None;
            }
            _ => {
                f.selected.remove(&dim);
            }
        }
        f
    }

    /// Does the filter select codes of `dim` (for years: a range)?
    pub fn selects(&self, dim: Dim) -> bool {
        match dim {
            Dim::Year | Dim::Period => self.year_from.is_some() || self.year_to.is_some(),
            _ => !self.values(dim).is_empty(),
        }
    }

    /// Is a code of `dim` selected (a year within the range; a half-year by its year)?
    pub fn is_selected(&self, dim: Dim, key: &str) -> bool {
        match dim {
            Dim::Year | Dim::Period => match key.get(..4).and_then(|y| y.parse::<i32>().ok()) {
                Some(y) => self.selects(dim) && self.year_from.is_none_or(|f| y >= f) && self.year_to.is_none_or(|t| y <= t),
                None => false,
            },
            _ => self.values(dim).iter().any(|v| v == key),
        }
    }

    /// "From 2023 to 2021" selects nothing: the two years are swapped. True when they were.
    pub fn swap_inverted_years(&mut self) -> bool {
        match (self.year_from, self.year_to) {
            (Some(from), Some(to)) if from > to => {
                self.year_from = Some(to);
                self.year_to = Some(from);
                true
            }
            _ => false,
        }
    }

    /// Adds a value, or removes it if already there (a second click on a bar undoes the first).
    pub fn toggle(&mut self, dim: Dim, value: &str) {
        if dim == Dim::Year || dim == Dim::Period {
            // A half-year ("2023-H1") filters by its year.
            let y: Option<i32> = value.get(..4).and_then(|v| v.parse().ok());
            if self.year_from == y && self.year_to == y {
                self.year_from = None;
                self.year_to = None;
            } else {
                self.year_from = y;
                self.year_to = y;
            }
            return;
        }
        if dim == Dim::Status {
            let m = Measure::parse(value).unwrap_or_default();
            self.measure = if self.measure == m { Measure::Funding } else { m };
            return;
        }
        let list = self.selected.entry(dim).or_default();
        if let Some(pos) = list.iter().position(|v| v == value) {
            list.remove(pos);
        } else {
            list.push(value.to_string());
        }
        if list.is_empty() {
            self.selected.remove(&dim);
        }
    }
}

/// Rows that pass every selection of a filter, ignoring its measure.
#[derive(Clone, Debug)]
pub struct Selection {
    /// Indices of the kept rows, ascending, so the rows of one contribution stay together.
    pub rows: Vec<u32>,
}

/// Per dimension, which dictionary entries are allowed (None = all).
pub(super) fn allowed(store: &Store, filter: &Filter, dim: Dim) -> Option<Vec<bool>> {
    let dict = store.dict(dim);
    match dim {
        Dim::Year => {
            if filter.year_from.is_none() && filter.year_to.is_none() {
                return None;
            }
            let (from, to) = (filter.year_from.unwrap_or(i32::MIN), filter.year_to.unwrap_or(i32::MAX));
            Some((0..dict.len() as u32).map(|i| (from..=to).contains(&store.year_of(i))).collect())
        }
        Dim::Status | Dim::Period => None,
        Dim::Region => {
            let wanted = filter.values(dim);
            if wanted.is_empty() {
                return None;
            }
            // A region code selects its sub-regions too.
            Some(dict.ids.iter().zip(&store.region_parent).map(|(sub, parent)| wanted.iter().any(|w| w == sub || w == parent)).collect())
        }
        _ => {
            let wanted = filter.values(dim);
            if wanted.is_empty() {
                return None;
            }
            let mut mask = vec![false; dict.len()];
            for w in wanted {
                if let Some(i) = dict.get(w) {
                    mask[i as usize] = true;
                }
            }
            Some(mask)
        }
    }
}

/// The rows a filter keeps, in store order: the one pass every chart and figure starts from. The
/// measure is not applied here but when the rows are summed.
pub fn select(store: &Store, filter: &Filter) -> Selection {
    let checks: Vec<(&[u32], Vec<bool>)> = Dim::ALL.iter().filter_map(|&d| allowed(store, filter, d).map(|mask| (store.column(d), mask))).collect();
    if checks.is_empty() {
        return Selection { rows: (0..store.rows() as u32).collect() };
    }
    let rows = (0..store.rows() as u32).filter(|&r| checks.iter().all(|(col, mask)| mask[col[r as usize] as usize])).collect();
    Selection { rows }
}

/// One bar or slice: a code's money and how many contributions it comes from.
#[derive(Clone, Debug, PartialEq)]
pub struct Group {
    /// Code id ("_others" for the merged tail).
    pub key: String,
    /// Money under the measure, in the dataset's currency.
    pub amount: f64,
    /// Distinct contributions in the group.
    pub count: u32,
}

/// The key of the group that merges every code beyond the largest ones.
pub const OTHERS_KEY: &str = "_others";

/// A selection's money split by one dimension, as `group_by` returns it.
#[derive(Clone, Debug, PartialEq)]
pub struct Grouping {
    /// The dimension grouped by.
    pub dim: Dim,
    /// The money counted.
    pub measure: Measure,
    /// The groups in display order: years by time, stages in pipeline order, others largest first.
    pub groups: Vec<Group>,
    /// Sum over all groups, including those merged into "others".
    pub total: f64,
}

/// Per-code running sums, side by side so one bounds check and one cache line serve a row.
#[derive(Clone, Copy)]
pub(super) struct Acc {
    amount: f64,
    count: u32,
    /// The contribution last counted here: its rows are adjacent, so a change means a new one.
    last: u32,
}

impl Acc {
    pub(super) const EMPTY: Acc = Acc { amount: 0.0, count: 0, last: u32::MAX };

    /// Adds row money `m` of contribution `c` when `counts` is 1 (its stage counts), nothing when
    /// 0. Arithmetic, not a branch: the stages of adjacent rows are as good as random, and a
    /// mispredicted branch per row costs more than the add it skips.
    #[inline(always)]
    pub(super) fn add(&mut self, counts: u32, m: f64, c: u32) {
        // m, or +0.0 when the stage does not count: a mask on its bits, exact.
        self.amount += f64::from_bits(m.to_bits() & u64::from(counts).wrapping_neg());
        self.count += u32::from(self.last != c) & counts;
        self.last = if counts == 1 { c } else { self.last };
    }
}

/// Bit s set: money at stage s counts under `measure`.
pub(super) fn stage_bits(measure: Measure) -> u32 {
    Status::ALL.iter().filter(|&&s| measure.includes(s)).map(|&s| 1 << s as u32).sum()
}

/// Amount and contribution count per dictionary entry of a dimension: what a grouping is made from.
#[derive(Clone, Debug, PartialEq)]
pub struct Sums {
    /// Money per code under the measure.
    pub amount: Vec<f64>,
    /// Distinct contributions per code with money under the measure.
    pub count: Vec<u32>,
}

impl Sums {
    pub(super) fn of(acc: &[Acc]) -> Sums {
        let (amount, count) = acc.iter().map(|a| (a.amount, a.count)).unzip();
        Sums { amount, count }
    }
}

/// Amount and contribution count per dictionary entry of `dim`, over the selected rows that the
/// measure includes.
fn sums(store: &Store, sel: &Selection, dim: Dim, measure: Measure) -> Sums {
    let col = store.column(dim);
    let status = store.column(Dim::Status);
    let included = stage_bits(measure);
    let mut sums = vec![Acc::EMPTY; store.dict(dim).len()];
    // A slice, not the `Vec`: at opt-level "z" a `Vec` index can stay a call per row.
    let acc = &mut sums[..];
    let (money, contribution) = (&store.amount[..], &store.row_contribution[..]);
    // Every row selected (no filter): walk the columns in order rather than through the index list.
    if sel.rows.len() == money.len() {
        // Slices cut to one length: no bounds check on the columns, only on the per-code sums
        // (indexes, not zipped iterators, whose `next` calls opt-level "z" leaves uninlined).
        let n = money.len();
        let (status, col, contribution) = (&status[..n], &col[..n], &contribution[..n]);
        for r in 0..n {
            acc[col[r] as usize].add((included >> status[r]) & 1, money[r], contribution[r]);
        }
    } else {
        for &r in &sel.rows {
            let r = r as usize;
            acc[col[r] as usize].add((included >> status[r]) & 1, money[r], contribution[r]);
        }
    }
    Sums::of(&sums)
}

/// Sums already made over exactly one selection's rows, per dimension, under one measure (by
/// `fused::fused`): grouping that selection by one of those dimensions again needs no pass over
/// the rows, and gives the same groups to the last digit (the same rows, added in the same order).
#[derive(Clone, Debug)]
pub struct Made<'a> {
    measure: Option<Measure>,
    sums: Vec<(Dim, &'a Sums)>,
    contributions: Option<usize>,
}

impl<'a> Made<'a> {
    /// No sums made: every grouping makes its own pass.
    pub const NONE: Made<'static> = Made { measure: None, sums: Vec::new(), contributions: None };

    /// `sums` under `measure`, and the selection's distinct contributions when known.
    pub fn new(measure: Measure, sums: Vec<(Dim, &'a Sums)>, contributions: Option<usize>) -> Made<'a> {
        Made { measure: Some(measure), sums, contributions }
    }

    /// Whether sums by `dim` were made.
    pub fn covers(&self, dim: Dim) -> bool {
        self.sums.iter().any(|(d, _)| *d == dim)
    }

    fn get(&self, dim: Dim, measure: Measure) -> Option<&'a Sums> {
        (self.measure == Some(measure)).then(|| self.sums.iter().find(|(d, _)| *d == dim).map(|(_, s)| *s)).flatten()
    }

    /// `group_by` of the selection these sums were made over.
    pub fn group_by(&self, store: &Store, sel: &Selection, dim: Dim, measure: Measure, top: Option<usize>) -> Grouping {
        match self.get(dim, measure) {
            Some(sums) => grouping_of(store, dim, measure, top, &[], sums),
            None => group_by(store, sel, dim, measure, top),
        }
    }

    /// `contribution_count` of the selection these sums were made over.
    pub fn contribution_count(&self, store: &Store, sel: &Selection) -> usize {
        self.contributions.unwrap_or_else(|| contribution_count(store, sel))
    }
}

/// Keeps the first `top` rows (already in order) and the rows `keep` asks for, and folds the rest
/// into one row made by `merge` — unless only one row would be folded, which then stays itself.
pub fn fold_tail<T>(rows: Vec<T>, top: usize, keep: impl Fn(&T) -> bool, merge: impl FnOnce(&[T]) -> T) -> Vec<T> {
    if rows.len() <= top + 1 {
        return rows;
    }
    let mut kept = Vec::with_capacity(top + 1);
    let mut tail = Vec::new();
    for (i, row) in rows.into_iter().enumerate() {
        if i < top || keep(&row) {
            kept.push(row);
        } else {
            tail.push(row);
        }
    }
    match tail.len() {
        0 => {}
        1 => kept.extend(tail),
        _ => kept.push(merge(&tail)),
    }
    kept
}

/// Groups by one dimension. Years come in time order; other dimensions largest first, cut to
/// `top` groups plus "others" when `top` is given. Groups with nothing in them are left out.
pub fn group_by(store: &Store, sel: &Selection, dim: Dim, measure: Measure, top: Option<usize>) -> Grouping {
    group_by_keeping(store, sel, dim, measure, top, &[])
}

/// `group_by`, never folding the codes in `keep` (a filter's selection) into "others".
pub fn group_by_keeping(store: &Store, sel: &Selection, dim: Dim, measure: Measure, top: Option<usize>, keep: &[String]) -> Grouping {
    grouping_of(store, dim, measure, top, keep, &sums(store, sel, dim, measure))
}

/// `group_by_keeping` from sums already made (by `fused::fused`, or `sums`).
pub fn grouping_of(store: &Store, dim: Dim, measure: Measure, top: Option<usize>, keep: &[String], sums: &Sums) -> Grouping {
    let (amount, count) = (&sums.amount, &sums.count);
    let ids = &store.dict(dim).ids;
    let mut groups: Vec<Group> = (0..ids.len()).filter(|&i| count[i] > 0).map(|i| Group { key: ids[i].clone(), amount: amount[i], count: count[i] }).collect();
    let total = groups.iter().map(|g| g.amount).sum();
    if dim == Dim::Year {
        groups.sort_by_key(|g| g.key.parse::<i32>().unwrap_or(0));
    } else if dim == Dim::Period {
        groups.sort_by(|a, b| a.key.cmp(&b.key));
    } else if dim == Dim::Status {
        // Pipeline order, as interned.
    } else {
        groups.sort_by(|a, b| b.amount.total_cmp(&a.amount).then_with(|| a.key.cmp(&b.key)));
        if let Some(top) = top {
            groups = fold_tail(
                groups,
                top,
                |g| keep.contains(&g.key),
                |tail| Group { key: OTHERS_KEY.to_string(), amount: tail.iter().map(|g| g.amount).sum(), count: tail.iter().map(|g| g.count).sum() },
            );
        }
    }
    Grouping { dim, measure, groups, total }
}

/// Two dimensions, e.g. year × model: `values[row][column]`.
#[derive(Clone, Debug, PartialEq)]
pub struct CrossTab {
    /// Row keys, in `group_by` order for the row dimension.
    pub rows: Vec<String>,
    /// Column keys, largest first, ending with `OTHERS_KEY` when columns were cut.
    pub columns: Vec<String>,
    /// Money per row and column.
    pub values: Vec<Vec<f64>>,
    /// Money of the whole selection under the measure.
    pub total: f64,
}

/// Money by two dimensions at once (e.g. year × model for stacked bars), with the columns cut to
/// `top_columns` plus "others" when given.
pub fn cross_tab(store: &Store, sel: &Selection, row_dim: Dim, col_dim: Dim, measure: Measure, top_columns: Option<usize>) -> CrossTab {
    cross_tab_made(store, sel, row_dim, col_dim, measure, top_columns, &Made::NONE)
}

/// `cross_tab`, its row and column keys from the sums `made` over `sel` where it has them.
pub fn cross_tab_made(store: &Store, sel: &Selection, row_dim: Dim, col_dim: Dim, measure: Measure, top_columns: Option<usize>, made: &Made) -> CrossTab {
    let row_keys = made.group_by(store, sel, row_dim, measure, None);
    let col_keys = made.group_by(store, sel, col_dim, measure, top_columns);
    let rows: Vec<String> = row_keys.groups.iter().map(|g| g.key.clone()).collect();
    let columns: Vec<String> = col_keys.groups.iter().map(|g| g.key.clone()).collect();
    // Each code's cell position; codes with nothing under the measure go to a spare row or column
    // that is dropped, so the loop needs no branch.
    let (width, spare_row) = (columns.len() + 1, rows.len());
    let row_pos: Vec<usize> = store.dict(row_dim).ids.iter().map(|id| rows.iter().position(|r| r == id).unwrap_or(spare_row)).collect();
    let others = columns.iter().position(|c| c == OTHERS_KEY).unwrap_or(columns.len());
    let col_pos: Vec<usize> = store.dict(col_dim).ids.iter().map(|id| columns.iter().position(|c| c == id).unwrap_or(others)).collect();
    let mut cells = vec![0.0; (rows.len() + 1) * width];
    let (rc, cc, status, amount) = (store.column(row_dim), store.column(col_dim), store.column(Dim::Status), &store.amount[..]);
    let (included, sums, row_pos, col_pos) = (stage_bits(measure), &mut cells[..], &row_pos[..], &col_pos[..]);
    // Slices and no closure, as in `headline`.
    for &r in &sel.rows {
        let r = r as usize;
        sums[row_pos[rc[r] as usize] * width + col_pos[cc[r] as usize]] +=
            f64::from_bits(amount[r].to_bits() & u64::from((included >> status[r]) & 1).wrapping_neg());
    }
    let values = cells.chunks(width).take(rows.len()).map(|row| row[..columns.len()].to_vec()).collect();
    CrossTab { rows, columns, values, total: row_keys.total }
}

/// Two to four codes of one dimension side by side (two years, two donors), each split by another
/// dimension: what `compare` finds.
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    /// The compared codes, in the order asked.
    pub items: Vec<String>,
    /// Each item's money under the measure (items are disjoint: no contribution is in two).
    pub totals: Vec<f64>,
    /// Each item's number of contributions.
    pub contributions: Vec<u32>,
    /// The codes of the split, largest first over all items, the tail folded into "others".
    pub categories: Vec<String>,
    /// Per category, per item: money.
    pub values: Vec<Vec<f64>>,
}

/// `items` of `side` side by side, each split by `by` (its `top` largest codes and "others"),
/// among `sel`: the rows of the filter without its own selection on `side` (comparing years
/// ignores the year range).
pub fn compare(store: &Store, sel: &Selection, measure: Measure, side: Dim, items: &[String], by: Dim, top: usize) -> Comparison {
    let side_ids = &store.dict(side).ids;
    let item_of: Vec<Option<usize>> = side_ids.iter().map(|id| items.iter().position(|i| i == id)).collect();
    let side_col = store.column(side);
    let rows: Vec<u32> = sel.rows.iter().copied().filter(|&r| item_of[side_col[r as usize] as usize].is_some()).collect();
    let sub = Selection { rows };
    let grouping = group_by(store, &sub, by, measure, Some(top));
    let categories: Vec<String> = grouping.groups.iter().map(|g| g.key.clone()).collect();
    let others = categories.iter().position(|c| c == OTHERS_KEY);
    let category_of: Vec<Option<usize>> = store.dict(by).ids.iter().map(|id| categories.iter().position(|c| c == id).or(others)).collect();
    let mut values = vec![vec![0.0; items.len()]; categories.len()];
    let mut totals = vec![0.0; items.len()];
    let mut contributions = vec![0u32; items.len()];
    let mut last = vec![u32::MAX; items.len()];
    let (by_col, status) = (store.column(by), store.column(Dim::Status));
    for &r in &sub.rows {
        let r = r as usize;
        if !measure.includes(Status::ALL[status[r] as usize]) {
            continue;
        }
        let Some(item) = item_of[side_col[r] as usize] else { continue };
        if let Some(c) = category_of[by_col[r] as usize] {
            values[c][item] += store.amount[r];
        }
        totals[item] += store.amount[r];
        let contribution = store.row_contribution[r];
        if last[item] != contribution {
            last[item] = contribution;
            contributions[item] += 1;
        }
    }
    Comparison { items: items.to_vec(), totals, contributions, categories, values }
}

/// Pledged, committed and disbursed side by side: the pipeline, never summed.
pub fn pipeline(store: &Store, sel: &Selection) -> [f64; 3] {
    let mut out = [0.0; 3];
    let (status, amount) = (store.column(Dim::Status), &store.amount[..]);
    for &r in &sel.rows {
        out[status[r as usize] as usize] += amount[r as usize];
    }
    out
}

/// Headline figures of a selection.
#[derive(Clone, Debug, PartialEq)]
pub struct Headline {
    /// Committed + disbursed, whatever the filter's measure.
    pub funding: f64,
    /// False when the dataset records no money at all (only needs, plans and results): its
    /// funding is not reported, which is not zero.
    pub funding_reported: bool,
    /// None when the dataset records no pledges at all: unknown is not zero.
    pub pledged: Option<f64>,
    /// None when the source does not say who gave the money.
    pub donors: Option<usize>,
    /// Distinct recipients among the selected rows.
    pub recipients: usize,
    /// Distinct contributions among the selected rows.
    pub contributions: usize,
    /// The selection's money at each stage, pledged, committed and disbursed (`pipeline`): never
    /// added together; the pipeline chart shows them.
    pub stages: [f64; 3],
}

/// The figures that sum up a selection: funding, pledges, and how many donors, recipients and
/// contributions it holds.
pub fn headline(store: &Store, sel: &Selection) -> Headline {
    // One pass for the stages (as `pipeline`, row for row in the same order, so the same sums),
    // the donors, the recipients and the contributions. Slices, not `Vec`s, and no closure: at
    // opt-level "z" each can stay a call per row (natively, most of this pass's time).
    let mut stages = [0.0; 3];
    let (mut donors, mut recipients) = (vec![false; store.dict(Dim::Donor).len()], vec![false; store.dict(Dim::Recipient).len()]);
    let (seen_donor, seen_recipient) = (&mut donors[..], &mut recipients[..]);
    let (mut last, mut contributions) = (u32::MAX, 0usize);
    let (donor, recipient, status) = (store.column(Dim::Donor), store.column(Dim::Recipient), store.column(Dim::Status));
    let (amount, contribution) = (&store.amount[..], &store.row_contribution[..]);
    for &r in &sel.rows {
        let r = r as usize;
        stages[status[r] as usize] += amount[r];
        seen_donor[donor[r] as usize] = true;
        seen_recipient[recipient[r] as usize] = true;
        let c = contribution[r];
        contributions += usize::from(c != last);
        last = c;
    }
    let [pledged, committed, disbursed] = stages;
    Headline {
        funding: committed + disbursed,
        funding_reported: store.contribution_count > 0,
        pledged: store.records_stage(Status::Pledged).then_some(pledged),
        donors: (store.coverage(Dim::Donor) != crate::core::analysis::store::Coverage::NotRecorded).then(|| donors.iter().filter(|&&b| b).count()),
        recipients: recipients.iter().filter(|&&b| b).count(),
        contributions,
        stages,
    }
}

/// One path of money: donor → cooperation model → recipient (dictionary keys, or `OTHERS_KEY`).
#[derive(Clone, Debug, PartialEq)]
pub struct Flow {
    /// Donor id, or `OTHERS_KEY`.
    pub donor: String,
    /// Cooperation model code.
    pub model: String,
    /// Recipient code, or `OTHERS_KEY`.
    pub recipient: String,
    /// Money along this path under the measure.
    pub amount: f64,
}

/// Money along donor → model → recipient, with the largest `top` donors and recipients named and
/// the rest merged into "others", so the diagram stays readable. Largest flows first.
pub fn flows(store: &Store, sel: &Selection, measure: Measure, top: usize) -> Vec<Flow> {
    flows_made(store, sel, measure, top, &Made::NONE)
}

/// `flows`, the largest donors and recipients found from the sums `made` over `sel` where it has them.
pub fn flows_made(store: &Store, sel: &Selection, measure: Measure, top: usize, made: &Made) -> Vec<Flow> {
    // Each code's slot in the table of sums: the named codes in dictionary order, then "others".
    let slots = |dim: Dim| -> (Vec<u32>, Vec<Option<u32>>) {
        let g = made.group_by(store, sel, dim, measure, Some(top));
        let named: std::collections::HashSet<&str> = g.groups.iter().map(|x| x.key.as_str()).collect();
        let codes: Vec<u32> = (0..store.dict(dim).len() as u32).filter(|&i| named.contains(store.dict(dim).ids[i as usize].as_str())).collect();
        let mut slot = vec![codes.len() as u32; store.dict(dim).len()];
        for (s, &i) in codes.iter().enumerate() {
            slot[i as usize] = s as u32;
        }
        (slot, codes.into_iter().map(Some).chain([None]).collect())
    };
    let ((donor_slot, donors), (recipient_slot, recipients)) = (slots(Dim::Donor), slots(Dim::Recipient));
    let models = store.dict(Dim::Model).len();
    // A dense table, not a map: a few hundred cells, added to in row order.
    let mut sums = vec![0.0; donors.len() * models * recipients.len()];
    let (dc, mc, rc, sc) = (store.column(Dim::Donor), store.column(Dim::Model), store.column(Dim::Recipient), store.column(Dim::Status));
    let (amount, included, width) = (&store.amount[..], stage_bits(measure), recipients.len());
    let (donor_slot, recipient_slot, cells) = (&donor_slot[..], &recipient_slot[..], &mut sums[..]);
    // Slices and no closure, as in `headline`.
    for &r in &sel.rows {
        let r = r as usize;
        let cell = (donor_slot[dc[r] as usize] as usize * models + mc[r] as usize) * width + recipient_slot[rc[r] as usize] as usize;
        cells[cell] += f64::from_bits(amount[r].to_bits() & u64::from((included >> sc[r]) & 1).wrapping_neg());
    }
    let name = |dim: Dim, i: Option<u32>| i.map_or_else(|| OTHERS_KEY.to_string(), |i| store.dict(dim).ids[i as usize].clone());
    let mut out = Vec::new();
    // In (donor, model, recipient) order, others last, before sorting by amount: ties keep it.
    for (d, &donor) in donors.iter().enumerate() {
        for m in 0..models {
            for (t, &recipient) in recipients.iter().enumerate() {
                let amount = sums[(d * models + m) * recipients.len() + t];
                if amount > 0.0 {
                    out.push(Flow {
                        donor: name(Dim::Donor, donor),
                        model: store.dict(Dim::Model).ids[m].clone(),
                        recipient: name(Dim::Recipient, recipient),
                        amount,
                    });
                }
            }
        }
    }
    out.sort_by(|a, b| b.amount.total_cmp(&a.amount));
    out
}

/// How evenly funding is spread: the share of the largest recipients, and the obligations the
/// dataset funds in some year but not in the latest year of the selection.
#[derive(Clone, Debug, PartialEq)]
pub struct Equity {
    /// How many of the largest recipients `top_share` covers.
    pub top: usize,
    /// Share of funding that went to the `top` largest recipients (None without funding).
    pub top_share: Option<f64>,
    /// The latest year with money, not later than the year of `metadata.data_as_of`; `None` without money.
    pub latest_year: Option<i32>,
    /// Obligations with money in some year (under the other selections) but none in `latest_year`.
    pub unfunded_obligations: Vec<String>,
}

/// How evenly a selection's money is spread: the largest recipients' share, and the obligations left
/// without money in the latest year.
/// `sel` is `filter`'s selection.
pub fn equity(store: &Store, sel: &Selection, filter: &Filter, top: usize) -> Equity {
    equity_made(store, sel, filter, top, &Made::NONE)
}

/// `equity`, grouping `sel` from the sums `made` over it where it has them.
pub fn equity_made(store: &Store, sel: &Selection, filter: &Filter, top: usize, made: &Made) -> Equity {
    let by_recipient = made.group_by(store, sel, Dim::Recipient, filter.measure, None);
    let top_sum: f64 = by_recipient.groups.iter().take(top).map(|g| g.amount).sum();
    let top_share = (by_recipient.total > 0.0).then(|| top_sum / by_recipient.total);
    // The latest year with money, up to the year the data describes: plan years ahead of the
    // data date (a multi-year appeal's 2031) are not "the latest year".
    let as_of_year: i32 = store.metadata.data_as_of.get(..4).and_then(|y| y.parse().ok()).unwrap_or(i32::MAX);
    let years = made.group_by(store, sel, Dim::Year, filter.measure, None);
    let latest_year = years.groups.iter().rev().filter(|g| g.amount > 0.0).filter_map(|g| g.key.parse::<i32>().ok()).find(|&y| y <= as_of_year);
    let mut unfunded = Vec::new();
    if let Some(year) = latest_year {
        // One pass over every year of the dataset (same other selections): obligation × year.
        // A filter that bounds no years already selected them all.
        let ct = if filter.year_from.is_none() && filter.year_to.is_none() {
            cross_tab_made(store, sel, Dim::Year, Dim::Obligation, filter.measure, None, made)
        } else {
            let mut unbounded = filter.clone();
            unbounded.year_from = None;
            unbounded.year_to = None;
            cross_tab(store, &select(store, &unbounded), Dim::Year, Dim::Obligation, filter.measure, None)
        };
        let latest = ct.rows.iter().position(|y| y.parse() == Ok(year));
        unfunded = ct
            .columns
            .iter()
            .enumerate()
            .filter(|&(j, _)| ct.values.iter().map(|row| row[j]).sum::<f64>() > 0.0)
            .filter(|&(j, _)| latest.is_none_or(|i| ct.values[i][j] <= 0.0))
            .map(|(_, o)| o.clone())
            .collect();
    }
    Equity { top, top_share, latest_year, unfunded_obligations: unfunded }
}

/// Distinct contributions among the selected rows (rows of one contribution are contiguous).
pub fn contribution_count(store: &Store, sel: &Selection) -> usize {
    let mut last = u32::MAX;
    sel.rows.iter().filter(|&&r| std::mem::replace(&mut last, store.row_contribution[r as usize]) != last).count()
}

/// Totals by one dimension, as `alianzas summarize` prints them.
#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    /// One group per code (per stage when summarising by status: stages stay apart).
    pub groups: Vec<Group>,
    /// The measure's total: by status, only the stages the measure counts.
    pub total: f64,
    /// Pledges, never part of a funding total.
    pub pledged: f64,
}

/// Totals of a selection by `dim` under `measure`. By status each stage is its own group, and the
/// total adds only the stages the measure includes: pledged, committed and disbursed are never summed.
pub fn summarize(store: &Store, sel: &Selection, dim: Dim, measure: Measure) -> Summary {
    let groups: Vec<Group> = if dim == Dim::Status {
        Status::ALL
            .iter()
            .filter(|&&s| measure == Measure::Funding || measure == Measure::Stage(s))
            .flat_map(|&s| group_by(store, sel, Dim::Status, Measure::Stage(s), None).groups)
            .collect()
    } else {
        group_by(store, sel, dim, measure, None).groups
    };
    let total = if dim == Dim::Status {
        groups.iter().filter(|g| Status::parse(&g.key).is_some_and(|s| measure.includes(s))).map(|g| g.amount).sum()
    } else {
        groups.iter().map(|g| g.amount).sum()
    };
    Summary { groups, total, pledged: pipeline(store, sel)[Status::Pledged as usize] }
}
