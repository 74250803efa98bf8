"""Our value beside the article's: the one way every number of the book is checked.

:func:`show` prints ours next to the article's text and the verdict, finding
the article's value by the words a reader reads (``"cost at epoch 4600"``);
:func:`compare`, for maintainers, takes the registry's key and raises
:class:`ArticleMismatch` where the two disagree without a recorded erratum.
How they are compared is each value's ``rule``:

* ``"decimals"`` (default): ours rounded to the article's decimals must equal
  the article's text ("agrees" if equal without rounding, else "agrees after
  rounding");
* ``"sig12"``: equal to 12 significant digits, the policy for seeded runs;
* ``"shape"``: an array shape written ``(1 × 4)``.

An entry with an ``erratum`` is one where the article's figure is not what its
own computation gives; the erratum says why, and the check then *expects* a
difference, so a stale erratum fails too.

Two audiences call :func:`show`. A maintainer's run is *strict*: the
environment variable ``NBNP_STRICT`` is set (the root ``conftest.py`` sets it
for pytest and nbval, ``tools/run_notebooks.py`` and ``make book`` for the
stored and built outputs), and a disagreement raises :class:`ArticleMismatch`.
A learner's run is not: after changing a seed, a learning rate or the layers,
the chapter prints that ours now differs from the article and why that is
expected, and carries on. The stored outputs still prove agreement, since nbval
compares a fresh run's printed verdict with the stored one.
"""

from __future__ import annotations

import numbers
import os
from dataclasses import dataclass

import numpy as np

from nbnp.article.fmt import fmt, fmt_array, fmt_shape
from nbnp.article.registry import ARTICLE, ArticleValue, Value, article_says, reproduce
from nbnp.checks import as_array

__all__ = ["ArticleMismatch", "Comparison", "check_all", "compare", "is_strict", "show"]

#: How the ``where`` of a value printed by the article's companion notebooks begins.
COMPANION = "Companion notebook"
#: The environment variable that makes :func:`show` raise on a disagreement (any value but "" or "0").
STRICT_ENV = "NBNP_STRICT"
#: Why a learner's own run may differ from the article (printed after the first differing line).
EXPECTED_DIFFERENCE = (
    "  This is not the article's result. That is expected if you changed a setting above\n"
    "  (a seed, the learning rate, the number of epochs or the layers): the article's value\n"
    "  comes from its own settings. Restore them to see the agreement again."
)
#: The same, shortened, after every later differing line of the session.
EXPECTED_DIFFERENCE_AGAIN = "  This is not the article's result either (see the first such note)."
#: Whether this session has printed :data:`EXPECTED_DIFFERENCE` in full.
_noted = {"in full": False}


class ArticleMismatch(AssertionError):
    """Our computed value disagrees with the article in a way no erratum explains."""


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
        return _sentence(self.entry, self.ours, self.status)


def _capitalized(text: str) -> str:
    """``text`` with a Latin first letter capitalized (σ stays σ: it is a symbol, not a word)."""
    return text[:1].upper() + text[1:] if text[:1].isascii() else text


def _sentence(entry: ArticleValue, ours: str, status: str, explained: bool = True) -> str:
    """Ours beside the article's as a sentence: "Loss after the step: ours, 0.110, differs from ...".

    ``explained=False`` leaves the erratum out: it explains our value for the
    article's own setting, not a learner's other value.
    """
    what = _capitalized(entry.what)
    theirs = "the companion notebook's" if entry.where.startswith(COMPANION) else "the article's"
    if status == "differs":
        why = f": {entry.erratum}" if entry.erratum and explained else ""
        return f"{what}: ours, {ours}, differs from {theirs} {entry.text}{why}."
    how = status.removeprefix("agrees").strip()
    return f"{what}: ours, {ours}, agrees with {theirs} {entry.text}" + (f" {how}." if how else ".")


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


def _checked(entry: ArticleValue, ours: object) -> Value:
    """``ours`` as a shape of ints (rule ``"shape"``) or a finite float array, or an error naming ``ours``."""
    if entry.rule != "shape":
        return as_array("ours", ours)
    if not isinstance(ours, (tuple, list)) or not all(
        isinstance(n, numbers.Integral) and not isinstance(n, (bool, np.bool_)) and n >= 0 for n in ours
    ):
        raise TypeError(f"ours must be a shape, a tuple of ints such as (1, 4), but received {ours!r:.60}")
    return tuple(int(n) for n in ours)


