"""Tests for nbnp.gradcheck, nbnp.layer_gradcheck and nbnp.network_gradcheck.

The layer, cost and network checkers, the ε sweep and fmt_magnitude.
"""

import math
import re
import warnings

import autograd
import autograd.numpy as anp
import numpy as np
import pytest

import nbnp
from nbnp.gradcheck import EPS, check_cost_gradient, fmt_magnitude
from nbnp.layer_gradcheck import check_layer_gradients, layer_relative_error
from nbnp.network_gradcheck import (
    check_network_gradients,
    eps_sweep,
    network_gradient_vectors,
    network_relative_error,
)


class ForgetfulSigmoidLayer(nbnp.SigmoidLayer):
    """Local gradient A instead of A(1 − A)."""

    def backward(self, upstream_grad):
        self.dZ = upstream_grad * self.A
        return self.dZ


class QuarterWeightsLayer(nbnp.LinearLayer):
    """dW divided by 4: a multiplicative bug."""

    def backward(self, upstream_grad):
        dA_prev = super().backward(upstream_grad)
        self.dW = self.dW / 4
        return dA_prev


def _xor_network(sizes=(3, 1), seed=48):
    X, Y = nbnp.xor_gate()
    rng = np.random.RandomState(seed)
    return nbnp.build_network(X.shape, list(sizes), "xavier", rng), X, Y


# --- fmt_magnitude ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("x", "text"),
    [
        (3.0e-10, "1e-10"),
        (4.0e-10, "1e-9"),
        (1e-5, "1e-5"),
        (0.6, "1e0"),
        (1.0, "1e0"),
        (0.0, "0"),
        (2, "1e0"),
    ],
)
def test_fmt_magnitude_rounds_on_a_log_scale(x, text):
    assert fmt_magnitude(x) == text


def test_fmt_magnitude_accepts_numpy_scalars():
    assert fmt_magnitude(np.float64(2.5e-7)) == "1e-7"


@pytest.mark.parametrize("bad", [-1e-9, float("nan"), float("inf")])
def test_fmt_magnitude_rejects_negative_and_non_finite(bad):
    with pytest.raises(ValueError, match="x must"):
        fmt_magnitude(bad)


@pytest.mark.parametrize("bad", ["1e-9", None, True, [1e-9]])
def test_fmt_magnitude_rejects_non_numbers(bad):
    with pytest.raises(TypeError, match="x must be a real number"):
        fmt_magnitude(bad)


@pytest.mark.filterwarnings("ignore:overflow encountered")
def test_fmt_magnitude_refuses_a_number_beyond_the_float_range():
    # finite as a long double (on x86 and ARM Linux), infinite as the float it is printed from
    with pytest.raises(ValueError, match=r"^x must contain only finite numbers, but it contains infinity"):
        fmt_magnitude(np.longdouble("1e400"))
    with pytest.raises(ValueError, match=r"^x holds an integer too large for a float \(beyond 1.8e308\)"):
        fmt_magnitude(10**400)  # was an OverflowError from inside NumPy


# --- check_layer_gradients and layer_relative_error ------------------------------


def test_linear_layer_gradients_pass_for_every_array():
    network, X, _ = _xor_network()
    errors = check_layer_gradients(network[0], X)
    assert set(errors) == {"W", "b", "A_prev"}
    assert all(error < 1e-7 for error in errors.values())


def test_sigmoid_layer_gradient_passes():
    Z = np.random.RandomState(1).randn(3, 4)
    errors = check_layer_gradients(nbnp.SigmoidLayer(Z.shape), Z)
    assert set(errors) == {"Z"}
    assert errors["Z"] < 1e-7


def test_layer_check_finds_the_wrong_gradient_only():
    X, _ = nbnp.xor_gate()
    layer = QuarterWeightsLayer(X.shape, 3, "xavier", np.random.RandomState(0))
    errors = check_layer_gradients(layer, X)
    # ‖g − g/4‖ / (‖g‖ + ‖g/4‖) = 0.6 whatever g is
    assert errors["W"] == pytest.approx(0.6, rel=1e-6)
    assert errors["b"] < 1e-7 and errors["A_prev"] < 1e-7


