"""Linking: mentions from many articles → real-world events, with independent sources and corroboration.

A mention joins an event when the event's key matches — same source side (country, or code for
organisations), same CAMEO base code (3 digits) — its target is compatible (equal, or either
missing), its place is compatible (same country, or either missing), and its date is close: within
``window_days`` of the event's last mention. A new *announcement* (a planned mention reported by the
actor itself) more than ``repeat_days`` after the event's last announcement starts a new event that
points back to the earlier one (``repeats``): the third announcement of the same withdrawal is
linked to the first two, not merged with them. Statements (CAMEO 01) are not linked: they are about
events, not events. Every link is kept (``mention_events``), so users can choose their own
de-duplication.

Independence: two mentions come from the same source when their outlets are the same, or when their
articles are near-copies (wire copy syndicated by another outlet: shingle similarity ≥ 0.6).

Corroboration of an event, from its mentions' modality and attribution, as of the last mention:

- ``confirmed``: an independent party (an outlet in its own voice, or a speaker not on the actor's
  side) reports the act as ``actual`` on or after the date it was due;
- ``contradicted``: independent parties deny it, or report no sign of it after it was due;
- ``not_yet_observed``: independent parties report no sign of it while it is not yet due;
- ``self_reported``: only the actor or its side (or its state media) says it happened or will;
- ``unverified``: anything else.

An announced act is due ``grace_days`` after its announcement (or at the end of the date the
announcement names). An outlet restating an announcement (modality ``planned``) confirms nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

import pyarrow as pa

from ..records import stable_hash

EVENT_COLUMNS = ["event_id", "source_side", "target_side", "base_code", "cameo_root", "first_date", "last_date",
                 "place_country", "n_mentions", "n_articles", "n_sources", "status", "repeats"]
EVENT_SCHEMA = pa.schema([("event_id", pa.string()), ("source_side", pa.string()), ("target_side", pa.string()),
                          ("base_code", pa.string()), ("cameo_root", pa.string()), ("first_date", pa.date32()),
                          ("last_date", pa.date32()), ("place_country", pa.string()), ("n_mentions", pa.int32()),
                          ("n_articles", pa.int32()), ("n_sources", pa.int32()), ("status", pa.string()),
                          ("repeats", pa.list_(pa.string()))])
STATUSES = ("confirmed", "self_reported", "not_yet_observed", "contradicted", "unverified")


@dataclass
class LinkSettings:
    window_days: int = 7
    repeat_days: int = 3
    grace_days: int = 1
    copy_similarity: float = 0.6
    repeat_horizon_days: int = 180


@dataclass
class _Event:
    key: tuple[str, str]
    target: str | None
    country: str | None
    mentions: list[dict[str, Any]] = field(default_factory=list)
    last: date | None = None
    last_announcement: date | None = None
    repeats: list[str] = field(default_factory=list)
    event_id: str = ""


def _side(code: str | None, country: str | None) -> str | None:
    if country:
        return country
    if code and not code.startswith("---"):
        return code[:3] if code[:3] not in {"IGO", "NGO", "IMG", "MNC"} else code
    return None


def _shingles(text: str) -> set[str]:
    words = re.findall(r"\w+", text.lower())
    return {" ".join(words[i:i + 4]) for i in range(max(1, len(words) - 3))}


def source_groups(articles: list[dict[str, Any]], threshold: float) -> dict[str, str]:
    """article_id → source group: same outlet, or a near-copy of another outlet's article."""
    parent: dict[str, str] = {a["article_id"]: a["article_id"] for a in articles}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    shingles = {a["article_id"]: _shingles(a["text"]) for a in articles}
    by_outlet: dict[str, str] = {}
    for a in articles:
        o = a.get("outlet") or a["article_id"]
        if o in by_outlet:
            parent[find(a["article_id"])] = find(by_outlet[o])
        else:
            by_outlet[o] = a["article_id"]
    # copies run within a few days of each other: compare articles of neighbouring days only
    by_day: dict[Any, list[str]] = {}
    for a in articles:
        by_day.setdefault(a.get("day"), []).append(a["article_id"])
    days = sorted(by_day, key=lambda d: (d is None, d))
    for d in days:
        near = list(by_day[d])
        if d is not None:
            for k in (1, 2):
                near += by_day.get(d + timedelta(days=k), [])
        for i, x in enumerate(by_day[d]):
            for y in near[i + 1:]:
                sx, sy = shingles[x], shingles[y]
                if sx and sy and len(sx & sy) / min(len(sx), len(sy)) >= threshold:
                    parent[find(x)] = find(y)
    return {a["article_id"]: find(a["article_id"]) for a in articles}


