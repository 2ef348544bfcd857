"""A small error tree; every error carries a one-line, fix-it message."""

from __future__ import annotations


class JiedaoError(Exception):
    """Base of every expected Jiedao failure; `str()` is one line for the user."""

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        self.message = " ".join(message.split())
        self.hint = hint
        super().__init__(self.message + (f" ({hint})" if hint else ""))


class ConfigError(JiedaoError):
    """A setting is missing or invalid."""


class IngestError(JiedaoError):
    """A file could not be turned into a report."""

    def __init__(self, message: str, *, path: str | None = None, hint: str | None = None) -> None:
        self.path = path
        super().__init__(f"{path}: {message}" if path else message, hint=hint)


class StoreError(JiedaoError):
    """The data directory, SQLite store or Chroma index failed."""


class NotFoundError(JiedaoError):
    """No report (or other stored item) has the id or path given."""


class BackendError(JiedaoError):
    """An LLM or embedding endpoint failed; `retryable` says whether trying again may help."""

    def __init__(self, message: str, *, retryable: bool = False, hint: str | None = None) -> None:
        self.retryable = retryable
        super().__init__(message, hint=hint)


class ExtractionError(JiedaoError):
    """Structured output could not be validated or grounded."""


class PromptError(JiedaoError):
    """A prompt template is missing or was rendered with wrong variables."""


class QuestionError(JiedaoError):
    """A question could not be understood (empty, too long)."""
