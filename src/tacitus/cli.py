"""The command line: thin commands over the library."""

from __future__ import annotations

import csv
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
@click.option("--report", "report_fmt", type=click.Choice(["md", "json"]),
              help="The full report instead: per-root P/R/F1 with base rates, confusion matrix of roots, "
                   "bootstrap 95 % intervals and the keyword baseline, as Markdown or JSON.")
@click.option("--resamples", type=click.IntRange(min=1), default=1000, show_default=True,
              help="Bootstrap resamples (with --report).")
@click.option("--seed", type=int, default=None, help="Bootstrap seed (with --report; default: fixed).")
@click.option("--baseline/--no-baseline", default=True, show_default=True,
              help="Score the keyword baseline too (with --report).")
def evaluate(gold: tuple[str, ...], view: str, as_json: bool, report_fmt: str | None, resamples: int,
             seed: int | None, baseline: bool) -> None:
    """Score the pipeline on gold files (our JSONL or PETRARCH validation XML)."""
    from .evaluate import evaluate as run
    from .evaluate import format_report, load_gold
    from .pipeline import Pipeline

    pipeline = Pipeline()
    reports = []
    files = []
    for path in gold:
        try:
            sentences = load_gold(path)
        except (OSError, ValueError) as exc:
            raise click.ClickException(str(exc)) from exc
        v = view if view != "auto" else ("petrarch" if path.endswith(".xml") else "all")
        if report_fmt:
            from . import evalreport as er

            base = er.KeywordBaseline(pipeline.kb) if baseline else None
            files.append(er.file_report(sentences, pipeline, Path(path).name, v, base, resamples,
                                        er.DEFAULT_SEED if seed is None else seed))
            continue
        rep = run(sentences, pipeline, Path(path).name, view=v)
        reports.append(rep)
        if not as_json:
            click.echo(format_report(rep) + f"\n  (view: {v})\n")
    if report_fmt == "json":
        click.echo(json.dumps(files, indent=2))
    elif report_fmt == "md":
        from .evalreport import to_markdown

        click.echo(to_markdown(files), nl=False)
    elif as_json:
        click.echo(json.dumps([r.to_dict() for r in reports], indent=2))


DEFAULT_DB = "tacitus.duckdb"


@main.command()
@click.argument("data", nargs=-1, type=click.Path(exists=True))
@click.option("--out", type=click.Path(file_okay=False), default=None,
              help="Folder for the model files (default: the bundled model in the package).")
@click.option("--seed", type=int, default=13, show_default=True)
@click.option("--c", "reg_c", type=float, default=0.5, show_default=True, help="Inverse L2 strength.")
@click.option("--min-count", type=int, default=2, show_default=True, help="Keep features seen this often.")
@click.option("--holdout", type=float, default=0.0, show_default=True,
              help="Share of sentences held out and scored (0: train on all).")
def train(data: tuple[str, ...], out: str | None, seed: int, reg_c: float, min_count: int, holdout: float) -> None:
    """Train the event classifiers on labelled sentences (JSONL files or folders; default training/).

    Deterministic: the same data, spaCy model and seed give the same files. Use the result with
    TACITUS_MODEL_DIR=OUT, or without --out to replace the bundled model."""
    from .model import MODEL_DIR
    from .model.train import train as run_train
    from .pipeline import Pipeline

    paths = [Path(d) for d in data] or [Path("training")]
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        raise click.ClickException(f"no labelled data at {', '.join(missing)}")
    try:
        report = run_train(paths, Path(out) if out else MODEL_DIR, Pipeline(model=None), seed=seed, c=reg_c,
                           min_count=min_count, holdout=holdout)
    except ValueError as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(json.dumps(report, indent=1))


