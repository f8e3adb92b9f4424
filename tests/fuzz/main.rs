//! Mutation fuzzing of every loader, seeded with real files: each input is a seed changed a few
//! random ways (bytes flipped, replaced by JSON/XML/CSV syntax, spans deleted, repeated or spliced
//! from another seed, numbers made extreme, the end cut). A loader may refuse an input — that is
//! its job — but must never panic. `cargo test` runs a short smoke of each target; `make fuzz` runs
//! millions (FUZZ_EXECUTIONS per target) and prints executions per target for docs/fuzzing.md.
//! An input that panics is written to `target/fuzz-crashes/` and fails the run: turn it into a
//! regression test.

use alianzas::core::analysis::query::Filter;
use alianzas::core::analysis::store::Store;
use alianzas::core::charts::spec::{build_view, PlainLocale};
use alianzas::core::charts::urlstate::UrlState;
use alianzas::core::format::catalog::Catalog;
use alianzas::core::format::validate::parse_dataset;
use alianzas::core::import::{aiddata, csv, fts, hxl, iati, rates::RateTable};
use alianzas::core::locale::lang::Lang;
use alianzas::core::tools::synthetic::Rng;
use std::panic::{catch_unwind, AssertUnwindSafe};
use support::{test_metadata, CRS_COLUMN_MAP};

/// The integration tests' shared fixtures (this binary uses a few of them).
#[allow(dead_code)]
#[path = "../it/support.rs"]
mod support;
use std::time::Instant;

/// Bytes that matter to the formats read: their syntax, and values that break naive code.
const TOKENS: &[&[u8]] = &[
    b"\"",
    b"{",
    b"}",
    b"[",
    b"]",
    b",",
    b":",
    b"-",
    b"0",
    b"\n",
    b"\r\n",
    b"<",
    b">",
    b"/",
    b"&amp;",
    b"=",
    b"#",
    b"\t",
    b"null",
    b"-1",
    b"1e308",
    b"-1e308",
    b"NaN",
    b"9999999999999999999999",
    b"0.0000001",
    b"\xC3\xA9",
    b"\xF0\x9F\x8C\x8D",
    b"\xFF",
    b"\"\"",
    b"<![CDATA[",
    b"]]>",
    b"<!--",
    b"-->",
    b"#value",
    b"2020-13-45",
    b"1900-01-01",
    b"2100-12-31",
];

/// One mutated input: a seed changed one to four times.
fn mutate(rng: &mut Rng, seeds: &[Vec<u8>]) -> Vec<u8> {
    let mut data = seeds[rng.below(seeds.len())].clone();
    for _ in 0..1 + rng.below(4) {
        let len = data.len();
        let at = rng.below(len + 1);
        match rng.below(7) {
            0 if len > 0 => data[at.min(len - 1)] ^= 1 << rng.below(8),
            1 => {
                let token = TOKENS[rng.below(TOKENS.len())];
                let end = (at + rng.below(4)).min(len);
                data.splice(at..end, token.iter().copied());
            }
            2 if len > 0 => {
                let end = (at + 1 + rng.below(64)).min(len);
                data.drain(at.min(end)..end);
            }
            3 if len > 0 => {
                let start = rng.below(len);
                let end = (start + 1 + rng.below(256)).min(len);
                let span = data[start..end].to_vec();
                data.splice(at..at, span);
            }
            4 => {
                let other = &seeds[rng.below(seeds.len())];
                if !other.is_empty() {
                    let start = rng.below(other.len());
                    let end = (start + 1 + rng.below(512)).min(other.len());
                    let cut = (at + rng.below(512)).min(len);
                    data.splice(at..cut, other[start..end].iter().copied());
                }
            }
            5 => {
                // A number made extreme.
                if let Some(pos) = data.iter().skip(at).position(u8::is_ascii_digit) {
                    let start = at + pos;
                    let end = start + data[start..].iter().take_while(|b| b.is_ascii_digit() || **b == b'.').count();
                    let extreme = [&b"0"[..], b"-0", b"1e400", b"18446744073709551616", b"3.4e38", b"-7"][rng.below(6)];
                    data.splice(start..end, extreme.iter().copied());
                }
            }
            _ => data.truncate(at),
        }
    }
    data
}

fn read(path: &str) -> Vec<u8> {
    std::fs::read(format!("{}/{path}", env!("CARGO_MANIFEST_DIR"))).unwrap_or_else(|e| panic!("seed {path}: {e}"))
}

/// The first `n` lines of a file: small seeds make fast executions.
fn head(path: &str, n: usize) -> Vec<u8> {
    let text = String::from_utf8_lossy(&read(path)).into_owned();
    text.lines().take(n).collect::<Vec<_>>().join("\n").into_bytes()
}

