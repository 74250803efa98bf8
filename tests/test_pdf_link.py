"""_ext/pdf_link.py: the front page links the PDF only when the build has one (never a 404).

The browser test ``test_front_page_links_the_pdf_only_when_the_build_has_one`` checks the
built page; these check the extension's decisions without a build.
"""

from __future__ import annotations

import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from sphinx.errors import ExtensionError

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "_ext"))
import pdf_link  # noqa: E402

FRONT_PAGE = ROOT / "book" / "intro.md"


def _app(srcdir: Path, outdir: Path, fmt: str = "html") -> SimpleNamespace:
    return SimpleNamespace(
        srcdir=srcdir,
        outdir=outdir,
        builder=SimpleNamespace(format=fmt),
        config=SimpleNamespace(root_doc="book/intro"),
    )


def _make_pdf(srcdir: Path) -> Path:
    pdf = srcdir / "_build" / "latex" / "book.pdf"
    pdf.parent.mkdir(parents=True)
    pdf.write_bytes(b"%PDF-1.5 the book")
    return pdf


def test_the_front_page_holds_the_line_the_extension_keeps_or_replaces():
    assert pdf_link.PDF_LINK in FRONT_PAGE.read_text(encoding="utf-8").splitlines()
    assert f'href="../{pdf_link.PDF_NAME}"' in pdf_link.PDF_LINK


def test_without_a_pdf_the_link_becomes_a_sentence_on_how_to_make_one(tmp_path):
    source = [FRONT_PAGE.read_text(encoding="utf-8")]
    pdf_link.on_source_read(_app(tmp_path, tmp_path / "html"), "book/intro", source)
    assert ".pdf" not in source[0] and pdf_link.NO_PDF in source[0]
    assert "`make pdf`" in pdf_link.NO_PDF


def test_with_a_pdf_the_link_stays_and_the_pdf_is_copied_beside_the_pages(tmp_path):
    pdf, html = _make_pdf(tmp_path), tmp_path / "html"
    html.mkdir()
    source = [FRONT_PAGE.read_text(encoding="utf-8")]
    pdf_link.on_source_read(_app(tmp_path, html), "book/intro", source)
    assert source[0] == FRONT_PAGE.read_text(encoding="utf-8")
    pdf_link.copy_pdf(_app(tmp_path, html), None)
    assert (html / pdf_link.PDF_NAME).read_bytes() == pdf.read_bytes()


def test_a_stale_copy_goes_when_the_pdf_is_gone(tmp_path):
    html = tmp_path / "html"
    html.mkdir()
    (html / pdf_link.PDF_NAME).write_bytes(b"%PDF- old")
    pdf_link.copy_pdf(_app(tmp_path, html), None)
    assert not (html / pdf_link.PDF_NAME).exists()


def test_other_pages_and_the_latex_build_are_left_alone(tmp_path):
    source = ["anything"]
    pdf_link.on_source_read(_app(tmp_path, tmp_path), "book/notation", source)
    pdf_link.on_source_read(_app(tmp_path, tmp_path, fmt="latex"), "book/intro", source)
    assert source == ["anything"]


def test_the_front_page_is_read_again_when_the_pdf_appears(tmp_path):
    app, env = _app(tmp_path, tmp_path / "html"), SimpleNamespace()
    assert pdf_link.outdated_front_page(app, env, set(), set(), set()) == ["book/intro"]
    assert pdf_link.outdated_front_page(app, env, set(), set(), set()) == []  # nothing changed
    _make_pdf(tmp_path)
    assert pdf_link.outdated_front_page(app, env, set(), set(), set()) == ["book/intro"]


def test_a_front_page_without_the_line_is_an_error():
    with pytest.raises(ExtensionError, match="has no line"):
        pdf_link.front_page_source("# A page\n", has_pdf=False)
