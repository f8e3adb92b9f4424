//! The release's CSV tables, read by header name (AidData's columns come in any order, and a
//! release may add or leave out ancillary ones).

use super::super::hxl::table::{read_rows, Row};

/// One CSV table of the release: its header names and its data rows with their lines.
pub(super) struct Table {
    /// The member's file name (`transactions.csv`), to locate records in the report.
    pub(super) name: String,
    /// The header row, trimmed.
    headers: Vec<String>,
    /// The data rows, blank ones left out.
    pub(super) rows: Vec<Row>,
}

impl Table {
    /// Reads `bytes` as a CSV table with a header row; `name` locates errors.
    pub(super) fn parse(name: &str, bytes: &[u8]) -> Result<Table, String> {
        let mut rows = read_rows(bytes, name)?.into_iter();
        let headers = rows.next().map(|r| r.cells.iter().map(|c| c.trim().to_string()).collect()).unwrap_or_default();
        Ok(Table { name: name.to_string(), headers, rows: rows.filter(|r| !r.is_empty()).collect() })
    }

    /// The column with one of these header names, compared without case, accents or surrounding
    /// spaces (`Project_ID`, `project_id`; `TIPO DE COOPERACION`, `Tipo de cooperación`).
    pub(super) fn column(&self, names: &[&str]) -> Option<usize> {
        let fold = crate::core::format::obligation_rules::fold;
        names.iter().find_map(|n| self.headers.iter().position(|h| fold(h).trim() == fold(n)))
    }

    /// The header of column `i`, as written.
    pub(super) fn header(&self, i: usize) -> &str {
        self.headers.get(i).map_or("", String::as_str)
    }

    /// A column the importer cannot do without: its absence is an error that says what the
    /// column holds.
    pub(super) fn require(&self, name: &str, holds: &str) -> Result<usize, String> {
        self.column(&[name]).ok_or_else(|| format!("{} has no column “{name}” ({holds}); its header row names: {}", self.name, self.headers.join(", ")))
    }
}
