"""The HTTP API with an in-process client on a store built from the demo corpus: filters equal the
store's own queries, unknown or malformed parameters get a 400 with one error body, 404s, extract."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from tacitus.api.app import create_app
from tacitus.demo import corpus_paths, load_outlets
from tacitus.ingest.readers import read_path
from tacitus.store import open_store


@pytest.fixture(scope="module")
def client(tmp_path_factory, pipeline):
    db = tmp_path_factory.mktemp("api") / "api.duckdb"
    with open_store(db) as store:
        load_outlets(store.con)
        store.ingest((a for p in corpus_paths()[:24] for a in read_path(p)), pipeline)
        store.link()
    app = create_app(str(db))
    with TestClient(app) as c:
        yield c
    app.state.store.close()


def assert_error(resp, status, code=None):
    assert resp.status_code == status, resp.text
    body = resp.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message", "parameter"}
    if code:
        assert body["error"]["code"] == code


def test_mentions_filters_match_the_store(client):
    r = client.get("/api/mentions", params={"source": "RUS", "limit": 500})
    assert r.status_code == 200
    items = r.json()["items"]
    assert items and all(m["source"]["country"] == "RUS" or m["source"]["code"].startswith("RUS") for m in items)
    store = client.app.state.store
    assert {m["mention_id"] for m in items} == {row["mention_id"] for row in store.query(source="RUS", limit=500)}


def test_cursor_pagination(client):
    seen, cursor = [], None
    for _ in range(100):
        params = {"limit": 25} | ({"cursor": cursor} if cursor else {})
        body = client.get("/api/mentions", params=params).json()
        seen += [m["mention_id"] for m in body["items"]]
        cursor = body["next_cursor"]
        if cursor is None:
            break
    assert len(seen) == len(set(seen)) == client.app.state.store.counts()["mentions"]


@pytest.mark.parametrize("path,params,code", [
    ("/api/mentions", {"colour": "red"}, "unknown_parameter"),
    ("/api/mentions", {"root": "99"}, "bad_parameter"),
    ("/api/mentions", {"since": "soon"}, "bad_parameter"),
    ("/api/events", {"status": "maybe"}, "bad_parameter"),
    ("/api/events", {"limit": "0"}, "bad_parameter"),
    ("/api/series", {}, "missing_parameter"),
    ("/api/series", {"dyad": "RUSSIA"}, "bad_parameter"),
    ("/api/claims", {"status": "true"}, "bad_parameter"),
])
def test_bad_requests_get_one_error_body(client, path, params, code):
    assert_error(client.get(path, params=params), 400, code)


def test_event_detail_and_404(client):
    events = client.get("/api/events", params={"limit": 5}).json()["items"]
    assert events
    detail = client.get(f"/api/events/{events[0]['event_id']}").json()
    assert detail["mentions"] and detail["event"]["n_mentions"] == len(detail["mentions"])
    assert_error(client.get("/api/events/nope"), 404, "not_found")


def test_article_with_spans(client):
    m = client.get("/api/mentions", params={"limit": 1}).json()["items"][0]
    body = client.get(f"/api/articles/{m['article_id']}").json()
    text = body["article"]["text"]
    assert body["spans"] and all(0 <= s["start"] < s["end"] <= len(text) for s in body["spans"])
    assert_error(client.get("/api/articles/none"), 404, "not_found")


def test_series_claims_alerts_stats(client):
    assert client.get("/api/series", params={"dyad": "RUS-UKR", "freq": "month"}).status_code == 200
    claims = client.get("/api/claims").json()["items"]
    assert claims and all(c["evidence"] for c in claims)
    assert client.get("/api/alerts").status_code == 200
    stats = client.get("/api/stats").json()
    assert stats["mentions"]["mentions"] > 0 and stats["articles_per_day"]


def test_extract_stores_nothing(client):
    before = client.app.state.store.counts()["mentions"]
    r = client.post("/api/extract", json={"text": "Rebels attacked an army checkpoint near Luhansk on Friday.",
                                          "published": "2014-05-19"})
    assert r.status_code == 200 and r.json()["mentions"]
    assert client.app.state.store.counts()["mentions"] == before
    assert_error(client.post("/api/extract", json={"published": "2014-05-19"}), 400, "invalid")
    assert_error(client.post("/api/extract", json={"text": "   "}), 400, "empty")
    assert_error(client.post("/api/extract", json={"text": "x" * 100_001}), 413, "too_large")
