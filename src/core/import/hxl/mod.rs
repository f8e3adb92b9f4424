//! HXL-tagged CSV → dataset v1 (`--from hxl`). See docs/importers.md. Plain CSV with a column map
//! is `import::csv`, which reads rows and cell values with this importer's `table` and `values`.
//!
//! Columns are found by their hashtag and attributes, never by header text, with HXL's matching
//! rules — a pattern `#value+funding+required` matches a column tagged `#value+funding+required+usd`,
//! attribute order does not matter, case does not matter, `-attr` excludes an attribute and a
//! trailing `!` asks for exactly the attributes given. Two kinds of table are read:
//! - flow tables (one contribution per row: donor, recipient, amount, status, year, sector...),
//!   such as OCHA's FTS incoming-funding CSVs on HDX;
//! - OCHA FTS "requirements and funding" tables (`#value+funding+required` per country × appeal ×
//!   year), which give requirements and, per row, one contribution holding FTS's funding total.
//!
//! Where things are:
//! - `tags`: hashtags and tag patterns, HXL's matching rules;
//! - `table`: reading the CSV (rows with line numbers, columns with names and tags), shared with the
//!   plain-CSV importer (`import::csv`);
//! - `values`: cell values → the dataset's codes, also shared with the plain-CSV importer;
//! - `flows` and `requirements`: the two kinds of table; this module finds the hashtag row, tells
//!   the two apart, and holds what they share (options, skip reasons, the selection).
//!
//! Every data row read is imported, skipped by a rule (counted by reason) or rejected at
//! `FILE:LINE (column NAME)` with the reason; nothing panics on bad input.

mod flows;
mod requirements;
pub(super) mod table;
mod tags;
pub(super) mod values;

pub use tags::{HxlTag, TagPattern};
pub use values::{recipient_code, status_code, CRS_PURPOSES};

use super::Imported;
use crate::core::format::dataset::*;
use flows::flow_table;
use requirements::requirements_table;
use std::collections::{BTreeMap, HashSet};
use std::io::Read;
use table::{is_hashtag_row, rows, Columns};

/// The donor of a requirements-and-funding row: FTS gives one funding figure per row, from all donors.
pub const ALL_DONORS_ID: &str = "fts-all-donors";
/// The name of the `ALL_DONORS_ID` donor.
pub const ALL_DONORS_NAME: &str = "All donors (FTS funding total)";
/// The donor of a flow whose donor column is empty (the source keeps it in its totals; so do we).
pub const UNREPORTED_DONOR_ID: &str = "donor-not-reported";
/// The name of the `UNREPORTED_DONOR_ID` donor.
pub const UNREPORTED_DONOR_NAME: &str = "Donor not reported in the source";

/// Skip reason: the recipient is not among `HxlOptions::countries`.
pub const SKIP_OUTSIDE_COUNTRIES: &str = "outside-countries";
/// Skip reason: the year is outside `HxlOptions::year_from`..`year_to`.
pub const SKIP_OUTSIDE_YEARS: &str = "outside-years";
/// Skip reason: a requirements-and-funding row with neither requirements nor funding.
pub const SKIP_NO_AMOUNTS: &str = "no-amounts";
/// Skip reason: negative funding outside any appeal (a refund or correction; the notes give the net).
pub const SKIP_NEGATIVE_FUNDING: &str = "negative-funding";
/// Skip reason: a row whose id (or country, appeal, year and sector) was already imported (HXL and CSV).
pub const SKIP_DUPLICATE: &str = "duplicate-row";
/// Skip reason: every cell of the row is blank (HXL and CSV).
pub const SKIP_EMPTY: &str = "empty-row";

/// How many rows may come before the hashtag row (HXL allows several header rows).
const MAX_HEADER_ROWS: usize = 25;

/// Options of `import_hxl`.
#[derive(Clone, Debug, Default)]
pub struct HxlOptions {
    /// The dataset's metadata.
    pub metadata: Metadata,
    /// Keep only these recipients (ISO 3166 alpha-3, e.g. the MIRPS countries BLZ, CRI, SLV, GTM,
    /// HND, MEX, PAN; alpha-2 is converted). Empty: every recipient.
    pub countries: Vec<String>,
    /// Keep only years from (inclusive).
    pub year_from: Option<i32>,
    /// Keep only years up to (inclusive).
    pub year_to: Option<i32>,
}

/// Which rows the options keep.
struct Selection {
    countries: HashSet<String>,
    years: (i32, i32),
}

