"""Trigger lexicon (event words → CAMEO) and frame cues (words that govern other events).

``triggers.tsv``: lemma, pos, particle, object, code, note. ``cues.tsv``: lemma, pos, particle, frame,
code, note. A row matches a token when the lemma and part of speech agree, the particle (if any)
hangs off the token, and the object (if any) names the head of its object. The most specific
matching row wins (particle and object each count one).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Token

from .codebook import DATA, read_tsv

OBJECT_DEPS = {"dobj", "obj", "attr", "oprd"}
PARTICLE_DEPS = {"prt", "prep", "agent", "advmod", "dative"}


@dataclass(frozen=True)
class LexRow:
    lemma: str
    pos: str
    particle: str
    objects: frozenset[str]
    code: str
    frame: str | None
    row_id: str

    @property
    def specificity(self) -> int:
        return int(bool(self.particle)) + int(bool(self.objects))


def _object_lemmas(tok: Token, particle: str) -> set[str]:
    """Head lemmas of what the token acts on: direct object, the particle's object, a passive
    subject, or for a noun its 'of' complement and compound modifiers."""
    out: set[str] = set()
    for c in tok.children:
        if c.dep_ in OBJECT_DEPS or c.dep_ in {"nsubjpass", "compound", "amod"}:
            out.add(c.lemma_.lower())
            out.update(cc.lemma_.lower() for cc in c.conjuncts)
        if c.dep_ in {"prep", "prt", "agent"} and (not particle or c.lower_ == particle or c.lower_ == "of"):
            for g in c.children:
                if g.dep_ == "pobj":
                    out.add(g.lemma_.lower())
                    out.update(gc.lemma_.lower() for gc in g.conjuncts)
        if c.dep_ in {"prt", "advmod"}:
            for p in c.children:
                if p.dep_ == "prep":
                    out.update(g.lemma_.lower() for g in p.children if g.dep_ == "pobj")
    if tok.dep_ in {"dobj", "nsubjpass", "pobj"} and tok.pos_ in {"NOUN", "PROPN"}:
        out.add(tok.head.lemma_.lower())
    return out


def _has_particle(tok: Token, particle: str) -> bool:
    parts = particle.split()
    return any(c.dep_ in PARTICLE_DEPS and c.lower_ == parts[0] for c in tok.children) or (
        tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == parts[0]
    )


class Lexicon:
    def __init__(self, data_dir: Path = DATA) -> None:
        self.triggers: dict[tuple[str, str], list[LexRow]] = defaultdict(list)
        self.cues: dict[tuple[str, str], list[LexRow]] = defaultdict(list)
        path = data_dir / "triggers.tsv"
        if path.exists():
            for n, row in enumerate(read_tsv(path), start=2):
                self.triggers[(row["lemma"].lower(), row["pos"].upper())].append(self._row(row, None, f"T{n}"))
        for n, row in enumerate(read_tsv(data_dir / "cues.tsv"), start=2):
            self.cues[(row["lemma"].lower(), row["pos"].upper())].append(
                self._row(row, row["frame"], f"C{n}"))

    @staticmethod
    def _row(row: dict[str, str], frame: str | None, row_id: str) -> LexRow:
        objs = frozenset(o.strip().lower() for o in (row.get("object") or "").split("|") if o.strip())
        return LexRow(row["lemma"].lower(), row["pos"].upper(), (row.get("particle") or "").lower(), objs,
                      row["code"], frame, row_id)

    @staticmethod
    def pos_of(tok: Token) -> str | None:
        if tok.pos_ == "VERB" or (tok.pos_ == "AUX" and tok.dep_ not in {"aux", "auxpass"}):
            return "VERB"
        if tok.pos_ == "NOUN" or (tok.pos_ == "PROPN" and not tok.ent_type_ and tok.is_title):
            return "NOUN"  # a proper name ("Ban Ki-moon") is never a trigger
        return None

    def both(self, tok: Token) -> tuple[LexRow | None, LexRow | None]:
        """(trigger row, cue row) of a token, with its part of speech worked out once."""
        pos = self.pos_of(tok)
        if pos is None:
            return None, None
        return self._match(self.triggers, tok, pos), self._match(self.cues, tok, pos)

    def _match(self, table: dict[tuple[str, str], list[LexRow]], tok: Token, pos: str | None = None
               ) -> LexRow | None:
        pos = pos or self.pos_of(tok)
        if pos is None:
            return None
        rows = table.get((tok.lemma_.lower(), pos)) or table.get((tok.lower_, pos))
        if not rows:
            return None
        best: LexRow | None = None
        objects: set[str] | None = None
        for row in rows:
            if row.particle and not _has_particle(tok, row.particle):
                continue
            if row.objects:
                if objects is None:
                    objects = _object_lemmas(tok, row.particle)
                if not (row.objects & objects):
                    continue
            if best is None or row.specificity > best.specificity:
                best = row
        return best

    def trigger(self, tok: Token) -> LexRow | None:
        return self._match(self.triggers, tok)

    def cue(self, tok: Token) -> LexRow | None:
        return self._match(self.cues, tok)


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    return Lexicon()
