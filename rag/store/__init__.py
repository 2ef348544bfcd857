"""Storage: the SQLite connection and the report store."""
