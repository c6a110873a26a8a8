"""Counts and near-duplicate measure for training part D: see ../rawstats.py.

Run:  python stats.py
"""
from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from rawstats import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main(HERE))