def link(mentions: list[dict[str, Any]], settings: LinkSettings | None = None) -> list[_Event]:
    """Cluster mention rows (dicts with the store's columns) into events."""
    s = settings or LinkSettings()
    rows = [m for m in mentions if m["cameo_root"] != "01" and m["date_start"] is not None]
    rows.sort(key=lambda m: (m["date_start"], m["published"] or m["date_start"], m["mention_id"]))
    open_events: dict[tuple[str, str], list[_Event]] = {}
    events: list[_Event] = []
    for m in rows:
        side = _side(m["source_code"], m["source_country"])
        if side is None:
            continue  # an event with no known actor cannot be linked across articles
        key = (side, m["cameo_code"][:3])
        target = _side(m["target_code"], m["target_country"])
        day: date = m["date_start"]
        announcement = m["modality"] == "planned" and m["attr_relation"] in {"self", "outlet"}
        chosen = None
        for ev in reversed(open_events.get(key, [])):
            if ev.last is not None and (day - ev.last).days > s.window_days:
                continue
            if target and ev.target and target != ev.target:
                continue
            if m["place_country"] and ev.country and m["place_country"] != ev.country:
                continue
            chosen = ev
            break
        if chosen is not None and announcement and chosen.last_announcement is not None \
                and (day - chosen.last_announcement).days > s.repeat_days:
            chosen = None  # a new announcement of the same act: a new event that points back
        if chosen is None:
            chosen = _Event(key, target, m["place_country"])
            chosen.event_id = "e" + stable_hash(key, m["mention_id"], length=14)
            events.append(chosen)
            open_events.setdefault(key, []).append(chosen)
        if announcement and chosen.last_announcement is None:
            # the first announcement of this act: earlier announcements of the same act are its repeats
            chosen.repeats = [ev.event_id for ev in open_events.get(key, []) if ev is not chosen
                              and ev.last_announcement is not None
                              and (day - ev.last_announcement).days <= s.repeat_horizon_days
                              and not (target and ev.target and target != ev.target)]
        chosen.mentions.append(m)
        chosen.target = chosen.target or target
        chosen.country = chosen.country or m["place_country"]
        chosen.last = max(chosen.last or day, day)
        if announcement:
            chosen.last_announcement = day
    return events


def _same_side(m: dict[str, Any], side: str, state_outlets: dict[str, str]) -> bool:
    """Does this mention come from the actor's own side (itself, or its state media)?"""
    if m["attr_relation"] == "self":
        return True
    if m["attr_relation"] == "outlet":
        return state_outlets.get(m["outlet"] or "") == side
    return (m["attr_by_country"] or "") == side


def corroboration(ev: _Event, state_outlets: dict[str, str], s: LinkSettings | None = None) -> str:
    """The event's corroboration status (module docstring)."""
    s = s or LinkSettings()
    side = ev.key[0]
    planned = [m for m in ev.mentions if m["modality"] == "planned"]
    due: date | None = None
    if planned:
        first = min(planned, key=lambda m: m["date_start"])
        due = max(first["date_end"] or first["date_start"],
                  (first["published"].date() if first["published"] else first["date_start"])
                  + timedelta(days=s.grace_days))
    independent = [m for m in ev.mentions if not _same_side(m, side, state_outlets)]

    def seen_on(m: dict[str, Any]) -> date:
        return m["published"].date() if m["published"] else m["date_start"]

    actual_ok = [m for m in independent if m["modality"] == "actual" and (due is None or seen_on(m) >= due)]
    if actual_ok:
        return "confirmed"
    negated = [m for m in independent if m["modality"] == "negated"]
    if negated:
        if due is None or any(seen_on(m) >= due for m in negated):
            return "contradicted"
        return "not_yet_observed"
    # the actor's side saying so, or an outlet restating an announcement: the actor's word only
    own = [m for m in ev.mentions if m["modality"] in {"actual", "planned"}
           and (_same_side(m, side, state_outlets) or (m["modality"] == "planned" and m["attr_relation"] == "outlet"))]
    if own and any(_same_side(m, side, state_outlets) for m in own) and \
            len(own) == len([m for m in ev.mentions if m["modality"] in {"actual", "planned"}]):
        return "self_reported"
    return "unverified"