def compare(key: str, ours: Value) -> Comparison:
    """Compare our computed value with the article's.

    Parameters
    ----------
    key : str
        Key of the entry in :data:`nbnp.ARTICLE`.
    ours : float, numpy.ndarray or tuple of int
        Our value (a shape tuple for entries with the ``"shape"`` rule).

    Returns
    -------
    Comparison

    Raises
    ------
    KeyError
        If ``key`` is not an article value.
    TypeError, ValueError
        If ``ours`` is not a finite number or array of them (or, for a
        ``"shape"`` entry, not a tuple of ints).
    ArticleMismatch
        If ours differs and no erratum explains it, or an erratum is recorded
        but ours now agrees.
    """
    if not isinstance(key, str):
        raise TypeError(f"key must be a str, the name of an article value, but received {key!r:.60}")
    if key not in ARTICLE:
        raise KeyError(f"no article value named {key!r}; known keys: {', '.join(ARTICLE)}")
    entry = ARTICLE[key]
    ours = _checked(entry, ours)
    text, status = _status(entry, ours)
    if (status == "differs") != (entry.erratum is not None):
        why = "differs from" if status == "differs" else "now agrees with"
        raise ArticleMismatch(f"{key}: ours {text} {why} the article's {entry.text}")
    if entry.erratum is not None:  # it explains our value for the article's own setting only
        expected = _status(entry, reproduce(key))[0]
        if text.split(" (")[0] != expected.split(" (")[0]:  # at the article's decimals
            raise ArticleMismatch(
                f"{key}: ours {text} differs from the article's {entry.text}, and the erratum, "
                f"which is about our value {expected} for the article's own setting, does not explain it"
            )
    return Comparison(entry, text, status)


def is_strict() -> bool:
    """Whether :func:`show` raises on a disagreement (``NBNP_STRICT`` set, and not ``"0"``)."""
    return os.environ.get(STRICT_ENV, "") not in ("", "0")


def show(what: str, ours: Value) -> None:
    """Print our value beside the article's, named as a reader names it (see :func:`compare`).

    In a strict run (:func:`is_strict`) a disagreement raises. Otherwise, as
    in a learner's own run, it prints the article's value beside this run's
    and a note saying why a difference is expected (in full the first time
    in a session, then in one line), and returns.

    Parameters
    ----------
    what : str
        What the value is, as the printed sentence begins: its description
        in :data:`nbnp.ARTICLE` (:func:`nbnp.article.article_says`), for
        example ``"cost at epoch 4600"``. Never the internal key.
    ours : float, numpy.ndarray or tuple of int
        Our value: a number, an array of the article's shape (or of the same
        size), or a shape tuple for entries with the ``"shape"`` rule.

    Raises
    ------
    KeyError
        If no article value is described as ``what``.
    ArticleMismatch
        In a strict run, where :func:`compare` raises.
    """
    entry = article_says(what)
    try:
        print(compare(entry.key, ours))
    except ArticleMismatch:
        if is_strict():
            raise
        print(_learner_line(entry, ours))


def _learner_line(entry: ArticleValue, ours: Value) -> str:
    """The article's value and a learner's run's, and the note, in full the first time only.

    The description keeps the article's setting ("bias after one step with
    α = 1"), so the sentence gives that setting to the article's value.
    """
    try:
        text, status = _status(entry, ours)
    except ArticleMismatch:
        text, status = fmt_array(ours, sig=6), "differs"
    theirs = "the companion notebook" if entry.where.startswith(COMPANION) else "the article"
    line = f"{_capitalized(entry.what)}: {theirs} says {entry.text}, this run gives {text}"
    if status != "differs":  # the article's figure is an erratum, and ours now matches it
        line += ", the figure the article got wrong (see the errata)"
    note = EXPECTED_DIFFERENCE_AGAIN if _noted["in full"] else EXPECTED_DIFFERENCE
    _noted["in full"] = True
    return f"{line}.\n{note}"


def check_all() -> dict[str, Comparison]:
    """Recompute and compare every article number, in the order of :data:`nbnp.ARTICLE`.

    Returns
    -------
    dict
        Key → :class:`Comparison` (ours formatted, status).

    Raises
    ------
    KeyError
        If an article key has no reproducer.
    nbnp.ArticleMismatch
        If any value disagrees with the article without an erratum (or an
        erratum is recorded where ours now agrees).
    """
    return {key: compare(key, reproduce(key)) for key in ARTICLE}
