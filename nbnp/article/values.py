"""Every number the article states, each declared above the function that recomputes ours.

The chapters, the numbers ledger and the tests all read these declarations
(as :data:`nbnp.ARTICLE`); no article value is typed anywhere else. Each keeps
the article's text exactly as printed (``"0.109"``), where the article states
it, the chapter that reproduces it and how ours is compared (see
:mod:`nbnp.article.compare`). Each function recomputes ours from scratch with
nbnp's layers, cost, training loop and gradient checker, from the inputs the
article sets (:mod:`nbnp.article.runs`). The order of the declarations is
the order of the ledger's rows.
"""

from __future__ import annotations

import inspect
from typing import Callable

import numpy as np

from nbnp.activations import sigmoid
from nbnp.article.registry import article_value
from nbnp.article.runs import (
    ALPHA,
    EPOCHS,
    SEED,
    W_START,
    companion_run,
    or_batch,
    or_network,
    single_example,
    xor_run,
)
from nbnp.datasets import or_gate, xor_gate
from nbnp.gradcheck import numerical_gradient
from nbnp.layers import LinearLayer
from nbnp.losses import squared_error_loss
from nbnp.training import build_network, train

__all__: list[str] = []  # the values are read through the registry, nbnp.ARTICLE

# Where the article states them.
SINGLE = "Part I, the single-neuron walk-through (OR data, x = (0, 0), y = 0)"
BIAS = "Part I, Bias: backward pass and one gradient-descent step"
BATCH = "Part I, Cost Function: vectorized batch gradient descent on the OR data"
DIMS = "Part I, the derivation of dW by dimension analysis"
CODE = "Part II, after Fig. 92 (training loop output)"
SIGMOID = "Part I, the sigmoid node"
COUNTING = "Part I, how to count the layers of a network"

#: The companion repository's notebooks (github.com/RafayAK/NothingButNumPy), whose printed
#: outputs are set beside ours like the article's values (not the article's text: see
#: COMPANION_PREFIX in the ledger's test).
COMPANION_CROSS = "Companion notebook 1_layer_toy_network_with_feature_cross_XOR (printed output)"
COMPANION_DEEP = "Companion notebook 3_layer_toy_network_XOR, the 2-5-3-1 run (printed output)"

# The chapters that reproduce them (short names, looked up in _toc.yml).
CH1, CH2, CH4, CH6, CH7 = (
    "01_single_neuron",
    "02_bias",
    "04_cost_vectorization",
    "06_hidden_layer",
    "07_modular_code",
)


# ---------------------------------------------------------------- one example


@article_value("ch1.y_hat", "0.5", "prediction ŷ for x = (0, 0)", SINGLE, CH1)
def ch1_y_hat() -> float:
    """Prediction ŷ = σ(w·x + b) for x = (0, 0)."""
    return single_example()["y_hat"]


@article_value("ch1.loss", "0.125", "loss ½(y − ŷ)²", SINGLE, CH1)
def ch1_loss() -> float:
    """Loss ½(y − ŷ)² of that prediction, y = 0."""
    return squared_error_loss(0.0, ch1_y_hat())


@article_value("ch1.dL_dw1", "0", "∂L/∂w₁", SINGLE + ", 'are ZERO'", CH1)
def ch1_dL_dw1() -> float:
    """∂L/∂w₁ from the backward pass."""
    return single_example()["dw1"]


@article_value("ch1.dL_dw2", "0", "∂L/∂w₂", SINGLE + ", 'are ZERO'", CH1)
def ch1_dL_dw2() -> float:
    """∂L/∂w₂ from the backward pass."""
    return single_example()["dw2"]


@article_value("ch2.dL_db", "0.125", "∂L/∂b", BIAS, CH2)
def ch2_dL_db() -> float:
    """∂L/∂b from the backward pass with the bias node."""
    return single_example()["db"]


@article_value("ch2.b_new", "-0.125", "bias after one step with α = 1", BIAS, CH2)
def ch2_b_new() -> float:
    """Bias after one gradient-descent step with α = 1."""
    return single_example()["b_new"]


@article_value("ch2.y_hat_new", "0.469", "ŷ after the step", BIAS, CH2)
def ch2_y_hat_new() -> float:
    """Prediction after that step."""
    return single_example()["y_hat_new"]


@article_value(
    "ch2.loss_new",
    "0.109",
    "loss after the step",
    BIAS,
    CH2,
    erratum=(
        "the loss is 0.10988, which rounds to 0.110 at three decimals; "
        "the article cut the digits off (0.109) instead of rounding"
    ),
)
def ch2_loss_new() -> float:
    """Loss after that step."""
    return squared_error_loss(0.0, ch2_y_hat_new())


