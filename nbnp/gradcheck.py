"""Gradient checking by central differences.

The numerical gradient of a scalar function f at x perturbs one entry at a time:

.. math::

    \\frac{\\partial f}{\\partial x_i}
    \\approx \\frac{f(x + \\varepsilon e_i) - f(x - \\varepsilon e_i)}{2\\varepsilon}

and the check reports the relative error
``‖g_analytic − g_numeric‖ / (‖g_analytic‖ + ‖g_numeric‖)``.

This module holds the primitives (the numerical gradient, the relative error,
the check of the cost's gradient); the checks of a layer and of a network
built on them are :mod:`nbnp.layer_gradcheck` and :mod:`nbnp.network_gradcheck`.
"""

from __future__ import annotations

import math
from typing import Callable

import numpy as np

from nbnp.losses import compute_cost
from nbnp.validation import (
    as_array,
    as_matrix,
    check_callable,
    check_finite,
    check_learning_rate,
    check_real,
)

__all__ = [
    "EPS",
    "EPS_MIN",
    "TOO_SMALL",
    "GradientCheck",
    "check_cost_gradient",
    "fmt_magnitude",
    "numerical_gradient",
    "relative_error",
]

#: Default step ε: small enough for truncation error, large enough for round-off.
EPS = 1e-5

#: The smallest step ε accepted. Central differences carry a round-off error of
#: about machine-ε · ``|f|`` / ε (2.2e-4 · ``|f|`` at ε = 1e-12), and below 1e-12 it
#: swamps the gradients of any network of the book: a smaller ε would report
#: "too small to check" (or a large error) where the problem is ε itself.
#: Chapter 9's sweep goes down to exactly this floor.
EPS_MIN = 1e-12


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
        analytic, numeric, floor = _check_gradients(analytic, numeric, floor)
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


def _check_gradients(
    analytic: object, numeric: object, floor: object
) -> tuple[np.ndarray, np.ndarray, float]:
    """Finite gradients of one shape and a floor of at least 0, or an error naming the argument.

    A NaN gradient must not pass for one "too small to check".
    """
    analytic, numeric = as_array("analytic", analytic), as_array("numeric", numeric)
    if analytic.shape != numeric.shape:
        raise ValueError(
            "analytic and numeric must have the same shape, but received "
            f"{analytic.shape} and {numeric.shape}"
        )
    floor = check_real("floor", floor)
    if floor < 0:
        raise ValueError(f"floor must be at least 0, but received {floor}")
    return analytic, numeric, floor


def _largest(A: np.ndarray) -> float:
    return float(np.abs(A).max()) if A.size else 0.0


def _round_off_floor(f_value: float, eps: float) -> float:
    """The smallest gradient central differences of ``f`` with step ``eps`` can resolve."""
    return float(np.finfo(float).eps * abs(f_value) / eps)


def numerical_gradient(
    f: Callable[[], float], x: np.ndarray, eps: float = EPS
) -> np.ndarray:
    """Central-difference gradient of ``f()`` with respect to the array ``x``.

    ``x`` is perturbed in place, one entry at a time, and restored.

    Parameters
    ----------
    f : callable
        Takes no argument and returns a float that depends on ``x``.
    x : numpy.ndarray, any shape, float
        The array (for example ``layer.params["W"]``) to differentiate against.
    eps : float, optional
        Step ε, from :data:`EPS_MIN` (1e-12) up; default 1e-5.

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
    what = "the numerical gradient (f(x + ε) − f(x − ε)) / 2ε"
    return check_finite(what, grad)


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

    The scaling is exact (a power of two) and cancels in the relative error;
    all zeros (or empty) are left as they are (frexp(0) has exponent 0).
    """
    a, b = as_array("a", a), as_array("b", b)
    if a.shape != b.shape:
        raise ValueError(f"a and b must have the same shape, got {a.shape} and {b.shape}")
    exponent = -int(np.frexp(max(_largest(a), _largest(b)))[1])  # the largest entry becomes [0.5, 1)
    return np.ldexp(a, exponent), np.ldexp(b, exponent)


def _check_eps(eps: object, name: str = "eps") -> float:
    """The step ε as a float, finite and at least :data:`EPS_MIN`; errors name ``name``."""
    eps = check_learning_rate(eps, name=name)
    if eps < EPS_MIN:
        raise ValueError(
            f"{name} must be at least {EPS_MIN:g} (EPS_MIN), but received {eps!r}: with a smaller step the "
            "round-off of f(x ± eps), about machine-ε · |f| / eps, swamps any gradient; try the default "
            f"{EPS:g}"
        )
    return eps


def check_cost_gradient(Y: np.ndarray, Y_hat: np.ndarray, eps: float = EPS) -> float:
    """Check ``compute_cost``'s ``dY_hat`` against central differences.

    Parameters
    ----------
    Y : numpy.ndarray, shape (1, m)
        Labels.
    Y_hat : numpy.ndarray, shape (1, m)
        Predictions at which the gradient is checked.
    eps : float, optional
        Step ε, at least :data:`EPS_MIN`; default :data:`EPS`.

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
    x = float(as_array("x", x))
    if x < 0:
        raise ValueError(f"x must be at least 0, but received {x}")
    return "0" if x == 0 else f"1e{round(math.log10(x))}"
