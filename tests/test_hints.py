"""Change hints merged: an article listed by a feed and a sitemap is fetched again when the
freshest hint says it changed, whichever hub the crawl reads first."""

import json
import sqlite3
from datetime import datetime, timedelta, timezone

import pytest

from hypothesis import given
from hypothesis import strategies as st

from archive.storage.hints import hint_time, latest_change
from crawler.demosite import DemoSiteServer, Page
from crawler.fetch.discover import Entry, credible_hints, feed_entries
from tests.conftest import run_cli, write_sources
from tests.test_changes import html as words_of_their_own
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
        edited_at = datetime.now(timezone.utc).replace(microsecond=0).isoformat()
        for path, page in hubs(site.base_url, edited_at, feed_title="W2").items():
            site.set_page(path, page)
        fetches_before = site.fetched(ARTICLE)
        requests_before = len(site.requests)
        third = crawl()
        assert third["articles_updated"] == 1, site.requests[requests_before:]
        assert site.fetched(ARTICLE) == fetches_before + 1
    with sqlite3.connect(db_path) as connection:
        assert connection.execute("select title from articles").fetchone()[0] == "Hafen edited"
        assert connection.execute("select count(*) from article_versions").fetchone()[0] == 1


def story(title: str, published: str, edit: str = "") -> Page:
    """A story of its own words, published at ``published``; ``edit`` adds a sentence."""
    page = words_of_their_own(title, edit)
    return Page(page.body.replace(b"2026-11-02T10:00:00+01:00", published.encode()), page.content_type, LAST_MODIFIED)


def section(paths: list[str]) -> Page:
    """A section front: a teaser per story, newest (or last edited) first."""
    teasers = "".join(
        f'<div class="teaser"><h2><a href="{path}">Meldung</a></h2><p>Ein Satz Anriss zu dieser Meldung.</p></div>'
        for path in paths
    )
    return Page(
        f"<!DOCTYPE html><html><head><title>Wirtschaft</title></head><body><main>{teasers}</main></body></html>".encode(),
        "text/html; charset=utf-8",
        LAST_MODIFIED,
    )


def test_a_story_moved_up_a_listing_is_fetched_again(tmp_path):
    """No feed or sitemap: the section front's order is the only hint that a story was edited."""
    paths = [f"/wirtschaft/2026/03/{name}.html" for name in ("hafen", "stahl", "messe", "neu")]
    hafen, stahl, messe, new = paths
    old = "2026-03-02T08:00:00+01:00"
    pages = {hafen: story("Hafen", old), stahl: story("Stahl", old), messe: story("Messe", old)}
    db_path = tmp_path / "archive.db"
    with DemoSiteServer(host="127.0.0.9", pages=pages) as site:
        site.set_page("/wirtschaft/", section([hafen, stahl, messe]))
        sources = write_sources(
            tmp_path / "sources.yml",
            {"sources": [{"id": "liste", "start_urls": [f"{site.base_url}/wirtschaft/"], "download_delay": 0}]},
        )

        def crawl():
            # Three small crawls: extracted in the crawl process, without starting workers.
            result = run_cli("crawl", "--sources", sources, "--db", db_path, "--json", "--set", "EXTRACT_WORKERS=0")
            return json.loads(result.stdout)["runs"][0]

        assert crawl()["articles_new"] == 3
        # A story published after the others were fetched goes on top; nothing else moved.
        published = datetime.now(timezone.utc) + timedelta(seconds=1)
        site.set_page(new, story("Neu", published.isoformat()))
        site.set_page("/wirtschaft/", section([new, hafen, stahl, messe]))
        fetched = {path: site.fetched(path) for path in paths}
        assert crawl()["articles_new"] == 1
        assert {path: site.fetched(path) - fetched[path] for path in paths} == {hafen: 0, stahl: 0, messe: 0, new: 1}
        # "Messe" is edited and moved up above the newer story; it is fetched again, the rest not.
        site.set_page(messe, story("Messe", old, "Nachtrag: Die Messe meldet einen Rekord."))
        site.set_page("/wirtschaft/", section([messe, new, hafen, stahl]))
        fetched = {path: site.fetched(path) for path in paths}
        run = crawl()
        assert run["articles_updated"] == 1
        assert {path: site.fetched(path) - fetched[path] for path in paths} == {hafen: 0, stahl: 0, messe: 1, new: 0}
    with sqlite3.connect(db_path) as connection:
        [text] = connection.execute("select text from articles where url like '%messe%'").fetchone()
    assert "Nachtrag" in text


@pytest.mark.parametrize(
    "item",
    [
        # Atom's <updated>, RSS with atom:updated or dcterms:modified: the update is the hint.
        "<updated>2026-03-04T09:00:00+01:00</updated><published>2026-03-02T08:00:00+01:00</published>",
        "<atom:updated>2026-03-04T09:00:00+01:00</atom:updated><pubDate>Mon, 02 Mar 2026 08:00:00 +0100</pubDate>",
        "<dcterms:modified>2026-03-04T09:00:00+01:00</dcterms:modified><pubDate>Mon, 02 Mar 2026 08:00:00 +0100</pubDate>",
    ],
)
def test_a_feed_items_update_time_is_its_hint(item):
    feed = (
        '<?xml version="1.0"?><rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" '
        'xmlns:dcterms="http://purl.org/dc/terms/"><channel><title>W</title>'
        f"<item><title>Hafen</title><link>https://zeitung.example{ARTICLE}</link>{item}</item></channel></rss>"
    )
    if item.startswith("<updated>"):
        feed = (
            '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>W</title><entry><title>Hafen</title>'
            f'<link href="https://zeitung.example{ARTICLE}"/>{item}</entry></feed>'
        )
    [entry] = feed_entries(feed.encode(), "https://zeitung.example/feed.xml")
    assert hint_time(entry.lastmod) == hint_time("2026-03-04T09:00:00+01:00")
    assert hint_time(entry.published) == hint_time("2026-03-02T08:00:00+01:00")


