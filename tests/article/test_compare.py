"""nbnp.article.compare and the registry: the article's values and how ours are compared with them."""

import importlib
import re

import numpy as np
import pytest

from nbnp import ARTICLE, ArticleMismatch, compare, fmt, show

DECIMAL_ENTRIES = [
    e for e in ARTICLE.values() if e.rule == "decimals" and e.erratum is None and e.decimals > 0
]
ERRATA = [e for e in ARTICLE.values() if e.erratum is not None]
SIG12 = [e for e in ARTICLE.values() if e.rule == "sig12"]
SHAPES = [e for e in ARTICLE.values() if e.rule == "shape"]
compare_module = importlib.import_module("nbnp.article.compare")  # nbnp.article.compare is the function


def _ids(entries):
    return [e.key for e in entries]


# --- the registry -------------------------------------------------------------------


def test_keys_are_unique_and_match_their_entries():
    assert all(key == entry.key for key, entry in ARTICLE.items())
    assert all(re.fullmatch(r"ch\d+\.\w+", key) for key in ARTICLE)


def test_every_entry_parses_and_has_a_known_rule():
    for entry in ARTICLE.values():
        assert entry.rule in {"decimals", "sig12", "shape"}, entry.key
        assert entry.what and entry.where and entry.chapter.startswith("book/"), entry.key
        if entry.rule != "shape":
            value = np.asarray(entry.value, dtype=float)
            assert np.all(np.isfinite(value)), entry.key


def test_sig12_entries_state_at_least_12_significant_digits():
    assert len(SIG12) >= 4
    for entry in SIG12:
        digits = entry.text.replace("-", "").replace(".", "").lstrip("0")
        assert len(digits) >= 12, entry.key


@pytest.mark.parametrize(
    "entry", [e for e in ARTICLE.values() if e.rule == "decimals" and not e.erratum], ids=lambda e: e.key
)
def test_the_articles_own_value_agrees(entry):
    result = compare(entry.key, entry.value)
    assert result.status == "agrees"
    what = entry.what[:1].upper() + entry.what[1:] if entry.what[:1].isascii() else entry.what
    theirs = "the companion notebook's" if entry.where.startswith("Companion notebook") else "the article's"
    assert str(result) == f"{what}: ours, {result.ours}, agrees with {theirs} {entry.text}."


@pytest.mark.parametrize("entry", DECIMAL_ENTRIES, ids=_ids(DECIMAL_ENTRIES))
def test_a_value_that_rounds_to_the_articles_agrees_after_rounding(entry):
    ours = np.asarray(entry.value) + 0.4 * 10.0**-entry.decimals
    result = compare(entry.key, ours)
    assert result.status == "agrees after rounding"
    rounded, more = result.ours.split(" (")
    assert rounded == entry.text and more.endswith(")")  # more digits beside the rounded value


@pytest.mark.parametrize("entry", DECIMAL_ENTRIES, ids=_ids(DECIMAL_ENTRIES))
def test_a_value_off_by_one_in_the_last_decimal_differs_and_raises(entry):
    ours = np.asarray(entry.value) + 10.0**-entry.decimals
    with pytest.raises(ArticleMismatch, match=f"{re.escape(entry.key)}: ours .* differs from the article's"):
        compare(entry.key, ours)


@pytest.mark.parametrize("entry", SIG12, ids=_ids(SIG12))
def test_seeded_costs_agree_to_12_significant_digits_only(entry):
    result = compare(entry.key, entry.value * (1 + 1e-14))
    assert result.status == "agrees to 12 significant digits"
    assert result.ours == fmt(entry.value)
    assert compare(entry.key, entry.value).status == "agrees to 12 significant digits"
    with pytest.raises(ArticleMismatch, match="differs from"):
        compare(entry.key, entry.value * (1 + 1e-10))


@pytest.mark.parametrize("entry", ERRATA, ids=_ids(ERRATA))
def test_an_erratum_expects_a_difference_and_says_why(entry):
    ours = np.asarray(entry.value) + 10.0**-entry.decimals
    result = compare(entry.key, ours)
    assert result.status == "differs"
    assert str(result).endswith(f"differs from the article's {entry.text}: {entry.erratum}.")


@pytest.mark.parametrize("entry", ERRATA, ids=_ids(ERRATA))
def test_a_stale_erratum_raises(entry):
    with pytest.raises(
        ArticleMismatch, match=f"{re.escape(entry.key)}: ours .* now agrees with the article's"
    ):
        compare(entry.key, entry.value)


@pytest.mark.parametrize("entry", SHAPES, ids=_ids(SHAPES))
def test_shapes(entry):
    shape = tuple(int(n) for n in re.findall(r"\d+", entry.text))
    assert compare(entry.key, shape).status == "agrees"
    assert compare(entry.key, np.zeros(shape).shape).ours == entry.text
    with pytest.raises(ArticleMismatch, match="differs from"):
        compare(entry.key, shape[::-1] + (7,))


def test_show_prints_the_comparison(capsys):
    key = "ch7.cost_4600"
    show("cost at epoch 4600", ARTICLE[key].value)
    assert capsys.readouterr().out == str(compare(key, ARTICLE[key].value)) + "\n"


# --- show: strict for maintainers, a note for a learner's own run ----------------------


@pytest.fixture(autouse=True)
def _a_fresh_session(monkeypatch):
    """Each test starts as a new kernel: the learner's note not yet printed in full."""
    monkeypatch.setitem(compare_module._noted, "in full", False)


def test_show_raises_on_a_disagreement_in_a_strict_run(monkeypatch):
    monkeypatch.setenv("NBNP_STRICT", "1")
    with pytest.raises(ArticleMismatch):
        show("cost at epoch 4600", ARTICLE["ch7.cost_4600"].value * 1.5)


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
    ours = fmt(entry.value * 1.5)
    assert first == f"Cost at epoch 4600: the article says {entry.text}, this run gives {ours}."
    assert "is not the article's result" in note[0] and "expected if you changed" in note[0]
    assert "seed" in " ".join(note) and "learning rate" in " ".join(note)
    assert all(len(line) <= 100 for line in out.splitlines())


