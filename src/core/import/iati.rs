//! IATI activity XML (2.01–2.03) → dataset v1. See docs/importers.md.
//!
//! The file is read as a stream of XML events (`quick_xml::NsReader` over a `BufRead`): only one
//! `<iati-activity>` is held at a time, as the few fields the importer needs (never a DOM), so files
//! of hundreds of megabytes import in constant memory. Every `<transaction>` is accounted for in the
//! report: read = imported + skipped + rejected. Activity budgets may become requirements.
//!
//! The mapping tables below are the rules; docs/importers.md gives them with the reasons.

use super::{slug, ImportReport, Imported};
use crate::core::dataset::*;
use crate::core::geo;
use crate::core::validate::is_iso_date;
use quick_xml::escape::resolve_predefined_entity;
use quick_xml::events::{BytesStart, Event};
use quick_xml::name::ResolveResult;
use quick_xml::{NsReader, XmlVersion};
use std::collections::{BTreeMap, HashSet};
use std::io::{self, BufRead, Read};

/// Namespace of UNHCR's IATI extensions (`unhcr:value-USD`).
pub const UNHCR_NS: &str = "http://reporting.unhcr.org/";
/// UNHCR's IATI organisation identifier; its sector vocabularies 98 and 99 are read only for it.
pub const UNHCR_ORG: &str = "XM-DAC-41121";

pub const SKIP_NOT_SELECTED: &str = "activity-not-selected";
pub const SKIP_DUPLICATE_ACTIVITY: &str = "duplicate-activity";

/// One exchange rate: 1 unit of `currency` = `to_dataset_currency` units of the dataset currency.
#[derive(Clone, Debug, PartialEq)]
pub struct Rate {
    pub currency: String,
    pub to_dataset_currency: f64,
}

#[derive(Clone, Debug, Default)]
pub struct Options {
    pub metadata: Metadata,
    /// Keep only these activities: an entry is an exact `iati-identifier`, or a prefix when it ends
    /// with `*` (`XM-DAC-41121-2023-AME-*`). `None` keeps all.
    pub activity_filter: Option<Vec<String>>,
    /// Activity `<budget>`s become requirements, and contributions name their activity as `plan`.
    pub budgets_as_requirements: bool,
    /// Exchange rates into `metadata.currency`. A value in a currency without a rate is rejected.
    pub rates: Vec<Rate>,
}

// ------------------------------------------------------------------------------------------------
// Mapping tables (pure functions, unit-tested below)
// ------------------------------------------------------------------------------------------------

/// What a transaction type becomes.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum TransactionRule {
    /// Imported at this status.
    Status(&'static str),
    /// Skipped; the reason id (`import::skip_reason`).
    Skip(&'static str),
}

/// IATI TransactionType codelist (2.03): 1–13. `None` for a code outside the list.
pub fn transaction_rule(code: &str) -> Option<TransactionRule> {
    use TransactionRule::*;
    Some(match code.trim() {
        "2" | "11" => Status("committed"),
        "3" => Status("disbursed"),
        "12" | "13" => Status("pledged"),
        "1" => Skip("iati-transaction-type-1"),
        "4" => Skip("iati-transaction-type-4"),
        "5" => Skip("iati-transaction-type-5"),
        "6" => Skip("iati-transaction-type-6"),
        "7" => Skip("iati-transaction-type-7"),
        "8" => Skip("iati-transaction-type-8"),
        "9" => Skip("iati-transaction-type-9"),
        "10" => Skip("iati-transaction-type-10"),
        _ => return None,
    })
}

/// Transaction types whose provider is the reporting organisation itself.
fn is_outgoing(code: &str) -> bool {
    matches!(code.trim(), "2" | "3" | "12")
}

/// IATI OrganisationType → donor type.
/// The country of a government donor: the registration agency of its IATI organisation identifier
/// is national ("US-USAGOV", "DE-1", "CA-GOV-050": the first two letters), or the identifier carries
/// an OECD DAC donor code ("XM-DAC-3-1": Denmark), else a name such as "Government of Denmark".
/// The European institutions (XI-IATI-EC_ECHO) are no country.
pub fn government_country(reference: Option<&str>, name: &str) -> Option<String> {
    let mut parts = reference.unwrap_or("").split('-');
    let from_reference = match (parts.next(), parts.next(), parts.next()) {
        (Some("XM"), Some("DAC"), Some(code)) => crate::core::models::country_of_dac_donor_code(code).and_then(geo::country),
        (Some(prefix), _, _) if prefix.len() == 2 && !prefix.starts_with('X') => geo::country_by_iso2(prefix),
        _ => None,
    };
    from_reference.or_else(|| geo::country_of_government_name(name)).map(|c| c.iso3.to_string())
}

pub fn donor_type(org_type: Option<&str>) -> &'static str {
    match org_type.map(str::trim).unwrap_or("") {
        "10" | "11" | "15" => "government",
        "40" => "multilateral",
        "21" | "22" | "23" | "24" => "ngo",
        "30" | "60" | "70" | "71" | "72" | "73" => "private",
        _ => "other",
    }
}

/// IATI CollaborationType (OECD DAC) → cooperation model.
pub fn model_from_collaboration_type(code: &str) -> &'static str {
    crate::core::models::from_collaboration_type(code).unwrap_or("unspecified")
}

