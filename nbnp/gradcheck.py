"""Gradient checking: backpropagation's gradients against central differences.

.. math::

    \\frac{\\partial f}{\\partial x_i} \\approx
    \\frac{f(x + \\varepsilon e_i) - f(x - \\varepsilon e_i)}{2\\varepsilon},
    \\qquad
    \\text{relative error} =
    \\frac{\\lVert g - \\tilde g \\rVert}{\\lVert g \\rVert + \\lVert \\tilde g \\rVert}

A relative error below about 1e-7 means the backward pass is right. Every
check runs under ``np.errstate(over="raise", invalid="raise")``.

Explained in chapter 9.
"""

from __future__ import annotations

import inspect
from typing import Callable

import numpy as np

from nbnp.checks import as_matrix, check_layers, check_learning_rate, check_positive_int
from nbnp.losses import compute_cost
from nbnp.training import backward, forward

__all__ = [
    "EPS",
    "check_cost_gradient",
    "check_layer_gradients",
    "check_network_gradients",
    "eps_sweep",
    "layer_relative_error",
    "network_gradient_vectors",
    "network_relative_error",
    "numerical_gradient",
    "relative_error",
]

#: The default step ε: small for the truncation error (∝ ε²), large for round-off (∝ 1/ε).
EPS = 1e-5


def numerical_gradient(f: Callable[[], float], x: np.ndarray, eps: float = EPS) -> np.ndarray:
    """The central-difference gradient of ``f()`` with respect to the array ``x``.

    ``x`` is changed in place one entry at a time, and restored.

    Parameters
    ----------
    f : callable
        No arguments; returns a float that depends on ``x``.
    x : numpy.ndarray of float, any shape
        For example ``layer.params["W"]``.
    eps : float, optional
        The step ε, positive. Default 1e-5.

    Returns
    -------
    numpy.ndarray, the shape of ``x``

    Explained in chapter 9.
    """
    eps = check_learning_rate(eps, name="eps")
    if not isinstance(x, np.ndarray) or x.dtype != float:
        raise TypeError(f"x must be a float array, changed in place, but received {type(x).__name__}")
    grad = np.zeros_like(x)
    with np.errstate(over="raise", invalid="raise"):
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
    """‖a − b‖ / (‖a‖ + ‖b‖), in [0, 1]; 0 when both are zero. Explained in chapter 9."""
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    if a.shape != b.shape:
        raise ValueError(f"a and b must have the same shape, but received {a.shape} and {b.shape}")
    scale = np.linalg.norm(a) + np.linalg.norm(b)
    return 0.0 if scale == 0 else float(np.linalg.norm(a - b) / scale)


def _checked_error(analytic: np.ndarray, numeric: np.ndarray, f_value: float, eps: float, what: str) -> float:
    """The relative error, unless both gradients are below what central differences can resolve.

    A change of ``f`` smaller than its last bit, ``machine-ε·|f|``, is lost, so a
    numerical gradient under ``machine-ε·|f|/ε`` may be 0 (a saturated network):
    comparing there would report a bug that is not one.
    """
    floor = np.finfo(float).eps * abs(f_value) / eps
    if max(np.abs(analytic).max(initial=0), np.abs(numeric).max(initial=0)) <= floor:
        raise ValueError(f"the gradients of {what} are too small to check: both are under the round-off "
                         f"floor {floor:.1e} of central differences; check a network that is not saturated")
    return relative_error(analytic, numeric)


def check_cost_gradient(Y: np.ndarray, Y_hat: np.ndarray, eps: float = EPS) -> float:
    """The relative error of ``compute_cost``'s ``dY_hat``, shape (1, m). Explained in chapter 9."""
    Y_hat = as_matrix("Y_hat", Y_hat).copy()
    cost, dY_hat = compute_cost(Y, Y_hat)
    numeric = numerical_gradient(lambda: compute_cost(Y, Y_hat)[0], Y_hat, eps)
    return _checked_error(dY_hat, numeric, cost, eps, "the cost")


def _layer_gradients(layer: object, A_in: np.ndarray, grad: np.ndarray,
                     eps: float) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """Backprop's and central differences' gradients of f = Σ grad ⊙ layer.forward(A_in).

    Named after the parameters (``W``, ``b``) and the argument of ``forward``
    (``A_prev``, ``Z``), whose gradient ``backward`` returns.
    """
    def f() -> float:
        return float(np.sum(grad * layer.forward(A_in)))

    f()
    arrays = dict(getattr(layer, "params", {}))
    input_name = next(iter(inspect.signature(layer.forward).parameters))
    analytic = {input_name: layer.backward(grad).copy()}
    analytic.update({name: getattr(layer, "d" + name).copy() for name in arrays})
    arrays[input_name] = A_in
    return {name: (analytic[name], numerical_gradient(f, arrays[name], eps)) for name in arrays}


