//! ChartSpec → ECharts option. charming builds the typed skeleton; the few fields it lacks (our own
//! aria description, per-point tooltips written in Rust, label layout, highlighting of selected
//! categories) are added to the JSON. No arithmetic here beyond dividing by the spec's unit: the
//! numbers come from the spec. Value-axis tick labels are formatted by the reader's `Intl` through
//! a function the web layer attaches (`chart::attach_axis_formatters`), as ECharts' own number
//! formatting knows no locale.

use crate::core::charts::spec::{ChartSpec, ChartType};
use crate::core::locale::lang::Lang;
use charming::component::{Aria, Axis, Grid, Legend};
use charming::element::{AxisType, Tooltip, Trigger};
use charming::series::{Bar, Pie, Sankey};
use serde_json::{json, Value};

/// How this page draws a chart now: language, formats, theme colours and width. The web layer
/// reads them from the browser; tests build them by hand.
pub struct Display<'a> {
    /// The page language: labels, direction (Arabic mirrors axes).
    pub lang: Lang,
    /// Full amount for tooltips, e.g. "US$ 725,591,299".
    pub money: &'a dyn Fn(f64) -> String,
    /// "selected", in the reader's language, for tooltips of highlighted categories.
    pub selected_word: &'a str,
    /// Animate transitions (off when the reader prefers reduced motion).
    pub animate: bool,
    /// ECharts decal patterns, so no meaning is carried by colour alone.
    pub patterns: bool,
    /// Page colours resolved from CSS (canvas cannot read `var(...)`): text, muted text, lines.
    pub ink: String,
    /// Secondary text: axis labels.
    pub muted: String,
    /// Grid and split lines.
    pub line: String,
    /// The dark theme is on: the lighter palette.
    pub dark: bool,
    /// A phone-width container: fewer ticks, shorter labels.
    pub narrow: bool,
}

impl Display<'_> {
    /// The colours of an exported image: always the light page, whatever the reader's theme.
    pub fn for_export(&self) -> Display<'_> {
        Display {
            lang: self.lang,
            money: self.money,
            selected_word: self.selected_word,
            animate: false,
            patterns: self.patterns,
            ink: "#1b1f24".into(),
            muted: "#4a5560".into(),
            line: "#c9d1d9".into(),
            dark: false,
            narrow: false,
        }
    }
}

/// `s` as text inside HTML: ECharts puts tooltip strings into the page as HTML, and dataset strings
/// must stay text.
pub fn escape_html(s: &str) -> String {
    // One pass: this runs for every data point of every chart drawn (seven `replace`s showed in
    // profiles of a filter change).
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '{' => out.push_str("&#123;"),
            '}' => out.push_str("&#125;"),
            c => out.push(c),
        }
    }
    out
}

/// Canvas labels use ECharts' rich-text syntax: braces and pipes must not reach it from names.
fn plain(s: &str) -> String {
    s.replace(['{', '}', '|'], " ")
}

/// A label cut to `max` characters with an ellipsis; the full name stays in tooltips and tables.
fn shorten(s: &str, max: usize) -> String {
    let s = plain(s);
    if s.chars().count() <= max {
        return s;
    }
    let mut out: String = s.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}

/// Series labels drawn as plain text: no halo, which reads as a hollow outline on dark pages.
fn label_style(colour: &str) -> Value {
    json!({ "color": colour, "textBorderWidth": 0, "textShadowBlur": 0 })
}

/// The parts of an ECharts option that charming describes, each serialised on its own (`part`):
/// serialising a whole `charming::Chart` builds into the page the serialisers of every component
/// and series type ECharts has (76 KB of the optimised WebAssembly, 17 KB brotli), where a chart
/// here uses a grid, two axes, a legend and bar, pie or Sankey series.
#[derive(Default)]
struct Parts {
    legend: Option<Legend>,
    grid: Option<Grid>,
    x_axis: Option<Axis>,
    y_axis: Option<Axis>,
    series: Vec<Value>,
}

