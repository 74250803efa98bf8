"""Tests for nbnp/fmt.py: the book's one formatting policy for printed numbers."""

import re

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


# --- bad input: a clear TypeError/ValueError naming the argument (issue 14) -------------------


@pytest.mark.parametrize("sig", [-1, 0, 18, 10**9])
def test_fmt_refuses_a_sig_out_of_range(sig):
    with pytest.raises(ValueError, match=rf"sig must be from 1 to 17, received {sig}"):
        fmt(0.5, sig)


@pytest.mark.parametrize("sig", [2.5, 3.0, True, "3", None, np.float64(3)])
def test_fmt_refuses_a_sig_that_is_not_an_int(sig):
    with pytest.raises(TypeError, match=r"sig must be an int, received"):
        fmt(0.5, sig)


@pytest.mark.parametrize("decimals", [-1, 18])
def test_fmt_fixed_refuses_decimals_out_of_range(decimals):
    with pytest.raises(ValueError, match=rf"decimals must be from 0 to 17, received {decimals}"):
        fmt_fixed(0.5, decimals)


@pytest.mark.parametrize("decimals", [1.5, 2.0, False, "2", np.bool_(True)])
def test_fmt_fixed_refuses_decimals_that_are_not_an_int(decimals):
    with pytest.raises(TypeError, match=r"decimals must be an int, received"):
        fmt_fixed(0.5, decimals)


def test_digit_counts_at_the_ends_of_their_range():
    assert fmt(1 / 3, 1) == "0.3"
    assert fmt(1 / 3, 17) == "0.33333333333333331"
    assert fmt(2 / 3, np.int64(2)) == "0.67"
    assert fmt_fixed(2 / 3, 0) == "1"
    assert fmt_fixed(1 / 3, 17) == "0.33333333333333331"
    assert fmt_fixed(2 / 3, np.uint8(2)) == "0.67"
    assert fmt_array([1 / 3], sig=1) == "[0.3]"
    assert fmt_array([1 / 3], decimals=0) == "[0]"


@pytest.mark.parametrize("x", [float("nan"), float("inf"), -np.inf, np.float32("nan"), np.array(np.nan)])
def test_non_finite_numbers_are_refused_not_printed(x):
    with pytest.raises(ValueError, match=r"x must be a finite number, received (nan|inf|-inf)"):
        fmt(x)
    with pytest.raises(ValueError, match=r"x must be a finite number"):
        fmt_fixed(x)


@pytest.mark.parametrize("x", ["0.5", True, np.bool_(False), None, 1 + 2j, np.complex128(1), [0.5]])
def test_fmt_refuses_what_is_not_a_real_number(x):
    with pytest.raises(TypeError, match=r"x must be a real number, received"):
        fmt(x)
    with pytest.raises(TypeError, match=r"x must be a real number, received"):
        fmt_fixed(x)

@pytest.mark.parametrize(
    "x, received",
    [("a", "str 'a'"), (None, "NoneType None"), ([0.5], "list [0.5]"), (1 + 2j, "complex (1+2j)")],
)
def test_fmt_names_the_type_and_value_it_refuses(x, received):
    message = rf"^x must be a real number, received {re.escape(received)}$"
    with pytest.raises(TypeError, match=message):
        fmt(x)
    with pytest.raises(TypeError, match=message):
        fmt_fixed(x)


def test_fmt_refuses_an_array_of_several_values_or_of_shape_1_by_1():
    with pytest.raises(TypeError, match=r"x must be a single number, received an array of shape \(1, 1\)"):
        fmt(np.array([[0.5]]))
    with pytest.raises(TypeError, match=r"x must be a single number, received an array of shape \(2,\)"):
        fmt_fixed(np.array([0.5, 0.25]))


def test_an_int_too_large_for_a_float_is_refused():
    with pytest.raises(ValueError, match=r"x is too large for a float"):
        fmt(10**400)
    assert fmt(10**20) == "1e+20"
    assert fmt_fixed(-(10**5), 1) == "-100000.0"


def test_fmt_array_names_the_first_non_finite_entry():
    with pytest.raises(ValueError, match=r"A must hold finite numbers, but A\[1, 0\] is inf"):
        fmt_array([[0.5, 1.0], [np.inf, np.nan]])
    with pytest.raises(ValueError, match=r"A\[0\] is nan"):
        fmt_array([np.nan], decimals=2)
    with pytest.raises(ValueError, match=r"A\[\] is nan"):
        fmt_array(np.float64("nan"))


@pytest.mark.parametrize(
    ("A", "dtype"),
    [(["1", "2"], "<U1"), ([True, False], "bool"), ([1 + 1j], "complex128"), ([None], "object")],
)
def test_fmt_array_refuses_what_does_not_hold_real_numbers(A, dtype):
    with pytest.raises(TypeError, match=rf"A must hold real numbers, received an array of dtype {dtype}"):
        fmt_array(A)


def test_fmt_array_refuses_ragged_rows():
    ragged = [[1.0], [2.0, 3.0]]
    if np.lib.NumpyVersion(np.__version__) < "2.0.0":  # NumPy 1.x makes an object array of them
        with pytest.raises(TypeError, match=r"A must hold real numbers, received an array of dtype object"):
            with pytest.warns(np.VisibleDeprecationWarning):
                fmt_array(ragged)
    else:
        with pytest.raises(ValueError, match=r"A must be an array of real numbers with rows of equal length"):
            fmt_array(ragged)


def test_fmt_array_refuses_a_bad_digit_count_and_both_rules():
    with pytest.raises(ValueError, match=r"sig must be from 1 to 17, received 0"):
        fmt_array([0.5], sig=0)
    with pytest.raises(TypeError, match=r"decimals must be an int, received float 2.5"):
        fmt_array([0.5], decimals=2.5)
    with pytest.raises(ValueError, match=r"give sig or decimals, not both: received sig=3, decimals=2"):
        fmt_array([0.5], sig=3, decimals=2)


def test_fmt_array_of_ints_and_of_an_empty_array():
    assert fmt_array(np.array([[3, -4]], dtype=np.int8), decimals=1) == "[[3.0, -4.0]]"
    assert fmt_array(np.array([7], dtype=np.uint64)) == "[7]"
    assert fmt_array(np.zeros(0)) == "[]"


@pytest.mark.parametrize(
    ("shape", "message"),
    [
        ((2.7, 4), r"shape\[0\] must be an int, received float 2.7"),
        ((2, 4.0), r"shape\[1\] must be an int, received float 4.0"),
        ((True, 4), r"shape\[0\] must be an int, received bool True"),
        (("2", 4), r"shape\[0\] must be an int, received str '2'"),
        (3, r"shape must be a tuple of int, received int 3"),
        ("23", r"shape must be a tuple of int, received str '23'"),
        (np.array([2, 3]), r"shape must be a tuple of int, received ndarray"),
    ],
)
def test_fmt_shape_refuses_what_is_not_a_shape(shape, message):
    with pytest.raises(TypeError, match=message):
        fmt_shape(shape)


def test_fmt_shape_refuses_a_negative_dimension_and_accepts_lists_and_empty_shapes():
    with pytest.raises(ValueError, match=r"shape\[1\] must be non-negative, received -1"):
        fmt_shape((2, -1))
    assert fmt_shape([2, np.uint8(3)]) == "(2 × 3)"
    assert fmt_shape(()) == "()"
    assert fmt_shape((0, 5)) == "(0 × 5)"
