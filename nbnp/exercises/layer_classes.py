"""Exercises of chapters 8 and 9: the article's two layer classes from memory, and a new activation layer.

A class is checked method by method against nbnp's (or, for tanh and ReLU, a
reference here), on a square layer first (where ``W`` in place of ``W.T``
gives a wrong number), one column, and non-square layers; the global random
stream is seeded with ``np.random.seed`` as in the article.
"""

from __future__ import annotations

import functools

import numpy as np

from nbnp.activations import sigmoid
from nbnp.datasets import xor_gate
from nbnp.exercises.diagnose import Variant, check_value
from nbnp.exercises.registry import exercise
from nbnp.exercises.result import Failure, call
from nbnp.gradcheck import check_layer_gradients
from nbnp.initializers import initialize_parameters
from nbnp.layers import LinearLayer, SigmoidLayer
from nbnp.training import accuracy, predict, train

__all__ = ["ReLUReference", "TanhReference", "check_linear_layer", "check_relu_layer", "check_sigmoid_layer",
           "check_tanh_layer"]

_LINEAR_CASES = [
    ("on a 2 → 2 layer and a (2, 4) batch", (2, 4), 2, "plain"),
    ("on one column (m = 1) and a 3 → 2 layer", (3, 1), 2, "xavier"),
    ("on a 3 → 2 layer and a (3, 5) batch", (3, 5), 2, "he"),
    ("on the article's 2 → 3 layer and a (2, 4) batch", (2, 4), 3, "xavier"),
]


def _attribute(layer: object, name: str) -> object:
    return getattr(layer, name, None)


def _construct(cls: type, label: str, args: dict[str, object], on: str, seed: int) -> object:
    np.random.seed(seed)
    shown = ", ".join(repr(v) for v in args.values())
    return call(f"the constructor {label}({shown})", cls, args, on)


