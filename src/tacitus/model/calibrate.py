"""Calibrated confidence: P(a mention is right) from what the coder knows when it emits it.

A mention is *right* when its (source, target, CAMEO root) matches a gold event of its sentence (the
scorer's own matching, src/tacitus/evaluate.py). The raw signals are the rules' score
(:func:`tacitus.stages.assemble.confidence`), the trigger classifier's probability and what the
classifier did (kept, recoded, added, roles). A logistic map from those signals to rightness is fitted
on the *calibration* split of the frozen dev set and never on the split we report
(evaluation/dev_splits.json; ``scripts/calibrate.py`` fits, reports ECE and draws the reliability plot).
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

SPLITS = Path(__file__).resolve().parents[3] / "evaluation" / "dev_splits.json"
_P = re.compile(r":p=([0-9.]+)")


def signals(raw: float, model: str | None) -> list[float]:
    """The calibrator's inputs for one mention: rules' score, classifier probability and verdict."""
    m = _P.search(model or "")
    p = float(m.group(1)) if m else 0.0
    verdict = (model or "").split(":")[1] if model and ":" in model else ""
    return [raw, p, 1.0 if m else 0.0, float(verdict == "added"), float(verdict == "recoded"),
            float("+roles" in (model or ""))]


@dataclass(frozen=True)
class Calibrator:
    weights: tuple[float, ...]
    bias: float

    def __call__(self, raw: float, model: str | None) -> float:
        z = self.bias + sum(w * x for w, x in zip(self.weights, signals(raw, model)))
        return round(1.0 / (1.0 + math.exp(-z)), 3)

    def to_dict(self) -> dict[str, Any]:
        return {"weights": list(self.weights), "bias": self.bias,
                "inputs": ["rules_score", "p_event", "has_p", "added", "recoded", "roles"]}

    @classmethod
    def load(cls, path: Path) -> Calibrator | None:
        if not path.exists():
            return None
        d = json.loads(path.read_text(encoding="utf-8"))
        return cls(tuple(d["weights"]), float(d["bias"]))


def calibration_ids(ids: list[str], n: int = 100, salt: str = "calibration") -> list[str]:
    """A fixed, content-independent choice of ``n`` sentence ids (the lowest hashes)."""
    return sorted(ids, key=lambda i: hashlib.sha256(f"{salt}:{i}".encode()).hexdigest())[:n]


def split_ids(gold_sha256: str, split: str) -> set[str]:
    """The ids of ``split`` ('calibration' or 'report') of a gold file, found by the file's SHA-256."""
    spec = json.loads(SPLITS.read_text(encoding="utf-8")).get(gold_sha256) if SPLITS.exists() else None
    if spec is None:
        raise ValueError(f"no calibration/report split for this gold file (none in {SPLITS})")
    cal = set(spec["calibration"])
    if split == "calibration":
        return cal
    if split == "report":
        return set(spec["all"]) - cal
    raise ValueError(f"unknown split {split!r}: calibration or report")


def rightness(gold_events: list[tuple[str, str, str]], mentions: list[tuple[str, str, str]]) -> list[bool]:
    """Which predicted (source, target, root) keys match a gold key (multiset, in order)."""
    left = Counter(gold_events)
    out = []
    for k in mentions:
        if left[k] > 0:
            left[k] -= 1
            out.append(True)
        else:
            out.append(False)
    return out


def ece(probs: list[float], labels: list[bool], bins: int = 10) -> tuple[float, list[tuple[float, float, int]]]:
    """Expected calibration error and the reliability table (mean confidence, accuracy, count per bin)."""
    table = []
    total = len(probs)
    err = 0.0
    for b in range(bins):
        lo, hi = b / bins, (b + 1) / bins
        idx = [i for i, p in enumerate(probs) if lo <= p < hi or (b == bins - 1 and p == 1.0)]
        if not idx:
            continue
        conf = sum(probs[i] for i in idx) / len(idx)
        acc = sum(labels[i] for i in idx) / len(idx)
        err += len(idx) / total * abs(conf - acc)
        table.append((round(conf, 4), round(acc, 4), len(idx)))
    return round(err, 4), table


def fit(rows: list[list[float]], labels: list[bool], seed: int = 13) -> Calibrator:
    from sklearn.linear_model import LogisticRegression

    clf = LogisticRegression(C=1.0, max_iter=1000, random_state=seed)
    clf.fit(rows, [int(x) for x in labels])
    return Calibrator(tuple(round(float(w), 6) for w in clf.coef_[0]), round(float(clf.intercept_[0]), 6))


def reliability_svg(before: list[tuple[float, float, int]], after: list[tuple[float, float, int]],
                    title: str) -> str:
    """A small reliability diagram (accuracy against confidence per bin) as standalone SVG."""
    size, pad = 320, 40

    def xy(c: float, a: float) -> tuple[float, float]:
        return pad + c * (size - 2 * pad), size - pad - a * (size - 2 * pad)

    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{size}" height="{size + 20}" '
             f'font-family="sans-serif" font-size="11">',
             f'<text x="{pad}" y="16">{title}</text>',
             f'<rect x="{pad}" y="{pad}" width="{size - 2 * pad}" height="{size - 2 * pad}" fill="none" stroke="#999"/>']
    x0, y0 = xy(0, 0)
    x1, y1 = xy(1, 1)
    parts.append(f'<line x1="{x0}" y1="{y0}" x2="{x1}" y2="{y1}" stroke="#bbb" stroke-dasharray="4"/>')
    for table, colour, label, dy in ((before, "#d95f02", "rules score (uncalibrated)", 0),
                                     (after, "#1b9e77", "calibrated", 14)):
        pts = [xy(c, a) for c, a, _ in table]
        if pts:
            parts.append('<polyline fill="none" stroke="{}" stroke-width="2" points="{}"/>'.format(
                colour, " ".join(f"{x:.1f},{y:.1f}" for x, y in pts)))
            for (x, y), (_, _, n) in zip(pts, table):
                parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{2 + min(6, n ** 0.5 / 2):.1f}" fill="{colour}"/>')
        parts.append(f'<text x="{pad + 8}" y="{pad + 14 + dy}" fill="{colour}">{label}</text>')
    parts.append(f'<text x="{size / 2 - 30}" y="{size - 8}">confidence</text>')
    parts.append(f'<text x="6" y="{size / 2}" transform="rotate(-90 12 {size / 2})">share right</text>')
    parts.append("</svg>")
    return "\n".join(parts) + "\n"
