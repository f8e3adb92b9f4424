//! Building the store from contributions, one field at a time: each field is worked out in its own
//! tight pass over the records, once per distinct value where the source writes each value once
//! (the columnar encoding); then each contribution becomes a row per obligation and place, and the
//! rows take their contribution's values.

use super::{
    named_by_country_when_alone, period_key, period_name, regions_for, Dictionary, Dim, DonorInfo, Histories, ModelRuleCount, ObligationRuleCount,
    RequirementRow, Store, NO_PLACE, NO_PLAN, NO_TEXT,
};
use crate::core::format::codes;
use crate::core::format::cooperation::Rule;
use crate::core::format::dataset::{CodeLists, Metadata, Plan, Requirement};
use crate::core::format::obligation_rules::Rule as ObligationRule;
use crate::core::format::records::{KeyColumns, Rec, Records};
use rustc_hash::FxHashMap;
use std::collections::{BTreeMap, HashMap};

impl Store {
    // One copy of this long function for both sources (`dyn`): the page's code stays small.
    pub(super) fn build(records: &dyn Records, metadata: &Metadata, code_lists: &CodeLists, requirements: &[Requirement], plans_given: &[Plan]) -> Store {
        let n = records.len();
        let keys = records.keys();
        let key = |field: for<'k> fn(&'k KeyColumns<'k>) -> &'k [u32]| keys.as_ref().map(field);
        let mut dicts: [Dictionary; 10] = Default::default();
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

        // Every pass runs in record order, so each dictionary interns its codes in the order the
        // records first use them, whatever the source's encoding.
        let mut donors = Vec::new();
        let donor = per_record(n, key(|k| k.donor), |i| {
            let d = records.get(i).donor;
            let dict = &mut dicts[Dim::Donor.index()];
            let before = dict.len();
            let donor = dict.intern(&d.id);
            if dict.len() > before {
                donors.push(DonorInfo { name: d.name.clone(), donor_type: d.donor_type.clone(), country: d.country.clone() });
            }
            donor
        });
        let mut region_parent = Vec::new();
        let mut recipient_region: FxHashMap<String, u32> = Default::default();
        let recipient_and_region = per_record(n, key(|k| k.recipient), |i| {
            let r = records.get(i).recipient;
            let recipient = dicts[Dim::Recipient.index()].intern(r);
            let region = match recipient_region.get(r) {
                Some(&region) => region,
                None => {
                    let (parent, sub) = regions_for(r, code_lists);
                    let dict = &mut dicts[Dim::Region.index()];
                    let before = dict.len();
                    let region = dict.intern(sub);
                    if dict.len() > before {
                        region_parent.push(parent);
                    }
                    recipient_region.insert(r.to_string(), region);
                    region
                }
            };
            (recipient, region)
        });
        let model = per_record(n, key(|k| k.model), |i| dicts[Dim::Model.index()].intern(records.get(i).model));
        let kind = per_record(n, key(|k| k.kind), |i| dicts[Dim::Kind.index()].intern(records.get(i).kind));
        let status = per_record(n, key(|k| k.status), |i| dicts[Dim::Status.index()].intern(records.get(i).status));
        let mut plans = Dictionary::default();
        let plan_of = per_record(n, key(|k| k.plan), |i| records.get(i).plan.map_or(NO_PLAN, |p| plans.intern(p)));
        let followed = per_record(n, key(|k| k.history), |i| !records.get(i).history.is_empty()).contains(&true);

        // A period is a year and a half (0: none, 1, 2), numbered here as first met; years and
        // periods are put in order once every record is read.
        let mut met_periods: Vec<(i32, u8)> = Vec::new();
        let mut period_met_at: FxHashMap<(i32, u8), u32> = Default::default();
        let mut meet = |c: Rec<'_>| {
            let period = period_key(c.year, c.date);
            *period_met_at.entry(period).or_insert_with(|| {
                met_periods.push(period);
                (met_periods.len() - 1) as u32
            })
        };
        let period_met: Vec<u32> = match &keys {
            None => (0..n).map(|i| meet(records.get(i))).collect(),
            // A period depends on the year and the date: worked out once per pair of keys.
            Some(k) => {
                let mut by_pair: FxHashMap<(u32, u32), u32> = Default::default();
                (0..n).map(|i| *by_pair.entry((key_at(k.year, i), key_at(k.date, i))).or_insert_with(|| meet(records.get(i)))).collect()
            }
        };

