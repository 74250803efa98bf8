"""The costs recorded while a network trains (what :func:`nbnp.train` returns)."""

from __future__ import annotations

from dataclasses import dataclass, field

from nbnp.fmt import fmt
from nbnp.validation import check_positive_int

__all__ = ["History"]


@dataclass
class History:
    """Costs recorded during training.

    Attributes
    ----------
    epochs : list of int
        Epochs at which the cost was recorded (before that epoch's update).
    costs : list of float
        The cost at each of those epochs.
    final_cost : float
        The cost after the last update.

    Raises
    ------
    ValueError
        If ``epochs`` and ``costs`` have different lengths.
    """

    epochs: list[int] = field(default_factory=list)
    costs: list[float] = field(default_factory=list)
    final_cost: float = float("nan")

    def __post_init__(self) -> None:
        if len(self.epochs) != len(self.costs):
            raise ValueError(
                "epochs and costs must have the same length, but received "
                f"{len(self.epochs)} and {len(self.costs)}"
            )

    def cost_at(self, epoch: int) -> float:
        """The recorded cost at ``epoch`` (raises ``KeyError`` if not recorded)."""
        if epoch not in self.epochs:
            raise KeyError(f"epoch {epoch} was not recorded; {self._recorded()}")
        return self.costs[self.epochs.index(epoch)]

    def log(self, head: int = 3, tail: int = 4) -> str:
        """The recorded costs as the article prints its training log, shortened.

        Parameters
        ----------
        head, tail : int, optional
            How many of the first and of the last recorded epochs to show; the
            ones between are one line, ``…``. Default 3 and 4 (the article shows
            the last four).

        Returns
        -------
        str
            One ``Cost at epoch#N: <12 significant digits>`` line per shown epoch.
        """
        head, tail = check_positive_int("head", head), check_positive_int("tail", tail)
        lines = [f"Cost at epoch#{e}: {fmt(c)}" for e, c in zip(self.epochs, self.costs)]
        if len(lines) > head + tail:
            lines = [*lines[:head], "…", *lines[-tail:]]
        return "\n".join(lines)

    def _recorded(self) -> str:
        if len(self.epochs) > 1:
            return f"recorded every {self.epochs[1] - self.epochs[0]} epochs up to {self.epochs[-1]}"
        return f"recorded epochs: {self.epochs}"
