"""The HTML book never shows outputs that nbnp no longer computes (``_ext/fresh_outputs.py``).

Jupyter Book's execution cache matches a notebook by its code only, and Sphinx reads a page
again only when its source changed: after a change to nbnp alone, ``make book`` used to
publish the old numbers. The slow test changes nbnp in a copy of the repository and builds
the book there, through ``make book`` and through ``jupyter-book build`` alone.
"""

from __future__ import annotations

import html
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
pytest.importorskip("sphinx", reason="the book's tools are not installed (pip install -e '.[book]')")
pytest.importorskip("jupyter_cache", reason="the book's tools are not installed (pip install -e '.[book]')")
sys.path.insert(0, str(ROOT / "_ext"))
import fresh_outputs  # noqa: E402

SKIP_COPY = shutil.ignore_patterns(
    ".venv", ".git", "_build", "mutants", "__pycache__", "*.egg-info", ".ipynb_checkpoints", ".pytest_cache"
)


def _twelve_digits(line: str) -> bool:
    """Whether ``line`` shows a number at 12 significant digits (nbnp.fmt), as seeded runs print them."""
    return any(len(number.replace(".", "").lstrip("0")) == 12 for number in re.findall(r"\d+\.\d+", line))


# --- the fingerprint and the cache ------------------------------------------------------------


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_the_fingerprint_follows_every_file_of_the_package_and_nothing_else(tmp_path):
    package = tmp_path / "nbnp"
    write(package / "__init__.py", "from nbnp.fmt import SIG\n")
    write(package / "fmt.py", "SIG = 12\n")
    first = fresh_outputs.fingerprint([package])
    assert first == fresh_outputs.fingerprint([package]) and re.fullmatch(r"[0-9a-f]{64}", first)
    write(package / "__pycache__" / "fmt.cpython-311.pyc", "compiled")
    assert fresh_outputs.fingerprint([package]) == first, "compiled caches do not count"
    write(package / "fmt.py", "SIG = 11\n")
    changed = fresh_outputs.fingerprint([package])
    write(package / "fmt.py", "SIG = 12\n")
    assert changed != first and fresh_outputs.fingerprint([package]) == first
    write(package / "sub" / "data.json", "[1]")
    assert fresh_outputs.fingerprint([package]) != first, "a new file, in a subpackage too"
    (package / "sub" / "data.json").rename(package / "sub" / "other.json")
    assert len({first, fresh_outputs.fingerprint([package])}) == 2


def test_the_fingerprint_of_nbnp_is_that_of_its_folder():
    import nbnp

    assert fresh_outputs.nbnp_fingerprint() == fresh_outputs.fingerprint([Path(nbnp.__file__).parent])


def test_cached_executions_are_dropped_when_the_fingerprint_changes(tmp_path):
    from jupyter_cache import get_cache

    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("print(1)", execution_count=1)])
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    path = tmp_path / "nb.ipynb"
    nbformat.write(notebook, path)
    cache_path = tmp_path / ".jupyter_cache"

    assert fresh_outputs.drop_stale_executions(cache_path, "a") == 0, "a new cache: nothing to drop"
    get_cache(str(cache_path)).cache_notebook_file(str(path), check_validity=False)
    assert fresh_outputs.drop_stale_executions(cache_path, "a") is None
    assert len(get_cache(str(cache_path)).list_cache_records()) == 1, "same fingerprint: kept"
    assert fresh_outputs.drop_stale_executions(cache_path, "b") == 1
    assert get_cache(str(cache_path)).list_cache_records() == []
    assert (cache_path / fresh_outputs.FINGERPRINT_FILE).read_text(encoding="utf-8") == "b\n"


# --- the whole build, in a copy of the repository ---------------------------------------------


def _page_text(repo: Path, notebook: Path) -> str:
    page = repo / "_build" / "html" / notebook.relative_to(repo).with_suffix(".html")
    return html.unescape(re.sub(r"<[^>]+>", "", page.read_text(encoding="utf-8")))


def _printed_lines(notebook: Path) -> list[str]:
    """Every line that the notebook's code cells print (stdout), in order; timings left out."""
    cells = [
        cell
        for cell in nbformat.read(notebook, as_version=4).cells
        if cell.cell_type == "code" and "nbval-ignore-output" not in cell.metadata.get("tags", [])
    ]
    texts = [o["text"] for c in cells for o in c.outputs if o.get("name") == "stdout"]
    return [line.strip() for text in texts for line in text.splitlines() if line.strip()]


def _seeded_notebook(repo: Path) -> Path:
    """The first notebook of the book that prints numbers at 12 significant digits."""
    for notebook in sorted((repo / "book").rglob("*.ipynb")):
        if any(_twelve_digits(line) for line in _printed_lines(notebook)):
            return notebook
    raise AssertionError("no notebook prints a number at 12 significant digits")


def _run(command: list[str], repo: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(repo)}  # the copy's nbnp, in the kernels too
    result = subprocess.run(command, cwd=repo, env=env, capture_output=True, text=True, timeout=1200)
    assert result.returncode == 0, (result.stdout + result.stderr)[-4000:]


def _change_sig(repo: Path, old: int, new: int) -> None:
    fmt = repo / "nbnp" / "fmt.py"
    text = fmt.read_text(encoding="utf-8")
    assert f"\nSIG = {old}\n" in text
    fmt.write_text(text.replace(f"\nSIG = {old}\n", f"\nSIG = {new}\n"), encoding="utf-8")


def _fresh_lines(repo: Path, notebook: Path) -> list[str]:
    """What ``notebook`` prints now, with the copy's nbnp (tools/run_notebooks.py on a copy)."""
    fresh = notebook.with_name("fresh_run.ipynb")
    shutil.copy(notebook, fresh)
    _run([sys.executable, "tools/run_notebooks.py", str(fresh)], repo)
    lines = _printed_lines(fresh)
    fresh.unlink()
    return lines


@pytest.mark.slow
def test_a_change_to_nbnp_reaches_the_html_through_make_book_and_jupyter_book(tmp_path):
    repo = Path(shutil.copytree(ROOT, tmp_path / "repo", ignore=SKIP_COPY))
    stamp = tmp_path / "venv-installed"  # make must not install the copy into this venv
    stamp.touch()
    venv = Path(sys.executable).parent.parent
    make_book = ["make", "book", f"VENV={venv}", f"STAMP={stamp}", "PYTHON=false"]
    # the build step alone, as make runs it after tools/execute_in_parallel.py
    build_step = [str(venv / "bin" / "jupyter-book"), "build", ".", "-W", "-n", "--keep-going"]
    notebook = _seeded_notebook(repo)
    committed = _printed_lines(notebook)

    _run(make_book, repo)
    page = _page_text(repo, notebook)
    assert all(line in page for line in committed), "the first build must show the stored outputs"

    for old, new, build in [(12, 11, make_book), (11, 10, build_step)]:
        _change_sig(repo, old, new)
        _run(build, repo)
        page = _page_text(repo, notebook)
        fresh = _fresh_lines(repo, notebook)
        stale = [line for line in committed if line not in fresh]
        assert stale, f"SIG = {new} must change what {notebook.name} prints"
        assert [line for line in fresh if line not in page] == [], f"SIG = {new}: page misses fresh lines"
        assert [line for line in stale if line in page] == [], f"SIG = {new}: page shows stale lines"
        committed = fresh
