"""The event store: one DuckDB file, one writer, idempotent and transactional ingest.

Ingest codes articles with the pipeline and writes, per batch and in one transaction, the
articles, their mentions (replacing any earlier coding of the same article), the coding record
and the skips. An article already coded by the same pipeline version with the same content is not
coded again, so re-running an ingest (or resuming an interrupted one) is cheap and changes nothing.

Fault injection for the crash tests: ``TACITUS_CRASH_AFTER_ROWS=N`` kills the process (``os._exit``)
inside the transaction once N rows have been written in this process.
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from .. import __version__
from ..errors import TacitusError
from ..records import Article, Mention, Skip
from .schema import MENTION_COLUMNS, has_reviews, migrate

REVIEW_VERDICTS = ("correct", "wrong")
ARTICLE_COLUMNS = ["article_id", "outlet", "url", "title", "published", "language", "content_hash", "text",
                   "first_seen", "input"]


def content_hash(text: str) -> str:
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()[:32]


def mention_row(m: Mention) -> dict[str, Any]:
    """The flat row of a mention (columns of ``mentions``)."""
    s, t, a, d, p = m.source, m.target, m.attribution, m.date, m.place
    return {
        "mention_id": m.mention_id, "article_id": m.article_id, "group_id": m.group_id,
        "sentence_index": m.sentence_index, "section": m.section,
        "evidence_start": m.evidence.start, "evidence_end": m.evidence.end, "evidence_text": m.evidence.text,
        "trigger_start": m.trigger.start, "trigger_end": m.trigger.end, "trigger_text": m.trigger.text,
        "source_code": s.code if s else None, "source_country": s.country if s else None,
        "source_name": s.name if s else None, "source_text": s.text if s else None,
        "target_code": t.code if t else None, "target_country": t.country if t else None,
        "target_name": t.name if t else None, "target_text": t.text if t else None,
        "cameo_code": m.cameo.code, "cameo_root": m.cameo.root, "cameo_label": m.cameo.label,
        "goldstein": m.cameo.goldstein, "quad_class": m.cameo.quad_class,
        "plover_type": m.plover.type if m.plover else None, "plover_mode": m.plover.mode if m.plover else None,
        "modality": m.modality,
        "attr_by_code": a.by.code if a.by else None, "attr_by_country": a.by.country if a.by else None,
        "attr_relation": a.relation, "attr_cue": a.cue,
        "date_start": d.start, "date_end": d.end, "date_granularity": d.granularity, "date_method": d.method,
        "place_name": p.name if p else None, "place_country": p.country if p else None,
        "place_admin1": p.admin1 if p else None, "place_precision": p.precision if p else None,
        "lat": p.lat if p else None, "lon": p.lon if p else None, "geonameid": p.geonameid if p else None,
        "confidence": m.confidence, "rule": m.provenance.rule, "model": m.provenance.model,
        "pipeline_version": m.provenance.version, "codebook": m.provenance.codebook,
        "kb_as_of": m.provenance.kb_as_of,
        "published": datetime.fromisoformat(m.published) if m.published else None,
        "outlet": m.outlet, "record": m.to_json(),
    }


_ARROW_TYPES = {"VARCHAR": pa.string(), "INTEGER": pa.int32(), "DOUBLE": pa.float64(), "DATE": pa.date32(),
                "BIGINT": pa.int64(), "TIMESTAMPTZ": pa.timestamp("us", tz="UTC"), "JSON": pa.string(),
                "BOOLEAN": pa.bool_()}
MENTION_SCHEMA = pa.schema([(n, _ARROW_TYPES[t.split()[0]]) for n, t in MENTION_COLUMNS])
ARTICLE_SCHEMA = pa.schema([("article_id", pa.string()), ("outlet", pa.string()), ("url", pa.string()),
                            ("title", pa.string()), ("published", pa.timestamp("us", tz="UTC")),
                            ("language", pa.string()), ("content_hash", pa.string()), ("text", pa.string()),
                            ("first_seen", pa.timestamp("us", tz="UTC")), ("input", pa.string())])


@dataclass
class IngestReport:
    articles_seen: int = 0
    coded: int = 0
    unchanged: int = 0
    skipped: int = 0
    mentions: int = 0
    skips: list[dict] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"articles_seen": self.articles_seen, "coded": self.coded, "unchanged": self.unchanged,
                "skipped": self.skipped, "mentions": self.mentions}


class _CrashSwitch:
    """Counts rows written in this process and dies when TACITUS_CRASH_AFTER_ROWS is reached."""

    def __init__(self) -> None:
        raw = os.environ.get("TACITUS_CRASH_AFTER_ROWS")
        self.limit = int(raw) if raw else None
        self.rows = 0

    def wrote(self, n: int) -> None:
        self.rows += n
        if self.limit is not None and self.rows >= self.limit:
            os._exit(137)  # simulate a kill -9 inside the open transaction


class EventStore:
    """A DuckDB file holding articles, mentions, codings, skips and outlets."""

    def __init__(self, path: str | Path, read_only: bool = False) -> None:
        self.path = str(path)
        self.read_only = read_only
        if read_only and not Path(self.path).exists():
            raise TacitusError("not_found", f"{self.path}: no such store (run `tacitus ingest` first)")
        self.con = duckdb.connect(self.path, read_only=read_only)
        if not read_only:
            migrate(self.con)
        self._crash = _CrashSwitch()
        # The HTTP API calls in from several threads: reads go through a cursor each (a DuckDB
        # connection object is not safe to share between threads), writes take this lock.
        self._write_lock = threading.RLock()

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> EventStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- ingest --------------------------------------------------------------------------------
    def is_coded(self, article_ids: list[str], hashes: list[str], version: str) -> set[str]:
        if not article_ids:
            return set()
        rows = self.con.execute(
            "SELECT article_id FROM codings WHERE pipeline_version = ? AND list_contains(?, article_id || ':' || content_hash)",
            [version, [f"{a}:{h}" for a, h in zip(article_ids, hashes)]]).fetchall()
        return {r[0] for r in rows}

    def ingest(self, items: Iterable[Article | TacitusError], pipeline: Any = None, *, batch_size: int = 64,
               input_name: str | None = None, force: bool = False,
               progress: Callable[[IngestReport], None] | None = None) -> IngestReport:
        """Code and store articles; idempotent per (article, pipeline version, content)."""
        if pipeline is None:
            from ..pipeline import Pipeline
            pipeline = Pipeline()
        report = IngestReport()
        for batch in _batches(items, batch_size):
            self._ingest_batch(batch, pipeline, report, input_name, force)
            if progress is not None:
                progress(report)
        return report

    def _ingest_batch(self, batch: list[Article | TacitusError], pipeline: Any, report: IngestReport,
                      input_name: str | None, force: bool) -> None:
        articles: dict[str, Article] = {}
        skips: list[Skip] = []
        for item in batch:
            report.articles_seen += 1
            if isinstance(item, TacitusError):
                skips.append(Skip(item.article_id, item.stage, item.code, item.message))
            else:
                articles[item.article_id] = item  # a repeated id in one batch: the last one wins
        hashes = {aid: content_hash(a.text) for aid, a in articles.items()}
        done = set() if force else self.is_coded(list(hashes), list(hashes.values()), __version__)
        report.unchanged += len(done)
        todo = [a for aid, a in articles.items() if aid not in done]
        results = list(pipeline.pipe(todo)) if todo else []
        now = datetime.now(timezone.utc)
        art_rows, mention_rows, coded = [], [], []
        for r in results:
            if r.skip is not None:
                skips.append(r.skip)
                continue
            a = r.article
            art_rows.append({"article_id": a.article_id, "outlet": a.source, "url": a.url, "title": a.title,
                             "published": a.published, "language": a.language,
                             "content_hash": hashes[a.article_id], "text": a.text, "first_seen": now,
                             "input": input_name})
            mention_rows.extend(mention_row(m) for m in r.mentions)
            coded.append((a.article_id, __version__, hashes[a.article_id], now, len(r.mentions)))
        self._write(art_rows, mention_rows, coded, skips, input_name, now)
        report.coded += len(coded)
        report.mentions += len(mention_rows)
        report.skipped += len(skips)
        report.skips.extend(s.to_dict() for s in skips)

    def _write(self, art_rows: list[dict], mention_rows: list[dict], coded: list[tuple], skips: list[Skip],
               input_name: str | None, now: datetime) -> None:
        if not (art_rows or skips):
            return
        con = self.con
        con.execute("BEGIN TRANSACTION")
        try:
            ids = [r["article_id"] for r in art_rows]
            if ids:
                # recode replaces an article's mentions atomically; first_seen survives
                con.execute("CREATE OR REPLACE TEMP TABLE _first AS SELECT article_id, first_seen FROM articles "
                            "WHERE list_contains(?, article_id)", [ids])
                con.execute("DELETE FROM mentions WHERE list_contains(?, article_id)", [ids])
                self._crash.wrote(0)
                con.execute("DELETE FROM articles WHERE list_contains(?, article_id)", [ids])
                table = pa.Table.from_pylist(art_rows, schema=ARTICLE_SCHEMA)
                con.register("_arts", table)
                con.execute(f"INSERT INTO articles ({', '.join(ARTICLE_COLUMNS)}) SELECT a.article_id, a.outlet, "
                            "a.url, a.title, a.published, a.language, a.content_hash, a.text, "
                            "coalesce(f.first_seen, a.first_seen), a.input FROM _arts a "
                            "LEFT JOIN _first f USING (article_id)")
                con.unregister("_arts")
                self._crash.wrote(len(art_rows))
            if mention_rows:
                table = pa.Table.from_pylist(mention_rows, schema=MENTION_SCHEMA)
                con.register("_ments", table)
                cols = ", ".join(n for n, _ in MENTION_COLUMNS)
                con.execute(f"INSERT INTO mentions ({cols}) SELECT {cols} FROM _ments")
                con.unregister("_ments")
                self._crash.wrote(len(mention_rows))
            if coded:
                con.execute("DELETE FROM codings WHERE list_contains(?, article_id)", [ids])
                con.executemany("INSERT INTO codings VALUES (?, ?, ?, ?, ?)", coded)
                self._crash.wrote(len(coded))
            if skips:
                con.executemany("INSERT INTO skips VALUES (?, ?, ?, ?, ?, ?)",
                                [(s.article_id, s.stage, s.code, s.message, input_name, now) for s in skips])
                self._crash.wrote(len(skips))
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise

    def ingest_run(self, folder: str | Path, batch_size: int = 256) -> IngestReport:
        """Load a batch run folder (tacitus batch) without re-coding: articles, mentions, skips.

        Shard by shard (memory bounded by the shard size), and only shards whose ``_done`` marker
        exists: the files of a shard an interrupted run left half-written are never loaded."""
        import pyarrow.parquet as pq

        from ..records import Skip as _Skip

        folder = Path(folder)
        manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
        version = manifest.get("tacitus", __version__)
        shards = sorted(int(m.name.split("-")[1]) for m in (folder / "_done").glob("shard-*")
                        if m.name[6:].isdigit())

        def read(table: str, shard: int) -> list[dict[str, Any]]:
            files = sorted((folder / table).glob(f"published_date=*/part-{shard:06d}.parquet"))
            return [r for f in files for r in pq.read_table(f).to_pylist()]

        report = IngestReport()
        now = datetime.now(timezone.utc)
        for shard in shards:
            arts, ments, skips = read("articles", shard), read("mentions", shard), read("skips", shard)
            report.articles_seen += len(arts) + len(skips)
            by_article: dict[str, list[dict[str, Any]]] = {}
            for m in ments:
                by_article.setdefault(m["article_id"], []).append(m)
            done = self.is_coded([a["article_id"] for a in arts], [a["content_hash"] for a in arts], version)
            report.unchanged += len(done)
            todo = [a for a in arts if a["article_id"] not in done]
            for i in range(0, max(len(todo), 1), batch_size):
                chunk = todo[i:i + batch_size]
                rows = [m for a in chunk for m in by_article.get(a["article_id"], [])]
                coded = [(a["article_id"], version, a["content_hash"], now, len(by_article.get(a["article_id"], [])))
                         for a in chunk]
                sk = [_Skip(s["article_id"], s["stage"], s["code"], s["message"]) for s in skips] if i == 0 else []
                if not chunk and not sk:
                    continue
                for a in chunk:
                    a["input"] = str(folder)
                self._write(chunk, rows, coded, sk, str(folder), now)
                report.coded += len(chunk)
                report.mentions += len(rows)
                report.skipped += len(sk)
                report.skips.extend(x.to_dict() for x in sk)
        return report

    # -- reading -------------------------------------------------------------------------------
    def counts(self) -> dict[str, int]:
        out = {}
        for table in ("articles", "mentions", "codings", "skips", "outlets", "events"):
            out[table] = self.con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # noqa: S608 - fixed names
        return out

    def query(self, **filters: Any) -> list[dict[str, Any]]:
        """Mentions matching the filters (see :func:`tacitus.store.query.build`), as dicts; mentions a
        person reviewed ``wrong`` are left out unless ``review`` asks for them."""
        from .query import build

        con = self.con.cursor()
        sql, params = build(reviews=has_reviews(con), **filters)
        cur = con.execute(sql, params)
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row)) for row in cur.fetchall()]

    def link(self, settings: Any = None) -> dict[str, int]:
        """Re-link all mentions into events and recompute corroboration (store/link.py), then apply the
        analysts' merges, splits and verdicts again (they are kept apart and never overwritten)."""
        from .link import rebuild

        out = rebuild(self.con, settings)
        if not self.read_only and has_reviews(self.con):
            self.apply_reviews(settings)
        return out

    # -- analyst review ------------------------------------------------------------------------
    # Verdicts and cluster edits live in their own tables (schema version 3). Machine output
    # (mentions, events, mention_events) is rebuilt by ingest, recode and link; apply_reviews()
    # re-applies what people said on top of it, idempotently.
    def verdicts(self, mention_ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        """The newest verdict of each reviewed mention among ``mention_ids``."""
        ids = list(mention_ids)
        con = self.con.cursor()
        if not ids or not has_reviews(con):
            return {}
        cur = con.execute("SELECT mention_id, verdict, note, reviewer, reviewed_at FROM "
                          "mention_verdicts WHERE list_contains(?, mention_id)", [ids])
        return {r[0]: {"verdict": r[1], "note": r[2], "reviewer": r[3], "reviewed_at": r[4]}
                for r in cur.fetchall()}

    def review(self, mention_id: str, verdict: str, note: str | None = None,
               reviewer: str | None = None) -> dict[str, Any]:
        """Record a person's verdict on a mention (``correct`` or ``wrong``) and apply it."""
        if verdict not in REVIEW_VERDICTS:
            raise ValueError(f"verdict: one of {', '.join(REVIEW_VERDICTS)}")
        with self._write_lock:
            return self._review(mention_id, verdict, note, reviewer)

    def _review(self, mention_id: str, verdict: str, note: str | None, reviewer: str | None) -> dict[str, Any]:
        if not self.con.execute("SELECT count(*) FROM mentions WHERE mention_id = ?", [mention_id]).fetchone()[0]:
            raise LookupError(f"no mention {mention_id}")
        now = datetime.now(timezone.utc)
        self.con.execute("INSERT INTO reviews (mention_id, verdict, note, reviewer, created_at) "
                         "VALUES (?, ?, ?, ?, ?)", [mention_id, verdict, note, reviewer, now])
        self.apply_reviews()
        return self.verdicts([mention_id])[mention_id]

    def edit_cluster(self, kind: str, event_id: str, mention_ids: list[str], note: str | None = None,
                     reviewer: str | None = None) -> str:
        """Merge events into ``event_id`` (``mention_ids``: the mentions of every event merged) or split
        ``mention_ids`` out of ``event_id`` into an event of their own; returns the resulting event id."""
        if kind not in ("merge", "split") or not mention_ids:
            raise ValueError("a merge or split needs mention ids")
        with self._write_lock:
            return self._edit_cluster(kind, event_id, mention_ids, note, reviewer)

    def _edit_cluster(self, kind: str, event_id: str, mention_ids: list[str], note: str | None,
                      reviewer: str | None) -> str:
        self.con.execute("INSERT INTO cluster_edits (kind, event_id, mention_ids, note, reviewer, created_at) "
                         "VALUES (?, ?, ?, ?, ?, ?)",
                         [kind, event_id, list(mention_ids), note, reviewer, datetime.now(timezone.utc)])
        self.apply_reviews()
        row = self.con.execute("SELECT event_id FROM mention_events WHERE mention_id = ?",
                               [mention_ids[0]]).fetchone()
        return row[0] if row else event_id

    def apply_reviews(self, settings: Any = None) -> dict[str, int]:
        """Re-apply cluster edits (in the order they were made) and verdicts to the linked events.

        A merge joins every event that holds one of its recorded mentions (keeping the id of the event
        holding the first); a split moves its mentions into an event of their own (id from the
        mentions, so it is the same after every re-link). Events touched by an edit or holding a
        reviewed mention are recounted without the mentions reviewed ``wrong`` — dates, mentions,
        articles, independent sources and corroboration status; an event left with none keeps its
        row with ``n_mentions = 0`` and is hidden from the default event queries. Idempotent."""
        from types import SimpleNamespace

        from ..records import stable_hash
        from .link import LinkSettings, corroboration, source_groups

        con = self.con
        s = settings or LinkSettings()
        edits = con.execute("SELECT seq, kind, event_id, mention_ids FROM cluster_edits ORDER BY seq").fetchall()
        verdicts = dict(con.execute("SELECT mention_id, verdict FROM mention_verdicts").fetchall())
        if not edits and not verdicts:
            return {"edits": 0, "events": 0}
        links: dict[str, str] = dict(con.execute("SELECT mention_id, event_id FROM mention_events").fetchall())
        ev_cur = con.execute("SELECT * FROM events")
        ev_names = [d[0] for d in ev_cur.description]
        events = {r[0]: dict(zip(ev_names, r)) for r in ev_cur.fetchall()}
        touched: set[str] = {links[m] for m in verdicts if m in links}
        for _seq, kind, event_id, mids in edits:
            present = [m for m in mids if m in links]
            if kind == "merge":
                groups = {links[m] for m in present}
                if len(groups) < 2:
                    touched |= groups
                    continue
                keep = links[present[0]]
                for m, e in links.items():
                    if e in groups:
                        links[m] = keep
                touched |= groups
            elif present:
                new = "e" + stable_hash("split", *sorted(mids), length=14)
                base = events.get(links[present[0]]) or events.get(event_id)
                if base is None:
                    continue
                events.setdefault(new, dict(base, event_id=new, repeats=None))
                touched |= {links[m] for m in present} | {new}
                for m in present:
                    links[m] = new
        members: dict[str, list[str]] = {}
        for m, e in links.items():
            if e in touched:
                members.setdefault(e, []).append(m)
        cur = con.execute("SELECT * FROM mentions WHERE list_contains(?, mention_id)",
                          [[m for ms in members.values() for m in ms]])
        names = [d[0] for d in cur.description]
        rows = {r[0]: dict(zip(names, r)) for r in cur.fetchall()}
        arts = [dict(zip(("article_id", "outlet", "text", "day", "published", "wire"), r)) for r in con.execute(
            "SELECT a.article_id, a.outlet, a.text, a.published::DATE, a.published, coalesce(o.wire, FALSE) "
            "FROM articles a LEFT JOIN outlets o USING (outlet) WHERE list_contains(?, a.article_id)",
            [sorted({r["article_id"] for r in rows.values()})]).fetchall()]
        groups = source_groups(arts, s.copy_similarity)
        state_outlets = {o: c for o, c in con.execute(
            "SELECT outlet, country FROM outlets WHERE state_affiliated AND country IS NOT NULL").fetchall()}
        new_rows = []
        for e, ms in sorted(members.items()):
            base = dict(events[e])
            active = [rows[m] for m in sorted(ms) if m in rows and verdicts.get(m) != "wrong"]
            active.sort(key=lambda m: (m["date_start"], m["published"] or m["date_start"], m["mention_id"]))
            base["n_mentions"] = len(active)
            base["n_articles"] = len({m["article_id"] for m in active})
            base["n_sources"] = len({groups.get(m["article_id"], m["article_id"]) for m in active})
            if active:
                base["first_date"] = min(m["date_start"] for m in active)
                base["last_date"] = max(m["date_end"] or m["date_start"] for m in active)
                ev = SimpleNamespace(key=(base["source_side"], base["base_code"]), mentions=active)
                base["status"] = corroboration(ev, state_outlets, s)  # type: ignore[arg-type]
            new_rows.append(base)
        dropped = touched - set(members)  # events emptied by merges or splits
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute("DELETE FROM mention_events WHERE list_contains(?, event_id)", [sorted(touched)])
            con.execute("DELETE FROM events WHERE list_contains(?, event_id)", [sorted(touched)])
            if new_rows:
                cols = list(new_rows[0])
                con.executemany(f"INSERT INTO events ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
                                [[r[c] for c in cols] for r in new_rows])
                con.executemany("INSERT INTO mention_events VALUES (?, ?)",
                                [(m, e) for e, ms in sorted(members.items()) for m in sorted(ms)])
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
        return {"edits": len(edits), "events": len(new_rows), "dropped": len(dropped)}

    def records(self, **filters: Any) -> Iterator[Mention]:
        for row in self.query(**filters):
            yield Mention.from_dict(json.loads(row["record"]))


def _batches(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    batch: list[Any] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
