//! `alianzas catalog`: the list of bundled datasets the dashboard offers.

use super::{load, write_json};
use std::path::{Path, PathBuf};

pub(super) fn catalog(files: &[PathBuf], output: &Path, default: Option<String>, translations: Option<&Path>) -> Result<(), String> {
    let base = output.parent().unwrap_or(Path::new("."));
    let relative = |p: &Path| -> String { p.strip_prefix(base).unwrap_or(p).to_string_lossy().replace('\\', "/") };
    let mut datasets = Vec::new();
    for f in files {
        let ds = load(f)?;
        let report = f.with_file_name(format!("{}.report.json", f.file_stem().unwrap_or_default().to_string_lossy()));
        let report = report.exists().then(|| relative(&report));
        let mut entry = crate::core::format::catalog::Entry::new(&ds, relative(f), report);
        entry.key_figure = Some(key_figure(&ds));
        datasets.push(entry);
    }
    let mut datasets = crate::core::format::catalog::group_versions(datasets);
    if let Some(path) = translations {
        let text = super::read(path)?;
        let all: serde_json::Map<String, serde_json::Value> = serde_json::from_str(&text).map_err(|e| format!("{}: not valid JSON: {e}", path.display()))?;
        for (id, langs) in all.iter().filter(|(id, _)| !id.starts_with('_')) {
            let entry = datasets.iter_mut().find(|d| &d.id == id).ok_or_else(|| format!("{}: {id} is not among the catalog's datasets", path.display()))?;
            entry.translations = serde_json::from_value(langs.clone()).map_err(|e| format!("{}: {id}: {e}", path.display()))?;
            if let Some(lang) = entry.translations.keys().find(|l| crate::core::locale::lang::Lang::parse(l).is_none()) {
                return Err(format!("{}: {id}: {lang:?} is not a language of the dashboard (es, en, fr, ar)", path.display()));
            }
        }
    }
    let default = match default {
        Some(id) if datasets.iter().any(|d| d.id == id) => id,
        Some(id) => return Err(format!("--default {id}: no such dataset among the files")),
        None => datasets[0].id.clone(),
    };
    write_json(output, &crate::core::format::catalog::Catalog { default, datasets })
}

/// The figure a catalog card shows: funding as the dashboard's headline computes it, else the needs.
fn key_figure(ds: &crate::core::format::dataset::Dataset) -> crate::core::format::catalog::KeyFigure {
    use crate::core::analysis::{query, store::Store};
    let store = Store::from_dataset(ds);
    let headline = query::headline(&store, &query::select(&store, &query::Filter::default()));
    let (kind, amount) = if headline.funding_reported { ("funding", headline.funding) } else { ("required", ds.requirements.iter().map(|r| r.amount).sum()) };
    crate::core::format::catalog::KeyFigure { kind: kind.into(), amount, currency: ds.metadata.currency.clone() }
}
