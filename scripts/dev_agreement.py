"""Inter-coder agreement on the dev set: Cohen's kappa on which CAMEO roots each sentence has
(a yes/no decision per sentence and root), on the first-listed root per sentence (with 'none'), and on
modality of events both coders found (same root and source country); plus F1 between the coders on
(source, target, root).

    python scripts/dev_agreement.py dev/coder_a.jsonl dev/coder_b.jsonl
"""

from __future__ import annotations

import json
import sys
from collections import Counter


def kappa(pairs: list[tuple[str, str]]) -> float:
    n = len(pairs)
    if not n:
        return float("nan")
    po = sum(a == b for a, b in pairs) / n
    ca, cb = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    pe = sum(ca[k] * cb[k] for k in set(ca) | set(cb)) / (n * n)
    return (po - pe) / (1 - pe) if pe < 1 else 1.0


def load(path: str) -> dict[str, list[dict]]:
    return {d["id"]: d["events"] for d in map(json.loads, open(path, encoding="utf-8")) if d}


def key(e: dict) -> tuple[str, str, str]:
    return ((e.get("source") or "---")[:3], (e.get("target") or "---")[:3], e["code"][:2])


def main() -> None:
    a, b = load(sys.argv[1]), load(sys.argv[2])
    ids = sorted(set(a) & set(b))
    roots = [f"{r:02d}" for r in range(1, 21)]
    binary = [(str(r in {e["code"][:2] for e in a[i]}), str(r in {e["code"][:2] for e in b[i]}))
              for i in ids for r in roots]
    first = [((a[i][0]["code"][:2] if a[i] else "none"), (b[i][0]["code"][:2] if b[i] else "none")) for i in ids]
    tp = fa = fb = 0
    mods = []
    for i in ids:
        ka, kb = Counter(key(e) for e in a[i]), Counter(key(e) for e in b[i])
        hit = sum((ka & kb).values())
        tp, fa, fb = tp + hit, fa + sum(ka.values()) - hit, fb + sum(kb.values()) - hit
        used = set()
        for ea in a[i]:
            for j, eb in enumerate(b[i]):
                if j not in used and key(ea)[::2] == key(eb)[::2]:
                    used.add(j)
                    mods.append((ea["modality"], eb["modality"]))
                    break
    f1 = 2 * tp / (2 * tp + fa + fb) if tp else 0.0
    print(f"sentences coded by both: {len(ids)}")
    print(f"kappa, root present per sentence (20 yes/no decisions each): {kappa(binary):.3f}")
    print(f"kappa, first root per sentence (with none): {kappa(first):.3f}")
    print(f"agreement F1 on (source, target, root) events: {f1:.3f}  (A {tp + fa}, B {tp + fb}, both {tp})")
    print(f"kappa, modality of events both found ({len(mods)}): {kappa(mods):.3f}")


if __name__ == "__main__":
    main()