/// IATI AidType, vocabulary 1 (OECD DAC) → kind. D (experts and technical assistance) and E
/// (scholarships and training) are technical; everything else, and no aid type, is financial.
/// IATI has no field that says a contribution is in kind, so `in-kind` is never inferred.
pub fn kind_from_aid_type(code: Option<&str>) -> &'static str {
    match code.map(str::trim).and_then(|c| c.chars().next()) {
        Some('D' | 'd' | 'E' | 'e') => "technical",
        _ => "financial",
    }
}

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
    ("15250", "clearance", "Removal of land mines and explosive remnants of war"),
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
        "1" => DAC5_SECTORS
            .iter()
            .find(|s| s.0 == code)
            .or_else(|| DAC_PREFIXES.iter().find(|p| code.len() == 5 && code.starts_with(p.0)))
            .map(|s| s.1),
        "2" => DAC_PREFIXES.iter().find(|p| code.len() == 3 && code.starts_with(p.0)).map(|s| s.1),
        "10" => CLUSTERS.iter().find(|c| c.0.eq_ignore_ascii_case(code)).map(|c| c.1),
        "98" | "99" if unhcr => UNHCR_AREAS.iter().find(|a| a.0 == vocabulary && a.1.eq_ignore_ascii_case(code)).map(|a| a.2),
        _ => None,
    }
}

/// A `<sector>` as read.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Sector {
    pub vocabulary: String,
    pub code: String,
    pub percentage: Option<String>,
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

/// A rate table as CSV: a header, then `currency,rate` rows (1 unit of currency = rate units of
/// the dataset currency). Lines starting with `#` are comments (use them for source and date).
pub fn parse_rates(text: &str) -> Result<Vec<Rate>, String> {
    let mut reader = csv::ReaderBuilder::new().comment(Some(b'#')).trim(csv::Trim::All).from_reader(text.as_bytes());
    let mut out = Vec::new();
    for (i, row) in reader.records().enumerate() {
        let row = row.map_err(|e| format!("rate table row {}: {e}", i + 1))?;
        let currency = row.get(0).unwrap_or("").to_ascii_uppercase();
        let rate: f64 = row.get(1).unwrap_or("").parse().map_err(|_| format!("rate table row {}: {:?} is not a number", i + 1, row.get(1).unwrap_or("")))?;
        if currency.len() != 3 || !(rate.is_finite() && rate > 0.0) {
            return Err(format!("rate table row {}: expected a three-letter currency and a positive rate", i + 1));
        }
        out.push(Rate { currency, to_dataset_currency: rate });
    }
    Ok(out)
}

// ------------------------------------------------------------------------------------------------
// What is kept of an activity while streaming
// ------------------------------------------------------------------------------------------------

/// Text with a flag: did it carry an `xml:lang` (narratives without one are preferred).
#[derive(Clone, Debug, Default)]
struct Narrative {
    text: Option<String>,
    has_lang: bool,
}

impl Narrative {
    fn offer(&mut self, text: String, has_lang: bool) {
        let text = text.trim().to_string();
        if text.is_empty() {
            return;
        }
        if self.text.is_none() || (self.has_lang && !has_lang) {
            self.text = Some(text);
            self.has_lang = has_lang;
        }
    }
}

#[derive(Clone, Debug, Default)]
struct Org {
    reference: Option<String>,
    org_type: Option<String>,
    name: Narrative,
}

impl Org {
    /// A usable reference: `ref="-"` and the like are not.
    fn reference(&self) -> Option<&str> {
        self.reference.as_deref().filter(|r| r.chars().any(char::is_alphanumeric))
    }

    fn donor(&self) -> Option<Donor> {
        let name = self.name.text.clone().or_else(|| self.reference().map(str::to_string))?;
        let id = self.reference().map(str::to_string).unwrap_or_else(|| slug(&name));
        let donor_type = donor_type(self.org_type.as_deref());
        let country = (donor_type == "government").then(|| government_country(self.reference(), &name)).flatten();
        (!id.is_empty()).then(|| Donor { id, name, donor_type: donor_type.to_string(), country })
    }
}

#[derive(Clone, Debug)]
struct RecipientRaw {
    element: &'static str,
    code: Option<String>,
    vocabulary: Option<String>,
    percentage: Option<String>,
}

#[derive(Clone, Debug, Default)]
struct Budget {
    budget_type: Option<String>,
    status: Option<String>,
    start: Option<String>,
    end: Option<String>,
    value: Option<String>,
    currency: Option<String>,
}

#[derive(Clone, Debug, Default)]
struct Transaction {
    index: usize,
    line: usize,
    type_code: Option<String>,
    type_present: bool,
    date: Option<String>,
    value: Option<String>,
    value_attrs: Vec<(String, String)>,
    value_present: bool,
    currency: Option<String>,
    value_date: Option<String>,
    value_usd: Option<String>,
    description: Narrative,
    provider: Option<Org>,
    recipients: Vec<RecipientRaw>,
    sectors: Vec<Sector>,
    aid_types: Vec<(String, String)>,
}

