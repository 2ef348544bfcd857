# Two entry points that work on a fresh machine with no API key: `make run` and `make test`.
# The venv is built from uv.lock (every package pinned with hashes); `make lock` refreshes the lock.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8501
HOST ?= 127.0.0.1
UV_VERSION := 0.13.8
UV := .uv/bin/uv
export ANONYMIZED_TELEMETRY := False
export HF_HUB_OFFLINE := 1
export UV_PROJECT_ENVIRONMENT := $(VENV)
export UV_PYTHON_DOWNLOADS := never

.PHONY: run test test-llm bench lint lock lock-upgrade install install-dev browser-deps clean

# uv itself comes from PyPI into its own small venv, so `uv sync` can manage .venv exactly.
$(UV):
	$(PY) -m venv .uv
	.uv/bin/pip install -q uv==$(UV_VERSION)

# --locked: install exactly what uv.lock pins, and fail if pyproject.toml changed without `make lock`.
$(VENV)/.installed: $(UV) pyproject.toml uv.lock
	$(UV) sync --locked --python $(PY)
	rm -f $(VENV)/.installed-dev
	touch $@

$(VENV)/.installed-dev: $(UV) pyproject.toml uv.lock
	$(UV) sync --locked --python $(PY) --extra dev
	touch $(VENV)/.installed $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

lock: $(UV)  ## refresh uv.lock after editing dependencies in pyproject.toml (keeps other pins)
	$(UV) lock --python $(PY)

lock-upgrade: $(UV)  ## move every pin to the newest release the constraints allow
	$(UV) lock --python $(PY) --upgrade

run: install  ## set up, ingest the sample corpus, start the app
	$(BIN)/jiedao ingest data/reports
	$(BIN)/streamlit run app.py --server.address $(HOST) --server.port $(PORT) --server.headless true

browser-deps:  ## Chromium + CJK font for the browser test (Debian; skipped elsewhere)
	@if [ ! -x /usr/bin/chromium ] && command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-wqy-microhei >/dev/null) \
		|| echo "browser-deps: could not install chromium; the browser test will skip"; \
	fi

test: install-dev browser-deps  ## set up with dev extras and run the whole suite
	$(BIN)/ruff check rag tests evals benchmarks app.py
	$(BIN)/pytest -q || [ $$? -eq 5 ]

test-llm: install-dev  ## end-to-end against a real model server at JIEDAO_TEST_LLM_URL
	$(BIN)/pytest -q -m llm -o addopts=""

bench: install-dev
	$(BIN)/python benchmarks/run.py

lint: install-dev
	$(BIN)/ruff check rag tests evals benchmarks app.py
	$(BIN)/mypy rag

clean:
	rm -rf .jiedao out benchmarks/results .uv
