"""The front page links the PDF exactly when the build has one, and never a missing file.

``make book`` alone (the README's path) has no PDF: the front page then says so, without build instructions.
``make pdf`` writes ``_build/latex/book.pdf`` and rebuilds the HTML, which copies it beside the
pages and keeps the link (``_ext/pdf_link.py``). The first test reads the built page in
whichever state the build is; the others run the extension on a PDF made up here.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from types import SimpleNamespace

import pytest

pytest.importorskip("sphinx", reason="the book's tools are not installed (pip install -e '.[book]')")
import pdf_link  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
HTML = ROOT / "_build" / "html"
FRONT_PAGE = ROOT / "book" / "intro.md"
REQUIRED = os.environ.get("NBNP_BROWSER_TESTS") == "required" or os.environ.get("CI") == "true"


def test_the_built_front_page_links_the_pdf_exactly_when_the_build_has_one() -> None:
    page = HTML / "book" / "intro.html"
    if not page.is_file():
        message = f"no built book at {HTML}: run `make book` first"
        pytest.fail(message) if REQUIRED else pytest.skip(message)
    html = page.read_text(encoding="utf-8")
    links = re.findall(r'<a\b[^>]*\bhref="([^"]+\.pdf)"', html)
    built, copy = ROOT / "_build" / "latex" / "book.pdf", HTML / pdf_link.PDF_NAME
    if built.is_file():  # after `make pdf`
        targets = {Path(os.path.normpath(page.parent / link)) for link in links}
        assert targets == {copy}, f"the front page links {links}, not {copy.name}"
        assert copy.read_bytes() == built.read_bytes()
    else:  # `make book` alone: no link to a missing file, and no build instructions
        assert links == [] and not copy.exists(), f"the front page links {links} without a PDF"
        assert "built without it" in html


def _app(srcdir: Path, fmt: str = "html") -> SimpleNamespace:
    return SimpleNamespace(srcdir=srcdir, outdir=srcdir / "html", builder=SimpleNamespace(format=fmt),
                           config=SimpleNamespace(root_doc="book/intro"))


def test_the_extension_keeps_the_link_and_copies_the_pdf_only_when_there_is_one(tmp_path: Path) -> None:
    app, front = _app(tmp_path), FRONT_PAGE.read_text(encoding="utf-8")
    (tmp_path / "html").mkdir()
    (tmp_path / "html" / pdf_link.PDF_NAME).write_bytes(b"%PDF- a stale copy")
    source = [front]
    pdf_link.on_source_read(app, "book/intro", source)
    pdf_link.copy_pdf(app, None)
    assert ".pdf" not in source[0] and "built without it" in source[0] and "make" not in source[0]
    assert not (tmp_path / "html" / pdf_link.PDF_NAME).exists()

    pdf = tmp_path / "_build" / "latex" / "book.pdf"
    pdf.parent.mkdir(parents=True)
    pdf.write_bytes(b"%PDF-1.5 the book")
    source = [front]
    pdf_link.on_source_read(app, "book/intro", source)
    pdf_link.copy_pdf(app, None)
    assert source == [front] and (tmp_path / "html" / pdf_link.PDF_NAME).read_bytes() == pdf.read_bytes()


def test_the_pdf_build_keeps_the_front_page_as_written(tmp_path: Path) -> None:
    source = [FRONT_PAGE.read_text(encoding="utf-8")]
    pdf_link.on_source_read(_app(tmp_path, fmt="latex"), "book/intro", source)
    assert source == [FRONT_PAGE.read_text(encoding="utf-8")]
