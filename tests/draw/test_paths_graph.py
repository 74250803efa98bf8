"""Tests of nbnp.draw.paths: the graph of chapter 4's three equations shows the pass's numbers."""

import matplotlib.pyplot as plt
import pytest

from nbnp import fmt_fixed
from nbnp.draw.graph import draw_graph
from nbnp.draw.paths import sum_of_paths_graph
from nbnp.draw.place import misplaced_texts, text_overlaps
from nbnp.experiments import sum_of_paths_pass


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def test_the_graph_draws_the_run_and_b_shows_the_sum():
    nodes, edges = sum_of_paths_graph(2.0, 1.0, decimals=2)
    r = sum_of_paths_pass(2.0, 1.0)
    by = {n.name: n for n in nodes}
    grads = {(e.src, e.dst): e.grad for e in edges}
    f = lambda v: fmt_fixed(v, 2)  # noqa: E731
    assert by["e"].value == f"e = c · d = {f(r['e'])}"
    assert by["b"].local == f"sum: ∂e/∂b = {f(r['via_c'])} + {f(r['via_d'])} = {f(r['de_db'])}"
    assert grads[("b", "c")] == f"via c: {f(r['via_c'])}" and grads[("b", "d")] == f"via d: {f(r['via_d'])}"
    assert {(e.src, e.dst) for e in edges if e.highlight} == {("b", "c"), ("b", "d")}


def test_the_figure_has_no_overlap_and_every_text_by_its_own():
    fig = draw_graph(*sum_of_paths_graph(2.0, 1.0)).figure
    assert text_overlaps(fig) == [] and misplaced_texts(fig) == []


@pytest.mark.parametrize(
    "kwargs, match", [({"a": [1.0, 2.0]}, "a must be a single number"), ({"decimals": -1}, "decimals")]
)
def test_bad_input_is_refused(kwargs, match):
    args = {"a": 2.0, "b": 1.0} | kwargs
    with pytest.raises(ValueError, match=match):
        sum_of_paths_graph(**args)
