//! The page: header with provenance, headline figures, filters and the seven charts.

use super::chart::ChartFigure;
use super::filters::FilterPanel;
use super::intl::WebLocale;
use super::load::{self, LoadProblem, Loaded};
use super::state::Ctx;
use crate::core::locale::i18n::{text, Msg};
use crate::core::locale::lang::Lang;
use crate::core::charts::spec::{self, Locale};
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn App() -> impl IntoView {
    let ctx = Ctx::new();
    provide_context(ctx);
    let lang = ctx.lang;

    Effect::new(move |_| {
        let l = lang.get();
        if let Some(html) = document().document_element() {
            let _ = html.set_attribute("lang", l.code());
            let _ = html.set_attribute("dir", if l.is_rtl() { "rtl" } else { "ltr" });
        }
    });

    let requested = Memo::new(move |_| ctx.state.with(|s| (s.dataset.clone(), s.data.clone())));
    let loading = RwSignal::new(true);
    let data = LocalResource::new(move || {
        let (dataset, url) = requested.get();
        loading.set(true);
        async move {
            let loaded = load::load(dataset, url).await;
            super::echarts::ready().await;
            loading.set(false);
            super::register_service_worker();
            loaded
        }
    });

    let embedded = ctx.state.with_untracked(|s| s.embed.is_some());
    if embedded {
        super::embed::post_height_to_parent();
    }
    view! {
        <a class="skip-link" href="#charts">{move || Msg::SkipToCharts.get(lang.get())}</a>
        {(!embedded).then(|| view! { <LanguagePicker/> })}
        // A dataset is being replaced: the old one stays readable meanwhile.
        {move || (loading.get() && data.get().is_some()).then(|| view! {
            <p class="reloading" role="status"><progress aria-hidden="true"></progress>" "{Msg::Loading.get(lang.get())}</p>
        })}
        {move || match data.get() {
            None => view! { <Loading/> }.into_any(),
            Some(Ok(loaded)) => view! { <Dashboard loaded=loaded/> }.into_any(),
            Some(Err(problem)) => view! { <main id="main" class="fatal"><ProblemNotice problem=problem bundled_failed=true/></main> }.into_any(),
        }}
    }
}

#[component]
fn Loading() -> impl IntoView {
    let lang = expect_context::<Ctx>().lang;
    view! {
        <main id="main" class="loading" aria-busy="true">
            <p role="status">{move || Msg::Loading.get(lang.get())}</p>
            <progress aria-label=move || Msg::Loading.get(lang.get())></progress>
        </main>
    }
}

#[component]
fn LanguagePicker() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let lang = ctx.lang;
    let more_contrast = super::chart::prefers("(prefers-contrast: more)");
    view! {
        <div class="language">
            <label class="patterns-toggle">
                <input type="checkbox" id="patterns" prop:checked=move || ctx.state.with(|s| s.patterns.unwrap_or(more_contrast))
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        ctx.update(|s| s.patterns = Some(on));
                    }/>
                " " {move || Msg::Patterns.get(lang.get())}
            </label>
            <label for="language-picker">{move || Msg::Language.get(lang.get())}</label>
            <select id="language-picker" on:change=move |ev| {
                let picked = Lang::parse(&event_target_value(&ev));
                ctx.update(|s| s.lang = picked);
            }>
                {Lang::ALL.into_iter().map(|l| view! {
                    <option value=l.code() lang=l.code() selected=move || lang.get() == l>{l.endonym()}</option>
                }).collect_view()}
            </select>
        </div>
    }
}

