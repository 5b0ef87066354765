# Two commands for a new user: `make report` (sets up, builds every output) and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
INSTALLED := $(VENV)/.installed
# The tidy tables are one set, stamped with the hashes of every input and output (helpers/tidyset.py);
# the stamp is the target, and the inputs are every file the tables are built from (tidyset.input_files).
TIDY := data/tidy/.stamp.json
TIDY_INPUTS := $(filter-out %.md,$(wildcard data/raw/* data/curated/*)) data/datapackage.json $(wildcard src/helpers/*.py)

.PHONY: setup data report test bench lab lock clean fonts

## setup: create .venv (if missing), install the locked packages and the project, register the
## kernel `xianning-inspection`, and install nbstripout as the git filter for notebooks
# Uses uv when it is on PATH (UV= forces pip), else pip; both check requirements.lock's hashes.
# PYTHONDONTWRITEBYTECODE may be set, and then every import of a module without bytecode runs from
# source (about 3x slower). uv does not compile all 6,700 files at install (21 s of CPU); instead two
# processes import what the build and the notebook kernels use, writing its bytecode (7 s of CPU).
# COMPILE=all compiles everything at install instead (uv --compile-bytecode; pip always does).
COMPILE ?= used
WARM_KERNEL := pandas matplotlib.pyplot matplotlib.backends.backend_agg matplotlib_inline.backend_inline seaborn \
	ipykernel.kernelapp ipykernel.ipkernel IPython helpers.charts helpers.load helpers.fonts helpers.prose PIL.Image
WARM_BUILD := helpers.report.build helpers.report.export_html helpers.report.pdf helpers.report.fonts \
	helpers.tables nbclient nbconvert nbconvert.exporters.html nbformat jupyter_client fontTools.subset
UV ?= $(shell command -v uv 2>/dev/null)
LOCK := requirements.lock
KERNEL := xianning-inspection
# What nbstripout removes besides outputs and execution counts: what a kernel writes on run.
NBSTRIP_KEYS := metadata.language_info.codemirror_mode metadata.language_info.file_extension \
	metadata.language_info.mimetype metadata.language_info.nbconvert_exporter \
	metadata.language_info.pygments_lexer metadata.language_info.version metadata.vscode
NBSTRIP = '$(abspath $(PY))' -m nbstripout --keep-id --extra-keys '$(strip $(NBSTRIP_KEYS))'

setup: $(INSTALLED)

# Jupyter Server settings for this environment (any `jupyter lab` started from .venv): the project's
# kernel only, the stock HTML/PDF/WebPDF/Qt exports hidden, and helpers.labsave after each save.
JUPYTER_CONFIG := etc/jupyter/jupyter_server_config.json

$(INSTALLED): $(LOCK) pyproject.toml $(JUPYTER_CONFIG)
ifneq ($(strip $(UV)),)
	@test -x $(PY) || $(UV) venv --quiet --python $(PYTHON) $(VENV)
	$(UV) pip install --quiet --python $(PY) $(if $(filter all,$(COMPILE)),--compile-bytecode) --require-hashes -r $(LOCK)
	$(UV) pip install --quiet --python $(PY) --no-deps -e .
else
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@$(PY) -m pip --version >/dev/null 2>&1 || $(PY) -m ensurepip --default-pip >/dev/null
	$(PY) -m pip install --quiet --disable-pip-version-check --compile --require-hashes -r $(LOCK)
	$(PY) -m pip install --quiet --disable-pip-version-check --compile --no-deps -e .
endif
	@$(PY) -m helpers.warm $(WARM_KERNEL) & $(PY) -m helpers.warm $(WARM_BUILD); wait
	$(PY) -m ipykernel install --sys-prefix --name $(KERNEL) --display-name "Python ($(KERNEL))" >/dev/null
	@mkdir -p $(VENV)/etc/jupyter
	cp $(JUPYTER_CONFIG) $(VENV)/etc/jupyter/jupyter_server_config.json
	@if [ "$$(git rev-parse --show-toplevel 2>/dev/null)" = "$(CURDIR)" ]; then \
	  git config filter.nbstripout.clean "$(NBSTRIP)" && \
	  git config filter.nbstripout.smudge cat && \
	  git config diff.ipynb.textconv "$(NBSTRIP) -t"; fi
	@touch $@

## lock: re-resolve requirements.txt into requirements.lock (exact versions and hashes, all platforms)
lock:
	uv pip compile --quiet --generate-hashes --universal --python-version 3.11 \
		--custom-compile-command "make lock" requirements.txt -o $(LOCK)

## data: regenerate the tidy tables in data/tidy/ (all or none) when any input changed or the set is incomplete
data: $(TIDY)

$(TIDY): $(INSTALLED) $(TIDY_INPUTS)
	@PYTHONPATH=src $(PY) -m helpers.tables

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

## lab: start JupyterLab at the project's root on the notebooks folder (token authentication stays on)
# `make lab LANG=zh` opens the notebooks in Chinese: it sets XIANNING_LANG=zh for the kernels, and
# LANG itself goes back to your locale (or C.UTF-8), so "zh" never reaches programs as a locale.
# The URL printed at start-up carries the token; never start it with an empty token.
# $(JUPYTER_CONFIG), installed into .venv by setup, offers only the project's kernel, hides the stock
# HTML, PDF (LaTeX), WebPDF (Playwright's browser) and Qt exports from the export menu (use
# "Report_HTML" / "Report_PDF", helpers.report.nbexporter) and, after a save, lets helpers.labsave
# refresh git's index entry of a notebook that was only run (in a background thread), so `git status` stays clean.
ifeq ($(origin LANG),command line)
XIANNING_LANG := $(LANG)
LANG_ORIG := $(shell printenv LANG)
override LANG := $(if $(filter-out $(XIANNING_LANG),$(LANG_ORIG)),$(LANG_ORIG),C.UTF-8)
export LANG
endif
XIANNING_LANG ?= en

lab: setup
	@case "$(XIANNING_LANG)" in en|zh) ;; *) echo "make lab: LANG=$(XIANNING_LANG) is not a notebook language; use LANG=en or LANG=zh" >&2; exit 2;; esac
	XIANNING_LANG=$(XIANNING_LANG) PYTHONPATH="$(CURDIR)/src" $(VENV)/bin/jupyter lab \
		--ServerApp.root_dir="$(CURDIR)" --LabApp.default_url=/lab/tree/notebooks \
		$(if $(filter 0,$(shell id -u)),--allow-root) $(ARGS)

clean:
	rm -rf reports/.build
