//! The fuzz targets: every loader, each with its real seeds. Shared by the mutation fuzzer
//! (`tests/fuzz/main.rs`, in `cargo test`) and the coverage-guided libFuzzer build (`fuzz/`).
//! A loader may refuse an input — that is its job — but must never panic.

use crate::support::{test_metadata, CRS_COLUMN_MAP};
use alianzas::core::analysis::query::Filter;
use alianzas::core::analysis::store::Store;
use alianzas::core::charts::spec::{build_view, PlainLocale};
use alianzas::core::charts::urlstate::UrlState;
use alianzas::core::format::catalog::Catalog;
use alianzas::core::format::validate::parse_dataset;
use alianzas::core::import::{aiddata, csv, fts, fts_series, hxl, iati, rates::RateTable};
use alianzas::core::locale::lang::Lang;
use std::path::{Path, PathBuf};

/// The project's root, from this crate or from `fuzz/` beside it.
pub fn root() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    if dir.ends_with("fuzz") {
        dir.parent().unwrap().to_path_buf()
    } else {
        dir.to_path_buf()
    }
}

pub fn read(path: &str) -> Vec<u8> {
    std::fs::read(root().join(path)).unwrap_or_else(|e| panic!("seed {path}: {e}"))
}

/// The first `n` lines of a file: small seeds make fast executions.
fn head(path: &str, n: usize) -> Vec<u8> {
    let text = String::from_utf8_lossy(&read(path)).into_owned();
    text.lines().take(n).collect::<Vec<_>>().join("\n").into_bytes()
}

/// The first `first` and the last `last` lines of a file.
fn head_and_tail(path: &str, first: usize, last: usize) -> Vec<u8> {
    let text = String::from_utf8_lossy(&read(path)).into_owned();
    let lines: Vec<&str> = text.lines().collect();
    lines[..first].iter().chain(&lines[lines.len() - last..]).copied().collect::<Vec<_>>().join("\n").into_bytes()
}

/// The first `n` lines of a gzip-compressed file.
fn gz_head(path: &str, n: usize) -> Vec<u8> {
    use std::io::Read;
    let mut text = String::new();
    flate2::read::GzDecoder::new(&read(path)[..]).read_to_string(&mut text).unwrap();
    text.lines().take(n).collect::<Vec<_>>().join("\n").into_bytes()
}

