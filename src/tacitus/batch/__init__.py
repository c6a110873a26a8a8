"""Batch runners over the same Pipeline.pipe: the local engine (processes); Ray comes next."""
