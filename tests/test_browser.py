"""The built HTML book in headless Chromium, offline: every page visited once per width.

Each page of ``_build/html`` is opened once on a desktop (1280 × 900, served from 127.0.0.1) and
once on a phone (390 × 844 at 2 device pixels per CSS pixel, from disk, ``file://``), and all is
checked on that visit: no console error, no request to another host, and each ``*_problems``
check that ``test_page_on_a_desktop`` or ``test_page_on_a_phone_from_disk`` calls, most of the
layout measured by one script in the page (:data:`LAYOUT`).

With ``NBNP_SCREENSHOTS=1`` (``make browser``) screenshots go to ``_build/screenshots/``. Needs
Debian's ``chromium``, Playwright for Python (never ``playwright install``) and a built book:
``make test``, ``make browser`` (``NBNP_BROWSER_TESTS=required``) and CI fail without them; a
bare ``pytest`` skips, saying why (``-rs``).
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import re
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import numpy as np
import pytest
from figure_check import DESKTOP_COLUMN_PX, LEAST_TEXT_PX

import nbnp

ROOT = Path(__file__).resolve().parents[1]
HTML, SHOTS = ROOT / "_build" / "html", ROOT / "_build" / "screenshots"
SCREENSHOTS = bool(os.environ.get("NBNP_SCREENSHOTS"))  # to look at: make browser
CHROMIUM = os.environ.get("NBNP_CHROMIUM", "/usr/bin/chromium")
#: Offline: a request to another host goes to a proxy at a closed port (and is reported).
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run",
                 "--proxy-server=http://127.0.0.1:9"]
REQUIRED = (os.environ.get("CI", "").lower() in {"1", "true", "yes"}
            or os.environ.get("NBNP_BROWSER_TESTS", "") == "required")


def unavailable(reason: str, *, required: bool = REQUIRED) -> None:
    """Skip in a bare ``pytest``; fail in a run that includes these tests (make test, CI)."""
    if required:
        pytest.fail(f"{reason} (the browser tests are part of this run: make test, make browser, CI)",
                    pytrace=False)
    pytest.skip(reason)


def notebook_source(page: str) -> Path:
    """The notebook a page was built from (it may not exist: Markdown pages)."""
    return ROOT / Path(page).with_suffix(".ipynb")


#: Every HTML page of the build, relative to ``_build/html``.
PAGES = sorted(p.relative_to(HTML).as_posix() for p in HTML.rglob("*.html") if (HTML / "index.html").is_file()
               and not {"_static", "_sources", "_images", "_downloads"} & set(p.relative_to(HTML).parts))
CHAPTERS = [page for page in PAGES if notebook_source(page).is_file()]
PRINTED_CHAPTER = next((page for page in CHAPTERS if page.startswith("book/part1/")), None)
DISK = HTML.as_uri() + "/"


def shot_path(kind: str, page: str) -> Path:
    path = SHOTS / kind / (page.removesuffix(".html").replace("/", "__") + ".png")
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


def screenshot(target: Any, kind: str, page: str, full_page: bool = False) -> None:
    if SCREENSHOTS:
        target.screenshot(path=shot_path(kind, page), **({"full_page": True} if full_page else {}))


# --------------------------------------------------------------------------- static checks


def test_book_is_built() -> None:
    if not PAGES:
        unavailable(f"no built book at {HTML}: run `make book` first")
    assert "index.html" in PAGES and "search.html" in PAGES
    assert CHAPTERS, "no page of the build comes from a notebook"


def test_no_stylesheet_loads_from_another_host_and_mathjax_is_the_books() -> None:
    """Each visit below reports a request to another host; a stylesheet may ask only in a state
    that no visit reaches (a hover, a font not used yet)."""
    if not PAGES:
        unavailable(f"no built book at {HTML}: run `make book` first")
    imported = re.compile(r"(?:@import\s+|url\()\s*[\"']?(?:https?:)?//", re.IGNORECASE)
    found = [css.relative_to(HTML).as_posix() for css in (HTML / "_static").rglob("*.css")
             if imported.search(css.read_text(encoding="utf-8", errors="replace"))]
    assert not found, f"loads from another host: {found}"
    assert (HTML / "_static" / "mathjax" / "tex-chtml.js").is_file()
    # Jupyter Book links every .js/.css under the source _static/ into every page:
    # MathJax must not be there, or each page would load hundreds of its files.
    assert not list((ROOT / "_static").rglob("tex-chtml.js"))


# --------------------------------------------------------------------------- the browser


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 (stdlib's name)
        pass

    def do_GET(self) -> None:  # noqa: N802 (stdlib's name)
        if self.path != "/favicon.ico":  # the tab's own icon, which the book does not have
            return super().do_GET()
        self.send_response(204)
        self.end_headers()


@pytest.fixture(scope="session")
def site() -> Iterator[str]:
    """``_build/html`` served on 127.0.0.1 (search needs http, not file://)."""
    handler = functools.partial(QuietHandler, directory=HTML)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """One headless Debian Chromium for the session (one in each pytest-xdist worker)."""
    if not (Path(CHROMIUM).is_file() or shutil.which(CHROMIUM)):
        unavailable(f"Chromium not found at {CHROMIUM}: `apt-get install chromium` (Debian)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        unavailable("Playwright for Python is not installed: pip install -e '.[test]'")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


REFRESH = re.compile(r'<meta http-equiv="Refresh" content="\d+; url=([^"]+)"', re.IGNORECASE)
#: The page is ready: MathJax has typeset it and laid it out for the window's width.
WAIT_FOR_MATH = """async () => {
  if (window.MathJax && MathJax.startup && MathJax.startup.promise) await MathJax.startup.promise;
  if (window.nbnpMathReflow) await window.nbnpMathReflow;  // _static/math-reflow.js
}"""


class Tab:
    """A browser tab at one screen size, offline, that goes from page to page (a new tab for each
    page would start a new renderer and load every script again: twice the time); what the
    page logged and asked for is kept for each visit. A tab whose page crashed is replaced."""

    def __init__(self, browser: Any, screen: dict[str, Any]) -> None:
        self.screen, self.base, self.errors, self.foreign = screen, "", [], []
        self.context = browser.new_context(**screen)
        self._new_tab()

    def _new_tab(self) -> None:
        self.tab = self.context.new_page()
        self.tab.on("console", lambda m: m.type == "error" and self.errors.append(
            f"console: {m.text} ({m.location.get('url', '')})"))
        self.tab.on("pageerror", lambda error: self.errors.append(f"uncaught: {error}"))
        self.tab.on("request", self._request)

    def _request(self, request: Any) -> None:
        if not (request.url.startswith(self.base) or urlsplit(request.url).scheme in {"data", "blob"}):
            self.foreign.append(request.url)

    def open(self, base: str, page: str) -> Any:
        self.base, self.errors, self.foreign = base, [], []
        try:
            self.tab.emulate_media(media="screen", color_scheme="light")
        except Exception:  # the page crashed: that failed its own test, not every page after it
            self._new_tab()
            self.tab.emulate_media(media="screen", color_scheme="light")
        self.tab.set_viewport_size(self.screen["viewport"])
        url = urljoin(base, page + ("?q=sigmoid" if page == "search.html" else ""))
        self.tab.goto(url, wait_until="load")
        redirect = REFRESH.search((HTML / page).read_text(encoding="utf-8"))
        if redirect:  # the root index.html forwards to the first page
            self.tab.wait_for_url(urljoin(url, redirect.group(1)), wait_until="load")
        self.tab.evaluate(WAIT_FOR_MATH)
        return self.tab

    def report(self, page: str, problems: list[str]) -> None:
        problems = problems + [f"asked another host for {url}" for url in self.foreign] + self.errors
        assert not problems, f"{page}:\n  " + "\n  ".join(problems)


@pytest.fixture(scope="session")
def desktop(browser: Any) -> Tab:
    return Tab(browser, {"viewport": {"width": 1280, "height": 900}})


@pytest.fixture(scope="session")
def phone(browser: Any) -> Tab:
    return Tab(browser, {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 2,
                         "is_mobile": True, "has_touch": True})


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

#: Everything about the page as laid out now: for each check, its problems. ``least``, ``most``: the
#: stored pixels a figure may have per CSS pixel shown (on the desktop, a figure shrunk further
#: than 2 / 2.95 = 0.68 of its size would bring its smallest text, 10 pt, 13.9 px at 1x, under
#: 9.4 px); ``columnPx``: :data:`DESKTOP_COLUMN_PX`.
LAYOUT = """({width, least, most, columnPx}) => {
  const all = sel => [...document.querySelectorAll(sel)], style = e => getComputedStyle(e);
  const text = (e, n) => e.textContent.slice(0, n || 50), shown = e => e.offsetParent !== null;
  const out = {}, say = (check, problem) => out[check].push(problem);
  ['overflow', 'math', 'equations', 'clipped', 'scroll', 'eighty', 'figures', 'shrunk', 'hint']
    .forEach(check => { out[check] = []; });
  const root = document.scrollingElement, doc = document.documentElement;
  const overflow = Math.max(root.scrollWidth - root.clientWidth, doc.scrollWidth - window.innerWidth);
  if (overflow > 1) say('overflow', `the page scrolls sideways by ${overflow} px at ${width} px`);

  const sources = all('.math'), typeset = all('.math mjx-container, mjx-container').length;
  if (sources.length && !(window.MathJax && MathJax.version)) say('math', 'the page has math but no MathJax');
  sources.filter(e => !e.querySelector('mjx-container')).forEach(e => say('math', 'TeX left: ' + text(e)));
  all('mjx-merror').forEach(e => say('math', 'TeX error: ' + e.textContent));
  if (typeset < sources.length) say('math', `${typeset} of ${sources.length} formulas typeset`);

  // Every display equation inside the article's column, nothing of it hidden in its box, its
  // number beside or above it, never over it.
  const article = document.querySelector('.bd-content article') || document.querySelector('.bd-content');
  const column = article.getBoundingClientRect();
  for (const box of all('.bd-content div.math').filter(shown)) {
    const eq = box.querySelector('mjx-container[display="true"]'), no = box.querySelector('.eqno');
    if (!eq) continue;
    const math = (eq.querySelector('mjx-math') || eq).getBoundingClientRect();
    const said = `at ${width} px, display equation ${no ? no.textContent.replace('#', '').trim() : ''} ` +
                 (eq.getAttribute('aria-label') || eq.textContent).slice(0, 50);
    if (math.left < column.left - 1 || math.right > column.right + 1) say('equations', 'outside: ' + said);
    else if (eq.scrollWidth > eq.clientWidth + 1) say('equations', 'cut in its box: ' + said);
    const n = no && no.getBoundingClientRect();
    if (n && n.left < math.right - 1 && n.right > math.left + 1 && n.top < math.bottom - 1
        && n.bottom > math.top + 1) say('equations', 'its number covers it: ' + said);
  }

  all('.bd-content pre').filter(e => e.scrollWidth > e.clientWidth + 1)
    .forEach(e => say('clipped', 'code or output block scrolls sideways: ' + text(e, 60)));
  // Code blocks and tables wider than their box keep their lines whole (white-space: pre) and
  // scroll in their own box with a visible cue (book.css's scroll shadows, a gradient).
  const cue = e => style(e).backgroundImage.includes('gradient')
    && ['auto', 'scroll'].includes(style(e).overflowX);
  const wider = e => e.scrollWidth > e.clientWidth + 1;
  for (const pre of all('.bd-content div.cell_input pre, .bd-content div.highlight pre').filter(shown)) {
    if (style(pre).whiteSpace !== 'pre') say('scroll', 'code wraps its lines: ' + text(pre));
    else if (wider(pre) && !cue(pre)) say('scroll', 'code scrolls without a cue: ' + text(pre));
  }
  all('.bd-content table').filter(t => shown(t) && wider(t) && !cue(t))
    .forEach(t => say('scroll', 'table scrolls without a cue: ' + text(t)));
  // An 80-character line (tests/test_notebook_code.py's limit) fits a code cell and a listing.
  for (const sel of ['div.cell div.cell_input pre', 'div.highlight-python div.highlight pre']) {
    const pre = document.querySelector('.bd-content ' + sel);
    if (!pre) continue;
    const line = pre.appendChild(document.createElement('span'));  // on one line, as wide as it needs
    Object.assign(line.style, {whiteSpace: 'pre', overflowWrap: 'normal', wordBreak: 'normal'});
    line.textContent = '0'.repeat(80);
    const room = pre.clientWidth - parseFloat(style(pre).paddingLeft) - parseFloat(style(pre).paddingRight);
    const need = line.getBoundingClientRect().width;
    line.remove();
    if (need > room) say("eighty", `an 80-character line wraps (${sel}): ${need | 0} px in ${room | 0} px`);
  }

  // Figures: stored pixels per CSS pixel shown, in proportion; one legible hint under the first.
  for (const img of all('.bd-content div.cell_output img, .bd-content figure img')) {
    const box = img.getBoundingClientRect(), src = img.src.split('/').pop();
    if (!(box.width > 0 && img.naturalWidth > 0)) continue;
    const density = img.naturalWidth / box.width, fix = x => x.toFixed(2);
    const stretch = (box.height / box.width) / (img.naturalHeight / img.naturalWidth);
    if (density < least - 0.01) say('figures', `figure ${src}: ${fix(density)} px per CSS px (< ${least})`);
    if (most && density > most) say('figures', `figure ${src} shrunk to ${fix(2 / density)}: text < 9 px`);
    if (Math.abs(stretch - 1) > 0.02) say('figures', `figure ${src} out of proportion (x${fix(stretch)})`);
  }
  const outputs = all('.bd-content div.cell_output img');
  outputs.map(i => [i.naturalWidth, i.getBoundingClientRect().width])  // shrunk to the column
    .filter(([natural, w]) => w > 0 && natural / w > 2.01 && w < columnPx - 1)
    .forEach(([, w]) => say('shrunk', `a figure shrunk to the column gets ${w} px (< ${columnPx})`));
  const hints = all('.nbnp-zoom-hint'), hint = hints[0];
  if (hints.length !== Math.min(1, outputs.length)) say('hint', `${hints.length} enlarge hints (one a page)`);
  else if (hint) {
    const r = hint.getBoundingClientRect(), before = hint.previousElementSibling;
    if (!hint.innerText.includes('enlarge') || !(r.width * r.height) || style(hint).visibility === 'hidden')
      say('hint', 'the hint is not shown');
    if (parseFloat(style(hint).fontSize) < 12) say('hint', "the hint's text is under 12 px");
    if (!(before && before.querySelector('img'))) say('hint', 'the hint is not right under a figure');
  }
  return out;
}"""


def layout_problems(tab: Any, checks: tuple[str, ...], **measure: Any) -> list[str]:
    """The problems of :data:`LAYOUT`'s ``checks``, every image loaded and decoded first."""
    problems = [f"image not decoded: {src}" for src in tab.evaluate(IMAGE_STATE)["broken"]]
    found = tab.evaluate(LAYOUT, {"least": 0, "most": None, "columnPx": DESKTOP_COLUMN_PX, **measure})
    return problems + [problem for check in checks for problem in found[check]]


OUTPUT_FIGURES = ".bd-content div.cell_output img"
DESKTOP = ("overflow", "math", "equations", "clipped", "eighty", "figures", "shrunk", "hint")
PHONE_CHECKS = ("overflow", "math", "equations", "scroll", "figures", "hint")

#: In dark theme, each figure with transparent pixels on a light colour (a dark one would show).
DARK_FIGURES = """() => [...document.querySelectorAll('.bd-content img')].filter(i => i.naturalWidth)
  .filter(img => {
    const canvas = Object.assign(document.createElement('canvas'), {width: img.naturalWidth,
                                                                     height: img.naturalHeight});
    const context = canvas.getContext('2d');
    context.drawImage(img, 0, 0);
    const data = context.getImageData(0, 0, canvas.width, canvas.height).data;
    let transparent = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] < 250) transparent++;
    const [r, g, b, alpha = 1] = getComputedStyle(img).backgroundColor.match(/[\\d.]+/g).map(Number);
    const light = alpha > 0.9 && 0.2126 * r + 0.7152 * g + 0.0722 * b > 170;
    return transparent / (data.length / 4) > 0.01 && img.offsetWidth > 0 && !light;
  }).map(img => `dark theme: ${img.src} sits on ${getComputedStyle(img).backgroundColor}`)"""


def dark_theme(tab: Any) -> None:
    tab.emulate_media(color_scheme="dark")
    tab.wait_for_function("document.documentElement.dataset.theme === 'dark'", timeout=5_000)


def dark_problems(page: str, tab: Any) -> list[str]:
    dark_theme(tab)
    if tab.locator(OUTPUT_FIGURES).count():
        tab.locator(OUTPUT_FIGURES).first.scroll_into_view_if_needed()
    screenshot(tab, "dark", page)
    return tab.evaluate(DARK_FIGURES)


#: Printed: no navigation, no code or output line cut at the right edge, the article shown.
PRINTED = """() => ['.bd-sidebar-primary', '.bd-sidebar-secondary', '.bd-header-article', '.prev-next-area',
                    '.bd-header', '.bd-footer'].flatMap(sel => [...document.querySelectorAll(sel)])
  .filter(e => e.getBoundingClientRect().width > 0 && getComputedStyle(e).display !== 'none')
  .map(e => 'printed with navigation: ' + e.className)
  .concat([...document.querySelectorAll('.bd-content pre')].filter(e => e.scrollWidth > e.clientWidth + 1)
    .map(e => 'printed line cut at the right edge: ' + e.textContent.slice(0, 60)))
  .concat([...document.querySelectorAll('article.bd-article')].some(e => e.offsetWidth * e.offsetHeight > 0
    && getComputedStyle(e).visibility !== 'hidden') ? [] : ['the article is not printed'])"""


def print_problems(page: str, tab: Any) -> list[str]:
    """The chapter printed on A4 (less 15 mm margins: 680 CSS px wide); one chapter to PDF."""
    tab.set_viewport_size({"width": 680, "height": 960})
    tab.emulate_media(media="print")
    tab.evaluate("window.scrollTo(0, 0)")
    problems = tab.evaluate(PRINTED)
    screenshot(tab, "print", page)  # the first printed screen
    if page == PRINTED_CHAPTER:
        pdf = tab.pdf(format="A4", margin={side: "15mm" for side in ("top", "right", "bottom", "left")})
        shot_path("print", page).with_suffix(".pdf").write_bytes(pdf)
        problems += [] if pdf.startswith(b"%PDF") and len(pdf) > 10_000 else ["printing to PDF failed"]
    tab.emulate_media(media="screen")
    tab.set_viewport_size({"width": 1280, "height": 900})
    return problems


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
        return [f"download {href} is not {notebook_source(page).relative_to(ROOT)} (stale? `make book`)"]
    return []


def search_problems(tab: Any, served: bool) -> list[str]:
    """Results for "sigmoid", each a link; served, each with its page's summary (fetched)."""
    finished = """served => {
      const status = document.querySelector('#search-results .search-summary');
      const results = [...document.querySelectorAll('#search-results ul.search li')];
      return !!status && status.textContent.trim() !== '' &&  // set when the last result is listed
        (!served || results.every(li => li.querySelector('span, .context')));
    }"""
    tab.wait_for_function(finished, arg=served, timeout=15_000)
    links = tab.eval_on_selector_all("#search-results li a", "a => a.map(e => e.getAttribute('href'))")
    return [] if links and all(links) else [f"search for sigmoid: {links}"]


# --- the interactive figures (_static/interactive.js): nbnp's numbers for every setting ----------

DESCENT_PAGE = "book/part1/03_learning_rate.html"
NEURON_PAGE = "book/part1/01_single_neuron.html"
INTERACTIVE = {DESCENT_PAGE: "descent-alpha", NEURON_PAGE: "neuron-weights"}
FIELDS = """f => { const shown = {};
  for (const e of f.querySelectorAll('[data-field]')) shown[e.dataset.field] ??= e.innerText.trim();
  return shown; }"""


def _f(value: float) -> str:
    from nbnp.experiments.interactive import SIG

    return nbnp.fmt(float(value), SIG)  # as _static/interactive.js prints it


def descent_problems(figure: Any) -> list[str]:
    """Chapter 3's curve and start (theta0 = -8, 10 steps), for every learning rate of the slider."""
    from nbnp.experiments.interactive import ALPHAS

    curve, problems = nbnp.Parabola(curvature=0.1, minimum=0.0), []
    for index, alpha in enumerate(ALPHAS):
        figure.locator("input").fill(str(index))
        shown = figure.evaluate(FIELDS)
        path = nbnp.descent_path(curve.gradient, -8.0, alpha, 10)
        expected = {f"theta-{t}": _f(theta) for t, theta in enumerate(path)}
        expected |= {f"loss-{t}": _f(curve(theta)) for t, theta in enumerate(path)} | {"alpha": _f(alpha)}
        if {key: shown.get(key) for key in expected} != expected:
            problems.append(f"learning rate {alpha}: the figure shows {shown}")
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
    return numbers | {"cost": _f(cost), "dW-0": _f(linear.dW[0, 0]), "dW-1": _f(linear.dW[0, 1]),
                      "db": _f(linear.db[0, 0]), "w1": _f(w1), "w2": _f(w2), "b": _f(b)}


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
            shown, expected = figure.evaluate(FIELDS), neuron_numbers(**values)
            if {key: shown.get(key) for key in expected} != expected:
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
    screenshot(figure, f"interactive-{width}", page)
    return problems + (descent_problems if page == DESCENT_PAGE else neuron_problems)(figure)


# --- figures enlarged, and the keyboard -----------------------------------------------------------

ZOOMED = """() => {
  const overlay = document.querySelector('.nbnp-zoom'), img = overlay.querySelector('img');
  const r = img.getBoundingClientRect();
  return {natural: img.naturalWidth, width: img.offsetWidth, left: r.left, right: r.right,
          top: r.top, bottom: r.bottom,
          pans: getComputedStyle(overlay).overflowX !== 'hidden'
                && overlay.scrollWidth > overlay.clientWidth + 1,
          vw: window.innerWidth, vh: window.innerHeight};
}"""


def zoomed_fit_problems(big: dict[str, Any]) -> list[str]:
    inside = (big["left"] >= -1 and big["right"] <= big["vw"] + 1
              and (big["top"] >= -1 and big["bottom"] <= big["vh"] + 1 or big["natural"] <= big["vw"]))
    if inside and not big["pans"]:
        return []
    return [f"the enlarged figure does not fit the {big['vw']} px screen: {big}"]


def enlarged(tab: Any, img: Any) -> dict[str, Any]:
    """Tap the figure ``img``; its enlarged view measured (:data:`ZOOMED`), left open."""
    img.scroll_into_view_if_needed()
    img.click()
    tab.locator(".nbnp-zoom img").wait_for(timeout=5_000)
    return tab.evaluate(ZOOMED)


def zoom_problems(page: str, tab: Any) -> list[str]:
    """A tap on the first figure enlarges it with nothing to pan sideways; Escape closes it.

    A figure whose stored pixels fit the screen's width opens at its stored size (as sharp as
    it gets); a wider one is fitted to the screen (on a phone in portrait, turned a quarter
    when that shows it larger: _static/figure-zoom.js)."""
    if not tab.locator(OUTPUT_FIGURES).count():
        return []
    big = enlarged(tab, tab.locator(OUTPUT_FIGURES).first)
    screenshot(tab, "phone-zoom", page)
    tab.keyboard.press("Escape")
    problems = zoomed_fit_problems(big)
    if big["natural"] <= big["vw"] - 16 and abs(big["width"] - big["natural"]) > 1:
        problems.append(f"enlarged to {big['width']} px of {big['natural']} (it fits the screen)")
    return problems + (["Escape leaves the figure enlarged"] if tab.locator(".nbnp-zoom").count() else [])


def keyboard_problems(tab: Any) -> list[str]:
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


# --- issue 21: accessible to everyone, light on a phone -------------------------------------------

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


#: The page back at its top, nothing moving: scroll events handled, then as long as the last
#: transition under way (a theme's colours, a button fading in or out) has left to run.
SETTLED = """async () => {
  window.scrollTo(0, 0);
  for (let i = 0; i < 2; i++) await new Promise(r => requestAnimationFrame(r));
  const left = document.getAnimations().map(a => a.effect.getComputedTiming())
    .map(t => t.endTime - (t.localTime || 0)).filter(Number.isFinite);
  await new Promise(r => setTimeout(r, Math.max(0, ...left)));
}"""


def axe_problems(tab: Any, theme: str) -> list[str]:
    """axe-core's serious and critical WCAG 2 A/AA violations of the page at its top, settled."""
    if not AXE.is_file():
        return [f"axe-core is not installed at {AXE.relative_to(ROOT)}: run `npm ci` (make book does)"]
    tab.evaluate(SETTLED)
    tab.add_script_tag(path=str(AXE))
    return [f"axe, {theme} theme: {v['impact']} {v['id']} on {v['count']} elements: {v['where']}"
            for v in tab.evaluate(AXE_RUN)]


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


#: The window narrowed: once the resize has reached the page, MathJax lays the math out again.
NARROWED = """async width => {
  const frame = () => new Promise(r => requestAnimationFrame(r));
  for (let n = 0; window.innerWidth !== width && n < 300; n++) await frame();
  await frame();  // the resize event runs before this frame's callbacks
  await window.nbnpMathReflow;  // _static/math-reflow.js
}"""


def narrow_phone_problems(tab: Any) -> list[str]:
    """The same phone page at 360 px: MathJax lays the math out again (_static/math-reflow.js)."""
    tab.set_viewport_size({"width": 360, "height": 780})
    tab.evaluate(NARROWED, 360)
    return layout_problems(tab, ("overflow", "equations"), width=360)


# --- the two visits ------------------------------------------------------------------------------


@pytest.mark.parametrize("page", PAGES)
def test_page_on_a_desktop(page: str, desktop: Tab, site: str) -> None:
    tab = desktop.open(site, page)
    problems = layout_problems(tab, DESKTOP, width=1280, least=2.0, most=2.95)
    screenshot(tab, "light", page, full_page=True)
    problems += axe_problems(tab, "light")
    if page == "search.html":
        problems += search_problems(tab, served=True)
    if page in INTERACTIVE:
        problems += interactive_problems(page, tab, 1280)
    if page in CHAPTERS:
        problems += keyboard_problems(tab) + download_problems(page, tab) + print_problems(page, tab)
        problems += dark_problems(page, tab)
    desktop.report(page, problems)


@pytest.mark.parametrize("page", PAGES)
def test_page_on_a_phone_from_disk(page: str, phone: Tab) -> None:
    tab = phone.open(DISK, page)
    problems = weight_problems(tab)  # before layout_problems makes every image load
    problems += layout_problems(tab, PHONE_CHECKS, width=390, least=1.5)
    if page in GRAPH_PAGES:
        problems += label_problems(page, tab)
    if page == "search.html":
        problems += search_problems(tab, served=False)
    if page in INTERACTIVE:
        problems += interactive_problems(page, tab, 390)
    if page in CHAPTERS:
        screenshot(tab, "phone-light", page, full_page=True)
        problems += zoom_problems(page, tab)
    dark_theme(tab)
    screenshot(tab, "phone-dark", page, full_page=True)
    problems += axe_problems(tab, "dark")
    problems += narrow_phone_problems(tab)
    phone.report(page, problems)


#: Chapters whose graph figures are measured: chapters 1 and 2 (the single neuron), chapter 4
#: (and its sum of paths), and the hidden layer (issue 21).
GRAPH_PAGES = {f"book/part1/{name}.html" for name in ("01_single_neuron", "02_bias",
               "04_cost_vectorization", "04b_sum_of_paths", "06_hidden_layer")}
#: tools/figure_check.py makes every text of every figure at least LEAST_TEXT_PX tall in the
#: desktop column (DESKTOP_COLUMN_PX), from the figure's own 1x size (half the stored pixels):
#: shown ``w`` CSS px wide, its smallest label is at least 9 * w / min(1x width, column) px.
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


def label_problems(page: str, tab: Any) -> list[str]:
    """Every graph figure's labels at 9 CSS px or more at 390 px: in the column, or enlarged."""
    tab.evaluate(IMAGE_STATE)
    problems, graphs = [], graph_images(page)
    if not graphs:
        return [f"no graph figure found on {page} (tests/test_browser.py, GRAPH_CALL)"]
    for figure in tab.evaluate(SHOWN_FIGURES):
        if figure["src"] not in graphs:
            continue
        reference = min(figure["natural"] / 2, DESKTOP_COLUMN_PX)
        column = LEAST_TEXT_PX * figure["width"] / reference
        img = tab.locator(OUTPUT_FIGURES).nth(figure["index"])
        # enough in the column; or inside a folded solution: measured when a reader unfolds it
        if column >= LEAST_TEXT_PX - 0.05 or not img.is_visible():
            continue
        big = enlarged(tab, img)
        tab.keyboard.press("Escape")
        zoomed = LEAST_TEXT_PX * big["width"] / reference
        problems += zoomed_fit_problems(big)
        if zoomed < LEAST_TEXT_PX - 0.05:
            problems.append(f"figure {figure['src']}: labels at {column:.1f} px in the column and "
                            f"{zoomed:.1f} px enlarged (< {LEAST_TEXT_PX})")
    return problems
