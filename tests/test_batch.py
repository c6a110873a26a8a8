"""The local batch engine: same mentions as the pipeline, a run folder `ingest` loads, and
kill-and-resume that ends with exactly the output of an uninterrupted run."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys

import duckdb
import pytest
from click.testing import CliRunner

from tacitus.batch import local
from tacitus.batch.local import run
from tacitus.cli import main
from tacitus.demo import corpus_paths
from tacitus.ingest.readers import read_path
from tacitus.store import open_store


def _inputs(tmp_path, n=10):
    folder = tmp_path / "in"
    folder.mkdir()
    for p in corpus_paths()[:n]:
        (folder / p.name).write_text(p.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "broken.jsonl").write_text('{"text": "   "}\n{oops\n', encoding="utf-8")
    return folder


def _table(out, table):
    files = sorted(str(f) for f in (out / table).glob("published_date=*/*.parquet"))
    if not files:
        return []
    cols = {"articles": "article_id, content_hash, published", "mentions": "mention_id, record",
            "skips": "article_id, code"}[table]
    return duckdb.connect().execute(f"SELECT {cols} FROM read_parquet(?) ORDER BY 1, 2", [files]).fetchall()


def test_batch_equals_the_pipeline_and_ingests(tmp_path, pipeline):
    src = _inputs(tmp_path, 6)
    out = tmp_path / "run"
    manifest = run([str(src)], out, workers=1, shard_size=3)
    direct = {m.mention_id for p in sorted(src.glob("*.json")) for a in read_path(p) for m in pipeline(a)}
    assert {row[0] for row in _table(out, "mentions")} == direct
    assert manifest["totals"]["articles"] == 6 and manifest["totals"]["skips"] == 2
    assert {s[1] for s in _table(out, "skips")} == {"empty", "bad_record"}
    with open_store(tmp_path / "s.duckdb") as store:
        report = store.ingest_run(out)
        assert report.coded == 6 and store.counts()["mentions"] == len(direct)
        assert store.ingest_run(out).unchanged == 6  # idempotent
    with pytest.raises(Exception, match="not empty"):
        run([str(src)], out, workers=1)


def test_ingest_loads_only_finished_shards(tmp_path):
    src = _inputs(tmp_path, 6)
    out = tmp_path / "run"
    run([str(src)], out, workers=1, shard_size=2)
    articles = _table(out, "articles")
    unfinished = out / "_done" / "shard-000001"
    assert unfinished.exists()
    unfinished.unlink()  # as if the run had died after writing shard 1's files but before its marker
    left_out = {r[0] for f in (out / "articles").glob("published_date=*/part-000001.parquet")
                for r in duckdb.connect().execute("SELECT article_id FROM read_parquet(?)", [str(f)]).fetchall()}
    assert left_out
    with open_store(tmp_path / "s.duckdb") as store:
        report = store.ingest_run(out)
        stored = {r[0] for r in store.con.execute("SELECT article_id FROM articles").fetchall()}
    assert stored == {r[0] for r in articles} - left_out and report.coded == len(stored)


def test_two_workers_give_the_same_output(tmp_path):
    src = _inputs(tmp_path, 4)
    one, two = tmp_path / "one", tmp_path / "two"
    run([str(src)], one, workers=1, shard_size=2)
    run([str(src)], two, workers=2, shard_size=2)
    for table in ("articles", "mentions", "skips"):
        assert _table(one, table) == _table(two, table)


BATCH = "import sys; from tacitus.batch.local import run; run([sys.argv[1]], sys.argv[2], workers=1, shard_size=2, resume=True)"


def test_kill_and_resume_equals_an_uninterrupted_run(tmp_path):
    src = _inputs(tmp_path, 8)
    clean = tmp_path / "clean"
    run([str(src)], clean, workers=1, shard_size=2)
    out = tmp_path / "crashy"
    rng = random.Random(5)
    crashed = 0
    for point in sorted(rng.sample(range(1, 12), 5)):
        env = dict(os.environ, TACITUS_BATCH_CRASH_AFTER_FILES=str(point))
        r = subprocess.run([sys.executable, "-c", BATCH, str(src), str(out)], env=env, capture_output=True,
                           text=True, timeout=600)
        crashed += r.returncode == 137
    assert crashed >= 2
    env = {k: v for k, v in os.environ.items() if k != "TACITUS_BATCH_CRASH_AFTER_FILES"}
    r = subprocess.run([sys.executable, "-c", BATCH, str(src), str(out)], env=env, capture_output=True, text=True,
                       timeout=600)
    assert r.returncode == 0, r.stderr
    for table in ("articles", "mentions", "skips"):
        assert _table(out, table) == _table(clean, table)
    assert json.loads((out / "manifest.json").read_text())["totals"] == \
        json.loads((clean / "manifest.json").read_text())["totals"] == local.count_rows(out)


def test_ray_engine_matches_local_and_uses_two_actors(tmp_path):
    if os.environ.get("TACITUS_REQUIRE_RAY") != "1":
        pytest.importorskip("ray", reason="the Ray engine is the optional extra tacitus[ray]")
    src = _inputs(tmp_path, 8)
    local_out, ray_out = tmp_path / "local", tmp_path / "ray"
    run([str(src)], local_out, workers=1, shard_size=2)
    manifest = run([str(src)], ray_out, workers=2, shard_size=2, engine="ray")
    for table in ("articles", "mentions", "skips"):
        assert _table(ray_out, table) == _table(local_out, table)
    assert manifest["engine"] == "ray" and len(manifest["worker_pids"]) >= 2


def test_final_report_counts_and_failure_ledger(tmp_path, pipeline, monkeypatch):
    """The report's processed/skipped/failed/mentions equal the run folder's rows; a failing article is
    in the ledger with stage 'pipeline', code 'failed' and the exception message."""
    src = _inputs(tmp_path, 6)
    clean = tmp_path / "clean"
    run([str(src)], clean, workers=1, shard_size=4)
    victim = _table(clean, "articles")[2][0]
    n_mentions_victim = sum(1 for m in _table(clean, "mentions") if json.loads(m[1])["article_id"] == victim)
    original = pipeline.code_doc

    def flaky(article, doc):
        if article.article_id == victim:
            raise ValueError("injected failure")
        return original(article, doc)

    monkeypatch.setattr(local, "_PIPELINE", pipeline)
    monkeypatch.setattr(pipeline, "code_doc", flaky)
    out = tmp_path / "run"
    res = CliRunner().invoke(main, ["batch", str(src), "--out", str(out), "--workers", "1", "--shard-size", "4",
                                    "--no-progress"], catch_exceptions=False)
    assert res.exit_code == 0, res.output
    n_mentions = len(_table(clean, "mentions")) - n_mentions_victim
    assert f"processed 5, skipped 2, failed 1, mentions {n_mentions}; 8 articles in" in res.output
    assert "articles/s" in res.output
    assert "1  pipeline/failed" in res.output and "1  input/empty" in res.output
    manifest = json.loads((out / "manifest.json").read_text())
    s = manifest["this_session"]
    assert (s["articles"], s["skipped"], s["failed"], s["mentions"], s["items"]) == (5, 2, 1, n_mentions, 8)
    assert manifest["totals"] == {"articles": 5, "mentions": n_mentions, "skips": 3}
    ledger = duckdb.connect().execute(
        "SELECT article_id, stage, code, message FROM read_parquet(?) WHERE code = 'failed'",
        [[str(f) for f in (out / "skips").glob("*/*.parquet")]]).fetchall()
    assert ledger == [(victim, "pipeline", "failed", "ValueError: injected failure")]
    # markers carry the shard's counts; no temporary files are left behind
    markers = [json.loads(p.read_text()) for p in sorted((out / "_done").glob("shard-*"))]
    assert sum(m["failed"] for m in markers) == 1 and sum(m["articles"] for m in markers) == 5
    assert not [p for p in out.rglob("*.tmp")]


def test_progress_reports_total_and_counts(tmp_path, pipeline, monkeypatch):
    monkeypatch.setattr(local, "_PIPELINE", pipeline)
    src = _inputs(tmp_path, 5)
    calls = []
    run([str(src)], tmp_path / "run", workers=1, shard_size=3, progress=lambda *a: calls.append(a))
    assert calls[0] == (0, 7, {"articles": 0, "mentions": 0, "skips": 0, "failed": 0})
    assert [c[0] for c in calls] == [0, 3, 6, 7] and all(c[1] == 7 for c in calls)
    assert calls[-1][2]["articles"] == 5 and calls[-1][2]["skips"] == 2


def test_resume_removes_partial_and_temporary_files(tmp_path, pipeline, monkeypatch):
    monkeypatch.setattr(local, "_PIPELINE", pipeline)
    src = _inputs(tmp_path, 4)
    clean, out = tmp_path / "clean", tmp_path / "out"
    run([str(src)], clean, workers=1, shard_size=2)
    run([str(src)], out, workers=1, shard_size=2)
    (out / "_done" / "shard-000001").unlink()
    stray = next((out / "mentions").glob("*/part-000001.parquet"), None) or \
        next((out / "articles").glob("*/part-000001.parquet"))
    stray.with_name(stray.name + ".tmp").write_bytes(b"half a file")
    (out / "_done" / "shard-000001.tmp").write_text("{")
    with pytest.raises(Exception, match="shard-size 2"):
        run([str(src)], out, workers=1, shard_size=3, resume=True)
    params = out / "_done" / "params.json"
    kept = params.read_text()
    params.write_text(json.dumps({"shard_size": 2}))  # a run started when shards were cut in input order
    with pytest.raises(Exception, match="input order"):
        run([str(src)], out, workers=1, shard_size=2, resume=True)
    params.write_text(kept)
    manifest = run([str(src)], out, workers=1, shard_size=2, resume=True)
    assert manifest["this_session"]["items"] == 2 and manifest["shards"] == 3
    assert not [p for p in out.rglob("*.tmp")]
    for table in ("articles", "mentions", "skips"):
        assert _table(out, table) == _table(clean, table)


def test_shards_are_cut_in_publication_day_order():
    """A stable sort by day (input order within a day, undated and bad inputs last): the same inputs
    always give the same shards, and a shard spans as few days (files) as possible."""
    items = [{"id": "a", "text": "x", "published": "2024-01-02T09:00:00+00:00"},
             {"error": {"code": "empty", "message": "", "stage": "input", "article_id": "e"}},
             {"id": "u", "text": "x", "published": None},
             {"id": "b", "text": "x", "published": "2024-01-01T23:00:00+00:00"},
             {"id": "c", "text": "x", "published": "2024-01-02T01:00:00+00:00"}]
    shards = list(local._shards(items, 2))
    assert [(n, [d.get("id") or d["error"]["article_id"] for d in s]) for n, s in shards] == \
        [(0, ["b", "a"]), (1, ["c", "e"]), (2, ["u"])]
