"""Tests of nbnp/activations.py against plain NumPy and autograd."""

from __future__ import annotations

import warnings

import autograd.numpy as anp
import numpy as np
import pytest
from autograd import elementwise_grad

from nbnp import sigmoid, sigmoid_derivative

Z = np.linspace(-30, 30, 121).reshape(11, 11)


def test_sigmoid_is_one_over_one_plus_exp_minus_z():
    np.testing.assert_allclose(sigmoid(Z), 1 / (1 + np.exp(-Z)), rtol=1e-15)
    assert sigmoid(0) == 0.5


def test_sigmoid_keeps_the_shape_and_gives_a_python_float_for_a_number():
    assert sigmoid(Z).shape == Z.shape
    assert sigmoid(np.zeros((1, 4))).shape == (1, 4)
    assert type(sigmoid(0.3)) is float
    assert type(sigmoid_derivative(0.3)) is float


def test_sigmoid_derivative_agrees_with_autograd():
    reference = elementwise_grad(lambda z: 1 / (1 + anp.exp(-z)))(Z)
    # atol: 1 − σ(z) cancels for z ≫ 0
    np.testing.assert_allclose(sigmoid_derivative(Z), reference, rtol=1e-12, atol=1e-15)


def test_sigmoid_derivative_peaks_at_a_quarter_at_zero():
    assert sigmoid_derivative(0.0) == 0.25
    assert sigmoid_derivative(Z).max() == 0.25


@pytest.mark.parametrize("z, expected", [(-1000.0, 0.0), (1000.0, 1.0), (-745.2, 0.0)])
def test_sigmoid_saturates_without_a_warning_even_when_numpy_raises(z, expected):
    with warnings.catch_warnings(), np.errstate(all="raise"):
        warnings.simplefilter("error")
        assert sigmoid(z) == expected
        assert sigmoid(np.array([[z]]))[0, 0] == expected
        assert sigmoid_derivative(z) == 0.0


def test_sigmoid_passes_nan_through_rather_than_a_number():
    assert np.isnan(sigmoid(float("nan")))
