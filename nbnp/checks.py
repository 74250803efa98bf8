"""The learner's mistakes, caught with a message that says what to do.

The article's code trusts its input. Most mistakes then end in a NumPy
traceback, but some return a wrong number without a word: a 1-D input, labels
as a column (broadcast into a 4 × 4 cost), labels and predictions swapped, an
update applied twice. Each check here names the argument, what was expected,
what came, and the fix. Rare numeric faults (overflow, NaN) are left to NumPy:
:func:`nbnp.train` runs under ``np.errstate``, which raises ``FloatingPointError``.

Explained in chapter 8 ("What the guard lines catch").
"""

from __future__ import annotations

import math
from numbers import Integral, Real

import numpy as np

__all__ = ["LayerStateError", "as_array", "as_matrix", "check_finite", "check_labels",
           "check_layers", "check_learning_rate", "check_positive_int", "check_predictions",
           "check_real", "check_same_shape", "check_shape", "check_update", "check_upstream"]

ONE_COLUMN = "one example is one column, so if the examples are rows, pass the transpose (X.T)"
ONE_ROW = "labels are one row, one column per example: pass Y.reshape(1, -1)"
SWAPPED = "were the labels and the predictions swapped? (compute_cost(Y, Y_hat))"
OTHER_INPUT = "not even its transpose fits: was it built for, or taken from, another input?"


class LayerStateError(RuntimeError):
    """A layer's methods were called out of order (``backward`` before ``forward``, ...)."""


def _got(value: object) -> str:
    if isinstance(value, np.ndarray):
        return f"an array of shape {value.shape} and dtype {value.dtype}"
    return f"{type(value).__name__} {value!r:.40}"


def as_array(name: str, value: object) -> np.ndarray:
    """``value`` (a number or nested lists) as a float array; ``TypeError`` if not real."""
    try:
        A = np.asarray(value)
    except ValueError:  # ragged nested lists
        raise ValueError(f"{name} must be a rectangular array, but its rows have different lengths") from None
    if A.dtype.kind not in "biuf":
        raise TypeError(f"{name} must hold real numbers, but received {_got(value)}")
    return A.astype(float, copy=False)


def as_matrix(name: str, A: object, rows: int | None = None, hint: str = ONE_COLUMN) -> np.ndarray:
    """``A`` as a 2-D float array (one example per column), with ``rows`` rows if given.

    Raises ``TypeError`` if ``A`` holds something other than real numbers, and
    ``ValueError`` if it is not 2-D, has no entries, or has the wrong number of
    rows (``hint`` says what to do when ``A`` transposed would fit).
    """
    M = as_array(name, A)
    if M.ndim != 2:
        raise ValueError(f"{name} must be 2-D, one column per example, but received shape {M.shape}: "
                         f"use {name}.reshape(-1, 1) for one example")
    if M.size == 0:
        raise ValueError(f"{name} must hold at least one example, but received shape {M.shape}")
    if rows is not None and M.shape[0] != rows:
        fix = hint if M.shape[1] == rows else OTHER_INPUT
        raise ValueError(f"{name} must have {rows} row{'s' * (rows != 1)}, but received shape {M.shape}: "
                         + fix)
    return M


def check_finite(name: str, A: np.ndarray) -> np.ndarray:
    """``A`` itself, if it holds no NaN or infinity; else ``ValueError`` naming the entry."""
    bad = np.argwhere(~np.isfinite(A))
    if len(bad):
        where = ", ".join(str(int(i)) for i in bad[0])
        raise ValueError(f"{name} must hold finite numbers, but {name}[{where}] is {A[tuple(bad[0])]}: "
                         "clean the data first")
    return A


def check_same_shape(name_a: str, a: np.ndarray, name_b: str, b: np.ndarray) -> None:
    """``ValueError`` unless ``a`` and ``b`` have one shape (no silent broadcasting)."""
    if a.shape != b.shape:
        raise ValueError(f"{name_a} and {name_b} must have the same shape, but received {a.shape} and "
                         f"{b.shape}; NumPy would broadcast them into a wrong result (transpose one?)")


def check_labels(name: str, Y: np.ndarray, hint: str = SWAPPED) -> np.ndarray:
    """``Y`` itself, if every entry is a class label 0 or 1; else ``ValueError`` with ``hint``."""
    bad = Y[(Y != 0) & (Y != 1)]
    if bad.size:
        fix = "labels -1 and 1 become 0 and 1 with (Y + 1) / 2" if bad[0] == -1 else hint
        raise ValueError(f"{name} must hold labels 0 or 1, but received {float(bad[0]):.6g} among them; "
                         + fix)
    return Y


