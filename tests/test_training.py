"""Tests for nbnp/train.py: build_network, train, History, forward/backward, predict, accuracy."""

import inspect
import re
import warnings

import numpy as np
import pytest
from test_layers import article_run

from nbnp import (
    ARTICLE,
    History,
    LayerStateError,
    LinearLayer,
    SigmoidLayer,
    accuracy,
    backward,
    build_network,
    compute_cost,
    fmt,
    forward,
    predict,
    train,
    xor_gate,
)


def article_network():
    X, _ = xor_gate()
    np.random.seed(48)
    return build_network(X.shape, [3, 1], "xavier")


@pytest.fixture(scope="module")
def trained():
    X, Y = xor_gate()
    layers = article_network()
    return layers, train(layers, X, Y, learning_rate=1, epochs=5000)


# --- fidelity -------------------------------------------------------------------


@pytest.mark.parametrize("epoch", [4600, 4700, 4800, 4900])
def test_train_reproduces_printed_costs_to_12_significant_digits(trained, epoch):
    _, history = trained
    assert fmt(history.cost_at(epoch)) == fmt(ARTICLE[f"ch7.cost_{epoch}"].value)


def test_train_predictions_and_accuracy(trained):
    layers, _ = trained
    X, Y = xor_gate()
    predictions = predict(layers, X)
    np.testing.assert_array_equal(predictions, ARTICLE["ch7.predictions"].value)
    assert accuracy(predictions, Y) == ARTICLE["ch7.accuracy"].value


@pytest.mark.slow
def test_train_equals_the_article_loop_to_the_last_bit(trained):
    layers, history = trained
    costs, article_layers = article_run()
    assert history.epochs == list(costs)
    assert history.costs == list(costs.values())
    X, _ = xor_gate()
    Z1, A1, Z2, A2 = article_layers
    Z1.forward(X)  # train ends with a forward pass for final_cost
    A1.forward(Z1.Z)
    Z2.forward(A1.A)
    A2.forward(Z2.Z)
    for ours, theirs in zip(layers, article_layers):
        names = ["Z", "A_prev", "dW", "db", "dA_prev"] if isinstance(ours, LinearLayer) else ["A", "dZ"]
        if ours is layers[0]:
            names.remove("dA_prev")  # train skips the gradient of the data, see the next test
        for name in names:
            np.testing.assert_array_equal(getattr(ours, name), getattr(theirs, name), err_msg=name)
        if isinstance(ours, LinearLayer):
            for key in ("W", "b"):
                np.testing.assert_array_equal(ours.params[key], theirs.params[key])


def test_train_does_not_compute_the_gradient_of_the_data(trained):
    layers, _ = trained
    assert layers[0].dA_prev is None
    assert layers[2].dA_prev.shape == (3, 4)


def test_build_network_draws_like_the_article():
    layers = article_network()
    X, _ = xor_gate()
    np.random.seed(48)
    Z1 = LinearLayer(X.shape, 3, "xavier")
    Z2 = LinearLayer((3, 4), 1, "xavier")
    np.testing.assert_array_equal(layers[0].params["W"], Z1.params["W"])
    np.testing.assert_array_equal(layers[2].params["W"], Z2.params["W"])
    assert [type(layer) for layer in layers] == [LinearLayer, SigmoidLayer, LinearLayer, SigmoidLayer]
    assert [layer.params["W"].shape for layer in layers[::2]] == [(3, 2), (1, 3)]


def test_build_network_random_state_is_reproducible_and_leaves_the_global_stream_alone():
    np.random.seed(3)
    state = np.random.get_state()[1].copy()
    a = build_network((2, 4), [4, 2, 1], "he", random_state=np.random.RandomState(11))
    b = build_network((2, 4), [4, 2, 1], "he", random_state=np.random.RandomState(11))
    for la, lb in zip(a[::2], b[::2]):
        np.testing.assert_array_equal(la.params["W"], lb.params["W"])
    np.testing.assert_array_equal(np.random.get_state()[1], state)
    assert a[4].params["W"].shape == (1, 2)


