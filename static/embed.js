// Summit Fruits embed loader. Include it once in a page that embeds the explorer:
//   <iframe src=".../?embed=1#view=matrix" title="..." data-summit-fruits-frame height="800"></iframe>
//   <script src=".../embed.js" async></script>
// Each embedded explorer posts {type: "summit-fruits:height", height: <CSS px>} when its content changes size; this
// sets that height on its iframe. Without this script the iframes keep their own height and scroll.
(function () {
  'use strict';
  if (window.summitFruitsEmbed) return; // included twice: one listener is enough
  window.summitFruitsEmbed = true;
  var SELECTOR = 'iframe[data-summit-fruits-frame]';
  var MIN = 100, MAX = 50000; // sane bounds, in CSS pixels

  addEventListener('message', function (event) {
    var data = event.data;
    if (!data || data.type !== 'summit-fruits:height') return;
    var height = data.height;
    if (typeof height !== 'number' || !isFinite(height)) return;
    var frames = document.querySelectorAll(SELECTOR);
    for (var i = 0; i < frames.length; i++) {
      var frame = frames[i];
      // Only the page inside one of our frames may size that frame; any other message is ignored.
      if (frame.contentWindow !== event.source) continue;
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

  // A frame may have reported before this script ran (it loads async): ask every frame to report again.
  var frames = document.querySelectorAll(SELECTOR);
  for (var i = 0; i < frames.length; i++) {
    if (frames[i].contentWindow) frames[i].contentWindow.postMessage({ type: 'summit-fruits:measure' }, '*');
  }
})();
