"""Gradient checking: backpropagation's gradients against central differences.

∂f/∂x_i ≈ (f(x + ε e_i) − f(x − ε e_i)) / 2ε, and the relative error
‖g − g̃‖ / (‖g‖ + ‖g̃‖) is below about 1e-7 when the backward pass is right.
Central differences cannot see a gradient under the round-off floor
``machine-ε·|f|/ε``, so where both are that small (a saturated network) the
checks raise instead of reporting a bug. A check leaves the layers as it found
them. Explained in chapter 10.
"""

from __future__ import annotations

import inspect
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Callable

import numpy as np

from nbnp.checks import as_matrix, check_finite, check_layers, check_learning_rate, check_positive_int
from nbnp.losses import compute_cost
from nbnp.training import backward, forward

__all__ = ["EPS", "check_cost_gradient", "check_layer_gradients", "check_network_gradients",
           "layer_gradients", "layer_relative_error", "network_gradient_vectors",
           "network_relative_error", "numerical_gradient", "relative_error"]

#: The default step ε — truncation error grows as ε², round-off as 1/ε.
EPS = 1e-5


def numerical_gradient(f: Callable[[], float], x: np.ndarray,
                       eps: float = EPS) -> np.ndarray:
    """The central-difference gradient of ``f()`` with respect to ``x``.

    ``f`` takes no argument and reads ``x``, a float array of any shape
    (``layer.params["W"]``, say), which is changed in place one entry at a
    time and restored. Returns an array of the shape of ``x``.
    Explained in chapter 10.
    """
    eps = check_learning_rate(eps, name="eps", usual="the default, 1e-5")
    if not isinstance(x, np.ndarray) or x.dtype != float:
        raise TypeError(f"x must be the float array f reads, but received "
                        f"{x!r:.50}: convert the array f reads "
                        "(W = W.astype(float)) and pass that one")
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
    """‖a − b‖ / (‖a‖ + ‖b‖), from 0 to 1; 0 when both are zero.

    Explained in chapter 10.
    """
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    if a.shape != b.shape:
        raise ValueError(f"a and b must have the same shape, but received "
                         f"{a.shape} and {b.shape}")
    scale = np.linalg.norm(a) + np.linalg.norm(b)
    if scale == 0:
        return 0.0
    return float(np.linalg.norm(a - b) / scale)


def _checked_error(analytic: np.ndarray, numeric: np.ndarray,
                   f_value: float, eps: float, what: str) -> float:
    """The relative error, unless both gradients are under the floor."""
    floor = np.finfo(float).eps * abs(f_value) / eps
    largest = max(np.abs(analytic).max(initial=0),
                  np.abs(numeric).max(initial=0))
    if largest <= floor:
        under = ("exactly zero" if largest == 0
                 else f"under the round-off floor {floor:.1e} of eps = {eps:g}")
        raise ValueError(
            f"the gradients of {what} are too small to check: both are {under}; "
            "check a network that is not saturated, whose cost changes with its "
            "parameters, with eps near the default 1e-5")
    return relative_error(analytic, numeric)


@contextmanager
def _as_found(layers: list) -> Iterator[None]:
    """Put back every attribute of the layers: a check leaves no gradient behind."""
    saved = [dict(vars(layer)) for layer in layers]
    try:
        yield
    finally:
        for layer, attributes in zip(layers, saved):
            vars(layer).clear()
            vars(layer).update(attributes)


def check_cost_gradient(Y: np.ndarray, Y_hat: np.ndarray,
                        eps: float = EPS) -> float:
    """The relative error of ``compute_cost``'s ``dY_hat``; Y, Y_hat (1, m).

    Explained in chapter 10.
    """
    Y_hat = check_finite("Y_hat", as_matrix("Y_hat", Y_hat)).copy()
    cost, dY_hat = compute_cost(Y, Y_hat)
    numeric = numerical_gradient(lambda: compute_cost(Y, Y_hat)[0], Y_hat, eps)
    return _checked_error(dY_hat, numeric, cost, eps, "the cost")


def layer_gradients(
    layer: object, A_in: np.ndarray, upstream_grad: np.ndarray, eps: float = EPS
) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """Backprop's and central differences' gradients of one layer.

    A layer alone has no cost, so it gets one, f = Σ upstream_grad ⊙ output,
    whose gradient with respect to the output is ``upstream_grad``. Returns
    ``{name: (backprop, numerical)}`` for each parameter (``W``, ``b``) and
    for the argument of ``forward`` (``A_prev``, ``Z``), whose gradient
    ``backward`` returns. Explained in chapter 10.
    """
    def f() -> float:
        return float(np.sum(upstream_grad * layer.forward(A_in)))

    f()
    arrays = dict(getattr(layer, "params", {}))
    d_input = layer.backward(upstream_grad).copy()
    analytic = {name: getattr(layer, "d" + name).copy() for name in arrays}
    input_name = next(iter(inspect.signature(layer.forward).parameters))
    analytic[input_name], arrays[input_name] = d_input, A_in
    return {name: (analytic[name], numerical_gradient(f, arrays[name], eps))
            for name in arrays}


