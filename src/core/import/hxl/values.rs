//! Cell values → the dataset's codes, shared by the HXL and plain-CSV importers: numbers, years,
//! recipients (ISO codes, M49 areas, country names), stages, kinds, donor types, and sectors →
//! obligations (obligation ids, FTS cluster names, CRS purpose codes). Errors say what was expected.

use crate::core::format::codes::{self, DONOR_TYPES, OBLIGATIONS};
use crate::core::format::geo;
use crate::core::import::fts;
use std::collections::BTreeMap;

/// A number, `None` for an empty cell.
pub(crate) fn number(s: &str) -> Result<Option<f64>, String> {
    let t = s.trim();
    if t.is_empty() {
        return Ok(None);
    }
    match t.parse::<f64>() {
        Ok(v) if v.is_finite() => Ok(Some(v)),
        _ => Err(format!("{t:?} is not a number")),
    }
}

/// A year from 1900 to 2100 (required).
pub(crate) fn year(s: &str) -> Result<i32, String> {
    let t = s.trim();
    if t.is_empty() {
        return Err("missing value: the year is required".into());
    }
    let y: i32 = t.parse().map_err(|_| format!("{t:?} is not a year"))?;
    if !(1900..=2100).contains(&y) {
        return Err(format!("year {y} is outside 1900–2100"));
    }
    Ok(y)
}

/// A recipient code from what publishers write: ISO 3166 alpha-3 or alpha-2, a UN M49 area code,
/// or a country's English name. A list of several places cannot be one recipient.
pub fn recipient_code(value: &str) -> Result<String, String> {
    let t = value.trim();
    if t.is_empty() {
        return Err("missing value: the recipient country is required".into());
    }
    let items = split_list(t);
    if items.len() > 1 {
        return Err(format!("several places ({t:?}): the amount cannot be placed in one recipient"));
    }
    let up = t.to_ascii_uppercase();
    let found = match t.len() {
        3 if t.chars().all(|c| c.is_ascii_alphabetic()) => geo::country(&up).map(|c| c.iso3.to_string()),
        2 if t.chars().all(|c| c.is_ascii_alphabetic()) => geo::country_by_iso2(&up).map(|c| c.iso3.to_string()),
        3 if t.chars().all(|c| c.is_ascii_digit()) => geo::area(t).map(|a| a.code.to_string()),
        _ => geo::country_by_name(t).map(|c| c.iso3.to_string()),
    };
    found.ok_or_else(|| format!("{t:?} is not a known country code (ISO 3166 alpha-3 or alpha-2, a UN M49 area code, or an English country name)"))
}

/// Splits an HXL list cell. FTS joins with "," and no space, while names such as "Housing, Land
/// and Property" hold ", ": a comma followed by a space stays inside the item. "|" and ";" also
/// separate.
pub(crate) fn split_list(s: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for part in s.split(['|', ';']) {
        let mut items: Vec<String> = Vec::new();
        for piece in part.split(',') {
            match items.last_mut() {
                Some(last) if piece.starts_with(' ') => {
                    last.push(',');
                    last.push_str(piece);
                }
                _ => items.push(piece.to_string()),
            }
        }
        out.extend(items.into_iter().map(|i| i.trim().to_string()).filter(|i| !i.is_empty()));
    }
    out
}

/// Stage names publishers use → status code.
pub fn status_code(value: &str) -> Option<&'static str> {
    match value.trim().to_lowercase().as_str() {
        "paid" | "disbursement" | "disbursements" | "disbursed" => Some("disbursed"),
        "commitment" | "commitments" | "committed" => Some("committed"),
        "pledge" | "pledges" | "pledged" => Some("pledged"),
        _ => None,
    }
}

/// Contribution type names → kind code.
pub(crate) fn kind_code(value: &str) -> Option<&'static str> {
    match value.trim().to_lowercase().as_str() {
        "financial" => Some("financial"),
        "in kind" | "in-kind" | "inkind" => Some("in-kind"),
        "technical" => Some("technical"),
        _ => None,
    }
}

