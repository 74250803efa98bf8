"""Recognising a wrong result: which known mistake gives it, or where it differs from the reference.

A :class:`Variant` is one known mistake, computed from the reference's own
inputs (``db`` summed over axis 0, the ``1/m`` left out, ...): its values per
quantity and the feedback it deserves. :func:`check_value` compares a
learner's result with the reference and, when it differs, with each variant.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from nbnp.exercises.result import Failure

__all__ = ["RTOL", "Variant", "as_pair", "check_value", "number"]

#: Two results agree when ``np.allclose(got, expected, rtol=RTOL, atol=ATOL)``.
RTOL, ATOL = 1e-6, 1e-12


@dataclass
class Variant:
    """One known mistake: ``values`` maps a quantity ("dW", "db", ...) to what the mistake gives.

    ``problem`` and ``fix`` may use ``{q}``, the quantity's name.
    """

    problem: str
    fix: str
    values: dict[str, object] = field(default_factory=dict)


def number(x: float) -> str:
    """``x`` with 4 significant digits, and no negative zero."""
    return f"{float(x) + 0.0:.4g}"


def _float_array(value: object) -> np.ndarray | None:
    try:
        array = np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        return None
    return array


def _close(got: np.ndarray, want: object, rtol: float) -> bool:
    want = np.asarray(want, dtype=float)
    return got.shape == want.shape and bool(np.allclose(got, want, rtol=rtol, atol=ATOL, equal_nan=True))


def _describe(value: object) -> str:
    if isinstance(value, np.ndarray) and value.ndim > 0:
        return f"an array of shape {value.shape}"
    if isinstance(value, (int, float, np.number, np.ndarray)):
        return "one number"
    return f"{type(value).__name__} {value!r:.40}"


def check_value(quantity: str, got: object, expected: object, on: str, variants: list[Variant] = (),
                scalar: bool = False, rtol: float = RTOL, none_fix: str = "") -> None:
    """Raise :class:`Failure` unless ``got`` equals ``expected`` (shape, then values to ``rtol``).

    Parameters
    ----------
    quantity : str
        The name the feedback uses ("dW", "cost", "sigmoid(z)").
    got : object
        The learner's result.
    expected : float or numpy.ndarray, any shape
        The reference's.
    on : str
        Which input, for the feedback ("on the (2, 4) batch").
    variants : list of Variant
        Known mistakes, tried in order when ``got`` is wrong.
    scalar : bool
        Accept any array of one entry for a number.
    none_fix : str
        The fix when ``got`` is None (default: a missing ``return``).
    """
    if got is None:
        raise Failure(f"{quantity} is None", none_fix or "Nothing came back: end the function with "
                      "return ...", on)
    array = _float_array(got)
    want = np.asarray(expected, dtype=float)
    if array is None:
        raise Failure(f"{quantity} should be numbers of shape {want.shape}, but it is {_describe(got)}",
                      on=on)
    if scalar and array.size == 1:
        array = array.reshape(())
    if _close(array, want, rtol):
        return
    for variant in variants:
        if quantity in variant.values and _close(array, variant.values[quantity], rtol):
            raise Failure(variant.problem.format(q=quantity), variant.fix.format(q=quantity), on)
    if array.shape != want.shape:
        raise Failure(f"{quantity} has shape {array.shape}, expected {want.shape}",
                      "Print the shapes as you go: a gradient has the shape of what it is the gradient "
                      "of, and an output one column per example.", on)
    wrong = ~np.isclose(array, want, rtol=rtol, atol=ATOL)
    index = tuple(int(i) for i in np.argwhere(wrong)[0])
    at = f" at {list(index)}" if index else ""
    if not np.isfinite(array[index]):
        raise Failure(f"{quantity} is {number(array[index])}{at}, expected {number(want[index])}",
                      "An overflow? np.exp of a large number is inf, and inf / inf is nan.", on)
    raise Failure(f"{quantity} differs from the reference{at}: expected {number(want[index])}, "
                  f"got {number(array[index])}", on=on)


_COUNTS = {2: "two", 3: "three", 4: "four"}


def as_pair(what: str, value: object, names: tuple[str, ...], on: str) -> tuple:
    """``value`` unpacked into ``len(names)`` results, or a Failure saying what to return."""
    listing = ", ".join(names)
    if value is None:
        raise Failure(f"{what} returned None", f"End it with return {listing}.", on)
    if not isinstance(value, (tuple, list)) or len(value) != len(names):
        count = f"{len(value)} values" if isinstance(value, (tuple, list)) else _describe(value)
        raise Failure(f"{what} must return {_COUNTS.get(len(names), len(names))} values, {listing}, "
                      f"but returned {count}",
                      f"End it with return {listing}.", on)
    return tuple(value)
