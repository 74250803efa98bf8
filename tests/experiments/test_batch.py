"""Tests of nbnp.experiments.batch: the per-example loop and the vectorized batch gradients."""

import types

import numpy as np
import pytest

import nbnp
from nbnp.experiments import batch
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


def test_gradients_leave_parameters_unchanged():
    layers, X, Y = _deep_network()
    before = [layer.params["W"].copy() for layer in layers[::2]]
    loop_gradients(layers, X, Y)
    vectorized_gradients(layers, X, Y)
    for layer, W in zip(layers[::2], before):
        np.testing.assert_array_equal(layer.params["W"], W)


def test_bad_input_is_rejected():
    layers, X, Y = _or_neuron()
    with pytest.raises(ValueError, match="one column per example"):
        loop_gradients(layers, X, Y[:, :3])
    with pytest.raises(TypeError, match="layers"):
        vectorized_gradients("net", X, Y)
    with pytest.raises(ValueError, match="2 rows"):
        vectorized_gradients(layers, X[:1], Y)


def test_time_gradients_returns_one_positive_time_per_size():
    layers, _, _ = _or_neuron()
    calls = []

    def method(net, X, Y):
        calls.append(X.shape)
        return vectorized_gradients(net, X, Y)

    seconds = time_gradients(method, layers, [3, 5], repeats=2)
    assert seconds.shape == (2,) and (seconds > 0).all()
    assert calls == [(2, 3), (2, 5), (2, 3), (2, 5)]  # round robin over the sizes
    with pytest.raises(TypeError, match="method"):
        time_gradients(None, layers, [3])
    with pytest.raises(ValueError, match="sizes"):
        time_gradients(method, layers, [])
    with pytest.raises(ValueError, match="positive"):
        time_gradients(method, layers, [4, 0])


def test_time_gradients_does_not_touch_the_global_stream():
    layers, _, _ = _or_neuron()
    np.random.seed(48)
    expected = np.random.rand()
    np.random.seed(48)
    time_gradients(vectorized_gradients, layers, [4], repeats=1)
    assert np.random.rand() == expected


@pytest.mark.parametrize("k", [0.0, 1.0, 2.0, 1.5])
def test_growth_exponent_recovers_a_power_law(k):
    sizes = [10, 100, 1000, 10000]
    seconds = 3e-6 * np.array(sizes, dtype=float) ** k
    assert growth_exponent(sizes, seconds) == pytest.approx(k, abs=1e-12)


def test_growth_exponent_min_size_drops_the_overhead_regime():
    sizes = [1, 10, 100, 1000, 10000]
    seconds = np.array([1.0, 1.0, 1.0, 10.0, 100.0])  # flat, then linear
    assert growth_exponent(sizes, seconds) < 0.9
    assert growth_exponent(sizes, seconds, min_size=100) == pytest.approx(1.0)


def test_growth_exponent_keeps_sizes_equal_to_min_size_and_fits_two_of_them():
    sizes, seconds = [1, 10, 100], [1.0, 10.0, 1000.0]
    assert growth_exponent(sizes[:2], seconds[:2]) == pytest.approx(1.0)  # the default keeps m = 1
    assert growth_exponent(sizes, seconds, min_size=10) == pytest.approx(2.0)  # 10 and 100 exactly
    with pytest.raises(ValueError, match="^seconds must be finite and greater than 0$"):
        growth_exponent(sizes, [1.0, np.inf, 2.0])
    with pytest.raises(ValueError, match="^min_size must be a positive integer, but received 0$"):
        growth_exponent(sizes, seconds, min_size=0)


def test_growth_exponent_rejects_bad_timings():
    with pytest.raises(ValueError, match="one entry per size"):
        growth_exponent([1, 2], [1.0])
    with pytest.raises(ValueError, match="greater than 0"):
        growth_exponent([1, 2], [1.0, 0.0])
    with pytest.raises(ValueError, match="two sizes"):
        growth_exponent([1, 2], [1.0, 2.0], min_size=2)


def _numpy_step(W, b, X, Y, alpha=1.0):
    """One full-batch iteration written out with NumPy only: (dW, db, new W, new b)."""
    A = 1 / (1 + np.exp(-(W @ X + b)))
    dZ = -(Y - A) / X.shape[1] * A * (1 - A)
    dW, db = dZ @ X.T, dZ.sum()
    return dW, db, W - alpha * dW, b - alpha * db


