"""The HTTP API: a thin FastAPI view over the store (OpenAPI at /docs), and the dashboard at ``/``.

One writer: the server process owns the DuckDB file (one connection, a cursor per request), so it
keeps answering while it is the only process that writes. Every 4xx has one JSON body,
``{"error": {"code", "message", "parameter"}}``; a 4xx comes only from validation. An unexpected
exception is a 500 (and a failing test), never hidden by a blanket handler.

Analyst review: ``POST /api/mentions/{id}/review`` (correct or wrong, with a note) and
``POST /api/events/{id}/merge`` / ``/split`` are stored apart from machine output (schema version 3)
and applied to events, queries, series and exports; a mention is ``verified`` only when a person
reviewed it correct.
"""

from __future__ import annotations

import json
import threading
from datetime import date
from pathlib import Path
from typing import Any, Literal

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..records import MODALITIES
from ..store import open_store
from ..store.query import FILTERS as MENTION_FILTER_LIST
from ..store.query import MAX_Q, plover_types
from ..store.query import NAMES as MENTION_FILTERS
from ..store.schema import has_reviews

MAX_EXTRACT_CHARS = 100_000
STATUSES = ("confirmed", "self_reported", "not_yet_observed", "contradicted", "unverified")
STATIC = Path(__file__).resolve().parents[1] / "web" / "static"
EVENT_FILTER_HELP = {
    "source": "source side: country (RUS) or organisation code (IGOWSTNAT)",
    "target": "target side: country or organisation code",
    "dyad": "SOURCE-TARGET, e.g. RUS-UKR (directed)",
    "root": "CAMEO root, two digits (08); several comma-separated",
    "code": "CAMEO base code prefix (087)",
    "plover": "an event with a mention of this PLOVER type (ASSAULT); several comma-separated",
    "modality": "an event with a mention of this modality (planned); comma-separated",
    "corroboration": "corroboration status: " + ", ".join(STATUSES) + "; several comma-separated",
    "status": "the same as corroboration (older name)",
    "since": "event's last date on or after (YYYY-MM-DD)",
    "until": "event's first date on or before (YYYY-MM-DD)",
    "country": "country of the event's place (ISO-3); several comma-separated",
    "q": "text in the evidence sentence of one of its mentions (case-insensitive)",
    "review": "hide_wrong (default: leave out events whose every mention a person reviewed wrong) or all",
    "limit": "at most this many events (default 100, max 10000)",
    "cursor": "continue after this event_id (keyset pagination)",
}
EVENT_FILTERS = set(EVENT_FILTER_HELP)


class ApiError(Exception):
    def __init__(self, status: int, code: str, message: str, parameter: str | None = None) -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.parameter = status, code, message, parameter


def error_body(code: str, message: str, parameter: str | None = None) -> dict[str, Any]:
    return {"error": {"code": code, "message": message, "parameter": parameter}}


def _bad(parameter: str, message: str) -> ApiError:
    return ApiError(400, "bad_parameter", message, parameter)


class ExtractRequest(BaseModel):
    text: str = Field(..., description="Article text")
    published: date | None = Field(None, description="Publication date (ISO)")
    title: str | None = None
    source: str | None = None
    url: str | None = None


class ReviewRequest(BaseModel):
    verdict: Literal["correct", "wrong"] = Field(..., description="A person's verdict on the mention")
    note: str | None = Field(None, max_length=2000, description="Why (free text)")
    reviewer: str | None = Field(None, max_length=200, description="Who reviewed")


class MergeRequest(BaseModel):
    event_ids: list[str] = Field(..., min_length=1, max_length=50,
                                 description="Events to merge into this one")
    note: str | None = Field(None, max_length=2000)
    reviewer: str | None = Field(None, max_length=200)


class SplitRequest(BaseModel):
    mention_ids: list[str] = Field(..., min_length=1, max_length=1000,
                                   description="Mentions of this event to move into an event of their own")
    note: str | None = Field(None, max_length=2000)
    reviewer: str | None = Field(None, max_length=200)


