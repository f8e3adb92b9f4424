//! `--from iati-datastore` on the real IATI Datastore extracts (data/sources/iati-mine-action and
//! iati-south-south): every transaction accounted for, totals against sums read independently from
//! the raw documents, counting once, and the obligation and model rules on real records.

use alianzas::core::format::dataset::Dataset;
use alianzas::core::import::iati::{self, Options};
use alianzas::core::import::rates::RateTable;
use alianzas::core::import::Imported;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::io::Read;
use std::sync::{Arc, OnceLock};

const MINE_ACTION: &str = "iati-mine-action/iati_mine_action_activities.jsonl.gz";
const SOUTH_SOUTH: &str = "iati-south-south/iati_south_south_activities.jsonl.gz";

fn raw_text(name: &str) -> String {
    let file = std::fs::File::open(crate::support::source_path(name)).unwrap();
    let mut text = String::new();
    flate2::read::GzDecoder::new(file).read_to_string(&mut text).unwrap();
    text
}

fn documents(name: &str) -> Vec<serde_json::Map<String, Value>> {
    raw_text(name).lines().map(|l| serde_json::from_str::<Value>(l).unwrap().as_object().unwrap().clone()).collect()
}

fn strings(d: &serde_json::Map<String, Value>, key: &str) -> Vec<String> {
    match d.get(key) {
        Some(Value::Array(a)) => a.iter().map(|v| v.as_str().map(str::to_string).unwrap_or_else(|| v.to_string())).collect(),
        Some(Value::String(s)) => vec![s.clone()],
        Some(v) => vec![v.to_string()],
        None => Vec::new(),
    }
}

/// Without a rate table: only amounts in US dollars can be imported, so sums compare exactly.
fn import(name: &str, text: &str) -> Imported {
    iati::import_datastore(text.as_bytes(), name, Options { metadata: crate::support::test_metadata(), ..Default::default() }).unwrap()
}

fn mine_action() -> &'static Imported {
    static CELL: OnceLock<Imported> = OnceLock::new();
    CELL.get_or_init(|| import("mine.jsonl", &raw_text(MINE_ACTION)))
}

fn activity_of(contribution_id: &str) -> &str {
    contribution_id.rsplit_once("-t").map_or(contribution_id, |(a, _)| a)
}

#[test]
fn every_transaction_of_both_real_files_is_accounted_for() {
    for name in [MINE_ACTION, SOUTH_SOUTH] {
        let docs = documents(name);
        let transactions: usize = docs.iter().map(|d| strings(d, "transaction_transaction_type_code").len()).sum();
        let imported = if name == MINE_ACTION { mine_action() } else { &import("ss.jsonl", &raw_text(name)) };
        let r = &imported.report;
        assert_eq!(r.read, transactions, "{name}: every transaction is one record");
        assert!(r.balances(), "{name}: read = imported + skipped + rejected");
        assert!(r.imported > 0);
        assert!(r.rejected.iter().all(|x| x.location.contains("#activity[") && x.location.contains("(line ")), "{name}: rejections are located");
        // Which reasons: the skipped types are the report's, counted independently.
        let expenditures = docs.iter().flat_map(|d| strings(d, "transaction_transaction_type_code")).filter(|t| t == "4").count();
        assert_eq!(r.skipped.get("iati-transaction-type-4").copied().unwrap_or(0), expenditures, "{name}");
        crate::support::assert_dataset_validates(&imported.dataset);
    }
}

/// Activities whose every transaction is a US-dollar disbursement to a country the activity names:
/// the dataset holds, per activity, exactly the sum of its `transaction_value`s.
#[test]
fn usd_disbursements_equal_the_raw_sums_activity_by_activity() {
    let mut expected: BTreeMap<String, f64> = BTreeMap::new();
    for d in documents(MINE_ACTION) {
        let types = strings(&d, "transaction_transaction_type_code");
        let values: Vec<f64> = strings(&d, "transaction_value").iter().map(|v| v.parse().unwrap()).collect();
        let currencies = strings(&d, "transaction_value_currency");
        let usd = currencies.iter().all(|c| c == "USD") && (!currencies.is_empty() || strings(&d, "default_currency") == ["USD"]);
        if types.is_empty() || !usd {
            continue;
        }
        if types.iter().all(|t| t == "3") && values.iter().all(|v| *v > 0.0) {
            expected.insert(strings(&d, "iati_identifier")[0].clone(), values.iter().sum());
        }
    }
    assert!(expected.len() > 100, "enough activities to compare: {}", expected.len());
    let mut got: BTreeMap<&str, f64> = BTreeMap::new();
    for c in &mine_action().dataset.contributions {
        if expected.contains_key(activity_of(&c.id)) {
            assert_eq!(c.status, "disbursed");
            *got.entry(activity_of(&c.id)).or_default() += c.amount;
        }
    }
    let rejected: BTreeSet<&str> = mine_action().report.rejected.iter().filter_map(|x| x.location.split("#activity[").nth(1)?.split(']').next()).collect();
    let mut compared = 0;
    for (id, sum) in &expected {
        if rejected.contains(id.as_str()) {
            continue;
        }
        let imported = got.get(id.as_str()).copied().unwrap_or(0.0);
        assert!((imported - sum).abs() < 0.01, "{id}: {imported} imported, {sum} in the file");
        compared += 1;
    }
    assert!(compared > 100, "{compared}");
}

