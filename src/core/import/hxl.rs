//! HXL-tagged CSV and plain CSV with a column map → dataset v1. See docs/importers.md.
//!
//! **HXL** (`import_hxl`): columns are found by their hashtag and attributes, never by header text,
//! with HXL's matching rules — a pattern `#value+funding+required` matches a column tagged
//! `#value+funding+required+usd`, attribute order does not matter, case does not matter, `-attr`
//! excludes an attribute and a trailing `!` asks for exactly the attributes given. Two kinds of
//! table are read:
//! - flow tables (one contribution per row: donor, recipient, amount, status, year, sector...),
//!   such as OCHA's FTS incoming-funding CSVs on HDX;
//! - OCHA FTS "requirements and funding" tables (`#value+funding+required` per country × appeal ×
//!   year), which give requirements and, per row, one contribution holding FTS's funding total.
//!
//! **Plain CSV** (`import_csv`): a `ColumnMap` names the column of each field (`col=field`) or
//! gives it a constant (`field:=value`); `RowFilter`s (`--where col=value`) select rows.
//!
//! Every data row read is imported, skipped by a rule (counted by reason) or rejected at
//! `FILE:LINE (column NAME)` with the reason; nothing panics on bad input.

use super::{fts, slug, ImportReport, Imported};
use crate::core::codes::{self, DONOR_TYPES, MODELS, OBLIGATIONS};
use crate::core::dataset::*;
use crate::core::geo;
use crate::core::models;
use crate::core::validate::is_iso_date;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::io::Read;

/// The donor of a requirements-and-funding row: FTS gives one funding figure per row, from all donors.
pub const ALL_DONORS_ID: &str = "fts-all-donors";
pub const ALL_DONORS_NAME: &str = "All donors (FTS funding total)";
/// The donor of a flow whose donor column is empty (the source keeps it in its totals; so do we).
pub const UNREPORTED_DONOR_ID: &str = "donor-not-reported";
pub const UNREPORTED_DONOR_NAME: &str = "Donor not reported in the source";

pub const SKIP_OUTSIDE_COUNTRIES: &str = "outside-countries";
pub const SKIP_OUTSIDE_YEARS: &str = "outside-years";
pub const SKIP_NO_AMOUNTS: &str = "no-amounts";
pub const SKIP_NEGATIVE_FUNDING: &str = "negative-funding";
pub const SKIP_DUPLICATE: &str = "duplicate-row";
pub const SKIP_EMPTY: &str = "empty-row";
/// Rows left out by `--where` (the import's notes say which condition).
pub const SKIP_WHERE: &str = "where-not-selected";

/// How many rows may come before the hashtag row (HXL allows several header rows).
const MAX_HEADER_ROWS: usize = 25;

/// Options of `import_hxl`.
#[derive(Clone, Debug, Default)]
pub struct HxlOptions {
    pub metadata: Metadata,
    /// Keep only these recipients (ISO 3166 alpha-3, e.g. the MIRPS countries BLZ, CRI, SLV, GTM,
    /// HND, MEX, PAN; alpha-2 is converted). Empty: every recipient.
    pub countries: Vec<String>,
    /// Keep only years from (inclusive).
    pub year_from: Option<i32>,
    /// Keep only years up to (inclusive).
    pub year_to: Option<i32>,
}

/// Options of `import_csv`.
#[derive(Clone, Debug)]
pub struct CsvOptions {
    pub metadata: Metadata,
    pub map: ColumnMap,
    /// Rows must match every filter (`--where col=value`, AND).
    pub filters: Vec<RowFilter>,
}

// ---------------------------------------------------------------------------------------------
// HXL hashtags and tag patterns

/// A column's HXL hashtag: `#value+funding+total+usd` → tag `value`, attributes {funding, total, usd}.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HxlTag {
    pub tag: String,
    pub attributes: BTreeSet<String>,
}

fn normalise_tag_text(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_lowercase()
}

fn is_tag_word(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

impl HxlTag {
    /// `None` unless the text is a hashtag (`#tag` with optional `+attribute`s).
    pub fn parse(text: &str) -> Option<HxlTag> {
        let s = normalise_tag_text(text);
        let mut parts = s.strip_prefix('#')?.split('+');
        let tag = parts.next()?.to_string();
        if !is_tag_word(&tag) {
            return None;
        }
        let mut attributes = BTreeSet::new();
        for a in parts.filter(|a| !a.is_empty()) {
            if !is_tag_word(a) {
                return None;
            }
            attributes.insert(a.to_string());
        }
        Some(HxlTag { tag, attributes })
    }
}

/// An HXL tag pattern: `#tag`, `+attr` (must have), `-attr` (must not have), trailing `!` (exactly
/// the attributes given).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TagPattern {
    pub tag: String,
    pub include: BTreeSet<String>,
    pub exclude: BTreeSet<String>,
    pub absolute: bool,
}

impl TagPattern {
    pub fn parse(text: &str) -> Option<TagPattern> {
        let mut s = normalise_tag_text(text);
        let absolute = s.ends_with('!');
        if absolute {
            s.pop();
        }
        let s = s.strip_prefix('#')?;
        let end = s.find(['+', '-']).unwrap_or(s.len());
        let tag = s[..end].to_string();
        if !is_tag_word(&tag) {
            return None;
        }
        let (mut include, mut exclude) = (BTreeSet::new(), BTreeSet::new());
        let mut rest = &s[end..];
        while let Some(sign) = rest.chars().next() {
            let body = &rest[1..];
            let end = body.find(['+', '-']).unwrap_or(body.len());
            let attr = &body[..end];
            if !is_tag_word(attr) {
                return None;
            }
            if sign == '+' { &mut include } else { &mut exclude }.insert(attr.to_string());
            rest = &body[end..];
        }
        Some(TagPattern { tag, include, exclude, absolute })
    }

    pub fn matches(&self, t: &HxlTag) -> bool {
        t.tag == self.tag
            && self.include.is_subset(&t.attributes)
            && self.exclude.is_disjoint(&t.attributes)
            && (!self.absolute || t.attributes == self.include)
    }
}

// ---------------------------------------------------------------------------------------------
// Reading rows

struct Row {
    line: u64,
    cells: Vec<String>,
    /// Index of a cell that is not UTF-8 text.
    bad_utf8: Option<usize>,
}

impl Row {
    fn cell(&self, i: usize) -> &str {
        self.cells.get(i).map(|c| c.trim()).unwrap_or("")
    }

    fn get(&self, i: Option<usize>) -> &str {
        i.map(|i| self.cell(i)).unwrap_or("")
    }

    fn is_empty(&self) -> bool {
        self.cells.iter().all(|c| c.trim().is_empty())
    }
}

