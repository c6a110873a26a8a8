"""Consistency checks for the actor knowledge base TSV files.

These tests read the files with the csv module only (no tacitus imports), so
they guard the data itself: columns, codes, dates, non-overlapping terms and
unambiguous country names.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections import defaultdict
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[1] / "src" / "tacitus" / "knowledge" / "data" / "actors"

COLUMNS = {
    "countries.tsv": ["iso3", "code", "name", "aliases", "adjectives", "capitals", "metonyms"],
    "organizations.tsv": ["name", "aliases", "code", "country", "sectors", "kind"],
    "sectors.tsv": ["noun", "sector", "note"],
    "leaders.tsv": ["name", "aliases", "country", "role", "code", "start", "end", "source"],
    "meta.tsv": ["key", "value"],
}

# CAMEO role/sector codes this knowledge base may use (primary and secondary
# roles from the CAMEO actor codebook, plus the generic international types).
ALLOWED_SECTORS = {
    "GOV",
    "MIL",
    "REB",
    "OPP",
    "PTY",
    "COP",
    "JUD",
    "SPY",
    "LEG",
    "MED",
    "BUS",
    "CVL",
    "CRM",
    "EDU",
    "ELI",
    "HLH",
    "HRI",
    "LAB",
    "REF",
    "REL",
    "AGR",
    "DEV",
    "ENV",
    "MOD",
    "RAD",
    "SEP",
    "UAF",
    "INS",
    "SET",
    "IGO",
    "NGO",
    "NGM",
    "MNC",
    "PKO",
    "IMG",
}

ALLOWED_KINDS = {"igo", "ngo", "state_body", "company", "armed_group", "party"}

ALLOWED_ROLES = {
    "head_of_state",
    "head_of_government",
    "foreign_minister",
    "defence_minister",
    "secretary_general",
    "commission_president",
    "council_president",
    "high_representative",
}

# Strings that legitimately name more than one country. Keep this list short
# and documented in README.md: the resolver has to use context for these.
AMBIGUOUS_COUNTRY_STRINGS = {
    "congo",  # Republic of the Congo and DR Congo are both called "Congo"
    "congolese",  # demonym of both Congos
    "dominican",  # Dominican Republic and Dominica
    "dominicans",
}

DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
CODE_RE = re.compile(r"^[A-Z]{3}(?:[A-Z]{3})*$")


def read_tsv(name: str) -> list[dict[str, str]]:
    text = (DATA / name).read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    i = 0
    while i < len(lines) and lines[i].startswith("#"):
        i += 1
    body = "".join(lines[i:])
    reader = csv.DictReader(io.StringIO(body), delimiter="\t")
    rows = list(reader)
    assert reader.fieldnames == COLUMNS[name], f"{name}: columns {reader.fieldnames}"
    for n, row in enumerate(rows, start=i + 2):
        assert None not in row, f"{name}:{n}: too many fields"
        assert all(v is not None for v in row.values()), f"{name}:{n}: too few fields"
    return rows


def split(field: str) -> list[str]:
    return [p.strip() for p in field.split("|") if p.strip()]


def parse_date(s: str) -> dt.date:
    assert DATE_RE.match(s), f"bad date {s!r}"
    return dt.date.fromisoformat(s)


@pytest.fixture(scope="module")
def countries():
    return read_tsv("countries.tsv")


@pytest.fixture(scope="module")
def leaders():
    return read_tsv("leaders.tsv")


@pytest.fixture(scope="module")
def organizations():
    return read_tsv("organizations.tsv")


@pytest.fixture(scope="module")
def sectors():
    return read_tsv("sectors.tsv")


@pytest.fixture(scope="module")
def meta():
    return {r["key"]: r["value"] for r in read_tsv("meta.tsv")}


@pytest.mark.parametrize("name", sorted(COLUMNS))
def test_file_layout(name):
    """Header first (after optional top comments); no comments or blank lines later; no quotes."""
    text = (DATA / name).read_text(encoding="utf-8")
    lines = text.splitlines()
    i = 0
    while i < len(lines) and lines[i].startswith("#"):
        i += 1
    assert lines[i].split("\t") == COLUMNS[name]
    for n, line in enumerate(lines[i + 1 :], start=i + 2):
        assert line.strip(), f"{name}:{n}: blank line"
        assert not line.startswith("#"), f"{name}:{n}: comment lines are only allowed at the top"
        assert '"' not in line, f"{name}:{n}: double quotes make the TSV ambiguous"
        assert len(line.split("\t")) == len(COLUMNS[name]), f"{name}:{n}: wrong number of fields"
        for field in line.split("\t"):
            assert field == field.strip(), f"{name}:{n}: stray whitespace around {field!r}"


def test_readme_exists():
    assert (DATA / "README.md").is_file()


def test_meta(meta):
    assert set(meta) >= {"as_of", "version", "note"}
    parse_date(meta["as_of"])
    assert meta["version"].isdigit()
    assert meta["note"]


# --- countries ---------------------------------------------------------------


def test_countries_iso3_unique_and_wellformed(countries):
    iso = [r["iso3"] for r in countries]
    assert len(iso) == len(set(iso))
    assert all(re.fullmatch(r"[A-Z]{3}", c) for c in iso)
    assert len(countries) >= 249


def test_countries_have_name_and_code(countries):
    for r in countries:
        assert r["name"], r["iso3"]
        assert re.fullmatch(r"[A-Z]{3}", r["code"]), r
    codes = [r["code"] for r in countries]
    assert len(codes) == len(set(codes))


def test_key_countries_present(countries):
    by = {r["iso3"]: r for r in countries}
    assert by["RUS"]["name"] == "Russia"
    assert by["UKR"]["name"] == "Ukraine"
    assert by["USA"]["name"] == "United States"
    assert "Kyiv" in split(by["UKR"]["capitals"]) and "Kiev" in split(by["UKR"]["capitals"])
    assert "Kremlin" in split(by["RUS"]["metonyms"])
    assert "Russian" in split(by["RUS"]["adjectives"])


def test_country_strings_unambiguous(countries):
    owners: dict[str, set[str]] = defaultdict(set)
    for r in countries:
        strings = [r["name"]]
        for col in ("aliases", "adjectives", "capitals", "metonyms"):
            strings += split(r[col])
        for s in strings:
            owners[s.casefold()].add(r["iso3"])
    clashes = {s: sorted(o) for s, o in owners.items() if len(o) > 1 and s not in AMBIGUOUS_COUNTRY_STRINGS}
    assert not clashes, f"strings naming several countries: {clashes}"
    # the allow-list must stay honest: every entry is really ambiguous
    for s in AMBIGUOUS_COUNTRY_STRINGS:
        assert len(owners.get(s, ())) > 1, f"{s!r} is no longer ambiguous; drop it from the allow-list"


# --- sectors -----------------------------------------------------------------


def test_sector_nouns(sectors):
    nouns = [r["noun"] for r in sectors]
    assert len(nouns) == len(set(nouns)), "duplicate nouns"
    assert len(nouns) >= 200
    for r in sectors:
        assert r["noun"] == r["noun"].lower().strip(), r
        assert r["sector"] == "" or r["sector"] in ALLOWED_SECTORS, r
    by = {r["noun"]: r["sector"] for r in sectors}
    assert by["separatist"] == "REB"
    assert by["protester"] == "CVL"
    assert by["troop"] == "MIL"
    assert by["police"] == "COP"


# --- organizations -------------------------------------------------------------


def test_organizations(organizations, countries):
    iso = {r["iso3"] for r in countries}
    names = [r["name"] for r in organizations]
    assert len(names) == len(set(names)), "duplicate organisation names"
    for r in organizations:
        assert r["name"], r
        assert CODE_RE.match(r["code"]), r
        assert r["kind"] in ALLOWED_KINDS, r
        assert r["country"] == "" or r["country"] in iso, r
        for s in split(r["sectors"]):
            assert s in ALLOWED_SECTORS, r
    by = {r["name"]: r for r in organizations}
    assert by["NATO"]["code"] == "IGOWSTNAT"
    assert by["United Nations"]["code"] == "IGOUNO"
    assert by["Donetsk People's Republic"]["code"] == "UKRREB"
    assert by["Pentagon"]["code"] == "USAMIL"


def test_organization_aliases_unique(organizations):
    owners: dict[str, set[str]] = defaultdict(set)
    for r in organizations:
        for s in [r["name"], *split(r["aliases"])]:
            owners[s.casefold()].add(r["name"])
    clashes = {s: sorted(o) for s, o in owners.items() if len(o) > 1}
    assert not clashes, clashes


def test_organization_strings_do_not_shadow_countries(organizations, countries):
    country_strings = set()
    for r in countries:
        country_strings.add(r["name"].casefold())
        for col in ("aliases", "adjectives", "capitals", "metonyms"):
            country_strings.update(s.casefold() for s in split(r[col]))
    clashes = sorted(
        s for r in organizations for s in [r["name"], *split(r["aliases"])] if s.casefold() in country_strings
    )
    assert not clashes, clashes


# --- leaders -------------------------------------------------------------------


def test_leader_rows(leaders, countries):
    iso = {r["iso3"] for r in countries}
    for r in leaders:
        assert r["name"], r
        assert r["role"] in ALLOWED_ROLES, r
        assert r["source"], r
        assert CODE_RE.match(r["code"]), r
        if r["country"]:
            assert r["country"] in iso, r
            assert r["code"] == r["country"] + "GOV", r
        else:
            assert r["code"].startswith("IGO"), r
        start = parse_date(r["start"])
        if r["end"]:
            assert start <= parse_date(r["end"]), r


def test_leader_terms_never_overlap(leaders):
    groups: dict[tuple[str, str], list[dict[str, str]]] = defaultdict(list)
    for r in leaders:
        key = (r["country"] or r["code"], r["role"])
        groups[key].append(r)
    far = dt.date.max
    for key, rows in groups.items():
        rows = sorted(rows, key=lambda r: r["start"])
        open_ended = [r for r in rows if not r["end"]]
        assert len(open_ended) <= 1, (
            f"{key}: several holders without end date: {[r['name'] for r in open_ended]}"
        )
        if open_ended:
            assert open_ended[0] is rows[-1], f"{key}: only the latest holder may lack an end date"
        for a, b in zip(rows, rows[1:], strict=False):
            a_end = parse_date(a["end"]) if a["end"] else far
            assert a_end < parse_date(b["start"]), (
                f"{key}: {a['name']} ({a['start']}..{a['end']}) overlaps {b['name']} ({b['start']}..)"
            )


def test_leaders_cover_required_states(leaders):
    required = {
        "ARG",
        "AUS",
        "BRA",
        "CAN",
        "CHN",
        "FRA",
        "DEU",
        "IND",
        "IDN",
        "ITA",
        "JPN",
        "MEX",
        "RUS",
        "SAU",
        "ZAF",
        "KOR",
        "TUR",
        "GBR",
        "USA",
        "UKR",
        "BLR",
        "POL",
        "GEO",
        "MDA",
        "SYR",
        "IRN",
        "ISR",
    }
    roles = {"head_of_state", "head_of_government", "foreign_minister", "defence_minister"}
    have = {(r["country"], r["role"]) for r in leaders}
    missing = sorted((c, ro) for c in required for ro in roles if (c, ro) not in have)
    assert not missing, missing
    igo = {(r["code"], r["role"]) for r in leaders if not r["country"]}
    assert {
        ("IGOWSTNAT", "secretary_general"),
        ("IGOUNO", "secretary_general"),
        ("IGOEUREEC", "commission_president"),
        ("IGOEUREEC", "council_president"),
        ("IGOEUREEC", "high_representative"),
    } <= igo


def _holder(leaders, country, role, day):
    d = dt.date.fromisoformat(day)
    out = [
        r["name"]
        for r in leaders
        if r["country"] == country
        and r["role"] == role
        and parse_date(r["start"]) <= d
        and (not r["end"] or d <= parse_date(r["end"]))
    ]
    assert len(out) <= 1
    return out[0] if out else None


@pytest.mark.parametrize(
    "country,role,day,name",
    [
        ("UKR", "head_of_state", "2014-02-21", "Viktor Yanukovych"),
        ("UKR", "head_of_state", "2014-03-01", "Oleksandr Turchynov"),
        ("UKR", "head_of_state", "2014-06-06", "Oleksandr Turchynov"),
        ("UKR", "head_of_state", "2014-06-07", "Petro Poroshenko"),
        ("UKR", "head_of_government", "2014-03-01", "Arseniy Yatsenyuk"),
        ("UKR", "foreign_minister", "2014-04-17", "Andrii Deshchytsia"),
        ("UKR", "defence_minister", "2014-03-10", "Ihor Tenyukh"),
        ("UKR", "defence_minister", "2014-05-01", "Mykhailo Koval"),
        ("UKR", "defence_minister", "2014-08-01", "Valeriy Heletey"),
        ("RUS", "head_of_state", "2014-03-18", "Vladimir Putin"),
        ("RUS", "head_of_government", "2010-01-01", "Vladimir Putin"),
        ("RUS", "defence_minister", "2014-03-01", "Sergei Shoigu"),
        ("USA", "head_of_state", "2014-03-01", "Barack Obama"),
    ],
)
def test_known_holders(leaders, country, role, day, name):
    assert _holder(leaders, country, role, day) == name
