//! Progress towards plan objectives (dataset v1.1): each indicator classed by where its actual
//! stands against its baseline and target, indicators counted per objective. Indicators are in
//! different units, so their values are never added: only how many met their target, moved
//! towards it, or did not.

use crate::core::analysis::query::{Filter, Selection};
use crate::core::analysis::store::{Dim, Store};
use crate::core::format::codes::Status;
use crate::core::format::dataset::{Indicator, Plan};
use crate::core::format::geo;
use crate::core::locale::lang::Lang;
use std::collections::{BTreeMap, HashSet};

/// Where an indicator stands at the end of its period.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Progress {
    /// The actual reached the target (or went beyond it, in the indicator's direction).
    Met,
    /// Short of the target, but better than the baseline.
    Towards,
    /// Short of the target and no better than the baseline, or short of it with no baseline given.
    Short,
    /// No target or no actual (impact indicators often have a baseline and an actual only):
    /// progress towards a target cannot be told.
    NotMeasured,
}

impl Progress {
    /// In the order the chart stacks them.
    pub const ALL: [Progress; 4] = [Progress::Met, Progress::Towards, Progress::Short, Progress::NotMeasured];

    /// Stable id, the same in every language.
    pub fn id(self) -> &'static str {
        match self {
            Progress::Met => "met",
            Progress::Towards => "towards",
            Progress::Short => "short",
            Progress::NotMeasured => "not-measured",
        }
    }

    /// Where `indicator` stands.
    pub fn of(indicator: &Indicator) -> Progress {
        let (Some(target), Some(actual)) = (indicator.target, indicator.actual) else { return Progress::NotMeasured };
        // "At least as good as", in the indicator's direction.
        let as_good = |a: f64, b: f64| if indicator.ascending { a >= b } else { a <= b };
        if as_good(actual, target) {
            Progress::Met
        } else if indicator.baseline.is_some_and(|baseline| actual != baseline && as_good(actual, baseline)) {
            Progress::Towards
        } else {
            Progress::Short
        }
    }
}

/// The objectives of the selected plans that share one name (UNHCR's "outcome area 1" of each
/// country operation is one group), with how their indicators stand.
#[derive(Clone, Debug, PartialEq)]
pub struct ObjectiveGroup {
    /// The name the group goes by in the dataset's first language, stable across readers.
    pub key: String,
    /// The name in the reader's language where the dataset gives it.
    pub label: String,
    /// How many plans have an objective of this name.
    pub plans: usize,
    /// Indicators per `Progress::ALL` class.
    pub counts: [usize; 4],
    /// Money needed for these objectives: requirements that name them.
    pub need: f64,
}

impl ObjectiveGroup {
    /// Every indicator of the group.
    pub fn indicators(&self) -> usize {
        self.counts.iter().sum()
    }
}

/// Objectives and money of the plans a filter selects.
#[derive(Clone, Debug, PartialEq)]
pub struct ObjectivesView {
    /// Groups, most indicators first.
    pub groups: Vec<ObjectiveGroup>,
    /// Plans selected.
    pub plans: usize,
    /// Money the selected plans need (their requirements), whether or not per objective.
    pub need: f64,
    /// Funding (committed and disbursed) that names a selected plan; `None` when no contribution
    /// of the dataset names any plan that has objectives (not reported, which is not zero).
    pub funded: Option<f64>,
}

/// The label of a map of names by language: the reader's, else English, else the first.
pub fn pick_label(labels: &BTreeMap<String, String>, lang: Lang) -> String {
    labels.get(lang.code()).or_else(|| labels.get("en")).or_else(|| labels.values().next()).cloned().unwrap_or_default()
}

/// The name objectives are grouped by: their first label (the dataset's first language), else their id.
fn group_key(o: &crate::core::format::dataset::Objective) -> &str {
    o.labels.values().next().map_or(o.id.as_str(), String::as_str)
}

/// Does the filter keep a plan: its recipient (and that recipient's region) and its year?
fn keeps(filter: &Filter, plan: &Plan) -> bool {
    let years = filter.year_from.unwrap_or(i32::MIN)..=filter.year_to.unwrap_or(i32::MAX);
    let recipient = plan.recipient.as_deref().unwrap_or("");
    let (recipients, regions) = (filter.values(Dim::Recipient), filter.values(Dim::Region));
    let in_region = |g: &String| geo::country(recipient).is_some_and(|c| g == c.region || g == c.subregion) || g == recipient;
    plan.year.is_none_or(|y| years.contains(&y))
        && (recipients.is_empty() || recipients.iter().any(|r| r == recipient))
        && (regions.is_empty() || regions.iter().any(in_region))
}

