"""spaCy's attribute ruler as a lookup table: the same annotations at a tenth of the cost.

The English pipeline's ``attribute_ruler`` maps fine tags to parts of speech and morphology (its tag
map) and fixes a few dozen exceptions, with 179 Matcher patterns run over every token: about 11 % of
the whole parse on our texts. Almost all of its patterns look at one token's TAG, LOWER, DEP and
IS_SPACE only, so what they do to a token depends on those four values alone: we work that out once
per distinct combination and cache it. The few multi-token patterns ("gon na", "let 's", "there is")
keep a Matcher of their own. Rules apply in the ruler's order (a later rule wins), as in spaCy.

:func:`replace_attribute_ruler` swaps the component in a loaded pipeline when every pattern is of a
kind the table understands, and leaves the pipeline alone otherwise; ``tests/test_attributes.py``
checks that the annotations are identical to the stock ruler's on our corpora.
"""

from __future__ import annotations

import re
from typing import Any

from spacy.attrs import DEP, IS_SPACE, LOWER, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

SINGLE_KEYS = frozenset({"TAG", "LOWER", "DEP", "IS_SPACE"})
OPERATORS = frozenset({"IN", "NOT_IN", "REGEX"})
OTHER = -1  # the LOWER class of every word no rule names


class UnsupportedPattern(ValueError):
    """A ruler pattern the table cannot reproduce exactly (the stock ruler is kept)."""


def _value_test(value: Any) -> Any:
    if isinstance(value, dict):
        if not set(value) <= OPERATORS or len(value) != 1:
            raise UnsupportedPattern(f"operator {sorted(value)}")
        (op, arg), = value.items()
        if op == "IN":
            allowed = frozenset(arg)
            return lambda v: v in allowed
        if op == "NOT_IN":
            banned = frozenset(arg)
            return lambda v: v not in banned
        rx = re.compile(arg)
        return lambda v: v is not None and rx.search(v) is not None
    return lambda v: v == value


def _token_test(spec: dict[str, Any]) -> Any:
    if not set(spec) <= SINGLE_KEYS:
        raise UnsupportedPattern(f"keys {sorted(set(spec) - SINGLE_KEYS)}")
    tests = [(("TAG", "LOWER", "DEP", "IS_SPACE").index(k), _value_test(v)) for k, v in spec.items()]
    return lambda key: all(t(key[i]) for i, t in tests)


class TableAttributeRuler:
    """Callable pipeline component equivalent to a loaded spaCy ``AttributeRuler``."""

    def __init__(self, ruler: Any) -> None:
        self.vocab = ruler.vocab
        self.attrs: list[dict] = list(ruler.attrs)
        self.indices: list[int] = list(ruler.indices)
        self.by_tag: dict[str, list[tuple[int, Any]]] = {}  # rules that need one exact TAG
        self.general: list[tuple[int, Any]] = []  # the other single-token rules
        self.multi = Matcher(self.vocab)
        self.multi_index: dict[int, int] = {}
        lowers: set[str] = set()
        self.lower_regexes: list[re.Pattern[str]] = []
        for rule_id, spec in enumerate(ruler.patterns):
            patterns = spec["patterns"]
            for p in patterns:
                for t in p:
                    if not set(t) <= SINGLE_KEYS | {"OP"}:
                        raise UnsupportedPattern(f"keys {sorted(t)}")
                    low = t.get("LOWER")
                    if isinstance(low, str):
                        lowers.add(low)
                    elif isinstance(low, dict):
                        for op, arg in low.items():
                            if op == "REGEX":
                                self.lower_regexes.append(re.compile(arg))
                            elif op in {"IN", "NOT_IN"}:
                                lowers.update(arg)
            if all(len(p) == 1 and "OP" not in p[0] for p in patterns):
                for p in patterns:
                    tag = p[0].get("TAG")
                    entry = (rule_id, _token_test(p[0]))
                    if isinstance(tag, str):
                        self.by_tag.setdefault(tag, []).append(entry)
                    else:
                        self.general.append(entry)
            else:
                self.multi.add(str(rule_id), patterns)
                self.multi_index[self.vocab.strings[str(rule_id)]] = rule_id
        # a word no rule names behaves like any other such word: one cache entry for all of them
        self.lower_hashes = frozenset(self.vocab.strings.add(w) for w in lowers)
        self._cache: dict[tuple[int, ...], tuple[int, ...]] = {}

    def _lower_class(self, lower: int) -> int:
        if lower in self.lower_hashes:
            return lower
        if self.lower_regexes:
            text = self.vocab.strings[lower] if lower else ""
            if any(rx.search(text) for rx in self.lower_regexes):
                return lower
        return OTHER

    def _rules_for(self, hashes: tuple[int, int, int, int]) -> tuple[int, ...]:
        """The single-token rules that fire on a token with these TAG, LOWER (class), DEP, IS_SPACE."""
        ids = self._cache.get(hashes)
        if ids is None:
            strings = self.vocab.strings
            tag, lower, dep, space = hashes
            key = (strings[tag] if tag else "", None if lower == OTHER else strings[lower] if lower else "",
                   strings[dep] if dep else "", bool(space))
            hits = {rule_id for rule_id, test in (*self.by_tag.get(key[0], ()), *self.general) if test(key)}
            ids = tuple(sorted(hits))
            self._cache[hashes] = ids
        return ids

    def __call__(self, doc: Doc) -> Doc:
        arr = doc.to_array([TAG, LOWER, DEP, IS_SPACE])
        extra: dict[int, list[int]] = {}
        if len(self.multi):
            for match_id, start, end in self.multi(doc, allow_missing=True):
                rule_id = self.multi_index[match_id]
                index = self.indices[rule_id]
                pos = start + index if index >= 0 else end + index
                if not start <= pos < end:
                    raise ValueError(f"attribute rule {rule_id}: index {index} outside its match")
                extra.setdefault(pos, []).append(rule_id)
        lower_class = self._lower_class
        for i, (tag, lower, dep, space) in enumerate(arr.tolist()):
            ids = self._rules_for((tag, lower_class(lower), dep, space))
            if i in extra:
                ids = tuple(sorted((*ids, *extra[i])))
            if not ids:
                continue
            tok = doc[i]
            for rule_id in ids:
                set_token_attrs(tok, self.attrs[rule_id])
        return doc


def replace_attribute_ruler(nlp: Language) -> bool:
    """Swap the pipeline's ``attribute_ruler`` for the table version; False (and nothing changed)
    when there is none or one of its patterns is of a kind the table does not reproduce."""
    if "attribute_ruler" not in nlp.pipe_names:
        return False
    try:
        table = TableAttributeRuler(nlp.get_pipe("attribute_ruler"))
    except UnsupportedPattern:
        return False
    nlp.add_pipe("tacitus_table_attributes", before="attribute_ruler")
    nlp.get_pipe("tacitus_table_attributes").table = table
    nlp.remove_pipe("attribute_ruler")
    return True


class _Holder:
    """The registered component: holds the table built from the stock ruler."""

    def __init__(self) -> None:
        self.table: TableAttributeRuler | None = None

    def __call__(self, doc: Doc) -> Doc:
        if self.table is None:
            raise ValueError("tacitus_table_attributes has no table: build it with replace_attribute_ruler(nlp)")
        return self.table(doc)


@Language.factory("tacitus_table_attributes")
def _make_holder(nlp: Language, name: str) -> _Holder:
    return _Holder()
