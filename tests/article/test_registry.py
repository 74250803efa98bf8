"""nbnp.article.registry: each article value declared beside its reproducer, in one registry."""

import pytest

import nbnp
from nbnp.article import registry
from nbnp.article.registry import ARTICLE, REPRODUCERS, ArticleValue, article_value


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


def test_a_declaration_keeps_every_field(scratch_registry):
    article_value("chX.e", "0.109", "what", "where", "02_bias", "sig12", erratum="cut off")(lambda: 0.11)
    assert scratch_registry.ARTICLE["chX.e"] == ArticleValue(
        "chX.e", "0.109", "what", "where", "02_bias", "sig12", "cut off"
    )


def test_declarations_keep_their_order(scratch_registry):
    for key in ("chX.b", "chX.a", "chX.c"):
        article_value(key, "1", "what", "where", "02_bias")(lambda: 1.0)
    assert list(scratch_registry.ARTICLE) == list(scratch_registry.REPRODUCERS) == ["chX.b", "chX.a", "chX.c"]


def test_a_key_declared_twice_is_refused(scratch_registry):
    article_value("chX.v", "1", "what", "where", "02_bias")(lambda: 1.0)
    with pytest.raises(ValueError, match=r"^article value 'chX.v' is declared twice$"):
        article_value("chX.v", "2", "what", "where", "02_bias")


def test_an_unknown_rule_is_refused(scratch_registry):
    with pytest.raises(
        ValueError, match=r"^rule must be one of \['decimals', 'sig12', 'shape'\], but received 'exact'$"
    ):
        article_value("chX.v", "1", "what", "where", "02_bias", rule="exact")
    assert scratch_registry.ARTICLE == {}


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


def test_the_package_exports_the_one_registry():
    assert nbnp.ARTICLE is ARTICLE is nbnp.article.ARTICLE
    assert nbnp.article.REPRODUCERS is REPRODUCERS
