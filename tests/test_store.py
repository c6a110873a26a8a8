"""The event store: idempotent ingest, atomic recode, skips, queries equal to Python filtering,
exports in the field's shapes, and crash-and-resume that loses and duplicates nothing."""

from __future__ import annotations

import csv
import json
import os
import random
import subprocess
import sys
from datetime import date

import duckdb
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tacitus.errors import TacitusError
from tacitus.export import GDELT_COLUMNS, ICEWS_COLUMNS, export
from tacitus.ingest.readers import read_path, sample_paths
from tacitus.records import Article, Mention, parse_published
from tacitus.store import open_store

BODY = "Rebels attacked an army checkpoint near Luhansk on Friday, the Ukrainian defence ministry said."


def _samples():
    for p in sample_paths():
        yield from read_path(p)


@pytest.fixture(scope="module")
def store_path(tmp_path_factory, pipeline):
    path = tmp_path_factory.mktemp("store") / "s.duckdb"
    with open_store(path) as store:
        store.ingest(_samples(), pipeline)
    return path


def table(con, name, drop=()):
    cur = con.execute(f"SELECT * FROM {name}")
    cols = [d[0] for d in cur.description]
    keep = [i for i, c in enumerate(cols) if c not in drop]
    return sorted(tuple(str(r[i]) for i in keep) for r in cur.fetchall())


def test_ingest_is_idempotent(tmp_path, pipeline):
    path = tmp_path / "a.duckdb"
    with open_store(path) as store:
        first = store.ingest(_samples(), pipeline)
        before = {t: table(store.con, t, ("coded_at",)) for t in ("articles", "mentions", "codings")}
        second = store.ingest(_samples(), pipeline)
        after = {t: table(store.con, t, ("coded_at",)) for t in ("articles", "mentions", "codings")}
    assert first.coded == len(sample_paths()) and first.mentions > 0
    assert second.coded == 0 and second.unchanged == len(sample_paths())
    assert before == after


def test_recode_replaces_an_articles_mentions_atomically(tmp_path, pipeline):
    path = tmp_path / "r.duckdb"
    with open_store(path) as store:
        store.ingest([Article(text=BODY, article_id="x1", published="2014-05-19")], pipeline)
        old = store.con.execute("SELECT count(*) FROM mentions WHERE article_id = 'x1'").fetchone()[0]
        new_text = "Ukraine accused Russia of shelling its border posts near Donetsk on Monday."
        store.ingest([Article(text=new_text, article_id="x1", published="2014-05-19")], pipeline)
        rows = store.con.execute("SELECT evidence_text FROM mentions WHERE article_id = 'x1'").fetchall()
        arts = store.con.execute("SELECT text FROM articles WHERE article_id = 'x1'").fetchall()
    assert old > 0 and rows and all(r[0] in new_text for r in rows)
    assert arts == [(new_text,)]


def test_skips_are_recorded_and_the_batch_goes_on(tmp_path, pipeline):
    items = [Article(text=BODY, article_id="ok", published="2014-05-19"),
             TacitusError("bad_record", "line 2: not JSON", article_id="in:2"),
             Article(text="   ", article_id="empty")]
    with open_store(tmp_path / "k.duckdb") as store:
        report = store.ingest(items, pipeline)
        skips = store.con.execute("SELECT article_id, code FROM skips ORDER BY 1").fetchall()
        assert store.counts()["articles"] == 1
    assert report.coded == 1 and report.skipped == 2
    assert skips == [("empty", "empty"), ("in:2", "bad_record")]


def test_read_only_store_that_does_not_exist_is_a_clear_error(tmp_path):
    with pytest.raises(TacitusError) as err:
        open_store(tmp_path / "missing.duckdb", read_only=True)
    assert err.value.code == "not_found"


