"""Counts per topic, year, length and dateline; near-duplicate pairs (token Jaccard >= 0.8)."""
import collections
import itertools
import json
import pathlib
import re

HERE = pathlib.Path(__file__).parent
import build  # noqa: E402

rows, _ = build.read_raw()
recs = [json.loads(l) for l in (HERE / "sentences.jsonl").read_text(encoding="utf-8").splitlines()]
assert [r["text"] for r in recs] == [t for _, _, t in rows]

print("total", len(recs))
print("\nper topic:")
for k, v in collections.Counter(t for _, t, _ in rows).most_common():
    print(f"  {k:15s} {v}")
years = collections.Counter(r["published"][:4] for r in recs)
print("\nper year:", " ".join(f"{y}:{years[y]}" for y in sorted(years)))
lens = [len(r["text"].split()) for r in recs]
print(f"\nwords: min {min(lens)}, max {max(lens)}, mean {sum(lens)/len(lens):.1f}")
buckets = collections.Counter("8-15" if n <= 15 else "16-25" if n <= 25 else "26-35" if n <= 35 else "36-50" for n in lens)
print("length buckets:", dict(sorted(buckets.items())))
dl = sum(1 for r in recs if re.match(r"^[A-Z][A-Z .'-]+, [A-Z][a-z]+\.? \d+ - ", r["text"]))
print("with dateline:", dl)

tok = [set(re.findall(r"\w+", r["text"].lower())) for r in recs]
best, dups = (0.0, None), []
for i, j in itertools.combinations(range(len(tok)), 2):
    jac = len(tok[i] & tok[j]) / len(tok[i] | tok[j])
    if jac >= 0.8:
        dups.append((recs[i]["id"], recs[j]["id"], jac))
    if jac > best[0]:
        best = (jac, (recs[i]["id"], recs[j]["id"]))
print(f"\nnear-duplicate pairs (token Jaccard >= 0.8): {len(dups)}")
print(f"most similar pair: {best[1]} at {best[0]:.2f}")
