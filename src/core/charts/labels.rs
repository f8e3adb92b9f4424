//! Words for what charts show: a code's label in the reader's language (with the dataset's own
//! labels and fallbacks), dimension and measure names, filter choices, and the filter in words.

use crate::core::analysis::query::{Filter, Measure, OTHERS_KEY};
use crate::core::analysis::store::{Dim, Store};
use crate::core::format::codes::{self};
use crate::core::format::geo;
use crate::core::locale::i18n::{text, Msg};
use crate::core::locale::lang::Lang;
use crate::core::locale::numbers::Locale;

/// The dimensions a reader filters by code, in the order the filter panel shows them.
pub const FILTER_DIMS: [Dim; 7] = [Dim::Region, Dim::Recipient, Dim::Place, Dim::Donor, Dim::Obligation, Dim::Model, Dim::Kind];

/// The choices of a filter: the codes of a dimension present in the data (for regions, also the
/// M49 regions above the sub-regions found), labelled in the reader's language, sorted by label.
pub fn filter_options(store: &Store, dim: Dim, locale: &dyn Locale) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = store.dict(dim).ids.iter().map(|id| (id.clone(), label(store, dim, id, locale))).collect();
    if dim == Dim::Region {
        for p in &store.region_parent {
            if !out.iter().any(|(id, _)| id == p) {
                out.push((p.to_string(), label(store, dim, p, locale)));
            }
        }
    }
    out.sort_by_key(|(_, label)| label.to_lowercase());
    out
}

/// The label of a code of a dimension, in the reader's language. Dataset-defined codes fall back
/// from the reader's language to Spanish, then English, then the code itself.
pub fn label(store: &Store, dim: Dim, key: &str, locale: &dyn Locale) -> String {
    let lang = locale.lang();
    if key == OTHERS_KEY {
        return Msg::Others.get(lang).to_string();
    }
    let own = |list: &[crate::core::format::dataset::CodeEntry]| -> Option<String> {
        let e = list.iter().find(|e| e.id == key)?;
        [lang.code(), "es", "en"].iter().find_map(|l| e.labels.get(*l).cloned())
    };
    let builtin = |list: &'static [codes::Code]| codes::label(list, key, lang).map(str::to_string);
    let found = match dim {
        Dim::Year => Some(key.to_string()),
        Dim::Obligation => builtin(codes::OBLIGATIONS).or_else(|| own(&store.code_lists.obligations)),
        Dim::Model => builtin(codes::MODELS).or_else(|| own(&store.code_lists.models)),
        Dim::Kind => builtin(codes::KINDS),
        Dim::Status => builtin(codes::STATUSES).or_else(|| (key == "funding").then(|| Msg::MeasureFunding.get(lang).to_string())),
        Dim::Region => geo::area_label(key, lang).map(str::to_string),
        Dim::Recipient => match geo::country(key) {
            Some(c) => Some(locale.country_name(c.iso2).unwrap_or_else(|| c.name_en.to_string())),
            None => geo::area_label(key, lang).map(str::to_string).or_else(|| own(&store.code_lists.recipients)),
        },
        // A government is named as its country, in the reader's language where the platform can.
        Dim::Donor => store.dict(Dim::Donor).get(key).map(|i| {
            let donor = &store.donors[i as usize];
            donor.country.as_deref().and_then(geo::country).and_then(|c| locale.country_name(c.iso2)).unwrap_or_else(|| donor.name.clone())
        }),
        // On a half-year axis a bare year is the money of that year with no date.
        Dim::Period => Some(match key.split_once("-H") {
            Some((year, half)) => text::HalfYear { year, half }.format(lang),
            None => text::PeriodUndated { year: key }.format(lang),
        }),
        // A place as its source names it; money placed nowhere below the country says so.
        Dim::Place if key == crate::core::analysis::store::NO_PLACE => Some(Msg::PlaceNone.get(lang).to_string()),
        Dim::Place => store.place_names.get(key).cloned(),
    };
    found.unwrap_or_else(|| key.to_string())
}

