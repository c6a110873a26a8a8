"""Sanity checks for the trigger lexicon (knowledge/data/triggers.tsv).

Reads the files with the csv module only (no tacitus imports), so it can run
before the package itself is importable.
"""

import csv
from collections import defaultdict
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[1] / "src" / "tacitus" / "knowledge" / "data"
TRIGGERS = DATA / "triggers.tsv"
CAMEO = DATA / "cameo.tsv"

HEADER = ["lemma", "pos", "particle", "object", "code", "note"]
ROOTS = {f"{i:02d}" for i in range(1, 21)}

# Speech / appeal / intent / refusal / threat / accusation words are frame cues
# handled elsewhere; they may only appear here inside a fixed phrase (with a
# particle or object constraint), e.g. "claim responsibility", "call off".
EXCLUDED = {
    "say", "tell", "state", "add", "announce", "declare", "claim", "report", "note",
    "stress", "insist", "warn", "urge", "call", "appeal", "ask", "request", "plead",
    "demand", "promise", "pledge", "vow", "offer", "plan", "intend", "threaten",
    "refuse", "decline", "deny", "accuse", "allege", "agree",
}


def read_rows():
    with TRIGGERS.open(encoding="utf-8", newline="") as f:
        text = f.read()
    lines = text.splitlines()
    assert lines, "triggers.tsv is empty"
    assert lines[0].split("\t") == HEADER, f"bad header: {lines[0]!r}"
    rows = []
    for n, line in enumerate(lines[1:], start=2):
        if not line.strip():
            continue
        fields = next(csv.reader([line], delimiter="\t", quoting=csv.QUOTE_NONE))
        assert len(fields) == len(HEADER), f"line {n}: {len(fields)} fields: {line!r}"
        row = dict(zip(HEADER, fields))
        row["_line"] = n
        rows.append(row)
    return rows


@pytest.fixture(scope="module")
def rows():
    return read_rows()


def test_enough_rows(rows):
    assert len(rows) >= 700


def test_lemma_and_pos(rows):
    for r in rows:
        lemma = r["lemma"]
        assert lemma, f"line {r['_line']}: empty lemma"
        assert lemma == lemma.lower(), f"line {r['_line']}: lemma not lowercase: {lemma!r}"
        assert lemma == lemma.strip() and " " not in lemma, f"line {r['_line']}: {lemma!r}"
        assert "|" not in lemma, f"line {r['_line']}: {lemma!r}"
        assert r["pos"] in {"VERB", "NOUN"}, f"line {r['_line']}: pos {r['pos']!r}"


def test_particle_is_one_word(rows):
    for r in rows:
        p = r["particle"]
        if p:
            assert p == p.lower() and p.isalpha(), f"line {r['_line']}: particle {p!r}"


def test_object_lemmas(rows):
    for r in rows:
        if not r["object"]:
            continue
        items = r["object"].split("|")
        for o in items:
            assert o, f"line {r['_line']}: empty item in object list {r['object']!r}"
            assert o == o.lower() and " " not in o, f"line {r['_line']}: object {o!r}"
        assert len(items) == len(set(items)), f"line {r['_line']}: repeated object lemma"


def test_codes_well_formed(rows):
    for r in rows:
        code = r["code"]
        assert code.isdigit(), f"line {r['_line']}: code {code!r}"
        assert len(code) in (3, 4), f"line {r['_line']}: code {code!r}"
        assert code[:2] in ROOTS, f"line {r['_line']}: root of {code!r}"


def test_codes_in_codebook(rows):
    if not CAMEO.exists():
        pytest.skip("cameo.tsv not present yet")
    with CAMEO.open(encoding="utf-8", newline="") as f:
        lines = [ln for ln in f.read().splitlines() if ln and not ln.startswith("#")]
    known = {ln.split("\t")[0] for ln in lines[1:]}
    missing = sorted({r["code"] for r in rows} - known)
    assert not missing, f"codes not in cameo.tsv: {missing}"


def test_no_conflicting_duplicates(rows):
    seen = {}
    for r in rows:
        key = (r["lemma"], r["pos"], r["particle"], r["object"])
        if key in seen:
            assert seen[key] == r["code"], f"line {r['_line']}: {key} coded {seen[key]} and {r['code']}"
        seen[key] = r["code"]


def test_object_lists_do_not_overlap_across_codes(rows):
    """The same trigger+particle must not map one object lemma to two codes."""
    owner = defaultdict(dict)
    for r in rows:
        if not r["object"]:
            continue
        slot = owner[(r["lemma"], r["pos"], r["particle"])]
        for o in r["object"].split("|"):
            if o in slot:
                assert slot[o] == r["code"], (
                    f"line {r['_line']}: {r['lemma']}/{r['pos']}/{r['particle']!r} + {o!r} "
                    f"coded {slot[o]} and {r['code']}"
                )
            slot[o] = r["code"]


def test_excluded_lemmas_only_constrained(rows):
    for r in rows:
        if r["lemma"] in EXCLUDED:
            assert r["particle"] or r["object"], (
                f"line {r['_line']}: frame word {r['lemma']!r} listed without particle/object"
            )


def test_every_root_covered(rows):
    roots = {r["code"][:2] for r in rows}
    assert ROOTS <= roots, f"roots without triggers: {sorted(ROOTS - roots)}"
