//! Importers from the field's published formats into dataset v1. Each one accounts for every
//! record it reads: read = imported + skipped + rejected.

pub mod fts;
pub mod hxl;
pub mod iati;

use super::i18n::Msg;
use super::lang::Lang;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

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
    hxl::SKIP_WHERE,
    iati::SKIP_NOT_SELECTED,
    iati::SKIP_DUPLICATE_ACTIVITY,
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

#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct ImportReport {
    pub read: usize,
    pub imported: usize,
    /// Records left out on purpose, counted by reason id (`SKIP_REASONS`).
    pub skipped: BTreeMap<String, usize>,
    /// Records that could not be read, each with where it is and why.
    pub rejected: Vec<Rejection>,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Rejection {
    #[serde(rename = "where")]
    pub location: String,
    pub reason: String,
}

impl ImportReport {
    pub fn skip(&mut self, reason: &str) {
        *self.skipped.entry(reason.to_string()).or_default() += 1;
    }

    pub fn reject(&mut self, location: String, reason: impl Into<String>) {
        self.rejected.push(Rejection { location, reason: reason.into() });
    }

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
        out
    }

    /// Every record read is accounted for.
    pub fn balances(&self) -> bool {
        self.read == self.imported + self.skipped_total() + self.rejected.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
