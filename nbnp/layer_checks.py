"""The checks behind the layers of :mod:`nbnp.layers`: shapes, order of the calls, finite numbers.

Each layer method validates its input and its result here, so the layer
classes show only the article's arithmetic; a mistake is reported with what
was expected and what was received.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

import numpy as np

from nbnp.array_checks import _all_finite, as_matrix, check_finite, check_no_overflow
from nbnp.validation import check_learning_rate, check_positive_int

if TYPE_CHECKING:
    from nbnp.layers import LinearLayer

__all__ = ["LayerStateError"]


class LayerStateError(ValueError):
    """A layer method was called out of order (for example backward before forward)."""


#: Why each layer needs its forward pass before its backward pass.
_NEEDS = {
    "A_prev": "call forward(A_prev) first, so the layer holds the input A_prev that dW needs",
    "Z": "call forward(Z) first, so the layer holds the activations A that dZ needs",
}


def _check_backward(
    layer: object, upstream_grad: object, kept: str, shape: tuple[int, ...], finite: bool = True
) -> np.ndarray:
    """``upstream_grad`` as a matrix of the output's ``shape``, once forward has kept ``kept``.

    Finite too, unless ``finite`` is False: then the caller's result check
    covers it (see :func:`_check_gradient`).
    """
    if not hasattr(layer, kept):
        raise LayerStateError(f"{type(layer).__name__}.backward was called before forward: {_NEEDS[kept]}")
    grad = as_matrix("upstream_grad", upstream_grad, finite=finite)
    if grad.shape != shape:
        raise ValueError(
            f"{type(layer).__name__}.backward: upstream_grad must have the shape of the layer's "
            f"output {shape}, but received shape {grad.shape}"
        )
    return grad


def _n_in(layer: LinearLayer) -> int:
    """The number of inputs of the layer, the columns of ``W``, once ``W`` and ``b`` fit each other.

    ``W`` must be a real matrix and ``b`` of shape (n_out, 1), so that
    ``W·A_prev + b`` has the shape (n_out, m) with no broadcast.
    """
    W, b = layer.params["W"], layer.params["b"]
    if type(W) is not np.ndarray or W.ndim != 2 or W.dtype.kind not in "fiu" or np.shape(b) != (len(W), 1):
        _check_params(layer)  # raises, naming what params holds
    return W.shape[1]


def _check_output(layer: LinearLayer) -> np.ndarray:
    """``layer.Z``, once it is finite (its shape, (n_out, m), :func:`_n_in` made sure of).

    One pass over ``Z`` covers its inputs too: a NaN or infinity in
    ``A_prev``, ``W`` or ``b`` makes ``Z`` non-finite. Only then are they
    looked at one by one, to name the culprit. A refused pass leaves no
    ``A_prev`` behind, so a backward pass after it asks for a forward pass.
    """
    Z = layer.Z
    if _all_finite(Z):
        return Z
    with _forgotten_if_refused(layer, "forward", "A_prev"):
        check_finite("A_prev", layer.A_prev)
        _check_params(layer)
        return check_no_overflow("Z = W·A_prev + b", Z, "the weights or A_prev (the data X in a first layer)")


def _check_params(layer: LinearLayer) -> None:
    """Raise unless ``W`` and ``b`` are finite real matrices of shapes (n_out, n_in) and (n_out, 1)."""
    W, b = layer.params["W"], layer.params["b"]
    if not (_real_matrix(W) and _real_matrix(b) and b.shape == (len(W), 1)):
        raise ValueError(
            f"{type(layer).__name__}.params must hold W of shape (n_out, n_in) and b of shape (n_out, 1) "
            f"as arrays, but holds W: {_shape(W)} and b: {_shape(b)}"
        )
    check_finite('params["W"]', W)
    check_finite('params["b"]', b)


def _real_matrix(value: object) -> bool:
    return isinstance(value, np.ndarray) and value.ndim == 2 and value.dtype.kind in "iuf"


def _shape(value: object) -> str:
    if isinstance(value, np.ndarray):
        return f"shape {value.shape}, dtype {value.dtype}"
    return type(value).__name__


def _check_step(
    layer: LinearLayer, W: np.ndarray, b: np.ndarray, learning_rate: float
) -> tuple[np.ndarray, np.ndarray]:
    """The updated ``W`` and ``b``, unless the step overflowed them (the layer is then left as it was)."""
    if _all_finite(W) and _all_finite(b):
        return W, b
    for name, formula in (("dW", "upstream_grad·A_prevᵀ"), ("db", "Σ upstream_grad")):
        check_no_overflow(f"{name} = {formula} (in backward)", getattr(layer, name), "upstream_grad")
    raise ValueError(
        f"update_params: W − learning_rate · dW or b − learning_rate · db overflowed beyond the float "
        f"range (±1.8e308), with learning_rate = {learning_rate!r}; expected finite results: make "
        "learning_rate smaller"
    )


def _check_gradient(layer: LinearLayer, upstream_grad: np.ndarray) -> np.ndarray | None:
    """``layer.dA_prev``, unless ``upstream_grad`` is not finite or a gradient overflowed.

    The passes over the results ``dW``, ``db`` and ``dA_prev`` cover
    ``upstream_grad`` too: a NaN or infinity in it makes them non-finite.
    Only then is it looked at, to name it. Each result gets its own pass,
    because a finite ``upstream_grad`` can overflow in one of them alone
    (times a large ``A_prev`` in ``dW``, summed in ``db``), and a reader of
    ``layer.dW`` must never meet an infinity: a refused pass leaves no
    gradients behind, so ``update_params`` after it asks for a backward pass.
    """
    dA_prev = layer.dA_prev
    results = (layer.dW, layer.db) if dA_prev is None else (layer.dW, layer.db, dA_prev)
    if all(_all_finite(R) for R in results):
        return dA_prev
    with _forgotten_if_refused(layer, "backward", "dW", "db", "dA_prev"):
        check_finite("upstream_grad", upstream_grad)
        check_no_overflow("dW = upstream_grad·A_prevᵀ", layer.dW, "upstream_grad or A_prev")
        check_no_overflow("db = upstream_grad summed over the examples", layer.db, "upstream_grad")
        # dA_prev is not None here: with dW and db finite, the first test returned
        return check_no_overflow("dA_prev = Wᵀ·upstream_grad", dA_prev, "upstream_grad or the weights")


@contextmanager
def _forgotten_if_refused(layer: LinearLayer, step: str, *names: str) -> Iterator[None]:
    """If the block raises, the layer forgets ``names`` and ``step``, as if the step never ran."""
    try:
        yield
    except ValueError:
        for name in names:
            layer.__dict__.pop(name, None)
        layer.steps.discard(step)
        raise


def _check_update(layer: LinearLayer, learning_rate: object) -> float:
    """The learning rate as a float, once backward has set ``dW`` and ``db``."""
    if not hasattr(layer, "dW"):
        raise LayerStateError(
            f"{type(layer).__name__}.update_params was called before backward: call "
            "backward(upstream_grad) first, so the layer holds the gradients dW and db"
        )
    for grad, param in (("dW", "W"), ("db", "b")):  # set by backward, unless changed by hand
        held, wanted = np.shape(getattr(layer, grad)), np.shape(layer.params[param])
        if held != wanted:
            raise ValueError(
                f"{type(layer).__name__}.{grad} must have the shape of {param}, {wanted}, "
                f"as backward sets it, but holds shape {held}"
            )
    return check_learning_rate(learning_rate)


def _check_input_shape(
    input_shape: object, name: str = "input_shape", pair: str = "(n_in, m) such as X.shape"
) -> tuple[int, int]:
    """Validate a shape argument as a pair of two positive integers."""
    if not isinstance(input_shape, (tuple, list)) or len(input_shape) != 2:
        raise ValueError(f"{name} must be a pair {pair}, but received {input_shape!r}")
    n_in = check_positive_int(f"{name}[0]", input_shape[0])
    return n_in, check_positive_int(f"{name}[1]", input_shape[1])


#: The step each step needs since the layer's last update: backward needs a
#: forward pass with the current parameters, an update the gradients of them.
_NEEDED_BEFORE = {"backward": "forward", "update_params": "backward"}

#: Why, when that step was already used up by an update.
_STALE = {
    "backward": "update_params has changed W and b since the last forward pass, so the kept A_prev and "
    "Z belong to the old parameters: call forward(A_prev) first",
    "update_params": "the gradients dW and db of the last backward were already applied, and applying them "
    "again would repeat that step: call forward and backward first, for gradients of the current W and b",
}


def _check_order(layer: LinearLayer, step: str) -> None:
    """Raise :class:`LayerStateError` unless ``step`` has the step it needs since the last update.

    ``layer.steps`` holds the steps taken since the layer's last update
    (``"forward"``, ``"backward"``); each method adds its own once it
    succeeded, and ``update_params`` empties it. A forward pass in between
    (a prediction, a gradient check) does not use up the gradients.
    """
    if _NEEDED_BEFORE[step] not in layer.steps:
        raise LayerStateError(f"{type(layer).__name__}.{step}: {_STALE[step]}")
