"""Build a stack of layers, train it with full-batch gradient descent, predict.

A network is a plain list of layers alternating ``LinearLayer`` and
``SigmoidLayer``, exactly the ``Z1, A1, Z2, A2`` of the article's loop.
"""

from __future__ import annotations

import math
import warnings
from dataclasses import dataclass, field
from typing import Union

import numpy as np

from nbnp.fmt import fmt
from nbnp.layers import LinearLayer, SigmoidLayer
from nbnp.losses import _cost, compute_cost
from nbnp.validation import as_matrix, check_learning_rate, check_positive_int

__all__ = [
    "History",
    "Layer",
    "accuracy",
    "backward",
    "build_network",
    "forward",
    "predict",
    "train",
]

Layer = Union[LinearLayer, SigmoidLayer]


@dataclass
class History:
    """Costs recorded during training.

    Attributes
    ----------
    epochs : list of int
        Epochs at which the cost was recorded (before that epoch's update).
    costs : list of float
        The cost at each of those epochs.
    final_cost : float
        The cost after the last update.
    """

    epochs: list[int] = field(default_factory=list)
    costs: list[float] = field(default_factory=list)
    final_cost: float = float("nan")

    def cost_at(self, epoch: int) -> float:
        """The recorded cost at ``epoch`` (raises ``KeyError`` if not recorded)."""
        if epoch not in self.epochs:
            raise KeyError(f"epoch {epoch} was not recorded; {self._recorded()}")
        return self.costs[self.epochs.index(epoch)]

    def _recorded(self) -> str:
        if len(self.epochs) > 1:
            return f"recorded every {self.epochs[1] - self.epochs[0]} epochs up to {self.epochs[-1]}"
        return f"recorded epochs: {self.epochs}"


def build_network(
    input_shape: tuple[int, int],
    layer_sizes: list[int],
    ini_type: str = "plain",
    random_state: np.random.RandomState | None = None,
) -> list[Layer]:
    """Linear → sigmoid pairs, initialized in order like the article's code.

    Parameters
    ----------
    input_shape : tuple of int
        (n_x, m), the shape of the training data ``X``.
    layer_sizes : list of int
        Neurons per layer, for example ``[3, 1]`` for the 2-3-1 network.
    ini_type : {"plain", "xavier", "he"}, optional
        Weight initialization for every linear layer.
    random_state : numpy.random.RandomState, optional
        Source of the weights; default NumPy's global stream (``np.random.seed``).

    Returns
    -------
    list of Layer
        ``[Z1, A1, Z2, A2, ...]``.
    """
    if not isinstance(layer_sizes, (list, tuple)) or not layer_sizes:
        raise ValueError(f"layer_sizes must be a non-empty list of ints, got {layer_sizes!r}")
    layers: list[Layer] = []
    shape = tuple(input_shape)
    for n_out in layer_sizes:
        linear = LinearLayer(shape, n_out, ini_type, random_state)
        layers += [linear, SigmoidLayer(linear.Z.shape)]
        shape = linear.Z.shape
    return layers


def _check_layers(layers: object) -> list[Layer]:
    if not isinstance(layers, (list, tuple)) or not layers:
        raise TypeError(f"layers must be a non-empty list of layers, got {type(layers).__name__}")
    for i, layer in enumerate(layers):
        if not isinstance(layer, (LinearLayer, SigmoidLayer)):
            raise TypeError(f"layers[{i}] must be a LinearLayer or SigmoidLayer, got {layer!r}")
    return list(layers)


def forward(layers: list[Layer], X: np.ndarray) -> np.ndarray:
    """Run the forward pass through every layer.

    Parameters
    ----------
    layers : list of Layer
    X : numpy.ndarray, shape (n_x, m)

    Returns
    -------
    numpy.ndarray, shape (n_out, m)
        Output of the last layer (``A`` of a sigmoid, ``Z`` of a linear layer).
    """
    A = X
    for layer in layers:
        layer.forward(A)
        A = _output(layer)
    return A


