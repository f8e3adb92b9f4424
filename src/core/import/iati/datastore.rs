//! IATI Datastore activity documents (the Solr index behind api.iatistandard.org/datastore): one
//! JSON document a line, or a Solr response (`{"response": {"docs": [...]}}`). A document is the
//! activity flattened into parallel lists (`transaction_value`, `transaction_value_currency`, …).
//! Each becomes the same `Activity` the XML reader makes, so the mapping rules are the XML's.
//!
//! Solr drops absent values from those lists, so a list pairs with the transactions only when it
//! has one value per transaction. Otherwise: a currency list of one repeated value applies to all;
//! a provider, recipient, aid type or description that cannot be paired is left out (the activity's
//! own fields stand in, as in the XML); transaction sectors pair when each transaction has the same
//! number of them in the same vocabularies, else the activity's sectors stand in, and when it has
//! none the transaction is rejected with the reason. docs/importers.md lists these rules.

use super::activity::{Activity, Budget, Narrative, Org, RecipientRaw, Transaction};
use super::{Importer, Sector};
use serde_json::{Map, Value};
use std::io::BufRead;

/// A field's values as text, whether Solr wrote one value or a list.
fn values(d: &Map<String, Value>, key: &str) -> Vec<String> {
    let text = |v: &Value| match v {
        Value::String(s) => Some(s.trim().to_string()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    };
    match d.get(key) {
        Some(Value::Array(list)) => list.iter().map(|v| text(v).unwrap_or_default()).collect(),
        Some(v) => text(v).into_iter().collect(),
        None => Vec::new(),
    }
}

/// A field's values when there is one per item of a list of `n`.
fn paired(d: &Map<String, Value>, key: &str, n: usize) -> Option<Vec<String>> {
    let v = values(d, key);
    (v.len() == n).then_some(v)
}

fn first(d: &Map<String, Value>, key: &str) -> Option<String> {
    values(d, key).into_iter().find(|s| !s.is_empty())
}

fn narrative(text: Option<String>) -> Narrative {
    Narrative { text, has_lang: false }
}

fn day(iso: &str) -> String {
    iso.get(..10).unwrap_or(iso).to_string()
}

/// `prefix_ref`, `prefix_type`, `prefix_narrative` of the item `i` of `n`, when they pair.
fn org(d: &Map<String, Value>, prefix: &str, i: usize, n: usize) -> Option<Org> {
    let get = |suffix: &str| paired(d, &format!("{prefix}_{suffix}"), n).and_then(|v| v.into_iter().nth(i)).filter(|s| !s.is_empty());
    let o = Org { reference: get("ref"), org_type: get("type"), name: narrative(get("narrative")) };
    (o.reference.is_some() || o.name.text.is_some()).then_some(o)
}

/// The activity's recipients, sectors, organisations and budgets.
fn activity_fields(d: &Map<String, Value>, a: &mut Activity) {
    a.id = first(d, "iati_identifier");
    a.default_currency = first(d, "default_currency");
    a.reporting_org =
        Some(Org { reference: first(d, "reporting_org_ref"), org_type: first(d, "reporting_org_type"), name: narrative(first(d, "reporting_org_narrative")) });
    a.title = narrative(first(d, "title_narrative"));
    a.description = narrative(first(d, "description_narrative"));
    a.collaboration_type = first(d, "collaboration_type_code");
    // Location points; their names and references only where the lists pair one to one.
    let positions = values(d, "location_point_pos");
    let names = paired(d, "location_name_narrative", positions.len());
    let references = paired(d, "location_ref", positions.len());
    let designations = paired(d, "location_feature_designation_code", positions.len());
    let exactness = paired(d, "location_exactness_code", positions.len());
    for (i, pos) in positions.into_iter().enumerate() {
        a.locations.push(super::activity::LocationRaw {
            reference: references.as_ref().map(|v| v[i].clone()).filter(|r| !r.is_empty()),
            name: narrative(names.as_ref().map(|v| v[i].clone()).filter(|n| !n.is_empty())),
            pos: Some(pos).filter(|p| !p.is_empty()),
            feature_designation: designations.as_ref().map(|v| v[i].clone()).filter(|c| !c.is_empty()),
            exactness: exactness.as_ref().map(|v| v[i].clone()).filter(|c| !c.is_empty()),
        });
    }
    let roles = values(d, "participating_org_role");
    for (i, role) in roles.iter().enumerate() {
        if role == "1" {
            if let Some(o) = org(d, "participating_org", i, roles.len()) {
                a.funding_orgs.push(o);
            }
        }
    }
    for (element, prefix) in [("recipient-country", "recipient_country"), ("recipient-region", "recipient_region")] {
        let codes = values(d, &format!("{prefix}_code"));
        let n = codes.len();
        let percentages = paired(d, &format!("{prefix}_percentage"), n);
        let vocabularies = paired(d, &format!("{prefix}_vocabulary"), n);
        for (i, code) in codes.into_iter().enumerate() {
            a.recipients.push(RecipientRaw {
                element,
                code: Some(code).filter(|c| !c.is_empty()),
                vocabulary: vocabularies.as_ref().map(|v| v[i].clone()),
                percentage: percentages.as_ref().map(|v| v[i].clone()),
            });
        }
    }
    let codes = values(d, "sector_code");
    let n = codes.len();
    let vocabularies = paired(d, "sector_vocabulary", n);
    let percentages = paired(d, "sector_percentage", n);
    let narratives = paired(d, "sector_narrative", n);
    for (i, code) in codes.into_iter().enumerate() {
        a.sectors.push(Sector {
            vocabulary: vocabularies.as_ref().map_or_else(|| "1".to_string(), |v| v[i].clone()),
            code,
            percentage: percentages.as_ref().map(|v| v[i].clone()),
            narrative: narratives.as_ref().map(|v| v[i].clone()),
        });
    }
    let aid = values(d, "default_aid_type_code");
    let aid_vocabularies = paired(d, "default_aid_type_vocabulary", aid.len());
    a.default_aid_types = aid.into_iter().enumerate().map(|(i, c)| (aid_vocabularies.as_ref().map_or_else(|| "1".to_string(), |v| v[i].clone()), c)).collect();
    let budget_values = values(d, "budget_value");
    let n = budget_values.len();
    let column = |key: &str| paired(d, key, n);
    let (types, statuses, starts, ends, currencies) = (
        column("budget_type"),
        column("budget_status"),
        column("budget_period_start_iso_date"),
        column("budget_period_end_iso_date"),
        column("budget_value_currency"),
    );
    let at = |c: &Option<Vec<String>>, i: usize| c.as_ref().map(|v| v[i].clone()).filter(|s| !s.is_empty());
    for (i, value) in budget_values.into_iter().enumerate() {
        a.budgets.push(Budget {
            budget_type: at(&types, i),
            status: at(&statuses, i),
            start: at(&starts, i).map(|s| day(&s)),
            end: at(&ends, i).map(|s| day(&s)),
            value: Some(value),
            currency: at(&currencies, i),
        });
    }
}

/// Transaction sectors per transaction: one list per transaction when they pair (`Err` when they
/// are given but cannot be paired).
fn transaction_sectors(d: &Map<String, Value>, n: usize) -> Result<Vec<Vec<Sector>>, String> {
    let codes = values(d, "transaction_sector_code");
    if codes.is_empty() {
        return Ok(vec![Vec::new(); n]);
    }
    let vocabularies = values(d, "transaction_sector_vocabulary");
    let vocabulary = |i: usize| if vocabularies.len() == codes.len() { vocabularies[i].clone() } else { "1".to_string() };
    if n > 0 && codes.len() % n == 0 {
        let per = codes.len() / n;
        let chunk_vocabularies = |t: usize| (0..per).map(|k| vocabulary(t * per + k)).collect::<std::collections::BTreeSet<_>>();
        let pattern = chunk_vocabularies(0);
        // One sector per vocabulary in each transaction, the same vocabularies in each: they pair.
        if pattern.len() == per && (1..n).all(|t| chunk_vocabularies(t) == pattern) {
            return Ok((0..n)
                .map(|t| {
                    (0..per)
                        .map(|k| Sector { vocabulary: vocabulary(t * per + k), code: codes[t * per + k].clone(), percentage: None, narrative: None })
                        .collect()
                })
                .collect());
        }
    }
    Err(format!("the document lists {} transaction sectors for {n} transactions: they cannot be paired with their transactions", codes.len()))
}

/// The document's transactions, each with what pairs with it.
fn transactions(d: &Map<String, Value>, line: usize, activity_has_sectors: bool, activity_has_recipients: bool) -> Vec<Transaction> {
    let types = values(d, "transaction_transaction_type_code");
    let n = types.len();
    let column = |key: &str| paired(d, key, n);
    let (dates, amounts, value_dates, descriptions, recipient_countries, recipient_regions, region_vocabularies, aid_types, aid_vocabularies) = (
        column("transaction_transaction_date_iso_date"),
        column("transaction_value"),
        column("transaction_value_value_date"),
        column("transaction_description_narrative"),
        column("transaction_recipient_country_code"),
        column("transaction_recipient_region_code"),
        column("transaction_recipient_region_vocabulary"),
        column("transaction_aid_type_code"),
        column("transaction_aid_type_vocabulary"),
    );
    // Currencies: one per transaction, or one value for all; else they cannot be told apart.
    let currencies = values(d, "transaction_value_currency");
    let currency_problem = (!currencies.is_empty() && currencies.len() != n && currencies.iter().any(|c| *c != currencies[0])).then(|| {
        format!("the document lists {} different transaction currencies for {n} transactions: which amount is in which currency is unknown", currencies.len())
    });
    let currency = |i: usize| match currencies.len() {
        0 => None,
        len if len == n => Some(currencies[i].clone()),
        _ => Some(currencies[0].clone()),
    };
    let sectors = transaction_sectors(d, n);
    // Transaction recipients given but not one per transaction: say so where the activity has none.
    let unpaired_recipients = {
        let (countries, regions) = (values(d, "transaction_recipient_country_code").len(), values(d, "transaction_recipient_region_code").len());
        (countries + regions > 0 && countries != n && regions != n && !activity_has_recipients).then(|| {
            format!("the document lists {countries} transaction recipient countries and {regions} regions for {n} transactions: they cannot be paired with their transactions, and the activity names no recipient of its own")
        })
    };
    let at = |c: &Option<Vec<String>>, i: usize| c.as_ref().map(|v| v[i].clone()).filter(|s| !s.is_empty());
    (0..n)
        .map(|i| {
            let sector_problem = match &sectors {
                Err(e) if !activity_has_sectors => Some(format!("{e}, and the activity has no sectors of its own")),
                _ => None,
            };
            Transaction {
                index: i + 1,
                line,
                type_code: Some(types[i].clone()).filter(|s| !s.is_empty()),
                type_present: true,
                date: at(&dates, i).map(|s| day(&s)),
                value: at(&amounts, i),
                value_attrs: Vec::new(),
                value_present: amounts.is_some(),
                currency: currency(i).filter(|s| !s.is_empty()),
                value_date: at(&value_dates, i).map(|s| day(&s)),
                value_usd: None,
                description: narrative(at(&descriptions, i)),
                provider: org(d, "transaction_provider_org", i, n),
                recipients: at(&recipient_countries, i)
                    .map(|code| RecipientRaw { element: "recipient-country", code: Some(code), vocabulary: None, percentage: None })
                    .or_else(|| {
                        at(&recipient_regions, i).map(|code| RecipientRaw {
                            element: "recipient-region",
                            code: Some(code),
                            vocabulary: at(&region_vocabularies, i),
                            percentage: None,
                        })
                    })
                    .into_iter()
                    .collect(),
                sectors: sectors.as_ref().map(|s| s[i].clone()).unwrap_or_default(),
                aid_types: at(&aid_types, i).map(|c| (at(&aid_vocabularies, i).unwrap_or_else(|| "1".into()), c)).into_iter().collect(),
                problem: currency_problem
                    .clone()
                    .or(sector_problem)
                    .or_else(|| unpaired_recipients.clone())
                    .or_else(|| amounts.is_none().then(|| "the document's transaction values cannot be paired with its transactions".into())),
            }
        })
        .collect()
}

impl Importer<'_> {
    /// One document → an `Activity`, read like an XML activity.
    fn document(&mut self, d: &Map<String, Value>, line: usize, generated: &mut Option<String>) {
        let mut a = Activity::default();
        activity_fields(d, &mut a);
        a.transactions = transactions(d, line, !a.sectors.is_empty(), !a.recipients.is_empty());
        if let Some(g) = first(d, "dataset_generated_datetime").map(|g| day(&g)).filter(|g| crate::core::format::validate::is_iso_date(g)) {
            if generated.as_ref().is_none_or(|old| g > *old) {
                *generated = Some(g);
            }
        }
        self.activity(a);
    }

    /// Reads the documents; returns the latest `dataset_generated_datetime`, the date of the data.
    pub(super) fn read_datastore<R: BufRead>(&mut self, mut reader: R) -> Result<Option<String>, String> {
        let mut generated = None;
        let mut line = String::new();
        let mut number = 0;
        loop {
            line.clear();
            let n = reader.read_line(&mut line).map_err(|e| format!("{}: cannot be read after line {number}: {e}", self.name))?;
            if n == 0 {
                break;
            }
            number += 1;
            let text = line.trim();
            if text.is_empty() {
                continue;
            }
            match serde_json::from_str::<Value>(text) {
                Ok(Value::Object(d)) if d.contains_key("response") => return self.solr_response(&Value::Object(d), number),
                Ok(Value::Object(d)) => self.document(&d, number, &mut generated),
                Ok(_) => return Err(format!("{}: line {number} is not a JSON object: each line must be one activity document", self.name)),
                // The first line does not stand alone: the whole file is one (pretty-printed) Solr response.
                Err(_) if number == 1 => {
                    let mut rest = String::new();
                    reader.read_to_string(&mut rest).map_err(|e| format!("{}: cannot be read: {e}", self.name))?;
                    let whole = format!("{line}{rest}");
                    let v: Value = serde_json::from_str(&whole).map_err(|e| {
                        format!("{}: neither JSON lines nor a Solr response: not valid JSON at line {}, column {} ({e})", self.name, e.line(), e.column())
                    })?;
                    return self.solr_response(&v, 1);
                }
                Err(e) => return Err(format!("{}: line {number} is not valid JSON (column {}): {e}", self.name, e.column())),
            }
        }
        if number == 0 {
            return Err(format!("{}: the file is empty: expected IATI Datastore activity documents", self.name));
        }
        Ok(generated)
    }

    fn solr_response(&mut self, v: &Value, line: usize) -> Result<Option<String>, String> {
        let docs = v
            .pointer("/response/docs")
            .and_then(Value::as_array)
            .ok_or_else(|| format!("{}: a JSON object without response.docs: expected an IATI Datastore activity search response", self.name))?;
        let mut generated = None;
        for (i, d) in docs.iter().enumerate() {
            match d.as_object() {
                Some(d) => self.document(d, line, &mut generated),
                None => return Err(format!("{}: response.docs[{i}] is not an object", self.name)),
            }
        }
        Ok(generated)
    }
}
