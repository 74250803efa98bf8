"""The book's figures: computational graphs and plots, drawn with matplotlib from nbnp's runs.

The only part of nbnp that imports matplotlib. Every text in a figure is
computed by a run and formatted by :mod:`nbnp.article.fmt`.

* :mod:`nbnp.draw.graph`: the graph engine, :class:`nbnp.Node`, :class:`nbnp.Edge`,
  :func:`nbnp.draw_graph`; :mod:`nbnp.draw.layout` (node sizes, candidate places) and
  :mod:`nbnp.draw.place` (placing texts with the renderer, measuring drawn figures);
* :mod:`nbnp.draw.labels`: the texts on nodes and edges (:func:`nbnp.format_value`, ...);
* :mod:`nbnp.draw.neuron`: the article's single neuron on one example, step by step;
* :mod:`nbnp.draw.batch_neuron`: the vectorized neuron on a batch, and a shared parameter;
* :mod:`nbnp.draw.network`: a network drawn layer by layer, with its matrices;
* :mod:`nbnp.draw.hidden`: a one-hidden-layer network neuron by neuron, for one example,
  and what each hidden neuron learned;
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
from nbnp.draw.graph import GRAD_COLOR, LOCAL_COLOR, NODE_KINDS, Edge, Node, draw_graph, text_overlaps
from nbnp.draw.hidden import (
    WALK_STEPS,
    WALK_TITLES,
    draw_neuron_walk,
    draw_neuron_walk_steps,
    neuron_walk_graph,
    plot_hidden_units,
)
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
    "LOCAL_COLOR",
    "WALK_STEPS",
    "WALK_TITLES",
    "draw_neuron_walk",
    "draw_neuron_walk_steps",
    "neuron_walk_graph",
    "plot_hidden_units",
    "text_overlaps",
    "use_book_style",
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


def use_book_style() -> None:
    """Figures shown in a notebook are stored at 2× pixel density, displayed at their size.

    Asks IPython's inline backend for "retina" PNGs: twice the pixels, with
    the 1× width and height in the output's metadata, which the book's pages
    use. Outside IPython it does nothing.
    """
    try:
        from IPython import get_ipython
        from matplotlib_inline.backend_inline import set_matplotlib_formats
    except ImportError:
        return
    if get_ipython() is not None:
        set_matplotlib_formats("retina")


use_book_style()
