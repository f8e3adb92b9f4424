//! Validation of a dataset document: every problem is collected (not just the first), each located
//! by a JSON pointer (RFC 6901) and explained in plain words in the reader's language.
//!
//! `walker.rs` walks JSON values and records problems; `fields.rs` checks each part of a dataset
//! (metadata, code lists, plans, contributions, requirements) by the v1 rules; `columnar.rs` checks
//! the columnar encoding by the same rules. This file holds the problems and the entry points.

mod columnar;
mod fields;
mod walker;

pub use columnar::{check_columnar, check_columnar_structure, parse_columnar, parse_columnar_checked, parse_columnar_structure};
use fields::{as_value, code_lists, contribution, metadata, plans, requirement, KnownCodes};
use walker::Walker;

use crate::core::format::dataset::*;
use crate::core::locale::i18n::{text, Msg};
use crate::core::locale::lang::Lang;
use serde_json::Value;

/// What is wrong at one place of a dataset document; `ValidationError::message` explains it.
#[derive(Clone, Debug, PartialEq)]
pub enum Problem {
    /// The text is not valid JSON; where the parser stopped.
    NotJson {
        /// 1-based line of the syntax error.
        line: usize,
        /// 1-based column of the syntax error.
        column: usize,
        /// The JSON parser's own message (English).
        detail: String,
    },
    /// A required field is absent.
    Missing,
    /// A value of another JSON type than the field takes.
    WrongType {
        /// The type the field takes: `object`, `array`, `string`, `number` or `integer`.
        expected: &'static str,
    },
    /// A required string (blank counts as empty), list or label map is empty.
    Empty,
    /// `format` is absent or not `alianzas-dataset`.
    UnknownFormat,
    /// A `version` this code does not read (only 1 exists).
    UnsupportedVersion(u64),
    /// A value missing from the code list its field takes (built-in, or added in `code_lists`).
    UnknownCode {
        /// Which list was looked in (e.g. `obligation`, `recipient`), as the message names it.
        list: &'static str,
        /// The code as written.
        value: String,
    },
    /// Obligation shares that do not add up to 1 (within 0.000001): their sum.
    SharesSum(f64),
    /// An amount below zero.
    NegativeAmount,
    /// A year outside 1900–2100.
    YearOutOfRange(i64),
    /// A date that is not `YYYY-MM-DD`.
    BadDate(String),
    /// A currency that is not three capital letters (ISO 4217).
    BadCurrency(String),
    /// A contribution id used before in the same dataset.
    DuplicateId(String),
    /// A history entry dated before the one it follows.
    NotChronological,
    /// An objective's parent that is not an objective listed before it in the same plan.
    ParentNotEarlier(String),
    /// A column of the columnar encoding with another number of entries than `count`.
    ColumnLength {
        /// `count`.
        expected: usize,
        /// The column's length.
        found: usize,
    },
    /// A column's index naming a value its `values` do not hold.
    IndexOutOfRange {
        /// The index as written.
        index: u32,
        /// How many values the column holds.
        values: usize,
    },
    /// A column's index written as a string that is not a packed index (`format::packed_index`).
    PackedIndex {
        /// Where in the string it goes wrong (0: its width prefix).
        position: usize,
    },
}

/// One problem found in a dataset document, and where.
#[derive(Clone, Debug, PartialEq)]
pub struct ValidationError {
    /// JSON pointer to the offending value, "" for the whole document.
    pub pointer: String,
    /// What is wrong there.
    pub problem: Problem,
}

