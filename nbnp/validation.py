"""Input checks that turn bad input into a clear error.

Every public entry point of :mod:`nbnp` validates what it is given here, so a
mistake is reported with the argument's name, what was expected and what was
received, instead of surfacing as a NumPy traceback or a silent NaN.

This module checks numbers and other arguments (a learning rate that is
already a positive Python ``float`` skips the abstract-class checks); the
array checks live in :mod:`nbnp.array_checks` and are importable from here too.
"""

from __future__ import annotations

import math
import numbers

import numpy as np

from nbnp.array_checks import _SMALL, _describe

# The array checks, importable from here too (nbnp.validation names every input check).
from nbnp.array_checks import _all_finite as _all_finite
from nbnp.array_checks import as_array as as_array
from nbnp.array_checks import as_matrix as as_matrix
from nbnp.array_checks import check_finite as check_finite
from nbnp.array_checks import check_no_overflow as check_no_overflow
from nbnp.array_checks import check_same_shape as check_same_shape

__all__ = [
    "check_binary",
    "check_callable",
    "check_flag",
    "check_labels",
    "check_learning_rate",
    "check_positive_int",
    "check_real",
]


def check_binary(name: str, A: np.ndarray) -> np.ndarray:
    """Raise ``ValueError`` unless every entry of ``A`` is 0 or 1 (class labels).

    Parameters
    ----------
    name : str
        Argument name used in the error message.
    A : numpy.ndarray, any shape
        Finite array to check.

    Returns
    -------
    numpy.ndarray
        ``A`` itself, unchanged.
    """
    if not _only_zeros_and_ones(A):
        bad = (A != 0) & (A != 1)
        raise ValueError(
            f"{name} must hold class labels 0 or 1, but received {float(A[bad][0])!r:.20} among its "
            "entries (threshold probabilities with nbnp.predict; map -1/+1 labels with (Y + 1) / 2)"
        )
    return A


def check_callable(name: str, f: object) -> object:
    """Raise ``TypeError`` unless ``f`` can be called; return ``f``."""
    if not callable(f):
        raise TypeError(f"{name} must be callable (a function), but received {_describe(f)}")
    return f


def check_real(name: str, value: object) -> float:
    """Return ``value`` as a finite ``float`` if it is a real number (NumPy scalars too), else raise.

    Parameters
    ----------
    name : str
        Argument name used in the error message.
    value : float
        A Python or NumPy real number; booleans, strings and arrays are refused.

    Returns
    -------
    float
    """
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, numbers.Real):
        raise TypeError(f"{name} must be a real number, but received {_describe(value)}")
    try:
        result = float(value)
    except OverflowError:  # an int beyond the float range
        result = math.inf
    if not math.isfinite(result):
        raise ValueError(f"{name} must be a finite number, but received {value!r:.40}")
    return result


def check_positive_int(name: str, value: object) -> int:
    """Return ``value`` as an ``int`` if it is a positive integer, else raise.

    Parameters
    ----------
    name : str
        Argument name used in the error message.
    value : int
        The value to check; booleans and floats are rejected.

    Returns
    -------
    int
        ``value`` as a Python integer.
    """
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(f"{name} must be a positive integer, but received {_describe(value)}")
    if value <= 0:
        raise ValueError(f"{name} must be a positive integer, but received {value}")
    return int(value)


def check_learning_rate(value: object, name: str = "learning_rate") -> float:
    """Return the learning rate, or another positive step such as ε, as a finite positive ``float``.

    Parameters
    ----------
    value : float
        The learning rate α (or the step named ``name``).
    name : str, optional
        Argument name used in the error message.

    Returns
    -------
    float
        ``value`` as a Python float.
    """
    if type(value) is float and 0.0 < value < math.inf:  # the common case, without the ABC checks
        return value
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"{name} must be a positive real number, but received {_describe(value)}")
    try:
        value = float(value)
    except OverflowError:  # an int beyond the float range
        value = math.inf
    if not (math.isfinite(value) and value > 0):
        raise ValueError(f"{name} must be a finite number greater than 0, but received {value}")
    return value


def check_labels(name: str, Y: np.ndarray, row: bool = True) -> np.ndarray:
    """Raise ``ValueError`` unless ``Y`` holds class labels 0 or 1, as one row (1, m) if ``row``.

    Predictions passed where the labels belong (``compute_cost(Y_hat, Y)``)
    would otherwise train the network the wrong way without any error.

    Parameters
    ----------
    name : str
        Argument name used in the error message.
    Y : numpy.ndarray, shape (1, m), or any shape if ``row`` is False
        Array to check; a NaN or infinity in it is named as such.
    row : bool, optional
        Whether ``Y`` must be one row, the layout of a batch's labels. Default True.

    Returns
    -------
    numpy.ndarray
        ``Y`` itself, unchanged.
    """
    if row and Y.shape[0] != 1:
        raise ValueError(f"{name} must be one row of labels, shape (1, m), but received shape {Y.shape}")
    if _only_zeros_and_ones(Y):
        return Y
    check_finite(name, Y)  # a NaN is a missing label, not a prediction in the labels' place
    try:
        return check_binary(name, Y)  # raises, naming the first entry that is neither
    except ValueError as error:
        raise ValueError(f"{error}; were labels and predictions swapped? The labels come first") from None


#: The values a class label may take.
_LABEL_VALUES = frozenset({0.0, 1.0})


def _only_zeros_and_ones(A: np.ndarray) -> bool:
    """True if every entry of the array ``A`` is 0 or 1 (a NaN or infinity is neither).

    Labels are checked at every call of :func:`nbnp.compute_cost`, once an
    epoch: a few entries are compared in Python, quicker than any NumPy call
    (as in :func:`~nbnp.array_checks._all_finite`), more in one NumPy pass.
    """
    if A.size <= _SMALL:
        return set(A.ravel().tolist()) <= _LABEL_VALUES
    return bool(((A == 0) | (A == 1)).all())


def check_flag(name: str, value: object) -> bool:
    """Return ``value`` if it is ``True`` or ``False`` (a NumPy bool too), else raise ``TypeError``.

    A string such as ``"False"`` would otherwise count as true, silently.
    """
    if not isinstance(value, (bool, np.bool_)):
        raise TypeError(f"{name} must be True or False, but received {_describe(value)}")
    return bool(value)
