"""Tests of nbnp/losses.py: the loss and the cost against plain NumPy and autograd, and the
mistakes that would otherwise return a wrong number without a word."""

from __future__ import annotations

import autograd.numpy as anp
import numpy as np
import pytest
from autograd import grad

from nbnp import compute_cost, sigmoid, squared_error_loss, squared_error_loss_derivative

Y = np.array([[0.0, 1.0, 1.0, 0.0]])
Y_HAT = np.array([[0.5, 0.646, 0.525, 0.668]])


def test_the_loss_is_half_the_squared_error():
    assert squared_error_loss(0, 0.5) == 0.125  # the article's first loss
    np.testing.assert_allclose(squared_error_loss(Y, Y_HAT), 0.5 * (Y - Y_HAT) ** 2, rtol=1e-15)


def test_the_loss_derivative_agrees_with_autograd():
    for y, y_hat in [(0, 0.5), (1, 0.2), (1, 1.7), (0, -0.3)]:
        reference = grad(lambda p, y=y: 0.5 * (y - p) ** 2)(y_hat)
        assert squared_error_loss_derivative(y, y_hat) == pytest.approx(reference, rel=1e-15)


def test_the_cost_is_the_mean_loss_and_its_gradient_agrees_with_autograd():
    cost, dY_hat = compute_cost(Y, Y_HAT)
    assert type(cost) is float
    assert cost == pytest.approx(np.mean(0.5 * (Y - Y_HAT) ** 2), rel=1e-15)
    reference = grad(lambda P: anp.sum((Y - P) ** 2) / (2 * Y.shape[1]))(Y_HAT)
    np.testing.assert_allclose(dY_hat, reference, rtol=1e-15)
    assert dY_hat.shape == (1, 4)


def test_the_cost_accepts_nested_lists_and_int_labels():
    cost, _ = compute_cost([[0, 1]], [[0.25, 0.5]])
    assert cost == pytest.approx((0.25**2 + 0.5**2) / 4, rel=1e-15)


def test_a_perfect_prediction_costs_zero():
    cost, dY_hat = compute_cost(Y, Y.copy())
    assert cost == 0.0 and not dY_hat.any()


# --- a learner's mistakes ----------------------------------------------------------------


def test_labels_as_a_column_against_a_row_of_predictions_are_refused_not_broadcast():
    # NumPy would broadcast (4, 1) − (1, 4) into a 4 × 4 matrix and return a wrong cost.
    with pytest.raises(ValueError, match=r"Y must have 1 row.*reshape\(1, -1\)"):
        compute_cost(Y.T, Y_HAT)
    with pytest.raises(ValueError, match=r"Y and Y_hat must have the same shape.*transpose"):
        compute_cost(Y, Y_HAT.T)


def test_a_column_of_labels_against_a_column_of_predictions_is_refused_not_averaged_wrongly():
    # m would be read as 1, and the cost would come out four times too large
    with pytest.raises(ValueError, match=r"Y must have 1 row"):
        compute_cost(Y.T, Y_HAT.T)


def test_logits_passed_for_predictions_are_refused():
    with pytest.raises(ValueError, match=r"Y_hat must hold predictions from 0 to 1.*not its Z"):
        compute_cost(Y, np.array([[-1.5, 0.2, 2.0, 0.7]]))


def test_labels_and_predictions_swapped_are_refused_naming_the_labels():
    with pytest.raises(ValueError, match=r"Y must hold labels 0 or 1.*swapped"):
        compute_cost(Y_HAT, Y)
    with pytest.raises(ValueError, match="y must hold labels 0 or 1"):
        squared_error_loss(0.5, 0)
    with pytest.raises(ValueError, match="swapped"):
        squared_error_loss_derivative(0.5, 1)


def test_a_1d_row_of_labels_is_refused_saying_how_to_make_it_2d():
    with pytest.raises(ValueError, match=r"Y must be 2-D.*reshape"):
        compute_cost(Y[0], Y_HAT)


def test_predictions_that_are_not_finite_are_refused():
    with pytest.raises(ValueError, match=r"cost is nan.*Y_hat must be finite"):
        compute_cost(Y, np.array([[0.5, np.nan, 0.5, 0.5]]))
    with pytest.raises(ValueError, match="Y_hat must hold predictions from 0 to 1"):
        compute_cost(Y, np.array([[0.5, np.inf, 0.5, 0.5]]))


def test_predictions_that_are_not_numbers_are_refused():
    with pytest.raises(TypeError, match="Y_hat must hold real numbers"):
        compute_cost(Y, [["a", "b", "c", "d"]])


def test_a_string_or_none_is_refused_not_turned_into_a_number():
    with pytest.raises(TypeError, match="z must hold real numbers"):
        sigmoid(None)  # np.asarray(None, dtype=float) would be nan
    with pytest.raises(TypeError, match="y must hold real numbers"):
        squared_error_loss("0", 0.5)
