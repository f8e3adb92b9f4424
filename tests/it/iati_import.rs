//! The IATI importer on UNHCR's real 2023 publication (data/sources/unhcr-iati-2023-americas),
//! checked against figures read from the raw XML here, independently of the importer (by plain
//! line scanning, not by an XML parser), and on small hand-made files for each rejection reason.

use alianzas::core::format::dataset::{Contribution, Metadata};
use alianzas::core::format::validate::parse_dataset;
use alianzas::core::import::iati::{self, Options, Rate, SKIP_NOT_SELECTED};
use alianzas::core::import::Imported;
use std::collections::{BTreeMap, HashSet};

const FILE: &str = "UNHCR-Activities-2023.xml";
const MIRPS: [&str; 6] = [
    "XM-DAC-41121-2023-AME-MEX",
    "XM-DAC-41121-2023-AME-GTM",
    "XM-DAC-41121-2023-AME-HND",
    "XM-DAC-41121-2023-AME-SLV",
    "XM-DAC-41121-2023-AME-CRI",
    "XM-DAC-41121-2023-AME-PANMCO",
];
const AMERICAS_REGIONAL: [&str; 4] = ["XM-DAC-41121-2023-AME", "XM-DAC-41121-2023-AME-RA", "XM-DAC-41121-2023-AME-RB", "XM-DAC-41121-2023-AME-OO"];

fn path() -> String {
    format!("{}/data/sources/unhcr-iati-2023-americas/{FILE}", env!("CARGO_MANIFEST_DIR"))
}

fn metadata() -> Metadata {
    Metadata {
        id: "unhcr-iati-2023".into(),
        title: "UNHCR contributions 2023".into(),
        publisher: "UNHCR".into(),
        source_url: "https://github.com/unhcr-americas/iati".into(),
        licence: "CC BY 4.0".into(),
        currency: "USD".into(),
        dataset_version: "2023-12-19".into(),
        ..Default::default()
    }
}

fn import_real(options: Options) -> Imported {
    let file = std::io::BufReader::new(std::fs::File::open(path()).unwrap());
    iati::import(file, FILE, options).unwrap()
}

fn options() -> Options {
    Options { metadata: metadata(), ..Default::default() }
}

/// Per activity: the number of transactions and the unhcr:value-USD texts, by scanning lines.
fn raw_transactions() -> BTreeMap<String, (usize, Vec<f64>)> {
    let text = std::fs::read_to_string(path()).unwrap();
    let mut out: BTreeMap<String, (usize, Vec<f64>)> = BTreeMap::new();
    let mut current = String::new();
    let inner = |line: &str, tag: &str| -> Option<String> {
        let open = format!("<{tag}>");
        let close = format!("</{tag}>");
        let start = line.find(&open)? + open.len();
        let end = line.find(&close)?;
        Some(line[start..end].to_string())
    };
    for line in text.lines() {
        if let Some(id) = inner(line, "iati-identifier") {
            current = id;
        }
        let t = line.trim_start();
        if t.starts_with("<transaction>") || t.starts_with("<transaction ") {
            out.entry(current.clone()).or_default().0 += 1;
        }
        if let Some(v) = inner(line, "unhcr:value-USD") {
            out.entry(current.clone()).or_default().1.push(v.parse().unwrap());
        }
    }
    out
}

fn of_activity<'a>(cs: &'a [Contribution], activity: &str) -> impl Iterator<Item = &'a Contribution> {
    let prefix = format!("{activity}-t");
    cs.iter().filter(move |c| c.id.strip_prefix(&prefix).is_some_and(|rest| rest.chars().all(|ch| ch.is_ascii_digit())))
}

