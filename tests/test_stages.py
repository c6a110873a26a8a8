"""Each stage on sentences written for these tests: actors, triggers and arguments (active,
passive, nominal, reported), modality, attribution, dates, places and blocks."""

from __future__ import annotations

import pytest

from tacitus.stages.parse import split_blocks


def by_code(mentions, prefix):
    return [m for m in mentions if m.cameo.code.startswith(prefix)]


def one(mentions, prefix):
    found = by_code(mentions, prefix)
    assert found, f"no {prefix} mention in {[(m.cameo.code, m.trigger.text) for m in mentions]}"
    return found[0]


def src(m):
    return m.source.code if m.source else None


def tgt(m):
    return m.target.code if m.target else None


# -- blocks ---------------------------------------------------------------------------------------
def test_blocks_headline_caption_licence_duplicate():
    text = ("Rebels Seize Town Hall\n\n(Photo: a street in the town / Wire Images)\n\nRebels Seize Town Hall\n\n"
            "Officials fear more unrest\n\nArmed men took over the town hall on Friday.\n\n"
            "This story may be republished under a free licence.")
    kinds = [b.kind for b in split_blocks(text)]
    assert kinds == ["headline", "caption", "duplicate", "subhead", "body", "licence"]


def test_caption_and_licence_yield_no_events(code):
    text = ("Talks Resume In Geneva\n\n(Photo: Soldiers attacked a convoy near Aleppo, file picture)\n\n"
            "Diplomats from Iran met officials from France in Geneva on Tuesday.\n\n"
            "Copyright Example Wire. All rights reserved; troops attacked nothing here.")
    ms = code(text)
    assert all(m.section not in {"caption", "licence"} for m in ms)
    assert not by_code(ms, "19") and not by_code(ms, "18")


# -- actors ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("sentence,source,target", [
    ("Ukrainian troops shelled rebel positions near Sloviansk on Sunday.", "UKRMIL", None),
    ("The Kremlin condemned the new sanctions imposed by Washington.", "RUSGOV", None),
    ("Pro-Russian separatists attacked a police station in Mariupol.", "UKRREB", "UKRCOP"),
    ("NATO criticised Russia over its military exercises.", "IGOWSTNAT", "RUS"),
])
def test_actor_codes(code, sentence, source, target):
    ms = code(sentence)
    assert ms
    m = ms[0]
    assert src(m) == source
    if target:
        assert tgt(m) == target


def test_person_resolves_to_role_held_on_event_date(code):
    m = one(code("Putin criticised the European Union on Monday.", "2010-03-01"), "11")
    assert src(m) == "RUSGOV"  # prime minister in 2010: still government
    m2 = one(code("Yanukovych criticised the opposition on Monday.", "2015-03-02"), "11")
    assert src(m2) == "UKRELI"  # no longer in office in 2015


def test_role_is_the_one_held_on_the_event_date_not_the_publication_date(code):
    ms = code("Yanukovych criticised the European Union on November 21, 2013, a former aide recalled.",
              "2015-03-02")
    m = one(ms, "11")
    assert m.date.start.isoformat() == "2013-11-21" and src(m) == "UKRGOV"


def test_unknown_person_does_not_borrow_a_leaders_surname(code):
    ms = code("Military analyst Pavel Lavrov criticised the government of Kiev on Monday.")
    m = one(ms, "11")
    assert src(m) != "RUSGOV"


# -- actions: voice and form ----------------------------------------------------------------------
def test_passive_with_agent(code):
    m = one(code("A Ukrainian border post was attacked by armed separatists on Tuesday."), "1")
    assert m.cameo.root in {"18", "19"}
    assert src(m) and src(m).endswith("REB")


def test_nominal_event_with_possessive(code):
    m = one(code("Russia's withdrawal of troops from the Ukrainian border began on Friday."), "087")
    assert src(m)[:3] == "RUS" and tgt(m) == "UKR"


def test_light_verb_nominal(code):
    ms = code("The government of Ukraine launched military operations against rebels in the Donetsk region.")
    m = one(ms, "19")
    assert src(m) == "UKRGOV" and tgt(m) == "UKRREB"
    assert m.place is not None and m.place.admin1 == "UA-14" and m.place.precision == "admin1"


