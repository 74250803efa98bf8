"""A layer written by a reader: two methods, ``forward`` and ``backward``, returning values.

nbnp never asks a layer's class, so a tanh layer written here trains XOR beside the
article's layers and passes the same gradient checks.
"""

from __future__ import annotations

import numpy as np
import pytest

from nbnp import (
    LinearLayer,
    SigmoidLayer,
    accuracy,
    check_layer_gradients,
    check_network_gradients,
    layer_relative_error,
    network_relative_error,
    predict,
    train,
    xor_gate,
)


class TanhLayer:
    """A = tanh(Z), and dZ = upstream_grad ⊙ (1 − A²)."""

    def __init__(self, shape):
        self.A = np.zeros(shape)

    def forward(self, Z):
        self.A = np.tanh(Z)
        return self.A

    def backward(self, upstream_grad):
        self.dZ = upstream_grad * (1 - self.A**2)
        return self.dZ


class ScaleLayer:
    """A = s ⊙ Z with a learned scale s per row: a layer of one's own that learns."""

    def __init__(self, n):
        self.params = {"s": np.ones((n, 1))}

    def forward(self, Z):
        self.Z = Z
        return self.params["s"] * Z

    def backward(self, upstream_grad):
        self.ds = np.sum(upstream_grad * self.Z, axis=1, keepdims=True)
        return self.params["s"] * upstream_grad

    def update_params(self, learning_rate):
        self.params["s"] = self.params["s"] - learning_rate * self.ds


def tanh_network(X, seed=2):  # seeds 0 and 1 end in a local minimum, as 2-3-1 nets can
    rng = np.random.RandomState(seed)
    Z1 = LinearLayer(X.shape, 3, "xavier", rng)
    Z2 = LinearLayer(Z1.Z.shape, 1, "xavier", rng)
    return [Z1, TanhLayer(Z1.Z.shape), Z2, SigmoidLayer(Z2.Z.shape)]


def test_a_tanh_layer_of_ones_own_trains_xor_with_nbnp_train():
    X, Y = xor_gate()
    layers = tanh_network(X)
    history = train(layers, X, Y, learning_rate=1, epochs=2000)
    assert history.final_cost < 0.01 < history.costs[0]
    assert predict(layers, X).tolist() == Y.tolist()
    assert accuracy(predict(layers, X), Y) == 100.0


def test_a_tanh_layer_of_ones_own_passes_the_layer_gradient_checks():
    Z = np.random.RandomState(2).randn(3, 4)
    errors = check_layer_gradients(TanhLayer(Z.shape), Z)
    assert set(errors) == {"Z"} and errors["Z"] < 1e-7
    assert layer_relative_error(TanhLayer(Z.shape), Z) < 1e-7


def test_a_network_with_a_tanh_layer_passes_the_network_gradient_checks():
    X, Y = xor_gate()
    errors = check_network_gradients(tanh_network(X), X, Y)
    assert set(errors) == {"W1", "b1", "W2", "b2"}
    assert max(errors.values()) < 1e-7
    assert network_relative_error(tanh_network(X), X, Y) < 1e-7


def test_a_learning_layer_of_ones_own_is_trained_and_checked_like_nbnps():
    X, Y = xor_gate()
    layers = tanh_network(X)
    layers.insert(2, ScaleLayer(3))
    errors = check_network_gradients(layers, X, Y)
    assert set(errors) == {"W1", "b1", "s2", "W3", "b3"} and max(errors.values()) < 1e-7
    history = train(layers, X, Y, learning_rate=1, epochs=300)
    assert history.final_cost < history.costs[0]
    assert not np.array_equal(layers[2].params["s"], np.ones((3, 1)))


def test_a_tanh_layer_with_the_wrong_derivative_fails_the_checks():
    class WrongTanh(TanhLayer):
        def backward(self, upstream_grad):
            self.dZ = upstream_grad * (1 - self.A)  # forgot the square
            return self.dZ

    X, Y = xor_gate()
    layers = tanh_network(X)
    layers[1] = WrongTanh(layers[1].A.shape)
    assert network_relative_error(layers, X, Y) > 1e-2
    assert check_layer_gradients(WrongTanh((3, 4)), np.random.RandomState(2).randn(3, 4))["Z"] > 1e-2


def test_an_object_without_backward_is_refused_naming_its_place():
    class ForwardOnly:
        def forward(self, Z):
            return np.tanh(Z)

    X, Y = xor_gate()
    layers = tanh_network(X)
    layers[1] = ForwardOnly()
    with pytest.raises(TypeError, match=r"layers\[1\] must be a layer \(with forward and backward\)"):
        train(layers, X, Y)
