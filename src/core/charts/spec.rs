//! Chart specifications: one declarative description per chart, computed once from the store and a
//! filter, then rendered four ways (ECharts chart, HTML table, text summary, export) without any
//! renderer doing arithmetic of its own.

use crate::core::analysis::query::{self, Filter, Measure, Selection, OTHERS_KEY};
use crate::core::analysis::store::{Coverage, Dim, Store};
use crate::core::format::codes::{self, Status};
use crate::core::format::geo;
use crate::core::locale::i18n::{text, Msg};
use crate::core::locale::lang::Lang;
pub use crate::core::locale::numbers::{group_thousands, Locale, PlainLocale};

/// The dimensions a reader filters by code, in the order the filter panel shows them.
pub const FILTER_DIMS: [Dim; 6] = [Dim::Region, Dim::Recipient, Dim::Donor, Dim::Obligation, Dim::Model, Dim::Kind];

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
}

impl ChartType {
    /// Categories run down the page (horizontal bars): Up and Down move between them.
    pub fn categories_vertical(self) -> bool {
        matches!(self, ChartType::Bars | ChartType::Gap | ChartType::GroupedBars)
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
#[derive(Clone, Debug, PartialEq)]
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
}

impl ChartSpec {
    /// Is category `i` selected by the filter (false when the filter selects none of them)?
    pub fn is_selected(&self, i: usize) -> bool {
        self.selected.get(i).copied().unwrap_or(false)
    }
}

/// The dashboard's charts, in page order; `build_view` makes them in this order and `embed=` names
/// one of them.
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
    /// The figures that sum up the filtered rows.
    pub headline: query::Headline,
    /// Every chart, in `CHART_IDS` order, the omitted ones included.
    pub charts: Vec<ChartSpec>,
    /// Sentences on how evenly funding is spread.
    pub equity: Vec<String>,
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

/// The sentences on how evenly money is spread (the largest recipients' share, obligations unfunded
/// in the latest year), each only when it says something about this dataset.
pub fn equity_sentences(store: &Store, sel: &Selection, filter: &Filter, locale: &dyn Locale) -> Vec<String> {
    let lang = locale.lang();
    let e = query::equity(store, sel, filter, 5);
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

/// What one chart is built from: the store, the reader's locale and the filter.
struct Builder<'a> {
    store: &'a Store,
    filter: &'a Filter,
    locale: &'a dyn Locale,
    /// The rows the whole filter selects.
    sel: &'a Selection,
}

impl Builder<'_> {
    fn lang(&self) -> Lang {
        self.locale.lang()
    }

    fn label(&self, dim: Dim, key: &str) -> String {
        label(self.store, dim, key, self.locale)
    }

    fn currency(&self) -> String {
        self.store.metadata.currency.clone()
    }