def _items(paths: list[str], published: str | None, outlet: str | None):  # noqa: ANN202
    from .ingest.readers import read_path

    for p in paths:
        yield from read_path(p, published=published, source=outlet)


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--db", default=DEFAULT_DB, show_default=True, help="The DuckDB store file.")
@click.option("--published", help="Publication date for inputs that carry none.")
@click.option("--source", "outlet", help="Outlet for inputs that carry none.")
@click.option("--batch-size", type=int, default=64, show_default=True)
@click.option("--force", is_flag=True, help="Re-code articles already coded by this version.")
@click.option("--progress/--no-progress", default=None, help="Progress bar (default: on a terminal).")
def ingest(inputs: tuple[str, ...], db: str, published: str | None, outlet: str | None, batch_size: int,
           force: bool, progress: bool | None) -> None:
    """Code articles and store them (idempotent, resumable: coded articles are not coded again)."""
    from .store import open_store

    show = sys.stderr.isatty() if progress is None else progress
    bar = None
    if show:
        from tqdm import tqdm
        bar = tqdm(unit=" articles", desc="ingest", file=sys.stderr)

    def tick(report) -> None:  # noqa: ANN001
        if bar is not None:
            bar.n = report.articles_seen
            bar.set_postfix(mentions=report.mentions, skipped=report.skipped, unchanged=report.unchanged)
            bar.refresh()

    from .batch.local import is_run_folder

    with open_store(db) as store:
        for path in inputs:
            if is_run_folder(path):
                report = store.ingest_run(path)  # the output of `tacitus batch`: no re-coding
            else:
                report = store.ingest(_items([path], published, outlet), batch_size=batch_size, input_name=path,
                                      force=force, progress=tick)
            for s in report.skips:
                click.echo(f"skipped {s['article_id']}: {s['code']}: {s['message']}", err=True)
            click.echo(f"{path}: {report.coded} coded, {report.unchanged} unchanged, {report.skipped} skipped, "
                       f"{report.mentions} mentions", err=True)
        linked = store.link()
        counts = store.counts()
    if bar is not None:
        bar.close()
    click.echo(f"linked {linked['links']} mentions into {linked['events']} events", err=True)
    click.echo(f"{db}: {counts['articles']} articles, {counts['mentions']} mentions, {counts['skips']} skips")


def _filter_options(fn):  # noqa: ANN001, ANN202
    from .store.query import FILTERS

    for f in reversed(FILTERS):
        fn = click.option(f"--{f.name.replace('_', '-')}", f.name, default=None, help=f.help)(fn)
    return fn


@main.command()
@click.option("--db", default=DEFAULT_DB, show_default=True)
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "csv"]), default="table", show_default=True)
@_filter_options
def query(db: str, fmt: str, **filters: str | None) -> None:
    """Mentions matching filters, e.g. --source RUS --target UKR --root 03 --since 2014-05-01."""
    from .store import open_store

    with open_store(db, read_only=True) as store:
        try:
            rows = store.query(**{k: v for k, v in filters.items() if v is not None})
        except ValueError as exc:
            raise click.BadParameter(str(exc)) from exc
    if fmt == "jsonl":
        for r in rows:
            click.echo(r["record"])
    elif fmt == "csv":
        from .export import CSV_COLUMNS
        w = csv.writer(sys.stdout, lineterminator="\n")
        w.writerow(CSV_COLUMNS)
        for r in rows:
            w.writerow(["" if r[c] is None else r[c] for c in CSV_COLUMNS])
    else:
        click.echo(f"{'date':<10} {'code':<5} {'source':<10} {'target':<10} {'modality':<12} {'relation':<11} "
                   f"{'place':<18} {'outlet':<16} evidence")
        for r in rows:
            d = r["date_start"].isoformat() if r["date_start"] else "-"
            click.echo(f"{d:<10} {r['cameo_code']:<5} {r['source_code'] or '-':<10} {r['target_code'] or '-':<10} "
                       f"{r['modality']:<12} {r['attr_relation']:<11} {(r['place_name'] or '-')[:18]:<18} "
                       f"{(r['outlet'] or '-')[:16]:<16} {r['evidence_text'][:80]}")
        click.echo(f"({len(rows)} mentions)", err=True)


@main.command()
@click.option("--db", default=DEFAULT_DB, show_default=True)
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "parquet", "gdelt", "icews", "polecat"]),
              required=True)
@click.option("--out", required=True, help="Output file, or - for standard output.")
def export(db: str, fmt: str, out: str) -> None:
    """Export the store as GDELT 2.0 events, ICEWS, POLECAT-style PLOVER JSON, JSONL, CSV or Parquet."""
    from .export import export as run
    from .store import open_store

    with open_store(db, read_only=True) as store:
        try:
            n = run(store.con, fmt, out)
        except ValueError as exc:
            raise click.BadParameter(str(exc)) from exc
    click.echo(f"{n} rows written ({fmt})", err=True)


