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
    """σ(Z) = 1 / (1 + e^(−Z)), element by element, for an already checked float array.

    Below z ≈ −709.78, ``np.exp(-z)`` overflows to ``inf`` and the formula
    gives exactly 0.0 instead of the true σ(z) ≈ e^z, a number under
    1e-308 (a subnormal float down to about z = −745, where 0.0 becomes the
    correctly rounded value). The error is therefore below 1e-308 in
    absolute terms; NumPy's overflow warning for it is switched off
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
        warning (for z below about −709.78 the result is 0.0, see
        :func:`_sigmoid`).

    Returns
    -------
    float or numpy.ndarray, same shape as ``z``
        σ(z), a Python float when ``z`` is a scalar.
    """
    A = _sigmoid(as_array("z", z))
    return float(A) if A.ndim == 0 else A


def sigmoid_derivative(z: float | np.ndarray) -> float | np.ndarray:
    """Derivative of the sigmoid, σ'(z) = σ(z)(1 − σ(z)).

    Parameters
    ----------
    z : float or numpy.ndarray, any shape
        Pre-activation value(s).

    Returns
    -------
    float or numpy.ndarray, same shape as ``z``
        The local gradient ∂σ/∂z, at most 0.25 (reached at z = 0).
    """
    A = _sigmoid(as_array("z", z))
    dA = A * (1 - A)
    return float(dA) if dA.ndim == 0 else dA
