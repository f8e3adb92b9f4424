//! First-level divisions (ISO 3166-2) as polygons, to turn a source's coordinates into places by
//! point-in-polygon: the boundaries the dashboard draws (`build/geo/admin1-XX.json`, Natural
//! Earth's admin-1 as `web-js/geo.mjs` writes it, with its code corrections), with the `geo` crate.

use geo::{BoundingRect, Contains, Coord, LineString, MultiPolygon, Point, Polygon, Rect};
use serde_json::Value;
use std::collections::HashMap;

/// One division: its ISO 3166-2 code, its English name and its shape.
pub struct Division {
    /// ISO 3166-2 code, e.g. `MX-CHP`.
    pub id: String,
    /// English name, e.g. `Chiapas`.
    pub name: String,
    shape: MultiPolygon<f64>,
    bbox: Option<Rect<f64>>,
}

/// The divisions of the countries loaded, by ISO 3166-1 alpha-2 code.
#[derive(Default)]
pub struct Admin1Index {
    by_country: HashMap<String, Vec<Division>>,
}

impl std::fmt::Debug for Admin1Index {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Admin1Index({} countries)", self.by_country.len())
    }
}

/// A GeoJSON ring (`[[lon, lat], …]`) as a line string.
fn ring(v: &Value) -> Option<LineString<f64>> {
    let points = v.as_array()?.iter().map(|p| Some(Coord { x: p.get(0)?.as_f64()?, y: p.get(1)?.as_f64()? })).collect::<Option<Vec<_>>>()?;
    Some(LineString::from(points))
}

/// A GeoJSON polygon (`[exterior, holes…]`).
fn polygon(v: &Value) -> Option<Polygon<f64>> {
    let mut rings = v.as_array()?.iter().map(ring);
    let exterior = rings.next()??;
    Some(Polygon::new(exterior, rings.collect::<Option<Vec<_>>>()?))
}

impl Admin1Index {
    /// Adds the divisions of country `iso2` from a GeoJSON FeatureCollection whose features are
    /// named (`properties.name`) by their ISO 3166-2 code, with the English name in `properties.en`.
    pub fn add_geojson(&mut self, iso2: &str, text: &str) -> Result<usize, String> {
        let doc: Value = serde_json::from_str(text).map_err(|e| format!("not valid GeoJSON: {e}"))?;
        let features = doc.get("features").and_then(Value::as_array).ok_or("no features: expected a GeoJSON FeatureCollection")?;
        let list = self.by_country.entry(iso2.to_ascii_uppercase()).or_default();
        for f in features {
            let Some(id) = f.pointer("/properties/name").and_then(Value::as_str) else { continue };
            let name = f.pointer("/properties/en").and_then(Value::as_str).unwrap_or(id).to_string();
            let geometry = f.get("geometry").unwrap_or(&Value::Null);
            let coordinates = geometry.get("coordinates").unwrap_or(&Value::Null);
            let shape = match geometry.get("type").and_then(Value::as_str) {
                Some("Polygon") => polygon(coordinates).map(|p| MultiPolygon::new(vec![p])),
                Some("MultiPolygon") => coordinates.as_array().and_then(|ps| ps.iter().map(polygon).collect::<Option<Vec<_>>>()).map(MultiPolygon::new),
                _ => None,
            };
            let Some(shape) = shape else { return Err(format!("division {id}: its geometry is not a Polygon or MultiPolygon of [lon, lat] pairs")) };
            let bbox = shape.bounding_rect();
            list.push(Division { id: id.to_string(), name, shape, bbox });
        }
        Ok(list.len())
    }

    /// No divisions loaded.
    pub fn is_empty(&self) -> bool {
        self.by_country.values().all(Vec::is_empty)
    }

    /// The division of country `iso2` that holds the point, if any (a point on a shared border
    /// goes to the first division listed).
    pub fn locate(&self, iso2: &str, lon: f64, lat: f64) -> Option<&Division> {
        let point = Point::new(lon, lat);
        let within = |b: &Rect<f64>| (b.min().x..=b.max().x).contains(&lon) && (b.min().y..=b.max().y).contains(&lat);
        self.by_country.get(&iso2.to_ascii_uppercase())?.iter().find(|d| d.bbox.as_ref().is_some_and(within) && d.shape.contains(&point))
    }
}

/// An IATI `<pos>` ("latitude longitude", WGS 84) as (lon, lat); `None` when it is not two numbers
/// within range.
pub fn parse_pos(pos: &str) -> Option<(f64, f64)> {
    let mut parts = pos.split_whitespace().map(str::parse::<f64>);
    let (Some(Ok(lat)), Some(Ok(lon)), None) = (parts.next(), parts.next(), parts.next()) else { return None };
    ((-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon)).then_some((lon, lat))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_point_is_found_in_its_division_and_nowhere_else() {
        // Two squares side by side, one with a hole.
        let geojson = r#"{"type":"FeatureCollection","features":[
          {"type":"Feature","properties":{"name":"XX-A","en":"A"},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1],[0,0]],[[0.4,0.4],[0.6,0.4],[0.6,0.6],[0.4,0.6],[0.4,0.4]]]}},
          {"type":"Feature","properties":{"name":"XX-B","en":"B"},"geometry":{"type":"MultiPolygon","coordinates":[[[[1,0],[2,0],[2,1],[1,1],[1,0]]]]}}]}"#;
        let mut index = Admin1Index::default();
        assert_eq!(index.add_geojson("xx", geojson), Ok(2));
        assert_eq!(index.locate("XX", 0.2, 0.2).map(|d| d.id.as_str()), Some("XX-A"));
        assert_eq!(index.locate("XX", 1.5, 0.5).map(|d| d.id.as_str()), Some("XX-B"));
        assert!(index.locate("XX", 0.5, 0.5).is_none(), "in the hole");
        assert!(index.locate("XX", 5.0, 5.0).is_none());
        assert!(index.locate("YY", 0.2, 0.2).is_none(), "another country");
        assert_eq!(parse_pos("14.9 -92.26"), Some((-92.26, 14.9)));
        assert_eq!(parse_pos("91 0"), None);
        assert_eq!(parse_pos("1,2"), None);
    }
}
