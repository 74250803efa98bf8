"""The sigmoid (logistic) activation and its derivative.

.. math:: \\sigma(z) = \\frac{1}{1 + e^{-z}}, \\qquad \\sigma'(z) = \\sigma(z)\\,(1 - \\sigma(z))

The formula is written once, in :func:`_sigmoid`; :func:`sigmoid`,
:func:`sigmoid_derivative` and :class:`nbnp.SigmoidLayer` all call it.
"""

from __future__ import annotations

import numpy as np

from nbnp.validation import as_array

__all__ = ["sigmoid", "sigmoid_derivative"]


@np.errstate(over="ignore")
def _sigmoid(Z: np.ndarray) -> np.ndarray:
    """σ(Z) = 1 / (1 + e^(−Z)), element by element, for a checked float array.

    Below z ≈ −709.78, ``np.exp(-z)`` overflows to ``inf`` and the formula
    gives exactly 0.0. The true σ(z) ≈ e^z is then below 1.7e-308 but not
    zero: it is a subnormal float down to z ≈ −745.13, and 0.0 is its
    correctly rounded value only below that. Between the two the result is
    0.0 instead of a number under 1.7e-308 (absolute error below 1.7e-308,
    relative error 100%). NumPy's overflow warning for it is switched off
    (``np.errstate``), here and nowhere else. Every other input gets the
    formula's usual result, bit for bit.

    Parameters
    ----------
    Z : numpy.ndarray, any shape, float

    Returns
    -------
    numpy.ndarray, same shape as ``Z``
        Values in [0, 1].
    """
    return 1 / (1 + np.exp(-Z))


def sigmoid(z: float | np.ndarray) -> float | np.ndarray:
    """Logistic sigmoid, squashing any real input into [0, 1].

    Parameters
    ----------
    z : float or numpy.ndarray, any shape
        Pre-activation value(s), finite. Any magnitude is fine and raises no
        warning. Limits: for z below about −709.78 the result is 0.0, while
        the true value is a positive number under 1.7e-308 down to about
        −745.13 (see :func:`_sigmoid`); above about 36.7 the result is
        exactly 1.0, the correctly rounded value.

    Returns
    -------
    float or numpy.ndarray, same shape as ``z``
        σ(z), a Python float when ``z`` is a scalar.
    """
    A = _sigmoid(as_array("z", z))
    return float(A) if A.ndim == 0 else A


def sigmoid_derivative(z: float | np.ndarray) -> float | np.ndarray:
    """Derivative of the sigmoid, σ'(z) = σ(z)(1 − σ(z)), computed as that formula.

    Limits: for z > 0, 1 − σ(z) is computed from σ(z) rounded near 1.0, so
    its absolute error is up to about 1.1e-16 (half a unit in the last place
    of 1.0). The result's absolute error is therefore below about 1.2e-16
    everywhere, but its relative error grows with z: from about z = 20 the
    result is a multiple of 2.2e-16 (``sigmoid_derivative(36.5)`` is
    2.2e-16, the true value 1.4e-16), and above z ≈ 36.7, where σ(z) rounds
    to 1.0, it is 0.0 (``sigmoid_derivative(40.0)`` is 0.0, the true value
    4.25e-18). For z < 0 it is accurate to a few units in the last place
    down to z ≈ −708, and 0.0 below about −709.78 (see :func:`_sigmoid`).
    Backpropagation multiplies by this factor, so saturated units pass on
    (almost) no gradient.

    Parameters
    ----------
    z : float or numpy.ndarray, any shape
        Pre-activation value(s), finite.

    Returns
    -------
    float or numpy.ndarray, same shape as ``z``
        The local gradient ∂σ/∂z, at most 0.25 (reached at z = 0).
    """
    A = _sigmoid(as_array("z", z))
    dA = A * (1 - A)
    return float(dA) if dA.ndim == 0 else dA
