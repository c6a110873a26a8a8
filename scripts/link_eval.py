"""Score cross-article linking: B-cubed precision/recall/F1 of the linker against gold event clusters,
beside a one-event-per-(dyad, root, day) baseline, plus repeat links, independent-source counts and
corroboration status accuracy per status.

Two sets:

- the labelled linking set ``evaluation/linking`` (mention records coded by hand, so linking is tested
  apart from extraction; see its README);
- the demo corpus gold (``src/tacitus/corpus``): the store built by ``tacitus demo`` (built here when the
  file is missing), each gold mention matched to a linked mention in the same sentence with the same root.

    python scripts/link_eval.py                       # both sets
    python scripts/link_eval.py --no-corpus           # the linking set only (no extraction; < 1 s)
    python scripts/link_eval.py --json                # the figures as JSON

Output is deterministic (sorted, fixed precision).
"""

from __future__ import annotations

import argparse
import json
from collections import Counter, defaultdict
from datetime import date, datetime
from pathlib import Path
from typing import Any

from tacitus.store.link import LinkSettings, corroboration, link, source_groups

ROOT = Path(__file__).resolve().parent.parent
LINKING_SET = ROOT / "evaluation" / "linking"
STATUSES = ("confirmed", "self_reported", "not_yet_observed", "contradicted", "unverified")


def bcubed(pred: dict[str, str], gold: dict[str, str], only: set[str] | None = None) -> tuple[float, float, float]:
    """B-cubed P/R/F1 over the gold items (an item missing from ``pred`` is a singleton); averaged over
    ``only`` when given (clusters are still the full ones)."""
    items = sorted(gold)
    pred = {i: pred.get(i, f"singleton:{i}") for i in items}
    pc, gc = defaultdict(set), defaultdict(set)
    for i in items:
        pc[pred[i]].add(i)
        gc[gold[i]].add(i)
    scored = [i for i in items if only is None or i in only]
    if not scored:
        return 0.0, 0.0, 0.0
    p = sum(len(pc[pred[i]] & gc[gold[i]]) / len(pc[pred[i]]) for i in scored) / len(scored)
    r = sum(len(pc[pred[i]] & gc[gold[i]]) / len(gc[gold[i]]) for i in scored) / len(scored)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _side(code: str | None, country: str | None) -> str:
    if country:
        return country
    if code and not code.startswith("---"):
        return code[:3] if code[:3] not in {"IGO", "NGO", "IMG", "MNC"} else code
    return "---"


def baseline_key(m: dict[str, Any]) -> str:
    """One event per (source side, target side, CAMEO root, first day)."""
    return "|".join((_side(m.get("source_code"), m.get("source_country")),
                     _side(m.get("target_code"), m.get("target_country")), m["cameo_root"], str(m["date_start"])))


