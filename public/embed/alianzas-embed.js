/* Alianzas embed helper for host pages (optional): sizes each Alianzas iframe to its content.
   It accepts only {type: "alianzas:height", height: <number>} from the iframe's own window and
   changes nothing but that iframe's height: no data, no navigation. See docs/embedding.md. */
(function () {
  'use strict';
  var MIN = 120;
  var MAX = 20000;
  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || typeof data !== 'object' || data.type !== 'alianzas:height') return;
    var height = Number(data.height);
    if (!isFinite(height)) return;
    var frames = document.querySelectorAll('iframe[data-alianzas-embed]');
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) {
        frames[i].style.height = Math.round(Math.min(MAX, Math.max(MIN, height))) + 'px';
      }
    }
  });
})();
