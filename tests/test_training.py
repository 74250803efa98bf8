"""Tests of nbnp/training.py: the article's XOR run to its printed digits, through ``train``
and through the article's own loop; the network functions against autograd; the mistakes
a learner makes with a whole network; and divergence."""

from __future__ import annotations

import autograd.numpy as anp
import numpy as np
import pytest
from autograd import grad

from nbnp import (
    LayerStateError,
    LinearLayer,
    SigmoidLayer,
    accuracy,
    backward,
    build_network,
    compute_cost,
    forward,
    predict,
    train,
    train_step,
    xor_gate,
)

#: The article's printed costs of its 2-3-1 XOR run (seed 48, xavier, α = 1).
ARTICLE_COSTS = {4600: 0.001018305488651183, 4700: 0.000983783942124411,
                 4800: 0.0009514180100050973, 4900: 0.0009210166430616655}


def agree_to_12_digits(ours, article):
    assert f"{ours:.12g}" == f"{article:.12g}", (ours, article)


def network(sizes=(3, 1), seed=0):
    return build_network((2, 4), list(sizes), "xavier", np.random.RandomState(seed))


def autograd_cost(params, X, Y):
    """The cost of linear → sigmoid pairs with weights params = [W1, b1, W2, b2, ...], in autograd."""
    A = X
    for W, b in zip(params[::2], params[1::2]):
        A = 1 / (1 + anp.exp(-(anp.dot(W, A) + b)))
    return anp.sum((Y - A) ** 2) / (2 * Y.shape[1])


def params_of(layers):
    return [layer.params[k] for layer in layers if hasattr(layer, "params") for k in ("W", "b")]


# --- the article's run ---------------------------------------------------------------------


def test_train_reproduces_the_articles_costs_predictions_and_accuracy():
    X, Y = xor_gate()
    np.random.seed(48)
    layers = build_network(X.shape, [3, 1], ini_type="xavier")
    history = train(layers, X, Y, learning_rate=1, epochs=5000)
    for epoch, cost in ARTICLE_COSTS.items():
        agree_to_12_digits(history.cost_at(epoch), cost)
    assert history.epochs == list(range(0, 5000, 100))
    assert predict(layers, X).tolist() == [[0.0, 1.0, 1.0, 0.0]]
    assert accuracy(predict(layers, X), Y) == 100.0


def test_the_articles_own_loop_over_nbnp_layers_reproduces_its_costs():
    X_train, Y_train = xor_gate()
    np.random.seed(48)
    Z1 = LinearLayer(input_shape=X_train.shape, n_out=3, ini_type="xavier")
    A1 = SigmoidLayer(Z1.Z.shape)
    Z2 = LinearLayer(input_shape=A1.A.shape, n_out=1, ini_type="xavier")
    A2 = SigmoidLayer(Z2.Z.shape)
    costs = {}
    for epoch in range(5000):
        Z1.forward(X_train)
        A1.forward(Z1.Z)
        Z2.forward(A1.A)
        A2.forward(Z2.Z)
        cost, dA2 = compute_cost(Y=Y_train, Y_hat=A2.A)
        if epoch % 100 == 0:
            costs[epoch] = cost
        A2.backward(dA2)
        Z2.backward(A2.dZ)
        A1.backward(Z2.dA_prev)
        Z1.backward(A1.dZ)
        Z2.update_params(learning_rate=1)
        Z1.update_params(learning_rate=1)
    for epoch, cost in ARTICLE_COSTS.items():
        agree_to_12_digits(costs[epoch], cost)
    layers = [Z1, A1, Z2, A2]
    assert predict(layers, X_train).tolist() == [[0.0, 1.0, 1.0, 0.0]]
    assert accuracy(predict(layers, X_train), Y_train) == 100.0


# --- the network functions -----------------------------------------------------------------


def test_build_network_is_the_articles_construction():
    X, _ = xor_gate()
    np.random.seed(48)
    built = build_network(X.shape, [3, 1])
    np.random.seed(48)
    Z1 = LinearLayer(input_shape=X.shape, n_out=3, ini_type="xavier")
    Z2 = LinearLayer(input_shape=Z1.Z.shape, n_out=1, ini_type="xavier")
    assert [type(layer) for layer in built] == [LinearLayer, SigmoidLayer, LinearLayer, SigmoidLayer]
    np.testing.assert_array_equal(built[0].params["W"], Z1.params["W"])
    np.testing.assert_array_equal(built[2].params["W"], Z2.params["W"])
    assert built[1].A.shape == (3, 4) and built[3].A.shape == (1, 4)


