"""Evaluation: score the pipeline on gold sentences.

Gold formats: our JSONL (docs/EVALUATION.md: ``id``, ``text``, ``published``, ``events`` with ``source``,
``target``, ``code``, ``modality``; optional ``real``) and the PETRARCH validation XML (read with a
tolerant parser; ids AFP…/SYRIA…/GOLD… are real news, the rest constructed). Scores are precision,
recall and F1 on (source, target, CAMEO root) and (source, target, full code), actors compared on
their first three characters, counted as multisets per sentence, one tuple per directed dyad a mention
codes (compound actors; both directions of a joint act, except in the ``petrarch`` view); modality
accuracy on matched events.

Gold files measure; they never teach: no rule is written from them.
"""

from __future__ import annotations

import html
import json
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .records import Article, Mention, parse_published

REAL_PREFIXES = ("AFP", "SYRIA", "GOLD", "NYT", "APW", "XIN", "LAT")


@dataclass
class GoldEvent:
    source: str
    target: str
    code: str
    modality: str | None = None


@dataclass
class GoldSentence:
    id: str
    text: str
    published: str | None
    events: list[GoldEvent]
    real: bool = False


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Score) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def to_dict(self) -> dict[str, float]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


@dataclass
class SentenceResult:
    """One gold sentence as scored: the gold and predicted (source, target, code, modality) tuples
    (actors already cut to their first three characters; predictions after the view's filter) and
    its counts. The extra reports (``evalreport``: confusion matrix, bootstrap) are built from these,
    so they use exactly the counts the summary scores add up."""

    id: str
    real: bool
    gold: list[tuple[str, str, str, str | None]]
    pred: list[tuple[str, str, str, str | None]]
    root: Score
    code: Score
    modality_right: int
    modality_total: int


@dataclass
class Report:
    name: str
    sentences: int = 0
    root: Score = field(default_factory=Score)
    code: Score = field(default_factory=Score)
    modality_right: int = 0
    modality_total: int = 0
    modality_matched: int = 0  # gold events with a modality that a prediction matched (root + source)
    per_root: dict[str, Score] = field(default_factory=dict)
    subsets: dict[str, Report] = field(default_factory=dict)
    items: list[SentenceResult] = field(default_factory=list, repr=False)  # not in to_dict()

    @property
    def root_macro_f1(self) -> float:
        """Macro-F1 over the CAMEO roots present in gold, on roots alone (actors ignored)."""
        scored = [s for r, s in self.per_root.items() if s.tp + s.fn > 0]
        return sum(s.f1 for s in scored) / len(scored) if scored else 0.0

    def to_dict(self) -> dict:
        out = {"name": self.name, "sentences": self.sentences, "root": self.root.to_dict(),
               "code": self.code.to_dict(), "root_macro_f1": round(self.root_macro_f1, 4),
               "per_root": {r: s.to_dict() for r, s in sorted(self.per_root.items())},
               "modality_accuracy": round(self.modality_right / self.modality_total, 4)
               if self.modality_total else None,
               "modality_accuracy_matched": round(self.modality_right / self.modality_matched, 4)
               if self.modality_matched else None}
        if self.subsets:
            out["subsets"] = {k: v.to_dict() for k, v in self.subsets.items()}
        return out


def actor_key(code: str | None) -> str:
    if not code or code in {"None", "null"}:
        return "---"
    return code.strip()[:3].upper()


# -- loaders -------------------------------------------------------------------------------------
def load_jsonl(path: Path) -> list[GoldSentence]:
    out = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        d = json.loads(line)
        if "text" not in d or "events" not in d:
            raise ValueError(f"{path}:{n}: a gold record needs 'text' and 'events'")
        evs = [GoldEvent(e.get("source") or "", e.get("target") or "", str(e["code"]), e.get("modality"))
               for e in d["events"]]
        out.append(GoldSentence(str(d.get("id", n)), d["text"], d.get("published"), evs, bool(d.get("real"))))
    return out


