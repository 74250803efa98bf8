"""Small explanatory pictures of Part I: the bias as a line's intercept, losses as vertical
distances, and the cost along one weight.

Each function draws numbers it is given (computed by nbnp in the chapter) or computes them
with nbnp's own functions, so a picture never holds a typed value. Import them from here:
``from nbnp.draw.pictures import plot_bias_lines``.
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.axes import Axes

from nbnp.article.fmt import fmt_fixed
from nbnp.checks import as_matrix

__all__ = ["plot_bias_lines", "plot_cost_over_weight", "plot_vertical_distances"]


def _axes(ax: Axes | None, size: tuple[float, float]) -> Axes:
    if ax is None:
        ax = plt.subplots(figsize=size)[1]
    ax.figure.patch.set_facecolor("white")
    ax.set_facecolor("white")
    return ax


def _vector(name: str, value: object) -> np.ndarray:
    """``value`` as a finite 1-D float array, or a clear TypeError/ValueError naming it."""
    array = np.asarray(value)
    if array.ndim > 1:
        raise ValueError(f"{name} must be 1-D, but received shape {array.shape}")
    return as_matrix(name, np.atleast_2d(array)).ravel()


def _finite(name: str, value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float, np.floating, np.integer)):
        raise TypeError(f"{name} must be a real number, but received {type(value).__name__}")
    if not np.isfinite(value):
        raise ValueError(f"{name} must be finite, but received {value}")
    return float(value)


def plot_bias_lines(
    slope: float,
    biases: list[float],
    span: tuple[float, float] = (-2.0, 2.0),
    ax: Axes | None = None,
) -> Axes:
    """The lines y = m·x + b for one slope and several biases: the bias shifts the line.

    Parameters
    ----------
    slope : float
        m, the same for every line.
    biases : list of float
        One line per bias b; the line with b = 0 (if given) passes through the origin.
    span : tuple of float, optional
        The x range drawn.
    ax : matplotlib.axes.Axes, optional

    Returns
    -------
    matplotlib.axes.Axes

    Raises
    ------
    TypeError, ValueError
        If the slope is not a finite number or the biases are not finite numbers.
    """
    m = _finite("slope", slope)
    bs = _vector("biases", biases)
    ax = _axes(ax, (4.5, 3.2))
    x = np.linspace(*span, 101)
    for b in bs:
        ax.plot(x, m * x + b, linewidth=2, label=f"b = {fmt_fixed(b, 1)}")
        ax.scatter([0.0], [b], color="black", zorder=3, s=14)
    ax.axhline(0, color="0.6", linewidth=0.8)
    ax.axvline(0, color="0.6", linewidth=0.8)
    ax.set(xlabel="$x$", ylabel="$y = m x + b$", title=f"Same slope m = {fmt_fixed(m, 1)}, different biases")
    ax.grid(alpha=0.3)
    ax.legend(fontsize=8)
    return ax


def plot_vertical_distances(
    x: np.ndarray,
    y: np.ndarray,
    y_hat: np.ndarray,
    ax: Axes | None = None,
    decimals: int = 2,
    xlabel: str = "$x$",
    examples: bool = False,
) -> Axes:
    """Data points, a predictor's outputs, and the vertical distance between each pair.

    The squared-error loss of an example is half the square of the vertical
    distance between y and ŷ drawn here.

    Parameters
    ----------
    x : numpy.ndarray, shape (m,)
        Where the examples sit on the horizontal axis.
    y : numpy.ndarray, shape (m,)
        Their labels.
    y_hat : numpy.ndarray, shape (m,)
        The predictor's outputs at ``x`` (joined by a line, in the order of ``x``).
    ax : matplotlib.axes.Axes, optional
    decimals : int, optional
        Decimals of the distances written beside the segments.
    xlabel : str, optional
        The horizontal axis's label.
    examples : bool, optional
        ``x`` numbers separate examples (1, 2, ...), not a variable: each
        prediction is a marker on an integer tick, not a point of a line
        (there is no "example 2.5" between them). Default False.

    Returns
    -------
    matplotlib.axes.Axes

    Raises
    ------
    ValueError
        If the three arrays do not have the same length.
    """
    x, y, y_hat = _vector("x", x), _vector("y", y), _vector("y_hat", y_hat)
    if not x.size == y.size == y_hat.size:
        raise ValueError(
            f"x, y and y_hat must have the same length, but received {x.size}, {y.size}, {y_hat.size}"
        )
    ax = _axes(ax, (4.5, 3.2))
    if examples:
        ax.scatter(x, y_hat, marker="s", s=40, zorder=3, label="predictions ŷ")
        ax.set_xticks(x)
        ax.set_xticklabels([f"{v:g}" for v in x])
        ax.set_xlim(x.min() - 0.6, x.max() + 0.6)
    else:
        order = np.argsort(x, kind="stable")
        ax.plot(x[order], y_hat[order], linewidth=2, label="predictions ŷ")
    ax.scatter(x, y, color="black", zorder=3, label="labels y")
    for xi, yi, pi in zip(x, y, y_hat):
        ax.plot([xi, xi], [yi, pi], color="#c0392b", linestyle="--", linewidth=1.2)
        middle = (xi, (yi + pi) / 2)
        ax.annotate(
            fmt_fixed(abs(yi - pi), decimals),
            middle,
            xytext=(4, 0),
            textcoords="offset points",
            fontsize=8,
            color="#c0392b",
            va="center",
        )
    ax.set(xlabel=xlabel, ylabel="$y$, $\\hat y$", title="Loss as a vertical distance")
    ax.grid(alpha=0.3)
    ax.legend(fontsize=8)
    return ax


def plot_cost_over_weight(
    weights: np.ndarray,
    costs: np.ndarray,
    start: float | None = None,
    ax: Axes | None = None,
    name: str = "$w_1$",
) -> Axes:
    """The cost as a function of one weight, the others held fixed.

    Parameters
    ----------
    weights : numpy.ndarray, shape (k,)
        The values of the weight, increasing.
    costs : numpy.ndarray, shape (k,)
        The cost at each value (computed by nbnp).
    start : float, optional
        A weight value to mark on the curve (the article's starting point).
    ax : matplotlib.axes.Axes, optional
    name : str, optional
        The weight's name on the x axis.

    Returns
    -------
    matplotlib.axes.Axes

    Raises
    ------
    ValueError
        If the arrays differ in length or the weights are not increasing.
    """
    w, c = _vector("weights", weights), _vector("costs", costs)
    if w.size != c.size:
        raise ValueError(f"weights and costs must have the same length, but received {w.size} and {c.size}")
    if w.size < 2 or np.any(np.diff(w) <= 0):
        raise ValueError("weights must be at least two increasing values")
    ax = _axes(ax, (4.5, 3.2))
    ax.plot(w, c, linewidth=2)
    if start is not None:
        s = _finite("start", start)
        ax.scatter([s], [np.interp(s, w, c)], color="black", zorder=3, label=f"{name} = {fmt_fixed(s, 1)}")
        ax.legend(fontsize=8)
    ax.set(xlabel=name, ylabel="cost", title=f"The cost along {name}, the rest held fixed")
    ax.grid(alpha=0.3)
    return ax
