//! Compare (`?compare=`): two to four years, donors or recipients side by side, their totals the
//! sums of the shipped file, the difference in words.

use alianzas::core::analysis::query::Filter;
use alianzas::core::analysis::store::Store;
use alianzas::core::charts::compare::{chart, Compare};
use alianzas::core::charts::spec::{Cell, ChartType};
use alianzas::core::format::validate::parse_dataset;
use alianzas::core::locale::lang::Lang;
use alianzas::core::locale::numbers::PlainLocale;
use serde_json::Value;

fn load(file: &str) -> (Value, Store) {
    let text = std::fs::read_to_string(format!("{}/public/data/{file}", env!("CARGO_MANIFEST_DIR"))).unwrap();
    (serde_json::from_str(&text).unwrap(), Store::from_dataset(&parse_dataset(&text).unwrap()))
}

/// Funding (committed + disbursed) of the contributions `keep` accepts, summed from the file.
fn funding(doc: &Value, keep: impl Fn(&Value) -> bool) -> f64 {
    doc["contributions"].as_array().unwrap().iter().filter(|c| c["status"] != "pledged" && keep(c)).map(|c| c["amount"].as_f64().unwrap()).sum()
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-6 * b.abs().max(1.0)
}

fn totals(spec: &alianzas::core::charts::spec::ChartSpec) -> Vec<f64> {
    spec.table.footer.as_ref().unwrap()[1..].iter().map(|c| if let Cell::Number(n) = c { *n } else { f64::NAN }).collect()
}

#[test]
fn the_last_two_years_side_by_side_with_the_change_in_words() {
    let (doc, store) = load("cooperation-lac.json");
    let en = PlainLocale { lang: Lang::En, currency: "USD".into() };
    let spec = chart(&store, &Filter::default(), &Compare::parse("year").unwrap(), &en);
    assert_eq!(spec.id, "compare");
    assert_eq!(spec.chart_type, ChartType::GroupedBars);
    let years: Vec<String> = spec.series.iter().map(|s| s.key.clone()).collect();
    assert_eq!(years.len(), 2);
    // The last two years with money in the file.
    let mut with_money: Vec<i64> = doc["contributions"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["status"] != "pledged" && c["amount"].as_f64().unwrap() > 0.0)
        .map(|c| c["year"].as_i64().unwrap())
        .collect();
    with_money.sort();
    with_money.dedup();
    assert_eq!(years, with_money[with_money.len() - 2..].iter().map(|y| y.to_string()).collect::<Vec<_>>());
    for (i, year) in years.iter().enumerate() {
        let expected = funding(&doc, |c| c["year"].as_i64().map(|y| y.to_string()).as_deref() == Some(year.as_str()));
        assert!(close(totals(&spec)[i], expected), "{year}: {} vs {expected}", totals(&spec)[i]);
        // Each column of the split adds up to its year's total: nothing lost, nothing twice.
        let column: f64 = spec.table.rows.iter().map(|r| if let Cell::Number(n) = r[i + 1] { n } else { 0.0 }).sum();
        assert!(close(column, expected), "{year}: split {column} vs {expected}");
    }
    assert!(spec.summary.starts_with(&format!("From {} to {}: ", years[0], years[1])), "{}", spec.summary);
    assert!(spec.summary.contains("a change of "), "{}", spec.summary);
    // The data stop within the later year: the summary says so.
    let as_of = doc["metadata"]["data_as_of"].as_str().unwrap();
    if as_of.starts_with(&years[1]) {
        assert!(spec.summary.ends_with(&format!("{} is covered only up to {as_of}, the date of the data.", years[1])), "{}", spec.summary);
    }
}

#[test]
fn two_donors_named_by_country_compare_with_the_difference() {
    let (doc, store) = load("cooperation-lac.json");
    let es = PlainLocale { lang: Lang::Es, currency: "USD".into() };
    let spec = chart(&store, &Filter::default(), &Compare::parse("donor:JPN,DEU").unwrap(), &es);
    assert_eq!(spec.series.iter().map(|s| s.key.as_str()).collect::<Vec<_>>(), ["gov-JPN", "gov-DEU"]);
    let (jpn, deu) = (funding(&doc, |c| c["donor"]["id"] == "gov-JPN"), funding(&doc, |c| c["donor"]["id"] == "gov-DEU"));
    assert!(close(totals(&spec)[0], jpn) && close(totals(&spec)[1], deu), "{:?} vs {jpn} {deu}", totals(&spec));
    assert!(jpn > 0.0 && deu > 0.0 && jpn != deu);
    // Split by recipient: where each gave.
    assert_eq!(spec.table.columns[0].label, "Receptor");
    assert!(spec.summary.contains(" más ("), "{}", spec.summary);
}

#[test]
fn fewer_than_two_items_leave_the_comparison_out_with_a_reason() {
    let (_, store) = load("fts-afghanistan-2020.json");
    let en = PlainLocale { lang: Lang::En, currency: "USD".into() };
    // One year only in this dataset; an unknown donor.
    for c in ["year", "donor:nobody,gov-XXX"] {
        let spec = chart(&store, &Filter::default(), &Compare::parse(c).unwrap(), &en);
        assert!(spec.omitted.as_deref().is_some_and(|r| r.starts_with("To compare, choose two to four")), "{c}: {:?}", spec.omitted);
    }
}
