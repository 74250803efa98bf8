"""No internal key of the article's registry (``ch7.cost_4600``) reaches a reader.

The keys are for maintainers; a reader sees the values by their descriptions
(``nbnp.show("cost at epoch 4600", ...)``). Scanned: every Markdown cell and page, and every
code cell and output a page shows (folded solutions count: a click shows them).
"""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

BOOK = Path(__file__).resolve().parent.parent / "book"
PAGES = sorted(BOOK.rglob("*.ipynb")) + sorted(BOOK.rglob("*.md"))
#: A registry key, or the start of one built in an f-string (``f"ch7.cost_{epoch}"``).
KEY = re.compile(r"\bch\d+\.[A-Za-z_]\w*")


def _output_texts(output: dict) -> list[str]:
    texts = [output.get("text", "")] if "text" in output else []
    for value in output.get("data", {}).values():
        texts.append(value if isinstance(value, str) else str(value))
    return texts


def visible_texts(path: Path) -> list[tuple[str, str]]:
    """(where, text) for everything the page at ``path`` shows a reader."""
    if path.suffix == ".md":
        return [(path.name, path.read_text(encoding="utf-8"))]
    found = []
    for index, cell in enumerate(nbformat.read(path, as_version=4).cells):
        tags = set(cell.metadata.get("tags", []))
        where = f"{path.name}, cell {index}"
        if "remove-cell" in tags:
            continue
        if cell.cell_type != "code" or "remove-input" not in tags:
            found.append((f"{where} ({cell.cell_type})", cell.source))
        if cell.cell_type == "code" and "remove-output" not in tags:
            found += [(f"{where} (output)", text) for out in cell.outputs for text in _output_texts(out)]
    return found


def keys_in(path: Path) -> list[str]:
    return [f"{where}: {match}" for where, text in visible_texts(path) for match in KEY.findall(text)]


@pytest.mark.parametrize("path", PAGES, ids=lambda p: str(p.relative_to(BOOK)))
def test_no_page_shows_an_internal_key(path):
    assert keys_in(path) == []


def test_the_scan_finds_a_key_in_code_in_an_output_and_in_a_page(tmp_path):
    notebook = nbformat.v4.new_notebook()
    shown = nbformat.v4.new_code_cell('nbnp.show("ch7.cost_4600", cost)')
    printed = nbformat.v4.new_code_cell("print(key)")
    printed.outputs = [nbformat.v4.new_output("stream", name="stdout", text="ch2.loss_new | 0.109\n")]
    hidden = nbformat.v4.new_code_cell('nbnp.show(f"ch5.companion_cost_{epoch}", c)')
    hidden.metadata["tags"] = ["remove-cell"]
    notebook.cells = [shown, printed, hidden]
    nbformat.write(notebook, tmp_path / "page.ipynb")
    (tmp_path / "page.md").write_text("See `ch4.shape_dW`.\n", encoding="utf-8")
    found = [hit.rsplit(": ", 1)[1] for hit in keys_in(tmp_path / "page.ipynb")]
    assert found == ["ch7.cost_4600", "ch2.loss_new"]
    assert keys_in(tmp_path / "page.md") == ["page.md: ch4.shape_dW"]
