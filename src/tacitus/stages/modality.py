"""Modality and attribution: what the text says of an event's reality, and who says so.

Modality comes from the governing frame (intent → planned, appeal/demand → demanded, threat →
hypothetical, refusal/denial → negated), then from the trigger's own clause: negation ("did not",
"no sign of", "has yet to be seen") → negated; a condition ("if", "unless") or a modal ("would",
"could", "may") → hypothetical; future ("will") → planned. Attribution is the speaker of the
nearest governing speech, accusation or denial frame (or "according to X"); its relation to the
event is ``self`` (same side as the event's source), ``opponent`` (the event's target side, or an
accusation), ``third_party``; with no speaker the outlet speaks (``outlet``).
"""

from __future__ import annotations

from spacy.tokens import Token

from .actions import EVIDENCE_NOUNS, PLANNING_SPEECH, EventCandidate, under_mark
from .actors import ActorRef, ActorResolver

FRAME_MODALITY = {"intent": "planned", "appeal": "demanded", "demand": "demanded", "threaten": "hypothetical",
                  "reject": "negated", "deny": "negated"}
HYPOTHETICAL_AUX = {"would", "could", "might", "may", "should", "can", "must"}
FUTURE_AUX = {"will", "shall", "'ll"}
BYSTANDER_SECTORS = {"ELI", "MED", "CVL", "EDU", "BUS", "HLH", "LAB", "AGR"}
CONDITION_MARKS = {"if", "unless", "whether", "until", "once", "provided"}
BACKGROUND_MARKS = {"after", "since"}
NEGATING_HEADS = {"fail", "refuse", "stop", "halt", "cease", "deny"}
ATTRIBUTING_FRAMES = {"speech", "observe", "accuse", "deny", "intent", "appeal", "demand", "reject", "threaten"}


def _clause_tokens(tok: Token, limit: int = 6) -> list[Token]:
    """The trigger and its heads up to (and including) the first clause verb."""
    out = [tok]
    if tok.pos_ in {"VERB", "AUX"} and tok.dep_ not in {"xcomp", "aux", "auxpass", "amod"}:
        return out
    t = tok
    for _ in range(limit):
        if t.head.i == t.i:
            break
        if t.pos_ in {"VERB", "AUX"} and t.i != tok.i and t.dep_ not in {"xcomp", "aux", "auxpass"}:
            break
        t = t.head
        out.append(t)
    return out


def _negated(tok: Token, strong_only: bool = False) -> bool:
    """Negation in the trigger's clause; ``strong_only`` ignores 'halt'/'stop' heads (a call for a
    halt of fighting demands the halt: the fighting itself is not negated)."""
    for t in _clause_tokens(tok):
        for c in t.children:
            if c.dep_ == "neg":
                return True
            if c.dep_ == "det" and c.lower_ in {"no"} and t.pos_ in {"NOUN", "PROPN"}:
                return True
            if c.lower_ == "yet" and c.dep_ == "advmod" and any(x.dep_ == "xcomp" for x in t.children):
                return True
            if c.dep_ == "prep" and c.lower_ == "without":
                return False
        if t.lemma_ in NEGATING_HEADS and t.i != tok.i and not strong_only:
            return True
    # "no evidence that Russia is pulling back": a clause under a negated evidence noun
    t = tok
    for _ in range(6):
        if t.head.i == t.i:
            break
        if t.dep_ in {"acl", "ccomp", "pobj", "prep", "mark", "relcl"} and t.head.lemma_ in EVIDENCE_NOUNS:
            noun = t.head
            if any(c.dep_ in {"det", "neg"} and c.lower_ in {"no", "not", "little"} for c in noun.children):
                return True
            # "has not (yet) seen any evidence that …"
            if noun.head.pos_ in {"VERB", "AUX"} and any(c.dep_ == "neg" for c in noun.head.children):
                return True
        t = t.head
    # "has yet to be seen": the yet sits on the auxiliary head of the passive
    for t in _clause_tokens(tok, 8):
        if any(c.lower_ == "yet" for c in t.children) and any(c.lower_ == "to" for c in t.subtree):
            return True
    return False


def _conditional(tok: Token) -> bool:
    return under_mark(tok, CONDITION_MARKS, 8)


def _background_clause(tok: Token) -> bool:
    """An event told as earlier context: a clause introduced by 'after' / 'since' ("after Russia annexed
    Crimea") or a relative clause in the past perfect ("troops, who had shelled the town, ...")."""
    t = tok
    for _ in range(4):
        if t.pos_ in {"VERB", "AUX"}:
            if t.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in BACKGROUND_MARKS for c in t.children):
                return True
            if t.dep_ == "pcomp" and t.head.lower_ in BACKGROUND_MARKS:
                return True  # "after shelling the town"
            if t.dep_ == "relcl" and any(c.dep_ == "aux" and c.lower_ == "had" for c in t.children):
                return True
            if t.dep_ not in {"xcomp", "conj"}:
                return False
        if t.head.i == t.i:
            return False
        t = t.head
    return False


