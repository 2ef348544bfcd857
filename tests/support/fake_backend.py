"""A scripted backend for tests: enqueue replies, then assert on `history`."""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Callable
from typing import Any

from pydantic import BaseModel

from rag.errors import BackendError
from rag.llm.base import Completion, Message, Usage, run_structured
from rag.text.tokens import count_tokens

Reply = str | BaseModel | Exception
_PIECES = re.compile(r"\s*\S{1,4}|\s+")


class FakeBackend:
    """Pops one scripted reply per request; validates and retries exactly like the real backend."""

    available = True

    def __init__(self, settings: object = None, model: str = "") -> None:
        """An empty script; `model` only changes the reported name ('fake' or 'fake:<model>')."""
        self.name = f"fake:{model}" if model else "fake"
        self.queue: deque[Reply] = deque()
        self.history: list[dict[str, Any]] = []

    def enqueue(self, *replies: Reply) -> FakeBackend:
        """Add replies: text, a model instance (sent as its JSON) or an exception to raise."""
        self.queue.extend(replies)
        return self

    def complete(
        self,
        messages: list[Message],
        *,
        schema: type[BaseModel] | None = None,
        stream: bool = False,
        prompt_id: str | None = None,
        on_token: Callable[[str], None] | None = None,
    ) -> Completion:
        """Answer from the script; see `LLMBackend.complete`."""
        usage = Usage(attempts=0)

        def send(convo: list[Message]) -> str:
            """Record the request and answer with the next scripted reply."""
            usage.attempts += 1
            self.history.append(
                {
                    "messages": [dict(m) for m in convo],
                    "schema": schema.__name__ if schema else None,
                    "prompt_id": prompt_id,
                    "stream": stream,
                }
            )
            text = self._pop()
            if stream and on_token is not None:
                for piece in _PIECES.findall(text):
                    on_token(piece)
            prompt = sum(count_tokens(m.get("content", "")) for m in convo)
            usage.add(prompt, count_tokens(text))
            return text

        text, parsed = run_structured(send, messages, schema)
        return Completion(text=text, parsed=parsed, usage=usage, model=self.name)

    def _pop(self) -> str:
        """The next scripted reply as text (raising scripted exceptions)."""
        if not self.queue:
            raise BackendError("fake backend: no scripted reply left (call enqueue first)")
        reply = self.queue.popleft()
        if isinstance(reply, Exception):
            raise reply
        if isinstance(reply, BaseModel):
            return reply.model_dump_json()
        return reply
