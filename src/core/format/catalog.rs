//! The catalog of bundled datasets (`public/data/catalog.json`), written by `alianzas catalog`
//! from the datasets themselves so it never disagrees with them.

use crate::core::format::dataset::Dataset;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Catalog {
    /// Id of the dataset shown when none is asked for.
    pub default: String,
    pub datasets: Vec<Entry>,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Entry {
    pub id: String,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    pub publisher: String,
    pub licence: String,
    pub source_url: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retrieved: Option<String>,
    pub data_as_of: String,
    pub dataset_version: String,
    pub records: usize,
    pub requirements: usize,
    /// Path of the dataset file, relative to the catalog.
    pub file: String,
    /// Path of the import report, when the dataset was imported.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub report: Option<String>,
}

impl Entry {
    pub fn new(ds: &Dataset, file: String, report: Option<String>) -> Entry {
        let m = &ds.metadata;
        Entry {
            id: m.id.clone(),
            title: m.title.clone(),
            description: m.description.clone(),
            publisher: m.publisher.clone(),
            licence: m.licence.clone(),
            source_url: m.source_url.clone(),
            retrieved: m.retrieved.clone(),
            data_as_of: m.data_as_of.clone(),
            dataset_version: m.dataset_version.clone(),
            records: ds.contributions.len(),
            requirements: ds.requirements.len(),
            file,
            report,
        }
    }
}

impl Catalog {
    pub fn find(&self, id: &str) -> Option<&Entry> {
        self.datasets.iter().find(|d| d.id == id)
    }

    pub fn default_entry(&self) -> Option<&Entry> {
        self.find(&self.default).or(self.datasets.first())
    }
}