def _aux_modality(tok: Token) -> str | None:
    for t in _clause_tokens(tok):
        for c in t.children:
            if c.dep_ in {"aux", "auxpass"}:
                if c.lower_ in FUTURE_AUX:
                    return "planned"
                if c.lower_ in HYPOTHETICAL_AUX:
                    return "hypothetical"
            if c.lower_ == "going" and any(g.lower_ == "to" for g in c.children):
                return "planned"
    return None


def relation(by: ActorRef, cand: EventCandidate) -> str:
    """How the speaker stands to the event: self, opponent or third_party."""
    def side(ref: ActorRef | None) -> str | None:
        if ref is None:
            return None
        return ref.actor.country or (ref.actor.code[:3] if ref.actor.code[:3] != "---" else ref.actor.code)
    speaker, source, target = side(by), side(cand.source), side(cand.target)
    if speaker is None:
        return "third_party"
    bystander = bool(set(by.actor.sectors) & BYSTANDER_SECTORS)
    if source is not None and speaker == source and not (
            bystander and not set(by.actor.sectors) & set(cand.source.actor.sectors if cand.source else ())):
        return "self"  # analysts or reporters of the same country are not the actor's side
    if target is not None and speaker == target:
        return "opponent"
    return "third_party"


def assign(cands: list[EventCandidate], resolver: ActorResolver) -> None:
    """Set modality and attribution on every candidate in place."""
    doc = resolver.doc
    according: dict[int, ActorRef | None] = {}  # the "according to" source of each sentence
    for cand in cands:
        tok = doc[cand.trigger]
        modality = "actual"
        gov = cand.governor
        if cand.frame is None and gov is not None and "ceased" not in cand.notes:
            modality = FRAME_MODALITY.get(gov.frame or "", "actual")
            if gov.frame == "speech" and doc[gov.trigger].lemma_ in PLANNING_SPEECH and (
                    tok.pos_ == "NOUN" or tok.tag_ in {"VB", "VBP", "VBZ"}):
                modality = "planned"  # "announced a withdrawal", "announced troops return"
        own = _aux_modality(tok)
        if modality == "actual" and own is not None:
            modality = own
        if _conditional(tok):
            modality = "hypothetical"
        if _negated(tok, strong_only=modality == "demanded") and cand.frame not in {"reject", "deny"}:
            modality = "negated"
        if cand.frame is not None and modality in {"planned", "demanded"} and gov is None:
            modality = "actual"  # the speech act itself happened
        if "background" in cand.notes or (modality == "actual" and _background_clause(tok)):
            modality = "historical"  # earlier context; assemble makes it actual again if dated as news
        cand.modality = modality
        # attribution: nearest governing frame with a speaker
        g = gov
        while g is not None and (g.frame not in ATTRIBUTING_FRAMES or g.source is None):
            g = g.governor
        if g is not None and g.source is not None:
            cand.attribution_by = g.source
            cand.cue = g.trigger
            cand.relation = "opponent" if g.frame == "accuse" else relation(g.source, cand)
            continue
        by = _according_to(tok, resolver, according)
        if by is not None:
            cand.attribution_by, cand.relation = by, relation(by, cand)
            continue
        cand.attribution_by, cand.relation = None, "outlet"


def _according_to(tok: Token, resolver: ActorResolver, cache: dict[int, ActorRef | None]) -> ActorRef | None:
    sent = tok.sent
    if sent.start not in cache:  # one scan per sentence, not per event
        cache[sent.start] = _scan_according_to(sent, resolver)
    return cache[sent.start]


def _scan_according_to(sent, resolver: ActorResolver) -> ActorRef | None:  # noqa: ANN001 - a Span
    for t in sent:
        if t.lower_ == "according" and t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ == "to":
            for g in t.doc[t.i + 1].children:
                if g.dep_ == "pobj":
                    return resolver.resolve(g, None)
    return None


def refine(cands: list[EventCandidate], doc, model) -> None:  # noqa: ANN001 - Doc, EventModel
    """Where the rules found no modality marker ('actual') and the learned modality classifier is
    sure of another, take the classifier's answer (threshold in docs/MODEL.md). Speech and attitude
    frames keep the rules' answer: the frame itself happened."""
    for cand in cands:
        if cand.frame is not None or cand.modality != "actual":
            continue
        label, p = model.modality_of(doc[cand.trigger])
        if label != "actual" and p >= model.thresholds.modality:
            cand.modality = label
            cand.model = f"{cand.model or model.version}+modality"
