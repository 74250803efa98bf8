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


# --- article_says: a value found by the words a reader reads, never by its key -------------


def test_every_description_is_unique_so_a_reader_can_name_any_value():
    described = [entry.what.casefold() for entry in ARTICLE.values()]
    assert len(described) == len(set(described))
    for entry in ARTICLE.values():
        assert nbnp.article_says(entry.what) is entry
        assert nbnp.article_says(entry.what.upper()) is entry  # any case
        assert nbnp.article_says(f"  {entry.what} ") is entry


def test_article_says_names_the_closest_descriptions_for_an_unknown_one():
    closest = (
        r"^\"no article value is described as 'cost at epoch 460'; "
        r"the closest: 'cost at epoch 4600', 'cost at epoch 4900', 'cost at epoch 4800'\"$"  # three at most
    )
    with pytest.raises(KeyError, match=closest):
        nbnp.article_says("cost at epoch 460")
    # difflib's similarity of these to "cost after training" is 0.537, 0.533 and 0.526: half is close enough
    closest = r"the closest: 'cost after 5000 epochs', 'cost after one step, α = 1', 'loss after the step'\"$"
    with pytest.raises(KeyError, match=closest):
        nbnp.article_says("cost after training")
    with pytest.raises(KeyError, match=r"^\"no article value is described as 'zzz'\"$"):
        nbnp.article_says("zzz")


def test_article_says_refuses_a_key_and_a_non_string():
    with pytest.raises(KeyError):
        nbnp.article_says("ch7.cost_4600")
    refused = r"^what must be a str describing an article value, but received int$"
    with pytest.raises(TypeError, match=refused):
        nbnp.article_says(4600)


def test_article_says_refuses_an_ambiguous_description(scratch_registry):
    for key in ("chX.a", "chX.b"):
        article_value(key, "1", "the same words", "where", "02_bias")(lambda: 1.0)
    ambiguous = r"2 article values are described as 'the same words' \(chX.a, chX.b\): each needs its own"
    with pytest.raises(KeyError, match=ambiguous):
        scratch_registry.article_says("the same words")
