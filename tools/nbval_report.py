"""A readable report for an nbval failure "Cell outputs differ" (used by the root conftest.py).

nbval reports a changed cost as ``- 01830548865 / + 01830548866`` after "Skipping 1690
identical leading characters": which epoch changed is cut away, ``-v`` prints the whole
output as one line cut at the terminal's edge, and an output nobody stored (a warning on
stderr) shows up only as ``Unexpected output fields: {'stderr'}``. This report names the
notebook and the cell, shows its code, and gives every changed line whole, with a line of
context on each side and its line number; an output found on one side only is printed in full.
"""

from __future__ import annotations

import difflib
from collections import defaultdict
from collections.abc import Callable, Iterable

#: Lines of unchanged output shown around each changed line.
CONTEXT = 1
#: How the two sides of a changed line are marked.
LEGEND = "- stored in the notebook, + printed by this run"
ONLY_STORED = "stored in the notebook, not printed by this run"
ONLY_NOW = "printed by this run, not stored in the notebook"


def outputs_by_field(outputs: Iterable[dict], skip: Iterable[str] = ()) -> dict[str, list]:
    """Every compared field of ``outputs``, as nbval compares them.

    Parameters
    ----------
    outputs : iterable of dict
        A cell's outputs, streams already coalesced (one per name).
    skip : iterable of str
        Fields nbval leaves out (``metadata``, ``execution_count``, ``image/png``, ...).

    Returns
    -------
    dict of str to list
        A stream's name (``stdout``, ``stderr``) or a MIME type of displayed data
        (``text/plain``, ``text/markdown``, ...) to the values of that field, in order.
    """
    skip = set(skip)
    fields: dict[str, list] = defaultdict(list)
    for output in outputs:
        if output.get("output_type") == "stream":
            fields[output["name"]].append(output["text"])
            continue
        for key, value in output.items():
            if key == "data":
                for mime, payload in value.items():
                    if mime not in skip:
                        fields[mime].append(payload)
            elif key not in skip:
                fields[key].append(value)
    return dict(fields)


def _shown(value: object, field: str) -> str:
    """``value`` as text; an image (compared only with nbval's ``--nbdime``) by its size."""
    if field.startswith("image/"):
        return f"<{len(str(value))} characters of {field} data>"
    return value if isinstance(value, str) else repr(value)


def _indented(text: str, prefix: str = "    ") -> list[str]:
    return [prefix + line for line in text.splitlines()] or [prefix]


def line_diff(stored: str, fresh: str) -> list[str]:
    """The changed lines of two texts, whole, with :data:`CONTEXT` lines around them.

    Lines are prefixed ``-`` (stored in the notebook), ``+`` (printed by this run) or
    blank (the same in both); each group starts with the stored line numbers it covers.
    """
    old, new = stored.splitlines(), fresh.splitlines()
    report: list[str] = []
    for group in difflib.SequenceMatcher(None, old, new, autojunk=False).get_grouped_opcodes(CONTEXT):
        first, last = group[0][1] + 1, group[-1][2]
        report.append(f"  stored line {first}" + (f"-{last}" if last > first else "") + f" of {len(old)}:")
        for tag, i1, i2, j1, j2 in group:
            if tag == "equal":
                report += [f"      {line}" for line in old[i1:i2]]
                continue
            report += [f"    - {line}" for line in old[i1:i2]]
            report += [f"    + {line}" for line in new[j1:j2]]
    if not report and stored != fresh:  # the lines agree: only the final newline differs
        report.append(f"  the text ends differently: stored {stored[-1:]!r}, now {fresh[-1:]!r}")
    return report


def _one_difference(name: str, field: str, before: object, after: object) -> list[str]:
    """Report lines for one output field that differs (``None``: absent on that side)."""
    if after is None:
        return [f"{name}: {ONLY_STORED}:", *_indented(_shown(before, field))]
    if before is None:
        return [f"{name}: {ONLY_NOW}:", *_indented(_shown(after, field))]
    if isinstance(before, str) and isinstance(after, str) and not field.startswith("image/"):
        return [f"{name} differs ({LEGEND}):", *line_diff(before, after)]
    return [f"{name} differs:", f"    - {_shown(before, field)}", f"    + {_shown(after, field)}"]


def describe_difference(
    stored: Iterable[dict],
    fresh: Iterable[dict],
    skip: Iterable[str] = (),
    sanitize: Callable[[object], object] = lambda value: value,
) -> list[str]:
    """What differs between a cell's stored outputs and this run's, field by field.

    Parameters
    ----------
    stored, fresh : iterable of dict
        The stored outputs and this run's, streams coalesced as nbval compares them.
    skip : iterable of str
        Fields nbval does not compare.
    sanitize : callable
        nbval's sanitizer (the rules of ``--nbval-sanitize-with``), applied to both sides.

    Returns
    -------
    list of str
        Report lines; empty if nothing differs.
    """
    old, new = outputs_by_field(stored, skip), outputs_by_field(fresh, skip)
    report: list[str] = []
    for field in sorted(set(old) | set(new)):
        olds = [sanitize(v) for v in old.get(field, [])]
        news = [sanitize(v) for v in new.get(field, [])]
        for index in range(max(len(olds), len(news))):
            before = olds[index] if index < len(olds) else None
            after = news[index] if index < len(news) else None
            if before == after:
                continue
            name = field if max(len(olds), len(news)) == 1 else f"{field} (output {index + 1})"
            report += _one_difference(name, field, before, after)
    return report


def failure_text(notebook: str, cell_number: int, cell: dict, stored: list, fresh: list, **compare) -> str:
    """The whole report of one failed cell.

    Parameters
    ----------
    notebook : str
        The notebook's path, as the test id shows it.
    cell_number : int
        nbval's number of the cell: its place among the code cells, from 0 (the ``Cell N``
        of the test id).
    cell : dict
        The notebook cell (its ``source`` and ``execution_count``).
    stored, fresh : list of dict
        As for :func:`describe_difference`, which receives ``compare`` too.

    Returns
    -------
    str
    """
    count = cell.get("execution_count")
    where = f"code cell {cell_number} (the test id's 'Cell {cell_number}'" + (
        f", stored as In [{count}])" if count is not None else ")"
    )
    lines = [f"Cell outputs differ: {notebook}, {where}", "Its code:", *_indented(cell.get("source", ""))]
    lines += describe_difference(stored, fresh, **compare) or ["(no compared field differs)"]
    return "\n".join(lines)
