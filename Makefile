# The two commands: `make book` and `make test`. Everything else is a helper.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: venv book test browser lab lab-check serve pdf outputs bench clean portability lock lock-upgrade learner-runs

# --- Environments: installed from the locks in requirements/ (uv, pinned below) -------------------
# requirements/dev.txt pins the whole build and test stack for every supported Python (a universal
# lock: one file, environment markers where a Python needs other versions). `make lock` regenerates
# the locks from pyproject.toml and requirements/*.in, keeping every pin that still fits;
# `make lock-upgrade` moves every pin to the newest release. Commit the result.
UV_VERSION := 0.13.9
UV         := $(VENV)/uv/bin/uv
LOCK_ARGS  := --universal --python-version 3.10 --custom-compile-command "make lock" --quiet

$(UV):
	$(PYTHON) -m venv $(VENV)/uv
	$(VENV)/uv/bin/python -m pip install --quiet --disable-pip-version-check "uv==$(UV_VERSION)"

# install-locked VENV LOCK: make VENV hold exactly what LOCK pins (uv pip sync), nothing more, compiled
# to bytecode now: a Python that writes no .pyc files (PYTHONDONTWRITEBYTECODE, common in containers)
# would otherwise compile every module it imports on every start, in each kernel and each build.
define install-locked
$(UV) pip sync --quiet --compile-bytecode --python $(1)/bin/python $(2)
endef

venv: $(STAMP)

$(STAMP): pyproject.toml requirements/dev.txt | $(UV)
	$(PYTHON) -m venv $(VENV)
	$(call install-locked,$(VENV),requirements/dev.txt)
	$(UV) pip install --quiet --python $(BIN)/python --no-deps -e .
	$(BIN)/python -c "import matplotlib.pyplot"  # build the font cache now, not inside a notebook
	touch $(STAMP)

# Left out of the dev lock: rfc3987-syntax (and lark, its parser), which jsonschema uses, when it is
# installed, to check IRIs; it builds 38 grammars whenever it is imported, 1.1 s in every process
# that imports nbformat (each build, each pytest worker). Nothing here validates an IRI.
NOT_LOCKED := --no-emit-package rfc3987-syntax --no-emit-package lark
lock: | $(UV)
	$(UV) pip compile pyproject.toml --extra book --extra test $(LOCK_ARGS) $(NOT_LOCKED) -o requirements/dev.txt
	$(UV) pip compile pyproject.toml requirements/numpy1.in --extra test $(LOCK_ARGS) -o requirements/numpy1.txt
	$(UV) pip compile pyproject.toml requirements/notebook.in $(LOCK_ARGS) -o requirements/notebook.txt
	$(UV) pip compile pyproject.toml requirements/notebook.in requirements/numpy1.in $(LOCK_ARGS) \
		-o requirements/notebook-numpy1.txt
	$(UV) pip compile requirements/bare.in $(LOCK_ARGS) -o requirements/bare.txt

lock-upgrade:
	$(MAKE) lock LOCK_ARGS='$(LOCK_ARGS) --upgrade'

# --- The book ----------------------------------------------------------------------------------
# Notebooks whose code changed run first on all cores into Jupyter Book's execution cache
# (tools/execute_in_parallel.py); the build then only renders. No change: both are quick.
# A change to nbnp runs every notebook again (_ext/fresh_outputs.py, in the build too).
NOTEBOOKS  := $(shell find book -name '*.ipynb' -not -path '*/.ipynb_checkpoints/*' 2>/dev/null)
NBNP_FILES := $(shell find nbnp -type f -not -path '*/__pycache__/*' 2>/dev/null)
EXECUTED   := _build/.jupyter_cache/.executed-stamp

$(EXECUTED): $(NOTEBOOKS) $(NBNP_FILES) _toc.yml _config.yml $(STAMP)
	NBNP_STRICT=1 $(BIN)/python tools/execute_in_parallel.py
	mkdir -p $(dir $@) && touch $@