        // Places split the amount by their shares (equal parts where the source gives none).
        let mut place_names: HashMap<String, String> = HashMap::new();
        let (place_splits, places_of) = distinct_per_record(n, key(|k| k.places), |i| {
            let c = records.get(i);
            if c.places.is_empty() {
                return vec![(dicts[Dim::Place.index()].intern(NO_PLACE), 1.0)];
            }
            let given: f64 = c.places.iter().filter_map(|p| p.share).sum();
            let equal = c.places.iter().all(|p| p.share.is_none()) || given <= 0.0;
            c.places
                .iter()
                .map(|p| {
                    place_names.entry(p.id.clone()).or_insert_with(|| p.name.clone());
                    let share = if equal { 1.0 / c.places.len() as f64 } else { p.share.unwrap_or(0.0) / given };
                    (dicts[Dim::Place.index()].intern(&p.id), share)
                })
                .collect()
        });
        let (obligation_splits, obligations_of) = distinct_per_record(n, key(|k| k.obligations), |i| {
            records.get(i).obligations.iter().map(|o| (dicts[Dim::Obligation.index()].intern(&o.id), o.share)).collect::<Vec<_>>()
        });

        // Rules are counted by their position among the rules met, against each code.
        let mut model_rules_met: Vec<Rule> = Vec::new();
        let model_rule = per_record(n, key(|k| k.model_rule), |i| {
            position_of(&mut model_rules_met, records.get(i).model_rule.and_then(Rule::parse).unwrap_or(Rule::Stated))
        });
        let mut obligation_rules_met: Vec<ObligationRule> = Vec::new();
        let obligation_rule = per_record(n, key(|k| k.obligation_rule), |i| {
            records.get(i).obligation_rule.and_then(ObligationRule::parse).map(|rule| position_of(&mut obligation_rules_met, rule))
        });
        let models = dicts[Dim::Model.index()].len();
        let mut model_rule_counts = vec![0usize; model_rules_met.len() * models];
        for i in 0..n {
            model_rule_counts[model_rule[i] as usize * models + model[i] as usize] += 1;
        }

        // Interned in the order record by record reads them, as the four fields share a dictionary.
        let mut rule_texts = Dictionary::default();
        let text_keys = [key(|k| k.model_rule), key(|k| k.model_evidence), key(|k| k.obligation_rule), key(|k| k.obligation_evidence)];
        let mut text_memos: [Vec<Option<u32>>; 4] = Default::default();
        let derivations: Vec<[u32; 4]> = (0..n)
            .map(|i| {
                let mut derivation = [NO_TEXT; 4];
                for (field, text) in derivation.iter_mut().enumerate() {
                    *text = remembered(&mut text_memos[field], text_keys[field], i, || {
                        let c = records.get(i);
                        [c.model_rule, c.model_evidence, c.obligation_rule, c.obligation_evidence][field].map_or(NO_TEXT, |t| rule_texts.intern(t))
                    });
                }
                derivation
            })
            .collect();

