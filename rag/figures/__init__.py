"""The figure table: lexicon, extraction (rules, optional LLM), grounding, SQLite store."""
