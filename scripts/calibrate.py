"""Fit the confidence calibrator on the dev set's calibration split; report ECE on the report split.

    python scripts/calibrate.py            # fit, write src/tacitus/model/data/calibration.json,
                                           # docs/img/reliability.svg, print the figures
    python scripts/calibrate.py --check    # only measure with the bundled calibrator

The split (evaluation/dev_splits.json) is a fixed hash choice of 100 dev sentences; the other 241 are
the ones we report. Nothing here reads the report split's gold before the calibrator is written.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from tacitus.evaluate import actor_key, load_gold, scored_mentions  # noqa: E402
from tacitus.model import MODEL_DIR, EventModel  # noqa: E402
from tacitus.model.calibrate import (  # noqa: E402
    SPLITS,
    Calibrator,
    calibration_ids,
    ece,
    fit,
    reliability_svg,
    rightness,
    signals,
)
from tacitus.pipeline import Pipeline  # noqa: E402
from tacitus.records import Article, parse_published  # noqa: E402

GOLD = "dev/gold.jsonl"


def ensure_splits() -> dict:
    sha = hashlib.sha256((ROOT / GOLD).read_bytes()).hexdigest()
    spec = json.loads(SPLITS.read_text(encoding="utf-8")) if SPLITS.exists() else {}
    if sha not in spec:
        ids = [g.id for g in load_gold(ROOT / GOLD)]
        spec[sha] = {"file": GOLD, "all": ids, "calibration": sorted(calibration_ids(ids))}
        SPLITS.write_text(json.dumps(spec, indent=1) + "\n", encoding="utf-8")
    return spec[sha]


def collect(pipeline: Pipeline, ids: set[str]) -> tuple[list[float], list[str | None], list[bool]]:
    gold = [g for g in load_gold(ROOT / GOLD) if g.id in ids]
    raws, models, right = [], [], []
    arts = [Article(text=g.text, published=parse_published(g.published), article_id=f"gold:{g.id}") for g in gold]
    for g, res in zip(gold, pipeline.pipe(arts)):
        ms = scored_mentions(res.mentions, "all")
        keys = [(actor_key(m.source.code if m.source else None), actor_key(m.target.code if m.target else None),
                 m.cameo.root) for m in ms]
        gk = [(actor_key(e.source), actor_key(e.target), e.code[:2]) for e in g.events]
        right += rightness(gk, keys)
        raws += [m.confidence for m in ms]
        models += [m.provenance.model for m in ms]
    return raws, models, right


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--check", action="store_true", help="measure only; write nothing")
    args = ap.parse_args()
    spec = ensure_splits()
    cal_ids = set(spec["calibration"])
    rep_ids = set(spec["all"]) - cal_ids
    model = EventModel(MODEL_DIR)
    bundled = model.calibrator
    model.calibrator = None  # raw scores
    pipeline = Pipeline(model=model)
    if not args.check:
        raws, models, right = collect(pipeline, cal_ids)
        calibrator = fit([signals(r, m) for r, m in zip(raws, models)], right)
        (MODEL_DIR / "calibration.json").write_text(json.dumps(dict(calibrator.to_dict(), fitted_on=f"{GOLD}#calibration",
                                                                   mentions=len(right)), indent=1) + "\n", encoding="utf-8")
    else:
        calibrator = bundled or Calibrator.load(MODEL_DIR / "calibration.json")
        if calibrator is None:
            print("no bundled calibrator", file=sys.stderr)
            return 1
    raws, models, right = collect(pipeline, rep_ids)
    calibrated = [calibrator(r, m) for r, m in zip(raws, models)]
    e_raw, t_raw = ece(raws, right)
    e_cal, t_cal = ece(calibrated, right)
    out = {"report_split": {"sentences": len(rep_ids), "mentions": len(right), "share_right": round(sum(right) / max(1, len(right)), 4),
                            "ece_rules_score": e_raw, "ece_calibrated": e_cal, "reliability_calibrated": t_cal,
                            "reliability_rules_score": t_raw}}
    if not args.check:
        (ROOT / "docs" / "img").mkdir(parents=True, exist_ok=True)
        (ROOT / "docs" / "img" / "reliability.svg").write_text(reliability_svg(
            t_raw, t_cal, f"dev report split: ECE {e_raw:.3f} → {e_cal:.3f}"), encoding="utf-8")
    print(json.dumps(out, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
