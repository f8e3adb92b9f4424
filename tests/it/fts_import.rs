//! The FTS importer on OCHA's real Afghanistan 2020 flows (data/sources/fts-afghanistan-2020),
//! checked against sums read straight from the JSON here, independently of the importer.

use alianzas::core::analysis::needs;
use alianzas::core::analysis::query::{self, Filter};
use alianzas::core::analysis::store::Store;
use alianzas::core::format::dataset::Metadata;
use alianzas::core::import::fts::{self, Input, Options};
use alianzas::core::import::Imported;
use serde_json::Value;
use std::collections::HashMap;

use crate::support::FTS_AFG_PAGES as PAGES;

/// A raw file of FTS's Afghanistan 2020 flows.
fn source(name: &str) -> String {
    crate::support::source(&format!("fts-afghanistan-2020/{name}"))
}

fn import() -> Imported {
    let texts: Vec<String> = PAGES.iter().map(|p| source(p)).collect();
    let inputs: Vec<Input> = PAGES.iter().zip(&texts).map(|(name, text)| Input { name, text }).collect();
    // No data date: the importer takes it from the flows.
    let metadata = Metadata { data_as_of: String::new(), ..crate::support::test_metadata() };
    fts::import(
        &inputs,
        Options { metadata, locations: Some(source("1-public-location.json")), plans: Some(source("2-fts-flow-plan-overview-progress-2020.json")) },
    )
    .unwrap()
}

fn all_flows() -> Vec<Value> {
    PAGES.iter().flat_map(|p| serde_json::from_str::<Value>(&source(p)).unwrap()["data"]["flows"].as_array().unwrap().clone()).collect()
}

#[test]
fn funding_by_status_matches_the_raw_flows_and_fts_own_total() {
    let flows = all_flows();
    // Straight from the JSON: incoming flows attributed to this location alone, by status.
    let mut expected: HashMap<String, f64> = HashMap::new();
    for f in &flows {
        if f["boundary"] == "incoming" && f["onBoundary"] == "single" {
            *expected.entry(f["status"].as_str().unwrap().to_string()).or_default() += f["amountUSD"].as_f64().unwrap();
        }
    }
    let imported = import();
    let store = Store::from_dataset(&imported.dataset);
    let sel = query::select(&store, &Filter::default());
    let [pledged, committed, disbursed] = query::pipeline(&store, &sel);
    assert_eq!(committed, expected["commitment"]);
    assert_eq!(disbursed, expected["paid"]);
    assert_eq!(pledged, expected.get("pledge").copied().unwrap_or(0.0));
    // FTS publishes its own total for the location-year in every page's data.incoming.
    let fts_total = serde_json::from_str::<Value>(&source(PAGES[0])).unwrap()["data"]["incoming"]["fundingTotal"].as_f64().unwrap();
    assert_eq!(committed + disbursed, fts_total);
    assert_eq!(committed + disbursed, 725_591_299.0);
}

#[test]
fn every_flow_is_accounted_for() {
    let flows = all_flows();
    let imported = import();
    let r = &imported.report;
    assert_eq!(r.read, flows.len());
    assert!(r.balances(), "{r:?}");
    let internal = flows.iter().filter(|f| f["boundary"] == "internal").count();
    assert_eq!(r.skipped[fts::SKIP_INTERNAL], internal);
    let shared = flows.iter().filter(|f| f["boundary"] == "incoming" && f["onBoundary"] == "shared").count();
    assert_eq!(r.skipped[fts::SKIP_SHARED], shared);
    assert_eq!(r.imported, imported.dataset.contributions.len());
    assert!(imported.unmapped.is_empty(), "{:?}", imported.unmapped);
}

