"""Property-based tests of the core (Hypothesis): a right answer or a named refusal, never a
silent wrong result.

Every call gets drawn input (arrays of several dtypes and shapes, values up to ±1.7e308,
and non-arrays) and runs under ``np.errstate(over="raise", invalid="raise")``, as
:func:`nbnp.train` does. Each call must either

* return finite results of the documented shape, equal to a plain NumPy reference written
  here, leaving its inputs unmodified, or
* raise ``TypeError``/``ValueError`` whose message names the argument at fault,
  ``LayerStateError``, or ``FloatingPointError`` (an overflow).

The layers are given finite values (NaN passes through their formulas as it does through
NumPy's); ``compute_cost``, ``train`` and the gradient checks also get NaN and infinity.
Profiles (``ci``, ``dev``) are registered in ``tests/conftest.py``.
"""

from __future__ import annotations

import copy
import math
import warnings

import hypothesis.extra.numpy as hnp
import numpy as np
from hypothesis import given
from hypothesis import strategies as st

import nbnp

DTYPES = st.sampled_from([np.float64, np.float32, np.float16, np.int64, np.int8, np.uint8, np.bool_])
EDGES = st.sampled_from([0.0, -0.0, 1.0, 0.5, 5e-324, 1e-300, 1e150, 1e300, 1.7e308, -1.7e308, 709.8, -745.0])
WILD = st.one_of(st.floats(allow_nan=False, allow_infinity=False), EDGES)
NON_FINITE = st.sampled_from([math.nan, math.inf, -math.inf])


def mostly(valid, other, one_in=4):
    """``valid``, but ``other`` once in ``one_in`` draws (``one_of`` would weigh its branches)."""
    return st.integers(1, one_in).flatmap(lambda k: other if k == one_in else valid)


#: Values of an entry: most are ordinary, some anything a float64 holds (huge, subnormal).
FINITE = mostly(st.floats(-10, 10), WILD)
ANY_FLOAT = mostly(FINITE, NON_FINITE, one_in=10)


def arrays(shape, values=FINITE):
    """Arrays of shape ``shape`` and a dtype of DTYPES (floats cast from ``values``)."""

    @st.composite
    def draw(draw_):
        dtype = np.dtype(draw_(DTYPES))
        if dtype.kind != "f":
            return draw_(hnp.arrays(dtype, shape))
        elements = draw_(mostly(st.just(st.floats(-10, 10)), st.just(values)))  # most arrays are tame
        top = float(np.finfo(dtype).max)  # clipped: a float16 cast must not make an infinity
        elements = elements.map(lambda v: float(dtype.type(np.clip(v, -top, top))))
        return draw_(hnp.arrays(dtype, shape, elements=elements))

    return draw()


def matrices(rows=None, cols=None, values=FINITE):
    shape = st.tuples(st.just(rows) if rows else st.integers(1, 4),
                      st.just(cols) if cols else st.integers(1, 5))
    return shape.flatmap(lambda s: arrays(s, values))


def labels(cols=None):
    width = st.just(cols) if cols else st.integers(1, 5)
    return width.flatmap(lambda m: hnp.arrays(np.float64, (1, m), elements=st.sampled_from([0.0, 1.0])))


#: What a caller might pass by mistake where an array is expected.
WRONG = st.one_of(
    hnp.arrays(np.float64, hnp.array_shapes(min_dims=0, max_dims=3, min_side=1, max_side=3)),
    WILD, st.none(), st.text(max_size=3), st.booleans(), st.lists(FINITE, min_size=1, max_size=3),
    st.lists(st.lists(FINITE, min_size=1, max_size=3), min_size=1, max_size=3),
)
RATES = mostly(st.floats(1e-3, 10), st.one_of(WILD, NON_FINITE, WRONG))


def outcome(call, names, *inputs):
    """``call()``'s result, or None if it refused as the module docstring allows."""
    saved = [copy.deepcopy(x) for x in inputs]
    try:
        with np.errstate(over="raise", invalid="raise"), warnings.catch_warnings():
            warnings.simplefilter("error")  # a warning would be a silent result
            return call()
    except (FloatingPointError, nbnp.LayerStateError):
        return None
    except (TypeError, ValueError) as err:
        assert any(name in str(err) for name in names), f"{err!r} names none of {names}"
        return None
    finally:
        for before, after in zip(saved, inputs):
            assert type(before) is type(after)
            if isinstance(before, np.ndarray):
                np.testing.assert_array_equal(before, after, err_msg="an input was modified")


def as_float(A):
    return np.asarray(A, dtype=float)