/// The objectives view of a filter: groups of objectives with their indicators' progress, and the
/// money of the plans they belong to.
pub fn objectives(store: &Store, sel: &Selection, filter: &Filter, lang: Lang) -> ObjectivesView {
    let plans: Vec<&Plan> = store.plan_details.iter().filter(|p| !p.objectives.is_empty() && keeps(filter, p)).collect();
    let plan_ids: HashSet<&str> = plans.iter().map(|p| p.id.as_str()).collect();
    let mut groups: Vec<ObjectiveGroup> = Vec::new();
    let mut group_of: BTreeMap<&str, usize> = BTreeMap::new();
    for plan in &plans {
        let mut seen_in_plan = HashSet::new();
        for o in &plan.objectives {
            let i = *group_of.entry(group_key(o)).or_insert_with(|| {
                groups.push(ObjectiveGroup { key: group_key(o).to_string(), label: pick_label(&o.labels, lang), plans: 0, counts: [0; 4], need: 0.0 });
                groups.len() - 1
            });
            if seen_in_plan.insert(i) {
                groups[i].plans += 1;
            }
            for indicator in &o.indicators {
                let k = Progress::ALL.iter().position(|p| *p == Progress::of(indicator)).unwrap_or(3);
                groups[i].counts[k] += 1;
            }
        }
    }
    // Needs that name objectives count towards those objectives' groups.
    let objective_group: BTreeMap<&str, usize> =
        plans.iter().flat_map(|p| &p.objectives).filter_map(|o| group_of.get(group_key(o)).map(|&g| (o.id.as_str(), g))).collect();
    let mut need = 0.0;
    for r in &store.requirements {
        let in_plan = r.plan.as_deref().is_some_and(|p| plan_ids.contains(p));
        if in_plan {
            need += r.amount;
        }
        for o in &r.objectives {
            if let Some(&g) = objective_group.get(o.as_str()) {
                groups[g].need += r.amount / r.objectives.len() as f64;
                if !in_plan {
                    need += r.amount / r.objectives.len() as f64;
                }
            }
        }
    }
    groups.sort_by(|a, b| b.indicators().cmp(&a.indicators()).then_with(|| a.key.cmp(&b.key)));
    // Funding that names a selected plan, in the selection.
    let plan_index: HashSet<u32> = plan_ids.iter().filter_map(|p| store.plans.get(p)).collect();
    let any_plan_funding = store.plan_details.iter().any(|p| !p.objectives.is_empty() && store.plans.get(&p.id).is_some());
    let status = store.column(Dim::Status);
    let funded = any_plan_funding.then(|| {
        sel.rows
            .iter()
            .map(|&r| r as usize)
            .filter(|&r| Status::ALL[status[r] as usize].is_funding() && plan_index.contains(&store.plan[r]))
            .map(|r| store.amount[r])
            .sum()
    });
    ObjectivesView { groups, plans: plans.len(), need, funded }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn indicator(baseline: Option<f64>, target: Option<f64>, actual: Option<f64>, ascending: bool) -> Indicator {
        Indicator {
            labels: BTreeMap::from([("en".into(), "i".into())]),
            unit: "percent".into(),
            ascending,
            baseline,
            baseline_year: None,
            target,
            actual,
            start: None,
            end: None,
            population: None,
        }
    }

    #[test]
    fn progress_follows_the_indicators_direction() {
        assert_eq!(Progress::of(&indicator(Some(50.0), Some(90.0), Some(95.0), true)), Progress::Met);
        assert_eq!(Progress::of(&indicator(Some(50.0), Some(90.0), Some(70.0), true)), Progress::Towards);
        assert_eq!(Progress::of(&indicator(Some(50.0), Some(90.0), Some(50.0), true)), Progress::Short);
        assert_eq!(Progress::of(&indicator(Some(50.0), Some(90.0), Some(40.0), true)), Progress::Short);
        assert_eq!(Progress::of(&indicator(None, Some(90.0), Some(70.0), true)), Progress::Short);
        assert_eq!(Progress::of(&indicator(Some(50.0), Some(90.0), None, true)), Progress::NotMeasured);
        // Less is better: 8 deaths against a target of 5 and a baseline of 12 is progress.
        assert_eq!(Progress::of(&indicator(Some(12.0), Some(5.0), Some(8.0), false)), Progress::Towards);
        assert_eq!(Progress::of(&indicator(Some(12.0), Some(5.0), Some(4.0), false)), Progress::Met);
        assert_eq!(Progress::of(&indicator(Some(12.0), Some(5.0), Some(13.0), false)), Progress::Short);
    }
}
