"""Exercises of chapters 4 to 7: the cost, one neuron's gradients, a feature cross, a hidden layer.

The wrong variants come from one function, :func:`sigmoid_net_gradients`,
which computes a network's gradients with a known mistake switched on.
"""

from __future__ import annotations

from typing import Callable

import numpy as np

from nbnp.activations import sigmoid
from nbnp.datasets import feature_cross, or_gate, quadrant_xor, xor_gate
from nbnp.exercises.diagnose import Variant, as_pair, check_value
from nbnp.exercises.registry import exercise
from nbnp.exercises.result import call
from nbnp.layers import LinearLayer, SigmoidLayer
from nbnp.losses import compute_cost
from nbnp.training import backward, forward

__all__ = ["MISTAKES", "check_compute_cost", "check_feature_cross", "check_hidden_layer",
           "check_neuron_gradients", "sigmoid_net_gradients"]

#: The mistakes :func:`sigmoid_net_gradients` can make — name → (problem, fix), {l} the layer.
MISTAKES = {
    "no 1/m": ("{q} is m times too large: the 1/m of the cost's gradient is missing",
               "dY_hat = -(Y - Y_hat) / m, with m = Y.shape[1]."),
    "sign": ("{q} has the wrong sign", "dY_hat = -(Y - Y_hat) / m: mind the minus."),
    "from Z": ("{q} uses σ′ computed from Z{l} instead of from A{l}",
               "The sigmoid's slope is A{l} * (1 - A{l}), with A{l} = sigmoid(Z{l})."),
    "no upstream": ("{q} forgets the upstream gradient: dZ{l} = A{l}(1 − A{l}) alone",
                    "Multiply by the gradient from above: dZ{l} = dA{l} * A{l} * (1 - A{l})."),
    "dW transposed": ("{q} is transposed: it was computed as A_prev @ dZ.T",
                      "dW has the shape of W: dW = dZ @ A_prev.T."),
    "db axis 0": ("{q} is summed over the wrong axis (axis=0, over the neurons)",
                  "Sum over the examples, the columns: np.sum(dZ, axis=1, keepdims=True)."),
    "db flat": ("{q} lost its column shape: np.sum without keepdims=True",
                "db has the shape of b, a column: np.sum(dZ, axis=1, keepdims=True)."),
    "db total": ("{q} sums every entry into one number: np.sum without an axis",
                 "Sum over the examples only: np.sum(dZ, axis=1, keepdims=True)."),
}


def sigmoid_net_gradients(X: np.ndarray, Y: np.ndarray, params: list[tuple[np.ndarray, np.ndarray]],
                          mistake: str | None = None, layer: int | None = None) -> dict[str, np.ndarray]:
    """Gradients of the squared-error cost of a stack of sigmoid layers, with one known mistake.

    Parameters
    ----------
    X : numpy.ndarray, shape (n_x, m)
    Y : numpy.ndarray, shape (1, m)
    params : list of (W, b)
        W of shape (n_l, n_{l−1}), b of shape (n_l, 1), first layer first.
    mistake : str, optional
        A key of :data:`MISTAKES`; None for the right gradients.
    layer : int, optional
        The layer (1 = first) that makes the mistake; None for every layer.

    Returns
    -------
    dict
        ``"dW1"``, ``"db1"``, ... ; the shapes the mistake gives.
    """
    A, cache = X, []
    for W, b in params:
        Z = W @ A + b
        cache.append((A, Z, sigmoid(Z)))
        A = cache[-1][2]
    m = X.shape[1]
    dA = -(Y - A) / m
    dA = dA * m if mistake == "no 1/m" else -dA if mistake == "sign" else dA
    grads = {}
    for n in range(len(params), 0, -1):
        (W, _), (A_prev, Z, A) = params[n - 1], cache[n - 1]
        here = layer in (None, n)
        if here and mistake == "from Z":
            dZ = dA * Z * (1 - Z)
        elif here and mistake == "no upstream":
            dZ = A * (1 - A)
        else:
            dZ = dA * A * (1 - A)
        grads[f"dW{n}"] = A_prev @ dZ.T if here and mistake == "dW transposed" else dZ @ A_prev.T
        db = {"db axis 0": lambda d: np.sum(d, axis=0, keepdims=True),
              "db flat": lambda d: np.sum(d, axis=1), "db total": np.sum}.get(mistake if here else None)
        grads[f"db{n}"] = db(dZ) if db else np.sum(dZ, axis=1, keepdims=True)
        dA = W.T @ dZ
    return grads


