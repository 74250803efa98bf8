"""Tests of nbnp/layers.py: each method against plain NumPy or autograd, the article's
construction, and one test per mistake a learner makes with a layer."""

from __future__ import annotations

import autograd.numpy as anp
import numpy as np
import pytest
from autograd import grad

from nbnp import LayerStateError, LinearLayer, SigmoidLayer, xor_gate

RNG = np.random.RandomState(3)
W = RNG.randn(3, 2)
B = RNG.randn(3, 1)
A_PREV = RNG.randn(2, 5)
G = RNG.randn(3, 5)  # an upstream gradient ∂Cost/∂Z


def fresh_layer():
    return LinearLayer.from_params(W, B)


def trained_to_backward():
    layer = fresh_layer()
    layer.forward(A_PREV)
    layer.backward(G)
    return layer


# --- LinearLayer ---------------------------------------------------------------------------


def test_linear_forward_is_w_dot_a_prev_plus_b_and_is_kept_in_z():
    layer = fresh_layer()
    Z = layer.forward(A_PREV)
    np.testing.assert_allclose(Z, W @ A_PREV + B, rtol=1e-14)
    assert layer.Z is Z and Z.shape == (3, 5)


def test_linear_forward_takes_another_number_of_examples_and_nested_lists():
    layer = LinearLayer((2, 4), 3, random_state=np.random.RandomState(0))
    assert layer.forward([[1.0], [2.0]]).shape == (3, 1)


def test_linear_backward_agrees_with_autograd_and_returns_da_prev():
    # f = Σ G ⊙ Z has ∂f/∂Z = G, so backward(G) must give f's gradients.
    def f(W_, b_, A_):
        return anp.sum(G * (anp.dot(W_, A_) + b_))

    layer = fresh_layer()
    layer.forward(A_PREV)
    dA_prev = layer.backward(G)
    np.testing.assert_allclose(layer.dW, grad(f, 0)(W, B, A_PREV), rtol=1e-13)
    np.testing.assert_allclose(layer.db, grad(f, 1)(W, B, A_PREV), rtol=1e-13)
    np.testing.assert_allclose(dA_prev, grad(f, 2)(W, B, A_PREV), rtol=1e-13)
    assert layer.dA_prev is dA_prev


def test_update_params_steps_against_the_gradient():
    layer = trained_to_backward()
    dW, db = layer.dW.copy(), layer.db.copy()
    layer.update_params(learning_rate=0.3)
    np.testing.assert_allclose(layer.params["W"], W - 0.3 * dW, rtol=1e-15)
    np.testing.assert_allclose(layer.params["b"], B - 0.3 * db, rtol=1e-15)


def test_the_articles_construction_draws_xavier_weights_from_the_global_seed():
    X, _ = xor_gate()
    np.random.seed(48)
    Z1 = LinearLayer(input_shape=X.shape, n_out=3, ini_type="xavier")
    A1 = SigmoidLayer(Z1.Z.shape)
    np.testing.assert_array_equal(Z1.params["W"], np.random.RandomState(48).randn(3, 2) / np.sqrt(2))
    assert Z1.params["b"].tolist() == [[0.0]] * 3
    assert Z1.Z.shape == A1.A.shape == (3, 4)


def test_from_params_uses_a_number_for_every_bias_and_copies_its_arguments():
    W_given = np.array([[0.1, 0.6]])
    layer = LinearLayer.from_params(W_given, 0.5)
    W_given[0, 0] = 99.0
    assert layer.params["W"].tolist() == [[0.1, 0.6]] and layer.params["b"].tolist() == [[0.5]]
    assert layer.forward([[0.0], [0.0]]).tolist() == [[0.5]]  # the article's ŷ before the sigmoid


def test_from_params_refuses_a_bias_that_is_not_a_column():
    with pytest.raises(ValueError, match=r"b must be .*a column"):
        LinearLayer.from_params(W, np.zeros((3, 2)))
    with pytest.raises(ValueError, match=r"b must be a rectangular array"):
        LinearLayer.from_params(W, [[0.0], [0.0, 0.0], [0.0]])


# --- SigmoidLayer --------------------------------------------------------------------------


