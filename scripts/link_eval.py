"""Score cross-article linking on the demo corpus: B-cubed precision/recall/F1 against the gold
clusters, beside a one-cluster-per-(actor, code, day) baseline, and corroboration status accuracy.

    python scripts/link_eval.py [--db tacitus-demo.duckdb]   # builds the store with `tacitus demo` first
"""

from __future__ import annotations

import argparse
import json
from collections import Counter, defaultdict

from tacitus.demo import CORPUS
from tacitus.store import open_store


def bcubed(pred: dict[str, str], gold: dict[str, str]) -> tuple[float, float, float]:
    items = [i for i in gold if i in pred]
    if not items:
        return 0.0, 0.0, 0.0
    pc, gc = defaultdict(set), defaultdict(set)
    for i in items:
        pc[pred[i]].add(i)
        gc[gold[i]].add(i)
    p = sum(len(pc[pred[i]] & gc[gold[i]]) / len(pc[pred[i]]) for i in items) / len(items)
    r = sum(len(pc[pred[i]] & gc[gold[i]]) / len(gc[gold[i]]) for i in items) / len(items)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", default="tacitus-demo.duckdb")
    args = ap.parse_args()
    gold_rows = [json.loads(x) for x in (CORPUS / "gold.jsonl").read_text(encoding="utf-8").splitlines() if x]
    events = {json.loads(x)["event"]: json.loads(x) for x in (CORPUS / "events.jsonl").read_text().splitlines() if x}
    with open_store(args.db) as store:
        store.link()
        rows = store.con.execute(
            "SELECT m.mention_id, m.article_id, trim(m.evidence_text), m.cameo_root, l.event_id, m.source_code, "
            "m.cameo_code, m.date_start FROM mentions m JOIN mention_events l USING (mention_id)").fetchall()
        status = dict(store.con.execute("SELECT event_id, status FROM events").fetchall())
    # a predicted mention stands for a gold mention when it is in the same sentence with the same root
    by_sentence = defaultdict(list)
    for r in rows:
        by_sentence[(r[1], r[2])].append(r)
    pred, base, gold, matched_events = {}, {}, {}, defaultdict(Counter)
    for n, g in enumerate(gold_rows):
        cands = [r for r in by_sentence.get((g["article_id"], g["sentence"].strip()), []) if r[3] == g["code"][:2]]
        if not cands:
            continue
        r = cands[0]
        item = f"g{n}"
        gold[item] = g["event"]
        pred[item] = r[4]
        base[item] = f"{(r[5] or '---')[:3]}|{r[6][:3]}|{r[7]}"
        matched_events[g["event"]][status[r[4]]] += 1
    p, rc, f = bcubed(pred, gold)
    bp, br, bf = bcubed(base, gold)
    print(f"gold mentions matched by a linked mention: {len(gold)} of {len(gold_rows)}")
    print(f"linking  B-cubed P {p:.3f} R {rc:.3f} F1 {f:.3f}")
    print(f"baseline B-cubed P {bp:.3f} R {br:.3f} F1 {bf:.3f}  (one cluster per source country, base code, day)")
    right = total = 0
    for ev, counts in matched_events.items():
        total += 1
        right += counts.most_common(1)[0][0] == events[ev]["status"]
    print(f"corroboration status right for {right} of {total} gold events with a linked mention")


if __name__ == "__main__":
    main()
