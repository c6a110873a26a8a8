"""Dyad series and escalation alerts on synthetic data: an injected spike alerts, flat and noisy
series do not; series sum what they should."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest

from tacitus.store import open_store
from tacitus.store.analysis import alerts, pentaclass, period_start, series, spikes


def test_injected_spike_alerts():
    counts = [2, 3, 2, 1, 2, 3, 2, 2, 2, 14, 3]
    found = spikes(counts, window=8)
    assert [i for i, _, _ in found] == [9]


def test_flat_series_never_alerts():
    assert spikes([4] * 30, window=8) == []
    assert spikes([0] * 30 + [2], window=8) == []  # below the minimum count


@pytest.mark.parametrize("seed", range(5))
def test_noisy_series_rarely_alerts(seed):
    rng = random.Random(seed)
    counts = [max(0, round(rng.gauss(6, 2))) for _ in range(104)]
    assert len(spikes(counts, window=8)) <= 1


def test_period_start_and_pentaclass():
    assert period_start(date(2014, 5, 21), "week") == date(2014, 5, 19)
    assert period_start(date(2014, 5, 21), "month") == date(2014, 5, 1)
    assert [pentaclass(r) for r in ("01", "02", "03", "05", "09", "14", "20")] == [0, 0, 1, 2, 3, 4, 4]


def _store(tmp_path, rows):
    st = open_store(tmp_path / "a.duckdb")
    for n, (d, root, quad, gold, modality, src, tgt) in enumerate(rows):
        st.con.execute("INSERT INTO mentions (mention_id, article_id, cameo_code, cameo_root, quad_class, goldstein, "
                       "modality, source_country, target_country, date_start, date_end) VALUES "
                       "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                       [f"m{n:04d}", f"a{n}", root + "0", root, quad, gold, modality, src, tgt, d, d])
        st.con.execute("INSERT INTO articles (article_id, content_hash, text, published) VALUES (?, 'h', 't', ?)",
                       [f"a{n}", d])
    return st


def test_series_counts_and_defaults(tmp_path):
    d0 = date(2014, 5, 5)  # a Monday
    rows = [(d0, "19", 4, -10.0, "actual", "RUS", "UKR"),
            (d0 + timedelta(days=1), "19", 4, -10.0, "actual", "RUS", "UKR"),
            (d0 + timedelta(days=2), "03", 1, 4.0, "actual", "RUS", "UKR"),
            (d0 + timedelta(days=2), "19", 4, -10.0, "hypothetical", "RUS", "UKR"),
            (d0 + timedelta(days=3), "19", 4, -10.0, "historical", "RUS", "UKR"),
            (d0 + timedelta(days=15), "11", 3, -2.0, "actual", "RUS", "UKR"),
            (d0, "19", 4, -10.0, "actual", "UKR", "RUS")]
    with _store(tmp_path, rows) as st:
        out = series(st.con, "RUS-UKR", "week")
    assert [r["period"] for r in out] == [d0, d0 + timedelta(days=7), d0 + timedelta(days=14)]
    first = out[0]
    assert (first["count"], first["q4"], first["q1"], first["p4"], first["p1"]) == (3, 2, 1, 2, 1)
    assert first["goldstein_sum"] == -16.0 and first["goldstein_mean"] == round(-16 / 3, 3)
    assert out[1]["count"] == 0 and out[2]["q3"] == 1
    assert first["articles"] == 6 and first["per_100_articles"] == 50.0


def test_alerts_find_a_spike_and_a_first(tmp_path):
    d0 = date(2014, 1, 6)
    rows = []
    for w in range(12):
        for k in range(2 if w != 10 else 12):
            rows.append((d0 + timedelta(days=7 * w + k % 5), "17", 4, -5.0, "actual", "RUS", "UKR"))
    rows.append((d0 + timedelta(days=7 * 11), "20", 4, -10.0, "actual", "RUS", "UKR"))
    with _store(tmp_path, rows) as st:
        found = alerts(st.con, "week")
    kinds = {(a.kind, a.period) for a in found}
    assert ("spike", d0 + timedelta(days=70)) in kinds
    assert ("first", d0 + timedelta(days=77)) in kinds
    assert len([a for a in found if a.kind == "spike"]) == 1


def test_bad_dyad_is_refused(tmp_path):
    with _store(tmp_path, []) as st, pytest.raises(ValueError):
        series(st.con, "RUSSIA", "week")
