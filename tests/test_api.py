"""The HTTP API with an in-process client on a store built from the demo corpus: filters equal the
store's own queries, unknown or malformed parameters get a 400 with one error body, 404s, extract."""

from __future__ import annotations

import pytest
import schemathesis
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tacitus.api.app import create_app
from tacitus.demo import corpus_paths, load_outlets
from tacitus.ingest.readers import read_path
from tacitus.store import open_store


@pytest.fixture(scope="module")
def db_path(tmp_path_factory, pipeline):
    db = tmp_path_factory.mktemp("api") / "api.duckdb"
    with open_store(db) as store:
        load_outlets(store.con)
        store.ingest((a for p in corpus_paths()[:24] for a in read_path(p)), pipeline)
        store.link()
    return db


@pytest.fixture(scope="module")
def client(db_path):
    app = create_app(str(db_path))
    with TestClient(app) as c:
        yield c
    app.state.store.close()


@pytest.fixture()
def fresh(db_path, tmp_path):
    """A client on a copy of the store, for tests that write reviews."""
    copy = tmp_path / "copy.duckdb"
    copy.write_bytes(db_path.read_bytes())
    app = create_app(str(copy))
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
    ("/api/mentions", {"plover": "FIGHT"}, "bad_parameter"),
    ("/api/mentions", {"country": "Ukraine"}, "bad_parameter"),
    ("/api/mentions", {"q": "x" * 201}, "bad_parameter"),
    ("/api/mentions", {"review": "maybe"}, "bad_parameter"),
    ("/api/events", {"plover": "FIGHT"}, "bad_parameter"),
    ("/api/events", {"modality": "likely"}, "bad_parameter"),
    ("/api/events", {"corroboration": "rumoured"}, "bad_parameter"),
    ("/api/events", {"country": "U"}, "bad_parameter"),
    ("/api/events", {"root": "99"}, "bad_parameter"),
    ("/api/events", {"dyad": "RUS"}, "bad_parameter"),
    ("/api/events", {"since": "2014-13-01"}, "bad_parameter"),
    ("/api/events", {"colour": "red"}, "unknown_parameter"),
    ("/api/series", {"dyad": "RUS-UKR", "dedup": "maybe"}, "bad_parameter"),
    ("/api/series", {"dyad": "RUS-UKR", "freq": "year"}, "bad_parameter"),
    ("/api/series", {"dyad": "RUS-UKR", "since": "soon"}, "bad_parameter"),
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


def test_concurrent_requests_never_fail(fresh):
    """The dashboard sends its requests in parallel, and reviews arrive while it reads: the server
    answers them from several threads (a DuckDB connection shared between threads once gave 500s)."""
    import threading

    mid = fresh.get("/api/mentions", params={"limit": 1}).json()["items"][0]["mention_id"]
    urls = ["/api/events?limit=10000", "/api/mentions?limit=10000", "/api/claims", "/api/alerts?freq=week",
            "/api/stats", "/api/series?dyad=RUS-UKR&freq=week", "/api/series?dyad=UKR-RUS&freq=week"]
    statuses: list[int] = []

    def get(url: str) -> None:
        statuses.append(fresh.get(url).status_code)

    def review(verdict: str) -> None:
        statuses.append(fresh.post(f"/api/mentions/{mid}/review", json={"verdict": verdict}).status_code)

    for round_ in range(12):
        threads = [threading.Thread(target=get, args=(u,)) for u in urls]
        threads.append(threading.Thread(target=review, args=("wrong" if round_ % 2 else "correct",)))
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    assert len(statuses) == 12 * (len(urls) + 1) and set(statuses) == {200}


def test_extract_stores_nothing(client):
    before = client.app.state.store.counts()["mentions"]
    r = client.post("/api/extract", json={"text": "Rebels attacked an army checkpoint near Luhansk on Friday.",
                                          "published": "2014-05-19"})
    assert r.status_code == 200 and r.json()["mentions"]
    assert client.app.state.store.counts()["mentions"] == before
    assert_error(client.post("/api/extract", json={"published": "2014-05-19"}), 400, "invalid")
    assert_error(client.post("/api/extract", json={"text": "   "}), 400, "empty")
    assert_error(client.post("/api/extract", json={"text": "x" * 100_001}), 413, "too_large")


