"""nbnp: Nothing but NumPy, the package behind the executable book.

The core is a small neural network in NumPy only, as plain as the article's
code: layers, activation, cost, initializer, training, gradient checks, toy
datasets, and the checks that turn a learner's mistake into a clear message.
The book's machinery lives in subpackages loaded on first use:
:mod:`nbnp.article` (the article's values, the ledger, ``fmt``),
:mod:`nbnp.draw` (the figures, the only matplotlib), :mod:`nbnp.experiments`
(Part I's measurements) and :mod:`nbnp.exercises` (``check_exercise``).
"""

from __future__ import annotations

import importlib

from nbnp.activations import sigmoid, sigmoid_derivative
from nbnp.checks import LayerStateError
from nbnp.datasets import and_gate, feature_cross, or_gate, quadrant_xor, xor_gate
from nbnp.gradcheck import (
    check_cost_gradient,
    check_layer_gradients,
    check_network_gradients,
    layer_gradients,
    layer_relative_error,
    network_gradient_vectors,
    network_relative_error,
    numerical_gradient,
    relative_error,
)
from nbnp.initializers import INI_TYPES, initialize_parameters
from nbnp.layers import LinearLayer, SigmoidLayer
from nbnp.losses import compute_cost, squared_error_loss, squared_error_loss_derivative
from nbnp.training import History, accuracy, backward, build_network, forward, predict, train, train_step

#: The book's machinery — subpackage → the names it lends to ``nbnp``, imported on first use.
_LAZY_MODULES: dict[str, tuple[str, ...]] = {
    "nbnp.article": ("ARTICLE", "ArticleMismatch", "article_says", "compare", "show"),
    "nbnp.article.fmt": ("SIG", "fmt", "fmt_array", "fmt_fixed", "fmt_magnitude", "fmt_shape"),
    "nbnp.draw": (
        "Edge", "Node", "batch_neuron_graph", "batch_neuron_pass", "draw_batch_neuron_graph",
        "draw_graph", "draw_layer_graph", "draw_neuron_graph", "draw_neuron_walk", "format_value",
        "layer_graph", "layer_pass", "network_proba", "neuron_graph", "neuron_pass", "plot_data",
        "plot_decision_boundary", "plot_descent", "plot_hidden_units", "plot_learning_curve",
        "shared_parameter_graph",
    ),
    "nbnp.exercises": ("check_exercise",),
    "nbnp.experiments": ("Parabola", "descent_path"),
}
_LAZY = {name: module for module, names in _LAZY_MODULES.items() for name in names}
_SUBPACKAGES = ("article", "draw", "experiments")

__all__ = [
    "History", "INI_TYPES", "LayerStateError", "LinearLayer", "SigmoidLayer", "accuracy", "and_gate",
    "backward", "build_network", "check_cost_gradient", "check_layer_gradients",
    "check_network_gradients", "compute_cost", "feature_cross", "forward",
    "initialize_parameters", "layer_gradients", "layer_relative_error", "network_gradient_vectors",
    "network_relative_error", "numerical_gradient", "or_gate", "predict", "quadrant_xor",
    "relative_error", "sigmoid", "sigmoid_derivative", "squared_error_loss",
    "squared_error_loss_derivative", "train", "train_step", "xor_gate", *sorted(_LAZY),
]


def __getattr__(name: str) -> object:
    """Import the book's machinery on first use: ``nbnp.show``, ``nbnp.draw``, ..."""
    if name in _LAZY:
        value = getattr(importlib.import_module(_LAZY[name]), name)
    elif name in _SUBPACKAGES:
        value = importlib.import_module(f"nbnp.{name}")
    else:
        raise AttributeError(f"module 'nbnp' has no attribute {name!r}")
    globals()[name] = value  # the next access is a plain attribute
    return value


def __dir__() -> list[str]:
    return sorted(set(__all__) | set(_SUBPACKAGES))
