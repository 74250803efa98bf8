"""Tests of nbnp.experiments.separability.best_linear_accuracy."""

import numpy as np
import pytest

import nbnp
from nbnp.experiments.separability import best_linear_accuracy


@pytest.mark.parametrize("gate", [nbnp.or_gate, nbnp.and_gate])
def test_linearly_separable_gates_reach_100(gate):
    assert best_linear_accuracy(*gate()) == 100.0


def test_xor_tops_out_at_75():
    assert best_linear_accuracy(*nbnp.xor_gate()) == 75.0
    assert best_linear_accuracy(*nbnp.quadrant_xor()) == 75.0


def test_a_vertical_boundary_is_found():
    X = np.array([[0.0, 0.1, 0.9, 1.0], [0.0, 1.0, 0.0, 1.0]])
    assert best_linear_accuracy(X, np.array([[0.0, 0.0, 1.0, 1.0]])) == 100.0
    assert best_linear_accuracy(X, np.array([[1.0, 1.0, 0.0, 0.0]])) == 100.0


def test_single_class_is_100():
    X, _ = nbnp.xor_gate()
    assert best_linear_accuracy(X, np.ones((1, 4))) == 100.0
    spread = np.array([[0.0, 10.0, 0.0, 10.0], [0.0, 0.0, 10.0, 10.0]])  # 10 apart along any direction
    assert best_linear_accuracy(spread, np.ones((1, 4))) == 100.0
    assert best_linear_accuracy(spread, np.zeros((1, 4))) == 100.0


def test_class_1_on_the_low_side_of_every_direction_is_found():
    # Directions cover [0, π) only, so class 1 at the left needs the flipped labelling.
    X = np.array([[0.0, 1.0], [0.0, 0.0]])
    assert best_linear_accuracy(X, np.array([[1.0, 0.0]]), n_angles=1) == 100.0


def test_the_default_angles_include_the_horizontal_boundary_of_a_wide_thin_set():
    # Class 1 at height +1, class 0 at -1, both at x1 = ±1000: only lines within
    # atan(1/1000) of horizontal separate them, i.e. a direction within 0.001 rad
    # of π/2. The default 360 angles hold π/2 exactly; 361 come no closer than π/722.
    X = np.array([[-1000.0, 1000.0, -1000.0, 1000.0], [1.0, 1.0, -1.0, -1.0]])
    Y = np.array([[1.0, 1.0, 0.0, 0.0]])
    assert best_linear_accuracy(X, Y) == 100.0
    assert best_linear_accuracy(X, Y, n_angles=361) == 75.0


def test_points_that_all_project_to_one_value():
    assert best_linear_accuracy(np.array([[0.5], [2.0]]), np.array([[1.0]])) == 100.0
    same_point = np.array([[0.5, 0.5], [2.0, 2.0]])
    assert best_linear_accuracy(same_point, np.array([[1.0, 0.0]])) == 50.0