#[derive(Clone, Debug, Default)]
struct Activity {
    id: Option<String>,
    default_currency: Option<String>,
    reporting_org: Option<Org>,
    funding_orgs: Vec<Org>,
    title: Narrative,
    recipients: Vec<RecipientRaw>,
    sectors: Vec<Sector>,
    collaboration_type: Option<String>,
    default_aid_types: Vec<(String, String)>,
    budgets: Vec<Budget>,
    transactions: Vec<Transaction>,
}

/// Counts the lines the XML reader consumes, so events can be located by line.
struct Lines<R> {
    inner: R,
    line: usize,
}

impl<R: BufRead> Read for Lines<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.line += buf[..n].iter().filter(|&&b| b == b'\n').count();
        Ok(n)
    }
}

impl<R: BufRead> BufRead for Lines<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        self.inner.fill_buf()
    }

    fn consume(&mut self, amt: usize) {
        if let Ok(buf) = self.inner.fill_buf() {
            self.line += buf[..amt.min(buf.len())].iter().filter(|&&b| b == b'\n').count();
        }
        self.inner.consume(amt);
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Ns {
    Iati,
    Unhcr,
    Other,
}

/// Which organisation element is open.
#[derive(Clone, Copy, PartialEq)]
enum OrgSlot {
    Reporting,
    Funding,
    Provider,
}

fn attributes(e: &BytesStart) -> Result<Vec<(String, String)>, String> {
    let mut out = Vec::new();
    for a in e.attributes() {
        let a = a.map_err(|err| format!("bad attribute: {err}"))?;
        let value = a.normalized_value(XmlVersion::Implicit1_0).map_err(|err| format!("bad attribute value: {err}"))?;
        out.push((a.key.as_ref().to_string(), value.trim().to_string()));
    }
    Ok(out)
}

fn get(attrs: &[(String, String)], name: &str) -> Option<String> {
    attrs.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone()).filter(|v| !v.is_empty())
}

// ------------------------------------------------------------------------------------------------
// The import
// ------------------------------------------------------------------------------------------------

/// Budget bookkeeping for the notes.
#[derive(Default)]
struct BudgetCounts {
    read: usize,
    used: usize,
    replaced: usize,
    several_recipients: usize,
    no_recipient: usize,
    unreadable: usize,
    no_rate: BTreeMap<String, usize>,
    duplicates: usize,
    zero: usize,
}

struct Importer<'a> {
    name: &'a str,
    options: &'a Options,
    report: ImportReport,
    unmapped: BTreeMap<String, usize>,
    contributions: Vec<Contribution>,
    requirements: Vec<Requirement>,
    seen: HashSet<String>,
    budgets: BudgetCounts,
}

pub fn import<R: BufRead>(reader: R, name: &str, options: Options) -> Result<Imported, String> {
    if options.metadata.currency.trim().is_empty() {
        return Err("metadata.currency is empty: the dataset currency is needed to convert amounts".into());
    }
    for r in &options.rates {
        if !(r.to_dataset_currency.is_finite() && r.to_dataset_currency > 0.0) {
            return Err(format!("the rate for {} must be a positive number", r.currency));
        }
    }
    let mut imp = Importer {
        name,
        options: &options,
        report: ImportReport::default(),
        unmapped: BTreeMap::new(),
        contributions: Vec::new(),
        requirements: Vec::new(),
        seen: HashSet::new(),
        budgets: BudgetCounts::default(),
    };
    let generated = imp.read(reader)?;
    let notes = imp.notes();
    let Importer { report, unmapped, contributions, requirements, .. } = imp;
    let mut metadata = options.metadata;
    if metadata.data_as_of.is_empty() {
        metadata.data_as_of = generated.unwrap_or_default();
    }
    Ok(Imported {
        dataset: Dataset { format: FORMAT_NAME.into(), version: FORMAT_VERSION, metadata, code_lists: CodeLists::default(), contributions, requirements },
        report,
        // Sector codes no mapping knew, counted per imported transaction; the notes are on budgets.
        notes,
        unmapped,
    })
}

