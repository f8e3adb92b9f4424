//! Cooperation models, derived honestly when a source does not state them
//! (docs/cooperation-models.md). Each rule is a small function; `derive` applies them in order and
//! says which rule decided, so the dashboard can show how many records each rule classified.

use crate::core::locale::i18n::Msg;

/// OECD Development Assistance Committee members (32, as of 2024: oecd.org/dac/development-assistance-committee).
/// The EU institutions are a member too; as a donor they are multilateral.
pub const DAC_MEMBERS: &[&str] = &[
    "AUS", "AUT", "BEL", "CAN", "CZE", "DNK", "EST", "FIN", "FRA", "DEU", "GRC", "HUN", "ISL", "IRL", "ITA", "JPN", "KOR", "LTU", "LUX", "NLD", "NZL", "NOR",
    "POL", "PRT", "SVK", "SVN", "ESP", "SWE", "CHE", "GBR", "USA",
];

/// Southern providers: countries outside the DAC that are themselves on the OECD DAC List of ODA
/// Recipients (2024–2025 reporting) and provide development co-operation, as profiled by the OECD
/// ("Development Co-operation Profiles: other official providers") and SEGIB's Report on
/// South-South Cooperation in Ibero-America. High-income non-DAC donors (e.g. the Gulf states,
/// Russia) are not southern providers under this definition. Extend with a source when needed.
pub const SOUTHERN_PROVIDERS: &[&str] = &[
    "ARG", "BRA", "CHL", "CHN", "COL", "CRI", "CUB", "DOM", "ECU", "EGY", "GTM", "IDN", "IND", "KAZ", "KEN", "MAR", "MEX", "MYS", "PER", "PHL", "SLV", "THA",
    "TUR", "VNM", "ZAF", "BOL", "HND", "PRY", "NGA", "GHA", "RWA", "SEN",
];

/// Which rule decided a contribution's model.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Rule {
    /// The publisher stated the model.
    Stated,
    /// IATI collaboration-type.
    CollaborationType,
    /// A DAC donor channels money through a southern partner to a developing country.
    Triangular,
    /// A southern provider's government gives to another developing country: south-south.
    SouthernProvider,
    /// A private donor works with a public partner: public-private.
    PublicPrivate,
    /// The title or description names the modality ("south-south", "cooperación triangular",
    /// "public-private partnership"…); the matched phrase is the evidence.
    Text,
    /// The donor is a regional or pooled fund.
    PooledFund,
    /// The donor's organisation type (government → bilateral, multilateral/UN → multilateral).
    DonorType,
    /// No rule could decide; the model stays `unspecified` rather than a guess.
    Unspecified,
}

impl Rule {
    /// Every rule: `Stated`, then the others in the order `derive` tries them.
    pub const ALL: [Rule; 9] = [
        Rule::Stated,
        Rule::CollaborationType,
        Rule::Triangular,
        Rule::SouthernProvider,
        Rule::PublicPrivate,
        Rule::Text,
        Rule::PooledFund,
        Rule::DonorType,
        Rule::Unspecified,
    ];

    /// The id datasets write in `model_rule`; a contribution without one counts as `stated`.
    pub fn id(self) -> &'static str {
        match self {
            Rule::Stated => "stated",
            Rule::CollaborationType => "collaboration-type",
            Rule::Triangular => "triangular",
            Rule::SouthernProvider => "southern-provider",
            Rule::PublicPrivate => "public-private",
            Rule::Text => "text",
            Rule::PooledFund => "pooled-fund",
            Rule::DonorType => "donor-type",
            Rule::Unspecified => "unspecified",
        }
    }

    /// The rule with this id, if it is one.
    pub fn parse(id: &str) -> Option<Rule> {
        Rule::ALL.into_iter().find(|r| r.id() == id)
    }

    /// The rule's name in every language, for the dashboard's count of records per rule.
    pub fn label(self) -> Msg {
        match self {
            Rule::Stated => Msg::RuleStated,
            Rule::CollaborationType => Msg::RuleCollaborationType,
            Rule::Triangular => Msg::RuleTriangular,
            Rule::SouthernProvider => Msg::RuleSouthernProvider,
            Rule::PublicPrivate => Msg::RulePublicPrivate,
            Rule::Text => Msg::RuleText,
            Rule::PooledFund => Msg::RulePooledFund,
            Rule::DonorType => Msg::RuleDonorType,
            Rule::Unspecified => Msg::RuleUnspecified,
        }
    }
}

