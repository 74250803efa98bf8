"""Tests for nbnp/layers.py: the article's LinearLayer and SigmoidLayer."""

import re
import warnings

import autograd
import autograd.numpy as anp
import numpy as np
import pytest

from nbnp import (
    ARTICLE,
    LayerStateError,
    LinearLayer,
    SigmoidLayer,
    build_network,
    compute_cost,
    fmt,
    numerical_gradient,
    relative_error,
    train,
    xor_gate,
)


def article_run(epochs=5000):
    """The article's Fig. 91-92, line by line: seed 48, xavier, 2-3-1, α = 1."""
    X_train, Y_train = xor_gate()
    np.random.seed(48)
    Z1 = LinearLayer(input_shape=X_train.shape, n_out=3, ini_type="xavier")
    A1 = SigmoidLayer(Z1.Z.shape)
    Z2 = LinearLayer(input_shape=A1.A.shape, n_out=1, ini_type="xavier")
    A2 = SigmoidLayer(Z2.Z.shape)
    costs = {}
    for epoch in range(epochs):
        Z1.forward(X_train)
        A1.forward(Z1.Z)
        Z2.forward(A1.A)
        A2.forward(Z2.Z)
        cost, dA2 = compute_cost(Y=Y_train, Y_hat=A2.A)
        if (epoch % 100) == 0:
            costs[epoch] = cost
        A2.backward(dA2)
        Z2.backward(A2.dZ)
        A1.backward(Z2.dA_prev)
        Z1.backward(A1.dZ)
        Z2.update_params(learning_rate=1)
        Z1.update_params(learning_rate=1)
    return costs, (Z1, A1, Z2, A2)


@pytest.fixture(scope="module")
def article():
    return article_run()


# --- fidelity -------------------------------------------------------------------


@pytest.mark.parametrize("epoch", [4600, 4700, 4800, 4900])
def test_article_loop_reproduces_printed_costs_to_12_significant_digits(article, epoch):
    costs, _ = article
    assert fmt(costs[epoch]) == fmt(ARTICLE[f"ch7.cost_{epoch}"].value)


def test_article_loop_predictions(article):
    _, (Z1, A1, Z2, A2) = article
    X, _ = xor_gate()
    Z1.forward(X)
    A1.forward(Z1.Z)
    Z2.forward(A1.A)
    A2.forward(Z2.Z)
    predictions = (A2.A > 0.5).astype(int)
    np.testing.assert_array_equal(predictions, ARTICLE["ch7.predictions"].value)


# --- construction ---------------------------------------------------------------


def test_linear_layer_shapes():
    layer = LinearLayer((2, 4), 3)
    assert layer.params["W"].shape == (3, 2)
    assert layer.params["b"].shape == (3, 1)
    assert layer.Z.shape == (3, 4)
    assert layer.m == 4
    assert not layer.params["b"].any() and not layer.Z.any()


def test_linear_layer_draws_from_the_global_stream_like_the_article():
    np.random.seed(48)
    expected = np.random.randn(3, 2) / np.sqrt(2)
    np.random.seed(48)
    layer = LinearLayer((2, 4), 3, "xavier")
    np.testing.assert_array_equal(layer.params["W"], expected)


def test_random_state_is_reproducible_and_leaves_the_global_stream_alone():
    np.random.seed(7)
    before = np.random.get_state()[1].copy()
    a = LinearLayer((2, 4), 3, "he", random_state=np.random.RandomState(5))
    b = LinearLayer((2, 4), 3, "he", random_state=np.random.RandomState(5))
    np.testing.assert_array_equal(a.params["W"], b.params["W"])
    np.testing.assert_array_equal(np.random.get_state()[1], before)
    expected = np.random.RandomState(5).randn(3, 2) * np.sqrt(2 / 2)
    np.testing.assert_array_equal(a.params["W"], expected)


def test_sigmoid_layer_shape():
    layer = SigmoidLayer((3, 4))
    assert layer.A.shape == (3, 4) and not layer.A.any()


def test_from_params_copies_and_broadcasts_scalar_bias():
    W = np.array([[0.1, 0.6]])
    layer = LinearLayer.from_params(W, 0.25, m=4)
    W[0, 0] = 99.0
    np.testing.assert_array_equal(layer.params["W"], [[0.1, 0.6]])
    np.testing.assert_array_equal(layer.params["b"], [[0.25]])
    assert layer.Z.shape == (1, 4)


def test_from_params_keeps_the_global_stream():
    np.random.seed(48)
    expected = np.random.randn(3)
    np.random.seed(48)
    LinearLayer.from_params([[1.0, 2.0]], [[0.5]])
    np.testing.assert_array_equal(np.random.randn(3), expected)


def test_from_params_rejects_bad_bias():
    with pytest.raises(ValueError, match=re.escape("b must have shape (2, 1), but received (2, 2)")):
        LinearLayer.from_params(np.ones((2, 3)), np.ones((2, 2)))
    with pytest.raises(ValueError, match=r"b must have 2 rows .* received shape \(3, 1\)"):
        LinearLayer.from_params(np.ones((2, 3)), np.ones((3, 1)))
    with pytest.raises(TypeError, match="b must be a numeric array, but received str 'zero'"):
        LinearLayer.from_params(np.ones((2, 3)), "zero")


