//! `alianzas import`: a published file (FTS JSON, IATI XML, HXL or plain CSV, an AidData release) → a dataset and its
//! import report, which accounts for every record read.

use super::args::{ImportArgs, Source};
use super::{read, write_dataset, write_json, year_range};
use crate::core::format::dataset::{Dataset, Metadata};
use crate::core::format::validate;
use crate::core::import::rates::RateTable;
use crate::core::import::{aiddata, csv, fts, hxl, iati, ImportReport, Imported};
use clap::ValueEnum;

pub(super) fn import(args: ImportArgs) -> Result<(), String> {
    let file_name = |f: &std::path::PathBuf| f.file_name().unwrap_or_default().to_string_lossy().into_owned();
    // Files are streamed (a gigabyte and more), except FTS snapshot series, which are read whole.
    let texts: Vec<(String, String)> = if !matches!(args.from, Source::FtsSnapshots) {
        args.files.iter().map(|f| (file_name(f), String::new())).collect()
    } else {
        args.files.iter().map(|f| Ok((file_name(f), read(f)?))).collect::<Result<_, String>>()?
    };
    let source = args.from.to_possible_value().map(|v| v.get_name().to_string()).unwrap_or_default();
    let mut metadata = args.meta.metadata(format!("alianzas {} import --from {source}", env!("CARGO_PKG_VERSION")));
    // What the source itself states, unless the publisher says otherwise.
    if matches!(args.from, Source::Fts | Source::FtsSnapshots) {
        let fill = |field: &mut String, value: &str| {
            if field.is_empty() {
                *field = value.to_string();
            }
        };
        fill(&mut metadata.publisher, "OCHA Financial Tracking Service (FTS)");
        fill(&mut metadata.source_url, "https://fts.unocha.org");
        fill(&mut metadata.licence, "Open data; cite “OCHA Financial Tracking Service (fts.unocha.org)”");
    }
    let single = || -> Result<&(String, String), String> {
        match texts.as_slice() {
            [one] => Ok(one),
            _ => Err("this importer reads one file at a time".into()),
        }
    };
    let single_file = || -> Result<(String, std::io::BufReader<std::fs::File>), String> {
        let [path] = args.files.as_slice() else { return Err("this importer reads one file at a time".into()) };
        let file = std::fs::File::open(path).map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
        Ok((file_name(path), std::io::BufReader::new(file)))
    };
    let years = args.years.as_deref().map(|y| year_range("--years", y)).transpose()?;
    let (dataset, report, notes) = match args.from {
        Source::Fts => {
            let options =
                fts::Options { metadata, locations: args.locations.as_deref().map(read).transpose()?, plans: args.plans.as_deref().map(read).transpose()? };
            let files = args
                .files
                .iter()
                .map(|f| Ok((file_name(f), std::fs::File::open(f).map_err(|e| format!("{}: cannot read: {e}", f.display()))?)))
                .collect::<Result<Vec<_>, String>>()?;
            let i = fts::import_readers(files, options)?;
            let notes = i.unmapped.iter().map(|(name, n)| format!("cluster {name:?} has no obligation mapping ({n} flows counted as unspecified)")).collect();
            (i.dataset, i.report, notes)
        }
        Source::Hxl => {
            let (name, file) = single_file()?;
            let options = hxl::HxlOptions { metadata, countries: args.countries.clone(), year_from: years.map(|y| y.0), year_to: years.map(|y| y.1) };
            let i = hxl::import_hxl(file, &name, options)?;
            (i.dataset, i.report, i.notes)
        }
        Source::FtsSnapshots => {
            let (name, text) = single()?;
            let i = crate::core::import::fts_series::import(text, name, crate::core::import::fts_series::Options { metadata, until: args.until.clone() })?;
            (i.dataset, i.report, i.notes)
        }
        Source::Csv => {
            let (name, file) = single_file()?;
            let filters = args.where_.iter().map(|w| csv::RowFilter::parse(w)).collect::<Result<Vec<_>, _>>()?;
            let options = csv::CsvOptions { metadata, map: csv::ColumnMap::parse(&args.map)?, filters };
            let i = csv::import_csv(file, &name, options)?;
            (i.dataset, i.report, i.notes)
        }
        Source::Iati | Source::IatiDatastore | Source::IatiFlat => import_iati(&args.files, metadata, &args)?,
        Source::Aiddata => {
            let [path] = args.files.as_slice() else { return Err("this importer reads one release (a folder or a .zip) at a time".into()) };
            let release = super::release::open(path)?;
            let i = aiddata::import(release.as_ref(), aiddata::Options { metadata, name: file_name(path) })?;
            let mut notes = i.notes;
            notes.extend(i.unmapped.iter().map(|(code, n)| format!("sector {code} has no obligation mapping ({n} transaction(s) counted as unspecified)")));
            (i.dataset, i.report, notes)
        }
    };
    let mut imported = Imported { dataset, report, notes: Vec::new(), unmapped: Default::default() };
    let input = texts.iter().map(|(name, _)| name.as_str()).collect::<Vec<_>>().join(", ");
    // When every record was rejected, that is the news: it comes first, with the first reason.
    let nothing_imported = |r: &ImportReport| -> String {
        let first = r.rejected.first().map(|x| format!(" The first rejection: {}: {}.", x.location, x.reason)).unwrap_or_default();
        if r.imported == 0 && r.read > 0 {
            format!(" No record could be imported ({} read, {} rejected).{first}", r.read, r.rejected.len())
        } else {
            String::new()
        }
    };
    if let Err(e) = super::complete_metadata(&mut imported.dataset.metadata, &args.output, &input) {
        if let Some(path) = &args.report {
            write_json(path, &imported.report)?;
        }
        return Err(format!("nothing was written.{} {}", nothing_imported(&imported.report), e));
    }
    if args.join_government_donors {
        for c in &mut imported.dataset.contributions {
            crate::core::tools::merge::join_government_donor(&mut c.donor);
        }
    }
    for note in &notes {
        eprintln!("note: {note}");
    }
    crate::core::import::flag_implausible_amounts(&imported.dataset, &mut imported.report);
    // What we write must pass our own validation (checked record by record: the output may be big).
    let errors = validate::check_dataset(&imported.dataset);
    if !errors.is_empty() {
        let r = &imported.report;
        // The report says why records were rejected: it is written even when the dataset is not.
        if let Some(path) = &args.report {
            write_json(path, r)?;
        }
        return Err(format!("the imported dataset would not be valid, so nothing was written.{} {}", nothing_imported(r), super::problems_in_words(&errors)));
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
    for x in &r.exchange_rates {
        eprintln!("converted {} amount(s) from {} by the {} of {} to {}", x.amounts, x.currency, x.source, x.first_day, x.last_day);
    }
    for w in r.warnings.iter().take(20) {
        eprintln!("warning: {}: {}", w.location, w.reason);
    }
    if r.warnings.len() > 20 {
        eprintln!("warning: … and {} more in the report", r.warnings.len() - 20);
    }
    if let Some(path) = args.report {
        write_json(&path, r)?;
    }
    Ok(())
}

/// Every `admin1-XX.json` of a folder (the boundaries the dashboard draws) as one index.
fn read_admin1(dir: &std::path::Path) -> Result<crate::core::import::admin1::Admin1Index, String> {
    let mut index = crate::core::import::admin1::Admin1Index::default();
    let entries = std::fs::read_dir(dir).map_err(|e| format!("--admin1 {}: cannot read the folder: {e}", dir.display()))?;
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(iso2) = name.strip_prefix("admin1-").and_then(|n| n.strip_suffix(".json")) else { continue };
        index.add_geojson(iso2, &read(&entry.path())?).map_err(|e| format!("{}: {e}", entry.path().display()))?;
    }
    if index.is_empty() {
        return Err(format!("--admin1 {}: no admin1-XX.json boundaries there (make build writes them to build/geo)", dir.display()));
    }
    Ok(index)
}