impl ValidationError {
    /// The problem in plain words in `lang`, without the pointer.
    pub fn message(&self, lang: Lang) -> String {
        use Problem::*;
        match &self.problem {
            NotJson { line, column, detail } => text::ValidationNotJson { line: line.to_string(), column: column.to_string(), detail }.format(lang),
            Missing => Msg::ValidationMissing.get(lang).to_string(),
            WrongType { expected } => text::ValidationWrongType { expected: type_name(expected).map(|m| m.get(lang)).unwrap_or(expected) }.format(lang),
            Empty => Msg::ValidationEmpty.get(lang).to_string(),
            UnknownFormat => Msg::ValidationUnknownFormat.get(lang).to_string(),
            UnsupportedVersion(v) => text::ValidationUnsupportedVersion { version: v.to_string() }.format(lang),
            UnknownCode { list, value } => text::ValidationUnknownCode { code: value, list: *list }.format(lang),
            SharesSum(sum) => text::ValidationSharesSum { sum: sum.to_string() }.format(lang),
            NegativeAmount => Msg::ValidationNegativeAmount.get(lang).to_string(),
            YearOutOfRange(y) => text::ValidationYearOutOfRange { year: y.to_string() }.format(lang),
            BadDate(d) => text::ValidationBadDate { date: d }.format(lang),
            BadCurrency(c) => text::ValidationBadCurrency { currency: c }.format(lang),
            DuplicateId(id) => text::ValidationDuplicateId { id }.format(lang),
            NotChronological => Msg::ValidationNotChronological.get(lang).to_string(),
            ParentNotEarlier(id) => text::ValidationParentNotEarlier { id }.format(lang),
            ColumnLength { expected, found } => text::ValidationColumnLength { expected: expected.to_string(), found: found.to_string() }.format(lang),
            IndexOutOfRange { index, values } => text::ValidationIndexOutOfRange { index: index.to_string(), values: values.to_string() }.format(lang),
            PackedIndex { position } => text::ValidationPackedIndex { position: position.to_string() }.format(lang),
        }
    }
}

fn type_name(t: &str) -> Option<Msg> {
    Some(match t {
        "object" => Msg::TypeObject,
        "array" => Msg::TypeArray,
        "string" => Msg::TypeString,
        "number" => Msg::TypeNumber,
        "integer" => Msg::TypeInteger,
        "boolean" => Msg::TypeBoolean,
        _ => return None,
    })
}

/// "YYYY-MM-DD", optionally followed by a time ("T...").
pub fn is_iso_date(s: &str) -> bool {
    let d = s.get(..10).unwrap_or("");
    let b = d.as_bytes();
    let digits = |r: std::ops::Range<usize>| b.get(r).is_some_and(|x| x.iter().all(u8::is_ascii_digit));
    b.len() == 10
        && digits(0..4)
        && b[4] == b'-'
        && digits(5..7)
        && b[7] == b'-'
        && digits(8..10)
        && (1..=12).contains(&d[5..7].parse::<u8>().unwrap_or(0))
        && (1..=31).contains(&d[8..10].parse::<u8>().unwrap_or(0))
        && (s.len() == 10 || s.as_bytes()[10] == b'T')
}

/// Parses and validates a dataset document. Either the dataset, or every problem found.
pub fn parse_dataset(text: &str) -> Result<Dataset, Vec<ValidationError>> {
    if super::columnar::looks_columnar(text) {
        return parse_columnar(text);
    }
    let value = parse_json(text)?;
    if is_columnar(&value) {
        // Written with `format` late: parsed again by its layout, so errors keep their line and column.
        return parse_columnar(text);
    }
    validate_value(&value)
}

/// The text as JSON, or where it stops being JSON: the first step of `parse_dataset`, apart so
/// the page can read a dataset in more than one task.
pub fn parse_json(text: &str) -> Result<Value, Vec<ValidationError>> {
    serde_json::from_str(text)
        .map_err(|e| vec![ValidationError { pointer: String::new(), problem: Problem::NotJson { line: e.line(), column: e.column(), detail: e.to_string() } }])
}

/// A JSON document in the columnar encoding (which `parse_columnar` reads from the text).
pub fn is_columnar(value: &Value) -> bool {
    value.get("format").and_then(Value::as_str) == Some(super::columnar::COLUMNAR_FORMAT_NAME)
}

