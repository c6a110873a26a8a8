"""Assemble: turn event candidates into Mention records with date, place, evidence, groups and ids.

Groups: a frame and the events it governs share a group (reported speech yields two linked
mentions); so do mentions of the same event in one article (same CAMEO base code, same source
side, compatible targets: headline, lead and quote of one announcement), and an anaphoric mention
("such withdrawal") and its antecedent.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from .. import __version__
from ..knowledge.codebook import Codebook
from ..records import Attribution, EventDate, Mention, Place, Provenance, Span, stable_hash
from .actions import EventCandidate
from .dates import DateMention, publication_date, resolve_expression
from .modality import _clause_tokens
from .parse import ArticleDoc

PLACE_PREPS = {"in", "at", "near", "outside", "inside", "around", "across", "throughout", "on"}


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _side(ref) -> str | None:  # noqa: ANN001 - ActorRef | None
    if ref is None:
        return None
    side = ref.actor.country or ref.actor.code[:3]
    return None if side == "---" else side


def _event_key(c: EventCandidate) -> str:
    """The code that names the event: for a frame, the code of the event it governs."""
    emb = next((e for e in c.embedded if not e.frame and e.code), None)
    code = emb.code if emb is not None else c.code
    return code[:3]


def emitted_governor(c: EventCandidate, idx: dict[int, int]) -> EventCandidate | None:
    """The nearest governing frame that is itself a mention (silent frames like 'see' are skipped)."""
    g = c.governor
    while g is not None and id(g) not in idx:
        g = g.governor
    return g


def group(cands: list[EventCandidate]) -> list[int]:
    idx = {id(c): i for i, c in enumerate(cands)}
    uf = _UnionFind(len(cands))
    for i, c in enumerate(cands):
        g = emitted_governor(c, idx)
        if g is not None:
            uf.union(i, idx[id(g)])
        if c.antecedent is not None and id(c.antecedent) in idx:
            uf.union(i, idx[id(c.antecedent)])
    for i, a in enumerate(cands):
        for j in range(i + 1, len(cands)):
            b = cands[j]
            if a.frame == "speech" or b.frame == "speech":
                continue
            if _event_key(a) != _event_key(b):
                continue
            sa, sb = _side(a.source), _side(b.source)
            ta, tb = _side(a.target), _side(b.target)
            if sa is None or sb is None or sa != sb:
                continue
            if ta is not None and tb is not None and ta != tb:
                continue
            uf.union(i, j)
    return [uf.find(i) for i in range(len(cands))]


def event_date(adoc: ArticleDoc, cand: EventCandidate, dates: list[DateMention]) -> EventDate:
    tok = adoc.doc[cand.trigger]
    sent = tok.sent
    in_sent = [d for d in dates if sent.start_char <= d.start < sent.end_char]
    if not in_sent:
        return publication_date(adoc)
    clause = {t.i for t in _clause_tokens(tok, 8)}
    attached = [d for d in in_sent if d.head in clause]
    if attached:
        return _tense_adjusted(attached[0], cand, adoc)
    eligible = [d for d in in_sent if not _in_other_clause(adoc.doc, d.head, tok)]
    if cand.frame:
        # a statement's date is not the date of what it reports: skip dates inside its complement
        comps = [c for c in tok.children if c.dep_ in {"ccomp", "xcomp"}]
        eligible = [d for d in eligible
                    if not any(c.i == d.head or c.is_ancestor(adoc.doc[d.head]) for c in comps)]
    if not eligible:
        return publication_date(adoc)
    return _tense_adjusted(min(eligible, key=lambda d: abs(d.start - tok.idx)), cand, adoc)


def _dated_as_news(adoc: ArticleDoc, cand: EventCandidate, when: EventDate) -> bool:
    """A background event that carries its own date within the week before publication ("after its
    coast guard fired on the boat on Sunday") is news of the day, not history."""
    ref = adoc.article.published_date
    if ref is None or when.start is None or when.method == "publication" or not 0 <= (ref - when.start).days <= 7:
        return False
    tok = adoc.doc[cand.trigger]
    own = {t.i for t in tok.subtree} | {t.i for t in _clause_tokens(tok, 2)}
    return any(d.head in own and d.value.start == when.start for d in adoc.dates
               if tok.sent.start_char <= d.start < tok.sent.end_char)


def _tense_adjusted(d: DateMention, cand: EventCandidate, adoc: ArticleDoc) -> EventDate:
    """A planned, demanded or conditional event's yearless date ("a referendum on May 11") lies ahead."""
    ref = adoc.article.published_date
    if cand.modality not in {"planned", "demanded", "hypothetical"} or ref is None or d.value.start is None \
            or d.value.method != "explicit" \
            or d.value.start >= ref or re.search(r"\b(19|20)\d\d\b", d.text) or "last" in d.text.lower():
        return d.value
    again = resolve_expression(d.text, ref, True)
    if again is None or again.start is None or again.start < ref:
        return d.value
    return EventDate(again.start, again.end, again.granularity, again.method, d.text, d.start, d.end)


DATE_CLAUSES = frozenset({"relcl", "acl", "advcl"})
PLACE_CLAUSES = DATE_CLAUSES | {"conj", "ccomp"}


def _in_other_clause(doc, head_i: int, trigger: Token, clauses: frozenset[str] = DATE_CLAUSES) -> bool:  # noqa: ANN001
    """Is the token inside a clause (of the given kinds) that does not contain the trigger? A date
    may come from a coordinated clause of the same statement; a place may not."""
    t = doc[head_i]
    for _ in range(12):
        if t.dep_ in clauses and not t.is_ancestor(trigger) and t.i != trigger.i:
            return True
        if t.head.i == t.i or t.is_ancestor(trigger):
            return False
        t = t.head
    return False


def _token_places(adoc: ArticleDoc, sent_start: int, sent_end: int) -> list:
    return [p for p in adoc.places if sent_start <= p.start < sent_end]


def event_place(adoc: ArticleDoc, cand: EventCandidate) -> Place | None:
    """The event's location: a place attached to the trigger's clause by in/at/near, never an actor."""
    doc = adoc.doc
    tok = doc[cand.trigger]
    sent = tok.sent
    places = _token_places(adoc, sent.start_char, sent.end_char)
    if not places:
        return None
    actor_chars = set()
    for ref in (cand.source, cand.target):
        # an actor inferred from context ("bombed Aleppo": Syria's civilians) is not named by the place
        if ref is not None and not ref.actor.resolver.startswith("context:"):
            actor_chars.update(range(ref.actor.start, ref.actor.end))
            head = doc[ref.head]
            if head.sent.start == sent.start:  # "the government of Kiev": Kiev names the actor
                for t in head.subtree:
                    if _names_actor(t, head):
                        actor_chars.update(range(t.idx, t.idx + len(t)))
    roots: list[Token] = [tok]
    verb = _clause_tokens(tok)[-1]
    if verb.i != tok.i:
        roots.append(verb)
    # "the Donetsk region, where residents voted": a relative clause on a place happens there
    for r in roots:
        if r.dep_ == "relcl":
            for pm in places:
                if pm.token_start <= r.head.i < pm.token_end or (
                        r.head.i + 1 == pm.token_start + (pm.token_end - pm.token_start) and
                        pm.token_end == r.head.i):
                    return _place(pm)
                ptok = doc[pm.token_end - 1]
                if ptok.head.i == r.head.i or ptok.i == r.head.i:
                    return _place(pm)
    best = None
    best_score = 99
    for pm in places:
        if pm.start in actor_chars:
            continue
        head = doc[pm.token_end - 1]
        while head.dep_ == "compound" and head.head.i != head.i:
            head = head.head
        prep = head.head if head.dep_ == "pobj" else None
        if prep is None or prep.lower_ not in PLACE_PREPS:
            continue  # only "in/at/near … X" says where something happened
        under = any(r.is_ancestor(head) for r in roots)
        if not under and cand.governor is not None:
            continue  # a reported event does not happen where it is reported ("said in Brussels")
        if _in_other_clause(doc, head.i, tok, PLACE_CLAUSES):
            continue  # "As the drills in Rostov ended, Putin ordered…": not where the order happened
        score = 0 if under else 5
        if score < best_score:
            best, best_score = pm, score
    if best is None:
        return None
    return _place(best)


def _place(pm) -> Place:  # noqa: ANN001 - a PlaceMention
    p = pm.place
    return Place(name=p.name, country=p.country, admin1=p.admin1, precision=p.precision, lat=p.lat,
                 lon=p.lon, geonameid=p.geonameid, start=pm.start, end=pm.end, text=pm.text)


def _names_actor(t: Token, head: Token) -> bool:
    """Is ``t`` part of the actor's name ("government of Kiev", "Kiev's army"), not its location?"""
    x = t
    for _ in range(6):
        if x.i == head.i:
            return True
        if x.dep_ == "pobj" and x.head.lower_ not in {"of", "from"}:
            return False
        if x.dep_ not in {"pobj", "prep", "compound", "poss", "amod", "nmod", "appos", "case"}:
            return False
        x = x.head
    return False


def confidence(cand: EventCandidate) -> float:
    """The rules' score in [0, 1]; with the bundled model it is mapped to a calibrated probability
    (tacitus.model.calibrate, docs/MODEL.md)."""
    score = 0.45
    if cand.source is not None:
        score += 0.2 if cand.source.actor.resolver.startswith("kb") else 0.1
    if cand.target is not None:
        score += 0.1
    if cand.row.specificity:
        score += 0.1
    if cand.frame:
        score += 0.05
    if cand.rule.startswith("anaphora"):
        score -= 0.15
    if len(cand.code) == 4:
        score += 0.05
    return round(max(0.05, min(0.95, score)), 3)


def _on_event_date(actor, when, kb):  # noqa: ANN001, ANN202 - Actor | None, date | None, ActorKB | None
    """A person's code is the role held on the event's date, not the publication date."""
    if actor is None or kb is None or when is None or actor.resolver != "kb:person":
        return actor
    hit = kb.person(actor.name, when)
    if hit is None or hit.code == actor.code:
        return actor
    from dataclasses import replace

    return replace(actor, code=hit.code, country=hit.country, sectors=hit.sectors)


def assemble(adoc: ArticleDoc, cands: list[EventCandidate], codebook: Codebook, kb_as_of: str,
             kb=None, calibrator=None) -> list[Mention]:  # noqa: ANN001
    article = adoc.article
    doc = adoc.doc
    groups = group(cands)
    out: list[Mention] = []
    prov_base = dict(version=__version__, codebook=codebook.version, kb_as_of=kb_as_of)
    ids: dict[int, str] = {}
    for g in groups:
        if g not in ids:
            root = cands[g]
            ids[g] = "g" + stable_hash(article.article_id, root.trigger, root.code, length=12)
    for cand, g in zip(cands, groups):
        tok = doc[cand.trigger]
        info = adoc.sentences[cand.sentence]
        sent = info.span
        raw = article.text  # the parser may have seen a re-cased headline: quote the article itself
        text = raw[sent.start_char:sent.end_char].rstrip()
        evidence = Span(sent.start_char, sent.start_char + len(text), text)
        trigger = Span(tok.idx, tok.idx + len(tok.text), raw[tok.idx:tok.idx + len(tok.text)])
        cue_tok = doc[cand.cue] if cand.cue is not None else None
        attribution = Attribution(
            by=cand.attribution_by.actor if cand.attribution_by else None,
            relation=cand.relation,
            cue=raw[cue_tok.idx:cue_tok.idx + len(cue_tok.text)] if cue_tok is not None else None,
            cue_start=cue_tok.idx if cue_tok is not None else None,
            cue_end=cue_tok.idx + len(cue_tok.text) if cue_tok is not None else None,
        )
        mention_id = "m" + stable_hash(article.article_id, trigger.start, trigger.end, cand.code)
        when = event_date(adoc, cand, adoc.dates)
        out.append(Mention(
            mention_id=mention_id,
            article_id=article.article_id,
            group_id=ids[g],
            sentence_index=cand.sentence,
            evidence=evidence,
            trigger=trigger,
            source=_on_event_date(cand.source.actor if cand.source else None, when.start, kb),
            target=_on_event_date(cand.target.actor if cand.target else None, when.start, kb),
            co_sources=tuple(_on_event_date(r.actor, when.start, kb) for r in cand.co_sources),
            co_targets=tuple(_on_event_date(r.actor, when.start, kb) for r in cand.co_targets),
            mutual=cand.mutual,
            cameo=codebook.cameo(cand.code),
            plover=codebook.plover(cand.code),
            modality="actual" if cand.modality == "historical" and _dated_as_news(adoc, cand, when) else cand.modality,
            attribution=attribution,
            date=when,
            place=event_place(adoc, cand),
            confidence=calibrator(confidence(cand), cand.model) if calibrator else confidence(cand),
            provenance=Provenance(rule=cand.rule, model=cand.model, **prov_base),
            published=article.published.isoformat() if article.published else None,
            outlet=article.source,
            section=info.block,
            related=tuple(),
        ))
    by_trigger = {c.trigger: m.mention_id for c, m in zip(cands, out)}
    idx = {id(c): i for i, c in enumerate(cands)}
    final: list[Mention] = []
    for cand, m in zip(cands, out):
        rel = []
        gov = emitted_governor(cand, idx)
        if gov is not None:
            rel.append(by_trigger[gov.trigger])
        rel.extend(by_trigger[e.trigger] for e in cands if emitted_governor(e, idx) is cand)
        if cand.antecedent is not None and cand.antecedent.trigger in by_trigger:
            rel.append(by_trigger[cand.antecedent.trigger])
        final.append(_with_related(m, tuple(rel)))
    return final


def _with_related(m: Mention, related: tuple[str, ...]) -> Mention:
    from dataclasses import replace
    return replace(m, related=related)
