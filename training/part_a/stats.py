"""Counts and near-duplicate rate for training/part_a/sentences.jsonl.

Usage: python training/part_a/stats.py [path/to/sentences.jsonl] [--markdown]

Reports: totals, sentences per CAMEO root (a sentence counts for every root
it has at least one event in), events per code, forms, modality, attribution,
template share, and the share of sentence pairs whose token Jaccard similarity
(lower-cased word tokens, as sets) is >= 0.8, with the pairs listed.
"""
from __future__ import annotations

import collections
import itertools
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
CAMEO = HERE.parents[1] / "src" / "tacitus" / "knowledge" / "data" / "cameo.tsv"
TOKEN = re.compile(r"\w+", re.UNICODE)
THRESHOLD = 0.8


def load(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def code_order() -> list[str]:
    out = []
    for line in CAMEO.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#") and not line.startswith("code\t"):
            out.append(line.split("\t", 1)[0])
    return out


FORMS = {"active", "passive", "nominal", "reported", "negated", "hedged", "future",
         "quote", "dateline", "none"}
MODALITIES = {"actual", "planned", "hypothetical", "demanded", "negated", "historical"}
ATTRIBUTIONS = {"self", "opponent", "third_party", "outlet"}
KEYS = {"id", "text", "published", "form", "template", "events"}
EVENT_KEYS = {"trigger", "source", "target", "code", "modality", "attribution"}


def validate(recs: list[dict], codes: set[str]) -> list[str]:
    """Schema checks on the built JSONL (independent of build.py)."""
    errs, ids = [], set()
    for r in recs:
        rid = r.get("id", "?")
        if set(r) != KEYS:
            errs.append(f"{rid}: keys {sorted(r)}")
            continue
        if rid in ids:
            errs.append(f"{rid}: duplicate id")
        ids.add(rid)
        if r["form"] not in FORMS:
            errs.append(f"{rid}: form {r['form']}")
        if not re.fullmatch(r"20(0\d|1\d|2[0-5])-\d\d-\d\d", r["published"]):
            errs.append(f"{rid}: published {r['published']}")
        for e in r["events"]:
            if set(e) != EVENT_KEYS:
                errs.append(f"{rid}: event keys {sorted(e)}")
                continue
            if e["trigger"] not in r["text"]:
                errs.append(f"{rid}: trigger {e['trigger']!r} not in text")
            if e["code"] not in codes:
                errs.append(f"{rid}: code {e['code']} not in cameo.tsv")
            if e["modality"] not in MODALITIES:
                errs.append(f"{rid}: modality {e['modality']}")
            if e["attribution"] not in ATTRIBUTIONS:
                errs.append(f"{rid}: attribution {e['attribution']}")
    return errs


def jaccard_pairs(texts: list[str], threshold: float) -> tuple[int, list[tuple[int, int, float]]]:
    toks = [frozenset(TOKEN.findall(t.lower())) for t in texts]
    n_pairs = 0
    hits = []
    for i, j in itertools.combinations(range(len(toks)), 2):
        n_pairs += 1
        a, b = toks[i], toks[j]
        # cheap bound: |a&b|/|a|b| <= min/max
        if min(len(a), len(b)) < threshold * max(len(a), len(b)):
            continue
        inter = len(a & b)
        sim = inter / (len(a) + len(b) - inter) if (a or b) else 1.0
        if sim >= threshold:
            hits.append((i, j, sim))
    return n_pairs, hits


def main(argv: list[str]) -> int:
    args = [a for a in argv if not a.startswith("--")]
    path = Path(args[0]) if args else HERE / "sentences.jsonl"
    recs = load(path)
    errs = validate(recs, set(code_order()))
    pos = [r for r in recs if r["events"]]
    neg = [r for r in recs if not r["events"]]
    roots = collections.Counter()
    codes = collections.Counter()
    forms = collections.Counter(r["form"] for r in recs)
    mods = collections.Counter()
    atts = collections.Counter()
    for r in pos:
        for root in {e["code"][:2] for e in r["events"]}:
            roots[root] += 1
        for e in r["events"]:
            codes[e["code"]] += 1
            mods[e["modality"]] += 1
            atts[e["attribution"]] += 1
    templ = sum(1 for r in recs if r.get("template"))
    n_events = sum(codes.values())

    print(f"file: {path}")
    print(f"validation: {len(recs)} lines parsed, {len(errs)} problems")
    for e in errs:
        print("  ", e)
    print(f"sentences: {len(recs)}  with events: {len(pos)}  no-event negatives: {len(neg)}  events: {n_events}")
    print(f"template sentences: {templ} ({templ / len(recs):.1%})")
    print("\nsentences per root (a sentence counts for each root it has an event in):")
    for root in sorted(roots):
        print(f"  {root}: {roots[root]}")
    print("\nevents per code (roots 01-07; codes with 0 events listed too):")
    order = code_order()
    for c in order:
        if c[:2] in {"01", "02", "03", "04", "05", "06", "07"} and len(c) >= 3:
            print(f"  {c}: {codes.get(c, 0)}")
    other = {c: n for c, n in codes.items() if c[:2] not in {"01", "02", "03", "04", "05", "06", "07"}}
    print("  other roots (secondary events):", dict(sorted(other.items())))
    print("\nforms:", dict(forms.most_common()))
    print("modality:", dict(mods.most_common()))
    print("attribution:", dict(atts.most_common()))

    texts = [r["text"] for r in recs]
    n_pairs, hits = jaccard_pairs(texts, THRESHOLD)
    share = len(hits) / n_pairs if n_pairs else 0.0
    involved = len({i for i, _, _ in hits} | {j for _, j, _ in hits})
    print(f"\nnear-duplicates: {len(hits)} of {n_pairs} pairs have token Jaccard >= {THRESHOLD} "
          f"({share:.6%}); sentences involved: {involved} ({involved / len(recs):.2%})")
    for i, j, sim in sorted(hits, key=lambda h: -h[2]):
        print(f"  {sim:.2f}  {recs[i]['id']}: {texts[i]}")
        print(f"        {recs[j]['id']}: {texts[j]}")
    return 1 if errs else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
