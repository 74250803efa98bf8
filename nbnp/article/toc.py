"""The book's table of contents, ``_toc.yml``: the project's one reader of it.

Jupyter Book lists the book's pages in ``_toc.yml`` at the repository's root,
each as a document name relative to that root (``book/part1/02_bias``,
optionally with its ``.ipynb`` or ``.md`` suffix). The numbers ledger links
the chapters listed there, the article's values name their chapter by its
short name (``"02_bias"``) and find its document here, and
``tools/execute_in_parallel.py`` runs the notebooks in this order.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

__all__ = ["PACKAGED_TOC_PATH", "TOC_PATH", "Toc", "book_toc", "page_docname", "read_toc", "toc_docnames"]

#: The project's own table of contents, at the repository's root beside ``nbnp/``.
TOC_PATH = Path(__file__).resolve().parents[2] / "_toc.yml"

#: Its copy shipped inside the package, for an nbnp installed without the repository
#: (written by ``tools/write_packaged_toc.py``; a test keeps it identical to :data:`TOC_PATH`).
PACKAGED_TOC_PATH = Path(__file__).resolve().parent / "book_toc.yml"

_SUFFIXES = (".ipynb", ".md")


@dataclass(frozen=True)
class Toc:
    """The pages of a Jupyter Book, in reading order.

    Attributes
    ----------
    root : pathlib.Path
        The folder holding ``_toc.yml``; document names are relative to it.
    docnames : tuple of str
        The ``root:`` page, then every ``file:`` in order, without suffix:
        ``("book/intro", "book/part1/01_single_neuron", ...)``.
    """

    root: Path
    docnames: tuple[str, ...]

    def docname(self, name: str) -> str:
        """The document a short name stands for: ``"02_bias"`` → ``"book/part1/02_bias"``.

        Parameters
        ----------
        name : str
            The last part of a document name, or a whole document name.

        Returns
        -------
        str
            The one document name in the table of contents ending in ``name``.

        Raises
        ------
        KeyError
            If no listed document, or more than one, has that name.
        """
        found = [doc for doc in self.docnames if doc == name or doc.endswith("/" + name)]
        if len(found) != 1:
            what = "no document" if not found else f"{len(found)} documents ({', '.join(found)})"
            raise KeyError(f"{what} named {name!r} in {self.root / '_toc.yml'}")
        return found[0]

    def notebooks(self) -> list[Path]:
        """The listed documents that are notebooks, in reading order.

        Returns
        -------
        list of pathlib.Path
            ``root / (docname + ".ipynb")`` for each document whose notebook exists.
        """
        paths = (self.root / f"{doc}.ipynb" for doc in self.docnames)
        return [path for path in paths if path.is_file()]


def _files(node: Any) -> Iterator[str]:
    """Every ``root:`` and ``file:`` value anywhere in a parsed ``_toc.yml``, in order."""
    if isinstance(node, dict):
        for key in ("root", "file"):
            if isinstance(node.get(key), str):
                yield node[key]
        for value in node.values():
            if isinstance(value, (dict, list)):
                yield from _files(value)
    elif isinstance(node, list):
        for item in node:
            yield from _files(item)


def _docname(file: str) -> str:
    for suffix in _SUFFIXES:
        if file.endswith(suffix):
            return file[: -len(suffix)]
    return file


def read_toc(path: str | Path = TOC_PATH) -> Toc:
    """Read a Jupyter Book table of contents.

    Parameters
    ----------
    path : str or pathlib.Path, optional
        Path of ``_toc.yml``; default the project's own (:data:`TOC_PATH`).

    Returns
    -------
    Toc
    """
    path = Path(path)
    parsed = yaml.safe_load(path.read_text(encoding="utf-8"))
    return Toc(path.parent, tuple(_docname(file) for file in _files(parsed)))


@functools.cache
def book_toc() -> Toc:
    """The project's own table of contents, read once.

    Read from :data:`TOC_PATH` in a checkout of the repository; an installed nbnp
    has no ``_toc.yml`` beside it and reads the copy shipped in the package
    (:data:`PACKAGED_TOC_PATH`).

    Returns
    -------
    Toc
    """
    return read_toc(TOC_PATH if TOC_PATH.is_file() else PACKAGED_TOC_PATH)


def toc_docnames(path: str | Path | None = None) -> set[str]:
    """Document names listed in a Jupyter Book ``_toc.yml`` (``root`` and every ``file``).

    Parameters
    ----------
    path : str or pathlib.Path, optional
        Path of a ``_toc.yml``; default the project's own (:func:`book_toc`).

    Returns
    -------
    set of str
        For example ``{"book/intro", "book/part1/01_single_neuron"}``.
    """
    return set((book_toc() if path is None else read_toc(path)).docnames)


def page_docname(name: str) -> str:
    """The document name of one of this book's pages, from its short name.

    Parameters
    ----------
    name : str
        The page's file name without suffix, ``"02_bias"``.

    Returns
    -------
    str
        ``"book/part1/02_bias"``, as the project's ``_toc.yml`` lists it; ``name``
        itself for a page it does not list (yet).
    """
    try:
        return book_toc().docname(name)
    except KeyError:
        return name
