"""The graphs' phone layouts (issue 21): the same run drawn top to bottom for a 390 px phone.

A reader on a phone sees a graph's phone layout in place of its desktop one (the book's cells
tagged ``nbnp-phone`` store both; ``_static/phone-figures.js`` shows one by the screen's width).
These tests check what that reader relies on: the phone layout shows numbers of the same run
as the desktop one, fits the phone's column with texts of 9 px or more, and is left out of
Jupyter and the PDF (a Markdown comment); and that every cell tagged ``nbnp-phone`` stores its
figures in (desktop, phone) pairs, which the page pairs by their order.
"""

import json
import re
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import pytest

import nbnp
from nbnp.draw.batch_neuron import batch_neuron_graph
from nbnp.draw.graph import PHONE_MARKDOWN, PHONE_WIDTH_PX, PhoneFigure
from nbnp.draw.hidden import WALK_STEPS, neuron_walk_graph
from nbnp.draw.network import layer_graph
from nbnp.draw.neuron import neuron_graph
from nbnp.draw.paths import sum_of_paths_graph
from nbnp.draw.place import misplaced_texts, renderer_of, shown_text_sizes, text_overlaps

ROOT = Path(__file__).resolve().parents[2]
NUMBER = re.compile(r"-?\d+\.\d+")


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def _or_run():
    """Chapter 5's first iteration of the OR neuron (W = [0.1, 0.6], b = 0)."""
    X, Y = nbnp.or_gate()
    W, b, m = np.array([[0.1, 0.6]]), 0.0, X.shape[1]
    Y_hat = 1 / (1 + np.exp(-(W @ X + b)))
    dZ = -(Y - Y_hat) / m * Y_hat * (1 - Y_hat)
    return X, W @ X + b, dZ, {"Y_hat": Y_hat, "dY_hat": -(Y - Y_hat) / m}


def _xor_network():
    """Chapter 7's 2-3-1 network before training (seed 48, Xavier-scaled weights)."""
    X, Y = nbnp.xor_gate()
    rng = np.random.RandomState(48)
    W1, W2 = rng.randn(3, 2) / np.sqrt(2), rng.randn(1, 3) / np.sqrt(3)
    layers = [nbnp.LinearLayer.from_params(W1, np.zeros((3, 1)), m=4), nbnp.SigmoidLayer((3, 4)),
              nbnp.LinearLayer.from_params(W2, np.zeros((1, 1)), m=4), nbnp.SigmoidLayer((1, 4))]
    return layers, X, Y


def _neuron_cases():
    """Chapter 1's neuron (w = [0.1, 0.6]) at its worked steps, and chapter 2's with its bias."""
    X, Y = nbnp.or_gate()
    first, second = (X[:, 0], [0.1, 0.6], Y[0, 0]), (X[:, 1], [0.1, 0.6], Y[0, 1])
    for step in ("forward", "dL_dy_hat", "dL_dz", "dL_dw"):
        yield f"neuron {step}", first, {"step": step}
    yield "neuron second example", second, {"decimals": 4}
    for step in ("forward", "backward"):
        yield f"neuron with b {step}", first, {"b": 0.0, "step": step}
    yield "neuron with b after a step", first, {"b": -0.125, "step": "forward", "decimals": 4}


def _graphs():
    """(name, desktop (nodes, edges), phone (nodes, edges)) for every graph the book draws twice."""
    for name, args, kwargs in _neuron_cases():
        yield name, neuron_graph(*args, **kwargs), neuron_graph(*args, **kwargs, layout="phone")
    yield "sum of paths", sum_of_paths_graph(2.0, 1.0), sum_of_paths_graph(2.0, 1.0, layout="phone")
    X, Y = nbnp.or_gate()  # chapter 4's batch neuron, W = [0.1, 0.6], b = 0
    for step in ("forward", "dZ", "backward"):
        args = (X, Y, [[0.1, 0.6]], 0.0, step)
        yield f"batch {step}", batch_neuron_graph(*args), batch_neuron_graph(*args, layout="phone")
    X, Z, dZ, run = _or_run()
    for param in ("b", "W"):
        yield (f"shared {param}", nbnp.shared_parameter_graph(X, Z, dZ, param=param, **run),
               nbnp.shared_parameter_graph(X, Z, dZ, param=param, layout="phone", **run))
    layers, X, Y = _xor_network()
    yield "layers", layer_graph(layers, X, Y), layer_graph(layers, X, Y, layout="phone")
    for step in WALK_STEPS:
        yield (f"walk {step}", neuron_walk_graph(layers, X, Y, 3, step),
               neuron_walk_graph(layers, X, Y, 3, step, layout="phone"))


GRAPHS = list(_graphs())


def _texts(graph):
    nodes, edges = graph
    return [t for n in nodes for t in (n.value, n.local)] + [e.grad for e in edges]


