"""nbnp: Nothing but NumPy, the package behind the executable book.

The article's API (``LinearLayer``, ``SigmoidLayer``, ``initialize_parameters``,
``compute_cost``) plus what the chapters need: datasets, a training loop,
gradient checking, plots, the article's values and the printing policy.
"""

from nbnp.activations import sigmoid, sigmoid_derivative
from nbnp.article import ARTICLE, ArticleMismatch, compare, show
from nbnp.batch import (
    growth_exponent,
    loop_gradients,
    per_example_gradients,
    time_gradients,
    vectorized_gradients,
)
from nbnp.datasets import and_gate, feature_cross, or_gate, quadrant_xor, xor_gate
from nbnp.descent import Parabola, descent_path, plot_descent
from nbnp.fmt import SIG, fmt, fmt_array, fmt_fixed, fmt_shape
from nbnp.gradcheck import (
    check_cost_gradient,
    check_layer_gradients,
    check_network_gradients,
    eps_sweep,
    fmt_magnitude,
    layer_relative_error,
    network_gradient_vectors,
    network_relative_error,
    numerical_gradient,
    relative_error,
)
from nbnp.graph import (
    Edge,
    Node,
    draw_graph,
    draw_neuron_graph,
    format_value,
    neuron_graph,
    neuron_pass,
)
from nbnp.graph_batch import (
    batch_neuron_graph,
    batch_neuron_pass,
    draw_batch_neuron_graph,
    draw_layer_graph,
    layer_graph,
    layer_pass,
    shared_parameter_graph,
)
from nbnp.initializers import INI_TYPES, initialize_parameters
from nbnp.layers import LayerStateError, LinearLayer, SigmoidLayer
from nbnp.losses import compute_cost, squared_error_loss, squared_error_loss_derivative
from nbnp.plots import (
    network_proba,
    plot_data,
    plot_decision_boundary,
    plot_learning_curve,
)
from nbnp.separability import best_linear_accuracy
from nbnp.train import History, accuracy, backward, build_network, forward, predict, train

__all__ = [
    "check_cost_gradient",
    "check_layer_gradients",
    "eps_sweep",
    "fmt_magnitude",
    "layer_relative_error",
    "network_gradient_vectors",
    "network_relative_error",
    "growth_exponent",
    "loop_gradients",
    "per_example_gradients",
    "time_gradients",
    "vectorized_gradients",
    "batch_neuron_graph",
    "batch_neuron_pass",
    "draw_batch_neuron_graph",
    "draw_layer_graph",
    "layer_graph",
    "layer_pass",
    "shared_parameter_graph",
    "best_linear_accuracy",
    "ARTICLE",
    "INI_TYPES",
    "SIG",
    "ArticleMismatch",
    "Edge",
    "History",
    "LayerStateError",
    "LinearLayer",
    "Node",
    "Parabola",
    "SigmoidLayer",
    "accuracy",
    "and_gate",
    "backward",
    "build_network",
    "check_network_gradients",
    "compare",
    "compute_cost",
    "descent_path",
    "draw_graph",
    "draw_neuron_graph",
    "feature_cross",
    "fmt",
    "fmt_array",
    "fmt_fixed",
    "fmt_shape",
    "format_value",
    "forward",
    "initialize_parameters",
    "network_proba",
    "neuron_graph",
    "neuron_pass",
    "numerical_gradient",
    "or_gate",
    "plot_data",
    "plot_decision_boundary",
    "plot_descent",
    "plot_learning_curve",
    "predict",
    "quadrant_xor",
    "relative_error",
    "show",
    "sigmoid",
    "sigmoid_derivative",
    "squared_error_loss",
    "squared_error_loss_derivative",
    "train",
    "xor_gate",
]
