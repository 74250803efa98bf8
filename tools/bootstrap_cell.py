"""Insert or update each chapter's first cell, which makes nbnp importable wherever it runs.

Usage: ``python tools/bootstrap_cell.py [--check] [NOTEBOOK ...]`` (default: every notebook
listed in ``_toc.yml``).

The cell imports nbnp. Where that fails (Colab, a Binder or JupyterHub without the package, a
chapter downloaded on its own) it installs nbnp with ``%pip`` and imports it again:

* in the copy that the HTML book offers for download (``_build/html/_sources/...ipynb``), when
  the book was built with ``make book BOOK_URL=<where the book is served>``: from nbnp's wheel
  beside the pages (``BOOK_URL/nbnp-....whl``), saying so in one line. The build writes this
  cell into the downloadable copies only (``_ext/download_bootstrap.py`` calls
  :func:`bootstrap_source` with the URL and the wheel's name); the committed notebooks never
  change with ``BOOK_URL``;
* else from the repository that ``_config.yml`` names (``repository.url`` at
  ``repository.branch``): the committed notebooks, opened on Colab or Binder;
* with neither, it stops with an error that says how to install nbnp by hand.

Where nbnp is installed (``make venv``, CI) it prints nothing, so nbval compares an empty output
and needs no network.

The cell is tagged ``remove-cell``, so the HTML and the PDF do not show it (the notebook that
readers download or launch keeps it), and it has the fixed id ``nbnp-bootstrap``, by which this
tool finds it again: rerun the tool after changing ``repository.url`` and every chapter's cell
is updated in place. A notebook whose first cell is already the current one is not rewritten;
everything else in the file is kept as it was. ``--check`` changes nothing and exits 1 listing
the notebooks that would change (for a test).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import nbformat
import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from execute_in_parallel import ROOT, toc_notebooks  # noqa: E402 (tools/ is not a package)

CELL_ID = "nbnp-bootstrap"
TAGS = ["remove-cell", CELL_ID]

INSTALL = '''\
# nbnp, the book's package: installed from the book's repository
# if this kernel lacks it.
try:
    import nbnp  # noqa: F401 (only to see whether it is installed)
except ModuleNotFoundError:
    %pip install --quiet "git+{url}@{branch}"
    import nbnp'''

FROM_BOOK = '''\
# nbnp, the book's package: installed from the book's site
# if this kernel lacks it.
try:
    import nbnp  # noqa: F401 (only to see whether it is installed)
except ModuleNotFoundError:
    %pip install --quiet "{wheel_url}"
    import nbnp
    print("installed nbnp from {book_url}")'''

NO_REPOSITORY = '''\
# nbnp, the book's package, must be installed in this kernel
# (the book names no repository yet).
try:
    import nbnp  # noqa: F401 (only to see whether it is installed)
except ModuleNotFoundError:
    raise ModuleNotFoundError(
        "nbnp is not installed: in a clone of the book's repository run"
        " `pip install .` (or `make venv`), then restart the kernel;"
        " see the book's page 'Running this book'"
    ) from None'''


def bootstrap_source(config_path: Path = ROOT / "_config.yml", book_url: str = "", wheel: str = "") -> str:
    """The cell's code: from the book's site (``book_url`` and the ``wheel``'s file name given),
    else from the repository that ``_config.yml`` names, else how to install by hand."""
    book_url = book_url.strip().removesuffix("/")
    if book_url:
        if not book_url.startswith(("https://", "http://")) or not wheel.endswith(".whl"):
            raise ValueError(f"BOOK_URL must be an http(s):// address and the wheel a .whl, got "
                             f"{book_url!r} and {wheel!r}")
        return FROM_BOOK.format(wheel_url=f"{book_url}/{wheel}", book_url=book_url)
    config = yaml.safe_load(config_path.read_text(encoding="utf-8")) or {}
    repository = config.get("repository") or {}
    url = str(repository.get("url") or "").strip().removesuffix("/").removesuffix(".git")
    if not url:
        return NO_REPOSITORY
    if not url.startswith("https://"):
        raise ValueError(f"repository.url in {config_path.name} must be an https:// address, got {url!r}")
    return INSTALL.format(url=url, branch=str(repository.get("branch") or "main"))


def bootstrap_cell(source: str) -> nbformat.NotebookNode:
    cell = nbformat.v4.new_code_cell(source=source, metadata={"tags": list(TAGS)})
    cell["id"] = CELL_ID
    return cell


def with_bootstrap(notebook: nbformat.NotebookNode, source: str) -> bool:
    """Make the bootstrap cell the notebook's first cell; return whether anything changed."""
    cells = notebook.cells
    current = [i for i, cell in enumerate(cells) if cell.get("id") == CELL_ID]
    if current == [0] and cells[0].source == source and cells[0].metadata.get("tags") == TAGS \
            and cells[0].cell_type == "code" and not cells[0].outputs:
        return False
    for i in reversed(current):
        del cells[i]
    cells.insert(0, bootstrap_cell(source))
    return True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 if one would change")
    parser.add_argument("notebooks", nargs="*", type=Path, help="default: every notebook of _toc.yml")
    args = parser.parse_args(argv)
    source = bootstrap_source()
    stale = []
    for path in args.notebooks or toc_notebooks():
        notebook = nbformat.read(path, as_version=4)
        if not with_bootstrap(notebook, source):
            continue
        stale.append(path)
        if not args.check:
            nbformat.write(notebook, path)
            print(f"bootstrap cell written: {path}")
    if args.check and stale:
        print("bootstrap cell missing or outdated (run tools/bootstrap_cell.py):", *stale, sep="\n  ")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