fn problem_message(problem: &LoadProblem, lang: Lang) -> String {
    let failed = |url: &str| text::LoadFailed { dataset: url }.format(lang);
    match problem {
        LoadProblem::Http { url, status } => format!("{} {}", failed(url), text::LoadFailedHttp { status: status.to_string() }.format(lang)),
        LoadProblem::NotFound { url } => format!("{} {}", failed(url), text::LoadNotFound { url }.format(lang)),
        LoadProblem::Network { url } => format!("{} {}", failed(url), Msg::LoadFailedNetwork.get(lang)),
        LoadProblem::Blocked { url } => format!("{} {}", failed(url), text::LoadBlocked { url }.format(lang)),
        LoadProblem::Cors { url } => format!("{} {}", failed(url), text::LoadCors { url }.format(lang)),
        LoadProblem::NotJson { url, error } => format!("{} {}", failed(url), text::LoadNotJson { url, detail: &error.message(lang) }.format(lang)),
        LoadProblem::Invalid { url, errors } => text::InvalidDataset { dataset: url, count: errors.len() }.format(lang),
        LoadProblem::UnknownDataset { id } => text::UnknownDataset { id }.format(lang),
        LoadProblem::NotHttps { url } => text::NotHttps { url }.format(lang),
        LoadProblem::TooLarge { url, limit_mb } => text::TooLarge { url, megabytes: limit_mb.to_string() }.format(lang),
    }
}

/// Why the requested dataset is not shown, with every located error (the first 50 listed).
#[component]
fn ProblemNotice(problem: LoadProblem, #[prop(optional)] bundled_failed: bool) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let lang = ctx.lang;
    let p = problem.clone();
    const LISTED: usize = 50;
    view! {
        <section class="problem" role="alert" aria-labelledby="problem-title">
            <h2 id="problem-title">{move || problem_message(&p, lang.get())}</h2>
            {match problem {
                LoadProblem::Invalid { errors, .. } => {
                    let more = errors.len().saturating_sub(LISTED);
                    view! {
                        // Scrollable, so it must be reachable by keyboard.
                        <ol class="errors" tabindex="0" aria-labelledby="problem-title">
                            {errors.into_iter().take(LISTED).map(|e| {
                                let e2 = e.clone();
                                view! {
                                    <li>
                                        <code>{move || if e.pointer.is_empty() { Msg::DocumentRoot.get(lang.get()).to_string() } else { e.pointer.clone() }}</code>
                                        ": " {move || e2.message(lang.get())}
                                    </li>
                                }
                            }).collect_view()}
                        </ol>
                        {(more > 0).then(|| view! { <p>{move || text::MoreProblems { count: more }.format(lang.get())}</p> })}
                    }.into_any()
                }
                _ => ().into_any(),
            }}
            {(!bundled_failed).then(|| view! {
                <p>{move || Msg::ShowingBundled.get(lang.get())}" "
                    <button type="button" on:click=move |_| ctx.update(|s| {
                        s.data = None;
                        s.dataset = None;
                    })>{move || Msg::BackToBundled.get(lang.get())}</button>
                </p>
            })}
        </section>
    }
}