#[test]
fn every_transaction_of_the_real_file_is_accounted_for() {
    let raw = raw_transactions();
    let count: usize = raw.values().map(|(n, _)| n).sum();
    assert_eq!(count, 2678, "PROVENANCE.txt says 2,678 transactions");
    assert_eq!(raw.len(), 134 - 9, "nine activities (Canada, China, Japan...) have none");
    let imported = import_real(options());
    let r = &imported.report;
    assert_eq!(r.read, count);
    assert!(r.balances(), "{r:?}");
    // All transactions are type 11 (incoming commitment) with a donor, a date and a USD value.
    assert_eq!(r.imported, count, "skipped {:?}, rejected {:?}", r.skipped, r.rejected.first());
    assert!(r.rejected.is_empty() && r.skipped.is_empty());
    let cs = &imported.dataset.contributions;
    assert_eq!(cs.len(), count, "each activity has a single recipient, so one contribution per transaction");
    assert!(cs.iter().all(|c| c.status == "committed" && c.model == "multilateral" && c.kind == "financial"));
    // Every donor named, typed; private donors are one donor.
    assert!(cs.iter().any(|c| c.donor.id == "private-donors" && c.donor.donor_type == "private"));
    assert!(cs.iter().any(|c| c.donor.id == "US-USAGOV" && c.donor.name == "United States" && c.donor.donor_type == "government"));
    // Entities in narratives are resolved.
    assert!(cs.iter().any(|c| c.donor.name == "European Commission - Humanitarian Aid & Civil Protection" && c.donor.id == "XI-IATI-EC_ECHO"));
    // Regional activities: DAC regions became M49 areas.
    let recipients: HashSet<&str> = cs.iter().map(|c| c.recipient.as_str()).collect();
    for area in ["001", "002", "419", "150"] {
        assert!(recipients.contains(area), "{area}");
    }
    // The data date comes from the file when the caller gives none.
    assert_eq!(imported.dataset.metadata.data_as_of, "2023-12-19");
}

#[test]
fn the_real_file_makes_a_valid_dataset() {
    let imported = import_real(Options { budgets_as_requirements: true, ..options() });
    let json = serde_json::to_string(&imported.dataset).unwrap();
    let parsed = parse_dataset(&json).unwrap_or_else(|e| panic!("{:?}", &e[..e.len().min(5)]));
    assert_eq!(parsed.contributions.len(), imported.dataset.contributions.len());
    assert_eq!(parsed.requirements.len(), imported.dataset.requirements.len());
}

#[test]
fn mirps_totals_equal_unhcr_value_usd() {
    let raw = raw_transactions();
    let imported = import_real(options());
    let cs = &imported.dataset.contributions;
    let mut all = 0.0;
    for activity in MIRPS {
        let (n, values) = &raw[activity];
        assert_eq!(values.len(), *n, "{activity}: one value-USD per transaction");
        let expected: f64 = values.iter().sum();
        let got: Vec<&Contribution> = of_activity(cs, activity).collect();
        assert_eq!(got.len(), *n, "{activity}");
        let total: f64 = got.iter().map(|c| c.amount).sum();
        assert!((total - expected).abs() < 1e-6, "{activity}: {total} vs {expected}");
        all += total;
    }
    // 67,453,479.93 MEX + 23,030,147.61 GTM + 15,353,769.73 HND + 11,330,575.03 SLV
    // + 16,789,747.56 CRI + 19,125,898.22 PANMCO.
    assert_eq!((all * 100.0).round() / 100.0, 153_083_618.09);
    // Mexico's money is split over the refugee pillars by UNHCR's outcome areas.
    let mex = of_activity(cs, MIRPS[0]).next().unwrap();
    assert_eq!(mex.recipient, "MEX");
    let ids: Vec<&str> = mex.obligations.iter().map(|o| o.id.as_str()).collect();
    assert!(ids.contains(&"protection") && ids.contains(&"livelihoods") && ids.contains(&"integration"), "{ids:?}");
    assert!((mex.obligations.iter().map(|o| o.share).sum::<f64>() - 1.0).abs() < 1e-9);
}

