# Two commands for a new user: `make report` (sets up, builds every output) and `make test`.
SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
INSTALLED := $(VENV)/.installed
# The tidy tables are one set, stamped with the hashes of every input and output (helpers/tidy/tidyset.py);
# the stamp is the target, and the inputs are every file the tables are built from, declared once in
# tidyset.input_files (asked here with the system Python: tidyset imports only the standard library).
# The article: data/articles/$(ARTICLE)/ (`make report ARTICLE=<slug>`, like LANG for the language); it reaches
# every program as XIANNING_ARTICLE (helpers.base.paths).
ARTICLE ?= $(or $(XIANNING_ARTICLE),xianning)
export XIANNING_ARTICLE := $(ARTICLE)
# Inputs and tables are named one by one (no wildcard): a deleted input stops `make data` with the fix,
# a deleted table is rebuilt.
TIDY := data/articles/$(ARTICLE)/tidy/.stamp.json
TIDY_INPUTS := $(shell XIANNING_ARTICLE=$(ARTICLE) PYTHONPATH=src $(PYTHON) -c 'from helpers.tidy.tidyset import input_files as f, paths; print(*(p.relative_to(paths.ROOT) for p in f()))')
TIDY_TABLES := $(shell XIANNING_ARTICLE=$(ARTICLE) PYTHONPATH=src $(PYTHON) -c 'from helpers.tidy.tidyset import TABLE_NAMES as t, paths; print(*(f"{paths.TIDY_REL}/{n}.csv" for n in t))')

FORCE:
.PHONY: FORCE setup data report test bench bench-extract bench-fresh lab lock clean fonts new

## setup: create .venv (if missing), install the locked packages and the project, register the
## kernel `xianning-inspection`, and install nbstripout as the git filter for notebooks
# Uses uv when it is on PATH; else it first fetches uv from PyPI into $(TOOLS)/ (a wheel, version and
# sha256 pinned in $(TOOLS_LOCK), installed by pip with --require-hashes: about 3 s) and uses that;
# pip installs everything only where even that fails (one-line notice) or when asked (`UV=`).
# Both routes check requirements.lock's hashes.
# PYTHONDONTWRITEBYTECODE may be set, and then every import of a module without bytecode runs from
# source (about 3x slower). uv does not compile all 6,700 files at install (21 s of CPU); instead two
# processes import what the build and the notebook kernels use, writing its bytecode (7 s of CPU).
# COMPILE=all compiles everything at install instead (uv --compile-bytecode; pip always does).
COMPILE ?= used
WARM_KERNEL := pandas matplotlib.pyplot matplotlib.backends.backend_agg matplotlib_inline.backend_inline seaborn \
	ipykernel.kernelapp ipykernel.ipkernel IPython helpers.charts helpers.tidy.load helpers.text.fonts helpers.text.prose PIL.Image
WARM_BUILD := helpers.report.build doit.runner doit.control helpers.report.export_html helpers.report.pdf helpers.report.fonts \
	helpers.tidy.tables nbclient nbconvert nbconvert.exporters.html nbformat jupyter_client fontTools.subset
# `make setup UV=` (empty, on the command line) forces pip; UV=/path/to/uv picks a uv.
ifeq ($(origin UV),command line)
UV_PIP_ONLY := $(if $(strip $(UV)),,yes)
endif
UV ?= $(shell command -v uv 2>/dev/null)
TOOLS := .tools
TOOLS_LOCK := etc/tools.lock
TOOLS_UV := $(TOOLS)/uv/bin/uv
PIP_QUIET := --quiet --disable-pip-version-check --root-user-action=ignore
LOCK := requirements.lock
KERNEL := xianning-inspection
# What nbstripout removes besides outputs and execution counts: what a kernel writes on run.
NBSTRIP_KEYS := metadata.language_info.codemirror_mode metadata.language_info.file_extension \
	metadata.language_info.mimetype metadata.language_info.nbconvert_exporter \
	metadata.language_info.pygments_lexer metadata.language_info.version metadata.vscode
NBSTRIP = '$(abspath $(PY))' -m nbstripout --keep-id --extra-keys '$(strip $(NBSTRIP_KEYS))'

setup: $(INSTALLED)

# Jupyter Server settings for this environment (any `jupyter lab` started from .venv): the project's
# kernel only, the stock HTML/PDF/WebPDF/Qt exports hidden, and helpers.tools.labsave after each save.
JUPYTER_CONFIG := etc/jupyter/jupyter_server_config.json

