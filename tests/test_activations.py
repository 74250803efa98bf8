"""Tests for nbnp/activations.py: the sigmoid and its derivative."""

import math
import warnings

import autograd
import autograd.numpy as anp
import numpy as np
import pytest

from nbnp import numerical_gradient, relative_error, sigmoid, sigmoid_derivative


def test_sigmoid_of_a_scalar_is_a_float():
    assert sigmoid(0) == 0.5 and isinstance(sigmoid(0), float)
    assert sigmoid(2.0) == 1 / (1 + math.exp(-2.0))


def test_sigmoid_is_symmetric():
    z = np.linspace(-8, 8, 17)
    np.testing.assert_allclose(sigmoid(-z), 1 - sigmoid(z), rtol=0, atol=1e-15)


def test_sigmoid_keeps_the_shape():
    assert sigmoid(np.zeros((3, 4))).shape == (3, 4)


def test_sigmoid_is_stable_for_large_inputs_without_warnings():
    z = np.array([-1e3, -800.0, -745.0, -709.0, 0.0, 709.0, 745.0, 1e3])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        s = sigmoid(z)
        d = sigmoid_derivative(z)
        assert sigmoid(-1e3) == 0.0 and sigmoid(1e3) == 1.0
    assert np.all(np.isfinite(s)) and np.all((s >= 0) & (s <= 1))
    assert np.all(np.isfinite(d)) and np.all(d >= 0)
    assert np.all(np.diff(s) >= 0)


def test_sigmoid_derivative_is_s_times_one_minus_s():
    z = np.linspace(-5, 5, 11)
    s = sigmoid(z)
    np.testing.assert_array_equal(sigmoid_derivative(z), s * (1 - s))
    assert sigmoid_derivative(0.0) == 0.25


def test_sigmoid_derivative_matches_central_differences_and_autograd():
    z = np.linspace(-6, 6, 25).reshape(5, 5)
    ours = sigmoid_derivative(z)
    numeric = numerical_gradient(lambda: float(np.sum(sigmoid(z))), z)
    assert relative_error(ours, numeric) < 1e-7
    theirs = autograd.elementwise_grad(lambda x: 1 / (1 + anp.exp(-x)))(z)
    assert relative_error(ours, theirs) < 1e-12


def test_sigmoid_derivative_peaks_at_zero():
    z = np.linspace(-3, 3, 61)
    assert np.argmax(sigmoid_derivative(z)) == 30


@pytest.mark.parametrize("f", [sigmoid, sigmoid_derivative])
def test_non_numeric_input(f):
    with pytest.raises(TypeError, match="z must be a numeric array, but received str 'one'"):
        f("one")


@pytest.mark.parametrize("f", [sigmoid, sigmoid_derivative])
def test_nan_input(f):
    with pytest.raises(ValueError, match="z must contain only finite numbers, but it contains NaN"):
        f(np.array([0.0, np.nan]))


@pytest.mark.parametrize("size", [1, 2, 16, 17, 100])
@pytest.mark.parametrize("low", [-1e3, -709.8, -700.0, -699.9])
def test_no_overflow_warning_at_any_size(size, low):
    z = np.linspace(low, 5.0, size) if size > 1 else np.array([low])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        s = sigmoid(z)
    with np.errstate(over="ignore"):
        expected = 1 / (1 + np.exp(-z))
    np.testing.assert_array_equal(s, expected)


def test_empty_input():
    assert sigmoid(np.zeros(0)).shape == (0,)


def test_scalars_come_back_as_python_floats():
    assert type(sigmoid(0.5)) is float and type(sigmoid_derivative(0.5)) is float


# --- issue 14: huge Python ints, and the documented limits --------------------------


def test_sigmoid_takes_python_ints_beyond_int64():
    assert sigmoid(2**70) == 1.0
    assert sigmoid(-(2**70)) == 0.0
    np.testing.assert_array_equal(sigmoid([2**70, 0]), [1.0, 0.5])
    with pytest.raises(ValueError, match=r"^z holds an integer too large for a float"):
        sigmoid(10**400)
    with pytest.raises(TypeError, match=r"^z must be a numeric array of integers or floats"):
        sigmoid([None, 1])


def test_sigmoid_limits_are_the_documented_ones():
    # 0.0 below -709.78 although the true value is a subnormal down to about -745.13
    assert sigmoid(-709.0) == pytest.approx(math.exp(-709.0), rel=1e-12)
    assert sigmoid(-720.0) == 0.0 and math.exp(-720.0) > 0.0
    assert "−745.13" in sigmoid.__doc__ and "−709.78" in sigmoid.__doc__
    # sigmoid_derivative(40) is 0.0 (true 4.25e-18), and the docstring says so
    assert sigmoid_derivative(40.0) == 0.0
    assert math.exp(-40.0) / (1 + math.exp(-40.0)) ** 2 == pytest.approx(4.248354255291589e-18)
    assert "``sigmoid_derivative(40.0)`` is 0.0, the true value" in sigmoid_derivative.__doc__
    assert abs(sigmoid_derivative(36.5) - math.exp(-36.5) / (1 + math.exp(-36.5)) ** 2) < 1.2e-16