@main.command()
@click.option("--db", default=DEFAULT_DB, show_default=True)
@click.option("--batch-size", type=int, default=64, show_default=True)
def recode(db: str, batch_size: int) -> None:
    """Re-code every stored article with the current pipeline; print what changed."""
    from .records import Article
    from .store import open_store

    with open_store(db) as store:
        before = dict(store.con.execute("SELECT cameo_root, count(*) FROM mentions GROUP BY 1").fetchall())
        versions = store.con.execute("SELECT pipeline_version, count(*) FROM codings GROUP BY 1").fetchall()
        rows = store.con.execute("SELECT article_id, text, title, published, outlet, url, language FROM articles "
                                 "ORDER BY article_id").fetchall()
        articles = (Article(text=t, title=ti, published=p, source=o, url=u, article_id=a, language=lang or "en")
                    for a, t, ti, p, o, u, lang in rows)
        report = store.ingest(articles, batch_size=batch_size, input_name="recode", force=True)
        store.link()
        after = dict(store.con.execute("SELECT cameo_root, count(*) FROM mentions GROUP BY 1").fetchall())
    click.echo(f"re-coded {report.coded} articles (were coded by: "
               + ", ".join(f"{v} ×{n}" for v, n in versions) + f"); now {__version__}")
    for root in sorted(set(before) | set(after)):
        b, a = before.get(root, 0), after.get(root, 0)
        if a != b:
            click.echo(f"  root {root}: {b} → {a} mentions")
    click.echo(f"mentions: {sum(before.values())} → {sum(after.values())}")


@main.command()
@click.option("--db", default=DEFAULT_DB, show_default=True)
@click.option("--status", type=click.Choice(["confirmed", "self_reported", "not_yet_observed", "contradicted",
                                             "unverified"]), default=None)
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def claims(db: str, status: str | None, fmt: str) -> None:
    """Announcements and claims, and what became of them: status, repeats, evidence for and against."""
    from .store import open_store
    from .store.link import claims as run

    with open_store(db, read_only=True) as store:
        items = [c for c in run(store.con, limit=10000) if status is None or c["status"] == status]
    if fmt == "json":
        click.echo(json.dumps(items, default=str, indent=2, ensure_ascii=False))
        return
    for c in items:
        rep = f"; repeats {len(c['repeats'])} earlier announcement(s)" if c["repeats"] else ""
        click.echo(f"{c['first_date']}  {c['source_side']}->{c['target_side'] or '?'}  {c['base_code']}  "
                   f"{c['status'].upper()}  ({c['n_mentions']} mentions, {c['n_sources']} independent sources{rep})")
        for e in c["evidence"]:
            who = e["attr_by_code"] or e["outlet"] or "outlet"
            click.echo(f"    {e['side']:<7} {e['modality']:<12} {who:<16} {str(e['published'])[:10]}  "
                       f"{e['evidence_text'][:90]}")


@main.command()
@click.option("--db", default=DEFAULT_DB, show_default=True)
@click.option("--dyad", required=True, help="Directed dyad of ISO-3 countries, e.g. RUS-UKR.")
@click.option("--freq", type=click.Choice(["day", "week", "month"]), default="week", show_default=True)
@click.option("--dedup", is_flag=True, help="Count linked events instead of raw mentions.")
@click.option("--modality", default="actual", show_default=True,
              help="Modalities that count, comma-separated (historical and hypothetical never by default).")
@click.option("--since")
@click.option("--until")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
def series(db: str, dyad: str, freq: str, dedup: bool, modality: str, since: str | None, until: str | None,
           fmt: str) -> None:
    """A dyad's counts per quad class and pentaclass, Goldstein sum and mean, per period."""
    from datetime import date as _date

    from .store import open_store
    from .store.analysis import series as run

    try:
        mods = [m.strip() for m in modality.split(",") if m.strip()]
        with open_store(db, read_only=True) as store:
            rows = run(store.con, dyad, freq, dedup, mods, _date.fromisoformat(since) if since else None,
                       _date.fromisoformat(until) if until else None)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from exc
    cols = ["period", "count", "q1", "q2", "q3", "q4", "p0", "p1", "p2", "p3", "p4", "goldstein_sum",
            "goldstein_mean", "articles", "per_100_articles"]
    if fmt == "json":
        click.echo(json.dumps(rows, default=str, indent=2))
    elif fmt == "csv":
        click.echo(",".join(cols))
        for r in rows:
            click.echo(",".join("" if r[c] is None else str(r[c]) for c in cols))
    else:
        click.echo("  ".join(f"{c:>10}" for c in cols))
        for r in rows:
            click.echo("  ".join(f"{'' if r[c] is None else str(r[c]):>10}" for c in cols))