/// The first `n` lines of a gzip-compressed file.
fn gz_head(path: &str, n: usize) -> Vec<u8> {
    use std::io::Read;
    let mut text = String::new();
    flate2::read::GzDecoder::new(&read(path)[..]).read_to_string(&mut text).unwrap();
    text.lines().take(n).collect::<Vec<_>>().join("\n").into_bytes()
}

type Target = (&'static str, Vec<Vec<u8>>, fn(&[u8]));

fn targets() -> Vec<Target> {
    let fts_pages = "data/sources/fts-afghanistan-2020/custom-search-locationid-1-year-2020-page-3.json";
    // One real flow of each boundary, as a whole FTS answer.
    let fts_seed = {
        let doc: serde_json::Value = serde_json::from_slice(&read(fts_pages)).unwrap();
        let flows: Vec<serde_json::Value> = doc["data"]["flows"].as_array().unwrap().iter().take(4).cloned().collect();
        serde_json::json!({"data": {"flows": flows}}).to_string().into_bytes()
    };
    vec![
        ("dataset", vec![read("tests/fixtures/small.json"), read("tests/fixtures/broken.json"), read("tests/fixtures/hostile.json")], |b| {
            if let Ok(ds) = parse_dataset(&String::from_utf8_lossy(b)) {
                // A valid dataset goes all the way to the charts.
                let store = Store::from_dataset(&ds);
                build_view(&store, &Filter::default(), &PlainLocale { lang: Lang::Ar, currency: ds.metadata.currency.clone() });
            }
        }),
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
                    .filter_map(|m| {
                        std::fs::read(format!("{}/tests/fixtures/aiddata-mini/{m}", env!("CARGO_MANIFEST_DIR"))).ok().map(|bytes| (m.to_string(), bytes))
                    })
                    .collect();
            let member = if b.starts_with(b"\"transaction_id\"") || b.starts_with(b"transaction_id") { "data/transactions.csv" } else { "data/projects.csv" };
            release.insert(member.to_string(), b.to_vec());
            let _ = aiddata::import(&release, aiddata::Options { metadata: test_metadata(), name: "fuzz".into() });
        }),
        ("rates", vec![read("tests/fixtures/ecb-rates-extract.csv")], |b| {
            if let Ok(t) = RateTable::from_ecb_csv(&String::from_utf8_lossy(b), "fuzz") {
                let _ = t.rate("GBP", "USD", "2017-12-16");
                let _ = t.rate("EUR", "KRW", "2020-03-15");
            }
        }),
    ]
}

fn main() {
    let executions: u64 = std::env::var("FUZZ_EXECUTIONS").ok().and_then(|n| n.parse().ok()).unwrap_or(3_000);
    let only = std::env::var("FUZZ_TARGET").ok();
    let seed: u64 = std::env::var("FUZZ_SEED").ok().and_then(|n| n.parse().ok()).unwrap_or(0x9E37_79B9_7F4A_7C15);
    std::panic::set_hook(Box::new(|_| {}));
    let mut failed = false;
    println!("| target | executions | seconds | panics |\n|---|---:|---:|---:|");
    for (name, seeds, run) in targets() {
        if only.as_deref().is_some_and(|o| o != name) {
            continue;
        }
        let mut rng = Rng::new(seed ^ name.bytes().fold(0u64, |h, b| h.wrapping_mul(31).wrapping_add(b as u64)));
        let start = Instant::now();
        let mut panics = 0;
        for seed_input in &seeds {
            if catch_unwind(AssertUnwindSafe(|| run(seed_input))).is_err() {
                panic!("{name}: an unchanged seed panics");
            }
        }
        for _ in 0..executions {
            let input = mutate(&mut rng, &seeds);
            if catch_unwind(AssertUnwindSafe(|| run(&input))).is_err() {
                panics += 1;
                let dir = format!("{}/target/fuzz-crashes", env!("CARGO_MANIFEST_DIR"));
                let _ = std::fs::create_dir_all(&dir);
                let hash = input.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, b| (h ^ *b as u64).wrapping_mul(0x100_0000_01b3));
                let _ = std::fs::write(format!("{dir}/{name}-{hash:016x}"), &input);
            }
        }
        println!("| {name} | {executions} | {:.1} | {panics} |", start.elapsed().as_secs_f64());
        failed |= panics > 0;
    }
    if failed {
        eprintln!("inputs that panic are in target/fuzz-crashes/: make each a regression test");
        std::process::exit(1);
    }
}
