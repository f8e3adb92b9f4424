//! ChartSpec → ECharts option. charming builds the typed skeleton; the few fields it lacks (our own
//! aria description, per-point tooltips written in Rust, label truncation) are added to the JSON.
//! No arithmetic here beyond choosing a display unit: the numbers come from the spec.

use crate::core::i18n::text;
use crate::core::lang::Lang;
use crate::core::spec::{ChartSpec, ChartType};
use charming::component::{Aria, Axis, Grid, Legend};
use charming::element::{AxisType, Tooltip, Trigger};
use charming::series::{Bar, Pie, Sankey};
use charming::Chart;
use serde_json::{json, Value};


pub struct Display<'a> {
    pub lang: Lang,
    /// Full amount for tooltips, e.g. "US$ 725,591,299".
    pub money: &'a dyn Fn(f64) -> String,
    pub animate: bool,
    /// ECharts decal patterns, so no meaning is carried by colour alone.
    pub patterns: bool,
    /// Page colours resolved from CSS (canvas cannot read `var(...)`): text, muted text, lines.
    pub ink: String,
    pub muted: String,
    pub line: String,
    /// The dark theme is on: the lighter palette.
    pub dark: bool,
}

/// Plotted values are in thousands or millions so axis ticks stay short; the axis names the unit.
/// The scale of the value axis and its name ("USD, millions").
fn unit(max: f64, currency: &str, lang: Lang) -> (f64, String) {
    if max >= 1e6 {
        (1e6, text::UnitMillions { currency }.format(lang))
    } else if max >= 1e3 {
        (1e3, text::UnitThousands { currency }.format(lang))
    } else {
        (1.0, text::UnitOnes { currency }.format(lang))
    }
}

fn escape_html(s: &str) -> String {
    // ECharts puts tooltip strings into the page as HTML; dataset strings must stay text.
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;").replace('\'', "&#39;").replace('{', "&#123;").replace('}', "&#125;")
}

pub fn option(spec: &ChartSpec, d: &Display) -> Value {
    let rtl = d.lang.is_rtl();
    let max = spec.series.iter().flat_map(|s| s.values.iter().copied()).fold(0.0, f64::max);
    let (scale, unit_name) = unit(max, &spec.currency, d.lang);
    let labels: Vec<String> = spec.categories.iter().map(|c| c.label.clone()).collect();
    let scaled = |v: &[f64]| -> Vec<f64> { v.iter().map(|x| (x / scale * 1000.0).round() / 1000.0).collect() };

    let mut chart = Chart::new()
        .color(
            (if d.dark { crate::core::palette::DARK } else { crate::core::palette::LIGHT })
                .iter()
                .map(|c| (*c).into())
                .collect::<Vec<charming::element::Color>>(),
        )
        .aria(Aria::new().enabled(true))
        .tooltip(Tooltip::new().trigger(Trigger::Item));
    chart = match spec.chart_type {
        ChartType::Bars | ChartType::Gap => {
            let mut c = chart
                .grid(Grid::new().left(8).right(16).top(if spec.series.len() > 1 { 32 } else { 8 }).bottom(28).contain_label(true))
                .x_axis(Axis::new().type_(AxisType::Value).name(unit_name.clone()).name_location(charming::element::NameLocation::Middle).name_gap(24).inverse(rtl))
                .y_axis(Axis::new().type_(AxisType::Category).data(labels.clone()).inverse(true).position(if rtl { "right" } else { "left" }));
            if spec.series.len() > 1 {
                c = c.legend(Legend::new().top(0));
            }
            for s in &spec.series {
                c = c.series(Bar::new().name(s.name.clone()).data(scaled(&s.values)));
            }
            c
        }
        ChartType::Pipeline => chart
            .grid(Grid::new().left(8).right(16).top(24).bottom(8).contain_label(true))
            .x_axis(Axis::new().type_(AxisType::Category).data(labels.clone()).inverse(rtl))
            .y_axis(Axis::new().type_(AxisType::Value).name(unit_name.clone()).position(if rtl { "right" } else { "left" }))
            .series(Bar::new().name(spec.series[0].name.clone()).data(scaled(&spec.series[0].values))),
        ChartType::StackedColumns => {
            let mut c = chart
                .legend(Legend::new().top(0).type_(charming::component::LegendType::Scroll))
                .grid(Grid::new().left(8).right(16).top(40).bottom(8).contain_label(true))
                .x_axis(Axis::new().type_(AxisType::Category).data(labels.clone()).inverse(rtl))
                .y_axis(Axis::new().type_(AxisType::Value).name(unit_name.clone()).position(if rtl { "right" } else { "left" }));
            for s in &spec.series {
                c = c.series(Bar::new().name(s.name.clone()).stack("total").data(scaled(&s.values)));
            }
            c
        }
        ChartType::GroupedBars => {
            let mut c = chart
                .legend(Legend::new().top(0))
                .grid(Grid::new().left(8).right(16).top(32).bottom(28).contain_label(true))
                .x_axis(Axis::new().type_(AxisType::Value).name(unit_name.clone()).name_location(charming::element::NameLocation::Middle).name_gap(24).inverse(rtl))
                .y_axis(Axis::new().type_(AxisType::Category).data(labels.clone()).inverse(true).position(if rtl { "right" } else { "left" }));
            for s in &spec.series {
                c = c.series(Bar::new().name(s.name.clone()).data(scaled(&s.values)));
            }
            c
        }
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
            chart.series(Sankey::new().name(spec.series[0].name.clone()).data(nodes).links(links))
        }
        ChartType::Donut => {
            let data: Vec<(f64, String)> = spec.series[0].values.iter().copied().zip(labels.iter().cloned()).collect();
            chart
                .legend(Legend::new().bottom(0).type_(charming::component::LegendType::Scroll))
                .series(Pie::new().name(spec.series[0].name.clone()).radius(vec!["40%", "68%"]).center(vec!["50%", "45%"]).data(data))
        }
    };

    let mut v = serde_json::to_value(&chart).unwrap_or(Value::Null);
    v["animation"] = json!(d.animate);
    v["aria"]["decal"] = json!({ "show": d.patterns });
    v["textStyle"] = json!({ "color": d.ink });
    if v["legend"].is_object() {
        v["legend"]["textStyle"] = json!({ "color": d.ink });
        v["legend"]["pageTextStyle"] = json!({ "color": d.ink });
    }
    for axis in ["xAxis", "yAxis"] {
        if v[axis].is_object() {
            v[axis]["axisLabel"]["color"] = json!(d.muted);
            v[axis]["nameTextStyle"] = json!({ "color": d.muted });
            v[axis]["axisLine"] = json!({ "lineStyle": { "color": d.muted } });
            v[axis]["splitLine"] = json!({ "lineStyle": { "color": d.line } });
        }
    }
    v["aria"]["label"] = json!({ "enabled": true, "description": format!("{}. {}", spec.title, spec.summary) });
    for axis in ["yAxis", "xAxis"] {
        if v[axis]["type"] == "category" {
            v[axis]["axisLabel"] = json!({ "width": 160, "overflow": "truncate", "color": d.muted });
        }
    }
    if spec.chart_type == ChartType::Sankey {
        sankey_details(&mut v, spec, d, rtl);
        return v;
    }
    // Per-point tooltips with exact, localised amounts.
    if let Some(series) = v["series"].as_array_mut() {
        for (si, s) in series.iter_mut().enumerate() {
            let Some(points) = s["data"].as_array_mut() else { continue };
            let name = spec.series.get(si).map(|x| x.name.as_str()).unwrap_or("");
            for (i, p) in points.iter_mut().enumerate() {
                let Some(raw) = spec.series.get(si).and_then(|x| x.values.get(i)) else { continue };
                let label = spec.categories.get(i).map(|c| c.label.as_str()).unwrap_or("");
                let text = format!("{}<br>{}: {}", escape_html(label), escape_html(name), escape_html(&(d.money)(*raw)));
                let value = if spec.chart_type == ChartType::Donut { p["value"].clone() } else { p.clone() };
                let mut point = json!({ "value": value, "tooltip": { "formatter": text } });
                if spec.chart_type == ChartType::Donut {
                    point["name"] = p["name"].clone();
                }
                *p = point;
            }
        }
    }
    v
}

