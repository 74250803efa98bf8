"""Gradient checking by central differences.

The numerical gradient of a scalar function f at x perturbs one entry at a time:

.. math::

    \\frac{\\partial f}{\\partial x_i}
    \\approx \\frac{f(x + \\varepsilon e_i) - f(x - \\varepsilon e_i)}{2\\varepsilon}

and the check reports the relative error
``‖g_analytic − g_numeric‖ / (‖g_analytic‖ + ‖g_numeric‖)``.
"""

from __future__ import annotations

from typing import Callable

import numpy as np

from nbnp.layers import LinearLayer
from nbnp.losses import compute_cost
from nbnp.train import Layer, _check_layers, backward, forward
from nbnp.validation import as_matrix

__all__ = ["check_network_gradients", "numerical_gradient", "relative_error"]

#: Default step ε: small enough for truncation error, large enough for round-off.
EPS = 1e-5


def numerical_gradient(f: Callable[[], float], x: np.ndarray, eps: float = EPS) -> np.ndarray:
    """Central-difference gradient of ``f()`` with respect to the array ``x``.

    ``x`` is perturbed in place, one entry at a time, and restored.

    Parameters
    ----------
    f : callable
        Takes no argument and returns a float that depends on ``x``.
    x : numpy.ndarray, any shape, float
        The array (for example ``layer.params["W"]``) to differentiate against.
    eps : float, optional
        Step ε, default 1e-5.

    Returns
    -------
    numpy.ndarray, same shape as ``x``
    """
    if not isinstance(x, np.ndarray) or x.dtype != np.float64:
        raise TypeError(f"x must be a float64 numpy array (perturbed in place), got {type(x)}")
    if not eps > 0:
        raise ValueError(f"eps must be greater than 0, got {eps}")
    grad = np.zeros_like(x)
    for i in np.ndindex(x.shape):
        saved = x[i]
        x[i] = saved + eps
        f_plus = f()
        x[i] = saved - eps
        f_minus = f()
        x[i] = saved
        grad[i] = (f_plus - f_minus) / (2 * eps)
    return grad


def relative_error(a: np.ndarray, b: np.ndarray) -> float:
    """Relative error ‖a − b‖ / (‖a‖ + ‖b‖), and 0 when both are zero.

    Parameters
    ----------
    a, b : numpy.ndarray, same shape

    Returns
    -------
    float
    """
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    if a.shape != b.shape:
        raise ValueError(f"a and b must have the same shape, got {a.shape} and {b.shape}")
    scale = np.linalg.norm(a) + np.linalg.norm(b)
    diff = np.linalg.norm(a - b)
    return float(diff / scale) if scale > 0 else float(diff)


def check_network_gradients(
    layers: list[Layer], X: np.ndarray, Y: np.ndarray, eps: float = EPS
) -> dict[str, float]:
    """Compare backprop's gradients with central differences, for every parameter.

    Parameters
    ----------
    layers : list of Layer
        The network (its parameters are perturbed and restored).
    X : numpy.ndarray, shape (n_x, m)
    Y : numpy.ndarray, shape (1, m)
    eps : float, optional
        Step ε.

    Returns
    -------
    dict
        ``{"W1": err, "b1": err, "W2": ...}``: the relative error per parameter,
        numbered by linear layer.
    """
    layers = _check_layers(layers)
    X, Y = as_matrix("X", X), as_matrix("Y", Y)

    def cost() -> float:
        return compute_cost(Y, forward(layers, X))[0]

    _, dA = compute_cost(Y, forward(layers, X))
    backward(layers, dA)
    errors = {}
    linear = [layer for layer in layers if isinstance(layer, LinearLayer)]
    for n, layer in enumerate(linear, start=1):
        for name, analytic in (("W", layer.dW), ("b", layer.db)):
            numeric = numerical_gradient(cost, layer.params[name], eps)
            errors[f"{name}{n}"] = relative_error(analytic, numeric)
    return errors