def test_unknown_or_malformed_filters_are_refused(store_path):
    with open_store(store_path, read_only=True) as store:
        for bad in ({"colour": "red"}, {"root": "21"}, {"since": "yesterday"}, {"modality": "maybe"},
                    {"dyad": "RUS"}, {"source": "r'; drop table mentions; --"}, {"limit": "0"}):
            with pytest.raises(ValueError):
                store.query(**bad)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(source=st.sampled_from([None, "RUS", "UKR", "RUSGOV", "IGO"]),
       root=st.sampled_from([None, "01", "08", "19", "01,19"]),
       modality=st.sampled_from([None, "actual", "negated,planned"]),
       since=st.sampled_from([None, date(2014, 4, 1), date(2015, 1, 1)]),
       q=st.sampled_from([None, "said", "troops"]))
def test_filters_equal_python_filtering(store_path, source, root, modality, since, q):
    with open_store(store_path, read_only=True) as store:
        everything = store.query(limit=10000)
        got = {r["mention_id"] for r in store.query(source=source, root=root, modality=modality, since=since, q=q,
                                                      limit=10000)}

    def keep(r):
        if source and not ((len(source) == 3 and r["source_country"] == source)
                           or (r["source_code"] or "").startswith(source)):
            return False
        if root and r["cameo_root"] not in root.split(","):
            return False
        if modality and r["modality"] not in modality.split(","):
            return False
        if since and not (r["date_end"] and r["date_end"] >= since):
            return False
        return not (q and q.lower() not in r["evidence_text"].lower())

    assert got == {r["mention_id"] for r in everything if keep(r)}


def test_pagination_with_cursor_visits_every_row_once(store_path):
    with open_store(store_path, read_only=True) as store:
        total = store.counts()["mentions"]
        seen, cursor = [], None
        while True:
            page = store.query(limit=7, cursor=cursor)
            if not page:
                break
            seen.extend(r["mention_id"] for r in page)
            cursor = page[-1]["mention_id"]
    assert len(seen) == len(set(seen)) == total


def test_exports_have_the_fields_shapes(store_path, tmp_path):
    con = duckdb.connect(str(store_path), read_only=True)
    n = con.execute("SELECT count(*) FROM mentions").fetchone()[0]
    stored = [json.loads(r[0]) for r in con.execute("SELECT record FROM mentions").fetchall()]
    dyads = sum(len(Mention.from_dict(r).dyads()) for r in stored)
    assert dyads >= n  # compound actors and joint acts (both directions) give extra rows
    gd = tmp_path / "e.gdelt.tsv"
    assert export(con, "gdelt", str(gd)) == dyads  # GDELT: one row per dyad of a compound actor
    rows = list(csv.reader(gd.open(encoding="utf-8"), delimiter="\t"))
    assert len(rows) == dyads and all(len(r) == len(GDELT_COLUMNS) == 61 for r in rows)
    ukr = [r for r in rows if r[53] == "UP"]  # ActionGeo_CountryCode is FIPS: Ukraine is UP
    assert ukr and all(r[26] and r[28] == r[26][:2] for r in rows)
    ic = tmp_path / "e.icews.tsv"
    export(con, "icews", str(ic))
    rows = list(csv.reader(ic.open(encoding="utf-8"), delimiter="\t"))
    assert rows[0] == ICEWS_COLUMNS and len(rows) == n + 1 and all(len(r) == 20 for r in rows)
    js = tmp_path / "e.jsonl"
    export(con, "jsonl", str(js))
    recs = [json.loads(line) for line in js.read_text(encoding="utf-8").splitlines()]
    assert len(recs) == n and all(r["export"]["codebook"] == "CAMEO-1.1b3" for r in recs)
    po = tmp_path / "e.polecat.jsonl"
    m = export(con, "polecat", str(po))
    plover = [json.loads(line) for line in po.read_text(encoding="utf-8").splitlines()]
    types = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
             "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
    assert 0 < m < n and all(p["event_type"] in types and "source" in p["actors"] for p in plover)
    pq = tmp_path / "e.parquet"
    export(con, "parquet", str(pq))
    assert duckdb.connect().execute(f"SELECT count(*) FROM read_parquet('{pq}')").fetchone()[0] == n
    meta = json.loads((tmp_path / "e.parquet.meta.json").read_text())
    assert meta["rows"] == n and meta["kb_as_of"] and meta["tacitus"]
    con.close()


