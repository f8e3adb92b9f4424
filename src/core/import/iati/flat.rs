//! Flattened IATI tables (one CSV per element: `*activity.csv`, `*budget.csv`, `*result.csv`, as
//! the unhcr-americas/iati R package writes UNHCR's publication) rebuilt into the XML importer's
//! `Activity`, so the same rules map budgets and results. Column names follow the package's
//! flattening of the IATI paths (`budget_period_start`, `result_indicator_target_value`, …).

use super::activity::{Activity, Budget, IndicatorRaw, Narrative, Org, RecipientRaw, ResultRaw};
use super::Importer;
use std::collections::BTreeMap;

/// Skip reason: a budget row that did not become a requirement (a revised budget replaced it,
/// another covers the period, it is zero or unreadable, or budgets were not asked for; the notes
/// say how many of each).
pub const SKIP_BUDGET_LEFT_OUT: &str = "iati-budget-left-out";

/// One CSV table: its header and rows, each with its line.
struct Table {
    name: String,
    header: Vec<String>,
    rows: Vec<(u64, Vec<String>)>,
}

impl Table {
    fn read(name: &str, bytes: &[u8]) -> Result<Table, String> {
        let mut rdr = ::csv::ReaderBuilder::new().flexible(true).from_reader(bytes);
        let header =
            rdr.headers().map_err(|e| format!("{name}: cannot read the header: {e}"))?.iter().map(|h| h.trim_start_matches('\u{feff}').to_string()).collect();
        let mut rows = Vec::new();
        for rec in rdr.records() {
            let rec = rec.map_err(|e| format!("{name}: cannot read the CSV: {e}"))?;
            rows.push((rec.position().map_or(0, |p| p.line()), rec.iter().map(str::to_string).collect()));
        }
        Ok(Table { name: name.to_string(), header, rows })
    }

    fn column(&self, key: &str) -> Result<usize, String> {
        self.header.iter().position(|h| h == key).ok_or_else(|| format!("{}: no column {key:?}", self.name))
    }

    /// A getter of optional columns: a missing column reads as empty.
    fn cells<'t>(&'t self, row: &'t [String]) -> impl Fn(&str) -> Option<String> + 't {
        move |key: &str| self.header.iter().position(|h| h == key).and_then(|i| row.get(i)).map(|v| v.trim().to_string()).filter(|v| !v.is_empty())
    }
}

fn narrative(text: Option<String>) -> Narrative {
    Narrative { text, has_lang: false }
}

/// The table whose member name ends with `suffix` (`activity.csv`), if the release has one.
fn member<'r>(tables: &'r BTreeMap<String, Vec<u8>>, suffix: &str) -> Option<(&'r String, &'r Vec<u8>)> {
    tables.iter().find(|(name, _)| name.rsplit('/').next().is_some_and(|file| file.ends_with(suffix)))
}

