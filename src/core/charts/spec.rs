//! Chart specifications: one declarative description per chart, computed once from the store and a
//! filter, then rendered four ways (ECharts chart, HTML table, text summary, export) without any
//! renderer doing arithmetic of its own.

use crate::core::analysis::fused;
use crate::core::analysis::query::{self, Filter, Measure, Selection, OTHERS_KEY};
use crate::core::analysis::store::{Coverage, Dim, Store};
use crate::core::format::codes::Status;
use crate::core::locale::i18n::{text, Msg};
use crate::core::locale::lang::Lang;
pub use crate::core::locale::numbers::{group_thousands, Locale, PlainLocale};
// Words for codes and filters, and the chart builders, live beside this file; `spec` is the
// folder's front door, so callers write `spec::label` as before.
use super::builders::{by_dimension, flows, gap, map, objectives, pipeline, pledge_history, pledges, time_axis, timeline, Builder, DimChart};
pub use super::labels::{dim_name, fallback_of, filter_description, filter_line, filter_options, label, measure_label, FilterPart, FILTER_DIMS};

/// How a chart is drawn; each renderer maps it to its own kind of figure.
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
    /// Columns over dates, several series side by side (never stacked: e.g. stages at each date).
    GroupedColumns,
    /// Areas of a map (countries, or a country's first-level divisions) shaded by class.
    Map,
    /// Horizontal bars, several series stacked along each (parts of one whole per category).
    StackedBars,
}

impl ChartType {
    /// Categories run down the page (horizontal bars): Up and Down move between them.
    pub fn categories_vertical(self) -> bool {
        matches!(self, ChartType::Bars | ChartType::Gap | ChartType::GroupedBars | ChartType::StackedBars)
    }
}

/// Money from one node to another in a Sankey diagram (indices into the categories).
#[derive(Clone, Debug, PartialEq)]
pub struct Link {
    /// Index of the category the money leaves.
    pub source: usize,
    /// Index of the category the money reaches.
    pub target: usize,
    /// Money along the link, under the measure.
    pub value: f64,
}

/// One bar, slice or column of a chart, or a node of a Sankey diagram.
#[derive(Clone, Debug, PartialEq)]
pub struct Category {
    /// The code it stands for (a `node_key` in a Sankey), for cross-filtering and selection.
    pub key: String,
    /// The code's name in the reader's language.
    pub label: String,
}

/// One set of values drawn across a chart's categories, e.g. a stage or a cooperation model.
#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    /// Stable id, the same in every language: the measure, a stage, a model code, `need`, `funded`...
    pub key: String,
    /// The series' name in the reader's language, for legends and tooltips.
    pub name: String,
    /// One value per category, in category order (per link, for a Sankey).
    pub values: Vec<f64>,
}

/// How a table column's numbers are written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColumnKind {
    /// Labels; its cells are text.
    Text,
    /// Amounts in the dataset's currency.
    Money,
    /// Whole numbers of things, e.g. contributions.
    Count,
    /// A share between 0 and 1, written as a percentage.
    Percent,
}

/// One cell of a chart's table.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    /// A label, already in the reader's language.
    Text(String),
    /// A figure, written the way its column's kind says.
    Number(f64),
}

/// A table column: its header and how its numbers are written.
#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    /// The header in the reader's language.
    pub label: String,
    /// How the column's numbers are written.
    pub kind: ColumnKind,
}

/// The exact numbers behind a chart, for its HTML table and exports.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Table {
    /// The columns, in order.
    pub columns: Vec<Column>,
    /// The rows, each with one cell per column.
    pub rows: Vec<Vec<Cell>>,
    /// Totals row, when adding the rows up is meaningful.
    pub footer: Option<Vec<Cell>>,
}

/// The scale money is drawn at, chosen from the largest value so axis ticks stay short:
/// divide by `divisor`; `label` names it ("USD, millions").
#[derive(Clone, Debug, PartialEq)]
pub struct Unit {
    /// What money is divided by before it is drawn: 1, 1e3, 1e6 or 1e9.
    pub divisor: f64,
    /// The scale's name, for axes and tooltips, e.g. "USD, millions".
    pub label: String,
}