@exercise("LinearLayer", chapter=8, is_class=True)
def check_linear_layer(candidate: type) -> str:
    """``LinearLayer(input_shape, n_out, ini_type)``: the article's linear layer, Z = W·A_prev + b.

    The constructor draws ``self.params = {"W": (n_out, n_in), "b": zeros
    (n_out, 1)}`` with ``initialize_parameters(input_shape[0], n_out,
    ini_type)`` (seeded with ``np.random.seed``); ``forward(A_prev)``, A_prev
    of shape (n_in, m), stores ``self.A_prev`` and ``self.Z`` and returns Z;
    ``backward(upstream_grad)``, shape (n_out, m), stores ``self.dW``,
    ``self.db``, ``self.dA_prev`` and returns dA_prev;
    ``update_params(learning_rate)`` steps W and b against dW and db.
    Explained in chapter 8.
    """
    for seed, (on, shape, n_out, ini) in enumerate(_LINEAR_CASES, start=10):
        n_in, m = shape
        layer = _construct(candidate, "LinearLayer", {"input_shape": shape, "n_out": n_out, "ini_type": ini},
                           on, seed)
        params = _attribute(layer, "params")
        if not isinstance(params, dict) or "W" not in params or "b" not in params:
            raise Failure("the layer has no self.params with 'W' and 'b' after the constructor",
                          "self.params = initialize_parameters(input_shape[0], n_out, ini_type).", on)
        np.random.seed(seed)
        want = initialize_parameters(n_in, n_out, ini)
        drawn = {}
        for key, args in {"swapped": (n_out, n_in, ini), "plain": (n_in, n_out, "plain"),
                          "m": (m, n_out, ini)}.items():
            np.random.seed(seed)
            drawn[key] = initialize_parameters(*args)["W"]
        check_value("params['W']", params["W"], want["W"], on, [
            Variant("{q} has n_in and n_out swapped", "W is (n_out, n_in): initialize_parameters("
                    "input_shape[0], n_out, ini_type).", {"params['W']": drawn["swapped"]}),
            Variant("{q} is scaled as 'plain': ini_type is not passed on",
                    "initialize_parameters(input_shape[0], n_out, ini_type).",
                    {"params['W']": drawn["plain"]}),
            Variant("{q} uses input_shape[1], the number of examples, as n_in",
                    "n_in is input_shape[0], the rows of A_prev.", {"params['W']": drawn["m"]}),
        ])
        check_value("params['b']", params["b"], want["b"], on)

        np.random.seed(seed + 100)
        W, b = np.random.randn(n_out, n_in), np.random.randn(n_out, 1)
        A_prev, dZ = np.random.randn(n_in, m), np.random.randn(n_out, m)
        layer.params = {"W": W.copy(), "b": b.copy()}
        Z = W @ A_prev + b
        out = call("LinearLayer.forward", layer.forward, {"A_prev": A_prev}, on,
                   shape_fix="Z = W @ A_prev + b: W is (n_out, n_in) and A_prev (n_in, m).")
        check_value("A_prev", _attribute(layer, "A_prev"), A_prev, on,
                    none_fix="Store the input in forward: self.A_prev = A_prev (backward needs it).")
        forward_variants = [
            Variant("{q} misses the bias", "Z = W @ A_prev + b.", {"Z": W @ A_prev}),
            Variant("{q} still holds the constructor's zeros: forward does not store it",
                    "self.Z = W @ A_prev + b.", {"Z": np.zeros_like(Z)}),
        ]
        if n_in == n_out:
            forward_variants.append(Variant("{q} uses W.T where W belongs", "Z = W @ A_prev + b.",
                                            {"Z": W.T @ A_prev + b}))
        check_value("Z", _attribute(layer, "Z"), Z, on, forward_variants,
                    none_fix="Store the result in forward: self.Z = ...")
        check_value("forward's result", out, Z, on,
                    none_fix="End forward with return self.Z (nbnp.train feeds it to the next layer).")

        out = call("LinearLayer.backward", layer.backward, {"upstream_grad": dZ}, on,
                   shape_fix="dA_prev = W.T @ upstream_grad is (n_in, m); dW = upstream_grad @ A_prev.T "
                   "is (n_out, n_in): a gradient going down uses W.T (transpose).")
        dW, db, dA_prev = dZ @ A_prev.T, np.sum(dZ, axis=1, keepdims=True), W.T @ dZ
        over_m = ("{q} is divided by m, but the 1/m is already in dY_hat (compute_cost)",
                  "Leave out the 1/m here: the layer's gradient is upstream_grad's products only.")
        sign = ("{q} has the wrong sign", "No minus here: the cost's sign is in dY_hat already.")
        check_value("dW", _attribute(layer, "dW"), dW, on, [
            Variant("{q} is transposed: A_prev @ dZ.T", "dW = upstream_grad @ self.A_prev.T, the shape of W.",
                    {"dW": A_prev @ dZ.T}),
            Variant(*over_m, {"dW": dW / m}), Variant(*sign, {"dW": -dW}),
        ], none_fix="Store it in backward: self.dW = ...")
        check_value("db", _attribute(layer, "db"), db, on, [
            Variant("{q} is summed over the wrong axis (axis=0, over the neurons)",
                    "Sum over the examples: np.sum(upstream_grad, axis=1, keepdims=True).",
                    {"db": np.sum(dZ, axis=0, keepdims=True)}),
            Variant("{q} lost its column shape: np.sum without keepdims=True (the axis is right)",
                    "np.sum(upstream_grad, axis=1, keepdims=True).", {"db": np.sum(dZ, axis=1)}),
            Variant("{q} sums every entry into one number: np.sum without an axis",
                    "np.sum(upstream_grad, axis=1, keepdims=True).", {"db": np.sum(dZ)}),
            Variant(*over_m, {"db": db / m}), Variant(*sign, {"db": -db}),
        ], none_fix="Store it in backward: self.db = ...")
        dA_variants = [Variant(*sign, {"dA_prev": -dA_prev}), Variant(*over_m, {"dA_prev": dA_prev / m})]
        if n_in == n_out:
            dA_variants.insert(0, Variant("{q} uses W where its transpose W.T belongs",
                                          "dA_prev = W.T @ upstream_grad.", {"dA_prev": W @ dZ}))
        check_value("dA_prev", _attribute(layer, "dA_prev"), dA_prev, on, dA_variants,
                    none_fix="Store it in backward: self.dA_prev = ...")
        check_value("backward's result", out, dA_prev, on,
                    none_fix="End backward with return self.dA_prev (the gradient for the layer below).")

        call("LinearLayer.update_params", layer.update_params, {"learning_rate": 0.5}, on)
        params = _attribute(layer, "params") or {}
        for key, value, grad in (("W", W, dW), ("b", b, db)):
            quantity = f"params['{key}']"
            check_value(quantity, params.get(key), value - 0.5 * grad, f"after update_params(0.5), {on}", [
                Variant("{q} climbs: the update adds the gradient",
                        f"{key} = {key} - learning_rate * d{key}.", {quantity: value + 0.5 * grad}),
                Variant("{q} moved by the whole gradient: the learning rate is missing",
                        f"{key} = {key} - learning_rate * d{key}.", {quantity: value - grad}),
                Variant("{q} moved with α = 0.1: update_params ignores its learning_rate",
                        "Use the argument learning_rate, not a number.", {quantity: value - 0.1 * grad}),
                Variant("{q} is not updated", f"self.params['{key}'] = self.params['{key}'] - learning_rate "
                        f"* self.d{key}.", {quantity: value}),
            ], none_fix="Keep W and b in self.params.")
    return ("The constructor, forward, backward and update_params are right on a square layer, one column, "
            "and two non-square layers.")


