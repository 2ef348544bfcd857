"""Evaluation: gold datasets, deterministic scorers, the `jiedao eval` runner."""
