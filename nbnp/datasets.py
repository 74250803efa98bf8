"""The article's toy datasets, features × examples, and feature crosses.

Each gate returns ``X``, shape (2, 4), one column per input pair (0, 0),
(0, 1), (1, 0), (1, 1), and its labels ``Y``, shape (1, 4).
"""

from __future__ import annotations

import numpy as np

from nbnp.checks import as_matrix, check_positive_int

__all__ = ["and_gate", "feature_cross", "or_gate", "quadrant_xor", "xor_gate"]

_INPUTS = np.array([[0.0, 0.0, 1.0, 1.0], [0.0, 1.0, 0.0, 1.0]])


def _gate(labels: list[int]) -> tuple[np.ndarray, np.ndarray]:
    return _INPUTS.copy(), np.array([labels], dtype=float)


def or_gate() -> tuple[np.ndarray, np.ndarray]:
    """The OR gate: y = 1 if any input is 1. Explained in chapter 1."""
    return _gate([0, 1, 1, 1])


def and_gate() -> tuple[np.ndarray, np.ndarray]:
    """The AND gate: y = 1 only if both inputs are 1."""
    return _gate([0, 0, 0, 1])


def xor_gate() -> tuple[np.ndarray, np.ndarray]:
    """The XOR gate: y = 1 if exactly one input is 1. Explained in chapter 6."""
    return _gate([0, 1, 1, 0])


def quadrant_xor(points_per_quadrant: int = 4) -> tuple[np.ndarray, np.ndarray]:
    """XOR over the four quadrants: y = 1 where x₁·x₂ < 0.

    A fixed grid of ``points_per_quadrant`` points at 1 to 2 from each axis in
    every quadrant. Returns X, shape (2, 4n), and Y, shape (1, 4n).
    Explained in chapter 6.
    """
    n = check_positive_int("points_per_quadrant", points_per_quadrant)
    side = int(np.ceil(np.sqrt(n)))
    offsets = np.linspace(1.0, 2.0, side)
    grid = np.array([(a, b) for a in offsets for b in offsets][:n]).T
    signs = [(1, 1), (-1, 1), (-1, -1), (1, -1)]
    X = np.hstack([grid * np.array([[sx], [sy]]) for sx, sy in signs])
    Y = (X[0:1] * X[1:2] < 0).astype(float)
    return X, Y


def feature_cross(X: np.ndarray, i: int = 0, j: int = 1) -> np.ndarray:
    """X, shape (n, m), with the synthetic feature x_i · x_j as a new last row (n + 1, m).

    Explained in chapter 6.
    """
    X = as_matrix("X", X)
    return np.vstack([X, X[i] * X[j]])
