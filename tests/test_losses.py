"""Tests for nbnp/losses.py: the one-example loss, its derivative, and the batch cost."""

import re

import autograd
import autograd.numpy as anp
import numpy as np
import pytest

from nbnp import (
    compute_cost,
    numerical_gradient,
    relative_error,
    squared_error_loss,
    squared_error_loss_derivative,
)


def test_loss_is_half_the_squared_error():
    for y, y_hat in [(0.0, 0.5), (1.0, 0.25), (1.0, 1.0)]:
        assert squared_error_loss(y, y_hat) == 0.5 * (y - y_hat) ** 2
        assert isinstance(squared_error_loss(y, y_hat), float)


def test_loss_derivative_matches_central_differences_and_autograd():
    y = np.array([[0.0, 1.0, 1.0, 0.0]])
    y_hat = np.array([[0.2, 0.7, 0.55, 0.9]])
    ours = squared_error_loss_derivative(y, y_hat)
    numeric = numerical_gradient(lambda: float(np.sum(squared_error_loss(y, y_hat))), y_hat)
    assert relative_error(ours, numeric) < 1e-7
    theirs = autograd.grad(lambda p: anp.sum(0.5 * (y - p) ** 2))(y_hat)
    assert relative_error(ours, theirs) < 1e-12


def test_loss_works_elementwise_on_arrays():
    y, y_hat = np.array([0.0, 1.0]), np.array([0.5, 0.5])
    np.testing.assert_array_equal(squared_error_loss(y, y_hat), [0.125, 0.125])
    np.testing.assert_array_equal(squared_error_loss_derivative(y, y_hat), [0.5, -0.5])


def test_cost_is_the_mean_loss():
    rng = np.random.RandomState(0)
    Y, Y_hat = rng.randint(0, 2, (1, 6)).astype(float), rng.rand(1, 6)
    cost, _ = compute_cost(Y, Y_hat)
    by_hand = sum(0.5 * (y - p) ** 2 for y, p in zip(Y[0], Y_hat[0])) / 6
    assert cost == pytest.approx(by_hand, rel=1e-15)
    assert isinstance(cost, float)


def test_cost_is_the_articles_formula_to_the_last_bit():
    rng = np.random.RandomState(1)
    Y, Y_hat = rng.randint(0, 2, (1, 4)).astype(float), rng.rand(1, 4)
    cost, dY_hat = compute_cost(Y, Y_hat)
    m = Y.shape[1]
    assert cost == float(np.squeeze((1 / (2 * m)) * np.sum(np.square(Y - Y_hat))))
    np.testing.assert_array_equal(dY_hat, -1 / m * (Y - Y_hat))


def test_cost_gradient_matches_central_differences_and_autograd():
    rng = np.random.RandomState(2)
    Y, Y_hat = rng.randint(0, 2, (1, 5)).astype(float), rng.rand(1, 5)
    _, dY_hat = compute_cost(Y, Y_hat)
    numeric = numerical_gradient(lambda: compute_cost(Y, Y_hat)[0], Y_hat)
    assert relative_error(dY_hat, numeric) < 1e-7
    theirs = autograd.grad(lambda p: 1 / (2 * 5) * anp.sum((Y - p) ** 2))(Y_hat)
    assert relative_error(dY_hat, theirs) < 1e-12


def test_cost_rejects_the_shapes_the_article_broadcasts():
    Y = np.array([[0.0, 1.0, 1.0, 0.0]])
    with pytest.raises(
        ValueError,
        match=re.escape(
            "Y and Y_hat must have the same shape, but Y has shape (1, 4) and Y_hat has shape (4, 1) "
            "(no broadcasting is done)"
        ),
    ):
        compute_cost(Y, Y.T)


def test_loss_rejects_different_shapes():
    with pytest.raises(ValueError, match=r"y and y_hat must have the same shape, but y has shape \(2,\)"):
        squared_error_loss(np.zeros(2), np.zeros(3))


@pytest.mark.parametrize("bad, word", [(np.nan, "NaN"), (np.inf, "infinity")])
def test_cost_rejects_non_finite_predictions(bad, word):
    with pytest.raises(ValueError, match=f"Y_hat must contain only finite numbers, but it contains {word}"):
        compute_cost(np.zeros((1, 2)), np.array([[0.5, bad]]))


def test_loss_rejects_non_numeric():
    with pytest.raises(TypeError, match="y_hat must be a numeric array, but received str 'high'"):
        squared_error_loss(1.0, "high")


def test_cost_rejects_one_dimensional_labels():
    with pytest.raises(ValueError, match=r"Y must be a 2-D array .* received an array of shape \(4,\)"):
        compute_cost(np.zeros(4), np.zeros((1, 4)))


# --- issue 14: overflow ------------------------------------------------------------


def test_compute_cost_refuses_an_overflowed_cost():
    with pytest.warns(RuntimeWarning, match="overflow"):
        message = (
            "the cost (1 / 2m) · Σ (Y − Y_hat)² is inf: it overflowed beyond the float range (±1.8e308) "
            "although Y and Y_hat are finite; expected finite results: make Y and Y_hat smaller"
        )
        with pytest.raises(ValueError, match=f"^{re.escape(message)}$"):
            compute_cost([[0.0]], [[1e300]])
    assert compute_cost([[0.0]], [[1e150]])[0] == 0.5 * 1e150**2  # the largest costs that fit still come out