# --- forward, backward, update ---------------------------------------------------


def test_linear_forward_is_the_article_formula():
    rng = np.random.RandomState(1)
    W, b, A_prev = rng.randn(3, 2), rng.randn(3, 1), rng.randn(2, 5)
    layer = LinearLayer.from_params(W, b, m=5)
    layer.forward(A_prev)
    np.testing.assert_array_equal(layer.Z, np.dot(W, A_prev) + b)
    assert layer.A_prev is A_prev


def test_linear_forward_accepts_integer_lists():
    layer = LinearLayer.from_params([[1.0, 2.0]], 0.5)
    layer.forward([[1], [1]])
    np.testing.assert_array_equal(layer.Z, [[3.5]])


def test_update_params_is_one_gradient_step():
    rng = np.random.RandomState(2)
    layer = LinearLayer.from_params(rng.randn(2, 3), rng.randn(2, 1), m=4)
    W, b = layer.params["W"].copy(), layer.params["b"].copy()
    layer.forward(rng.randn(3, 4))
    layer.backward(rng.randn(2, 4))
    layer.update_params(0.3)
    np.testing.assert_array_equal(layer.params["W"], W - 0.3 * layer.dW)
    np.testing.assert_array_equal(layer.params["b"], b - 0.3 * layer.db)


def test_update_params_default_learning_rate_is_the_articles_0_1():
    layer = LinearLayer.from_params([[1.0]], 0.0)
    layer.forward([[2.0]])
    layer.backward([[1.0]])
    layer.update_params()
    np.testing.assert_array_equal(layer.params["W"], [[1.0 - 0.1 * 2.0]])


def _linear_case(seed=0, n_in=3, n_out=2, m=4):
    rng = np.random.RandomState(seed)
    layer = LinearLayer.from_params(rng.randn(n_out, n_in), rng.randn(n_out, 1), m=m)
    return layer, rng.randn(n_in, m), rng.randn(n_out, m)


@pytest.mark.parametrize("shape", [(3, 2, 4), (1, 1, 1), (2, 5, 3)])
def test_linear_backward_matches_central_differences(shape):
    layer, A_prev, G = _linear_case(1, *shape)

    def f():
        layer.forward(A_prev)
        return float(np.sum(G * layer.Z))

    f()
    layer.backward(G)
    dW, db, dA_prev = layer.dW.copy(), layer.db.copy(), layer.dA_prev.copy()
    assert relative_error(dW, numerical_gradient(f, layer.params["W"])) < 1e-7
    assert relative_error(db, numerical_gradient(f, layer.params["b"])) < 1e-7
    assert relative_error(dA_prev, numerical_gradient(f, A_prev)) < 1e-7
    assert dW.shape == layer.params["W"].shape and db.shape == layer.params["b"].shape
    assert dA_prev.shape == A_prev.shape


def test_linear_backward_matches_autograd():
    layer, A_prev, G = _linear_case(2)
    layer.forward(A_prev)
    layer.backward(G)

    def f(W, b, A):
        return anp.sum(G * (anp.dot(W, A) + b))

    W, b = layer.params["W"], layer.params["b"]
    for argnum, ours in enumerate((layer.dW, layer.db, layer.dA_prev)):
        theirs = autograd.grad(f, argnum)(W, b, A_prev)
        assert relative_error(ours, theirs) < 1e-12


def test_sigmoid_backward_matches_central_differences_and_autograd():
    rng = np.random.RandomState(3)
    Z, G = rng.randn(3, 4) * 3, rng.randn(3, 4)
    layer = SigmoidLayer(Z.shape)

    def f():
        layer.forward(Z)
        return float(np.sum(G * layer.A))

    f()
    layer.backward(G)
    assert relative_error(layer.dZ, numerical_gradient(f, Z)) < 1e-7
    theirs = autograd.grad(lambda z: anp.sum(G / (1 + anp.exp(-z))))(Z)
    assert relative_error(layer.dZ, theirs) < 1e-12


def test_sigmoid_forward_is_the_article_formula():
    Z = np.linspace(-6, 6, 12).reshape(3, 4)
    layer = SigmoidLayer(Z.shape)
    layer.forward(Z)
    np.testing.assert_array_equal(layer.A, 1 / (1 + np.exp(-Z)))


def test_sigmoid_layer_is_stable_for_large_inputs():
    Z = np.array([[-1e3, -745.0, -710.0, 0.0, 710.0, 1e3]])
    layer = SigmoidLayer(Z.shape)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        layer.forward(Z)
        layer.backward(np.ones_like(Z))
    np.testing.assert_array_equal(layer.A[0, [0, 3, 5]], [0.0, 0.5, 1.0])
    assert np.isfinite(layer.dZ).all()


# --- bad input --------------------------------------------------------------------


