"""A network as a list of layers: build it, run it forward and backward, train it, predict.

A network is a plain list such as ``[Z1, A1, Z2, A2]``. Any object with
``forward`` and ``backward`` can be a layer; one that learns also has
``params`` and ``update_params``. Nothing here asks which class a layer is,
so a layer written outside nbnp trains like the article's two.

Explained in chapters 8 and 9.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from nbnp.checks import (
    as_matrix,
    check_finite,
    check_labels,
    check_layers,
    check_learning_rate,
    check_positive_int,
    check_real,
    check_same_shape,
    check_shape,
)
from nbnp.layers import LinearLayer, SigmoidLayer
from nbnp.losses import compute_cost

__all__ = ["History", "accuracy", "backward", "build_network", "forward", "predict", "train",
           "train_step"]


@dataclass
class History:
    """The costs recorded while training: ``costs[i]`` at ``epochs[i]``. Chapter 8."""

    epochs: list[int] = field(default_factory=list)
    costs: list[float] = field(default_factory=list)
    final_cost: float = float("nan")

    def cost_at(self, epoch: int) -> float:
        """The cost recorded at ``epoch``; ``KeyError`` naming the recorded epochs if there is none."""
        if epoch not in self.epochs:
            recorded = ", ".join(map(str, self.epochs[:3])) + (", …" if len(self.epochs) > 3 else "")
            raise KeyError(f"epoch {epoch!r} was not recorded: train records the cost every "
                           f"record_every epochs, here at {recorded or 'none'}")
        return self.costs[self.epochs.index(epoch)]

    def log(self, head: int = 3, tail: int = 4) -> str:
        """The training log as the article prints it, the first ``head`` and last ``tail`` lines."""
        lines = [f"Cost at epoch#{e}: {c:.12g}" for e, c in zip(self.epochs, self.costs)]
        if len(lines) > head + tail:
            lines = [*lines[:head], "…", *lines[-tail:]]
        return "\n".join(lines)


def build_network(input_shape: tuple[int, int], layer_sizes: list[int], ini_type: str = "xavier",
                  random_state: np.random.RandomState | None = None) -> list:
    """Linear → sigmoid pairs ``[Z1, A1, Z2, A2, ...]``, built like the article's.

    ``input_shape`` is ``X.shape``, (n_x, m); ``layer_sizes`` the neurons per
    layer, ``[3, 1]`` for the 2-3-1 network. ``ini_type`` defaults to the
    article's ``"xavier"``; the weights come from ``random_state``, by default
    NumPy's global stream. ``TypeError``/``ValueError`` for sizes that are not
    positive ints. Explained in chapter 9.
    """
    shape = check_shape("input_shape", input_shape)
    if not isinstance(layer_sizes, (list, tuple)) or not layer_sizes:
        raise TypeError(f"layer_sizes must be a non-empty list of ints such as [3, 1], "
                        f"but received {layer_sizes!r:.40}")
    layers = []
    for n_out in layer_sizes:
        linear = LinearLayer(shape, n_out, ini_type, random_state)
        layers += [linear, SigmoidLayer(linear.Z.shape)]
        shape = linear.Z.shape
    return layers


def forward(layers: list, X: np.ndarray) -> np.ndarray:
    """The network's output: each layer's ``forward`` fed the one below's.

    X, shape (n_x, m) → the output, shape (n_out, m). Explained in chapter 8.
    """
    A = X
    for layer in check_layers(layers):
        A = layer.forward(A)
    return A


def backward(layers: list, dY_hat: np.ndarray) -> np.ndarray:
    """Each layer's ``backward``, top to bottom, fed the gradient from above.

    dY_hat, shape (n_out, m) → ∂Cost/∂X, shape (n_x, m). Explained in chapter 8.
    """
    grad = dY_hat
    for layer in reversed(check_layers(layers)):
        grad = layer.backward(grad)
    return grad


def train(layers: list, X: np.ndarray, Y: np.ndarray, learning_rate: float = 1.0, epochs: int = 5000,
          record_every: int = 100, print_every: int | None = None) -> History:
    """Full-batch gradient descent, the article's loop: ``train_step`` per epoch.

    Trains ``layers`` in place on ``X`` (n_x, m) and labels ``Y`` (1, m) with
    α = ``learning_rate``. The cost before each update is recorded every
    ``record_every`` epochs (and printed every ``print_every``). Returns the
    :class:`History`. Runs under ``np.errstate(over="raise", invalid="raise")``:
    a diverging network raises ``FloatingPointError`` ("training diverged at
    epoch N"); bad arguments raise ``TypeError``/``ValueError``. (With too
    large an α a sigmoid network rarely overflows: it saturates, and its cost
    stalls.) Explained in chapter 9.
    """
    X, Y = check_finite("X", as_matrix("X", X)), check_labels("Y", as_matrix("Y", Y))
    learning_rate = check_learning_rate(learning_rate)
    epochs = check_positive_int("epochs", epochs)
    record_every = check_positive_int("record_every", record_every)
    print_every = print_every and check_positive_int("print_every", print_every)
    history, epoch = History(), 0
    try:
        with np.errstate(over="raise", invalid="raise"):
            for epoch in range(epochs):
                cost = train_step(layers, X, Y, learning_rate)
                if epoch % record_every == 0:
                    history.epochs.append(epoch)
                    history.costs.append(cost)
                if print_every and epoch % print_every == 0:
                    print(f"Cost at epoch#{epoch}: {cost:.12g}")
            history.final_cost = compute_cost(Y, forward(layers, X))[0]
    except FloatingPointError as err:
        raise FloatingPointError(f"training diverged at epoch {epoch} ({err}) with learning_rate "
                                 f"{learning_rate}: try a smaller learning_rate") from err
    return history


def train_step(layers: list, X: np.ndarray, Y: np.ndarray,
               learning_rate: float) -> float:
    """One epoch of the article's loop: forward, cost, backward, update.

    X, shape (n_x, m), and Y, shape (1, m). Returns the cost before the update.
    Explained in chapter 8.
    """
    cost, dY_hat = compute_cost(Y, forward(layers, X))
    backward(layers, dY_hat)
    for layer in layers:
        if hasattr(layer, "params"):
            layer.update_params(learning_rate)
    return cost


def predict(layers: list, X: np.ndarray, threshold: float = 0.5) -> np.ndarray:
    """Class predictions, 1.0 where the network's output exceeds ``threshold``, else 0.0. Shape (1, m).

    ``ValueError`` if ``X`` holds NaN or infinity (no class to give). Explained in chapter 6.
    """
    threshold, X = check_real("threshold", threshold), check_finite("X", as_matrix("X", X))
    if not 0 < threshold < 1:
        raise ValueError(f"threshold must lie between 0 and 1 (a sigmoid's output), but received {threshold}")
    return (forward(layers, X) > threshold).astype(float)


def accuracy(predictions: np.ndarray, Y: np.ndarray) -> float:
    """The percentage of predictions equal to the labels, both 0/1 of shape (1, m).

    Raises ``ValueError`` for probabilities instead of predictions, or shapes that differ.
    Explained in chapter 6.
    """
    predictions = check_labels("predictions", as_matrix("predictions", predictions),
                               hint="threshold the network's output first: nbnp.predict(layers, X)")
    Y = check_labels("Y", as_matrix("Y", Y))
    check_same_shape("predictions", predictions, "Y", Y)
    return float(np.mean(predictions == Y) * 100)
