"""tools/execute_in_parallel.py: which notebooks it pre-executes, with which timeout."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("jupyter_cache", reason="the book's tools are not installed (.[book])")

ROOT = Path(__file__).resolve().parents[1]


def load_tool() -> Any:
    spec = importlib.util.spec_from_file_location(
        "execute_in_parallel", ROOT / "tools" / "execute_in_parallel.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


TOC = """\
format: jb-book
root: book/intro
parts:
  - caption: One
    chapters:
      - file: book/a
      - file: book/b.ipynb
        sections:
          - file: book/c
  - caption: Two
    chapters:
      - file: book/missing
      - file: book/page
"""


def test_toc_notebooks_follow_the_toc_and_skip_other_pages(tmp_path: Path) -> None:
    (tmp_path / "_toc.yml").write_text(TOC, encoding="utf-8")
    (tmp_path / "book").mkdir()
    for name in ("intro.md", "page.md", "a.ipynb", "b.ipynb", "c.ipynb", "unlisted.ipynb"):
        (tmp_path / "book" / name).write_text("{}", encoding="utf-8")
    found = load_tool().toc_notebooks(tmp_path)
    assert [p.relative_to(tmp_path).as_posix() for p in found] == [
        "book/a.ipynb",
        "book/b.ipynb",
        "book/c.ipynb",
    ]


def test_the_books_own_toc_lists_only_existing_notebooks() -> None:
    found = load_tool().toc_notebooks()
    assert found and all(p.suffix == ".ipynb" and p.is_file() for p in found)
    assert ROOT / "book" / "appendix" / "how_numbers_are_verified.ipynb" in found


def test_timeout_comes_from_the_config(tmp_path: Path) -> None:
    tool = load_tool()
    (tmp_path / "_config.yml").write_text("execute:\n  timeout: 123\n", encoding="utf-8")
    assert tool.execution_timeout(tmp_path) == 123
    (tmp_path / "_config.yml").write_text("title: x\n", encoding="utf-8")
    assert tool.execution_timeout(tmp_path) == 30
