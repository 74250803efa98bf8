"""Random weights and zero biases for a linear layer: the article's ``initialize_parameters``."""

from __future__ import annotations

import numpy as np

from nbnp.checks import check_positive_int

__all__ = ["INI_TYPES", "initialize_parameters"]

#: The values ``ini_type`` may take.
INI_TYPES = ("plain", "xavier", "he")


def initialize_parameters(
    n_in: int,
    n_out: int,
    ini_type: str = "plain",
    random_state: np.random.RandomState | None = None,
) -> dict[str, np.ndarray]:
    """Weights drawn from a scaled standard normal, biases zero.

    Explained in chapter 8.

    Parameters
    ----------
    n_in : int
        Inputs of the layer (rows of ``A_prev``).
    n_out : int
        Neurons of the layer.
    ini_type : {"plain", "xavier", "he"}, optional
        The scale of N(0, 1): ``plain`` × 0.01, ``xavier`` ÷ √n_in,
        ``he`` × √(2 / n_in). Default ``"plain"``.
    random_state : numpy.random.RandomState, optional
        Where the draws come from; by default NumPy's global stream, so
        ``np.random.seed(48)`` gives the article's weights.

    Returns
    -------
    dict
        ``"W"``: shape (n_out, n_in); ``"b"``: zeros, shape (n_out, 1).

    Raises
    ------
    TypeError, ValueError
        If a size is not a positive int, or ``ini_type`` is unknown.
    """
    n_in, n_out = check_positive_int("n_in", n_in), check_positive_int("n_out", n_out)
    if ini_type not in INI_TYPES:
        raise ValueError(f"ini_type must be one of {INI_TYPES}, but received {ini_type!r}")
    if random_state is not None and not isinstance(random_state, np.random.RandomState):
        raise TypeError(f"random_state must be None or a numpy.random.RandomState such as "
                        f"np.random.RandomState(42), but received {random_state!r:.40}")
    draw = (random_state or np.random).randn(n_out, n_in)
    if ini_type == "plain":
        W = draw * 0.01
    elif ini_type == "xavier":
        W = draw / np.sqrt(n_in)
    else:
        W = draw * np.sqrt(2 / n_in)
    return {"W": W, "b": np.zeros((n_out, 1))}