def test_final_cost_is_the_cost_after_the_last_update():
    X, Y = xor_gate()
    layers = article_network()
    history = train(layers, X, Y, epochs=30, record_every=10)
    assert history.epochs == [0, 10, 20]
    assert history.final_cost == compute_cost(Y, forward(layers, X))[0]
    assert history.final_cost < history.costs[0]


def test_a_single_linear_layer_trains_like_its_explicit_loop():
    X, Y = xor_gate()
    ours = LinearLayer.from_params([[0.1, 0.6]], 0.0, m=4)
    theirs = LinearLayer.from_params([[0.1, 0.6]], 0.0, m=4)
    history = train([ours], X, Y, learning_rate=0.5, epochs=50, record_every=1)
    costs = []
    for _ in range(50):
        theirs.forward(X)
        cost, dZ = compute_cost(Y, theirs.Z)
        costs.append(cost)
        theirs.backward(dZ)
        theirs.update_params(0.5)
    assert history.costs == costs
    np.testing.assert_array_equal(ours.params["W"], theirs.params["W"])
    assert ours.dA_prev is None  # train: the data need no gradient
    theirs.forward(X)
    _, dZ = compute_cost(Y, forward([ours], X))
    np.testing.assert_array_equal(backward([ours], dZ), theirs.backward(compute_cost(Y, theirs.Z)[1]))
    np.testing.assert_array_equal(ours.dA_prev, theirs.dA_prev)


class CountingSigmoidLayer(SigmoidLayer):
    """A subclass overriding the public methods: train must call them."""

    calls = 0

    def backward(self, upstream_grad):
        CountingSigmoidLayer.calls += 1
        self.dZ = upstream_grad * self.A  # a wrong local gradient, on purpose
        return self.dZ


def test_train_calls_the_methods_a_subclass_overrides():
    X, Y = xor_gate()
    CountingSigmoidLayer.calls = 0  # a fresh count, also when the test runs twice in one process
    np.random.seed(48)
    layers = build_network(X.shape, [3, 1], "xavier")
    layers[1] = CountingSigmoidLayer(layers[1].A.shape)
    reference = article_network()
    train(layers, X, Y, epochs=20)
    train(reference, X, Y, epochs=20)
    assert CountingSigmoidLayer.calls == 20
    assert not np.array_equal(layers[0].params["W"], reference[0].params["W"])


def test_print_every_prints_at_12_significant_digits(capsys):
    X, Y = xor_gate()
    layers = article_network()
    history = train(layers, X, Y, epochs=250, print_every=100)
    lines = capsys.readouterr().out.splitlines()
    assert lines == [f"Cost at epoch#{e}: {fmt(history.cost_at(e))}" for e in (0, 100, 200)]


def test_log_shows_the_first_and_last_epochs_around_an_ellipsis():
    history = History(epochs=list(range(0, 900, 100)), costs=[0.5 - k / 100 for k in range(9)])
    lines = history.log().splitlines()
    shown = [0, 100, 200, 500, 600, 700, 800]
    assert lines == [f"Cost at epoch#{e}: {fmt(history.cost_at(e))}" for e in shown[:3]] + ["…"] + [
        f"Cost at epoch#{e}: {fmt(history.cost_at(e))}" for e in shown[3:]
    ]
    assert history.log(head=1, tail=1).splitlines() == [lines[0], "…", lines[-1]]


def test_log_shows_every_epoch_when_there_are_few():
    history = History(epochs=[0, 100, 200], costs=[0.3, 0.2, 0.1])
    assert history.log() == "Cost at epoch#0: 0.3\nCost at epoch#100: 0.2\nCost at epoch#200: 0.1"
    assert history.log(head=1, tail=2) == history.log()


@pytest.mark.parametrize("bad", [{"head": 0}, {"tail": -1}, {"head": 1.5}, {"tail": 2.0}])
def test_log_rejects_a_bad_head_or_tail_naming_it(bad):
    (name, value), = bad.items()
    with pytest.raises((TypeError, ValueError), match=f"^{name} must be a positive integer, but received"):
        History(epochs=[0], costs=[0.1]).log(**bad)


