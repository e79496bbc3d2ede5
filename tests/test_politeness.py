"""Politeness from robots.txt: a host's Crawl-delay or Request-rate, whichever asks more,
spaces a crawl's requests to it, in one process and across distributed workers; measured
from the test server's own request log."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scrapy.robotstxt import ProtegoRobotParser

from crawler.crawl import crawl_settings, user_agent
from crawler.demosite import DemoSiteServer, Page
from crawler.fetch.middlewares import robots_delay
from crawler.fetch.robotsparser import RobotParser
from tests.conftest import run_cli, write_sources
from tests.test_distributed import finish, start_worker
from tests.webcases import article_html

LAST_MODIFIED = "Mon, 02 Mar 2026 08:00:00 GMT"


def polite_site(robots: str, articles: int = 4) -> dict[str, Page]:
    pages = {"/robots.txt": Page(robots.encode(), "text/plain", LAST_MODIFIED)}
    links = ""
    for number in range(articles):
        path = f"/news/2026/03/meldung-{number}.html"
        links += f'<a href="{path}">Meldung {number}</a> '
        pages[path] = Page(
            article_html(f"Meldung {number}", str(number)).encode(), "text/html; charset=utf-8", LAST_MODIFIED
        )
    pages["/news/"] = Page(f"<html><body>{links}</body></html>".encode(), "text/html", LAST_MODIFIED)
    return pages


def page_gaps(site) -> list[float]:
    times = [moment for (_, path, _), moment in zip(site.requests, site.request_times) if path != "/robots.txt"]
    return [later - earlier for earlier, later in zip(times, times[1:])]


@pytest.mark.parametrize(
    "robots, delay",
    [
        # A decimal delay in a group for our crawler alone, among others: its delay, not another
        # crawler's, and none from the group for all.
        (
            "User-agent: Googlebot\nCrawl-delay: 9\n\nUser-agent: newsarchive\nCrawl-delay: 1.5\n\nUser-agent: *\nAllow: /\n",
            1.5,
        ),
        ("User-agent: *\nRequest-rate: 1/2s\nCrawl-delay: 1\n", 2.0),  # the larger of the two
        ("User-agent: *\nCrawl-delay: 1,5\n", 1.5),  # a decimal comma, as German sites write it
    ],
)
def test_crawl_respects_the_delay_robots_txt_asks(tmp_path, robots, delay):
    with DemoSiteServer(host="127.0.0.6", pages=polite_site(robots)) as site:
        sources = write_sources(
            tmp_path / "sources.yml",
            {"sources": [{"id": "polite", "start_urls": [f"{site.base_url}/news/"], "download_delay": 0}]},
        )
        run_cli("crawl", "--sources", sources, "--db", tmp_path / "archive.db")
        gaps = page_gaps(site)
    assert len(gaps) >= 4
    assert min(gaps) >= delay - 0.05, gaps


def test_a_delay_with_a_decimal_comma_is_read_as_its_number():
    agent = user_agent(crawl_settings(":memory:"))
    assert crawl_settings(":memory:")["ROBOTSTXT_PARSER"] == "crawler.fetch.robotsparser.RobotParser"
    for text, delay in [
        (b"User-agent: *\nCrawl-delay: 2,5\n", 2.5),
        (b"User-agent: newsarchive\n  crawl-delay :0,75\r\n", 0.75),
        (b"User-agent: *\nCrawl-delay: 3\n# Crawl-delay: 9,5\n", 3),  # a comment is no delay
    ]:
        assert robots_delay(RobotParser(text, None), agent) == delay, text
    # What may be fetched is read as before.
    robots = RobotParser(b"User-agent: *\nCrawl-delay: 2,5\nDisallow: /intern/\n", None)
    assert not robots.allowed("https://example.org/intern/a", agent) and robots.allowed("https://example.org/a", agent)


@settings(max_examples=200)
@given(st.binary(max_size=300) | st.text(alphabet="Crawl-dey: 0123456789,.\n*Usr-agnt/", max_size=120).map(str.encode))
def test_any_robots_txt_reads_as_protego_reads_it_but_for_decimal_commas(body):
    agent = user_agent(crawl_settings(":memory:"))
    ours = robots_delay(RobotParser(body, None), agent)
    if b"," not in body:
        assert ours == robots_delay(ProtegoRobotParser(body, None), agent)
    assert ours is None or ours > 0


def test_robots_delay_reads_protego():
    def parsed(text):
        return ProtegoRobotParser(text.encode(), None)

    assert robots_delay(parsed("User-agent: *\nCrawl-delay: 3\n"), "newsarchive") == 3
    assert robots_delay(parsed("User-agent: *\nRequest-rate: 2/10s\n"), "newsarchive") == 5
    assert robots_delay(parsed("User-agent: other\nCrawl-delay: 3\n"), "newsarchive") is None
    assert robots_delay(parsed("garbage\x00"), "newsarchive") is None
    # Groups are matched on the crawl's own User-Agent, which starts with its name.
    agent = user_agent(crawl_settings(":memory:"))
    assert agent.startswith("newsarchive/")
    assert robots_delay(parsed("User-agent: newsarchive\nCrawl-delay: 2.5\n\nUser-agent: *\nAllow: /\n"), agent) == 2.5
    assert (
        robots_delay(parsed("User-agent: Googlebot\nCrawl-delay: 9\n\nUser-agent: *\nCrawl-delay: 0.5\n"), agent) == 0.5
    )


def test_distributed_workers_respect_it_together(redis_url, tmp_path):
    with DemoSiteServer(host="127.0.0.7", pages=polite_site("User-agent: *\nCrawl-delay: 1\n", 5)) as site:
        sources = write_sources(
            tmp_path / "sources.yml",
            {"sources": [{"id": "polite", "start_urls": [f"{site.base_url}/news/"], "download_delay": 0}]},
        )
        run_cli("enqueue", "--sources", sources, "--redis", redis_url)
        workers = [start_worker(sources, redis_url, name, 2, "--set", "EXTRACT_WORKERS=0") for name in ("w1", "w2")]
        for worker in workers:
            finish(worker)
        gaps = page_gaps(site)
    assert len(gaps) >= 4
    assert min(gaps) >= 1 - 0.1, gaps
