"""jieba, set up once (quiet, dictionary loaded): the one place the word segmenter is configured."""

from __future__ import annotations

import logging
from functools import lru_cache
from typing import Any


@lru_cache(maxsize=1)
def jieba() -> Any:
    """The jieba module, initialised and quiet (it ships its dictionary; nothing is downloaded)."""
    import jieba as _jieba

    _jieba.setLogLevel(logging.WARNING)
    _jieba.initialize()
    return _jieba