def test_a_history_with_more_epochs_than_costs_is_refused():
    message = r"^epochs and costs must have the same length, but received 2 and 1$"
    with pytest.raises(ValueError, match=message):
        History(epochs=[0, 100], costs=[0.1])


def test_large_learning_rate_saturates_without_warnings():
    X, Y = xor_gate()
    layers = article_network()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        history = train(layers, X, Y, learning_rate=1e6, epochs=50)
    assert np.isfinite(history.final_cost)


def test_divergence_raises():
    X, Y = xor_gate()
    layers = [LinearLayer.from_params([[0.1, 0.6]], 0.0, m=4)]
    with pytest.warns(RuntimeWarning, match="overflow encountered in (?!exp)"):  # train hides only exp's
        with pytest.raises(
            ValueError, match=r"training diverged: the cost .* overflowed .* \(epoch \d+\); .*learning_rate"
        ):
            train(layers, X * 100, Y, learning_rate=1.0, epochs=5000)


# --- History ----------------------------------------------------------------------


def test_cost_at_reads_recorded_epochs():
    history = History(epochs=[0, 100, 200], costs=[0.3, 0.2, 0.1])
    assert history.cost_at(100) == 0.2


def test_cost_at_an_unrecorded_epoch_says_which_are():
    history = History(epochs=[0, 100, 200], costs=[0.3, 0.2, 0.1])
    with pytest.raises(KeyError, match="epoch 150 was not recorded; recorded every 100 epochs up to 200"):
        history.cost_at(150)


# --- forward, backward, predict, accuracy -------------------------------------------


def test_forward_and_backward_helpers_chain_the_layers():
    X, Y = xor_gate()
    layers = article_network()
    out = forward(layers, X)
    assert out is layers[3].A and out.shape == (1, 4)
    _, dA = compute_cost(Y, out)
    backward(layers, dA)
    assert layers[0].dW.shape == (3, 2) and layers[0].dA_prev.shape == (2, 4)


def test_predict_thresholds_strictly():
    layer = LinearLayer.from_params([[1.0, 0.0]], 0.0, m=3)
    X = np.array([[0.4, 0.5, 0.6], [0.0, 0.0, 0.0]])
    np.testing.assert_array_equal(predict([layer], X), [[0.0, 0.0, 1.0]])
    np.testing.assert_array_equal(predict([layer], X, threshold=0.45), [[0.0, 1.0, 1.0]])


def test_accuracy_is_a_percentage():
    assert accuracy(np.array([[1, 0, 1, 1]]), np.array([[1, 0, 0, 1]])) == 75.0
    assert isinstance(accuracy(np.array([[1.0]]), np.array([[1.0]])), float)


# --- bad input --------------------------------------------------------------------


@pytest.mark.parametrize(
    "kwargs, error, match",
    [
        (
            {"learning_rate": 0},
            ValueError,
            "learning_rate must be a finite number greater than 0, but received 0.0",
        ),
        ({"learning_rate": -1}, ValueError, "learning_rate must be .* greater than 0, but received -1.0"),
        (
            {"learning_rate": float("nan")},
            ValueError,
            "learning_rate must be .* greater than 0, but received nan",
        ),
        (
            {"learning_rate": "1"},
            TypeError,
            "learning_rate must be a positive real number, but received str '1'",
        ),
        ({"epochs": 0}, ValueError, "epochs must be a positive integer, but received 0"),
        ({"epochs": -5}, ValueError, "epochs must be a positive integer, but received -5"),
        ({"epochs": 2.5}, TypeError, "epochs must be a positive integer, but received float 2.5"),
        ({"epochs": "10"}, TypeError, "epochs must be a positive integer, but received str '10'"),
        ({"epochs": True}, TypeError, "epochs must be a positive integer, but received bool True"),
        ({"record_every": 0}, ValueError, "record_every must be a positive integer, but received 0"),
        ({"print_every": -1}, ValueError, "print_every must be a positive integer, but received -1"),
    ],
)
def test_bad_training_arguments(kwargs, error, match):
    X, Y = xor_gate()
    layers = article_network()
    W = layers[0].params["W"].copy()
    with pytest.raises(error, match=match):
        train(layers, X, Y, **kwargs)
    np.testing.assert_array_equal(layers[0].params["W"], W)


