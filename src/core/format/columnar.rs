//! The columnar encoding of dataset v1 (docs/dataset-format.md, "Columnar encoding"): the same
//! dataset, its contributions written as columns. A value that repeats (a donor, a recipient, a
//! year, a set of obligation shares) is written once in its column's `values` and referred to by
//! its position in `index`, so a million records travel as small integers (packed as base64 by
//! the CLI: `packed_index`).
//!
//! It is exactly equivalent to v1: `encode(ds).decode() == ds` for every dataset. A file in this
//! encoding is checked (in `validate`) for its own structure — column lengths, indexes in range —
//! then by the v1 rules, each distinct value once, then decoded or read straight into the store.

use super::dataset::*;
use super::ids::Ids;
use super::packed_index::{Index, IndexForm};
use super::records::{KeyColumns, Rec, Records};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// The `format` value of a dataset in the columnar encoding.
pub const COLUMNAR_FORMAT_NAME: &str = "alianzas-dataset-columnar";

/// A dataset v1 with its contributions as columns; everything else is written as in v1.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct ColumnarDataset {
    /// Always `COLUMNAR_FORMAT_NAME`.
    pub format: String,
    /// The dataset format version it encodes: 1.
    pub version: u32,
    /// As in v1.
    pub metadata: Metadata,
    /// As in v1.
    #[serde(default, skip_serializing_if = "CodeLists::is_empty")]
    pub code_lists: CodeLists,
    /// The contributions, one column per field.
    pub contributions: Columns,
    /// As in v1.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub requirements: Vec<Requirement>,
    /// As in v1.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub plans: Vec<Plan>,
}

/// One column of repeated values: record `i` holds `values[index[i]]`. A column left out of the
/// file holds the field's absent value (no value, an empty list) for every record.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Dict<T> {
    /// Each distinct value once, in order of first use.
    pub values: Vec<T>,
    /// Per record, the position of its value in `values`: a JSON array, or packed (`packed_index`).
    pub index: Index,
}

impl<T> Default for Dict<T> {
    fn default() -> Self {
        Dict { values: Vec::new(), index: Index::default() }
    }
}

impl<T> Dict<T> {
    /// Left out of the file: every record holds the absent value.
    pub fn is_absent(&self) -> bool {
        self.values.is_empty() && self.index.is_empty() && !matches!(self.index.form, IndexForm::Unreadable(_))
    }
}

/// The fields of `Contribution`, as columns of the same length (`count`).
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Columns {
    /// How many contributions.
    pub count: usize,
    /// Unique ids: written in full.
    pub id: Ids,
    /// Amounts: written in full.
    pub amount: Vec<f64>,
    #[allow(missing_docs)]
    pub donor: Dict<Donor>,
    #[allow(missing_docs)]
    pub recipient: Dict<String>,
    #[allow(missing_docs)]
    pub year: Dict<i32>,
    #[allow(missing_docs)]
    pub obligations: Dict<Vec<ObligationShare>>,
    #[allow(missing_docs)]
    pub model: Dict<String>,
    #[allow(missing_docs)]
    pub kind: Dict<String>,
    #[allow(missing_docs)]
    pub status: Dict<String>,
    #[allow(missing_docs)]
    #[serde(default, skip_serializing_if = "Dict::is_absent")]
    pub date: Dict<Option<String>>,
    #[allow(missing_docs)]
    #[serde(default, skip_serializing_if = "Dict::is_absent")]
    pub obligation_rule: Dict<Option<String>>,
    #[allow(missing_docs)]
    #[serde(default, skip_serializing_if = "Dict::is_absent")]
    pub obligation_evidence: Dict<Option<String>>,
    #[allow(missing_docs)]
    #[serde(default, skip_serializing_if = "Dict::is_absent")]
    pub model_rule: Dict<Option<String>>,
    #[allow(missing_docs)]
    #[serde(default, skip_serializing_if = "Dict::is_absent")]
    pub model_evidence: Dict<Option<String>>,
    #[allow(missing_docs)]
    #[serde(default, skip_serializing_if = "Dict::is_absent")]
    pub plan: Dict<Option<String>>,
    #[allow(missing_docs)]
    #[serde(default, skip_serializing_if = "Dict::is_absent")]
    pub description: Dict<Option<String>>,
    #[allow(missing_docs)]
    #[serde(default, skip_serializing_if = "Dict::is_absent")]
    pub places: Dict<Vec<Place>>,
    #[allow(missing_docs)]
    #[serde(default, skip_serializing_if = "Dict::is_absent")]
    pub history: Dict<Vec<StageAt>>,
    #[allow(missing_docs)]
    #[serde(default, skip_serializing_if = "Dict::is_absent")]
    pub objectives: Dict<Vec<String>>,
}

