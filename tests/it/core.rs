//! The core on small hand-made data: validation, filters, aggregation, no double counting, gaps.

use crate::support::fixture;
use alianzas::core::analysis::query::{self, Filter, Measure, OTHERS_KEY};
use alianzas::core::analysis::store::{Dim, Store};
use alianzas::core::analysis::{needs, pledges};
use alianzas::core::charts::spec::{self, Cell, PlainLocale};
use alianzas::core::format::codes::Status;
use alianzas::core::format::validate::{parse_dataset, Problem};
use alianzas::core::locale::lang::Lang;

fn small() -> Store {
    Store::from_dataset(&parse_dataset(&fixture("small.json")).expect("small.json is valid"))
}

fn amount(g: &query::Grouping, key: &str) -> f64 {
    g.groups.iter().find(|x| x.key == key).map_or(0.0, |x| x.amount)
}

#[test]
fn validation_collects_every_error_with_its_location() {
    let errors = parse_dataset(&fixture("broken.json")).unwrap_err();
    let at: Vec<(&str, &Problem)> = errors.iter().map(|e| (e.pointer.as_str(), &e.problem)).collect();
    let expect = |pointer: &str, check: &dyn Fn(&Problem) -> bool| {
        assert!(at.iter().any(|(p, problem)| *p == pointer && check(problem)), "no expected error at {pointer}: {at:#?}");
    };
    expect("/metadata/title", &|p| *p == Problem::Empty);
    expect("/metadata/currency", &|p| matches!(p, Problem::BadCurrency(c) if c == "dollars"));
    expect("/metadata/data_as_of", &|p| matches!(p, Problem::BadDate(_)));
    expect("/contributions/0/donor/type", &|p| matches!(p, Problem::UnknownCode { value, .. } if value == "state"));
    expect("/contributions/0/recipient", &|p| matches!(p, Problem::UnknownCode { value, .. } if value == "ZZZ"));
    expect("/contributions/0/obligations", &|p| matches!(p, Problem::SharesSum(s) if (s - 1.2).abs() < 1e-9));
    expect("/contributions/0/status", &|p| matches!(p, Problem::UnknownCode { value, .. } if value == "paid"));
    expect("/contributions/0/amount", &|p| matches!(p, Problem::WrongType { expected: "number" }));
    expect("/contributions/1/id", &|p| matches!(p, Problem::DuplicateId(id) if id == "c1"));
    expect("/contributions/1/year", &|p| *p == Problem::YearOutOfRange(1850));
    expect("/contributions/1/model", &|p| matches!(p, Problem::UnknownCode { value, .. } if value == "friendship"));
    expect("/contributions/1/amount", &|p| *p == Problem::NegativeAmount);
    expect("/contributions/2/id", &|p| *p == Problem::Missing);
    assert_eq!(errors.len(), 13, "{at:#?}");
    // Every message reads as words in every language.
    for e in &errors {
        for lang in Lang::ALL {
            assert!(e.message(lang).chars().count() > 8);
        }
    }
}

#[test]
fn not_json_is_located_by_line_and_column() {
    let errors = parse_dataset(&fixture("not-json.json")).unwrap_err();
    assert_eq!(errors.len(), 1);
    assert!(matches!(errors[0].problem, Problem::NotJson { line: 3, .. }), "{:?}", errors[0]);
    assert_eq!(errors[0].pointer, "");
}

#[test]
fn shares_split_amounts_so_nothing_is_counted_twice() {
    let store = small();
    let sel = query::select(&store, &Filter::default());
    let by_obligation = query::group_by(&store, &sel, Dim::Obligation, Measure::Funding, None);
    // c1 (1000 disbursed) is 60 % clearance, 40 % victim assistance; c2 adds 500 committed clearance.
    assert_eq!(amount(&by_obligation, "clearance"), 600.0 + 500.0);
    assert_eq!(amount(&by_obligation, "victim-assistance"), 400.0);
    // Funding = committed + disbursed: 1000 + 500 + 300 + 50. The 2000 pledge is not in it.
    assert_eq!(by_obligation.total, 1850.0);
    let by_donor = query::group_by(&store, &sel, Dim::Donor, Measure::Funding, None);
    assert_eq!(by_donor.total, by_obligation.total);
    assert_eq!(amount(&by_donor, "nor"), 1500.0);
    // c1 counts once for Norway although it is two rows.
    assert_eq!(by_donor.groups.iter().find(|g| g.key == "nor").unwrap().count, 2);
}

