"""Errors with stable codes. In batch mode the same codes become recorded skips."""

from __future__ import annotations

SKIP_CODES = {
    "empty": "the article has no text",
    "binary": "the input looks like binary data, not text",
    "encoding": "the input is not valid UTF-8 text",
    "not_english": "the article does not look like English",
    "too_large": "the article is longer than max_article_chars",
    "not_found": "the input file does not exist",
    "bad_record": "the input record is malformed",
    "failed": "a stage raised an unexpected error",
}


class TacitusError(Exception):
    """A bad input or a failed stage, with a stable ``code`` from SKIP_CODES."""

    def __init__(self, code: str, message: str, stage: str = "input", article_id: str | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.stage = stage
        self.message = message
        self.article_id = article_id

    def __str__(self) -> str:
        return f"{self.code}: {self.message}"