    /// The rows a chart by `dim` draws: the filter without its own selection on `dim`.
    fn selection_without(&self, dim: Dim) -> std::borrow::Cow<'_, Selection> {
        if self.filter.selects(dim) {
            std::borrow::Cow::Owned(query::select(self.store, &self.filter.without(dim)))
        } else {
            std::borrow::Cow::Borrowed(self.sel)
        }
    }

    fn selected_flags(&self, dim: Dim, categories: &[Category]) -> Vec<bool> {
        if !self.filter.selects(dim) {
            return Vec::new();
        }
        categories.iter().map(|c| self.filter.is_selected(dim, &c.key)).collect()
    }

    /// "Selected: Germany, Japan, US$ 3.1M (12 %)." when the filter selects codes of the chart.
    fn selected_sentence(&self, categories: &[Category], selected: &[bool], amounts: &[f64], total: f64) -> Option<String> {
        let picked: Vec<usize> = (0..categories.len()).filter(|&i| selected.get(i).copied().unwrap_or(false)).collect();
        if picked.is_empty() {
            return None;
        }
        let amount: f64 = picked.iter().map(|&i| amounts[i]).sum();
        let names: Vec<&str> = picked.iter().map(|&i| categories[i].label.as_str()).collect();
        Some(
            text::SummarySelected {
                names: names.join(", "),
                amount: self.locale.money(amount),
                share: self.locale.percent(if total > 0.0 { amount / total } else { 0.0 }),
            }
            .format(self.lang()),
        )
    }

    fn spec(&self, id: &'static str, chart_type: ChartType, title: String, filter_dim: Option<Dim>) -> ChartSpec {
        ChartSpec {
            id,
            chart_type,
            title,
            filter_dim,
            categories: Vec::new(),
            series: Vec::new(),
            links: Vec::new(),
            node_totals: Vec::new(),
            selected: Vec::new(),
            table: Table { columns: Vec::new(), rows: Vec::new(), footer: None },
            summary: String::new(),
            currency: self.currency(),
            unit: unit_for(0.0, &self.store.metadata.currency, self.lang()),
            empty: true,
            omitted: None,
        }
    }

    /// Sets the unit from the largest value drawn, and `empty`.
    fn finish(&self, mut spec: ChartSpec) -> ChartSpec {
        let max = if spec.chart_type == ChartType::Sankey {
            spec.links.iter().map(|l| l.value).fold(0.0, f64::max)
        } else {
            spec.series.iter().flat_map(|s| s.values.iter().copied()).fold(0.0, f64::max)
        };
        spec.unit = unit_for(max, &spec.currency, self.lang());
        spec.empty = if spec.chart_type == ChartType::Sankey { spec.links.is_empty() } else { spec.categories.is_empty() };
        spec
    }

    /// The same chart, left out for this dataset with the reason in a sentence.
    fn omitted(&self, id: &'static str, chart_type: ChartType, title: String, reason: String) -> ChartSpec {
        let mut spec = self.spec(id, chart_type, title, None);
        spec.summary = reason.clone();
        spec.omitted = Some(reason);
        spec
    }
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
        "gap" => store.requirements.is_empty().then(|| text::OmitNoNeeds { chart: title }.format(lang)),
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
    let sel = query::select(store, filter);
    let headline = query::headline(store, &sel);
    let b = Builder { store, filter, locale, sel: &sel };
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
        chart("model", ChartType::Donut, Msg::ChartModel, &|b| by_dimension(b, DimChart::MODEL)),
        chart("timeline", ChartType::StackedColumns, Msg::ChartTimeline, &timeline),
        chart("donors", ChartType::Bars, Msg::ChartDonors, &|b| by_dimension(b, DimChart::DONORS)),
        chart("pipeline", ChartType::Pipeline, Msg::ChartPipeline, &pipeline),
        chart("gap", ChartType::Gap, Msg::ChartGap, &gap),
        chart("flows", ChartType::Sankey, Msg::ChartFlows, &flows),
        chart("pledges", ChartType::GroupedBars, Msg::ChartPledges, &pledges),
    ];
    let equity = equity_sentences(store, &sel, filter, locale);
    View { headline, charts, equity }
}

/// A chart's title; charts that follow the measure say which stage they show.
fn titled(msg: Msg, measure: Measure, lang: Lang) -> String {
    let follows_measure = !matches!(msg, Msg::ChartPipeline | Msg::ChartGap | Msg::ChartPledges);
    match measure {
        Measure::Stage(_) if follows_measure => format!("{} — {}", msg.get(lang), measure_label(measure, lang)),
        _ => msg.get(lang).to_string(),
    }
}

/// A chart of money by one dimension.
#[derive(Clone, Copy)]
pub struct DimChart {
    /// Its id, one of `CHART_IDS`.
    pub id: &'static str,
    /// The dimension it groups by.
    pub dim: Dim,
    /// How it is drawn.
    pub chart_type: ChartType,
    /// Its title.
    pub title: Msg,
    /// Largest groups shown by name; the rest are "others".
    pub top: Option<usize>,
}

impl DimChart {
    /// Money by obligation, the 12 largest named.
    pub const OBLIGATION: DimChart =
        DimChart { id: "obligation", dim: Dim::Obligation, chart_type: ChartType::Bars, title: Msg::ChartObligation, top: Some(12) };
    /// Money by region (M49 sub-region), the 10 largest named.
    pub const REGION: DimChart = DimChart { id: "region", dim: Dim::Region, chart_type: ChartType::Bars, title: Msg::ChartRegion, top: Some(10) };
    /// Money by cooperation model, as a donut with every model named.
    pub const MODEL: DimChart = DimChart { id: "model", dim: Dim::Model, chart_type: ChartType::Donut, title: Msg::ChartModel, top: None };
    /// Money by donor, the 10 largest named.
    pub const DONORS: DimChart = DimChart { id: "donors", dim: Dim::Donor, chart_type: ChartType::Bars, title: Msg::ChartDonors, top: Some(10) };
}

