"""Clean-data rule: no 8-word run is shared between the project's text (training/, tests/, dev/,
knowledge data, samples, corpus) and other projects' gold suites or the reference article in ../shared."""

from __future__ import annotations

import re

from conftest import ROOT, require_shared

N = 8
WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
OURS = ["training", "tests", "dev", "src/tacitus/knowledge/data", "src/tacitus/samples", "src/tacitus/corpus"]
SUFFIXES = {".jsonl", ".json", ".txt", ".tsv", ".md", ".py"}


def shingles(text: str) -> set[tuple[str, ...]]:
    words = WORD.findall(text.lower())
    return {tuple(words[i:i + N]) for i in range(len(words) - N + 1)}


def test_no_eight_word_run_from_peers_or_the_example():
    theirs: set[tuple[str, ...]] = set()
    for folder in ("peers", "examples"):
        base = require_shared(folder)
        for f in base.rglob("*"):
            if f.is_file() and f.suffix.lower() not in {".md"}:
                text = f.read_text(encoding="utf-8", errors="replace")
                # CoNLL parse lines would make fake runs of column values: keep running text only
                text = "\n".join(ln for ln in text.splitlines() if not re.match(r"^\d+\t", ln))
                theirs |= shingles(text)
    hits = []
    for rel in OURS:
        for f in (ROOT / rel).rglob("*"):
            if f.is_file() and f.suffix in SUFFIXES and f.name != "test_clean_data.py":
                text = f.read_text(encoding="utf-8", errors="replace")
                if f.name == "cameo.tsv":
                    # code numbers and official short names are facts; our descriptions must be ours
                    text = "\n".join(ln.split("\t")[2] for ln in text.splitlines()
                                     if ln.count("\t") >= 3 and not ln.startswith("#"))
                common = shingles(text) & theirs
                if common:
                    hits.append((str(f.relative_to(ROOT)), " ".join(sorted(common)[0])))
    assert not hits, f"{len(hits)} files share an {N}-word run with ../shared: {hits[:10]}"