fn read_rows<R: Read>(reader: R, name: &str) -> Result<Vec<Row>, String> {
    let mut rdr = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(reader);
    let mut rows = Vec::new();
    for rec in rdr.byte_records() {
        let rec = rec.map_err(|e| match e.position() {
            Some(p) => format!("{name}:{}: cannot read the CSV: {e}", p.line()),
            None => format!("{name}: cannot read the CSV: {e}"),
        })?;
        let line = rec.position().map(|p| p.line()).unwrap_or(0);
        let mut bad_utf8 = None;
        let cells = rec
            .iter()
            .enumerate()
            .map(|(i, b)| match std::str::from_utf8(b) {
                Ok(s) => s.to_string(),
                Err(_) => {
                    bad_utf8.get_or_insert(i);
                    String::from_utf8_lossy(b).into_owned()
                }
            })
            .collect::<Vec<_>>();
        rows.push(Row { line, cells, bad_utf8 });
    }
    if let Some(first) = rows.first_mut().and_then(|r| r.cells.first_mut()) {
        if let Some(s) = first.strip_prefix('\u{feff}') {
            *first = s.to_string();
        }
    }
    Ok(rows)
}

/// The columns of a table: header names (for messages) and HXL tags (to find them).
struct Columns {
    names: Vec<String>,
    tags: Vec<Option<HxlTag>>,
    /// The hashtags as written, for messages.
    written: Vec<String>,
}

impl Columns {
    fn find(&self, patterns: &[&str]) -> Option<usize> {
        patterns.iter().filter_map(|p| TagPattern::parse(p)).find_map(|p| self.tags.iter().position(|t| t.as_ref().is_some_and(|t| p.matches(t))))
    }

    fn label(&self, i: usize) -> String {
        let name = self.names.get(i).map(|n| n.trim()).unwrap_or("");
        let tag = self.tags.get(i).and_then(|t| t.as_ref()).map(|_| self.written[i].trim().to_string());
        match (name.is_empty(), tag) {
            (false, _) => name.to_string(),
            (true, Some(t)) => t,
            (true, None) => format!("{}", i + 1),
        }
    }

    fn has_attr(&self, i: Option<usize>, attr: &str) -> bool {
        i.and_then(|i| self.tags.get(i)).and_then(|t| t.as_ref()).is_some_and(|t| t.attributes.contains(attr))
    }

    /// "recipient ← countryCode (#country+code)", for the notes.
    fn describe(&self, field: &str, i: Option<usize>) -> Option<String> {
        let i = i?;
        let tag = self.written.get(i).map(|t| t.trim()).unwrap_or_default();
        Some(format!("{field} ← {} ({tag})", self.label(i)))
    }
}

fn is_hashtag_row(row: &Row) -> bool {
    let cells: Vec<&str> = row.cells.iter().map(|c| c.trim()).filter(|c| !c.is_empty()).collect();
    !cells.is_empty() && cells.iter().all(|c| c.starts_with('#')) && cells.iter().any(|c| HxlTag::parse(c).is_some())
}

/// A problem with one cell: (column index, reason).
type Bad = (usize, String);

fn at(name: &str, line: u64, cols: &Columns, col: usize) -> String {
    format!("{name}:{line} (column {})", cols.label(col))
}

// ---------------------------------------------------------------------------------------------
// Values

fn number(s: &str) -> Result<Option<f64>, String> {
    let t = s.trim();
    if t.is_empty() {
        return Ok(None);
    }
    match t.parse::<f64>() {
        Ok(v) if v.is_finite() => Ok(Some(v)),
        _ => Err(format!("{t:?} is not a number")),
    }
}

fn year(s: &str) -> Result<i32, String> {
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
fn split_list(s: &str) -> Vec<String> {
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

fn kind_code(value: &str) -> Option<&'static str> {
    match value.trim().to_lowercase().as_str() {
        "financial" => Some("financial"),
        "in kind" | "in-kind" | "inkind" => Some("in-kind"),
        "technical" => Some("technical"),
        _ => None,
    }
}

fn list_code(list: &'static [codes::Code], value: &str) -> Option<&'static str> {
    let v = value.trim();
    list.iter().find(|c| c.id.eq_ignore_ascii_case(v)).map(|c| c.id)
}

/// A donor type code, or an FTS organisation type name ("Government", "UN agency", ...).
fn donor_type_code(value: &str) -> Option<&'static str> {
    list_code(DONOR_TYPES, value).or_else(|| {
        let t = fts::donor_type(&[value.trim()]);
        (t != "other").then_some(t)
    })
}

/// OECD CRS purpose codes (sector 152, conflict, peace and security) → obligations.
/// 15250 "Removal of land mines and explosive remnants of war" is clearance (Mine Ban Convention
/// art. 5); 15240 "Reintegration and SALW control" is counted as cooperation and assistance (art.
/// 6), the nearest code; the rest of 152xx is unspecified.
pub const CRS_PURPOSES: &[(&str, &str)] = &[("15250", "clearance"), ("15240", "cooperation-assistance")];

/// An obligation from one sector value: an obligation id, an FTS global cluster name, or a CRS
/// purpose code. Values nothing knows are counted in `unmapped` and become `unspecified`.
fn obligation_code(value: &str, unmapped: &mut BTreeMap<String, usize>) -> &'static str {
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
fn obligations_of_list(value: &str, unmapped: &mut BTreeMap<String, usize>) -> &'static str {
    let mut ids: Vec<&'static str> = split_list(value).iter().map(|v| obligation_code(v, unmapped)).collect();
    ids.sort_unstable();
    ids.dedup();
    match ids.as_slice() {
        [] => "unspecified",
        [one] => one,
        _ => "multi-sector",
    }
}

fn unmapped_notes(notes: &mut Vec<String>, unmapped: &BTreeMap<String, usize>) {
    for (name, n) in unmapped {
        notes.push(format!("sector {name:?} has no obligation mapping ({n} row(s) counted as unspecified)"));
    }
}

fn dataset(metadata: Metadata, contributions: Vec<Contribution>, requirements: Vec<Requirement>, notes: &mut Vec<String>) -> Dataset {
    if metadata.data_as_of.is_empty() {
        notes.push("metadata data_as_of is empty: give the date the figures describe".into());
    }
    Dataset { format: FORMAT_NAME.into(), version: FORMAT_VERSION, metadata, code_lists: CodeLists::default(), contributions, requirements }
}

// ---------------------------------------------------------------------------------------------
// HXL import

/// Which rows the options keep.
struct Selection {
    countries: HashSet<String>,
    years: (i32, i32),
}

impl Selection {
    fn new(options: &HxlOptions) -> Result<Selection, String> {
        let countries = options
            .countries
            .iter()
            .map(|c| recipient_code(c).map_err(|e| format!("country filter: {e}")))
            .collect::<Result<HashSet<_>, _>>()?;
        Ok(Selection { countries, years: (options.year_from.unwrap_or(i32::MIN), options.year_to.unwrap_or(i32::MAX)) })
    }

    /// The skip reason when the row is outside the selection.
    fn outside(&self, recipient: &str, year: i32) -> Option<&'static str> {
        if !self.countries.is_empty() && !self.countries.contains(recipient) {
            Some(SKIP_OUTSIDE_COUNTRIES)
        } else if !(self.years.0..=self.years.1).contains(&year) {
            Some(SKIP_OUTSIDE_YEARS)
        } else {
            None
        }
    }
}