fn by_dimension(b: &Builder, c: DimChart) -> ChartSpec {
    let (store, lang, dim) = (b.store, b.lang(), c.dim);
    let sel = b.selection_without(dim);
    let g = query::group_by_keeping(store, &sel, dim, b.filter.measure, c.top, b.filter.values(dim));
    let categories: Vec<Category> = g.groups.iter().map(|x| Category { key: x.key.clone(), label: b.label(dim, &x.key) }).collect();
    let values: Vec<f64> = g.groups.iter().map(|x| x.amount).collect();
    let selected = b.selected_flags(dim, &categories);
    let share = |a: f64| if g.total > 0.0 { a / g.total } else { 0.0 };
    let table = Table {
        columns: vec![
            Column { label: dim_name(dim, lang).to_string(), kind: ColumnKind::Text },
            Column { label: measure_label(b.filter.measure, lang), kind: ColumnKind::Money },
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
        // Obligation shares split contributions, so their counts do not add up to a total.
        footer: (dim != Dim::Obligation).then(|| {
            let count: u32 = g.groups.iter().map(|x| x.count).sum();
            vec![Cell::Text(Msg::Total.get(lang).to_string()), Cell::Number(g.total), Cell::Number(1.0), Cell::Number(count as f64)]
        }),
    };
    let summary = if g.groups.is_empty() {
        Msg::SummaryNoData.get(lang).to_string()
    } else {
        let contributions = query::contribution_count(store, &sel);
        let top = &g.groups[0];
        let mut s = format!(
            "{} {}",
            text::SummaryTotal { total: b.locale.money(g.total), count: contributions }.format(lang),
            text::SummaryLargest { name: &categories[0].label, amount: b.locale.money(top.amount), share: b.locale.percent(share(top.amount)) }.format(lang)
        );
        if let Some(picked) = b.selected_sentence(&categories, &selected, &values, g.total) {
            s = format!("{s} {picked}");
        }
        s
    };
    let mut spec = b.spec(c.id, c.chart_type, titled(c.title, b.filter.measure, lang), Some(dim));
    spec.series = vec![Series { key: b.filter.measure.id().to_string(), name: measure_label(b.filter.measure, lang), values }];
    spec.categories = categories;
    spec.selected = selected;
    spec.table = table;
    spec.summary = summary;
    b.finish(spec)
}

fn timeline(b: &Builder) -> ChartSpec {
    let (store, lang, filter) = (b.store, b.lang(), b.filter);
    // Half-years where dates allow (undated money stays under its year); a one-year dataset
    // always shows its half-years, as one column would say nothing.
    let half_years = crate::core::analysis::store::has_half_years(store) && (filter.half_years || matches!(store.coverage(Dim::Year), Coverage::Single(_)));
    let time = if half_years { Dim::Period } else { Dim::Year };
    let sel = b.selection_without(Dim::Year);
    // Stacked by cooperation model where the dataset records several; else one series.
    let stacked = store.coverage(Dim::Model) == Coverage::Several;
    let (categories, series, totals, grand_total) = if stacked {
        let ct = query::cross_tab(store, &sel, time, Dim::Model, filter.measure, Some(6));
        let categories: Vec<Category> = ct.rows.iter().map(|y| Category { key: y.clone(), label: b.label(time, y) }).collect();
        let series: Vec<Series> = ct
            .columns
            .iter()
            .enumerate()
            .map(|(j, m)| Series { key: m.clone(), name: b.label(Dim::Model, m), values: ct.values.iter().map(|row| row[j]).collect() })
            .collect();
        let totals: Vec<f64> = ct.values.iter().map(|row| row.iter().sum()).collect();
        (categories, series, totals, ct.total)
    } else {
        let g = query::group_by(store, &sel, time, filter.measure, None);
        let categories: Vec<Category> = g.groups.iter().map(|x| Category { key: x.key.clone(), label: b.label(time, &x.key) }).collect();
        let values: Vec<f64> = g.groups.iter().map(|x| x.amount).collect();
        let series = vec![Series { key: filter.measure.id().to_string(), name: measure_label(filter.measure, lang), values: values.clone() }];
        (categories, series, values, g.total)
    };
    let mut columns = vec![Column { label: dim_name(time, lang).to_string(), kind: ColumnKind::Text }];
    if stacked {
        columns.extend(series.iter().map(|s| Column { label: s.name.clone(), kind: ColumnKind::Money }));
    }
    columns.push(Column { label: Msg::Total.get(lang).to_string(), kind: ColumnKind::Money });
    let rows = categories
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let mut row = vec![Cell::Text(c.label.clone())];
            if stacked {
                row.extend(series.iter().map(|s| Cell::Number(s.values[i])));
            }
            row.push(Cell::Number(totals[i]));
            row
        })
        .collect();
    let mut footer = vec![Cell::Text(Msg::Total.get(lang).to_string())];
    if stacked {
        footer.extend(series.iter().map(|s| Cell::Number(s.values.iter().sum())));
    }
    footer.push(Cell::Number(grand_total));
    let selected = b.selected_flags(Dim::Year, &categories);
    let summary = match totals.iter().enumerate().max_by(|a, b| a.1.total_cmp(b.1)) {
        None => Msg::SummaryNoData.get(lang).to_string(),
        Some((i, &best)) => {
            let contributions = query::contribution_count(store, &sel);
            let peak = if half_years {
                text::SummaryTimelinePeriod { period: &categories[i].label, amount: b.locale.money(best) }.format(lang)
            } else {
                text::SummaryTimeline { year: &categories[i].label, amount: b.locale.money(best) }.format(lang)
            };
            let mut s = format!("{} {peak}", text::SummaryTotal { total: b.locale.money(grand_total), count: contributions }.format(lang));
            if let Some(picked) = b.selected_sentence(&categories, &selected, &totals, grand_total) {
                s = format!("{s} {picked}");
            }
            s
        }
    };
    let mut spec = b.spec("timeline", ChartType::StackedColumns, titled(Msg::ChartTimeline, filter.measure, lang), Some(Dim::Year));
    spec.categories = categories;
    spec.series = series;
    spec.selected = selected;
    spec.table = Table { columns, rows, footer: Some(footer) };
    spec.summary = summary;
    b.finish(spec)
}

