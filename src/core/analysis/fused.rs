//! One pass over the store's rows that makes the selection of a filter and, at the same time, the
//! sums of every chart by one dimension.
//!
//! A chart by `dim` shows the rows of the filter *without its own selection on `dim`* (so a
//! reader sees the siblings of what they picked). Made chart by chart, that is one selection and
//! one pass per chart. Here each row is checked once against every selection of the filter: bit
//! `i` of its `misses` is set when selection `i` rejects it. The row belongs to the filter's
//! selection when no bit is set, and to the chart by `dim` when no bit other than `dim`'s is set.

use crate::core::analysis::query::{self, stage_bits, Acc, Filter, Made, Measure, Selection, Sums};
use crate::core::analysis::store::{Dim, Store};

/// The filter's selection and, per asked dimension, its sums over the filter without `dim`.
pub struct Fused {
    /// The rows the whole filter keeps.
    pub selection: Selection,
    /// Per dimension: its sums, and whether they are over exactly `selection` (the filter selects
    /// nothing on that dimension, so dropping its selection dropped nothing).
    by_dim: Vec<(Dim, DimSums, bool)>,
    measure: Measure,
}

/// What the pass keeps for a chart by one dimension.
#[derive(Clone, Debug, PartialEq)]
pub struct DimSums {
    /// Money and contributions per code under the filter's measure.
    pub sums: Sums,
    /// Distinct contributions among the chart's rows, at any stage (as `query::contribution_count`).
    pub contributions: usize,
}

impl Fused {
    /// The sums of the chart by `dim`, when the pass was asked for it.
    pub fn of(&self, dim: Dim) -> Option<&DimSums> {
        self.by_dim.iter().find(|(d, _, _)| *d == dim).map(|(_, s, _)| s)
    }

    /// The sums the pass made over exactly `selection`: what grouping the selection by those
    /// dimensions again would make, row for row in the same order.
    pub fn made(&self) -> Made<'_> {
        let sums = self.by_dim.iter().filter(|(_, _, whole)| *whole).map(|(d, s, _)| (*d, &s.sums)).collect();
        Made::new(self.measure, sums, self.by_dim.iter().find(|(_, _, whole)| *whole).map(|(_, s, _)| s.contributions))
    }
}

/// One chart's running sums in the pass.
struct Pass<'a> {
    dim: Dim,
    column: &'a [u32],
    /// Misses that do not keep a row out of this chart: its own selection's bit.
    ignored: u32,
    acc: Vec<Acc>,
    contributions: usize,
    last: u32,
}

/// Rows are taken a block at a time: the block's misses are worked out once, then each chart sums
/// the block in a tight loop of its own while the block's columns are still in the cache.
const BLOCK: usize = 4096;

