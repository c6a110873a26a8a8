"""Tacitus: news in, coded events out — who did what to whom, when and where, and who says so."""

__version__ = "0.1.0"

from .pipeline import Pipeline, Settings, extract  # noqa: E402
from .records import Article, Mention, Skip  # noqa: E402

__all__ = ["Article", "Mention", "Pipeline", "Settings", "Skip", "extract", "__version__"]
