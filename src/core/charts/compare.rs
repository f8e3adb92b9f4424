//! Compare: two to four years, donors or recipients side by side (`?compare=year`,
//! `?compare=donor:USA,DEU`), each split by the dimension that says most about them, with the
//! difference in words. One `ChartSpec` like every chart: drawn, tabled, said and exported alike.

use super::builders::Builder;
use super::labels::{dim_name, label};
use super::spec::*;
use crate::core::analysis::query::{self, Filter, OTHERS_KEY};
use crate::core::analysis::store::{Coverage, Dim, Store};
use crate::core::locale::i18n::{text, Msg};

/// What can be compared.
pub const COMPARE_DIMS: [Dim; 3] = [Dim::Year, Dim::Donor, Dim::Recipient];
/// At most this many items side by side: more would not read as a comparison.
pub const MAX_ITEMS: usize = 4;
/// The split shows this many codes, the rest as "others".
const TOP: usize = 8;

/// A comparison as the URL states it: a dimension and its codes (none for years: the last two).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Compare {
    /// Year, donor or recipient.
    pub dim: Dim,
    /// The codes as written; for years, empty means the last two with money.
    pub items: Vec<String>,
}

impl Compare {
    /// `year`, `year:2022,2023`, `donor:gov-USA,gov-DEU` (or `donor:USA,DEU`), `recipient:COL,PER`.
    pub fn parse(value: &str) -> Option<Compare> {
        let (dim, list) = value.split_once(':').unwrap_or((value, ""));
        let dim = Dim::parse(dim.trim()).filter(|d| COMPARE_DIMS.contains(d))?;
        let items: Vec<String> = list.split(',').map(str::trim).filter(|s| !s.is_empty()).map(str::to_string).collect();
        (dim == Dim::Year || !items.is_empty()).then_some(Compare { dim, items })
    }

    /// The URL value `parse` reads.
    pub fn to_param(&self) -> String {
        if self.items.is_empty() {
            self.dim.id().to_string()
        } else {
            format!("{}:{}", self.dim.id(), self.items.join(","))
        }
    }

    /// The codes compared, as the dataset has them: given years present in the data (else the last
    /// two with money under the filter), donors by id or by country (`USA` → `gov-USA`),
    /// recipients by code; each once, at most `MAX_ITEMS`.
    /// `sel`: the rows of the filter without its selection on the compared dimension.
    pub fn resolve(&self, store: &Store, sel: &query::Selection, measure: query::Measure) -> Vec<String> {
        let dict = store.dict(self.dim);
        let mut out: Vec<String> = Vec::new();
        if self.dim == Dim::Year && self.items.is_empty() {
            let years = query::group_by(store, sel, Dim::Year, measure, None);
            let with_money: Vec<String> = years.groups.iter().filter(|g| g.amount > 0.0).map(|g| g.key.clone()).collect();
            return with_money[with_money.len().saturating_sub(2)..].to_vec();
        }
        for item in &self.items {
            let found = [item.clone(), format!("gov-{item}")].into_iter().find(|k| dict.get(k).is_some() && (self.dim == Dim::Donor || k == item));
            if let Some(k) = found.filter(|k| !out.contains(k)) {
                out.push(k);
            }
        }
        if self.dim == Dim::Year {
            out.sort();
        }
        out.truncate(MAX_ITEMS);
        out
    }
}

/// The dimension each item is split by: the first of these the dataset records with several codes.
fn split_dim(store: &Store, side: Dim) -> Dim {
    let candidates: &[Dim] = match side {
        Dim::Recipient => &[Dim::Donor, Dim::Model, Dim::Obligation, Dim::Kind],
        Dim::Donor => &[Dim::Recipient, Dim::Model, Dim::Obligation, Dim::Kind],
        _ => &[Dim::Recipient, Dim::Donor, Dim::Model, Dim::Obligation, Dim::Kind],
    };
    candidates.iter().copied().find(|&d| store.coverage(d) == Coverage::Several).unwrap_or(Dim::Kind)
}

