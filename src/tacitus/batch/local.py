"""The local batch engine: the same Pipeline.pipe over shards, in worker processes on this machine.

A run folder holds ``articles/``, ``mentions/`` and ``skips/`` as Parquet, one file per shard in
each, partitioned by publication date (``published_date=YYYY-MM-DD`` folders), a ``_done/`` marker
per finished shard (a small JSON of the shard's counts), and ``manifest.json`` (versions, counts,
input fingerprint). Shards are cut from the inputs in publication-day order (a stable sort), so a
shard spans few days and writes few files. Each worker codes a whole shard with one ``nlp.pipe``
batch and writes the shard's files itself (temporary name, then rename, then the marker), sending
back only counts.
``--resume`` redoes only the shards without a marker (removing any partial files they left), so an
interrupted run finishes with exactly the output of an uninterrupted one. ``tacitus ingest
RUN_FOLDER`` loads it.

The skips table is the failure ledger: every article that was skipped (bad input: ``stage`` is the
reader's or ``input``) or failed (an exception while coding: ``stage`` ``pipeline``, code
``failed``) has a row with its stage, code and message.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from .. import __version__
from ..errors import TacitusError
from ..records import Article
from ..store.store import ARTICLE_SCHEMA, MENTION_SCHEMA, content_hash, mention_row

SKIP_SCHEMA = pa.schema([("article_id", pa.string()), ("stage", pa.string()), ("code", pa.string()),
                         ("message", pa.string())])
TABLES = ("articles", "mentions", "skips")
SCHEMAS = {"articles": ARTICLE_SCHEMA, "mentions": MENTION_SCHEMA, "skips": SKIP_SCHEMA}
DEFAULT_SHARD_SIZE = 128  # articles per shard (the unit of work, of output files and of --resume)
FAILED_STAGE = "pipeline"  # a skip with this stage is an article that failed while being coded
COUNT_KEYS = ("articles", "mentions", "skips", "failed")
SHARD_ORDER = "publication_day"  # recorded in _done/params.json: resume only a run cut the same way

Progress = Callable[[int, int, dict[str, int]], None]  # (items done this session, items to do, counts)

_PIPELINE: Any = None


def _init_worker() -> None:
    global _PIPELINE
    if _PIPELINE is None:
        from ..pipeline import Pipeline

        _PIPELINE = Pipeline()  # one model load per worker process


def code_shard(items: list[dict[str, Any]], batch_size: int | None = None) -> dict[str, list[dict[str, Any]]]:
    """Code one shard of article dicts (or error dicts); returns rows for the three tables.

    The whole shard goes to spaCy as one ``nlp.pipe`` batch unless ``batch_size`` says otherwise.
    """
    _init_worker()
    inputs: list[Article | TacitusError] = []
    for it in items:
        if "error" in it:
            e = it["error"]
            inputs.append(TacitusError(e["code"], e["message"], e.get("stage", "input"), e.get("article_id")))
        else:
            inputs.append(Article.from_dict(it))
    out: dict[str, list[dict[str, Any]]] = {t: [] for t in TABLES}
    now = datetime.now(timezone.utc)
    for r in _PIPELINE.pipe(inputs, batch_size=batch_size or max(len(inputs), 1)):
        if r.skip is not None:
            out["skips"].append(r.skip.to_dict())
            continue
        a = r.article
        out["articles"].append({"article_id": a.article_id, "outlet": a.source, "url": a.url, "title": a.title,
                                "published": a.published, "language": a.language,
                                "content_hash": content_hash(a.text), "text": a.text, "first_seen": now,
                                "input": None})
        out["mentions"].extend(mention_row(m) for m in r.mentions)
    return out


def shard_counts(rows: dict[str, list[dict[str, Any]]]) -> dict[str, Any]:
    """A shard's counts: rows per table, failed articles, and the ledger by stage/code."""
    ledger = Counter(f"{s['stage']}/{s['code']}" for s in rows["skips"])
    return {"articles": len(rows["articles"]), "mentions": len(rows["mentions"]), "skips": len(rows["skips"]),
            "failed": sum(1 for s in rows["skips"] if s["stage"] == FAILED_STAGE), "ledger": dict(ledger)}


def process_shard(out: str | Path, shard: int, items: list[dict[str, Any]], batch_size: int | None = None
                  ) -> tuple[int, dict[str, Any], int]:
    """Code a shard and write its files in this process; returns (shard, counts, pid) — no rows."""
    rows = code_shard(items, batch_size)
    counts = shard_counts(rows)
    write_shard(Path(out), shard, rows, counts)
    return shard, counts, os.getpid()