impl Importer<'_> {
    /// Streams the document; returns the date of `iati-activities/@generated-datetime`.
    fn read<R: BufRead>(&mut self, reader: R) -> Result<Option<String>, String> {
        let mut xml = NsReader::from_reader(Lines { inner: reader, line: 1 });
        let mut buf = Vec::new();
        let mut stack: Vec<(Ns, String)> = Vec::new();
        let mut text = String::new();
        let mut generated = None;
        let mut act: Option<Activity> = None;
        let mut tx: Option<Transaction> = None;
        let mut budget: Option<Budget> = None;
        let mut org: Option<(OrgSlot, Org)> = None;
        let mut narrative_lang = false;
        let mut in_value_usd = false;
        let mut root_seen = false;

        loop {
            buf.clear();
            let (ns, event) = match xml.read_resolved_event_into(&mut buf) {
                Ok((ns, event)) => {
                    let ns = match ns {
                        ResolveResult::Unbound => Ns::Iati,
                        ResolveResult::Bound(n) if n.0 == UNHCR_NS => Ns::Unhcr,
                        _ => Ns::Other,
                    };
                    (ns, event)
                }
                Err(e) => {
                    let line = xml.get_mut().line;
                    return Err(format!("{}: not well-formed XML near line {line} (byte {}): {e}", self.name, xml.error_position()));
                }
            };
            let line = xml.get_mut().line;
            let name = self.name;
            let at = |what: String| format!("{name}: {what} (line {line})");
            match event {
                Event::Start(ref e) | Event::Empty(ref e) => {
                    let empty = matches!(event, Event::Empty(_));
                    let local = e.local_name().as_ref().to_string();
                    let attrs = attributes(e).map_err(|m| at(format!("<{local}>: {m}")))?;
                    text.clear();
                    let parent = stack.last().filter(|(n, _)| *n == Ns::Iati).map(|(_, l)| l.as_str()).unwrap_or("");
                    if stack.is_empty() {
                        if ns != Ns::Iati || local != "iati-activities" {
                            return Err(at(format!("the root element is <{local}>, not <iati-activities>: is this an IATI activity file?")));
                        }
                        root_seen = true;
                        generated = get(&attrs, "generated-datetime").filter(|d| is_iso_date(d.get(..10).unwrap_or(""))).map(|d| d[..10].to_string());
                    } else if ns == Ns::Unhcr {
                        in_value_usd = local == "value-USD" && parent == "transaction" && tx.is_some();
                    } else if ns == Ns::Iati {
                        match (parent, local.as_str()) {
                            ("iati-activities", "iati-activity") => {
                                act = Some(Activity { default_currency: get(&attrs, "default-currency"), ..Default::default() });
                            }
                            (_, "narrative") => narrative_lang = get(&attrs, "xml:lang").is_some(),
                            ("iati-activity", _) if act.is_some() => {
                                let a = act.as_mut().unwrap();
                                match local.as_str() {
                                    "reporting-org" => org = Some((OrgSlot::Reporting, org_of(&attrs))),
                                    "participating-org" if get(&attrs, "role").as_deref() == Some("1") => org = Some((OrgSlot::Funding, org_of(&attrs))),
                                    "recipient-country" | "recipient-region" => a.recipients.push(recipient_of(&local, &attrs)),
                                    "sector" => a.sectors.push(sector_of(&attrs)),
                                    "collaboration-type" => a.collaboration_type = get(&attrs, "code"),
                                    "default-aid-type" => a.default_aid_types.push((get(&attrs, "vocabulary").unwrap_or_else(|| "1".into()), get(&attrs, "code").unwrap_or_default())),
                                    "budget" => budget = Some(Budget { budget_type: get(&attrs, "type"), status: get(&attrs, "status"), ..Default::default() }),
                                    "transaction" => tx = Some(Transaction { index: a.transactions.len() + 1, line, ..Default::default() }),
                                    _ => {}
                                }
                            }
                            ("budget", _) if budget.is_some() => {
                                let b = budget.as_mut().unwrap();
                                match local.as_str() {
                                    "period-start" => b.start = get(&attrs, "iso-date"),
                                    "period-end" => b.end = get(&attrs, "iso-date"),
                                    "value" => b.currency = get(&attrs, "currency"),
                                    _ => {}
                                }
                            }
                            ("transaction", _) if tx.is_some() => {
                                let t = tx.as_mut().unwrap();
                                match local.as_str() {
                                    "transaction-type" => {
                                        t.type_present = true;
                                        t.type_code = get(&attrs, "code");
                                    }
                                    "transaction-date" => t.date = get(&attrs, "iso-date"),
                                    "value" => {
                                        t.value_present = true;
                                        t.currency = get(&attrs, "currency");
                                        t.value_date = get(&attrs, "value-date");
                                        t.value_attrs = attrs.clone();
                                    }
                                    "provider-org" => org = Some((OrgSlot::Provider, org_of(&attrs))),
                                    "recipient-country" | "recipient-region" => t.recipients.push(recipient_of(&local, &attrs)),
                                    "sector" => t.sectors.push(sector_of(&attrs)),
                                    "aid-type" => t.aid_types.push((get(&attrs, "vocabulary").unwrap_or_else(|| "1".into()), get(&attrs, "code").unwrap_or_default())),
                                    _ => {}
                                }
                            }
                            _ => {}
                        }
                    }
                    if empty {
                        self.end(ns, &local, &stack, "", false, &mut act, &mut tx, &mut budget, &mut org, &mut in_value_usd);
                    } else {
                        stack.push((ns, local));
                    }
                }
                Event::End(_) => {
                    let Some((ns, local)) = stack.pop() else {
                        return Err(at("a closing tag with no opening tag".into()));
                    };
                    let t = std::mem::take(&mut text);
                    self.end(ns, &local, &stack, &t, narrative_lang, &mut act, &mut tx, &mut budget, &mut org, &mut in_value_usd);
                }
                Event::Text(t) => text.push_str(&t.xml10_content()),
                Event::CData(t) => text.push_str(&t.xml10_content()),
                Event::GeneralRef(r) => match r.resolve_char_ref() {
                    Ok(Some(c)) => text.push(c),
                    Ok(None) => {
                        let name = r.xml10_content();
                        match resolve_predefined_entity(&name) {
                            Some(s) => text.push_str(s),
                            None => return Err(at(format!("unknown entity &{name};"))),
                        }
                    }
                    Err(e) => return Err(at(format!("bad character reference: {e}"))),
                },
                Event::Eof => {
                    if let Some((_, open)) = stack.last() {
                        return Err(at(format!("the file ends inside <{open}>: it is truncated")));
                    }
                    if !root_seen {
                        return Err(at("no <iati-activities> element: is this an IATI activity file?".into()));
                    }
                    break;
                }
                _ => {}
            }
        }
        Ok(generated)
    }

    /// An element closes (or an empty element was read): file its text where it belongs.
    #[allow(clippy::too_many_arguments)]
    fn end(
        &mut self,
        ns: Ns,
        local: &str,
        stack: &[(Ns, String)],
        text: &str,
        narrative_lang: bool,
        act: &mut Option<Activity>,
        tx: &mut Option<Transaction>,
        budget: &mut Option<Budget>,
        org: &mut Option<(OrgSlot, Org)>,
        in_value_usd: &mut bool,
    ) {
        let parent = stack.last().filter(|(n, _)| *n == Ns::Iati).map(|(_, l)| l.as_str()).unwrap_or("");
        if ns == Ns::Unhcr {
            if *in_value_usd && local == "value-USD" {
                if let Some(t) = tx.as_mut() {
                    t.value_usd = Some(text.trim().to_string());
                }
                *in_value_usd = false;
            }
            return;
        }
        if ns != Ns::Iati {
            return;
        }
        match (parent, local) {
            ("iati-activity", "iati-identifier") => {
                if let Some(a) = act.as_mut() {
                    a.id = Some(text.trim().to_string()).filter(|s| !s.is_empty());
                }
            }
            (_, "narrative") => {
                let grand = stack.len().checked_sub(2).and_then(|i| stack.get(i)).map(|(_, l)| l.as_str()).unwrap_or("");
                let text = text.to_string();
                match parent {
                    "reporting-org" | "participating-org" | "provider-org" => {
                        if let Some((_, o)) = org.as_mut() {
                            o.name.offer(text, narrative_lang);
                        }
                    }
                    "title" if grand == "iati-activity" => {
                        if let Some(a) = act.as_mut() {
                            a.title.offer(text, narrative_lang);
                        }
                    }
                    "description" if grand == "transaction" => {
                        if let Some(t) = tx.as_mut() {
                            t.description.offer(text, narrative_lang);
                        }
                    }
                    "sector" => {
                        let sectors = match (grand, tx.as_mut(), act.as_mut()) {
                            ("transaction", Some(t), _) => Some(&mut t.sectors),
                            ("iati-activity", None, Some(a)) => Some(&mut a.sectors),
                            _ => None,
                        };
                        if let Some(s) = sectors.and_then(|s| s.last_mut()) {
                            if s.narrative.is_none() && !text.trim().is_empty() {
                                s.narrative = Some(text.trim().to_string());
                            }
                        }
                    }
                    _ => {}
                }
            }
            ("transaction", "value") => {
                if let Some(t) = tx.as_mut() {
                    t.value = Some(text.trim().to_string());
                }
            }
            ("budget", "value") => {
                if let Some(b) = budget.as_mut() {
                    b.value = Some(text.trim().to_string());
                }
            }
            (_, "reporting-org" | "participating-org" | "provider-org") => {
                if let Some((slot, o)) = org.take() {
                    match (slot, act.as_mut(), tx.as_mut()) {
                        (OrgSlot::Provider, _, Some(t)) => t.provider = Some(o),
                        (OrgSlot::Reporting, Some(a), None) => a.reporting_org = Some(o),
                        (OrgSlot::Funding, Some(a), None) => a.funding_orgs.push(o),
                        _ => {}
                    }
                }
            }
            ("iati-activity", "budget") => {
                if let (Some(a), Some(b)) = (act.as_mut(), budget.take()) {
                    a.budgets.push(b);
                }
            }
            ("iati-activity", "transaction") => {
                if let (Some(a), Some(t)) = (act.as_mut(), tx.take()) {
                    a.transactions.push(t);
                }
            }
            ("iati-activities", "iati-activity") => {
                if let Some(a) = act.take() {
                    self.activity(a);
                }
            }
            _ => {}
        }
    }

    fn selected(&self, id: &str) -> bool {
        match &self.options.activity_filter {
            None => true,
            Some(list) => list.iter().any(|f| match f.strip_suffix('*') {
                Some(prefix) => id.starts_with(prefix),
                None => id == f,
            }),
        }
    }

    fn location(&self, id: Option<&str>, t: &Transaction) -> String {
        format!("{}#activity[{}]/transaction[{}] (line {})", self.name, id.unwrap_or("?"), t.index, t.line)
    }

    /// One whole activity: its transactions, then its budgets.
    fn activity(&mut self, a: Activity) {
        let id = match &a.id {
            None => {
                for t in &a.transactions {
                    self.report.read += 1;
                    let at = self.location(None, t);
                    self.report.reject(at, "the activity has no iati-identifier");
                }
                return;
            }
            Some(id) => id.clone(),
        };
        let left_out = if !self.selected(&id) {
            Some(SKIP_NOT_SELECTED)
        } else if !self.seen.insert(id.clone()) {
            Some(SKIP_DUPLICATE_ACTIVITY)
        } else {
            None
        };
        if let Some(reason) = left_out {
            for _ in &a.transactions {
                self.report.read += 1;
                self.report.skip(reason);
            }
            return;
        }
        let recipients = activity_recipients(&a.recipients);
        for t in &a.transactions {
            self.report.read += 1;
            match self.transaction(&a, &id, t, &recipients) {
                Ok((list, unmapped)) => {
                    self.report.imported += 1;
                    for k in unmapped {
                        *self.unmapped.entry(k).or_default() += 1;
                    }
                    self.contributions.extend(list);
                }
                Err(Left::Skip(reason)) => self.report.skip(reason),
                Err(Left::Reject(reason)) => {
                    let at = self.location(Some(&id), t);
                    self.report.reject(at, reason);
                }
            }
        }
        if self.options.budgets_as_requirements {
            self.activity_budgets(&a, &id, &recipients);
        }
    }

    fn transaction(&self, a: &Activity, id: &str, t: &Transaction, recipients: &Result<Vec<(String, f64)>, String>) -> Result<(Vec<Contribution>, Vec<String>), Left> {
        use Left::*;
        let code = match (&t.type_code, t.type_present) {
            (Some(c), _) => c.clone(),
            (None, true) => return Err(Reject("transaction-type has no @code".into())),
            (None, false) => return Err(Reject("no transaction-type: cannot tell a commitment from a disbursement or an expenditure".into())),
        };
        let status = match transaction_rule(&code) {
            Some(TransactionRule::Status(s)) => s,
            Some(TransactionRule::Skip(reason)) => return Err(Skip(reason)),
            None => return Err(Reject(format!("transaction-type code {code:?} is not in the IATI TransactionType codelist (1–13)"))),
        };
        // Date and year.
        let date = match (&t.date, &t.value_date) {
            (Some(d), _) | (None, Some(d)) => d.clone(),
            (None, None) => return Err(Reject("no transaction-date/@iso-date and no value/@value-date: the year is unknown".into())),
        };
        let day = date.get(..10).filter(|d| is_iso_date(d)).ok_or_else(|| Reject(format!("transaction date {date:?} is not a YYYY-MM-DD date")))?;
        let year: i32 = day[..4].parse().map_err(|_| Reject(format!("transaction date {date:?} has no year")))?;
        if !(1900..=2100).contains(&year) {
            return Err(Reject(format!("transaction year {year} is outside 1900–2100")));
        }
        // Amount in the dataset currency.
        let amount = self.amount(a, t).map_err(Reject)?;
        // Donor.
        let donor = transaction_donor(a, t, is_outgoing(&code)).map_err(Reject)?;
        // Recipients: the transaction's own, else the activity's split by percentage.
        let parts: Vec<(String, f64)> = if let Some(r) = t.recipients.first() {
            if t.recipients.len() > 1 {
                return Err(Reject(format!("{} recipient elements in one transaction: IATI allows one", t.recipients.len())));
            }
            let code = r.code.as_deref().ok_or_else(|| Reject(format!("{} has no @code", r.element)))?;
            vec![(recipient_code(r.element, code, r.vocabulary.as_deref()).map_err(Reject)?, 1.0)]
        } else {
            recipients.clone().map_err(Reject)?
        };
        // Obligations: transaction sectors, else the activity's.
        let sectors = if t.sectors.is_empty() { &a.sectors } else { &t.sectors };
        let unhcr = a.reporting_org.as_ref().and_then(Org::reference) == Some(UNHCR_ORG);
        let (obligations, unmapped) = obligations_from_sectors(sectors, unhcr).map_err(Reject)?;
        // collaboration-type first, then the shared rules of docs/cooperation-models.md.
        let facts = |recipient: &str| crate::core::models::Facts {
            collaboration_type: a.collaboration_type.as_deref().filter(|c| crate::core::models::from_collaboration_type(c).is_some()),
            donor_type: &donor.donor_type,
            recipient_country: crate::core::geo::country(recipient).map(|c| c.iso3),
            ..Default::default()
        };
        let aid = |list: &[(String, String)]| list.iter().find(|(v, c)| v == "1" && !c.is_empty()).map(|(_, c)| c.clone());
        let kind = kind_from_aid_type(aid(&t.aid_types).or_else(|| aid(&a.default_aid_types)).as_deref());
        let plan = self.options.budgets_as_requirements.then(|| id.to_string());
        let base = format!("{id}-t{}", t.index);
        let several = parts.len() > 1;
        let mut left = amount;
        let n = parts.len();
        let list = parts
            .into_iter()
            .enumerate()
            .map(|(i, (recipient, share))| {
                // The last part takes what remains, so the parts add up to the value.
                let part = if i + 1 == n { left } else { amount * share };
                left -= part;
                let (model, rule) = crate::core::models::derive(&facts(&recipient));
                Contribution {
                    id: if several { format!("{base}-{recipient}") } else { base.clone() },
                    donor: donor.clone(),
                    recipient,
                    year,
                    date: Some(day.to_string()),
                    obligations: obligations.clone(),
                    model: model.to_string(),
                    model_rule: Some(rule.id().to_string()),
                    kind: kind.to_string(),
                    status: status.to_string(),
                    amount: part.max(0.0),
                    plan: plan.clone(),
                    description: t.description.text.clone(),
                }
            })
            .collect();
        Ok((list, unmapped))
    }

    fn convert(&self, amount: f64, currency: &str) -> Result<f64, String> {
        let target = self.options.metadata.currency.trim();
        if currency.eq_ignore_ascii_case(target) {
            return Ok(amount);
        }
        self.options
            .rates
            .iter()
            .find(|r| r.currency.trim().eq_ignore_ascii_case(currency))
            .map(|r| amount * r.to_dataset_currency)
            .ok_or_else(|| format!("no exchange rate from {currency} to {target}: add one to the rate table"))
    }

    fn amount(&self, a: &Activity, t: &Transaction) -> Result<f64, String> {
        if !t.value_present {
            return Err("no <value> element".into());
        }
        let text = t.value.as_deref().unwrap_or("");
        if text.is_empty() {
            let extra: Vec<String> = t.value_attrs.iter().filter(|(k, _)| k != "currency" && k != "value-date").map(|(k, v)| format!("{k}={v:?}")).collect();
            return Err(if extra.is_empty() {
                "<value> is empty: the amount must be its text".into()
            } else {
                format!("<value> is empty: the amount must be its text, not an attribute ({})", extra.join(", "))
            });
        }
        let value = parse_amount(text).map_err(|e| format!("<value> {e}"))?;
        if self.options.metadata.currency.trim() == "USD" {
            if let Some(usd) = &t.value_usd {
                return parse_amount(usd).map_err(|e| format!("<unhcr:value-USD> {e}"));
            }
        }
        let currency = t
            .currency
            .clone()
            .or_else(|| a.default_currency.clone())
            .ok_or("no currency: <value> has no @currency and the activity no @default-currency")?;
        self.convert(value, &currency)
    }

    /// Budgets → requirements: the revised budget of a period replaces the original one.
    fn activity_budgets(&mut self, a: &Activity, id: &str, recipients: &Result<Vec<(String, f64)>, String>) {
        self.budgets.read += a.budgets.len();
        if a.budgets.is_empty() {
            return;
        }
        let recipient = match recipients {
            Ok(list) if list.len() == 1 => list[0].0.clone(),
            Ok(list) if list.len() > 1 => {
                self.budgets.several_recipients += a.budgets.len();
                return;
            }
            _ => {
                self.budgets.no_recipient += a.budgets.len();
                return;
            }
        };
        // Period → (type, budget); revised (2) wins over original (1).
        let mut periods: Vec<((String, String), &Budget)> = Vec::new();
        for b in &a.budgets {
            let (Some(start), Some(end)) = (&b.start, &b.end) else {
                self.budgets.unreadable += 1;
                continue;
            };
            if !matches!(b.status.as_deref().unwrap_or("1"), "1" | "2") || !matches!(b.budget_type.as_deref().unwrap_or("1"), "1" | "2") {
                self.budgets.unreadable += 1;
                continue;
            }
            let key = (start.clone(), end.clone());
            let revised = |b: &Budget| b.budget_type.as_deref() == Some("2");
            match periods.iter_mut().find(|(k, _)| *k == key) {
                None => periods.push((key, b)),
                Some((_, kept)) => {
                    if revised(b) && !revised(kept) {
                        *kept = b;
                        self.budgets.replaced += 1;
                    } else if revised(kept) && !revised(b) {
                        self.budgets.replaced += 1;
                    } else {
                        self.budgets.duplicates += 1;
                    }
                }
            }
        }
        for ((start, _), b) in periods {
            let year = start.get(..10).filter(|d| is_iso_date(d)).and_then(|d| d[..4].parse::<i32>().ok());
            let value = b.value.as_deref().ok_or(()).and_then(|v| parse_amount(v).map_err(|_| ()));
            let (Some(year), Ok(value)) = (year, value) else {
                self.budgets.unreadable += 1;
                continue;
            };
            let Some(currency) = b.currency.clone().or_else(|| a.default_currency.clone()) else {
                self.budgets.unreadable += 1;
                continue;
            };
            if value == 0.0 {
                self.budgets.zero += 1;
                continue;
            }
            match self.convert(value, &currency) {
                Ok(amount) => {
                    self.budgets.used += 1;
                    self.requirements.push(Requirement {
                        recipient: recipient.clone(),
                        obligation: None,
                        year,
                        amount,
                        plan: Some(id.to_string()),
                        label: a.title.text.clone().or_else(|| Some(id.to_string())),
                    });
                }
                Err(_) => *self.budgets.no_rate.entry(currency.to_ascii_uppercase()).or_default() += 1,
            }
        }
    }

    fn notes(&self) -> Vec<String> {
        let b = &self.budgets;
        let mut notes = Vec::new();
        if !self.options.budgets_as_requirements || b.read == 0 {
            return notes;
        }
        notes.push(format!("{} budgets read, {} became requirements", b.read, b.used));
        if b.replaced > 0 {
            notes.push(format!("{} original budgets left out: a revised budget covers the same period", b.replaced));
        }
        if b.duplicates > 0 {
            notes.push(format!("{} budgets left out: another budget of the same type covers the same period", b.duplicates));
        }
        if b.zero > 0 {
            notes.push(format!("{} budgets of 0 left out: a placeholder for a later year, not a need", b.zero));
        }
        if b.several_recipients > 0 {
            notes.push(format!("{} budgets left out: their activity has several recipients, so the need cannot be placed in one", b.several_recipients));
        }
        if b.no_recipient > 0 {
            notes.push(format!("{} budgets left out: their activity's recipient is missing or unknown", b.no_recipient));
        }
        if b.unreadable > 0 {
            notes.push(format!("{} budgets left out: period, status, type, value or currency missing or unreadable", b.unreadable));
        }
        for (cur, n) in &b.no_rate {
            notes.push(format!("{n} budgets in {cur} left out: no exchange rate"));
        }
        notes
    }
}

