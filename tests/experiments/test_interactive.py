"""nbnp.experiments.interactive: the value tables behind the interactive figures.

The tables are stored in chapters 1 and 3 (nbval compares them on every run), and the browser
test checks that the figures show nbnp's numbers for every slider stop.
"""


import json
import re

import numpy as np
import pytest

import nbnp
from nbnp.experiments.interactive import (
    ALPHAS,
    SIG,
    WEIGHT_START,
    WEIGHT_STOPS,
    descent_table,
    figure_html,
    neuron_pass_batch,
    neuron_table,
)

CURVE = nbnp.Parabola(curvature=0.1, minimum=0.0)


def test_the_learning_rates_include_the_articles_four():
    assert {0.5, 5.0, 5e-10, 50.0} <= set(ALPHAS)
    assert list(ALPHAS) == sorted(ALPHAS)


def test_descent_table_holds_nbnps_path_for_each_alpha():
    table = descent_table(CURVE, -8.0, alphas=(0.5, 50.0), steps=3)
    assert [stop["alpha"] for stop in table["stops"]] == ["0.5", "50"]
    wild = nbnp.descent_path(CURVE.gradient, -8.0, 50.0, 3)
    assert table["stops"][1]["theta"] == [nbnp.fmt(t, SIG) for t in wild] == ["-8", "32", "-128", "512"]
    assert table["stops"][1]["loss"] == [nbnp.fmt(CURVE(t), SIG) for t in wild]
    assert table["curve"]["theta"][0] == "-10" and table["curve"]["theta"][-1] == "10"


@pytest.mark.parametrize(("b", "y_hat"), [(0.0, 0.5), (-np.log(3.0), 0.25)])
def test_neuron_pass_batch_against_the_formulas(b, y_hat):
    X, Y = nbnp.or_gate()
    run = neuron_pass_batch(X, Y, 0.0, 0.0, b)  # ŷ = σ(b) on every example
    np.testing.assert_allclose(run["y_hat"], [[y_hat] * 4], rtol=1e-15)
    assert run["cost"] == pytest.approx((y_hat**2 + 3 * (1 - y_hat) ** 2) / 8, rel=1e-15)
    # dZ = −(y − ŷ)/4 · ŷ(1 − ŷ); each weight sees two of the three y = 1 examples, b all four
    dZ0, dZ1 = y_hat / 4 * y_hat * (1 - y_hat), -(1 - y_hat) / 4 * y_hat * (1 - y_hat)
    np.testing.assert_allclose(run["dW"], [[2 * dZ1, 2 * dZ1]], rtol=1e-14)
    np.testing.assert_allclose(run["db"], [[dZ0 + 3 * dZ1]], rtol=1e-14)


def test_the_neuron_sliders_start_at_chapter_ones_weights():
    X, Y = nbnp.or_gate()
    assert WEIGHT_START == (0.1, 0.6, 0.0)
    start = [WEIGHT_STOPS.index(v) for v in WEIGHT_START]
    table = neuron_table(X, Y)
    assert table["start"] == start
    assert [table["stops"][i] for i in start] == ["0.1", "0.6", "0"]
    entry = table["grid"][",".join(map(str, start))]
    assert entry["cost"] == nbnp.fmt(neuron_pass_batch(X, Y, 0.1, 0.6, 0.0)["cost"], SIG)


def test_a_start_off_the_grid_is_refused():
    X, Y = nbnp.or_gate()
    with pytest.raises(ValueError, match="start must be three of the stops"):
        neuron_table(X, Y, stops=(-1.0, 2.0))
    with pytest.raises(ValueError, match="start must be three of the stops"):
        neuron_table(X, Y, stops=(-1.0, 2.0), start=(2.0, 2.0))


def test_figure_html_holds_the_table_as_json_the_same_bytes_in_any_key_order():
    table = {"note": "θ </b>", "kind": "descent", "a": [1, 2]}
    html = figure_html(table, "fig-1")
    assert html.startswith('<div class="nbnp-interactive" id="fig-1" data-kind="descent">')
    script = re.fullmatch(r'.*<script type="application/json">(.*)</script><noscript>.+', html).group(1)
    assert "</" not in script and json.loads(script) == table  # no closing tag ends the script early
    assert figure_html(dict(reversed(table.items())), "fig-1") == html


@pytest.mark.parametrize("name", ["", "-", "--"])
def test_figure_html_refuses_a_name_without_a_letter_or_digit(name):
    with pytest.raises(ValueError, match="^name must hold only letters, digits and '-'"):
        figure_html({"kind": "descent"}, name)