/// The selection of `filter` and the sums of a chart by each of `dims`, in one pass over the rows.
pub fn fused(store: &Store, filter: &Filter, dims: &[Dim]) -> Fused {
    // The filter's selections, each as a column and the codes it allows.
    let checks: Vec<(Dim, &[u32], Vec<bool>)> =
        Dim::ALL.iter().filter_map(|&d| query::allowed(store, filter, d).map(|mask| (d, store.column(d), mask))).collect();
    // A year range selects on the year column, for charts by year and by half-year alike.
    let bit = |d: Dim| {
        let d = if d == Dim::Period { Dim::Year } else { d };
        checks.iter().position(|(c, _, _)| *c == d).map_or(0, |i| 1u32 << i)
    };
    let mut passes: Vec<Pass> = dims
        .iter()
        .map(|&dim| Pass { dim, column: store.column(dim), ignored: bit(dim), acc: vec![Acc::EMPTY; store.dict(dim).len()], contributions: 0, last: u32::MAX })
        .collect();
    let included = stage_bits(filter.measure);
    let (status, money, contribution) = (store.column(Dim::Status), &store.amount[..], &store.row_contribution[..]);
    let mut rows = Vec::new();
    let mut misses = vec![0u32; BLOCK];
    for start in (0..store.rows()).step_by(BLOCK) {
        let end = (start + BLOCK).min(store.rows());
        let misses = &mut misses[..end - start];
        misses.fill(0);
        for (i, (_, column, allows)) in checks.iter().enumerate() {
            let column = &column[start..start + misses.len()];
            for j in 0..misses.len() {
                misses[j] |= u32::from(!allows[column[j] as usize]) << i;
            }
        }
        let before = rows.len();
        // Room for the whole block at once: growing the list as it fills showed in profiles.
        rows.reserve(misses.len());
        rows.extend(misses.iter().enumerate().filter(|(_, &miss)| miss == 0).map(|(i, _)| (start + i) as u32));
        // Few rows of the block selected: charts that every selection applies to read just those.
        let sparse = (rows.len() - before) * 4 < misses.len();
        let selected = &rows[before..];
        let block = Block { misses, status: &status[start..end], money: &money[start..end], contribution: &contribution[start..end], included };
        for pass in &mut passes {
            let column = &pass.column[start..end];
            // Without a selection every row is in every chart: the loop is compiled without the check.
            if checks.is_empty() {
                block.sum::<false>(pass, column);
            } else if sparse && pass.ignored == 0 {
                sum_rows(pass, selected, store, included);
            } else {
                block.sum::<true>(pass, column);
            }
        }
    }
    let by_dim = passes.into_iter().map(|p| (p.dim, DimSums { sums: Sums::of(&p.acc), contributions: p.contributions }, p.ignored == 0)).collect();
    Fused { selection: Selection { rows }, by_dim, measure: filter.measure }
}

/// The rows of one block, as every chart reads them.
struct Block<'a> {
    misses: &'a [u32],
    status: &'a [u32],
    money: &'a [f64],
    contribution: &'a [u32],
    /// Bit s set: money at stage s counts.
    included: u32,
}

impl Block<'_> {
    /// Adds the block's rows that are in `pass`'s chart to its sums.
    #[inline(always)]
    fn sum<const FILTERED: bool>(&self, pass: &mut Pass, column: &[u32]) {
        // Locals, not fields: kept in registers across the loop.
        let (ignored, included, acc, mut contributions, mut last) = (pass.ignored, self.included, &mut pass.acc[..], pass.contributions, pass.last);
        // Indexes over slices cut to one length, not zipped iterators: at opt-level "z" the zipped
        // `next` calls are not inlined in the wasm, and a view took half as long again.
        let n = self.misses.len();
        let (misses, status, column, money, contribution) = (&self.misses[..n], &self.status[..n], &column[..n], &self.money[..n], &self.contribution[..n]);
        for i in 0..n {
            let (miss, st, k, m, c) = (misses[i], status[i], column[i], money[i], contribution[i]);
            // Arithmetic rather than branches, as in `Acc::add`: a row outside the chart adds nothing.
            let inside = if FILTERED { u32::from(miss & !ignored == 0) } else { 1 };
            acc[k as usize].add((included >> st) & 1 & inside, m, c);
            contributions += (u32::from(last != c) & inside) as usize;
            last = if inside == 1 { c } else { last };
        }
        (pass.contributions, pass.last) = (contributions, last);
    }
}

/// Adds the given rows (all in `pass`'s chart) to its sums.
fn sum_rows(pass: &mut Pass, rows: &[u32], store: &Store, included: u32) {
    let (status, money, contribution) = (store.column(Dim::Status), &store.amount[..], &store.row_contribution[..]);
    let (column, acc, mut contributions, mut last) = (pass.column, &mut pass.acc[..], pass.contributions, pass.last);
    for &r in rows {
        let (r, c) = (r as usize, contribution[r as usize]);
        acc[column[r] as usize].add((included >> status[r]) & 1, money[r], c);
        contributions += usize::from(last != c);
        last = c;
    }
    (pass.contributions, pass.last) = (contributions, last);
}
