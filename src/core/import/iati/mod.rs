//! IATI activity XML (2.01–2.03) → dataset v1. See docs/importers.md.
//!
//! The file is read as a stream of XML events (`quick_xml::NsReader` over a `BufRead`): only one
//! `<iati-activity>` is held at a time, as the few fields the importer needs (never a DOM), so files
//! of hundreds of megabytes import in constant memory. Every `<transaction>` is accounted for in the
//! report: read = imported + skipped + rejected. Activity budgets may become requirements.
//!
//! The importer, in the order a file goes through it:
//! - `parse`: the XML event stream → one `Activity` at a time (`activity` holds what is kept of it);
//! - this module: `import`, and each activity's accounting (selected, a duplicate, or read);
//! - `transactions`: a transaction → contributions (type → stage, date, amount, donor, recipients,
//!   sectors, cooperation model, kind);
//! - `currency`: amounts in the dataset currency (the rate table, `unhcr:value-USD`);
//! - `donors`, `recipients`, `sectors`: the mapping tables and rules for those fields;
//! - `budgets`: activity budgets → requirements, and the notes about them.
//!
//! The mapping tables are the rules; docs/importers.md gives them with the reasons.

mod activity;
mod budgets;
mod currency;
mod datastore;
mod donors;
mod flat;
pub use flat::SKIP_BUDGET_LEFT_OUT;
mod locations;
mod netting;
mod parse;
mod recipients;
mod results;
mod sectors;
mod transactions;

pub use currency::{parse_rates, Rate};
pub use donors::{donor_type, government_country};
pub use recipients::{recipient_code, DAC_REGIONS};
pub use sectors::{obligations_from_sectors, sector_obligation, shares, Sector, CLUSTERS, DAC5_SECTORS, DAC_PREFIXES, UNHCR_AREAS};
pub use transactions::{kind_from_aid_type, model_from_collaboration_type, transaction_rule, TransactionRule};

use super::{ImportReport, Imported};
use crate::core::format::dataset::*;
use activity::{Activity, Transaction};
use budgets::BudgetCounts;
use recipients::activity_recipients;
use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::io::BufRead;
use transactions::Left;

/// Namespace of UNHCR's IATI extensions (`unhcr:value-USD`).
pub const UNHCR_NS: &str = "http://reporting.unhcr.org/";
/// UNHCR's IATI organisation identifier; its sector vocabularies 98 and 99 are read only for it.
pub const UNHCR_ORG: &str = "XM-DAC-41121";

/// Skip reason: the activity is not among `Options::activity_filter`.
pub const SKIP_NOT_SELECTED: &str = "activity-not-selected";
/// Skip reason: none of the transaction's recipients is within `Options::region`, or all are among
/// `Options::without_recipients`.
pub const SKIP_OUTSIDE_RECIPIENTS: &str = "outside-recipients";
/// Skip reason: an activity with this `iati-identifier` was already read (its transactions count once).
pub const SKIP_DUPLICATE_ACTIVITY: &str = "duplicate-activity";

/// Options of `import`.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// The dataset's metadata. `currency` is required: every amount is converted into it.
    pub metadata: Metadata,
    /// Keep only these activities: an entry is an exact `iati-identifier`, or a prefix when it ends
    /// with `*` (`XM-DAC-41121-2023-AME-*`). `None` keeps all.
    pub activity_filter: Option<Vec<String>>,
    /// Activity `<budget>`s become requirements, and contributions name their activity as `plan`.
    pub budgets_as_requirements: bool,
    /// Fixed exchange rates into `metadata.currency` (`--rate`); they take precedence over the table.
    pub rates: Vec<Rate>,
    /// Keep only transactions of these years; the others are skipped (`outside-years`).
    pub years: Option<(i32, i32)>,
    /// Keep only recipients within this M49 area (`geo::is_within`, e.g. `419`).
    pub region: Option<String>,
    /// Leave out these recipients (ISO3), e.g. a country another source already covers.
    pub without_recipients: Vec<String>,
    /// A table of daily rates (the ECB's) to convert each amount at the rate of its value date. A
    /// value in a currency neither gives a rate for is rejected with that reason.
    pub rate_table: Option<std::sync::Arc<crate::core::import::rates::RateTable>>,
    /// First-level divisions to place activities' `<location>` points in (point-in-polygon);
    /// `None`: locations are not read.
    pub admin1: Option<std::sync::Arc<crate::core::import::admin1::Admin1Index>>,
}

