"""Joint acts: events where each side is source and target of the other.

Talks, meetings, phone calls, negotiations, signed agreements, cooperation, truces and clashes are
done *with* someone: "Russia and Ukraine signed a ceasefire" and "talks between Kiev and Moscow" are
one act by both sides. Tacitus's coding convention (docs/SCHEMA.md, ``mutual``) records such an act as
one event per direction, so a mention flagged mutual stands for (A→B) and (B→A); an act only one side
does ("Russia praised Ukraine", "Putin visited Minsk", "Russian forces shelled Mariupol") is not mutual.

The test has two parts: the code must name an act that is joint by nature, and the parse must show
the other side as a partner — a coordinated subject ("X and Y met"), a ``with`` / ``between`` /
``among`` phrase ("X met with Y", "fighting between X and Y"), or, for talks and meetings, the
direct object ("Putin met Merkel").
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Token

#: acts that are joint by nature when both sides are named (CAMEO codes and their sub-codes)
MUTUAL_CODES = ("036", "040", "041", "044", "046", "050", "057", "06", "0871")
#: talks and meetings: joint even with the partner as direct object ("Putin met Merkel")
OBJECT_MUTUAL = ("040", "041", "044", "046")
#: visits (one side travels), mediation (the mediator is no party) and one-sided diplomacy
NEVER_MUTUAL = ("042", "043", "045", "051", "052", "053", "054", "055", "056")
#: fighting words that name a two-sided fight ("clashes", "a battle", "exchanged fire")
FIGHT_WORDS = {"clash", "battle", "skirmish", "firefight", "gunbattle", "gunfight", "fight", "fighting",
               "exchange", "duel"}
#: release words that name a two-sided exchange ("a prisoner swap")
SWAP_WORDS = {"swap", "exchange"}
PARTNER_PREPS = {"with", "between", "among", "amongst"}


def _partner_path(trigger: Token, other: Token) -> bool:
    """Whether ``other`` hangs from the event through a with/between/among phrase ("met with Y",
    "signed a deal with Y", "talks between X and Y")."""
    t = other
    for _ in range(8):
        if t.i == trigger.i or t.head.i == t.i:
            return False
        if t.dep_ == "pobj" and t.head.lower_ in PARTNER_PREPS:
            return True
        if t.dep_ == "conj":
            t = t.head
            continue
        t = t.head
    return False


def _coordinated(a: Token, b: Token) -> bool:
    return b in a.conjuncts or a in b.conjuncts


def joint_act(code: str, lemma: str) -> bool:
    """Whether the act is joint by nature (talks, agreements, cooperation, truces, clashes, swaps)."""
    if not code or code.startswith(NEVER_MUTUAL):
        return False
    lemma = lemma.lower()
    return code.startswith(MUTUAL_CODES) or (code.startswith("19") and lemma in FIGHT_WORDS) \
        or (code.startswith("084") and lemma in SWAP_WORDS)


def is_mutual(doc: Any, trigger: int, code: str, source_head: int | None, target_head: int | None) -> bool:
    """Whether the event at ``trigger`` with code ``code`` is a joint act of its source and target."""
    if source_head is None or target_head is None or source_head == target_head:
        return False
    tok, src, tgt = doc[trigger], doc[source_head], doc[target_head]
    if not joint_act(code, tok.lemma_):
        return False
    fight = code.startswith("19")
    if _coordinated(src, tgt) or _partner_path(tok, tgt) or _partner_path(tok, src):
        return True
    if code.startswith(OBJECT_MUTUAL) or fight:
        return tgt.dep_ == "dobj" and tgt.head.i == tok.i
    return False