def test_unknown_ini_type_lists_the_valid_ones():
    with pytest.raises(
        ValueError, match="ini_type must be one of 'plain', 'xavier', 'he', but received 'glorot'"
    ):
        LinearLayer((2, 4), 3, "glorot")


@pytest.mark.parametrize("n_out", [0, -2])
def test_non_positive_n_out(n_out):
    with pytest.raises(ValueError, match=f"n_out must be a positive integer, but received {n_out}"):
        LinearLayer((2, 4), n_out)


@pytest.mark.parametrize("input_shape", [(2,), (2, 4, 1), 5, "2x4"])
def test_bad_input_shape(input_shape):
    with pytest.raises((ValueError, TypeError), match=r"input_shape must be a pair \(n_in, m\).* received"):
        LinearLayer(input_shape, 3)


def test_bad_input_shape_entry():
    with pytest.raises(ValueError, match=r"input_shape\[1\] must be a positive integer, but received 0"):
        LinearLayer((2, 0), 3)
    with pytest.raises(
        TypeError, match=r"input_shape\[0\] must be a positive integer, but received float 2.0"
    ):
        LinearLayer((2.0, 4), 3)


def test_bad_sigmoid_shape_names_shape():
    with pytest.raises(ValueError, match=r"shape must be a pair \(n, m\).* received \(3,\)"):
        SigmoidLayer((3,))


def test_one_dimensional_input():
    layer = LinearLayer((2, 4), 3)
    with pytest.raises(ValueError, match=r"A_prev must be a 2-D array .* received an array of shape \(2,\)"):
        layer.forward(np.array([0.0, 1.0]))


@pytest.mark.parametrize(
    "bad, received",
    [
        ("0110", "str '0110'"),
        (None, "NoneType None"),
        ([["a", "b"]], "dtype <U1"),
        ([[True], [False]], "dtype bool"),
    ],
)
def test_non_numeric_input(bad, received):
    layer = LinearLayer((2, 1), 3)
    with pytest.raises(
        TypeError, match=f"A_prev must be a numeric array.*but received .*{re.escape(received)}"
    ):
        layer.forward(bad)


def test_input_rows_must_match_W():
    layer = LinearLayer((2, 4), 3)
    with pytest.raises(ValueError, match=r"A_prev must have 2 rows .*, but received shape \(3, 4\)"):
        layer.forward(np.ones((3, 4)))


@pytest.mark.parametrize("bad, word", [(np.nan, "NaN"), (np.inf, "infinity"), (-np.inf, "infinity")])
def test_non_finite_input(bad, word):
    X = np.ones((2, 4))
    X[1, 2] = bad
    with pytest.raises(ValueError, match=f"A_prev must contain only finite numbers, but it contains {word}"):
        LinearLayer((2, 4), 3).forward(X)
    with pytest.raises(ValueError, match=f"Z must contain only finite numbers, but it contains {word}"):
        SigmoidLayer((2, 4)).forward(X)


def test_linear_backward_before_forward():
    with pytest.raises(
        LayerStateError, match=r"LinearLayer.backward was called before forward.*forward\(A_prev\)"
    ):
        LinearLayer((2, 4), 3).backward(np.ones((3, 4)))


def test_sigmoid_backward_before_forward():
    with pytest.raises(
        LayerStateError, match=r"SigmoidLayer.backward was called before forward.*forward\(Z\)"
    ):
        SigmoidLayer((3, 4)).backward(np.ones((3, 4)))


def test_update_before_backward():
    layer = LinearLayer((2, 4), 3)
    layer.forward(np.ones((2, 4)))
    with pytest.raises(LayerStateError, match=r"LinearLayer.update_params was called before backward"):
        layer.update_params(0.1)


def test_layer_state_error_is_a_value_error():
    assert issubclass(LayerStateError, ValueError)


@pytest.mark.parametrize(
    "lr, error, match",
    [
        (0, ValueError, "learning_rate must be a finite number greater than 0, but received 0.0"),
        (-0.5, ValueError, "learning_rate must be a finite number greater than 0, but received -0.5"),
        (float("nan"), ValueError, "learning_rate must be a finite number greater than 0, but received nan"),
        (float("inf"), ValueError, "learning_rate must be a finite number greater than 0, but received inf"),
        ("fast", TypeError, "learning_rate must be a positive real number, but received str 'fast'"),
        (True, TypeError, "learning_rate must be a positive real number, but received bool True"),
    ],
)
def test_bad_learning_rate(lr, error, match):
    layer = LinearLayer((2, 4), 3)
    layer.forward(np.ones((2, 4)))
    layer.backward(np.ones((3, 4)))
    W = layer.params["W"].copy()
    with pytest.raises(error, match=match):
        layer.update_params(lr)
    np.testing.assert_array_equal(layer.params["W"], W)


def test_numpy_scalar_learning_rate_is_accepted():
    layer = LinearLayer.from_params([[1.0]], 0.0)
    layer.forward([[2.0]])
    layer.backward([[1.0]])
    layer.update_params(np.float32(0.5))
    np.testing.assert_array_equal(layer.params["W"], [[0.0]])


