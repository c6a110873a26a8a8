"""Build sentences.jsonl from raw/neg.txt and validate it.

raw/neg.txt: one sentence per line, DATE|TOPIC|TEXT. Blank lines and lines starting with '#' are skipped.
Every output line is {"id", "text", "published", "form": "none", "template": false, "events": []}.
"""
import datetime
import json
import pathlib
import re
import sys

HERE = pathlib.Path(__file__).parent
TOPICS = {"economy", "sports", "weather", "science", "culture", "health", "background", "opinion",
          "corporate", "travel", "obituary", "infrastructure", "poll", "figurative", "hard"}


def read_raw():
    rows, errors = [], []
    for n, line in enumerate((HERE / "raw" / "neg.txt").read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("|")
        if len(parts) != 3:
            errors.append(f"line {n}: expected 3 fields, got {len(parts)}")
            continue
        date, topic, text = (p.strip() for p in parts)
        try:
            d = datetime.date.fromisoformat(date)
            if not (2000 <= d.year <= 2025):
                errors.append(f"line {n}: year out of range {date}")
        except ValueError:
            errors.append(f"line {n}: bad date {date!r}")
        if topic not in TOPICS:
            errors.append(f"line {n}: unknown topic {topic!r}")
        words = len(re.findall(r"\S+", text))
        if not (8 <= words <= 50):
            errors.append(f"line {n}: {words} words")
        rows.append((date, topic, text))
    return rows, errors


def main():
    rows, errors = read_raw()
    texts = [t for _, _, t in rows]
    if len(set(texts)) != len(texts):
        errors.append("duplicate text")
    out = []
    for i, (date, _topic, text) in enumerate(rows, 1):
        out.append({"id": f"n-{i:05d}", "text": text, "published": date, "form": "none",
                    "template": False, "events": []})
    (HERE / "sentences.jsonl").write_text(
        "".join(json.dumps(o, ensure_ascii=False) + "\n" for o in out), encoding="utf-8")
    # re-read and validate the written file
    ids = set()
    for n, line in enumerate((HERE / "sentences.jsonl").read_text(encoding="utf-8").splitlines(), 1):
        o = json.loads(line)
        if set(o) != {"id", "text", "published", "form", "template", "events"}:
            errors.append(f"jsonl line {n}: wrong keys")
        if o["id"] in ids:
            errors.append(f"jsonl line {n}: duplicate id")
        ids.add(o["id"])
        if o["form"] != "none" or o["template"] is not False or o["events"] != []:
            errors.append(f"jsonl line {n}: bad form/template/events")
    for e in errors:
        print("ERROR", e)
    print(f"{len(out)} sentences written, {len(ids)} unique ids, {len(errors)} errors")
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