# -- reported speech, frames, modality, attribution ----------------------------------------------
def test_reported_speech_two_linked_mentions(code):
    ms = code("NATO said on Monday that it had seen no sign of Russian troop withdrawals.")
    speech = one(ms, "01")
    assert src(speech) == "IGOWSTNAT"
    emb = one(ms, "087")
    assert emb.modality == "negated"
    assert emb.attribution.by is not None and emb.attribution.by.code == "IGOWSTNAT"
    assert emb.attribution.relation == "third_party"
    assert emb.group_id == speech.group_id
    assert speech.mention_id in emb.related


def test_announced_withdrawal_is_intent_and_planned_self(code):
    ms = code("The Russian government announced on Monday that its troops will withdraw from the Ukrainian border.")
    intent = one(ms, "035")
    assert src(intent) == "RUSGOV" and intent.cameo.code == "0356"
    act = one(ms, "087")
    assert act.modality == "planned" and act.attribution.relation == "self"
    assert act.group_id == intent.group_id


def test_call_for_is_appeal_and_demanded(code):
    ms = code("The European Union called for an immediate ceasefire in eastern Ukraine.")
    m = one(ms, "02")
    assert src(m)[:3] == "IGO"
    assert m.cameo.code.startswith("025")


def test_appeal_about_another_country_addresses_its_government(code):
    m = one(code("China called for restraint and an end to the shelling in northern Syria."), "02")
    assert src(m)[:3] == "CHN" and tgt(m) == "SYRGOV"
    m2 = one(code("The Russian government urged a halt to the fighting near Donetsk."), "02")
    assert tgt(m2) == "UKRGOV"


def test_conditional_is_hypothetical(code):
    ms = code("If the talks fail, Russian forces would attack the port, an analyst said.")
    m = one(ms, "19")
    assert m.modality == "hypothetical"


def test_negated_event(code):
    ms = code("The rebels did not release the observers on Saturday.")
    m = one(ms, "084")
    assert m.modality == "negated"


def test_accusation_attributes_to_opponent(code):
    ms = code("Ukraine accused Russia of shelling its border posts.")
    acc = one(ms, "112")
    assert src(acc)[:3] == "UKR" and tgt(acc)[:3] == "RUS"


def test_mention_ids_are_deterministic(code):
    s = "Rebels attacked an army checkpoint near Luhansk on Friday."
    assert [m.mention_id for m in code(s)] == [m.mention_id for m in code(s)]


# -- dates and places -----------------------------------------------------------------------------
def test_explicit_and_publication_dates(code):
    m = one(code("Rebels attacked an army checkpoint near Luhansk on May 11."), "1")
    assert m.date.start.isoformat() == "2014-05-11" and m.date.method == "explicit"
    m2 = one(code("Rebels attacked an army checkpoint near Luhansk."), "1")
    assert m2.date.method == "publication" and m2.date.start.isoformat() == "2014-05-19"


def test_future_weekday(code):
    ms = code("Russian and Ukrainian diplomats will meet in Geneva on Thursday.")
    m = one(ms, "04")
    assert m.date.start.isoformat() == "2014-05-22"
    assert m.modality == "planned"
    assert m.place is not None and m.place.country == "CHE"


def test_reported_event_is_not_placed_where_it_was_reported(code):
    ms = code("At a news conference in Brussels, NATO said Russian jets had bombed a bridge.")
    speech = one(ms, "01")
    assert speech.place is not None and speech.place.name.startswith("Brussels")
    emb = [m for m in ms if m.cameo.root in {"18", "19"}]
    assert emb and all(m.place is None or m.place.country != "BEL" for m in emb)


def test_dateline_is_not_the_speaker(code):
    ms = code("NAIROBI, June 3 (Coastline Wire) - Kenya's foreign minister said on Tuesday that Kenyan "
              "troops had left the border town.")
    speech = one(ms, "01")
    assert src(speech) and src(speech).startswith("KEN")
    moved = [m for m in ms if m.cameo.root != "01"]
    assert moved and all(m.attribution.relation == "self" for m in moved)


def test_coordinated_subjects_of_a_cooperation_are_the_two_parties(code):
    m = one(code("Ghana and Togo agreed on Monday to reopen their shared border crossings."), "0")
    assert src(m)[:3] == "GHA" and tgt(m) and tgt(m)[:3] == "TGO"
    m = one(code("Chile and Peru pledged to share data on fishing fleets off their coasts."), "03")
    assert src(m)[:3] == "CHL" and tgt(m) and tgt(m)[:3] == "PER"
