//! The normalised, column-oriented form of a dataset that filters and aggregations run on.
//!
//! A contribution split between several obligations becomes several *rows*, one per obligation,
//! each carrying its share of the amount: sums over rows never count money twice. Every dimension
//! is a column of small integers indexing a per-dimension dictionary of code ids.

use crate::core::format::codes;
use crate::core::format::dataset::{Dataset, Metadata, CodeLists};
use crate::core::format::geo;
use crate::core::format::cooperation::Rule;
use std::collections::HashMap;

/// The dimensions a dataset can be filtered and grouped by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Dim {
    Year,
    Region,
    Recipient,
    Donor,
    Obligation,
    Model,
    Kind,
    Status,
    /// Half-year ("2023-H1") where the date allows, else the year: for the time axis only.
    Period,
}

impl Dim {
    pub const ALL: [Dim; 9] = [Dim::Year, Dim::Region, Dim::Recipient, Dim::Donor, Dim::Obligation, Dim::Model, Dim::Kind, Dim::Status, Dim::Period];

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
        }
    }

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
    pub ids: Vec<String>,
    index: HashMap<String, u32>,
}

impl Dictionary {
    pub fn intern(&mut self, id: &str) -> u32 {
        if let Some(&i) = self.index.get(id) {
            return i;
        }
        let i = self.ids.len() as u32;
        self.ids.push(id.to_string());
        self.index.insert(id.to_string(), i);
        i
    }

    pub fn get(&self, id: &str) -> Option<u32> {
        self.index.get(id).copied()
    }

    pub fn len(&self) -> usize {
        self.ids.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }
}

#[derive(Clone, Debug)]
pub struct DonorInfo {
    pub name: String,
    pub donor_type: String,
    /// A government donor's country (ISO alpha-3), when the dataset gives it.
    pub country: Option<String>,
}

#[derive(Clone, Debug)]
pub struct RequirementRow {
    pub recipient: String,
    pub region: &'static str,
    pub subregion: &'static str,
    pub obligation: Option<String>,
    pub year: i32,
    pub amount: f64,
    pub plan: Option<String>,
    pub label: Option<String>,
}

/// How many contributions one cooperation-model rule assigned to one model.
#[derive(Clone, Debug, PartialEq)]
pub struct ModelRuleCount {
    pub rule: Rule,
    pub model: String,
    pub contributions: usize,
}

#[derive(Clone, Debug)]
pub struct Store {
    pub metadata: Metadata,
    pub code_lists: CodeLists,
    dicts: [Dictionary; 9],
    columns: [Vec<u32>; 9],
    /// Index of the contribution each row comes from; rows of one contribution are contiguous.
    pub row_contribution: Vec<u32>,
    /// Each contribution's id, by contribution index.
    pub contribution_ids: Vec<String>,
    pub amount: Vec<f64>,
    /// Plan id per row, `u32::MAX` when none.
    pub plan: Vec<u32>,
    pub plans: Dictionary,
    /// Per donor index (same order as the donor dictionary).
    pub donors: Vec<DonorInfo>,
    /// M49 region per region-dictionary entry (the region column holds sub-regions).
    pub region_parent: Vec<&'static str>,
    pub contribution_count: usize,
    pub requirements: Vec<RequirementRow>,
    /// How many contributions each model rule gave each model (pairs absent from the data omitted).
    pub model_rules: Vec<ModelRuleCount>,
}

pub const NO_PLAN: u32 = u32::MAX;

/// What a dimension holds across a whole dataset (before any filter): a chart by a dimension the
/// source does not record, or that has one code only, says nothing and is left out.
#[derive(Clone, Debug, PartialEq)]
pub enum Coverage {
    /// Declared in `metadata.not_recorded`, or every record is `unspecified`.
    NotRecorded,
    /// One code for every record.
    Single(String),
    Several,
}