/// Validates an already parsed JSON document: either the dataset, or every problem found.
pub fn validate_value(root: &Value) -> Result<Dataset, Vec<ValidationError>> {
    let mut w = Walker { errors: Vec::new() };
    let Some(doc) = w.object(root, "") else { return Err(w.errors) };

    match doc.get("format").and_then(Value::as_str) {
        Some(FORMAT_NAME) => {}
        _ => w.err("/format", Problem::UnknownFormat),
    }
    let version = match doc.get("version").map(|v| v.as_u64()) {
        Some(Some(1)) => 1,
        Some(Some(v)) => {
            w.err("/version", Problem::UnsupportedVersion(v));
            v as u32
        }
        Some(None) => {
            w.err("/version", Problem::WrongType { expected: "integer" });
            0
        }
        None => {
            w.err("/version", Problem::Missing);
            0
        }
    };

    let metadata = doc.get("metadata").and_then(|m| w.object(m, "/metadata")).map(|m| metadata(&mut w, m));
    if doc.get("metadata").is_none() {
        w.err("/metadata", Problem::Missing);
    }
    let code_lists = match doc.get("code_lists") {
        None | Some(Value::Null) => CodeLists::default(),
        Some(v) => code_lists(&mut w, v),
    };
    let mut known = KnownCodes::new(&code_lists);
    let plans = match doc.get("plans") {
        None | Some(Value::Null) => Vec::new(),
        Some(v) => plans(&mut w, &known, v),
    };
    known.objectives = plans.iter().flat_map(|p| p.objectives.iter().map(|o| o.id.clone())).collect();

    let mut contributions = Vec::new();
    if let Some(list) = w.field(doc, "", "contributions").and_then(|v| w.array(v, "/contributions")) {
        let mut seen = rustc_hash::FxHashSet::default();
        contributions.reserve(list.len());
        for (i, item) in list.iter().enumerate() {
            let at = format!("/contributions/{i}");
            if let Some(id) = item.get("id").and_then(Value::as_str) {
                if !seen.insert(id) {
                    w.err(&format!("{at}/id"), Problem::DuplicateId(id.to_string()));
                }
            }
            if let Some(c) = contribution(&mut w, &known, item, &at) {
                contributions.push(c);
            }
        }
    }
    let mut requirements = Vec::new();
    if let Some(v) = doc.get("requirements").filter(|v| !v.is_null()) {
        if let Some(list) = w.array(v, "/requirements") {
            for (i, item) in list.iter().enumerate() {
                if let Some(r) = requirement(&mut w, &known, item, &format!("/requirements/{i}")) {
                    requirements.push(r);
                }
            }
        }
    }

    match (w.errors.is_empty(), metadata) {
        (true, Some(metadata)) => Ok(Dataset { format: FORMAT_NAME.to_string(), version, metadata, code_lists, contributions, requirements, plans }),
        _ => Err(w.errors),
    }
}

/// Checks a dataset already in memory, as `validate_value` checks a file, one record at a time:
/// memory follows one contribution, not a JSON tree of the whole dataset (an importer's output can
/// be hundreds of megabytes). Every problem, located as in the file.
pub fn check_dataset(ds: &Dataset) -> Vec<ValidationError> {
    let (mut w, known) = check_frame(ds);
    let mut seen = rustc_hash::FxHashSet::default();
    for (i, c) in ds.contributions.iter().enumerate() {
        let at = format!("/contributions/{i}");
        if !seen.insert(c.id.as_str()) {
            w.err(&format!("{at}/id"), Problem::DuplicateId(c.id.clone()));
        }
        contribution(&mut w, &known, &as_value(c), &at);
    }
    check_requirements(&mut w, &known, &ds.requirements);
    w.errors
}

fn check_requirements(w: &mut Walker, known: &KnownCodes, list: &[Requirement]) {
    for (i, r) in list.iter().enumerate() {
        requirement(w, known, &as_value(r), &format!("/requirements/{i}"));
    }
}

/// Everything of a dataset but its contributions and requirements — format, metadata, added codes,
/// plans — and the codes contributions may then use.
fn check_frame(ds: &Dataset) -> (Walker, KnownCodes) {
    let mut w = Walker { errors: Vec::new() };
    if ds.format != FORMAT_NAME {
        w.err("/format", Problem::UnknownFormat);
    }
    if ds.version != FORMAT_VERSION {
        w.err("/version", Problem::UnsupportedVersion(ds.version as u64));
    }
    if let Value::Object(m) = as_value(&ds.metadata) {
        metadata(&mut w, &m);
    }
    let code_lists = code_lists(&mut w, &as_value(&ds.code_lists));
    let mut known = KnownCodes::new(&code_lists);
    if !ds.plans.is_empty() {
        plans(&mut w, &known, &as_value(&ds.plans));
    }
    known.objectives = ds.plans.iter().flat_map(|p| p.objectives.iter().map(|o| o.id.clone())).collect();
    (w, known)
}
