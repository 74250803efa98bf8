"""The interactive figures (``_static/interactive.js``) in headless Chromium, offline.

Each slider is moved through its stops and every number the figure shows is compared
with nbnp's own result for that setting, computed here. Served from 127.0.0.1 and
opened straight from disk (``file://``): no console error, nothing asked of another
host. Screenshots of each figure at 1280 and 390 px, light and dark, go to
``_build/screenshots/interactive-*.png``. Needs a built book (``make book``), like
``tests/test_browser.py``, whose fixtures and helpers these tests reuse.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import numpy as np
import pytest

import nbnp
from nbnp.experiments.interactive import ALPHAS, SIG, WEIGHT_START, WEIGHT_STOPS
from tests.test_browser import DISK, HTML, PAGES, SHOTS, Visit, browser, site, unavailable  # noqa: F401

DESCENT_PAGE = "book/part1/03_learning_rate.html"
NEURON_PAGE = "book/part1/01_single_neuron.html"
# The chapter's curve and starting point (book/part1/03_learning_rate.ipynb).
CURVE, THETA0, STEPS = nbnp.Parabola(curvature=0.1, minimum=0.0), -8.0, 10


def f(value: float) -> str:
    return nbnp.fmt(float(value), SIG)


@pytest.fixture(params=["http", "file"])
def opened(request: pytest.FixtureRequest, browser: Any) -> Iterator[Any]:  # noqa: F811
    """Open a page served on 127.0.0.1 or from disk; after the test, no error and nothing blocked."""
    if not PAGES:
        unavailable(f"no built book at {HTML}: run `make book` first")
    base = request.getfixturevalue("site") if request.param == "http" else DISK
    views: list[Visit] = []

    def open_page(page: str, **options: Any) -> Any:
        views.append(Visit(browser, base, **options))
        return views[-1].open(page)

    yield open_page
    problems = [f"asked another host for {url}" for v in views for url in v.blocked]
    problems += [error for v in views for error in v.errors]
    for v in views:
        v.close()
    assert not problems, f"{request.param}:\n  " + "\n  ".join(problems)


def field(figure: Any, name: str) -> str:
    return figure.locator(f'[data-field="{name}"]').first.inner_text().strip()


def test_learning_rate_slider_shows_nbnps_descent_for_every_stop(opened: Any) -> None:
    tab = opened(DESCENT_PAGE)
    figure = tab.locator("#descent-alpha[data-ready]")
    slider = figure.locator('input[data-slider="alpha"]')
    assert figure.count() == 1 and slider.get_attribute("max") == str(len(ALPHAS) - 1)
    assert {f(a) for a in (0.5, 5, 5e-10, 50)} <= {f(a) for a in ALPHAS}
    assert field(figure, "alpha") == "0.5"  # starts at the article's first value
    for i, alpha in enumerate(ALPHAS):
        slider.fill(str(i))
        path = nbnp.descent_path(CURVE.gradient, THETA0, alpha, STEPS)
        assert field(figure, "alpha") == f(alpha)
        shown = [(field(figure, f"theta-{t}"), field(figure, f"loss-{t}")) for t in range(STEPS + 1)]
        assert shown == [(f(theta), f(CURVE(theta))) for theta in path], alpha
    slider.focus()
    tab.keyboard.press("Home")
    tab.keyboard.press("ArrowRight")  # the keyboard moves it too: second stop
    assert field(figure, "alpha") == f(ALPHAS[1])


def neuron_numbers(w1: float, w2: float, b: float) -> dict[str, str]:
    """What nbnp's layers give for the OR data at this setting, formatted as the figure shows it."""
    X, Y = nbnp.or_gate()
    linear = nbnp.LinearLayer.from_params([[w1, w2]], b, m=X.shape[1])
    sigmoid = nbnp.SigmoidLayer((1, X.shape[1]))
    Y_hat = sigmoid.forward(linear.forward(X))
    cost, dY_hat = nbnp.compute_cost(Y, Y_hat)
    linear.backward(sigmoid.backward(dY_hat))
    numbers = {f"y_hat-{i}": f(v) for i, v in enumerate(np.ravel(Y_hat))}
    numbers.update({"cost": f(cost), "dW-0": f(linear.dW[0, 0]), "dW-1": f(linear.dW[0, 1]),
                    "db": f(linear.db[0, 0])})
    numbers.update({"w1": f(w1), "w2": f(w2), "b": f(b)})
    return numbers


def test_weight_and_bias_sliders_show_nbnps_neuron_for_each_setting(opened: Any) -> None:
    figure = opened(NEURON_PAGE).locator("#neuron-weights[data-ready]")
    sliders = {name: figure.locator(f'input[data-slider="{name}"]') for name in ("w1", "w2", "b")}
    assert figure.count() == 1
    # indices into WEIGHT_STOPS: the sliders start at chapter 1's w = (0.1, 0.6) and b = 0
    setting = {name: WEIGHT_STOPS.index(v) for name, v in zip(("w1", "w2", "b"), WEIGHT_START)}
    assert {name: field(figure, name) for name in setting} == {"w1": "0.1", "w2": "0.6", "b": "0"}
    for name, slider in sliders.items():
        for index in (0, 2, 5, 8, 6):
            setting[name] = index
            slider.fill(str(index))
            values = {key: WEIGHT_STOPS[i] for key, i in setting.items()}
            expected = neuron_numbers(**values)
            shown = {key: field(figure, key) for key in expected}
            assert shown == expected, values
    assert "ŷ" in figure.inner_text() and "∂C/∂w₁" in figure.inner_text()


@pytest.mark.parametrize("page,figure_id", [(DESCENT_PAGE, "descent-alpha"), (NEURON_PAGE, "neuron-weights")])
def test_static_figure_and_screenshots(page: str, figure_id: str, browser: Any, site: str) -> None:  # noqa: F811
    """The static PNGs stay on the page; screenshots of the figure at two widths and both themes."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    for scheme in ("light", "dark"):
        view = Visit(browser, site, color_scheme=scheme)
        try:
            tab = view.open(page)
            assert tab.locator(".bd-content img").count() >= 1  # the static figures for print/PDF/no JS
            for width in (1280, 390):
                tab.set_viewport_size({"width": width, "height": 900})
                figure = tab.locator(f"#{figure_id}[data-ready]")
                figure.scroll_into_view_if_needed()
                box = figure.bounding_box()
                assert box and box["x"] >= 0 and box["x"] + box["width"] <= width + 1, (width, box)
                figure.screenshot(path=str(SHOTS / f"interactive-{figure_id}-{width}-{scheme}.png"))
        finally:
            view.close()
        assert not view.errors and not view.blocked, (view.errors, view.blocked)
