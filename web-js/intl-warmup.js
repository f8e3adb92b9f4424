// A worker the loader (web-js/loader.mjs) starts with the downloads: it makes one of each kind of
// Intl object the app formats with, then closes. The first Intl object a page makes costs 35-60 ms
// on a fast desktop (four times that on a slow phone) and almost all of that cost is shared by the
// whole renderer process, whatever the language: once a worker has paid it, the app's own
// formatters (src/web/intl.rs) take under 1 ms on the main thread, where the same work would
// have been one long task while the page starts (measured in Chromium 156).
const lang = navigator.language || 'en';
try {
  new Intl.NumberFormat([lang], { style: 'currency', currency: 'USD', notation: 'compact', maximumFractionDigits: 1 }).format(1234567);
  new Intl.NumberFormat([lang], { maximumFractionDigits: 0 }).format(1234);
  new Intl.NumberFormat([lang], { style: 'percent', maximumFractionDigits: 1 }).format(0.5);
  new Intl.DisplayNames([lang], { type: 'region' }).of('CO');
} catch {
  // Only a head start: the app makes its own formatters either way.
} finally {
  close();
}
