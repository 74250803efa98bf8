"""Gradient checking by central differences.

The numerical gradient of a scalar function f at x perturbs one entry at a time:

.. math::

    \\frac{\\partial f}{\\partial x_i}
    \\approx \\frac{f(x + \\varepsilon e_i) - f(x - \\varepsilon e_i)}{2\\varepsilon}

and the check reports the relative error
``‖g_analytic − g_numeric‖ / (‖g_analytic‖ + ‖g_numeric‖)``.
"""

from __future__ import annotations

import inspect
import math
from typing import Callable

import numpy as np

from nbnp.losses import compute_cost
from nbnp.train import Layer, _check_layers, backward, forward
from nbnp.validation import (
    as_array,
    as_matrix,
    check_callable,
    check_finite,
    check_learning_rate,
    check_positive_int,
)

__all__ = [
    "EPS",
    "TOO_SMALL",
    "GradientCheck",
    "check_cost_gradient",
    "check_layer_gradients",
    "check_network_gradients",
    "eps_sweep",
    "fmt_magnitude",
    "layer_relative_error",
    "network_gradient_vectors",
    "network_relative_error",
    "numerical_gradient",
    "relative_error",
]

#: Default step ε: small enough for truncation error, large enough for round-off.
EPS = 1e-5

#: What a :class:`GradientCheck` says when both gradients are under the round-off floor.
TOO_SMALL = "too small to check"


class GradientCheck(float):
    """The relative error of a gradient check, a float, that knows whether the check could see anything.

    Central differences cannot resolve a change of the checked function
    ``f`` below its last bit: every numerical gradient entry smaller than
    the round-off floor ``machine-ε · |f| / ε`` may come out as 0. When the
    analytic and the numerical gradients both lie under that floor (a
    saturated network), their relative error says nothing, and the check
    reports NaN with ``checkable`` False and prints as ``"too small to
    check"``, instead of the 1.0 that a real bug would give.

    Parameters
    ----------
    analytic, numeric : numpy.ndarray, same shape
        The two gradients compared.
    floor : float
        The round-off floor of ``numeric``.

    Attributes
    ----------
    checkable : bool
        False when both gradients are under the floor.
    floor : float
        The round-off floor of the numerical gradient.
    """

    checkable: bool
    floor: float

    def __new__(cls, analytic: np.ndarray, numeric: np.ndarray, floor: float) -> GradientCheck:
        checkable = max(_largest(analytic), _largest(numeric)) > floor
        result = super().__new__(cls, relative_error(analytic, numeric) if checkable else math.nan)
        result.checkable, result.floor = checkable, floor
        return result

    @property
    def status(self) -> str:
        """``"too small to check"``, or the relative error's order of magnitude (``"1e-10"``)."""
        return fmt_magnitude(self)

    def __repr__(self) -> str:
        if self.checkable:
            return float.__repr__(self)
        return f"GradientCheck({TOO_SMALL!r}, floor={self.floor!r})"

    __str__ = __repr__


def _largest(A: np.ndarray) -> float:
    return float(np.abs(A).max()) if A.size else 0.0


def _round_off_floor(f_value: float, eps: float) -> float:
    """The smallest gradient central differences of ``f`` with step ``eps`` can resolve."""
    return float(np.finfo(float).eps * abs(f_value) / eps)


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
    f = _check_function(f, x)
    eps = _check_eps(eps)
    grad = np.zeros_like(x)
    for i in np.ndindex(x.shape):
        saved = x[i]
        x[i] = saved + eps
        f_plus = f()
        x[i] = saved - eps
        f_minus = f()
        x[i] = saved
        grad[i] = (f_plus - f_minus) / (2 * eps)
    return check_finite("the numerical gradient (f(x + ε) − f(x − ε)) / 2ε", grad)