/// Thousands, millions or billions, whichever keeps the largest value between 1 and 1,000.
pub fn unit_for(max: f64, currency: &str, lang: Lang) -> Unit {
    let (divisor, label) = if max >= 1e9 {
        (1e9, text::UnitBillions { currency }.format(lang))
    } else if max >= 1e6 {
        (1e6, text::UnitMillions { currency }.format(lang))
    } else if max >= 1e3 {
        (1e3, text::UnitThousands { currency }.format(lang))
    } else {
        (1.0, text::UnitOnes { currency }.format(lang))
    };
    Unit { divisor, label }
}

/// One chart, fully computed: what every renderer (ECharts, HTML table, text summary, exports)
/// draws, with no arithmetic of its own.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartSpec {
    /// Stable id, one of `CHART_IDS`.
    pub id: &'static str,
    /// How the chart is drawn.
    pub chart_type: ChartType,
    /// The title in the reader's language; it names the stage when the chart follows a one-stage measure.
    pub title: String,
    /// Clicking a category filters by this dimension.
    pub filter_dim: Option<Dim>,
    /// What the chart draws along its category axis (its nodes, for a Sankey).
    pub categories: Vec<Category>,
    /// The values drawn on the categories.
    pub series: Vec<Series>,
    /// Sankey only.
    pub links: Vec<Link>,
    /// Sankey only: the money through each node (what leaves it, or for the last layer what
    /// arrives), for labels, tooltips and announcements.
    pub node_totals: Vec<f64>,
    /// Per category, whether the filter selects it. Empty when the filter selects nothing of this
    /// chart's dimension: the chart then shows every code and highlights the selected ones.
    pub selected: Vec<bool>,
    /// The exact numbers behind the chart, for its HTML table and exports.
    pub table: Table,
    /// What matters, in a sentence or two.
    pub summary: String,
    /// ISO 4217 code of the dataset's amounts.
    pub currency: String,
    /// The scale the chart draws money at.
    pub unit: Unit,
    /// Nothing to draw under this filter: no categories, or for a Sankey no links.
    pub empty: bool,
    /// Why the chart is left out for this dataset (its dimension is not recorded, or holds one
    /// code only): a sentence shown instead of the chart.
    pub omitted: Option<String>,
    /// Maps only: the boundaries to draw (`world`, `admin1-CO`), each category's shade class
    /// (0 lightest … `MAP_CLASSES - 1`; `None` for a category the map cannot show) and the
    /// legend's label of each class.
    pub map: Option<MapLayer>,
    /// The values are counts of things (indicators), not money: written as counts, with `unit`
    /// naming what is counted.
    pub counts: bool,
}

/// How many shades a map uses.
pub const MAP_CLASSES: usize = 5;

/// What a map draws on its boundaries.
#[derive(Clone, Debug, PartialEq)]
pub struct MapLayer {
    /// The boundaries file (`geo/<name>.json`) and ECharts map name.
    pub name: String,
    /// Per category, its shade class, or `None` when it is not an area of these boundaries (a
    /// regional recipient on the world map, money not placed below the country).
    pub classes: Vec<Option<usize>>,
    /// The legend: per class, the range of money it stands for, in words.
    pub legend: Vec<String>,
}

impl ChartSpec {
    /// A value of this chart in words: money, or a count for a chart of counts.
    pub fn value_text(&self, value: f64, money: &dyn Fn(f64) -> String, lang: Lang) -> String {
        if self.counts {
            crate::core::locale::i18n::count_text(lang, value)
        } else {
            money(value)
        }
    }

    /// Is category `i` selected by the filter (false when the filter selects none of them)?
    pub fn is_selected(&self, i: usize) -> bool {
        self.selected.get(i).copied().unwrap_or(false)
    }
}

/// The dashboard's charts, in page order; `build_view` makes them in this order and `embed=` names
/// one of them.
pub const CHART_IDS: [&str; 13] =
    ["obligation", "region", "map", "places", "model", "timeline", "donors", "pipeline", "gap", "objectives", "flows", "pledges", "pledge-history"];

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
    /// The figures that sum up the filtered rows.
    pub headline: query::Headline,
    /// Every chart, in `CHART_IDS` order, the omitted ones included.
    pub charts: Vec<ChartSpec>,
    /// Sentences on how evenly funding is spread.
    pub equity: Vec<String>,
}

