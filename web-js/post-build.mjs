// Trunk post-build hook: Trunk starts the hooks of one stage all at once, so the steps that must
// follow each other run here, in order: the default dataset's header baked into index.html, the
// loader that starts the app after the first paint, the
// Content-Security-Policy (which hashes the page's inline scripts), the service worker (which
// precaches the built files), then the brotli and gzip copies of everything.
await import('./prerender.mjs');
await import('./loader.mjs');
await import('./csp.mjs');
await import('./sw.mjs');
await import('./compress.mjs');
