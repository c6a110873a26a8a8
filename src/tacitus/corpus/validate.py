#!/usr/bin/env python3
"""Check the Tacitus demo corpus for internal consistency and print its counts.

Usage: python3 corpus/validate.py      (exit status 1 if any check fails)
"""
import csv
import datetime as dt
import json
import re
import sys
from collections import Counter, defaultdict
from difflib import SequenceMatcher
from pathlib import Path

ROOT = Path(__file__).resolve().parent
STATUSES = {"confirmed", "self_reported", "not_yet_observed", "contradicted", "unverified"}
MODALITIES = {"actual", "planned", "hypothetical", "demanded", "negated", "historical"}
ATTRIBUTIONS = {"self", "opponent", "third_party", "outlet"}
errors = []


def err(msg):
    errors.append(msg)


def is_date(s):
    try:
        dt.date.fromisoformat(s)
        return True
    except (TypeError, ValueError):
        return False


def body_words(text):
    lines = text.split("\n\n")[1:]  # drop headline
    keep = [p for p in lines if not p.startswith("(Photo:") and not re.match(r"^(\(c\)|Licence:|Copyright|This report|Distributed)", p)]
    return len(" ".join(keep).split())


# outlets
with open(ROOT / "outlets.tsv", encoding="utf-8") as fh:
    outlets = list(csv.DictReader(fh, delimiter="\t"))
if list(outlets[0].keys()) != ["outlet", "country", "state_affiliated", "wire", "note"]:
    err("outlets.tsv: wrong columns")
outlet_names = {o["outlet"] for o in outlets}

# articles
articles = {}
for p in sorted((ROOT / "articles").glob("*.json")):
    try:
        a = json.loads(p.read_text(encoding="utf-8"))
    except json.JSONDecodeError as e:
        err(f"{p.name}: bad JSON: {e}")
        continue
    for k in ("id", "title", "published", "source", "url", "text"):
        if not isinstance(a.get(k), str) or not a[k]:
            err(f"{p.name}: missing {k}")
    if a["id"] != p.stem:
        err(f"{p.name}: id does not match file name")
    if not re.match(r"^\d{4}-\d{2}-\d{2}-[a-z0-9-]+$", a["id"]):
        err(f"{p.name}: bad id")
    if not a["published"].startswith(a["id"][:10]):
        err(f"{p.name}: published date differs from file date")
    try:
        dt.datetime.fromisoformat(a["published"].replace("Z", "+00:00"))
    except ValueError:
        err(f"{p.name}: published not ISO")
    if a["source"] not in outlet_names:
        err(f"{p.name}: unknown outlet {a['source']}")
    if not re.match(r"^https://[a-z0-9-]+\.example/", a["url"]):
        err(f"{p.name}: bad url")
    if not a["text"].startswith(a["title"] + "\n\n"):
        err(f"{p.name}: text does not start with headline + blank line")
    n = body_words(a["text"])
    if not 120 <= n <= 300:
        err(f"{p.name}: body has {n} words")
    a["_words"] = n
    articles[a["id"]] = a
last_date = max(a["id"][:10] for a in articles.values())

# events
events = {}
for i, line in enumerate(open(ROOT / "events.jsonl", encoding="utf-8"), 1):
    try:
        e = json.loads(line)
    except json.JSONDecodeError as ex:
        err(f"events.jsonl:{i}: bad JSON: {ex}")
        continue
    if set(e) != {"event", "description", "status", "as_of", "repeats"}:
        err(f"events.jsonl:{i}: wrong keys")
    if e["status"] not in STATUSES:
        err(f"events.jsonl:{i}: bad status")
    if e["as_of"] != last_date:
        err(f"events.jsonl:{i}: as_of {e['as_of']} is not the last article date {last_date}")
    if e["event"] in events:
        err(f"events.jsonl:{i}: duplicate {e['event']}")
    events[e["event"]] = e
for e in events.values():
    for r in e["repeats"]:
        if r not in events:
            err(f"{e['event']}: repeats unknown {r}")

# gold
gold = []
for i, line in enumerate(open(ROOT / "gold.jsonl", encoding="utf-8"), 1):
    try:
        g = json.loads(line)
    except json.JSONDecodeError as ex:
        err(f"gold.jsonl:{i}: bad JSON: {ex}")
        continue
    gold.append(g)
    a = articles.get(g["article_id"])
    if a is None:
        err(f"gold.jsonl:{i}: unknown article {g['article_id']}")
    elif g["sentence"] not in a["text"]:
        err(f"gold.jsonl:{i}: sentence not verbatim in {g['article_id']}")
    if g["event"] not in events:
        err(f"gold.jsonl:{i}: unknown event {g['event']}")
    if g["modality"] not in MODALITIES:
        err(f"gold.jsonl:{i}: bad modality")
    if g["attribution"] not in ATTRIBUTIONS:
        err(f"gold.jsonl:{i}: bad attribution")
    if not is_date(g["event_date"]):
        err(f"gold.jsonl:{i}: bad event_date")
    if not re.fullmatch(r"\d{3,4}", g["code"]):
        err(f"gold.jsonl:{i}: bad CAMEO code {g['code']}")
    if not g["source"]:
        err(f"gold.jsonl:{i}: empty source")

by_event = defaultdict(list)
for g in gold:
    by_event[g["event"]].append(g)
for e in events:
    if e not in by_event:
        err(f"{e}: no gold mention")
status_counts = Counter(e["status"] for e in events.values())
for s in STATUSES:
    if not status_counts[s]:
        err(f"no event with status {s}")
if not any(len(e["repeats"]) >= 2 for e in events.values()):
    err("no announcement repeated three times")
if len(articles) < 40:
    err("fewer than 40 articles")

# syndicated copies: near-identical bodies under different outlets
ids = sorted(articles)
synd = []
for i, x in enumerate(ids):
    for y in ids[i + 1:]:
        ax, ay = articles[x], articles[y]
        if ax["source"] != ay["source"] and ax["id"][:10] == ay["id"][:10]:
            r = SequenceMatcher(None, ax["text"], ay["text"]).ratio()
            if r > 0.8:
                synd.append((x, y, round(r, 2)))
multi_outlet = sum(1 for e, ms in by_event.items() if len({articles[m["article_id"]]["source"] for m in ms}) > 1)

print(f"articles: {len(articles)} ({min(a['_words'] for a in articles.values())}-{max(a['_words'] for a in articles.values())} body words), "
      f"{articles[min(ids)]['id'][:10]} to {last_date}")
print(f"outlets: {len(outlets)}; articles per outlet: " + ", ".join(f"{k} {v}" for k, v in Counter(a['source'] for a in articles.values()).most_common()))
print(f"gold mentions: {len(gold)} in {len({g['article_id'] for g in gold})} articles; "
      f"modality {dict(Counter(g['modality'] for g in gold))}; attribution {dict(Counter(g['attribution'] for g in gold))}")
print(f"event clusters: {len(events)}; by status {dict(status_counts)}; reported by 2+ outlets: {multi_outlet}")
print("repeated announcements: " + "; ".join(f"{e['event']} repeats {','.join(e['repeats'])}" for e in events.values() if e["repeats"]))
print("syndicated pairs: " + "; ".join(f"{x} ~ {y} ({r})" for x, y, r in synd))
if errors:
    print(f"\n{len(errors)} problem(s):")
    for m in errors:
        print("  " + m)
    sys.exit(1)
print("all checks passed")
