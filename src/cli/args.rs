//! The command line's arguments (clap): commands, their flags and what they mean.

use crate::core::analysis::store::Dim;
use crate::core::format::dataset::Metadata;
use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Parser)]
#[command(name = "alianzas", version, about = "Validate, import and summarise cooperation and assistance funding datasets")]
pub(super) struct Cli {
    #[command(subcommand)]
    pub(super) command: Command,
}

#[derive(Subcommand)]
// Parsed once per process: the size of the largest command does not matter.
#[allow(clippy::large_enum_variant)]
pub(super) enum Command {
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
        /// The import reports of the files, in the same order: the merged dataset's report is
        /// their sum (written with --report).
        #[arg(long, num_args = 1.., value_delimiter = ',')]
        reports: Vec<PathBuf>,
        /// Where to write the merged dataset's import report.
        #[arg(long)]
        report: Option<PathBuf>,
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
        /// Titles and descriptions in other languages: JSON of dataset id → language → {title, description}.
        #[arg(long)]
        translations: Option<PathBuf>,
    },
    /// Write a deterministic SYNTHETIC dataset, for benchmarks and scale tests only.
    Generate {
        #[arg(long)]
        records: usize,
        #[arg(long, default_value_t = 1)]
        seed: u64,
        #[arg(short, long)]
        output: PathBuf,
        /// How to write it: v1 JSON, or its columnar encoding.
        #[arg(long, value_enum, default_value_t = Encoding::Json)]
        encoding: Encoding,
    },
    /// What the default dataset's first screen says (title, takeaway, headline figures) in every
    /// language, as JSON with numbers left as tokens for `Intl`: the build bakes it into index.html.
    FirstScreen {
        /// The catalog of bundled datasets (its default dataset is read beside it).
        catalog: PathBuf,
    },
    /// Rewrite a dataset in the other encoding: v1 JSON or columnar (for large datasets; exactly
    /// equivalent, docs/dataset-format.md). Validates it on the way.
    Convert {
        input: PathBuf,
        #[arg(long, value_enum)]
        to: Encoding,
        #[arg(short, long)]
        output: PathBuf,
    },
}

/// The two encodings of a dataset.
#[derive(Clone, Copy, PartialEq, ValueEnum)]
pub(super) enum Encoding {
    /// Dataset v1: one JSON object per contribution.
    Json,
    /// The columnar encoding: one array per field, repeated values written once and referred to
    /// by packed indexes.
    Columnar,
}

#[derive(Clone, Copy, ValueEnum)]
pub(super) enum Source {
    /// OCHA FTS flow JSON (custom-search pages).
    Fts,
    /// HXL-tagged CSV (FTS flows, FTS requirements and funding).
    Hxl,
    /// Plain CSV with a column map (--map, --where).
    Csv,
    /// IATI activity XML 2.01–2.03.
    Iati,
    /// IATI Datastore activity documents: JSON lines, or a Solr response.
    IatiDatastore,
    /// A series of dated FTS snapshots of one response's flows (CSV): contributions with their history.
    FtsSnapshots,
    /// An AidData research release: its folder or .zip (data/projects.csv, transactions.csv, locations.csv, datapackage.json).
    Aiddata,
    /// Flattened IATI tables, one CSV per element (…activity.csv, …budget.csv, …result.csv): budgets and results.
    IatiFlat,
}

