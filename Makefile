# genechem: `make serve` runs the gateway, `make test` runs every test. Each installs what it needs.
# uv is bootstrapped from PyPI into .tools/ when it is not on PATH.

PYTHON ?= python3
UV := $(shell command -v uv 2>/dev/null || echo .tools/bin/uv)
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: serve mirror test lint typecheck check schema sync

.tools/bin/uv:
	$(PYTHON) -m venv .tools
	.tools/bin/pip install --quiet --disable-pip-version-check uv

sync: $(UV)
	$(UV) sync --frozen

serve: sync
	$(UV) run --frozen genechem serve --host $(HOST) --port $(PORT)

mirror: sync
	$(UV) run --frozen genechem mirror --host $(HOST) --port 9000

test: sync
	$(UV) run --frozen pytest

lint: sync
	$(UV) run --frozen ruff check .
	$(UV) run --frozen ruff format --check .

typecheck: sync
	$(UV) run --frozen mypy

check: test lint typecheck

schema: sync
	$(UV) run --frozen genechem export-schema
