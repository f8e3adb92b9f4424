//! IATI `<location>` points → ISO 3166-2 places by point-in-polygon against the boundaries the
//! dashboard draws (build/geo, Natural Earth admin-1), on real points.

use alianzas::core::import::admin1::Admin1Index;
use alianzas::core::import::iati;
use std::sync::Arc;

/// The boundaries `make build` writes (web-js/geo.mjs); `make test` writes them first.
fn boundaries() -> Admin1Index {
    let dir = format!("{}/build/geo", env!("CARGO_MANIFEST_DIR"));
    let mut index = Admin1Index::default();
    for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{dir}: {e}: run `node web-js/geo.mjs` (make test does)")).flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if let Some(iso2) = name.strip_prefix("admin1-").and_then(|n| n.strip_suffix(".json")) {
            index.add_geojson(iso2, &std::fs::read_to_string(entry.path()).unwrap()).unwrap();
        }
    }
    index
}

/// UNHCR's 558 office locations of 2023: the division our point-in-polygon gives agrees with
/// the one the data's curator computed independently against Natural Earth's 10m admin-1
/// (the shared file's admin1_iso_3166_2), for at least 95 % of the points; Tapachula is in
/// Chiapas and Tenosique in Tabasco.
#[test]
fn unhcr_office_points_fall_in_the_divisions_an_independent_match_found() {
    let index = boundaries();
    let mut rdr = csv::Reader::from_path(crate::support::source_path("unhcr-iati-2023-americas/unhcr_iati_2023_location.csv")).unwrap();
    let header = rdr.headers().unwrap().clone();
    let col = |k: &str| header.iter().position(|h| h == k).unwrap();
    let (mut compared, mut agree) = (0, 0);
    let mut differ = Vec::new();
    for row in rdr.records().map(Result::unwrap) {
        let (Ok(lat), Ok(lon)) = (row[col("location_lat")].parse::<f64>(), row[col("location_long")].parse::<f64>()) else { continue };
        let (country, expected) = (&row[col("admin0_iso_a2")], &row[col("admin1_iso_3166_2")]);
        if expected.is_empty() || country.is_empty() {
            continue;
        }
        compared += 1;
        let found = index.locate(country, lon, lat).map(|d| d.id.clone());
        // Natural Earth's old code for Mexico City; the dashboard's corrections write today's.
        let same = found.as_deref() == Some(expected) || (expected == "MX-DIF" && found.as_deref() == Some("MX-CMX"));
        if same {
            agree += 1;
        } else {
            differ.push(format!("{} {expected} → {found:?}", &row[col("location_name")]));
        }
        match &row[col("location_name")] {
            "Tapachula" => assert_eq!(found.as_deref(), Some("MX-CHP")),
            "Tenosique" => assert_eq!(found.as_deref(), Some("MX-TAB")),
            _ => {}
        }
    }
    assert!(compared >= 500, "{compared} points compared");
    eprintln!("{agree} of {compared} office points agree; differ: {differ:?}");
    assert!(agree as f64 >= 0.95 * compared as f64, "{agree} of {compared} agree; differ: {differ:?}");
}

/// Mine action: activities' exact points become places of their contributions, only in the
/// contribution's own recipient country, split evenly; every point is placed or reported.
/// (Without the ECB table: amounts in other currencies are rejected, which changes nothing here.)
#[test]
fn mine_action_locations_become_places_in_the_recipient_country() {
    let options = iati::Options { metadata: crate::support::test_metadata(), admin1: Some(Arc::new(boundaries())), ..Default::default() };
    let file = std::fs::File::open(crate::support::source_path("iati-mine-action/iati_mine_action_activities.jsonl.gz")).unwrap();
    let reader = std::io::BufReader::new(flate2::read::GzDecoder::new(file));
    let imported = iati::import_datastore(reader, "mine-action.jsonl.gz", options).unwrap();
    let placed: Vec<_> = imported.dataset.contributions.iter().filter(|c| !c.places.is_empty()).collect();
    assert!(placed.len() > 50, "{} contributions placed", placed.len());
    // A real mine-action province: Homs (Syria).
    let divisions: std::collections::BTreeSet<&str> = placed.iter().flat_map(|c| c.places.iter().map(|p| p.id.as_str())).collect();
    assert!(divisions.contains("SY-HI"), "Homs not in {divisions:?}");
    // Points at a country's centre ("Ukraine", feature PCLI) or not marked exact place nothing.
    assert!(imported.notes.iter().any(|n| n.contains("stand for a whole country")), "{:?}", imported.notes);
    assert!(imported.notes.iter().any(|n| n.contains("not marked exact")), "{:?}", imported.notes);
    for c in &placed {
        let iso2 = alianzas::core::format::geo::country(&c.recipient).unwrap().iso2;
        assert!(c.places.iter().all(|p| p.id.starts_with(&format!("{iso2}-")) && p.share.is_none()), "{}: {:?}", c.id, c.places);
    }
    let note = imported.notes.iter().find(|n| n.contains("location points")).expect("a note on locations");
    let numbers: Vec<usize> = note.split(|ch: char| !ch.is_ascii_digit()).filter_map(|n| n.parse().ok()).collect();
    assert_eq!(numbers[0], numbers[1] + numbers[2], "every point placed or reported: {note}");
    let warned: usize = imported
        .report
        .warnings
        .iter()
        .filter(|w| w.reason.contains("in no first-level division"))
        .map(|w| w.reason.split(' ').next().unwrap().parse::<usize>().unwrap())
        .sum();
    assert_eq!(warned, numbers[2], "each unmatched point is in a warning");
    crate::support::assert_dataset_validates(&imported.dataset);
}
