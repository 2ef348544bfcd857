"""A real OpenAI-compatible HTTP server on 127.0.0.1 for tests, with scriptable faults."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

DEFAULT_TEXT = "default reply"


@dataclass
class Step:
    """One scripted response: kind is reply | error | hang | malformed | truncated."""

    kind: str = "reply"
    text: str = DEFAULT_TEXT
    usage: bool = True
    status: int = 200
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)
    seconds: float = 0.0


def reply(text: str, *, usage: bool = True, delay: float = 0.0) -> Step:
    """A normal completion after `delay` seconds (streamed as SSE when the request asks for it)."""
    return Step("reply", text=text, usage=usage, seconds=delay)


def error(status: int, body: Any = None, headers: dict[str, str] | None = None) -> Step:
    """An HTTP error with a JSON (dict) or raw (str) body."""
    return Step(
        "error",
        status=status,
        body=body if body is not None else {"error": {"message": "boom"}},
        headers=headers or {},
    )


def hang(seconds: float = 5.0) -> Step:
    """Accept the request and send nothing for `seconds`."""
    return Step("hang", seconds=seconds)


def malformed(body: str = '{"id": "x", "choices": [') -> Step:
    """A 200 response whose body is not valid JSON."""
    return Step("malformed", body=body)


def truncated(text: str) -> Step:
    """A stream that sends `text` in chunks, then closes without finish_reason or [DONE]."""
    return Step("truncated", text=text)


class LLMServer:
    """Server state shared with the handler: the script, received requests, switches."""

    def __init__(self) -> None:
        """An empty script served on an ephemeral port once started."""
        self.url = ""
        self.steps: list[Step] = []
        self.requests: list[dict[str, Any]] = []
        self.reject_json_schema = False
        self.default_text = DEFAULT_TEXT
        self.stop = threading.Event()
        self.in_flight = 0
        self.max_in_flight = 0
        self._lock = threading.Lock()

    def script(self, steps: list[Step]) -> None:
        """Queue `steps` to serve in order (after them: the default reply)."""
        with self._lock:
            self.steps.extend(steps)

    def next_step(self, body: dict[str, Any], headers: dict[str, str], path: str) -> Step:
        """Record a request (header names lower-cased) and pick its response."""
        with self._lock:
            self.requests.append({"path": path, "headers": headers, "json": body})
            fmt = (body.get("response_format") or {}).get("type")
            if self.reject_json_schema and fmt == "json_schema":
                return error(500, {"error": "Input should be 'text' or 'json_object'"})
            return self.steps.pop(0) if self.steps else reply(self.default_text)

    def track(self, delta: int) -> None:
        """Count chat requests being handled right now (and the peak)."""
        with self._lock:
            self.in_flight += delta
            self.max_in_flight = max(self.max_in_flight, self.in_flight)

    @property
    def chat_requests(self) -> list[dict[str, Any]]:
        """JSON bodies of the chat completion requests received so far."""
        return [r["json"] for r in self.requests if r["path"].endswith("/chat/completions")]


def _completion(text: str, model: str, usage: bool) -> dict[str, Any]:
    """A chat.completion object."""
    body: dict[str, Any] = {
        "id": "chatcmpl-test",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": model,
        "choices": [{"index": 0, "message": {"role": "assistant", "content": text}, "finish_reason": "stop"}],
    }
    if usage:
        body["usage"] = {"prompt_tokens": 11, "completion_tokens": 7, "total_tokens": 18}
    return body


def _chunk(model: str, delta: dict[str, Any], finish: str | None = None) -> dict[str, Any]:
    """A chat.completion.chunk object."""
    return {
        "id": "chatcmpl-test",
        "object": "chat.completion.chunk",
        "created": int(time.time()),
        "model": model,
        "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
    }


def _pieces(text: str, size: int = 4) -> list[str]:
    """`text` cut into small deltas."""
    return [text[i : i + size] for i in range(0, len(text), size)] or [""]


class _Handler(BaseHTTPRequestHandler):
    """Speaks enough of the OpenAI HTTP API for the backend tests."""

    server_version = "FakeOpenAI/1.0"
    state: LLMServer

    def log_message(self, format: str, *args: Any) -> None:
        """Stay quiet."""

    def do_GET(self) -> None:
        """GET /v1/models."""
        if self.path.rstrip("/").endswith("/models"):
            self._json(
                200, {"object": "list", "data": [{"id": "test-model", "object": "model", "owned_by": "test"}]}
            )
        else:
            self._json(404, {"error": {"message": f"no route {self.path}"}})

    def do_POST(self) -> None:
        """POST /v1/chat/completions."""
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length)
        if self.path.rstrip("/").endswith("/embeddings"):
            self._embeddings(json.loads(raw or b"{}"))
            return
        if not self.path.rstrip("/").endswith("/chat/completions"):
            self._json(404, {"error": {"message": f"no route {self.path}"}})
            return
        body = json.loads(raw or b"{}")
        headers = {key.lower(): value for key, value in self.headers.items()}
        step = self.state.next_step(body, headers, self.path)
        self.state.track(+1)
        try:
            self._respond(step, body)
        finally:
            self.state.track(-1)

    def _embeddings(self, body: dict[str, Any]) -> None:
        """POST /v1/embeddings: deterministic 8-d character-count vectors (enough to rank, and to test)."""
        texts = body.get("input") or []
        texts = [texts] if isinstance(texts, str) else texts
        with self.state._lock:
            self.state.requests.append({"path": self.path, "headers": {}, "json": body})
        data = [{"object": "embedding", "index": i,
                 "embedding": [float(sum(ord(c) % 8 == d for c in t)) + 1.0 for d in range(8)]}
                for i, t in enumerate(texts)]
        self._json(200, {"object": "list", "data": data, "model": body.get("model", "emb"),
                         "usage": {"prompt_tokens": len(texts), "total_tokens": len(texts)}})

    def _respond(self, step: Step, body: dict[str, Any]) -> None:
        """Serve one scripted step."""
        model = body.get("model", "test-model")
        if step.seconds:
            self.state.stop.wait(step.seconds)
        if step.kind == "hang":
            return
        if step.kind == "error":
            self._json(step.status, step.body, step.headers)
        elif step.kind == "malformed":
            self._send(200, str(step.body).encode("utf-8"), "application/json")
        elif body.get("stream"):
            self._stream(step, model, body)
        else:
            self._json(200, _completion(step.text, model, step.usage))

    def _stream(self, step: Step, model: str, request: dict[str, Any]) -> None:
        """Serve `step` as server-sent events; a truncated step stops early and drops the connection."""
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-cache")
        self.end_headers()
        events = [_chunk(model, {"role": "assistant", "content": ""})]
        events += [_chunk(model, {"content": piece}) for piece in _pieces(step.text)]
        if step.kind != "truncated":
            events.append(_chunk(model, {}, "stop"))
            if step.usage and (request.get("stream_options") or {}).get("include_usage"):
                events.append(
                    {
                        **_chunk(model, {}),
                        "choices": [],
                        "usage": {"prompt_tokens": 11, "completion_tokens": 7, "total_tokens": 18},
                    }
                )
        for event in events:
            self.wfile.write(f"data: {json.dumps(event, ensure_ascii=False)}\n\n".encode())
            self.wfile.flush()
        if step.kind != "truncated":
            self.wfile.write(b"data: [DONE]\n\n")
        self.wfile.flush()
        self.close_connection = True

    def _json(self, status: int, body: Any, headers: dict[str, str] | None = None) -> None:
        """Send a JSON (or raw string) body."""
        data = body if isinstance(body, str) else json.dumps(body, ensure_ascii=False)
        self._send(status, data.encode("utf-8"), "application/json", headers)

    def _send(self, status: int, data: bytes, ctype: str, headers: dict[str, str] | None = None) -> None:
        """Send a complete response."""
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(data)


@contextmanager
def serve_llm() -> Iterator[LLMServer]:
    """Run an LLMServer on 127.0.0.1 (ephemeral port) in a thread for the duration of the block."""
    state = LLMServer()
    handler = type("Handler", (_Handler,), {"state": state})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.daemon_threads = True
    state.url = f"http://127.0.0.1:{httpd.server_address[1]}/v1"
    thread = threading.Thread(target=httpd.serve_forever, args=(0.05,), name="llm-server", daemon=True)
    thread.start()
    try:
        yield state
    finally:
        state.stop.set()
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)


@pytest.fixture
def server() -> Iterator[LLMServer]:
    """A fresh local OpenAI-compatible server per test (re-exported by conftest)."""
    with serve_llm() as srv:
        yield srv