#[test]
fn mappings_follow_the_documented_rules() {
    let imported = import();
    let by_id: HashMap<&str, &alianzas::core::format::dataset::Contribution> = imported.dataset.contributions.iter().map(|c| (c.id.as_str(), c)).collect();
    for f in all_flows().iter().filter(|f| f["boundary"] == "incoming" && f["onBoundary"] == "single") {
        let c = by_id[format!("fts-{}", f["id"].as_str().unwrap()).as_str()];
        assert_eq!(c.recipient, "AFG");
        assert_eq!(c.year, 2020);
        let status = match f["status"].as_str().unwrap() {
            "paid" => "disbursed",
            "commitment" => "committed",
            _ => "pledged",
        };
        assert_eq!(c.status, status);
        let kind = if f["contributionType"] == "in kind" { "in-kind" } else { "financial" };
        assert_eq!(c.kind, kind);
        let clusters: Vec<&str> =
            f["destinationObjects"].as_array().unwrap().iter().filter(|o| o["type"] == "GlobalCluster").map(|o| o["name"].as_str().unwrap()).collect();
        if clusters == ["Mine Action"] {
            assert_eq!(c.obligations[0].id, "mine-action");
        }
        if clusters.len() > 1 {
            assert_eq!(c.obligations[0].id, "multi-sector");
        }
        if let Some(org) = f["sourceObjects"].as_array().unwrap().iter().find(|o| o["type"] == "Organization") {
            assert_eq!(c.donor.name, org["name"].as_str().unwrap().trim());
        } else {
            assert_eq!(c.donor.id, fts::UNREPORTED_DONOR_ID);
        }
    }
    // Twelve flows carry the Mine Action cluster in the raw data; those counted for Afghanistan alone keep it.
    assert!(imported.dataset.contributions.iter().any(|c| c.obligations[0].id == "mine-action"));
}

#[test]
fn plan_requirement_and_its_funding_give_the_gap() {
    let imported = import();
    assert_eq!(imported.dataset.requirements.len(), 1, "only the Afghanistan plan is single-country and funded here");
    let req = &imported.dataset.requirements[0];
    assert_eq!((req.recipient.as_str(), req.plan.as_deref(), req.year, req.amount), ("AFG", Some("929"), 2020, 1_131_050_820.0));
    // Funding towards plan 929, read straight from the flows.
    let plan_funding: f64 = all_flows()
        .iter()
        .filter(|f| f["boundary"] == "incoming" && f["onBoundary"] == "single")
        .filter(|f| f["destinationObjects"].as_array().unwrap().iter().any(|o| o["type"] == "Plan" && o["id"] == "929"))
        .map(|f| f["amountUSD"].as_f64().unwrap())
        .sum();
    let store = Store::from_dataset(&imported.dataset);
    let filter = Filter::default();
    let gaps = needs::gaps(&store, &query::select(&store, &filter), &filter);
    assert_eq!(gaps[0].funded, plan_funding);
    assert_eq!(gaps[0].gap(), 1_131_050_820.0 - plan_funding);
}

#[test]
fn broken_input_is_rejected_with_its_location_not_a_crash() {
    let text = r#"{"data": {"flows": [
        {"id": "1", "boundary": "incoming", "onBoundary": "single", "status": "paid", "amountUSD": "lots", "contributionType": "financial"},
        {"id": "2", "boundary": "sideways"},
        {"id": "3", "boundary": "incoming", "onBoundary": "single", "status": "paid", "amountUSD": 5, "contributionType": "financial",
         "sourceObjects": [{"type": "Organization", "id": 9, "name": "Donor"}],
         "destinationObjects": [{"type": "Location", "id": "999999", "name": "Atlantis"}, {"type": "UsageYear", "id": "1", "name": "2020"}]}
    ]}}"#;
    let out = fts::import(&[Input { name: "bad.json", text }], Options::default()).unwrap();
    assert_eq!(out.report.read, 3);
    assert_eq!(out.report.rejected.len(), 3);
    assert!(out.report.rejected[0].location.starts_with("bad.json#/data/flows/0"));
    assert!(out.report.rejected[0].reason.contains("amountUSD"));
    assert!(out.report.rejected[2].reason.contains("Atlantis"));
    assert!(fts::import(&[Input { name: "x.json", text: "{" }], Options::default()).unwrap_err().contains("x.json"));
}