def _sigmoid_cases() -> list[tuple[str, np.ndarray]]:
    np.random.seed(20)
    return [
        ("on a (2, 4) batch", np.random.randn(2, 4)),
        ("on one column (m = 1)", np.random.randn(3, 1)),
        ("at Z = -800, -40, 0, 40, 800", np.array([[-800.0, -40.0, 0.0, 40.0, 800.0]])),
    ]


@exercise("SigmoidLayer", chapter=8, is_class=True)
def check_sigmoid_layer(candidate: type) -> str:
    """``SigmoidLayer(shape)``: the article's sigmoid layer, A = σ(Z).

    ``shape`` is (n, m), the shape of the Z coming in. ``forward(Z)`` stores
    and returns ``self.A``, shape (n, m); ``backward(upstream_grad)``, shape
    (n, m), stores and returns ``self.dZ = upstream_grad * A * (1 - A)``.
    Explained in chapter 8.
    """
    for on, Z in _sigmoid_cases():
        layer = _construct(candidate, "SigmoidLayer", {"shape": Z.shape}, on, 0)
        out = call("SigmoidLayer.forward", layer.forward, {"Z": Z}, on)
        A = sigmoid(Z)
        with np.errstate(all="ignore"):
            overflow = np.exp(Z) / (1 + np.exp(Z))
        check_value("A", _attribute(layer, "A"), A, on, [
            Variant("{q} is σ(−Z): the sign in the exponent is flipped", "A = 1 / (1 + np.exp(-Z)).",
                    {"A": sigmoid(-Z)}),
            Variant("{q} is nan at Z = 800: np.exp(Z) overflows to inf, and inf / inf is nan",
                    "A = 1 / (1 + np.exp(-Z)) stays finite.", {"A": overflow}),
            Variant("{q} still holds the constructor's zeros: forward does not store it",
                    "self.A = 1 / (1 + np.exp(-Z)).", {"A": np.zeros_like(Z)}),
        ], none_fix="Store the result in forward: self.A = ...")
        check_value("forward's result", out, A, on,
                    none_fix="End forward with return self.A (nbnp.train feeds it to the next layer).")
        up = np.random.RandomState(21).randn(*Z.shape)
        out = call("SigmoidLayer.backward", layer.backward, {"upstream_grad": up}, on)
        dZ = up * A * (1 - A)
        check_value("dZ", _attribute(layer, "dZ"), dZ, on, [
            Variant("{q} uses σ′ computed from Z instead of from A", "dZ = upstream_grad * A * (1 - A).",
                    {"dZ": up * Z * (1 - Z)}),
            Variant("{q} forgets the upstream gradient: A(1 − A) alone",
                    "Multiply by the gradient from above: dZ = upstream_grad * A * (1 - A).",
                    {"dZ": A * (1 - A)}),
            Variant("{q} has the wrong sign", "dZ = upstream_grad * A * (1 - A).", {"dZ": -dZ}),
        ], none_fix="Store it in backward: self.dZ = ...")
        check_value("backward's result", out, dZ, on,
                    none_fix="End backward with return self.dZ (the gradient for the linear layer below).")
    return "Forward and backward are right on a (2, 4) batch, one column, and Z = ±40 and ±800."