@main.command()
@click.option("--db", default=DEFAULT_DB, show_default=True)
@click.option("--freq", type=click.Choice(["day", "week", "month"]), default="week", show_default=True)
@click.option("--window", type=int, default=8, show_default=True, help="Trailing periods in the baseline.")
@click.option("--z", "z_threshold", type=float, default=3.0, show_default=True)
@click.option("--min-count", type=int, default=3, show_default=True)
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def alerts(db: str, freq: str, window: int, z_threshold: float, min_count: int, fmt: str) -> None:
    """Escalation alerts: material-conflict spikes against a dyad's own baseline; first-ever event types."""
    from .store import open_store
    from .store.analysis import alerts as run

    with open_store(db, read_only=True) as store:
        found = run(store.con, freq, window, z_threshold, min_count)
    if fmt == "json":
        click.echo(json.dumps([a.to_dict() for a in found], indent=2))
        return
    for a in found:
        click.echo(f"{a.period}  {a.dyad:<8} {a.kind:<6} {a.detail}" + (f" (z {a.z})" if a.z is not None else ""))
    click.echo(f"({len(found)} alerts)", err=True)


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--out", required=True, help="The run folder to write (Parquet + manifest).")
@click.option("--engine", type=click.Choice(["local", "ray"]), default="local", show_default=True,
              help="local: worker processes on this machine; ray: Ray Data actors (pip install tacitus[ray]).")
@click.option("--address", help="Ray cluster address (ray://head:10001); default: a local Ray in-process.")
@click.option("--workers", type=int, default=2, show_default=True,
              help="Worker processes (local) or actors, Ray map_batches concurrency (ray).")
@click.option("--shard-size", type=int, default=128, show_default=True,
              help="Articles per shard: the unit of work, of output files and of --resume.")
@click.option("--batch-size", type=int, default=None,
              help="Articles per spaCy nlp.pipe batch inside a worker [default: the whole shard].")
@click.option("--ray-batch-size", type=int, default=1, show_default=True,
              help="Shards per Ray map_batches call (ray engine).")
@click.option("--resume", is_flag=True, help="Finish an interrupted run: redo only the missing shards.")
@click.option("--published", help="Publication date for inputs that carry none.")
@click.option("--source", "outlet", help="Outlet for inputs that carry none.")
@click.option("--progress/--no-progress", default=None,
              help="Progress bar on stderr [default: when stderr is a terminal].")
def batch(inputs: tuple[str, ...], out: str, engine: str, address: str | None, workers: int, shard_size: int,
          batch_size: int | None, ray_batch_size: int, resume: bool, published: str | None, outlet: str | None,
          progress: bool | None) -> None:
    """Code a corpus into a run folder with worker processes; `tacitus ingest RUN` loads it."""
    from tqdm import tqdm

    from .batch.local import run

    show = sys.stderr.isatty() if progress is None else progress
    bar = tqdm(unit=" articles", desc="batch", file=sys.stderr, disable=not show, smoothing=0.1,
               dynamic_ncols=True)

    def tick(done: int, total: int, counts: dict[str, int]) -> None:
        if bar.total != total:
            bar.total = total
        bar.set_postfix(mentions=counts["mentions"], skipped=counts["skips"] - counts["failed"],
                        failed=counts["failed"], refresh=False)
        bar.update(done - bar.n)

    try:
        manifest = run(list(inputs), out, workers=workers, shard_size=shard_size, resume=resume,
                       published=published, source=outlet, progress=tick, engine=engine, address=address,
                       batch_size=batch_size, ray_batch_size=ray_batch_size)
    except TacitusError as err:
        raise click.ClickException(str(err)) from err
    finally:
        bar.close()
    s = manifest["this_session"]
    t = manifest["totals"]
    click.echo(f"{out}: processed {s['articles']}, skipped {s['skipped']}, failed {s['failed']}, "
               f"mentions {s['mentions']}; {s['items']} articles in {s['seconds']} s "
               f"({s['articles_per_s']} articles/s, {engine}, {workers} workers)")
    for key, n in s["ledger"].items():
        click.echo(f"  {n:>6}  {key}")
    if s["ledger"]:
        click.echo(f"  ledger (article_id, stage, code, message): {out}/skips/")
    click.echo(f"run folder totals: {t['articles']} articles, {t['mentions']} mentions, {t['skips']} skipped "
               f"or failed, in {manifest['shards']} shards")


