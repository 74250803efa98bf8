"""Arrays in, finite float arrays out: the checks behind every array argument of :mod:`nbnp`.

A bad array is reported with the argument's name, what was expected and what
was received, instead of surfacing as a NumPy traceback or a silent NaN.

The checks are cheap next to the arithmetic they guard: an array that is
already a 2-D ``float64`` ndarray costs a few attribute tests and one sum
(see :func:`_all_finite`).
"""

from __future__ import annotations

import math
import numbers

import numpy as np

__all__ = [
    "as_array",
    "as_matrix",
    "check_finite",
    "check_no_overflow",
    "check_same_shape",
]

#: Arguments laid out as one row of labels or predictions, shape (1, m).
_ROW_ARGUMENTS = frozenset({"Y", "Y_hat", "predictions", "dY_hat"})
#: The shape an argument that is not data has, in the article's notation.
_PARAMETER_SHAPES = {"W": "(n_out, n_in)", "b": "(n_out, 1)"}


def _describe(value: object) -> str:
    """Short description of a received value for error messages."""
    if isinstance(value, np.ndarray):
        return f"an array of shape {value.shape} and dtype {value.dtype}"
    return f"{type(value).__name__} {value!r}"[:120]


def check_finite(name: str, A: np.ndarray) -> np.ndarray:
    """Raise ``ValueError`` if ``A`` holds NaN or infinity.

    Parameters
    ----------
    name : str
        Argument name used in the error message.
    A : numpy.ndarray, any shape
        Array to check.

    Returns
    -------
    numpy.ndarray
        ``A`` itself, unchanged.
    """
    if not _all_finite(A):
        bad = "NaN" if np.isnan(A).any() else "infinity"
        raise ValueError(f"{name} must contain only finite numbers, but it contains {bad}")
    return A


def check_no_overflow(what: str, A: np.ndarray, inputs: str) -> np.ndarray:
    """Raise ``ValueError`` if the result ``A``, computed from finite ``inputs``, overflowed.

    Parameters
    ----------
    what : str
        The result and its formula, for example ``"Z = W·A_prev + b"``.
    A : numpy.ndarray, any shape
        The result to check (one pass, see :func:`_all_finite`).
    inputs : str
        What the caller can make smaller, named in the message.

    Returns
    -------
    numpy.ndarray
        ``A`` itself, unchanged.
    """
    if not _all_finite(A):
        raise ValueError(
            f"{what} overflowed beyond the float range (±1.8e308) although its inputs are finite; "
            f"expected finite results: make {inputs} smaller"
        )
    return A


#: NumPy shares this one dtype object among float64 arrays, so an identity test
#: usually settles ``A.dtype == float64`` without building a dtype to compare.
_FLOAT64 = np.dtype(np.float64)


#: Arrays up to this size are checked in Python rather than through NumPy calls
#: (see :func:`_all_finite`); about where the two cost the same.
_SMALL = 16


def _all_finite(A: np.ndarray) -> bool:
    """True if no entry of ``A`` is NaN or ±inf.

    A NaN or an infinity makes a sum NaN or infinite, so a finite sum proves
    every entry finite, in one pass over ``A`` and without the temporary
    array of ``np.isfinite``. For a few entries Python's ``sum`` of them as
    a list is quicker than any NumPy call. A sum can also overflow with finite entries
    only; then ``np.isfinite`` decides.
    """
    if A.size <= _SMALL:
        if math.isfinite(sum(A.ravel().tolist())):
            return True
    else:
        with np.errstate(over="ignore", invalid="ignore"):
            if math.isfinite(A.sum()):
                return True
    return bool(np.isfinite(A).all())


def as_array(name: str, value: object) -> np.ndarray:
    """Return ``value`` as a finite float array of any shape, or raise.

    Parameters
    ----------
    name : str
        Argument name used in error messages.
    value : float or array_like, any shape
        Numeric input (a Python number becomes a 0-d array).

    Returns
    -------
    numpy.ndarray, same shape as ``value``, dtype float64
        The validated array (``value`` itself when it already is a float64 array).
    """
    if type(value) is not np.ndarray or (value.dtype is not _FLOAT64 and value.dtype != _FLOAT64):
        value = _coerce(name, value)
    if not _all_finite(value):  # one call fewer than check_finite on the hot path
        check_finite(name, value)  # raises, naming what it found
    return value


