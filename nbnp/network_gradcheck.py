"""Gradient checking of a whole network: backprop's gradient of the cost against central differences.

Every parameter of every layer is perturbed in turn (and restored), the cost
recomputed by a forward pass; :mod:`nbnp.gradcheck` supplies the central
differences and the relative error.
"""

from __future__ import annotations

import numpy as np

from nbnp.gradcheck import EPS, GradientCheck, _check_eps, _round_off_floor, numerical_gradient
from nbnp.losses import compute_cost
from nbnp.train import Layer, _check_layers, _with_params, backward, forward
from nbnp.validation import as_matrix

__all__ = ["check_network_gradients", "eps_sweep", "network_gradient_vectors", "network_relative_error"]


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
        Step ε, at least :data:`~nbnp.gradcheck.EPS_MIN`; default :data:`~nbnp.gradcheck.EPS`.

    Returns
    -------
    dict of GradientCheck
        ``{"W1": err, "b1": err, "W2": ...}``: the relative error per parameter,
        numbered by layer with parameters (the linear layers); NaN, printed
        ``"too small to check"``, for a parameter whose gradients are both
        under the round-off floor (see :class:`~nbnp.gradcheck.GradientCheck`).
    """
    grads, floor = _parameter_gradients(layers, X, Y, eps)
    return {label: GradientCheck(analytic, numeric, floor) for label, analytic, numeric in grads}


def _parameter_gradients(
    layers: list[Layer], X: np.ndarray, Y: np.ndarray, eps: float
) -> tuple[list[tuple[str, np.ndarray, np.ndarray]], float]:
    """``(label, backprop gradient, central differences)`` for every parameter, ``W1, b1, W2, ...``,
    and the round-off floor of the central differences."""
    layers = _with_params(_check_layers(layers), "whose gradients to check")
    X, Y = as_matrix("X", X), as_matrix("Y", Y)
    eps = _check_eps(eps)

    def cost() -> float:
        return compute_cost(Y, forward(layers, X))[0]

    cost_now, dY_hat = compute_cost(Y, forward(layers, X))
    backward(layers, dY_hat)
    with_params = [layer for layer in layers if hasattr(layer, "params")]
    grads = [
        (f"{name}{n}", getattr(layer, "d" + name).copy(), numerical_gradient(cost, layer.params[name], eps))
        for n, layer in enumerate(with_params, start=1)
        for name in layer.params
    ]
    return grads, _round_off_floor(cost_now, eps)


def network_gradient_vectors(
    layers: list[Layer], X: np.ndarray, Y: np.ndarray, eps: float = EPS
) -> tuple[np.ndarray, np.ndarray]:
    """Every parameter's gradient by backprop and by central differences.

    Parameters
    ----------
    layers : list of Layer
        The network (its parameters are perturbed and restored).
    X : numpy.ndarray, shape (n_x, m)
    Y : numpy.ndarray, shape (1, m)
    eps : float, optional
        Step ε, at least :data:`~nbnp.gradcheck.EPS_MIN`;
        default :data:`~nbnp.gradcheck.EPS`.

    Returns
    -------
    analytic : numpy.ndarray, shape (P,)
        ``dW1, db1, dW2, db2, ...`` flattened and concatenated, P being the
        number of parameters.
    numeric : numpy.ndarray, shape (P,)
        The central differences of the cost, in the same order.
    """
    return _stack(_parameter_gradients(layers, X, Y, eps)[0])


def _stack(grads: list[tuple[str, np.ndarray, np.ndarray]]) -> tuple[np.ndarray, np.ndarray]:
    """The analytic and the numerical gradients of every parameter as two flat vectors."""
    return np.concatenate([a.ravel() for _, a, _ in grads]), np.concatenate([n.ravel() for _, _, n in grads])


def network_relative_error(layers: list[Layer], X: np.ndarray, Y: np.ndarray, eps: float = EPS) -> float:
    """Relative error of the whole gradient: all parameters of the network at once.

    Pooling every parameter into one vector averages the round-off noise of
    the individual entries, so the result varies far less between machines
    than the per-parameter errors of :func:`check_network_gradients`.

    Parameters
    ----------
    layers : list of Layer
    X : numpy.ndarray, shape (n_x, m)
    Y : numpy.ndarray, shape (1, m)
    eps : float, optional
        Step ε, at least :data:`~nbnp.gradcheck.EPS_MIN`; default :data:`~nbnp.gradcheck.EPS`.

    Returns
    -------
    GradientCheck
        A float; see :class:`~nbnp.gradcheck.GradientCheck` for gradients under the round-off floor.
    """
    grads, floor = _parameter_gradients(layers, X, Y, eps)
    return GradientCheck(*_stack(grads), floor)


def eps_sweep(layers: list[Layer], X: np.ndarray, Y: np.ndarray, eps_values: list[float]) -> list[float]:
    """The network's whole-gradient relative error for each step ε.

    Parameters
    ----------
    layers : list of Layer
    X : numpy.ndarray, shape (n_x, m)
    Y : numpy.ndarray, shape (1, m)
    eps_values : list of float
        The steps to try, each finite and positive.

    Returns
    -------
    list of float
        :func:`network_relative_error` at each ε, in the order given.
    """
    if isinstance(eps_values, (str, bytes)) or not hasattr(eps_values, "__iter__"):
        raise TypeError(f"eps_values must be a list of positive numbers, but received {eps_values!r}")
    eps_values = [_check_eps(eps, f"eps_values[{i}]") for i, eps in enumerate(eps_values)]
    if not eps_values:
        raise ValueError("eps_values must not be empty")
    return [network_relative_error(layers, X, Y, eps) for eps in eps_values]
