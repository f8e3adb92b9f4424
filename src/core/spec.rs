//! Chart specifications: one declarative description per chart, computed once from the store and a
//! filter, then rendered four ways (ECharts chart, HTML table, text summary, export) without any
//! renderer doing arithmetic of its own.

use super::codes::{self, Status};
use super::geo;
use super::i18n::{text, Msg};
use super::lang::Lang;
use super::query::{self, Filter, Measure, Selection, OTHERS_KEY};
use super::store::{Dim, Store};

/// How numbers and names are written for a reader. The dashboard implements it with the browser's
/// `Intl`; the CLI and tests with `PlainLocale`.
pub trait Locale {
    fn lang(&self) -> Lang;
    /// An amount in the dataset currency.
    fn money(&self, amount: f64) -> String;
    /// A ratio (0.25 → "25 %").
    fn percent(&self, ratio: f64) -> String;
    fn count(&self, n: f64) -> String;
    /// A country's name in the reader's language, from its ISO alpha-2 code.
    fn country_name(&self, _iso2: &str) -> Option<String> {
        None
    }
}

/// Unlocalised formatting: "USD 1,234,567", "25.3%".
pub struct PlainLocale {
    pub lang: Lang,
    pub currency: String,
}

pub fn group_thousands(n: f64) -> String {
    let s = format!("{:.0}", n.abs());
    let mut out = String::new();
    for (i, ch) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    if n < 0.0 && n.round() != 0.0 {
        out.insert(0, '-');
    }
    out
}

impl Locale for PlainLocale {
    fn lang(&self) -> Lang {
        self.lang
    }
    fn money(&self, amount: f64) -> String {
        format!("{} {}", self.currency, group_thousands(amount))
    }
    fn percent(&self, ratio: f64) -> String {
        format!("{:.1}%", ratio * 100.0)
    }
    fn count(&self, n: f64) -> String {
        group_thousands(n)
    }
}

/// The label of a code of a dimension, in the reader's language. Dataset-defined codes fall back
/// from the reader's language to Spanish, then English, then the code itself.
pub fn label(store: &Store, dim: Dim, key: &str, locale: &dyn Locale) -> String {
    let lang = locale.lang();
    if key == OTHERS_KEY {
        return Msg::Others.get(lang).to_string();
    }
    let own = |list: &[super::dataset::CodeEntry]| -> Option<String> {
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
            donor
                .country
                .as_deref()
                .and_then(geo::country)
                .and_then(|c| locale.country_name(c.iso2))
                .unwrap_or_else(|| donor.name.clone())
        }),
        Dim::Period => Some(match key.split_once("-H") {
            Some((year, half)) => text::HalfYear { year, half }.format(lang),
            None => key.to_string(),
        }),
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
fn table_label(store: &Store, dim: Dim, key: &str, label: &str, lang: Lang) -> String {
    match fallback_of(store, dim, key, lang) {
        Some(l) => format!("{label} [{l}]"),
        None => label.to_string(),
    }
}

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
    }
    .get(lang)
}

