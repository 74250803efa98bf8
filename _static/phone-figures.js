/* Graphs drawn twice, for a desktop's column and for a phone's (issue 21).
 *
 * A code cell tagged "nbnp-phone" stores each of its figures as a pair of PNGs: the graph's
 * desktop layout, then its phone layout (nbnp.draw.graph.PhoneFigure: drawn top to bottom, its
 * labels at 9 CSS px or more in a 390 px phone's column). Here each pair becomes one responsive
 * image, a <picture> whose <source> offers the phone layout to narrow screens (the media query of
 * book.css). A reader sees one figure; the browser fetches only the layout it shows; Tab, Enter
 * and the enlarged view (figure-zoom.js opens img.currentSrc) see one image with its alt text.
 * Without JavaScript, book.css shows the one of the two that fits the screen. Nothing is fetched
 * from elsewhere, so it works offline and from file://.
 */
(function () {
  "use strict";
  var NARROW = "screen and (max-width: 720px)";

  function holder(img) {  /* what Sphinx wrapped the image in: its link to the file */
    return img.closest("a.image-reference") || img;
  }

  function pair(cell) {
    if (cell.getAttribute("data-phone-ready")) return;
    var images = Array.prototype.slice.call(cell.querySelectorAll(".cell_output img"));
    if (images.length < 2 || images.length % 2) return;  /* not pairs: leave it to book.css */
    for (var k = 0; k < images.length; k += 2) {
      var desktop = images[k], phone = images[k + 1];
      var picture = document.createElement("picture");
      picture.className = "nbnp-phone";
      var source = document.createElement("source");
      source.media = NARROW;
      source.srcset = phone.getAttribute("src");
      if (phone.style.width) picture.style.setProperty("--nbnp-phone-width", phone.style.width);
      desktop.parentNode.insertBefore(picture, desktop);
      picture.appendChild(source);
      picture.appendChild(desktop);
      holder(phone).remove();
    }
    cell.setAttribute("data-phone-ready", "1");
  }

  /* steps.js pairs a stepped figure's images first, then counts its steps. */
  window.nbnpPhonePairs = pair;

  function init() {
    document.querySelectorAll("div.cell.tag_nbnp-phone").forEach(pair);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
