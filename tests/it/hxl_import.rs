//! The HXL and plain-CSV importers on real published files (data/sources), checked against sums
//! read straight from the CSV here with the csv crate, independently of the importer.

use alianzas::core::analysis::needs;
use alianzas::core::analysis::query::{self, Filter};
use alianzas::core::analysis::store::Store;
use alianzas::core::format::dataset::Dataset;
use alianzas::core::format::validate;
use alianzas::core::import::csv::{import_csv, ColumnMap, CsvOptions, RowFilter, SKIP_WHERE};
use alianzas::core::import::hxl::{self, HxlOptions};
use alianzas::core::import::{fts, Imported};
use std::collections::{BTreeMap, HashMap};

const MIRPS: [&str; 7] = ["BLZ", "CRI", "SLV", "GTM", "HND", "MEX", "PAN"];
const GLOBAL: &str = "fts-requirements-funding-global/fts_requirements_funding_global.csv";
const CRS: &str = "oecd-crs-pacific-mine-action/security_assistance_by_provider_year.csv";
const AFG_INCOMING: &str = "fts-afghanistan-2020/fts_incoming_funding_afg.csv";
const AFG_REQUIREMENTS: &str = "fts-afghanistan-2020/fts_requirements_funding_afg.csv";

use crate::support::{source, source_path as path, test_metadata as metadata, FTS_AFG_PAGES as PAGES};

/// Data rows of a CSV as maps header → cell; `skip` rows after the header (1 for the HXL row).
fn raw_rows(name: &str, skip: usize) -> Vec<HashMap<String, String>> {
    let mut rdr = csv::Reader::from_path(path(name)).unwrap();
    let headers = rdr.headers().unwrap().clone();
    rdr.records().skip(skip).map(|r| headers.iter().zip(r.unwrap().iter()).map(|(h, v)| (h.to_string(), v.to_string())).collect()).collect()
}

fn num(s: &str) -> f64 {
    if s.is_empty() {
        0.0
    } else {
        s.parse().unwrap()
    }
}

fn assert_validates(ds: &Dataset) {
    let text = serde_json::to_string(ds).unwrap();
    if let Err(errors) = validate::parse_dataset(&text) {
        panic!("{} problems, first {:?}", errors.len(), &errors[..errors.len().min(3)]);
    }
}

fn import_global(countries: &[&str], years: (Option<i32>, Option<i32>)) -> Imported {
    let options = HxlOptions { metadata: metadata(), countries: countries.iter().map(|c| c.to_string()).collect(), year_from: years.0, year_to: years.1 };
    hxl::import_hxl(std::fs::File::open(path(GLOBAL)).unwrap(), "fts_requirements_funding_global.csv", options).unwrap()
}

#[test]
fn mirps_requirements_and_funding_equal_the_raw_columns_per_country() {
    let raw = raw_rows(GLOBAL, 1);
    assert_eq!(raw.len(), 3669);
    let out = import_global(&MIRPS, (None, None));
    let r = &out.report;
    assert_eq!(r.read, 3669);
    assert!(r.balances(), "{r:?}");
    assert!(r.rejected.is_empty(), "{:?}", r.rejected);
    assert_validates(&out.dataset);
    let mut rows_in = 0;
    for country in MIRPS {
        let mine: Vec<_> = raw.iter().filter(|row| row["countryCode"] == country).collect();
        rows_in += mine.len();
        let raw_required: f64 = mine.iter().map(|row| num(&row["requirements"])).sum();
        // Negative funding (net refunds outside any appeal) cannot be a dataset amount: it is skipped.
        let raw_funding: f64 = mine.iter().map(|row| num(&row["funding"])).filter(|f| *f > 0.0).sum();
        let required: f64 = out.dataset.requirements.iter().filter(|q| q.recipient == country).map(|q| q.amount).sum();
        let funding: f64 = out.dataset.contributions.iter().filter(|c| c.recipient == country).map(|c| c.amount).sum();
        assert_eq!(required, raw_required, "{country} requirements");
        assert_eq!(funding, raw_funding, "{country} funding");
    }
    assert_eq!(r.skipped[hxl::SKIP_OUTSIDE_COUNTRIES], 3669 - rows_in);
    // Measured on the file (docs/importers.md): 179 rows for the seven countries, none for Belize.
    assert_eq!(rows_in, 179);
    let total_required: f64 = out.dataset.requirements.iter().map(|q| q.amount).sum();
    let total_funding: f64 = out.dataset.contributions.iter().map(|c| c.amount).sum();
    assert_eq!(total_required, 2_609_502_697.0);
    assert_eq!(total_funding, 2_492_266_129.0);
}

