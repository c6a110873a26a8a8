"""The table attribute ruler gives exactly the stock ruler's annotations, and steps aside when it cannot."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy

from tacitus.stages.attributes import TableAttributeRuler, UnsupportedPattern, replace_attribute_ruler
from tacitus.stages.parse import MODEL_NAME, load_nlp

ROOT = Path(__file__).resolve().parents[1]


def _texts() -> list[str]:
    out = [json.loads(line)["text"] for line in (ROOT / "tests" / "data" / "sentences.jsonl").read_text(
        encoding="utf-8").splitlines() if line.strip()]
    for p in sorted((ROOT / "src" / "tacitus" / "samples").glob("*.json")):
        out.append(json.loads(p.read_text(encoding="utf-8"))["text"])
    # the multi-token and lower-case exceptions of the English rules, and words no rule names
    out += ["We're gonna go, y'all, c'mon; let's see if there are any.", "I ain't gotta do it, but there is time.",
            "THE ZYXWV PARLIAMENT VOTED. The zyxwv voted, but then it didn't."]
    return out


def _annotations(doc) -> list[tuple]:
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_) for t in doc]


def test_same_annotations_as_the_stock_ruler() -> None:
    stock = spacy.load(MODEL_NAME)
    stock.add_pipe("tacitus_blocks", before="parser")
    ours = load_nlp(MODEL_NAME)
    assert "attribute_ruler" in stock.pipe_names and "attribute_ruler" not in ours.pipe_names
    texts = _texts()
    for a, b in zip(stock.pipe(texts), ours.pipe(texts)):
        assert _annotations(a) == _annotations(b)


def _ruler(patterns: list[dict]):
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add_patterns(patterns)
    return nlp, ruler


def test_later_rules_win_and_multi_token_rules_apply() -> None:
    patterns = [
        {"patterns": [[{"LOWER": "bank"}]], "attrs": {"LEMMA": "first"}},
        {"patterns": [[{"LOWER": {"IN": ["bank", "shore"]}}]], "attrs": {"LEMMA": "second"}},
        {"patterns": [[{"LOWER": "river"}, {"LOWER": "bank"}]], "attrs": {"LEMMA": "third"}, "index": 1},
        {"patterns": [[{"LOWER": {"REGEX": "^sh"}}]], "attrs": {"LEMMA": "regex"}},
        {"patterns": [[{"LOWER": {"NOT_IN": ["bank", "shore", "river"]}}]], "attrs": {"LEMMA": "other"}},
    ]
    nlp, ruler = _ruler(patterns)
    table = TableAttributeRuler(ruler)
    for text in ("the river bank and the bank", "shore shop bank river"):
        a, b = ruler(nlp.make_doc(text)), table(nlp.make_doc(text))
        assert [t.lemma_ for t in a] == [t.lemma_ for t in b]
    doc = table(nlp.make_doc("the river bank and the bank"))
    assert [t.lemma_ for t in doc] == ["other", "", "third", "other", "other", "second"]


def test_unsupported_patterns_keep_the_stock_ruler() -> None:
    nlp, ruler = _ruler([{"patterns": [[{"ORTH": "Bank"}]], "attrs": {"LEMMA": "x"}}])
    with pytest.raises(UnsupportedPattern):
        TableAttributeRuler(ruler)
    assert replace_attribute_ruler(nlp) is False
    assert nlp.pipe_names == ["attribute_ruler"]