pub fn measure_label(measure: Measure, lang: Lang) -> String {
    match measure {
        Measure::Funding => Msg::MeasureFunding.get(lang).to_string(),
        Measure::Stage(s) => codes::STATUSES[s as usize].label.get(lang).to_string(),
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChartType {
    /// Horizontal bars, one series, largest first.
    Bars,
    /// Proportions of a whole.
    Donut,
    /// Columns over years, stacked by a second dimension.
    StackedColumns,
    /// The three pipeline stages side by side.
    Pipeline,
    /// Need and funded side by side per requirement.
    Gap,
    /// Donor → model → recipient; categories are the nodes, `links` the money between them.
    Sankey,
    /// Several series side by side per category (e.g. pledged, committed, disbursed per donor).
    GroupedBars,
}

/// Money from one node to another in a Sankey diagram (indices into the categories).
#[derive(Clone, Debug, PartialEq)]
pub struct Link {
    pub source: usize,
    pub target: usize,
    pub value: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Category {
    pub key: String,
    pub label: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    pub key: String,
    pub name: String,
    pub values: Vec<f64>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColumnKind {
    Text,
    Money,
    Count,
    Percent,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Text(String),
    Number(f64),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    pub label: String,
    pub kind: ColumnKind,
}

/// The exact numbers behind a chart, for its HTML table and exports.
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<Cell>>,
    /// Totals row, when adding the rows up is meaningful.
    pub footer: Option<Vec<Cell>>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ChartSpec {
    /// Stable id: obligation, region, model, timeline, donors, pipeline, gap.
    pub id: &'static str,
    pub chart_type: ChartType,
    pub title: String,
    /// Clicking a category filters by this dimension.
    pub filter_dim: Option<Dim>,
    pub categories: Vec<Category>,
    pub series: Vec<Series>,
    /// Sankey only.
    pub links: Vec<Link>,
    pub table: Table,
    /// What matters, in a sentence or two.
    pub summary: String,
    pub currency: String,
    pub empty: bool,
}

pub const CHART_IDS: [&str; 9] = ["obligation", "region", "model", "timeline", "donors", "pipeline", "gap", "flows", "pledges"];

/// A node key of a chart mixing dimensions (Sankey): "donor:ID".
pub fn node_key(dim: Dim, key: &str) -> String {
    format!("{}:{key}", dim.id())
}

/// The dimension and code a category stands for, for cross-filtering.
pub fn category_filter(spec: &ChartSpec, index: usize) -> Option<(Dim, String)> {
    let key = &spec.categories.get(index)?.key;
    if key == OTHERS_KEY {
        return None;
    }
    match spec.filter_dim {
        Some(dim) => Some((dim, key.clone())),
        None => {
            let (dim, code) = key.split_once(':')?;
            (code != OTHERS_KEY).then(|| (Dim::parse(dim), code.to_string())).and_then(|(d, c)| Some((d?, c)))
        }
    }
}

/// Everything the dashboard shows for one filter state.
#[derive(Clone, Debug, PartialEq)]
pub struct View {
    pub headline: query::Headline,
    pub charts: Vec<ChartSpec>,
    /// Sentences on how evenly funding is spread.
    pub equity: Vec<String>,
}

pub fn equity_sentences(store: &Store, sel: &Selection, filter: &Filter, locale: &dyn Locale) -> Vec<String> {
    let lang = locale.lang();
    let e = query::equity(store, sel, filter, 5);
    let mut out = Vec::new();
    if let Some(share) = e.top_share {
        if store.dict(Dim::Recipient).len() > e.top {
            out.push(text::EquityTop { count: e.top, share: locale.percent(share) }.format(lang));
        }
    }
    if let Some(year) = e.latest_year {
        let year = year.to_string();
        if e.unfunded_obligations.is_empty() {
            out.push(text::EquityAllFunded { year: &year }.format(lang));
        } else {
            let names: Vec<String> = e.unfunded_obligations.iter().map(|o| label(store, Dim::Obligation, o, locale)).collect();
            out.push(text::EquityUnfunded { year: &year, obligations: names.join(", ") }.format(lang));
        }
    }
    out
}

pub fn build_view(store: &Store, filter: &Filter, locale: &dyn Locale) -> View {
    let sel = query::select(store, filter);
    let headline = query::headline(store, &sel);
    let charts = vec![
        by_dimension(store, &sel, filter, locale, "obligation", Dim::Obligation, ChartType::Bars, Msg::ChartObligation, Some(12)),
        by_dimension(store, &sel, filter, locale, "region", Dim::Region, ChartType::Bars, Msg::ChartRegion, Some(10)),
        by_dimension(store, &sel, filter, locale, "model", Dim::Model, ChartType::Donut, Msg::ChartModel, None),
        timeline(store, &sel, filter, locale),
        by_dimension(store, &sel, filter, locale, "donors", Dim::Donor, ChartType::Bars, Msg::ChartDonors, Some(10)),
        pipeline(store, &sel, locale),
        gap(store, &sel, filter, locale),
        flows(store, &sel, filter, locale),
        pledges(store, &sel, locale),
    ];
    let equity = equity_sentences(store, &sel, filter, locale);
    View { headline, charts, equity }
}

fn titled(msg: Msg, measure: Measure, lang: Lang) -> String {
    match measure {
        Measure::Funding => msg.get(lang).to_string(),
        m => format!("{} — {}", msg.get(lang), measure_label(m, lang)),
    }
}

#[allow(clippy::too_many_arguments)]
pub fn by_dimension(
    store: &Store,
    sel: &Selection,
    filter: &Filter,
    locale: &dyn Locale,
    id: &'static str,
    dim: Dim,
    chart_type: ChartType,
    title: Msg,
    top: Option<usize>,
) -> ChartSpec {
    let lang = locale.lang();
    let g = query::group_by(store, sel, dim, filter.measure, top);
    let categories: Vec<Category> =
        g.groups.iter().map(|x| Category { key: x.key.clone(), label: label(store, dim, &x.key, locale) }).collect();
    let values: Vec<f64> = g.groups.iter().map(|x| x.amount).collect();
    let share = |a: f64| if g.total > 0.0 { a / g.total } else { 0.0 };
    let table = Table {
        columns: vec![
            Column { label: dim_name(dim, lang).to_string(), kind: ColumnKind::Text },
            Column { label: measure_label(filter.measure, lang), kind: ColumnKind::Money },
            Column { label: Msg::Share.get(lang).to_string(), kind: ColumnKind::Percent },
            Column { label: Msg::Contributions.get(lang).to_string(), kind: ColumnKind::Count },
        ],
        rows: g
            .groups
            .iter()
            .zip(&categories)
            .map(|(x, c)| {
                vec![
                    Cell::Text(table_label(store, dim, &x.key, &c.label, lang)),
                    Cell::Number(x.amount),
                    Cell::Number(share(x.amount)),
                    Cell::Number(x.count as f64),
                ]
            })
            .collect(),
        footer: (dim != Dim::Obligation).then(|| {
            let count: u32 = g.groups.iter().map(|x| x.count).sum();
            vec![Cell::Text(Msg::Total.get(lang).to_string()), Cell::Number(g.total), Cell::Number(1.0), Cell::Number(count as f64)]
        }),
    };
    let summary = if g.groups.is_empty() {
        Msg::SummaryNoData.get(lang).to_string()
    } else {
        let contributions = query::contribution_count(store, sel);
        let top = &g.groups[0];
        format!(
            "{} {}",
            text::SummaryTotal { total: locale.money(g.total), count: contributions }.format(lang),
            text::SummaryLargest { name: &categories[0].label, amount: locale.money(top.amount), share: locale.percent(share(top.amount)) }.format(lang)
        )
    };
    ChartSpec {
        id,
        chart_type,
        title: titled(title, filter.measure, lang),
        filter_dim: Some(dim),
        empty: categories.is_empty(),
        series: vec![Series { key: filter.measure.id().to_string(), name: measure_label(filter.measure, lang), values }],
        categories,
        links: Vec::new(),
        table,
        summary,
        currency: store.metadata.currency.clone(),
    }
}

pub fn timeline(store: &Store, sel: &Selection, filter: &Filter, locale: &dyn Locale) -> ChartSpec {
    let lang = locale.lang();
    // Half-years where dates allow (undated money stays under its year).
    let time = if filter.half_years && super::store::has_half_years(store) { Dim::Period } else { Dim::Year };
    let ct = query::cross_tab(store, sel, time, Dim::Model, filter.measure, Some(6));
    let categories: Vec<Category> = ct.rows.iter().map(|y| Category { key: y.clone(), label: label(store, time, y, locale) }).collect();
    let series: Vec<Series> = ct
        .columns
        .iter()
        .enumerate()
        .map(|(j, m)| Series { key: m.clone(), name: label(store, Dim::Model, m, locale), values: ct.values.iter().map(|row| row[j]).collect() })
        .collect();
    let year_totals: Vec<f64> = ct.values.iter().map(|row| row.iter().sum()).collect();
    let mut columns = vec![Column { label: dim_name(time, lang).to_string(), kind: ColumnKind::Text }];
    columns.extend(series.iter().map(|s| Column { label: s.name.clone(), kind: ColumnKind::Money }));
    columns.push(Column { label: Msg::Total.get(lang).to_string(), kind: ColumnKind::Money });
    let rows = categories
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let mut row = vec![Cell::Text(c.label.clone())];
            row.extend(ct.values[i].iter().map(|&v| Cell::Number(v)));
            row.push(Cell::Number(year_totals[i]));
            row
        })
        .collect();
    let mut footer = vec![Cell::Text(Msg::Total.get(lang).to_string())];
    footer.extend(series.iter().map(|s| Cell::Number(s.values.iter().sum())));
    footer.push(Cell::Number(ct.total));
    let summary = match year_totals.iter().enumerate().max_by(|a, b| a.1.total_cmp(b.1)) {
        None => Msg::SummaryNoData.get(lang).to_string(),
        Some((i, &best)) => {
            let contributions = query::contribution_count(store, sel);
            format!(
                "{} {}",
                text::SummaryTotal { total: locale.money(ct.total), count: contributions }.format(lang),
                text::SummaryTimeline { year: &categories[i].label, amount: locale.money(best) }.format(lang)
            )
        }
    };
    ChartSpec {
        id: "timeline",
        chart_type: ChartType::StackedColumns,
        title: titled(Msg::ChartTimeline, filter.measure, lang),
        filter_dim: Some(Dim::Year),
        empty: categories.is_empty(),
        categories,
        series,
        links: Vec::new(),
        table: Table { columns, rows, footer: Some(footer) },
        summary,
        currency: store.metadata.currency.clone(),
    }
}

pub fn pipeline(store: &Store, sel: &Selection, locale: &dyn Locale) -> ChartSpec {
    let lang = locale.lang();
    let stages = query::pipeline(store, sel);
    let categories: Vec<Category> =
        Status::ALL.iter().map(|s| Category { key: s.id().to_string(), label: label(store, Dim::Status, s.id(), locale) }).collect();
    let table = Table {
        columns: vec![
            Column { label: Msg::DimStatus.get(lang).to_string(), kind: ColumnKind::Text },
            Column { label: Msg::Amount.get(lang).to_string(), kind: ColumnKind::Money },
        ],
        rows: categories.iter().zip(stages).map(|(c, v)| vec![Cell::Text(c.label.clone()), Cell::Number(v)]).collect(),
        // Stages of one pipeline are never added up.
        footer: None,
    };
    let summary = text::SummaryPipeline { pledged: locale.money(stages[0]), committed: locale.money(stages[1]), disbursed: locale.money(stages[2]) }.format(lang);
    ChartSpec {
        id: "pipeline",
        chart_type: ChartType::Pipeline,
        title: Msg::ChartPipeline.get(lang).to_string(),
        filter_dim: Some(Dim::Status),
        empty: stages.iter().all(|&v| v == 0.0),
        series: vec![Series { key: "amount".into(), name: Msg::Amount.get(lang).to_string(), values: stages.to_vec() }],
        categories,
        links: Vec::new(),
        table,
        summary,
        currency: store.metadata.currency.clone(),
    }
}

pub fn gap(store: &Store, sel: &Selection, filter: &Filter, locale: &dyn Locale) -> ChartSpec {
    let lang = locale.lang();
    let mut rows = query::gaps_by_recipient(&query::gaps(store, sel, filter));
    // The largest unmet needs by name; the rest together, so the chart stays readable.
    const TOP: usize = 15;
    if rows.len() > TOP + 1 {
        let tail = rows.split_off(TOP);
        rows.push(query::GapRow {
            key: OTHERS_KEY.to_string(),
            recipient: OTHERS_KEY.to_string(),
            obligation: None,
            year: 0,
            need: tail.iter().map(|r| r.need).sum(),
            funded: tail.iter().map(|r| r.funded).sum(),
            unmet: tail.iter().map(|r| r.unmet).sum(),
        });
    }
    let name = |r: &query::GapRow| label(store, Dim::Recipient, &r.recipient, locale);
    let categories: Vec<Category> = rows.iter().map(|r| Category { key: r.recipient.clone(), label: name(r) }).collect();
    let need: f64 = rows.iter().map(|r| r.need).sum();
    let unmet: f64 = rows.iter().map(|r| r.unmet).sum();
    let covered = need - unmet;
    let table = Table {
        columns: vec![
            Column { label: Msg::DimRecipient.get(lang).to_string(), kind: ColumnKind::Text },
            Column { label: Msg::Need.get(lang).to_string(), kind: ColumnKind::Money },
            Column { label: Msg::Funded.get(lang).to_string(), kind: ColumnKind::Money },
            Column { label: Msg::UnmetNeed.get(lang).to_string(), kind: ColumnKind::Money },
            Column { label: Msg::Coverage.get(lang).to_string(), kind: ColumnKind::Percent },
        ],
        rows: rows
            .iter()
            .zip(&categories)
            .map(|(r, c)| vec![Cell::Text(c.label.clone()), Cell::Number(r.need), Cell::Number(r.funded), Cell::Number(r.gap()), Cell::Number(r.coverage())])
            .collect(),
        footer: None,
    };
    let summary = match rows.first() {
        None => Msg::SummaryGapNone.get(lang).to_string(),
        Some(worst) => format!(
            "{} {}",
            text::SummaryGap {
                need: locale.money(need),
                funded: locale.money(covered),
                coverage: locale.percent(if need > 0.0 { covered / need } else { 0.0 }),
                recipient: &categories[0].label,
                unmet: locale.money(worst.gap()),
            }
            .format(lang),
            Msg::GapFundingNote.get(lang)
        ),
    };
    ChartSpec {
        id: "gap",
        chart_type: ChartType::Gap,
        title: Msg::ChartGap.get(lang).to_string(),
        filter_dim: Some(Dim::Recipient),
        empty: rows.is_empty(),
        series: vec![
            Series { key: "need".into(), name: Msg::Need.get(lang).to_string(), values: rows.iter().map(|r| r.need).collect() },
            Series { key: "funded".into(), name: Msg::Funded.get(lang).to_string(), values: rows.iter().map(|r| r.funded).collect() },
        ],
        categories,
        links: Vec::new(),
        table,
        summary,
        currency: store.metadata.currency.clone(),
    }
}

pub fn flows(store: &Store, sel: &Selection, filter: &Filter, locale: &dyn Locale) -> ChartSpec {
    let lang = locale.lang();
    let paths = query::flows(store, sel, filter.measure, 8);
    let mut categories: Vec<Category> = Vec::new();
    let mut node = |dim: Dim, key: &str| -> usize {
        let k = node_key(dim, key);
        if let Some(i) = categories.iter().position(|c| c.key == k) {
            return i;
        }
        categories.push(Category { key: k, label: label(store, dim, key, locale) });
        categories.len() - 1
    };
    let mut links: Vec<Link> = Vec::new();
    let mut add = |source: usize, target: usize, value: f64| match links.iter_mut().find(|l| l.source == source && l.target == target) {
        Some(l) => l.value += value,
        None => links.push(Link { source, target, value }),
    };
    for p in &paths {
        let (d, m, r) = (node(Dim::Donor, &p.donor), node(Dim::Model, &p.model), node(Dim::Recipient, &p.recipient));
        add(d, m, p.amount);
        add(m, r, p.amount);
    }
    let path_label = |dim: Dim, key: &str| label(store, dim, key, locale);
    let table = Table {
        columns: vec![
            Column { label: Msg::DimDonor.get(lang).to_string(), kind: ColumnKind::Text },
            Column { label: Msg::DimModel.get(lang).to_string(), kind: ColumnKind::Text },
            Column { label: Msg::DimRecipient.get(lang).to_string(), kind: ColumnKind::Text },
            Column { label: measure_label(filter.measure, lang), kind: ColumnKind::Money },
        ],
        rows: paths
            .iter()
            .map(|p| {
                vec![
                    Cell::Text(path_label(Dim::Donor, &p.donor)),
                    Cell::Text(path_label(Dim::Model, &p.model)),
                    Cell::Text(path_label(Dim::Recipient, &p.recipient)),
                    Cell::Number(p.amount),
                ]
            })
            .collect(),
        footer: Some(vec![Cell::Text(Msg::Total.get(lang).to_string()), Cell::Text(String::new()), Cell::Text(String::new()), Cell::Number(paths.iter().map(|p| p.amount).sum())]),
    };
    let summary = match paths.first() {
        None => Msg::SummaryNoData.get(lang).to_string(),
        Some(p) => text::SummaryFlows {
            donor: path_label(Dim::Donor, &p.donor),
            model: path_label(Dim::Model, &p.model),
            recipient: path_label(Dim::Recipient, &p.recipient),
            amount: locale.money(p.amount),
        }
        .format(lang),
    };
    ChartSpec {
        id: "flows",
        chart_type: ChartType::Sankey,
        title: titled(Msg::ChartFlows, filter.measure, lang),
        filter_dim: None,
        empty: links.is_empty(),
        series: vec![Series { key: filter.measure.id().to_string(), name: measure_label(filter.measure, lang), values: links.iter().map(|l| l.value).collect() }],
        categories,
        links,
        table,
        summary,
        currency: store.metadata.currency.clone(),
    }
}

pub fn pledges(store: &Store, sel: &Selection, locale: &dyn Locale) -> ChartSpec {
    let lang = locale.lang();
    let rows = query::pledge_follow_up(store, sel, 10);
    let categories: Vec<Category> = rows.iter().map(|r| Category { key: r.donor.clone(), label: label(store, Dim::Donor, &r.donor, locale) }).collect();
    let series: Vec<Series> = Status::ALL
        .iter()
        .map(|&s| Series { key: s.id().to_string(), name: label(store, Dim::Status, s.id(), locale), values: rows.iter().map(|r| r.stages[s as usize]).collect() })
        .collect();
    let mut columns = vec![Column { label: Msg::DimDonor.get(lang).to_string(), kind: ColumnKind::Text }];
    columns.extend(series.iter().map(|s| Column { label: s.name.clone(), kind: ColumnKind::Money }));
    columns.push(Column { label: Msg::DisbursedShare.get(lang).to_string(), kind: ColumnKind::Percent });
    let table_rows = rows
        .iter()
        .zip(&categories)
        .map(|(r, c)| {
            let mut row = vec![Cell::Text(c.label.clone())];
            row.extend(r.stages.iter().map(|&v| Cell::Number(v)));
            row.push(Cell::Number(r.disbursed_share().unwrap_or(0.0)));
            row
        })
        .collect();
    let pledged: f64 = rows.iter().map(|r| r.stages[0]).sum();
    let disbursed: f64 = rows.iter().map(|r| r.stages[2]).sum();
    let summary = if rows.is_empty() {
        Msg::SummaryPledgesNone.get(lang).to_string()
    } else {
        text::SummaryPledges { donors: rows.len(), pledged: locale.money(pledged), disbursed: locale.money(disbursed), share: locale.percent(disbursed / pledged) }.format(lang)
    };
    ChartSpec {
        id: "pledges",
        chart_type: ChartType::GroupedBars,
        title: Msg::ChartPledges.get(lang).to_string(),
        filter_dim: Some(Dim::Donor),
        empty: rows.is_empty(),
        categories,
        series,
        links: Vec::new(),
        // Stages are never added up, so no totals row.
        table: Table { columns, rows: table_rows, footer: None },
        summary,
        currency: store.metadata.currency.clone(),
    }
}
