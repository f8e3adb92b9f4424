//! Who received: recipient-country (ISO 3166 alpha-2 → alpha-3) and recipient-region (OECD DAC or
//! UN M49 codes → the UN M49 areas the dashboard knows), and an activity's split between them.

use super::activity::RecipientRaw;
use super::sectors::shares;
use crate::core::format::geo;

/// OECD DAC recipient region codes (IATI Region vocabulary 1) → UN M49 areas the project knows.
pub const DAC_REGIONS: &[(&str, &str, &str)] = &[
    ("998", "001", "Developing countries, unspecified"),
    ("298", "002", "Africa, regional"),
    ("289", "002", "South of Sahara, regional"),
    ("189", "015", "North of Sahara, regional"),
    ("1027", "014", "Eastern Africa, regional"),
    ("1028", "017", "Middle Africa, regional"),
    ("1029", "018", "Southern Africa, regional"),
    ("1030", "011", "Western Africa, regional"),
    ("498", "419", "America, regional"),
    ("389", "419", "North & Central America, regional"),
    ("1032", "013", "Central America, regional"),
    ("380", "029", "West Indies, regional"),
    ("1031", "029", "Caribbean, regional"),
    ("489", "005", "South America, regional"),
    ("798", "142", "Asia, regional"),
    ("589", "145", "Middle East, regional"),
    ("619", "143", "Central Asia, regional"),
    ("679", "034", "South Asia, regional"),
    ("689", "142", "South & Central Asia, regional"),
    ("789", "142", "Far East Asia, regional"),
    ("89", "150", "Europe, regional"),
    ("889", "009", "Oceania, regional"),
    ("1033", "054", "Melanesia, regional"),
    ("1034", "057", "Micronesia, regional"),
    ("1035", "061", "Polynesia, regional"),
];

/// A recipient element's code → dataset recipient (ISO alpha-3 or M49 area code).
pub fn recipient_code(element: &str, code: &str, vocabulary: Option<&str>) -> Result<String, String> {
    let code = code.trim();
    if element == "recipient-country" {
        let upper = code.to_ascii_uppercase();
        return geo::countries()
            .iter()
            .find(|c| c.iso2 == upper)
            .map(|c| c.iso3.to_string())
            .ok_or_else(|| format!("recipient-country code {code:?} is not an ISO 3166-1 alpha-2 country code"));
    }
    match vocabulary.map(str::trim).filter(|v| !v.is_empty()).unwrap_or("1") {
        "1" => DAC_REGIONS
            .iter()
            .find(|r| r.0 == code)
            .map(|r| r.1.to_string())
            .ok_or_else(|| format!("recipient-region {code:?} (OECD DAC vocabulary 1) has no UN M49 area in the importer's table")),
        "2" => {
            let padded = format!("{code:0>3}");
            geo::area(&padded)
                .map(|a| a.code.to_string())
                .ok_or_else(|| format!("recipient-region {code:?} (UN M49 vocabulary 2) is not an area the dashboard knows"))
        }
        v => Err(format!("recipient-region {code:?} uses vocabulary {v:?}: only 1 (OECD DAC) and 2 (UN M49) can be mapped")),
    }
}

/// The activity's recipients with their shares (`Err` says why they cannot be used).
pub(super) fn activity_recipients(list: &[RecipientRaw]) -> Result<Vec<(String, f64)>, String> {
    if list.is_empty() {
        return Err("no recipient-country or recipient-region in the transaction or its activity".into());
    }
    let split = shares(&list.iter().map(|r| r.percentage.as_deref()).collect::<Vec<_>>()).map_err(|e| format!("recipient {e}"))?;
    let mut out: Vec<(String, f64)> = Vec::new();
    for (r, share) in list.iter().zip(split) {
        let code = r.code.as_deref().ok_or_else(|| format!("activity {} has no @code", r.element))?;
        let recipient = recipient_code(r.element, code, r.vocabulary.as_deref())?;
        if share <= 0.0 {
            continue;
        }
        match out.iter_mut().find(|(c, _)| *c == recipient) {
            Some((_, s)) => *s += share,
            None => out.push((recipient, share)),
        }
    }
    if out.is_empty() {
        return Err("every recipient of the activity has a percentage of 0".into());
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recipients_become_iso3_or_m49() {
        assert_eq!(recipient_code("recipient-country", "MX", None).unwrap(), "MEX");
        assert_eq!(recipient_code("recipient-country", "gt", None).unwrap(), "GTM");
        assert!(recipient_code("recipient-country", "XX", None).unwrap_err().contains("\"XX\""));
        assert!(recipient_code("recipient-country", "MEX", None).is_err());
        for (dac, m49) in [("998", "001"), ("498", "419"), ("289", "002"), ("89", "150"), ("380", "029"), ("489", "005"), ("889", "009"), ("1032", "013")] {
            assert_eq!(recipient_code("recipient-region", dac, Some("1")).unwrap(), m49, "{dac}");
            assert_eq!(recipient_code("recipient-region", dac, None).unwrap(), m49, "{dac}");
        }
        assert_eq!(recipient_code("recipient-region", "13", Some("2")).unwrap(), "013");
        assert!(recipient_code("recipient-region", "12345", Some("1")).is_err());
        assert!(recipient_code("recipient-region", "998", Some("99")).is_err());
    }

    #[test]
    fn every_region_names_a_known_area() {
        for (dac, m49, _) in DAC_REGIONS {
            assert!(geo::area(m49).is_some(), "{dac} → {m49}");
        }
    }
}
