"""The wheel test: every chapter, copied alone into an empty folder, passes nbval with nbnp's wheel.

Usage (``make portability`` builds the wheel and the bare venv first)::

    python tools/wheel_test.py --python .venv/portability/bin/python [--workdir DIR] [NOTEBOOK ...]

A reader who downloads one chapter has the notebook and nothing else of the repository. This
runs each chapter of ``_toc.yml`` (or the NOTEBOOKs given) that way: the notebook is copied
into its own empty folder outside the repository, and nbval re-runs it there with the given
Python, a bare virtual environment holding only NumPy, Matplotlib, nbval, ipykernel and the
nbnp wheel (``requirements/notebook.txt``). No repository file is reachable: not the
package's source, not ``_toc.yml``, not the project's pytest options or nbval sanitizer.

Runs as many chapters at once as there are cores. Prints one line per chapter (``pass``, or
``FAIL`` with the first error nbval reported) and
keeps each run's log beside the notebook. Exits 1 if any chapter fails, except those listed in
``KNOWN_FAILURES`` with the reason (reported as ``known``); a listed chapter that passes is an
error too, so that the list is emptied as the chapters are fixed.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from execute_in_parallel import ROOT, toc_notebooks  # noqa: E402 (tools/ is not a package)

ANSI = re.compile(r"\x1b\[[0-9;]*m")
EXCEPTION = re.compile(r"^\w*(?:Error|Exception): .*$", re.MULTILINE)  # the last line of a traceback
MISMATCH = re.compile(r"^.*(?:mismatch|differ).*$", re.MULTILINE | re.IGNORECASE)


# Chapters that cannot run alone yet, and why (found by this test; fix them, then remove them here).
KNOWN_FAILURES: dict[str, str] = {}


def isolated_env() -> dict[str, str]:
    """The caller's environment without anything that could reach the repository or another venv."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV", "JUPYTER"))}
    env["PYTHONNOUSERSITE"] = "1"
    return env


def first_error(log: str) -> str:
    """The reason nbval gave, shortened to one line."""
    log = ANSI.sub("", log)
    for pattern in (EXCEPTION, MISMATCH):
        match = pattern.search(log)
        if match:
            return match.group(0).strip()[:200]
    tail = [line for line in log.splitlines() if line.strip()][-1:] or ["no output"]
    return tail[0][:200]


def run_alone(notebook: Path, python: str, workdir: Path) -> tuple[bool, str]:
    """Copy ``notebook`` alone into ``workdir/<name>/`` and run nbval on it there."""
    folder = workdir / notebook.stem
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    shutil.copy2(notebook, folder / notebook.name)
    command = [python, "-m", "pytest", "--nbval", "--nbval-current-env", "-p", "no:cacheprovider",
               "-q", "--rootdir", str(folder), "-c", os.devnull, notebook.name]
    result = subprocess.run(command, cwd=folder, env=isolated_env(), capture_output=True, text=True)
    log = result.stdout + result.stderr
    (folder / "nbval.log").write_text(log, encoding="utf-8")
    return result.returncode == 0, "" if result.returncode == 0 else first_error(log)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--python", required=True, help="the bare venv's python (nbnp wheel installed)")
    parser.add_argument("--workdir", type=Path, help="where the chapter folders go "
                        "(default: a new temporary folder, removed if every chapter passes)")
    parser.add_argument("notebooks", nargs="*", type=Path, help="default: every notebook of _toc.yml")
    args = parser.parse_args(argv)
    args.python = os.path.abspath(args.python)  # not resolve(): the venv's python is a symlink out of it
    notebooks = [nb.resolve() for nb in args.notebooks] or toc_notebooks()
    workdir = (args.workdir or Path(tempfile.mkdtemp(prefix="nbnp-wheel-test-"))).resolve()
    if workdir == ROOT or ROOT in workdir.parents:
        parser.error(f"--workdir {workdir} is inside the repository: a chapter must run away from it")
    located = subprocess.run([args.python, "-c", "import nbnp; print(nbnp.__file__)"], cwd=workdir.parent,
                             env=isolated_env(), capture_output=True, text=True)
    if located.returncode or "site-packages" not in located.stdout or str(ROOT / "nbnp") in located.stdout:
        print(f"wheel_test: {args.python} must import nbnp from an installed wheel, got: "
              f"{(located.stdout + located.stderr).strip()}", file=sys.stderr)
        return 1
    print(f"wheel_test: nbnp from {located.stdout.strip()}; chapters run in {workdir}")
    passed = failed = known = 0
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:  # one kernel per core
        results = list(pool.map(lambda nb: run_alone(nb, args.python, workdir), notebooks))
    for notebook, (ok, reason) in zip(notebooks, results):
        name = notebook.relative_to(ROOT).as_posix()
        if name in KNOWN_FAILURES and not ok:
            known += 1
            print(f"  known {name}: {reason} ({KNOWN_FAILURES[name]})", flush=True)
        elif name in KNOWN_FAILURES:
            failed += 1
            print(f"  FAIL  {name}: passes now; remove it from KNOWN_FAILURES ({Path(__file__).name})",
                  flush=True)
        else:
            passed += ok
            failed += not ok
            print(f"  {'pass' if ok else 'FAIL'}  {name}" + ("" if ok else f": {reason}"), flush=True)
    print(f"wheel_test: {passed} passed, {failed} failed, {known} known to fail"
          + (f" (logs: {workdir}/<chapter>/nbval.log)" if failed or known else ""))
    if not (failed or known) and args.workdir is None:
        shutil.rmtree(workdir)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