# The browser assets (package.json, pinned in package-lock.json): MathJax 4 and its font, served
# from the build by _ext/mathjax4.py, and axe-core for the accessibility checks of the browser tests.
NODE_STAMP := node_modules/.installed-stamp
$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# nbnp's wheel, which the HTML build puts beside the pages (_ext/download_bootstrap.py).
WHEEL := _build/wheel/.built-stamp
$(WHEEL): pyproject.toml $(NBNP_FILES) $(STAMP)
	rm -rf _build/wheel/dist && mkdir -p _build/wheel
	$(BIN)/python -m build --wheel --no-isolation --outdir _build/wheel/dist . > _build/wheel/build.log 2>&1 \
		|| (tail -30 _build/wheel/build.log; exit 1)
	rm -rf build nbnp.egg-info && touch $@

# NBNP_STRICT: a disagreement with the article stops the build (nbnp.show raises).
# BOOK_URL: where the HTML book will be served (README, "Publishing"). The chapters offered for
# download then install nbnp from the wheel served beside the pages; the committed notebooks
# stay as they are (_ext/download_bootstrap.py rewrites the downloadable copies only).
BOOK_URL ?=
book: venv $(NODE_STAMP) $(EXECUTED) $(WHEEL)
	NBNP_STRICT=1 NBNP_BOOK_URL='$(BOOK_URL)' $(BIN)/jupyter-book build . -W -n --keep-going

# The whole book as one PDF through Jupyter Book's LaTeX builder (xelatex; Debian's TeX Live, see
# CONTRIBUTING.md, "The PDF"), checked by tools/check_pdf.py. An HTML build (make book) copies it
# beside the pages and links it from the front page (_ext/pdf_link.py; without a PDF the front
# page says how to make one), so an existing HTML build is brought up to date here.
PDF_MIN_PAGES ?= 100
pdf: venv $(EXECUTED)
	nice $(BIN)/jupyter-book build . --builder pdflatex -W -n --keep-going
	$(BIN)/python tools/check_pdf.py _build/latex --min-pages $(PDF_MIN_PAGES)
	test ! -f _build/html/index.html || $(MAKE) book

# The tests include the browser tests of the built book, so `make test` builds it first, and the
# browser tests fail (never skip) when Chromium or the build is missing (NBNP_BROWSER_TESTS).
# nbval runs here under NumPy 2.x with the CPU's own kernels (AVX-512 off: make portability).
# Hypothesis uses its quick, derandomized profile (HYPOTHESIS_PROFILE=dev for a longer search).
# On every core (pytest-xdist; PYTEST_WORKERS=0: all in one process): each notebook runs whole in one
# worker, the long tests first (conftest.py).
export HYPOTHESIS_PROFILE ?= ci
PYTEST_WORKERS ?= auto
test: venv book
	$(BIN)/ruff check .
	NBNP_BROWSER_TESTS=required $(BIN)/pytest -rs -n $(PYTEST_WORKERS)

# The built book in headless Chromium (needs Debian's chromium), with screenshots to look at in
# _build/screenshots (make test takes none).
browser: book
	NBNP_BROWSER_TESTS=required NBNP_SCREENSHOTS=1 $(BIN)/pytest -n $(PYTEST_WORKERS) tests/test_browser.py

# JupyterLab on book/. Containers, CI images and cloud notebooks often run as root, where Jupyter
# refuses to start without --allow-root. LAB_ARGS passes more options (tools/check_lab.py).
LAB_ARGS ?=
lab: venv
	$(BIN)/jupyter lab book/ $$([ "$$(id -u)" -eq 0 ] && echo --allow-root) $(LAB_ARGS)

# `make lab` starts and answers (as whoever runs it; CI runs as root), then is stopped.
lab-check: venv
	$(BIN)/python tools/check_lab.py

# The built HTML over http://127.0.0.1:8000 (search shows page summaries only when served).
PORT ?= 8000
serve:
	test -f _build/html/index.html || (echo "no _build/html: run make book first" >&2; exit 1)
	$(PYTHON) -m http.server --bind 127.0.0.1 --directory _build/html $(PORT)

outputs: venv
	$(BIN)/python tools/run_notebooks.py book

