"""Every figure the book draws is measured while nbval runs its chapter (no extra execution).

The root ``conftest.py`` calls :func:`install` before any kernel starts: it writes an IPython
startup file and points ``IPYTHONDIR`` at it, so every kernel that nbval starts measures, after
each cell and before the inline backend shows and closes them, every open figure:

* no text overlaps another and no arrow crosses a text (:func:`nbnp.draw.place.text_overlaps`);
* each value, local gradient and gradient of a graph is nearer its own node or arrow than any
  other (:func:`nbnp.draw.place.misplaced_texts`);
* every graph text is at least :data:`LEAST_TEXT_PX` CSS pixels tall in the desktop column,
  :data:`DESKTOP_COLUMN_PX` wide (:func:`nbnp.draw.place.shown_text_sizes`; the browser test
  checks the column is that wide).

The kernel appends one JSON line per figure to ``NBNP_FIGURE_REPORT``; after each nbval cell the
conftest reads the new lines (:func:`read_since`) and fails the cell on any problem, or when it
measured fewer or more figures than the cell stores PNGs (:func:`cell_problems`).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

#: Width in CSS pixels at which a figure wider than the column is shown in a 1280 px window.
DESKTOP_COLUMN_PX = 672
#: Least size of a graph's text on the page at the desktop column width, CSS pixels.
LEAST_TEXT_PX = 9.0

STARTUP = f'''
import json as _json, os as _os, sys as _sys

def _nbnp_measure_figures(*_):
    if "matplotlib.pyplot" not in _sys.modules:
        return
    import matplotlib.pyplot as plt
    import nbnp.draw.place as place
    with open(_os.environ["NBNP_FIGURE_REPORT"], "a", encoding="utf-8") as report:
        for number in plt.get_fignums():
            figure = plt.figure(number)
            drawn = place.renderer_of(figure)  # the three measures share one drawing of the figure
            small = [f"the text {{text!r}} shows at {{px:.1f}} px (< {LEAST_TEXT_PX}) in the "
                     f"{DESKTOP_COLUMN_PX} px column" for text, px
                     in place.shown_text_sizes(figure, {DESKTOP_COLUMN_PX}, renderer=drawn)
                     if px < {LEAST_TEXT_PX}]
            problems = (place.text_overlaps(figure, renderer=drawn)
                        + place.misplaced_texts(figure, renderer=drawn))
            report.write(_json.dumps(problems + small) + "\\n")

if _os.environ.get("NBNP_FIGURE_REPORT"):
    get_ipython().events.register("post_execute", _nbnp_measure_figures)  # before the inline backend's
'''


def install(folder: Path) -> Path:
    """Write the startup file under ``folder``, point the kernels at it; return the report's path.

    Each pytest process (each pytest-xdist worker) has its own report; the startup file is
    replaced whole, so a kernel that another worker starts meanwhile never reads half of it."""
    startup = folder / "ipython" / "profile_default" / "startup"
    startup.mkdir(parents=True, exist_ok=True)
    script = startup / "00-nbnp-measure-figures.py"
    if not script.is_file() or script.read_text(encoding="utf-8") != STARTUP:
        partial = script.with_name(f".{script.name}.{os.getpid()}")
        partial.write_text(STARTUP, encoding="utf-8")
        os.replace(partial, script)
    report = folder / f"figure-report-{os.getpid()}.jsonl"
    report.write_text("", encoding="utf-8")
    os.environ["IPYTHONDIR"] = str(folder / "ipython")
    os.environ["NBNP_FIGURE_REPORT"] = str(report)
    return report


def read_since(report: Path, offset: int) -> tuple[list[list[str]], int]:
    """The figures measured since ``offset`` (each a list of problems), and the new offset."""
    with open(report, encoding="utf-8") as file:
        file.seek(offset)
        text = file.read()
    return [json.loads(line) for line in text.splitlines()], offset + len(text.encode("utf-8"))


def cell_problems(cell: dict, measured: list[list[str]]) -> list[str]:
    """What is wrong with the figures of a cell that nbval ran (``cell``: the stored cell)."""
    if "nbval-ignore-output" in cell.get("metadata", {}).get("tags", []):
        stored = len(measured)
    else:
        stored = sum("image/png" in out.get("data", {}) for out in cell.get("outputs", []))
    found = [problem for figure in measured for problem in figure]
    if len(measured) != stored:
        found.append(f"{len(measured)} figures measured, {stored} stored as PNG")
    return found
