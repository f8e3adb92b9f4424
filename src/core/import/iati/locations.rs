//! Activity `<location>`s with coordinates → places (ISO 3166-2 first-level divisions) by
//! point-in-polygon (`Options::admin1`). Only points the publisher marks exact (IATI
//! GeographicExactness 1) and that do not stand for a whole country are used. IATI gives no share of the money per location: an
//! activity's contributions are split evenly over the distinct divisions its points fall in, as
//! AidData's own `level_1a` splits projects over their locations. Points in no division of the
//! contribution's recipient are counted in the notes and the report's warnings, never guessed.

use super::Importer;
use crate::core::format::dataset::Place;
use crate::core::format::geo;
use crate::core::import::admin1::parse_pos;

/// Locations bookkeeping for the notes.
#[derive(Default)]
pub(super) struct LocationCounts {
    points: usize,
    placed: usize,
    unmatched: usize,
    unreadable: usize,
    /// Points that stand for a whole country (its centroid): they say nothing below the country.
    country_level: usize,
    /// Points the publisher does not mark exact (exactness 2, or not stated): often a country's
    /// or region's centre.
    approximate: usize,
    contributions: usize,
}

impl LocationCounts {
    pub(super) fn notes(&self) -> Vec<String> {
        if self.points + self.unreadable == 0 {
            return Vec::new();
        }
        let mut notes = vec![format!(
            "{} location points: {} fell in a first-level division of the activity's recipient, {} in none (see the warnings); {} contributions got places, split evenly over their divisions (IATI gives no share per location)",
            self.points, self.placed, self.unmatched, self.contributions
        )];
        if self.country_level > 0 {
            notes.push(format!(
                "{} location points stand for a whole country (feature designation PCL…, or named as a country): a country's centre is not a place in it, so they place no money",
                self.country_level
            ));
        }
        if self.approximate > 0 {
            notes.push(format!(
                "{} location points are not marked exact (exactness 2 \"approximate\", or not stated): such points are often a country's or region's centre, so they place no money",
                self.approximate
            ));
        }
        if self.unreadable > 0 {
            notes.push(format!("{} location positions are not \"latitude longitude\" within range: not used", self.unreadable));
        }
        notes
    }
}

impl Importer<'_> {
    /// Places for the contributions the activity just added (from `first`): the divisions of
    /// their recipient that the activity's points fall in.
    pub(super) fn activity_places(&mut self, a: &super::activity::Activity, id: &str, first: usize) {
        let Some(index) = self.options.admin1.clone() else { return };
        if a.locations.is_empty() || first >= self.contributions.len() {
            return;
        }
        let mut recipients: Vec<String> = self.contributions[first..].iter().map(|c| c.recipient.clone()).collect();
        recipients.sort();
        recipients.dedup();
        let iso2: Vec<(String, &str)> = recipients.iter().filter_map(|r| geo::country(r).map(|c| (r.clone(), c.iso2))).collect();
        let mut places: Vec<(String, Place)> = Vec::new();
        let mut unmatched = Vec::new();
        for l in &a.locations {
            let Some(pos) = l.pos.as_deref() else { continue };
            let Some((lon, lat)) = parse_pos(pos) else {
                self.locations.unreadable += 1;
                continue;
            };
            // Ukraine's centre, approximately, would put the country's money in one province.
            // Only points the publisher marks exact: unmarked ones are as often a country's centre
            // ("UA - Eastern Partnership Countries" at Ukraine's) as a place in it.
            if l.exactness.as_deref().map(str::trim) != Some("1") {
                self.locations.approximate += 1;
                continue;
            }
            let names_a_country = l.name.text.as_deref().is_some_and(|n| geo::country_by_name(n).is_some());
            if names_a_country || l.feature_designation.as_deref().is_some_and(|f| f.to_ascii_uppercase().starts_with("PCL")) {
                self.locations.country_level += 1;
                continue;
            }
            self.locations.points += 1;
            match iso2.iter().find_map(|(iso3, code)| index.locate(code, lon, lat).map(|d| (iso3, d))) {
                Some((iso3, d)) => {
                    self.locations.placed += 1;
                    if !places.iter().any(|(r, p)| r == iso3 && p.id == d.id) {
                        places.push((iso3.clone(), Place { id: d.id.clone(), name: d.name.clone(), share: None }));
                    }
                }
                None => {
                    self.locations.unmatched += 1;
                    unmatched.push(format!("{} ({pos})", l.name.text.as_deref().or(l.reference.as_deref()).unwrap_or("unnamed")));
                }
            }
        }
        if !unmatched.is_empty() {
            let shown: Vec<&str> = unmatched.iter().take(5).map(String::as_str).collect();
            let more = if unmatched.len() > 5 { format!(" and {} more", unmatched.len() - 5) } else { String::new() };
            self.report.warn(
                format!("{}#activity[{id}]/location", self.name),
                format!(
                    "{} location point(s) in no first-level division of {}: {}{more}; they place no money",
                    unmatched.len(),
                    recipients.join(", "),
                    shown.join("; ")
                ),
            );
        }
        for c in &mut self.contributions[first..] {
            let own: Vec<Place> = places.iter().filter(|(r, _)| *r == c.recipient).map(|(_, p)| p.clone()).collect();
            if !own.is_empty() {
                c.places = own;
                self.locations.contributions += 1;
            }
        }
    }
}
