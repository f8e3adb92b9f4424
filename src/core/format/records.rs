//! Contributions read by position, wherever they are held: the records of a v1 dataset or the
//! columns of the columnar encoding. The store is built through it, so a million columnar records
//! are never turned into a million objects.

use super::dataset::{Contribution, Donor, ObligationShare, Place, StageAt};

/// One contribution borrowed from wherever it is held: a v1 record or the columns of the columnar
/// encoding. The store reads contributions this way, and decoding the columns owns them.
pub struct Rec<'a> {
    /// See `Contribution`.
    pub id: &'a str,
    #[allow(missing_docs)]
    pub donor: &'a Donor,
    #[allow(missing_docs)]
    pub recipient: &'a str,
    #[allow(missing_docs)]
    pub year: i32,
    #[allow(missing_docs)]
    pub date: Option<&'a str>,
    #[allow(missing_docs)]
    pub obligations: &'a [ObligationShare],
    #[allow(missing_docs)]
    pub model: &'a str,
    #[allow(missing_docs)]
    pub kind: &'a str,
    #[allow(missing_docs)]
    pub status: &'a str,
    #[allow(missing_docs)]
    pub amount: f64,
    #[allow(missing_docs)]
    pub plan: Option<&'a str>,
    #[allow(missing_docs)]
    pub places: &'a [Place],
    #[allow(missing_docs)]
    pub history: &'a [StageAt],
    #[allow(missing_docs)]
    pub model_rule: Option<&'a str>,
    #[allow(missing_docs)]
    pub model_evidence: Option<&'a str>,
    #[allow(missing_docs)]
    pub obligation_rule: Option<&'a str>,
    #[allow(missing_docs)]
    pub obligation_evidence: Option<&'a str>,
    #[allow(missing_docs)]
    pub description: Option<&'a str>,
    #[allow(missing_docs)]
    pub objectives: &'a [String],
}

/// Where each record's repeated values sit among their column's distinct values, in a source that
/// writes each value once (the columnar encoding): records with the same key in a field hold the
/// same value there, so the store works each value out once, not once per record. An empty slice
/// is a column the file leaves out: every record holds the absent value, key 0.
#[derive(Clone, Copy, Debug)]
#[allow(missing_docs)]
pub struct KeyColumns<'a> {
    pub donor: &'a [u32],
    pub recipient: &'a [u32],
    pub year: &'a [u32],
    pub date: &'a [u32],
    pub obligations: &'a [u32],
    pub model: &'a [u32],
    pub kind: &'a [u32],
    pub status: &'a [u32],
    pub plan: &'a [u32],
    pub places: &'a [u32],
    pub history: &'a [u32],
    pub model_rule: &'a [u32],
    pub model_evidence: &'a [u32],
    pub obligation_rule: &'a [u32],
    pub obligation_evidence: &'a [u32],
}

/// Contributions the store can be built from, by position.
pub trait Records {
    /// How many.
    fn len(&self) -> usize;
    /// The contribution at `i` (< `len`).
    fn get(&self, i: usize) -> Rec<'_>;
    /// The amount of the contribution at `i` (< `len`), without reading the rest of it.
    fn amount(&self, i: usize) -> f64 {
        self.get(i).amount
    }
    /// The keys of every record's repeated values; None where every record holds its own (v1
    /// records).
    fn keys(&self) -> Option<KeyColumns<'_>> {
        None
    }
    /// Every id, when the source holds them as one list already (copied whole, not one by one).
    fn ids(&self) -> Option<&super::ids::Ids> {
        None
    }
    /// Whether there is none.
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl dyn Records + '_ {
    /// Every contribution, in order.
    pub fn iter(&self) -> impl Iterator<Item = Rec<'_>> + Clone {
        (0..self.len()).map(move |i| self.get(i))
    }
}

impl Records for Vec<Contribution> {
    fn len(&self) -> usize {
        Vec::len(self)
    }
    fn amount(&self, i: usize) -> f64 {
        self[i].amount
    }
    fn get(&self, i: usize) -> Rec<'_> {
        let c = &self[i];
        Rec {
            id: &c.id,
            donor: &c.donor,
            recipient: &c.recipient,
            year: c.year,
            date: c.date.as_deref(),
            obligations: &c.obligations,
            model: &c.model,
            kind: &c.kind,
            status: &c.status,
            amount: c.amount,
            plan: c.plan.as_deref(),
            places: &c.places,
            history: &c.history,
            model_rule: c.model_rule.as_deref(),
            model_evidence: c.model_evidence.as_deref(),
            obligation_rule: c.obligation_rule.as_deref(),
            obligation_evidence: c.obligation_evidence.as_deref(),
            description: c.description.as_deref(),
            objectives: &c.objectives,
        }
    }
}

impl Rec<'_> {
    /// The contribution as a v1 record of its own.
    pub fn to_contribution(&self) -> Contribution {
        Contribution {
            id: self.id.to_string(),
            donor: self.donor.clone(),
            recipient: self.recipient.to_string(),
            year: self.year,
            date: self.date.map(str::to_string),
            obligations: self.obligations.to_vec(),
            obligation_rule: self.obligation_rule.map(str::to_string),
            obligation_evidence: self.obligation_evidence.map(str::to_string),
            model: self.model.to_string(),
            model_rule: self.model_rule.map(str::to_string),
            model_evidence: self.model_evidence.map(str::to_string),
            kind: self.kind.to_string(),
            status: self.status.to_string(),
            amount: self.amount,
            plan: self.plan.map(str::to_string),
            description: self.description.map(str::to_string),
            places: self.places.to_vec(),
            history: self.history.to_vec(),
            objectives: self.objectives.to_vec(),
        }
    }
}