def _variants(X, Y, params, names: dict[str, str]) -> list[Variant]:
    """Every mistake of :data:`MISTAKES`, in every layer then in all, named as the exercise names them."""
    layers = [None] if len(params) == 1 else [*range(len(params), 0, -1), None]
    variants = []
    for mistake, (problem, fix) in MISTAKES.items():
        for layer in layers:
            l_name = "" if len(params) == 1 else str(layer or len(params))
            with np.errstate(all="ignore"):
                grads = sigmoid_net_gradients(X, Y, params, mistake, layer)
            values = {names[k]: v for k, v in grads.items()}
            variants.append(Variant(problem.replace("{l}", l_name), fix.replace("{l}", l_name), values))
    return variants


def _cost_cases() -> list[tuple[str, tuple]]:
    np.random.seed(3)
    _, Y_or = or_gate()
    return [
        ("on the OR labels, a (1, 4) batch", (Y_or, np.random.rand(1, 4))),
        ("on one column (m = 1)", (np.array([[1.0]]), np.array([[0.3]]))),
        ("on a (1, 6) batch", ((np.random.rand(1, 6) > 0.5).astype(float), np.random.rand(1, 6))),
    ]


@exercise("compute_cost", chapter=4)
def check_compute_cost(candidate: Callable) -> str:
    """``compute_cost(Y, Y_hat)``: the squared-error cost of a batch and its gradient.

    ``Y``: labels 0 or 1, shape (1, m); ``Y_hat``: predictions, shape (1, m).
    Return ``(cost, dY_hat)``: cost = (1/2m)·Σ(Y − Ŷ)², a number, and
    dY_hat = −(Y − Ŷ)/m, shape (1, m). Explained in chapter 4.
    """
    for on, (Y, Y_hat) in _cost_cases():
        result = call("compute_cost", candidate, {"Y": Y, "Y_hat": Y_hat}, on)
        cost, dY_hat = as_pair("compute_cost", result, ("cost", "dY_hat"), on)
        want_cost, want_grad = compute_cost(Y, Y_hat)
        m, squares = Y.shape[1], np.sum(np.square(Y - Y_hat))
        cost_variants = [
            Variant("{q} is twice too large: the ½ is missing", "cost = np.sum((Y - Y_hat) ** 2) / (2 * m).",
                    {"cost": squares / m}),
            Variant("{q} is the sum, not the mean: the 1/m is missing",
                    "Divide by the number of examples, m = Y.shape[1].", {"cost": squares / 2}),
            Variant("{q} has neither the ½ nor the 1/m", "cost = np.sum((Y - Y_hat) ** 2) / (2 * m).",
                    {"cost": squares}),
            Variant("{q} squares the sum instead of summing the squares",
                    "Square first, then sum: np.sum((Y - Y_hat) ** 2).",
                    {"cost": np.sum(Y - Y_hat) ** 2 / (2 * m)}),
        ]
        check_value("cost", cost, want_cost, on, cost_variants, scalar=True)
        grad_variants = [
            Variant(MISTAKES["no 1/m"][0], MISTAKES["no 1/m"][1], {"dY_hat": -(Y - Y_hat)}),
            Variant(MISTAKES["sign"][0], MISTAKES["sign"][1], {"dY_hat": (Y - Y_hat) / m}),
            Variant("{q} is twice too large: the derivative of ½(Y − Ŷ)² is −(Y − Ŷ)",
                    "dY_hat = -(Y - Y_hat) / m.", {"dY_hat": -2 * (Y - Y_hat) / m}),
        ]
        check_value("dY_hat", dY_hat, want_grad, on, grad_variants)
    return "Both cost and dY_hat are right on a (1, 4) batch, one column and a (1, 6) batch."


