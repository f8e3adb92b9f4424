//! Activity `<result>`s → a plan with objectives and indicators (dataset v1.1): one plan per
//! activity that reports results, one objective per result, its indicators with baseline, target
//! and actual. Results are not money: they are counted in the notes, not the report, as budgets are.

use super::activity::{Activity, IndicatorRaw};
use super::Importer;
use crate::core::format::dataset::{Indicator, Objective, Plan};
use crate::core::format::validate::is_iso_date;
use std::collections::BTreeMap;

/// Results bookkeeping for the notes.
#[derive(Default)]
pub(super) struct ResultCounts {
    plans: usize,
    objectives: usize,
    pub(super) indicators: usize,
    /// Objectives per IATI result type (outcome, impact…).
    by_type: BTreeMap<&'static str, usize>,
    /// Indicators left out, by reason.
    left_out: BTreeMap<&'static str, usize>,
    /// Why each indicator of the last activity was left out, for a report that counts rows.
    pub(super) recent_left_out: Vec<&'static str>,
}

impl ResultCounts {
    pub(super) fn notes(&self) -> Vec<String> {
        if self.plans == 0 && self.left_out.is_empty() {
            return Vec::new();
        }
        let mut notes = vec![format!(
            "{} activities reported results: {} plans with {} objectives and {} indicators (docs/importers.md, results)",
            self.plans, self.plans, self.objectives, self.indicators
        )];
        let kinds: Vec<String> = self.by_type.iter().map(|(kind, n)| format!("{n} {kind}")).collect();
        notes.push(format!("objectives by IATI result type: {}", kinds.join(", ")));
        for (reason, n) in &self.left_out {
            notes.push(format!("{n} result indicators left out: {reason}"));
        }
        notes
    }
}

/// IATI IndicatorMeasure → the unit the dataset names.
fn unit(measure: Option<&str>) -> &'static str {
    match measure.map(str::trim).unwrap_or("1") {
        "2" => "percent",
        "3" => "nominal",
        "4" => "ordinal",
        "5" => "qualitative",
        _ => "number",
    }
}

/// A number as the source writes it; `Err` when text is there but is not a finite number.
fn number(text: Option<&str>) -> Result<Option<f64>, ()> {
    match text.map(str::trim).filter(|t| !t.is_empty()) {
        None => Ok(None),
        Some(t) => t.parse::<f64>().ok().filter(|n| n.is_finite()).map(Some).ok_or(()),
    }
}

fn indicator(raw: &IndicatorRaw) -> Result<Indicator, &'static str> {
    let title = raw.title.text.clone().ok_or("no title")?;
    let unit = unit(raw.measure.as_deref());
    let values = (number(raw.baseline.as_deref()), number(raw.target.as_deref()), number(raw.actual.as_deref()));
    let (Ok(baseline), Ok(target), Ok(actual)) = values else { return Err("a baseline, target or actual that is not a number") };
    if unit == "qualitative" && (baseline.is_some() || target.is_some() || actual.is_some()) {
        return Err("a qualitative indicator with numbers: what they measure is not stated");
    }
    let date = |d: &Option<String>| d.as_deref().map(str::trim).filter(|d| d.len() >= 10 && is_iso_date(&d[..10])).map(|d| d[..10].to_string());
    Ok(Indicator {
        labels: BTreeMap::from([("en".to_string(), title)]),
        unit: unit.to_string(),
        ascending: !matches!(raw.ascending.as_deref().map(str::trim), Some("0" | "false")),
        baseline,
        baseline_year: raw.baseline_year.as_deref().and_then(|y| y.trim().parse::<i32>().ok()).filter(|y| (1900..=2100).contains(y)),
        target,
        actual,
        start: date(&raw.start),
        end: date(&raw.end),
        population: raw.population.clone().filter(|p| !p.trim().is_empty()),
    })
}

impl Importer<'_> {
    /// The activity's results as a plan, for a recipient when the activity has exactly one.
    pub(super) fn activity_plan(&mut self, a: &Activity, id: &str, recipients: &Result<Vec<(String, f64)>, String>) {
        if a.results.is_empty() {
            return;
        }
        let mut objectives = Vec::new();
        for (i, r) in a.results.iter().enumerate() {
            let mut indicators = Vec::new();
            for raw in &r.indicators {
                match indicator(raw) {
                    Ok(ind) => indicators.push(ind),
                    Err(reason) => {
                        *self.results.left_out.entry(reason).or_default() += 1;
                        self.results.recent_left_out.push(reason);
                    }
                }
            }
            let Some(title) = r.title.text.clone() else {
                *self.results.left_out.entry("their result has no title").or_default() += r.indicators.len();
                self.results.recent_left_out.extend(r.indicators.iter().map(|_| "their result has no title"));
                continue;
            };
            self.results.indicators += indicators.len();
            let kind = match r.result_type.as_deref().map(str::trim) {
                Some("1") => "outputs",
                Some("2") => "outcomes",
                Some("3") => "impacts",
                _ => "other results",
            };
            *self.results.by_type.entry(kind).or_default() += 1;
            objectives.push(Objective { id: format!("{id}/result-{}", i + 1), labels: BTreeMap::from([("en".to_string(), title)]), parent: None, indicators });
        }
        if objectives.is_empty() {
            return;
        }
        let mut labels = BTreeMap::from([("en".to_string(), a.title.text.clone().unwrap_or_else(|| id.to_string()))]);
        labels.extend(a.other_titles.iter().cloned());
        let recipient = recipients.as_ref().ok().filter(|list| list.len() == 1).map(|list| list[0].0.clone());
        let year = a.results.iter().flat_map(|r| &r.indicators).find_map(|i| i.start.as_deref().and_then(|d| d.get(..4)?.parse::<i32>().ok()));
        self.results.plans += 1;
        self.results.objectives += objectives.len();
        self.plans.push(Plan { id: id.to_string(), labels, recipient, year, objectives });
    }
}
