"""The front page links the PDF only when there is one (loaded through ``_config.yml``).

``make pdf`` writes the whole book as ``_build/latex/book.pdf``; TeX Live is needed for it, so
an HTML build made by ``make book`` alone has no PDF beside it. A link to a missing file would
be a 404, so the front page's sentence depends on the PDF:

* when ``_build/latex/book.pdf`` exists, the HTML build copies it beside the pages as
  ``nothing-but-numpy.pdf`` (:data:`PDF_NAME`) and the front page keeps its download link;
* when it does not, the link is replaced by a sentence saying that this build has no PDF
  (:data:`NO_PDF`; readers are never told to build anything: CONTRIBUTING.md says how).

The front page is read again whenever that changes (``env-get-outdated``), and ``make pdf``
rebuilds the HTML after the PDF, so the two never disagree.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.errors import ExtensionError

#: The PDF's name beside the HTML pages; the front page links it as ``../`` + this name.
PDF_NAME = "nothing-but-numpy.pdf"
#: The front page's line that links the PDF (``book/intro.md``, in an ``{only} html`` block).
PDF_LINK = f'The whole book is also one PDF file: <a href="../{PDF_NAME}" download>download the PDF</a>.'
#: What the front page says instead when the build has no PDF.
NO_PDF = "The whole book can also be one PDF file, but this copy was built without it."


def built_pdf(srcdir: str | Path) -> Path | None:
    """The PDF that ``make pdf`` wrote under ``srcdir``, or None if there is none."""
    pdf = Path(srcdir) / "_build" / "latex" / "book.pdf"
    return pdf if pdf.is_file() else None


def front_page_source(source: str, has_pdf: bool) -> str:
    """The front page's Markdown, with the PDF link kept (``has_pdf``) or replaced by :data:`NO_PDF`.

    Raises
    ------
    ExtensionError
        If the page has no line :data:`PDF_LINK` (the page and this extension disagree).
    """
    if PDF_LINK not in source.splitlines():
        raise ExtensionError(f"the front page has no line {PDF_LINK!r} for _ext/pdf_link.py to keep or drop")
    return source if has_pdf else source.replace(PDF_LINK, NO_PDF)


def _is_html(app: Sphinx) -> bool:
    return app.builder.format == "html"


def outdated_front_page(app: Sphinx, env: BuildEnvironment, *_: Any) -> list[str]:
    """Ask for the front page to be read again when the PDF appeared or disappeared."""
    has_pdf = built_pdf(app.srcdir) is not None
    if getattr(env, "nbnp_has_pdf", None) == has_pdf or not _is_html(app):
        return []
    env.nbnp_has_pdf = has_pdf
    return [app.config.root_doc]


def on_source_read(app: Sphinx, docname: str, source: list[str]) -> None:
    """Keep or replace the front page's PDF link (HTML builds only; the PDF has no such line)."""
    if docname == app.config.root_doc and _is_html(app):
        source[0] = front_page_source(source[0], built_pdf(app.srcdir) is not None)


def copy_pdf(app: Sphinx, exception: Exception | None) -> None:
    """Put the PDF beside the HTML pages, where the front page links it (or remove a stale copy)."""
    if exception is not None or not _is_html(app):
        return
    pdf, target = built_pdf(app.srcdir), Path(app.outdir) / PDF_NAME
    if pdf is not None:
        shutil.copyfile(pdf, target)
    else:
        target.unlink(missing_ok=True)


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("env-get-outdated", outdated_front_page)
    app.connect("source-read", on_source_read)
    app.connect("build-finished", copy_pdf)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
