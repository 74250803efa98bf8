"""tools/bootstrap_cell.py: each chapter's first cell, which makes nbnp importable anywhere."""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Any

import nbformat
import pytest
from IPython.core.inputtransformer2 import TransformerManager

pytest.importorskip("jupyter_cache", reason="the book's tools are not installed (.[book])")
import bootstrap_cell  # noqa: E402


def config(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "_config.yml"
    path.write_text(text, encoding="utf-8")
    return path


def chapter(*sources: str) -> nbformat.NotebookNode:
    notebook = nbformat.v4.new_notebook()
    code = [nbformat.v4.new_code_cell(source) for source in sources]
    notebook.cells = [nbformat.v4.new_markdown_cell("# Title"), *code]
    return notebook


def valid_in_80_columns(source: str) -> ast.Module:
    """The cell parsed as IPython (an indented %pip included); it fits the chapters' 80 columns."""
    assert max(len(line) for line in source.splitlines()) <= 80, source
    return ast.parse(TransformerManager().transform_cell(source))


def test_without_a_repository_the_cell_says_how_to_install(tmp_path: Path) -> None:
    source = bootstrap_cell.bootstrap_source(config(tmp_path, 'repository:\n  url: ""\n'))
    assert "%pip" not in source
    tree = valid_in_80_columns(source)
    [message] = [n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)]
    assert "`pip install .`" in message and "restart the kernel" in message
    assert "  " not in message  # the implicitly joined pieces are single-spaced


def test_with_a_repository_the_cell_installs_from_it(tmp_path: Path) -> None:
    path = config(tmp_path, "repository:\n  url: https://github.com/org/book.git/\n  branch: stable\n")
    source = bootstrap_cell.bootstrap_source(path)
    assert '%pip install --quiet "git+https://github.com/org/book@stable"' in source
    valid_in_80_columns(source)
    assert "@main" in bootstrap_cell.bootstrap_source(config(tmp_path, "repository:\n  url: https://x.org/a/b\n"))


def test_with_a_book_url_the_cell_installs_the_sites_wheel_and_says_so(tmp_path: Path) -> None:
    path = config(tmp_path, "repository:\n  url: https://github.com/org/book\n")
    source = bootstrap_cell.bootstrap_source(path, "https://org.example/book/", "nbnp-0.1.0-py3-none-any.whl")
    assert '%pip install --quiet "https://org.example/book/nbnp-0.1.0-py3-none-any.whl"' in source
    assert "git+" not in source, "the book's own wheel comes before the repository"
    tree = valid_in_80_columns(source)
    prints = [node for node in ast.walk(tree) if isinstance(node, ast.Call)
              and getattr(node.func, "id", "") == "print"]
    assert len(prints) == 1 and "https://org.example/book" in ast.unparse(prints[0])
    with pytest.raises(ValueError, match="BOOK_URL"):
        bootstrap_cell.bootstrap_source(path, "org.example/book", "nbnp-0.1.0-py3-none-any.whl")


def test_the_cell_goes_first_once_and_is_updated_in_place() -> None:
    notebook = chapter("import nbnp", "print(1)")
    assert bootstrap_cell.with_bootstrap(notebook, "old")
    assert not bootstrap_cell.with_bootstrap(notebook, "old")  # idempotent
    assert bootstrap_cell.with_bootstrap(notebook, "new")
    first = notebook.cells[0]
    assert first.source == "new" and "remove-cell" in first.metadata["tags"] and first.outputs == []
    assert [c.source for c in notebook.cells[1:]] == ["# Title", "import nbnp", "print(1)"]


def test_check_reports_then_write_fixes(tmp_path: Path, capsys: Any) -> None:
    path = tmp_path / "chapter.ipynb"
    nbformat.write(chapter("print(1)"), path)
    before = path.read_bytes()
    assert bootstrap_cell.main(["--check", str(path)]) == 1 and path.read_bytes() == before
    assert bootstrap_cell.main([str(path)]) == 0
    assert bootstrap_cell.main(["--check", str(path)]) == 0
    written = path.read_bytes()
    assert bootstrap_cell.main([str(path)]) == 0 and path.read_bytes() == written  # untouched the second time
    nbformat.validate(nbformat.read(path, as_version=4))
    assert "missing or outdated" in capsys.readouterr().out
