"""The DuckDB schema of the event store, with numbered migrations.

``meta.schema_version`` says which migrations ran; :func:`migrate` applies the missing ones in order,
each in its own transaction. Tables:

- ``articles``: one row per article (text, title, outlet, url, published, content hash).
- ``codings``: which pipeline version coded which article, when, with how many mentions — the
  idempotency key of ingest is (article_id, pipeline_version, content_hash).
- ``mentions``: the mention record, flattened for queries, plus the full JSON record.
- ``skips``: inputs that could not be coded, with stage, code and message.
- ``outlets``: the outlet registry (country, state-affiliated, wire service) users can edit.
- ``events``, ``mention_events`` (version 2): mentions linked across articles into events, with
  counts of mentions, articles and independent sources and a corroboration status.
- ``reviews``, ``cluster_edits`` (version 3): what analysts said, kept apart from machine output so
  that ``recode`` and re-linking never overwrite it. ``reviews`` holds one row per verdict on a
  mention (``correct`` or ``wrong``, with a note and who gave it; the newest verdict applies, the
  older ones stay as history); ``cluster_edits`` holds merges and splits of event clusters, stated in
  mention ids so that they apply again after every re-link (``store.EventStore.apply_reviews``). The
  view ``mention_verdicts`` gives each reviewed mention's newest verdict.
"""

from __future__ import annotations

import duckdb

SCHEMA_VERSION = 3

MENTION_COLUMNS: list[tuple[str, str]] = [
    ("mention_id", "VARCHAR PRIMARY KEY"),
    ("article_id", "VARCHAR NOT NULL"),
    ("group_id", "VARCHAR"),
    ("sentence_index", "INTEGER"),
    ("section", "VARCHAR"),
    ("evidence_start", "INTEGER"),
    ("evidence_end", "INTEGER"),
    ("evidence_text", "VARCHAR"),
    ("trigger_start", "INTEGER"),
    ("trigger_end", "INTEGER"),
    ("trigger_text", "VARCHAR"),
    ("source_code", "VARCHAR"),
    ("source_country", "VARCHAR"),
    ("source_name", "VARCHAR"),
    ("source_text", "VARCHAR"),
    ("target_code", "VARCHAR"),
    ("target_country", "VARCHAR"),
    ("target_name", "VARCHAR"),
    ("target_text", "VARCHAR"),
    ("cameo_code", "VARCHAR NOT NULL"),
    ("cameo_root", "VARCHAR NOT NULL"),
    ("cameo_label", "VARCHAR"),
    ("goldstein", "DOUBLE"),
    ("quad_class", "INTEGER"),
    ("plover_type", "VARCHAR"),
    ("plover_mode", "VARCHAR"),
    ("modality", "VARCHAR"),
    ("attr_by_code", "VARCHAR"),
    ("attr_by_country", "VARCHAR"),
    ("attr_relation", "VARCHAR"),
    ("attr_cue", "VARCHAR"),
    ("date_start", "DATE"),
    ("date_end", "DATE"),
    ("date_granularity", "VARCHAR"),
    ("date_method", "VARCHAR"),
    ("place_name", "VARCHAR"),
    ("place_country", "VARCHAR"),
    ("place_admin1", "VARCHAR"),
    ("place_precision", "VARCHAR"),
    ("lat", "DOUBLE"),
    ("lon", "DOUBLE"),
    ("geonameid", "BIGINT"),
    ("confidence", "DOUBLE"),
    ("rule", "VARCHAR"),
    ("model", "VARCHAR"),
    ("pipeline_version", "VARCHAR"),
    ("codebook", "VARCHAR"),
    ("kb_as_of", "VARCHAR"),
    ("published", "TIMESTAMPTZ"),
    ("outlet", "VARCHAR"),
    ("record", "JSON"),
]

