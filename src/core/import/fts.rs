//! OCHA Financial Tracking Service (FTS) flows → dataset v1.
//!
//! Reads responses of `/v1/public/fts/flow/custom-search` (one or several pages). The rules, and
//! why, are in docs/importers.md. In short: only `boundary: "incoming"` flows that FTS attributes
//! to this one location and year (`onBoundary: "single"`) count — internal flows move money that is
//! already counted as incoming, and shared flows are counted by FTS outside a single location's
//! total — so the imported funding equals FTS's own `incoming.fundingTotal`.

use super::{ImportReport, Imported};
use crate::core::format::cooperation;
use crate::core::format::dataset::*;
use crate::core::format::geo;
use serde::de::DeserializeSeed;
use serde_json::Value;
use std::collections::{BTreeMap, HashMap, HashSet};

/// Skip reason: a flow within the location (`boundary: "internal"`), already counted as incoming.
pub const SKIP_INTERNAL: &str = "fts-internal-flow";
/// Skip reason: a flow leaving the location (`boundary: "outgoing"`).
pub const SKIP_OUTGOING: &str = "fts-outgoing-flow";
/// Skip reason: a flow FTS shares between locations or years (`onBoundary: "shared"`), outside a
/// single location's total.
pub const SKIP_SHARED: &str = "fts-shared-flow";
/// The donor of a flow with no source Organization: FTS keeps it in its totals, so do we.
pub const UNREPORTED_DONOR_ID: &str = "fts-org-not-reported";
/// The name of the `UNREPORTED_DONOR_ID` donor.
pub const UNREPORTED_DONOR_NAME: &str = "Donor not reported in FTS";
/// Skip reason: a flow id already read (pages of one search can overlap).
pub const SKIP_DUPLICATE: &str = "fts-duplicate-flow";

/// One input file, named for error messages.
pub struct Input<'a> {
    /// The file name, as the report names it.
    pub name: &'a str,
    /// The response's JSON text.
    pub text: &'a str,
}

/// Options of `import`.
#[derive(Default)]
pub struct Options {
    /// The dataset's metadata; an empty `data_as_of` becomes the latest flow update.
    pub metadata: Metadata,
    /// `/v1/public/location` response: FTS location id → ISO3.
    pub locations: Option<String>,
    /// `/v2/fts/flow/plan/overview/progress/YEAR` response: plan requirements become needs.
    pub plans: Option<String>,
}

/// FTS global cluster names → obligation ids (IASC global clusters and areas of responsibility).
pub const GLOBAL_CLUSTERS: &[(&str, &str)] = &[
    ("Mine Action", "mine-action"),
    ("Protection", "protection"),
    ("Education", "education"),
    ("Health", "health"),
    ("Food Security", "food-security"),
    ("Water Sanitation Hygiene", "wash"),
    ("Nutrition", "nutrition"),
    ("Emergency Shelter and NFI", "shelter"),
    ("Gender Based Violence", "gbv"),
    ("Child Protection", "child-protection"),
    ("Housing, Land and Property", "housing-land-property"),
    ("Agriculture", "agriculture"),
    ("Logistics", "logistics"),
    ("Coordination and support services", "coordination"),
    ("Camp Coordination / Management", "camp-management"),
    ("Early Recovery", "early-recovery"),
    ("Emergency Telecommunications", "telecommunications"),
    ("COVID-19", "covid-19"),
    ("Multi-sector", "multi-sector"),
    ("Multiple clusters/sectors (shared)", "multi-sector"),
    ("Other", "unspecified"),
];

fn objects<'a>(flow: &'a Value, side: &str, kind: &str) -> Vec<&'a Value> {
    flow.get(side).and_then(Value::as_array).map(|a| a.iter().filter(|o| o.get("type").and_then(Value::as_str) == Some(kind)).collect()).unwrap_or_default()
}

fn org_types(org: &Value) -> Vec<&str> {
    org.get("organizationTypes").and_then(Value::as_array).map(|a| a.iter().filter_map(Value::as_str).collect()).unwrap_or_default()
}

