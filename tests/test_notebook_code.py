"""The code a chapter shows fits an 80-character column: its code cells and the package's listings.

A longer line wraps back to column 0 in the HTML at 1280 px and on a phone, which reads badly
(CONTRIBUTING.md: code cells of a few lines that fit the column). Checked: every line of every
code cell in ``book/`` whose input is shown, that is, not tagged ``remove-input`` or
``hide-input``. The bootstrap cell (``remove-cell``) is checked too: a reader who downloads a
chapter sees it, and ``tools/bootstrap_cell.py`` writes it from one template. The package's
code shown by ``literalinclude`` (chapters 7 and 9) is measured as Sphinx selects it
(``pyobject``, ``start-at``, ``end-before``, ``dedent``). That 80 characters fit the column at
1280 px is the browser tests' to check (``_static/book.css`` sets code at 13 px).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted(p for p in (ROOT / "book").rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts)
LIMIT = 80
HIDDEN = {"remove-input", "hide-input"}
LITERALINCLUDE = re.compile(r"```\{literalinclude\} (\S+)\n((?::[^\n]*\n)*)")


def long_lines(notebook: nbformat.NotebookNode, limit: int = LIMIT) -> list[str]:
    """Each shown code line longer than ``limit`` characters, named by cell id and line number."""
    found = []
    for cell in notebook.cells:
        if cell.cell_type != "code" or HIDDEN & set(cell.metadata.get("tags", [])):
            continue
        for number, line in enumerate(cell.source.splitlines(), start=1):
            if len(line) > limit:
                found.append(f"cell {cell.get('id')}, line {number} ({len(line)} characters): {line}")
    return found


def test_the_book_has_notebooks():
    assert len(NOTEBOOKS) >= 12


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: str(p.relative_to(ROOT / "book")))
def test_shown_code_lines_fit_80_characters(path: Path):
    found = long_lines(nbformat.read(path, as_version=4))
    assert not found, f"{path.relative_to(ROOT)}: lines over {LIMIT} characters:\n" + "\n".join(found)


def test_only_shown_code_lines_are_measured():
    long = "x = " + "1 + " * 20 + "1"  # 85 characters
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [
        nbformat.v4.new_markdown_cell(long),
        nbformat.v4.new_code_cell(f"y = 2\n{long}", id="shown"),
        nbformat.v4.new_code_cell(long, id="removed", metadata={"tags": ["remove-input"]}),
        nbformat.v4.new_code_cell(long, id="folded", metadata={"tags": ["hide-input"]}),
        nbformat.v4.new_code_cell(long, id="bootstrap", metadata={"tags": ["remove-cell"]}),
        nbformat.v4.new_code_cell(long[:LIMIT], id="exactly-80"),
    ]
    assert long_lines(notebook) == [
        f"cell shown, line 2 (85 characters): {long}",
        f"cell bootstrap, line 1 (85 characters): {long}",
    ]


def _object_lines(source: str, dotted: str) -> list[str]:
    """The lines of the class or function ``dotted`` (``LinearLayer.__init__``), decorators too."""
    body = ast.parse(source).body
    for part in dotted.split("."):
        node = next(n for n in body if isinstance(n, (ast.ClassDef, ast.FunctionDef)) and n.name == part)
        body = node.body
    start = min([node.lineno] + [d.lineno for d in node.decorator_list])
    return source.splitlines()[start - 1 : node.end_lineno]


def included_lines(source: str, options: str) -> list[str]:
    """The lines a literalinclude of ``source`` shows, as Sphinx selects them."""
    opts = dict(re.findall(r":([\w-]+):[ \t]*([^\n]*)", options))
    lines = _object_lines(source, opts["pyobject"]) if "pyobject" in opts else source.splitlines()
    if "start-at" in opts:
        lines = lines[next(i for i, line in enumerate(lines) if opts["start-at"] in line) :]
    if "end-before" in opts:
        lines = lines[: next(i for i, line in enumerate(lines) if opts["end-before"] in line)]
    return [line[int(opts.get("dedent", 0)) :] for line in lines]


def listings(path: Path) -> list[tuple[str, list[str]]]:
    """Each literalinclude of the notebook at ``path``: its target and the lines it shows."""
    found = []
    for cell in nbformat.read(path, as_version=4).cells:
        for match in LITERALINCLUDE.finditer(cell.source if cell.cell_type == "markdown" else ""):
            target, options = match.groups()
            source = (path.parent / target).read_text(encoding="utf-8")
            found.append((target, included_lines(source, options)))
    return found


LISTED = [p for p in NOTEBOOKS if listings(p)]


def test_chapters_7_and_9_list_package_code():
    assert {p.stem for p in LISTED} >= {"07_modular_code", "09_gradient_checking"}


@pytest.mark.parametrize("path", LISTED, ids=lambda p: p.stem)
def test_listed_package_code_fits_80_characters(path: Path):
    found = [
        f"{target}: {len(line)} characters: {line.strip()}"
        for target, lines in listings(path)
        for line in lines
        if len(line) > LIMIT
    ]
    assert not found, f"{path.relative_to(ROOT)}:\n" + "\n".join(found)


def test_a_listing_is_measured_as_sphinx_selects_it():
    source = "class A:\n    def f(self):\n        return 1\n\n    def g(self):\n        pass\n"
    options = ":pyobject: A\n:start-at: def f\n:end-before: def g\n:dedent: 4\n"
    assert included_lines(source, options) == ["def f(self):", "    return 1", ""]
    assert included_lines(source, ":pyobject: A.g\n") == ["    def g(self):", "        pass"]
