"""Counts and near-duplicate measure for a training part built from raw lines (parts D and E).

Run a part's stats.py (it calls ``main`` with its folder).

Prints: sentences, events, no-event sentences; per root (sentences with >=1 event of the
root, and events of the root); per modality; per attribution; per form; events per
sentence; words per sentence; years; distinct country codes; near-duplicate pairs
(lower-cased token-set Jaccard >= 0.8) within the part and between it and every other
training/part_*/sentences.jsonl.
"""
from __future__ import annotations

import collections
import json
import re
import statistics
from pathlib import Path

TRAINING = Path(__file__).resolve().parent
TOKEN_RE = re.compile(r"\w+", re.UNICODE)
THRESHOLD = 0.8


def tokens(text: str) -> frozenset[str]:
    return frozenset(t.lower() for t in TOKEN_RE.findall(text))


def load(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def near_pairs(a_toks, b_toks, same: bool):
    """Pairs (i, j, sim) with Jaccard >= THRESHOLD, using an inverted index on tokens."""
    index: dict[str, list[int]] = collections.defaultdict(list)
    for j, t in enumerate(b_toks):
        for w in t:
            index[w].append(j)
    hits = []
    max_sim = 0.0
    for i, a in enumerate(a_toks):
        counts = collections.Counter()
        for w in a:
            counts.update(index[w])
        for j, inter in counts.items():
            if same and j <= i:
                continue
            b = b_toks[j]
            sim = inter / (len(a) + len(b) - inter)
            max_sim = max(max_sim, sim)
            if sim >= THRESHOLD:
                hits.append((i, j, sim))
    return hits, max_sim


def main(here: Path) -> int:
    recs = load(here / "sentences.jsonl")
    name = here.name
    n = len(recs)
    events = [e for r in recs for e in r["events"]]
    neg = sum(1 for r in recs if not r["events"])
    root_sent = collections.Counter()
    root_ev = collections.Counter()
    for r in recs:
        roots = {e["code"][:2] for e in r["events"]}
        root_sent.update(roots)
        root_ev.update(e["code"][:2] for e in r["events"])
    mods = collections.Counter(e["modality"] for e in events)
    atts = collections.Counter(e["attribution"] for e in events)
    forms = collections.Counter(r["form"] for r in recs)
    per_sent = collections.Counter(len(r["events"]) for r in recs)
    words = [len(r["text"].split()) for r in recs]
    years = collections.Counter(r["published"][:4] for r in recs)
    countries = set()
    for e in events:
        for a in (e["source"], e["target"]):
            if a and not a.startswith(("IGO", "NGO", "NGM", "IMG", "---")):
                countries.add(a[:3])
    print(f"sentences: {n}")
    print(f"events: {len(events)}")
    print(f"no-event sentences: {neg} ({100 * neg / n:.1f}%)")
    print(f"template-marked: {sum(1 for r in recs if r['template'])}")
    print("per root (sentences with >=1 event of the root / events of the root):")
    for root in [f"{i:02d}" for i in range(1, 21)]:
        print(f"  {root}: {root_sent[root]} / {root_ev[root]}")
    print("per modality (events): " + ", ".join(f"{k}={v}" for k, v in mods.most_common()))
    print("per attribution (events): " + ", ".join(f"{k}={v}" for k, v in atts.most_common()))
    print("per form (sentences): " + ", ".join(f"{k}={v}" for k, v in forms.most_common()))
    print("events per sentence: " + ", ".join(f"{k}:{per_sent[k]}" for k in sorted(per_sent)))
    ev_sents = [len(r["events"]) for r in recs if r["events"]]
    if ev_sents:
        print(f"mean events per event sentence: {statistics.mean(ev_sents):.2f}")
    print(f"words per sentence: mean {statistics.mean(words):.1f}, median {statistics.median(words)}, "
          f"min {min(words)}, max {max(words)}")
    print(f"years: {min(years)}-{max(years)} ({len(years)} distinct)")
    print(f"distinct country codes among actors: {len(countries)}")

    toks = [tokens(r["text"]) for r in recs]
    hits, max_sim = near_pairs(toks, toks, same=True)
    pairs = n * (n - 1) // 2
    print(f"near-duplicate pairs within {name} (Jaccard >= {THRESHOLD}): {len(hits)} of {pairs} "
          f"({100 * len(hits) / max(pairs, 1):.4f}%); highest similarity {max_sim:.3f}")
    for i, j, s in hits:
        print(f"    {recs[i]['id']} ~ {recs[j]['id']} ({s:.2f})")
    for other in sorted(TRAINING.glob("part_*/sentences.jsonl")):
        if other.parent == here:
            continue
        orecs = load(other)
        otoks = [tokens(r["text"]) for r in orecs]
        hits, max_sim = near_pairs(toks, otoks, same=False)
        print(f"near-duplicate pairs {name} x {other.parent.name} ({len(orecs)} sentences): "
              f"{len(hits)}; highest similarity {max_sim:.3f}")
        for i, j, s in hits:
            print(f"    {recs[i]['id']} ~ {orecs[j]['id']} ({s:.2f})")
    return 0

