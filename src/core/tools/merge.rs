//! Several datasets as one (e.g. mine action from FTS flows and OECD CRS), keeping each source's
//! records apart by id prefix so nothing collides or is counted twice.

use crate::core::format::dataset::{CodeEntry, Dataset, Metadata, FORMAT_NAME, FORMAT_VERSION};

/// The id a government donor gets when sources are joined: its country.
pub fn government_donor_id(iso3: &str) -> String {
    format!("gov-{iso3}")
}

/// A government donor with a country becomes `gov-<ISO3>`, named by its English M49 name.
pub fn join_government_donor(donor: &mut crate::core::format::dataset::Donor) {
    if donor.donor_type != "government" {
        return;
    }
    if let Some(country) = donor.country.as_deref().and_then(crate::core::format::geo::country) {
        donor.id = government_donor_id(country.iso3);
        donor.name = country.name_en.to_string();
    }
}

/// What `merge` keeps and joins.
#[derive(Clone, Debug, Default)]
pub struct MergeOptions {
    /// Keep only contributions with this obligation (their share of it) and requirements for it.
    pub obligation: Option<String>,
    /// A government donor with a country becomes one donor across sources (FTS's "Germany,
    /// Government of" and the OECD's "Germany" are the same donor), named in English.
    pub join_government_donors: bool,
}

/// Merges `parts` under `metadata`, keeping what `options` say. The exchange rates each part used
/// travel with the result.
pub fn merge(parts: &[Dataset], metadata: Metadata, options: &MergeOptions) -> Result<Dataset, String> {
    let obligation = options.obligation.as_deref();
    let join_government_donors = options.join_government_donors;
    let mut out = Dataset {
        format: FORMAT_NAME.into(),
        version: FORMAT_VERSION,
        metadata,
        code_lists: Default::default(),
        contributions: Vec::new(),
        requirements: Vec::new(),
        plans: Vec::new(),
    };
    for part in parts {
        if part.metadata.currency != out.metadata.currency {
            return Err(format!("{} is in {}, not {}: convert it first", part.metadata.id, part.metadata.currency, out.metadata.currency));
        }
        let extend = |into: &mut Vec<CodeEntry>, from: &[CodeEntry]| {
            for e in from {
                if !into.iter().any(|x| x.id == e.id) {
                    into.push(e.clone());
                }
            }
        };
        extend(&mut out.code_lists.obligations, &part.code_lists.obligations);
        extend(&mut out.code_lists.models, &part.code_lists.models);
        extend(&mut out.code_lists.recipients, &part.code_lists.recipients);
        for x in &part.metadata.exchange_rates {
            match out.metadata.exchange_rates.iter_mut().find(|y| y.currency == x.currency && y.source == x.source) {
                Some(y) => {
                    y.amounts += x.amounts;
                    y.first_day = y.first_day.clone().min(x.first_day.clone());
                    y.last_day = y.last_day.clone().max(x.last_day.clone());
                }
                None => out.metadata.exchange_rates.push(x.clone()),
            }
        }
        for c in &part.contributions {
            let mut c = c.clone();
            if let Some(o) = obligation {
                let Some(share) = c.obligations.iter().find(|s| s.id == o).map(|s| s.share) else { continue };
                c.amount *= share;
                c.obligations = vec![crate::core::format::dataset::ObligationShare { id: o.to_string(), share: 1.0 }];
            }
            if join_government_donors {
                join_government_donor(&mut c.donor);
            }
            c.id = format!("{}/{}", part.metadata.id, c.id);
            c.plan = c.plan.map(|p| format!("{}/{p}", part.metadata.id));
            c.objectives = c.objectives.iter().map(|o| format!("{}/{o}", part.metadata.id)).collect();
            out.contributions.push(c);
        }
        for r in &part.requirements {
            // A need for every obligation (a whole response plan) is not a need for this one.
            if obligation.is_some_and(|o| r.obligation.as_deref() != Some(o)) {
                continue;
            }
            let mut r = r.clone();
            r.plan = r.plan.map(|p| format!("{}/{p}", part.metadata.id));
            r.objectives = r.objectives.iter().map(|o| format!("{}/{o}", part.metadata.id)).collect();
            out.requirements.push(r);
        }
        // Plans and objectives keep their source in their ids, as contributions do.
        let prefix = |id: &str| format!("{}/{id}", part.metadata.id);
        for p in &part.plans {
            let mut p = p.clone();
            p.id = prefix(&p.id);
            for o in &mut p.objectives {
                o.id = prefix(&o.id);
                o.parent = o.parent.as_deref().map(prefix);
            }
            out.plans.push(p);
        }
    }
    Ok(out)
}
