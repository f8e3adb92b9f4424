//! Who gave: IATI organisation types → donor types, the country of a government donor, and which
//! organisation of a transaction or its activity is the donor.

use super::activity::{Activity, Org, Transaction};
use crate::core::format::dataset::Donor;
use crate::core::format::geo;
use crate::core::import::slug;

/// The country of a government donor: the registration agency of its IATI organisation identifier
/// is national ("US-USAGOV", "DE-1", "CA-GOV-050": the first two letters), or the identifier carries
/// an OECD DAC donor code ("XM-DAC-3-1": Denmark), else a name such as "Government of Denmark".
/// The European institutions (XI-IATI-EC_ECHO) are no country.
pub fn government_country(reference: Option<&str>, name: &str) -> Option<String> {
    let mut parts = reference.unwrap_or("").split('-');
    let from_reference = match (parts.next(), parts.next(), parts.next()) {
        (Some("XM"), Some("DAC"), Some(code)) => crate::core::format::cooperation::country_of_dac_donor_code(code).and_then(geo::country),
        (Some(prefix), _, _) if prefix.len() == 2 && !prefix.starts_with('X') => geo::country_by_iso2(prefix),
        _ => None,
    };
    from_reference.or_else(|| geo::country_of_government_name(name)).map(|c| c.iso3.to_string())
}

/// IATI OrganisationType → donor type.
pub fn donor_type(org_type: Option<&str>) -> &'static str {
    match org_type.map(str::trim).unwrap_or("") {
        "10" | "11" | "15" => "government",
        "40" => "multilateral",
        "21" | "22" | "23" | "24" => "ngo",
        "30" | "60" | "70" | "71" | "72" | "73" => "private",
        _ => "other",
    }
}

impl Org {
    /// The organisation as a donor: its name (else its reference), its reference as id (else a
    /// slug of the name); `None` when it has neither.
    pub(super) fn donor(&self) -> Option<Donor> {
        let name = self.name.text.clone().or_else(|| self.reference().map(str::to_string))?;
        let id = self.reference().map(str::to_string).unwrap_or_else(|| slug(&name));
        let donor_type = donor_type(self.org_type.as_deref());
        let country = (donor_type == "government").then(|| government_country(self.reference(), &name)).flatten();
        (!id.is_empty()).then(|| Donor { id, name, donor_type: donor_type.to_string(), country })
    }
}

/// provider-org; else the activity's single funding participating-org; else, for money the
/// reporting organisation sends (types 2, 3, 12), the reporting-org.
pub(super) fn transaction_donor(a: &Activity, t: &Transaction, outgoing: bool) -> Result<Donor, String> {
    if let Some(d) = t.provider.as_ref().and_then(Org::donor) {
        return Ok(d);
    }
    let funders: Vec<Donor> = a.funding_orgs.iter().filter_map(Org::donor).collect();
    if funders.len() == 1 {
        return Ok(funders[0].clone());
    }
    if outgoing {
        if let Some(d) = a.reporting_org.as_ref().and_then(Org::donor) {
            return Ok(d);
        }
    }
    Err(match funders.len() {
        0 => "no provider-org (with a name or @ref) and no funding participating-org: the donor is unknown".into(),
        n => format!("no provider-org (with a name or @ref) and {n} funding participating-orgs: the donor is ambiguous"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn government_donors_get_their_country_from_identifier_or_name() {
        for (reference, name, want) in [
            (Some("US-USAGOV"), "United States", Some("USA")),
            (Some("CA-GOV-050"), "Government of Canada", Some("CAN")),
            (Some("DE-1"), "Germany - Ministry for Economic Cooperation and Development", Some("DEU")),
            (Some("XM-DAC-3-1"), "Ministry of Foreign Affairs, Denmark", Some("DNK")),
            (Some("XM-DAC-41121"), "UNHCR", None),
            (Some("XI-IATI-EC_ECHO"), "European Commission - Humanitarian Aid & Civil Protection", None),
            (None, "Government of Guyana", Some("GUY")),
            (None, "European Union", None),
        ] {
            assert_eq!(government_country(reference, name).as_deref(), want, "{reference:?} {name}");
        }
    }

    #[test]
    fn donor_types_from_organisation_types() {
        for (t, want) in [
            ("10", "government"),
            ("11", "government"),
            ("15", "government"),
            ("40", "multilateral"),
            ("21", "ngo"),
            ("22", "ngo"),
            ("23", "ngo"),
            ("24", "ngo"),
            ("30", "private"),
            ("60", "private"),
            ("70", "private"),
            ("71", "private"),
            ("72", "private"),
            ("73", "private"),
            ("80", "other"),
            ("90", "other"),
            ("", "other"),
        ] {
            assert_eq!(donor_type(Some(t)), want, "{t}");
        }
        assert_eq!(donor_type(None), "other");
    }
}
