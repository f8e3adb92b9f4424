//! The twelve charts, each built from the store through a `Builder`: which numbers, in which order,
//! with which table and summary sentence. Sums come from `analysis::query`.

use crate::core::analysis::fused::{self, DimSums, Fused};
use crate::core::analysis::query::{self, Filter, Headline, Made, Measure, Selection, OTHERS_KEY};
use crate::core::analysis::store::{Coverage, Dim, Store};
use crate::core::analysis::{needs, pledges};
use crate::core::format::codes::Status;
use crate::core::locale::i18n::{text, Msg};
use crate::core::locale::lang::Lang;

use super::labels::*;
use super::spec::*;

/// What one chart is built from: the store, the reader's locale and the filter.
pub(super) struct Builder<'a> {
    pub(super) store: &'a Store,
    pub(super) filter: &'a Filter,
    pub(super) locale: &'a dyn Locale,
    /// The rows the whole filter selects.
    pub(super) sel: &'a Selection,
    /// The charts by one dimension, summed in the pass that made `sel` (`None`: each chart sums its own).
    pub(super) fused: Option<&'a Fused>,
    /// The selection's headline figures, made before the charts (`None`: the pipeline sums its own).
    pub(super) headline: Option<&'a Headline>,
    /// Sums the fused pass made over exactly `sel` (empty without that pass).
    pub(super) made: Made<'a>,
}

impl<'a> Builder<'a> {
    pub(super) fn lang(&self) -> Lang {
        self.locale.lang()
    }

    pub(super) fn label(&self, dim: Dim, key: &str) -> String {
        label(self.store, dim, key, self.locale)
    }

    pub(super) fn currency(&self) -> String {
        self.store.metadata.currency.clone()
    }

    /// The sums of the chart by `dim`: over the filter without its own selection on `dim`.
    pub(super) fn dim_sums(&self, dim: Dim) -> DimSums {
        match self.fused.and_then(|f| f.of(dim)) {
            Some(sums) => sums.clone(),
            None => fused::fused(self.store, self.filter, &[dim]).of(dim).cloned().unwrap_or_else(|| unreachable!("the pass was asked for {dim:?}")),
        }
    }

    /// The sums already made over `sel`, when `sel` is the whole filter's selection itself.
    pub(super) fn made_over(&self, sel: &Selection) -> &Made<'a> {
        static NONE: Made<'static> = Made::NONE;
        if std::ptr::eq(sel, self.sel) {
            &self.made
        } else {
            &NONE
        }
    }

    /// The rows a chart by `dim` draws: the filter without its own selection on `dim`.
    pub(super) fn selection_without(&self, dim: Dim) -> std::borrow::Cow<'_, Selection> {
        if self.filter.selects(dim) {
            std::borrow::Cow::Owned(query::select(self.store, &self.filter.without(dim)))
        } else {
            std::borrow::Cow::Borrowed(self.sel)
        }
    }

    pub(super) fn selected_flags(&self, dim: Dim, categories: &[Category]) -> Vec<bool> {
        if !self.filter.selects(dim) {
            return Vec::new();
        }
        categories.iter().map(|c| self.filter.is_selected(dim, &c.key)).collect()
    }

    /// "Selected: Germany, Japan, US$ 3.1M (12 %)." when the filter selects codes of the chart.
    pub(super) fn selected_sentence(&self, categories: &[Category], selected: &[bool], amounts: &[f64], total: f64) -> Option<String> {
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

    pub(super) fn spec(&self, id: &'static str, chart_type: ChartType, title: String, filter_dim: Option<Dim>) -> ChartSpec {
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
            map: None,
            counts: false,
        }
    }

    /// The chart with what its builder drew, its unit and whether it is empty.
    pub(super) fn finish_with(&self, mut spec: ChartSpec, d: Drawn) -> ChartSpec {
        spec.categories = d.categories;
        spec.series = d.series;
        spec.selected = d.selected;
        spec.links = d.links;
        spec.node_totals = d.node_totals;
        spec.table = d.table;
        spec.summary = d.summary;
        self.finish(spec)
    }

    /// Sets the unit from the largest value drawn, and `empty`.
    pub(super) fn finish(&self, mut spec: ChartSpec) -> ChartSpec {
        let max = if spec.chart_type == ChartType::Sankey {
            spec.links.iter().map(|l| l.value).fold(0.0, f64::max)
        } else {
            spec.series.iter().flat_map(|s| s.values.iter().copied()).fold(0.0, f64::max)
        };
        spec.unit = if spec.counts {
            Unit { divisor: 1.0, label: Msg::UnitIndicators.get(self.lang()).to_string() }
        } else {
            unit_for(max, &spec.currency, self.lang())
        };
        spec.empty = if spec.chart_type == ChartType::Sankey { spec.links.is_empty() } else { spec.categories.is_empty() };
        spec
    }

    /// The same chart, left out for this dataset with the reason in a sentence.
    pub(super) fn omitted(&self, id: &'static str, chart_type: ChartType, title: String, reason: String) -> ChartSpec {
        let mut spec = self.spec(id, chart_type, title, None);
        spec.summary = reason.clone();
        spec.omitted = Some(reason);
        spec
    }
}

