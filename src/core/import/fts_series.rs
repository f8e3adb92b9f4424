//! A series of dated snapshots of one response's FTS flows → contributions that carry their
//! history: when each was pledged, when it became a commitment, what is still only pledged.
//!
//! Input: a CSV with one row per flow and snapshot — `snapshot` (or `snapshot_commit`),
//! `snapshot_date`, `donor`, `channel`, `description`, `area`, `status` (pledged / committed /
//! paid, with FTS's spellings "Uncommitted", "Commited"…), `amount_usd` — as FTS's emergency tables
//! were saved over time (the Ebola response, Nov 2014 – Apr 2015). Such tables have no flow ids, so
//! a flow is matched across snapshots by its donor, channel and description (channel names read
//! through a documented alias table, "WHO" = "World Health Organization"); when one snapshot holds
//! the same key several times, the k-th occurrence matches the k-th. Every row is a record: rows of
//! flows still listed in the latest snapshot are imported (into that flow's history), rows of flows
//! no longer listed are skipped with that reason, unreadable rows are rejected where they are.

use super::{slug, ImportReport, Imported};
use crate::core::format::cooperation::{self, Facts};
use crate::core::format::dataset::*;
use crate::core::format::geo;
use crate::core::format::validate::is_iso_date;
use std::collections::BTreeMap;

/// Skip reason: the flow is not in the latest snapshot (withdrawn, or re-described so it no
/// longer matches).
pub const SKIP_NO_LONGER_LISTED: &str = "no-longer-listed";

/// Channel names FTS wrote two ways in one series, and the name kept.
pub const CHANNEL_ALIASES: &[(&str, &str)] = &[
    ("WHO", "World Health Organization"),
    ("UNICEF", "United Nations Children's Fund"),
    ("WFP", "World Food Programme"),
    ("IFRC", "International Federation of Red Cross and Red Crescent Societies"),
    ("MSF", "Médecins sans Frontières"),
    ("Ebola MPTF", "Ebola Response Multi-Partner Trust Fund"),
    ("SC", "Save the Children"),
    ("Plan", "Plan International"),
    ("IOM", "International Organization for Migration"),
    ("UNFPA", "United Nations Population Fund"),
    ("FAO", "Food & Agriculture Organization of the United Nations"),
    ("Various Recipients (details not yet provided)", "Various Recipients"),
];

/// Area names the series writes that the country table does not know as written.
const AREA_ALIASES: &[(&str, &str)] = &[("drc", "COD"), ("cote d'ivoire", "CIV"), ("côte d'ivoire", "CIV"), ("region", "011")];

/// Options of `import`.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// The dataset's metadata; an empty `data_as_of` becomes the latest snapshot's date.
    pub metadata: Metadata,
    /// Read the series only up to this date (`YYYY-MM-DD`): an earlier version of the same dataset,
    /// with the same contribution ids. Later rows are skipped (`after-until`).
    pub until: Option<String>,
}

/// Skip reason: the row's snapshot is later than `Options::until`.
pub const SKIP_AFTER_UNTIL: &str = "after-until";

/// A flow's id from its key: the same in every version of the series (FNV-1a, 64 bits).
fn flow_id(key: &FlowKey, occurrence: usize) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for part in [key.0.as_str(), key.1.as_str(), key.2.as_str(), &occurrence.to_string()] {
        for byte in part.bytes().chain(std::iter::once(0x1f)) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("flow-{hash:016x}")
}

fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The name a channel is kept under.
pub fn channel_name(channel: &str) -> String {
    let c = squash(channel);
    CHANNEL_ALIASES.iter().find(|(short, _)| short.eq_ignore_ascii_case(&c)).map_or(c, |(_, long)| (*long).to_string())
}

/// A snapshot's status as a stage: FTS wrote "Uncommitted"/"Pledged", "Committed"/"Commited", "Paid".
pub fn stage(status: &str) -> Option<&'static str> {
    match status.trim().to_ascii_lowercase().as_str() {
        "pledged" | "pledge" | "uncommitted" | "uncommited" => Some("pledged"),
        "committed" | "commited" | "commitment" => Some("committed"),
        "paid" | "paid contribution" | "disbursed" => Some("disbursed"),
        _ => None,
    }
}

