"""Actors whose country comes from their sentence: a bare state noun in a sentence that names one
country, a title's own modifiers, and names of seas and gulfs that are places, not countries; and a
joint act of three or more parties coded for every pair (a guard on existing behaviour). Sentences
written here."""

from __future__ import annotations

from datetime import date

import pytest

from tacitus.records import Article, Mention

PUB = date(2016, 6, 8)


def _code(pipeline, text: str) -> list[Mention]:
    return pipeline(Article(text=text, published=PUB, article_id="t"))


def _one(mentions: list[Mention], trigger: str) -> Mention:
    found = [m for m in mentions if m.trigger.text == trigger]
    assert found, [(m.trigger.text, m.cameo.code) for m in mentions]
    return found[0]


@pytest.mark.parametrize("text,trigger,source,target", [
    ("The Chadian opposition accused the government of rigging the vote count.", "accused", "TCDOPP", "TCDGOV"),
    # the troops' country is what this checks; whether the parliament they surround is the target is the
    # pair decoder's call (a show of force at it, or only a place): any target must be Kyrgyz
    ("Tanks and troops were deployed around the parliament building in Bishkek on Friday.", "deployed", "KGZMIL",
     "KGZ*"),
])
def test_a_bare_state_noun_takes_the_one_country_its_sentence_names(pipeline, text, trigger, source, target) -> None:
    m = _one(_code(pipeline, text), trigger)
    assert m.source is not None and m.source.code == source
    if target.endswith("*"):
        assert m.target is None or m.target.code.startswith(target[:-1])
    else:
        assert m.target is not None and m.target.code == target


def test_two_countries_in_the_sentence_leave_the_government_unresolved(pipeline) -> None:
    ms = _code(pipeline, "Chadian rebels and Sudanese militias clashed near the border as the government "
                         "appealed for calm.")
    govs = [a for m in ms for a in (m.source, m.target) if a is not None and a.code.endswith("GOV")]
    assert govs and all(a.country is None for a in govs)


def test_a_title_carries_the_country_of_its_possessor(pipeline) -> None:
    m = _one(_code(pipeline, "Burkina Faso's President Blaise Compaore resigned on Friday."), "resigned")
    assert m.source is not None and m.source.country == "BFA"


@pytest.mark.parametrize("text", [
    "Iranian warships held drills in the Sea of Oman on Tuesday.",
    "Egyptian and Saudi navies held exercises in the Gulf of Aden.",
])
def test_a_sea_named_after_a_country_is_a_place_not_an_actor(pipeline, text) -> None:
    for m in _code(pipeline, text):
        for a in (m.source, m.target):
            assert a is None or a.country not in {"OMN", "YEM"}, (m.cameo.code, a)


def test_a_joint_act_of_three_parties_codes_every_pair(pipeline) -> None:
    m = _one(_code(pipeline, "Chile, Peru and Bolivia signed a water-sharing accord on Tuesday."), "signed")
    pairs = {(s.country, t.country) for s, t in m.dyads() if s is not None and t is not None}
    parties = {"CHL", "PER", "BOL"}
    assert m.mutual and pairs == {(a, b) for a in parties for b in parties if a != b}


def test_force_as_violence_is_no_actor(pipeline) -> None:
    ms = _code(pipeline, "Moscow called for an end to the use of force by Kiev in the east.")
    assert all(a is None or a.text != "force" for m in ms for a in (m.source, m.target, *m.co_sources))
    m = _one(_code(pipeline, "A Kenyan peacekeeping force attacked militants near Kismayo."), "attacked")
    assert m.source is not None and m.source.code == "KENMIL"

