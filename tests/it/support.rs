//! What several test modules share: fixtures, the raw published files, test metadata.

use alianzas::core::format::dataset::Metadata;

/// A small hand-made file in `tests/fixtures/`.
pub fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

/// The path of a raw published file in `data/sources/` ("fts-afghanistan-2020/…").
pub fn source_path(name: &str) -> String {
    format!("{}/data/sources/{name}", env!("CARGO_MANIFEST_DIR"))
}

/// The text of a raw published file in `data/sources/`.
pub fn source(name: &str) -> String {
    std::fs::read_to_string(source_path(name)).unwrap()
}

/// Every bundled dataset in `public/data/` (not the catalog, not import reports): file name and
/// text, by name.
pub fn bundled() -> Vec<(String, String)> {
    let mut files: Vec<(String, String)> = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/public/data"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .filter(|p| !p.to_string_lossy().ends_with("catalog.json") && !p.to_string_lossy().ends_with(".report.json"))
        .map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), std::fs::read_to_string(&p).unwrap()))
        .collect();
    files.sort();
    files
}

/// The three pages of FTS flows for Afghanistan 2020 as saved from FTS's API.
pub const FTS_AFG_PAGES: [&str; 3] =
    ["custom-search-locationid-1-year-2020.json", "custom-search-locationid-1-year-2020-page-2.json", "custom-search-locationid-1-year-2020-page-3.json"];

/// Metadata for a test import: what the CLI's flags would give.
pub fn test_metadata() -> Metadata {
    Metadata {
        id: "t".into(),
        title: "t".into(),
        publisher: "p".into(),
        source_url: "u".into(),
        licence: "l".into(),
        currency: "USD".into(),
        data_as_of: "2026-02-20".into(),
        dataset_version: "1".into(),
        ..Default::default()
    }
}

/// How the OECD CRS Pacific file's columns map to dataset fields (`alianzas import --from csv --map`).
pub const CRS_COLUMN_MAP: [&str; 11] = [
    "counterpart_name=donor.name",
    "counterpart_code=donor.id",
    "pacific_code=recipient",
    "year=year",
    "value_usd=amount",
    "sector_code=obligation",
    "sector_name=description",
    "status:=disbursed",
    "model:=bilateral",
    "kind:=financial",
    "donor.type:=government",
];

/// Panics with the first problems when a dataset does not pass the validator (record by record, as
/// the CLI checks what it writes).
pub fn assert_dataset_validates(ds: &alianzas::core::format::dataset::Dataset) {
    let errors = alianzas::core::format::validate::check_dataset(ds);
    assert!(errors.is_empty(), "{} problems, first {:?}", errors.len(), &errors[..errors.len().min(3)]);
}
