//! The catalog of bundled datasets (`public/data/catalog.json`), written by `alianzas catalog`
//! from the datasets themselves so it never disagrees with them.

use crate::core::format::dataset::Dataset;
use serde::{Deserialize, Serialize};

/// The list of bundled datasets the dashboard offers, and which one opens first.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Catalog {
    /// Id of the dataset shown when none is asked for.
    pub default: String,
    /// One entry per bundled dataset, in the order the dashboard lists them.
    pub datasets: Vec<Entry>,
}

/// What the dashboard needs to list a bundled dataset without loading it: its metadata and sizes.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Entry {
    /// The dataset's `metadata.id`.
    pub id: String,
    /// The dataset's title.
    pub title: String,
    /// The dataset's description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The dataset's publisher.
    pub publisher: String,
    /// The dataset's licence.
    pub licence: String,
    /// The dataset's source URL.
    pub source_url: String,
    /// When the source was downloaded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retrieved: Option<String>,
    /// The date the figures describe.
    pub data_as_of: String,
    /// The publisher's version of the dataset.
    pub dataset_version: String,
    /// Number of contributions.
    pub records: usize,
    /// Number of requirements.
    pub requirements: usize,
    /// Path of the dataset file, relative to the catalog.
    pub file: String,
    /// Path of the import report, when the dataset was imported.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub report: Option<String>,
}

impl Entry {
    /// The entry for a dataset stored at `file`, with its import report at `report` if there is one.
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
    /// The entry with this dataset id.
    pub fn find(&self, id: &str) -> Option<&Entry> {
        self.datasets.iter().find(|d| d.id == id)
    }

    /// The entry to open when none is asked for: `default`, or the first one if `default` is not listed.
    pub fn default_entry(&self) -> Option<&Entry> {
        self.find(&self.default).or(self.datasets.first())
    }
}