class TanhReference:
    """The tanh layer the checker compares with: A = tanh(Z), dZ = upstream_grad · (1 − A²).

    ``shape`` is (n, m); ``forward(Z)`` and ``backward(upstream_grad)`` take
    and return arrays of that shape. Explained in chapter 9.
    """

    def __init__(self, shape: tuple[int, int]) -> None:
        self.A = np.zeros(shape)

    def forward(self, Z: np.ndarray) -> np.ndarray:
        """A = tanh(Z), shape of Z."""
        self.A = np.tanh(Z)
        return self.A

    def backward(self, upstream_grad: np.ndarray) -> np.ndarray:
        """dZ = upstream_grad · (1 − A²), shape of Z."""
        return upstream_grad * (1 - self.A ** 2)


class ReLUReference:
    """The ReLU layer the checker compares with: A = max(0, Z), dZ = upstream_grad where Z > 0, else 0.

    ``shape`` is (n, m); ``forward(Z)`` and ``backward(upstream_grad)`` take
    and return arrays of that shape. Explained in chapter 9.
    """

    def __init__(self, shape: tuple[int, int]) -> None:
        self.Z = np.zeros(shape)

    def forward(self, Z: np.ndarray) -> np.ndarray:
        """A = max(0, Z), shape of Z."""
        self.Z = Z
        return np.maximum(0, Z)

    def backward(self, upstream_grad: np.ndarray) -> np.ndarray:
        """dZ = upstream_grad · [Z > 0], shape of Z."""
        return upstream_grad * (self.Z > 0)


def _activation_cases(relu: bool) -> list[tuple[str, np.ndarray]]:
    rng = np.random.RandomState(30)
    away = np.sign(rng.randn(2, 4)) * (0.2 + rng.rand(2, 4))  # ReLU's kink at 0 is avoided
    cases = [("on a (2, 4) batch", away), ("on one column (m = 1)", rng.randn(3, 1) + 0.3)]
    big = np.array([[-800.0, -40.0, 0.5, 40.0, 800.0]] if relu else [[-800.0, -40.0, 0.0, 40.0, 800.0]])
    return [*cases, ("at |Z| up to 800", big)]


def _train_xor(cls: type, seed: int, learning_rate: float, epochs: int) -> tuple[float, float]:
    X, Y = xor_gate()
    np.random.seed(seed)
    Z1 = LinearLayer(X.shape, 3, "xavier")
    net = [Z1, cls(Z1.Z.shape), LinearLayer(Z1.Z.shape, 1, "xavier"), SigmoidLayer((1, 4))]
    history = train(net, X, Y, learning_rate=learning_rate, epochs=epochs, record_every=epochs)
    return history.final_cost, accuracy(predict(net, X), Y)


@functools.cache
def _reference_training(reference: type, *training: float) -> tuple[float, float]:
    return _train_xor(reference, *training)


def _check_activation(name: str, candidate: type, reference: type, variants, training: tuple) -> str:
    for on, Z in _activation_cases(reference is ReLUReference):
        layer = _construct(candidate, name, {"shape": Z.shape}, on, 0)
        ref = reference(Z.shape)
        A = ref.forward(Z)
        out = call(f"{name}.forward", layer.forward, {"Z": Z}, on)
        up = np.random.RandomState(31).randn(*Z.shape)
        forward_variants, backward_variants = variants(Z, A, up)
        check_value("A", out, A, on, forward_variants,
                    none_fix="End forward with return self.A (nbnp.train feeds it to the next layer).")
        dZ = ref.backward(up)
        out = call(f"{name}.backward", layer.backward, {"upstream_grad": up}, on)
        check_value("dZ", out, dZ, on, backward_variants,
                    none_fix="End backward with return dZ (the gradient for the layer below).")
    Z = _activation_cases(reference is ReLUReference)[0][1]
    on = "gradient check on a (2, 4) batch"
    errors = call("nbnp.check_layer_gradients", check_layer_gradients,
                  {"layer": _construct(candidate, name, {"shape": Z.shape}, on, 0), "A_in": Z}, on)
    worst = max(errors.values())
    if worst > 1e-7:
        raise Failure(f"the gradient check of {name} gives a relative error {worst:.1e}",
                      "backward must return the gradient of forward's output: compare them by hand.", on)
    on = "training XOR with nbnp.train"
    cost, acc = call("nbnp.train", _train_xor, {"cls": candidate, "seed": training[0],
                                                "learning_rate": training[1], "epochs": training[2]}, on)
    want_cost, _ = _reference_training(reference, *training)
    check_value("the cost after training", cost, want_cost, on, scalar=True)
    return (f"Forward and backward are right on a (2, 4) batch, one column and |Z| up to 800; the "
            f"gradient check agrees; nbnp.train learns XOR with it (cost "
            f"{cost:.4f} after {training[2]} epochs, accuracy {acc:.0f} %).")


