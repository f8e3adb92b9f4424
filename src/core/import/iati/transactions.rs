//! A transaction → contributions: its type decides the stage (or a skip), then date, amount,
//! donor, recipients, sectors, cooperation model and kind. The rules are in docs/importers.md.

use super::activity::{Activity, Org, Transaction};
use super::donors::transaction_donor;
use super::recipients::recipient_code;
use super::sectors::obligations_from_sectors;
use super::{Importer, UNHCR_ORG};
use crate::core::format::dataset::*;
use crate::core::format::obligation_rules;
use crate::core::format::validate::is_iso_date;

/// What a transaction type becomes.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum TransactionRule {
    /// Imported at this status.
    Status(&'static str),
    /// Skipped; the reason id (`import::skip_reason`).
    Skip(&'static str),
}

/// IATI TransactionType codelist (2.03): 1–13. `None` for a code outside the list.
pub fn transaction_rule(code: &str) -> Option<TransactionRule> {
    use TransactionRule::*;
    Some(match code.trim() {
        "2" | "11" => Status("committed"),
        "3" => Status("disbursed"),
        "12" | "13" => Status("pledged"),
        "1" => Skip("iati-transaction-type-1"),
        "4" => Skip("iati-transaction-type-4"),
        "5" => Skip("iati-transaction-type-5"),
        "6" => Skip("iati-transaction-type-6"),
        "7" => Skip("iati-transaction-type-7"),
        "8" => Skip("iati-transaction-type-8"),
        "9" => Skip("iati-transaction-type-9"),
        "10" => Skip("iati-transaction-type-10"),
        _ => return None,
    })
}

/// Transaction types whose provider is the reporting organisation itself.
fn is_outgoing(code: &str) -> bool {
    matches!(code.trim(), "2" | "3" | "12")
}

/// IATI CollaborationType (OECD DAC) → cooperation model.
pub fn model_from_collaboration_type(code: &str) -> &'static str {
    crate::core::format::cooperation::from_collaboration_type(code).unwrap_or("unspecified")
}

/// IATI AidType, vocabulary 1 (OECD DAC) → kind. D (experts and technical assistance) and E
/// (scholarships and training) are technical; everything else, and no aid type, is financial.
/// IATI has no field that says a contribution is in kind, so `in-kind` is never inferred.
pub fn kind_from_aid_type(code: Option<&str>) -> &'static str {
    match code.map(str::trim).and_then(|c| c.chars().next()) {
        Some('D' | 'd' | 'E' | 'e') => "technical",
        _ => "financial",
    }
}

/// Mine action (DAC 15250) says nothing of which obligation: the activity's words decide
/// (`obligation_rules`), each "mine-action" share split between the obligations they name.
fn refine_mine_action(obligations: Vec<ObligationShare>, a: &Activity) -> (Vec<ObligationShare>, Option<obligation_rules::Rule>, Option<String>) {
    let Some(mine) = obligations.iter().find(|o| o.id == "mine-action").map(|o| o.share) else {
        return (obligations, None, None);
    };
    let (named, rule, evidence) = obligation_rules::mine_action_obligations(a.title.text.as_deref(), a.description.text.as_deref());
    let mut out: Vec<ObligationShare> = obligations.into_iter().filter(|o| o.id != "mine-action").collect();
    for n in named {
        match out.iter_mut().find(|o| o.id == n.id) {
            Some(o) => o.share += n.share * mine,
            None => out.push(ObligationShare { id: n.id, share: n.share * mine }),
        }
    }
    (out, Some(rule), evidence)
}

