//! Shared state: the URL query is the single source of truth. Every user change pushes a history
//! entry (so Back undoes it); Back and Forward restore the state from the URL.

use crate::core::charts::urlstate::UrlState;
use crate::core::locale::lang::Lang;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;

#[derive(Clone, Copy)]
pub struct Ctx {
    pub state: RwSignal<UrlState>,
    pub lang: Memo<Lang>,
    /// The page has been scrolled (by the reader, or by the browser restoring their place): from
    /// then on charts are drawn ahead of the screen, not only when they are on it.
    pub scrolled: RwSignal<bool>,
}

fn location_query() -> String {
    web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default()
}

/// The first of the browser's preferred languages we speak, else Spanish.
fn browser_lang() -> Lang {
    let Some(window) = web_sys::window() else { return Lang::default() };
    window.navigator().languages().iter().filter_map(|l| l.as_string()).find_map(|l| Lang::parse(&l)).unwrap_or_default()
}

impl Ctx {
    pub fn new() -> Ctx {
        let state = RwSignal::new(UrlState::from_query(&location_query()));
        let preferred = browser_lang();
        let lang = Memo::new(move |_| state.with(|s| s.lang).unwrap_or(preferred));
        let on_pop = Closure::<dyn Fn()>::new(move || state.set(UrlState::from_query(&location_query())));
        if let Some(w) = web_sys::window() {
            let _ = w.add_event_listener_with_callback("popstate", on_pop.as_ref().unchecked_ref());
        }
        // The listener lives as long as the page.
        on_pop.forget();
        let scrolled = RwSignal::new(false);
        let on_scroll = Closure::once_into_js(move || scrolled.set(true));
        if let Some(w) = web_sys::window() {
            let once = web_sys::AddEventListenerOptions::new();
            once.set_once(true);
            once.set_passive(true);
            let _ = w.add_event_listener_with_callback_and_add_event_listener_options("scroll", on_scroll.unchecked_ref(), &once);
        }
        Ctx { state, lang, scrolled }
    }

    /// Applies a user's change and records it in the history.
    pub fn update(&self, change: impl FnOnce(&mut UrlState)) {
        let mut next = self.state.get_untracked();
        change(&mut next);
        if next == self.state.get_untracked() {
            return;
        }
        if let Some(w) = web_sys::window() {
            let path = w.location().pathname().unwrap_or_default();
            let url = format!("{path}{}", next.to_query());
            if let Ok(history) = w.history() {
                let _ = history.push_state_with_url(&JsValue::NULL, "", Some(&url));
            }
        }
        self.state.set(next);
    }
}
