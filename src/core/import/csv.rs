//! Plain CSV with a column map → dataset v1 (`--from csv`). See docs/importers.md.
//!
//! A `ColumnMap` names the column of each field (`col=field`) or gives it a constant
//! (`field:=value`); `RowFilter`s (`--where col=value`) select rows. Rows are read, and cell values
//! normalised, as the HXL importer does (`hxl::table`, `hxl::values`): every data row read is
//! imported, skipped (counted by reason) or rejected at `FILE:LINE (column NAME)` with the reason.

use super::hxl::table::{at, rows, Bad, Columns};
use super::hxl::values::{donor_type_code, kind_code, list_code, number, obligation_code, recipient_code, status_code, year};
use super::hxl::{dataset, unmapped_notes, SKIP_DUPLICATE, SKIP_EMPTY, UNREPORTED_DONOR_ID, UNREPORTED_DONOR_NAME};
use super::{slug, ImportReport, Imported};
use crate::core::format::codes::{self, DONOR_TYPES, MODELS, OBLIGATIONS};
use crate::core::format::cooperation;
use crate::core::format::dataset::*;
use crate::core::format::geo;
use crate::core::format::validate::is_iso_date;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::io::Read;

/// Rows left out by `--where` (the import's notes say which condition).
pub const SKIP_WHERE: &str = "where-not-selected";

/// Options of `import_csv`.
#[derive(Clone, Debug)]
pub struct CsvOptions {
    /// The dataset's metadata.
    pub metadata: Metadata,
    /// Where each field comes from (`--map`).
    pub map: ColumnMap,
    /// Rows must match every filter (`--where col=value`, AND).
    pub filters: Vec<RowFilter>,
}

/// A field of a contribution a column or a constant can give.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    /// `id`: the contribution id; without it, `ID-LINE` (the dataset id) or `row-LINE`.
    Id,
    /// `donor.id`; without it, `org-` and a slug of the donor's name.
    DonorId,
    /// `donor.name`; without it, the donor id.
    DonorName,
    /// `donor.type`: a donor type code or an FTS organisation type; `other` without it.
    DonorType,
    /// `recipient`: ISO 3166 alpha-3 or alpha-2, a UN M49 area code, or an English country name.
    Recipient,
    /// `year`; without it, the year of `date`.
    Year,
    /// `date`: YYYY-MM-DD.
    Date,
    /// `obligation`: an obligation id, an FTS cluster name or a CRS purpose code; `unspecified` without it.
    Obligation,
    /// `model`: a cooperation model; without it, derived by docs/cooperation-models.md.
    Model,
    /// `kind`: financial, in-kind or technical; `financial` without it.
    Kind,
    /// `status`: pledged, committed, disbursed (or pledge, commitment, paid, disbursement).
    Status,
    /// `amount`: a non-negative number in the dataset currency.
    Amount,
    /// `plan`: the appeal or plan the contribution funds.
    Plan,
    /// `description`.
    Description,
}

impl Field {
    /// Every field, in the order of the notes.
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

    /// The field's name in `--map` (`donor.name`).
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

