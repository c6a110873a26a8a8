"""Analyst review in the store: schema v3 migrates older files, verdicts and cluster edits are kept
apart from machine output, survive recode and re-linking, and apply to queries, events, series and
exports; only a person's review makes a mention verified."""

from __future__ import annotations

import json

import duckdb
import pytest

from tacitus.demo import corpus_paths, load_outlets
from tacitus.export import export
from tacitus.ingest.readers import read_path
from tacitus.store import open_store
from tacitus.store.analysis import series
from tacitus.store.schema import MIGRATIONS, SCHEMA_VERSION, current_version, has_reviews


def _articles(n=None):
    paths = corpus_paths() if n is None else corpus_paths()[:n]
    return (a for p in paths for a in read_path(p))


@pytest.fixture(scope="module")
def built(tmp_path_factory, pipeline):
    """A store of the demo corpus articles up to mid-April 2014 (the first announced withdrawal)."""
    path = tmp_path_factory.mktemp("review") / "r.duckdb"
    with open_store(path) as store:
        load_outlets(store.con)
        store.ingest(_articles(20), pipeline)
        store.link()
    return path


@pytest.fixture()
def store(built, tmp_path):
    copy = tmp_path / "copy.duckdb"
    copy.write_bytes(built.read_bytes())
    with open_store(copy) as st:
        yield st


def _withdrawal(con):
    """The RUS→UKR announced withdrawal (base code 087) with the most mentions."""
    return con.execute("SELECT event_id, n_mentions, status FROM events WHERE source_side = 'RUS' AND "
                       "target_side = 'UKR' AND base_code = '087' ORDER BY n_mentions DESC, event_id").fetchone()


def _event_mentions(con, event_id):
    return [r[0] for r in con.execute("SELECT mention_id FROM mention_events WHERE event_id = ? ORDER BY mention_id",
                                      [event_id]).fetchall()]


def test_a_version_2_file_migrates_to_3_and_keeps_its_rows(tmp_path):
    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    for v in (1, 2):
        for stmt in MIGRATIONS[v]:
            con.execute(stmt)
    con.execute("INSERT INTO meta VALUES ('schema_version', '2')")
    con.execute("INSERT INTO articles (article_id, content_hash, text) VALUES ('a1', 'h', 'text')")
    con.close()
    with open_store(path, read_only=True) as st:  # read-only: not migrated, queries still work
        assert not has_reviews(st.con) and st.query() == []
    with open_store(path) as st:
        assert current_version(st.con) == SCHEMA_VERSION == 3 and has_reviews(st.con)
        assert st.counts()["articles"] == 1
        assert st.con.execute("SELECT count(*) FROM reviews").fetchone()[0] == 0
    with open_store(path) as st:  # migrating again changes nothing
        assert current_version(st.con) == 3


def test_machine_output_is_never_verified(store):
    assert store.con.execute("SELECT count(*) FROM reviews").fetchone()[0] == 0
    assert store.verdicts(r["mention_id"] for r in store.query(limit=10000)) == {}


def test_a_wrong_mention_leaves_queries_and_event_counts(store):
    event_id, n, _ = _withdrawal(store.con)
    mid = _event_mentions(store.con, event_id)[0]
    total = len(store.query(limit=10000))
    v = store.review(mid, "wrong", "not a withdrawal", "tester")
    assert v["verdict"] == "wrong" and v["note"] == "not a withdrawal"
    assert mid not in {r["mention_id"] for r in store.query(limit=10000)}
    assert len(store.query(limit=10000)) == total - 1
    assert [r["mention_id"] for r in store.query(review="wrong")] == [mid]
    assert len(store.query(review="all", limit=10000)) == total
    assert store.con.execute("SELECT n_mentions FROM events WHERE event_id = ?", [event_id]).fetchone()[0] == n - 1
    assert mid in _event_mentions(store.con, event_id)  # the link is kept (flagged), the count drops
    # the newest verdict wins; the old one stays as history
    store.review(mid, "correct", "on second reading it is")
    assert store.verdicts([mid])[mid]["verdict"] == "correct"
    assert [r["mention_id"] for r in store.query(review="correct")] == [mid]
    assert store.con.execute("SELECT n_mentions FROM events WHERE event_id = ?", [event_id]).fetchone()[0] == n
    assert store.con.execute("SELECT count(*) FROM reviews WHERE mention_id = ?", [mid]).fetchone()[0] == 2


