"""Three small equations in which one node feeds two others: its gradient is the sum of the paths.

Why is a shared parameter's gradient (the bias's, over the examples of a
batch) a *sum*? The article answers with three tiny equations in which one
input, ``b``, is used twice::

    c = a + b,    d = b + 1,    e = c · d

Backward from ``e``, one gradient reaches ``b`` through ``c`` and another
through ``d``; ``∂e/∂b`` is their sum. :func:`sum_of_paths_pass` computes
every value and gradient with NumPy, :func:`sum_of_paths_graph` lays them out
for :func:`nbnp.draw_graph`, the ``b`` node showing the sum.
"""

from __future__ import annotations

import numpy as np

from nbnp.draw.graph import Edge, Node
from nbnp.draw.labels import check_decimals
from nbnp.fmt import fmt_fixed
from nbnp.validation import as_array

__all__ = ["sum_of_paths_graph", "sum_of_paths_pass"]


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


def sum_of_paths_graph(a: float, b: float, decimals: int = 1) -> tuple[list[Node], list[Edge]]:
    """The three equations as a graph, every gradient drawn, ``b`` holding the sum of its two paths.

    Parameters
    ----------
    a, b : float
        The inputs, run through :func:`sum_of_paths_pass`.
    decimals : int, optional
        Decimals of every printed number (default 1).

    Returns
    -------
    nodes : list of Node
    edges : list of Edge
    """
    d_ = check_decimals(decimals)
    r = sum_of_paths_pass(a, b)
    f = lambda v: fmt_fixed(v, d_)  # noqa: E731
    nodes = [
        Node("a", "$a$", (0.0, 1.4), f"a = {f(r['a'])}", "param", value_side="above"),
        Node(
            "b",
            "$b$",
            (0.0, -1.4),
            f"b = {f(r['b'])}",
            "param",
            local=f"sum: ∂e/∂b = {f(r['via_c'])} + {f(r['via_d'])} = {f(r['de_db'])}",
        ),
        Node(
            "c",
            "$c$",
            (3.6, 1.4),
            f"c = a + b = {f(r['c'])}",
            "op",
            value_side="above",
            local="local: ∂c/∂b = 1",
        ),
        Node("d", "$d$", (3.6, -1.4), f"d = b + 1 = {f(r['d'])}", "op", local="local: ∂d/∂b = 1"),
        Node(
            "e",
            "$e$",
            (7.0, 0.0),
            f"e = c · d = {f(r['e'])}",
            "op",
            True,
            local="local: ∂e/∂c = d\n∂e/∂d = c",
        ),
    ]
    edges = [
        Edge("a", "c", f"∂e/∂a = {f(r['de_da'])}"),
        Edge("b", "c", f"via c: {f(r['via_c'])}", True),
        Edge("b", "d", f"via d: {f(r['via_d'])}", True),
        Edge("c", "e", f"∂e/∂c = {f(r['de_dc'])}"),
        Edge("d", "e", f"∂e/∂d = {f(r['de_dd'])}"),
    ]
    return nodes, edges
