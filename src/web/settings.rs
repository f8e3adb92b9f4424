//! The reader's settings: chart patterns and language, kept together at the top of the page.

use super::state::Ctx;
use crate::core::locale::i18n::Msg;
use crate::core::locale::lang::Lang;
use leptos::prelude::*;

/// The settings bar: patterns on charts, then the language.
#[component]
pub fn Settings() -> impl IntoView {
    view! {
        <div class="language">
            <PatternsToggle/>
            <LanguagePicker/>
        </div>
    }
}

/// Decal patterns on charts, so no meaning is carried by colour alone (on by default when the
/// reader asks for more contrast).
#[component]
fn PatternsToggle() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let lang = ctx.lang;
    let more_contrast = super::chart::prefers("(prefers-contrast: more)");
    view! {
        <label class="patterns-toggle">
            <input type="checkbox" id="patterns" prop:checked=move || ctx.state.with(|s| s.patterns.unwrap_or(more_contrast))
                on:change=move |ev| {
                    let on = event_target_checked(&ev);
                    ctx.update(|s| s.patterns = Some(on));
                }/>
            " " {move || Msg::Patterns.get(lang.get())}
        </label>
    }
}

/// The page language, each named in itself.
#[component]
fn LanguagePicker() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let lang = ctx.lang;
    view! {
        <label for="language-picker">{move || Msg::Language.get(lang.get())}</label>
        <select id="language-picker" on:change=move |ev| {
            let picked = Lang::parse(&event_target_value(&ev));
            ctx.update(|s| s.lang = picked);
        }>
            {Lang::ALL.into_iter().map(|l| view! {
                <option value=l.code() lang=l.code() selected=move || lang.get() == l>{l.endonym()}</option>
            }).collect_view()}
        </select>
    }
}
