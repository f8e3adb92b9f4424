//! `alianzas summarize`: totals by one dimension, as a table or JSON. The sums are the core's.

use super::args::Format;
use super::{load_store, year_range};
use crate::core::analysis::query::{self, Filter, Measure};
use crate::core::analysis::store::Dim;
use crate::core::charts::spec::{self, PlainLocale};
use crate::core::format::codes::Status;
use crate::core::locale::lang::Lang;
use serde_json::json;
use std::path::Path;

pub(super) fn summarize(file: &Path, dim: Dim, format: Format, status: Option<String>, year: Option<String>, lang: Lang) -> Result<(), String> {
    let store = load_store(file)?;
    let mut filter = Filter::default();
    if let Some(s) = status {
        filter.measure = Measure::Stage(Status::parse(&s).ok_or_else(|| format!("--status {s}: expected pledged, committed or disbursed"))?);
    }
    if let Some(y) = year {
        let (from, to) = year_range("--year", &y)?;
        filter.year_from = Some(from);
        filter.year_to = Some(to);
    }
    let locale = PlainLocale { lang, currency: store.metadata.currency.clone() };
    let sel = query::select(&store, &filter);
    let query::Summary { groups, total, pledged } = query::summarize(&store, &sel, dim, filter.measure);
    let rows: Vec<(String, String, f64, u32)> = groups.iter().map(|g| (g.key.clone(), spec::label(&store, dim, &g.key, &locale), g.amount, g.count)).collect();
    match format {
        Format::Json => {
            let out = json!({
                "by": dim.id(),
                "currency": store.metadata.currency,
                "measure": filter.measure.id(),
                "total": total,
                "pledged": pledged,
                "groups": rows.iter().map(|(key, label, amount, count)| json!({"key": key, "label": label, "amount": amount, "count": count})).collect::<Vec<_>>(),
            });
            println!("{}", serde_json::to_string_pretty(&out).map_err(|e| e.to_string())?);
        }
        Format::Table => {
            let width = rows.iter().map(|r| r.1.chars().count()).max().unwrap_or(0).max(dim.id().len());
            println!("{:width$}  {:>20}  {:>8}", dim.id(), format!("amount ({})", store.metadata.currency), "count");
            for (_, label, amount, count) in &rows {
                println!("{label:width$}  {:>20}  {count:>8}", spec::group_thousands(*amount));
            }
            println!("{:width$}  {:>20}", format!("total ({})", filter.measure.id()), spec::group_thousands(total));
            if filter.measure == Measure::Funding && dim != Dim::Status {
                println!("{:width$}  {:>20}", "pledged (not in total)", spec::group_thousands(pledged));
            }
        }
    }
    Ok(())
}
