// `make fts-locations`: refreshes src/core/import/fts_locations.tsv from FTS's public location list.
// Needs the internet; the bundled table is what the importer uses when it has none.
import { writeFileSync } from 'node:fs';

const URL = 'https://api.hpc.tools/v1/public/location';
const answer = await fetch(URL);
if (!answer.ok) throw new Error(`${URL} answered ${answer.status}`);
const { data } = await answer.json();
if (!Array.isArray(data) || data.length < 200) throw new Error(`${URL}: expected a list of ~250 locations, got ${data?.length}`);
const today = new Date().toISOString().slice(0, 10);
const rows = data
  .map((l) => [l.id, l.iso3 ?? '', String(l.name).replace(/[\t\n]/g, ' '), l.adminLevel ?? 0])
  .sort((a, b) => a[0] - b[0]);
const header = [
  '# OCHA FTS locations: id, ISO 3166 alpha-3 (empty for Global and regions), name as FTS gives it, admin level.',
  `# Source: the response of ${URL} (FTS open data, OCHA; cite "OCHA Financial Tracking Service (fts.unocha.org)"),`,
  `# retrieved ${today} by data/scripts/fts-locations.mjs.`,
  '# v1 and v2 give the same ids and ISO3 codes; names may differ in case or form, so names are matched without case.',
  '# Refresh: make fts-locations (or pass --locations with a newer copy of the endpoint\'s JSON).',
  'id\tiso3\tname\tadmin_level',
];
writeFileSync('src/core/import/fts_locations.tsv', [...header, ...rows.map((r) => r.join('\t'))].join('\n') + '\n');
console.log(`wrote ${rows.length} FTS locations`);