#[test]
fn budgets_become_requirements_revised_over_original() {
    let imported = import_real(Options { budgets_as_requirements: true, ..options() });
    let reqs = &imported.dataset.requirements;
    // 416 budgets: 47 originals replaced by a revised budget of the same period, 119 of 0 left out.
    assert_eq!(reqs.len(), 250, "{:?}", imported.notes);
    assert!(imported.notes.iter().any(|n| n.starts_with("416 budgets read, 250 became requirements")), "{:?}", imported.notes);
    assert!(imported.notes.iter().any(|n| n.starts_with("47 original budgets left out")));
    let find = |plan: &str, year: i32| reqs.iter().filter(|r| r.plan.as_deref() == Some(plan) && r.year == year).collect::<Vec<_>>();
    let mex = find(MIRPS[0], 2023);
    assert_eq!(mex.len(), 1);
    assert_eq!((mex[0].recipient.as_str(), mex[0].amount, mex[0].label.as_deref()), ("MEX", 119_692_622.0, Some("UNHCR operation in Mexico")));
    // AME-RA 2023: original 7,613,216, revised 6,613,216.
    let ra = find("XM-DAC-41121-2023-AME-RA", 2023);
    assert_eq!(ra.len(), 1);
    assert_eq!((ra[0].recipient.as_str(), ra[0].amount), ("419", 6_613_216.0));
    // Contributions name their activity, so the gap matches by plan.
    let cs = &imported.dataset.contributions;
    assert!(of_activity(cs, MIRPS[0]).all(|c| c.plan.as_deref() == Some(MIRPS[0])));
    // Budgets are not transactions: the report is unchanged.
    assert_eq!(imported.report.read, 2678);
    assert!(imported.report.balances());
}

#[test]
fn activity_filter_keeps_mirps_and_americas_regional() {
    let raw = raw_transactions();
    let mut filter: Vec<String> = MIRPS.iter().chain(&AMERICAS_REGIONAL).map(|s| s.to_string()).collect();
    let imported = import_real(Options { activity_filter: Some(filter.clone()), ..options() });
    let r = &imported.report;
    let kept: usize = filter.iter().map(|a| raw[a.as_str()].0).sum();
    assert_eq!(kept, 34 + 14 + 15 + 9 + 16 + 13 + 7 + 3 + 7 + 5);
    assert_eq!(r.read, 2678);
    assert_eq!(r.imported, kept);
    assert_eq!(r.skipped.get(SKIP_NOT_SELECTED), Some(&(2678 - kept)));
    assert!(r.balances());
    let activities: HashSet<String> = imported.dataset.contributions.iter().map(|c| c.id.rsplit_once("-t").unwrap().0.to_string()).collect();
    filter.sort();
    let mut got: Vec<String> = activities.into_iter().collect();
    got.sort();
    assert_eq!(got, filter);
    // A trailing * selects by prefix: every Americas activity.
    let prefixed = import_real(Options { activity_filter: Some(vec!["XM-DAC-41121-2023-AME*".into()]), ..options() });
    let americas: usize = raw.iter().filter(|(id, _)| id.starts_with("XM-DAC-41121-2023-AME")).map(|(_, (n, _))| n).sum();
    assert_eq!(prefixed.report.imported, americas);
    assert!(americas > kept);
}

// ------------------------------------------------------------------------------------------------
// Hand-made files
// ------------------------------------------------------------------------------------------------

fn activity(id: &str, inner: &str) -> String {
    format!(
        r#"<iati-activity default-currency="USD">
  <iati-identifier>{id}</iati-identifier>
  <reporting-org ref="XX-TEST" type="21"><narrative>Test NGO</narrative></reporting-org>
  <title><narrative>Test activity</narrative></title>
  {inner}
</iati-activity>
"#
    )
}

fn file(activities: &str) -> String {
    format!("<?xml version=\"1.0\"?>\n<iati-activities version=\"2.03\" generated-datetime=\"2024-01-31T10:00:00Z\">\n{activities}</iati-activities>\n")
}

const TX_OK: &str = r#"<transaction><transaction-type code="3"/><transaction-date iso-date="2023-05-02"/><value currency="USD">1000</value><provider-org ref="GB-GOV-1" type="10"><narrative>UK</narrative></provider-org></transaction>"#;

fn run(xml: &str, options: Options) -> Result<Imported, String> {
    iati::import(xml.as_bytes(), "test.xml", options)
}