/// Activities in US dollars with commitments and disbursements: funding counts the larger of the
/// two, never their sum; the report says how many commitments were reduced or left out.
#[test]
fn a_commitment_and_its_disbursements_count_once_on_the_real_file() {
    let mut raw: BTreeMap<String, (f64, f64)> = BTreeMap::new();
    for d in documents(MINE_ACTION) {
        let types = strings(&d, "transaction_transaction_type_code");
        let values: Vec<f64> = strings(&d, "transaction_value").iter().map(|v| v.parse().unwrap()).collect();
        let currencies = strings(&d, "transaction_value_currency");
        let providers = strings(&d, "transaction_provider_org_ref");
        let one_provider = providers.iter().collect::<BTreeSet<_>>().len() <= 1;
        let usd =
            (currencies.len() == types.len() && currencies.iter().all(|c| c == "USD")) || (currencies.is_empty() && strings(&d, "default_currency") == ["USD"]);
        if !usd || !one_provider || values.iter().any(|v| *v <= 0.0) {
            continue;
        }
        if !types.iter().all(|t| t == "2" || t == "3") || !types.contains(&"2".to_string()) || !types.contains(&"3".to_string()) {
            continue;
        }
        let sum = |code: &str| types.iter().zip(&values).filter(|(t, _)| *t == code).map(|(_, v)| v).sum::<f64>();
        raw.insert(strings(&d, "iati_identifier")[0].clone(), (sum("2"), sum("3")));
    }
    let imported = mine_action();
    let rejected: BTreeSet<&str> = imported.report.rejected.iter().filter_map(|x| x.location.split("#activity[").nth(1)?.split(']').next()).collect();
    let mut funding: BTreeMap<&str, f64> = BTreeMap::new();
    for c in &imported.dataset.contributions {
        if raw.contains_key(activity_of(&c.id)) && c.status != "pledged" {
            *funding.entry(activity_of(&c.id)).or_default() += c.amount;
        }
    }
    let mut compared = 0;
    for (id, (committed, disbursed)) in &raw {
        if rejected.contains(id.as_str()) {
            continue;
        }
        let f = funding.get(id.as_str()).copied().unwrap_or(0.0);
        assert!((f - committed.max(*disbursed)).abs() < 0.01, "{id}: funding {f}, committed {committed}, disbursed {disbursed}");
        compared += 1;
    }
    assert!(compared > 50, "{compared}");
    let warning = imported.report.warnings.iter().find(|w| w.reason.starts_with("counted once")).expect("the report says what counting once changed");
    assert!(warning.location.contains("(all activities)"));
}

#[test]
fn obligation_rules_on_real_records() {
    let cs = &mine_action().dataset.contributions;
    // Titles such as HALO's "Humanitarian Demining in Cambodia" name the obligation.
    let titled: Vec<_> = cs.iter().filter(|c| c.obligation_rule.as_deref() == Some("title-text")).collect();
    assert!(titled.iter().any(|c| c.obligations.iter().any(|o| o.id == "clearance")));
    assert!(titled.iter().any(|c| c.obligations.iter().any(|o| o.id == "risk-education")));
    assert!(titled.iter().any(|c| c.obligations.iter().any(|o| o.id == "victim-assistance")));
    assert!(cs.iter().any(|c| c.obligations.iter().any(|o| o.id == "stockpile-destruction")));
    for c in &titled {
        let evidence = c.obligation_evidence.as_deref().unwrap();
        assert!(evidence.contains(": title “"), "{evidence}");
        let sum: f64 = c.obligations.iter().map(|o| o.share).sum();
        assert!((sum - 1.0).abs() < 1e-9);
    }
    // The US State Department's redacted titles say nothing: mine action, not specified.
    let redacted = documents(MINE_ACTION)
        .into_iter()
        .find(|d| strings(d, "title_narrative").first().is_some_and(|t| t == "Information Redacted") && strings(d, "description_narrative").is_empty())
        .map(|d| strings(&d, "iati_identifier")[0].clone());
    if let Some(id) = redacted {
        if let Some(c) = cs.iter().find(|c| activity_of(&c.id) == id) {
            assert_eq!(c.obligation_rule.as_deref(), Some("not-specified"));
            assert_eq!(c.obligations[0].id, "mine-action");
        }
    }
    // A real title in French ("Déminage", compared without accents) names clearance too.
    let title = documents(MINE_ACTION)
        .iter()
        .flat_map(|d| strings(d, "title_narrative"))
        .find(|t| t.contains("Déminage") || t.contains("déminage"))
        .expect("a French title in the real file");
    let (shares, rule, evidence) = alianzas::core::format::obligation_rules::mine_action_obligations(Some(&title), None);
    assert!(shares.iter().any(|s| s.id == "clearance") && rule.id() == "title-text", "{title}: {evidence:?}");
}