_SENT = re.compile(r"<Sentence\b([^>]*)>(.*?)</Sentence>", re.S)
_ATTR = re.compile(r'(\w+)="([^"]*)"')
_TEXT = re.compile(r"<Text>(.*?)</Text>", re.S)
_CODING = re.compile(r"<EventCoding\b([^>]*)/?>")


def load_petrarch_xml(path: Path) -> list[GoldSentence]:
    """PETRARCH validation records; tolerant of self-closed <Sentence .../> tags."""
    raw = path.read_text(encoding="utf-8", errors="replace")
    raw = re.sub(r"(<Sentence\b[^>]*?)/>", r"\1>", raw)
    out = []
    for m in _SENT.finditer(raw):
        attrs = dict(_ATTR.findall(m.group(1)))
        body = m.group(2)
        tm = _TEXT.search(body)
        text = html.unescape(" ".join(tm.group(1).split())) if tm else ""
        if not text:
            continue
        if attrs.get("evaluate", "true").lower() == "false":
            continue
        events = []
        for c in _CODING.finditer(body):
            ca = dict(_ATTR.findall(c.group(1)))
            if ca.get("noevents", "").lower() == "true" or "eventcode" not in ca:
                continue
            events.append(GoldEvent(ca.get("sourcecode", ""), ca.get("targetcode", ""),
                                    ca["eventcode"].split("_")[0]))
        d = attrs.get("date", "")
        published = f"{d[:4]}-{d[4:6]}-{d[6:8]}" if re.fullmatch(r"\d{8}", d) else None
        sid = attrs.get("id", str(len(out)))
        out.append(GoldSentence(sid, text, published, events, sid.upper().startswith(REAL_PREFIXES)))
    return out


def load_gold(path: str | Path) -> list[GoldSentence]:
    """A gold file; ``FILE#report`` or ``FILE#calibration`` keeps one split of it
    (evaluation/dev_splits.json, found by the file's SHA-256)."""
    name = str(path)
    split = None
    if "#" in name:
        name, split = name.rsplit("#", 1)
    p = Path(name)
    if not p.exists():
        raise FileNotFoundError(f"{p}: no such gold file")
    gold = load_petrarch_xml(p) if p.suffix.lower() == ".xml" else load_jsonl(p)
    if split:
        import hashlib

        from .model.calibrate import split_ids

        keep = split_ids(hashlib.sha256(p.read_bytes()).hexdigest(), split)
        gold = [g for g in gold if g.id in keep]
    return gold


# -- scoring -------------------------------------------------------------------------------------
def scored_mentions(mentions: list[Mention], view: str) -> list[Mention]:
    """Which mentions count. ``all``: every mention. ``petrarch``: PETRARCH's conventions — both
    actors present, and a statement that only reports an embedded event is not counted apart."""
    if view == "all":
        return mentions
    ids = {m.mention_id for m in mentions}
    out = []
    for m in mentions:
        if m.source is None or m.target is None:
            continue
        if m.cameo.root == "01" and any(r in ids for r in m.related):
            continue
        if m.modality in {"negated"}:
            continue
        out.append(m)
    return out


def scored_tuples(mentions: list[Mention], view: str = "all") -> list[tuple[str, str, str, str, int]]:
    """The (source, target, code, modality, mention index) tuples a sentence's mentions count for: one
    per directed dyad (``Mention.dyads``: compound actors, and both directions of a joint act). The
    ``petrarch`` view keeps PETRARCH's convention of one direction per joint act."""
    out = []
    for i, m in enumerate(mentions):
        if not hasattr(m, "dyads"):  # a duck-typed mention (keyword baseline, tests): its own pair
            pairs = [(m.source, m.target)]
        else:
            pairs = m.dyads(both_ways=view == "all")
        for s, t in pairs:
            out.append((actor_key(s.code if s else None), actor_key(t.code if t else None), m.cameo.code,
                        m.modality, i))
    return out


