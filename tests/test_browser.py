"""The built HTML book, opened in headless Chromium with the network cut off.

Every page that ``make book`` wrote to ``_build/html`` is loaded from a local HTTP server
(``127.0.0.1``); any request to another host is aborted and reported. Each page must load
without a console error, with its math typeset by the book's own MathJax and every image
decoded; dark theme keeps figures on a light background; print hides the navigation; the
search page finds "sigmoid"; each chapter's ``.ipynb`` download is a notebook that exists.
Screenshots go to ``_build/screenshots/``: each chapter in full (light), the first screen of
every other page, a chapter's first figure in the dark theme, its first printed screen; on a
phone (390 × 844 CSS pixels, 2 device pixels each) each chapter in full, light and dark.
On the phone no page scrolls sideways, no display equation is cut off (it fits, or scrolls
inside its own box) and every figure keeps at least 1.5 stored pixels per CSS pixel; on the
desktop every figure is shown at most at its intended size (2 stored pixels per CSS pixel).

Every page is also opened straight from disk (``file://``, as README allows): no console
error there either, search included. The front page links the whole book as a PDF exactly
when the build has one (``make pdf``; ``_ext/pdf_link.py``), and says how to make one otherwise.

Needs Debian's ``chromium`` (``/usr/bin/chromium``), Playwright for Python (never
``playwright install``: no browser download) and a built book. A run that includes them
(``make test``, ``make browser``: ``NBNP_BROWSER_TESTS=required``; CI: ``CI=true``) fails when
one is missing; a bare ``pytest`` skips them with the reason (``-rs`` shows it).
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
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import pytest

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
PDF = HTML / "nothing-but-numpy.pdf"  # the HTML build copies _build/latex/book.pdf here (_ext/pdf_link.py)


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


@pytest.mark.parametrize("page", PAGES)
def test_page_names_no_external_asset(page: str) -> None:
    html = (HTML / page).read_text(encoding="utf-8")
    found = [m.group(0) for m in EXTERNAL_ASSET.finditer(html)]
    # <link rel="canonical"/"alternate"> are addresses, not loads; none are expected anyway.
    assert not found, f"{page} loads from another host: {found}"


def test_stylesheets_fetch_nothing_from_other_hosts() -> None:
    if not PAGES:
        unavailable(f"no built book at {HTML}: run `make book` first")
    remote = re.compile(r"(?:@import\s+|url\()\s*[\"']?(?:https?:)?//", re.IGNORECASE)
    offenders = [
        css.relative_to(HTML).as_posix()
        for css in (HTML / "_static").rglob("*.css")
        if remote.search(css.read_text(encoding="utf-8", errors="replace"))
    ]
    assert not offenders, f"stylesheets that fetch from another host: {offenders}"


def test_mathjax_is_served_by_the_book() -> None:
    if not PAGES:
        unavailable(f"no built book at {HTML}: run `make book` first")
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


def test_duplicate_inline_scripts_are_dropped_once_each() -> None:
    from sphinx.builders.html._assets import _JavaScript

    thebe = "const THEBE_JS_URL = 'x'"
    scripts = [
        _JavaScript("", body=thebe),
        _JavaScript("_static/sphinx-thebe.js", **{"async": "async"}),
        _JavaScript(None, body=thebe),  # the copy that throws the SyntaxError
        _JavaScript(None, body="let other = 1"),
    ]
    context = {"script_files": scripts}
    load_book_html().drop_duplicate_scripts(None, "page", "page.html", context, None)
    assert context["script_files"] == [scripts[0], scripts[1], scripts[3]]


def theme_options_after_reader_buttons(**options: Any) -> dict[str, Any]:
    config = types.SimpleNamespace(html_theme_options=dict(options))
    load_book_html().reader_buttons(None, config)
    return config.html_theme_options


def test_no_repository_means_no_launch_or_repository_buttons() -> None:
    launch = {"binderhub_url": "https://binder.example", "colab_url": "https://colab.example"}
    options = theme_options_after_reader_buttons(repository_url="", launch_buttons=launch)
    assert "launch_buttons" not in options
    assert not options["use_repository_button"] and not options["use_issues_button"]


def test_a_repository_url_turns_the_buttons_on() -> None:
    launch = {"binderhub_url": "https://binder.example"}
    options = theme_options_after_reader_buttons(
        repository_url="https://github.com/org/repo", launch_buttons=launch
    )
    assert options["launch_buttons"] == launch
    assert options["use_repository_button"] and options["use_issues_button"]


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


@pytest.fixture
def visit(browser: Any, site: str) -> Iterator[Any]:
    visits: list[Visit] = []

    def make(**options: Any) -> Visit:
        visits.append(Visit(browser, site, **options))
        return visits[-1]

    yield make
    for opened in visits:
        opened.close()


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


@pytest.mark.parametrize("page", PAGES)
def test_page_in_the_browser(page: str, visit: Any) -> None:
    """One load per page: light checks on every page; dark, print, download on chapters."""
    view = visit()
    tab = view.open(page)
    problems = light_problems(page, tab)
    if page in CHAPTERS:
        problems += download_problems(page, tab)
        problems += dark_problems(page, tab)
        problems += print_problems(page, tab)
    problems += [f"asked another host for {url}" for url in view.blocked]
    problems += view.errors
    assert not problems, f"{page}:\n  " + "\n  ".join(problems)


def test_chapter_prints_to_pdf(visit: Any) -> None:
    if not CHAPTERS:
        unavailable("no chapter page in the build")
    chapter = next((page for page in CHAPTERS if page.startswith("book/part1/")), CHAPTERS[0])
    tab = visit().open(chapter)
    pdf = tab.pdf(format="A4", margin={side: "15mm" for side in ("top", "right", "bottom", "left")})
    SHOTS.mkdir(parents=True, exist_ok=True)
    (SHOTS / "print.pdf").write_bytes(pdf)
    assert pdf.startswith(b"%PDF") and len(pdf) > 10_000


def front_page() -> str:
    """The page ``index.html`` forwards to (the book's root document)."""
    redirect = REFRESH.search((HTML / "index.html").read_text(encoding="utf-8"))
    return redirect.group(1) if redirect else "index.html"


def test_front_page_links_the_pdf_only_when_the_build_has_one() -> None:
    if not PAGES:
        unavailable(f"no built book at {HTML}: run `make book` first")
    page = front_page()
    html = (HTML / page).read_text(encoding="utf-8")
    links = re.findall(r'<a\b[^>]*\bhref="([^"]+\.pdf)"', html)
    built = ROOT / "_build" / "latex" / "book.pdf"
    if not built.is_file():  # `make book` alone: no link to a missing file, but how to make one
        assert links == [] and not PDF.exists(), f"{page} links {links} but the build has no PDF"
        assert "built without it" in html and "make pdf" in html
        # the PDF needs TeX Live: required in CI, which runs `make pdf`
        unavailable(f"no {built.relative_to(ROOT)}: run `make pdf`", required=IN_CI)
    assert links, f"{page} has no link to the PDF"
    targets = {Path(os.path.normpath(HTML / Path(page).parent / link)) for link in links}
    assert targets == {PDF}, f"{page} links {links}, not {PDF.relative_to(HTML)}"
    assert PDF.read_bytes() == built.read_bytes() and PDF.read_bytes()[:5] == b"%PDF-"


DISK = HTML.as_uri() + "/"


@pytest.mark.parametrize("page", PAGES)
def test_page_from_disk(page: str, browser: Any) -> None:
    """Opened as a file (no server), the page logs no error, typesets its math, decodes its images."""
    view = Visit(browser, DISK)
    try:
        tab = view.open(page)
        math, images = tab.evaluate(MATH_STATE), tab.evaluate(IMAGE_STATE)
        problems = [f"image not decoded: {src}" for src in images["broken"]]
        if math["sources"] and math["typeset"] < math["sources"]:
            problems.append(f"{math['typeset']} of {math['sources']} formulas typeset")
        problems += [f"asked another host for {url}" for url in view.blocked] + view.errors
    finally:
        view.close()
    assert not problems, f"file://{page}:\n  " + "\n  ".join(problems)


def test_search_from_disk_finds_sigmoid(browser: Any) -> None:
    if not PAGES:
        unavailable(f"no built book at {HTML}: run `make book` first")
    view = Visit(browser, DISK)
    try:
        results = view.open("search.html?q=sigmoid").locator("#search-results ul.search li")
        results.first.wait_for(timeout=15_000)
        view.page.wait_for_timeout(500)  # a refused fetch() of a summary would log by now
        count = results.count()
    finally:
        view.close()
    assert count and not view.errors and not view.blocked, (count, view.errors, view.blocked)


def test_search_finds_sigmoid(visit: Any) -> None:
    view = visit()
    tab = view.open("search.html?q=sigmoid")
    results = tab.locator("#search-results ul.search li")
    results.first.wait_for(timeout=15_000)
    links = results.locator("a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert links and all(link for link in links)
    assert not view.errors and not view.blocked, (view.errors, view.blocked)


# --------------------------------------------------------------------------- figures and phone

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


@pytest.mark.parametrize("page", CHAPTERS)
def test_figures_are_shown_at_their_intended_size(page: str, visit: Any) -> None:
    """Desktop (1280 px): figures stored at 2x are never stretched beyond their 1x size, nor
    shrunk so much that their text falls under about 9 px."""
    tab = visit().open(page)
    problems = density_problems(tab, 2.0)
    problems += [
        f"figure {f['src']} shrunk to {2 / f['density']:.2f} of its size: its text is under 9 px"
        for f in tab.evaluate(FIGURE_DENSITY)
        if f["density"] > MOST_SHRUNK
    ]
    assert not problems, f"{page}:\n  " + "\n  ".join(problems)


@pytest.mark.parametrize("page", PAGES)
def test_page_on_a_phone(page: str, visit: Any) -> None:
    """390 px phone: no sideways scrolling, no display equation cut off, figures at >= 1.5x."""
    view = visit(phone=True)
    tab = view.open(page)
    layout = tab.evaluate(PHONE_LAYOUT)
    problems = density_problems(tab, 1.5)
    if layout["overflow"] > 1:
        problems.append(f"the page scrolls sideways by {layout['overflow']} px")
    problems += [f"display equation cut off: {text!r}" for text in layout["cut"]]
    if page in CHAPTERS:
        tab.screenshot(path=shot_path("phone-light", page), full_page=True)
        tab.emulate_media(color_scheme="dark")
        tab.wait_for_function("document.documentElement.dataset.theme === 'dark'", timeout=5_000)
        tab.screenshot(path=shot_path("phone-dark", page), full_page=True)
    problems += view.errors
    assert not problems, f"{page}:\n  " + "\n  ".join(problems)


#: Width at which a figure wider than the column is shown at 1280 px (at least), which
#: tests/draw/test_figure_overlaps.py assumes (DESKTOP_COLUMN_PX) when it computes how tall
#: each graph's text shows on the page.
DESKTOP_COLUMN_PX = 672


@pytest.mark.parametrize("page", [p for p in CHAPTERS if "06_hidden_layer" in p or "04_cost" in p])
def test_desktop_column_is_as_wide_as_the_figures_assume(page: str, visit: Any) -> None:
    """Every figure shrunk to the column (stored 2x, shown at less than half its pixels) gets
    at least DESKTOP_COLUMN_PX."""
    tab = visit().open(page)
    shrunk = [f for f in tab.evaluate(FIGURE_DENSITY) if f["density"] > 2.01]
    assert shrunk, "no figure is shrunk to the column: pick another chapter"
    widths = tab.evaluate(
        """() => [...document.querySelectorAll('.bd-content div.cell_output img')]
                 .filter(i => i.naturalWidth / i.getBoundingClientRect().width > 2.01)
                 .map(i => i.getBoundingClientRect().width)"""
    )
    assert min(widths) >= DESKTOP_COLUMN_PX - 1, widths


@pytest.mark.parametrize("phone", [True, False], ids=["phone", "desktop"])
def test_one_hint_says_a_figure_can_be_enlarged(phone: bool, visit: Any) -> None:
    """Once per page with figures, under the first one shown; legible on a 390 px phone."""
    chapter = next((page for page in CHAPTERS if "06_hidden_layer" in page), None)
    if chapter is None:
        unavailable("chapter 6 is not in the build")
    view = visit(phone=phone)
    tab = view.open(chapter)
    hints = tab.locator(".nbnp-zoom-hint")
    assert hints.count() == 1
    hint = hints.first
    assert "enlarge" in hint.inner_text() and hint.is_visible()
    size = hint.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")
    assert size >= 12, size
    before = "e => { const p = e.previousElementSibling; return !!p && !!p.querySelector('img'); }"
    previous = hint.evaluate(before)
    assert previous, "the hint is not right under a figure"
    hint.scroll_into_view_if_needed()
    tab.screenshot(path=shot_path("phone-hint" if phone else "desktop-hint", chapter))
    without = next(page for page in PAGES if "notation" in page)  # a page without figures
    assert view.open(without).locator(".nbnp-zoom-hint").count() == 0
    assert not view.errors, view.errors


def test_a_click_enlarges_a_figure_to_its_stored_size(visit: Any) -> None:
    chapter = next((page for page in CHAPTERS if "06_hidden_layer" in page), None)
    if chapter is None:
        unavailable("chapter 6 is not in the build")
    view = visit(phone=True)
    tab = view.open(chapter)
    figure = tab.locator(".bd-content div.cell_output img").first
    figure.scroll_into_view_if_needed()
    figure.click()
    big = tab.locator(".nbnp-zoom img")
    big.wait_for(timeout=5_000)
    natural, shown = big.evaluate("img => [img.naturalWidth, img.getBoundingClientRect().width]")
    assert natural > 390 and abs(shown - natural) <= 1, (natural, shown)
    tab.screenshot(path=shot_path("phone-zoom", chapter))
    tab.keyboard.press("Escape")
    assert tab.locator(".nbnp-zoom").count() == 0
    assert not view.errors, view.errors


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


@pytest.mark.parametrize("page", [p for p in CHAPTERS if "02_bias" in p or "07_modular" in p])
def test_a_code_line_of_80_characters_fits_the_desktop_column(page: str, visit: Any) -> None:
    """At 1280 px no code line within the limit wraps back to column 0 (chapter 7 has listings)."""
    blocks = visit().open(page).evaluate(EIGHTY_FIT)
    assert blocks, "no code block found"
    assert all(b["width"] <= b["room"] for b in blocks), blocks