def _process_job(job: tuple[str, int, list[dict[str, Any]], int | None]) -> tuple[int, dict[str, Any], int]:
    return process_shard(*job)


def _warm_up() -> int:
    return os.getpid()


def _worker_context() -> Any:
    """Workers fork from a fork server that has loaded the pipeline once (a clean single-threaded
    process: no fork of the caller, which may run threads); spawn where there is no fork server."""
    import multiprocessing as mp

    if "forkserver" not in mp.get_all_start_methods():  # pragma: no cover - Windows
        return mp.get_context("spawn")
    ctx = mp.get_context("forkserver")
    ctx.set_forkserver_preload(["tacitus.batch._forkserver"])
    return ctx


def _item_dict(item: Article | TacitusError) -> dict[str, Any]:
    if isinstance(item, TacitusError):
        return {"error": {"code": item.code, "message": item.message, "stage": item.stage,
                          "article_id": item.article_id}}
    d = item.to_dict()
    d["id"] = item.article_id
    return d


def _day_key(item: dict[str, Any]) -> str:
    """The publication day of an item dict ("YYYY-MM-DD"); items without one (undated articles, bad
    inputs) sort after every day."""
    published = item.get("published")
    return published[:10] if published else "~"


def _shards(items: Iterable[Article | TacitusError | dict[str, Any]], size: int
            ) -> Iterator[tuple[int, list[dict[str, Any]]]]:
    """Cut the items, in publication-day order, into numbered shards of ``size``.

    The order is a stable sort of the inputs by publication day (input order within a day), so the
    same inputs always give the same shards (what ``--resume`` relies on) and a shard covers as few
    days as possible: one Parquet file per day and table, where input order would give nearly one
    per article when the inputs' dates are mixed."""
    dicts = [it if isinstance(it, dict) else _item_dict(it) for it in items]
    dicts.sort(key=_day_key)
    for n, start in enumerate(range(0, len(dicts), size)):
        yield n, dicts[start:start + size]


def fingerprint(inputs: list[str]) -> str:
    h = hashlib.sha256()
    for name in inputs:
        p = Path(name)
        files = sorted(f for f in p.rglob("*") if f.is_file()) if p.is_dir() else [p]
        for f in files:
            st = f.stat() if f.exists() else None
            h.update(f"{f}|{st.st_size if st else -1}|{int(st.st_mtime) if st else -1}\n".encode())
    return h.hexdigest()[:24]


PLAIN_BELOW_ROWS = 64
_PLAIN = {"use_dictionary": False, "write_statistics": False}
_made_dirs: set[str] = set()


def _folder(path: str) -> str:
    if path not in _made_dirs:
        os.makedirs(path, exist_ok=True)
        _made_dirs.add(path)
    return path


def _day(value: Any) -> str:
    return value.date().isoformat() if value else "unknown"


def _day_runs(table: str, rows: list[dict[str, Any]]) -> tuple[pa.Table, list[tuple[str, int, int]]]:
    """The rows as one Arrow table ordered by publication day (input order within a day), and the
    (day, offset, length) run of each day in it: a day's part is then a zero-copy slice."""
    tbl = pa.Table.from_pylist(rows, schema=SCHEMAS[table])
    if table == "skips":
        return tbl, [("unknown", 0, len(rows))]
    keys = [_day(r["published"]) for r in rows]
    order = sorted(range(len(keys)), key=keys.__getitem__)
    if any(i != j for i, j in enumerate(order)):
        tbl = tbl.take(pa.array(order, pa.int64()))
        keys = [keys[i] for i in order]
    runs, start = [], 0
    for i in range(1, len(keys) + 1):
        if i == len(keys) or keys[i] != keys[start]:
            runs.append((keys[start], start, i - start))
            start = i
    return tbl, runs


def write_shard(out: Path, shard: int, rows: dict[str, list[dict[str, Any]]],
                counts: dict[str, Any] | None = None) -> None:
    """Write a shard's three tables (one file per publication day), each atomically, then its marker."""
    name = f"part-{shard:06d}.parquet"
    base = str(out)
    for table in TABLES:
        if not rows[table]:
            continue
        tbl, runs = _day_runs(table, rows[table])
        for day, offset, length in runs:
            folder = _folder(f"{base}/{table}/published_date={day}")
            tmp = f"{folder}/{name}.tmp"
            # a small part (one day of a shard) is written plain, without dictionaries or statistics:
            # the same rows, a third less time per file and smaller files at that size
            with pa.OSFile(tmp, "wb") as sink:
                pq.write_table(tbl.slice(offset, length), sink, **({} if length >= PLAIN_BELOW_ROWS else _PLAIN))
            os.replace(tmp, f"{folder}/{name}")
            _maybe_crash()
    marker = Path(_folder(f"{base}/_done")) / f"shard-{shard:06d}"
    tmp = marker.with_name(marker.name + ".tmp")
    tmp.write_text(json.dumps(counts if counts is not None else shard_counts(rows)), encoding="utf-8")
    os.replace(tmp, marker)


