//! Importers from the field's published formats into dataset v1. Each one accounts for every
//! record it reads: read = imported + skipped + rejected.
//!
//! - `fts`: OCHA FTS flow JSON (`/v1/public/fts/flow/custom-search` pages).
//! - `iati`: IATI activity XML, streamed.
//! - `hxl`: HXL-tagged CSV (flow tables and FTS requirements-and-funding tables).
//! - `csv`: plain CSV with a column map (`--map`) and row filters (`--where`).
//! - `aiddata`: AidData research releases (projects, transactions and locations tables).
//!
//! What they share lives here: the result of an import (`Imported`), its accounting
//! (`ImportReport`), the skip reasons and their sentences, and `slug` for ids made from names.

pub mod admin1;
pub mod aiddata;
pub mod count_once;
pub mod csv;
pub mod fts;
pub mod fts_series;
pub mod hxl;
pub mod iati;
pub mod rates;

use crate::core::format::dataset::Dataset;
use crate::core::locale::i18n::Msg;
use crate::core::locale::lang::Lang;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// What every importer returns: the dataset, the accounting of the records read, notes for the
/// person running the import, and the codes no mapping knew.
#[derive(Debug)]
pub struct Imported {
    /// The records that were imported, as a dataset v1.
    pub dataset: Dataset,
    /// Every record read: imported, skipped (counted by reason) or rejected (where and why).
    pub report: ImportReport,
    /// Notes for the person running the import: how the file was read, defaults applied, budgets
    /// left out. The HXL and CSV importers also name their unmapped sector values here.
    pub notes: Vec<String>,
    /// Values no obligation mapping knew (they became `unspecified`) and how many records had them:
    /// FTS cluster names, IATI `vocabulary:code` sector keys, HXL/CSV sector values.
    pub unmapped: BTreeMap<String, usize>,
}

/// The ISO 3166-2 code of a first-level division from its GeoNames admin1 code (`CO.03` →
/// `CO-ARA`), by Natural Earth's table (`admin1_geonames.tsv`, written by data/scripts/admin1.mjs).
pub fn iso_3166_2_of_geonames(code: &str) -> Option<&'static str> {
    static TABLE: std::sync::OnceLock<std::collections::HashMap<&'static str, &'static str>> = std::sync::OnceLock::new();
    TABLE
        .get_or_init(|| include_str!("admin1_geonames.tsv").lines().filter(|l| !l.starts_with('#')).filter_map(|l| l.split_once('\t')).collect())
        .get(code)
        .copied()
}

/// Every reason an importer skips records for. The report counts skipped records by these ids;
/// each has a sentence in every language, the Fluent message `skip-<id>` (locales/*/report.ftl).
pub const SKIP_REASONS: &[&str] = &[
    fts::SKIP_INTERNAL,
    fts::SKIP_OUTGOING,
    fts::SKIP_SHARED,
    fts::SKIP_DUPLICATE,
    hxl::SKIP_OUTSIDE_COUNTRIES,
    hxl::SKIP_OUTSIDE_YEARS,
    hxl::SKIP_NO_AMOUNTS,
    hxl::SKIP_NEGATIVE_FUNDING,
    hxl::SKIP_DUPLICATE,
    hxl::SKIP_EMPTY,
    csv::SKIP_WHERE,
    fts_series::SKIP_NO_LONGER_LISTED,
    fts_series::SKIP_AFTER_UNTIL,
    aiddata::SKIP_PROJECT_WITHOUT_AMOUNTS,
    iati::SKIP_NOT_SELECTED,
    iati::SKIP_OUTSIDE_RECIPIENTS,
    iati::SKIP_DUPLICATE_ACTIVITY,
    iati::SKIP_BUDGET_LEFT_OUT,
    "iati-transaction-type-1",
    "iati-transaction-type-4",
    "iati-transaction-type-5",
    "iati-transaction-type-6",
    "iati-transaction-type-7",
    "iati-transaction-type-8",
    "iati-transaction-type-9",
    "iati-transaction-type-10",
];

/// A skip reason in a reader's language; an id no message knows (a report written by a newer
/// version) is shown as it is.
pub fn skip_reason(id: &str, lang: Lang) -> String {
    let wanted = format!("skip-{id}");
    Msg::ALL.iter().find(|m| m.id() == wanted).map_or_else(|| id.to_string(), |m| m.get(lang).to_string())
}

/// The accounting of one import, written as `*.report.json` and shown by the dashboard:
/// read = imported + skipped + rejected.
#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct ImportReport {
    /// Records read (flows, transactions or data rows).
    pub read: usize,
    /// Records that became contributions, requirements or (flattened IATI results) indicators.
    pub imported: usize,
    /// Records left out on purpose, counted by reason id (`SKIP_REASONS`).
    pub skipped: BTreeMap<String, usize>,
    /// Records that could not be read, each with where it is and why.
    pub rejected: Vec<Rejection>,
    /// Records imported, but only after reading something in them another way than the format
    /// says (a list given as a string, …): where, and what was done. Absent when there are none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<Rejection>,
    /// Amounts converted from other currencies: per currency, which rates and days.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub exchange_rates: Vec<crate::core::format::dataset::ExchangeRateUse>,
}

/// A record that could not be read: where it is and why.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Rejection {
    /// The record's place in its file (`FILE:LINE (column NAME)`, `FILE#/data/flows/3 (flow 123)`).
    #[serde(rename = "where")]
    pub location: String,
    /// Why it could not be imported, in English.
    pub reason: String,
}

