"""Change hints merged: an article listed by a feed and a sitemap is fetched again when the
freshest hint says it changed, whichever hub the crawl reads first."""

import json
import sqlite3

from crawler.demosite import DemoSiteServer, Page
from tests.conftest import run_cli, write_sources
from tests.webcases import article_html

LAST_MODIFIED = "Mon, 02 Mar 2026 08:00:00 GMT"
ARTICLE = "/wirtschaft/2026/03/hafen.html"


def article(version: str) -> Page:
    return Page(article_html(f"Hafen {version}", version).encode(), "text/html; charset=utf-8", LAST_MODIFIED)


def hubs(base: str, sitemap_lastmod: str, feed_title: str = "W") -> dict[str, Page]:
    # The feed gives the publication date only: its hint never says the article changed.
    feed = (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>{feed_title}</title><item><title>Hafen</title>'
        f"<link>{base}{ARTICLE}</link><pubDate>Mon, 02 Mar 2026 08:00:00 +0100</pubDate></item>"
        "</channel></rss>"
    )
    # The sitemap is an index's child: read a step after the feed, its hint comes second.
    index = (
        '<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"<sitemap><loc>{base}/sitemap-articles.xml</loc></sitemap></sitemapindex>"
    )
    sitemap = (
        '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        f"<url><loc>{base}{ARTICLE}</loc><lastmod>{sitemap_lastmod}</lastmod></url></urlset>"
    )
    return {
        "/feed.xml": Page(feed.encode(), "application/rss+xml", LAST_MODIFIED),
        "/sitemap.xml": Page(index.encode(), "application/xml", LAST_MODIFIED),
        "/sitemap-articles.xml": Page(sitemap.encode(), "application/xml", LAST_MODIFIED),
    }


def test_the_freshest_hint_wins_whichever_hub_comes_first(tmp_path):
    db_path = tmp_path / "archive.db"
    with DemoSiteServer(host="127.0.0.9", pages={ARTICLE: article("first")}) as site:
        site.pages.update(hubs(site.base_url, "2026-03-02T08:00:00+01:00"))
        # The feed is read first: its hint (the publication date) is older than the edit.
        sources = write_sources(
            tmp_path / "sources.yml",
            {
                "sources": [
                    {
                        "id": "hints",
                        "feeds": [f"{site.base_url}/feed.xml"],
                        "sitemaps": [f"{site.base_url}/sitemap.xml"],
                        "download_delay": 0,
                    }
                ]
            },
        )

        def crawl():
            result = run_cli("crawl", "--sources", sources, "--db", db_path, "--json")
            return json.loads(result.stdout)["runs"][0]

        assert crawl()["articles_new"] == 1
        unchanged = crawl()
        assert unchanged["articles_updated"] == 0 and unchanged["pages_fetched"] <= 3
        # The article is edited; only the sitemap says so.
        site.set_page(ARTICLE, article("edited"))
        # The feed changed too (so it is read, and read first); only the sitemap's hint is fresh.
        for path, page in hubs(site.base_url, "2099-01-01T00:00:00+00:00", feed_title="W2").items():
            site.set_page(path, page)
        fetches_before = site.fetched(ARTICLE)
        requests_before = len(site.requests)
        third = crawl()
        assert third["articles_updated"] == 1, site.requests[requests_before:]
        assert site.fetched(ARTICLE) == fetches_before + 1
    with sqlite3.connect(db_path) as connection:
        assert connection.execute("select title from articles").fetchone()[0] == "Hafen edited"
        assert connection.execute("select count(*) from article_versions").fetchone()[0] == 1
