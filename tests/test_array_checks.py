"""Tests for nbnp/array_checks.py (most of its checks are tested through nbnp.validation)."""

import numpy as np
import pytest

from nbnp.array_checks import as_array, as_matrix

#: A float64 dtype that is equal to, but not the same object as, np.dtype(np.float64).
_FLOAT64_WITH_METADATA = np.dtype(np.float64, metadata={"unit": "m"})


@pytest.mark.parametrize("dtype", [np.float64, _FLOAT64_WITH_METADATA])
def test_a_float64_array_is_returned_as_is_not_copied(dtype):
    A = np.ones((2, 3)).astype(dtype)
    assert as_array("z", A) is A
    assert as_matrix("A", A) is A


def test_other_arrays_become_new_float64_arrays():
    A = np.ones((2, 3), dtype=np.float32)
    assert as_array("z", A).dtype == as_matrix("A", A).dtype == np.float64


def test_finite_false_leaves_nan_and_infinity_to_the_caller():
    A = np.array([[np.nan, np.inf, 1.0]])
    assert as_matrix("A", A, finite=False) is A
    with pytest.raises(ValueError, match=r"^A must contain only finite numbers, but it contains NaN$"):
        as_matrix("A", A)


@pytest.mark.filterwarnings("error")  # a RuntimeWarning would print below a chapter's cell
def test_huge_finite_entries_pass_without_a_numpy_warning():
    A = np.full((1, 17), np.finfo(float).max)  # finite, but their sum overflows
    assert as_matrix("A", A) is A


@pytest.mark.filterwarnings("error")
def test_plus_and_minus_infinity_are_named_without_a_numpy_warning():
    A = np.array([[np.inf, -np.inf] + [1.0] * 15])  # their sum is inf - inf
    with pytest.raises(ValueError, match=r"^A must contain only finite numbers, but it contains infinity$"):
        as_matrix("A", A)
