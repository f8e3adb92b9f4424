//! The normalised, column-oriented form of a dataset that filters and aggregations run on.
//!
//! A contribution split between several obligations becomes several *rows*, one per obligation,
//! each carrying its share of the amount: sums over rows never count money twice. Every dimension
//! is a column of small integers indexing a per-dimension dictionary of code ids.

use crate::core::format::codes;
use crate::core::format::cooperation::Rule;
use crate::core::format::dataset::{CodeLists, Dataset, Metadata};
use crate::core::format::geo;
use crate::core::format::records::Records;
use std::collections::HashMap;

mod build;

/// The dimensions a dataset can be filtered and grouped by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Dim {
    /// The year the money is for.
    Year,
    /// The recipient's M49 sub-region (intermediate region where one exists); a region code in a
    /// filter keeps all of its sub-regions.
    Region,
    /// The recipient: a country, an M49 area, or a code the dataset adds.
    Recipient,
    /// The donor, by its dataset id.
    Donor,
    /// The obligation; a contribution split between obligations has one row for each.
    Obligation,
    /// The cooperation model.
    Model,
    /// Financial, in-kind or technical.
    Kind,
    /// The pipeline stage; filters choose stages through the `Measure`, not as a selection.
    Status,
    /// Half-year ("2023-H1") where the date allows, else the year: for the time axis only.
    Period,
    /// A first-level division of the recipient country (ISO 3166-2); `NO_PLACE` for money the
    /// source does not place below the country. A contribution in several places has a row for each.
    Place,
}

impl Dim {
    /// Every dimension, in the order of the store's columns.
    pub const ALL: [Dim; 10] =
        [Dim::Year, Dim::Region, Dim::Recipient, Dim::Donor, Dim::Obligation, Dim::Model, Dim::Kind, Dim::Status, Dim::Period, Dim::Place];

    /// The name in URLs, file names and `metadata.not_recorded`, e.g. `recipient`.
    pub fn id(self) -> &'static str {
        match self {
            Dim::Year => "year",
            Dim::Region => "region",
            Dim::Recipient => "recipient",
            Dim::Donor => "donor",
            Dim::Obligation => "obligation",
            Dim::Model => "model",
            Dim::Kind => "kind",
            Dim::Status => "status",
            Dim::Period => "period",
            Dim::Place => "place",
        }
    }

    /// The dimension with this id.
    pub fn parse(s: &str) -> Option<Dim> {
        Dim::ALL.into_iter().find(|d| d.id() == s)
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// Interns the code ids of one dimension.
#[derive(Clone, Debug, Default)]
pub struct Dictionary {
    /// The code ids, by index: a column value `i` stands for `ids[i]`.
    pub ids: Vec<String>,
    // FxHash, not SipHash: interning runs per record (millions of lookups on a large file), and the
    // protection SipHash gives a server against chosen keys buys nothing in the reader's own page.
    index: rustc_hash::FxHashMap<String, u32>,
}

impl Dictionary {
    /// The index of `id`, added at the end when it is new.
    pub fn intern(&mut self, id: &str) -> u32 {
        if let Some(&i) = self.index.get(id) {
            return i;
        }
        let i = self.ids.len() as u32;
        self.ids.push(id.to_string());
        self.index.insert(id.to_string(), i);
        i
    }

    /// The index of `id`, if it has been interned.
    pub fn get(&self, id: &str) -> Option<u32> {
        self.index.get(id).copied()
    }

    /// Number of distinct codes.
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    /// No code interned yet.
    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }
}

/// What the store keeps of a donor besides its id, by donor index. The country is kept only when no
/// other donor shares it, so that donor can be named as its country.
#[derive(Clone, Debug)]
pub struct DonorInfo {
    /// The donor's name as the source writes it.
    pub name: String,
    /// Dataset donor type (`codes::DONOR_TYPES`).
    pub donor_type: String,
    /// A government donor's country (ISO alpha-3), when the dataset gives it.
    pub country: Option<String>,
}

/// A requirement with its recipient's regions resolved, so region selections apply to needs too.
#[derive(Clone, Debug)]
pub struct RequirementRow {
    /// Recipient code.
    pub recipient: String,
    /// M49 region of the recipient.
    pub region: &'static str,
    /// M49 sub-region of the recipient (the intermediate region where one exists).
    pub subregion: &'static str,
    /// The obligation the need is for; `None`: every obligation.
    pub obligation: Option<String>,
    /// The year the need is for.
    pub year: i32,
    /// Money needed, in the dataset's currency.
    pub amount: f64,
    /// The appeal or plan; funding is then matched by plan.
    pub plan: Option<String>,
    /// The name people know the need by.
    pub label: Option<String>,
    /// The plan objectives the need is for.
    pub objectives: Vec<String>,
}

/// How many contributions one cooperation-model rule assigned to one model.
#[derive(Clone, Debug, PartialEq)]
pub struct ModelRuleCount {
    /// The rule that decided, `Stated` when the publisher gave the model.
    pub rule: Rule,
    /// The model code it led to.
    pub model: String,
    /// How many contributions.
    pub contributions: usize,
}