const RECIPIENT: &[&str] = &["#country+iso3+impl", "#country+code+impl", "#country+impl", "#country+iso3-funder", "#country+code-funder", "#country-funder"];
const YEAR: &[&str] = &["#date+year+start+impl", "#date+year+impl-end", "#date+year-budget-funder-start-end", "#date+year-budget-funder-end"];
const REQUIRED: &[&str] = &["#value+funding+required+usd", "#value+required+usd", "#value+funding+required", "#value+required"];
const FUNDING: &[&str] = &["#value+funding+total+usd", "#value+funding+usd-required-pct-covid", "#value+usd-required-pct-covid", "#value+funding+total", "#value-required-pct-currency-covid"];
const SECTOR: &[&str] = &["#sector+cluster+name", "#sector+name", "#sector"];
const APPEAL_ID: &[&str] = &["#activity+appeal+id+fts_internal", "#activity+appeal+id-external", "#activity+appeal+id", "#activity+appeal+code"];
const APPEAL_NAME: &[&str] = &["#activity+appeal+name"];

/// Reads an HXL-tagged CSV: a flow table (contributions) or an FTS requirements-and-funding table
/// (requirements, and the funding of each row as one contribution). `name` locates rows in the
/// report (`name:LINE (column NAME)`).
pub fn import_hxl<R: Read>(reader: R, name: &str, options: HxlOptions) -> Result<Imported, String> {
    let selection = Selection::new(&options)?;
    let rows = read_rows(reader, name)?;
    let tag_row = rows
        .iter()
        .take(MAX_HEADER_ROWS)
        .position(is_hashtag_row)
        .ok_or_else(|| format!("{name}: no HXL hashtag row (e.g. #country+code,#value+funding+total+usd) in the first {MAX_HEADER_ROWS} rows: is this an HXL-tagged CSV? For a plain CSV use --from csv with --map"))?;
    let cols = Columns {
        names: if tag_row > 0 { rows[tag_row - 1].cells.clone() } else { Vec::new() },
        tags: rows[tag_row].cells.iter().map(|c| HxlTag::parse(c)).collect(),
        written: rows[tag_row].cells.clone(),
    };
    let data = &rows[tag_row + 1..];
    if cols.find(REQUIRED).is_some() {
        requirements_table(data, &cols, name, options.metadata, &selection)
    } else if cols.find(FUNDING).is_some() {
        flow_table(data, &cols, name, options.metadata, &selection)
    } else {
        Err(format!("{name}: no amount column: expected #value+funding+total+usd (a flow table) or #value+funding+required+usd (a requirements and funding table)"))
    }
}

fn need(cols: &Columns, name: &str, what: &str, patterns: &[&str]) -> Result<usize, String> {
    cols.find(patterns).ok_or_else(|| format!("{name}: no {what} column (HXL {})", patterns[0]))
}

