//! The `alianzas` command line: validate, import, summarise, compare, merge and serve datasets
//! with the same core the dashboard uses. One file per command; `args.rs` holds what clap parses.

mod args;
mod catalog;
mod diff;
mod first_screen;
mod import;
mod release;
mod serve;
mod summarize;
mod validate;

use crate::core::analysis::store::Store;
use crate::core::format::columnar;
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
        Command::Catalog { files, output, default, translations } => catalog::catalog(&files, &output, default, translations.as_deref()),
        Command::Diff { before, after, format } => diff::diff(&before, &after, format),
        Command::FirstScreen { catalog } => first_screen::first_screen(&catalog),
        Command::Serve { dir, port, address } => serve::serve(&dir, &address, port),
        Command::Merge { files, output, obligation, join_government_donors, reports, report, meta } => (|| {
            let parts = files.iter().map(|f| load(f)).collect::<Result<Vec<_>, _>>()?;
            let mut metadata = meta.metadata(format!("alianzas {} merge", env!("CARGO_PKG_VERSION")));
            if let Some(first) = parts.first() {
                metadata.currency = first.metadata.currency.clone();
                if metadata.data_as_of.is_empty() {
                    metadata.data_as_of = parts.iter().map(|p| p.metadata.data_as_of.clone()).max().unwrap_or_default();
                }
            }
            complete_metadata(&mut metadata, &output, "merged datasets")?;
            let options = crate::core::tools::merge::MergeOptions { obligation, join_government_donors };
            let merged = crate::core::tools::merge::merge(&parts, metadata, &options)?;
            if let Some(out) = &report {
                if reports.len() != files.len() {
                    return Err(format!("--report needs one --reports file per dataset: {} datasets, {} reports", files.len(), reports.len()));
                }
                let parts = reports
                    .iter()
                    .map(|p| serde_json::from_str(&read(p)?).map_err(|e| format!("{}: not an import report: {e}", p.display())))
                    .collect::<Result<Vec<crate::core::import::ImportReport>, String>>()?;
                write_json(out, &crate::core::import::ImportReport::combine(&parts))?;
            }
            let text = serde_json::to_string(&merged).map_err(|e| e.to_string())?;
            validation::parse_dataset(&text).map_err(|errors| format!("the merged dataset is not valid. {}", problems_in_words(&errors)))?;
            eprintln!("merged {} contributions and {} requirements into {}", merged.contributions.len(), merged.requirements.len(), output.display());
            write_dataset(&output, &merged)
        })(),
        Command::Generate { records, seed, output, encoding } => {
            let ds = crate::core::tools::synthetic::generate(records, seed);
            let written = match encoding {
                args::Encoding::Json => write_json(&output, &ds),
                args::Encoding::Columnar => write_columnar(&output, &ds),
            };
            written.map(|_| eprintln!("wrote {records} synthetic records to {}", output.display()))
        }
        Command::Convert { input, to, output } => load(&input).and_then(|ds| {
            match to {
                args::Encoding::Json => write_dataset(&output, &ds)?,
                args::Encoding::Columnar => write_columnar(&output, &ds)?,
            }
            let size = |p: &Path| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0);
            eprintln!("wrote {} contributions to {} ({} bytes; {} before)", ds.contributions.len(), output.display(), size(&output), size(&input));
            Ok(())
        }),
    };
    match result {
        Ok(()) => 0,
        Err(e) => {
            // Every message ends as a sentence does.
            let stop = if e.ends_with(['.', '?', '!']) { "" } else { "." };
            eprintln!("error: {e}{stop}");
            2
        }
    }
}

pub(super) fn load(path: &Path) -> Result<Dataset, String> {
    validation::parse_dataset(&read(path)?).map_err(|errors| not_valid(path, &errors))
}

/// The store of a dataset file; a file in the columnar encoding goes into it as its columns are, as
/// in the page, so a million records are never a million objects.
pub(super) fn load_store(path: &Path) -> Result<Store, String> {
    let text = read(path)?;
    let store = if columnar::looks_columnar(&text) {
        validation::parse_columnar_checked(&text).map(|doc| Store::from_columnar(&doc))
    } else {
        validation::parse_dataset(&text).map(|ds| Store::from_dataset(&ds))
    };
    store.map_err(|errors| not_valid(path, &errors))
}

fn not_valid(path: &Path, errors: &[validation::ValidationError]) -> String {
    format!("{} is not a valid dataset. {} Run `alianzas validate {}` to list them all.", path.display(), problems_in_words(errors), path.display())
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

/// A dataset in the columnar encoding, compact, its indexes packed (the fastest to read).
pub(super) fn write_columnar(path: &Path, ds: &Dataset) -> Result<(), String> {
    let text = serde_json::to_string(&crate::core::format::columnar::encode_packed(ds)).map_err(|e| e.to_string())?;
    std::fs::write(path, text + "\n").map_err(|e| format!("{}: cannot write: {e}", path.display()))
}

/// Validation problems as sentences a publisher can act on: where, what, and for metadata the flag
/// that sets it ("/metadata/data_as_of: this value must not be empty; give --data-as-of").
pub(super) fn problems_in_words(errors: &[validation::ValidationError]) -> String {
    let listed: Vec<String> = errors
        .iter()
        .take(5)
        .map(|e| {
            let at = if e.pointer.is_empty() { "the file".to_string() } else { e.pointer.clone() };
            let flag = e.pointer.strip_prefix("/metadata/").filter(|f| !f.contains('/')).map(|f| format!(" (set it with --{})", f.replace('_', "-")));
            format!("{at}: {}{}", e.message(Lang::En), flag.unwrap_or_default())
        })
        .collect();
    let more = errors.len().saturating_sub(listed.len());
    let tail = if more > 0 { format!("; and {more} more") } else { String::new() };
    format!("{} problem{}: {}{tail}.", errors.len(), if errors.len() == 1 { "" } else { "s" }, listed.join("; "))
}

/// Fills what a dataset's metadata can default to — the id from the output file's name, the title
/// from the publisher and the input, the version from the data date — and names, with the flag to
/// give, every field still unknown.
pub(super) fn complete_metadata(m: &mut crate::core::format::dataset::Metadata, output: &Path, input: &str) -> Result<(), String> {
    if m.id.is_empty() {
        m.id = crate::core::import::slug(&output.file_stem().unwrap_or_default().to_string_lossy());
    }
    if m.title.is_empty() && !m.publisher.is_empty() {
        m.title = format!("{}: {input}", m.publisher);
    }
    if m.dataset_version.is_empty() {
        m.dataset_version = m.data_as_of.clone();
    }
    let missing: Vec<&str> = [
        (m.publisher.is_empty(), "--publisher (who published the figures)"),
        (m.source_url.is_empty(), "--source-url (where readers find the source)"),
        (m.licence.is_empty(), "--licence (the publisher's terms of reuse, e.g. as its IATI Registry page states them)"),
        (m.title.is_empty(), "--title"),
        (m.data_as_of.is_empty(), "--data-as-of (the date the figures describe, YYYY-MM-DD)"),
    ]
    .into_iter()
    .filter_map(|(missing, flag)| missing.then_some(flag))
    .collect();
    if missing.is_empty() {
        Ok(())
    } else {
        Err(format!("The source does not state everything a dataset must say about itself; give {}", missing.join(", ")))
    }
}
