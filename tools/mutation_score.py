"""Summarize a finished ``mutmut run`` (``make mutation``): the score and the survivors.

Score = killed (incl. timeouts) / all mutants that were run; a mutant no test
reaches counts as not killed. Survivors are listed per module, so the ones that
matter can get a test in the ``tests/`` file that mirrors the module.

Usage: ``python tools/mutation_score.py [--min PERCENT]``; exits 1 below ``--min``.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

MUTMUT = str(Path(sys.executable).with_name("mutmut"))


def results() -> dict[str, str]:
    """Mutant name → status (killed, survived, no tests, timeout, ...) from ``mutmut results``."""
    out = subprocess.run([MUTMUT, "results", "--all", "true"], capture_output=True, text=True, check=True)
    pairs = (line.strip().rsplit(": ", 1) for line in out.stdout.splitlines() if ": " in line)
    return {name: status for name, status in pairs}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--min", type=float, default=0.0, help="fail below this score (percent)")
    args = parser.parse_args(argv)
    status = results()
    counts = Counter(status.values())
    run = sum(n for s, n in counts.items() if s not in ("skipped", "not checked"))
    killed = counts["killed"] + counts["timeout"]
    score = 100 * killed / run if run else 0.0
    print(", ".join(f"{n} {s}" for s, n in counts.most_common()))
    survivors = Counter(
        re.sub(r"\.x[_ǁ].*", "", name) for name, s in status.items() if s in ("survived", "no tests")
    )
    for module, n in survivors.most_common():
        print(f"  {n:>4} not killed in {module}")
    print(f"mutation score: {killed}/{run} killed = {score:.1f}%")
    return 1 if score < args.min else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
