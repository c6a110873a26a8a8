"""The records that flow out of Tacitus: articles in, mentions and skips out.

Every value is a frozen dataclass that knows its text span (character offsets into the
article text) and round-trips through JSON via ``to_dict`` / ``from_dict``.
The field names of :class:`Mention` are the public contract documented in docs/SCHEMA.md.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field, fields
from datetime import date, datetime, timezone
from typing import Any

MODALITIES = ("actual", "planned", "hypothetical", "demanded", "negated", "historical")
RELATIONS = ("self", "opponent", "third_party", "outlet")
GRANULARITIES = ("day", "week", "month", "year")
DATE_METHODS = ("explicit", "relative", "publication", "unknown")
PRECISIONS = ("country", "admin1", "city")


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def parse_published(value: Any) -> datetime | None:
    """Parse a publication date (ISO date or datetime; UTC when no zone) into an aware datetime."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        dt = value
    elif isinstance(value, date):
        dt = datetime(value.year, value.month, value.day)
    elif isinstance(value, str):
        text = value.strip()
        if text.endswith("Z"):
            text = text[:-1] + "+00:00"
        try:
            dt = datetime.fromisoformat(text)
        except ValueError as exc:
            raise ValueError(f"published: not an ISO date or datetime: {value!r}") from exc
    else:
        raise ValueError(f"published: expected an ISO date string, got {type(value).__name__}")
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=timezone.utc)
    return dt.astimezone(timezone.utc)


def stable_hash(*parts: object, length: int = 16) -> str:
    """A short deterministic hex digest of the parts (used for ids)."""
    h = hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8"))
    return h.hexdigest()[:length]


@dataclass(frozen=True)
class Article:
    """One news article: the unit that enters the pipeline."""

    text: str
    title: str | None = None
    published: datetime | None = None
    source: str | None = None
    url: str | None = None
    article_id: str = ""
    language: str = "en"

    def __post_init__(self) -> None:
        if not isinstance(self.text, str):
            raise TypeError("Article.text must be a str")
        if self.published is not None and (not isinstance(self.published, datetime) or self.published.tzinfo is None
                                           or self.published.utcoffset()):
            object.__setattr__(self, "published", parse_published(self.published))  # aware, UTC
        if not self.article_id:
            object.__setattr__(self, "article_id", make_article_id(self.text, self.source, self.url))

    @property
    def published_date(self) -> date | None:
        return self.published.date() if self.published else None

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        """Build from the documented input schema: text, title, published, source, url, id."""
        if not isinstance(data, dict):
            raise ValueError("article: expected a JSON object")
        text = data.get("text")
        if not isinstance(text, str):
            raise ValueError("article: field 'text' (a string) is required")
        return cls(
            text=text,
            title=data.get("title") or None,
            published=parse_published(data.get("published")),
            source=data.get("source") or None,
            url=data.get("url") or None,
            article_id=str(data.get("id") or data.get("article_id") or ""),
            language=data.get("language") or "en",
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.article_id,
            "title": self.title,
            "published": self.published.isoformat() if self.published else None,
            "source": self.source,
            "url": self.url,
            "language": self.language,
            "text": self.text,
        }


def make_article_id(text: str, source: str | None, url: str | None) -> str:
    """(outlet, url) when there is a url; otherwise the hash of normalised text plus outlet."""
    if url:
        return "a" + stable_hash(source or "", url)
    normalised = " ".join(text.split()).lower()
    return "a" + stable_hash(source or "", normalised)


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}

    @classmethod
    def from_dict(cls, d: dict[str, Any] | None) -> Span | None:
        return None if d is None else cls(int(d["start"]), int(d["end"]), d["text"])


