//! The AidData importer on the real Colombia AIMS research release (data/sources/colombia-aims-2016),
//! checked against figures read from its CSV files here, independently of the importer (with the
//! csv crate), and on a small hand-made release (tests/fixtures/aiddata-mini) for D rows, counting
//! once and rejections.

use alianzas::core::format::dataset::{Contribution, Metadata};
use alianzas::core::format::validate::parse_dataset;
use alianzas::core::import::aiddata::{self, Options, SKIP_PROJECT_WITHOUT_AMOUNTS};
use alianzas::core::import::Imported;
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

fn colombia_dir() -> String {
    super::support::source_path("colombia-aims-2016")
}

/// A release folder read into memory: member path → bytes.
fn folder(dir: &str) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    for member in [aiddata::PROJECTS, aiddata::TRANSACTIONS, aiddata::LOCATIONS, aiddata::ANCILLARY[0], aiddata::ANCILLARY[1], aiddata::DATAPACKAGE] {
        if let Ok(bytes) = std::fs::read(Path::new(dir).join(member)) {
            out.insert(member.to_string(), bytes);
        }
    }
    out
}

fn import(dir: &str) -> Imported {
    let metadata = Metadata { currency: "USD".into(), ..Default::default() };
    aiddata::import(&folder(dir), Options { metadata, name: "release".into() }).unwrap()
}

/// The rows of one of the release's CSV tables, as header → value maps.
fn rows(dir: &str, member: &str) -> Vec<HashMap<String, String>> {
    let mut r = csv::Reader::from_path(Path::new(dir).join(member)).unwrap();
    let headers = r.headers().unwrap().clone();
    r.records().map(|rec| headers.iter().zip(rec.unwrap().iter()).map(|(h, v)| (h.to_string(), v.to_string())).collect()).collect()
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-6 * a.abs().max(b.abs()).max(1.0)
}

fn total<'a>(cs: impl Iterator<Item = &'a Contribution>) -> f64 {
    cs.map(|c| c.amount).sum()
}

#[test]
fn every_record_of_the_colombia_release_is_accounted_for() {
    let dir = colombia_dir();
    let i = import(&dir);
    let r = &i.report;
    assert!(r.balances(), "{r:?}");
    let transactions = rows(&dir, aiddata::TRANSACTIONS);
    let projects = rows(&dir, aiddata::PROJECTS);
    let with_amounts: std::collections::HashSet<&str> = transactions.iter().map(|t| t["project_id"].as_str()).collect();
    let without: Vec<&str> = projects.iter().map(|p| p["project_id"].as_str()).filter(|p| !with_amounts.contains(p)).collect();
    assert_eq!(r.read, transactions.len() + without.len());
    assert_eq!(r.imported, transactions.len());
    assert!(r.rejected.is_empty(), "{:?}", r.rejected);
    // The projects without amounts are the south-south ones, skipped for that reason.
    let typing: HashMap<String, String> =
        rows(&dir, "data/project_ancillary.csv").into_iter().map(|a| (a["Project_ID"].clone(), a["TIPO DE COOPERACION"].clone())).collect();
    assert_eq!(without.len(), 55);
    assert!(without.iter().all(|p| typing[*p] == "SUR SUR"));
    assert_eq!(typing.values().filter(|t| *t == "SUR SUR").count(), 55);
    assert_eq!(r.skipped.get(SKIP_PROJECT_WITHOUT_AMOUNTS), Some(&55));
    // Colombia has commitments only: nothing to count once.
    assert!(r.warnings.is_empty(), "{:?}", r.warnings);
}