#[test]
fn every_row_of_the_global_table_is_accounted_for() {
    let raw = raw_rows(GLOBAL, 1);
    let out = import_global(&[], (None, None));
    let r = &out.report;
    assert!(r.balances(), "{r:?}");
    assert!(r.rejected.is_empty(), "{:?}", r.rejected);
    let both_empty = raw.iter().filter(|row| num(&row["requirements"]) == 0.0 && num(&row["funding"]) == 0.0).count();
    let negative = raw.iter().filter(|row| num(&row["funding"]) < 0.0).count();
    assert_eq!(r.skipped[hxl::SKIP_NO_AMOUNTS], both_empty);
    assert_eq!(r.skipped[hxl::SKIP_NEGATIVE_FUNDING], negative);
    assert_eq!((both_empty, negative), (28, 7));
    assert_eq!(r.imported, 3669 - 28 - 7);
    let with_requirements = raw.iter().filter(|row| num(&row["requirements"]) > 0.0).count();
    assert_eq!(out.dataset.requirements.len(), with_requirements);
    let raw_required: f64 = raw.iter().map(|row| num(&row["requirements"])).sum();
    let raw_funding: f64 = raw.iter().map(|row| num(&row["funding"])).filter(|f| *f > 0.0).sum();
    assert_eq!(out.dataset.requirements.iter().map(|q| q.amount).sum::<f64>(), raw_required);
    assert_eq!(out.dataset.contributions.iter().map(|c| c.amount).sum::<f64>(), raw_funding);
    // "Not specified" rows (no appeal id) are funding outside any appeal: no requirement, no plan.
    let not_specified = raw.iter().filter(|row| row["id"].is_empty() && num(&row["funding"]) > 0.0).count();
    assert_eq!(out.dataset.contributions.iter().filter(|c| c.plan.is_none()).count(), not_specified);
    assert!(out.dataset.requirements.iter().all(|q| q.plan.is_some()));
    assert!(out.dataset.contributions.iter().all(|c| c.status == "committed" && c.donor.id == hxl::ALL_DONORS_ID));
    assert_validates(&out.dataset);
}

#[test]
fn year_range_keeps_only_those_years() {
    let raw = raw_rows(GLOBAL, 1);
    let out = import_global(&MIRPS, (Some(2020), Some(2024)));
    let in_range =
        |row: &&HashMap<String, String>| MIRPS.contains(&row["countryCode"].as_str()) && (2020..=2024).contains(&row["year"].parse::<i32>().unwrap());
    let raw_required: f64 = raw.iter().filter(in_range).map(|row| num(&row["requirements"])).sum();
    let raw_funding: f64 = raw.iter().filter(in_range).map(|row| num(&row["funding"])).filter(|f| *f > 0.0).sum();
    assert_eq!(out.dataset.requirements.iter().map(|q| q.amount).sum::<f64>(), raw_required);
    assert_eq!(out.dataset.contributions.iter().map(|c| c.amount).sum::<f64>(), raw_funding);
    assert!(out.dataset.contributions.iter().all(|c| (2020..=2024).contains(&c.year)));
    assert!(out.report.skipped[hxl::SKIP_OUTSIDE_YEARS] > 0);
    assert!(out.report.balances());
}

#[test]
fn gaps_match_each_row_even_for_appeals_covering_several_countries() {
    let raw = raw_rows(GLOBAL, 1);
    let out = import_global(&MIRPS, (None, None));
    let store = Store::from_dataset(&out.dataset);
    let filter = Filter::default();
    let gaps = needs::gaps(&store, &query::select(&store, &filter), &filter);
    assert_eq!(gaps.len(), out.dataset.requirements.len());
    for (gap, req) in gaps.iter().zip(&out.dataset.requirements) {
        // The row of the raw table this requirement came from: its funding is what the gap counts.
        let appeal = req.plan.as_deref().unwrap().split('-').next().unwrap();
        let row = raw.iter().find(|row| row["countryCode"] == req.recipient && row["id"] == appeal && row["year"] == req.year.to_string()).unwrap();
        assert_eq!(gap.need, num(&row["requirements"]));
        assert_eq!(gap.funded, num(&row["funding"]).max(0.0), "{}", gap.key);
    }
    // The Venezuela regional plan (RMRP) covers Mexico, Costa Rica and Panama: one plan id per country.
    let rmrp: Vec<&str> = out.dataset.requirements.iter().filter_map(|q| q.plan.as_deref()).filter(|p| p.starts_with("1163-")).collect();
    assert_eq!(rmrp.len(), 3, "{rmrp:?}");
}

