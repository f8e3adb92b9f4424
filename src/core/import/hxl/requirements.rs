//! OCHA FTS "requirements and funding" tables (`#value+funding+required` per country × appeal ×
//! year): each row gives a requirement and one contribution holding FTS's funding total for it.
//! An appeal covering several countries gets one plan per country (`APPEAL-ISO3`).

use super::table::{at, Bad, Columns, Row};
use super::values::{number, obligation_code, recipient_code, year};
use super::{dataset, need, unmapped_notes, Selection, ALL_DONORS_ID, ALL_DONORS_NAME, APPEAL_ID, APPEAL_NAME, FUNDING, RECIPIENT, REQUIRED, SECTOR, YEAR};
use super::{SKIP_DUPLICATE, SKIP_EMPTY, SKIP_NEGATIVE_FUNDING, SKIP_NO_AMOUNTS};
use crate::core::format::cooperation;
use crate::core::format::dataset::*;
use crate::core::format::geo;
use crate::core::import::{slug, ImportReport, Imported};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

/// OCHA FTS "requirements and funding": one row per country × appeal × year.
pub(super) fn requirements_table(data: &[Row], cols: &Columns, name: &str, mut metadata: Metadata, sel: &Selection) -> Result<Imported, String> {
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
            (
                Some(format!("{appeal}-{recipient}")),
                Some(if appeal_name.is_empty() { format!("{appeal} — {country}") } else { format!("{appeal_name} — {country}") }),
            )
        } else {
            (Some(appeal.to_string()), (!appeal_name.is_empty()).then(|| appeal_name.to_string()))
        };
        if required > 0.0 {
            requirements.push(Requirement {
                recipient: recipient.clone(),
                obligation: obligation.map(str::to_string),
                year,
                amount: required,
                plan: plan.clone(),
                label: label.clone(),
                objectives: Vec::new(),
            });
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
                model_rule: Some(cooperation::Rule::Unspecified.id().into()),
                model_evidence: None,
                obligation_rule: None,
                obligation_evidence: None,
                kind: "financial".into(),
                // FTS funding = commitments + paid contributions, not split in this table.
                status: "committed".into(),
                amount: funding,
                plan,
                description: Some(description),
                places: Vec::new(),
                history: Vec::new(),
                objectives: Vec::new(),
            });
        }
        report.imported += 1;
    }
    notes.push("funding is FTS's total of commitments and paid contributions, not split by stage: each row's funding is one contribution with status committed, from \"All donors (FTS funding total)\"".into());
    if !multi_plans.is_empty() {
        notes.push(format!(
            "{} appeal(s) cover several countries: their plan id is APPEAL-ISO3 so each country's gap counts only its own funding",
            multi_plans.len()
        ));
    }
    if negative_rows > 0 {
        notes.push(format!("{negative_rows} row(s) with negative funding outside any appeal skipped (net {negative_sum})"));
    }
    unmapped_notes(&mut notes, &unmapped);
    Ok(Imported { dataset: dataset(metadata, contributions, requirements, &mut notes), report, notes, unmapped })
}

#[cfg(test)]
mod tests {
    use crate::core::import::hxl::tests::meta;
    use crate::core::import::hxl::*;

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
        crate::core::format::validate::parse_dataset(&serde_json::to_string(d).unwrap()).unwrap();
    }
}