fn part(p: &impl serde::Serialize) -> Value {
    serde_json::to_value(p).unwrap_or(Value::Null)
}

/// Whether the chart names its series in a legend: several series, or a donut's slices.
fn has_legend(spec: &ChartSpec) -> bool {
    spec.chart_type == ChartType::Donut || spec.series.len() > 1
}

/// Whether drawing the chart needs ECharts' second module (web-js/charts-more.js): donuts, Sankey
/// diagrams, maps and legends are left out of the first load, which draws the first screen's bars.
pub fn needs_more_charts(spec: &ChartSpec) -> bool {
    matches!(spec.chart_type, ChartType::Donut | ChartType::Sankey | ChartType::Map) || has_legend(spec)
}

/// The ECharts option of a chart as this page draws it. Value-axis tick formatters are attached
/// by the web layer (they call the browser's `Intl`).
pub fn option(spec: &ChartSpec, d: &Display) -> Value {
    let rtl = d.lang.is_rtl();
    let scale = spec.unit.divisor;
    let labels: Vec<String> = spec.categories.iter().map(|c| c.label.clone()).collect();
    let scaled = |v: &[f64]| -> Vec<f64> { v.iter().map(|x| (x / scale * 1000.0).round() / 1000.0).collect() };
    // Objectives have long names and their chart has a full row: more room for the names.
    let category_width = match (d.narrow, spec.chart_type == ChartType::StackedBars) {
        (true, false) => 96,
        (true, true) => 140,
        (false, false) => 160,
        (false, true) => 320,
    };

    let side = if rtl { "right" } else { "left" };
    let bars = |stacked: bool| -> Vec<Value> {
        spec.series
            .iter()
            .map(|s| {
                let bar = Bar::new().name(s.name.clone()).data(scaled(&s.values));
                part(&if stacked { bar.stack("total") } else { bar })
            })
            .collect()
    };
    // A legend that scrolls keeps to one line, above the bars, at any width.
    let scroll_legend = || Legend::new().type_(charming::component::LegendType::Scroll);
    let mut parts = Parts::default();
    match spec.chart_type {
        ChartType::Bars | ChartType::Gap | ChartType::GroupedBars | ChartType::StackedBars => {
            let legend = has_legend(spec);
            parts.grid = Some(Grid::new().left(8).right(16).top(if legend { 32 } else { 8 }).bottom(8).contain_label(true));
            parts.x_axis = Some(Axis::new().type_(AxisType::Value).inverse(rtl));
            parts.y_axis = Some(Axis::new().type_(AxisType::Category).data(labels.clone()).inverse(true).position(side));
            parts.legend = legend.then(|| scroll_legend().top(0));
            parts.series = bars(spec.chart_type == ChartType::StackedBars);
        }
        ChartType::Pipeline => {
            parts.grid = Some(Grid::new().left(8).right(16).top(16).bottom(8).contain_label(true));
            parts.x_axis = Some(Axis::new().type_(AxisType::Category).data(labels.clone()).inverse(rtl));
            parts.y_axis = Some(Axis::new().type_(AxisType::Value).position(side));
            parts.series = vec![part(&Bar::new().name(spec.series[0].name.clone()).data(scaled(&spec.series[0].values)))];
        }
        ChartType::StackedColumns | ChartType::GroupedColumns => {
            let legend = has_legend(spec);
            parts.grid = Some(Grid::new().left(8).right(16).top(if legend { 40 } else { 16 }).bottom(8).contain_label(true));
            parts.x_axis = Some(Axis::new().type_(AxisType::Category).data(labels.clone()).inverse(rtl));
            parts.y_axis = Some(Axis::new().type_(AxisType::Value).position(side));
            parts.legend = legend.then(|| scroll_legend().top(0));
            parts.series = bars(spec.chart_type == ChartType::StackedColumns);
        }
        // Drawn from JSON below: charming's map series is not needed for so few settings.
        ChartType::Map => {}
        ChartType::Sankey => {
            // Node names must be unique across layers: keys are ("donor:ID"); labels are set per node below.
            let nodes: Vec<String> = spec.categories.iter().map(|c| c.key.clone()).collect();
            // ECharts lays a Sankey out from sources (left) to targets (right) and has no right-to-left
            // mode: in Arabic the links are handed over reversed, so donors stand on the right and
            // money reads right to left. Tooltips still name the real direction.
            let links: Vec<(String, String, f64)> = spec
                .links
                .iter()
                .map(|l| {
                    let (from, to) = if rtl { (l.target, l.source) } else { (l.source, l.target) };
                    (nodes[from].clone(), nodes[to].clone(), (l.value / scale * 1000.0).round() / 1000.0)
                })
                .collect();
            parts.series = vec![part(&Sankey::new().name(spec.series[0].name.clone()).data(nodes).links(links))];
        }
        ChartType::Donut => {
            let data: Vec<(f64, String)> = spec.series[0].values.iter().copied().zip(labels.iter().cloned()).collect();
            parts.legend = Some(scroll_legend().bottom(0));
            parts.series = vec![part(&Pie::new().name(spec.series[0].name.clone()).radius(vec!["38%", "62%"]).center(vec!["50%", "44%"]).data(data))];
        }
    }
    let palette = if d.dark { crate::core::charts::palette::DARK } else { crate::core::charts::palette::LIGHT };
    let mut v = json!({
        "color": palette,
        "aria": part(&Aria::new().enabled(true)),
        "tooltip": part(&Tooltip::new().trigger(Trigger::Item)),
        "series": parts.series,
    });
    if let Some(legend) = &parts.legend {
        v["legend"] = part(legend);
    }
    if let Some(grid) = &parts.grid {
        v["grid"] = json!([part(grid)]);
    }
    for (key, axis) in [("xAxis", &parts.x_axis), ("yAxis", &parts.y_axis)] {
        if let Some(axis) = axis {
            v[key] = part(axis);
        }
    }
    v["animation"] = json!(d.animate);
    v["aria"]["decal"] = json!({ "show": d.patterns });
    v["textStyle"] = json!({ "color": d.ink });
    if v["legend"].is_object() {
        v["legend"]["textStyle"] = json!({ "color": d.ink });
        v["legend"]["pageTextStyle"] = json!({ "color": d.ink });
    }
    for axis in ["xAxis", "yAxis"] {
        if !v[axis].is_object() {
            continue;
        }
        v[axis]["axisLine"] = json!({ "lineStyle": { "color": d.muted } });
        v[axis]["splitLine"] = json!({ "lineStyle": { "color": d.line } });
        if v[axis]["type"] == "category" {
            v[axis]["axisLabel"] = json!({ "width": category_width, "overflow": "truncate", "color": d.muted, "hideOverlap": true });
        } else {
            // Ticks never overlap, and the end ticks stay inside the chart instead of being cut.
            let horizontal = axis == "xAxis";
            v[axis]["axisLabel"] = json!({ "color": d.muted, "hideOverlap": true });
            if horizontal {
                v[axis]["axisLabel"]["alignMinLabel"] = json!(if rtl { "right" } else { "left" });
                v[axis]["axisLabel"]["alignMaxLabel"] = json!(if rtl { "left" } else { "right" });
            }
            if d.narrow {
                v[axis]["splitNumber"] = json!(3);
            }
        }
    }
    v["aria"]["label"] = json!({ "enabled": true, "description": format!("{}. {}", spec.title, spec.summary) });
    match spec.chart_type {
        ChartType::Sankey => {
            sankey_details(&mut v, spec, d, rtl);
            return v;
        }
        ChartType::Map => {
            map_series(&mut v, spec, d, scale);
            return v;
        }
        ChartType::Donut => donut_labels(&mut v, d),
        _ => {}
    }
    point_details(&mut v, spec, d);
    v
}