impl ImportReport {
    /// The report of a dataset merged from several imports: their counts added up, their
    /// rejections, warnings and conversions kept (each locates its record in its own file).
    pub fn combine(parts: &[ImportReport]) -> ImportReport {
        let mut out = ImportReport::default();
        for p in parts {
            out.read += p.read;
            out.imported += p.imported;
            for (reason, n) in &p.skipped {
                *out.skipped.entry(reason.clone()).or_default() += n;
            }
            out.rejected.extend(p.rejected.iter().cloned());
            out.warnings.extend(p.warnings.iter().cloned());
            out.exchange_rates.extend(p.exchange_rates.iter().cloned());
        }
        out
    }

    /// Counts one record skipped for `reason` (an id of `SKIP_REASONS`).
    pub fn skip(&mut self, reason: &str) {
        *self.skipped.entry(reason.to_string()).or_default() += 1;
    }

    /// Records that a record was read another way than its format says: where, and what was done.
    pub fn warn(&mut self, location: String, what: impl Into<String>) {
        self.warnings.push(Rejection { location, reason: what.into() });
    }

    /// Records one rejected record: where it is and why.
    pub fn reject(&mut self, location: String, reason: impl Into<String>) {
        self.rejected.push(Rejection { location, reason: reason.into() });
    }

    /// All skipped records, whatever the reason.
    pub fn skipped_total(&self) -> usize {
        self.skipped.values().sum()
    }

    /// The report as CSV (kind, reason or location, count), for spreadsheets; skip reasons in `lang`.
    pub fn to_csv(&self, lang: Lang) -> String {
        let quote = |s: &str| format!("\"{}\"", s.replace('"', "\"\""));
        let mut out = String::from("outcome,reason,where,count\n");
        out.push_str(&format!("read,,,{}\nimported,,,{}\n", self.read, self.imported));
        for (reason, n) in &self.skipped {
            out.push_str(&format!("skipped,{},,{n}\n", quote(&skip_reason(reason, lang))));
        }
        for r in &self.rejected {
            out.push_str(&format!("rejected,{},{},1\n", quote(&r.reason), quote(&r.location)));
        }
        // Warnings are about imported records: listed, not counted again.
        for w in &self.warnings {
            out.push_str(&format!("warning,{},{},\n", quote(&w.reason), quote(&w.location)));
        }
        out
    }

    /// Every record read is accounted for.
    pub fn balances(&self) -> bool {
        self.read == self.imported + self.skipped_total() + self.rejected.len()
    }
}

/// An id from a name: lower-case letters and digits, other runs as one `-` ("Private donors" →
/// "private-donors"). Used for donors without an identifier and for ids built from sector names.
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

/// How many times its donor's typical (median) contribution an amount must be to be flagged.
const IMPLAUSIBLE_TIMES_TYPICAL: f64 = 1000.0;

/// Flags amounts that are probably wrong — a loan in yen written as US dollars — as warnings, without
/// dropping them: an amount over a thousand times its donor's median contribution (donors with three
/// or more) that is also more than all the donor's other contributions together, or, across the
/// whole import, more than everything else together and a thousand times the median.
pub fn flag_implausible_amounts(dataset: &Dataset, report: &mut ImportReport) {
    fn median(mut v: Vec<f64>) -> f64 {
        v.sort_by(f64::total_cmp);
        v.get(v.len() / 2).copied().unwrap_or(0.0)
    }
    let cs = &dataset.contributions;
    let mut by_donor: BTreeMap<&str, Vec<f64>> = BTreeMap::new();
    for c in cs {
        by_donor.entry(c.donor.id.as_str()).or_default().push(c.amount);
    }
    // Per donor, once: how many, the median and the total.
    let donors: BTreeMap<&str, (usize, f64, f64)> = by_donor
        .into_iter()
        .map(|(donor, amounts)| {
            let (count, total) = (amounts.len(), amounts.iter().sum::<f64>());
            (donor, (count, median(amounts), total))
        })
        .collect();
    let all_median = median(cs.iter().map(|c| c.amount).collect());
    let total: f64 = cs.iter().map(|c| c.amount).sum();
    let currency = &dataset.metadata.currency;
    for c in cs {
        let (count, typical, donor_total) = donors[c.donor.id.as_str()];
        let among_donor = count >= 3 && c.amount > IMPLAUSIBLE_TIMES_TYPICAL * typical && c.amount > donor_total - c.amount;
        let among_all = cs.len() >= 3 && c.amount > IMPLAUSIBLE_TIMES_TYPICAL * all_median && c.amount > total - c.amount;
        if among_donor || among_all {
            let (against, typical) = if among_donor { (format!("{}'s", c.donor.name), typical) } else { ("this import's".to_string(), all_median) };
            report.warn(
                format!("contribution {}", c.id),
                format!(
                    "{currency} {:.0} is {:.0} times {against} typical contribution ({currency} {typical:.0}) and more than all the others together: check its currency and amount (kept as published)",
                    c.amount,
                    c.amount / typical.max(1.0)
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        assert_eq!(slug("Private donors"), "private-donors");
        assert_eq!(slug("  España con ACNUR (Spain) "), "españa-con-acnur-spain");
        assert_eq!(slug("  Housing, Land and Property "), "housing-land-and-property");
        assert_eq!(slug("--"), "");
    }

    #[test]
    fn every_skip_reason_has_a_sentence_in_every_language() {
        for id in SKIP_REASONS {
            for lang in Lang::ALL {
                let text = skip_reason(id, lang);
                assert_ne!(text, *id, "no message skip-{id} in {lang:?}");
            }
        }
        assert_eq!(skip_reason("made-up", Lang::Fr), "made-up");
    }
}
