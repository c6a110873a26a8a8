"""Features of one candidate token for the learned event classifiers.

Only the parser's own output (lemma, part of speech, dependency arcs, entity types) and our own
lexicon: the same function runs at training time and at coding time, so what the model saw while
learning is what it sees on new text. Features are strings; the model maps them to weights.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Token

CANDIDATE_POS = frozenset({"VERB", "NOUN"})
MODAL_WORDS = frozenset({"will", "would", "could", "may", "might", "should", "must", "can", "shall"})
ARG_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "dative", "attr", "agent", "pobj", "compound", "amod",
                      "xcomp", "ccomp", "advcl", "acl", "relcl", "prt", "neg", "aux", "auxpass", "poss"})


def is_candidate(tok: Token) -> bool:
    """Tokens the classifiers look at: verbs and common nouns (the heads of event expressions)."""
    return tok.pos_ in CANDIDATE_POS and tok.is_alpha and len(tok.text) > 1


def _ent(tok: Token) -> str:
    if tok.ent_type_:
        return tok.ent_type_
    if tok.pos_ == "PROPN":
        return "PROPN"
    if tok.pos_ == "PRON":
        return "PRON"
    return "O"


def token_features(tok: Token, lexicon: Any = None, rows: tuple[Any, Any] | None = None) -> list[str]:
    """Feature strings of one candidate token (trigger classifier). ``rows``: the lexicon's trigger
    and cue rows for the token when the caller has them already (same answer, no second lookup)."""
    lemma = tok.lemma_.lower()
    head = tok.head
    f = ["b", f"l={lemma}", f"w={tok.lower_}", f"p={tok.pos_}", f"t={tok.tag_}", f"d={tok.dep_}",
         f"ld={lemma}|{tok.dep_}", f"sfx={tok.lower_[-3:]}"]
    if head.i != tok.i:
        f += [f"hl={head.lemma_.lower()}", f"hd={tok.dep_}>{head.pos_}", f"lhl={lemma}|{head.lemma_.lower()}"]
        if tok.dep_ in {"xcomp", "ccomp", "pobj", "dobj", "advcl", "conj"}:
            f.append(f"gov={tok.dep_}:{head.lemma_.lower()}")
            if head.dep_ == "prep":
                f.append(f"govp={head.lower_}:{head.head.lemma_.lower()}")
    else:
        f.append("root")
    for c in tok.children:
        dep = c.dep_
        if dep not in ARG_DEPS and dep != "prep":
            continue
        cl = c.lemma_.lower()
        if dep == "prep":
            f.append(f"prep={c.lower_}")
            f.append(f"lprep={lemma}|{c.lower_}")
            for g in c.children:
                if g.dep_ == "pobj":
                    f.append(f"pp={c.lower_}:{g.lemma_.lower()}")
                    f.append(f"ppe={c.lower_}:{_ent(g)}")
        elif dep in {"aux", "auxpass"}:
            f.append(f"aux={cl}")
            if cl in MODAL_WORDS:
                f.append("modal")
        elif dep == "neg":
            f.append("neg")
        else:
            f.append(f"c={dep}:{cl}")
            f.append(f"ce={dep}:{_ent(c)}")
            if dep in {"dobj", "nsubjpass", "compound", "amod", "prt"}:
                f.append(f"lobj={lemma}|{dep}:{cl}")
    doc = tok.doc
    prev = doc[tok.i - 1] if tok.i > 0 else None
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    f.append(f"pw={prev.lower_ if prev is not None else '<s>'}")
    f.append(f"nw={nxt.lower_ if nxt is not None else '</s>'}")
    if nxt is not None:
        f.append(f"bi={lemma}_{nxt.lower_}")
    if prev is not None:
        f.append(f"pbi={prev.lower_}_{lemma}")
    if lexicon is not None or rows is not None:
        row, cue = rows if rows is not None else (lexicon.trigger(tok), lexicon.cue(tok))
        if row is not None:
            f += [f"lex={row.code[:2]}", f"lexc={row.code}", f"lexs={row.specificity}"]
        if cue is not None:
            f += [f"cue={cue.frame}", f"cuec={cue.code[:2]}"]
    return f


def _sentence_words(tok: Token) -> frozenset[str]:
    doc = tok.doc
    sent = tok.sent
    cache = doc.user_data.setdefault("tacitus_sentence_words", {})
    words = cache.get(sent.start)
    if words is None:
        words = cache[sent.start] = frozenset(w.lower_ for w in sent)
    return words


def modality_features(tok: Token) -> list[str]:
    """Feature strings for the modality of the event expressed at ``tok``."""
    f = ["b", f"l={tok.lemma_.lower()}", f"t={tok.tag_}", f"d={tok.dep_}"]
    t = tok
    for depth in range(4):
        for c in t.children:
            if c.dep_ in {"aux", "auxpass", "neg", "mark", "advmod"}:
                f.append(f"{depth}:{c.dep_}={c.lower_}")
        if t.head.i == t.i:
            break
        f.append(f"{depth}:up={t.dep_}>{t.head.lemma_.lower()}")
        t = t.head
    words = _sentence_words(tok)
    for w in ("if", "unless", "not", "no", "never", "ago", "last", "earlier", "will", "would", "plans",
              "plan", "threatened", "demanded", "urged", "called", "deny", "denied", "refused"):
        if w in words:
            f.append(f"s:{w}")
    return f


def _path(a: Token, b: Token, limit: int = 5) -> str:
    """The dependency path from ``a`` up to the lowest common ancestor and down to ``b``."""
    up_a = [a, *list(a.ancestors)]
    up_b = [b, *list(b.ancestors)]
    ids_b = {t.i: n for n, t in enumerate(up_b)}
    for n, t in enumerate(up_a):
        if t.i in ids_b:
            m = ids_b[t.i]
            ups = [x.dep_ for x in up_a[:n]]
            downs = [x.dep_ for x in reversed(up_b[:m])]
            if len(ups) + len(downs) > limit:
                return f"long{min(len(ups), 3)}^{min(len(downs), 3)}"
            preps = [x.lower_ for x in up_a[1:n] if x.dep_ in {"prep", "agent"}]
            return "^".join(ups) + "|" + "v".join(downs) + ("@" + ",".join(preps) if preps else "")
    return "none"


def role_features(event: Token, actor_head: Token, root: str, sectors: tuple[str, ...],
                  rule_role: str, same_country_as: str) -> list[str]:
    """Feature strings for the role (source, target, none) of one actor for one event."""
    path = _path(actor_head, event)
    dist = actor_head.i - event.i
    side = "before" if dist < 0 else "after"
    bucket = min(abs(dist) // 3, 5)
    sector = sectors[0] if sectors else "-"
    prep = actor_head.head.lower_ if actor_head.dep_ == "pobj" else "-"
    return ["b", f"path={path}", f"rpath={root}|{path}", f"side={side}", f"dist={side}{bucket}",
            f"dep={actor_head.dep_}", f"rdep={root}|{actor_head.dep_}", f"prep={prep}", f"rprep={root}|{prep}",
            f"sec={sector}", f"rsec={root}|{sector}", f"rule={rule_role}", f"rrule={root}|{rule_role}",
            f"ev={event.lemma_.lower()}|{path}", f"same={same_country_as}", f"root={root}",
            f"pos={actor_head.pos_}", f"hl={actor_head.head.lemma_.lower()}"]
