"""Statistics for training part C: counts per root / sub-code / form, negatives,
template share and near-duplicate rate (token Jaccard >= 0.8 over all sentence pairs).

Run:  python stats.py [sentences.jsonl]
"""
from __future__ import annotations

import json
import re
import sys
from collections import Counter
from itertools import combinations
from pathlib import Path

HERE = Path(__file__).resolve().parent
CAMEO = HERE.parents[1] / "src" / "tacitus" / "knowledge" / "data" / "cameo.tsv"
ROOTS = ["14", "15", "16", "17", "18", "19", "20"]
TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


def tokens(text: str) -> frozenset[str]:
    return frozenset(TOKEN.findall(text.lower()))


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "sentences.jsonl"
    recs = [json.loads(l) for l in path.read_text(encoding="utf-8").splitlines() if l.strip()]
    codes = {}
    for line in CAMEO.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#") and not line.startswith("code\t"):
            c, name = line.split("\t")[:2]
            codes[c] = name

    n = len(recs)
    neg = sum(1 for r in recs if not r["events"])
    tmpl = sum(1 for r in recs if r["template"])
    forms = Counter(r["form"] for r in recs)
    root_sent = Counter()
    code_events = Counter()
    code_sent = Counter()
    mods, atts = Counter(), Counter()
    other_roots = Counter()
    n_events = 0
    multi = 0
    for r in recs:
        roots = set()
        seen = set()
        if len(r["events"]) > 1:
            multi += 1
        for e in r["events"]:
            n_events += 1
            c = e["code"]
            code_events[c] += 1
            mods[e["modality"]] += 1
            atts[e["attribution"]] += 1
            if c not in seen:
                code_sent[c] += 1
                seen.add(c)
            roots.add(c[:2])
        for rt in roots:
            root_sent[rt] += 1
            if rt not in ROOTS:
                other_roots[rt] += 1

    out = []
    out.append(f"sentences: {n}")
    out.append(f"events: {n_events}; sentences with more than one event: {multi}")
    out.append(f"no-event negatives: {neg}")
    out.append(f"template-marked: {tmpl} ({tmpl / n:.1%})")
    out.append("")
    out.append("sentences per root (a sentence counts once for each root it contains):")
    for rt in ROOTS:
        out.append(f"  {rt} {codes.get(rt, '')}: {root_sent[rt]}")
    out.append("  other roots (mostly 01 statements and 11 accusations in reported speech): "
               + ", ".join(f"{k}={v}" for k, v in sorted(other_roots.items())))
    out.append("")
    out.append("sentences per code in roots 14-20 (code: sentences / events):")
    for c in sorted(codes):
        if c[:2] in ROOTS and len(c) > 2:
            out.append(f"  {c:<5} {code_sent[c]:>4} / {code_events[c]:<4} {codes[c]}")
    out.append("")
    out.append("forms: " + ", ".join(f"{k}={v}" for k, v in forms.most_common()))
    out.append("modality (events): " + ", ".join(f"{k}={v}" for k, v in mods.most_common()))
    out.append("attribution (events): " + ", ".join(f"{k}={v}" for k, v in atts.most_common()))
    countries = Counter()
    for r in recs:
        for e in r["events"]:
            for a in (e["source"], e["target"]):
                if a and not a.startswith(("IGO", "NGO", "---")):
                    countries[a[:3]] += 1
    out.append(f"distinct country codes among actors: {len(countries)}")
    years = Counter(r["published"][:4] for r in recs)
    out.append("published year: " + ", ".join(f"{y}={years[y]}" for y in sorted(years)))
    trig = Counter(e["trigger"].lower() for r in recs for e in r["events"] if e["code"][:2] in ROOTS)
    out.append(f"distinct trigger strings for root 14-20 events: {len(trig)}; most common: "
               + ", ".join(f"{k}={v}" for k, v in trig.most_common(12)))

    toks = [tokens(r["text"]) for r in recs]
    pairs = 0
    near = []
    for i, j in combinations(range(n), 2):
        a, b = toks[i], toks[j]
        # quick length filter: Jaccard >= 0.8 requires min/max size ratio >= 0.8
        la, lb = len(a), len(b)
        if min(la, lb) < 0.8 * max(la, lb):
            pairs += 1
            continue
        pairs += 1
        jac = len(a & b) / len(a | b)
        if jac >= 0.8:
            near.append((jac, recs[i]["id"], recs[j]["id"]))
    involved = {x for _, a, b in near for x in (a, b)}
    out.append("")
    out.append(f"sentence pairs compared: {pairs}")
    out.append(f"pairs with token Jaccard >= 0.8: {len(near)} ({len(near) / pairs:.6%} of pairs); "
               f"sentences involved: {len(involved)} ({len(involved) / n:.2%})")
    for jac, a, b in sorted(near, reverse=True)[:20]:
        out.append(f"  {jac:.2f} {a} {b}")
    # also the highest similarity seen, for reference
    best = 0.0
    for i, j in combinations(range(n), 2):
        a, b = toks[i], toks[j]
        if min(len(a), len(b)) < best * max(len(a), len(b)):
            continue
        jac = len(a & b) / len(a | b)
        if jac > best:
            best, bi, bj = jac, recs[i]["id"], recs[j]["id"]
    out.append(f"highest pairwise token Jaccard: {best:.2f} ({bi}, {bj})")
    print("\n".join(out))


if __name__ == "__main__":
    main()
