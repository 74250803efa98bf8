"""Test setup for every test of the repository, the notebooks' nbval cells included.

This file sits at the root because pytest applies a ``conftest.py``'s report hooks only to
the tests below it, and nbval's cells live in ``book/``, not in ``tests/``.

1. Matplotlib gets a writable configuration folder (``MPLCONFIGDIR``) with its font cache,
   before any kernel starts, and kernels draw inline whatever ``MPLBACKEND`` says
   (``tools/mplconfig.py``): otherwise a warning on stderr would become an output that no
   stored notebook has, or figures would be missing.
2. Every comparison with the article is strict (``NBNP_STRICT=1``, inherited by nbval's
   kernels): a disagreement raises instead of printing a learner's note
   (:func:`nbnp.article.compare.show`).
3. A cell whose outputs differ from the stored ones is reported by ``tools/nbval_report.py``:
   the notebook, the cell, its code, and each changed line whole.
4. Every figure a cell draws is measured in the kernel as nbval runs it
   (``tools/figure_check.py``): overlapping or misplaced texts, or text too small to read,
   fail that cell.
5. ``make test`` runs on every core (pytest-xdist, ``-n auto``), a notebook whole in one worker.
"""

from __future__ import annotations

import copy
import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent
# tools/ and _ext/ are folders of scripts, not packages: every test imports them by name.
sys.path += [str(ROOT / "tools"), str(ROOT / "_ext")]

import figure_check  # noqa: E402
import mplconfig  # noqa: E402
import nbval_report  # noqa: E402

os.environ["NBNP_STRICT"] = "1"
mplconfig.use_writable_mplconfig()
mplconfig.use_inline_backend()
FIGURE_REPORT = figure_check.install(ROOT / "_build" / "kernels")
STORED = pytest.StashKey[list]()
FIGURES = pytest.StashKey[list]()


def _nbval_cell(item: pytest.Item) -> bool:
    try:
        from nbval.plugin import IPyNbCell
    except ImportError:
        return False
    return isinstance(item, IPyNbCell)


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config: pytest.Config, log: object) -> object:
    """Each test is one unit of work for the next free worker, except a notebook: its cells go
    together to one worker, which runs them in order in one kernel."""
    if config.getoption("dist") != "load":
        return None
    from xdist.scheduler import LoadScopeScheduling

    class NotebooksWhole(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return nodeid.split("::")[0] if ".ipynb::" in nodeid else nodeid

    config.option.loadscopereorder = False  # in the order collected: see below
    return NotebooksWhole(config, log)


def _expected_length(item: pytest.Item) -> int:
    """0 for a notebook's cell, 1 for a slow test, 2 for a page in the browser, 3 for the rest."""
    if _nbval_cell(item):
        return 0
    return 1 if item.get_closest_marker("slow") else 2 if "test_browser.py::test_page" in item.nodeid else 3


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """In pytest-xdist's workers, the longest tests first (notebooks, builds, browser pages), the
    many short ones last: they fill the workers' last minute evenly."""
    if os.environ.get("PYTEST_XDIST_WORKER"):
        items.sort(key=_expected_length)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_call(item: pytest.Item):
    """Keep a copy of a cell's stored outputs: nbval merges its streams in place."""
    if not _nbval_cell(item):
        yield
        return
    item.stash[STORED] = copy.deepcopy(item.cell.outputs)
    offset = FIGURE_REPORT.stat().st_size
    yield
    item.stash[FIGURES], _ = figure_check.read_since(FIGURE_REPORT, offset)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo):
    """Replace nbval's report of "Cell outputs differ" with ours; fail a cell's bad figures."""
    outcome = yield
    report = outcome.get_result()
    if report.when == "call" and report.passed and FIGURES in item.stash:
        stored = {"metadata": item.cell.metadata, "outputs": item.stash[STORED]}
        problems = figure_check.cell_problems(stored, item.stash[FIGURES])
        if problems:
            report.outcome = "failed"
            report.longrepr = f"{item.parent.nodeid}, code cell {item.cell_num}: " + "\n  ".join(problems)
    failed_comparison = call.excinfo is not None and str(call.excinfo.value) == "Cell outputs differ"
    if report.when == "call" and report.failed and failed_comparison and STORED in item.stash:
        from nbval.plugin import coalesce_streams

        report.longrepr = nbval_report.failure_text(
            item.parent.nodeid,
            item.cell_num,
            item.cell,
            coalesce_streams(item.stash[STORED]),
            item.test_outputs or [],
            skip=item.parent.skip_compare,
            sanitize=item.sanitize,
        )
