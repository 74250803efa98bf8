"""MathJax 4 from the npm package, served from the build, and lazy images (issue 21).

1. **MathJax 4, offline.** ``make book`` installs ``package.json``'s pinned ``mathjax`` (and its
   font, ``@mathjax/mathjax-newcm-font``) into ``node_modules/`` with ``npm ci``. After an HTML
   build both are copied under ``_build/html/_static/mathjax/`` (never into the source
   ``_static/``, or every page would link hundreds of its files), and MathJax is told to load its
   font from there (``loader.paths.fonts``), not from its CDN.
   Display equations too wide for their column break into lines (``displayOverflow:
   'linebreak'``, at the column's width), so nothing is cut at 360 px and no scroll bar is
   needed; the explorer's speech (which would fetch its rules) is off, the menu stays.
2. **Lazy images.** Every ``<img>`` of a page's body gets ``loading="lazy"`` and
   ``decoding="async"``: a phone loads only the figures it scrolls to.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.config import Config

ROOT = Path(__file__).resolve().parents[1]
NODE_MODULES = ROOT / "node_modules"
MATHJAX = NODE_MODULES / "mathjax"
FONT = NODE_MODULES / "@mathjax" / "mathjax-newcm-font"
#: What of the font package CHTML output reads (its SVG and module copies are not needed).
FONT_PARTS = ("chtml", "chtml.js", "package.json")
#: What of the mathjax package a browser page needs (not its Node.js entry points).
MATHJAX_SKIP = ("node-main*", "require.mjs", "*.md")

CONFIG = {
    "loader": {"paths": {"fonts": "[mathjax]/fonts"}},
    # Math at the text's size: MathJax's match of the surrounding font's x-height scales the math
    # by about 1.24 after the line breaks were chosen for the column, so a broken equation would
    # still overflow on a phone.
    "chtml": {"matchFontHeight": False},
    "output": {
        "displayOverflow": "linebreak",
        "linebreaks": {"inline": True, "width": "100%", "lineleading": 0.2},
    },
    "options": {
        "menuOptions": {"settings": {"speech": False, "braille": False, "enrich": False}},
        "enableSpeech": False,
        "enableBraille": False,
        "enableEnrichment": False,
    },
}

IMG = re.compile(r"<img\b(?![^>]*\bloading=)")


def configure(app: Sphinx, config: Config) -> None:
    config.mathjax_path = "mathjax/tex-chtml.js"
    config.mathjax3_config = {**CONFIG, **(config.mathjax3_config or {})}


def copy_mathjax(app: Sphinx, exc: Exception | None) -> None:
    if exc is not None or app.builder.format != "html":
        return
    if not (MATHJAX / "tex-chtml.js").is_file() or not FONT.is_dir():
        raise RuntimeError(f"MathJax 4 is not installed in {NODE_MODULES}: run `npm ci` (make book does)")
    target = Path(app.outdir) / "_static" / "mathjax"
    shutil.copytree(MATHJAX, target, dirs_exist_ok=True, ignore=shutil.ignore_patterns(*MATHJAX_SKIP))
    font = target / "fonts" / "mathjax-newcm-font"
    font.mkdir(parents=True, exist_ok=True)
    for part in FONT_PARTS:
        source = FONT / part
        if source.is_dir():
            shutil.copytree(source, font / part, dirs_exist_ok=True)
        else:
            shutil.copy2(source, font / part)


def lazy_images(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    body = context.get("body")
    if body:
        context["body"] = IMG.sub('<img loading="lazy" decoding="async"', body)


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("config-inited", configure, priority=900)
    app.connect("build-finished", copy_mathjax)
    app.connect("html-page-context", lazy_images)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