def test_chapter4_exercise_second_iteration():
    """The solution of chapter 4's exercise: the gradients of the second iteration."""
    X, Y = nbnp.or_gate()
    _, _, W1, b1 = _numpy_step(np.array([[0.1, 0.6]]), 0.0, X, Y)
    dW2, db2, _, _ = _numpy_step(W1, b1, X, Y)
    # As the notebook computes it: an update through the layers, then vectorized_gradients.
    layers, _, _ = _or_neuron()
    vectorized_gradients(layers, X, Y)
    layers[0].update_params(1)
    [(dW, db)] = vectorized_gradients(layers, X, Y)
    np.testing.assert_allclose(dW, dW2, rtol=1e-13)
    np.testing.assert_allclose(db, [[db2]], rtol=1e-13)
    assert nbnp.compare("ch4.dW_second", dW).status == "agrees after rounding"
    assert nbnp.compare("ch4.db_second", db).status == "agrees after rounding"


def test_chapter5_exercise_update_with_the_cross():
    """The solution of chapter 5's exercise: one update from W = [0.1, 0.6, 0.2], b = 0."""
    X, Y = nbnp.xor_gate()
    X3 = nbnp.feature_cross(X)
    _, _, W1, b1 = _numpy_step(np.array([[0.1, 0.6, 0.2]]), 0.0, X3, Y)
    cost_numpy = np.sum((Y - 1 / (1 + np.exp(-(W1 @ X3 + b1)))) ** 2) / 8
    layers = [nbnp.LinearLayer.from_params([[0.1, 0.6, 0.2]], 0.0, m=4), nbnp.SigmoidLayer((1, 4))]
    vectorized_gradients(layers, X3, Y)
    layers[0].update_params(1)
    np.testing.assert_allclose(layers[0].params["W"], W1, rtol=1e-14)
    cost, _ = nbnp.compute_cost(Y, nbnp.forward(layers, X3))
    assert cost == pytest.approx(cost_numpy, rel=1e-14)
    assert nbnp.fmt_fixed(cost, 3) == "0.136"  # the value the notebook prints


def _numpy_two_layer_gradients(W1, b1, W2, b2, X, Y):
    """Gradients of the 2-3-1 sigmoid network written out with NumPy only."""
    sig = lambda Z: 1 / (1 + np.exp(-Z))  # noqa: E731
    A1 = sig(W1 @ X + b1)
    A2 = sig(W2 @ A1 + b2)
    dZ2 = -(Y - A2) / X.shape[1] * A2 * (1 - A2)
    dZ1 = (W2.T @ dZ2) * A1 * (1 - A1)
    return dZ1 @ X.T, dZ1.sum(axis=1, keepdims=True), dZ2 @ A1.T, dZ2.sum(axis=1, keepdims=True)


def test_chapter6_exercise_next_iteration_gradients():
    """The solution of chapter 6's exercise: the gradients after one update of the seeded 2-3-1 network."""
    X, Y = nbnp.xor_gate()
    rng = np.random.RandomState(48)
    W1, W2 = rng.randn(3, 2) / np.sqrt(2), rng.randn(1, 3) / np.sqrt(3)  # xavier, in the article's order
    b1, b2 = np.zeros((3, 1)), np.zeros((1, 1))
    dW1, db1, dW2, db2 = _numpy_two_layer_gradients(W1, b1, W2, b2, X, Y)
    W1, b1, W2, b2 = W1 - dW1, b1 - db1, W2 - dW2, b2 - db2
    expected = _numpy_two_layer_gradients(W1, b1, W2, b2, X, Y)
    # As the notebook computes it.
    np.random.seed(48)
    network = nbnp.build_network(X.shape, [3, 1], ini_type="xavier")
    vectorized_gradients(network, X, Y)
    for layer in network[::2]:
        layer.update_params(1)
    (g_W1, g_b1), (g_W2, g_b2) = vectorized_gradients(network, X, Y)
    for ours, theirs in zip((g_W1, g_b1, g_W2, g_b2), expected):
        np.testing.assert_allclose(ours, theirs, rtol=1e-12, atol=1e-15)
    assert nbnp.fmt_array(g_W2, decimals=3) == "[[0.007, 0.011, 0.012]]"  # as printed in the chapter


