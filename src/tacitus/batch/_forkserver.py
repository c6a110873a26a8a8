"""Imported once by the local engine's fork server: it loads the pipeline there and runs it once on a
tiny article, so every worker process forked from it starts with the models in memory and everything
they initialise on first use already done (no load and no first-use cost per worker)."""

try:
    from .local import warm_up

    warm_up()
except Exception:  # noqa: BLE001, S110 - a worker then loads the pipeline itself and reports any error
    pass
