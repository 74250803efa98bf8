"""Tests of nbnp/datasets.py: the gates' truth tables, the quadrants and the feature cross."""

from __future__ import annotations

import numpy as np
import pytest

from nbnp import and_gate, feature_cross, or_gate, quadrant_xor, xor_gate


@pytest.mark.parametrize("gate, rule", [(or_gate, np.logical_or), (and_gate, np.logical_and),
                                        (xor_gate, np.logical_xor)])
def test_a_gate_is_its_truth_table_one_example_per_column(gate, rule):
    X, Y = gate()
    assert X.shape == (2, 4) and Y.shape == (1, 4)
    assert X.T.tolist() == [[0, 0], [0, 1], [1, 0], [1, 1]]
    np.testing.assert_array_equal(Y[0], rule(X[0], X[1]).astype(float))


def test_a_gate_returns_fresh_arrays():
    X, Y = xor_gate()
    X[:] = 7
    assert xor_gate()[0].max() == 1


@pytest.mark.parametrize("n", [1, 4, 5, 9])
def test_quadrant_xor_labels_are_1_where_the_signs_differ(n):
    X, Y = quadrant_xor(n)
    assert X.shape == (2, 4 * n) and Y.shape == (1, 4 * n)
    np.testing.assert_array_equal(Y[0], (np.sign(X[0]) != np.sign(X[1])).astype(float))
    assert Y.sum() == 2 * n
    assert np.all((np.abs(X) >= 1) & (np.abs(X) <= 2))


def test_quadrant_xor_refuses_a_count_that_is_not_positive():
    with pytest.raises(ValueError, match="points_per_quadrant"):
        quadrant_xor(0)


def test_feature_cross_appends_the_product_of_two_rows():
    X = np.array([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0], [-1.0, 0.5, 2.0]])
    np.testing.assert_array_equal(feature_cross(X), np.vstack([X, X[0] * X[1]]))
    np.testing.assert_array_equal(feature_cross(X, 1, 2)[-1], X[1] * X[2])
    assert X.shape == (3, 3)  # the input is left alone


def test_a_feature_cross_makes_xor_linearly_separable():
    X, Y = xor_gate()
    Xc = feature_cross(2 * X - 1)  # centred inputs: x1·x2 is −1 exactly where y = 1
    np.testing.assert_array_equal(Xc[2] < 0, Y[0] == 1)


def test_feature_cross_refuses_a_1d_input():
    with pytest.raises(ValueError, match="X must be 2-D"):
        feature_cross(np.array([1.0, 2.0]))
