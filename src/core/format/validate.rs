//! Validation of a dataset document: every problem is collected (not just the first), each located
//! by a JSON pointer (RFC 6901) and explained in plain words in the reader's language.

use super::columnar::{ColumnarDataset, Dict};
use crate::core::format::codes::{self, DONOR_TYPES, KINDS, MODELS, OBLIGATIONS, STATUSES};
use crate::core::format::dataset::*;
use crate::core::format::geo;
use crate::core::locale::i18n::{text, Msg};
use crate::core::locale::lang::Lang;
use serde_json::{json, Map, Value};
use std::collections::{BTreeMap, HashSet};

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

/// Escapes one reference token of a JSON pointer.
fn token(s: &str) -> String {
    s.replace('~', "~0").replace('/', "~1")
}

struct Walker {
    errors: Vec<ValidationError>,
}

impl Walker {
    fn err(&mut self, pointer: &str, problem: Problem) {
        self.errors.push(ValidationError { pointer: pointer.to_string(), problem });
    }

    fn field<'a>(&mut self, obj: &'a Map<String, Value>, at: &str, key: &str) -> Option<&'a Value> {
        let v = obj.get(key);
        if v.is_none() || v == Some(&Value::Null) {
            self.err(&format!("{at}/{}", token(key)), Problem::Missing);
            return None;
        }
        v
    }

    fn string(&mut self, obj: &Map<String, Value>, at: &str, key: &str) -> Option<String> {
        let v = self.field(obj, at, key)?;
        self.as_string(v, &format!("{at}/{}", token(key)))
    }

    fn as_string(&mut self, v: &Value, at: &str) -> Option<String> {
        match v.as_str() {
            Some(s) if s.trim().is_empty() => {
                self.err(at, Problem::Empty);
                None
            }
            Some(s) => Some(s.to_string()),
            None => {
                self.err(at, Problem::WrongType { expected: "string" });
                None
            }
        }
    }

    fn opt_string(&mut self, obj: &Map<String, Value>, at: &str, key: &str) -> Option<String> {
        match obj.get(key) {
            None | Some(Value::Null) => None,
            Some(v) => self.as_string(v, &format!("{at}/{}", token(key))),
        }
    }

    fn object<'a>(&mut self, v: &'a Value, at: &str) -> Option<&'a Map<String, Value>> {
        let o = v.as_object();
        if o.is_none() {
            self.err(at, Problem::WrongType { expected: "object" });
        }
        o
    }

    fn array<'a>(&mut self, v: &'a Value, at: &str) -> Option<&'a Vec<Value>> {
        let a = v.as_array();
        if a.is_none() {
            self.err(at, Problem::WrongType { expected: "array" });
        }
        a
    }

    fn amount(&mut self, obj: &Map<String, Value>, at: &str, key: &str) -> Option<f64> {
        let v = self.field(obj, at, key)?;
        let at = format!("{at}/{key}");
        match v.as_f64() {
            Some(a) if a < 0.0 => {
                self.err(&at, Problem::NegativeAmount);
                None
            }
            Some(a) => Some(a),
            None => {
                self.err(&at, Problem::WrongType { expected: "number" });
                None
            }
        }
    }

    fn year(&mut self, obj: &Map<String, Value>, at: &str) -> Option<i32> {
        self.year_in(obj, at, "year")
    }

    fn year_in(&mut self, obj: &Map<String, Value>, at: &str, key: &str) -> Option<i32> {
        let v = self.field(obj, at, key)?;
        let at = format!("{at}/{key}");
        match v.as_i64() {
            Some(y) if !(1900..=2100).contains(&y) => {
                self.err(&at, Problem::YearOutOfRange(y));
                None
            }
            Some(y) => Some(y as i32),
            None => {
                self.err(&at, Problem::WrongType { expected: "integer" });
                None
            }
        }
    }

    fn date(&mut self, obj: &Map<String, Value>, at: &str, key: &str, required: bool) -> Option<String> {
        let s = if required { self.string(obj, at, key)? } else { self.opt_string(obj, at, key)? };
        if is_iso_date(&s) {
            Some(s)
        } else {
            self.err(&format!("{at}/{key}"), Problem::BadDate(s));
            None
        }
    }
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
    let value: Value = serde_json::from_str(text).map_err(|e| {
        vec![ValidationError { pointer: String::new(), problem: Problem::NotJson { line: e.line(), column: e.column(), detail: e.to_string() } }]
    })?;
    if value.get("format").and_then(Value::as_str) == Some(super::columnar::COLUMNAR_FORMAT_NAME) {
        // Written with `format` late: parsed again by its layout, so errors keep their line and column.
        return parse_columnar(text);
    }
    validate_value(&value)
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
        let mut seen = HashSet::new();
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
    let mut seen = HashSet::new();
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
    if doc.format != super::columnar::COLUMNAR_FORMAT_NAME {
        w.errors.retain(|e| e.pointer != "/format");
        w.err("/format", Problem::UnknownFormat);
    }
    let c = &doc.contributions;
    let mut seen = HashSet::new();
    for (i, id) in c.id.iter().enumerate() {
        if id.trim().is_empty() {
            w.err(&format!("/contributions/id/{i}"), Problem::Empty);
        } else if !seen.insert(id.as_str()) {
            w.err(&format!("/contributions/id/{i}"), Problem::DuplicateId(id.clone()));
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

/// A column's values as JSON, to be checked as a file's would be.
fn json_of<T: serde::Serialize>(values: &[T]) -> Vec<Value> {
    values.iter().map(as_value).collect()
}

/// A record as the JSON a file would hold (`Null` if it cannot be written, which then reads as wrong).
fn as_value<T: serde::Serialize>(record: &T) -> Value {
    serde_json::to_value(record).unwrap_or(Value::Null)
}

fn metadata(w: &mut Walker, m: &Map<String, Value>) -> Metadata {
    let at = "/metadata";
    let currency = w.string(m, at, "currency").unwrap_or_default();
    let iso_4217 = currency.len() == 3 && currency.bytes().all(|b| b.is_ascii_uppercase());
    if !currency.is_empty() && !iso_4217 {
        w.err("/metadata/currency", Problem::BadCurrency(currency.clone()));
    }
    Metadata {
        id: w.string(m, at, "id").unwrap_or_default(),
        title: w.string(m, at, "title").unwrap_or_default(),
        description: w.opt_string(m, at, "description"),
        publisher: w.string(m, at, "publisher").unwrap_or_default(),
        source_url: w.string(m, at, "source_url").unwrap_or_default(),
        licence: w.string(m, at, "licence").unwrap_or_default(),
        licence_url: w.opt_string(m, at, "licence_url"),
        currency,
        data_as_of: w.date(m, at, "data_as_of", true).unwrap_or_default(),
        retrieved: w.date(m, at, "retrieved", false),
        dataset_version: w.string(m, at, "dataset_version").unwrap_or_default(),
        generator: w.opt_string(m, at, "generator"),
        not_recorded: not_recorded(w, m),
        exchange_rates: exchange_rates(w, m),
    }
}

/// `metadata.exchange_rates`: what converted the amounts. Provenance, read as it is; the currency
/// code must be ISO 4217-shaped.
fn exchange_rates(w: &mut Walker, m: &Map<String, Value>) -> Vec<ExchangeRateUse> {
    let at = "/metadata/exchange_rates";
    let Some(v) = m.get("exchange_rates").filter(|v| !v.is_null()) else { return Vec::new() };
    let Some(list) = w.array(v, at) else { return Vec::new() };
    let mut out = Vec::new();
    for (i, item) in list.iter().enumerate() {
        let at = format!("{at}/{i}");
        match serde_json::from_value::<ExchangeRateUse>(item.clone()) {
            Ok(r) if r.currency.len() == 3 && r.currency.bytes().all(|b| b.is_ascii_uppercase()) => out.push(r),
            Ok(r) => w.err(&format!("{at}/currency"), Problem::BadCurrency(r.currency)),
            Err(_) => w.err(&at, Problem::WrongType { expected: "object" }),
        }
    }
    out
}

fn not_recorded(w: &mut Walker, m: &Map<String, Value>) -> Vec<String> {
    let at = "/metadata/not_recorded";
    let Some(v) = m.get("not_recorded").filter(|v| !v.is_null()) else { return Vec::new() };
    let Some(list) = w.array(v, at) else { return Vec::new() };
    let mut out = Vec::new();
    for (i, item) in list.iter().enumerate() {
        let at = format!("{at}/{i}");
        let Some(dim) = w.as_string(item, &at) else { continue };
        if RECORDABLE.contains(&dim.as_str()) {
            out.push(dim);
        } else {
            w.err(&at, Problem::UnknownCode { list: "not_recorded", value: dim });
        }
    }
    out
}

fn code_lists(w: &mut Walker, v: &Value) -> CodeLists {
    let mut out = CodeLists::default();
    let Some(obj) = w.object(v, "/code_lists") else { return out };
    for (key, target) in [("obligations", &mut out.obligations), ("models", &mut out.models), ("recipients", &mut out.recipients)] {
        let Some(list) = obj.get(key) else { continue };
        let at = format!("/code_lists/{key}");
        let Some(list) = w.array(list, &at) else { continue };
        for (i, e) in list.iter().enumerate() {
            let at = format!("{at}/{i}");
            let Some(e) = w.object(e, &at) else { continue };
            let id = w.string(e, &at, "id");
            let labels = label_map(w, e, &at);
            let group = w.opt_string(e, &at, "group");
            if let Some(id) = id {
                target.push(CodeEntry { id, labels, group });
            }
        }
    }
    out
}

/// A required map of names by language code, with at least one name.
fn label_map(w: &mut Walker, e: &Map<String, Value>, at: &str) -> BTreeMap<String, String> {
    let mut labels = BTreeMap::new();
    if let Some(l) = w.field(e, at, "labels").and_then(|l| w.object(l, &format!("{at}/labels"))) {
        if l.is_empty() {
            w.err(&format!("{at}/labels"), Problem::Empty);
        }
        for (lang, text) in l {
            if let Some(t) = w.as_string(text, &format!("{at}/labels/{}", token(lang))) {
                labels.insert(lang.clone(), t);
            }
        }
    }
    labels
}

/// Plans with their objectives and indicators: ids unique across plans and objectives, a parent
/// listed before its child in the same plan (so there are no cycles), finite indicator values.
fn plans(w: &mut Walker, known: &KnownCodes, v: &Value) -> Vec<Plan> {
    let mut out = Vec::new();
    let Some(list) = w.array(v, "/plans") else { return out };
    let mut ids = HashSet::new();
    for (i, p) in list.iter().enumerate() {
        let at = format!("/plans/{i}");
        let Some(p) = w.object(p, &at) else { continue };
        let before = w.errors.len();
        let id = w.string(p, &at, "id");
        if let Some(id) = id.as_ref().filter(|id| !ids.insert((*id).clone())) {
            w.err(&format!("{at}/id"), Problem::DuplicateId(id.clone()));
        }
        let labels = label_map(w, p, &at);
        let recipient = optional_code(w, p, &at, "recipient", "recipient", &|r| known.recipient_ok(r));
        let year = p.get("year").filter(|y| !y.is_null()).and_then(|_| w.year(p, &at));
        let mut objectives: Vec<Objective> = Vec::new();
        if let Some(list) = p.get("objectives").filter(|v| !v.is_null()) {
            let oat = format!("{at}/objectives");
            for (j, o) in w.array(list, &oat).into_iter().flatten().enumerate() {
                let oat = format!("{oat}/{j}");
                let Some(o) = w.object(o, &oat) else { continue };
                let oid = w.string(o, &oat, "id");
                if let Some(oid) = oid.as_ref().filter(|oid| !ids.insert((*oid).clone())) {
                    w.err(&format!("{oat}/id"), Problem::DuplicateId(oid.clone()));
                }
                let labels = label_map(w, o, &oat);
                let parent = w.opt_string(o, &oat, "parent");
                if let Some(parent) = parent.as_ref().filter(|parent| !objectives.iter().any(|earlier| &earlier.id == *parent)) {
                    w.err(&format!("{oat}/parent"), Problem::ParentNotEarlier(parent.clone()));
                }
                let indicators = indicators(w, o, &oat);
                if let Some(oid) = oid {
                    objectives.push(Objective { id: oid, labels, parent, indicators });
                }
            }
        }
        if let (Some(id), true) = (id, w.errors.len() == before) {
            out.push(Plan { id, labels, recipient, year, objectives });
        }
    }
    out
}

/// An objective's indicators: a name, a unit, and finite numbers where given.
fn indicators(w: &mut Walker, o: &Map<String, Value>, at: &str) -> Vec<Indicator> {
    let mut out = Vec::new();
    let Some(list) = o.get("indicators").filter(|v| !v.is_null()) else { return out };
    let lat = format!("{at}/indicators");
    for (k, e) in w.array(list, &lat).into_iter().flatten().enumerate() {
        let iat = format!("{lat}/{k}");
        let Some(e) = w.object(e, &iat) else { continue };
        let labels = label_map(w, e, &iat);
        let unit = w.string(e, &iat, "unit");
        let mut number = |key: &str| match e.get(key) {
            None | Some(Value::Null) => None,
            Some(v) => {
                let n = v.as_f64().filter(|n| n.is_finite());
                if n.is_none() {
                    w.err(&format!("{iat}/{key}"), Problem::WrongType { expected: "number" });
                }
                n
            }
        };
        let (baseline, target, actual) = (number("baseline"), number("target"), number("actual"));
        let baseline_year = e.get("baseline_year").filter(|y| !y.is_null()).and_then(|_| w.year_in(e, &iat, "baseline_year"));
        let ascending = match e.get("ascending") {
            None | Some(Value::Null) => true,
            Some(Value::Bool(b)) => *b,
            Some(_) => {
                w.err(&format!("{iat}/ascending"), Problem::WrongType { expected: "boolean" });
                true
            }
        };
        let start = w.date(e, &iat, "start", false);
        let end = w.date(e, &iat, "end", false);
        let population = w.opt_string(e, &iat, "population");
        if let Some(unit) = unit {
            out.push(Indicator { labels, unit, ascending, baseline, baseline_year, target, actual, start, end, population });
        }
    }
    out
}

/// Links to plan objectives: each must name an objective of `plans`.
fn objective_links(w: &mut Walker, known: &KnownCodes, r: &Map<String, Value>, at: &str) -> Option<Vec<String>> {
    let Some(list) = r.get("objectives").filter(|v| !v.is_null()) else { return Some(Vec::new()) };
    let lat = format!("{at}/objectives");
    let list = w.array(list, &lat)?;
    let before = w.errors.len();
    let mut out = Vec::new();
    for (i, id) in list.iter().enumerate() {
        let iat = format!("{lat}/{i}");
        if let Some(id) = w.as_string(id, &iat) {
            if check_code(w, known.objectives.contains(&id), &iat, "objective", &id) {
                out.push(id);
            }
        }
    }
    (w.errors.len() == before).then_some(out)
}

/// The codes valid in one dataset: the built-in lists plus the dataset's own.
struct KnownCodes {
    obligations: HashSet<String>,
    models: HashSet<String>,
    recipients: HashSet<String>,
    /// The ids of the objectives of the dataset's plans.
    objectives: HashSet<String>,
}

impl KnownCodes {
    fn new(extra: &CodeLists) -> Self {
        let ids = |builtin: &[codes::Code], own: &[CodeEntry]| -> HashSet<String> {
            builtin.iter().map(|c| c.id.to_string()).chain(own.iter().map(|c| c.id.clone())).collect()
        };
        KnownCodes {
            obligations: ids(OBLIGATIONS, &extra.obligations),
            models: ids(MODELS, &extra.models),
            recipients: extra.recipients.iter().map(|c| c.id.clone()).collect(),
            objectives: HashSet::new(),
        }
    }

    fn recipient_ok(&self, code: &str) -> bool {
        geo::is_known_recipient(code) || self.recipients.contains(code)
    }
}

fn check_code(w: &mut Walker, ok: bool, at: &str, list: &'static str, value: &str) -> bool {
    if !ok {
        w.err(at, Problem::UnknownCode { list, value: value.to_string() });
    }
    ok
}

/// An optional field that, when present, must be one of a list's codes (how a model or an
/// obligation was derived: one of the rules' ids).
fn optional_code(w: &mut Walker, c: &Map<String, Value>, at: &str, key: &str, list: &'static str, ok: &dyn Fn(&str) -> bool) -> Option<String> {
    w.opt_string(c, at, key).filter(|v| check_code(w, ok(v), &format!("{at}/{key}"), list, v))
}

fn contribution(w: &mut Walker, known: &KnownCodes, item: &Value, at: &str) -> Option<Contribution> {
    let c = w.object(item, at)?;
    let id = w.string(c, at, "id");
    let donor = c.get("donor").and_then(|d| {
        let dat = format!("{at}/donor");
        let d = w.object(d, &dat)?;
        let id = w.string(d, &dat, "id");
        let name = w.string(d, &dat, "name");
        let donor_type = w.string(d, &dat, "type");
        let donor_type = donor_type.filter(|t| check_code(w, codes::find(DONOR_TYPES, t).is_some(), &format!("{dat}/type"), "donor type", t));
        let country = w.opt_string(d, &dat, "country");
        if let Some(code) = &country {
            check_code(w, geo::country(code).is_some(), &format!("{dat}/country"), "ISO 3166-1 alpha-3 country", code);
        }
        Some(Donor { id: id?, name: name?, donor_type: donor_type?, country })
    });
    if c.get("donor").is_none() {
        w.err(&format!("{at}/donor"), Problem::Missing);
    }
    let recipient = w.string(c, at, "recipient").filter(|r| check_code(w, known.recipient_ok(r), &format!("{at}/recipient"), "recipient", r));
    let year = w.year(c, at);
    let date = w.date(c, at, "date", false);
    let obligations = obligations(w, known, c, at);
    let mut coded =
        |key: &str, list: &'static str, ok: &dyn Fn(&str) -> bool| w.string(c, at, key).filter(|v| check_code(w, ok(v), &format!("{at}/{key}"), list, v));
    let model = coded("model", "model", &|v| known.models.contains(v));

    let kind = coded("kind", "kind", &|v| codes::find(KINDS, v).is_some());
    let status = coded("status", "status", &|v| codes::find(STATUSES, v).is_some());
    let amount = w.amount(c, at, "amount");
    let model_rule = optional_code(w, c, at, "model_rule", "model rule", &|r| crate::core::format::cooperation::Rule::parse(r).is_some());
    let model_evidence = w.opt_string(c, at, "model_evidence");
    let obligation_rule = optional_code(w, c, at, "obligation_rule", "obligation rule", &|r| crate::core::format::obligation_rules::Rule::parse(r).is_some());
    let obligation_evidence = w.opt_string(c, at, "obligation_evidence");
    let plan = w.opt_string(c, at, "plan");
    let description = w.opt_string(c, at, "description");
    let places = places(w, c, at);
    let history = history(w, c, at);
    Some(Contribution {
        id: id?,
        donor: donor?,
        recipient: recipient?,
        year: year?,
        date,
        obligations: obligations?,
        model: model?,
        model_rule,
        model_evidence,
        obligation_rule,
        obligation_evidence,
        kind: kind?,
        status: status?,
        amount: amount?,
        plan,
        description,
        places: places?,
        history: history?,
        objectives: objective_links(w, known, c, at)?,
    })
}

/// A contribution's dated stages: each with a date, a known stage and an amount, oldest first.
fn history(w: &mut Walker, c: &Map<String, Value>, at: &str) -> Option<Vec<StageAt>> {
    let Some(list) = c.get("history") else { return Some(Vec::new()) };
    let lat = format!("{at}/history");
    let list = w.array(list, &lat)?;
    let before = w.errors.len();
    let mut out: Vec<StageAt> = Vec::new();
    for (i, e) in list.iter().enumerate() {
        let eat = format!("{lat}/{i}");
        let Some(e) = w.object(e, &eat) else { continue };
        let date = w.date(e, &eat, "date", true);
        let status = w.string(e, &eat, "status").filter(|s| check_code(w, codes::find(STATUSES, s).is_some(), &format!("{eat}/status"), "status", s));
        let amount = w.amount(e, &eat, "amount");
        if let (Some(date), Some(status), Some(amount)) = (date, status, amount) {
            if out.last().is_some_and(|prev| prev.date > date) {
                w.err(&format!("{eat}/date"), Problem::NotChronological);
            }
            out.push(StageAt { date, status, amount });
        }
    }
    (w.errors.len() == before).then_some(out)
}

/// Places below the country: each with an id and a name, shares (when given) between 0 and 1.
fn places(w: &mut Walker, c: &Map<String, Value>, at: &str) -> Option<Vec<Place>> {
    let Some(list) = c.get("places") else { return Some(Vec::new()) };
    let lat = format!("{at}/places");
    let list = w.array(list, &lat)?;
    let before = w.errors.len();
    let mut out = Vec::new();
    for (i, p) in list.iter().enumerate() {
        let pat = format!("{lat}/{i}");
        let Some(p) = w.object(p, &pat) else { continue };
        let id = w.string(p, &pat, "id").filter(|id| check_code(w, geo::is_known_place(id), &format!("{pat}/id"), "ISO 3166-2 place", id));
        let name = w.string(p, &pat, "name");
        let share = match p.get("share") {
            None | Some(Value::Null) => None,
            Some(v) => match v.as_f64() {
                Some(s) if (0.0..=1.0).contains(&s) => Some(s),
                _ => {
                    w.err(&format!("{pat}/share"), Problem::WrongType { expected: "number" });
                    None
                }
            },
        };
        if let (Some(id), Some(name)) = (id, name) {
            out.push(Place { id, name, share });
        }
    }
    (w.errors.len() == before).then_some(out)
}

/// `"obligation": "id"` is shorthand for `"obligations": [{"id": "id", "share": 1}]`.
fn obligations(w: &mut Walker, known: &KnownCodes, c: &Map<String, Value>, at: &str) -> Option<Vec<ObligationShare>> {
    if let Some(single) = c.get("obligation") {
        let s = w.as_string(single, &format!("{at}/obligation"))?;
        check_code(w, known.obligations.contains(&s), &format!("{at}/obligation"), "obligation", &s).then_some(())?;
        return Some(vec![ObligationShare { id: s, share: 1.0 }]);
    }
    let Some(list) = c.get("obligations") else {
        w.err(&format!("{at}/obligations"), Problem::Missing);
        return None;
    };
    let lat = format!("{at}/obligations");
    let list = w.array(list, &lat)?;
    if list.is_empty() {
        w.err(&lat, Problem::Empty);
        return None;
    }
    let before = w.errors.len();
    let mut out = Vec::new();
    for (i, o) in list.iter().enumerate() {
        let oat = format!("{lat}/{i}");
        let Some(o) = w.object(o, &oat) else { continue };
        let id = w.string(o, &oat, "id").filter(|id| check_code(w, known.obligations.contains(id), &format!("{oat}/id"), "obligation", id));
        let share = match w.field(o, &oat, "share").map(Value::as_f64) {
            Some(Some(s)) if (0.0..=1.0).contains(&s) => Some(s),
            Some(_) => {
                w.err(&format!("{oat}/share"), Problem::WrongType { expected: "number" });
                None
            }
            None => None,
        };
        if let (Some(id), Some(share)) = (id, share) {
            out.push(ObligationShare { id, share });
        }
    }
    if w.errors.len() > before {
        return None;
    }
    let sum: f64 = out.iter().map(|o| o.share).sum();
    if (sum - 1.0).abs() > 1e-6 {
        w.err(&lat, Problem::SharesSum((sum * 1e6).round() / 1e6));
        return None;
    }
    Some(out)
}

fn requirement(w: &mut Walker, known: &KnownCodes, item: &Value, at: &str) -> Option<Requirement> {
    let r = w.object(item, at)?;
    let recipient = w.string(r, at, "recipient").filter(|v| check_code(w, known.recipient_ok(v), &format!("{at}/recipient"), "recipient", v));
    let obligation = w.opt_string(r, at, "obligation");
    if let Some(o) = &obligation {
        check_code(w, known.obligations.contains(o), &format!("{at}/obligation"), "obligation", o);
    }
    let year = w.year(r, at);
    let amount = w.amount(r, at, "amount");
    Some(Requirement {
        recipient: recipient?,
        obligation,
        year: year?,
        amount: amount?,
        plan: w.opt_string(r, at, "plan"),
        label: w.opt_string(r, at, "label"),
        objectives: objective_links(w, known, r, at)?,
    })
}

// The columnar encoding (format::columnar): its structure, its content by the v1 rules, parsing.

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

/// Every structural problem: `format`, `version`, and columns of another length than `count`
/// or naming a value they do not hold. The content is validated after decoding.
pub fn check_columnar_structure(doc: &ColumnarDataset) -> Vec<ValidationError> {
    let mut errors = Vec::new();
    if doc.format != super::columnar::COLUMNAR_FORMAT_NAME {
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

/// Parses a columnar document and checks it (its structure, then its content by the v1 rules),
/// without decoding it: `Store::from_columnar` reads the columns as they are.
pub fn parse_columnar_checked(text: &str) -> Result<ColumnarDataset, Vec<ValidationError>> {
    let doc: ColumnarDataset = serde_json::from_str(text).map_err(|e| {
        vec![ValidationError { pointer: String::new(), problem: Problem::NotJson { line: e.line(), column: e.column(), detail: e.to_string() } }]
    })?;
    let structure = check_columnar_structure(&doc);
    if !structure.is_empty() {
        return Err(structure);
    }
    let errors = check_columnar(&doc);
    if errors.is_empty() {
        Ok(doc)
    } else {
        Err(errors)
    }
}
