"""The article's worked runs, with the inputs it sets, computed once from nbnp's primitives.

Several article values come out of one computation: the forward and backward
pass on one OR example, two batch steps on the OR data, the 2-3-1 network
trained on XOR. Each is a cached function here that :mod:`nbnp.article.values`
reads; ``cache_clear()`` runs it afresh.

No function touches NumPy's global random stream: the seeded run draws from
``np.random.RandomState(48)``, which yields the same numbers as
``np.random.seed(48)`` followed by the global ``np.random.randn``.
"""

from __future__ import annotations

from functools import cache

import numpy as np

from nbnp.datasets import feature_cross, or_gate, xor_gate
from nbnp.layers import LinearLayer, SigmoidLayer
from nbnp.losses import compute_cost
from nbnp.training import accuracy, backward, build_network, forward, predict, train

__all__ = [
    "ALPHA",
    "EPOCHS",
    "SEED",
    "W_START",
    "companion_run",
    "or_batch",
    "or_network",
    "single_example",
    "xor_run",
]

#: The article's starting weights for the OR examples, shape (1, 2).
W_START = ((0.1, 0.6),)
#: Learning rate of every hand-worked step and training run in the article.
ALPHA = 1.0
#: Epochs of every training run in the article.
EPOCHS = 5000
#: Seed of the article's 2-3-1 XOR run.
SEED = 48


def or_network(m: int) -> list:
    """The single sigmoid neuron with the article's start, W = [0.1, 0.6] and b = 0.

    Parameters
    ----------
    m : int
        Number of examples it will see at once.

    Returns
    -------
    list of Layer
        ``[Z1, A1]``, a linear layer of shape (1, 2) and its sigmoid.
    """
    return [LinearLayer.from_params(W_START, 0.0, m=m), SigmoidLayer((1, m))]


@cache
def single_example() -> dict[str, float]:
    """Forward, backward and one α = 1 step on x = (0, 0), y = 0 (chapters 1-2).

    Returns
    -------
    dict
        Floats ``"y_hat"``, ``"dw1"``, ``"dw2"``, ``"db"`` before the step,
        ``"b_new"`` and ``"y_hat_new"`` after it.
    """
    X, Y = or_gate()
    x, y = X[:, :1], Y[:, :1]
    layers = or_network(1)
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


@cache
def or_batch() -> dict[str, object]:
    """Two vectorized batch steps on the OR data from the article's start (chapter 4).

    Returns
    -------
    dict
        ``"cost_initial"`` and ``"cost_after_one_step"`` (float), the second
        iteration's ``"dW_second"`` (shape (1, 2)) and ``"db_second"`` (shape
        (1, 1)), and ``"shapes"``: the shapes of ``X``, ``dZ``, ``dW`` and ``db``.
    """
    X, Y = or_gate()
    layers = or_network(X.shape[1])
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


@cache
def xor_run() -> dict[str, object]:
    """The article's run: 2-3-1, Xavier, seed 48, α = 1, 5000 epochs on XOR.

    Returns
    -------
    dict
        ``"costs"`` (epoch → cost, every 100 epochs), ``"final_cost"``,
        ``"predictions"`` (shape (1, 4)) and ``"accuracy"`` (percent).
    """
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


@cache
def companion_run(name: str) -> dict[str, object]:
    """A seeded run of the article's companion notebooks (github.com/RafayAK/NothingButNumPy).

    Parameters
    ----------
    name : {"feature_cross", "2-5-3-1"}
        ``"feature_cross"``: one sigmoid neuron on XOR with the input x₁·x₂
        added, plain initialization; ``"2-5-3-1"``: two hidden layers, Xavier.
        Both: seed 48, α = 1, 5000 epochs, as the notebooks run them.

    Returns
    -------
    dict
        As :func:`xor_run`: ``"costs"`` (epoch → cost, every 100 epochs),
        ``"final_cost"``, ``"predictions"`` (shape (1, 4)), ``"accuracy"``.

    Raises
    ------
    ValueError
        For another ``name``.
    """
    X, Y = xor_gate()
    if name == "feature_cross":
        X, sizes, ini_type = feature_cross(X), [1], "plain"
    elif name == "2-5-3-1":
        sizes, ini_type = [5, 3, 1], "xavier"
    else:
        raise ValueError(f"name must be 'feature_cross' or '2-5-3-1', but received {name!r}")
    layers = build_network(X.shape, sizes, ini_type, np.random.RandomState(SEED))
    history = train(layers, X, Y, ALPHA, EPOCHS, record_every=100)
    predictions = predict(layers, X)
    return {
        "costs": dict(zip(history.epochs, history.costs)),
        "final_cost": history.final_cost,
        "predictions": predictions,
        "accuracy": accuracy(predictions, Y),
    }
