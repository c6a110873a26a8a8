"""Actors: resolve a noun phrase of the parse to a CAMEO-coded actor.

A phrase is resolved from (in order) a known person (the role held on the event date), an
organisation, a country name, capital or metonym ("Kiev", "the Kremlin"), or a sector noun
("troops", "separatists") with the country its modifiers give ("Russian troops", "the government of
Kiev", "Ukraine's army"). A "pro-X" modifier never makes an actor X's; such an actor takes the
country the sentence or the article gives. Pronouns are resolved by the actions stage.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from spacy.tokens import Span, Token

from ..knowledge.actors import ActorKB, KBHit
from ..records import Actor
from .parse import ArticleDoc

NAME_ENTS = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"}
MOD_DEPS = {"compound", "amod", "nmod", "poss"}
PRONOUNS = {"it", "they", "he", "she", "its", "their", "them", "him", "her", "we", "i", "who", "which"}
PRO_PREFIXES = {"pro", "anti"}
LOCATIVE_PREPS = {"in", "near", "at", "around", "outside", "inside", "across", "throughout"}
GROUP_SECTORS = {"REB", "OPP", "INS", "SEP", "CVL", "MED", "BUS", "LAB", "REF", "CRM", "UAF", "RAD"}
FACILITY_NOUNS = {"cell", "group", "faction", "wing", "delegation", "team", "brigade", "militia", "column",
                  "leadership", "leader", "commander", "chief", "spokesman", "spokeswoman", "representative",
                  "official", "source", "envoy", "negotiator", "fighter", "member",
                  "station", "building", "base", "headquarters", "post", "checkpoint", "office", "position",
                  "convoy", "camp", "compound", "barracks", "outpost", "patrol", "unit", "vehicle", "helicopter",
                  "plane", "jet", "aircraft", "ship", "vessel", "stronghold", "garrison", "embassy", "ministry"}
TITLE_WORDS = {"president", "prime", "minister", "secretary", "general", "foreign", "defense", "defence",
               "chancellor", "king", "queen", "mr", "mr.", "mrs", "ms", "dr", "acting", "interim", "premier",
               "spokesman", "spokeswoman", "ambassador", "envoy", "sheikh", "emir", "gen.", "col.", "lt."}
BORDER_NOUNS = {"border", "frontier", "territory", "soil", "airspace", "water", "coast", "side"}


@dataclass(frozen=True)
class ActorRef:
    """An actor found at a token: the record plus the phrase's token range."""

    actor: Actor
    head: int
    start_token: int
    end_token: int
    plural: bool


def _entity_span(tok: Token):
    """The named-entity span a token is in (walked through the IOB tags, not a scan of all entities)."""
    if tok.ent_type_ not in NAME_ENTS:
        return None
    doc = tok.doc
    start = tok.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = tok.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return Span(doc, start, end, label=tok.ent_type_)


def _is_pro(tok: Token) -> bool:
    """'pro-Russian' is tokenised pro / - / Russian, or one token 'pro-Russian'."""
    low = tok.lower_
    if any(low.startswith(p + "-") for p in PRO_PREFIXES):
        return True
    doc = tok.doc
    if tok.i >= 2 and doc[tok.i - 1].text in {"-", "\u2010", "\u2013"} and doc[tok.i - 2].lower_ in PRO_PREFIXES:
        return True
    return False


def _in_dateline(tok: Token) -> bool:
    """An all-capitals place name opening a sentence and followed by a comma ("KYIV, March 3 -")."""
    if not tok.is_upper or len(tok.text) < 3:
        return False
    sent, doc = tok.sent, tok.doc
    if tok.i - sent.start > 3 or not all(t.is_upper or t.is_punct for t in doc[sent.start:tok.i + 1]):
        return False
    if tok.i + 1 >= len(doc) or doc[tok.i + 1].text != ",":
        return False
    # a dateline goes on with a date, a country, or the agency in brackets, then a dash
    window = doc[tok.i + 2:min(len(doc), tok.i + 9)]
    return any(t.text in {"(", "-", "\u2013", "\u2014"} or t.ent_type_ == "DATE" for t in window)


def _strip_pro(text: str) -> str:
    low = text.lower()
    for p in PRO_PREFIXES:
        if low.startswith(p + "-"):
            return text[len(p) + 1:]
    return text


