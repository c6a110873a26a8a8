"""Joint acts (one event per direction), background events (historical), and the implicit targets of
event data conventions: the place a violent act hits, the government a protest is aimed at, the
population a state's coercion falls on, the other party of a reported event. Sentences written here."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from tacitus.evaluate import GoldEvent, GoldSentence, score_sentence, scored_tuples
from tacitus.model.train import anchor, load_additions, load_labelled
from tacitus.records import Actor, Article, Mention

PUB = date(2016, 6, 8)


def _code(pipeline, text: str, published: date = PUB) -> list[Mention]:
    return pipeline(Article(text=text, published=published, article_id="t"))


def _one(mentions: list[Mention], trigger: str) -> Mention:
    found = [m for m in mentions if m.trigger.text == trigger]
    assert found, [(m.trigger.text, m.cameo.code) for m in mentions]
    return found[0]


def _pairs(m: Mention) -> list[tuple[str | None, str | None]]:
    return [(s.country if s else None, t.country if t else None) for s, t in m.dyads()]


# -- joint acts --------------------------------------------------------------------------------
@pytest.mark.parametrize("text,trigger", [
    ("Chile and Peru signed a fisheries accord in Lima on Tuesday.", "signed"),
    ("Talks between Serbia and Kosovo resumed in Brussels on Monday.", "Talks"),
    ("Armenia and Azerbaijan exchanged fire along the border overnight.", "exchanged"),
    ("Greek and Turkish diplomats met in Athens on Monday.", "met"),
])
def test_joint_acts_count_both_directions(pipeline, text, trigger):
    m = _one(_code(pipeline, text), trigger)
    assert m.mutual, (m.cameo.code, m.source, m.target)
    pairs = _pairs(m)
    assert len(pairs) == 2 and pairs[0] == tuple(reversed(pairs[1])) and None not in pairs[0]


@pytest.mark.parametrize("text,trigger", [
    ("Germany praised France for its stance on the refugee quota.", "praised"),
    ("The Kenyan president visited Uganda on Tuesday.", "visited"),
    ("Syrian warplanes bombed rebel positions in Idlib province.", "bombed"),
])
def test_one_sided_acts_are_not_mutual(pipeline, text, trigger):
    m = _one(_code(pipeline, text), trigger)
    assert not m.mutual and len(m.dyads()) == 1


def _actor(code: str) -> Actor:
    return Actor(text=code, name=code, code=code, country=code[:3], sectors=(code[3:],) if code[3:] else (),
                 start=0, end=1, resolver="test")


def _mention(src: str, tgt: str | None, code: str, *, mutual: bool = False, co_sources=(), co_targets=()) -> Mention:
    from tacitus.records import Attribution, Cameo, EventDate, Provenance, Span
    return Mention(
        mention_id="m", article_id="a", group_id="g", sentence_index=0, evidence=Span(0, 1, "x"),
        trigger=Span(0, 1, "x"), source=_actor(src), target=_actor(tgt) if tgt else None,
        cameo=Cameo(code, code[:2], "", 0.0, 1), plover=None, modality="actual",
        attribution=Attribution(None, "outlet"), date=EventDate(None, None, "day", "publication", None),
        place=None, confidence=0.5, provenance=Provenance("r", None, "t", "c", "k"), mutual=mutual,
        co_sources=tuple(_actor(c) for c in co_sources), co_targets=tuple(_actor(c) for c in co_targets))


def test_dyads_cross_compound_actors_and_reverse_joint_acts():
    m = _mention("RUSGOV", "TURGOV", "057", mutual=True, co_sources=("UKRGOV",), co_targets=("IGOUNO",))
    pairs = [(s.code, t.code) for s, t in m.dyads()]
    assert pairs[0] == ("RUSGOV", "TURGOV")  # the mention's own pair first
    assert len(pairs) == len(set(pairs)) == 8  # 2 sources x 2 targets, both directions
    assert ("IGOUNO", "UKRGOV") in pairs
    one_way = _mention("RUSGOV", "TURGOV", "057", co_sources=("UKRGOV",))
    assert [(s.code, t.code) for s, t in one_way.dyads()] == [("RUSGOV", "TURGOV"), ("UKRGOV", "TURGOV")]
    assert [(s.code, t) for s, t in _mention("RUSGOV", None, "010").dyads()] == [("RUSGOV", None)]


def test_scoring_counts_dyads_and_the_petrarch_view_one_direction():
    gold = GoldSentence("s", "x", None, [GoldEvent("CHL", "PER", "057"), GoldEvent("PER", "CHL", "057")])
    joint = _mention("CHLGOV", "PERGOV", "057", mutual=True)
    root, _, _, _ = score_sentence(gold, [joint])
    assert (root.tp, root.fp, root.fn) == (2, 0, 0)
    root, _, _, _ = score_sentence(gold, [joint], view="petrarch")
    assert (root.tp, root.fp, root.fn) == (1, 0, 1)
    assert len(scored_tuples([joint], "petrarch")) == 1


# -- background events -------------------------------------------------------------------------
def test_background_events_are_historical(pipeline):
    ms = _code(pipeline, "Lithuania expelled a Belarusian diplomat following the seizure of a ferry by Belarus.")
    assert _one(ms, "expelled").modality == "actual"
    seizure = _one(ms, "seizure")
    assert seizure.modality == "historical" and seizure.source.country == "BLR"
    ms = _code(pipeline, "Farmers blocked roads in Warsaw on Monday after the government cut grain subsidies.")
    assert _one(ms, "cut").modality == "historical"
    assert _one(ms, "blocked").modality == "actual"


def test_background_without_a_doer_is_not_coded(pipeline):
    ms = _code(pipeline, "Markets in Nairobi reopened on Monday after the attack.")
    assert not [m for m in ms if m.trigger.text == "attack"]


def test_a_background_event_dated_this_week_is_news(pipeline):
    ms = _code(pipeline, "Vietnam summoned China's envoy on Wednesday after Chinese ships attacked a Vietnamese "
                         "fishing boat on Monday.", published=date(2016, 6, 9))
    assert _one(ms, "attacked").modality == "actual"
    ms = _code(pipeline, "Vietnam summoned China's envoy on Wednesday after Chinese ships attacked a Vietnamese "
                         "fishing boat in 2014.", published=date(2016, 6, 9))
    assert _one(ms, "attacked").modality == "historical"


# -- implicit targets --------------------------------------------------------------------------
def test_a_strike_on_a_place_hits_its_civilians(pipeline):
    m = _one(_code(pipeline, "Saudi-led jets bombed Sanaa overnight, residents said."), "bombed")
    assert m.target is not None and m.target.code == "YEMCVL" and m.target.resolver == "context:place-target"
    m = _one(_code(pipeline, "Ukrainian troops fought in Luhansk on Sunday."), "fought")
    assert m.target is None or m.target.resolver != "context:place-target"  # where, not whom


def test_a_protest_with_no_named_target_is_aimed_at_the_government(pipeline):
    m = _one(_code(pipeline, "Thousands of nurses protested in Bucharest on Thursday."), "protested")
    assert m.target is not None and m.target.code == "ROUGOV"
    m = _one(_code(pipeline, "Hundreds of students rallied outside the Iranian embassy in Berlin."), "rallied")
    assert m.target is None or m.target.code != "DEUGOV"  # a protest abroad is about someone else


def test_state_coercion_with_no_named_target_falls_on_the_population(pipeline):
    m = _one(_code(pipeline, "Bangladesh imposed a nationwide curfew on Saturday."), "imposed")
    assert m.target is not None and m.target.code == "BGDCVL"


def test_a_report_of_an_attack_on_ones_side_targets_the_attacker(pipeline):
    ms = _code(pipeline, "Armenia's defence ministry said Azerbaijani forces had shelled Armenian villages.")
    said = _one(ms, "said")
    assert said.target is not None and said.target.country == "AZE"


# -- training data audits ----------------------------------------------------------------------
def test_audit_additions_merge_into_their_sentences(tmp_path):
    part = tmp_path / "part_x"
    part.mkdir()
    (part / "sentences.jsonl").write_text(json.dumps({
        "id": "x-1", "text": "Ghana and Togo agreed to hold talks on the border.", "published": "2020-01-02",
        "events": [{"trigger": "agreed", "source": "GHAGOV", "target": "TGOGOV", "code": "036"}]}) + "\n")
    (tmp_path / "audit").mkdir()
    (tmp_path / "audit" / "a.jsonl").write_text(json.dumps({"id": "x-1", "add": [
        {"trigger": "talks", "source": "GHAGOV", "target": "TGOGOV", "code": "046", "modality": "planned"}]}) + "\n"
        + json.dumps({"id": "x-1", "add": []}) + "\n")
    recs = load_labelled([tmp_path])
    assert [e["code"] for e in recs[0]["events"]] == ["036", "046"]
    assert load_additions(tmp_path) == {"x-1": [recs[0]["events"][1]]}
    (tmp_path / "audit" / "b.jsonl").write_text(json.dumps({"id": "nope", "add": []}) + "\n")
    with pytest.raises(ValueError, match="unknown sentence ids"):
        load_labelled([tmp_path])


def test_anchor_prefers_a_whole_word(pipeline):
    doc = pipeline.nlp("Minsk refused to use force.")
    assert anchor(doc, "use").text == "use"


def test_bundled_audits_name_real_sentences_and_triggers():
    root = Path(__file__).resolve().parents[1] / "training"
    recs = {r["id"]: r for r in load_labelled([root])}
    adds = load_additions(root)
    assert adds, "training/audit holds the label audits"
    for sid, events in adds.items():
        for e in events:
            assert e["trigger"] in recs[sid]["text"], (sid, e["trigger"])


# -- fixes ---------------------------------------------------------------------------------------
def test_a_name_the_tagger_misses_resolves_through_its_compound_chain(pipeline):
    said = _one(_code(pipeline, "Human Rights Watch said Ethiopian militias had burned villages in Tigray."), "said")
    assert said.source is not None and said.source.code == "NGOHRIHRW"


def test_a_named_speakers_report_of_another_frame_is_coded_and_a_vague_tag_is_not(pipeline):
    ms = _code(pipeline, "Chile's foreign minister said Santiago had demanded that Lima return the vessel.")
    assert _one(ms, "said").cameo.root == "01" and _one(ms, "demanded").cameo.root == "10"
    ms = _code(pipeline, "Peru will expel two Chilean diplomats, officials said.")
    assert not [m for m in ms if m.trigger.text == "said"]


def test_a_possessed_demand_noun_is_an_event_of_its_owner(pipeline):
    m = _one(_code(pipeline, "The opposition's demand for early elections was rejected by the president."), "demand")
    assert m.cameo.root == "10" and m.source is not None and "OPP" in m.source.code


def test_the_caller_is_not_the_doer_of_what_it_calls_for(pipeline):
    ms = _code(pipeline, "Turkey called for an immediate halt of the bombing and a withdrawal of troops from Idlib.")
    called = _one(ms, "called")
    assert called.cameo.root == "02"
    assert not [m for m in ms if m.trigger.text == "halt"]  # a cessation word is the rules' to read
    for m in ms:
        if m is not called and m.modality == "demanded" and m.source is not None:
            assert m.source.country != "TUR", (m.trigger.text, m.source.code)


def test_a_warning_of_ones_own_hostile_act_is_a_threat(pipeline):
    m = _one(_code(pipeline, "Pakistan warned that it would respond to any Indian strike with full force."), "warned")
    assert m.cameo.root == "13"
    m = _one(_code(pipeline, "Iran said it would close the Strait of Hormuz if it were attacked."), "said")
    assert m.cameo.root == "13"
    m = _one(_code(pipeline, "Iran said it would hold naval drills in the Gulf next week."), "said")
    assert m.cameo.root != "13"  # an announcement, not a threat


def test_a_states_announced_move_of_unnamed_forces_is_its_own(pipeline):
    ms = _code(pipeline, "Serbia's defence minister announced that troops would withdraw from the boundary line.")
    w = _one(ms, "withdraw")
    assert w.source is not None and w.source.country == "SRB" and w.modality == "planned"


def test_a_threat_is_aimed_where_its_act_is(pipeline):
    ms = _code(pipeline, "Thousands of Kenyan nurses threatened to stage a national strike.")
    threat = _one(ms, "threatened")
    assert threat.cameo.root == "13" and threat.target is not None and threat.target.code == "KENGOV"


def test_an_inferred_target_does_not_hide_the_events_place(pipeline):
    m = _one(_code(pipeline, "Bangladesh imposed a curfew in Dhaka on Saturday."), "imposed")
    assert m.target is not None and m.target.code == "BGDCVL"
    assert m.place is not None and m.place.name == "Dhaka"