fn crs_map() -> ColumnMap {
    ColumnMap::parse(&crate::support::CRS_COLUMN_MAP.map(String::from)).unwrap()
}

fn import_crs(filters: &[&str]) -> Imported {
    let filters = filters.iter().map(|f| RowFilter::parse(f).unwrap()).collect();
    import_csv(
        std::fs::File::open(path(CRS)).unwrap(),
        "security_assistance_by_provider_year.csv",
        CsvOptions { metadata: metadata(), map: crs_map(), filters },
    )
    .unwrap()
}

#[test]
fn oecd_crs_mine_clearance_rows_and_total() {
    let raw = raw_rows(CRS, 0);
    assert_eq!(raw.len(), 456);
    let clearance: Vec<_> = raw.iter().filter(|row| row["sector_code"] == "15250").collect();
    let raw_total: f64 = clearance.iter().map(|row| num(&row["value_usd"])).sum();
    let out = import_crs(&["sector_code=15250"]);
    let r = &out.report;
    assert_eq!((r.read, r.imported, r.rejected.len()), (456, 61, 0));
    assert_eq!(r.skipped[SKIP_WHERE], 456 - 61);
    assert!(out.notes.iter().any(|n| n.contains("sector_code=15250")), "the notes name the --where condition: {:?}", out.notes);
    assert!(r.balances());
    let total: f64 = out.dataset.contributions.iter().map(|c| c.amount).sum();
    assert_eq!(total, raw_total);
    assert_eq!(total, 22_831_040.0);
    assert!(out.dataset.contributions.iter().all(|c| c.obligations[0].id == "mine-action" && c.status == "disbursed" && c.model == "bilateral"));
    // ISO2 codes become ISO3: Palau, Marshall Islands, Solomon Islands lead.
    let mut by_recipient: BTreeMap<&str, f64> = BTreeMap::new();
    for c in &out.dataset.contributions {
        *by_recipient.entry(c.recipient.as_str()).or_default() += c.amount;
    }
    for row in &clearance {
        let iso3 = match row["pacific_code"].as_str() {
            "PW" => "PLW",
            "MH" => "MHL",
            "SB" => "SLB",
            "CK" => "COK",
            other => {
                assert!(by_recipient.keys().all(|k| k.len() == 3), "{other}");
                continue;
            }
        };
        assert!(by_recipient.contains_key(iso3));
    }
    let palau: f64 = clearance.iter().filter(|row| row["pacific_code"] == "PW").map(|row| num(&row["value_usd"])).sum();
    assert_eq!(by_recipient["PLW"], palau);
    assert_validates(&out.dataset);
}

#[test]
fn oecd_crs_purpose_codes_map_to_obligations() {
    let raw = raw_rows(CRS, 0);
    let out = import_crs(&[]);
    assert_eq!((out.report.read, out.report.imported), (456, 456));
    let mut by_obligation: BTreeMap<&str, usize> = BTreeMap::new();
    for c in &out.dataset.contributions {
        *by_obligation.entry(c.obligations[0].id.as_str()).or_default() += 1;
    }
    let count = |code: &str| raw.iter().filter(|row| row["sector_code"] == code).count();
    // 15250 covers all of mine action; a CRS row has no words to say which obligation.
    assert_eq!(by_obligation["mine-action"], count("15250"));
    assert_eq!(by_obligation["cooperation-assistance"], count("15240"));
    assert_eq!(by_obligation["unspecified"], 456 - count("15250") - count("15240"));
    // Multilateral providers keep their CRS code as donor id.
    assert!(out.dataset.contributions.iter().any(|c| c.donor.id == "CRS_1UN0"));
    assert_validates(&out.dataset);
}

fn fts_json() -> Imported {
    let texts: Vec<String> = PAGES.iter().map(|p| source(&format!("fts-afghanistan-2020/{p}"))).collect();
    let inputs: Vec<fts::Input> = PAGES.iter().zip(&texts).map(|(name, text)| fts::Input { name, text }).collect();
    fts::import(&inputs, fts::Options { metadata: metadata(), locations: Some(source("fts-afghanistan-2020/1-public-location.json")), plans: None }).unwrap()
}