#[test]
fn pipeline_stages_are_never_added_together() {
    let store = small();
    let sel = query::select(&store, &Filter::default());
    assert_eq!(query::pipeline(&store, &sel), [2000.0, 500.0, 1350.0]);
    let pledged = query::group_by(&store, &sel, Dim::Recipient, Measure::Stage(Status::Pledged), None);
    assert_eq!(pledged.total, 2000.0);
    assert_eq!(pledged.groups.len(), 1);
    let h = query::headline(&store, &sel);
    assert_eq!((h.funding, h.pledged, h.donors, h.recipients, h.contributions), (1850.0, Some(2000.0), Some(4), 3, 5));
}

#[test]
fn filters_combine_across_dimensions() {
    let store = small();
    let mut f = Filter::default();
    f.toggle(Dim::Region, "019"); // Americas: COL and GTM, not AFG
    let sel = query::select(&store, &f);
    assert_eq!(query::headline(&store, &sel).funding, 1800.0);
    f.toggle(Dim::Model, "bilateral");
    assert_eq!(query::headline(&store, &query::select(&store, &f)).funding, 1500.0);
    f.year_from = Some(2024);
    assert_eq!(query::headline(&store, &query::select(&store, &f)).contributions, 0);
    // Sub-region codes select too: 013 is Central America (GTM).
    let mut g = Filter::default();
    g.toggle(Dim::Region, "013");
    assert_eq!(query::headline(&store, &query::select(&store, &g)).funding, 300.0);
    // A second click on the same bar removes the filter.
    g.toggle(Dim::Region, "013");
    assert!(g.is_empty());
    // Obligation filters keep only the matching share of a split contribution.
    let mut o = Filter::default();
    o.toggle(Dim::Obligation, "victim-assistance");
    assert_eq!(query::headline(&store, &query::select(&store, &o)).funding, 400.0);
}

#[test]
fn top_n_merges_the_tail_into_others() {
    let store = small();
    let sel = query::select(&store, &Filter::default());
    let g = query::group_by(&store, &sel, Dim::Obligation, Measure::Funding, Some(2));
    let keys: Vec<&str> = g.groups.iter().map(|x| x.key.as_str()).collect();
    assert_eq!(keys, ["clearance", "victim-assistance", OTHERS_KEY]);
    assert_eq!(g.groups[2].amount, 350.0);
    assert_eq!(g.groups.iter().map(|x| x.amount).sum::<f64>(), g.total);
}

#[test]
fn cross_tab_by_year_and_model() {
    let store = small();
    let sel = query::select(&store, &Filter::default());
    let ct = query::cross_tab(&store, &sel, Dim::Year, Dim::Model, Measure::Funding, None);
    assert_eq!(ct.rows, ["2023", "2024"]);
    let col = |m: &str| ct.columns.iter().position(|c| c == m).unwrap();
    assert_eq!(ct.values[0][col("bilateral")], 1500.0);
    assert_eq!(ct.values[1][col("south-south")], 300.0);
    assert_eq!(ct.values.iter().flatten().sum::<f64>(), ct.total);
}

#[test]
fn gap_is_requirement_minus_committed_and_disbursed() {
    let store = small();
    let f = Filter::default();
    let sel = query::select(&store, &f);
    let gaps = needs::gaps(&store, &sel, &f);
    let gtm = gaps.iter().find(|g| g.recipient == "GTM").unwrap();
    // 300 disbursed for protection; the 2000 pledge does not fund anything yet.
    assert_eq!((gtm.need, gtm.funded, gtm.gap()), (1000.0, 300.0, 700.0));
    let col = gaps.iter().find(|g| g.recipient == "COL").unwrap();
    assert_eq!((col.need, col.funded, col.gap()), (1200.0, 1500.0, 0.0));
    let mut only_afg = Filter::default();
    only_afg.toggle(Dim::Recipient, "AFG");
    assert!(needs::gaps(&store, &query::select(&store, &only_afg), &only_afg).is_empty());
}

