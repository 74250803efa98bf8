"""Tests for nbnp/datasets.py: the gates, the quadrant XOR, and feature crosses."""

import numpy as np
import pytest

from nbnp import and_gate, feature_cross, or_gate, quadrant_xor, xor_gate

GATES = {or_gate: lambda a, b: a or b, and_gate: lambda a, b: a and b, xor_gate: lambda a, b: a != b}


@pytest.mark.parametrize("gate", GATES, ids=lambda g: g.__name__)
def test_gate_truth_tables(gate):
    X, Y = gate()
    assert X.shape == (2, 4) and Y.shape == (1, 4)
    assert X.dtype == Y.dtype == np.float64
    assert [tuple(col) for col in X.T.astype(int)] == [(0, 0), (0, 1), (1, 0), (1, 1)]
    expected = [float(GATES[gate](bool(a), bool(b))) for a, b in X.T]
    assert Y[0].tolist() == expected


def test_gates_return_fresh_arrays():
    X, Y = xor_gate()
    X[0, 0], Y[0, 0] = 9.0, 9.0
    X2, Y2 = xor_gate()
    assert X2[0, 0] == 0.0 and Y2[0, 0] == 0.0


@pytest.mark.parametrize("n", [1, 4, 5, 9])
def test_quadrant_xor(n):
    X, Y = quadrant_xor(n)
    assert X.shape == (2, 4 * n) and Y.shape == (1, 4 * n)
    np.testing.assert_array_equal(Y[0], (X[0] * X[1] < 0).astype(float))
    assert np.all((np.abs(X) >= 1) & (np.abs(X) <= 2))
    quadrants = {(sx, sy): 0 for sx in (-1, 1) for sy in (-1, 1)}
    for x1, x2 in X.T:
        quadrants[(np.sign(x1), np.sign(x2))] += 1
    assert set(quadrants.values()) == {n}
    assert len({tuple(col) for col in X.T}) == 4 * n


def test_quadrant_xor_default_and_determinism():
    X, Y = quadrant_xor()
    assert X.shape == (2, 16)
    np.testing.assert_array_equal(quadrant_xor()[0], X)


@pytest.mark.parametrize(
    "bad, error", [(0, ValueError), (-3, ValueError), (2.0, TypeError), ("4", TypeError)]
)
def test_quadrant_xor_rejects_bad_counts(bad, error):
    with pytest.raises(error, match="points_per_quadrant must be a positive integer, but received"):
        quadrant_xor(bad)


def test_feature_cross_appends_the_product():
    X, _ = xor_gate()
    crossed = feature_cross(X)
    assert crossed.shape == (3, 4)
    np.testing.assert_array_equal(crossed[:2], X)
    np.testing.assert_array_equal(crossed[2], X[0] * X[1])


def test_feature_cross_of_chosen_rows():
    X = np.arange(12.0).reshape(3, 4)
    np.testing.assert_array_equal(feature_cross(X, 0, 2)[3], X[0] * X[2])
    np.testing.assert_array_equal(feature_cross(X, 1, -1)[3], X[1] * X[2])
    np.testing.assert_array_equal(feature_cross(X, 1, 1)[3], X[1] ** 2)


def test_feature_cross_leaves_X_alone():
    X, _ = xor_gate()
    before = X.copy()
    feature_cross(X)
    np.testing.assert_array_equal(X, before)


def test_feature_cross_rejects_bad_rows():
    X, _ = xor_gate()
    with pytest.raises(ValueError, match=r"j must index a row of X \(0\.\.1\), got 2"):
        feature_cross(X, 0, 2)
    with pytest.raises(TypeError, match="i must be a row index, but received 0.5"):
        feature_cross(X, 0.5, 1)
    with pytest.raises(TypeError, match="i must be a row index, but received True"):
        feature_cross(X, True, 1)


def test_feature_cross_counts_rows_from_the_end_as_far_as_the_first():
    X = np.arange(8.0).reshape(2, 4)  # two rows: -2 is the first, -3 is none
    np.testing.assert_array_equal(feature_cross(X, -2, -1)[2], X[0] * X[1])
    with pytest.raises(ValueError, match=r"^i must index a row of X \(0\.\.1\), got -3$"):
        feature_cross(X, -3, 1)


def test_feature_cross_validates_X():
    with pytest.raises(ValueError, match=r"^X must be a 2-D array .* received an array of shape \(4,\)"):
        feature_cross(np.zeros(4))


@pytest.mark.parametrize("n, side", [(4, 2), (9, 3)])
def test_quadrant_xor_points_sit_on_an_even_grid_from_1_to_2(n, side):
    X, _ = quadrant_xor(n)
    np.testing.assert_array_equal(np.unique(np.abs(X)), np.linspace(1.0, 2.0, side))
