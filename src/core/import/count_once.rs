//! Counting each agreement's money once. A source such as IATI or AidData reports one agreement's
//! commitment *and* its disbursements: the same money at two stages. Datasets hold stages that
//! exclude each other — a record's amount is the part of the money whose furthest stage is the
//! record's status — so funding (committed + disbursed) never counts money twice:
//!
//! - disbursed money counts as disbursed;
//! - of a commitment, only what was not (yet) disbursed stays committed;
//! - of a pledge, only what was neither committed nor disbursed stays pledged.
//!
//! This is the rule of docs/dataset-format.md ("Stages exclude each other"); FTS flows follow it by
//! nature (a flow is at one stage), the IATI and AidData importers apply it per agreement here.

use crate::core::format::dataset::Contribution;
use std::collections::BTreeMap;

/// What applying the rule changed, for the import report.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CountOnce {
    /// Agreements (activity or project, and donor) with money at more than one stage.
    pub agreements: usize,
    /// Commitment or pledge records reduced to what went no further.
    pub reduced: usize,
    /// Commitment or pledge records left out: all of their money went further.
    pub dropped: usize,
}

impl CountOnce {
    /// The sentence for the report, when the rule changed anything.
    pub fn sentence(&self) -> Option<String> {
        (self.reduced + self.dropped > 0).then(|| {
            format!(
                "counted once: {} agreement(s) report the same money at several stages; {} commitment or pledge record(s) were reduced to the part not yet disbursed (or committed) and {} left out because all of it was",
                self.agreements, self.reduced, self.dropped
            )
        })
    }
}

fn rank(status: &str) -> usize {
    match status {
        "pledged" => 0,
        "committed" => 1,
        _ => 2,
    }
}

/// Per donor, the amounts at each stage (pledged, committed, disbursed) in the source's own
/// currency: compared there, a commitment paid in full is not left with a remainder made of
/// exchange-rate differences.
pub type SourceTotals = BTreeMap<String, [f64; 3]>;

/// The index of a stage in `SourceTotals`' arrays.
pub fn stage_index(status: &str) -> usize {
    rank(status)
}

/// Applies the rule to `records[from..]`, which are one activity's or project's records: each
/// donor's records there are one agreement. A donor in `source` is compared in its own currency.
pub fn furthest_stage(records: &mut Vec<Contribution>, from: usize, counts: &mut CountOnce, source: &SourceTotals) {
    let mut totals: BTreeMap<&str, [f64; 3]> = BTreeMap::new();
    for c in &records[from..] {
        totals.entry(c.donor.id.as_str()).or_default()[rank(&c.status)] += c.amount;
    }
    for (donor, t) in totals.iter_mut() {
        if let Some(own) = source.get(*donor) {
            *t = *own;
        }
    }
    // Per donor: the factor that keeps only the part of each stage that went no further.
    let factors: BTreeMap<String, [f64; 2]> = totals
        .into_iter()
        .filter(|(_, t)| t.iter().filter(|v| **v > 0.0).count() > 1)
        .map(|(donor, [pledged, committed, disbursed])| {
            let keep = |stage: f64, further: f64| if stage > 0.0 { ((stage - further) / stage).clamp(0.0, 1.0) } else { 1.0 };
            (donor.to_string(), [keep(pledged, committed.max(disbursed)), keep(committed, disbursed)])
        })
        .collect();
    counts.agreements += factors.len();
    let mut i = from;
    while i < records.len() {
        let c = &mut records[i];
        let factor = factors.get(&c.donor.id).and_then(|f| f.get(rank(&c.status)).copied()).unwrap_or(1.0);
        if factor >= 1.0 {
            i += 1;
            continue;
        }
        if factor <= 0.0 {
            records.remove(i);
            counts.dropped += 1;
        } else {
            c.amount *= factor;
            counts.reduced += 1;
            i += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::format::dataset::{Donor, ObligationShare};

    fn record(donor: &str, status: &str, year: i32, amount: f64) -> Contribution {
        Contribution {
            id: format!("{donor}-{status}-{year}-{amount}"),
            donor: Donor { id: donor.into(), name: donor.into(), donor_type: "government".into(), country: None },
            recipient: "COL".into(),
            year,
            date: None,
            obligations: vec![ObligationShare { id: "unspecified".into(), share: 1.0 }],
            model: "bilateral".into(),
            model_rule: None,
            model_evidence: None,
            obligation_rule: None,
            obligation_evidence: None,
            kind: "financial".into(),
            status: status.into(),
            amount,
            plan: None,
            description: None,
            places: Vec::new(),
            history: Vec::new(),
            objectives: Vec::new(),
        }
    }

    fn funding(records: &[Contribution]) -> f64 {
        records.iter().filter(|c| c.status != "pledged").map(|c| c.amount).sum()
    }

    #[test]
    fn a_commitment_and_its_disbursements_count_once() {
        // US$ 17 M committed in 2020, then paid 5 M in 2020 and 12 M in 2021: 17 M of funding, not 34.
        let mut r = vec![record("A", "committed", 2020, 17e6), record("A", "disbursed", 2020, 5e6), record("A", "disbursed", 2021, 12e6)];
        let mut counts = CountOnce::default();
        furthest_stage(&mut r, 0, &mut counts, &SourceTotals::new());
        assert_eq!(funding(&r), 17e6);
        assert!(r.iter().all(|c| c.status == "disbursed"));
        assert_eq!(counts, CountOnce { agreements: 1, reduced: 0, dropped: 1 });
    }

    #[test]
    fn what_is_not_yet_paid_stays_committed_and_other_donors_are_untouched() {
        let mut r = vec![
            record("X", "committed", 2019, 1.0),
            record("A", "committed", 2020, 15.0),
            record("A", "committed", 2020, 5.0),
            record("A", "disbursed", 2021, 8.0),
            record("A", "pledged", 2019, 30.0),
            record("B", "committed", 2020, 4.0),
        ];
        let mut counts = CountOnce::default();
        furthest_stage(&mut r, 1, &mut counts, &SourceTotals::new());
        assert_eq!(r[0].amount, 1.0, "before `from`: another activity");
        let of = |d: &str, s: &str| r.iter().filter(|c| c.donor.id == d && c.status == s).map(|c| c.amount).sum::<f64>();
        assert!((of("A", "committed") - 12.0).abs() < 1e-9);
        assert_eq!(of("A", "disbursed"), 8.0);
        assert!((of("A", "pledged") - 10.0).abs() < 1e-9);
        assert_eq!(of("B", "committed"), 4.0);
        assert_eq!(counts, CountOnce { agreements: 1, reduced: 3, dropped: 0 });
        // Disbursed more than committed: the commitment is all paid.
        let mut r = vec![record("A", "committed", 2020, 5.0), record("A", "disbursed", 2021, 8.0)];
        furthest_stage(&mut r, 0, &mut counts, &SourceTotals::new());
        assert_eq!(funding(&r), 8.0);
        // EUR 100 committed, EUR 100 paid: at two days' rates USD 118 and USD 117, still all paid.
        let mut r = vec![record("A", "committed", 2017, 118.0), record("A", "disbursed", 2017, 117.0)];
        let own = SourceTotals::from([("A".to_string(), [0.0, 100.0, 100.0])]);
        furthest_stage(&mut r, 0, &mut counts, &own);
        assert_eq!(r.len(), 1);
        assert_eq!(funding(&r), 117.0);
    }
}
