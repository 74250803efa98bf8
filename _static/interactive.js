/* Interactive figures of the book (nbnp.experiments.interactive).
 *
 * Each <div class="nbnp-interactive" data-kind="..."> holds, in a
 * <script type="application/json">, every number the figure can show, computed
 * by nbnp when the book was built and formatted by nbnp.fmt. This script only
 * looks those strings up and draws them: it computes no loss, no gradient, no
 * step. Nothing is fetched, so the figures work offline and from file://.
 */
(function () {
  "use strict";
  var SVG = "http://www.w3.org/2000/svg";

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function svgEl(tag, attrs, text) {
    var node = document.createElementNS(SVG, tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function slider(root, name, label, count, start) {
    var id = root.id + "-" + name;
    var row = el("div", { "class": "nbnp-slider" });
    row.appendChild(el("label", { "for": id }, label));
    var input = el("input", { type: "range", id: id, min: "0", max: String(count - 1), step: "1",
      value: String(start), "data-slider": name });
    row.appendChild(input);
    var out = el("output", { "for": id, "data-field": name });
    row.appendChild(out);
    root.appendChild(row);
    return { input: input, out: out };
  }

  function cell(row, text, field) {
    var td = el("td", field ? { "data-field": field } : {}, text);
    row.appendChild(td);
  }

  /* Linear map of the box [lo, hi] to pixels [a, b]; values outside are held at the edge. */
  function scale(lo, hi, a, b) {
    return function (v) {
      var t = (v - lo) / (hi - lo);
      return a + Math.max(0, Math.min(1, t)) * (b - a);
    };
  }

  function descent(root, data) {
    var W = 520, H = 260, P = 30;
    var ct = data.curve.theta.map(Number), cl = data.curve.loss.map(Number);
    var lmax = Math.max.apply(null, cl);
    var sx = scale(ct[0], ct[ct.length - 1], P, W - P), sy = scale(0, lmax, H - P, P);
    var start = data.stops.map(function (s) { return s.alpha; }).indexOf("0.5");
    var s = slider(root, "alpha", "learning rate α", data.stops.length, Math.max(start, 0));
    var svg = svgEl("svg", { viewBox: "0 0 " + W + " " + H, role: "img", "class": "nbnp-plot",
      "aria-label": "gradient descent on the U-shaped loss" });
    svg.appendChild(svgEl("line", { x1: P, y1: H - P, x2: W - P, y2: H - P, "class": "axis" }));
    svg.appendChild(svgEl("polyline", { "class": "curve", points: ct.map(function (t, i) {
      return sx(t) + "," + sy(cl[i]);
    }).join(" ") }));
    svg.appendChild(svgEl("text", { x: W - P, y: H - 8, "text-anchor": "end" }, "θ"));
    svg.appendChild(svgEl("text", { x: P, y: P - 10 }, "L(θ)"));
    var path = svgEl("g", { "class": "path" });
    svg.appendChild(path);
    root.appendChild(svg);
    var table = el("table", { "class": "nbnp-values" });
    root.appendChild(table);

    function draw() {
      var stop = data.stops[Number(s.input.value)];
      s.out.textContent = stop.alpha;
      while (path.firstChild) path.removeChild(path.firstChild);
      var pts = stop.theta.map(function (t, i) { return [sx(Number(t)), sy(Number(stop.loss[i]))]; });
      path.appendChild(svgEl("polyline", { points: pts.map(function (p) { return p.join(","); }).join(" ") }));
      pts.forEach(function (p, i) {
        path.appendChild(svgEl("circle", { cx: p[0], cy: p[1], r: i === 0 ? 5 : 3.5 }));
      });
      table.textContent = "";
      var head = el("tr");
      ["step", "θ", "L(θ)"].forEach(function (h) { head.appendChild(el("th", {}, h)); });
      table.appendChild(head);
      stop.theta.forEach(function (t, i) {
        var row = el("tr");
        cell(row, String(i));
        cell(row, t, "theta-" + i);
        cell(row, stop.loss[i], "loss-" + i);
        table.appendChild(row);
      });
    }
    s.input.addEventListener("input", draw);
    draw();
  }

  function neuron(root, data) {
    var n = data.stops.length, mid = data.stops.indexOf("0");
    var start = data.start || [mid, mid, mid];  /* the chapter's weights, from the table */
    var names = [["w1", "w₁"], ["w2", "w₂"], ["b", "b"]];
    var sliders = names.map(function (nm, i) { return slider(root, nm[0], nm[1], n, start[i]); });
    var W = 560, H = 220;
    var svg = svgEl("svg", { viewBox: "0 0 " + W + " " + H, role: "img", "class": "nbnp-plot",
      "aria-label": "the single neuron with its weights, cost and gradients" });
    var N = [330, 110];
    /* input node, and where its two labels go: above the upper edge, below the lower one */
    var inputs = [[40, 40, "x₁", 40, 56], [40, 180, "x₂", 176, 192]];
    var edges = [];
    inputs.forEach(function (p) {
      svg.appendChild(svgEl("line", { x1: p[0] + 20, y1: p[1], x2: N[0] - 24, y2: N[1], "class": "axis" }));
      svg.appendChild(svgEl("circle", { cx: p[0], cy: p[1], r: 20, "class": "node" }));
      svg.appendChild(svgEl("text", { x: p[0], y: p[1] + 5, "text-anchor": "middle" }, p[2]));
      var value = svgEl("text", { x: 180, y: p[3], "text-anchor": "middle", "class": "edge" });
      var grad = svgEl("text", { x: 180, y: p[4], "text-anchor": "middle", "class": "edge" });
      svg.appendChild(value);
      svg.appendChild(grad);
      edges.push([value, grad]);
    });
    svg.appendChild(svgEl("circle", { cx: N[0], cy: N[1], r: 24, "class": "node" }));
    svg.appendChild(svgEl("text", { x: N[0], y: N[1] + 5, "text-anchor": "middle" }, "σ"));
    var bias = [svgEl("text", { x: N[0], y: 158, "text-anchor": "middle" }),
      svgEl("text", { x: N[0], y: 174, "text-anchor": "middle" })];
    bias.forEach(function (t) { svg.appendChild(t); });
    svg.appendChild(svgEl("line", { x1: N[0] + 24, y1: N[1], x2: 440, y2: N[1], "class": "axis" }));
    svg.appendChild(svgEl("text", { x: 448, y: N[1] - 4 }, "ŷ, cost"));
    var cost = svgEl("text", { x: 448, y: N[1] + 14 });
    svg.appendChild(cost);
    root.appendChild(svg);
    var summary = el("p", { "class": "nbnp-values" });
    root.appendChild(summary);
    var table = el("table", { "class": "nbnp-values" });
    root.appendChild(table);

    function field(name, text) { return el("span", { "data-field": name }, text); }

    function draw() {
      var idx = sliders.map(function (s) { return Number(s.input.value); });
      sliders.forEach(function (s, i) { s.out.textContent = data.stops[idx[i]]; });
      var run = data.grid[idx.join(",")];
      edges[0][0].textContent = "w₁ = " + data.stops[idx[0]];
      edges[0][1].textContent = "∂C/∂w₁ = " + run.dW[0];
      edges[1][0].textContent = "w₂ = " + data.stops[idx[1]];
      edges[1][1].textContent = "∂C/∂w₂ = " + run.dW[1];
      bias[0].textContent = "b = " + data.stops[idx[2]];
      bias[1].textContent = "∂C/∂b = " + run.db[0];
      cost.textContent = "C = " + run.cost;
      summary.textContent = "";
      [["cost C = ", "cost", run.cost], ["   ∂C/∂w₁ = ", "dW-0", run.dW[0]],
        ["   ∂C/∂w₂ = ", "dW-1", run.dW[1]], ["   ∂C/∂b = ", "db", run.db[0]]].forEach(function (p) {
        summary.appendChild(document.createTextNode(p[0]));
        summary.appendChild(field(p[1], p[2]));
      });
      table.textContent = "";
      var head = el("tr");
      ["x₁", "x₂", "y", "ŷ"].forEach(function (h) { head.appendChild(el("th", {}, h)); });
      table.appendChild(head);
      run.y_hat.forEach(function (y_hat, i) {
        var row = el("tr");
        cell(row, data.X[2 * i]);
        cell(row, data.X[2 * i + 1]);
        cell(row, data.Y[i]);
        cell(row, y_hat, "y_hat-" + i);
        table.appendChild(row);
      });
    }
    sliders.forEach(function (s) { s.input.addEventListener("input", draw); });
    draw();
  }

  function init() {
    var kinds = { descent: descent, neuron: neuron };
    document.querySelectorAll(".nbnp-interactive").forEach(function (root) {
      var script = root.querySelector('script[type="application/json"]');
      var render = kinds[root.getAttribute("data-kind")];
      if (!script || !render || root.getAttribute("data-ready")) return;
      render(root, JSON.parse(script.textContent));
      root.setAttribute("data-ready", "1");
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
