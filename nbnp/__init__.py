"""nbnp: Nothing but NumPy, the package behind the executable book.

The core is the network, written with NumPy only: the article's API
(``LinearLayer``, ``SigmoidLayer``, ``initialize_parameters``,
``compute_cost``), activations, losses, the training loop, gradient checking,
the toy datasets, and the printing policy (``nbnp.fmt``). Importing ``nbnp``
imports the core and nothing else.

The book's machinery lives in three subpackages, loaded the first time one of
their names is used (``nbnp.show``, ``nbnp.plot_data``, ...):

* :mod:`nbnp.article`: the article's values, our reproduction of each, the
  comparison and the numbers ledger;
* :mod:`nbnp.draw`: computational-graph drawings and plots (the only part of
  nbnp that imports matplotlib);
* :mod:`nbnp.experiments`: the measurements of Part I (the per-example loop
  against the vectorized gradients, descent on a parabola, separability).
"""

from __future__ import annotations

import importlib

from nbnp.activations import sigmoid, sigmoid_derivative
from nbnp.datasets import and_gate, feature_cross, or_gate, quadrant_xor, xor_gate
from nbnp.fmt import SIG, fmt, fmt_array, fmt_fixed, fmt_shape
from nbnp.gradcheck import (
    TOO_SMALL,
    GradientCheck,
    check_cost_gradient,
    fmt_magnitude,
    numerical_gradient,
    relative_error,
)
from nbnp.history import History
from nbnp.initializers import INI_TYPES, initialize_parameters
from nbnp.layer_checks import LayerStateError
from nbnp.layer_gradcheck import check_layer_gradients, layer_relative_error
from nbnp.layers import LinearLayer, SigmoidLayer
from nbnp.losses import compute_cost, squared_error_loss, squared_error_loss_derivative
from nbnp.network_gradcheck import (
    check_network_gradients,
    eps_sweep,
    network_gradient_vectors,
    network_relative_error,
)
from nbnp.predict import accuracy, predict
from nbnp.train import backward, build_network, forward, train

#: The book's machinery: subpackage → the names it lends to ``nbnp``, imported on first use.
_LAZY_MODULES: dict[str, tuple[str, ...]] = {
    "nbnp.article": ("ARTICLE", "ArticleMismatch", "article_says", "compare", "show"),
    "nbnp.draw": (
        "Edge",
        "Node",
        "batch_neuron_graph",
        "batch_neuron_pass",
        "draw_batch_neuron_graph",
        "draw_graph",
        "draw_layer_graph",
        "draw_neuron_graph",
        "draw_neuron_walk",
        "format_value",
        "layer_graph",
        "layer_pass",
        "network_proba",
        "neuron_graph",
        "neuron_pass",
        "plot_data",
        "plot_decision_boundary",
        "plot_descent",
        "plot_hidden_units",
        "plot_learning_curve",
        "shared_parameter_graph",
    ),
    "nbnp.experiments": (
        "Parabola",
        "best_linear_accuracy",
        "descent_path",
        "growth_exponent",
        "loop_gradients",
        "per_example_gradients",
        "time_gradients",
        "vectorized_gradients",
    ),
}
_LAZY = {name: module for module, names in _LAZY_MODULES.items() for name in names}
_SUBPACKAGES = ("article", "draw", "experiments")

__all__ = [
    "ARTICLE",
    "ArticleMismatch",
    "Edge",
    "GradientCheck",
    "History",
    "INI_TYPES",
    "LayerStateError",
    "LinearLayer",
    "Node",
    "Parabola",
    "SIG",
    "SigmoidLayer",
    "TOO_SMALL",
    "accuracy",
    "and_gate",
    "article_says",
    "backward",
    "batch_neuron_graph",
    "batch_neuron_pass",
    "best_linear_accuracy",
    "build_network",
    "check_cost_gradient",
    "check_layer_gradients",
    "check_network_gradients",
    "compare",
    "compute_cost",
    "descent_path",
    "draw_batch_neuron_graph",
    "draw_graph",
    "draw_layer_graph",
    "draw_neuron_graph",
    "draw_neuron_walk",
    "eps_sweep",
    "feature_cross",
    "fmt",
    "fmt_array",
    "fmt_fixed",
    "fmt_magnitude",
    "fmt_shape",
    "format_value",
    "forward",
    "growth_exponent",
    "initialize_parameters",
    "layer_graph",
    "layer_pass",
    "layer_relative_error",
    "loop_gradients",
    "network_gradient_vectors",
    "network_proba",
    "network_relative_error",
    "neuron_graph",
    "neuron_pass",
    "numerical_gradient",
    "or_gate",
    "per_example_gradients",
    "plot_data",
    "plot_decision_boundary",
    "plot_descent",
    "plot_hidden_units",
    "plot_learning_curve",
    "predict",
    "quadrant_xor",
    "relative_error",
    "shared_parameter_graph",
    "show",
    "sigmoid",
    "sigmoid_derivative",
    "squared_error_loss",
    "squared_error_loss_derivative",
    "time_gradients",
    "train",
    "vectorized_gradients",
    "xor_gate",
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
    return sorted(set(globals()) | set(__all__) | set(_SUBPACKAGES))