/// OCHA FTS "requirements and funding": one row per country × appeal × year.
fn requirements_table(data: &[Row], cols: &Columns, name: &str, mut metadata: Metadata, sel: &Selection) -> Result<Imported, String> {
    // One funding total per row: no donor and no stage are known.
    metadata.not_recorded = vec!["donor".into(), "status".into()];
    let c_recipient = need(cols, name, "country", RECIPIENT)?;
    let c_year = need(cols, name, "year", YEAR)?;
    let c_required = need(cols, name, "requirements", REQUIRED)?;
    let c_funding = need(cols, name, "funding", FUNDING)?;
    let c_appeal = cols.find(APPEAL_ID);
    let c_label = cols.find(APPEAL_NAME);
    let c_sector = cols.find(SECTOR);
    let mut notes = vec![format!(
        "read as an FTS requirements and funding table: {}",
        [
            cols.describe("recipient", Some(c_recipient)),
            cols.describe("year", Some(c_year)),
            cols.describe("requirement", Some(c_required)),
            cols.describe("funding", Some(c_funding)),
            cols.describe("plan", c_appeal),
            cols.describe("label", c_label),
            cols.describe("obligation", c_sector),
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join("; ")
    )];

    // An appeal that covers several countries appears once per country with the same id; the gap
    // of each country must only count that country's funding, so its plan id names the country.
    let mut appeal_countries: HashMap<&str, HashSet<String>> = HashMap::new();
    if let Some(ca) = c_appeal {
        for row in data {
            if !row.cell(ca).is_empty() {
                appeal_countries.entry(row.cell(ca)).or_default().insert(row.cell(c_recipient).to_ascii_uppercase());
            }
        }
    }
    let multi_country = |appeal: &str| appeal_countries.get(appeal).is_some_and(|s| s.len() > 1);

    let mut report = ImportReport::default();
    let mut unmapped = BTreeMap::new();
    let (mut contributions, mut requirements) = (Vec::new(), Vec::new());
    let mut seen = HashSet::new();
    let (mut negative_rows, mut negative_sum) = (0usize, 0.0);
    let mut multi_plans = BTreeSet::new();

    for row in data {
        report.read += 1;
        let reject = |report: &mut ImportReport, (col, reason): Bad| report.reject(at(name, row.line, cols, col), reason);
        if let Some(i) = row.bad_utf8 {
            reject(&mut report, (i, "not valid UTF-8 text".into()));
            continue;
        }
        if row.is_empty() {
            report.skip(SKIP_EMPTY);
            continue;
        }
        let recipient = match recipient_code(row.cell(c_recipient)) {
            Ok(r) => r,
            Err(e) => {
                reject(&mut report, (c_recipient, e));
                continue;
            }
        };
        let year = match year(row.cell(c_year)) {
            Ok(y) => y,
            Err(e) => {
                reject(&mut report, (c_year, e));
                continue;
            }
        };
        if let Some(reason) = sel.outside(&recipient, year) {
            report.skip(reason);
            continue;
        }
        let required = match number(row.cell(c_required)) {
            Ok(v) => v.unwrap_or(0.0),
            Err(e) => {
                reject(&mut report, (c_required, e));
                continue;
            }
        };
        let funding = match number(row.cell(c_funding)) {
            Ok(v) => v.unwrap_or(0.0),
            Err(e) => {
                reject(&mut report, (c_funding, e));
                continue;
            }
        };
        if required < 0.0 {
            reject(&mut report, (c_required, format!("requirements are negative ({required})")));
            continue;
        }
        let appeal = row.get(c_appeal);
        if required > 0.0 && appeal.is_empty() {
            reject(&mut report, (c_appeal.unwrap_or(c_required), "requirements without an appeal id: funding could not be matched to them".to_string()));
            continue;
        }
        if funding < 0.0 {
            if required > 0.0 {
                reject(&mut report, (c_funding, format!("funding is negative ({funding})")));
            } else {
                negative_rows += 1;
                negative_sum += funding;
                report.skip(SKIP_NEGATIVE_FUNDING);
            }
            continue;
        }
        if required == 0.0 && funding == 0.0 {
            report.skip(SKIP_NO_AMOUNTS);
            continue;
        }
        let sector = row.get(c_sector);
        let obligation = c_sector.map(|_| obligation_code(sector, &mut unmapped));
        if !seen.insert((recipient.clone(), appeal.to_string(), year, sector.to_string())) {
            report.skip(SKIP_DUPLICATE);
            continue;
        }
        let appeal_name = row.get(c_label);
        let (plan, label) = if appeal.is_empty() {
            (None, None)
        } else if multi_country(appeal) {
            multi_plans.insert(appeal.to_string());
            let country = geo::country(&recipient).map(|c| c.name_en).unwrap_or(&recipient);
            (Some(format!("{appeal}-{recipient}")), Some(if appeal_name.is_empty() { format!("{appeal} — {country}") } else { format!("{appeal_name} — {country}") }))
        } else {
            (Some(appeal.to_string()), (!appeal_name.is_empty()).then(|| appeal_name.to_string()))
        };
        if required > 0.0 {
            requirements.push(Requirement { recipient: recipient.clone(), obligation: obligation.map(str::to_string), year, amount: required, plan: plan.clone(), label: label.clone() });
        }
        if funding > 0.0 {
            let mut id = format!("fts-funding-{recipient}-{year}-{}", if appeal.is_empty() { "not-specified" } else { appeal });
            if !sector.is_empty() {
                id = format!("{id}-{}", slug(sector));
            }
            let description = if appeal.is_empty() {
                format!("FTS funding to {recipient} in {year} outside any appeal (\"Not specified\")")
            } else {
                format!("FTS funding total for {}", label.as_deref().unwrap_or(appeal))
            };
            contributions.push(Contribution {
                id,
                donor: Donor { id: ALL_DONORS_ID.into(), name: ALL_DONORS_NAME.into(), donor_type: "other".into(), country: None },
                recipient,
                year,
                date: None,
                obligations: vec![ObligationShare { id: obligation.unwrap_or("unspecified").to_string(), share: 1.0 }],
                model: "unspecified".into(),
                // One total for all donors: no model can be derived.
                model_rule: Some(models::Rule::Unspecified.id().into()),
                kind: "financial".into(),
                // FTS funding = commitments + paid contributions, not split in this table.
                status: "committed".into(),
                amount: funding,
                plan,
                description: Some(description),
            });
        }
        report.imported += 1;
    }
    notes.push("funding is FTS's total of commitments and paid contributions, not split by stage: each row's funding is one contribution with status committed, from \"All donors (FTS funding total)\"".into());
    if !multi_plans.is_empty() {
        notes.push(format!("{} appeal(s) cover several countries: their plan id is APPEAL-ISO3 so each country's gap counts only its own funding", multi_plans.len()));
    }
    if negative_rows > 0 {
        notes.push(format!("{negative_rows} row(s) with negative funding outside any appeal skipped (net {negative_sum})"));
    }
    unmapped_notes(&mut notes, &unmapped);
    Ok(Imported { dataset: dataset(metadata, contributions, requirements, &mut notes), report, notes, unmapped })
}

/// A flow table: one contribution per row.
fn flow_table(data: &[Row], cols: &Columns, name: &str, mut metadata: Metadata, sel: &Selection) -> Result<Imported, String> {
    let c_amount = need(cols, name, "amount", FUNDING)?;
    let c_recipient = need(cols, name, "recipient country", RECIPIENT)?;
    let c_year = cols.find(YEAR);
    let c_date = cols.find(&["#date!"]);
    if c_year.is_none() && c_date.is_none() {
        return Err(format!("{name}: no year column (HXL #date+year) and no date column (#date)"));
    }
    let c_status = need(cols, name, "status", &["#status"])?;
    let c_donor = cols.find(&["#org+name+funder", "#org+funder-type-id-code"]);
    let c_donor_id = cols.find(&["#org+id+funder", "#org+code+funder"]);
    let c_donor_type = cols.find(&["#org+type+funder"]);
    if c_donor.is_none() && c_donor_id.is_none() {
        return Err(format!("{name}: no donor column (HXL #org+name+funder)"));
    }
    let c_sector = cols.find(SECTOR);
    let c_kind = cols.find(&["#financial+contribution+type"]);
    let c_boundary = cols.find(&["#financial+direction-type"]);
    let c_on_boundary = cols.find(&["#financial+direction+type"]);
    let c_plan = cols.find(APPEAL_ID);
    let c_id = cols.find(&["#activity+id-appeal-project-type", "#activity+code-appeal-project"]);
    let c_description = cols.find(&["#description+notes", "#description-keywords"]);
    let c_updated = cols.find(&["#date+updated"]);
    let c_donor_country = cols.find(&["#country+iso3+funder"]);
    let c_impl_type = cols.find(&["#org+type+impl"]);
    // FTS's own flow tables keep FTS's ids and its name for an unreported donor.
    let fts_table = cols.has_attr(c_id, "fts_internal");
    let mut notes = vec![format!(
        "read as a flow table: {}",
        [
            cols.describe("amount", Some(c_amount)),
            cols.describe("recipient", Some(c_recipient)),
            cols.describe("year", c_year),
            cols.describe("date", c_date),
            cols.describe("status", Some(c_status)),
            cols.describe("donor", c_donor),
            cols.describe("donor id", c_donor_id),
            cols.describe("donor type and model", c_donor_type),
            cols.describe("obligation", c_sector),
            cols.describe("kind", c_kind),
            cols.describe("boundary", c_boundary),
            cols.describe("single or shared", c_on_boundary),
            cols.describe("plan", c_plan),
            cols.describe("id", c_id),
            cols.describe("description", c_description),
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join("; ")
    )];
    if c_donor_type.is_none() {
        notes.push("no donor type column (#org+type+funder): donor type other, model unspecified".into());
    }
    if c_kind.is_none() {
        notes.push("no contribution type column (#financial+contribution+type): kind financial".into());
    }

    let mut report = ImportReport::default();
    let mut unmapped = BTreeMap::new();
    let mut contributions = Vec::new();
    let mut seen = HashSet::new();
    let mut latest_update = String::new();
    for row in data {
        report.read += 1;
        if let Some(i) = row.bad_utf8 {
            report.reject(at(name, row.line, cols, i), "not valid UTF-8 text");
            continue;
        }
        if row.is_empty() {
            report.skip(SKIP_EMPTY);
            continue;
        }
        match row.get(c_boundary).to_lowercase().as_str() {
            "" | "incoming" => {}
            "internal" => {
                report.skip(fts::SKIP_INTERNAL);
                continue;
            }
            "outgoing" => {
                report.skip(fts::SKIP_OUTGOING);
                continue;
            }
            other => {
                report.reject(at(name, row.line, cols, c_boundary.unwrap_or(0)), format!("{other:?} is not incoming, internal or outgoing"));
                continue;
            }
        }
        if row.get(c_on_boundary).eq_ignore_ascii_case("shared") {
            report.skip(fts::SKIP_SHARED);
            continue;
        }
        let id = match c_id.map(|i| row.cell(i)).filter(|v| !v.is_empty()) {
            Some(v) if fts_table => format!("fts-{v}"),
            Some(v) => v.to_string(),
            None => format!("row-{}", row.line),
        };
        if seen.contains(&id) {
            report.skip(SKIP_DUPLICATE);
            continue;
        }
        match flow_row(row, &id, fts_table, sel, &mut unmapped, [c_amount, c_recipient], [c_year, c_date, Some(c_status), c_donor, c_donor_id, c_donor_type, c_sector, c_kind, c_plan, c_description, c_donor_country, c_impl_type]) {
            Ok(Ok(c)) => {
                if let Some(d) = c_updated.map(|i| row.cell(i)).filter(|d| is_iso_date(d)) {
                    if d[..10] > *latest_update.as_str() {
                        latest_update = d[..10].to_string();
                    }
                }
                seen.insert(id);
                report.imported += 1;
                contributions.push(c);
            }
            Ok(Err(skip)) => report.skip(skip),
            Err((col, reason)) => report.reject(at(name, row.line, cols, col), reason),
        }
    }
    if metadata.data_as_of.is_empty() && !latest_update.is_empty() {
        metadata.data_as_of = latest_update;
    }
    unmapped_notes(&mut notes, &unmapped);
    Ok(Imported { dataset: dataset(metadata, contributions, Vec::new(), &mut notes), report, notes, unmapped })
}

/// One flow row → a contribution, a skip reason, or the bad cell.
#[allow(clippy::too_many_arguments)]
fn flow_row(
    row: &Row,
    id: &str,
    fts_table: bool,
    sel: &Selection,
    unmapped: &mut BTreeMap<String, usize>,
    [c_amount, c_recipient]: [usize; 2],
    [c_year, c_date, c_status, c_donor, c_donor_id, c_donor_type, c_sector, c_kind, c_plan, c_description, c_donor_country, c_impl_type]: [Option<usize>; 12],
) -> Result<Result<Contribution, &'static str>, Bad> {
    let recipient = recipient_code(row.cell(c_recipient)).map_err(|e| (c_recipient, e))?;
    let date = match c_date.map(|i| (i, row.cell(i))).filter(|(_, d)| !d.is_empty()) {
        Some((_, d)) if is_iso_date(d) => Some(d[..10].to_string()),
        Some((i, d)) => return Err((i, format!("{d:?} is not a YYYY-MM-DD date"))),
        None => None,
    };
    let year = match (c_year.filter(|&i| !row.cell(i).is_empty() || date.is_none()), &date) {
        (Some(i), _) => year(row.cell(i)).map_err(|e| (i, e))?,
        (_, Some(d)) => year(&d[..4]).map_err(|e| (c_date.unwrap_or(0), e))?,
        (None, None) => return Err((c_date.unwrap_or(0), "missing value: the date is required when there is no year column".into())),
    };
    if let Some(reason) = sel.outside(&recipient, year) {
        return Ok(Err(reason));
    }
    let amount = match number(row.cell(c_amount)).map_err(|e| (c_amount, e))? {
        None => return Err((c_amount, "missing value: the amount is required".into())),
        Some(a) if a < 0.0 => return Err((c_amount, format!("the amount is negative ({a})"))),
        Some(a) => a,
    };
    let c_status = c_status.unwrap_or(0);
    let status = match row.cell(c_status) {
        "" => return Err((c_status, "missing value: the status (pledge, commitment or paid) is required".into())),
        s => status_code(s).ok_or_else(|| (c_status, format!("{s:?} is not a known status (pledge, commitment, paid or disbursement)")))?,
    };
    let kind = match c_kind {
        None => "financial",
        Some(i) => match row.cell(i) {
            "" => return Err((i, "missing value: the contribution type (financial or in kind) is required".into())),
            k => kind_code(k).ok_or_else(|| (i, format!("{k:?} is not financial, in kind or technical")))?,
        },
    };
    let donor_name = row.get(c_donor);
    let donor_id = row.get(c_donor_id);
    let dcol = c_donor.or(c_donor_id).unwrap_or(0);
    if donor_name.eq_ignore_ascii_case("multiple") {
        return Err((dcol, "several donors (\"Multiple\"): the donor is ambiguous".into()));
    }
    let types = split_list(row.get(c_donor_type));
    let first_type: Vec<&str> = types.first().map(String::as_str).into_iter().collect();
    let mut donor = if donor_name.is_empty() && donor_id.is_empty() {
        let (id, name) = if fts_table { (fts::UNREPORTED_DONOR_ID, fts::UNREPORTED_DONOR_NAME) } else { (UNREPORTED_DONOR_ID, UNREPORTED_DONOR_NAME) };
        Donor { id: id.into(), name: name.into(), donor_type: "other".into(), country: None }
    } else {
        let name = if donor_name.is_empty() { donor_id } else { donor_name };
        let id = if donor_id.is_empty() { format!("org-{}", slug(name)) } else { donor_id.to_string() };
        Donor { id, name: name.to_string(), donor_type: fts::donor_type(&first_type).into(), country: None }
    };
    // The same cooperation-model rules as the FTS JSON importer, from the same facts.
    let donor_countries = split_list(row.get(c_donor_country));
    let public_partner = split_list(row.get(c_impl_type)).iter().any(|t| t == "UN agency" || t == "Government");
    // FTS's HXL export may leave the funder's country empty where its API names it.
    donor.country = donor_countries
        .first()
        .map(String::as_str)
        .or_else(|| fts::government_country(&donor.name))
        .filter(|_| donor.donor_type == "government")
        .map(str::to_string);
    let (model, rule) = models::derive(&models::Facts {
        collaboration_type: None,
        donor_type: &donor.donor_type,
        donor_country: donor.country.as_deref(),
        pivot_country: None,
        recipient_country: geo::country(&recipient).map(|c| c.iso3),
        public_partner,
        pooled_fund: first_type.first() == Some(&"Pooled fund"),
    });
    let obligation = obligations_of_list(row.get(c_sector), unmapped);
    let plan = Some(row.get(c_plan)).filter(|p| !p.is_empty()).map(str::to_string);
    Ok(Ok(Contribution {
        id: id.to_string(),
        donor,
        recipient,
        year,
        date,
        obligations: vec![ObligationShare { id: obligation.into(), share: 1.0 }],
        model: model.into(),
        model_rule: Some(rule.id().to_string()),
        kind: kind.into(),
        status: status.into(),
        amount,
        plan,
        description: Some(row.get(c_description)).filter(|d| !d.is_empty()).map(str::to_string),
    }))
}

// ---------------------------------------------------------------------------------------------
// Plain CSV with a column map

/// A field of a contribution a column or a constant can give.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    Id,
    DonorId,
    DonorName,
    DonorType,
    Recipient,
    Year,
    Date,
    Obligation,
    Model,
    Kind,
    Status,
    Amount,
    Plan,
    Description,
}

