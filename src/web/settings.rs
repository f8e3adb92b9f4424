//! The reader's settings in one menu at the top of the page: language, colours, chart patterns.
//! Motion follows the system's "reduce motion" setting and is not a choice here.

use super::state::Ctx;
use crate::core::locale::i18n::Msg;
use crate::core::locale::lang::Lang;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;

/// The settings menu: a disclosure button (native `<details>`, so it works by keyboard and screen
/// reader without script) whose label also names the page language, as a reader looking for their
/// own language scans for it.
#[component]
pub fn Settings() -> impl IntoView {
    let lang = expect_context::<Ctx>().lang;
    let menu = NodeRef::<leptos::html::Details>::new();
    // Like any menu, it closes when the reader clicks elsewhere or presses Escape (focus returns
    // to its button), so it never stays over the page.
    let outside = Closure::<dyn Fn(web_sys::Event)>::new(move |ev: web_sys::Event| {
        let Some(details) = menu.get_untracked() else { return };
        let inside = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).is_some_and(|t| t.closest("#settings").ok().flatten().is_some());
        if !inside {
            details.set_open(false);
        }
    });
    if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
        let _ = doc.add_event_listener_with_callback("click", outside.as_ref().unchecked_ref());
        let listener = send_wrapper::SendWrapper::new(outside);
        on_cleanup(move || {
            if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
                let _ = doc.remove_event_listener_with_callback("click", listener.as_ref().unchecked_ref());
            }
        });
    }
    let on_key = move |ev: web_sys::KeyboardEvent| {
        if ev.key() == "Escape" {
            if let Some(details) = menu.get_untracked().filter(|d| d.open()) {
                details.set_open(false);
                if let Some(summary) = details.query_selector("summary").ok().flatten().and_then(|s| s.dyn_into::<web_sys::HtmlElement>().ok()) {
                    let _ = summary.focus();
                }
            }
        }
    };
    view! {
        <details class="settings-menu" id="settings" node_ref=menu on:keydown=on_key>
            <summary>
                <span class="settings-icon" aria-hidden="true">"⚙"</span>
                " "{move || Msg::Settings.get(lang.get())}
                <span class="settings-lang" lang=move || lang.get().code()>{move || lang.get().endonym()}</span>
            </summary>
            <div class="settings-panel">
                <LanguagePicker/>
                <ThemePicker/>
                <PatternsToggle/>
                <p class="motion-note">{move || Msg::MotionNote.get(lang.get())}</p>
            </div>
        </details>
    }
}

/// Whether the page is drawn dark now: the reader's choice, else the system's.
pub fn is_dark(choice: Option<bool>) -> bool {
    choice.unwrap_or_else(|| super::chart::prefers("(prefers-color-scheme: dark)"))
}

/// Sets the page's theme: `data-theme` on the root element (style/main.css), absent to follow
/// the device. Idempotent: called by the app and before a chart reads the page's colours.
pub fn apply_theme(dark: Option<bool>) {
    let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) else { return };
    let wanted = dark.map(|dark| if dark { "dark" } else { "light" });
    // Every chart calls this before reading colours: touch the attribute only when it changes, so
    // a redraw does not make the browser restyle the page once per chart.
    if root.get_attribute("data-theme").as_deref() == wanted {
        return;
    }
    let _ = match wanted {
        Some(theme) => root.set_attribute("data-theme", theme),
        None => root.remove_attribute("data-theme"),
    };
}

/// Light, dark, or as the device prefers (style/main.css reads `data-theme` on the root element).
#[component]
fn ThemePicker() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let lang = ctx.lang;
    let choices: [(Option<bool>, &str, Msg); 3] =
        [(None, "theme-system", Msg::ThemeSystem), (Some(false), "theme-light", Msg::ThemeLight), (Some(true), "theme-dark", Msg::ThemeDark)];
    view! {
        <fieldset class="theme-picker">
            <legend>{move || Msg::Theme.get(lang.get())}</legend>
            {choices.into_iter().map(|(choice, id, label)| view! {
                <label for=id>
                    <input type="radio" name="theme" id=id prop:checked=move || ctx.state.with(|s| s.dark == choice)
                        on:change=move |_| ctx.update(|s| s.dark = choice)/>
                    " "{move || label.get(lang.get())}
                </label>
            }).collect_view()}
        </fieldset>
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
        <div class="field">
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