def _tanh_variants(Z, A, up):
    with np.errstate(all="ignore"):
        by_hand = (np.exp(Z) - np.exp(-Z)) / (np.exp(Z) + np.exp(-Z))
    forward = [Variant("{q} is nan at |Z| = 800: np.exp overflows to inf, and inf / inf is nan",
                       "Use np.tanh(Z), which stays finite.", {"A": by_hand}),
               Variant("{q} is σ(Z), the sigmoid, not tanh", "A = np.tanh(Z).", {"A": sigmoid(Z)})]
    fix = "dZ = upstream_grad * (1 - A ** 2), with A = np.tanh(Z) from forward."
    backward = [
        Variant("{q} uses tanh′ computed from Z instead of from A: 1 − Z²", fix, {"dZ": up * (1 - Z ** 2)}),
        Variant("{q} forgets the upstream gradient: 1 − A² alone", fix, {"dZ": 1 - A ** 2}),
        Variant("{q} uses the sigmoid's slope A(1 − A); tanh's is 1 − A²", fix, {"dZ": up * A * (1 - A)}),
        Variant("{q} has the wrong sign", fix, {"dZ": -up * (1 - A ** 2)}),
    ]
    return forward, backward


def _relu_variants(Z, A, up):
    forward = [Variant("{q} keeps the negative entries: that is |Z| or Z, not max(0, Z)",
                       "A = np.maximum(0, Z).", {"A": np.abs(Z)}),
               Variant("{q} is one number: np.max reduces the array",
                       "np.maximum(0, Z) works entry by entry.", {"A": np.max(Z)}),
               Variant("{q} is one row: np.max(Z, 0) takes the largest entry of each column (axis 0)",
                       "np.maximum(0, Z) works entry by entry.", {"A": np.max(Z, axis=0)})]
    backward = [
        Variant("{q} forgets the upstream gradient: it is the slope [Z > 0] alone",
                "dZ = upstream_grad * (Z > 0).", {"dZ": (Z > 0).astype(float)}),
        Variant("{q} multiplies by Z, computed from Z instead of the slope [Z > 0]",
                "dZ = upstream_grad * (Z > 0).", {"dZ": up * np.maximum(0, Z)}),
        Variant("{q} lets the gradient through where Z < 0", "dZ = upstream_grad * (Z > 0).",
                {"dZ": up * (Z < 0)}),
        Variant("{q} has the wrong sign", "dZ = upstream_grad * (Z > 0).", {"dZ": -up * (Z > 0)}),
    ]
    return forward, backward


@exercise("TanhLayer", chapter=9, is_class=True)
def check_tanh_layer(candidate: type) -> str:
    """``TanhLayer(shape)``: a tanh layer, A = tanh(Z), with dZ = upstream_grad · (1 − A²).

    ``shape`` is (n, m). ``forward(Z)`` returns A and ``backward(upstream_grad)``
    returns dZ, both of shape (n, m). Checked on values, by
    :func:`nbnp.check_layer_gradients`, and by training XOR with
    :func:`nbnp.train` in place of the hidden sigmoid. Explained in chapter 9.
    """
    return _check_activation("TanhLayer", candidate, TanhReference, _tanh_variants, (7, 1.0, 1000))


@exercise("ReLULayer", chapter=9, is_class=True)
def check_relu_layer(candidate: type) -> str:
    """``ReLULayer(shape)``: a ReLU layer, A = max(0, Z), with dZ = upstream_grad where Z > 0, else 0.

    ``shape`` is (n, m). ``forward(Z)`` returns A and ``backward(upstream_grad)``
    returns dZ, both of shape (n, m). Checked on values, by
    :func:`nbnp.check_layer_gradients`, and by training XOR with
    :func:`nbnp.train` in place of the hidden sigmoid. Explained in chapter 9.
    """
    return _check_activation("ReLULayer", candidate, ReLUReference, _relu_variants, (7, 1.0, 1000))