def test_compound_actors_one_gdelt_row_per_dyad_and_plover_lists(tmp_path, pipeline):
    text = "Estonia and Latvia condemned Russia and Belarus on Monday over the border incidents."
    path = tmp_path / "c.duckdb"
    with open_store(path) as store:
        store.ingest([Article(text=text, published=parse_published("2021-08-02"), source="Baltic Desk",
                              article_id="compound-1")], pipeline)
    con = duckdb.connect(str(path), read_only=True)
    rec = json.loads(con.execute("SELECT record FROM mentions WHERE cameo_code LIKE '11%'").fetchone()[0])
    assert [rec["source"]["country"]] + [a["country"] for a in rec["co_sources"]] == ["EST", "LVA"]
    assert [rec["target"]["country"]] + [a["country"] for a in rec["co_targets"]] == ["RUS", "BLR"]
    gd = tmp_path / "c.tsv"
    export(con, "gdelt", str(gd))
    rows = [r for r in csv.reader(gd.open(encoding="utf-8"), delimiter="\t") if r[26].startswith("11")]
    assert sorted((r[7], r[17]) for r in rows) == [("EST", "BLR"), ("EST", "RUS"), ("LVA", "BLR"), ("LVA", "RUS")]
    assert len({r[0] for r in rows}) == 4  # each dyad its own GlobalEventID
    po = tmp_path / "c.jsonl"
    export(con, "polecat", str(po))
    p = next(json.loads(line) for line in po.read_text(encoding="utf-8").splitlines()
             if json.loads(line)["cameo_code"].startswith("11"))
    assert [a["country"] for a in p["actors"]["source"]] == ["EST", "LVA"]
    assert [a["country"] for a in p["actors"]["target"]] == ["RUS", "BLR"]
    con.close()


def test_a_joint_act_gives_one_gdelt_row_per_direction(tmp_path, pipeline):
    path = tmp_path / "j.duckdb"
    with open_store(path) as store:
        store.ingest([Article(text="Chile and Peru signed a fisheries accord in Lima on Tuesday.",
                              published=parse_published("2019-03-06"), article_id="joint-1")], pipeline)
    con = duckdb.connect(str(path), read_only=True)
    gd = tmp_path / "j.tsv"
    export(con, "gdelt", str(gd))
    rows = [r for r in csv.reader(gd.open(encoding="utf-8"), delimiter="\t") if r[26].startswith("057")]
    assert sorted((r[7], r[17]) for r in rows) == [("CHL", "PER"), ("PER", "CHL")]
    con.close()


INGEST = """
import sys
from tacitus.demo import corpus_paths
from tacitus.ingest.readers import read_path
from tacitus.store import open_store
paths = [str(p) for p in corpus_paths()[:{n}]]
with open_store(sys.argv[1]) as store:
    store.ingest((a for p in paths for a in read_path(p)), batch_size=2)
"""


def _run_ingest(db, n, crash_after=None):
    env = dict(os.environ)
    env.pop("TACITUS_CRASH_AFTER_ROWS", None)
    if crash_after is not None:
        env["TACITUS_CRASH_AFTER_ROWS"] = str(crash_after)
    return subprocess.run([sys.executable, "-c", INGEST.format(n=n), str(db)], env=env, capture_output=True,
                          text=True, timeout=600)


def test_crash_and_resume_equals_an_uninterrupted_run(tmp_path):
    n = 8
    clean = tmp_path / "clean.duckdb"
    assert _run_ingest(clean, n).returncode == 0
    con = duckdb.connect(str(clean), read_only=True)
    total_rows = sum(con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("articles", "mentions",
                                                                                      "codings"))
    expected = {t: table(con, t, ("coded_at", "first_seen")) for t in ("articles", "mentions", "codings")}
    con.close()
    rng = random.Random(20141119)
    points = sorted(rng.sample(range(1, total_rows), 5))
    db = tmp_path / "crashy.duckdb"
    crashed = 0
    for point in points:
        result = _run_ingest(db, n, crash_after=point)
        crashed += result.returncode == 137
    assert crashed >= 3, "the fault injection should have killed most runs"
    assert _run_ingest(db, n).returncode == 0  # resume
    con = duckdb.connect(str(db), read_only=True)
    got = {t: table(con, t, ("coded_at", "first_seen")) for t in ("articles", "mentions", "codings")}
    con.close()
    assert got == expected


