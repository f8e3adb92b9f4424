//! Countries (ISO 3166) and the UN M49 regions they belong to.
//! The table is `countries.tsv`, compiled in; country names in other languages come from the
//! browser's `Intl.DisplayNames` (by ISO alpha-2) in the dashboard.

use crate::core::locale::i18n::Msg;
use crate::core::locale::lang::Lang;
use std::collections::HashMap;
use std::sync::OnceLock;

/// A row of `countries.tsv`: a country's codes, M49 regions and English name.
#[derive(Clone, Debug)]
pub struct Country {
    /// ISO 3166-1 alpha-3 code, the one datasets use.
    pub iso3: &'static str,
    /// ISO 3166-1 alpha-2 code, for the browser's `Intl.DisplayNames`.
    pub iso2: &'static str,
    /// UN M49 numeric code.
    pub m49: &'static str,
    /// M49 region code (002 Africa, 019 Americas, 142 Asia, 150 Europe, 009 Oceania).
    pub region: &'static str,
    /// M49 intermediate region where one exists (e.g. 013 Central America), else sub-region.
    pub subregion: &'static str,
    /// The M49 name in English, the fallback when no translated name exists.
    pub name_en: &'static str,
}

/// An M49 region or sub-region a country belongs to, or an area given as recipient.
pub struct Area {
    /// M49 numeric code, e.g. `013` Central America.
    pub code: &'static str,
    /// For a sub-region, its region; empty for a region.
    pub parent: &'static str,
    /// Its name in every language.
    pub label: Msg,
}

const fn def_area(code: &'static str, parent: &'static str, label: Msg) -> Area {
    Area { code, parent, label }
}

/// Every M49 area the dashboard names: the five regions, their sub-regions, and `419` (Latin
/// America and the Caribbean) and `001` (global), which appear only as recipients.
pub const AREAS: &[Area] = &[
    def_area("002", "", Msg::Area002),
    def_area("019", "", Msg::Area019),
    def_area("142", "", Msg::Area142),
    def_area("150", "", Msg::Area150),
    def_area("009", "", Msg::Area009),
    def_area("015", "002", Msg::Area015),
    def_area("014", "002", Msg::Area014),
    def_area("017", "002", Msg::Area017),
    def_area("018", "002", Msg::Area018),
    def_area("011", "002", Msg::Area011),
    def_area("029", "019", Msg::Area029),
    def_area("013", "019", Msg::Area013),
    def_area("005", "019", Msg::Area005),
    def_area("021", "019", Msg::Area021),
    def_area("143", "142", Msg::Area143),
    def_area("030", "142", Msg::Area030),
    def_area("035", "142", Msg::Area035),
    def_area("034", "142", Msg::Area034),
    def_area("145", "142", Msg::Area145),
    def_area("151", "150", Msg::Area151),
    def_area("154", "150", Msg::Area154),
    def_area("039", "150", Msg::Area039),
    def_area("155", "150", Msg::Area155),
    def_area("053", "009", Msg::Area053),
    def_area("054", "009", Msg::Area054),
    def_area("057", "009", Msg::Area057),
    def_area("061", "009", Msg::Area061),
    // Recipients that are regions or no single place.
    def_area("419", "019", Msg::Area419),
    def_area("001", "", Msg::Area001),
];

/// Code used for the region of a recipient that has none (e.g. global programmes).
pub const NO_REGION: &str = "001";

/// The M49 area with this code.
pub fn area(code: &str) -> Option<&'static Area> {
    AREAS.iter().find(|a| a.code == code)
}

/// The name of an M49 area in `lang`.
pub fn area_label(code: &str, lang: Lang) -> Option<&'static str> {
    area(code).map(|a| a.label.get(lang))
}

fn table() -> &'static (Vec<Country>, HashMap<&'static str, usize>) {
    static TABLE: OnceLock<(Vec<Country>, HashMap<&'static str, usize>)> = OnceLock::new();
    TABLE.get_or_init(|| {
        let rows: Vec<Country> = include_str!("countries.tsv")
            .lines()
            .skip(1)
            .filter(|l| !l.trim().is_empty())
            .map(|line| {
                let f: Vec<&'static str> = line.split('\t').collect();
                Country { iso3: f[0], iso2: f[1], m49: f[2], region: f[3], subregion: f[4], name_en: f[5] }
            })
            .collect();
        let index = rows.iter().enumerate().map(|(i, c)| (c.iso3, i)).collect();
        (rows, index)
    })
}

/// Every country of the table, in its order.
pub fn countries() -> &'static [Country] {
    &table().0
}

/// The country with this ISO alpha-3 code.
pub fn country(iso3: &str) -> Option<&'static Country> {
    let (rows, index) = table();
    index.get(iso3).map(|&i| &rows[i])
}

/// The country a government's name names: "Germany, Government of" (FTS) or "Government of
/// Denmark" (IATI narratives).
pub fn country_of_government_name(name: &str) -> Option<&'static Country> {
    let name = name.trim();
    name.strip_suffix(", Government of").or_else(|| name.strip_prefix("Government of ")).and_then(country_by_name)
}

/// Finds a country by its ISO 3166 alpha-2 code.
pub fn country_by_iso2(code: &str) -> Option<&'static Country> {
    countries().iter().find(|c| c.iso2.eq_ignore_ascii_case(code))
}