/// A dataset in the form every figure is computed from: one row per contribution and obligation,
/// and per dimension a column of indices into that dimension's dictionary.
#[derive(Clone, Debug)]
pub struct Store {
    /// The dataset's metadata, as published.
    pub metadata: Metadata,
    /// Codes the dataset adds, for their labels and the regions of its own recipients.
    pub code_lists: CodeLists,
    dicts: [Dictionary; 10],
    columns: [Vec<u32>; 10],
    /// Index of the contribution each row comes from; rows of one contribution are contiguous.
    pub row_contribution: Vec<u32>,
    /// Each contribution's id, by contribution index.
    pub contribution_ids: crate::core::format::ids::Ids,
    /// Per contribution, how its model and obligations were decided: indexes into `rule_texts`
    /// of its model rule, model evidence, obligation rule and obligation evidence (`NO_TEXT`: none).
    pub derivations: Vec<[u32; 4]>,
    /// The name the dataset gives each place code.
    pub place_names: HashMap<String, String>,
    /// Contributions followed over time (`history` in the dataset), empty when none is.
    pub histories: Histories,
    /// The dataset's plans with their objectives and indicators (v1.1), as published.
    pub plan_details: Vec<crate::core::format::dataset::Plan>,
    /// The distinct rule ids and evidence texts `derivations` points to (evidence repeats across
    /// an activity's transactions, so it is held once).
    pub rule_texts: Dictionary,
    /// Each row's money: the contribution's amount times its obligation share.
    pub amount: Vec<f64>,
    /// Plan id per row, `u32::MAX` when none.
    pub plan: Vec<u32>,
    /// The plan ids that `plan` indexes.
    pub plans: Dictionary,
    /// Per donor index (same order as the donor dictionary).
    pub donors: Vec<DonorInfo>,
    /// M49 region per region-dictionary entry (the region column holds sub-regions).
    pub region_parent: Vec<&'static str>,
    /// Number of contributions (there may be more rows: one per obligation).
    pub contribution_count: usize,
    /// The dataset's needs, in dataset order.
    pub requirements: Vec<RequirementRow>,
    /// How many contributions each model rule gave each model (pairs absent from the data omitted).
    pub model_rules: Vec<ModelRuleCount>,
    /// How many contributions each obligation rule gave each obligation; empty when every
    /// obligation came from the publisher's codes.
    pub obligation_rules: Vec<ObligationRuleCount>,
    /// What each dimension holds across the whole dataset, by `Dim::index`: computed once, as every
    /// filter change asks it of every chart.
    coverage: Vec<Coverage>,
    /// Which stages hold a row, by `Status as usize` (the status dictionary lists all three).
    stages_present: [bool; 3],
}

/// How many contributions an obligation rule gave an obligation (docs/obligation-rules.md).
#[derive(Clone, Debug, PartialEq)]
pub struct ObligationRuleCount {
    /// The rule that decided.
    pub rule: crate::core::format::obligation_rules::Rule,
    /// An obligation it named.
    pub obligation: String,
    /// How many contributions.
    pub contributions: usize,
}

/// The dated stages of the contributions a dataset follows over time.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Histories {
    /// The snapshot dates, sorted.
    pub dates: Vec<String>,
    /// Per contribution (dataset order): its entries as (date index, stage, amount), oldest first;
    /// empty for a contribution without history.
    pub entries: Vec<Vec<(u32, codes::Status, f64)>>,
    /// Per contribution, its current amount (to take a row's share of each entry).
    pub amounts: Vec<f64>,
}

impl Histories {
    /// The histories of records some of which are followed: the store's build has found out
    /// whether any is, from its keys, without reading every record here again.
    fn of(records: &dyn Records) -> Histories {
        let mut dates: Vec<String> = records.iter().flat_map(|c| c.history.iter().map(|h| h.date.clone())).collect();
        dates.sort();
        dates.dedup();
        let entries = records
            .iter()
            .map(|c| {
                c.history
                    .iter()
                    .filter_map(|h| {
                        let date = dates.binary_search(&h.date).ok()? as u32;
                        Some((date, codes::Status::parse(&h.status)?, h.amount))
                    })
                    .collect()
            })
            .collect();
        Histories { dates, entries, amounts: records.iter().map(|c| c.amount).collect() }
    }

    /// Whether any contribution is followed over time.
    pub fn is_empty(&self) -> bool {
        self.dates.is_empty()
    }
}

/// The place code of money the source does not place below the country.
pub const NO_PLACE: &str = "-";

/// A `derivations` entry with no text.
pub const NO_TEXT: u32 = u32::MAX;

/// The `plan` value of a row whose contribution names no plan.
pub const NO_PLAN: u32 = u32::MAX;

/// What a dimension holds across a whole dataset (before any filter): a chart by a dimension the
/// source does not record, or that has one code only, says nothing and is left out.
#[derive(Clone, Debug, PartialEq)]
pub enum Coverage {
    /// Declared in `metadata.not_recorded`, or every record is `unspecified`.
    NotRecorded,
    /// One code for every record.
    Single(String),
    /// More than one code.
    Several,
}

