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
    // Every row of the budget and result tables is accounted for in the report.
    let r = &imported.report;
    assert_eq!((r.read, r.imported, r.skipped_total(), r.rejected.len()), (16 + 221, 16 + 221, 0, 0));
    // Selecting Mexico only: the other operations' rows are skipped as not selected.
    let options = iati::Options {
        metadata: crate::support::test_metadata(),
        budgets_as_requirements: true,
        activity_filter: Some(vec!["XM-DAC-41121-2022-AME-MEX".into()]),
        ..Default::default()
    };
    let mexico = iati::import_flat(&unhcr_2022(), "unhcr-2022", options).unwrap().report;
    assert_eq!((mexico.read, mexico.imported, mexico.skipped_total()), (237, 1 + 14, 237 - 15));
}

/// The objectives chart counts indicators by where they stand, never adds their values, states the
/// plans' need and says funding by objective is not reported when no contribution names a plan.
#[test]
fn the_objectives_chart_counts_indicators_and_states_the_money() {
    use alianzas::core::analysis::query::Filter;
    use alianzas::core::analysis::store::{Dim, Store};
    use alianzas::core::charts::spec::{build_view, Cell, PlainLocale};
    use alianzas::core::locale::lang::Lang;
    let store = Store::from_dataset(&parse_dataset(&crate::support::fixture("small.json")).unwrap());
    let en = PlainLocale { lang: Lang::En, currency: "USD".into() };
    let view = build_view(&store, &Filter::default(), &en);
    let chart = view.charts.iter().find(|c| c.id == "objectives").unwrap();
    assert!(chart.counts && chart.omitted.is_none());
    let labels: Vec<&str> = chart.categories.iter().map(|c| c.label.as_str()).collect();
    assert_eq!(labels, ["Land released", "Victims assisted"]);
    let series = |key: &str| chart.series.iter().find(|s| s.key == key).map(|s| s.values.clone()).unwrap_or_default();
    // 5,200 m² against 5,000: met; 6 municipalities from 2 towards 10: towards; 35 % below its 40 %
    // baseline: short; accidents with no actual: not measured.
    assert_eq!(series("met"), [1.0, 0.0]);
    assert_eq!(series("towards"), [1.0, 0.0]);
    assert_eq!(series("short"), [0.0, 1.0]);
    assert_eq!(series("not-measured"), [0.0, 1.0]);
    assert!(chart.summary.contains("Plans with objectives: 1. Of their 4 indicators, 1 met their target"), "{}", chart.summary);
    assert!(chart.summary.contains("USD 1,200") && chart.summary.contains("not reported"), "{}", chart.summary);
    let footer = chart.table.footer.as_ref().unwrap();
    assert_eq!(footer[2], Cell::Number(4.0), "indicators add up as counts");
    assert_eq!(chart.unit.label, "Number of indicators");
    // Spanish labels where the dataset gives them.
    let es = build_view(&store, &Filter::default(), &PlainLocale { lang: Lang::Es, currency: "USD".into() });
    assert_eq!(es.charts.iter().find(|c| c.id == "objectives").unwrap().categories[0].label, "Tierras liberadas");
    // A selection without plans says so.
    let mut filter = Filter::default();
    filter.selected.insert(Dim::Recipient, vec!["GTM".into()]);
    let gtm = build_view(&store, &filter, &en);
    let chart = gtm.charts.iter().find(|c| c.id == "objectives").unwrap();
    assert!(chart.empty && chart.summary.contains("No plan with objectives"), "{}", chart.summary);
}

/// IATI XML `<result>`s follow the same mapping: Mexico's 14 real indicator rows, written back as
/// IATI 2.03 XML, give the same objectives and indicators as the flattened tables.
#[test]
fn iati_xml_results_map_as_the_flattened_tables_do() {
    let esc = |s: &str| s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;");
    let mut rdr = csv::Reader::from_path(crate::support::source_path("unhcr-iati-2022-results/unhcr_iati_2022_result.csv")).unwrap();
    let header = rdr.headers().unwrap().clone();
    let col = |k: &str| header.iter().position(|h| h == k).unwrap();
    let id = "XM-DAC-41121-2022-AME-MEX";
    let rows: Vec<csv::StringRecord> = rdr.records().map(Result::unwrap).filter(|r| &r[col("iati_identifier")] == id).collect();
    assert_eq!(rows.len(), 14);
    let mut xml = format!(
        r#"<iati-activities version="2.03"><iati-activity default-currency="USD"><iati-identifier>{id}</iati-identifier><title><narrative>UNHCR operation in Mexico (2022)</narrative></title><recipient-country code="MX"/>"#
    );
    let mut titles: Vec<String> = Vec::new();
    for r in &rows {
        if !titles.contains(&r[col("result_title")].to_string()) {
            titles.push(r[col("result_title")].to_string());
        }
    }
    let attr = |name: &str, v: &str| if v.is_empty() { String::new() } else { format!(r#" {name}="{}""#, esc(v)) };
    for title in &titles {
        let of_title: Vec<&csv::StringRecord> = rows.iter().filter(|r| &r[col("result_title")] == title).collect();
        xml += &format!(r#"<result type="{}"><title><narrative>{}</narrative></title>"#, &of_title[0][col("result_type")], esc(title));
        for r in of_title {
            xml += &format!(
                r#"<indicator measure="{}" ascending="{}"><title><narrative>{}</narrative></title><baseline{}{}/><period><period-start iso-date="{}"/><period-end iso-date="{}"/><target{}><dimension name="Population Type"{}/></target><actual{}><dimension name="Population Type"{}/></actual></period></indicator>"#,
                &r[col("result_indicator_measure")],
                &r[col("result_indicator_ascending")],
                esc(&r[col("result_indicator_title")]),
                attr("year", &r[col("result_indicator_baseline_year")]),
                attr("value", &r[col("result_indicator_baseline_value")]),
                &r[col("result_indicator_period_start")],
                &r[col("result_indicator_period_end")],
                attr("value", &r[col("result_indicator_target_value")]),
                attr("value", &r[col("result_indicator_target_value_1")]),
                attr("value", &r[col("result_indicator_actual_value")]),
                attr("value", &r[col("result_indicator_actual_value_1")]),
            );
        }
        xml += "</result>";
    }
    xml += "</iati-activity></iati-activities>";
    let options = || iati::Options { metadata: crate::support::test_metadata(), activity_filter: Some(vec![id.into()]), ..Default::default() };
    let from_xml = iati::import(xml.as_bytes(), "mexico.xml", options()).unwrap().dataset;
    let from_tables = iati::import_flat(&unhcr_2022(), "unhcr-2022", options()).unwrap().dataset;
    assert_eq!(from_xml.plans.len(), 1);
    assert_eq!(from_xml.plans[0].objectives, from_tables.plans[0].objectives);
    assert_eq!(from_xml.plans[0].recipient.as_deref(), Some("MEX"));
}
