//! Where the shown data comes from: the dataset picker, the import report (every record read,
//! imported, skipped or rejected, with reasons) and how cooperation models were derived.

use super::intl::WebLocale;
use super::state::Ctx;
use crate::core::charts::spec;
use crate::core::locale::i18n::{text, Msg};
use leptos::prelude::*;
use std::sync::Arc;

/// The bundled datasets, and "external" when the page shows one from `?data=`.
#[component]
pub fn DatasetPicker(catalog: Arc<crate::core::format::catalog::Catalog>, current: Option<String>) -> impl IntoView {
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
                    s.compare = None;
                    s.catalog = false;
                });
            }>
                {external.then(|| view! { <option value="" selected=true>{move || Msg::ExternalDataset.get(lang.get())}</option> })}
                {catalog.datasets.iter().map(|d| {
                    let selected = current.as_deref() == Some(d.id.as_str());
                    let entry = d.clone();
                    // In the reader's language where the Alianzas team translated the title.
                    view! { <option value=d.id.clone() selected=selected>{move || entry.texts(lang.get()).0.to_string()}</option> }
                }).collect_view()}
            </select>
        </div>
    }
}

/// How the shown data was imported: counts, reasons, and the report as CSV.
#[component]
pub fn ReportDetails(report: crate::core::import::ImportReport) -> impl IntoView {
    let lang = expect_context::<Ctx>().lang;
    let csv_report = report.clone();
    let csv =
        move || format!("data:text/csv;charset=utf-8,{}", String::from(js_sys::encode_uri_component(&format!("\u{feff}{}", csv_report.to_csv(lang.get())))));
    let (read, imported, skipped_total, rejected_count) = (report.read, report.imported, report.skipped_total(), report.rejected.len());
    let skipped = report.skipped.clone();
    let rejected = report.rejected.clone();
    let warnings = report.warnings.clone();
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
            {(!warnings.is_empty()).then(|| view! {
                <h3>{move || Msg::ReportWarnings.get(lang.get())}</h3>
                <ul class="warnings">{warnings.into_iter().take(100).map(|w| view! { <li><code dir="ltr">{w.location}</code>": "{w.reason}</li> }).collect_view()}</ul>
            })}
            {(!rejected.is_empty()).then(|| view! {
                <h3>{move || Msg::Rejected.get(lang.get())}</h3>
                <ul>{rejected.into_iter().take(100).map(|r| view! { <li><code dir="ltr">{r.location}</code>": "{r.reason}</li> }).collect_view()}</ul>
            })}
            <p><a href=csv download="import-report.csv">{move || Msg::DownloadReportCsv.get(lang.get())}</a></p>
        </details>
    }
}

/// One line of "how … were derived": a rule, the code it gave and to how many contributions.
struct RuleLine {
    rule: &'static str,
    label: Msg,
    code: String,
    count: usize,
}

/// How codes of one dimension were derived (docs/cooperation-models.md, docs/obligation-rules.md):
/// per rule, the code it gave and to how many contributions, each line in the reader's language.
#[component]
fn RuleCounts(class: &'static str, title: Msg, note: Msg, dim: crate::core::analysis::store::Dim, lines: Vec<RuleLine>) -> impl IntoView {
    let lang = expect_context::<Ctx>().lang;
    let store = expect_context::<Arc<crate::core::analysis::store::Store>>();
    view! {
        <details class=class>
            <summary>{move || title.get(lang.get())}</summary>
            <p>{move || note.get(lang.get())}</p>
            <ul>
                {lines.into_iter().map(|r| {
                    let store = store.clone();
                    let code = r.code.clone();
                    view! {
                        <li data-rule=r.rule data-code=r.code.clone()>{move || {
                            let l = lang.get();
                            let locale = WebLocale::shared(l, &store.metadata.currency);
                            let label = spec::label(&store, dim, &code, &*locale);
                            text::RuleLine { rule: r.label.get(l), code: &label, count: r.count }.format(l)
                        }}</li>
                    }
                }).collect_view()}
            </ul>
        </details>
    }
}

/// How the cooperation models were derived: per rule, the model it gave and to how many
/// contributions (docs/cooperation-models.md).
#[component]
pub fn ModelRules(rules: Vec<crate::core::analysis::store::ModelRuleCount>) -> impl IntoView {
    let lines = rules.into_iter().map(|r| RuleLine { rule: r.rule.id(), label: r.rule.label(), code: r.model, count: r.contributions }).collect();
    view! { <RuleCounts class="model-rules" title=Msg::ModelRulesTitle note=Msg::ModelRulesNote dim=crate::core::analysis::store::Dim::Model lines=lines/> }
}

/// How the obligations were derived where the publisher's codes did not name them: per rule, the
/// obligation it named and for how many contributions (docs/obligation-rules.md).
#[component]
pub fn ObligationRules(rules: Vec<crate::core::analysis::store::ObligationRuleCount>) -> impl IntoView {
    let lines = rules.into_iter().map(|r| RuleLine { rule: r.rule.id(), label: r.rule.label(), code: r.obligation, count: r.contributions }).collect();
    view! { <RuleCounts class="obligation-rules" title=Msg::ObligationRulesTitle note=Msg::ObligationRulesNote dim=crate::core::analysis::store::Dim::Obligation lines=lines/> }
}
