"""Tests of nbnp/checks.py: the helpers a reader's own layer can call, and what they accept.

The mistakes a learner makes through the layers, ``compute_cost`` and ``train`` are tested
where the learner meets them (tests/test_layers.py, test_losses.py, test_training.py).
"""

from __future__ import annotations

import numpy as np
import pytest

from nbnp import LayerStateError
from nbnp.checks import (
    as_array,
    as_matrix,
    check_labels,
    check_learning_rate,
    check_positive_int,
    check_real,
    check_shape,
    check_update,
    check_upstream,
)


def test_as_matrix_gives_floats_and_accepts_nested_lists_and_ints():
    M = as_matrix("X", [[0, 1], [1, 0]], rows=2)
    assert M.dtype == float and M.tolist() == [[0.0, 1.0], [1.0, 0.0]]


def test_a_1d_input_is_refused_with_the_one_column_fix():
    with pytest.raises(ValueError, match=r"x must be 2-D.*reshape\(-1, 1\)"):
        as_matrix("x", np.array([1.0, 2.0]))


def test_examples_as_rows_are_refused_with_the_transpose_fix():
    with pytest.raises(ValueError, match=r"X must have 2 rows.*X\.T"):
        as_matrix("X", np.zeros((4, 2)), rows=2)


@pytest.mark.parametrize("value", [[["a"]], [[1 + 2j]], None, [[None]]])
def test_something_other_than_real_numbers_is_a_type_error_naming_it(value):
    with pytest.raises(TypeError, match="A must hold real numbers"):
        as_array("A", value)


def test_ragged_rows_are_refused():
    with pytest.raises(ValueError, match="rows have different lengths"):
        as_array("X", [[1.0, 2.0], [3.0]])


def test_check_labels_accepts_0_and_1_and_names_the_first_other_value():
    Y = np.array([[0.0, 1.0]])
    assert check_labels("Y", Y) is Y
    with pytest.raises(ValueError, match=r"Y must hold labels 0 or 1, but received 0\.7"):
        check_labels("Y", np.array([[1.0, 0.7, 0.2]]))


@pytest.mark.parametrize("rate", [0.5, 1, np.float32(0.25)])
def test_a_positive_finite_learning_rate_is_a_float(rate):
    assert check_learning_rate(rate) == float(rate) and type(check_learning_rate(rate)) is float


@pytest.mark.parametrize("rate, error, phrase", [
    (0, ValueError, "positive"), (-0.1, ValueError, "positive"), (float("nan"), ValueError, "finite"),
    (float("inf"), ValueError, "finite"), ("0.1", TypeError, "real number"), (True, TypeError, "real"),
    (np.array([0.1]), TypeError, "real number"),
])
def test_a_learning_rate_that_is_not_a_positive_finite_number_is_refused(rate, error, phrase):
    with pytest.raises(error, match=f"learning_rate.*{phrase}"):
        check_learning_rate(rate)


def test_check_real_and_check_positive_int_name_the_argument():
    assert check_real("threshold", np.float64(0.5)) == 0.5
    assert check_positive_int("epochs", np.int64(3)) == 3
    with pytest.raises(TypeError, match="epochs must be an int"):
        check_positive_int("epochs", 10.0)
    with pytest.raises(ValueError, match="epochs must be at least 1"):
        check_positive_int("epochs", 0)


def test_check_shape_wants_a_pair_such_as_x_shape():
    assert check_shape("input_shape", (2, 4)) == (2, 4)
    with pytest.raises(TypeError, match=r"input_shape must be a pair.*X\.shape"):
        check_shape("input_shape", 2)
    with pytest.raises(ValueError, match=r"input_shape\[1\]"):
        check_shape("input_shape", (2, 0))


def test_check_upstream_and_check_update_name_the_call_to_make_first():
    with pytest.raises(LayerStateError, match=r"call forward\(\) first"):
        check_upstream(np.ones((1, 4)), np.zeros((1, 4)), None)
    with pytest.raises(ValueError, match="upstream_grad must have the shape"):
        check_upstream(np.ones((1, 3)), np.zeros((1, 4)), np.zeros((2, 4)))
    with pytest.raises(LayerStateError, match=r"call backward\(\) first"):
        check_update(0.1, None)
