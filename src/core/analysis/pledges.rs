//! Pledges followed up: per donor, the stages its money reached; and, for contributions recorded
//! at several dates, what each date said. Stages are set side by side, never added together.

use crate::core::analysis::query::Selection;
use crate::core::analysis::store::{Dim, Store};
use crate::core::format::codes::Status;

/// Per donor, each stage of the pipeline side by side (never summed): the pledge follow-up.
#[derive(Clone, Debug, PartialEq)]
pub struct PledgeFollowUp {
    /// Donor id.
    pub donor: String,
    /// Pledged, committed and disbursed, indexed by `Status`.
    pub stages: [f64; 3],
}

impl PledgeFollowUp {
    /// Share of the pledge already disbursed ("beyond the pledge phase"); None without a pledge.
    pub fn disbursed_share(&self) -> Option<f64> {
        (self.stages[0] > 0.0).then(|| self.stages[2] / self.stages[0])
    }
}

/// Donors that pledged, largest pledge first, at most `top`.
pub fn pledge_follow_up(store: &Store, sel: &Selection, top: usize) -> Vec<PledgeFollowUp> {
    let n = store.dict(Dim::Donor).len();
    let mut stages = vec![[0.0f64; 3]; n];
    let (dc, sc, amount, sums) = (store.column(Dim::Donor), store.column(Dim::Status), &store.amount[..], &mut stages[..]);
    // Slices, not `Vec`s: at opt-level "z" a `Vec` index can stay a call per row.
    for &r in &sel.rows {
        let r = r as usize;
        sums[dc[r] as usize][sc[r] as usize] += amount[r];
    }
    let mut out: Vec<PledgeFollowUp> = stages
        .into_iter()
        .enumerate()
        .filter(|(_, s)| s[0] > 0.0)
        .map(|(i, s)| PledgeFollowUp { donor: store.dict(Dim::Donor).ids[i].clone(), stages: s })
        .collect();
    out.sort_by(|a, b| b.stages[0].total_cmp(&a.stages[0]));
    out.truncate(top);
    out
}

/// Contributions followed over time: per snapshot date, the money at each stage, and what became
/// of the pledges.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PledgeHistory {
    /// The snapshot dates, oldest first.
    pub dates: Vec<String>,
    /// Per date: pledged (not yet committed), committed and disbursed, as recorded on that date.
    pub stages: Vec<[f64; 3]>,
    /// Contributions that were pledges at some date.
    pub pledges: usize,
    /// Of those, how many are committed or disbursed by the last date.
    pub followed_through: usize,
    /// Of those, how many are still only pledged.
    pub still_pledged: usize,
}

/// What the selection's contributions with a history were at each snapshot date: each row counts
/// its share (of obligations) of the amount each entry recorded; a contribution counts from the
/// first date it was recorded. Stages are exclusive at each date, never added together.
pub fn pledge_history(store: &Store, sel: &Selection) -> PledgeHistory {
    let h = &store.histories;
    let mut out = PledgeHistory { dates: h.dates.clone(), stages: vec![[0.0; 3]; h.dates.len()], ..Default::default() };
    let mut seen = vec![false; h.entries.len()];
    for &r in &sel.rows {
        let c = store.row_contribution[r as usize] as usize;
        let Some(entries) = h.entries.get(c).filter(|e| !e.is_empty()) else { continue };
        let share = if h.amounts[c] > 0.0 { store.amount[r as usize] / h.amounts[c] } else { 0.0 };
        let mut next = 0;
        for (d, stages) in out.stages.iter_mut().enumerate() {
            while next < entries.len() && entries[next].0 as usize <= d {
                next += 1;
            }
            if let Some(&(_, stage, amount)) = next.checked_sub(1).and_then(|i| entries.get(i)) {
                stages[stage as usize] += amount * share;
            }
        }
        if !std::mem::replace(&mut seen[c], true) && entries.iter().any(|e| e.1 == Status::Pledged) {
            out.pledges += 1;
            match entries.last() {
                Some(&(_, Status::Pledged, _)) => out.still_pledged += 1,
                _ => out.followed_through += 1,
            }
        }
    }
    out
}
