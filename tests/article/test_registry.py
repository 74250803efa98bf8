"""nbnp.article.registry: each article value declared beside its reproducer, in one registry."""

import pytest

import nbnp
from nbnp.article import registry
from nbnp.article.registry import ARTICLE, ArticleValue, article_value


@pytest.fixture
def scratch_registry(monkeypatch):
    """Declarations made by a test go to empty registries, not the article's."""
    monkeypatch.setattr(registry, "ARTICLE", {})
    monkeypatch.setattr(registry, "REPRODUCERS", {})
    return registry


def test_a_declaration_registers_the_value_and_returns_its_function(scratch_registry):
    def ours() -> float:
        return 0.5

    decorated = article_value("chX.v", "0.5", "what", "where", "02_bias", "decimals")(ours)
    assert decorated is ours
    assert scratch_registry.ARTICLE == {"chX.v": ArticleValue("chX.v", "0.5", "what", "where", "02_bias")}
    assert scratch_registry.REPRODUCERS == {"chX.v": ours}
    assert scratch_registry.reproduce("chX.v") == 0.5


def test_the_chapter_is_looked_up_in_the_toc_from_its_short_name():
    assert ArticleValue("chX.v", "1", "w", "where", "04_cost_vectorization").chapter == (
        "book/part1/04_cost_vectorization"
    )
    assert ArticleValue("chX.v", "1", "w", "where", "10_not_yet").chapter == "10_not_yet"
    assert {entry.chapter for entry in ARTICLE.values()} == {
        "book/part1/01_single_neuron",
        "book/part1/02_bias",
        "book/part1/04_cost_vectorization",
        "book/part1/05_feature_crosses",  # the companion's feature-cross run
        "book/part1/06_hidden_layer",
        "book/part2/07_modular_code",
        "book/part2/08_going_deeper",  # the companion's 2-5-3-1 run
    }


def test_every_description_is_unique_so_a_reader_can_name_any_value():
    described = [entry.what.casefold() for entry in ARTICLE.values()]
    assert len(described) == len(set(described))
    for entry in ARTICLE.values():
        assert nbnp.article_says(entry.what) is entry
        assert nbnp.article_says(entry.what.upper()) is entry  # any case
        assert nbnp.article_says(f"  {entry.what} ") is entry