def test_forward_and_backward_agree_with_autograd():
    X, Y = xor_gate()
    layers = network((3, 2, 1))
    cost, dY_hat = compute_cost(Y, forward(layers, X))
    assert cost == pytest.approx(autograd_cost(params_of(layers), X, Y), rel=1e-14)
    dX = backward(layers, dY_hat)
    ours = [getattr(layer, "d" + k) for layer in layers[::2] for k in ("W", "b")]
    for a, b in zip(ours, grad(autograd_cost)(params_of(layers), X, Y)):
        np.testing.assert_allclose(a, b, rtol=1e-10, atol=1e-16)
    dX_reference = grad(lambda X_: autograd_cost(params_of(layers), X_, Y))(X)
    np.testing.assert_allclose(dX, dX_reference, rtol=1e-10, atol=1e-16)


def test_train_step_returns_the_cost_before_the_update_and_steps_every_weight():
    X, Y = xor_gate()
    layers = network()
    before = [p.copy() for p in params_of(layers)]
    gradients = grad(autograd_cost)(before, X, Y)
    cost = train_step(layers, X, Y, learning_rate=0.5)
    assert cost == pytest.approx(autograd_cost(before, X, Y), rel=1e-14)
    for after, p, g in zip(params_of(layers), before, gradients):
        np.testing.assert_allclose(after, p - 0.5 * g, rtol=1e-12, atol=1e-16)


def test_training_lowers_the_cost_and_the_history_records_it():
    X, Y = xor_gate()
    layers = network()
    history = train(layers, X, Y, epochs=300, record_every=50)
    assert history.epochs == [0, 50, 100, 150, 200, 250]
    assert history.costs == sorted(history.costs, reverse=True)
    assert history.final_cost == compute_cost(Y, forward(layers, X))[0]  # after the last update
    assert history.cost_at(100) == history.costs[2]
    with pytest.raises(KeyError, match="epoch 120 was not recorded"):
        history.cost_at(120)


def test_print_every_prints_the_articles_log_lines_at_12_digits(capsys):
    X, Y = xor_gate()
    history = train(network(), X, Y, epochs=3, record_every=1, print_every=2)
    lines = capsys.readouterr().out.splitlines()
    assert lines == [f"Cost at epoch#{e}: {history.cost_at(e):.12g}" for e in (0, 2)]
    assert history.log().splitlines() == [f"Cost at epoch#{e}: {c:.12g}"
                                          for e, c in zip(history.epochs, history.costs)]


def test_predict_thresholds_the_output_and_accuracy_counts_matches():
    X, _ = xor_gate()
    layers = network()
    A = forward(layers, X)
    assert predict(layers, X).tolist() == (A > 0.5).astype(float).tolist()
    assert predict(layers, X, threshold=0.01).tolist() == [[1.0] * 4]
    assert accuracy(np.array([[0, 1, 1, 1]]), np.array([[0, 1, 1, 0]])) == 75.0


def test_a_layer_of_another_kind_in_the_list_trains_without_nbnp_asking_its_class():
    class Identity:
        def forward(self, A):
            return A

        def backward(self, upstream_grad):
            return upstream_grad

    X, Y = xor_gate()
    plain, padded = network(), network()
    padded.insert(2, Identity())
    np.testing.assert_array_equal(train(plain, X, Y, epochs=20).costs, train(padded, X, Y, epochs=20).costs)


# --- a learner's mistakes with a network ---------------------------------------------------


def test_a_1d_input_and_examples_as_rows_are_refused_with_the_fix():
    X, Y = xor_gate()
    with pytest.raises(ValueError, match=r"X must be 2-D.*reshape"):
        train(network(), np.array([0.0, 1.0]), np.array([[1.0]]))
    with pytest.raises(ValueError, match=r"must have 2 rows.*X\.T"):
        train(network(), X.T, Y)
    with pytest.raises(ValueError, match=r"must have 2 rows.*X\.T"):
        predict(network(), X.T)


def test_labels_as_a_column_are_refused_not_broadcast():
    X, Y = xor_gate()
    with pytest.raises(ValueError, match=r"Y must have 1 row.*reshape\(1, -1\)"):
        train(network(), X, Y.T)


def test_probabilities_passed_as_predictions_are_refused_by_accuracy():
    X, Y = xor_gate()
    with pytest.raises(ValueError, match=r"predictions must hold labels 0 or 1.*nbnp\.predict"):
        accuracy(forward(network(), X), Y)
    with pytest.raises(ValueError, match=r"predictions and Y must have the same shape"):
        accuracy(Y.T, Y)


@pytest.mark.parametrize("rate, error", [(0, ValueError), (-1.0, ValueError), (float("inf"), ValueError),
                                         (None, TypeError)])
def test_train_refuses_a_learning_rate_that_is_not_a_positive_finite_number(rate, error):
    X, Y = xor_gate()
    layers = network()
    before = [p.copy() for p in params_of(layers)]
    with pytest.raises(error, match="learning_rate"):
        train(layers, X, Y, learning_rate=rate)
    for p, q in zip(params_of(layers), before):
        np.testing.assert_array_equal(p, q)