fn str_field<'a>(v: &'a Value, key: &str) -> Option<&'a str> {
    v.get(key).and_then(Value::as_str)
}

/// FTS ids come as strings or numbers.
fn id_field(v: &Value) -> Option<String> {
    match v.get("id")? {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// FTS names governments "<Country>, Government of": the country, when the table knows the name.
pub fn government_country(org_name: &str) -> Option<&'static str> {
    geo::country_of_government_name(org_name).map(|c| c.iso3)
}

/// FTS organisation types (the first one) → donor type.
pub fn donor_type(org_types: &[&str]) -> &'static str {
    match org_types.first().copied().unwrap_or("") {
        "Government" => "government",
        "Inter-governmental" | "Pooled fund" | "Multilateral" => "multilateral",
        "UN agency" => "un-agency",
        "Private organization/foundation" => "private",
        "NGO" | "Red Cross/Red Crescent" => "ngo",
        _ => "other",
    }
}

/// FTS records no cooperation model: it is derived by the documented rules of `cooperation::derive`
/// from what a flow does show (docs/cooperation-models.md).
fn model_facts<'a>(donor: &'a Donor, org_types: &[&str], donor_country: Option<&'a str>, recipient: &'a str, flow: &Value) -> cooperation::Facts<'a> {
    let public_partner = objects(flow, "destinationObjects", "Organization").iter().any(|o| {
        o.get("organizationTypes").and_then(Value::as_array).is_some_and(|t| t.iter().any(|t| matches!(t.as_str(), Some("UN agency" | "Government"))))
    });
    cooperation::Facts {
        collaboration_type: None,
        donor_type: &donor.donor_type,
        donor_country: if donor.donor_type == "government" { donor_country } else { None },
        pivot_country: None,
        recipient_country: geo::country(recipient).map(|c| c.iso3),
        public_partner,
        pooled_fund: org_types.first() == Some(&"Pooled fund"),
        ..Default::default()
    }
}

/// Reads FTS custom-search responses (one or several pages): every flow is imported, skipped by the
/// rules above, or rejected with where it is and why.
pub fn import(inputs: &[Input], options: Options) -> Result<Imported, String> {
    import_readers(inputs.iter().map(|i| (i.name.to_string(), i.text.as_bytes())).collect(), options)
}

