//! AidData research releases → dataset v1 (`--from aiddata`). See docs/importers.md, "AidData
//! research releases", for every rule and its reason.
//!
//! AidData publishes, for many countries, a geocoded research release of the recipient
//! government's aid management system: a folder (or a zip of it) holding `data/projects.csv`,
//! `data/transactions.csv`, `data/locations.csv`, optionally `data/project_ancillary.csv` (the
//! system's own fields) and `datapackage.json`. The core never opens files: it reads members
//! through `Release`, which the CLI implements for a folder and for a zip.
//!
//! A record is a row of transactions.csv, or a project without any transaction (skipped: it has no
//! amounts). read = imported + skipped + rejected. In the order a release goes through:
//! - `tables`: the CSV tables, columns found by header name;
//! - `metadata`: datapackage.json → the metadata the flags left empty;
//! - `places`: locations.csv's GeoNames hierarchy → each project's first-level divisions;
//! - this module: each project's transactions → contributions (stage, year, amount, currency),
//!   split between donors and recipients, then counted once per agreement;
//! - `donors`: who gave (countries, multilateral, private, NGO); `models`: the recipient
//!   government's typing → cooperation model, and the modality → kind.

mod donors;
mod metadata;
mod models;
mod places;
mod tables;

pub use donors::{donor_type, is_multilateral, is_private, COMPANIES, MULTILATERAL_ACRONYMS, MULTILATERAL_WORDS, PRIVATE_WORDS};
pub use metadata::{release_date, DEFAULT_SOURCE_URL};
pub use models::{kind_from_modality, model_from_typing, public_body, PUBLIC_BODY_WORDS, TYPING_COLUMNS};
pub use places::admin1;

use super::count_once::{furthest_stage, CountOnce, SourceTotals};
use super::iati::sector_obligation;
use super::{ImportReport, Imported};
use crate::core::format::cooperation::{derive_with_evidence, Facts};
use crate::core::format::dataset::*;
use crate::core::format::geo;
use crate::core::format::validate::is_iso_date;
use std::collections::{BTreeMap, HashMap};
use tables::Table;

/// Skip reason: a project with no transaction at all (no amount to import).
pub const SKIP_PROJECT_WITHOUT_AMOUNTS: &str = "aiddata-project-without-amounts";

/// The members of a release the importer reads.
pub const PROJECTS: &str = "data/projects.csv";
/// See `PROJECTS`.
pub const TRANSACTIONS: &str = "data/transactions.csv";
/// See `PROJECTS`.
pub const LOCATIONS: &str = "data/locations.csv";
/// The ancillary table, under either of the names releases give it.
pub const ANCILLARY: [&str; 2] = ["data/project_ancillary.csv", "data/projects_ancillary.csv"];
/// See `PROJECTS`.
pub const DATAPACKAGE: &str = "datapackage.json";

/// What a release holds, for messages about a missing member.
const LAYOUT: &str = "An AidData research release holds data/projects.csv, data/transactions.csv and data/locations.csv, optionally data/project_ancillary.csv, and datapackage.json: give the release's folder or its .zip";

/// A release's members, however they are stored (a folder, a zip, memory).
pub trait Release {
    /// The bytes of a member (`data/projects.csv`); `None` when the release has no such member,
    /// an error in words when it is there but cannot be read.
    fn member(&self, path: &str) -> Result<Option<Vec<u8>>, String>;
}

/// A release held in memory: member path → bytes.
impl Release for BTreeMap<String, Vec<u8>> {
    fn member(&self, path: &str) -> Result<Option<Vec<u8>>, String> {
        Ok(self.get(path).cloned())
    }
}

/// Options of `import`.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// The dataset's metadata as the flags give it; what is empty is taken from datapackage.json.
    /// `currency` is required: amounts in any other currency are rejected.
    pub metadata: Metadata,
    /// The release's name (its folder or zip), to locate messages.
    pub name: String,
}

