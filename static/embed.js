// Summit Fruits embed loader. Include it once in a page that embeds the explorer:
//   <iframe src=".../?embed=1#view=matrix" title="..." data-summit-fruits-frame height="800"></iframe>
//   <script src=".../embed.js" async></script>
// Each explorer posts {type: "summit-fruits:height", height: <CSS px>} when it starts and when its content changes
// size; this sets that height on its iframe. Without this script the iframes keep their own height and scroll.
(function () {
  'use strict';
  // Once per page. A symbol: no element id (a named property of window) can set or fake it.
  var ONCE = Symbol.for('summit-fruits-loader');
  if (window[ONCE]) return;
  window[ONCE] = true;
  var SELECTOR = 'iframe[data-summit-fruits-frame]';
  var MIN = 100, MAX = 50000; // sane bounds, in CSS pixels

  // The origin of the explorer in a frame: its src's, or "null" in a sandbox without allow-same-origin.
  function originOf(frame) {
    if (frame.hasAttribute('sandbox') && !frame.sandbox.contains('allow-same-origin')) return 'null';
    try { return new URL(frame.src, location.href).origin; } catch (e) { return ''; }
  }

  addEventListener('message', function (event) {
    var data = event.data;
    if (!data || data.type !== 'summit-fruits:height') return;
    var height = data.height;
    if (typeof height !== 'number' || !isFinite(height)) return;
    var frames = document.querySelectorAll(SELECTOR);
    for (var i = 0; i < frames.length; i++) {
      var frame = frames[i];
      // Only the explorer's own page in one of our frames may size that frame.
      if (frame.contentWindow !== event.source) continue;
      if (event.origin !== originOf(frame)) return;
      var style = getComputedStyle(frame);
      var extra = style.boxSizing === 'border-box'
        ? ['borderTopWidth', 'borderBottomWidth', 'paddingTop', 'paddingBottom']
            .reduce(function (sum, side) { return sum + (parseFloat(style[side]) || 0); }, 0)
        : 0;
      var px = Math.round(Math.min(MAX, Math.max(MIN, height)) + extra);
      frame.style.setProperty('height', px + 'px', 'important');
      return;
    }
  });

  // A frame may have reported before this script ran (it loads async): ask each to report again. One whose explorer
  // has not started yet misses this, and reports by itself when it starts.
  var frames = document.querySelectorAll(SELECTOR);
  for (var i = 0; i < frames.length; i++) {
    var origin = originOf(frames[i]);
    if (origin && frames[i].contentWindow) {
      frames[i].contentWindow.postMessage({ type: 'summit-fruits:measure' }, origin === 'null' ? '*' : origin);
    }
  }
})();