def _params(request: Request, allowed: set[str]) -> dict[str, str]:
    unknown = sorted(set(request.query_params) - allowed)
    if unknown:
        raise ApiError(400, "unknown_parameter", f"unknown parameter(s): {', '.join(unknown)}; "
                       f"known: {', '.join(sorted(allowed))}", unknown[0])
    for key in request.query_params:
        if len(request.query_params.getlist(key)) > 1:
            raise _bad(key, f"{key}: given more than once")
        if "\x00" in request.query_params[key]:
            raise _bad(key, f"{key}: contains a NUL character")
    # an empty value (``?since=``) is the parameter left out, as on the command line
    return {k: v for k, v in request.query_params.items() if v != ""}


def _query_doc(help_by_name: dict[str, str]) -> dict[str, Any]:
    """OpenAPI parameters for an endpoint that reads its query string itself (to refuse unknown names)."""
    return {"parameters": [{"name": n, "in": "query", "required": False, "description": h,
                            "schema": {"type": "string"}} for n, h in help_by_name.items()]}


def _rows(cur: Any) -> list[dict[str, Any]]:
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r)) for r in cur.fetchall()]


def _jsonable(value: Any) -> Any:
    return json.loads(json.dumps(value, default=str))


def _date(p: dict[str, str], key: str) -> date | None:
    if key not in p:
        return None
    try:
        return date.fromisoformat(p[key])
    except ValueError as exc:
        raise _bad(key, f"{key}: not a date (YYYY-MM-DD)") from exc


def _list(p: dict[str, str], key: str, allowed: Any, upper: bool = False) -> list[str] | None:
    if key not in p:
        return None
    values = [v.strip().upper() if upper else v.strip() for v in p[key].split(",")]
    bad = [v for v in values if v not in allowed]
    if bad:
        raise _bad(key, f"{key}: unknown {bad}; one of {', '.join(sorted(allowed))}")
    return values


def mention_spans(m: dict[str, Any]) -> list[dict[str, Any]]:
    """The article spans of a mention's action, actors, date and place (offsets into the article)."""
    spans = [{"kind": "action", "start": m["trigger"]["start"], "end": m["trigger"]["end"],
              "mention_id": m["mention_id"], "code": m["cameo"]["code"]}]
    for role in ("source", "target"):
        if m[role] and m[role].get("start") is not None:
            spans.append({"kind": role, "start": m[role]["start"], "end": m[role]["end"],
                          "mention_id": m["mention_id"], "code": m[role]["code"]})
    if m["date"].get("span_start") is not None:
        spans.append({"kind": "date", "start": m["date"]["span_start"], "end": m["date"]["span_end"],
                      "mention_id": m["mention_id"], "value": m["date"]["start"]})
    if m["place"] and m["place"].get("start") is not None:
        spans.append({"kind": "place", "start": m["place"]["start"], "end": m["place"]["end"],
                      "mention_id": m["mention_id"], "name": m["place"]["name"]})
    return spans