/// As `import`, reading each answer from a reader (a file) as a stream: memory follows one flow at a
/// time and the contributions made, never the whole answer.
pub fn import_readers<R: std::io::Read>(inputs: Vec<(String, R)>, options: Options) -> Result<Imported, String> {
    let locations = match &options.locations {
        Some(text) => {
            // A newer copy of FTS's list refreshes the bundled one.
            let mut known = bundled_locations().ids.clone();
            known.extend(parse_locations(text)?);
            known
        }
        None => bundled_locations().ids.clone(),
    };
    let cluster_map: HashMap<&str, &str> = GLOBAL_CLUSTERS.iter().copied().collect();
    let mut report = ImportReport::default();
    let mut unmapped_clusters = BTreeMap::new();
    let mut contributions = Vec::new();
    let mut seen = HashSet::new();
    let mut latest_update = String::new();

    for (name, reader) in inputs {
        let input = Input { name: &name, text: "" };
        // Flows are read one at a time: memory follows one flow, not the whole answer.
        let mut i = 0usize;
        let mut handle = |flow: Value| {
            let i = {
                i += 1;
                i - 1
            };
            let flow = &flow;
            report.read += 1;
            let flow_id = id_field(flow).unwrap_or_else(|| "?".into());
            let at = format!("{}#/data/flows/{i} (flow {flow_id})", input.name);
            match str_field(flow, "boundary") {
                Some("incoming") => {}
                Some("internal") => {
                    report.skip(SKIP_INTERNAL);
                    return;
                }
                Some("outgoing") => {
                    report.skip(SKIP_OUTGOING);
                    return;
                }
                other => {
                    report.reject(at, format!("boundary is {other:?}, expected incoming, internal or outgoing"));
                    return;
                }
            }
            if str_field(flow, "onBoundary") == Some("shared") {
                report.skip(SKIP_SHARED);
                return;
            }
            if !seen.insert(flow_id.clone()) {
                report.skip(SKIP_DUPLICATE);
                return;
            }
            // FTS lists the two ends of a flow as arrays of objects; anything else is read as empty,
            // and the report says so (the donor or recipient then reads "not reported" or is missing).
            let odd_ends: Vec<String> = ["sourceObjects", "destinationObjects"]
                .into_iter()
                .filter_map(|side| {
                    let v = flow.get(side)?;
                    let kind = match v {
                        Value::Array(_) => return None,
                        Value::String(_) => "a string",
                        Value::Null => "null",
                        Value::Object(_) => "an object",
                        _ => "a number or boolean",
                    };
                    Some(format!("{side} is {kind}, not a list of objects: read as empty"))
                })
                .collect();
            match flow_to_contribution(flow, &flow_id, &locations, &cluster_map, &mut unmapped_clusters) {
                Ok(c) => {
                    for what in odd_ends {
                        let what = if c.donor.id == UNREPORTED_DONOR_ID { format!("{what}, so the donor is \"not reported\"") } else { what };
                        report.warn(at.clone(), what);
                    }
                    for key in ["updatedAt", "createdAt"] {
                        if let Some(d) = str_field(flow, key).filter(|d| d.len() >= 10) {
                            if d[..10] > *latest_update.as_str() {
                                latest_update = d[..10].to_string();
                            }
                        }
                    }
                    report.imported += 1;
                    contributions.push(c);
                }
                Err(reason) if odd_ends.is_empty() => report.reject(at, reason),
                Err(reason) => report.reject(at, format!("{reason} ({})", odd_ends.join("; "))),
            }
        };
        let mut de = serde_json::Deserializer::from_reader(std::io::BufReader::with_capacity(1 << 16, reader));
        let found = FtsAnswer(&mut handle)
            .deserialize(&mut de)
            .and_then(|found| de.end().map(|_| found))
            .map_err(|e| format!("{}: not valid JSON (line {}, column {}): {e}", input.name, e.line(), e.column()))?;
        if !found {
            return Err(format!("{}: no /data/flows array: is this an FTS flow custom-search response?", input.name));
        }
    }

    let requirements = match &options.plans {
        Some(text) => plan_requirements(text, &contributions, &locations)?,
        None => Vec::new(),
    };
    let mut metadata = options.metadata;
    if metadata.data_as_of.is_empty() {
        metadata.data_as_of = latest_update;
    }
    Ok(Imported {
        dataset: Dataset::new(metadata, contributions, requirements),
        report,
        // FTS flows need no notes; the cluster names no mapping knew are the caller's to word.
        notes: Vec::new(),
        unmapped: unmapped_clusters,
    })
}

