"""The Ray Data engine: the same shards and run folder as the local engine, coded by Ray actors.

``map_batches`` with a callable class, so each actor loads the models once; ``concurrency`` actors,
one shard per batch. With no address, a local Ray is started in-process. Ray is an optional extra
(``pip install tacitus[ray]``); the local engine needs none of it.
"""

from __future__ import annotations

import os
import pickle
from typing import Any


class ShardCoder:
    """A Ray actor: loads the pipeline once, codes one shard per call."""

    def __init__(self) -> None:
        from . import local

        local._init_worker()
        self.pid = os.getpid()

    def __call__(self, batch: dict[str, Any]) -> dict[str, Any]:
        from .local import code_shard

        out_rows, pids = [], []
        for items in batch["items"]:
            out_rows.append(pickle.dumps(code_shard(pickle.loads(items))))
            pids.append(self.pid)
        return {"shard": list(batch["shard"]), "rows": out_rows, "pid": pids}


def code_shards(todo: list[tuple[int, list[dict[str, Any]]]], workers: int, address: str | None = None):  # noqa: ANN201
    """Yield (shard, rows, pid) for every shard, coded on Ray."""
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
    if not todo:
        return
    ds = ray.data.from_items([{"shard": n, "items": pickle.dumps(s)} for n, s in todo],
                             override_num_blocks=len(todo))
    try:
        strategy = ray.data.ActorPoolStrategy(size=workers)
        coded = ds.map_batches(ShardCoder, batch_size=1, compute=strategy, num_cpus=1)
    except (AttributeError, TypeError):  # older Ray: concurrency=
        coded = ds.map_batches(ShardCoder, batch_size=1, concurrency=workers, num_cpus=1)
    for row in coded.iter_rows():
        yield int(row["shard"]), pickle.loads(row["rows"]), int(row["pid"])
