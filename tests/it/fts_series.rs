//! `--from fts-snapshots` on the real Ebola series (12 FTS snapshots, Nov 2014 – Apr 2015): every
//! row accounted for, the latest snapshot's money reproduced, and two versions of the series
//! compared as the page compares them.

use alianzas::core::format::dataset::Metadata;
use alianzas::core::import::fts_series::{import, Options};
use alianzas::core::tools::diff;

const SERIES: &str = "fts-ebola-pledges-2014/fts_ebola_flows_snapshots_2014-2015.csv";

fn series(until: Option<&str>) -> alianzas::core::import::Imported {
    let options = Options { metadata: Metadata { currency: "USD".into(), ..crate::support::test_metadata() }, until: until.map(str::to_string) };
    import(&crate::support::source(SERIES), "series.csv", options).unwrap()
}

/// The rows of the snapshot read last (the file's last snapshot of the latest date), read here
/// with the csv crate: the dataset holds exactly their money, flow by flow.
#[test]
fn the_latest_snapshot_is_reproduced_and_every_row_accounted_for() {
    let text = crate::support::source(SERIES);
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let latest_date = rows.iter().map(|r| r[1].to_string()).max().unwrap();
    let latest_commit = rows.iter().rfind(|r| r[1] == latest_date).unwrap()[0].to_string();
    let latest: Vec<&csv::StringRecord> = rows.iter().filter(|r| r[0] == latest_commit).collect();
    let i = series(None);
    let r = &i.report;
    assert_eq!(r.read, rows.len());
    assert!(r.balances());
    // Rows of the latest snapshot whose area the dashboard cannot place are rejected; the others are the dataset.
    let rejected_lines: std::collections::HashSet<usize> = r.rejected.iter().map(|x| x.location.rsplit(':').next().unwrap().parse().unwrap()).collect();
    let kept: f64 = rows
        .iter()
        .enumerate()
        .filter(|(n, row)| row[0] == latest_commit && !rejected_lines.contains(&(n + 2)))
        .map(|(_, row)| row[7].parse::<f64>().unwrap())
        .sum();
    let total: f64 = i.dataset.contributions.iter().map(|c| c.amount).sum();
    assert!((total - kept).abs() < 0.01, "{total} vs {kept}");
    assert!(latest.len() >= i.dataset.contributions.len());
    for c in &i.dataset.contributions {
        let last = c.history.last().unwrap();
        assert_eq!((last.status.as_str(), last.amount), (c.status.as_str(), c.amount), "{}", c.id);
        assert!(c.history.windows(2).all(|w| w[0].date <= w[1].date), "{}: oldest first", c.id);
    }
    crate::support::assert_dataset_validates(&i.dataset);
}

/// Two versions of the series (up to 19 January 2015, and the whole): flows keep their ids, and
/// the comparison counts as moved forward exactly the flows whose history says so.
#[test]
fn two_versions_compare_flow_by_flow() {
    let (before, after) = (series(Some("2015-01-19")), series(None));
    let c = diff::changes(&before.dataset, &after.dataset, 10);
    let at = |history: &[alianzas::core::format::dataset::StageAt], date: &str| history.iter().rfind(|h| h.date.as_str() <= date).map(|h| h.status.clone());
    let expected = after
        .dataset
        .contributions
        .iter()
        .filter(|x| before.dataset.contributions.iter().any(|y| y.id == x.id))
        .filter(|x| at(&x.history, "2015-01-19").as_deref() == Some("pledged") && x.status != "pledged")
        .count();
    assert_eq!(c.moved_forward, expected);
    assert!(!c.diff.added.is_empty() && !c.diff.changed.is_empty());
    assert_eq!(c.largest.len(), 10);
    // Funding is committed + disbursed, in each version, never with pledges.
    let funding = |ds: &alianzas::core::format::dataset::Dataset| ds.contributions.iter().filter(|x| x.status != "pledged").map(|x| x.amount).sum::<f64>();
    assert!((c.diff.totals_before.funding - funding(&before.dataset)).abs() < 0.01);
    assert!((c.diff.totals_after.funding - funding(&after.dataset)).abs() < 0.01);
}
