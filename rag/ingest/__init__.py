"""Ingest: file -> clean text -> metadata -> sections -> chunks -> figures, one report at a time."""
