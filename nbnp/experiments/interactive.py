"""Value tables for the book's interactive figures, computed by nbnp when the book is built.

The HTML book draws two figures the reader can move: gradient descent on the
U-shaped curve with a learning-rate slider (chapter 3) and the single neuron on
the OR data with sliders for w₁, w₂ and b (chapter 1). Every number they show is
computed here, for every stop of every slider, and formatted once by
:func:`nbnp.fmt`; the page's ``_static/interactive.js`` only looks the numbers up
and draws them. The table travels inside the page, as JSON in a
``<script type="application/json">`` element, so that the figure works offline
and from ``file://`` (nothing is fetched).

* :func:`descent_table` and :func:`neuron_table` build the tables;
* :func:`figure_html` wraps one in the HTML element the script renders;
* :func:`show_interactive` displays it in a notebook (HTML only; plain text,
  used by the PDF, points to the HTML book).
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Sequence
from typing import Any

import numpy as np

from nbnp.article.fmt import fmt
from nbnp.experiments.descent import Parabola, descent_path
from nbnp.layers import LinearLayer, SigmoidLayer
from nbnp.losses import compute_cost

__all__ = [
    "ALPHAS",
    "SIG",
    "WEIGHT_START",
    "WEIGHT_STOPS",
    "descent_table",
    "figure_html",
    "neuron_table",
    "show_interactive",
]

#: Significant digits of every number the figures show.
SIG = 3

#: The learning-rate slider's stops — the article's 0.5, 5, 5×10⁻¹⁰ and 50, and more around them.
ALPHAS = (5e-10, 0.01, 0.1, 0.5, 1.0, 2.0, 5.0, 10.0, 15.0, 19.0, 20.0, 21.0, 25.0, 50.0)

#: The stops of the w₁, w₂ and b sliders — whole numbers, and the chapter's own 0.1 and 0.6.
WEIGHT_STOPS = (-4.0, -3.0, -2.0, -1.0, -0.5, 0.0, 0.1, 0.6, 1.0, 2.0, 3.0, 4.0)

#: Where the w₁, w₂ and b sliders start — chapter 1's weights w = (0.1, 0.6), and b = 0.
WEIGHT_START = (0.1, 0.6, 0.0)

_PLAIN = "Interactive figure: in the HTML version of the book."


def _fmts(values: Any) -> list[str]:
    return [fmt(float(v), SIG) for v in np.ravel(values)]


def descent_table(
    curve: Parabola, theta0: float, alphas: Sequence[float] = ALPHAS, steps: int = 10
) -> dict[str, Any]:
    """θ and L(θ) along gradient descent on ``curve``, for each learning rate.

    Parameters
    ----------
    curve : Parabola
        The U-shaped loss L(θ).
    theta0 : float
        Starting point θ₀.
    alphas : sequence of float, optional
        The slider's stops (default :data:`ALPHAS`).
    steps : int, optional
        Updates per path.

    Returns
    -------
    dict
        ``"kind": "descent"``; ``"curve"``: the curve's points ``{"theta", "loss"}``
        for drawing it; ``"stops"``: one ``{"alpha", "theta", "loss"}`` per α, each
        list of length ``steps + 1``. Every number is a string from :func:`nbnp.fmt`.
    """
    span = abs(theta0 - curve.minimum)
    grid = np.linspace(curve.minimum - 1.25 * span, curve.minimum + 1.25 * span, 41)
    stops = []
    for alpha in alphas:
        path = descent_path(curve.gradient, theta0, alpha, steps)
        stops.append({"alpha": fmt(alpha, SIG), "theta": _fmts(path), "loss": _fmts(curve(path))})
    return {"kind": "descent", "curve": {"theta": _fmts(grid), "loss": _fmts(curve(grid))}, "stops": stops}


def neuron_pass_batch(X: np.ndarray, Y: np.ndarray, w1: float, w2: float, b: float) -> dict[str, Any]:
    """Forward and backward pass of the single sigmoid neuron on a batch.

    Parameters
    ----------
    X : numpy.ndarray, shape (2, m)
    Y : numpy.ndarray, shape (1, m)
    w1, w2, b : float
        The weights and the bias.

    Returns
    -------
    dict
        ``"y_hat"`` (numpy.ndarray, shape (1, m)), ``"cost"`` (float, (1/2m)·Σ(y − ŷ)²),
        ``"dW"`` (shape (1, 2)) and ``"db"`` (shape (1, 1)).
    """
    linear = LinearLayer.from_params([[w1, w2]], b, m=X.shape[1])
    sigmoid = SigmoidLayer((1, X.shape[1]))
    Y_hat = sigmoid.forward(linear.forward(X))
    cost, dY_hat = compute_cost(Y, Y_hat)
    linear.backward(sigmoid.backward(dY_hat))
    return {"y_hat": Y_hat, "cost": cost, "dW": linear.dW, "db": linear.db}


def neuron_table(
    X: np.ndarray,
    Y: np.ndarray,
    stops: Sequence[float] = WEIGHT_STOPS,
    start: Sequence[float] = WEIGHT_START,
) -> dict[str, Any]:
    """ŷ, the cost and the gradients of the single neuron for every (w₁, w₂, b) on a grid.

    Parameters
    ----------
    X : numpy.ndarray, shape (2, m)
    Y : numpy.ndarray, shape (1, m)
    stops : sequence of float, optional
        The stops shared by the three sliders (default :data:`WEIGHT_STOPS`).
    start : sequence of 3 floats, optional
        Where the sliders of w₁, w₂ and b start (default :data:`WEIGHT_START`); each must
        be one of ``stops``.

    Returns
    -------
    dict
        ``"kind": "neuron"``, ``"stops"``, ``"start"`` (the stop index of each slider's
        start), the data ``"X"`` and ``"Y"``, and ``"grid"``: a dict keyed ``"i,j,k"``
        (the stop indices of w₁, w₂, b) of ``{"y_hat", "cost", "dW", "db"}``. Every number
        is a string from :func:`nbnp.fmt`.

    Raises
    ------
    ValueError
        If ``start`` is not three of the ``stops``.
    """
    stops = [float(v) for v in stops]
    if len(start) != 3 or any(float(v) not in stops for v in start):
        raise ValueError(f"start must be three of the stops {stops} (w1, w2, b), but received {start}")
    grid = {}
    indices = range(len(stops))
    for i, j, k in itertools.product(indices, indices, indices):
        run = neuron_pass_batch(X, Y, stops[i], stops[j], stops[k])
        grid[f"{i},{j},{k}"] = {
            "y_hat": _fmts(run["y_hat"]),
            "cost": fmt(run["cost"], SIG),
            "dW": _fmts(run["dW"]),
            "db": _fmts(run["db"]),
        }
    begin = [stops.index(float(v)) for v in start]
    return {"kind": "neuron", "stops": _fmts(stops), "start": begin, "X": _fmts(X.T), "Y": _fmts(Y),
            "grid": grid}


def figure_html(table: dict[str, Any], name: str) -> str:
    """The HTML element ``_static/interactive.js`` turns into a figure.

    Parameters
    ----------
    table : dict
        From :func:`descent_table` or :func:`neuron_table`.
    name : str
        The figure's id in the page (letters, digits and ``-``).

    Returns
    -------
    str
        A ``<div class="nbnp-interactive">`` holding the table as JSON; the same
        table always gives the same bytes.
    """
    if not name.replace("-", "").isalnum():
        raise ValueError(f"name must hold only letters, digits and '-', but received {name!r}")
    data = json.dumps(table, sort_keys=True, separators=(",", ":"), ensure_ascii=False).replace("</", "<\\/")
    return (
        f'<div class="nbnp-interactive" id="{name}" data-kind="{table["kind"]}">'
        f'<script type="application/json">{data}</script>'
        f"<noscript>{_PLAIN}</noscript></div>"
    )


def show_interactive(table: dict[str, Any], name: str) -> None:
    """Display the figure in a notebook: HTML, with a plain-text line for the PDF.

    Parameters
    ----------
    table : dict
        From :func:`descent_table` or :func:`neuron_table`.
    name : str
        The figure's id in the page.
    """
    from IPython.display import display

    display({"text/html": figure_html(table, name), "text/plain": _PLAIN}, raw=True)
