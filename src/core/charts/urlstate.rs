//! The whole dashboard state as a URL query, so reloads and shared links restore it.
//! `?lang=fr&data=https://…&from=2019&to=2020&region=013&donor=a,b&measure=disbursed`

use crate::core::analysis::query::{Filter, Measure};
use crate::core::analysis::store::Dim;
use crate::core::locale::lang::Lang;

/// The dashboard state a URL query holds: language, dataset, filter and display options.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct UrlState {
    /// None: follow the browser's preference.
    pub lang: Option<Lang>,
    /// A bundled dataset, by its catalog id (None: the catalog's default).
    pub dataset: Option<String>,
    /// Another dataset to load, by URL, instead of a bundled one.
    pub data: Option<String>,
    /// The filter: `from`, `to`, `measure`, `period`, and one key per dimension of codes (`donor=a,b`).
    pub filter: Filter,
    /// Decal patterns on the charts; None: on when the reader prefers more contrast.
    pub patterns: Option<bool>,
    /// Dark (true) or light (false) colours; None: as the reader's system prefers. In the URL so a
    /// partner site can embed a chart in its own theme.
    pub dark: Option<bool>,
    /// Two to four years, donors or recipients side by side (`compare=year`, `compare=donor:USA,DEU`).
    pub compare: Option<super::compare::Compare>,
    /// The catalog of bundled datasets, as cards, instead of a dataset's charts (`view=catalog`).
    pub catalog: bool,
    /// Embedded in another site: one chart by id, or "dashboard" (the page without its header).
    pub embed: Option<String>,
    /// The dataset version an embed was made for.
    pub version: Option<String>,
}

/// Dimensions that are lists of codes in the query, in the order they are written.
const LIST_DIMS: [Dim; 7] = [Dim::Region, Dim::Recipient, Dim::Place, Dim::Donor, Dim::Obligation, Dim::Model, Dim::Kind];

impl UrlState {
    /// Did the query ask for "from" after "to" (which `from_query` swaps)? The page then says so.
    pub fn years_inverted(query: &str) -> bool {
        let year = |key: &str| {
            form_urlencoded::parse(query.trim_start_matches('?').as_bytes()).find(|(k, _)| k == key).and_then(|(_, v)| v.trim().parse::<i32>().ok())
        };
        matches!((year("from"), year("to")), (Some(from), Some(to)) if from > to)
    }

    /// Reads a query string (with or without the leading '?'). Unknown keys and values are ignored.
    /// Values are trimmed and the last non-empty one counts: web-js/loader.mjs reads `data` and
    /// `dataset` the same way to fetch their files before the app starts, so change both together.
    pub fn from_query(query: &str) -> UrlState {
        let mut s = UrlState::default();
        for (key, value) in form_urlencoded::parse(query.trim_start_matches('?').as_bytes()) {
            let value = value.trim();
            if value.is_empty() {
                continue;
            }
            match key.as_ref() {
                "lang" => s.lang = Lang::parse(value),
                "data" => s.data = Some(value.to_string()),
                "dataset" => s.dataset = Some(value.to_string()),
                "from" => s.filter.year_from = value.parse().ok(),
                "to" => s.filter.year_to = value.parse().ok(),
                "measure" => s.filter.measure = Measure::parse(value).unwrap_or_default(),
                "embed" => s.embed = Some(value.to_string()),
                "period" => s.filter.half_years = value == "half",
                "version" => s.version = Some(value.to_string()),
                "patterns" => s.patterns = matches!(value, "1" | "0").then_some(value == "1"),
                "theme" => s.dark = matches!(value, "dark" | "light").then_some(value == "dark"),
                "compare" => s.compare = super::compare::Compare::parse(value),
                "view" => s.catalog = value == "catalog",
                k => {
                    if let Some(dim) = LIST_DIMS.iter().copied().find(|d| d.id() == k) {
                        let list = s.filter.selected.entry(dim).or_default();
                        for v in value.split(',').map(str::trim).filter(|v| !v.is_empty()) {
                            if !list.iter().any(|x| x == v) {
                                list.push(v.to_string());
                            }
                        }
                    }
                }
            }
        }
        s.filter.selected.retain(|_, v| !v.is_empty());
        // A shared link with the years the wrong way round still shows what it meant.
        s.filter.swap_inverted_years();
        s
    }

