"""Find and geocode place mentions in a parsed article.

:func:`find_places` combines two sources of candidate spans:

1. spaCy's GPE/LOC entities, looked up whole in the gazetteer;
2. a dictionary scan of the tokens for gazetteer names the small NER model
   misses or mislabels ("Donetsk" untagged, "Belgorod" as ORG, "Rostov" as
   PERSON): every country, every admin-1 region and every city of at least
   100,000 inhabitants, by name and close spelling variant.

The scan is a longest-match lookup of token n-grams in the gazetteer's
normalized-key set, started only at capitalised tokens whose first word is a
known first word; it shares :func:`~tacitus.knowledge.gazetteer.normalize_name`
with the gazetteer, so it is insensitive to diacritics, apostrophes and
hyphenation ("Rostov-on-Don", "Donets'k", "Dnipró") and needs no build step.
(A spaCy ``PhraseMatcher`` on ``LOWER`` was the first plan; it would need one
pattern per spelling variant, ~37k patterns built per vocabulary, and still miss
diacritic variants.)  A scanned name only counts when it looks like a name:
capitalised, tagged as a proper noun, not a common word opening a sentence
("Nice weather", "Split decisions"), not inside a longer non-place entity
("Kyiv Post"), and not a person's name ("Florence Brightwater") unless a
locative cue says otherwise ("in Rostov", "Rostov region").

Admin-1 designators switch a mention to region precision: "the Donetsk
region", "Donetsk oblast", "Rakhine State", "the province of Helmand", and
coordinations closed by a plural designator, where every conjunct is a region:
"Rostov, Belgorod and Bryansk regions", "the regions of Kherson and
Zaporizhzhia".  A bare name keeps the gazetteer's default ("in Donetsk" is the
city).  Generic names ("Central", "Northern", "Gulf") count only with a
capitalised designator ("the Central Region"), never in descriptions ("Gulf
states").  A following country or region qualifies a name: "Paris, Texas",
"the Central Region of Ghana".  Country adjectives ("Ukrainian") are not places.

Resolution uses the caller's ``context_countries`` (ISO alpha-3, most
important first) as given.  Countries merely named in the text are not added to
it: with the gazetteer's context-first ranking, one mention of "the United
States" would turn "Geneva" into Geneva, Illinois.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING

from tacitus.knowledge.gazetteer import (
    ADMIN1_DESIGNATORS,
    ADMIN1_DESIGNATORS_PLURAL,
    GENERIC_NAME_KEYS,
    Gazetteer,
    Place,
    normalize_name,
    split_admin1_designator,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

__all__ = ["PlaceMention", "find_places"]

PLACE_LABELS = frozenset({"GPE", "LOC"})
_NUMERIC_LABELS = frozenset({"DATE", "TIME", "MONEY", "QUANTITY", "PERCENT", "ORDINAL", "CARDINAL"})
#: Words before a name that make it a location even when NER calls it a person.
_LOCATIVE_CUES = frozenset(
    {
        "in", "near", "to", "from", "at", "outside", "across", "over", "into", "toward", "towards",
        "around", "through", "via", "of", "inside", "throughout", "within", "beyond", "off", "on",
        "between", "above", "along", "past", "north", "south", "east", "west", "northeast",
        "northwest", "southeast", "southwest", "northern", "southern", "eastern", "western",
    }
)
#: Lower-case words allowed inside a multi-word name ("Rostov-on-Don", "Port of Spain").
_NAME_CONNECTORS = frozenset(
    {
        "on", "upon", "de", "del", "della", "la", "le", "les", "al", "el", "of", "and", "the", "da",
        "do", "dos", "das", "na", "nad", "am", "an", "der", "den", "sur", "en", "y", "i", "di", "du",
        "des", "ad", "as", "ar", "at", "e", "bin", "ibn", "pod", "sul", "sous", "im", "-", "'", "’",
    }
)
#: Capitalised at the start of a sentence these are usually ordinary words.
_SENTENCE_START_STOPWORDS = frozenset(
    {
        "nice", "split", "mobile", "reading", "orange", "sale", "tours", "hope", "deal", "bath",
        "most", "date", "independence", "surprise", "temple", "marks", "police", "university",
        "victoria", "florence", "aurora", "phoenix", "concord", "providence", "regina", "of",
        "can", "will", "may", "march", "page", "mentor", "union", "progress", "liberty", "unity",
        "enterprise", "harmony", "lafayette", "gary", "kent", "eugene", "tyler", "jackson",
        "charlotte", "austin", "lincoln", "jordan", "chad", "nancy", "sydney", "georgia", "virginia",
    }
)
_COORDINATORS = frozenset({",", "and", "or", "&"})
_MAX_SCAN_TOKENS = 12


@dataclass(frozen=True)
class PlaceMention:
    """A place named in the text.

    Attributes:
        start, end: character offsets of the mention in the ``Doc``'s text
            (for a ``Span`` input too: offsets are relative to ``span.doc.text``).
        text: the mention as written, including an attached designator
            ("Donetsk region"), without a leading "the".
        place: the resolved :class:`~tacitus.knowledge.gazetteer.Place`.
        token_start, token_end: token indices in the ``Doc`` (end exclusive).
    """

    start: int
    end: int
    text: str
    place: Place
    token_start: int
    token_end: int

    def to_dict(self) -> dict[str, object]:
        """Plain-dict form (the place nested as a dict), JSON-serializable."""
        return asdict(self)


@dataclass
class _Candidate:
    core_start: int  # tokens of the name itself
    core_end: int
    start: int  # tokens of the whole mention (name plus designator)
    end: int
    source: str  # "ner" or "scan"
    kind: str | None = None
    plural_designator_after: bool = False
    plural_designator_before: bool = False
    minor: bool = False  # scanned small place: needs a cue (see _scan_candidates)
    designator: int | None = None  # token index of an attached "region", "oblast", ...
    place: Place | None = field(default=None, compare=False)


def find_places(
    doc: Doc | Span,
    context_countries: Sequence[str] = (),
    gazetteer: Gazetteer | None = None,
) -> list[PlaceMention]:
    """Find and resolve the places named in ``doc``.

    Args:
        doc: a parsed spaCy ``Doc`` (tagger and NER used when present), or a
            ``Span`` of one (e.g. a sentence).
        context_countries: ISO alpha-3 codes of the article's countries, most
            important first; used to pick between same-name places.
        gazetteer: defaults to :meth:`Gazetteer.default`.

    Returns:
        Non-overlapping mentions in text order.
    """
    gaz = gazetteer if gazetteer is not None else Gazetteer.default()
    base = doc.doc
    lo, hi = (0, len(base)) if doc is base else (doc.start, doc.end)
    ents = [e for e in base.ents if e.start >= lo and e.end <= hi]
    ent_at: dict[int, Span] = {}
    for e in ents:
        for i in range(e.start, e.end):
            ent_at[i] = e
    has_tags = any(t.tag_ for t in base[lo : min(hi, lo + 50)])
    # (Token.is_sent_start re-checks the whole Doc's annotation on every call: compute once)
    sent_starts = {s.start for s in base.sents} if base.has_annotation("SENT_START") else {lo}
    sent_starts.add(lo)

    candidates = _ner_candidates(base, ents, gaz)
    candidates += _scan_candidates(base, lo, hi, gaz, ent_at)
    candidates.sort(key=lambda c: (c.core_start, -c.core_end))
    for cand in candidates:
        _attach_designators(base, cand, lo, hi)
    _mark_coordinated_regions(base, candidates)
    kept: list[_Candidate] = []
    ends: set[int] = set()
    for c in candidates:
        if c.source == "ner" or _looks_like_name(base, c, ent_at, has_tags, ends, sent_starts):
            kept.append(c)
            ends.add(c.core_end)
    chosen = _non_overlapping(kept)

    _resolve_all(base, chosen, [c.upper() for c in context_countries], gaz)

    text = base.text  # Doc.text is rebuilt from the tokens on every access
    mentions = []
    for c in chosen:
        if c.place is None:
            continue
        first, last = base[c.start], base[c.end - 1]
        start, end = first.idx, last.idx + len(last.text)
        mentions.append(PlaceMention(start, end, text[start:end], c.place, c.start, c.end))
    return mentions


# ----------------------------------------------------------------------------
# Candidates
# ----------------------------------------------------------------------------


def _ner_candidates(base: Doc, ents: list[Span], gaz: Gazetteer) -> list[_Candidate]:
    out = []
    for e in ents:
        if e.label_ not in PLACE_LABELS:
            continue
        s, t = e.start, e.end
        while s < t and base[s].lower_ == "the":
            s += 1
        while t > s and (base[t - 1].is_punct or base[t - 1].lower_ in ("'s", "’s")):
            t -= 1
        if s >= t:
            continue
        cand = _Candidate(s, t, s, t, "ner")
        # designators inside the entity: "Donetsk Oblast", "Province of Helmand"
        last = base[t - 1].lower_
        if gaz.knows(base[s:t].text):
            pass  # a name as a whole: "United States", "Orange Free State"
        elif t - s >= 2 and (last in ADMIN1_DESIGNATORS or last in ADMIN1_DESIGNATORS_PLURAL):
            cand.core_end = t - 1
            cand.kind = "admin1"
            cand.designator = t - 1
            cand.plural_designator_after = last in ADMIN1_DESIGNATORS_PLURAL
        elif t - s >= 3 and base[s].lower_ in ADMIN1_DESIGNATORS and base[s + 1].lower_ == "of":
            cand.core_start = s + 2
            while cand.core_start < t and base[cand.core_start].lower_ == "the":
                cand.core_start += 1
            cand.kind = "admin1"
            cand.designator = s
        if cand.core_start < cand.core_end:
            out.append(cand)
    return out


def _scan_candidates(base: Doc, lo: int, hi: int, gaz: Gazetteer, ent_at: dict[int, Span]) -> list[_Candidate]:
    """Longest gazetteer names starting at capitalised tokens.

    Countries, regions and big cities are looked for everywhere; any other
    gazetteer name only after a locative cue ("near Avdiivka") or where NER
    saw a name (of whatever label) starting at that token.
    """
    keys, first_words, acronyms, max_words = gaz.text_match_keys()
    max_tokens = min(_MAX_SCAN_TOKENS, 2 * max_words)
    text = base.text
    out = []
    i = lo
    while i < hi:
        tok = base[i]
        t = tok.text
        if not t[:1].isupper():
            i += 1
            continue
        major = normalize_name(t) in first_words
        if not major and not (
            (i > lo and (base[i - 1].lower_ in _LOCATIVE_CUES or base[i - 1].lower_ in _COORDINATORS))
            or (i in ent_at and ent_at[i].start == i and ent_at[i].label_ not in _NUMERIC_LABELS)
        ):
            i += 1
            continue
        found = 0
        for j in range(min(hi, i + max_tokens), i, -1):
            last = base[j - 1]
            if j - 1 > i and not last.text[:1].isalnum():
                continue
            surface = text[tok.idx : last.idx + len(last.text)]
            key = normalize_name(surface)
            if (key in keys) if major else gaz.is_name_key(key):
                if key in acronyms and not surface.replace(".", "").isupper():
                    continue
                found = j
                break
        if found:
            out.append(_Candidate(i, found, i, found, "scan", minor=not major))
            i = found
        else:
            i += 1
    return out


def _attach_designators(base: Doc, cand: _Candidate, lo: int, hi: int) -> None:
    """Extend a candidate over an adjacent admin-1 designator."""
    if cand.end < hi and cand.end == cand.core_end:
        nxt = base[cand.end].lower_
        if nxt in ADMIN1_DESIGNATORS or nxt in ADMIN1_DESIGNATORS_PLURAL:
            cand.designator = cand.end
            cand.end += 1
            cand.kind = "admin1"
            cand.plural_designator_after = nxt in ADMIN1_DESIGNATORS_PLURAL
    if cand.start == cand.core_start and cand.start - 2 >= lo and base[cand.start - 1].lower_ == "of":
        prev = base[cand.start - 2].lower_
        # "the province of Helmand", but not "Kursk regions of Russia": a designator
        # right after a name belongs to that name
        after_name = cand.start - 3 >= lo and base[cand.start - 3].text[:1].isupper()
        if (prev in ADMIN1_DESIGNATORS or prev in ADMIN1_DESIGNATORS_PLURAL) and not after_name:
            cand.start -= 2
            cand.kind = "admin1"
            cand.designator = cand.start
            cand.plural_designator_before = prev in ADMIN1_DESIGNATORS_PLURAL


def _looks_like_name(
    base: Doc,
    cand: _Candidate,
    ent_at: dict[int, Span],
    has_tags: bool,
    accepted_ends: set[int],
    sent_starts: set[int],
) -> bool:
    """Filters for scanned (dictionary) candidates; see the module docstring.

    ``accepted_ends`` holds the end tokens of names already accepted to the
    left, so that "in Baku and Yerevan" carries the locative cue to Yerevan.
    """
    toks = base[cand.core_start : cand.core_end]
    for k, tok in enumerate(toks):
        if (
            tok.is_alpha
            and not tok.text[:1].isupper()
            and (k == 0 or (tok.lower_ not in _NAME_CONNECTORS and tok.lower_ not in ADMIN1_DESIGNATORS))
        ):
            return False
    if has_tags and not any(t.tag_ in ("NNP", "NNPS") or t.pos_ == "PROPN" for t in toks):
        return False
    single = len(toks) == 1
    first = toks[0]
    if single and first.is_stop:
        return False
    k = cand.core_start - 1
    while k >= 0 and base[k].lower_ in _COORDINATORS:
        k -= 1
    coordinated = k < cand.core_start - 1 and (k + 1) in accepted_ends
    locative = (
        cand.kind == "admin1"
        or coordinated
        or (cand.core_start > 0 and base[cand.core_start - 1].lower_ in _LOCATIVE_CUES)
    )
    if single and first.i in sent_starts and first.lower_ in _SENTENCE_START_STOPWORDS and not locative:
        return False
    if cand.minor and not locative:
        # a small place needs a cue: "near Avdiivka", "Bakhmut" tagged as an entity of its own
        e = ent_at.get(cand.core_start)
        if e is None or e.start != cand.core_start or e.end != cand.core_end:
            return False
    # entities overlapping the name
    seen: set[int] = set()
    for tok in toks:
        e = ent_at.get(tok.i)
        if e is None or e.start in seen:
            continue
        seen.add(e.start)
        e_start = e.start + 1 if base[e.start].lower_ == "the" and e.end - e.start > 1 else e.start
        if e.label_ in PLACE_LABELS or (e.label_ == "FAC" and e_start == cand.core_start):
            continue  # "Kyiv airport" names Kyiv; "the Statue of Liberty" does not name Liberty
        if e.label_ == "FAC":
            return False
        if e.label_ in _NUMERIC_LABELS:
            return False
        e_end = e.end - 1 if e.end - e_start > 1 and base[e.end - 1].lower_ in ("'s", "’s") else e.end
        if e_start < cand.start or e_end > cand.end:
            return False  # a longer non-place name: "Kyiv Post", "Paris Hilton"
        if e.label_ == "PERSON" and not locative:
            return False  # "Rostov" tagged PERSON counts only after "in/from/near..." or with "region"
    return True


def _non_overlapping(cands: list[_Candidate]) -> list[_Candidate]:
    """Longest first, NER before scan on ties; returned in text order."""
    order = sorted(cands, key=lambda c: (-(c.end - c.start), c.source != "ner", c.start))
    taken: set[int] = set()
    chosen = []
    for c in order:
        span = range(c.start, c.end)
        if any(i in taken for i in span):
            continue
        taken.update(span)
        chosen.append(c)
    chosen.sort(key=lambda c: c.start)
    return chosen


def _mark_coordinated_regions(base: Doc, cands: list[_Candidate]) -> None:
    """ "Rostov, Belgorod and Bryansk regions", "the regions of Kherson and
    Zaporizhzhia": every conjunct of a list with a plural designator is an admin-1."""
    by_end: dict[int, list[_Candidate]] = {}
    by_start: dict[int, list[_Candidate]] = {}
    for c in cands:
        by_end.setdefault(c.core_end, []).append(c)
        by_start.setdefault(c.core_start, []).append(c)

    for c in cands:
        if c.plural_designator_after:
            pos = c.core_start
            while True:
                k = pos - 1
                while k >= 0 and base[k].lower_ in _COORDINATORS:
                    k -= 1
                if k == pos - 1 or (k + 1) not in by_end:
                    break
                prev = by_end[k + 1]
                for p in prev:
                    p.kind = "admin1"
                pos = min(p.core_start for p in prev)
        if c.plural_designator_before:
            pos = c.core_end
            while True:
                k = pos
                while k < len(base) and base[k].lower_ in _COORDINATORS:
                    k += 1
                if k == pos or k not in by_start:
                    break
                nxt = by_start[k]
                for n in nxt:
                    n.kind = "admin1"
                pos = max(n.core_end for n in nxt)