@pytest.mark.parametrize("name, desktop, phone", GRAPHS, ids=[g[0] for g in GRAPHS])
def test_the_phone_layout_shows_numbers_of_the_same_run(name, desktop, phone):
    """Every number on the phone is on the desktop figure too; every gradient is on both."""
    on_phone = NUMBER.findall(" ".join(_texts(phone)))
    on_desktop = NUMBER.findall(" ".join(_texts(desktop)))
    assert on_phone and set(on_phone) <= set(on_desktop)
    gradients = lambda graph: sorted(NUMBER.findall(" ".join(e.grad for e in graph[1])))  # noqa: E731
    assert gradients(phone) == gradients(desktop)


#: The densest graph of each builder: nbval's kernels measure every figure a chapter stores
#: (tools/figure_check.py), phone layouts included, so this checks each builder once, faster.
DENSEST = [g for g in GRAPHS if g[0] in {"neuron dL_dw", "neuron with b backward", "sum of paths",
                                          "batch backward", "shared W", "layers", "walk dW1"}]


@pytest.mark.parametrize("name, desktop, phone", DENSEST, ids=[g[0] for g in DENSEST])
def test_the_phone_layout_fits_a_phone_with_texts_of_9_px_that_stand_free(name, desktop, phone):
    fig = nbnp.draw_graph(*phone, phone=True).figure
    assert isinstance(fig, PhoneFigure)
    drawn = renderer_of(fig)  # the three measures share one drawing of the figure
    assert text_overlaps(fig, renderer=drawn) == [] and misplaced_texts(fig, renderer=drawn) == []
    smallest = min(px for _, px in shown_text_sizes(fig, PHONE_WIDTH_PX, renderer=drawn))
    assert smallest >= 9.0, f"{name}: a text shows at {smallest:.1f} px"


def test_a_phone_figure_is_shown_as_wide_as_the_phone_layout_width(tmp_path):
    """Cropped and stored as the inline backend does (tight, twice the pixels), it is PHONE_WIDTH_PX wide."""
    fig = nbnp.draw_graph(*sum_of_paths_graph(2.0, 1.0, layout="phone"), phone=True).figure
    fig.savefig(tmp_path / "phone.png", dpi=2 * fig.dpi, bbox_inches="tight")
    width = plt.imread(tmp_path / "phone.png").shape[1] // 2
    assert abs(width - PHONE_WIDTH_PX) <= 2


def test_jupyter_and_the_pdf_show_nothing_for_a_phone_layout():
    """Its Markdown, which Jupyter and the PDF (_config.yml) prefer to its PNG, is a comment: it
    shows nothing, yet is not empty. The stored cells carry it (below; nbval compares a re-run)."""
    assert re.fullmatch(r"<!--[^<>]*-->", PHONE_MARKDOWN)


@pytest.mark.parametrize("build", [
    lambda: sum_of_paths_graph(2.0, 1.0, layout="tablet"),
    lambda: neuron_graph([0.0, 0.0], [0.1, 0.6], 0.0, layout="tablet"),
    lambda: batch_neuron_graph(*nbnp.or_gate(), [[0.1, 0.6]], 0.0, layout="tablet"),
    lambda: nbnp.shared_parameter_graph(*_or_run()[:3], layout="tablet"),
    lambda: layer_graph(*_xor_network(), layout="tablet"),
    lambda: neuron_walk_graph(*_xor_network(), layout="tablet"),  # draw_neuron_walk draws its graph
])
def test_an_unknown_layout_is_refused(build):
    with pytest.raises(ValueError, match="layout must be one of"):
        build()


def _tagged_cells():
    for notebook in sorted((ROOT / "book").rglob("*.ipynb")):
        for cell in json.loads(notebook.read_text(encoding="utf-8"))["cells"]:
            if "nbnp-phone" in cell.get("metadata", {}).get("tags", []):
                yield f"{notebook.stem}:{cell.get('id')}", cell


TAGGED = list(_tagged_cells())


def test_the_book_draws_the_graphs_of_chapters_1_4_5_and_7_for_phones():
    chapters = {name.split(":")[0] for name, _ in TAGGED}
    assert {"01_single_neuron", "04_cost_vectorization", "04b_sum_of_paths", "06_hidden_layer"} <= chapters


@pytest.mark.parametrize("name, cell", TAGGED, ids=[t[0] for t in TAGGED])
def test_a_cell_drawn_for_phones_stores_desktop_then_phone_layouts(name, cell):
    figures = [o["data"] for o in cell["outputs"] if "image/png" in o.get("data", {})]
    assert figures and len(figures) == len(cell["outputs"]) and len(figures) % 2 == 0
    for desktop, phone in zip(figures[::2], figures[1::2]):
        assert "text/markdown" not in desktop and "".join(phone["text/markdown"]) == PHONE_MARKDOWN


def test_the_walk_on_a_phone_shows_the_weights():
    """A reader checks da = w·dz on each arrow: the weights' values are drawn. (That each local
    gradient stands by its own node is misplaced_texts', above and in nbval.)"""
    layers, X, Y = _xor_network()
    nodes, _ = neuron_walk_graph(layers, X, Y, 3, "dW1", layout="phone")
    params = [n for n in nodes if n.kind == "param"]
    assert params and all(n.value.startswith("w =") and "b =" in n.value for n in params)
