"""The local batch engine: the same Pipeline.pipe over shards, in worker processes on this machine.

A run folder holds ``articles/``, ``mentions/`` and ``skips/`` as Parquet, one file per shard in
each, partitioned by publication date (``published_date=YYYY-MM-DD`` folders), a ``_done/`` marker
per finished shard (a small JSON of the shard's counts), and ``manifest.json`` (versions, counts,
input fingerprint). Each worker codes a whole shard with one ``nlp.pipe`` batch and writes the
shard's files itself (temporary name, then rename, then the marker), sending back only counts.
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


def _shards(items: Iterable[Article | TacitusError], size: int) -> Iterator[tuple[int, list[dict[str, Any]]]]:
    shard: list[dict[str, Any]] = []
    n = 0
    for item in items:
        shard.append(_item_dict(item))
        if len(shard) >= size:
            yield n, shard
            n, shard = n + 1, []
    if shard:
        yield n, shard


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


def _folder(path: Path) -> Path:
    key = str(path)
    if key not in _made_dirs:
        path.mkdir(parents=True, exist_ok=True)
        _made_dirs.add(key)
    return path


def _day(value: Any) -> str:
    return value.date().isoformat() if value else "unknown"


def write_shard(out: Path, shard: int, rows: dict[str, list[dict[str, Any]]],
                counts: dict[str, Any] | None = None) -> None:
    """Write a shard's three tables (one file per publication day), each atomically, then its marker."""
    name = f"part-{shard:06d}.parquet"
    for table in TABLES:
        if not rows[table]:
            continue
        tbl = pa.Table.from_pylist(rows[table], schema=SCHEMAS[table])
        days: dict[str, list[int]] = {}
        if table == "skips":
            days["unknown"] = list(range(len(rows[table])))
        else:
            for i, r in enumerate(rows[table]):
                days.setdefault(_day(r["published"]), []).append(i)
        for day in sorted(days):
            idx = days[day]
            part = tbl if len(idx) == len(tbl) else tbl.take(pa.array(idx, pa.int64()))
            folder = _folder(out / table / f"published_date={day}")
            tmp = folder / (name + ".tmp")
            # a small part (one day of a shard) is written plain, without dictionaries or statistics:
            # the same rows, a third less time per file and smaller files at that size
            pq.write_table(part, tmp, **({} if len(part) >= PLAIN_BELOW_ROWS else _PLAIN))
            os.replace(tmp, folder / name)
            _maybe_crash()
    marker = _folder(out / "_done") / f"shard-{shard:06d}"
    tmp = marker.with_name(marker.name + ".tmp")
    tmp.write_text(json.dumps(counts if counts is not None else shard_counts(rows)), encoding="utf-8")
    os.replace(tmp, marker)


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


def _clear_partial(out: Path, shard: int) -> None:
    for table in TABLES:
        for f in (out / table).glob(f"published_date=*/part-{shard:06d}.parquet*"):
            f.unlink()
    for f in (out / "_done").glob(f"shard-{shard:06d}.tmp"):
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
    ``map_batches`` call on Ray; ``workers``: processes (local) or actors (Ray).
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
    if params.exists() and json.loads(params.read_text(encoding="utf-8"))["shard_size"] != shard_size:
        raise TacitusError("bad_record", f"{out}: was started with --shard-size "
                           f"{json.loads(params.read_text(encoding='utf-8'))['shard_size']}; resume with the same")
    params.write_text(json.dumps({"shard_size": shard_size}), encoding="utf-8")
    _made_dirs.clear()
    t0 = time.perf_counter()
    pool = None
    if engine == "local" and workers > 1:
        # start the workers first: their model loads overlap the reading of the inputs
        pool = ProcessPoolExecutor(workers, mp_context=_worker_context(), initializer=_init_worker)
    try:
        for _ in range(workers if pool is not None else 0):
            pool.submit(_warm_up)
        done = _done_shards(out)
        items = (a for name in inputs for a in read_path(name, published=published, source=source))
        todo = []
        for n, shard in _shards(items, shard_size):
            if n in done:
                continue
            _clear_partial(out, n)
            todo.append((n, shard))
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