/// When a dataset-defined code has no label in the reader's language: the language its label
/// falls back to ("es", "en") or "code". Shown in tables only, so charts stay uncluttered.
pub fn fallback_of(store: &Store, dim: Dim, key: &str, lang: Lang) -> Option<&'static str> {
    if key == OTHERS_KEY {
        return None;
    }
    let list = match dim {
        Dim::Obligation if codes::find(codes::OBLIGATIONS, key).is_none() => &store.code_lists.obligations,
        Dim::Model if codes::find(codes::MODELS, key).is_none() => &store.code_lists.models,
        Dim::Recipient if !geo::is_known_recipient(key) => &store.code_lists.recipients,
        _ => return None,
    };
    let labels = list.iter().find(|e| e.id == key).map(|e| &e.labels);
    if labels.is_some_and(|l| l.contains_key(lang.code())) {
        return None;
    }
    Some(["es", "en"].into_iter().find(|l| labels.is_some_and(|x| x.contains_key(*l))).unwrap_or("code"))
}

/// A label for a table cell: with its fallback language marked, e.g. "Apoyo a ONG [es]".
pub(super) fn table_label(store: &Store, dim: Dim, key: &str, label: &str, lang: Lang) -> String {
    match fallback_of(store, dim, key, lang) {
        Some(l) => format!("{label} [{l}]"),
        None => label.to_string(),
    }
}

/// A dimension's name in `lang`, as filter labels and table headers show it.
pub fn dim_name(dim: Dim, lang: Lang) -> &'static str {
    match dim {
        Dim::Year => Msg::DimYear,
        Dim::Region => Msg::DimRegion,
        Dim::Recipient => Msg::DimRecipient,
        Dim::Donor => Msg::DimDonor,
        Dim::Obligation => Msg::DimObligation,
        Dim::Model => Msg::DimModel,
        Dim::Kind => Msg::DimKind,
        Dim::Status => Msg::DimStatus,
        Dim::Period => Msg::DimPeriod,
        Dim::Place => Msg::DimPlace,
    }
    .get(lang)
}

/// A measure's name in `lang`: "Funding", or the stage's name.
pub fn measure_label(measure: Measure, lang: Lang) -> String {
    match measure {
        Measure::Funding => Msg::MeasureFunding.get(lang).to_string(),
        Measure::Stage(s) => codes::STATUSES[s as usize].label.get(lang).to_string(),
    }
}

/// One part of a filter, described for a reader, and what it is (so a chip can remove it).
#[derive(Clone, Debug, PartialEq)]
pub enum FilterPart {
    /// The lower bound of the year range.
    YearFrom,
    /// The upper bound of the year range.
    YearTo,
    /// One selected code of a dimension.
    Code(Dim, String),
    /// A measure other than funding.
    Measure,
}

/// The filter in words: "From year: 2020", "Donor: Germany", "Amounts: Disbursed". The same
/// sentences label the active-filter chips, embedded charts and exported images.
pub fn filter_description(store: &Store, filter: &Filter, locale: &dyn Locale) -> Vec<(FilterPart, String)> {
    let lang = locale.lang();
    let mut out = Vec::new();
    if let Some(y) = filter.year_from {
        out.push((FilterPart::YearFrom, lang.label_value(Msg::YearFrom.get(lang), &y.to_string())));
    }
    if let Some(y) = filter.year_to {
        out.push((FilterPart::YearTo, lang.label_value(Msg::YearTo.get(lang), &y.to_string())));
    }
    for (&dim, values) in &filter.selected {
        for v in values {
            out.push((FilterPart::Code(dim, v.clone()), lang.label_value(dim_name(dim, lang), &label(store, dim, v, locale))));
        }
    }
    if filter.measure != Measure::Funding {
        out.push((FilterPart::Measure, lang.label_value(Msg::Amounts.get(lang), &measure_label(filter.measure, lang))));
    }
    out
}

/// The filter as one line: "Filters: Donor: Germany; From year: 2020", or "All data, no filters".
pub fn filter_line(store: &Store, filter: &Filter, locale: &dyn Locale) -> String {
    let parts: Vec<String> = filter_description(store, filter, locale).into_iter().map(|(_, t)| t).collect();
    if parts.is_empty() {
        Msg::NoFiltersApplied.get(locale.lang()).to_string()
    } else {
        text::FiltersApplied { filters: parts.join("; ") }.format(locale.lang())
    }
}