def rebuild(con: Any, settings: LinkSettings | None = None) -> dict[str, int]:
    """Recompute events, links and statuses for the whole store, in one transaction."""
    s = settings or LinkSettings()
    cur = con.execute("SELECT * FROM mentions")
    names = [d[0] for d in cur.description]
    mentions = [dict(zip(names, r)) for r in cur.fetchall()]
    arts = [dict(zip(("article_id", "outlet", "text", "day"), r))
            for r in con.execute("SELECT article_id, outlet, text, published::DATE FROM articles").fetchall()]
    groups = source_groups(arts, s.copy_similarity)
    state_outlets = {o: c for o, c in con.execute(
        "SELECT outlet, country FROM outlets WHERE state_affiliated AND country IS NOT NULL").fetchall()}
    events = link(mentions, s)
    ev_rows, link_rows = [], []
    for ev in events:
        ms = ev.mentions
        ev_rows.append((
            ev.event_id, ev.key[0], ev.target, ev.key[1], ms[0]["cameo_code"][:2],
            min(m["date_start"] for m in ms), max(m["date_end"] or m["date_start"] for m in ms), ev.country,
            len(ms), len({m["article_id"] for m in ms}), len({groups.get(m["article_id"], m["article_id"])
                                                             for m in ms}),
            corroboration(ev, state_outlets, s), ev.repeats or None,
        ))
        link_rows.extend((m["mention_id"], ev.event_id) for m in ms)
    ev_table = pa.Table.from_pylist([dict(zip(EVENT_COLUMNS, r)) for r in ev_rows], schema=EVENT_SCHEMA)
    link_table = pa.Table.from_pylist([{"mention_id": a, "event_id": b} for a, b in link_rows],
                                      schema=pa.schema([("mention_id", pa.string()), ("event_id", pa.string())]))
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute("DELETE FROM mention_events")
        con.execute("DELETE FROM events")
        con.register("_ev", ev_table)
        con.register("_ln", link_table)
        con.execute(f"INSERT INTO events ({', '.join(EVENT_COLUMNS)}) SELECT * FROM _ev")
        con.execute("INSERT INTO mention_events SELECT mention_id, event_id FROM _ln")
        con.unregister("_ev")
        con.unregister("_ln")
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return {"events": len(ev_rows), "links": len(link_rows)}


def claims(con: Any, limit: int = 100) -> list[dict[str, Any]]:
    """Announced or claimed events (with a planned or self-reported mention) and what became of them:
    status, repeats, and the evidence sentences for and against, oldest first."""
    rows = con.execute(
        "SELECT e.*, m.mention_id, m.modality, m.attr_relation, m.attr_by_code, m.outlet, m.published, "
        "m.evidence_text, m.article_id, m.evidence_start, m.evidence_end FROM events e "
        "JOIN mention_events l USING (event_id) JOIN mentions m USING (mention_id) "
        "WHERE e.event_id IN (SELECT l2.event_id FROM mention_events l2 JOIN mentions m2 USING (mention_id) "
        "  WHERE m2.modality = 'planned' OR m2.attr_relation = 'self') "
        "ORDER BY e.first_date, e.event_id, m.published, m.mention_id").fetchall()
    names = EVENT_COLUMNS + ["mention_id", "modality", "attr_relation", "attr_by_code", "outlet", "published",
                             "evidence_text", "article_id", "evidence_start", "evidence_end"]
    out: dict[str, dict[str, Any]] = {}
    for r in rows:
        d = dict(zip(names, r))
        ev = out.setdefault(d["event_id"], {k: d[k] for k in EVENT_COLUMNS} | {"evidence": []})
        side = "for" if d["modality"] in {"actual", "planned"} else "against" if d["modality"] == "negated" else "other"
        ev["evidence"].append({k: d[k] for k in ("mention_id", "modality", "attr_relation", "attr_by_code",
                                                 "outlet", "published", "evidence_text", "article_id",
                                                 "evidence_start", "evidence_end")} | {"side": side})
    return list(out.values())[:limit]