fn flow_to_contribution(
    flow: &Value,
    flow_id: &str,
    locations: &HashMap<String, String>,
    cluster_map: &HashMap<&str, &str>,
    unmapped: &mut BTreeMap<String, usize>,
) -> Result<Contribution, String> {
    let status = match str_field(flow, "status") {
        Some("pledge") => "pledged",
        Some("commitment") => "committed",
        Some("paid") => "disbursed",
        other => return Err(format!("status is {other:?}, expected pledge, commitment or paid")),
    };
    let amount = flow.get("amountUSD").and_then(Value::as_f64).filter(|a| *a >= 0.0).ok_or("amountUSD is missing or not a non-negative number")?;
    let kind = match str_field(flow, "contributionType") {
        Some("financial") => "financial",
        Some("in kind") => "in-kind",
        other => return Err(format!("contributionType is {other:?}, expected financial or in kind")),
    };
    let orgs = objects(flow, "sourceObjects", "Organization");
    let mut donor = match orgs.as_slice() {
        // FTS keeps such flows in its totals; so do we, without inventing a donor.
        [] => Donor { id: UNREPORTED_DONOR_ID.into(), name: UNREPORTED_DONOR_NAME.into(), donor_type: "other".into(), country: None },
        [org] => {
            let org_types = org_types(org);
            Donor {
                id: format!("fts-org-{}", id_field(org).ok_or("source Organization has no id")?),
                name: str_field(org, "name").filter(|n| !n.trim().is_empty()).ok_or("source Organization has no name")?.trim().to_string(),
                donor_type: donor_type(&org_types).to_string(),
                country: None,
            }
        }
        _ => return Err(format!("{} source Organizations: the donor is ambiguous", orgs.len())),
    };
    let org_types = orgs.first().map(|o| org_types(o)).unwrap_or_default();
    let places = objects(flow, "destinationObjects", "Location");
    let place = match places.as_slice() {
        [one] => *one,
        [] => return Err("no destination Location: the recipient is unknown".into()),
        _ => return Err(format!("{} destination Locations on a single-boundary flow", places.len())),
    };
    let recipient = location_iso3(place, locations, "destination")?;
    if geo::country(&recipient).is_none() {
        return Err(format!("destination Location {recipient} (FTS: {}) has no UN M49 region in our country table", str_field(place, "name").unwrap_or("?")));
    }
    let years = objects(flow, "destinationObjects", "UsageYear");
    let year: i32 = match years.as_slice() {
        [one] => str_field(one, "name").and_then(|y| y.parse().ok()).ok_or("destination UsageYear is not a year")?,
        [] => return Err("no destination UsageYear".into()),
        _ => return Err(format!("{} destination UsageYears on a single-boundary flow", years.len())),
    };
    let mut obligations: Vec<&str> = objects(flow, "destinationObjects", "GlobalCluster")
        .iter()
        .filter_map(|c| str_field(c, "name"))
        .map(|name| {
            cluster_map.get(name).copied().unwrap_or_else(|| {
                *unmapped.entry(name.to_string()).or_default() += 1;
                "unspecified"
            })
        })
        .collect();
    obligations.sort_unstable();
    obligations.dedup();
    // FTS gives no split between several clusters; we do not invent one.
    let obligation = match obligations.as_slice() {
        [] => "unspecified",
        [one] => one,
        _ => "multi-sector",
    };
    let plans = objects(flow, "destinationObjects", "Plan");
    let plan = match plans.as_slice() {
        [one] => id_field(one),
        _ => None,
    };
    let donor_country =
        objects(flow, "sourceObjects", "Location").first().and_then(|l| location_iso3(l, locations, "source").ok()).filter(|c| geo::country(c).is_some());
    if donor.donor_type == "government" {
        donor.country = donor_country.clone().or_else(|| government_country(&donor.name).map(str::to_string));
    }
    let (model, rule) = cooperation::derive(&model_facts(&donor, &org_types, donor_country.as_deref(), &recipient, flow));
    Ok(Contribution {
        id: format!("fts-{flow_id}"),
        donor,
        recipient,
        year,
        date: str_field(flow, "date").filter(|d| d.len() >= 10).map(|d| d[..10].to_string()),
        obligations: vec![ObligationShare { id: obligation.to_string(), share: 1.0 }],
        model: model.to_string(),
        model_rule: Some(rule.id().to_string()),
        model_evidence: None,
        obligation_rule: None,
        obligation_evidence: None,
        kind: kind.to_string(),
        status: status.to_string(),
        amount,
        plan,
        description: str_field(flow, "description").map(|d| d.trim().to_string()).filter(|d| !d.is_empty()),
        places: Vec::new(),
        history: Vec::new(),
        objectives: Vec::new(),
    })
}