/// Every location FTS numbers ships with the importer (OCHA's taxonomy, 250 places): a flow to any
/// of them is placed without `--locations`, by id, by FTS's name (in any case) or by another name
/// the place goes by, and a place without a UN M49 region is rejected with a reason. Every entry
/// of the bundled table is tried.
#[test]
fn every_fts_location_is_known_without_a_locations_file() {
    use alianzas::core::format::geo;
    let template: Value = serde_json::from_str(&crate::support::fixture("fts-unknown-place.json")).unwrap();
    let table = include_str!("../../src/core/import/fts_locations.tsv");
    let rows: Vec<Vec<&str>> = table.lines().filter(|l| !l.starts_with('#')).skip(1).map(|l| l.split('\t').collect()).collect();
    assert!(rows.len() >= 240, "{} rows", rows.len());
    let flow_to = |i: usize, id: &str, name: &str| {
        let mut f = template["data"]["flows"][0].clone();
        f["id"] = Value::from(i.to_string());
        for o in f["destinationObjects"].as_array_mut().unwrap() {
            if o["type"] == "Location" {
                o["id"] = Value::from(id);
                o["name"] = Value::from(name);
            }
        }
        f
    };
    // Each location three times: by its id, by its name alone (an id FTS does not know),
    // lower-cased as FTS's older API wrote "occupied Palestinian territory", and by its first
    // other name ("State of Palestine"), else its name again.
    let mut flows = Vec::new();
    for (i, r) in rows.iter().enumerate() {
        let other = r.get(4).and_then(|o| o.split('|').find(|n| !n.is_empty())).unwrap_or(r[2]);
        flows.push(flow_to(3 * i, r[0], r[2]));
        flows.push(flow_to(3 * i + 1, "0", &r[2].to_lowercase()));
        flows.push(flow_to(3 * i + 2, "0", other));
    }
    let mut doc = template.clone();
    doc["data"]["flows"] = Value::Array(flows);
    let text = doc.to_string();
    let mut metadata = crate::support::test_metadata();
    metadata.data_as_of = "2025-01-01".into();
    let imported = fts::import(&[Input { name: "locations.json", text: &text }], Options { metadata, locations: None, plans: None }).unwrap();
    let r = &imported.report;
    assert_eq!(r.read, 3 * rows.len());
    assert_eq!(r.imported + r.rejected.len(), r.read, "every flow imported or rejected");
    for (i, row) in rows.iter().enumerate() {
        for k in [3 * i, 3 * i + 1, 3 * i + 2] {
            let id = format!("fts-{k}");
            let imported = imported.dataset.contributions.iter().find(|c| c.id == id);
            let rejected = r.rejected.iter().find(|x| x.location.ends_with(&format!("(flow {k})")));
            match (row[1], imported, rejected) {
                (iso3, Some(c), None) if !iso3.is_empty() => assert_eq!(c.recipient, iso3, "{row:?}"),
                ("", None, Some(x)) => assert!(x.reason.contains("region or the whole world"), "{row:?}: {}", x.reason),
                (iso3, None, Some(x)) if geo::country(iso3).is_none() => assert!(x.reason.contains("no UN M49 region"), "{row:?}: {}", x.reason),
                other => panic!("{row:?} (flow {k}): {other:?}"),
            }
        }
    }
    // The names the issue found rejected are all placed.
    let by_name = |name: &str| {
        let name_only: Vec<Value> = vec![flow_to(0, "0", name)];
        let mut doc = template.clone();
        doc["data"]["flows"] = Value::Array(name_only);
        let text = doc.to_string();
        let mut metadata = crate::support::test_metadata();
        metadata.data_as_of = "2025-01-01".into();
        let out = fts::import(&[Input { name: "one.json", text: &text }], Options { metadata, locations: None, plans: None }).unwrap();
        out.dataset.contributions.first().map(|c| c.recipient.clone())
    };
    for (name, iso3) in [
        ("occupied Palestinian territory", "PSE"),
        ("Syrian Arab Republic", "SYR"),
        ("Venezuela (Bolivarian Republic of)", "VEN"),
        ("Türkiye", "TUR"),
        ("Côte d'Ivoire", "CIV"),
    ] {
        assert_eq!(by_name(name).as_deref(), Some(iso3), "{name}");
    }
}

