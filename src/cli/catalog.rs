//! `alianzas catalog`: the list of bundled datasets the dashboard offers.

use super::{load, write_json};
use std::path::{Path, PathBuf};

pub(super) fn catalog(files: &[PathBuf], output: &Path, default: Option<String>) -> Result<(), String> {
    let base = output.parent().unwrap_or(Path::new("."));
    let relative = |p: &Path| -> String { p.strip_prefix(base).unwrap_or(p).to_string_lossy().replace('\\', "/") };
    let mut datasets = Vec::new();
    for f in files {
        let ds = load(f)?;
        let report = f.with_file_name(format!("{}.report.json", f.file_stem().unwrap_or_default().to_string_lossy()));
        let report = report.exists().then(|| relative(&report));
        datasets.push(crate::core::format::catalog::Entry::new(&ds, relative(f), report));
    }
    let datasets = crate::core::format::catalog::group_versions(datasets);
    let default = match default {
        Some(id) if datasets.iter().any(|d| d.id == id) => id,
        Some(id) => return Err(format!("--default {id}: no such dataset among the files")),
        None => datasets[0].id.clone(),
    };
    write_json(output, &crate::core::format::catalog::Catalog { default, datasets })
}
