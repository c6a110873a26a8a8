"""Checks an article must pass before it is parsed: text present, text not binary, English, size."""

from __future__ import annotations

import re

from ..errors import TacitusError
from ..records import Article

_WORD = re.compile(r"[A-Za-z\u00C0-\u024F\u0400-\u04FF\u0600-\u06FF\u4E00-\u9FFF]+")
ENGLISH_FUNCTION_WORDS = frozenset(
    "the of and to in a is that for on was with as by at from it he said his be are has have had were "
    "an not this but its they which their who will after been would also than more or".split()
)


def check_article(article: Article, max_chars: int) -> None:
    """Raise TacitusError (code empty/binary/too_large/not_english) when the article cannot be coded."""
    text = article.text
    aid = article.article_id
    if len(text) > max_chars:
        raise TacitusError("too_large", f"{len(text):,} characters; max_article_chars is {max_chars:,}",
                           article_id=aid)
    if not text.strip():
        raise TacitusError("empty", "the article has no text", article_id=aid)
    sample = text[:20000]
    controls = sum(1 for c in sample if (ord(c) < 32 and c not in "\n\r\t\f\v") or c == "\ufffd")
    if "\x00" in sample or controls > max(3, len(sample) // 100):
        raise TacitusError("binary", "the text holds control characters or NUL bytes: binary data?",
                           article_id=aid)
    words = [w.lower() for w in _WORD.findall(sample)]
    if len(words) >= 12:
        english = sum(1 for w in words if w in ENGLISH_FUNCTION_WORDS)
        latin = sum(1 for w in words if w.isascii())
        if latin / len(words) < 0.5 or english / len(words) < 0.06:
            raise TacitusError("not_english", "the text does not look like English "
                               f"({english} of {len(words)} words are common English words)", article_id=aid)
    elif not any(w.isascii() for w in words):
        raise TacitusError("not_english", "the text holds no English words", article_id=aid)


def decode_bytes(data: bytes, name: str) -> str:
    """Decode a file's bytes as UTF-8 (BOM allowed); anything else is a clear error, never a guess."""
    if b"\x00" in data[:4096]:
        raise TacitusError("binary", f"{name}: holds NUL bytes: binary data, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise TacitusError(
            "encoding", f"{name}: not valid UTF-8 at byte {exc.start} (convert it to UTF-8 first)"
        ) from exc
