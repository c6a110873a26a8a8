"""The evaluation gate: scores on the gold files never fall below the pinned floors
(evaluation/floors.json), gold files are the ones the floors were measured on (SHA-256), and a floor
is never lowered against origin/main without a 'floor-lowered:' line in CHANGELOG.md."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys

import pytest
from conftest import ROOT, require_shared

sys.path.insert(0, str(ROOT / "scripts"))
from pin_floors import metric as _metric  # noqa: E402  (one definition of a metric's path)

FLOORS = ROOT / "evaluation" / "floors.json"


def _floors() -> dict:
    return json.loads(FLOORS.read_text(encoding="utf-8"))


def _path(name: str):
    name = name.split("#", 1)[0]  # FILE#report: one split of a gold file
    if name.startswith("shared:"):
        return require_shared(name.split(":", 1)[1])
    return ROOT / name


@pytest.mark.parametrize("name", sorted(_floors()["files"]))
def test_scores_stay_above_floors(name, pipeline):
    from tacitus.evaluate import evaluate, load_gold

    spec = _floors()["files"][name]
    path = _path(name)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    assert digest == spec["sha256"], f"{name} changed since its floors were measured: re-measure and re-pin"
    split = "#" + name.split("#", 1)[1] if "#" in name else ""
    report = evaluate(load_gold(f"{path}{split}"), pipeline, path.name, view=spec["view"]).to_dict()
    low = {k: (_metric(report, k), v) for k, v in spec["floors"].items() if _metric(report, k) < v}
    assert not low, f"{name}: below floor (score, floor): {low}"


def test_floors_never_lowered_silently():
    try:
        old = subprocess.run(["git", "show", "origin/main:evaluation/floors.json"], cwd=ROOT, capture_output=True,
                             text=True, check=True).stdout
    except (subprocess.CalledProcessError, FileNotFoundError):
        pytest.skip("no origin/main to compare floors with (not a clone)")
    before, now = json.loads(old)["files"], _floors()["files"]
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    for name, spec in before.items():
        for metric, floor in spec["floors"].items():
            current = now.get(name, {}).get("floors", {}).get(metric)
            if current is None or current < floor:
                assert f"floor-lowered: {name} {metric}" in changelog, (
                    f"floor {name} {metric} lowered from {floor} to {current} without a "
                    f"'floor-lowered: {name} {metric} <reason>' line in CHANGELOG.md")
