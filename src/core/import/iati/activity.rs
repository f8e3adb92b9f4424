//! What is kept of an `<iati-activity>` while the file streams: only the fields the importer
//! reads, as text (the mapping happens once the activity is complete).

use super::Sector;

/// Text with a flag: did it carry an `xml:lang` (narratives without one are preferred).
#[derive(Clone, Debug, Default)]
pub(super) struct Narrative {
    pub(super) text: Option<String>,
    pub(super) has_lang: bool,
}

impl Narrative {
    /// Offers a narrative: the first non-empty one is kept, and replaced only by a later one
    /// without `xml:lang` when the kept one has it.
    pub(super) fn offer(&mut self, text: String, has_lang: bool) {
        let text = text.trim().to_string();
        if text.is_empty() {
            return;
        }
        if self.text.is_none() || (self.has_lang && !has_lang) {
            self.text = Some(text);
            self.has_lang = has_lang;
        }
    }
}

/// An organisation element (reporting-org, participating-org, provider-org).
#[derive(Clone, Debug, Default)]
pub(super) struct Org {
    pub(super) reference: Option<String>,
    pub(super) org_type: Option<String>,
    pub(super) name: Narrative,
}

impl Org {
    /// A usable reference: `ref="-"` and the like are not.
    pub(super) fn reference(&self) -> Option<&str> {
        self.reference.as_deref().filter(|r| r.chars().any(char::is_alphanumeric))
    }
}

/// A recipient-country or recipient-region element, before mapping.
#[derive(Clone, Debug)]
pub(super) struct RecipientRaw {
    pub(super) element: &'static str,
    pub(super) code: Option<String>,
    pub(super) vocabulary: Option<String>,
    pub(super) percentage: Option<String>,
}

/// A `<budget>` as read.
#[derive(Clone, Debug, Default)]
pub(super) struct Budget {
    pub(super) budget_type: Option<String>,
    pub(super) status: Option<String>,
    pub(super) start: Option<String>,
    pub(super) end: Option<String>,
    pub(super) value: Option<String>,
    pub(super) currency: Option<String>,
}

/// A `<transaction>` as read; `index` (1-based) and `line` locate it in the report.
#[derive(Clone, Debug, Default)]
pub(super) struct Transaction {
    pub(super) index: usize,
    pub(super) line: usize,
    pub(super) type_code: Option<String>,
    pub(super) type_present: bool,
    pub(super) date: Option<String>,
    pub(super) value: Option<String>,
    pub(super) value_attrs: Vec<(String, String)>,
    pub(super) value_present: bool,
    pub(super) currency: Option<String>,
    pub(super) value_date: Option<String>,
    pub(super) value_usd: Option<String>,
    pub(super) description: Narrative,
    pub(super) provider: Option<Org>,
    pub(super) recipients: Vec<RecipientRaw>,
    pub(super) sectors: Vec<Sector>,
    pub(super) aid_types: Vec<(String, String)>,
    /// Why the transaction cannot be read as the source gave it (a Datastore document whose
    /// flattened fields cannot be paired with its transactions).
    pub(super) problem: Option<String>,
}

/// An `<iati-activity>`: the few fields the importer needs, with its budgets and transactions.
#[derive(Clone, Debug, Default)]
pub(super) struct Activity {
    pub(super) id: Option<String>,
    pub(super) default_currency: Option<String>,
    pub(super) reporting_org: Option<Org>,
    pub(super) funding_orgs: Vec<Org>,
    pub(super) title: Narrative,
    pub(super) description: Narrative,
    pub(super) recipients: Vec<RecipientRaw>,
    pub(super) sectors: Vec<Sector>,
    pub(super) collaboration_type: Option<String>,
    pub(super) default_aid_types: Vec<(String, String)>,
    pub(super) budgets: Vec<Budget>,
    pub(super) transactions: Vec<Transaction>,
    /// The title in other languages (language code → text), where the source gives them.
    pub(super) other_titles: Vec<(String, String)>,
    /// `<result>`s: what the activity set out to achieve, and how far it got.
    pub(super) results: Vec<ResultRaw>,
    /// `<location>`s, for places by point-in-polygon.
    pub(super) locations: Vec<LocationRaw>,
}

/// A `<location>` as read: its reference, name and `<point><pos>` ("latitude longitude").
#[derive(Clone, Debug, Default)]
pub(super) struct LocationRaw {
    pub(super) reference: Option<String>,
    pub(super) name: Narrative,
    pub(super) pos: Option<String>,
    /// GeoNames feature designation (`PCLI`: a whole country; `ADM1`, `PPL`…).
    pub(super) feature_designation: Option<String>,
    /// IATI GeographicExactness: 1 exact, 2 approximate.
    pub(super) exactness: Option<String>,
}

/// A `<result>` as read: an outcome (or output, impact) and its indicators.
#[derive(Clone, Debug, Default)]
pub(super) struct ResultRaw {
    /// IATI ResultType: 1 output, 2 outcome, 3 impact, 9 other.
    pub(super) result_type: Option<String>,
    pub(super) title: Narrative,
    pub(super) indicators: Vec<IndicatorRaw>,
}

/// A result `<indicator>` with one period's target and actual, as text.
#[derive(Clone, Debug, Default)]
pub(super) struct IndicatorRaw {
    pub(super) title: Narrative,
    /// IATI IndicatorMeasure: 1 unit, 2 percentage, 3 nominal, 4 ordinal, 5 qualitative.
    pub(super) measure: Option<String>,
    pub(super) ascending: Option<String>,
    pub(super) baseline: Option<String>,
    pub(super) baseline_year: Option<String>,
    pub(super) start: Option<String>,
    pub(super) end: Option<String>,
    pub(super) target: Option<String>,
    pub(super) actual: Option<String>,
    /// Who the figures are about (a "Population Type" dimension).
    pub(super) population: Option<String>,
}