class ActorResolver:
    """Resolves tokens of one ArticleDoc to actors, with a per-article cache."""

    def __init__(self, kb: ActorKB, adoc: ArticleDoc) -> None:
        self.kb = kb
        self.adoc = adoc
        self.doc = adoc.doc
        self.cache: dict[tuple[int, date | None], ActorRef | None] = {}
        self.excluded_countries: set[str] = set()
        self._antecedent_guard: set[int] = set()
        self._sector_index: dict[str, list[int]] | None = None  # sector nouns of the article, built on first use

    # -- country context -----------------------------------------------------------------------
    def sentence_countries(self, tok: Token, locative: bool = False) -> list[str]:
        """Countries of the places in the token's sentence; ``locative``: only places introduced by
        in/near/at/around… ("police in Donetsk"), not "from the Ukraine border"."""
        sent = tok.sent
        out = []
        for p in self.adoc.places:
            if not (sent.start_char <= p.start < sent.end_char and p.place.country):
                continue
            if locative:
                head = self.doc[p.token_end - 1]
                if head.dep_ != "pobj" or head.head.lower_ not in LOCATIVE_PREPS:
                    continue
            out.append(p.place.country)
        return out

    def sole_sentence_country(self, tok: Token, avoid: set[str]) -> str | None:
        """The country of a place attached to the actor or to its verb ("police in Donetsk",
        "the army shelled positions in Donetsk"), when no other country is named in the sentence."""
        anchors = {tok.i}
        if tok.dep_ in {"nsubj", "nsubjpass", "dobj", "agent", "pobj"}:
            anchors.add(tok.head.i)
        places = set()
        for p in self.adoc.places:
            if not p.place.country or p.place.country in avoid:
                continue
            head = self.doc[p.token_end - 1]
            if head.dep_ == "pobj" and head.head.lower_ in LOCATIVE_PREPS and head.head.head.i in anchors:
                places.add(p.place.country)
        if len(places) != 1:
            return None
        country = next(iter(places))
        for ent in tok.sent.ents:
            if ent.label_ in {"GPE", "NORP"}:
                hit = self.kb.lookup(_strip_pro(ent.text)) or self.kb.adjective(_strip_pro(ent.text))
                if hit is not None and hit.country and hit.country != country:
                    return None
        return country

    def only_country_named(self, tok: Token, avoid: set[str]) -> str | None:
        """The one country the token's sentence names, by country names, adjectives and places
        ("The Kazakh opposition demanded that the government …": Kazakhstan's government; "troops
        were stationed around the parliament in Chisinau": Moldova's); None when it names none or
        more than one."""
        sent = tok.sent
        found: set[str] = set()
        for ent in sent.ents:
            if ent.label_ in {"GPE", "NORP", "ORG", "PERSON"} and ent.root.head.lemma_ not in BORDER_NOUNS:
                # "from the Ukrainian border": where forces move from, not whose they are
                hit = self.kb.lookup(_strip_pro(ent.text), self.adoc.article.published_date)
                if hit is None and ent.label_ in {"GPE", "NORP"}:
                    hit = self.kb.adjective(_strip_pro(ent.text))
                if hit is not None and hit.country:
                    found.add(hit.country)
        for t in sent:  # "the Russian Defence Ministry": an adjective inside a name counts too
            if t.pos_ in {"ADJ", "PROPN"} and t.head.lemma_ not in BORDER_NOUNS:
                adj = self.kb.adjective(t.text)
                if adj is not None and adj.country:
                    found.add(adj.country)
        for p in self.adoc.places:
            if sent.start_char <= p.start < sent.end_char and p.place.country \
                    and self.doc[p.token_end - 1].head.lemma_ not in BORDER_NOUNS:
                found.add(p.place.country)
        if len(found) != 1:
            return None
        country = next(iter(found))
        return None if country in avoid else country

    def context_country(self, tok: Token, avoid: set[str]) -> str | None:
        """Where the group is: the sentence's places, then the article's places, then its countries."""
        place_countries = [c for c, _ in Counter(p.place.country for p in self.adoc.places
                                                 if p.place.country).most_common()]
        for c in self.sentence_countries(tok) + place_countries + self.adoc.countries:
            if c not in avoid:
                return c
        return None

    # -- resolution ----------------------------------------------------------------------------
    def resolve(self, tok: Token, on: date | None) -> ActorRef | None:
        key = (tok.i, on)
        if key not in self.cache:
            self.cache[key] = self._resolve(tok, on)
        return self.cache[key]

    def _resolve(self, tok: Token, on: date | None) -> ActorRef | None:
        if tok.lower_ in PRONOUNS or tok.pos_ in {"PRON", "VERB", "AUX", "ADP", "DET"}:
            return None
        if _in_dateline(tok):
            return None  # "BRUSSELS, April 1 (Wire) -": where the story was filed, not an actor
        # an apposition naming a known person is more specific than the role noun
        for child in tok.children:
            if child.dep_ == "appos":
                ref = self._resolve_name(child, on)
                if ref is not None and ref.actor.resolver == "kb:person":
                    return ref
        ref = self._resolve_name(tok, on)
        if ref is not None:
            return ref
        return self._resolve_sector(tok, on)

    def _phrase_range(self, tok: Token) -> tuple[int, int]:
        start = tok.i
        for child in tok.lefts:
            if child.dep_ in MOD_DEPS | {"det"}:
                start = min(start, child.left_edge.i)
        ent = _entity_span(tok)
        if ent is not None:
            start = min(start, ent.start)
            return start, max(tok.i + 1, ent.end)
        return start, tok.i + 1

    def _make(self, tok: Token, hit: KBHit, resolver: str, sectors: tuple[str, ...] | None = None,
              code: str | None = None) -> ActorRef:
        s, e = self._phrase_range(tok)
        span = self.doc[s:e]
        actor = Actor(
            text=self.adoc.article.text[span.start_char:span.end_char], name=hit.name, code=code or hit.code, country=hit.country,
            sectors=sectors if sectors is not None else hit.sectors,
            start=span.start_char, end=span.end_char, resolver=resolver,
        )
        return ActorRef(actor, tok.i, s, e, tok.tag_ in {"NNS", "NNPS"})

    def _resolve_name(self, tok: Token, on: date | None) -> ActorRef | None:
        candidates: list[str] = []
        ent = _entity_span(tok)
        if ent is not None:
            candidates.append(_strip_pro(ent.text))
            if ent.label_ == "LOC":
                pass  # "the Gulf of Oman", "the Sea of Japan": a place, not the country at its tail
            elif ent.label_ != "PERSON":
                # "the Kremlin press office" -> "Kremlin": shorter tails of a name
                for i in range(ent.start + 1, ent.end):
                    candidates.append(self.doc[i:ent.end].text)
            else:
                # drop leading titles only: "Defense Minister Sergey Shoigu" -> "Sergey Shoigu";
                # "Anton Lavrov" never becomes "Lavrov"
                i = ent.start
                while i < ent.end - 1 and (self.doc[i].lower_ in TITLE_WORDS or self.kb.sector(self.doc[i].lemma_)):
                    i += 1
                    candidates.append(self.doc[i:ent.end].text)
                if ent.end - ent.start > 1:
                    candidates = candidates[:1] + [c for c in candidates[1:] if len(c.split()) > 1]
        if (tok.pos_ == "PROPN" or tok.is_title or tok.is_upper) and (ent is None or ent.label_ not in {"PERSON", "LOC"}):
            chain = [c for c in tok.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
            if chain:
                start = chain[0].i
                while start > 0 and self.doc[start - 1].dep_ == "compound" and self.doc[start - 1].pos_ == "PROPN" \
                        and self.doc[start - 1].head.i in range(start, tok.i + 1):
                    start -= 1  # "Human Rights Watch": a compound of a compound
                if start < chain[0].i:
                    candidates.append(self.doc[start:tok.i + 1].text)
                candidates.append(self.doc[chain[0].i:tok.i + 1].text)
            candidates.append(tok.text)
        seen: set[str] = set()
        for cand in candidates:
            if cand in seen or _is_pro(tok):
                continue
            seen.add(cand)
            hit = self.kb.lookup(cand, on)
            if hit is None:
                continue
            if hit.kind in {"country", "capital", "metonym"} and tok.ent_type_ == "NORP" and (
                    tok.pos_ != "PROPN" or tok.dep_ == "amod"):
                continue  # a group's name used as an adjective; a country name the tagger calls NORP still counts
            sector = self.kb.sector(tok.lemma_) if hit.kind == "country" and tok.pos_ != "PROPN" else None
            if sector:
                return self._make(tok, hit, "kb:country+sector", (sector,), hit.code + sector)
            return self._make(tok, hit, "kb:" + hit.kind)
        if tok.ent_type_ == "NORP" and not _is_pro(tok):
            adj = self.kb.adjective(tok.text)
            if adj is not None:
                return self._make(tok, adj, "kb:demonym", ())
        if ent is not None and ent.label_ == "PERSON":
            # an unknown person keeps its text; the country and role come from its modifiers
            mods = self._modifier_hits(tok, on)
            country = next((h for h in mods if h.kind in {"country", "adjective", "capital"}), None)
            role = self._role_sector(tok)
            if country is None and role:
                ctx = self.sole_sentence_country(tok, set())
                if ctx:
                    country = KBHit(self.kb.country_name.get(ctx, ctx), self.kb.code_for_country(ctx), ctx, (),
                                    "country")
            code = (country.code[:3] if country else "---") + (role or "")
            return self._make(tok, KBHit(ent.text, code, country.country if country else None,
                                         (role,) if role else (), "person"), "unknown:person")
        return None

    def _role_sector(self, tok: Token) -> str | None:
        for child in tok.children:
            if child.dep_ in {"compound", "appos"} and child.pos_ == "NOUN":
                sec = self.kb.sector(child.lemma_)
                if sec:
                    return sec
        return None

    def _modifier_hits(self, tok: Token, on: date | None) -> list[KBHit]:
        hits: list[KBHit] = []
        mods = [c for c in tok.children if c.dep_ in MOD_DEPS]
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ in {"of", "in", "from"}:
                mods.extend(c for c in child.children if c.dep_ == "pobj")
        for m in mods:
            if _is_pro(m):
                continue
            if m.dep_ == "compound" and (m.pos_ == "NOUN" or m.lower_ in TITLE_WORDS):
                # "defense ministry", "army commander": nested sector nouns carry no country;
                # "Burkina Faso's President Blaise Compaore": the title's own modifiers do
                hits.extend(self._modifier_hits(m, on))
                continue
            ent = _entity_span(m)
            text = ent.text if ent is not None else m.text
            hit = self.kb.lookup(text, on) or self.kb.lookup(m.text, on)
            if hit is None:
                hit = self.kb.adjective(m.text)
            if hit is not None:
                hits.append(hit)
        return hits

    def _resolve_sector(self, tok: Token, on: date | None) -> ActorRef | None:
        if tok.pos_ not in {"NOUN", "PROPN"}:
            return None
        sector = self.kb.sector(tok.lemma_) or self.kb.sector(tok.text)
        if sector is None:
            compounds = [c for c in tok.lefts if c.dep_ == "compound"]
            if compounds:
                sector = self.kb.sector(f"{compounds[-1].lemma_} {tok.lemma_}")
            if sector is None and tok.lemma_ in FACILITY_NOUNS:
                # "a police station", "rebel positions", "army checkpoint": the owner's sector
                for c in reversed(compounds + [c for c in tok.lefts if c.dep_ == "amod"]):
                    sector = self.kb.sector(c.lemma_) or self.kb.sector(c.text)
                    if sector:
                        break
        if sector is None:
            return None
        if tok.lower_ == "force" and not any(c.dep_ in {"det", "amod", "compound", "poss", "nummod"}
                                             for c in tok.children):
            return None  # "the use of force", "by force": violence, not a military unit ("a peacekeeping force")
        if sector in {"GOV", "MIL", "ELI", "COP"} or tok.lemma_ in FACILITY_NOUNS:
            # "rebel leaders", "separatist commanders", "opposition leader": the group modifier wins
            for c in tok.lefts:
                if c.dep_ in {"amod", "compound"} and not _is_pro(c):
                    mod = self.kb.sector(c.lemma_) or self.kb.sector(c.text)
                    if mod in GROUP_SECTORS:
                        sector = mod
                        break
        hits = self._modifier_hits(tok, on)
        org = next((h for h in hits if h.kind == "org"), None)
        if org is not None:
            return self._make(tok, org, "kb:org+sector")
        person = next((h for h in hits if h.kind == "person"), None)
        if person is not None:
            return self._make(tok, person, "kb:person")
        country = next((h for h in hits if h.country), None)
        if country is not None:
            code = self.kb.code_for_country(country.country) + sector
            return self._make(tok, KBHit(country.name, code, country.country, (sector,), "sector"),
                              "kb:sector+country")
        avoid = {self.kb.adjective(m.text).country for m in tok.lefts
                 if _is_pro(m) and self.kb.adjective(m.text)}
        earlier = self._earlier_mention(tok, sector, on)
        if earlier is not None and earlier not in avoid:
            # "Russian troops … the troops": a bare sector noun names the last such group named
            code = self.kb.code_for_country(earlier) + sector
            name = self.kb.country_name.get(earlier, earlier)
            return self._make(tok, KBHit(name, code, earlier, (sector,), "sector"), "discourse:antecedent")
        if sector in {"REB", "OPP", "CVL", "INS", "SEP", "REF", "LAB", "CRM"} or avoid:
            ctx = self.context_country(tok, avoid)
        elif sector in {"COP", "JUD", "LEG", "MED", "BUS", "EDU", "HLH", "AGR"}:
            # "a police station in Mariupol": the sentence's place, never the article's
            ctx = next((c for c in self.sentence_countries(tok) if c not in avoid), None)
        else:
            # "the military said", "government forces": a place attached to it, or the one country the sentence names
            ctx = self.sole_sentence_country(tok, avoid)
            if ctx is None and sector != "ELI":  # "The Kazakh opposition demanded that the government …"
                # → Kazakhstan's; unnamed analysts and experts are of no country the sentence shows
                ctx = self.only_country_named(tok, avoid)
        if ctx:
            code = self.kb.code_for_country(ctx) + sector
            name = self.kb.country_name.get(ctx, ctx)
            return self._make(tok, KBHit(name, code, ctx, (sector,), "sector"), "context:country")
        return self._make(tok, KBHit(tok.lemma_, "---" + sector, None, (sector,), "sector"), "sector")

    def _earlier_mention(self, tok: Token, sector: str, on: date | None, span: int = 250) -> str | None:
        """The country of the nearest earlier noun of the same sector that names its country."""
        if tok.i in self._antecedent_guard:
            return None
        self._antecedent_guard.add(tok.i)
        try:
            index = self._sector_index
            if index is None:  # the article's sector nouns, once: {sector: [token index, …]}
                index = {}
                for t in self.doc:
                    if t.pos_ in {"NOUN", "PROPN"} and self.adoc.block_at(t.idx) not in {"caption", "licence"}:
                        sec = self.kb.sector(t.lemma_) or self.kb.sector(t.text)
                        if sec:
                            index.setdefault(sec, []).append(t.i)
                self._sector_index = index
            for j in reversed(index.get(sector, ())):
                if j >= tok.i:
                    continue
                if j <= tok.i - span:
                    break
                t = self.doc[j]
                ref = self.resolve(t, on)
                if ref is not None and ref.actor.country and ref.actor.resolver.startswith(("kb", "context")):
                    return ref.actor.country
            return None
        finally:
            self._antecedent_guard.discard(tok.i)

    def border_country(self, tok: Token, on: date | None) -> ActorRef | None:
        """'from the Ukrainian border' → Ukraine, as the target of a move."""
        if tok.lemma_ not in BORDER_NOUNS:
            return None
        for hit in self._modifier_hits(tok, on):
            if hit.country:
                code = self.kb.code_for_country(hit.country)
                return self._make(tok, KBHit(hit.name, code, hit.country, (), "country"), "kb:border")
        return None


def article_countries(adoc: ArticleDoc, kb: ActorKB, adjectives: bool = True) -> list[str]:
    """The article's countries, most mentioned first (places, country names and, unless
    ``adjectives`` is False, adjectives: "the Russian government" says nothing of where Donetsk is)."""
    counts: Counter[str] = Counter()
    for p in adoc.places:
        if p.place.country:
            counts[p.place.country] += 1
    labels = {"GPE", "NORP"} if adjectives else {"GPE"}
    for ent in adoc.doc.ents:
        if ent.label_ in labels:
            hit = kb.lookup(_strip_pro(ent.text)) or kb.adjective(_strip_pro(ent.text))
            if hit is not None and hit.country:
                counts[hit.country] += 1
    return [c for c, _ in counts.most_common()]
