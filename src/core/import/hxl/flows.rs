//! Flow tables (one contribution per row: donor, recipient, amount, status, year, sector...), such
//! as OCHA's FTS incoming-funding CSVs on HDX. FTS's rules apply when the columns are there:
//! internal, outgoing and shared flows are skipped, as in the FTS JSON importer.

use super::table::{at, Bad, Columns, Row};
use super::values::{kind_code, number, obligations_of_list, recipient_code, split_list, status_code, year};
use super::{dataset, need, unmapped_notes, Selection, APPEAL_ID, FUNDING, RECIPIENT, SECTOR, YEAR};
use super::{SKIP_DUPLICATE, SKIP_EMPTY, UNREPORTED_DONOR_ID, UNREPORTED_DONOR_NAME};
use crate::core::format::cooperation;
use crate::core::format::dataset::*;
use crate::core::format::geo;
use crate::core::format::validate::is_iso_date;
use crate::core::import::{fts, slug, ImportReport, Imported};
use std::collections::{BTreeMap, HashSet};

/// A flow table: one contribution per row.
pub(super) fn flow_table(
    data: impl Iterator<Item = Result<Row, String>>,
    cols: &Columns,
    name: &str,
    mut metadata: Metadata,
    sel: &Selection,
) -> Result<Imported, String> {
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
        let row = row?;
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
        match flow_row(
            &row,
            &id,
            fts_table,
            sel,
            &mut unmapped,
            [c_amount, c_recipient],
            [c_year, c_date, Some(c_status), c_donor, c_donor_id, c_donor_type, c_sector, c_kind, c_plan, c_description, c_donor_country, c_impl_type],
        ) {
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
    let (model, rule) = cooperation::derive(&cooperation::Facts {
        collaboration_type: None,
        donor_type: &donor.donor_type,
        donor_country: donor.country.as_deref(),
        pivot_country: None,
        recipient_country: geo::country(&recipient).map(|c| c.iso3),
        public_partner,
        pooled_fund: first_type.first() == Some(&"Pooled fund"),
        ..Default::default()
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
        model_evidence: None,
        obligation_rule: None,
        obligation_evidence: None,
        kind: kind.into(),
        status: status.into(),
        amount,
        plan,
        description: Some(row.get(c_description)).filter(|d| !d.is_empty()).map(str::to_string),
        places: Vec::new(),
        history: Vec::new(),
        objectives: Vec::new(),
    }))
}

#[cfg(test)]
mod tests {
    use crate::core::import::hxl::tests::meta;
    use crate::core::import::hxl::*;

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
        crate::core::format::validate::parse_dataset(&json).unwrap();
    }
}
