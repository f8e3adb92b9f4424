//! The catalog of bundled datasets (`public/data/catalog.json`), written by `alianzas catalog`
//! from the datasets themselves so it never disagrees with them.

use crate::core::format::dataset::Dataset;
use crate::core::locale::lang::Lang;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

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
    /// Earlier versions of the same dataset (the previous semester's update…), newest first: the
    /// page can say what changed since, and an embed pinned to one of them shows it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub previous: Vec<Version>,
    /// The title and description in other languages (language code → texts), translated by the
    /// Alianzas team (`data/catalog-translations.json`): the page marks them as translations.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub translations: BTreeMap<String, Translation>,
    /// The first and last year its money and needs are for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub years: Option<[i32; 2]>,
    /// Its key figure for the catalog's card, computed by the same core as the dashboard.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key_figure: Option<KeyFigure>,
}

/// A dataset's key figure: its funding (committed + disbursed, each agreement once) where it
/// records money, else what its needs add up to.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct KeyFigure {
    /// `funding` or `required`.
    pub kind: String,
    /// The amount, in `currency`.
    pub amount: f64,
    /// ISO 4217.
    pub currency: String,
}

/// A dataset's title and description in one language.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Translation {
    /// The title.
    pub title: String,
    /// The description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

/// An earlier version of a bundled dataset.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Version {
    /// Its `metadata.dataset_version`.
    pub dataset_version: String,
    /// Its `metadata.data_as_of`.
    pub data_as_of: String,
    /// Number of contributions.
    pub records: usize,
    /// Path of its file, relative to the catalog.
    pub file: String,
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
            previous: Vec::new(),
            translations: BTreeMap::new(),
            years: {
                let years = ds.contributions.iter().map(|c| c.year).chain(ds.requirements.iter().map(|r| r.year));
                years.clone().min().zip(years.max()).map(|(a, b)| [a, b])
            },
            key_figure: None,
        }
    }

    /// The title and description in `lang`, and whether they are a translation: the Alianzas
    /// team's translation where there is one, else the dataset's own texts.
    pub fn texts(&self, lang: Lang) -> (&str, Option<&str>, bool) {
        match self.translations.get(lang.code()) {
            Some(t) => (&t.title, t.description.as_deref().or(self.description.as_deref()), true),
            None => (&self.title, self.description.as_deref(), false),
        }
    }

    /// The entry of this dataset at `version`: itself, or an earlier version (its file, date and
    /// size; the rest of the entry describes the dataset as a whole).
    pub fn at_version(&self, version: &str) -> Option<Entry> {
        if self.dataset_version == version {
            return Some(self.clone());
        }
        let v = self.previous.iter().find(|v| v.dataset_version == version)?;
        Some(Entry {
            dataset_version: v.dataset_version.clone(),
            data_as_of: v.data_as_of.clone(),
            records: v.records,
            file: v.file.clone(),
            report: None,
            previous: Vec::new(),
            ..self.clone()
        })
    }
}

/// The catalog's entries from one entry per file: files of the same dataset id become one entry,
/// the latest version, with the others as its `previous` versions, newest first. Ids keep the order
/// in which they first appear.
pub fn group_versions(entries: Vec<Entry>) -> Vec<Entry> {
    let mut ids: Vec<String> = Vec::new();
    for e in &entries {
        if !ids.contains(&e.id) {
            ids.push(e.id.clone());
        }
    }
    ids.into_iter()
        .filter_map(|id| {
            let mut versions: Vec<&Entry> = entries.iter().filter(|e| e.id == id).collect();
            versions.sort_by(|a, b| b.dataset_version.cmp(&a.dataset_version));
            let mut head = (*versions.first()?).clone();
            head.previous = versions[1..]
                .iter()
                .map(|v| Version { dataset_version: v.dataset_version.clone(), data_as_of: v.data_as_of.clone(), records: v.records, file: v.file.clone() })
                .collect();
            Some(head)
        })
        .collect()
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

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(id: &str, version: &str) -> Entry {
        Entry {
            id: id.into(),
            title: id.into(),
            description: None,
            publisher: "p".into(),
            licence: "l".into(),
            source_url: "u".into(),
            retrieved: None,
            data_as_of: version.into(),
            dataset_version: version.into(),
            records: 1,
            requirements: 0,
            file: format!("{id}-{version}.json"),
            report: None,
            previous: Vec::new(),
            translations: BTreeMap::new(),
            years: None,
            key_figure: None,
        }
    }

    #[test]
    fn a_translation_is_used_in_its_language_and_said_to_be_one() {
        let mut e = entry("a", "1");
        e.description = Some("Original".into());
        e.translations.insert("es".into(), Translation { title: "Título".into(), description: None });
        assert_eq!(e.texts(Lang::Es), ("Título", Some("Original"), true), "a missing translated description falls back to the original");
        assert_eq!(e.texts(Lang::Fr), ("a", Some("Original"), false));
    }

    #[test]
    fn versions_of_one_dataset_become_one_entry_with_its_earlier_versions() {
        let grouped = group_versions(vec![entry("a", "2015-01-19"), entry("b", "1"), entry("a", "2015-04-13"), entry("a", "2014-11-25")]);
        assert_eq!(grouped.iter().map(|e| e.id.as_str()).collect::<Vec<_>>(), ["a", "b"]);
        assert_eq!(grouped[0].dataset_version, "2015-04-13");
        assert_eq!(grouped[0].previous.iter().map(|v| v.dataset_version.as_str()).collect::<Vec<_>>(), ["2015-01-19", "2014-11-25"]);
        let old = grouped[0].at_version("2015-01-19").unwrap();
        assert_eq!((old.file.as_str(), old.report.is_none(), old.previous.is_empty()), ("a-2015-01-19.json", true, true));
        assert!(grouped[0].at_version("1999").is_none());
        assert_eq!(grouped[0].at_version("2015-04-13").unwrap(), grouped[0]);
    }
}
