"""OpenAI-compatible chat (OpenAI, DeepSeek, Qwen, vLLM, Ollama …); the only module importing `openai`."""

from __future__ import annotations

import email.utils
import ipaddress
import json
import logging
import random
import re
import threading
import time
from collections.abc import Callable, Sequence
from typing import Any
from urllib.parse import urlparse

import openai
from pydantic import BaseModel

from rag.config import Settings
from rag.errors import BackendError, ConfigError
from rag.llm.base import Completion, Message, Usage, run_structured, schema_json, scrub, validate_reply
from rag.llm.calllog import CallLog, request_hash
from rag.text.tokens import count_tokens

log = logging.getLogger(__name__)

OPENAI_URL = "https://api.openai.com/v1"
LOCAL_KEY = "not-needed"
FORMAT_MODES = ("json_schema", "json_object", "prompt")
RETRY_STATUS = frozenset({408, 409, 429})
_FORMAT_HINTS = ("response_format", "json_schema", "input should be 'text' or 'json_object'")
_NAME_UNSAFE = re.compile(r"[^a-zA-Z0-9_-]")


class _FormatRejected(Exception):
    """The server does not support the requested `response_format`."""


class _Retryable(Exception):
    """A transient failure worth another attempt."""

    def __init__(self, reason: str, retry_after: float | None = None) -> None:
        """Keep the short reason and the server's Retry-After (seconds), if any."""
        super().__init__(reason)
        self.reason = reason
        self.retry_after = retry_after


def is_loopback(url: str) -> bool:
    """True when `url` points at this machine (localhost, 127.0.0.0/8, ::1)."""
    host = urlparse(url).hostname or ""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def resolve_endpoint(settings: Settings) -> tuple[str, str]:
    """(base_url, api_key) for `settings`, or a ConfigError saying what to set."""
    base_url = settings.openai_base_url or OPENAI_URL
    local = is_loopback(base_url)
    if not settings.allow_network_llm and not local:
        raise ConfigError("network LLM calls are disabled (JIEDAO_ALLOW_NETWORK_LLM=false)")
    key = settings.openai_api_key.get_secret_value() if settings.openai_api_key else ""
    if not key and not settings.openai_base_url:
        raise ConfigError(
            "No API key: set OPENAI_API_KEY (or OPENAI_BASE_URL for a local server),"
            " or run with --model offline"
        )
    return base_url, key or LOCAL_KEY


