"""Downloaded chapters install nbnp from the book's own site (loaded through ``_config.yml``).

A reader who downloads a chapter (the page's download button serves
``_build/html/_sources/<chapter>.ipynb``, a copy of the committed notebook) has the notebook and
nothing else. After an HTML build this extension:

1. copies nbnp's wheel (``_build/wheel/dist/nbnp-*.whl``, which ``make book`` builds from the
   working tree) beside the pages, so that the site serves the package its pages were made with;
2. rewrites the first cell (id ``nbnp-bootstrap``, ``tools/bootstrap_cell.py``) of every
   downloadable copy: with ``make book BOOK_URL=<where the book is served>`` (passed on as the
   environment variable ``NBNP_BOOK_URL``) it installs nbnp from ``BOOK_URL/<the wheel>``;
   without it, it is the committed cell again (from the repository, or how to install by hand).

Only the copies in ``_sources`` change: the committed notebooks, and so the execution cache and
nbval, never depend on ``BOOK_URL``. The rewrite runs on every build, also when no page was
written again, so a copy never keeps a previous build's address.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path
from typing import Any

import nbformat
from sphinx.application import Sphinx
from sphinx.errors import ExtensionError
from sphinx.util import logging

LOGGER = logging.getLogger(__name__)
ENV_VAR = "NBNP_BOOK_URL"


def _tool(srcdir: Path) -> Any:
    tools = str(srcdir / "tools")
    if tools not in sys.path:
        sys.path.insert(0, tools)
    import bootstrap_cell  # noqa: PLC0415 (tools/ is not a package)

    return bootstrap_cell


def built_wheel(srcdir: Path) -> Path | None:
    """The one wheel that ``make book`` built, or None."""
    wheels = sorted((srcdir / "_build" / "wheel" / "dist").glob("nbnp-*.whl"))
    if len(wheels) > 1:
        names = [w.name for w in wheels]
        raise ExtensionError(f"several wheels in _build/wheel/dist ({names}): run make book")
    return wheels[0] if wheels else None


def rewrite_first_cell(path: Path, source: str, cell_id: str) -> bool:
    """Give the notebook at ``path`` this bootstrap cell's ``source``; return whether it changed."""
    notebook = nbformat.read(path, as_version=4)
    if not notebook.cells or notebook.cells[0].get("id") != cell_id or notebook.cells[0].source == source:
        return False
    notebook.cells[0].source = source
    nbformat.write(notebook, path)
    return True


def on_build_finished(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    srcdir, outdir = Path(app.srcdir), Path(app.outdir)
    book_url = os.environ.get(ENV_VAR, "").strip()
    wheel = built_wheel(srcdir)
    for stale in outdir.glob("nbnp-*.whl"):
        stale.unlink()
    if wheel is not None:
        shutil.copyfile(wheel, outdir / wheel.name)
    elif book_url:
        raise ExtensionError(f"{ENV_VAR}={book_url} but no wheel in _build/wheel/dist: use `make book`")
    tool = _tool(srcdir)
    source = tool.bootstrap_source(srcdir / "_config.yml", book_url, wheel.name if wheel else "")
    changed = [path for path in sorted((outdir / "_sources").rglob("*.ipynb"))
               if rewrite_first_cell(path, source, tool.CELL_ID)]
    where = f"from {book_url}" if book_url else "as committed (no BOOK_URL)"
    LOGGER.info(f"download_bootstrap: downloaded notebooks install nbnp {where}; {len(changed)} rewritten")


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("build-finished", on_build_finished)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
