//! The filters' search box finds codes by name in the reader's language, whatever the accents and
//! the case, on the bundled real data.

use alianzas::core::analysis::store::{Dim, Store};
use alianzas::core::charts::search::SearchIndex;
use alianzas::core::format::validate::parse_dataset;
use alianzas::core::locale::lang::Lang;
use alianzas::core::locale::numbers::PlainLocale;

fn index(file: &str, lang: Lang) -> SearchIndex {
    let text = std::fs::read_to_string(format!("{}/public/data/{file}", env!("CARGO_MANIFEST_DIR"))).unwrap();
    let ds = parse_dataset(&text).unwrap();
    let store = Store::from_dataset(&ds);
    SearchIndex::new(&store, &PlainLocale { lang, currency: ds.metadata.currency.clone() })
}

#[test]
fn a_place_is_found_without_its_accent_and_a_model_in_the_readers_language() {
    let es = index("cooperation-lac.json", Lang::Es);
    assert!(es.len() > 100, "{} codes", es.len());
    for query in ["cordoba", "CÓRDOBA", "Córdoba"] {
        let hits = es.find(query, 8);
        assert!(hits.iter().any(|h| h.dim == Dim::Place && h.code == "CO-COR" && h.label.contains("Córdoba")), "{query}: {hits:?}");
    }
    // The label is the reader's language: "Sur-Sur" in Spanish, found in any case.
    let hits = es.find("sur-sur", 8);
    assert!(hits.iter().any(|h| h.dim == Dim::Model && h.code == "south-south"), "{hits:?}");
    let fr = index("cooperation-lac.json", Lang::Fr);
    let hits = fr.find("TRIANGULAIRE", 8);
    assert_eq!(hits.first().map(|h| (h.dim, h.code.as_str())), Some((Dim::Model, "triangular")), "{hits:?}");
    assert!(es.find("   ", 8).is_empty());
    assert!(es.find("a", 3).len() == 3);
}

#[test]
fn names_that_start_with_the_query_come_first() {
    let en = index("fts-afghanistan-2020.json", Lang::En);
    let hits = en.find("united", 8);
    assert!(hits.len() >= 2, "{hits:?}");
    assert!(hits.iter().take_while(|h| h.label.to_lowercase().starts_with("united")).count() >= 2, "{hits:?}");
    let ranks: Vec<bool> = hits.iter().map(|h| h.label.to_lowercase().starts_with("united")).collect();
    assert!(ranks.windows(2).all(|w| w[0] >= w[1]), "prefix matches first: {hits:?}");
}

#[test]
fn arabic_names_are_found_as_people_type_them() {
    let ar = index("cooperation-lac.json", Lang::Ar);
    // "ثلاثية" typed with a final ه rather than ة, as many keyboards and people write it.
    let model = ar.find("ثلاثيه", 8);
    assert!(model.iter().any(|h| h.dim == Dim::Model && h.code == "triangular"), "{model:?}");
    // A country by its English name, as readers of the Arabic page may type it.
    let hits = ar.find("colombia", 8);
    assert!(hits.iter().any(|h| h.dim == Dim::Recipient && h.code == "COL"), "{hits:?}");
    // Words in any order.
    let hits = ar.find("الجنوب بين", 8);
    assert!(hits.iter().any(|h| h.code == "south-south"), "{hits:?}");
}