/// The recipient an area names: a country, or `011` (Western Africa) for "Region".
pub fn recipient(area: &str) -> Option<String> {
    let a = squash(area).to_lowercase();
    AREA_ALIASES
        .iter()
        .find(|(name, _)| *name == a)
        .map(|(_, code)| (*code).to_string())
        .or_else(|| geo::country_by_name(area.trim()).map(|c| c.iso3.to_string()))
}

/// The donor: governments by their country, private money, funds and banks as multilateral.
pub fn donor(name: &str) -> Donor {
    let name = squash(name);
    let lower = name.to_lowercase();
    let country = geo::country_by_name(&name).map(|c| c.iso3).or_else(|| super::fts::government_country(&name));
    let donor_type = if country.is_some() {
        "government"
    } else if lower.starts_with("private") || lower.contains("foundation") {
        "private"
    } else if ["bank", "fund", "european commission", "united nations", "african union", "organisation", "organization"].iter().any(|w| lower.contains(w)) {
        "multilateral"
    } else {
        "other"
    };
    Donor { id: slug(&name), name, donor_type: donor_type.into(), country: country.map(str::to_string) }
}

/// What matches a flow across snapshots: donor, channel (through the aliases), description.
type FlowKey = (String, String, String);

/// A flow: its key and which occurrence of that key within a snapshot it is.
type FlowId = (FlowKey, usize);

/// One readable row.
struct Row {
    line: usize,
    snapshot: usize,
    date: String,
    key: FlowKey,
    area: String,
    status: &'static str,
    amount: f64,
}

/// A flow that leaves the list and a flow that enters it in the very next snapshot, from the same
/// donor, for the same area, with the same amount (within 1 %), are one flow FTS re-described —
/// typically a pledge whose description changed when it was committed. They are joined (the later
/// rows continue the earlier flow's history, under its id); returns how many were.
fn join_redescribed(flows: &mut BTreeMap<FlowId, Vec<&Row>>, rank: &[usize]) -> usize {
    // A flow re-described twice is joined in two passes.
    let mut total = 0;
    loop {
        let joined = join_once(flows, rank);
        total += joined;
        if joined == 0 {
            return total;
        }
    }
}

fn join_once(flows: &mut BTreeMap<FlowId, Vec<&Row>>, rank: &[usize]) -> usize {
    let latest = flows.values().map(|r| rank[r[r.len() - 1].snapshot]).max().unwrap_or(0);
    let mut ended: Vec<FlowId> = flows.iter().filter(|(_, r)| rank[r[r.len() - 1].snapshot] < latest).map(|(k, _)| k.clone()).collect();
    ended.sort_by_key(|k| (rank[flows[k][0].snapshot], flows[k][0].line));
    let mut joined = 0;
    for old in ended {
        let Some(last) = flows.get(&old).map(|r| r[r.len() - 1]) else { continue };
        let same = |r: &Row| (r.amount - last.amount).abs() <= 0.01 * last.amount.max(r.amount) && r.area == last.area;
        let next = flows
            .iter()
            .filter(|(k, r)| **k != old && k.0 .0 == old.0 .0 && rank[r[0].snapshot] == rank[last.snapshot] + 1 && same(r[0]))
            .min_by_key(|(_, r)| r[0].line)
            .map(|(k, _)| k.clone());
        if let Some(new) = next {
            let rows = flows.remove(&new).unwrap_or_default();
            if let Some(history) = flows.get_mut(&old) {
                history.extend(rows);
                joined += 1;
            }
        }
    }
    joined
}

