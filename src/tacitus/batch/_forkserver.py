"""Imported once by the local engine's fork server: it loads the pipeline there, so every worker
process forked from it starts with the models already in memory (no load per worker)."""

try:
    from .local import _init_worker

    _init_worker()
except Exception:  # noqa: BLE001, S110 - a worker then loads the pipeline itself and reports any error
    pass