def test_X_rows_must_match_the_first_layer():
    _, Y = xor_gate()
    with pytest.raises(
        ValueError,
        match=re.escape("X must have 2 rows (one per input of the layer), but received shape (3, 4)"),
    ):
        train(article_network(), np.ones((3, 4)), Y)


def test_Y_must_match_the_output_shape():
    X, Y = xor_gate()
    with pytest.raises(
        ValueError,
        match=r"Y and Y_hat must have the same shape, but Y has shape \(4, 1\) "
        r"and Y_hat has shape \(1, 4\)",
    ):
        train(article_network(), X, Y.T)


def test_non_finite_training_data():
    X, Y = xor_gate()
    X[0, 0] = np.nan
    with pytest.raises(ValueError, match="X must contain only finite numbers, but it contains NaN"):
        train(article_network(), X, Y)


@pytest.mark.parametrize("layers, match", [(None, "NoneType"), ([], "list"), ("Z1", "str")])
def test_layers_must_be_a_non_empty_list(layers, match):
    X, Y = xor_gate()
    with pytest.raises(TypeError, match=f"layers must be a non-empty list of layers, got {match}"):
        train(layers, X, Y)


def test_every_layer_must_be_a_layer():
    X, Y = xor_gate()
    with pytest.raises(
        TypeError,
        match=r"layers\[1\] must be a layer, an object with forward and backward methods, got 'sigmoid'",
    ):
        predict([LinearLayer((2, 4), 1), "sigmoid"], X)


@pytest.mark.parametrize("sizes", [[], 3, None])
def test_build_network_rejects_bad_layer_sizes(sizes):
    with pytest.raises(ValueError, match="layer_sizes must be a non-empty list of ints, got"):
        build_network((2, 4), sizes)


def test_accuracy_rejects_different_shapes():
    with pytest.raises(
        ValueError, match=r"predictions and Y must have the same shape, got \(1, 4\) and \(4, 1\)"
    ):
        accuracy(np.zeros((1, 4)), np.zeros((4, 1)))


def test_print_and_record_on_different_schedules(capsys):
    X, Y = xor_gate()
    history = train(article_network(), X, Y, epochs=320, record_every=100, print_every=150)
    assert history.epochs == [0, 100, 200, 300]
    printed = [int(line.split("#")[1].split(":")[0]) for line in capsys.readouterr().out.splitlines()]
    assert printed == [0, 150, 300]


def test_cost_at_with_a_single_recorded_epoch():
    with pytest.raises(KeyError, match=r"epoch 5 was not recorded; recorded epochs: \[0\]"):
        History(epochs=[0], costs=[0.3]).cost_at(5)


def test_train_calls_a_method_replaced_on_the_instance():
    X, Y = xor_gate()
    layers = article_network()
    calls = []
    original = layers[2].update_params
    layers[2].update_params = lambda learning_rate: calls.append(learning_rate) or original(learning_rate)
    reference = article_network()
    history = train(layers, X, Y, learning_rate=0.5, epochs=10)
    assert calls == [0.5] * 10
    assert history.costs == train(reference, X, Y, learning_rate=0.5, epochs=10).costs


# --- subclasses that override a method ---------------------------------------------


class PassThroughSigmoidLayer(SigmoidLayer):
    """Overrides forward without changing it: train calls it and gets the same numbers."""

    def forward(self, Z):
        return super().forward(Z)


