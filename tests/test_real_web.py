"""The real web, on loopback: encodings, failures, redirects, non-HTML, traps and politeness."""

import json

import pytest
import sqlite_utils

from tests.conftest import run_cli, write_sources
from tests.webcases import WebCases


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    """One crawl of the web-cases site on 127.0.0.2 (a second "host" next to 127.0.0.1)."""
    directory = tmp_path_factory.mktemp("webcases")
    with WebCases(host="127.0.0.2", slow_seconds=4) as site:
        sources = write_sources(
            directory / "sources.yml",
            {
                "sources": [
                    {
                        "id": "webcases",
                        "feeds": [f"{site.base_url}/feed.xml"],
                        "start_urls": [f"{site.base_url}/start.html"],
                        "max_depth": 4,
                        "download_delay": 0.05,
                    }
                ]
            },
        )
        db_path = directory / "archive.db"
        result = run_cli(
            "crawl",
            "--sources",
            sources,
            "--db",
            db_path,
            "--json",
            "--set",
            "DOWNLOAD_TIMEOUT=1.5",
            "--set",
            "DOWNLOAD_MAXSIZE=200000",
            "--set",
            "DOWNLOAD_WARNSIZE=0",
        )
        yield {
            "db": sqlite_utils.Database(db_path),
            "site": site,
            "base": site.base_url,
            "summary": json.loads(result.stdout),
        }


def stored(crawled):
    return {row["url"].removeprefix(crawled["base"]): row for row in crawled["db"]["articles"].rows}


def page(crawled, path):
    return crawled["db"]["pages"].get(crawled["base"] + path)


@pytest.mark.parametrize(
    "path",
    [
        "/artikel/utf8.html",
        "/artikel/latin1-header.html",
        "/artikel/latin1-meta.html",
        "/artikel/cp1252-undeclared.html",
        "/artikel/utf8-declared-latin1.html",
    ],
)
def test_umlauts_survive_every_encoding_declaration(crawled, path):
    text = stored(crawled)[path]["text"]
    assert "Düsseldorfer Wirtschaftsförderung begrüßt die Größe" in text
    assert "Straßenbahn" in text and "heißt" in text


def test_failed_once_then_retried(crawled):
    assert "/artikel/flaky.html" in stored(crawled)
    assert crawled["site"].hits("/artikel/flaky.html") == 2


def test_redirect_stores_the_final_url(crawled):
    articles = stored(crawled)
    assert "/artikel/moved-here.html" in articles
    assert "/artikel/redirect.html" not in articles


def test_malformed_html_is_extracted(crawled):
    assert "Kennwort malformed" in stored(crawled)["/artikel/malformed.html"]["text"]


def test_non_html_never_stored(crawled):
    articles = stored(crawled)
    assert "/artikel/dokument.pdf" not in articles and "/artikel/bild.jpg" not in articles
    assert page(crawled, "/artikel/dokument.pdf")["status"] == 200


def test_gone_and_missing_recorded_not_retried(crawled):
    for path, status in (("/artikel/fehlt.html", 404), ("/artikel/entfernt.html", 410)):
        assert crawled["site"].hits(path) == 1
        row = page(crawled, path)
        assert (row["status"], row["error"]) == (status, f"HTTP {status}")


def test_slow_and_oversized_pages_fail_cleanly(crawled):
    articles = stored(crawled)
    assert "/artikel/slow.html" not in articles and "/artikel/huge.html" not in articles
    assert "TimeoutError" in page(crawled, "/artikel/slow.html")["error"]
    assert page(crawled, "/artikel/huge.html")["error"]
    # RETRY_TIMES=2: the first try and two retries, never more.
    assert crawled["site"].hits("/artikel/slow.html") <= 3


def test_retry_after_is_honoured(crawled):
    times = [t for t, path, _status, _ua in crawled["site"].requests if path == "/artikel/busy.html"]
    assert len(times) == 2
    assert times[1] - times[0] >= 0.9
    assert "/artikel/busy.html" in stored(crawled)


def test_robots_txt_obeyed_and_identified(crawled):
    paths = crawled["site"].paths()
    assert paths[0] == "/robots.txt"
    assert not any(path.startswith("/privat/") for path in paths)
    user_agents = {ua for _t, _p, _s, ua in crawled["site"].requests}
    assert all(ua.startswith("newsarchive/") and "(+http" in ua for ua in user_agents)


def test_spider_traps_are_bounded(crawled):
    paths = crawled["site"].paths()
    calendar = [path for path in paths if path.startswith("/kalender/")]
    assert 1 <= len(calendar) <= 4  # max_depth, not the end of time
    assert not any("jsessionid" in path for path in paths)
    assert not any(path.startswith("/a/a/a") for path in paths)
    assert not any(path.startswith("/filter.html") for path in paths)
    assert paths.count("/suche.html") <= 25


def test_politeness_one_host_at_most_two_in_flight(crawled):
    assert crawled["site"].max_in_flight <= 2


def test_failures_counted_in_the_crawl_run(crawled):
    [run] = crawled["summary"]["runs"]
    failing = crawled["db"].execute("select count(*) from pages where status is null or status >= 400").fetchone()[0]
    assert failing >= 4  # 404, 410, slow, huge
    assert run["errors"] >= failing
    assert run["status"] == "ok"