MIGRATIONS: dict[int, list[str]] = {
    1: [
        "CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)",
        """CREATE TABLE IF NOT EXISTS articles (
            article_id VARCHAR PRIMARY KEY, outlet VARCHAR, url VARCHAR, title VARCHAR,
            published TIMESTAMPTZ, language VARCHAR, content_hash VARCHAR NOT NULL, text VARCHAR NOT NULL,
            first_seen TIMESTAMPTZ, input VARCHAR)""",
        """CREATE TABLE IF NOT EXISTS codings (
            article_id VARCHAR NOT NULL, pipeline_version VARCHAR NOT NULL, content_hash VARCHAR NOT NULL,
            coded_at TIMESTAMPTZ, n_mentions INTEGER,
            PRIMARY KEY (article_id, pipeline_version, content_hash))""",
        "CREATE TABLE IF NOT EXISTS mentions (" + ", ".join(f"{n} {t}" for n, t in MENTION_COLUMNS) + ")",
        "CREATE INDEX IF NOT EXISTS mentions_article ON mentions(article_id)",
        "CREATE INDEX IF NOT EXISTS mentions_dyad ON mentions(source_country, target_country, date_start)",
        """CREATE TABLE IF NOT EXISTS skips (
            article_id VARCHAR, stage VARCHAR, code VARCHAR, message VARCHAR, input VARCHAR,
            recorded_at TIMESTAMPTZ)""",
        """CREATE TABLE IF NOT EXISTS outlets (
            outlet VARCHAR PRIMARY KEY, country VARCHAR, state_affiliated BOOLEAN DEFAULT FALSE,
            wire BOOLEAN DEFAULT FALSE, note VARCHAR)""",
    ],
    2: [
        """CREATE TABLE IF NOT EXISTS events (
            event_id VARCHAR PRIMARY KEY, source_side VARCHAR, target_side VARCHAR, base_code VARCHAR,
            cameo_root VARCHAR, first_date DATE, last_date DATE, place_country VARCHAR, n_mentions INTEGER,
            n_articles INTEGER, n_sources INTEGER, status VARCHAR, repeats VARCHAR[])""",
        "CREATE TABLE IF NOT EXISTS mention_events (mention_id VARCHAR NOT NULL, event_id VARCHAR NOT NULL)",
    ],
    3: [
        "CREATE SEQUENCE IF NOT EXISTS review_seq START 1",
        """CREATE TABLE IF NOT EXISTS reviews (
            seq BIGINT PRIMARY KEY DEFAULT nextval('review_seq'), mention_id VARCHAR NOT NULL,
            verdict VARCHAR NOT NULL CHECK (verdict IN ('correct', 'wrong')), note VARCHAR, reviewer VARCHAR,
            created_at TIMESTAMPTZ NOT NULL)""",
        "CREATE INDEX IF NOT EXISTS reviews_mention ON reviews(mention_id)",
        """CREATE TABLE IF NOT EXISTS cluster_edits (
            seq BIGINT PRIMARY KEY DEFAULT nextval('review_seq'),
            kind VARCHAR NOT NULL CHECK (kind IN ('merge', 'split')), event_id VARCHAR NOT NULL,
            mention_ids VARCHAR[] NOT NULL, note VARCHAR, reviewer VARCHAR, created_at TIMESTAMPTZ NOT NULL)""",
        """CREATE OR REPLACE VIEW mention_verdicts AS
            SELECT mention_id, verdict, note, reviewer, created_at AS reviewed_at FROM reviews
            QUALIFY row_number() OVER (PARTITION BY mention_id ORDER BY seq DESC) = 1""",
    ],
}


def current_version(con: duckdb.DuckDBPyConnection) -> int:
    exists = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'meta'").fetchone()[0]
    if not exists:
        return 0
    row = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    return int(row[0]) if row else 0


def migrate(con: duckdb.DuckDBPyConnection) -> int:
    """Apply the missing migrations; returns the schema version now in the file."""
    version = current_version(con)
    if version > SCHEMA_VERSION:
        raise RuntimeError(f"E201 the store has schema version {version}, newer than this Tacitus "
                           f"({SCHEMA_VERSION}): upgrade Tacitus")
    for v in range(version + 1, SCHEMA_VERSION + 1):
        con.execute("BEGIN TRANSACTION")
        try:
            for stmt in MIGRATIONS[v]:
                con.execute(stmt)
            con.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [str(v)])
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
    return SCHEMA_VERSION


def has_reviews(con: duckdb.DuckDBPyConnection) -> bool:
    """Does this store have the review tables (schema version 3)? A read-only store opened from an
    older file is not migrated, so readers ask before they apply reviews."""
    return con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = 'mention_verdicts'"
                       ).fetchone()[0] > 0