def as_matrix(name: str, value: object, rows: int | None = None, finite: bool = True) -> np.ndarray:
    """Return ``value`` as a finite 2-D float array, or raise a clear error.

    Parameters
    ----------
    name : str
        Argument name used in error messages (for example ``"A_prev"``).
    value : array_like, shape (n, m)
        The input: features (or units) along rows, examples along columns.
    rows : int, optional
        If given, the number of rows ``value`` must have.
    finite : bool, optional
        Whether to check here that ``value`` is finite (default). False when
        the caller checks a result that any NaN or infinity in ``value``
        makes non-finite, and then calls :func:`check_finite` on ``value`` to
        name it: one pass instead of two.

    Returns
    -------
    numpy.ndarray, shape (n, m), dtype float64
        The validated array (``value`` itself when it already qualifies).

    Raises
    ------
    TypeError
        If ``value`` is not numeric (strings, objects, booleans, None).
    ValueError
        If ``value`` is not 2-D, is empty, has the wrong number of rows, or
        contains NaN or infinity (when ``finite``).
    """
    if type(value) is not np.ndarray or (value.dtype is not _FLOAT64 and value.dtype != _FLOAT64):
        value = _coerce(name, value)
    if value.ndim != 2:
        raise ValueError(
            f"{name} must be a 2-D array of shape {_PARAMETER_SHAPES.get(name, '(features, examples)')}, "
            f"but received {_describe(value)}{_reshape_hint(name, value)}"
        )
    if value.size == 0:
        raise ValueError(f"{name} must not be empty, but received {_describe(value)}")
    if rows is not None and value.shape[0] != rows:
        raise ValueError(
            f"{name} must have {rows} row{'s' * (rows != 1)} ({_what_rows_are(name)}), "
            f"but received shape {value.shape}"
        )
    if finite and not _all_finite(value):  # one call fewer than check_finite on the hot path
        check_finite(name, value)  # raises, naming what it found
    return value


def _what_rows_are(name: str) -> str:
    """What one row of the argument ``name`` stands for, in an error message."""
    if name == "b":
        return "one per neuron, as W has"
    if name in _ROW_ARGUMENTS:
        return "labels and predictions are one row"
    return "one per input of the layer"


def _reshape_hint(name: str, value: np.ndarray) -> str:
    """How to turn a 1-D ``value`` into the expected matrix: a row for labels and for one
    neuron's weights, a column for biases and for one example."""
    if value.ndim != 1:
        return ""
    if name == "W":
        return f"; one neuron's weights are one row: use W.reshape(1, -1), shape (1, {value.size})"
    if name == "b":
        return f"; the biases are one column: use b.reshape(-1, 1), shape ({value.size}, 1)"
    if name in _ROW_ARGUMENTS:
        return f"; labels and predictions are one row: use {name}.reshape(1, -1), shape (1, {value.size})"
    return f"; a single example is one column: use {name}.reshape(-1, 1), shape ({value.size}, 1)"


def _coerce(name: str, value: object) -> np.ndarray:
    """Convert array-like numeric input to float64, rejecting anything else."""
    if isinstance(value, (str, bytes)) or value is None:
        raise TypeError(f"{name} must be a numeric array, but received {_describe(value)}")
    try:
        array = np.asarray(value)
    except (ValueError, TypeError) as err:
        raise TypeError(f"{name} must be a numeric array, but received {_describe(value)}") from err
    if array.dtype == object:  # Python ints beyond int64 (2**70) are real numbers too
        array = _object_to_float(name, array)
    if array.dtype == bool or array.dtype.kind not in "iuf":
        raise TypeError(
            f"{name} must be a numeric array of integers or floats, but received {_describe(array)}"
        )
    return array.astype(np.float64)


def _object_to_float(name: str, array: np.ndarray) -> np.ndarray:
    """An object array of real numbers (such as huge Python ints) as float64; anything else as is."""
    items = array.ravel().tolist()
    if not items or not all(isinstance(v, numbers.Real) and not isinstance(v, bool) for v in items):
        return array  # refused by the caller's dtype test, with the dtype in the message
    try:
        return array.astype(np.float64)
    except OverflowError:
        raise ValueError(f"{name} holds an integer too large for a float (beyond 1.8e308)") from None


def check_same_shape(name_a: str, a: np.ndarray, name_b: str, b: np.ndarray) -> None:
    """Raise ``ValueError`` unless ``a`` and ``b`` have the same shape.

    Parameters
    ----------
    name_a, name_b : str
        Argument names used in the error message.
    a, b : numpy.ndarray
        Arrays whose shapes must match exactly (no broadcasting).
    """
    if a.shape != b.shape:
        raise ValueError(
            f"{name_a} and {name_b} must have the same shape, but {name_a} has shape "
            f"{a.shape} and {name_b} has shape {b.shape} (no broadcasting is done)"
        )
