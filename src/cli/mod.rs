//! The `alianzas` command line: validate, import, summarise, compare, merge and serve datasets
//! with the same core the dashboard uses. One file per command; `args.rs` holds what clap parses.

mod args;
mod catalog;
mod diff;
mod import;
mod serve;
mod summarize;
mod validate;

use crate::core::format::dataset::Dataset;
use crate::core::format::validate as validation;
use crate::core::locale::lang::Lang;
use args::{Cli, Command};
use clap::Parser;
use std::path::Path;

/// "2020" or "2018-2020" → (from, to).
pub(super) fn year_range(flag: &str, text: &str) -> Result<(i32, i32), String> {
    let (from, to) = text.split_once('-').unwrap_or((text, text));
    let parse = |s: &str| s.trim().parse::<i32>().map_err(|_| format!("{flag} {text}: expected YEAR or FROM-TO"));
    Ok((parse(from)?, parse(to)?))
}

pub(super) fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("{}: cannot read: {e}", path.display()))
}

pub(super) fn lang(code: &str) -> Lang {
    Lang::parse(code).unwrap_or(Lang::En)
}

/// Runs the CLI and returns the process exit code.
pub fn run() -> i32 {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Validate { files, lang: l } => return validate::validate_files(&files, lang(&l)),
        Command::Import(args) => import::import(args),
        Command::Summarize { file, by, format, status, year, lang: l } => summarize::summarize(&file, by.dim(), format, status, year, lang(&l)),
        Command::Catalog { files, output, default } => catalog::catalog(&files, &output, default),
        Command::Diff { before, after, format } => diff::diff(&before, &after, format),
        Command::Serve { dir, port, address } => serve::serve(&dir, &address, port),
        Command::Merge { files, output, obligation, join_government_donors, meta } => (|| {
            let parts = files.iter().map(|f| load(f)).collect::<Result<Vec<_>, _>>()?;
            let mut metadata = meta.metadata(format!("alianzas {} merge", env!("CARGO_PKG_VERSION")));
            if let Some(first) = parts.first() {
                metadata.currency = first.metadata.currency.clone();
            }
            let merged = crate::core::tools::merge::merge(&parts, metadata, obligation.as_deref(), join_government_donors)?;
            let text = serde_json::to_string(&merged).map_err(|e| e.to_string())?;
            validation::parse_dataset(&text).map_err(|errors| {
                let first: Vec<String> = errors.iter().take(5).map(|e| format!("{}: {}", e.pointer, e.message(Lang::En))).collect();
                format!("the merged dataset does not validate ({} problems): {}", errors.len(), first.join("; "))
            })?;
            eprintln!("merged {} contributions and {} requirements into {}", merged.contributions.len(), merged.requirements.len(), output.display());
            write_dataset(&output, &merged)
        })(),
        Command::Generate { records, seed, output } => {
            let ds = crate::core::tools::synthetic::generate(records, seed);
            write_json(&output, &ds).map(|_| eprintln!("wrote {records} synthetic records to {}", output.display()))
        }
    };
    match result {
        Ok(()) => 0,
        Err(e) => {
            eprintln!("error: {e}");
            2
        }
    }
}

pub(super) fn load(path: &Path) -> Result<Dataset, String> {
    validation::parse_dataset(&read(path)?).map_err(|errors| {
        let first: Vec<String> = errors.iter().take(5).map(|e| format!("{}: {}", e.pointer, e.message(Lang::En))).collect();
        format!("{} is not a valid dataset ({} problems; run `alianzas validate`): {}", path.display(), errors.len(), first.join("; "))
    })
}

pub(super) fn write_json<T: serde::Serialize>(path: &Path, value: &T) -> Result<(), String> {
    let text = serde_json::to_string_pretty(value).map_err(|e| e.to_string())?;
    std::fs::write(path, text + "\n").map_err(|e| format!("{}: cannot write: {e}", path.display()))
}

/// Datasets are written compact: they travel over slow connections. Reports stay readable.
pub(super) fn write_dataset(path: &Path, ds: &Dataset) -> Result<(), String> {
    let text = serde_json::to_string(ds).map_err(|e| e.to_string())?;
    std::fs::write(path, text + "\n").map_err(|e| format!("{}: cannot write: {e}", path.display()))
}