def test_buggy_sigmoid_layer_gives_a_large_error():
    Z = np.random.RandomState(2).randn(3, 4)
    assert check_layer_gradients(ForgetfulSigmoidLayer(Z.shape), Z)["Z"] > 1e-2
    assert layer_relative_error(ForgetfulSigmoidLayer(Z.shape), Z) > 1e-2


def test_layer_check_uses_the_given_upstream_gradient():
    X, _ = nbnp.xor_gate()
    layer = nbnp.LinearLayer(X.shape, 2, "xavier", np.random.RandomState(3))
    G = np.arange(8.0).reshape(2, 4)
    check_layer_gradients(layer, X, upstream_grad=G)
    np.testing.assert_allclose(layer.dW, G @ X.T)
    np.testing.assert_allclose(layer.db, G.sum(axis=1, keepdims=True))


def test_layer_check_restores_parameters_and_leaves_the_global_stream_alone():
    network, X, _ = _xor_network()
    W = network[0].params["W"].copy()
    state = np.random.get_state()
    check_layer_gradients(network[0], X)
    layer_relative_error(network[0], X, draws=2)
    np.testing.assert_array_equal(network[0].params["W"], W)
    after = np.random.get_state()
    assert np.array_equal(state[1], after[1]) and state[2] == after[2]


def test_layer_check_rejects_a_wrong_upstream_shape():
    network, X, _ = _xor_network()
    with pytest.raises(ValueError, match=r"upstream_grad must have the shape of the layer's output \(3, 4\)"):
        check_layer_gradients(network[0], X, upstream_grad=np.ones((4, 3)))


def test_layer_check_rejects_a_non_layer():
    with pytest.raises(TypeError, match="must be a layer, an object with forward and backward methods"):
        check_layer_gradients("layer", np.ones((2, 4)))


@pytest.mark.parametrize("draws", [0, -1])
def test_layer_relative_error_rejects_non_positive_draws(draws):
    network, X, _ = _xor_network()
    with pytest.raises(ValueError, match="draws must be a positive integer"):
        layer_relative_error(network[0], X, draws=draws)


def test_layer_relative_error_pools_the_draws():
    network, X, _ = _xor_network()
    pooled = layer_relative_error(network[0], X, draws=3)
    assert 0 < pooled < 1e-7


def test_layer_relative_error_pools_eight_draws_by_default():
    network, X, _ = _xor_network()
    assert float(layer_relative_error(network[0], X)) == float(layer_relative_error(network[0], X, draws=8))
    assert float(layer_relative_error(network[0], X)) != float(layer_relative_error(network[0], X, draws=9))


def test_layer_relative_error_draws_from_random_state_0_like_the_single_check():
    # a sigmoid has one gradient, dZ: one draw pools only it, with the upstream
    # gradient check_layer_gradients draws by default, and with the same round-off floor
    Z = np.random.RandomState(2).randn(3, 4)
    single = check_layer_gradients(nbnp.SigmoidLayer(Z.shape), Z)["Z"]
    pooled = layer_relative_error(nbnp.SigmoidLayer(Z.shape), Z, draws=1)
    assert single.checkable and pooled.checkable
    assert float(pooled) == float(single) and pooled.floor == single.floor


# --- check_cost_gradient -----------------------------------------------------------


def test_cost_gradient_passes():
    Y = np.array([[0.0, 1.0, 1.0, 0.0]])
    Y_hat = np.array([[0.2, 0.7, 0.4, 0.9]])
    assert check_cost_gradient(Y, Y_hat) < 1e-7