/// IATI CollaborationType codelist → model.
pub fn from_collaboration_type(code: &str) -> Option<&'static str> {
    match code.trim() {
        "1" => Some("bilateral"),
        "2" | "4" => Some("multilateral"),
        "3" | "6" => Some("public-private"),
        "7" => Some("bilateral"),
        "8" => Some("triangular"),
        _ => None,
    }
}

/// OECD DAC donor codes of the member states (the CRS "donor" code list), as IATI organisation
/// identifiers use them: `XM-DAC-3-1` is an agency of Denmark (code 3). Multilateral codes have five
/// digits (`XM-DAC-41121` is UNHCR) and are not here.
pub const DAC_DONOR_CODES: &[(&str, &str)] = &[
    ("1", "AUT"),
    ("2", "BEL"),
    ("3", "DNK"),
    ("4", "FRA"),
    ("5", "DEU"),
    ("6", "ITA"),
    ("7", "NLD"),
    ("8", "NOR"),
    ("9", "PRT"),
    ("10", "SWE"),
    ("11", "CHE"),
    ("12", "GBR"),
    ("18", "FIN"),
    ("20", "ISL"),
    ("21", "IRL"),
    ("22", "LUX"),
    ("40", "GRC"),
    ("50", "ESP"),
    ("301", "CAN"),
    ("302", "USA"),
    ("701", "JPN"),
    ("742", "KOR"),
    ("801", "AUS"),
    ("820", "NZL"),
];

/// The member state (ISO3) an OECD DAC donor code stands for, e.g. `3` → `DNK`; `None` for the
/// codes of multilateral donors.
pub fn country_of_dac_donor_code(code: &str) -> Option<&'static str> {
    DAC_DONOR_CODES.iter().find(|(c, _)| *c == code).map(|(_, iso3)| *iso3)
}

/// Whether a country (ISO3) is an OECD DAC member: a traditional donor.
pub fn is_dac_member(iso3: &str) -> bool {
    DAC_MEMBERS.contains(&iso3)
}

/// Whether a country (ISO3) is a southern provider, as `SOUTHERN_PROVIDERS` defines it.
pub fn is_southern_provider(iso3: &str) -> bool {
    SOUTHERN_PROVIDERS.contains(&iso3)
}

/// What is known about a contribution when its model is not stated.
#[derive(Clone, Debug, Default)]
pub struct Facts<'a> {
    /// IATI collaboration-type code, when the source gives one.
    pub collaboration_type: Option<&'a str>,
    /// Dataset donor type (government, multilateral, un-agency, private, ngo, other).
    pub donor_type: &'a str,
    /// ISO3 country of a government donor, when known.
    pub donor_country: Option<&'a str>,
    /// A southern country channelling a traditional donor's money (triangular co-operation).
    pub pivot_country: Option<&'a str>,
    /// ISO3 of the recipient country, when it is a country.
    pub recipient_country: Option<&'a str>,
    /// The money goes to a public body (government or UN agency) rather than an NGO or company.
    pub public_partner: bool,
    /// Other funders of the same activity: their donor type and, for governments, their country.
    pub co_funders: &'a [(&'a str, Option<&'a str>)],
    /// The donor is a named regional or pooled fund (e.g. FTS "Pooled fund", a CBPF, CERF).
    pub pooled_fund: bool,
    /// What the publisher wrote, in the order it is read: (`title`, text), (`description`, text).
    pub texts: &'a [(&'a str, &'a str)],
}

fn developing(recipient: Option<&str>) -> bool {
    recipient.is_some_and(|r| !is_dac_member(r))
}

/// "South-South and triangular cooperation" is one UN phrase for both: it names south-south.
const SOUTH_SOUTH_AND_TRIANGULAR: &[&str] = &[
    "south south and triangular cooperation",
    "south south and triangular co operation",
    "south south and triangular",
    "south south triangular",
    "sur sur y triangular",
    "sur sur y cooperacion triangular",
    "sud sud et triangulaire",
    "sud sud et cooperation triangulaire",
    "sstc",
];

