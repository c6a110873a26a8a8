"""Sanity checks for the CAMEO/PLOVER/frames TSV data files.

Reads the files with the csv module only (no tacitus imports), so it can run
before the package itself is importable.
"""

import csv
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[1] / "src" / "tacitus" / "knowledge" / "data"

PLOVER_TYPES = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT",
    "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION",
    "MOBILIZE", "COERCE", "ASSAULT",
}
ROOTS = {f"{i:02d}" for i in range(1, 21)}
FRAME_ROOTS = {"intent": "03", "appeal": "02", "demand": "10", "reject": "12", "threaten": "13"}


def read_tsv(name):
    """Return (header, rows) of a TSV file; '#' comment lines are allowed only at the top."""
    path = DATA / name
    with path.open(encoding="utf-8", newline="") as f:
        lines = f.read().splitlines()
    i = 0
    while i < len(lines) and lines[i].startswith("#"):
        i += 1
    body = lines[i:]
    assert body, f"{name}: no header line"
    for n, line in enumerate(body[1:], start=i + 2):
        assert not line.startswith("#"), f"{name}:{n}: comment lines are only allowed at the top"
    reader = csv.DictReader(body, delimiter="\t")
    rows = [r for r in reader if any((v or "").strip() for v in r.values())]
    for r in rows:
        assert None not in r, f"{name}: too many fields in row {r}"
        assert all(v is not None for v in r.values()), f"{name}: too few fields in row {r}"
    return reader.fieldnames, rows


@pytest.fixture(scope="module")
def cameo():
    header, rows = read_tsv("cameo.tsv")
    assert header == ["code", "name", "description", "goldstein"]
    return rows


@pytest.fixture(scope="module")
def codes(cameo):
    return {r["code"] for r in cameo}


def test_codes_unique_and_digits(cameo):
    seen = set()
    for r in cameo:
        c = r["code"]
        assert c.isdigit(), c
        assert len(c) in (2, 3, 4), c
        assert c not in seen, f"duplicate code {c}"
        seen.add(c)
        assert r["name"].strip(), c
        assert r["description"].strip(), c


def test_roots_present(codes):
    assert ROOTS <= codes
    # every code lives under one of the 20 roots, so quad class is derivable
    assert {c[:2] for c in codes} == ROOTS


def test_parents_exist(codes):
    for c in codes:
        if len(c) > 2:
            assert c[:-1] in codes, f"{c}: parent {c[:-1]} missing"


def test_goldstein_range(cameo):
    for r in cameo:
        g = float(r["goldstein"])
        assert -10.0 <= g <= 10.0, r["code"]


def test_some_known_goldstein_values(cameo):
    g = {r["code"]: float(r["goldstein"]) for r in cameo}
    assert g["010"] == 0.0
    assert g["020"] == 3.0
    assert g["190"] == -10.0
    assert g["0874"] == 10.0


def test_quad_class_derivable(codes):
    def quad(code):
        root = int(code[:2])
        return 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4
    assert {quad(c) for c in codes} == {1, 2, 3, 4}


def test_plover_types():
    header, rows = read_tsv("plover.tsv")
    assert header == ["type", "description", "modes"]
    types = [r["type"] for r in rows]
    assert set(types) == PLOVER_TYPES and len(types) == len(PLOVER_TYPES)
    for r in rows:
        assert r["description"].strip()
        modes = [m for m in r["modes"].split("|") if m]
        assert len(modes) == len(set(modes)), r["type"]


def test_cameo_plover(codes):
    header, rows = read_tsv("cameo_plover.tsv")
    assert header == ["cameo", "plover_type", "plover_mode"]
    _, prow = read_tsv("plover.tsv")
    modes = {r["type"]: set(filter(None, r["modes"].split("|"))) for r in prow}
    seen = set()
    for r in rows:
        c = r["cameo"]
        assert c in codes, f"unknown CAMEO code {c}"
        assert c not in seen, f"duplicate crosswalk row {c}"
        seen.add(c)
        t, m = r["plover_type"], r["plover_mode"]
        if t:
            assert t in PLOVER_TYPES, t
        if m:
            assert t, f"{c}: mode without type"
            assert m in modes[t], f"{c}: mode {m} not listed for {t} in plover.tsv"
    # every root has a row, so longest-prefix resolution always finds something
    assert ROOTS <= seen


def test_frames(codes):
    header, rows = read_tsv("frames.tsv")
    assert header == ["embedded", "intent", "appeal", "demand", "reject", "threaten"]
    seen = set()
    for r in rows:
        e = r["embedded"]
        assert e == "*" or e in codes, f"unknown embedded code {e}"
        assert e not in seen, f"duplicate frame row {e}"
        seen.add(e)
        for col, root in FRAME_ROOTS.items():
            v = r[col]
            if v:
                assert v in codes, f"{e}/{col}: unknown code {v}"
                assert v.startswith(root), f"{e}/{col}: {v} is not under root {root}"
    assert "*" in seen
    star = next(r for r in rows if r["embedded"] == "*")
    assert (star["intent"], star["appeal"], star["demand"], star["reject"], star["threaten"]) == (
        "030", "020", "100", "120", "130")