/// Finds a country by its English M49 name, or by the variants publishers such as FTS use:
/// "United Kingdom", "Korea, Republic of", "Saudi Arabia (Kingdom of)".
pub fn country_by_name(name: &str) -> Option<&'static Country> {
    let find = |wanted: &str| {
        countries().iter().find(|c| {
            let n = c.name_en.to_lowercase();
            n == wanted || n.split(" (").next() == Some(wanted)
        })
    };
    let wanted = name.trim().to_lowercase();
    let short = wanted.split(" (").next().unwrap_or(&wanted).trim();
    // "Korea, Republic of" is M49's "Republic of Korea".
    let reordered = short.split_once(", ").map(|(place, kind)| format!("{kind} {place}"));
    let alias = match short {
        "united kingdom" | "uk" => Some("united kingdom of great britain and northern ireland"),
        "united states" | "usa" => Some("united states of america"),
        _ => None,
    };
    find(&wanted).or_else(|| find(short)).or_else(|| reordered.as_deref().and_then(find)).or_else(|| alias.and_then(find))
}

/// (region, sub-region) of a recipient code: a country, or an M49 area code given as recipient.
pub fn regions_of(recipient: &str) -> (&'static str, &'static str) {
    if let Some(c) = country(recipient) {
        if !c.region.is_empty() {
            return (c.region, c.subregion);
        }
    }
    if let Some(a) = area(recipient) {
        if a.parent.is_empty() {
            return (a.code, a.code);
        }
        return (a.parent, a.code);
    }
    (NO_REGION, NO_REGION)
}

/// Whether a recipient lies within an M49 area: a region, a sub-region, or `419` (Latin America
/// and the Caribbean: the Caribbean, Central and South America); an area is within itself.
pub fn is_within(recipient: &str, area_code: &str) -> bool {
    if recipient == area_code {
        return true;
    }
    let (region, subregion) = regions_of(recipient);
    match area_code {
        "419" => matches!(subregion, "029" | "013" | "005" | "419"),
        code => region == code || subregion == code,
    }
}

/// Whether an ISO 3166-2 code names a first-level division Natural Earth knows
/// (`admin1_codes.txt`, written by data/scripts/admin1.mjs). In the page, which must stay small
/// for phones, only the code's form is checked (`XX-YYY`): `alianzas validate` and every import
/// check it against the list.
pub fn is_known_place(code: &str) -> bool {
    #[cfg(not(target_arch = "wasm32"))]
    {
        static CODES: std::sync::OnceLock<std::collections::HashSet<&'static str>> = std::sync::OnceLock::new();
        CODES.get_or_init(|| include_str!("admin1_codes.txt").lines().filter(|l| !l.starts_with('#') && !l.is_empty()).collect()).contains(code)
    }
    #[cfg(target_arch = "wasm32")]
    {
        let b = code.as_bytes();
        b.len() >= 4
            && b.len() <= 6
            && b[..2].iter().all(u8::is_ascii_uppercase)
            && b[2] == b'-'
            && b[3..].iter().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
    }
}

/// Is this a recipient code the built-in tables know (ISO alpha-3 country or M49 area)?
pub fn is_known_recipient(code: &str) -> bool {
    country(code).is_some() || area(code).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mirps_countries_are_in_central_america() {
        for iso3 in ["BLZ", "CRI", "SLV", "GTM", "HND", "MEX", "PAN"] {
            assert_eq!(regions_of(iso3), ("019", "013"), "{iso3}");
        }
    }

    #[test]
    fn every_country_region_has_a_label() {
        for c in countries() {
            if c.region.is_empty() {
                continue;
            }
            assert!(area(c.region).is_some(), "{}", c.iso3);
            assert_eq!(area(c.subregion).map(|a| a.parent), Some(c.region), "{}", c.iso3);
        }
    }

    #[test]
    fn region_codes_as_recipients() {
        assert_eq!(regions_of("419"), ("019", "419"));
        assert!(is_within("COL", "419") && is_within("HTI", "419") && is_within("013", "419") && is_within("419", "419"));
        assert!(!is_within("USA", "419") && !is_within("AFG", "419") && is_within("USA", "019"));
        assert!(is_known_place("MX-CHP") && is_known_place("CO-ARA") && !is_known_place("MX-XXX") && !is_known_place("geonames-admin1:CO.03"));
        assert_eq!(regions_of("019"), ("019", "019"));
        assert_eq!(regions_of("XXX"), (NO_REGION, NO_REGION));
        assert_eq!(country_by_name("Afghanistan").map(|c| c.iso3), Some("AFG"));
    }

    #[test]
    fn country_names_as_fts_writes_them() {
        for (name, iso3) in [
            ("United Kingdom", "GBR"),
            ("United States", "USA"),
            ("Korea, Republic of", "KOR"),
            ("Saudi Arabia (Kingdom of)", "SAU"),
            ("Germany", "DEU"),
            ("Bolivia (Plurinational State of)", "BOL"),
        ] {
            assert_eq!(country_by_name(name).map(|c| c.iso3), Some(iso3), "{name}");
        }
        assert!(country_by_name("Atlantis").is_none());
        assert_eq!(country_of_government_name("Korea, Republic of, Government of").map(|c| c.iso3), Some("KOR"));
        assert_eq!(country_of_government_name("Government of Denmark").map(|c| c.iso3), Some("DNK"));
        assert!(country_of_government_name("Germany").is_none(), "a bare country name is not a government's");
    }
}