/// Phrases (folded: lower case, no accents) that name a modality, by model, in the order tried.
pub const MODEL_PHRASES: &[(&str, &[&str])] = &[
    (
        "triangular",
        &[
            "triangular cooperation",
            "triangular co operation",
            "cooperacion triangular",
            "cooperation triangulaire",
            "trilateral cooperation",
            "triangular",
            "triangulaire",
            "dreieckskooperation",
            "تعاون ثلاثي",
            "التعاون الثلاثي",
        ],
    ),
    ("south-south", &["south south", "sur sur", "sud sud", "sstc", "بين بلدان الجنوب", "جنوب جنوب"]),
    (
        "public-private",
        &[
            "public private partnership",
            "public private partnerships",
            "alianza publico privada",
            "alianzas publico privadas",
            "asociacion publico privada",
            "partenariat public prive",
            "partenariats public prive",
            "الشراكة بين القطاعين العام والخاص",
        ],
    ),
];

/// The modality the publisher's words name, and the evidence (`title: “…sur-sur…”`): the first
/// text that names one decides.
pub fn model_from_text(texts: &[(&str, &str)]) -> Option<(&'static str, String)> {
    model_from_text_among(texts, &["triangular", "south-south", "public-private"])
}

/// `model_from_text` limited to some models.
fn model_from_text_among(texts: &[(&str, &str)], models: &[&str]) -> Option<(&'static str, String)> {
    use super::obligation_rules::{find_phrase, fold, snippet};
    for (field, text) in texts {
        let folded = fold(text);
        // The joint phrase names south-south; only "triangular" elsewhere names triangular.
        let mut without_joint = folded.clone();
        for joint in SOUTH_SOUTH_AND_TRIANGULAR {
            without_joint = without_joint.replace(joint, &" ".repeat(joint.len()));
        }
        for (model, phrases) in MODEL_PHRASES.iter().filter(|(m, _)| models.contains(m)) {
            let haystack = if *model == "triangular" { &without_joint } else { &folded };
            if let Some((at, phrase)) = phrases.iter().find_map(|p| find_phrase(haystack, p).map(|at| (at, p))) {
                return Some((model, format!("{field}: “{}”", snippet(&folded, at, phrase.len()))));
            }
        }
    }
    None
}

/// The model and the rule that decided it; `unspecified` rather than a guess.
pub fn derive(f: &Facts) -> (&'static str, Rule) {
    let (model, rule, _) = derive_with_evidence(f);
    (model, rule)
}

