"""Batch gradients computed the article's two ways, and how their cost grows with m.

The article describes two ways to get the gradient of the cost over a batch of
``m`` examples:

1. **A per-example loop.** For each example, run forward and backward on that
   example alone, add its gradients (the small deltas, δ) into accumulators
   (the capital deltas, Δ), and divide the accumulated sums by ``m`` at the end.
   :func:`loop_gradients` does this.
2. **The vectorized form.** One forward pass over the whole ``(n, m)`` batch,
   the cost's derivative ``−(Y − Ŷ)/m``, one backward pass:
   ``dW = dZ·A_prevᵀ`` and ``db = Σ dZ``. :func:`vectorized_gradients` does this.

Both give the same gradients (up to the rounding of a different summation
order). :func:`time_gradients` and :func:`growth_exponent` measure how the
time of each grows with ``m``.

Both gradient functions run the layers' own ``forward``/``backward``, so they
overwrite the layers' stored activations and gradients (``Z``, ``A``, ``dW``,
...) but never their parameters.
"""

from __future__ import annotations

import time
from typing import Callable

import numpy as np

from nbnp.checks import as_matrix, check_layers, check_positive_int
from nbnp.losses import compute_cost
from nbnp.training import backward, forward

__all__ = [
    "GradientFn",
    "growth_exponent",
    "loop_gradients",
    "per_example_gradients",
    "time_gradients",
    "vectorized_gradients",
]

#: A function ``(layers, X, Y) -> [(dW, db), ...]``, like the two below.
GradientFn = Callable[[list, np.ndarray, np.ndarray], list]


def _check_data(layers: object, X: object, Y: object) -> tuple[list, np.ndarray, np.ndarray]:
    """Validate a network and a batch whose examples are columns."""
    layers = check_layers(layers)
    X, Y = as_matrix("X", X), as_matrix("Y", Y)
    if X.shape[1] != Y.shape[1]:
        raise ValueError(
            f"X and Y must have one column per example, but X has {X.shape[1]} columns and Y has {Y.shape[1]}"
        )
    return layers, X, Y


def _linear(layers: list) -> list:
    """The layers with parameters (``W`` and ``b``, gradients ``dW`` and ``db``)."""
    return [layer for layer in layers if hasattr(layer, "params")]


def _example_gradients(
    layers: list, x: np.ndarray, y: np.ndarray
) -> list[tuple[np.ndarray, np.ndarray]]:
    """δ of one example: gradients of its loss ½(y − ŷ)², one (dW, db) per linear layer."""
    _, dY_hat = compute_cost(y, forward(layers, x))  # with m = 1 the cost is the loss
    backward(layers, dY_hat)
    return [(layer.dW, layer.db) for layer in _linear(layers)]


def per_example_gradients(
    layers: list, X: np.ndarray, Y: np.ndarray
) -> list[tuple[np.ndarray, np.ndarray]]:
    """The gradient of each example's own loss, stacked along a first axis.

    Parameters
    ----------
    layers : list of Layer
        The network (``[Z1, A1, ...]``); its parameters are not changed.
    X : numpy.ndarray, shape (n_x, m)
        The batch, one example per column.
    Y : numpy.ndarray, shape (n_out, m)
        Labels.

    Returns
    -------
    list of (dW, db)
        One pair per linear layer, in order: ``dW`` of shape (m, n_out, n_in)
        and ``db`` of shape (m, n_out, 1), where entry ``i`` is the gradient
        of the loss ½(yᵢ − ŷᵢ)² of example ``i`` alone (not divided by m).
    """
    layers, X, Y = _check_data(layers, X, Y)
    grads = [_example_gradients(layers, X[:, i : i + 1], Y[:, i : i + 1]) for i in range(X.shape[1])]
    return [
        (np.stack([g[k][0] for g in grads]), np.stack([g[k][1] for g in grads]))
        for k in range(len(_linear(layers)))
    ]


def loop_gradients(layers: list, X: np.ndarray, Y: np.ndarray) -> list[tuple[np.ndarray, np.ndarray]]:
    """Method 1: loop over the examples, accumulate Δ, average at the end.

    Parameters
    ----------
    layers : list of Layer
        The network; its parameters are not changed.
    X : numpy.ndarray, shape (n_x, m)
        The batch, one example per column.
    Y : numpy.ndarray, shape (n_out, m)
        Labels.

    Returns
    -------
    list of (dW, db)
        ∂Cost/∂W of shape (n_out, n_in) and ∂Cost/∂b of shape (n_out, 1) for
        each linear layer: ΔW / m and Δb / m, where ΔW and Δb are the sums of
        the per-example gradients.
    """
    layers, X, Y = _check_data(layers, X, Y)
    m = X.shape[1]
    Delta = [
        (np.zeros_like(layer.params["W"]), np.zeros_like(layer.params["b"])) for layer in _linear(layers)
    ]
    for i in range(m):
        deltas = _example_gradients(layers, X[:, i : i + 1], Y[:, i : i + 1])
        for (Delta_W, Delta_b), (delta_W, delta_b) in zip(Delta, deltas):
            Delta_W += delta_W
            Delta_b += delta_b
    return [(Delta_W / m, Delta_b / m) for Delta_W, Delta_b in Delta]


