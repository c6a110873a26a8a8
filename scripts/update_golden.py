"""Regenerate the golden outputs of the bundled sample articles (tests/golden/*.jsonl).

    python scripts/update_golden.py      # then review `git diff tests/golden` before committing
"""

from __future__ import annotations

import json
from pathlib import Path

from tacitus.ingest.readers import read_path, sample_paths
from tacitus.pipeline import Pipeline

GOLDEN = Path(__file__).resolve().parents[1] / "tests" / "golden"


def project(mentions) -> list[dict]:  # noqa: ANN001
    """The fields a golden file pins: what a user reads, not rule ids or versions."""
    groups: dict[str, int] = {}
    out = []
    for m in mentions:
        out.append({
            "section": m.section, "sentence": m.sentence_index, "trigger": [m.trigger.start, m.trigger.end],
            "code": m.cameo.code, "source": m.source.code if m.source else None,
            "target": m.target.code if m.target else None, "modality": m.modality,
            "relation": m.attribution.relation, "by": m.attribution.by.code if m.attribution.by else None,
            "date": [m.date.start.isoformat() if m.date.start else None,
                     m.date.end.isoformat() if m.date.end else None, m.date.method],
            "place": [m.place.country, m.place.admin1, m.place.precision] if m.place else None,
            "group": groups.setdefault(m.group_id, len(groups)),
        })
    return out


def main() -> None:
    pipeline = Pipeline()
    GOLDEN.mkdir(exist_ok=True)
    for path in sample_paths():
        article = next(iter(read_path(path)))
        rows = project(pipeline(article))
        (GOLDEN / f"{path.stem}.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
        print(f"{path.stem}: {len(rows)} mentions")


if __name__ == "__main__":
    main()