def _network(subclassed):
    X, _ = xor_gate()
    layers = build_network(X.shape, [3, 1], "xavier", np.random.RandomState(48))
    if subclassed:
        layers[1::2] = [PassThroughSigmoidLayer(layer.A.shape) for layer in layers[1::2]]
    return layers


def test_an_overridden_forward_records_prints_and_trains_like_the_original(capsys):
    X, Y = xor_gate()
    runs = []
    for subclassed in (False, True):
        layers = _network(subclassed)
        history = train(layers, X, Y, learning_rate=1.0, epochs=120, record_every=7, print_every=50)
        runs.append((history.epochs, history.costs, history.final_cost, capsys.readouterr().out))
        runs[-1] += (layers[0].params["W"].tolist(), layers[2].params["b"].tolist())
    assert runs[0] == runs[1]
    assert runs[1][0] == list(range(0, 120, 7)) and runs[1][3].count("Cost at epoch#") == 3


class PassThroughLinearLayer(LinearLayer):
    """Overrides forward without changing it."""

    def forward(self, A_prev):
        return super().forward(A_prev)


def test_an_overridden_layer_stops_on_divergence():
    X, Y = xor_gate()
    layers = [PassThroughLinearLayer.from_params([[0.1, 0.6]], 0.0, m=4)]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # NumPy's overflow warnings on the way
        message = r"^training diverged: the cost .* overflowed .*\(epoch \d+\); .* learning_rate than 1\.0$"
        with pytest.raises(ValueError, match=message):
            train(layers, X * 100, Y, learning_rate=1.0, epochs=5000)


@pytest.mark.slow
def test_train_defaults_are_the_article_run():
    X, Y = xor_gate()
    default, explicit = _network(False), _network(False)
    history = train(default, X, Y)
    reference = train(explicit, X, Y, learning_rate=1.0, epochs=5000, record_every=100)
    assert (history.epochs, history.costs, history.final_cost) == (
        reference.epochs,
        reference.costs,
        reference.final_cost,
    )


def test_train_defaults_are_documented_as_the_article_run():
    # the fast half of the test above: α = 1 and 5000 epochs, the article's run
    defaults = {name: p.default for name, p in inspect.signature(train).parameters.items()}
    assert (defaults["learning_rate"], defaults["epochs"]) == (1.0, 5000)
    X, Y = xor_gate()
    default, explicit = _network(False), _network(False)
    train(default, X, Y, epochs=1)
    train(explicit, X, Y, learning_rate=1.0, epochs=1)
    np.testing.assert_array_equal(default[0].params["W"], explicit[0].params["W"])


def test_train_errors_name_the_data():
    X, Y = xor_gate()
    with pytest.raises(TypeError, match="^X must"):
        train(_network(False), "X", Y)
    with pytest.raises(TypeError, match="^Y must"):
        train(_network(False), X, "Y")


def test_cost_at_says_which_epochs_were_recorded():
    X, Y = xor_gate()
    history = train(_network(False), X, Y, epochs=300, record_every=100)
    with pytest.raises(KeyError, match="epoch 150 was not recorded; recorded every 100 epochs up to 200"):
        history.cost_at(150)
    single = History(epochs=[0], costs=[0.5])
    with pytest.raises(KeyError, match=re.escape("recorded epochs: [0]")):
        single.cost_at(100)


# --- errors during training: at epoch 0 the arguments, later a divergence ----------


class TurnsNaNAfter:
    """A pass-through layer whose output turns NaN after ``calls`` forward passes."""

    def __init__(self, calls):
        self.calls_left = calls

    def forward(self, x):
        self.calls_left -= 1
        return x if self.calls_left >= 0 else x * np.nan

    def backward(self, upstream_grad):
        return upstream_grad


def _xor_with_nan_after(calls):
    X, _ = xor_gate()
    linear = LinearLayer(X.shape, 1, "xavier", np.random.RandomState(0))
    return [linear, TurnsNaNAfter(calls), SigmoidLayer(linear.Z.shape)]