def load_set(folder: Path = LINKING_SET) -> tuple[list[dict], list[dict], dict[str, dict], dict[str, str]]:
    """(mention rows as the linker takes them, articles, gold events by id, state outlets → country)."""
    def rows(name: str) -> list[dict]:
        return [json.loads(x) for x in (folder / name).read_text(encoding="utf-8").splitlines() if x.strip()]

    mentions = rows("mentions.jsonl")
    for m in mentions:
        m["date_start"] = date.fromisoformat(m["date_start"]) if m["date_start"] else None
        m["date_end"] = date.fromisoformat(m["date_end"]) if m["date_end"] else None
        m["published"] = datetime.fromisoformat(m["published"]) if m["published"] else None
    articles = rows("articles.jsonl")
    for a in articles:
        a["published"] = datetime.fromisoformat(a["published"])
        a["day"] = a["published"].date()
    events = {e["event"]: e for e in rows("events.jsonl")}
    state, wire = {}, set()
    for line in (folder / "outlets.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        outlet, country, state_aff, is_wire, _note = line.split("\t")
        if state_aff == "true" and country:
            state[outlet] = country
        if is_wire == "true":
            wire.add(outlet)
    for a in articles:
        a["wire"] = a["outlet"] in wire
    return mentions, articles, events, state


def score_set(folder: Path = LINKING_SET, settings: LinkSettings | None = None) -> dict[str, Any]:
    """Every figure for the linking set (a plain dict of rounded numbers and counts)."""
    s = settings or LinkSettings()
    mentions, articles, gold_events, state = load_set(folder)
    events = link([dict(m) for m in mentions], s)
    pred = {m["mention_id"]: ev.event_id for ev in events for m in ev.mentions}
    gold = {m["mention_id"]: m["event"] for m in mentions}
    base = {m["mention_id"]: baseline_key(m) for m in mentions}
    out: dict[str, Any] = {"mentions": len(mentions), "articles": len(articles),
                           "outlets": len({a["outlet"] for a in articles}), "events": len(gold_events),
                           "hard_negatives": sum(1 for m in mentions if m["hard"]),
                           "unlinked": sum(1 for m in mentions if m["mention_id"] not in pred)}
    out["linker"] = dict(zip("prf", (round(x, 3) for x in bcubed(pred, gold))))
    out["baseline"] = dict(zip("prf", (round(x, 3) for x in bcubed(base, gold))))
    tags = sorted({t for m in mentions for t in m["hard"]})
    out["by_tag"] = {}
    for t in tags:
        only = {m["mention_id"] for m in mentions if t in m["hard"]}
        out["by_tag"][t] = {"n": len(only), "linker_f1": round(bcubed(pred, gold, only)[2], 3),
                            "baseline_f1": round(bcubed(base, gold, only)[2], 3)}
    # each gold event is represented by the predicted event holding most of its mentions
    by_pred = {ev.event_id: ev for ev in events}
    votes: dict[str, Counter] = defaultdict(Counter)
    for m in mentions:
        if m["mention_id"] in pred:
            votes[m["event"]][pred[m["mention_id"]]] += 1
    rep = {g: sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))[0][0] for g, c in votes.items()}
    owner: dict[str, str] = {}  # predicted event → the gold event it mostly holds
    pv: dict[str, Counter] = defaultdict(Counter)
    for m in mentions:
        if m["mention_id"] in pred:
            pv[pred[m["mention_id"]]][m["event"]] += 1
    for p, c in pv.items():
        owner[p] = sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
    # repeats: a gold repeated announcement is right when its event points back to exactly the gold ones
    rep_right = rep_total = 0
    for g, ev in sorted(gold_events.items()):
        if not ev["repeats"]:
            continue
        rep_total += 1
        p = by_pred.get(rep.get(g, ""))
        got = sorted({owner.get(x, "?") for x in (p.repeats if p else [])})
        rep_right += got == sorted(ev["repeats"])
    out["repeats"] = {"right": rep_right, "of": rep_total}
    # independent sources and corroboration status, for the event representing each gold event
    groups = source_groups(articles, s.copy_similarity)
    src_right = 0
    per_status: dict[str, list[int]] = {st: [0, 0] for st in STATUSES}
    confusion: Counter = Counter()
    for g, ev in sorted(gold_events.items()):
        p = by_pred.get(rep.get(g, ""))
        n_src = len({groups[m["article_id"]] for m in p.mentions}) if p else 0
        src_right += n_src == ev["n_sources"]
        if ev["status"]:
            got = corroboration(p, state, s) if p else "unlinked"
            per_status[ev["status"]][1] += 1
            per_status[ev["status"]][0] += got == ev["status"]
            if got != ev["status"]:
                confusion[f"{ev['status']}->{got}"] += 1
    out["n_sources"] = {"right": src_right, "of": len(gold_events)}
    right = sum(v[0] for v in per_status.values())
    total = sum(v[1] for v in per_status.values())
    out["status"] = {"right": right, "of": total,
                     "per_status": {k: {"right": v[0], "of": v[1]} for k, v in per_status.items() if v[1]},
                     "errors": dict(sorted(confusion.items()))}
    return out