def test_a_sitemap_stamped_with_its_own_time_is_no_hint(tmp_path):
    """A sitemap that gives every entry the time it was generated: no article is due again."""
    paths = [f"/wirtschaft/2026/03/{name}.html" for name in ("hafen", "stahl", "messe", "werft")]
    db_path = tmp_path / "archive.db"
    old = "2026-03-02T08:00:00+01:00"
    with DemoSiteServer(host="127.0.0.9", pages={path: story(path, old) for path in paths}) as site:

        def stamped_now() -> Page:
            now = datetime.now(timezone.utc).replace(microsecond=0).isoformat()
            urls = "".join(f"<url><loc>{site.base_url}{path}</loc><lastmod>{now}</lastmod></url>" for path in paths)
            body = f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'
            return Page(body.encode(), "application/xml", LAST_MODIFIED)

        sources = write_sources(
            tmp_path / "sources.yml",
            {"sources": [{"id": "stempel", "sitemaps": [f"{site.base_url}/sitemap.xml"], "download_delay": 0}]},
        )
        for crawl in range(2):
            site.set_page("/sitemap.xml", stamped_now())
            before = len(site.requests)
            run_cli("crawl", "--sources", sources, "--db", db_path, "--set", "EXTRACT_WORKERS=0")
        asked = [path for _method, path, _status in site.requests[before:] if path in paths]
    assert asked == []


@pytest.mark.parametrize(
    "lastmods, kept",
    [
        (["2026-03-04T09:00:00Z"] * 3, [None] * 3),  # one time for all: no hint at all
        (["2026-03-04T09:00:00Z", "2026-03-04T09:00:00Z", "2026-03-05"], ["2026-03-04T09:00:00Z"] * 2 + ["2026-03-05"]),
        (["2026-03-04T09:00:00Z"] * 2, ["2026-03-04T09:00:00Z"] * 2),  # too few to tell
        (["2026-03-04T09:00:00Z", "2099-01-01T00:00:00Z"], ["2026-03-04T09:00:00Z", None]),  # the future
    ],
)
def test_credible_hints(lastmods, kept):
    entries = [Entry(f"https://zeitung.example/{n}.html", lastmod) for n, lastmod in enumerate(lastmods)]
    now = datetime(2026, 3, 6, tzinfo=timezone.utc)
    assert [entry.lastmod for entry in credible_hints(entries, now)[0]] == kept


@pytest.mark.parametrize(
    "hint, latest",
    [
        ("2026-03-02", "2026-03-03T00:00:00+00:00"),  # a date names the whole day
        ("2026-03-02T08+01:00", "2026-03-02T09:00:00+01:00"),
        ("2026-03-02T08:15+01:00", "2026-03-02T08:16:00+01:00"),
        ("2026-03-02T08:15:07Z", "2026-03-02T08:15:08+00:00"),
        ("2026-03-02 08:15:07", "2026-03-02T08:15:08+00:00"),
        ("2026-03-02T08:15:07.250+01:00", "2026-03-02T08:15:07.250000+01:00"),  # a fraction: as written
        ("gestern", None),
        ("", None),
    ],
)
def test_latest_change_adds_what_the_hint_leaves_open(hint, latest):
    assert latest_change(hint) == (hint_time(latest) if latest else None)


@given(st.text(max_size=40) | st.datetimes().map(datetime.isoformat) | st.dates().map(str))
def test_latest_change_is_never_before_the_hint(value):
    latest = latest_change(value)
    assert (latest is None) == (hint_time(value) is None)
    assert latest is None or latest >= hint_time(value)


def test_a_date_only_hint_of_the_fetch_day_fetches_again(tmp_path):
    """A news sitemap that writes dates only: an article fetched this morning and edited since
    keeps the lastmod it had; that day is not over, so when the sitemap is read again (a new
    story joined it) the article is asked for again."""
    db_path = tmp_path / "archive.db"
    today = datetime.now(timezone.utc).date().isoformat()
    later = "/wirtschaft/2026/03/werft.html"

    def sitemap(base: str, paths: list[str]) -> Page:
        urls = "".join(f"<url><loc>{base}{path}</loc><lastmod>{today}</lastmod></url>" for path in paths)
        body = f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'
        return Page(body.encode(), "application/xml", LAST_MODIFIED)

    with DemoSiteServer(host="127.0.0.9", pages={ARTICLE: article("first")}) as site:
        site.set_page("/sitemap.xml", sitemap(site.base_url, [ARTICLE]))
        sources = write_sources(
            tmp_path / "sources.yml",
            {"sources": [{"id": "tage", "sitemaps": [f"{site.base_url}/sitemap.xml"], "download_delay": 0}]},
        )
        run_cli("crawl", "--sources", sources, "--db", db_path)
        site.set_page(ARTICLE, article("edited"))
        site.set_page(later, story(later, today))
        site.set_page("/sitemap.xml", sitemap(site.base_url, [later, ARTICLE]))
        run_cli("crawl", "--sources", sources, "--db", db_path)
    with sqlite3.connect(db_path) as connection:
        titles = {row[0] for row in connection.execute("select title from articles")}
    assert "Hafen edited" in titles and len(titles) == 2
