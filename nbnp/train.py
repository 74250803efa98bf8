"""Build a stack of layers and train it with full-batch gradient descent.

A network is a plain list of layers, for example ``[Z1, A1, Z2, A2]``: the
linear and sigmoid layers of the article's loop, or any objects that follow
the layer protocol of :mod:`nbnp.layers`.
"""

from __future__ import annotations

import numpy as np

from nbnp.fmt import fmt
from nbnp.history import History
from nbnp.layer_checks import _check_input_shape
from nbnp.layers import Layer, LinearLayer, SigmoidLayer  # Layer: also from here
from nbnp.losses import compute_cost
from nbnp.validation import (
    as_matrix,
    check_flag,
    check_learning_rate,
    check_positive_int,
)

__all__ = ["backward", "build_network", "forward", "train"]


def build_network(
    input_shape: tuple[int, int],
    layer_sizes: list[int],
    ini_type: str = "xavier",
    random_state: np.random.RandomState | None = None,
) -> list[Layer]:
    """Linear → sigmoid pairs, initialized in order like the article's code.

    The default initialization is Xavier's, the one of every network the
    article trains (2-3-1 and 2-5-3-1 on XOR, seed 48). The article's
    ``LinearLayer`` keeps its own default, ``"plain"`` (N(0, 1) × 0.01):
    with it the 2-3-1 network never learns XOR (seed 48, α = 1, 5000 epochs:
    cost 0.125, every output 0.5 to four decimals, accuracy 50%). Either draws the same
    normal numbers from the stream, so the choice changes no later draw.

    Parameters
    ----------
    input_shape : tuple of int
        (n_x, m), the shape of the training data ``X``.
    layer_sizes : list of int
        Neurons per layer, for example ``[3, 1]`` for the 2-3-1 network.
    ini_type : {"plain", "xavier", "he"}, optional
        Weight initialization for every linear layer, default ``"xavier"``.
    random_state : numpy.random.RandomState, optional
        Source of the weights; default NumPy's global stream (``np.random.seed``).

    Returns
    -------
    list of Layer
        ``[Z1, A1, Z2, A2, ...]``.
    """
    shape = _check_input_shape(input_shape)
    if not isinstance(layer_sizes, (list, tuple)) or not layer_sizes:
        raise ValueError(f"layer_sizes must be a non-empty list of ints, got {layer_sizes!r:.60}")
    sizes = [check_positive_int(f"layer_sizes[{i}]", n) for i, n in enumerate(layer_sizes)]
    layers: list[Layer] = []
    for n_out in sizes:
        linear = LinearLayer(shape, n_out, ini_type, random_state)
        layers += [linear, SigmoidLayer(linear.Z.shape)]
        shape = linear.Z.shape
    return layers


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
    layers = _check_layers(layers)
    return _forward(layers, as_matrix("X", X, rows=_input_rows(layers[0])))


def _forward(layers: list[Layer], X: np.ndarray) -> np.ndarray:
    """The forward pass through already checked ``layers`` from a checked ``X``."""
    A = X
    for layer in layers:
        A = layer.forward(A)
    return A


def backward(layers: list[Layer], dY_hat: np.ndarray, input_grad: bool = True) -> np.ndarray | None:
    """Run the backward pass, each layer handing its input's gradient to the layer below.

    Parameters
    ----------
    layers : list of Layer
    dY_hat : numpy.ndarray, shape (n_out, m)
        Gradient of the cost with respect to the network's output.
    input_grad : bool, optional
        Whether to compute ∂Cost/∂X, default True. The data need no gradient
        in training: with False the first layer computes only the gradients
        of its parameters, or nothing if it has none.

    Returns
    -------
    numpy.ndarray, shape (n_x, m), or None
        ∂Cost/∂X, or None when ``input_grad`` is False.
    """
    layers = _check_layers(layers)
    return _backward(layers, _check_output_grad(layers[-1], dY_hat), check_flag("input_grad", input_grad))


