"""Tests for nbnp/validation.py, and the rule that the package never validates with assert."""

import ast
import math
import re
from pathlib import Path

import numpy as np
import pytest

import nbnp
from nbnp.validation import (
    _all_finite,
    as_array,
    as_matrix,
    check_binary,
    check_callable,
    check_finite,
    check_labels,
    check_learning_rate,
    check_no_overflow,
    check_positive_int,
    check_real,
    check_same_shape,
)

PACKAGE = Path(__file__).resolve().parent.parent / "nbnp"


@pytest.mark.parametrize("module", sorted(PACKAGE.glob("*.py")), ids=lambda p: p.name)
def test_no_assert_statements_in_the_package(module):
    tree = ast.parse(module.read_text(encoding="utf-8"))
    lines = [node.lineno for node in ast.walk(tree) if isinstance(node, ast.Assert)]
    assert lines == [], f"{module.name} uses assert on lines {lines}; raise ValueError/TypeError instead"


# --- as_matrix ----------------------------------------------------------------------


def test_a_valid_float_matrix_is_returned_as_is():
    A = np.ones((2, 3))
    assert as_matrix("A", A) is A


def test_integers_and_lists_are_converted_to_float64():
    A = as_matrix("A", [[1, 2], [3, 4]])
    assert A.dtype == np.float64 and A.shape == (2, 2)
    assert as_matrix("A", np.ones((1, 2), dtype=np.float32)).dtype == np.float64


@pytest.mark.parametrize(
    "value, received",
    [
        ("abc", "str 'abc'"),
        (b"01", "bytes b'01'"),
        (None, "NoneType None"),
        (np.array([[True]]), "an array of shape (1, 1) and dtype bool"),
        (np.array([[1 + 2j]]), "dtype complex128"),
        (np.array([[object()]]), "dtype object"),
    ],
)
def test_non_numeric_values_are_type_errors(value, received):
    with pytest.raises(TypeError, match=r"X must be a numeric array.*but received .*" + _esc(received)):
        as_matrix("X", value)


def test_ragged_lists_are_type_errors():
    with pytest.raises(TypeError, match=r"X must be a numeric array, but received list \[\[1, 2\], \[3\]\]"):
        as_matrix("X", [[1, 2], [3]])


@pytest.mark.parametrize("shape", [(4,), (), (1, 2, 2)])
def test_wrong_number_of_dimensions(shape):
    with pytest.raises(
        ValueError, match=r"X must be a 2-D array of shape \(features, examples\), but received"
    ):
        as_matrix("X", np.zeros(shape))


def test_empty_matrix():
    with pytest.raises(ValueError, match=r"X must not be empty, but received an array of shape \(2, 0\)"):
        as_matrix("X", np.zeros((2, 0)))


def test_rows():
    assert as_matrix("X", np.zeros((3, 1)), rows=3).shape == (3, 1)
    with pytest.raises(ValueError, match=r"X must have 3 rows .*, but received shape \(2, 1\)"):
        as_matrix("X", np.zeros((2, 1)), rows=3)