def test_an_error_at_epoch_0_is_the_argument_error_itself():
    X, Y = xor_gate()
    with pytest.raises(ValueError, match=r"^Z must contain only finite numbers, but it contains NaN$"):
        train(_xor_with_nan_after(0), X, Y, epochs=10)
    with pytest.raises(ValueError, match=r"^Y and Y_hat must have the same shape"):
        train(article_network(), X, Y.T)


def test_an_error_after_epoch_0_is_a_divergence_naming_the_epoch():
    X, Y = xor_gate()
    message = (
        r"^training diverged: Z must contain only finite numbers, but it contains NaN \(epoch 3\); "
        r"expected finite values throughout, try a smaller learning_rate than 0\.5$"
    )
    with pytest.raises(ValueError, match=message):
        train(_xor_with_nan_after(3), X, Y, learning_rate=0.5, epochs=10)


def test_a_non_finite_final_pass_is_a_divergence():
    X, Y = xor_gate()
    message = (
        r"^training diverged: Z must contain only finite numbers, but it contains NaN; "
        r"expected finite values throughout, try a smaller learning_rate than 0\.25$"
    )
    with pytest.raises(ValueError, match=message):
        train(_xor_with_nan_after(10), X, Y, learning_rate=0.25, epochs=10)


# --- issue 14: silent results and messages naming the wrong argument -------------


@pytest.mark.parametrize(
    "predictions, Y, name, value",
    [
        ([[0.2, 0.9, 0.6, 0.1]], [[0, 1, 1, 0]], "predictions", "0.2"),  # probabilities
        ([[0, 1, 1, 0]], [[-1, 1, 1, -1]], "Y", "-1.0"),  # -1/+1 labels
    ],
)
def test_accuracy_refuses_what_is_not_a_class_label(predictions, Y, name, value):
    with pytest.raises(ValueError, match=rf"^{name} must hold class labels 0 or 1, but received {value} "):
        accuracy(predictions, Y)
    assert accuracy([[0, 1, 1, 0]], [[0, 1, 0, 0]]) == 75.0


@pytest.mark.parametrize(
    "threshold, error, match",
    [
        (float("nan"), ValueError, "threshold must be a finite number, but received nan"),
        (float("inf"), ValueError, "threshold must be a finite number, but received inf"),
        ("a", TypeError, "threshold must be a real number, but received str 'a'"),
        (None, TypeError, "threshold must be a real number, but received NoneType"),
        (True, TypeError, "threshold must be a real number, but received bool"),
    ],
)
def test_predict_checks_threshold(threshold, error, match):
    X, _ = xor_gate()
    with pytest.raises(error, match=f"^{match}"):
        predict(article_network(), X, threshold=threshold)


def test_predict_accepts_numpy_scalars_as_threshold():
    X, _ = xor_gate()
    layers = article_network()
    np.testing.assert_array_equal(predict(layers, X, np.float32(0.5)), predict(layers, X, 0.5))
    np.testing.assert_array_equal(predict(layers, X, np.int64(1)), np.zeros((1, 4)))


def test_predict_and_forward_name_X_not_A_prev():
    with pytest.raises(ValueError, match=r"^X must have 2 rows \(one per input of the layer\), but received"):
        predict(article_network(), np.ones((3, 4)))
    with pytest.raises(ValueError, match=r"^X must contain only finite numbers"):
        forward(article_network(), [[np.nan], [1.0]])


@pytest.mark.parametrize("layers", [[], None, "Z1", 3])
def test_forward_and_backward_refuse_what_is_not_a_list_of_layers(layers):
    X, _ = xor_gate()
    with pytest.raises(TypeError, match=r"^layers must be a non-empty list of layers, got"):
        forward(layers, X)
    with pytest.raises(TypeError, match=r"^layers must be a non-empty list of layers, got"):
        backward(layers, np.ones((1, 4)))


def test_backward_names_dY_hat():
    layers = article_network()
    forward(layers, xor_gate()[0])
    with pytest.raises(ValueError, match=r"^dY_hat must contain only finite numbers, but it contains inf"):
        backward(layers, [[np.inf, 0, 0, 0]])


