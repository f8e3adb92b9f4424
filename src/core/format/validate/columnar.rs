//! The columnar encoding (format::columnar) checked: its structure (column lengths, indexes in
//! range), then its content by the v1 rules, each distinct value once; and parsing it.

use super::fields::{as_value, contribution};
use super::walker::Walker;
use super::{check_frame, check_requirements};
use super::{Problem, ValidationError};
use crate::core::format::codes::{DONOR_TYPES, KINDS, MODELS, OBLIGATIONS, STATUSES};
use crate::core::format::columnar::{ColumnarDataset, Dict};
use crate::core::format::dataset::*;
use crate::core::format::ids::Ids;
use crate::core::format::packed_index::IndexForm;
use serde_json::{json, Value};

/// Checks a dataset in the columnar encoding (structure already checked: `check_columnar_structure`)
/// by the same rules as v1, each distinct value once: a problem with a value is reported where the
/// file holds it (`/contributions/model/values/3`), a problem with an id or an amount at its
/// record (`/contributions/amount/7`). A million records cost a pass over ids and amounts, not a
/// million record checks.
pub fn check_columnar(doc: &ColumnarDataset) -> Vec<ValidationError> {
    let frame = Dataset {
        format: FORMAT_NAME.into(),
        version: doc.version,
        metadata: doc.metadata.clone(),
        code_lists: doc.code_lists.clone(),
        contributions: Vec::new(),
        requirements: Vec::new(),
        plans: doc.plans.clone(),
    };
    let (mut w, known) = check_frame(&frame);
    if doc.format != crate::core::format::columnar::COLUMNAR_FORMAT_NAME {
        w.errors.retain(|e| e.pointer != "/format");
        w.err("/format", Problem::UnknownFormat);
    }
    let c = &doc.contributions;
    let repeated = repeated_ids(&c.id);
    for (i, id) in c.id.iter().enumerate() {
        if id.trim().is_empty() {
            w.err(&format!("/contributions/id/{i}"), Problem::Empty);
        } else if repeated.get(i) == Some(&true) {
            w.err(&format!("/contributions/id/{i}"), Problem::DuplicateId(id.to_string()));
        }
    }
    for (i, a) in c.amount.iter().enumerate() {
        if *a < 0.0 || a.is_nan() {
            w.err(&format!("/contributions/amount/{i}"), Problem::NegativeAmount);
        }
    }
    // Each value is checked inside a record that is valid but for it, by the v1 rules.
    let template = json!({
        "id": "x", "donor": {"id": "x", "name": "x", "type": DONOR_TYPES[0].id}, "recipient": "AFG", "year": 2000,
        "obligations": [{"id": OBLIGATIONS[0].id, "share": 1.0}], "model": MODELS[0].id, "kind": KINDS[0].id,
        "status": STATUSES[0].id, "amount": 0.0
    });
    let mut values = |field: &str, list: Vec<Value>| {
        for (j, v) in list.into_iter().enumerate() {
            let mut record = template.clone();
            record[field] = v;
            let mut one = Walker { errors: Vec::new() };
            contribution(&mut one, &known, &record, "/r");
            for e in one.errors {
                let rest = e.pointer.strip_prefix("/r/").and_then(|r| r.strip_prefix(field)).unwrap_or_default();
                w.err(&format!("/contributions/{field}/values/{j}{rest}"), e.problem);
            }
        }
    };
    values("donor", json_of(&c.donor.values));
    values("recipient", json_of(&c.recipient.values));
    values("year", json_of(&c.year.values));
    values("obligations", json_of(&c.obligations.values));
    values("model", json_of(&c.model.values));
    values("kind", json_of(&c.kind.values));
    values("status", json_of(&c.status.values));
    values("date", json_of(&c.date.values));
    values("obligation_rule", json_of(&c.obligation_rule.values));
    values("obligation_evidence", json_of(&c.obligation_evidence.values));
    values("model_rule", json_of(&c.model_rule.values));
    values("model_evidence", json_of(&c.model_evidence.values));
    values("plan", json_of(&c.plan.values));
    values("description", json_of(&c.description.values));
    values("places", json_of(&c.places.values));
    values("history", json_of(&c.history.values));
    values("objectives", json_of(&c.objectives.values));
    check_requirements(&mut w, &known, &doc.requirements);
    w.errors
}

