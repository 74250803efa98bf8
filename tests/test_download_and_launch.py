"""What a reader gets from the HTML book to run a chapter: the download and the launch buttons.

* ``_ext/download_bootstrap.py``: the build puts nbnp's wheel beside the pages, and the chapters
  offered for download install it from ``make book BOOK_URL=...``'s address (only those copies).
* ``_ext/book_html.py``: launch (Binder, Colab) and repository buttons exactly when
  ``repository.url`` is set; the slow test builds a probe book with an example URL.

The whole path (serve, download, run offline in a bare venv) is ``make portability``'s.
"""

from __future__ import annotations

import html
import os
import re
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
pytest.importorskip("jupyter_cache", reason="the book's tools are not installed (pip install -e '.[book]')")
import download_bootstrap  # noqa: E402

WHEEL = "nbnp-0.1.0-py3-none-any.whl"
REPOSITORY = "https://github.com/example-org/nbnp-book"


def _chapter(first: str) -> nbformat.NotebookNode:
    kernelspec = {"name": "python3", "display_name": "Python 3", "language": "python"}
    notebook = nbformat.v4.new_notebook(metadata={"kernelspec": kernelspec})
    cell = nbformat.v4.new_code_cell(first, metadata={"tags": ["remove-cell", "nbnp-bootstrap"]})
    cell["id"] = "nbnp-bootstrap"
    notebook.cells = [cell, nbformat.v4.new_markdown_cell("# Probe"), nbformat.v4.new_code_cell("print(1)")]
    return notebook


def _site(tmp_path: Path, repository: str = "") -> SimpleNamespace:
    (tmp_path / "_config.yml").write_text(f"repository:\n  url: '{repository}'\n", encoding="utf-8")
    (tmp_path / "tools").symlink_to(ROOT / "tools")
    sources = tmp_path / "html" / "_sources" / "book"
    sources.mkdir(parents=True)
    nbformat.write(_chapter("import nbnp"), sources / "probe.ipynb")
    return SimpleNamespace(srcdir=str(tmp_path), outdir=str(tmp_path / "html"),
                           builder=SimpleNamespace(format="html"))


def _first_cell(app: SimpleNamespace) -> str:
    return nbformat.read(Path(app.outdir) / "_sources" / "book" / "probe.ipynb", as_version=4).cells[0].source


def test_downloads_install_from_book_url_and_go_back_without_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = _site(tmp_path)
    wheel = tmp_path / "_build" / "wheel" / "dist" / WHEEL
    wheel.parent.mkdir(parents=True)
    wheel.write_bytes(b"PK the wheel")
    monkeypatch.setenv(download_bootstrap.ENV_VAR, "http://127.0.0.1:8123/")
    download_bootstrap.on_build_finished(app, None)
    assert (Path(app.outdir) / WHEEL).read_bytes() == b"PK the wheel"
    assert f'%pip install --quiet "http://127.0.0.1:8123/{WHEEL}"' in _first_cell(app)

    monkeypatch.delenv(download_bootstrap.ENV_VAR)
    download_bootstrap.on_build_finished(app, None)
    assert "%pip" not in _first_cell(app) and "pip install ." in _first_cell(app), "no stale address"


def test_a_book_url_without_a_wheel_stops_the_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    app = _site(tmp_path)
    monkeypatch.setenv(download_bootstrap.ENV_VAR, "https://org.example/book")
    with pytest.raises(Exception, match="no wheel"):
        download_bootstrap.on_build_finished(app, None)


def test_without_a_repository_url_there_is_no_launch_or_repository_button() -> None:
    import book_html

    launch = {"binderhub_url": "https://binder.example", "colab_url": "https://colab.example"}
    config = SimpleNamespace(html_theme_options={"repository_url": "", "launch_buttons": launch})
    book_html.reader_buttons(None, config)
    options = config.html_theme_options
    assert "launch_buttons" not in options and not options["use_repository_button"]
    assert not options["use_issues_button"]


@pytest.mark.slow
def test_a_repository_url_brings_binder_and_colab_buttons(probe_book) -> None:
    repo = probe_book(_chapter("import nbnp").cells, repository=REPOSITORY)
    env = {k: v for k, v in os.environ.items() if k != download_bootstrap.ENV_VAR}
    command = [str(Path(sys.executable).parent / "jupyter-book"), "build", ".", "-W", "-n", "--keep-going"]
    result = subprocess.run(command, cwd=repo, env=env, capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, (result.stdout + result.stderr)[-4000:]
    page = (repo / "_build" / "html" / "book" / "probe.html").read_text(encoding="utf-8")
    links = {html.unescape(link) for link in re.findall(r'href="([^"]+)"', page)}
    binder = "https://mybinder.org/v2/gh/example-org/nbnp-book/main?urlpath=lab/tree/book/probe.ipynb"
    colab = "https://colab.research.google.com/github/example-org/nbnp-book/blob/main/book/probe.ipynb"
    assert binder in links, sorted(link for link in links if "binder" in link)
    assert colab in links, sorted(link for link in links if "colab" in link)
    assert REPOSITORY in links, "the repository button"
    assert any(link.startswith(f"{REPOSITORY}/issues/new") for link in links), "the issues button"
