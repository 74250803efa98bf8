"""Proof that the regression net catches drift.

1. Changing nbnp's math by one part in a million, in a temporary copy of the
   repository, makes the nbval run over ``book/`` fail (and the unchanged copy passes).
2. Changing one digit of one stored output makes nbval fail, for one notebook of
   every folder of ``book/``.
3. Executing every notebook twice gives byte-identical outputs.

These run notebooks in subprocesses and kernels, so they are marked ``slow``;
CI runs them (``make test``), mutation testing leaves them out.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
BOOK = ROOT / "book"
NOTEBOOKS = sorted(
    p for p in BOOK.rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts and "_build" not in p.parts
)
SKIP_COPY = shutil.ignore_patterns(
    ".venv", ".git", "_build", "mutants", "__pycache__", "*.egg-info", ".ipynb_checkpoints", ".pytest_cache"
)
#: Appended to the copy's nbnp/__init__.py: every np.exp in every nbnp module is off by 1e-6.
DRIFT = '''

import sys as _sys

import numpy as _numpy


class _DriftingNumPy:
    """NumPy, except that exp is off by one part in a million (tests/test_drift.py)."""

    def __getattr__(self, name):
        return getattr(_numpy, name)

    @staticmethod
    def exp(x):
        return _numpy.exp(x) * (1 + 1e-6)


for _name, _module in list(_sys.modules.items()):
    if _name.startswith("nbnp.") and getattr(_module, "np", None) is _numpy:
        _module.np = _DriftingNumPy()
'''
#: What a failure caused by the numbers (not by the copy) reports.
CAUGHT = re.compile(r"Cell outputs differ|ArticleMismatch")
BROKEN_COPY = re.compile(r"ModuleNotFoundError|FileNotFoundError|No such file|ERROR collecting")

pytestmark = pytest.mark.slow


def _copy_repo(dest: Path) -> Path:
    shutil.copytree(ROOT, dest, ignore=SKIP_COPY)
    return dest


def _nbval(repo: Path, *paths: str, stop_first: bool = False) -> subprocess.CompletedProcess:
    """Run nbval in ``repo`` with ``repo``'s own nbnp first on the path (also in the kernels)."""
    env = {**os.environ, "PYTHONPATH": str(repo), "MPLBACKEND": "Agg"}
    args = [
        sys.executable,
        "-m",
        "pytest",
        "-q",
        "-p",
        "no:randomly",
        *(["-x"] if stop_first else []),
        *paths,
    ]
    return subprocess.run(args, cwd=repo, env=env, capture_output=True, text=True, timeout=600)


def _first_notebook_of_each_folder() -> list[Path]:
    seen: dict[Path, Path] = {}
    for nb in NOTEBOOKS:
        seen.setdefault(nb.parent, nb)
    return list(seen.values())


@pytest.mark.skipif(not NOTEBOOKS, reason="no notebook in book/")
def test_nbnp_drift_of_one_part_in_a_million_fails_nbval(tmp_path):
    repo = _copy_repo(tmp_path / "repo")
    control = _nbval(repo, str(NOTEBOOKS[0].relative_to(ROOT)))
    assert control.returncode == 0, "the unchanged copy must pass:\n" + control.stdout[-3000:]
    init = repo / "nbnp" / "__init__.py"
    init.write_text(init.read_text(encoding="utf-8") + DRIFT, encoding="utf-8")
    drifted = _nbval(repo, "book", stop_first=True)
    report = drifted.stdout + drifted.stderr
    assert drifted.returncode == 1, report[-3000:]
    assert CAUGHT.search(report) and not BROKEN_COPY.search(report), report[-3000:]


def _change_one_digit(nb: nbformat.NotebookNode) -> str:
    """Change the first digit of a decimal number in a stored text output; return where."""
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "code" or "nbval-ignore-output" in cell.metadata.get("tags", []):
            continue
        for output in cell.outputs:
            holder, key = (output, "text") if "text" in output else (output.get("data", {}), None)
            keys = [key] if key else [k for k in ("text/markdown", "text/plain") if k in holder]
            for k in keys:
                text = holder[k]
                match = re.search(r"\d\.(\d)", text)
                if match:
                    pos = match.start(1)
                    holder[k] = text[:pos] + str((int(text[pos]) + 1) % 10) + text[pos + 1 :]
                    return f"cell {index}, {k}"
    return ""


@pytest.mark.parametrize("notebook", _first_notebook_of_each_folder(), ids=lambda p: str(p.relative_to(BOOK)))
def test_one_changed_digit_in_a_stored_output_fails_nbval(notebook, tmp_path):
    nb = nbformat.read(notebook, as_version=4)
    where = _change_one_digit(nb)
    if not where:
        pytest.skip(f"{notebook.name} stores no decimal number")
    repo = _copy_repo(tmp_path / "repo")
    target = repo / notebook.relative_to(ROOT)
    nbformat.write(nb, target)
    result = _nbval(repo, str(target.relative_to(repo)))
    assert result.returncode == 1, f"changed {where}, yet nbval passed"
    assert "Cell outputs differ" in result.stdout, result.stdout[-3000:]


def _execute(notebook: Path) -> str:
    """Run ``notebook`` in a fresh kernel in its folder; its outputs as JSON text."""
    nb = nbformat.read(notebook, as_version=4)
    NotebookClient(
        nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(notebook.parent)}}
    ).execute()
    outputs = [
        _merge_streams(cell.outputs)
        for cell in nb.cells
        if cell.cell_type == "code" and "nbval-ignore-output" not in cell.metadata.get("tags", [])
    ]
    return json.dumps(outputs, sort_keys=True, ensure_ascii=False)


def _merge_streams(outputs: list) -> list:
    """Join consecutive chunks of one stream: where the kernel splits printed text
    depends on timing, not on the text (nbval and the book merge them too)."""
    merged: list = []
    for output in outputs:
        previous = merged[-1] if merged else None
        if output.get("output_type") == "stream" and previous and previous.get("name") == output.get("name"):
            previous["text"] += output["text"]
        else:
            merged.append(dict(output))
    return merged


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: str(p.relative_to(BOOK)))
def test_two_executions_give_byte_identical_outputs(notebook):
    with ThreadPoolExecutor(max_workers=2) as pool:  # two kernels side by side
        first, second = pool.map(_execute, [notebook, notebook])
    assert first == second
