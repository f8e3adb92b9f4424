//! What for: sector codes (OECD DAC purpose codes, humanitarian clusters, UNHCR's results areas)
//! → obligations, one vocabulary per transaction split by its percentages. `shares` also splits an
//! activity between its recipients.

use crate::core::format::dataset::ObligationShare;

/// Sector vocabularies in the order the importer chooses among them (one per transaction: each
/// vocabulary's percentages add up to 100 on their own, so they are never mixed).
fn vocabulary_order(unhcr: bool) -> &'static [&'static str] {
    if unhcr {
        &["98", "99", "10", "1", "2"]
    } else {
        &["10", "1", "2"]
    }
}

/// OECD DAC 5-digit purpose codes (sector vocabulary 1) with their own obligation.
pub const DAC5_SECTORS: &[(&str, &str, &str)] = &[
    ("15250", "mine-action", "Removal of land mines and explosive remnants of war (all of mine action: the words decide which obligation)"),
    ("15240", "cooperation-assistance", "Reintegration and SALW control"),
    ("15261", "child-protection", "Child soldiers (prevention and demobilisation)"),
    ("15160", "protection", "Human rights"),
    ("15180", "gbv", "Ending violence against women and girls"),
    ("15190", "integration", "Facilitation of orderly, safe, regular and responsible migration and mobility"),
    ("16020", "livelihoods", "Employment creation"),
    ("43072", "food-security", "Household food security programmes"),
    ("52010", "food-security", "Food assistance"),
    ("72010", "multi-sector", "Material relief assistance and services"),
    ("72011", "health", "Basic health care services in emergencies"),
    ("72012", "education", "Education in emergencies"),
    ("72040", "food-security", "Emergency food assistance"),
    ("72050", "coordination", "Relief co-ordination and support services"),
    ("73010", "early-recovery", "Immediate post-emergency reconstruction and rehabilitation"),
    ("93010", "refugee-other", "Refugees/asylum seekers in donor countries"),
];

/// DAC code prefixes (5-digit codes not listed above, and 3-digit categories, vocabulary 2).
pub const DAC_PREFIXES: &[(&str, &str, &str)] = &[
    ("11", "education", "Education"),
    ("12", "health", "Health"),
    ("13", "health", "Population policies/programmes and reproductive health"),
    ("14", "wash", "Water supply and sanitation"),
    ("311", "agriculture", "Agriculture"),
    ("151", "governance", "Government and civil society, general"),
    ("152", "peace-security", "Conflict, peace and security (15250 mine action and 15240 are listed above)"),
    ("160", "social-services", "Other social infrastructure and services"),
    ("410", "environment", "General environmental protection"),
    ("720", "multi-sector", "Emergency response"),
    ("730", "early-recovery", "Reconstruction relief and rehabilitation"),
];

/// Humanitarian global clusters (sector vocabulary 10): the numeric ids UNHCR publishes (the
/// humanitarianresponse.info cluster ids) and the IASC acronyms.
pub const CLUSTERS: &[(&str, &str, &str)] = &[
    ("1", "camp-management", "Camp Coordination / Management"),
    ("2", "early-recovery", "Early Recovery"),
    ("3", "education", "Education"),
    ("4", "shelter", "Emergency Shelter and NFI"),
    ("5", "telecommunications", "Emergency Telecommunications"),
    ("6", "food-security", "Food Security"),
    ("7", "health", "Health"),
    ("8", "logistics", "Logistics"),
    ("9", "nutrition", "Nutrition"),
    ("10", "protection", "Protection"),
    ("11", "wash", "Water Sanitation Hygiene"),
    ("5403", "child-protection", "Child Protection"),
    ("5404", "gbv", "Gender Based Violence"),
    ("CCM", "camp-management", "Camp Coordination and Camp Management"),
    ("CSS", "coordination", "Coordination and Support Services"),
    ("ERY", "early-recovery", "Early Recovery"),
    ("EDU", "education", "Education"),
    ("SHL", "shelter", "Emergency Shelter and NFI"),
    ("TEL", "telecommunications", "Emergency Telecommunications"),
    ("FSC", "food-security", "Food Security"),
    ("HEA", "health", "Health"),
    ("LOG", "logistics", "Logistics"),
    ("NUT", "nutrition", "Nutrition"),
    ("PRO", "protection", "Protection"),
    ("WSH", "wash", "Water Sanitation Hygiene"),
    ("PRO-CPN", "child-protection", "Child Protection"),
    ("PRO-GBV", "gbv", "Gender-Based Violence"),
    ("PRO-HLP", "housing-land-property", "Housing, Land and Property"),
    ("PRO-MIN", "mine-action", "Mine Action"),
];

