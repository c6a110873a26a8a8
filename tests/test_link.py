"""Linking mentions across articles into events, independence of sources, and corroboration statuses,
on hand-built mention rows (no parsing)."""

from __future__ import annotations

from datetime import date, datetime, timezone

from tacitus.store.link import LinkSettings, corroboration, link, source_groups

D0 = date(2014, 5, 19)


def row(n, day, modality="actual", relation="outlet", by=None, source=("RUSMIL", "RUS"), target=("UKR", "UKR"),
        code="0874", outlet="Wire A", published=None, place=None):
    pub = published or day
    return {
        "mention_id": f"m{n}", "article_id": f"a{n}", "cameo_root": code[:2], "cameo_code": code,
        "source_code": source[0], "source_country": source[1], "target_code": target[0] if target else None,
        "target_country": target[1] if target else None, "date_start": day, "date_end": day,
        "published": datetime(pub.year, pub.month, pub.day, tzinfo=timezone.utc), "modality": modality,
        "attr_relation": relation, "attr_by_country": by, "outlet": outlet, "place_country": place,
    }


def d(k):
    return date.fromordinal(D0.toordinal() + k)


def status_of(rows, state=None):
    events = link(rows)
    assert len(events) == 1, [len(e.mentions) for e in events]
    return corroboration(events[0], state or {})


def test_announcement_alone_is_self_reported():
    assert status_of([row(1, D0, "planned", "self", "RUS")]) == "self_reported"


def test_no_sign_on_the_day_of_the_order_is_not_yet_observed():
    rows = [row(1, D0, "planned", "self", "RUS"), row(2, D0, "negated", "third_party", "BEL", outlet="Wire B")]
    assert status_of(rows) == "not_yet_observed"


def test_no_sign_after_it_was_due_is_contradicted():
    rows = [row(1, D0, "planned", "self", "RUS"), row(2, d(3), "negated", "third_party", "BEL", outlet="Wire B")]
    assert status_of(rows) == "contradicted"


def test_independent_report_of_the_act_after_it_was_due_confirms():
    rows = [row(1, D0, "planned", "self", "RUS"), row(2, d(3), "actual", "outlet", outlet="Wire B")]
    assert status_of(rows) == "confirmed"


def test_an_outlet_restating_the_announcement_confirms_nothing():
    rows = [row(1, D0, "planned", "self", "RUS"), row(2, D0, "planned", "outlet", outlet="Wire B")]
    assert status_of(rows) == "self_reported"


def test_the_actors_state_media_do_not_confirm():
    rows = [row(1, D0, "planned", "self", "RUS"), row(2, d(3), "actual", "outlet", outlet="State TV")]
    assert status_of(rows, {"State TV": "RUS"}) == "self_reported"
    assert status_of(rows, {}) == "confirmed"


def test_repeated_announcements_are_new_events_pointing_back():
    rows = [row(1, D0, "planned", "self", "RUS"), row(2, d(1), "negated", "third_party", "BEL"),
            row(3, d(12), "planned", "self", "RUS"), row(4, d(30), "planned", "self", "RUS")]
    events = sorted(link(rows), key=lambda e: e.mentions[0]["date_start"])
    assert len(events) == 3
    assert events[1].repeats == [events[0].event_id]
    assert events[2].repeats == [events[0].event_id, events[1].event_id]


def test_incompatible_targets_places_and_distant_days_are_not_linked():
    rows = [row(1, D0), row(2, D0, target=("GEO", "GEO")), row(3, d(30)),
            row(4, D0, place="UKR"), row(5, D0, place="GEO")]
    events = link(rows, LinkSettings(window_days=7))
    sizes = sorted(len(e.mentions) for e in events)
    assert sizes == [1, 1, 1, 2]


def test_statements_and_actorless_mentions_are_not_linked():
    rows = [row(1, D0, code="010"), row(2, D0, source=(None, None))]
    assert link(rows) == []


def test_wire_copies_are_one_source():
    text = "Russian troops began leaving positions near the border on Monday, officials in the region said."
    arts = [{"article_id": "a", "outlet": "Wire A", "text": text, "day": D0},
            {"article_id": "b", "outlet": "Paper B", "text": text + " More follows.", "day": D0},
            {"article_id": "c", "outlet": "Paper C", "text": "Entirely different words about another thing here.",
             "day": D0}]
    g = source_groups(arts, 0.6)
    assert g["a"] == g["b"] != g["c"]
