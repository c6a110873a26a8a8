"""CAMEO 1.1b3 codebook, the CAMEO→PLOVER crosswalk and the frame table, loaded from data files.

Files (``knowledge/data``): ``cameo.tsv`` (code, name, description, goldstein),
``cameo_plover.tsv`` (longest-prefix crosswalk), ``frames.tsv`` (embedded action → the code in the
appeal / intent / demand / reject / threaten roots). See knowledge/data/README.md.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..records import Cameo, Plover

DATA = Path(__file__).parent / "data"
CODEBOOK_VERSION = "CAMEO-1.1b3"
FRAME_KINDS = ("intent", "appeal", "demand", "reject", "threaten")


def read_tsv(path: Path) -> list[dict[str, str]]:
    """Read a TSV data file: header first, '#' comment lines allowed, surrounding blanks stripped."""
    with path.open(encoding="utf-8", newline="") as fh:
        lines = [ln for ln in fh if ln.strip() and not ln.startswith("#")]
    reader = csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)
    return [{k.strip(): (v or "").strip() for k, v in row.items() if k} for row in reader]


def quad_class(root: str) -> int:
    """CAMEO quad class: 1 verbal cooperation (01–05), 2 material cooperation (06–08),
    3 verbal conflict (09–13), 4 material conflict (14–20)."""
    r = int(root)
    if not 1 <= r <= 20:
        raise ValueError(f"not a CAMEO root: {root!r}")
    return 1 if r <= 5 else 2 if r <= 8 else 3 if r <= 13 else 4


@dataclass(frozen=True)
class CodeEntry:
    code: str
    name: str
    description: str
    goldstein: float


class Codebook:
    """Lookup of CAMEO codes, PLOVER types and frame codes."""

    def __init__(self, data_dir: Path = DATA) -> None:
        self.entries: dict[str, CodeEntry] = {}
        for row in read_tsv(data_dir / "cameo.tsv"):
            self.entries[row["code"]] = CodeEntry(row["code"], row["name"], row.get("description", ""),
                                                  float(row["goldstein"]))
        self._plover: dict[str, Plover | None] = {}
        for row in read_tsv(data_dir / "cameo_plover.tsv"):
            t = row.get("plover_type") or ""
            self._plover[row["cameo"]] = Plover(t, row.get("plover_mode") or None) if t else None
        self._frames: dict[str, dict[str, str]] = {}
        for row in read_tsv(data_dir / "frames.tsv"):
            self._frames[row["embedded"]] = {k: row.get(k, "") for k in FRAME_KINDS}
        self.version = CODEBOOK_VERSION

    def __contains__(self, code: str) -> bool:
        return code in self.entries

    def cameo(self, code: str) -> Cameo:
        """The full CAMEO record of a code; unknown codes raise KeyError."""
        entry = self.entries[code]
        root = code[:2]
        return Cameo(code=code, root=root, label=entry.name, goldstein=entry.goldstein,
                     quad_class=quad_class(root))

    def plover(self, code: str) -> Plover | None:
        """PLOVER type by longest CAMEO prefix; None where PLOVER has no type (e.g. statements)."""
        for n in range(len(code), 1, -1):
            if code[:n] in self._plover:
                return self._plover[code[:n]]
        return None

    def frame_code(self, kind: str, embedded: str | None) -> str | None:
        """The code in the appeal/intent/demand/reject/threaten root for an embedded action code.

        Longest-prefix match on ``embedded``; an empty cell means the frame is not coded for that
        action (None). Without an embedded action, the root-level default row ``*``.
        """
        if kind not in FRAME_KINDS:
            raise ValueError(f"unknown frame kind {kind!r}")
        if embedded:
            for n in range(len(embedded), 1, -1):
                row = self._frames.get(embedded[:n])
                if row is not None:
                    return row.get(kind) or None
        default = self._frames.get("*", {}).get(kind)
        return default or {"appeal": "020", "intent": "030", "demand": "100", "reject": "120",
                           "threaten": "130"}[kind]


@lru_cache(maxsize=1)
def default_codebook() -> Codebook:
    return Codebook()
