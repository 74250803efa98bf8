"""Every number the article states is recomputed from nbnp and checked against it."""

import re

import numpy as np
import pytest

import nbnp
import nbnp.article as rep
from nbnp import ARTICLE, compare, fmt_fixed
from nbnp.article import runs

ALLOWED = {"agrees", "agrees after rounding", "agrees to 12 significant digits"}


def test_every_article_key_has_a_reproducer_and_no_other():
    assert list(rep.REPRODUCERS) == list(ARTICLE)


@pytest.mark.parametrize("key", list(ARTICLE))
def test_ours_agrees_with_the_article_or_its_erratum(key):
    result = compare(key, rep.reproduce(key))
    if ARTICLE[key].erratum is None:
        assert result.status in ALLOWED
    else:
        assert result.status == "differs"


@pytest.mark.slow
def test_reproducers_leave_the_global_random_stream_alone():
    np.random.seed(7)
    expected = np.random.rand()
    np.random.seed(7)
    for fn in (runs.single_example, runs.or_batch, runs.xor_run):
        fn.cache_clear()
    rep.check_all()
    assert np.random.rand() == expected


@pytest.mark.parametrize("key", [k for k, e in ARTICLE.items() if e.erratum is not None])
def test_an_erratum_states_our_value(key):
    # "differs" alone would pass for any wrong value: the erratum must quote ours.
    ours = float(np.asarray(rep.reproduce(key)).ravel()[0])
    quoted = re.findall(r"\d+\.(\d+)", ARTICLE[key].erratum)
    assert any(f"0.{digits}" == fmt_fixed(ours, len(digits)) for digits in quoted)


@pytest.mark.parametrize("key", ["ch1.sigmoid_at_2", "ch1.sigmoid_at_minus_2"])
def test_the_sigmoid_rows_evaluate_the_edge_the_article_names(key):
    # at 0 decimals any z from 1.4 up rounds to 1, so check where σ is evaluated
    z = float(re.match(r"σ\((−?\d+)\)", ARTICLE[key].what).group(1).replace("−", "-"))
    assert rep.reproduce(key) == nbnp.sigmoid(z)
