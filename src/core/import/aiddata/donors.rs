//! Who gave the money: projects.csv `donors` and `donors_iso3` → donors, and the donor type of
//! organisations that are not a country (the word lists are the rules; docs/importers.md).

use super::super::slug;
use crate::core::format::dataset::Donor;
use crate::core::format::geo;
use crate::core::format::obligation_rules::{find_phrase, fold};

/// Words (compared folded: lower case, no accents, punctuation as spaces) that name a multilateral organisation: development
/// banks, funds, the UN system, the EU institutions and regional intergovernmental bodies.
pub const MULTILATERAL_WORDS: &[&str] = &[
    "bank",
    "banco",
    "fund",
    "united nations",
    "naciones unidas",
    "nations unies",
    "european union",
    "union europea",
    "european commission",
    "comision europea",
    "organization of american states",
    "organizacion de los estados americanos",
    "organization of ibero-american states",
    "organizacion de estados iberoamericanos",
    "inter-american development",
    "andean development",
    "corporacion andina de fomento",
    "organization for migration",
    "organizacion internacional para las migraciones",
    "pan american health organization",
    "organizacion panamericana de la salud",
    "world food programme",
    "world health organization",
];

/// Acronyms of multilateral organisations, matched as whole words in capitals as written ("UN
/// Women", not the "un" of "Un Techo").
pub const MULTILATERAL_ACRONYMS: &[&str] = &[
    "UN", "ONU", "EU", "UE", "ECHO", "IDB", "BID", "CAF", "OAS", "OEA", "OEI", "FAO", "UNDP", "PNUD", "UNICEF", "UNFPA", "UNHCR", "ACNUR", "IOM", "OIM",
    "PAHO", "WFP", "PMA", "OCHA", "UNODC", "ILO", "OIT",
];

/// Words (folded) that name a company or a private foundation.
pub const PRIVATE_WORDS: &[&str] = &[
    "foundation",
    "foundations",
    "fundacion",
    "fundacao",
    "fondation",
    "stiftung",
    "inc",
    "inc.",
    "ltd",
    "ltd.",
    "limited",
    "llc",
    "plc",
    "gmbh",
    "s.a.",
    "corporation",
    "company",
    "technologies",
    "group",
    "grupo",
];

/// Companies the releases name without any of `PRIVATE_WORDS` (folded).
pub const COMPANIES: &[&str] = &[
    "sodexo",
    "nestle",
    "cemex",
    "ferrovial",
    "coca-cola",
    "google",
    "hewlett-packard",
    "toyota",
    "chevron",
    "tetra pak",
    "j.p. morgan",
    "cepsa",
    "carrefour",
    "siemens",
    "telefonica",
    "bbva",
    "etex",
    "disney",
    "microsoft",
];

/// Whether a donor name names a multilateral organisation (`MULTILATERAL_WORDS`, `MULTILATERAL_ACRONYMS`).
pub fn is_multilateral(name: &str) -> bool {
    let folded = fold(name);
    MULTILATERAL_WORDS.iter().any(|w| find_phrase(&folded, &fold(w)).is_some())
        || name.split(|c: char| !c.is_alphanumeric()).any(|w| MULTILATERAL_ACRONYMS.contains(&w))
}

/// Whether a donor name names a company or a private foundation (`PRIVATE_WORDS`, `COMPANIES`).
pub fn is_private(name: &str) -> bool {
    let folded = fold(name);
    PRIVATE_WORDS.iter().chain(COMPANIES).any(|w| find_phrase(&folded, &fold(w)).is_some())
}

/// The type of a donor that is not a country's government, from its name and the model the
/// recipient government stated for the project: multilateral by name (or when the project is
/// typed multilateral); for non-official projects private (companies, foundations) or ngo; else other.
pub fn donor_type(name: &str, stated_model: Option<&str>) -> &'static str {
    if is_multilateral(name) || stated_model == Some("multilateral") {
        "multilateral"
    } else if stated_model == Some("non-official") {
        if is_private(name) {
            "private"
        } else {
            "ngo"
        }
    } else {
        "other"
    }
}