def test_cost_gradient_uses_the_given_step():
    # at ε = 1e-12 the round-off of the cost, ~ machine-ε · cost / ε, shows in the error
    Y = np.array([[0.0, 1.0, 1.0, 0.0]])
    Y_hat = np.array([[0.2, 0.7, 0.4, 0.9]])
    assert check_cost_gradient(Y, Y_hat, eps=1e-12) > 1e-7 > check_cost_gradient(Y, Y_hat)


def test_cost_gradient_check_calls_no_deprecated_numpy():
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # NumPy's deprecations become errors in later releases
        assert check_cost_gradient(np.array([[0.0, 1.0]]), np.array([[0.2, 0.7]])) < 1e-7


def test_cost_gradient_rejects_broadcastable_shapes():
    with pytest.raises(ValueError, match="same shape"):
        check_cost_gradient(np.ones((4, 1)), np.ones((1, 4)))


# --- network checks ----------------------------------------------------------------


def test_network_gradient_vectors_stack_every_parameter_in_order():
    network, X, Y = _xor_network()
    analytic, numeric = network_gradient_vectors(network, X, Y)
    assert analytic.shape == numeric.shape == (3 * 2 + 3 + 1 * 3 + 1,)
    Z1, _, Z2, _ = network
    expected = np.concatenate([Z1.dW.ravel(), Z1.db.ravel(), Z2.dW.ravel(), Z2.db.ravel()])
    np.testing.assert_array_equal(analytic, expected)
    np.testing.assert_allclose(numeric, analytic, rtol=1e-6, atol=1e-10)


def test_network_relative_error_passes_and_catches_a_hidden_bug():
    network, X, Y = _xor_network((5, 3, 1))
    assert network_relative_error(network, X, Y) < 1e-7
    network[1] = ForgetfulSigmoidLayer(network[1].A.shape)
    assert network_relative_error(network, X, Y) > 1e-2


def test_per_parameter_check_locates_the_bug_below_the_output_layer():
    network, X, Y = _xor_network()
    network[1] = ForgetfulSigmoidLayer(network[1].A.shape)
    errors = nbnp.check_network_gradients(network, X, Y)
    assert errors["W2"] < 1e-7 and errors["b2"] < 1e-7
    assert errors["W1"] > 1e-2 and errors["b1"] > 1e-2


# --- eps_sweep -----------------------------------------------------------------------


def test_eps_sweep_shows_second_order_truncation_error():
    network, X, Y = _xor_network()
    big, small = eps_sweep(network, X, Y, [1e-2, 1e-3])
    # central differences: the error falls like ε², two decades per decade of ε
    assert 1.8 < math.log10(big / small) < 2.2


def test_eps_sweep_has_its_minimum_near_the_default_step():
    network, X, Y = _xor_network()
    eps_values = [10.0**-k for k in range(2, 10)]
    errors = eps_sweep(network, X, Y, eps_values)
    assert eps_values[int(np.argmin(errors))] in (1e-4, EPS, 1e-6)
    assert errors[-1] > 100 * min(errors)  # round-off takes over for tiny steps


def test_eps_sweep_equals_the_network_check_at_each_step():
    network, X, Y = _xor_network()
    assert eps_sweep(network, X, Y, [1e-3]) == [network_relative_error(network, X, Y, 1e-3)]


@pytest.mark.parametrize(("bad", "error"), [([], ValueError), ([1e-3, 0.0], ValueError), ("1e-3", TypeError)])
def test_eps_sweep_rejects_bad_steps(bad, error):
    network, X, Y = _xor_network()
    with pytest.raises(error, match="eps"):
        eps_sweep(network, X, Y, bad)


@pytest.mark.parametrize("bad", [0.0, -1e-5, float("nan")])
def test_network_check_rejects_a_bad_step(bad):
    network, X, Y = _xor_network()
    with pytest.raises(ValueError, match="eps must be a finite number greater than 0"):
        network_relative_error(network, X, Y, eps=bad)


# --- numerical_gradient, relative_error, and whole networks against two references --------

NETWORKS = [([3, 1], 2, 4), ([1], 2, 4), ([4, 2, 1], 3, 6), ([5, 1], 2, 8), ([3, 3, 1], 4, 5)]


