"""The embedded event store (DuckDB): schema and migrations, ingest, queries."""

from .store import EventStore, IngestReport

__all__ = ["EventStore", "IngestReport", "open_store"]


def open_store(path: str = "tacitus.duckdb", read_only: bool = False) -> EventStore:
    """Open (creating and migrating when writable) the DuckDB store at ``path``."""
    return EventStore(path, read_only=read_only)
