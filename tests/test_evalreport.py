"""The evaluation report (tacitus.evalreport) on small hand-built inputs: confusion-matrix counts,
per-root base rates, bootstrap determinism and intervals, the keyword baseline, and the CLI's
``--report`` output. No spaCy model is loaded here: a stub pipeline stands in for Tacitus."""

from __future__ import annotations

import json
from types import SimpleNamespace

import pytest

from tacitus.evalreport import (
    NONE,
    KeywordBaseline,
    bootstrap,
    confusion,
    file_report,
    inflections,
    keyword_table,
    per_root,
    per_root_rows,
    sentence_confusion,
    to_markdown,
)
from tacitus.evaluate import GoldEvent, GoldSentence, Score, SentenceResult, evaluate


def item(gold, pred, sid="s", right=0, total=0) -> SentenceResult:
    """A scored sentence from (source, target, code) tuples, counted as evaluate() counts them."""
    from collections import Counter

    g = Counter((s, t, c[:2]) for s, t, c in gold)
    p = Counter((s, t, c[:2]) for s, t, c in pred)
    tp = sum((g & p).values())
    return SentenceResult(sid, False, [(*e, None) for e in gold], [(*e, None) for e in pred],
                          Score(tp, sum(p.values()) - tp, sum(g.values()) - tp), Score(), right, total)


def mention(source, target, code, modality="actual"):
    return SimpleNamespace(mention_id="m", related=(), modality=modality,
                           source=SimpleNamespace(code=source) if source else None,
                           target=SimpleNamespace(code=target) if target else None,
                           cameo=SimpleNamespace(code=code, root=code[:2]))


class StubPipeline:
    """Pipeline-shaped: answers from a dict text -> mentions."""

    def __init__(self, answers: dict, kb=None) -> None:
        self.answers, self.kb = answers, kb

    def pipe(self, articles):
        for a in articles:
            yield SimpleNamespace(mentions=self.answers.get(a.text, []))


GOLD = [
    GoldSentence("a", "Russian troops attacked Ukrainian positions near the border.", "2024-03-01",
                 [GoldEvent("RUSMIL", "UKRMIL", "190", "actual")]),
    GoldSentence("b", "France condemned the Iranian missile test.", "2024-03-02",
                 [GoldEvent("FRAGOV", "IRNGOV", "111", "actual")]),
    GoldSentence("c", "Markets rose on Tuesday.", "2024-03-03", []),
    GoldSentence("d", "China and Japan held talks and signed a trade deal.", "2024-03-04",
                 [GoldEvent("CHN", "JPN", "040", "actual"), GoldEvent("CHN", "JPN", "057", "actual")]),
]
ANSWERS = {
    GOLD[0].text: [mention("RUSMIL", "UKRMIL", "193")],
    GOLD[1].text: [mention("FRAGOV", "IRNGOV", "112", "hypothetical")],
    GOLD[2].text: [mention("USA", None, "010")],
    GOLD[3].text: [mention("CHN", "JPN", "040"), mention("JPN", "CHN", "036")],
}


# -- confusion matrix ----------------------------------------------------------------------------
def test_sentence_confusion_same_root_first_then_actor_agreement():
    gold = [("USA", "RUS", "111", None), ("CHN", "IRN", "042", None), ("GBR", "FRA", "190", None)]
    pred = [("XXX", "YYY", "010", None), ("CHN", "IRN", "057", None), ("GBR", "DEU", "193", None),
            ("ISR", "LBN", "195", None)]
    cells = sentence_confusion(gold, pred)
    # 190 ~ 193 share root 19 (diagonal); 042 pairs with 057 (both actors agree) before 010 (none agree);
    # 111 takes the remaining 010; the second root-19 prediction is a false alarm.
    assert cells == {("19", "19"): 1, ("04", "05"): 1, ("11", "01"): 1, (NONE, "19"): 1}


def test_sentence_confusion_misses_and_false_alarms():
    assert sentence_confusion([("A", "B", "141", None)], []) == {("14", NONE): 1}
    assert sentence_confusion([], [("A", "B", "141", None), ("A", "B", "140", None)]) == {(NONE, "14"): 2}