impl Field {
    pub const ALL: [Field; 14] = [
        Field::Id,
        Field::DonorId,
        Field::DonorName,
        Field::DonorType,
        Field::Recipient,
        Field::Year,
        Field::Date,
        Field::Obligation,
        Field::Model,
        Field::Kind,
        Field::Status,
        Field::Amount,
        Field::Plan,
        Field::Description,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Field::Id => "id",
            Field::DonorId => "donor.id",
            Field::DonorName => "donor.name",
            Field::DonorType => "donor.type",
            Field::Recipient => "recipient",
            Field::Year => "year",
            Field::Date => "date",
            Field::Obligation => "obligation",
            Field::Model => "model",
            Field::Kind => "kind",
            Field::Status => "status",
            Field::Amount => "amount",
            Field::Plan => "plan",
            Field::Description => "description",
        }
    }

    pub fn parse(name: &str) -> Result<Field, String> {
        let n = name.trim();
        Field::ALL.into_iter().find(|f| f.name() == n).ok_or_else(|| {
            format!("unknown field {n:?}: the fields are {}", Field::ALL.map(Field::name).join(", "))
        })
    }
}

/// Where each field of a contribution comes from: a column (`col=field`) or a constant
/// (`field:=value`).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ColumnMap {
    /// (field, column header).
    pub columns: Vec<(Field, String)>,
    /// (field, value), already normalised (e.g. "paid" → "disbursed", "AU" → "AUS").
    pub constants: Vec<(Field, String)>,
}

