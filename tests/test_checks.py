"""Tests of nbnp/checks.py: what the helpers a reader's own layer can call accept.

The mistakes a learner makes through the layers, ``compute_cost`` and ``train`` (a 1-D
input, examples as rows, a bad learning rate, calls out of order) are tested where the
learner meets them: tests/test_layers.py, test_losses.py, test_training.py.
"""

from __future__ import annotations

import numpy as np
import pytest

from nbnp.checks import (
    as_array,
    as_matrix,
    check_finite,
    check_labels,
    check_positive_int,
    check_real,
    check_shape,
)


def test_as_matrix_gives_floats_and_accepts_nested_lists_and_ints():
    M = as_matrix("X", [[0, 1], [1, 0]], rows=2)
    assert M.dtype == float and M.tolist() == [[0.0, 1.0], [1.0, 0.0]]


@pytest.mark.parametrize("value", [[["a"]], [[1 + 2j]], None, [[None]]])
def test_something_other_than_real_numbers_is_a_type_error_naming_it(value):
    with pytest.raises(TypeError, match="A must hold real numbers"):
        as_array("A", value)


def test_ragged_rows_are_refused():
    with pytest.raises(ValueError, match="rows have different lengths"):
        as_array("X", [[1.0, 2.0], [3.0]])


def test_check_finite_names_the_first_entry_that_is_not():
    with pytest.raises(ValueError, match=r"X must hold finite numbers, but X\[1, 0\] is nan"):
        check_finite("X", np.array([[1.0, 2.0], [np.nan, np.inf]]))


def test_check_labels_accepts_0_and_1_and_names_the_first_other_value():
    Y = np.array([[0.0, 1.0]])
    assert check_labels("Y", Y) is Y
    with pytest.raises(ValueError, match=r"Y must hold labels 0 or 1, but received 0\.7"):
        check_labels("Y", np.array([[1.0, 0.7, 0.2]]))


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
