"""The built HTML book in headless Chromium, offline: every page visited once per width.

Every page that ``make book`` wrote to ``_build/html`` is opened twice, and everything is
checked on that visit:

* on a desktop (1280 × 900) from a local HTTP server (``127.0.0.1``; any request to another host
  is aborted and reported): no console error; math typeset by the book's own MathJax; every image
  decoded; nothing scrolls sideways (the page, a code or output block, a display equation);
  figures shown at most at their intended size and never shrunk below legible text, in a
  column at least as wide as ``tools/figure_check.py`` assumes; an 80-character code line fits;
  one "enlarge" hint under the first figure; the interactive figures show nbnp's numbers for
  every slider stop; search finds "sigmoid". On chapters also: the ``.ipynb`` download is the
  notebook, dark theme keeps figures on a light background, print hides the navigation and
  cuts no line (and one chapter prints to PDF);
* on a phone (390 × 844, 2 device pixels per CSS pixel) straight from disk (``file://``, as
  the README allows): no console error there either; math and images as above; the page never
  scrolls sideways, no display equation is cut off, figures keep at least 1.5 stored pixels per
  CSS pixel, a click enlarges a figure to its stored size; the interactive figures fit and
  still follow their sliders; search works from disk;
* issue 21 (readable on a phone, accessible to everyone), on the same two visits: axe-core
  (``node_modules/axe-core``, installed by ``make book``'s ``npm ci``; injected from disk, no
  network) finds no serious or critical WCAG 2 A/AA violation, in light theme on the desktop and
  in dark theme on the phone; every display equation fits its column and no equation number
  covers it, at 1280, 390 and 360 px (the phone's window narrowed after its checks); on the phone
  a code line never wraps (the box scrolls, with a shadow at the edge as the cue), a table fits
  or scrolls in its box with that cue, images load lazily and a reader scrolling through a page
  loads at most 1.5 MB of them; on the graph chapters, every figure's labels show at 9 CSS px or
  more, in the column or in the enlarged view, which fits the screen with nothing to pan.

Screenshots go to ``_build/screenshots/``. Needs Debian's ``chromium`` (``/usr/bin/chromium``),
Playwright for Python (never ``playwright install``) and a built book. ``make test``,
``make browser`` (``NBNP_BROWSER_TESTS=required``) and CI fail when one is missing; a bare
``pytest`` skips them with the reason (``-rs`` shows it).
"""

from __future__ import annotations

import functools
import http.server
import importlib.util
import json
import os
import re
import shutil
import threading
import types
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import numpy as np
import pytest

import nbnp

