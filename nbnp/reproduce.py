"""Our value for every number the article states, computed from nbnp's primitives.

Each key of :data:`nbnp.ARTICLE` has one small function here that recomputes
our value from scratch (layers, cost, training loop, gradient checker), with
the inputs the article sets: the OR data, ``W = [0.1, 0.6]``, ``b = 0``,
``α = 1``, 5000 epochs, and ``np.random.seed(48)`` for the 2-3-1 network.
:data:`REPRODUCERS` maps each key to its function; the numbers ledger and
``tests/test_reproduce.py`` both go through it, so neither types a value.

No function touches NumPy's global random stream: the seeded run draws from
``np.random.RandomState(48)``, which yields the same numbers as
``np.random.seed(48)`` followed by the global ``np.random.randn``.
"""

from __future__ import annotations

import inspect
from functools import cache
from typing import Callable, Union

import numpy as np

from nbnp.activations import sigmoid
from nbnp.article import ARTICLE, Comparison, compare
from nbnp.datasets import or_gate, xor_gate
from nbnp.gradcheck import numerical_gradient
from nbnp.layers import LinearLayer, SigmoidLayer
from nbnp.losses import compute_cost, squared_error_loss
from nbnp.train import accuracy, backward, build_network, forward, predict, train

__all__ = ["REPRODUCERS", "Value", "check_all", "reproduce"]

#: What a reproducer returns: a number, an array, or a shape.
Value = Union[float, np.ndarray, tuple[int, ...]]

#: The article's starting weights for the OR examples, shape (1, 2).
W_START = ((0.1, 0.6),)
#: Learning rate of every hand-worked step and training run in the article.
ALPHA = 1.0
#: Epochs of every training run in the article.
EPOCHS = 5000
#: Seed of the article's 2-3-1 XOR run.
SEED = 48


def _or_network(m: int) -> list:
    """The single sigmoid neuron with the article's start, for ``m`` examples."""
    return [LinearLayer.from_params(W_START, 0.0, m=m), SigmoidLayer((1, m))]


# ---------------------------------------------------------------- one example


@cache
def _single_example() -> dict[str, float]:
    """Forward, backward and one α = 1 step on x = (0, 0), y = 0 (chapters 1-2)."""
    X, Y = or_gate()
    x, y = X[:, :1], Y[:, :1]
    layers = _or_network(1)
    y_hat = float(forward(layers, x)[0, 0])
    _, dA = compute_cost(y, forward(layers, x))
    backward(layers, dA)
    linear = layers[0]
    out = {"y_hat": y_hat, "dw1": float(linear.dW[0, 0]), "dw2": float(linear.dW[0, 1])}
    out["db"] = float(linear.db[0, 0])
    linear.update_params(ALPHA)
    out["b_new"] = float(linear.params["b"][0, 0])
    out["y_hat_new"] = float(forward(layers, x)[0, 0])
    return out


def ch1_y_hat() -> float:
    """Prediction ŷ = σ(w·x + b) for x = (0, 0)."""
    return _single_example()["y_hat"]


def ch1_loss() -> float:
    """Loss ½(y − ŷ)² of that prediction, y = 0."""
    return squared_error_loss(0.0, ch1_y_hat())


def ch1_dL_dw1() -> float:
    """∂L/∂w₁ from the backward pass."""
    return _single_example()["dw1"]


def ch1_dL_dw2() -> float:
    """∂L/∂w₂ from the backward pass."""
    return _single_example()["dw2"]


def ch1_sigmoid_at_2() -> float:
    """σ(2), the worst case of the article's 'σ(z) ≈ 1 for z > 2'."""
    return sigmoid(2.0)


def ch1_sigmoid_at_minus_2() -> float:
    """σ(−2), the worst case of the article's 'σ(z) ≈ 0 for z < −2'."""
    return sigmoid(-2.0)


def ch2_dL_db() -> float:
    """∂L/∂b from the backward pass with the bias node."""
    return _single_example()["db"]


def ch2_b_new() -> float:
    """Bias after one gradient-descent step with α = 1."""
    return _single_example()["b_new"]


def ch2_y_hat_new() -> float:
    """Prediction after that step."""
    return _single_example()["y_hat_new"]


def ch2_loss_new() -> float:
    """Loss after that step."""
    return squared_error_loss(0.0, ch2_y_hat_new())


# ---------------------------------------------------------------- OR batch


@cache
def _or_batch() -> dict[str, object]:
    """Two vectorized batch steps on the OR data from the article's start (chapter 4)."""
    X, Y = or_gate()
    layers = _or_network(X.shape[1])
    out: dict[str, object] = {}
    out["cost_initial"], dA = compute_cost(Y, forward(layers, X))
    backward(layers, dA)
    out["shapes"] = {"X": X.shape, "dZ": layers[1].dZ.shape}
    layers[0].update_params(ALPHA)
    out["cost_after_one_step"], dA = compute_cost(Y, forward(layers, X))
    backward(layers, dA)
    out["dW_second"], out["db_second"] = layers[0].dW.copy(), layers[0].db.copy()
    out["shapes"].update(dW=layers[0].dW.shape, db=layers[0].db.shape)
    return out


def ch4_cost_initial() -> float:
    """Cost at W = [0.1, 0.6], b = 0 over the four OR examples."""
    return _or_batch()["cost_initial"]


def ch4_cost_after_one_step() -> float:
    """Cost after one vectorized step with α = 1."""
    return _or_batch()["cost_after_one_step"]


def ch4_dW_second() -> np.ndarray:
    """∂Cost/∂W of the second iteration, shape (1, 2)."""
    return _or_batch()["dW_second"].copy()


