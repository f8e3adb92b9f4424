//! The headline figures of the current view. "Not reported" where the dataset does not record a
//! stage or who gave: unknown is never shown as 0.

use super::intl::WebLocale;
use super::state::Ctx;
use crate::core::charts::spec::{Locale, View};
use crate::core::locale::i18n::Msg;
use leptos::prelude::*;
use std::sync::Arc;

/// Funding, pledges, donors, recipients and contributions of the filtered selection.
#[component]
pub fn Headline(view: Memo<Arc<View>>, currency: String) -> impl IntoView {
    let lang = expect_context::<Ctx>().lang;
    let figures = move || {
        let h = view.with(|v| v.headline.clone());
        let locale = WebLocale::shared(lang.get(), &currency);
        let l = lang.get();
        vec![
            (Msg::HeadlineFunding.get(l), if h.funding_reported { locale.money(h.funding) } else { Msg::HeadlineNotReported.get(l).to_string() }, "funding"),
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

    view! { <dl class="headline" aria-live="polite">{figures}</dl> }
}
