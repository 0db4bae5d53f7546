# The two commands a newcomer needs: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
CHROMIUM := /usr/bin/chromium
# npm's record of the packages of the Apollo cache test, installed from the committed lock file
APOLLO := tests/apollo/node_modules/.package-lock.json
INSTALL_LOG := var/install.log

.PHONY: run test lint seed clean

# Installs into .venv on the first run (and again when pyproject.toml changes). pip's output goes
# to $(INSTALL_LOG) and is shown only when the install fails.
$(VENV)/.installed: pyproject.toml
	@mkdir -p $(dir $(INSTALL_LOG))
	@echo "installing dependencies into $(VENV) (about a minute on the first run; log: $(INSTALL_LOG))…"
	@{ $(PYTHON) -m venv $(VENV) && \
	  $(PY) -m pip install --upgrade pip && \
	  $(PY) -m pip install -e '.[dev]'; } > $(INSTALL_LOG) 2>&1 || \
	{ tail -n 40 $(INSTALL_LOG); echo "installing failed; the whole log is in $(INSTALL_LOG)" >&2; exit 1; }
	@touch $@

## run: install, seed the embedded SQLite database on first run, serve http://$(HOST):$(PORT)/graphql
## (make run PORT=8080 HOST=0.0.0.0 to serve elsewhere)
run: $(VENV)/.installed
	$(PY) -m onderwijsgraaf seed --if-empty
	$(PY) -m onderwijsgraaf serve --host $(HOST) --port $(PORT)

## test: lint, type-check and run the whole test suite (the map page's test needs Chromium, the
## Apollo cache test Node.js and npm)
test: lint $(CHROMIUM) $(APOLLO)
	$(PY) -m pytest

# Debian's Chromium for the browser test of /kaart (apt-get needs root)
$(CHROMIUM):
	apt-get install -y --no-install-recommends chromium || \
		(apt-get update && apt-get install -y --no-install-recommends chromium)

# @apollo/client for tests/onderwijsgraaf/test_apollo_cache.py, into tests/apollo/node_modules;
# again only when the lock file changes
$(APOLLO): tests/apollo/package.json tests/apollo/package-lock.json
	cd tests/apollo && npm ci --no-audit --no-fund --ignore-scripts

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy .

## seed: rebuild the database from seed/data (swaps in only when complete)
seed: $(VENV)/.installed
	$(PY) -m onderwijsgraaf seed

clean:
	rm -rf $(VENV) var .mypy_cache .ruff_cache .pytest_cache

## bench: our API against PostGraphile 5 on the same PostgreSQL data, interleaved wrk passes
## (not part of test; installs Node 22, PostGraphile and wrk into var/bench on first use).
## Options: make bench BENCH_ARGS='--passes 1 --duration 3'; see bench/compare.py --help
.PHONY: bench
bench: $(VENV)/.installed
	$(PY) bench/compare.py $(BENCH_ARGS)
