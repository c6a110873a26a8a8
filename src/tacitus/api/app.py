"""The HTTP API: a thin FastAPI view over the store (OpenAPI at /docs).

One writer: the server process owns the DuckDB file (one connection, a cursor per request), so it
keeps answering while it is the only process that writes. Every 4xx has one JSON body,
``{"error": {"code", "message", "parameter"}}``; a 4xx comes only from validation. An unexpected
exception is a 500 (and a failing test), never hidden by a blanket handler.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from .. import __version__
from ..store import open_store
from ..store.query import NAMES as MENTION_FILTERS

MAX_EXTRACT_CHARS = 100_000
EVENT_FILTERS = {"source", "target", "dyad", "root", "code", "status", "since", "until", "limit", "cursor"}
STATUSES = {"confirmed", "self_reported", "not_yet_observed", "contradicted", "unverified"}


class ApiError(Exception):
    def __init__(self, status: int, code: str, message: str, parameter: str | None = None) -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.parameter = status, code, message, parameter


def error_body(code: str, message: str, parameter: str | None = None) -> dict[str, Any]:
    return {"error": {"code": code, "message": message, "parameter": parameter}}


class ExtractRequest(BaseModel):
    text: str = Field(..., description="Article text")
    published: date | None = Field(None, description="Publication date (ISO)")
    title: str | None = None
    source: str | None = None
    url: str | None = None


def _params(request: Request, allowed: set[str]) -> dict[str, str]:
    unknown = sorted(set(request.query_params) - allowed)
    if unknown:
        raise ApiError(400, "unknown_parameter", f"unknown parameter(s): {', '.join(unknown)}; "
                       f"known: {', '.join(sorted(allowed))}", unknown[0])
    return {k: v for k, v in request.query_params.items()}


def _rows(cur: Any) -> list[dict[str, Any]]:
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r)) for r in cur.fetchall()]


def _jsonable(value: Any) -> Any:
    return json.loads(json.dumps(value, default=str))


def create_app(db: str) -> FastAPI:
    app = FastAPI(title="Tacitus", version=__version__,
                  description="Coded news events: who did what to whom, when and where, who says so.")
    store = open_store(db)
    app.state.store = store

    @app.exception_handler(ApiError)
    async def api_error(_: Request, exc: ApiError) -> JSONResponse:
        return JSONResponse(error_body(exc.code, exc.message, exc.parameter), status_code=exc.status)

    @app.exception_handler(RequestValidationError)
    async def validation_error(_: Request, exc: RequestValidationError) -> JSONResponse:
        first = exc.errors()[0] if exc.errors() else {}
        loc = [str(x) for x in first.get("loc", []) if x not in ("body", "query", "path")]
        return JSONResponse(error_body("invalid", first.get("msg", "invalid request"), ".".join(loc) or None),
                            status_code=400)

    def cursor() -> Any:
        return store.con.cursor()

    @app.get("/api/mentions")
    def mentions(request: Request) -> dict[str, Any]:
        params = _params(request, MENTION_FILTERS)
        from ..store.query import build

        try:
            sql, args = build(**params)
        except ValueError as exc:
            raise ApiError(400, "bad_parameter", str(exc), str(exc).split(":")[0]) from exc
        rows = _rows(cursor().execute(sql, args))
        items = [json.loads(r["record"]) for r in rows]
        limit = int(params.get("limit", 100))
        return {"items": items, "next_cursor": rows[-1]["mention_id"] if len(rows) == limit else None}

    @app.get("/api/events")
    def events(request: Request) -> dict[str, Any]:
        p = _params(request, EVENT_FILTERS)
        where, args = [], []
        for key, col in (("source", "source_side"), ("target", "target_side")):
            if key in p:
                where.append(f"{col} = ?")
                args.append(p[key].upper())
        if "dyad" in p:
            parts = p["dyad"].upper().split("-")
            if len(parts) != 2:
                raise ApiError(400, "bad_parameter", "dyad: expected SOURCE-TARGET", "dyad")
            where += ["source_side = ?", "target_side = ?"]
            args += parts
        if "root" in p:
            where.append("cameo_root = ?")
            args.append(p["root"].zfill(2))
        if "code" in p:
            where.append("base_code LIKE ?")
            args.append(p["code"][:3] + "%")
        if "status" in p:
            if p["status"] not in STATUSES:
                raise ApiError(400, "bad_parameter", f"status: one of {', '.join(sorted(STATUSES))}", "status")
            where.append("status = ?")
            args.append(p["status"])
        for key, op, col in (("since", ">=", "last_date"), ("until", "<=", "first_date")):
            if key in p:
                try:
                    args.append(date.fromisoformat(p[key]))
                except ValueError as exc:
                    raise ApiError(400, "bad_parameter", f"{key}: not a date (YYYY-MM-DD)", key) from exc
                where.append(f"{col} {op} ?")
        if "cursor" in p:
            where.append("event_id > ?")
            args.append(p["cursor"])
        try:
            limit = int(p.get("limit", 100))
            assert 1 <= limit <= 10000
        except (ValueError, AssertionError) as exc:
            raise ApiError(400, "bad_parameter", "limit: a number from 1 to 10000", "limit") from exc
        sql = "SELECT * FROM events" + (" WHERE " + " AND ".join(where) if where else "")
        rows = _rows(cursor().execute(sql + " ORDER BY event_id LIMIT ?", [*args, limit]))
        return {"items": _jsonable(rows), "next_cursor": rows[-1]["event_id"] if len(rows) == limit else None}

    @app.get("/api/events/{event_id}")
    def event(event_id: str) -> dict[str, Any]:
        cur = cursor()
        rows = _rows(cur.execute("SELECT * FROM events WHERE event_id = ?", [event_id]))
        if not rows:
            raise ApiError(404, "not_found", f"no event {event_id}", "event_id")
        ms = _rows(cur.execute("SELECT m.record, m.outlet FROM mention_events l JOIN mentions m USING (mention_id) "
                               "WHERE l.event_id = ? ORDER BY m.published, m.mention_id", [event_id]))
        return {"event": _jsonable(rows[0]), "mentions": [json.loads(m["record"]) for m in ms],
                "outlets": sorted({m["outlet"] for m in ms if m["outlet"]})}

    @app.get("/api/articles/{article_id}")
    def article(article_id: str) -> dict[str, Any]:
        cur = cursor()
        rows = _rows(cur.execute("SELECT article_id, outlet, url, title, published, text FROM articles "
                                 "WHERE article_id = ?", [article_id]))
        if not rows:
            raise ApiError(404, "not_found", f"no article {article_id}", "article_id")
        ms = [json.loads(r["record"]) for r in _rows(cur.execute(
            "SELECT record FROM mentions WHERE article_id = ? ORDER BY trigger_start", [article_id]))]
        spans = []
        for m in ms:
            spans.append({"kind": "action", "start": m["trigger"]["start"], "end": m["trigger"]["end"],
                          "mention_id": m["mention_id"], "code": m["cameo"]["code"]})
            for role in ("source", "target"):
                if m[role]:
                    spans.append({"kind": role, "start": m[role]["start"], "end": m[role]["end"],
                                  "mention_id": m["mention_id"], "code": m[role]["code"]})
            if m["date"].get("span_start") is not None:
                spans.append({"kind": "date", "start": m["date"]["span_start"], "end": m["date"]["span_end"],
                              "mention_id": m["mention_id"], "value": m["date"]["start"]})
            if m["place"] and m["place"].get("start") is not None:
                spans.append({"kind": "place", "start": m["place"]["start"], "end": m["place"]["end"],
                              "mention_id": m["mention_id"], "name": m["place"]["name"]})
        return {"article": _jsonable(rows[0]), "mentions": ms, "spans": spans}

    @app.get("/api/series")
    def series(request: Request) -> dict[str, Any]:
        from ..store.analysis import series as run

        p = _params(request, {"dyad", "freq", "dedup", "modality", "since", "until"})
        if "dyad" not in p:
            raise ApiError(400, "missing_parameter", "dyad is required (e.g. RUS-UKR)", "dyad")
        try:
            rows = run(cursor(), p["dyad"], p.get("freq", "week"), p.get("dedup", "false").lower() == "true",
                       [m.strip() for m in p.get("modality", "actual").split(",")],
                       date.fromisoformat(p["since"]) if "since" in p else None,
                       date.fromisoformat(p["until"]) if "until" in p else None)
        except ValueError as exc:
            raise ApiError(400, "bad_parameter", str(exc)) from exc
        return {"items": _jsonable(rows)}

    @app.get("/api/alerts")
    def alerts(request: Request) -> dict[str, Any]:
        from ..store.analysis import FREQS
        from ..store.analysis import alerts as run

        p = _params(request, {"freq"})
        if p.get("freq", "week") not in FREQS:
            raise ApiError(400, "bad_parameter", f"freq: one of {', '.join(FREQS)}", "freq")
        return {"items": [a.to_dict() for a in run(cursor(), p.get("freq", "week"))]}

    @app.get("/api/claims")
    def claims(request: Request) -> dict[str, Any]:
        from ..store.link import claims as run

        p = _params(request, {"status"})
        if "status" in p and p["status"] not in STATUSES:
            raise ApiError(400, "bad_parameter", f"status: one of {', '.join(sorted(STATUSES))}", "status")
        items = [c for c in run(cursor(), limit=10000) if "status" not in p or c["status"] == p["status"]]
        return {"items": _jsonable(items)}

    @app.get("/api/stats")
    def stats() -> dict[str, Any]:
        cur = cursor()
        per_day = _rows(cur.execute("SELECT published::DATE AS day, outlet, count(*) AS articles FROM articles "
                                    "GROUP BY 1, 2 ORDER BY 1, 2"))
        share = _rows(cur.execute(
            "SELECT count(*) AS mentions, avg((place_name IS NOT NULL)::INT) AS with_place, "
            "avg((date_method IN ('explicit', 'relative'))::INT) AS with_date, "
            "avg((source_country IS NOT NULL OR source_code NOT LIKE '---%')::INT) AS with_resolved_source "
            "FROM mentions"))[0]
        versions = _rows(cur.execute("SELECT pipeline_version, count(*) AS articles FROM codings GROUP BY 1"))
        return _jsonable({"articles_per_day": per_day, "mentions": share, "versions": versions,
                          "tacitus": __version__})

    @app.post("/api/extract")
    def extract(body: ExtractRequest) -> dict[str, Any]:
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

    return app