fn one_rejection(tx: &str, recipient: &str, options: Options) -> (String, String) {
    let xml = file(&activity("XX-TEST-1", &format!("{recipient}\n  {TX_OK}\n  {tx}")));
    let imported = run(&xml, options).unwrap();
    let r = imported.report;
    assert_eq!((r.read, r.imported, r.rejected.len()), (2, 1, 1), "{r:?}");
    assert!(r.balances());
    let rej = r.rejected.into_iter().next().unwrap();
    (rej.location, rej.reason)
}

#[test]
fn missing_transaction_type_is_rejected_with_its_location() {
    let (at, why) = one_rejection(
        r#"<transaction><transaction-date iso-date="2023-05-02"/><value>5</value></transaction>"#,
        r#"<recipient-country code="CO"/>"#,
        options(),
    );
    assert_eq!(at, "test.xml#activity[XX-TEST-1]/transaction[2] (line 9)");
    assert!(why.contains("no transaction-type"), "{why}");
    let (_, why) = one_rejection(
        r#"<transaction><transaction-type code="commitment"/><transaction-date iso-date="2023-05-02"/><value>5</value></transaction>"#,
        r#"<recipient-country code="CO"/>"#,
        options(),
    );
    assert!(why.contains("\"commitment\" is not in the IATI TransactionType codelist"), "{why}");
}

#[test]
fn non_numeric_or_misplaced_value_is_rejected() {
    let (_, why) = one_rejection(
        r#"<transaction><transaction-type code="3"/><transaction-date iso-date="2023-05-02"/><value currency="USD">1.000.000,00</value><provider-org type="10"><narrative>Spain</narrative></provider-org></transaction>"#,
        r#"<recipient-country code="CO"/>"#,
        options(),
    );
    assert!(why.contains("\"1.000.000,00\" is not a number"), "{why}");
    let (_, why) = one_rejection(
        r#"<transaction><transaction-type code="3"/><transaction-date iso-date="2023-05-02"/><value currency="USD" amount="500"/><provider-org type="10"><narrative>Spain</narrative></provider-org></transaction>"#,
        r#"<recipient-country code="CO"/>"#,
        options(),
    );
    assert!(why.contains("not an attribute (amount=\"500\")"), "{why}");
}

