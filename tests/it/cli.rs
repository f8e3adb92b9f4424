//! The `alianzas` binary as a publisher runs it.

use serde_json::Value;
use std::process::{Command, Output};

fn alianzas(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_alianzas")).args(args).current_dir(env!("CARGO_MANIFEST_DIR")).output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

const SNAPSHOT: &str = "public/data/fts-afghanistan-2020.json";

#[test]
fn validate_accepts_the_bundled_snapshot() {
    let o = alianzas(&["validate", SNAPSHOT, "tests/fixtures/small.json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(stdout(&o).contains("fts-afghanistan-2020.json: valid (311 contributions, 1 requirements)"), "{}", stdout(&o));
}

#[test]
fn validate_lists_every_error_with_its_location_and_fails() {
    let o = alianzas(&["validate", "tests/fixtures/broken.json"]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert!(out.contains("broken.json: 13 problem(s)"), "{out}");
    assert!(out.contains("  /contributions/0/obligations: shares add up to 1.2, they must add up to 1"), "{out}");
    assert!(out.contains("  /contributions/1/model: unknown code \"friendship\" in the model list"), "{out}");
    let es = stdout(&alianzas(&["validate", "--lang", "es", "tests/fixtures/broken.json"]));
    assert!(es.contains("/contributions/1/amount: el importe no puede ser negativo"), "{es}");
    let missing = alianzas(&["validate", "tests/fixtures/does-not-exist.json"]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(stdout(&missing).contains("cannot read"));
}

#[test]
fn summarize_by_status_reproduces_fts_totals() {
    let o = alianzas(&["summarize", SNAPSHOT, "--by", "status", "--format", "json"]);
    assert_eq!(o.status.code(), Some(0));
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["by"], "status");
    assert_eq!(v["currency"], "USD");
    let group = |key: &str| v["groups"].as_array().unwrap().iter().find(|g| g["key"] == key).cloned().unwrap_or(Value::Null);
    assert_eq!(group("disbursed")["label"], "Disbursed");
    let (committed, disbursed) = (group("committed")["amount"].as_f64().unwrap(), group("disbursed")["amount"].as_f64().unwrap());
    // FTS's own incoming.fundingTotal for Afghanistan 2020 in the saved API responses.
    assert_eq!(committed + disbursed, 725_591_299.0);
    assert_eq!(v["total"].as_f64().unwrap(), 725_591_299.0);
    let counts: u64 = v["groups"].as_array().unwrap().iter().map(|g| g["count"].as_u64().unwrap()).sum();
    assert_eq!(counts, 311);
}

#[test]
fn summarize_other_dimensions_and_stages() {
    let v: Value = serde_json::from_slice(&alianzas(&["summarize", "tests/fixtures/small.json", "--by", "obligation", "--format", "json"]).stdout).unwrap();
    assert_eq!(v["total"].as_f64(), Some(1850.0));
    assert_eq!(v["pledged"].as_f64(), Some(2000.0));
    assert_eq!(v["groups"][0]["key"], "clearance");
    assert_eq!(v["groups"][0]["amount"].as_f64(), Some(1100.0));
    let p: Value =
        serde_json::from_slice(&alianzas(&["summarize", "tests/fixtures/small.json", "--by", "recipient", "--status", "pledged", "--format", "json"]).stdout)
            .unwrap();
    assert_eq!(p["measure"], "pledged");
    assert_eq!(p["groups"][0]["key"], "GTM");
    assert_eq!(p["total"].as_f64(), Some(2000.0));
    let table = stdout(&alianzas(&["summarize", "tests/fixtures/small.json", "--by", "region", "--year", "2024"]));
    assert!(table.contains("Central America and Mexico"), "{table}");
    assert!(table.contains("350"), "{table}");
    let bad = alianzas(&["summarize", "tests/fixtures/broken.json", "--by", "year"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("not a valid dataset"));
}

#[test]
fn import_writes_a_valid_dataset_and_a_balanced_report() {
    let dir = std::env::temp_dir().join(format!("alianzas-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (out, report) = (dir.join("out.json"), dir.join("report.json"));
    let src = "data/sources/fts-afghanistan-2020";
    let o = alianzas(&[
        "import",
        "--from",
        "fts",
        &format!("{src}/custom-search-locationid-1-year-2020.json"),
        &format!("{src}/custom-search-locationid-1-year-2020-page-2.json"),
        &format!("{src}/custom-search-locationid-1-year-2020-page-3.json"),
        "-o",
        out.to_str().unwrap(),
        "--report",
        report.to_str().unwrap(),
        "--id",
        "x",
        "--title",
        "x",
        "--publisher",
        "OCHA FTS",
        "--source-url",
        "https://fts.unocha.org",
        "--licence",
        "x",
        "--dataset-version",
        "1",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(alianzas(&["validate", out.to_str().unwrap()]).status.code(), Some(0));
    let r: Value = serde_json::from_str(&std::fs::read_to_string(&report).unwrap()).unwrap();
    let skipped: u64 = r["skipped"].as_object().unwrap().values().map(|v| v.as_u64().unwrap()).sum();
    assert_eq!(r["read"].as_u64().unwrap(), r["imported"].as_u64().unwrap() + skipped + r["rejected"].as_array().unwrap().len() as u64);
    assert_eq!(r["read"], 484);
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn generate_is_deterministic_and_valid() {
    let dir = std::env::temp_dir().join(format!("alianzas-gen-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (a, b, c) = (dir.join("a.json"), dir.join("b.json"), dir.join("c.json"));
    for (path, seed) in [(&a, "7"), (&b, "7"), (&c, "8")] {
        assert_eq!(alianzas(&["generate", "--records", "500", "--seed", seed, "-o", path.to_str().unwrap()]).status.code(), Some(0));
    }
    let read = |p: &std::path::Path| std::fs::read(p).unwrap();
    assert_eq!(read(&a), read(&b));
    assert_ne!(read(&a), read(&c));
    assert_eq!(alianzas(&["validate", a.to_str().unwrap()]).status.code(), Some(0));
    let v: Value = serde_json::from_slice(&read(&a)).unwrap();
    assert_eq!(v["contributions"].as_array().unwrap().len(), 500);
    assert!(v["metadata"]["title"].as_str().unwrap().contains("SYNTHETIC"));
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn diff_reports_what_changed_between_two_snapshots() {
    let dir = std::env::temp_dir().join(format!("alianzas-diff-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let before = std::fs::read_to_string(format!("{}/tests/fixtures/small.json", env!("CARGO_MANIFEST_DIR"))).unwrap();
    let mut v: Value = serde_json::from_str(&before).unwrap();
    // The pledge c4 is now committed; c5 is withdrawn; c6 is new.
    v["contributions"][3]["status"] = "committed".into();
    let mut c6 = v["contributions"][2].clone();
    c6["id"] = "c6".into();
    c6["amount"] = 70.into();
    let list = v["contributions"].as_array_mut().unwrap();
    list.remove(4);
    list.push(c6);
    v["metadata"]["dataset_version"] = "2".into();
    let after = dir.join("after.json");
    std::fs::write(&after, v.to_string()).unwrap();
    let o = alianzas(&["diff", "tests/fixtures/small.json", after.to_str().unwrap(), "--format", "json"]);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let d: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(d["added"], serde_json::json!(["c6"]));
    assert_eq!(d["removed"], serde_json::json!(["c5"]));
    assert_eq!(d["changed"][0]["id"], "c4");
    assert_eq!(d["changed"][0]["fields"], serde_json::json!(["status"]));
    assert_eq!(d["totals_before"]["funding"].as_f64(), Some(1850.0));
    assert_eq!(d["totals_after"]["funding"].as_f64(), Some(1850.0 - 50.0 + 70.0 + 2000.0));
    assert_eq!(d["totals_after"]["pledged"].as_f64(), Some(0.0));
    let table = stdout(&alianzas(&["diff", "tests/fixtures/small.json", after.to_str().unwrap()]));
    assert!(table.contains("1 new, 1 removed, 1 changed"), "{table}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn serve_gives_files_of_its_folder_only() {
    use std::io::{BufRead, BufReader, Read, Write};
    let mut child = Command::new(env!("CARGO_BIN_EXE_alianzas"))
        .args(["serve", "tests/fixtures", "--port", "0"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut first).unwrap();
    let addr = first.split("http://").nth(1).unwrap().trim().trim_end_matches(|c| c != '/').trim_end_matches('/').split(' ').next().unwrap().to_string();
    assert!(addr.starts_with("127.0.0.1:"), "{first}");
    let get = |path: &str| {
        let mut s = std::net::TcpStream::connect(&addr).unwrap();
        write!(s, "GET {path} HTTP/1.0\r\nHost: x\r\n\r\n").unwrap();
        let mut out = String::new();
        s.read_to_string(&mut out).unwrap();
        out
    };
    let ok = get("/small.json");
    assert!(ok.starts_with("HTTP/1.0 200") || ok.starts_with("HTTP/1.1 200"), "{ok}");
    assert!(ok.contains("application/json") && ok.contains("Hand-made test fixture"));
    assert!(get("/../Cargo.toml").contains(" 404"));
    assert!(get("/nothing.json").contains(" 404"));
    child.kill().ok();
    child.wait().ok();
}

/// Every error a publisher can get from the CLI is a sentence that says what is wrong and where,
/// never a Rust debug dump or a panic.
#[test]
fn every_error_is_a_sentence_not_a_debug_dump() {
    let meta = ["--id", "x", "--title", "x", "--publisher", "p", "--source-url", "https://example.org", "--licence", "l", "--dataset-version", "1"];
    let out = std::env::temp_dir().join("alianzas-cli-errors.json");
    let out = out.to_str().unwrap();
    let with_meta = |args: &[&str]| -> Vec<String> { args.iter().chain(meta.iter()).chain(["-o", out].iter()).map(|s| s.to_string()).collect() };
    let cases: Vec<(Vec<String>, &str)> = vec![
        // Every flow rejected (a place no table knows): says so, the first reason, and which flag is missing.
        (with_meta(&["import", "--from", "fts", "tests/fixtures/fts-unknown-place.json"]), "--data-as-of"),
        (with_meta(&["import", "--from", "fts", "tests/fixtures/does-not-exist.json"]), "cannot read"),
        (with_meta(&["import", "--from", "fts", "tests/fixtures/not-json.json"]), "not-json.json"),
        (with_meta(&["import", "--from", "iati", "tests/fixtures/not-json.json"]), "not-json.json"),
        (with_meta(&["import", "--from", "hxl", "tests/fixtures/small.json"]), "small.json"),
        (with_meta(&["import", "--from", "csv", "tests/fixtures/small.json", "--map", "nonsense"]), "--map"),
        (vec!["summarize".into(), "tests/fixtures/broken.json".into(), "--by".into(), "donor".into()], "broken.json"),
        (vec!["diff".into(), "tests/fixtures/small.json".into(), "tests/fixtures/not-json.json".into()], "not-json.json"),
        (with_meta(&["merge", "tests/fixtures/broken.json"]), "broken.json"),
    ];
    for (args, names) in cases {
        let o = Command::new(env!("CARGO_BIN_EXE_alianzas")).args(&args).current_dir(env!("CARGO_MANIFEST_DIR")).output().unwrap();
        let err = String::from_utf8_lossy(&o.stderr).into_owned() + &String::from_utf8_lossy(&o.stdout);
        assert_ne!(o.status.code(), Some(0), "{args:?} should fail");
        for dump in ["Some(", "{ pointer", "Err(", "Ok(", "panicked", "ValidationError", "Problem::"] {
            assert!(!err.contains(dump), "{args:?} printed a debug dump ({dump}):\n{err}");
        }
        assert!(err.contains(names), "{args:?}: the message should name {names:?}:\n{err}");
        assert!(err.trim_end().ends_with('.') || err.contains("Usage:"), "{args:?}: not a sentence:\n{err}");
    }
}

#[test]
fn an_iati_import_converts_by_the_ecb_table_and_says_so() {
    let out = std::env::temp_dir().join("alianzas-ecb.json");
    let o = alianzas(&[
        "import",
        "--from",
        "iati",
        "tests/fixtures/iati-reductions.xml",
        "--ecb-rates",
        "tests/fixtures/ecb-rates-extract.csv",
        "--id",
        "de-ffo",
        "--title",
        "t",
        "--publisher",
        "Germany - Federal Foreign Office",
        "--source-url",
        "https://iatistandard.org",
        "--licence",
        "l",
        "--dataset-version",
        "1",
        "-o",
        out.to_str().unwrap(),
    ]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(0), "{err}");
    assert!(
        err.contains("converted 4 amount(s) from EUR by the ECB euro foreign exchange reference rates (ecb-rates-extract.csv) of 2017-08-31 to 2020-03-13"),
        "{err}"
    );
    assert!(err.contains("1 negative transaction(s) netted"), "{err}");
    let ds: Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(ds["metadata"]["exchange_rates"][0]["currency"], "EUR");
    assert!(alianzas(&["validate", out.to_str().unwrap()]).status.success());
}

/// What a source states is not asked for: an FTS file needs no metadata flag at all; a CSV, which
/// states nothing about itself, gets one message naming each flag still needed.
#[test]
fn an_import_asks_only_for_what_its_source_does_not_state() {
    let out = std::env::temp_dir().join("fts-afghanistan-page-1.json");
    let o = alianzas(&["import", "--from", "fts", "data/sources/fts-afghanistan-2020/custom-search-locationid-1-year-2020.json", "-o", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let ds: Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    let m = &ds["metadata"];
    assert_eq!(m["id"], "fts-afghanistan-page-1", "the id comes from the output file");
    assert_eq!(m["publisher"], "OCHA Financial Tracking Service (FTS)");
    assert_eq!(m["source_url"], "https://fts.unocha.org");
    assert_eq!(m["data_as_of"], m["dataset_version"], "the version defaults to the data date");
    assert!(m["licence"].as_str().unwrap().contains("fts.unocha.org"));

    let o = alianzas(&["import", "--from", "hxl", "data/sources/fts-afghanistan-2020/fts_requirements_funding_afg.csv", "-o", out.to_str().unwrap()]);
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2));
    for flag in ["--publisher", "--source-url", "--licence", "--title", "--data-as-of"] {
        assert!(err.contains(flag), "{flag} not named: {err}");
    }
    assert!(!err.contains("--id") && !err.contains("--dataset-version"), "defaults are not asked for: {err}");
}

#[test]
fn import_from_aiddata_reads_a_release_folder_and_names_what_is_missing() {
    let dir = std::env::temp_dir().join(format!("alianzas-cli-aiddata-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (out, report) = (dir.join("colombia.json"), dir.join("colombia.report.json"));
    let o = alianzas(&["import", "--from", "aiddata", "data/sources/colombia-aims-2016", "-o", out.to_str().unwrap(), "--report", report.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(0), "{stderr}");
    assert!(stderr.contains("read 693, imported 638, skipped 55, rejected 0"), "{stderr}");
    assert_eq!(alianzas(&["validate", out.to_str().unwrap()]).status.code(), Some(0));
    let r: Value = serde_json::from_str(&std::fs::read_to_string(&report).unwrap()).unwrap();
    let skipped: u64 = r["skipped"].as_object().unwrap().values().map(|v| v.as_u64().unwrap()).sum();
    assert_eq!(r["read"].as_u64().unwrap(), r["imported"].as_u64().unwrap() + skipped + r["rejected"].as_array().unwrap().len() as u64);
    assert_eq!(r["skipped"]["aiddata-project-without-amounts"], 55);
    // Not a release: the message says what a release holds, in words.
    let bad = alianzas(&["import", "--from", "aiddata", "tests/it", "-o", out.to_str().unwrap()]);
    assert_eq!(bad.status.code(), Some(2));
    let e = String::from_utf8_lossy(&bad.stderr);
    assert!(e.contains("has no data/projects.csv") && e.contains("data/transactions.csv"), "{e}");
    std::fs::remove_dir_all(&dir).ok();
}
