"""Readers: files, directories, JSONL/CSV of articles, HTML and stdin → Article (or a recorded error).

One registry maps a file suffix to a reader; every reader yields ``Article`` or ``TacitusError``
items so that a batch records a bad record and goes on. Article schema (JSONL, CSV, Python):
``text`` (required), ``title``, ``published`` (ISO date or datetime, UTC when no zone),
``source`` (outlet), ``url``, ``id``.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

from ..errors import TacitusError
from ..records import Article, parse_published
from .validate import decode_bytes

Item = Article | TacitusError
Reader = Callable[[Path, dict], Iterator[Item]]
READERS: dict[str, Reader] = {}


def reader(*suffixes: str) -> Callable[[Reader], Reader]:
    def register(fn: Reader) -> Reader:
        for s in suffixes:
            READERS[s] = fn
        return fn
    return register


def _defaults(defaults: dict, **kw) -> dict:
    out = {k: v for k, v in defaults.items() if v is not None}
    out.update({k: v for k, v in kw.items() if v is not None})
    return out


def _from_record(data: object, where: str, defaults: dict) -> Item:
    try:
        if not isinstance(data, dict):
            raise ValueError("expected a JSON object")
        merged = {**{k: v for k, v in defaults.items() if v is not None}, **{k: v for k, v in data.items()
                                                                            if v not in (None, "")}}
        return Article.from_dict(merged)
    except (ValueError, TypeError) as exc:
        record_id = data.get("id") if isinstance(data, dict) else None
        return TacitusError("bad_record", f"{where}: {exc}", article_id=str(record_id or where))


@reader(".txt", ".text", "")
def read_text(path: Path, defaults: dict) -> Iterator[Item]:
    try:
        text = decode_bytes(path.read_bytes(), str(path))
    except TacitusError as err:
        err.article_id = str(path)
        yield err
        return
    title = next((ln.strip() for ln in text.splitlines() if ln.strip()), None)
    yield Article(text=text, title=title, **_article_kw(defaults, url=None))


def _article_kw(defaults: dict, url: str | None) -> dict:
    return {"published": parse_published(defaults.get("published")), "source": defaults.get("source"),
            "url": url or defaults.get("url")}


@reader(".html", ".htm", ".xhtml")
def read_html(path: Path, defaults: dict) -> Iterator[Item]:
    try:
        raw = decode_bytes(path.read_bytes(), str(path))
    except TacitusError as err:
        err.article_id = str(path)
        yield err
        return
    yield from html_to_articles(raw, str(path), defaults)


def html_to_articles(raw: str, where: str, defaults: dict) -> Iterator[Item]:
    import trafilatura

    doc = trafilatura.bare_extraction(raw, with_metadata=True, include_comments=False)
    if doc is None or not getattr(doc, "text", None):
        yield TacitusError("empty", f"{where}: no article text found in the HTML", article_id=where)
        return
    title = getattr(doc, "title", None)
    text = f"{title}\n\n{doc.text}" if title else doc.text
    published = defaults.get("published") or getattr(doc, "date", None)
    try:
        pub = parse_published(published)
    except ValueError:
        pub = None
    yield Article(text=text, title=title, published=pub,
                  source=defaults.get("source") or getattr(doc, "sitename", None),
                  url=defaults.get("url") or getattr(doc, "url", None))


@reader(".jsonl", ".ndjson")
def read_jsonl(path: Path, defaults: dict) -> Iterator[Item]:
    try:
        text = decode_bytes(path.read_bytes(), str(path))
    except TacitusError as err:
        yield err
        return
    yield from jsonl_lines(text.splitlines(), str(path), defaults)


def jsonl_lines(lines: list[str] | Iterator[str], where: str, defaults: dict) -> Iterator[Item]:
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            yield TacitusError("bad_record", f"{where}:{n}: not JSON ({exc.msg})", article_id=f"{where}:{n}")
            continue
        yield _from_record(data, f"{where}:{n}", defaults)


@reader(".json")
def read_json(path: Path, defaults: dict) -> Iterator[Item]:
    try:
        data = json.loads(decode_bytes(path.read_bytes(), str(path)))
    except TacitusError as err:
        yield err
        return
    except json.JSONDecodeError as exc:
        yield TacitusError("bad_record", f"{path}: not JSON ({exc.msg})", article_id=str(path))
        return
    for i, rec in enumerate(data if isinstance(data, list) else [data]):
        yield _from_record(rec, f"{path}[{i}]", defaults)


@reader(".csv", ".tsv")
def read_csv(path: Path, defaults: dict) -> Iterator[Item]:
    try:
        text = decode_bytes(path.read_bytes(), str(path))
    except TacitusError as err:
        yield err
        return
    delim = "\t" if path.suffix == ".tsv" else ","
    csv.field_size_limit(sys.maxsize)
    for n, row in enumerate(csv.DictReader(io.StringIO(text), delimiter=delim), start=2):
        yield _from_record(dict(row), f"{path}:{n}", defaults)


@reader(".rss", ".atom", ".xml")
def read_feed(path: Path | str, defaults: dict) -> Iterator[Item]:
    """RSS or Atom entries (feedparser): one article per entry, its content or summary as text (HTML
    stripped by trafilatura), the feed's title as the outlet."""
    import feedparser

    parsed = feedparser.parse(str(path))
    if parsed.bozo and not parsed.entries:
        yield TacitusError("bad_record", f"{path}: not an RSS or Atom feed ({parsed.bozo_exception})",
                           article_id=str(path))
        return
    outlet = defaults.get("source") or parsed.feed.get("title")
    for n, e in enumerate(parsed.entries):
        body = ""
        if e.get("content"):
            body = e["content"][0].get("value", "")
        body = body or e.get("summary", "")
        if "<" in body:
            import trafilatura

            body = trafilatura.extract(f"<html><body><article>{body}</article></body></html>") or ""
        title = e.get("title")
        text = f"{title}\n\n{body}" if title and body else (body or title or "")
        published = defaults.get("published") or e.get("published") or e.get("updated")
        try:
            pub = parse_published(_feed_date(published))
        except ValueError:
            pub = None
        where = f"{path}#{n}"
        if not text.strip():
            yield TacitusError("empty", f"{where}: feed entry with no text", article_id=where)
            continue
        yield Article(text=text, title=title, published=pub, source=outlet, url=e.get("link"),
                      article_id=e.get("id") or "")


