"""Dates: find date expressions and resolve them to intervals against the publication date.

The reference date is always the article's publication date, never the clock. A bare weekday
points back (or to the day itself) unless its clause is in the future tense ("Tuesday would
prove…", "will meet on Friday"), when it points forward. Common forms are resolved here;
anything else goes to dateparser with ``RELATIVE_BASE`` set to the publication date.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

from spacy.tokens import Span, Token

from ..records import EventDate
from .parse import ArticleDoc

WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9
FUTURE_AUX = {"will", "would", "shall", "'ll", "wo"}
_WEEKDAY_RE = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")\b", re.I)
_DURATION = re.compile(r"^\s*(\d+|a|an|one|two|three|several|few)\s+(hours?|days?|weeks?|months?|years?)\s*$",
                       re.I)
_MONTH_DAY = re.compile(r"\b(?P<m>[a-z]{3,9})\.?\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?P<y>\d{4}))?\b", re.I)
_DAY_MONTH = re.compile(r"\b(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m>[a-z]{3,9})\.?(?:,?\s+(?P<y>\d{4}))?\b",
                        re.I)
_MONTH_YEAR = re.compile(r"\b(?P<m>[a-z]{3,9})\.?\s+(?P<y>\d{4})\b", re.I)
_YEAR = re.compile(r"\b(?P<y>(19|20)\d{2})\b")
_AGO = re.compile(r"\b(?P<n>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten)\s+"
                  r"(?P<u>days?|weeks?|months?|years?)\s+(ago|earlier|before)\b", re.I)
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
            "eight": 8, "nine": 9, "ten": 10}


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    text: str
    head: int  # token the expression attaches to (its governing verb or noun)
    value: EventDate


def _week(d: date) -> tuple[date, date]:
    start = d - timedelta(days=d.weekday())
    return start, start + timedelta(days=6)


def _month(y: int, m: int) -> tuple[date, date]:
    return date(y, m, 1), date(y, m, calendar.monthrange(y, m)[1])


def is_future(tok: Token) -> bool:
    """Is the clause that governs ``tok`` in the future tense?"""
    t = tok
    for _ in range(6):
        for c in t.children:
            if c.dep_ in {"aux", "auxpass"} and c.lower_ in FUTURE_AUX:
                return True
            if c.lower_ == "going" and any(g.lower_ == "to" for g in c.children):
                return True
        if t.lower_ in {"next", "upcoming", "coming"}:
            return True
        if t.dep_ in {"ROOT", "ccomp", "advcl", "relcl"} and t.pos_ in {"VERB", "AUX"}:
            return t.tag_ == "MD"
        if t.head.i == t.i:
            break
        t = t.head
    return False


def resolve_expression(text: str, ref: date, future: bool) -> EventDate | None:
    """Resolve one date expression against the reference date; None when it is no date."""
    low = text.lower().strip()
    if not low or _DURATION.match(low):
        return None
    one = lambda d, method: EventDate(d, d, "day", method, text)  # noqa: E731
    if re.search(r"\b(today|tonight|this morning|this afternoon|this evening)\b", low):
        return one(ref, "relative")
    if re.search(r"\byesterday\b", low):
        return one(ref - timedelta(days=1), "relative")
    if re.search(r"\btomorrow\b", low):
        return one(ref + timedelta(days=1), "relative")
    m = _AGO.search(low)
    if m:
        n = int(m["n"]) if m["n"].isdigit() else _NUMBERS[m["n"]]
        unit = m["u"].rstrip("s")
        days = {"day": 1, "week": 7, "month": 30, "year": 365}[unit] * n
        d = ref - timedelta(days=days)
        gran = "day" if unit in {"day", "week"} else unit
        return EventDate(d, d, gran, "relative", text)
    rel = re.search(r"\b(last|past|previous|next|this|coming)\s+(week|month|year)\b", low)
    if rel:
        which, unit = rel.groups()
        step = -1 if which in {"last", "past", "previous"} else 1 if which in {"next", "coming"} else 0
        if unit == "week":
            s, e = _week(ref + timedelta(days=7 * step))
            return EventDate(s, e, "week", "relative", text)
        if unit == "month":
            y, mth = ref.year, ref.month + step
            y, mth = (y - 1, 12) if mth == 0 else (y + 1, 1) if mth == 13 else (y, mth)
            s, e = _month(y, mth)
            return EventDate(s, e, "month", "relative", text)
        y = ref.year + step
        return EventDate(date(y, 1, 1), date(y, 12, 31), "year", "relative", text)
    for rx in (_MONTH_DAY, _DAY_MONTH):
        m = rx.search(low)
        if m and m["m"] in MONTHS:
            mth, day = MONTHS[m["m"]], int(m["d"])
            if m["y"]:
                years = [int(m["y"])]
            else:
                years = [ref.year - 1, ref.year, ref.year + 1]
            best: date | None = None
            for y in years:
                try:
                    cand = date(y, mth, day)
                except ValueError:
                    continue
                if best is None or _closer(cand, best, ref, future):
                    best = cand
            if best is not None:
                return one(best, "explicit")
    m = _MONTH_YEAR.search(low)
    if m and m["m"] in MONTHS:
        s, e = _month(int(m["y"]), MONTHS[m["m"]])
        return EventDate(s, e, "month", "explicit", text)
    wd = _WEEKDAY_RE.search(low)
    if wd:
        target = WEEKDAYS[wd.group(1).lower()]
        delta = (target - ref.weekday()) % 7
        if "next" in low or (future and delta != 0):
            d = ref + timedelta(days=delta or 7)
        elif "last" in low and delta == 0:
            d = ref - timedelta(days=7)
        else:
            d = ref - timedelta(days=(ref.weekday() - target) % 7)
        return one(d, "relative")
    if low in MONTHS or re.fullmatch(r"(in |early |late |mid-?)?(" + "|".join(MONTHS) + r")", low):
        name = low.split()[-1].replace("mid-", "")
        mth = MONTHS.get(name)
        if mth:
            y = ref.year if (mth <= ref.month or future) else ref.year - 1
            s, e = _month(y, mth)
            return EventDate(s, e, "month", "explicit", text)
    m = _YEAR.search(low)
    if m and len(low) <= 12:
        y = int(m["y"])
        return EventDate(date(y, 1, 1), date(y, 12, 31), "year", "explicit", text)
    return _dateparser(text, ref)


def _closer(cand: date, best: date, ref: date, future: bool) -> bool:
    """Prefer the candidate year that lies on the side of the reference the tense points to."""
    def score(d: date) -> tuple[int, int]:
        wrong_side = (d < ref) if future else (d > ref + timedelta(days=1))
        return (1 if wrong_side else 0, abs((d - ref).days))
    return score(cand) < score(best)


@lru_cache(maxsize=4096)
def _dateparser(text: str, ref: date) -> EventDate | None:
    try:
        import dateparser
    except ImportError:  # pragma: no cover
        return None
    base = datetime(ref.year, ref.month, ref.day, 12, 0)
    settings = {"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False,
                "REQUIRE_PARTS": []}
    try:
        value = dateparser.parse(text, languages=["en"], settings=settings)
    except Exception:  # noqa: BLE001 - dateparser raises many kinds on odd input
        return None
    if value is None:
        return None
    d = value.date()
    if abs((d - ref).days) > 365 * 200:
        return None
    return EventDate(d, d, "day", "relative", text)


def _attach(span: Span) -> int:
    """The token a date expression modifies: climb from its root through prepositions."""
    t = span.root
    for _ in range(4):
        if t.head.i == t.i:
            break
        t = t.head
        if t.pos_ in {"VERB", "AUX", "NOUN", "PROPN"} and t.dep_ != "pobj":
            break
    return t.i


def find_dates(adoc: ArticleDoc) -> list[DateMention]:
    """All date expressions of the article with their resolved values."""
    ref = adoc.article.published_date
    if ref is None:
        return []
    doc = adoc.doc
    spans: list[Span] = [e for e in doc.ents if e.label_ == "DATE"]
    covered = {i for s in spans for i in range(s.start, s.end)}
    for tok in doc:
        if tok.i not in covered and tok.lower_ in WEEKDAYS | {"yesterday": 0, "today": 0, "tomorrow": 0}:
            spans.append(doc[tok.i:tok.i + 1])
    out: list[DateMention] = []
    for span in sorted(spans, key=lambda s: s.start):
        text = span.text.strip()
        value = resolve_expression(text, ref, is_future(span.root))
        if value is None:
            continue
        value = EventDate(value.start, value.end, value.granularity, value.method, text,
                          span.start_char, span.end_char)
        out.append(DateMention(span.start_char, span.end_char, text, _attach(span), value))
    return out


def publication_date(adoc: ArticleDoc) -> EventDate:
    d = adoc.article.published_date
    if d is None:
        return EventDate(None, None, None, "unknown")
    return EventDate(d, d, "day", "publication")
