# The two commands: `make book` and `make test`. Everything else is a helper.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: venv book test browser lab outputs bench clean portability mutation

venv: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -e ".[book,test]"
	$(BIN)/python -c "import matplotlib.pyplot"  # build the font cache now, not inside a notebook
	touch $(STAMP)

# Notebooks whose code changed run first on all cores into Jupyter Book's execution cache
# (tools/execute_in_parallel.py); the build then only renders. No change: both are quick.
# A change to nbnp runs every notebook again (_ext/fresh_outputs.py, in the build too).
NOTEBOOKS  := $(shell find book -name '*.ipynb' -not -path '*/.ipynb_checkpoints/*' 2>/dev/null)
NBNP_FILES := $(shell find nbnp -type f -not -path '*/__pycache__/*' 2>/dev/null)
EXECUTED   := _build/.jupyter_cache/.executed-stamp

$(EXECUTED): $(NOTEBOOKS) $(NBNP_FILES) _toc.yml _config.yml $(STAMP)
	NBNP_STRICT=1 $(BIN)/python tools/execute_in_parallel.py
	mkdir -p $(dir $@) && touch $@

# NBNP_STRICT: a disagreement with the article stops the build (nbnp.show raises).
book: venv $(EXECUTED)
	NBNP_STRICT=1 $(BIN)/jupyter-book build . -W -n --keep-going

test: venv
	$(BIN)/ruff check .
	$(BIN)/pytest

# The built book in headless Chromium (needs Debian's chromium; screenshots in _build/screenshots).
browser: book
	$(BIN)/pytest tests/test_browser.py

lab: venv
	$(BIN)/jupyter lab book/

outputs: venv
	$(BIN)/python tools/run_notebooks.py book

# Speed of nbnp against the same math fused into one loop, at the article's size and a large one
# (a few minutes; BENCH_ARGS="--size large --reps 9" to choose). A measurement, never a test.
BENCH_ARGS ?=
bench: venv
	$(BIN)/python benchmarks/bench_training.py $(BENCH_ARGS)

# The stored outputs must pass nbval unchanged (1) under NumPy 1.x, in a second venv, and
# (2) with NumPy's AVX-512 kernels turned off, as on a CPU without them. OPENBLAS_* untouched.
NP1 := $(VENV)/numpy1
AVX512 = $$($(BIN)/python tools/avx512_features.py)

portability: venv
	test -x $(NP1)/bin/python || $(PYTHON) -m venv $(NP1)
	$(NP1)/bin/python -m pip install --quiet "numpy<2" -e ".[test]"
	$(NP1)/bin/python -c "import numpy, sys; print('numpy', numpy.__version__); sys.exit(numpy.__version__[0] != '1')"
	$(NP1)/bin/pytest -q book tests/article/test_reproduce.py
	NPY_DISABLE_CPU_FEATURES="$(AVX512)" $(BIN)/python tools/avx512_features.py --check
	NPY_DISABLE_CPU_FEATURES="$(AVX512)" $(BIN)/pytest -q book tests/article/test_reproduce.py

# Mutation testing of nbnp/ with mutmut (CPU heavy: minutes to tens of minutes on 2 cores).
MUTMUT_JOBS ?= 2
MUTATION_MIN ?= 90
mutation: venv
	$(BIN)/python -m pip install --quiet -e ".[mutation]"
	rm -rf mutants && mkdir -p _build
	nice -n 19 $(BIN)/mutmut run --max-children $(MUTMUT_JOBS) > _build/mutation.log 2>&1 \
		|| (tail -c 3000 _build/mutation.log; exit 1)
	$(BIN)/python tools/mutation_score.py --min $(MUTATION_MIN)

clean:
	rm -rf _build