pub(super) fn import_iati(files: &[std::path::PathBuf], metadata: Metadata, args: &ImportArgs) -> Result<(Dataset, ImportReport, Vec<String>), String> {
    let rates = args
        .rates
        .iter()
        .map(|r| {
            let (currency, rate) = r.split_once('=').ok_or_else(|| format!("--rate {r}: expected CUR=RATE"))?;
            let to_dataset_currency = rate.trim().parse().map_err(|_| format!("--rate {r}: {rate} is not a number"))?;
            Ok(iati::Rate { currency: currency.trim().to_uppercase(), to_dataset_currency })
        })
        .collect::<Result<Vec<_>, String>>()?;
    let rate_table = match &args.ecb_rates {
        Some(path) => {
            let source = format!("ECB euro foreign exchange reference rates ({})", path.file_name().unwrap_or_default().to_string_lossy());
            Some(std::sync::Arc::new(RateTable::from_ecb_csv(&read(path)?, &source).map_err(|e| format!("{}: {e}", path.display()))?))
        }
        None => None,
    };
    let admin1 = match &args.admin1 {
        Some(dir) => Some(std::sync::Arc::new(read_admin1(dir)?)),
        None => None,
    };
    let options = iati::Options {
        admin1,
        rate_table,
        metadata,
        activity_filter: (!args.activities.is_empty()).then(|| args.activities.clone()),
        budgets_as_requirements: args.budgets,
        rates,
        years: args.years.as_deref().map(|y| year_range("--years", y)).transpose()?,
        region: args.region.clone(),
        without_recipients: args.without_recipients.clone(),
    };
    let mut i = if matches!(args.from, Source::IatiFlat) {
        // The flattened tables are small (one row per budget or indicator): read whole.
        let tables = files
            .iter()
            .map(|f| {
                Ok((
                    f.file_name().unwrap_or_default().to_string_lossy().into_owned(),
                    std::fs::read(f).map_err(|e| format!("{}: cannot read: {e}", f.display()))?,
                ))
            })
            .collect::<Result<_, String>>()?;
        iati::import_flat(&tables, "flattened IATI tables", options)?
    } else {
        let [path] = files else { return Err("this importer reads one file at a time".into()) };
        let name = path.file_name().unwrap_or_default().to_string_lossy().into_owned();
        let file = std::fs::File::open(path).map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
        // A `.gz` file is read through gzip, as the bundled IATI Datastore extracts are stored.
        let file: Box<dyn std::io::Read> = if name.ends_with(".gz") { Box::new(flate2::read::GzDecoder::new(file)) } else { Box::new(file) };
        let reader = std::io::BufReader::with_capacity(1 << 16, file);
        match args.from {
            Source::IatiDatastore => iati::import_datastore(reader, &name, options)?,
            _ => iati::import(reader, &name, options)?,
        }
    };
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
