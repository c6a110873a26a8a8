"""The Ray Data engine: the same shards and run folder as the local engine, coded by Ray actors.

A dataset of one row per shard goes through ``map_batches`` with a callable class, so each actor
loads the models once; ``concurrency`` actors (``--workers``), ``batch_size`` shards per call
(``ray_batch_size``). Each actor codes a shard with one ``nlp.pipe`` batch and writes the shard's
Parquet files and marker itself, exactly as a local worker does, and returns only counts: on a
cluster the run folder must be on storage every node sees (a shared or network file system). With
no address, a local Ray is started in-process. Ray is an optional extra (``pip install
tacitus[ray]``); the local engine needs none of it.
"""

from __future__ import annotations

import json
import logging
import os
import pickle
from collections.abc import Iterator
from pathlib import Path
from typing import Any


class ShardCoder:
    """A Ray actor: loads the pipeline once, then codes and writes the shards it is given."""

    def __init__(self, out: str, batch_size: int | None = None) -> None:
        from . import local

        local._init_worker()
        self.out = out
        self.batch_size = batch_size
        self.pid = os.getpid()

    def __call__(self, batch: dict[str, Any]) -> dict[str, Any]:
        from .local import process_shard

        shards, counts = [], []
        for n, items in zip(batch["shard"], batch["items"]):
            shard, c, _ = process_shard(self.out, int(n), pickle.loads(items), self.batch_size)
            shards.append(shard)
            counts.append(json.dumps(c))
        return {"shard": shards, "counts": counts, "pid": [self.pid] * len(shards)}


def _start(workers: int, address: str | None) -> Any:
    try:
        import ray
    except ImportError as exc:  # pragma: no cover - depends on the installation
        raise RuntimeError("E301 the Ray engine needs Ray: pip install 'tacitus[ray]'") from exc
    if not ray.is_initialized():
        if address:
            ray.init(address=address, ignore_reinit_error=True, log_to_driver=False)
        else:
            ray.init(num_cpus=max(2, workers), include_dashboard=False, ignore_reinit_error=True,
                     log_to_driver=False, configure_logging=False)
    logging.getLogger("ray.data").setLevel(logging.WARNING)  # no per-run INFO lines under the bar
    ctx = ray.data.DataContext.get_current()
    ctx.enable_progress_bars = False  # tacitus draws its own bar
    # every actor is up (model loaded) before the first shard is handed out: the shards spread over all
    # of them instead of going to whichever actor started first
    ctx.wait_for_min_actors_s = max(ctx.wait_for_min_actors_s, 600)
    return ray


def code_shards(todo: list[tuple[int, list[dict[str, Any]]]], workers: int, address: str | None = None, *,
                out: str | Path, batch_size: int | None = None, ray_batch_size: int = 1
                ) -> Iterator[tuple[int, dict[str, Any], int]]:
    """Code and write every shard on Ray; yield (shard, counts, actor pid) as shards finish."""
    ray = _start(workers, address)
    if not todo:
        return
    ds = ray.data.from_items([{"shard": n, "items": pickle.dumps(s)} for n, s in todo],
                             override_num_blocks=len(todo))
    kwargs = {"batch_size": max(1, ray_batch_size), "num_cpus": 1,
              "fn_constructor_kwargs": {"out": str(Path(out).resolve()), "batch_size": batch_size}}
    try:
        # two shards in flight per actor: an actor never waits for its next shard, and the first actor
        # up cannot take every shard before the others are ready
        strategy = ray.data.ActorPoolStrategy(size=workers, max_tasks_in_flight_per_actor=2)
        coded = ds.map_batches(ShardCoder, compute=strategy, **kwargs)
    except (AttributeError, TypeError):  # pragma: no cover - older Ray: concurrency=
        coded = ds.map_batches(ShardCoder, concurrency=workers, **kwargs)
    for row in coded.iter_rows():
        yield int(row["shard"]), json.loads(row["counts"]), int(row["pid"])