def _events(client, **params):
    return client.get("/api/events", params={"limit": 10000} | params).json()["items"]


def test_unknown_routes_have_the_same_error_body(client):
    assert_error(client.get("/api/nothing"), 404, "not_found")
    assert_error(client.delete("/api/events"), 405, "method_not_allowed")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(plover=st.sampled_from([None, "RETREAT", "ASSAULT", "RETREAT,MOBILIZE"]),
       modality=st.sampled_from([None, "planned", "actual", "negated,planned"]),
       corroboration=st.sampled_from([None, "confirmed", "contradicted,self_reported"]),
       country=st.sampled_from([None, "UKR", "RUS,UKR"]),
       q=st.sampled_from([None, "troops", "border"]),
       dyad=st.sampled_from([None, "RUS-UKR"]))
def test_event_filters_equal_python_filtering(client, plover, modality, corroboration, country, q, dyad):
    params = {k: v for k, v in dict(plover=plover, modality=modality, corroboration=corroboration,
                                    country=country, q=q, dyad=dyad).items() if v is not None}
    got = {e["event_id"] for e in _events(client, **params)}
    everything = _events(client)
    store = client.app.state.store
    ms: dict[str, list[dict]] = {}
    for eid, ptype, mod, text in store.con.execute(
            "SELECT l.event_id, m.plover_type, m.modality, m.evidence_text FROM mention_events l "
            "JOIN mentions m USING (mention_id)").fetchall():
        ms.setdefault(eid, []).append({"plover": ptype, "modality": mod, "text": text})

    def matches(m):  # the mention filters hold together on one mention (docs/API.md)
        return (not plover or m["plover"] in plover.split(",")) and \
            (not modality or m["modality"] in modality.split(",")) and (not q or q.lower() in m["text"].lower())

    def keep(e):
        mine = ms.get(e["event_id"], [])
        if (plover or modality or q) and not any(matches(m) for m in mine):
            return False
        if corroboration and e["status"] not in corroboration.split(","):
            return False
        if country and e["place_country"] not in country.split(","):
            return False
        return not (dyad and f"{e['source_side']}-{e['target_side']}" != dyad)

    assert got == {e["event_id"] for e in everything if keep(e)}


@pytest.mark.parametrize("name,value", [("plover", "RETREAT"), ("modality", "planned"), ("country", "UKR"),
                                        ("q", "troops"), ("review", "all")])
def test_mention_filters_equal_the_store(client, name, value):
    got = {m["mention_id"] for m in client.get("/api/mentions", params={name: value, "limit": 10000}).json()["items"]}
    assert got == {r["mention_id"] for r in client.app.state.store.query(**{name: value, "limit": 10000})}


def test_events_carry_places_only_at_city_or_admin1_precision(client):
    for e in _events(client):
        p = e["place"]
        if p is not None and p["precision"] == "country":
            assert p["lat"] is None and p["lon"] is None
        if p is not None and p["precision"] in ("city", "admin1"):
            assert p["lat"] is not None and p["lon"] is not None


def _withdrawal(client):
    items = _events(client, dyad="RUS-UKR", code="087")
    return max(items, key=lambda e: (e["n_mentions"], e["event_id"]))


def test_review_a_mention_wrong_and_back(fresh):
    ev = _withdrawal(fresh)
    detail = fresh.get(f"/api/events/{ev['event_id']}").json()
    m = detail["mentions"][0]
    assert m["review"] is None and m["verified"] is False and m["spans"]
    r = fresh.post(f"/api/mentions/{m['mention_id']}/review", json={"verdict": "wrong", "note": "misread"})
    assert r.status_code == 200 and r.json()["review"]["verdict"] == "wrong" and not r.json()["verified"]
    assert r.json()["events"][0]["n_mentions"] == ev["n_mentions"] - 1
    ids = {x["mention_id"] for x in fresh.get("/api/mentions", params={"limit": 10000}).json()["items"]}
    assert m["mention_id"] not in ids
    again = fresh.get(f"/api/events/{ev['event_id']}").json()
    flagged = [x for x in again["mentions"] if x["mention_id"] == m["mention_id"]][0]
    assert flagged["review"]["verdict"] == "wrong" and again["event"]["n_wrong"] == 1
    assert fresh.get("/api/stats").json()["reviews"] == {"correct": 0, "wrong": 1}
    r = fresh.post(f"/api/mentions/{m['mention_id']}/review", json={"verdict": "correct"})
    assert r.json()["verified"] is True
    assert fresh.get(f"/api/events/{ev['event_id']}").json()["event"]["n_mentions"] == ev["n_mentions"]
    assert len(fresh.get("/api/reviews").json()["reviews"]) == 2


