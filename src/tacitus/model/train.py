"""Train the event classifiers from labelled sentences (``tacitus train``).

Input: JSONL in the gold format (docs/EVALUATION.md) where each event also names its ``trigger``
(the words of the sentence that express it). Every verb and common noun of every sentence is an
example: the CAMEO root of the event it anchors, or ``none``. The trigger classifier learns the root
(or none); the modality classifier learns the modality of the anchored events. Training is
deterministic: the same data, spaCy model and seed give the same weights.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from .features import is_candidate, modality_features, token_features
from .linear import LinearModel
from .pairs import PairGroup, fit_pairs, pair_accuracy, pair_features, pairs

NONE = "none"
MODALITIES = ["actual", "planned", "hypothetical", "demanded", "negated", "historical"]


@dataclass
class Example:
    sentence: str
    features: list[str]
    label: str


def load_additions(folder: Path) -> dict[str, list[dict[str, Any]]]:
    """Label audits (``<training>/audit/*.jsonl``: ``{"id", "add": [events]}``): events a later reading
    found missing from a sentence, merged into it on load (the sentences themselves stay untouched)."""
    out: dict[str, list[dict[str, Any]]] = {}
    for f in sorted((folder / "audit").glob("*.jsonl")) if folder.is_dir() else ():
        for n, line in enumerate(f.read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip():
                continue
            d = json.loads(line)
            if "id" not in d or not isinstance(d.get("add"), list):
                raise ValueError(f"{f}:{n}: an audit record needs 'id' and an 'add' list")
            out.setdefault(d["id"], []).extend(d["add"])
    return out


def load_labelled(paths: Iterable[Path]) -> list[dict[str, Any]]:
    out = []
    for path in paths:
        extra = load_additions(path)
        files = sorted(path.glob("*/sentences.jsonl")) + sorted(path.glob("*.jsonl")) if path.is_dir() else [path]
        for f in files:
            for n, line in enumerate(f.read_text(encoding="utf-8").splitlines(), start=1):
                if not line.strip():
                    continue
                d = json.loads(line)
                if "text" not in d or "events" not in d:
                    raise ValueError(f"{f}:{n}: a training record needs 'text' and 'events'")
                d.setdefault("id", f"{f.name}:{n}")
                if d["id"] in extra:
                    d["events"] = list(d["events"]) + extra.pop(d["id"])
                out.append(d)
        if extra:
            raise ValueError(f"{path}/audit: additions for unknown sentence ids: {sorted(extra)[:5]}")
    return out


def anchor(doc: Any, trigger: str) -> Any | None:
    """The token that heads a trigger phrase in ``doc`` (its first occurrence), or None."""
    if not trigger:
        return None
    m = re.search(r"(?<!\w)" + re.escape(trigger.lower()) + r"(?!\w)", doc.text.lower())
    start = m.start() if m else doc.text.lower().find(trigger.lower())  # a whole word first ("use", not "refused")
    if start < 0:
        return None
    end = start + len(trigger)
    toks = [t for t in doc if t.idx < end and t.idx + len(t.text) > start]
    if not toks:
        return None
    heads = [t for t in toks if not (start <= t.head.idx < end) or t.head.i == t.i]
    for group in (heads, toks):
        cands = [t for t in group if is_candidate(t)]
        if cands:
            return cands[0]
    return None


def parse(records: list[dict[str, Any]], pipeline: Any) -> list[Any]:
    """The records' texts parsed once, as the pipeline parses an article."""
    return list(pipeline.nlp.pipe((pipeline.parse_text(r["text"]) for r in records), batch_size=64))


def build_examples(records: list[dict[str, Any]], pipeline: Any, docs: list[Any] | None = None
                   ) -> tuple[list[Example], list[Example], Counter]:
    """Trigger examples (every candidate token) and modality examples (anchored gold events)."""
    stats: Counter = Counter()
    trig: list[Example] = []
    mod: list[Example] = []
    for rec, doc in zip(records, docs if docs is not None else parse(records, pipeline)):
        labels: dict[int, str] = {}
        mods: dict[int, str] = {}
        for ev in rec["events"]:
            stats["events"] += 1
            tok = anchor(doc, ev.get("trigger", ""))
            if tok is None:
                stats["unanchored"] += 1
                continue
            labels.setdefault(tok.i, str(ev["code"])[:2])
            if ev.get("modality") in MODALITIES:
                mods.setdefault(tok.i, ev["modality"])
        for tok in doc:
            if not is_candidate(tok):
                continue
            trig.append(Example(rec["id"], token_features(tok, pipeline.lexicon), labels.get(tok.i, NONE)))
            if tok.i in mods:
                mod.append(Example(rec["id"], modality_features(tok), mods[tok.i]))
        stats["sentences"] += 1
    stats["candidates"] = len(trig)
    stats["positives"] = sum(e.label != NONE for e in trig)
    return trig, mod, stats


def build_pair_groups(records: list[dict[str, Any]], pipeline: Any, model: Any, docs: list[Any] | None = None
                      ) -> tuple[list[PairGroup], Counter]:
    """Pair-decoder examples: for each event the coder finds at a gold trigger with the gold root,
    where the learned roles would apply, every (source, target) option pair, marked right when both
    countries match the gold pair (``---`` for nobody or an actor of no country)."""
    from ..evaluate import actor_key
    from ..records import Article, parse_published
    from ..stages.actions import ActionFinder

    stats: Counter = Counter()
    out: list[PairGroup] = []
    for rec, doc in zip(records, docs if docs is not None else parse(records, pipeline)):
        gold: dict[int, list[tuple[str, str, str]]] = {}
        for ev in rec["events"]:
            tok = anchor(doc, ev.get("trigger", ""))
            if tok is not None:
                gold.setdefault(tok.i, []).append((str(ev["code"])[:2], actor_key(ev.get("source")),
                                                   actor_key(ev.get("target"))))
        if not gold:
            continue
        article = Article(text=rec["text"], published=parse_published(rec.get("published")), article_id=rec["id"])
        adoc, resolver = pipeline.prepare(article, doc)
        finder = ActionFinder(pipeline.lexicon, pipeline.codebook, resolver, adoc, article.published_date, model)

        def record(cand: Any, s_opts: list[Any], t_opts: list[Any], n: int, rec_id: str = rec["id"],
                   gold: dict[int, list[tuple[str, str, str]]] = gold) -> None:
            wanted = {(s, t) for root, s, t in gold.get(cand.trigger, ()) if root == cand.code[:2]}
            if not wanted:
                return
            idx = pairs(s_opts, t_opts)
            keys = [(s_opts[i].country or "---", t_opts[j].country or "---") for i, j in idx]
            right = [k in wanted for k in keys]  # by country, as the evaluation counts
            stats["events"] += 1
            stats["unreachable" if not any(right) else "reachable"] += 1
            s_rule = next((k for k, o in enumerate(s_opts) if o.ruled), 0)  # option 0: nobody
            t_rule = next((k for k, o in enumerate(t_opts) if o.ruled), 0)
            out.append(PairGroup(rec_id, [pair_features(s_opts[i], t_opts[j], cand.code[:2], n) for i, j in idx],
                                 right, idx.index((s_rule, t_rule)) if (s_rule, t_rule) in idx else 0))

        finder.on_roles = record
        finder.find()
    return out, stats


def fit(examples: list[Example], name: str, classes: list[str], *, seed: int, c: float, min_count: int,
        meta: dict[str, Any]) -> LinearModel:
    """Multinomial logistic regression (L2) on binary features seen at least ``min_count`` times."""
    from scipy.sparse import csr_matrix
    from sklearn.linear_model import LogisticRegression

    counts = Counter(f for e in examples for f in set(e.features))
    feats = sorted(f for f, n in counts.items() if n >= min_count)
    vocab = {f: i for i, f in enumerate(feats)}
    rows, cols = [], []
    for r, e in enumerate(examples):
        idx = sorted({vocab[f] for f in e.features if f in vocab})
        rows += [r] * len(idx)
        cols += idx
    x = csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, cols)), shape=(len(examples), len(vocab)))
    present = [k for k in classes if any(e.label == k for e in examples)]
    weights = np.zeros((len(vocab), len(classes)), dtype=np.float32)
    bias = np.full(len(classes), -30.0, dtype=np.float32)  # a class never seen is never predicted
    meta = dict(meta, examples=len(examples), features=len(vocab), C=c, min_count=min_count, seed=seed,
                label_counts=dict(sorted(Counter(e.label for e in examples).items())))
    if len(present) < 2:  # one label only (tiny data): a constant answer
        for k in present:
            bias[classes.index(k)] = 0.0
        return LinearModel(name, classes, vocab, weights, bias, meta)
    y = np.array([present.index(e.label) for e in examples])
    clf = LogisticRegression(C=c, max_iter=2000, tol=1e-5, random_state=seed)
    clf.fit(x, y)
    coef = clf.coef_ if len(present) > 2 else np.vstack([-clf.coef_[0], clf.coef_[0]])
    inter = clf.intercept_ if len(present) > 2 else np.array([-clf.intercept_[0], clf.intercept_[0]])
    for j, k in enumerate(present):
        weights[:, classes.index(k)] = coef[j]
        bias[classes.index(k)] = inter[j]
    return LinearModel(name, classes, vocab, weights, bias, meta)