def score_corpus(db: str) -> dict[str, Any]:
    """The demo corpus gold against the store built by ``tacitus demo``."""
    from tacitus.demo import CORPUS
    from tacitus.store import open_store

    if not Path(db).exists():
        import subprocess
        import sys

        subprocess.run([sys.executable, "-m", "tacitus.cli", "demo", "--db", db], check=True,
                       stdout=subprocess.DEVNULL)
    gold_rows = [json.loads(x) for x in (CORPUS / "gold.jsonl").read_text(encoding="utf-8").splitlines() if x]
    events = {json.loads(x)["event"]: json.loads(x)
              for x in (CORPUS / "events.jsonl").read_text(encoding="utf-8").splitlines() if x}
    with open_store(db) as store:
        store.link()
        cur = store.con.execute(
            "SELECT m.*, l.event_id FROM mentions m JOIN mention_events l USING (mention_id) ORDER BY m.mention_id")
        names = [d[0] for d in cur.description]
        rows = [dict(zip(names, r)) for r in cur.fetchall()]
        status = dict(store.con.execute("SELECT event_id, status FROM events").fetchall())
    # a predicted mention stands for a gold mention when it is in the same sentence with the same root
    by_sentence: dict[tuple, list[dict]] = defaultdict(list)
    for r in rows:
        by_sentence[(r["article_id"], (r["evidence_text"] or "").strip())].append(r)
    pred, base, gold, matched = {}, {}, {}, defaultdict(Counter)
    for n, g in enumerate(gold_rows):
        cands = [r for r in by_sentence.get((g["article_id"], g["sentence"].strip()), [])
                 if r["cameo_root"] == g["code"][:2]]
        if not cands:
            continue
        r = cands[0]
        item = f"g{n:04d}"
        gold[item], pred[item], base[item] = g["event"], r["event_id"], baseline_key(r)
        matched[g["event"]][status[r["event_id"]]] += 1
    right = sum(sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))[0][0] == events[e]["status"]
                for e, c in matched.items())
    return {"gold_mentions": len(gold_rows), "matched": len(gold),
            "linker": dict(zip("prf", (round(x, 3) for x in bcubed(pred, gold)))),
            "baseline": dict(zip("prf", (round(x, 3) for x in bcubed(base, gold)))),
            "status": {"right": right, "of": len(matched)}}


def _prf(d: dict[str, float]) -> str:
    return f"P {d['p']:.3f} R {d['r']:.3f} F1 {d['f']:.3f}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--set", default=str(LINKING_SET), help="the labelled linking set folder")
    ap.add_argument("--db", default="tacitus-demo.duckdb", help="demo store (built with `tacitus demo` if missing)")
    ap.add_argument("--no-corpus", action="store_true", help="skip the demo corpus gold")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    res: dict[str, Any] = {"linking_set": score_set(Path(args.set))}
    if not args.no_corpus:
        res["corpus"] = score_corpus(args.db)
    if args.json:
        print(json.dumps(res, indent=1, sort_keys=True))
        return
    r = res["linking_set"]
    print(f"linking set: {r['mentions']} mentions, {r['articles']} articles, {r['outlets']} outlets, "
          f"{r['events']} gold events, {r['hard_negatives']} hard-negative mentions, {r['unlinked']} left unlinked")
    print(f"  linker   B-cubed {_prf(r['linker'])}")
    print(f"  baseline B-cubed {_prf(r['baseline'])}  (one event per source side, target side, root, day)")
    for t, v in r["by_tag"].items():
        print(f"    {t:<13} n={v['n']:<3} linker F1 {v['linker_f1']:.3f}  baseline F1 {v['baseline_f1']:.3f}")
    print(f"  repeated announcements pointing back to the right events: {r['repeats']['right']} of {r['repeats']['of']}")
    print(f"  independent-source count right: {r['n_sources']['right']} of {r['n_sources']['of']} events")
    st = r["status"]
    print(f"  corroboration status right: {st['right']} of {st['of']} gold events")
    for k, v in st["per_status"].items():
        print(f"    {k:<17} {v['right']} of {v['of']}")
    for k, v in st["errors"].items():
        print(f"    error {k}: {v}")
    if "corpus" in res:
        c = res["corpus"]
        print(f"demo corpus gold: {c['matched']} of {c['gold_mentions']} gold mentions matched by a linked mention")
        print(f"  linker   B-cubed {_prf(c['linker'])}")
        print(f"  baseline B-cubed {_prf(c['baseline'])}")
        print(f"  corroboration status right for {c['status']['right']} of {c['status']['of']} gold events reached")


if __name__ == "__main__":
    main()
