"""Re-crawls cost the source almost nothing; changes are found; a killed crawl is resumed."""

import asyncio
import dataclasses
import json
import signal
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
import sqlite_utils
from datasette.app import Datasette

from archive.storage.rawstore import open_raw_store, raw_store_path
from crawler.demo import demo_sources
from crawler.demosite import DemoSiteServer, build_site, load_articles
from tests.conftest import run_cli, write_sources

ARTIFACTS = Path(__file__).parent / "artifacts"


def article_fetches(site, since: int, articles) -> dict:
    """How the article pages were answered since request number ``since``: status → count."""
    paths = {article.path for article in articles}
    counts: dict[int, int] = {}
    for _method, path, status in site.requests[since:]:
        if path in paths:
            counts[status] = counts.get(status, 0) + 1
    return counts


def crawl(site, directory, *extra):
    sources = write_sources(directory / "sources.yml", demo_sources(site.base_url))
    before = len(site.requests)
    result = run_cli("crawl", "--sources", sources, "--db", directory / "archive.db", "--json", *extra)
    return before, json.loads(result.stdout)["runs"][0]


@pytest.fixture(scope="module")
def site():
    with DemoSiteServer() as server:
        yield server


@pytest.fixture(scope="module")
def two_crawls(site, tmp_path_factory):
    directory = tmp_path_factory.mktemp("incremental")
    articles = load_articles()
    first_start, first = crawl(site, directory)
    second_start, second = crawl(site, directory)
    figures = {
        "first": {"run": first, "article_responses": article_fetches(site, first_start, articles)},
        "second": {"run": second, "article_responses": article_fetches(site, second_start, articles)},
    }
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "recrawl.json").write_text(json.dumps(figures, indent=2))
    print("\nre-crawl figures:", json.dumps(figures))
    return {"directory": directory, "articles": articles, **figures}


def test_second_crawl_of_unchanged_site_fetches_almost_nothing(two_crawls):
    first_full = two_crawls["first"]["article_responses"].get(200, 0)
    second_full = two_crawls["second"]["article_responses"].get(200, 0)
    assert first_full == len(two_crawls["articles"])
    assert second_full <= 0.2 * first_full
    second = two_crawls["second"]["run"]
    assert (second["articles_new"], second["articles_updated"]) == (0, 0)
    assert second["not_modified"] >= 1  # the hubs answered 304
    assert second["pages_fetched"] <= 0.2 * two_crawls["first"]["run"]["pages_fetched"]


def test_due_articles_are_revisited_conditionally(site, two_crawls):
    db = sqlite_utils.Database(two_crawls["directory"] / "archive.db")
    last_seen_before = {row["id"]: row["last_seen"] for row in db["articles"].rows}
    # Let time pass for three articles: their next revisit is now in the past.
    due_urls = [site.base_url + article.path for article in two_crawls["articles"][:3]]
    for url in due_urls:
        db["pages"].update(url, {"next_due": "2000-01-01T00:00:00+00:00"})
    start, run = crawl(site, two_crawls["directory"])
    assert article_fetches(site, start, two_crawls["articles"]) == {304: 3}
    assert (run["not_modified"] >= 3, run["articles_updated"]) == (True, 0)
    for url in due_urls:
        row = next(db["articles"].rows_where("url = ?", [url]))
        assert row["last_seen"] > last_seen_before[row["id"]]
        assert db["pages"].get(url)["next_due"] > "2000-01-01"


