//! The `alianzas` command line: validate, import, summarise and generate datasets with the same
//! core the dashboard uses.

use crate::core::format::codes::Status;
use crate::core::format::dataset::{Dataset, Metadata};
use crate::core::import::{csv, fts, hxl, iati, ImportReport, Imported};
use crate::core::locale::lang::Lang;
use crate::core::analysis::query::{self, Filter, Measure};
use crate::core::charts::spec::{self, PlainLocale};
use crate::core::analysis::store::{Dim, Store};
use crate::core::format::validate;
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
    /// Several datasets as one (ids prefixed by each source's id), optionally one obligation only.
    Merge {
        #[arg(required = true)]
        files: Vec<PathBuf>,
        #[arg(short, long)]
        output: PathBuf,
        /// Keep only this obligation (the share of each contribution for it).
        #[arg(long)]
        obligation: Option<String>,
        /// One donor per government across sources: donors of type government with a `country`
        /// get the id gov-ISO3 and the country's name.
        #[arg(long)]
        join_government_donors: bool,
        #[command(flatten)]
        meta: MetadataArgs,
    },
    /// Serve a built site (default: dist) on this computer, for offline viewing without any other server.
    Serve {
        #[arg(default_value = "dist")]
        dir: PathBuf,
        #[arg(long, default_value_t = 8080)]
        port: u16,
        /// Address to listen on; loopback unless you choose otherwise.
        #[arg(long, default_value = "127.0.0.1")]
        address: String,
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
    /// OCHA FTS flow JSON (custom-search pages).
    Fts,
    /// HXL-tagged CSV (FTS flows, FTS requirements and funding).
    Hxl,
    /// Plain CSV with a column map (--map, --where).
    Csv,
    /// IATI activity XML 2.01–2.03.
    Iati,
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
    /// hxl, iati: keep only these recipient countries (ISO3, comma-separated).
    #[arg(long, value_delimiter = ',')]
    countries: Vec<String>,
    /// hxl: keep only these years, e.g. 2015-2025 or 2023.
    #[arg(long)]
    years: Option<String>,
    /// csv: COLUMN=FIELD or FIELD:=VALUE (repeatable); see docs/importers.md.
    #[arg(long = "map")]
    map: Vec<String>,
    /// csv: keep only rows where COLUMN=VALUE (repeatable).
    #[arg(long = "where")]
    where_: Vec<String>,
    /// iati: keep only activities whose iati-identifier equals or starts with one of these (repeatable, comma-separated).
    #[arg(long, value_delimiter = ',')]
    activities: Vec<String>,
    /// iati: turn activity budgets into requirements (needs).
    #[arg(long)]
    budgets: bool,
    /// iati: keep only the budgets (needs) of these years, e.g. 2023 or 2023-2024.
    #[arg(long)]
    budget_years: Option<String>,
    /// iati: conversion rate to the dataset currency, CUR=RATE (repeatable), e.g. EUR=1.0813.
    #[arg(long = "rate")]
    rates: Vec<String>,
    /// One donor per government: donors of type government with a country get the id gov-ISO3
    /// and the country's name (several agencies of one state become that state).
    #[arg(long)]
    join_government_donors: bool,
    #[command(flatten)]
    meta: MetadataArgs,
}

/// What every written dataset says about itself (docs/dataset-format.md, `metadata`).
#[derive(clap::Args, Clone)]
struct MetadataArgs {
    #[arg(long)]
    id: String,
    #[arg(long)]
    title: String,
    #[arg(long)]
    description: Option<String>,
    #[arg(long)]
    publisher: String,
    #[arg(long)]
    source_url: String,
    #[arg(long)]
    licence: String,
    #[arg(long)]
    licence_url: Option<String>,
    #[arg(long, default_value = "USD")]
    currency: String,
    /// Date the figures describe; importers default to the latest date in their input.
    #[arg(long)]
    data_as_of: Option<String>,
    /// Date the source was downloaded.
    #[arg(long)]
    retrieved: Option<String>,
    #[arg(long)]
    dataset_version: String,
}

impl MetadataArgs {
    fn metadata(&self, generator: String) -> Metadata {
        Metadata {
            id: self.id.clone(),
            title: self.title.clone(),
            description: self.description.clone(),
            publisher: self.publisher.clone(),
            source_url: self.source_url.clone(),
            licence: self.licence.clone(),
            licence_url: self.licence_url.clone(),
            currency: self.currency.clone(),
            data_as_of: self.data_as_of.clone().unwrap_or_default(),
            retrieved: self.retrieved.clone(),
            dataset_version: self.dataset_version.clone(),
            generator: Some(generator),
            not_recorded: Vec::new(),
        }
    }
}