/// FTS's own list of locations (`fts_locations.tsv`, with its provenance), compiled in.
pub struct FtsLocations {
    /// Location id → ISO 3166 alpha-3, for the locations that are countries or territories.
    pub ids: HashMap<String, String>,
    /// Lower-cased name → ISO3, for flows that name a place without a known id.
    pub names: HashMap<String, String>,
    /// Location id → name, for the locations that are not countries (Global, regions).
    pub areas: HashMap<String, String>,
}

/// The bundled FTS location table, read once.
pub fn bundled_locations() -> &'static FtsLocations {
    static TABLE: std::sync::OnceLock<FtsLocations> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let mut t = FtsLocations { ids: HashMap::new(), names: HashMap::new(), areas: HashMap::new() };
        let mut alternatives = Vec::new();
        for line in include_str!("fts_locations.tsv").lines().filter(|l| !l.starts_with('#')).skip(1) {
            let mut cols = line.split('\t');
            let (Some(id), Some(iso3), Some(name)) = (cols.next(), cols.next(), cols.next()) else { continue };
            let other_names = cols.nth(1).unwrap_or_default();
            if iso3.is_empty() {
                t.areas.insert(id.to_string(), name.to_string());
            } else {
                t.ids.insert(id.to_string(), iso3.to_string());
                t.names.insert(name.to_lowercase(), iso3.to_string());
                alternatives.extend(other_names.split('|').filter(|n| !n.is_empty()).map(|n| (n.to_lowercase(), iso3)));
            }
        }
        // FTS's own names first; another place's alternative name never overrides one.
        for (name, iso3) in alternatives {
            t.names.entry(name).or_insert_with(|| iso3.to_string());
        }
        t
    })
}

/// The ISO3 code of an FTS location object: by its id, else by its name (FTS's own names, then
/// English country names). Err says why not, for the report.
fn location_iso3(place: &Value, locations: &HashMap<String, String>, role: &str) -> Result<String, String> {
    let id = id_field(place);
    let name = str_field(place, "name").unwrap_or("?");
    if let Some(iso3) = id.as_ref().and_then(|id| locations.get(id)).filter(|iso3| !iso3.is_empty()) {
        return Ok(iso3.clone());
    }
    if let Some(iso3) = bundled_locations().names.get(&name.to_lowercase()) {
        return Ok(iso3.clone());
    }
    if let Some(c) = geo::country_by_name(name) {
        return Ok(c.iso3.to_string());
    }
    let areas = &bundled_locations().areas;
    let area = id.as_ref().and_then(|id| areas.get(id)).or_else(|| areas.values().find(|a| a.to_lowercase() == name.to_lowercase()));
    // A location FTS lists without ISO3 ("Global", its regions) is not one country.
    let listed_without_iso3 = id.as_ref().and_then(|id| locations.get(id)).is_some_and(|iso3| iso3.is_empty());
    match area.or(listed_without_iso3.then_some(&name.to_string())) {
        Some(area) => Err(format!("{role} Location \"{area}\" is a region or the whole world in FTS, not one country: a contribution needs one recipient country")),
        None => Err(format!(
            "{role} Location \"{name}\" (id {}) is not in FTS's location list as bundled: pass --locations with a current copy of https://api.hpc.tools/v1/public/location",
            id.as_deref().unwrap_or("none")
        )),
    }
}

fn parse_locations(text: &str) -> Result<HashMap<String, String>, String> {
    let doc: Value = serde_json::from_str(text).map_err(|e| format!("locations file: not valid JSON: {e}"))?;
    let list = doc.get("data").and_then(Value::as_array).ok_or("locations file: no data array")?;
    Ok(list.iter().filter_map(|l| Some((id_field(l)?, str_field(l, "iso3").unwrap_or_default().to_string()))).collect())
}

