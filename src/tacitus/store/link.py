"""Linking: mentions from many articles → real-world events, with independent sources and corroboration.

A mention joins an event when every test below passes, and the best-fitting such event when several do
(act dates overlapping before an announcement's window, then the most specific shared place, the same
target code, the most recent event):

- **actors**: the same source side (country, or the code of an organisation); a country and any of its
  sectors are compatible (``RUS`` with ``RUSMIL``), two state sectors are compatible (``RUSGOV`` with
  ``RUSMIL``), a state and a non-state sector of one country are not (``SDNMIL`` and ``SDNREB`` are two
  sides); targets compatible (same side, or either missing);
- **action**: the same CAMEO root or a related one (17–18, 18–19, 19–20) with compatible base codes (the
  same 3 digits, a generic ``x0`` code, or any two in the violent roots 18–20, where reports disagree
  about the weapon);
- **place**: compatible at every level both know — country, admin-1, city (a mention placed only in the
  Donetsk region may join the Kramatorsk strike; one placed in Zaporizhzhia may not);
- **date**: an ``actual`` mention's date interval overlaps the dates of the act already reported (the
  shelling of a town on Monday and on Tuesday are two events, an attack "overnight into Sunday" and one
  "on Sunday" are one); a vague interval (longer than ``vague_days``: "earlier this month") may join an
  event but never widens its dates, and so does a mention whose sentence gives no date (``date_method``
  ``publication``: the act happened on the publication day or up to two days before); an event that is
  so far only announced (planned mentions) takes mentions, including the act itself, within
  ``window_days`` of its last mention; a denial or a report of no sign joins an act reported on the
  same dates, or an announcement within the window.

Statements (CAMEO 01) are not linked: they are about events, not events. A mention with no known source
joins the single best event at the same city or admin-1 on overlapping dates, and is otherwise left
unlinked. A new *announcement* (a planned mention reported by the actor or restated by an outlet) more
than ``repeat_days`` after the event's last announcement starts a new event that points back to the
earlier ones (``repeats``): the third announcement of the same withdrawal is linked to the first two, not
merged with them. Every link is kept (``mention_events``), so users can choose their own de-duplication.

Independence: two mentions come from the same source when their outlets are the same, or when one article
is a near-copy of another (wire copy syndicated by another outlet: shingle similarity ≥ 0.6), in which
case the copy counts as the original's outlet (the wire's, or the earliest).

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
from functools import lru_cache
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
PUBLICATION_LOOKBACK_DAYS = 2
STATUSES = ("confirmed", "self_reported", "not_yet_observed", "contradicted", "unverified")
RELATED_ROOTS = frozenset({frozenset({"17", "18"}), frozenset({"18", "19"}), frozenset({"19", "20"})})
VIOLENT_ROOTS = frozenset({"18", "19", "20"})
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "LEG", "JUD", "SPY", "ELI"})
_ORG_PREFIXES = frozenset({"IGO", "NGO", "IMG", "MNC"})


@dataclass
class LinkSettings:
    window_days: int = 7
    repeat_days: int = 3
    grace_days: int = 1
    copy_similarity: float = 0.6
    repeat_horizon_days: int = 180
    vague_days: int = 3


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
    codes: set[str] = field(default_factory=set)
    sectors: set[str] = field(default_factory=set)
    target_codes: set[str] = field(default_factory=set)
    countries: set[str] = field(default_factory=set)
    admin1s: set[str] = field(default_factory=set)
    cities: set[str] = field(default_factory=set)
    core: tuple[date, date] | None = None  # dates of the act from precise actual mentions
    span: tuple[date, date] | None = None  # dates of every precise mention (or the first vague one)
    first_announcement: date | None = None
    seq: int = 0


def _side(code: str | None, country: str | None) -> str | None:
    if country:
        return country
    if code and not code.startswith("---"):
        return code[:3] if code[:3] not in _ORG_PREFIXES else code
    return None


def _sector(code: str | None, country: str | None) -> str | None:
    """The sector of a country's actor (``MIL`` of ``RUSMIL``); None for a bare country or organisation."""
    if not code or not country or code.startswith("---") or code[:3] in _ORG_PREFIXES:
        return None
    return code[3:6] or None


