// Click a figure to see it at its stored size (twice its size on the page), scrollable;
// click again or press Escape to close. No other host is asked for anything.
// One short hint per page, under its first clickable figure, says so (never under every figure).
(function () {
  "use strict";
  var SELECTOR = ".bd-content div.cell_output img, .bd-content figure img";

  function close(overlay) {
    overlay.remove();
    document.removeEventListener("keydown", overlay.nbnpKey);
  }

  function open(img) {
    var overlay = document.createElement("div");
    overlay.className = "nbnp-zoom";
    overlay.setAttribute("role", "dialog");
    overlay.setAttribute("aria-label", "Enlarged figure; click or press Escape to close");
    var big = document.createElement("img");
    big.src = img.currentSrc || img.src;
    big.alt = img.alt;
    big.width = img.naturalWidth;  // every stored pixel on one CSS pixel: as sharp as it gets
    overlay.appendChild(big);
    overlay.addEventListener("click", function () { close(overlay); });
    overlay.nbnpKey = function (event) { if (event.key === "Escape") close(overlay); };
    document.addEventListener("keydown", overlay.nbnpKey);
    document.body.appendChild(overlay);
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
    note.textContent = "Tap or click a figure to enlarge it.";
    holder.insertAdjacentElement("afterend", note);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", hint);
  else hint();

  document.addEventListener("click", function (event) {
    var img = event.target.closest ? event.target.closest(SELECTOR) : null;
    if (!img) return;
    var link = img.closest("a");
    // Sphinx links a sized image to its file: show it here instead of leaving the page.
    if (link && !link.classList.contains("image-reference")) return;
    event.preventDefault();
    open(img);
  });
})();
