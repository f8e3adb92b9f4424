//! Activity budgets → requirements (`Options::budgets_as_requirements`): one per period, the
//! revised budget replacing the original, in the activity's single recipient; and notes on every
//! budget left out. Budgets are not transactions: they are counted in the notes, not the report.

use super::activity::{Activity, Budget};
use super::currency::parse_amount;
use super::Importer;
use crate::core::format::dataset::Requirement;
use crate::core::format::validate::is_iso_date;
use std::collections::BTreeMap;

/// Budget bookkeeping for the notes.
#[derive(Default)]
pub(super) struct BudgetCounts {
    read: usize,
    pub(super) used: usize,
    replaced: usize,
    several_recipients: usize,
    no_recipient: usize,
    unreadable: usize,
    no_rate: BTreeMap<String, usize>,
    duplicates: usize,
    zero: usize,
}

impl Importer<'_> {
    /// Budgets → requirements: the revised budget of a period replaces the original one.
    pub(super) fn activity_budgets(&mut self, a: &Activity, id: &str, recipients: &Result<Vec<(String, f64)>, String>) {
        self.budgets.read += a.budgets.len();
        if a.budgets.is_empty() {
            return;
        }
        let recipient = match recipients {
            Ok(list) if list.len() == 1 => list[0].0.clone(),
            Ok(list) if list.len() > 1 => {
                self.budgets.several_recipients += a.budgets.len();
                return;
            }
            _ => {
                self.budgets.no_recipient += a.budgets.len();
                return;
            }
        };
        // Period → (type, budget); revised (2) wins over original (1).
        let mut periods: Vec<((String, String), &Budget)> = Vec::new();
        for b in &a.budgets {
            let (Some(start), Some(end)) = (&b.start, &b.end) else {
                self.budgets.unreadable += 1;
                continue;
            };
            if !matches!(b.status.as_deref().unwrap_or("1"), "1" | "2") || !matches!(b.budget_type.as_deref().unwrap_or("1"), "1" | "2") {
                self.budgets.unreadable += 1;
                continue;
            }
            let key = (start.clone(), end.clone());
            let revised = |b: &Budget| b.budget_type.as_deref() == Some("2");
            match periods.iter_mut().find(|(k, _)| *k == key) {
                None => periods.push((key, b)),
                Some((_, kept)) => {
                    if revised(b) && !revised(kept) {
                        *kept = b;
                        self.budgets.replaced += 1;
                    } else if revised(kept) && !revised(b) {
                        self.budgets.replaced += 1;
                    } else {
                        self.budgets.duplicates += 1;
                    }
                }
            }
        }
        for ((start, _), b) in periods {
            let year = start.get(..10).filter(|d| is_iso_date(d)).and_then(|d| d[..4].parse::<i32>().ok());
            let value = b.value.as_deref().ok_or(()).and_then(|v| parse_amount(v).map_err(|_| ()));
            let (Some(year), Ok(value)) = (year, value) else {
                self.budgets.unreadable += 1;
                continue;
            };
            let Some(currency) = b.currency.clone().or_else(|| a.default_currency.clone()) else {
                self.budgets.unreadable += 1;
                continue;
            };
            if value == 0.0 {
                self.budgets.zero += 1;
                continue;
            }
            // A budget is converted at the rate of the first day of its period.
            let day = start.get(..10).unwrap_or_default().to_string();
            match self.convert(value, &currency, &day) {
                Ok(amount) => {
                    self.budgets.used += 1;
                    self.requirements.push(Requirement {
                        recipient: recipient.clone(),
                        obligation: None,
                        year,
                        amount,
                        plan: Some(id.to_string()),
                        label: a.title.text.clone().or_else(|| Some(id.to_string())),
                        objectives: Vec::new(),
                    });
                }
                Err(_) => *self.budgets.no_rate.entry(currency.to_ascii_uppercase()).or_default() += 1,
            }
        }
    }

    /// Notes on budgets for the person running the import (budgets are not records of the report).
    pub(super) fn notes(&self) -> Vec<String> {
        let b = &self.budgets;
        let mut notes = Vec::new();
        if !self.options.budgets_as_requirements || b.read == 0 {
            return notes;
        }
        notes.push(format!("{} budgets read, {} became requirements", b.read, b.used));
        if b.replaced > 0 {
            notes.push(format!("{} original budgets left out: a revised budget covers the same period", b.replaced));
        }
        if b.duplicates > 0 {
            notes.push(format!("{} budgets left out: another budget of the same type covers the same period", b.duplicates));
        }
        if b.zero > 0 {
            notes.push(format!("{} budgets of 0 left out: a placeholder for a later year, not a need", b.zero));
        }
        if b.several_recipients > 0 {
            notes.push(format!("{} budgets left out: their activity has several recipients, so the need cannot be placed in one", b.several_recipients));
        }
        if b.no_recipient > 0 {
            notes.push(format!("{} budgets left out: their activity's recipient is missing or unknown", b.no_recipient));
        }
        if b.unreadable > 0 {
            notes.push(format!("{} budgets left out: period, status, type, value or currency missing or unreadable", b.unreadable));
        }
        for (cur, n) in &b.no_rate {
            notes.push(format!("{n} budgets in {cur} left out: no exchange rate"));
        }
        notes
    }
}
