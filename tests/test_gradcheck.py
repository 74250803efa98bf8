"""Tests of nbnp/gradcheck.py: central differences against autograd, the relative error's
properties, and the checks' verdicts on right layers, a buggy layer and a saturated network."""

from __future__ import annotations

import autograd.numpy as anp
import numpy as np
import pytest
from autograd import grad

from nbnp import (
    LayerStateError,
    LinearLayer,
    SigmoidLayer,
    build_network,
    check_cost_gradient,
    check_layer_gradients,
    check_network_gradients,
    layer_relative_error,
    network_gradient_vectors,
    network_relative_error,
    numerical_gradient,
    relative_error,
    xor_gate,
)

RNG = np.random.RandomState(5)
A_IN = RNG.randn(2, 4)


class MeanInsteadOfSum(LinearLayer):
    """A classic bug: db averaged over the examples instead of summed."""

    def backward(self, upstream_grad):
        dA_prev = super().backward(upstream_grad)
        self.db = np.mean(upstream_grad, axis=1, keepdims=True)
        return dA_prev


class ForgotOneMinusA(SigmoidLayer):
    """Another: dZ = upstream_grad ⊙ A, the factor (1 − A) forgotten."""

    def backward(self, upstream_grad):
        super().backward(upstream_grad)
        self.dZ = upstream_grad * self.A
        return self.dZ


def xor_network(seed=0):
    X, Y = xor_gate()
    return build_network(X.shape, [3, 1], "xavier", np.random.RandomState(seed)), X, Y


def buggy_network():
    layers, X, Y = xor_network()
    layers[1] = ForgotOneMinusA(layers[1].A.shape)
    return layers, X, Y


# --- numerical_gradient and relative_error -------------------------------------------------


def test_numerical_gradient_agrees_with_autograd_and_restores_x():
    x = RNG.randn(3, 4)
    saved = x.copy()
    target = RNG.randn(3, 4)

    def cost(v):
        return anp.sum(anp.sin(v) * v**2) + anp.sum((v - target) ** 4) / 8

    numeric = numerical_gradient(lambda: cost(x), x)
    np.testing.assert_allclose(numeric, grad(cost)(x), rtol=1e-8, atol=1e-9)
    np.testing.assert_array_equal(x, saved)


def test_numerical_gradient_refuses_an_int_array_and_a_bad_eps():
    with pytest.raises(TypeError, match="x must be the float array"):
        numerical_gradient(lambda: 0.0, np.arange(3))
    with pytest.raises(ValueError, match="eps must be a positive step"):
        numerical_gradient(lambda: 0.0, np.zeros(3), eps=0)


def test_relative_error_is_symmetric_scale_free_and_between_0_and_1():
    a, b = RNG.randn(3, 2), RNG.randn(3, 2)
    assert relative_error(a, b) == relative_error(b, a)
    assert relative_error(1e-9 * a, 1e-9 * b) == pytest.approx(relative_error(a, b), rel=1e-12)
    assert 0 < relative_error(a, b) < 1
    assert relative_error(a, a) == 0.0
    assert relative_error(a, -a) == 1.0  # opposite gradients: the worst
    assert relative_error(np.zeros(3), np.zeros(3)) == 0.0


def test_relative_error_refuses_gradients_of_different_shapes():
    with pytest.raises(ValueError, match="same shape"):
        relative_error(np.zeros((2, 3)), np.zeros((3, 2)))


# --- the checks ----------------------------------------------------------------------------


def test_the_cost_gradient_checks():
    Y = np.array([[0.0, 1.0, 1.0, 0.0]])
    assert check_cost_gradient(Y, np.array([[0.2, 0.7, 0.4, 0.1]])) < 1e-7


def test_correct_layers_pass_the_layer_checks_and_are_left_as_they_were():
    linear = LinearLayer.from_params(RNG.randn(3, 2), RNG.randn(3, 1))
    W = linear.params["W"].copy()
    errors = check_layer_gradients(linear, A_IN)
    assert set(errors) == {"W", "b", "A_prev"} and max(errors.values()) < 1e-7
    np.testing.assert_array_equal(linear.params["W"], W)
    assert check_layer_gradients(linear, A_IN, upstream_grad=np.ones((3, 4)))["W"] < 1e-7
    assert layer_relative_error(linear, A_IN) < 1e-7
    sigmoid = SigmoidLayer((3, 4))
    Z = RNG.randn(3, 4)
    assert set(check_layer_gradients(sigmoid, Z)) == {"Z"} and check_layer_gradients(sigmoid, Z)["Z"] < 1e-7
    assert layer_relative_error(sigmoid, Z) < 1e-7