/// The id of a code list entry, whatever the case of `value`.
pub(crate) fn list_code(list: &'static [codes::Code], value: &str) -> Option<&'static str> {
    let v = value.trim();
    list.iter().find(|c| c.id.eq_ignore_ascii_case(v)).map(|c| c.id)
}

/// A donor type code, or an FTS organisation type name ("Government", "UN agency", ...).
pub(crate) fn donor_type_code(value: &str) -> Option<&'static str> {
    list_code(DONOR_TYPES, value).or_else(|| {
        let t = fts::donor_type(&[value.trim()]);
        (t != "other").then_some(t)
    })
}

/// OECD CRS purpose codes (sector 152, conflict, peace and security) → obligations.
/// 15250 "Removal of land mines and explosive remnants of war" covers all of mine action
/// (clearance, stockpile destruction, risk education, victim assistance): `mine-action`, the
/// obligation not specified, since a CRS row has no words to tell them apart; 15240 "Reintegration and SALW control" is counted as cooperation and assistance (art.
/// 6), the nearest code; the rest of 152xx is unspecified.
pub const CRS_PURPOSES: &[(&str, &str)] = &[("15250", "mine-action"), ("15240", "cooperation-assistance")];

/// An obligation from one sector value: an obligation id, an FTS global cluster name, or a CRS
/// purpose code. Values nothing knows are counted in `unmapped` and become `unspecified`.
pub(crate) fn obligation_code(value: &str, unmapped: &mut BTreeMap<String, usize>) -> &'static str {
    let v = value.trim();
    if v.is_empty() {
        return "unspecified";
    }
    if let Some(id) = list_code(OBLIGATIONS, v) {
        return id;
    }
    if let Some((_, id)) = fts::GLOBAL_CLUSTERS.iter().find(|(name, _)| name.eq_ignore_ascii_case(v)) {
        return id;
    }
    if v.len() == 5 && v.chars().all(|c| c.is_ascii_digit()) {
        if let Some((_, id)) = CRS_PURPOSES.iter().find(|(code, _)| *code == v) {
            return id;
        }
        if !v.starts_with("152") {
            *unmapped.entry(v.to_string()).or_default() += 1;
        }
        return "unspecified";
    }
    *unmapped.entry(v.to_string()).or_default() += 1;
    "unspecified"
}

/// Several sectors in one cell: no split is given, so several different obligations are `multi-sector`.
pub(crate) fn obligations_of_list(value: &str, unmapped: &mut BTreeMap<String, usize>) -> &'static str {
    let mut ids: Vec<&'static str> = split_list(value).iter().map(|v| obligation_code(v, unmapped)).collect();
    ids.sort_unstable();
    ids.dedup();
    match ids.as_slice() {
        [] => "unspecified",
        [one] => one,
        _ => "multi-sector",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recipient_codes_from_iso3_iso2_m49_and_names() {
        assert_eq!(recipient_code("gtm").unwrap(), "GTM");
        assert_eq!(recipient_code("CK").unwrap(), "COK");
        assert_eq!(recipient_code("PW").unwrap(), "PLW");
        assert_eq!(recipient_code("419").unwrap(), "419");
        assert_eq!(recipient_code("Afghanistan").unwrap(), "AFG");
        assert!(recipient_code("XYZ").unwrap_err().contains("not a known country code"));
        assert!(recipient_code("").unwrap_err().contains("missing value"));
        assert!(recipient_code("AFG,JOR").unwrap_err().contains("several places"));
    }

    #[test]
    fn lists_split_on_commas_but_keep_names_with_comma_space() {
        assert_eq!(split_list("Health,Housing, Land and Property,WASH"), ["Health", "Housing, Land and Property", "WASH"]);
        assert_eq!(split_list("HTI|DOM"), ["HTI", "DOM"]);
        let mut u = BTreeMap::new();
        assert_eq!(obligations_of_list("Health", &mut u), "health");
        assert_eq!(obligations_of_list("Health,Protection", &mut u), "multi-sector");
        assert_eq!(obligations_of_list("Mine Action", &mut u), "mine-action");
        assert_eq!(obligation_code("15250", &mut u), "mine-action");
        assert_eq!(obligation_code("15240", &mut u), "cooperation-assistance");
        assert_eq!(obligation_code("15220", &mut u), "unspecified");
        assert!(u.is_empty());
        assert_eq!(obligation_code("Space weather", &mut u), "unspecified");
        assert_eq!(u["Space weather"], 1);
    }
}
