"""The command line and the readers: formats, bad input, skips and exit codes."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from tacitus.cli import main
from tacitus.errors import TacitusError
from tacitus.ingest.readers import read_path, sample_paths
from tacitus.ingest.validate import check_article
from tacitus.records import Article

BODY = "Rebels attacked an army checkpoint near Luhansk on Friday, the Ukrainian defence ministry said."


def run(args, input=None):
    return CliRunner().invoke(main, args, input=input, catch_exceptions=False)


def test_sample_articles_are_bundled_and_valid():
    paths = sample_paths()
    assert 3 <= len(paths) <= 5
    for p in paths:
        items = list(read_path(p))
        assert len(items) == 1 and isinstance(items[0], Article)
        assert items[0].published is not None and items[0].source


def test_extract_sample_jsonl():
    res = run(["extract", "--sample", "--format", "jsonl"])
    assert res.exit_code == 0
    rows = [json.loads(line) for line in res.stdout.splitlines() if line.strip()]
    assert len(rows) >= 10
    for r in rows:
        for key in ("mention_id", "article_id", "group_id", "sentence_index", "evidence", "source", "target",
                    "cameo", "plover", "modality", "attribution", "date", "place", "confidence", "provenance"):
            assert key in r
        assert set(r["evidence"]) >= {"start", "end", "text"}
    assert len({r["article_id"] for r in rows}) == len(sample_paths())


def test_extract_table_and_published_option(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(BODY, encoding="utf-8")
    res = run(["extract", str(f), "--published", "2014-05-19", "--format", "table"])
    assert res.exit_code == 0
    assert "2014-05-16" in res.stdout  # Friday before a Monday publication


def test_extract_stdin_jsonl_with_bad_record_records_a_skip(tmp_path):
    lines = "\n".join([
        json.dumps({"id": "ok1", "text": BODY, "published": "2014-05-19"}),
        "{not json",
        json.dumps({"id": "empty", "text": "   "}),
        json.dumps({"id": "ok2", "text": BODY, "published": "2014-05-20"}),
    ])
    skips = tmp_path / "skips.jsonl"
    res = run(["extract", "-", "--format", "jsonl", "--skips", str(skips)], input=lines)
    assert res.exit_code == 0
    ids = {json.loads(line)["article_id"] for line in res.stdout.splitlines() if line.strip()}
    assert ids == {"ok1", "ok2"}
    recorded = [json.loads(line) for line in skips.read_text().splitlines()]
    assert {r["code"] for r in recorded} == {"bad_record", "empty"}


def test_missing_file_is_a_clear_error_and_exit_1(tmp_path):
    res = run(["extract", str(tmp_path / "nope.txt")])
    assert res.exit_code == 1
    assert "not_found" in res.stderr and "no such file" in res.stderr


def test_directory_batch_goes_on_after_bad_files(tmp_path):
    (tmp_path / "good.txt").write_text(BODY, encoding="utf-8")
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 attacked by rebels in Luhansk.".encode("latin-1"))
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "french.txt").write_text(
        "Les rebelles ont attaqué un poste de contrôle de l'armée près de Louhansk vendredi, a dit le ministère.",
        encoding="utf-8")
    res = run(["extract", str(tmp_path), "--published", "2014-05-19", "--format", "jsonl"])
    assert res.exit_code == 0
    assert "encoding" in res.stderr and "binary" in res.stderr and "not_english" in res.stderr
    assert res.stdout.strip()


@pytest.mark.parametrize("text,code", [
    ("", "empty"),
    ("\x00\x01 data", "binary"),
    ("Die Regierung hat am Montag erklärt, dass die Truppen an der Grenze bleiben werden und nicht abziehen.",
     "not_english"),
])
def test_validation_codes(text, code):
    with pytest.raises(TacitusError) as err:
        check_article(Article(text=text), 1000)
    assert err.value.code == code


def test_too_large_is_refused_before_parsing():
    with pytest.raises(TacitusError) as err:
        check_article(Article(text="word " * 300), 1000)
    assert err.value.code == "too_large"


def test_pipe_records_too_large_as_a_skip(pipeline):
    from tacitus.pipeline import Pipeline, Settings

    small = Pipeline(Settings(max_article_chars=200), kb=pipeline.kb, nlp=pipeline.nlp,
                     gazetteer=pipeline.gazetteer)
    results = list(small.pipe([Article(text=BODY), Article(text=BODY * 5), Article(text=BODY)]))
    assert [r.skip.code if r.skip else None for r in results] == [None, "too_large", None]
    assert results[0].mentions and results[2].mentions


def test_extract_function():
    from datetime import date

    import tacitus

    ms = tacitus.extract(BODY, published=date(2014, 5, 19))
    assert ms and all(isinstance(m, tacitus.Mention) for m in ms)


def test_csv_and_html_readers(tmp_path):
    csv_file = tmp_path / "arts.csv"
    csv_file.write_text('id,text,published,source\nc1,"' + BODY + '",2014-05-19,Wire\n', encoding="utf-8")
    items = list(read_path(csv_file))
    assert isinstance(items[0], Article) and items[0].article_id == "c1" and items[0].source == "Wire"
    html_file = tmp_path / "page.html"
    html_file.write_text("<html><head><title>Border clash</title></head><body><article><h1>Border clash</h1>"
                         f"<p>{BODY}</p><p>{BODY}</p></article></body></html>", encoding="utf-8")
    items = list(read_path(html_file, published="2014-05-19"))
    assert isinstance(items[0], Article) and "Luhansk" in items[0].text


def test_rss_and_atom_feeds(tmp_path):
    rss = tmp_path / "feed.rss"
    rss.write_text(f"""<?xml version="1.0"?><rss version="2.0"><channel><title>Steppe Wire</title>
<item><title>Clash near Luhansk</title><link>https://steppe.example/1</link>
<pubDate>Fri, 16 May 2014 10:00:00 GMT</pubDate><description>{BODY}</description></item>
<item><title>Second item</title><link>https://steppe.example/2</link>
<pubDate>Sat, 17 May 2014 09:00:00 GMT</pubDate><description>&lt;p&gt;{BODY}&lt;/p&gt;</description></item>
</channel></rss>""", encoding="utf-8")
    items = list(read_path(rss))
    assert len(items) == 2 and all(isinstance(a, Article) for a in items)
    assert items[0].source == "Steppe Wire" and items[0].url == "https://steppe.example/1"
    assert items[0].published.date().isoformat() == "2014-05-16" and "Luhansk" in items[1].text
    atom = tmp_path / "feed.atom"
    atom.write_text(f"""<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">
<title>Dnipro Daily</title><id>urn:x</id><updated>2014-05-19T00:00:00Z</updated>
<entry><title>Talks resume</title><id>urn:e1</id><updated>2014-05-19T08:00:00Z</updated>
<link href="https://dnipro.example/e1"/><summary>{BODY}</summary></entry></feed>""", encoding="utf-8")
    items = list(read_path(atom))
    assert len(items) == 1 and items[0].source == "Dnipro Daily" and items[0].article_id == "urn:e1"
    bad = tmp_path / "bad.xml"
    bad.write_text("<notafeed", encoding="utf-8")
    assert isinstance(next(iter(read_path(bad))), TacitusError)
