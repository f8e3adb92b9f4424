//! Every chart of every bundled dataset in every language, as committed snapshots: the spec (title,
//! summary, unit, categories, values, table) and the ECharts option it is drawn from. A change to
//! any of them shows in review as a diff; `make chart-snapshots` accepts the new ones.

use alianzas::core::analysis::query::Filter;
use alianzas::core::analysis::store::Store;
use alianzas::core::charts::echarts_option::{option, Display};
use alianzas::core::charts::spec::{build_view, Cell, PlainLocale};
use alianzas::core::format::validate::parse_dataset;
use alianzas::core::locale::lang::Lang;
use std::fmt::Write;

/// A number as the snapshot shows it: exact to the cent, without float noise.
fn num(v: f64) -> String {
    let s = format!("{v:.2}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

#[test]
fn every_chart_of_every_bundled_dataset_in_every_language() {
    let root = env!("CARGO_MANIFEST_DIR");
    let catalog: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(format!("{root}/public/data/catalog.json")).unwrap()).unwrap();
    let money = |v: f64| num(v);
    for entry in catalog["datasets"].as_array().unwrap() {
        let id = entry["id"].as_str().unwrap();
        let text = std::fs::read_to_string(format!("{root}/public/data/{}", entry["file"].as_str().unwrap())).unwrap();
        let store = Store::from_dataset(&parse_dataset(&text).unwrap());
        for lang in Lang::ALL {
            let locale = PlainLocale { lang, currency: store.metadata.currency.clone() };
            let view = build_view(&store, &Filter::default(), &locale);
            let display = Display {
                lang,
                money: &money,
                selected_word: "selected",
                animate: false,
                patterns: false,
                ink: "#1b1f24".into(),
                muted: "#4a5560".into(),
                line: "#c9d1d9".into(),
                dark: false,
                narrow: false,
            };
            let mut out = String::new();
            for c in &view.charts {
                writeln!(out, "## {} — {}", c.id, c.title).unwrap();
                if let Some(why) = &c.omitted {
                    writeln!(out, "left out: {why}\n").unwrap();
                    continue;
                }
                writeln!(out, "summary: {}\nunit: {}", c.summary, c.unit.label).unwrap();
                let header: Vec<&str> = c.table.columns.iter().map(|col| col.label.as_str()).collect();
                writeln!(out, "table: {}", header.join(" | ")).unwrap();
                for row in c.table.rows.iter().chain(c.table.footer.iter()) {
                    let cells: Vec<String> = row
                        .iter()
                        .map(|cell| match cell {
                            Cell::Text(t) => t.clone(),
                            Cell::Number(n) => num(*n),
                        })
                        .collect();
                    writeln!(out, "  {}", cells.join(" | ")).unwrap();
                }
                let drawn = option(c, &display);
                writeln!(out, "option: {}\n", serde_json::to_string(&drawn).unwrap()).unwrap();
            }
            insta::assert_snapshot!(format!("{id}-{}", lang.code()), out);
        }
    }
}