enum Left {
    Skip(&'static str),
    Reject(String),
}

fn org_of(attrs: &[(String, String)]) -> Org {
    Org { reference: get(attrs, "ref"), org_type: get(attrs, "type"), name: Narrative::default() }
}

fn recipient_of(element: &str, attrs: &[(String, String)]) -> RecipientRaw {
    RecipientRaw {
        element: if element == "recipient-country" { "recipient-country" } else { "recipient-region" },
        code: get(attrs, "code"),
        vocabulary: get(attrs, "vocabulary"),
        percentage: get(attrs, "percentage"),
    }
}

fn sector_of(attrs: &[(String, String)]) -> Sector {
    Sector {
        vocabulary: get(attrs, "vocabulary").unwrap_or_else(|| "1".into()),
        code: get(attrs, "code").unwrap_or_default(),
        percentage: get(attrs, "percentage"),
        narrative: None,
    }
}

/// A non-negative decimal number, as IATI writes them.
fn parse_amount(text: &str) -> Result<f64, String> {
    let text = text.trim();
    match text.parse::<f64>() {
        Ok(v) if v.is_finite() && v >= 0.0 => Ok(v),
        Ok(v) if v.is_finite() => Err(format!("is negative ({text}): a reduction of an earlier transaction, which a dataset cannot hold")),
        _ => Err(format!("{text:?} is not a number")),
    }
}

/// The activity's recipients with their shares (`Err` says why they cannot be used).
fn activity_recipients(list: &[RecipientRaw]) -> Result<Vec<(String, f64)>, String> {
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

/// provider-org; else the activity's single funding participating-org; else, for money the
/// reporting organisation sends (types 2, 3, 12), the reporting-org.
fn transaction_donor(a: &Activity, t: &Transaction, outgoing: bool) -> Result<Donor, String> {
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
    use crate::core::codes::{self, OBLIGATIONS};

    #[test]
    fn transaction_types_follow_the_iati_codelist() {
        use TransactionRule::*;
        assert_eq!(transaction_rule("2"), Some(Status("committed")));
        assert_eq!(transaction_rule("11"), Some(Status("committed")));
        assert_eq!(transaction_rule("3"), Some(Status("disbursed")));
        assert_eq!(transaction_rule("12"), Some(Status("pledged")));
        assert_eq!(transaction_rule("13"), Some(Status("pledged")));
        for skipped in ["1", "4", "5", "6", "7", "8", "9", "10"] {
            match transaction_rule(skipped) {
                Some(Skip(reason)) => {
                    let english = crate::core::import::skip_reason(reason, crate::core::lang::Lang::En);
                    assert!(english.starts_with(&format!("transaction type {skipped} (")), "{reason}: {english}");
                }
                other => panic!("{skipped}: {other:?}"),
            }
        }
        for unknown in ["", "0", "14", "C", "D", "IF", "x"] {
            assert_eq!(transaction_rule(unknown), None, "{unknown}");
        }
    }

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

    #[test]
    fn models_from_collaboration_types() {
        for (c, want) in [
            ("1", "bilateral"),
            ("2", "multilateral"),
            ("3", "public-private"),
            ("4", "multilateral"),
            ("6", "public-private"),
            ("7", "bilateral"),
            ("8", "triangular"),
            ("5", "unspecified"),
            ("", "unspecified"),
        ] {
            assert_eq!(model_from_collaboration_type(c), want, "{c}");
            assert!(codes::find(codes::MODELS, model_from_collaboration_type(c)).is_some());
        }
    }

    #[test]
    fn kinds_from_aid_types() {
        for (a, want) in [("D01", "technical"), ("D02", "technical"), ("E01", "technical"), ("E02", "technical"), ("A01", "financial"), ("B02", "financial"), ("B03", "financial"), ("C01", "financial"), ("G01", "financial"), ("H01", "financial")] {
            assert_eq!(kind_from_aid_type(Some(a)), want, "{a}");
        }
        assert_eq!(kind_from_aid_type(None), "financial");
    }

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
    fn every_mapping_names_a_known_code() {
        for (dac, m49, _) in DAC_REGIONS {
            assert!(geo::area(m49).is_some(), "{dac} → {m49}");
        }
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
            ("1", "15250", "clearance"),
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
        let (obl, _) = obligations_from_sectors(&[sector("98", "OA1", Some("25")), sector("98", "OA2", Some("25")), sector("98", "OA11", Some("50")), sector("10", "7", Some("100"))], true).unwrap();
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

    #[test]
    fn rates() {
        let rates = parse_rates("# ECB reference rates, 2023-12-29\ncurrency,rate\nEUR,1.105\ncad, 0.7561\n").unwrap();
        assert_eq!(rates, vec![Rate { currency: "EUR".into(), to_dataset_currency: 1.105 }, Rate { currency: "CAD".into(), to_dataset_currency: 0.7561 }]);
        assert!(parse_rates("currency,rate\nEUR,abc\n").is_err());
        assert!(parse_rates("currency,rate\nEUR,-1\n").is_err());
    }
}
