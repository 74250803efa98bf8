"""The code a chapter shows fits an 80-character column (CONTRIBUTING.md), longer lines wrapping
back to column 0 read badly. Checked: every code cell not tagged ``remove-input`` or
``hide-input``, the bootstrap cell too (a reader who downloads a chapter sees it). The listings:
``test_source.py``; that 80 characters fit the column: the browser test.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted(p for p in (ROOT / "book").rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts)
LIMIT = 80
HIDDEN = {"remove-input", "hide-input"}


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

