"""nbnp.article.toc: the project's one reader of ``_toc.yml``."""

from pathlib import Path

import pytest

from nbnp.article.toc import read_toc, toc_docnames

ROOT = Path(__file__).resolve().parents[2]

NESTED = """\
format: jb-book
root: book/intro
parts:
  - caption: One
    chapters:
      - file: book/part1/a
      - file: book/part1/b.ipynb
        sections:
          - file: book/part1/c
  - caption: Two
    chapters:
      - file: "book/part2/a.md"  # same short name as part1/a
      - file: book/page
"""


def test_toc_docnames_reads_root_and_files_quoted_commented_and_nested(tmp_path):
    (tmp_path / "_toc.yml").write_text(NESTED, encoding="utf-8")
    names = {"book/intro", "book/part1/a", "book/part1/b", "book/part1/c", "book/part2/a", "book/page"}
    assert toc_docnames(tmp_path / "_toc.yml") == names


def test_docname_finds_a_page_by_its_short_name(tmp_path):
    (tmp_path / "_toc.yml").write_text(NESTED, encoding="utf-8")
    toc = read_toc(str(tmp_path / "_toc.yml"))
    assert toc.docname("c") == "book/part1/c"
    assert toc.docname("book/part2/a") == "book/part2/a"
    with pytest.raises(KeyError, match=r"2 documents \(book/part1/a, book/part2/a\) named 'a'"):
        toc.docname("a")
    with pytest.raises(KeyError, match="no document named 'missing'"):
        toc.docname("missing")
    with pytest.raises(KeyError, match="no document named 'art1/c'"):
        toc.docname("art1/c")  # whole path parts only


def test_notebooks_are_the_listed_ipynb_files_in_order(tmp_path):
    (tmp_path / "_toc.yml").write_text(NESTED, encoding="utf-8")
    for name in ("intro.md", "page.md", "part1/a.ipynb", "part1/c.ipynb", "part1/unlisted.ipynb"):
        (tmp_path / "book" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "book" / name).write_text("{}", encoding="utf-8")
    notebooks = read_toc(tmp_path / "_toc.yml").notebooks()
    assert [p.relative_to(tmp_path).as_posix() for p in notebooks] == [
        "book/part1/a.ipynb",
        "book/part1/c.ipynb",
    ]


def test_the_packaged_copy_of_the_toc_is_toc_yml():
    from nbnp.article.toc import PACKAGED_TOC_PATH

    assert PACKAGED_TOC_PATH.read_bytes() == (ROOT / "_toc.yml").read_bytes(), (
        "run: python tools/write_packaged_toc.py"
    )


def test_without_toc_yml_the_book_toc_is_the_packaged_copy(monkeypatch, tmp_path):
    import nbnp.article.toc as toc_module

    monkeypatch.setattr(toc_module, "TOC_PATH", tmp_path / "_toc.yml")
    toc_module.book_toc.cache_clear()
    try:
        assert toc_module.book_toc().docnames == read_toc(ROOT / "_toc.yml").docnames
        assert toc_docnames() == set(read_toc(ROOT / "_toc.yml").docnames)
        assert toc_module.page_docname("02_bias") == "book/part1/02_bias"
    finally:
        toc_module.book_toc.cache_clear()