def _sectors_compatible(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b or (a in STATE_SECTORS and b in STATE_SECTORS)


@lru_cache(maxsize=65536)
def codes_compatible(a: str, b: str) -> bool:
    """Same root or related roots, with compatible base codes (module docstring)."""
    ra, rb = a[:2], b[:2]
    if ra != rb:
        return frozenset({ra, rb}) in RELATED_ROOTS
    ba, bb = a[:3], b[:3]
    return ba == bb or ba.endswith("0") or bb.endswith("0") or ra in VIOLENT_ROOTS


def _interval(m: dict[str, Any]) -> tuple[date, date]:
    start = m["date_start"]
    end = m.get("date_end") or start
    if m.get("date_method") == "publication":  # no date in the text: on or shortly before publication
        return start - timedelta(days=PUBLICATION_LOOKBACK_DAYS), max(start, end)
    return start, max(start, end)


def _overlaps(a: tuple[date, date], b: tuple[date, date] | None) -> bool:
    return b is not None and a[0] <= b[1] and b[0] <= a[1]


def _union(a: tuple[date, date] | None, b: tuple[date, date]) -> tuple[date, date]:
    return b if a is None else (min(a[0], b[0]), max(a[1], b[1]))


def _place(m: dict[str, Any]) -> tuple[str | None, str | None, str | None]:
    city = None
    if m.get("place_precision") == "city":
        gid = m.get("geonameid")
        city = str(gid) if gid else (m.get("place_name") or "").lower() or None
    return m.get("place_country"), m.get("place_admin1"), city


def _place_score(place: tuple[str | None, str | None, str | None], ev: _Event) -> int | None:
    """None when the places are incompatible; else how specific the shared level is (0–3)."""
    country, admin1, city = place
    if country and ev.countries and country not in ev.countries:
        return None
    if admin1 and ev.admin1s and admin1 not in ev.admin1s:
        return None
    if city and ev.cities and city not in ev.cities:
        return None
    if city and city in ev.cities:
        return 3
    if admin1 and admin1 in ev.admin1s:
        return 2
    return 1 if country and country in ev.countries else 0


def _date_score(m: dict[str, Any], iv: tuple[date, date], ev: _Event, s: LinkSettings) -> int | None:
    """None when the dates rule the event out; 2 when the act's dates overlap, 1 within an announcement's
    window."""
    announced = ev.first_announcement is not None
    if m["modality"] == "actual" and ev.core is not None:
        return 2 if _overlaps(iv, ev.core) else None
    if announced:
        if ev.last is not None and (iv[0] - ev.last).days > s.window_days:
            return None
        if m["modality"] == "actual" and iv[1] < ev.first_announcement:  # type: ignore[operator]
            return None  # an act reported before it was announced is another act
        return 1
    return 2 if _overlaps(iv, ev.core or ev.span) else None


def _fits(m: dict[str, Any], iv: tuple[date, date], place: tuple[str | None, str | None, str | None],
          target: str | None, ev: _Event, s: LinkSettings) -> tuple[int, int, int] | None:
    """None when the mention cannot join the event; else (date score, place score, same target code)."""
    if target and ev.target and target != ev.target:
        return None
    ds = _date_score(m, iv, ev, s)
    if ds is None:
        return None
    ps = _place_score(place, ev)
    if ps is None:
        return None
    code = m["cameo_code"]
    if not all(codes_compatible(code, c) for c in ev.codes):
        return None
    return ds, ps, int(bool(m["target_code"]) and m["target_code"] in ev.target_codes)


def _bucket(code: str) -> str:
    """Codes that may link share a bucket: the violent roots 17–20 together, any other root alone."""
    return "V" if code[:2] in {"17", "18", "19", "20"} else code[:2]


def _days(a: date, b: date) -> list[date]:
    return [a + timedelta(days=k) for k in range((b - a).days + 1)]


def link(mentions: list[dict[str, Any]], settings: LinkSettings | None = None) -> list[_Event]:
    """Cluster mention rows (dicts with the store's columns) into events."""
    s = settings or LinkSettings()
    rows = [m for m in mentions if m["cameo_root"] != "01" and m["date_start"] is not None]

    def vague(m: dict[str, Any]) -> bool:
        a, b = _interval(m)
        return (b - a).days > s.vague_days or m.get("date_method") == "publication"

    # precise mentions shape events first; vague ones ("earlier this month"), then those with no known
    # source, join what is there
    rows.sort(key=lambda m: (_side(m["source_code"], m["source_country"]) is None, vague(m), m["date_start"],
                             m["published"] or m["date_start"], m["mention_id"]))
    # events by (side, code bucket) and by (place country, code bucket), under every day of their mentions
    by_side: dict[tuple[str, str], dict[date, list[_Event]]] = {}
    by_country: dict[tuple[str, str], dict[date, list[_Event]]] = {}
    open_announced: dict[tuple[str, str], dict[date, list[_Event]]] = {}
    announced: dict[str, list[_Event]] = {}
    events: list[_Event] = []
    window = timedelta(days=s.window_days)
    for m in rows:
        side = _side(m["source_code"], m["source_country"])
        target = _side(m["target_code"], m["target_country"])
        iv = _interval(m)
        is_vague = vague(m)
        place = _place(m)
        code = m["cameo_code"]
        bucket = _bucket(code)
        announcement = m["modality"] == "planned" and m["attr_relation"] in {"self", "outlet"}
        if side is None:
            # no known actor: join the one best event at the same city or admin-1 on the act's dates
            if m["modality"] != "actual" or is_vague or not place[0]:
                continue
            scored = []
            for ev in _candidates(by_country.get((place[0], bucket), {}), iv[0], iv[1]):
                f = _fits(m, iv, place, target, ev, s)
                if f is not None and f[0] == 2 and f[1] >= 2:
                    scored.append((f, ev.seq, ev))
            scored.sort(key=lambda x: (x[0], x[1]), reverse=True)
            if scored and (len(scored) == 1 or scored[0][0] > scored[1][0]):
                scored[0][2].mentions.append(m)
            continue
        sector = _sector(m["source_code"], m["source_country"])
        best, best_score = None, None
        key = (side, bucket)
        cands = _candidates(by_side.get(key, {}), iv[0], iv[1]) + \
            _candidates(open_announced.get(key, {}), iv[0] - window, iv[1])
        for ev in cands:
            if not all(_sectors_compatible(sector, x) for x in ev.sectors):
                continue
            f = _fits(m, iv, place, target, ev, s)
            if f is not None and (best_score is None or (f, ev.seq) > best_score):
                best, best_score = ev, (f, ev.seq)
        chosen = best
        day: date = iv[0]
        if chosen is not None and announcement and chosen.last_announcement is not None \
                and (day - chosen.last_announcement).days > s.repeat_days:
            chosen = None  # a new announcement of the same act: a new event that points back
        if chosen is None:
            chosen = _Event((side, code[:3]), target, place[0], seq=len(events))
            chosen.event_id = "e" + stable_hash(chosen.key, m["mention_id"], length=14)
            events.append(chosen)
        if announcement and chosen.last_announcement is None:
            # the first announcement of this act: earlier announcements of the same act are its repeats
            chosen.repeats = [ev.event_id for ev in announced.get(side, []) if ev is not chosen
                              and ev.last_announcement is not None
                              and 0 <= (day - ev.last_announcement).days <= s.repeat_horizon_days
                              and all(codes_compatible(code, c) for c in ev.codes)
                              and all(_sectors_compatible(sector, x) for x in ev.sectors)
                              and _place_score(place, ev) is not None
                              and not (target and ev.target and target != ev.target)]
            announced.setdefault(side, []).append(chosen)
            if len(announced[side]) > 64:  # keep the list short: drop announcements past the horizon
                announced[side] = [ev for ev in announced[side] if ev.last_announcement is None or
                                   (day - ev.last_announcement).days <= s.repeat_horizon_days]
        _add(chosen, m, iv, is_vague, place, sector, target, announcement)
        for d in _days(iv[0], iv[1]):
            by_side.setdefault(key, {}).setdefault(d, []).append(chosen)
            if chosen.first_announcement is not None:  # announced acts take mentions for a window after
                open_announced.setdefault(key, {}).setdefault(d, []).append(chosen)
            for c in chosen.countries:
                by_country.setdefault((c, bucket), {}).setdefault(d, []).append(chosen)
    return events


def _candidates(index: dict[date, list[_Event]], start: date, end: date) -> list[_Event]:
    seen: dict[int, _Event] = {}
    for d in _days(start, end):
        for ev in index.get(d, ()):
            seen.setdefault(ev.seq, ev)
    return list(seen.values())


def _add(ev: _Event, m: dict[str, Any], iv: tuple[date, date], is_vague: bool,
         place: tuple[str | None, str | None, str | None], sector: str | None, target: str | None,
         announcement: bool) -> None:
    ev.mentions.append(m)
    ev.codes.add(m["cameo_code"])
    if sector:
        ev.sectors.add(sector)
    if m["target_code"]:
        ev.target_codes.add(m["target_code"])
    ev.target = ev.target or target
    if place[0]:
        ev.countries.add(place[0])
    if place[1]:
        ev.admin1s.add(place[1])
    if place[2]:
        ev.cities.add(place[2])
    ev.country = ev.country or place[0]
    if not is_vague:
        ev.span = _union(ev.span, iv)
        if m["modality"] == "actual":
            ev.core = _union(ev.core, iv)
        ev.last = max(ev.last or iv[0], iv[0])
    elif ev.span is None:
        ev.span = iv
        ev.last = ev.last or iv[0]
    if m["modality"] == "planned":
        ev.first_announcement = min(ev.first_announcement or iv[0], iv[0])
    if announcement:
        ev.last_announcement = iv[0]


def _shingles(text: str) -> set[str]:
    words = re.findall(r"\w+", text.lower())
    return {" ".join(words[i:i + 4]) for i in range(max(1, len(words) - 3))}


def source_groups(articles: list[dict[str, Any]], threshold: float) -> dict[str, str]:
    """article_id → independent source: the article's outlet, or, for a near-copy of another outlet's
    article (syndicated wire copy), the outlet of the original — a wire service's, else the earliest
    published. Articles may carry ``wire`` and ``published``; ``day`` (a date) bounds the comparison."""
    parent: dict[str, str] = {a["article_id"]: a["article_id"] for a in articles}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    shingles = {a["article_id"]: _shingles(a["text"] or "") for a in articles}
    # copies run within a few days of each other: compare articles of neighbouring days only
    by_day: dict[Any, list[str]] = {}
    for a in articles:
        by_day.setdefault(a.get("day"), []).append(a["article_id"])
    days = sorted(by_day, key=lambda d: (d is None, d))
    outlet = {a["article_id"]: a.get("outlet") or a["article_id"] for a in articles}
    for d in days:
        near = list(by_day[d])
        if d is not None:
            for k in (1, 2):
                near += by_day.get(d + timedelta(days=k), [])
        for i, x in enumerate(by_day[d]):
            for y in near[i + 1:]:
                sx, sy = shingles[x], shingles[y]
                if outlet[x] != outlet[y] and sx and sy and len(sx & sy) / min(len(sx), len(sy)) >= threshold:
                    parent[find(x)] = find(y)
    members: dict[str, list[dict[str, Any]]] = {}
    for a in articles:
        members.setdefault(find(a["article_id"]), []).append(a)

    def original(a: dict[str, Any]) -> tuple:
        when = a.get("published") or a.get("day")
        return (not a.get("wire"), when is None, str(when), a["article_id"])

    label = {r: outlet[min(ms, key=original)["article_id"]] for r, ms in members.items()}
    return {a["article_id"]: label[find(a["article_id"])] for a in articles}


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
        # the first announcement: earliest date, then earliest published (a later article restating
        # it must not push the due date back)
        first = min(planned, key=lambda m: (m["date_start"], m["published"].date() if m["published"]
                                            else m["date_start"]))
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
    arts = [dict(zip(("article_id", "outlet", "text", "day", "published", "wire"), r)) for r in con.execute(
        "SELECT a.article_id, a.outlet, a.text, a.published::DATE, a.published, coalesce(o.wire, false) "
        "FROM articles a LEFT JOIN outlets o USING (outlet)").fetchall()]
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
