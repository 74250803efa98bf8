"""Tests for nbnp.draw.plots: data scatter, learning curve, decision boundary."""

import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.axes import Axes
from matplotlib.colors import to_rgba
from matplotlib.contour import ContourSet

from nbnp import (
    History,
    LinearLayer,
    feature_cross,
    network_proba,
    plot_data,
    plot_decision_boundary,
    plot_learning_curve,
    sigmoid,
    xor_gate,
)
from nbnp.draw.plots import CLASS_COLORS


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def _vertical_boundary(P):
    """Output crossing 0.5 at x₁ = 0.5."""
    return sigmoid(10 * (P[0:1] - 0.5))


def _contours(ax, filled):
    return [c for c in ax.collections if isinstance(c, ContourSet) and c.filled == filled]


def test_plot_data_colours_and_markers():
    X, Y = xor_gate()
    ax = plot_data(X, Y, title="XOR")
    assert isinstance(ax, Axes) and ax.get_title() == "XOR"
    scatters = [c for c in ax.collections if c.get_offsets().shape[0]]
    assert len(scatters) == 2
    for label, scatter in enumerate(scatters):
        np.testing.assert_allclose(scatter.get_facecolor()[0], to_rgba(CLASS_COLORS[label]))
        np.testing.assert_array_equal(scatter.get_offsets(), X[:, Y[0] == label].T)
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["y = 0", "y = 1"]
    assert ax.get_xlabel() == "$x_1$" and ax.get_ylabel() == "$x_2$"


def test_plot_data_draws_on_the_given_axes():
    fig, ax = plt.subplots()
    X, Y = xor_gate()
    assert plot_data(X, Y, ax=ax) is ax
    assert len(fig.axes) == 1


def test_plot_learning_curve_draws_the_history():
    history = History(epochs=[0, 100, 200], costs=[0.3, 0.2, 0.15])
    ax = plot_learning_curve(history)
    assert isinstance(ax, Axes) and ax.get_title() == "Learning curve"
    (line,) = ax.get_lines()
    np.testing.assert_array_equal(line.get_xdata(), history.epochs)
    np.testing.assert_array_equal(line.get_ydata(), history.costs)
    assert ax.get_xlabel() == "epoch" and ax.get_ylabel() == "cost"


def test_plot_learning_curve_rejects_other_types():
    with pytest.raises(TypeError, match="history must be a nbnp.History, got list"):
        plot_learning_curve([0.3, 0.2])


def test_decision_boundary_line_is_where_the_output_crosses_one_half():
    X, Y = xor_gate()
    ax = plot_decision_boundary(_vertical_boundary, X, Y, resolution=101)
    assert isinstance(ax, Axes) and ax.get_title() == "Decision boundary"
    (lines,) = _contours(ax, filled=False)
    assert list(lines.levels) == [0.5]
    vertices = np.vstack(lines.allsegs[0])
    np.testing.assert_allclose(vertices[:, 0], 0.5, atol=1e-3)
    assert vertices[:, 1].min() == pytest.approx(-0.5) and vertices[:, 1].max() == pytest.approx(1.5)
    assert not _contours(ax, filled=True)


def test_shaded_decision_boundary_colours_the_two_regions():
    X, Y = xor_gate()
    ax = plot_decision_boundary(_vertical_boundary, X, Y, shaded=True, resolution=51, title="t")
    (regions,) = _contours(ax, filled=True)
    colours = regions.get_facecolor()
    np.testing.assert_allclose(colours[0][:3], to_rgba(CLASS_COLORS[0])[:3])
    np.testing.assert_allclose(colours[-1][:3], to_rgba(CLASS_COLORS[1])[:3])
    assert len(_contours(ax, filled=False)) == 1 and ax.get_title() == "t"


def test_margin_sets_the_extent():
    X, Y = xor_gate()
    ax = plot_decision_boundary(_vertical_boundary, X, Y, margin=1.0, resolution=21)
    (lines,) = _contours(ax, filled=False)
    vertices = np.vstack(lines.allsegs[0])
    assert vertices[:, 1].min() == pytest.approx(-1.0) and vertices[:, 1].max() == pytest.approx(2.0)


def test_network_proba_feeds_the_features_to_the_network():
    X, _ = xor_gate()
    layer = LinearLayer.from_params([[1.0, 1.0, -2.0]], 0.0, m=4)
    proba = network_proba([layer], feature_cross)
    np.testing.assert_array_equal(proba(X), X[0:1] + X[1:2] - 2 * X[0:1] * X[1:2])
    plain = network_proba([LinearLayer.from_params([[1.0, -1.0]], 0.0, m=4)])
    np.testing.assert_array_equal(plain(X), X[0:1] - X[1:2])


def test_plots_reject_labels_that_do_not_match_the_data():
    X, Y = xor_gate()
    with pytest.raises(
        ValueError,
        match=r"Y must have shape \(1, 4\), one label per column of X, but received shape \(1, 3\)",
    ):
        plot_data(X, Y[:, :3])
    with pytest.raises(ValueError, match=r"Y must have shape \(1, 4\), .* received shape \(4, 1\)"):
        plot_decision_boundary(_vertical_boundary, X, Y.T)
    with pytest.raises(
        ValueError,
        match=r"X must have at least 2 rows \(features x1, x2\) to plot, but received shape \(1, 4\)",
    ):
        plot_data(X[:1], Y)


# --- issue 14: labels that are not 0/1 are refused, not half drawn -----------------


@pytest.mark.parametrize(
    "Y, value", [([[-1, 1, 1, -1]], "-1.0"), ([[0.1, 0.9, 0.8, 0.2]], "0.1"), ([[0, 1, 2, 0]], "2.0")]
)
def test_plot_data_refuses_labels_that_are_not_0_or_1(Y, value):
    X = np.array([[0.0, 0, 1, 1], [0, 1, 0, 1]])
    with pytest.raises(ValueError, match=rf"^Y must hold class labels 0 or 1, but received {value} "):
        plot_data(X, Y)
    plt.close("all")


def test_decision_boundary_names_a_list_of_layers_passed_as_proba():
    X, Y = xor_gate()
    layers = [LinearLayer.from_params([[1.0, 1.0]], -1.5)]
    message = r"^proba must be a function .* received a list .*network_proba\(layers\)$"
    with pytest.raises(TypeError, match=message):
        plot_decision_boundary(layers, X, Y)
    with pytest.raises(TypeError, match=r"^proba must be callable \(a function\), but received"):
        plot_decision_boundary("net", X, Y)


def test_network_proba_checks_its_layers_and_features_at_once():
    with pytest.raises(TypeError, match=r"^layers must be a non-empty list of layers"):
        network_proba("net")
    with pytest.raises(TypeError, match=r"^features must be callable"):
        network_proba([LinearLayer.from_params([[1.0, 1.0]])], features="x1*x2")
