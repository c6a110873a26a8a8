"""Build sentences.jsonl for training part B (CAMEO roots 08-13 plus no-event negatives).

The sentences are hand-written in raw/*.txt, one per line ('#' starts a comment line):

    DATE|FORM|TEXT|EVENTS

FORM is an abbreviation: act pas nom rep neg hed fut quo dat none
(active, passive, nominal, reported, negated, hedged, future, quote, dateline, none).
EVENTS is empty for negatives; otherwise events are separated by ';' and each is
    trigger, SOURCE, TARGET, CODE[, MODALITY[, ATTRIBUTION]]
TARGET '-' means null.  MODALITY: a p h d n hi (actual, planned, hypothetical,
demanded, negated, historical; default a).  ATTRIBUTION: s op tp out (self,
opponent, third_party, outlet; default out).
A line starting with 'T|' is marked as template-generated.

Run:  python build.py     (validates, writes sentences.jsonl, exits 1 on any error)
"""
from __future__ import annotations

import datetime as dt
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from rawlines import ATTRS, FORMS, MODS, load_codes  # noqa: E402  (shared with parts D and E)

HERE = Path(__file__).resolve().parent
RAW = ["r08.txt", "r09.txt", "r10.txt", "r11.txt", "r12.txt", "r13.txt", "mix.txt", "neg.txt"]

ACTOR_RE = re.compile(r"^(?:[A-Z]{3}|---|IGO[A-Z]{3,9}|NGO[A-Z]{0,9})(?:[A-Z]{3}){0,3}$")


def parse_event(spec: str) -> dict:
    parts = [p.strip() for p in spec.split(",")]
    if not 4 <= len(parts) <= 6:
        raise ValueError(f"bad event spec {spec!r}")
    trig, src, tgt, code = parts[:4]
    mod = MODS[parts[4]] if len(parts) > 4 else "actual"
    att = ATTRS[parts[5]] if len(parts) > 5 else "outlet"
    return {"trigger": trig, "source": src, "target": None if tgt in ("-", "") else tgt,
            "code": code, "modality": mod, "attribution": att}


def build() -> tuple[list[dict], list[str]]:
    codes = load_codes()
    out: list[dict] = []
    errors: list[str] = []
    seen: set[str] = set()
    for fname in RAW:
        path = HERE / "raw" / fname
        for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            where = f"{fname}:{lineno}"
            template = line.startswith("T|")
            if template:
                line = line[2:]
            fields = [f.strip() for f in line.split("|")]
            if len(fields) != 4:
                errors.append(f"{where}: expected 4 fields, got {len(fields)}")
                continue
            date, form, text, evs = fields
            try:
                if not 2000 <= dt.date.fromisoformat(date).year <= 2025:
                    errors.append(f"{where}: date out of range {date}")
            except ValueError:
                errors.append(f"{where}: bad date {date}")
            if form not in FORMS:
                errors.append(f"{where}: bad form {form}")
                continue
            if text in seen:
                errors.append(f"{where}: duplicate text")
            seen.add(text)
            try:
                events = [parse_event(e) for e in evs.split(";") if e.strip()]
            except (ValueError, KeyError) as exc:
                errors.append(f"{where}: {exc}")
                continue
            if (form == "none") != (not events):
                errors.append(f"{where}: form {form} does not fit {len(events)} events")
            for ev in events:
                if ev["code"] not in codes:
                    errors.append(f"{where}: unknown code {ev['code']}")
                if ev["trigger"] not in text:
                    errors.append(f"{where}: trigger {ev['trigger']!r} not in text")
                elif not re.search(r"(?<!\w)" + re.escape(ev["trigger"]) + r"(?!\w)", text):
                    errors.append(f"{where}: trigger {ev['trigger']!r} only inside a word")
                for role in ("source", "target"):
                    a = ev[role]
                    if a is not None and not ACTOR_RE.match(a):
                        errors.append(f"{where}: odd actor code {a!r}")
            out.append({"id": f"b-{len(out) + 1:05d}", "text": text, "published": date,
                        "form": FORMS[form], "template": template, "events": events})
    return out, errors


def main() -> int:
    out, errors = build()
    if errors:
        print("\n".join(errors), file=sys.stderr)
        print(f"{len(errors)} errors", file=sys.stderr)
    with open(HERE / "sentences.jsonl", "w", encoding="utf-8") as fh:
        for rec in out:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(f"wrote {len(out)} sentences")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
