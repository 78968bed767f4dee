# Two entry points (see README): `make lab` opens the lessons, `make test` runs every test.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
CHROMIUM ?= /usr/bin/chromium

.PHONY: lab test test-fast venv chromium lint handouts clean hub-load bench-build

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

venv: $(STAMP)

## Open the lessons in JupyterLab (trainee and instructor view).
lab: $(STAMP)
	$(BIN)/jupyter lab $$([ "$$(id -u)" = 0 ] && echo --allow-root) notebooks/00_start_here.ipynb

## Install the Debian chromium package the browser tests need, or say how.
chromium:
	@if [ -x "$(CHROMIUM)" ]; then exit 0; fi; \
	if [ "$$(id -u)" = "0" ] && command -v apt-get >/dev/null; then \
		echo "Installing Debian chromium for the browser tests..."; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	else \
		echo "The browser tests need Chromium. Run:  sudo apt-get install -y chromium" >&2; exit 1; \
	fi

## Build the HTML handouts (trainee and instructor editions) into build/handouts/.
handouts: $(STAMP)
	$(BIN)/skinlessons build

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/mypy

## Run every test: lint, types, unit, notebooks and browser tests.
test: $(STAMP) chromium lint
	$(BIN)/python -m pytest -n 2

## The edit loop: every test but the browser and slow ones (see the markers in pyproject.toml).
test-fast: $(STAMP)
	$(BIN)/python -m pytest -n 2 -m "not browser and not slow"

## Load test (not part of `make test`): a real JupyterHub on 127.0.0.1 serving the trainee
## release to N simulated trainees (default 20). Installs its own venv and proxy under build/.
HUB_VENV  := build/hub-venv
HUB_NODE  := build/hub-node
HUB_STAMP := $(HUB_VENV)/.installed
N ?= 20

$(HUB_STAMP): pyproject.toml
	$(PYTHON) -m venv $(HUB_VENV)
	$(HUB_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(HUB_VENV)/bin/python -m pip install --quiet jupyterhub requests websocket-client psutil -e .
	npm install --silent --no-fund --no-audit --prefix $(HUB_NODE) configurable-http-proxy
	touch $@

hub-load: $(HUB_STAMP)
	$(HUB_VENV)/bin/python benchmarks/hub_load.py --trainees $(N) \
		--proxy $(HUB_NODE)/node_modules/.bin/configurable-http-proxy

## Build benchmark (not part of `make test`): fresh `skinlessons build` processes against serial
## nbconvert and Jupyter Book 1, which it installs with the project in its own venv under build/.
JB1_VENV  := build/jb1-venv
JB1_STAMP := $(JB1_VENV)/.installed

$(JB1_STAMP): pyproject.toml
	$(PYTHON) -m venv $(JB1_VENV)
	$(JB1_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(JB1_VENV)/bin/python -m pip install --quiet "jupyter-book<2" -e .
	touch $@

bench-build: $(STAMP) $(JB1_STAMP)
	$(BIN)/python benchmarks/build.py --jupyter-book $(JB1_VENV)/bin/jupyter-book

clean:
	rm -rf build .pytest_cache .mypy_cache .ruff_cache