#[test]
fn chart_specs_render_the_same_numbers_as_the_core() {
    let store = small();
    let locale = PlainLocale { lang: Lang::En, currency: "USD".into() };
    let view = spec::build_view(&store, &Filter::default(), &locale);
    let ids: Vec<&str> = view.charts.iter().map(|c| c.id).collect();
    assert_eq!(ids, spec::CHART_IDS);
    let obligation = &view.charts[0];
    assert_eq!(obligation.categories[0].label, "Clearance");
    assert_eq!(obligation.series[0].values[0], 1100.0);
    assert_eq!(obligation.table.rows[0][1], Cell::Number(1100.0));
    assert!(obligation.summary.contains("USD 1,850"), "{}", obligation.summary);
    // A dataset-defined obligation falls back to its own labels.
    assert!(obligation.categories.iter().any(|c| c.label == "Support to demining NGOs"));
    let es = spec::build_view(&store, &Filter::default(), &PlainLocale { lang: Lang::Es, currency: "USD".into() });
    assert!(es.charts[0].categories.iter().any(|c| c.label == "Apoyo a ONG de desminado"));
    assert_eq!(es.charts[0].categories[0].label, "Desminado");
    let gap = view.charts.iter().find(|c| c.id == "gap").unwrap();
    assert_eq!(gap.categories.len(), 2);
    assert!(gap.summary.contains("USD 700"), "{}", gap.summary);
    let pipeline = view.charts.iter().find(|c| c.id == "pipeline").unwrap();
    assert_eq!(pipeline.series[0].values, vec![2000.0, 500.0, 1350.0]);
    assert!(pipeline.table.footer.is_none(), "pipeline stages must not be totalled");
}

#[test]
fn flows_keep_every_amount_and_merge_the_tail() {
    let store = small();
    let sel = query::select(&store, &Filter::default());
    let all = query::flows(&store, &sel, Measure::Funding, 10);
    assert_eq!(all.iter().map(|f| f.amount).sum::<f64>(), 1850.0);
    assert_eq!(all[0].donor, "nor");
    assert_eq!((all[0].model.as_str(), all[0].recipient.as_str(), all[0].amount), ("bilateral", "COL", 1500.0));
    let top1 = query::flows(&store, &sel, Measure::Funding, 1);
    assert_eq!(top1.iter().map(|f| f.amount).sum::<f64>(), 1850.0, "merging into others loses nothing");
    assert!(top1.iter().any(|f| f.donor == OTHERS_KEY));
    let view = spec::build_view(&store, &Filter::default(), &PlainLocale { lang: Lang::En, currency: "USD".into() });
    let flows = view.charts.iter().find(|c| c.id == "flows").unwrap();
    // Each unit of money crosses two links: donor → model and model → recipient.
    assert_eq!(flows.links.iter().map(|l| l.value).sum::<f64>(), 2.0 * 1850.0);
    let donor_node = flows.categories.iter().position(|c| c.key == "donor:nor").unwrap();
    assert_eq!(spec::category_filter(flows, donor_node), Some((Dim::Donor, "nor".to_string())));
}

#[test]
fn pledge_follow_up_shows_each_stage_per_donor() {
    let store = small();
    let sel = query::select(&store, &Filter::default());
    let rows = pledges::pledge_follow_up(&store, &sel, 10);
    assert_eq!(rows.len(), 1);
    assert_eq!((rows[0].donor.as_str(), rows[0].stages), ("eu", [2000.0, 0.0, 0.0]));
    assert_eq!(rows[0].disbursed_share(), Some(0.0));
}

#[test]
fn equity_names_obligations_funded_before_but_not_in_the_latest_year() {
    let store = small();
    let f = Filter::default();
    let e = query::equity(&store, &query::select(&store, &f), &f, 5);
    assert_eq!(e.latest_year, Some(2024));
    // Clearance and victim assistance were funded in 2023 only.
    assert_eq!(e.unfunded_obligations, ["clearance", "victim-assistance"]);
    assert_eq!(e.top_share, Some(1.0), "three recipients, all within the top five");
    let mut two = Filter::default();
    two.toggle(Dim::Recipient, "COL");
    let e = query::equity(&store, &query::select(&store, &two), &two, 5);
    assert_eq!(e.latest_year, Some(2023));
    assert!(e.unfunded_obligations.is_empty());
}

