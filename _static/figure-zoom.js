// Click, tap or press Enter on a figure to see it enlarged; click again, press Escape or the
// close button to close. No other host is asked for anything.
// One short hint per page, under its first clickable figure, says so (never under every figure).
//
// The enlarged view never needs sideways panning (issue 21). A figure whose stored pixels fit
// the screen's width opens at its stored size (every stored pixel on one CSS pixel: as sharp as
// it gets). A wider one is fitted to the screen; on a screen in portrait (a phone) it is turned
// a quarter when that shows it larger, so that its width runs along the screen's height: a
// graph of the book, drawn 9 inches wide, then shows its labels at 9 CSS px or more on a 390 px
// phone (tests/test_browser.py measures it), where the column shows them at about 4 px.
(function () {
  "use strict";
  var SELECTOR = ".bd-content div.cell_output img, .bd-content figure img";
  var MARGIN = 1;  // CSS px kept free around a figure fitted to the screen

  function close(overlay) {
    overlay.remove();
    document.removeEventListener("keydown", overlay.nbnpKey);
    if (overlay.nbnpFrom && overlay.nbnpFrom.focus) overlay.nbnpFrom.focus();
  }

  // The enlarged size: {width (the figure's own width, CSS px), turned (a quarter turn)}.
  function layout(img) {
    var w = img.naturalWidth, h = img.naturalHeight;
    var vw = window.innerWidth - 2 * MARGIN, vh = window.innerHeight - 2 * MARGIN;
    if (w <= vw) return { width: w, turned: false, fit: false };
    var flat = Math.min(vw / w, vh / h, 1);
    var turned = vh > vw && w > h ? Math.min(vh / w, vw / h, 1) : 0;
    return turned > flat ? { width: w * turned, turned: true, fit: true }
                         : { width: w * flat, turned: false, fit: true };
  }

  function open(img) {
    var overlay = document.createElement("div");
    overlay.className = "nbnp-zoom";
    overlay.setAttribute("role", "dialog");
    overlay.setAttribute("aria-modal", "true");
    overlay.setAttribute("aria-label", "Enlarged figure; press Escape or click to close");
    overlay.tabIndex = -1;
    var shut = document.createElement("button");
    shut.type = "button";
    shut.className = "nbnp-zoom-close btn btn-sm btn-light";
    shut.textContent = "Close ✕";
    var big = document.createElement("img");
    big.src = img.currentSrc || img.src;
    big.alt = img.alt;
    var size = layout(img);
    big.style.width = size.width + "px";
    big.style.height = "auto";
    if (size.fit) overlay.classList.add("nbnp-zoom-fit");
    if (size.turned) {
      big.style.transform = "rotate(90deg)";
      big.setAttribute("data-turned", "1");
    }
    overlay.appendChild(shut);
    overlay.appendChild(big);
    overlay.nbnpFrom = document.activeElement;
    overlay.addEventListener("click", function () { close(overlay); });
    overlay.nbnpKey = function (event) {
      if (event.key === "Escape") close(overlay);
      if (event.key === "Tab") { event.preventDefault(); shut.focus(); }  // the focus stays in the dialog
    };
    document.addEventListener("keydown", overlay.nbnpKey);
    document.body.appendChild(overlay);
    shut.focus();
  }

  // The hint: "Tap or click a figure to enlarge it", once, after the first figure's output.
  function hint() {
    var first = Array.prototype.find.call(document.querySelectorAll(SELECTOR), function (img) {
      return img.offsetParent !== null;  // shown, not inside a folded solution
    });
    if (!first || document.querySelector(".nbnp-zoom-hint")) return;
    var holder = first.closest("div.cell_output, figure") || first;
    var note = document.createElement("p");
    note.className = "nbnp-zoom-hint";
    note.textContent = "Tap or click a figure (or Tab to it and press Enter) to enlarge it.";
    holder.insertAdjacentElement("afterend", note);
  }

  // Every figure can be reached with Tab and opened with Enter or Space.
  function focusable() {
    document.querySelectorAll(SELECTOR).forEach(function (img) {
      var link = img.closest("a");
      if (link && !link.classList.contains("image-reference")) return;
      if (!img.hasAttribute("tabindex")) img.setAttribute("tabindex", "0");
    });
  }

  function init() { hint(); focusable(); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();

  function target(event) {
    var img = event.target.closest ? event.target.closest(SELECTOR) : null;
    if (!img) return null;
    var link = img.closest("a");
    // Sphinx links a sized image to its file: show it here instead of leaving the page.
    if (link && !link.classList.contains("image-reference")) return null;
    return img;
  }

  document.addEventListener("click", function (event) {
    var img = target(event);
    if (!img) return;
    event.preventDefault();
    open(img);
  });
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Enter" && event.key !== " ") return;
    var img = target(event);
    if (!img || document.querySelector(".nbnp-zoom")) return;
    event.preventDefault();
    open(img);
  });
})();
