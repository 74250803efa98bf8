"""Three small equations in which one node feeds two others: its gradient is the sum of the paths.

Chapter 4 asks why a shared parameter's gradient is a *sum* with the
article's three tiny equations, in which the input ``b`` is used twice::

    c = a + b,    d = b + 1,    e = c · d

Backward from ``e``, one gradient reaches ``b`` through ``c`` and another
through ``d``; ``∂e/∂b`` is their sum. :func:`sum_of_paths_pass` computes every
value and gradient; :func:`nbnp.draw.paths.sum_of_paths_graph` draws them.
"""

from __future__ import annotations

import numpy as np

from nbnp.checks import as_array

__all__ = ["sum_of_paths_pass"]


def _scalar(name: str, value: object) -> np.float64:
    A = as_array(name, value)
    if A.size != 1:
        raise ValueError(f"{name} must be a single number, but received shape {A.shape}")
    return np.float64(A.reshape(()))


def sum_of_paths_pass(a: float, b: float) -> dict[str, np.float64]:
    """Forward and backward through c = a + b, d = b + 1, e = c · d.

    Parameters
    ----------
    a, b : float
        The two inputs (0-d or one-element arrays are accepted).

    Returns
    -------
    dict
        ``"a"``, ``"b"``, ``"c"``, ``"d"``, ``"e"``; the gradients
        ``"de_dc"`` (= d) and ``"de_dd"`` (= c); the two paths into ``b``,
        ``"via_c"`` (∂e/∂c · ∂c/∂b) and ``"via_d"`` (∂e/∂d · ∂d/∂b); their sum
        ``"de_db"``; and ``"de_da"``. All NumPy float64 scalars.
    """
    a, b = _scalar("a", a), _scalar("b", b)
    c = a + b
    d = b + 1.0
    e = c * d
    de_dc, de_dd = d, c  # local gradients of the product
    via_c, via_d = de_dc * 1.0, de_dd * 1.0  # ∂c/∂b = ∂d/∂b = 1
    return {
        "a": a, "b": b, "c": c, "d": d, "e": e, "de_dc": de_dc, "de_dd": de_dd,
        "via_c": via_c, "via_d": via_d, "de_db": via_c + via_d, "de_da": de_dc * 1.0,
    }  # fmt: skip
