"""Store at scale: 1 million synthetic mentions — bulk ingest rate (Arrow, one transaction), a
weekly dyad series and a filtered query. (Linking is measured on the demo corpus, not here.)

    python benchmarks/store_scale.py [--rows 1000000] [--db /tmp/scale.duckdb]
"""

from __future__ import annotations

import argparse
import random
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pyarrow as pa

from tacitus.store import open_store
from tacitus.store.analysis import series
from tacitus.store.store import MENTION_SCHEMA

COUNTRIES = ["RUS", "UKR", "USA", "DEU", "FRA", "GBR", "POL", "BLR", "TUR", "CHN", "SYR", "ISR", "IRN", "GEO"]
SECTORS = ["GOV", "MIL", "REB", "CVL", "COP", ""]
MODALITIES = ["actual"] * 7 + ["planned", "negated", "hypothetical", "demanded", "historical"]


def synthetic(n: int, seed: int = 7) -> pa.Table:
    rng = random.Random(seed)
    d0 = date(2014, 1, 1)
    cols: dict[str, list] = {name: [] for name in MENTION_SCHEMA.names}
    for i in range(n):
        s, t = rng.choice(COUNTRIES), rng.choice(COUNTRIES)
        root = f"{rng.randint(1, 20):02d}"
        d = d0 + timedelta(days=rng.randint(0, 729))
        quad = 1 if root <= "05" else 2 if root <= "08" else 3 if root <= "13" else 4
        row = {n_: None for n_ in MENTION_SCHEMA.names}
        row.update({
            "mention_id": f"m{i:09d}", "article_id": f"a{i // 4:08d}", "group_id": f"g{i // 2:09d}",
            "sentence_index": i % 20, "section": "body", "evidence_start": 0, "evidence_end": 80,
            "evidence_text": f"synthetic sentence {i} about {s} and {t}", "trigger_start": 10, "trigger_end": 16,
            "trigger_text": "struck", "source_code": s + rng.choice(SECTORS), "source_country": s,
            "target_code": t + rng.choice(SECTORS), "target_country": t, "cameo_code": root + "0", "cameo_root": root,
            "cameo_label": "synthetic", "goldstein": rng.uniform(-10, 10), "quad_class": quad,
            "modality": rng.choice(MODALITIES), "attr_relation": "outlet", "date_start": d, "date_end": d,
            "date_granularity": "day", "date_method": "publication", "confidence": 0.5, "pipeline_version": "bench",
            "codebook": "CAMEO-1.1b3", "kb_as_of": "2026-11-25",
            "published": datetime(d.year, d.month, d.day, tzinfo=timezone.utc), "outlet": "Synthetic Wire",
            "record": "{}",
        })
        for k, v in row.items():
            cols[k].append(v)
    return pa.Table.from_pydict(cols, schema=MENTION_SCHEMA)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=1_000_000)
    ap.add_argument("--db", default="/tmp/tacitus-scale.duckdb")
    args = ap.parse_args()
    Path(args.db).unlink(missing_ok=True)
    t = time.perf_counter()
    table = synthetic(args.rows)
    gen = time.perf_counter() - t
    with open_store(args.db) as store:
        con = store.con
        t = time.perf_counter()
        con.register("_bench", table)
        con.execute("BEGIN TRANSACTION")
        con.execute(f"INSERT INTO mentions ({', '.join(MENTION_SCHEMA.names)}) SELECT * FROM _bench")
        con.execute("COMMIT")
        ingest = time.perf_counter() - t
        t = time.perf_counter()
        rows = series(con, "RUS-UKR", "week")
        series_s = time.perf_counter() - t
        t = time.perf_counter()
        found = store.query(dyad="RUS-UKR", root="19", modality="actual", since="2014-05-01", until="2014-08-31",
                            limit=10000)
        query_s = time.perf_counter() - t
    print(f"{args.rows:,} synthetic mentions (generated in {gen:.1f} s)")
    print(f"  bulk ingest (Arrow, one transaction): {ingest:.2f} s = {args.rows / ingest:,.0f} rows/s")
    print(f"  weekly RUS-UKR series ({len(rows)} weeks): {series_s:.3f} s  (target < 1 s)")
    print(f"  filtered query (dyad, root, modality, 4 months; {len(found)} rows): {query_s:.3f} s")


if __name__ == "__main__":
    main()