#[test]
fn half_years_where_dates_allow() {
    let store = small();
    let f = Filter { half_years: true, ..Filter::default() };
    let view = spec::build_view(&store, &f, &PlainLocale { lang: Lang::En, currency: "USD".into() });
    let timeline = view.charts.iter().find(|c| c.id == "timeline").unwrap();
    let keys: Vec<&str> = timeline.categories.iter().map(|c| c.key.as_str()).collect();
    // c3 is dated 2024-03-01; the others have no date and stay under their year.
    assert_eq!(keys, ["2023", "2024", "2024-H1"]);
    assert_eq!(timeline.categories[2].label, "2024 H1");
    assert_eq!(spec::category_filter(timeline, 2), Some((Dim::Year, "2024-H1".to_string())));
    let mut g = Filter::default();
    g.toggle(Dim::Year, "2024-H1");
    assert_eq!((g.year_from, g.year_to), (Some(2024), Some(2024)), "a half-year bar filters by its year");
}

#[test]
fn dataset_labels_fall_back_es_en_code_and_the_table_says_so() {
    let store = small();
    let fr = spec::build_view(&store, &Filter::default(), &PlainLocale { lang: Lang::Fr, currency: "USD".into() });
    let obligation = &fr.charts[0];
    let i = obligation.categories.iter().position(|c| c.key == "demining-ngo-support").unwrap();
    // No French label: Spanish first, and only the table marks it.
    assert_eq!(obligation.categories[i].label, "Apoyo a ONG de desminado");
    assert_eq!(obligation.table.rows[i][0], Cell::Text("Apoyo a ONG de desminado [es]".into()));
    assert_eq!(spec::fallback_of(&store, Dim::Obligation, "demining-ngo-support", Lang::En), None);
    assert_eq!(spec::fallback_of(&store, Dim::Obligation, "clearance", Lang::Fr), None, "built-in codes speak every language");
    assert_eq!(spec::fallback_of(&store, Dim::Obligation, query::OTHERS_KEY, Lang::Fr), None, "\"others\" is ours, in every language");
}

fn one_source(id: &str, donor: &str) -> alianzas::core::format::dataset::Dataset {
    let text = format!(
        r#"{{"format": "alianzas-dataset", "version": 1,
            "metadata": {{"id": "{id}", "title": "t", "publisher": "p", "source_url": "https://example.org", "licence": "CC0",
                          "currency": "USD", "data_as_of": "2024-01-01", "dataset_version": "1"}},
            "contributions": [
              {{"id": "a", "donor": {donor}, "recipient": "AFG", "year": 2020, "obligation": "clearance",
                "model": "bilateral", "kind": "financial", "status": "disbursed", "amount": 100}},
              {{"id": "b", "donor": {{"id": "ngo-1", "name": "An NGO", "type": "ngo"}}, "recipient": "AFG", "year": 2020,
                "obligation": "clearance", "model": "bilateral", "kind": "financial", "status": "disbursed", "amount": 1}}]}}"#
    );
    parse_dataset(&text).expect("valid")
}