def score_sentence(gold: GoldSentence, mentions: list[Mention], view: str = "all"
                   ) -> tuple[Score, Score, int, int]:
    def keys(items, full: bool) -> Counter:
        return Counter(items if full else [(s, t, c[:2]) for s, t, c in items])
    g = [(actor_key(e.source), actor_key(e.target), e.code) for e in gold.events]
    tuples = scored_tuples(mentions, view)
    p = [(s, t, c) for s, t, c, _, _ in tuples]
    scores = []
    for full in (False, True):
        gk, pk = keys(g, full), keys(p, full)
        tp = sum((gk & pk).values())
        scores.append(Score(tp, sum(pk.values()) - tp, sum(gk.values()) - tp))
    right, total, _ = modality_counts(gold, tuples)
    return scores[0], scores[1], right, total


def modality_counts(gold: GoldSentence, tuples: list[tuple[str, str, str, str, int]]) -> tuple[int, int, int]:
    """(right, gold events with a modality, of them matched): each gold event is matched to the first
    unused predicted tuple with its root and source country; an unmatched one counts as wrong in
    ``right / total`` (the gate's modality accuracy) and is left out of ``right / matched``."""
    right = total = matched = 0
    used: set[int] = set()
    for e in gold.events:
        if not e.modality:
            continue
        total += 1
        for j, (s, _, c, mod, _) in enumerate(tuples):
            if j in used or c[:2] != e.code[:2] or s != actor_key(e.source):
                continue
            used.add(j)
            matched += 1
            right += int(mod == e.modality)
            break
    return right, total, matched


def evaluate(gold: Iterable[GoldSentence], pipeline, name: str, view: str = "all") -> Report:  # noqa: ANN001
    gold = list(gold)
    report = Report(name)
    real, constructed = Report("real"), Report("constructed")
    articles = [Article(text=g.text, published=parse_published(g.published), article_id=f"gold:{g.id}")
                for g in gold]
    for g, result in zip(gold, pipeline.pipe(articles)):
        mentions = scored_mentions(result.mentions, view)
        r, c, right, total = score_sentence(g, mentions, view)
        tuples = scored_tuples(mentions, view)
        g_roots = Counter(e.code[:2] for e in g.events)
        p_roots = Counter(code[:2] for _, _, code, _, _ in tuples)
        item = SentenceResult(
            g.id, g.real, [(actor_key(e.source), actor_key(e.target), e.code, e.modality) for e in g.events],
            [(s, t, code, mod) for s, t, code, mod, _ in tuples], r, c, right, total)
        for rep in (report, real if g.real else constructed):
            rep.items.append(item)
            for root in set(g_roots) | set(p_roots):
                hit = min(g_roots[root], p_roots[root])
                rep.per_root.setdefault(root, Score()).add(Score(hit, p_roots[root] - hit, g_roots[root] - hit))
            rep.sentences += 1
            rep.root.add(r)
            rep.code.add(c)
            rep.modality_right += right
            rep.modality_total += total
            rep.modality_matched += modality_counts(g, tuples)[2]
    if real.sentences and constructed.sentences:
        report.subsets = {"real": real, "constructed": constructed}
    return report


def format_report(rep: Report) -> str:
    lines = [f"{rep.name}: {rep.sentences} sentences; CAMEO root macro-F1 (roots alone) {rep.root_macro_f1:.3f}"]
    rows = [("all", rep)] + list(rep.subsets.items())
    lines.append(f"  {'subset':<12} {'n':>4}  {'root P':>7} {'root R':>7} {'root F1':>7}  "
                 f"{'code P':>7} {'code R':>7} {'code F1':>7}  {'modality':>8} {'matched':>8}")
    for label, r in rows:
        mod = f"{r.modality_right / r.modality_total:.3f}" if r.modality_total else "n/a"
        on = f"{r.modality_right / r.modality_matched:.3f}" if r.modality_matched else "n/a"
        lines.append(f"  {label:<12} {r.sentences:>4}  {r.root.precision:>7.3f} {r.root.recall:>7.3f} "
                     f"{r.root.f1:>7.3f}  {r.code.precision:>7.3f} {r.code.recall:>7.3f} {r.code.f1:>7.3f}  "
                     f"{mod:>8} {on:>8}")
    lines.append("  (modality: right / all gold events, a missed event counts as wrong; matched: right / "
                 "gold events found)")
    return "\n".join(lines)