/// Sequential blues (ColorBrewer), lightest for the least money; on the dark page the scale runs
/// from the background's depth to light, so more money always stands out more.
pub const MAP_SHADES: [&str; 5] = ["#deebf7", "#9ecae1", "#6baed6", "#3182bd", "#08519c"];
/// See `MAP_SHADES`.
pub const MAP_SHADES_DARK: [&str; 5] = ["#12324f", "#1f5c8f", "#3f88c5", "#7fb6e0", "#cfe6f7"];
/// One pattern per class when patterns are on, so the classes differ in more than colour.
const MAP_DECALS: [&str; 5] = ["none", "circle", "rect", "triangle", "diamond"];

/// The map series: each area its class's shade (and pattern), exact amounts in tooltips, the
/// selected areas kept and the others faded. Areas the boundaries lack are not drawn but keep their
/// place in `data`, so a point's index is its category's, for clicks and the keyboard.
fn map_series(v: &mut Value, spec: &ChartSpec, d: &Display, scale: f64) {
    let Some(layer) = &spec.map else { return };
    let shades = if d.dark { MAP_SHADES_DARK } else { MAP_SHADES };
    let highlighting = !spec.selected.is_empty();
    let name = spec.series.first().map(|s| s.name.as_str()).unwrap_or("");
    let data: Vec<Value> = spec
        .categories
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let raw = spec.series.first().and_then(|s| s.values.get(i)).copied().unwrap_or(0.0);
            let mut text = format!("{}<br>{}: {}", escape_html(&c.label), escape_html(name), escape_html(&(d.money)(raw)));
            let selected = spec.is_selected(i);
            if selected {
                text = format!("{text}<br>({})", escape_html(d.selected_word));
            }
            let mut point = json!({ "name": c.key, "value": (raw / scale * 1000.0).round() / 1000.0, "tooltip": { "formatter": text } });
            if let Some(Some(class)) = layer.classes.get(i) {
                point["itemStyle"] = json!({ "areaColor": shades[*class] });
                if d.patterns && *class > 0 {
                    point["itemStyle"]["decal"] = json!({ "symbol": MAP_DECALS[*class], "symbolSize": 0.6, "color": "rgba(0, 0, 0, 0.35)" });
                }
                if highlighting && !selected {
                    point["itemStyle"]["opacity"] = json!(0.3);
                }
            }
            point
        })
        .collect();
    let empty_area = if d.dark { "#2a3138" } else { "#eef1f4" };
    v["series"] = json!([{
        "type": "map",
        "map": layer.name,
        "nameProperty": "name",
        "roam": false,
        "selectedMode": false,
        "left": 4, "right": 4, "top": 4, "bottom": 4,
        "label": { "show": false },
        "itemStyle": { "areaColor": empty_area, "borderColor": d.muted, "borderWidth": 0.4 },
        "emphasis": { "label": { "show": false }, "itemStyle": { "borderColor": d.ink, "borderWidth": 1.5 } },
        // Never shown (`selectedMode` is off), but ECharts' default shows a label when selected, so
        // it set up a text label for every area at each draw: a third of the world map's
        // `setOption` (40 → 27 ms per filter change on the default data, same pixels).
        "select": { "label": { "show": false } },
        "data": data,
    }]);
}