#[test]
fn committed_total_and_models_match_the_release() {
    let dir = colombia_dir();
    let i = import(&dir);
    let cs = &i.dataset.contributions;
    let transactions = rows(&dir, aiddata::TRANSACTIONS);
    let committed: f64 = transactions.iter().filter(|t| t["transaction_value_code"] == "C").map(|t| t["transaction_value"].parse::<f64>().unwrap()).sum();
    assert!(close(total(cs.iter().filter(|c| c.status == "committed")), committed), "{committed}");
    assert!(cs.iter().all(|c| c.status == "committed"));
    // Per model: the recipient government's TIPO DE COOPERACION, summed here from the raw tables.
    let typing: HashMap<String, String> =
        rows(&dir, "data/project_ancillary.csv").into_iter().map(|a| (a["Project_ID"].clone(), a["TIPO DE COOPERACION"].clone())).collect();
    let mut expected: BTreeMap<&str, f64> = BTreeMap::new();
    for t in &transactions {
        let model = match typing[&t["project_id"]].as_str() {
            "BILATERALES" => "bilateral",
            "MULTILATERAL" => "multilateral",
            "NO OFICIALES" => "non-official",
            "DESCENTRALIZADOS" => "decentralised",
            "SUR SUR" => "south-south",
            other => panic!("{other}"),
        };
        *expected.entry(model).or_default() += t["transaction_value"].parse::<f64>().unwrap();
    }
    let of = |m: &str| total(cs.iter().filter(|c| c.model == m));
    // The exception: non-official projects of a private donor with a public partner are public-private.
    let ppp: Vec<&Contribution> = cs.iter().filter(|c| c.model == "public-private").collect();
    assert!(!ppp.is_empty());
    for c in &ppp {
        assert_eq!(c.model_rule.as_deref(), Some("public-private"));
        assert_eq!(c.donor.donor_type, "private");
        assert!(c.model_evidence.as_deref().unwrap().starts_with(&format!("private donor {} with public partner ", c.donor.name)), "{:?}", c.model_evidence);
    }
    assert!(cs.iter().any(|c| c.model_evidence.as_deref() == Some("private donor Ford Foundation with public partner MINISTERIO DE TRABAJO")));
    // The other exception: a bilateral project titled triangular co-operation is triangular (the
    // DAC files triangular co-operation under bilateral).
    let triangular: Vec<&Contribution> = cs.iter().filter(|c| c.model == "triangular").collect();
    assert!(!triangular.is_empty());
    for c in &triangular {
        assert_eq!(c.model_rule.as_deref(), Some("text"));
        let e = c.model_evidence.as_deref().unwrap();
        assert!(e.starts_with("title: “cooperacion triangular") && e.ends_with("TIPO DE COOPERACION: BILATERALES"), "{e}");
    }
    for (model, want) in &expected {
        let got = match *model {
            "non-official" => of(model) + of("public-private"),
            "bilateral" => of(model) + of("triangular"),
            _ => of(model),
        };
        assert!(close(got, *want), "{model}: {got} vs {want}");
    }
    for c in cs.iter().filter(|c| c.model != "public-private" && c.model != "triangular") {
        assert_eq!(c.model_rule.as_deref(), Some("stated"));
        assert!(c.model_evidence.as_deref().unwrap().starts_with("TIPO DE COOPERACION: "), "{:?}", c.model_evidence);
    }
    assert_eq!(of("south-south"), 0.0);
}

#[test]
fn several_donors_split_the_amount_equally() {
    let dir = colombia_dir();
    let i = import(&dir);
    let projects = rows(&dir, aiddata::PROJECTS);
    let transactions = rows(&dir, aiddata::TRANSACTIONS);
    let several: Vec<&HashMap<String, String>> = projects.iter().filter(|p| p["donors"].contains('|')).collect();
    assert!(!several.is_empty());
    for p in several {
        let names: Vec<&str> = p["donors"].split('|').collect();
        for t in transactions.iter().filter(|t| t["project_id"] == p["project_id"]) {
            let value: f64 = t["transaction_value"].parse().unwrap();
            let parts: Vec<&Contribution> = i.dataset.contributions.iter().filter(|c| c.id.starts_with(&format!("{}-", t["transaction_id"]))).collect();
            assert_eq!(parts.len(), names.len(), "{}", t["transaction_id"]);
            for (n, (c, name)) in parts.iter().zip(&names).enumerate() {
                assert_eq!(c.id, format!("{}-{}", t["transaction_id"], n + 1));
                assert_eq!(c.donor.name, name.trim());
                assert!(close(c.amount, value / names.len() as f64));
            }
            assert!(close(total(parts.into_iter()), value));
        }
    }
}

