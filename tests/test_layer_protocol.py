"""Layers written outside nbnp: train, forward, backward and the gradient checks use the protocol alone.

The layer protocol (see nbnp/layers.py): ``forward(x)`` returns the output,
``backward(upstream_grad)`` returns the gradient for the layer below, and a
layer with parameters has ``params``, ``d<name>`` gradients and
``update_params(learning_rate)``. Nothing here changes nbnp.
"""

import numpy as np
import pytest

import nbnp
from nbnp.layer_gradcheck import check_layer_gradients
from nbnp.network_gradcheck import network_relative_error


class TanhLayer:
    """A = tanh(Z), whose local gradient is 1 − A²."""

    def __init__(self, shape):
        self.A = np.zeros(shape)

    def forward(self, Z):
        self.A = np.tanh(Z)
        return self.A

    def backward(self, upstream_grad):
        self.dZ = upstream_grad * (1 - self.A**2)
        return self.dZ


def tanh_network(seed=48):
    """2-3-1 on XOR with a tanh hidden layer: Linear, Tanh, Linear, Sigmoid."""
    X, _ = nbnp.xor_gate()
    rng = np.random.RandomState(seed)
    Z1 = nbnp.LinearLayer(X.shape, 3, "xavier", rng)
    Z2 = nbnp.LinearLayer(Z1.Z.shape, 1, "xavier", rng)
    return [Z1, TanhLayer(Z1.Z.shape), Z2, nbnp.SigmoidLayer(Z2.Z.shape)]


@pytest.mark.slow
def test_a_tanh_layer_trains_xor_to_100_percent():
    X, Y = nbnp.xor_gate()
    layers = tanh_network()
    history = nbnp.train(layers, X, Y, learning_rate=1.0, epochs=5000)
    assert nbnp.accuracy(nbnp.predict(layers, X), Y) == 100.0
    assert history.final_cost < history.costs[0] / 10
    assert layers[0].dA_prev is None and layers[2].dA_prev.shape == (3, 4)


def test_a_tanh_network_passes_the_gradient_checks():
    X, Y = nbnp.xor_gate()
    layers = tanh_network()
    errors = nbnp.check_network_gradients(layers, X, Y)
    assert sorted(errors) == ["W1", "W2", "b1", "b2"]
    assert max(errors.values()) < 1e-7
    assert network_relative_error(layers, X, Y) < 1e-7
    nbnp.train(layers, X, Y, learning_rate=1.0, epochs=200)
    assert max(nbnp.check_network_gradients(layers, X, Y).values()) < 1e-7


def test_the_tanh_layer_alone_passes_the_layer_check_under_the_name_of_its_input():
    Z = np.random.RandomState(3).randn(3, 4)
    errors = check_layer_gradients(TanhLayer(Z.shape), Z)
    assert list(errors) == ["Z"] and errors["Z"] < 1e-7


def test_a_wrong_local_gradient_in_a_foreign_layer_is_caught():
    class WrongTanhLayer(TanhLayer):
        def backward(self, upstream_grad):
            self.dZ = upstream_grad * (1 - self.A)
            return self.dZ

    X, Y = nbnp.xor_gate()
    layers = tanh_network()
    layers[1] = WrongTanhLayer(layers[1].A.shape)
    errors = nbnp.check_network_gradients(layers, X, Y)
    assert errors["W2"] < 1e-7 and errors["W1"] > 1e-2


class ScaleLayer:
    """A = s ⊙ Z with one learned scale per row, s of shape (n, 1): a foreign layer with parameters."""

    def __init__(self, n):
        self.params = {"s": np.ones((n, 1))}

    def forward(self, Z):
        self.Z = Z
        return self.params["s"] * Z

    def backward(self, upstream_grad, input_grad=True):
        self.ds = np.sum(upstream_grad * self.Z, axis=1, keepdims=True)
        return self.params["s"] * upstream_grad if input_grad else None

    def update_params(self, learning_rate):
        self.params["s"] = self.params["s"] - learning_rate * self.ds


def test_a_foreign_layer_with_parameters_is_checked_and_updated_through_its_params():
    X, Y = nbnp.xor_gate()
    layers = tanh_network()
    layers.insert(2, ScaleLayer(3))
    errors = nbnp.check_network_gradients(layers, X, Y)
    assert sorted(errors) == ["W1", "W3", "b1", "b3", "s2"]
    assert max(errors.values()) < 1e-7
    nbnp.train(layers, X, Y, learning_rate=1.0, epochs=50)
    assert not np.array_equal(layers[2].params["s"], np.ones((3, 1)))
    assert check_layer_gradients(ScaleLayer(2), X[:, :3] + 0.5).keys() == {"s", "Z"}


def test_a_first_layer_without_parameters_is_not_asked_for_the_gradient_of_the_data():
    class CountingTanhLayer(TanhLayer):
        calls = 0

        def backward(self, upstream_grad):
            CountingTanhLayer.calls += 1
            return super().backward(upstream_grad)

    X, Y = nbnp.xor_gate()
    rng = np.random.RandomState(0)
    linear = nbnp.LinearLayer(X.shape, 1, "xavier", rng)
    layers = [CountingTanhLayer(X.shape), linear, nbnp.SigmoidLayer(linear.Z.shape)]
    W = linear.params["W"].copy()
    nbnp.train(layers, X, Y, epochs=10)
    assert CountingTanhLayer.calls == 0
    assert not np.array_equal(linear.params["W"], W)
    _, dY_hat = nbnp.compute_cost(Y, nbnp.forward(layers, X))
    dX = nbnp.backward(layers, dY_hat)
    assert CountingTanhLayer.calls == 1 and dX.shape == X.shape


def test_backward_returns_the_gradient_of_the_input_unless_told_not_to():
    X, Y = nbnp.xor_gate()
    layers = tanh_network()
    _, dY_hat = nbnp.compute_cost(Y, nbnp.forward(layers, X))
    dX = nbnp.backward(layers, dY_hat)
    assert dX is layers[0].dA_prev
    np.testing.assert_array_equal(dX, layers[0].params["W"].T @ layers[1].dZ)
    assert nbnp.backward(layers, dY_hat, input_grad=False) is None
    assert layers[0].dA_prev is None
    np.testing.assert_array_equal(layers[0].dW, layers[1].dZ @ X.T)


def test_an_object_without_the_methods_is_not_a_layer():
    class NoBackward:
        def forward(self, x):
            return x

    X, Y = nbnp.xor_gate()
    with pytest.raises(TypeError, match=r"layers\[0\] must be a layer, an object with forward and backward"):
        nbnp.train([NoBackward()], X, Y)
    with pytest.raises(TypeError, match="must be a layer"):
        check_layer_gradients(NoBackward(), X)


def test_a_layer_without_params_between_linear_layers_passes_the_size_check():
    layers = tanh_network()  # Linear, Tanh (no params, no declared rows), Linear, Sigmoid
    X, _ = nbnp.xor_gate()
    assert nbnp.forward(layers, X).shape == (1, 4)
    layers[2] = nbnp.LinearLayer(input_shape=(5, 4), n_out=1)  # 5 rows, after the 3 of layer 0
    # a reader's own layer declares no sizes, so the mismatch shows where it happens
    with pytest.raises(ValueError, match=r"^A_prev must have 5 rows \(one per input of the layer\)"):
        nbnp.forward(layers, X)
