"""The squared-error loss of one example, and the cost of a batch.

.. math:: L = \\tfrac12 (y - \\hat y)^2, \\qquad
          \\mathrm{Cost} = \\frac{1}{2m} \\sum_{i=1}^{m} (y_i - \\hat y_i)^2

Explained in chapters 1 (the loss) and 4 (the cost).
"""

from __future__ import annotations

import numpy as np

from nbnp.checks import ONE_ROW, as_array, as_matrix, check_labels, check_predictions, check_same_shape

__all__ = ["compute_cost", "squared_error_loss", "squared_error_loss_derivative"]


def squared_error_loss(y: float | np.ndarray, y_hat: float | np.ndarray) -> float | np.ndarray:
    """L = ½ (y − ŷ)² for one example, or element by element (any shape).

    ``ValueError`` if ``y`` is not 0 or 1 (label and prediction swapped?).
    Explained in chapter 1.
    """
    check_labels("y", as_array("y", y))
    return 0.5 * (y - y_hat) ** 2


def squared_error_loss_derivative(y: float | np.ndarray, y_hat: float | np.ndarray) -> float | np.ndarray:
    """∂L/∂ŷ = −(y − ŷ); raises as :func:`squared_error_loss` (swapped, the sign flips).

    Explained in chapter 1.
    """
    check_labels("y", as_array("y", y))
    return -(y - y_hat)


def compute_cost(Y: np.ndarray, Y_hat: np.ndarray) -> tuple[float, np.ndarray]:
    """The squared-error cost of a batch and its gradient, ∂Cost/∂Ŷ.

    Y: labels 0 or 1, shape (1, m). Y_hat: predictions from 0 to 1, shape
    (1, m). Returns ``(cost, dY_hat)``: a float, and an array of shape (1, m).
    ValueError if the shapes differ, if Y holds anything but 0 and 1 (the
    two swapped?), if Y_hat leaves [0, 1] (Z passed for A?), or if the cost
    is not finite. Explained in chapter 4.
    """
    Y = check_labels("Y", as_matrix("Y", Y, rows=1, hint=ONE_ROW))
    Y_hat = check_predictions("Y_hat", as_matrix("Y_hat", Y_hat))
    check_same_shape("Y", Y, "Y_hat", Y_hat)
    m = Y.shape[1]
    cost = (1 / (2 * m)) * np.sum(np.square(Y - Y_hat))
    dY_hat = -1 / m * (Y - Y_hat)
    if not np.isfinite(cost):
        raise ValueError(f"the cost is {cost}: Y_hat must be finite; "
                         "did training diverge?")
    return float(cost), dY_hat