    /// The query string, with '?' unless empty. Stable key order, so equal states give equal URLs.
    pub fn to_query(&self) -> String {
        let mut q = form_urlencoded::Serializer::new(String::new());
        if let Some(l) = self.lang {
            q.append_pair("lang", l.code());
        }
        if let Some(d) = &self.dataset {
            q.append_pair("dataset", d);
        }
        if let Some(d) = &self.data {
            q.append_pair("data", d);
        }
        if let Some(y) = self.filter.year_from {
            q.append_pair("from", &y.to_string());
        }
        if let Some(y) = self.filter.year_to {
            q.append_pair("to", &y.to_string());
        }
        for dim in LIST_DIMS {
            let values = self.filter.values(dim);
            if !values.is_empty() {
                q.append_pair(dim.id(), &values.join(","));
            }
        }
        if self.filter.measure != Measure::Funding {
            q.append_pair("measure", self.filter.measure.id());
        }
        if self.filter.half_years {
            q.append_pair("period", "half");
        }
        if let Some(e) = &self.embed {
            q.append_pair("embed", e);
        }
        if let Some(v) = &self.version {
            q.append_pair("version", v);
        }
        if let Some(p) = self.patterns {
            q.append_pair("patterns", if p { "1" } else { "0" });
        }
        if let Some(dark) = self.dark {
            q.append_pair("theme", if dark { "dark" } else { "light" });
        }
        if let Some(c) = &self.compare {
            q.append_pair("compare", &c.to_param());
        }
        if self.catalog {
            q.append_pair("view", "catalog");
        }
        let s = q.finish();
        if s.is_empty() {
            s
        } else {
            format!("?{s}")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::format::codes::Status;

    #[test]
    fn inverted_years_in_a_link_are_noticed() {
        assert!(UrlState::years_inverted("?from=2023&to=2021"));
        assert!(!UrlState::years_inverted("?from=2021&to=2023"));
        assert!(!UrlState::years_inverted("from=2021"));
        let s = UrlState::from_query("from=2023&to=2021");
        assert_eq!((s.filter.year_from, s.filter.year_to), (Some(2021), Some(2023)));
    }

    #[test]
    fn round_trips() {
        let mut s = UrlState {
            lang: Some(Lang::Ar),
            dataset: Some("mine-action".into()),
            data: Some("https://example.org/d.json?x=1&y=2".into()),
            ..Default::default()
        };
        s.filter.year_from = Some(2019);
        s.filter.year_to = Some(2020);
        s.filter.toggle(Dim::Donor, "fts-org-2924");
        s.filter.toggle(Dim::Donor, "a,b"); // commas inside codes would split: never produced by our importers
        s.filter.toggle(Dim::Donor, "a,b");
        s.filter.toggle(Dim::Region, "013");
        s.filter.measure = Measure::Stage(Status::Disbursed);
        s.patterns = Some(true);
        s.dark = Some(true);
        s.compare = crate::core::charts::compare::Compare::parse("donor:gov-USA,gov-DEU");
        s.catalog = true;
        s.filter.half_years = true;
        s.embed = Some("region".into());
        s.version = Some("2023-12-19".into());
        let q = s.to_query();
        assert_eq!(UrlState::from_query(&q), s);
        assert_eq!(UrlState::from_query(&UrlState::default().to_query()), UrlState::default());
    }

    #[test]
    fn ignores_what_it_does_not_know() {
        let s = UrlState::from_query("?lang=xx&from=abc&colour=red&region=&measure=everything&compare=model:a,b&theme=purple");
        assert_eq!(s, UrlState::default());
        assert_eq!(UrlState::from_query("compare=donor:").compare, None, "a donor comparison names its donors");
        assert_eq!(UrlState::from_query("compare=year").to_query(), "?compare=year");
    }
}
