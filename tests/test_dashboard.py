"""The dashboard in a real browser: Debian's chromium driven by Playwright (never `playwright install`),
against a server on the demo store. Load it, pick RUS→UKR, open the demo's announced withdrawal and see
the corroboration status the store computed and the highlighted evidence; mark a mention wrong and see
the counts change. Screenshots go to test-artifacts/ (gitignored); TACITUS_DOCS_SCREENSHOT=1 also
writes docs/img/dashboard.png and docs/img/evidence-drawer.png.

Without chromium (or the playwright package) these tests skip with a reason; CI sets
TACITUS_REQUIRE_BROWSER=1, which turns the skip into a failure. The last test checks that the
committed bundle is the one scripts/build-web builds from web/ (it needs npm; CI also diffs it)."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import threading
import time
from pathlib import Path

import pytest

from tacitus.demo import corpus_paths, load_outlets
from tacitus.ingest.readers import read_path
from tacitus.store import open_store

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = os.environ.get("TACITUS_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--no-first-run", "--disable-sync", "--disable-quic"]
STATIC = ROOT / "src" / "tacitus" / "web" / "static"


def _require(what: str, ok: bool) -> None:
    if ok:
        return
    if os.environ.get("TACITUS_REQUIRE_BROWSER") == "1":
        pytest.fail(f"{what} is required (TACITUS_REQUIRE_BROWSER=1) but missing")
    pytest.skip(f"{what} not found: browser tests need Debian's chromium (apt-get install chromium) and "
                "the playwright package (pip install -e '.[test]')")


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory, pipeline):
    """The demo store, as `tacitus demo` builds it."""
    path = tmp_path_factory.mktemp("dash") / "demo.duckdb"
    with open_store(path) as store:
        load_outlets(store.con)
        store.ingest((a for p in corpus_paths() for a in read_path(p)), pipeline, input_name="corpus")
        store.link()
    return path


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture()
def server(demo_db, tmp_path):
    """A uvicorn server in a thread, on a copy of the demo store (tests write reviews)."""
    import uvicorn

    from tacitus.api.app import create_app

    db = tmp_path / "served.duckdb"
    shutil.copyfile(demo_db, db)
    app = create_app(str(db))
    port = _free_port()
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.time() + 20
    while not srv.started:
        if time.time() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    yield {"url": f"http://127.0.0.1:{port}/", "store": app.state.store}
    srv.should_exit = True
    thread.join(timeout=10)
    app.state.store.close()


@pytest.fixture(scope="module")
def browser():
    _require(CHROMIUM, Path(CHROMIUM).exists())
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _require("the playwright package", False)
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture()
def page(browser, server):
    ctx = browser.new_context(viewport={"width": 1400, "height": 1000})
    pg = ctx.new_page()
    pg.requests = []  # type: ignore[attr-defined]
    pg.errors = []  # type: ignore[attr-defined]
    pg.on("request", lambda r: pg.requests.append(r.url))
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    yield pg
    ctx.close()


def _loaded(page, after: int) -> None:
    page.wait_for_function(f"Number(document.body.dataset.loads || 0) > {after} && document.body.dataset.ready === '1'")


def _loads(page) -> int:
    return int(page.evaluate("Number(document.body.dataset.loads || 0)"))


def _open(page, url: str, source: str = "RUS", target: str = "UKR") -> None:
    page.goto(url)
    _loaded(page, 0)
    n = _loads(page)
    page.select_option("#source", source)
    _loaded(page, n)
    n = _loads(page)
    page.select_option("#target", target)
    _loaded(page, n)


def _shot(page, name: str, full: bool = False) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / name
    page.screenshot(path=str(path), full_page=full)
    return path


def _withdrawal(store, min_mentions: int = 1) -> dict:
    """The demo's announced withdrawal: the first RUS→UKR event of base code 087 with an announcement
    (and at least ``min_mentions`` mentions)."""
    row = store.con.cursor().execute(
        "SELECT e.event_id, e.status, e.n_mentions FROM events e WHERE e.source_side = 'RUS' AND "
        "e.target_side = 'UKR' AND e.base_code = '087' AND e.n_mentions >= ? AND EXISTS (SELECT 1 FROM "
        "mention_events l JOIN mentions m USING (mention_id) WHERE l.event_id = e.event_id AND "
        "m.modality = 'planned') ORDER BY e.first_date, e.event_id LIMIT 1", [min_mentions]).fetchone()
    assert row, "the demo store has no announced RUS→UKR withdrawal"
    return {"event_id": row[0], "status": row[1], "n_mentions": row[2]}


def test_withdrawal_status_and_highlighted_evidence(page, server):
    ev = _withdrawal(server["store"])
    # the corpus gold (src/tacitus/corpus/events.jsonl, E10): announced 31 March 2014, NATO saw no sign of
    # it the next day, never borne out in the corpus — contradicted
    assert ev["status"] == "contradicted", ev
    _open(page, server["url"])
    assert page.locator("#lines-title").inner_text().startswith("RUS→UKR and UKR→RUS")
    assert page.locator("#chart-goldstein canvas").count() >= 1 and page.locator("#chart-quad canvas").count() >= 1
    claim = page.locator(f"li.claim[data-event-id='{ev['event_id']}']")
    assert claim.count() == 1
    assert claim.get_attribute("data-status") == ev["status"]
    _shot(page, "dashboard-rus-ukr.png", full=True)
    if os.environ.get("TACITUS_DOCS_SCREENSHOT") == "1":
        (ROOT / "docs" / "img").mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ROOT / "docs" / "img" / "dashboard.png"), full_page=True)
    claim.click()
    page.wait_for_selector("#drawer[data-ready='1']", state="attached")
    drawer = page.locator("#drawer")
    # the exact status the store computed for this event (corroboration in store/link.py)
    assert drawer.locator("[data-testid=drawer-status]").inner_text() == ev["status"].replace("_", " ")
    assert drawer.locator("[data-testid=drawer-counts]").inner_text().startswith(f"{ev['n_mentions']} mentions")
    cards = drawer.locator("li.mention")
    assert cards.count() == ev["n_mentions"]
    # every highlight is the text the article spans point at, and the announcement shows actor and action
    detail = json.loads(page.evaluate(f"fetch('/api/events/{ev['event_id']}').then(r => r.text())"))
    by_id = {m["mention_id"]: m for m in detail["mentions"]}
    planned = 0
    for i in range(cards.count()):
        card = cards.nth(i)
        m = by_id[card.get_attribute("data-mention-id")]
        marks = card.locator("mark.hl")
        got = [(marks.nth(j).get_attribute("data-kind"), marks.nth(j).inner_text()) for j in range(marks.count())]
        ev_start, text = m["evidence"]["start"], m["evidence"]["text"]
        expected = {(s["kind"], text[s["start"] - ev_start:s["end"] - ev_start]) for s in m["spans"]
                    if s["start"] >= ev_start and s["end"] <= m["evidence"]["end"]}
        assert set(got) <= expected and ("action", m["trigger"]["text"]) in got
        assert card.locator("[data-testid=modality]").inner_text() == m["modality"]
        assert card.locator("[data-testid=attribution]").inner_text() == m["attribution"]["relation"]
        assert card.locator("[data-testid=published]").inner_text() == m["published"][:10]
        if m["modality"] == "planned":
            planned += 1
            assert {k for k, _ in got} >= {"action", "source"}
    assert planned >= 1
    assert set(detail["outlets"]) <= set(drawer.locator("[data-testid=drawer-outlets]").inner_text()
                                         .removeprefix("Outlets: ").split(", "))
    _shot(page, "withdrawal-evidence.png")
    if os.environ.get("TACITUS_DOCS_SCREENSHOT") == "1":
        page.screenshot(path=str(ROOT / "docs" / "img" / "evidence-drawer.png"))
    assert not page.errors, page.errors
    # offline: every request went to the server that served the page (no CDN, no tile server)
    assert page.requests and all(u.startswith(server["url"]) or u.startswith("data:") for u in page.requests)


def test_marking_a_mention_wrong_changes_the_counts(page, server):
    ev = _withdrawal(server["store"], min_mentions=2)  # one left after the review: the claim stays listed
    _open(page, server["url"])
    before_mentions = int(page.locator("[data-testid=n-mentions]").inner_text())
    assert page.locator("[data-testid=n-wrong]").inner_text() == "0"
    page.locator(f"li.claim[data-event-id='{ev['event_id']}']").click()
    page.wait_for_selector("#drawer[data-ready='1']", state="attached")
    card = page.locator("#drawer li.mention").first
    mid = card.get_attribute("data-mention-id")
    card.locator("[data-testid=review-note]").fill("browser test: not this act")
    n = _loads(page)
    card.locator("[data-testid=review-wrong]").click()
    _loaded(page, n)
    page.wait_for_function(
        f"document.querySelector('#drawer [data-testid=drawer-counts]')?.innerText.startsWith('{ev['n_mentions'] - 1} ')")
    assert page.locator("[data-testid=n-wrong]").inner_text() == "1"
    assert int(page.locator("[data-testid=n-mentions]").inner_text()) == before_mentions - 1
    flagged = page.locator(f"#drawer li.mention[data-mention-id='{mid}']")
    assert "reviewed wrong: browser test: not this act" in flagged.locator("[data-testid=review-state]").inner_text()
    counts = page.locator(f"li.claim[data-event-id='{ev['event_id']}'] [data-testid=claim-counts]").inner_text()
    assert counts.startswith(f"{ev['n_mentions'] - 1} mentions")
    # stored apart from machine output, and the status shown is the one the store recomputed
    store = server["store"]
    assert store.verdicts([mid])[mid]["verdict"] == "wrong"
    status = store.con.cursor().execute("SELECT status FROM events WHERE event_id = ?", [ev["event_id"]]).fetchone()[0]
    assert page.locator("#drawer [data-testid=drawer-status]").inner_text() == status.replace("_", " ")
    _shot(page, "after-review-wrong.png")
    # and a person's "correct" makes it verified and restores the count
    n = _loads(page)
    flagged.locator("[data-testid=review-correct]").click()
    _loaded(page, n)
    page.wait_for_function(
        f"document.querySelector('#drawer [data-testid=drawer-counts]')?.innerText.startsWith('{ev['n_mentions']} ')")
    assert page.locator("[data-testid=n-correct]").inner_text() == "1"
    assert not page.errors, page.errors


def test_map_points_are_located_events_and_the_rest_are_in_the_tray(page, server):
    page.goto(server["url"])
    _loaded(page, 0)
    since, until = page.input_value("#since"), page.input_value("#until")
    events = {e["event_id"]: e for e in json.loads(page.evaluate(
        f"fetch('/api/events?limit=10000&since={since}&until={until}').then(r => r.text())"))["items"]}
    points = page.locator("#map circle.point")
    tray = page.locator("#unlocated li[data-event-id]")
    assert points.count() + tray.count() == len(events) and points.count() > 0 and tray.count() > 0
    for i in range(points.count()):
        e = events[points.nth(i).get_attribute("data-event-id")]
        assert e["place"]["precision"] in ("city", "admin1")  # never a country centroid
    for i in range(tray.count()):
        e = events[tray.nth(i).get_attribute("data-event-id")]
        assert e["place"] is None or e["place"]["precision"] == "country"
    assert page.locator("#map path.country").count() > 100  # the bundled boundaries drew
    # raw mentions instead of events
    n = _loads(page)
    page.select_option("#mode", "mentions")
    _loaded(page, n)
    assert page.locator("#map circle.point[data-mention-id]").count() > 0, page.locator("#summary").inner_text()
    _shot(page, "map-mentions.png")
    page.locator("#map circle.point[data-mention-id]").first.click(force=True)
    page.wait_for_selector("#drawer[data-ready='1']", state="attached")
    assert page.locator("#drawer li.mention mark.hl-action").count() == 1
    assert not page.errors, page.errors


def test_the_committed_bundle_is_the_built_one(tmp_path):
    """scripts/build-web rebuilds the bundle in place; it must equal the committed files (CI also runs
    `git diff --exit-code src/tacitus/web/static`)."""
    assert (STATIC / "index.html").exists(), "no built dashboard: run scripts/build-web"
    npm = shutil.which("npm")
    if npm is None or os.environ.get("TACITUS_SKIP_WEB_BUILD") == "1":
        pytest.skip("npm not found (or TACITUS_SKIP_WEB_BUILD=1): the build check runs in CI")

    def snapshot() -> dict[str, bytes]:
        return {str(p.relative_to(STATIC)): p.read_bytes() for p in sorted(STATIC.rglob("*")) if p.is_file()}

    before = snapshot()
    try:
        subprocess.run(["bash", str(ROOT / "scripts" / "build-web")], check=True, capture_output=True, timeout=600)
        after = snapshot()
    finally:
        shutil.rmtree(STATIC)
        for name, data in before.items():  # leave the tree as it was, whatever the build did
            (STATIC / name).parent.mkdir(parents=True, exist_ok=True)
            (STATIC / name).write_bytes(data)
    assert sorted(after) == sorted(before), "the rebuilt bundle has other files: run scripts/build-web"
    changed = [n for n in before if before[n] != after[n]]
    assert not changed, f"rebuilt files differ from the committed ones: {changed}; run scripts/build-web"