def backward(layers: list[Layer], dA: np.ndarray) -> None:
    """Run the backward pass from ∂Cost/∂(output) down to the first layer.

    Parameters
    ----------
    layers : list of Layer
    dA : numpy.ndarray, shape (n_out, m)
        Gradient of the cost with respect to the network's output.
    """
    grad = dA
    for layer in reversed(layers):
        layer.backward(grad)
        grad = layer.dA_prev if isinstance(layer, LinearLayer) else layer.dZ


def train(
    layers: list[Layer],
    X: np.ndarray,
    Y: np.ndarray,
    learning_rate: float = 1.0,
    epochs: int = 5000,
    record_every: int = 100,
    print_every: int | None = None,
) -> History:
    """Full-batch gradient descent, the article's training loop.

    Each epoch: forward, cost, (record), backward, update every linear layer.

    Everything is validated once, before the first epoch: the arguments, and a
    forward pass through the layers' public methods, which checks ``X`` against
    the first layer, each layer's output against the next layer and ``Y``
    against the network's output. The epochs then run the layers' unchecked
    kernels (the same arithmetic as ``forward``/``backward``/``update_params``,
    to the last bit), since shapes cannot change during training; a subclass
    that overrides a public method gets its methods called instead. A cost
    that is not finite stops training at once, and a final validated forward
    pass catches any other non-finite value a divergence left behind.

    Parameters
    ----------
    layers : list of Layer
        The network, updated in place.
    X : numpy.ndarray, shape (n_x, m)
        Training data.
    Y : numpy.ndarray, shape (1, m)
        Labels.
    learning_rate : float, optional
        α, default 1 as in the article's run.
    epochs : int, optional
        Number of full passes, default 5000.
    record_every : int, optional
        Record the cost when ``epoch % record_every == 0``. Default 100.
    print_every : int, optional
        Also print ``Cost at epoch#N: <12 significant digits>`` at these epochs.

    Returns
    -------
    History

    Raises
    ------
    ValueError
        For bad arguments (see :mod:`nbnp.validation`), and if training diverges
        (the cost or an activation stops being finite).
    """
    layers = _check_layers(layers)
    rows = layers[0].params["W"].shape[1] if isinstance(layers[0], LinearLayer) else None
    X, Y = as_matrix("X", X, rows), as_matrix("Y", Y)
    learning_rate = check_learning_rate(learning_rate)
    epochs = check_positive_int("epochs", epochs)
    record_every = check_positive_int("record_every", record_every)
    if print_every is not None:
        print_every = check_positive_int("print_every", print_every)
    compute_cost(Y, forward(layers, X))  # validates every shape the epochs will meet
    history = History()
    log = _CostLog(history, record_every, print_every, learning_rate)
    plain = all(_is_plain(layer) for layer in layers)
    with warnings.catch_warnings():
        # The sigmoid's harmless overflow, see nbnp.activations. A filter costs
        # nothing until a warning is raised, whereas inside np.errstate every
        # NumPy call of the loop looks the error state up in its context.
        warnings.filterwarnings("ignore", "overflow encountered in exp", RuntimeWarning)
        (_run_kernels if plain else _run_methods)(layers, X, Y, learning_rate, epochs, log)
    try:
        history.final_cost = compute_cost(Y, forward(layers, X))[0]
    except ValueError as err:
        raise _diverged(str(err), learning_rate) from err
    return history


def _is_plain(layer: Layer) -> bool:
    """True if ``layer``'s public methods are nbnp's own, so its kernels compute what they would.

    Looks the methods up rather than reading ``vars(layer)``, which would turn
    the instance's attributes into a real dict and slow every access to them.
    """
    cls = type(layer)
    if cls not in (LinearLayer, SigmoidLayer):
        return False
    names = ("forward", "backward", "update_params") if cls is LinearLayer else ("forward", "backward")
    return all(getattr(getattr(layer, name), "__func__", None) is getattr(cls, name) for name in names)


