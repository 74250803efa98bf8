"""nbnp.article.compare and the registry: the article's values and how ours are compared with them."""

import dataclasses
import importlib
import re

import numpy as np
import pytest

from nbnp import ARTICLE, ArticleMismatch, compare, fmt, show
from nbnp.article import ArticleValue
from nbnp.article import reproduce as reproduce_value
from nbnp.article.compare import _capitalized

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


def test_value_and_decimals_parse_the_text():
    entry = ArticleValue("chX.v", "[-0.044, -0.035]", "w", "where", "book/x")
    np.testing.assert_array_equal(entry.value, [[-0.044, -0.035]][0])
    assert entry.decimals == 3
    nested = ArticleValue("chX.p", "[[0, 1, 1, 0]]", "w", "where", "book/x")
    assert nested.value.shape == (1, 4) and nested.decimals == 0
    assert ArticleValue("chX.s", "-0.125", "w", "where", "book/x").value == -0.125


# --- compare: each status -------------------------------------------------------------


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


def test_unknown_key_lists_the_known_ones():
    with pytest.raises(KeyError, match=r"no article value named 'ch9.nope'; known keys: ch1.y_hat, "):
        compare("ch9.nope", 1.0)


def test_wrong_number_of_values():
    with pytest.raises(
        ArticleMismatch, match=r"ch7.predictions: ours has shape \(3,\), the article's \(1, 4\)"
    ):
        compare("ch7.predictions", np.zeros(3))


def test_a_row_vector_is_compared_with_the_articles_flat_list():
    entry = ARTICLE["ch4.dW_second"]
    assert compare(entry.key, np.asarray(entry.value).reshape(1, -1)).status == "agrees"


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


def test_the_note_is_printed_in_full_once_then_in_one_line(monkeypatch, capsys):
    monkeypatch.delenv("NBNP_STRICT", raising=False)
    entry = ARTICLE["ch2.b_new"]  # "bias after one step with α = 1": the setting is the article's
    show(entry.what, 0.75)
    show("cost at epoch 4600", 1.0)
    first, *note, second, again = capsys.readouterr().out.splitlines()
    says = f"the article says {entry.text}, this run gives 0.750 (0.75)."
    assert first == f"Bias after one step with α = 1: {says}"
    assert "\n".join(note) == compare_module.EXPECTED_DIFFERENCE and len(note) == 3
    assert second.startswith("Cost at epoch 4600: the article says 0.00101830548865")
    assert again == "  This is not the article's result either (see the first such note)."


def test_a_companion_value_is_the_companion_notebooks(monkeypatch, capsys):
    monkeypatch.delenv("NBNP_STRICT", raising=False)
    entry = ARTICLE["ch5.companion_cost_0"]
    show(entry.what, 0.5)
    first = capsys.readouterr().out.splitlines()[0]
    expected = f"Cost at epoch 0 of the feature-cross run: the companion notebook says {entry.text}"
    assert first == f"{expected}, this run gives 0.5."


def test_show_in_a_learners_run_handles_a_changed_shape_and_a_now_matching_erratum(monkeypatch, capsys):
    monkeypatch.delenv("NBNP_STRICT", raising=False)
    show("predicted outputs", np.zeros(3))  # a different number of examples
    assert "is not the article's result" in capsys.readouterr().out
    erratum = ERRATA[0]
    show(erratum.what, erratum.value)  # ours equal to the article's erroneous figure
    out = capsys.readouterr().out
    assert "the figure the article got wrong" in out and "is not the article's result" in out


def test_a_learners_value_of_another_shape_is_printed_to_six_digits(monkeypatch, capsys):
    monkeypatch.delenv("NBNP_STRICT", raising=False)
    show("predicted outputs", np.array([[1 / 3, 2 / 3, 0.5]]))
    ours, theirs = "[[0.333333, 0.666667, 0.5]]", ARTICLE["ch7.predictions"].text
    first = capsys.readouterr().out.splitlines()[0]
    assert first == f"Predicted outputs: the article says {theirs}, this run gives {ours}."


def test_a_learners_value_equal_to_an_erratum_says_the_article_got_it_wrong(monkeypatch, capsys):
    monkeypatch.delenv("NBNP_STRICT", raising=False)
    show("loss after the step", ARTICLE["ch2.loss_new"].value)  # the article's 0.109, which is wrong
    assert capsys.readouterr().out.splitlines()[0] == (
        "Loss after the step: the article says 0.109, this run gives 0.109, "
        "the figure the article got wrong (see the errata)."
    )


def test_show_in_a_learners_run_still_rejects_an_unknown_key(monkeypatch):
    monkeypatch.delenv("NBNP_STRICT", raising=False)
    with pytest.raises(KeyError):
        show("ch9.nope", 1.0)
    with pytest.raises(KeyError, match="no article value is described as 'cost at epoch 4601'"):
        show("cost at epoch 4601", 1.0)


def test_show_prints_an_agreement_the_same_way_in_both_modes(monkeypatch, capsys):
    key = "ch7.cost_4600"
    monkeypatch.delenv("NBNP_STRICT", raising=False)
    show(ARTICLE[key].what, ARTICLE[key].value)
    lenient = capsys.readouterr().out
    monkeypatch.setenv("NBNP_STRICT", "1")
    show(ARTICLE[key].what, ARTICLE[key].value)
    assert capsys.readouterr().out == lenient == str(compare(key, ARTICLE[key].value)) + "\n"