    /// A field from its `--map` name; the error lists the names.
    pub fn parse(name: &str) -> Result<Field, String> {
        let n = name.trim();
        Field::ALL.into_iter().find(|f| f.name() == n).ok_or_else(|| format!("unknown field {n:?}: the fields are {}", Field::ALL.map(Field::name).join(", ")))
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

    /// The column header a field comes from.
    fn column(&self, field: Field) -> Option<&str> {
        self.columns.iter().find(|(f, _)| *f == field).map(|(_, c)| c.as_str())
    }

    /// The constant a field is given.
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
        Field::Status => status_code(v)
            .ok_or_else(|| format!("{v:?} is not a known status (pledged, committed, disbursed; or pledge, commitment, paid, disbursement)"))?
            .into(),
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

/// A `field:=value` constant, normalised; an obligation must be one a mapping knows.
fn normalise_constant(field: Field, value: &str) -> Result<String, String> {
    let mut unmapped = BTreeMap::new();
    let out = normalise(field, value, &mut unmapped)?;
    if field == Field::Obligation && !unmapped.is_empty() {
        return Err(format!("{:?} is not an obligation code ({}), an FTS cluster name or a mapped CRS purpose code", value.trim(), ids(OBLIGATIONS)));
    }
    Ok(out)
}

/// A code list's ids, for messages.
fn ids(list: &'static [codes::Code]) -> String {
    list.iter().map(|c| c.id).collect::<Vec<_>>().join(", ")
}

/// A row filter, `column=value` (`--where sector_code=15250`): the cell, trimmed, must equal the value.
#[derive(Clone, Debug, PartialEq)]
pub struct RowFilter {
    /// The column header.
    pub column: String,
    /// The value the cell must have, trimmed.
    pub value: String,
}

impl RowFilter {
    /// Parses a `--where` entry, `COLUMN=VALUE`.
    pub fn parse(text: &str) -> Result<RowFilter, String> {
        match text.split_once('=') {
            Some((c, v)) if !c.trim().is_empty() => Ok(RowFilter { column: c.trim().to_string(), value: v.trim().to_string() }),
            _ => Err(format!("--where {text:?}: expected COLUMN=VALUE")),
        }
    }
}

/// Reads a plain CSV (row 1: headers) with a column map. `name` locates rows in the report.
pub fn import_csv<R: Read>(reader: R, name: &str, options: CsvOptions) -> Result<Imported, String> {
    // Rows are read one at a time: a large file is never held whole.
    let mut data = rows(reader, name);
    let Some(header) = data.next().transpose()? else {
        return Err(format!("{name}: the file is empty"));
    };
    let cols =
        Columns { names: header.cells.iter().map(|c| c.trim().to_string()).collect(), tags: header.cells.iter().map(|_| None).collect(), written: Vec::new() };
    let find = |column: &str| -> Result<usize, String> {
        cols.names.iter().position(|n| n == column).ok_or_else(|| format!("{name}: no column {column:?} (the columns are {})", cols.names.join(", ")))
    };
    let map = &options.map;
    let sources: Vec<(Field, Option<usize>, Option<&str>)> =
        Field::ALL.into_iter().map(|f| Ok((f, map.column(f).map(find).transpose()?, map.constant(f)))).collect::<Result<_, String>>()?;
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
    for (field, default) in [
        (Field::Kind, "financial"),
        (Field::Model, "derived by the rules of docs/cooperation-models.md"),
        (Field::Obligation, "unspecified"),
        (Field::DonorType, "other"),
    ] {
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
        let row = row?;
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
                let (m, rule) = cooperation::derive(&cooperation::Facts {
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
            model_evidence: None,
            obligation_rule: None,
            obligation_evidence: None,
            kind: get(Field::Kind).unwrap_or("financial").to_string(),
            status: get(Field::Status).unwrap_or_default().to_string(),
            amount: get(Field::Amount).and_then(|a| a.parse().ok()).unwrap_or_default(),
            plan: get(Field::Plan).map(str::to_string),
            description: get(Field::Description).map(str::to_string),
            places: Vec::new(),
            history: Vec::new(),
            objectives: Vec::new(),
        });
        report.imported += 1;
    }
    unmapped_notes(&mut notes, &unmapped);
    Ok(Imported { dataset: dataset(options.metadata, contributions, Vec::new(), &mut notes), report, notes, unmapped })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::import::hxl::tests::meta;

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

    #[test]
    fn plain_csv_with_map_where_and_bad_rows() {
        let text = "code,donor,yr,usd,sector\nCK,Australia,2013,7801.0,15250\nCK,Australia,2013,5,15220\nZZ,Japan,2014,10,15250\nPW,Japan,2014,,15250\n";
        let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        let map = ColumnMap::parse(&s(&[
            "code=recipient",
            "donor=donor.name",
            "yr=year",
            "usd=amount",
            "sector=obligation",
            "status:=disbursed",
            "donor.type:=government",
        ]))
        .unwrap();
        let filters = vec![RowFilter::parse("sector=15250").unwrap()];
        let out = import_csv(text.as_bytes(), "o.csv", CsvOptions { metadata: meta(), map: map.clone(), filters }).unwrap();
        let r = &out.report;
        assert_eq!((r.read, r.imported, r.skipped_total(), r.rejected.len()), (4, 1, 1, 2));
        assert_eq!(r.rejected[0].location, "o.csv:4 (column code)");
        assert_eq!(r.rejected[1].location, "o.csv:5 (column usd)");
        let c = &out.dataset.contributions[0];
        assert_eq!((c.recipient.as_str(), c.obligations[0].id.as_str(), c.amount, c.donor.donor_type.as_str()), ("COK", "mine-action", 7801.0, "government"));
        let err = import_csv(text.as_bytes(), "o.csv", CsvOptions { metadata: meta(), map, filters: vec![RowFilter::parse("nope=1").unwrap()] }).unwrap_err();
        assert!(err.contains("no column \"nope\""), "{err}");
    }
}