def _backward(layers: list[Layer], dY_hat: np.ndarray, input_grad: bool) -> np.ndarray | None:
    """The backward pass through already checked ``layers``."""
    grad = dY_hat
    for layer in reversed(layers[1:]):
        grad = layer.backward(grad)
    if input_grad:
        return layers[0].backward(grad)
    if hasattr(layers[0], "params"):
        layers[0].backward(grad, input_grad=False)
    return None


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

    Each epoch: forward pass, cost, backward pass (no gradient for ``X``),
    and an update of every layer that has parameters.

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
        (the cost or an array of the network stops being finite).
    """
    layers = _with_params(_check_layers(layers), "to train")
    X, Y = as_matrix("X", X, rows=_input_rows(layers[0])), as_matrix("Y", Y)
    learning_rate = check_learning_rate(learning_rate)
    epochs = check_positive_int("epochs", epochs)
    record_every = check_positive_int("record_every", record_every)
    if print_every is not None:
        print_every = check_positive_int("print_every", print_every)
    history = History()
    for epoch in range(epochs):
        try:  # compute_cost raises on a cost that is not finite: every divergence arrives as a ValueError
            cost = _gradient_step(layers, X, Y, learning_rate)
        except ValueError as err:  # at epoch 0 a bad argument; later, with the same shapes, a divergence
            if epoch == 0:
                raise
            raise _diverged(f"{err} (epoch {epoch})", learning_rate) from err
        if epoch % record_every == 0:
            history.epochs.append(epoch)
            history.costs.append(cost)
        if print_every and epoch % print_every == 0:
            print(f"Cost at epoch#{epoch}: {fmt(cost)}")
    try:
        history.final_cost = compute_cost(Y, _forward(layers, X))[0]
    except ValueError as err:
        raise _diverged(str(err), learning_rate) from err
    return history


def _gradient_step(
    layers: list[Layer], X: np.ndarray, Y: np.ndarray, learning_rate: float
) -> float:
    """One epoch on ``X`` (n_x, m), ``Y`` (1, m); the cost before the update."""
    cost, dY_hat = compute_cost(Y, _forward(layers, X))
    _backward(layers, dY_hat, input_grad=False)
    for layer in layers:
        if hasattr(layer, "params"):
            layer.update_params(learning_rate)
    return cost


def _check_layers(layers: object) -> list[Layer]:
    """``layers`` as a list, if it is a non-empty list of objects with ``forward`` and ``backward``."""
    if not isinstance(layers, (list, tuple)) or not layers:
        got = f"{type(layers).__name__} {layers!r:.40}"
        raise TypeError(f"layers must be a non-empty list of layers, got {got}")
    for i, layer in enumerate(layers):
        _check_layer(layer, f"layers[{i}]")
    for i in range(1, len(layers)):
        _check_chain(layers, i)
    return list(layers)


def _check_chain(layers: list[Layer], i: int) -> None:
    """A ``ValueError`` naming both layers if ``layers[i]`` cannot take what ``layers[i - 1]`` gives."""
    takes, gives = _input_rows(layers[i]), _output_rows(layers[i - 1])
    if takes is not None and gives is not None and takes != gives:
        raise ValueError(
            f"layers[{i}] takes {takes} rows (one per input), but layers[{i - 1}] "
            f"gives {gives}: the sizes of neighbouring layers must match"
        )


def _with_params(layers: list[Layer], what: str) -> list[Layer]:
    """``layers``, if one of them has parameters; else there is nothing ``what`` (to train, to check)."""
    if not any(hasattr(layer, "params") for layer in layers):
        raise ValueError(
            f"layers must hold a layer with parameters (such as a LinearLayer) {what}, but none has params"
        )
    return layers


def _check_layer(layer: object, name: str = "layer") -> Layer:
    """``layer``, if it has ``forward`` and ``backward`` methods; else a ``TypeError`` naming ``name``."""
    if not (callable(getattr(layer, "forward", None)) and callable(getattr(layer, "backward", None))):
        raise TypeError(f"{name} must be a layer, an object with forward and backward methods, got {layer!r}")
    return layer


def _input_rows(layer: Layer) -> int | None:
    """How many rows a layer expects of its input: the columns of its ``W``, or a sigmoid's declared rows."""
    if isinstance(layer, SigmoidLayer):
        return layer.A.shape[0]
    W = getattr(layer, "params", {}).get("W")
    return W.shape[1] if isinstance(W, np.ndarray) and W.ndim == 2 else None


def _output_rows(layer: Layer) -> int | None:
    """How many rows a layer's output has: one per bias in ``b``, or a sigmoid's declared rows."""
    if isinstance(layer, SigmoidLayer):
        return layer.A.shape[0]
    b = getattr(layer, "params", {}).get("b")
    return b.shape[0] if isinstance(b, np.ndarray) and b.ndim == 2 else None


def _check_output_grad(layer: Layer, dY_hat: object) -> np.ndarray:
    """``dY_hat`` as a finite matrix of the shape of the last layer's output, once that has run forward."""
    dY_hat = as_matrix("dY_hat", dY_hat)
    if isinstance(layer, SigmoidLayer) and hasattr(layer, "Z"):
        shape = layer.A.shape
    elif isinstance(layer, LinearLayer) and hasattr(layer, "A_prev"):
        shape = layer.Z.shape
    else:  # not run yet (the layer says so), or a layer of the reader's own
        return dY_hat
    if dY_hat.shape != shape:
        raise ValueError(
            f"dY_hat must have the shape of the network's output {shape}, but received shape {dY_hat.shape}"
        )
    return dY_hat


def _diverged(what: str, learning_rate: float) -> ValueError:
    return ValueError(
        f"training diverged: {what}; expected finite values throughout, "
        f"try a smaller learning_rate than {learning_rate}"
    )