def test_confusion_totals_match_supports_predictions_and_hits():
    items = [item([("A", "B", "190"), ("A", "B", "111")], [("A", "B", "193"), ("B", "A", "010")]),
             item([("C", "D", "040")], []),
             item([], [("E", "F", "173"), ("E", "F", "190")]),
             item([("A", "B", "190"), ("A", "B", "190")], [("A", "B", "195")])]
    conf = confusion(items)
    labels, m = conf["labels"], conf["matrix"]
    assert labels == ["01", "04", "11", "17", "19", NONE]
    scores = per_root(items)
    for i, root in enumerate(labels[:-1]):
        s = scores[root]
        assert m[i][i] == s.tp
        assert sum(m[i]) == s.tp + s.fn  # row total = gold support
        assert sum(row[i] for row in m) == s.tp + s.fp  # column total = predicted
    assert m[labels.index("19")][labels.index(NONE)] == 1  # the second gold 19 of the last sentence
    assert m[labels.index(NONE)][labels.index("17")] == 1
    assert m[labels.index("11")][labels.index("01")] == 1
    assert m[-1][-1] == 0


def test_per_root_rows_base_rates():
    items = [item([("A", "B", "190"), ("A", "B", "191"), ("A", "B", "040")], [("A", "B", "190")]),
             item([("A", "B", "111")], [("A", "B", "141")])]
    rows = {r["root"]: r for r in per_root_rows(items)}
    assert rows["19"]["support"] == 2 and rows["19"]["base_rate"] == 0.5
    assert rows["04"]["base_rate"] == 0.25 and rows["11"]["base_rate"] == 0.25
    assert rows["14"]["support"] == 0 and rows["14"]["predicted"] == 1 and rows["14"]["precision"] == 0.0
    assert sum(r["base_rate"] for r in rows.values()) == pytest.approx(1.0)
    assert rows["19"]["precision"] == 1.0 and rows["19"]["recall"] == 0.5


# -- bootstrap ----------------------------------------------------------------------------------
def _items_for_bootstrap():
    out = []
    for i in range(40):
        gold = [("A", "B", f"{1 + i % 5:02d}0")]
        pred = [("A", "B", f"{1 + i % 5:02d}0")] if i % 3 else [("A", "C", f"{1 + (i + 1) % 5:02d}0")]
        out.append(item(gold, pred, sid=str(i), right=int(i % 4 != 0), total=1))
    return out


def test_bootstrap_is_deterministic_with_a_fixed_seed():
    items = _items_for_bootstrap()
    a = bootstrap(items, resamples=300, seed=7)
    b = bootstrap(items, resamples=300, seed=7)
    c = bootstrap(items, resamples=300, seed=8)
    assert a == b
    assert a["metrics"] != c["metrics"]
    assert a["resamples"] == 300 and a["seed"] == 7 and a["sentences"] == 40


def test_bootstrap_interval_contains_the_point_estimate_and_point_is_exact():
    items = _items_for_bootstrap()
    boot = bootstrap(items, resamples=500, seed=1)["metrics"]
    assert set(boot) == {"root_macro_f1", "root.precision", "root.recall", "root.f1", "modality_accuracy"}
    for name, m in boot.items():
        assert m["low"] <= m["point"] <= m["high"], name
        assert m["low"] < m["high"], name
    total = Score()
    for it in items:
        total.add(it.root)
    assert boot["root.precision"]["point"] == pytest.approx(total.precision)
    assert boot["root.f1"]["point"] == pytest.approx(total.f1)
    assert boot["modality_accuracy"]["point"] == pytest.approx(30 / 40)
    from tacitus.evalreport import macro_f1
    assert boot["root_macro_f1"]["point"] == pytest.approx(macro_f1(per_root(items)))


def test_bootstrap_without_modality_or_sentences():
    items = [item([("A", "B", "190")], [("A", "B", "190")])]
    assert bootstrap(items, resamples=50, seed=0)["metrics"]["modality_accuracy"]["point"] is None
    assert bootstrap([], resamples=50, seed=0)["metrics"] == {}