def test_upstream_grad_of_wrong_shape():
    layer = LinearLayer((2, 4), 3)
    layer.forward(np.ones((2, 4)))
    with pytest.raises(
        ValueError,
        match=r"upstream_grad must have the shape of the layer's output \(3, 4\), "
        r"but received shape \(4, 3\)",
    ):
        layer.backward(np.ones((4, 3)))
    sigmoid = SigmoidLayer((1, 4))
    sigmoid.forward(np.zeros((1, 4)))
    with pytest.raises(ValueError, match=r"upstream_grad must have .* \(1, 4\), but received shape \(4, 1\)"):
        sigmoid.backward(np.ones((4, 1)))


def test_non_finite_upstream_grad():
    layer = SigmoidLayer((1, 2))
    layer.forward(np.zeros((1, 2)))
    with pytest.raises(
        ValueError, match="upstream_grad must contain only finite numbers, but it contains NaN"
    ):
        layer.backward(np.array([[np.nan, 1.0]]))


def test_out_of_order_calls_explain_what_to_call_first():
    linear, sigmoid = LinearLayer((2, 4), 1, random_state=np.random.RandomState(0)), SigmoidLayer((1, 4))
    cases = [
        (
            lambda: linear.backward(np.ones((1, 4))),
            "LinearLayer.backward was called before forward: call forward(A_prev) first, "
            "so the layer holds the input A_prev that dW needs",
        ),
        (
            lambda: linear.update_params(),
            "LinearLayer.update_params was called before backward: call backward(upstream_grad) "
            "first, so the layer holds the gradients dW and db",
        ),
        (
            lambda: sigmoid.backward(np.ones((1, 4))),
            "SigmoidLayer.backward was called before forward: call forward(Z) first, "
            "so the layer holds the activations A that dZ needs",
        ),
    ]
    for call, message in cases:
        with pytest.raises(LayerStateError, match=f"^{re.escape(message)}$"):
            call()


def test_a_wrong_upstream_shape_names_the_layer():
    sigmoid = SigmoidLayer((1, 4))
    sigmoid.forward(np.zeros((1, 4)))
    with pytest.raises(ValueError, match=r"^SigmoidLayer\.backward: upstream_grad must have the shape"):
        sigmoid.backward(np.ones((1, 3)))
    with pytest.raises(TypeError, match="^W must"):
        LinearLayer.from_params("W")


def test_from_params_draws_nothing_from_the_global_stream():
    np.random.seed(48)
    expected = np.random.rand()
    np.random.seed(48)
    LinearLayer.from_params([[0.1, 0.6]], 0.0, m=4)
    assert np.random.rand() == expected


def test_a_wrong_upstream_shape_names_the_linear_layer():
    linear = LinearLayer.from_params([[0.1, 0.6]], 0.0, m=4)
    linear.forward(np.zeros((2, 4)))
    with pytest.raises(ValueError, match=r"^LinearLayer\.backward: upstream_grad must have the shape"):
        linear.backward(np.ones((1, 3)))


# --- issue 14: overflow and a layer's own parameters -------------------------------


def test_forward_refuses_an_overflowed_Z():
    layer = LinearLayer.from_params([[10.0, 10.0]])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        with pytest.raises(ValueError, match=r"^Z = W·A_prev \+ b overflowed .* make the weights or A_prev"):
            layer.forward([[1e308], [1e308]])


def test_update_params_refuses_an_overflowing_step_and_keeps_the_layer():
    layer = LinearLayer.from_params([[1.0, 1.0]])
    layer.forward([[1e200], [1e200]])
    layer.backward([[1e100]])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        with pytest.raises(ValueError, match=r"update_params: W − learning_rate · dW .* make learning_rate"):
            layer.update_params(1e10)
    np.testing.assert_array_equal(layer.params["W"], [[1.0, 1.0]])  # not -inf
    np.testing.assert_array_equal(layer.forward([[1.0], [2.0]]), [[3.0]])


def test_backward_refuses_overflowed_gradients_naming_each():
    layer = LinearLayer.from_params([[1e300, 1e300]])
    layer.forward([[1.0], [1.0]])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        with pytest.raises(ValueError, match=r"^dA_prev = Wᵀ·upstream_grad overflowed"):
            layer.backward([[1e10]])
    layer = LinearLayer.from_params([[1.0, 1.0]], m=2)
    layer.forward([[1e300, 1e300], [1.0, 1.0]])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        for input_grad in (False, True):  # dW overflows alone: dA_prev and db stay finite
            with pytest.raises(ValueError, match=r"^dW = upstream_grad·A_prevᵀ overflowed"):
                layer.backward([[1e10, 1e10]], input_grad=input_grad)
    layer = LinearLayer.from_params([[1.0, 1.0]], m=2)
    layer.forward([[1e-10, 1e-10], [1e-10, 1e-10]])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        with pytest.raises(ValueError, match=r"^db = upstream_grad summed over the examples overflowed"):
            layer.backward([[1e308, 1e308]])  # the sum overflows; dW and dA_prev do not