def data_fingerprint(records: list[dict[str, Any]]) -> str:
    h = hashlib.sha256()
    for r in records:
        h.update(json.dumps(r, sort_keys=True, ensure_ascii=False).encode("utf-8"))
    return h.hexdigest()


def train(paths: list[Path], out: Path, pipeline: Any, *, seed: int = 13, c: float = 0.5,
          min_count: int = 2, holdout: float = 0.0) -> dict[str, Any]:
    """Train both classifiers and write them to ``out``; returns a report (counts, held-out scores)."""
    random.seed(seed)
    np.random.seed(seed)
    records = load_labelled(paths)
    if not records:
        raise ValueError("no labelled sentences found in " + ", ".join(map(str, paths)))
    held: set[str] = set()
    if holdout:
        held = {r["id"] for r in records
                if int(hashlib.sha256(f"{seed}:{r['id']}".encode()).hexdigest(), 16) % 1000 < holdout * 1000}
    docs = parse(records, pipeline)  # one parse serves both passes
    trig, mod, stats = build_examples(records, pipeline, docs)
    from .. import __version__

    meta = {"trained_on": [str(p) for p in paths], "sentences": len(records), "data_sha256": data_fingerprint(records),
            "spacy_model": pipeline.settings.model, "tacitus": __version__, "holdout": holdout}
    roots = [f"{i:02d}" for i in range(1, 21)]
    t_model = fit([e for e in trig if e.sentence not in held], "trigger", [NONE, *roots], seed=seed, c=c,
                  min_count=min_count, meta=meta)
    m_model = fit([e for e in mod if e.sentence not in held], "modality", MODALITIES, seed=seed, c=c,
                  min_count=min_count, meta=meta)
    t_model.save(out)
    m_model.save(out)
    from . import EventModel

    staged = EventModel(out)
    staged.pairs = None  # the pair examples come from the coder without learned roles
    groups, pair_stats = build_pair_groups(records, pipeline, staged, docs)
    stats.update({f"pairs_{k}": v for k, v in pair_stats.items()})
    p_model = fit_pairs([g for g in groups if g.sentence not in held], c=c, min_count=min_count, seed=seed, meta=meta)
    p_model.save(out)
    report: dict[str, Any] = {"stats": dict(stats), "trigger_features": len(t_model.vocab),
                              "modality_features": len(m_model.vocab), "out": str(out)}
    if held:
        report["holdout"] = _held_out_scores(t_model, m_model, [e for e in trig if e.sentence in held],
                                             [e for e in mod if e.sentence in held])
        hp = [g for g in groups if g.sentence in held and any(g.right)]
        if hp:
            report["holdout"]["pair_accuracy"] = round(pair_accuracy(p_model, hp), 4)
            report["holdout"]["pair_rules_accuracy"] = round(sum(g.right[g.rules] for g in hp) / len(hp), 4)
    return report


def _held_out_scores(t_model: LinearModel, m_model: LinearModel, trig: list[Example], mod: list[Example]
                     ) -> dict[str, Any]:
    p = t_model.proba([e.features for e in trig])
    pred = [t_model.classes[i] for i in p.argmax(axis=1)]
    tp = sum(1 for e, k in zip(trig, pred) if k == e.label != NONE)
    fp = sum(1 for e, k in zip(trig, pred) if k != NONE and k != e.label)
    fn = sum(1 for e, k in zip(trig, pred) if e.label != NONE and k != e.label)
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    out = {"trigger_tokens": len(trig), "trigger_p": round(prec, 4), "trigger_r": round(rec, 4),
           "trigger_f1": round(2 * prec * rec / (prec + rec), 4) if prec + rec else 0.0}
    if mod:
        pm = m_model.proba([e.features for e in mod])
        right = sum(1 for e, i in zip(mod, pm.argmax(axis=1)) if m_model.classes[i] == e.label)
        out["modality_accuracy"] = round(right / len(mod), 4)
        out["modality_majority"] = round(Counter(e.label for e in mod).most_common(1)[0][1] / len(mod), 4)
    return out