impl Store {
    /// Builds the store: one row per contribution and obligation, statuses, kinds and models interned in
    /// built-in order, years and periods sorted, each recipient's region resolved once.
    pub fn from_dataset(ds: &Dataset) -> Store {
        Store::build(&ds.contributions, &ds.metadata, &ds.code_lists, &ds.requirements, &ds.plans)
    }

    /// The same store straight from the columnar encoding (`format::columnar`), already checked:
    /// no contribution is built, so a million records cost their columns, not a million objects.
    pub fn from_columnar(doc: &crate::core::format::columnar::ColumnarDataset) -> Store {
        Store::build(&doc.contributions, &doc.metadata, &doc.code_lists, &doc.requirements, &doc.plans)
    }

    /// Number of rows (contributions × their obligations).
    pub fn rows(&self) -> usize {
        self.amount.len()
    }

    /// The column of `dim`: one dictionary index per row.
    pub fn column(&self, dim: Dim) -> &[u32] {
        &self.columns[dim.index()]
    }

    /// The codes of `dim`, which its column's values index.
    pub fn dict(&self, dim: Dim) -> &Dictionary {
        &self.dicts[dim.index()]
    }

    /// What `dim` holds across the whole dataset.
    pub fn coverage(&self, dim: Dim) -> Coverage {
        self.coverage[dim.index()].clone()
    }

    fn scan_coverage(&self, dim: Dim) -> Coverage {
        if self.metadata.not_recorded.iter().any(|d| d == dim.id()) {
            return Coverage::NotRecorded;
        }
        let col = self.column(dim);
        let mut used = vec![false; self.dict(dim).len()];
        for &v in col {
            used[v as usize] = true;
        }
        let mut present = used.iter().enumerate().filter(|(_, u)| **u).map(|(i, _)| &self.dict(dim).ids[i]);
        match (present.next(), present.next()) {
            (None, _) => Coverage::NotRecorded,
            (Some(only), None) if only == "unspecified" || only == NO_PLACE => Coverage::NotRecorded,
            (Some(only), None) => Coverage::Single(only.clone()),
            _ => Coverage::Several,
        }
    }

    /// Does the dataset record money at this stage anywhere?
    pub fn records_stage(&self, stage: codes::Status) -> bool {
        !self.metadata.not_recorded.iter().any(|d| d == "status") && self.stages_present[stage as usize]
    }

    /// The year a year-dictionary index stands for.
    pub fn year_of(&self, year_index: u32) -> i32 {
        self.dict(Dim::Year).ids[year_index as usize].parse().unwrap_or(0)
    }
}

/// "2023-H1" when the contribution's date falls in its year, else "2023".
pub fn period_of(c: &crate::core::format::dataset::Contribution) -> String {
    let (year, half) = period_key(c.year, c.date.as_deref());
    period_name(year, half)
}

/// A contribution's year and half (1 or 2; 0 when its date does not place it in its year).
fn period_key(year: i32, date: Option<&str>) -> (i32, u8) {
    // Runs per record: the year's digits are compared without writing them out.
    let in_year = |d: &&str| match d.get(..4) {
        Some(head) if (1000..=9999).contains(&year) => head.bytes().all(|b| b.is_ascii_digit()) && head.parse() == Ok(year),
        Some(head) => head == year.to_string(),
        None => false,
    };
    match date.filter(in_year).and_then(|d| d.get(5..7)?.parse::<u32>().ok()) {
        Some(m @ 1..=12) => (year, if m <= 6 { 1 } else { 2 }),
        _ => (year, 0),
    }
}

fn period_name(year: i32, half: u8) -> String {
    if half == 0 {
        year.to_string()
    } else {
        format!("{year}-H{half}")
    }
}

/// Is any contribution dated within its year, so half-years mean something?
pub fn has_half_years(store: &Store) -> bool {
    store.dict(Dim::Period).ids.iter().any(|p| p.contains("-H"))
}

/// Region and sub-region of a recipient, using a dataset-defined recipient's `group` when given.
fn regions_for(recipient: &str, code_lists: &CodeLists) -> (&'static str, &'static str) {
    if !geo::is_known_recipient(recipient) {
        if let Some(group) = code_lists.recipients.iter().find(|r| r.id == recipient).and_then(|r| r.group.as_deref()) {
            return geo::regions_of(group);
        }
    }
    geo::regions_of(recipient)
}

/// A government donor is shown as its country only when no other donor of the dataset has the same
/// country: two agencies of one state would otherwise read as two identical bars.
fn named_by_country_when_alone(mut donors: Vec<DonorInfo>) -> Vec<DonorInfo> {
    let mut seen: HashMap<String, usize> = HashMap::new();
    for d in &donors {
        if let Some(c) = &d.country {
            *seen.entry(c.clone()).or_default() += 1;
        }
    }
    for d in &mut donors {
        if d.country.as_ref().is_some_and(|c| seen[c] > 1) {
            d.country = None;
        }
    }
    donors
}
