"""Proof that the regression net catches drift, without executing any chapter again: the build's
execution is what ``make outputs`` stores (1), a 1e-6 drift of ``np.exp`` inside nbnp reaches
the printed ledger (2), and nbval with this repository's setup fails on one changed digit or an
unexpected stderr and keeps Matplotlib quiet when ``MPLCONFIGDIR`` is unusable (3, a probe).
"""

from __future__ import annotations

import copy
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
BOOK = ROOT / "book"
CACHE = ROOT / "_build" / ".jupyter_cache"
REQUIRED = os.environ.get("NBNP_BROWSER_TESTS") == "required" or os.environ.get("CI") == "true"
IGNORED = "nbval-ignore-output"


def _toc_notebooks() -> list[Path]:
    from nbnp.article.toc import read_toc

    return read_toc(ROOT / "_toc.yml").notebooks()


# --- 1. the build's execution is what `make outputs` would store --------------------------------


def _compared(nb: nbformat.NotebookNode) -> list:
    """Each code cell's execution count and outputs, PNG payloads left out (their bytes follow the
    Matplotlib and FreeType versions, and nbval does not compare them)."""
    cells = []
    for cell in nb.cells:
        if cell.cell_type == "code":
            outputs = json.loads(json.dumps(cell.outputs))
            for output in outputs:
                if "image/png" in output.get("data", {}):
                    output["data"]["image/png"] = "<png>"
            cells.append((cell.get("execution_count"), outputs))
    return cells


@pytest.fixture(scope="module")
def cache():
    pytest.importorskip("jupyter_cache", reason="the book's tools are not installed (.[book])")
    from fresh_outputs import FINGERPRINT_FILE, nbnp_fingerprint
    from jupyter_cache import get_cache

    stamp = CACHE / FINGERPRINT_FILE
    if not stamp.is_file() or stamp.read_text(encoding="utf-8").strip() != nbnp_fingerprint():
        message = f"no execution of this nbnp in {CACHE.relative_to(ROOT)}: run `make book` first"
        pytest.fail(message) if REQUIRED else pytest.skip(message)
    return get_cache(str(CACHE))


@pytest.mark.parametrize("notebook", _toc_notebooks(), ids=lambda p: str(p.relative_to(BOOK)))
def test_the_builds_execution_is_what_make_outputs_stores(notebook: Path, cache) -> None:
    committed = nbformat.read(notebook, as_version=4)
    _, executed = cache.merge_match_into_notebook(copy.deepcopy(committed))
    for stored, fresh in zip(committed.cells, executed.cells):
        if IGNORED in stored.metadata.get("tags", []) and stored.get("outputs"):
            fresh.outputs = stored.outputs  # timings: make outputs keeps the stored ones
    from run_notebooks import normalize

    fresh = _compared(normalize(executed))
    assert fresh == _compared(committed), (
        f"make outputs would change {notebook.relative_to(ROOT)}: re-store it (make outputs) or find "
        "what made this run print something else"
    )


# --- 2. a drift of one part in a million reaches the printed numbers ----------------------------

#: Run after ``import nbnp``: every np.exp of every loaded nbnp module is off by 1e-6.
DRIFT = '''
import numpy as _numpy, sys as _sys
class _DriftingNumPy:
    def __getattr__(self, name):
        return getattr(_numpy, name)
    @staticmethod
    def exp(x):
        return _numpy.exp(x) * (1 + 1e-6)
for _name, _module in list(_sys.modules.items()):
    if _name.startswith("nbnp") and getattr(_module, "np", None) is _numpy:
        _module.np = _DriftingNumPy()
'''
LEDGER = """
from nbnp.article import check_all
from nbnp.article.ledger import ledger_table
from nbnp.article.toc import toc_docnames
print(ledger_table(check_all(), toc_docnames()), end="")
"""


def _ledger(drift: bool) -> subprocess.CompletedProcess:
    code = "import nbnp\n" + (DRIFT if drift else "") + LEDGER
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)


@pytest.mark.slow
def test_a_drift_of_one_part_in_a_million_changes_the_stored_ledger() -> None:
    cells = nbformat.read(BOOK / "appendix" / "ledger.ipynb", as_version=4).cells
    stored = [o["data"]["text/markdown"] for c in cells if "ledger_table(" in c.source for o in c.outputs]
    assert len(stored) == 1, "the ledger has one cell that shows ledger_table"
    assert _ledger(drift=False).stdout == stored[0], "the ledger no longer prints its stored table"
    drifted = _ledger(drift=True)
    # caught either way: the comparison with the article refuses the drifted value, or the table differs
    refused = drifted.returncode != 0 and "ArticleMismatch" in drifted.stderr
    assert refused or drifted.stdout != stored[0], "a 1e-6 drift of exp leaves the ledger unchanged"


# --- 3. nbval with this repository's setup: a probe notebook ------------------------------------

PROBE_CELLS = [
    ('print("cost 0.250000000000")', "cost 0.250000000000\n"),
    ('print("epoch 0\\nepoch 100: 0.123456789012\\nepoch 200: 0.1")',
     "epoch 0\nepoch 100: 0.123456789013\nepoch 200: 0.1\n"),  # one digit changed
    ('import sys\nprint("a warning nobody stored", file=sys.stderr)', None),
    ("import matplotlib.pyplot as plt\n_ = plt.figure()\nplt.close('all')", None),
]


@pytest.mark.slow
def test_nbval_fails_on_one_changed_digit_and_on_stderr_in_those_cells_only(tmp_path: Path, probe_book):
    cells = []
    for number, (source, text) in enumerate(PROBE_CELLS, start=1):
        cells.append(nbformat.v4.new_code_cell(source, execution_count=number))
        cells[-1].outputs = [nbformat.v4.new_output("stream", name="stdout", text=text)] if text else []
    repo = probe_book(cells)  # a copy of the repository: its conftest.py, tools and sanitizer
    not_a_folder = tmp_path / "mplconfig"
    not_a_folder.write_text("a file, not a folder", encoding="utf-8")
    env = {**os.environ, "MPLCONFIGDIR": str(not_a_folder), "MPLBACKEND": "Agg"}
    command = [sys.executable, "-m", "pytest", "-v", "-p", "no:randomly", "book/probe.ipynb"]
    result = subprocess.run(command, cwd=repo, env=env, capture_output=True, text=True, timeout=300)
    out = result.stdout
    assert re.search(r"\b2 failed, 2 passed\b", out), out[-4000:]
    assert "Cell outputs differ: book/probe.ipynb, code cell 1" in out, out[-4000:]
    assert "    - epoch 100: 0.123456789013\n    + epoch 100: 0.123456789012\n" in out, out[-4000:]
    assert "stderr" in out and "a warning nobody stored" in out, out[-4000:]
