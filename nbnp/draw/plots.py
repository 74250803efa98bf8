"""Data, learning-curve and decision-boundary plots (matplotlib, PNG in the book).

Every function draws on the ``ax`` it is given (or a new one) and returns the
Axes. Colours follow the article: class 0 is a red dot, class 1 a green cross;
the region a network assigns to class 0 is shaded red, class 1 green.
"""

from __future__ import annotations

from typing import Callable

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.axes import Axes
from matplotlib.colors import ListedColormap

from nbnp.checks import as_matrix, check_labels, check_layers
from nbnp.training import History, forward

__all__ = [
    "CLASS_COLORS",
    "network_proba",
    "plot_data",
    "plot_decision_boundary",
    "plot_learning_curve",
]

#: Marker colours for class 0 and class 1 (legible on light and dark backgrounds).
CLASS_COLORS = ("#d62728", "#2ca02c")


def _axes(ax: Axes | None) -> Axes:
    return ax if ax is not None else plt.subplots(figsize=(4.5, 4))[1]


def _check_data(X: object, Y: object) -> tuple[np.ndarray, np.ndarray]:
    """Validate two-feature data ``X`` (2+, m) and its labels ``Y`` (1, m)."""
    X, Y = as_matrix("X", X), check_labels("Y", as_matrix("Y", Y))
    if X.shape[0] < 2:
        raise ValueError(
            f"X must have at least 2 rows (features x1, x2) to plot, but received shape {X.shape}"
        )
    if Y.shape != (1, X.shape[1]):
        raise ValueError(
            f"Y must have shape (1, {X.shape[1]}), one label per column of X, but received shape {Y.shape}"
        )
    return X, Y


def plot_data(X: np.ndarray, Y: np.ndarray, ax: Axes | None = None, title: str = "") -> Axes:
    """Scatter two-feature data: class 0 as red dots, class 1 as green crosses.

    Parameters
    ----------
    X : numpy.ndarray, shape (2, m)
        Features × examples (only the first two rows are drawn).
    Y : numpy.ndarray, shape (1, m)
        Labels, 0 or 1.
    ax : matplotlib.axes.Axes, optional
    title : str, optional

    Returns
    -------
    matplotlib.axes.Axes
    """
    X, Y = _check_data(X, Y)
    ax = _axes(ax)
    for label, marker in ((0, "o"), (1, "x")):
        cols = Y[0] == label
        ax.scatter(
            X[0, cols],
            X[1, cols],
            c=CLASS_COLORS[label],
            marker=marker,
            s=90,
            linewidths=2.5,
            label=f"y = {label}",
            zorder=3,
        )
    ax.set_xlabel("$x_1$")
    ax.set_ylabel("$x_2$")
    ax.set_title(title)
    # Beside the axes, never over a point (inside, "best" covered the point (2, 2) of a wider plot).
    ax.legend(loc="upper left", bbox_to_anchor=(1.02, 1.0), borderaxespad=0.0)
    return ax


def plot_learning_curve(history: History, ax: Axes | None = None, title: str = "") -> Axes:
    """Cost against epoch, from a :class:`nbnp.History`.

    Parameters
    ----------
    history : History
        Recorded epochs and costs.
    ax : matplotlib.axes.Axes, optional
    title : str, optional

    Returns
    -------
    matplotlib.axes.Axes
    """
    if not isinstance(history, History):
        raise TypeError(f"history must be a nbnp.History, got {type(history).__name__}")
    ax = _axes(ax)
    ax.plot(history.epochs, history.costs, color="#1f77b4", linewidth=2)
    ax.set_xlabel("epoch")
    ax.set_ylabel("cost")
    ax.set_title(title or "Learning curve")
    ax.grid(alpha=0.3)
    return ax


def network_proba(
    layers: list, features: Callable[[np.ndarray], np.ndarray] | None = None
) -> Callable[[np.ndarray], np.ndarray]:
    """Turn a trained network into a function from points to output activations.

    Parameters
    ----------
    layers : list of Layer
        The trained network.
    features : callable, optional
        Maps points of shape (2, N) to the network's inputs, for example
        :func:`nbnp.feature_cross` to add x₁·x₂.

    Returns
    -------
    callable
        ``proba(P)`` with ``P`` of shape (2, N), returning shape (1, N).

    Raises
    ------
    TypeError
        If ``layers`` is not a non-empty list of layers.
    """
    layers = check_layers(layers)
    return lambda P: forward(layers, features(P) if features else P)


def plot_decision_boundary(
    proba: Callable[[np.ndarray], np.ndarray],
    X: np.ndarray,
    Y: np.ndarray,
    ax: Axes | None = None,
    shaded: bool = False,
    margin: float = 0.5,
    resolution: int = 300,
    title: str = "",
) -> Axes:
    """Draw where the output crosses 0.5: as a line, or as shaded regions.

    Parameters
    ----------
    proba : callable
        Maps points of shape (2, N) to outputs of shape (1, N) (see
        :func:`network_proba`).
    X : numpy.ndarray, shape (2, m)
        Training data, drawn on top and used for the plot's extent.
    Y : numpy.ndarray, shape (1, m)
        Labels.
    ax : matplotlib.axes.Axes, optional
    shaded : bool, optional
        Shade the class-0 region red and the class-1 region green instead of
        drawing only the boundary line.
    margin : float, optional
        Extra space around the data.
    resolution : int, optional
        Grid points per axis.
    title : str, optional

    Returns
    -------
    matplotlib.axes.Axes

    Raises
    ------
    TypeError
        If ``proba`` is not callable (a list of layers is named as such), or
        ``X``/``Y`` are not numeric arrays.
    ValueError
        If ``X`` is not (2, m) or ``Y`` not (1, m) labels 0 or 1.
    """
    if isinstance(proba, (list, tuple)):
        raise TypeError(
            "proba must be a function from points (2, N) to outputs (1, N), but received a "
            f"{type(proba).__name__} (of layers?): pass nbnp.network_proba(layers)"
        )
    X, Y = _check_data(X, Y)
    ax = _axes(ax)
    x1 = np.linspace(X[0].min() - margin, X[0].max() + margin, resolution)
    x2 = np.linspace(X[1].min() - margin, X[1].max() + margin, resolution)
    G1, G2 = np.meshgrid(x1, x2)
    out = np.asarray(proba(np.vstack([G1.ravel(), G2.ravel()]))).reshape(G1.shape)
    if shaded:
        ax.contourf(
            G1,
            G2,
            (out > 0.5).astype(float),
            levels=[-0.5, 0.5, 1.5],
            cmap=ListedColormap(CLASS_COLORS),
            alpha=0.3,
        )
    ax.contour(G1, G2, out, levels=[0.5], colors="#1f77b4", linewidths=2)
    plot_data(X, Y, ax=ax, title=title or "Decision boundary")
    return ax
