"""A joint decoder for an event's (source, target) pair.

The role classifier (``roles``) labels each actor of a sentence on its own; it cannot see that an
actor chosen as source is no longer free to be the target, nor weigh "the rules' source and this
target" against "that source and no target". This model scores whole pairs: every (source, target)
among the event's candidate actors and "nobody", with the features of each side (the same strings
as the role classifier, prefixed ``S:`` / ``T:``) and features of the pair (order, same country,
the two dependency labels, whether the rules chose these). Training is a conditional logit: for each
event, the probability of the pairs whose countries match the gold pair, against all its pairs
(several pairs can be right: two Russian actors are both "RUS"). Weights are stored like the other
classifiers (:class:`~tacitus.model.linear.LinearModel`, one class, ``score``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from .linear import LinearModel

NULL = "null"


@dataclass(frozen=True)
class Option:
    """One side's choice: an actor (its head token, dependency label, country, role-classifier
    features and whether the rules chose it for this side) or nobody (``head`` None)."""

    head: int | None
    dep: str = "-"
    country: str | None = None
    rows: tuple[str, ...] = ()
    ruled: bool = False
    how: str = "-"  # how the actor was resolved (kb, sector+context, antecedent, pronoun …)
    code: str = ""  # the actor's full code ("UKRGOV"): one body is rarely both sides


def side_features(side: str, o: Option, root: str, n: int) -> list[str]:
    """Feature strings of one side's option (``side`` is ``S`` or ``T``)."""
    if o.head is None:
        return [f"{side}:{NULL}", f"{side}:{NULL}|{root}", f"{side}:{NULL}|n={min(n, 4)}"]
    return [*(f"{side}:{x}" for x in o.rows), f"{side}:ruled={o.ruled}", f"{side}:ruled={o.ruled}|{root}",
            f"{side}:how={o.how}", f"{side}:how={o.how}|{root}"]


def joint_features(s: Option, t: Option, root: str) -> list[str]:
    """Feature strings of the pair itself: order, same country, the two dependency labels, what the
    rules chose."""
    f = ["b", f"P:rules={s.ruled}{t.ruled}"]
    if s.head is not None and t.head is not None:
        same = s.country is not None and s.country == t.country
        f += [f"P:order={'st' if s.head < t.head else 'ts'}", f"P:same={same}", f"P:same={same}|{root}",
              f"P:deps={s.dep}>{t.dep}", f"P:rdeps={root}|{s.dep}>{t.dep}", f"P:samecode={s.code == t.code}"]
    return f


def pair_features(s: Option, t: Option, root: str, n: int) -> list[str]:
    """Feature strings of the pair (source ``s``, target ``t``) for an event of root ``root`` with
    ``n`` candidate actors: both sides' and the pair's own. The model is linear, so a pair's score is
    the sum of its sides' scores and its joint score (how :func:`score_pairs` computes it)."""
    return side_features("S", s, root, n) + side_features("T", t, root, n) + joint_features(s, t, root)


def _one_state(s: Option, t: Option) -> bool:
    """Both sides the same state's executive or forces ("the Kiev government" and "Kiev"; the Kremlin
    and its troops): a state does not act on itself."""
    return bool(s.code) and bool(t.code) and s.code[:3] == t.code[:3] and s.code[3:6] in STATE_BODIES \
        and t.code[3:6] in STATE_BODIES


STATE_BODIES = frozenset({"", "GOV", "MIL", "SPY"})


def pairs(sources: Sequence[Option], targets: Sequence[Option]) -> list[tuple[int, int]]:
    """Every (source, target) index pair except one actor, or one state, on both sides."""
    return [(i, j) for i, s in enumerate(sources) for j, t in enumerate(targets)
            if s.head is None or t.head is None or (s.head != t.head and not _one_state(s, t))]


class _Weights:
    """A single-score model's weights as plain dicts: each side's features by their unprefixed
    string, so an option is scored once per event without building prefixed strings."""

    def __init__(self, model: LinearModel) -> None:
        col = model.weights[:, 0].tolist()
        self.all = {f: col[i] for f, i in model.vocab.items()}
        self.side = {side: {f[2:]: w for f, w in self.all.items() if f.startswith(side + ":")} for side in "ST"}
        self.bias = float(model.bias[0])
        self._joint: dict[tuple, float] = {}  # joint scores by what they depend on

    def option(self, side: str, o: Option, root: str, n: int) -> float:
        if o.head is None:
            return sum(self.all.get(f, 0.0) for f in side_features(side, o, root, n))
        w = self.side[side]
        return sum(w.get(x, 0.0) for x in o.rows) + sum(
            w.get(x, 0.0) for x in (f"ruled={o.ruled}", f"ruled={o.ruled}|{root}", f"how={o.how}",
                                    f"how={o.how}|{root}"))

    def joint(self, s: Option, t: Option, root: str) -> float:
        both = s.head is not None and t.head is not None
        key = (s.ruled, t.ruled, root, both and s.head < t.head,  # type: ignore[operator]
               both and s.country is not None and s.country == t.country, s.dep if both else "", t.dep if both else "",
               both and s.code == t.code)
        v = self._joint.get(key)
        if v is None:
            v = self._joint[key] = self.bias + sum(self.all.get(f, 0.0) for f in joint_features(s, t, root))
        return v