def test_one_example_loss_and_derivative_refuse_overflow():
    with pytest.warns(RuntimeWarning, match="overflow"):
        with pytest.raises(ValueError, match=r"^the loss ½ \(y − y_hat\)² overflowed"):
            squared_error_loss(1.0, -1e300)
    # −(y − y_hat) cannot overflow: y is a label, 0 or 1, and y_hat finite
    assert squared_error_loss_derivative(1.0, -1.7e308) == -1.7e308
    assert squared_error_loss_derivative(0.0, 1.7e308) == 1.7e308
    assert squared_error_loss_derivative(1.0, 3.0) == 2.0


def test_one_dimensional_labels_get_the_row_hint():
    with pytest.raises(ValueError, match=r"use Y\.reshape\(1, -1\), shape \(1, 4\)"):
        compute_cost(np.ones(4), np.ones((1, 4)))
    assert compute_cost(np.ones(4).reshape(1, -1), np.ones((1, 4)))[0] == 0.0  # the hint works


def test_one_dimensional_predictions_get_the_row_hint_naming_Y_hat():
    message = (
        "Y_hat must be a 2-D array of shape (features, examples), but received an array of shape (4,) "
        "and dtype float64; labels and predictions are one row: use Y_hat.reshape(1, -1), shape (1, 4)"
    )
    with pytest.raises(ValueError, match=f"^{re.escape(message)}$"):
        compute_cost(np.ones((1, 4)), np.ones(4))
    with pytest.raises(TypeError, match=r"^Y_hat must be a numeric array, but received str 'high'$"):
        compute_cost(np.ones((1, 4)), "high")


@pytest.mark.parametrize("m", [4, 20])  # a few labels are checked in Python, more with NumPy
@pytest.mark.parametrize("bad, word", [(np.nan, "NaN"), (np.inf, "infinity"), (-np.inf, "infinity")])
@pytest.mark.parametrize("name", ["Y", "Y_hat"])
def test_compute_cost_names_the_argument_holding_nan_or_infinity(m, bad, word, name):
    arrays = {"Y": np.zeros((1, m)), "Y_hat": np.full((1, m), 0.5)}
    arrays[name][0, 1] = bad
    message = f"^{name} must contain only finite numbers, but it contains {word}$"
    with pytest.raises(ValueError, match=message):
        compute_cost(arrays["Y"], arrays["Y_hat"])


def test_the_derivative_refuses_a_label_that_overflowed_before():
    with pytest.raises(ValueError, match=r"^y must hold class labels 0 or 1, but received 1\.7e\+308"):
        squared_error_loss_derivative(1.7e308, -1.7e308)


def test_one_example_functions_return_floats_for_scalars_and_name_y():
    assert type(squared_error_loss(1.0, 3.0)) is float and squared_error_loss(1.0, 3.0) == 2.0
    assert type(squared_error_loss_derivative(1.0, 3.0)) is float
    with pytest.raises(TypeError, match=r"^y must be a numeric array"):
        squared_error_loss("a", 1.0)
    with pytest.warns(RuntimeWarning, match="overflow"):
        with pytest.raises(ValueError, match=r"make y and y_hat smaller$"):
            squared_error_loss(0.0, -1e300)


# --- issue 14, round two: labels and predictions swapped ------------------------------


def test_compute_cost_refuses_predictions_passed_as_labels():
    Y, Y_hat = np.array([[0.0, 1.0, 1.0, 0.0]]), np.array([[0.2, 0.7, 0.55, 0.9]])
    assert compute_cost(Y, Y_hat)[0] == pytest.approx((0.04 + 0.09 + 0.2025 + 0.81) / 8, rel=1e-15)
    message = (
        "Y must hold class labels 0 or 1, but received 0.2 among its entries (threshold probabilities "
        "with nbnp.predict; map -1/+1 labels with (Y + 1) / 2); were labels and predictions swapped? "
        "The labels come first"
    )
    with pytest.raises(ValueError, match=f"^{re.escape(message)}$"):
        compute_cost(Y_hat, Y)
    with pytest.raises(ValueError, match=r"^Y must hold class labels 0 or 1, but received -1\.0"):
        compute_cost([[-1.0, 1.0]], [[0.5, 0.5]])


def test_compute_cost_refuses_labels_that_are_not_one_row():
    with pytest.raises(
        ValueError, match=re.escape("Y must be one row of labels, shape (1, m), but received shape (2, 2)")
    ):
        compute_cost(np.eye(2), np.full((2, 2), 0.5))


def test_the_one_example_loss_and_derivative_refuse_a_prediction_as_label():
    assert squared_error_loss_derivative(0.0, 0.8) == 0.8  # the gradient pushes y_hat down towards 0
    with pytest.raises(ValueError, match=r"^y must hold class labels 0 or 1, but received 0\.8 .*swapped"):
        squared_error_loss_derivative(0.8, 0.0)  # would push the other way, silently
    with pytest.raises(ValueError, match=r"^y must hold class labels 0 or 1, but received 0\.8"):
        squared_error_loss(np.array([0.0, 0.8]), np.array([0.8, 0.0]))
