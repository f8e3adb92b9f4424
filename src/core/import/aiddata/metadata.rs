//! What a release's datapackage.json says about it → the dataset's metadata, where the publisher
//! running the import did not say otherwise.

use crate::core::format::dataset::Metadata;
use serde_json::Value;

/// Where AidData publishes its research releases, when the datapackage names no link.
pub const DEFAULT_SOURCE_URL: &str = "https://github.com/AidData-WM/public_datasets";

/// A value of the datapackage: a top-level string field, else an `extras` entry (`{"key", "value"}`,
/// the form AidData's releases use), compared without case; blank values count as absent.
fn field(dp: &Value, top: &[&str], extra: &[&str]) -> Option<String> {
    let text = |v: &Value| v.as_str().map(str::trim).filter(|s| !s.is_empty()).map(str::to_string);
    top.iter().find_map(|k| dp.get(*k).and_then(text)).or_else(|| {
        let extras = dp.get("extras")?.as_array()?;
        extra.iter().find_map(|k| {
            extras
                .iter()
                .find(|e| e.get("key").and_then(Value::as_str).is_some_and(|x| x.trim().eq_ignore_ascii_case(k)))
                .and_then(|e| e.get("value"))
                .and_then(text)
        })
    })
}

/// A date as releases write it — `2016-04-18`, `2016-04-18T…`, `04/18/16` or `04/18/2016`
/// (month first, as AidData's "Date Updated") — as `YYYY-MM-DD`.
pub fn release_date(text: &str) -> Option<String> {
    let text = text.trim();
    let iso = text.get(..10).filter(|d| crate::core::format::validate::is_iso_date(d));
    if let Some(d) = iso {
        return Some(d.to_string());
    }
    let parts: Vec<&str> = text.split('/').collect();
    let [m, d, y] = parts.as_slice() else { return None };
    let (m, d): (u32, u32) = (m.trim().parse().ok()?, d.trim().parse().ok()?);
    let y: u32 = match y.trim() {
        y if y.len() == 2 => 2000 + y.parse::<u32>().ok()?,
        y if y.len() == 4 => y.parse().ok()?,
        _ => return None,
    };
    let date = format!("{y:04}-{m:02}-{d:02}");
    crate::core::format::validate::is_iso_date(&date).then_some(date)
}

/// Fills the metadata fields still empty from the datapackage; returns notes for the person
/// running the import (the citation, a contradiction in the licence fields). A datapackage that is
/// not JSON is noted, not fatal: the flags can say the same.
pub(super) fn complete(m: &mut Metadata, text: Option<&[u8]>) -> Vec<String> {
    let mut notes = Vec::new();
    let dp: Value = match text.map(serde_json::from_slice::<Value>) {
        Some(Ok(v)) => v,
        Some(Err(e)) => {
            notes.push(format!("datapackage.json cannot be read as JSON ({e}); the metadata must come from the flags"));
            Value::Null
        }
        None => {
            notes.push("the release has no datapackage.json; the metadata must come from the flags".into());
            Value::Null
        }
    };
    let fill = |slot: &mut String, value: Option<String>| {
        if slot.trim().is_empty() {
            *slot = value.unwrap_or_default();
        }
    };
    fill(&mut m.title, field(&dp, &["title", "name"], &[]));
    if m.description.is_none() {
        m.description = field(&dp, &["description"], &[]);
    }
    let publisher = field(&dp, &["publisher"], &["Publishers Name"]).unwrap_or_else(|| "AidData".into());
    let system = field(&dp, &[], &["Sources Name"]);
    fill(
        &mut m.publisher,
        Some(match system {
            Some(s) => format!("{publisher}, from {s}"),
            None => publisher,
        }),
    );
    // The licence: its name (and version) wins over its id, which can contradict it.
    let licence_top = dp.get("licenses").and_then(Value::as_array).and_then(|l| l.first()).cloned().unwrap_or(Value::Null);
    let name = field(&licence_top, &["title", "name"], &[]).or_else(|| field(&dp, &["license"], &["Licenses Name"]));
    let version = field(&dp, &[], &["Licenses Version"]);
    let id = field(&dp, &[], &["Licenses Id"]);
    let licence = name.clone().map(|n| match &version {
        Some(v) if !n.contains(v.as_str()) => format!("{n} {v}"),
        _ => n,
    });
    if let (Some(n), Some(i)) = (&licence, &id) {
        notes.push(format!("datapackage.json names the licence “{n}” and gives the licence id “{i}”: the name is used"));
    }
    fill(&mut m.licence, licence.or(id));
    if m.licence_url.is_none() {
        m.licence_url = field(&licence_top, &["path", "url"], &[]).or_else(|| field(&dp, &[], &["Licenses Url"]));
    }
    fill(&mut m.source_url, Some(field(&dp, &["homepage"], &["Source Link", "Sources Web"]).unwrap_or_else(|| DEFAULT_SOURCE_URL.into())));
    fill(&mut m.data_as_of, field(&dp, &["last_updated", "created"], &["Date Updated"]).and_then(|d| release_date(&d)));
    fill(&mut m.dataset_version, field(&dp, &["version"], &[]));
    if let Some(c) = field(&dp, &[], &["Citation"]) {
        notes.push(format!("cite the source as: {c}"));
    }
    notes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_as_releases_write_them() {
        assert_eq!(release_date("04/18/16").as_deref(), Some("2016-04-18"));
        assert_eq!(release_date("04/18/2016").as_deref(), Some("2016-04-18"));
        assert_eq!(release_date("2016-04-18T10:00:00Z").as_deref(), Some("2016-04-18"));
        assert_eq!(release_date("18/04/16"), None);
        assert_eq!(release_date(""), None);
    }

    #[test]
    fn the_datapackage_fills_what_the_flags_left_empty() {
        let dp = br#"{"title": "X AIMS", "version": "1.2", "extras": [
            {"key": "Licenses Name", "value": "Open Data Commons Attribution"}, {"key": "Licenses Version", "value": "1.0"},
            {"key": "Licenses Id", "value": "odc-pddl"}, {"key": "Sources Name", "value": "X AIMS"}, {"key": "Date Updated", "value": "04/18/16"},
            {"key": "Publishers Name", "value": "AidData"}, {"key": "Sources Web", "value": ""}]}"#;
        let mut m = Metadata { title: "Mine".into(), ..Default::default() };
        let notes = complete(&mut m, Some(dp));
        assert_eq!(m.title, "Mine");
        assert_eq!(m.licence, "Open Data Commons Attribution 1.0");
        assert_eq!(m.publisher, "AidData, from X AIMS");
        assert_eq!(m.source_url, DEFAULT_SOURCE_URL);
        assert_eq!((m.data_as_of.as_str(), m.dataset_version.as_str()), ("2016-04-18", "1.2"));
        assert!(notes.iter().any(|n| n.contains("odc-pddl")), "{notes:?}");
        let mut m = Metadata::default();
        let notes = complete(&mut m, Some(b"not json"));
        assert!(notes[0].contains("cannot be read as JSON"));
        assert_eq!((m.publisher.as_str(), m.data_as_of.as_str()), ("AidData", ""));
    }
}