/// A project's donors, in order: `donors` names them ('|' between several), `donors_iso3` gives
/// their countries when it lists as many codes (AidData writes one "DAC" for several donors). A
/// donor with a country code is that country's government (id the ISO3), unless the project is
/// typed non-official (an NGO or private donor from that country, such as SWISSAID, CHE).
pub(super) fn project_donors(names: &str, codes: &str, stated_model: Option<&str>) -> Result<Vec<Donor>, String> {
    let split = |s: &str| s.split('|').map(str::trim).filter(|s| !s.is_empty()).map(str::to_string).collect::<Vec<_>>();
    let (mut names, codes) = (split(names), split(codes));
    if names.is_empty() {
        // Only codes: the countries' names.
        names = codes.iter().map(|c| geo::country(&c.to_uppercase()).map(|k| k.name_en.to_string()).unwrap_or_else(|| c.clone())).collect();
    }
    if names.is_empty() {
        return Err("donors and donors_iso3 are empty: who gave the money is unknown".into());
    }
    let paired = codes.len() == names.len();
    Ok(names
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let country = paired.then(|| codes[i].to_uppercase()).and_then(|c| geo::country(&c)).map(|k| k.iso3);
            match country {
                Some(iso3) if stated_model != Some("non-official") => {
                    Donor { id: iso3.to_string(), name: name.clone(), donor_type: "government".into(), country: Some(iso3.to_string()) }
                }
                _ => {
                    let id = slug(name);
                    Donor {
                        id: if id.is_empty() { "donor-not-named".into() } else { id },
                        name: name.clone(),
                        donor_type: donor_type(name, stated_model).into(),
                        country: None,
                    }
                }
            }
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn multilateral_and_private_names() {
        for m in [
            "Inter-American Development Bank",
            "United Nations Development Programme",
            "Andean Development Corporation",
            "International Organization for Migration",
            "World Bank",
            "Pan American Health Organization",
            "UN Women",
            "Global Fund",
            "UN Refugee Agency – UNHCR",
            "Food and Agriculture Organization of the United Nations (FAO)",
            "Organization of Ibero-American States - OEI",
            "European Union",
            "ECHO – European Commission",
        ] {
            assert!(is_multilateral(m), "{m}");
        }
        for not in ["Un Techo para mi País", "Ford Foundation", "Inter-American Fundation", "SWISSAID"] {
            assert!(!is_multilateral(not), "{not}");
        }
        for p in ["Ford Foundation", "Fundación Telefónica", "Cemex", "Setem Technologies", "Grupo Ortiz", "J.P. Morgan", "Coca-Cola", "Tetra Pak"] {
            assert!(is_private(p), "{p}");
        }
        for ngo in ["SWISSAID", "Plan International Sweden", "MISEREOR", "Mercy Corps", "Give to Colombia"] {
            assert!(!is_private(ngo), "{ngo}");
        }
        assert_eq!(donor_type("Ford Foundation", Some("non-official")), "private");
        assert_eq!(donor_type("Diakonia", Some("non-official")), "ngo");
        assert_eq!(donor_type("Rhein Kreis Neuss", Some("decentralised")), "other");
        assert_eq!(donor_type("Some Agency", Some("multilateral")), "multilateral");
    }

    #[test]
    fn donors_pair_with_their_codes_only_when_each_has_one() {
        let d = project_donors("Spain", "ESP", Some("bilateral")).unwrap();
        assert_eq!((d[0].id.as_str(), d[0].donor_type.as_str(), d[0].country.as_deref()), ("ESP", "government", Some("ESP")));
        let d = project_donors("Citi Foundation|Ford Foundation", "DAC", Some("non-official")).unwrap();
        assert_eq!(d.iter().map(|d| d.id.as_str()).collect::<Vec<_>>(), ["citi-foundation", "ford-foundation"]);
        assert!(d.iter().all(|d| d.donor_type == "private" && d.country.is_none()));
        let d = project_donors("SWISSAID", "CHE", Some("non-official")).unwrap();
        assert_eq!((d[0].id.as_str(), d[0].donor_type.as_str()), ("swissaid", "ngo"));
        let d = project_donors("", "BRA", None).unwrap();
        assert_eq!((d[0].id.as_str(), d[0].name.as_str()), ("BRA", "Brazil"));
        assert!(project_donors(" ", "", None).is_err());
    }
}