/// A row of projects.csv, as the importer needs it.
struct Project {
    id: String,
    title: Option<String>,
    donors: String,
    donors_iso3: String,
    recipients: String,
    sectors: String,
}

/// What the recipient government's own fields say of a project.
#[derive(Default)]
struct Ancillary {
    typing: Option<String>,
    responsible: Option<String>,
    modality: Option<String>,
}

/// What every transaction of a project shares.
struct ProjectFacts {
    donors: Vec<Donor>,
    recipients: Vec<&'static geo::Country>,
    obligations: Vec<ObligationShare>,
    unmapped: Vec<String>,
    kind: &'static str,
}

/// Reads a release: every transaction becomes contributions or is rejected with its place and
/// reason; every project without transactions is skipped.
pub fn import(release: &dyn Release, options: Options) -> Result<Imported, String> {
    let Options { mut metadata, name } = options;
    let currency = metadata.currency.trim().to_uppercase();
    if currency.is_empty() {
        return Err("metadata.currency is empty: the dataset currency is needed to check the amounts' currency".into());
    }
    let need =
        |member: &str, holds: &str| -> Result<Vec<u8>, String> { release.member(member)?.ok_or_else(|| format!("{name} has no {member} ({holds}). {LAYOUT}")) };
    let projects = Table::parse("projects.csv", &need(PROJECTS, "one row per project: its donors, recipient and sectors")?)?;
    let transactions = Table::parse("transactions.csv", &need(TRANSACTIONS, "one row per commitment or disbursement, with its amount")?)?;
    let mut notes = metadata::complete(&mut metadata, release.member(DATAPACKAGE)?.as_deref());
    let places = match release.member(LOCATIONS)? {
        Some(bytes) => places::read(&Table::parse("locations.csv", &bytes)?)?,
        None => {
            notes.push(format!("{name} has no {LOCATIONS}: the contributions name no places"));
            HashMap::new()
        }
    };
    let (ancillary, typing_column) = read_ancillary(release, &mut notes)?;
    let (projects, mut report) = read_projects(&projects)?;
    let mut imp = Importer {
        currency,
        report: std::mem::take(&mut report),
        unmapped: BTreeMap::new(),
        contributions: Vec::new(),
        counted_once: CountOnce::default(),
        typing_column,
        public_private: 0,
        outside: 0,
    };
    imp.read(&projects, &transactions, &ancillary, &places)?;
    if let Some(sentence) = imp.counted_once.sentence() {
        imp.report.warn(format!("{name} (all projects)"), sentence.clone());
        notes.push(sentence);
    }
    if imp.public_private > 0 {
        notes.push(format!(
            "{} contribution(s) of non-official projects are public-private: a private donor with a public body among the responsible entities",
            imp.public_private
        ));
    }
    if imp.outside > 0 {
        notes.push(format!("{} place(s) outside the project's recipient country left out", imp.outside));
    }
    Ok(Imported { dataset: Dataset::new(metadata, imp.contributions, Vec::new()), report: imp.report, notes, unmapped: imp.unmapped })
}

