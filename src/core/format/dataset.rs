//! The published dataset format, version 1 (docs/dataset-format.md, public/schema/dataset-v1.schema.json).
//! These types are what importers write and what validation yields; they are not the in-memory
//! form charts are computed from (that is `store::Store`).

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The `format` value that marks a JSON document as an Alianzas dataset.
pub const FORMAT_NAME: &str = "alianzas-dataset";
/// The format version this code reads and writes; validation rejects any other.
pub const FORMAT_VERSION: u32 = 1;

/// One published dataset document: where its figures come from, the codes it adds, the money and
/// the needs.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Dataset {
    /// Always `FORMAT_NAME`.
    pub format: String,
    /// Always `FORMAT_VERSION`.
    pub version: u32,
    /// Source, licence and dates: what the dashboard header shows so the figures can be cited.
    pub metadata: Metadata,
    /// Codes this dataset adds to the built-in lists.
    #[serde(default, skip_serializing_if = "CodeLists::is_empty")]
    pub code_lists: CodeLists,
    /// The money, one record per contribution at one pipeline stage; may be empty.
    pub contributions: Vec<Contribution>,
    /// The needs the money should cover, so the unmet part (the gap) can be shown.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub requirements: Vec<Requirement>,
    /// Plans with objectives and indicators (v1.1): what the money is meant to achieve, and how far
    /// it got. Requirements and contributions link to them by `plan` and `objectives`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub plans: Vec<Plan>,
}

impl Dataset {
    /// A dataset of this format and version, with no added codes: what an importer writes.
    pub fn new(metadata: Metadata, contributions: Vec<Contribution>, requirements: Vec<Requirement>) -> Dataset {
        Dataset {
            format: FORMAT_NAME.into(),
            version: FORMAT_VERSION,
            metadata,
            code_lists: CodeLists::default(),
            contributions,
            requirements,
            plans: Vec::new(),
        }
    }
}

/// Where a dataset comes from and how to cite it.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Default)]
pub struct Metadata {
    /// Short stable identifier, e.g. `fts-afghanistan-2020`.
    pub id: String,
    /// What the dataset covers, as readers should see it.
    pub title: String,
    /// One or two sentences of scope.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Who published the source figures.
    pub publisher: String,
    /// Where the source can be found; shown as a link only when `safe_link` accepts it.
    pub source_url: String,
    /// The terms of reuse, as the publisher states them.
    pub licence: String,
    /// Link to the licence text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub licence_url: Option<String>,
    /// ISO 4217 code all amounts are expressed in.
    pub currency: String,
    /// The date the source's figures describe ("data as of"), ISO 8601.
    pub data_as_of: String,
    /// When the source was downloaded, ISO 8601.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retrieved: Option<String>,
    /// The publisher's version of this dataset (e.g. "2020-H2"); embeds pin it.
    pub dataset_version: String,
    /// The tool that wrote the file, e.g. "alianzas 0.1.0 import --from fts".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub generator: Option<String>,
    /// Dimensions the source does not record (`donor`, `status`, `model`, `obligation`, `kind`):
    /// the dashboard leaves out their charts and says why instead of drawing one meaningless bar.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub not_recorded: Vec<String>,
    /// Amounts converted into `currency` from others: per currency, by which published rates and
    /// the days whose rates were used.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub exchange_rates: Vec<ExchangeRateUse>,
}

/// How amounts in one currency were converted into the dataset's currency.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Default)]
pub struct ExchangeRateUse {
    /// The ISO 4217 code converted from.
    pub currency: String,
    /// The rate table ("ECB euro foreign exchange reference rates, …") or "--rate" for a fixed rate.
    pub source: String,
    /// The first and last days whose rates were used.
    pub first_day: String,
    /// See `first_day`.
    pub last_day: String,
    /// How many amounts were converted.
    pub amounts: usize,
}

/// The dimensions `metadata.not_recorded` may name.
pub const RECORDABLE: [&str; 5] = ["donor", "status", "model", "obligation", "kind"];

/// Codes a dataset adds to the built-in lists, with labels by language code.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Default)]
pub struct CodeLists {
    /// Obligation codes; an entry's `group` is its framework (`mine-ban`, `refugee`, ...).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub obligations: Vec<CodeEntry>,
    /// Cooperation model codes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub models: Vec<CodeEntry>,
    /// Recipients beyond ISO countries and M49 areas; an entry's `group` is the M49 area it belongs to.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub recipients: Vec<CodeEntry>,
}

impl CodeLists {
    /// No added code at all, so `code_lists` is left out of the written file.
    pub fn is_empty(&self) -> bool {
        self.obligations.is_empty() && self.models.is_empty() && self.recipients.is_empty()
    }
}

/// A code a dataset adds to a built-in list, with its labels.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct CodeEntry {
    /// The code contributions and requirements use.
    pub id: String,
    /// Language code → label; "en" or "es" should be present.
    pub labels: BTreeMap<String, String>,
    /// Obligations: the framework group; recipients: the M49 region code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
}

/// Who gives the money.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Donor {
    /// Identifier of the donor within the dataset; the store joins contributions on it.
    pub id: String,
    /// The donor's name as the source writes it.
    pub name: String,
    /// `type` in JSON: one of the `codes::DONOR_TYPES` ids (government, multilateral, un-agency, ...).
    #[serde(rename = "type")]
    pub donor_type: String,
    /// A government donor's country (ISO 3166-1 alpha-3): sources name governments differently
    /// ("Germany, Government of", "Germany"), the country code joins them and names them per language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
}

/// The part of a contribution that goes to one obligation.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct ObligationShare {
    /// Obligation code.
    pub id: String,
    /// Fraction of the amount, 0 to 1; a contribution's shares add up to 1, so nothing counts twice.
    pub share: f64,
}

