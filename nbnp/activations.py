"""The sigmoid (logistic) activation and its derivative.

.. math:: \\sigma(z) = \\frac{1}{1 + e^{-z}}, \\qquad \\sigma'(z) = \\sigma(z)\\,(1 - \\sigma(z))

Explained in chapter 1.
"""

from __future__ import annotations

import numpy as np

from nbnp.checks import as_array

__all__ = ["sigmoid", "sigmoid_derivative"]


def sigmoid(z: float | np.ndarray) -> float | np.ndarray:
    """σ(z) = 1 / (1 + e^(−z)), element by element; z of any shape.

    Returns an array of z's shape, or a float for a number. Below z ≈ −709.78,
    e^(−z) overflows to inf and σ(z) is 0.0, which is right, so that overflow
    is allowed, also inside ``nbnp.train``. ``TypeError`` if z is not real
    numbers. Explained in chapter 1.
    """
    with np.errstate(over="ignore", under="ignore"):
        A = 1 / (1 + np.exp(-as_array("z", z)))
    return float(A) if A.ndim == 0 else A


def sigmoid_derivative(z: float | np.ndarray) -> float | np.ndarray:
    """σ′(z) = σ(z)(1 − σ(z)), at most 0.25 (at z = 0); z of any shape, as returned.

    Explained in chapter 1.
    """
    A = sigmoid(z)
    return A * (1 - A)