def _random_network(sizes, n_x, m, seed=1):
    rng = np.random.RandomState(seed)
    X, Y = rng.randn(n_x, m), (rng.rand(1, m) > 0.5).astype(float)
    return nbnp.build_network(X.shape, sizes, "xavier", rng), X, Y


def test_numerical_gradient_of_a_known_function():
    x = np.array([[0.5, -1.0, 2.0]])
    grad = nbnp.numerical_gradient(lambda: float(np.sum(x**3)), x)
    assert nbnp.relative_error(grad, 3 * x**2) < 1e-9


def test_numerical_gradient_restores_x():
    x = np.linspace(-1, 1, 6).reshape(2, 3)
    before = x.copy()
    nbnp.numerical_gradient(lambda: float(np.sum(np.sin(x))), x)
    np.testing.assert_array_equal(x, before)


def test_numerical_gradient_rejects_what_it_cannot_perturb():
    with pytest.raises(TypeError, match="x must be a float64 numpy array"):
        nbnp.numerical_gradient(lambda: 0.0, [[1.0]])
    with pytest.raises(ValueError, match="eps must be a finite number greater than 0, but received 0"):
        nbnp.numerical_gradient(lambda: 0.0, np.zeros(2), eps=0)


def test_check_network_gradients_names_a_bad_eps():
    X, Y = nbnp.xor_gate()
    layers = nbnp.build_network(X.shape, [2, 1], "xavier", np.random.RandomState(0))
    with pytest.raises(TypeError, match="eps must be a positive real number, but received str 'e'"):
        nbnp.check_network_gradients(layers, X, Y, eps="e")
    with pytest.raises(ValueError, match="eps must be a finite number greater than 0, but received nan"):
        nbnp.check_network_gradients(layers, X, Y, eps=float("nan"))


def test_relative_error():
    a = np.array([1.0, 2.0])
    assert nbnp.relative_error(a, a) == 0.0
    assert nbnp.relative_error(np.zeros(2), np.zeros(2)) == 0.0
    assert nbnp.relative_error(a, -a) == 1.0
    assert nbnp.relative_error(a, 1.1 * a) == pytest.approx(0.1 / 2.1)
    with pytest.raises(ValueError, match=r"a and b must have the same shape, got \(2,\) and \(3,\)"):
        nbnp.relative_error(a, np.zeros(3))


@pytest.mark.parametrize("sizes, n_x, m", NETWORKS, ids=lambda v: str(v))
def test_every_parameter_of_a_network_matches_central_differences(sizes, n_x, m):
    layers, X, Y = _random_network(sizes, n_x, m)
    errors = nbnp.check_network_gradients(layers, X, Y)
    assert sorted(errors) == sorted(f"{p}{i}" for i in range(1, len(sizes) + 1) for p in "Wb")
    assert max(errors.values()) < 1e-7, errors


def _autograd_cost(params, X, Y):
    A = X
    for W, b in zip(params[::2], params[1::2]):
        A = 1 / (1 + anp.exp(-(anp.dot(W, A) + b)))
    return 1 / (2 * Y.shape[1]) * anp.sum((Y - A) ** 2)


@pytest.mark.parametrize("sizes, n_x, m", NETWORKS, ids=lambda v: str(v))
def test_every_gradient_of_a_network_matches_autograd(sizes, n_x, m):
    layers, X, Y = _random_network(sizes, n_x, m, seed=2)
    _, dA = nbnp.compute_cost(Y, nbnp.forward(layers, X))
    nbnp.backward(layers, dA)
    linear = layers[::2]
    params = [p for layer in linear for p in (layer.params["W"], layer.params["b"])]
    theirs = autograd.grad(_autograd_cost)(params, X, Y)
    ours = [g for layer in linear for g in (layer.dW, layer.db)]
    for name, a, b in zip([f"{p}{i}" for i in range(1, len(linear) + 1) for p in "Wb"], ours, theirs):
        assert nbnp.relative_error(a, b) < 1e-12, name
    d_input = autograd.grad(lambda x: _autograd_cost(params, x, Y))(X)
    assert nbnp.relative_error(layers[0].dA_prev, d_input) < 1e-12