@pytest.mark.parametrize(
    "input_shape, sizes, match",
    [
        (5, [3, 1], r"^input_shape must be a pair \(n_in, m\) such as X\.shape, but received 5"),
        ((2, 4), [3, 0], r"^layer_sizes\[1\] must be a positive integer, but received 0"),
        ((2, 4), [3, 1.5], r"^layer_sizes\[1\] must be a positive integer, but received float"),
        ((2, 0), [3, 1], r"^input_shape\[1\] must be a positive integer, but received 0"),
    ],
)
def test_build_network_names_the_bad_argument(input_shape, sizes, match):
    with pytest.raises((TypeError, ValueError), match=match):
        build_network(input_shape, sizes)


def test_build_network_accepts_numpy_ints():
    layers = build_network((np.int64(2), np.int64(4)), [np.int64(3), np.int32(1)])
    assert [layer.params["W"].shape for layer in layers[::2]] == [(3, 2), (1, 3)]


def test_history_says_what_it_recorded():
    with pytest.raises(KeyError, match=r"recorded every 5 epochs up to 10"):
        History(epochs=[5, 10], costs=[1.0, 0.5]).cost_at(7)
    with pytest.raises(KeyError, match=r"recorded epochs: \[5\]"):
        History(epochs=[5], costs=[1.0]).cost_at(7)


def test_accuracy_names_the_argument_that_is_not_a_matrix():
    with pytest.raises(ValueError, match=r"^predictions must contain only finite numbers"):
        accuracy([[np.nan, 1.0]], [[0.0, 1.0]])
    with pytest.raises(ValueError, match=r"^Y must be a 2-D array .* use Y\.reshape\(1, -1\)"):
        accuracy([[0.0, 1.0]], np.array([0.0, 1.0]))


# --- issue 14, round two: the default initialization, labels in train -------------------


@pytest.mark.slow
def test_build_network_defaults_to_xavier_with_which_xor_is_learned():
    X, Y = xor_gate()
    np.random.seed(48)
    default = build_network(X.shape, [3, 1])
    np.random.seed(48)
    xavier = build_network(X.shape, [3, 1], "xavier")
    for ours, theirs in zip(default[::2], xavier[::2]):
        np.testing.assert_array_equal(ours.params["W"], theirs.params["W"])
    np.random.seed(48)
    W1 = np.random.randn(3, 2) / np.sqrt(2)  # Xavier: N(0, 1) / √n_in, the article's first layer
    np.testing.assert_array_equal(default[0].params["W"], W1)
    train(default, X, Y, learning_rate=1, epochs=5000)
    assert accuracy(predict(default, X), Y) == 100.0


@pytest.mark.slow
def test_plain_initialization_leaves_xor_unlearned_as_documented():
    X, Y = xor_gate()
    np.random.seed(48)
    plain = build_network(X.shape, [3, 1], "plain")
    history = train(plain, X, Y, learning_rate=1, epochs=5000)
    assert fmt(history.final_cost, 6) == "0.125"  # the docstring's cost 0.125, every output 0.5
    np.testing.assert_allclose(forward(plain, X), 0.5, atol=1e-4)
    assert accuracy(predict(plain, X), Y) == 50.0


def test_the_default_draws_as_many_numbers_as_plain():
    X, _ = xor_gate()
    np.random.seed(48)
    build_network(X.shape, [5, 3, 1])
    after_default = np.random.randn()
    np.random.seed(48)
    build_network(X.shape, [5, 3, 1], "plain")
    assert np.random.randn() == after_default  # chapters' later draws are unchanged by the default


def test_train_refuses_predictions_passed_as_labels():
    X, Y = xor_gate()
    layers = build_network(X.shape, [3, 1], "xavier", np.random.RandomState(0))
    W = layers[0].params["W"].copy()
    with pytest.raises(ValueError, match=r"^Y must hold class labels 0 or 1, but received 0\.5 .*swapped"):
        train(layers, X, np.full((1, 4), 0.5), epochs=3)
    np.testing.assert_array_equal(layers[0].params["W"], W)  # refused before any step
    with pytest.raises(
        ValueError, match=r"^Y must be one row of labels, shape \(1, m\), but received shape \(2, 4\)"
    ):
        train(build_network((2, 4), [2]), X, np.vstack([Y, Y]), epochs=3)