def _check_function(f: object, x: object) -> Callable[[], float]:
    """``f`` wrapped so that each call returns a finite float, once ``x`` is a finite float64 array."""
    check_callable("f", f)
    if not isinstance(x, np.ndarray) or x.dtype != np.float64:
        raise TypeError(f"x must be a float64 numpy array (perturbed in place), got {type(x).__name__}")
    check_finite("x", x)

    def checked() -> float:
        value = f()
        if isinstance(value, (bool, np.bool_)) or not isinstance(value, (int, float, np.number)):
            raise TypeError(f"f must return a real number, but returned {type(value).__name__} {value!r:.40}")
        if not math.isfinite(value):
            raise ValueError(f"f must return a finite number, but returned {value} at a perturbed x")
        return float(value)

    return checked


def relative_error(a: np.ndarray, b: np.ndarray) -> float:
    """Relative error ‖a − b‖ / (‖a‖ + ‖b‖), and 0 when both are zero.

    Parameters
    ----------
    a, b : numpy.ndarray, same shape

    Returns
    -------
    float
    """
    a, b = _comparable(a, b)
    scale = np.linalg.norm(a) + np.linalg.norm(b)
    diff = np.linalg.norm(a - b)
    return float(diff / scale) if scale > 0 else float(diff)


def _comparable(a: object, b: object) -> tuple[np.ndarray, np.ndarray]:
    """``a`` and ``b`` as finite arrays of one shape, scaled by one power of two so no norm overflows.

    The scaling is exact (a power of two) and cancels in the relative error.
    """
    a, b = as_array("a", a), as_array("b", b)
    if a.shape != b.shape:
        raise ValueError(f"a and b must have the same shape, got {a.shape} and {b.shape}")
    largest = max(_largest(a), _largest(b))
    if largest == 0:
        return a, b
    exponent = -int(np.frexp(largest)[1])  # the largest entry becomes [0.5, 1)
    return np.ldexp(a, exponent), np.ldexp(b, exponent)


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
    dict of GradientCheck
        ``{"W1": err, "b1": err, "W2": ...}``: the relative error per parameter,
        numbered by layer with parameters (the linear layers); NaN, printed
        ``"too small to check"``, for a parameter whose gradients are both
        under the round-off floor (see :class:`GradientCheck`).
    """
    grads, floor = _parameter_gradients(layers, X, Y, eps)
    return {label: GradientCheck(analytic, numeric, floor) for label, analytic, numeric in grads}


def _parameter_gradients(
    layers: list[Layer], X: np.ndarray, Y: np.ndarray, eps: float
) -> tuple[list[tuple[str, np.ndarray, np.ndarray]], float]:
    """``(label, backprop gradient, central differences)`` for every parameter, ``W1, b1, W2, ...``,
    and the round-off floor of the central differences."""
    layers = _check_layers(layers)
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


def _check_eps(eps: object) -> float:
    """The step ε as a float, finite and greater than 0 (checked like a learning rate)."""
    return check_learning_rate(eps, name="eps")


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
        Step ε, default :data:`EPS`.

    Returns
    -------
    dict of GradientCheck
        Relative error per gradient the layer computes (or "too small to check",
        see :class:`GradientCheck`), one per parameter
        and one for the input, named after the argument of ``forward``:
        ``{"W", "b", "A_prev"}`` for a :class:`~nbnp.LinearLayer` (``dW``,
        ``db``, ``dA_prev``), ``{"Z"}`` for a :class:`~nbnp.SigmoidLayer` (``dZ``).
    """
    (layer,) = _check_layers([layer])
    eps = _check_eps(eps)
    A_in = as_matrix("A_in", A_in).copy()
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