def assert_matches(ours, reference, scale, shape):
    """``ours`` is finite, of ``shape``, and within round-off of ``reference`` (``scale``: Σ|terms|)."""
    ours = np.asarray(ours)
    assert ours.shape == shape and np.isfinite(ours).all(), (ours, shape)
    with np.errstate(all="ignore"):
        assert (np.abs(ours - reference) <= 1e-12 * scale + 1e-300).all(), (ours, reference)


# --- activations and the cost ----------------------------------------------------------------


@given(st.one_of(hnp.array_shapes(min_dims=0, max_dims=3, min_side=0).flatmap(lambda s: arrays(s, ANY_FLOAT)),
                 ANY_FLOAT))
def test_sigmoid_is_the_formula_for_any_real_array(z):
    A = outcome(lambda: nbnp.sigmoid(z), ["z"], z)
    with np.errstate(all="ignore"):
        reference = 1 / (1 + np.exp(-as_float(z)))
    np.testing.assert_array_equal(A, reference)


def _cost_inputs(m):
    return st.tuples(mostly(labels(m), matrices(1, m, ANY_FLOAT)), mostly(matrices(1, m, ANY_FLOAT), WRONG))


@given(mostly(st.integers(1, 5).flatmap(_cost_inputs), st.tuples(mostly(labels(), WRONG), WRONG)))
def test_compute_cost_is_the_mean_half_squared_error_or_names_the_fault(pair):
    Y, Y_hat = pair
    result = outcome(lambda: nbnp.compute_cost(Y, Y_hat), ["Y ", "Y_hat", "Y and Y_hat"], Y, Y_hat)
    if result is not None:
        cost, dY_hat = result
        error = as_float(Y) - as_float(Y_hat)
        m = error.shape[1]
        assert type(cost) is float and cost >= 0
        assert_matches(cost, np.sum(error**2) / (2 * m), np.sum(error**2), ())
        assert_matches(dY_hat, -error / m, np.abs(error) / m, error.shape)


# --- layers ----------------------------------------------------------------------------------


def _linear_params(W):
    return st.tuples(st.just(W), mostly(st.one_of(FINITE, matrices(W.shape[0], 1)), WRONG))


@given(mostly(matrices().flatmap(_linear_params), st.tuples(WRONG, WRONG)), st.data())
def test_a_linear_layer_computes_the_formulas_or_names_the_fault(params, data):
    W, b = params
    layer = outcome(lambda: nbnp.LinearLayer.from_params(W, b), ["W ", "b "], W, b)
    if layer is None:
        return
    W_, b_ = layer.params["W"].copy(), layer.params["b"].copy()
    n_out, n_in = W_.shape
    A = data.draw(mostly(matrices(rows=n_in), WRONG), label="A_prev")
    Z = outcome(lambda: layer.forward(A), ["A_prev"], A)
    if Z is None:
        return
    A = as_float(A)
    m = A.shape[1]
    assert_matches(Z, W_ @ A + b_, np.abs(W_) @ np.abs(A) + np.abs(b_), (n_out, m))
    G = data.draw(mostly(matrices(rows=n_out, cols=m), WRONG), label="upstream_grad")
    dA = outcome(lambda: layer.backward(G), ["upstream_grad"], G)
    if dA is None:
        return
    G = as_float(G)
    assert_matches(dA, W_.T @ G, np.abs(W_).T @ np.abs(G), (n_in, m))
    assert_matches(layer.dW, G @ A.T, np.abs(G) @ np.abs(A).T, (n_out, n_in))
    assert_matches(layer.db, G.sum(axis=1, keepdims=True), np.abs(G).sum(axis=1, keepdims=True), (n_out, 1))
    dW, db = layer.dW.copy(), layer.db.copy()
    rate = data.draw(RATES, label="learning_rate")
    if outcome(lambda: layer.update_params(rate) or True, ["learning_rate"]) is None:
        return
    assert_matches(layer.params["W"], W_ - rate * dW, np.abs(W_) + np.abs(rate * dW), (n_out, n_in))
    assert_matches(layer.params["b"], b_ - rate * db, np.abs(b_) + np.abs(rate * db), (n_out, 1))
    for again in (lambda: layer.update_params(0.1), lambda: layer.backward(G)):
        try:
            again()
        except nbnp.LayerStateError:
            continue
        raise AssertionError("a used-up pass was accepted again")