/// Sankey labels, tooltips and layout direction: charming has no per-node label or tooltip.
fn sankey_details(v: &mut Value, spec: &ChartSpec, d: &Display, rtl: bool) {
    let series = &mut v["series"][0];
    series["left"] = json!(if rtl { "30%" } else { "2%" });
    series["right"] = json!(if rtl { "2%" } else { "30%" });
    series["nodeAlign"] = json!("justify");
    series["emphasis"] = json!({ "focus": "adjacency" });
    series["lineStyle"] = json!({ "color": "gradient", "opacity": 0.35 });
    if rtl {
        series["label"] = json!({ "position": "left" });
    }
    // Canvas labels use ECharts' rich-text syntax: braces and pipes must not reach it from names.
    let plain = |s: &str| s.replace(['{', '}', '|'], " ");
    let totals: Vec<f64> = (0..spec.categories.len())
        .map(|i| {
            let out: f64 = spec.links.iter().filter(|l| l.source == i).map(|l| l.value).sum();
            let inn: f64 = spec.links.iter().filter(|l| l.target == i).map(|l| l.value).sum();
            out.max(inn)
        })
        .collect();
    if let Some(nodes) = series["data"].as_array_mut() {
        for (i, n) in nodes.iter_mut().enumerate() {
            let c = &spec.categories[i];
            let mut label: String = plain(&c.label).chars().take(28).collect();
            if c.label.chars().count() > 28 {
                label.push('…');
            }
            *n = json!({
                "name": c.key,
                "label": { "formatter": label },
                "tooltip": { "formatter": format!("{}: {}", escape_html(&c.label), escape_html(&(d.money)(totals[i]))) },
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

#[cfg(test)]
mod tests {
    use super::escape_html;

    #[test]
    fn tooltips_cannot_carry_markup() {
        assert_eq!(escape_html("<img src=x onerror=alert(1)>{b}"), "&lt;img src=x onerror=alert(1)&gt;&#123;b&#125;");
    }
}
