// Trunk post-build hook (the last): writes a brotli (.br) and a gzip (.gz) copy beside every file
// of the site that compresses, as static hosts serve them (`alianzas serve` and nginx's
// brotli_static/gzip_static send them with Content-Encoding; docs/embedding.md). Brotli at its
// best quality: the work is done once, at build time, and every reader on a slow network gains.
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, extname } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.wasm', '.json', '.svg', '.csv', '.md', '.txt', '.webmanifest']);
let files = 0, before = 0, afterBr = 0;
const walk = (d) => {
  for (const name of readdirSync(d)) {
    const path = join(d, name);
    if (statSync(path).isDirectory()) { walk(path); continue; }
    if (!COMPRESSIBLE.has(extname(name))) continue;
    const body = readFileSync(path);
    // Below a kilobyte the headers weigh more than what compression saves.
    if (body.length < 1024) continue;
    const br = brotliCompressSync(body, { params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
      [constants.BROTLI_PARAM_MODE]: extname(name) === '.wasm' ? constants.BROTLI_MODE_GENERIC : constants.BROTLI_MODE_TEXT,
    } });
    writeFileSync(`${path}.br`, br);
    writeFileSync(`${path}.gz`, gzipSync(body, { level: 9 }));
    files += 1; before += body.length; afterBr += br.length;
  }
};
walk(dir);
console.log(`compress: ${files} files, ${(before / 1048576).toFixed(1)} MB → ${(afterBr / 1048576).toFixed(1)} MB brotli (and .gz beside each)`);