#[test]
fn places_are_the_first_level_divisions_split_equally() {
    let i = import(&colombia_dir());
    let with_places: Vec<&Contribution> = i.dataset.contributions.iter().filter(|c| !c.places.is_empty()).collect();
    assert!(with_places.len() > 400, "{}", with_places.len());
    for c in &with_places {
        for p in &c.places {
            // ISO 3166-2 codes of Colombian departments, as Natural Earth lists them.
            assert!(p.id.starts_with("CO-") && alianzas::core::format::geo::is_known_place(&p.id), "{}", p.id);
            assert!(!p.name.is_empty());
        }
        let ids: std::collections::HashSet<&str> = c.places.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(ids.len(), c.places.len(), "{}: places are distinct", c.id);
        assert!(close(c.places.iter().map(|p| p.share.unwrap()).sum(), 1.0));
    }
    assert!(with_places.iter().any(|c| c.places.iter().any(|p| p.id == "CO-ARA" && p.name == "Departamento de Arauca")));
}

#[test]
fn the_written_colombia_dataset_validates_with_its_metadata_from_the_datapackage() {
    let i = import(&colombia_dir());
    let m = &i.dataset.metadata;
    assert_eq!(m.licence, "Open Data Commons Attribution 1.0");
    assert_eq!(m.publisher, "AidData, from Colombia AIMS");
    assert_eq!(m.source_url, aiddata::DEFAULT_SOURCE_URL);
    assert_eq!((m.data_as_of.as_str(), m.dataset_version.as_str()), ("2016-04-18", "1.1.1"));
    assert!(i.notes.iter().any(|n| n.contains("odc-pddl") && n.contains("the name is used")), "{:?}", i.notes);
    // What the CLI's defaults add: an id.
    let mut ds = i.dataset;
    ds.metadata.id = "colombia-aims-2016".into();
    let text = serde_json::to_string(&ds).unwrap();
    let back = parse_dataset(&text).unwrap_or_else(|e| panic!("{:?}", &e[..e.len().min(5)]));
    assert_eq!(back.contributions.len(), ds.contributions.len());
}

/// Zips a release folder (its files under a folder of the release's name, as AidData's zips are).
fn zip_folder(dir: &str, to: &Path) {
    use std::io::Write;
    let mut w = zip::ZipWriter::new(std::fs::File::create(to).unwrap());
    let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (member, bytes) in folder(dir) {
        w.start_file(format!("ColombiaAIMS_GeocodedResearchRelease_Level1_v1.1.1/{member}"), options).unwrap();
        w.write_all(&bytes).unwrap();
    }
    w.finish().unwrap();
}

#[test]
fn a_zip_of_the_release_imports_the_same_dataset_as_the_folder() {
    let tmp = std::env::temp_dir().join(format!("alianzas-aiddata-zip-{}", std::process::id()));
    let (a, b) = (tmp.join("a"), tmp.join("b"));
    std::fs::create_dir_all(&a).unwrap();
    std::fs::create_dir_all(&b).unwrap();
    let zipped = tmp.join("release.zip");
    zip_folder(&colombia_dir(), &zipped);
    let run = |input: &str, out: &Path| {
        let o = std::process::Command::new(env!("CARGO_BIN_EXE_alianzas"))
            .args(["import", "--from", "aiddata", input, "-o", out.to_str().unwrap()])
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
        serde_json::from_str::<serde_json::Value>(&std::fs::read_to_string(out).unwrap()).unwrap()
    };
    let from_folder = run(&colombia_dir(), &a.join("colombia.json"));
    let from_zip = run(zipped.to_str().unwrap(), &b.join("colombia.json"));
    assert_eq!(from_folder, from_zip);
    assert_eq!(from_zip["contributions"].as_array().unwrap().len(), import(&colombia_dir()).dataset.contributions.len());
    std::fs::remove_dir_all(&tmp).ok();
}