@dataclass(frozen=True)
class Actor:
    text: str
    name: str
    code: str
    country: str | None
    sectors: tuple[str, ...]
    start: int
    end: int
    resolver: str = "kb"

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text, "name": self.name, "code": self.code, "country": self.country,
            "sectors": list(self.sectors), "start": self.start, "end": self.end, "resolver": self.resolver,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any] | None) -> Actor | None:
        if d is None:
            return None
        return cls(d["text"], d["name"], d["code"], d.get("country"), tuple(d.get("sectors") or ()),
                   int(d["start"]), int(d["end"]), d.get("resolver", "kb"))


@dataclass(frozen=True)
class Cameo:
    code: str
    root: str
    label: str
    goldstein: float
    quad_class: int

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "root": self.root, "label": self.label,
                "goldstein": self.goldstein, "quad_class": self.quad_class}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Cameo:
        return cls(d["code"], d["root"], d["label"], float(d["goldstein"]), int(d["quad_class"]))


@dataclass(frozen=True)
class Plover:
    type: str
    mode: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"type": self.type, "mode": self.mode}

    @classmethod
    def from_dict(cls, d: dict[str, Any] | None) -> Plover | None:
        return None if d is None else cls(d["type"], d.get("mode"))


@dataclass(frozen=True)
class Attribution:
    by: Actor | None
    relation: str
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"by": self.by.to_dict() if self.by else None, "relation": self.relation,
                "cue": self.cue, "cue_start": self.cue_start, "cue_end": self.cue_end}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Attribution:
        return cls(Actor.from_dict(d.get("by")), d["relation"], d.get("cue"),
                   d.get("cue_start"), d.get("cue_end"))


@dataclass(frozen=True)
class EventDate:
    start: date | None
    end: date | None
    granularity: str | None
    method: str
    text: str | None = None
    span_start: int | None = None
    span_end: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"start": _iso(self.start), "end": _iso(self.end), "granularity": self.granularity,
                "method": self.method, "text": self.text, "span_start": self.span_start,
                "span_end": self.span_end}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> EventDate:
        def p(v: str | None) -> date | None:
            return date.fromisoformat(v) if v else None
        return cls(p(d.get("start")), p(d.get("end")), d.get("granularity"), d["method"], d.get("text"),
                   d.get("span_start"), d.get("span_end"))


@dataclass(frozen=True)
class Place:
    name: str
    country: str | None
    admin1: str | None
    precision: str
    lat: float | None
    lon: float | None
    geonameid: int | None = None
    start: int | None = None
    end: int | None = None
    text: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "country": self.country, "admin1": self.admin1,
                "precision": self.precision, "lat": self.lat, "lon": self.lon,
                "geonameid": self.geonameid, "start": self.start, "end": self.end, "text": self.text}

    @classmethod
    def from_dict(cls, d: dict[str, Any] | None) -> Place | None:
        if d is None:
            return None
        return cls(d["name"], d.get("country"), d.get("admin1"), d["precision"], d.get("lat"),
                   d.get("lon"), d.get("geonameid"), d.get("start"), d.get("end"), d.get("text"))


@dataclass(frozen=True)
class Provenance:
    rule: str | None
    model: str | None
    version: str
    codebook: str
    kb_as_of: str

    def to_dict(self) -> dict[str, Any]:
        return {"rule": self.rule, "model": self.model, "version": self.version,
                "codebook": self.codebook, "kb_as_of": self.kb_as_of}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Provenance:
        return cls(d.get("rule"), d.get("model"), d["version"], d["codebook"], d["kb_as_of"])


