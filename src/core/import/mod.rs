//! Importers from the field's published formats into dataset v1. Each one accounts for every
//! record it reads: read = imported + skipped + rejected.

pub mod fts;
pub mod hxl;
pub mod iati;

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct ImportReport {
    pub read: usize,
    pub imported: usize,
    /// Records left out on purpose, counted by reason.
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

    /// The report as CSV (kind, reason or location, count), for spreadsheets.
    pub fn to_csv(&self) -> String {
        let quote = |s: &str| format!("\"{}\"", s.replace('"', "\"\""));
        let mut out = String::from("outcome,reason,where,count\n");
        out.push_str(&format!("read,,,{}\nimported,,,{}\n", self.read, self.imported));
        for (reason, n) in &self.skipped {
            out.push_str(&format!("skipped,{},,{n}\n", quote(reason)));
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