/// UNHCR's results framework (sector vocabularies 98 outcome/enabling areas and 99 impact areas,
/// reporting-organisation vocabularies read only when UNHCR reports) → refugee-response pillars.
pub const UNHCR_AREAS: &[(&str, &str, &str, &str)] = &[
    ("98", "OA1", "protection", "Access to Territory, Registration and Documentation"),
    ("98", "OA2", "protection", "Status Determination"),
    ("98", "OA3", "protection", "Protection Policy and Law"),
    ("98", "OA4", "protection", "Sexual and Gender-based Violence"),
    ("98", "OA5", "protection", "Child Protection"),
    ("98", "OA6", "protection", "Safety and Access to Justice"),
    ("98", "OA7", "protection", "Community Engagement and Women's Empowerment"),
    ("98", "OA8", "refugee-other", "Well-Being and Basic Needs"),
    ("98", "OA9", "refugee-other", "Sustainable Housing and Settlements"),
    ("98", "OA10", "health", "Healthy Lives"),
    ("98", "OA11", "education", "Education"),
    ("98", "OA12", "refugee-other", "Clean Water, Sanitation and Hygiene"),
    ("98", "OA13", "livelihoods", "Self Reliance, Economic Inclusion and Livelihoods"),
    ("98", "OA14", "integration", "Voluntary Repatriation and Sustainable Reintegration"),
    ("98", "OA15", "refugee-other", "Resettlement and Complementary Pathways"),
    ("98", "OA16", "integration", "Local Integration and other Local Solutions"),
    ("98", "EA17", "refugee-other", "Systems and Processes"),
    ("98", "EA18", "refugee-other", "Operational Support and Supply Chain"),
    ("98", "EA19", "refugee-other", "People and Culture"),
    ("98", "EA20", "refugee-other", "External Engagement and Resource Mobilization"),
    ("98", "EA21", "refugee-other", "Leadership and Governance"),
    ("99", "IA1", "protection", "Attaining Favorable Protection Environments"),
    ("99", "IA2", "refugee-other", "Realizing Basic Rights in Safe Environments"),
    ("99", "IA3", "protection", "Empowering Communities and Achieving Gender Equality"),
    ("99", "IA4", "integration", "Securing Solutions"),
];

/// One sector code → obligation id, or `None` if the tables do not know it.
pub fn sector_obligation(vocabulary: &str, code: &str, unhcr: bool) -> Option<&'static str> {
    let code = code.trim();
    match vocabulary {
        "1" => DAC5_SECTORS.iter().find(|s| s.0 == code).or_else(|| DAC_PREFIXES.iter().find(|p| code.len() == 5 && code.starts_with(p.0))).map(|s| s.1),
        "2" => DAC_PREFIXES.iter().find(|p| code.len() == 3 && code.starts_with(p.0)).map(|s| s.1),
        "10" => CLUSTERS.iter().find(|c| c.0.eq_ignore_ascii_case(code)).map(|c| c.1),
        "98" | "99" if unhcr => UNHCR_AREAS.iter().find(|a| a.0 == vocabulary && a.1.eq_ignore_ascii_case(code)).map(|a| a.2),
        _ => None,
    }
}

/// A `<sector>` as read.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Sector {
    /// `@vocabulary` ("1", OECD DAC 5-digit, when none is given).
    pub vocabulary: String,
    /// `@code`.
    pub code: String,
    /// `@percentage`, as written.
    pub percentage: Option<String>,
    /// The sector's first narrative, to name an unmapped code in the notes.
    pub narrative: Option<String>,
}