def _neuron_cases() -> list[tuple[str, tuple]]:
    X, Y = or_gate()
    np.random.seed(4)
    return [
        ("on the OR batch, X of shape (2, 4)", (X, Y, np.array([[0.1, 0.6]]), np.zeros((1, 1)))),
        ("on one column (m = 1)", (X[:, 3:], Y[:, 3:], np.array([[0.5, -1.0]]), np.array([[0.2]]))),
        ("on 3 features, X of shape (3, 5)",
         (np.random.randn(3, 5), (np.random.rand(1, 5) > 0.5).astype(float), np.random.randn(1, 3),
          np.array([[-0.3]]))),
    ]


def _layer_reference(X, Y, params) -> dict[str, np.ndarray]:
    """The gradients from nbnp's layers and compute_cost: "dW1", "db1", ..."""
    layers = []
    for W, b in params:
        linear = LinearLayer.from_params(W, b, m=X.shape[1])
        layers += [linear, SigmoidLayer(linear.Z.shape)]
    backward(layers, compute_cost(Y, forward(layers, X))[1])
    grads = {}
    for n, linear in enumerate(layers[::2], start=1):
        grads[f"dW{n}"], grads[f"db{n}"] = linear.dW, linear.db
    return grads


@exercise("neuron_gradients", chapter=5)
def check_neuron_gradients(candidate: Callable) -> str:
    """``neuron_gradients(X, Y, W, b)``: dW and db of one sigmoid neuron on a batch.

    ``X``: inputs, shape (n, m), one example per column; ``Y``: labels,
    shape (1, m); ``W``: weights, shape (1, n); ``b``: bias, shape (1, 1).
    The neuron is Ŷ = σ(W·X + b) and the cost (1/2m)·Σ(Y − Ŷ)². Return
    ``(dW, db)``, shaped like ``W`` and ``b``. Explained in chapter 5.
    """
    names = {"dW1": "dW", "db1": "db"}
    for on, (X, Y, W, b) in _neuron_cases():
        result = call("neuron_gradients", candidate, {"X": X, "Y": Y, "W": W, "b": b}, on,
                      shape_fix="dW = dZ @ X.T has the shape of W, (1, n).")
        dW, db = as_pair("neuron_gradients", result, ("dW", "db"), on)
        want = _layer_reference(X, Y, [(W, b)])
        variants = _variants(X, Y, [(W, b)], names)
        check_value("dW", dW, want["dW1"], on, variants)
        check_value("db", db, want["db1"], on, variants)
    return "The gradients dW and db are right on the OR batch, one column, and 3 features."


def _cross_cases() -> list[tuple[str, np.ndarray]]:
    np.random.seed(5)
    return [
        ("on the XOR inputs, X of shape (2, 4)", xor_gate()[0]),
        ("on one column (m = 1)", np.array([[2.0], [-3.0]])),
        ("on quadrant XOR, X of shape (2, 16)", quadrant_xor(4)[0]),
        ("on X with 3 rows, shape (3, 5)", np.random.randn(3, 5)),
    ]