/// Per-point tooltips with exact, localised amounts, and the selected categories highlighted (the
/// others faded) when the filter selects some of this chart's dimension.
fn point_details(v: &mut Value, spec: &ChartSpec, d: &Display) {
    let highlighting = !spec.selected.is_empty();
    let Some(series) = v["series"].as_array_mut() else { return };
    for (si, s) in series.iter_mut().enumerate() {
        let Some(points) = s["data"].as_array_mut() else { continue };
        let name = spec.series.get(si).map(|x| x.name.as_str()).unwrap_or("");
        for (i, p) in points.iter_mut().enumerate() {
            let Some(raw) = spec.series.get(si).and_then(|x| x.values.get(i)) else { continue };
            let label = spec.categories.get(i).map(|c| c.label.as_str()).unwrap_or("");
            let selected = spec.is_selected(i);
            let mut text = format!("{}<br>{}: {}", escape_html(label), escape_html(name), escape_html(&spec.value_text(*raw, d.money, d.lang)));
            if selected {
                text = format!("{text}<br>({})", escape_html(d.selected_word));
            }
            let value = if spec.chart_type == ChartType::Donut { p["value"].clone() } else { p.clone() };
            let mut point = json!({ "value": value, "tooltip": { "formatter": text } });
            if spec.chart_type == ChartType::Donut {
                point["name"] = p["name"].clone();
            }
            if highlighting && !selected {
                point["itemStyle"] = json!({ "opacity": 0.3 });
            }
            *p = point;
        }
    }
}