def test_reviewing_a_missing_mention_or_a_bad_verdict_is_refused(store):
    with pytest.raises(LookupError):
        store.review("m-none", "wrong")
    with pytest.raises(ValueError):
        store.review(store.query(limit=1)[0]["mention_id"], "maybe")
    with pytest.raises(ValueError):
        store.query(review="sometimes")


def test_corroboration_is_recomputed_without_wrong_mentions(store):
    event_id, _, status = _withdrawal(store.con)
    rows = store.con.execute(
        "SELECT m.mention_id, m.modality FROM mention_events l JOIN mentions m USING (mention_id) "
        "WHERE l.event_id = ?", [event_id]).fetchall()
    against = [m for m, mod in rows if mod == "negated"]
    assert status == "contradicted" and against
    for m in against:
        store.review(m, "wrong")
    assert store.con.execute("SELECT status FROM events WHERE event_id = ?", [event_id]).fetchone()[0] \
        == "self_reported"


def test_reviews_survive_recode_and_relinking(store, pipeline):
    event_id, n, _ = _withdrawal(store.con)
    mid = _event_mentions(store.con, event_id)[0]
    store.review(mid, "wrong", "checked by hand")
    rows = store.con.execute("SELECT article_id, text, title, published, outlet, url FROM articles").fetchall()
    from tacitus.records import Article

    store.ingest((Article(text=t, title=ti, published=p, source=o, url=u, article_id=a) for a, t, ti, p, o, u in rows),
                 pipeline, force=True)
    store.link()
    assert store.verdicts([mid])[mid]["note"] == "checked by hand"
    assert mid not in {r["mention_id"] for r in store.query(limit=10000)}
    event_id2, n2, _ = _withdrawal(store.con)
    assert (event_id2, n2) == (event_id, n - 1)


def test_merge_and_split_survive_relinking(store):
    ev = store.con.execute("SELECT event_id FROM events WHERE n_mentions >= 3 ORDER BY event_id").fetchall()
    a, b = ev[0][0], ev[1][0]
    ma, mb = _event_mentions(store.con, a), _event_mentions(store.con, b)
    merged = store.edit_cluster("merge", a, ma + mb, "same act")
    assert merged == a and sorted(_event_mentions(store.con, a)) == sorted(ma + mb)
    assert store.con.execute("SELECT count(*) FROM events WHERE event_id = ?", [b]).fetchone()[0] == 0
    assert store.con.execute("SELECT n_mentions FROM events WHERE event_id = ?", [a]).fetchone()[0] == len(ma + mb)
    new = store.edit_cluster("split", a, mb[:1], "different act")
    assert new != a and _event_mentions(store.con, new) == mb[:1]
    before = sorted(store.con.execute("SELECT * FROM mention_events").fetchall())
    store.link()  # machine re-link, then the edits again: the same clusters
    assert sorted(store.con.execute("SELECT * FROM mention_events").fetchall()) == before
    assert store.con.execute("SELECT n_mentions FROM events WHERE event_id = ?", [new]).fetchone()[0] == 1


def test_series_and_exports_leave_wrong_mentions_out(store, tmp_path):
    rows = store.query(dyad="RUS-UKR", modality="actual", limit=10000)
    dated = [r for r in rows if r["date_start"] is not None]
    assert dated
    before = sum(r["count"] for r in series(store.con, "RUS-UKR", "month"))
    store.review(dated[0]["mention_id"], "wrong")
    assert sum(r["count"] for r in series(store.con, "RUS-UKR", "month")) == before - 1
    ok = [r for r in dated[1:]][0]["mention_id"]
    store.review(ok, "correct")
    out = tmp_path / "e.jsonl"
    n = export(store.con, "jsonl", str(out))
    recs = {r["mention_id"]: r for r in map(json.loads, out.read_text(encoding="utf-8").splitlines())}
    assert n == len(recs) == store.counts()["mentions"] - 1 and dated[0]["mention_id"] not in recs
    assert recs[ok]["verified"] is True and recs[ok]["review"]["verdict"] == "correct"
    assert sum(r["verified"] for r in recs.values()) == 1
    assert export(store.con, "jsonl", str(out), include_wrong=True) == n + 1
    csv_out = tmp_path / "e.csv"
    assert export(store.con, "csv", str(csv_out)) == n
    assert csv_out.read_text(encoding="utf-8").splitlines()[0].endswith("review_verdict,verified")
    pq = tmp_path / "e.parquet"
    assert export(store.con, "parquet", str(pq)) == n
    assert duckdb.connect().execute(f"SELECT count(*) FILTER (WHERE verified) FROM read_parquet('{pq}')"
                                    ).fetchone()[0] == 1
