//! Dataset v1.1 plans, objectives and indicators: validation, and the flattened IATI importer on
//! UNHCR's real 2022 results for the Americas.

use alianzas::core::format::validate::{parse_dataset, Problem};
use alianzas::core::import::iati;
use serde_json::{json, Value};
use std::collections::BTreeMap;

fn with_plans(plans: Value, requirement_links: Value) -> String {
    let mut doc: Value = serde_json::from_str(&crate::support::fixture("small.json")).unwrap();
    doc["plans"] = plans;
    doc["requirements"] = json!([{"recipient": "COL", "year": 2023, "amount": 10, "plan": "p1", "objectives": requirement_links}]);
    doc.to_string()
}

/// A v1.1 document with plans reads back unchanged; every broken part is located.
#[test]
fn plans_validate_and_their_problems_are_located() {
    let plans = json!([{"id": "p1", "labels": {"en": "Plan"}, "recipient": "COL", "year": 2023, "objectives": [
        {"id": "o1", "labels": {"en": "Protection", "es": "Protección"}, "indicators": [
            {"labels": {"en": "Share registered"}, "unit": "percent", "baseline": 50, "target": 90, "actual": 80, "start": "2023-01-01", "end": "2023-12-31"},
            {"labels": {"en": "Deaths"}, "unit": "number", "ascending": false, "target": 0, "actual": 3}]},
        {"id": "o2", "labels": {"en": "Child of o1"}, "parent": "o1"}]}]);
    let ds = parse_dataset(&with_plans(plans.clone(), json!(["o2"]))).unwrap();
    assert_eq!(ds.plans.len(), 1);
    assert_eq!(ds.plans[0].objectives[1].parent.as_deref(), Some("o1"));
    assert!(!ds.plans[0].objectives[0].indicators[1].ascending);
    assert_eq!(ds.requirements[0].objectives, vec!["o2"]);
    // Written and read again: the same dataset (serde and the validator agree).
    assert_eq!(parse_dataset(&serde_json::to_string(&ds).unwrap()).unwrap(), ds);

    let broken = json!([{"id": "p1", "labels": {}, "recipient": "XXX", "objectives": [
        {"id": "o1", "labels": {"en": "A"}, "parent": "o2", "indicators": [{"labels": {"en": "i"}, "target": "ninety", "baseline_year": 1800}]},
        {"id": "o1", "labels": {"en": "B"}}]}]);
    let errors = parse_dataset(&with_plans(broken, json!(["nowhere"]))).unwrap_err();
    let at = |pointer: &str| errors.iter().find(|e| e.pointer == pointer).map(|e| e.problem.clone());
    assert_eq!(at("/plans/0/labels"), Some(Problem::Empty));
    assert!(matches!(at("/plans/0/recipient"), Some(Problem::UnknownCode { list: "recipient", .. })));
    assert_eq!(at("/plans/0/objectives/0/parent"), Some(Problem::ParentNotEarlier("o2".into())));
    assert_eq!(at("/plans/0/objectives/0/indicators/0/unit"), Some(Problem::Missing));
    assert_eq!(at("/plans/0/objectives/0/indicators/0/target"), Some(Problem::WrongType { expected: "number" }));
    assert_eq!(at("/plans/0/objectives/0/indicators/0/baseline_year"), Some(Problem::YearOutOfRange(1800)));
    assert_eq!(at("/plans/0/objectives/1/id"), Some(Problem::DuplicateId("o1".into())));
    assert!(matches!(at("/requirements/0/objectives/0"), Some(Problem::UnknownCode { list: "objective", .. })));
    // Every message is a sentence in each language, never a debug dump.
    for e in &errors {
        for lang in alianzas::core::locale::lang::Lang::ALL {
            let m = e.message(lang);
            assert!(!m.is_empty() && !m.contains("Some(") && !m.contains('{'), "{m}");
        }
    }
}

fn unhcr_2022() -> BTreeMap<String, Vec<u8>> {
    ["activity", "budget", "result"]
        .into_iter()
        .map(|t| {
            let name = format!("unhcr_iati_2022_{t}.csv");
            let bytes = std::fs::read(crate::support::source_path(&format!("unhcr-iati-2022-results/{name}"))).unwrap();
            (name, bytes)
        })
        .collect()
}

/// UNHCR's 2022 results for the Americas: every indicator row becomes one indicator of its
/// operation's plan, under the objective of its result title, with the values of the row (read
/// here independently with the csv crate); budgets become the plans' requirements.
#[test]
fn unhcr_results_become_plans_objectives_and_indicators() {
    let options = iati::Options { metadata: crate::support::test_metadata(), budgets_as_requirements: true, ..Default::default() };
    let imported = iati::import_flat(&unhcr_2022(), "unhcr-2022", options).unwrap();
    let ds = &imported.dataset;
    crate::support::assert_dataset_validates(ds);

    let mut rdr = csv::Reader::from_path(crate::support::source_path("unhcr-iati-2022-results/unhcr_iati_2022_result.csv")).unwrap();
    let header = rdr.headers().unwrap().clone();
    let col = |k: &str| header.iter().position(|h| h == k).unwrap();
    let rows: Vec<csv::StringRecord> = rdr.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 221);
    let indicators: Vec<_> = ds.plans.iter().flat_map(|p| p.objectives.iter().flat_map(move |o| o.indicators.iter().map(move |i| (p, o, i)))).collect();
    assert_eq!(indicators.len(), rows.len(), "one indicator per row");
    for row in &rows {
        let (plan, title, indicator) = (&row[col("iati_identifier")], &row[col("result_title")], &row[col("result_indicator_title")]);
        let number = |k: &str| row[col(k)].parse::<f64>().ok();
        let found = indicators.iter().find(|(p, o, i)| {
            p.id == plan
                && o.labels["en"] == title
                && i.labels["en"] == indicator
                && i.target == number("result_indicator_target_value")
                && i.actual == number("result_indicator_actual_value")
                && i.baseline == number("result_indicator_baseline_value")
        });
        assert!(found.is_some(), "{plan} / {title} / {indicator}");
        let (_, _, i) = found.unwrap();
        // IATI IndicatorMeasure: 1 unit, 2 percentage, 4 ordinal ("extent … is in line with", 1–3).
        let unit = match &row[col("result_indicator_measure")] {
            "1" => "number",
            "2" => "percent",
            "4" => "ordinal",
            other => panic!("measure {other}"),
        };
        assert_eq!(i.unit, unit);
    }
    // Mexico: one plan for MEX with 14 indicators, its requirement the revised 2022 budget.
    let mex = ds.plans.iter().find(|p| p.recipient.as_deref() == Some("MEX")).unwrap();
    assert_eq!(mex.objectives.iter().map(|o| o.indicators.len()).sum::<usize>(), 14);
    assert_eq!(mex.labels.get("es").map(String::as_str), Some("Oficina de ACNUR en México (2022)"));
    let need: Vec<_> = ds.requirements.iter().filter(|r| r.plan.as_deref() == Some(mex.id.as_str())).collect();
    assert_eq!(need.len(), 1);
    assert_eq!(need[0].amount, 96_603_414.0);
    assert_eq!(ds.requirements.len(), 16, "one 2022 budget per Americas activity");
    assert!(imported.notes.iter().any(|n| n.contains("7 plans with 83 objectives and 221 indicators")), "{:?}", imported.notes);
}
