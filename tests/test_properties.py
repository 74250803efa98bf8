"""Property-based tests of nbnp's public API (Hypothesis): no silent result, ever.

Every call gets drawn input: arrays of several dtypes and shapes (0-D to 3-D, empty
included) whose values include NaN, ±inf, huge, tiny and subnormal numbers, and
non-arrays (None, strings, lists). Each call must either

* return finite results of the documented shape (and range), leaving its inputs
  unmodified, or
* raise ``TypeError``/``ValueError`` whose message names the argument at fault.

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

#: Whole shapes of 0 to 3 dimensions, sides 0 to 4: empty, 1-D and 3-D arrays included.
SHAPES = hnp.array_shapes(min_dims=0, max_dims=3, min_side=0, max_side=4)

#: Values: anything a float64 holds (NaN, ±inf, ±1.8e308, subnormals), with a bias to the edges.
EDGES = st.sampled_from([0.0, -0.0, 1.0, 0.5, 1e-320, 5e-324, 1e-300, 1e300, 1.7e308, -1.7e308, 709.8, -745])
VALUES = st.one_of(st.floats(), EDGES, st.floats(-10, 10))


def arrays(shape=SHAPES):
    """Arrays of any of DTYPES (values cast from VALUES where the dtype holds them)."""

    @st.composite
    def draw(draw_):
        dtype = np.dtype(draw_(DTYPES))
        if dtype.kind == "f":
            elements = VALUES.map(lambda v: float(np.asarray(v).astype(dtype)) if math.isfinite(v) else v)
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", RuntimeWarning)  # float16 overflow while casting
                return draw_(hnp.arrays(dtype, shape, elements=elements))
        return draw_(hnp.arrays(dtype, shape))

    return draw()


def matrices(rows=None, cols=None):
    """2-D arrays, optionally of a given number of rows or columns."""
    shape = st.tuples(
        st.just(rows) if rows else st.integers(1, 4), st.just(cols) if cols else st.integers(1, 5)
    )
    return arrays(shape)


def labels(cols=None):
    """One row of class labels 0 and 1 (float or int), what ``Y`` must be."""
    width = st.just(cols) if cols else st.integers(1, 5)
    dtype = st.sampled_from([np.float64, np.int64])
    return st.tuples(dtype, width).flatmap(
        lambda d: hnp.arrays(d[0], (1, d[1]), elements=st.sampled_from([0, 1]))
    )


#: Anything a caller might pass where an array is expected.
ANYTHING = st.one_of(
    arrays(),
    VALUES,
    st.none(),
    st.text(max_size=3),
    st.booleans(),
    st.lists(VALUES, max_size=4),
    st.lists(st.lists(VALUES, min_size=2, max_size=2), max_size=3),
    st.integers(-(2**80), 2**80),
)

#: The same, but no integer large enough to be a size nobody can allocate (2**70 examples).
SIZED = st.one_of(ANYTHING.filter(lambda v: not isinstance(v, int) or abs(v) < 100), st.integers(-2, 6))


def _same(a, b):
    if isinstance(a, np.ndarray):
        nan = a.dtype.kind == "f"
        return isinstance(b, np.ndarray) and a.dtype == b.dtype and np.array_equal(a, b, equal_nan=nan)
    if isinstance(a, float) and math.isnan(a):
        return isinstance(b, float) and math.isnan(b)
    if isinstance(a, (list, tuple)):
        return type(a) is type(b) and len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b))
    return a == b


def outcome(call, names, *inputs):
    """``call()``'s result, or None if it raised TypeError/ValueError naming one of ``names``.

    Fails if any of ``inputs`` changed, or if the error names none of ``names``.
    """
    saved = [copy.deepcopy(x) for x in inputs]
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)  # NumPy's overflow warnings before our errors
            return call()
    except (TypeError, ValueError) as err:
        message = str(err)
        assert any(name in message for name in names), f"{message!r} names none of {names}"
        return None
    finally:
        for before, after in zip(saved, inputs):
            assert _same(before, after), "an input was modified"


def finite(A, shape=None):
    A = np.asarray(A)
    assert np.isfinite(A).all(), A
    if shape is not None:
        assert A.shape == shape, (A.shape, shape)
    return A


# --- activations and losses, elementwise --------------------------------------------


@given(ANYTHING)
def test_sigmoid_and_its_derivative(z):
    for f, top in ((nbnp.sigmoid, 1.0), (nbnp.sigmoid_derivative, 0.25)):
        result = outcome(lambda f=f: f(z), ["z "], z)
        if result is not None:
            A = finite(result, np.shape(np.asarray(z)))
            assert ((A >= 0) & (A <= top)).all()
            assert isinstance(result, float) == (np.ndim(np.asarray(z)) == 0)


@given(ANYTHING, ANYTHING)
def test_one_example_loss_and_derivative(y, y_hat):
    for f in (nbnp.squared_error_loss, nbnp.squared_error_loss_derivative):
        result = outcome(lambda f=f: f(y, y_hat), ["y ", "y_hat", "y and y_hat"], y, y_hat)
        if result is not None:
            finite(result, np.shape(np.asarray(y)))


@given(st.one_of(labels(), matrices(rows=1), ANYTHING), st.one_of(matrices(rows=1), ANYTHING))
def test_compute_cost(Y, Y_hat):
    result = outcome(lambda: nbnp.compute_cost(Y, Y_hat), ["Y ", "Y_hat", "Y and Y_hat"], Y, Y_hat)
    if result is not None:
        cost, dY_hat = result
        assert isinstance(cost, float) and math.isfinite(cost) and cost >= 0
        finite(dY_hat, np.shape(np.asarray(Y)))


# --- layers ----------------------------------------------------------------------------


@given(st.one_of(matrices(), ANYTHING), st.one_of(VALUES, matrices(cols=1), ANYTHING), st.data())
def test_linear_layer_forward_backward_update(W, b, data):
    layer = outcome(lambda: nbnp.LinearLayer.from_params(W, b), ["W ", "b "], W, b)
    if layer is None:
        return
    n_out, n_in = layer.params["W"].shape
    A_prev = data.draw(st.one_of(matrices(rows=n_in), ANYTHING), label="A_prev")
    Z = outcome(lambda: layer.forward(A_prev), ["A_prev", "Z = W·A_prev"], A_prev)
    if Z is None:
        return
    m = finite(Z, (n_out, np.shape(A_prev)[1])).shape[1]
    grad = data.draw(st.one_of(matrices(rows=n_out, cols=m), ANYTHING), label="upstream_grad")
    dA_prev = outcome(lambda: layer.backward(grad), ["upstream_grad", "dW =", "db =", "dA_prev ="], grad)
    if dA_prev is None:
        return
    finite(dA_prev, (n_in, m)), finite(layer.dW, (n_out, n_in)), finite(layer.db, (n_out, 1))
    before = {k: v.copy() for k, v in layer.params.items()}
    rate = data.draw(st.one_of(VALUES, ANYTHING), label="learning_rate")
    stepped = outcome(lambda: layer.update_params(rate) or True, ["learning_rate"])  # update returns None
    if stepped is None:
        assert all(np.array_equal(before[k], layer.params[k]) for k in before)  # left as it was
    else:
        finite(layer.params["W"], (n_out, n_in)), finite(layer.params["b"], (n_out, 1))
        after = {k: v.copy() for k, v in layer.params.items()}
        for again in (lambda: layer.update_params(0.1), lambda: layer.backward(grad)):  # stale gradients
            try:
                again()
            except nbnp.LayerStateError:
                pass
            else:
                raise AssertionError("the same gradients were accepted twice")
        assert all(np.array_equal(after[k], layer.params[k]) for k in after)


@given(st.integers(1, 4), st.data())
def test_sigmoid_layer_forward_backward(rows, data):
    layer = nbnp.SigmoidLayer((rows, 1))  # declared rows; any number of examples
    Z = data.draw(st.one_of(matrices(rows=rows), matrices(), ANYTHING), label="Z")
    A = outcome(lambda: layer.forward(Z), ["Z "], Z)
    if A is None:
        return
    shape = np.asarray(Z, dtype=float).shape
    assert ((finite(A, shape) >= 0) & (A <= 1)).all()
    grad = data.draw(st.one_of(matrices(rows=shape[0], cols=shape[1]), ANYTHING), label="upstream_grad")
    dZ = outcome(lambda: layer.backward(grad), ["upstream_grad"], grad)
    if dZ is not None:
        finite(dZ, shape)


@given(SIZED, SIZED)
def test_initialize_parameters(n_in, n_out):
    params = outcome(lambda: nbnp.initialize_parameters(n_in, n_out, random_state=np.random.RandomState(0)),
                     ["n_in", "n_out"])
    if params is not None:
        finite(params["W"], (n_out, n_in)), finite(params["b"], (n_out, 1))


# --- networks --------------------------------------------------------------------------


def _network(n_in=2, sizes=(3, 1), m=4):
    return nbnp.build_network((n_in, m), list(sizes), "xavier", np.random.RandomState(0))


@given(st.one_of(matrices(rows=2), ANYTHING), st.one_of(VALUES, ANYTHING))
def test_forward_and_predict(X, threshold):
    layers = _network()
    A = outcome(lambda: nbnp.forward(layers, X), ["X "], X)
    if A is not None:
        finite(A, (1, np.shape(X)[1]))
    P = outcome(lambda: nbnp.predict(layers, X, threshold), ["X ", "threshold"], X, threshold)
    if P is not None:
        assert set(np.unique(finite(P, (1, np.shape(X)[1])))) <= {0.0, 1.0}


@given(st.one_of(matrices(rows=1), ANYTHING), st.one_of(matrices(rows=1), ANYTHING))
def test_accuracy(predictions, Y):
    result = outcome(lambda: nbnp.accuracy(predictions, Y), ["predictions", "Y "], predictions, Y)
    if result is not None:
        assert isinstance(result, float) and 0 <= result <= 100


@given(st.one_of(st.tuples(st.integers(-1, 3), st.integers(-1, 5)), SIZED),
       st.one_of(st.lists(st.integers(-1, 3), max_size=3), SIZED))
def test_build_network(input_shape, layer_sizes):
    layers = outcome(lambda: nbnp.build_network(input_shape, layer_sizes), ["input_shape", "layer_sizes"])
    if layers is not None:
        assert len(layers) == 2 * len(layer_sizes)
        assert [layer.params["W"].shape[0] for layer in layers[::2]] == list(layer_sizes)


@given(
    st.one_of(matrices(rows=2, cols=4), ANYTHING),
    st.one_of(labels(cols=4), matrices(rows=1, cols=4), ANYTHING),
)
def test_train_a_few_epochs(X, Y):
    layers = _network()
    names = ["X ", "Y ", "diverged"]
    history = outcome(lambda: nbnp.train(layers, X, Y, epochs=3, record_every=1), names, X, Y)
    if history is not None:
        assert history.epochs == [0, 1, 2] and all(math.isfinite(c) for c in history.costs)
        assert math.isfinite(history.final_cost)


# --- gradient checks and printing ------------------------------------------------------


@given(st.one_of(arrays(), ANYTHING), st.one_of(arrays(), ANYTHING))
def test_relative_error(a, b):
    result = outcome(lambda: nbnp.relative_error(a, b), ["a ", "b ", "a and b"], a, b)
    if result is not None:
        assert isinstance(result, float) and 0 <= result <= 1


@given(st.one_of(matrices(rows=1, cols=3), ANYTHING), st.one_of(VALUES, ANYTHING))
def test_check_cost_gradient(Y_hat, eps):
    Y = np.array([[0.0, 1.0, 1.0]])
    result = outcome(lambda: nbnp.check_cost_gradient(Y, Y_hat, eps), ["Y_hat", "eps", "cost", "f "], Y_hat)
    if result is not None:
        assert isinstance(result, nbnp.GradientCheck)
        assert (0 <= result <= 1) if result.checkable else math.isnan(result)


@given(st.one_of(VALUES, ANYTHING), st.one_of(st.integers(-3, 20), ANYTHING))
def test_fmt_and_fmt_fixed(x, digits):
    for f, name in ((nbnp.fmt, "sig"), (nbnp.fmt_fixed, "decimals")):
        text = outcome(lambda f=f: f(x, digits), ["x ", name, "x is too large"], x)
        if text is not None:
            assert isinstance(text, str) and math.isfinite(float(text))


@given(st.one_of(arrays(), ANYTHING))
def test_fmt_array(A):
    text = outcome(lambda: nbnp.fmt_array(A, decimals=3), ["A "], A)
    if text is not None:
        assert text.count("[") == text.count("]") == np.asarray(A).ndim + sum(
            int(np.prod(np.shape(A)[:k])) - 1 for k in range(1, np.ndim(A))
        )


@given(st.one_of(st.lists(st.one_of(st.integers(-2, 5), VALUES), max_size=3), ANYTHING))
def test_fmt_shape(shape):
    text = outcome(lambda: nbnp.fmt_shape(shape), ["shape"], shape)
    if text is not None:
        assert text.startswith("(") and text.count("×") == max(len(shape) - 1, 0)


@given(st.one_of(VALUES, ANYTHING))
def test_fmt_magnitude(x):
    text = outcome(lambda: nbnp.fmt_magnitude(x), ["x "], x)
    if text is not None:
        assert text == "0" or text.startswith("1e")
