"""Linking mentions across articles into events, independence of sources, and corroboration statuses,
on hand-built mention rows (no parsing)."""

from __future__ import annotations

from datetime import date, datetime, timezone

from tacitus.store.link import LinkSettings, corroboration, link, source_groups

D0 = date(2014, 5, 19)


def row(n, day, modality="actual", relation="outlet", by=None, source=("RUSMIL", "RUS"), target=("UKR", "UKR"),
        code="0874", outlet="Wire A", published=None, place=None, admin1=None, city=None, end=None):
    pub = published or day
    return {"place_admin1": admin1, "place_name": city, "place_precision": "city" if city else None,
        "mention_id": f"m{n}", "article_id": f"a{n}", "cameo_root": code[:2], "cameo_code": code,
        "source_code": source[0], "source_country": source[1], "target_code": target[0] if target else None,
        "target_country": target[1] if target else None, "date_start": day, "date_end": end or day,
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


def sizes(rows):
    return sorted(len(e.mentions) for e in link(rows))


def test_the_same_act_on_adjacent_days_is_two_events_but_overlapping_dates_are_one():
    kw = {"code": "194", "place": "UKR", "admin1": "UA-14", "city": "Kramatorsk"}
    assert sizes([row(1, D0, **kw), row(2, d(1), **kw), row(3, d(1), **kw)]) == [1, 2]
    # "overnight into Tuesday" overlaps both Monday's and Tuesday's reports of one attack
    assert sizes([row(1, D0, end=d(1), **kw), row(2, D0, **kw), row(3, d(1), **kw)]) == [3]


def test_places_are_compared_at_city_admin1_and_country_level():
    a = {"code": "194", "place": "UKR", "admin1": "UA-14"}
    rows = [row(1, D0, city="Kramatorsk", **a), row(2, D0, city="Kostiantynivka", **a),
            row(3, D0, place="UKR", admin1="UA-23", city="Zaporizhzhia", code="194")]
    assert sizes(rows) == [1, 1, 1]
    # a mention placed only in the region joins the one event there
    assert sizes([row(1, D0, city="Kramatorsk", **a), row(2, D0, **a)]) == [2]


def test_a_country_and_its_sectors_are_one_side_but_state_and_rebels_are_two():
    assert sizes([row(1, D0, source=("RUSMIL", "RUS")), row(2, D0, source=("RUS", "RUS")),
                  row(3, D0, source=("RUSGOV", "RUS"))]) == [3]
    fight = {"code": "194", "target": ("SDN", "SDN"), "place": "SDN"}
    assert sizes([row(1, D0, source=("SDNREB", "SDN"), **fight),
                  row(2, D0, source=("SDNMIL", "SDN"), **fight)]) == [1, 1]


def test_related_roots_and_weapon_variants_link_but_distinct_acts_do_not():
    assert sizes([row(1, D0, code="190"), row(2, D0, code="195"), row(3, D0, code="183")]) == [3]
    assert sizes([row(1, D0, code="0871"), row(2, D0, code="0841")]) == [1, 1]


def test_a_vague_interval_joins_without_widening_the_event():
    kw = {"code": "150", "place": "TWN"}
    rows = [row(1, D0, **kw), row(2, d(-3), end=d(10), **kw), row(3, d(2), **kw)]
    assert sizes(rows) == [1, 2]


def test_an_actorless_mention_joins_the_single_event_at_its_city_or_none():
    kw = {"code": "194", "place": "UKR", "admin1": "UA-14"}
    rows = [row(1, D0, city="Kramatorsk", **kw), row(2, D0, source=(None, None), city="Kramatorsk", **kw)]
    assert sizes(rows) == [2]
    rows.append(row(3, D0, source=("RUSMIL", "RUS"), city="Kramatorsk", **kw))
    rows[2]["source_code"], rows[2]["source_country"] = "BLRMIL", "BLR"  # two sides at that city: ambiguous
    assert sizes(rows) == [1, 1]


def test_a_copy_counts_as_the_original_outlet_not_the_one_that_runs_it():
    wire = "Troops left three villages near the border on Monday, officials in the province said today."
    arts = [{"article_id": "w", "outlet": "Wire A", "text": wire, "day": D0, "wire": True},
            {"article_id": "c", "outlet": "Paper B", "text": wire + " More follows.", "day": D0},
            {"article_id": "o", "outlet": "Paper B", "text": "Our reporter saw the villages empty.", "day": D0}]
    g = source_groups(arts, 0.6)
    assert g["w"] == g["c"] == "Wire A" and g["o"] == "Paper B"


def test_an_undated_mention_joins_the_act_it_can_be_but_shapes_none():
    kw = {"code": "150", "place": "TWN"}
    rows = [row(1, D0, end=d(1), **kw), row(2, d(2), **kw), row(3, d(9), **kw)]
    rows[1]["date_method"] = "publication"  # no date in its sentence: on or shortly before d(2)
    assert sizes(rows) == [1, 2]
