"""Predictions of a trained network and their accuracy (chapters 5 to 8)."""

from __future__ import annotations

import numpy as np

from nbnp.layers import Layer
from nbnp.train import forward
from nbnp.validation import as_matrix, check_binary, check_real

__all__ = ["accuracy", "predict"]


def predict(layers: list[Layer], X: np.ndarray, threshold: float = 0.5) -> np.ndarray:
    """Class predictions: 1 where the network's output exceeds ``threshold``.

    Parameters
    ----------
    layers : list of Layer
    X : numpy.ndarray, shape (n_x, m)
    threshold : float, optional
        A finite real number; default 0.5, as in the article (strictly greater than).

    Returns
    -------
    numpy.ndarray, shape (1, m)
        0.0 or 1.0 per example.
    """
    threshold = check_real("threshold", threshold)
    return (forward(layers, X) > threshold).astype(float)


def accuracy(predictions: np.ndarray, Y: np.ndarray) -> float:
    """Percentage of predictions equal to the labels.

    Parameters
    ----------
    predictions : numpy.ndarray, shape (1, m)
        Class predictions, 0 or 1 (as :func:`predict` returns them).
    Y : numpy.ndarray, shape (1, m)
        Labels, 0 or 1.

    Returns
    -------
    float
        Accuracy in percent, 0 to 100.

    Raises
    ------
    ValueError
        If an entry of either is not 0 or 1 (probabilities, −1/+1 labels),
        or their shapes differ.
    """
    predictions = check_binary("predictions", as_matrix("predictions", predictions))
    Y = check_binary("Y", as_matrix("Y", Y))
    if predictions.shape != Y.shape:
        raise ValueError(f"predictions and Y must have the same shape, got {predictions.shape} and {Y.shape}")
    return float(np.mean(predictions == Y) * 100)
