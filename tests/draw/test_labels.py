"""Tests for nbnp.draw.labels: the texts written on a graph's nodes and edges."""

import numpy as np
import pytest

from nbnp import fmt_fixed
from nbnp.draw.labels import format_value, matrix_text

# --- format_value -------------------------------------------------------------


def test_format_value_scalar_array_and_cut():
    assert format_value(0.46879) == fmt_fixed(0.46879, 3)
    assert format_value(np.array([[0.125]])) == fmt_fixed(0.125, 3)
    A = np.array([[0.5, 0.6456563, 0.52497919, 0.66818777]])
    assert format_value(A) == "[" + ", ".join(fmt_fixed(v, 3) for v in A[0]) + "]"
    assert format_value(A, max_items=3) == f"[{fmt_fixed(A[0, 0], 3)}, {fmt_fixed(A[0, 1], 3)}, …]"
    assert format_value(A, decimals=1, max_items=2) == "[0.5, …]"


# --- matrix_text ---------------------------------------------------------------


def test_matrix_text_forms():
    assert matrix_text("b", [[-0.0371]]) == "b = -0.037"
    assert matrix_text("W", [[0.1, 0.6]]) == "W = [0.100, 0.600]"
    assert matrix_text("X", [[0, 1], [1, 0]], data=True) == "X = [0, 1]\n[1, 0]"
    assert matrix_text("X", [[0, 1], [1, 0]], data=True, align=True) == "X = [0, 1]\n    [1, 0]"
    assert matrix_text("Ŷ", [[0.5, 0.25, 0.125]], wrap=2) == "Ŷ =\n[0.500, 0.250,\n0.125]"
    assert matrix_text("X", [[0.5, 1.0]], data=True) == "X = [0.500, 1.000]"  # not all whole


# --- issue 14: format_value's digit counts, checked as nbnp.fmt checks them ---------


@pytest.mark.parametrize(
    "kwargs, error, match",
    [
        ({"decimals": -1}, ValueError, r"^decimals must be from 0 to 17, received -1"),
        ({"decimals": 1.5}, TypeError, r"^decimals must be an int, received float 1.5"),
        ({"decimals": True}, TypeError, r"^decimals must be an int, received bool"),
        ({"decimals": 18}, ValueError, r"^decimals must be from 0 to 17, received 18"),
        ({"max_items": 0}, ValueError, r"^max_items must be a positive integer, but received 0"),
        ({"max_items": 2.0}, TypeError, r"^max_items must be a positive integer, but received float"),
    ],
)
def test_format_value_checks_its_digit_counts(kwargs, error, match):
    with pytest.raises(error, match=match):
        format_value([[0.5, 0.25]], **kwargs)


def test_format_value_limits_and_empty_input():
    assert format_value(0.5, decimals=np.int64(0)) == "0"  # NumPy ints are ints (round half to even)
    assert format_value(1 / 3, decimals=17) == "0.33333333333333331"
    assert format_value([1.0, 2.0, 3.0], max_items=1) == "[1.000, …]"
    with pytest.raises(ValueError, match=r"^value must not be empty, but received an array of shape \(0,\)"):
        format_value([])


def test_format_value_defaults_and_names_value():
    assert format_value([1.0, 2.0, 3.0, 4.0]) == "[1.000, 2.000, 3.000, 4.000]"  # max_items=4 by default
    assert format_value([1.0, 2.0, 3.0, 4.0, 5.0]) == "[1.000, 2.000, 3.000, …]"
    with pytest.raises(ValueError, match=r"^value must contain only finite numbers"):
        format_value([np.nan])
    assert matrix_text("x", [[0.12345]], decimals=2) == "x = 0.12"


def test_matrix_text_defaults_decimals_and_names():
    assert matrix_text("X", [[0.0, 1.0], [1.0, 0.0]]) == "X = [0.000, 1.000]\n[1.000, 0.000]"  # data=False
    assert matrix_text("Y", [[0.5, 0.25, 0.125]], decimals=2, wrap=2) == "Y =\n[0.50, 0.25,\n0.12]"
    with pytest.raises(ValueError, match=r"^X must contain only finite numbers"):
        matrix_text("X", [[np.nan, 1.0]])


def test_check_decimals_accepts_zero():
    from nbnp.draw.labels import check_decimals

    assert check_decimals(0) == 0 and check_decimals(np.int64(2)) == 2


def test_steps_so_far_checks_the_arguments_and_lists_the_steps_shown():
    from nbnp.draw.labels import steps_so_far

    steps = ("inputs", "z", "loss", "dz")
    assert steps_so_far("z", steps, {}, 3) == ("z", {"inputs", "z"}, 3)
    assert steps_so_far("backward", steps, {"backward": "dz"}, 0) == ("dz", set(steps), 0)
    with pytest.raises(ValueError, match="step must be one of"):
        steps_so_far("dw", steps, {}, 3)
    with pytest.raises(ValueError, match="decimals must be a non-negative integer"):
        steps_so_far("z", steps, {}, -1)
