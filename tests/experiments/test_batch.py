"""Tests of nbnp.experiments.batch: the per-example loop and the vectorized batch gradients."""


import numpy as np
import pytest

import nbnp
from nbnp.experiments.batch import (
    growth_exponent,
    loop_gradients,
    per_example_gradients,
    time_gradients,
    vectorized_gradients,
)


def _or_neuron():
    X, Y = nbnp.or_gate()
    layers = [nbnp.LinearLayer.from_params([[0.1, 0.6]], 0.0, m=4), nbnp.SigmoidLayer((1, 4))]
    return layers, X, Y


def _deep_network(seed=3):
    rng = np.random.RandomState(seed)
    X, Y = rng.rand(3, 7), (rng.rand(1, 7) > 0.5).astype(float)  # labels are one row (1, m)
    layers = nbnp.build_network(X.shape, [4, 2, 1], "xavier", random_state=rng)
    for layer in layers[::2]:
        layer.params["b"] = rng.randn(*layer.params["b"].shape)
    return layers, X, Y


def test_vectorized_first_iteration_matches_hand_computation():
    layers, X, Y = _or_neuron()
    [(dW, db)] = vectorized_gradients(layers, X, Y)
    # Independent computation straight from the formulas of the chapter.
    A = 1 / (1 + np.exp(-(np.array([[0.1, 0.6]]) @ X)))
    dZ = -(Y - A) / 4 * A * (1 - A)
    np.testing.assert_allclose(dW, dZ @ X.T, rtol=1e-15)
    np.testing.assert_allclose(db, [[dZ.sum()]], rtol=1e-15)
    assert dW.shape == (1, 2) and db.shape == (1, 1)


@pytest.mark.parametrize("make", [_or_neuron, _deep_network])
def test_loop_equals_vectorized(make):
    layers, X, Y = make()
    loop = loop_gradients(layers, X, Y)
    vec = vectorized_gradients(layers, X, Y)
    assert len(loop) == len(vec) == len(layers) // 2
    for (dW_l, db_l), (dW_v, db_v) in zip(loop, vec):
        assert dW_l.shape == dW_v.shape and db_l.shape == db_v.shape
        np.testing.assert_allclose(dW_l, dW_v, rtol=1e-12, atol=1e-15)
        np.testing.assert_allclose(db_l, db_v, rtol=1e-12, atol=1e-15)


def test_gradient_is_average_of_per_example_gradients():
    layers, X, Y = _deep_network()
    per = per_example_gradients(layers, X, Y)
    vec = vectorized_gradients(layers, X, Y)
    for (dW_i, db_i), (dW, db) in zip(per, vec):
        assert dW_i.shape == (7,) + dW.shape and db_i.shape == (7,) + db.shape
        np.testing.assert_allclose(dW_i.mean(axis=0), dW, rtol=1e-12, atol=1e-15)
        np.testing.assert_allclose(db_i.mean(axis=0), db, rtol=1e-12, atol=1e-15)


def test_per_example_gradient_is_the_single_example_loss_gradient():
    layers, X, Y = _or_neuron()
    [(dW_i, db_i)] = per_example_gradients(layers, X, Y)
    # Example 2, x = (0, 1), y = 1: ŷ = σ(0.6), ∂L/∂z = −(1 − ŷ)·ŷ(1 − ŷ), ∂L/∂w = ∂L/∂z · x.
    y_hat = 1 / (1 + np.exp(-0.6))
    dz = -(1 - y_hat) * y_hat * (1 - y_hat)
    np.testing.assert_allclose(dW_i[1], [[0.0, dz]], rtol=1e-15)
    np.testing.assert_allclose(db_i[1], [[dz]], rtol=1e-15)


def test_time_gradients_gives_one_time_per_size_and_refuses_what_it_cannot_time():
    layers, _, _ = _or_neuron()
    seconds = time_gradients(vectorized_gradients, layers, [3, 5], repeats=2)
    assert seconds.shape == (2,) and np.all((seconds > 0) & np.isfinite(seconds))
    with pytest.raises(TypeError, match="method"):
        time_gradients(None, layers, [3])
    with pytest.raises(ValueError, match="sizes"):
        time_gradients(vectorized_gradients, layers, [])
    with pytest.raises(ValueError, match="at least 1"):
        time_gradients(vectorized_gradients, layers, [4, 0])


@pytest.mark.parametrize("k", [0.0, 1.0, 2.0, 1.5])
def test_growth_exponent_recovers_a_power_law(k):
    sizes = [10, 100, 1000, 10000]
    seconds = 3e-6 * np.array(sizes, dtype=float) ** k
    assert growth_exponent(sizes, seconds) == pytest.approx(k, abs=1e-12)