#[test]
fn government_donors_from_two_sources_join_by_country_and_are_named_per_language() {
    use alianzas::core::tools::merge::merge;
    let fts = one_source("fts", r#"{"id": "fts-org-4306", "name": "Germany, Government of", "type": "government", "country": "DEU"}"#);
    let crs = one_source("crs", r#"{"id": "DE", "name": "Germany", "type": "government", "country": "DEU"}"#);
    let metadata = fts.metadata.clone();
    let donors = |joined: bool| {
        let options = alianzas::core::tools::merge::MergeOptions { join_government_donors: joined, ..Default::default() };
        let store = Store::from_dataset(&merge(&[fts.clone(), crs.clone()], metadata.clone(), &options).unwrap());
        let g = query::group_by(&store, &query::select(&store, &Filter::default()), Dim::Donor, Measure::Funding, None);
        (store, g)
    };
    let (_, apart) = donors(false);
    assert_eq!(apart.groups.len(), 3, "without joining, two German donors and the NGO");
    let (store, joined) = donors(true);
    assert_eq!(joined.groups.len(), 2);
    assert_eq!(amount(&joined, "gov-DEU"), 200.0);
    assert_eq!(amount(&joined, "ngo-1"), 2.0, "donors without a country are left alone");

    // The dashboard names a government by its country in the reader's language.
    struct Spanish;
    impl spec::Locale for Spanish {
        fn lang(&self) -> Lang {
            Lang::Es
        }
        fn money(&self, a: f64) -> String {
            a.to_string()
        }
        fn percent(&self, r: f64) -> String {
            r.to_string()
        }
        fn count(&self, n: f64) -> String {
            n.to_string()
        }
        fn country_name(&self, iso2: &str) -> Option<String> {
            (iso2 == "DE").then(|| "Alemania".to_string())
        }
    }
    assert_eq!(spec::label(&store, Dim::Donor, "gov-DEU", &Spanish), "Alemania");
    // Not joined, two donors of one country keep their own names rather than read the same.
    let (apart_store, _) = donors(false);
    assert_eq!(spec::label(&apart_store, Dim::Donor, "fts-org-4306", &Spanish), "Germany, Government of");
    assert_eq!(spec::label(&apart_store, Dim::Donor, "DE", &Spanish), "Germany");
    assert_eq!(spec::label(&store, Dim::Donor, "gov-DEU", &PlainLocale { lang: Lang::En, currency: "USD".into() }), "Germany");
    assert_eq!(spec::label(&store, Dim::Donor, "ngo-1", &Spanish), "An NGO");
}

#[test]
fn a_donor_country_must_be_a_known_iso3_code() {
    let text = serde_json::to_string(&one_source("x", r#"{"id": "d", "name": "D", "type": "government"}"#)).unwrap().replacen(
        r#""type":"government""#,
        r#""type":"government","country":"XXX""#,
        1,
    );
    let errors = parse_dataset(&text).unwrap_err();
    assert!(
        errors.iter().any(|e| e.pointer == "/contributions/0/donor/country" && matches!(&e.problem, Problem::UnknownCode { value, .. } if value == "XXX")),
        "{errors:?}"
    );
}

fn en() -> PlainLocale {
    PlainLocale { lang: Lang::En, currency: "USD".into() }
}

/// The small fixture with its metadata and contributions edited as JSON.
fn small_edited(edit: impl FnOnce(&mut serde_json::Value)) -> Store {
    let mut v: serde_json::Value = serde_json::from_str(&fixture("small.json")).unwrap();
    edit(&mut v);
    Store::from_dataset(&parse_dataset(&v.to_string()).expect("edited fixture is valid"))
}

#[test]
fn the_unit_follows_the_magnitude_of_the_data_in_each_language() {
    use alianzas::core::charts::spec::unit_for;
    assert_eq!(unit_for(950.0, "USD", Lang::En).divisor, 1.0);
    assert_eq!(unit_for(1_500.0, "USD", Lang::En).divisor, 1e3);
    assert_eq!(unit_for(132_087_421.0, "USD", Lang::En).label, "USD, millions");
    // US$ 413.7 bn is drawn in billions, not as "413,700 millions".
    let big = unit_for(413.7e9, "USD", Lang::Fr);
    assert_eq!((big.divisor, big.label.as_str()), (1e9, "Milliards de USD"));
    assert_eq!(unit_for(413.7e9, "USD", Lang::Es).label, "Miles de millones de USD");
    assert!(unit_for(413.7e9, "USD", Lang::Ar).label.contains("مليارات"));
    // Each chart carries the unit of its own largest value.
    let view = spec::build_view(&small(), &Filter::default(), &en());
    let pipeline = view.charts.iter().find(|c| c.id == "pipeline").unwrap();
    assert_eq!(pipeline.unit.divisor, 1e3, "largest stage is 2,000");
    let model = view.charts.iter().find(|c| c.id == "model").unwrap();
    assert_eq!(model.unit.divisor, 1e3, "largest model is bilateral, 1,500");
}

#[test]
fn a_chart_is_left_out_with_a_reason_when_its_dimension_is_not_recorded_or_holds_one_code() {
    let full = spec::build_view(&small(), &Filter::default(), &en());
    assert!(full.charts.iter().all(|c| c.omitted.is_none()), "the fixture has something to show in every chart");

    // A source that names no donors and does not split stages (like FTS's global requirements table).
    let store = small_edited(|v| v["metadata"]["not_recorded"] = serde_json::json!(["donor", "status"]));
    let view = spec::build_view(&store, &Filter::default(), &en());
    let omitted: Vec<&str> = view.charts.iter().filter(|c| c.omitted.is_some()).map(|c| c.id).collect();
    assert_eq!(omitted, ["donors", "pipeline", "flows", "pledges"]);
    let donors = view.charts.iter().find(|c| c.id == "donors").unwrap();
    assert!(donors.omitted.as_deref().unwrap().contains("does not say which donor"), "{:?}", donors.omitted);
    let headline = query::headline(&store, &query::select(&store, &Filter::default()));
    assert_eq!((headline.pledged, headline.donors), (None, None), "unknown is not zero");

    // Every contribution multilateral: a one-slice donut says nothing.
    let store = small_edited(|v| {
        for c in v["contributions"].as_array_mut().unwrap() {
            c["model"] = "multilateral".into();
        }
    });
    let model = spec::build_view(&store, &Filter::default(), &en()).charts.into_iter().find(|c| c.id == "model").unwrap();
    assert_eq!(model.omitted.as_deref(), Some("“Funding by cooperation model” is not shown: Multilateral accounts for all of this dataset's money."));
    let es = spec::build_view(&store, &Filter::default(), &PlainLocale { lang: Lang::Es, currency: "USD".into() });
    assert!(es.charts.iter().find(|c| c.id == "model").unwrap().omitted.as_deref().unwrap().contains("Multilateral"));

    // No pledge at all: the pledge chart is left out and the headline says "not reported".
    let store = small_edited(|v| v["contributions"][3]["status"] = "committed".into());
    let view = spec::build_view(&store, &Filter::default(), &en());
    assert!(view.charts.iter().find(|c| c.id == "pledges").unwrap().omitted.is_some());
    assert_eq!(view.headline.pledged, None);
    assert_eq!(spec::build_view(&small(), &Filter::default(), &en()).headline.pledged, Some(2000.0));
}

#[test]
fn a_chart_filtered_on_its_own_dimension_keeps_its_siblings_and_marks_the_selection() {
    let store = small();
    let mut f = Filter::default();
    f.toggle(Dim::Donor, "nor");
    let view = spec::build_view(&store, &f, &en());
    let donors = view.charts.iter().find(|c| c.id == "donors").unwrap();
    let keys: Vec<&str> = donors.categories.iter().map(|c| c.key.as_str()).collect();
    assert!(keys.contains(&"nor") && keys.contains(&"mex"), "a click on one bar must not hide the others: {keys:?}");
    let nor = keys.iter().position(|k| *k == "nor").unwrap();
    assert!(donors.is_selected(nor));
    assert_eq!(donors.selected.iter().filter(|s| **s).count(), 1);
    assert!(donors.summary.contains("Selected: Norway"), "{}", donors.summary);
    // Other charts do follow the filter: only Norway's money by obligation.
    let obligation = view.charts.iter().find(|c| c.id == "obligation").unwrap();
    assert_eq!(obligation.series[0].values.iter().sum::<f64>(), 1500.0);
    assert!(obligation.selected.is_empty());
}

#[test]
fn an_inverted_year_range_is_swapped_and_described() {
    let mut f = Filter { year_from: Some(2024), year_to: Some(2023), ..Filter::default() };
    assert!(f.swap_inverted_years());
    assert_eq!((f.year_from, f.year_to), (Some(2023), Some(2024)));
    assert!(!f.swap_inverted_years(), "a range in order is left alone");
    let store = small();
    f.toggle(Dim::Donor, "mex");
    f.measure = Measure::Stage(Status::Disbursed);
    let parts: Vec<String> = spec::filter_description(&store, &f, &en()).into_iter().map(|(_, t)| t).collect();
    assert_eq!(parts, ["From year: 2023", "To year: 2024", "Donor: Mexico", "Amounts: Disbursed"]);
    assert_eq!(spec::filter_line(&store, &Filter::default(), &en()), "All data, no filters");
    assert!(spec::filter_line(&store, &f, &en()).contains("Donor: Mexico; Amounts: Disbursed"));
}

#[test]
fn the_latest_year_is_never_a_future_plan_year() {
    // A requirement and a pledge for 2031 in a dataset as of mid-2024.
    let store = small_edited(|v| {
        v["contributions"][3]["year"] = 2031.into();
        v["requirements"][0]["year"] = 2031.into();
    });
    let f = Filter::default();
    let e = query::equity(&store, &query::select(&store, &f), &f, 5);
    assert_eq!(e.latest_year, Some(2024));
    assert!(!spec::equity_sentences(&store, &query::select(&store, &f), &f, &en()).iter().any(|s| s.contains("2031")));
}

#[test]
fn an_undated_remainder_is_named_beside_half_years() {
    let store = small();
    let f = Filter { half_years: true, ..Filter::default() };
    let view = spec::build_view(&store, &f, &en());
    let timeline = view.charts.iter().find(|c| c.id == "timeline").unwrap();
    let labels: Vec<&str> = timeline.categories.iter().map(|c| c.label.as_str()).collect();
    assert!(labels.contains(&"2024, date not given"), "{labels:?}");
    assert!(!timeline.summary.contains("the year"), "a half-year is never called the year: {}", timeline.summary);
}

/// The numbers a chart draws and the numbers its table lists come from one spec and agree, for
/// every chart of every bundled dataset: renderers never add up, so they cannot disagree.
#[test]
fn every_chart_of_every_bundled_dataset_draws_what_its_table_lists() {
    use alianzas::core::charts::spec::{ChartType, ColumnKind};
    let root = env!("CARGO_MANIFEST_DIR");
    let catalog: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(format!("{root}/public/data/catalog.json")).unwrap()).unwrap();
    let mut checked = 0;
    for entry in catalog["datasets"].as_array().unwrap() {
        let text = std::fs::read_to_string(format!("{root}/public/data/{}", entry["file"].as_str().unwrap())).unwrap();
        let store = Store::from_dataset(&parse_dataset(&text).unwrap());
        let view = spec::build_view(&store, &Filter::default(), &en());
        for chart in view.charts.iter().filter(|c| c.omitted.is_none() && !c.empty) {
            // A chart of counts (indicators) lists its series in count columns, money charts in money columns.
            let value_kind = if chart.counts { ColumnKind::Count } else { ColumnKind::Money };
            let column_total = |label: &str| -> Option<f64> {
                let i = chart.table.columns.iter().position(|c| c.label == label && c.kind == value_kind)?;
                Some(chart.table.rows.iter().map(|r| if let Cell::Number(n) = r[i] { n } else { 0.0 }).sum())
            };
            let close = |a: f64, b: f64| (a - b).abs() <= 1e-6 * a.abs().max(1.0);
            let id = format!("{} / {}", entry["id"], chart.id);
            if chart.chart_type == ChartType::Sankey {
                // Each unit of money crosses two links (donor → model → recipient).
                let money = chart.table.columns.iter().position(|c| c.kind == ColumnKind::Money).unwrap();
                let listed: f64 = chart.table.rows.iter().map(|r| if let Cell::Number(n) = r[money] { n } else { 0.0 }).sum();
                assert!(close(chart.links.iter().map(|l| l.value).sum::<f64>(), 2.0 * listed), "{id}");
            } else {
                for series in &chart.series {
                    let drawn: f64 = series.values.iter().sum();
                    // A one-series chart may list its values under "Total" rather than the series name.
                    let only_money = || chart.table.columns.iter().find(|c| c.kind == ColumnKind::Money).and_then(|c| column_total(&c.label));
                    let listed = column_total(&series.name)
                        .or_else(|| if chart.series.len() == 1 { only_money() } else { None })
                        .unwrap_or_else(|| panic!("{id}: no table column for series {:?}", series.name));
                    assert!(close(drawn, listed), "{id}, {}: drawn {drawn}, listed {listed}", series.name);
                    checked += 1;
                }
            }
            if let Some(footer) = &chart.table.footer {
                for (i, col) in chart.table.columns.iter().enumerate().filter(|(_, c)| c.kind == value_kind) {
                    if let (Cell::Number(total), Some(listed)) = (&footer[i], column_total(&col.label)) {
                        assert!(close(*total, listed), "{id}: the totals row of {:?}", col.label);
                    }
                }
            }
        }
    }
    assert!(checked > 20, "only {checked} series checked");
}

/// Checking a dataset in memory (record by record, as importers do before writing) finds what
/// reading its file finds, at the same places.
#[test]
fn a_dataset_in_memory_is_checked_like_its_file() {
    use alianzas::core::format::validate::check_dataset;
    let root = env!("CARGO_MANIFEST_DIR");
    for file in ["public/data/unhcr-mirps-2023.json", "public/data/fts-requirements-funding-global.json", "tests/fixtures/small.json"] {
        let ds = parse_dataset(&std::fs::read_to_string(format!("{root}/{file}")).unwrap()).unwrap();
        assert_eq!(check_dataset(&ds), vec![], "{file}");
    }
    let mut ds = parse_dataset(&fixture("small.json")).unwrap();
    ds.contributions[1].id = ds.contributions[0].id.clone();
    ds.contributions[2].amount = -5.0;
    ds.contributions[3].recipient = "ZZZ".into();
    ds.metadata.data_as_of.clear();
    let in_memory: Vec<(String, Problem)> = check_dataset(&ds).into_iter().map(|e| (e.pointer, e.problem)).collect();
    let written = serde_json::to_string(&ds).unwrap();
    let from_file: Vec<(String, Problem)> = parse_dataset(&written).unwrap_err().into_iter().map(|e| (e.pointer, e.problem)).collect();
    let sorted = |mut v: Vec<(String, Problem)>| {
        v.sort_by(|a, b| a.0.cmp(&b.0));
        v
    };
    assert_eq!(sorted(in_memory.clone()), sorted(from_file));
    assert!(in_memory.iter().any(|(p, e)| p == "/contributions/1/id" && matches!(e, Problem::DuplicateId(_))));
    assert!(in_memory.iter().any(|(p, e)| p == "/contributions/2/amount" && *e == Problem::NegativeAmount));
    assert_eq!(in_memory.len(), 4, "{in_memory:?}");
}

/// Pledges followed over time: at each snapshot date, what each followed contribution was then,
/// stages side by side and never added; what became of the pledges.
#[test]
fn pledges_are_followed_over_time_from_their_history() {
    let store = small();
    let h = pledges::pledge_history(&store, &query::select(&store, &Filter::default()));
    assert_eq!(h.dates, ["2023-02-01", "2023-06-01", "2024-01-15"]);
    // c2 was a 600 pledge, then a 500 commitment; c4 a 2,000 pledge from 2024-01-15.
    assert_eq!(h.stages, vec![[600.0, 0.0, 0.0], [0.0, 500.0, 0.0], [2000.0, 500.0, 0.0]]);
    assert_eq!((h.pledges, h.followed_through, h.still_pledged), (2, 1, 1));
    let view = spec::build_view(&store, &Filter::default(), &en());
    let chart = view.charts.iter().find(|c| c.id == "pledge-history").unwrap();
    assert!(chart.omitted.is_none());
    assert_eq!(chart.table.rows.len(), 3);
    assert!(chart.table.footer.is_none(), "stages are never added up");
    assert!(chart.summary.contains("2 pledges recorded") && chart.summary.contains("1 became commitments"), "{}", chart.summary);
    // A filter counts only what it selects: Norway's alone.
    let mut norway = Filter::default();
    norway.toggle(Dim::Donor, "nor");
    let h = pledges::pledge_history(&store, &query::select(&store, &norway));
    assert_eq!(h.stages[2], [0.0, 500.0, 0.0]);
}

/// Places split a contribution by their shares; the places map shades each division by its class
/// and names the country's boundaries; the world map shows countries, not regional recipients.
#[test]
fn places_split_money_and_maps_shade_it_by_class() {
    let store = small();
    let sel = query::select(&store, &Filter::default());
    let g = query::group_by(&store, &sel, Dim::Place, Measure::Funding, None);
    let amount = |k: &str| g.groups.iter().find(|x| x.key == k).map_or(0.0, |x| x.amount);
    assert_eq!((amount("GT-GU"), amount("GT-PE")), (180.0, 120.0), "300 split 60/40");
    let view = spec::build_view(&store, &Filter::default(), &en());
    let places = view.charts.iter().find(|c| c.id == "places").unwrap();
    let layer = places.map.as_ref().unwrap();
    assert_eq!(layer.name, "admin1-GT");
    let class_of = |k: &str| layer.classes[places.categories.iter().position(|c| c.key == k).unwrap()];
    assert_eq!((class_of("GT-GU"), class_of("GT-PE"), class_of("-")), (Some(4), Some(3), None));
    assert_eq!(layer.legend.len(), spec::MAP_CLASSES);
    assert!(places.summary.contains("is placed in 2 states or departments of Guatemala"), "{}", places.summary);
    let world = view.charts.iter().find(|c| c.id == "map").unwrap();
    assert_eq!(world.map.as_ref().unwrap().name, "world");
    assert!(world
        .categories
        .iter()
        .zip(&world.map.as_ref().unwrap().classes)
        .all(|(c, k)| k.is_some() == alianzas::core::format::geo::country(&c.key).is_some()));
}

/// A selection with no placed money leaves the places map with nothing to draw, not a blank map.
#[test]
fn the_places_map_is_empty_when_the_selection_places_nothing() {
    let store = small();
    let mut colombia = Filter::default();
    colombia.toggle(Dim::Recipient, "COL");
    let view = spec::build_view(&store, &colombia, &en());
    let places = view.charts.iter().find(|c| c.id == "places").unwrap();
    assert!(places.empty && places.map.is_none());
}
