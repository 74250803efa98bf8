"""The registry of the article's values: each one declared beside the function that reproduces it.

:func:`article_value` is a decorator. Written above a function that recomputes
one number with nbnp, it records the number as the article prints it, what
it is, where the article states it, the chapter that works it out and how
ours is compared, and files the function as that number's reproducer::

    @article_value("ch1.loss", "0.125", "loss ½(y − ŷ)²", SINGLE, "01_single_neuron")
    def ch1_loss() -> float:
        return squared_error_loss(0.0, ch1_y_hat())

:data:`ARTICLE` and :data:`REPRODUCERS` list the values in the order they are
declared (:mod:`nbnp.article.values`), which is the order of the ledger.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Callable, TypeVar, Union

import numpy as np

from nbnp.article.toc import page_docname

__all__ = [
    "ARTICLE",
    "REPRODUCERS",
    "RULES",
    "ArticleValue",
    "Value",
    "article_says",
    "article_value",
    "reproduce",
]

#: What a reproducer returns — a number, an array, or a shape.
Value = Union[float, np.ndarray, tuple[int, ...]]

#: How ours can be compared with the article's text (see :func:`nbnp.article.compare`).
RULES = ("decimals", "sig12", "shape")

_Reproducer = TypeVar("_Reproducer", bound=Callable[[], Value])


@dataclass(frozen=True)
class ArticleValue:
    """One number stated by the article.

    Attributes
    ----------
    key : str
        Identifier, ``"<chapter>.<name>"``, for maintainers (the ledger, the
        tests); the chapters never show it.
    text : str
        The value exactly as the article prints it.
    what : str
        What the number is, in a few words, unique across the registry: the
        name a chapter gives it (:func:`article_says`, :func:`nbnp.show`).
    where : str
        Where the article states it (section and nearby figure).
    doc : str
        Short name of the chapter that reproduces it, ``"02_bias"``
        (:attr:`chapter` looks its document up in ``_toc.yml``).
    rule : {"decimals", "sig12", "shape"}
        How ours is compared with ``text``.
    erratum : str or None
        Why the article's value differs from its own computation, if it does.
    """

    key: str
    text: str
    what: str
    where: str
    doc: str
    rule: str = "decimals"
    erratum: str | None = None

    @property
    def chapter(self) -> str:
        """Document name of the reproducing chapter, ``"book/part1/02_bias"``.

        Looked up in the book's ``_toc.yml``; a chapter it does not list yet
        keeps its short name.
        """
        return page_docname(self.doc)

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


#: Every number the article states, keyed by ``ArticleValue.key``, in declaration order.
#:
#: :meta hide-value:
ARTICLE: dict[str, ArticleValue] = {}

#: The function that recomputes each of them, keyed like :data:`ARTICLE`.
#:
#: :meta hide-value:
REPRODUCERS: dict[str, Callable[[], Value]] = {}


def article_value(
    key: str,
    text: str,
    what: str,
    where: str,
    doc: str,
    rule: str = "decimals",
    erratum: str | None = None,
) -> Callable[[_Reproducer], _Reproducer]:
    """Declare an article value; the decorated function is its reproducer.

    Parameters
    ----------
    key, text, what, where, doc, rule, erratum
        The fields of :class:`ArticleValue`.

    Returns
    -------
    callable
        A decorator that registers the value and its function (returned
        unchanged) in :data:`ARTICLE` and :data:`REPRODUCERS`.

    Raises
    ------
    ValueError
        If ``key`` is already declared or ``rule`` is unknown.
    """
    if key in ARTICLE:
        raise ValueError(f"article value {key!r} is declared twice")
    if rule not in RULES:
        raise ValueError(f"rule must be one of {list(RULES)}, but received {rule!r}")
    entry = ArticleValue(key, text, what, where, doc, rule, erratum)

    def register(reproducer: _Reproducer) -> _Reproducer:
        ARTICLE[key] = entry
        REPRODUCERS[key] = reproducer
        return reproducer

    return register


def reproduce(key: str) -> Value:
    """Recompute our value for one article number.

    Parameters
    ----------
    key : str
        Key of the entry in :data:`ARTICLE`, for example ``"ch2.loss_new"``.

    Returns
    -------
    float, numpy.ndarray or tuple of int
        Our value (a shape tuple for entries compared by shape).

    Raises
    ------
    KeyError
        If ``key`` has no reproducer.
    """
    if key not in REPRODUCERS:
        raise KeyError(f"no reproducer for {key!r}; known keys: {', '.join(REPRODUCERS)}")
    return REPRODUCERS[key]()


def article_says(what: str) -> ArticleValue:
    """The article's value described as ``what``: the name a reader sees, never the internal key.

    Parameters
    ----------
    what : str
        The value's description, :attr:`ArticleValue.what`, in any case, for
        example ``"cost at epoch 4600"`` or ``"ŷ after the step"``.

    Returns
    -------
    ArticleValue
        Its ``text`` is the article's figure as printed, its ``value`` that
        figure as a number.

    Raises
    ------
    TypeError
        If ``what`` is not a string.
    KeyError
        If no value, or more than one, is described as ``what`` (the message
        names the closest descriptions).
    """
    if not isinstance(what, str):
        raise TypeError(f"what must be a str describing an article value, but received {type(what).__name__}")
    wanted = " ".join(what.split()).casefold()
    found = [entry for entry in ARTICLE.values() if entry.what.casefold() == wanted]
    if len(found) > 1:
        keys = ", ".join(entry.key for entry in found)
        raise KeyError(f"{len(found)} article values are described as {what!r} ({keys}): each needs its own")
    if not found:
        described = [entry.what for entry in ARTICLE.values()]
        close = difflib.get_close_matches(what, described, cutoff=0.5)  # at most 3, difflib's default
        hint = f"; the closest: {', '.join(map(repr, close))}" if close else ""
        raise KeyError(f"no article value is described as {what!r}{hint}")
    return found[0]
