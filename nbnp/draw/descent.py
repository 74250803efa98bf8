"""A gradient-descent walk drawn on its loss curve, one green arrow per step (matplotlib).

The walk comes from :func:`nbnp.descent_path`, on a curve such as
:class:`nbnp.Parabola`.
"""

from __future__ import annotations

from typing import Callable

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.axes import Axes

from nbnp.checks import as_array

__all__ = ["STEP_COLOR", "plot_descent"]

#: Colour of the gradient-descent arrows (green, as in the article's figures).
STEP_COLOR = "#1e8449"
_MIN_ARROW = 30.0  # pixels: a shorter step gets no arrowhead


def plot_descent(
    loss: Callable[[np.ndarray], np.ndarray],
    path: np.ndarray,
    ax: Axes | None = None,
    title: str = "",
    span: tuple[float, float] | None = None,
) -> Axes:
    """Draw a loss curve and the gradient-descent steps on it as green arrows.

    The start θ₀ is a black dot, every later θ a green one; each arrow is drawn
    above the dots and ends at the rim of the next one, so no marker hides its head. A step too short
    on the page for an arrowhead (under 30 pixels) is a plain green line, so
    that many small steps read as a path of dots rather than a pile of heads.

    Parameters
    ----------
    loss : callable
        L(θ), vectorized: maps an array of shape (N,) to shape (N,).
    path : array_like, shape (n,)
        θ₀ … θₙ₋₁ from :func:`nbnp.descent_path`.
    ax : matplotlib.axes.Axes, optional
    title : str, optional
    span : tuple of float, optional
        (θ_min, θ_max) of the drawn curve; default the path's range plus a margin.

    Returns
    -------
    matplotlib.axes.Axes
    """
    path = as_array("path", path).reshape(-1)
    if path.size < 2:
        raise ValueError(f"path must hold at least two points, but received {path.size}")
    if span is None:
        low, high = float(path.min()), float(path.max())
        pad = 0.15 * max(high - low, 1e-9)
        span = (low - pad, high + pad)
    if ax is None:
        ax = plt.subplots(figsize=(4.5, 3.4))[1]
    grid = np.linspace(span[0], span[1], 400)
    ax.plot(grid, loss(grid), color="#1f77b4", linewidth=2, zorder=1)
    heights = np.asarray(loss(path), dtype=float)
    ax.scatter(path, heights, color=STEP_COLOR, s=18, zorder=2)
    ax.autoscale_view()
    pixels = ax.transData.transform(np.column_stack([path, heights]))
    steps = np.hypot(*np.diff(pixels, axis=0).T)
    for k, long_enough in enumerate(steps >= _MIN_ARROW):
        (a, b), (la, lb) = path[k : k + 2], heights[k : k + 2]
        if long_enough:
            ax.annotate(
                "",
                xy=(b, lb),
                xytext=(a, la),
                # above the dots, the head ending at the next dot's rim: never hidden by a marker
                arrowprops={"arrowstyle": "-|>", "color": STEP_COLOR, "lw": 1.8,
                            "shrinkA": 0, "shrinkB": 2.5},
                zorder=3,
            )
        else:
            ax.plot([a, b], [la, lb], color=STEP_COLOR, lw=1.8, zorder=3)
    ax.scatter(path[:1], heights[:1], color="black", s=36, zorder=4)  # the start θ₀
    ax.set_xlabel("$\\theta$")
    ax.set_ylabel("$L(\\theta)$")
    ax.set_title(title)
    ax.grid(alpha=0.3)
    return ax