/// What a builder computed: the parts every renderer (chart, table, sentence, exports) draws.
#[derive(Default)]
pub(super) struct Drawn {
    pub(super) categories: Vec<Category>,
    pub(super) series: Vec<Series>,
    pub(super) selected: Vec<bool>,
    pub(super) links: Vec<Link>,
    pub(super) node_totals: Vec<f64>,
    pub(super) table: Table,
    pub(super) summary: String,
}

/// One money series per stage, from per-category stage amounts (`[pledged, committed, disbursed]`);
/// with `skip_empty`, a stage with no money anywhere is left out.
fn stage_series(b: &Builder, stages: &[[f64; 3]], skip_empty: bool) -> Vec<Series> {
    Status::ALL
        .iter()
        .filter(|&&s| !skip_empty || stages.iter().any(|v| v[s as usize] > 0.0))
        .map(|&s| Series { key: s.id().to_string(), name: b.label(Dim::Status, s.id()), values: stages.iter().map(|v| v[s as usize]).collect() })
        .collect()
}

/// A table of each category's label and one money column per series. Stages side by side are
/// never added up, so it has no totals row.
pub(super) fn series_table(first_column: String, categories: &[Category], series: &[Series]) -> Table {
    let mut columns = vec![Column { label: first_column, kind: ColumnKind::Text }];
    columns.extend(series.iter().map(|s| Column { label: s.name.clone(), kind: ColumnKind::Money }));
    let rows = categories
        .iter()
        .enumerate()
        .map(|(i, c)| std::iter::once(Cell::Text(c.label.clone())).chain(series.iter().map(|s| Cell::Number(s.values[i]))).collect())
        .collect();
    Table { columns, rows, footer: None }
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
    /// Money by recipient country, on the world map.
    pub const MAP: DimChart = DimChart { id: "map", dim: Dim::Recipient, chart_type: ChartType::Map, title: Msg::ChartMap, top: None };
    /// Money by first-level division (state, department), on the map of one country.
    pub const PLACES: DimChart = DimChart { id: "places", dim: Dim::Place, chart_type: ChartType::Map, title: Msg::ChartPlaces, top: None };
    /// Money by donor, the 10 largest named.
    pub const DONORS: DimChart = DimChart { id: "donors", dim: Dim::Donor, chart_type: ChartType::Bars, title: Msg::ChartDonors, top: Some(10) };
}

pub(super) fn by_dimension(b: &Builder, c: DimChart) -> ChartSpec {
    let (mut spec, groups) = dim_chart(b, c);
    spec.summary = groups.summary(b, &spec);
    spec
}

/// What a chart by one dimension was grouped from, for its summary sentence.
struct DimGroups {
    g: query::Grouping,
    /// Distinct contributions among the chart's rows, at any stage.
    contributions: usize,
}

impl DimGroups {
    /// "USD 3.1M in all, in 12 contributions. The largest part, …" (and what the filter selects).
    fn summary(&self, b: &Builder, spec: &ChartSpec) -> String {
        let (g, lang) = (&self.g, b.lang());
        let Some(top) = g.groups.first() else { return Msg::SummaryNoData.get(lang).to_string() };
        let share = |a: f64| if g.total > 0.0 { a / g.total } else { 0.0 };
        let contributions = self.contributions;
        let mut s = format!(
            "{} {}",
            text::SummaryTotal { total: b.locale.money(g.total), count: contributions }.format(lang),
            text::SummaryLargest { name: &spec.categories[0].label, amount: b.locale.money(top.amount), share: b.locale.percent(share(top.amount)) }
                .format(lang)
        );
        let values = spec.series.first().map(|x| x.values.as_slice()).unwrap_or_default();
        if let Some(picked) = b.selected_sentence(&spec.categories, &spec.selected, values, g.total) {
            s = format!("{s} {picked}");
        }
        s
    }
}