/// Money from one donor to one recipient for one year, at one stage of the pipeline (pledged,
/// committed or disbursed).
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Contribution {
    /// Unique within the dataset; validation reports duplicates.
    pub id: String,
    /// Who gives the money.
    pub donor: Donor,
    /// ISO 3166 alpha-3 country, an M49 area code, or a dataset-defined recipient code.
    pub recipient: String,
    /// The year the money is for (1900–2100).
    pub year: i32,
    /// `YYYY-MM-DD` of the transaction, when the source gives it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// One or several obligations; shares add up to 1.
    pub obligations: Vec<ObligationShare>,
    /// How the obligations were decided when the publisher's codes did not name them
    /// (`obligation_rules::Rule` id); absent: from the publisher's codes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub obligation_rule: Option<String>,
    /// What the obligation rule matched: the phrases and where they were found.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub obligation_evidence: Option<String>,
    /// Cooperation model code (`codes::MODELS` or one the dataset adds).
    pub model: String,
    /// How the model was decided when the source did not state it (cooperation::Rule id); absent: stated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub model_rule: Option<String>,
    /// What the rule matched, so a reader can check it: a phrase and where it was found
    /// (`title: “…cooperación sur-sur…”`), the publisher's field (`TIPO DE COOPERACION: SUR SUR`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub model_evidence: Option<String>,
    /// `financial`, `in-kind` or `technical` (`codes::KINDS`).
    pub kind: String,
    /// The stage this record reports: `pledged`, `committed` or `disbursed`. Stages are never summed.
    pub status: String,
    /// Non-negative, in `metadata.currency`.
    pub amount: f64,
    /// The appeal or plan the money counts towards, matched by requirements with the same plan.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan: Option<String>,
    /// Free text from the source.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Places below the recipient country the money is for, as the source geocoded them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub places: Vec<Place>,
    /// The stages this contribution went through, as dated snapshots of the source recorded them
    /// (a pledge that became a commitment): oldest first, the last one being `status` and `amount`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<StageAt>,
    /// Ids of the plan objectives this money serves (`plans[].objectives[].id`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub objectives: Vec<String>,
}

/// A contribution's stage and amount as of one date.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct StageAt {
    /// `YYYY-MM-DD` of the snapshot that recorded it.
    pub date: String,
    /// `pledged`, `committed` or `disbursed`.
    pub status: String,
    /// The amount recorded then, in `metadata.currency`.
    pub amount: f64,
}

/// A place below the country (a first-level administrative division), as a source names it.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Place {
    /// The ISO 3166-2 code of a first-level division (`MX-CHP`), one Natural Earth's admin-1 table lists.
    pub id: String,
    /// The place's name as the source writes it.
    pub name: String,
    /// Fraction of the amount for this place, when the source splits it (0 to 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub share: Option<f64>,
}

/// A need: money required for a recipient (and optionally one obligation) in a year. Funding short
/// of it is the gap.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Requirement {
    /// Recipient code, as for contributions.
    pub recipient: String,
    /// Absent: the need covers every obligation (e.g. a whole response plan).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub obligation: Option<String>,
    /// The year the need is for.
    pub year: i32,
    /// Non-negative, in `metadata.currency`.
    pub amount: f64,
    /// When present, funding is matched to this need by plan rather than by recipient and year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan: Option<String>,
    /// The name people know the need by, e.g. `Afghanistan 2020`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// Ids of the plan objectives this need is for (`plans[].objectives[].id`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub objectives: Vec<String>,
}

/// A plan (a country operation's plan, a national action plan) and what it sets out to achieve.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Plan {
    /// Unique in the dataset; requirements and contributions name it in `plan`.
    pub id: String,
    /// The plan's name by language code (`en`, `es`, `fr`, `ar`); at least one.
    pub labels: BTreeMap<String, String>,
    /// The country (or region) the plan is for, a recipient code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recipient: Option<String>,
    /// The year the plan is for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    /// What the plan sets out to achieve.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub objectives: Vec<Objective>,
}

/// One objective of a plan (an outcome area, a pillar), with the indicators that measure it.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Objective {
    /// Unique in the dataset.
    pub id: String,
    /// The objective's name by language code; at least one.
    pub labels: BTreeMap<String, String>,
    /// The objective this one is part of (an id of the same plan).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    /// How progress is measured.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub indicators: Vec<Indicator>,
}

/// One indicator: where it started, where it should get, where it got. Values of different
/// indicators are in different units and are never added together.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Indicator {
    /// The indicator's name by language code; at least one.
    pub labels: BTreeMap<String, String>,
    /// `percent`, `number`, or another unit named in words.
    pub unit: String,
    /// False when less is better (e.g. a mortality rate); true when absent.
    #[serde(default = "ascending_default", skip_serializing_if = "is_true")]
    pub ascending: bool,
    /// The value at the start.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baseline: Option<f64>,
    /// The year of the baseline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baseline_year: Option<i32>,
    /// The value the plan aims at by `end`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<f64>,
    /// The value reached by `end`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actual: Option<f64>,
    /// `YYYY-MM-DD`: the period the target and actual are for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<String>,
    /// `YYYY-MM-DD`: the end of that period.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<String>,
    /// Who the figure is about (e.g. `Refugees and Asylum-seekers`), as the source says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub population: Option<String>,
}

fn ascending_default() -> bool {
    true
}

fn is_true(b: &bool) -> bool {
    *b
}

/// A dataset's URL as a link target only when it is http(s): `javascript:` and the like stay text.
pub fn safe_link(url: &str) -> Option<String> {
    let lower = url.trim().to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://")).then(|| url.trim().to_string())
}