impl ColumnMap {
    /// Parses `--map` entries: `counterpart_name=donor.name`, `status:=disbursed`, ...
    pub fn parse(entries: &[String]) -> Result<ColumnMap, String> {
        let mut map = ColumnMap::default();
        let mut given: HashSet<Field> = HashSet::new();
        for entry in entries {
            let field = if let Some((field, value)) = entry.split_once(":=") {
                let field = Field::parse(field).map_err(|e| format!("--map {entry:?}: {e}"))?;
                let value = normalise_constant(field, value).map_err(|e| format!("--map {entry:?}: {e}"))?;
                map.constants.push((field, value));
                field
            } else if let Some((column, field)) = entry.split_once('=') {
                let field = Field::parse(field).map_err(|e| format!("--map {entry:?}: {e}"))?;
                let column = column.trim();
                if column.is_empty() {
                    return Err(format!("--map {entry:?}: no column name before \"=\""));
                }
                map.columns.push((field, column.to_string()));
                field
            } else {
                return Err(format!("--map {entry:?}: expected COLUMN=FIELD or FIELD:=VALUE"));
            };
            if !given.insert(field) {
                return Err(format!("--map {entry:?}: the field {} is given more than once", field.name()));
            }
        }
        let missing: Vec<&str> = [
            (Field::Amount, given.contains(&Field::Amount)),
            (Field::Recipient, given.contains(&Field::Recipient)),
            (Field::Year, given.contains(&Field::Year) || given.contains(&Field::Date)),
            (Field::Status, given.contains(&Field::Status)),
            (Field::DonorName, given.contains(&Field::DonorName) || given.contains(&Field::DonorId)),
        ]
        .into_iter()
        .filter(|(_, ok)| !ok)
        .map(|(f, _)| f.name())
        .collect();
        if !missing.is_empty() {
            return Err(format!(
                "the column map gives no {}: add COLUMN=FIELD or FIELD:=VALUE for each (a year may come from a date, a donor name from donor.id)",
                missing.join(", ")
            ));
        }
        Ok(map)
    }

    fn column(&self, field: Field) -> Option<&str> {
        self.columns.iter().find(|(f, _)| *f == field).map(|(_, c)| c.as_str())
    }

    fn constant(&self, field: Field) -> Option<&str> {
        self.constants.iter().find(|(f, _)| *f == field).map(|(_, v)| v.as_str())
    }
}

/// Normalises one field value (from a cell or a constant) to the dataset's codes.
fn normalise(field: Field, value: &str, unmapped: &mut BTreeMap<String, usize>) -> Result<String, String> {
    let v = value.trim();
    let required = matches!(field, Field::Recipient | Field::Year | Field::Status | Field::Amount);
    if v.is_empty() && required {
        return Err(format!("missing value: {} is required", field.name()));
    }
    Ok(match field {
        Field::Recipient => recipient_code(v)?,
        Field::Year => year(v)?.to_string(),
        Field::Date if !v.is_empty() && !is_iso_date(v) => return Err(format!("{v:?} is not a YYYY-MM-DD date")),
        Field::Date if !v.is_empty() => v[..10].to_string(),
        Field::Status => status_code(v).ok_or_else(|| format!("{v:?} is not a known status (pledged, committed, disbursed; or pledge, commitment, paid, disbursement)"))?.into(),
        Field::Kind if !v.is_empty() => kind_code(v).ok_or_else(|| format!("{v:?} is not financial, in-kind or technical"))?.into(),
        Field::Model if !v.is_empty() => list_code(MODELS, v).ok_or_else(|| format!("{v:?} is not a cooperation model ({})", ids(MODELS)))?.into(),
        Field::DonorType if !v.is_empty() => donor_type_code(v).ok_or_else(|| format!("{v:?} is not a donor type ({})", ids(DONOR_TYPES)))?.into(),
        Field::Obligation => obligation_code(v, unmapped).into(),
        Field::Amount => match number(v)? {
            Some(a) if a < 0.0 => return Err(format!("the amount is negative ({a})")),
            Some(a) => a.to_string(),
            None => unreachable!("empty handled above"),
        },
        _ => v.to_string(),
    })
}

fn normalise_constant(field: Field, value: &str) -> Result<String, String> {
    let mut unmapped = BTreeMap::new();
    let out = normalise(field, value, &mut unmapped)?;
    if field == Field::Obligation && !unmapped.is_empty() {
        return Err(format!("{:?} is not an obligation code ({}), an FTS cluster name or a mapped CRS purpose code", value.trim(), ids(OBLIGATIONS)));
    }
    Ok(out)
}

fn ids(list: &'static [codes::Code]) -> String {
    list.iter().map(|c| c.id).collect::<Vec<_>>().join(", ")
}

/// A row filter, `column=value` (`--where sector_code=15250`): the cell, trimmed, must equal the value.
#[derive(Clone, Debug, PartialEq)]
pub struct RowFilter {
    pub column: String,
    pub value: String,
}

impl RowFilter {
    pub fn parse(text: &str) -> Result<RowFilter, String> {
        match text.split_once('=') {
            Some((c, v)) if !c.trim().is_empty() => Ok(RowFilter { column: c.trim().to_string(), value: v.trim().to_string() }),
            _ => Err(format!("--where {text:?}: expected COLUMN=VALUE")),
        }
    }
}

