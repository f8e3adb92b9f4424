// The published JSON Schema lets publishers validate with any tool: it must accept what
// `alianzas validate` accepts and reject what it rejects.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';

const read = (p) => JSON.parse(readFileSync(p, 'utf8'));
const ajv = new Ajv2020({ allErrors: true, strict: false });
const validate = ajv.compile(read('public/schema/dataset-v1.schema.json'));

test('the schema accepts the bundled snapshot and the hand-made fixture', () => {
  for (const file of ['public/data/fts-afghanistan-2020.json', 'tests/fixtures/small.json']) {
    assert.ok(validate(read(file)), `${file}: ${ajv.errorsText(validate.errors)}`);
  }
});

test('the schema rejects the broken fixture where the CLI does', () => {
  assert.equal(validate(read('tests/fixtures/broken.json')), false);
  const paths = new Set(validate.errors.map((e) => e.instancePath));
  for (const p of ['/metadata/title', '/metadata/currency', '/metadata/data_as_of', '/contributions/0/donor/type',
    '/contributions/0/status', '/contributions/0/amount', '/contributions/1/year', '/contributions/1/amount', '/contributions/2']) {
    assert.ok(paths.has(p), `expected an error at ${p}; got ${[...paths].join(', ')}`);
  }
});

test('the columnar schema accepts every bundled dataset the CLI converts, and rejects a broken column', async () => {
  const { execFileSync } = await import('node:child_process');
  const { mkdtempSync, readdirSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const withV1 = new Ajv2020({ allErrors: true, strict: false });
  withV1.addSchema(read('public/schema/dataset-v1.schema.json'));
  const validateColumnar = withV1.compile(read('public/schema/dataset-columnar-v1.schema.json'));
  const dir = mkdtempSync(`${tmpdir()}/columnar-`);
  const files = readdirSync('public/data').filter((f) => f.endsWith('.json') && f !== 'catalog.json' && !f.endsWith('.report.json'));
  assert.ok(files.length >= 8);
  for (const file of files) {
    const out = `${dir}/${file}`;
    execFileSync('target/release/alianzas', ['convert', `public/data/${file}`, '--to', 'columnar', '-o', out], { stdio: 'pipe' });
    const doc = read(out);
    assert.equal(doc.format, 'alianzas-dataset-columnar');
    assert.ok(validateColumnar(doc), `${file}: ${withV1.errorsText(validateColumnar.errors)}`);
  }
  // The CLI packs its indexes; an index may also be a JSON array.
  const doc = read(`${dir}/unhcr-mirps-2023.json`);
  assert.match(doc.contributions.year.index, /^u8:[A-Za-z0-9+/]+=*$/);
  doc.contributions.model.index = Array.from(Buffer.from(doc.contributions.model.index.slice(3), 'base64'));
  assert.ok(validateColumnar(doc), withV1.errorsText(validateColumnar.errors));
  doc.contributions.status.values[0] = 'promised';
  doc.contributions.year.index = 'u16:not base64!';
  doc.contributions.model.index[1] = -1;
  assert.equal(validateColumnar(doc), false);
  const paths = new Set(validateColumnar.errors.map((e) => e.instancePath));
  for (const p of ['/contributions/status/values/0', '/contributions/year/index', '/contributions/model/index/1']) assert.ok(paths.has(p), `expected an error at ${p}; got ${[...paths].join(', ')}`);
  rmSync(dir, { recursive: true, force: true });
});
