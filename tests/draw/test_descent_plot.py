"""Tests for nbnp.draw.descent: a descent path drawn on its curve."""

import math

import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.colors import to_rgba

from nbnp.draw.descent import STEP_COLOR, plot_descent
from nbnp.experiments.descent import Parabola, descent_path


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def test_plot_descent_draws_curve_points_and_one_arrow_per_step():
    curve = Parabola(0.1)
    path = descent_path(curve.gradient, -8.0, 5.0, 4)
    ax = plot_descent(curve, path, title="α = 5")
    arrows = [t for t in ax.texts if t.arrow_patch is not None]
    steps = ax.lines[1:]  # steps too short for an arrowhead: plain green lines
    assert len(arrows) + len(steps) == 4 and len(arrows) >= 1
    assert all(a.arrow_patch.get_edgecolor() == to_rgba(STEP_COLOR) for a in arrows)
    assert all(line.get_color() == STEP_COLOR for line in steps)
    green = ax.collections[0].get_offsets()
    np.testing.assert_allclose(green[:, 0], path)
    np.testing.assert_allclose(green[:, 1], curve(path))
    low, high = ax.lines[0].get_xdata()[[0, -1]]
    assert low < path.min() and high > path.max()
    assert ax.get_title() == "α = 5"


def test_plot_descent_uses_span_and_rejects_short_paths():
    fig, ax = plt.subplots()
    plot_descent(Parabola(), [1.0, 0.5], ax=ax, span=(-9, 9))
    assert math.isclose(ax.lines[0].get_xdata()[0], -9)
    with pytest.raises(ValueError, match="at least two"):
        plot_descent(Parabola(), [1.0])


def test_plot_descent_many_small_steps_get_no_arrowheads():
    """α = 0.5 on the book's parabola: ten short steps, a path of dots (no blob of heads)."""
    curve = Parabola(0.1)
    path = descent_path(curve.gradient, -8.0, 0.5, 10)
    fig, ax = plt.subplots(figsize=(4.5, 3.4))
    plot_descent(curve, path, ax=ax, span=(-9, 9))
    assert [t for t in ax.texts if t.arrow_patch is not None] == []
    assert len(ax.lines) == 1 + (len(path) - 1)  # the curve, then one line per step