def test_trained_network_gradients_match_autograd():
    """After training, the same gradients as autograd at the trained weights."""
    layers, X, Y = _xor_network()
    nbnp.train(layers, X, Y, epochs=300)
    _, dA = nbnp.compute_cost(Y, nbnp.forward(layers, X))
    nbnp.backward(layers, dA)
    params = [p for layer in layers[::2] for p in (layer.params["W"], layer.params["b"])]
    theirs = autograd.grad(_autograd_cost)(params, X, Y)
    ours = [g for layer in layers[::2] for g in (layer.dW, layer.db)]
    assert max(nbnp.relative_error(a, b) for a, b in zip(ours, theirs)) < 1e-12


def test_gradient_checks_name_the_bad_argument():
    X, Y = nbnp.xor_gate()
    layers = nbnp.build_network(X.shape, [1], random_state=np.random.RandomState(0))
    with pytest.raises(TypeError, match="^X must be a numeric array"):
        check_network_gradients(layers, "X", Y)
    with pytest.raises(TypeError, match="^Y must be a numeric array"):
        check_network_gradients(layers, X, "Y")
    with pytest.raises(TypeError, match="^A_in must be a numeric array"):
        check_layer_gradients(layers[0], "A")
    with pytest.raises(TypeError, match="^upstream_grad must be a numeric array"):
        check_layer_gradients(layers[0], X, upstream_grad="g")


def test_more_gradient_checks_name_the_bad_argument():
    X, Y = nbnp.xor_gate()
    layers = nbnp.build_network(X.shape, [1], random_state=np.random.RandomState(0))
    with pytest.raises(TypeError, match="^A_in must"):
        layer_relative_error(layers[0], "A")
    with pytest.raises(TypeError, match="^Y must"):
        check_cost_gradient("Y", Y)
    with pytest.raises(TypeError, match="^Y_hat must"):
        check_cost_gradient(Y, "Y")
    with pytest.raises(TypeError, match="^X must"):
        network_gradient_vectors(layers, "X", Y)
    with pytest.raises(TypeError, match="^Y must"):
        network_gradient_vectors(layers, X, "Y")
    with pytest.raises(TypeError, match="^eps must be a positive real number, but received str 'e'$"):
        check_layer_gradients(layers[0], X, eps="e")


def test_the_step_reaches_the_central_differences():
    # a larger step leaves a larger truncation error: eps must not be dropped on the way
    X, Y = nbnp.xor_gate()
    layers = nbnp.build_network(X.shape, [3, 1], "xavier", np.random.RandomState(1))
    coarse, fine = (max(check_network_gradients(layers, X, Y, eps=e).values()) for e in (0.3, 1e-5))
    assert coarse > 100 * fine
    sigmoid = layers[1]
    Z = np.vstack([X, X[:1]]) * 3  # the sigmoid has 3 units: Z has 3 rows
    coarse, fine = (max(check_layer_gradients(sigmoid, Z, eps=e).values()) for e in (0.3, 1e-5))
    assert coarse > 100 * fine


# --- issue 14: no false alarm on a saturated network, checked callables, exact errors ---


def _saturated_network():
    """2-1 on XOR with units at z = ±30 and 90: correct, but its gradients are about 1e-27."""
    X, Y = nbnp.xor_gate()
    return [nbnp.LinearLayer.from_params([[60.0, 60.0]], -30.0, m=4), nbnp.SigmoidLayer((1, 4))], X, Y


