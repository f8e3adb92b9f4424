//! One chart: a `<figure>` with its title, text summary, ECharts drawing and the exact numbers as
//! an HTML table — all four from the same `ChartSpec`.

use super::echarts::{self, ECharts};
use super::intl::WebLocale;
use super::option::{self, Display};
use super::state::Ctx;
use crate::core::i18n::Msg;
use crate::core::spec::{Cell, ChartSpec, ChartType, ColumnKind, Locale, Table};
use leptos::prelude::*;
use serde_json::json;
use std::cell::Cell as StdCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Does the reader's browser match this media query (reduced motion, more contrast, dark)?
pub fn prefers(query: &str) -> bool {
    web_sys::window().and_then(|w| w.match_media(query).ok().flatten()).is_some_and(|m| m.matches())
}

/// A CSS custom property's value for an element (light or dark theme).
fn css_var(el: &web_sys::HtmlElement, name: &str) -> Option<String> {
    let style = web_sys::window()?.get_computed_style(el).ok()??;
    let v = style.get_property_value(name).ok()?;
    let v = v.trim();
    (!v.is_empty()).then(|| v.to_string())
}

/// Creates the ECharts instance with its click (cross-filter) and render-count hooks.
fn create_chart(el: &web_sys::HtmlElement, spec: Memo<ChartSpec>, ctx: Ctx) -> ECharts {
    let chart = echarts::init(el, &JsValue::NULL, &echarts::to_js(&json!({ "renderer": "canvas" })));
    let on_click = Closure::<dyn Fn(JsValue)>::new(move |params: JsValue| {
        let get = |key: &str| js_sys::Reflect::get(&params, &key.into()).ok();
        // Sankey edges are not a single category.
        if get("dataType").and_then(|v| v.as_string()).as_deref() == Some("edge") {
            return;
        }
        let index = get("dataIndex").and_then(|v| v.as_f64());
        let picked = spec.try_with_untracked(|s| index.and_then(|i| crate::core::spec::category_filter(s, i as usize))).flatten();
        if let Some((dim, key)) = picked {
            ctx.update(|state| state.filter.toggle(dim, &key));
        }
    });
    chart.on("click", on_click.as_ref().unchecked_ref());
    on_click.forget();
    // Tests and the benchmark wait for this count to reach the number of options set.
    let rendered = Rc::new(StdCell::new(0u32));
    let target = el.clone();
    let on_finished = Closure::<dyn Fn()>::new(move || {
        rendered.set(rendered.get() + 1);
        let _ = target.set_attribute("data-rendered", &rendered.get().to_string());
        if let Some(now) = web_sys::window().and_then(|w| w.performance()).map(|p| p.now()) {
            let _ = target.set_attribute("data-rendered-at", &format!("{now:.1}"));
        }
    });
    chart.on("finished", on_finished.as_ref().unchecked_ref());
    on_finished.forget();
    chart
}

/// The point a keyboard user is on: (series, category).
#[derive(Clone, Copy, Default, PartialEq)]
struct Cursor {
    series: usize,
    index: usize,
}

/// What a screen reader hears for a point: "Label, series: value".
fn announce(spec: &ChartSpec, c: Cursor, locale: &WebLocale) -> String {
    let Some(cat) = spec.categories.get(c.index) else { return String::new() };
    if spec.chart_type == ChartType::Sankey {
        // The money through a node: what leaves it, or for the last layer what arrives.
        let out: f64 = spec.links.iter().filter(|l| l.source == c.index).map(|l| l.value).sum();
        let inn: f64 = spec.links.iter().filter(|l| l.target == c.index).map(|l| l.value).sum();
        let through = out.max(inn);
        return format!("{}: {}", cat.label, locale.money_full(through));
    }
    let Some(series) = spec.series.get(c.series) else { return cat.label.clone() };
    let value = series.values.get(c.index).copied().unwrap_or(0.0);
    if spec.series.len() > 1 {
        format!("{}, {}: {}", cat.label, series.name, locale.money_full(value))
    } else {
        format!("{}: {}", cat.label, locale.money_full(value))
    }
}

