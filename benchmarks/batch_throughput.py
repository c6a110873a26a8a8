"""Batch engines against bare parsing, in one run, on the same unique texts: articles/s for bare
``nlp.pipe(n_process=2)``, the local engine with 2 workers (at several shard sizes), the local engine
with 1 worker (for efficiency) and Ray with 2 actors (if installed: once with ``ray.init`` inside the
timing, once against an already running Ray, as on a cluster).

Every measurement runs in a fresh Python process (so no fork of a process that already runs Ray or
worker pools), one after the other, and the set is repeated ``--repeat`` times, interleaved, so the
ratios come from the same conditions; the table gives the median of the repeats and every repeat's
ratio. Engine timings include worker start-up and model loads and the writing of the run folder; the
bare timing starts after its model load (its forked workers inherit the model). Bare is the stock
English pipeline (``spacy.load``); the engines run Tacitus's Language, whose attribute ruler is a
lookup table giving identical annotations for less (``tacitus/stages/attributes.py``).

The texts carry their own publication dates (almost one day per text: the worst case for the
date-partitioned output, about two Parquet files per article); ``local 2w one-day`` re-runs the local
engine with every text dated the same day, as in a daily news feed.

    python benchmarks/batch_throughput.py [--limit N] [--repeat 3] [--shard-sizes 32,128,256]
        [--only LABEL,...] [--compare-src DIR]

``--compare-src DIR`` adds a "(DIR)" row after every engine row, run with ``PYTHONPATH=DIR`` (e.g. a
``src/`` folder with another version of ``tacitus/batch``), so a change is compared with what it
replaces in the same run, interleaved, against the same bare rows.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TINY = 20


def texts(limit: int | None = None) -> list[dict]:
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
    return out[:limit] if limit else out


class TreeCPU:
    """CPU seconds of this process and all its descendants (pool workers, fork server, spaCy's workers,
    Ray's daemons and actors), sampled from /proc every 0.1 s; the sampler's own CPU is left out.
    A process that ends between two samples loses at most its last 0.1 s."""

    def __init__(self) -> None:
        import threading

        self.tick = os.sysconf("SC_CLK_TCK")
        self.me = os.getpid()
        self.base = self._sample()
        self.last: dict[int, float] = dict(self.base)
        self.own = 0.0
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._loop, daemon=True)
        self.self0 = sum(os.times()[:2])
        self.thread.start()

    def _sample(self) -> dict[int, float]:
        procs: dict[int, tuple[int, float]] = {}
        for name in os.listdir("/proc"):
            if not name.isdigit():
                continue
            try:
                with open(f"/proc/{name}/stat", "rb") as f:
                    fields = f.read().rsplit(b")", 1)[1].split()
            except OSError:
                continue
            procs[int(name)] = (int(fields[1]), (int(fields[11]) + int(fields[12])) / self.tick)
        tree, frontier = set(), {self.me}
        while frontier:
            frontier = {pid for pid, (ppid, _) in procs.items() if ppid in frontier} - tree
            tree |= frontier
        return {pid: procs[pid][1] for pid in tree}

    def _loop(self) -> None:
        while not self.stop.wait(0.1):
            t = time.thread_time()
            self.last.update(self._sample())
            self.own += time.thread_time() - t

    def seconds(self) -> float:
        self.stop.set()
        self.thread.join()
        t = time.thread_time()
        self.last.update(self._sample())
        self.own += time.thread_time() - t
        children = sum(v - self.base.get(pid, 0.0) for pid, v in self.last.items())
        return children + sum(os.times()[:2]) - self.self0 - self.own


def measure(config: dict, src: str, work: str) -> tuple[float, float]:
    """One measurement in this process; returns (wall seconds, CPU seconds of the process tree)."""
    items = [json.loads(line) for line in Path(src).read_text(encoding="utf-8").splitlines()]
    if config["kind"] == "bare":
        import spacy

        from tacitus.pipeline import Settings

        nlp = spacy.load(Settings().model)  # stock spaCy, as a user without Tacitus parses
        cpu, t = TreeCPU(), time.perf_counter()
        for _ in nlp.pipe((d["text"] for d in items), batch_size=config["batch"], n_process=2):
            pass
        wall = time.perf_counter() - t
        return wall, cpu.seconds()
    from tacitus.batch.local import run

    kw = {"workers": config["workers"], "shard_size": config["shard"], "engine": config["engine"]}
    if config["engine"] == "ray" and config.get("warm"):
        from tacitus.batch.ray_engine import _start

        _start(config["workers"], None)  # Ray already up, as on a cluster
    out = Path(work) / "run"
    cpu, t = TreeCPU(), time.perf_counter()
    manifest = run([src], out, **kw)
    wall = time.perf_counter() - t
    if config["engine"] == "ray" and manifest["shards"] >= config["workers"]:
        assert len(manifest["worker_pids"]) >= config["workers"], manifest["worker_pids"]
    return wall, cpu.seconds()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=None, help="at most this many texts [all: 4,613]")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--shard-sizes", default="32,128,256")
    ap.add_argument("--shard-size", type=int, default=None, help="shard size for the other engine rows "
                    "[the engine's default]")
    ap.add_argument("--only", default=None, help="comma-separated labels to run")
    ap.add_argument("--compare-src", default=None, help="also run every engine row with PYTHONPATH=DIR")
    ap.add_argument("--one", default=None, help=argparse.SUPPRESS)  # internal: one measurement
    ap.add_argument("--src", default=None, help=argparse.SUPPRESS)
    ap.add_argument("--work", default=None, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        wall, cpu = measure(json.loads(args.one), args.src, args.work)
        print(json.dumps({"seconds": wall, "cpu": cpu}))
        return

    from tacitus.batch.local import DEFAULT_SHARD_SIZE

    shard = args.shard_size or DEFAULT_SHARD_SIZE
    items = texts(args.limit)
    n = len(items)
    tmp = Path(tempfile.mkdtemp())
    src = tmp / "in.jsonl"
    src.write_text("".join(json.dumps(d) + "\n" for d in items), encoding="utf-8")
    one_day = tmp / "one_day.jsonl"
    one_day.write_text("".join(json.dumps(dict(d, published="2026-11-24")) + "\n" for d in items), encoding="utf-8")
    tiny = tmp / "tiny.jsonl"  # the fixed cost (start-up, model loads, Ray's actor pool) of each row
    tiny.write_text("".join(json.dumps(d) + "\n" for d in items[:TINY]), encoding="utf-8")
    configs: dict[str, tuple[dict, Path]] = {
        "bare nlp.pipe n_process=2": ({"kind": "bare", "batch": 32}, src),
    }
    for size in (int(x) for x in args.shard_sizes.split(",") if x):
        configs[f"local 2w shard {size}"] = ({"kind": "engine", "engine": "local", "workers": 2, "shard": size}, src)
    configs[f"local 1w shard {shard}"] = ({"kind": "engine", "engine": "local", "workers": 1, "shard": shard}, src)
    configs[f"local 2w shard {shard} one-day"] = (
        {"kind": "engine", "engine": "local", "workers": 2, "shard": shard}, one_day)
    try:
        import ray  # noqa: F401

        configs[f"ray 2 actors shard {shard} (+ray.init)"] = (
            {"kind": "engine", "engine": "ray", "workers": 2, "shard": shard}, src)
        configs[f"ray 2 actors shard {shard} (Ray up)"] = (
            {"kind": "engine", "engine": "ray", "workers": 2, "shard": shard, "warm": True}, src)
    except ImportError:
        print("(Ray not installed: pip install 'tacitus[ray]' for its rows)")
    if args.only:
        wanted = {x.strip() for x in args.only.split(",")}
        configs = {k: v for k, v in configs.items() if k in wanted or k.startswith("bare")}
    if args.compare_src:
        other = str(Path(args.compare_src).resolve())
        tag = Path(other).parent.name or other
        configs = {k2: v2 for k, (c, path) in configs.items()
                   for k2, v2 in ([(k, (c, path))] + ([] if c["kind"] == "bare" else
                                                      [(f"{k} ({tag})", (dict(c, pythonpath=other), path))]))}
    words = sum(len(d["text"].split()) for d in items)
    print(f"{n:,} unique texts, {words:,} words; {os.cpu_count()} cores; {args.repeat} interleaved repeats",
          flush=True)
    secs: dict[str, list[float]] = {k: [] for k in configs}
    cpus: dict[str, list[float]] = {k: [] for k in configs}
    fixed: dict[str, list[float]] = {k: [] for k in configs}

    def one(label: str, config: dict, path: Path) -> dict:
        work = tmp / "work"
        shutil.rmtree(work, ignore_errors=True)
        work.mkdir()
        cmd = [sys.executable, __file__, "--one", json.dumps(config), "--src", str(path), "--work", str(work)]
        env = dict(os.environ, RAY_DEDUP_LOGS="0")
        if config.get("pythonpath"):
            env["PYTHONPATH"] = os.pathsep.join(x for x in (config["pythonpath"], env.get("PYTHONPATH")) if x)
        r = subprocess.run(cmd, capture_output=True, text=True, env=env)
        if r.returncode != 0:
            raise SystemExit(f"{label} failed:\n{r.stderr[-3000:]}")
        return json.loads(r.stdout.strip().splitlines()[-1])

    for rep in range(args.repeat):
        for label, (config, path) in configs.items():
            small = one(label, config, tiny)
            res = one(label, config, path)
            secs[label].append(res["seconds"])
            cpus[label].append(res["cpu"])
            fixed[label].append(small["seconds"])
            print(f"  [{rep + 1}] {label:<48} {res['seconds']:7.2f} s {res['cpu']:7.2f} CPU-s   "
                  f"({TINY} texts: {small['seconds']:5.2f} s)", flush=True)
    key = "bare nlp.pipe n_process=2"
    bare, bare_cpu = secs[key], cpus[key]
    steady = {k: [(n - TINY) / max(x - f, 1e-9) for x, f in zip(secs[k], fixed[k])] for k in secs}
    med = statistics.median
    print("\n| | seconds | articles/s | ratio to bare | ratio per repeat | CPU-s | CPU ratio to bare "
          f"| fixed s ({TINY} texts) | steady articles/s | steady ratio |")
    print("| --- | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: |")
    for label, s in secs.items():
        ratios = [b / x for b, x in zip(bare, s)]
        cpu_ratio = med([b / c for b, c in zip(bare_cpu, cpus[label])])
        steady_ratio = med([x / b for x, b in zip(steady[label], steady[key])])
        print(f"| {label} | {med(s):.2f} | {n / med(s):.1f} | {med(ratios):.2f} | "
              f"{', '.join(f'{r:.2f}' for r in ratios)} | {med(cpus[label]):.1f} | {cpu_ratio:.2f} | "
              f"{med(fixed[label]):.2f} | {med(steady[label]):.1f} | {steady_ratio:.2f} |")
    print(f"\nmedians of {args.repeat} repeats; ratio = bare seconds / row seconds in the same repeat; CPU-s: "
          "this process tree; steady: (texts - {TINY}) / (seconds - seconds on {TINY} texts)".replace(
              "{TINY}", str(TINY)))
    one, two = f"local 1w shard {shard}", f"local 2w shard {shard}"
    if one in secs and two in secs:
        eff = [a / b / 2 for a, b in zip(secs[one], secs[two])]
        print(f"\nefficiency of 2 workers over 1 (shard {shard}): median {statistics.median(eff):.2f} "
              f"({', '.join(f'{e:.2f}' for e in eff)})")
    shutil.rmtree(tmp)


if __name__ == "__main__":
    main()
