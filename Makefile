# Two entry points that work on a fresh machine with no API key: `make run` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8501
export ANONYMIZED_TELEMETRY := False
export HF_HUB_OFFLINE := 1

.PHONY: run test test-llm bench lint install install-dev browser-deps clean

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(BIN)/pip install -q -e .
	touch $@

$(VENV)/.installed-dev: $(BIN)/python pyproject.toml
	$(BIN)/pip install -q -e '.[dev]'
	touch $(VENV)/.installed $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

run: install  ## set up, ingest the sample corpus, start the app
	$(BIN)/jiedao ingest data/reports
	$(BIN)/streamlit run app.py --server.port $(PORT) --server.headless true --browser.gatherUsageStats false

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
	rm -rf .jiedao out benchmarks/results
