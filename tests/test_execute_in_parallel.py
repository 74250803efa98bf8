"""tools/execute_in_parallel.py: which notebooks it pre-executes (its reading of the TOC is
nbnp.article.toc's, tested in tests/article/test_toc.py), with which timeout."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("jupyter_cache", reason="the book's tools are not installed (.[book])")
import execute_in_parallel as tool  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


def test_the_books_own_toc_lists_only_existing_notebooks() -> None:
    found = tool.toc_notebooks()
    assert found and all(p.suffix == ".ipynb" and p.is_file() for p in found)
    assert ROOT / "book" / "appendix" / "how_numbers_are_verified.ipynb" in found


def test_timeout_comes_from_the_config(tmp_path: Path) -> None:
    (tmp_path / "_config.yml").write_text("execute:\n  timeout: 123\n", encoding="utf-8")
    assert tool.execution_timeout(tmp_path) == 123
    (tmp_path / "_config.yml").write_text("title: x\n", encoding="utf-8")
    assert tool.execution_timeout(tmp_path) == 30
