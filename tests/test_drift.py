"""Proof that the regression net catches drift.

1. Changing nbnp's math by one part in a million, in a temporary copy of the
   repository, makes the nbval run over ``book/`` fail (and the unchanged copy passes).
2. Changing one digit of one stored output makes nbval fail, for one notebook of
   every folder of ``book/``.
3. ``make outputs`` run twice on every notebook stores byte-identical files, equal to the
   committed notebook.

These run notebooks in subprocesses and kernels, so they are marked ``slow``;
CI runs them (``make test``), mutation testing leaves them out.
"""

from __future__ import annotations

import importlib.util
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
    env = {**os.environ, "PYTHONPATH": str(repo)}
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
    only_that_cell = re.search(r"\b1 failed\b", result.stdout)
    assert only_that_cell, "only the changed cell may fail:\n" + result.stdout[-3000:]


def _load_run_notebooks():
    spec = importlib.util.spec_from_file_location("run_notebooks", ROOT / "tools" / "run_notebooks.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _without_png(data: bytes) -> dict:
    """A stored notebook with its PNG payloads left out: their bytes follow the Matplotlib and
    FreeType versions, and nbval does not compare them (CONTRIBUTING, exactness policy)."""
    nb = json.loads(data)
    for cell in nb["cells"]:
        for output in cell.get("outputs", []):
            if "image/png" in output.get("data", {}):
                output["data"]["image/png"] = "<png>"
    return nb


@pytest.fixture(scope="module")
def book_copy(tmp_path_factory) -> Path:
    return _copy_repo(tmp_path_factory.mktemp("outputs") / "repo")


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: str(p.relative_to(BOOK)))
def test_make_outputs_twice_stores_byte_identical_files_equal_to_the_committed_one(notebook, book_copy):
    """``make outputs`` (tools/run_notebooks.py) run twice, side by side in two kernels, on copies
    of the notebook in its own folder: the two files are byte-identical, and equal to the
    committed notebook (PNG payloads aside)."""
    run_notebooks = _load_run_notebooks()
    target = book_copy / notebook.relative_to(ROOT)
    copies = [target.with_name(f"{target.stem}.run{i}.ipynb") for i in (1, 2)]
    for path in copies:
        shutil.copy(notebook, path)
    with ThreadPoolExecutor(max_workers=2) as pool:
        list(pool.map(run_notebooks.run, copies))
    first, second = (path.read_bytes() for path in copies)
    assert first == second, f"two runs of make outputs stored different files for {notebook.name}"
    assert _without_png(first) == _without_png(notebook.read_bytes()), (
        f"make outputs changes {notebook.relative_to(ROOT)}: re-store it with tools/run_notebooks.py"
    )
