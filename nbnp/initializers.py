"""Weight and bias initialization, the article's ``initialize_parameters``."""

from __future__ import annotations

import numpy as np

from nbnp.validation import check_positive_int

__all__ = ["INI_TYPES", "initialize_parameters"]

#: Valid values of ``ini_type`` and the scale each applies to a standard normal draw.
INI_TYPES = ("plain", "xavier", "he")


def _scale(ini_type: str, n_in: int) -> float | None:
    """Multiplier for ``plain`` and ``he``; None for ``xavier`` (a division)."""
    if ini_type == "plain":
        return 0.01
    if ini_type == "he":
        return np.sqrt(2 / n_in)
    return None


def initialize_parameters(
    n_in: int,
    n_out: int,
    ini_type: str = "plain",
    random_state: np.random.RandomState | None = None,
) -> dict[str, np.ndarray]:
    """Random weights and zero biases for a linear layer.

    Parameters
    ----------
    n_in : int
        Number of inputs to the layer (rows of ``A_prev``).
    n_out : int
        Number of neurons in the layer.
    ini_type : {"plain", "xavier", "he"}, optional
        ``plain``: N(0, 1) × 0.01; ``xavier``: N(0, 1) / √n_in;
        ``he``: N(0, 1) × √(2 / n_in). Default ``"plain"``.
    random_state : numpy.random.RandomState, optional
        Source of the normal draws. By default NumPy's legacy global stream,
        so ``np.random.seed(48)`` reproduces the article's runs.

    Returns
    -------
    dict
        ``"W"``: numpy.ndarray, shape (n_out, n_in), the weights;
        ``"b"``: numpy.ndarray, shape (n_out, 1), zeros.
    """
    n_in, n_out = _check_arguments(n_in, n_out, ini_type, random_state)
    draw = (random_state or np.random).randn(n_out, n_in)
    scale = _scale(ini_type, n_in)
    W = draw / np.sqrt(n_in) if scale is None else draw * scale
    return {"W": W, "b": np.zeros((n_out, 1))}


def _check_arguments(n_in: object, n_out: object, ini_type: object, random_state: object) -> tuple[int, int]:
    """``n_in`` and ``n_out`` as ints, once all four arguments are known to be valid."""
    n_in = check_positive_int("n_in", n_in)
    n_out = check_positive_int("n_out", n_out)
    if ini_type not in INI_TYPES:
        raise ValueError(
            f"ini_type must be one of {', '.join(repr(t) for t in INI_TYPES)}, but received {ini_type!r}"
        )
    if random_state is not None and not isinstance(random_state, np.random.RandomState):
        raise TypeError(
            "random_state must be a numpy.random.RandomState or None, "
            f"but received {type(random_state).__name__}"
        )
    return n_in, n_out
