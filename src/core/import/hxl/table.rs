//! Reading a CSV table, shared by the HXL and plain-CSV importers: records with their line numbers
//! (a cell that is not UTF-8 is noted, not fatal), the columns with header names and HXL tags, and
//! the `FILE:LINE (column NAME)` locations of the report.

use super::tags::{HxlTag, TagPattern};
use std::io::Read;

/// One CSV record, as text, with its line in the file.
pub(crate) struct Row {
    /// The line the record starts on (1-based), for the report.
    pub(crate) line: u64,
    /// The cells, untrimmed (invalid UTF-8 replaced; see `bad_utf8`).
    pub(crate) cells: Vec<String>,
    /// Index of a cell that is not UTF-8 text.
    pub(crate) bad_utf8: Option<usize>,
}

impl Row {
    /// Cell `i`, trimmed; "" when the row is shorter.
    pub(crate) fn cell(&self, i: usize) -> &str {
        self.cells.get(i).map(|c| c.trim()).unwrap_or("")
    }

    /// The cell of an optional column; "" when there is no such column.
    pub(crate) fn get(&self, i: Option<usize>) -> &str {
        i.map(|i| self.cell(i)).unwrap_or("")
    }

    /// Every cell is blank.
    pub(crate) fn is_empty(&self) -> bool {
        self.cells.iter().all(|c| c.trim().is_empty())
    }
}

/// Every record of a CSV file (a byte-order mark removed); `name` locates errors.
pub(crate) fn read_rows<R: Read>(reader: R, name: &str) -> Result<Vec<Row>, String> {
    rows(reader, name).collect()
}

/// The records of a CSV file one at a time, so that a large file is never held whole (a
/// byte-order mark removed); `name` locates errors.
pub(crate) fn rows<'a, R: Read + 'a>(reader: R, name: &'a str) -> impl Iterator<Item = Result<Row, String>> + 'a {
    let rdr = ::csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(reader);
    rdr.into_byte_records().enumerate().map(move |(i, rec)| {
        let rec = rec.map_err(|e| match e.position() {
            Some(p) => format!("{name}:{}: cannot read the CSV: {e}", p.line()),
            None => format!("{name}: cannot read the CSV: {e}"),
        })?;
        let line = rec.position().map(|p| p.line()).unwrap_or(0);
        let mut bad_utf8 = None;
        let mut cells = rec
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
        if let Some(first) = cells.first_mut().filter(|_| i == 0) {
            if let Some(s) = first.strip_prefix('\u{feff}') {
                *first = s.to_string();
            }
        }
        Ok(Row { line, cells, bad_utf8 })
    })
}

/// The columns of a table: header names (for messages) and HXL tags (to find them).
pub(crate) struct Columns {
    /// Header names (empty for an HXL table with no header row).
    pub(crate) names: Vec<String>,
    /// Each column's HXL tag (`None` for untagged columns and plain CSV).
    pub(crate) tags: Vec<Option<HxlTag>>,
    /// The hashtags as written, for messages.
    pub(crate) written: Vec<String>,
}

impl Columns {
    /// The first column matching the first pattern that matches any (patterns in order of preference).
    pub(crate) fn find(&self, patterns: &[&str]) -> Option<usize> {
        patterns.iter().filter_map(|p| TagPattern::parse(p)).find_map(|p| self.tags.iter().position(|t| t.as_ref().is_some_and(|t| p.matches(t))))
    }

    /// A column's name for messages: its header, else its hashtag, else its number.
    pub(crate) fn label(&self, i: usize) -> String {
        let name = self.names.get(i).map(|n| n.trim()).unwrap_or("");
        let tag = self.tags.get(i).and_then(|t| t.as_ref()).map(|_| self.written[i].trim().to_string());
        match (name.is_empty(), tag) {
            (false, _) => name.to_string(),
            (true, Some(t)) => t,
            (true, None) => format!("{}", i + 1),
        }
    }

    /// Does the column's tag have this attribute?
    pub(crate) fn has_attr(&self, i: Option<usize>, attr: &str) -> bool {
        i.and_then(|i| self.tags.get(i)).and_then(|t| t.as_ref()).is_some_and(|t| t.attributes.contains(attr))
    }

    /// "recipient ← countryCode (#country+code)", for the notes.
    pub(crate) fn describe(&self, field: &str, i: Option<usize>) -> Option<String> {
        let i = i?;
        let tag = self.written.get(i).map(|t| t.trim()).unwrap_or_default();
        Some(format!("{field} ← {} ({tag})", self.label(i)))
    }
}

/// The HXL hashtag row: every non-blank cell starts with `#` and one at least is a hashtag.
pub(crate) fn is_hashtag_row(row: &Row) -> bool {
    let cells: Vec<&str> = row.cells.iter().map(|c| c.trim()).filter(|c| !c.is_empty()).collect();
    !cells.is_empty() && cells.iter().all(|c| c.starts_with('#')) && cells.iter().any(|c| HxlTag::parse(c).is_some())
}

/// A problem with one cell: (column index, reason).
pub(crate) type Bad = (usize, String);

/// Where a cell is, for the report: `FILE:LINE (column NAME)`.
pub(crate) fn at(name: &str, line: u64, cols: &Columns, col: usize) -> String {
    format!("{name}:{line} (column {})", cols.label(col))
}
