// Peak memory of the importers on big generated inputs, measured with /usr/bin/time -v (`make bench`).
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';

/** Peak memory of `alianzas import` on generated inputs made of real records repeated under new ids:
 *  the UNHCR IATI file's activities (IATI is streamed: memory follows the output, not the input),
 *  real FTS flows, and real OECD CRS rows as a plain CSV (all streamed). Sizes by BENCH_IATI_MB,
 *  BENCH_FTS_FLOWS and BENCH_CSV_ROWS. */
export async function importerMemory(OUT) {
  const { createWriteStream } = await import('node:fs');
  const { stat } = await import('node:fs/promises');
  const write = async (path, parts) => {
    const out = createWriteStream(path);
    for (const part of parts()) if (!out.write(part)) await new Promise((ok) => out.once('drain', ok));
    await new Promise((ok) => out.end(ok));
  };
  const measure = (args) => {
    try {
      execFileSync('/usr/bin/time', ['-v', '-o', `${OUT}/time.txt`, 'target/release/alianzas', ...args], { stdio: 'ignore' });
    } catch (e) { return `failed (${e.status})`; }
    return null;
  };
  const rss = async () => {
    const text = await readFile(`${OUT}/time.txt`, 'utf8');
    const kbytes = Number(text.match(/Maximum resident set size \(kbytes\): (\d+)/)[1]);
    const secs = text.match(/Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (.+)/)[1].trim();
    return `${(kbytes / 1024).toFixed(0)} MB | ${secs}`;
  };
  const meta = ['--title', 'bench', '--publisher', 'bench', '--source-url', 'https://example.org', '--licence', 'l', '--data-as-of', '2024-01-01'];
  const rows = ['| import | input | records | peak memory | time |', '|---|---:|---:|---:|---:|'];
  // IATI: the real UNHCR file's activities, repeated.
  const xml = await readFile('data/sources/unhcr-iati-2023-americas/UNHCR-Activities-2023.xml', 'utf8');
  const head = xml.slice(0, xml.indexOf('<iati-activity ')), tail = '</iati-activities>\n';
  const body = xml.slice(xml.indexOf('<iati-activity '), xml.lastIndexOf('</iati-activities>'));
  const targetMb = Number(process.env.BENCH_IATI_MB ?? 400);
  const copies = Math.max(1, Math.round((targetMb * 1024 * 1024) / body.length));
  await write(`${OUT}/big-iati.xml`, function* () { yield head; for (let i = 0; i < copies; i++) yield body.replaceAll('<iati-identifier>', `<iati-identifier>copy${i}-`); yield tail; });
  const iatiSize = (await stat(`${OUT}/big-iati.xml`)).size;
  const iatiFailed = measure(['import', '--from', 'iati', `${OUT}/big-iati.xml`, ...meta, '-o', `${OUT}/big-iati.json`]);
  const iatiRecords = iatiFailed ? '—' : JSON.parse(await readFile(`${OUT}/big-iati.json`, 'utf8')).contributions.length;
  rows.push(`| IATI (streamed) | ${(iatiSize / 1048576).toFixed(0)} MB | ${iatiRecords} contributions | ${iatiFailed ?? await rss()} |`);
  // FTS: real Afghanistan flows, repeated under new ids.
  const page = JSON.parse(await readFile('data/sources/fts-afghanistan-2020/custom-search-locationid-1-year-2020.json', 'utf8'));
  const flows = page.data.flows.filter((f) => f.boundary === 'incoming' && f.onBoundary === 'single');
  const n = Number(process.env.BENCH_FTS_FLOWS ?? 200000);
  await write(`${OUT}/big-fts.json`, function* () {
    yield '{"data":{"flows":[';
    for (let i = 0; i < n; i++) yield (i ? ',' : '') + JSON.stringify({ ...flows[i % flows.length], id: String(i + 1) });
    yield ']}}';
  });
  const ftsSize = (await stat(`${OUT}/big-fts.json`)).size;
  const ftsFailed = measure(['import', '--from', 'fts', `${OUT}/big-fts.json`, ...meta, '-o', `${OUT}/big-fts-out.json`]);
  rows.push(`| FTS (streamed) | ${(ftsSize / 1048576).toFixed(0)} MB | ${n} flows | ${ftsFailed ?? await rss()} |`);
  // Plain CSV: the real OECD CRS rows repeated (each row's id is its line, so every copy counts).
  const crs = (await readFile('data/sources/oecd-crs-pacific-mine-action/security_assistance_by_provider_year.csv', 'utf8')).trimEnd().split('\n');
  const csvRows = Number(process.env.BENCH_CSV_ROWS ?? 1000000);
  await write(`${OUT}/big.csv`, function* () {
    yield crs[0] + '\n';
    for (let i = 0; i < csvRows; i++) yield crs[1 + (i % (crs.length - 1))] + '\n';
  });
  const csvSize = (await stat(`${OUT}/big.csv`)).size;
  const crsMap = ['counterpart_name=donor.name', 'counterpart_code=donor.id', 'pacific_code=recipient', 'year=year', 'value_usd=amount',
    'sector_code=obligation', 'status:=disbursed', 'kind:=financial', 'donor.type:=government'].flatMap((m) => ['--map', m]);
  const csvFailed = measure(['import', '--from', 'csv', `${OUT}/big.csv`, ...crsMap, '--id', 'bench', ...meta, '-o', `${OUT}/big-csv.json`]);
  rows.push(`| plain CSV (streamed) | ${(csvSize / 1048576).toFixed(0)} MB | ${csvRows} rows | ${csvFailed ?? await rss()} |`);
  return rows;
}


// Run alone: node tests/bench/memory.mjs
if (import.meta.url === `file://${process.argv[1]}`) {
  const { mkdir } = await import('node:fs/promises');
  await mkdir('target/bench', { recursive: true });
  console.log((await importerMemory('target/bench')).join('\n'));
}
