"""Build sentences.jsonl for training part E (long, multi-event, wire-style sentences, second set).

Raw format and checks: ../rawlines.py.  Run:  python build.py   (ids e-00001 ...)
"""
from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from rawlines import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main(HERE, "e"))