#[test]
fn amounts_in_other_currencies_are_converted_by_value_date_or_rejected_with_the_reason() {
    // KOICA reports in won: with the ECB table its amounts are converted, never taken as dollars.
    let table = RateTable::from_ecb_csv(&crate::support::fixture("ecb-rates-extract.csv"), "ECB test extract").unwrap();
    let text = raw_text(MINE_ACTION);
    let korean: String = text.lines().filter(|l| l.contains("\"KRW\"")).collect::<Vec<_>>().join("\n");
    assert!(!korean.is_empty(), "the real file has activities in won");
    let without = import("krw.jsonl", &korean);
    assert!(without.report.rejected.iter().any(|x| x.reason.contains("KRW")), "no rate: rejected with the reason");
    assert!(without.dataset.contributions.is_empty() || without.dataset.contributions.iter().all(|c| c.amount < 1e9));
    let options = Options { metadata: crate::support::test_metadata(), rate_table: Some(Arc::new(table)), ..Default::default() };
    let with = iati::import_datastore(korean.as_bytes(), "krw.jsonl", options).unwrap();
    assert!(with.report.balances());
}

#[test]
fn a_solr_response_reads_like_json_lines_and_bad_input_is_located() {
    let text = raw_text(SOUTH_SOUTH);
    let docs: Vec<&str> = text.lines().take(20).collect();
    let lines = import("ss.jsonl", &docs.join("\n"));
    let solr = format!("{{\"responseHeader\": {{\"status\": 0}},\n \"response\": {{\"numFound\": 20, \"docs\": [\n{}\n]}}\n}}", docs.join(",\n"));
    let response = import("ss.json", &solr);
    assert_eq!(lines.report.read, response.report.read);
    assert_eq!(lines.report.imported, response.report.imported);
    let amounts = |d: &Dataset| d.contributions.iter().map(|c| (c.id.clone(), (c.amount * 100.0).round() as i64)).collect::<Vec<_>>();
    assert_eq!(amounts(&lines.dataset), amounts(&response.dataset));
    // A broken line says which.
    let broken = format!("{}\n{{\"iati_identifier\": \"X\", \n{}", docs[0], docs[1]);
    let e = iati::import_datastore(broken.as_bytes(), "broken.jsonl", Options { metadata: crate::support::test_metadata(), ..Default::default() }).unwrap_err();
    assert!(e.starts_with("broken.jsonl: line 2 is not valid JSON"), "{e}");
    let e = iati::import_datastore("[1, 2]".as_bytes(), "a.json", Options { metadata: crate::support::test_metadata(), ..Default::default() }).unwrap_err();
    assert!(e.contains("not a JSON object"), "{e}");
}

/// Model rules on real south-south records: words in titles decide before channel codes, and
/// each such record keeps the phrase.
#[test]
fn cooperation_model_rules_on_real_records() {
    let imported = import("ss.jsonl", &raw_text(SOUTH_SOUTH));
    let by_text: Vec<_> = imported.dataset.contributions.iter().filter(|c| c.model_rule.as_deref() == Some("text")).collect();
    assert!(by_text.iter().any(|c| c.model == "south-south"));
    for c in &by_text {
        let e = c.model_evidence.as_deref().unwrap();
        assert!(e.starts_with("title: “") || e.starts_with("description: “"), "{e}");
        assert_ne!(c.donor.donor_type, "private", "words never make a foundation's money south-south");
    }
    // The channel code stays where no words name the modality.
    assert!(imported.dataset.contributions.iter().any(|c| c.model_rule.as_deref() == Some("collaboration-type") && c.model == "multilateral"));
}

/// A reader who downloads the rows sees, for each, which rule decided its model and obligation and
/// what it matched.
#[test]
fn downloaded_rows_carry_each_rule_and_its_evidence() {
    use alianzas::core::analysis::query::{select, Filter};
    use alianzas::core::analysis::store::Store;
    use alianzas::core::charts::export::rows_csv;
    let store = Store::from_dataset(&mine_action().dataset);
    let csv = rows_csv(&store, &select(&store, &Filter::default()), alianzas::core::locale::lang::Lang::Es);
    let header = csv.lines().next().unwrap();
    assert!(header.contains("Cómo se dedujo el modelo") && header.contains("Evidencia de la obligación"), "{header}");
    let titled = csv.lines().find(|l| l.contains(",\"title-text\",")).expect("a row decided by its title");
    assert!(titled.contains(": title “"), "{titled}");
}