def create_app(db: str) -> FastAPI:
    app = FastAPI(title="Tacitus", version=__version__,
                  description="Coded news events: who did what to whom, when and where, who says so.")
    store = open_store(db)
    app.state.store = store
    write_lock = threading.Lock()  # reviews and cluster edits: one at a time

    @app.exception_handler(ApiError)
    async def api_error(_: Request, exc: ApiError) -> JSONResponse:
        return JSONResponse(error_body(exc.code, exc.message, exc.parameter), status_code=exc.status)

    @app.exception_handler(RequestValidationError)
    async def validation_error(_: Request, exc: RequestValidationError) -> JSONResponse:
        first = exc.errors()[0] if exc.errors() else {}
        loc = [str(x) for x in first.get("loc", []) if x not in ("body", "query", "path")]
        return JSONResponse(error_body("invalid", first.get("msg", "invalid request"), ".".join(loc) or None),
                            status_code=400)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        # routing's own 4xx (no such path, wrong method) in the same body as every other 4xx
        code = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "http_error")
        return JSONResponse(error_body(code, str(exc.detail)), status_code=exc.status_code,
                            headers=getattr(exc, "headers", None))

    def cursor() -> Any:
        return store.con.cursor()

    has_review_tables = has_reviews(store.con)  # the server migrates its store: true unless read-only

    def reviewed() -> bool:
        return has_review_tables

    def annotate(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Add each mention's newest verdict and ``verified`` (a person said correct)."""
        verdicts = store.verdicts(m["mention_id"] for m in items)
        for m in items:
            v = verdicts.get(m["mention_id"])
            m["review"] = _jsonable(v) if v else None
            m["verified"] = bool(v and v["verdict"] == "correct")
        return items

    # -- mentions ------------------------------------------------------------------------------
    @app.get("/api/mentions", openapi_extra=_query_doc({f.name: f.help for f in MENTION_FILTER_LIST}))
    def mentions(request: Request) -> dict[str, Any]:
        """Mentions matching the filters (the CLI's names); mentions reviewed wrong are left out unless
        ``review`` asks for them. Each carries ``review`` and ``verified``."""
        from ..store.query import build

        params = _params(request, MENTION_FILTERS)
        try:
            sql, args = build(reviews=reviewed(), **params)
        except ValueError as exc:
            raise _bad(str(exc).split(":")[0], str(exc)) from exc
        rows = _rows(cursor().execute(sql, args))
        items = annotate([json.loads(r["record"]) for r in rows])
        limit = int(params.get("limit", 100))
        return {"items": items, "next_cursor": rows[-1]["mention_id"] if len(rows) == limit else None}

    @app.post("/api/mentions/{mention_id}/review")
    def review(mention_id: str, body: ReviewRequest) -> dict[str, Any]:
        """Record a person's verdict (correct or wrong, with a note). The newest verdict applies; a
        mention reviewed wrong leaves the counts, series and exports; correct sets ``verified``."""
        with write_lock:
            try:
                verdict = store.review(mention_id, body.verdict, body.note, body.reviewer)
            except LookupError as exc:
                raise ApiError(404, "not_found", f"no mention {mention_id}", "mention_id") from exc
        cur = cursor()
        events = _rows(cur.execute("SELECT e.* FROM mention_events l JOIN events e USING (event_id) "
                                   "WHERE l.mention_id = ? ORDER BY e.event_id", [mention_id]))
        return _jsonable({"mention_id": mention_id, "review": verdict, "verified": verdict["verdict"] == "correct",
                          "events": events})

    @app.get("/api/reviews", openapi_extra=_query_doc({"limit": "at most this many (default 100)"}))
    def reviews(request: Request) -> dict[str, Any]:
        """Every verdict and cluster edit people made, newest first."""
        p = _params(request, {"limit"})
        limit = _limit(p)
        cur = cursor()
        if not reviewed():
            return {"reviews": [], "cluster_edits": []}
        rs = _rows(cur.execute("SELECT * FROM reviews ORDER BY seq DESC LIMIT ?", [limit]))
        es = _rows(cur.execute("SELECT * FROM cluster_edits ORDER BY seq DESC LIMIT ?", [limit]))
        return _jsonable({"reviews": rs, "cluster_edits": es})

    # -- events --------------------------------------------------------------------------------
    def _limit(p: dict[str, str]) -> int:
        try:
            limit = int(p.get("limit", 100))
        except ValueError as exc:
            raise _bad("limit", "limit: a number from 1 to 10000") from exc
        if not 1 <= limit <= 10000:
            raise _bad("limit", "limit: a number from 1 to 10000")
        return limit

    def event_query(p: dict[str, str]) -> tuple[str, list[Any], int]:
        from ..store.query import _ACTOR, _CODE, _COUNTRY, _ROOT

        where: list[str] = []
        args: list[Any] = []

        def side(key: str, value: str, col: str) -> None:
            v = value.strip().upper()
            if not _ACTOR.match(v):
                raise _bad(key, f"{key}: not an actor code or country: {value!r}")
            where.append(f"e.{col} = ?")
            args.append(v)

        for key, col in (("source", "source_side"), ("target", "target_side")):
            if key in p:
                side(key, p[key], col)
        if "dyad" in p:
            parts = p["dyad"].split("-")
            if len(parts) != 2:
                raise _bad("dyad", "dyad: expected SOURCE-TARGET, e.g. RUS-UKR")
            side("dyad", parts[0], "source_side")
            side("dyad", parts[1], "target_side")
        if "root" in p:
            roots = [r.strip().zfill(2) for r in p["root"].split(",")]
            if not all(_ROOT.match(r) for r in roots):
                raise _bad("root", "root: CAMEO roots 01–20, comma-separated")
            where.append("list_contains(?, e.cameo_root)")
            args.append(roots)
        if "code" in p:
            if not _CODE.match(p["code"].strip()):
                raise _bad("code", f"code: not a CAMEO code: {p['code']!r}")
            where.append("e.base_code LIKE ?")
            args.append(p["code"].strip()[:3] + "%")
        statuses = _list(p, "corroboration", STATUSES) or []
        statuses += _list(p, "status", STATUSES) or []
        if statuses:
            where.append("list_contains(?, e.status)")
            args.append(statuses)
        if "country" in p:
            countries = [c.strip().upper() for c in p["country"].split(",")]
            if not all(_COUNTRY.match(c) for c in countries):
                raise _bad("country", "country: ISO-3 country codes, comma-separated")
            where.append("list_contains(?, e.place_country)")
            args.append(countries)
        since, until = _date(p, "since"), _date(p, "until")
        if since is not None:
            where.append("e.last_date >= ?")
            args.append(since)
        if until is not None:
            where.append("e.first_date <= ?")
            args.append(until)
        review = p.get("review", "hide_wrong")
        if review not in ("hide_wrong", "all"):
            raise _bad("review", "review: hide_wrong or all")
        # filters on the event's mentions: one of its (not wrong) mentions must match
        inner: list[str] = []
        inner_args: list[Any] = []
        plovers = _list(p, "plover", plover_types(), upper=True)
        if plovers:
            inner.append("list_contains(?, m.plover_type)")
            inner_args.append(plovers)
        mods = _list(p, "modality", MODALITIES)
        if mods:
            inner.append("list_contains(?, m.modality)")
            inner_args.append(mods)
        if "q" in p:
            if len(p["q"]) > MAX_Q:
                raise _bad("q", f"q: at most {MAX_Q} characters")
            inner.append("m.evidence_text ILIKE ?")
            inner_args.append("%" + p["q"].replace("%", r"\%").replace("_", r"\_") + "%")
        if inner:
            if review == "hide_wrong" and reviewed():
                inner.append("m.mention_id NOT IN (SELECT mention_id FROM mention_verdicts WHERE verdict = 'wrong')")
            where.append("EXISTS (SELECT 1 FROM mention_events l JOIN mentions m USING (mention_id) "
                         "WHERE l.event_id = e.event_id AND " + " AND ".join(inner) + ")")
            args += inner_args
        if review == "hide_wrong":
            where.append("e.n_mentions > 0")
        if "cursor" in p:
            where.append("e.event_id > ?")
            args.append(p["cursor"])
        limit = _limit(p)
        sql = "SELECT e.* FROM events e" + (" WHERE " + " AND ".join(where) if where else "")
        return sql + " ORDER BY e.event_id LIMIT ?", [*args, limit], limit

    def enrich(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Per event: its most precise place (city, then admin-1, then country), quad class, Goldstein
        and label of its base code, and how many of its mentions people reviewed."""
        if not events:
            return events
        ids = [e["event_id"] for e in events]
        verdict_join = (" LEFT JOIN mention_verdicts v ON v.mention_id = m.mention_id" if reviewed() else "")
        verdict_col = "v.verdict" if reviewed() else "NULL"
        rows = _rows(cursor().execute(
            "SELECT l.event_id, m.mention_id, m.cameo_code, m.cameo_label, m.quad_class, m.goldstein, m.place_name, "
            f"m.place_precision, m.place_admin1, m.place_country, m.lat, m.lon, {verdict_col} AS verdict "
            f"FROM mention_events l JOIN mentions m USING (mention_id){verdict_join} "
            "WHERE list_contains(?, l.event_id) ORDER BY l.event_id, m.published, m.mention_id", [ids]))
        by: dict[str, list[dict[str, Any]]] = {}
        for r in rows:
            by.setdefault(r["event_id"], []).append(r)
        rank = {"city": 0, "admin1": 1, "country": 2}
        for e in events:
            ms = by.get(e["event_id"], [])
            live = [m for m in ms if m["verdict"] != "wrong"] or ms
            head = next((m for m in live if m["cameo_code"][:3] == e["base_code"]), live[0] if live else None)
            e["quad_class"] = head["quad_class"] if head else None
            e["goldstein"] = head["goldstein"] if head else None
            e["label"] = head["cameo_label"] if head else None
            placed = sorted((m for m in live if m["place_precision"]), key=lambda m: rank.get(m["place_precision"], 3))
            best = placed[0] if placed else None
            e["place"] = None if best is None else {
                "name": best["place_name"], "precision": best["place_precision"], "admin1": best["place_admin1"],
                "country": best["place_country"],
                # only city and admin-1 places are points; a country is never pinned to its centroid
                "lat": best["lat"] if best["place_precision"] in ("city", "admin1") else None,
                "lon": best["lon"] if best["place_precision"] in ("city", "admin1") else None}
            e["n_wrong"] = sum(m["verdict"] == "wrong" for m in ms)
            e["n_verified"] = sum(m["verdict"] == "correct" for m in ms)
        return events

    @app.get("/api/events", openapi_extra=_query_doc(EVENT_FILTER_HELP))
    def events(request: Request) -> dict[str, Any]:
        """Linked events; filters named as the mentions' (event-level, or: one of its mentions matches).
        Each carries its best place, quad class and review counts."""
        p = _params(request, EVENT_FILTERS)
        sql, args, limit = event_query(p)
        rows = _rows(cursor().execute(sql, args))
        return {"items": _jsonable(enrich(rows)), "next_cursor": rows[-1]["event_id"] if len(rows) == limit else None}

    def event_detail(event_id: str) -> dict[str, Any]:
        cur = cursor()
        rows = _rows(cur.execute("SELECT * FROM events WHERE event_id = ?", [event_id]))
        if not rows:
            raise ApiError(404, "not_found", f"no event {event_id}", "event_id")
        ms = _rows(cur.execute(
            "SELECT m.record, m.outlet, a.title, a.url FROM mention_events l JOIN mentions m USING (mention_id) "
            "LEFT JOIN articles a USING (article_id) WHERE l.event_id = ? ORDER BY m.published, m.mention_id",
            [event_id]))
        mentions = annotate([json.loads(m["record"]) | {"article_title": m["title"], "url": m["url"]} for m in ms])
        for m in mentions:
            m["spans"] = mention_spans(m)
        outlets = sorted({m["outlet"] for m in ms if m["outlet"]})
        return {"event": _jsonable(enrich(rows)[0]), "mentions": mentions, "outlets": outlets}

    @app.get("/api/events/{event_id}")
    def event(event_id: str) -> dict[str, Any]:
        """The event with all its mentions (those reviewed wrong too, flagged), outlets and evidence spans."""
        return event_detail(event_id)

    def event_mentions(event_id: str) -> list[str]:
        return [r[0] for r in cursor().execute("SELECT mention_id FROM mention_events WHERE event_id = ? "
                                               "ORDER BY mention_id", [event_id]).fetchall()]

    @app.post("/api/events/{event_id}/merge")
    def merge(event_id: str, body: MergeRequest) -> dict[str, Any]:
        """Merge other events into this one (a person's edit, kept apart and re-applied after every
        re-link); returns the merged event."""
        with write_lock:
            mids = event_mentions(event_id)
            if not mids:
                raise ApiError(404, "not_found", f"no event {event_id}", "event_id")
            others = [e for e in dict.fromkeys(body.event_ids) if e != event_id]
            if not others:
                raise _bad("event_ids", "event_ids: name at least one other event")
            for other in others:
                more = event_mentions(other)
                if not more:
                    raise ApiError(404, "not_found", f"no event {other}", "event_ids")
                mids += more
            new_id = store.edit_cluster("merge", event_id, mids, body.note, body.reviewer)
        return event_detail(new_id)

    @app.post("/api/events/{event_id}/split")
    def split(event_id: str, body: SplitRequest) -> dict[str, Any]:
        """Move some of this event's mentions into an event of their own; returns both events."""
        with write_lock:
            mids = event_mentions(event_id)
            if not mids:
                raise ApiError(404, "not_found", f"no event {event_id}", "event_id")
            moving = list(dict.fromkeys(body.mention_ids))
            foreign = [m for m in moving if m not in mids]
            if foreign:
                raise _bad("mention_ids", f"mention_ids: not in event {event_id}: {', '.join(foreign[:5])}")
            if len(moving) == len(mids):
                raise _bad("mention_ids", "mention_ids: a split must leave at least one mention behind")
            new_id = store.edit_cluster("split", event_id, moving, body.note, body.reviewer)
        return {"event": event_detail(event_id), "new_event": event_detail(new_id)}

    # -- articles, analysis ------------------------------------------------------------------------
    @app.get("/api/articles/{article_id}")
    def article(article_id: str) -> dict[str, Any]:
        """The article's text with the spans of every actor, action, date and place of its mentions."""
        cur = cursor()
        rows = _rows(cur.execute("SELECT article_id, outlet, url, title, published, text FROM articles "
                                 "WHERE article_id = ?", [article_id]))
        if not rows:
            raise ApiError(404, "not_found", f"no article {article_id}", "article_id")
        ms = annotate([json.loads(r["record"]) for r in _rows(cur.execute(
            "SELECT record FROM mentions WHERE article_id = ? ORDER BY trigger_start", [article_id]))])
        spans = [s for m in ms for s in mention_spans(m)]
        return {"article": _jsonable(rows[0]), "mentions": ms, "spans": spans}

    @app.get("/api/series", openapi_extra=_query_doc({
        "dyad": "directed dyad of ISO-3 countries (required), e.g. RUS-UKR", "freq": "day, week or month",
        "dedup": "true: count linked events; false (default): mentions",
        "modality": "modalities that count (default actual); comma-separated",
        "since": "YYYY-MM-DD", "until": "YYYY-MM-DD"}))
    def series(request: Request) -> dict[str, Any]:
        """Counts per period for a directed dyad (quad and pentaclass, Goldstein sum and mean); mentions
        reviewed wrong never count."""
        from ..store.analysis import FREQS
        from ..store.analysis import series as run

        p = _params(request, {"dyad", "freq", "dedup", "modality", "since", "until"})
        if "dyad" not in p:
            raise ApiError(400, "missing_parameter", "dyad is required (e.g. RUS-UKR)", "dyad")
        freq = p.get("freq", "week")
        if freq not in FREQS:
            raise _bad("freq", f"freq: one of {', '.join(FREQS)}")
        dedup = p.get("dedup", "false").lower()
        if dedup not in ("true", "false"):
            raise _bad("dedup", "dedup: true or false")
        mods = _list(p, "modality", MODALITIES) or ["actual"]
        try:
            rows = run(cursor(), p["dyad"], freq, dedup == "true", mods, _date(p, "since"), _date(p, "until"))
        except ValueError as exc:
            raise _bad(str(exc).split(":")[0], str(exc)) from exc
        return {"items": _jsonable(rows)}

    @app.get("/api/alerts", openapi_extra=_query_doc({"freq": "day, week or month", "dyad": "only this dyad"}))
    def alerts(request: Request) -> dict[str, Any]:
        """Escalation alerts (spikes and first events of a kind) over every directed dyad."""
        from ..store.analysis import FREQS
        from ..store.analysis import alerts as run

        p = _params(request, {"freq", "dyad"})
        if p.get("freq", "week") not in FREQS:
            raise _bad("freq", f"freq: one of {', '.join(FREQS)}")
        items = [a.to_dict() for a in run(cursor(), p.get("freq", "week"))]
        if "dyad" in p:
            items = [a for a in items if a["dyad"] == p["dyad"].upper()]
        return {"items": items}

    @app.get("/api/claims", openapi_extra=_query_doc({
        "status": "corroboration status: " + ", ".join(STATUSES), "dyad": "SOURCE-TARGET sides",
        "review": "hide_wrong (default: leave out evidence reviewed wrong) or all"}))
    def claims(request: Request) -> dict[str, Any]:
        """Announced or claimed events with their corroboration status and the sentences for and against."""
        from ..store.link import claims as run

        p = _params(request, {"status", "dyad", "review"})
        if "status" in p and p["status"] not in STATUSES:
            raise _bad("status", f"status: one of {', '.join(STATUSES)}")
        review = p.get("review", "hide_wrong")
        if review not in ("hide_wrong", "all"):
            raise _bad("review", "review: hide_wrong or all")
        dyad = p["dyad"].upper().split("-") if "dyad" in p else None
        if dyad is not None and len(dyad) != 2:
            raise _bad("dyad", "dyad: expected SOURCE-TARGET, e.g. RUS-UKR")
        items = [c for c in run(cursor(), limit=100000) if "status" not in p or c["status"] == p["status"]]
        if dyad:
            items = [c for c in items if [c["source_side"], c["target_side"]] == dyad]
        verdicts = store.verdicts(e["mention_id"] for c in items for e in c["evidence"])
        out = []
        for c in items:
            for e in c["evidence"]:
                v = verdicts.get(e["mention_id"])
                e["review"], e["verified"] = v, bool(v and v["verdict"] == "correct")
            if review == "hide_wrong":
                c["evidence"] = [e for e in c["evidence"] if not (e["review"] and e["review"]["verdict"] == "wrong")]
                if not c["evidence"] or not c["n_mentions"]:
                    continue
            out.append(c)
        return {"items": _jsonable(out)}

    @app.get("/api/stats")
    def stats() -> dict[str, Any]:
        """Articles per day and outlet; share of mentions with a place, a date, a resolved actor; versions;
        review counts."""
        cur = cursor()
        per_day = _rows(cur.execute("SELECT published::DATE AS day, outlet, count(*) AS articles FROM articles "
                                    "GROUP BY 1, 2 ORDER BY 1, 2"))
        share = _rows(cur.execute(
            "SELECT count(*) AS mentions, avg((place_name IS NOT NULL)::INT) AS with_place, "
            "avg((date_method IN ('explicit', 'relative'))::INT) AS with_date, "
            "avg((source_country IS NOT NULL OR source_code NOT LIKE '---%')::INT) AS with_resolved_source "
            "FROM mentions"))[0]
        versions = _rows(cur.execute("SELECT pipeline_version, count(*) AS articles FROM codings GROUP BY 1"))
        review_counts: dict[str, int] = {}
        if reviewed():
            review_counts = dict(cur.execute("SELECT verdict, count(*) FROM mention_verdicts GROUP BY 1").fetchall())
        return _jsonable({"articles_per_day": per_day, "mentions": share, "versions": versions,
                          "reviews": {"correct": review_counts.get("correct", 0),
                                      "wrong": review_counts.get("wrong", 0)},
                          "tacitus": __version__})

    @app.post("/api/extract")
    def extract(body: ExtractRequest) -> dict[str, Any]:
        """Code a text (with its publication date); nothing is stored. At most 100,000 characters."""
        from ..errors import TacitusError
        from ..pipeline import default_pipeline
        from ..records import Article

        if len(body.text) > MAX_EXTRACT_CHARS:
            raise ApiError(413, "too_large", f"text longer than {MAX_EXTRACT_CHARS:,} characters", "text")
        try:
            ms = default_pipeline()(Article(text=body.text, published=body.published, title=body.title,
                                            source=body.source, url=body.url))
        except TacitusError as err:
            raise ApiError(400, err.code, err.message, "text") from err
        return {"mentions": [m.to_dict() for m in ms]}

    # -- the dashboard ---------------------------------------------------------------------------
    if (STATIC / "assets").is_dir():
        app.mount("/assets", StaticFiles(directory=STATIC / "assets"), name="assets")

    @app.get("/", include_in_schema=False, response_model=None)
    def dashboard() -> FileResponse | HTMLResponse:
        index = STATIC / "index.html"
        if index.exists():
            return FileResponse(index, media_type="text/html")
        return HTMLResponse("<p>The dashboard is not built: run <code>scripts/build-web</code>. "
                            "The API is at <a href='/docs'>/docs</a>.</p>")

    return app