/// The ancillary table, when the release has one: project id → the fields the rules read, and
/// the header of the typing column (for the evidence).
fn read_ancillary(release: &dyn Release, notes: &mut Vec<String>) -> Result<(HashMap<String, Ancillary>, Option<String>), String> {
    let found = ANCILLARY.iter().map(|m| release.member(m).map(|b| b.map(|b| (*m, b)))).find_map(|r| r.transpose()).transpose()?;
    let Some((member, bytes)) = found else {
        notes.push("no ancillary table: cooperation models are derived (docs/cooperation-models.md) and every kind is financial".into());
        return Ok((HashMap::new(), None));
    };
    let file = member.rsplit('/').next().unwrap_or(member);
    let table = Table::parse(file, &bytes)?;
    let id = table.column(&["project_id"]).ok_or_else(|| format!("{file} has no column “project_id”: its rows cannot be joined to the projects"))?;
    let typing = table.column(TYPING_COLUMNS);
    let responsible = table.column(models::RESPONSIBLE_COLUMNS);
    let modality = table.column(models::MODALITY_COLUMNS);
    let header = |i: Option<usize>| i.map(|i| table.header(i).to_string());
    notes.push(format!(
        "{file}: cooperation model from {}, kind from {}, public partners from {}",
        header(typing).unwrap_or_else(|| "no column (derived)".into()),
        header(modality).unwrap_or_else(|| "no column (financial)".into()),
        header(responsible).unwrap_or_else(|| "no column".into()),
    ));
    let text = |s: &str| Some(s.to_string()).filter(|s| !s.is_empty());
    let map = table
        .rows
        .iter()
        .map(|r| (r.cell(id).to_string(), Ancillary { typing: text(r.get(typing)), responsible: text(r.get(responsible)), modality: text(r.get(modality)) }))
        .collect();
    Ok((map, header(typing)))
}

/// The projects, in the order of the file; a project id read twice is a warning, the first row is used.
fn read_projects(table: &Table) -> Result<(Vec<Project>, ImportReport), String> {
    let id = table.require("project_id", "each project's id, which joins the tables")?;
    let (donors, donors_iso3) = (table.column(&["donors"]), table.column(&["donors_iso3"]));
    if donors.is_none() && donors_iso3.is_none() {
        table.require("donors", "who gave the money")?;
    }
    let recipients = table.require("recipients_iso3", "the recipient country's ISO 3166 code")?;
    let (sectors, title) = (table.column(&["ad_sector_codes"]), table.column(&["project_title"]));
    let mut report = ImportReport::default();
    let mut seen: HashMap<String, u64> = HashMap::new();
    let mut out = Vec::new();
    for r in &table.rows {
        let pid = r.cell(id).to_string();
        if let Some(first) = seen.get(&pid) {
            report.warn(format!("projects.csv:{} (project {pid})", r.line), format!("project_id {pid} was read at line {first}: that row is used"));
            continue;
        }
        seen.insert(pid.clone(), r.line);
        out.push(Project {
            id: pid,
            title: Some(r.get(title).to_string()).filter(|t| !t.is_empty()),
            donors: r.get(donors).to_string(),
            donors_iso3: r.get(donors_iso3).to_string(),
            recipients: r.cell(recipients).to_string(),
            sectors: r.get(sectors).to_string(),
        });
    }
    Ok((out, report))
}

/// `ad_sector_codes` ('|' between several OECD DAC 3-digit codes) → obligations in equal shares,
/// and the codes no mapping knew (as `DAC <code>`).
pub fn obligations_from_sector_codes(codes: &str) -> (Vec<ObligationShare>, Vec<String>) {
    let codes: Vec<&str> = codes.split('|').map(str::trim).filter(|c| !c.is_empty()).collect();
    if codes.is_empty() {
        return (vec![ObligationShare { id: "unspecified".into(), share: 1.0 }], Vec::new());
    }
    let share = 1.0 / codes.len() as f64;
    let (mut out, mut unmapped): (Vec<ObligationShare>, Vec<String>) = (Vec::new(), Vec::new());
    for code in codes {
        let id = sector_obligation("2", code, false).unwrap_or_else(|| {
            unmapped.push(format!("DAC {code}"));
            "unspecified"
        });
        match out.iter_mut().find(|o| o.id == id) {
            Some(o) => o.share += share,
            None => out.push(ObligationShare { id: id.into(), share }),
        }
    }
    (out, unmapped)
}

/// One import under way.
struct Importer {
    currency: String,
    report: ImportReport,
    unmapped: BTreeMap<String, usize>,
    contributions: Vec<Contribution>,
    counted_once: CountOnce,
    typing_column: Option<String>,
    public_private: usize,
    outside: usize,
}