# ---------------------------------------------------------------- OR batch


@article_value("ch4.cost_initial", "0.089", "cost at W = [0.1, 0.6], b = 0", BATCH, CH4)
def ch4_cost_initial() -> float:
    """Cost at W = [0.1, 0.6], b = 0 over the four OR examples."""
    return or_batch()["cost_initial"]


@article_value("ch4.cost_after_one_step", "0.084", "cost after one step, α = 1", BATCH, CH4)
def ch4_cost_after_one_step() -> float:
    """Cost after one vectorized step with α = 1."""
    return or_batch()["cost_after_one_step"]


@article_value("ch4.dW_second", "[-0.044, -0.035]", "∂Cost/∂W, second iteration", BATCH, CH4)
def ch4_dW_second() -> np.ndarray:
    """∂Cost/∂W of the second iteration, shape (1, 2)."""
    return or_batch()["dW_second"].copy()


@article_value("ch4.db_second", "-0.031", "∂Cost/∂b, second iteration", BATCH, CH4)
def ch4_db_second() -> np.ndarray:
    """∂Cost/∂b of the second iteration, shape (1, 1)."""
    return or_batch()["db_second"].copy()


@article_value("ch4.cost_5000", "0.0005", "cost after 5000 epochs", BATCH, CH4)
def ch4_cost_5000() -> float:
    """Cost of the single neuron after 5000 epochs on the OR data."""
    X, Y = or_gate()
    return train(or_network(X.shape[1]), X, Y, ALPHA, EPOCHS).final_cost


@article_value("ch4.shape_dZ", "(1 × 4)", "shape of the gradient into Z", DIMS, CH4, "shape")
def ch4_shape_dZ() -> tuple[int, ...]:
    """Shape of the gradient flowing into Z."""
    return or_batch()["shapes"]["dZ"]


@article_value("ch4.shape_X", "(2 × 4)", "shape of X_train", DIMS, CH4, "shape")
def ch4_shape_X() -> tuple[int, ...]:
    """Shape of X_train."""
    return or_batch()["shapes"]["X"]


@article_value("ch4.shape_dW", "(1 × 2)", "shape of ∂Cost/∂W", DIMS, CH4, "shape")
def ch4_shape_dW() -> tuple[int, ...]:
    """Shape of ∂Cost/∂W."""
    return or_batch()["shapes"]["dW"]


@article_value("ch4.shape_db", "(1 × 1)", "shape of ∂Cost/∂b", DIMS, CH4, "shape")
def ch4_shape_db() -> tuple[int, ...]:
    """Shape of ∂Cost/∂b."""
    return or_batch()["shapes"]["db"]


# ---------------------------------------------------------------- XOR, 2-3-1


@article_value(
    "ch6.cost_5000",
    "0.0009",
    "cost of the 2-3-1 network after 5000 epochs",
    "Part I, Changing Neural Network Architecture",
    CH6,
)
def ch6_cost_5000() -> float:
    """Cost of the 2-3-1 network after 5000 epochs."""
    return xor_run()["final_cost"]


@article_value("ch7.cost_4600", "0.001018305488651183", "cost at epoch 4600", CODE, CH7, "sig12")
def ch7_cost_4600() -> float:
    """Printed cost at epoch 4600."""
    return xor_run()["costs"][4600]


@article_value("ch7.cost_4700", "0.000983783942124411", "cost at epoch 4700", CODE, CH7, "sig12")
def ch7_cost_4700() -> float:
    """Printed cost at epoch 4700."""
    return xor_run()["costs"][4700]


@article_value("ch7.cost_4800", "0.0009514180100050973", "cost at epoch 4800", CODE, CH7, "sig12")
def ch7_cost_4800() -> float:
    """Printed cost at epoch 4800."""
    return xor_run()["costs"][4800]


@article_value("ch7.cost_4900", "0.0009210166430616655", "cost at epoch 4900", CODE, CH7, "sig12")
def ch7_cost_4900() -> float:
    """Printed cost at epoch 4900."""
    return xor_run()["costs"][4900]


@article_value("ch7.cost_about", "0.0009", "cost 'after 4900 epochs', rounded", CODE, CH7)
def ch7_cost_about() -> float:
    """The cost 'after 4900 epochs' that the article rounds to 0.0009."""
    return xor_run()["costs"][4900]


@article_value("ch7.predictions", "[[0, 1, 1, 0]]", "predicted outputs", CODE, CH7)
def ch7_predictions() -> np.ndarray:
    """Predicted outputs of the trained network, shape (1, 4)."""
    return xor_run()["predictions"].copy()


