//! Why the requested dataset is not shown: what failed (blocked, CORS, not found, not JSON, too
//! large, invalid with every located error) and the way back to the bundled data.

use super::load::LoadProblem;
use super::state::Ctx;
use crate::core::locale::i18n::{text, Msg};
use crate::core::locale::lang::Lang;
use leptos::prelude::*;

/// The sentence that says why a dataset could not be shown.
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
        LoadProblem::Cancelled => Msg::Loading.get(lang).to_string(),
    }
}

/// Why the requested dataset is not shown, with every located error (the first 50 listed).
#[component]
pub fn ProblemNotice(problem: LoadProblem, #[prop(optional)] bundled_failed: bool) -> impl IntoView {
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
                                // A pointer reads left to right in Arabic too: isolated, its leading
                                // slash stays in front instead of moving to the end of the line.
                                let ltr = (!e.pointer.is_empty()).then_some("ltr");
                                view! {
                                    <li>
                                        <code dir=ltr>{move || if e.pointer.is_empty() { Msg::DocumentRoot.get(lang.get()).to_string() } else { e.pointer.clone() }}</code>
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
