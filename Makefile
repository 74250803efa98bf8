# The two commands: `make book` and `make test`. Everything else is a helper.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: venv book test browser lab outputs bench clean

venv: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet -e ".[book,test]"
	$(BIN)/python -c "import matplotlib.pyplot"  # build the font cache now, not inside a notebook
	touch $(STAMP)

book: venv
	$(BIN)/jupyter-book build . -W -n --keep-going

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

bench: venv
	$(BIN)/python benchmarks/bench_training.py

clean:
	rm -rf _build