def _resolve_all(base: Doc, chosen: list[_Candidate], context: list[str], gaz: Gazetteer) -> None:
    for c in chosen:
        name = base[c.core_start : c.core_end].text
        if not name[:1].isupper() and not name[:1].isdigit():
            c.place = None
            continue
        if normalize_name(name) in GENERIC_NAME_KEYS and (
            c.designator is None or not base[c.designator].text[:1].isupper()
        ):
            # "Central Region" and "Gulf Province" are names; "the central region",
            # "Gulf states", "Northern and Eastern regions" are descriptions
            c.place = None
            continue
        place = gaz.resolve(name, context, kind=c.kind)
        if place is None and c.kind == "admin1":
            # "the State of Israel", "the Gaza region": not an admin-1 after all
            place = gaz.resolve(name, context, kind=None)
            if place is not None:
                c.start, c.end = c.core_start, c.core_end
        c.place = place
    _apply_qualifiers(base, chosen, context, gaz)


def _apply_qualifiers(base: Doc, chosen: list[_Candidate], context: list[str], gaz: Gazetteer) -> None:
    """Let a following country or region qualify a name: "Paris, Texas", "the
    Central Region of Ghana", "Kursk regions of Russia", "Victoria in Canada"."""
    for c, q in zip(chosen, chosen[1:], strict=False):
        if c.place is None or q.place is None or q.place.precision == "city":
            continue
        between = [t.lower_ for t in base[c.end : q.start]]
        if between not in ([","], ["of"], ["in"], ["of", "the"], ["in", "the"], [","] + ["the"]):
            continue
        qualifier = q.place
        if c.place.country == qualifier.country and (
            qualifier.precision == "country" or c.place.admin1 == qualifier.admin1
        ):
            continue
        name = base[c.core_start : c.core_end].text
        options = gaz.candidates(name, kind=c.kind)
        core, has_designator = split_admin1_designator(base[c.start : c.end].text)
        if has_designator:
            options += gaz.candidates(core, kind="admin1")
        for option in options:
            if option.country == qualifier.country and (
                qualifier.precision == "country" or option.admin1 == qualifier.admin1
            ):
                if option.precision != "country":  # "Georgia, USA" is not the country Georgia
                    c.place = option
                break