def test_errors_name_what_the_caller_passed_to_forward_and_backward():
    X, _ = xor_gate()
    with pytest.raises(
        ValueError, match=r"^X must have 3 rows \(one per input of the layer\), but received shape \(2, 4\)$"
    ):
        forward([SigmoidLayer((3, 4))], X)  # not "Z": the caller passed X
    layers = build_network(X.shape, [3, 1], "xavier", np.random.RandomState(0))
    forward(layers, X)
    message = r"^dY_hat must have the shape of the network's output \(1, 4\), but received shape \(1, 3\)$"
    with pytest.raises(ValueError, match=message):
        backward(layers, np.ones((1, 3)))  # not "upstream_grad"
    with pytest.raises(TypeError, match=r"^input_grad must be True or False, but received str 'no'$"):
        backward(layers, np.ones((1, 4)), input_grad="no")  # a non-empty string would count as True
    assert backward(layers, np.ones((1, 4)), input_grad=np.bool_(False)) is None
    with pytest.raises(LayerStateError):
        backward(build_network(X.shape, [1]), np.ones((1, 4)))  # never run forward: the layer says so


def test_a_network_without_parameters_is_not_trained_silently():
    X, Y = np.array([[0.0, 1.0, 2.0, 3.0]]), np.array([[0.0, 1.0, 1.0, 0.0]])
    message = (
        r"^layers must hold a layer with parameters \(such as a LinearLayer\) to train, but none has params$"
    )
    with pytest.raises(ValueError, match=message):
        train([SigmoidLayer((1, 4))], X, Y, epochs=2)  # every epoch would be the same, nothing learned


def test_backward_names_dY_hat_for_a_network_ending_in_a_linear_layer():
    X, _ = xor_gate()
    linear = LinearLayer(X.shape, 1, random_state=np.random.RandomState(0))
    with pytest.raises(LayerStateError, match=r"^LinearLayer\.backward was called before forward"):
        backward([linear], np.ones((1, 3)))  # not yet run: the layer's own error, not a shape of zeros
    forward([linear], X)
    message = r"^dY_hat must have the shape of the network's output \(1, 4\), but received shape \(1, 3\)$"
    with pytest.raises(ValueError, match=message):
        backward([linear], np.ones((1, 3)))
    assert backward([linear], np.ones((1, 4))).shape == (2, 4)


@pytest.mark.parametrize("call", ["forward", "backward", "train"])
def test_neighbouring_layers_of_different_sizes_are_named_before_anything_runs(call):
    X, Y = xor_gate()
    hidden = LinearLayer(input_shape=(2, 4), n_out=3, ini_type="plain")
    out = LinearLayer(input_shape=(2, 4), n_out=1, ini_type="plain")  # should take 3 rows
    layers = [hidden, SigmoidLayer((3, 4)), out, SigmoidLayer((1, 4))]
    calls = {"forward": (forward, (X,)), "backward": (backward, (np.ones((1, 4)),)), "train": (train, (X, Y))}
    run, args = calls[call]
    message = r"^layers\[2\] takes 2 rows \(one per input\), but layers\[1\] gives 3: the sizes"
    with pytest.raises(ValueError, match=message):
        run(layers, *args)
    assert not hasattr(hidden, "A_prev")  # refused before the first layer ran


def test_a_sigmoid_declared_with_other_rows_than_the_layer_below_is_named():
    layers = [LinearLayer(input_shape=(2, 4), n_out=3, ini_type="plain"), SigmoidLayer((2, 4))]
    with pytest.raises(ValueError, match=r"^layers\[1\] takes 2 rows .* but layers\[0\] gives 3"):
        forward(layers, xor_gate()[0])