class OpenAICompatBackend:
    """Chat completions over any OpenAI-compatible endpoint, with our own retries, log and cache."""

    available = True

    def __init__(
        self,
        settings: Settings,
        model: str,
        *,
        backoff_base: float = 0.5,
        backoff_cap: float = 8.0,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        """Build the client (no request is sent until `complete`)."""
        if not model:
            raise ConfigError("no model name: use JIEDAO_MODEL=openai:<model>, e.g. openai:gpt-4o-mini")
        base_url, key = resolve_endpoint(settings)
        self.name = f"openai:{model}"
        self.model = model
        self.host = urlparse(base_url).netloc or base_url
        self._settings = settings
        self._secrets = [key]
        self._client = openai.OpenAI(
            api_key=key, base_url=base_url, timeout=settings.llm_timeout, max_retries=0
        )
        self._slots = threading.BoundedSemaphore(settings.llm_max_concurrency)
        self._call = threading.local()  # (prompt_id, input_hash, start) of the call this thread is making
        self._mode_lock = threading.Lock()
        self._mode = 0
        self._backoff = (backoff_base, backoff_cap)
        self._sleep = sleep
        self._rng = random.Random()
        self.calls = CallLog(settings)

    @property
    def format_mode(self) -> str:
        """How structured output is requested now: json_schema, json_object or prompt."""
        return FORMAT_MODES[self._mode]

    def complete(
        self,
        messages: list[Message],
        *,
        schema: type[BaseModel] | None = None,
        stream: bool = False,
        prompt_id: str | None = None,
        on_token: Callable[[str], None] | None = None,
    ) -> Completion:
        """One logged (and, when enabled, cached) chat completion; see `LLMBackend.complete`."""
        spec = schema.model_json_schema() if schema else None
        input_hash = request_hash(model=self.name, messages=messages, schema=spec)
        cache_key = request_hash(model=self.name, prompt_id=prompt_id, messages=messages, schema=spec)
        hit = self._from_cache(cache_key, schema, on_token) if self._settings.llm_cache else None
        if hit is not None:
            self.calls.log_call(model=self.name, prompt_id=prompt_id, input_hash=input_hash, cached=True)
            return hit
        usage = Usage(attempts=0)
        started, error = time.perf_counter(), None
        self._call.info = (prompt_id, input_hash, started)
        try:
            send = self._sender(schema, stream, on_token, usage)
            text, parsed = run_structured(send, messages, schema)
        except Exception as exc:
            error = f"{type(exc).__name__}: {exc}"
            raise
        finally:
            self._log(prompt_id, input_hash, usage, (time.perf_counter() - started) * 1000, error)
        result = Completion(text=text, parsed=parsed, usage=usage, model=self.name)
        if self._settings.llm_cache:
            payload = {"text": text, "model": self.name, **usage.model_dump(exclude={"cached", "attempts"})}
            self.calls.cache_put(cache_key, model=self.name, prompt_id=prompt_id, response=payload)
        return result

    def _log_attempt(self, error: str) -> None:
        """Log one failed attempt that will be retried (timeouts included), so `jiedao logs` shows it."""
        prompt_id, input_hash, started = getattr(self._call, "info", (None, "", time.perf_counter()))
        self.calls.log_call(model=self.name, prompt_id=prompt_id, input_hash=input_hash,
                            latency_ms=(time.perf_counter() - started) * 1000, error=error)

    def _log(
        self, prompt_id: str | None, input_hash: str, usage: Usage, ms: float, error: str | None
    ) -> None:
        """Write the `llm_calls` row of one finished (or failed) call."""
        self.calls.log_call(
            model=self.name,
            prompt_id=prompt_id,
            input_hash=input_hash,
            prompt_tokens=usage.prompt_tokens,
            completion_tokens=usage.completion_tokens,
            latency_ms=ms,
            error=error,
        )

    def _from_cache(
        self, key: str, schema: type[BaseModel] | None, on_token: Callable[[str], None] | None
    ) -> Completion | None:
        """A Completion rebuilt from the cache, or None on a miss (or a stale, no longer valid entry)."""
        stored = self.calls.cache_get(key)
        if not stored:
            return None
        parsed = None
        if schema is not None:
            parsed, errors = validate_reply(stored["text"], schema)
            if errors:
                return None
        if on_token is not None:
            on_token(stored["text"])
        usage = Usage(attempts=0, cached=True)
        return Completion(text=stored["text"], parsed=parsed, usage=usage, model=self.name)

    def _sender(
        self,
        schema: type[BaseModel] | None,
        stream: bool,
        on_token: Callable[[str], None] | None,
        usage: Usage,
    ) -> Callable[[list[Message]], str]:
        """A function sending one conversation (degrading `response_format` as the server requires)."""

        def send(convo: list[Message]) -> str:
            """Send `convo` in the strongest format mode the server still accepts."""
            while True:
                mode = self._mode
                params = self._params(convo, schema, mode)
                try:
                    return self._with_retries(params, stream, on_token, usage)
                except _FormatRejected:
                    self._downgrade(mode)

        return send

    def _downgrade(self, mode: int) -> None:
        """Remember that the server rejected format `mode`; use the next weaker one from now on."""
        with self._mode_lock:
            self._mode = max(self._mode, mode + 1)
        log.info(
            "%s does not accept response_format %s; using %s", self.host, FORMAT_MODES[mode], self.format_mode
        )

    def _params(self, convo: list[Message], schema: type[BaseModel] | None, mode: int) -> dict[str, Any]:
        """Request parameters for `convo` under structured-output `mode`."""
        params: dict[str, Any] = {"model": self.model, "messages": convo,
                                  "max_tokens": self._settings.llm_max_tokens,
                                  "temperature": self._settings.llm_temperature}
        if schema is None:
            return params
        if FORMAT_MODES[mode] == "json_schema":
            name = _NAME_UNSAFE.sub("_", schema.__name__)[:64]
            params["response_format"] = {
                "type": "json_schema",
                "json_schema": {"name": name, "schema": schema.model_json_schema(), "strict": False},
            }
            return params
        if FORMAT_MODES[mode] == "json_object":
            params["response_format"] = {"type": "json_object"}
        params["messages"] = _with_schema_prompt(convo, schema)
        return params

    def _with_retries(
        self, params: dict[str, Any], stream: bool, on_token: Callable[[str], None] | None, usage: Usage
    ) -> str:
        """Send `params`, retrying transient failures with backoff; raise BackendError when exhausted."""
        attempts = self._settings.llm_max_retries + 1
        reason = "unknown error"
        for attempt in range(1, attempts + 1):
            usage.attempts += 1
            try:
                with self._slots:
                    return self._once(params, stream, on_token, usage)
            except _Retryable as exc:
                reason, retry_after = exc.reason, exc.retry_after
            if attempt < attempts:
                self._log_attempt(f"attempt {attempt}/{attempts} failed, retried: {reason}")
                delay = self._delay(attempt, retry_after)
                log.warning(
                    "LLM request to %s failed (%s); retry %d/%d in %.2f s",
                    self.host,
                    reason,
                    attempt,
                    attempts - 1,
                    delay,
                )
                self._sleep(delay)
        raise BackendError(
            f"LLM endpoint {self.host} failed after {attempts} attempts: {reason}", retryable=True
        )

    def _delay(self, attempt: int, retry_after: float | None) -> float:
        """Seconds to wait before the next attempt: Retry-After (capped) or jittered exponential backoff."""
        base, cap = self._backoff
        if retry_after is not None:
            return max(0.0, min(retry_after, cap))
        return min(cap, base * 2 ** (attempt - 1)) * (0.5 + self._rng.random() / 2)

    def _once(
        self, params: dict[str, Any], stream: bool, on_token: Callable[[str], None] | None, usage: Usage
    ) -> str:
        """One HTTP request; SDK errors become `_Retryable`, `_FormatRejected` or BackendError."""
        # Our errors are raised outside the `except` blocks so they carry no SDK exception as
        # __context__: SDK messages can echo request headers or a key-bearing response body.
        failure: Exception
        try:
            if stream:
                return self._stream(params, on_token, usage)
            response = self._client.chat.completions.create(**params)
        except openai.APIStatusError as exc:
            failure = self._status_failure(exc, params)
        except openai.APITimeoutError:
            failure = _Retryable(f"timed out after {self._settings.llm_timeout:g} s")
        except openai.APIConnectionError as exc:
            failure = _Retryable(f"connection failed ({self._short(exc.__cause__ or exc)})")
        except (openai.APIResponseValidationError, ValueError) as exc:
            failure = _Retryable(f"malformed response ({self._short(exc)})")
        else:
            return self._read(response, params, usage)
        raise failure

    def _read(self, response: Any, params: dict[str, Any], usage: Usage) -> str:
        """The reply text of a non-streamed response; token counts added to `usage`."""
        choices = getattr(response, "choices", None)
        if not choices or getattr(choices[0], "message", None) is None:
            raise _Retryable("malformed response (no choices)")
        text = choices[0].message.content or ""
        self._count(params, text, getattr(response, "usage", None), usage)
        return text

    def _stream(self, params: dict[str, Any], on_token: Callable[[str], None] | None, usage: Usage) -> str:
        """Stream one reply, pushing deltas to `on_token`; a reply without finish_reason is cut off."""
        chunks = self._client.chat.completions.create(
            **params, stream=True, stream_options={"include_usage": True}
        )
        parts: list[str] = []
        finished, server_usage = False, None
        try:
            for chunk in chunks:
                server_usage = chunk.usage or server_usage
                for choice in chunk.choices or []:
                    delta = choice.delta.content if choice.delta else None
                    if delta:
                        parts.append(delta)
                        if on_token is not None:
                            on_token(delta)
                    finished = finished or bool(choice.finish_reason)
        except (openai.OpenAIError, ValueError):
            finished = False
        text = "".join(parts)
        if not finished:
            raise BackendError(f"LLM stream was cut off after {len(text)} characters", retryable=True)
        self._count(params, text, server_usage, usage)
        return text

    def _count(self, params: dict[str, Any], text: str, server: Any, usage: Usage) -> None:
        """Add server-reported token counts, or tiktoken estimates when the server sent none."""
        prompt = getattr(server, "prompt_tokens", None)
        completion = getattr(server, "completion_tokens", None)
        if prompt is None:
            prompt = sum(count_tokens(m.get("content", ""), self.model) for m in params["messages"])
        if completion is None:
            completion = count_tokens(text, self.model)
        usage.add(int(prompt), int(completion))

    def _status_failure(self, exc: openai.APIStatusError, params: dict[str, Any]) -> Exception:
        """Map an HTTP error status to `_FormatRejected`, `_Retryable` or a one-line BackendError."""
        status, body = exc.status_code, self._body(exc)
        if "response_format" in params and status in (400, 422, 500) and _mentions_format(body):
            return _FormatRejected()
        if status in RETRY_STATUS or status >= 500:
            return _Retryable(f"HTTP {status} {body[:120]}".strip(), _retry_after(exc))
        if status in (401, 403):
            return BackendError(
                f"authentication failed (HTTP {status} from {self.host}): check OPENAI_API_KEY"
            )
        if status == 404:
            return BackendError(
                f"model or endpoint not found (HTTP 404 from {self.host}, model {self.model}):"
                " check JIEDAO_MODEL / OPENAI_BASE_URL"
            )
        return BackendError(f"LLM endpoint {self.host} rejected the request (HTTP {status}): {body[:200]}")

    def _body(self, exc: openai.APIStatusError) -> str:
        """A short, key-free excerpt of an error response body (its `message` when JSON)."""
        try:
            raw: Any = exc.response.text
        except Exception:
            raw = exc.body
        try:
            data = json.loads(raw) if isinstance(raw, str) else raw
        except ValueError:
            data = raw
        if isinstance(data, dict):
            inner = data.get("error", data)
            data = inner.get("message", inner) if isinstance(inner, dict) else inner
        text = data if isinstance(data, str) else json.dumps(data, ensure_ascii=False, default=str)
        return self._short(text, 300)

    def _short(self, value: object, limit: int = 160) -> str:
        """One scrubbed line of at most `limit` characters."""
        return scrub(" ".join(str(value).split()), self._secrets)[:limit]


def _mentions_format(body: str) -> bool:
    """True when an error body says the server does not support the requested response_format."""
    lowered = body.lower()
    return any(hint in lowered for hint in _FORMAT_HINTS)


def _retry_after(exc: openai.APIStatusError) -> float | None:
    """Seconds the server asked us to wait (Retry-After / retry-after-ms), if any."""
    headers = exc.response.headers
    try:
        if headers.get("retry-after-ms"):
            return float(headers["retry-after-ms"]) / 1000
        value = headers.get("retry-after")
        if not value:
            return None
        if value.strip().replace(".", "", 1).isdigit():
            return float(value)
        when = email.utils.parsedate_to_datetime(value)
        return when.timestamp() - time.time()
    except (TypeError, ValueError):
        return None


def _with_schema_prompt(convo: list[Message], schema: type[BaseModel]) -> list[Message]:
    """`convo` with the JSON schema and 'Reply with JSON only' appended to the system message."""
    note = (
        "\n\nReply with JSON only: a single JSON object matching this JSON schema, "
        f"no prose and no code fences.\nJSON schema: {schema_json(schema)}"
    )
    if convo and convo[0].get("role") == "system":
        return [{**convo[0], "content": convo[0]["content"] + note}, *convo[1:]]
    return [{"role": "system", "content": note.strip()}, *convo]


class OpenAIEmbedder:
    """Embeddings from an OpenAI-compatible /v1/embeddings endpoint (Chroma's EmbeddingFunction contract)."""

    def __init__(self, settings: Settings, model: str) -> None:
        """Build the client; nothing is sent until the first call."""
        if not model:
            raise ConfigError("no embedding model: use JIEDAO_EMBEDDER=openai:<model>, e.g. openai:text-embedding-3-small")
        base_url, key = resolve_endpoint(settings)
        self.model = model
        self.host = urlparse(base_url).netloc or base_url
        self.dim = 0
        self._client = openai.OpenAI(api_key=key, base_url=base_url, timeout=settings.llm_timeout,
                                     max_retries=settings.llm_max_retries)

    def name(self) -> str:
        """Id stored with the collection, so vectors of different models never mix."""
        return f"openai-{self.model}"

    def __call__(self, input: Sequence[str]) -> list[list[float]]:
        return self._embed(list(input))

    def embed_query(self, query: str) -> list[float]:
        """Queries and passages share one space for OpenAI-style embedding models."""
        return self._embed([query])[0]

    def _embed(self, texts: list[str]) -> list[list[float]]:
        if not texts:
            return []
        failure: BackendError
        try:
            response = self._client.embeddings.create(model=self.model, input=texts)
        except openai.APIStatusError as exc:  # our message only: SDK errors can echo request details
            failure = BackendError(f"embedding endpoint {self.host} returned HTTP {exc.status_code}",
                                   retryable=exc.status_code == 429 or exc.status_code >= 500)
        except openai.APIError as exc:
            failure = BackendError(f"embedding endpoint {self.host} failed ({type(exc).__name__})", retryable=True)
        else:
            vectors = [d.embedding for d in sorted(response.data, key=lambda d: d.index)]
            self.dim = len(vectors[0]) if vectors else self.dim
            return vectors
        raise failure
