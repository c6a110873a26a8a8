"""Build sentences.jsonl for training part C from the hand-written raw/*.txt files.

Raw line format (one sentence per line, '#' starts a comment line):

    DATE|FORM|TEXT|EVENTS

FORM is an abbreviation (act, pas, nom, rep, neg, hed, fut, quo, dat, none).
EVENTS is empty for negatives, otherwise events separated by ';', each written as
    trigger, SOURCE, TARGET, CODE[, MODALITY[, ATTRIBUTION]]
with TARGET '-' for null, MODALITY one of a p h d n hi (default a = actual) and
ATTRIBUTION one of s op tp out (default out = outlet).
A line may start with 'T|' to mark it as template-generated.

Run:  python build.py      (validates and writes sentences.jsonl)
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

ACTOR_RE = re.compile(r"^([A-Z]{3}|---|IGO[A-Z]{3,9}|NGO[A-Z]{0,9})([A-Z]{3}){0,3}$")
FILES = ["r14.txt", "r15.txt", "r16.txt", "r17.txt", "r18.txt", "r19.txt", "r20.txt", "extra.txt", "neg.txt"]


def parse_event(spec: str, where: str) -> dict:
    parts = [p.strip() for p in spec.split(",")]
    if len(parts) < 4 or len(parts) > 6:
        raise ValueError(f"{where}: bad event spec {spec!r}")
    trig, src, tgt, code = parts[:4]
    mod = MODS[parts[4]] if len(parts) > 4 else "actual"
    att = ATTRS[parts[5]] if len(parts) > 5 else "outlet"
    return {"trigger": trig, "source": src, "target": None if tgt in ("-", "") else tgt,
            "code": code, "modality": mod, "attribution": att}


def main() -> int:
    codes = load_codes()
    out, errors = [], []
    seen_text = set()
    n = 0
    for fname in FILES:
        path = HERE / "raw" / fname
        if not path.exists():
            continue
        for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            where = f"{fname}:{lineno}"
            template = False
            if line.startswith("T|"):
                template, line = True, line[2:]
            fields = line.split("|")
            if len(fields) != 4:
                errors.append(f"{where}: expected 4 fields, got {len(fields)}")
                continue
            date, form, text, evs = (f.strip() for f in fields)
            try:
                d = dt.date.fromisoformat(date)
                if not (2000 <= d.year <= 2025):
                    errors.append(f"{where}: date out of range {date}")
            except ValueError:
                errors.append(f"{where}: bad date {date}")
            if form not in FORMS:
                errors.append(f"{where}: bad form {form}")
                continue
            if text in seen_text:
                errors.append(f"{where}: duplicate text")
            seen_text.add(text)
            events = []
            try:
                events = [parse_event(e, where) for e in evs.split(";") if e.strip()]
            except (ValueError, KeyError) as exc:
                errors.append(f"{where}: {exc}")
                continue
            if form == "none" and events:
                errors.append(f"{where}: form none but events given")
            if form != "none" and not events:
                errors.append(f"{where}: no events but form {form}")
            for ev in events:
                if ev["code"] not in codes:
                    errors.append(f"{where}: unknown code {ev['code']}")
                if not re.search(r"(?<!\w)" + re.escape(ev["trigger"]) + r"(?!\w)", text):
                    errors.append(f"{where}: trigger {ev['trigger']!r} not in text")
                for role in ("source", "target"):
                    a = ev[role]
                    if a is not None and not ACTOR_RE.match(a):
                        errors.append(f"{where}: odd actor code {a!r}")
            n += 1
            out.append({"id": f"c-{n:05d}", "text": text, "published": date,
                        "form": FORMS[form], "template": template, "events": events})
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
