"""Mention records round-trip through JSON; ids are deterministic; publication dates parse."""

from __future__ import annotations

import json
from datetime import date, datetime, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tacitus.records import (
    Actor,
    Article,
    Attribution,
    Cameo,
    EventDate,
    Mention,
    Place,
    Plover,
    Provenance,
    Span,
    parse_published,
)

text = st.text(min_size=0, max_size=30)
codes = st.from_regex(r"[A-Z-]{3}[A-Z]{0,6}", fullmatch=True)
actors = st.builds(Actor, text=text, name=text, code=codes, country=st.none() | st.just("RUS"),
                   sectors=st.tuples(st.sampled_from(["GOV", "MIL", "REB"])), start=st.integers(0, 10**6),
                   end=st.integers(0, 10**6), resolver=st.sampled_from(["kb:country", "sector"]))
dates = st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 1, 1))
mentions = st.builds(
    Mention,
    mention_id=text, article_id=text, group_id=text, sentence_index=st.integers(0, 500),
    evidence=st.builds(Span, st.integers(0, 10**6), st.integers(0, 10**6), text),
    trigger=st.builds(Span, st.integers(0, 10**6), st.integers(0, 10**6), text),
    source=st.none() | actors, target=st.none() | actors,
    cameo=st.builds(Cameo, code=st.just("0356"), root=st.just("03"), label=text,
                    goldstein=st.floats(-10, 10, allow_nan=False), quad_class=st.integers(1, 4)),
    plover=st.none() | st.builds(Plover, type=st.just("AGREE"), mode=st.none() | text),
    modality=st.sampled_from(["actual", "planned", "negated"]),
    attribution=st.builds(Attribution, by=st.none() | actors, relation=st.sampled_from(["self", "outlet"]),
                          cue=st.none() | text),
    date=st.builds(EventDate, start=st.none() | dates, end=st.none() | dates,
                   granularity=st.sampled_from(["day", "month", None]), method=st.just("explicit"),
                   text=st.none() | text),
    place=st.none() | st.builds(Place, name=text, country=st.none() | st.just("UKR"), admin1=st.none(),
                                precision=st.just("city"), lat=st.floats(-90, 90), lon=st.floats(-180, 180),
                                geonameid=st.none() | st.integers(1, 10**7)),
    confidence=st.floats(0, 1),
    provenance=st.builds(Provenance, rule=st.none() | text, model=st.none(), version=st.just("0.1.0"),
                         codebook=st.just("CAMEO-1.1b3"), kb_as_of=st.just("2026-11-25")),
)


@given(mentions)
def test_mention_json_round_trip(m: Mention) -> None:
    again = Mention.from_dict(json.loads(m.to_json()))
    assert again == m


def test_article_id_is_outlet_and_url_or_text_hash() -> None:
    a = Article(text="Some text.", source="Wire", url="https://x.example/1")
    b = Article(text="Other text.", source="Wire", url="https://x.example/1")
    c = Article(text="Other text.", source="Other", url="https://x.example/1")
    assert a.article_id == b.article_id != c.article_id
    d = Article(text="Same  words here.", source="Wire")
    e = Article(text="same words here.", source="Wire")
    assert d.article_id == e.article_id


def test_published_without_zone_is_utc() -> None:
    assert parse_published("2014-05-19") == datetime(2014, 5, 19, tzinfo=timezone.utc)
    assert parse_published("2014-05-19T23:30:00-02:00") == datetime(2014, 5, 20, 1, 30, tzinfo=timezone.utc)
    with pytest.raises(ValueError, match="published"):
        parse_published("next Tuesday")


def test_article_from_dict_needs_text() -> None:
    with pytest.raises(ValueError, match="text"):
        Article.from_dict({"title": "no body"})
    a = Article.from_dict({"text": "Body.", "id": "x1", "published": "2015-02-12"})
    assert a.article_id == "x1" and a.published_date == date(2015, 2, 12)