/// The columns of transactions.csv.
struct TxColumns {
    id: Option<usize>,
    project: usize,
    date: Option<usize>,
    year: Option<usize>,
    code: usize,
    currency: usize,
    value: usize,
}

impl Importer {
    fn read(
        &mut self,
        projects: &[Project],
        transactions: &Table,
        ancillary: &HashMap<String, Ancillary>,
        places: &places::ProjectPlaces,
    ) -> Result<(), String> {
        let t = transactions;
        let cols = TxColumns {
            id: t.column(&["transaction_id"]),
            project: t.require("project_id", "the project each transaction belongs to")?,
            date: t.column(&["transaction_isodate"]),
            year: t.column(&["transaction_year"]),
            code: t.require("transaction_value_code", "C for a commitment, D for a disbursement")?,
            currency: t.require("transaction_currency", "the amount's currency")?,
            value: t.require("transaction_value", "the amount")?,
        };
        if cols.date.is_none() && cols.year.is_none() {
            t.require("transaction_year", "the year of each transaction")?;
        }
        // Each project's transactions, in file order; those of no known project are rejected.
        let known: HashMap<&str, usize> = projects.iter().enumerate().map(|(i, p)| (p.id.as_str(), i)).collect();
        let mut of_project: Vec<Vec<usize>> = vec![Vec::new(); projects.len()];
        for (i, row) in t.rows.iter().enumerate() {
            let pid = row.cell(cols.project);
            match known.get(pid) {
                Some(&p) => of_project[p].push(i),
                None => {
                    self.report.read += 1;
                    let at = self.location(row, &cols);
                    self.report.reject(at, format!("project_id {pid:?} is not in projects.csv: its donor, recipient and sectors are unknown"));
                }
            }
        }
        let mut ids: HashMap<String, u64> = HashMap::new();
        for (p, rows) in projects.iter().zip(of_project) {
            if rows.is_empty() {
                self.report.read += 1;
                self.report.skip(SKIP_PROJECT_WITHOUT_AMOUNTS);
                continue;
            }
            let anc = ancillary.get(&p.id);
            let facts = self.project_facts(p, anc);
            if let Ok(f) = &facts {
                let iso2: Vec<&str> = f.recipients.iter().map(|c| c.iso2).collect();
                self.outside += places.get(&p.id).map_or(0, |l| l.iter().filter(|(c, _)| !iso2.contains(&c.as_str())).count());
            }
            let first = self.contributions.len();
            for i in rows {
                let row = &t.rows[i];
                self.report.read += 1;
                let at = self.location(row, &cols);
                let tid = row.get(cols.id);
                let base = if tid.is_empty() { format!("{}-line{}", p.id, row.line) } else { tid.to_string() };
                if let Some(line) = ids.get(&base) {
                    self.report.reject(at, format!("transaction_id {base} was already read at line {line}"));
                    continue;
                }
                let result = facts.as_ref().map_err(Clone::clone).and_then(|f| self.transaction(row, &cols, p, anc, f, &base, places));
                match result {
                    Ok(list) => {
                        ids.insert(base, row.line);
                        self.report.imported += 1;
                        for k in &facts.as_ref().map(|f| f.unmapped.clone()).unwrap_or_default() {
                            *self.unmapped.entry(k.clone()).or_default() += 1;
                        }
                        self.contributions.extend(list);
                    }
                    Err(reason) => self.report.reject(at, reason),
                }
            }
            // A project's commitments and disbursements are one agreement's money at two stages
            // (compared as they are: the release's amounts are all in the dataset currency).
            furthest_stage(&mut self.contributions, first, &mut self.counted_once, &SourceTotals::new());
        }
        Ok(())
    }

    fn location(&self, row: &super::hxl::table::Row, cols: &TxColumns) -> String {
        let id = row.get(cols.id);
        format!("transactions.csv:{} (transaction {})", row.line, if id.is_empty() { "without id" } else { id })
    }