def test_a_saturated_network_is_too_small_to_check_not_a_relative_error_of_one():
    layers, X, Y = _saturated_network()
    analytic, numeric = network_gradient_vectors(layers, X, Y)
    assert np.abs(analytic).max() < 1e-20 and not numeric.any()  # what used to give 1.0
    assert nbnp.relative_error(analytic, numeric) == 1.0
    errors = nbnp.check_network_gradients(layers, X, Y)
    assert list(errors) == ["W1", "b1"]
    cost = nbnp.compute_cost(Y, nbnp.forward(layers, X))[0]
    for error in errors.values():
        assert not error.checkable and math.isnan(error)
        assert error.floor == np.finfo(float).eps * cost / EPS
        assert error.status == "too small to check" == fmt_magnitude(error) == nbnp.TOO_SMALL
        assert str(error) == f"GradientCheck('too small to check', floor={error.floor!r})"
    assert network_relative_error(layers, X, Y).status == "too small to check"


def test_a_checkable_result_is_the_relative_error_and_prints_as_a_float():
    layers, X, Y = _xor_network()
    errors = nbnp.check_network_gradients(layers, X, Y)
    analytic, numeric = network_gradient_vectors(layers, X, Y)
    pooled = network_relative_error(layers, X, Y)
    assert pooled.checkable and float(pooled) == nbnp.relative_error(analytic, numeric)
    assert repr(pooled) == repr(float(pooled)) and pooled.status == fmt_magnitude(float(pooled))
    assert all(e.checkable and 0 < e < 1e-7 for e in errors.values())


def test_gradient_check_floor_separates_checkable_from_not():
    floor = 1e-10
    assert nbnp.GradientCheck(np.array([2e-10]), np.array([0.0]), floor) == 1.0  # above: a real mismatch
    assert not nbnp.GradientCheck(np.array([1e-10]), np.array([0.0]), floor).checkable  # at the floor
    assert nbnp.GradientCheck(np.zeros(0), np.zeros(0), 0.0).checkable is False


def test_layer_and_cost_checks_report_too_small_too():
    layer = nbnp.SigmoidLayer((1, 2))
    errors = check_layer_gradients(layer, np.array([[40.0, -40.0]]))
    assert errors["Z"].status == "too small to check"
    assert layer_relative_error(nbnp.SigmoidLayer((1, 2)), np.array([[40.0, -40.0]])).status == nbnp.TOO_SMALL
    assert check_cost_gradient(np.zeros((1, 2)), np.ones((1, 2))).checkable


def test_relative_error_of_huge_numbers_is_exact_and_nan_is_refused():
    assert nbnp.relative_error([1e300], [0.0]) == 1.0
    assert nbnp.relative_error([1e308, 1e308], [1e308, 1e308]) == 0.0
    assert nbnp.relative_error([0.0], [1e-320]) == 1.0  # subnormal: no inf scale factor, no NaN
    assert nbnp.relative_error([5e-324, 0.0], [5e-324, 5e-324]) == pytest.approx(1 / (1 + math.sqrt(2)))
    assert nbnp.relative_error([1e300, 0.0], [0.0, 1e300]) == pytest.approx(math.sqrt(2) / 2, rel=1e-15)
    a = np.array([0.1, 0.2, 0.3])
    tiny = 2.0**-1000  # scaling by a power of two is exact: the same error to the last bit
    assert nbnp.relative_error(a * tiny, a * 1.1 * tiny) == nbnp.relative_error(a, a * 1.1)
    for bad in (np.nan, np.inf):
        with pytest.raises(ValueError, match="^a must contain only finite numbers"):
            nbnp.relative_error([bad], [0.0])
        with pytest.raises(ValueError, match="^b must contain only finite numbers"):
            nbnp.relative_error([0.0], [bad])
    with pytest.raises(TypeError, match="^a must be a numeric array"):
        nbnp.relative_error("a", [0.0])


