//! The headline figures of the current view. "Not reported" where the dataset does not record a
//! stage or who gave: unknown is never shown as 0.

use super::intl::WebLocale;
use super::state::Ctx;
use crate::core::charts::first_screen;
use crate::core::charts::spec::View;
use leptos::prelude::*;
use std::sync::Arc;

/// Funding, pledges, donors, recipients and contributions of the filtered selection.
#[component]
pub fn Headline(view: Memo<Arc<View>>, currency: String) -> impl IntoView {
    let lang = expect_context::<Ctx>().lang;
    let figures = move || {
        let locale = WebLocale::shared(lang.get(), &currency);
        view.with(|v| first_screen::figures(&v.headline, &*locale))
            .into_iter()
            .map(|f| view! { <div class="figure" data-figure=f.id><dt>{f.label}</dt><dd>{f.value}</dd></div> })
            .collect_view()
    };

    view! { <dl class="headline" aria-live="polite">{figures}</dl> }
}
