"""LLM backends, looked up by name: 'offline', 'openai:<model>' (tests register 'fake' from outside)."""

from __future__ import annotations

from collections.abc import Callable

from rag.config import Settings
from rag.errors import ConfigError
from rag.llm.base import Completion, LLMBackend, OfflineBackend, Usage

BackendFactory = Callable[[Settings, str], LLMBackend]


def _openai(settings: Settings, model: str) -> LLMBackend:
    """The OpenAI-compatible backend (imported lazily: offline runs never load the SDK)."""
    from rag.llm.openai_compat import OpenAICompatBackend

    return OpenAICompatBackend(settings, model)


BACKENDS: dict[str, BackendFactory] = {
    "offline": OfflineBackend,
    "openai": _openai,
}


def register_backend(prefix: str, factory: BackendFactory) -> None:
    """Make `factory(settings, model)` answer to '<prefix>' and '<prefix>:<model>' (plugins, test doubles)."""
    BACKENDS[prefix.strip().lower()] = factory


def get_backend(settings: Settings, name: str | None = None) -> LLMBackend:
    """The backend named `name` (default `settings.model`), e.g. 'openai:gpt-4o-mini' or 'offline'."""
    spec = (name or settings.model or "offline").strip()
    prefix, _, model = spec.partition(":")
    factory = BACKENDS.get(prefix.strip().lower())
    if factory is None:
        known = ", ".join(f"'{key}'" for key in BACKENDS)
        raise ConfigError(f"unknown model backend '{prefix}': use one of {known} (e.g. openai:gpt-4o-mini)")
    return factory(settings, model.strip())


__all__ = ["BACKENDS", "BackendFactory", "Completion", "LLMBackend", "OfflineBackend", "Usage", "get_backend",
           "register_backend"]
