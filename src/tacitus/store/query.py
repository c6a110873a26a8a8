"""Mention queries: filters declared once (name, meaning, check), turned into parameterised SQL.

No SQL is ever built from user strings: every value is a bound parameter, and only the column
names declared here appear in the statement. CLI options and (later) HTTP parameters share these
names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
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
    Filter("plover", "PLOVER type (ASSAULT); several comma-separated"),
    Filter("modality", "actual, planned, hypothetical, demanded, negated, historical; comma-separated"),
    Filter("since", "event date on or after (YYYY-MM-DD)"),
    Filter("until", "event date on or before (YYYY-MM-DD)"),
    Filter("country", "country of the event's place (ISO-3); several comma-separated"),
    Filter("q", "text in the evidence sentence (case-insensitive)"),
    Filter("article_id", "one article"),
    Filter("group_id", "one in-article group"),
    Filter("review", "analyst review: hide_wrong (default: leave out mentions a person reviewed wrong), all, "
                     "wrong, correct (verified), unreviewed"),
    Filter("limit", "at most this many rows (default 100, max 10000)"),
    Filter("cursor", "continue after this mention_id (keyset pagination)"),
]
NAMES = {f.name for f in FILTERS}
REVIEW_CHOICES = ("hide_wrong", "all", "wrong", "correct", "unreviewed")
_ACTOR = re.compile(r"^[A-Z-]{3}[A-Z]{0,12}$")
_ROOT = re.compile(r"^(0[1-9]|1[0-9]|20)$")
_CODE = re.compile(r"^\d{2,4}$")
_COUNTRY = re.compile(r"^[A-Z]{3}$")
MAX_Q = 200  # characters of free text in ``q``


@lru_cache(maxsize=1)
def plover_types() -> frozenset[str]:
    """The PLOVER event types of the codebook (knowledge/data/plover.tsv)."""
    path = Path(__file__).resolve().parents[1] / "knowledge" / "data" / "plover.tsv"
    rows = [line.split("\t")[0] for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]
    return frozenset(rows[1:])


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


def build(columns: str = "*", *, reviews: bool = True, **filters: Any) -> tuple[str, list[Any]]:
    """SQL and parameters selecting mentions that match the filters; ValueError on a bad filter.

    ``reviews``: the store has the review tables (schema version 3); then mentions a person reviewed
    ``wrong`` are left out unless the ``review`` filter asks for them."""
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
        types = [t.strip().upper() for t in str(f["plover"]).split(",")]
        bad = [t for t in types if t not in plover_types()]
        if bad:
            raise ValueError(f"plover: unknown type(s) {bad}; one of {', '.join(sorted(plover_types()))}")
        where.append("list_contains(?, plover_type)")
        params.append(types)
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
        countries = [c.strip().upper() for c in str(f["country"]).split(",")]
        if not all(_COUNTRY.match(c) for c in countries):
            raise ValueError(f"country: ISO-3 country codes (UKR; several comma-separated): {f['country']!r}")
        where.append("list_contains(?, place_country)")
        params.append(countries)
    if "q" in f:
        if len(str(f["q"])) > MAX_Q:
            raise ValueError(f"q: at most {MAX_Q} characters")
        where.append("evidence_text ILIKE ?")
        params.append("%" + str(f["q"]).replace("%", r"\%").replace("_", r"\_") + "%")
    review = str(f.get("review", "hide_wrong")).strip().lower()
    if review not in REVIEW_CHOICES:
        raise ValueError(f"review: one of {', '.join(REVIEW_CHOICES)}")
    if reviews and review == "hide_wrong":
        where.append("mention_id NOT IN (SELECT mention_id FROM mention_verdicts WHERE verdict = 'wrong')")
    elif reviews and review in ("wrong", "correct"):
        where.append("mention_id IN (SELECT mention_id FROM mention_verdicts WHERE verdict = ?)")
        params.append(review)
    elif reviews and review == "unreviewed":
        where.append("mention_id NOT IN (SELECT mention_id FROM mention_verdicts)")
    elif review in ("wrong", "correct"):
        where.append("FALSE")  # a store without review tables has no reviewed mentions
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
