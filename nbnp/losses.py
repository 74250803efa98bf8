"""The squared-error loss (one example) and cost (a batch of examples).

Loss for one example and its derivative with respect to the prediction:

.. math:: L = \\tfrac12 (y - \\hat y)^2, \\qquad \\frac{\\partial L}{\\partial \\hat y} = -(y - \\hat y)

Cost over ``m`` examples, the average loss, and its derivative:

.. math:: \\mathrm{Cost} = \\frac{1}{2m} \\sum_{i=1}^{m} (y_i - \\hat y_i)^2, \\qquad
          \\frac{\\partial\\, \\mathrm{Cost}}{\\partial \\hat y_i} = -\\frac{1}{m} (y_i - \\hat y_i)
"""

from __future__ import annotations

import math

import numpy as np

from nbnp.validation import (
    as_array,
    as_matrix,
    check_finite,
    check_labels,
    check_no_overflow,
    check_same_shape,
)

__all__ = ["compute_cost", "squared_error_loss", "squared_error_loss_derivative"]


def _pair(y: float | np.ndarray, y_hat: float | np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Validate a (label, prediction) pair of equal shapes, the label(s) 0 or 1."""
    y_arr, y_hat_arr = as_array("y", y), as_array("y_hat", y_hat)
    check_same_shape("y", y_arr, "y_hat", y_hat_arr)
    return check_labels("y", y_arr, row=False), y_hat_arr


def _scalar_or_array(value: np.ndarray) -> float | np.ndarray:
    return float(value) if value.ndim == 0 else value


def squared_error_loss(y: float | np.ndarray, y_hat: float | np.ndarray) -> float | np.ndarray:
    """Squared-error loss of one example, L = ½ (y − ŷ)².

    Parameters
    ----------
    y : float or numpy.ndarray, any shape
        True label(s), 0 or 1 (a prediction passed here raises ``ValueError``).
    y_hat : float or numpy.ndarray, same shape as ``y``
        Prediction(s).

    Returns
    -------
    float or numpy.ndarray, same shape as ``y``
        The loss, element by element (a float for scalar input).
    """
    y_arr, y_hat_arr = _pair(y, y_hat)
    loss = check_no_overflow("the loss ½ (y − y_hat)²", 0.5 * (y_arr - y_hat_arr) ** 2, "y and y_hat")
    return _scalar_or_array(loss)


def squared_error_loss_derivative(y: float | np.ndarray, y_hat: float | np.ndarray) -> float | np.ndarray:
    """Derivative of the one-example loss with respect to the prediction, −(y − ŷ).

    Parameters
    ----------
    y : float or numpy.ndarray, any shape
        True label(s), 0 or 1 (a prediction passed here raises ``ValueError``).
    y_hat : float or numpy.ndarray, same shape as ``y``
        Prediction(s).

    Returns
    -------
    float or numpy.ndarray, same shape as ``y``
        ∂L/∂ŷ (a float for scalar input).
    """
    y_arr, y_hat_arr = _pair(y, y_hat)
    return _scalar_or_array(-(y_arr - y_hat_arr))  # finite: y is 0 or 1 and y_hat finite


def compute_cost(Y: np.ndarray, Y_hat: np.ndarray) -> tuple[float, np.ndarray]:
    """Squared-error cost of a batch and its gradient, as in the article.

    Parameters
    ----------
    Y : numpy.ndarray, shape (1, m)
        True labels, 0 or 1, one column per example. Anything else (the
        predictions passed as ``Y`` by mistake) raises ``ValueError``.
    Y_hat : numpy.ndarray, shape (1, m)
        Predictions (activations of the output layer). Must have exactly the
        shape of ``Y``: a (4, 1) against a (1, 4) is rejected instead of
        being broadcast to a (4, 4) and giving a wrong cost.

    Returns
    -------
    cost : float
        (1 / 2m) · Σ (Y − Ŷ)².
    dY_hat : numpy.ndarray, shape (1, m)
        ∂Cost/∂Ŷ = −(Y − Ŷ) / m.
    """
    Y, Y_hat = _check_labels_and_predictions(Y, Y_hat)
    m = Y.shape[1]
    error = Y - Y_hat
    cost = (1 / (2 * m)) * np.square(error).sum()
    dY_hat = -1 / m * error
    return _check_cost(cost, Y_hat), dY_hat


def _check_cost(cost: np.floating, Y_hat: np.ndarray) -> float:
    """The cost as a float, unless ``Y_hat`` is not finite or the cost overflowed.

    ``Y`` holds labels 0 or 1 (:func:`_check_labels_and_predictions`), so a
    NaN or infinity can only come from ``Y_hat``, and it makes the cost (and
    ``dY_hat``) non-finite: one test of the cost covers it, and only then is
    ``Y_hat`` looked at, to name it.
    """
    cost = float(cost)
    if not math.isfinite(cost):
        check_finite("Y_hat", Y_hat)
        raise ValueError(
            f"the cost (1 / 2m) · Σ (Y − Y_hat)² is {cost}: it overflowed beyond the float range "
            "(±1.8e308) although Y and Y_hat are finite; expected finite results: make Y and Y_hat smaller"
        )
    return cost


def _check_labels_and_predictions(Y: object, Y_hat: object) -> tuple[np.ndarray, np.ndarray]:
    """``Y`` and ``Y_hat`` as matrices of the same shape, ``Y`` one row of labels 0 or 1.

    ``Y_hat``'s finiteness is checked by :func:`_check_cost`, whose cost it would make non-finite.
    """
    Y, Y_hat = as_matrix("Y", Y, finite=False), as_matrix("Y_hat", Y_hat, finite=False)
    check_same_shape("Y", Y, "Y_hat", Y_hat)
    return check_labels("Y", Y), Y_hat
