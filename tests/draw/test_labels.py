"""Tests for nbnp.draw.labels: the texts written on a graph's nodes and edges."""

import numpy as np

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