/// Per id, whether an earlier one (blank ids aside) is the same. A million ids in a hash set cost
/// a cache miss each, and re-reading every string whenever the set grows; hashing them in file
/// order and sorting the hashes reads each string once, in order, and compares strings only where
/// hashes meet (sorted, so that ids made to collide cost a sort, not a comparison of every pair).
fn repeated_ids(ids: &Ids) -> Vec<bool> {
    use std::hash::BuildHasher;
    let hasher = rustc_hash::FxBuildHasher;
    let mut hashes: Vec<(u64, u32)> = ids.iter().enumerate().filter(|(_, id)| !id.trim().is_empty()).map(|(i, id)| (hasher.hash_one(id), i as u32)).collect();
    hashes.sort_unstable();
    let mut repeated = vec![false; ids.len()];
    let mut group: Vec<(&str, u32)> = Vec::new();
    for same_hash in hashes.chunk_by(|a, b| a.0 == b.0).filter(|g| g.len() > 1) {
        group.clear();
        group.extend(same_hash.iter().map(|&(_, i)| (&ids[i as usize], i)));
        group.sort_unstable();
        for pair in group.windows(2).filter(|p| p[0].0 == p[1].0) {
            repeated[pair[1].1 as usize] = true;
        }
    }
    repeated
}

/// A column's values as JSON, to be checked as a file's would be.
fn json_of<T: serde::Serialize>(values: &[T]) -> Vec<Value> {
    values.iter().map(as_value).collect()
}

/// Checks one column's shape: `count` entries, each naming one of its values.
fn check_column<T>(name: &str, dict: &Dict<T>, count: usize, errors: &mut Vec<ValidationError>) {
    if dict.is_absent() {
        return;
    }
    let at = format!("/contributions/{name}");
    if let IndexForm::Unreadable(position) = dict.index.form {
        errors.push(ValidationError { pointer: format!("{at}/index"), problem: Problem::PackedIndex { position } });
        return;
    }
    if dict.index.len() != count {
        errors.push(ValidationError { pointer: format!("{at}/index"), problem: Problem::ColumnLength { expected: count, found: dict.index.len() } });
    }
    if let Some((i, &bad)) = dict.index.iter().enumerate().find(|(_, &v)| v as usize >= dict.values.len()) {
        errors.push(ValidationError { pointer: format!("{at}/index/{i}"), problem: Problem::IndexOutOfRange { index: bad, values: dict.values.len() } });
    }
}

/// Every structural problem: `format`, `version`, and columns of another length than `count`
/// or naming a value they do not hold. The content is validated after decoding.
pub fn check_columnar_structure(doc: &ColumnarDataset) -> Vec<ValidationError> {
    let mut errors = Vec::new();
    if doc.format != crate::core::format::columnar::COLUMNAR_FORMAT_NAME {
        errors.push(ValidationError { pointer: "/format".into(), problem: Problem::UnknownFormat });
    }
    if doc.version != FORMAT_VERSION {
        errors.push(ValidationError { pointer: "/version".into(), problem: Problem::UnsupportedVersion(doc.version as u64) });
    }
    let c = &doc.contributions;
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

/// Parses a columnar document, checks it, and decodes it: the v1 dataset, or every problem.
pub fn parse_columnar(text: &str) -> Result<Dataset, Vec<ValidationError>> {
    Ok(parse_columnar_checked(text)?.decode())
}

/// Parses a columnar document and checks its structure only; `check_columnar` checks its content
/// (the page runs the two in separate tasks).
pub fn parse_columnar_structure(text: &str) -> Result<ColumnarDataset, Vec<ValidationError>> {
    let doc: ColumnarDataset = serde_json::from_str(text).map_err(|e| {
        vec![ValidationError { pointer: String::new(), problem: Problem::NotJson { line: e.line(), column: e.column(), detail: e.to_string() } }]
    })?;
    let structure = check_columnar_structure(&doc);
    if structure.is_empty() {
        Ok(doc)
    } else {
        Err(structure)
    }
}

/// Parses a columnar document and checks it (its structure, then its content by the v1 rules),
/// without decoding it: `Store::from_columnar` reads the columns as they are.
pub fn parse_columnar_checked(text: &str) -> Result<ColumnarDataset, Vec<ValidationError>> {
    let doc = parse_columnar_structure(text)?;
    let errors = check_columnar(&doc);
    if errors.is_empty() {
        Ok(doc)
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_id_is_repeated_from_its_second_appearance_on_and_blank_ids_are_left_to_their_own_check() {
        let ids: Ids = ["a", "b", "a", "", "", "a", "c", "b", " "].into_iter().collect();
        assert_eq!(repeated_ids(&ids), [false, false, true, false, false, true, false, true, false]);
    }
}
