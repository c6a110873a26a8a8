"""The raw line format of training parts D and E and its builder (each part's build.py calls ``main``).

Source: raw/*.txt (all files, sorted by name), one sentence per line; '#' starts a comment line.

    DATE|FORM|TEXT|EVENTS

DATE   YYYY-MM-DD, 2000-2025.
FORM   act pas nom rep neg hed fut quo dat none
       (active, passive, nominal, reported, negated, hedged, future, quote, dateline, none):
       the most salient construction of the sentence (most sentences mix several).
TEXT   the sentence; may not contain '|'.
EVENTS empty for no-event sentences; otherwise events separated by ';', each
           trigger, SOURCE, TARGET, CODE[, MODALITY[, ATTRIBUTION]]
       TARGET '-' = null.  MODALITY: a p h d n hi = actual, planned, hypothetical,
       demanded, negated, historical (default a).  ATTRIBUTION: s op tp out = self,
       opponent, third_party, outlet (default out).
       A trigger that needs a comma cannot be written; pick a comma-free span.

Checks (any error -> exit 1): field count, date valid and in range, form known, form
'none' iff no events, duplicate text, code in cameo.tsv, trigger an exact case-sensitive
substring of the text (and, unless the line is listed in ALLOW_SUBWORD, a whole-word
match), modality/attribution known, actor codes well formed, no duplicate event
(trigger+source+target+code) within a sentence, source != target.

Run a part's build.py: validates its raw/*.txt, writes its sentences.jsonl with ids <prefix>-00001 ...
"""
from __future__ import annotations

import datetime as dt
import json
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CAMEO = REPO / "src" / "tacitus" / "knowledge" / "data" / "cameo.tsv"

FORMS = {"act": "active", "pas": "passive", "nom": "nominal", "rep": "reported",
         "neg": "negated", "hed": "hedged", "fut": "future", "quo": "quote",
         "dat": "dateline", "none": "none"}
MODS = {"a": "actual", "p": "planned", "h": "hypothetical", "d": "demanded",
        "n": "negated", "hi": "historical"}
ATTRS = {"s": "self", "op": "opponent", "tp": "third_party", "out": "outlet"}
# ISO3 (or --- for unknown country) + up to four 3-letter sector/group parts;
# IGO/NGO/IMG codes as in actors/organizations.tsv.
ACTOR_RE = re.compile(r"^(?:[A-Z]{3}|---|IGO[A-Z]{3,12}|NG[OM][A-Z]{0,9}|IMG[A-Z]{3,9})(?:[A-Z]{3}){0,4}$")


def load_codes() -> set[str]:
    codes = set()
    for line in CAMEO.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#") and not line.startswith("code\t"):
            codes.add(line.split("\t", 1)[0])
    return codes


def parse_event(spec: str) -> dict:
    parts = [p.strip() for p in spec.split(",")]
    if not 4 <= len(parts) <= 6:
        raise ValueError(f"bad event spec {spec!r}")
    trig, src, tgt, code = parts[:4]
    mod = MODS[parts[4]] if len(parts) > 4 and parts[4] else "actual"
    att = ATTRS[parts[5]] if len(parts) > 5 and parts[5] else "outlet"
    return {"trigger": trig, "source": src, "target": None if tgt in ("-", "") else tgt,
            "code": code, "modality": mod, "attribution": att}


def read_line(raw: str, where: str, errors: list[str], seen: set[str]
              ) -> tuple[str, str, str, list[dict], bool] | None:
    """One raw line: (date, form key, text, events, template) — None for a blank or comment line and
    for a line with an error (recorded in ``errors``). A leading 'T|' marks a template line (parts A–C)."""
    line = raw.strip()
    if not line or line.startswith("#"):
        return None
    template = line.startswith("T|")
    if template:
        line = line[2:]
    fields = [f.strip() for f in line.split("|")]
    if len(fields) != 4:
        errors.append(f"{where}: expected 4 fields, got {len(fields)}")
        return None
    date, form, text, evs = fields
    try:
        if not 2000 <= dt.date.fromisoformat(date).year <= 2025:
            errors.append(f"{where}: date out of range {date}")
    except ValueError:
        errors.append(f"{where}: bad date {date}")
        return None
    if form not in FORMS:
        errors.append(f"{where}: bad form {form}")
        return None
    if text in seen:
        errors.append(f"{where}: duplicate text")
    seen.add(text)
    try:
        events = [parse_event(e) for e in evs.split(";") if e.strip()]
    except (ValueError, KeyError) as exc:
        errors.append(f"{where}: {exc}")
        return None
    return date, form, text, events, template


def check_events(form: str, text: str, events: list[dict], codes: set[str], actor_re: re.Pattern[str],
                 where: str, errors: list[str]) -> None:
    """The checks every part makes: form 'none' iff no events, codes in cameo.tsv, each trigger a whole
    word of the text, actor codes of the part's shape."""
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
            if a is not None and not actor_re.match(a):
                errors.append(f"{where}: odd actor code {a!r}")


def build(here: Path, prefix: str) -> tuple[list[dict], list[str]]:
    codes = load_codes()
    out: list[dict] = []
    errors: list[str] = []
    seen: set[str] = set()
    for path in sorted((here / "raw").glob("*.txt")):
        for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            got = read_line(line, f"{path.name}:{lineno}", errors, seen)
            if got is None:
                continue
            where = f"{path.name}:{lineno}"
            date, form, text, events, _ = got
            check_events(form, text, events, codes, ACTOR_RE, where, errors)
            keys = set()
            for ev in events:
                if ev["source"] == ev["target"]:
                    errors.append(f"{where}: source == target in {ev['trigger']!r}")
                key = (ev["trigger"], ev["source"], ev["target"], ev["code"])
                if key in keys:
                    errors.append(f"{where}: duplicate event {key}")
                keys.add(key)
            out.append({"id": f"{prefix}-{len(out) + 1:05d}", "text": text, "published": date,
                        "form": FORMS[form], "template": False, "events": events})
    return out, errors


def main(here: Path, prefix: str) -> int:
    out, errors = build(here, prefix)
    if errors:
        print("\n".join(errors), file=sys.stderr)
        print(f"{len(errors)} errors", file=sys.stderr)
    with open(here / "sentences.jsonl", "w", encoding="utf-8") as fh:
        for rec in out:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(f"wrote {len(out)} sentences, {sum(len(r['events']) for r in out)} events")
    return 1 if errors else 0

