"""The learned classifiers: file format, deterministic training, and how they combine with rules."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pytest

from tacitus.model import MODEL_DIR, EventModel, Thresholds
from tacitus.model.features import is_candidate, token_features
from tacitus.model.linear import LinearModel
from tacitus.model.pairs import Option, PairGroup, fit_pairs, pair_accuracy, pair_features, pairs, score_pairs
from tacitus.model.train import anchor, data_fingerprint, load_labelled, train
from tacitus.pipeline import Pipeline
from tacitus.records import Article, parse_published

ROOT = Path(__file__).resolve().parents[1]

# Hand-written for this test: a few sentences, each with its trigger.
TINY = [
    {"id": "t1", "text": "Rebels shelled the town of Kasanga overnight.", "published": "2020-01-02",
     "events": [{"trigger": "shelled", "source": "COGREB", "target": "COGCVL", "code": "195", "modality": "actual"}]},
    {"id": "t2", "text": "The minister met his Kenyan counterpart in Nairobi on Monday.", "published": "2020-01-02",
     "events": [{"trigger": "met", "source": "UGAGOV", "target": "KENGOV", "code": "040", "modality": "actual"}]},
    {"id": "t3", "text": "Stock markets fell sharply on Tuesday as oil prices climbed.", "published": "2020-01-02",
     "events": []},
    {"id": "t4", "text": "Militants shelled a police post near the border.", "published": "2020-01-03",
     "events": [{"trigger": "shelled", "source": "PAKREB", "target": "PAKCOP", "code": "195", "modality": "actual"}]},
    {"id": "t5", "text": "The two leaders met again in Geneva to discuss the dam.", "published": "2020-01-03",
     "events": [{"trigger": "met", "source": "EGYGOV", "target": "ETHGOV", "code": "040", "modality": "actual"}]},
    {"id": "t6", "text": "Heavy rain flooded the valley and closed the main road.", "published": "2020-01-03",
     "events": []},
]


@pytest.fixture(scope="module")
def bare(pipeline):
    return Pipeline(model=None, nlp=pipeline.nlp, kb=pipeline.kb, gazetteer=pipeline.gazetteer)


def test_linear_model_round_trip(tmp_path):
    m = LinearModel("x", ["none", "a", "b"], {"f1": 0, "f2": 1},
                    np.array([[1.0, 2.0, 0.0], [0.0, -1.0, 3.0]], dtype=np.float32),
                    np.array([0.5, 0.0, 0.0], dtype=np.float32), {"note": "hand-made"})
    m.save(tmp_path)
    back = LinearModel.load(tmp_path, "x")
    assert back.classes == m.classes and back.vocab == m.vocab and back.meta == {"note": "hand-made"}
    p = back.proba([["f1"], ["f2", "unknown"], []])
    assert np.allclose(p.sum(axis=1), 1.0)
    assert p[0].argmax() == 1 and p[1].argmax() == 2 and p[2].argmax() == 0


def test_anchor_is_the_head_of_the_trigger_phrase(bare):
    doc = bare.nlp("Kenya agreed to send more troops to the mission.")
    assert anchor(doc, "send more troops").text == "send"
    assert anchor(doc, "not there") is None


def test_training_is_deterministic_and_learns(tmp_path, bare):
    data = tmp_path / "tiny.jsonl"
    data.write_text("".join(json.dumps(r) + "\n" for r in TINY), encoding="utf-8")
    r1 = train([data], tmp_path / "a", bare, seed=3, min_count=1)
    r2 = train([data], tmp_path / "b", bare, seed=3, min_count=1)
    assert r1["stats"] == r2["stats"] and r1["stats"]["positives"] == 4
    for name in ("trigger", "modality", "pairs"):
        a, b = LinearModel.load(tmp_path / "a", name), LinearModel.load(tmp_path / "b", name)
        assert a.vocab == b.vocab and a.classes == b.classes, name
        assert np.array_equal(a.weights, b.weights) and np.array_equal(a.bias, b.bias), name
    assert EventModel(tmp_path / "a").version == EventModel(tmp_path / "b").version
    model = EventModel(tmp_path / "a")
    doc = bare.nlp("Rebels shelled the village at dawn.")
    probs = model.trigger_probs(doc, bare.lexicon)
    shelled = next(t.i for t in doc if t.text == "shelled")
    assert model.best_root(probs[shelled])[0] == "19"
    village = next(t.i for t in doc if t.text == "village")
    assert model.p_none(probs[village]) > 0.5


def test_bad_training_data_is_a_clear_error(tmp_path, bare):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x", "text": "No events key here."}\n', encoding="utf-8")
    with pytest.raises(ValueError, match="needs 'text' and 'events'"):
        train([bad], tmp_path / "m", bare)


def test_bundled_model_was_trained_on_the_training_corpus():
    spec = json.loads((MODEL_DIR / "trigger.json").read_text(encoding="utf-8"))
    records = load_labelled([ROOT / "training"])
    assert spec["meta"]["data_sha256"] == data_fingerprint(records), \
        "training/ changed: rebuild the model with `tacitus train` (from the project root)"
    assert spec["meta"]["holdout"] == 0.0 and spec["meta"]["sentences"] == len(records)


def test_tacitus_train_rebuilds_the_bundled_model(tmp_path, bare):
    """`tacitus train` on training/ gives the bundled model back: same vocabulary and classes, and the
    same weights up to the optimiser's tolerance (BLAS may sum in another order on another machine)."""
    train([ROOT / "training"], tmp_path, bare)
    for name in ("trigger", "modality", "pairs"):
        built, bundled = LinearModel.load(tmp_path, name), LinearModel.load(MODEL_DIR, name)
        assert built.vocab == bundled.vocab and built.classes == bundled.classes, name
        diff = max(float(np.abs(built.weights - bundled.weights).max()), float(np.abs(built.bias - bundled.bias).max()))
        assert diff < 0.05, f"{name}: weights differ by {diff}: rebuild with `tacitus train`"