fn pipeline(b: &Builder) -> ChartSpec {
    let (store, lang) = (b.store, b.lang());
    let stages = query::pipeline(store, b.sel);
    let categories: Vec<Category> = Status::ALL.iter().map(|s| Category { key: s.id().to_string(), label: b.label(Dim::Status, s.id()) }).collect();
    let table = Table {
        columns: vec![
            Column { label: Msg::DimStatus.get(lang).to_string(), kind: ColumnKind::Text },
            Column { label: Msg::Amount.get(lang).to_string(), kind: ColumnKind::Money },
        ],
        rows: categories.iter().zip(stages).map(|(c, v)| vec![Cell::Text(c.label.clone()), Cell::Number(v)]).collect(),
        // Stages of one pipeline are never added up.
        footer: None,
    };
    let mut spec = b.spec("pipeline", ChartType::Pipeline, Msg::ChartPipeline.get(lang).to_string(), Some(Dim::Status));
    spec.summary =
        text::SummaryPipeline { pledged: b.locale.money(stages[0]), committed: b.locale.money(stages[1]), disbursed: b.locale.money(stages[2]) }.format(lang);
    spec.selected = match b.filter.measure {
        Measure::Stage(s) => Status::ALL.iter().map(|&x| x == s).collect(),
        Measure::Funding => Vec::new(),
    };
    spec.series = vec![Series { key: "amount".into(), name: Msg::Amount.get(lang).to_string(), values: stages.to_vec() }];
    spec.categories = if stages.iter().all(|&v| v == 0.0) { Vec::new() } else { categories };
    spec.table = table;
    b.finish(spec)
}

fn gap(b: &Builder) -> ChartSpec {
    let (store, lang) = (b.store, b.lang());
    let unfiltered = b.filter.without(Dim::Recipient);
    let sel = b.selection_without(Dim::Recipient);
    let keep = b.filter.values(Dim::Recipient);
    // The largest unmet needs by name; the rest together, so the chart stays readable.
    let rows = query::fold_tail(
        query::gaps_by_recipient(&query::gaps(store, &sel, &unfiltered)),
        15,
        |r| keep.contains(&r.recipient),
        |tail| query::GapRow {
            key: OTHERS_KEY.to_string(),
            recipient: OTHERS_KEY.to_string(),
            obligation: None,
            year: 0,
            need: tail.iter().map(|r| r.need).sum(),
            funded: tail.iter().map(|r| r.funded).sum(),
            unmet: tail.iter().map(|r| r.unmet).sum(),
        },
    );
    let categories: Vec<Category> = rows.iter().map(|r| Category { key: r.recipient.clone(), label: b.label(Dim::Recipient, &r.recipient) }).collect();
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
    let selected = b.selected_flags(Dim::Recipient, &categories);
    let summary = match rows.first() {
        None => Msg::SummaryGapNone.get(lang).to_string(),
        Some(worst) => format!(
            "{} {}",
            text::SummaryGap {
                need: b.locale.money(need),
                funded: b.locale.money(covered),
                coverage: b.locale.percent(if need > 0.0 { covered / need } else { 0.0 }),
                recipient: &categories[0].label,
                unmet: b.locale.money(worst.gap()),
            }
            .format(lang),
            Msg::GapFundingNote.get(lang)
        ),
    };
    let mut spec = b.spec("gap", ChartType::Gap, Msg::ChartGap.get(lang).to_string(), Some(Dim::Recipient));
    spec.series = vec![
        Series { key: "need".into(), name: Msg::Need.get(lang).to_string(), values: rows.iter().map(|r| r.need).collect() },
        Series { key: "funded".into(), name: Msg::Funded.get(lang).to_string(), values: rows.iter().map(|r| r.funded).collect() },
    ];
    spec.categories = categories;
    spec.selected = selected;
    spec.table = table;
    spec.summary = summary;
    b.finish(spec)
}

