"""Actions: find event triggers and frame cues, and take their source and target from the parse.

Triggers are verbs and event nouns from the trigger lexicon; cues are words that govern other
events (speech, intent, appeal, demand, refusal, threat, accusation, denial). Arguments come from
the dependency parse through passives (agent / nsubjpass), control ("ordered troops to return"),
participles and relative clauses, light verbs ("launched operations"), nominal events ("Russia's
withdrawal from the border") and pronouns (resolved to the speaker of a frame or the nearest
earlier actor). One candidate per (sentence, trigger).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from spacy.tokens import Token

from ..knowledge.codebook import Codebook
from ..knowledge.lexicon import Lexicon, LexRow
from ..model.pairs import Option, score_pairs
from ..records import Actor
from .actors import PRONOUNS, ActorRef, ActorResolver, _in_dateline
from .mutual import FIGHT_WORDS, is_mutual, joint_act
from .parse import NO_EVENT_BLOCKS, ArticleDoc

LIGHT_VERBS = {"conduct", "launch", "carry", "hold", "stage", "mount", "begin", "start", "continue",
               "resume", "make", "take", "wage", "step", "intensify", "undertake", "perform", "have",
               "pursue", "escalate", "complete", "finish", "keep", "go", "undergo"}
TARGET_PREPS = ("against", "on", "upon", "with", "at", "into", "toward", "towards", "to", "from", "for",
                "over", "across", "along", "near", "in")
EVIDENCE_NOUNS = {"sign", "evidence", "indication", "proof", "trace", "confirmation"}
ANAPHORIC_NOUNS = {"move", "movement", "step", "action", "decision", "measure"}
ANAPHORIC_DETS = {"such", "this", "that", "these", "those", "the"}
SUBJ_DEPS = {"nsubj", "csubj"}
EMBED_STOP = {"advcl", "nsubj", "nsubjpass", "csubj", "npadvmod", "parataxis", "appos", "mark", "punct", "acl",
              "relcl"}
SILENT_FRAMES = {"observe"}
HOSTILE_ROOTS = {"15", "17", "18", "19", "20"}
CESSATION_WORDS = {"halt", "end", "stop", "cessation", "cease", "suspension", "freeze", "ending", "pause"}
TIME_FRAME_NOUNS = {"conclusion", "end", "start", "beginning", "wake", "aftermath", "course", "anniversary",
                    "stage", "phase", "eve", "run-up"}
TIME_FRAME_PREPS = {"after", "before", "since", "during", "following", "amid", "amidst", "despite"}
PROTESTER_SECTORS = {"CVL", "OPP", "LAB", "EDU", "REL", "AGR", "BUS", "MED", "HLH", "PTY"}
STATE_SECTORS = {"GOV", "MIL", "COP", "JUD", "LEG", "SPY"}
LOCATIVE_PREPS = {"in", "at", "near", "around", "across", "outside", "inside", "throughout", "within"}
ATTITUDE_NOUN_FRAMES = {"appeal", "demand", "threaten", "reject"}  # "X's demand for …" is an act of X
DOMESTIC_YIELD_CODES = ("081", "083")  # easing curbs, political reform: granted to the population
REPRESSION_ROOTS = {"17", "18", "20"}  # a state's coercion or violence with no named target: its population
PLACE_TARGET_ROOTS = {"18", "19", "20"}  # violent acts aimed at a place hit its country's civilians
PLACE_TARGET_PREPS = {"of", "on", "at", "against", "in", "into", "near", "around", "outside"}  # "shelling of X", "strikes on X", "attack in X"
BACKGROUND_PREPS = {"after", "since", "following"}  # their event noun is earlier context: historical
SYMMETRIC_ROOTS = {"03", "04", "05", "06"}  # intent to cooperate, consult, diplomatic and material cooperation
VISIT_CODES = ("042", "043", "044")  # govern and attribute, never a mention of their own
THEME_ROOTS = ("087", "15", "0874")  # the object of "withdraw troops" / "deploy troops" is what moves
RELATIVE_DEPS = {"relcl"}  # an actor inside a relative clause is not a party of the main event
BACK_REFERENCE_DETS = {"such", "this", "that", "these", "those"}  # never dropped by the model
CHECK_FRAMES = {"observe", "deny"}  # frames whose embedded event the learned model never drops
QUANTITY_NOUNS = {"thousand", "thousands", "hundred", "hundreds", "dozen", "dozens", "score", "scores",
                  "million", "millions", "ten", "tens", "crowd", "group", "number", "handful", "some", "many"}
TARGET_FROM_ACT_FRAMES = {"intent", "appeal", "demand", "threaten", "reject"}
INSISTING_SPEECH = {"insist"}  # "insisted that X be lifted": a demand on X
PLANNING_SPEECH = {"announce", "announcement", "statement", "declare", "pledge", "promise"}


@dataclass
class EventCandidate:
    """A trigger or cue with its arguments, before modality, dates and places are added."""

    trigger: int
    code: str
    row: LexRow
    sentence: int
    block: str
    source: ActorRef | None = None
    target: ActorRef | None = None
    frame: str | None = None  # set for cues
    governor: EventCandidate | None = None  # the cue that governs this event
    embedded: list[EventCandidate] = field(default_factory=list)
    rule: str = ""
    modality: str = "actual"
    attribution_by: ActorRef | None = None
    relation: str = "outlet"
    cue: int | None = None
    antecedent: EventCandidate | None = None
    emit: bool = True
    notes: list[str] = field(default_factory=list)
    co_sources: list[ActorRef] = field(default_factory=list)  # coordinated with the source
    co_targets: list[ActorRef] = field(default_factory=list)
    mutual: bool = False  # a joint act (talks, signing, clashes): one event per direction (stages/mutual.py)
    model: str | None = None  # what the learned classifier did: kept / recoded / added / modality
    p_event: float | None = None  # the classifier's probability that this token is an event of its root


def _clause_verb(tok: Token) -> Token:
    t = tok
    for _ in range(8):
        if t.pos_ in {"VERB", "AUX"} or t.head.i == t.i:
            return t
        t = t.head
    return t


class ActionFinder:
    def __init__(self, lexicon: Lexicon, codebook: Codebook, resolver: ActorResolver, adoc: ArticleDoc,
                 on: date | None, model: Any = None) -> None:
        self.lex = lexicon
        self.model = model
        self.codebook = codebook
        self.res = resolver
        self.adoc = adoc
        self.doc = adoc.doc
        self.on = on
        self.by_token: dict[int, EventCandidate] = {}
        self._sentence_actors: dict[int, list[ActorRef]] = {}
        #: training hook: called with (candidate, source options, target options, actors) where the
        #: learned roles would apply, instead of applying them (``tacitus train``)
        self.on_roles: Any = None

    # -- pass 1: candidates ----------------------------------------------------------------------
    def find(self) -> list[EventCandidate]:
        out: list[EventCandidate] = []
        rows = {t.i: self.lex.both(t) for t in self.doc}  # one lexicon lookup per token
        probs = self.model.trigger_probs(self.doc, self.lex, rows) if self.model is not None else {}
        for info in self.adoc.sentences:
            if info.block in NO_EVENT_BLOCKS:
                continue
            sent_cands: list[EventCandidate] = []
            triggers: dict[int, LexRow] = {}
            cues: dict[int, LexRow] = {}
            for tok in info.span:
                if tok.dep_ == "amod":
                    continue  # "the planned stage", "the captured soldiers": a participle as adjective
                row, cue = rows[tok.i]
                if row is not None and row.code in self.codebook:
                    triggers[tok.i] = row
                if cue is not None:
                    cues[tok.i] = cue
            verdicts = self._apply_model(info, triggers, cues, probs) if probs else {}
            for i in sorted(set(triggers) | set(cues)):
                tok = self.doc[i]
                cue, trig = cues.get(i), triggers.get(i)
                specific = trig is not None and bool(trig.objects or trig.particle)
                if cue is not None and not specific and (trig is None or self._governs_event(tok, triggers, cues)):
                    cand = EventCandidate(i, cue.code, cue, info.index, info.block, frame=cue.frame,
                                          rule=cue.row_id)
                elif trig is not None:
                    cand = EventCandidate(i, trig.code, trig, info.index, info.block, rule=trig.row_id)
                else:
                    continue
                if i in verdicts and cand.frame is None:
                    cand.model, cand.p_event = verdicts[i]
                sent_cands.append(cand)
                self.by_token[i] = cand
            for tok in info.span:
                if tok.i not in self.by_token and self._anaphoric_event(tok):
                    cand = EventCandidate(tok.i, "", LexRow(tok.lemma_, "NOUN", "", frozenset(), "", None, "A"),
                                          info.index, info.block, rule="anaphora")
                    sent_cands.append(cand)
                    self.by_token[tok.i] = cand
            sent_cands.sort(key=lambda c: c.trigger)
            self._headlinese(sent_cands, info)
            self._absorb_light_verbs(sent_cands)
            for c in sent_cands:
                frame = self._time_frame(self.doc[c.trigger])
                if frame == "background":
                    c.notes.append("background")  # "after the attack", "since the annexation": historical
                elif frame:
                    c.emit = False  # "at the conclusion of the drills", "during the talks": a time, no news
            out.extend(c for c in sent_cands if c.emit)
        for cand in out:
            self._link_governor(cand)
        for cand in sorted(out, key=lambda c: (c.frame is None, self._depth(c))):
            self._arguments(cand)
        for cand in out:
            if cand.frame:
                self._code_frame(cand)
        for cand in out:
            self._resolve_anaphora(cand, out)
        for cand in out:
            self._anaphoric_target(cand, out)
        for cand in out:
            if cand.frame is None and cand.code[:2] in PLACE_TARGET_ROOTS:
                if cand.target is not None and cand.target.actor.resolver == "kb:capital":
                    cand.target = _civilians_of(cand.target)  # "bombed Sanaa": the city, not the government
                elif cand.target is None and cand.source is not None:
                    cand.target = self._target_from_place(cand)
        if self.model is not None and (getattr(self.model, "pairs", None) is not None or self.on_roles is not None):
            for cand in out:
                if cand.emit and cand.code and not cand.rule.startswith("anaphora") \
                        and "headline" not in cand.rule and "background" not in cand.notes \
                        and "ceased" not in cand.notes and not _asked_for(cand):
                    self._apply_roles(cand)
        for cand in out:
            if cand.target is None and cand.source is not None and cand.emit and cand.frame is None:
                if cand.code.startswith("14"):
                    cand.target = self._protest_target(cand)
                elif cand.code[:2] in REPRESSION_ROOTS or cand.code.startswith(DOMESTIC_YIELD_CODES):
                    cand.target = self._population_target(cand)
        for cand in out:  # after the events' own targets: a statement is aimed at the other party of its event
            if cand.target is None and cand.source is not None and cand.emit and cand.frame == "speech":
                cand.target = self._speech_target(cand)
        for cand in out:  # a threat, appeal or refusal is aimed where its act is, now that implicit targets are in
            if cand.frame in TARGET_FROM_ACT_FRAMES and cand.target is None and cand.source is not None and cand.emit:
                emb = next((e for e in cand.embedded if not e.frame and e.code and e.target is not None), None)
                if emb is not None and not _same_camp(cand.source, emb.target):
                    cand.target = emb.target
        for cand in out:
            if ("background" in cand.notes or "ceased" in cand.notes) and cand.source is None:
                cand.emit = False  # background, or what an appeal asks to stop, with no one doing it
        for cand in out:
            self._coordinated(cand)
            if (cand.target is None or cand.target.actor.country is None) and cand.co_sources \
                    and joint_act(cand.code, self.doc[cand.trigger].lemma_):
                cand.target = cand.co_sources.pop(0)  # "Russian and Ukrainian negotiators met": each other
                cand.mutual = True
            else:
                cand.mutual = is_mutual(self.doc, cand.trigger, cand.code, cand.source.head if cand.source else None,
                                        cand.target.head if cand.target else None)
        return [c for c in out if c.emit and c.code]

    def _coordinated(self, cand: EventCandidate) -> None:
        """Compound actors: the other conjuncts of the source and of the target phrase ('Russia and
        China vetoed …'), each resolved to an actor; never the other side's actor, never a repeat."""
        for role, extra in (("source", cand.co_sources), ("target", cand.co_targets)):
            ref = getattr(cand, role)
            if ref is None or not (0 <= ref.head < len(self.doc)):
                continue
            taken = {r.head for r in (cand.source, cand.target) if r is not None}
            codes = {r.actor.code for r in (cand.source, cand.target) if r is not None}
            for tok in self.doc[ref.head].conjuncts:
                if tok.i in taken or tok.i == cand.trigger:
                    continue
                other = self.res.resolve(tok, self.on)
                if other is None or other.actor.code in codes:
                    continue
                extra.append(other)
                taken.add(other.head)
                codes.add(other.actor.code)
            # "Russian and Ukrainian negotiators": coordinated country adjectives inside the phrase name
            # one actor each, with the phrase's sector
            head = self.doc[ref.head]
            for adj in (c for c in head.children if c.dep_ == "amod" and c.i < head.i):
                for tok in adj.conjuncts:
                    if tok.i in taken or tok.pos_ != "ADJ" or not self.res.kb.adjective(tok.text):
                        continue
                    donor = self.res.resolve(tok, self.on)
                    if donor is None or donor.actor.country is None or donor.actor.country == ref.actor.country:
                        continue
                    other = _with_country(ref, donor)
                    if other.actor.code in codes:
                        continue
                    extra.append(other)
                    taken.add(tok.i)
                    codes.add(other.actor.code)

    # -- learned roles ---------------------------------------------------------------------------
    def sentence_actors(self, index: int) -> list[ActorRef]:
        """Every actor the resolver finds in a sentence, one per phrase (an actor nested inside a
        larger actor phrase, like 'Russian' in 'the Russian government', is part of it)."""
        cached = self._sentence_actors.get(index)
        if cached is not None:
            return cached
        refs: list[ActorRef] = []
        kb = self.res.kb
        for tok in self.adoc.sentences[index].span:
            if not (tok.pos_ == "PROPN" or tok.ent_type_ or (tok.pos_ == "NOUN" and kb.sector(tok.lemma_))
                    or (tok.pos_ == "ADJ" and kb.adjective(tok.text))):
                continue  # only what can name an actor: names, sector nouns, country adjectives
            ref = self.res.resolve(tok, self.on)
            if ref is not None and ref.head == tok.i:
                refs.append(ref)
        out = [r for r in refs if not any(o is not r and o.start_token <= r.start_token and r.end_token <= o.end_token
                                          and (o.end_token - o.start_token) > (r.end_token - r.start_token)
                                          for o in refs)]
        self._sentence_actors[index] = out
        return out

    def role_candidates(self, cand: EventCandidate) -> list[ActorRef]:
        """The sentence's actors that can take part in the event: not the trigger itself, not an
        actor inside a clause the event is not in (the residents of '…, where residents voted'), and
        not the observer of an observation frame ('NATO has seen no sign of X': NATO does not do X),
        and not the addressee of a speech verb or the 'according to' source."""
        ev = self.doc[cand.trigger]
        up_ev = [ev, *ev.ancestors]
        ev_ids = {t.i for t in up_ev}
        observers = {g.source.head for g in self._governors(cand) if g.frame == "observe" and g.source is not None}
        background = "background" in cand.notes
        out = []
        for ref in self.sentence_actors(cand.sentence):
            if ref.start_token <= cand.trigger < ref.end_token or ref.head in observers:
                continue
            tok = self.doc[ref.head]
            cue = self.lex.cue(tok.head) if tok.dep_ in {"dobj", "dative"} and tok.head.i != cand.trigger else None
            if cue is not None and cue.frame == "speech" and _embedded_under(ev, tok.head.i):
                continue  # "told Merkel that …": the addressee of a report is no party to what it reports
            if tok.dep_ in {"nsubj", "nsubjpass"} and tok.head.i not in ev_ids:
                frame_cue = self.lex.cue(tok.head)
                if frame_cue is not None and frame_cue.frame in {"speech", "observe"} \
                        and not _embedded_under(ev, tok.head.i):
                    continue  # "NATO has seen no sign of X, … a day after Moscow signalled Y": not a party to Y
            if tok.dep_ == "pobj" and tok.head.head.lower_ == "according":
                continue  # "according to Berlin": who says so, not who took part
            if ref.actor.resolver == "kb:capital" and tok.dep_ == "pobj" and tok.head.lower_ in LOCATIVE_PREPS:
                continue  # "arrested dozens in Cairo": where it happened, not the government
            crossed = False
            for t in [self.doc[ref.head], *self.doc[ref.head].ancestors]:
                if t.i in ev_ids:
                    break
                crossed = crossed or t.dep_ in RELATIVE_DEPS or _background_head(t)
            if background and not any(t.i == cand.trigger for t in self.doc[ref.head].ancestors):
                crossed = True  # a background event's parties are inside its own phrase
            if not crossed:
                out.append(ref)
        return out

    @staticmethod
    def _governors(cand: EventCandidate) -> list[EventCandidate]:
        out, g = [], cand.governor
        while g is not None and len(out) < 8:
            out.append(g)
            g = g.governor
        return out

    def role_rows(self, cand: EventCandidate, refs: list[ActorRef]) -> list[list[str]]:
        from ..model.features import role_features

        ev = self.doc[cand.trigger]
        src_country = cand.source.actor.country if cand.source is not None else None
        rows = []
        for ref in refs:
            rule = ("source" if cand.source is not None and cand.source.head == ref.head else
                    "target" if cand.target is not None and cand.target.head == ref.head else "none")
            same = "na" if src_country is None or rule == "source" else str(ref.actor.country == src_country)
            rows.append(role_features(ev, self.doc[ref.head], cand.code[:2], ref.actor.sectors, rule, same))
        return rows

    def _barred(self, cand: EventCandidate, refs: list[ActorRef]) -> tuple[set[int], set[int]]:
        """Heads that may not be the source / the target: one calls on others to act, so the caller
        of an appeal or demand above does not do what it asks for ("Moscow called for the withdrawal
        of X"); the speaker and addressee of a governing frame ("X told Y that …") are no target."""
        speakers = {r.head for g in self._governors(cand) for r in (g.source, g.target) if r is not None}
        above = {a.i for a in self.doc[cand.trigger].ancestors}
        ev = self.doc[cand.trigger]
        for r in refs:  # the subject (or its possessor: "Merkel's office said") of a speech verb above
            t = self.doc[r.head]
            t = t.head if t.dep_ == "poss" else t
            if t.dep_ in {"nsubj", "nsubjpass"} and t.head.i in above and self.lex.cue(t.head) is not None \
                    and _embedded_under(ev, t.head.i):
                speakers.add(r.head)
        callers = {g.source for g in self._governors(cand) if g.frame in {"appeal", "demand"} and g.source is not None}
        sides = {c.actor.country for c in callers if c.actor.country}
        # nor does its own side ("Moscow called for a halt of the operations": not Russian troops')
        barred_sources = {c.head for c in callers} | {r.head for r in refs if r.actor.country in sides}
        return barred_sources, speakers

    def role_options(self, cand: EventCandidate) -> tuple[list[Option], list[Option], list[ActorRef | None],
                                                          list[ActorRef | None]]:
        """The pair decoder's choices for each side: nobody, the rules' choice, and every candidate
        actor that may take the side (``_barred``), each with its role features."""
        refs = self.role_candidates(cand)
        for r in (cand.source, cand.target):  # the rules' actors as the rules resolved them ("bombed Sanaa":
            if r is None:                    # the city's civilians, not the government the name resolves to)
                continue
            k = next((k for k, x in enumerate(refs) if x.head == r.head), None)
            if k is None:
                refs.append(r)
            else:
                refs[k] = r
        callers, speakers = self._barred(cand, refs)
        rows = self.role_rows(cand, refs)
        # a frame's parties are grammar's: the speaker the rules found (the subject of "said", "urged",
        # "threatened") and the addressee ("urged Kiev", or the government of the place an appeal is about)
        # stay; the decoder fills only what the rules left empty
        keep_source = cand.frame is not None and cand.source is not None
        keep_target = cand.frame is not None and cand.target is not None
        sides = []
        for ruled, barred, fixed in ((cand.source, callers, keep_source), (cand.target, speakers, keep_target)):
            opts: list[Option] = [] if fixed and ruled is not None else [Option(None)]
            actors: list[ActorRef | None] = [] if fixed and ruled is not None else [None]
            for r, row in zip(refs, rows):
                chosen = ruled is not None and ruled.head == r.head
                if (r.head in barred or fixed) and not chosen:
                    continue
                opts.append(Option(r.head, self.doc[r.head].dep_, r.actor.code[:3].upper(), tuple(row), chosen,
                                   (r.actor.resolver or "-").split("+")[0], r.actor.code))
                actors.append(r)
            sides.append((opts, actors))
        (s_opts, s_refs), (t_opts, t_refs) = sides
        return s_opts, t_opts, s_refs, t_refs

    def _apply_roles(self, cand: EventCandidate) -> None:
        """Learned roles: the pair decoder chooses the event's (source, target) pair among nobody, the
        rules' choice and the sentence's other candidate actors; the rules' choice is one of its
        features (docs/MODEL.md)."""
        s_opts, t_opts, s_refs, t_refs = self.role_options(cand)
        n = len({o.head for o in s_opts + t_opts if o.head is not None})
        if self.on_roles is not None:
            self.on_roles(cand, s_opts, t_opts, n)
            return
        idx, probs = score_pairs(self.model.pairs, s_opts, t_opts, cand.code[:2], n)
        if not idx:
            return
        i, j = idx[int(probs.argmax())]  # measured: requiring a margin over the rules' pair only loses
        src, tgt = s_refs[i], t_refs[j]
        if (src.head if src else None) != (cand.source.head if cand.source else None) \
                or (tgt.head if tgt else None) != (cand.target.head if cand.target else None):
            cand.source, cand.target = src, tgt
            cand.model = f"{cand.model or self.model.version}+roles"

    def _apply_model(self, info, triggers: dict[int, LexRow], cues: dict[int, LexRow],  # noqa: ANN001
                     probs: dict[int, Any]) -> dict[int, tuple[str, float]]:
        """Combine the learned trigger classifier with the lexicon (thresholds in docs/MODEL.md):
        drop a lexicon trigger the model is sure is no event, recode its root when the model is sure
        of another, and add tokens the lexicon does not know when the model is sure of a root. Cues
        (speech and attitude frames) stay with the rules."""
        th = self.model.thresholds
        verdicts: dict[int, tuple[str, float]] = {}
        for tok in info.span:
            p = probs.get(tok.i)
            if p is None or tok.i in cues or tok.dep_ == "amod":
                continue
            root, p_root = self.model.best_root(p)
            row = triggers.get(tok.i)
            if row is not None:
                # what an observer saw or a denial denies is the rules' call: the corroboration of
                # announcements rests on exactly these embedded events
                framed = any(a.i in cues and cues[a.i].frame in CHECK_FRAMES for a in tok.ancestors) or (
                    # "the announcement of troop withdrawals": the content of a speech noun
                    tok.dep_ == "pobj" and tok.head.lower_ in {"of", "on"} and tok.head.head.i in cues)
                # "such withdrawal", "this attack": refers back to an event the sentence alone cannot show
                anaphoric = any(c.lower_ in BACK_REFERENCE_DETS for c in tok.children if c.dep_ in {"det", "amod"})
                if self.model.p_none(p) >= th.drop and not row.specificity and not framed and not anaphoric:
                    del triggers[tok.i]
                elif root != row.code[:2] and p_root >= th.recode and f"{root}0" in self.codebook:
                    triggers[tok.i] = LexRow(row.lemma, row.pos, "", frozenset(), f"{root}0", None,
                                             f"model:{root}")
                    verdicts[tok.i] = (f"{self.model.version}:recoded:p={p_root:.3f}", p_root)
                else:
                    p_kept = self.model.p_root(p, row.code[:2])
                    verdicts[tok.i] = (f"{self.model.version}:kept:p={p_kept:.3f}", p_kept)
            elif p_root >= th.add and f"{root}0" in self.codebook and tok.lemma_.lower() not in CESSATION_WORDS:
                # ("a halt of operations": a cessation word is how the rules read what an appeal asks to stop)
                triggers[tok.i] = LexRow(tok.lemma_.lower(), tok.pos_, "", frozenset(), f"{root}0", None,
                                         f"model:{root}")
                verdicts[tok.i] = (f"{self.model.version}:added:p={p_root:.3f}", p_root)
        return verdicts

    @staticmethod
    def _time_frame(tok: Token) -> str | None:
        """Whether an event noun only dates another event: ``background`` when it is earlier context
        ("after the attack", "since the annexation", "in the wake of the bombing"), ``frame`` when it is
        a time of no news of its own ("during the talks", "at the conclusion of the drills")."""
        if tok.pos_ != "NOUN" or tok.dep_ != "pobj":
            return None
        prep = tok.head
        if prep.lower_ in BACKGROUND_PREPS or (prep.lower_ in {"to", "for"} and prep.head.lower_ in
                                               {"response", "retaliation", "reprisal"}):
            return "background"
        if prep.lower_ in TIME_FRAME_PREPS:
            return "frame"
        if prep.lower_ == "of" and prep.head.lemma_.lower() in TIME_FRAME_NOUNS:
            return "background" if prep.head.lemma_.lower() in {"wake", "aftermath"} else "frame"
        return None

    def _headlinese(self, cands: list[EventCandidate], info) -> None:  # noqa: ANN001
        """'Putin Orders Troop Withdrawal': a headline verb parsed as a noun compound. A cue noun that
        modifies an event noun, after an actor, acts as the verb of the headline."""
        if info.block not in {"headline", "subhead"} or any(t.pos_ == "VERB" for t in info.span):
            return
        by_i = {c.trigger: c for c in cands}
        for c in cands:
            tok = self.doc[c.trigger]
            if not c.frame or tok.dep_ != "compound" or tok.i == info.span.start:
                continue
            head = tok.head
            event = by_i.get(head.i)
            left = self.doc[tok.i - 1]
            if event is None or event.frame or left.pos_ not in {"PROPN", "NOUN"}:
                continue
            subject = self.res.resolve(left, self.on)
            if subject is None:
                continue
            c.notes.append(f"headline-verb:{left.i}")
            c.source = subject
            event.governor = c
            c.embedded.append(event)

    def _governs_event(self, tok: Token, triggers: dict[int, LexRow], cues: dict[int, LexRow]) -> bool:
        for t in tok.subtree:
            if t.i != tok.i and (t.i in triggers or t.i in cues) and self._path_ok(t, tok):
                return True
        return False

    @staticmethod
    def _path_ok(t: Token, ancestor: Token) -> bool:
        x = t
        while x.i != ancestor.i:
            if x.dep_ in EMBED_STOP:
                return False
            if x.head.i == x.i:
                return False
            x = x.head
        return True

    def _anaphoric_event(self, tok: Token) -> bool:
        if tok.pos_ != "NOUN" or tok.lemma_ not in ANAPHORIC_NOUNS:
            return False
        # only where the text speaks of whether it happened: "no sign of troop movements"
        head = tok.head
        for _ in range(3):
            if head.lemma_ in EVIDENCE_NOUNS:
                return True
            if head.head.i == head.i:
                break
            head = head.head
        return False

    def _absorb_light_verbs(self, cands: list[EventCandidate]) -> None:
        by_i = {c.trigger: c for c in cands}
        for c in cands:
            tok = self.doc[c.trigger]
            if c.frame or tok.pos_ != "NOUN":
                continue
            head = tok.head
            verb = by_i.get(head.i)
            if tok.dep_ in {"dobj", "nsubjpass"} and verb is not None and not verb.frame \
                    and tok.lemma_.lower() in verb.row.objects:
                c.emit = False  # "extended sanctions", "voiced optimism": the verb row names this noun
                continue
            if tok.dep_ in {"dobj", "nsubjpass", "attr"} and head.lemma_ in LIGHT_VERBS:
                if verb is not None and not verb.frame:
                    if verb.row.specificity > 0 and verb.row.objects:
                        c.emit = False  # the verb row names this object: it is the trigger
                        continue
                    verb.emit = False
                c.notes.append(f"light:{head.i}")

    def _depth(self, cand: EventCandidate) -> int:
        n, g = 0, cand.governor
        while g is not None:
            n, g = n + 1, g.governor
        return n

    # -- governors ------------------------------------------------------------------------------
    def _link_governor(self, cand: EventCandidate) -> None:
        if cand.governor is not None:
            return
        tok = self.doc[cand.trigger]
        x = tok
        inside_complement = False
        while x.head.i != x.i:
            if cand.frame and x.dep_ == "conj":
                return  # "NATO says X, but analysts say Y": coordinated statements, not embedded
            # an adverbial clause inside a quoted complement is part of the quote ("If they go back,
            # this will be…, said X"); one on the frame itself is not ("Following…, NATO said")
            quoted_advcl = x.dep_ == "advcl" and inside_complement is False and x.head.dep_ == "ccomp"
            # "seen no evidence that Russia is pulling back": the clause of an evidence noun is embedded
            noun_clause = x.dep_ in {"acl", "relcl"} and x.head.lemma_ in EVIDENCE_NOUNS
            if x.dep_ in EMBED_STOP and not quoted_advcl and not noun_clause and not (
                    x.dep_ == "nsubjpass" and x.head.lemma_ in {"see", "observe", "confirm"}):
                return
            x = x.head
            gov = self.by_token.get(x.i)
            if gov is not None and gov.frame and gov.emit:
                cand.governor = gov
                gov.embedded.append(cand)
                return

    # -- arguments ------------------------------------------------------------------------------
    def _actor(self, tok: Token | None, cand: EventCandidate) -> ActorRef | None:
        if tok is None:
            return None
        if tok.lower_ in PRONOUNS or tok.pos_ == "PRON":
            return self._pronoun(tok, cand)
        ref = self.res.resolve(tok, self.on)
        if ref is None:
            # a free relative or clause: "against what they say are terrorists"
            for t in tok.subtree:
                if t.dep_ in {"attr", "oprd"} and t.pos_ in {"NOUN", "PROPN"}:
                    ref = self.res.resolve(t, self.on)
                    if ref is not None:
                        break
        if ref is None:
            for c in tok.children:
                if c.dep_ == "conj":
                    ref = self.res.resolve(c, self.on)
                    if ref is not None:
                        break
        if ref is None and tok.lemma_.lower() in QUANTITY_NOUNS:
            # "thousands of Kenyan nurses", "dozens of soldiers": the actor is what is counted
            of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            obj = next((g for g in of.children if g.dep_ == "pobj"), None) if of is not None else None
            if obj is not None:
                ref = self.res.resolve(obj, self.on)
        if ref is not None and ref.actor.country is None:
            # "its troops": the owner is the antecedent of the possessive pronoun
            poss = next((c for c in tok.children if c.dep_ == "poss" and c.lower_ in PRONOUNS), None)
            if poss is not None:
                owner = self._pronoun(poss, cand)
                if owner is not None and owner.actor.country:
                    ref = _with_country(ref, owner)
        return ref

    def _pronoun(self, tok: Token, cand: EventCandidate) -> ActorRef | None:
        low = tok.lower_
        if low in {"who", "which", "that"} and tok.head.dep_ == "relcl":
            return self.res.resolve(tok.head.head, self.on)
        gov = cand.governor
        if gov is not None and gov.source is not None and low in {"it", "they", "he", "she", "we", "i"} \
                and _agrees(low, gov.source):
            return gov.source
        # nearest earlier actor in this or the previous two sentences, plural agreeing for 'they'
        want_plural = low in {"they", "them", "their", "we"}
        sent_start = self.adoc.sentences[max(0, cand.sentence - 2)].span.start
        best: ActorRef | None = None
        fallback: ActorRef | None = None
        for j in range(tok.i - 1, sent_start - 1, -1):
            t = self.doc[j]
            if t.dep_ not in SUBJ_DEPS | {"nsubjpass", "dobj", "pobj", "appos", "ROOT"}:
                continue
            ref = self.res.resolve(t, self.on)
            if ref is None:
                continue
            plural_like = ref.plural or ref.actor.sectors and ref.actor.sectors[0] in {"GOV", "MIL", "REB", "CVL"}
            if want_plural and not plural_like and ref.actor.resolver.startswith("kb:person"):
                continue
            if low in {"he", "she", "him", "her", "his"} and not _agrees("he", ref):
                # "he" is a person, never "the civilians"; an office (a government) may stand for one
                if fallback is None and set(ref.actor.sectors) & {"GOV", "MIL", "REB", "OPP"}:
                    fallback = ref
                continue
            best = ref
            break
        return best or fallback

    def _subject(self, tok: Token, cand: EventCandidate, depth: int = 0) -> tuple[ActorRef | None, str]:
        for c in tok.children:
            if c.dep_ in SUBJ_DEPS and _in_dateline(c):
                continue  # "MOSCOW, May 7 (Wire) - Putin said": the parser makes the dateline a subject
            if c.dep_ in SUBJ_DEPS:
                return self._actor(c, cand), "nsubj"
            if c.dep_ == "agent":
                for g in c.children:
                    if g.dep_ == "pobj":
                        return self._actor(g, cand), "agent"
        if depth > 4 or tok.head.i == tok.i:
            return None, ""
        head = tok.head
        if tok.dep_ == "xcomp":
            obj = next((c for c in head.children if c.dep_ in {"dobj", "dative"}), None)
            if obj is not None:
                ref = self._actor(obj, cand)
                if ref is not None:
                    return ref, "control:object"
            return self._subject(head, cand, depth + 1)[0], "control:subject"
        if tok.dep_ == "conj" or (tok.dep_ == "advcl" and tok.tag_ == "VBG"):
            return self._subject(head, cand, depth + 1)[0], tok.dep_
        if tok.dep_ in {"acl", "relcl"} and head.pos_ in {"NOUN", "PROPN"}:
            return self.res.resolve(head, self.on), tok.dep_
        if tok.dep_ in {"advcl"} and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
            return self._subject(head, cand, depth + 1)[0], "purpose"
        return None, ""

    def _target_from_preps(self, tok: Token, cand: EventCandidate, exclude: set[int]) -> ActorRef | None:
        preps = [c for c in tok.children if c.dep_ in {"prep", "dative"}]
        preps.sort(key=lambda p: TARGET_PREPS.index(p.lower_) if p.lower_ in TARGET_PREPS else 99)
        for p in preps:
            if p.dep_ == "dative" and p.pos_ != "ADP":
                ref = self._actor(p, cand)
                if ref is not None and ref.head not in exclude:
                    return ref
                continue
            if p.lower_ not in TARGET_PREPS:
                continue
            for g in p.children:
                if g.dep_ != "pobj" or g.i in exclude:
                    continue
                if p.lower_ in {"from", "along", "across", "near", "to", "over", "in"}:
                    ref = self.res.border_country(g, self.on)
                    if ref is not None:
                        return ref
                    if p.lower_ == "in" and cand.code.startswith(VISIT_CODES):
                        ref = self._actor(g, cand)  # "arrived in Kiev": the host
                        if ref is not None:
                            return ref
                    if p.lower_ not in {"to", "from"} or (p.lower_ == "from" and cand.code.startswith(THEME_ROOTS)):
                        continue
                ref = self._actor(g, cand)
                if ref is not None and ref.head not in exclude:
                    return ref
        return None

    def _arguments(self, cand: EventCandidate) -> None:
        tok = self.doc[cand.trigger]
        if any(n.startswith("headline-verb:") for n in cand.notes):
            cand.rule += "|headline"
            return
        if tok.pos_ == "NOUN" or tok.pos_ == "PROPN":
            self._noun_arguments(cand, tok)
        else:
            self._verb_arguments(cand, tok)
        if cand.source is not None and cand.target is not None and cand.source.head == cand.target.head:
            cand.target = None

    def _verb_arguments(self, cand: EventCandidate, tok: Token) -> None:
        passive = any(c.dep_ in {"nsubjpass", "auxpass"} for c in tok.children)
        src, how = self._subject(tok, cand)
        cand.source = src
        cand.rule += f"|{'passive' if passive else 'active'}:{how or 'none'}"
        exclude = {src.head} if src else set()
        target: ActorRef | None = None
        if passive and cand.code.startswith(THEME_ROOTS) and how != "agent":
            # "40,000 troops are deployed near the border": the moved forces are the actor
            subj = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
            cand.source = self._actor(subj, cand)
            exclude = {cand.source.head} if cand.source else set()
        elif passive:
            subj = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
            target = self._actor(subj, cand)
            if how != "agent":
                cand.source = None
                agent = next((c for c in tok.children if c.dep_ == "agent"), None)
                if agent is not None:
                    pobj = next((g for g in agent.children if g.dep_ == "pobj"), None)
                    cand.source = self._actor(pobj, cand)
        elif not cand.code.startswith(THEME_ROOTS):
            for c in tok.children:
                if c.dep_ in {"dobj", "dative"} and c.i not in exclude:
                    target = self._actor(c, cand)
                    if target is not None:
                        break
        if target is None:
            target = self._target_from_preps(tok, cand, exclude)
        if target is None and not cand.code.startswith(THEME_ROOTS):
            # "accused X of …", "voted for independence from the Kiev government": the object's own
            # prepositions name the other party
            objects = [c for c in tok.children if c.dep_ == "dobj"]
            objects += [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "for"
                        for g in c.children if g.dep_ == "pobj"]
            for c in objects:
                target = self._target_from_preps(c, cand, exclude)
                if target is not None:
                    break
            for c in (o for o in objects if o.dep_ == "dobj") if target is None else ():
                # "rejected Ukraine's request", "condemned Russia's annexation": whose thing it is
                poss = next((g for g in c.children if g.dep_ == "poss" and g.pos_ != "PRON" and g.i not in exclude), None)
                target = self._actor(poss, cand) if poss is not None else None
                if target is not None and cand.source is not None and _same_side(target, cand.source) \
                        and target.actor.code == cand.source.actor.code:
                    target = None  # "its own request": no other party
                if target is not None:
                    break
        if target is None and cand.code.startswith(THEME_ROOTS):
            target = self._border_in(tok)
        if target is None and cand.source is not None and (
                cand.code[:2] in SYMMETRIC_ROOTS or cand.code.startswith("0871")
                or (cand.code.startswith("19") and tok.lemma_.lower() in FIGHT_WORDS)):
            target = self._conjunct_of(tok)
        cand.target = target

    def _conjunct_of(self, tok: Token) -> ActorRef | None:
        """'Putin and Merkel discussed…', 'Kenya and Somalia pledged to share…': the second conjunct of
        the subject (of the verb, or of the verb it is the complement of) is the other party."""
        subj = None
        for _ in range(3):
            subj = next((c for c in tok.children if c.dep_ in SUBJ_DEPS), None)
            if subj is not None or tok.dep_ not in {"xcomp", "conj"} or tok.head.i == tok.i:
                break
            tok = tok.head
        if subj is None:
            return None
        for c in subj.conjuncts:
            ref = self.res.resolve(c, self.on)
            if ref is not None:
                return ref
        return None

    def _border_in(self, tok: Token) -> ActorRef | None:
        """'troops (deployed) along the Ukrainian border … return': the border names the target."""
        scopes = [tok] + [c for c in tok.children if c.dep_ in {"dobj", "nsubj", "nsubjpass"}]
        if tok.dep_ == "xcomp":
            scopes += [c for c in tok.head.children if c.dep_ in {"dobj", "nsubj"}]
        for scope in scopes:
            for t in scope.subtree:
                ref = self.res.border_country(t, self.on)
                if ref is not None:
                    return ref
        return None

    def _noun_arguments(self, cand: EventCandidate, tok: Token) -> None:
        src: ActorRef | None = None
        tgt: ActorRef | None = None
        how = "none"
        by = next((g for c in tok.children if c.dep_ == "prep" and c.lower_ == "by"
                   for g in c.children if g.dep_ == "pobj"), None)
        of = next((g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                   for g in c.children if g.dep_ == "pobj"), None)
        poss = next((c for c in tok.children if c.dep_ == "poss"), None)
        if poss is not None:
            src, how = self._actor(poss, cand), "poss"
        elif by is not None:
            src, how = self._actor(by, cand), "by"
        if src is None:
            for c in tok.lefts:
                if c.dep_ in {"amod", "compound", "nmod"}:
                    ref = self.res.resolve(c, self.on)
                    if ref is None:
                        hit = self.res.kb.adjective(c.text)
                        if hit is not None and not c.lower_.startswith(("pro", "anti")):
                            ref = self.res._make(c, hit, "kb:demonym")
                    if ref is not None:
                        src, how = ref, "modifier"
                        break
        if of is not None and not (src is not None and cand.row.code.startswith(THEME_ROOTS)):
            ref = self._actor(of, cand)
            if ref is not None:
                if src is None and cand.row.code[:2] in {"08", "14", "15", "04", "01", "03"}:
                    src, how = ref, "of"
                elif tgt is None:
                    tgt = ref
        if src is None and any(n.startswith("light:") for n in cand.notes):
            verb = tok.head
            src, how2 = self._subject(verb, cand)
            how = "light:" + how2
            if tgt is None:
                tgt = self._target_from_preps(verb, cand, {src.head} if src else set())
        if src is None and tok.dep_ in {"nsubj", "nsubjpass"} and tok.head.pos_ == "VERB":
            pass
        if tgt is None:
            tgt = self._target_from_preps(tok, cand, {src.head} if src else set())
        cand.source, cand.target = src, tgt
        cand.rule += f"|nominal:{how}"

    # -- anaphora -------------------------------------------------------------------------------
    def _resolve_anaphora(self, cand: EventCandidate, cands: list[EventCandidate]) -> None:
        tok = self.doc[cand.trigger]
        dets = {c.lower_ for c in tok.children if c.dep_ in {"det", "amod", "predet"}}
        anaphoric = cand.rule.startswith("anaphora") or (tok.pos_ == "NOUN" and dets & {"such"})
        if not anaphoric:
            return
        earlier = [p for p in cands if p.trigger < cand.trigger and not p.frame and p.code
                   and cand.sentence - p.sentence <= 6]
        # the event an intent frame is about ("ordered troops to return") is the salient antecedent
        salient = [p for p in earlier if "primary-intent" in p.notes]
        for prev in reversed(salient + earlier if not salient else salient):
            if cand.code and prev.code[:2] != cand.code[:2]:
                continue
            if prev.modality == "demanded" or (prev.governor is not None and prev.governor.frame in
                                                 {"appeal", "demand"}):
                continue
            cand.antecedent = prev
            if cand.source is not None and cand.source.actor.country is None and prev.source is not None:
                cand.source = None
            if not cand.code:
                cand.code = prev.code
                cand.rule = f"anaphora:{prev.rule.split('|')[0]}"
            cand.source = cand.source or prev.source
            cand.target = cand.target or prev.target
            return
        if not cand.code:
            cand.emit = False

    def _anaphoric_target(self, cand: EventCandidate, cands: list[EventCandidate]) -> None:
        """'analysts hailed the move': the target is the actor of the event the move refers to."""
        if cand.target is not None or cand.frame:
            return
        tok = self.doc[cand.trigger]
        obj = next((c for c in tok.children if c.dep_ in {"dobj", "nsubjpass"}), None)
        if obj is None or obj.lemma_ not in ANAPHORIC_NOUNS | {"announcement", "decision", "order", "plan"}:
            return
        if not any(c.lower_ in ANAPHORIC_DETS for c in obj.children):
            return
        earlier = [p for p in cands if p.trigger < cand.trigger and p.code and p.source is not None
                   and cand.sentence - p.sentence <= 6 and p is not cand]
        salient = [p for p in earlier if p.frame == "intent"] or [p for p in earlier if "primary-intent" in p.notes]
        pick = (salient or earlier or [None])[-1]
        if pick is not None and pick.source is not None and pick.source.actor.code != (
                cand.source.actor.code if cand.source else None):
            cand.target = pick.source
            cand.rule += "|target:anaphora"

    def _under_cessation(self, emb: EventCandidate, frame: EventCandidate) -> bool:
        ftok = self.doc[frame.trigger]
        if any(c.dep_ == "dobj" and c.lemma_.lower() in CESSATION_WORDS for c in ftok.children):
            return True  # "urged a halt | to the fighting" with the preposition on the verb
        x = self.doc[emb.trigger]
        for _ in range(6):
            if x.i == frame.trigger or x.head.i == x.i:
                return False
            x = x.head
            if x.lemma_.lower() in CESSATION_WORDS:
                return True
        return False

    def _owned(self, cand: EventCandidate) -> bool:
        """Whether a frame noun names who made it: a possessor or a 'by' agent ("the opposition's demand
        for …", "a threat by Ankara") — an act of that actor, not a passing reference."""
        tok = self.doc[cand.trigger]
        return any(c.dep_ == "poss" or (c.dep_ == "prep" and c.lower_ == "by") or
                   (c.dep_ in {"amod", "compound"} and cand.source.start_token <= c.i < cand.source.end_token)
                   for c in tok.children)

    def _target_from_place(self, cand: EventCandidate) -> ActorRef | None:
        """'Russian jets bombed Aleppo', 'the shelling of Kharkiv by separatists': a violent act aimed at
        a place with no named party hits that country's civilians (CVL), as event data codes it."""
        tok = self.doc[cand.trigger]
        for pm in self.adoc.places:
            if not (tok.sent.start <= pm.token_start < tok.sent.end) or not pm.place.country:
                continue
            if not self._aimed_at(self.doc[pm.token_end - 1], tok):
                continue
            return self._country_ref(pm.place.country, "CVL", "context:place-target", pm.text, pm.start, pm.end,
                                     pm.token_end - 1, pm.token_start, pm.token_end)
        return None

    @staticmethod
    def _speech_target(cand: EventCandidate) -> ActorRef | None:
        """'Kyiv said Russian forces shelled the town': a statement about an event between the speaker's
        side and another is aimed at that other party (the source of what the speaker's side suffered,
        the target of what it did); a bystander's statement has no target."""
        for emb in cand.embedded:
            if not emb.emit or emb.frame is not None:
                continue
            speaker = cand.source
            if emb.source is not None and emb.target is not None and _allied(emb.source, emb.target):
                return None  # a domestic event: the country cannot tell the speaker's side
            if emb.source is not None and emb.target is not None:
                if _allied(speaker, emb.source) and not _allied(speaker, emb.target):
                    return emb.target
                if _allied(speaker, emb.target) and not _allied(speaker, emb.source):
                    return emb.source
            elif emb.source is not None and emb.target is None and not _allied(speaker, emb.source) \
                    and emb.code[:2] in HOSTILE_ROOTS:
                return emb.source  # "Kyiv said Russian troops had crossed the border"
            return None
        return None

    def _protest_target(self, cand: EventCandidate) -> ActorRef | None:
        """A protest by citizens, opposition or workers with no named target is aimed at their own
        government, as event data codes it ('thousands protested in Caracas')."""
        src = cand.source
        c = src.actor.country
        if c is None or not set(src.actor.sectors) & PROTESTER_SECTORS or set(src.actor.sectors) & STATE_SECTORS:
            return None
        tok = self.doc[cand.trigger]
        if any(p != c for p in self.res.sentence_countries(tok, locative=True)):
            return None  # a protest abroad ("outside the Russian embassy in London") is about someone else
        return self._country_ref(c, "GOV", "context:protest-target", src.actor.text, src.actor.start,
                                 src.actor.end, src.head, src.start_token, src.end_token)

    def _population_target(self, cand: EventCandidate) -> ActorRef | None:
        """Curfews, martial law, arrests, bans, killings by a state's own forces with no named target
        fall on the population where they happen, and the curbs it lifts or the reforms it grants go
        to it: that country's civilians (CVL)."""
        src = cand.source
        if src.actor.country is None or (src.actor.sectors and not set(src.actor.sectors) & STATE_SECTORS):
            return None  # a bare country ("Sri Lanka imposed …") is its government
        tok = self.doc[cand.trigger]
        where = self.res.sentence_countries(tok, locative=True)
        c = where[0] if where else src.actor.country
        if c != src.actor.country and cand.code[:2] == "17":
            return None  # coercion abroad needs a named target
        return self._country_ref(c, "CVL", "context:population", tok.text, tok.idx, tok.idx + len(tok.text),
                                 tok.i, tok.i, tok.i + 1, plural=True)

    @staticmethod
    def _aimed_at(t: Token, trigger: Token) -> bool:
        """Whether a place token is what the act hits: its object ("bombed Aleppo"), a place phrase of
        the act ("strikes on Idlib", "shelling of Kharkiv") or of its object ("shelled positions near
        Donetsk", "attacked a church in Lagos")."""
        for _ in range(5):
            if t.head.i == trigger.i:  # "fought in Donetsk" is where, not whom: locative preps only below an object
                return t.dep_ in {"dobj", "nsubjpass", "npadvmod"} or (
                    t.dep_ == "prep" and t.lower_ in {"of", "on", "at", "against", "into"})
            if t.dep_ == "pobj" and t.head.lower_ not in PLACE_TARGET_PREPS:
                return False
            if t.dep_ not in {"pobj", "prep", "dobj", "compound", "conj", "appos"} or t.head.i == t.i:
                return False
            t = t.head
        return False

    def _addressee_from_place(self, cand: EventCandidate) -> ActorRef | None:
        """'X called for a halt … in southeast Ukraine': with no addressee named, an appeal about
        another country's ground is addressed to that country's government."""
        tok = self.doc[cand.trigger]
        speaker = cand.source.actor.country if cand.source else None
        for c in self.res.sentence_countries(tok):
            if c != speaker:
                pm = next(p for p in self.adoc.places if p.place.country == c
                          and tok.sent.start_char <= p.start < tok.sent.end_char)
                return self._country_ref(c, "GOV", "context:place", pm.text, pm.start, pm.end, pm.token_start,
                                         pm.token_start, pm.token_end)
        return None

    def _country_ref(self, country: str, sector: str, resolver: str, text: str, start: int, end: int,
                     head: int, start_token: int, end_token: int, plural: bool = False) -> ActorRef:
        """An actor the context implies, not one the text names: a country's sector (its civilians, its
        government), anchored on the words it was inferred from."""
        actor = Actor(text=text, name=self.res.kb.country_name.get(country, country),
                      code=self.res.kb.code_for_country(country) + sector, country=country, sectors=(sector,),
                      start=start, end=end, resolver=resolver)
        return ActorRef(actor, head, start_token, end_token, plural)

    # -- frames ---------------------------------------------------------------------------------
    def _code_frame(self, cand: EventCandidate) -> None:
        """The code of a cue mention: from frames.tsv for intent/appeal/demand/reject/threaten."""
        frame = cand.frame
        emb = next((e for e in cand.embedded if not e.frame and e.code), None)
        nested = next((e for e in cand.embedded if e.frame), None)
        if self.doc[cand.trigger].pos_ == "NOUN" and emb is None and nested is None \
                and not any(n.startswith("headline-verb:") for n in cand.notes):
            if not (frame in ATTITUDE_NOUN_FRAMES and cand.source is not None and self._owned(cand)):
                cand.emit = False  # "his peace plan", "the order": a reference without an event of its own
                return
        if frame in {"intent", "appeal", "demand", "reject", "threaten"}:
            if emb is not None:
                emb.notes.append(f"primary-{frame}")
                lookup = emb.code
                if emb.code[:2] in HOSTILE_ROOTS and self._under_cessation(emb, cand):
                    lookup = "087"  # "called for an end to the shelling": de-escalation is what is asked
                    emb.notes.append("ceased")
                code = self.codebook.frame_code(frame, lookup)
                if frame == "intent" and (emb.source is None or emb.source.actor.country is None) \
                        and cand.source is not None:
                    emb.source = cand.source if emb.source is None else _with_country(emb.source, cand.source)
                if code is None:
                    cand.emit = False  # no intent code for a hostile act ("ordered air strikes"): the act is
                    return             # still a planned mention of its own
                cand.code = code
                if frame == "intent" and cand.target is not None and cand.source is not None \
                        and _same_side(cand.target, cand.source):
                    cand.target = None  # "ordered the defence minister to…": the orderee is no target
                if cand.target is None and emb.target is not None:
                    cand.target = emb.target
                if frame == "intent" and (emb.source is None or emb.source.actor.country is None) \
                        and cand.source is not None:
                    emb.source = cand.source if emb.source is None else _with_country(emb.source, cand.source)
            elif nested is None and frame in {"appeal", "demand"} and cand.target is None:
                cand.emit = cand.source is not None
            if frame in {"appeal", "demand"} and cand.target is None and cand.emit:
                cand.target = self._addressee_from_place(cand)
            for e in (x for x in cand.embedded if not x.frame and x.code) if frame in {"appeal", "demand"} else ():
                if e.source is not None and e.source.actor.resolver == "discourse:antecedent" and \
                        cand.source is not None and _same_side(e.source, cand.source):
                    # one calls on others to act: a guessed owner from the caller's side is more likely wrong
                    e.source = _with_country(e.source, cand.target) if cand.target is not None else None
        elif frame in SILENT_FRAMES:
            cand.emit = False
        elif frame == "speech":
            tok = self.doc[cand.trigger]
            if emb is not None and emb.source is not None and emb.source.actor.country is None \
                    and emb.source.actor.code.startswith("---") and cand.source is not None \
                    and cand.source.actor.country and _future(self.doc[emb.trigger]) \
                    and set(cand.source.actor.sectors) & STATE_SECTORS:
                # "the minister announced that troops would withdraw": a state's announcement of unnamed
                # forces' next move speaks of its own forces
                emb.source = _with_country(emb.source, cand.source)
            if cand.target is not None and cand.target.actor.country is None and \
                    cand.target.actor.code.startswith("---"):
                cand.target = None  # "told reporters": an audience, not a target
            if tok.pos_ in {"NOUN", "PROPN"} and (cand.source is None or not cand.embedded):
                cand.emit = False  # "following the announcement": a reference, not a statement
            elif cand.source is None or (tok.dep_ in {"parataxis", "ROOT"} and cand.embedded
                                         and cand.embedded[0].trigger < cand.trigger
                                         and self.doc[cand.source.head].pos_ == "NOUN"
                                         and not any(self.doc[i].pos_ in {"PROPN", "ADJ"} or self.doc[i].ent_type_
                                                     for i in range(cand.source.start_token, cand.source.end_token))):
                cand.emit = False  # "…, officials said": no identifiable speaker, only attribution
            elif emb is not None and cand.source is not None and emb.source is not None \
                    and tok.lemma_.lower() in INSISTING_SPEECH and not _same_side(cand.source, emb.source):
                cand.code = self.codebook.frame_code("demand", emb.code)  # "insisted that X be lifted"
                cand.target = cand.target or (emb.source if emb.source.actor.country else None)
            elif emb is not None and cand.source is not None and emb.source is not None \
                    and _same_side(cand.source, emb.source) and emb.code[:2] in HOSTILE_ROOTS \
                    and (tok.lemma_.lower() == "warn" or _conditional_act(self.doc[emb.trigger])) \
                    and self.codebook.frame_code("threaten", emb.code):
                # "warned it would respond", "said it would strike if …": one's own hostile act, held over
                cand.code = self.codebook.frame_code("threaten", emb.code)
                cand.target = cand.target or emb.target
            elif emb is not None and cand.source is not None and emb.source is not None \
                    and _same_side(cand.source, emb.source) and _negated_future(self.doc[emb.trigger]) \
                    and self.codebook.frame_code("reject", emb.code):
                cand.code = self.codebook.frame_code("reject", emb.code)  # "said it would not …": a refusal
                cand.target = cand.target or emb.target
            elif emb is not None and cand.source is not None and emb.source is not None \
                    and _same_side(cand.source, emb.source) and _future(self.doc[emb.trigger]) \
                    and not set(cand.source.actor.sectors) & {"ELI", "MED", "CVL", "EDU", "BUS"}:
                code = self.codebook.frame_code("intent", emb.code)
                if code:
                    cand.code = code
                    cand.target = cand.target or emb.target
        if cand.code not in self.codebook:
            cand.emit = False


def _asked_for(cand: EventCandidate) -> bool:
    """An act an appeal or demand asks for: who is to do it, and to whom, is the rules' to find ("called
    for a halt of the bombing": the halt is the appeal's content; the sentence's other actors are not
    its parties)."""
    return cand.governor is not None and cand.governor.frame in {"appeal", "demand"}


def _background_head(t: Token) -> bool:
    """The head of a background phrase or clause: 'after / since / following X', 'after X did Y'."""
    if t.dep_ == "prep" and t.lower_ in BACKGROUND_PREPS:
        return True
    return t.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in {"after", "since"} for c in t.children)


def _embedded_under(tok: Token, verb: int) -> bool:
    """Whether ``tok`` sits in a clause below the verb at index ``verb`` (its complement, not a
    phrase of its own clause: 'told X that he ordered a withdrawal', not 'told X in a call')."""
    t, crossed = tok, False
    for _ in range(16):
        if t.head.i == t.i:
            return False
        crossed = crossed or t.dep_ in {"ccomp", "xcomp", "advcl", "relcl", "parataxis"}
        t = t.head
        if t.i == verb:
            return crossed
    return False


def _agrees(pronoun: str, ref: ActorRef) -> bool:
    """Does the pronoun fit the actor? 'he'/'she'/'i' a person; 'it' a body; 'they'/'we' a group."""
    person = ref.actor.resolver in {"kb:person", "unknown:person"}
    if pronoun in {"he", "she", "i"}:
        return person
    if pronoun == "it":
        return not person and not ref.plural
    return not person  # they, we: a government, an army, a group


def _conditional_act(tok: Token) -> bool:
    """The act under 'if / unless', or with an 'if / unless' clause of its own ("would close the strait if
    it were attacked"): held over someone, not done (a plain 'would' is an announcement)."""
    if any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in {"if", "unless"} for m in c.children)
           for c in tok.children):
        return True
    return under_mark(tok, {"if", "unless"}, 4)


