"""Every number the article states, in one place, and the one way to check ours against it.

The chapters, the numbers ledger and the tests all read :data:`ARTICLE`; no
article value is typed anywhere else. Each entry keeps the article's text
exactly as printed (``"0.109"``), where the article states it, the chapter
that reproduces it, and how ours is compared:

* ``"decimals"`` (default): ours rounded to the article's decimals must equal
  the article's text ("agrees" if equal without rounding, else "agrees after
  rounding");
* ``"sig12"``: equal to 12 significant digits, the policy for seeded runs;
* ``"shape"``: an array shape written ``(1 × 4)``.

An entry with an ``erratum`` is one where the article's figure is not what its
own computation gives; the erratum says why, and the check then *expects* a
difference, so a stale erratum fails too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from nbnp.fmt import fmt, fmt_array, fmt_shape

__all__ = [
    "ARTICLE",
    "ArticleMismatch",
    "ArticleValue",
    "Comparison",
    "compare",
    "show",
]


class ArticleMismatch(AssertionError):
    """Our computed value disagrees with the article in a way no erratum explains."""


@dataclass(frozen=True)
class ArticleValue:
    """One number stated by the article.

    Attributes
    ----------
    key : str
        Identifier, ``"<chapter>.<name>"``.
    text : str
        The value exactly as the article prints it.
    what : str
        What the number is, in a few words.
    where : str
        Where the article states it (section and nearby figure).
    chapter : str
        Document name of the chapter that reproduces it.
    rule : {"decimals", "sig12", "shape"}
        How ours is compared with ``text``.
    erratum : str or None
        Why the article's value differs from its own computation, if it does.
    """

    key: str
    text: str
    what: str
    where: str
    chapter: str
    rule: str = "decimals"
    erratum: str | None = None

    @property
    def value(self) -> float | np.ndarray:
        """The article's value parsed from ``text``: a float, or for a list an array of its shape.

        For example ``"[[0, 1, 1, 0]]"`` gives an array of shape (1, 4).
        """
        numbers = [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?(?:e-?\d+)?", self.text)]
        if self.text.lstrip().startswith("["):
            depth = len(self.text) - len(self.text.lstrip("["))
            return np.array(numbers).reshape((1,) * (depth - 1) + (-1,))
        return numbers[0]

    @property
    def decimals(self) -> int:
        """Largest number of decimals among the numbers in ``text``."""
        found = re.findall(r"\.(\d+)", self.text)
        return max((len(d) for d in found), default=0)


_CH1 = "book/part1/01_single_neuron"
_CH2 = "book/part1/02_bias"
_CH4 = "book/part1/04_cost_vectorization"
_CH6 = "book/part1/06_hidden_layer"
_CH7 = "book/part2/07_modular_code"


def _entries() -> list[ArticleValue]:  # pragma: no mutate block (runs once, at import, before mutmut forks)
    single = "Part I, the single-neuron walk-through (OR data, x = (0, 0), y = 0)"
    bias = "Part I, Bias: backward pass and one gradient-descent step"
    batch = "Part I, Cost Function: vectorized batch gradient descent on the OR data"
    dims = "Part I, the derivation of dW by dimension analysis"
    code = "Part II, after Fig. 92 (training loop output)"
    return [
        ArticleValue("ch1.y_hat", "0.5", "prediction ŷ for x = (0, 0)", single, _CH1),
        ArticleValue("ch1.loss", "0.125", "loss ½(y − ŷ)²", single, _CH1),
        ArticleValue("ch1.dL_dw1", "0", "∂L/∂w₁", single + ", 'are ZERO'", _CH1),
        ArticleValue("ch1.dL_dw2", "0", "∂L/∂w₂", single + ", 'are ZERO'", _CH1),
        ArticleValue("ch2.dL_db", "0.125", "∂L/∂b", bias, _CH2),
        ArticleValue("ch2.b_new", "-0.125", "bias after one step with α = 1", bias, _CH2),
        ArticleValue("ch2.y_hat_new", "0.469", "ŷ after the step", bias, _CH2),
        ArticleValue(
            "ch2.loss_new",
            "0.109",
            "loss after the step",
            bias,
            _CH2,
            erratum=(
                "the loss is 0.10988, which rounds to 0.110 at three decimals; "
                "the article cut the digits off (0.109) instead of rounding"
            ),
        ),
        ArticleValue("ch4.cost_initial", "0.089", "cost at W = [0.1, 0.6], b = 0", batch, _CH4),
        ArticleValue("ch4.cost_after_one_step", "0.084", "cost after one step, α = 1", batch, _CH4),
        ArticleValue("ch4.dW_second", "[-0.044, -0.035]", "∂Cost/∂W, second iteration", batch, _CH4),
        ArticleValue("ch4.db_second", "-0.031", "∂Cost/∂b, second iteration", batch, _CH4),
        ArticleValue("ch4.cost_5000", "0.0005", "cost after 5000 epochs", batch, _CH4),
        ArticleValue("ch4.shape_dZ", "(1 × 4)", "shape of the gradient into Z", dims, _CH4, "shape"),
        ArticleValue("ch4.shape_X", "(2 × 4)", "shape of X_train", dims, _CH4, "shape"),
        ArticleValue("ch4.shape_dW", "(1 × 2)", "shape of ∂Cost/∂W", dims, _CH4, "shape"),
        ArticleValue("ch4.shape_db", "(1 × 1)", "shape of ∂Cost/∂b", dims, _CH4, "shape"),
        ArticleValue(
            "ch6.cost_5000",
            "0.0009",
            "cost of the 2-3-1 network after 5000 epochs",
            "Part I, Changing Neural Network Architecture",
            _CH6,
        ),
        ArticleValue("ch7.cost_4600", "0.001018305488651183", "cost at epoch 4600", code, _CH7, "sig12"),
        ArticleValue("ch7.cost_4700", "0.000983783942124411", "cost at epoch 4700", code, _CH7, "sig12"),
        ArticleValue("ch7.cost_4800", "0.0009514180100050973", "cost at epoch 4800", code, _CH7, "sig12"),
        ArticleValue("ch7.cost_4900", "0.0009210166430616655", "cost at epoch 4900", code, _CH7, "sig12"),
        ArticleValue("ch7.cost_about", "0.0009", "cost 'after 4900 epochs', rounded", code, _CH7),
        ArticleValue("ch7.predictions", "[[0, 1, 1, 0]]", "predicted outputs", code, _CH7),
        ArticleValue("ch7.accuracy", "100.0", "accuracy in percent", code, _CH7),
        ArticleValue(
            "ch1.sigmoid_at_2",
            "1",
            "σ(2), the worst case of 'σ(z) ≈ 1 for z > 2'",
            "Part I, the sigmoid node",
            _CH1,
        ),
        ArticleValue(
            "ch1.sigmoid_at_minus_2",
            "0",
            "σ(−2), the worst case of 'σ(z) ≈ 0 for z < −2'",
            "Part I, the sigmoid node",
            _CH1,
        ),
        ArticleValue(
            "ch4.shape_full_jacobian",
            "(4 × 1 × 2)",
            "shape of ∂Z/∂W over the whole data matrix",
            dims,
            _CH4,
            "shape",
        ),
        ArticleValue(
            "ch6.layers_hidden",
            "2",
            "layers counted in the 2-3-1 network",
            "Part I, how to count the layers of a network",
            _CH6,
        ),
        ArticleValue(
            "ch6.layers_single",
            "1",
            "layers counted in the single-neuron networks",
            "Part I, how to count the layers of a network",
            _CH6,
        ),
        ArticleValue(
            "ch7.default_learning_rate",
            "0.1",
            "default α of update_params",
            "Part II, the Linear Layer class (Fig. 87)",
            _CH7,
        ),
    ]


#: Every number the article states, keyed by ``ArticleValue.key``.
ARTICLE: dict[str, ArticleValue] = {entry.key: entry for entry in _entries()}


@dataclass(frozen=True)
class Comparison:
    """Our value beside the article's.

    Attributes
    ----------
    entry : ArticleValue
        The article's value.
    ours : str
        Ours, formatted at the article's precision (more digits in parentheses
        where rounding hides them).
    status : {"agrees", "agrees after rounding", "agrees to 12 significant digits", "differs"}
    """

    entry: ArticleValue
    ours: str
    status: str

    def __str__(self) -> str:
        line = f"{self.entry.what}: ours {self.ours} | article {self.entry.text} | {self.status}"
        return line + (f" ({self.entry.erratum})" if self.status == "differs" else "")


def _status(entry: ArticleValue, ours: object) -> tuple[str, str]:
    """Our formatted value and the comparison status."""
    if entry.rule == "shape":
        text = fmt_shape(tuple(ours))
        return text, "agrees" if text == entry.text else "differs"
    ours_arr = np.asarray(ours, dtype=float)
    article = np.asarray(entry.value, dtype=float)
    if ours_arr.size != article.size:
        raise ArticleMismatch(f"{entry.key}: ours has shape {ours_arr.shape}, the article's {article.shape}")
    ours_arr = ours_arr.reshape(article.shape)  # the article writes a (1, 2) as [a, b]
    if entry.rule == "sig12":
        # Never "agrees" here: an exact match in the last bit is not portable
        # across BLAS builds, while 12 significant digits are.
        text = fmt(ours_arr)
        return text, "agrees to 12 significant digits" if text == fmt(article) else "differs"
    d = entry.decimals
    rounded = fmt_array(ours_arr, decimals=d)
    if np.array_equal(ours_arr, article):
        return rounded, "agrees"
    text = f"{rounded} ({fmt_array(ours_arr, sig=6)})"
    same = rounded == fmt_array(article, decimals=d)
    return text, "agrees after rounding" if same else "differs"


def compare(key: str, ours: float | np.ndarray | tuple[int, ...]) -> Comparison:
    """Compare our computed value with the article's.

    Parameters
    ----------
    key : str
        Key of the entry in :data:`ARTICLE`.
    ours : float, numpy.ndarray or tuple of int
        Our value (a shape tuple for entries with the ``"shape"`` rule).

    Returns
    -------
    Comparison

    Raises
    ------
    KeyError
        If ``key`` is not an article value.
    ArticleMismatch
        If ours differs and no erratum explains it, or an erratum is recorded
        but ours now agrees.
    """
    if key not in ARTICLE:
        raise KeyError(f"no article value named {key!r}; known keys: {', '.join(ARTICLE)}")
    entry = ARTICLE[key]
    text, status = _status(entry, ours)
    if (status == "differs") != (entry.erratum is not None):
        why = "differs from" if status == "differs" else "now agrees with"
        raise ArticleMismatch(f"{key}: ours {text} {why} the article's {entry.text}")
    return Comparison(entry, text, status)


def show(key: str, ours: float | np.ndarray | tuple[int, ...]) -> None:
    """Print our value beside the article's (see :func:`compare`).

    Parameters
    ----------
    key : str
        Key of the entry in :data:`ARTICLE`.
    ours : float, numpy.ndarray or tuple of int
        Our value: a number, an array of the article's shape (or of the same
        size), or a shape tuple for entries with the ``"shape"`` rule.
    """
    print(compare(key, ours))
