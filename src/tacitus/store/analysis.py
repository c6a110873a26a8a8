"""Analysis over the store: dyad time series and escalation alerts.

Series count a directed dyad's mentions (or de-duplicated events) per day, week or month: the total,
per quad class (1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material
conflict), per pentaclass (0 statements and appeals 01–02, 1 verbal cooperation 03–04, 2 material
cooperation 05–08, 3 verbal conflict 09–13, 4 material conflict 14–20), the Goldstein sum and mean,
and the count per 100 articles ingested in the period. By default only ``actual`` mentions count:
historical and hypothetical ones never do unless asked, and planned, demanded or negated acts did
not happen (the statement announcing or demanding them is itself an actual mention and counts).

Mentions a person reviewed ``wrong`` (schema version 3, ``reviews``) never count, in series or alerts;
de-duplicated series follow the analysts' merges and splits (they are applied to ``mention_events``).

Alerts: a dyad's material-conflict count in a period against its own trailing baseline (z-score
with a floor on the deviation and a minimum count), and the first time an event type (CAMEO root)
appears in a dyad that already has a history.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

FREQS = ("day", "week", "month")


def period_start(d: date, freq: str) -> date:
    if freq == "day":
        return d
    if freq == "week":
        return d - timedelta(days=d.weekday())
    if freq == "month":
        return d.replace(day=1)
    raise ValueError(f"freq: one of {', '.join(FREQS)}")


def pentaclass(root: str) -> int:
    r = int(root)
    return 0 if r <= 2 else 1 if r <= 4 else 2 if r <= 8 else 3 if r <= 13 else 4


def _dyad(dyad: str) -> tuple[str, str]:
    parts = dyad.upper().split("-")
    if len(parts) != 2 or not all(len(p) == 3 and p.isalpha() for p in parts):
        raise ValueError(f"dyad: expected two ISO-3 countries like RUS-UKR, got {dyad!r}")
    return parts[0], parts[1]


def _not_wrong(con: Any, col: str = "mention_id") -> str:
    """A condition leaving out mentions reviewed wrong (nothing when the store has no review tables)."""
    from .schema import has_reviews

    if not has_reviews(con):
        return ""
    return f" AND {col} NOT IN (SELECT mention_id FROM mention_verdicts WHERE verdict = 'wrong')"


def series(con: Any, dyad: str, freq: str = "week", dedup: bool = False,
           modalities: Sequence[str] = ("actual",), since: date | None = None,
           until: date | None = None) -> list[dict[str, Any]]:
    """One row per period with events for the directed dyad (empty periods are filled with zeros)."""
    src, tgt = _dyad(dyad)
    if freq not in FREQS:
        raise ValueError(f"freq: one of {', '.join(FREQS)}")
    cols = ("count(*) AS count, " + ", ".join(f"count(*) FILTER (WHERE quad_class = {q}) AS q{q}" for q in (1, 2, 3, 4))
            + ", " + ", ".join(f"count(*) FILTER (WHERE penta = {k}) AS p{k}" for k in range(5))
            + ", coalesce(sum(goldstein), 0) AS goldstein_sum")
    if dedup:
        inner = ("SELECT min(m.date_start) AS d, any_value(m.cameo_root) AS cameo_root, any_value(m.goldstein) AS "
                 "goldstein, any_value(m.quad_class) AS quad_class FROM mentions m JOIN mention_events l "
                 "USING (mention_id) WHERE m.source_country = ? AND m.target_country = ? AND "
                 "list_contains(?, m.modality) AND m.date_start IS NOT NULL" + _not_wrong(con, "m.mention_id")
                 + " GROUP BY l.event_id")
    else:
        inner = ("SELECT date_start AS d, cameo_root, goldstein, quad_class FROM mentions WHERE source_country = ? "
                 "AND target_country = ? AND list_contains(?, modality) AND date_start IS NOT NULL" + _not_wrong(con))
    # freq is one of FREQS (checked above): the only value set into the statement's text
    sql = (f"SELECT date_trunc('{freq}', d)::DATE AS period, {cols} FROM ("
           "SELECT *, CASE WHEN cameo_root <= '02' THEN 0 WHEN cameo_root <= '04' THEN 1 WHEN cameo_root <= '08' "
           f"THEN 2 WHEN cameo_root <= '13' THEN 3 ELSE 4 END AS penta FROM ({inner})) WHERE (? IS NULL OR d >= ?) "
           "AND (? IS NULL OR d <= ?) GROUP BY 1 ORDER BY 1")
    cur = con.execute(sql, [src, tgt, list(modalities), since, since, until, until])
    names = [d[0] for d in cur.description]
    buckets = {r[0]: dict(zip(names, r)) for r in cur.fetchall()}
    articles: dict[date, int] = dict(con.execute(
        f"SELECT date_trunc('{freq}', published::DATE)::DATE, count(*) FROM articles WHERE published IS NOT NULL "
        "GROUP BY 1").fetchall())
    if not buckets:
        return []
    out = []
    p, last = min(buckets), max(buckets)
    while p <= last:
        b = buckets.get(p) or {"period": p, "count": 0, "q1": 0, "q2": 0, "q3": 0, "q4": 0, "p0": 0, "p1": 0,
                               "p2": 0, "p3": 0, "p4": 0, "goldstein_sum": 0.0}
        b["goldstein_sum"] = round(float(b["goldstein_sum"]), 3)
        b["goldstein_mean"] = round(b["goldstein_sum"] / b["count"], 3) if b["count"] else None
        n_art = articles.get(p, 0)
        b["articles"] = n_art
        b["per_100_articles"] = round(100 * b["count"] / n_art, 3) if n_art else None
        out.append(b)
        p = _next(p, freq)
    return out


def _next(p: date, freq: str) -> date:
    if freq == "day":
        return p + timedelta(days=1)
    if freq == "week":
        return p + timedelta(days=7)
    return (p.replace(day=28) + timedelta(days=4)).replace(day=1)


@dataclass(frozen=True)
class Alert:
    kind: str  # spike | first
    dyad: str
    period: date
    value: float
    baseline: float | None
    z: float | None
    detail: str

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "dyad": self.dyad, "period": self.period.isoformat(), "value": self.value,
                "baseline": self.baseline, "z": self.z, "detail": self.detail}


def spikes(counts: Sequence[float], window: int = 8, z_threshold: float = 3.0, min_count: int = 3,
           min_std: float = 1.0) -> list[tuple[int, float, float]]:
    """Indexes where a count stands out from its trailing window: (index, baseline mean, z).

    The deviation has floors — the Poisson deviation sqrt(mean) and ``min_std`` — so a short, calm
    window does not make every blip a spike; a spike needs at least ``min_count`` events and a full
    window of history.
    """
    out = []
    for i in range(window, len(counts)):
        hist = counts[i - window:i]
        mean = sum(hist) / window
        std = math.sqrt(sum((x - mean) ** 2 for x in hist) / (window - 1))
        z = (counts[i] - mean) / max(std, math.sqrt(mean), min_std)  # counts vary at least as Poisson
        if counts[i] >= min_count and z >= z_threshold:
            out.append((i, round(mean, 3), round(z, 2)))
    return out


def alerts(con: Any, freq: str = "week", window: int = 8, z_threshold: float = 3.0, min_count: int = 3,
           min_history: int = 5) -> list[Alert]:
    """Escalation alerts over every directed dyad in the store."""
    dyads = con.execute("SELECT DISTINCT source_country, target_country FROM mentions WHERE source_country IS NOT "
                        "NULL AND target_country IS NOT NULL AND source_country <> target_country").fetchall()
    out: list[Alert] = []
    for s, t in sorted(dyads):
        name = f"{s}-{t}"
        rows = series(con, name, freq)
        counts = [r["q4"] for r in rows]
        for i, mean, z in spikes(counts, window, z_threshold, min_count):
            out.append(Alert("spike", name, rows[i]["period"], counts[i], mean, z,
                             f"{counts[i]} material-conflict events against a trailing mean of {mean}"))
        seen: set[str] = set()
        history = 0
        for d, root in con.execute(
                "SELECT date_start, cameo_root FROM mentions WHERE source_country = ? AND target_country = ? "
                "AND modality = 'actual' AND date_start IS NOT NULL" + _not_wrong(con) + " ORDER BY date_start, mention_id",
                [s, t]).fetchall():
            if root not in seen and history >= min_history and int(root) >= 14:
                out.append(Alert("first", name, period_start(d, freq), 1, None, None,
                                 f"first CAMEO root {root} event in this dyad"))
            seen.add(root)
            history += 1
    return sorted(out, key=lambda a: (a.period, a.dyad, a.kind))
