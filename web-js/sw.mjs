// Trunk post-build hook: writes sw.js, the service worker that keeps the site readable offline.
// It lists every file of this build; the cache name is a hash of their contents, so a new build
// replaces the old cache.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
const files = [];
const walk = (d) => {
  for (const name of readdirSync(d)) {
    const path = join(d, name);
    if (statSync(path).isDirectory()) walk(path);
    // The .br and .gz copies (web-js/compress.mjs) are the same files, served by Content-Encoding.
    else if (name !== 'sw.js' && !/\.(br|gz)$/.test(name)) files.push(relative(dir, path).split('\\').join('/'));
  }
};
walk(dir);
// Map divisions exist for every country; offline copies are kept of those the bundled datasets
// place money in (the others are fetched when a dataset from ?data= needs them).
const placed = new Set();
for (const f of files.filter((f) => f.startsWith('data/') && f.endsWith('.json'))) {
  const text = readFileSync(join(dir, f), 'utf8');
  for (const m of text.matchAll(/"places":\[(.*?)\]/g)) for (const id of m[1].matchAll(/"id":"([A-Z]{2})-/g)) placed.add(id[1]);
}
const offline = files.filter((f) => {
  const m = f.match(/^geo\/admin1-([A-Z]{2})\.json$/);
  return !m || placed.has(m[1]);
});
files.length = 0;
files.push(...offline);
files.sort();
const hash = createHash('sha256');
for (const f of files) hash.update(f).update(readFileSync(join(dir, f)));
const version = hash.digest('hex').slice(0, 16);
const template = readFileSync(new URL('./sw-template.js', import.meta.url), 'utf8');
writeFileSync(join(dir, 'sw.js'), template.replace('__VERSION__', version).replace('__FILES__', JSON.stringify(['./', ...files.map((f) => `./${f}`)], null, 1)));