/// The model, the rule that decided it and what it matched. The order (docs/cooperation-models.md):
/// the publisher's triangular code; the parties (a southern provider, a traditional donor with a
/// southern pivot or co-funder, a private and a public party) unless the money goes through a
/// multilateral; the publisher's words; the publisher's channel code; a pooled fund; the donor's
/// type; else unspecified.
pub fn derive_with_evidence(f: &Facts) -> (&'static str, Rule, Option<String>) {
    if f.collaboration_type.map(str::trim) == Some("8") {
        return ("triangular", Rule::CollaborationType, Some("collaboration-type 8 (bilateral, triangular co-operation)".into()));
    }
    let through_multilateral = matches!(f.collaboration_type.map(str::trim), Some("2" | "4"));
    let government = f.donor_type == "government";
    let public = |t: &str| matches!(t, "government" | "multilateral" | "un-agency");
    if !through_multilateral {
        let dac_co_funder =
            f.co_funders.iter().any(|(t, c)| (*t == "government" && c.is_some_and(is_dac_member)) || matches!(*t, "multilateral" | "un-agency"));
        let southern_co_funder = f.co_funders.iter().find_map(|(t, c)| c.filter(|c| *t == "government" && is_southern_provider(c)));
        if developing(f.recipient_country) && government {
            if f.donor_country.is_some_and(is_dac_member) && f.pivot_country.or(southern_co_funder).is_some_and(is_southern_provider) {
                let pivot = f.pivot_country.or(southern_co_funder).unwrap_or_default();
                return ("triangular", Rule::Triangular, Some(format!("{} with southern partner {pivot}", f.donor_country.unwrap_or_default())));
            }
            if let Some(south) = f.donor_country.filter(|c| is_southern_provider(c) && f.donor_country != f.recipient_country) {
                if dac_co_funder {
                    return ("triangular", Rule::Triangular, Some(format!("southern provider {south} with a traditional or multilateral co-funder")));
                }
                return ("south-south", Rule::SouthernProvider, Some(format!("{south} → {}", f.recipient_country.unwrap_or_default())));
            }
        }
        if f.donor_type == "private" && f.public_partner {
            return ("public-private", Rule::PublicPrivate, Some("private donor, public partner".into()));
        }
        if public(f.donor_type) && f.co_funders.iter().any(|(t, _)| *t == "private") {
            return ("public-private", Rule::PublicPrivate, Some("public donor with a private co-funder".into()));
        }
    }
    // A title that names the modality outweighs the channel code; a passing mention in a
    // description does not.
    let titles: Vec<(&str, &str)> = f.texts.iter().copied().filter(|(field, _)| *field == "title").collect();
    let descriptions: Vec<(&str, &str)> = f.texts.iter().copied().filter(|(field, _)| *field != "title").collect();
    // A foundation's or an NGO's money that studies or promotes south-south co-operation is not
    // itself co-operation between southern states: for them only public-private is read.
    let readable: &[&str] = if matches!(f.donor_type, "private" | "ngo") { &["public-private"] } else { &["triangular", "south-south", "public-private"] };
    if let Some((model, evidence)) = model_from_text_among(&titles, readable) {
        return (model, Rule::Text, Some(evidence));
    }
    if let Some(m) = f.collaboration_type.and_then(from_collaboration_type) {
        return (m, Rule::CollaborationType, Some(format!("collaboration-type {}", f.collaboration_type.unwrap_or_default().trim())));
    }
    if let Some((model, evidence)) = model_from_text_among(&descriptions, readable) {
        return (model, Rule::Text, Some(evidence));
    }
    if f.pooled_fund {
        return ("regional-fund", Rule::PooledFund, None);
    }
    match f.donor_type {
        "government" if f.donor_country.is_some() || f.recipient_country.is_some() => ("bilateral", Rule::DonorType, None),
        "multilateral" | "un-agency" => ("multilateral", Rule::DonorType, None),
        _ => ("unspecified", Rule::Unspecified, None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts<'a>(donor_type: &'a str, donor: Option<&'a str>, recipient: Option<&'a str>) -> Facts<'a> {
        Facts { donor_type, donor_country: donor, recipient_country: recipient, ..Default::default() }
    }

    #[test]
    fn collaboration_type_wins() {
        let f = Facts { collaboration_type: Some("8"), ..facts("government", Some("NOR"), Some("GTM")) };
        assert_eq!(derive(&f), ("triangular", Rule::CollaborationType));
        assert_eq!(from_collaboration_type("4"), Some("multilateral"));
        assert_eq!(from_collaboration_type("9"), None);
    }

    #[test]
    fn southern_provider_to_a_developing_country_is_south_south() {
        assert_eq!(derive(&facts("government", Some("MEX"), Some("GTM"))), ("south-south", Rule::SouthernProvider));
        assert_eq!(derive(&facts("government", Some("KAZ"), Some("AFG"))), ("south-south", Rule::SouthernProvider));
        // A high-income non-DAC donor is not a southern provider; a DAC donor is bilateral.
        assert_eq!(derive(&facts("government", Some("KWT"), Some("AFG"))), ("bilateral", Rule::DonorType));
        assert_eq!(derive(&facts("government", Some("NOR"), Some("AFG"))), ("bilateral", Rule::DonorType));
        // Money to a DAC member is not development co-operation between southern countries.
        assert_eq!(derive(&facts("government", Some("MEX"), Some("ESP"))).1, Rule::DonorType);
    }

    #[test]
    fn triangular_needs_a_traditional_donor_and_a_southern_pivot() {
        let f = Facts { pivot_country: Some("MEX"), ..facts("government", Some("DEU"), Some("HND")) };
        assert_eq!(derive(&f), ("triangular", Rule::Triangular));
        let no_pivot = facts("government", Some("DEU"), Some("HND"));
        assert_eq!(derive(&no_pivot).0, "bilateral");
    }

    #[test]
    fn private_with_public_partner_pooled_funds_and_unknowns() {
        let ppp = Facts { public_partner: true, ..facts("private", None, Some("AFG")) };
        assert_eq!(derive(&ppp), ("public-private", Rule::PublicPrivate));
        assert_eq!(derive(&facts("private", None, Some("AFG"))), ("unspecified", Rule::Unspecified));
        let fund = Facts { pooled_fund: true, ..facts("multilateral", None, Some("AFG")) };
        assert_eq!(derive(&fund), ("regional-fund", Rule::PooledFund));
        assert_eq!(derive(&facts("ngo", None, None)), ("unspecified", Rule::Unspecified));
    }

    #[test]
    fn words_name_a_modality_only_where_no_stronger_rule_applies() {
        let texts = [("title", "Cooperación Sur-Sur entre México y Honduras")];
        let f = Facts { texts: &texts, collaboration_type: Some("1"), ..facts("government", Some("DEU"), Some("HND")) };
        assert_eq!(derive_with_evidence(&f), ("south-south", Rule::Text, Some("title: “cooperacion sur sur entre mexico y honduras”".into())));
        // The joint UN phrase names south-south; "triangular" alone names triangular.
        assert_eq!(model_from_text(&[("description", "support to South-South and Triangular Cooperation (SSTC)")]).unwrap().0, "south-south");
        assert_eq!(model_from_text(&[("title", "Triangular cooperation Japan-Brazil-Mozambique")]).unwrap().0, "triangular");
        assert_eq!(model_from_text(&[("title", "Alianza público-privada para el agua")]).unwrap().0, "public-private");
        assert_eq!(model_from_text(&[("title", "Southern south-east roads")]), None);
        // A southern provider decides before the words; a multilateral channel leaves it to them.
        let f = Facts { texts: &texts, ..facts("government", Some("MEX"), Some("HND")) };
        assert_eq!(derive(&f), ("south-south", Rule::SouthernProvider));
        let f = Facts { texts: &texts, collaboration_type: Some("4"), ..facts("government", Some("MEX"), Some("HND")) };
        assert_eq!(derive(&f), ("south-south", Rule::Text));
        // A description's mention does not outweigh the channel code; a title's does.
        let described = [("description", "building capacity, including through south-south cooperation")];
        let f = Facts { texts: &described, collaboration_type: Some("4"), ..facts("multilateral", None, Some("HND")) };
        assert_eq!(derive(&f), ("multilateral", Rule::CollaborationType));
        let f = Facts { texts: &described, ..facts("other", None, Some("HND")) };
        assert_eq!(derive(&f), ("south-south", Rule::Text));
        // A foundation that studies south-south co-operation does not co-operate south-south.
        let f = Facts { texts: &texts, ..facts("private", None, Some("HND")) };
        assert_eq!(derive(&f).1, Rule::Unspecified);
        assert_eq!(model_from_text(&[("title", "Süd-Süd Dreieckskooperation und Netzwerke")]).unwrap().0, "triangular");
        assert_eq!(model_from_text(&[("description", "leveraging south?south and triangular cooperation")]).unwrap().0, "south-south");
        assert_eq!(model_from_text(&[("description", "GoI's South-South & Triangular Cooperation (SSTC)")]).unwrap().0, "south-south");
    }

    #[test]
    fn co_funders_make_triangular_and_public_private() {
        let dac = [("government", Some("JPN"))];
        assert_eq!(derive(&Facts { co_funders: &dac, ..facts("government", Some("BRA"), Some("MOZ")) }), ("triangular", Rule::Triangular));
        let south = [("government", Some("BRA"))];
        assert_eq!(derive(&Facts { co_funders: &south, ..facts("government", Some("JPN"), Some("MOZ")) }), ("triangular", Rule::Triangular));
        let private = [("private", None)];
        assert_eq!(derive(&Facts { co_funders: &private, ..facts("government", Some("JPN"), Some("MOZ")) }), ("public-private", Rule::PublicPrivate));
    }

    #[test]
    fn tables_do_not_overlap() {
        assert!(SOUTHERN_PROVIDERS.iter().all(|c| !is_dac_member(c)));
        for c in SOUTHERN_PROVIDERS.iter().chain(DAC_MEMBERS) {
            assert!(crate::core::format::geo::country(c).is_some(), "{c}");
        }
    }
}
