"""Execute notebooks in place and store their outputs (``make outputs``).

Usage: ``python tools/run_notebooks.py [--refresh-ignored] [PATH ...]`` where
each PATH is a notebook or a folder searched recursively (default ``book``).
Each notebook runs in its own folder with a fresh kernel, exactly as nbval
will rerun it.

Two runs write byte-identical files:

* what is stored is normalized (:func:`normalize`): where a kernel cuts printed
  text into stream chunks depends on timing, so consecutive chunks are merged
  (stdout as one output); execution timestamps and other volatile metadata are
  dropped;
* a cell tagged ``nbval-ignore-output`` prints something no two runs repeat (a
  timing), so it keeps its stored outputs; ``--refresh-ignored`` stores fresh
  ones (a cell without stored outputs always gets them).
"""

from __future__ import annotations

import argparse
import copy
import os
import sys
from pathlib import Path

import nbformat
from nbclient import NotebookClient

#: Cell metadata that records when or how long a cell ran (nbclient, JupyterLab extensions).
VOLATILE_CELL_METADATA = ("execution", "ExecuteTime")
#: Stream names in the order they are stored when both follow one another (stdout first,
#: as Jupyter Book shows them): which of the two the kernel sends first is timing too.
STREAM_ORDER = ("stdout", "stderr")
#: The tag of cells whose output nbval does not compare (timings).
IGNORED = "nbval-ignore-output"


def notebooks(paths: list[str]) -> list[Path]:
    """The notebooks at ``paths`` (files, or folders searched recursively), checkpoints left out."""
    found: list[Path] = []
    for path in map(Path, paths or ["book"]):
        found += sorted(path.rglob("*.ipynb")) if path.is_dir() else [path]
    return [nb for nb in found if ".ipynb_checkpoints" not in nb.parts and "_build" not in nb.parts]


def merge_streams(outputs: list[dict]) -> list[dict]:
    """Merge each run of consecutive stream outputs into one output per stream name.

    Parameters
    ----------
    outputs : list of dict
        A code cell's outputs, as nbclient stores them.

    Returns
    -------
    list of dict
        The same outputs, where every run of stream outputs with nothing else between them
        is one ``stdout`` output and/or one ``stderr`` output (in that order), each holding
        its chunks' text joined in the order printed. Other outputs keep their place.
    """
    merged: list[dict] = []
    run: dict[str, dict] = {}  # the current run of streams, by name
    for output in outputs:
        if output["output_type"] != "stream":
            merged += [run[name] for name in sorted(run, key=_stream_rank)] + [output]
            run = {}
        elif output["name"] in run:
            run[output["name"]]["text"] += output["text"]
        else:
            run[output["name"]] = nbformat.from_dict({**output, "text": output["text"]})
    return merged + [run[name] for name in sorted(run, key=_stream_rank)]


def _stream_rank(name: str) -> tuple[int, str]:
    return (STREAM_ORDER.index(name) if name in STREAM_ORDER else len(STREAM_ORDER), name)


def normalize(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Make an executed notebook independent of timing and of the machine, in place.

    Merges stream chunks (:func:`merge_streams`) and drops execution timestamps
    (:data:`VOLATILE_CELL_METADATA`), widget state and the Python version in
    ``language_info`` (the version of whoever ran it last, not part of the book).
    """
    for cell in nb.cells:
        for key in VOLATILE_CELL_METADATA:
            cell.metadata.pop(key, None)
        if cell.cell_type == "code":
            cell.outputs = merge_streams(cell.outputs)
    nb.metadata.pop("widgets", None)
    nb.metadata.get("language_info", {}).pop("version", None)
    return nb


def run(path: Path, refresh_ignored: bool = False) -> None:
    """Execute the notebook at ``path`` in a fresh kernel in its folder; store it normalized.

    Cells tagged :data:`IGNORED` keep their stored outputs unless ``refresh_ignored``.
    """
    nb = nbformat.read(path, as_version=4)
    kept = {
        index: copy.deepcopy(cell.outputs)
        for index, cell in enumerate(nb.cells)
        if IGNORED in cell.metadata.get("tags", []) and cell.get("outputs") and not refresh_ignored
    }
    NotebookClient(
        nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}
    ).execute()
    for index, outputs in kept.items():
        nb.cells[index].outputs = outputs
    nbformat.write(normalize(nb), path)


def main(argv: list[str]) -> int:
    from mplconfig import use_inline_backend, use_writable_mplconfig  # tools/, beside this script

    parser = argparse.ArgumentParser(description="Execute notebooks in place and store their outputs.")
    parser.add_argument("--refresh-ignored", action="store_true", help=f"re-store cells tagged {IGNORED}")
    parser.add_argument("paths", nargs="*", help="notebooks or folders (default: book)")
    args = parser.parse_args(argv)
    use_writable_mplconfig()
    use_inline_backend()
    os.environ["NBNP_STRICT"] = "1"  # a disagreement with the article is never stored
    for nb_path in notebooks(args.paths):
        print(f"executing {nb_path}", flush=True)
        run(nb_path, args.refresh_ignored)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