def warm_up() -> None:
    """Run the loaded pipeline and the Parquet writer's conversions once on a tiny article, in memory:
    what they initialise on first use (pyarrow imports pandas on its first conversion, the stages
    build lookup tables) is then done once in the fork server instead of once per worker."""
    _init_worker()
    rows = code_shard([{"id": "warm-up", "text": "Russian troops attacked Kyiv on Monday, officials said.",
                        "published": "2026-01-05"}])
    for table in TABLES:
        if rows[table]:
            _day_runs(table, rows[table])


# kept for callers of the old name
_write_shard = write_shard

_written = 0


def _maybe_crash() -> None:
    """Fault injection for the resume test: TACITUS_BATCH_CRASH_AFTER_FILES=N dies after N files."""
    global _written
    _written += 1
    limit = os.environ.get("TACITUS_BATCH_CRASH_AFTER_FILES")
    if limit and _written >= int(limit):
        os._exit(137)


def _clear_partial(out: Path, shard: int | set[int]) -> None:
    """Delete the files (and temporary files) that the given shards left behind: one listing of the
    run folder for all of them, not one per shard and table."""
    shards = {shard} if isinstance(shard, int) else set(shard)
    if not shards:
        return
    for table in TABLES:
        for f in (out / table).glob("published_date=*/part-*.parquet*"):
            num = f.name[5:11]
            if num.isdigit() and int(num) in shards:
                f.unlink()
    for f in (out / "_done").glob("shard-*.tmp"):
        num = f.name[6:12]
        if num.isdigit() and int(num) in shards:
            f.unlink()


def _done_shards(out: Path) -> set[int]:
    return {int(p.name.split("-")[1]) for p in (out / "_done").glob("shard-*") if p.name[6:].isdigit()}


def _local_results(out: Path, todo: list[tuple[int, list[dict[str, Any]]]], workers: int,
                   batch_size: int | None, pool: ProcessPoolExecutor | None
                   ) -> Iterator[tuple[int, dict[str, Any], int]]:
    if pool is None:
        for n, shard in todo:
            yield process_shard(out, n, shard, batch_size)
        return
    # at most 2 shards queued per worker: the driver keeps feeding, workers never wait, memory stays flat
    jobs = iter(todo)
    pending: set[Any] = set()

    def feed() -> None:
        while len(pending) < 2 * workers:
            job = next(jobs, None)
            if job is None:
                return
            pending.add(pool.submit(_process_job, (str(out), job[0], job[1], batch_size)))

    feed()
    while pending:
        finished, _ = wait(pending, return_when=FIRST_COMPLETED)
        for fut in finished:
            pending.discard(fut)
            yield fut.result()
        feed()


