"""The spine, end to end: the demo site over real HTTP → Scrapy → trafilatura → SQLite → search."""

import json
import re
from urllib.parse import urlsplit

import sqlite_utils

from archive.indexing.query import search_articles
from crawler.demosite import NON_ARTICLE_PATHS
from tests.conftest import run_cli, write_sources

BOILERPLATE = [
    "Cookies",
    "Alle akzeptieren",
    "Meistgelesen",
    "Newsletter abonnieren",
    "Alle Rechte vorbehalten",
    "Teilen:",
    "Mehr zum Thema",
    "Impressum",
]


def articles_by_path(db_path):
    db = sqlite_utils.Database(db_path)
    return {urlsplit(row["url"]).path: row for row in db["articles"].rows}


def test_every_demo_article_stored_once(demo_archive, demo_articles):
    rows = articles_by_path(demo_archive["db_path"])
    db = sqlite_utils.Database(demo_archive["db_path"])
    assert db["articles"].count == len(demo_articles) == len(rows)
    for article in demo_articles:
        row = rows[article.path]
        assert row["title"] == article.title
        assert row["published"] == article.published
        assert row["author"] is not None
        for name in article.authors:
            assert name in row["author"]
        assert row["language"] == article.language
        assert row["description"] == article.lead
        assert row["source"] == "rrw-demo"
        assert row["word_count"] > 150
        assert row["duplicate_of"] is None
        # Every paragraph of the story is there, and nothing of the page around it.
        for paragraph in article.paragraphs:
            assert paragraph in row["text"]
        for boilerplate in BOILERPLATE:
            assert boilerplate not in row["text"], (article.path, boilerplate)


def test_no_non_article_page_stored(demo_archive):
    stored = set(articles_by_path(demo_archive["db_path"]))
    assert not stored & set(NON_ARTICLE_PATHS)
    assert not any(path.startswith(("/thema/", "/veranstaltungen/", "/intern/")) for path in stored)


def test_robots_txt_obeyed_and_listings_crawled(demo_archive):
    paths = [path for _method, path, _status in demo_archive["requests"]]
    assert "/robots.txt" in paths
    assert not any(path.startswith("/intern/") for path in paths)
    assert "/ruhr/seite-2.html" in paths  # pagination followed


def test_search_finds_article_by_body_word(demo_archive, demo_articles):
    db = sqlite_utils.Database(demo_archive["db_path"])
    for article in demo_articles[:5]:
        hits = search_articles(db, article.keyword)
        assert [urlsplit(hit["url"]).path for hit in hits] == [article.path]


def test_crawl_runs_and_summary(demo_archive, demo_articles):
    summary = json.loads(demo_archive["result"].stdout)
    [run] = summary["runs"]
    assert run["source"] == "rrw-demo"
    assert run["status"] == "ok"
    assert run["articles_new"] == len(demo_articles)
    assert run["pages_fetched"] >= len(demo_articles)
    assert run["finished"] >= run["started"]
    db = sqlite_utils.Database(demo_archive["db_path"])
    assert db["crawl_runs"].count == 1
    assert db["sources"].get("rrw-demo")["name"].startswith("Rhein-Ruhr Wirtschaft")


def test_archive_is_wal_and_integrity_ok(demo_archive):
    db = sqlite_utils.Database(demo_archive["db_path"])
    assert db.journal_mode == "wal"
    assert db.execute("pragma integrity_check").fetchone()[0] == "ok"
    assert re.match(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00", next(db["articles"].rows)["first_seen"])


def test_listing_only_source_finds_every_article_and_skips_the_rest(demo_site, demo_articles, tmp_path):
    """No feed, no sitemap: the spider walks listings, pagination, tag pages and the calendar."""

    sources = write_sources(
        tmp_path / "sources.yml",
        {
            "sources": [
                {
                    "id": "listings-only",
                    "start_urls": [f"{demo_site.base_url}/"],
                    "max_depth": 3,
                    "download_delay": 0,
                }
            ]
        },
    )
    before = len(demo_site.requests)
    run_cli("crawl", "--sources", sources, "--db", tmp_path / "a.db")
    fetched = {path for _method, path, _status in demo_site.requests[before:]}
    assert any(path.startswith("/thema/") for path in fetched)
    assert "/veranstaltungen/kalender.html" in fetched
    stored = set(articles_by_path(tmp_path / "a.db"))
    assert stored == {article.path for article in demo_articles}


def test_sitemaps_listed_in_robots_txt_are_used(demo_site, demo_articles, tmp_path):

    sources = write_sources(
        tmp_path / "sources.yml",
        {"sources": [{"id": "robots-sitemaps", "sitemaps": [f"{demo_site.base_url}/robots.txt"], "download_delay": 0}]},
    )
    run_cli("crawl", "--sources", sources, "--db", tmp_path / "a.db")
    assert set(articles_by_path(tmp_path / "a.db")) == {article.path for article in demo_articles}


def test_last_batch_written_once_nothing_else_can_come(demo_site, demo_articles, tmp_path):
    """The writer's batch delay holds no crawl open: with an hour's delay and batches larger
    than the site, every article is still stored, as soon as no other page is on its way."""
    sources = write_sources(
        tmp_path / "sources.yml",
        {"sources": [{"id": "robots-sitemaps", "sitemaps": [f"{demo_site.base_url}/robots.txt"], "download_delay": 0}]},
    )
    run_cli(
        "crawl",
        "--sources",
        sources,
        "--db",
        tmp_path / "a.db",
        "--set",
        "ARCHIVE_BATCH_DELAY=3600",
        "--set",
        f"ARCHIVE_BATCH_SIZE={len(demo_articles) + 1}",
        timeout=240,
    )
    assert set(articles_by_path(tmp_path / "a.db")) == {article.path for article in demo_articles}


def test_a_crawl_that_cannot_start_exits_1_and_is_recorded_failed(demo_site, tmp_path):
    sources = write_sources(
        tmp_path / "sources.yml", {"sources": [{"id": "demo", "start_urls": [f"{demo_site.base_url}/koeln/"]}]}
    )
    db_path = tmp_path / "archive.db"
    result = run_cli(
        "crawl",
        "--sources",
        sources,
        "--db",
        db_path,
        "--json",
        "--set",
        'EXTENSIONS={"newsarchive_missing.Extension": 1}',
        check=False,
    )
    assert result.returncode == 1
    assert "Crawl failed to start for demo" in result.stderr
    [run] = json.loads(result.stdout)["runs"]
    assert run["source"] == "demo" and run["status"] == "failed"
    assert sqlite_utils.Database(db_path)["crawl_runs"].count == 1
