//! Where in the recipient country: locations.csv's GeoNames hierarchy → the first-level divisions
//! of each project, as `places` split equally (as AidData's own level_1a table splits amounts).

use super::tables::Table;
use crate::core::format::dataset::Place;
use std::collections::HashMap;

/// A project's distinct first-level divisions, in the order first read: (ISO alpha-2 of the
/// country, place without share).
pub(super) type ProjectPlaces = HashMap<String, Vec<(String, Place)>>;

/// The first-level division of a GeoNames hierarchy: `6295630|6255150|CO|03` (Earth, continent,
/// country, admin1…) with names `Earth|South America|Colombia|Departamento de Arauca` → (`CO`,
/// `CO-ARA`, "Departamento de Arauca"): GeoNames' admin1 code `CO.03` read as ISO 3166-2 through
/// Natural Earth's table (`admin1_geonames.tsv`). None when the place is the whole country, a
/// feature outside any division (admin1 `00`, or a feature's own id in its place), or a code the
/// table does not know.
pub fn admin1(codes: &str, names: &str) -> Option<(String, String, String)> {
    let codes: Vec<&str> = codes.split('|').map(str::trim).collect();
    let names: Vec<&str> = names.split('|').map(str::trim).collect();
    let (country, code) = (*codes.get(2)?, *codes.get(3)?);
    let is_code = |c: &str| !c.is_empty() && c.len() <= 3 && c.chars().all(|ch| ch.is_ascii_alphanumeric());
    if country.len() != 2 || !is_code(code) || code == "00" {
        return None;
    }
    let name = names.get(3).filter(|n| !n.is_empty()).map_or_else(|| code.to_string(), |n| n.to_string());
    let iso = crate::core::import::iso_3166_2_of_geonames(&format!("{}.{code}", country.to_uppercase()))?;
    Some((country.to_uppercase(), iso.to_string(), name))
}

/// Every project's first-level divisions from locations.csv (`project_id`, `gazetteer_adm_code`,
/// `gazetteer_adm_name`).
pub(super) fn read(table: &Table) -> Result<ProjectPlaces, String> {
    let project = table.require("project_id", "the project each location belongs to")?;
    let codes = table.require("gazetteer_adm_code", "the GeoNames hierarchy of each location")?;
    let names = table.column(&["gazetteer_adm_name"]);
    let mut out: ProjectPlaces = HashMap::new();
    for row in &table.rows {
        let Some((country, id, name)) = admin1(row.cell(codes), row.get(names)) else { continue };
        let list = out.entry(row.cell(project).to_string()).or_default();
        if !list.iter().any(|(_, p)| p.id == id) {
            list.push((country, Place { id, name, share: None }));
        }
    }
    Ok(out)
}

/// The places of a project in one recipient country (ISO alpha-2), each with an equal share.
pub(super) fn in_country(places: Option<&Vec<(String, Place)>>, iso2: &str) -> Vec<Place> {
    let list: Vec<&Place> = places.into_iter().flatten().filter(|(c, _)| c == iso2).map(|(_, p)| p).collect();
    let share = 1.0 / list.len().max(1) as f64;
    list.into_iter().map(|p| Place { share: Some(share), ..p.clone() }).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_level_divisions_from_the_geonames_hierarchy() {
        assert_eq!(
            admin1("6295630|6255150|CO|03", "Earth|South America|Colombia|Departamento de Arauca"),
            Some(("CO".into(), "CO-ARA".into(), "Departamento de Arauca".into()))
        );
        assert_eq!(admin1("6295630|6255150|CO|02|3674962", "Earth|South America|Colombia|Antioquia|Medellín").unwrap().1, "CO-ANT");
        assert_eq!(admin1("6295630|6255150|CO", "Earth|South America|Colombia"), None);
        assert_eq!(admin1("6295630|6255150|CO|00", "Earth|South America|Colombia|Magdalena River"), None);
        assert_eq!(admin1("6295630|6255150|CO|9179883", "Earth|South America|Colombia|Rafael Nuñez"), None);
        assert_eq!(admin1("", ""), None);
    }
}