    /// Donors, recipients, obligations and kind of a project; an error rejects its transactions.
    fn project_facts(&self, p: &Project, anc: Option<&Ancillary>) -> Result<ProjectFacts, String> {
        let stated = anc.and_then(|a| a.typing.as_deref()).and_then(model_from_typing);
        let donors = donors::project_donors(&p.donors, &p.donors_iso3, stated)?;
        let codes: Vec<&str> = p.recipients.split('|').map(str::trim).filter(|c| !c.is_empty()).collect();
        if codes.is_empty() {
            return Err("recipients_iso3 is empty: the recipient country is unknown".into());
        }
        let recipients = codes
            .iter()
            .map(|c| geo::country(&c.to_uppercase()).ok_or_else(|| format!("recipients_iso3 {c:?} is not an ISO 3166 country code")))
            .collect::<Result<Vec<_>, _>>()?;
        let (obligations, unmapped) = obligations_from_sector_codes(&p.sectors);
        let kind = if anc.is_some() { kind_from_modality(anc.and_then(|a| a.modality.as_deref())) } else { "financial" };
        Ok(ProjectFacts { donors, recipients, obligations, unmapped, kind })
    }

    /// One row of transactions.csv → its contributions: one per donor and recipient, the amount
    /// split equally between them.
    #[allow(clippy::too_many_arguments)]
    fn transaction(
        &mut self,
        row: &super::hxl::table::Row,
        cols: &TxColumns,
        p: &Project,
        anc: Option<&Ancillary>,
        f: &ProjectFacts,
        base: &str,
        places: &places::ProjectPlaces,
    ) -> Result<Vec<Contribution>, String> {
        let status = match row.cell(cols.code) {
            "C" | "c" => "committed",
            "D" | "d" => "disbursed",
            "" => return Err("transaction_value_code is empty: cannot tell a commitment from a disbursement".into()),
            other => return Err(format!("transaction_value_code {other:?} is neither C (commitment) nor D (disbursement)")),
        };
        let date = row.get(cols.date);
        let day = date.get(..10).filter(|d| is_iso_date(d)).map(str::to_string);
        let year_text = row.get(cols.year);
        let year: i32 = if !year_text.is_empty() {
            year_text
                .parse::<f64>()
                .ok()
                .filter(|y| y.fract() == 0.0)
                .map(|y| y as i32)
                .ok_or_else(|| format!("transaction_year {year_text:?} is not a year"))?
        } else if let Some(d) = &day {
            d[..4].parse().map_err(|_| format!("transaction_isodate {date:?} has no year"))?
        } else if date.is_empty() {
            return Err("transaction_year and transaction_isodate are empty: the year is unknown".into());
        } else {
            return Err(format!("transaction_year is empty and transaction_isodate {date:?} is not a YYYY-MM-DD date: the year is unknown"));
        };
        if !(1900..=2100).contains(&year) {
            return Err(format!("transaction year {year} is outside 1900–2100"));
        }
        let value = row.cell(cols.value);
        let amount: f64 = match value.parse::<f64>() {
            _ if value.is_empty() => return Err("transaction_value is empty: the amount is unknown".into()),
            Ok(v) if v.is_finite() && v >= 0.0 => v,
            Ok(v) if v < 0.0 => return Err(format!("transaction_value {value} is negative: dataset amounts cannot be negative")),
            _ => return Err(format!("transaction_value {value:?} is not a number")),
        };
        let currency = row.cell(cols.currency).to_uppercase();
        if currency.is_empty() {
            return Err("transaction_currency is empty: the amount's currency is unknown".into());
        }
        if currency != self.currency {
            return Err(format!("transaction_currency {currency} is not the dataset currency {}, and the release gives no rate (no rate)", self.currency));
        }
        let typing = anc.and_then(|a| a.typing.as_deref());
        let stated = typing.and_then(model_from_typing);
        let public = anc.and_then(|a| a.responsible.as_deref()).filter(|r| public_body(r).is_some());
        let texts: Vec<(&str, &str)> = p.title.as_deref().map(|t| vec![("title", t)]).unwrap_or_default();
        let triangular_title = crate::core::format::cooperation::model_from_text(&texts)
            .filter(|(model, _)| *model == "triangular")
            .map(|(_, evidence)| format!("{evidence}; {}: {}", self.typing_column.as_deref().unwrap_or("typing"), typing.unwrap_or_default()));
        let (several_donors, several_recipients) = (f.donors.len() > 1, f.recipients.len() > 1);
        let n = f.donors.len() * f.recipients.len();
        let mut left = amount;
        let mut out = Vec::with_capacity(n);
        for (d, donor) in f.donors.iter().enumerate() {
            let co_funders: Vec<(&str, Option<&str>)> =
                f.donors.iter().filter(|o| o.id != donor.id).map(|o| (o.donor_type.as_str(), o.country.as_deref())).collect();
            for recipient in &f.recipients {
                // The last part takes what remains, so the parts add up to the value.
                let part = if out.len() + 1 == n { left } else { amount / n as f64 };
                left -= part;
                let (model, rule, evidence) = match (stated, public) {
                    (Some("non-official"), Some(partner)) if donor.donor_type == "private" => {
                        self.public_private += 1;
                        ("public-private", "public-private", Some(format!("private donor {} with public partner {partner}", donor.name)))
                    }
                    // The DAC files triangular co-operation under bilateral (collaboration type 8): a
                    // bilateral project whose title names it is that kind of bilateral, not another.
                    (Some("bilateral"), _) if triangular_title.is_some() => ("triangular", "text", triangular_title.clone()),
                    (Some(model), _) => {
                        (model, "stated", Some(format!("{}: {}", self.typing_column.as_deref().unwrap_or("typing"), typing.unwrap_or_default())))
                    }
                    (None, _) => {
                        let facts = Facts {
                            donor_type: &donor.donor_type,
                            donor_country: donor.country.as_deref(),
                            recipient_country: Some(recipient.iso3),
                            public_partner: public.is_some(),
                            co_funders: &co_funders,
                            texts: &texts,
                            ..Default::default()
                        };
                        let (model, rule, evidence) = derive_with_evidence(&facts);
                        (model, rule.id(), evidence)
                    }
                };
                let mut id = base.to_string();
                if several_donors {
                    id.push_str(&format!("-{}", d + 1));
                }
                if several_recipients {
                    id.push_str(&format!("-{}", recipient.iso3));
                }
                out.push(Contribution {
                    id,
                    donor: donor.clone(),
                    recipient: recipient.iso3.to_string(),
                    year,
                    date: day.clone(),
                    obligations: f.obligations.clone(),
                    obligation_rule: None,
                    obligation_evidence: None,
                    model: model.to_string(),
                    model_rule: Some(rule.to_string()),
                    model_evidence: evidence,
                    kind: f.kind.to_string(),
                    status: status.to_string(),
                    amount: part.max(0.0),
                    plan: None,
                    description: p.title.clone(),
                    places: places::in_country(places.get(&p.id), recipient.iso2),
                    history: Vec::new(),
                    objectives: Vec::new(),
                });
            }
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sector_codes_split_equally() {
        let (o, u) = obligations_from_sector_codes("110|151|999");
        assert_eq!(o.iter().map(|o| o.id.as_str()).collect::<Vec<_>>(), ["education", "governance", "unspecified"]);
        assert!((o.iter().map(|o| o.share).sum::<f64>() - 1.0).abs() < 1e-12);
        assert_eq!(u, ["DAC 999"]);
        let (o, u) = obligations_from_sector_codes("");
        assert_eq!((o[0].id.as_str(), o[0].share, u.len()), ("unspecified", 1.0, 0));
    }
}
