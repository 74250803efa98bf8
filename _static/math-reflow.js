/* Display equations follow the screen's width (issue 21).
 *
 * MathJax 4 breaks a display equation too wide for its column into lines when it typesets the
 * page (_ext/mathjax4.py), for the width the column has then. Two things are left to do here:
 * 1. When the width changes (a phone turned, a window resized), the page's math is laid out
 *    again, once the width has settled.
 * 2. An equation that has no place to break (one long underbrace) and is still wider than its
 *    column is set a little smaller, down to 0.6 of its size, so that nothing of it is cut.
 * window.nbnpMathReflow is the promise of the last layout (tests/test_browser.py waits on it).
 */
(function () {
  "use strict";
  var LEAST = 0.6;

  function shrinkToFit() {
    document.querySelectorAll('mjx-container[display="true"]').forEach(function (eq) {
      eq.style.removeProperty("font-size");
      var box = eq.clientWidth, math = eq.scrollWidth;
      if (box > 0 && math > box + 1) {
        var size = parseFloat(getComputedStyle(eq).fontSize);
        eq.style.fontSize = Math.floor(size * Math.max(LEAST, (box - 2) / math) * 10) / 10 + "px";
      }
    });
  }

  function typeset(rerender) {
    var mj = window.MathJax;
    if (!(mj && mj.startup && mj.startup.promise)) return Promise.resolve();
    return mj.startup.promise.then(function () {
      return rerender && mj.rerenderPromise ? mj.rerenderPromise() : null;
    }).then(shrinkToFit, shrinkToFit);
  }

  var width = window.innerWidth, timer = null;
  window.nbnpMathReflow = new Promise(function (resolve) {
    function start() { typeset(false).then(resolve, resolve); }
    if (document.readyState === "complete") start();
    else window.addEventListener("load", start);
  });
  window.addEventListener("resize", function () {
    if (window.innerWidth === width) return;
    width = window.innerWidth;
    clearTimeout(timer);
    var done;
    window.nbnpMathReflow = new Promise(function (resolve) { done = resolve; });
    timer = setTimeout(function () { typeset(true).then(done, done); }, 150);
  });
})();