@dataclass
class _CostLog:
    """What :func:`train` does with each epoch's cost: stop if not finite, record, print."""

    history: History
    record_every: int
    print_every: int | None
    learning_rate: float

    @property
    def every(self) -> int:
        """Every how many epochs there is something to record or print."""
        return math.gcd(self.record_every, self.print_every or self.record_every)

    def __call__(self, epoch: int, cost: float) -> None:
        if not math.isfinite(cost):
            raise _diverged(f"the cost is {cost} at epoch {epoch}", self.learning_rate)
        if epoch % self.record_every == 0:
            self.history.epochs.append(epoch)
            self.history.costs.append(cost)
        if self.print_every and epoch % self.print_every == 0:
            print(f"Cost at epoch#{epoch}: {fmt(cost)}")


def _run_kernels(
    layers: list[Layer], X: np.ndarray, Y: np.ndarray, learning_rate: float, epochs: int, log: _CostLog
) -> None:
    """The epochs through the layers' unchecked kernels.

    The same arithmetic as :func:`_run_methods`, to the last bit: each linear
    layer's update is folded into its backward kernel (its ``dA_prev`` is
    computed from the old ``W`` first), and the first layer's ``dA_prev``,
    which nothing reads, is computed only in the last epoch.
    """
    forwards = [layer._forward for layer in layers]
    *upper_backwards, first_backward = [layer._backward for layer in reversed(layers)]
    log_every = log.every
    last = epochs - 1
    for epoch in range(epochs):
        A = X
        for layer_forward in forwards:
            A = layer_forward(A)
        cost, dA = _cost(Y, A)
        if epoch % log_every == 0 or not math.isfinite(cost):
            log(epoch, cost)
        for layer_backward in upper_backwards:
            dA = layer_backward(dA, True, learning_rate)
        first_backward(dA, epoch == last, learning_rate)


def _run_methods(
    layers: list[Layer], X: np.ndarray, Y: np.ndarray, learning_rate: float, epochs: int, log: _CostLog
) -> None:
    """The epochs through the public methods (for subclasses that override them)."""
    linear = [layer for layer in layers if isinstance(layer, LinearLayer)]
    log_every = log.every
    for epoch in range(epochs):
        cost, dA = compute_cost(Y, forward(layers, X))
        if epoch % log_every == 0 or not math.isfinite(cost):
            log(epoch, cost)
        backward(layers, dA)
        for layer in linear:
            layer.update_params(learning_rate)


def _output(layer: Layer) -> np.ndarray:
    return layer.Z if isinstance(layer, LinearLayer) else layer.A


def _diverged(what: str, learning_rate: float) -> ValueError:
    return ValueError(
        f"training diverged: {what}; expected finite values throughout, "
        f"try a smaller learning_rate than {learning_rate}"
    )


def predict(layers: list[Layer], X: np.ndarray, threshold: float = 0.5) -> np.ndarray:
    """Class predictions: 1 where the network's output exceeds ``threshold``.

    Parameters
    ----------
    layers : list of Layer
    X : numpy.ndarray, shape (n_x, m)
    threshold : float, optional
        Default 0.5, as in the article (strictly greater than).

    Returns
    -------
    numpy.ndarray, shape (1, m)
        0.0 or 1.0 per example.
    """
    return (forward(_check_layers(layers), X) > threshold).astype(float)


def accuracy(predictions: np.ndarray, Y: np.ndarray) -> float:
    """Percentage of predictions equal to the labels.

    Parameters
    ----------
    predictions : numpy.ndarray, shape (1, m)
    Y : numpy.ndarray, shape (1, m)

    Returns
    -------
    float
        Accuracy in percent, 0 to 100.
    """
    predictions, Y = as_matrix("predictions", predictions), as_matrix("Y", Y)
    if predictions.shape != Y.shape:
        raise ValueError(f"predictions and Y must have the same shape, got {predictions.shape} and {Y.shape}")
    return float(np.mean(predictions == Y) * 100)
