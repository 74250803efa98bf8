"""The book's one formatting policy for printed numbers.

Printed output must be byte-identical on every machine and on NumPy 1.26 and
2.x, so nothing is printed through NumPy's own reprs (``np.float64(0.5)`` on
2.x, ``0.5`` on 1.x). Every number goes through these functions instead:

* :func:`fmt` for seeded-run numbers: 12 significant digits (``SIG``);
* :func:`fmt_fixed` for hand-worked numbers: the article's decimals;
* :func:`fmt_array` for arrays, with either rule.

Negative zero prints as ``0``.
"""

from __future__ import annotations

import numpy as np

__all__ = ["SIG", "fmt", "fmt_array", "fmt_fixed", "fmt_shape"]

#: Significant digits for numbers from seeded training runs.
SIG = 12


def fmt(x: float, sig: int = SIG) -> str:
    """Format a number to ``sig`` significant digits (``'g'`` style).

    Parameters
    ----------
    x : float
        The number (a Python or NumPy scalar, or a 0-d array).
    sig : int, optional
        Significant digits, default :data:`SIG` (12).

    Returns
    -------
    str
        For example ``fmt(0.0010183054886511833)`` is ``'0.00101830548865'``.
    """
    return format(float(x) + 0.0, f".{sig}g")


def fmt_fixed(x: float, decimals: int = 3) -> str:
    """Format a number with a fixed number of decimals, as the article rounds.

    Parameters
    ----------
    x : float
        The number.
    decimals : int, optional
        Digits after the point, default 3.

    Returns
    -------
    str
        For example ``fmt_fixed(0.46879, 3)`` is ``'0.469'``; ``-0.0001`` gives ``'0.000'``.
    """
    text = format(float(x), f".{decimals}f")
    return text[1:] if text.startswith("-") and float(text) == 0 else text


def fmt_array(A: np.ndarray, sig: int | None = None, decimals: int | None = None) -> str:
    """Format an array as nested lists, every entry through one rule.

    Parameters
    ----------
    A : array_like, any shape
        The values.
    sig : int, optional
        Significant digits (default :data:`SIG` when ``decimals`` is not given).
    decimals : int, optional
        Fixed decimals instead of significant digits.

    Returns
    -------
    str
        For example ``'[[0.5, 0.646, 0.525, 0.668]]'`` with ``decimals=3``.
    """
    A = np.asarray(A, dtype=float)
    if A.ndim == 0:
        return fmt_fixed(A, decimals) if decimals is not None else fmt(A, sig or SIG)
    return "[" + ", ".join(fmt_array(row, sig, decimals) for row in A) + "]"


def fmt_shape(shape: tuple[int, ...]) -> str:
    """Format a shape as the article writes it, ``(1 × 4)``.

    Parameters
    ----------
    shape : tuple of int

    Returns
    -------
    str
    """
    return "(" + " × ".join(str(int(n)) for n in shape) + ")"