#[test]
fn a_small_release_with_disbursements_counts_each_agreement_once_and_locates_bad_rows() {
    let dir = format!("{}/tests/fixtures/aiddata-mini", env!("CARGO_MANIFEST_DIR"));
    let i = import(&dir);
    let r = &i.report;
    assert!(r.balances(), "{r:?}");
    // 10 transaction rows and 1 project without any.
    assert_eq!((r.read, r.imported, r.skipped_total(), r.rejected.len()), (11, 5, 1, 5), "{r:?}");
    let reason = |at: &str| r.rejected.iter().find(|x| x.location == at).map(|x| x.reason.clone()).unwrap_or_else(|| panic!("{at}: {:?}", r.rejected));
    assert!(reason("transactions.csv:6 (transaction t5)").contains("neither C (commitment) nor D (disbursement)"));
    assert!(reason("transactions.csv:7 (transaction t6)").contains("(no rate)"));
    assert!(reason("transactions.csv:8 (transaction t7)").contains("negative"));
    assert!(reason("transactions.csv:9 (transaction t8)").contains("not in projects.csv"));
    assert!(reason("transactions.csv:11 (transaction t10)").contains("empty"));
    // P1: 1000 committed, 700 disbursed: 300 stays committed, funding is 1000.
    let cs = &i.dataset.contributions;
    let p1: Vec<&Contribution> = cs.iter().filter(|c| ["t1", "t2", "t3"].contains(&c.id.as_str())).collect();
    assert_eq!(total(p1.iter().copied().filter(|c| c.status == "committed")), 300.0);
    assert_eq!(total(p1.iter().copied().filter(|c| c.status == "disbursed")), 700.0);
    assert_eq!(r.warnings.len(), 1);
    assert_eq!(r.warnings[0].location, "release (all projects)");
    assert!(r.warnings[0].reason.starts_with("counted once: 1 agreement(s)"), "{}", r.warnings[0].reason);
    assert!(i.notes.iter().any(|n| n.starts_with("counted once")));
    let t1 = p1.iter().find(|c| c.id == "t1").unwrap();
    assert_eq!((t1.model.as_str(), t1.model_rule.as_deref(), t1.model_evidence.as_deref()), ("bilateral", Some("stated"), Some("Donor Type: Bilateral")));
    assert_eq!((t1.donor.id.as_str(), t1.donor.donor_type.as_str(), t1.recipient.as_str()), ("NOR", "government", "HND"));
    assert_eq!(t1.obligations.iter().map(|o| (o.id.as_str(), o.share)).collect::<Vec<_>>(), [("education", 0.5), ("agriculture", 0.5)]);
    assert_eq!(
        t1.places.iter().map(|p| (p.id.as_str(), p.name.as_str(), p.share)).collect::<Vec<_>>(),
        [("HN-CR", "Departamento de Cortés", Some(0.5)), ("HN-AT", "Departamento de Atlántida", Some(0.5))]
    );
    // P2: no typing, a multilateral donor; the year from the date; a river is no division.
    let t4 = cs.iter().find(|c| c.id == "t4").unwrap();
    assert_eq!((t4.year, t4.date.as_deref(), t4.model.as_str(), t4.model_rule.as_deref()), (2013, Some("2013-05-02"), "multilateral", Some("donor-type")));
    assert_eq!((t4.donor.id.as_str(), t4.donor.donor_type.as_str(), t4.obligations[0].id.as_str()), ("world-bank", "multilateral", "multi-sector"));
    assert!(t4.places.is_empty());
    // P4: two donors, each half; no sector → unspecified.
    let t9: Vec<&Contribution> = cs.iter().filter(|c| c.id.starts_with("t9-")).collect();
    assert_eq!(
        t9.iter().map(|c| (c.id.as_str(), c.donor.name.as_str(), c.amount)).collect::<Vec<_>>(),
        [("t9-1", "Acme Foundation", 50.0), ("t9-2", "Some NGO", 50.0)]
    );
    assert_eq!(t9[0].obligations[0].id, "unspecified");
    assert_eq!(i.dataset.metadata.data_as_of, "2016-02-29");
    let mut ds = i.dataset.clone();
    ds.metadata.id = "mini".into();
    parse_dataset(&serde_json::to_string(&ds).unwrap()).unwrap();
}

#[test]
fn a_release_without_projects_says_which_file_is_missing_and_what_a_release_holds() {
    let mut release = folder(&format!("{}/tests/fixtures/aiddata-mini", env!("CARGO_MANIFEST_DIR")));
    release.remove(aiddata::PROJECTS);
    let e = aiddata::import(&release, Options { metadata: Metadata { currency: "USD".into(), ..Default::default() }, name: "mini".into() }).unwrap_err();
    assert!(e.starts_with("mini has no data/projects.csv"), "{e}");
    assert!(e.contains("An AidData research release holds data/projects.csv, data/transactions.csv"), "{e}");
}