# -- keyword baseline ---------------------------------------------------------------------------
def test_inflections_and_keyword_table():
    assert {"bans", "banned", "banning"} <= inflections("ban")
    assert {"seized", "seizing", "seizes"} <= inflections("seize")
    assert {"fought", "fighting"} <= inflections("fight")
    assert {"criticizes", "criticized"} <= inflections("criticize")
    table = keyword_table()
    assert table["attacked"].startswith("19")
    assert table["condemned"].startswith("11")
    assert "release" not in table  # ambiguous words have no bare row in the lexicon, so no keyword


def test_baseline_codes_first_keyword_and_first_two_actors():
    base = KeywordBaseline()
    [m] = base.code_text(GOLD[0].text)
    assert m.cameo.root == "19" and m.modality == "actual"
    assert (m.source.code[:3], m.target.code[:3]) == ("RUS", "UKR")
    assert base.code_text(GOLD[2].text) == []  # no keyword, no event
    [m] = base.code_text("In March Germany and Germany's chancellor praised Poland.")
    assert m.cameo.root == "05"  # 'March' is a name inside the sentence, not the verb
    assert (m.source.code[:3], m.target.code[:3]) == ("DEU", "POL")  # distinct actors


def test_baseline_returns_the_same_metric_keys_as_the_pipeline():
    out = file_report(GOLD, StubPipeline(ANSWERS), "toy", "all", KeywordBaseline(), resamples=100, seed=3)
    assert set(out) == {"name", "view", "tacitus", "baseline"}
    assert set(out["tacitus"]) == set(out["baseline"])
    assert set(out["tacitus"]["bootstrap"]["metrics"]) == set(out["baseline"]["bootstrap"]["metrics"])
    # the summary report's fields (what evaluation/floors.json reads) are unchanged by the extras
    plain = evaluate(GOLD, StubPipeline(ANSWERS), "toy", view="all").to_dict()
    assert {k: out["tacitus"][k] for k in plain} == plain
    assert out["tacitus"]["events"] == 4 and out["tacitus"]["no_event_sentences"] == 1
    conf = out["tacitus"]["confusion"]
    cell = {(g, p): conf["matrix"][i][j] for i, g in enumerate(conf["labels"]) for j, p in enumerate(conf["labels"])}
    assert cell[("19", "19")] == 1 and cell[("11", "11")] == 1 and cell[("04", "04")] == 1
    assert cell[("05", "03")] == 1 and cell[(NONE, "01")] == 1
    assert out["tacitus"]["bootstrap"]["metrics"]["modality_accuracy"]["point"] == pytest.approx(2 / 4)  # 11: wrong modality; 057: unmatched


def test_markdown_has_every_table():
    out = file_report(GOLD, StubPipeline(ANSWERS), "toy", "all", KeywordBaseline(), resamples=50, seed=3)
    md = to_markdown([out])
    assert "| `toy` (all) | Tacitus | 4 | 4 | 1 |" in md
    assert "| `toy` (all) | keyword baseline | 4 |" in md
    assert "base rate" in md and "confusion matrix" in md and "| **none** |" in md
    assert "50 bootstrap resamples" in md


def test_cli_report_json_and_md(tmp_path, monkeypatch):
    from click.testing import CliRunner

    import tacitus.pipeline
    from tacitus.cli import main

    gold = tmp_path / "gold.jsonl"
    gold.write_text("\n".join(json.dumps({"id": g.id, "text": g.text, "published": g.published,
                                          "events": [vars(e) for e in g.events]}) for g in GOLD) + "\n")
    monkeypatch.setattr(tacitus.pipeline, "Pipeline", lambda: StubPipeline(ANSWERS))
    runner = CliRunner()
    res = runner.invoke(main, ["evaluate", str(gold), "--report", "json", "--resamples", "50"])
    assert res.exit_code == 0, res.output
    [f] = json.loads(res.output)
    assert f["name"] == "gold.jsonl" and f["tacitus"]["bootstrap"]["resamples"] == 50
    assert set(f["tacitus"]) == set(f["baseline"])
    res = runner.invoke(main, ["evaluate", str(gold), "--report", "md", "--resamples", "50", "--no-baseline"])
    assert res.exit_code == 0, res.output
    assert "baseline" not in res.output
    assert "confusion matrix" in res.output
    plain = runner.invoke(main, ["evaluate", str(gold), "--json"])
    assert json.loads(plain.output)[0] == {k: f["tacitus"][k] for k in json.loads(plain.output)[0]}