/// The bundled table agrees with FTS's own answers saved in the project's FTS files: every
/// Location object of the Afghanistan flows and of /v1/public/location has the id and ISO3 the
/// table gives.
#[test]
fn bundled_fts_locations_agree_with_ftss_own_files() {
    let table = fts::bundled_locations();
    let mut checked = 0;
    for file in ["1-public-location.json", "2-fts-flow-plan-overview-progress-2020.json"].into_iter().chain(crate::support::FTS_AFG_PAGES) {
        let doc: Value = serde_json::from_str(&crate::support::source(&format!("fts-afghanistan-2020/{file}"))).unwrap();
        let mut stack = vec![&doc];
        while let Some(v) = stack.pop() {
            match v {
                Value::Array(a) => stack.extend(a),
                Value::Object(o) => {
                    let is_location = o.get("type").and_then(Value::as_str) == Some("Location") || o.contains_key("iso3");
                    if let (true, Some(id)) = (is_location, o.get("id")) {
                        let id = id.as_str().map(str::to_string).unwrap_or_else(|| id.to_string());
                        match (o.get("iso3").and_then(Value::as_str), table.ids.get(&id), table.areas.get(&id)) {
                            (Some(iso3), Some(expected), _) => assert_eq!(iso3, expected, "{file}: location {id}"),
                            (None, None, Some(_)) | (None, Some(_), None) => {}
                            other => panic!("{file}: FTS location {id} is not in the bundled table as FTS gives it: {other:?}"),
                        }
                        checked += 1;
                    }
                    stack.extend(o.values());
                }
                _ => {}
            }
        }
    }
    assert!(checked > 100, "{checked} location objects checked");
}

/// A flow whose `sourceObjects` is a string instead of a list is still imported (FTS counts it), but
/// the report says what was reinterpreted and where.
#[test]
fn a_reshaped_flow_is_imported_with_a_warning_that_says_where_and_why() {
    let mut doc: Value = serde_json::from_str(&crate::support::fixture("fts-unknown-place.json")).unwrap();
    let flow = &mut doc["data"]["flows"][0];
    flow["sourceObjects"] = Value::from("Japan, Government of");
    for o in flow["destinationObjects"].as_array_mut().unwrap() {
        if o["type"] == "Location" {
            o["id"] = Value::from("1");
            o["name"] = Value::from("Afghanistan");
        }
    }
    let text = doc.to_string();
    let imported =
        fts::import(&[Input { name: "odd.json", text: &text }], Options { metadata: crate::support::test_metadata(), locations: None, plans: None }).unwrap();
    assert_eq!(imported.report.imported, 1);
    let w = &imported.report.warnings;
    assert_eq!(w.len(), 1, "{w:?}");
    assert_eq!(w[0].location, "odd.json#/data/flows/0 (flow 1)");
    assert!(w[0].reason.contains("sourceObjects is a string") && w[0].reason.contains("not reported"), "{}", w[0].reason);
    // The warning travels with the report.
    let json = serde_json::to_value(&imported.report).unwrap();
    assert_eq!(json["warnings"][0]["where"], "odd.json#/data/flows/0 (flow 1)");
}

/// A newer copy of FTS's location list (`--locations`) places flows the bundled table does not know,
/// and a location it lists without ISO3 ("Global") is rejected as not one country.
#[test]
fn a_newer_location_list_adds_places_and_marks_regions() {
    let mut doc: Value = serde_json::from_str(&crate::support::fixture("fts-unknown-place.json")).unwrap();
    let flow = doc["data"]["flows"][0].clone();
    let to = |id: &str, name: &str, flow_id: &str| {
        let mut f = flow.clone();
        f["id"] = Value::from(flow_id);
        for o in f["destinationObjects"].as_array_mut().unwrap() {
            if o["type"] == "Location" {
                o["id"] = Value::from(id);
                o["name"] = Value::from(name);
            }
        }
        f
    };
    doc["data"]["flows"] = Value::Array(vec![to("218", "Syrian Arab Republic", "1"), to("251", "Global", "2")]);
    let text = doc.to_string();
    let locations = r#"{"data": [{"id": 218, "iso3": "SYR", "name": "Syrian Arab Republic", "adminLevel": 0}, {"id": 251, "iso3": null, "name": "Global", "adminLevel": 0}]}"#;
    let out = fts::import(
        &[Input { name: "two.json", text: &text }],
        Options { metadata: crate::support::test_metadata(), locations: Some(locations.into()), plans: None },
    )
    .unwrap();
    assert_eq!(out.dataset.contributions.iter().map(|c| c.recipient.as_str()).collect::<Vec<_>>(), ["SYR"]);
    assert_eq!(out.report.rejected.len(), 1);
    assert!(out.report.rejected[0].reason.contains("\"Global\" is a region or the whole world"), "{:?}", out.report.rejected);
}
