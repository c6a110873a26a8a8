"""Print every mention the reference article yields as a Markdown table (no article text).

    python scripts/example_report.py ../shared/examples/ukraine-border-withdrawal.txt 2014-05-19
"""

from __future__ import annotations

import sys
from pathlib import Path

from tacitus.pipeline import Pipeline
from tacitus.records import Article


def main() -> None:
    path, published = Path(sys.argv[1]), sys.argv[2]
    ms = Pipeline()(Article(text=path.read_text(encoding="utf-8"), published=published))
    print("| # | section | sent | trigger span | code | source | target | modality | said by (relation) "
          "| date (method) | place (precision) | group |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for i, m in enumerate(ms, 1):
        by = m.attribution.by.code if m.attribution.by else "outlet"
        date = f"{m.date.start} ({m.date.method})"
        place = f"{m.place.name}, {m.place.admin1 or m.place.country} ({m.place.precision})" if m.place else "-"
        print(f"| {i} | {m.section} | {m.sentence_index} | {m.trigger.start}-{m.trigger.end} | {m.cameo.code} "
              f"| {m.source.code if m.source else '-'} | {m.target.code if m.target else '-'} | {m.modality} "
              f"| {by} ({m.attribution.relation}) | {date} | {place} | {m.group_id[:7]} |")


if __name__ == "__main__":
    main()
