//! Importers from the field's published formats into dataset v1. Each one accounts for every
//! record it reads: read = imported + skipped + rejected.

pub mod fts;
pub mod hxl;
pub mod iati;

use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Clone, Debug, Default, Serialize, PartialEq)]
pub struct ImportReport {
    pub read: usize,
    pub imported: usize,
    /// Records left out on purpose, counted by reason.
    pub skipped: BTreeMap<String, usize>,
    /// Records that could not be read, each with where it is and why.
    pub rejected: Vec<Rejection>,
}

#[derive(Clone, Debug, Serialize, PartialEq)]
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

    /// Every record read is accounted for.
    pub fn balances(&self) -> bool {
        self.read == self.imported + self.skipped_total() + self.rejected.len()
    }
}