impl Importer<'_> {
    /// Reads the flattened tables; activities are processed in the activity table's order, then
    /// any activity only the budget or result table names.
    pub(super) fn read_flat(&mut self, tables: &BTreeMap<String, Vec<u8>>) -> Result<(), String> {
        let (activity_name, activity_bytes) =
            member(tables, "activity.csv").ok_or("no *activity.csv table: expected the flattened IATI tables (activity, budget, result)")?;
        let activity_table = Table::read(activity_name, activity_bytes)?;
        activity_table.column("iati_identifier")?;
        let mut activities: Vec<Activity> = Vec::new();
        let mut index: BTreeMap<String, usize> = BTreeMap::new();
        for (_, row) in &activity_table.rows {
            let get = activity_table.cells(row);
            let Some(id) = get("iati_identifier") else { continue };
            let mut recipients = Vec::new();
            if let Some(code) = get("recipient_country_code") {
                recipients.push(RecipientRaw { element: "recipient-country", code: Some(code), vocabulary: None, percentage: get("recipient_country_pct") });
            }
            if let Some(code) = get("recipient_region_code") {
                recipients.push(RecipientRaw {
                    element: "recipient-region",
                    code: Some(code),
                    vocabulary: get("recipient_region_vocabulary"),
                    percentage: get("recipient_region_pct"),
                });
            }
            let other_titles = [("fr", "title_fr"), ("es", "title_es"), ("ar", "title_ar")]
                .into_iter()
                .filter_map(|(lang, column)| get(column).map(|t| (lang.to_string(), t)))
                .collect();
            index.insert(id.clone(), activities.len());
            activities.push(Activity {
                id: Some(id),
                reporting_org: Some(Org { reference: get("reporting_org_ref"), org_type: get("reporting_org_type"), name: narrative(get("reporting_org")) }),
                title: narrative(get("title_eng")),
                recipients,
                other_titles,
                ..Default::default()
            });
        }
        let mut activity = |id: String, activities: &mut Vec<Activity>| -> usize {
            *index.entry(id.clone()).or_insert_with(|| {
                activities.push(Activity { id: Some(id), ..Default::default() });
                activities.len() - 1
            })
        };
        if let Some((name, bytes)) = member(tables, "budget.csv") {
            let t = Table::read(name, bytes)?;
            t.column("iati_identifier")?;
            for (_, row) in &t.rows {
                let get = t.cells(row);
                let Some(id) = get("iati_identifier") else { continue };
                let i = activity(id, &mut activities);
                activities[i].budgets.push(Budget {
                    budget_type: get("budget_type"),
                    status: get("budget_status"),
                    start: get("budget_period_start"),
                    end: get("budget_period_end"),
                    value: get("budget_value"),
                    currency: get("budget_currency"),
                });
            }
        }
        if let Some((name, bytes)) = member(tables, "result.csv") {
            let t = Table::read(name, bytes)?;
            t.column("iati_identifier")?;
            t.column("result_title")?;
            for (_, row) in &t.rows {
                let get = t.cells(row);
                let Some(id) = get("iati_identifier") else { continue };
                let i = activity(id, &mut activities);
                // One row per indicator: rows of the same result title form one result.
                let title = get("result_title");
                let results = &mut activities[i].results;
                let result = match results.iter().position(|r| r.title.text == title) {
                    Some(k) => &mut results[k],
                    None => {
                        results.push(ResultRaw { result_type: get("result_type"), title: narrative(title), indicators: Vec::new() });
                        results.last_mut().expect("just pushed")
                    }
                };
                let population = [
                    ("result_indicator_target_dimension_1", "result_indicator_target_value_1"),
                    ("result_indicator_actual_dimension_1", "result_indicator_actual_value_1"),
                ]
                .into_iter()
                .find_map(|(dimension, value)| get(dimension).filter(|d| d.eq_ignore_ascii_case("Population Type")).and(get(value)));
                result.indicators.push(IndicatorRaw {
                    title: narrative(get("result_indicator_title")),
                    measure: get("result_indicator_measure"),
                    ascending: get("result_indicator_ascending"),
                    baseline: get("result_indicator_baseline_value"),
                    baseline_year: get("result_indicator_baseline_year"),
                    start: get("result_indicator_period_start"),
                    end: get("result_indicator_period_end"),
                    target: get("result_indicator_target_value"),
                    actual: get("result_indicator_actual_value"),
                    population,
                });
            }
        }
        // Every row of the budget and result tables is a record of the report: it became a
        // requirement or an indicator, or was skipped or rejected with its reason.
        for a in activities {
            let id = a.id.clone().unwrap_or_default();
            let (budget_rows, result_rows) = (a.budgets.len(), a.results.iter().map(|r| r.indicators.len()).sum::<usize>());
            self.report.read += budget_rows + result_rows;
            if !self.selected(&id) {
                for _ in 0..budget_rows + result_rows {
                    self.report.skip(super::SKIP_NOT_SELECTED);
                }
                continue;
            }
            let (used, indicators) = (self.budgets.used, self.results.indicators);
            self.activity(a);
            let used = self.budgets.used - used;
            self.report.imported += used + (self.results.indicators - indicators);
            for _ in used..budget_rows {
                self.report.skip(SKIP_BUDGET_LEFT_OUT);
            }
            for reason in std::mem::take(&mut self.results.recent_left_out) {
                self.report.reject(format!("{}#activity[{id}]/result", self.name), format!("result indicator left out: {reason}"));
            }
        }
        Ok(())
    }
}
