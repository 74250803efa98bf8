"""The download-and-run test: each chapter, downloaded from the served book, runs in a bare venv.

Usage (``make portability`` prepares everything first)::

    python tools/download_test.py --free-port            # print a free port on 127.0.0.1
    python tools/download_test.py --port PORT --python PYTHON --uv UV --driver DRIVER_PYTHON \\
        --wheelhouse DIR [--workdir DIR] [NOTEBOOK ...]

The book must have been built with ``make book BOOK_URL=http://127.0.0.1:PORT``. This serves
``_build/html`` there (127.0.0.1 only) and, for every chapter of ``_toc.yml`` (or the NOTEBOOKs
given), does what a reader does:

1. opens the chapter's page and downloads the ``.ipynb`` its download button links;
2. in an empty folder outside the repository, makes a bare venv with ``PYTHON`` (``uv venv
   --seed``: pip, then ``requirements/bare.txt``: ipykernel and nbclient; no NumPy, no nbnp);
3. runs the downloaded notebook top to bottom with nbval (from ``DRIVER_PYTHON``'s environment)
   in a kernel of that venv: its first cell installs nbnp from the served wheel, and NumPy and
   Matplotlib with it, from the wheelhouse only (``PIP_NO_INDEX``, ``PIP_FIND_LINKS``: offline;
   the wheelhouse pins NumPy 1.26). Every stored output is compared exactly, except the first
   cell's, which in this run reports the installation;
4. checks that the venv's nbnp came from ``BOOK_URL``'s wheel, its NumPy is 1.x, and (with
   ``NPY_DISABLE_CPU_FEATURES`` set, as ``make portability`` does) no AVX-512 kernel is on.

Nothing of the repository is reachable from the chapter: not the package's source, not the
project's pytest options or nbval sanitizer. Runs as many chapters at once as there are cores,
prints one line per chapter (``pass`` or ``FAIL`` with the first error), keeps each run's log
in its folder, and exits 1 if any chapter fails, except those listed in ``KNOWN_FAILURES`` with
the reason (reported as ``known``); a listed chapter that passes is an error too, so that the
list is emptied as the chapters are fixed.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urljoin

import nbformat

sys.path.insert(0, str(Path(__file__).resolve().parent))
from execute_in_parallel import ROOT, toc_notebooks  # noqa: E402 (tools/ is not a package)

HTML = ROOT / "_build" / "html"
BARE_LOCK = ROOT / "requirements" / "bare.txt"
CELL_ID = "nbnp-bootstrap"
KERNEL = "nbnp-bare"
DOWNLOAD_LINK = re.compile(r'<a\b[^>]*\bhref="([^"]+\.ipynb)"')
ANSI = re.compile(r"\x1b\[[0-9;]*m")
EXCEPTION = re.compile(r"^\w*(?:Error|Exception): .*$", re.MULTILINE)
MISMATCH = re.compile(r"^.*(?:mismatch|differ).*$", re.MULTILINE | re.IGNORECASE)
# Chapters that a reader cannot run from a download yet, and why (found by this test; fix them,
# then remove them here).
KNOWN_FAILURES: dict[str, str] = {}
# What the kernel's check prints: where nbnp came from, NumPy's version, Python's.
INSTALLED = (
    "import json, sys, numpy\n"
    "from importlib.metadata import distribution\n"
    "url = json.loads(distribution('nbnp').read_text('direct_url.json') or '{}').get('url', '')\n"
    "print(json.dumps({'nbnp': url, 'numpy': numpy.__version__, 'python': sys.version.split()[0]}))\n"
)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


def serve(port: int) -> ThreadingHTTPServer:
    """Serve the built HTML on 127.0.0.1:port in a background thread."""
    server = ThreadingHTTPServer(("127.0.0.1", port), partial(QuietHandler, directory=str(HTML)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def fetch(url: str) -> bytes:
    with urllib.request.urlopen(url, timeout=60) as response:  # noqa: S310 (our own local server)
        return response.read()


def download(notebook: Path, base: str) -> tuple[str, bytes]:
    """Open the chapter's page and fetch the notebook its download link points at."""
    page = urljoin(base + "/", notebook.relative_to(ROOT).with_suffix(".html").as_posix())
    links = [link for link in DOWNLOAD_LINK.findall(fetch(page).decode("utf-8"))
             if link.rsplit("/", 1)[-1] == notebook.name]
    if not links:
        raise RuntimeError(f"{page} has no download link to {notebook.name}")
    url = urljoin(page, links[0])
    return url, fetch(url)