def check_layer_gradients(layer: object, A_in: np.ndarray,
                          upstream_grad: np.ndarray | None = None,
                          eps: float = EPS) -> dict[str, float]:
    """The relative error of each gradient one layer's ``backward`` computes.

    ``A_in``, shape (n_in, m), is the layer's input (``A_prev`` of a linear
    layer, ``Z`` of a sigmoid); ``upstream_grad``, shape (n_out, m), defaults
    to a fixed standard-normal draw. Returns ``{"W": ..., "b": ...,
    "A_prev": ...}`` for a linear layer, ``{"Z": ...}`` for a sigmoid; raises
    ``ValueError`` where both gradients are too small to check.
    Explained in chapter 10.
    """
    check_layers([layer])
    A_in = check_finite("A_in", as_matrix("A_in", A_in)).copy()
    with _as_found([layer]):
        out = layer.forward(A_in)
        if upstream_grad is None:
            upstream_grad = np.random.RandomState(0).randn(*out.shape)
        upstream_grad = as_matrix("upstream_grad", upstream_grad)
        f_value = float(np.sum(upstream_grad * out))
        pairs = layer_gradients(layer, A_in, upstream_grad, eps)
    return {name: _checked_error(a, n, f_value, eps, name)
            for name, (a, n) in pairs.items()}


def layer_relative_error(layer: object, A_in: np.ndarray, draws: int = 8,
                         eps: float = EPS) -> float:
    """One relative error for all of a layer's gradients, over several draws.

    Each draw is a standard-normal ``upstream_grad`` (``RandomState(0)``);
    pooling them averages out round-off. Explained in chapter 10.
    """
    check_layers([layer])
    A_in = check_finite("A_in", as_matrix("A_in", A_in)).copy()
    draws, rng = check_positive_int("draws", draws), np.random.RandomState(0)
    analytic, numeric, f_max = [], [], 0.0
    with _as_found([layer]):
        out = layer.forward(A_in).copy()
        for _ in range(draws):
            grad = rng.randn(*out.shape)
            f_max = max(f_max, abs(float(np.sum(grad * out))))
            for a, n in layer_gradients(layer, A_in, grad, eps).values():
                analytic.append(a.ravel())
                numeric.append(n.ravel())
    return _checked_error(np.concatenate(analytic), np.concatenate(numeric),
                          f_max, eps, "the layer")


def network_gradient_vectors(layers: list, X: np.ndarray, Y: np.ndarray,
                             eps: float = EPS) -> tuple[np.ndarray, np.ndarray]:
    """Every parameter's gradient of the cost, by backprop and numerically.

    Two flat vectors in the order dW1, db1, dW2, db2, ...
    Explained in chapter 10.
    """
    layers, X = check_layers(layers), check_finite("X", as_matrix("X", X))

    def f() -> float:
        return compute_cost(Y, forward(layers, X))[0]

    analytic, numeric = [], []
    with _as_found(layers):
        backward(layers, compute_cost(Y, forward(layers, X))[1])
        for layer in layers:
            for name, param in getattr(layer, "params", {}).items():
                analytic.append(getattr(layer, "d" + name).ravel())
                numeric.append(numerical_gradient(f, param, eps).ravel())
    if not analytic:
        raise ValueError("layers must hold a layer with params to check, "
                         "such as a LinearLayer")
    return np.concatenate(analytic), np.concatenate(numeric)


def check_network_gradients(layers: list, X: np.ndarray, Y: np.ndarray,
                            eps: float = EPS) -> dict[str, float]:
    """The relative error per parameter, ``{"W1": ..., "b1": ..., "W2": ...}``.

    Parameters are numbered by the layers that have them.
    Explained in chapter 10.
    """
    analytic, numeric = network_gradient_vectors(layers, X, Y, eps)
    cost, errors, start = _cost(layers, X, Y), {}, 0
    learning = [layer for layer in layers if hasattr(layer, "params")]
    for n, layer in enumerate(learning, start=1):
        for name, param in layer.params.items():
            part = slice(start, start + param.size)
            errors[f"{name}{n}"] = _checked_error(
                analytic[part], numeric[part], cost, eps, f"{name}{n}")
            start += param.size
    return errors


def network_relative_error(layers: list, X: np.ndarray, Y: np.ndarray,
                           eps: float = EPS) -> float:
    """The relative error of the whole gradient, every parameter at once.

    Explained in chapter 10.
    """
    analytic, numeric = network_gradient_vectors(layers, X, Y, eps)
    return _checked_error(analytic, numeric, _cost(layers, X, Y), eps,
                          "the network")


def _cost(layers: list, X: np.ndarray, Y: np.ndarray) -> float:
    """The network's cost, leaving the layers as they were."""
    with _as_found(layers):
        return compute_cost(Y, forward(layers, X))[0]
