//! `alianzas diff`: what changed between two snapshots of a dataset.

use super::args::Format;
use super::load;
use crate::core::charts::spec;
use std::path::Path;

pub(super) fn diff(before: &Path, after: &Path, format: Format) -> Result<(), String> {
    let (a, b) = (load(before)?, load(after)?);
    if a.metadata.id != b.metadata.id {
        eprintln!("note: comparing different datasets ({} and {})", a.metadata.id, b.metadata.id);
    }
    let d = crate::core::tools::diff::compare(&a, &b);
    if format == Format::Json {
        println!("{}", serde_json::to_string_pretty(&d).map_err(|e| e.to_string())?);
        return Ok(());
    }
    let n = spec::group_thousands;
    println!("{} → {}", d.before_version, d.after_version);
    println!(
        "contributions: {} → {} ({} new, {} removed, {} changed)",
        d.totals_before.contributions,
        d.totals_after.contributions,
        d.added.len(),
        d.removed.len(),
        d.changed.len()
    );
    let c = &a.metadata.currency;
    for (name, x, y) in [
        ("funding (committed + disbursed)", d.totals_before.funding, d.totals_after.funding),
        ("pledged", d.totals_before.pledged, d.totals_after.pledged),
        ("committed", d.totals_before.committed, d.totals_after.committed),
        ("disbursed", d.totals_before.disbursed, d.totals_after.disbursed),
    ] {
        println!("{name:32} {c} {:>16} → {:>16}", n(x), n(y));
    }
    for ch in &d.changed {
        println!("changed {}: {} ({} {} → {} {})", ch.id, ch.fields.join(", "), ch.status_before, n(ch.amount_before), ch.status_after, n(ch.amount_after));
    }
    for id in &d.added {
        println!("new {id}");
    }
    for id in &d.removed {
        println!("removed {id}");
    }
    Ok(())
}
