"""Measure the gold files and write evaluation/floors.json (scores rounded down to 2 decimals).

    python scripts/pin_floors.py            # re-pin after an improvement; never to hide a drop
Lowering a floor also needs a 'floor-lowered: <file> <metric> <reason>' line in CHANGELOG.md.
"""

from __future__ import annotations

import hashlib
import json
import math
from pathlib import Path

from tacitus.evaluate import evaluate, load_gold
from tacitus.pipeline import Pipeline

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
FILES = {
    "dev/gold.jsonl#report": ("all", ["root_macro_f1", "root.f1", "root.precision", "root.recall", "code.f1",
                                      "modality_accuracy"]),
    "dev/gold.jsonl": ("all", ["root_macro_f1", "root.f1", "root.precision", "root.recall", "code.f1",
                               "modality_accuracy"]),
    "tests/data/sentences.jsonl": ("all", ["root_macro_f1", "root.f1", "root.precision", "root.recall", "code.f1",
                                           "modality_accuracy"]),
    "shared:peers/openeventdata-UniversalPetrarch/PETR2_GSR_validation.xml": (
        "petrarch", ["root.f1", "root.precision", "real.root.precision", "real.root.recall"]),
}


def metric(report: dict, key: str) -> float:
    node, parts = report, key.split(".")
    if parts[0] in report.get("subsets", {}):
        node, parts = report["subsets"][parts[0]], parts[1:]
    for p in parts:
        node = node[p]
    return float(node)


def main() -> None:
    pipeline = Pipeline()
    out = {"note": "Minimum scores the evaluation gate (tests/test_eval_gate.py) enforces. Pinned by "
                   "scripts/pin_floors.py; lowering one needs a 'floor-lowered: <file> <metric> <reason>' "
                   "line in CHANGELOG.md.", "files": {}}
    for name, (view, metrics) in FILES.items():
        file, _, split = name.partition("#")
        path = SHARED / file.split(":", 1)[1] if file.startswith("shared:") else ROOT / file
        if not path.exists():
            continue
        report = evaluate(load_gold(f"{path}#{split}" if split else path), pipeline, path.name, view=view).to_dict()
        out["files"][name] = {
            "sha256": hashlib.sha256(path.read_bytes()).hexdigest(), "view": view,
            "floors": {m: math.floor(metric(report, m) * 100) / 100 for m in metrics},
        }
    (ROOT / "evaluation" / "floors.json").write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(out["files"], indent=2))


if __name__ == "__main__":
    main()
