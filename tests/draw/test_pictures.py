"""nbnp.draw.pictures: the bias lines, the vertical distances and the cost along one weight."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from nbnp.draw.pictures import plot_bias_lines, plot_cost_over_weight, plot_vertical_distances  # noqa: E402


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def test_bias_lines_are_parallel_and_cross_the_y_axis_at_their_bias():
    ax = plot_bias_lines(0.5, [-1.0, 0.0, 1.5])
    lines = ax.get_lines()[:3]
    for line, b in zip(lines, [-1.0, 0.0, 1.5]):
        x, y = line.get_data()
        np.testing.assert_allclose(np.diff(y) / np.diff(x), 0.5)
        np.testing.assert_allclose(np.interp(0.0, x, y), b, atol=1e-12)
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["b = -1.0", "b = 0.0", "b = 1.5"]


@pytest.mark.parametrize(
    ("args", "error", "match"),
    [
        (("1", [0.0]), TypeError, "slope must be a real number"),
        ((np.inf, [0.0]), ValueError, "slope must be finite"),
        ((1.0, [0.0, np.nan]), ValueError, "biases"),
        ((1.0, ["a"]), TypeError, "biases"),
    ],
)
def test_bias_lines_reject_bad_input(args, error, match):
    with pytest.raises(error, match=match):
        plot_bias_lines(*args)


def test_vertical_distances_are_drawn_and_labelled_from_the_data():
    x, y, y_hat = np.array([0.0, 1.0, 2.0]), np.array([0.0, 1.0, 1.0]), np.array([0.25, 0.5, 0.9])
    ax = plot_vertical_distances(x, y, y_hat)
    segments = [line.get_data() for line in ax.get_lines()[1:]]
    assert len(segments) == 3
    for (sx, sy), xi, yi, pi in zip(segments, x, y, y_hat):
        assert list(sx) == [xi, xi] and list(sy) == [yi, pi]
    assert [t.get_text() for t in ax.texts] == ["0.25", "0.50", "0.10"]
    assert ax.get_xlabel() == "$x$"
    assert plot_vertical_distances(x, y, y_hat, xlabel="example").get_xlabel() == "example"


def test_vertical_distances_need_arrays_of_one_length():
    with pytest.raises(ValueError, match="same length, but received 2, 3, 3"):
        plot_vertical_distances([0, 1], [0, 1, 1], [0, 1, 1])
    with pytest.raises(ValueError, match="must be 1-D"):
        plot_vertical_distances(np.zeros((2, 2)), [0, 1], [0, 1])


def test_cost_over_weight_draws_the_given_costs_and_marks_the_start():
    w = np.linspace(-2, 2, 5)
    c = (w - 0.5) ** 2
    ax = plot_cost_over_weight(w, c, start=0.1)
    x, y = ax.get_lines()[0].get_data()
    np.testing.assert_array_equal(x, w)
    np.testing.assert_array_equal(y, c)
    (marked,) = ax.collections[0].get_offsets()
    np.testing.assert_allclose(marked, [0.1, np.interp(0.1, w, c)])


@pytest.mark.parametrize(
    ("w", "c", "match"),
    [
        ([0.0, 1.0], [1.0], "same length"),
        ([1.0, 0.0], [1.0, 2.0], "increasing"),
        ([0.0], [1.0], "increasing"),
    ],
)
def test_cost_over_weight_rejects_bad_input(w, c, match):
    with pytest.raises(ValueError, match=match):
        plot_cost_over_weight(w, c)


def test_vertical_distances_of_examples_are_markers_on_integer_ticks():
    """Fig. 4.1: examples are separate points (no line through an "example 2.5")."""
    x, y, y_hat = np.array([1, 2, 3, 4]), np.array([0, 1, 1, 1]), np.array([0.5, 0.646, 0.525, 0.668])
    ax = plot_vertical_distances(x, y, y_hat, xlabel="example", examples=True)
    assert len(ax.get_lines()) == 4  # the four distances only: no line joins the predictions
    assert list(ax.get_xticks()) == [1, 2, 3, 4]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["1", "2", "3", "4"]
    assert [tuple(p) for p in ax.collections[0].get_offsets()] == list(zip(x, y_hat))
