"""The LLM backend Protocol, its result records and the shared structured-output loop."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from typing import Any, Protocol, runtime_checkable

from pydantic import BaseModel, Field, ValidationError

from rag.errors import BackendError, ExtractionError

Message = dict[str, str]
MAX_ATTEMPTS = 3
_FENCE = re.compile(r"^```[a-zA-Z0-9_-]*\s*\n?(.*?)\n?```\s*$", re.DOTALL)
_KEY_LIKE = re.compile(r"\bsk-[A-Za-z0-9_\-]{6,}")


class Usage(BaseModel):
    """Tokens spent by one `complete` call, summed over every request it made."""

    prompt_tokens: int = Field(default=0, description="Input tokens (server count, else tiktoken estimate).")
    completion_tokens: int = Field(
        default=0, description="Output tokens (server count, else tiktoken estimate)."
    )
    attempts: int = Field(
        default=1, description="Requests sent to the endpoint (transport + validation retries)."
    )
    cached: bool = Field(default=False, description="True when served from the response cache (no request).")

    def add(self, prompt_tokens: int, completion_tokens: int) -> None:
        """Add one response's token counts."""
        self.prompt_tokens += prompt_tokens
        self.completion_tokens += completion_tokens


class Completion(BaseModel):
    """What a backend returns: raw text, the validated object when a schema was given, usage."""

    text: str = Field(description="The model's final reply text.")
    parsed: Any = Field(default=None, description="An instance of the requested schema, else None.")
    usage: Usage = Field(default_factory=Usage)
    model: str = Field(description="Backend name that produced the text, e.g. 'openai:gpt-4o-mini'.")


@runtime_checkable
class LLMBackend(Protocol):
    """A chat model: messages in, `Completion` out."""

    name: str
    available: bool

    def complete(
        self,
        messages: list[Message],
        *,
        schema: type[BaseModel] | None = None,
        stream: bool = False,
        prompt_id: str | None = None,
        on_token: Callable[[str], None] | None = None,
    ) -> Completion:
        """Run one chat completion; with `schema`, `Completion.parsed` is a validated instance."""
        ...


class OfflineBackend:
    """The no-LLM backend: reports itself unavailable and refuses to complete."""

    name = "offline"
    available = False

    def __init__(self, settings: object = None, model: str = "") -> None:
        """Accept the factory arguments; nothing to configure."""

    def complete(
        self,
        messages: list[Message],
        *,
        schema: type[BaseModel] | None = None,
        stream: bool = False,
        prompt_id: str | None = None,
        on_token: Callable[[str], None] | None = None,
    ) -> Completion:
        """Always fail: callers must check `available` and use the extractive engine."""
        raise BackendError("no LLM configured (offline mode)", hint="set JIEDAO_MODEL=openai:<model>")


def scrub(text: str, secrets: Sequence[str | None] = ()) -> str:
    """`text` with every given secret and anything shaped like an API key replaced by '***'."""
    for secret in secrets:
        if secret and len(secret) >= 4:
            text = text.replace(secret, "***")
    return _KEY_LIKE.sub("sk-***", text)


def strip_fences(text: str) -> str:
    """The JSON inside a reply: drops ```json fences and prose around the outermost object."""
    body = text.strip()
    match = _FENCE.match(body)
    if match:
        body = match.group(1).strip()
    if body[:1] not in "{[":
        start, end = body.find("{"), body.rfind("}")
        if 0 <= start < end:
            body = body[start : end + 1]
    return body


def validate_reply(text: str, schema: type[BaseModel]) -> tuple[BaseModel | None, list[str]]:
    """Parse and validate `text` against `schema`: (instance, []) or (None, error lines)."""
    try:
        data = json.loads(strip_fences(text), strict=False)
    except json.JSONDecodeError as exc:
        return None, [f"invalid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})"]
    try:
        return schema.model_validate(data), []
    except ValidationError as exc:
        return None, [_error_line(err) for err in exc.errors(include_url=False)]


def _error_line(err: Any) -> str:
    """One readable line for a pydantic error entry."""
    where = ".".join(str(part) for part in err.get("loc", ())) or "(root)"
    return f"{where}: {err.get('msg', 'invalid')}"


def feedback_message(errors: list[str]) -> Message:
    """The user turn that tells the model what was wrong with its previous reply."""
    listed = "\n".join(f"- {line}" for line in errors[:20])
    return {
        "role": "user",
        "content": "Your previous reply failed validation:\n"
        f"{listed}\nReply again with corrected JSON only, no commentary.",
    }


def schema_json(schema: type[BaseModel]) -> str:
    """The JSON schema of `schema`, compact and readable (Chinese kept as is)."""
    return json.dumps(schema.model_json_schema(), ensure_ascii=False, separators=(",", ":"))


def run_structured(
    send: Callable[[list[Message]], str],
    messages: list[Message],
    schema: type[BaseModel] | None,
    *,
    max_attempts: int = MAX_ATTEMPTS,
) -> tuple[str, BaseModel | None]:
    """Call `send` until its reply validates against `schema`, feeding errors back (fake and real)."""
    if schema is None:
        return send(list(messages)), None
    convo = list(messages)
    first_error = ""
    for _ in range(max_attempts):
        text = send(convo)
        parsed, errors = validate_reply(text, schema)
        if parsed is not None:
            return text, parsed
        first_error = first_error or errors[0][:200]
        convo = [*convo, {"role": "assistant", "content": text}, feedback_message(errors)]
    raise ExtractionError(f"model output failed validation after {max_attempts} attempts: {first_error}")