@main.command()
@click.option("--db", default=DEFAULT_DB, show_default=True)
@click.option("--load", "load_file", type=click.Path(exists=True, dir_okay=False),
              help="A TSV (outlet, country, state_affiliated, wire, note) to add or replace rows from.")
def outlets(db: str, load_file: str | None) -> None:
    """The outlet registry (country, state-affiliated, wire service) that independence counts use."""
    from pathlib import Path as _Path

    from .demo import load_outlets
    from .store import open_store

    with open_store(db, read_only=load_file is None) as store:
        if load_file:
            n = load_outlets(store.con, _Path(load_file))
            store.link()  # independence and corroboration depend on the registry
            click.echo(f"{n} outlets loaded; events re-linked", err=True)
        rows = store.con.execute("SELECT outlet, country, state_affiliated, wire, note FROM outlets "
                                 "ORDER BY outlet").fetchall()
    click.echo("outlet\tcountry\tstate_affiliated\twire\tnote")
    for r in rows:
        click.echo("\t".join("" if v is None else str(v).lower() if isinstance(v, bool) else str(v) for v in r))


@main.command()
@click.option("--db", default=DEFAULT_DB, show_default=True)
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", type=int, default=8000, show_default=True)
def serve(db: str, host: str, port: int) -> None:
    """Serve the store over HTTP: the dashboard at /, the API under /api (OpenAPI at /docs). The server
    owns the store file."""
    _serve(db, host, port)


def _serve(db: str, host: str, port: int) -> None:
    import uvicorn

    from .api.app import create_app

    app = create_app(db)
    url = f"http://{'[' + host + ']' if ':' in host else host}:{port}/"
    click.echo(f"serving {db} at {url}  (dashboard: {url}, API: {url}api/…, OpenAPI: {url}docs)")
    uvicorn.run(app, host=host, port=port, log_level="warning")


@main.command()
@click.option("--db", default="tacitus-demo.duckdb", show_default=True)
@click.option("--serve", "serve_after", is_flag=True, help="Then serve the demo store (dashboard and API).")
@click.option("--host", default="127.0.0.1", show_default=True, help="With --serve: the address to bind.")
@click.option("--port", type=int, default=8000, show_default=True, help="With --serve: the port.")
def demo(db: str, serve_after: bool, host: str, port: int) -> None:
    """Ingest the bundled corpus (64 articles written for Tacitus) and print a summary and accuracy;
    with --serve, then serve it (dashboard at http://127.0.0.1:8000/)."""
    from .demo import corpus_paths, gold_accuracy, load_outlets, summary
    from .store import open_store

    with open_store(db) as store:
        load_outlets(store.con)
        report = store.ingest(_items([str(p) for p in corpus_paths()], None, None), input_name="corpus")
        linked = store.link()
        click.echo(f"{db}: {report.coded} articles coded now, {report.unchanged} already coded, "
                   f"{report.skipped} skipped")
        for line in summary(store.con):
            click.echo(line)
        statuses = store.con.execute("SELECT status, count(*) FROM events GROUP BY 1 ORDER BY 2 DESC").fetchall()
        click.echo(f"linked into {linked['events']} events: " + ", ".join(f"{s}: {n}" for s, n in statuses))
        acc = gold_accuracy(store.con)
        click.echo(f"against the corpus gold (source, target, root per article): precision {acc['precision']:.3f}, "
                   f"recall {acc['recall']:.3f}, F1 {acc['f1']:.3f}")
        if not serve_after:
            click.echo(f"try: tacitus query --db {db} --dyad RUS-UKR --root 08;  tacitus claims --db {db};  "
                       f"tacitus serve --db {db}")
    if serve_after:
        _serve(db, host, port)


def run() -> None:  # pragma: no cover
    try:
        main()
    except TacitusError as err:
        click.echo(f"error: {err}", err=True)
        sys.exit(1)


if __name__ == "__main__":  # pragma: no cover
    main()