/// Reads the series; `name` locates rows in the report (`FILE:LINE`).
pub fn import(text: &str, name: &str, options: Options) -> Result<Imported, String> {
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(text.as_bytes());
    let headers = reader.headers().map_err(|e| format!("{name}: the first line cannot be read as CSV headers: {e}"))?.clone();
    let column = |wanted: &[&str]| headers.iter().position(|h| wanted.iter().any(|w| h.trim().eq_ignore_ascii_case(w)));
    let need = |wanted: &[&str]| {
        column(wanted).ok_or_else(|| {
            format!("{name}: no column {} (a snapshot series has snapshot_date, donor, channel, description, area, status and amount_usd)", wanted[0])
        })
    };
    let (c_date, c_donor, c_channel, c_description, c_area, c_status, c_amount) = (
        need(&["snapshot_date"])?,
        need(&["donor"])?,
        need(&["channel"])?,
        need(&["description"])?,
        need(&["area"])?,
        need(&["status"])?,
        need(&["amount_usd", "amount"])?,
    );
    let c_snapshot = column(&["snapshot", "snapshot_commit", "snapshot_id"]);
    let mut report = ImportReport::default();
    let mut rows = Vec::new();
    // Snapshots in the order they are met (several may share a date: each is its own snapshot).
    let mut snapshots: Vec<(String, String)> = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let line = i + 2;
        report.read += 1;
        let at = format!("{name}:{line}");
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                report.reject(at, format!("not readable as CSV: {e}"));
                continue;
            }
        };
        let get = |c: usize| record.get(c).unwrap_or("").trim();
        let date = get(c_date).to_string();
        if !is_iso_date(&date) {
            report.reject(at, format!("snapshot_date {date:?} is not a YYYY-MM-DD date"));
            continue;
        }
        if options.until.as_deref().is_some_and(|until| date.as_str() > until) {
            report.skip(SKIP_AFTER_UNTIL);
            continue;
        }
        let Some(status) = stage(get(c_status)) else {
            report.reject(at, format!("status {:?} is not pledged, committed or paid", get(c_status)));
            continue;
        };
        let amount = match get(c_amount).parse::<f64>() {
            Ok(a) if a.is_finite() && a >= 0.0 => a,
            _ => {
                report.reject(at, format!("amount {:?} is not a non-negative number", get(c_amount)));
                continue;
            }
        };
        if get(c_donor).is_empty() {
            report.reject(at, "no donor".to_string());
            continue;
        }
        let snapshot_id = c_snapshot.map(|c| get(c).to_string()).unwrap_or_else(|| date.clone());
        let snapshot = match snapshots.iter().position(|s| s.0 == snapshot_id) {
            Some(i) => i,
            None => {
                snapshots.push((snapshot_id, date.clone()));
                snapshots.len() - 1
            }
        };
        let key = (squash(get(c_donor)), channel_name(get(c_channel)), squash(get(c_description)));
        rows.push(Row { line, snapshot, date, key, area: get(c_area).to_string(), status, amount });
    }
    if snapshots.is_empty() {
        return Err(format!("{name}: no readable row: nothing to import"));
    }
    // Snapshot order: by date, then as met in the file.
    let mut order: Vec<usize> = (0..snapshots.len()).collect();
    order.sort_by(|&a, &b| snapshots[a].1.cmp(&snapshots[b].1).then(a.cmp(&b)));
    let rank: Vec<usize> = {
        let mut r = vec![0; snapshots.len()];
        for (pos, &s) in order.iter().enumerate() {
            r[s] = pos;
        }
        r
    };
    let latest = order[order.len() - 1];
    // Each flow: (key, occurrence within its snapshot) → its rows by snapshot rank.
    let mut occurrences: BTreeMap<(usize, &FlowKey), usize> = BTreeMap::new();
    let mut flows: BTreeMap<FlowId, Vec<&Row>> = BTreeMap::new();
    let mut sorted: Vec<&Row> = rows.iter().collect();
    sorted.sort_by_key(|r| (rank[r.snapshot], r.line));
    for r in sorted {
        let n = occurrences.entry((r.snapshot, &r.key)).or_default();
        flows.entry((r.key.clone(), *n)).or_default().push(r);
        *n += 1;
    }
    let redescribed = join_redescribed(&mut flows, &rank);
    let mut contributions = Vec::new();
    let (mut matched, mut followed, mut still, mut vanished_pledges) = (0, 0, 0, 0);
    // Flows in order of first appearance, so ids are stable.
    let mut ordered: Vec<(&FlowId, &Vec<&Row>)> = flows.iter().collect();
    ordered.sort_by_key(|(_, rows)| (rank[rows[0].snapshot], rows[0].line));
    for ((key, occurrence), flow_rows) in ordered {
        let last = flow_rows[flow_rows.len() - 1];
        let was_pledged = flow_rows.iter().any(|r| r.status == "pledged");
        if flow_rows.len() > 1 {
            matched += 1;
        }
        if last.snapshot != latest {
            vanished_pledges += usize::from(was_pledged);
            for _ in flow_rows {
                report.skip(SKIP_NO_LONGER_LISTED);
            }
            continue;
        }
        let Some(recipient) = recipient(&last.area) else {
            for r in flow_rows {
                let why = format!("the flow's area in the latest snapshot, {:?}, is not a country the dashboard knows, nor \"Region\"", last.area);
                report.reject(format!("{name}:{}", r.line), why);
            }
            continue;
        };
        report.imported += flow_rows.len();
        if was_pledged {
            if last.status == "pledged" {
                still += 1;
            } else {
                followed += 1;
            }
        }
        // The history: each snapshot where the stage or the amount changed.
        let mut history: Vec<StageAt> = Vec::new();
        for r in flow_rows {
            if history.last().is_none_or(|h| h.status != r.status || (h.amount - r.amount).abs() > 0.005) {
                history.push(StageAt { date: r.date.clone(), status: r.status.to_string(), amount: r.amount });
            }
        }
        let first = flow_rows[0];
        let donor = donor(&key.0);
        // What the flow is called now (a re-described flow keeps its first id, not its first words).
        let (channel, words) = (&last.key.1, &last.key.2);
        let lower = channel.to_lowercase();
        let public_partner = lower.contains("united nations")
            || lower.contains("world health")
            || lower.contains("world food")
            || lower.contains("government")
            || lower.contains("organization for migration");
        let pooled = donor.name.to_lowercase().contains("central emergency response fund") || lower.contains("trust fund");
        let (model, rule, evidence) = cooperation::derive_with_evidence(&Facts {
            donor_type: &donor.donor_type,
            donor_country: donor.country.as_deref(),
            recipient_country: geo::country(&recipient).map(|c| c.iso3),
            public_partner,
            pooled_fund: pooled && donor.donor_type != "government",
            ..Default::default()
        });
        let description = if words.is_empty() { format!("→ {channel}") } else { format!("{words} → {channel}") };
        let kind = if words.to_lowercase().contains("in-kind") || words.to_lowercase().contains("in kind") { "in-kind" } else { "financial" };
        contributions.push(Contribution {
            id: flow_id(key, *occurrence),
            donor,
            recipient,
            year: first.date[..4].parse().unwrap_or(0),
            date: Some(first.date.clone()),
            obligations: vec![ObligationShare { id: "unspecified".into(), share: 1.0 }],
            obligation_rule: None,
            obligation_evidence: None,
            model: model.to_string(),
            model_rule: Some(rule.id().to_string()),
            model_evidence: evidence,
            kind: kind.into(),
            status: last.status.to_string(),
            amount: last.amount,
            plan: None,
            description: Some(description),
            places: Vec::new(),
            history,
            objectives: Vec::new(),
        });
    }
    let latest_date = snapshots[latest].1.clone();
    let mut metadata = options.metadata;
    if metadata.data_as_of.is_empty() {
        metadata.data_as_of = latest_date.clone();
    }
    if !metadata.not_recorded.iter().any(|d| d == "obligation") {
        metadata.not_recorded.push("obligation".into());
    }
    let notes = vec![
        format!("{} snapshots, from {} to {latest_date}", snapshots.len(), snapshots[order[0]].1),
        format!(
            "{matched} flows matched across snapshots by donor, channel and description, {redescribed} re-descriptions joined (same donor, area and amount in the next snapshot); {} in the latest snapshot",
            contributions.len()
        ),
        format!("of the pledges: {followed} became commitments or payments, {still} are still only pledged, {vanished_pledges} are no longer listed"),
    ];
    Ok(Imported { dataset: Dataset::new(metadata, contributions, Vec::new()), report, notes, unmapped: Default::default() })
}

