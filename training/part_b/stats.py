"""Counts and a near-duplicate measure for training part B (sentences.jsonl).

Run:  python stats.py [--markdown]

Reports
* sentences, negatives (events == []), template share;
* per root 08..13: sentences with at least one event of that root, and sentences whose
  *first* event is of that root; per code (3- and 4-digit) for roots 08..13, counting
  every event;
* per form, per modality, per attribution;
* actual-modality events per root, years and distinct countries covered;
* near duplicates: the share of sentence pairs whose token sets have Jaccard similarity
  >= 0.8, and how many sentences take part in at least one such pair.
"""
from __future__ import annotations

import collections
import itertools
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOTS = ["08", "09", "10", "11", "12", "13"]
TOKEN_RE = re.compile(r"\w+", re.UNICODE)


def tokens(text: str) -> frozenset[str]:
    return frozenset(t.lower() for t in TOKEN_RE.findall(text))


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a and not b:
        return 1.0
    return len(a & b) / len(a | b)


def load() -> list[dict]:
    with open(HERE / "sentences.jsonl", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def near_duplicates(recs: list[dict], threshold: float = 0.8) -> tuple[int, int, set[int], float]:
    toks = [tokens(r["text"]) for r in recs]
    n = len(toks)
    pairs = n * (n - 1) // 2
    hits = 0
    involved: set[int] = set()
    max_sim = 0.0
    for i, j in itertools.combinations(range(n), 2):
        # quick size filter: Jaccard >= t needs min/max size ratio >= t
        a, b = toks[i], toks[j]
        small, big = sorted((len(a), len(b)))
        if big and small / big < threshold:
            continue
        s = jaccard(a, b)
        max_sim = max(max_sim, s)
        if s >= threshold:
            hits += 1
            involved.update((i, j))
    return hits, pairs, involved, max_sim


def main() -> int:
    md = "--markdown" in sys.argv
    recs = load()
    n = len(recs)
    neg = sum(1 for r in recs if not r["events"])
    tmpl = sum(1 for r in recs if r["template"])
    any_root = collections.Counter()
    first_root = collections.Counter()
    per_code = collections.Counter()
    forms = collections.Counter(r["form"] for r in recs)
    mods = collections.Counter()
    atts = collections.Counter()
    years = collections.Counter(r["published"][:4] for r in recs)
    countries: set[str] = set()
    n_events = 0
    for r in recs:
        roots = set()
        for e in r["events"]:
            n_events += 1
            roots.add(e["code"][:2])
            mods[e["modality"]] += 1
            atts[e["attribution"]] += 1
            if e["code"][:2] in ROOTS:
                per_code[e["code"]] += 1
            for a in (e["source"], e["target"]):
                if a and a[:3].isalpha() and not a.startswith(("IGO", "NGO", "---", "IMG")):
                    countries.add(a[:3])
        for x in roots:
            any_root[x] += 1
        if r["events"]:
            first_root[r["events"][0]["code"][:2]] += 1
    hits, pairs, involved, max_sim = near_duplicates(recs)

    out = []
    out.append(f"sentences: {n}")
    out.append(f"events: {n_events}")
    out.append(f"negatives (no event): {neg}")
    out.append(f"template-marked: {tmpl} ({100 * tmpl / n:.1f}%)")
    out.append("per root (sentences with >=1 event of the root / sentences whose first event is of the root):")
    for x in ROOTS:
        out.append(f"  {x}: {any_root[x]} / {first_root[x]}")
    other = {k: v for k, v in sorted(any_root.items()) if k not in ROOTS}
    out.append(f"  other roots appearing as secondary events: {other}")
    out.append("per code (events, roots 08-13):")
    for x in ROOTS:
        codes = sorted(c for c in per_code if c.startswith(x))
        out.append(f"  {x}: " + ", ".join(f"{c}={per_code[c]}" for c in codes))
    out.append("per form: " + ", ".join(f"{k}={v}" for k, v in forms.most_common()))
    out.append("per modality: " + ", ".join(f"{k}={v}" for k, v in mods.most_common()))
    out.append("per attribution: " + ", ".join(f"{k}={v}" for k, v in atts.most_common()))
    out.append(f"years covered: {min(years)}-{max(years)} ({len(years)} distinct years)")
    out.append(f"distinct country codes among actors: {len(countries)}")
    out.append(f"near-duplicate pairs (token Jaccard >= 0.8): {hits} of {pairs} pairs "
               f"({100 * hits / pairs:.4f}%); sentences involved: {len(involved)} "
               f"({100 * len(involved) / n:.2f}%); highest pairwise similarity: {max_sim:.3f}")
    text = "\n".join(out)
    print(("```\n" + text + "\n```") if md else text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
