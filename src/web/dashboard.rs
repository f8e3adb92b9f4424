//! The dashboard of one loaded dataset. Everything it shows comes from one `View` memo computed by
//! the core from the store, the filter and the language; components only lay it out.

use super::chart::ChartFigure;
use super::filters::FilterPanel;
use super::header::SiteHeader;
use super::headline::Headline;
use super::intl::WebLocale;
use super::load::Loaded;
use super::problem::ProblemNotice;
use super::provenance::ModelRules;
use super::state::Ctx;
use crate::core::analysis::query::Filter;
use crate::core::analysis::store::Store;
use crate::core::charts::spec::{self, View};
use crate::core::locale::i18n::{text, Msg};
use crate::core::locale::lang::Lang;
use leptos::prelude::*;
use std::sync::Arc;

/// The file format of the filtered contributions a reader downloads.
#[derive(Clone, Copy, PartialEq)]
enum RowsFormat {
    Csv,
    Json,
}

/// Charts that always span the whole row (style/main.css gives them `grid-column: 1 / -1`).
const FULL_WIDTH: [&str; 4] = ["timeline", "flows", "objectives", "compare"];

/// How many charts are built with the first screen; the others follow with the rest of the page.
const FIRST_SCREEN_CHARTS: usize = 2;

/// A view computed ahead, with the filter and language it was computed for.
#[derive(Clone)]
pub struct FirstView {
    filter: Filter,
    lang: Lang,
    view: Arc<View>,
}

/// What every part of the dashboard shows: the view of `store` for `filter`, in `lang`.
fn view_of(store: &Store, filter: &Filter, lang: Lang) -> Arc<View> {
    // With "view-built" (the memo), the time a view takes, in browser profiles.
    super::mark("view-start");
    let locale = WebLocale::shared(lang, &store.metadata.currency);
    Arc::new(spec::build_view(store, filter, &*locale))
}

/// The view the dashboard will show first, for the URL state now: `app.rs` computes it in a task
/// of its own, between reading the dataset and building the page, and the dashboard takes it when
/// its filter and language are still the same. None on the catalog page, which shows no view.
pub fn first_view(store: &Store, ctx: Ctx) -> Option<FirstView> {
    let (catalog, filter) = ctx.state.with_untracked(|s| (s.catalog, s.filter.clone()));
    let lang = ctx.lang.get_untracked();
    (!catalog).then(|| FirstView { view: view_of(store, &filter, lang), filter, lang })
}

/// How far the dashboard is built. The page is built in five tasks, one stage each, so a slow phone
/// never runs one long task for the whole page. Nothing visible moves: each part is added below or
/// inside what is there.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Stage {
    /// The header, takeaway and figures.
    FirstScreen,
    /// The filters (folded, without their choices) and the comparison buttons.
    Controls,
    /// The first charts.
    FirstCharts,
    /// After a paint and the first charts' draws: the other charts, notes and downloads.
    Rest,
    /// The filters' choices.
    FilterChoices,
}

/// Whether the filters' choices have been built (the dashboard's last stage).
#[derive(Clone, Copy)]
pub struct FilterChoices(Memo<bool>);

impl FilterChoices {
    /// True where no dashboard says otherwise (a component shown on its own).
    pub fn shown() -> bool {
        use_context::<FilterChoices>().is_none_or(|r| r.0.get())
    }
}

/// Runs `then` in a task after the draws already queued (charts marked `data-pending`, each drawn in
/// a task of its own): building more of the page first would make each of those draws lay out the
/// whole page again. `tries` bounds the wait.
fn after_queued_draws(then: impl FnOnce() + 'static, tries: u32) {
    set_timeout(
        move || {
            let pending = tries > 0 && document().query_selector("[data-pending]").ok().flatten().is_some();
            if pending {
                after_queued_draws(then, tries - 1);
            } else {
                then();
            }
        },
        std::time::Duration::ZERO,
    );
}

