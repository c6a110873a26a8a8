"""The actor knowledge base: countries, organisations, sector nouns and leaders with dated terms.

Human-editable TSV files in ``knowledge/data/actors`` (see the README there). Users extend it by
adding rows, or by passing their own folder to :class:`ActorKB`.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

from .codebook import DATA, read_tsv

ACTOR_DATA = DATA / "actors"
ROLE_RANK = {"head_of_state": 0, "head_of_government": 1, "foreign_minister": 2, "defence_minister": 3}


@lru_cache(maxsize=65536)
def norm(text: str) -> str:
    """Lookup key: lowercase, no diacritics, no leading 'the', single spaces, straight quotes."""
    t = unicodedata.normalize("NFKD", text)
    t = "".join(c for c in t if not unicodedata.combining(c))
    t = t.replace("\u2019", "'").replace("\u2018", "'").replace("\u2010", "-").replace("\u2013", "-")
    t = " ".join(t.lower().split())
    if t.startswith("the "):
        t = t[4:]
    if t.endswith("'s"):
        t = t[:-2]
    return t


def split_list(value: str) -> list[str]:
    return [v.strip() for v in (value or "").split("|") if v.strip()]


@dataclass(frozen=True)
class KBHit:
    """An actor the knowledge base knows: what ``code`` a name stands for, and why."""

    name: str
    code: str
    country: str | None
    sectors: tuple[str, ...]
    kind: str  # country | capital | metonym | org | person | adjective
    role: str | None = None


@dataclass(frozen=True)
class Term:
    name: str
    country: str | None
    role: str
    code: str
    start: date | None
    end: date | None
    source: str

    def holds_on(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


def _date(v: str) -> date | None:
    return date.fromisoformat(v) if v else None


def _sectors_of(code: str) -> tuple[str, ...]:
    rest = code[3:]
    return tuple(rest[i:i + 3] for i in range(0, len(rest), 3) if rest[i:i + 3])


class ActorKB:
    """Name → actor lookups over the knowledge-base files."""

    def __init__(self, folder: Path = ACTOR_DATA) -> None:
        self.folder = folder
        meta = {r["key"]: r["value"] for r in read_tsv(folder / "meta.tsv")}
        self.as_of: str = meta.get("as_of", "unknown")
        self.names: dict[str, KBHit] = {}
        self.exact_case: dict[str, KBHit] = {}
        self.adjectives: dict[str, KBHit] = {}
        self.country_code: dict[str, str] = {}
        self.country_name: dict[str, str] = {}
        for row in read_tsv(folder / "countries.tsv"):
            iso3, code = row["iso3"], row.get("code") or row["iso3"]
            self.country_code[iso3] = code
            self.country_name[iso3] = row["name"]
            country = KBHit(row["name"], code, iso3, (), "country")
            for alias in [row["name"], *split_list(row.get("aliases", ""))]:
                self._add_name(alias, country)
            gov = KBHit(row["name"], code + "GOV", iso3, ("GOV",), "capital")
            for alias in split_list(row.get("capitals", "")):
                self._add_name(alias, gov)
            for alias in split_list(row.get("metonyms", "")):
                self._add_name(alias, KBHit(row["name"], code + "GOV", iso3, ("GOV",), "metonym"))
            adj = KBHit(row["name"], code, iso3, (), "adjective")
            for alias in split_list(row.get("adjectives", "")):
                self.adjectives.setdefault(norm(alias), adj)
        for row in read_tsv(folder / "organizations.tsv"):
            code = row["code"]
            sectors = tuple(split_list(row.get("sectors", ""))) or _sectors_of(code)
            hit = KBHit(row["name"], code, row.get("country") or None, sectors, "org")
            for alias in [row["name"], *split_list(row.get("aliases", ""))]:
                self._add_name(alias, hit)
        self.sectors: dict[str, str] = {}
        for row in read_tsv(folder / "sectors.tsv"):
            self.sectors[norm(row["noun"])] = row["sector"]
        self.terms: dict[str, list[Term]] = defaultdict(list)
        self.all_terms: list[Term] = []
        for row in read_tsv(folder / "leaders.tsv"):
            term = Term(row["name"], row.get("country") or None, row["role"], row["code"],
                        _date(row.get("start", "")), _date(row.get("end", "")), row.get("source", ""))
            self.all_terms.append(term)
            for alias in {row["name"], *split_list(row.get("aliases", ""))}:
                self.terms[norm(alias)].append(term)

    def _add_name(self, alias: str, hit: KBHit) -> None:
        if len(alias) <= 4 and alias.replace(".", "").isupper():
            self.exact_case.setdefault(alias, hit)
            return
        self.names.setdefault(norm(alias), hit)

    # -- lookups -------------------------------------------------------------------------------
    def lookup(self, text: str, on: date | None = None) -> KBHit | None:
        """Resolve a proper name (person, organisation, country, capital, metonym)."""
        if text in self.exact_case:
            return self.exact_case[text]
        key = norm(text)
        if not key:
            return None
        person = self.person(key, on)
        if person is not None:
            return person
        return self.names.get(key)

    def person(self, key: str, on: date | None) -> KBHit | None:
        """A leader by name; the role held on ``on`` decides the code (a former holder is ELI)."""
        terms = self.terms.get(norm(key))
        if not terms:
            return None
        if on is not None:
            current = [t for t in terms if t.holds_on(on)]
            if current:
                t = min(current, key=lambda t: ROLE_RANK.get(t.role, 9))
                return KBHit(t.name, t.code, t.country, _sectors_of(t.code), "person", t.role)
        t = max(terms, key=lambda t: (t.start or date.min))
        if on is None:
            return KBHit(t.name, t.code, t.country, _sectors_of(t.code), "person", t.role)
        country_code = self.country_code.get(t.country or "", t.code[:3])
        return KBHit(t.name, country_code + "ELI", t.country, ("ELI",), "person", "former " + t.role)

    def adjective(self, text: str) -> KBHit | None:
        """A country adjective or demonym ('Russian', 'Ukrainians')."""
        return self.adjectives.get(norm(text))

    def sector(self, noun: str) -> str | None:
        """The CAMEO sector code a noun names ('troops' → MIL)."""
        return self.sectors.get(norm(noun))

    def code_for_country(self, iso3: str) -> str:
        return self.country_code.get(iso3, iso3)


@lru_cache(maxsize=1)
def default_kb() -> ActorKB:
    return ActorKB()