#[cfg(test)]
mod tests {
    use super::*;

    const SERIES: &str = "snapshot_commit,snapshot_date,donor,channel,description,area,status,amount_usd
a,2014-11-11,Japan,WHO,Ebola response,Guinea,Uncommitted,100
a,2014-11-11,Japan,WHO,Ebola response,Guinea,Uncommitted,50
a,2014-11-11,Private (individuals & organisations),UNICEF,Donations,Liberia,Committed,10
a,2014-11-11,Norway,WFP,Food,Region,pledged,70
a,2014-11-11,Sweden,WHO,Pledge for labs,Sierra Leone,pledged,40
b,2014-12-01,Japan,World Health Organization,Ebola  response,Guinea,Commited,100
b,2014-12-01,Japan,World Health Organization,Ebola response,Guinea,Uncommitted,50
b,2014-12-01,Private (individuals & organisations),United Nations Children's Fund,Donations,Liberia,committed,12
b,2014-12-01,Canada,MSF,New,Atlantis,committed,5
b,2014-12-01,Sweden,World Health Organization,Laboratories in Sierra Leone,Sierra Leone,committed,40
";

    #[test]
    fn flows_are_matched_across_snapshots_and_keep_their_history() {
        let i = import(SERIES, "s.csv", Options { metadata: Metadata { currency: "USD".into(), ..Default::default() }, until: None }).unwrap();
        let r = &i.report;
        assert_eq!((r.read, r.imported, r.skipped_total(), r.rejected.len()), (10, 8, 1, 1), "{r:?}");
        assert!(r.balances());
        assert!(r.rejected[0].location == "s.csv:10" && r.rejected[0].reason.contains("Atlantis"));
        let cs = &i.dataset.contributions;
        assert_eq!(cs.len(), 4);
        // Sweden's pledge was re-described when committed: one flow, pledged then committed.
        let sweden = cs.iter().find(|c| c.donor.name == "Sweden").unwrap();
        assert_eq!(sweden.history.iter().map(|h| h.status.as_str()).collect::<Vec<_>>(), ["pledged", "committed"]);
        assert!(sweden.description.as_deref().unwrap().starts_with("Laboratories in Sierra Leone"), "described as it is now");
        // Japan's first pledge became a commitment; its second is still a pledge (k-th matches k-th).
        assert_eq!(cs[0].history.iter().map(|h| h.status.as_str()).collect::<Vec<_>>(), ["pledged", "committed"]);
        assert_eq!((cs[0].status.as_str(), cs[0].date.as_deref(), cs[0].year), ("committed", Some("2014-11-11"), 2014));
        assert_eq!((cs[1].status.as_str(), cs[1].history.len()), ("pledged", 1));
        // The private donation grew: two entries, the same stage.
        assert_eq!(cs[2].history.iter().map(|h| h.amount).collect::<Vec<_>>(), [10.0, 12.0]);
        assert_eq!(cs[2].donor.donor_type, "private");
        assert!(i.notes.iter().any(|n| n.contains("2 became commitments or payments, 1 are still only pledged, 1 are no longer listed")), "{:?}", i.notes);
        assert!(i.notes.iter().any(|n| n.contains("1 re-descriptions joined")), "{:?}", i.notes);
        assert_eq!(i.dataset.metadata.data_as_of, "2014-12-01");
        // An earlier version of the series: the same flows keep their ids.
        let earlier =
            import(SERIES, "s.csv", Options { metadata: Metadata { currency: "USD".into(), ..Default::default() }, until: Some("2014-11-30".into()) }).unwrap();
        assert_eq!(earlier.report.skipped_total(), 5);
        assert!(earlier.report.balances());
        let id_of = |ds: &Dataset, donor: &str, status: &str| {
            ds.contributions.iter().find(|c| c.donor.name == donor && c.history[0].status == status).map(|c| c.id.clone())
        };
        assert_eq!(id_of(&earlier.dataset, "Japan", "pledged"), id_of(&i.dataset, "Japan", "pledged"));
        assert_eq!(earlier.dataset.contributions.iter().filter(|c| c.status == "pledged").count(), 4);
    }

    #[test]
    fn names_stages_and_areas() {
        assert_eq!(channel_name("WHO"), "World Health Organization");
        assert_eq!(stage("Uncommited"), Some("pledged"));
        assert_eq!(stage("Paid"), Some("disbursed"));
        assert_eq!(stage("maybe"), None);
        assert_eq!(recipient("Region").as_deref(), Some("011"));
        assert_eq!(recipient("Drc").as_deref(), Some("COD"));
        assert_eq!(recipient("Sierra Leone").as_deref(), Some("SLE"));
        assert_eq!(donor("United States of America").country.as_deref(), Some("USA"));
        assert_eq!(donor("World Bank").donor_type, "multilateral");
    }
}