@pytest.mark.parametrize(
    ("key", "ours", "sentence"),
    [
        ("ch1.y_hat", 0.5, "Prediction ŷ for x = (0, 0): ours, 0.5, agrees with the article's 0.5."),
        (
            "ch7.cost_4600",
            0.001018305488651183,
            "Cost at epoch 4600: ours, 0.00101830548865, agrees with the article's "
            "0.001018305488651183 to 12 significant digits.",
        ),
        (
            "ch4.db_second",
            -0.0312,
            "∂Cost/∂b, second iteration: ours, -0.031 (-0.0312), agrees with the article's -0.031 "
            "after rounding.",
        ),
    ],
)
def test_a_comparison_reads_as_a_sentence_without_the_internal_key(key, ours, sentence):
    assert str(compare(key, ours)) == sentence


def test_an_erratum_reads_as_a_sentence_that_says_why():
    entry = ERRATA[0]
    line = str(compare(entry.key, reproduce_value(entry.key)))
    assert line.startswith(entry.what[:1].upper() + entry.what[1:] + ": ours, ")
    assert str(compare("ch1.sigmoid_at_2", 0.88)).startswith("σ(2), the worst case")
    assert f"differs from the article's {entry.text}: {entry.erratum}." in line
    assert entry.key not in line


def test_an_erratum_explains_only_our_value_for_the_articles_setting(monkeypatch, capsys):
    # ch2.loss_new's erratum is about our 0.10988; a learner's other loss is not explained by it.
    monkeypatch.delenv("NBNP_STRICT", raising=False)
    explained = r"ours 0\.061 \(0\.0607767\) differs .* our value 0\.110 \(0\.109882\)"
    with pytest.raises(ArticleMismatch, match=explained):
        compare("ch2.loss_new", 0.0607767)
    show("loss after the step", 0.0607767)
    out = capsys.readouterr().out
    assert "rounds to 0.110" not in out
    assert out.startswith("Loss after the step: the article says 0.109, this run gives 0.061 (0.0607767).\n")
    assert "That is expected if you changed a setting" in out


def test_an_erratum_on_a_list_explains_our_value_at_the_articles_decimals(monkeypatch):
    # no list has an erratum yet: give ch4.dW_second one, with a misprinted first weight
    key = "ch4.dW_second"
    slip = dataclasses.replace(ARTICLE[key], text="[-0.045, -0.035]", erratum="a slip in the first weight")
    monkeypatch.setitem(ARTICLE, key, slip)
    result = compare(key, reproduce_value(key))
    assert result.status == "differs" and result.ours.startswith("[-0.044, -0.035] (")
    assert compare(key, [-0.04449, -0.035]).ours.startswith("[-0.044, -0.035] (")  # the same decimals
    with pytest.raises(ArticleMismatch, match=r"does not explain it"):
        compare(key, [-0.046, -0.035])


def test_a_latin_first_letter_is_capitalized_a_greek_one_kept():
    assert _capitalized("w₁ after the step") == "W₁ after the step"
    assert _capitalized("σ(2), the worst case") == "σ(2), the worst case"  # not Σ(2)
    assert _capitalized("") == ""


# --- issue 14, round two: errors name ours, the argument ----------------------------


@pytest.mark.parametrize(
    "ours, error, message",
    [
        (np.nan, ValueError, "ours must contain only finite numbers, but it contains NaN"),
        (np.inf, ValueError, "ours must contain only finite numbers, but it contains infinity"),
        (None, TypeError, "ours must be a numeric array, but received NoneType None"),
        ("0.5", TypeError, "ours must be a numeric array, but received str '0.5'"),
    ],
)
@pytest.mark.parametrize("key", ["ch1.y_hat", "ch7.cost_4600"])
@pytest.mark.parametrize("call", [compare, show])
def test_a_value_that_is_not_a_finite_number_is_named_ours(call, key, ours, error, message):
    name = ARTICLE[key].what if call is show else key  # show takes the reader's description
    with pytest.raises(error, match=f"^{re.escape(message)}$"):
        call(name, ours)


@pytest.mark.parametrize("ours", [np.nan, None, (2.5, 4), (1, -4), "(1, 4)", (True, 4)])
def test_a_shape_that_is_not_ints_is_named_ours(ours):
    with pytest.raises(
        TypeError, match=r"^ours must be a shape, a tuple of ints such as \(1, 4\), but received "
    ):
        show(ARTICLE["ch4.shape_dZ"].what, ours)


def test_a_shape_of_numpy_ints_is_compared():
    assert compare("ch4.shape_dZ", (np.int64(1), np.int64(4))).status == "agrees"


def test_a_key_that_is_not_a_str_is_named():
    with pytest.raises(
        TypeError, match=r"^key must be a str, the name of an article value, but received \['a'\]$"
    ):
        compare(["a"], 1.0)


def test_a_description_that_is_not_a_str_is_named():
    with pytest.raises(
        TypeError, match=r"^what must be a str describing an article value, but received list$"
    ):
        show(["a"], 1.0)


def test_a_shape_with_a_zero_side_is_a_shape_that_differs():
    with pytest.raises(ArticleMismatch, match=r"ours \(0 × 4\) differs from the article's \(1 × 4\)"):
        compare("ch4.shape_dZ", (0, 4))