def test_bad_input_names_the_argument():
    layers, X, Y = _or_neuron()
    with pytest.raises(TypeError, match="^X must"):
        loop_gradients(layers, "X", Y)
    with pytest.raises(TypeError, match="^Y must"):
        loop_gradients(layers, X, "Y")
    with pytest.raises(ValueError, match=r"^repeats must be a positive integer"):
        time_gradients(vectorized_gradients, layers, [3], repeats=0)
    with pytest.raises(ValueError, match=r"^sizes\[1\] must be a positive integer"):
        time_gradients(vectorized_gradients, layers, [3, np.int64(0)])
    with pytest.raises(
        ValueError,
        match=r"^layers must contain at least one layer with parameters \(a LinearLayer\) to have gradients$",
    ):
        time_gradients(vectorized_gradients, [nbnp.SigmoidLayer((1, 4))], [3])
    with pytest.raises(TypeError, match="got NoneType"):
        time_gradients(None, layers, [3])


def test_time_gradients_times_each_size_on_the_same_seeded_batch():
    layers, _, _ = _or_neuron()
    seen = []

    def method(net, X, Y):
        seen.append((X.copy(), Y.copy()))
        return vectorized_gradients(net, X, Y)

    time_gradients(method, layers, [6], repeats=2, seed=5)
    rng = np.random.RandomState(5)
    X, Y = rng.rand(2, 6), (rng.rand(1, 6) > 0.5).astype(float)
    for X_seen, Y_seen in seen:
        np.testing.assert_array_equal(X_seen, X)
        np.testing.assert_array_equal(Y_seen, Y)


def test_growth_exponent_refuses_a_rank_deficient_fit():
    with pytest.raises(ValueError, match=r"two sizes .* must differ \(the fit would be rank-deficient\)"):
        growth_exponent([4, 4, 4], [1.0, 2.0, 3.0])
    with pytest.raises(ValueError, match=r"rank-deficient"):
        growth_exponent([1, 8, 8], [1.0, 2.0, 3.0], min_size=2)
    assert growth_exponent([1, 8, 8], [1.0, 8.0, 8.0]) == pytest.approx(1.0)


def test_time_gradients_keeps_the_fastest_of_three_rounds_by_default(monkeypatch):
    layers, _, _ = _or_neuron()
    clock = [1000.0]
    durations = iter([0.5, 2.0, 0.25, 3.0, 1.0, 1.0])  # calls alternate between m = 3 and m = 5

    def method(net, X, Y):
        clock[0] += next(durations)

    monkeypatch.setattr(batch, "time", types.SimpleNamespace(perf_counter=lambda: clock[0]))
    assert time_gradients(method, layers, [3, 5]).tolist() == [0.25, 1.0]
    assert next(durations, "all used") == "all used"


def test_time_gradients_draws_its_batches_from_seed_0_by_default():
    layers, _, _ = _or_neuron()
    seen = []
    time_gradients(lambda net, X, Y: seen.append((X, Y)), layers, [6], repeats=1)
    rng = np.random.RandomState(0)
    np.testing.assert_array_equal(seen[0][0], rng.rand(2, 6))
    np.testing.assert_array_equal(seen[0][1], (rng.rand(1, 6) > 0.5).astype(float))


def test_time_gradients_names_the_type_of_a_method_that_is_not_a_function():
    layers, _, _ = _or_neuron()
    with pytest.raises(TypeError, match=r"^method must be a function .* -> gradients, got int$"):
        time_gradients(5, layers, [3])


def test_sizes_may_be_numpy_integers_but_not_floats():
    assert growth_exponent(np.array([10, 100]), [1.0, 10.0]) == pytest.approx(1.0)
    with pytest.raises(TypeError, match=r"^sizes\[1\] must be a positive integer"):
        growth_exponent([10, 100.0], [1.0, 10.0])
    with pytest.raises(TypeError, match=r"^sizes\[0\] must be a positive integer"):
        time_gradients(vectorized_gradients, _or_neuron()[0], [2.5])
