"""tools/run_notebooks.py (``make outputs``): two runs store byte-identical files, equal to the
committed notebooks, however a kernel cut the printed text into stream chunks.
"""

from __future__ import annotations

import copy
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
BOOK = ROOT / "book"
NOTEBOOKS = sorted(
    p for p in BOOK.rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts and "_build" not in p.parts
)
#: A small chapter whose committed outputs were stored in several stream chunks before the fix.
SMALL = BOOK / "appendix" / "errata.ipynb"

pytest.importorskip("nbclient", reason="make outputs' tools are not installed (.[book])")
import run_notebooks as tool  # noqa: E402


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


def written(nb: nbformat.NotebookNode, path: Path) -> bytes:
    nbformat.write(nb, path)
    return path.read_bytes()


def test_chunks_merge_stdout_first_and_never_across_a_figure():
    figure = nbformat.v4.new_output("display_data", data={"text/plain": "<Figure>"})
    one_timing = [stream("a\n"), stream("w\n", "stderr"), stream("b"), stream("c\n"), figure, stream("d\n")]
    another = [stream("w\n", "stderr"), stream("a\nb"), stream("c\n"), figure, stream("d\n")]
    expected = [stream("a\nbc\n"), stream("w\n", "stderr"), figure, stream("d\n")]
    assert tool.merge_streams(one_timing) == tool.merge_streams(another) == expected


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: str(p.relative_to(BOOK)))
def test_every_committed_notebook_is_stored_as_make_outputs_stores_it(notebook, tmp_path):
    nb = nbformat.read(notebook, as_version=4)
    assert written(tool.normalize(nb), tmp_path / "normalized.ipynb") == notebook.read_bytes(), (
        f"{notebook.relative_to(ROOT)} is not normalized: re-store it with tools/run_notebooks.py"
    )


def test_two_differently_chunked_and_timed_runs_store_the_committed_bytes(tmp_path):
    committed = nbformat.read(SMALL, as_version=4)
    runs = []
    for size in (1, 7):
        nb = copy.deepcopy(committed)
        for cell in nb.cells:
            cell.metadata["ExecuteTime"] = {"end_time": f"run {size}"}
            if cell.cell_type == "code":
                cell.outputs = chunked(cell.outputs, size)
                cell.metadata["execution"] = {"iopub.execute_input": f"run {size}"}
        nb.metadata["language_info"]["version"] = f"3.{size}"
        nb.metadata["widgets"] = {"state": size}
        runs.append(written(tool.normalize(nb), tmp_path / f"run{size}.ipynb"))
    assert runs[0] == runs[1] == SMALL.read_bytes()


class FakeClient:
    """Stands in for nbclient: 'executes' by storing the committed outputs in chunks of 3
    characters, and a new timing in cells tagged nbval-ignore-output."""

    def __init__(self, nb, **kwargs):
        self.nb = nb

    def execute(self):
        for cell in self.nb.cells:
            if tool.IGNORED in cell.metadata.get("tags", []):
                cell.outputs = [stream("k, loop: 9.9\n")]
            elif cell.cell_type == "code":
                cell.outputs = chunked(cell.outputs, 3)


@pytest.mark.parametrize(("stored", "refresh", "fresh"), [(True, False, False), (True, True, True),
                                                          (False, False, True)])
def test_a_timing_cell_keeps_its_stored_outputs_unless_asked_or_it_has_none(stored, refresh, fresh, tmp_path,
                                                                            monkeypatch):
    monkeypatch.setattr(tool, "NotebookClient", FakeClient)
    timing = [stream("k, loop: 2.0\n")] if stored else []
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("print(1)", outputs=[stream("1\n")]),
                nbformat.v4.new_code_cell("print(time())", outputs=timing)]
    nb.cells[1].metadata["tags"] = [tool.IGNORED]
    for i, cell in enumerate(nb.cells):
        cell.id, cell.execution_count = f"cell-{i}", i + 1
    path = tmp_path / "timed.ipynb"
    before = written(tool.normalize(nb), path)
    tool.run(path, refresh_ignored=refresh)
    outputs = [c.outputs for c in nbformat.read(path, as_version=4).cells]
    assert outputs == [[stream("1\n")], [stream("k, loop: 9.9\n")] if fresh else [stream("k, loop: 2.0\n")]]
    assert fresh or path.read_bytes() == before