pub type Target = (&'static str, Vec<Vec<u8>>, fn(&[u8]));

pub fn targets() -> Vec<Target> {
    let fts_pages = "data/sources/fts-afghanistan-2020/custom-search-locationid-1-year-2020-page-3.json";
    // One real flow of each boundary, as a whole FTS answer.
    let fts_seed = {
        let doc: serde_json::Value = serde_json::from_slice(&read(fts_pages)).unwrap();
        let flows: Vec<serde_json::Value> = doc["data"]["flows"].as_array().unwrap().iter().take(4).cloned().collect();
        serde_json::json!({"data": {"flows": flows}}).to_string().into_bytes()
    };
    // The same small dataset in the columnar encoding, its indexes as arrays and packed, so
    // mutations reach their checks too.
    let small = parse_dataset(&String::from_utf8_lossy(&read("tests/fixtures/small.json"))).unwrap();
    let columnar_seed = serde_json::to_vec(&alianzas::core::format::columnar::encode(&small)).unwrap();
    let packed_seed = serde_json::to_vec(&alianzas::core::format::columnar::encode_packed(&small)).unwrap();
    vec![
        (
            "dataset",
            vec![read("tests/fixtures/small.json"), read("tests/fixtures/broken.json"), read("tests/fixtures/hostile.json"), columnar_seed, packed_seed],
            |b| {
                if let Ok(ds) = parse_dataset(&String::from_utf8_lossy(b)) {
                    // A valid dataset goes all the way to the charts.
                    let store = Store::from_dataset(&ds);
                    build_view(&store, &Filter::default(), &PlainLocale { lang: Lang::Ar, currency: ds.metadata.currency.clone() });
                }
            },
        ),
        ("fts", vec![fts_seed, read("tests/fixtures/fts-unknown-place.json")], |b| {
            let text = String::from_utf8_lossy(b);
            let _ = fts::import(&[fts::Input { name: "fuzz.json", text: &text }], fts::Options { metadata: test_metadata(), locations: None, plans: None });
        }),
        ("iati", vec![read("tests/fixtures/iati-reductions.xml"), head("data/sources/unhcr-iati-2023-americas/UNHCR-Activities-2023.xml", 80)], |b| {
            let options = iati::Options { metadata: test_metadata(), budgets_as_requirements: true, ..Default::default() };
            let _ = iati::import(b, "fuzz.xml", options);
        }),
        (
            "hxl",
            vec![
                read("data/sources/fts-afghanistan-2020/fts_requirements_funding_afg.csv"),
                head("data/sources/fts-afghanistan-2020/fts_incoming_funding_afg.csv", 12),
                head("data/sources/fts-requirements-funding-global/fts_requirements_funding_global.csv", 12),
            ],
            |b| {
                let _ = hxl::import_hxl(b, "fuzz.csv", hxl::HxlOptions { metadata: test_metadata(), ..Default::default() });
            },
        ),
        ("csv", vec![head("data/sources/oecd-crs-pacific-mine-action/security_assistance_by_provider_year.csv", 12)], |b| {
            let map = csv::ColumnMap::parse(&CRS_COLUMN_MAP.map(String::from)).unwrap();
            let filters = vec![csv::RowFilter::parse("sector_code=15250").unwrap()];
            let _ = csv::import_csv(b, "fuzz.csv", csv::CsvOptions { metadata: test_metadata(), map, filters });
        }),
        (
            "url-state",
            vec![
                b"?lang=ar&dataset=mine-action&from=2023&to=2021&donor=gov-DEU,gov-NOR&measure=disbursed&period=half&embed=donors".to_vec(),
                b"data=https%3A%2F%2Fexample.org%2Fd.json&patterns=1".to_vec(),
            ],
            |b| {
                let s = UrlState::from_query(&String::from_utf8_lossy(b));
                // Written and read again, the state is the same.
                assert_eq!(UrlState::from_query(&s.to_query()), s, "URL state does not survive a round trip");
            },
        ),
        ("catalog", vec![read("public/data/catalog.json")], |b| {
            if let Ok(c) = serde_json::from_slice::<Catalog>(b) {
                let _ = c.default_entry();
            }
        }),
        (
            "iati-datastore",
            vec![
                gz_head("data/sources/iati-mine-action/iati_mine_action_activities.jsonl.gz", 3),
                gz_head("data/sources/iati-south-south/iati_south_south_activities.jsonl.gz", 2),
            ],
            |b| {
                let _ = iati::import_datastore(b, "fuzz.jsonl", iati::Options { metadata: test_metadata(), ..Default::default() });
            },
        ),
        // The release's tables, mutated one at a time: the transactions, then the projects.
        ("aiddata", vec![read("tests/fixtures/aiddata-mini/data/transactions.csv"), read("tests/fixtures/aiddata-mini/data/projects.csv")], |b| {
            let mut release: std::collections::BTreeMap<String, Vec<u8>> =
                ["datapackage.json", "data/projects.csv", "data/transactions.csv", "data/locations.csv", "data/projects_ancillary.csv"]
                    .into_iter()
                    .filter_map(|m| std::fs::read(root().join("tests/fixtures/aiddata-mini").join(m)).ok().map(|bytes| (m.to_string(), bytes)))
                    .collect();
            let member = if b.starts_with(b"\"transaction_id\"") || b.starts_with(b"transaction_id") { "data/transactions.csv" } else { "data/projects.csv" };
            release.insert(member.to_string(), b.to_vec());
            let _ = aiddata::import(&release, aiddata::Options { metadata: test_metadata(), name: "fuzz".into() });
        }),
        // The first and the last rows of the Ebola series: two snapshots, so flows are followed.
        ("fts-snapshots", vec![head_and_tail("data/sources/fts-ebola-pledges-2014/fts_ebola_flows_snapshots_2014-2015.csv", 8, 8)], |b| {
            let options = fts_series::Options { metadata: test_metadata(), until: None };
            let _ = fts_series::import(&String::from_utf8_lossy(b), "fuzz.csv", options);
        }),
        ("rates", vec![read("tests/fixtures/ecb-rates-extract.csv")], |b| {
            if let Ok(t) = RateTable::from_ecb_csv(&String::from_utf8_lossy(b), "fuzz") {
                let _ = t.rate("GBP", "USD", "2017-12-16");
                let _ = t.rate("EUR", "KRW", "2020-03-15");
            }
        }),
    ]
}
