"""Report summaries: records, extractive engine, LLM map-reduce, batch writer."""