def check_predictions(name: str, A: np.ndarray) -> np.ndarray:
    """``A`` itself, if every entry lies in [0, 1] as a sigmoid's output does."""
    bad = A[(A < 0) | (A > 1)]
    if bad.size:
        raise ValueError(f"{name} must hold predictions from 0 to 1 (a sigmoid's output A), but received "
                         f"{float(bad[0]):.6g} among them; pass the last layer's A, not its Z")
    return A


def check_real(name: str, value: object) -> float:
    """``value`` as a finite float, if it is a real number (not a bool, string or array)."""
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, Real):
        raise TypeError(f"{name} must be a real number, but received {_got(value)}")
    if not math.isfinite(value):
        raise ValueError(f"{name} must be finite, but received {value}")
    return float(value)


def check_learning_rate(learning_rate: object, name: str = "learning_rate",
                        usual: str = "0.1 or 1") -> float:
    """A step (α, or ``name``) as a positive finite float; else ``TypeError``/``ValueError``."""
    value = check_real(name, learning_rate)
    if value <= 0:
        raise ValueError(f"{name} must be a positive step, but received {value} (try {usual})")
    return value


def check_positive_int(name: str, value: object) -> int:
    """``value`` as an int of at least 1 (epochs, sizes); else ``TypeError``/``ValueError``."""
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, Integral):
        raise TypeError(f"{name} must be an int, but received {_got(value)}")
    if value < 1:
        raise ValueError(f"{name} must be at least 1, but received {value}")
    return int(value)


def check_shape(name: str, shape: object) -> tuple[int, int]:
    """``shape`` as a pair (rows, columns) of positive ints, such as ``X.shape``."""
    if not isinstance(shape, tuple) or len(shape) != 2:
        raise TypeError(f"{name} must be a pair (rows, columns) such as X.shape, but received {_got(shape)}")
    return check_positive_int(f"{name}[0]", shape[0]), check_positive_int(f"{name}[1]", shape[1])


def check_upstream(upstream_grad: object, output: np.ndarray, stored_input: object) -> np.ndarray:
    """``upstream_grad`` shaped like the layer's ``output``, once ``forward`` stored its input.

    Raises ``LayerStateError`` if ``stored_input`` is None (no forward pass
    since the last update), ``ValueError`` if the shapes differ.
    """
    if stored_input is None:
        raise LayerStateError("backward() needs the input of a forward pass: call forward() first "
                              "(each update_params() uses up the pass it came from)")
    upstream_grad = as_matrix("upstream_grad", upstream_grad)
    if upstream_grad.shape != output.shape:
        raise ValueError(f"upstream_grad must have the shape of this layer's output {output.shape}, but "
                         f"received {upstream_grad.shape}; pass the gradient of the layer above")
    return upstream_grad


def check_update(learning_rate: object, gradient: object) -> float:
    """The learning rate, once ``backward`` has left a ``gradient`` to apply."""
    if gradient is None:
        raise LayerStateError("update_params() needs gradients: call backward() first "
                              "(each gradient is applied once)")
    return check_learning_rate(learning_rate)


def check_layers(layers: object) -> list:
    """``layers`` as a list, if each has ``forward`` and ``backward`` and their sizes chain.

    Sizes come from each ``params["W"]`` (n_out, n_in): a layer with weights
    must take as many rows as the last layer with weights gave.
    """
    if not isinstance(layers, (list, tuple)) or not layers:
        raise TypeError(f"layers must be a non-empty list of layers, but received {_got(layers)}")
    gives, giver = None, None
    for i, layer in enumerate(layers):
        if not all(callable(getattr(layer, f, None)) for f in ("forward", "backward")):
            raise TypeError(f"layers[{i}] must be a layer (with forward and backward), but received "
                            + _got(layer))
        if any(layer is other for other in layers[:i]):
            raise ValueError(f"layers[{i}] is a layer already in the list: each layer keeps its own input "
                             "and gradients, so build a new one for each place")
        W = getattr(layer, "params", {}).get("W")
        if W is not None:
            if gives is not None and W.shape[1] != gives:
                raise ValueError(f"layers[{i}] takes {W.shape[1]} rows, but layers[{giver}] "
                                 f"gives {gives}: the sizes of neighbouring layers must match")
            gives, giver = W.shape[0], i
    return list(layers)