@dataclass(frozen=True)
class Mention:
    """One coded event mention: the public record (docs/SCHEMA.md)."""

    mention_id: str
    article_id: str
    group_id: str
    sentence_index: int
    evidence: Span
    trigger: Span
    source: Actor | None
    target: Actor | None
    cameo: Cameo
    plover: Plover | None
    modality: str
    attribution: Attribution
    date: EventDate
    place: Place | None
    confidence: float
    provenance: Provenance
    published: str | None = None
    outlet: str | None = None
    section: str = "body"
    related: tuple[str, ...] = field(default_factory=tuple)
    co_sources: tuple[Actor, ...] = field(default_factory=tuple)  # "Russia and China vetoed …": China
    co_targets: tuple[Actor, ...] = field(default_factory=tuple)
    mutual: bool = False  # a joint act ("X and Y signed …", "talks between X and Y"): each side is also target

    def dyads(self, both_ways: bool = True) -> list[tuple[Actor | None, Actor | None]]:
        """The directed (source, target) pairs this mention codes, as event data counts them: every
        source (the source and its co-sources) with every target, and for a mutual act each pair in
        both directions too (unless ``both_ways`` is false: PETRARCH's convention); repeats of the same
        pair of actor codes are left out."""
        sources = [self.source, *self.co_sources]
        targets = [self.target, *self.co_targets]
        pairs = [(s, t) for s in sources for t in targets]
        if self.mutual and both_ways:
            pairs += [(t, s) for s in sources for t in targets if s is not None and t is not None]
        out = [(self.source, self.target)]
        seen = {(a.code if a else None, b.code if b else None) for a, b in out}
        for s, t in pairs[1:]:
            key = (s.code if s else None, t.code if t else None)
            if key not in seen and not (s is not None and t is not None and s.code == t.code):
                seen.add(key)
                out.append((s, t))
        return out

    def to_dict(self) -> dict[str, Any]:
        return {
            "mention_id": self.mention_id,
            "article_id": self.article_id,
            "group_id": self.group_id,
            "sentence_index": self.sentence_index,
            "section": self.section,
            "evidence": self.evidence.to_dict(),
            "trigger": self.trigger.to_dict(),
            "source": self.source.to_dict() if self.source else None,
            "target": self.target.to_dict() if self.target else None,
            "cameo": self.cameo.to_dict(),
            "plover": self.plover.to_dict() if self.plover else None,
            "modality": self.modality,
            "attribution": self.attribution.to_dict(),
            "date": self.date.to_dict(),
            "place": self.place.to_dict() if self.place else None,
            "confidence": self.confidence,
            "provenance": self.provenance.to_dict(),
            "published": self.published,
            "outlet": self.outlet,
            "related": list(self.related),
            "co_sources": [a.to_dict() for a in self.co_sources],
            "co_targets": [a.to_dict() for a in self.co_targets],
            "mutual": self.mutual,
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, sort_keys=False)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Mention:
        return cls(
            mention_id=d["mention_id"], article_id=d["article_id"], group_id=d["group_id"],
            sentence_index=int(d["sentence_index"]), evidence=Span.from_dict(d["evidence"]),
            trigger=Span.from_dict(d["trigger"]), source=Actor.from_dict(d.get("source")),
            target=Actor.from_dict(d.get("target")), cameo=Cameo.from_dict(d["cameo"]),
            plover=Plover.from_dict(d.get("plover")), modality=d["modality"],
            attribution=Attribution.from_dict(d["attribution"]), date=EventDate.from_dict(d["date"]),
            place=Place.from_dict(d.get("place")), confidence=float(d["confidence"]),
            provenance=Provenance.from_dict(d["provenance"]), published=d.get("published"),
            outlet=d.get("outlet"), section=d.get("section", "body"),
            related=tuple(d.get("related") or ()),
            co_sources=tuple(a for a in (Actor.from_dict(x) for x in d.get("co_sources") or ()) if a is not None),
            co_targets=tuple(a for a in (Actor.from_dict(x) for x in d.get("co_targets") or ()) if a is not None),
            mutual=bool(d.get("mutual", False)),
        )


@dataclass(frozen=True)
class Skip:
    """A discarded or broken input, recorded as data."""

    article_id: str | None
    stage: str
    code: str
    message: str

    def to_dict(self) -> dict[str, Any]:
        return {"article_id": self.article_id, "stage": self.stage, "code": self.code,
                "message": self.message}


def field_names(cls: type) -> list[str]:
    return [f.name for f in fields(cls)]