@pytest.mark.parametrize(
    "f, x, error, match",
    [
        (None, np.ones(2), TypeError, r"^f must be callable \(a function\), but received NoneType"),
        (3.0, np.ones(2), TypeError, r"^f must be callable"),
        (lambda: "a", np.ones(2), TypeError, r"^f must return a real number, but returned str"),
        (lambda: True, np.ones(2), TypeError, r"^f must return a real number, but returned bool"),
        (lambda: np.ones(2), np.ones(2), TypeError, r"^f must return a real number, but returned ndarray"),
        (lambda: float("nan"), np.ones(2), ValueError, r"^f must return a finite number, but returned nan"),
        (lambda: 1.0, np.array([np.nan]), ValueError, r"^x must contain only finite numbers"),
        (lambda: 1.0, [1.0], TypeError, r"^x must be a float64 numpy array \(perturbed in place\), got list"),
    ],
)
def test_numerical_gradient_checks_f_and_x(f, x, error, match):
    with pytest.raises(error, match=match):
        nbnp.numerical_gradient(f, x)


def test_numerical_gradient_refuses_an_overflowed_difference():
    x = np.array([0.0])
    with pytest.raises(ValueError, match=r"^the numerical gradient .* must contain only finite numbers"):
        nbnp.numerical_gradient(lambda: 1.5e308 * x[0], x, eps=1)
    x = np.array([3.0])
    assert nbnp.numerical_gradient(lambda: np.float32(x[0]) * 2, x, eps=np.int64(1))[0] == 2.0


def test_eps_accepts_numpy_integers_and_floats():
    layers, X, Y = _xor_network()
    for eps in (np.int64(1), np.float32(1e-3), 1):
        assert set(nbnp.check_network_gradients(layers, X, Y, eps=eps)) == {"W1", "b1", "W2", "b2"}


def test_the_default_upstream_gradient_is_the_same_every_time():
    layers, X, _ = _xor_network()
    first = check_layer_gradients(layers[0], X)
    again = check_layer_gradients(layers[0], X)
    assert {k: float(v) for k, v in first.items()} == {k: float(v) for k, v in again.items()}
    G = np.random.RandomState(0).randn(3, 4)
    given = check_layer_gradients(layers[0], X, upstream_grad=G)
    assert {k: float(v) for k, v in given.items()} == {k: float(v) for k, v in first.items()}


def test_eps_sweep_and_fmt_magnitude_name_their_argument():
    layers, X, Y = _xor_network()
    with pytest.raises(TypeError, match=r"^eps_values must be a list of positive numbers, but received 5"):
        eps_sweep(layers, X, Y, 5)
    with pytest.raises(TypeError, match=r"^x must be a real number, but received str 'a'"):
        fmt_magnitude("a")


# --- issue 14, round two: ε itself, argument names ---------------------------------


def test_an_eps_below_the_floor_is_refused_not_reported_too_small():
    X, Y = nbnp.xor_gate()
    layers = nbnp.build_network(X.shape, [3, 1], "xavier", np.random.RandomState(0))
    message = (
        "eps must be at least 1e-12 (EPS_MIN), but received 1e-20: with a smaller step the round-off "
        "of f(x ± eps), about machine-ε · |f| / eps, swamps any gradient; try the default 1e-05"
    )
    with pytest.raises(ValueError, match=f"^{re.escape(message)}$"):
        check_network_gradients(layers, X, Y, eps=1e-20)
    for check in (
        lambda eps: nbnp.numerical_gradient(lambda: 0.0, np.zeros(2), eps=eps),
        lambda eps: check_layer_gradients(layers[1], np.zeros((3, 4)), eps=eps),
        lambda eps: check_cost_gradient(Y, np.full((1, 4), 0.5), eps=eps),
    ):
        with pytest.raises(ValueError, match=r"^eps must be at least 1e-12"):
            check(9.99e-13)
    assert nbnp.gradcheck.EPS_MIN == 1e-12
    errors = check_network_gradients(layers, X, Y, eps=1e-12)  # the floor itself: chapter 9's last step
    assert all(error.checkable and error < 0.1 for error in errors.values())  # noisy, yet checked


def test_eps_sweep_refuses_no_steps():
    layers, X, Y = _xor_network()
    with pytest.raises(ValueError, match=r"^eps_values must not be empty$"):
        eps_sweep(layers, X, Y, [])