def test_update_names_a_gradient_that_overflows_the_step():
    layer = LinearLayer.from_params([[1.0, 1.0]], m=2)
    layer.forward([[1.0, 1.0], [1.0, 1.0]])
    layer.backward([[1.0, 1.0]], input_grad=False)
    layer.dW = np.array([[np.inf, 0.0]])  # set by hand: the update still names it
    with pytest.raises(ValueError, match=r"^dW = upstream_grad·A_prevᵀ \(in backward\) overflowed"):
        layer.update_params(1e-300)
    np.testing.assert_array_equal(layer.params["W"], [[1.0, 1.0]])


@pytest.mark.parametrize("name", ["W", "b"])
def test_a_nan_written_into_params_is_found_by_forward(name):
    layer = LinearLayer.from_params([[1.0, 2.0]], 0.5)
    layer.params[name][0, 0] = np.nan
    with pytest.raises(ValueError, match=rf'^params\["{name}"\] must contain only finite numbers, .* NaN'):
        layer.forward([[1.0], [1.0]])


@pytest.mark.parametrize("W, b", [("W", np.zeros((1, 1))), (np.ones((1, 2)), np.zeros((2, 1)))])
def test_params_that_are_not_matrices_that_fit_are_named(W, b):
    layer = LinearLayer.from_params([[1.0, 2.0]])
    layer.params = {"W": W, "b": b}
    with pytest.raises(ValueError, match=r"LinearLayer.params must hold W of shape \(n_out, n_in\)"):
        layer.forward([[1.0], [1.0]])


def test_from_params_names_m():
    with pytest.raises(ValueError, match=r"^m must be a positive integer, but received 0"):
        LinearLayer.from_params([[1.0]], m=0)
    assert LinearLayer.from_params([[1.0]], m=np.int64(3)).Z.shape == (1, 3)


def test_params_message_describes_what_it_holds():
    layer = LinearLayer.from_params([[1.0, 2.0]])
    layer.params["W"] = "W"
    message = r"but holds W: str and b: shape \(1, 1\), dtype float64$"
    with pytest.raises(ValueError, match=message):
        layer.forward([[1.0], [1.0]])
    layer.params["W"] = np.array([["a", "b"]])
    with pytest.raises(ValueError, match=r"holds W: shape \(1, 2\), dtype <U1 and b"):
        layer.forward([[1.0], [1.0]])


# --- issue 14, round two: stale gradients, the declared shape ----------------------


def _one_step(seed=0):
    """A 2 → 1 linear layer after forward and backward on the OR data, and its gradients."""
    X, Y = np.array([[0.0, 0.0, 1.0, 1.0], [0.0, 1.0, 0.0, 1.0]]), np.array([[0.0, 1.0, 1.0, 1.0]])
    layer = LinearLayer.from_params([[0.1, 0.6]], 0.0, m=4)
    _, dZ = compute_cost(Y, layer.forward(X))
    layer.backward(dZ)
    return layer, X, dZ


def test_update_params_applies_the_same_gradients_once():
    layer, X, dZ = _one_step()
    layer.update_params(learning_rate=1)
    expected = np.array([[0.1, 0.6]]) - layer.dW
    np.testing.assert_array_equal(layer.params["W"], expected)
    message = (
        "LinearLayer.update_params: the gradients dW and db of the last backward were already applied, "
        "and applying them again would repeat that step: call forward and backward first, for gradients "
        "of the current W and b"
    )
    with pytest.raises(LayerStateError, match=f"^{re.escape(message)}$"):
        layer.update_params(learning_rate=1)
    np.testing.assert_array_equal(layer.params["W"], expected)  # refused: the layer is unchanged


def test_backward_after_an_update_needs_a_new_forward_pass():
    layer, X, dZ = _one_step()
    layer.update_params(learning_rate=1)
    message = (
        "LinearLayer.backward: update_params has changed W and b since the last forward pass, so the "
        "kept A_prev and Z belong to the old parameters: call forward(A_prev) first"
    )
    with pytest.raises(LayerStateError, match=f"^{re.escape(message)}$"):
        layer.backward(dZ)
    layer.forward(X)
    layer.backward(dZ)  # forward, then backward: accepted again
    layer.update_params(learning_rate=1)


def test_a_prediction_between_backward_and_update_keeps_the_gradients():
    layer, X, dZ = _one_step()
    reference, _, _ = _one_step()
    layer.forward(np.ones((2, 7)))  # a prediction on other data: dW and db are still those of backward
    layer.update_params(learning_rate=1)
    reference.update_params(learning_rate=1)
    np.testing.assert_array_equal(layer.params["W"], reference.params["W"])
    np.testing.assert_array_equal(layer.params["b"], reference.params["b"])


def test_a_refused_update_leaves_the_gradients_to_apply():
    layer, X, dZ = _one_step()
    with pytest.raises(ValueError, match="learning_rate"):
        layer.update_params(learning_rate=-1)
    layer.update_params(learning_rate=1)  # the refused call used nothing up
    np.testing.assert_array_equal(layer.params["W"], np.array([[0.1, 0.6]]) - layer.dW)