/// A chart by one dimension without its summary sentence, and what it was grouped from.
fn dim_chart(b: &Builder, c: DimChart) -> (ChartSpec, DimGroups) {
    let (store, lang, dim) = (b.store, b.lang(), c.dim);
    let DimSums { sums, contributions } = b.dim_sums(dim);
    let g = query::grouping_of(store, dim, b.filter.measure, c.top, b.filter.values(dim), &sums);
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
    let series = vec![Series { key: b.filter.measure.id().to_string(), name: measure_label(b.filter.measure, lang), values }];
    let spec = b.spec(c.id, c.chart_type, titled(c.title, b.filter.measure, lang), Some(dim));
    (b.finish_with(spec, Drawn { categories, series, selected, table, ..Default::default() }), DimGroups { g, contributions })
}

/// A map: the chart by its dimension (the same table and sentence), each area shaded by one of
/// `MAP_CLASSES` classes of equal width up to the largest amount drawn. The world map shows
/// countries; the places map shows the divisions of the country with the most placed money in
/// the selection (the one the reader filtered on, when one is).
pub(super) fn map(b: &Builder, c: DimChart) -> ChartSpec {
    let (mut spec, groups) = dim_chart(b, c);
    let on_map = |key: &str| -> Option<String> {
        match c.dim {
            Dim::Place => (key != crate::core::analysis::store::NO_PLACE && key != OTHERS_KEY).then(|| key.get(..2).unwrap_or_default().to_string()),
            _ => crate::core::format::geo::country(key).map(|_| String::new()),
        }
    };
    let name = match c.dim {
        Dim::Place => {
            // The first (largest) placed category decides the country; a selection with no
            // placed money has nothing to draw (its table still says where the money is not placed).
            let Some(country) = spec.categories.iter().find_map(|x| on_map(&x.key)) else {
                spec.summary = groups.summary(b, &spec);
                spec.empty = true;
                return spec;
            };
            format!("admin1-{country}")
        }
        _ => "world".to_string(),
    };
    let values = spec.series.first().map(|s| s.values.clone()).unwrap_or_default();
    // Which categories are areas of these boundaries (for places: of the chosen country).
    let drawn: Vec<usize> = (0..spec.categories.len())
        .filter(|&i| on_map(&spec.categories[i].key).is_some_and(|country| c.dim != Dim::Place || name.ends_with(&country)))
        .collect();
    let max = drawn.iter().map(|&i| values[i]).fold(0.0, f64::max);
    let width = max / MAP_CLASSES as f64;
    let classes = (0..spec.categories.len())
        .map(|i| drawn.contains(&i).then(|| if width > 0.0 { ((values[i] / width).ceil() as usize).clamp(1, MAP_CLASSES) - 1 } else { 0 }))
        .collect();
    let legend = (0..MAP_CLASSES)
        .map(|k| text::MapClass { from: b.locale.money(width * k as f64), to: b.locale.money(width * (k + 1) as f64) }.format(b.lang()))
        .collect();
    // The places map speaks of the money it can place: how much, where most of it went; the
    // world map, as any chart by its dimension, of the whole.
    spec.summary = match drawn.iter().max_by(|&&a, &&b| values[a].total_cmp(&values[b])) {
        Some(&top) if c.dim == Dim::Place => {
            let total: f64 = values.iter().sum();
            let drawn_total: f64 = drawn.iter().map(|&i| values[i]).sum();
            let country = crate::core::format::geo::country_by_iso2(&name[7..]).map(|c| b.label(Dim::Recipient, c.iso3)).unwrap_or_default();
            let placed = text::SummaryPlaces {
                placed: b.locale.money(drawn_total),
                share: b.locale.percent(if total > 0.0 { drawn_total / total } else { 0.0 }),
                count: drawn.len(),
                country: &country,
                name: &spec.categories[top].label,
                amount: b.locale.money(values[top]),
            }
            .format(b.lang());
            match b.selected_sentence(&spec.categories, &spec.selected, &values, total) {
                Some(picked) => format!("{placed} {picked}"),
                None => placed,
            }
        }
        _ => groups.summary(b, &spec),
    };
    spec.map = Some(MapLayer { name, classes, legend });
    spec
}

