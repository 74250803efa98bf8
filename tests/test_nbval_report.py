"""nbval failures name the notebook and the cell and show each changed line whole
(tools/nbval_report.py, hooked in by the root conftest.py), and a notebook passes even when
Matplotlib's configuration folder is unusable (tools/mplconfig.py)."""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
BOOK = ROOT / "book"
SKIP_COPY = shutil.ignore_patterns(
    ".venv", ".git", "_build", "mutants", "__pycache__", "*.egg-info", ".ipynb_checkpoints", ".pytest_cache"
)


def load_tool(name: str) -> Any:
    spec = importlib.util.spec_from_file_location(name, ROOT / "tools" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


report = load_tool("nbval_report")


def stream(text: str, name: str = "stdout") -> dict:
    return {"output_type": "stream", "name": name, "text": text}


COSTS = "".join(f"Cost at epoch#{100 * i}: 0.00{i}1830548865\n" for i in range(10))
SKIP = ("metadata", "output_type", "execution_count", "image/png")


# --- the report itself -------------------------------------------------------------------------


def test_a_changed_digit_shows_the_whole_line_its_number_and_its_neighbours():
    changed = COSTS.replace("epoch#500: 0.0051830548865", "epoch#500: 0.0051830548866")
    lines = report.describe_difference([stream(COSTS)], [stream(changed)], SKIP)
    assert lines == [
        "stdout differs (- stored in the notebook, + printed by this run):",
        "  stored line 5-7 of 10:",
        "      Cost at epoch#400: 0.0041830548865",
        "    - Cost at epoch#500: 0.0051830548865",
        "    + Cost at epoch#500: 0.0051830548866",
        "      Cost at epoch#600: 0.0061830548865",
    ]


def test_a_long_line_is_never_cut():
    long_line = "x" * 3000 + " 1"
    lines = report.describe_difference([stream(long_line + "\n")], [stream(long_line[:-1] + "2\n")], SKIP)
    assert f"    - {long_line}" in lines and f"    + {long_line[:-1]}2" in lines


def test_an_output_on_one_side_only_is_printed_in_full():
    warning = "Matplotlib created a temporary cache directory at /tmp/x\nbecause /nope is not writable\n"
    lines = report.describe_difference([stream("ok\n")], [stream("ok\n"), stream(warning, "stderr")], SKIP)
    assert lines == [
        "stderr: printed by this run, not stored in the notebook:",
        "    Matplotlib created a temporary cache directory at /tmp/x",
        "    because /nope is not writable",
    ]
    lines = report.describe_difference([stream("ok\n"), stream("w\n", "stderr")], [stream("ok\n")], SKIP)
    assert lines == ["stderr: stored in the notebook, not printed by this run:", "    w"]


def test_displayed_data_is_compared_by_mime_type_and_skipped_fields_are_left_out():
    def shown(text: str, png: str) -> dict:
        data = {"text/plain": text, "image/png": png}
        return {"output_type": "execute_result", "data": data, "metadata": {"w": 1}, "execution_count": 3}

    same_text = report.describe_difference([shown("a", "AAAA")], [shown("a", "BBBB")], SKIP)
    assert same_text == []
    lines = report.describe_difference([shown("a", "AAAA")], [shown("b", "AAAA")], SKIP)
    assert lines == [
        "text/plain differs (- stored in the notebook, + printed by this run):",
        "  stored line 1 of 1:",
        "    - a",
        "    + b",
    ]
    images = report.describe_difference([shown("a", "AAAA")], [shown("a", "BBBBBB")], ("metadata",))
    assert images == [
        "image/png differs:",
        "    - <4 characters of image/png data>",
        "    + <6 characters of image/png data>",
    ]


def test_several_outputs_of_one_field_are_numbered():
    figure = {"output_type": "display_data", "data": {"text/plain": "<Figure>"}, "metadata": {}}
    stored = [stream("a\n"), figure, {**figure, "data": {"text/plain": "<Figure 2>"}}]
    fresh = [stream("a\n"), figure, {**figure, "data": {"text/plain": "<Figure 3>"}}]
    lines = report.describe_difference(stored, fresh, SKIP)
    assert lines[0] == "text/plain (output 2) differs (- stored in the notebook, + printed by this run):"
    assert lines[-2:] == ["    - <Figure 2>", "    + <Figure 3>"]


def test_the_sanitizer_applies_to_both_sides():
    def sanitize(value: object) -> object:
        return re.sub(r"0x[0-9a-f]+", "ADDRESS", value) if isinstance(value, str) else value

    assert report.describe_difference([stream("at 0x1f\n")], [stream("at 0x2e\n")], SKIP, sanitize) == []


def test_only_a_missing_final_newline():
    lines = report.describe_difference([stream("a\n")], [stream("a")], SKIP)
    assert lines[1] == "  the text ends differently: stored '\\n', now 'a'"


def test_the_failure_names_the_notebook_and_the_cell_and_shows_its_code():
    cell = {"source": "print(cost)\nprint(2)", "execution_count": 7}
    text = report.failure_text("book/x.ipynb", 6, cell, [stream("1\n")], [stream("2\n")], skip=SKIP)
    assert text.splitlines()[:4] == [
        "Cell outputs differ: book/x.ipynb, code cell 6 (the test id's 'Cell 6', stored as In [7])",
        "Its code:",
        "    print(cost)",
        "    print(2)",
    ]
    assert text.endswith("    - 1\n    + 2")
    unrun = report.failure_text("book/x.ipynb", 0, {"source": ""}, [], [], skip=SKIP)
    assert unrun.splitlines()[0].endswith("code cell 0 (the test id's 'Cell 0')")
    assert unrun.splitlines()[-1] == "(no compared field differs)"


# --- through pytest and nbval, in a copy of the repository -------------------------------------


@pytest.fixture(scope="module")
def repo(tmp_path_factory) -> Path:
    return Path(shutil.copytree(ROOT, tmp_path_factory.mktemp("nbval") / "repo", ignore=SKIP_COPY))


def _nbval(repo: Path, notebook: Path, **env: str) -> subprocess.CompletedProcess:
    """nbval over ``notebook`` in ``repo``, with the copy's nbnp; ``MPLBACKEND=Agg`` as many test
    setups have it (the root conftest.py must keep it from the kernels)."""
    command = [sys.executable, "-m", "pytest", "-v", "-p", "no:randomly", str(notebook.relative_to(repo))]
    environment = {**os.environ, "PYTHONPATH": str(repo), "MPLBACKEND": "Agg", **env}
    return subprocess.run(command, cwd=repo, env=environment, capture_output=True, text=True, timeout=600)


def _change_last_digit_of_a_middle_line(nb: nbformat.NotebookNode) -> tuple[int, str, str] | None:
    """In the first stdout of three lines or more whose second line ends in a digit, change
    that digit; return (code cell number, stored line, changed line)."""
    code_cells = [c for c in nb.cells if c.cell_type == "code"]
    for number, cell in enumerate(code_cells):
        if "nbval-ignore-output" in cell.metadata.get("tags", []):
            continue
        for output in cell.outputs:
            lines = output.get("text", "").split("\n") if output.get("name") == "stdout" else []
            if len(lines) > 3 and lines[1][-1:].isdigit():
                changed = lines[1][:-1] + str((int(lines[1][-1]) + 1) % 10)
                output["text"] = "\n".join([lines[0], changed, *lines[2:]])
                return number, changed, lines[1]
    return None


@pytest.mark.slow
def test_a_changed_stored_digit_fails_with_the_cell_and_the_whole_line(repo):
    for notebook in sorted(BOOK.rglob("*.ipynb")):
        nb = nbformat.read(notebook, as_version=4)
        found = _change_last_digit_of_a_middle_line(nb)
        if found:
            break
    assert found, "no notebook prints three lines or more ending in a digit"
    number, stored, fresh = found
    target = repo / notebook.relative_to(ROOT)
    nbformat.write(nb, target)
    try:
        result = _nbval(repo, target)
    finally:
        shutil.copy(notebook, target)
    name = str(notebook.relative_to(ROOT))
    assert result.returncode == 1, result.stdout[-3000:]
    assert f"Cell outputs differ: {name}, code cell {number} (the test id's 'Cell {number}'" in result.stdout
    assert f"    - {stored}\n    + {fresh}\n" in result.stdout, result.stdout[-3000:]
    assert "Skipping" not in result.stdout


@pytest.mark.slow
def test_an_unexpected_stderr_output_is_shown(repo):
    notebook = BOOK / "how_numbers_are_verified.ipynb"
    nb = nbformat.read(notebook, as_version=4)
    first_code = next(c for c in nb.cells if c.cell_type == "code")
    first_code.source += '\nimport sys\nprint("a warning nobody stored", file=sys.stderr)'
    target = repo / notebook.relative_to(ROOT)
    nbformat.write(nb, target)
    try:
        result = _nbval(repo, target)
    finally:
        shutil.copy(notebook, target)
    assert result.returncode == 1, result.stdout[-3000:]
    expected = "stderr: printed by this run, not stored in the notebook:\n    a warning nobody stored\n"
    assert expected in result.stdout, result.stdout[-3000:]


@pytest.mark.slow
def test_an_unusable_matplotlib_config_folder_is_replaced(repo, tmp_path):
    not_a_folder = tmp_path / "mplconfig"
    not_a_folder.write_text("a file, not a folder", encoding="utf-8")
    notebook = repo / "book" / "part1" / "02_bias.ipynb"
    result = _nbval(repo, notebook, MPLCONFIGDIR=str(not_a_folder))
    assert result.returncode == 0, result.stdout[-3000:]


def test_mplbackend_is_kept_from_the_kernels(monkeypatch):
    mplconfig = load_tool("mplconfig")
    monkeypatch.setenv("MPLBACKEND", "Agg")
    mplconfig.use_inline_backend()
    assert "MPLBACKEND" not in os.environ


def test_the_matplotlib_config_folder_is_writable_and_has_a_font_cache():
    folder = Path(os.environ["MPLCONFIGDIR"])
    assert folder.is_dir() and os.access(folder, os.W_OK)
    assert list(folder.glob("fontlist-*.json"))


@pytest.mark.slow
def test_a_usable_config_folder_is_kept_and_an_unusable_one_gives_way_to_the_default(tmp_path, monkeypatch):
    mplconfig = load_tool("mplconfig")
    usable = os.environ["MPLCONFIGDIR"]
    assert mplconfig.use_writable_mplconfig(tmp_path / "default") == Path(usable)
    assert not (tmp_path / "default").exists()
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("", encoding="utf-8")
    monkeypatch.setenv("MPLCONFIGDIR", str(not_a_folder))
    assert mplconfig.use_writable_mplconfig(tmp_path / "default") == tmp_path / "default"
    assert os.environ["MPLCONFIGDIR"] == str(tmp_path / "default")
    assert list((tmp_path / "default").glob("fontlist-*.json")), "the font cache must be built there"