        // One row per contribution, obligation and place. Written by position into columns of the
        // final length: at opt-level "z" a push per value stays a call.
        let obligations = dicts[Dim::Obligation.index()].len();
        let mut obligation_counts = vec![0usize; obligation_rules_met.len() * obligations];
        let rows: usize = (0..n).map(|i| obligation_splits[obligations_of[i] as usize].len() * place_splits[places_of[i] as usize].len()).sum();
        let mut row_contribution = vec![0u32; rows];
        let mut obligation_column = vec![0u32; rows];
        let mut place_column = vec![0u32; rows];
        let mut amount = vec![0f64; rows];
        let mut row = 0;
        for i in 0..n {
            let money = records.amount(i);
            let places = &place_splits[places_of[i] as usize];
            for &(obligation, share) in &obligation_splits[obligations_of[i] as usize] {
                if let Some(rule) = obligation_rule[i] {
                    obligation_counts[rule as usize * obligations + obligation as usize] += 1;
                }
                for &(place, place_share) in places {
                    row_contribution[row] = i as u32;
                    obligation_column[row] = obligation;
                    place_column[row] = place;
                    amount[row] = money * share * place_share;
                    row += 1;
                }
            }
        }

        let mut periods = met_periods.clone();
        periods.sort_unstable_by_key(|&(y, h)| (period_name(y, h), y));
        for &(y, h) in &periods {
            dicts[Dim::Period.index()].intern(&period_name(y, h));
        }
        let mut years: Vec<i32> = periods.iter().map(|&(y, _)| y).collect();
        years.sort_unstable();
        years.dedup();
        for y in &years {
            dicts[Dim::Year.index()].intern(&y.to_string());
        }
        let year_of_met: Vec<u32> = met_periods.iter().map(|&(y, _)| years.binary_search(&y).expect("a year met") as u32).collect();
        let period_of_met: Vec<u32> = met_periods.iter().map(|met| periods.iter().position(|p| p == met).expect("a period met") as u32).collect();

        let year: Vec<u32> = period_met.iter().map(|&met| year_of_met[met as usize]).collect();
        let period: Vec<u32> = period_met.iter().map(|&met| period_of_met[met as usize]).collect();
        let (recipient, region): (Vec<u32>, Vec<u32>) = recipient_and_region.into_iter().unzip();
        let by_row = |per_record: &[u32]| by_row(per_record, &row_contribution);
        let columns: [Vec<u32>; 10] = [
            by_row(&year),
            by_row(&region),
            by_row(&recipient),
            by_row(&donor),
            obligation_column,
            by_row(&model),
            by_row(&kind),
            by_row(&status),
            by_row(&period),
            place_column,
        ];
        let plan = by_row(&plan_of);

        let requirements = requirements
            .iter()
            .map(|r| {
                let (region, subregion) = regions_for(&r.recipient, code_lists);
                RequirementRow {
                    recipient: r.recipient.clone(),
                    region,
                    subregion,
                    obligation: r.obligation.clone(),
                    year: r.year,
                    amount: r.amount,
                    plan: r.plan.clone(),
                    label: r.label.clone(),
                    objectives: r.objectives.clone(),
                }
            })
            .collect();

        // In the order of rule, then code.
        let code = |dim: Dim, i: usize| dicts[dim.index()].ids[i].clone();
        let counted = |counts: &[usize], codes: usize| {
            counts.iter().enumerate().filter(|(_, &n)| n > 0).map(move |(at, &n)| (at / codes, at % codes, n)).collect::<Vec<_>>()
        };
        let model_rules: BTreeMap<_, _> =
            counted(&model_rule_counts, models).into_iter().map(|(rule, model, n)| ((model_rules_met[rule], code(Dim::Model, model)), n)).collect();
        let model_rules = model_rules.into_iter().map(|((rule, model), n)| ModelRuleCount { rule, model, contributions: n }).collect();
        let obligation_rules: BTreeMap<_, _> = counted(&obligation_counts, obligations)
            .into_iter()
            .map(|(rule, obligation, n)| ((obligation_rules_met[rule], code(Dim::Obligation, obligation)), n))
            .collect();
        let obligation_rules = obligation_rules.into_iter().map(|((rule, obligation), n)| ObligationRuleCount { rule, obligation, contributions: n }).collect();