def test_changed_article_is_found_through_the_sitemap_and_versioned(site, two_crawls):
    articles = two_crawls["articles"]
    target = articles[5]
    changed_at = datetime.now(timezone.utc) + timedelta(minutes=1)
    edited = dataclasses.replace(
        target,
        modified=changed_at.isoformat(timespec="seconds"),
        paragraphs=target.paragraphs + ["Korrektur: Die Zahl der Arbeitsplätze liegt bei 240, nicht 180."],
    )
    new_pages = build_site(site.base_url, [edited if a is target else a for a in articles])
    for path in (target.path, "/sitemap.xml", "/sitemap-articles.xml", "/feed.xml", "/sitemap-news.xml"):
        site.set_page(path, new_pages[path])
    start, run = crawl(site, two_crawls["directory"])
    assert article_fetches(site, start, articles) == {200: 1}
    assert run["articles_updated"] == 1

    db = sqlite_utils.Database(two_crawls["directory"] / "archive.db")
    row = next(db["articles"].rows_where("url = ?", [site.base_url + target.path]))
    assert row["text"].endswith("liegt bei 240, nicht 180.")
    # Same instant; UTC timestamps are stored in Berlin time (see docs/extraction.md).
    assert datetime.fromisoformat(row["modified"]) == datetime.fromisoformat(edited.modified)
    [version] = db["article_versions"].rows_where("article_id = ?", [row["id"]])
    assert "liegt bei 240" not in version["text"]
    raw = open_raw_store(two_crawls["directory"] / "archive.db")
    bodies = [r["url"] for r in raw["responses"].rows_where("url = ?", [site.base_url + target.path])]
    assert len(bodies) == 2  # the first version and the correction


def test_killed_crawl_leaves_a_consistent_archive_and_resumes(tmp_path):
    articles = load_articles()
    # Slow article pages so the crawl is surely in the middle when it is killed.
    with DemoSiteServer(response_delay=0.15) as site:
        sources = write_sources(tmp_path / "sources.yml", demo_sources(site.base_url))
        db_path = tmp_path / "archive.db"
        command = [sys.executable, "-m", "crawler", "crawl", "--sources", sources, "--db", str(db_path)]
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            assert site.wait_for_requests(30, timeout=60)
            # Datasette reads while the crawl writes (WAL): no "database is locked".
            response = asyncio.run(Datasette([str(db_path)]).client.get("/archive/articles.json?_shape=array"))
            assert response.status_code == 200
        finally:
            process.send_signal(signal.SIGKILL)
            process.wait(timeout=30)
        db = sqlite_utils.Database(db_path)
        assert db.execute("pragma integrity_check").fetchone()[0] == "ok"
        stored_before = db["articles"].count
        assert stored_before < len(articles)
        assert next(db["crawl_runs"].rows)["status"] == "running"

        run_cli("crawl", "--sources", sources, "--db", db_path)
        assert db["articles"].count == len(articles)
        urls = [row["url"] for row in db["articles"].rows]
        assert len(urls) == len(set(urls))
        assert db.execute("pragma integrity_check").fetchone()[0] == "ok"
        raw = sqlite_utils.Database(raw_store_path(db_path))
        assert raw.execute("pragma integrity_check").fetchone()[0] == "ok"
        statuses = [row["status"] for row in db["crawl_runs"].rows]
        assert statuses == ["interrupted", "ok"]


def test_a_hub_fetched_by_another_source_is_still_followed(site, tmp_path):
    # The English section links to the Cologne section from its navigation, so crawling
    # "english" fetches /koeln/ once. The first crawl of "koeln" must still follow its links:
    # a 304 there says nothing about this source's articles.
    sources = write_sources(
        tmp_path / "sources.yml",
        {
            "sources": [
                {"id": section, "start_urls": [f"{site.base_url}/{section}/"], "max_depth": 1, "download_delay": 0}
                for section in ("english", "koeln")
            ]
        },
    )
    db_path = tmp_path / "archive.db"
    runs = {}
    for section in ("english", "koeln"):
        result = run_cli("crawl", section, "--sources", sources, "--db", db_path, "--json")
        runs[section] = json.loads(result.stdout)["runs"][0]
    assert sqlite_utils.Database(db_path)["pages"].get(f"{site.base_url}/koeln/")["source"] == "koeln"
    assert runs["english"]["articles_new"] >= 5
    assert runs["koeln"]["articles_new"] >= 5 and runs["koeln"]["not_modified"] == 0