#[component]
fn Dashboard(loaded: Loaded) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let lang = ctx.lang;
    let store = loaded.store.clone();
    let meta = store.metadata.clone();
    document().set_title(&format!("{} — Alianzas", meta.title));

    let view_store = store.clone();
    // The charts are recomputed when the filter or the language changes, not when another part of
    // the URL state does (the patterns toggle only restyles the drawn charts).
    let filter = Memo::new(move |_| ctx.state.with(|s| s.filter.clone()));
    let view = Memo::new(move |_| {
        let locale = WebLocale::shared(lang.get(), &view_store.metadata.currency);
        filter.with(|f| Arc::new(spec::build_view(&view_store, f, &*locale)))
    });

    let headline_currency = meta.currency.clone();
    let headline = move || {
        let h = view.with(|v| v.headline.clone());
        let locale = WebLocale::shared(lang.get(), &headline_currency);
        let l = lang.get();
        vec![
            (Msg::HeadlineFunding.get(l), locale.money(h.funding), "funding"),
            // A dataset with no pledges at all does not know them: "not reported", never 0.
            (Msg::HeadlinePledged.get(l), h.pledged.map_or_else(|| Msg::HeadlineNotReported.get(l).to_string(), |p| locale.money(p)), "pledged"),
            (Msg::HeadlineDonors.get(l), h.donors.map_or_else(|| Msg::HeadlineNotReported.get(l).to_string(), |n| locale.count(n as f64)), "donors"),
            (Msg::HeadlineRecipients.get(l), locale.count(h.recipients as f64), "recipients"),
            (Msg::HeadlineContributions.get(l), locale.count(h.contributions as f64), "contributions"),
        ]
        .into_iter()
        .map(|(label, value, id)| view! { <div class="figure" data-figure=id><dt>{label}</dt><dd>{value}</dd></div> })
        .collect_view()
    };

    let m = meta.clone();
    let filter_store = store.clone();
    let catalog = loaded.catalog.clone();
    let current_id = loaded.entry.as_ref().map(|e| e.id.clone());
    let report = loaded.report.clone();
    provide_context(store.clone());
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
    let chart_figure = move |i: usize, id: &'static str| {
        let chart = Memo::new(move |_| view.with(|v| v.charts[i].clone()));
        if id == "model" {
            let rules = store.model_rules.clone();
            view! { <ChartFigure spec=chart><ModelRules rules=rules/></ChartFigure> }.into_any()
        } else {
            view! { <ChartFigure spec=chart/> }.into_any()
        }
    };
    // Charts that say nothing for this dataset (decided on the whole dataset, so the set does not
    // change with filters or language) are left out, each with a sentence saying why.
    let shown: Vec<usize> = view.with_untracked(|v| (0..v.charts.len()).filter(|&i| v.charts[i].omitted.is_none()).collect());
    let left_out: Vec<usize> = view.with_untracked(|v| (0..v.charts.len()).filter(|&i| v.charts[i].omitted.is_some()).collect());
    // One chart alone, for a partner's page.
    if let Some(i) = embed.as_deref().and_then(|e| spec::CHART_IDS.iter().position(|id| *id == e)) {
        return view! {
            <main id="main" class="embed-chart">
                {version_notice}
                {external}
                <super::embed::EmbedFilters/>
                <section id="charts" class="charts single">{chart_figure(i, spec::CHART_IDS[i])}</section>
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
    let download_rows = move |json: bool| {
        let filter = ctx.state.with_untracked(|s| s.filter.clone());
        let sel = crate::core::analysis::query::select(&data_store, &filter);
        let id = &data_store.metadata.id;
        let date = super::download::today();
        if json {
            let name = crate::core::charts::export::file_name(id, "contributions", &filter, &date, "json");
            super::download::text(&name, "application/json", &crate::core::charts::export::rows_json(&data_store, &sel, &filter));
        } else {
            let name = crate::core::charts::export::file_name(id, "contributions", &filter, &date, "csv");
            super::download::csv(&name, &crate::core::charts::export::rows_csv(&data_store, &sel, lang.get_untracked()));
        }
    };
    let download_rows2 = download_rows.clone();
    view! {
        {whole_page.then(|| view! { <header class="site-header">
            <p class="brand">"Alianzas"<span class="tagline">{move || Msg::AppTagline.get(lang.get())}</span></p>
            <DatasetPicker catalog=catalog current=current_id/>
            // Dataset texts may be in another language than the page: each isolates its direction.
            <h1 id="dataset-title" dir="auto">{m.title.clone()}</h1>
            {m.description.clone().map(|d| view! { <p class="description" dir="auto">{d}</p> })}
            <dl class="provenance">
                <div><dt>{move || Msg::Publisher.get(lang.get())}</dt><dd data-meta="publisher" dir="auto">{m.publisher.clone()}</dd></div>
                <div><dt>{move || Msg::Source.get(lang.get())}</dt><dd>{match crate::core::format::dataset::safe_link(&m.source_url) {
                    Some(href) => view! { <a data-meta="source" href=href rel="noopener noreferrer">{m.source_url.clone()}</a> }.into_any(),
                    None => view! { <span data-meta="source">{m.source_url.clone()}</span> }.into_any(),
                }}</dd></div>
                <div><dt>{move || Msg::Licence.get(lang.get())}</dt><dd data-meta="licence" dir="auto">{match m.licence_url.as_deref().and_then(crate::core::format::dataset::safe_link) {
                    Some(u) => view! { <a href=u rel="noopener noreferrer">{m.licence.clone()}</a> }.into_any(),
                    None => m.licence.clone().into_any(),
                }}</dd></div>
                <div><dt>{move || Msg::DataAsOf.get(lang.get())}</dt><dd data-meta="data-as-of"><time datetime=m.data_as_of.clone()>{m.data_as_of.clone()}</time></dd></div>
                {m.retrieved.clone().map(|r| view! { <div><dt>{move || Msg::Retrieved.get(lang.get())}</dt><dd data-meta="retrieved"><time datetime=r.clone()>{r.clone()}</time></dd></div> })}
                <div><dt>{move || Msg::DatasetVersion.get(lang.get())}</dt><dd data-meta="version">{m.dataset_version.clone()}</dd></div>
                {m.generator.clone().map(|g| view! { <div><dt>{move || Msg::Generator.get(lang.get())}</dt><dd data-meta="generator">{g}</dd></div> })}
            </dl>
            {report.map(|r| view! { <ReportDetails report=r/> })}
        </header> })}
        {loaded.problem.clone().map(|p| view! { <ProblemNotice problem=p/> })}
        {version_notice}
        {external}
        <main id="main">
            <dl class="headline" aria-live="polite">{headline}</dl>
            <p class="equity">{move || view.with(|v| v.equity.join(" "))}</p>
            <div class="layout">
                <FilterPanel store=filter_store/>
                <section id="charts" class="charts" tabindex="-1">
                    <p class="hint">{move || Msg::ClickToFilter.get(lang.get())}</p>
                    {shown.into_iter().map(|i| chart_figure(i, spec::CHART_IDS[i])).collect_view()}
                    {(!left_out.is_empty()).then(|| view! {
                        <section class="left-out" aria-labelledby="left-out-title">
                            <h2 id="left-out-title">{move || Msg::ChartsLeftOut.get(lang.get())}</h2>
                            <ul>{left_out.into_iter().map(|i| view! {
                                <li data-chart=spec::CHART_IDS[i]>{move || view.with(|v| v.charts[i].omitted.clone().unwrap_or_default())}</li>
                            }).collect_view()}</ul>
                        </section>
                    })}
                </section>
            </div>
            <section class="take-away">
                <p class="downloads">{move || Msg::DownloadData.get(lang.get())}" "
                    <button type="button" id="download-rows-csv" on:click=move |_| download_rows(false)>"CSV"</button>" "
                    <button type="button" id="download-rows-json" on:click=move |_| download_rows2(true)>"JSON"</button>
                </p>
                <p class="cite"><strong>{move || Msg::Cite.get(lang.get())}": "</strong><span id="cite-text" dir="auto">{cite}</span></p>
            </section>
            {(!whole_page).then(|| view! { <super::embed::SourceLine/> })}
        </main>
        <footer class="site-footer" hidden=!whole_page>
            <a href="docs/user-guide.md">{move || Msg::UserGuide.get(lang.get())}</a>
            " · "
            <a href="schema/dataset-v1.schema.json">{move || Msg::JsonSchema.get(lang.get())}</a>
            " · "
            <a href="docs/dataset-format.md">{move || Msg::DatasetFormat.get(lang.get())}</a>
            " · "
            <span>{move || Msg::SourceCode.get(lang.get())}</span>
        </footer>
    }
    .into_any()
}

#[component]
fn DatasetPicker(catalog: Arc<crate::core::format::catalog::Catalog>, current: Option<String>) -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let lang = ctx.lang;
    let external = current.is_none();
    view! {
        <div class="field dataset-picker">
            <label for="dataset-picker">{move || Msg::DatasetPicker.get(lang.get())}</label>
            <select id="dataset-picker" on:change=move |ev| {
                let id = event_target_value(&ev);
                if id.is_empty() {
                    return;
                }
                // Codes differ between datasets: their filters do not carry over.
                ctx.update(|s| {
                    s.dataset = Some(id);
                    s.data = None;
                    s.filter = Default::default();
                });
            }>
                {external.then(|| view! { <option value="" selected=true>{move || Msg::ExternalDataset.get(lang.get())}</option> })}
                {catalog.datasets.iter().map(|d| {
                    let selected = current.as_deref() == Some(d.id.as_str());
                    view! { <option value=d.id.clone() selected=selected>{d.title.clone()}</option> }
                }).collect_view()}
            </select>
        </div>
    }
}