        let mut store = Store {
            coverage: Vec::new(),
            stages_present: [false; 3],
            contribution_ids: records.ids().cloned().unwrap_or_else(|| records.iter().map(|c| c.id).collect()),
            derivations,
            rule_texts,
            histories: if followed { Histories::of(records) } else { Histories::default() },
            plan_details: plans_given.to_vec(),
            place_names,
            model_rules,
            obligation_rules,
            metadata: metadata.clone(),
            code_lists: code_lists.clone(),
            dicts,
            columns,
            row_contribution,
            amount,
            plan,
            plans,
            donors: named_by_country_when_alone(donors),
            region_parent,
            contribution_count: n,
            requirements,
        };
        store.coverage = Dim::ALL.map(|d| store.scan_coverage(d)).to_vec();
        let mut present = [false; 3];
        for &stage in store.column(Dim::Status) {
            if let Some(seen) = present.get_mut(stage as usize) {
                *seen = true;
            }
        }
        store.stages_present = present;
        store
    }
}

/// Each record's result for one field, worked out once per key where the source gives keys (at the
/// key's first record, in record order), else once per record.
fn per_record<V: Copy + Default>(n: usize, keys: Option<&[u32]>, mut make: impl FnMut(usize) -> V) -> Vec<V> {
    let Some(keys) = keys else { return (0..n).map(make).collect() };
    if keys.len() < n {
        // A column left out of the file: every record holds the absent value.
        return if n == 0 { Vec::new() } else { vec![make(0); n] };
    }
    // Indexes rather than iterators: at opt-level "z" the wasm keeps an iterator's next() as a call.
    let keys = &keys[..n];
    let mut out = vec![V::default(); n];
    let mut by_key: Vec<V> = Vec::new();
    let mut met: Vec<bool> = Vec::new();
    for i in 0..n {
        // Keys index a column's values, which validation bounds.
        let k = keys[i] as usize;
        if k >= met.len() {
            met.resize(k + 1, false);
            by_key.resize(k + 1, V::default());
        }
        if !met[k] {
            met[k] = true;
            by_key[k] = make(i);
        }
        out[i] = by_key[k];
    }
    out
}

/// Each row's value, from its contribution's.
fn by_row(per_record: &[u32], row_contribution: &[u32]) -> Vec<u32> {
    let mut out = vec![0; row_contribution.len()];
    for row in 0..row_contribution.len() {
        out[row] = per_record[row_contribution[row] as usize];
    }
    out
}

/// Like `per_record` for results that are lists: each distinct result once, and each record's
/// position among them.
fn distinct_per_record<V>(n: usize, keys: Option<&[u32]>, mut make: impl FnMut(usize) -> V) -> (Vec<V>, Vec<u32>) {
    let mut distinct = Vec::new();
    let positions = per_record(n, keys, |i| {
        distinct.push(make(i));
        (distinct.len() - 1) as u32
    });
    (distinct, positions)
}

/// Record `i`'s result, from `memo` when its key has been met.
fn remembered<V: Copy>(memo: &mut Vec<Option<V>>, keys: Option<&[u32]>, i: usize, make: impl FnOnce() -> V) -> V {
    let Some(keys) = keys else { return make() };
    // Keys index a column's values, which validation bounds.
    let k = key_at(keys, i) as usize;
    if k >= memo.len() {
        memo.resize(k + 1, None);
    }
    *memo[k].get_or_insert_with(make)
}

/// Record `i`'s key; a column left out of the file holds one value, key 0.
fn key_at(keys: &[u32], i: usize) -> u32 {
    keys.get(i).copied().unwrap_or(0)
}

/// Where `value` is in `met`, added at the end when new.
fn position_of<T: PartialEq>(met: &mut Vec<T>, value: T) -> u32 {
    match met.iter().position(|m| *m == value) {
        Some(at) => at as u32,
        None => {
            met.push(value);
            (met.len() - 1) as u32
        }
    }
}