/// Donut labels outside, on lines, never on top of each other: ECharts moves colliding labels
/// and hides what still overlaps (the legend, tooltip and table keep every name).
fn donut_labels(v: &mut Value, d: &Display) {
    let series = &mut v["series"][0];
    let mut label = label_style(&d.ink);
    label["position"] = json!("outside");
    // Labels line up along the chart's edges, inside it, cut with an ellipsis when too long.
    label["alignTo"] = json!("edge");
    label["edgeDistance"] = json!(6);
    label["overflow"] = json!("truncate");
    label["width"] = json!(if d.narrow { 78 } else { 150 });
    label["minMargin"] = json!(4);
    series["label"] = label;
    series["labelLine"] = json!({ "show": true, "length": 8, "length2": 6 });
    series["avoidLabelOverlap"] = json!(true);
    series["minShowLabelAngle"] = json!(4);
    series["labelLayout"] = json!({ "hideOverlap": true, "moveOverlap": "shiftY" });
}

/// Sankey labels, tooltips and layout direction: charming has no per-node label or tooltip.
fn sankey_details(v: &mut Value, spec: &ChartSpec, d: &Display, rtl: bool) {
    let series = &mut v["series"][0];
    // On a phone the labels get a third of the width and the nodes more room between them.
    let label_room = if d.narrow { "36%" } else { "30%" };
    series["left"] = json!(if rtl { label_room } else { "2%" });
    series["right"] = json!(if rtl { "2%" } else { label_room });
    series["nodeAlign"] = json!("justify");
    series["nodeGap"] = json!(if d.narrow { 14 } else { 8 });
    series["emphasis"] = json!({ "focus": "adjacency" });
    series["lineStyle"] = json!({ "color": "gradient", "opacity": 0.35 });
    let mut label = label_style(&d.ink);
    if rtl {
        label["position"] = json!("left");
    }
    series["label"] = label;
    series["labelLayout"] = json!({ "hideOverlap": true });
    let max = if d.narrow { 16 } else { 28 };
    // On a phone the thinnest nodes sit too close to label: their names stay in tooltips and the table.
    let largest = spec.node_totals.iter().copied().fold(0.0, f64::max);
    if let Some(nodes) = series["data"].as_array_mut() {
        for (i, n) in nodes.iter_mut().enumerate() {
            let c = &spec.categories[i];
            let total = spec.node_totals.get(i).copied().unwrap_or(0.0);
            let labelled = !d.narrow || total >= 0.03 * largest;
            let mut node_label = json!({ "formatter": shorten(&c.label, max), "show": labelled });
            // On a phone the columns stand ~70 px apart: a donor's or model's name is cut to fit
            // before the next column (recipients, last, have the margin to themselves).
            if d.narrow && !c.key.starts_with("recipient:") {
                node_label["width"] = json!(60);
                node_label["overflow"] = json!("truncate");
            }
            *n = json!({
                "name": c.key,
                "label": node_label,
                "tooltip": { "formatter": format!("{}: {}", escape_html(&c.label), escape_html(&(d.money)(total))) },
            });
        }
    }
    if let Some(links) = series["links"].as_array_mut() {
        for (l, spec_link) in links.iter_mut().zip(&spec.links) {
            // "←" in Arabic: in a right-to-left sentence the donor comes first, on the right.
            let text = format!(
                "{} {} {}: {}",
                escape_html(&spec.categories[spec_link.source].label),
                if rtl { "←" } else { "→" },
                escape_html(&spec.categories[spec_link.target].label),
                escape_html(&(d.money)(spec_link.value))
            );
            l["tooltip"] = json!({ "formatter": text });
        }
    }
}