/// Moves the cursor for a key; None for keys the chart does not handle.
fn step(spec: &ChartSpec, c: Cursor, key: &str, rtl: bool) -> Option<Cursor> {
    let n = spec.categories.len();
    let series = if spec.chart_type == ChartType::Sankey { 1 } else { spec.series.len().max(1) };
    if n == 0 {
        return None;
    }
    let (next, prev) = if rtl { ("ArrowLeft", "ArrowRight") } else { ("ArrowRight", "ArrowLeft") };
    Some(match key {
        k if k == next => Cursor { index: (c.index + 1).min(n - 1), ..c },
        k if k == prev => Cursor { index: c.index.saturating_sub(1), ..c },
        "ArrowDown" => Cursor { series: (c.series + 1).min(series - 1), ..c },
        "ArrowUp" => Cursor { series: c.series.saturating_sub(1), ..c },
        "Home" => Cursor { index: 0, ..c },
        "End" => Cursor { index: n - 1, ..c },
        _ => return None,
    })
}

#[component]
pub fn ChartFigure(spec: Memo<ChartSpec>, #[prop(optional)] children: Option<Children>) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let lang = ctx.lang;
    let id = spec.with_untracked(|s| s.id);
    let container = NodeRef::<leptos::html::Div>::new();
    let instance = StoredValue::new_local(None::<ECharts>);
    let requested = StoredValue::new(0u32);
    // The option last drawn, for image exports.
    let last_option = StoredValue::new(None::<serde_json::Value>);
    let show_table = RwSignal::new(false);
    // Only the patterns setting of the URL state restyles a chart; a change elsewhere in the state
    // (another chart's filter) must not redraw a chart whose spec stayed the same.
    let patterns_setting = Memo::new(move |_| ctx.state.with(|s| s.patterns));

    Effect::new(move |_| {
        let current = spec.get();
        let lang = lang.get();
        let Some(el) = container.get() else { return };
        if current.empty || !echarts::available() {
            instance.update_value(|i| {
                if let Some(c) = i.take() {
                    c.dispose();
                }
            });
            return;
        }
        if instance.with_value(Option::is_none) {
            let chart = create_chart(&el, spec, ctx);
            instance.set_value(Some(chart));
        }
        let locale = WebLocale::shared(lang, &current.currency);
        let money = |v: f64| locale.money_full(v);
        let patterns = patterns_setting.get().unwrap_or_else(|| prefers("(prefers-contrast: more)"));
        let colour = |name: &str, fallback: &str| css_var(&el, name).unwrap_or_else(|| fallback.to_string());
        let display = Display {
            lang,
            money: &money,
            animate: !prefers("(prefers-reduced-motion: reduce)"),
            patterns,
            ink: colour("--ink", "#1b1f24"),
            muted: colour("--muted", "#4a5560"),
            line: colour("--line", "#c9d1d9"),
            dark: prefers("(prefers-color-scheme: dark)"),
        };
        let opt = option::option(&current, &display);
        last_option.set_value(Some(opt.clone()));
        requested.update_value(|n| *n += 1);
        let _ = el.set_attribute("data-requested", &requested.get_value().to_string());
        instance.with_value(|c| {
            if let Some(c) = c {
                c.set_option(&echarts::to_js(&opt), &echarts::to_js(&json!({ "notMerge": true })));
            }
        });
    });

    // Redraw at the container's size whenever it changes: window resizes, text zoom, reflow.
    let on_resize = Closure::<dyn Fn()>::new(move || {
        // `try_`: the observer may fire while a replaced dashboard is being disposed.
        instance.try_with_value(|c| {
            if let Some(c) = c {
                c.resize()
            }
        });
    });
    let observer = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()).ok();
    let watching = observer.clone();
    Effect::new(move |_| {
        if let (Some(el), Some(o)) = (container.get(), watching.as_ref()) {
            o.observe(&el);
        }
    });
    let held = send_wrapper::SendWrapper::new((on_resize, observer));
    on_cleanup(move || {
        if let Some(o) = &held.1 {
            o.disconnect();
        }
        instance.try_update_value(|i| {
            if let Some(c) = i.take() {
                c.dispose();
            }
        });
    });

    // Keyboard: one tab stop; arrows move through points, Enter filters, Escape leaves.
    let cursor = StoredValue::new(None::<Cursor>);
    let announcement = RwSignal::new(String::new());
    let highlight = move |c: Option<Cursor>, spec: &ChartSpec| {
        instance.with_value(|chart| {
            let Some(chart) = chart else { return };
            chart.dispatch_action(&echarts::to_js(&json!({ "type": "downplay" })));
            chart.dispatch_action(&echarts::to_js(&json!({ "type": "hideTip" })));
            if let Some(c) = c {
                let series = if spec.chart_type == ChartType::Sankey { 0 } else { c.series };
                chart.dispatch_action(&echarts::to_js(&json!({ "type": "highlight", "seriesIndex": series, "dataIndex": c.index })));
                chart.dispatch_action(&echarts::to_js(&json!({ "type": "showTip", "seriesIndex": series, "dataIndex": c.index })));
            }
        });
    };
    let on_keydown = move |ev: web_sys::KeyboardEvent| {
        let key = ev.key();
        let current = spec.get_untracked();
        let l = lang.get_untracked();
        match key.as_str() {
            "Escape" => {
                cursor.set_value(None);
                highlight(None, &current);
                announcement.set(String::new());
                if let Some(el) = container.get_untracked() {
                    let _ = el.blur();
                }
            }
            "Enter" | " " => {
                if let Some(c) = cursor.get_value() {
                    ev.prevent_default();
                    if let Some((dim, code)) = crate::core::spec::category_filter(&current, c.index) {
                        ctx.update(|s| s.filter.toggle(dim, &code));
                    }
                }
            }
            _ => {
                let start = cursor.get_value();
                let moved = match start {
                    None if step(&current, Cursor::default(), &key, l.is_rtl()).is_some() => Some(Cursor::default()),
                    None => None,
                    Some(c) => step(&current, c, &key, l.is_rtl()),
                };
                if let Some(c) = moved {
                    ev.prevent_default();
                    cursor.set_value(Some(c));
                    highlight(Some(c), &current);
                    let locale = WebLocale::shared(l, &current.currency);
                    announcement.set(announce(&current, c, &locale));
                }
            }
        }
    };
    // A new spec (filter, language) may have fewer points: start again.
    Effect::new(move |_| {
        spec.track();
        cursor.set_value(None);
    });

    let title_id = format!("chart-title-{id}");
    let summary_id = format!("chart-summary-{id}");
    let table_id = format!("chart-table-{id}");
    view! {
        <figure class="chart" id=id data-chart=id aria-labelledby=title_id.clone()>
            <figcaption>
                <h2 id=title_id.clone()>{move || spec.with(|s| s.title.clone())}</h2>
                <p class="summary" id=summary_id.clone()>{move || spec.with(|s| s.summary.clone())}</p>
            </figcaption>
            // ECharts writes our description (title + summary) as this element's aria-label.
            <div class="canvas" role="application" aria-roledescription=move || Msg::ChartRole.get(lang.get())
                aria-describedby=format!("{summary_id} chart-help-{id}") tabindex=move || if spec.with(|s| s.empty) { "-1" } else { "0" }
                class:empty=move || spec.with(|s| s.empty) node_ref=container data-requested="0" data-rendered="0"
                on:keydown=on_keydown on:blur=move |_| announcement.set(String::new())></div>
            <p class="sr-only" id=format!("chart-help-{id}")>{move || Msg::ChartKeyboardHelp.get(lang.get())}</p>
            <p class="sr-only announcer" aria-live="polite" aria-atomic="true">{move || announcement.get()}</p>
            {move || spec.with(|s| s.empty).then(|| view! { <p class="no-data">{Msg::NoData.get(lang.get())}</p> })}
            <div class="chart-actions">
            <button type="button" class="table-toggle" aria-expanded=move || show_table.get().to_string() aria-controls=table_id.clone()
                on:click=move |_| show_table.update(|v| *v = !*v)>
                {move || if show_table.get() { Msg::HideTable.get(lang.get()) } else { Msg::ShowTable.get(lang.get()) }}
            </button>
            <button type="button" class="download-csv" on:click=move |_| {
                let current = spec.get_untracked();
                let filter = ctx.state.with_untracked(|s| s.filter.clone());
                let store = expect_context::<std::sync::Arc<crate::core::store::Store>>();
                let name = crate::core::export::file_name(&store.metadata.id, current.id, &filter, &super::download::today(), "csv");
                super::download::text(&name, "text/csv;charset=utf-8", &crate::core::export::table_csv(&current.table));
            }>{move || Msg::DownloadCsv.get(lang.get())}</button>
            {[(false, "download-png"), (true, "download-svg")].map(|(svg, class)| view! {
                <button type="button" class=class hidden=move || spec.with(|s| s.empty) on:click=move |_| {
                    let current = spec.get_untracked();
                    let filter = ctx.state.with_untracked(|s| s.filter.clone());
                    let store = expect_context::<std::sync::Arc<crate::core::store::Store>>();
                    let paper = container.get_untracked().and_then(|el| css_var(&el, "--paper")).unwrap_or_else(|| "#ffffff".into());
                    let url = instance.with_value(|c| {
                        let c = c.as_ref()?;
                        last_option.with_value(|o| super::echarts::image_url(c, o.as_ref()?, svg, &paper))
                    });
                    if let Some(url) = url {
                        let ext = if svg { "svg" } else { "png" };
                        let name = crate::core::export::file_name(&store.metadata.id, current.id, &filter, &super::download::today(), ext);
                        super::download::data_url(&name, &url);
                    }
                }>{move || if svg { Msg::DownloadSvg.get(lang.get()) } else { Msg::DownloadPng.get(lang.get()) }}</button>
            })}
            <super::embed::EmbedDialog chart_id=id title=Signal::derive(move || spec.with(|s| s.title.clone()))/>
            </div>
            // A wide table scrolls sideways on phones: a focusable, named region keeps it keyboard-reachable.
            <div class="table-wrap" id=table_id.clone() hidden=move || !show_table.get() tabindex="0" role="region"
                aria-labelledby=title_id.clone()>
                {move || show_table.get().then(|| spec.with(|s| data_table(s, lang.get())))}
            </div>
            {children.map(|c| c())}
        </figure>
    }
}

