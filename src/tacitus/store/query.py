"""Mention queries: filters declared once (name, meaning, check), turned into parameterised SQL.

No SQL is ever built from user strings: every value is a bound parameter, and only the column
names declared here appear in the statement. CLI options and (later) HTTP parameters share these
names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from ..records import MODALITIES


@dataclass(frozen=True)
class Filter:
    name: str
    help: str


FILTERS = [
    Filter("source", "source actor: country (RUS) or code prefix (RUSGOV, IGOWSTNAT)"),
    Filter("target", "target actor: country or code prefix"),
    Filter("dyad", "SOURCE-TARGET, e.g. RUS-UKR (directed)"),
    Filter("root", "CAMEO root, two digits (03); several comma-separated"),
    Filter("code", "CAMEO code prefix (0356)"),
    Filter("plover", "PLOVER type (ASSAULT)"),
    Filter("modality", "actual, planned, hypothetical, demanded, negated, historical; comma-separated"),
    Filter("since", "event date on or after (YYYY-MM-DD)"),
    Filter("until", "event date on or before (YYYY-MM-DD)"),
    Filter("country", "country of the event's place (ISO-3)"),
    Filter("q", "text in the evidence sentence (case-insensitive)"),
    Filter("article_id", "one article"),
    Filter("group_id", "one in-article group"),
    Filter("limit", "at most this many rows (default 100, max 10000)"),
    Filter("cursor", "continue after this mention_id (keyset pagination)"),
]
NAMES = {f.name for f in FILTERS}
_ACTOR = re.compile(r"^[A-Z-]{3}[A-Z]{0,12}$")
_ROOT = re.compile(r"^(0[1-9]|1[0-9]|20)$")
_CODE = re.compile(r"^\d{2,4}$")


def _actor(value: str, name: str) -> str:
    v = value.strip().upper()
    if not _ACTOR.match(v):
        raise ValueError(f"{name}: not an actor code or country: {value!r}")
    return v


def _date(value: Any, name: str) -> date:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError as exc:
        raise ValueError(f"{name}: not a date (YYYY-MM-DD): {value!r}") from exc


def build(columns: str = "*", **filters: Any) -> tuple[str, list[Any]]:
    """SQL and parameters selecting mentions that match the filters; ValueError on a bad filter."""
    unknown = set(filters) - NAMES
    if unknown:
        raise ValueError(f"unknown filter(s): {', '.join(sorted(unknown))}; known: {', '.join(sorted(NAMES))}")
    where: list[str] = []
    params: list[Any] = []
    f = {k: v for k, v in filters.items() if v not in (None, "", [])}

    def actor_clause(col: str, value: str, name: str) -> None:
        v = _actor(value, name)
        if len(v) == 3:
            where.append(f"(coalesce({col}_country, '') = ? OR {col}_code LIKE ?)")
            params.extend([v, v + "%"])
        else:
            where.append(f"{col}_code LIKE ?")
            params.append(v + "%")

    if "dyad" in f:
        parts = str(f["dyad"]).split("-")
        if len(parts) != 2:
            raise ValueError(f"dyad: expected SOURCE-TARGET, got {f['dyad']!r}")
        actor_clause("source", parts[0], "dyad")
        actor_clause("target", parts[1], "dyad")
    if "source" in f:
        actor_clause("source", f["source"], "source")
    if "target" in f:
        actor_clause("target", f["target"], "target")
    if "root" in f:
        roots = [r.strip().zfill(2) for r in str(f["root"]).split(",")]
        for r in roots:
            if not _ROOT.match(r):
                raise ValueError(f"root: not a CAMEO root (01–20): {r!r}")
        where.append("list_contains(?, cameo_root)")
        params.append(roots)
    if "code" in f:
        c = str(f["code"]).strip()
        if not _CODE.match(c):
            raise ValueError(f"code: not a CAMEO code: {c!r}")
        where.append("cameo_code LIKE ?")
        params.append(c + "%")
    if "plover" in f:
        where.append("plover_type = ?")
        params.append(str(f["plover"]).strip().upper())
    if "modality" in f:
        mods = [m.strip() for m in str(f["modality"]).split(",")]
        bad = [m for m in mods if m not in MODALITIES]
        if bad:
            raise ValueError(f"modality: unknown {bad}; one of {', '.join(MODALITIES)}")
        where.append("list_contains(?, modality)")
        params.append(mods)
    if "since" in f:
        where.append("date_end >= ?")
        params.append(_date(f["since"], "since"))
    if "until" in f:
        where.append("date_start <= ?")
        params.append(_date(f["until"], "until"))
    if "country" in f:
        where.append("place_country = ?")
        params.append(_actor(f["country"], "country")[:3])
    if "q" in f:
        where.append("evidence_text ILIKE ?")
        params.append("%" + str(f["q"]).replace("%", r"\%").replace("_", r"\_") + "%")
    for key in ("article_id", "group_id"):
        if key in f:
            where.append(f"{key} = ?")
            params.append(str(f[key]))
    if "cursor" in f:
        where.append("mention_id > ?")
        params.append(str(f["cursor"]))
    try:
        limit = int(f.get("limit", 100))
    except (TypeError, ValueError) as exc:
        raise ValueError(f"limit: not a number: {f.get('limit')!r}") from exc
    if not 1 <= limit <= 10000:
        raise ValueError("limit: between 1 and 10000")
    sql = f"SELECT {columns} FROM mentions"
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY mention_id LIMIT ?"
    params.append(limit)
    return sql, params
