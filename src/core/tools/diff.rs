//! What changed between two snapshots of the same dataset — the twice-yearly update that
//! transparency platforms promise. Contributions are matched by id.

use crate::core::format::codes::Status;
use crate::core::format::dataset::{Contribution, Dataset};
use serde::Serialize;
use std::collections::HashMap;

/// A contribution present in both snapshots whose recorded values differ.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Change {
    /// The contribution id both snapshots share.
    pub id: String,
    /// "amount", "status", "donor", ... : the fields whose value differs.
    pub fields: Vec<String>,
    /// Amount in the older snapshot.
    pub amount_before: f64,
    /// Amount in the newer snapshot.
    pub amount_after: f64,
    /// Status in the older snapshot: a changed stage is the usual update (pledged → disbursed).
    pub status_before: String,
    /// Status in the newer snapshot.
    pub status_after: String,
}

/// The money of one snapshot per stage, and funding (committed + disbursed); pledges are never added in.
#[derive(Clone, Debug, Serialize, PartialEq, Default)]
pub struct Totals {
    /// Committed + disbursed.
    pub funding: f64,
    /// Money pledged.
    pub pledged: f64,
    /// Money committed.
    pub committed: f64,
    /// Money disbursed.
    pub disbursed: f64,
    /// Number of contributions, at every stage.
    pub contributions: usize,
}

/// What changed from one snapshot of a dataset to the next, contributions matched by id.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Diff {
    /// `metadata.dataset_version` of the older snapshot.
    pub before_version: String,
    /// `metadata.dataset_version` of the newer snapshot.
    pub after_version: String,
    /// Ids only in the newer snapshot, in its order.
    pub added: Vec<String>,
    /// Ids only in the older snapshot, in its order.
    pub removed: Vec<String>,
    /// Contributions in both whose values differ, in the newer snapshot's order.
    pub changed: Vec<Change>,
    /// The older snapshot's totals.
    pub totals_before: Totals,
    /// The newer snapshot's totals.
    pub totals_after: Totals,
}

/// One change as a reader sees it: who, for what, and the stage and amount before and after.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct ChangeLine {
    /// The contribution id.
    pub id: String,
    /// The donor's name.
    pub donor: String,
    /// The contribution's description, when it has one.
    pub description: Option<String>,
    /// Stage and amount in the older version; `None` for a contribution that is new.
    pub before: Option<(String, f64)>,
    /// Stage and amount in the newer version; `None` for one no longer listed.
    pub after: Option<(String, f64)>,
}

/// What changed between two versions, as the page tells it: the comparison, how many
/// contributions moved to a further stage, and the largest changes in money.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Changes {
    /// The whole comparison.
    pub diff: Diff,
    /// Contributions in both whose stage moved forward (a pledge became a commitment or a payment).
    pub moved_forward: usize,
    /// The largest changes by money moved (added, removed or changed), largest first.
    pub largest: Vec<ChangeLine>,
}

/// The money a change moves: what was added or removed, the difference in amount, or, when the
/// stage changed, the amount that changed stage.
fn money_moved(l: &ChangeLine) -> f64 {
    let before = l.before.as_ref().map_or(0.0, |x| x.1);
    let after = l.after.as_ref().map_or(0.0, |x| x.1);
    match (&l.before, &l.after) {
        (Some(a), Some(b)) if a.0 != b.0 => before.max(after),
        _ => (after - before).abs(),
    }
}

fn rank(status: &str) -> usize {
    Status::parse(status).map_or(0, |s| s as usize)
}

/// The comparison the page shows: `compare`, plus the stage moves and the `n` largest changes.
pub fn changes(before: &Dataset, after: &Dataset, n: usize) -> Changes {
    let diff = compare(before, after);
    let old: HashMap<&str, &Contribution> = before.contributions.iter().map(|c| (c.id.as_str(), c)).collect();
    let new: HashMap<&str, &Contribution> = after.contributions.iter().map(|c| (c.id.as_str(), c)).collect();
    let moved_forward = diff.changed.iter().filter(|c| rank(&c.status_after) > rank(&c.status_before)).count();
    let line = |id: &str| {
        let (a, b) = (old.get(id), new.get(id));
        let c = b.or(a).expect("the id comes from one of the two versions");
        ChangeLine {
            id: id.to_string(),
            donor: c.donor.name.clone(),
            description: c.description.clone(),
            before: a.map(|x| (x.status.clone(), x.amount)),
            after: b.map(|x| (x.status.clone(), x.amount)),
        }
    };
    let mut largest: Vec<ChangeLine> = diff.added.iter().chain(&diff.removed).map(|id| line(id)).chain(diff.changed.iter().map(|c| line(&c.id))).collect();
    largest.sort_by(|a, b| money_moved(b).total_cmp(&money_moved(a)).then(a.id.cmp(&b.id)));
    largest.truncate(n);
    Changes { diff, moved_forward, largest }
}

fn totals(ds: &Dataset) -> Totals {
    let mut t = Totals { contributions: ds.contributions.len(), ..Default::default() };
    for c in &ds.contributions {
        match Status::parse(&c.status) {
            Some(Status::Pledged) => t.pledged += c.amount,
            Some(Status::Committed) => t.committed += c.amount,
            Some(Status::Disbursed) => t.disbursed += c.amount,
            None => {}
        }
    }
    t.funding = t.committed + t.disbursed;
    t
}

fn changed_fields(a: &Contribution, b: &Contribution) -> Vec<String> {
    let mut f = Vec::new();
    let mut check = |name: &str, differs: bool| {
        if differs {
            f.push(name.to_string());
        }
    };
    check("amount", a.amount != b.amount);
    check("status", a.status != b.status);
    check("donor", a.donor != b.donor);
    check("recipient", a.recipient != b.recipient);
    check("year", a.year != b.year);
    check("obligations", a.obligations != b.obligations);
    check("model", a.model != b.model);
    check("kind", a.kind != b.kind);
    check("date", a.date != b.date);
    f
}

/// Compares two snapshots of the same dataset: what was added, removed and changed, and the totals
/// of each.
pub fn compare(before: &Dataset, after: &Dataset) -> Diff {
    let old: HashMap<&str, &Contribution> = before.contributions.iter().map(|c| (c.id.as_str(), c)).collect();
    let new: HashMap<&str, &Contribution> = after.contributions.iter().map(|c| (c.id.as_str(), c)).collect();
    let added = after.contributions.iter().filter(|c| !old.contains_key(c.id.as_str())).map(|c| c.id.clone()).collect();
    let removed = before.contributions.iter().filter(|c| !new.contains_key(c.id.as_str())).map(|c| c.id.clone()).collect();
    let changed = after
        .contributions
        .iter()
        .filter_map(|b| {
            let a = old.get(b.id.as_str())?;
            let fields = changed_fields(a, b);
            (!fields.is_empty()).then(|| Change {
                id: b.id.clone(),
                fields,
                amount_before: a.amount,
                amount_after: b.amount,
                status_before: a.status.clone(),
                status_after: b.status.clone(),
            })
        })
        .collect();
    Diff {
        before_version: before.metadata.dataset_version.clone(),
        after_version: after.metadata.dataset_version.clone(),
        added,
        removed,
        changed,
        totals_before: totals(before),
        totals_after: totals(after),
    }
}
