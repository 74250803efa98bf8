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
