"""Golden outputs for the sample articles we wrote: any change in what a user reads shows up here.

An intended change is re-pinned with `python scripts/update_golden.py` and reviewed in the diff."""

from __future__ import annotations

import json
import sys

import pytest
from conftest import ROOT

from tacitus.ingest.readers import read_path, sample_paths

sys.path.insert(0, str(ROOT / "scripts"))
from update_golden import project  # noqa: E402


@pytest.mark.parametrize("path", sample_paths(), ids=lambda p: p.stem)
def test_sample_matches_golden(path, pipeline):
    golden = ROOT / "tests" / "golden" / f"{path.stem}.jsonl"
    expected = [json.loads(line) for line in golden.read_text(encoding="utf-8").splitlines() if line.strip()]
    article = next(iter(read_path(path)))
    assert project(pipeline(article)) == expected, "re-pin with scripts/update_golden.py if the change is intended"
