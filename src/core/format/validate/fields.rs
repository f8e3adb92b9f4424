//! Each part of a dataset checked by the v1 rules — metadata, added codes, plans with objectives
//! and indicators, contributions, requirements — and rebuilt as the typed value when it is sound.

use super::walker::{token, Member, Walker};
use super::Problem;
use crate::core::format::codes::{self, DONOR_TYPES, KINDS, MODELS, OBLIGATIONS, STATUSES};
use crate::core::format::dataset::*;
use crate::core::format::geo;
use serde_json::{Map, Value};
use std::collections::{BTreeMap, HashSet};

/// A record as the JSON a file would hold (`Null` if it cannot be written, which then reads as wrong).
pub(super) fn as_value<T: serde::Serialize>(record: &T) -> Value {
    serde_json::to_value(record).unwrap_or(Value::Null)
}

pub(super) fn metadata(w: &mut Walker, m: &Map<String, Value>) -> Metadata {
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
pub(super) fn exchange_rates(w: &mut Walker, m: &Map<String, Value>) -> Vec<ExchangeRateUse> {
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

pub(super) fn not_recorded(w: &mut Walker, m: &Map<String, Value>) -> Vec<String> {
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

pub(super) fn code_lists(w: &mut Walker, v: &Value) -> CodeLists {
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
pub(super) fn label_map(w: &mut Walker, e: &Map<String, Value>, at: &str) -> BTreeMap<String, String> {
    let mut labels = BTreeMap::new();
    if let Some(l) = w.field(e, at, "labels").and_then(|l| w.object(l, &format!("{at}/labels"))) {
        if l.is_empty() {
            w.err(&format!("{at}/labels"), Problem::Empty);
        }
        for (lang, text) in l {
            if let Some(t) = w.as_string(text, format!("{at}/labels/{}", token(lang))) {
                labels.insert(lang.clone(), t);
            }
        }
    }
    labels
}

/// Plans with their objectives and indicators: ids unique across plans and objectives, a parent
/// listed before its child in the same plan (so there are no cycles), finite indicator values.
pub(super) fn plans(w: &mut Walker, known: &KnownCodes, v: &Value) -> Vec<Plan> {
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
pub(super) fn indicators(w: &mut Walker, o: &Map<String, Value>, at: &str) -> Vec<Indicator> {
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
pub(super) fn objective_links(w: &mut Walker, known: &KnownCodes, r: &Map<String, Value>, at: &str) -> Option<Vec<String>> {
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
pub(super) struct KnownCodes {
    pub(super) obligations: HashSet<String>,
    pub(super) models: HashSet<String>,
    pub(super) recipients: HashSet<String>,
    /// The ids of the objectives of the dataset's plans.
    pub(super) objectives: HashSet<String>,
}

impl KnownCodes {
    pub(super) fn new(extra: &CodeLists) -> Self {
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

    pub(super) fn recipient_ok(&self, code: &str) -> bool {
        geo::is_known_recipient(code) || self.recipients.contains(code)
    }
}

pub(super) fn check_code(w: &mut Walker, ok: bool, at: impl std::fmt::Display, list: &'static str, value: &str) -> bool {
    if !ok {
        w.err(&at.to_string(), Problem::UnknownCode { list, value: value.to_string() });
    }
    ok
}

/// An optional field that, when present, must be one of a list's codes (how a model or an
/// obligation was derived: one of the rules' ids).
pub(super) fn optional_code(w: &mut Walker, c: &Map<String, Value>, at: &str, key: &str, list: &'static str, ok: &dyn Fn(&str) -> bool) -> Option<String> {
    w.opt_string(c, at, key).filter(|v| check_code(w, ok(v), Member(at, key), list, v))
}

pub(super) fn contribution(w: &mut Walker, known: &KnownCodes, item: &Value, at: &str) -> Option<Contribution> {
    let c = w.object(item, at)?;
    let id = w.string(c, at, "id");
    let donor = c.get("donor").and_then(|d| {
        let dat = format!("{at}/donor");
        let d = w.object(d, &dat)?;
        let id = w.string(d, &dat, "id");
        let name = w.string(d, &dat, "name");
        let donor_type = w.string(d, &dat, "type");
        let donor_type = donor_type.filter(|t| check_code(w, codes::find(DONOR_TYPES, t).is_some(), Member(&dat, "type"), "donor type", t));
        let country = w.opt_string(d, &dat, "country");
        if let Some(code) = &country {
            check_code(w, geo::country(code).is_some(), Member(&dat, "country"), "ISO 3166-1 alpha-3 country", code);
        }
        Some(Donor { id: id?, name: name?, donor_type: donor_type?, country })
    });
    if c.get("donor").is_none() {
        w.err(&format!("{at}/donor"), Problem::Missing);
    }
    let recipient = w.string(c, at, "recipient").filter(|r| check_code(w, known.recipient_ok(r), Member(at, "recipient"), "recipient", r));
    let year = w.year(c, at);
    let date = w.date(c, at, "date", false);
    let obligations = obligations(w, known, c, at);
    let mut coded = |key: &str, list: &'static str, ok: &dyn Fn(&str) -> bool| w.string(c, at, key).filter(|v| check_code(w, ok(v), Member(at, key), list, v));
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
pub(super) fn history(w: &mut Walker, c: &Map<String, Value>, at: &str) -> Option<Vec<StageAt>> {
    let Some(list) = c.get("history") else { return Some(Vec::new()) };
    let lat = format!("{at}/history");
    let list = w.array(list, &lat)?;
    let before = w.errors.len();
    let mut out: Vec<StageAt> = Vec::new();
    for (i, e) in list.iter().enumerate() {
        let eat = format!("{lat}/{i}");
        let Some(e) = w.object(e, &eat) else { continue };
        let date = w.date(e, &eat, "date", true);
        let status = w.string(e, &eat, "status").filter(|s| check_code(w, codes::find(STATUSES, s).is_some(), Member(&eat, "status"), "status", s));
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
pub(super) fn places(w: &mut Walker, c: &Map<String, Value>, at: &str) -> Option<Vec<Place>> {
    let Some(list) = c.get("places") else { return Some(Vec::new()) };
    let lat = format!("{at}/places");
    let list = w.array(list, &lat)?;
    let before = w.errors.len();
    let mut out = Vec::new();
    for (i, p) in list.iter().enumerate() {
        let pat = format!("{lat}/{i}");
        let Some(p) = w.object(p, &pat) else { continue };
        let id = w.string(p, &pat, "id").filter(|id| check_code(w, geo::is_known_place(id), Member(&pat, "id"), "ISO 3166-2 place", id));
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
pub(super) fn obligations(w: &mut Walker, known: &KnownCodes, c: &Map<String, Value>, at: &str) -> Option<Vec<ObligationShare>> {
    if let Some(single) = c.get("obligation") {
        let s = w.as_string(single, format!("{at}/obligation"))?;
        check_code(w, known.obligations.contains(&s), Member(at, "obligation"), "obligation", &s).then_some(())?;
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
        let id = w.string(o, &oat, "id").filter(|id| check_code(w, known.obligations.contains(id), Member(&oat, "id"), "obligation", id));
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

pub(super) fn requirement(w: &mut Walker, known: &KnownCodes, item: &Value, at: &str) -> Option<Requirement> {
    let r = w.object(item, at)?;
    let recipient = w.string(r, at, "recipient").filter(|v| check_code(w, known.recipient_ok(v), Member(at, "recipient"), "recipient", v));
    let obligation = w.opt_string(r, at, "obligation");
    if let Some(o) = &obligation {
        check_code(w, known.obligations.contains(o), Member(at, "obligation"), "obligation", o);
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