@exercise("feature_cross", chapter=6)
def check_feature_cross(candidate: Callable) -> str:
    """``feature_cross(X)``: X with the synthetic feature x₁·x₂ appended as a new last row.

    ``X``: shape (n, m), n ≥ 2, one example per column; x₁ and x₂ are its
    first two rows. Return an array of shape (n + 1, m); leave ``X``
    unchanged. Explained in chapter 6.
    """
    for on, X in _cross_cases():
        got = call("feature_cross", candidate, {"X": X}, on)
        cross = X[0] * X[1]
        fix = "np.vstack([X, X[0] * X[1]]): X, then the product as its last row."
        variants = [
            Variant("{q} is only the new row", "Stack it under X: " + fix, {"X crossed": cross[None]}),
            Variant("{q} is only the new row", "Stack it under X: " + fix, {"X crossed": cross}),
            Variant("{q} has the cross on top", "Append it as the last row: " + fix,
                    {"X crossed": np.vstack([cross, X])}),
            Variant("{q} appends x₁ + x₂; the cross is the product", fix,
                    {"X crossed": np.vstack([X, X[0] + X[1]])}),
            Variant("{q} appends one number, the dot product of the rows", "Multiply entry by entry: " + fix,
                    {"X crossed": np.vstack([X, np.full(X.shape[1], X[0] @ X[1])])}),
            Variant("{q} is flat: np.append without an axis flattens X", "Use " + fix,
                    {"X crossed": np.append(X, cross)}),
            Variant("{q} appends x₁² (row 0 twice)", fix, {"X crossed": np.vstack([X, X[0] * X[0]])}),
        ]
        check_value("X crossed", got, feature_cross(X), on, variants)
    return "Right on the XOR inputs, one column, quadrant XOR and a 3-row X."


def _hidden_cases() -> list[tuple[str, tuple]]:
    X, Y = xor_gate()
    np.random.seed(6)
    first = (LinearLayer((2, 4), 3, "xavier"), LinearLayer((3, 4), 1, "xavier"))
    p1 = [(lin.params["W"], lin.params["b"] + 0.1) for lin in first]
    np.random.seed(7)
    second = (LinearLayer((3, 5), 2, "xavier"), LinearLayer((2, 5), 1, "xavier"))
    p2 = [(lin.params["W"], lin.params["b"] - 0.2) for lin in second]
    return [
        ("on XOR, a 2-3-1 network and a (2, 4) batch", (X, Y, p1)),
        ("on one column (m = 1) of the same network", (X[:, 1:2], Y[:, 1:2], p1)),
        ("on a 3-2-1 network and a (3, 5) batch",
         (np.random.randn(3, 5), (np.random.rand(1, 5) > 0.5).astype(float), p2)),
    ]


@exercise("hidden_layer", chapter=7)
def check_hidden_layer(candidate: Callable) -> str:
    """``hidden_layer(X, Y, W1, b1, W2, b2)``: the gradients of a network with one hidden layer.

    ``X``: shape (n_x, m); ``Y``: shape (1, m); ``W1``: (n_h, n_x); ``b1``:
    (n_h, 1); ``W2``: (1, n_h); ``b2``: (1, 1). Forward: A1 = σ(W1·X + b1),
    Ŷ = σ(W2·A1 + b2); cost (1/2m)·Σ(Y − Ŷ)². Return ``(dW1, db1, dW2,
    db2)``, each shaped like its parameter. The article's network is 2-3-1.
    Explained in chapter 7.
    """
    names = {"dW1": "dW1", "db1": "db1", "dW2": "dW2", "db2": "db2"}
    shape_fix = ("The gradient going down through W2 uses its transpose: dA1 = W2.T @ dZ2; "
                 "and dW = dZ @ A_prev.T.")
    for on, (X, Y, params) in _hidden_cases():
        (W1, b1), (W2, b2) = params
        result = call("hidden_layer", candidate, {"X": X, "Y": Y, "W1": W1, "b1": b1, "W2": W2, "b2": b2},
                      on, shape_fix=shape_fix)
        got = dict(zip(names, as_pair("hidden_layer", result, tuple(names), on)))
        want = _layer_reference(X, Y, params)
        variants = _variants(X, Y, params, names)
        for quantity in ("dW2", "db2", "dW1", "db1"):  # backward order: the first one wrong is the cause
            check_value(quantity, got[quantity], want[quantity], on, variants)
    return "All four gradients dW1, db1, dW2, db2 are right on XOR (2-3-1), one column, and a 3-2-1 network."

