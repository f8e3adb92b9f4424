//! The columnar encoding (docs/dataset-format.md): exactly the dataset v1 it encodes, checked for
//! its own structure, then validated as v1.

use alianzas::core::format::columnar::{self, COLUMNAR_FORMAT_NAME};
use alianzas::core::format::validate::{parse_dataset, Problem};
use serde_json::{json, Value};
use std::process::Command;

use crate::support::bundled;

#[test]
fn every_bundled_dataset_survives_both_ways_to_the_byte() {
    let files = bundled();
    assert!(files.len() >= 8, "{} bundled datasets", files.len());
    let mut columns_seen = std::collections::BTreeSet::new();
    for (name, text) in files {
        let ds = parse_dataset(&text).unwrap_or_else(|e| panic!("{name}: {e:?}"));
        // Both forms of the indexes: JSON arrays, and packed as the CLI writes them.
        for (form, doc) in [("array", columnar::encode(&ds)), ("packed", columnar::encode_packed(&ds))] {
            let encoded = serde_json::to_string(&doc).unwrap();
            let as_value: Value = serde_json::from_str(&encoded).unwrap();
            assert_eq!(as_value["format"], COLUMNAR_FORMAT_NAME, "{name}");
            if !ds.contributions.is_empty() {
                assert_eq!(as_value["contributions"]["donor"]["index"].is_string(), form == "packed", "{name}: {form}");
            }
            columns_seen.extend(as_value["contributions"].as_object().unwrap().keys().cloned());
            let back = parse_dataset(&encoded).unwrap_or_else(|e| panic!("{name} decoded ({form}): {e:?}"));
            assert_eq!(back, ds, "{name}: the decoded dataset differs ({form})");
            // Written as v1 again, it is the shipped file, digit for digit.
            assert_eq!(serde_json::to_string(&back).unwrap() + "\n", text, "{name}: v1 text differs after the round trip ({form})");
        }
    }
    // The bundled datasets exercise every optional column at least once.
    for column in ["date", "places", "history", "model_rule", "model_evidence", "obligation_rule", "obligation_evidence", "plan", "description"] {
        assert!(columns_seen.contains(column), "no bundled dataset has a {column} column: {columns_seen:?}");
    }
}

#[test]
fn repeated_values_are_written_once() {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/public/data/iati-mine-action.json")).unwrap();
    let ds = parse_dataset(&text).unwrap();
    let encoded = columnar::encode(&ds);
    // A donor is one value: the same id written with two names is two.
    let donors: std::collections::HashSet<String> = ds.contributions.iter().map(|c| serde_json::to_string(&c.donor).unwrap()).collect();
    assert_eq!(encoded.contributions.donor.values.len(), donors.len());
    assert_eq!(encoded.contributions.donor.index.len(), ds.contributions.len());
    let years: std::collections::HashSet<i32> = ds.contributions.iter().map(|c| c.year).collect();
    assert_eq!(encoded.contributions.year.values.len(), years.len());
    // A column no record uses is left out of the file rather than written as nulls.
    assert!(encoded.contributions.objectives.is_absent());
    assert!(serde_json::to_string(&encoded).unwrap().len() * 3 < text.len(), "the columnar file is not a third of v1");
}

