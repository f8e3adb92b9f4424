//! The columnar encoding of dataset v1 (docs/dataset-format.md, "Columnar encoding"): the same
//! dataset, its contributions written as columns. A value that repeats (a donor, a recipient, a
//! year, a set of obligation shares) is written once in its column's `values` and referred to by
//! its position in `index`, so a million records travel as arrays of small integers.
//!
//! It is exactly equivalent to v1: `decode(encode(ds)) == ds` for every dataset. A file in this
//! encoding is checked for its own structure (column lengths, indexes in range), then by the v1
//! rules, each distinct value once (`validate::check_columnar`), then decoded.

use super::dataset::*;
use super::validate::{Problem, ValidationError};
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
    /// Per record, the position of its value in `values`.
    pub index: Vec<u32>,
}

impl<T> Default for Dict<T> {
    fn default() -> Self {
        Dict { values: Vec::new(), index: Vec::new() }
    }
}

impl<T> Dict<T> {
    /// Left out of the file: every record holds the absent value.
    pub fn is_absent(&self) -> bool {
        self.values.is_empty() && self.index.is_empty()
    }
}

/// The fields of `Contribution`, as columns of the same length (`count`).
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Columns {
    /// How many contributions.
    pub count: usize,
    /// Unique ids: written in full.
    pub id: Vec<String>,
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

/// Builds one column: equal values (equal as JSON) share one entry.
fn column<'a, T: Serialize + Clone + 'a>(items: impl Iterator<Item = &'a T>) -> Dict<T> {
    column_of(items, |_| false)
}

/// A column of an optional field, left out (absent) when no record has a value.
fn column_of<'a, T: Serialize + Clone + 'a>(items: impl Iterator<Item = &'a T>, absent: impl Fn(&T) -> bool) -> Dict<T> {
    let mut dict = Dict::default();
    let mut seen: HashMap<String, u32> = HashMap::new();
    let mut any = false;
    for item in items {
        any |= !absent(item);
        let key = serde_json::to_string(item).expect("dataset values serialise");
        let at = *seen.entry(key).or_insert_with(|| {
            dict.values.push(item.clone());
            (dict.values.len() - 1) as u32
        });
        dict.index.push(at);
    }
    if any {
        dict
    } else {
        Dict::default()
    }
}

/// The dataset in the columnar encoding.
pub fn encode(ds: &Dataset) -> ColumnarDataset {
    let cs = &ds.contributions;
    Columns {
        count: cs.len(),
        id: cs.iter().map(|c| c.id.clone()).collect(),
        amount: cs.iter().map(|c| c.amount).collect(),
        donor: column(cs.iter().map(|c| &c.donor)),
        recipient: column(cs.iter().map(|c| &c.recipient)),
        year: column(cs.iter().map(|c| &c.year)),
        obligations: column(cs.iter().map(|c| &c.obligations)),
        model: column(cs.iter().map(|c| &c.model)),
        kind: column(cs.iter().map(|c| &c.kind)),
        status: column(cs.iter().map(|c| &c.status)),
        date: column_of(cs.iter().map(|c| &c.date), Option::is_none),
        obligation_rule: column_of(cs.iter().map(|c| &c.obligation_rule), Option::is_none),
        obligation_evidence: column_of(cs.iter().map(|c| &c.obligation_evidence), Option::is_none),
        model_rule: column_of(cs.iter().map(|c| &c.model_rule), Option::is_none),
        model_evidence: column_of(cs.iter().map(|c| &c.model_evidence), Option::is_none),
        plan: column_of(cs.iter().map(|c| &c.plan), Option::is_none),
        description: column_of(cs.iter().map(|c| &c.description), Option::is_none),
        places: column_of(cs.iter().map(|c| &c.places), Vec::is_empty),
        history: column_of(cs.iter().map(|c| &c.history), Vec::is_empty),
        objectives: column_of(cs.iter().map(|c| &c.objectives), Vec::is_empty),
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

/// Checks one column's shape: `count` entries, each naming one of its values.
fn check_column<T>(name: &str, dict: &Dict<T>, count: usize, errors: &mut Vec<ValidationError>) {
    if dict.is_absent() {
        return;
    }
    let at = format!("/contributions/{name}");
    if dict.index.len() != count {
        errors.push(ValidationError { pointer: format!("{at}/index"), problem: Problem::ColumnLength { expected: count, found: dict.index.len() } });
    }
    if let Some((i, &bad)) = dict.index.iter().enumerate().find(|(_, &v)| v as usize >= dict.values.len()) {
        errors.push(ValidationError { pointer: format!("{at}/index/{i}"), problem: Problem::IndexOutOfRange { index: bad, values: dict.values.len() } });
    }
}

fn take<T: Clone + Default>(dict: &Dict<T>, i: usize) -> T {
    match dict.index.get(i) {
        Some(&v) => dict.values[v as usize].clone(),
        None => T::default(),
    }
}

fn take_required<T: Clone>(dict: &Dict<T>, i: usize) -> T {
    dict.values[dict.index[i] as usize].clone()
}

impl ColumnarDataset {
    /// Every structural problem: `format`, `version`, and columns of another length than `count`
    /// or naming a value they do not hold. The content is validated after decoding.
    pub fn check(&self) -> Vec<ValidationError> {
        let mut errors = Vec::new();
        if self.format != COLUMNAR_FORMAT_NAME {
            errors.push(ValidationError { pointer: "/format".into(), problem: Problem::UnknownFormat });
        }
        if self.version != FORMAT_VERSION {
            errors.push(ValidationError { pointer: "/version".into(), problem: Problem::UnsupportedVersion(self.version as u64) });
        }
        let c = &self.contributions;
        let n = c.count;
        for (name, len) in [("id", c.id.len()), ("amount", c.amount.len())] {
            if len != n {
                errors.push(ValidationError { pointer: format!("/contributions/{name}"), problem: Problem::ColumnLength { expected: n, found: len } });
            }
        }
        let required: [(&str, bool); 7] = [
            ("donor", c.donor.is_absent()),
            ("recipient", c.recipient.is_absent()),
            ("year", c.year.is_absent()),
            ("obligations", c.obligations.is_absent()),
            ("model", c.model.is_absent()),
            ("kind", c.kind.is_absent()),
            ("status", c.status.is_absent()),
        ];
        for (name, absent) in required {
            if absent && n > 0 {
                errors.push(ValidationError { pointer: format!("/contributions/{name}/index"), problem: Problem::ColumnLength { expected: n, found: 0 } });
            }
        }
        check_column("donor", &c.donor, n, &mut errors);
        check_column("recipient", &c.recipient, n, &mut errors);
        check_column("year", &c.year, n, &mut errors);
        check_column("obligations", &c.obligations, n, &mut errors);
        check_column("model", &c.model, n, &mut errors);
        check_column("kind", &c.kind, n, &mut errors);
        check_column("status", &c.status, n, &mut errors);
        check_column("date", &c.date, n, &mut errors);
        check_column("obligation_rule", &c.obligation_rule, n, &mut errors);
        check_column("obligation_evidence", &c.obligation_evidence, n, &mut errors);
        check_column("model_rule", &c.model_rule, n, &mut errors);
        check_column("model_evidence", &c.model_evidence, n, &mut errors);
        check_column("plan", &c.plan, n, &mut errors);
        check_column("description", &c.description, n, &mut errors);
        check_column("places", &c.places, n, &mut errors);
        check_column("history", &c.history, n, &mut errors);
        check_column("objectives", &c.objectives, n, &mut errors);
        errors
    }

    /// The v1 dataset it encodes, or every structural problem. Its content is not yet validated:
    /// `validate::check_dataset` does that, as for a v1 file.
    pub fn decode(self) -> Result<Dataset, Vec<ValidationError>> {
        let errors = self.check();
        if !errors.is_empty() {
            return Err(errors);
        }
        let c = &self.contributions;
        let contributions = (0..c.count)
            .map(|i| Contribution {
                id: c.id[i].clone(),
                donor: take_required(&c.donor, i),
                recipient: take_required(&c.recipient, i),
                year: take_required(&c.year, i),
                date: take(&c.date, i),
                obligations: take_required(&c.obligations, i),
                obligation_rule: take(&c.obligation_rule, i),
                obligation_evidence: take(&c.obligation_evidence, i),
                model: take_required(&c.model, i),
                model_rule: take(&c.model_rule, i),
                model_evidence: take(&c.model_evidence, i),
                kind: take_required(&c.kind, i),
                status: take_required(&c.status, i),
                amount: c.amount[i],
                plan: take(&c.plan, i),
                description: take(&c.description, i),
                places: take(&c.places, i),
                history: take(&c.history, i),
                objectives: take(&c.objectives, i),
            })
            .collect();
        Ok(Dataset {
            format: FORMAT_NAME.into(),
            version: self.version,
            metadata: self.metadata,
            code_lists: self.code_lists,
            contributions,
            requirements: self.requirements,
            plans: self.plans,
        })
    }
}

/// Whether a document's text is in the columnar encoding, judged from its opening (the CLI writes
/// `format` first); a file that names it later is recognised after parsing (`validate::parse_dataset`).
pub fn looks_columnar(text: &str) -> bool {
    let head = &text.as_bytes()[..text.len().min(200)];
    head.windows(COLUMNAR_FORMAT_NAME.len() + 2).any(|w| w[0] == b'"' && &w[1..w.len() - 1] == COLUMNAR_FORMAT_NAME.as_bytes() && w[w.len() - 1] == b'"')
}

/// Parses a columnar document, then validates what it encodes as v1: the dataset, or every problem.
pub fn parse(text: &str) -> Result<Dataset, Vec<ValidationError>> {
    parse_checked(text)?.decode()
}

/// Parses a columnar document and checks it (its structure, then its content by the v1 rules),
/// without decoding it: `Store::from_columnar` reads the columns as they are.
pub fn parse_checked(text: &str) -> Result<ColumnarDataset, Vec<ValidationError>> {
    let doc: ColumnarDataset = serde_json::from_str(text).map_err(|e| vec![not_json(&e)])?;
    let structure = doc.check();
    if !structure.is_empty() {
        return Err(structure);
    }
    let errors = super::validate::check_columnar(&doc);
    if errors.is_empty() {
        Ok(doc)
    } else {
        Err(errors)
    }
}

/// A document that does not fit the columnar layout, located where the parser stopped.
fn not_json(e: &serde_json::Error) -> ValidationError {
    ValidationError { pointer: String::new(), problem: Problem::NotJson { line: e.line(), column: e.column(), detail: e.to_string() } }
}