#[derive(Clone, Copy, ValueEnum)]
pub(super) enum ByDim {
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
    pub(super) fn dim(self) -> Dim {
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
pub(super) enum Format {
    Json,
    Table,
}

#[derive(clap::Args)]
pub(super) struct ImportArgs {
    #[arg(long, value_enum)]
    pub(super) from: Source,
    #[arg(required = true)]
    pub(super) files: Vec<PathBuf>,
    #[arg(short, long)]
    pub(super) output: PathBuf,
    /// Write the import report (read, imported, skipped, rejected) as JSON here.
    #[arg(long)]
    pub(super) report: Option<PathBuf>,
    /// FTS `/v1/public/location` response, to map location ids to ISO3 codes.
    #[arg(long)]
    pub(super) locations: Option<PathBuf>,
    /// FTS plan overview response: requirements of the plans the flows fund become needs.
    #[arg(long)]
    pub(super) plans: Option<PathBuf>,
    /// hxl, iati: keep only these recipient countries (ISO3, comma-separated).
    #[arg(long, value_delimiter = ',')]
    pub(super) countries: Vec<String>,
    /// fts-snapshots: read the series up to this date (YYYY-MM-DD), for an earlier version.
    #[arg(long)]
    pub(super) until: Option<String>,
    /// iati, iati-datastore: keep only recipients within this UN M49 area, e.g. 419 (Latin America
    /// and the Caribbean) or 002 (Africa).
    #[arg(long)]
    pub(super) region: Option<String>,
    /// iati, iati-datastore: leave out these recipients (ISO3, comma-separated), e.g. a country
    /// another source already covers.
    #[arg(long, value_delimiter = ',')]
    pub(super) without_recipients: Vec<String>,
    /// hxl, iati, iati-datastore: keep only these years, e.g. 2015-2025 or 2023.
    #[arg(long)]
    pub(super) years: Option<String>,
    /// csv: COLUMN=FIELD or FIELD:=VALUE (repeatable); see docs/importers.md.
    #[arg(long = "map")]
    pub(super) map: Vec<String>,
    /// csv: keep only rows where COLUMN=VALUE (repeatable).
    #[arg(long = "where")]
    pub(super) where_: Vec<String>,
    /// iati: keep only activities whose iati-identifier equals or starts with one of these (repeatable, comma-separated).
    #[arg(long, value_delimiter = ',')]
    pub(super) activities: Vec<String>,
    /// iati: turn activity budgets into requirements (needs).
    #[arg(long)]
    pub(super) budgets: bool,
    /// iati: keep only the budgets (needs) of these years, e.g. 2023 or 2023-2024.
    #[arg(long)]
    pub(super) budget_years: Option<String>,
    /// iati: conversion rate to the dataset currency, CUR=RATE (repeatable), e.g. EUR=1.0813.
    #[arg(long = "rate")]
    pub(super) rates: Vec<String>,
    /// IATI: the ECB's daily euro reference rates (`eurofxref-hist.csv`; `make rates` downloads
    /// them to target/rates/): each amount is converted at the rate of its value date.
    #[arg(long = "ecb-rates")]
    pub(super) ecb_rates: Option<PathBuf>,
    /// IATI: a folder of first-level division boundaries (`admin1-XX.json`, as `make build`
    /// writes them to build/geo): activity `<location>` points become places by point-in-polygon.
    #[arg(long)]
    pub(super) admin1: Option<PathBuf>,
    /// One donor per government: donors of type government with a country get the id gov-ISO3
    /// and the country's name (several agencies of one state become that state).
    #[arg(long)]
    pub(super) join_government_donors: bool,
    #[command(flatten)]
    pub(super) meta: MetadataArgs,
}

/// What every written dataset says about itself (docs/dataset-format.md, `metadata`). An importer
/// fills what its source states (FTS: publisher, licence, source; IATI: the reporting organisation
/// and the file's date); the id defaults to the output file's name, the title to the publisher and
/// the input file, the version to the data date. What cannot be known is asked for by name.
#[derive(clap::Args, Clone)]
pub(super) struct MetadataArgs {
    /// Short stable identifier (default: the output file's name).
    #[arg(long)]
    pub(super) id: Option<String>,
    /// What the dataset covers (default: the publisher and the input file).
    #[arg(long)]
    pub(super) title: Option<String>,
    /// One or two sentences of scope.
    #[arg(long)]
    pub(super) description: Option<String>,
    /// Who published the figures (FTS and IATI state it).
    #[arg(long)]
    pub(super) publisher: Option<String>,
    /// Where the source can be found (FTS states it).
    #[arg(long)]
    pub(super) source_url: Option<String>,
    /// The terms of reuse (FTS states them).
    #[arg(long)]
    pub(super) licence: Option<String>,
    /// Link to the licence text.
    #[arg(long)]
    pub(super) licence_url: Option<String>,
    /// ISO 4217 code every amount is converted into.
    #[arg(long, default_value = "USD")]
    pub(super) currency: String,
    /// Date the figures describe; importers default to the latest date in their input.
    #[arg(long)]
    pub(super) data_as_of: Option<String>,
    /// Date the source was downloaded.
    #[arg(long)]
    pub(super) retrieved: Option<String>,
    /// The publisher's version of this dataset (default: the data date).
    #[arg(long)]
    pub(super) dataset_version: Option<String>,
}

impl MetadataArgs {
    pub(super) fn metadata(&self, generator: String) -> Metadata {
        Metadata {
            id: self.id.clone().unwrap_or_default(),
            title: self.title.clone().unwrap_or_default(),
            description: self.description.clone(),
            publisher: self.publisher.clone().unwrap_or_default(),
            source_url: self.source_url.clone().unwrap_or_default(),
            licence: self.licence.clone().unwrap_or_default(),
            licence_url: self.licence_url.clone(),
            currency: self.currency.clone(),
            data_as_of: self.data_as_of.clone().unwrap_or_default(),
            retrieved: self.retrieved.clone(),
            dataset_version: self.dataset_version.clone().unwrap_or_default(),
            generator: Some(generator),
            not_recorded: Vec::new(),
            exchange_rates: Vec::new(),
        }
    }
}