/// Why a transaction is not imported: skipped by a rule (a reason id), or rejected (why).
pub(super) enum Left {
    Skip(&'static str),
    Reject(String),
}

impl Importer<'_> {
    /// One transaction → its contributions (one per recipient of the activity when it names none
    /// itself) and the sector keys no mapping knew.
    pub(super) fn transaction(
        &mut self,
        a: &Activity,
        id: &str,
        t: &Transaction,
        recipients: &Result<Vec<(String, f64)>, String>,
    ) -> Result<(Vec<Contribution>, Vec<String>), Left> {
        use Left::*;
        let code = match (&t.type_code, t.type_present) {
            (Some(c), _) => c.clone(),
            (None, true) => return Err(Reject("transaction-type has no @code".into())),
            (None, false) => return Err(Reject("no transaction-type: cannot tell a commitment from a disbursement or an expenditure".into())),
        };
        let status = match transaction_rule(&code) {
            Some(TransactionRule::Status(s)) => s,
            Some(TransactionRule::Skip(reason)) => return Err(Skip(reason)),
            None => return Err(Reject(format!("transaction-type code {code:?} is not in the IATI TransactionType codelist (1–13)"))),
        };
        // A transaction skipped by its type needs nothing else; one to import needs its fields paired.
        if let Some(problem) = &t.problem {
            return Err(Reject(problem.clone()));
        }
        // Date and year.
        let date = match (&t.date, &t.value_date) {
            (Some(d), _) | (None, Some(d)) => d.clone(),
            (None, None) => return Err(Reject("no transaction-date/@iso-date and no value/@value-date: the year is unknown".into())),
        };
        let day = date.get(..10).filter(|d| is_iso_date(d)).ok_or_else(|| Reject(format!("transaction date {date:?} is not a YYYY-MM-DD date")))?;
        let year: i32 = day[..4].parse().map_err(|_| Reject(format!("transaction date {date:?} has no year")))?;
        if !(1900..=2100).contains(&year) {
            return Err(Reject(format!("transaction year {year} is outside 1900–2100")));
        }
        if self.options.years.is_some_and(|(from, to)| !(from..=to).contains(&year)) {
            return Err(Skip(crate::core::import::hxl::SKIP_OUTSIDE_YEARS));
        }
        // Amount in the dataset currency.
        let amount = self.amount(a, t, day).map_err(Reject)?;
        // Donor.
        let donor = transaction_donor(a, t, is_outgoing(&code)).map_err(Reject)?;
        // Recipients: the transaction's own, else the activity's split by percentage.
        let parts: Vec<(String, f64)> = if let Some(r) = t.recipients.first() {
            if t.recipients.len() > 1 {
                return Err(Reject(format!("{} recipient elements in one transaction: IATI allows one", t.recipients.len())));
            }
            let code = r.code.as_deref().ok_or_else(|| Reject(format!("{} has no @code", r.element)))?;
            vec![(recipient_code(r.element, code, r.vocabulary.as_deref()).map_err(Reject)?, 1.0)]
        } else {
            recipients.clone().map_err(Reject)?
        };
        // Only the recipients asked for: the parts outside are left out, the shares of those kept
        // stay what they were (the money for a country outside is not moved to one inside).
        let wanted = |r: &str| {
            self.options.region.as_deref().is_none_or(|area| crate::core::format::geo::is_within(r, area))
                && !self.options.without_recipients.iter().any(|w| w == r)
        };
        let parts: Vec<(String, f64)> = parts.into_iter().filter(|(r, _)| wanted(r)).collect();
        if parts.is_empty() {
            return Err(Skip(super::SKIP_OUTSIDE_RECIPIENTS));
        }
        let kept_share: f64 = parts.iter().map(|(_, s)| s).sum();
        // Obligations: transaction sectors, else the activity's.
        let sectors = if t.sectors.is_empty() { &a.sectors } else { &t.sectors };
        let unhcr = a.reporting_org.as_ref().and_then(Org::reference) == Some(UNHCR_ORG);
        let (obligations, unmapped) = obligations_from_sectors(sectors, unhcr).map_err(Reject)?;
        let (obligations, obligation_rule, obligation_evidence) = refine_mine_action(obligations, a);
        // The shared rules of docs/cooperation-models.md, with the activity's words and co-funders.
        let texts: Vec<(&str, &str)> =
            [("title", a.title.text.as_deref()), ("description", a.description.text.as_deref())].into_iter().filter_map(|(f, t)| t.map(|t| (f, t))).collect();
        let co_funders: Vec<Donor> = a.funding_orgs.iter().filter_map(Org::donor).filter(|d| d.id != donor.id).collect();
        let co_funders: Vec<(&str, Option<&str>)> = co_funders.iter().map(|d| (d.donor_type.as_str(), d.country.as_deref())).collect();
        let facts = |recipient: &str| crate::core::format::cooperation::Facts {
            collaboration_type: a.collaboration_type.as_deref(),
            donor_type: &donor.donor_type,
            donor_country: donor.country.as_deref(),
            recipient_country: crate::core::format::geo::country(recipient).map(|c| c.iso3),
            co_funders: &co_funders,
            texts: &texts,
            ..Default::default()
        };
        let aid = |list: &[(String, String)]| list.iter().find(|(v, c)| v == "1" && !c.is_empty()).map(|(_, c)| c.clone());
        let kind = kind_from_aid_type(aid(&t.aid_types).or_else(|| aid(&a.default_aid_types)).as_deref());
        let plan = self.options.budgets_as_requirements.then(|| id.to_string());
        let base = format!("{id}-t{}", t.index);
        let several = parts.len() > 1;
        let mut left = if kept_share < 1.0 { amount * kept_share } else { amount };
        let n = parts.len();
        let list = parts
            .into_iter()
            .enumerate()
            .map(|(i, (recipient, share))| {
                // The last part takes what remains, so the parts add up to the value.
                let part = if i + 1 == n { left } else { amount * share };
                left -= part;
                let (model, rule, model_evidence) = crate::core::format::cooperation::derive_with_evidence(&facts(&recipient));
                Contribution {
                    id: if several { format!("{base}-{recipient}") } else { base.clone() },
                    donor: donor.clone(),
                    recipient,
                    year,
                    date: Some(day.to_string()),
                    obligations: obligations.clone(),
                    model: model.to_string(),
                    model_rule: Some(rule.id().to_string()),
                    model_evidence: model_evidence.clone(),
                    obligation_rule: obligation_rule.map(|r| r.id().to_string()),
                    obligation_evidence: obligation_evidence.clone(),
                    kind: kind.to_string(),
                    status: status.to_string(),
                    // A reduction stays negative until it is netted (`netting.rs`); rounding never flips a sign.
                    amount: if amount < 0.0 { part.min(0.0) } else { part.max(0.0) },
                    plan: plan.clone(),
                    description: t.description.text.clone(),
                    places: Vec::new(),
                    history: Vec::new(),
                    objectives: Vec::new(),
                }
            })
            .collect();
        Ok((list, unmapped))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::format::codes;

    #[test]
    fn transaction_types_follow_the_iati_codelist() {
        use TransactionRule::*;
        assert_eq!(transaction_rule("2"), Some(Status("committed")));
        assert_eq!(transaction_rule("11"), Some(Status("committed")));
        assert_eq!(transaction_rule("3"), Some(Status("disbursed")));
        assert_eq!(transaction_rule("12"), Some(Status("pledged")));
        assert_eq!(transaction_rule("13"), Some(Status("pledged")));
        for skipped in ["1", "4", "5", "6", "7", "8", "9", "10"] {
            match transaction_rule(skipped) {
                Some(Skip(reason)) => {
                    let english = crate::core::import::skip_reason(reason, crate::core::locale::lang::Lang::En);
                    assert!(english.starts_with(&format!("transaction type {skipped} (")), "{reason}: {english}");
                }
                other => panic!("{skipped}: {other:?}"),
            }
        }
        for unknown in ["", "0", "14", "C", "D", "IF", "x"] {
            assert_eq!(transaction_rule(unknown), None, "{unknown}");
        }
    }

    #[test]
    fn models_from_collaboration_types() {
        for (c, want) in [
            ("1", "bilateral"),
            ("2", "multilateral"),
            ("3", "public-private"),
            ("4", "multilateral"),
            ("6", "public-private"),
            ("7", "bilateral"),
            ("8", "triangular"),
            ("5", "unspecified"),
            ("", "unspecified"),
        ] {
            assert_eq!(model_from_collaboration_type(c), want, "{c}");
            assert!(codes::find(codes::MODELS, model_from_collaboration_type(c)).is_some());
        }
    }

    #[test]
    fn kinds_from_aid_types() {
        for (a, want) in [
            ("D01", "technical"),
            ("D02", "technical"),
            ("E01", "technical"),
            ("E02", "technical"),
            ("A01", "financial"),
            ("B02", "financial"),
            ("B03", "financial"),
            ("C01", "financial"),
            ("G01", "financial"),
            ("H01", "financial"),
        ] {
            assert_eq!(kind_from_aid_type(Some(a)), want, "{a}");
        }
        assert_eq!(kind_from_aid_type(None), "financial");
    }
}
