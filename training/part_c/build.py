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

import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from rawlines import FORMS, check_events, load_codes, read_line  # noqa: E402  (shared with parts D and E)

HERE = Path(__file__).resolve().parent

ACTOR_RE = re.compile(r"^([A-Z]{3}|---|IGO[A-Z]{3,9}|NGO[A-Z]{0,9})([A-Z]{3}){0,3}$")
FILES = ["r14.txt", "r15.txt", "r16.txt", "r17.txt", "r18.txt", "r19.txt", "r20.txt", "extra.txt", "neg.txt"]


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
            where = f"{fname}:{lineno}"
            got = read_line(line, where, errors, seen_text)
            if got is None:
                continue
            date, form, text, events, template = got
            check_events(form, text, events, codes, ACTOR_RE, where, errors)
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
