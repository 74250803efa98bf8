"""Tests for nbnp/fmt.py: the book's one formatting policy for printed numbers."""

import numpy as np
import pytest

from nbnp import SIG, fmt, fmt_array, fmt_fixed, fmt_shape


def test_twelve_significant_digits():
    assert SIG == 12
    assert fmt(1 / 3) == "0.333333333333"
    assert fmt(2 / 3) == "0.666666666667"
    assert fmt(0.0010183054886511833) == "0.00101830548865"
    assert fmt(123456.78901234567) == "123456.789012"


@pytest.mark.parametrize("x", [1 / 7, 0.0009514180100050975, 12345.678, 1e-20, 3.0])
def test_fmt_keeps_exactly_sig_significant_digits(x):
    text = fmt(x)
    assert float(text) == float(f"{x:.12g}")
    mantissa = text.split("e")[0].replace(".", "").lstrip("0")
    assert len(mantissa) <= SIG
    assert fmt(x, sig=3) == format(x, ".3g")


def test_numpy_scalars_print_like_python_floats():
    x = 0.1 + 0.2
    assert fmt(np.float64(x)) == fmt(x) == fmt(np.array(x)) == "0.3"
    assert fmt(np.float32(0.5)) == "0.5"
    assert fmt(np.int64(4)) == "4"


def test_negative_zero_prints_as_zero():
    assert fmt(-0.0) == "0"
    assert fmt(np.float64(-0.0)) == "0"
    assert fmt_fixed(-0.0) == "0.000"
    assert fmt_fixed(-0.0001, 3) == "0.000"
    assert fmt_fixed(-0.0004, 3) == "0.000"
    assert fmt_fixed(-0.0006, 3) == "-0.001"
    assert fmt_array(np.array([[-0.0, 1.0]])) == "[[0, 1]]"
    assert fmt_array(np.array([-1e-9]), decimals=2) == "[0.00]"


def test_fixed_decimals():
    assert fmt_fixed(0.46879) == "0.469"
    assert fmt_fixed(0.46879, 1) == "0.5"
    assert fmt_fixed(-0.125, 3) == "-0.125"
    assert fmt_fixed(2, 0) == "2"
    assert fmt_fixed(np.float64(0.1 + 0.2), 2) == "0.30"


def test_arrays_as_nested_lists():
    A = np.array([[0.5, 0.6456563062257954], [0.52497918747894, 0.6681877721681662]])
    assert fmt_array(A, decimals=3) == "[[0.500, 0.646], [0.525, 0.668]]"
    assert fmt_array(A) == f"[[0.5, {fmt(A[0, 1])}], [{fmt(A[1, 0])}, {fmt(A[1, 1])}]]"
    assert fmt_array(A, sig=2) == "[[0.5, 0.65], [0.52, 0.67]]"
    assert fmt_array([1, 2]) == "[1, 2]"
    assert fmt_array(np.float64(0.25)) == "0.25"
    assert fmt_array(np.zeros((1, 0))) == "[[]]"
    assert fmt_array(np.ones((2, 1, 1)), decimals=1) == "[[[1.0]], [[1.0]]]"


def test_shapes_as_the_article_writes_them():
    assert fmt_shape((1, 4)) == "(1 × 4)"
    assert fmt_shape(np.zeros((4, 1, 2)).shape) == "(4 × 1 × 2)"
    assert fmt_shape((np.int64(3),)) == "(3)"