def ch4_db_second() -> np.ndarray:
    """∂Cost/∂b of the second iteration, shape (1, 1)."""
    return _or_batch()["db_second"].copy()


def ch4_cost_5000() -> float:
    """Cost of the single neuron after 5000 epochs on the OR data."""
    X, Y = or_gate()
    return train(_or_network(X.shape[1]), X, Y, ALPHA, EPOCHS).final_cost


def ch4_shape_dZ() -> tuple[int, ...]:
    """Shape of the gradient flowing into Z."""
    return _or_batch()["shapes"]["dZ"]


def ch4_shape_X() -> tuple[int, ...]:
    """Shape of X_train."""
    return _or_batch()["shapes"]["X"]


def ch4_shape_dW() -> tuple[int, ...]:
    """Shape of ∂Cost/∂W."""
    return _or_batch()["shapes"]["dW"]


def ch4_shape_db() -> tuple[int, ...]:
    """Shape of ∂Cost/∂b."""
    return _or_batch()["shapes"]["db"]


def ch4_shape_full_jacobian() -> tuple[int, ...]:
    """Shape of ∂Z/∂W over all examples: one (1 × 2) derivative per example, stacked."""
    X, _ = or_gate()
    linear = LinearLayer.from_params(W_START, 0.0, m=X.shape[1])

    def z(i: int) -> Callable[[], float]:
        def z_i() -> float:
            linear.forward(X)
            return float(linear.Z[0, i])

        return z_i

    per_example = [numerical_gradient(z(i), linear.params["W"]) for i in range(X.shape[1])]
    return np.stack(per_example).shape


# ---------------------------------------------------------------- XOR, 2-3-1


@cache
def _xor_run() -> dict[str, object]:
    """The article's run: 2-3-1, Xavier, seed 48, α = 1, 5000 epochs on XOR."""
    X, Y = xor_gate()
    layers = build_network(X.shape, [3, 1], "xavier", np.random.RandomState(SEED))
    history = train(layers, X, Y, ALPHA, EPOCHS, record_every=100)
    predictions = predict(layers, X)
    return {
        "costs": dict(zip(history.epochs, history.costs)),
        "final_cost": history.final_cost,
        "predictions": predictions,
        "accuracy": accuracy(predictions, Y),
    }


def ch6_cost_5000() -> float:
    """Cost of the 2-3-1 network after 5000 epochs."""
    return _xor_run()["final_cost"]


def _count_layers(layer_sizes: list[int]) -> float:
    """Layers with tunable weights (linear layers) in a sigmoid network."""
    X, _ = xor_gate()
    layers = build_network(X.shape, layer_sizes, random_state=np.random.RandomState(SEED))
    return float(sum(isinstance(layer, LinearLayer) for layer in layers))


def ch6_layers_hidden() -> float:
    """Layers counted in the 2-3-1 network (the input layer does not count)."""
    return _count_layers([3, 1])


def ch6_layers_single() -> float:
    """Layers counted in the single-neuron network."""
    return _count_layers([1])


def _cost_at(epoch: int) -> float:
    return _xor_run()["costs"][epoch]


def ch7_cost_4600() -> float:
    """Printed cost at epoch 4600."""
    return _cost_at(4600)


def ch7_cost_4700() -> float:
    """Printed cost at epoch 4700."""
    return _cost_at(4700)


def ch7_cost_4800() -> float:
    """Printed cost at epoch 4800."""
    return _cost_at(4800)


def ch7_cost_4900() -> float:
    """Printed cost at epoch 4900."""
    return _cost_at(4900)


def ch7_cost_about() -> float:
    """The cost 'after 4900 epochs' that the article rounds to 0.0009."""
    return _cost_at(4900)


def ch7_predictions() -> np.ndarray:
    """Predicted outputs of the trained network, shape (1, 4)."""
    return _xor_run()["predictions"].copy()


def ch7_accuracy() -> float:
    """Accuracy of those predictions, in percent."""
    return _xor_run()["accuracy"]


def ch7_default_learning_rate() -> float:
    """Default α of ``LinearLayer.update_params``."""
    return inspect.signature(LinearLayer.update_params).parameters["learning_rate"].default


#: One reproducer per article key: ``"ch2.loss_new"`` is ``ch2_loss_new``.
REPRODUCERS: dict[str, Callable[[], Value]] = {
    key: globals()[key.replace(".", "_")] for key in ARTICLE if key.replace(".", "_") in globals()
}


def reproduce(key: str) -> Value:
    """Recompute our value for one article number.

    Parameters
    ----------
    key : str
        Key of the entry in :data:`nbnp.ARTICLE`, for example ``"ch2.loss_new"``.

    Returns
    -------
    float, numpy.ndarray or tuple of int
        Our value (a shape tuple for entries compared by shape).

    Raises
    ------
    KeyError
        If ``key`` has no reproducer.
    """
    if key not in REPRODUCERS:
        raise KeyError(f"no reproducer for {key!r}; known keys: {', '.join(REPRODUCERS)}")
    return REPRODUCERS[key]()


def check_all() -> dict[str, Comparison]:
    """Recompute and compare every article number, in the order of :data:`nbnp.ARTICLE`.

    Returns
    -------
    dict
        Key → :class:`nbnp.article.Comparison` (ours formatted, status).

    Raises
    ------
    KeyError
        If an article key has no reproducer.
    nbnp.ArticleMismatch
        If any value disagrees with the article without an erratum (or an
        erratum is recorded where ours now agrees).
    """
    return {key: compare(key, reproduce(key)) for key in ARTICLE}
