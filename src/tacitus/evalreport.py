"""The evaluation report: per-root scores with base rates, a confusion matrix of roots, bootstrap
confidence intervals, and a keyword baseline scored with the same metrics.

Everything here is computed from :class:`tacitus.evaluate.SentenceResult` items, the per-sentence
counts that :func:`tacitus.evaluate.evaluate` adds up, so a point estimate here is the figure of
the summary report.

**Per-root scores** count roots alone (actors ignored), as multisets per sentence: a predicted root
is a hit when the sentence's gold has that root not already matched. The **base rate** of a root is
its share of the gold events (support / all gold events).

**Confusion matrix** (gold root × predicted root), built sentence by sentence:

1. gold and predicted events with the same root are paired first (the diagonal; it equals the
   per-root true positives);
2. the remaining gold and predicted events of the sentence are paired greedily, preferring pairs
   that agree on both actors, then on one actor, then any (ties: gold order, then prediction
   order) — an off-diagonal cell is "the sentence had a gold X event and Tacitus gave a Y event
   instead";
3. a gold event left without a partner is a miss (column ``none``), a predicted event left over is
   a false alarm (row ``none``).

Row sums are the gold supports, column sums the predicted counts.

**Bootstrap**: sentences are resampled with replacement (``resamples`` times, ``numpy`` PCG64 with a
fixed ``seed``); each resample recomputes root macro-F1, (source, target, root) precision, recall,
F1 and modality accuracy from the summed counts; the interval is the 2.5th–97.5th percentile.

**Keyword baseline** (:class:`KeywordBaseline`): no parser. The first word of the sentence that is
an inflected form of a verb with a bare row (no particle, no object constraint) in our trigger
lexicon ``knowledge/data/triggers.tsv`` gives the code; source and target are the first two
distinct actors the knowledge base finds by name (countries, capitals, organisations, leaders,
country adjectives) in the sentence; modality ``actual``. It goes through
:func:`tacitus.evaluate.evaluate` like the pipeline, so it is scored with exactly the same metrics.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace

import numpy as np

from .evaluate import Report, Score, SentenceResult

NONE = "none"
ROOTS = [f"{i:02d}" for i in range(1, 21)]
DEFAULT_RESAMPLES = 1000
DEFAULT_SEED = 20261125


# -- per-root scores with base rates -----------------------------------------------------------------
def per_root(items: Sequence[SentenceResult]) -> dict[str, Score]:
    """Root-only scores, multisets per sentence (the same counting as ``Report.per_root``)."""
    out: dict[str, Score] = {}
    for it in items:
        g = Counter(e[2][:2] for e in it.gold)
        p = Counter(e[2][:2] for e in it.pred)
        for root in set(g) | set(p):
            hit = min(g[root], p[root])
            out.setdefault(root, Score()).add(Score(hit, p[root] - hit, g[root] - hit))
    return out


def macro_f1(scores: dict[str, Score]) -> float:
    scored = [s for s in scores.values() if s.tp + s.fn > 0]
    return sum(s.f1 for s in scored) / len(scored) if scored else 0.0


def per_root_rows(items: Sequence[SentenceResult]) -> list[dict]:
    """One row per root seen in gold or predictions: support, base rate, predicted count, P/R/F1."""
    scores = per_root(items)
    total = sum(len(it.gold) for it in items)
    rows = []
    for root in sorted(scores):
        s = scores[root]
        support = s.tp + s.fn
        rows.append({"root": root, "support": support,
                     "base_rate": round(support / total, 4) if total else 0.0,
                     "predicted": s.tp + s.fp, **s.to_dict()})
    return rows


# -- confusion matrix ---------------------------------------------------------------------------------
def _pair_rank(g: tuple, p: tuple) -> int:
    return 2 * (g[0] == p[0] and g[1] == p[1]) + (g[0] == p[0] or g[1] == p[1])


def sentence_confusion(gold: Sequence[tuple], pred: Sequence[tuple]) -> Counter:
    """(gold root, predicted root) counts for one sentence; ``none`` marks misses and false alarms."""
    cells: Counter = Counter()
    g_left = list(range(len(gold)))
    p_left = list(range(len(pred)))
    for gi in list(g_left):  # 1. same root
        root = gold[gi][2][:2]
        for pi in p_left:
            if pred[pi][2][:2] == root:
                cells[(root, root)] += 1
                g_left.remove(gi)
                p_left.remove(pi)
                break
    pairs = sorted((-_pair_rank(gold[gi], pred[pi]), gi, pi) for gi in g_left for pi in p_left)
    used_g: set[int] = set()
    used_p: set[int] = set()
    for _, gi, pi in pairs:  # 2. other roots, best actor agreement first
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        cells[(gold[gi][2][:2], pred[pi][2][:2])] += 1
    for gi in g_left:  # 3. misses and false alarms
        if gi not in used_g:
            cells[(gold[gi][2][:2], NONE)] += 1
    for pi in p_left:
        if pi not in used_p:
            cells[(NONE, pred[pi][2][:2])] += 1
    return cells


def confusion(items: Sequence[SentenceResult]) -> dict:
    """The root confusion matrix over all sentences: labels (roots seen, then ``none``) and rows."""
    cells: Counter = Counter()
    for it in items:
        cells += sentence_confusion(it.gold, it.pred)
    seen = sorted({r for pair in cells for r in pair if r != NONE})
    labels = [*seen, NONE]
    matrix = [[cells.get((g, p), 0) for p in labels] for g in labels]
    return {"labels": labels, "matrix": matrix, "rows": "gold root", "columns": "predicted root"}


# -- bootstrap ----------------------------------------------------------------------------------------
def _arrays(items: Sequence[SentenceResult]) -> dict[str, np.ndarray]:
    roots = sorted({e[2][:2] for it in items for e in (*it.gold, *it.pred)})
    ix = {r: i for i, r in enumerate(roots)}
    n, k = len(items), max(len(roots), 1)
    gold, pred = np.zeros((n, k)), np.zeros((n, k))
    for row, it in enumerate(items):
        for e in it.gold:
            gold[row, ix[e[2][:2]]] += 1
        for e in it.pred:
            pred[row, ix[e[2][:2]]] += 1
    triple = np.array([[it.root.tp, it.root.fp, it.root.fn] for it in items], dtype=float).reshape(n, 3)
    modality = np.array([[it.modality_right, it.modality_total] for it in items], dtype=float).reshape(n, 2)
    return {"gold": gold, "pred": pred, "tp": np.minimum(gold, pred), "triple": triple, "modality": modality}


def _metrics(a: dict[str, np.ndarray], w: np.ndarray) -> dict[str, np.ndarray]:
    """Metrics for each row of sentence weights ``w`` (resamples × sentences)."""
    with np.errstate(divide="ignore", invalid="ignore"):
        g, p, tp = w @ a["gold"], w @ a["pred"], w @ a["tp"]
        denom = g + p  # 2tp + fp + fn
        f1 = np.where(denom > 0, 2 * tp / np.where(denom > 0, denom, 1), 0.0)
        present = g > 0
        n_present = present.sum(axis=1)
        macro = np.where(n_present > 0, (f1 * present).sum(axis=1) / np.maximum(n_present, 1), 0.0)
        t = w @ a["triple"]
        ttp, tfp, tfn = t[:, 0], t[:, 1], t[:, 2]
        prec = np.where(ttp + tfp > 0, ttp / np.maximum(ttp + tfp, 1e-12), 0.0)
        rec = np.where(ttp + tfn > 0, ttp / np.maximum(ttp + tfn, 1e-12), 0.0)
        tf1 = np.where(prec + rec > 0, 2 * prec * rec / np.maximum(prec + rec, 1e-12), 0.0)
        m = w @ a["modality"]
        mod = np.where(m[:, 1] > 0, m[:, 0] / np.where(m[:, 1] > 0, m[:, 1], 1), np.nan)
    return {"root_macro_f1": macro, "root.precision": prec, "root.recall": rec, "root.f1": tf1,
            "modality_accuracy": mod}


def bootstrap(items: Sequence[SentenceResult], resamples: int = DEFAULT_RESAMPLES, seed: int = DEFAULT_SEED
              ) -> dict:
    """Point estimates and percentile 95 % intervals, resampling sentences with replacement."""
    n = len(items)
    out: dict = {"resamples": resamples, "seed": seed, "sentences": n, "metrics": {}}
    if n == 0:
        return out
    a = _arrays(items)
    point = {k: float(v[0]) for k, v in _metrics(a, np.ones((1, n))).items()}
    rng = np.random.default_rng(seed)
    draws = rng.integers(0, n, size=(resamples, n))
    w = np.stack([np.bincount(d, minlength=n) for d in draws]).astype(float)
    res = _metrics(a, w)
    for k, v in res.items():
        if np.isnan(point[k]):
            out["metrics"][k] = {"point": None, "low": None, "high": None}
            continue
        lo, hi = np.nanpercentile(v, [2.5, 97.5])
        out["metrics"][k] = {"point": round(point[k], 6), "low": round(float(lo), 6), "high": round(float(hi), 6)}
    return out


# -- keyword baseline ---------------------------------------------------------------------------------
_IRREGULAR = {"speak": {"spoke", "spoken"}, "meet": {"met"}, "forgive": {"forgiven"}, "lend": {"lent"},
              "withdraw": {"withdrew", "withdrawn"}, "fight": {"fought"}, "shoot": {"shot"},
              "strike": {"struck", "stricken"}, "slay": {"slew", "slain"}, "overrun": {"overran"},
              "retake": {"retook", "retaken"}}
_VOWELS = set("aeiou")
_WORD = re.compile(r"[A-Za-z][A-Za-z'.\-]*[A-Za-z]|[A-Za-z]")


def inflections(lemma: str) -> set[str]:
    """Regular English forms of a verb (lemma, -s, -ed, -ing, with the usual spelling changes)."""
    f = {lemma, lemma + "s", lemma + "ed", lemma + "ing"}
    if lemma.endswith("e"):
        f |= {lemma + "d", lemma[:-1] + "ing"}
    if lemma.endswith(("s", "sh", "ch", "x", "z")):
        f.add(lemma + "es")
    if lemma.endswith("y") and len(lemma) > 1 and lemma[-2] not in _VOWELS:
        f |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    if (len(lemma) >= 3 and lemma[-1] not in _VOWELS | set("wxy") and lemma[-2] in _VOWELS
            and lemma[-3] not in _VOWELS):
        f |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    return f | _IRREGULAR.get(lemma, set())


def keyword_table(path: Path | None = None) -> dict[str, str]:
    """Word form → CAMEO code, from the bare VERB rows of our trigger lexicon (first row wins)."""
    from .knowledge.codebook import DATA, read_tsv

    table: dict[str, str] = {}
    for row in read_tsv(path or DATA / "triggers.tsv"):
        if row["pos"].upper() != "VERB" or row.get("particle") or row.get("object"):
            continue
        for form in sorted(inflections(row["lemma"].lower())):
            table.setdefault(form, row["code"])
    return table


@dataclass
class KeywordBaseline:
    """A pipeline-shaped keyword baseline: ``pipe(articles)`` yields results with ``.mentions``."""

    kb: object = None
    table: dict[str, str] = field(default_factory=dict)
    max_words: int = 5

    def __post_init__(self) -> None:
        if self.kb is None:
            from .knowledge.actors import default_kb
            self.kb = default_kb()
        if not self.table:
            self.table = keyword_table()

    def actors(self, words: list[str], on) -> list[str]:  # noqa: ANN001
        """Codes of the distinct actors named in the sentence, in order (longest name first)."""
        found: list[str] = []
        i = 0
        while i < len(words):
            hit = None
            if words[i][0].isupper():
                for n in range(min(self.max_words, len(words) - i), 0, -1):
                    hit = self.kb.lookup(" ".join(words[i:i + n]), on)
                    if hit is None and n == 1:
                        hit = self.kb.adjective(words[i])
                    if hit is not None:
                        break
            if hit is None:
                i += 1
                continue
            if hit.code[:3] not in {c[:3] for c in found}:
                found.append(hit.code)
            i += n
        return found

    def code_text(self, text: str, on=None) -> list[SimpleNamespace]:  # noqa: ANN001
        words = _WORD.findall(text)
        code = None
        for pos, w in enumerate(words):
            if pos > 0 and w[0].isupper():  # a capitalised word inside the sentence is a name or a month
                continue
            code = self.table.get(w.lower())
            if code:
                break
        if code is None:
            return []
        actors = self.actors(words, on)
        src = SimpleNamespace(code=actors[0]) if actors else None
        tgt = SimpleNamespace(code=actors[1]) if len(actors) > 1 else None
        return [SimpleNamespace(mention_id="kw1", source=src, target=tgt, related=(), modality="actual",
                                cameo=SimpleNamespace(code=code, root=code[:2]))]

    def pipe(self, articles: Iterable) -> Iterator[SimpleNamespace]:
        for a in articles:
            yield SimpleNamespace(mentions=self.code_text(a.text, a.published_date))


# -- one file, all of it ------------------------------------------------------------------------------
def _counts(items: Sequence[SentenceResult]) -> dict:
    return {"events": sum(len(it.gold) for it in items), "no_event_sentences": sum(1 for it in items if not it.gold)}


def extras(report: Report, resamples: int = DEFAULT_RESAMPLES, seed: int = DEFAULT_SEED) -> dict:
    """The additions to ``report.to_dict()`` (whose keys they never overwrite): gold counts,
    per-root rows with base rates, the confusion matrix, bootstrap intervals, and the same counts
    and intervals for the real/constructed subsets (``subset_extras``)."""
    out = {**_counts(report.items), "per_root_table": per_root_rows(report.items),
           "confusion": confusion(report.items), "bootstrap": bootstrap(report.items, resamples, seed)}
    if report.subsets:
        out["subset_extras"] = {k: {**_counts(r.items), "bootstrap": bootstrap(r.items, resamples, seed)}
                                for k, r in report.subsets.items()}
    return out


def file_report(gold, pipeline, name: str, view: str, baseline: KeywordBaseline | None = None,  # noqa: ANN001
                resamples: int = DEFAULT_RESAMPLES, seed: int = DEFAULT_SEED) -> dict:
    """Score ``pipeline`` (and the keyword baseline, when given) on one gold file, every metric for
    both: ``{"name", "view", "tacitus": {...}, "baseline": {...}}``, each the summary report's
    ``to_dict()`` plus :func:`extras`."""
    from .evaluate import evaluate

    gold = list(gold)
    rep = evaluate(gold, pipeline, name, view=view)
    out = {"name": name, "view": view, "tacitus": {**rep.to_dict(), **extras(rep, resamples, seed)}}
    if baseline is not None:
        base = evaluate(gold, baseline, name, view=view)
        out["baseline"] = {**base.to_dict(), **extras(base, resamples, seed)}
    return out


# -- markdown -----------------------------------------------------------------------------------------
SYSTEMS = (("tacitus", "Tacitus"), ("baseline", "keyword baseline"))


def _ci(boot: dict, key: str) -> str:
    m = boot.get("metrics", {}).get(key)
    if not m or m["point"] is None:
        return "n/a"
    return f"{m['point']:.3f} [{m['low']:.3f}, {m['high']:.3f}]"


def _root_names() -> dict[str, str]:
    from .knowledge.codebook import DATA, read_tsv

    return {r["code"]: r["name"].capitalize() for r in read_tsv(DATA / "cameo.tsv") if len(r["code"]) == 2}


def summary_table(files: Sequence[dict]) -> str:
    """One row per gold file (and subset) and system."""
    lines = ["| gold file | system | sentences | gold events | no-event sentences | root P [95 % CI] | "
             "root R [95 % CI] | root F1 [95 % CI] | code F1 | modality [95 % CI] | root macro-F1 [95 % CI] |",
             "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for f in files:
        for key, label in SYSTEMS:
            d = f.get(key)
            if d is None:
                continue
            rows = [(f"`{f['name']}` ({f['view']})", d, d)]
            rows += [(f"`{f['name']}`, {sub}", d["subsets"][sub], extra)
                     for sub, extra in d.get("subset_extras", {}).items()]
            for name, sd, ex in rows:
                boot = ex["bootstrap"]
                lines.append(
                    f"| {name} | {label} | {sd['sentences']} | {ex['events']} | {ex['no_event_sentences']} | "
                    f"{_ci(boot, 'root.precision')} | {_ci(boot, 'root.recall')} | {_ci(boot, 'root.f1')} | "
                    f"{sd['code']['f1']:.3f} | {_ci(boot, 'modality_accuracy')} | {_ci(boot, 'root_macro_f1')} |")
    return "\n".join(lines)


def per_root_table(f: dict) -> str:
    """Per-root P/R/F1 (roots alone) with the gold base rate, Tacitus beside the baseline (if run)."""
    names = _root_names()
    has_base = "baseline" in f
    base = {r["root"]: r for r in f.get("baseline", {}).get("per_root_table", [])}
    head = "| root | name | gold n | base rate | predicted n | P | R | F1 |"
    rule = "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |"
    if has_base:
        head += " baseline predicted n | baseline F1 |"
        rule += " ---: | ---: |"
    lines = [head, rule]
    rows = {r["root"]: r for r in f["tacitus"]["per_root_table"]}
    for root in sorted(set(rows) | set(base)):
        r = rows.get(root) or {"support": base[root]["support"], "base_rate": base[root]["base_rate"],
                               "predicted": 0, "precision": 0.0, "recall": 0.0, "f1": 0.0}
        line = (f"| {root} | {names.get(root, '')} | {r['support']} | {r['base_rate']:.3f} | {r['predicted']} | "
                f"{r['precision']:.3f} | {r['recall']:.3f} | {r['f1']:.3f} |")
        if has_base:
            b = base.get(root)
            line += f" {b['predicted'] if b else 0} | {b['f1'] if b else 0.0:.3f} |"
        lines.append(line)
    return "\n".join(lines)


def confusion_table(conf: dict) -> str:
    labels = conf["labels"]
    lines = ["| gold ↓ · predicted → | " + " | ".join(labels) + " | total |",
             "| --- | " + " | ".join("---:" for _ in labels) + " | ---: |"]
    for g, row in zip(labels, conf["matrix"]):
        cells = [f"**{v}**" if g == p and g != NONE and v else (str(v) if v else "·") for p, v in zip(labels, row)]
        lines.append(f"| **{g}** | " + " | ".join(cells) + f" | {sum(row)} |")
    totals = [sum(row[j] for row in conf["matrix"]) for j in range(len(labels))]
    lines.append("| total | " + " | ".join(str(t) for t in totals) + f" | {sum(totals)} |")
    return "\n".join(lines)


def to_markdown(files: Sequence[dict], level: int = 3) -> str:
    """The generated tables: summary, then per file the per-root table and the confusion matrix."""
    h = "#" * level
    first = next((f["tacitus"]["bootstrap"] for f in files if f.get("tacitus")), {})
    parts = [f"{h} Summary", "",
             f"Root P/R/F1 are on (source, target, root); 95 % intervals from {first.get('resamples', '?')} "
             f"bootstrap resamples of sentences (seed {first.get('seed', '?')}).", "", summary_table(files)]
    for f in files:
        parts += ["", f"{h} `{f['name']}`: per root", "",
                  "Roots alone (actors ignored); base rate = the root's share of the gold events.", "",
                  per_root_table(f), "", f"{h} `{f['name']}`: confusion matrix of roots (Tacitus)", "",
                  "Rows: gold root; columns: predicted root; `none` = missed gold event (column) or "
                  "false alarm (row). Matching: same root first, then other roots in the same sentence, "
                  "best actor agreement first.", "", confusion_table(f["tacitus"]["confusion"])]
    return "\n".join(parts) + "\n"