/// The comparison chart for the current filter.
pub fn chart(store: &Store, filter: &Filter, compare: &Compare, locale: &dyn Locale) -> ChartSpec {
    // One selection serves the choice of items and their sums: the filter without its own
    // selection on the compared dimension.
    let sel = query::select(store, &filter.without(compare.dim));
    let b = Builder { store, filter, locale, sel: &sel, fused: None, headline: None, made: query::Made::NONE };
    let lang = locale.lang();
    let title = text::CompareTitle { dimension: dim_name(compare.dim, lang) }.format(lang);
    let items = compare.resolve(store, &sel, filter.measure);
    if items.len() < 2 {
        let reason = Msg::ComparePick.get(lang).to_string();
        return b.omitted("compare", ChartType::GroupedBars, title, reason);
    }
    let by = split_dim(store, compare.dim);
    let c = query::compare(store, &sel, filter.measure, compare.dim, &items, by, TOP);
    let name = |item: &str| label(store, compare.dim, item, locale);
    let categories: Vec<Category> = c.categories.iter().map(|k| Category { key: k.clone(), label: label(store, by, k, locale) }).collect();
    let series: Vec<Series> =
        items.iter().enumerate().map(|(i, item)| Series { key: item.clone(), name: name(item), values: c.values.iter().map(|row| row[i]).collect() }).collect();
    let mut table = super::builders::series_table(dim_name(by, lang).to_string(), &categories, &series);
    // Each item's column adds up to its total: items never share a contribution.
    table.footer = Some(std::iter::once(Cell::Text(Msg::Total.get(lang).to_string())).chain(c.totals.iter().map(|&t| Cell::Number(t))).collect());
    let mut summary = words(compare.dim, &items.iter().map(|i| name(i)).collect::<Vec<_>>(), &c.totals, locale);
    // A year the data stops within is not a whole year: said, so its smaller total is not read as a fall.
    let as_of = &store.metadata.data_as_of;
    if let Some(year) = items.iter().find(|y| compare.dim == Dim::Year && as_of.get(..4) == Some(y.as_str()) && as_of.get(5..) != Some("12-31")) {
        summary = format!("{summary} {}", text::ComparePartialYear { year, as_of }.format(lang));
    }
    let mut spec = b.spec("compare", ChartType::GroupedBars, title, Some(by).filter(|_| !c.categories.iter().all(|k| k == OTHERS_KEY)));
    spec.categories = categories;
    spec.series = series;
    spec.table = table;
    spec.summary = summary;
    b.finish(spec)
}

/// The difference in words: for two years the change from the earlier to the later, for two
/// donors or recipients how much more the larger has, for more the largest against the smallest.
fn words(dim: Dim, names: &[String], totals: &[f64], locale: &dyn Locale) -> String {
    let lang = locale.lang();
    let money = |v: f64| locale.money(v);
    let signed = |v: f64| if v > 0.0 { format!("+{}", money(v)) } else { format!("−{}", money(-v)) };
    if dim == Dim::Year && names.len() == 2 {
        let (before, after) = (totals[0], totals[1]);
        if before <= 0.0 {
            return text::CompareYearsNew { earlier: &names[0], later: &names[1], after: money(after) }.format(lang);
        }
        let pct = (after - before) / before;
        let percent = if pct >= 0.0 { format!("+{}", locale.percent(pct)) } else { format!("−{}", locale.percent(-pct)) };
        return text::CompareYears {
            earlier: &names[0],
            later: &names[1],
            before: money(before),
            after: money(after),
            change: signed(after - before),
            percent,
        }
        .format(lang);
    }
    let order: Vec<usize> = {
        let mut o: Vec<usize> = (0..totals.len()).collect();
        o.sort_by(|&a, &b| totals[b].total_cmp(&totals[a]));
        o
    };
    let (largest, smallest) = (order[0], order[order.len() - 1]);
    if names.len() == 2 {
        let (first, second) = (&names[0], &names[1]);
        let (a, b) = (money(totals[0]), money(totals[1]));
        if totals[smallest] <= 0.0 {
            return text::CompareTwoOnly { first, first_amount: a, second, second_amount: b, larger: &names[largest] }.format(lang);
        }
        if totals[largest] == totals[smallest] {
            return text::CompareTwoEqual { first, second, amount: a }.format(lang);
        }
        return text::CompareTwo {
            first,
            first_amount: a,
            second,
            second_amount: b,
            larger: &names[largest],
            difference: money(totals[largest] - totals[smallest]),
            percent: locale.percent((totals[largest] - totals[smallest]) / totals[smallest]),
        }
        .format(lang);
    }
    let list = names.iter().zip(totals).map(|(n, &t)| format!("{n}: {}", money(t))).collect::<Vec<_>>().join("; ");
    let percent = if totals[smallest] > 0.0 { locale.percent((totals[largest] - totals[smallest]) / totals[smallest]) } else { "—".to_string() };
    text::CompareMany { list, largest: &names[largest], smallest: &names[smallest], percent }.format(lang)
}