def under_mark(tok: Token, marks: set[str], depth: int) -> bool:
    """Is the token, or one of its ``depth`` nearest heads, introduced by one of ``marks`` ("if", …)?"""
    t = tok
    for _ in range(depth):
        if any(c.dep_ == "mark" and c.lower_ in marks for c in t.children):
            return True
        if t.head.i == t.i:
            break
        t = t.head
    return False


def _negated_future(tok: Token) -> bool:
    """'would not / will not / won't' + the act: a refusal announced in the speaker's words."""
    aux = {c.lower_ for c in tok.children if c.dep_ in {"aux", "auxpass"}}
    return bool(aux & {"would", "will", "wo", "shall"}) and any(c.dep_ == "neg" for c in tok.children)


def _future(tok: Token) -> bool:
    from .dates import is_future
    return is_future(tok)


def _same_side(a: ActorRef, b: ActorRef) -> bool:
    ca, cb = a.actor.country, b.actor.country
    if ca and cb:
        return ca == cb
    return a.actor.code[:3] == b.actor.code[:3] and a.actor.code[:3] != "---"


def _same_camp(a: ActorRef, b: ActorRef) -> bool:
    """The same country and both state bodies (a bare country is its government) or both not: nurses
    and their government are two camps, a ministry and the army one."""
    def state(r: ActorRef) -> bool:
        return not r.actor.sectors or bool(set(r.actor.sectors) & STATE_SECTORS)
    return _same_side(a, b) and state(a) == state(b)


def _allied(a: ActorRef, b: ActorRef) -> bool:
    """Same side: the same country, and not a state body against rebels or opposition of it."""
    if not _same_side(a, b):
        return False
    armed = {"REB", "OPP", "UAF", "INS"}
    return bool(set(a.actor.sectors) & armed) == bool(set(b.actor.sectors) & armed)


def _civilians_of(ref: ActorRef) -> ActorRef:
    from dataclasses import replace
    a = ref.actor
    actor = replace(a, code=a.code[:3] + "CVL", sectors=("CVL",), resolver="context:place-target")
    return replace(ref, actor=actor)


def _with_country(ref: ActorRef, donor: ActorRef) -> ActorRef:
    from dataclasses import replace
    c = donor.actor.country
    code = (donor.actor.code[:3] if donor.actor.code[:3] != "---" else "---") + "".join(ref.actor.sectors)
    actor = replace(ref.actor, country=c, code=code, resolver=ref.actor.resolver + "+frame")
    return replace(ref, actor=actor)
