"""The command line: thin commands over the library."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from . import __version__
from .errors import TacitusError
from .records import Mention


def _table_rows(mentions: list[Mention]) -> list[str]:
    rows = []
    for m in mentions:
        src = m.source.code if m.source else "-"
        tgt = m.target.code if m.target else "-"
        date = m.date.start.isoformat() if m.date.start else "-"
        place = m.place.name if m.place else "-"
        by = m.attribution.by.code if m.attribution.by else "outlet"
        rows.append(f"{m.cameo.code:<5} {src:<10} {tgt:<10} {m.modality:<12} {m.attribution.relation:<11} "
                    f"{by:<10} {date:<10} {place[:18]:<18} {m.trigger.text!r} [{m.evidence.start}:{m.evidence.end}]")
    return rows


def _emit(result, fmt: str, out) -> None:  # noqa: ANN001
    if fmt == "jsonl":
        for m in result.mentions:
            out.write(m.to_json() + "\n")
    elif fmt == "json":
        out.write(json.dumps({"article_id": result.article.article_id,
                              "mentions": [m.to_dict() for m in result.mentions]}, ensure_ascii=False) + "\n")
    else:
        a = result.article
        head = a.title or a.article_id
        out.write(f"# {head} ({a.source or 'unknown outlet'}, {a.published_date or 'no date'}): "
                  f"{len(result.mentions)} mentions\n")
        out.write(f"{'code':<5} {'source':<10} {'target':<10} {'modality':<12} {'relation':<11} "
                  f"{'said by':<10} {'date':<10} {'place':<18} trigger [evidence]\n")
        for row in _table_rows(result.mentions):
            out.write(row + "\n")
        out.write("\n")


@click.group()
@click.version_option(__version__, prog_name="tacitus")
def main() -> None:
    """Tacitus: news in, coded events out."""


@main.command()
@click.argument("inputs", nargs=-1)
@click.option("--sample", is_flag=True, help="Code the bundled sample articles.")
@click.option("--published", help="Publication date (ISO) for inputs that carry none.")
@click.option("--source", "outlet", help="Outlet name for inputs that carry none.")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "json"]), default=None,
              help="Output format (default: table on a terminal, jsonl otherwise).")
@click.option("--skips", type=click.Path(dir_okay=False, writable=True),
              help="Write skipped inputs (JSONL: article_id, stage, code, message) to this file.")
@click.option("--max-article-chars", type=int, default=1_000_000, show_default=True)
def extract(inputs: tuple[str, ...], sample: bool, published: str | None, outlet: str | None, fmt: str | None,
            skips: str | None, max_article_chars: int) -> None:
    """Code articles: files, directories, JSONL/CSV of articles, or - for stdin."""
    from .ingest.readers import read_path, sample_paths
    from .pipeline import Pipeline, Settings

    paths = list(inputs)
    if sample:
        paths.extend(str(p) for p in sample_paths())
    if not paths:
        raise click.UsageError("give a file, a directory, '-' for stdin, or --sample")
    fmt = fmt or ("table" if sys.stdout.isatty() else "jsonl")
    if published:
        try:
            from .records import parse_published
            parse_published(published)
        except ValueError as exc:
            raise click.BadParameter(str(exc), param_hint="--published") from exc

    def items():
        for p in paths:
            yield from read_path(p, published=published, source=outlet)

    pipeline = Pipeline(Settings(max_article_chars=max_article_chars))
    n_articles = n_mentions = 0
    skipped: list[dict] = []
    out = sys.stdout
    for result in pipeline.pipe(items()):
        if result.skip is not None:
            skipped.append(result.skip.to_dict())
            click.echo(f"skipped {result.skip.article_id}: {result.skip.code}: {result.skip.message}", err=True)
            continue
        n_articles += 1
        n_mentions += len(result.mentions)
        _emit(result, fmt, out)
    if skips:
        with open(skips, "w", encoding="utf-8") as fh:
            for s in skipped:
                fh.write(json.dumps(s) + "\n")
    click.echo(f"{n_articles} articles coded, {n_mentions} mentions, {len(skipped)} skipped", err=True)
    if skipped and n_articles == 0 and len(skipped) == 1:
        sys.exit(1)  # a single input that could not be coded


@main.command()
@click.argument("gold", nargs=-1, required=True)
@click.option("--view", type=click.Choice(["auto", "all", "petrarch"]), default="auto",
              help="Which mentions count: all, or PETRARCH's conventions (auto: petrarch for .xml).")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
def evaluate(gold: tuple[str, ...], view: str, as_json: bool) -> None:
    """Score the pipeline on gold files (our JSONL or PETRARCH validation XML)."""
    from .evaluate import evaluate as run
    from .evaluate import format_report, load_gold
    from .pipeline import Pipeline

    pipeline = Pipeline()
    reports = []
    for path in gold:
        try:
            sentences = load_gold(path)
        except (OSError, ValueError) as exc:
            raise click.ClickException(str(exc)) from exc
        v = view if view != "auto" else ("petrarch" if path.endswith(".xml") else "all")
        rep = run(sentences, pipeline, Path(path).name, view=v)
        reports.append(rep)
        if not as_json:
            click.echo(format_report(rep) + f"\n  (view: {v})\n")
    if as_json:
        click.echo(json.dumps([r.to_dict() for r in reports], indent=2))


def run() -> None:  # pragma: no cover
    try:
        main()
    except TacitusError as err:
        click.echo(f"error: {err}", err=True)
        sys.exit(1)


if __name__ == "__main__":  # pragma: no cover
    main()
