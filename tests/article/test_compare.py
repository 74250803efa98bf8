"""nbnp.article.compare and the registry: the article's values, found by the words a reader reads,
and how ours are compared with them."""

import importlib
import re

import numpy as np
import pytest

from nbnp import ARTICLE, ArticleMismatch, article_says, compare, fmt, show

DECIMALS = [e for e in ARTICLE.values() if e.rule == "decimals" and e.erratum is None]
ERRATA = [e for e in ARTICLE.values() if e.erratum is not None]
SIG12 = [e for e in ARTICLE.values() if e.rule == "sig12"]
SHAPES = [e for e in ARTICLE.values() if e.rule == "shape"]
compare_module = importlib.import_module("nbnp.article.compare")  # nbnp.article.compare is the function


def _ids(entries):
    return [e.key for e in entries]


@pytest.fixture(autouse=True)
def _a_fresh_session(monkeypatch):
    """Each test starts as a new kernel: the learner's note not yet printed in full."""
    monkeypatch.setitem(compare_module._noted, "in full", False)


def test_every_entry_has_a_known_rule_a_finite_value_and_a_place():
    for key, entry in ARTICLE.items():
        assert key == entry.key and entry.rule in {"decimals", "sig12", "shape"}, key
        assert entry.what and entry.where and entry.chapter.startswith("book/"), key
        if entry.rule != "shape":
            assert np.all(np.isfinite(np.asarray(entry.value, dtype=float))), key
    assert len(SIG12) >= 4
    for entry in SIG12:  # a seeded run's cost, stated to 12 significant digits
        assert len(entry.text.replace("-", "").replace(".", "").lstrip("0")) >= 12, entry.key


def test_every_description_is_unique_so_a_reader_can_name_any_value():
    described = [entry.what.casefold() for entry in ARTICLE.values()]
    assert len(described) == len(set(described))
    for entry in ARTICLE.values():
        assert article_says(entry.what) is entry
        assert article_says(entry.what.upper()) is entry  # any case
        assert article_says(f"  {entry.what} ") is entry


@pytest.mark.parametrize("entry", DECIMALS, ids=_ids(DECIMALS))
def test_a_value_agrees_at_the_articles_decimals_and_one_in_the_last_decimal_differs(entry):
    result = compare(entry.key, entry.value)
    assert result.status == "agrees"
    theirs = "the companion notebook's" if entry.where.startswith("Companion notebook") else "the article's"
    assert f"agrees with {theirs} {entry.text}" in str(result)
    if entry.decimals == 0:
        return
    rounded = compare(entry.key, np.asarray(entry.value) + 0.4 * 10.0**-entry.decimals)
    assert rounded.status == "agrees after rounding"
    assert rounded.ours.startswith(f"{entry.text} (")  # more digits beside the rounded value
    with pytest.raises(ArticleMismatch, match=f"{re.escape(entry.key)}: ours .* differs from the article's"):
        compare(entry.key, np.asarray(entry.value) + 10.0**-entry.decimals)


@pytest.mark.parametrize("entry", SIG12, ids=_ids(SIG12))
def test_seeded_costs_agree_to_12_significant_digits_only(entry):
    result = compare(entry.key, entry.value * (1 + 1e-14))
    assert result.status == "agrees to 12 significant digits" and result.ours == fmt(entry.value)
    with pytest.raises(ArticleMismatch, match="differs from"):
        compare(entry.key, entry.value * (1 + 1e-10))


@pytest.mark.parametrize("entry", ERRATA, ids=_ids(ERRATA))
def test_an_erratum_expects_a_difference_says_why_and_raises_once_stale(entry):
    result = compare(entry.key, np.asarray(entry.value) + 10.0**-entry.decimals)
    assert result.status == "differs" and str(result).endswith(f"{entry.erratum}.")
    with pytest.raises(ArticleMismatch, match=f"{re.escape(entry.key)}: ours .* now agrees with the article"):
        compare(entry.key, entry.value)


@pytest.mark.parametrize("entry", SHAPES, ids=_ids(SHAPES))
def test_shapes(entry):
    shape = tuple(int(n) for n in re.findall(r"\d+", entry.text))
    assert compare(entry.key, shape).status == "agrees"
    assert compare(entry.key, np.zeros(shape).shape).ours == entry.text
    with pytest.raises(ArticleMismatch, match="differs from"):
        compare(entry.key, shape[::-1] + (7,))


# --- show: strict for maintainers, a note for a learner's own run ----------------------


def test_show_prints_the_comparison_and_raises_on_a_disagreement_in_a_strict_run(monkeypatch, capsys):
    monkeypatch.setenv("NBNP_STRICT", "1")
    entry = ARTICLE["ch7.cost_4600"]
    show(entry.what, entry.value)
    assert capsys.readouterr().out == str(compare(entry.key, entry.value)) + "\n"
    with pytest.raises(ArticleMismatch):
        show(entry.what, entry.value * 1.5)


@pytest.mark.parametrize("unset", ["", "0", None])
def test_show_says_why_ours_differs_in_a_learners_run_and_carries_on(monkeypatch, capsys, unset):
    if unset is None:
        monkeypatch.delenv("NBNP_STRICT", raising=False)
    else:
        monkeypatch.setenv("NBNP_STRICT", unset)
    entry = ARTICLE["ch7.cost_4600"]
    show(entry.what, entry.value * 1.5)
    out = capsys.readouterr().out
    first, *note = out.splitlines()
    assert entry.text in first and fmt(entry.value * 1.5) in first
    assert "is not the article's result" in note[0] and "expected if you changed" in note[0]
    assert "seed" in " ".join(note) and "learning rate" in " ".join(note)
    assert all(len(line) <= 100 for line in out.splitlines())