def test_the_article_loop_still_runs_and_steps_are_recorded():
    costs, (Z1, A1, Z2, A2) = article_run(epochs=101)
    assert Z1.steps == set() and Z2.steps == set()  # each epoch ended with its update
    np.random.seed(48)
    layers = build_network(xor_gate()[0].shape, [3, 1], "xavier")
    history = train(layers, *xor_gate(), learning_rate=1, epochs=101, record_every=100)
    assert history.costs == [costs[0], costs[100]]  # nbnp.train: the same checked steps, the same costs


def test_a_sigmoid_layer_refuses_z_with_other_rows_than_declared():
    with pytest.raises(
        ValueError,
        match=re.escape("Z must have 3 rows (one per input of the layer), but received shape (2, 4)"),
    ):
        SigmoidLayer((3, 4)).forward(np.zeros((2, 4)))
    layer = SigmoidLayer((3, 4))
    A = layer.forward(np.zeros((3, 7)))  # another number of examples: predicting on new data
    np.testing.assert_array_equal(A, np.full((3, 7), 0.5))
    with pytest.raises(ValueError, match=r"^Z must have 3 rows"):
        layer.forward(np.zeros((1, 7)))  # a forward pass never changes the declared rows


def test_a_linear_layer_refuses_input_with_other_rows_and_takes_any_m():
    layer = LinearLayer((2, 4), 3, random_state=np.random.RandomState(0))
    with pytest.raises(
        ValueError,
        match=re.escape("A_prev must have 2 rows (one per input of the layer), but received shape (3, 4)"),
    ):
        layer.forward(np.zeros((3, 4)))
    assert layer.forward(np.zeros((2, 9))).shape == (3, 9)


def test_the_overflowing_step_names_the_learning_rate_given():
    layer = LinearLayer.from_params([[1.0, 1.0]])
    layer.forward([[1e200], [1e200]])
    layer.backward([[1e100]])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        with pytest.raises(ValueError, match=r"with learning_rate = 10000000000\.0; expected finite results"):
            layer.update_params(1e10)
    layer.update_params(1e-300)  # refused steps use nothing up: the gradients are still there


def test_a_sigmoid_layer_keeps_its_input_z():
    layer = SigmoidLayer((1, 2))
    Z = np.array([[0.0, 2.0]])
    layer.forward(Z)
    np.testing.assert_array_equal(layer.Z, Z)  # the documented attribute, the input of the last pass


# --- parameters and gradients set by hand (first-time reader review, session 3) ----------


def test_a_weight_set_by_hand_with_other_rows_than_b_is_named_not_broadcast():
    X, Y = xor_gate()
    net = build_network(X.shape, [4, 1])
    net[0].params["W"] = np.full((3, 2), 0.5)  # b stays (4, 1)
    message = r"params must hold W of shape \(n_out, n_in\) and b of shape \(n_out, 1\) .* W: shape \(3, 2\)"
    with pytest.raises(ValueError, match=message):
        train(net, X, Y)


def test_a_bias_set_by_hand_with_a_column_per_example_is_refused():
    layer = LinearLayer.from_params([[1.0, 2.0]], 0.5, m=4)
    layer.params["b"] = np.zeros((1, 4))  # would broadcast into a Z of the right shape
    with pytest.raises(ValueError, match=r"b: shape \(1, 4\)"):
        layer.forward(np.ones((2, 4)))


@pytest.mark.parametrize("name, shape", [("dW", (1, 1)), ("db", (1, 4))])
def test_gradients_set_by_hand_with_another_shape_are_not_broadcast_into_the_parameters(name, shape):
    layer = LinearLayer.from_params([[1.0, 2.0]], 0.5, m=4)
    layer.forward(np.ones((2, 4)))
    layer.backward(np.ones((1, 4)))
    setattr(layer, name, np.ones(shape))
    expected = "(1, 2)" if name == "dW" else "(1, 1)"
    message = rf"^LinearLayer\.{name} must have the shape of {name[1]}, {re.escape(expected)}, .* holds shape"
    with pytest.raises(ValueError, match=message):
        layer.update_params(0.1)
    np.testing.assert_array_equal(layer.params["W"], [[1.0, 2.0]])
    np.testing.assert_array_equal(layer.params["b"], [[0.5]])


@pytest.mark.parametrize("flag", ["no", "False", None, 0])
def test_linear_backward_needs_a_bool_input_grad(flag):
    layer = LinearLayer.from_params([[1.0, 2.0]], 0.5, m=4)
    layer.forward(np.ones((2, 4)))
    with pytest.raises(TypeError, match=r"^input_grad must be True or False, but received "):
        layer.backward(np.ones((1, 4)), input_grad=flag)
    with pytest.raises(LayerStateError):  # the refused backward left no gradients to apply
        layer.update_params(0.1)