fn data_table(spec: &ChartSpec, lang: crate::core::lang::Lang) -> impl IntoView {
    let locale = WebLocale::shared(lang, &spec.currency);
    let Table { columns, rows, footer } = &spec.table;
    let text = |i: usize, c: &Cell| -> String {
        match c {
            Cell::Text(t) => t.clone(),
            Cell::Number(v) => match columns[i].kind {
                ColumnKind::Money => locale.money_full(*v),
                ColumnKind::Percent => locale.percent(*v),
                ColumnKind::Count | ColumnKind::Text => locale.count(*v),
            },
        }
    };
    let format_row = |row: &Vec<Cell>| -> Vec<String> { row.iter().enumerate().map(|(i, c)| text(i, c)).collect() };
    let body: Vec<Vec<String>> = rows.iter().map(format_row).collect();
    let foot: Option<Vec<String>> = footer.as_ref().map(format_row);
    let render_row = |row: Vec<String>| {
        row.into_iter()
            .enumerate()
            .map(|(i, t)| if i == 0 { view! { <th scope="row">{t}</th> }.into_any() } else { view! { <td class="num">{t}</td> }.into_any() })
            .collect_view()
    };
    view! {
        <table>
            <caption>{spec.title.clone()}</caption>
            <thead><tr>{columns.iter().map(|c| {
                let class = if c.kind == ColumnKind::Text { "" } else { "num" };
                view! { <th scope="col" class=class>{c.label.clone()}</th> }
            }).collect_view()}</tr></thead>
            <tbody>{body.into_iter().map(|r| view! { <tr>{render_row(r)}</tr> }).collect_view()}</tbody>
            {foot.map(|f| view! { <tfoot><tr>{render_row(f)}</tr></tfoot> })}
        </table>
    }
}