@pytest.mark.parametrize("threshold", [0, 1, 1.5, -0.2])
def test_predict_refuses_a_threshold_a_sigmoid_cannot_cross(threshold):
    with pytest.raises(ValueError, match=r"threshold must lie between 0 and 1"):
        predict(network(), xor_gate()[0], threshold)


def test_layers_whose_sizes_do_not_chain_are_refused_naming_both():
    X, Y = xor_gate()
    Z1 = LinearLayer(X.shape, 3)
    Z2 = LinearLayer((4, 4), 1)  # should take Z1's 3 rows
    layers = [Z1, SigmoidLayer(Z1.Z.shape), Z2, SigmoidLayer(Z2.Z.shape)]
    with pytest.raises(ValueError, match=r"layers\[2\] takes 4 rows, but layers\[0\] gives 3"):
        train(layers, X, Y)


def test_something_that_is_not_a_layer_or_a_layer_listed_twice_is_refused_naming_its_place():
    X, Y = xor_gate()
    layers = network()
    with pytest.raises(ValueError, match=r"layers\[2\] is a layer already in the list.*new one"):
        train([layers[0], layers[1], layers[1], *layers[2:]], X, Y, epochs=1)
    with pytest.raises(TypeError, match=r"layers\[1\] must be a layer"):
        forward([layers[0], np.tanh, *layers[1:]], X)
    with pytest.raises(TypeError, match="layers must be a non-empty list"):
        forward(layers[0], X)


def test_backward_through_a_network_before_forward_asks_for_forward_first():
    with pytest.raises(LayerStateError, match=r"call forward\(\) first"):
        backward(network(), np.ones((1, 4)))


def test_predicting_between_backward_and_update_keeps_the_training_batchs_update():
    X, Y = xor_gate()
    layers = network()
    before = [p.copy() for p in params_of(layers)]
    gradients = grad(autograd_cost)(before, X, Y)
    _, dY_hat = compute_cost(Y, forward(layers, X))
    backward(layers, dY_hat)
    other = np.array([[0.3, -2.0, 5.0], [0.7, 1.0, 0.1]])
    assert predict(layers, other).shape == (1, 3)  # a look at other data works
    for layer in layers[::2]:
        layer.update_params(1.0)
    for after, p, g in zip(params_of(layers), before, gradients):
        np.testing.assert_allclose(after, p - g, rtol=1e-12, atol=1e-16)


# --- divergence ----------------------------------------------------------------------------


class Exp:
    """A layer of the reader's own, A = e^Z, which overflows once Z passes about 709."""

    def forward(self, Z):
        self.A = np.exp(Z)
        return self.A

    def backward(self, upstream_grad):
        return upstream_grad * self.A


def test_an_overflow_stops_training_saying_it_diverged_when_and_what_to_try():
    X, Y = xor_gate()
    rng = np.random.RandomState(0)
    layers = [LinearLayer(X.shape, 1, "xavier", rng), Exp(), LinearLayer((1, 4), 1, "xavier", rng),
              SigmoidLayer((1, 4))]
    before = np.geterr()
    with pytest.raises(FloatingPointError, match=r"diverged at epoch \d+.*smaller learning_rate"):
        train(layers, X * 1e3, Y, learning_rate=1.0, epochs=50)
    assert np.geterr() == before  # NumPy's error state is restored


def test_a_huge_learning_rate_saturates_a_sigmoid_network_and_its_cost_stays_finite():
    X, Y = xor_gate()
    history = train(network(), X, Y, learning_rate=1e300, epochs=50)
    assert np.isfinite(history.costs).all() and history.final_cost >= 0.12



def test_data_with_nan_is_named_before_training_or_predicting():
    X, Y = xor_gate()
    with pytest.raises(ValueError, match="X must hold finite numbers"):
        train(network(), np.where(X == 1, np.nan, X), Y, epochs=1)
    with pytest.raises(ValueError, match=r"X must hold finite numbers, but X\[0, 2\]"):
        predict(network(), np.where(X == 1, np.nan, X))  # NaN > 0.5 is False: a silent class 0



def test_data_without_examples_and_labels_minus_one_are_refused_with_their_fix():
    X, Y = xor_gate()
    with pytest.raises(ValueError, match="X must hold at least one example"):
        train(network(), np.zeros((2, 0)), np.zeros((1, 0)))
    with pytest.raises(ValueError, match=r"\(Y \+ 1\) / 2"):
        train(network(), X, 2 * Y - 1)


def test_a_layer_built_for_another_input_is_not_told_to_transpose_it():
    Z2 = LinearLayer((2, 4), 1)  # built for X, fed the hidden layer's 3 rows
    with pytest.raises(ValueError, match=r"A_prev must have 2 rows.*built for") as refused:
        Z2.forward(np.ones((3, 4)))
    assert "X.T" not in str(refused.value)