/// One import under way: the options, and what has been read so far.
struct Importer<'a> {
    name: &'a str,
    options: &'a Options,
    report: ImportReport,
    unmapped: BTreeMap<String, usize>,
    contributions: Vec<Contribution>,
    requirements: Vec<Requirement>,
    seen: HashSet<String>,
    budgets: BudgetCounts,
    results: results::ResultCounts,
    locations: locations::LocationCounts,
    /// Plans built from the activities' results.
    plans: Vec<crate::core::format::dataset::Plan>,
    netting: netting::NettingCounts,
    counted_once: crate::core::import::count_once::CountOnce,
    conversions: crate::core::import::rates::ConversionLog,
    /// The activities' reporting organisations, named: the file's publishers.
    publishers: BTreeSet<String>,
}

/// Reads an IATI activity file (`name` locates records in the report): every transaction becomes
/// contributions or is skipped or rejected; with `budgets_as_requirements`, budgets become requirements.
pub fn import<R: BufRead>(reader: R, name: &str, options: Options) -> Result<Imported, String> {
    let mut imp = Importer::new(name, &options)?;
    let generated = imp.read(reader)?;
    Ok(imp.finish(generated, options.metadata.clone()))
}

/// Reads IATI Datastore activity documents (`datastore`: one JSON document a line, or a Solr
/// response) with the same rules as the XML: each document becomes the same `Activity`.
pub fn import_datastore<R: BufRead>(reader: R, name: &str, options: Options) -> Result<Imported, String> {
    let mut imp = Importer::new(name, &options)?;
    let generated = imp.read_datastore(reader)?;
    Ok(imp.finish(generated, options.metadata.clone()))
}

/// Reads flattened IATI tables (a folder or zip of `*activity.csv`, `*budget.csv`, `*result.csv`,
/// member name → bytes) with the same rules: budgets become requirements with
/// `budgets_as_requirements`, results become plans with objectives and indicators.
pub fn import_flat(tables: &BTreeMap<String, Vec<u8>>, name: &str, options: Options) -> Result<Imported, String> {
    let mut imp = Importer::new(name, &options)?;
    imp.read_flat(tables)?;
    Ok(imp.finish(None, options.metadata.clone()))
}

impl<'a> Importer<'a> {
    fn new(name: &'a str, options: &'a Options) -> Result<Self, String> {
        if options.metadata.currency.trim().is_empty() {
            return Err("metadata.currency is empty: the dataset currency is needed to convert amounts".into());
        }
        for r in &options.rates {
            if !(r.to_dataset_currency.is_finite() && r.to_dataset_currency > 0.0) {
                return Err(format!("the rate for {} must be a positive number", r.currency));
            }
        }
        Ok(Importer {
            name,
            options,
            report: ImportReport::default(),
            unmapped: BTreeMap::new(),
            contributions: Vec::new(),
            requirements: Vec::new(),
            seen: HashSet::new(),
            budgets: BudgetCounts::default(),
            results: results::ResultCounts::default(),
            locations: locations::LocationCounts::default(),
            plans: Vec::new(),
            netting: netting::NettingCounts::default(),
            counted_once: Default::default(),
            conversions: Default::default(),
            publishers: BTreeSet::new(),
        })
    }

    /// The dataset, its report and notes once every activity was read; `generated` is the date the
    /// file says it was generated.
    fn finish(mut self, generated: Option<String>, mut metadata: Metadata) -> Imported {
        let mut notes = self.notes();
        notes.extend(self.results.notes());
        notes.extend(self.locations.notes());
        notes.extend(self.netting.note());
        if let Some(sentence) = self.counted_once.sentence() {
            self.report.warn(format!("{} (all activities)", self.name), sentence.clone());
            notes.push(sentence);
        }
        let Importer { mut report, unmapped, contributions, requirements, conversions, publishers, plans, .. } = self;
        // Which rates converted what travels with the dataset and its report.
        metadata.exchange_rates = conversions.into_uses();
        report.exchange_rates = metadata.exchange_rates.clone();
        if metadata.data_as_of.is_empty() {
            metadata.data_as_of = generated.unwrap_or_default();
        }
        // The file states who published it: its activities' reporting organisations.
        if metadata.publisher.is_empty() {
            let names: Vec<&String> = publishers.iter().collect();
            metadata.publisher = match names.as_slice() {
                [] => String::new(),
                [one] => (*one).clone(),
                [a, b, c] => format!("{a}; {b}; {c}"),
                [a, b] => format!("{a}; {b}"),
                [a, b, c, ..] => format!("{} IATI publishers, among them {a}; {b}; {c}", names.len()),
            };
        }
        Imported {
            dataset: Dataset { plans, ..Dataset::new(metadata, contributions, requirements) },
            report,
            // Sector codes no mapping knew, counted per imported transaction; the notes are on budgets.
            notes,
            unmapped,
        }
    }
}

