"""nbnp.experiments.interactive: the value tables behind the interactive figures."""


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
    show_interactive,
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


def test_neuron_pass_batch_at_zero_weights_is_one_half_everywhere():
    X, Y = nbnp.or_gate()
    run = neuron_pass_batch(X, Y, 0.0, 0.0, 0.0)
    np.testing.assert_array_equal(run["y_hat"], [[0.5, 0.5, 0.5, 0.5]])
    assert run["cost"] == pytest.approx((0.25 + 3 * 0.25) / 8)
    # dC/dw_j = mean over examples of -(y - ŷ) ŷ (1 - ŷ) x_j = -(0.5 * 0.25 * 2) / 4
    np.testing.assert_allclose(run["dW"], [[-0.0625, -0.0625]])
    np.testing.assert_allclose(run["db"], [[-(3 * 0.125 - 0.125) / 4]])


def test_neuron_table_covers_the_grid_with_nbnps_numbers():
    X, Y = nbnp.or_gate()
    table = neuron_table(X, Y, stops=(-1.0, 2.0), start=(2.0, -1.0, 2.0))
    assert table["start"] == [1, 0, 1]
    assert sorted(table["grid"]) == [f"{i},{j},{k}" for i in (0, 1) for j in (0, 1) for k in (0, 1)]
    run = neuron_pass_batch(X, Y, 2.0, -1.0, 2.0)
    entry = table["grid"]["1,0,1"]
    assert entry["cost"] == nbnp.fmt(run["cost"], SIG)
    assert entry["y_hat"] == [nbnp.fmt(v, SIG) for v in run["y_hat"].ravel()]
    assert entry["dW"] == [nbnp.fmt(v, SIG) for v in run["dW"].ravel()]
    assert table["X"] == ["0", "0", "0", "1", "1", "0", "1", "1"] and table["Y"] == ["0", "1", "1", "1"]
    assert table["stops"] == ["-1", "2"] and WEIGHT_STOPS.count(0.0) == 1


def test_neuron_pass_batch_adds_the_bias():
    X, Y = nbnp.or_gate()
    run = neuron_pass_batch(X, Y, 0.0, 0.0, -np.log(3.0))  # ŷ = σ(−ln 3) = 1/4 everywhere
    np.testing.assert_allclose(run["y_hat"], [[0.25, 0.25, 0.25, 0.25]], rtol=1e-15)
    assert run["cost"] == pytest.approx((0.25**2 + 3 * 0.75**2) / 8, rel=1e-15)
    # dZ = −(y − ŷ)/4 · ŷ(1 − ŷ) = 3/256 for y = 0 and −9/256 for y = 1
    np.testing.assert_allclose(run["dW"], [[-18 / 256, -18 / 256]], rtol=1e-14)
    np.testing.assert_allclose(run["db"], [[-24 / 256]], rtol=1e-14)


def test_neuron_table_is_tagged_neuron_and_holds_the_bias_gradient():
    X, Y = nbnp.or_gate()
    table = neuron_table(X, Y, stops=(-1.0, 2.0), start=(-1.0, -1.0, -1.0))
    assert table["kind"] == "neuron"
    run = neuron_pass_batch(X, Y, -1.0, 2.0, 2.0)
    assert table["grid"]["0,1,1"]["db"] == [nbnp.fmt(run["db"][0, 0], SIG)]


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


def test_figure_html_writes_compact_sorted_utf8_json_with_closing_tags_escaped():
    table = {"note": "θ </b>", "kind": "descent", "a": [1, 2]}
    assert figure_html(table, "fig-1") == (
        '<div class="nbnp-interactive" id="fig-1" data-kind="descent">'
        '<script type="application/json">{"a":[1,2],"kind":"descent","note":"θ <\\/b>"}</script>'
        "<noscript>Interactive figure: in the HTML version of the book.</noscript></div>"
    )


@pytest.mark.parametrize("name", ["", "-", "--"])
def test_figure_html_refuses_a_name_without_a_letter_or_digit(name):
    with pytest.raises(ValueError, match="^name must hold only letters, digits and '-'"):
        figure_html({"kind": "descent"}, name)


def test_show_interactive_displays_the_html_raw_with_a_plain_text_fallback(monkeypatch):
    import IPython.display

    calls = []
    monkeypatch.setattr(IPython.display, "display", lambda *args, **kwargs: calls.append((args, kwargs)))
    table = descent_table(CURVE, -8.0, alphas=(0.5,), steps=2)
    show_interactive(table, "descent-alpha")
    bundle = {
        "text/html": figure_html(table, "descent-alpha"),
        "text/plain": "Interactive figure: in the HTML version of the book.",
    }
    assert calls == [((bundle,), {"raw": True})]
