//! Negative transactions — reductions and decommitments — are netted against the same activity's
//! transactions from the same provider, at the same stage, in the same year: the money is counted
//! once, as what remains. A reduction larger than what it could reduce is rejected with a reason.

use super::Importer;
use crate::core::format::dataset::Contribution;

/// How many reductions were netted and how many could not be.
#[derive(Default)]
pub(super) struct NettingCounts {
    netted: usize,
    not_netted: usize,
}

impl NettingCounts {
    /// The note the CLI prints, when there were reductions.
    pub(super) fn note(&self) -> Option<String> {
        (self.netted + self.not_netted > 0).then(|| {
            format!(
                "{} negative transaction(s) netted against the same activity, provider, stage and year; {} could not be (rejected, see the report)",
                self.netted, self.not_netted
            )
        })
    }
}

/// What a reduction is netted against: provider (donor), stage and year.
fn key(c: &Contribution) -> (&str, &str, i32) {
    (c.donor.id.as_str(), c.status.as_str(), c.year)
}

impl Importer<'_> {
    /// Nets each reduction (`at`, its negative contributions) against the activity's contributions
    /// from index `first` on, scaling those of the same provider, stage and year down by what it
    /// takes away; contributions netted to nothing are dropped.
    pub(super) fn net(&mut self, first: usize, reductions: Vec<(String, Vec<Contribution>)>) {
        if reductions.is_empty() {
            return;
        }
        for (at, parts) in reductions {
            let Some(head) = parts.first() else { continue };
            let (donor, stage, year) = (head.donor.id.clone(), head.status.clone(), head.year);
            let reduction: f64 = -parts.iter().map(|c| c.amount).sum::<f64>();
            let same: Vec<usize> =
                (first..self.contributions.len()).filter(|&i| key(&self.contributions[i]) == (donor.as_str(), stage.as_str(), year)).collect();
            let held: f64 = same.iter().map(|&i| self.contributions[i].amount).sum();
            if held > 0.0 && reduction <= held * (1.0 + 1e-9) {
                let factor = ((held - reduction) / held).max(0.0);
                for i in same {
                    self.contributions[i].amount *= factor;
                }
                self.report.imported += 1;
                self.report.warn(
                    at,
                    format!(
                        "a reduction of {reduction:.2} netted against this activity's {stage} {year} from {}: {held:.2} becomes {:.2}",
                        head.donor.name,
                        held - reduction
                    ),
                );
                self.netting.netted += 1;
            } else {
                self.report.reject(
                    at,
                    format!(
                        "a reduction of {reduction:.2}, more than the {held:.2} this activity holds from {} {stage} in {year}: it cannot be netted",
                        head.donor.name
                    ),
                );
                self.netting.not_netted += 1;
            }
        }
        let mut i = first;
        while i < self.contributions.len() {
            if self.contributions[i].amount <= 0.0 {
                self.contributions.remove(i);
            } else {
                i += 1;
            }
        }
    }
}
