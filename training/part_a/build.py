"""Build training/part_a/sentences.jsonl from the hand-written files in raw/.

Raw line format (one sentence per line; lines starting with '#' are comments):

    DATE|FORM|TEXT|EVENTS

FORM is one of: act pas nom rep neg hed fut quo dat none
EVENTS is empty for no-event negatives; otherwise events separated by ';', each
    trigger, SOURCE, TARGET, CODE[, MODALITY[, ATTRIBUTION]]
TARGET '-' means null. MODALITY: a(ctual, default) p(lanned) h(ypothetical)
d(emanded) n(egated) hi(storical). ATTRIBUTION: out(let, default) s(elf)
op(ponent) tp (third_party).
A line starting with 'T|' is marked as template-generated.

Checks (errors make the script exit non-zero): date format and 2000-2025 range,
form, duplicate text, every code in cameo.tsv, every trigger occurring in the
text as written (on word boundaries), actor codes of the expected shape.
Warnings only: a named office-holder from actors/leaders.tsv whose dated terms
do not cover the sentence date (may be legitimate, e.g. "former president").

Run: python training/part_a/build.py
"""
from __future__ import annotations

import csv
import datetime as dt
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from rawlines import FORMS, check_events, load_codes, read_line  # noqa: E402  (shared with parts D and E)

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
DATA = REPO / "src" / "tacitus" / "knowledge" / "data"
LEADERS = DATA / "actors" / "leaders.tsv"
FILES = ["a01.txt", "a02.txt", "a03.txt", "a04.txt", "a05.txt", "a06.txt",
         "a07.txt", "neg.txt"]

ACTOR_RE = re.compile(r"^(?:[A-Z]{3}|---|IGO[A-Z]{3,12}|NGO[A-Z]{0,12})(?:[A-Z]{3}){0,3}$")


def load_leaders() -> dict[str, list[tuple[dt.date, dt.date]]]:
    """Full name -> list of (start, end) terms, any office."""
    terms: dict[str, list[tuple[dt.date, dt.date]]] = {}
    if not LEADERS.exists():
        return terms
    lines = [l for l in LEADERS.read_text(encoding="utf-8").splitlines() if not l.startswith("#")]
    for row in csv.DictReader(lines, delimiter="\t"):
        try:
            start = dt.date.fromisoformat(row["start"])
            end = dt.date.fromisoformat(row["end"]) if row.get("end") else dt.date(2100, 1, 1)
        except (ValueError, KeyError, TypeError):
            continue
        name = row["name"].strip()
        if " " in name:  # full names only; single surnames are too ambiguous
            terms.setdefault(name, []).append((start, end))
    return terms


def main() -> int:
    codes = load_codes()
    leaders = load_leaders()
    out, errors, warnings = [], [], []
    seen: set[str] = set()
    for fname in FILES:
        path = HERE / "raw" / fname
        if not path.exists():
            errors.append(f"missing {path}")
            continue
        for lineno, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            where = f"{fname}:{lineno}"
            got = read_line(raw, where, errors, seen)
            if got is None:
                continue
            date, form, text, events, template = got
            d = dt.date.fromisoformat(date)
            check_events(form, text, events, codes, ACTOR_RE, where, errors)
            for name, spans in leaders.items():
                if name in text and not any(s <= d <= e for s, e in spans):
                    warnings.append(f"{where}: {name} not in office on {date}")
            out.append({"text": text, "published": date, "form": FORMS[form],
                        "template": template, "events": events})
    for i, rec in enumerate(out, 1):
        rec_id = {"id": f"a-{i:05d}"}
        rec_id.update(rec)
        out[i - 1] = rec_id
    for w in warnings:
        print("warning:", w, file=sys.stderr)
    if errors:
        print("\n".join(errors), file=sys.stderr)
        print(f"{len(errors)} errors", file=sys.stderr)
    with open(HERE / "sentences.jsonl", "w", encoding="utf-8") as fh:
        for rec in out:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(f"wrote {len(out)} sentences ({len(warnings)} warnings, {len(errors)} errors)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