def isolated_env() -> dict[str, str]:
    """The caller's environment without anything that could reach the repository or another venv."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("PYTHON", "VIRTUAL_ENV", "JUPYTER", "PIP_", "MPLBACKEND"))}
    env["PYTHONNOUSERSITE"] = "1"
    return env


def first_error(log: str) -> str:
    log = ANSI.sub("", log)
    for pattern in (EXCEPTION, MISMATCH):
        match = pattern.search(log)
        if match:
            return match.group(0).strip()[:200]
    tail = [line for line in log.splitlines() if line.strip()][-1:] or ["no output"]
    return tail[0][:200]


def kernel_env(wheelhouse: Path, mplconfig: Path) -> dict[str, str]:
    """The kernel's pip is offline: the wheelhouse only, none of this machine's pip settings."""
    env = {"PIP_NO_INDEX": "1", "PIP_FIND_LINKS": str(wheelhouse), "PIP_CONFIG_FILE": os.devnull,
           "PIP_DISABLE_PIP_VERSION_CHECK": "1", "MPLCONFIGDIR": str(mplconfig)}
    if os.environ.get("NPY_DISABLE_CPU_FEATURES"):
        env["NPY_DISABLE_CPU_FEATURES"] = os.environ["NPY_DISABLE_CPU_FEATURES"]
    return env


def run_chapter(notebook: Path, args: argparse.Namespace, workdir: Path, book_url: str, wheel: str) -> str:
    """Download, make the bare venv, run; return "" on success, else the reason."""
    started = time.monotonic()
    folder = workdir / notebook.stem
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    url, data = download(notebook, book_url)
    (folder / "downloaded.ipynb").write_bytes(data)
    nb = nbformat.reads(data.decode("utf-8"), as_version=4)
    first = nb.cells[0] if nb.cells else None
    if first is None or first.get("id") != CELL_ID or f"{book_url}/{wheel}" not in first.source:
        return f"{url}: the first cell does not install nbnp from {book_url}/{wheel}"
    # Only nbval's view changes: the first cell's output (the installation's report) is not compared.
    first.metadata.setdefault("tags", []).append("nbval-ignore-output")
    nbformat.write(nb, folder / notebook.name)

    venv, env = folder / "venv", isolated_env()
    for command in ([args.uv, "venv", "--quiet", "--seed", "--python", args.python, str(venv)],
                    [args.uv, "pip", "install", "--quiet", "--python", str(venv / "bin" / "python"),
                     "-r", str(BARE_LOCK)]):
        done = subprocess.run(command, env=env, capture_output=True, text=True)
        if done.returncode:
            return f"{' '.join(command[:3])}: {(done.stdout + done.stderr).strip()[-300:]}"
    spec = folder / "jupyter" / "kernels" / KERNEL
    spec.mkdir(parents=True)
    kernel = kernel_env(args.wheelhouse, workdir / "mplconfig")
    (spec / "kernel.json").write_text(json.dumps({
        "argv": [str(venv / "bin" / "python"), "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "bare venv", "language": "python", "env": kernel}), encoding="utf-8")

    command = [args.driver, "-m", "pytest", "--nbval", "--nbval-kernel-name", KERNEL,
               "-p", "no:cacheprovider", "-q", "--rootdir", str(folder), "-c", os.devnull, notebook.name]
    result = subprocess.run(command, cwd=folder, env={**env, "JUPYTER_PATH": str(folder / "jupyter")},
                            capture_output=True, text=True)
    log = result.stdout + result.stderr
    (folder / "nbval.log").write_text(log, encoding="utf-8")
    if result.returncode:
        return first_error(log)

    after = subprocess.run([str(venv / "bin" / "python"), "-c", INSTALLED], cwd=folder, env={**env, **kernel},
                           capture_output=True, text=True)
    if after.returncode:
        return f"after the run: {after.stderr.strip()[-300:]}"
    installed = json.loads(after.stdout)
    if installed["nbnp"] != f"{book_url}/{wheel}" or not installed["numpy"].startswith("1."):
        return f"after the run, the venv holds {installed}"
    if kernel.get("NPY_DISABLE_CPU_FEATURES"):
        check = subprocess.run([str(venv / "bin" / "python"), str(ROOT / "tools" / "avx512_features.py"),
                                "--check"], env={**env, **kernel}, capture_output=True, text=True)
        if check.returncode:
            return f"AVX-512: {(check.stdout + check.stderr).strip()}"
    print(f"  {notebook.relative_to(ROOT)}: pass ({time.monotonic() - started:.0f} s; Python "
          f"{installed['python']}, numpy {installed['numpy']}, nbnp from {installed['nbnp']})", flush=True)
    return ""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--free-port", action="store_true", help="print a free port and exit")
    parser.add_argument("--port", type=int, help="where to serve _build/html (as BOOK_URL says)")
    parser.add_argument("--python", help="the Python of the bare venvs")
    parser.add_argument("--uv", help="uv, which makes the bare venvs")
    parser.add_argument("--driver", help="a Python with nbval (runs the notebooks' kernels)")
    parser.add_argument("--wheelhouse", type=Path, help="NumPy, Matplotlib, ... for the kernels' offline pip")
    parser.add_argument("--workdir", type=Path, help="where the chapter folders go "
                        "(default: a new temporary folder, removed if every chapter passes)")
    parser.add_argument("notebooks", nargs="*", type=Path, help="default: every notebook of _toc.yml")
    args = parser.parse_args(argv)
    if args.free_port:
        print(free_port())
        return 0
    missing = [name for name in ("port", "python", "uv", "driver", "wheelhouse") if not getattr(args, name)]
    if missing:
        parser.error("missing: " + ", ".join(f"--{name}" for name in missing))
    args.python, args.uv, args.driver = (os.path.abspath(p) for p in (args.python, args.uv, args.driver))
    args.wheelhouse = args.wheelhouse.resolve()
    wheels = sorted(HTML.glob("nbnp-*.whl"))
    if len(wheels) != 1:
        parser.error(f"expected one nbnp wheel in {HTML}, found {[w.name for w in wheels]}: run make book")
    notebooks = [nb.resolve() for nb in args.notebooks] or toc_notebooks()
    workdir = (args.workdir or Path(tempfile.mkdtemp(prefix="nbnp-download-test-"))).resolve()
    if workdir == ROOT or ROOT in workdir.parents:
        parser.error(f"--workdir {workdir} is inside the repository: a chapter must run away from it")
    (workdir / "mplconfig").mkdir(parents=True, exist_ok=True)  # the font cache, built once, not in a cell
    subprocess.run([args.driver, "-c", "import matplotlib.font_manager"], check=True,
                   env={**isolated_env(), "MPLCONFIGDIR": str(workdir / "mplconfig")})
    book_url = f"http://127.0.0.1:{args.port}"
    server = serve(args.port)
    print(f"download_test: {HTML} served at {book_url}; chapters run in {workdir}", flush=True)
    try:
        with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
            run = partial(run_chapter, args=args, workdir=workdir, book_url=book_url, wheel=wheels[0].name)
            results = list(pool.map(lambda nb: _safely(run, nb), notebooks))
    finally:
        server.shutdown()
    failed = known = 0
    for notebook, why in zip(notebooks, results):
        reason = KNOWN_FAILURES.get(notebook.stem)
        if why and reason:
            known += 1
            print(f"  {notebook.relative_to(ROOT)}: known to fail ({reason}): {why}")
        elif why:
            failed += 1
            print(f"  {notebook.relative_to(ROOT)}: FAIL  {why}")
        elif reason:
            failed += 1
            print(f"  {notebook.relative_to(ROOT)}: FAIL  passes now: remove it from KNOWN_FAILURES")
    print(f"download_test: {len(notebooks) - failed - known} passed, {failed} failed, {known} known to fail"
          + (f" (logs: {workdir}/<chapter>/nbval.log)" if failed or known else ""))
    if not (failed or known) and args.workdir is None:
        shutil.rmtree(workdir)
    return 1 if failed else 0


def _safely(run: object, notebook: Path) -> str:
    try:
        return run(notebook)  # type: ignore[operator]
    except Exception as error:  # a chapter's failure is reported, never a crash of the others
        return f"{type(error).__name__}: {error}"


if __name__ == "__main__":
    sys.exit(main())