/// Requirements of the single-country plans that imported flows fund.
fn plan_requirements(text: &str, contributions: &[Contribution], locations: &HashMap<String, String>) -> Result<Vec<Requirement>, String> {
    let doc: Value = serde_json::from_str(text).map_err(|e| format!("plans file: not valid JSON: {e}"))?;
    let plans = doc.pointer("/data/plans").and_then(Value::as_array).ok_or("plans file: no /data/plans array")?;
    let funded: HashSet<&str> = contributions.iter().filter_map(|c| c.plan.as_deref()).collect();
    let mut out = Vec::new();
    for p in plans {
        let Some(id) = id_field(p) else { continue };
        if !funded.contains(id.as_str()) {
            continue;
        }
        let countries: Vec<&Value> = p.get("countries").and_then(Value::as_array).map(|a| a.iter().collect()).unwrap_or_default();
        let [country] = countries.as_slice() else { continue };
        let Some(iso3) = str_field(country, "iso3")
            .map(str::to_string)
            .or_else(|| id_field(country).and_then(|i| locations.get(&i).cloned()).filter(|iso3| !iso3.is_empty()))
        else {
            continue;
        };
        let revised = p.pointer("/requirements/revisedRequirements").and_then(Value::as_f64).unwrap_or(0.0);
        let original = p.pointer("/requirements/origRequirements").and_then(Value::as_f64).unwrap_or(0.0);
        let amount = if revised > 0.0 { revised } else { original };
        let year = str_field(p, "startDate").and_then(|d| d.get(..4)).and_then(|y| y.parse().ok());
        if let (true, Some(year)) = (amount > 0.0, year) {
            out.push(Requirement {
                recipient: iso3,
                obligation: None,
                year,
                amount,
                plan: Some(id),
                label: str_field(p, "name").map(str::to_string),
                objectives: Vec::new(),
            });
        }
    }
    Ok(out)
}

/// Streams an FTS answer: calls the handler with each element of `data.flows`, skipping everything
/// else unread. `true` when the answer had that array.
struct FtsAnswer<'f, F>(&'f mut F);

impl<'de, F: FnMut(Value)> serde::de::DeserializeSeed<'de> for FtsAnswer<'_, F> {
    type Value = bool;
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<bool, D::Error> {
        d.deserialize_any(Level { handle: self.0, depth: 0 })
    }
}

/// One level of the answer: the top object (0), `data` (1), `flows` (2).
struct Level<'f, F> {
    handle: &'f mut F,
    depth: u8,
}

impl<'de, F: FnMut(Value)> serde::de::DeserializeSeed<'de> for Level<'_, F> {
    type Value = bool;
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<bool, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de, F: FnMut(Value)> serde::de::Visitor<'de> for Level<'_, F> {
    type Value = bool;
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str(if self.depth == 2 { "the flows array" } else { "an object" })
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<bool, A::Error> {
        let mut found = false;
        while let Some(key) = map.next_key::<String>()? {
            let wanted = (self.depth == 0 && key == "data") || (self.depth == 1 && key == "flows");
            if wanted {
                found |= map.next_value_seed(Level { handle: &mut *self.handle, depth: self.depth + 1 })?;
            } else {
                map.next_value::<serde::de::IgnoredAny>()?;
            }
        }
        Ok(found)
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<bool, A::Error> {
        if self.depth != 2 {
            while seq.next_element::<serde::de::IgnoredAny>()?.is_some() {}
            return Ok(false);
        }
        while let Some(flow) = seq.next_element::<Value>()? {
            (self.handle)(flow);
        }
        Ok(true)
    }
    // Anything else where an object or the flows were expected: not an FTS answer.
    fn visit_str<E>(self, _: &str) -> Result<bool, E> {
        Ok(false)
    }
    fn visit_bool<E>(self, _: bool) -> Result<bool, E> {
        Ok(false)
    }
    fn visit_i64<E>(self, _: i64) -> Result<bool, E> {
        Ok(false)
    }
    fn visit_u64<E>(self, _: u64) -> Result<bool, E> {
        Ok(false)
    }
    fn visit_f64<E>(self, _: f64) -> Result<bool, E> {
        Ok(false)
    }
    fn visit_unit<E>(self) -> Result<bool, E> {
        Ok(false)
    }
}