def test_features_depend_only_on_the_token(bare):
    doc1 = bare.nlp("Troops withdrew from the border on Friday.")
    doc2 = bare.nlp("Troops withdrew from the border on Friday.")
    t1 = [token_features(t, bare.lexicon) for t in doc1 if is_candidate(t)]
    t2 = [token_features(t, bare.lexicon) for t in doc2 if is_candidate(t)]
    assert t1 == t2 and any("lex=08" in f for f in t1)
    given = [token_features(t, None, (bare.lexicon.trigger(t), bare.lexicon.cue(t))) for t in doc1 if is_candidate(t)]
    assert given == t1  # the rows the action stage passes in give the same features


# -- how the classifier combines with the lexicon, on a model whose answers we choose -------------
@dataclass
class FakeModel:
    answers: dict[str, dict[str, float]]
    thresholds: Thresholds = Thresholds()
    version: str = "fake"
    pairs = None
    calibrator = None
    classes = ("none", *[f"{i:02d}" for i in range(1, 21)])

    def trigger_probs(self, doc, lexicon, rows=None):  # noqa: ANN001, ANN201
        out = {}
        for t in doc:
            if is_candidate(t):
                dist = self.answers.get(t.lower_, {"none": 1.0})
                out[t.i] = np.array([dist.get(k, 0.0) for k in self.classes])
        return out

    def p_none(self, p):  # noqa: ANN001, ANN201
        return float(p[0])

    def p_root(self, p, root):  # noqa: ANN001, ANN201
        return float(p[self.classes.index(root)])

    def best_root(self, p):  # noqa: ANN001, ANN201
        j = int(np.argmax(p[1:])) + 1
        return self.classes[j], float(p[j])

    def modality_of(self, tok):  # noqa: ANN001, ANN201
        return "actual", 1.0


def _code(pipeline, model, text):
    p = Pipeline(model=model, nlp=pipeline.nlp, kb=pipeline.kb, gazetteer=pipeline.gazetteer)
    return p(Article(text=text, published=parse_published("2020-03-02")))


def test_model_adds_a_trigger_the_lexicon_lacks(pipeline):
    text = "Egyptian forces zorbled Libyan militias near the border on Sunday."
    assert not [m for m in _code(pipeline, None, text) if m.trigger.text == "zorbled"]
    ms = _code(pipeline, FakeModel({"zorbled": {"19": 0.9, "none": 0.1}}), text)
    m = next(m for m in ms if m.trigger.text == "zorbled")
    assert m.cameo.code == "190" and m.provenance.model.startswith("fake:added:p=0.9")
    assert m.source.code[:3] == "EGY" and m.target.code[:3] == "LBY"


def test_model_drops_and_recodes_lexicon_triggers(pipeline):
    text = "Egyptian forces attacked Libyan militias near the border on Sunday."
    rules = [m for m in _code(pipeline, None, text) if m.trigger.text == "attacked"]
    assert rules and rules[0].cameo.root in {"18", "19"} and rules[0].provenance.model is None
    dropped = _code(pipeline, FakeModel({"attacked": {"none": 0.95, "19": 0.05}}), text)
    assert not [m for m in dropped if m.trigger.text == "attacked"]
    recoded = _code(pipeline, FakeModel({"attacked": {"14": 0.7, "none": 0.3}}), text)
    m = next(m for m in recoded if m.trigger.text == "attacked")
    assert m.cameo.code == "140" and m.provenance.model.startswith("fake:recoded:p=")
    unsure = _code(pipeline, FakeModel({"attacked": {"none": 0.6, "14": 0.4}}), text)
    m = next(m for m in unsure if m.trigger.text == "attacked")
    assert m.cameo.root == rules[0].cameo.root and m.provenance.model.startswith("fake:kept:p=")