fn flows(b: &Builder) -> ChartSpec {
    let (store, lang, filter) = (b.store, b.lang(), b.filter);
    let paths = query::flows(store, b.sel, filter.measure, 8);
    let mut categories: Vec<Category> = Vec::new();
    let mut node = |dim: Dim, key: &str| -> usize {
        let k = node_key(dim, key);
        if let Some(i) = categories.iter().position(|c| c.key == k) {
            return i;
        }
        categories.push(Category { key: k, label: b.label(dim, key) });
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
    // The money through a node: what leaves it, or for the last layer what arrives.
    let node_totals: Vec<f64> = (0..categories.len())
        .map(|i| {
            let out: f64 = links.iter().filter(|l| l.source == i).map(|l| l.value).sum();
            let inn: f64 = links.iter().filter(|l| l.target == i).map(|l| l.value).sum();
            out.max(inn)
        })
        .collect();
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
                    Cell::Text(b.label(Dim::Donor, &p.donor)),
                    Cell::Text(b.label(Dim::Model, &p.model)),
                    Cell::Text(b.label(Dim::Recipient, &p.recipient)),
                    Cell::Number(p.amount),
                ]
            })
            .collect(),
        footer: Some(vec![
            Cell::Text(Msg::Total.get(lang).to_string()),
            Cell::Text(String::new()),
            Cell::Text(String::new()),
            Cell::Number(paths.iter().map(|p| p.amount).sum()),
        ]),
    };
    let summary = match paths.first() {
        None => Msg::SummaryNoData.get(lang).to_string(),
        Some(p) => text::SummaryFlows {
            donor: b.label(Dim::Donor, &p.donor),
            model: b.label(Dim::Model, &p.model),
            recipient: b.label(Dim::Recipient, &p.recipient),
            amount: b.locale.money(p.amount),
        }
        .format(lang),
    };
    let mut spec = b.spec("flows", ChartType::Sankey, titled(Msg::ChartFlows, filter.measure, lang), None);
    spec.series =
        vec![Series { key: filter.measure.id().to_string(), name: measure_label(filter.measure, lang), values: links.iter().map(|l| l.value).collect() }];
    spec.categories = categories;
    spec.links = links;
    spec.node_totals = node_totals;
    spec.table = table;
    spec.summary = summary;
    b.finish(spec)
}

fn pledges(b: &Builder) -> ChartSpec {
    let (store, lang) = (b.store, b.lang());
    let sel = b.selection_without(Dim::Donor);
    let rows = query::pledge_follow_up(store, &sel, 10);
    let categories: Vec<Category> = rows.iter().map(|r| Category { key: r.donor.clone(), label: b.label(Dim::Donor, &r.donor) }).collect();
    let series: Vec<Series> = Status::ALL
        .iter()
        .map(|&s| Series { key: s.id().to_string(), name: b.label(Dim::Status, s.id()), values: rows.iter().map(|r| r.stages[s as usize]).collect() })
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
        text::SummaryPledges {
            donors: rows.len(),
            pledged: b.locale.money(pledged),
            disbursed: b.locale.money(disbursed),
            share: b.locale.percent(disbursed / pledged),
        }
        .format(lang)
    };
    let mut spec = b.spec("pledges", ChartType::GroupedBars, Msg::ChartPledges.get(lang).to_string(), Some(Dim::Donor));
    spec.selected = b.selected_flags(Dim::Donor, &categories);
    spec.categories = categories;
    spec.series = series;
    // Stages are never added up, so no totals row.
    spec.table = Table { columns, rows: table_rows, footer: None };
    spec.summary = summary;
    b.finish(spec)
}
