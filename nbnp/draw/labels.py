"""The texts a graph carries, formatted from a run, and the graph builders' shared checks.

Forward values and gradients are written on nodes and edges as
:func:`format_value` (a number or a short row) or :func:`matrix_text` (a whole
matrix, one line per row), with the article's decimals through :mod:`nbnp.article.fmt`;
layer and input indices as superscripts and subscripts.
"""

from __future__ import annotations

import numbers

import numpy as np

from nbnp.article.fmt import _digit_count, fmt_array, fmt_fixed
from nbnp.checks import as_array, as_matrix, check_positive_int

__all__ = [
    "LAYOUTS",
    "check_decimals",
    "check_layout",
    "check_step",
    "format_value",
    "matrix_text",
    "steps_so_far",
    "subscript",
    "superscript",
]

_SUP = str.maketrans("0123456789()", "⁰¹²³⁴⁵⁶⁷⁸⁹⁽⁾")
_SUB = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")


def format_value(value: float | np.ndarray, decimals: int = 3, max_items: int = 4) -> str:
    """Format a forward value or gradient for a node or edge.

    Parameters
    ----------
    value : float or array_like, any shape
        A scalar, or an array such as a (1, m) batch of activations.
    decimals : int, optional
        Fixed decimals, as the article rounds (default 3).
    max_items : int, optional
        Arrays with more entries are cut after ``max_items - 1`` and end in ``…``.

    Returns
    -------
    str
        ``'0.125'`` for a scalar or a one-element array, ``'[0.5, 0.646, 0.525, 0.668]'``
        for a (1, 4) array, ``'[0.5, 0.646, …]'`` with ``max_items=3`` and 4 entries
        (nested rows are flattened).
    """
    A = as_array("value", value)
    decimals = _digit_count(decimals, "decimals", 0)
    max_items = check_positive_int("max_items", max_items)
    if A.size == 0:
        raise ValueError(f"value must not be empty, but received an array of shape {A.shape}")
    if A.size == 1:
        return fmt_fixed(A.reshape(()), decimals)
    flat = A.ravel()
    if flat.size <= max_items:
        return fmt_array(flat, decimals=decimals)
    head = fmt_array(flat[: max(max_items - 1, 1)], decimals=decimals)
    return head[:-1] + ", …]"


def matrix_text(
    name: str,
    A: np.ndarray,
    decimals: int = 3,
    wrap: int | None = None,
    data: bool = False,
    align: bool = False,
) -> str:
    """``name = [...]`` with one line per row of ``A``, as drawn on a node or edge.

    Parameters
    ----------
    name : str
        What the matrix is (``"Ŷ"``, ``"∂Cost/∂W"``).
    A : array_like, shape (r, c)
        The matrix. A (1, 1) matrix prints as a plain number.
    decimals : int, optional
        Fixed decimals, default 3 as the article rounds.
    wrap : int, optional
        Put ``name =`` on a line of its own and at most ``wrap`` entries of
        a single row per line, so that long rows fit beside a short edge.
        Default: no wrapping.
    data : bool, optional
        The entries are data or labels: whole numbers print without decimals.
    align : bool, optional
        Indent the rows after the first under it (for monospace text).

    Returns
    -------
    str
        For example ``'X = [0, 0, 1, 1]\\n[0, 1, 0, 1]'``; with ``wrap=2``,
        ``'Ŷ =\\n[0.500, 0.646,\\n0.525, 0.668]'``.
    """
    A = as_matrix(name, A)
    if A.size == 1:
        return f"{name} = {fmt_fixed(A[0, 0], decimals)}"
    d = 0 if data and np.array_equal(A, np.round(A)) else decimals
    if wrap is not None and A.shape[0] == 1 and A.shape[1] >= wrap:
        items = [fmt_fixed(v, d) for v in A[0]]
        lines = [", ".join(items[i : i + wrap]) for i in range(0, len(items), wrap)]
        return f"{name} =\n[" + ",\n".join(lines) + "]"
    pad = " " * (len(name) + 3) if align else ""
    return f"{name} = " + f"\n{pad}".join(fmt_array(row, decimals=d) for row in A)


def superscript(text: str) -> str:
    """Digits and parentheses as superscripts: ``"(2)"`` → ``"⁽²⁾"``, for example indices."""
    return text.translate(_SUP)


def subscript(text: str) -> str:
    """Digits as subscripts: ``"12"`` → ``"₁₂"``, for input indices."""
    return text.translate(_SUB)


def check_step(step: object, steps: tuple[str, ...], aliases: dict[str, str]) -> str:
    """Validate a builder's ``step`` against its worked steps and their aliases; return the step."""
    if not isinstance(step, str) or aliases.get(step, step) not in steps:
        raise ValueError(f"step must be one of {list(steps) + list(aliases)}, but received {step!r}")
    return aliases.get(step, step)


#: The layouts a graph builder offers — left to right for a desktop column, top to bottom for a
#: phone's (drawn with ``draw_graph(..., phone=True)``, see :mod:`nbnp.draw.graph`).
LAYOUTS = ("desktop", "phone")


def check_layout(layout: object) -> str:
    """Validate a builder's ``layout`` (one of :data:`LAYOUTS`); return it."""
    if layout not in LAYOUTS:
        raise ValueError(f"layout must be one of {list(LAYOUTS)}, but received {layout!r}")
    return layout


def check_decimals(decimals: object) -> int:
    """Validate a number of decimals (a non-negative integer)."""
    if isinstance(decimals, bool) or not isinstance(decimals, numbers.Integral) or decimals < 0:
        raise ValueError(f"decimals must be a non-negative integer, but received {decimals!r}")
    return int(decimals)


def steps_so_far(
    step: object, steps: tuple[str, ...], aliases: dict[str, str], decimals: object
) -> tuple[str, set[str], int]:
    """A builder's checked arguments: the current step, the steps shown so far, the decimals.

    Parameters
    ----------
    step : str
        One of ``steps`` or a key of ``aliases``.
    steps : tuple of str
        The builder's worked steps, in order; a step shows those before it too.
    aliases : dict
        Other names of some steps (``{"backward": "dW"}``).
    decimals : int
        Decimals of every printed number.

    Returns
    -------
    current : str
    shown : set of str
        ``current`` and every step before it.
    decimals : int
    """
    current = check_step(step, steps, aliases)
    return current, set(steps[: steps.index(current) + 1]), check_decimals(decimals)
