"""The exercises by name: each registers the function that checks a learner's candidate."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

__all__ = ["EXERCISES", "Exercise", "exercise"]


@dataclass(frozen=True)
class Exercise:
    """An exercise: its ``name``, its ``chapter``, whether the candidate is a class, and its check.

    ``check(candidate)`` returns what the candidate passed, or raises
    :class:`nbnp.exercises.result.Failure`.
    """

    name: str
    chapter: int
    is_class: bool
    check: Callable[[object], str]


#: Every exercise, by name, in the book's order.
EXERCISES: dict[str, Exercise] = {}


def exercise(name: str, chapter: int, is_class: bool = False) -> Callable:
    """Register the decorated check function as exercise ``name`` of chapter ``chapter``."""
    def register(check: Callable[[object], str]) -> Callable[[object], str]:
        EXERCISES[name] = Exercise(name, chapter, is_class, check)
        return check
    return register