/// One column of a required field: equal values (equal as JSON) share one entry.
fn column<'a, T: Serialize + Clone + 'a>(items: impl Iterator<Item = &'a T>, form: IndexForm) -> Dict<T> {
    column_of(items, |_| false, form)
}

/// A column of an optional field, left out (absent) when no record has a value.
fn column_of<'a, T: Serialize + Clone + 'a>(items: impl Iterator<Item = &'a T>, absent: impl Fn(&T) -> bool, form: IndexForm) -> Dict<T> {
    let mut dict = Dict { values: Vec::new(), index: Index { keys: Vec::new(), form } };
    let mut seen: HashMap<String, u32> = HashMap::new();
    let mut any = false;
    for item in items {
        any |= !absent(item);
        let key = serde_json::to_string(item).expect("dataset values serialise");
        let at = *seen.entry(key).or_insert_with(|| {
            dict.values.push(item.clone());
            (dict.values.len() - 1) as u32
        });
        dict.index.keys.push(at);
    }
    if any {
        dict
    } else {
        Dict::default()
    }
}

/// The dataset in the columnar encoding, its indexes written as JSON arrays.
pub fn encode(ds: &Dataset) -> ColumnarDataset {
    encode_as(ds, IndexForm::Array)
}

/// The dataset in the columnar encoding, its indexes packed (as the CLI writes it: the fastest to read).
pub fn encode_packed(ds: &Dataset) -> ColumnarDataset {
    encode_as(ds, IndexForm::Packed)
}

fn encode_as(ds: &Dataset, form: IndexForm) -> ColumnarDataset {
    let cs = &ds.contributions;
    Columns {
        count: cs.len(),
        id: cs.iter().map(|c| c.id.as_str()).collect(),
        amount: cs.iter().map(|c| c.amount).collect(),
        donor: column(cs.iter().map(|c| &c.donor), form),
        recipient: column(cs.iter().map(|c| &c.recipient), form),
        year: column(cs.iter().map(|c| &c.year), form),
        obligations: column(cs.iter().map(|c| &c.obligations), form),
        model: column(cs.iter().map(|c| &c.model), form),
        kind: column(cs.iter().map(|c| &c.kind), form),
        status: column(cs.iter().map(|c| &c.status), form),
        date: column_of(cs.iter().map(|c| &c.date), Option::is_none, form),
        obligation_rule: column_of(cs.iter().map(|c| &c.obligation_rule), Option::is_none, form),
        obligation_evidence: column_of(cs.iter().map(|c| &c.obligation_evidence), Option::is_none, form),
        model_rule: column_of(cs.iter().map(|c| &c.model_rule), Option::is_none, form),
        model_evidence: column_of(cs.iter().map(|c| &c.model_evidence), Option::is_none, form),
        plan: column_of(cs.iter().map(|c| &c.plan), Option::is_none, form),
        description: column_of(cs.iter().map(|c| &c.description), Option::is_none, form),
        places: column_of(cs.iter().map(|c| &c.places), Vec::is_empty, form),
        history: column_of(cs.iter().map(|c| &c.history), Vec::is_empty, form),
        objectives: column_of(cs.iter().map(|c| &c.objectives), Vec::is_empty, form),
    }
    .into_dataset(ds)
}

