/* Step control for a figure drawn step by step (nbnp.draw.hidden.draw_neuron_walk_steps).
 *
 * A code cell tagged "nbnp-steps" stores one PNG per step, every one drawn by nbnp from the
 * chapter's run. Here they become one figure: only the current step is shown, with
 * "previous" and "next" buttons (and the arrow keys once a button has the focus). Nothing is
 * fetched, so it works offline and from file://. Without JavaScript (and in the PDF) the
 * steps simply follow one another. A cell also tagged "nbnp-phone" stores each step in two
 * layouts (phone-figures.js makes each pair one image first).
 */
(function () {
  "use strict";

  function setup(cell) {
    /* a cell drawn for phones too holds two layouts per step: first one image per step */
    if (window.nbnpPhonePairs && cell.classList.contains("tag_nbnp-phone")) window.nbnpPhonePairs(cell);
    var images = Array.prototype.slice.call(cell.querySelectorAll(".cell_output img"));
    if (images.length < 2 || cell.getAttribute("data-steps-ready")) return;
    var current = 0;
    var bar = document.createElement("div");
    bar.className = "nbnp-steps";
    bar.setAttribute("role", "group");
    bar.setAttribute("aria-label", "steps of the figure");
    bar.style.cssText = "display:flex;gap:0.75em;align-items:center;justify-content:center;" +
      "flex-wrap:wrap;margin:0.5em 0;";
    function button(label, delta) {
      var b = document.createElement("button");
      b.type = "button";
      b.textContent = label;
      b.className = "btn btn-sm btn-outline-primary";
      b.addEventListener("click", function () { show(current + delta); });
      b.addEventListener("keydown", function (event) {
        if (event.key === "ArrowLeft") { show(current - 1); event.preventDefault(); }
        if (event.key === "ArrowRight") { show(current + 1); event.preventDefault(); }
      });
      return b;
    }
    var previous = button("◀ previous", -1);
    var next = button("next ▶", 1);
    var label = document.createElement("span");
    label.setAttribute("aria-live", "polite");
    bar.appendChild(previous);
    bar.appendChild(label);
    bar.appendChild(next);

    function holder(img) {  /* the output block of one image: Sphinx's link to its file */
      return img.closest("a.image-reference") || img.closest(".output") || img.parentElement;
    }

    function show(k) {
      current = Math.max(0, Math.min(images.length - 1, k));
      images.forEach(function (img, i) { holder(img).style.display = i === current ? "" : "none"; });
      label.textContent = "step " + (current + 1) + " of " + images.length;
      previous.disabled = current === 0;
      next.disabled = current === images.length - 1;
    }

    var first = holder(images[0]);
    first.parentElement.insertBefore(bar, first);
    /* texts the kernel printed beside the figures ("<Figure size ...>") are not steps */
    cell.querySelectorAll(".cell_output .output.text_plain").forEach(function (o) { o.style.display = "none"; });
    show(0);
    cell.setAttribute("data-steps-ready", "1");
  }

  function init() {
    document.querySelectorAll("div.cell.tag_nbnp-steps").forEach(setup);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