/// Shares of 1 from optional percentages: proportional to them (so parts always add up to the
/// whole even when the publisher's percentages add up to 99.99), or equal if any is missing or
/// they add up to nothing. A percentage that is not a number is an error.
pub fn shares(percentages: &[Option<&str>]) -> Result<Vec<f64>, String> {
    let mut values = Vec::with_capacity(percentages.len());
    for p in percentages {
        match p.map(str::trim).filter(|p| !p.is_empty()) {
            None => values.push(None),
            Some(text) => match text.parse::<f64>() {
                Ok(v) if v.is_finite() && v >= 0.0 => values.push(Some(v)),
                _ => return Err(format!("percentage {text:?} is not a number from 0 to 100")),
            },
        }
    }
    let n = values.len();
    if n == 0 {
        return Ok(Vec::new());
    }
    let total: f64 = values.iter().map(|v| v.unwrap_or(0.0)).sum();
    if values.iter().any(Option::is_none) || total <= 0.0 {
        return Ok(vec![1.0 / n as f64; n]);
    }
    Ok(values.iter().map(|v| v.unwrap_or(0.0) / total).collect())
}

/// Obligation shares from sectors: the first vocabulary present in the importer's order is used;
/// codes are mapped, merged by obligation, split by percentage. Unmapped codes go to `unspecified`
/// and are returned as "vocabulary:code name" keys. No usable sector → `unspecified`.
pub fn obligations_from_sectors(sectors: &[Sector], unhcr: bool) -> Result<(Vec<ObligationShare>, Vec<String>), String> {
    let vocab = |s: &Sector| if s.vocabulary.trim().is_empty() { "1".to_string() } else { s.vocabulary.trim().to_string() };
    let chosen = vocabulary_order(unhcr).iter().find(|v| sectors.iter().any(|s| vocab(s) == **v));
    let key = |s: &Sector| match &s.narrative {
        Some(n) => format!("{}:{} {}", vocab(s), s.code.trim(), n),
        None => format!("{}:{}", vocab(s), s.code.trim()),
    };
    let Some(chosen) = chosen else {
        let unmapped = sectors.iter().map(key).collect();
        return Ok((vec![ObligationShare { id: "unspecified".into(), share: 1.0 }], unmapped));
    };
    let used: Vec<&Sector> = sectors.iter().filter(|s| vocab(s) == *chosen).collect();
    let split = shares(&used.iter().map(|s| s.percentage.as_deref()).collect::<Vec<_>>()).map_err(|e| format!("sector {e}"))?;
    let mut out: Vec<ObligationShare> = Vec::new();
    let mut unmapped = Vec::new();
    for (s, share) in used.iter().zip(split) {
        let id = sector_obligation(chosen, &s.code, unhcr).unwrap_or_else(|| {
            unmapped.push(key(s));
            "unspecified"
        });
        if share <= 0.0 {
            continue;
        }
        match out.iter_mut().find(|o| o.id == id) {
            Some(o) => o.share += share,
            None => out.push(ObligationShare { id: id.to_string(), share }),
        }
    }
    if out.is_empty() {
        out.push(ObligationShare { id: "unspecified".into(), share: 1.0 });
    }
    Ok((out, unmapped))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::format::codes::{self, OBLIGATIONS};

    #[test]
    fn every_mapping_names_a_known_code() {
        let known = |id: &str| codes::find(OBLIGATIONS, id).is_some();
        for (code, id, _) in DAC5_SECTORS.iter().chain(DAC_PREFIXES).chain(CLUSTERS) {
            assert!(known(id), "{code} → {id}");
        }
        for (_, code, id, _) in UNHCR_AREAS {
            assert!(known(id), "{code} → {id}");
        }
    }

    #[test]
    fn sector_codes_map_to_obligations() {
        for (v, code, want) in [
            ("1", "15250", "mine-action"),
            ("1", "15240", "cooperation-assistance"),
            ("1", "15261", "child-protection"),
            ("1", "72010", "multi-sector"),
            ("1", "72011", "health"),
            ("1", "72012", "education"),
            ("1", "72040", "food-security"),
            ("1", "72050", "coordination"),
            ("1", "73010", "early-recovery"),
            ("1", "12220", "health"),
            ("1", "11220", "education"),
            ("1", "16020", "livelihoods"),
            ("1", "15160", "protection"),
            ("1", "15190", "integration"),
            ("2", "122", "health"),
            ("10", "10", "protection"),
            ("10", "5404", "gbv"),
            ("10", "PRO", "protection"),
            ("10", "wsh", "wash"),
            ("10", "PRO-MIN", "mine-action"),
        ] {
            assert_eq!(sector_obligation(v, code, false), Some(want), "{v}:{code}");
        }
        assert_eq!(sector_obligation("1", "74020", false), None);
        assert_eq!(sector_obligation("98", "OA13", true), Some("livelihoods"));
        assert_eq!(sector_obligation("98", "OA11", true), Some("education"));
        assert_eq!(sector_obligation("98", "OA4", true), Some("protection"));
        assert_eq!(sector_obligation("98", "OA16", true), Some("integration"));
        assert_eq!(sector_obligation("98", "OA8", true), Some("refugee-other"));
        // Vocabularies 98 and 99 belong to their publisher: another's codes mean something else.
        assert_eq!(sector_obligation("98", "OA13", false), None);
    }

    fn sector(v: &str, code: &str, pct: Option<&str>) -> Sector {
        Sector { vocabulary: v.into(), code: code.into(), percentage: pct.map(str::to_string), narrative: None }
    }

    #[test]
    fn one_vocabulary_is_split_by_percentage() {
        let sectors = vec![
            sector("10", "10", Some("60")),
            sector("1", "72010", Some("100")),
            sector("10", "7", Some("30")),
            sector("10", "999", Some("10")),
            sector("98", "OA11", Some("100")),
        ];
        let (obl, unmapped) = obligations_from_sectors(&sectors, false).unwrap();
        assert_eq!(obl.iter().map(|o| o.id.as_str()).collect::<Vec<_>>(), ["protection", "health", "unspecified"]);
        assert!((obl[0].share - 0.6).abs() < 1e-12 && (obl[1].share - 0.3).abs() < 1e-12);
        assert!((obl.iter().map(|o| o.share).sum::<f64>() - 1.0).abs() < 1e-9);
        assert_eq!(unmapped, ["10:999"]);
        // UNHCR: its outcome areas come first; two areas of one pillar are merged.
        let (obl, _) = obligations_from_sectors(
            &[sector("98", "OA1", Some("25")), sector("98", "OA2", Some("25")), sector("98", "OA11", Some("50")), sector("10", "7", Some("100"))],
            true,
        )
        .unwrap();
        assert_eq!(obl, vec![ObligationShare { id: "protection".into(), share: 0.5 }, ObligationShare { id: "education".into(), share: 0.5 }]);
        // No percentages: equal; no sectors: unspecified; text in a percentage: an error.
        let (obl, _) = obligations_from_sectors(&[sector("1", "15250", None), sector("1", "72050", None)], false).unwrap();
        assert_eq!(obl.iter().map(|o| o.share).collect::<Vec<_>>(), [0.5, 0.5]);
        assert_eq!(obligations_from_sectors(&[], false).unwrap().0, vec![ObligationShare { id: "unspecified".into(), share: 1.0 }]);
        assert!(obligations_from_sectors(&[sector("1", "15250", Some("most"))], false).is_err());
    }

    #[test]
    fn shares_are_proportional_and_sum_to_one() {
        assert_eq!(shares(&[Some("50"), Some("50")]).unwrap(), [0.5, 0.5]);
        assert_eq!(shares(&[Some("30"), Some("30")]).unwrap(), [0.5, 0.5]);
        assert_eq!(shares(&[None]).unwrap(), [1.0]);
        assert_eq!(shares(&[Some("70"), None]).unwrap(), [0.5, 0.5]);
        assert_eq!(shares(&[Some(".5"), Some("0")]).unwrap(), [1.0, 0.0]);
        assert!(shares(&[Some("-5")]).is_err());
    }
}
