"""tools/run_notebooks.py (``make outputs``): two runs store byte-identical files, equal to the
committed notebooks.

Where a kernel cuts printed text into stream chunks depends on timing; the stored file must
not. These tests feed the tool differently chunked outputs; tests/test_drift.py compares the
book build's one real execution of every chapter with the committed notebooks.
"""

from __future__ import annotations

import copy
import importlib.util
from pathlib import Path
from typing import Any

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
BOOK = ROOT / "book"
NOTEBOOKS = sorted(
    p for p in BOOK.rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts and "_build" not in p.parts
)
#: A small chapter whose committed outputs were stored in several stream chunks before the fix.
SMALL = BOOK / "appendix" / "errata.ipynb"
#: A chapter with cells tagged nbval-ignore-output (timings).


def load_tool() -> Any:
    spec = importlib.util.spec_from_file_location("run_notebooks", ROOT / "tools" / "run_notebooks.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


pytest.importorskip("nbclient", reason="make outputs' tools are not installed (.[book])")
tool = load_tool()


def stream(text: str, name: str = "stdout") -> dict:
    return nbformat.from_dict({"output_type": "stream", "name": name, "text": text})


def chunked(outputs: list, size: int) -> list:
    """``outputs`` with every stream cut into chunks of ``size`` characters, as a kernel may send them."""
    result = []
    for output in outputs:
        if output["output_type"] == "stream":
            text = output["text"]
            result += [stream(text[i : i + size], output["name"]) for i in range(0, len(text), size)]
        else:
            result.append(copy.deepcopy(output))
    return result


def written(nb: nbformat.NotebookNode, tmp_path: Path, name: str) -> bytes:
    path = tmp_path / name
    nbformat.write(nb, path)
    return path.read_bytes()


def test_consecutive_chunks_of_one_stream_become_one_output():
    figure = nbformat.v4.new_output("display_data", data={"text/plain": "<Figure>"})
    outputs = [stream("Cost at epoch#0: 0.2\nCost at"), stream(" epoch#100: 0.1\n"), figure, stream("done\n")]
    assert tool.merge_streams(outputs) == [
        stream("Cost at epoch#0: 0.2\nCost at epoch#100: 0.1\n"),
        figure,
        stream("done\n"),
    ]
    assert outputs[0]["text"] == "Cost at epoch#0: 0.2\nCost at", "the input must not change"


def test_stdout_and_stderr_interleaved_by_timing_are_stored_stdout_first():
    one_timing = [stream("a\n"), stream("w\n", "stderr"), stream("b\n")]
    another = [stream("w\n", "stderr"), stream("a\n"), stream("b\n")]
    expected = [stream("a\nb\n"), stream("w\n", "stderr")]
    assert tool.merge_streams(one_timing) == tool.merge_streams(another) == expected
    assert tool.merge_streams([]) == []


def test_normalize_drops_timestamps_widgets_and_the_python_version():
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("print(1)"), nbformat.v4.new_markdown_cell("text")]
    timestamps = {"execution": {"iopub.status.busy": "2026-01-01"}, "ExecuteTime": {}}
    nb.cells[0].metadata.update({**timestamps, "tags": ["x"]})
    nb.cells[1].metadata["ExecuteTime"] = {}
    nb.metadata.update({"widgets": {}, "language_info": {"name": "python", "version": "3.11.7"}})
    tool.normalize(nb)
    assert nb.cells[0].metadata == {"tags": ["x"]} and nb.cells[1].metadata == {}
    assert nb.metadata == {"language_info": {"name": "python"}}


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: str(p.relative_to(BOOK)))
def test_every_committed_notebook_is_stored_as_make_outputs_stores_it(notebook, tmp_path):
    nb = nbformat.read(notebook, as_version=4)
    assert written(tool.normalize(nb), tmp_path, "normalized.ipynb") == notebook.read_bytes(), (
        f"{notebook.relative_to(ROOT)} is not normalized: re-store it with tools/run_notebooks.py"
    )


def test_two_differently_chunked_runs_store_the_committed_bytes(tmp_path):
    committed = nbformat.read(SMALL, as_version=4)
    runs = []
    for size in (1, 7):
        nb = copy.deepcopy(committed)
        for cell in nb.cells:
            if cell.cell_type == "code":
                cell.outputs = chunked(cell.outputs, size)
                cell.metadata["execution"] = {"iopub.execute_input": f"run {size}"}
        nb.metadata["language_info"]["version"] = f"3.{size}"
        runs.append(written(tool.normalize(nb), tmp_path, f"run{size}.ipynb"))
    assert runs[0] == runs[1] == SMALL.read_bytes()


class FakeClient:
    """Stands in for nbclient: 'executes' by storing the committed outputs in chunks of 3
    characters, and a new timing in cells tagged nbval-ignore-output."""

    def __init__(self, nb, **kwargs):
        self.nb = nb

    def execute(self):
        for cell in self.nb.cells:
            if cell.cell_type != "code":
                continue
            if tool.IGNORED in cell.metadata.get("tags", []):
                cell.outputs = [stream("growth exponent k, loop: 9.9\n")]
            else:
                cell.outputs = chunked(cell.outputs, 3)


def _timed_notebook(path: Path) -> bytes:
    """A small notebook with one timing cell (tagged nbval-ignore-output) and its stored timing."""
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("print(1)", outputs=[stream("1\n")]),
                nbformat.v4.new_code_cell("print(time())", outputs=[stream("k, loop: 2.0\n")])]
    nb.cells[1].metadata["tags"] = [tool.IGNORED]
    for i, cell in enumerate(nb.cells):
        cell.id, cell.execution_count = f"cell-{i}", i + 1
    nbformat.write(tool.normalize(nb), path)
    return path.read_bytes()


@pytest.mark.parametrize("refresh", [False, True])
def test_run_keeps_the_stored_outputs_of_timing_cells_unless_asked(refresh, tmp_path, monkeypatch):
    monkeypatch.setattr(tool, "NotebookClient", FakeClient)
    copy_path = tmp_path / "timed.ipynb"
    stored = _timed_notebook(copy_path)
    tool.run(copy_path, refresh_ignored=refresh)
    if not refresh:
        assert copy_path.read_bytes() == stored
    else:
        nb = nbformat.read(copy_path, as_version=4)
        timed = [c for c in nb.cells if tool.IGNORED in c.metadata.get("tags", [])]
        assert timed and all(c.outputs == [stream("growth exponent k, loop: 9.9\n")] for c in timed)


def test_a_timing_cell_without_stored_outputs_gets_fresh_ones(tmp_path, monkeypatch):
    monkeypatch.setattr(tool, "NotebookClient", FakeClient)
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("time_it()", metadata={"tags": [tool.IGNORED]})]
    path = tmp_path / "timing.ipynb"
    nbformat.write(nb, path)
    tool.run(path)
    assert nbformat.read(path, as_version=4).cells[0].outputs == [stream("growth exponent k, loop: 9.9\n")]
