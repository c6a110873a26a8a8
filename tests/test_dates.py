"""Date expressions resolve against the publication date (never the clock), tense decides weekdays."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tacitus.stages.dates import resolve_expression

MONDAY = date(2014, 5, 19)


@pytest.mark.parametrize("text,future,start,end,gran,method", [
    ("Monday", False, date(2014, 5, 19), date(2014, 5, 19), "day", "relative"),
    ("Tuesday", True, date(2014, 5, 20), date(2014, 5, 20), "day", "relative"),
    ("Tuesday", False, date(2014, 5, 13), date(2014, 5, 13), "day", "relative"),
    ("last Friday", False, date(2014, 5, 16), date(2014, 5, 16), "day", "relative"),
    ("next Monday", False, date(2014, 5, 26), date(2014, 5, 26), "day", "relative"),
    ("May 11", False, date(2014, 5, 11), date(2014, 5, 11), "day", "explicit"),
    ("11 May 2014", False, date(2014, 5, 11), date(2014, 5, 11), "day", "explicit"),
    ("December 30", False, date(2013, 12, 30), date(2013, 12, 30), "day", "explicit"),
    ("June 2", True, date(2014, 6, 2), date(2014, 6, 2), "day", "explicit"),
    ("yesterday", False, date(2014, 5, 18), date(2014, 5, 18), "day", "relative"),
    ("last week", False, date(2014, 5, 12), date(2014, 5, 18), "week", "relative"),
    ("March 2014", False, date(2014, 3, 1), date(2014, 3, 31), "month", "explicit"),
    ("2004", False, date(2004, 1, 1), date(2004, 12, 31), "year", "explicit"),
    ("three days ago", False, date(2014, 5, 16), date(2014, 5, 16), "day", "relative"),
])
def test_resolve(text, future, start, end, gran, method):
    v = resolve_expression(text, MONDAY, future)
    assert v is not None
    assert (v.start, v.end, v.granularity, v.method) == (start, end, gran, method)


@pytest.mark.parametrize("text", ["24 hours", "three weeks", "a few days"])
def test_durations_are_not_dates(text):
    assert resolve_expression(text, MONDAY, False) is None


@given(st.dates(min_value=date(1950, 1, 1), max_value=date(2090, 1, 1)),
       st.sampled_from(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]),
       st.booleans())
def test_weekday_lies_within_a_week_on_the_tense_side(ref, day, future):
    v = resolve_expression(day, ref, future)
    assert v is not None and v.start == v.end
    delta = (v.start - ref).days
    assert v.start.strftime("%A") == day
    assert (0 < delta <= 6) if future and delta != 0 else (-6 <= delta <= 0)
