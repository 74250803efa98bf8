"""How well can a straight line separate two classes? A brute-force measurement.

A single sigmoid neuron on two features decides by the sign of
w₁x₁ + w₂x₂ + b, so whatever it learns, its predictions are those of some
straight line. :func:`best_linear_accuracy` tries every line (to the
resolution of an angle grid) and reports the best accuracy any of them
reaches: 100 for the OR gate, 75 for XOR.
"""

from __future__ import annotations

import numpy as np

from nbnp.checks import as_matrix, check_positive_int

__all__ = ["best_linear_accuracy"]


def best_linear_accuracy(X: np.ndarray, Y: np.ndarray, n_angles: int = 360) -> float:
    """The best accuracy a straight-line decision boundary reaches on 2-D data.

    For each of ``n_angles`` directions u (angles evenly spaced in [0, π)),
    the points are projected onto u and every threshold between consecutive
    projections, and one below them all, is tried with class 1 on either
    side (so the one below them all predicts either class everywhere).
    Every way a line can split a finite point set is found once the angle
    grid is fine enough to fall between the directions where two points
    project equally; 360 angles is ample for the book's small datasets.

    Parameters
    ----------
    X : numpy.ndarray, shape (2, m)
        Two features × m examples.
    Y : numpy.ndarray, shape (1, m)
        Labels, 0 or 1.
    n_angles : int, optional
        Number of directions tried, default 360.

    Returns
    -------
    float
        The best accuracy in percent, 0 to 100 (at least 50: a line with all
        points on one side predicts the majority class).
    """
    X, Y = as_matrix("X", X, rows=2), as_matrix("Y", Y, rows=1)
    if X.shape[1] != Y.shape[1]:
        raise ValueError(f"X and Y must have the same number of columns, got {X.shape[1]} and {Y.shape[1]}")
    if not np.isin(Y, (0.0, 1.0)).all():
        raise ValueError("Y must contain only the labels 0 and 1")
    n_angles = check_positive_int("n_angles", n_angles)
    y = Y[0] == 1
    best = 0.0
    for theta in np.arange(n_angles) * np.pi / n_angles:
        p = np.cos(theta) * X[0] + np.sin(theta) * X[1]
        edges = np.unique(p)
        thresholds = np.concatenate([[edges[0] - 1], (edges[:-1] + edges[1:]) / 2])
        above = p[None, :] > thresholds[:, None]  # one row per threshold
        correct = (above == y).mean(axis=1)
        best = max(best, float(correct.max()), float((1 - correct).max()))
    return best * 100
