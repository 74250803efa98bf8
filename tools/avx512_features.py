"""NumPy's AVX-512 kernels, for ``NPY_DISABLE_CPU_FEATURES`` (``make portability``).

``python tools/avx512_features.py`` prints the AVX-512 targets this NumPy dispatches to
on this CPU, space-separated, ready for ``NPY_DISABLE_CPU_FEATURES``; the names differ
between NumPy 1.x (``AVX512F AVX512_SKX ...``) and 2.x (``X86_V4 AVX512_ICL ...``), and
NumPy refuses names it does not dispatch. ``--check`` exits 1 if any of them is still on,
so a run meant to simulate a CPU without AVX-512 cannot silently keep them.
"""

from __future__ import annotations

import sys

try:
    from numpy._core._multiarray_umath import __cpu_dispatch__, __cpu_features__
except ImportError:  # NumPy 1.x
    from numpy.core._multiarray_umath import __cpu_dispatch__, __cpu_features__


def avx512_targets() -> list[str]:
    """Dispatched targets that use AVX-512 (X86_V4 is the AVX-512 level of x86-64)."""
    return [name for name in __cpu_dispatch__ if name.startswith("AVX512") or name == "X86_V4"]


def main(argv: list[str]) -> int:
    targets = avx512_targets()
    if "--check" not in argv:
        print(" ".join(targets))
        return 0
    still_on = [name for name in targets if __cpu_features__.get(name)]
    print(f"AVX-512 targets still on: {' '.join(still_on) or 'none'}")
    return 1 if still_on else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