def test_eps_sweep_names_the_bad_step():
    X, Y = nbnp.xor_gate()
    layers = nbnp.build_network(X.shape, [3, 1], "xavier", np.random.RandomState(0))
    with pytest.raises(ValueError, match=r"^eps_values\[1\] must be at least 1e-12"):
        eps_sweep(layers, X, Y, [1e-3, 1e-20])
    with pytest.raises(TypeError, match=r"^eps_values\[0\] must be a positive real number"):
        eps_sweep(layers, X, Y, ["e"])


@pytest.mark.parametrize("check", [check_layer_gradients, layer_relative_error])
def test_the_layer_checks_name_layer(check):
    with pytest.raises(
        TypeError, match=r"^layer must be a layer, an object with forward and backward methods, got 5$"
    ):
        check(5, np.zeros((2, 4)))


def test_the_cost_check_refuses_swapped_labels():
    Y, Y_hat = np.array([[0.0, 1.0]]), np.array([[0.3, 0.6]])
    assert check_cost_gradient(Y, Y_hat) < 1e-7
    with pytest.raises(ValueError, match=r"^Y must hold class labels 0 or 1, but received 0\.3"):
        check_cost_gradient(Y_hat, Y)


@pytest.mark.parametrize("check", [check_layer_gradients, layer_relative_error])
def test_the_layer_checks_name_a_in_when_its_rows_do_not_fit(check):
    X, _ = nbnp.xor_gate()
    layers = nbnp.build_network(X.shape, [3, 1], "xavier", np.random.RandomState(0))
    with pytest.raises(ValueError, match=r"^A_in must have 2 rows .* received shape \(3, 4\)$"):
        check(layers[0], np.ones((3, 4)))
    with pytest.raises(ValueError, match=r"^A_in must have 3 rows .* received shape \(2, 4\)$"):
        check(layers[1], np.ones((2, 4)))


def test_a_nan_gradient_is_refused_not_too_small_to_check():
    with pytest.raises(ValueError, match=r"^analytic must contain only finite numbers, but it contains NaN$"):
        nbnp.GradientCheck(np.array([np.nan]), np.array([0.0]), 1e-10)
    with pytest.raises(ValueError, match=r"^numeric must contain only finite numbers, but it contains inf"):
        nbnp.GradientCheck(np.array([0.0]), np.array([np.inf]), 1e-10)
    with pytest.raises(
        ValueError, match=r"^analytic and numeric must have the same shape, but received \(2,\) and \(3,\)$"
    ):
        nbnp.GradientCheck(np.ones(2), np.ones(3), 0.0)
    with pytest.raises(TypeError, match=r"^floor must be a real number, but received str 'a'$"):
        nbnp.GradientCheck(np.ones(1), np.ones(1), "a")
    with pytest.raises(ValueError, match=r"^floor must be at least 0, but received -1\.0$"):
        nbnp.GradientCheck(np.ones(1), np.ones(1), -1.0)
    check = nbnp.GradientCheck(np.array([1e-14]), np.array([0.0]), 0.0)  # a floor of 0 checks everything
    assert check.checkable and check == 1.0
    assert not nbnp.GradientCheck(np.array([1e-14]), np.array([0.0]), 1e-14).checkable  # at the floor


@pytest.mark.parametrize("check", [check_network_gradients, network_relative_error, network_gradient_vectors])
def test_a_network_without_parameters_has_nothing_to_check(check):
    X, Y = np.array([[0.0, 1.0, 2.0, 3.0]]), np.array([[0.0, 1.0, 1.0, 0.0]])
    message = (
        "layers must hold a layer with parameters (such as a LinearLayer) whose gradients to check, "
        "but none has params"
    )
    with pytest.raises(ValueError, match=f"^{re.escape(message)}$"):
        check([nbnp.SigmoidLayer((1, 4))], X, Y)  # was {} or NumPy's "need at least one array"
