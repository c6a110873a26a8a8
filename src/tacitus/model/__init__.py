"""Learned event classifiers, shipped inside the package and loaded offline.

``EventModel`` bundles the trigger classifier (CAMEO root or none for every verb and common noun),
the modality classifier and the (source, target) pair decoder (:mod:`tacitus.model.pairs`), trained by ``tacitus train`` (:mod:`tacitus.model.train`) on the
labelled sentences in ``training/``. The action stage asks it about every candidate token; how its
answers combine with the lexicon's is documented in docs/MODEL.md.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from .features import is_candidate, modality_features, token_features
from .linear import LinearModel

MODEL_DIR = Path(__file__).parent / "data"
NONE = "none"


@dataclass(frozen=True)
class Thresholds:
    """How the model's answers combine with the lexicon's (docs/MODEL.md).

    ``drop``: a lexicon trigger is dropped when P(none) ≥ drop. ``recode``: its root is replaced by
    the model's when that root's probability ≥ recode. ``add``: a token the lexicon does not know
    becomes a trigger when its best root's probability ≥ add. ``modality``: the model's modality
    replaces the rules' when its probability ≥ modality and the rules said ``actual``. (Roles have no
    threshold: the pair decoder always picks its best pair, the rules' being one of the options.)"""

    drop: float = 0.9
    recode: float = 0.7
    add: float = 0.3
    modality: float = 0.7


class EventModel:
    def __init__(self, folder: Path = MODEL_DIR, thresholds: Thresholds | None = None) -> None:
        self.folder = folder
        self.trigger = LinearModel.load(folder, "trigger")
        self.modality = LinearModel.load(folder, "modality")
        self.pairs = LinearModel.load(folder, "pairs") if (folder / "pairs.npz").exists() else None
        self.thresholds = thresholds or Thresholds()
        from .calibrate import Calibrator

        off = os.environ.get("TACITUS_CALIBRATION", "").lower() in {"off", "0", "none"}
        self.calibrator = None if off else Calibrator.load(folder / "calibration.json")
        h = hashlib.sha256()  # of the weights themselves (a .npz file also stores when it was written)
        for m in (self.trigger, self.modality, self.pairs):
            if m is not None:
                h.update(m.weights.tobytes())
                h.update(m.bias.tobytes())
        self.version = f"linear-{h.hexdigest()[:10]}"
        self._none = self.trigger.classes.index(NONE)

    def trigger_probs(self, doc: Any, lexicon: Any, rows: dict[int, tuple[Any, Any]] | None = None
                      ) -> dict[int, np.ndarray]:
        """P(root or none) for every candidate token; ``rows``: the lexicon's (trigger, cue) per token."""
        toks = [t for t in doc if is_candidate(t)]
        probs = self.trigger.proba([token_features(t, lexicon, rows.get(t.i) if rows is not None else None)
                                    for t in toks])
        return {t.i: p for t, p in zip(toks, probs)}

    def p_none(self, probs: np.ndarray) -> float:
        return float(probs[self._none])

    def p_root(self, probs: np.ndarray, root: str) -> float:
        return float(probs[self.trigger.classes.index(root)]) if root in self.trigger.classes else 0.0

    def best_root(self, probs: np.ndarray) -> tuple[str, float]:
        masked = probs.copy()
        masked[self._none] = -1.0
        j = int(masked.argmax())
        return self.trigger.classes[j], float(probs[j])

    def modality_of(self, tok: Any) -> tuple[str, float]:
        p = self.modality.proba([modality_features(tok)])[0]
        j = int(p.argmax())
        return self.modality.classes[j], float(p[j])


@lru_cache(maxsize=1)
def default_model() -> EventModel | None:
    """The bundled model, or None when ``TACITUS_MODEL=off`` (rules only) or none is bundled."""
    if os.environ.get("TACITUS_MODEL", "").lower() in {"off", "0", "none", "rules"}:
        return None
    folder = Path(os.environ["TACITUS_MODEL_DIR"]) if os.environ.get("TACITUS_MODEL_DIR") else MODEL_DIR
    if not (folder / "trigger.npz").exists():
        return None
    return EventModel(folder)
