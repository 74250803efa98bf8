"""Gradient checking of one layer: its backward pass against central differences.

The layer's output is reduced to the scalar ``Σ upstream_grad ⊙ output``,
whose gradient with respect to each parameter and to the input is what
``backward(upstream_grad)`` computes; :mod:`nbnp.gradcheck` supplies the
central differences and the relative error.
"""

from __future__ import annotations

import inspect

import numpy as np

from nbnp.gradcheck import EPS, GradientCheck, _check_eps, _round_off_floor, numerical_gradient
from nbnp.train import Layer, _check_layer, _input_rows
from nbnp.validation import as_matrix, check_positive_int

__all__ = ["check_layer_gradients", "layer_relative_error"]


def _upstream(upstream_grad: np.ndarray | None, shape: tuple[int, ...]) -> np.ndarray:
    """The given upstream gradient, or a fixed standard-normal draw of ``shape``."""
    if upstream_grad is None:
        return np.random.RandomState(0).randn(*shape)
    grad = as_matrix("upstream_grad", upstream_grad)
    if grad.shape != shape:
        raise ValueError(
            f"upstream_grad must have the shape of the layer's output {shape}, "
            f"but received shape {grad.shape}"
        )
    return grad


def check_layer_gradients(
    layer: Layer,
    A_in: np.ndarray,
    upstream_grad: np.ndarray | None = None,
    eps: float = EPS,
) -> dict[str, float]:
    """Check one layer's ``backward`` against central differences.

    A layer on its own has no cost, so the check gives it one: the scalar
    ``f = Σ upstream_grad ⊙ output``, whose gradient with respect to the
    layer's output is exactly ``upstream_grad``. Backprop through the layer
    must then match the central differences of ``f`` with respect to the
    layer's input and parameters.

    Parameters
    ----------
    layer : Layer
        The layer (its parameters are perturbed and restored; its stored
        forward values and gradients are overwritten).
    A_in : numpy.ndarray, shape (n_in, m)
        Input of the layer: ``A_prev`` for a linear layer, ``Z`` for a sigmoid.
    upstream_grad : numpy.ndarray, shape (n_out, m), optional
        Gradient arriving from above. Default: a fixed standard-normal draw
        from ``RandomState(0)`` (NumPy's global stream is left untouched).
    eps : float, optional
        Step ε, at least :data:`~nbnp.gradcheck.EPS_MIN`; default :data:`~nbnp.gradcheck.EPS`.

    Returns
    -------
    dict of GradientCheck
        Relative error per gradient the layer computes (or "too small to check",
        see :class:`~nbnp.gradcheck.GradientCheck`), one per parameter
        and one for the input, named after the argument of ``forward``:
        ``{"W", "b", "A_prev"}`` for a :class:`~nbnp.LinearLayer` (``dW``,
        ``db``, ``dA_prev``), ``{"Z"}`` for a :class:`~nbnp.SigmoidLayer` (``dZ``).
    """
    layer = _check_layer(layer)
    eps = _check_eps(eps)
    A_in = as_matrix("A_in", A_in, rows=_input_rows(layer)).copy()
    grad = _upstream(upstream_grad, layer.forward(A_in).shape)
    floor = _round_off_floor(float(np.sum(grad * layer.forward(A_in))), eps)
    pairs = _layer_gradients(layer, A_in, grad, eps)
    return {name: GradientCheck(a, n, floor) for name, (a, n) in pairs.items()}


def _layer_gradients(
    layer: Layer, A_in: np.ndarray, grad: np.ndarray, eps: float
) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """Analytic and numerical gradients of ``Σ grad ⊙ output`` for each parameter and the input.

    The input's gradient is what ``backward`` returns; it is named after the
    argument of the layer's ``forward`` (``A_prev``, ``Z``).
    """

    def f() -> float:
        return float(np.sum(grad * layer.forward(A_in)))

    f()
    d_input = layer.backward(grad).copy()
    arrays = dict(getattr(layer, "params", {}))
    analytic = {name: getattr(layer, "d" + name).copy() for name in arrays}
    input_name = next(iter(inspect.signature(layer.forward).parameters))
    analytic[input_name], arrays[input_name] = d_input, A_in
    return {name: (analytic[name], numerical_gradient(f, arrays[name], eps)) for name in arrays}


def layer_relative_error(
    layer: Layer, A_in: np.ndarray, draws: int = 8, eps: float = EPS
) -> float:
    """One relative error for all of a layer's gradients, pooled over draws.

    The check of :func:`check_layer_gradients` for ``draws`` standard-normal
    upstream gradients (``RandomState(0)``), all gradients stacked into two
    vectors: pooling averages out round-off, so the result is far more stable
    across machines than any single entry's error.

    Parameters
    ----------
    layer : Layer
    A_in : numpy.ndarray, shape (n_in, m)
        Input of the layer: ``A_prev`` for a linear layer, ``Z`` for a sigmoid.
    draws : int, optional
        Number of upstream gradients, default 8.
    eps : float, optional
        Step ε, at least :data:`~nbnp.gradcheck.EPS_MIN`; default 1e-5.

    Returns
    -------
    GradientCheck
        A float that knows its round-off floor (see ``GradientCheck``).
    """
    layer = _check_layer(layer)
    draws, eps = check_positive_int("draws", draws), _check_eps(eps)
    A_in = as_matrix("A_in", A_in, rows=_input_rows(layer)).copy()
    shape = layer.forward(A_in).shape
    rng = np.random.RandomState(0)
    analytic, numeric, floor = [], [], 0.0
    for _ in range(draws):
        grad = rng.randn(*shape)
        cost = float(np.sum(grad * layer.forward(A_in)))  # its gradient: grad
        floor = max(floor, _round_off_floor(cost, eps))
        for a, n in _layer_gradients(layer, A_in, grad, eps).values():
            analytic.append(a.ravel())
            numeric.append(n.ravel())
    analytic, numeric = np.concatenate(analytic), np.concatenate(numeric)
    return GradientCheck(analytic, numeric, floor)