# A learner's experiment: each chapter run with another seed or learning rate, not strict, must run
# to its end (tests/test_learner_runs.py). One more execution per chapter, so not in CI: run it after
# changing a chapter's seeded run or its hidden checks.
learner-runs: venv
	NBNP_LEARNER_RUNS=1 $(BIN)/pytest -q tests/test_learner_runs.py

# Speed of nbnp against the same math fused into one loop, at the article's size and a large one
# (a few minutes; BENCH_ARGS="--size large --reps 9" to choose). A measurement, never a test.
BENCH_ARGS ?=
bench: venv
	$(BIN)/python benchmarks/bench_training.py $(BENCH_ARGS)

# The one portability run: everything `make test` does not cover, in one execution of each chapter,
# which is also the download-and-run test. The oldest Python that pyproject.toml claims (CPython
# 3.10: pyenv's, python3.10 on PATH or PYTHON_OLDEST=...; without it $(PYTHON), with a loud warning),
# NumPy 1.26 and NumPy's AVX-512 kernels off (NPY_DISABLE_CPU_FEATURES, as on a CPU without them).
# 1. $(PORT): the unit-test venv (requirements/numpy1.txt); it also drives nbval below and names the
#    AVX-512 kernels to switch off.
# 2. A wheelhouse (_build/wheelhouse, `pip download` of nbnp's dependencies at the pins of
#    requirements/notebook-numpy1.txt: NumPy 1.26), filled now, so the rest runs offline.
# 3. `make book BOOK_URL=http://127.0.0.1:<free port>` (rendering only: the chapters' executions
#    are cached), then tools/download_test.py serves _build/html there, downloads each chapter
#    through its page's download link and runs it with nbval, in a kernel of its own bare venv
#    (pip, ipykernel, nbclient: requirements/bare.txt) whose first cell installs nbnp from the
#    served wheel, NumPy and Matplotlib from the wheelhouse (pip --no-index), stored outputs
#    compared exactly. _build/html keeps that address until the next `make book`.
# 4. The unit tests in $(PORT) (not the browser tests, nor the learner runs: `make learner-runs`).
OLDEST        := 3.10
PYTHON_OLDEST ?= $(firstword $(wildcard $(HOME)/.pyenv/versions/$(OLDEST).*/bin/python$(OLDEST)) \
	$(shell command -v python$(OLDEST) 2>/dev/null))
PORT          := $(VENV)/portability
PORT_AVX512    = NPY_DISABLE_CPU_FEATURES="$$($(PORT)/bin/python tools/avx512_features.py)"

portability: venv
	@test -n "$(PYTHON_OLDEST)" || echo "!!! WARNING: no CPython $(OLDEST) found (pyenv install $(OLDEST), or PYTHON_OLDEST=...): the portability run uses $(PYTHON), and pyproject's claim of $(OLDEST) goes untested" >&2
	rm -rf $(PORT) && $(or $(PYTHON_OLDEST),$(PYTHON)) -m venv $(PORT)
	$(call install-locked,$(PORT),requirements/numpy1.txt)
	$(PORT)/bin/python -c "import sys, numpy; print('Python', sys.version.split()[0], 'numpy', numpy.__version__); sys.exit(numpy.__version__[0] != '1')"
	rm -rf _build/wheelhouse && $(PORT)/bin/python -m pip download --quiet --only-binary=:all: \
		--dest _build/wheelhouse -c requirements/notebook-numpy1.txt numpy matplotlib pyyaml
	port=$$($(BIN)/python tools/download_test.py --free-port) \
		&& $(MAKE) book BOOK_URL=http://127.0.0.1:$$port \
		&& $(PORT_AVX512) $(BIN)/python tools/download_test.py --port $$port --python $(or $(PYTHON_OLDEST),$(PYTHON)) \
			--uv $(UV) --driver $(PORT)/bin/python --wheelhouse _build/wheelhouse
	$(PORT_AVX512) $(PORT)/bin/python tools/avx512_features.py --check
	$(PORT_AVX512) nice $(PORT)/bin/pytest -q -m "not slow" -p no:cacheprovider \
		--ignore=tests/test_browser.py --ignore=tests/test_learner_runs.py tests

clean:
	rm -rf _build
