//! What the first screen says before any chart: the takeaway sentence and the headline figures.
//! The dashboard shows them; the build bakes them into `index.html` for the default dataset
//! (`alianzas first-screen`, web-js/prerender.mjs), so both come from here.

use crate::core::analysis::query::Headline;
use crate::core::charts::spec::View;
use crate::core::locale::i18n::Msg;
use crate::core::locale::numbers::Locale;

/// One headline figure: its id (`data-figure`), label and value as written for the reader.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Figure {
    /// Stable id: funding, pledged, donors, recipients, contributions.
    pub id: &'static str,
    /// The figure's name in the reader's language.
    pub label: &'static str,
    /// The value, or "not reported" where the dataset does not record it (never 0).
    pub value: String,
}

/// The answer first, in one sentence: how evenly the money is spread, else the first shown
/// chart's summary.
pub fn takeaway(view: &View) -> String {
    view.equity.first().cloned().or_else(|| view.charts.iter().find(|c| c.omitted.is_none() && !c.empty).map(|c| c.summary.clone())).unwrap_or_default()
}

/// Funding, pledges, donors, recipients and contributions of the filtered selection.
pub fn figures(h: &Headline, locale: &dyn Locale) -> Vec<Figure> {
    let l = locale.lang();
    let not_reported = || Msg::HeadlineNotReported.get(l).to_string();
    let figure = |id, msg: Msg, value| Figure { id, label: msg.get(l), value };
    vec![
        figure("funding", Msg::HeadlineFunding, if h.funding_reported { locale.money(h.funding) } else { not_reported() }),
        // A dataset with no pledges at all does not know them: "not reported", never 0.
        figure("pledged", Msg::HeadlinePledged, h.pledged.map_or_else(not_reported, |p| locale.money(p))),
        figure("donors", Msg::HeadlineDonors, h.donors.map_or_else(not_reported, |n| locale.count(n as f64))),
        figure("recipients", Msg::HeadlineRecipients, locale.count(h.recipients as f64)),
        figure("contributions", Msg::HeadlineContributions, locale.count(h.contributions as f64)),
    ]
}
