"""The local batch engine: the same Pipeline.pipe over shards, in worker processes on this machine.

A run folder holds ``articles/``, ``mentions/`` and ``skips/`` as Parquet, one file per shard in
each, partitioned by publication date (``published_date=YYYY-MM-DD`` folders), a ``_done/`` marker
per finished shard, and ``manifest.json`` (versions, counts, input fingerprint). ``--resume`` redoes
only the shards without a marker (removing any partial files they left), so an interrupted run
finishes with exactly the output of an uninterrupted one. ``tacitus ingest RUN_FOLDER`` loads it.
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing as mp
import os
import shutil
import time
from collections.abc import Iterable, Iterator
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
_PIPELINE: Any = None


def _init_worker() -> None:
    global _PIPELINE
    from ..pipeline import Pipeline

    _PIPELINE = Pipeline()  # one model load per worker process


def code_shard(items: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """Code one shard of article dicts (or error dicts); returns rows for the three tables."""
    global _PIPELINE
    if _PIPELINE is None:
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
    for r in _PIPELINE.pipe(inputs):
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


class _Counts(dict):
    """Row counts of a shard written by a worker (as opposed to the rows themselves)."""


def _code_and_write(job: tuple[str, int, list[dict[str, Any]]]) -> tuple[int, _Counts]:
    out, n, items = job
    rows = code_shard(items)
    _write_shard(Path(out), n, rows)
    return n, _Counts({t: len(v) for t, v in rows.items()})


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


def _write_shard(out: Path, shard: int, rows: dict[str, list[dict[str, Any]]]) -> None:
    schemas = {"articles": ARTICLE_SCHEMA, "mentions": MENTION_SCHEMA, "skips": SKIP_SCHEMA}
    for table in TABLES:
        tbl = pa.Table.from_pylist(rows[table], schema=schemas[table])
        if table == "skips":
            tbl = tbl.append_column("published_date", pa.array(["unknown"] * len(tbl), pa.string()))
        else:
            dates = [(r["published"].date().isoformat() if r["published"] else "unknown") for r in rows[table]]
            tbl = tbl.append_column("published_date", pa.array(dates, pa.string()))
        for day in sorted(set(tbl.column("published_date").to_pylist())):
            part = tbl.filter(pa.compute.equal(tbl.column("published_date"), day)).drop(["published_date"])
            folder = out / table / f"published_date={day}"
            folder.mkdir(parents=True, exist_ok=True)
            pq.write_table(part, folder / f"part-{shard:06d}.parquet")
            _maybe_crash()
    (out / "_done" / f"shard-{shard:06d}").touch()


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
        for f in (out / table).glob(f"published_date=*/part-{shard:06d}.parquet"):
            f.unlink()


def run(inputs: list[str], out: str | Path, *, workers: int = 2, shard_size: int = 32, resume: bool = False,
        published: str | None = None, source: str | None = None, progress: Any = None, engine: str = "local",
        address: str | None = None) -> dict[str, Any]:
    """Code the inputs into a run folder; returns the manifest."""
    import pyarrow.compute  # noqa: F401  (pa.compute)

    from ..ingest.readers import read_path

    out = Path(out)
    if out.exists() and not resume and any(out.iterdir()):
        raise TacitusError("bad_record", f"{out}: run folder exists and is not empty (use --resume)")
    (out / "_done").mkdir(parents=True, exist_ok=True)
    done = {int(p.name.split("-")[1]) for p in (out / "_done").glob("shard-*")}
    items = (a for name in inputs for a in read_path(name, published=published, source=source))
    todo = []
    for n, shard in _shards(items, shard_size):
        if n in done:
            continue
        _clear_partial(out, n)
        todo.append((n, shard))
    t0 = time.perf_counter()
    n_articles = n_mentions = n_skips = 0
    pids: set[int] = set()
    if engine == "ray":
        from .ray_engine import code_shards

        def ray_results():  # noqa: ANN202
            for n, rows, pid in code_shards(todo, workers, address):
                pids.add(pid)
                yield n, rows
        results = ray_results()
        pool = None
    elif workers <= 1:
        results = ((n, code_shard(s)) for n, s in todo)
        pool = None
    else:
        # workers write their own shard files and send back counts: no result rows cross processes
        pool = mp.get_context("spawn").Pool(workers, initializer=_init_worker)
        results = pool.imap_unordered(_code_and_write, ((str(out), n, s) for n, s in todo))
    try:
        for n, rows in results:
            if not isinstance(rows, _Counts):
                _write_shard(out, n, rows)
                rows = {t: len(v) for t, v in rows.items()}
            n_articles += rows["articles"]
            n_mentions += rows["mentions"]
            n_skips += rows["skips"]
            if progress is not None:
                progress(n_articles + n_skips, n_mentions)
    finally:
        if pool is not None:
            pool.close()
            pool.join()
    elapsed = time.perf_counter() - t0
    manifest = {
        "format": "tacitus-run/1", "tacitus": __version__, "engine": engine, "workers": workers,
        "worker_pids": sorted(pids) if pids else None, "inputs": inputs, "fingerprint": fingerprint(inputs),
        "shards": len(list((out / "_done").glob("shard-*"))), "shard_size": shard_size,
        "this_session": {"articles": n_articles, "mentions": n_mentions, "skipped": n_skips,
                         "seconds": round(elapsed, 3),
                         "articles_per_s": round(n_articles / elapsed, 2) if elapsed else None},
        "totals": totals(out), "finished_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
    }
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return manifest


def totals(out: Path) -> dict[str, int]:
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