def test_sigmoid_layer_forward_and_backward_agree_with_numpy_and_autograd():
    Z = RNG.randn(3, 5)
    layer = SigmoidLayer(Z.shape)
    A = layer.forward(Z)
    np.testing.assert_allclose(A, 1 / (1 + np.exp(-Z)), rtol=1e-15)
    dZ = layer.backward(G)
    reference = grad(lambda Z_: anp.sum(G / (1 + anp.exp(-Z_))))(Z)
    np.testing.assert_allclose(dZ, reference, rtol=1e-13)
    assert layer.dZ is dZ


# --- a learner's mistakes ------------------------------------------------------------------


def test_a_1d_input_is_refused_naming_a_prev_and_the_reshape():
    with pytest.raises(ValueError, match=r"A_prev must be 2-D.*reshape\(-1, 1\)"):
        fresh_layer().forward(np.array([1.0, 2.0]))


def test_examples_as_rows_are_refused_naming_the_rows_expected_and_the_transpose():
    with pytest.raises(ValueError, match=r"A_prev must have 2 rows.*X\.T"):
        fresh_layer().forward(A_PREV.T)
    with pytest.raises(ValueError, match=r"Z must have 3 rows"):
        SigmoidLayer((3, 5)).forward(G.T)


def test_backward_before_forward_asks_for_forward_first():
    with pytest.raises(LayerStateError, match=r"call forward\(\) first"):
        fresh_layer().backward(G)
    with pytest.raises(LayerStateError, match=r"call forward\(\) first"):
        SigmoidLayer((3, 5)).backward(G)


def test_update_before_backward_asks_for_backward_first():
    layer = fresh_layer()
    layer.forward(A_PREV)
    with pytest.raises(LayerStateError, match=r"call backward\(\) first"):
        layer.update_params(0.1)
    np.testing.assert_array_equal(layer.params["W"], W)


def test_an_update_applied_twice_is_refused_and_leaves_the_first():
    layer = trained_to_backward()
    layer.update_params(0.1)
    once = {k: v.copy() for k, v in layer.params.items()}
    with pytest.raises(LayerStateError, match=r"backward\(\)"):
        layer.update_params(0.1)
    with pytest.raises(LayerStateError, match=r"forward\(\)"):  # the pass is used up too
        layer.backward(G)
    for k in once:
        np.testing.assert_array_equal(layer.params[k], once[k])


@pytest.mark.parametrize("rate, error", [(0, ValueError), (-1, ValueError), (float("nan"), ValueError),
                                         (float("inf"), ValueError), ("0.1", TypeError), (True, TypeError),
                                         (np.array([0.1]), TypeError)])
def test_a_learning_rate_that_is_not_a_positive_finite_number_is_refused_and_the_step_kept(rate, error):
    layer = trained_to_backward()
    with pytest.raises(error, match="learning_rate"):
        layer.update_params(rate)
    np.testing.assert_array_equal(layer.params["W"], W)
    dW = layer.dW.copy()
    layer.update_params(0.1)  # the gradient is still there for a corrected call
    np.testing.assert_allclose(layer.params["W"], W - 0.1 * dW, rtol=1e-15)


def test_an_upstream_gradient_of_the_wrong_shape_is_refused_naming_it():
    layer = fresh_layer()
    layer.forward(A_PREV)
    with pytest.raises(ValueError, match=r"upstream_grad must have the shape.*\(3, 5\)"):
        layer.backward(G.T)


@pytest.mark.parametrize("shape, error", [((2,), TypeError), ((2, 0), ValueError), ([2, 4], TypeError)])
def test_a_shape_that_is_not_a_pair_of_positive_ints_is_refused(shape, error):
    with pytest.raises(error, match="input_shape"):
        LinearLayer(shape, 3)
    with pytest.raises(error, match="shape"):
        SigmoidLayer(shape)


def test_from_params_with_one_neurons_weights_as_a_flat_list_says_to_nest_them():
    with pytest.raises(ValueError, match=r"W must be 2-D, one row of weights per neuron.*\[\[0.1, 0.6\]\]"):
        LinearLayer.from_params([0.1, 0.6])