/// "2020" or "2018-2020" → (from, to).
fn year_range(flag: &str, text: &str) -> Result<(i32, i32), String> {
    let (from, to) = text.split_once('-').unwrap_or((text, text));
    let parse = |s: &str| s.trim().parse::<i32>().map_err(|_| format!("{flag} {text}: expected YEAR or FROM-TO"));
    Ok((parse(from)?, parse(to)?))
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
        Command::Serve { dir, port, address } => serve(&dir, &address, port),
        Command::Merge { files, output, obligation, join_government_donors, meta } => (|| {
            let parts = files.iter().map(|f| load(f)).collect::<Result<Vec<_>, _>>()?;
            let mut metadata = meta.metadata(format!("alianzas {} merge", env!("CARGO_PKG_VERSION")));
            if let Some(first) = parts.first() {
                metadata.currency = first.metadata.currency.clone();
            }
            let merged = crate::core::tools::merge::merge(&parts, metadata, obligation.as_deref(), join_government_donors)?;
            let text = serde_json::to_string(&merged).map_err(|e| e.to_string())?;
            validate::parse_dataset(&text).map_err(|e| format!("the merged dataset does not validate: {:?}", e.first()))?;
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

/// Datasets are written compact: they travel over slow connections. Reports stay readable.
fn write_dataset(path: &Path, ds: &Dataset) -> Result<(), String> {
    let text = serde_json::to_string(ds).map_err(|e| e.to_string())?;
    std::fs::write(path, text + "\n").map_err(|e| format!("{}: cannot write: {e}", path.display()))
}

fn import(args: ImportArgs) -> Result<(), String> {
    let texts: Vec<(String, String)> =
        args.files.iter().map(|f| Ok((f.file_name().unwrap_or_default().to_string_lossy().into_owned(), read(f)?))).collect::<Result<_, String>>()?;
    let inputs: Vec<fts::Input> = texts.iter().map(|(name, text)| fts::Input { name, text }).collect();
    let source = args.from.to_possible_value().map(|v| v.get_name().to_string()).unwrap_or_default();
    let metadata = args.meta.metadata(format!("alianzas {} import --from {source}", env!("CARGO_PKG_VERSION")));
    let single = || -> Result<&(String, String), String> {
        match texts.as_slice() {
            [one] => Ok(one),
            _ => Err("this importer reads one file at a time".into()),
        }
    };
    let years = args
        .years
        .as_deref()
        .map(|y| year_range("--years", y))
        .transpose()?;
    let (dataset, report, notes) = match args.from {
        Source::Fts => {
            let options = fts::Options {
                metadata,
                locations: args.locations.as_deref().map(read).transpose()?,
                plans: args.plans.as_deref().map(read).transpose()?,
            };
            let i = fts::import(&inputs, options)?;
            let notes = i.unmapped.iter().map(|(name, n)| format!("cluster {name:?} has no obligation mapping ({n} flows counted as unspecified)")).collect();
            (i.dataset, i.report, notes)
        }
        Source::Hxl => {
            let (name, text) = single()?;
            let options = hxl::HxlOptions { metadata, countries: args.countries.clone(), year_from: years.map(|y| y.0), year_to: years.map(|y| y.1) };
            let i = hxl::import_hxl(text.as_bytes(), name, options)?;
            (i.dataset, i.report, i.notes)
        }
        Source::Csv => {
            let (name, text) = single()?;
            let filters = args.where_.iter().map(|w| csv::RowFilter::parse(w)).collect::<Result<Vec<_>, _>>()?;
            let options = csv::CsvOptions { metadata, map: csv::ColumnMap::parse(&args.map)?, filters };
            let i = csv::import_csv(text.as_bytes(), name, options)?;
            (i.dataset, i.report, i.notes)
        }
        Source::Iati => import_iati(single()?, metadata, &args)?,
    };
    let mut imported = Imported { dataset, report, notes: Vec::new(), unmapped: Default::default() };
    if args.join_government_donors {
        for c in &mut imported.dataset.contributions {
            crate::core::tools::merge::join_government_donor(&mut c.donor);
        }
    }
    for note in &notes {
        eprintln!("note: {note}");
    }
    // What we write must pass our own validation.
    let text = serde_json::to_string(&imported.dataset).map_err(|e| e.to_string())?;
    if let Err(errors) = validate::parse_dataset(&text) {
        return Err(format!("the imported dataset does not validate: {} (first: {:?})", errors.len(), errors.first()));
    }
    write_dataset(&args.output, &imported.dataset)?;
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
        let (from, to) = year_range("--year", &y)?;
        filter.year_from = Some(from);
        filter.year_to = Some(to);
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
        datasets.push(crate::core::format::catalog::Entry::new(&ds, relative(f), report));
    }
    let default = match default {
        Some(id) if datasets.iter().any(|d| d.id == id) => id,
        Some(id) => return Err(format!("--default {id}: no such dataset among the files")),
        None => datasets[0].id.clone(),
    };
    write_json(output, &crate::core::format::catalog::Catalog { default, datasets })
}

fn diff(before: &Path, after: &Path, format: Format) -> Result<(), String> {
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

fn import_iati((name, text): &(String, String), metadata: Metadata, args: &ImportArgs) -> Result<(Dataset, ImportReport, Vec<String>), String> {
    let rates = args
        .rates
        .iter()
        .map(|r| {
            let (currency, rate) = r.split_once('=').ok_or_else(|| format!("--rate {r}: expected CUR=RATE"))?;
            let to_dataset_currency = rate.trim().parse().map_err(|_| format!("--rate {r}: {rate} is not a number"))?;
            Ok(iati::Rate { currency: currency.trim().to_uppercase(), to_dataset_currency })
        })
        .collect::<Result<Vec<_>, String>>()?;
    let options = iati::Options {
        metadata,
        activity_filter: (!args.activities.is_empty()).then(|| args.activities.clone()),
        budgets_as_requirements: args.budgets,
        rates,
    };
    let mut i = iati::import(std::io::BufReader::new(text.as_bytes()), name, options)?;
    let mut notes = i.notes;
    if let Some(y) = &args.budget_years {
        let (from, to) = year_range("--budget-years", y)?;
        let before = i.dataset.requirements.len();
        i.dataset.requirements.retain(|r| (from..=to).contains(&r.year));
        notes.push(format!("{} budget(s) outside {from}–{to} left out", before - i.dataset.requirements.len()));
    }
    notes.extend(i.unmapped.iter().map(|(code, n)| format!("sector {code} has no obligation mapping ({n} counted as unspecified)")));
    Ok((i.dataset, i.report, notes))
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json",
        "wasm" => "application/wasm",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "md" => "text/markdown; charset=utf-8",
        "csv" => "text/csv; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// A static file server for the built site (tiny_http), GET and HEAD only, never outside `dir`.
fn serve(dir: &Path, address: &str, port: u16) -> Result<(), String> {
    let root = dir.canonicalize().map_err(|e| format!("{}: {e}", dir.display()))?;
    let server = tiny_http::Server::http((address, port)).map_err(|e| format!("cannot listen on {address}:{port}: {e}"))?;
    let bound = server.server_addr().to_ip().map(|a| a.to_string()).unwrap_or_default();
    println!("Serving {} at http://{bound}/ (Ctrl+C to stop)", root.display());
    use std::io::Write;
    let _ = std::io::stdout().flush();
    for request in server.incoming_requests() {
        let path = request.url().split(['?', '#']).next().unwrap_or("/").to_string();
        let decoded = form_urlencoded::parse(format!("p={}", path.replace('+', "%2B")).as_bytes()).next().map(|(_, v)| v.into_owned()).unwrap_or_default();
        let mut file = root.join(decoded.trim_start_matches('/'));
        if file.is_dir() {
            file = file.join("index.html");
        }
        let allowed = matches!(request.method(), tiny_http::Method::Get | tiny_http::Method::Head);
        let response = match file.canonicalize() {
            Ok(f) if allowed && f.starts_with(&root) && f.is_file() => match std::fs::read(&f) {
                Ok(body) => {
                    let header = tiny_http::Header::from_bytes("Content-Type", content_type(&f)).expect("static header");
                    request.respond(tiny_http::Response::from_data(body).with_header(header))
                }
                Err(_) => request.respond(tiny_http::Response::from_string("cannot read").with_status_code(500)),
            },
            _ if !allowed => request.respond(tiny_http::Response::from_string("method not allowed").with_status_code(405)),
            _ => request.respond(tiny_http::Response::from_string("not found").with_status_code(404)),
        };
        let _ = response;
    }
    Ok(())
}