def _feed_date(value: object) -> object:
    """RFC 822 dates of RSS ("Mon, 19 May 2014 10:00:00 GMT") to ISO; ISO passes through."""
    if isinstance(value, str) and value and not value[:4].isdigit():
        from email.utils import parsedate_to_datetime

        try:
            return parsedate_to_datetime(value).isoformat()
        except (TypeError, ValueError):
            return value
    return value


def read_path(path: str | Path, published: str | None = None, source: str | None = None) -> Iterator[Item]:
    """Articles from a file, a directory (recursively, sorted), or '-' for JSONL or text on stdin."""
    defaults = {"published": published, "source": source}
    if str(path) == "-":
        data = sys.stdin.buffer.read()
        try:
            text = decode_bytes(data, "<stdin>")
        except TacitusError as err:
            yield err
            return
        first = text.lstrip()[:1]
        if first == "{":
            yield from jsonl_lines(text.splitlines(), "<stdin>", defaults)
        else:
            yield Article(text=text, **_article_kw(defaults, url=None))
        return
    if str(path).startswith(("http://", "https://")):
        yield from read_feed(str(path), defaults)  # a feed URL (the only thing read from the network)
        return
    p = Path(path)
    if not p.exists():
        yield TacitusError("not_found", f"{p}: no such file or directory", article_id=str(p))
        return
    if p.is_dir():
        files = sorted(f for f in p.rglob("*") if f.is_file() and not f.name.startswith(".")
                       and f.suffix.lower() in READERS and f.suffix)
        for f in files:
            yield from READERS[f.suffix.lower()](f, defaults)
        return
    fn = READERS.get(p.suffix.lower(), read_text)
    yield from fn(p, defaults)


def sample_paths() -> list[Path]:
    """The bundled sample articles (written for Tacitus)."""
    folder = Path(__file__).resolve().parent.parent / "samples"
    return sorted(folder.glob("*.json"))