def score_pairs(model: LinearModel, sources: Sequence[Option], targets: Sequence[Option], root: str,
                n: int) -> tuple[list[tuple[int, int]], np.ndarray]:
    """The allowed pairs and their probabilities under ``model`` (a pair's score is its source's,
    its target's and its joint features' sum: the same as scoring :func:`pair_features`)."""
    idx = pairs(sources, targets)
    if not idx:
        return idx, np.zeros(0, dtype=np.float32)
    w = model.__dict__.get("_pair_weights")
    if w is None:
        w = model.__dict__["_pair_weights"] = _Weights(model)
    a = [w.option("S", o, root, n) for o in sources]
    b = [w.option("T", o, root, n) for o in targets]
    s = np.array([a[i] + b[j] + w.joint(sources[i], targets[j], root) for i, j in idx], dtype=np.float64)
    e = np.exp(s - s.max())
    return idx, e / e.sum()


@dataclass
class PairGroup:
    """One training event: its pairs' features and which pairs are right."""

    sentence: str
    features: list[list[str]]
    right: list[bool]
    rules: int = 0  # the pair the rules chose


def pair_accuracy(model: LinearModel, groups: list[PairGroup]) -> float:
    """How often the best-scored pair is a right one."""
    hits = 0
    for g in groups:
        hits += g.right[int(model.scores(g.features)[:, 0].argmax())]
    return hits / len(groups) if groups else 0.0


def fit_pairs(groups: list[PairGroup], *, c: float, min_count: int, seed: int, meta: dict[str, Any]
              ) -> LinearModel:
    """Conditional logit (L2, strength ``1/c`` like the other classifiers) over each group's pairs."""
    from scipy.optimize import minimize
    from scipy.sparse import csr_matrix

    groups = [g for g in groups if any(g.right) and not all(g.right)]  # only these teach anything
    if not groups:
        return LinearModel("pairs", ["score"], {}, np.zeros((0, 1), dtype=np.float32), np.zeros(1, dtype=np.float32),
                           dict(meta, events=0, pairs=0, features=0, C=c, min_count=min_count, seed=seed))
    counts = Counter(f for g in groups for row in g.features for f in set(row))
    feats = sorted(f for f, k in counts.items() if k >= min_count)
    vocab = {f: i for i, f in enumerate(feats)}
    rows, cols, starts, right = [], [], [], []
    r = 0
    for g in groups:
        starts.append(r)
        for feat, ok in zip(g.features, g.right):
            idx = sorted({vocab[f] for f in feat if f in vocab})
            rows += [r] * len(idx)
            cols += idx
            right.append(ok)
            r += 1
    x = csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(r, len(vocab)))
    starts_a = np.asarray(starts)
    sizes = np.diff(np.append(starts_a, r))
    group_of = np.repeat(np.arange(len(groups)), sizes)
    mask = np.asarray(right, dtype=bool)
    lam = 1.0 / c

    def lse(v: np.ndarray, m: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Per-group log-sum-exp over the entries where ``m`` holds, and each entry's softmax."""
        w = np.where(m, v, -np.inf)
        mx = np.maximum.reduceat(w, starts_a)
        e = np.where(m, np.exp(w - mx[group_of]), 0.0)
        z = np.add.reduceat(e, starts_a)
        return mx + np.log(z), e / z[group_of]

    def objective(w: np.ndarray) -> tuple[float, np.ndarray]:
        v = x @ w
        all_lse, p_all = lse(v, np.ones_like(mask))
        ok_lse, p_ok = lse(v, mask)
        loss = float((all_lse - ok_lse).sum()) + 0.5 * lam * float(w @ w)
        grad = x.T @ (p_all - p_ok) + lam * w
        return loss, grad

    rng = np.random.default_rng(seed)
    w0 = rng.normal(0.0, 1e-4, len(vocab))
    res = minimize(objective, w0, jac=True, method="L-BFGS-B", options={"maxiter": 500})
    meta = dict(meta, events=len(groups), pairs=r, features=len(vocab), C=c, min_count=min_count, seed=seed,
                converged=bool(res.success))
    return LinearModel("pairs", ["score"], vocab, res.x.astype(np.float32).reshape(-1, 1),
                       np.zeros(1, dtype=np.float32), meta)
