"""Throughput of the full pipeline against bare spaCy parsing, in one run, on the same texts.

Bare is the stock English pipeline as ``spacy.load`` gives it (what parsing costs a user without
Tacitus); the pipeline is Tacitus's own Language (the same model with the block splitter and the
attribute ruler as a lookup table: identical annotations, ``tests/test_attributes.py``) plus every
stage. Same ``nlp.pipe`` batch size, ``n_process=1``, same unique texts (every text once per pass).
Passes alternate (bare, pipeline, bare, pipeline, …) and the best pass of each is reported; the
report also gives the stages' share against Tacitus's own parse.

    python benchmarks/throughput.py [--rounds 3] [--batch-size 32] [--json]
"""

from __future__ import annotations

import argparse
import json
import resource
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def corpus() -> list[dict]:
    """Unique texts written for Tacitus: sample articles, corpus articles and gold sentences."""
    items: list[dict] = []
    seen: set[str] = set()
    for folder in (ROOT / "src" / "tacitus" / "samples", ROOT / "src" / "tacitus" / "corpus" / "articles"):
        for p in sorted(folder.glob("*.json")):
            d = json.loads(p.read_text(encoding="utf-8"))
            if d["text"] not in seen:
                seen.add(d["text"])
                items.append({"text": d["text"], "published": d.get("published"), "source": d.get("source")})
    for p in (ROOT / "tests" / "data" / "sentences.jsonl", ROOT / "dev" / "raw_sentences.jsonl"):
        if p.exists():
            for line in p.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    d = json.loads(line)
                    if d["text"] not in seen:
                        seen.add(d["text"])
                        items.append({"text": d["text"], "published": d.get("published")})
    return items


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()

    from tacitus.pipeline import Pipeline, Settings
    from tacitus.records import Article

    t0 = time.perf_counter()
    pipeline = Pipeline(Settings(batch_size=args.batch_size))
    load_s = time.perf_counter() - t0
    import spacy

    nlp = spacy.load(pipeline.settings.model)  # stock spaCy: the bare reference
    items = corpus()
    articles = [Article(text=i["text"], published=i.get("published"), source=i.get("source")) for i in items]
    texts = [a.text for a in articles]
    words = sum(len(t.split()) for t in texts)

    bare_best = pipe_best = float("inf")
    sentences = mentions = 0
    stage_best: dict[str, float] = {}
    for _ in range(args.rounds):
        t = time.perf_counter()
        n_sents = sum(len(list(d.sents)) for d in nlp.pipe(texts, batch_size=args.batch_size, n_process=1))
        bare_best = min(bare_best, time.perf_counter() - t)
        sentences = n_sents
        stages: dict[str, float] = defaultdict(float)
        t = time.perf_counter()
        n_mentions = 0
        for r in pipeline.pipe(articles, batch_size=args.batch_size):
            n_mentions += len(r.mentions)
            for k, v in r.timings.items():
                stages[k] += v
        elapsed = time.perf_counter() - t
        if elapsed < pipe_best:
            pipe_best, stage_best, mentions = elapsed, dict(stages), n_mentions
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    spacy_s = pipe_best - sum(stage_best.values())
    report = {
        "articles": len(texts), "words": words, "sentences": sentences, "mentions": mentions,
        "model_load_s": round(load_s, 3),
        "bare": {"seconds": round(bare_best, 3), "articles_per_s": round(len(texts) / bare_best, 1),
                 "sentences_per_s": round(sentences / bare_best, 1), "words_per_s": round(words / bare_best)},
        "pipeline": {"seconds": round(pipe_best, 3), "articles_per_s": round(len(texts) / pipe_best, 1),
                     "sentences_per_s": round(sentences / pipe_best, 1), "words_per_s": round(words / pipe_best)},
        "stages_s": {"spacy (nlp.pipe)": round(spacy_s, 3), **{k: round(v, 3) for k, v in stage_best.items()}},
        "peak_rss_mb": round(rss_mb),
        "ratio": round(bare_best / pipe_best, 3),
        "ratio_to_own_parse": round(spacy_s / pipe_best, 3),
    }
    if args.json:
        print(json.dumps(report, indent=2))
        return
    print(f"{report['articles']} texts, {words} words, {sentences} sentences, {mentions} mentions; "
          f"model load {load_s:.2f} s")
    for k in ("bare", "pipeline"):
        r = report[k]
        print(f"  {k:<9} {r['seconds']:>7.3f} s  {r['articles_per_s']:>8.1f} articles/s  "
              f"{r['sentences_per_s']:>8.1f} sentences/s  {r['words_per_s']:>7} words/s")
    print("  time per stage (best pipeline pass):")
    for k, v in report["stages_s"].items():
        print(f"    {k:<18} {v:>7.3f} s")
    print(f"  peak RSS {report['peak_rss_mb']} MB")
    print(f"  ratio pipeline/bare throughput: {report['ratio']:.3f}  (target >= 0.75)")
    print(f"  share of the pipeline's time in its own parse: {report['ratio_to_own_parse']:.3f}")


if __name__ == "__main__":
    main()