#[test]
fn a_currency_without_a_rate_is_rejected_and_a_rate_converts() {
    let tx = r#"<transaction><transaction-type code="2"/><transaction-date iso-date="2023-05-02"/><value currency="EUR">200</value><provider-org type="10"><narrative>Spain</narrative></provider-org></transaction>"#;
    let (_, why) = one_rejection(tx, r#"<recipient-country code="CO"/>"#, options());
    assert_eq!(why, "no exchange rate from EUR to USD: give --ecb-rates (make rates) or --rate EUR=RATE");
    let xml = file(&activity("XX-TEST-1", &format!("<recipient-country code=\"CO\"/>{tx}")));
    let imported = run(&xml, Options { rates: vec![Rate { currency: "EUR".into(), to_dataset_currency: 1.1 }], ..options() }).unwrap();
    let c = &imported.dataset.contributions[0];
    assert_eq!((c.amount, c.status.as_str(), c.donor.id.as_str(), c.donor.donor_type.as_str()), (220.00000000000003, "committed", "spain", "government"));
}

#[test]
fn an_unknown_country_code_is_rejected() {
    let (at, why) = one_rejection(
        r#"<transaction><transaction-type code="3"/><transaction-date iso-date="2023-05-02"/><value>5</value><provider-org type="10"><narrative>Spain</narrative></provider-org><recipient-country code="QQ"/></transaction>"#,
        r#"<recipient-country code="CO"/>"#,
        options(),
    );
    assert!(at.starts_with("test.xml#activity[XX-TEST-1]/transaction[2]"));
    assert!(why.contains("\"QQ\" is not an ISO 3166-1 alpha-2"), "{why}");
    // On the activity, every transaction that relies on it is rejected.
    let xml = file(&activity("XX-TEST-2", &format!(r#"<recipient-region code="12345" vocabulary="1"/>{TX_OK}"#)));
    let r = run(&xml, options()).unwrap().report;
    assert_eq!(r.rejected.len(), 1);
    assert!(r.rejected[0].reason.contains("has no UN M49 area"), "{:?}", r.rejected);
}

#[test]
fn two_recipient_countries_split_the_value_by_percentage() {
    let xml = file(&activity(
        "XX-TEST-1",
        &format!(
            r#"<recipient-country code="GT" percentage="50"/><recipient-country code="HN" percentage="50"/><sector vocabulary="1" code="15250"/>{}"#,
            TX_OK.replace("1000", "1234.57")
        ),
    ));
    let imported = run(&xml, options()).unwrap();
    assert_eq!(imported.report.imported, 1, "one transaction, two contributions");
    let cs = &imported.dataset.contributions;
    assert_eq!(cs.len(), 2);
    assert_eq!((cs[0].id.as_str(), cs[0].recipient.as_str()), ("XX-TEST-1-t1-GTM", "GTM"));
    assert_eq!((cs[1].id.as_str(), cs[1].recipient.as_str()), ("XX-TEST-1-t1-HND", "HND"));
    assert_eq!(cs[0].amount + cs[1].amount, 1234.57);
    assert!((cs[0].amount - 617.285).abs() < 1e-9);
    assert_eq!(cs[0].obligations[0].id, "mine-action", "15250 with no words that name an obligation");
    assert_eq!(cs[0].status, "disbursed");
    // Without percentages, equal parts.
    let xml = file(&activity("XX-TEST-2", &format!(r#"<recipient-country code="GT"/><recipient-country code="HN"/><recipient-region code="1032"/>{TX_OK}"#)));
    let cs = run(&xml, options()).unwrap().dataset.contributions;
    assert_eq!(cs.iter().map(|c| c.recipient.as_str()).collect::<Vec<_>>(), ["GTM", "HND", "013"]);
    assert!((cs.iter().map(|c| c.amount).sum::<f64>() - 1000.0).abs() < 1e-9);
}

#[test]
fn skipped_types_pledges_and_donor_fallbacks() {
    let tx = |code: &str, provider: &str| {
        format!(
            r#"<transaction><transaction-type code="{code}"/><transaction-date iso-date="2022-12-31"/><value currency="USD">10</value>{provider}</transaction>"#
        )
    };
    let funder = r#"<participating-org role="1" type="40" ref="XM-DAC-41301"><narrative>FAO</narrative></participating-org>"#;
    let xml = file(&activity(
        "XX-TEST-1",
        &format!(
            "<recipient-country code=\"CO\"/>{funder}<collaboration-type code=\"8\"/><default-aid-type code=\"D02\" vocabulary=\"1\"/>{}{}{}{}",
            tx("4", ""),
            tx("13", ""),
            tx("1", ""),
            tx("12", "")
        ),
    ));
    let imported = run(&xml, options()).unwrap();
    let r = &imported.report;
    assert_eq!((r.read, r.imported, r.skipped_total(), r.rejected.len()), (4, 2, 2, 0), "{r:?}");
    let english = |k: &String| alianzas::core::import::skip_reason(k, alianzas::core::locale::lang::Lang::En);
    assert!(r.skipped.keys().any(|k| english(k).starts_with("transaction type 4 (Expenditure)")));
    assert!(r.skipped.keys().any(|k| english(k).starts_with("transaction type 1 (Incoming Funds)")));
    let cs = &imported.dataset.contributions;
    // 13 incoming pledge: the single funding participating-org; 12 outgoing pledge: also.
    assert!(cs.iter().all(|c| c.status == "pledged" && c.donor.id == "XM-DAC-41301" && c.donor.donor_type == "multilateral"));
    assert!(cs.iter().all(|c| c.model == "triangular" && c.kind == "technical" && c.year == 2022));
    // No provider and no funder: an outgoing disbursement is the reporting organisation's money,
    // an incoming commitment has no known donor.
    let xml = file(&activity("XX-TEST-2", &format!("<recipient-country code=\"CO\"/>{}{}", tx("3", ""), tx("11", ""))));
    let imported = run(&xml, options()).unwrap();
    assert_eq!(imported.dataset.contributions[0].donor.id, "XX-TEST");
    assert!(imported.report.rejected[0].reason.contains("the donor is unknown"));
}

#[test]
fn malformed_xml_is_an_error_with_its_position() {
    let xml = file(&activity("XX-TEST-1", &format!("<recipient-country code=\"CO\"/>\n{TX_OK}\n<transaction><value>1</transaction>")));
    let err = run(&xml, options()).unwrap_err();
    assert!(err.starts_with("test.xml: not well-formed XML near line 9"), "{err}");
    let err = run(&file(&activity("A", "")).replace("</iati-activities>\n", ""), options()).unwrap_err();
    assert!(err.contains("truncated"), "{err}");
    assert!(run("<html><body/></html>", options()).unwrap_err().contains("not <iati-activities>"));
    assert!(run("", options()).unwrap_err().contains("no <iati-activities>"));
}

#[test]
fn duplicate_and_unidentified_activities() {
    let one = activity("XX-TEST-1", &format!("<recipient-country code=\"CO\"/>{TX_OK}"));
    let xml = file(&format!("{one}{one}{}", activity("", &format!("<recipient-country code=\"CO\"/>{TX_OK}"))));
    let r = run(&xml, options()).unwrap().report;
    assert_eq!((r.read, r.imported, r.skipped_total(), r.rejected.len()), (3, 1, 1, 1));
    assert!(r.rejected[0].location.starts_with("test.xml#activity[?]/transaction[1]"));
    assert!(r.balances());
}

/// Reductions (negative transactions) of a real activity are netted against the same activity,
/// provider, stage and year — the money counts once, as what remains — and a reduction with nothing
/// to reduce is rejected with its reason; both are in the report.
#[test]
fn negative_transactions_are_netted_against_the_same_activity_provider_stage_and_year() {
    let xml = crate::support::fixture("iati-reductions.xml");
    let mut options = Options { metadata: metadata(), ..Default::default() };
    options.metadata.currency = "EUR".into();
    let imported = iati::import(xml.as_bytes(), "iati-reductions.xml", options).unwrap();
    let r = &imported.report;
    assert_eq!((r.read, r.imported, r.rejected.len()), (4, 3, 1), "{r:?}");
    assert!(r.balances());
    let cs = &imported.dataset.contributions;
    let total = |status: &str, year: i32| cs.iter().filter(|c| c.status == status && c.year == year).map(|c| c.amount).sum::<f64>();
    // Disbursed in 2017: 24,700,000 less the 1,221 reduction, counted once.
    assert!((total("disbursed", 2017) - 24_698_779.0).abs() < 0.01, "{}", total("disbursed", 2017));
    // The 24,697,647.19 commitment was paid in full (24,698,779 disbursed): counted once, as disbursed.
    assert_eq!(total("committed", 2017), 0.0);
    assert_eq!(total("disbursed", 2020), 0.0);
    assert!(cs.iter().all(|c| c.amount > 0.0));
    assert_eq!(r.warnings.len(), 2, "{:?}", r.warnings);
    assert!(r.warnings[0].reason.contains("netted") && r.warnings[0].location.contains("transaction[1]"), "{:?}", r.warnings);
    assert!(r.warnings[1].reason.starts_with("counted once: 1 agreement(s)") && r.warnings[1].reason.contains("1 left out"), "{:?}", r.warnings);
    assert!(r.rejected[0].reason.contains("cannot be netted") && r.rejected[0].location.contains("transaction[3]"), "{:?}", r.rejected);
    assert!(imported.notes.iter().any(|n| n.starts_with("1 negative transaction(s) netted") && n.contains("1 could not be")), "{:?}", imported.notes);
}

/// With the ECB's daily rates each amount is converted at the rate of its own value date, the dataset
/// and the report record which rates and days converted each currency, and a currency the table
/// lacks is still rejected with its reason.
#[test]
fn amounts_are_converted_at_the_ecb_rate_of_their_value_date_and_the_conversion_is_recorded() {
    use alianzas::core::import::rates::RateTable;
    let table = RateTable::from_ecb_csv(&crate::support::fixture("ecb-rates-extract.csv"), "ECB euro reference rates (test extract)").unwrap();
    let with_table = Options { metadata: metadata(), rate_table: Some(std::sync::Arc::new(table)), ..Default::default() };
    let xml = crate::support::fixture("iati-reductions.xml");
    let imported = iati::import(xml.as_bytes(), "iati-reductions.xml", with_table).unwrap();
    let cs = &imported.dataset.contributions;
    let committed: f64 = cs.iter().filter(|c| c.status == "committed").map(|c| c.amount).sum();
    // The commitment (EUR 24,697,647.19 on 2017-08-31, USD 1.1825 a euro) was paid in full, in
    // euros: counted once, as disbursed, with no remainder made of the two days' rates.
    assert_eq!(committed, 0.0);
    let disbursed: f64 = cs.iter().filter(|c| c.status == "disbursed").map(|c| c.amount).sum();
    // 24,700,000 on 2017-12-15 (1.1806) less the 1,221 reduction of 2017-11-15 (1.184), netted in dollars.
    assert!((disbursed - (24_700_000.0 * 1.1806 - 1221.0 * 1.184)).abs() < 0.01, "{disbursed}");
    let eur = &imported.dataset.metadata.exchange_rates;
    assert_eq!(eur.len(), 1);
    assert_eq!((eur[0].currency.as_str(), eur[0].first_day.as_str(), eur[0].last_day.as_str()), ("EUR", "2017-08-31", "2020-03-13"));
    assert_eq!(eur[0].amounts, 4);
    assert!(eur[0].source.contains("ECB"));
    assert_eq!(imported.report.exchange_rates, *eur);
    // A currency the table does not know is rejected, and says what to do.
    let tx = r#"<transaction><transaction-type code="3"/><transaction-date iso-date="2017-12-15"/><value currency="MNT">5000</value><provider-org type="10"><narrative>Mongolia</narrative></provider-org></transaction>"#;
    let table = RateTable::from_ecb_csv(&crate::support::fixture("ecb-rates-extract.csv"), "ECB test").unwrap();
    let (_, why) = one_rejection(tx, r#"<recipient-country code="CO"/>"#, Options { rate_table: Some(std::sync::Arc::new(table)), ..options() });
    assert!(why.contains("MNT is not in the ECB test") && why.contains("--rate MNT=RATE"), "{why}");
}

/// The pattern of a real multi-publisher file: a loan of 200,000,000,000 written as "USD" though the
/// publisher's currency was yen. It is kept as published, and the report warns about it.
#[test]
fn an_implausible_amount_is_kept_and_flagged() {
    let tx = |value: &str, date: &str| {
        format!(
            r#"<transaction><transaction-type code="2"/><transaction-date iso-date="{date}"/><value currency="USD">{value}</value><provider-org ref="XX-GOV" type="10"><narrative>A government</narrative></provider-org></transaction>"#
        )
    };
    let inner = format!(
        "<recipient-country code=\"CO\"/>{}{}{}{}",
        tx("1200000", "2023-01-10"),
        tx("2500000", "2023-02-10"),
        tx("900000", "2023-03-10"),
        tx("200000000000", "2023-04-10")
    );
    let mut imported = run(&file(&activity("XX-TEST-1", &inner)), options()).unwrap();
    alianzas::core::import::flag_implausible_amounts(&imported.dataset, &mut imported.report);
    assert_eq!(imported.dataset.contributions.len(), 4, "nothing is dropped");
    let w = &imported.report.warnings;
    assert_eq!(w.len(), 1, "{w:?}");
    assert_eq!(w[0].location, "contribution XX-TEST-1-t4");
    assert!(w[0].reason.contains("USD 200000000000") && w[0].reason.contains("check its currency"), "{}", w[0].reason);
    // Ordinary spreads are not flagged: the real UNHCR file's largest grant is no outlier of that kind.
    let mut real = import_real(options());
    alianzas::core::import::flag_implausible_amounts(&real.dataset, &mut real.report);
    assert!(real.report.warnings.is_empty(), "{:?}", real.report.warnings.iter().take(3).collect::<Vec<_>>());
}