impl Selection {
    /// The selection of the options; country codes are checked (alpha-2 becomes alpha-3).
    fn new(options: &HxlOptions) -> Result<Selection, String> {
        let countries = options.countries.iter().map(|c| recipient_code(c).map_err(|e| format!("country filter: {e}"))).collect::<Result<HashSet<_>, _>>()?;
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

/// The recipient country column, in order of preference (the implementing side, not the funder).
const RECIPIENT: &[&str] = &["#country+iso3+impl", "#country+code+impl", "#country+impl", "#country+iso3-funder", "#country+code-funder", "#country-funder"];
/// The year column, in order of preference.
const YEAR: &[&str] = &["#date+year+start+impl", "#date+year+impl-end", "#date+year-budget-funder-start-end", "#date+year-budget-funder-end"];
/// The requirements column: its presence makes a requirements-and-funding table.
const REQUIRED: &[&str] = &["#value+funding+required+usd", "#value+required+usd", "#value+funding+required", "#value+required"];
/// The funding column: a flow's amount, or a requirements row's funding.
const FUNDING: &[&str] = &[
    "#value+funding+total+usd",
    "#value+funding+usd-required-pct-covid",
    "#value+usd-required-pct-covid",
    "#value+funding+total",
    "#value-required-pct-currency-covid",
];
/// The sector column (cluster names, obligation ids or CRS purpose codes).
const SECTOR: &[&str] = &["#sector+cluster+name", "#sector+name", "#sector"];
/// The appeal (plan) id column.
const APPEAL_ID: &[&str] = &["#activity+appeal+id+fts_internal", "#activity+appeal+id-external", "#activity+appeal+id", "#activity+appeal+code"];
/// The appeal name column (a requirement's label).
const APPEAL_NAME: &[&str] = &["#activity+appeal+name"];

/// Reads an HXL-tagged CSV: a flow table (contributions) or an FTS requirements-and-funding table
/// (requirements, and the funding of each row as one contribution). `name` locates rows in the
/// report (`name:LINE (column NAME)`).
pub fn import_hxl<R: Read>(reader: R, name: &str, options: HxlOptions) -> Result<Imported, String> {
    let selection = Selection::new(&options)?;
    let mut rows = rows(reader, name);
    // The header rows, up to and with the hashtag row; the data rows are then read one at a time.
    let mut head = Vec::new();
    while head.len() < MAX_HEADER_ROWS && !head.last().is_some_and(is_hashtag_row) {
        match rows.next() {
            Some(row) => head.push(row?),
            None => break,
        }
    }
    let tag_row = head
        .iter()
        .position(is_hashtag_row)
        .ok_or_else(|| format!("{name}: no HXL hashtag row (e.g. #country+code,#value+funding+total+usd) in the first {MAX_HEADER_ROWS} rows: is this an HXL-tagged CSV? For a plain CSV use --from csv with --map"))?;
    let cols = Columns {
        names: if tag_row > 0 { head[tag_row - 1].cells.clone() } else { Vec::new() },
        tags: head[tag_row].cells.iter().map(|c| HxlTag::parse(c)).collect(),
        written: head[tag_row].cells.clone(),
    };
    if cols.find(REQUIRED).is_some() {
        // A requirements table is read twice (multi-country appeals first): it is held whole, and
        // such tables are small (one row per appeal and country).
        let data = rows.collect::<Result<Vec<_>, _>>()?;
        requirements_table(&data, &cols, name, options.metadata, &selection)
    } else if cols.find(FUNDING).is_some() {
        flow_table(rows, &cols, name, options.metadata, &selection)
    } else {
        Err(format!(
            "{name}: no amount column: expected #value+funding+total+usd (a flow table) or #value+funding+required+usd (a requirements and funding table)"
        ))
    }
}

/// A column the table cannot be read without.
fn need(cols: &Columns, name: &str, what: &str, patterns: &[&str]) -> Result<usize, String> {
    cols.find(patterns).ok_or_else(|| format!("{name}: no {what} column (HXL {})", patterns[0]))
}

/// One note per sector value no mapping knew (HXL and CSV).
pub(super) fn unmapped_notes(notes: &mut Vec<String>, unmapped: &BTreeMap<String, usize>) {
    for (name, n) in unmapped {
        notes.push(format!("sector {name:?} has no obligation mapping ({n} row(s) counted as unspecified)"));
    }
}

/// The dataset of an HXL or CSV import, with a note when `data_as_of` is missing.
pub(super) fn dataset(metadata: Metadata, contributions: Vec<Contribution>, requirements: Vec<Requirement>, notes: &mut Vec<String>) -> Dataset {
    if metadata.data_as_of.is_empty() {
        notes.push("metadata data_as_of is empty: give the date the figures describe".into());
    }
    Dataset { format: FORMAT_NAME.into(), version: FORMAT_VERSION, metadata, code_lists: CodeLists::default(), contributions, requirements, plans: Vec::new() }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    /// Metadata that validates, for the unit tests of the HXL and plain-CSV importers.
    pub(in crate::core::import) fn meta() -> Metadata {
        Metadata {
            id: "t".into(),
            title: "t".into(),
            publisher: "p".into(),
            source_url: "u".into(),
            licence: "l".into(),
            currency: "USD".into(),
            data_as_of: "2024-01-01".into(),
            dataset_version: "1".into(),
            ..Default::default()
        }
    }
}