@given(st.integers(1, 4), st.data())
def test_a_sigmoid_layer_computes_the_formulas_or_names_the_fault(rows, data):
    layer = nbnp.SigmoidLayer((rows, 1))
    Z = data.draw(mostly(matrices(rows=rows), st.one_of(matrices(), WRONG)), label="Z")
    A = outcome(lambda: layer.forward(Z), ["Z "], Z)
    if A is None:
        return
    Z = as_float(Z)
    with np.errstate(all="ignore"):
        reference = 1 / (1 + np.exp(-Z))
    np.testing.assert_array_equal(A, reference)
    G = data.draw(mostly(matrices(rows=Z.shape[0], cols=Z.shape[1]), WRONG), label="upstream_grad")
    dZ = outcome(lambda: layer.backward(G), ["upstream_grad"], G)
    if dZ is not None:
        assert_matches(dZ, as_float(G) * A * (1 - A), np.abs(as_float(G)), Z.shape)


# --- networks --------------------------------------------------------------------------------


def network():
    return nbnp.build_network((2, 4), [3, 1], "xavier", np.random.RandomState(0))


@given(mostly(matrices(rows=2, values=ANY_FLOAT), WRONG), mostly(st.floats(0, 1), st.one_of(WILD, WRONG)))
def test_predict_is_the_output_thresholded_or_names_the_fault(X, threshold):
    layers = network()
    P = outcome(lambda: nbnp.predict(layers, X, threshold), ["X ", "A_prev", "threshold"], X, threshold)
    if P is not None:
        with np.errstate(all="ignore"):
            reference = (nbnp.forward(layers, X) > threshold).astype(float)
        np.testing.assert_array_equal(P, reference)


@given(mostly(st.integers(1, 5).flatmap(lambda m: st.tuples(mostly(labels(m), matrices(1, m)), labels(m))),
              st.tuples(mostly(labels(), WRONG), mostly(labels(), WRONG))))
def test_accuracy_is_the_percentage_of_matches_or_names_the_fault(pair):
    predictions, Y = pair
    result = outcome(lambda: nbnp.accuracy(predictions, Y), ["predictions", "Y "], predictions, Y)
    if result is not None:
        assert result == np.mean(as_float(predictions) == as_float(Y)) * 100


@given(mostly(matrices(rows=2, cols=4, values=ANY_FLOAT), WRONG), mostly(labels(cols=4), WRONG), RATES)
def test_training_a_few_epochs_records_finite_costs_or_names_the_fault(X, Y, rate):
    names = ["X ", "Y ", "Y_hat", "A_prev", "learning_rate"]
    history = outcome(lambda: nbnp.train(network(), X, Y, rate, epochs=3, record_every=1), names, X, Y)
    if history is not None:
        assert history.epochs == [0, 1, 2]
        assert all(math.isfinite(c) and c >= 0 for c in [*history.costs, history.final_cost])


@given(mostly(st.tuples(st.integers(1, 3), st.integers(1, 5)),
              st.one_of(st.tuples(st.integers(-1, 3), st.integers(-1, 5)), WRONG)),
       mostly(st.lists(st.integers(1, 3), min_size=1, max_size=3),
              st.one_of(st.lists(st.integers(-1, 3), max_size=3), WRONG)))
def test_build_network_gives_the_sizes_asked_or_names_the_fault(input_shape, layer_sizes):
    names = ["input_shape", "layer_sizes", "n_out"]
    layers = outcome(lambda: nbnp.build_network(input_shape, layer_sizes), names)
    if layers is not None:
        assert [layer.params["W"].shape for layer in layers[::2]] == list(
            zip(layer_sizes, [input_shape[0], *layer_sizes[:-1]])
        )


# --- gradient checks -------------------------------------------------------------------------


@given(st.integers(1, 3).flatmap(lambda n: st.tuples(*[matrices(rows=n, cols=2)] * 2)))
def test_relative_error_is_the_formula_and_lies_in_0_1(pair):
    a, b = pair
    result = outcome(lambda: nbnp.relative_error(a, b), ["a and b"], a, b)
    if result is not None:
        a, b = as_float(a), as_float(b)
        scale = np.linalg.norm(a) + np.linalg.norm(b)
        assert 0 <= result <= 1
        assert result == (0.0 if scale == 0 else np.linalg.norm(a - b) / scale)


@given(mostly(matrices(rows=1, cols=3, values=ANY_FLOAT), WRONG), mostly(st.floats(1e-8, 1e-2), WRONG))
def test_the_cost_gradient_check_passes_or_names_the_fault(Y_hat, eps):
    Y = np.array([[0.0, 1.0, 1.0]])
    names = ["Y_hat", "eps", "too small to check"]
    error = outcome(lambda: nbnp.check_cost_gradient(Y, Y_hat, eps), names, Y_hat)
    if error is not None:
        assert 0 <= error <= 1
        if 1e-6 < eps < 1e-3 and np.abs(as_float(Y_hat)).max() < 10:
            assert error < 1e-6  # the cost is quadratic: central differences err by round-off only