impl Importer<'_> {
    fn selected(&self, id: &str) -> bool {
        match &self.options.activity_filter {
            None => true,
            Some(list) => list.iter().any(|f| match f.strip_suffix('*') {
                Some(prefix) => id.starts_with(prefix),
                None => id == f,
            }),
        }
    }

    fn location(&self, id: Option<&str>, t: &Transaction) -> String {
        format!("{}#activity[{}]/transaction[{}] (line {})", self.name, id.unwrap_or("?"), t.index, t.line)
    }

    /// One whole activity: its transactions, then its budgets.
    fn activity(&mut self, a: Activity) {
        if let Some(name) = a.reporting_org.as_ref().and_then(|o| o.name.text.clone()).filter(|n| !n.trim().is_empty()) {
            if self.publishers.len() < 1000 {
                self.publishers.insert(name);
            }
        }
        let id = match &a.id {
            None => {
                for t in &a.transactions {
                    self.report.read += 1;
                    let at = self.location(None, t);
                    self.report.reject(at, "the activity has no iati-identifier");
                }
                return;
            }
            Some(id) => id.clone(),
        };
        let left_out = if !self.selected(&id) {
            Some(SKIP_NOT_SELECTED)
        } else if !self.seen.insert(id.clone()) {
            Some(SKIP_DUPLICATE_ACTIVITY)
        } else {
            None
        };
        if let Some(reason) = left_out {
            for _ in &a.transactions {
                self.report.read += 1;
                self.report.skip(reason);
            }
            return;
        }
        let recipients = activity_recipients(&a.recipients);
        let first = self.contributions.len();
        let mut reductions = Vec::new();
        // Each donor's amounts per stage in the activity's own currency (None once they mix).
        let mut own: BTreeMap<String, Option<([f64; 3], String)>> = BTreeMap::new();
        for t in &a.transactions {
            self.report.read += 1;
            let result = self.transaction(&a, &id, t, &recipients);
            if let (Ok((list, _)), Some(value)) = (&result, t.value.as_deref().and_then(|v| currency::parse_signed_amount(v).ok())) {
                if let Some(head) = list.first() {
                    let currency = t
                        .value_usd
                        .as_ref()
                        .map(|_| "USD".to_string())
                        .or_else(|| t.currency.clone())
                        .or_else(|| a.default_currency.clone())
                        .unwrap_or_default();
                    let value = if t.value_usd.is_some() { list.iter().map(|c| c.amount).sum() } else { value };
                    let entry = own.entry(head.donor.id.clone()).or_insert_with(|| Some(([0.0; 3], currency.clone())));
                    match entry {
                        Some((totals, c)) if *c == currency => totals[crate::core::import::count_once::stage_index(&head.status)] += value,
                        _ => *entry = None,
                    }
                }
            }
            match result {
                Ok((list, unmapped)) if list.iter().any(|c| c.amount < 0.0) => {
                    for k in unmapped {
                        *self.unmapped.entry(k).or_default() += 1;
                    }
                    reductions.push((self.location(Some(&id), t), list));
                }
                Ok((list, unmapped)) => {
                    self.report.imported += 1;
                    for k in unmapped {
                        *self.unmapped.entry(k).or_default() += 1;
                    }
                    self.contributions.extend(list);
                }
                Err(Left::Skip(reason)) => self.report.skip(reason),
                Err(Left::Reject(reason)) => {
                    let at = self.location(Some(&id), t);
                    self.report.reject(at, reason);
                }
            }
        }
        self.net(first, reductions);
        let own = own.into_iter().filter_map(|(donor, t)| t.map(|(totals, _)| (donor, totals))).collect();
        crate::core::import::count_once::furthest_stage(&mut self.contributions, first, &mut self.counted_once, &own);
        self.activity_places(&a, &id, first);
        if self.options.budgets_as_requirements {
            self.activity_budgets(&a, &id, &recipients);
        }
        self.activity_plan(&a, &id, &recipients);
    }
}