/// The timeline's axis (years, or half-years), and whether its columns are stacked by model.
pub(super) fn time_axis(store: &Store, filter: &Filter) -> (Dim, bool) {
    // Half-years where dates allow (undated money stays under its year); a one-year dataset
    // always shows its half-years, as one column would say nothing.
    let half_years = crate::core::analysis::store::has_half_years(store) && (filter.half_years || matches!(store.coverage(Dim::Year), Coverage::Single(_)));
    // Stacked by cooperation model where the dataset records several; else one series.
    (if half_years { Dim::Period } else { Dim::Year }, store.coverage(Dim::Model) == Coverage::Several)
}

pub(super) fn timeline(b: &Builder) -> ChartSpec {
    let (store, lang, filter) = (b.store, b.lang(), b.filter);
    let (time, stacked) = time_axis(store, filter);
    let (categories, series, totals, grand_total, contributions) = if stacked {
        let sel = b.selection_without(Dim::Year);
        let made = b.made_over(&sel);
        let ct = query::cross_tab_made(store, &sel, time, Dim::Model, filter.measure, Some(6), made);
        let categories: Vec<Category> = ct.rows.iter().map(|y| Category { key: y.clone(), label: b.label(time, y) }).collect();
        let series: Vec<Series> = ct
            .columns
            .iter()
            .enumerate()
            .map(|(j, m)| Series { key: m.clone(), name: b.label(Dim::Model, m), values: ct.values.iter().map(|row| row[j]).collect() })
            .collect();
        let totals: Vec<f64> = ct.values.iter().map(|row| row.iter().sum()).collect();
        (categories, series, totals, ct.total, made.contribution_count(store, &sel))
    } else {
        let DimSums { sums, contributions } = b.dim_sums(time);
        let g = query::grouping_of(store, time, filter.measure, None, &[], &sums);
        let categories: Vec<Category> = g.groups.iter().map(|x| Category { key: x.key.clone(), label: b.label(time, &x.key) }).collect();
        let values: Vec<f64> = g.groups.iter().map(|x| x.amount).collect();
        let series = vec![Series { key: filter.measure.id().to_string(), name: measure_label(filter.measure, lang), values: values.clone() }];
        (categories, series, values, g.total, contributions)
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
            let peak = if time == Dim::Period {
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
    let spec = b.spec("timeline", ChartType::StackedColumns, titled(Msg::ChartTimeline, filter.measure, lang), Some(Dim::Year));
    let table = Table { columns, rows, footer: Some(footer) };
    b.finish_with(spec, Drawn { categories, series, selected, table, summary, ..Default::default() })
}

pub(super) fn pipeline(b: &Builder) -> ChartSpec {
    let (store, lang) = (b.store, b.lang());
    let stages = b.headline.map_or_else(|| query::pipeline(store, b.sel), |h| h.stages);
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
    let spec = b.spec("pipeline", ChartType::Pipeline, Msg::ChartPipeline.get(lang).to_string(), Some(Dim::Status));
    let summary =
        text::SummaryPipeline { pledged: b.locale.money(stages[0]), committed: b.locale.money(stages[1]), disbursed: b.locale.money(stages[2]) }.format(lang);
    let selected = match b.filter.measure {
        Measure::Stage(s) => Status::ALL.iter().map(|&x| x == s).collect(),
        Measure::Funding => Vec::new(),
    };
    let series = vec![Series { key: "amount".into(), name: Msg::Amount.get(lang).to_string(), values: stages.to_vec() }];
    let categories = if stages.iter().all(|&v| v == 0.0) { Vec::new() } else { categories };
    b.finish_with(spec, Drawn { categories, series, selected, table, summary, ..Default::default() })
}

pub(super) fn gap(b: &Builder) -> ChartSpec {
    let (store, lang) = (b.store, b.lang());
    let unfiltered = b.filter.without(Dim::Recipient);
    let sel = b.selection_without(Dim::Recipient);
    let keep = b.filter.values(Dim::Recipient);
    // The largest unmet needs by name; the rest together, so the chart stays readable.
    let rows = query::fold_tail(
        needs::gaps_by_recipient(&needs::gaps(store, &sel, &unfiltered)),
        15,
        |r| keep.contains(&r.recipient),
        |tail| needs::GapRow {
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
    let spec = b.spec("gap", ChartType::Gap, Msg::ChartGap.get(lang).to_string(), Some(Dim::Recipient));
    let series = vec![
        Series { key: "need".into(), name: Msg::Need.get(lang).to_string(), values: rows.iter().map(|r| r.need).collect() },
        Series { key: "funded".into(), name: Msg::Funded.get(lang).to_string(), values: rows.iter().map(|r| r.funded).collect() },
    ];
    b.finish_with(spec, Drawn { categories, series, selected, table, summary, ..Default::default() })
}

pub(super) fn flows(b: &Builder) -> ChartSpec {
    let (store, lang, filter) = (b.store, b.lang(), b.filter);
    let paths = query::flows_made(store, b.sel, filter.measure, 8, &b.made);
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
    let spec = b.spec("flows", ChartType::Sankey, titled(Msg::ChartFlows, filter.measure, lang), None);
    let series =
        vec![Series { key: filter.measure.id().to_string(), name: measure_label(filter.measure, lang), values: links.iter().map(|l| l.value).collect() }];
    b.finish_with(spec, Drawn { categories, series, links, node_totals, table, summary, ..Default::default() })
}

pub(super) fn pledges(b: &Builder) -> ChartSpec {
    let (store, lang) = (b.store, b.lang());
    let sel = b.selection_without(Dim::Donor);
    let rows = pledges::pledge_follow_up(store, &sel, 10);
    let categories: Vec<Category> = rows.iter().map(|r| Category { key: r.donor.clone(), label: b.label(Dim::Donor, &r.donor) }).collect();
    let series = stage_series(b, &rows.iter().map(|r| r.stages).collect::<Vec<_>>(), false);
    let mut table = series_table(Msg::DimDonor.get(lang).to_string(), &categories, &series);
    table.columns.push(Column { label: Msg::DisbursedShare.get(lang).to_string(), kind: ColumnKind::Percent });
    for (row, r) in table.rows.iter_mut().zip(&rows) {
        row.push(Cell::Number(r.disbursed_share().unwrap_or(0.0)));
    }
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
    let spec = b.spec("pledges", ChartType::GroupedBars, Msg::ChartPledges.get(lang).to_string(), Some(Dim::Donor));
    let selected = b.selected_flags(Dim::Donor, &categories);
    b.finish_with(spec, Drawn { categories, series, selected, table, summary, ..Default::default() })
}

/// Contributions followed over time: at each snapshot date, the money still only pledged, committed
/// and disbursed, side by side (stages exclude each other and are never added up), and what became
/// of the pledges.
pub(super) fn pledge_history(b: &Builder) -> ChartSpec {
    let (store, lang) = (b.store, b.lang());
    let h = pledges::pledge_history(store, b.sel);
    let categories: Vec<Category> = h.dates.iter().map(|d| Category { key: d.clone(), label: d.clone() }).collect();
    let series = stage_series(b, &h.stages, true);
    let table = series_table(Msg::SnapshotDate.get(lang).to_string(), &categories, &series);
    let pledged_at = |i: usize| h.stages.get(i).map_or(0.0, |v| v[Status::Pledged as usize]);
    let summary = match (h.dates.first(), h.dates.last()) {
        (Some(first), Some(last)) if h.pledges > 0 => text::SummaryPledgeHistory {
            first,
            last,
            pledged_first: b.locale.money(pledged_at(0)),
            pledged_last: b.locale.money(pledged_at(h.dates.len() - 1)),
            pledges: h.pledges,
            followed: h.followed_through,
            still: h.still_pledged,
        }
        .format(lang),
        _ => Msg::SummaryPledgesNone.get(lang).to_string(),
    };
    let spec = b.spec("pledge-history", ChartType::GroupedColumns, Msg::ChartPledgeHistory.get(lang).to_string(), None);
    b.finish_with(spec, Drawn { categories, series, table, summary, ..Default::default() })
}

/// Funding and progress by objective: per group of like-named objectives of the selected plans,
/// how many indicators met their target, moved towards it, fell short or were not measured
/// (counts, never the indicators' values, which are in different units); the plans' need and
/// funding in the summary and the table.
pub(super) fn objectives(b: &Builder) -> ChartSpec {
    use crate::core::analysis::objectives::{self, Progress};
    let lang = b.lang();
    let view = objectives::objectives(b.store, b.sel, b.filter, lang);
    let categories: Vec<Category> = view.groups.iter().map(|g| Category { key: g.key.clone(), label: g.label.clone() }).collect();
    let progress_name = |p: Progress| match p {
        Progress::Met => Msg::ProgressMet,
        Progress::Towards => Msg::ProgressTowards,
        Progress::Short => Msg::ProgressShort,
        Progress::NotMeasured => Msg::ProgressNotMeasured,
    };
    // All four classes, always: each keeps its colour and legend entry whatever the selection.
    let series: Vec<Series> = Progress::ALL
        .iter()
        .enumerate()
        .map(|(k, p)| Series {
            key: p.id().into(),
            name: progress_name(*p).get(lang).to_string(),
            values: view.groups.iter().map(|g| g.counts[k] as f64).collect(),
        })
        .collect();
    let has_need = view.groups.iter().any(|g| g.need > 0.0);
    let mut columns = vec![
        Column { label: Msg::Objective.get(lang).to_string(), kind: ColumnKind::Text },
        Column { label: Msg::PlansCount.get(lang).to_string(), kind: ColumnKind::Count },
        Column { label: Msg::IndicatorsCount.get(lang).to_string(), kind: ColumnKind::Count },
    ];
    columns.extend(Progress::ALL.iter().map(|p| Column { label: progress_name(*p).get(lang).to_string(), kind: ColumnKind::Count }));
    if has_need {
        columns.push(Column { label: Msg::Need.get(lang).to_string(), kind: ColumnKind::Money });
    }
    let row = |label: String, plans: usize, counts: [usize; 4], need: f64| {
        let mut cells = vec![Cell::Text(label), Cell::Number(plans as f64), Cell::Number(counts.iter().sum::<usize>() as f64)];
        cells.extend(counts.iter().map(|n| Cell::Number(*n as f64)));
        if has_need {
            cells.push(Cell::Number(need));
        }
        cells
    };
    let total = view.groups.iter().fold([0usize; 4], |mut t, g| {
        for (sum, n) in t.iter_mut().zip(g.counts) {
            *sum += n;
        }
        t
    });
    let table = Table {
        columns,
        rows: view.groups.iter().map(|g| row(g.label.clone(), g.plans, g.counts, g.need)).collect(),
        // Counts of indicators add up; plans do not (one plan has several objectives): the
        // summary gives how many plans there are, the totals row leaves their cell blank.
        footer: (!view.groups.is_empty()).then(|| {
            let mut cells = row(Msg::Total.get(lang).to_string(), 0, total, view.groups.iter().map(|g| g.need).sum());
            cells[1] = Cell::Text(String::new());
            cells
        }),
    };
    let count = |n: usize| crate::core::locale::i18n::count_text(lang, n as f64);
    let summary = if view.groups.is_empty() {
        Msg::SummaryObjectivesNone.get(lang).to_string()
    } else {
        let progress = text::SummaryObjectives {
            plans: count(view.plans),
            indicators: count(total.iter().sum()),
            met: count(total[0]),
            towards: count(total[1]),
            short: count(total[2]),
            unmeasured: count(total[3]),
        }
        .format(lang);
        let money = match view.funded {
            Some(funded) => text::SummaryObjectivesMoney { need: b.locale.money(view.need), funded: b.locale.money(funded) }.format(lang),
            None => text::SummaryObjectivesMoneyNotReported { need: b.locale.money(view.need) }.format(lang),
        };
        format!("{progress} {money}")
    };
    let mut spec = b.spec("objectives", ChartType::StackedBars, Msg::ChartObjectives.get(lang).to_string(), None);
    spec.counts = true;
    b.finish_with(spec, Drawn { categories, series, table, summary, ..Default::default() })
}
