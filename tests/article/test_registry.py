"""nbnp.article.registry: each article value found by its chapter and by the words a reader reads."""

import nbnp
from nbnp.article.registry import ARTICLE, ArticleValue


def test_the_chapter_is_looked_up_in_the_toc_from_its_short_name():
    assert ArticleValue("chX.v", "1", "w", "where", "04_cost_vectorization").chapter == (
        "book/part1/04_cost_vectorization"
    )
    assert ArticleValue("chX.v", "1", "w", "where", "10_not_yet").chapter == "10_not_yet"


def test_every_description_is_unique_so_a_reader_can_name_any_value():
    described = [entry.what.casefold() for entry in ARTICLE.values()]
    assert len(described) == len(set(described))
    for entry in ARTICLE.values():
        assert nbnp.article_says(entry.what) is entry
        assert nbnp.article_says(entry.what.upper()) is entry  # any case
        assert nbnp.article_says(f"  {entry.what} ") is entry
