//! Needs against the funding that meets them: each requirement (an appeal, a plan) beside the
//! committed and disbursed money matched to it, and what is still unmet.

use crate::core::analysis::query::{Filter, Selection};
use crate::core::analysis::store::{Dim, Store, NO_PLAN};
use crate::core::format::codes::Status;

/// A need set against the funding that meets it.
#[derive(Clone, Debug, PartialEq)]
pub struct GapRow {
    /// Requirement label, or "recipient" / "recipient · obligation".
    pub key: String,
    /// Recipient code.
    pub recipient: String,
    /// The obligation of the need, if it names one.
    pub obligation: Option<String>,
    /// Year of the need; for a recipient's sum, the latest of its years.
    pub year: i32,
    /// Money required.
    pub need: f64,
    /// Funding (committed + disbursed) matched to the need; may exceed it.
    pub funded: f64,
    /// requirement − (committed + disbursed), never below zero; for a group, the sum over its
    /// requirements (money beyond one need does not cover another).
    pub unmet: f64,
}

impl GapRow {
    /// What is still missing: the same as `unmet`.
    pub fn gap(&self) -> f64 {
        self.unmet
    }

    /// Share of the need that is covered.
    pub fn coverage(&self) -> f64 {
        if self.need > 0.0 {
            (self.need - self.unmet) / self.need
        } else {
            0.0
        }
    }
}

/// Needs and funding per recipient, largest unmet need first.
pub fn gaps_by_recipient(rows: &[GapRow]) -> Vec<GapRow> {
    let mut out: Vec<GapRow> = Vec::new();
    for r in rows {
        match out.iter_mut().find(|g| g.recipient == r.recipient) {
            Some(g) => {
                g.need += r.need;
                g.funded += r.funded;
                g.unmet += r.unmet;
                g.year = g.year.max(r.year);
            }
            None => out.push(GapRow { key: r.recipient.clone(), obligation: None, ..r.clone() }),
        }
    }
    out.sort_by(|a, b| b.unmet.total_cmp(&a.unmet).then_with(|| a.key.cmp(&b.key)));
    out
}

/// Need against funding for each requirement the filter's year, region, recipient and obligation
/// selections keep. Funding (committed + disbursed) matches a requirement by plan when it names
/// one, otherwise by recipient and year (and obligation when the requirement has one). Donor,
/// model and kind selections narrow the funding side only.
pub fn gaps(store: &Store, sel: &Selection, filter: &Filter) -> Vec<GapRow> {
    let years = (filter.year_from.unwrap_or(i32::MIN), filter.year_to.unwrap_or(i32::MAX));
    let (recipients, regions, obligations) = (filter.values(Dim::Recipient), filter.values(Dim::Region), filter.values(Dim::Obligation));
    let keep = |r: &crate::core::analysis::store::RequirementRow| {
        (years.0..=years.1).contains(&r.year)
            && (recipients.is_empty() || recipients.contains(&r.recipient))
            && (regions.is_empty() || regions.iter().any(|g| g == r.region || g == r.subregion))
            && (obligations.is_empty() || r.obligation.as_ref().is_none_or(|o| obligations.contains(o)))
    };
    let status = store.column(Dim::Status);
    let (rec_col, year_col, obl_col) = (store.column(Dim::Recipient), store.column(Dim::Year), store.column(Dim::Obligation));
    store
        .requirements
        .iter()
        .filter(|r| keep(r))
        .map(|req| {
            let plan = req.plan.as_deref().map(|p| store.plans.get(p).unwrap_or(NO_PLAN - 1));
            let recipient = store.dict(Dim::Recipient).get(&req.recipient);
            let year = store.dict(Dim::Year).get(&req.year.to_string());
            let obligation = req.obligation.as_deref().map(|o| store.dict(Dim::Obligation).get(o));
            let funded: f64 = sel
                .rows
                .iter()
                .map(|&r| r as usize)
                .filter(|&r| {
                    Status::ALL[status[r] as usize].is_funding()
                        && Some(year_col[r]) == year
                        && match plan {
                            Some(p) => store.plan[r] == p,
                            None => Some(rec_col[r]) == recipient,
                        }
                        && obligation.is_none_or(|o| o == Some(obl_col[r]))
                })
                .map(|r| store.amount[r])
                .sum();
            let key = req.label.clone().unwrap_or_else(|| match &req.obligation {
                Some(o) => format!("{} · {o}", req.recipient),
                None => req.recipient.clone(),
            });
            GapRow {
                key,
                recipient: req.recipient.clone(),
                obligation: req.obligation.clone(),
                year: req.year,
                need: req.amount,
                funded,
                unmet: (req.amount - funded).max(0.0),
            }
        })
        .collect()
}