def test_one_row_is_said_in_the_singular():
    layer = LinearLayer.from_params([[2.0]])
    message = "A_prev must have 1 row (one per input of the layer), but received shape (2, 1)"
    with pytest.raises(ValueError, match=f"^{re.escape(message)}$"):
        layer.forward(np.ones((2, 1)))


@pytest.mark.parametrize(
    "params, message",
    [
        (
            {"W": [0.1, 0.6]},
            r"^W must be a 2-D array of shape \(n_out, n_in\), but received an array of shape \(2,\) "
            r"and dtype float64; one neuron's weights are one row: use W.reshape\(1, -1\), shape \(1, 2\)$",
        ),
        (
            {"W": [[0.1, 0.6], [0.2, 0.3]], "b": [1.0, 2.0]},
            r"^b must be a 2-D array of shape \(n_out, 1\), but received an array of shape \(2,\) "
            r"and dtype float64; the biases are one column: use b.reshape\(-1, 1\), shape \(2, 1\)$",
        ),
    ],
)
def test_a_one_dimensional_W_or_b_gets_the_hint_that_fixes_it(params, message):
    with pytest.raises(ValueError, match=message):
        LinearLayer.from_params(**params)
    hinted = {"W": (1, -1), "b": (-1, 1)}
    fixed = {k: np.reshape(v, hinted[k]) if np.ndim(v) == 1 else v for k, v in params.items()}
    assert LinearLayer.from_params(**fixed).params["W"].shape[1] == 2  # following the hint works


def test_b_with_other_rows_than_W_says_one_row_per_neuron():
    message = r"^b must have 1 row \(one per neuron, as W has\), but received shape \(2, 1\)$"
    with pytest.raises(ValueError, match=message):
        LinearLayer.from_params([[0.1, 0.6]], b=[[1.0], [2.0]])


# --- issue 14, mutation round 3: the exact message a learner reads ------------------------


def _overflowed(what, inputs):
    """The whole message of a result that overflowed from finite inputs, as a regex."""
    return re.escape(
        f"{what} overflowed beyond the float range (±1.8e308) although its inputs are finite; "
        f"expected finite results: make {inputs} smaller"
    )