def vectorized_gradients(
    layers: list, X: np.ndarray, Y: np.ndarray
) -> list[tuple[np.ndarray, np.ndarray]]:
    """Method 2: one forward and one backward pass over the whole batch.

    Parameters
    ----------
    layers : list of Layer
        The network; its parameters are not changed.
    X : numpy.ndarray, shape (n_x, m)
        The batch, one example per column.
    Y : numpy.ndarray, shape (n_out, m)
        Labels.

    Returns
    -------
    list of (dW, db)
        ∂Cost/∂W of shape (n_out, n_in) and ∂Cost/∂b of shape (n_out, 1) for
        each linear layer, with Cost = (1/2m) Σ (Y − Ŷ)².
    """
    layers, X, Y = _check_data(layers, X, Y)
    _, dY_hat = compute_cost(Y, forward(layers, X))
    backward(layers, dY_hat)
    return [(layer.dW, layer.db) for layer in _linear(layers)]


def _random_batch(n_x: int, n_out: int, m: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """Uniform inputs in [0, 1) and 0/1 labels from a private random stream."""
    rng = np.random.RandomState(seed)
    return rng.rand(n_x, m), (rng.rand(n_out, m) > 0.5).astype(float)


def time_gradients(
    method: GradientFn,
    layers: list,
    sizes: list[int],
    repeats: int = 3,
    seed: int = 0,
) -> np.ndarray:
    """Wall-clock time of one gradient computation for batches of growing size.

    For each ``m`` in ``sizes`` a batch of ``m`` random examples is drawn from
    a private ``RandomState(seed)`` (the global stream is untouched), and
    ``method(layers, X, Y)`` is timed ``repeats`` times, going round all the
    sizes once per repeat; the fastest run is kept, the usual way to filter
    out interruptions by other processes.
    Timings differ between machines and runs: never compare them exactly.

    Parameters
    ----------
    method : callable
        :func:`loop_gradients`, :func:`vectorized_gradients` or any function
        with their signature.
    layers : list of Layer
        The network; the input size is read from its first linear layer.
    sizes : list of int
        Batch sizes ``m`` to time.
    repeats : int, optional
        Timed runs per size, default 3.
    seed : int, optional
        Seed of the private stream that draws the batches, default 0.

    Returns
    -------
    numpy.ndarray, shape (len(sizes),)
        Seconds per call, the minimum over the repeats.
    """
    layers = check_layers(layers)
    if not callable(method):
        raise TypeError(f"method must be a function (layers, X, Y) -> gradients, got {type(method).__name__}")
    sizes = _check_sizes(sizes)
    repeats = check_positive_int("repeats", repeats)
    linear = _linear(layers)
    if not linear:
        raise ValueError(
            "layers must contain at least one layer with parameters (a LinearLayer) to have gradients"
        )
    n_x, n_out = linear[0].params["W"].shape[1], linear[-1].params["W"].shape[0]
    batches = [_random_batch(n_x, n_out, m, seed) for m in sizes]
    seconds = np.full(len(sizes), np.inf)
    for _ in range(repeats):  # round robin, so a burst of load does not hit one size only
        for i, (X, Y) in enumerate(batches):
            start = time.perf_counter()
            method(layers, X, Y)
            seconds[i] = min(seconds[i], time.perf_counter() - start)
    return seconds


def _check_sizes(sizes: object) -> list[int]:
    if not isinstance(sizes, (list, tuple, np.ndarray)) or len(sizes) == 0:
        raise ValueError(f"sizes must be a non-empty list of positive integers, got {sizes!r:.80}")
    return [check_positive_int(f"sizes[{i}]", m) for i, m in enumerate(sizes)]


def growth_exponent(sizes: list[int], seconds: np.ndarray, min_size: int = 1) -> float:
    """The exponent k of a power law t ≈ c·mᵏ fitted to timings.

    The slope of the least-squares line through (log m, log t): 1 for a time
    that grows linearly with m, 2 for quadratic growth, near 0 when a fixed
    overhead dominates.

    Parameters
    ----------
    sizes : list of int, length N
        Batch sizes m.
    seconds : array_like, shape (N,)
        Time for each size, positive.
    min_size : int, optional
        Fit only the sizes ``m >= min_size`` (to leave out small batches whose
        time is fixed overhead). Default 1, all of them.

    Returns
    -------
    float
        The fitted exponent k.
    """
    sizes = _check_sizes(sizes)
    t = np.asarray(seconds, dtype=float)
    if t.shape != (len(sizes),):
        raise ValueError(f"seconds must have one entry per size ({len(sizes)}), but has shape {t.shape}")
    if not (np.isfinite(t).all() and (t > 0).all()):
        raise ValueError("seconds must be finite and greater than 0")
    min_size = check_positive_int("min_size", min_size)
    m = np.array(sizes)
    keep = m >= min_size
    if len(set(m[keep].tolist())) < 2:
        raise ValueError(
            f"at least two sizes must be >= min_size={min_size} to fit a slope, and they must "
            f"differ (the fit would be rank-deficient), but received sizes {sizes!r:.80}"
        )
    slope, _ = np.polyfit(np.log(m[keep]), np.log(t[keep]), 1)
    return float(slope)
