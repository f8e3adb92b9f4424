// Lighthouse (npm `lighthouse`, pinned in tools/lighthouse) on the default view as a phone would
// load it — mobile emulation, simulated slow 4G and a 4× slower CPU — against the built site served
// as a host serves it: `alianzas serve dist`, brotli and cache headers included. Median of 3 runs.
import { execFileSync, spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';

const RUNS = 3;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function lighthouse(OUT) {
  const server = spawn('target/release/alianzas', ['serve', 'dist', '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const base = await new Promise((ok, fail) => {
    server.stdout.on('data', (chunk) => { const m = String(chunk).match(/at (http:\/\/[^ ]+\/)/); if (m) ok(m[1]); });
    server.on('exit', (code) => fail(new Error(`alianzas serve exited with ${code}`)));
  });
  const runs = [];
  try {
    for (let i = 0; i < RUNS; i++) {
      const out = `${OUT}/lighthouse-${i}.json`;
      execFileSync('tools/lighthouse/node_modules/.bin/lighthouse', [`${base}?lang=en`, '--quiet', '--output=json', `--output-path=${out}`,
        '--only-categories=performance,accessibility,best-practices,seo', '--chrome-flags=--headless=new --no-sandbox --disable-gpu'],
      { env: { ...process.env, CHROME_PATH: process.env.CHROMIUM ?? '/usr/bin/chromium' }, stdio: 'ignore' });
      const r = JSON.parse(await readFile(out, 'utf8'));
      const a = r.audits;
      runs.push({
        performance: r.categories.performance.score * 100,
        accessibility: r.categories.accessibility.score * 100,
        bestPractices: r.categories['best-practices'].score * 100,
        seo: r.categories.seo.score * 100,
        lcp: a['largest-contentful-paint'].numericValue,
        tbt: a['total-blocking-time'].numericValue,
        cls: a['cumulative-layout-shift'].numericValue,
        fcp: a['first-contentful-paint'].numericValue,
        bytes: a['total-byte-weight'].numericValue,
        // Lighthouse's own measure of this machine's CPU speed: the same page scores differently on
        // a slower machine, so runs on different machines are compared through it.
        benchmarkIndex: r.environment.benchmarkIndex,
      });
    }
  } finally {
    server.kill();
  }
  const m = (k) => median(runs.map((r) => r[k]));
  return [
    `Lighthouse ${JSON.parse(await readFile('tools/lighthouse/node_modules/lighthouse/package.json', 'utf8')).version}, mobile (simulated slow 4G, 4× CPU slowdown), default view, \`alianzas serve dist\` (brotli), median of ${RUNS}:`, '',
    '| performance | LCP | TBT | CLS | FCP | bytes | accessibility | best practices | SEO |', '|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    `| ${m('performance')} | ${(m('lcp') / 1000).toFixed(1)} s | ${m('tbt').toFixed(0)} ms | ${m('cls').toFixed(3)} | ${(m('fcp') / 1000).toFixed(1)} s | ${(m('bytes') / 1024).toFixed(0)} KB | ${m('accessibility')} | ${m('bestPractices')} | ${m('seo')} |`,
    '', `Each run: performance ${runs.map((r) => r.performance).join(', ')}; TBT ${runs.map((r) => r.tbt.toFixed(0)).join(', ')} ms; this machine's Lighthouse benchmark index ${runs.map((r) => r.benchmarkIndex.toFixed(0)).join(', ')} (higher is faster).`,
  ];
}

// Run alone: node tests/bench/lighthouse.mjs (after make build)
if (import.meta.url === `file://${process.argv[1]}`) {
  const { mkdir } = await import('node:fs/promises');
  await mkdir('target/bench', { recursive: true });
  console.log((await lighthouse('target/bench')).join('\n'));
}