def layer_relative_error(layer: Layer, A_in: np.ndarray, draws: int = 8, eps: float = EPS) -> float:
    """Relative error of all of one layer's gradients at once, over several upstream gradients.

    Runs the check of :func:`check_layer_gradients` for ``draws`` upstream
    gradients (standard-normal, from ``RandomState(0)``), stacks every
    analytic and every numerical gradient into two vectors, and compares
    them. Pooling many entries averages out round-off, so the result is far
    more stable across machines than any single entry's error.

    Parameters
    ----------
    layer : Layer
    A_in : numpy.ndarray, shape (n_in, m)
        Input of the layer: ``A_prev`` for a linear layer, ``Z`` for a sigmoid.
    draws : int, optional
        Number of upstream gradients, default 8.
    eps : float, optional
        Step ε, default :data:`EPS`.

    Returns
    -------
    GradientCheck
        A float; see :class:`GradientCheck` for gradients under the round-off floor.
    """
    (layer,) = _check_layers([layer])
    draws, eps = check_positive_int("draws", draws), _check_eps(eps)
    A_in = as_matrix("A_in", A_in).copy()
    shape = layer.forward(A_in).shape
    rng = np.random.RandomState(0)
    analytic, numeric, floor = [], [], 0.0
    for _ in range(draws):
        grad = rng.randn(*shape)
        floor = max(floor, _round_off_floor(float(np.sum(grad * layer.forward(A_in))), eps))
        for a, n in _layer_gradients(layer, A_in, grad, eps).values():
            analytic.append(a.ravel())
            numeric.append(n.ravel())
    return GradientCheck(np.concatenate(analytic), np.concatenate(numeric), floor)


def check_cost_gradient(Y: np.ndarray, Y_hat: np.ndarray, eps: float = EPS) -> float:
    """Check ``compute_cost``'s ``dY_hat`` against central differences.

    Parameters
    ----------
    Y : numpy.ndarray, shape (1, m)
        Labels.
    Y_hat : numpy.ndarray, shape (1, m)
        Predictions at which the gradient is checked.
    eps : float, optional
        Step ε, default :data:`EPS`.

    Returns
    -------
    GradientCheck
        A float; see :class:`GradientCheck` for gradients under the round-off floor.
        Relative error between ``dY_hat`` and the numerical gradient.
    """
    eps = _check_eps(eps)
    Y, Y_hat = as_matrix("Y", Y), as_matrix("Y_hat", Y_hat).copy()
    cost, dY_hat = compute_cost(Y, Y_hat)
    numeric = numerical_gradient(lambda: compute_cost(Y, Y_hat)[0], Y_hat, eps)
    return GradientCheck(dY_hat, numeric, _round_off_floor(cost, eps))


def network_gradient_vectors(
    layers: list[Layer], X: np.ndarray, Y: np.ndarray, eps: float = EPS
) -> tuple[np.ndarray, np.ndarray]:
    """Backprop's and central differences' gradients of every parameter, as two vectors.

    Parameters
    ----------
    layers : list of Layer
        The network (its parameters are perturbed and restored).
    X : numpy.ndarray, shape (n_x, m)
    Y : numpy.ndarray, shape (1, m)
    eps : float, optional
        Step ε, default :data:`EPS`.

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
        Step ε, default :data:`EPS`.

    Returns
    -------
    GradientCheck
        A float; see :class:`GradientCheck` for gradients under the round-off floor.
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
    eps_values = [_check_eps(eps) for eps in eps_values]
    if not eps_values:
        raise ValueError("eps_values must not be empty")
    return [network_relative_error(layers, X, Y, eps) for eps in eps_values]


def fmt_magnitude(x: float) -> str:
    """A non-negative number rounded to the nearest power of ten, as text.

    Relative errors of gradient checks depend on round-off, which differs
    between machines in the last bits, so the book prints only their order
    of magnitude: the power of ten nearest on a log scale.

    Parameters
    ----------
    x : float
        A finite number, at least 0.

    Returns
    -------
    str
        For example ``fmt_magnitude(3.0e-10)`` is ``'1e-10'`` (log₁₀ = −9.52)
        and ``fmt_magnitude(4.0e-10)`` is ``'1e-9'``; 0 gives ``'0'``, and a
        :class:`GradientCheck` that could not check gives ``'too small to check'``.
    """
    if isinstance(x, GradientCheck) and not x.checkable:
        return TOO_SMALL
    if isinstance(x, bool) or not isinstance(x, (int, float, np.floating, np.integer)):
        raise TypeError(f"x must be a real number, but received {type(x).__name__} {x!r}")
    x = float(check_finite("x", np.asarray(x, dtype=float)))
    if x < 0:
        raise ValueError(f"x must be at least 0, but received {x}")
    return "0" if x == 0 else f"1e{round(math.log10(x))}"