# `make setup` also notices an environment changed behind its back (a package installed at another version):
# helpers.base.envcheck compares the installed versions with the lock, and a difference reinstalls.
ifneq ($(filter setup,$(MAKECMDGOALS)),)
ENV_DRIFT := $(shell test -x $(PY) && test -f $(INSTALLED) && test ! $(LOCK) -nt $(INSTALLED) && PYTHONPATH=src $(PY) -m helpers.base.envcheck 2>&1 >/dev/null)
endif
SETUP_LOG := $(TOOLS)/setup.log

$(INSTALLED): $(LOCK) pyproject.toml $(JUPYTER_CONFIG) $(if $(ENV_DRIFT),FORCE)
	@$(if $(ENV_DRIFT),echo "$(subst ",',$(subst $$,,$(ENV_DRIFT)))";) true
	@uv='$(strip $(UV))'; \
	if [ -z "$$uv" ] && [ -z "$(UV_PIP_ONLY)" ]; then \
	  if [ ! -x $(TOOLS_UV) ] || ! $(TOOLS_UV) --version >/dev/null 2>&1; then \
	    echo "setup: uv is not on PATH: fetching it from PyPI into $(TOOLS)/uv (version and hashes from $(TOOLS_LOCK))"; \
	    rm -rf $(TOOLS)/uv; mkdir -p $(TOOLS); \
	    $(PYTHON) -m pip install $(PIP_QUIET) --no-deps --only-binary=:all: --require-hashes \
	      --target $(TOOLS)/uv -r $(TOOLS_LOCK) >$(TOOLS)/pip.log 2>&1 || rm -rf $(TOOLS)/uv; \
	  fi; \
	  if [ -x $(TOOLS_UV) ]; then uv=$(TOOLS_UV); \
	  else echo "setup: uv not on PATH and not fetched from PyPI ($$(tail -n1 $(TOOLS)/pip.log 2>/dev/null)); installing with pip instead (slower)"; fi; \
	fi; \
	mkdir -p $(TOOLS); \
	{ if [ -n "$$uv" ]; then \
	  test -x $(PY) || $$uv venv --quiet --python $(PYTHON) $(VENV) && \
	  $$uv pip install --quiet --python $(PY) $(if $(filter all,$(COMPILE)),--compile-bytecode) --require-hashes -r $(LOCK) && \
	  $$uv pip install --quiet --python $(PY) --no-deps -e .; \
	else \
	  { test -x $(PY) || $(PYTHON) -m venv $(VENV); } && \
	  { $(PY) -m pip --version >/dev/null 2>&1 || $(PY) -m ensurepip --default-pip >/dev/null; } && \
	  $(PY) -m pip install $(PIP_QUIET) --compile --require-hashes -r $(LOCK) && \
	  $(PY) -m pip install $(PIP_QUIET) --compile --no-deps -e .; \
	fi; } >$(SETUP_LOG) 2>&1 || { \
	  echo "setup: installing $(LOCK) failed ($$(grep -m1 -iE 'error|mismatch|hash' $(SETUP_LOG) | cut -c1-160); full log: $(SETUP_LOG)). Fix: if you edited $(LOCK), restore it with \`git checkout -- $(LOCK)\` or regenerate it with \`make lock\`; else check the network and run \`make setup\` again" >&2; \
	  exit 1; }
	@$(PY) -m helpers.tools.warm $(WARM_KERNEL) & $(PY) -m helpers.tools.warm $(WARM_BUILD); wait
	$(PY) -m ipykernel install --sys-prefix --name $(KERNEL) --display-name "Python ($(KERNEL))" >/dev/null
	@mkdir -p $(VENV)/etc/jupyter
	cp $(JUPYTER_CONFIG) $(VENV)/etc/jupyter/jupyter_server_config.json
	@if [ "$$(git rev-parse --show-toplevel 2>/dev/null)" = "$(CURDIR)" ]; then \
	  git config filter.nbstripout.clean "$(NBSTRIP)" && \
	  git config filter.nbstripout.smudge cat && \
	  git config diff.ipynb.textconv "$(NBSTRIP) -t"; fi
	@touch $@

## lock: re-resolve requirements.txt into requirements.lock and etc/tools.in (the uv that setup fetches) into
## etc/tools.lock (exact versions and hashes, all platforms)
lock:
	$(or $(UV),uv) pip compile --quiet --generate-hashes --universal --python-version 3.11 \
		--custom-compile-command "make lock" requirements.txt -o $(LOCK)
	$(or $(UV),uv) pip compile --quiet --generate-hashes --universal --python-version 3.11 \
		--custom-compile-command "make lock" etc/tools.in -o $(TOOLS_LOCK)

## data: regenerate the tidy tables in data/articles/$(ARTICLE)/tidy/ (all or none) when any input changed or the set is incomplete
data: $(TIDY) $(TIDY_TABLES)

$(TIDY) $(TIDY_TABLES) &: $(INSTALLED) $(TIDY_INPUTS)
	@PYTHONPATH=src $(PY) -m helpers.tidy.tables

## new: start a new article from a plain-text file: `make new TEXT=path/to/article.txt SLUG=name` archives it in
## data/articles/<name>/ with candidate quotes; then `make data ARTICLE=<name>` lists what remains to fill in
new: setup
	@test -n "$(TEXT)" -a -n "$(SLUG)" || { echo "make new: give TEXT=path/to/article.txt and SLUG=name" >&2; exit 2; }
	@PYTHONPATH=src $(PY) -m helpers.new "$(TEXT)" --slug "$(SLUG)"

# An input that is missing (deleted, or a folder renamed): one line with the fix instead of a stale "nothing to be done".
$(TIDY_INPUTS):
	@echo "make data: $@ is missing; nothing was built. Fix: restore it with \`git checkout -- $@\`, then run \`make data\`" >&2; exit 1

## report: set up, regenerate the tidy tables, execute every notebook, export HTML/PDF into reports/
# Options pass through ARGS, e.g. `make report ARGS="--lang en --no-pdf"`; CHROME=/path/to/chrome picks the browser.
report: setup data
	@PYTHONPATH=src $(PY) -m helpers.report $(ARGS)

## test: run the test suite on every core (pytest-xdist `-n auto`, pyproject.toml; the notebooks are built once and shared)
test: setup
	$(PY) -m pytest

## bench: time the full build against the naive nbconvert route and the no-change rebuild; the extractor on 1 MB
## against a naive digit scan; then the extractor's corpus throughput (timings live here, never in the tests)
bench: setup data
	PYTHONPATH=src $(PY) -m helpers.bench $(ARGS)
	PYTHONPATH=src $(PY) -m helpers.bench.extract_speed
	PYTHONPATH=src $(PY) -m helpers.tools.extract_bench $(EXTRACT_ARGS)

## bench-extract: only the extractor's corpus throughput (MB/s per core on a generated 100 MB corpus, 1 vs 2 workers)
bench-extract: setup
	PYTHONPATH=src $(PY) -m helpers.tools.extract_bench $(EXTRACT_ARGS)

## bench-fresh: a fresh clone to a finished `make report`, no uv on PATH, cold package caches (median of 3 runs)
bench-fresh: setup
	PYTHONPATH=src $(PY) -m helpers.bench.fresh_clone $(ARGS)

## fonts: regenerate the shipped font subset in fonts/ from the system's Noto Sans CJK (run after adding text)
fonts: setup
	PYTHONPATH=src $(PY) -m helpers.text.fontsubset

## lab: start JupyterLab at the project's root on the notebooks folder (token authentication stays on)
# `make lab ARTICLE=<slug>` opens them on another article of data/articles/ (XIANNING_ARTICLE for the kernels;
# the article's own notebooks are in data/articles/<slug>/notebooks/).
# `make lab LANG=zh` opens the notebooks in Chinese: it sets XIANNING_LANG=zh for the kernels, and
# LANG itself goes back to your locale (or C.UTF-8), so "zh" never reaches programs as a locale.
# The URL printed at start-up carries the token; never start it with an empty token.
# $(JUPYTER_CONFIG), installed into .venv by setup, offers only the project's kernel, hides the stock
# HTML, PDF (LaTeX), WebPDF (Playwright's browser) and Qt exports from the export menu (use
# "Report_HTML" / "Report_PDF", helpers.report.nbexporter) and, after a save, lets helpers.tools.labsave
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
	@test -d data/articles/$(ARTICLE)/raw || { echo "make lab: ARTICLE=$(ARTICLE) has no folder data/articles/$(ARTICLE)/raw; use one of: $$(ls data/articles | tr '\n' ' ')" >&2; exit 2; }
	XIANNING_LANG=$(XIANNING_LANG) PYTHONPATH="$(CURDIR)/src" $(VENV)/bin/jupyter lab \
		--ServerApp.root_dir="$(CURDIR)" --LabApp.default_url=/lab/tree/notebooks \
		$(if $(filter 0,$(shell id -u)),--allow-root) $(ARGS)

clean:
	rm -rf reports/.build
