"""Batch engines against bare parsing, in one run, on the same unique texts: articles/s for bare
``nlp.pipe(n_process=2)``, the local engine with 2 workers and Ray with 2 actors (if installed), and
the local engine with 1 worker (for efficiency). Worker start-up and model loads are included.

    python benchmarks/batch_throughput.py [--limit 3000]
"""

from __future__ import annotations

import argparse
import json
import shutil
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def texts(limit: int) -> list[dict]:
    out, seen = [], set()
    for p in sorted((ROOT / "src" / "tacitus" / "corpus" / "articles").glob("*.json")):
        d = json.loads(p.read_text(encoding="utf-8"))
        out.append({"text": d["text"], "published": d["published"], "source": d["source"]})
        seen.add(d["text"])
    for f in sorted((ROOT / "training").glob("part_*/sentences.jsonl")):
        for line in f.read_text(encoding="utf-8").splitlines():
            d = json.loads(line)
            if d["text"] not in seen:
                seen.add(d["text"])
                out.append({"text": d["text"], "published": d["published"]})
    return out[:limit]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=3000)
    args = ap.parse_args()
    items = texts(args.limit)
    tmp = Path(tempfile.mkdtemp())
    src = tmp / "in.jsonl"
    src.write_text("".join(json.dumps(d) + "\n" for d in items), encoding="utf-8")
    n = len(items)
    results = {}

    from tacitus.stages.parse import load_nlp

    nlp = load_nlp()
    t = time.perf_counter()
    for _ in nlp.pipe((d["text"] for d in items), batch_size=32, n_process=2):
        pass
    results["bare nlp.pipe n_process=2"] = time.perf_counter() - t

    from tacitus.batch.local import run

    for label, kw in (("local, 2 workers", {"workers": 2}), ("local, 1 worker", {"workers": 1}),
                      ("ray, 2 actors", {"workers": 2, "engine": "ray"})):
        if kw.get("engine") == "ray":
            try:
                import ray  # noqa: F401
            except ImportError:
                continue
        out = tmp / label.replace(" ", "_").replace(",", "")
        t = time.perf_counter()
        run([str(src)], out, shard_size=64, **kw)
        results[label] = time.perf_counter() - t
    bare = n / results["bare nlp.pipe n_process=2"]
    print(f"{n} unique texts, {sum(len(d['text'].split()) for d in items):,} words")
    for label, secs in results.items():
        rate = n / secs
        print(f"  {label:<28} {secs:7.2f} s  {rate:8.1f} articles/s  ratio to bare {rate / bare:.2f}")
    if "local, 1 worker" in results and "local, 2 workers" in results:
        print(f"  efficiency of 2 workers over 1: {results['local, 1 worker'] / results['local, 2 workers'] / 2:.2f}")
    shutil.rmtree(tmp)


if __name__ == "__main__":
    main()
