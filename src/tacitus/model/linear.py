"""A linear softmax classifier over sparse string features, stored as plain arrays.

Weights live in an ``.npz`` (float32 matrix, feature rows × classes, and a bias) beside a JSON file
with the classes, the feature vocabulary and how the model was trained — no pickle, so a model file
loads with any NumPy and never runs code. Scoring a token is a sum of a few dozen weight rows.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np


@dataclass
class LinearModel:
    name: str
    classes: list[str]
    vocab: dict[str, int]
    weights: np.ndarray  # (n_features, n_classes)
    bias: np.ndarray  # (n_classes,)
    meta: dict[str, Any] = field(default_factory=dict)

    def scores(self, rows: list[list[str]]) -> np.ndarray:
        out = np.tile(self.bias, (len(rows), 1)).astype(np.float32)
        get = self.vocab.get
        ids: list[int] = []
        counts: list[int] = []
        for feats in rows:
            found = [i for i in map(get, feats) if i is not None]
            ids.extend(found)
            counts.append(len(found))
        if ids:
            n = np.asarray(counts)
            starts = np.concatenate(([0], np.cumsum(n)[:-1]))
            nonempty = n > 0
            out[nonempty] += np.add.reduceat(self.weights[np.asarray(ids)], starts[nonempty], axis=0)
        return out

    def proba(self, rows: list[list[str]]) -> np.ndarray:
        if not rows:
            return np.zeros((0, len(self.classes)), dtype=np.float32)
        s = self.scores(rows)
        s -= s.max(axis=1, keepdims=True)
        e = np.exp(s)
        return e / e.sum(axis=1, keepdims=True)

    # -- files -----------------------------------------------------------------------------------
    def save(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        feats = sorted(self.vocab, key=self.vocab.get)  # type: ignore[arg-type]
        np.savez_compressed(folder / f"{self.name}.npz", weights=self.weights.astype(np.float32),
                            bias=self.bias.astype(np.float32))
        (folder / f"{self.name}.json").write_text(json.dumps(
            {"name": self.name, "classes": self.classes, "features": feats, "meta": self.meta},
            ensure_ascii=False, sort_keys=True) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, folder: Path, name: str) -> LinearModel:
        spec = json.loads((folder / f"{name}.json").read_text(encoding="utf-8"))
        with np.load(folder / f"{name}.npz", allow_pickle=False) as arrays:
            weights, bias = arrays["weights"], arrays["bias"]
        vocab = {f: i for i, f in enumerate(spec["features"])}
        if weights.shape != (len(vocab), len(spec["classes"])):
            raise ValueError(f"{folder / name}: weights {weights.shape} do not match the vocabulary")
        return cls(spec["name"], spec["classes"], vocab, weights, bias, spec.get("meta", {}))