ROOT = Path(__file__).resolve().parents[1]
HTML = ROOT / "_build" / "html"
SHOTS = ROOT / "_build" / "screenshots"
CHROMIUM = os.environ.get("NBNP_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}
REQUIRED = IN_CI or os.environ.get("NBNP_BROWSER_TESTS", "") == "required"
NOT_PAGES = {"_static", "_sources", "_images", "_downloads"}


def unavailable(reason: str, *, required: bool = REQUIRED) -> None:
    """Skip in a bare ``pytest``; fail in a run that includes these tests (make test, CI)."""
    if required:
        pytest.fail(f"{reason} (the browser tests are part of this run: make test, make browser, CI)",
                    pytrace=False)
    pytest.skip(reason)


def built_pages() -> list[str]:
    """Every HTML page of the build, as paths relative to ``_build/html``."""
    if not (HTML / "index.html").is_file():
        return []
    pages = (p.relative_to(HTML) for p in HTML.rglob("*.html"))
    return sorted(p.as_posix() for p in pages if not NOT_PAGES & set(p.parts))


def notebook_source(page: str) -> Path:
    """The notebook a page was built from (it may not exist: Markdown pages)."""
    return ROOT / Path(page).with_suffix(".ipynb")


PAGES = built_pages()
CHAPTERS = [page for page in PAGES if notebook_source(page).is_file()]
PRINTED_CHAPTER = next((page for page in CHAPTERS if page.startswith("book/part1/")), None)
DISK = HTML.as_uri() + "/"


def shot_path(kind: str, page: str) -> Path:
    path = SHOTS / kind / (page.removesuffix(".html").replace("/", "__") + ".png")
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


# --------------------------------------------------------------------------- static checks


def test_book_is_built() -> None:
    if not PAGES:
        unavailable(f"no built book at {HTML}: run `make book` first")
    assert "index.html" in PAGES and "search.html" in PAGES
    assert CHAPTERS, "no page of the build comes from a notebook"


EXTERNAL_ASSET = re.compile(
    r"<(?:script|img|iframe|source|video|audio)\b[^>]*\bsrc=[\"'](?:https?:)?//"
    r"|<link\b[^>]*\bhref=[\"'](?:https?:)?//[^>]*>",
    re.IGNORECASE,
)


def test_no_page_or_stylesheet_loads_from_another_host_and_mathjax_is_the_books() -> None:
    if not PAGES:
        unavailable(f"no built book at {HTML}: run `make book` first")
    found = [f"{page}: {m.group(0)}" for page in PAGES
             for m in EXTERNAL_ASSET.finditer((HTML / page).read_text(encoding="utf-8"))]
    remote = re.compile(r"(?:@import\s+|url\()\s*[\"']?(?:https?:)?//", re.IGNORECASE)
    found += [css.relative_to(HTML).as_posix() for css in (HTML / "_static").rglob("*.css")
              if remote.search(css.read_text(encoding="utf-8", errors="replace"))]
    assert not found, f"loads from another host: {found}"
    assert (HTML / "_static" / "mathjax" / "tex-chtml.js").is_file()
    # Jupyter Book links every .js/.css under the source _static/ into every page:
    # MathJax must not be there, or each page would load hundreds of its files.
    assert not list((ROOT / "_static").rglob("tex-chtml.js"))


def load_book_html() -> Any:
    """The book's Sphinx extension ``_ext/book_html.py`` (not an installed module)."""
    spec = importlib.util.spec_from_file_location("book_html", ROOT / "_ext" / "book_html.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def theme_options_after_reader_buttons(**options: Any) -> dict[str, Any]:
    config = types.SimpleNamespace(html_theme_options=dict(options))
    load_book_html().reader_buttons(None, config)
    return config.html_theme_options


def test_launch_and_repository_buttons_appear_only_with_a_repository_url() -> None:
    launch = {"binderhub_url": "https://binder.example", "colab_url": "https://colab.example"}
    options = theme_options_after_reader_buttons(repository_url="", launch_buttons=launch)
    assert "launch_buttons" not in options and not options["use_repository_button"]
    repository = "https://github.com/org/repo"
    options = theme_options_after_reader_buttons(repository_url=repository, launch_buttons=launch)
    assert options["launch_buttons"] == launch and options["use_issues_button"]


# --------------------------------------------------------------------------- the browser


class LocalServer(http.server.ThreadingHTTPServer):
    daemon_threads = True


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 (stdlib's name)
        pass


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    """``_build/html`` served on 127.0.0.1 (search needs http, not file://)."""
    if not PAGES:
        unavailable(f"no built book at {HTML}: run `make book` first")
    handler = functools.partial(QuietHandler, directory=str(HTML))
    server = LocalServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """One headless Debian Chromium for the whole module."""
    if not (Path(CHROMIUM).is_file() or shutil.which(CHROMIUM)):
        unavailable(f"Chromium not found at {CHROMIUM}: `apt-get install chromium` (Debian)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        unavailable("Playwright for Python is not installed: pip install -e '.[test]'")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


class Visit:
    """One page in a fresh, offline browser context, with what it logged."""

    def __init__(self, browser: Any, site: str, *, color_scheme: str = "light", phone: bool = False) -> None:
        self.site = site
        self.errors: list[str] = []
        self.blocked: list[str] = []
        screen = PHONE if phone else {"viewport": {"width": 1280, "height": 900}}
        self.context = browser.new_context(**screen, color_scheme=color_scheme)
        self.context.route("**/*", self._only_local)
        self.page = self.context.new_page()
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda error: self.errors.append(f"uncaught: {error}"))

    def _only_local(self, route: Any) -> None:
        url = route.request.url
        if url.startswith(self.site) or urlsplit(url).scheme in {"data", "blob"}:
            route.continue_()
        else:
            self.blocked.append(url)
            route.abort("blockedbyclient")

    def _console(self, message: Any) -> None:
        if message.type == "error":
            self.errors.append(f"console: {message.text} ({message.location.get('url', '')})")

    def open(self, path: str) -> Any:
        url = urljoin(self.site, path)
        self.page.goto(url, wait_until="load")
        redirect = REFRESH.search((HTML / urlsplit(path).path).read_text(encoding="utf-8"))
        if redirect:  # the root index.html forwards to the first page
            self.page.wait_for_url(urljoin(url, redirect.group(1)), wait_until="load")
        self.page.evaluate(WAIT_FOR_MATH)
        return self.page

    def close(self) -> None:
        self.context.close()


#: A phone: 390 × 844 CSS pixels at two device pixels each.
PHONE = {
    "viewport": {"width": 390, "height": 844},
    "device_scale_factor": 2,
    "is_mobile": True,
    "has_touch": True,
}

REFRESH = re.compile(r'<meta http-equiv="Refresh" content="\d+; url=([^"]+)"', re.IGNORECASE)

WAIT_FOR_MATH = """async () => {
  if (window.MathJax && MathJax.startup && MathJax.startup.promise) {
    await MathJax.startup.promise;
  }
  if (window.nbnpMathReflow) await window.nbnpMathReflow;  // _static/math-reflow.js
}"""

MATH_STATE = """() => ({
  sources: document.querySelectorAll('.math').length,
  typeset: document.querySelectorAll('.math mjx-container, mjx-container').length,
  errors: [...document.querySelectorAll('mjx-merror')].map(e => e.textContent),
  raw: [...document.querySelectorAll('.math')]
        .filter(e => !e.querySelector('mjx-container'))
        .map(e => e.textContent.slice(0, 60)),
  mathjax: window.MathJax && MathJax.version ? MathJax.version : null,
})"""

IMAGE_STATE = """async () => {
  const images = [...document.images];
  images.forEach(img => { img.loading = 'eager'; });
  const broken = [];
  for (const img of images) {
    try { await img.decode(); } catch (e) { broken.push(img.currentSrc || img.src); continue; }
    if (!(img.naturalWidth > 0)) broken.push(img.currentSrc || img.src);
  }
  return {count: images.length, broken};
}"""

# For every content image with transparent pixels, the colour behind it, in dark theme.
DARK_FIGURES = """() => {
  const out = [];
  for (const img of document.querySelectorAll('.bd-content img')) {
    if (!img.naturalWidth) continue;
    const canvas = document.createElement('canvas');
    canvas.width = img.naturalWidth; canvas.height = img.naturalHeight;
    const ctx = canvas.getContext('2d');
    ctx.drawImage(img, 0, 0);
    const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    let transparent = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] < 250) transparent++;
    const bg = getComputedStyle(img).backgroundColor.match(/[\\d.]+/g).map(Number);
    out.push({src: img.src, transparent: transparent / (data.length / 4),
              background: bg, visible: img.getBoundingClientRect().width > 0});
  }
  return out;
}"""


NAVIGATION_SHOWN = """() => ['.bd-sidebar-primary', '.bd-sidebar-secondary', '.bd-header-article',
                               '.prev-next-area', '.bd-header', '.bd-footer']
  .flatMap(sel => [...document.querySelectorAll(sel)])
  .filter(e => e.getBoundingClientRect().width > 0 && getComputedStyle(e).display !== 'none')
  .map(e => e.className)"""

CLIPPED_BLOCKS = """() => [...document.querySelectorAll('.bd-content pre')]
  .filter(e => e.scrollWidth > e.clientWidth + 1)
  .map(e => e.textContent.slice(0, 60))"""


def light_problems(page: str, tab: Any) -> list[str]:
    """Math typeset by the book's MathJax, every image decoded; saves the light screenshot."""
    math = tab.evaluate(MATH_STATE)
    images = tab.evaluate(IMAGE_STATE)
    tab.screenshot(path=shot_path("light", page), full_page=page in CHAPTERS)
    problems = [f"image not decoded: {src}" for src in images["broken"]]
    if math["sources"]:
        if not math["mathjax"]:
            problems.append("the page has math but MathJax did not load")
        problems += [f"math left as TeX source: {raw}" for raw in math["raw"]]
        problems += [f"TeX error: {error}" for error in math["errors"]]
        if math["typeset"] < math["sources"]:
            problems.append(f"{math['typeset']} of {math['sources']} formulas typeset")
    return problems


def dark_problems(page: str, tab: Any) -> list[str]:
    """In dark theme (the reader's preference), figures with transparency sit on a light colour."""
    tab.emulate_media(color_scheme="dark")
    try:
        tab.wait_for_function("document.documentElement.dataset.theme === 'dark'", timeout=5_000)
        figure = tab.locator(".bd-content .cell_output img")
        if figure.count():
            figure.first.scroll_into_view_if_needed()
        tab.screenshot(path=shot_path("dark", page))
        figures = tab.evaluate(DARK_FIGURES)
    finally:
        tab.emulate_media(color_scheme="light")
    problems = []
    for figure in figures:
        if figure["transparent"] > 0.01 and figure["visible"]:
            red, green, blue, *alpha = figure["background"]
            opaque = not alpha or alpha[0] > 0.9
            light = 0.2126 * red + 0.7152 * green + 0.0722 * blue > 170
            if not (opaque and light):
                problems.append(f"dark theme: {figure['src']} sits on {figure['background']}")
    return problems


PAPER = {"width": 680, "height": 960}  # A4 less 15 mm margins, in CSS pixels (96 per inch)


def print_problems(page: str, tab: Any) -> list[str]:
    """Printed, the chapter shows no navigation and cuts no code or output line."""
    viewport = tab.viewport_size
    tab.set_viewport_size(PAPER)  # lay the page out as wide as an A4 sheet inside its margins
    tab.emulate_media(media="print")
    tab.evaluate("window.scrollTo(0, 0)")
    try:
        shown = tab.evaluate(NAVIGATION_SHOWN)
        clipped = tab.evaluate(CLIPPED_BLOCKS)
        article = tab.locator("article.bd-article").is_visible()
        tab.screenshot(path=shot_path("print", page))  # the first printed screen; the PDF test prints all
    finally:
        tab.emulate_media(media="screen")
        tab.set_viewport_size(viewport)
    problems = [f"printed with navigation: {cls}" for cls in shown]
    problems += [f"printed line cut at the right edge: {text!r}" for text in clipped]
    return problems + ([] if article else ["the article is not printed"])


def download_problems(page: str, tab: Any) -> list[str]:
    """The .ipynb download link serves this chapter's notebook."""
    href = tab.locator("a[href$='.ipynb']").first.get_attribute("href", timeout=2_000)
    if not href:
        return ["no .ipynb download link"]
    response = tab.request.get(urljoin(tab.url, href))
    if not response.ok:
        return [f"download {href} -> HTTP {response.status}"]
    notebook = json.loads(response.body())
    stored = json.loads(notebook_source(page).read_text(encoding="utf-8"))
    if notebook.get("nbformat") != 4 or len(notebook["cells"]) != len(stored["cells"]):
        source = notebook_source(page).relative_to(ROOT)
        return [f"download {href} is not {source} (a stale build? `make book`)"]
    return []


# Stored pixels per CSS pixel of every figure shown (cell outputs and figures), once loaded.
FIGURE_DENSITY = """async () => {
  const out = [];
  for (const img of document.querySelectorAll('.bd-content div.cell_output img, .bd-content figure img')) {
    img.loading = 'eager';
    try { await img.decode(); } catch (e) { continue; }
    const box = img.getBoundingClientRect();
    if (box.width > 0) out.push({src: img.src.split('/').pop(), density: img.naturalWidth / box.width,
                                 stretch: (box.height / box.width) / (img.naturalHeight / img.naturalWidth)});
  }
  return out;
}"""

# The page's own width beyond the viewport, and every display equation that neither fits
# nor scrolls inside its own box.
PHONE_LAYOUT = """() => {
  const doc = document.documentElement;
  const cut = [];
  for (const eq of document.querySelectorAll('mjx-container[display="true"]')) {
    let box = eq, ok = false;
    for (let i = 0; i < 3 && box; i++, box = box.parentElement) {
      const r = box.getBoundingClientRect();
      const inside = r.left >= -1 && r.right <= window.innerWidth + 1;
      const fits = box.scrollWidth <= box.clientWidth + 1;
      const scrolls = ['auto', 'scroll'].includes(getComputedStyle(box).overflowX);
      if (inside && (fits || scrolls)) { ok = true; break; }
    }
    if (!ok) cut.push(eq.textContent.slice(0, 50));
  }
  return {overflow: doc.scrollWidth - window.innerWidth, cut};
}"""


def density_problems(tab: Any, least: float) -> list[str]:
    """Figures under ``least`` stored pixels per CSS pixel, or shown out of proportion."""
    figures = tab.evaluate(FIGURE_DENSITY)
    return [
        f"figure {f['src']} at {f['density']:.2f} stored pixels per CSS pixel (< {least})"
        for f in figures
        if f["density"] < least - 0.01
    ] + [
        f"figure {f['src']} shown out of proportion (height/width x{f['stretch']:.2f})"
        for f in figures
        if abs(f["stretch"] - 1) > 0.02
    ]


#: At most this many stored pixels per CSS pixel on the desktop: a figure shrunk further than
#: 2 / 2.95 = 0.68 of its size would bring its smallest text (10 pt, 13.9 px at 1x) under 9.4 px.
MOST_SHRUNK = 2.95


#: For each kind of code block on the page (a code cell's input, a listing of the package),
#: whether a line of 80 characters (tests/test_notebook_code.py's limit) fits without wrapping.
EIGHTY_FIT = """() => ['div.cell div.cell_input pre', 'div.highlight-python div.highlight pre']
  .map(sel => document.querySelector('.bd-content ' + sel))
  .filter(pre => pre !== null)
  .map(pre => {
    const line = document.createElement('span');
    line.textContent = '0'.repeat(80);
    pre.appendChild(line);
    const style = getComputedStyle(pre);
    const room = pre.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    const width = line.getBoundingClientRect().width;
    line.remove();
    return {room, width};
  })"""



PAGE_OVERFLOW = """() => document.scrollingElement.scrollWidth - document.scrollingElement.clientWidth"""

WIDE_EQUATIONS = """() => {
  const column = document.querySelector('.bd-content article') || document.querySelector('.bd-content');
  const right = column.getBoundingClientRect().right;
  return [...document.querySelectorAll('mjx-container[display="true"]')]
    .filter(e => e.scrollWidth > e.clientWidth + 1 || e.getBoundingClientRect().right > right + 1)
    .map(e => (e.getAttribute('aria-label') || e.textContent).slice(0, 60));
}"""

#: tools/figure_check.py measures graph texts as shown in a column this wide at 1280 px.
DESKTOP_COLUMN_PX = 672
SHRUNK_WIDTHS = """() => [...document.querySelectorAll('.bd-content div.cell_output img')]
  .filter(i => i.getBoundingClientRect().width > 0)  // a step not shown (_static/steps.js) is not shrunk
  .filter(i => i.naturalWidth / i.getBoundingClientRect().width > 2.01)
  .map(i => i.getBoundingClientRect().width)"""
OUTPUT_FIGURES = ".bd-content div.cell_output img"


def hint_problems(tab: Any) -> list[str]:
    """One hint under the first figure of a page with figures, legible; none on other pages."""
    hints, figures = tab.locator(".nbnp-zoom-hint"), tab.locator(OUTPUT_FIGURES).count()
    if not figures:
        return [f"{hints.count()} enlarge hints on a page without figures"] if hints.count() else []
    if hints.count() != 1:
        return [f"{hints.count()} enlarge hints (one expected)"]
    hint = hints.first
    problems = [] if "enlarge" in hint.inner_text() and hint.is_visible() else ["the hint is not shown"]
    if hint.evaluate("e => parseFloat(getComputedStyle(e).fontSize)") < 12:
        problems.append("the hint's text is under 12 px")
    under = "e => !!e.previousElementSibling && !!e.previousElementSibling.querySelector('img')"
    if not hint.evaluate(under):
        problems.append("the hint is not right under a figure")
    return problems


def search_problems(tab: Any) -> list[str]:
    results = tab.locator("#search-results ul.search li")
    results.first.wait_for(timeout=15_000)
    tab.wait_for_timeout(500)  # a refused fetch() of a summary would have logged by now
    links = results.locator("a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    return [] if links and all(links) else [f"search for sigmoid: {links}"]


# --- the interactive figures (_static/interactive.js): nbnp's numbers for every setting ----------

DESCENT_PAGE = "book/part1/03_learning_rate.html"
NEURON_PAGE = "book/part1/01_single_neuron.html"
INTERACTIVE = {DESCENT_PAGE: "descent-alpha", NEURON_PAGE: "neuron-weights"}


def _f(value: float) -> str:
    from nbnp.experiments.interactive import SIG

    return nbnp.fmt(float(value), SIG)


def _field(figure: Any, name: str) -> str:
    return figure.locator(f'[data-field="{name}"]').first.inner_text().strip()


def descent_problems(figure: Any) -> list[str]:
    """Chapter 3's curve and start (theta0 = -8, 10 steps), for every learning rate of the slider."""
    from nbnp.experiments.interactive import ALPHAS

    curve, slider, problems = nbnp.Parabola(curvature=0.1, minimum=0.0), figure.locator("input"), []
    for index, alpha in enumerate(ALPHAS):
        slider.fill(str(index))
        path = nbnp.descent_path(curve.gradient, -8.0, alpha, 10)
        shown = [(_field(figure, f"theta-{t}"), _field(figure, f"loss-{t}")) for t in range(11)]
        if _field(figure, "alpha") != _f(alpha) or shown != [(_f(t), _f(curve(t))) for t in path]:
            problems.append(f"learning rate {alpha}: the figure shows {shown[:2]}...")
    return problems


def neuron_numbers(w1: float, w2: float, b: float) -> dict[str, str]:
    """What nbnp's layers give for the OR data at this setting, formatted as the figure shows it."""
    X, Y = nbnp.or_gate()
    linear = nbnp.LinearLayer.from_params([[w1, w2]], b, m=X.shape[1])
    sigmoid = nbnp.SigmoidLayer((1, X.shape[1]))
    Y_hat = sigmoid.forward(linear.forward(X))
    cost, dY_hat = nbnp.compute_cost(Y, Y_hat)
    linear.backward(sigmoid.backward(dY_hat))
    numbers = {f"y_hat-{i}": _f(v) for i, v in enumerate(np.ravel(Y_hat))}
    numbers.update({"cost": _f(cost), "dW-0": _f(linear.dW[0, 0]), "dW-1": _f(linear.dW[0, 1]),
                    "db": _f(linear.db[0, 0]), "w1": _f(w1), "w2": _f(w2), "b": _f(b)})
    return numbers


def neuron_problems(figure: Any) -> list[str]:
    """Chapter 1's neuron: each slider through some of its stops, the others where they were."""
    from nbnp.experiments.interactive import WEIGHT_START, WEIGHT_STOPS

    setting = {name: WEIGHT_STOPS.index(v) for name, v in zip(("w1", "w2", "b"), WEIGHT_START)}
    problems = []
    for name in setting:
        for index in (0, 2, 5, 8, 6):
            setting[name] = index
            figure.locator(f'input[data-slider="{name}"]').fill(str(index))
            values = {key: WEIGHT_STOPS[i] for key, i in setting.items()}
            expected = neuron_numbers(**values)
            if {key: _field(figure, key) for key in expected} != expected:
                problems.append(f"the neuron at {values} does not show nbnp's numbers")
    return problems


def interactive_problems(page: str, tab: Any, width: int) -> list[str]:
    figure_id = INTERACTIVE[page]
    figure = tab.locator(f"#{figure_id}[data-ready]")
    if figure.count() != 1:
        return [f"the interactive figure #{figure_id} is not ready"]
    figure.scroll_into_view_if_needed()
    box = figure.bounding_box()
    fits = box and box["x"] >= 0 and box["x"] + box["width"] <= width + 1
    problems = [] if fits else [f"#{figure_id} does not fit {width} px: {box}"]
    figure.screenshot(path=str(SHOTS / f"interactive-{figure_id}-{width}-light.png"))
    problems += (descent_problems if page == DESCENT_PAGE else neuron_problems)(figure)
    return problems


# --- the two visits ------------------------------------------------------------------------------


def _open(browser: Any, base: str, page: str, **options: Any) -> tuple[Visit, Any]:
    view = Visit(browser, base, **options)
    return view, view.open(page + ("?q=sigmoid" if page == "search.html" else ""))


def _report(page: str, view: Visit, problems: list[str]) -> None:
    problems = problems + [f"asked another host for {url}" for url in view.blocked] + view.errors
    view.close()
    assert not problems, f"{page}:\n  " + "\n  ".join(problems)


@pytest.mark.parametrize("page", PAGES)
def test_page_on_a_desktop(page: str, browser: Any, site: str) -> None:
    view, tab = _open(browser, site, page)
    problems = light_problems(page, tab)
    if tab.evaluate(PAGE_OVERFLOW) > 1:
        problems.append("the page scrolls sideways at 1280 px")
    problems += [f"code or output block scrolls sideways: {t!r}" for t in tab.evaluate(CLIPPED_BLOCKS)]
    problems += [f"display equation wider than the column: {t!r}" for t in tab.evaluate(WIDE_EQUATIONS)]
    problems += equation_problems(tab, 1280)
    problems += axe_problems(tab, "light")
    problems += density_problems(tab, 2.0)
    problems += [f"figure {f['src']} shrunk to {2 / f['density']:.2f} of its size: its text is under 9 px"
                 for f in tab.evaluate(FIGURE_DENSITY) if f["density"] > MOST_SHRUNK]
    problems += [f"a figure shrunk to the column gets {w:.0f} px (< {DESKTOP_COLUMN_PX})"
                 for w in tab.evaluate(SHRUNK_WIDTHS) if w < DESKTOP_COLUMN_PX - 1]
    eighty = tab.evaluate(EIGHTY_FIT)
    problems += [f"an 80-character code line wraps: {b}" for b in eighty if b["width"] > b["room"]]
    problems += hint_problems(tab)
    if page == "search.html":
        problems += search_problems(tab)
    if page in INTERACTIVE:
        problems += interactive_problems(page, tab, 1280)
    if page in CHAPTERS:
        problems += keyboard_problems(page, tab)
        problems += download_problems(page, tab)
        problems += print_problems(page, tab)
        if page == PRINTED_CHAPTER:
            pdf = tab.pdf(format="A4", margin={side: "15mm" for side in ("top", "right", "bottom", "left")})
            (SHOTS / "print.pdf").write_bytes(pdf)
            problems += [] if pdf.startswith(b"%PDF") and len(pdf) > 10_000 else ["printing to PDF failed"]
        problems += dark_problems(page, tab)
    _report(page, view, problems)


@pytest.mark.parametrize("page", PAGES)
def test_page_on_a_phone_from_disk(page: str, browser: Any) -> None:
    if not PAGES:
        unavailable(f"no built book at {HTML}: run `make book` first")
    view, tab = _open(browser, DISK, page, phone=True)
    problems = weight_problems(tab)  # before IMAGE_STATE makes every image load
    math, images = tab.evaluate(MATH_STATE), tab.evaluate(IMAGE_STATE)
    problems += [f"image not decoded: {src}" for src in images["broken"]]
    if math["sources"] and math["typeset"] < math["sources"]:
        problems.append(f"{math['typeset']} of {math['sources']} formulas typeset")
    problems += equation_problems(tab, 390)
    problems += tab.evaluate(SCROLL_BOXES)
    if page in GRAPH_PAGES:
        problems += label_problems(page, tab)
    layout = tab.evaluate(PHONE_LAYOUT)
    if layout["overflow"] > 1:
        problems.append(f"the page scrolls sideways by {layout['overflow']} px")
    problems += [f"display equation cut off: {text!r}" for text in layout["cut"]]
    problems += density_problems(tab, 1.5)
    problems += hint_problems(tab)
    if page == "search.html":
        problems += search_problems(tab)
    if page in INTERACTIVE:
        problems += interactive_problems(page, tab, 390)
    if page in CHAPTERS:
        tab.screenshot(path=shot_path("phone-light", page), full_page=True)
        problems += zoom_problems(page, tab)
    tab.emulate_media(color_scheme="dark")
    tab.wait_for_function("document.documentElement.dataset.theme === 'dark'", timeout=5_000)
    if page in CHAPTERS:
        tab.screenshot(path=shot_path("phone-dark", page), full_page=True)
    problems += axe_problems(tab, "dark")
    problems += narrow_phone_problems(tab)
    _report(page, view, problems)


ZOOMED = """() => {
  const overlay = document.querySelector('.nbnp-zoom'), img = overlay.querySelector('img');
  const r = img.getBoundingClientRect();
  return {natural: img.naturalWidth, width: img.offsetWidth, left: r.left, right: r.right,
          top: r.top, bottom: r.bottom,
          pans: getComputedStyle(overlay).overflowX !== 'hidden'
                && overlay.scrollWidth > overlay.clientWidth + 1,
          vw: window.innerWidth, vh: window.innerHeight};
}"""


def zoom_problems(page: str, tab: Any) -> list[str]:
    """A tap on the first figure enlarges it with nothing to pan sideways; Escape closes it.

    A figure whose stored pixels fit the screen's width opens at its stored size (as sharp as
    it gets); a wider one is fitted to the screen (on a phone in portrait, turned a quarter
    when that shows it larger: _static/figure-zoom.js)."""
    figure = tab.locator(OUTPUT_FIGURES).first
    if not tab.locator(OUTPUT_FIGURES).count():
        return []
    figure.scroll_into_view_if_needed()
    figure.click()
    tab.locator(".nbnp-zoom img").wait_for(timeout=5_000)
    big = tab.evaluate(ZOOMED)
    tab.screenshot(path=shot_path("phone-zoom", page))
    tab.keyboard.press("Escape")
    problems = zoomed_fit_problems(big)
    if big["natural"] <= big["vw"] - 16 and abs(big["width"] - big["natural"]) > 1:
        problems.append(f"enlarged to {big['width']} px of {big['natural']} (it fits the screen)")
    if tab.locator(".nbnp-zoom").count():
        problems.append("Escape leaves the enlarged figure open")
    return problems


def zoomed_fit_problems(big: dict[str, Any]) -> list[str]:
    inside = (big["left"] >= -1 and big["right"] <= big["vw"] + 1
              and (big["top"] >= -1 and big["bottom"] <= big["vh"] + 1 or big["natural"] <= big["vw"]))
    if inside and not big["pans"]:
        return []
    return [f"the enlarged figure does not fit the {big['vw']} px screen: {big}"]


# --- issue 21: readable on a phone, accessible to everyone ----------------------------------------


def keyboard_problems(page: str, tab: Any) -> list[str]:
    """From the keyboard alone: a figure opens enlarged (Enter) and closes (Escape); a stepped
    figure moves on (Enter on "next"); an interactive figure's slider moves (arrow keys)."""
    problems = []
    figure = tab.locator(OUTPUT_FIGURES).first
    if tab.locator(OUTPUT_FIGURES).count() and figure.is_visible():
        figure.focus()
        tab.keyboard.press("Enter")
        if not tab.locator(".nbnp-zoom").count():
            problems.append("Enter on a figure does not enlarge it")
        tab.keyboard.press("Escape")
        if tab.locator(".nbnp-zoom").count():
            problems.append("Escape leaves the enlarged figure open")
    steps = tab.locator(".nbnp-steps")
    if steps.count():
        label = steps.first.locator("span")
        before = label.inner_text()
        steps.first.locator("button").last.focus()
        tab.keyboard.press("Enter")
        if label.inner_text() == before:
            problems.append(f"Enter on 'next' leaves the stepped figure at {before!r}")
        tab.keyboard.press("ArrowLeft")
        if label.inner_text() != before:
            problems.append("the left arrow does not go back a step")
    slider = tab.locator(".nbnp-interactive input[type=range]")
    if slider.count():
        before = slider.first.input_value()
        slider.first.focus()
        tab.keyboard.press("ArrowRight" if before == "0" else "ArrowLeft")
        if slider.first.input_value() == before:
            problems.append("an interactive figure's slider does not follow the arrow keys")
    return problems


#: axe-core from the npm package (package.json; ``make book`` runs ``npm ci``), injected from disk.
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_RUN = """async () => {
  const result = await axe.run(document, {
    runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']},
    resultTypes: ['violations'],
    preload: false,  // axe would fetch every @import of the theme's CSS itself, at a wrong address
  });
  return result.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
    .map(v => ({id: v.id, impact: v.impact, count: v.nodes.length,
                where: v.nodes.slice(0, 3).map(n => n.target.join(' ') + ': ' +
                  ((n.any[0] || n.all[0] || n.none[0] || {}).message || '').slice(0, 120))}));
}"""


def axe_problems(tab: Any, theme: str) -> list[str]:
    """axe-core's serious and critical WCAG 2 A/AA violations of the page as shown now."""
    if not AXE.is_file():
        return [f"axe-core is not installed at {AXE.relative_to(ROOT)}: run `npm ci` (make book does)"]
    if not tab.evaluate("() => !!window.axe"):
        tab.add_script_tag(path=str(AXE))
    return [f"axe, {theme} theme: {v['impact']} {v['id']} on {v['count']} elements: {v['where']}"
            for v in tab.evaluate(AXE_RUN)]


#: Every display equation: its math inside the article's column, nothing hidden in its box, and
#: the equation's number beside or above it, never over it.
EQUATION_FIT = """() => {
  const article = document.querySelector('.bd-content article') || document.querySelector('.bd-content');
  const column = article.getBoundingClientRect();
  const out = [];
  for (const box of document.querySelectorAll('.bd-content div.math')) {
    const eq = box.querySelector('mjx-container[display="true"]');
    if (!eq || box.offsetParent === null) continue;
    const math = (eq.querySelector('mjx-math') || eq).getBoundingClientRect();
    const name = (box.querySelector('.eqno') || {}).textContent || '';
    const said = (eq.getAttribute('aria-label') || eq.textContent).slice(0, 50);
    const text = name.replace('#', '').trim() + ' ' + said;
    if (math.left < column.left - 1 || math.right > column.right + 1)
      out.push('outside the column: ' + text);
    else if (eq.scrollWidth > eq.clientWidth + 1) out.push('cut in its box: ' + text);
    const no = box.querySelector('.eqno');
    if (no) {
      const n = no.getBoundingClientRect();
      const across = n.left < math.right - 1 && n.right > math.left + 1;
      if (across && n.top < math.bottom - 1 && n.bottom > math.top + 1)
        out.push('its number covers it: ' + text);
    }
  }
  return out;
}"""


def equation_problems(tab: Any, width: int) -> list[str]:
    return [f"at {width} px, display equation {text}" for text in tab.evaluate(EQUATION_FIT)]


def narrow_phone_problems(tab: Any) -> list[str]:
    """The same phone page at 360 px: MathJax lays the math out again (_static/math-reflow.js)."""
    tab.set_viewport_size({"width": 360, "height": 780})
    tab.evaluate("async () => { await new Promise(r => setTimeout(r, 300)); await window.nbnpMathReflow; }")
    problems = equation_problems(tab, 360)
    if tab.evaluate(PAGE_OVERFLOW) > 1:
        problems.append("the page scrolls sideways at 360 px")
    return problems


#: Code and output blocks, and tables, that are wider than their box: each must keep its lines
#: whole (white-space: pre, so nothing breaks inside a name) and scroll in its own box with a
#: visible cue (the scroll shadows of book.css, a background gradient).
SCROLL_BOXES = """() => {
  const out = [];
  const cue = e => getComputedStyle(e).backgroundImage.includes('gradient');
  const scrolls = e => ['auto', 'scroll'].includes(getComputedStyle(e).overflowX);
  const code = '.bd-content div.cell_input pre, .bd-content div.highlight pre';
  for (const pre of document.querySelectorAll(code)) {
    if (pre.offsetParent === null) continue;
    const text = pre.textContent.slice(0, 50);
    if (getComputedStyle(pre).whiteSpace !== 'pre') out.push('code wraps its lines: ' + text);
    else if (pre.scrollWidth > pre.clientWidth + 1 && !(scrolls(pre) && cue(pre)))
      out.push('code scrolls without a cue: ' + text);
  }
  for (const table of document.querySelectorAll('.bd-content table')) {
    if (table.offsetParent === null || table.scrollWidth <= table.clientWidth + 1) continue;
    if (!(scrolls(table) && cue(table)))
      out.push('table scrolls without a cue: ' + table.textContent.slice(0, 50));
  }
  return out;
}"""


#: The images a reader scrolling through the whole page loads: every figure is lazy, so a figure
#: that is not rendered (a step not shown) is never fetched.
LOADED_IMAGES = """() => {
  const all = [...document.querySelectorAll('.bd-content img')];
  const figures = [...document.querySelectorAll('.bd-content div.cell_output img, .bd-content figure img')];
  return {eager: figures.filter(i => i.getAttribute('loading') !== 'lazy').map(i => i.src.split('/').pop()),
          rendered: [...new Set(all.filter(i => i.getClientRects().length > 0).map(i => i.src))]};
}"""
MOST_IMAGE_BYTES = 1_500_000


def weight_problems(tab: Any) -> list[str]:
    images = tab.evaluate(LOADED_IMAGES)
    problems = [f"image not lazy: {src}" for src in images["eager"]]
    files = [Path(urlsplit(src).path) for src in images["rendered"] if src.startswith("file:")]
    total = sum(f.stat().st_size for f in files if f.is_file())
    if total > MOST_IMAGE_BYTES:
        problems.append(f"a reader scrolling through loads {total / 1e6:.2f} MB of images (> 1.5 MB)")
    return problems


#: Chapters whose graph figures are measured: chapter 1, chapter 4 (and its sum of paths), and
#: the hidden layer (issue 21).
GRAPH_PAGES = {f"book/part1/{name}.html" for name in
               ("01_single_neuron", "04_cost_vectorization", "04b_sum_of_paths", "06_hidden_layer")}
#: tools/figure_check.py makes every text of every figure at least LEAST_TEXT_PX tall in the
#: desktop column (DESKTOP_COLUMN_PX), from the figure's own 1x size (half the stored pixels):
#: shown ``w`` CSS px wide, its smallest label is at least 9 * w / min(1x width, column) px.
LEAST_LABEL_PX = 9.0
#: A graph figure: the output of a cell that calls one of nbnp.draw's graph drawers.
GRAPH_CALL = re.compile(r"\bdraw_(?:graph|neuron_graph|batch_neuron_graph|layer_graph|neuron_walk_steps)\(")


def graph_images(page: str) -> set[str]:
    """The file names the build gives the page's graph figures (myst-nb: the PNG's sha256)."""
    import base64
    import hashlib

    notebook = json.loads(notebook_source(page).read_text(encoding="utf-8"))
    names = set()
    for cell in notebook["cells"]:
        if cell["cell_type"] != "code" or not GRAPH_CALL.search("".join(cell["source"])):
            continue
        for output in cell.get("outputs", []):
            png = output.get("data", {}).get("image/png")
            if png:
                names.add(hashlib.sha256(base64.b64decode(png)).hexdigest() + ".png")
    return names


SHOWN_FIGURES = """() => [...document.querySelectorAll('.bd-content div.cell_output img')]
  .map((img, index) => ({index, src: img.src.split('/').pop(), natural: img.naturalWidth,
                         width: img.getBoundingClientRect().width}))
  .filter(f => f.width > 0 && f.natural > 0)"""


#: Graph chapters whose stored figures are still drawn for the desktop only (too tall for a quarter
#: turn on a phone to bring their labels to 9 px): the labels are measured and written to
#: _build/screenshots/labels/, and a warning says how small they are, until nbnp.draw gives them a
#: phone layout and `make outputs` stores it (issue 21, left open for these).
AWAITING_REDRAW: set[str] = set()


def label_problems(page: str, tab: Any) -> list[str]:
    """Every graph figure's labels at 9 CSS px or more at 390 px: in the column, or enlarged."""
    tab.evaluate(IMAGE_STATE)
    problems, sizes, graphs = [], [], graph_images(page)
    if not graphs:
        return [f"no graph figure found on {page} (tests/test_browser.py, GRAPH_CALL)"]
    for figure in tab.evaluate(SHOWN_FIGURES):
        if figure["src"] not in graphs:
            continue
        reference = min(figure["natural"] / 2, DESKTOP_COLUMN_PX)
        column = LEAST_LABEL_PX * figure["width"] / reference
        if column >= LEAST_LABEL_PX - 0.05:
            sizes.append(column)
            continue
        img = tab.locator(OUTPUT_FIGURES).nth(figure["index"])
        if not img.is_visible():  # inside a folded solution: measured when a reader unfolds it
            continue
        img.scroll_into_view_if_needed()
        img.click()
        tab.locator(".nbnp-zoom img").wait_for(timeout=5_000)
        big = tab.evaluate(ZOOMED)
        tab.keyboard.press("Escape")
        enlarged = LEAST_LABEL_PX * big["width"] / reference
        sizes.append(enlarged)
        problems += zoomed_fit_problems(big)
        if enlarged < LEAST_LABEL_PX - 0.05:
            problems.append(f"figure {figure['src']}: labels at {column:.1f} px in the column and "
                            f"{enlarged:.1f} px enlarged (< {LEAST_LABEL_PX})")
    if page in AWAITING_REDRAW and problems:
        warnings.warn(f"{page}, awaiting a phone layout: " + "; ".join(problems), stacklevel=1)
        problems = []
    if sizes:
        (SHOTS / "labels").mkdir(parents=True, exist_ok=True)
        (SHOTS / "labels" / (Path(page).stem + ".txt")).write_text(
            " ".join(f"{size:.1f}" for size in sizes) + "\n", encoding="utf-8")
    return problems
