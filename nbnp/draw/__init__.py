"""The book's figures: computational graphs and plots, drawn with matplotlib from nbnp's runs.

The only part of nbnp that imports matplotlib. Every text in a figure is
computed by a run and formatted by :mod:`nbnp.fmt`.

* :mod:`nbnp.draw.graph`: the graph engine, :class:`nbnp.Node`, :class:`nbnp.Edge`,
  :func:`nbnp.draw_graph`;
* :mod:`nbnp.draw.labels`: the texts on nodes and edges (:func:`nbnp.format_value`, ...);
* :mod:`nbnp.draw.neuron`: the article's single neuron on one example, step by step;
* :mod:`nbnp.draw.batch_neuron`: the vectorized neuron on a batch, and a shared parameter;
* :mod:`nbnp.draw.network`: a network drawn layer by layer, with its matrices;
* :mod:`nbnp.draw.plots`: data, learning curves and decision boundaries;
* :mod:`nbnp.draw.descent`: a gradient-descent walk on its loss curve.
"""

from nbnp.draw.batch_neuron import (
    BATCH_STEPS,
    batch_neuron_graph,
    batch_neuron_pass,
    draw_batch_neuron_graph,
    shared_parameter_graph,
)
from nbnp.draw.descent import STEP_COLOR, plot_descent
from nbnp.draw.graph import GRAD_COLOR, NODE_KINDS, Edge, Node, draw_graph
from nbnp.draw.labels import format_value, matrix_text
from nbnp.draw.network import draw_layer_graph, layer_graph, layer_panel, layer_pass
from nbnp.draw.neuron import NEURON_STEPS, draw_neuron_graph, neuron_graph, neuron_pass
from nbnp.draw.plots import (
    CLASS_COLORS,
    network_proba,
    plot_data,
    plot_decision_boundary,
    plot_learning_curve,
)

__all__ = [
    "BATCH_STEPS",
    "CLASS_COLORS",
    "GRAD_COLOR",
    "NEURON_STEPS",
    "NODE_KINDS",
    "STEP_COLOR",
    "Edge",
    "Node",
    "batch_neuron_graph",
    "batch_neuron_pass",
    "draw_batch_neuron_graph",
    "draw_graph",
    "draw_layer_graph",
    "draw_neuron_graph",
    "format_value",
    "layer_graph",
    "layer_panel",
    "layer_pass",
    "matrix_text",
    "network_proba",
    "neuron_graph",
    "neuron_pass",
    "plot_data",
    "plot_decision_boundary",
    "plot_descent",
    "plot_learning_curve",
    "shared_parameter_graph",
]
