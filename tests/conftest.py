"""Shared fixtures. Tests that read ../shared skip with a reason when it is absent (a user's
machine); CI sets TACITUS_REQUIRE_SHARED=1, which turns those skips into failures."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("TACITUS_SHARED", ROOT.parent / "shared"))


def require_shared(relative: str) -> Path:
    path = SHARED / relative
    if not path.exists():
        if os.environ.get("TACITUS_REQUIRE_SHARED") == "1":
            pytest.fail(f"{path} is required (TACITUS_REQUIRE_SHARED=1) but missing")
        pytest.skip(f"{path} not found: ../shared is only beside the project in CI and development")
    return path


@pytest.fixture(scope="session")
def pipeline():
    from tacitus.pipeline import Pipeline

    return Pipeline()


@pytest.fixture(scope="session")
def nlp(pipeline):
    return pipeline.nlp


@pytest.fixture(scope="session")
def code(pipeline):
    """Code one text: code(text, published='2014-05-19') -> list[Mention]."""
    from tacitus.records import Article

    def run(text: str, published: str = "2014-05-19"):
        return pipeline(Article(text=text, published=published))

    return run