#[test]
fn the_same_flows_from_fts_json_and_from_their_hxl_csv_give_identical_totals() {
    // OCHA's scraper wrote this HXL CSV from the same saved API pages: the 328 incoming flows.
    let csv = hxl::import_hxl(
        std::fs::File::open(path(AFG_INCOMING)).unwrap(),
        "fts_incoming_funding_afg.csv",
        HxlOptions { metadata: metadata(), ..Default::default() },
    )
    .unwrap();
    let json = fts_json();
    let r = &csv.report;
    assert_eq!((r.read, r.imported, r.rejected.len()), (328, 311, 0), "{r:?}");
    assert_eq!(r.skipped[fts::SKIP_SHARED], 17);
    assert!(r.balances());
    assert_validates(&csv.dataset);

    let pipeline = |ds: &Dataset| {
        let store = Store::from_dataset(ds);
        query::pipeline(&store, &query::select(&store, &Filter::default()))
    };
    let [pledged, committed, disbursed] = pipeline(&csv.dataset);
    assert_eq!([pledged, committed, disbursed], pipeline(&json.dataset));
    assert_eq!(committed + disbursed, 725_591_299.0);
    assert_eq!((committed, disbursed), (296_624_940.0, 428_966_359.0));

    // Flow by flow: same ids, amounts, stages, years, plans, kinds, obligations, donor names, types and models.
    let by_id: HashMap<&str, _> = json.dataset.contributions.iter().map(|c| (c.id.as_str(), c)).collect();
    assert_eq!(csv.dataset.contributions.len(), by_id.len());
    for c in &csv.dataset.contributions {
        let j = by_id[c.id.as_str()];
        assert_eq!((c.amount, &c.status, c.year, &c.recipient, &c.plan, &c.kind), (j.amount, &j.status, j.year, &j.recipient, &j.plan, &j.kind), "{}", c.id);
        assert_eq!(c.obligations, j.obligations, "{}", c.id);
        assert_eq!((c.donor.name.trim(), &c.donor.donor_type, &c.model), (j.donor.name.as_str(), &j.donor.donor_type, &j.model), "{}", c.id);
        assert_eq!(c.date, j.date, "{}", c.id);
    }
}

#[test]
fn the_afghanistan_requirements_csv_gives_the_plan_overview_requirement() {
    let out = hxl::import_hxl(
        std::fs::File::open(path(AFG_REQUIREMENTS)).unwrap(),
        "fts_requirements_funding_afg.csv",
        HxlOptions { metadata: metadata(), ..Default::default() },
    )
    .unwrap();
    let plan = out.dataset.requirements.iter().find(|q| q.plan.as_deref() == Some("929")).unwrap();
    assert_eq!((plan.recipient.as_str(), plan.year, plan.amount, plan.label.as_deref()), ("AFG", 2020, 1_131_050_820.0, Some("Afghanistan 2020")));
    // The same figure fts.rs takes from the plan overview JSON.
    let texts: Vec<String> = PAGES.iter().map(|p| source(&format!("fts-afghanistan-2020/{p}"))).collect();
    let inputs: Vec<fts::Input> = PAGES.iter().zip(&texts).map(|(name, text)| fts::Input { name, text }).collect();
    let plans = Some(source("fts-afghanistan-2020/2-fts-flow-plan-overview-progress-2020.json"));
    let json = fts::import(&inputs, fts::Options { metadata: metadata(), locations: None, plans }).unwrap();
    assert_eq!(json.dataset.requirements[0].amount, plan.amount);
    assert_eq!(json.dataset.requirements[0].plan.as_deref(), Some("929"));
    let funding = out.dataset.contributions.iter().find(|c| c.plan.as_deref() == Some("929")).unwrap();
    assert_eq!(funding.amount, 564_467_765.0);
    assert!(out.report.balances());
    assert_validates(&out.dataset);
}

#[test]
fn a_plain_csv_given_to_the_hxl_importer_says_what_to_do() {
    let err = hxl::import_hxl(std::fs::File::open(path(CRS)).unwrap(), "x.csv", HxlOptions::default()).unwrap_err();
    assert!(err.contains("x.csv") && err.contains("--from csv"), "{err}");
}