/// The sentences on how evenly money is spread (the largest recipients' share, obligations unfunded
/// in the latest year), each only when it says something about this dataset.
pub fn equity_sentences(store: &Store, sel: &Selection, filter: &Filter, locale: &dyn Locale) -> Vec<String> {
    equity_sentences_made(store, sel, filter, locale, &query::Made::NONE)
}

/// `equity_sentences`, grouping `sel` from the sums `made` over it where it has them.
fn equity_sentences_made(store: &Store, sel: &Selection, filter: &Filter, locale: &dyn Locale, made: &query::Made) -> Vec<String> {
    let lang = locale.lang();
    let e = query::equity_made(store, sel, filter, 5, made);
    let mut out = Vec::new();
    if let Some(share) = e.top_share {
        if store.dict(Dim::Recipient).len() > e.top {
            out.push(text::EquityTop { count: e.top, share: locale.percent(share) }.format(lang));
        }
    }
    // Which obligations went unfunded says something only when the source records several.
    if let (Some(year), Coverage::Several) = (e.latest_year, store.coverage(Dim::Obligation)) {
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

/// Why a chart says nothing for this dataset, if it does not: its dimension is not recorded, or
/// the whole dataset has one code of it. Decided on the whole dataset, not the selection, so
/// charts do not come and go as filters change.
fn omission(store: &Store, id: &str, title: &str, locale: &dyn Locale) -> Option<String> {
    let lang = locale.lang();
    let not_recorded = |dim: Dim| -> Option<String> {
        let chart = title;
        Some(match dim {
            Dim::Donor => text::OmitNotRecordedDonor { chart }.format(lang),
            Dim::Status => text::OmitNotRecordedStatus { chart }.format(lang),
            Dim::Model => text::OmitNotRecordedModel { chart }.format(lang),
            _ => text::OmitNotRecordedObligation { chart }.format(lang),
        })
    };
    let by_dimension = |dim: Dim| match store.coverage(dim) {
        Coverage::NotRecorded => not_recorded(dim),
        Coverage::Single(code) => Some(text::OmitSingle { chart: title, name: label(store, dim, &code, locale) }.format(lang)),
        Coverage::Several => None,
    };
    match id {
        "obligation" => by_dimension(Dim::Obligation),
        "region" => by_dimension(Dim::Region),
        "model" => by_dimension(Dim::Model),
        "donors" => by_dimension(Dim::Donor),
        "timeline" => match store.coverage(Dim::Year) {
            Coverage::Single(year) if !crate::core::analysis::store::has_half_years(store) => {
                Some(text::OmitSingleYear { chart: title, year: &year }.format(lang))
            }
            _ => None,
        },
        "pipeline" => match store.coverage(Dim::Status) {
            Coverage::NotRecorded => not_recorded(Dim::Status),
            Coverage::Single(stage) => Some(text::OmitSingleStage { chart: title, stage: label(store, Dim::Status, &stage, locale) }.format(lang)),
            Coverage::Several => None,
        },
        "pledges" => match store.coverage(Dim::Status) {
            Coverage::NotRecorded => not_recorded(Dim::Status),
            _ if !store.records_stage(Status::Pledged) => Some(text::OmitNoPledges { chart: title }.format(lang)),
            _ => None,
        },
        "gap" if store.requirements.is_empty() => Some(text::OmitNoNeeds { chart: title }.format(lang)),
        // Needs with no money recorded against them: "funded" would read as 0, which is unknown.
        "gap" => (store.contribution_count == 0).then(|| text::OmitNoFunding { chart: title }.format(lang)),
        "objectives" => store.plan_details.iter().all(|p| p.objectives.is_empty()).then(|| text::OmitNoObjectives { chart: title }.format(lang)),
        "pledge-history" => store.histories.is_empty().then(|| text::OmitNoHistory { chart: title }.format(lang)),
        "map" => (!store.dict(Dim::Recipient).ids.iter().any(|r| crate::core::format::geo::country(r).is_some()))
            .then(|| text::OmitNoCountries { chart: title }.format(lang)),
        "places" => (store.coverage(Dim::Place) == Coverage::NotRecorded).then(|| text::OmitNoPlaces { chart: title }.format(lang)),
        "flows" => match store.coverage(Dim::Donor) {
            Coverage::NotRecorded => not_recorded(Dim::Donor),
            _ => None,
        },
        _ => None,
    }
}

/// Everything the dashboard shows for one filter state: the headline figures, every chart and the
/// equity sentences, all from one selection of the store.
pub fn build_view(store: &Store, filter: &Filter, locale: &dyn Locale) -> View {
    // The charts by one dimension are summed in the pass that selects the rows (`fused`).
    let mut dims: Vec<Dim> = [DimChart::OBLIGATION, DimChart::REGION, DimChart::MAP, DimChart::PLACES, DimChart::MODEL, DimChart::DONORS]
        .iter()
        .map(|c| c.dim)
        .filter(|&d| store.coverage(d) != Coverage::NotRecorded)
        .collect();
    // The time axis, and the years the equity sentences look at, too: the stacked timeline and
    // those sentences group the selection by them, and a dimension more in this pass costs less
    // than a pass of its own.
    let (time, _) = time_axis(store, filter);
    for d in [time, Dim::Year] {
        if !dims.contains(&d) {
            dims.push(d);
        }
    }
    let fused = fused::fused(store, filter, &dims);
    let sel = &fused.selection;
    let headline = query::headline(store, sel);
    let b = Builder { store, filter, locale, sel, fused: Some(&fused), headline: Some(&headline), made: fused.made() };
    let lang = locale.lang();
    let chart = |id: &'static str, chart_type: ChartType, title: Msg, make: &dyn Fn(&Builder) -> ChartSpec| {
        let title_text = titled(title, filter.measure, lang);
        match omission(store, id, &title_text, locale) {
            Some(reason) => b.omitted(id, chart_type, title_text, reason),
            None => make(&b),
        }
    };
    let charts = vec![
        chart("obligation", ChartType::Bars, Msg::ChartObligation, &|b| by_dimension(b, DimChart::OBLIGATION)),
        chart("region", ChartType::Bars, Msg::ChartRegion, &|b| by_dimension(b, DimChart::REGION)),
        chart("map", ChartType::Map, Msg::ChartMap, &|b| map(b, DimChart::MAP)),
        chart("places", ChartType::Map, Msg::ChartPlaces, &|b| map(b, DimChart::PLACES)),
        chart("model", ChartType::Donut, Msg::ChartModel, &|b| by_dimension(b, DimChart::MODEL)),
        chart("timeline", ChartType::StackedColumns, Msg::ChartTimeline, &timeline),
        chart("donors", ChartType::Bars, Msg::ChartDonors, &|b| by_dimension(b, DimChart::DONORS)),
        chart("pipeline", ChartType::Pipeline, Msg::ChartPipeline, &pipeline),
        chart("gap", ChartType::Gap, Msg::ChartGap, &gap),
        chart("objectives", ChartType::StackedBars, Msg::ChartObjectives, &objectives),
        chart("flows", ChartType::Sankey, Msg::ChartFlows, &flows),
        chart("pledges", ChartType::GroupedBars, Msg::ChartPledges, &pledges),
        chart("pledge-history", ChartType::GroupedColumns, Msg::ChartPledgeHistory, &pledge_history),
    ];
    let equity = equity_sentences_made(store, sel, filter, locale, &b.made);
    View { headline, charts, equity }
}

/// A chart's title; charts that follow the measure say which stage they show.
pub(super) fn titled(msg: Msg, measure: Measure, lang: Lang) -> String {
    let follows_measure = !matches!(msg, Msg::ChartPipeline | Msg::ChartGap | Msg::ChartObjectives | Msg::ChartPledges | Msg::ChartPledgeHistory);
    match measure {
        Measure::Stage(_) if follows_measure => format!("{} — {}", msg.get(lang), measure_label(measure, lang)),
        _ => msg.get(lang).to_string(),
    }
}