impl Store {
    pub fn from_dataset(ds: &Dataset) -> Store {
        let mut dicts: [Dictionary; 9] = Default::default();
        // Fixed orders for the small built-in lists, so colours and legends stay stable.
        for s in codes::STATUSES {
            dicts[Dim::Status.index()].intern(s.id);
        }
        for k in codes::KINDS {
            dicts[Dim::Kind.index()].intern(k.id);
        }
        for m in codes::MODELS {
            dicts[Dim::Model.index()].intern(m.id);
        }
        let mut periods: Vec<String> = ds.contributions.iter().map(period_of).collect();
        periods.sort();
        periods.dedup();
        for p in &periods {
            dicts[Dim::Period.index()].intern(p);
        }
        let mut years: Vec<i32> = ds.contributions.iter().map(|c| c.year).collect();
        years.sort_unstable();
        years.dedup();
        for y in &years {
            dicts[Dim::Year.index()].intern(&y.to_string());
        }

        let rows: usize = ds.contributions.iter().map(|c| c.obligations.len()).sum();
        let mut columns: [Vec<u32>; 9] = Default::default();
        for c in columns.iter_mut() {
            c.reserve(rows);
        }
        let mut row_contribution = Vec::with_capacity(rows);
        let mut amount = Vec::with_capacity(rows);
        let mut plan = Vec::with_capacity(rows);
        let mut plans = Dictionary::default();
        let mut donors = Vec::new();
        let mut region_parent = Vec::new();
        let mut recipient_region: HashMap<String, u32> = HashMap::new();

        for (ci, c) in ds.contributions.iter().enumerate() {
            let donor_dict = &mut dicts[Dim::Donor.index()];
            let before = donor_dict.len();
            let donor = donor_dict.intern(&c.donor.id);
            if donor_dict.len() > before {
                donors.push(DonorInfo { name: c.donor.name.clone(), donor_type: c.donor.donor_type.clone(), country: c.donor.country.clone() });
            }
            let recipient = dicts[Dim::Recipient.index()].intern(&c.recipient);
            let region = match recipient_region.get(&c.recipient) {
                Some(&r) => r,
                None => {
                    let (parent, sub) = regions_for(&c.recipient, &ds.code_lists);
                    let dict = &mut dicts[Dim::Region.index()];
                    let before = dict.len();
                    let r = dict.intern(sub);
                    if dict.len() > before {
                        region_parent.push(parent);
                    }
                    recipient_region.insert(c.recipient.clone(), r);
                    r
                }
            };
            let year = dicts[Dim::Year.index()].get(&c.year.to_string()).expect("years interned above");
            let model = dicts[Dim::Model.index()].intern(&c.model);
            let kind = dicts[Dim::Kind.index()].intern(&c.kind);
            let status = dicts[Dim::Status.index()].intern(&c.status);
            let plan_id = c.plan.as_deref().map_or(NO_PLAN, |p| plans.intern(p));
            let period = dicts[Dim::Period.index()].get(&period_of(c)).expect("periods interned above");
            for o in &c.obligations {
                let obligation = dicts[Dim::Obligation.index()].intern(&o.id);
                let values = [year, region, recipient, donor, obligation, model, kind, status, period];
                for (col, v) in columns.iter_mut().zip(values) {
                    col.push(v);
                }
                row_contribution.push(ci as u32);
                amount.push(c.amount * o.share);
                plan.push(plan_id);
            }
        }

        let requirements = ds
            .requirements
            .iter()
            .map(|r| {
                let (region, subregion) = regions_for(&r.recipient, &ds.code_lists);
                RequirementRow {
                    recipient: r.recipient.clone(),
                    region,
                    subregion,
                    obligation: r.obligation.clone(),
                    year: r.year,
                    amount: r.amount,
                    plan: r.plan.clone(),
                    label: r.label.clone(),
                }
            })
            .collect();

        let mut rule_counts: std::collections::BTreeMap<(Rule, &str), usize> = Default::default();
        for c in &ds.contributions {
            let rule = c.model_rule.as_deref().and_then(Rule::parse).unwrap_or(Rule::Stated);
            *rule_counts.entry((rule, c.model.as_str())).or_default() += 1;
        }
        let model_rules = rule_counts.into_iter().map(|((rule, model), n)| ModelRuleCount { rule, model: model.to_string(), contributions: n }).collect();

        Store {
            contribution_ids: ds.contributions.iter().map(|c| c.id.clone()).collect(),
            model_rules,
            metadata: ds.metadata.clone(),
            code_lists: ds.code_lists.clone(),
            dicts,
            columns,
            row_contribution,
            amount,
            plan,
            plans,
            donors: named_by_country_when_alone(donors),
            region_parent,
            contribution_count: ds.contributions.len(),
            requirements,
        }
    }

    pub fn rows(&self) -> usize {
        self.amount.len()
    }

    pub fn column(&self, dim: Dim) -> &[u32] {
        &self.columns[dim.index()]
    }

    pub fn dict(&self, dim: Dim) -> &Dictionary {
        &self.dicts[dim.index()]
    }

    /// What `dim` holds across the whole dataset.
    pub fn coverage(&self, dim: Dim) -> Coverage {
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
            (Some(only), None) if only == "unspecified" => Coverage::NotRecorded,
            (Some(only), None) => Coverage::Single(only.clone()),
            _ => Coverage::Several,
        }
    }

    /// Does the dataset record money at this stage anywhere?
    pub fn records_stage(&self, stage: codes::Status) -> bool {
        !self.metadata.not_recorded.iter().any(|d| d == "status") && self.column(Dim::Status).contains(&(stage as u32))
    }

    pub fn year_of(&self, year_index: u32) -> i32 {
        self.dict(Dim::Year).ids[year_index as usize].parse().unwrap_or(0)
    }
}

/// "2023-H1" when the contribution's date falls in its year, else "2023".
pub fn period_of(c: &crate::core::format::dataset::Contribution) -> String {
    let month: Option<u32> = c.date.as_deref().filter(|d| d.get(..4) == Some(c.year.to_string().as_str())).and_then(|d| d.get(5..7)?.parse().ok());
    match month {
        Some(m @ 1..=12) => format!("{}-H{}", c.year, if m <= 6 { 1 } else { 2 }),
        _ => c.year.to_string(),
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
