//! The published dataset format, version 1 (docs/dataset-format.md, public/schema/dataset-v1.schema.json).
//! These types are what importers write and what validation yields; they are not the in-memory
//! form charts are computed from (that is `store::Store`).

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

pub const FORMAT_NAME: &str = "alianzas-dataset";
pub const FORMAT_VERSION: u32 = 1;

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Dataset {
    pub format: String,
    pub version: u32,
    pub metadata: Metadata,
    #[serde(default, skip_serializing_if = "CodeLists::is_empty")]
    pub code_lists: CodeLists,
    pub contributions: Vec<Contribution>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub requirements: Vec<Requirement>,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Default)]
pub struct Metadata {
    pub id: String,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    pub publisher: String,
    pub source_url: String,
    pub licence: String,
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
}

/// The dimensions `metadata.not_recorded` may name.
pub const RECORDABLE: [&str; 5] = ["donor", "status", "model", "obligation", "kind"];

/// Codes a dataset adds to the built-in lists, with labels by language code.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Default)]
pub struct CodeLists {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub obligations: Vec<CodeEntry>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub models: Vec<CodeEntry>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub recipients: Vec<CodeEntry>,
}

impl CodeLists {
    pub fn is_empty(&self) -> bool {
        self.obligations.is_empty() && self.models.is_empty() && self.recipients.is_empty()
    }
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct CodeEntry {
    pub id: String,
    /// Language code → label; "en" or "es" should be present.
    pub labels: BTreeMap<String, String>,
    /// Obligations: the framework group; recipients: the M49 region code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Donor {
    pub id: String,
    pub name: String,
    #[serde(rename = "type")]
    pub donor_type: String,
    /// A government donor's country (ISO 3166-1 alpha-3): sources name governments differently
    /// ("Germany, Government of", "Germany"), the country code joins them and names them per language.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct ObligationShare {
    pub id: String,
    pub share: f64,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Contribution {
    pub id: String,
    pub donor: Donor,
    /// ISO 3166 alpha-3 country, an M49 area code, or a dataset-defined recipient code.
    pub recipient: String,
    pub year: i32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// One or several obligations; shares add up to 1.
    pub obligations: Vec<ObligationShare>,
    pub model: String,
    /// How the model was decided when the source did not state it (cooperation::Rule id); absent: stated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub model_rule: Option<String>,
    pub kind: String,
    pub status: String,
    pub amount: f64,
    /// The appeal or plan the money counts towards, matched by requirements with the same plan.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Requirement {
    pub recipient: String,
    /// Absent: the need covers every obligation (e.g. a whole response plan).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub obligation: Option<String>,
    pub year: i32,
    pub amount: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
}

/// A dataset's URL as a link target only when it is http(s): `javascript:` and the like stay text.
pub fn safe_link(url: &str) -> Option<String> {
    let lower = url.trim().to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://")).then(|| url.trim().to_string())
}
