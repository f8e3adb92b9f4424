//! The `alianzas` command line: validate, import, summarise and generate datasets with the same
//! core the dashboard uses.

use crate::core::codes::Status;
use crate::core::dataset::{Dataset, Metadata};
use crate::core::import::fts;
use crate::core::lang::Lang;
use crate::core::query::{self, Filter, Measure};
use crate::core::spec::{self, PlainLocale};
use crate::core::store::{Dim, Store};
use crate::core::validate;
use clap::{Parser, Subcommand, ValueEnum};
use serde_json::json;
use std::path::{Path, PathBuf};

#[derive(Parser)]
#[command(name = "alianzas", version, about = "Validate, import and summarise cooperation and assistance funding datasets")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check dataset files against format v1; lists every problem with its JSON pointer.
    Validate {
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Language of the messages: es, en, fr or ar.
        #[arg(long, default_value = "en")]
        lang: String,
    },
    /// Convert a published source into a dataset v1 file.
    Import(ImportArgs),
    /// Totals of a dataset grouped by one dimension.
    Summarize {
        file: PathBuf,
        #[arg(long, value_enum)]
        by: ByDim,
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
        /// Count only this stage (pledged, committed or disbursed) instead of funding.
        #[arg(long)]
        status: Option<String>,
        /// Only these years, e.g. 2020 or 2018-2020.
        #[arg(long)]
        year: Option<String>,
        #[arg(long, default_value = "en")]
        lang: String,
    },
    /// What changed between two snapshots of a dataset: new, removed and changed contributions, totals.
    Diff {
        before: PathBuf,
        after: PathBuf,
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Write the catalog of bundled datasets (paths relative to the catalog's folder).
    Catalog {
        #[arg(required = true)]
        files: Vec<PathBuf>,
        #[arg(short, long)]
        output: PathBuf,
        /// Id of the dataset shown by default (else the first).
        #[arg(long)]
        default: Option<String>,
    },
    /// Write a deterministic SYNTHETIC dataset, for benchmarks and scale tests only.
    Generate {
        #[arg(long)]
        records: usize,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        #[arg(short, long)]
        output: PathBuf,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum Source {
    Fts,
}

#[derive(Clone, Copy, ValueEnum)]
enum ByDim {
    Obligation,
    Region,
    Recipient,
    Donor,
    Model,
    Kind,
    Status,
    Year,
}

impl ByDim {
    fn dim(self) -> Dim {
        match self {
            ByDim::Obligation => Dim::Obligation,
            ByDim::Region => Dim::Region,
            ByDim::Recipient => Dim::Recipient,
            ByDim::Donor => Dim::Donor,
            ByDim::Model => Dim::Model,
            ByDim::Kind => Dim::Kind,
            ByDim::Status => Dim::Status,
            ByDim::Year => Dim::Year,
        }
    }
}

#[derive(Clone, Copy, ValueEnum, PartialEq)]
enum Format {
    Json,
    Table,
}

#[derive(clap::Args)]
struct ImportArgs {
    #[arg(long, value_enum)]
    from: Source,
    #[arg(required = true)]
    files: Vec<PathBuf>,
    #[arg(short, long)]
    output: PathBuf,
    /// Write the import report (read, imported, skipped, rejected) as JSON here.
    #[arg(long)]
    report: Option<PathBuf>,
    /// FTS `/v1/public/location` response, to map location ids to ISO3 codes.
    #[arg(long)]
    locations: Option<PathBuf>,
    /// FTS plan overview response: requirements of the plans the flows fund become needs.
    #[arg(long)]
    plans: Option<PathBuf>,
    #[arg(long)]
    id: String,
    #[arg(long)]
    title: String,
    #[arg(long)]
    description: Option<String>,
    #[arg(long, default_value = "OCHA Financial Tracking Service (FTS)")]
    publisher: String,
    #[arg(long)]
    source_url: String,
    #[arg(long)]
    licence: String,
    #[arg(long)]
    licence_url: Option<String>,
    #[arg(long, default_value = "USD")]
    currency: String,
    /// Date the figures describe; defaults to the latest flow update in the input.
    #[arg(long)]
    data_as_of: Option<String>,
    /// Date the source was downloaded.
    #[arg(long)]
    retrieved: Option<String>,
    #[arg(long)]
    dataset_version: String,
}

fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("{}: cannot read: {e}", path.display()))
}

fn lang(code: &str) -> Lang {
    Lang::parse(code).unwrap_or(Lang::En)
}

/// Runs the CLI and returns the process exit code.
pub fn run() -> i32 {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Validate { files, lang: l } => return validate_files(&files, lang(&l)),
        Command::Import(args) => import(args),
        Command::Summarize { file, by, format, status, year, lang: l } => summarize(&file, by.dim(), format, status, year, lang(&l)),
        Command::Catalog { files, output, default } => catalog(&files, &output, default),
        Command::Diff { before, after, format } => diff(&before, &after, format),
        Command::Generate { records, seed, output } => {
            let ds = crate::core::generate::generate(records, seed);
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

fn validate_files(files: &[PathBuf], lang: Lang) -> i32 {
    let mut code = 0;
    for f in files {
        let text = match read(f) {
            Ok(t) => t,
            Err(e) => {
                println!("{e}");
                code = 1;
                continue;
            }
        };
        match validate::parse_dataset(&text) {
            Ok(ds) => println!("{}: valid ({} contributions, {} requirements)", f.display(), ds.contributions.len(), ds.requirements.len()),
            Err(errors) => {
                code = 1;
                println!("{}: {} problem(s)", f.display(), errors.len());
                for e in errors {
                    let at = if e.pointer.is_empty() { "/".to_string() } else { e.pointer.clone() };
                    println!("  {at}: {}", e.message(lang));
                }
            }
        }
    }
    code
}

fn load(path: &Path) -> Result<Dataset, String> {
    validate::parse_dataset(&read(path)?).map_err(|errors| {
        let first: Vec<String> = errors.iter().take(5).map(|e| format!("{}: {}", e.pointer, e.message(Lang::En))).collect();
        format!("{} is not a valid dataset ({} problems; run `alianzas validate`): {}", path.display(), errors.len(), first.join("; "))
    })
}

fn write_json<T: serde::Serialize>(path: &Path, value: &T) -> Result<(), String> {
    let text = serde_json::to_string_pretty(value).map_err(|e| e.to_string())?;
    std::fs::write(path, text + "\n").map_err(|e| format!("{}: cannot write: {e}", path.display()))
}

fn import(args: ImportArgs) -> Result<(), String> {
    let texts: Vec<(String, String)> =
        args.files.iter().map(|f| Ok((f.file_name().unwrap_or_default().to_string_lossy().into_owned(), read(f)?))).collect::<Result<_, String>>()?;
    let inputs: Vec<fts::Input> = texts.iter().map(|(name, text)| fts::Input { name, text }).collect();
    let metadata = Metadata {
        id: args.id,
        title: args.title,
        description: args.description,
        publisher: args.publisher,
        source_url: args.source_url,
        licence: args.licence,
        licence_url: args.licence_url,
        currency: args.currency,
        data_as_of: args.data_as_of.unwrap_or_default(),
        retrieved: args.retrieved,
        dataset_version: args.dataset_version,
        generator: Some(format!("alianzas {} import --from fts", env!("CARGO_PKG_VERSION"))),
    };
    let options = fts::Options {
        metadata,
        locations: args.locations.as_deref().map(read).transpose()?,
        plans: args.plans.as_deref().map(read).transpose()?,
    };
    let imported = match args.from {
        Source::Fts => fts::import(&inputs, options)?,
    };
    // What we write must pass our own validation.
    let text = serde_json::to_string(&imported.dataset).map_err(|e| e.to_string())?;
    if let Err(errors) = validate::parse_dataset(&text) {
        return Err(format!("the imported dataset does not validate: {} (first: {:?})", errors.len(), errors.first()));
    }
    write_json(&args.output, &imported.dataset)?;
    let r = &imported.report;
    eprintln!(
        "read {}, imported {}, skipped {}, rejected {}; {} requirement(s); wrote {}",
        r.read,
        r.imported,
        r.skipped_total(),
        r.rejected.len(),
        imported.dataset.requirements.len(),
        args.output.display()
    );
    for (name, n) in &imported.unmapped_clusters {
        eprintln!("note: cluster {name:?} has no obligation mapping ({n} flows counted as unspecified)");
    }
    if let Some(path) = args.report {
        write_json(&path, r)?;
    }
    Ok(())
}

fn summarize(file: &Path, dim: Dim, format: Format, status: Option<String>, year: Option<String>, lang: Lang) -> Result<(), String> {
    let ds = load(file)?;
    let store = Store::from_dataset(&ds);
    let mut filter = Filter::default();
    if let Some(s) = status {
        filter.measure = Measure::Stage(Status::parse(&s).ok_or_else(|| format!("--status {s}: expected pledged, committed or disbursed"))?);
    }
    if let Some(y) = year {
        let (from, to) = y.split_once('-').unwrap_or((&y, &y));
        let parse = |s: &str| s.trim().parse::<i32>().map_err(|_| format!("--year {y}: expected YEAR or FROM-TO"));
        filter.year_from = Some(parse(from)?);
        filter.year_to = Some(parse(to)?);
    }
    let locale = PlainLocale { lang, currency: ds.metadata.currency.clone() };
    let sel = query::select(&store, &filter);
    let groups: Vec<query::Group> = if dim == Dim::Status {
        // Each stage on its own: the stages of the pipeline are never added together.
        Status::ALL
            .iter()
            .filter(|&&s| filter.measure == Measure::Funding || filter.measure == Measure::Stage(s))
            .flat_map(|&s| query::group_by(&store, &sel, Dim::Status, Measure::Stage(s), None).groups)
            .collect()
    } else {
        query::group_by(&store, &sel, dim, filter.measure, None).groups
    };
    let pledged = query::pipeline(&store, &sel)[Status::Pledged as usize];
    let total = if dim == Dim::Status {
        groups.iter().filter(|g| filter.measure.includes(Status::parse(&g.key).unwrap_or(Status::Pledged))).map(|g| g.amount).sum()
    } else {
        groups.iter().map(|g| g.amount).sum::<f64>()
    };
    let rows: Vec<(String, String, f64, u32)> =
        groups.iter().map(|g| (g.key.clone(), spec::label(&store, dim, &g.key, &locale), g.amount, g.count)).collect();
    match format {
        Format::Json => {
            let out = json!({
                "by": dim.id(),
                "currency": ds.metadata.currency,
                "measure": filter.measure.id(),
                "total": total,
                "pledged": pledged,
                "groups": rows.iter().map(|(key, label, amount, count)| json!({"key": key, "label": label, "amount": amount, "count": count})).collect::<Vec<_>>(),
            });
            println!("{}", serde_json::to_string_pretty(&out).map_err(|e| e.to_string())?);
        }
        Format::Table => {
            let width = rows.iter().map(|r| r.1.chars().count()).max().unwrap_or(0).max(dim.id().len());
            println!("{:width$}  {:>20}  {:>8}", dim.id(), format!("amount ({})", ds.metadata.currency), "count");
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

fn catalog(files: &[PathBuf], output: &Path, default: Option<String>) -> Result<(), String> {
    let base = output.parent().unwrap_or(Path::new("."));
    let relative = |p: &Path| -> String {
        p.strip_prefix(base).unwrap_or(p).to_string_lossy().replace('\\', "/")
    };
    let mut datasets = Vec::new();
    for f in files {
        let ds = load(f)?;
        let report = f.with_file_name(format!("{}.report.json", f.file_stem().unwrap_or_default().to_string_lossy()));
        let report = report.exists().then(|| relative(&report));
        datasets.push(crate::core::catalog::Entry::new(&ds, relative(f), report));
    }
    let default = match default {
        Some(id) if datasets.iter().any(|d| d.id == id) => id,
        Some(id) => return Err(format!("--default {id}: no such dataset among the files")),
        None => datasets[0].id.clone(),
    };
    write_json(output, &crate::core::catalog::Catalog { default, datasets })
}

fn diff(before: &Path, after: &Path, format: Format) -> Result<(), String> {
    let (a, b) = (load(before)?, load(after)?);
    if a.metadata.id != b.metadata.id {
        eprintln!("note: comparing different datasets ({} and {})", a.metadata.id, b.metadata.id);
    }
    let d = crate::core::diff::compare(&a, &b);
    if format == Format::Json {
        println!("{}", serde_json::to_string_pretty(&d).map_err(|e| e.to_string())?);
        return Ok(());
    }
    let n = spec::group_thousands;
    println!("{} → {}", d.before_version, d.after_version);
    println!("contributions: {} → {} ({} new, {} removed, {} changed)", d.totals_before.contributions, d.totals_after.contributions, d.added.len(), d.removed.len(), d.changed.len());
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