impl Columns {
    fn into_dataset(self, ds: &Dataset) -> ColumnarDataset {
        ColumnarDataset {
            format: COLUMNAR_FORMAT_NAME.into(),
            version: ds.version,
            metadata: ds.metadata.clone(),
            code_lists: ds.code_lists.clone(),
            contributions: self,
            requirements: ds.requirements.clone(),
            plans: ds.plans.clone(),
        }
    }
}

impl ColumnarDataset {
    /// The v1 dataset it encodes. Only for a document `validate::check_columnar_structure` found
    /// sound (`validate::parse_dataset` and `parse_columnar` check first): an index out of range
    /// would panic.
    pub fn decode(self) -> Dataset {
        let c = &self.contributions;
        let contributions = (0..c.count).map(|i| c.get(i).to_contribution()).collect();
        Dataset {
            format: FORMAT_NAME.into(),
            version: self.version,
            metadata: self.metadata,
            code_lists: self.code_lists,
            contributions,
            requirements: self.requirements,
            plans: self.plans,
        }
    }
}

/// Whether a document's text is in the columnar encoding, judged from its opening (the CLI writes
/// `format` first); a file that names it later is recognised after parsing (`validate::parse_dataset`).
pub fn looks_columnar(text: &str) -> bool {
    let head = &text.as_bytes()[..text.len().min(200)];
    head.windows(COLUMNAR_FORMAT_NAME.len() + 2).any(|w| w[0] == b'"' && &w[1..w.len() - 1] == COLUMNAR_FORMAT_NAME.as_bytes() && w[w.len() - 1] == b'"')
}

impl Records for Columns {
    fn len(&self) -> usize {
        self.count
    }
    fn get(&self, i: usize) -> Rec<'_> {
        fn one<T>(d: &Dict<T>, i: usize) -> &T {
            &d.values[d.index[i] as usize]
        }
        fn text(d: &Dict<Option<String>>, i: usize) -> Option<&str> {
            d.index.get(i).and_then(|&k| d.values[k as usize].as_deref())
        }
        fn list<T>(d: &Dict<Vec<T>>, i: usize) -> &[T] {
            d.index.get(i).map_or(&[], |&k| &d.values[k as usize])
        }
        Rec {
            id: &self.id[i],
            donor: one(&self.donor, i),
            recipient: one::<String>(&self.recipient, i),
            year: *one(&self.year, i),
            date: text(&self.date, i),
            obligations: one::<Vec<ObligationShare>>(&self.obligations, i),
            model: one::<String>(&self.model, i),
            kind: one::<String>(&self.kind, i),
            status: one::<String>(&self.status, i),
            amount: self.amount[i],
            plan: text(&self.plan, i),
            places: list(&self.places, i),
            history: list(&self.history, i),
            model_rule: text(&self.model_rule, i),
            model_evidence: text(&self.model_evidence, i),
            obligation_rule: text(&self.obligation_rule, i),
            obligation_evidence: text(&self.obligation_evidence, i),
            description: text(&self.description, i),
            objectives: list(&self.objectives, i),
        }
    }
    fn ids(&self) -> Option<&Ids> {
        Some(&self.id)
    }
    fn amount(&self, i: usize) -> f64 {
        self.amount[i]
    }
    fn keys(&self) -> Option<KeyColumns<'_>> {
        Some(KeyColumns {
            donor: &self.donor.index,
            recipient: &self.recipient.index,
            year: &self.year.index,
            date: &self.date.index,
            obligations: &self.obligations.index,
            model: &self.model.index,
            kind: &self.kind.index,
            status: &self.status.index,
            plan: &self.plan.index,
            places: &self.places.index,
            history: &self.history.index,
            model_rule: &self.model_rule.index,
            model_evidence: &self.model_evidence.index,
            obligation_rule: &self.obligation_rule.index,
            obligation_evidence: &self.obligation_evidence.index,
        })
    }
}