@article_value("ch7.accuracy", "100.0", "accuracy in percent", CODE, CH7)
def ch7_accuracy() -> float:
    """Accuracy of those predictions, in percent."""
    return xor_run()["accuracy"]


# ---------------------------------------------------------------- statements checked later


@article_value("ch1.sigmoid_at_2", "1", "σ(2), the worst case of 'σ(z) ≈ 1 for z > 2'", SIGMOID, CH1)
def ch1_sigmoid_at_2() -> float:
    """σ(2), the worst case of the article's 'σ(z) ≈ 1 for z > 2'."""
    return sigmoid(2.0)


@article_value("ch1.sigmoid_at_minus_2", "0", "σ(−2), the worst case of 'σ(z) ≈ 0 for z < −2'", SIGMOID, CH1)
def ch1_sigmoid_at_minus_2() -> float:
    """σ(−2), the worst case of the article's 'σ(z) ≈ 0 for z < −2'."""
    return sigmoid(-2.0)


@article_value(
    "ch4.shape_full_jacobian", "(4 × 1 × 2)", "shape of ∂Z/∂W over the whole data matrix", DIMS, CH4, "shape"
)
def ch4_shape_full_jacobian() -> tuple[int, ...]:
    """Shape of ∂Z/∂W over all examples: one (1 × 2) derivative per example, stacked."""
    X, _ = or_gate()
    linear = LinearLayer.from_params(W_START, 0.0, m=X.shape[1])

    def z(i: int) -> Callable[[], float]:
        return lambda: float(linear.forward(X)[0, i])

    per_example = [numerical_gradient(z(i), linear.params["W"]) for i in range(X.shape[1])]
    return np.stack(per_example).shape


def _count_layers(layer_sizes: list[int]) -> float:
    """Layers with tunable weights (those with parameters) in a sigmoid network."""
    X, _ = xor_gate()
    layers = build_network(X.shape, layer_sizes, random_state=np.random.RandomState(SEED))
    return float(sum(hasattr(layer, "params") for layer in layers))


@article_value("ch6.layers_hidden", "2", "layers counted in the 2-3-1 network", COUNTING, CH6)
def ch6_layers_hidden() -> float:
    """Layers counted in the 2-3-1 network (the input layer does not count)."""
    return _count_layers([3, 1])


@article_value("ch6.layers_single", "1", "layers counted in the single-neuron networks", COUNTING, CH6)
def ch6_layers_single() -> float:
    """Layers counted in the single-neuron network."""
    return _count_layers([1])


@article_value(
    "ch7.default_learning_rate",
    "0.1",
    "default α of update_params",
    "Part II, the Linear Layer class (Fig. 87)",
    CH7,
)
def ch7_default_learning_rate() -> float:
    """Default α of ``LinearLayer.update_params``."""
    return inspect.signature(LinearLayer.update_params).parameters["learning_rate"].default


# ---------------------------------------------------------------- the companion notebooks' runs


#: One row per companion run — key prefix, run, how its descriptions end ("cost at epoch 0 of the
#: feature-cross run", unique beside the article's own "cost at epoch 4900"), notebook, chapter,
#: and the costs the notebook printed. Each run declares its costs, predictions and accuracy
#: (the same rules as Part II's).
_COMPANION_RUNS = (
    (
        "ch5.companion",
        "feature_cross",
        "the feature-cross run",
        COMPANION_CROSS,
        "05_feature_crosses",
        {0: "0.12480797532784463", 1000: "0.010006868961998287", 4900: "0.0016049339955154555"},
    ),
    (
        "ch8.companion",
        "2-5-3-1",
        "the 2-5-3-1 run",
        COMPANION_DEEP,
        "08_going_deeper",
        {0: "0.12580048583996017", 1000: "0.12349798488056588", 4900: "0.00030237818967873963"},
    ),
)
for prefix, run, named, where, chapter, costs in _COMPANION_RUNS:
    for epoch, text in costs.items():
        what = f"cost at epoch {epoch} of {named}"
        article_value(f"{prefix}_cost_{epoch}", text, what, where, chapter, "sig12")(
            lambda epoch=epoch, run=run: companion_run(run)["costs"][epoch]
        )
    article_value(f"{prefix}_predictions", "[[0, 1, 1, 0]]", f"predicted outputs of {named}", where, chapter)(
        lambda run=run: companion_run(run)["predictions"]
    )
    article_value(f"{prefix}_accuracy", "100.0", f"accuracy of {named} in percent", where, chapter)(
        lambda run=run: companion_run(run)["accuracy"]
    )
del prefix, run, named, where, chapter, costs, epoch, text, what  # the loop's names, not the module's
