"""Search: Chroma dense index + BM25, hybrid retrieval, embedders."""