fn small_columnar() -> Value {
    let ds = parse_dataset(&std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/small.json")).unwrap()).unwrap();
    assert!(ds.contributions.len() >= 3);
    serde_json::to_value(columnar::encode(&ds)).unwrap()
}

fn problems(doc: &Value) -> Vec<(String, Problem)> {
    parse_dataset(&doc.to_string()).unwrap_err().into_iter().map(|e| (e.pointer, e.problem)).collect()
}

#[test]
fn a_column_of_the_wrong_length_or_a_dangling_index_is_located() {
    let mut doc = small_columnar();
    let n = doc["contributions"]["count"].as_u64().unwrap() as usize;
    doc["contributions"]["year"]["index"].as_array_mut().unwrap().pop();
    doc["contributions"]["donor"]["index"][1] = json!(99);
    let found = problems(&doc);
    assert!(found.contains(&("/contributions/year/index".into(), Problem::ColumnLength { expected: n, found: n - 1 })), "{found:?}");
    let donors = doc["contributions"]["donor"]["values"].as_array().unwrap().len();
    assert!(found.contains(&("/contributions/donor/index/1".into(), Problem::IndexOutOfRange { index: 99, values: donors })), "{found:?}");
}

#[test]
fn a_packed_column_is_checked_as_an_array_is_and_a_broken_one_is_located() {
    use alianzas::core::format::packed_index::{pack, unpack};
    let ds = parse_dataset(&std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/small.json")).unwrap()).unwrap();
    let mut doc = serde_json::to_value(columnar::encode_packed(&ds)).unwrap();
    let n = ds.contributions.len();
    let keys = |doc: &Value, column: &str| unpack(doc["contributions"][column]["index"].as_str().unwrap()).unwrap();
    let mut years = keys(&doc, "year");
    years.pop();
    doc["contributions"]["year"]["index"] = json!(pack(&years));
    let mut donors = keys(&doc, "donor");
    donors[1] = 99;
    doc["contributions"]["donor"]["index"] = json!(pack(&donors));
    doc["contributions"]["model"]["index"] = json!("u8:AA*A");
    doc["contributions"]["kind"]["index"] = json!("u24:AAAA");
    let found = problems(&doc);
    let donor_values = doc["contributions"]["donor"]["values"].as_array().unwrap().len();
    let expected = [
        ("/contributions/year/index", Problem::ColumnLength { expected: n, found: n - 1 }),
        ("/contributions/donor/index/1", Problem::IndexOutOfRange { index: 99, values: donor_values }),
        ("/contributions/model/index", Problem::PackedIndex { position: 5 }),
        ("/contributions/kind/index", Problem::PackedIndex { position: 0 }),
    ];
    for (at, problem) in expected {
        assert!(found.contains(&(at.to_string(), problem.clone())), "expected {problem:?} at {at}; found {found:?}");
    }
    assert_eq!(found.len(), 4, "{found:?}");
    // In words, with where it goes wrong.
    let error =
        alianzas::core::format::validate::ValidationError { pointer: "/contributions/model/index".into(), problem: Problem::PackedIndex { position: 5 } };
    assert!(error.message(alianzas::core::locale::lang::Lang::En).contains("character 5"), "{}", error.message(alianzas::core::locale::lang::Lang::En));
}

#[test]
fn content_is_checked_by_the_v1_rules_where_the_file_holds_it() {
    let mut doc = small_columnar();
    doc["contributions"]["amount"][2] = json!(-5.0);
    doc["contributions"]["id"][1] = doc["contributions"]["id"][0].clone();
    doc["contributions"]["model"]["values"][0] = json!("friendship");
    doc["contributions"]["obligations"]["values"][0] = json!([{"id": "clearance", "share": 0.5}]);
    doc["contributions"]["donor"]["values"][0]["type"] = json!("benefactor");
    doc["contributions"]["year"]["values"][0] = json!(1850);
    let id = doc["contributions"]["id"][0].as_str().unwrap().to_string();
    let found = problems(&doc);
    let expected: [(&str, Problem); 6] = [
        ("/contributions/amount/2", Problem::NegativeAmount),
        ("/contributions/id/1", Problem::DuplicateId(id)),
        ("/contributions/model/values/0", Problem::UnknownCode { list: "model", value: "friendship".into() }),
        ("/contributions/obligations/values/0", Problem::SharesSum(0.5)),
        ("/contributions/donor/values/0/type", Problem::UnknownCode { list: "donor type", value: "benefactor".into() }),
        ("/contributions/year/values/0", Problem::YearOutOfRange(1850)),
    ];
    for (at, problem) in expected {
        assert!(found.contains(&(at.to_string(), problem.clone())), "expected {problem:?} at {at}; found {found:?}");
    }
    assert_eq!(found.len(), 6, "{found:?}");
}

#[test]
fn a_document_that_does_not_fit_the_layout_says_where() {
    let mut doc = small_columnar();
    doc["contributions"]["year"]["values"][0] = json!("twenty twenty");
    let found = problems(&doc);
    assert!(
        matches!(&found[..], [(at, Problem::NotJson { line: 1, column, detail })] if at.is_empty() && *column > 0 && detail.contains("expected i32")),
        "{found:?}"
    );
    // `format` given later than the opening is recognised after parsing.
    let mut late = serde_json::Map::new();
    for (k, v) in small_columnar().as_object().unwrap().iter().rev() {
        late.insert(k.clone(), v.clone());
    }
    let text = Value::Object(late).to_string();
    assert!(!text[..200].contains(COLUMNAR_FORMAT_NAME));
    assert!(parse_dataset(&text).is_ok());
}

#[test]
fn the_cli_converts_both_ways_and_validates_columnar_files() {
    let dir = std::env::temp_dir().join(format!("alianzas-columnar-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let run = |args: &[&str]| Command::new(env!("CARGO_BIN_EXE_alianzas")).args(args).current_dir(env!("CARGO_MANIFEST_DIR")).output().unwrap();
    let col = dir.join("mirps.col.json");
    let v1 = dir.join("mirps.json");
    let o = run(&["convert", "public/data/unhcr-mirps-2023.json", "--to", "columnar", "-o", col.to_str().unwrap()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let o = run(&["validate", col.to_str().unwrap()]);
    assert!(String::from_utf8_lossy(&o.stdout).contains("valid ("), "{}", String::from_utf8_lossy(&o.stdout));
    let o = run(&["convert", col.to_str().unwrap(), "--to", "json", "-o", v1.to_str().unwrap()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(std::fs::read(&v1).unwrap(), std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/public/data/unhcr-mirps-2023.json")).unwrap());
    // Every command reads either encoding: the summary is the same.
    let a = run(&["summarize", "public/data/unhcr-mirps-2023.json", "--by", "donor"]);
    let b = run(&["summarize", col.to_str().unwrap(), "--by", "donor"]);
    assert!(!a.stdout.is_empty());
    assert_eq!(a.stdout, b.stdout);
    std::fs::remove_dir_all(&dir).ok();
}

/// Everything a store holds that the page reads, as text (dictionaries by their ids, not their
/// hash maps).
fn store_fingerprint(store: &alianzas::core::analysis::store::Store) -> String {
    use alianzas::core::analysis::store::Dim;
    let columns: Vec<(&[u32], &Vec<String>, String)> =
        Dim::ALL.iter().map(|&d| (store.column(d), &store.dict(d).ids, format!("{:?}", store.coverage(d)))).collect();
    let mut places: Vec<_> = store.place_names.iter().collect();
    places.sort();
    format!(
        "{columns:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{:?}\n{places:?}\n{:?}\n{:?}",
        store.row_contribution,
        store.contribution_ids,
        store.derivations,
        store.rule_texts.ids,
        store.histories,
        store.amount,
        store.plan,
        store.plans.ids,
        store.donors,
        store.region_parent,
        store.model_rules,
        store.obligation_rules,
        store.requirements,
        store.plan_details,
    )
}

#[test]
fn the_store_built_from_the_columns_is_the_store_built_from_the_records() {
    use alianzas::core::analysis::store::Store;
    for (name, text) in bundled() {
        let ds = parse_dataset(&text).unwrap();
        let a = Store::from_dataset(&ds);
        for doc in [columnar::encode(&ds), columnar::encode_packed(&ds)] {
            let encoded = serde_json::to_string(&doc).unwrap();
            let doc = alianzas::core::format::validate::parse_columnar_checked(&encoded).unwrap_or_else(|e| panic!("{name}: {e:?}"));
            let b = Store::from_columnar(&doc);
            assert_eq!(store_fingerprint(&a), store_fingerprint(&b), "{name}");
            assert_eq!(a.contribution_count, b.contribution_count);
        }
    }
}

#[test]
fn the_store_does_not_depend_on_how_a_file_orders_or_repeats_its_values() {
    use alianzas::core::analysis::store::Store;
    for (name, text) in bundled() {
        let ds = parse_dataset(&text).unwrap();
        let mut doc = serde_json::to_value(columnar::encode(&ds)).unwrap();
        // Each column's values written last first, its first value written twice more: once
        // unused, once under a second key for every other record that holds it.
        for (_, column) in doc["contributions"].as_object_mut().unwrap().iter_mut() {
            let Some(values) = column.get("values").and_then(Value::as_array).cloned() else { continue };
            if values.is_empty() {
                continue;
            }
            let last = values.len() as u64 - 1;
            let mut reordered: Vec<Value> = values.iter().rev().cloned().collect();
            reordered.extend([values[0].clone(), values[0].clone()]);
            let index: Vec<u64> = column["index"]
                .as_array()
                .unwrap()
                .iter()
                .enumerate()
                .map(|(i, k)| match k.as_u64().unwrap() {
                    0 if i % 2 == 1 => last + 2,
                    k => last - k,
                })
                .collect();
            column["values"] = Value::from(reordered);
            column["index"] = Value::from(index);
        }
        let encoded = serde_json::to_string(&doc).unwrap();
        let checked = alianzas::core::format::validate::parse_columnar_checked(&encoded).unwrap_or_else(|e| panic!("{name}: {e:?}"));
        assert_eq!(checked.clone().decode(), ds, "{name}: the reordered file is another dataset");
        assert_eq!(store_fingerprint(&Store::from_dataset(&ds)), store_fingerprint(&Store::from_columnar(&checked)), "{name}");
    }
}