/// The page after the first screen and the filters, a task at a time: the first charts; after a
/// paint and their draws, the other charts, notes and downloads; then the filters' choices.
fn show_charts_in_turn(stage: WriteSignal<Stage>) {
    // The dashboard may have been replaced (another dataset picked) in between.
    if stage.try_set(Stage::FirstCharts).is_some() {
        return;
    }
    // Two frames: the first charts learn they are on screen in the first (their observer reports
    // after a frame) and queue their drawing, which then runs before the rest is built.
    request_animation_frame(move || {
        request_animation_frame(move || {
            after_queued_draws(
                move || {
                    super::mark("rest-start");
                    let _ = stage.try_set(Stage::Rest);
                    set_timeout(
                        move || {
                            let _ = stage.try_set(Stage::FilterChoices);
                        },
                        std::time::Duration::ZERO,
                    );
                },
                8,
            )
        })
    });
}

/// One dataset on screen: header and provenance, headline figures, filters, charts, downloads.
#[component]
pub fn Dashboard(loaded: Loaded) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let (stage, set_stage) = signal(Stage::FirstScreen);
    // One memo per part: each part is built when its stage is reached, and not again at later ones.
    let reached = move |part: Stage| Memo::new(move |_| stage.get() >= part);
    let (controls_shown, first_charts_shown, rest_shown) = (reached(Stage::Controls), reached(Stage::FirstCharts), reached(Stage::Rest));
    provide_context(FilterChoices(reached(Stage::FilterChoices)));
    set_timeout(
        move || {
            let _ = set_stage.try_set(Stage::Controls);
            set_timeout(move || show_charts_in_turn(set_stage), std::time::Duration::ZERO);
        },
        std::time::Duration::ZERO,
    );
    let lang = ctx.lang;
    let store = loaded.store.clone();
    let meta = store.metadata.clone();
    document().set_title(&format!("{} — Alianzas", meta.title));

    let view_store = store.clone();
    // The charts are recomputed when the filter or the language changes, not when another part of
    // the URL state does (the patterns toggle only restyles the drawn charts).
    let filter = Memo::new(move |_| ctx.state.with(|s| s.filter.clone()));
    // The first run takes the view computed while loading, when it is still for this state.
    let ahead = StoredValue::new(loaded.first_view.clone());
    let view = Memo::new(move |_| {
        let lang = lang.get();
        let built = filter.with(|f| match ahead.try_update_value(Option::take).flatten() {
            Some(first) if first.lang == lang && first.filter == *f => first.view,
            _ => view_of(&view_store, f, lang),
        });
        super::mark("view-built");
        built
    });

    let header_meta = meta.clone();
    let filter_store = store.clone();
    let catalog = loaded.catalog.clone();
    let current_id = loaded.entry.as_ref().map(|e| e.id.clone());
    let report = loaded.report.clone();
    let changes_entry = loaded.entry.clone().filter(|e| !e.previous.is_empty() && ctx.state.with_untracked(|s| s.embed.is_none()));
    provide_context(store.clone());
    super::bench::expose(store.clone());
    provide_context(super::embed::DatasetId(current_id.clone()));
    let embed = ctx.state.with_untracked(|s| s.embed.clone());
    let pinned = ctx.state.with_untracked(|s| s.version.clone()).filter(|v| *v != meta.dataset_version);
    let version_notice = pinned.map(|v| {
        let shown = meta.dataset_version.clone();
        view! { <p class="notice" role="status">{move || text::VersionChanged { embedded: &v, shown: &shown }.format(lang.get())}</p> }
    });
    let external = ctx.state.with_untracked(|s| s.data.clone()).filter(|_| loaded.problem.is_none()).map(|url| {
        view! { <p class="notice external" role="note">{move || text::ExternalSource { url: &url }.format(lang.get())}</p> }
    });
    // The comparison (`?compare=`): its own spec, computed only while it is open.
    let compare_store = store.clone();
    let compare_controls_store = store.clone();
    let comparing = Memo::new(move |_| ctx.state.with(|s| s.compare.clone()));
    let compare_spec = Memo::new(move |_| {
        let locale = WebLocale::shared(lang.get(), &compare_store.metadata.currency);
        let wanted = comparing.get().unwrap_or(crate::core::charts::compare::Compare { dim: crate::core::analysis::store::Dim::Year, items: Vec::new() });
        filter.with(|f| crate::core::charts::compare::chart(&compare_store, f, &wanted, &*locale))
    });
    // Open or closed is what mounts the figure; another comparison only changes its spec.
    let compare_open = Memo::new(move |_| comparing.with(Option::is_some));
    let compare_figure = move || compare_open.get().then(|| view! { <ChartFigure spec=compare_spec wide=true/> });
    let chart_figure = move |i: usize, id: &'static str, wide: bool| {
        let chart = Memo::new(move |_| view.with(|v| v.charts[i].clone()));
        if id == "model" {
            let rules = store.model_rules.clone();
            view! { <ChartFigure spec=chart wide=wide><ModelRules rules=rules/></ChartFigure> }.into_any()
        } else if id == "obligation" && !store.obligation_rules.is_empty() {
            let rules = store.obligation_rules.clone();
            view! { <ChartFigure spec=chart wide=wide><super::provenance::ObligationRules rules=rules/></ChartFigure> }.into_any()
        } else {
            view! { <ChartFigure spec=chart wide=wide/> }.into_any()
        }
    };
    // Charts that say nothing for this dataset (decided on the whole dataset, so the set does not
    // change with filters or language) are left out, each with a sentence saying why.
    let shown: Vec<usize> = view.with_untracked(|v| (0..v.charts.len()).filter(|&i| v.charts[i].omitted.is_none()).collect());
    let left_out: Vec<usize> = view.with_untracked(|v| (0..v.charts.len()).filter(|&i| v.charts[i].omitted.is_some()).collect());
    // The grid has two columns at most and packs half-width charts densely: with an odd number of
    // them, the last would stand alone beside a hole, so it takes the whole row.
    let half: Vec<usize> = shown.iter().copied().filter(|&i| !FULL_WIDTH.contains(&spec::CHART_IDS[i])).collect();
    let lone_half = (half.len() % 2 == 1).then(|| half.last().copied()).flatten();
    // The comparison alone, for a partner's page.
    if embed.as_deref() == Some("compare") {
        return view! {
            <main id="main" class="embed-chart">
                {version_notice}
                {external}
                <super::embed::EmbedFilters/>
                <section id="charts" class="charts single">{compare_figure}</section>
                <super::embed::SourceLine/>
            </main>
        }
        .into_any();
    }
    // One chart alone, for a partner's page.
    if let Some(i) = embed.as_deref().and_then(|e| spec::CHART_IDS.iter().position(|id| *id == e)) {
        return view! {
            <main id="main" class="embed-chart">
                {version_notice}
                {external}
                <super::embed::EmbedFilters/>
                <section id="charts" class="charts single">{chart_figure(i, spec::CHART_IDS[i], false)}</section>
                <super::embed::SourceLine/>
            </main>
        }
        .into_any();
    }
    let whole_page = embed.is_none();
    let cite_store = filter_store.clone();
    let cite_dataset = current_id.clone();
    let cite = move || {
        let l = lang.get();
        let url = ctx.state.with(|s| super::embed::view_url(s, &cite_store, cite_dataset.as_deref(), None));
        let m = &cite_store.metadata;
        text::CiteText { publisher: &m.publisher, title: &m.title, as_of: &m.data_as_of, retrieved: m.retrieved.as_deref().unwrap_or("—"), url: &url }.format(l)
    };
    let data_store = filter_store.clone();
    let download_rows = move |format: RowsFormat| {
        let filter = ctx.state.with_untracked(|s| s.filter.clone());
        let sel = crate::core::analysis::query::select(&data_store, &filter);
        let id = &data_store.metadata.id;
        let date = super::download::today();
        if format == RowsFormat::Json {
            let name = crate::core::charts::export::file_name(id, "contributions", &filter, &date, "json");
            super::download::text(&name, "application/json", &crate::core::charts::export::rows_json(&data_store, &sel, &filter));
        } else {
            let name = crate::core::charts::export::file_name(id, "contributions", &filter, &date, "csv");
            super::download::csv(&name, &crate::core::charts::export::rows_csv(&data_store, &sel, lang.get_untracked()));
        }
    };
    let notes_and_downloads = move || {
        rest_shown.get().then(|| {
            view! {
                // How amounts are counted, and what else the spread of the money says: after the
                // charts, so a phone's first screen reaches the first chart (every chart also states
                // the counting rule under it).
                <section class="notes">
                    <p class="counting-rule" id="counting-rule">{move || Msg::CountingRule.get(lang.get())}</p>
                    <p class="equity">{move || view.with(|v| v.equity.iter().skip(1).cloned().collect::<Vec<_>>().join(" "))}</p>
                </section>
                <section class="take-away">
                    <p class="downloads">{move || Msg::DownloadData.get(lang.get())}" "
                        <button type="button" id="download-rows-csv" on:click={
                            let download_rows = download_rows.clone();
                            move |_| download_rows(RowsFormat::Csv)
                        }>"CSV"</button>" "
                        <button type="button" id="download-rows-json" on:click={
                            let download_rows = download_rows.clone();
                            move |_| download_rows(RowsFormat::Json)
                        }>"JSON"</button>
                    </p>
                    <p class="cite"><strong>{move || Msg::Cite.get(lang.get())}": "</strong><span id="cite-text" dir="auto">{cite.clone()}</span></p>
                </section>
            }
        })
    };
    view! {
        {whole_page.then(|| view! { <SiteHeader meta=header_meta catalog=catalog current=current_id report=report/> })}
        {loaded.problem.clone().map(|p| view! { <ProblemNotice problem=p/> })}
        {version_notice}
        {external}
        <main id="main">
            // The answer first: one sentence, then the figures.
            <p class="takeaway" id="takeaway">{move || view.with(|v| crate::core::charts::first_screen::takeaway(v))}</p>
            <Headline view=view currency=meta.currency.clone()/>
            // The latest version of a dataset with earlier ones says what changed since.
            {changes_entry.map(|entry| view! { <super::changes::WhatChanged entry=entry/> })}
            <div class="layout">
                {move || controls_shown.get().then(|| view! { <FilterPanel store=filter_store.clone()/> })}
                <section id="charts" class="charts" tabindex="-1">
                    {move || controls_shown.get().then(|| view! {
                        <p class="hint">{move || Msg::ClickToFilter.get(lang.get())}</p>
                        <super::compare::CompareControls store=compare_controls_store.clone()/>
                    })}
                    {compare_figure}
                    {
                        let (first, chart_figure) = (shown.iter().copied().take(FIRST_SCREEN_CHARTS).collect::<Vec<_>>(), chart_figure.clone());
                        move || first_charts_shown.get().then(|| first.iter().map(|&i| chart_figure(i, spec::CHART_IDS[i], Some(i) == lone_half)).collect_view())
                    }
                    {move || rest_shown.get().then(|| {
                        shown.iter().skip(FIRST_SCREEN_CHARTS).map(|&i| chart_figure(i, spec::CHART_IDS[i], Some(i) == lone_half)).collect_view()
                    })}
                    {move || (rest_shown.get() && !left_out.is_empty()).then(|| view! {
                        <section class="left-out" aria-labelledby="left-out-title">
                            <h2 id="left-out-title">{move || Msg::ChartsLeftOut.get(lang.get())}</h2>
                            <ul>{left_out.iter().map(|&i| view! {
                                <li data-chart=spec::CHART_IDS[i]>{move || view.with(|v| v.charts[i].omitted.clone().unwrap_or_default())}</li>
                            }).collect_view()}</ul>
                        </section>
                    })}
                </section>
            </div>
            {notes_and_downloads}
            {(!whole_page).then(|| view! { <super::embed::SourceLine/> })}
        </main>
        {move || rest_shown.get().then(|| view! {
        <footer class="site-footer" hidden=!whole_page>
            <a href="docs/user-guide.md">{move || Msg::UserGuide.get(lang.get())}</a>
            " · "
            <a href="schema/dataset-v1.schema.json">{move || Msg::JsonSchema.get(lang.get())}</a>
            " · "
            <a href="docs/dataset-format.md">{move || Msg::DatasetFormat.get(lang.get())}</a>
            " · "
            <span>{move || Msg::SourceCode.get(lang.get())}</span>
        </footer>
        })}
    }
    .into_any()
}