def test_a_buggy_layer_fails_the_layer_checks_on_the_gradient_it_gets_wrong():
    layer = MeanInsteadOfSum.from_params(RNG.randn(3, 2), RNG.randn(3, 1))
    errors = check_layer_gradients(layer, A_IN)
    assert errors["b"] > 0.1 and max(errors["W"], errors["A_prev"]) < 1e-7
    assert layer_relative_error(layer, A_IN) > 1e-3
    assert layer_relative_error(ForgotOneMinusA((3, 4)), RNG.randn(3, 4)) > 0.1


def test_a_layer_whose_backward_gives_nan_fails_the_layer_check():
    class NanGradient(SigmoidLayer):
        def backward(self, upstream_grad):
            self.dZ = np.full_like(upstream_grad, np.nan)
            return self.dZ

    error = check_layer_gradients(NanGradient((3, 4)), RNG.randn(3, 4))["Z"]
    assert not error < 1e-7  # NaN: never a pass
    assert np.isnan(relative_error([np.nan, 1.0], [0.0, 1.0]))


def test_a_correct_network_passes_the_network_checks():
    layers, X, Y = xor_network()
    errors = check_network_gradients(layers, X, Y)
    assert set(errors) == {"W1", "b1", "W2", "b2"} and max(errors.values()) < 1e-7
    assert all(type(e) is float for e in errors.values())
    assert network_relative_error(layers, X, Y) < 1e-7


def test_a_network_with_a_buggy_layer_fails_the_network_checks():
    layers, X, Y = buggy_network()
    assert max(check_network_gradients(layers, X, Y).values()) > 0.1
    assert network_relative_error(*buggy_network()) > 0.1


def test_the_gradient_vectors_are_backprop_and_central_differences_in_order():
    layers, X, Y = xor_network()
    params = [layers[i].params[k] for i in (0, 2) for k in ("W", "b")]

    def cost(p):
        A1 = 1 / (1 + anp.exp(-(anp.dot(p[0], X) + p[1])))
        A2 = 1 / (1 + anp.exp(-(anp.dot(p[2], A1) + p[3])))
        return anp.sum((Y - A2) ** 2) / (2 * Y.shape[1])

    reference = np.concatenate([g.ravel() for g in grad(cost)([q.copy() for q in params])])
    backprop, numeric = network_gradient_vectors(layers, X, Y)
    assert backprop.shape == numeric.shape == (3 * 2 + 3 + 3 + 1,)
    np.testing.assert_allclose(backprop, reference, rtol=1e-10, atol=1e-16)
    np.testing.assert_allclose(numeric, reference, rtol=1e-5, atol=1e-10)


def test_the_step_shows_truncation_for_large_steps_and_round_off_for_tiny_ones():
    layers, X, Y = xor_network()
    big, bigger, best, tiny = (network_relative_error(layers, X, Y, eps) for eps in [1e-2, 1e-1, 1e-5, 1e-11])
    assert best < 1e-7 and best < big and best < tiny
    assert 50 < bigger / big < 200  # central differences err by O(ε²)


def test_a_saturated_network_is_too_small_to_check():
    X, Y = xor_gate()
    layers = [LinearLayer.from_params([[800.0, 800.0]], 100.0), SigmoidLayer((1, 4))]  # σ = 1.0 exactly
    with pytest.raises(ValueError, match="too small to check"):
        check_network_gradients(layers, X, Y)
    with pytest.raises(ValueError, match="too small to check"):
        network_relative_error(layers, X, Y)


def test_a_network_without_parameters_has_nothing_to_check():
    X, Y = xor_gate()
    with pytest.raises(ValueError, match="layer with params"):
        check_network_gradients([SigmoidLayer((1, 4))], X[:1], Y)


def test_a_check_leaves_no_gradient_behind_for_an_update_to_apply():
    X, Y = xor_gate()
    layers = build_network(X.shape, [3, 1], random_state=np.random.RandomState(0))
    check_layer_gradients(layers[0], X)
    network_relative_error(layers, X, Y)
    check_network_gradients(layers, X, Y)
    with pytest.raises(LayerStateError, match=r"call backward\(\) first"):
        layers[0].update_params(1.0)


def test_data_that_is_not_finite_is_named_not_checked():
    X, Y = xor_gate()
    layer = LinearLayer(X.shape, 3, random_state=np.random.RandomState(0))
    with pytest.raises(ValueError, match="A_in must hold finite numbers"):
        check_layer_gradients(layer, np.where(X == 1, np.nan, X))
    with pytest.raises(ValueError, match="X must hold finite numbers"):
        network_relative_error([layer, SigmoidLayer((3, 4))], X + np.inf, Y)
