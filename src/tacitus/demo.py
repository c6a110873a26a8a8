"""The demo: ingest the bundled corpus (written for Tacitus) into a store and score it against its gold.

The corpus (``tacitus/corpus``: 64 short articles about the 2014–15 Russia–Ukraine crisis from eight
made-up outlets) comes with gold mentions and event clusters; the demo prints the store's summary
and mention-level precision and recall on (article, source country, target country, CAMEO root).
"""

from __future__ import annotations

import csv
import json
from collections import Counter
from pathlib import Path
from typing import Any

CORPUS = Path(__file__).resolve().parent / "corpus"


def corpus_paths() -> list[Path]:
    return sorted((CORPUS / "articles").glob("*.json"))


def load_outlets(con: Any, path: Path = CORPUS / "outlets.tsv") -> int:
    """Load (replace) outlet rows from a TSV: outlet, country, state_affiliated, wire, note."""
    rows = []
    with path.open(encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh, delimiter="\t"):
            rows.append((r["outlet"], r.get("country") or None, r.get("state_affiliated", "").lower() == "true",
                         r.get("wire", "").lower() == "true", r.get("note") or None))
    con.execute("BEGIN TRANSACTION")
    con.executemany("INSERT OR REPLACE INTO outlets VALUES (?, ?, ?, ?, ?)", rows)
    con.execute("COMMIT")
    return len(rows)


def gold_accuracy(con: Any, gold_path: Path = CORPUS / "gold.jsonl") -> dict[str, Any]:
    """Mention-level P/R/F1 of the store against the corpus gold, per article as multisets."""
    def key(code: str | None) -> str:
        return (code or "---")[:3]

    gold: dict[str, Counter] = {}
    for line in gold_path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            g = json.loads(line)
            gold.setdefault(g["article_id"], Counter())[(key(g["source"]), key(g["target"]), g["code"][:2])] += 1
    pred: dict[str, Counter] = {}
    for aid, s, t, c in con.execute("SELECT article_id, source_code, target_code, cameo_code FROM mentions"
                                    " WHERE modality NOT IN ('demanded', 'hypothetical')").fetchall():
        pred.setdefault(aid, Counter())[(key(s), key(t), c[:2])] += 1
    tp = fp = fn = 0
    for aid in set(gold) | set(pred):
        g, p = gold.get(aid, Counter()), pred.get(aid, Counter())
        hit = sum((g & p).values())
        tp, fp, fn = tp + hit, fp + sum(p.values()) - hit, fn + sum(g.values()) - hit
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "precision": round(prec, 3), "recall": round(rec, 3), "f1": round(f1, 3)}


def summary(con: Any) -> list[str]:
    lines = []
    n_art, n_men = con.execute("SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM mentions)").fetchone()
    n_out = con.execute("SELECT count(DISTINCT outlet) FROM articles").fetchone()[0]
    lo, hi = con.execute("SELECT min(published)::DATE, max(published)::DATE FROM articles").fetchone()
    lines.append(f"{n_art} articles from {n_out} outlets, {lo} to {hi}; {n_men} mentions")
    rows = con.execute("SELECT cameo_root, count(*) FROM mentions GROUP BY 1 ORDER BY 2 DESC LIMIT 8").fetchall()
    lines.append("top CAMEO roots: " + ", ".join(f"{r}: {n}" for r, n in rows))
    rows = con.execute(
        "SELECT source_country, target_country, count(*) FROM mentions WHERE source_country IS NOT NULL "
        "AND target_country IS NOT NULL AND source_country <> target_country GROUP BY 1, 2 "
        "ORDER BY 3 DESC, 1, 2 LIMIT 6").fetchall()
    lines.append("top dyads: " + ", ".join(f"{s}->{t}: {n}" for s, t, n in rows))
    rows = con.execute("SELECT modality, count(*) FROM mentions GROUP BY 1 ORDER BY 2 DESC").fetchall()
    lines.append("modality: " + ", ".join(f"{m}: {n}" for m, n in rows))
    with_place, with_date = con.execute(
        "SELECT avg((place_name IS NOT NULL)::INT), avg((date_method <> 'publication')::INT) FROM mentions").fetchone()
    lines.append(f"mentions with a place: {with_place:.0%}; with a date from the text: {with_date:.0%}")
    return lines
