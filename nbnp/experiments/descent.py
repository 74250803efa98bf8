"""Gradient descent on a one-parameter U-shaped curve.

The learning-rate chapter draws gradient descent on a stated parabola,

.. math:: L(\\theta) = \\tfrac{k}{2} (\\theta - \\theta^*)^2, \\qquad L'(\\theta) = k (\\theta - \\theta^*),

where one step gives :math:`\\theta_{t+1} - \\theta^* = (1 - \\alpha k)(\\theta_t - \\theta^*)`:
the distance to the minimum shrinks by the same factor at every step, so the
steps shrink with it, and the walk diverges once :math:`\\alpha k > 2`.
:func:`nbnp.plot_descent` draws the walk.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Callable

import numpy as np

from nbnp.checks import as_array, check_learning_rate, check_positive_int, check_real

__all__ = ["Parabola", "descent_path"]


@dataclass(frozen=True)
class Parabola:
    """The U-shaped loss L(θ) = (k/2)(θ − θ*)².

    Attributes
    ----------
    curvature : float
        k > 0, the second derivative L''(θ).
    minimum : float
        θ*, where L is 0.
    """

    curvature: float = 0.1
    minimum: float = 0.0

    def __post_init__(self) -> None:
        if check_real("curvature", self.curvature) <= 0:
            raise ValueError(f"curvature must be greater than 0 (a U opening upwards), "
                             f"but received {self.curvature}")
        if isinstance(self.minimum, bool) or not isinstance(self.minimum, (int, float)):
            raise TypeError(f"minimum must be a real number, but received {self.minimum!r}")
        if not math.isfinite(self.minimum):
            raise ValueError(f"minimum must be finite, but received {self.minimum}")

    def __call__(self, theta: float | np.ndarray) -> float | np.ndarray:
        """L(θ).

        Parameters
        ----------
        theta : float or numpy.ndarray, any shape

        Returns
        -------
        float or numpy.ndarray, same shape as ``theta``
        """
        t = as_array("theta", theta)
        L = 0.5 * self.curvature * (t - self.minimum) ** 2
        return float(L) if L.ndim == 0 else L

    def gradient(self, theta: float | np.ndarray) -> float | np.ndarray:
        """L'(θ) = k (θ − θ*).

        Parameters
        ----------
        theta : float or numpy.ndarray, any shape

        Returns
        -------
        float or numpy.ndarray, same shape as ``theta``
        """
        t = as_array("theta", theta)
        g = self.curvature * (t - self.minimum)
        return float(g) if g.ndim == 0 else g


def descent_path(
    gradient: Callable[[float], float], theta0: float, learning_rate: float, steps: int
) -> np.ndarray:
    """Run gradient descent θ ← θ − α·L'(θ) on one parameter and keep every θ.

    Parameters
    ----------
    gradient : callable
        L'(θ), float to float (for example :meth:`Parabola.gradient`).
    theta0 : float
        Starting point θ₀.
    learning_rate : float
        α, finite and positive.
    steps : int
        Number of updates.

    Returns
    -------
    numpy.ndarray, shape (steps + 1,)
        θ₀, θ₁, …, θ_steps.

    Raises
    ------
    TypeError
        If ``gradient`` is not callable, or it or θ₀ is not a real number.
    ValueError
        If α or ``steps`` is not positive, θ₀ or a slope ``gradient(θ)`` is
        not finite, or θ overflows to infinity (the walk diverged beyond
        floating point).
    """
    if not callable(gradient):
        raise TypeError(f"gradient must be callable, but received {type(gradient).__name__}")
    theta = check_real("theta0", theta0)
    alpha = check_learning_rate(learning_rate)
    steps = check_positive_int("steps", steps)
    path = np.empty(steps + 1)
    path[0] = theta
    for t in range(steps):
        theta = theta - alpha * check_real("gradient(θ)", gradient(theta))
        if not math.isfinite(theta):
            raise ValueError(f"θ overflowed at step {t + 1}: use fewer steps or a smaller learning_rate")
        path[t + 1] = theta
    return path