def test_model_never_drops_what_an_observer_saw(pipeline):
    text = "Observers said on Monday they had seen no sign of a Russian withdrawal."
    ms = _code(pipeline, FakeModel({"withdrawal": {"none": 0.99, "08": 0.01}}), text)
    m = next(m for m in ms if m.trigger.text == "withdrawal")
    assert m.cameo.root == "08" and m.modality == "negated"


def test_rules_only_has_no_model_provenance(pipeline):
    ms = _code(pipeline, None, "Kenya sent troops to Somalia on Friday.")
    assert ms and all(m.provenance.model is None for m in ms)


def test_bundled_model_is_used_by_default(pipeline):
    assert pipeline.model is not None and pipeline.model.version.startswith("linear-")
    ms = pipeline(Article(text="Sudanese troops attacked rebel positions near El Fasher on Friday.",
                          published=parse_published("2024-05-10")))
    assert any(m.provenance.model for m in ms)


def _pair_model(weights: dict[str, float]) -> LinearModel:
    """A pair decoder whose weights we choose (one score per feature string)."""
    vocab = {f: i for i, f in enumerate(weights)}
    w = np.array([[weights[f]] for f in weights], dtype=np.float32).reshape(-1, 1)
    return LinearModel("pairs", ["score"], vocab, w, np.zeros(1, dtype=np.float32))


def test_pair_scores_are_the_sum_of_sides_and_joint_features():
    """score_pairs decomposes the linear score (sides once, joint per pair); the result must equal
    scoring each pair's full feature list."""
    opts_s = [Option(None), Option(1, "nsubj", "RUS", ("path=a", "dep=nsubj"), True, "kb"),
              Option(4, "dobj", "UKR", ("path=b", "dep=dobj"), False, "kb")]
    opts_t = [Option(None), Option(1, "nsubj", "RUS", ("path=a",), False, "kb"),
              Option(4, "dobj", "UKR", ("path=b", "dep=dobj"), True, "sector")]
    rng = np.random.default_rng(0)
    feats = sorted({f for i, j in pairs(opts_s, opts_t) for f in pair_features(opts_s[i], opts_t[j], "19", 2)})
    model = _pair_model({f: float(rng.normal()) for f in feats})
    model.bias[0] = 0.7
    idx, probs = score_pairs(model, opts_s, opts_t, "19", 2)
    assert (1, 1) not in idx and (2, 2) not in idx  # one actor is never both sides
    full = model.scores([pair_features(opts_s[i], opts_t[j], "19", 2) for i, j in idx])[:, 0]
    expected = np.exp(full - full.max()) / np.exp(full - full.max()).sum()
    assert np.allclose(probs, expected, atol=1e-6)


def test_pair_decoder_replaces_the_rules_pair_but_never_makes_the_speaker_the_target(pipeline):
    text = "Kenya said the troops withdrew near Ethiopia on Friday."
    base = FakeModel({"withdrew": {"08": 0.9, "none": 0.1}})
    rules = next(m for m in _code(pipeline, base, text) if m.trigger.text == "withdrew")
    # a decoder that wants a target and likes the subject of "said" most, then Ethiopia
    model = FakeModel({"withdrew": {"08": 0.9, "none": 0.1}})
    model.pairs = _pair_model({"T:null|08": -5.0, "T:hl=say": 3.0, "T:rdep=08|pobj": 1.0})
    m = next(m for m in _code(pipeline, model, text) if m.trigger.text == "withdrew")
    # Kenya, the speaker, would score highest but cannot be the target of what it reports
    assert rules.target is None  # the rules find no target
    assert m.target is not None and m.target.country == "ETH" and m.provenance.model.endswith("+roles")
    # a decoder that prefers nobody on both sides takes the rules' actors away
    model.pairs = _pair_model({"S:null": 9.0, "T:null": 9.0})
    m = next(m for m in _code(pipeline, model, text) if m.trigger.text == "withdrew")
    assert m.source is None and m.target is None and m.provenance.model.endswith("+roles")


def test_pair_training_learns_the_right_pair():
    right = PairGroup("a", [["b", "S:x"], ["b", "S:y"]], [True, False])
    groups = [right, PairGroup("b", [["b", "S:y"], ["b", "S:x"]], [False, True])] * 5
    model = fit_pairs(groups, c=1.0, min_count=1, seed=1, meta={})
    assert model.meta["converged"] and pair_accuracy(model, groups) == 1.0