@pytest.mark.parametrize("size", [1, 4, 8, 16, 17, 100])
@pytest.mark.parametrize("bad, word", [(np.nan, "NaN"), (np.inf, "infinity"), (-np.inf, "infinity")])
def test_non_finite_entries_are_found_in_small_and_large_arrays(size, bad, word):
    A = np.ones((1, size))
    A[0, size // 2] = bad
    with pytest.raises(ValueError, match=f"X must contain only finite numbers, but it contains {word}"):
        as_matrix("X", A)


def test_plus_and_minus_infinity_together():
    with pytest.raises(ValueError, match="but it contains infinity"):
        as_matrix("X", np.array([[np.inf, -np.inf]]))


def test_huge_finite_values_are_finite():
    big = np.full((1, 4), np.finfo(float).max)  # their sum overflows
    assert as_matrix("X", big) is big
    assert as_matrix("X", np.array([[1e308, -1e308, 1e308]])).shape == (1, 3)


@pytest.mark.parametrize("n", [0, 1, 5, 8, 16, 17, 64])
def test_all_finite_agrees_with_numpy(n):
    rng = np.random.RandomState(n)
    for _ in range(20):
        A = rng.randn(n) * 10.0 ** rng.randint(-300, 300, n)
        mask = rng.rand(n) < 0.2
        A[mask] = rng.choice([np.nan, np.inf, -np.inf], mask.sum())
        assert _all_finite(A) == bool(np.isfinite(A).all())


def test_non_contiguous_views():
    A = np.ones((4, 4))
    A[1, 2] = np.nan
    with pytest.raises(ValueError, match="contains NaN"):
        check_finite("A", A[:, ::2].T[:, :3])
    assert check_finite("A", A[:, ::3]) is not None


# --- as_array, check_same_shape ------------------------------------------------------


def test_as_array_keeps_any_shape():
    assert as_array("z", 2).shape == ()
    assert as_array("z", np.zeros((2, 3, 4))).shape == (2, 3, 4)
    with pytest.raises(ValueError, match="z must contain only finite numbers, but it contains NaN"):
        as_array("z", float("nan"))


def test_check_same_shape_names_both_arguments():
    check_same_shape("a", np.zeros((1, 4)), "b", np.zeros((1, 4)))
    with pytest.raises(ValueError, match=r"a and b must have the same shape, but a has shape \(1, 4\) and b"):
        check_same_shape("a", np.zeros((1, 4)), "b", np.zeros((4, 1)))


# --- scalars --------------------------------------------------------------------------


def test_check_positive_int():
    assert check_positive_int("n", 3) == 3
    assert type(check_positive_int("n", np.int64(3))) is int
    with pytest.raises(ValueError, match="n must be a positive integer, but received 0"):
        check_positive_int("n", 0)
    with pytest.raises(TypeError, match="n must be a positive integer, but received bool False"):
        check_positive_int("n", False)
    with pytest.raises(TypeError, match="n must be a positive integer, but received float 3.0"):
        check_positive_int("n", 3.0)


@pytest.mark.parametrize("lr", [1, 0.5, np.float64(2.0), np.float32(0.25), np.int64(3), 1e-300])
def test_check_learning_rate_accepts_positive_reals(lr):
    out = check_learning_rate(lr)
    assert type(out) is float and out == float(lr)


@pytest.mark.parametrize(
    "lr, error, received",
    [
        (0, ValueError, "0.0"),
        (0.0, ValueError, "0.0"),
        (-0.1, ValueError, "-0.1"),
        (math.nan, ValueError, "nan"),
        (math.inf, ValueError, "inf"),
        (10**400, ValueError, "inf"),
        ("0.1", TypeError, "str '0.1'"),
        (None, TypeError, "NoneType None"),
        (False, TypeError, "bool False"),
        (np.array([0.1]), TypeError, "an array of shape (1,)"),
    ],
)
def test_check_learning_rate_rejects(lr, error, received):
    with pytest.raises(error, match=r"learning_rate must be a .*, but received " + _esc(received)):
        check_learning_rate(lr)


@pytest.mark.parametrize(
    "lr, expected",
    [
        (0.5, 0.5),
        (1.0, 1.0),
        (5e-324, 5e-324),  # the smallest positive float
        (1.7e308, 1.7e308),
        (1, 1.0),
        (2, 2.0),
        (2**1000 - 1, 2.0**1000),  # rounded to the nearest float
        (2**1000, 2.0**1000),
        (2**1023, 2.0**1023),
        (np.float64(0.5), 0.5),
        (np.int64(2), 2.0),
    ],
)
def test_check_learning_rate_returns_a_python_float_at_the_edges(lr, expected):
    out = check_learning_rate(lr)
    assert type(out) is float and out == expected


@pytest.mark.parametrize(
    "lr, error, message",
    [
        (2**1024, ValueError, "learning_rate must be a finite number greater than 0, but received inf"),
        (-1, ValueError, "learning_rate must be a finite number greater than 0, but received -1.0"),
        (-0.0, ValueError, "learning_rate must be a finite number greater than 0, but received -0.0"),
        (-math.inf, ValueError, "learning_rate must be a finite number greater than 0, but received -inf"),
        (np.float64(0), ValueError, "learning_rate must be a finite number greater than 0, but received 0.0"),
        (True, TypeError, "learning_rate must be a positive real number, but received bool True"),
        (np.bool_(True), TypeError, "learning_rate must be a positive real number, but received bool"),
        (1 + 0j, TypeError, "learning_rate must be a positive real number, but received complex (1+0j)"),
    ],
)
def test_check_learning_rate_refuses_with_a_message_naming_what_it_received(lr, error, message):
    with pytest.raises(error, match=f"^{re.escape(message)}"):
        check_learning_rate(lr)


def test_check_learning_rate_uses_the_given_name():
    with pytest.raises(ValueError, match="alpha must be a finite number greater than 0"):
        check_learning_rate(-1.0, name="alpha")


def _esc(text):
    return re.escape(text)


def test_byte_swapped_floats_are_converted_to_native_float64():
    A = np.array([[1.5, -2.0]], dtype=">f8")
    out = as_matrix("A", A)
    assert out.dtype == np.float64 and out.dtype.isnative
    np.testing.assert_array_equal(out, A)
    B = np.array([[np.nan]], dtype=">f8")
    with pytest.raises(ValueError, match="A must contain only finite numbers, but it contains NaN"):
        as_matrix("A", B)


# --- issue 14: the helpers behind the overflow, label, threshold and callable checks ---


def test_check_no_overflow_names_the_result_and_what_to_shrink():
    A = np.ones((2, 3))
    assert check_no_overflow("Z", A, "W") is A
    for bad in (np.inf, -np.inf, np.nan):
        B = A.copy()
        B[1, 2] = bad
        with pytest.raises(ValueError, match=r"^Z overflowed beyond the float range .*: make W smaller$"):
            check_no_overflow("Z", B, "W")
    big = np.full(40, 1e308)  # finite entries whose sum overflows: still finite, no error
    assert check_no_overflow("Z", big, "W") is big


@pytest.mark.parametrize("A", [np.array([[0.0, 1.0, 1.0]]), np.zeros((2, 2)), np.ones(3)])
def test_check_binary_accepts_zeros_and_ones(A):
    assert check_binary("Y", A) is A


@pytest.mark.parametrize(
    "A, first", [([[0.0, 0.5]], "0.5"), ([[-1.0, 1.0]], "-1.0"), ([[1.0, 2.0, 3.0]], "2.0")]
)
def test_check_binary_names_the_first_bad_label(A, first):
    with pytest.raises(ValueError, match=rf"^Y must hold class labels 0 or 1, but received {first} among"):
        check_binary("Y", np.array(A))


def test_check_real_accepts_python_and_numpy_numbers():
    values = (1, 0.5, np.int64(2), np.float32(0.25), 2**70)
    assert [check_real("t", v) for v in values] == [1.0, 0.5, 2.0, 0.25, 2.0**70]
    assert all(type(check_real("t", v)) is float for v in (1, np.int64(2)))


@pytest.mark.parametrize(
    "value, error, match",
    [
        ("a", TypeError, "t must be a real number, but received str 'a'"),
        (True, TypeError, "t must be a real number, but received bool"),
        (np.bool_(False), TypeError, "t must be a real number"),
        (np.array(0.5), TypeError, "t must be a real number, but received an array"),
        (float("nan"), ValueError, "t must be a finite number, but received nan"),
        (-math.inf, ValueError, "t must be a finite number, but received -inf"),
        (10**400, ValueError, "t must be a finite number, but received 1000"),
    ],
)
def test_check_real_refuses(value, error, match):
    with pytest.raises(error, match=f"^{match}"):
        check_real("t", value)


def test_check_callable():
    assert check_callable("f", len) is len
    with pytest.raises(TypeError, match=r"^f must be callable \(a function\), but received int 3$"):
        check_callable("f", 3)


def test_huge_python_ints_are_numbers_and_the_dtype_message_is_kept_for_objects():
    np.testing.assert_array_equal(as_array("z", [2**70, 1]), [2.0**70, 1.0])
    assert as_matrix("X", [[2**64]]).dtype == np.float64
    with pytest.raises(ValueError, match=r"^z holds an integer too large for a float"):
        as_array("z", [10**400])
    for bad in ([None, 1.0], [True, 2**70], [object()], np.array([], dtype=object)):
        with pytest.raises(TypeError, match=r"^z must be a numeric array of integers or floats, .*object"):
            as_array("z", np.array(bad, dtype=object))


@pytest.mark.parametrize("name", ["Y", "Y_hat", "predictions", "dY_hat"])
def test_one_dimensional_labels_are_told_to_become_a_row(name):
    with pytest.raises(ValueError, match=rf"use {name}\.reshape\(1, -1\), shape \(1, 5\)$"):
        as_matrix(name, np.zeros(5))


def test_one_dimensional_inputs_are_told_to_become_a_column():
    with pytest.raises(ValueError, match=r"use X\.reshape\(-1, 1\), shape \(3, 1\)$"):
        as_matrix("X", np.zeros(3))
    with pytest.raises(ValueError, match=r"but received an array of shape \(1, 2, 3\) and dtype float64$"):
        as_matrix("X", np.zeros((1, 2, 3)))


def test_describe_cuts_long_values_at_120_characters():
    from nbnp.validation import _describe

    assert len(_describe(list(range(100)))) == 120
    assert _describe(3) == "int 3"


def test_check_binary_message_says_how_to_fix_it():
    with pytest.raises(ValueError) as info:
        check_binary("Y", np.array([[-1.0, 1.0]]))
    assert str(info.value).endswith(
        "among its entries (threshold probabilities with nbnp.predict; map -1/+1 labels with (Y + 1) / 2)"
    )


# --- issue 14, round two: labels --------------------------------------------------------


@pytest.mark.parametrize("m", [1, 16, 17, 1000])  # a few labels in Python, more in one NumPy pass
def test_check_labels_accepts_a_row_of_zeros_and_ones_and_refuses_anything_else(m):
    Y = (np.arange(m) % 2).astype(float).reshape(1, m)
    assert check_labels("Y", Y) is Y
    assert check_labels("y", np.where(Y == 0, -0.0, Y), row=False) is not None  # −0.0 is 0
    for bad in (0.5, -1.0, 2.0, 1e-300):
        Z = Y.copy()
        Z[0, -1] = bad
        with pytest.raises(
            ValueError, match=rf"^Y must hold class labels 0 or 1, but received {bad!r}.*swapped"
        ):
            check_labels("Y", Z)
    with pytest.raises(
        ValueError, match=rf"^Y must be one row of labels, shape \(1, m\), but received shape \(2, {m}\)$"
    ):
        check_labels("Y", np.vstack([Y, Y]))
    assert check_labels("y", np.vstack([Y, Y]), row=False).shape == (2, m)


@pytest.mark.parametrize("m", [4, 17, 1000])
@pytest.mark.parametrize("fill", [0.0, 1.0])
def test_check_labels_refuses_a_stray_value_among_ones_only_or_zeros_only(m, fill):
    Y = np.full((1, m), fill)
    Y[0, m // 2] = 0.5  # "not 0" or "not 1" must not pass for "is a label"
    with pytest.raises(ValueError, match=r"^Y must hold class labels 0 or 1, but received 0\.5"):
        check_labels("Y", Y)


@pytest.mark.parametrize("bad, said", [(np.nan, "NaN"), (np.inf, "infinity")])
def test_check_labels_calls_a_nan_or_infinity_what_it_is_not_a_swap(bad, said):
    Y = np.array([[0.0, 1.0, bad, 1.0]])
    with pytest.raises(ValueError, match=rf"^Y must contain only finite numbers, but it contains {said}"):
        check_labels("Y", Y)
    with pytest.raises(ValueError, match=rf"^Y must contain only finite numbers, but it contains {said}"):
        nbnp.compute_cost(Y, np.full((1, 4), 0.5))
