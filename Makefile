# BOTK: `make serve` and `make test` set themselves up on a fresh machine.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DOCS ?= documentos_macaya

.PHONY: serve prod test lint bench chat ingest clean

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "BOTK necesita Python 3.11 o más nuevo")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	@touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $@ $(VENV)/.installed

ingest: $(VENV)/.installed
	$(BIN)/botk docs ingest $(DOCS)

serve: ingest
	$(BIN)/botk serve

# Producción: gunicorn con hilos (deploy/gunicorn.conf.py); lee BOTK_HOST, PORT y API_HASH de .env.
prod: ingest
	@mkdir -p logs
	$(BIN)/gunicorn -c deploy/gunicorn.conf.py

chat: ingest
	$(BIN)/botk chat

test: $(VENV)/.installed-dev
	$(BIN)/python -m pytest

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

bench: $(VENV)/.installed-dev
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache
