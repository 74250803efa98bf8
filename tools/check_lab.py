"""Start ``make lab`` as whoever runs this (CI: root), wait until JupyterLab answers, stop it.

Usage: ``python tools/check_lab.py [--timeout 120]`` (``make lab-check``).

JupyterLab refuses to start as root without ``--allow-root``; ``make lab`` adds it when
``id -u`` is 0. This starts ``make lab`` on a free loopback port with a one-time token and no
browser, requests ``/api/status`` and ``/lab`` until both answer 200, then stops the server
(the process group it started, nothing else) and exits 0. If the server exits or does not
answer in time, it prints the server's output and exits 1.
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def answers(url: str) -> bytes | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read() if response.status == 200 else None
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def stop(server: subprocess.Popen) -> None:
    """SIGTERM to the group of ``make lab`` (make, jupyter and its kernels), SIGKILL if it lingers."""
    if server.poll() is None:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds to wait for an answer")
    args = parser.parse_args(argv)
    port, token = free_port(), secrets.token_hex(16)
    lab_args = (f"--no-browser --ip=127.0.0.1 --port={port} --ServerApp.port_retries=0 "
                f"--IdentityProvider.token={token}")
    base = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryFile(mode="w+") as log:
        server = subprocess.Popen(
            ["make", "--no-print-directory", "lab", f"LAB_ARGS={lab_args}"],
            cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
        )
        try:
            deadline = time.monotonic() + args.timeout
            status = page = None
            while time.monotonic() < deadline and server.poll() is None:
                status = answers(f"{base}/api/status?token={token}")
                page = status and answers(f"{base}/lab?token={token}")
                if status and page:
                    break
                time.sleep(1)
        finally:
            stop(server)
            log.seek(0)
            output = log.read()
    uid = os.getuid()
    if not (status and page):
        print(output[-4000:], file=sys.stderr)
        print(f"check_lab: `make lab` (uid {uid}) did not answer on {base} within {args.timeout:.0f} s",
              file=sys.stderr)
        return 1
    started = json.loads(status).get("started", "?")
    print(f"check_lab: `make lab` started as uid {uid} and answered on {base} "
          f"(/api/status, /lab; started {started}); stopped")
    return 0


if __name__ == "__main__":
    sys.exit(main())