/// How the shown data was imported: counts, reasons, and the report as CSV.
#[component]
fn ReportDetails(report: crate::core::import::ImportReport) -> impl IntoView {
    let lang = expect_context::<Ctx>().lang;
    let csv_report = report.clone();
    let csv = move || format!("data:text/csv;charset=utf-8,{}", String::from(js_sys::encode_uri_component(&format!("\u{feff}{}", csv_report.to_csv(lang.get())))));
    let (read, imported, skipped_total, rejected_count) = (report.read, report.imported, report.skipped_total(), report.rejected.len());
    let skipped = report.skipped.clone();
    let rejected = report.rejected.clone();
    view! {
        <details class="import-report" data-meta="report">
            <summary>{move || Msg::ImportReportTitle.get(lang.get())}": "
                {move || text::ReportSummary { read, imported, skipped: skipped_total, rejected: rejected_count }.format(lang.get())}</summary>
            {(!skipped.is_empty()).then(|| view! {
                <h3>{move || Msg::Skipped.get(lang.get())}</h3>
                <ul>{skipped.into_iter().map(|(reason, n)| {
                    let id = reason.clone();
                    view! {
                        <li data-reason=id>{move || crate::core::import::skip_reason(&reason, lang.get())}": "{move || crate::web::intl::count(lang.get(), n as f64)}</li>
                    }
                }).collect_view()}</ul>
            })}
            {(!rejected.is_empty()).then(|| view! {
                <h3>{move || Msg::Rejected.get(lang.get())}</h3>
                <ul>{rejected.into_iter().take(100).map(|r| view! { <li><code>{r.location}</code>": "{r.reason}</li> }).collect_view()}</ul>
            })}
            <p><a href=csv download="import-report.csv">{move || Msg::DownloadReportCsv.get(lang.get())}</a></p>
        </details>
    }
}

/// How the cooperation models were derived: per rule, the model it gave and to how many
/// contributions (docs/cooperation-models.md).
#[component]
fn ModelRules(rules: Vec<crate::core::analysis::store::ModelRuleCount>) -> impl IntoView {
    let lang = expect_context::<Ctx>().lang;
    let store = expect_context::<Arc<crate::core::analysis::store::Store>>();
    view! {
        <details class="model-rules">
            <summary>{move || Msg::ModelRulesTitle.get(lang.get())}</summary>
            <p>{move || Msg::ModelRulesNote.get(lang.get())}</p>
            <ul>
                {rules.into_iter().map(|r| {
                    let store = store.clone();
                    let model = r.model.clone();
                    view! {
                        <li data-rule=r.rule.id() data-model=r.model.clone()>{move || {
                            let l = lang.get();
                            let locale = WebLocale::shared(l, &store.metadata.currency);
                            text::ModelRuleLine {
                                rule: r.rule.label().get(l),
                                model: spec::label(&store, crate::core::analysis::store::Dim::Model, &model, &*locale),
                                count: r.contributions,
                            }
                            .format(l)
                        }}</li>
                    }
                }).collect_view()}
            </ul>
        </details>
    }
}
