"""Tacitus: news in, coded events out — who did what to whom, when and where, and who says so."""

__version__ = "0.1.0"

from .pipeline import Pipeline, Settings, extract  # noqa: E402
from .records import Article, Mention, Skip  # noqa: E402


def open_store(path: str = "tacitus.duckdb", read_only: bool = False):  # noqa: ANN201
    """Open the DuckDB event store at ``path`` (see tacitus.store.EventStore)."""
    from .store import open_store as _open

    return _open(path, read_only=read_only)


__all__ = ["Article", "Mention", "Pipeline", "Settings", "Skip", "extract", "open_store", "__version__"]
