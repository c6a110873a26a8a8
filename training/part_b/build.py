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

import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from rawlines import FORMS, check_events, load_codes, read_line  # noqa: E402  (shared with parts D and E)

HERE = Path(__file__).resolve().parent
RAW = ["r08.txt", "r09.txt", "r10.txt", "r11.txt", "r12.txt", "r13.txt", "mix.txt", "neg.txt"]

ACTOR_RE = re.compile(r"^(?:[A-Z]{3}|---|IGO[A-Z]{3,9}|NGO[A-Z]{0,9})(?:[A-Z]{3}){0,3}$")


def build() -> tuple[list[dict], list[str]]:
    codes = load_codes()
    out: list[dict] = []
    errors: list[str] = []
    seen: set[str] = set()
    for fname in RAW:
        path = HERE / "raw" / fname
        for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            where = f"{fname}:{lineno}"
            got = read_line(line, where, errors, seen)
            if got is None:
                continue
            date, form, text, events, template = got
            check_events(form, text, events, codes, ACTOR_RE, where, errors)
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
