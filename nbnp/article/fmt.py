"""The book's one formatting policy for printed numbers.

Printed output must be byte-identical on every machine and on NumPy 1.26 and
2.x, so nothing is printed through NumPy's own reprs (``np.float64(0.5)`` on
2.x, ``0.5`` on 1.x). Every number goes through these functions instead:

* :func:`fmt` for seeded-run numbers: 12 significant digits (``SIG``);
* :func:`fmt_fixed` for hand-worked numbers: the article's decimals;
* :func:`fmt_array` for arrays, with either rule.

Negative zero prints as ``0``. A number the book prints is finite: NaN and
infinity raise ``ValueError`` rather than print as ``nan`` or ``inf``, so a
diverged or broken computation stops the chapter instead of slipping into its
text. Digit counts are whole numbers in a documented range; anything else
raises ``TypeError``/``ValueError`` naming the argument.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from functools import partial
from numbers import Integral, Real

import numpy as np

from nbnp.checks import as_array, check_finite

__all__ = ["MAX_DIGITS", "SIG", "fmt", "fmt_array", "fmt_fixed", "fmt_magnitude", "fmt_shape"]

#: Significant digits for numbers from seeded training runs.
SIG = 12

#: The most digits ``sig`` or ``decimals`` may ask for. 17 significant digits
#: identify every float64; more only print its binary value's decimal tail.
#: Likewise a number needing more than 17 decimals is below 1e-17 and belongs to
#: :func:`fmt`.
MAX_DIGITS = 17


def _digit_count(value: object, name: str, low: int) -> int:
    """``value`` as a digit count from ``low`` to :data:`MAX_DIGITS`, or a clear error."""
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, Integral):
        raise TypeError(f"{name} must be an int, received {type(value).__name__} {value!r}")
    if not low <= value <= MAX_DIGITS:
        raise ValueError(f"{name} must be from {low} to {MAX_DIGITS}, received {value}")
    return int(value)


def _finite_number(x: object, name: str = "x") -> float:
    """``x`` (a real scalar or a 0-d real array) as a finite float, or a clear error."""
    if isinstance(x, np.ndarray):
        if x.ndim != 0:
            raise TypeError(f"{name} must be a single number, received an array of shape {x.shape}")
        x = x[()]
    if isinstance(x, (bool, np.bool_)) or not isinstance(x, Real):
        raise TypeError(f"{name} must be a real number, received {type(x).__name__} {x!r}")
    try:
        value = float(x)
    except OverflowError:
        raise ValueError(f"{name} is too large for a float: {x}") from None
    if not np.isfinite(value):
        raise ValueError(f"{name} must be a finite number, received {value}")
    return value


def fmt(x: float, sig: int = SIG) -> str:
    """Format a number to ``sig`` significant digits (``'g'`` style).

    Parameters
    ----------
    x : float
        A finite real number: a Python or NumPy scalar, or a 0-d array.
    sig : int, optional
        Significant digits, from 1 to :data:`MAX_DIGITS`; default :data:`SIG` (12).

    Returns
    -------
    str
        For example ``fmt(0.0010183054886511833)`` is ``'0.00101830548865'``.

    Raises
    ------
    TypeError
        If ``x`` is not a real number (a string, a bool, an array of several
        values) or ``sig`` is not an int.
    ValueError
        If ``x`` is NaN or infinite, or ``sig`` is out of range.
    """
    sig = _digit_count(sig, "sig", 1)
    return format(_finite_number(x) + 0.0, f".{sig}g")


def fmt_fixed(x: float, decimals: int = 3) -> str:
    """Format a number with a fixed number of decimals, as the article rounds.

    Parameters
    ----------
    x : float
        A finite real number: a Python or NumPy scalar, or a 0-d array.
    decimals : int, optional
        Digits after the point, from 0 to :data:`MAX_DIGITS`; default 3.

    Returns
    -------
    str
        For example ``fmt_fixed(0.46879, 3)`` is ``'0.469'``; ``-0.0001`` gives ``'0.000'``.

    Raises
    ------
    TypeError
        If ``x`` is not a real number or ``decimals`` is not an int.
    ValueError
        If ``x`` is NaN or infinite, or ``decimals`` is out of range.
    """
    decimals = _digit_count(decimals, "decimals", 0)
    text = format(_finite_number(x), f".{decimals}f")
    return text[1:] if text.startswith("-") and float(text) == 0 else text


def fmt_array(A: np.ndarray, sig: int | None = None, decimals: int | None = None) -> str:
    """Format an array as nested lists, every entry through one rule.

    Parameters
    ----------
    A : array_like of finite real numbers, any shape
        The values (ints or floats; not bools, strings or objects).
    sig : int, optional
        Significant digits (default :data:`SIG` when ``decimals`` is not given).
    decimals : int, optional
        Fixed decimals instead of significant digits. Give ``sig`` or
        ``decimals``, not both.

    Returns
    -------
    str
        For example ``'[[0.5, 0.646, 0.525, 0.668]]'`` with ``decimals=3``.

    Raises
    ------
    TypeError
        If ``A`` does not hold real numbers, or a digit count is not an int.
    ValueError
        If an entry of ``A`` is NaN or infinite, a digit count is out of range,
        or both ``sig`` and ``decimals`` are given.
    """
    if sig is not None and decimals is not None:
        raise ValueError(f"give sig or decimals, not both: received sig={sig!r}, decimals={decimals!r}")
    if decimals is None:
        sig = _digit_count(SIG if sig is None else sig, "sig", 1)
    else:
        decimals = _digit_count(decimals, "decimals", 0)
    one = partial(fmt, sig=sig) if decimals is None else partial(fmt_fixed, decimals=decimals)
    return _nested(check_finite("A", as_array("A", A)), one)


def _nested(A: np.ndarray, one: Callable[[np.ndarray], str]) -> str:
    """``A`` as nested lists, each entry written by ``one``."""
    if A.ndim == 0:
        return one(A)
    return "[" + ", ".join(_nested(row, one) for row in A) + "]"


def fmt_shape(shape: tuple[int, ...]) -> str:
    """Format a shape as the article writes it, ``(1 × 4)``.

    Parameters
    ----------
    shape : tuple of int
        Non-negative whole numbers, such as an array's ``.shape`` (a list also works).

    Returns
    -------
    str
        For example ``fmt_shape((2, 3))`` is ``'(2 × 3)'``.

    Raises
    ------
    TypeError
        If ``shape`` is not a tuple or list of ints (``(2.7, 4)`` is refused,
        not printed as ``(2 × 4)``).
    ValueError
        If a dimension is negative.
    """
    if not isinstance(shape, (tuple, list)):
        raise TypeError(f"shape must be a tuple of int, received {type(shape).__name__} {shape!r}")
    for i, n in enumerate(shape):
        if isinstance(n, (bool, np.bool_)) or not isinstance(n, Integral):
            raise TypeError(f"shape[{i}] must be an int, received {type(n).__name__} {n!r}")
        if n < 0:
            raise ValueError(f"shape[{i}] must be non-negative, received {n}")
    return "(" + " × ".join(str(int(n)) for n in shape) + ")"


def fmt_magnitude(x: float) -> str:
    """A number at least 0 as the power of ten nearest on a log scale, ``'1e-10'`` (``'0'`` for 0).

    Gradient checks' relative errors differ between machines in their last
    bits, so the book prints only their order of magnitude: ``3.0e-10`` gives
    ``'1e-10'`` (log₁₀ = −9.52), ``4.0e-10`` gives ``'1e-9'``.

    Raises
    ------
    TypeError, ValueError
        If ``x`` is not a finite real number of at least 0.
    """
    x = _finite_number(x)
    if x < 0:
        raise ValueError(f"x must be at least 0, received {x}")
    return "0" if x == 0 else f"1e{round(math.log10(x))}"