/// The words an exported image carries around the chart, so it explains itself when shared.
pub struct ExportTexts {
    /// The chart's title.
    pub title: String,
    /// The unit and the active filters.
    pub subtitle: String,
    /// Publisher, licence, data date and version.
    pub source: String,
    /// Where the view lives, and when it was saved.
    pub link: String,
}

/// Height in pixels of an exported image for a chart: tall enough for every category and legend
/// entry at a readable size.
pub fn export_height(spec: &ChartSpec) -> u32 {
    let rows = match spec.chart_type {
        ChartType::Bars | ChartType::Gap | ChartType::StackedBars => spec.categories.len() as u32,
        ChartType::GroupedBars => (spec.categories.len() * spec.series.len().max(1)) as u32 / 2,
        ChartType::Sankey => spec.categories.len() as u32,
        _ => 0,
    };
    (420 + rows * 26).clamp(560, 1400)
}

/// The option of an exported image: the light page's colours, title and filters above, source,
/// licence, date and link below, every legend entry shown (no paging).
pub fn export_option(spec: &ChartSpec, d: &Display, texts: &ExportTexts) -> Value {
    let light = d.for_export();
    let mut v = option(spec, &light);
    let rtl = d.lang.is_rtl();
    let align = if rtl { "right" } else { "left" };
    v["backgroundColor"] = json!("#ffffff");
    v["title"] = json!([
        {
            "text": texts.title, "subtext": texts.subtitle, align: 16, "top": 12,
            "textAlign": align,
            "textStyle": { "color": light.ink, "fontSize": 18, "fontWeight": "bold", "width": 1100, "overflow": "break" },
            "subtextStyle": { "color": light.muted, "fontSize": 13, "width": 1100, "overflow": "break" },
        },
        {
            "text": texts.source, "subtext": texts.link, align: 16, "bottom": 10,
            "textAlign": align,
            "textStyle": { "color": light.muted, "fontSize": 12, "fontWeight": "normal", "width": 1150, "overflow": "break" },
            "subtextStyle": { "color": light.muted, "fontSize": 11, "width": 1150, "overflow": "break" },
        },
    ]);
    let has_legend = v["legend"].is_object();
    if has_legend {
        v["legend"]["type"] = json!("plain");
        v["legend"]["top"] = json!(78);
        v["legend"].as_object_mut().map(|l| l.remove("bottom"));
    }
    let top = if has_legend { 120 } else { 88 };
    if v["grid"].is_object() {
        v["grid"]["top"] = json!(top);
        v["grid"]["bottom"] = json!(72);
        v["grid"]["left"] = json!(24);
        v["grid"]["right"] = json!(32);
    }
    if let Some(series) = v["series"].as_array_mut() {
        for s in series {
            match s["type"].as_str() {
                Some("pie") => {
                    s["center"] = json!(["50%", "55%"]);
                    s["radius"] = json!(["30%", "52%"]);
                }
                Some("sankey") => {
                    s["top"] = json!(top);
                    s["bottom"] = json!(72);
                }
                _ => {}
            }
        }
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::analysis::query::Filter;
    use crate::core::analysis::store::{Dim, Store};
    use crate::core::charts::spec::{build_view, PlainLocale};
    use crate::core::format::validate::parse_dataset;

    fn charts(filter: &Filter) -> Vec<ChartSpec> {
        let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/small.json")).unwrap();
        let store = Store::from_dataset(&parse_dataset(&text).unwrap());
        build_view(&store, filter, &PlainLocale { lang: Lang::En, currency: "USD".into() }).charts
    }

    fn display<'a>(money: &'a dyn Fn(f64) -> String, narrow: bool, dark: bool) -> Display<'a> {
        Display {
            lang: Lang::En,
            money,
            selected_word: "selected",
            animate: false,
            patterns: false,
            ink: if dark { "#eeeeee".into() } else { "#111111".into() },
            muted: "#666666".into(),
            line: "#cccccc".into(),
            dark,
            narrow,
        }
    }

    #[test]
    fn values_are_drawn_in_the_spec_unit_and_labels_have_no_outline() {
        let money = |v: f64| format!("USD {v}");
        let specs = charts(&Filter::default());
        let pipeline = specs.iter().find(|c| c.id == "pipeline").unwrap();
        let v = option(pipeline, &display(&money, false, true));
        // 2,000 pledged drawn as 2 (thousands): the axis unit is printed beside the chart.
        assert_eq!(v["series"][0]["data"][0]["value"], json!(2.0));
        let model = specs.iter().find(|c| c.id == "model").unwrap();
        let v = option(model, &display(&money, false, true));
        assert_eq!(v["series"][0]["label"]["textBorderWidth"], json!(0), "dark labels are solid, not outlined");
        assert_eq!(v["series"][0]["avoidLabelOverlap"], json!(true));
    }

    #[test]
    fn a_phone_gets_fewer_ticks_and_an_export_every_legend_entry_on_white() {
        let money = |v: f64| v.to_string();
        let specs = charts(&Filter::default());
        let timeline = specs.iter().find(|c| c.id == "timeline").unwrap();
        assert_eq!(option(timeline, &display(&money, true, false))["yAxis"]["splitNumber"], json!(3));
        assert!(option(timeline, &display(&money, false, false))["yAxis"]["splitNumber"].is_null());
        let texts = ExportTexts { title: "T".into(), subtitle: "S".into(), source: "Src".into(), link: "L".into() };
        let model = specs.iter().find(|c| c.id == "model").unwrap();
        let v = export_option(model, &display(&money, true, true), &texts);
        assert_eq!(v["backgroundColor"], json!("#ffffff"));
        assert_eq!(v["legend"]["type"], json!("plain"), "no paged legend: every category is in the image");
        assert_eq!(v["title"][0]["text"], json!("T"));
        assert_eq!(v["textStyle"]["color"], json!("#1b1f24"), "dark ink is not used on white");
    }

    #[test]
    fn a_selected_category_stays_with_its_siblings_highlighted() {
        let money = |v: f64| v.to_string();
        let mut filter = Filter::default();
        filter.toggle(Dim::Donor, "mex");
        let specs = charts(&filter);
        let donors = specs.iter().find(|c| c.id == "donors").unwrap();
        let v = option(donors, &display(&money, false, false));
        let data = v["series"][0]["data"].as_array().unwrap();
        assert!(data.len() > 1);
        let faded = data.iter().filter(|p| p["itemStyle"]["opacity"] == json!(0.3)).count();
        assert_eq!(faded, data.len() - 1, "{data:?}");
    }

    #[test]
    fn tooltips_cannot_carry_markup() {
        assert_eq!(escape_html("<img src=x onerror=alert(1)>{b}"), "&lt;img src=x onerror=alert(1)&gt;&#123;b&#125;");
        // Every special character, an entity already written (escaped again: it is text), and
        // letters outside ASCII kept as they are.
        assert_eq!(escape_html(r#"a&lt;"b"'c'é"#), "a&amp;lt;&quot;b&quot;&#39;c&#39;é");
    }

    #[test]
    fn long_labels_end_with_an_ellipsis() {
        assert_eq!(shorten("Central Emergency Response Fund", 16), "Central Emergen…");
        assert_eq!(shorten("Japan", 16), "Japan");
        assert_eq!(shorten("a{b}|c", 16), "a b  c");
    }
}