/// Reads a plain CSV (row 1: headers) with a column map. `name` locates rows in the report.
pub fn import_csv<R: Read>(reader: R, name: &str, options: CsvOptions) -> Result<Imported, String> {
    let rows = read_rows(reader, name)?;
    let Some((header, data)) = rows.split_first() else {
        return Err(format!("{name}: the file is empty"));
    };
    let cols = Columns { names: header.cells.iter().map(|c| c.trim().to_string()).collect(), tags: header.cells.iter().map(|_| None).collect(), written: Vec::new() };
    let find = |column: &str| -> Result<usize, String> {
        cols.names.iter().position(|n| n == column).ok_or_else(|| format!("{name}: no column {column:?} (the columns are {})", cols.names.join(", ")))
    };
    let map = &options.map;
    let sources: Vec<(Field, Option<usize>, Option<&str>)> = Field::ALL
        .into_iter()
        .map(|f| Ok((f, map.column(f).map(find).transpose()?, map.constant(f))))
        .collect::<Result<_, String>>()?;
    let filters: Vec<(usize, &str)> = options.filters.iter().map(|f| Ok((find(&f.column)?, f.value.as_str()))).collect::<Result<_, String>>()?;

    let mut notes = vec![format!(
        "read as a plain CSV: {}",
        sources
            .iter()
            .filter_map(|(f, c, k)| match (c, k) {
                (Some(c), _) => Some(format!("{} ← {}", f.name(), cols.label(*c))),
                (None, Some(k)) => Some(format!("{} = {k}", f.name())),
                _ => None,
            })
            .collect::<Vec<_>>()
            .join("; ")
    )];
    for (field, default) in [(Field::Kind, "financial"), (Field::Model, "derived by the rules of docs/cooperation-models.md"), (Field::Obligation, "unspecified"), (Field::DonorType, "other")] {
        if map.column(field).is_none() && map.constant(field).is_none() {
            notes.push(format!("no {} in the map: {default}", field.name()));
        }
    }

    if !options.filters.is_empty() {
        let condition = options.filters.iter().map(|f| format!("{}={}", f.column, f.value)).collect::<Vec<_>>().join(" and ");
        notes.push(format!("only rows where {condition} are imported; the others are skipped as {SKIP_WHERE}"));
    }
    let mut report = ImportReport::default();
    let mut unmapped = BTreeMap::new();
    let mut contributions = Vec::new();
    let mut seen = HashSet::new();
    for row in data {
        report.read += 1;
        if let Some(i) = row.bad_utf8 {
            report.reject(at(name, row.line, &cols, i), "not valid UTF-8 text");
            continue;
        }
        if row.is_empty() {
            report.skip(SKIP_EMPTY);
            continue;
        }
        if !filters.iter().all(|(c, v)| row.cell(*c) == *v) {
            report.skip(SKIP_WHERE);
            continue;
        }
        let mut values: HashMap<Field, String> = HashMap::new();
        let mut bad: Option<Bad> = None;
        for (field, column, constant) in &sources {
            let value = match (column, constant) {
                (Some(c), _) => match normalise(*field, row.cell(*c), &mut unmapped) {
                    Ok(v) => v,
                    Err(e) => {
                        bad = Some((*c, e));
                        break;
                    }
                },
                (None, Some(k)) => k.to_string(),
                (None, None) => continue,
            };
            values.insert(*field, value);
        }
        if let Some((c, reason)) = bad {
            report.reject(at(name, row.line, &cols, c), reason);
            continue;
        }
        let get = |f: Field| values.get(&f).map(String::as_str).filter(|v| !v.is_empty());
        let column_of = |f: Field| sources.iter().find(|(g, _, _)| *g == f).and_then(|(_, c, _)| *c).unwrap_or(0);
        let year = match (get(Field::Year), get(Field::Date)) {
            (Some(y), _) => y.parse().unwrap_or_default(),
            (None, Some(d)) => d[..4].parse().unwrap_or_default(),
            (None, None) => {
                report.reject(at(name, row.line, &cols, column_of(Field::Date)), "missing value: the date is required when no year is mapped");
                continue;
            }
        };
        let (donor_id, donor_name) = match (get(Field::DonorId), get(Field::DonorName)) {
            (None, None) => (UNREPORTED_DONOR_ID.to_string(), UNREPORTED_DONOR_NAME.to_string()),
            (Some(id), None) => (id.to_string(), id.to_string()),
            (None, Some(n)) => (format!("org-{}", slug(n)), n.to_string()),
            (Some(id), Some(n)) => (id.to_string(), n.to_string()),
        };
        let id = match get(Field::Id) {
            Some(id) => id.to_string(),
            None if options.metadata.id.is_empty() => format!("row-{}", row.line),
            None => format!("{}-{}", options.metadata.id, row.line),
        };
        if !seen.insert(id.clone()) {
            report.skip(SKIP_DUPLICATE);
            continue;
        }
        let donor_type = get(Field::DonorType).unwrap_or("other").to_string();
        let recipient = get(Field::Recipient).unwrap_or_default().to_string();
        // A government donor whose id is a country code (as in OECD CRS extracts) is that country.
        let donor_country = recipient_code(&donor_id).ok().filter(|c| geo::country(c).is_some()).filter(|_| donor_type == "government");
        // A model given by the map is stated; otherwise the documented rules decide.
        let (model, model_rule) = match get(Field::Model) {
            Some(m) => (m.to_string(), None),
            None => {
                let (m, rule) = models::derive(&models::Facts {
                    donor_type: &donor_type,
                    donor_country: donor_country.as_deref(),
                    recipient_country: geo::country(&recipient).map(|c| c.iso3),
                    ..Default::default()
                });
                (m.to_string(), Some(rule.id().to_string()))
            }
        };
        contributions.push(Contribution {
            id,
            donor: Donor { id: donor_id, name: donor_name, donor_type, country: donor_country },
            recipient,
            year,
            date: get(Field::Date).map(str::to_string),
            obligations: vec![ObligationShare { id: get(Field::Obligation).unwrap_or("unspecified").to_string(), share: 1.0 }],
            model,
            model_rule,
            kind: get(Field::Kind).unwrap_or("financial").to_string(),
            status: get(Field::Status).unwrap_or_default().to_string(),
            amount: get(Field::Amount).and_then(|a| a.parse().ok()).unwrap_or_default(),
            plan: get(Field::Plan).map(str::to_string),
            description: get(Field::Description).map(str::to_string),
        });
        report.imported += 1;
    }
    unmapped_notes(&mut notes, &unmapped);
    Ok(Imported { dataset: dataset(options.metadata, contributions, Vec::new(), &mut notes), report, notes, unmapped })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tag(s: &str) -> HxlTag {
        HxlTag::parse(s).unwrap()
    }

    fn pattern(s: &str) -> TagPattern {
        TagPattern::parse(s).unwrap()
    }

    #[test]
    fn tag_patterns_follow_hxl_matching() {
        let t = tag("#value+funding+required+usd");
        assert!(pattern("#value+funding+required").matches(&t));
        assert!(pattern("#VALUE +required+funding").matches(&t), "order and case do not matter");
        assert!(!pattern("#value+funding+total").matches(&t));
        assert!(!pattern("#value-usd").matches(&t));
        assert!(!pattern("#value+funding+required!").matches(&t), "! asks for exactly these attributes");
        assert!(pattern("#value+usd+required+funding!").matches(&t));
        assert!(!pattern("#org").matches(&t));
        assert!(pattern("#date!").matches(&tag("#date")));
        assert!(!pattern("#date!").matches(&tag("#date+year")));
        assert_eq!(HxlTag::parse("countryCode"), None);
        assert_eq!(HxlTag::parse("#country+"), Some(tag("#country")));
        assert_eq!(TagPattern::parse("#"), None);
    }

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
        assert_eq!(obligation_code("15250", &mut u), "clearance");
        assert_eq!(obligation_code("15240", &mut u), "cooperation-assistance");
        assert_eq!(obligation_code("15220", &mut u), "unspecified");
        assert!(u.is_empty());
        assert_eq!(obligation_code("Space weather", &mut u), "unspecified");
        assert_eq!(u["Space weather"], 1);
    }

    #[test]
    fn column_map_errors_are_clear() {
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        let ok = ColumnMap::parse(&s(&["a=donor.name", "b=recipient", "c=year", "d=amount", "status:=paid", "model:=bilateral"])).unwrap();
        assert_eq!(ok.constant(Field::Status), Some("disbursed"));
        assert_eq!(ok.column(Field::Recipient), Some("b"));
        let err = ColumnMap::parse(&s(&["a=donor.nom"])).unwrap_err();
        assert!(err.contains("unknown field \"donor.nom\"") && err.contains("donor.name"), "{err}");
        let err = ColumnMap::parse(&s(&["a=donor.name", "b=recipient", "c=year", "d=amount"])).unwrap_err();
        assert!(err.contains("gives no status"), "{err}");
        assert!(ColumnMap::parse(&s(&["status:=maybe"])).unwrap_err().contains("not a known status"));
        assert!(ColumnMap::parse(&s(&["model:=friendly"])).unwrap_err().contains("not a cooperation model"));
        assert!(ColumnMap::parse(&s(&["obligation:=peace"])).unwrap_err().contains("not an obligation code"));
        assert!(ColumnMap::parse(&s(&["a=year", "b=year"])).unwrap_err().contains("more than once"));
        assert!(ColumnMap::parse(&s(&["nonsense"])).unwrap_err().contains("COLUMN=FIELD"));
        assert!(RowFilter::parse("x").is_err());
    }

    fn meta() -> Metadata {
        Metadata { id: "t".into(), title: "t".into(), publisher: "p".into(), source_url: "u".into(), licence: "l".into(), currency: "USD".into(), data_as_of: "2024-01-01".into(), dataset_version: "1".into(), ..Default::default() }
    }

    #[test]
    fn bad_flow_rows_are_rejected_with_file_line_and_column() {
        let text = "donor,country,amount,status,year,cluster\n\
                    #org+name+funder,#country+iso3,#value+funding+total+usd,#status,#date+year,#sector+cluster+name\n\
                    Norway,GTM,100,paid,2020,Protection\n\
                    Norway,ATL,100,paid,2020,Protection\n\
                    Norway,GTM,lots,paid,2020,Protection\n\
                    Norway,GTM,100,maybe,2020,Protection\n\
                    Norway,GTM,100,paid,,Protection\n\
                    Norway,GTM,-5,commitment,2020,Protection\n\
                    ,HND,7,pledge,2021,\"Health,Nutrition\"\n\
                    Canada,MEX,9,paid,2020,\n";
        let opts = HxlOptions { metadata: meta(), countries: vec!["GTM".into(), "HND".into(), "ATL".into()], ..Default::default() };
        assert!(import_hxl(text.as_bytes(), "f.csv", opts).unwrap_err().contains("ATL"));
        let opts = HxlOptions { metadata: meta(), countries: vec!["GTM".into(), "HN".into()], ..Default::default() };
        let out = import_hxl(text.as_bytes(), "f.csv", opts).unwrap();
        let r = &out.report;
        assert_eq!((r.read, r.imported, r.skipped_total()), (8, 2, 1));
        assert!(r.balances());
        let rej: Vec<(&str, &str)> = r.rejected.iter().map(|x| (x.location.as_str(), x.reason.as_str())).collect();
        assert_eq!(rej[0].0, "f.csv:4 (column country)");
        assert!(rej[0].1.contains("\"ATL\" is not a known country code"));
        assert_eq!(rej[1].0, "f.csv:5 (column amount)");
        assert!(rej[1].1.contains("not a number"));
        assert_eq!(rej[2].0, "f.csv:6 (column status)");
        assert_eq!(rej[3].0, "f.csv:7 (column year)");
        assert!(rej[3].1.contains("missing value"));
        assert!(rej[4].1.contains("negative"));
        let c = &out.dataset.contributions;
        assert_eq!((c[0].status.as_str(), c[0].obligations[0].id.as_str(), c[0].year), ("disbursed", "protection", 2020));
        assert_eq!((c[1].donor.id.as_str(), c[1].status.as_str(), c[1].obligations[0].id.as_str()), (UNREPORTED_DONOR_ID, "pledged", "multi-sector"));
        assert_eq!(r.skipped[SKIP_OUTSIDE_COUNTRIES], 1);
        let json = serde_json::to_string(&out.dataset).unwrap();
        crate::core::validate::parse_dataset(&json).unwrap();
    }

    #[test]
    fn requirements_rows_give_needs_and_funding_by_plan() {
        let text = "countryCode,id,name,year,requirements,funding\n\
                    #country+code,#activity+appeal+id+fts_internal,#activity+appeal+name,#date+year,#value+funding+required+usd,#value+funding+total+usd\n\
                    GTM,1,Guatemala HRP 2021,2021,1000,400\n\
                    GTM,,Not specified,2021,,50\n\
                    GTM,,Not specified,2010,,-5\n\
                    GTM,,Not specified,2011,,\n\
                    GTM,9,Regional plan,2021,300,100\n\
                    HND,9,Regional plan,2021,200,\n\
                    HND,2,Honduras,20x1,1,1\n";
        let out = import_hxl(text.as_bytes(), "r.csv", HxlOptions { metadata: meta(), ..Default::default() }).unwrap();
        let r = &out.report;
        assert_eq!((r.read, r.imported, r.skipped_total(), r.rejected.len()), (7, 4, 2, 1));
        assert_eq!(r.rejected[0].location, "r.csv:9 (column year)");
        let d = &out.dataset;
        let plans: Vec<Option<&str>> = d.requirements.iter().map(|q| q.plan.as_deref()).collect();
        assert_eq!(plans, [Some("1"), Some("9-GTM"), Some("9-HND")]);
        assert_eq!(d.requirements[2].label.as_deref(), Some("Regional plan — Honduras"));
        assert_eq!(d.contributions.len(), 3);
        assert_eq!(d.contributions[1].plan, None);
        assert!(d.contributions.iter().all(|c| c.status == "committed" && c.donor.id == ALL_DONORS_ID));
        crate::core::validate::parse_dataset(&serde_json::to_string(d).unwrap()).unwrap();
    }

    #[test]
    fn plain_csv_with_map_where_and_bad_rows() {
        let text = "code,donor,yr,usd,sector\nCK,Australia,2013,7801.0,15250\nCK,Australia,2013,5,15220\nZZ,Japan,2014,10,15250\nPW,Japan,2014,,15250\n";
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        let map = ColumnMap::parse(&s(&["code=recipient", "donor=donor.name", "yr=year", "usd=amount", "sector=obligation", "status:=disbursed", "donor.type:=government"])).unwrap();
        let filters = vec![RowFilter::parse("sector=15250").unwrap()];
        let out = import_csv(text.as_bytes(), "o.csv", CsvOptions { metadata: meta(), map: map.clone(), filters }).unwrap();
        let r = &out.report;
        assert_eq!((r.read, r.imported, r.skipped_total(), r.rejected.len()), (4, 1, 1, 2));
        assert_eq!(r.rejected[0].location, "o.csv:4 (column code)");
        assert_eq!(r.rejected[1].location, "o.csv:5 (column usd)");
        let c = &out.dataset.contributions[0];
        assert_eq!((c.recipient.as_str(), c.obligations[0].id.as_str(), c.amount, c.donor.donor_type.as_str()), ("COK", "clearance", 7801.0, "government"));
        let err = import_csv(text.as_bytes(), "o.csv", CsvOptions { metadata: meta(), map, filters: vec![RowFilter::parse("nope=1").unwrap()] }).unwrap_err();
        assert!(err.contains("no column \"nope\""), "{err}");
    }
}