def run(inputs: list[str], out: str | Path, *, workers: int = 2, shard_size: int = DEFAULT_SHARD_SIZE,
        resume: bool = False, published: str | None = None, source: str | None = None,
        progress: Progress | None = None, engine: str = "local", address: str | None = None,
        batch_size: int | None = None, ray_batch_size: int = 1) -> dict[str, Any]:
    """Code the inputs into a run folder; returns the manifest.

    ``shard_size``: articles per shard (unit of work and of ``--resume``); ``batch_size``: articles per
    ``nlp.pipe`` batch inside a worker (default: the whole shard); ``ray_batch_size``: shards per
    call to a Ray actor; ``workers``: processes (local) or actors (Ray).
    ``progress(done, total, counts)`` is called once before the first shard and after every shard.
    """
    from ..ingest.readers import read_path

    out = Path(out)
    if out.exists() and not resume and any(out.iterdir()):
        raise TacitusError("bad_record", f"{out}: run folder exists and is not empty (use --resume)")
    if shard_size < 1 or workers < 1:
        raise TacitusError("bad_record", "shard size and workers must be at least 1")
    (out / "_done").mkdir(parents=True, exist_ok=True)
    params = out / "_done" / "params.json"  # shard numbers mean something only with the same shard size
    if params.exists():                       # and the same way of cutting shards
        before = json.loads(params.read_text(encoding="utf-8"))
        if before["shard_size"] != shard_size:
            raise TacitusError("bad_record", f"{out}: was started with --shard-size {before['shard_size']}; "
                               "resume with the same")
        if before.get("shard_order") != SHARD_ORDER:
            raise TacitusError("bad_record", f"{out}: was started by an older Tacitus that cut shards in input "
                               "order; code the inputs into a new run folder")
    params.write_text(json.dumps({"shard_size": shard_size, "shard_order": SHARD_ORDER}), encoding="utf-8")
    _made_dirs.clear()
    t0 = time.perf_counter()
    pool = None
    if engine == "local" and workers > 1:
        ctx = _worker_context()
        pool = ProcessPoolExecutor(workers, mp_context=ctx, initializer=_init_worker)
        if ctx.get_start_method() == "forkserver":
            # the fork server loads the pipeline while the inputs are read below (a pool's first
            # submit waits for that load, so the workers are asked for only after the reading)
            from multiprocessing import forkserver

            forkserver.ensure_running()
    try:
        done = _done_shards(out)
        items = (a for name in inputs for a in read_path(name, published=published, source=source))
        todo = []
        for n, shard in _shards(items, shard_size):
            if n in done:
                continue
            todo.append((n, shard))
        _clear_partial(out, {n for n, _ in todo})
        for _ in range(workers if pool is not None else 0):
            pool.submit(_warm_up)  # every worker forked now, before the first shard
        if workers > 1:
            # the longest shards first (by characters of text): the run ends on short ones, so no worker
            # is left alone with a long shard at the end (same shards and files, another order)
            todo.sort(key=lambda job: -sum(len(it.get("text") or "") for it in job[1]))
        total = sum(len(s) for _, s in todo)
        counts = dict.fromkeys(COUNT_KEYS, 0)
        ledger: Counter[str] = Counter()
        pids: set[int] = set()
        if progress is not None:
            progress(0, total, dict(counts))
        if engine == "ray":
            from .ray_engine import code_shards

            results = code_shards(todo, workers, address, out=out, batch_size=batch_size,
                                  ray_batch_size=ray_batch_size)
        else:
            results = _local_results(out, todo, workers, batch_size, pool)
        sizes = dict((n, len(s)) for n, s in todo)
        n_done = 0
        for n, shard_count, pid in results:
            pids.add(pid)
            for k in COUNT_KEYS:
                counts[k] += shard_count[k]
            ledger.update(shard_count.get("ledger", {}))
            n_done += sizes[n]
            if progress is not None:
                progress(n_done, total, dict(counts))
    except BrokenProcessPool as exc:
        raise TacitusError("failed", f"{out}: a worker process died ({exc}); rerun with --resume (a script that "
                           "calls run() needs an `if __name__ == '__main__':` guard)", "batch") from exc
    finally:
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)
    elapsed = time.perf_counter() - t0
    n_items = counts["articles"] + counts["skips"]
    manifest = {
        "format": "tacitus-run/1", "tacitus": __version__, "engine": engine, "workers": workers,
        "worker_pids": sorted(pids), "inputs": inputs,
        "fingerprint": fingerprint(inputs), "shards": len(_done_shards(out)), "shard_size": shard_size,
        "this_session": {"items": n_items, "articles": counts["articles"], "mentions": counts["mentions"],
                         "skipped": counts["skips"] - counts["failed"], "failed": counts["failed"],
                         "ledger": dict(sorted(ledger.items())), "seconds": round(elapsed, 3),
                         "articles_per_s": round(n_items / elapsed, 2) if elapsed else None,
                         "worker_processes": len(pids)},
        "totals": totals(out), "finished_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
    }
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return manifest


def totals(out: Path) -> dict[str, int]:
    """Rows per table in the run folder: the sum of the shard markers' counts (a marker is written after
    its shard's files), or a count over the Parquet files if a marker carries no counts."""
    res = dict.fromkeys(TABLES, 0)
    try:
        for marker in (out / "_done").glob("shard-*"):
            if marker.name[6:].isdigit():
                counts = json.loads(marker.read_text(encoding="utf-8"))
                for table in TABLES:
                    res[table] += counts[table]
        return res
    except (ValueError, KeyError, TypeError):  # a marker from an older run: count the files
        return count_rows(out)


def count_rows(out: Path) -> dict[str, int]:
    import duckdb

    con = duckdb.connect()
    res = {}
    for table in TABLES:
        files = list((out / table).glob("published_date=*/*.parquet"))
        res[table] = con.execute("SELECT count(*) FROM read_parquet(?)", [[str(f) for f in files]]).fetchone()[0] \
            if files else 0
    return res


def is_run_folder(path: str | Path) -> bool:
    p = Path(path)
    return (p / "manifest.json").is_file() and (p / "articles").is_dir()


def remove(path: str | Path) -> None:  # pragma: no cover - convenience
    shutil.rmtree(path)
