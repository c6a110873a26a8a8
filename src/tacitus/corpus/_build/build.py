#!/usr/bin/env python3
"""Build the Tacitus demo corpus from the annotated source files in this folder.

Source format (articles_*.txt): each article starts with a line "@@@ <id>", then
"key: value" header lines (source, published, url), a line "---", then the article
text. Gold mentions are marked inline as  <<SPEC|sentence text>>  where SPEC is one
or more entries separated by ";;", each entry being
    event~source~target~code~modality~attribution~event_date~place
with "-" for a null target or place. The markup is stripped from the published text;
the sentence inside the markup becomes the gold "sentence" verbatim.

Run:  python3 corpus/_build/build.py     (writes corpus/articles/*.json and corpus/gold.jsonl)
"""
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent
MARK = re.compile(r"<<([^|<>]+)\|([^<>|]+?)>>", re.S)


def parse_specs(spec, sentence, art_id):
    out = []
    for entry in spec.split(";;"):
        f = [x.strip() for x in entry.split("~")]
        if len(f) != 8:
            sys.exit(f"{art_id}: bad spec {entry!r}")
        ev, src, tgt, code, mod, att, date, place = f
        out.append({
            "article_id": art_id,
            "sentence": sentence,
            "source": src,
            "target": None if tgt == "-" else tgt,
            "code": code,
            "modality": mod,
            "attribution": att,
            "event_date": date,
            "place": None if place == "-" else place,
            "event": ev,
        })
    return out


def main():
    articles, gold = [], []
    for src in sorted(HERE.glob("articles_*.txt")):
        raw = src.read_text(encoding="utf-8")
        for block in raw.split("@@@ ")[1:]:
            head, _, body = block.partition("\n---\n")
            lines = head.strip().splitlines()
            art_id = lines[0].strip()
            meta = dict(l.split(": ", 1) for l in lines[1:])
            body = body.strip("\n")
            # normalise: paragraphs separated by exactly one blank line
            paras = [re.sub(r"\s*\n\s*", " ", p.strip()) for p in re.split(r"\n\s*\n", body) if p.strip()]
            marked = "\n\n".join(paras)
            for m in MARK.finditer(marked):
                gold.extend(parse_specs(m.group(1), m.group(2), art_id))
            text = MARK.sub(lambda m: m.group(2), marked)
            title = text.split("\n", 1)[0].strip()
            articles.append({
                "id": art_id,
                "title": title,
                "published": meta["published"],
                "source": meta["source"],
                "url": meta["url"],
                "text": text,
            })
    outdir = CORPUS / "articles"
    outdir.mkdir(exist_ok=True)
    for old in outdir.glob("*.json"):
        old.unlink()
    for a in articles:
        (outdir / f"{a['id']}.json").write_text(json.dumps(a, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    with open(CORPUS / "gold.jsonl", "w", encoding="utf-8") as fh:
        for g in gold:
            fh.write(json.dumps(g, ensure_ascii=False) + "\n")
    print(f"{len(articles)} articles, {len(gold)} gold mentions")


if __name__ == "__main__":
    main()