def test_review_errors(fresh):
    assert_error(fresh.post("/api/mentions/m-none/review", json={"verdict": "wrong"}), 404, "not_found")
    mid = fresh.get("/api/mentions", params={"limit": 1}).json()["items"][0]["mention_id"]
    assert_error(fresh.post(f"/api/mentions/{mid}/review", json={"verdict": "maybe"}), 400, "invalid")
    assert_error(fresh.post(f"/api/mentions/{mid}/review", json={}), 400, "invalid")
    assert_error(fresh.post(f"/api/mentions/{mid}/review", json={"verdict": "wrong", "note": "x" * 2001}),
                 400, "invalid")


def test_merge_and_split_events(fresh):
    evs = sorted(_events(fresh), key=lambda e: (-e["n_mentions"], e["event_id"]))
    a, b = evs[0], evs[1]
    r = fresh.post(f"/api/events/{a['event_id']}/merge", json={"event_ids": [b["event_id"]], "note": "same"})
    assert r.status_code == 200, r.text
    merged = r.json()
    assert merged["event"]["event_id"] == a["event_id"]
    assert merged["event"]["n_mentions"] == a["n_mentions"] + b["n_mentions"]
    assert_error(fresh.get(f"/api/events/{b['event_id']}"), 404, "not_found")
    moving = [m["mention_id"] for m in merged["mentions"][:2]]
    r = fresh.post(f"/api/events/{a['event_id']}/split", json={"mention_ids": moving})
    assert r.status_code == 200, r.text
    body = r.json()
    assert {m["mention_id"] for m in body["new_event"]["mentions"]} == set(moving)
    assert body["event"]["event"]["n_mentions"] == a["n_mentions"] + b["n_mentions"] - 2
    edits = fresh.get("/api/reviews").json()["cluster_edits"]
    assert [e["kind"] for e in edits] == ["split", "merge"]


def test_merge_and_split_errors(fresh):
    evs = _events(fresh)
    a = evs[0]["event_id"]
    assert_error(fresh.post("/api/events/none/merge", json={"event_ids": [a]}), 404, "not_found")
    assert_error(fresh.post(f"/api/events/{a}/merge", json={"event_ids": ["none"]}), 404, "not_found")
    assert_error(fresh.post(f"/api/events/{a}/merge", json={"event_ids": [a]}), 400, "bad_parameter")
    assert_error(fresh.post(f"/api/events/{a}/merge", json={"event_ids": []}), 400, "invalid")
    mine = [m["mention_id"] for m in fresh.get(f"/api/events/{a}").json()["mentions"]]
    assert_error(fresh.post(f"/api/events/{a}/split", json={"mention_ids": mine}), 400, "bad_parameter")
    assert_error(fresh.post(f"/api/events/{a}/split", json={"mention_ids": ["m-other"]}), 400, "bad_parameter")


# -- the OpenAPI schema fuzzed: whatever comes in, never a 500 ---------------------------------------


@pytest.fixture(scope="module")
def fuzz_schema(db_path, tmp_path_factory):
    copy = tmp_path_factory.mktemp("fuzz") / "fuzz.duckdb"
    copy.write_bytes(db_path.read_bytes())  # the fuzzer posts reviews, merges and splits
    app = create_app(str(copy))
    yield schemathesis.openapi.from_asgi("/openapi.json", app)
    app.state.store.close()


fuzzed = schemathesis.pytest.from_fixture("fuzz_schema")


@fuzzed.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_fuzzed_requests_never_get_a_500(case):
    response = case.call()
    assert response.status_code < 500, (case.method, case.path, case.query, case.body, response.text[:500])
    if 400 <= response.status_code < 500:
        body = response.json()
        assert set(body) == {"error"} and set(body["error"]) == {"code", "message", "parameter"}, body
