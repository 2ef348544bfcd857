"""Answers: router, figure route, passage route (extractive or LLM, guarded), naive baseline."""
