//! Walking a chart by keyboard: which point an arrow key moves to, and what a screen reader hears
//! there. Pure, so it is tested natively; the web layer binds it to key events and the announcer.

use crate::core::charts::spec::{ChartSpec, ChartType};
use crate::core::locale::i18n::Msg;
use crate::core::locale::lang::Lang;

/// The point a keyboard user is on: (series, category).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Cursor {
    /// Which series (0 when the chart has one).
    pub series: usize,
    /// Which category along the axis, or which node of a Sankey.
    pub index: usize,
}

/// What a screen reader hears for a point: "Label, series: value", and "selected" when it is.
pub fn announce(spec: &ChartSpec, c: Cursor, money_full: &dyn Fn(f64) -> String, lang: Lang) -> String {
    let Some(cat) = spec.categories.get(c.index) else { return String::new() };
    let base = if spec.chart_type == ChartType::Sankey {
        let through = spec.node_totals.get(c.index).copied().unwrap_or(0.0);
        format!("{}: {}", cat.label, spec.value_text(through, money_full, lang))
    } else {
        let Some(series) = spec.series.get(c.series) else { return cat.label.clone() };
        let value = series.values.get(c.index).copied().unwrap_or(0.0);
        if spec.series.len() > 1 {
            format!("{}, {}: {}", cat.label, series.name, spec.value_text(value, money_full, lang))
        } else {
            format!("{}: {}", cat.label, spec.value_text(value, money_full, lang))
        }
    };
    if spec.is_selected(c.index) {
        format!("{base} ({})", Msg::Selected.get(lang))
    } else {
        base
    }
}

/// Moves the cursor for a key; None for keys the chart does not handle. Arrows follow the drawing:
/// in horizontal bars categories run down the page (Up/Down), elsewhere across it (Left/Right,
/// mirrored in Arabic); the other pair moves between series. With one series all four move.
pub fn step(spec: &ChartSpec, c: Cursor, key: &str, rtl: bool) -> Option<Cursor> {
    let n = spec.categories.len();
    let series = if spec.chart_type == ChartType::Sankey { 1 } else { spec.series.len().max(1) };
    if n == 0 {
        return None;
    }
    let (right, left) = if rtl { ("ArrowLeft", "ArrowRight") } else { ("ArrowRight", "ArrowLeft") };
    let (next_category, prev_category, next_series, prev_series) =
        if spec.chart_type.categories_vertical() { ("ArrowDown", "ArrowUp", right, left) } else { (right, left, "ArrowDown", "ArrowUp") };
    let next = Cursor { index: (c.index + 1).min(n - 1), ..c };
    let prev = Cursor { index: c.index.saturating_sub(1), ..c };
    Some(match key {
        k if k == next_category => next,
        k if k == prev_category => prev,
        k if k == next_series && series == 1 => next,
        k if k == prev_series && series == 1 => prev,
        k if k == next_series => Cursor { series: (c.series + 1).min(series - 1), ..c },
        k if k == prev_series => Cursor { series: c.series.saturating_sub(1), ..c },
        "Home" => Cursor { index: 0, ..c },
        "End" => Cursor { index: n - 1, ..c },
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::analysis::query::Filter;
    use crate::core::analysis::store::{Dim, Store};
    use crate::core::charts::spec::{build_view, PlainLocale};
    use crate::core::format::validate::parse_dataset;

    fn chart(id: &str, filter: &Filter) -> ChartSpec {
        let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/small.json")).unwrap();
        let store = Store::from_dataset(&parse_dataset(&text).unwrap());
        build_view(&store, filter, &PlainLocale { lang: Lang::En, currency: "USD".into() }).charts.into_iter().find(|c| c.id == id).unwrap()
    }

    #[test]
    fn arrows_follow_the_drawing() {
        let bars = chart("donors", &Filter::default());
        assert_eq!(bars.chart_type, ChartType::Bars);
        let start = Cursor::default();
        // Horizontal bars run down the page: Down moves on; with one series Right does too.
        assert_eq!(step(&bars, start, "ArrowDown", false), Some(Cursor { series: 0, index: 1 }));
        assert_eq!(step(&bars, start, "ArrowRight", false), Some(Cursor { series: 0, index: 1 }));
        assert_eq!(step(&bars, Cursor { series: 0, index: 1 }, "ArrowUp", false), Some(start));
        // In Arabic the value axis is mirrored: Left moves on.
        assert_eq!(step(&bars, start, "ArrowLeft", true), Some(Cursor { series: 0, index: 1 }));
        let last = bars.categories.len() - 1;
        assert_eq!(step(&bars, start, "End", false), Some(Cursor { series: 0, index: last }));
        assert_eq!(step(&bars, Cursor { series: 0, index: last }, "ArrowDown", false), Some(Cursor { series: 0, index: last }), "stops at the end");
        assert_eq!(step(&bars, start, "a", false), None);
        // Columns run across: Right moves through periods, Up/Down through stacked series.
        let timeline = chart("timeline", &Filter::default());
        assert_eq!(step(&timeline, start, "ArrowRight", false), Some(Cursor { series: 0, index: 1 }));
    }

    #[test]
    fn a_point_is_announced_with_its_amount_and_whether_it_is_selected() {
        let mut filter = Filter::default();
        filter.toggle(Dim::Donor, "nor");
        let donors = chart("donors", &filter);
        let money = |v: f64| format!("USD {v}");
        let nor = donors.categories.iter().position(|c| c.key == "nor").unwrap();
        assert_eq!(announce(&donors, Cursor { series: 0, index: nor }, &money, Lang::En), "Norway: USD 1500 (selected)");
        let other = if nor == 0 { 1 } else { 0 };
        assert!(!announce(&donors, Cursor { series: 0, index: other }, &money, Lang::En).contains("selected"));
    }
}