def check_layer_gradients(layer: object, A_in: np.ndarray, upstream_grad: np.ndarray | None = None,
                          eps: float = EPS) -> dict[str, float]:
    """Check one layer's ``backward`` on its own, for each gradient it computes.

    A layer alone has no cost, so it gets one: f = Σ upstream_grad ⊙ output,
    whose gradient with respect to the output is ``upstream_grad``.

    Parameters
    ----------
    layer : a layer
        Its parameters are changed and restored.
    A_in : numpy.ndarray, shape (n_in, m)
        The layer's input (``A_prev`` of a linear layer, ``Z`` of a sigmoid).
    upstream_grad : numpy.ndarray, shape (n_out, m), optional
        Default: a fixed standard-normal draw (``RandomState(0)``).
    eps : float, optional

    Returns
    -------
    dict of float
        The relative error per gradient: ``{"W", "b", "A_prev"}`` for a
        linear layer, ``{"Z"}`` for a sigmoid.

    Explained in chapter 9.
    """
    check_layers([layer])
    A_in = as_matrix("A_in", A_in).copy()
    out = layer.forward(A_in)
    grad = np.random.RandomState(0).randn(*out.shape) if upstream_grad is None else upstream_grad
    grad = as_matrix("upstream_grad", grad)
    f_value = float(np.sum(grad * out))
    return {name: _checked_error(a, n, f_value, eps, name)
            for name, (a, n) in _layer_gradients(layer, A_in, grad, eps).items()}


def layer_relative_error(layer: object, A_in: np.ndarray, draws: int = 8, eps: float = EPS) -> float:
    """One relative error for all of a layer's gradients, over ``draws`` random upstream gradients.

    Pooling averages out round-off, so the result varies little between machines.
    Explained in chapter 9.
    """
    check_layers([layer])
    draws, A_in = check_positive_int("draws", draws), as_matrix("A_in", A_in).copy()
    rng = np.random.RandomState(0)
    analytic, numeric, f_max = [], [], 0.0
    for _ in range(draws):
        grad = rng.randn(*layer.forward(A_in).shape)
        f_max = max(f_max, abs(float(np.sum(grad * layer.forward(A_in)))))
        for a, n in _layer_gradients(layer, A_in, grad, eps).values():
            analytic.append(a.ravel())
            numeric.append(n.ravel())
    return _checked_error(np.concatenate(analytic), np.concatenate(numeric), f_max, eps, "the layer")


def _network_gradients(layers: list, X: np.ndarray, Y: np.ndarray,
                       eps: float) -> tuple[dict[str, tuple[np.ndarray, np.ndarray]], float]:
    """``{"W1": (backprop, central differences), "b1": ..., "W2": ...}`` and the cost."""
    layers = check_layers(layers)
    cost, dY_hat = compute_cost(Y, forward(layers, X))
    backward(layers, dY_hat)
    learning = [layer for layer in layers if hasattr(layer, "params")]
    if not learning:
        raise ValueError("layers must hold a layer with params to check, such as a LinearLayer")
    analytic = {f"{name}{n}": getattr(layer, "d" + name).copy()
                for n, layer in enumerate(learning, start=1) for name in layer.params}
    numeric = {f"{name}{n}": numerical_gradient(lambda: compute_cost(Y, forward(layers, X))[0],
                                                layer.params[name], eps)
               for n, layer in enumerate(learning, start=1) for name in layer.params}
    return {label: (analytic[label], numeric[label]) for label in analytic}, cost


def check_network_gradients(layers: list, X: np.ndarray, Y: np.ndarray, eps: float = EPS) -> dict[str, float]:
    """The relative error of the cost's gradient for each parameter, ``{"W1": ..., "b1": ...}``.

    Parameters are numbered by the layers that have them. Explained in chapter 9.
    """
    grads, cost = _network_gradients(layers, X, Y, eps)
    return {label: _checked_error(a, n, cost, eps, label) for label, (a, n) in grads.items()}


def network_gradient_vectors(layers: list, X: np.ndarray, Y: np.ndarray,
                             eps: float = EPS) -> tuple[np.ndarray, np.ndarray]:
    """Every parameter's gradient, by backprop and by central differences, as two flat vectors.

    The order is ``dW1, db1, dW2, db2, ...``. Explained in chapter 9.
    """
    return _flat(_network_gradients(layers, X, Y, eps)[0])


def _flat(grads: dict[str, tuple[np.ndarray, np.ndarray]]) -> tuple[np.ndarray, np.ndarray]:
    return (np.concatenate([a.ravel() for a, _ in grads.values()]),
            np.concatenate([n.ravel() for _, n in grads.values()]))


def network_relative_error(layers: list, X: np.ndarray, Y: np.ndarray, eps: float = EPS) -> float:
    """The relative error of the whole gradient, all parameters at once. Explained in chapter 9."""
    grads, cost = _network_gradients(layers, X, Y, eps)
    return _checked_error(*_flat(grads), cost, eps, "the network")


def eps_sweep(layers: list, X: np.ndarray, Y: np.ndarray, eps_values: list[float]) -> list[float]:
    """:func:`network_relative_error` for each step ε in ``eps_values``. Explained in chapter 9."""
    return [network_relative_error(layers, X, Y, eps) for eps in eps_values]
