"""Shared test setup: a non-interactive matplotlib backend, Hypothesis's profiles, a probe book.

``HYPOTHESIS_PROFILE`` chooses the profile; otherwise ``ci`` (derandomized, no example
database) under ``CI=true`` and ``dev`` (ten times the examples, random) elsewhere.
"""

import os
import shutil
from pathlib import Path

import matplotlib
import pytest
from hypothesis import HealthCheck, settings

matplotlib.use("Agg")

_SLOW_DATA = [HealthCheck.too_slow, HealthCheck.data_too_large]
settings.register_profile(
    "ci", max_examples=60, derandomize=True, database=None, deadline=None, suppress_health_check=_SLOW_DATA
)
settings.register_profile("dev", max_examples=600, deadline=None, suppress_health_check=_SLOW_DATA)
_UNDER_CI = os.environ.get("CI") == "true"
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if _UNDER_CI else "dev"))


ROOT = Path(__file__).resolve().parents[1]
NOT_COPIED = shutil.ignore_patterns(".venv", ".git", "_build", "__pycache__", "*.egg-info",
                                    ".ipynb_checkpoints", "book", "tests", "benchmarks", "node_modules")


@pytest.fixture
def probe_book(tmp_path: Path):
    """``probe_book(cells, repository="")``: a copy of the repository whose book is a front page
    and ``book/probe.ipynb`` (those cells), built in seconds as no chapter runs; its path."""
    import nbformat
    import yaml

    def make(cells: list, repository: str = "") -> Path:
        repo = Path(shutil.copytree(ROOT, tmp_path / "repo", ignore=NOT_COPIED))
        (repo / "node_modules").symlink_to(ROOT / "node_modules")  # MathJax, which each build copies
        config = yaml.safe_load((repo / "_config.yml").read_text(encoding="utf-8"))
        del config["sphinx"]["local_extensions"]["pdf_link"]  # the probe's front page has no PDF line
        config["repository"]["url"] = repository
        (repo / "_config.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
        (repo / "_toc.yml").write_text("format: jb-book\nroot: book/intro\nchapters:\n  - file: book/probe\n",
                                       encoding="utf-8")
        (repo / "book").mkdir()
        (repo / "book" / "intro.md").write_text("# Probe\n", encoding="utf-8")
        kernel = {"name": "python3", "display_name": "Python 3", "language": "python"}
        nbformat.write(nbformat.v4.new_notebook(cells=cells, metadata={"kernelspec": kernel}),
                       repo / "book" / "probe.ipynb")
        return repo

    return make