def test_demo_and_claims_commands(tmp_path):
    from click.testing import CliRunner

    from tacitus.cli import main

    db = str(tmp_path / "demo.duckdb")
    res = CliRunner().invoke(main, ["demo", "--db", db], catch_exceptions=False)
    assert res.exit_code == 0
    assert "64 articles from 8 outlets" in res.stdout and "linked into" in res.stdout
    assert "against the corpus gold" in res.stdout
    again = CliRunner().invoke(main, ["demo", "--db", db], catch_exceptions=False)
    assert "0 articles coded now, 64 already coded" in again.stdout
    res = CliRunner().invoke(main, ["claims", "--db", db, "--format", "json"], catch_exceptions=False)
    items = json.loads(res.stdout)
    assert items and {c["status"] for c in items} <= {"confirmed", "self_reported", "not_yet_observed",
                                                        "contradicted", "unverified"}
    assert any(c["status"] == "contradicted" for c in items)
    assert all(c["evidence"] and all(e["evidence_text"] for e in c["evidence"]) for c in items)
    res = CliRunner().invoke(main, ["query", "--db", db, "--dyad", "RUS-UKR", "--root", "08", "--format", "jsonl"],
                             catch_exceptions=False)
    recs = [json.loads(line) for line in res.stdout.splitlines() if line.strip()]
    assert recs and all(r["cameo"]["root"] == "08" and r["source"]["country"] == "RUS" for r in recs)


def test_recode_command_replaces_with_current_version(tmp_path, pipeline):
    from click.testing import CliRunner

    from tacitus import __version__
    from tacitus.cli import main

    db = tmp_path / "rc.duckdb"
    with open_store(db) as store:
        store.ingest(_samples(), pipeline)
        store.con.execute("UPDATE codings SET pipeline_version = '0.0.1'")
        store.con.execute("DELETE FROM mentions WHERE cameo_root = '01'")
        n_before = store.counts()["mentions"]
    res = CliRunner().invoke(main, ["recode", "--db", str(db)], catch_exceptions=False)
    assert res.exit_code == 0 and "0.0.1" in res.stdout and f"now {__version__}" in res.stdout
    with open_store(db) as store:
        assert store.counts()["mentions"] > n_before
        assert store.con.execute("SELECT DISTINCT pipeline_version FROM codings").fetchall() == [(__version__,)]


def test_outlet_registry_can_be_edited(tmp_path):
    from click.testing import CliRunner

    from tacitus.cli import main

    db = tmp_path / "o.duckdb"
    open_store(db).close()
    tsv = tmp_path / "outlets.tsv"
    tsv.write_text("outlet\tcountry\tstate_affiliated\twire\tnote\nSteppe Wire\t\tfalse\ttrue\twire\n"
                   "Kremlin TV\tRUS\ttrue\tfalse\tstate\n", encoding="utf-8")
    res = CliRunner().invoke(main, ["outlets", "--db", str(db), "--load", str(tsv)], catch_exceptions=False)
    assert res.exit_code == 0 and "Kremlin TV\tRUS\ttrue\tfalse\tstate" in res.stdout
    tsv.write_text("outlet\tcountry\tstate_affiliated\twire\tnote\nKremlin TV\tRUS\tfalse\tfalse\trelabelled\n",
                   encoding="utf-8")
    res = CliRunner().invoke(main, ["outlets", "--db", str(db), "--load", str(tsv)], catch_exceptions=False)
    assert "Kremlin TV\tRUS\tfalse\tfalse\trelabelled" in res.stdout and "Steppe Wire" in res.stdout
