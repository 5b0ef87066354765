# Two commands for a new user: `make report` (sets up, builds every output) and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
INSTALLED := $(VENV)/.installed
TIDY := data/tidy/figures.csv
TIDY_INPUTS := data/raw/xianning-inspection-2017-04-25.txt data/raw/xianning-inspection-2017-04-25.meta.json \
	data/curated/quotes.csv $(wildcard src/helpers/*.py)

.PHONY: setup data report test bench lab clean fonts

## setup: create .venv (if missing) and install the project and its packages
setup: $(INSTALLED)

$(INSTALLED): requirements.txt pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt -e .
	$(PY) -m ipykernel install --sys-prefix --name xianning-inspection --display-name "Python (xianning-inspection)" >/dev/null
	@touch $@

## data: regenerate the tidy tables in data/tidy/ from the article and the curated quotes
data: $(TIDY)

$(TIDY): $(INSTALLED) $(TIDY_INPUTS)
	$(PY) -m helpers.tables

## report: set up, regenerate the tidy tables, execute every notebook, export HTML/PDF into reports/
# Options pass through ARGS, e.g. `make report ARGS="--lang en --no-pdf"`; CHROME=/path/to/chrome picks the browser.
report: setup data
	@PYTHONPATH=src $(PY) -m helpers.report $(ARGS)

## test: run the test suite
test: setup
	$(PY) -m pytest

## bench: time the full build against the naive nbconvert route, and the no-change rebuild
bench: setup data
	PYTHONPATH=src $(PY) -m helpers.report.bench $(ARGS)

## fonts: regenerate the shipped font subset in fonts/ from the system's Noto Sans CJK (run after adding text)
fonts: setup
	PYTHONPATH=src $(PY) -m helpers.fontsubset

## lab: start JupyterLab on the project's kernel (token authentication stays on)
# The URL printed at start-up carries the token; never start it with an empty token.
lab: setup
	PYTHONPATH=$(CURDIR)/src $(VENV)/bin/jupyter lab --ServerApp.root_dir=notebooks \
		--MappingKernelManager.default_kernel_name=xianning-inspection \
		$(if $(filter 0,$(shell id -u)),--allow-root) $(ARGS)

clean:
	rm -rf reports/.build