def _refused(call, *args, **kwargs):
    """The message of the ValueError that ``call`` raises, with overflow warnings silenced."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        with pytest.raises(ValueError) as info:
            call(*args, **kwargs)
    return str(info.value)


def test_each_overflowed_gradient_names_what_to_make_smaller():
    layer = LinearLayer.from_params([[1e300, 1e300]])
    layer.forward([[1.0], [1.0]])
    message = _refused(layer.backward, [[1e10]])
    assert re.fullmatch(_overflowed("dA_prev = Wᵀ·upstream_grad", "upstream_grad or the weights"), message)
    layer = LinearLayer.from_params([[1.0, 1.0]], m=2)
    layer.forward([[1e300, 1e300], [1.0, 1.0]])
    message = _refused(layer.backward, [[1e10, 1e10]])
    assert re.fullmatch(_overflowed("dW = upstream_grad·A_prevᵀ", "upstream_grad or A_prev"), message)
    layer = LinearLayer.from_params([[1.0, 1.0]], m=2)
    layer.forward([[1e-10, 1e-10], [1e-10, 1e-10]])
    message = _refused(layer.backward, [[1e308, 1e308]])
    assert re.fullmatch(_overflowed("db = upstream_grad summed over the examples", "upstream_grad"), message)
    layer = LinearLayer.from_params([[10.0, 10.0]])
    message = _refused(layer.forward, [[1e308], [1e308]])
    inputs = "the weights or A_prev (the data X in a first layer)"
    assert re.fullmatch(_overflowed("Z = W·A_prev + b", inputs), message)


@pytest.mark.parametrize(
    "name, formula", [("dW", "upstream_grad·A_prevᵀ"), ("db", "Σ upstream_grad")]
)
def test_update_names_the_formula_of_a_gradient_that_overflows_the_step(name, formula):
    layer = LinearLayer.from_params([[1.0, 1.0]], m=2)
    layer.forward([[1.0, 1.0], [1.0, 1.0]])
    layer.backward([[1.0, 1.0]], input_grad=False)
    setattr(layer, name, np.full_like(getattr(layer, name), np.inf))  # set by hand
    message = _overflowed(f"{name} = {formula} (in backward)", "upstream_grad")
    with pytest.raises(ValueError, match=f"^{message}$"):
        layer.update_params(1e-300)


@pytest.mark.parametrize("bad, word", [(np.nan, "NaN"), (np.inf, "infinity")])
def test_a_linear_layer_names_a_non_finite_upstream_grad(bad, word):
    layer = LinearLayer.from_params([[1.0, 2.0]], 0.5, m=2)
    layer.forward(np.ones((2, 2)))
    message = f"upstream_grad must contain only finite numbers, but it contains {word}"
    for input_grad in (True, False):
        assert _refused(layer.backward, [[1.0, bad]], input_grad=input_grad) == message


def test_a_non_finite_upstream_grad_of_the_wrong_shape_is_named_by_its_shape():
    layer = LinearLayer.from_params([[1.0, 2.0]], 0.5, m=2)
    layer.forward(np.ones((2, 2)))
    message = (
        "LinearLayer.backward: upstream_grad must have the shape of the layer's output (1, 2), "
        "but received shape (1, 3)"
    )
    with pytest.raises(ValueError, match=f"^{re.escape(message)}$"):
        layer.backward([[np.nan, 1.0, 1.0]])  # its shape is checked before its values


def test_forward_names_a_nan_in_a_prev_before_one_in_w():
    layer = LinearLayer.from_params([[1.0, 2.0]], 0.5)
    layer.params["W"][0, 1] = np.nan
    with pytest.raises(ValueError, match=r"^A_prev must contain only finite numbers, but it contains NaN$"):
        layer.forward([[np.nan], [1.0]])
    message = r'^params\["W"\] must contain only finite numbers, but it contains NaN$'
    with pytest.raises(ValueError, match=message):
        layer.forward([[1.0], [1.0]])


_PARAMS_MESSAGE = (
    "LinearLayer.params must hold W of shape (n_out, n_in) and b of shape (n_out, 1) as arrays, "
    "but holds W: {W} and b: {b}"
)


@pytest.mark.parametrize(
    "W, held",
    [
        (np.array([1.0]), "shape (1,), dtype float64"),
        (np.ones((1, 1, 2)), "shape (1, 1, 2), dtype float64"),
        (np.ones((1, 2), dtype=complex), "shape (1, 2), dtype complex128"),
        (np.ones((1, 2), dtype=bool), "shape (1, 2), dtype bool"),
        (np.ones((1, 2), dtype=object), "shape (1, 2), dtype object"),
    ],
)
def test_a_weight_set_by_hand_that_is_no_real_matrix_is_named(W, held):
    layer = LinearLayer.from_params([[1.0, 2.0]], 0.5, m=2)
    layer.params["W"] = W  # one row, like b: only its dimensions or dtype are wrong
    message = _PARAMS_MESSAGE.format(W=held, b="shape (1, 1), dtype float64")
    with pytest.raises(ValueError, match=f"^{re.escape(message)}$"):
        layer.forward(np.ones((2, 2)))


def test_a_bias_set_by_hand_with_two_columns_is_refused_for_two_examples():
    layer = LinearLayer.from_params([[1.0, 2.0]], 0.5, m=2)
    layer.params["b"] = np.zeros((1, 2))  # b + W·A_prev would broadcast to the shape of Z
    message = _PARAMS_MESSAGE.format(W="shape (1, 2), dtype float64", b="shape (1, 2), dtype float64")
    with pytest.raises(ValueError, match=f"^{re.escape(message)}$"):
        layer.forward(np.ones((2, 2)))


def test_from_params_expects_one_example_by_default():
    layer = LinearLayer.from_params([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]])
    assert layer.m == 1 and layer.Z.shape == (3, 1)


def test_a_bad_sigmoid_shape_gets_the_whole_message():
    message = "shape must be a pair (n, m) like Z1.Z.shape, but received (3,)"
    with pytest.raises(ValueError, match=f"^{re.escape(message)}$"):
        SigmoidLayer((3,))


def test_a_refused_forward_leaves_no_input_for_backward():
    layer = LinearLayer.from_params([[1.0, 2.0]], m=2)
    layer.forward(np.ones((2, 2)))
    with pytest.raises(ValueError, match="^A_prev must contain only finite numbers, but it contains NaN$"):
        layer.forward(np.array([[np.nan, 1.0], [1.0, 1.0]]))
    assert not hasattr(layer, "A_prev") and "forward" not in layer.steps
    with pytest.raises(LayerStateError, match=r"^LinearLayer.backward was called before forward"):
        layer.backward(np.ones((1, 2)))  # not "dW overflowed although its inputs are finite"
    layer.forward(np.ones((2, 2)))
    np.testing.assert_array_equal(layer.backward(np.ones((1, 2))), [[1.0, 1.0], [2.0, 2.0]])


def test_a_refused_backward_leaves_no_gradients_for_the_update():
    layer = LinearLayer.from_params([[1.0, 2.0]], m=2)
    layer.forward(np.ones((2, 2)))
    layer.backward(np.ones((1, 2)))
    message = "^upstream_grad must contain only finite numbers, but it contains NaN$"
    with pytest.raises(ValueError, match=message):
        layer.backward(np.array([[np.nan, 1.0]]))
    assert not any(hasattr(layer, name) for name in ("dW", "db", "dA_prev"))
    assert layer.steps == {"forward"}  # the earlier backward's gradients are gone with it
    with pytest.raises(LayerStateError, match=r"^LinearLayer.update_params was called before backward"):
        layer.update_params(0.1)  # the NaN gradient is never applied, nor named as an overflow
    layer.backward(np.ones((1, 2)))
    layer.update_params(0.5)
    np.testing.assert_array_equal(layer.params["W"], [[0.0, 1.0]])
