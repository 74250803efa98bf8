"""Tests of nbnp/article/fmt.py: the printing policy every chapter's numbers go through."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from nbnp import SIG, fmt, fmt_array, fmt_fixed, fmt_magnitude, fmt_shape


def test_seeded_run_numbers_print_at_12_significant_digits():
    assert SIG == 12
    assert fmt(0.0010183054886511833) == "0.00101830548865"  # the article's cost at epoch 4600
    assert fmt(2 / 3) == "0.666666666667"
    assert fmt(0.1 + 0.2, sig=3) == "0.3"


@given(st.floats(allow_nan=False, allow_infinity=False, width=64))
def test_fmt_is_the_number_to_12_digits(x):
    text = fmt(x)
    assert len(text.split("e")[0].replace("-", "").replace(".", "").lstrip("0")) <= SIG
    if x != 0:
        assert math.isclose(float(text), x, rel_tol=5e-12)


def test_numpy_scalars_print_as_python_floats_do():
    assert fmt(np.float64(0.1 + 0.2)) == fmt(0.1 + 0.2) == fmt(np.array(0.1 + 0.2))
    assert fmt(np.int64(4)) == "4"
    assert "float64" not in fmt_array(np.array([np.float64(0.5)]))


def test_negative_zero_prints_as_zero():
    assert fmt(-0.0) == "0"
    assert fmt_fixed(-0.0001, 3) == "0.000"
    assert fmt_fixed(-0.0006, 3) == "-0.001"
    assert fmt_array(np.array([[-0.0, 1.0]])) == "[[0, 1]]"


def test_fixed_decimals_round_as_the_article_does():
    assert fmt_fixed(0.46879) == "0.469"
    assert fmt_array([[0.5, 0.6456563062257954]], decimals=3) == "[[0.500, 0.646]]"


@pytest.mark.parametrize("bad", [math.nan, math.inf, -math.inf, np.float64("nan")])
def test_nan_and_infinity_are_refused_instead_of_printed(bad):
    with pytest.raises(ValueError, match="finite"):
        fmt(bad)
    with pytest.raises(ValueError, match="finite"):
        fmt_fixed(bad)
    with pytest.raises(ValueError, match=r"A\[0, 1\]"):
        fmt_array([[1.0, bad]])


@pytest.mark.parametrize("call, error, name", [
    (lambda: fmt(0.5, 0), ValueError, "sig"), (lambda: fmt(0.5, 2.0), TypeError, "sig"),
    (lambda: fmt_fixed(0.5, -1), ValueError, "decimals"), (lambda: fmt("0.5"), TypeError, "x"),
    (lambda: fmt(np.ones(2)), TypeError, "single number"), (lambda: fmt(True), TypeError, "x"),
    (lambda: fmt_array([1.0], sig=3, decimals=3), ValueError, "not both"),
])
def test_a_bad_argument_is_refused_naming_it(call, error, name):
    with pytest.raises(error, match=name):
        call()


def test_shapes_print_as_the_article_writes_them():
    assert fmt_shape((1, 4)) == "(1 × 4)"
    with pytest.raises(TypeError, match=r"shape\[0\]"):
        fmt_shape((2.7, 4))


@pytest.mark.parametrize("x, text", [(0, "0"), (3.0e-10, "1e-10"), (4.0e-10, "1e-9"), (1, "1e0"),
                                     (np.float64(2e-8), "1e-8")])
def test_fmt_magnitude_is_the_nearest_power_of_ten_on_a_log_scale(x, text):
    assert fmt_magnitude(x) == text


@pytest.mark.parametrize("bad, error", [(-1e-9, ValueError), (math.nan, ValueError), ("1e-9", TypeError)])
def test_fmt_magnitude_refuses_what_is_not_a_finite_number_at_least_0(bad, error):
    with pytest.raises(error, match="x "):
        fmt_magnitude(bad)
