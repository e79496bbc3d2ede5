"""Never miss a change, never store what is gone, never rush a host: a local network of three
sites on 127.0.0.x, crawled four times through the real CLI, asserted from the sites' request
logs and the stored rows.

- a newspaper (feed, sitemap and news sitemap): edits hinted only by the hub read last;
- a host asking for ``Crawl-delay: 1`` in its robots.txt;
- a site whose articles disappear (404, a "not found" page answered with 200, a redirect to the
  home page) and whose error template is answered with 200 from the start.
"""

import asyncio
import json
import random
import sqlite3
import time
from datetime import datetime, timezone

import pytest
from datasette.app import Datasette
from hypothesis import given
from hypothesis import strategies as st

from crawler.demosite import DemoSiteServer, Page
from crawler.fetch.discover import sitemap_entries
from crawler.fetch.gone import expired_redirect, soft_404_reason
from tests.conftest import run_cli, write_sources
from archive.publishing.publish import metadata_for
from tests.test_datasette_search import served
from tests.test_publish import METADATA
from tests.webcases import article_html

# Words for stories that share no more than a news site's stories do (the archive folds near-
# duplicates into one story, as it should).
WORDS = (
    "Hafen Stahl Messe Gründer Bank Umsatz Kammer Rathaus Werk Logistik Mittelstand Export Quartal "
    "Investition Standort Ausbildung Fachkräfte Energie Wasserstoff Tarif Handel Bilanz Gewinn Aufträge "
    "Flughafen Bahn Kreis Stadtrat Förderung Insolvenz Übernahme Vorstand Aufsichtsrat Chemie Software "
    "Rhein Ruhr Düsseldorf Duisburg Neuss Krefeld Mönchengladbach Zulieferer Halle Lager Kunden Preise"
).split()

LAST_MODIFIED = "Mon, 02 Mar 2026 08:00:00 GMT"
PUBLISHED = "2026-03-02T08:00:00+01:00"
NEWS_NS = 'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"'
SITEMAP_NS = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
CRAWL_DELAY = 1


def html(title: str, edit: str = "") -> Page:
    """A story of its own words (chosen by its title); ``edit`` adds a sentence to it."""
    words = random.Random(title)
    story = " ".join(" ".join(words.choice(WORDS) for _ in range(14)).capitalize() + "." for _ in range(12))
    page = article_html(title, title).replace("<article>", f"<article><p>{story} {edit}</p>", 1)
    return Page(page.encode(), "text/html; charset=utf-8", LAST_MODIFIED)


def xml(text: str, content_type: str = "application/xml") -> Page:
    return Page(text.encode(), content_type, LAST_MODIFIED)


def listing(paths) -> Page:
    links = "".join(f'<a href="{path}">{path}</a> ' for path in paths)
    return Page(f"<html><body>{links}</body></html>".encode(), "text/html; charset=utf-8", LAST_MODIFIED)


# --- the newspaper: one article, three hubs, each with its own hint -------------------------------

NEWSPAPER_ARTICLES = {
    name: f"/wirtschaft/2026/03/{name}.html"
    for name in ("hafen", "stahl", "messe", *(f"meldung-{number}" for number in range(12)))
}


def newspaper_hubs(base: str, lastmod: dict[str, str], published: dict[str, str], feed_title: str) -> dict:
    """Feed (publication dates only), a sitemap index with the article sitemap and the news
    sitemap: the index is one step further, so the feed's hints always come first."""
    items = "".join(
        f"<item><title>{name}</title><link>{base}{path}</link><pubDate>Mon, 02 Mar 2026 08:00:00 +0100</pubDate></item>"
        for name, path in NEWSPAPER_ARTICLES.items()
    )
    feed = f'<?xml version="1.0"?><rss version="2.0"><channel><title>{feed_title}</title>{items}</channel></rss>'
    index = "".join(f"<sitemap><loc>{base}/{name}.xml</loc></sitemap>" for name in ("sitemap-articles", "sitemap-news"))
    articles = "".join(
        f"<url><loc>{base}{path}</loc><lastmod>{lastmod.get(name, PUBLISHED)}</lastmod></url>"
        for name, path in NEWSPAPER_ARTICLES.items()
    )
    news = "".join(
        f"<url><loc>{base}{path}</loc><news:news><news:publication><news:name>Zeitung</news:name>"
        f"<news:language>de</news:language></news:publication>"
        f"<news:publication_date>{published.get(name, PUBLISHED)}</news:publication_date>"
        f"<news:title>{name}</news:title></news:news></url>"
        for name, path in NEWSPAPER_ARTICLES.items()
    )
    return {
        "/feed.xml": xml(feed, "application/rss+xml"),
        "/sitemap.xml": xml(f'<?xml version="1.0"?><sitemapindex {SITEMAP_NS}>{index}</sitemapindex>'),
        "/sitemap-articles.xml": xml(f'<?xml version="1.0"?><urlset {SITEMAP_NS}>{articles}</urlset>'),
        "/sitemap-news.xml": xml(f'<?xml version="1.0"?><urlset {SITEMAP_NS} {NEWS_NS}>{news}</urlset>'),
    }


def newspaper_pages() -> dict[str, Page]:
    return {path: html(f"Zeitung {name}") for name, path in NEWSPAPER_ARTICLES.items()}


# --- the polite host ------------------------------------------------------------------------------

POLITE_ARTICLES = [f"/news/2026/03/bericht-{number}.html" for number in range(3)]


def polite_pages() -> dict[str, Page]:
    pages = {path: html(f"Bericht {number}") for number, path in enumerate(POLITE_ARTICLES)}
    pages["/news/"] = listing(POLITE_ARTICLES)
    pages["/robots.txt"] = Page(f"User-agent: *\nCrawl-delay: {CRAWL_DELAY}\n".encode(), "text/plain", LAST_MODIFIED)
    return pages


# --- the site whose articles disappear ------------------------------------------------------------

GONE_ARTICLES = {
    name: f"/lokales/2026/03/{name}.html"
    for name in ("bleibt", "soft", "deleted", "moved", "to-error-page", "chain-home", "chain-404")
}
ERROR_PAGE = "/fehler/seite-nicht-gefunden.html"
# An error template answered with 200 from the start: the site's name as title, the news in <h1>.
ERROR_PATH = "/lokales/2026/03/abgelaufen.html"
GERMAN_NOT_FOUND = Page(
    "<!DOCTYPE html><html lang='de'><head><title>Lokalblatt – Nachrichten aus der Region</title></head>"
    "<body><h1>Die angeforderte Seite existiert nicht</h1><p>Vielleicht finden Sie, was Sie suchen, "
    "auf unserer <a href='/lokales/'>Startseite</a>.</p></body></html>".encode(),
    "text/html; charset=utf-8",
    LAST_MODIFIED,
)
ENGLISH_NOT_FOUND = Page(
    b"<!DOCTYPE html><html><head><title>Page not found | Local Paper</title></head><body>"
    b"<h1>Sorry, we could not find that page</h1></body></html>",
    "text/html; charset=utf-8",
    LAST_MODIFIED,
)


# WordPress's 404 template served with 200: no wording to go by, only the template's name.
TEMPLATE_PATH = "/lokales/2026/03/wp-template.html"
WORDPRESS_NOT_FOUND = Page(
    b"<!DOCTYPE html><html><head><title>Lokalblatt</title></head><body class='error404 hfeed'>"
    b"<h1>Hoppla!</h1><p>Hier ist nichts.</p></body></html>",
    "text/html; charset=utf-8",
    LAST_MODIFIED,
)


def gone_pages() -> dict[str, Page]:
    pages = {path: html(f"Lokales {name}") for name, path in GONE_ARTICLES.items()}
    pages[ERROR_PATH] = GERMAN_NOT_FOUND
    pages[TEMPLATE_PATH] = WORDPRESS_NOT_FOUND
    pages["/lokales/"] = listing([*GONE_ARTICLES.values(), ERROR_PATH, TEMPLATE_PATH])
    pages["/"] = listing(["/lokales/"])
    return pages


def redirect(location: str) -> Page:
    return Page(b"", "text/html", LAST_MODIFIED, location=location)


# --- the network and its crawls -------------------------------------------------------------------


class Network:
    def __init__(self, tmp_path, newspaper, polite, gone):
        self.newspaper, self.polite, self.gone = newspaper, polite, gone
        self.db_path = tmp_path / "archive.db"
        self.sources = write_sources(
            tmp_path / "sources.yml",
            {
                "sources": [
                    {
                        "id": "zeitung",
                        "feeds": [f"{newspaper.base_url}/feed.xml"],
                        "sitemaps": [f"{newspaper.base_url}/sitemap.xml"],
                        "download_delay": 0,
                    },
                    {"id": "polite", "start_urls": [f"{polite.base_url}/news/"], "download_delay": 0},
                    {"id": "lokal", "start_urls": [f"{gone.base_url}/lokales/"], "download_delay": 0},
                ]
            },
        )

    @property
    def sites(self):
        return (self.newspaper, self.polite, self.gone)

    def crawl(self) -> tuple[dict[str, dict], list[int]]:
        """Crawl all three sources; their run rows by source, and where each site's log stood."""
        before = [len(site.requests) for site in self.sites]
        result = run_cli("crawl", "--sources", self.sources, "--db", self.db_path, "--json")
        return {run["source"]: run for run in json.loads(result.stdout)["runs"]}, before

    def article_responses(self, since: list[int]) -> dict[int, int]:
        """Status → count of the answers to article pages since the log positions ``since``."""
        paths = {*NEWSPAPER_ARTICLES.values(), *POLITE_ARTICLES, *GONE_ARTICLES.values()}
        counts: dict[int, int] = {}
        for site, start in zip(self.sites, since):
            for _method, path, status in site.requests[start:]:
                if path in paths:
                    counts[status] = counts.get(status, 0) + 1
        return counts

    def query(self, sql: str, *params):
        with sqlite3.connect(self.db_path) as connection:
            return connection.execute(sql, params).fetchall()

    def make_due(self, site, paths) -> None:
        """Time passes: these stored articles are due for their next revisit."""
        with sqlite3.connect(self.db_path) as connection:
            for path in paths:
                connection.execute(
                    "update pages set next_due = '2000-01-01T00:00:00+00:00' where url = ?", [site.base_url + path]
                )

    def at_source(self) -> dict[str, tuple[str, str | None]]:
        rows = self.query("select url, at_source, removed_at from articles where url like ?", f"{self.gone.base_url}%")
        return {url.rsplit("/", 1)[1].removesuffix(".html"): (state, removed) for url, state, removed in rows}


@pytest.fixture(scope="module")
def network(tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("changes")
    with (
        DemoSiteServer(host="127.0.0.31", pages=newspaper_pages()) as newspaper,
        DemoSiteServer(host="127.0.0.32", pages=polite_pages()) as polite,
        DemoSiteServer(host="127.0.0.33", pages=gone_pages()) as gone,
    ):
        newspaper.pages.update(newspaper_hubs(newspaper.base_url, {}, {}, "Zeitung"))
        yield Network(tmp_path, newspaper, polite, gone)


@pytest.fixture(scope="module")
def first_two(network):
    first, first_start = network.crawl()
    second, second_start = network.crawl()
    return {
        "first": first,
        "first_start": first_start,
        "first_articles": network.article_responses(first_start),
        "second": second,
        "second_articles": network.article_responses(second_start),
        "second_start": second_start,
    }


def test_first_crawl_stores_every_article_and_no_error_page(network, first_two):
    stored = {url for (url,) in network.query("select url from articles")}
    expected = {
        *(network.newspaper.base_url + path for path in NEWSPAPER_ARTICLES.values()),
        *(network.polite.base_url + path for path in POLITE_ARTICLES),
        *(network.gone.base_url + path for path in GONE_ARTICLES.values()),
    }
    assert stored == expected
    # The German error page was fetched, recorded as gone, and is no article.
    assert network.gone.fetched(ERROR_PATH) == 1
    [(status, error)] = network.query(
        "select status, error from pages where url = ?", network.gone.base_url + ERROR_PATH
    )
    assert status == 404 and error.startswith("soft 404: Die angeforderte Seite existiert nicht")
    [(error,)] = network.query("select error from pages where url = ?", network.gone.base_url + TEMPLATE_PATH)
    assert error == "soft 404: error template (error404)"
    assert first_two["first"]["lokal"]["articles_new"] == len(GONE_ARTICLES)


def test_requests_to_the_polite_host_keep_its_crawl_delay(network, first_two):
    start, end = first_two["first_start"][1], first_two["second_start"][1]
    times = [
        moment
        for (_, path, _), moment in zip(network.polite.requests[start:end], network.polite.request_times[start:end])
        if path != "/robots.txt"
    ]
    gaps = [later - earlier for earlier, later in zip(times, times[1:])]
    assert len(gaps) >= len(POLITE_ARTICLES)  # the listing, each article (and the nav's home link)
    assert min(gaps) >= CRAWL_DELAY - 0.05, gaps


def test_unchanged_second_crawl_costs_almost_nothing(first_two):
    first_full = first_two["first_articles"].get(200, 0)
    second_full = first_two["second_articles"].get(200, 0)
    assert first_full == len(NEWSPAPER_ARTICLES) + len(POLITE_ARTICLES) + len(GONE_ARTICLES)
    assert second_full <= 0.05 * first_full, first_two["second_articles"]
    for run in first_two["second"].values():
        assert (run["articles_new"], run["articles_updated"]) == (0, 0)


@pytest.fixture(scope="module")
def changed(network, first_two):
    newspaper, gone = network.newspaper, network.gone
    # Edits on the newspaper: each is hinted by one hub only, and never by the feed, read first.
    now = datetime.now(timezone.utc).replace(microsecond=0).isoformat()
    newspaper.set_page(NEWSPAPER_ARTICLES["hafen"], html("Zeitung hafen", "Nachtrag: Der Hafen meldet neue Zahlen."))
    newspaper.set_page(
        NEWSPAPER_ARTICLES["stahl"], html("Zeitung stahl", "Nachtrag: Das Stahlwerk bestätigt den Auftrag.")
    )
    # "messe" gets a fresh hint but is unchanged: asked again, conditionally.
    for path, page in newspaper_hubs(newspaper.base_url, {"hafen": now, "messe": now}, {"stahl": now}, "Z2").items():
        newspaper.set_page(path, page)
    # On the local site, three articles disappear, each in its own way, at their next revisit.
    gone.set_page(GONE_ARTICLES["soft"], ENGLISH_NOT_FOUND)
    gone.remove_page(GONE_ARTICLES["deleted"])
    gone.set_page(GONE_ARTICLES["moved"], redirect(f"{gone.base_url}/"))
    # Sent on to the site's error page (answered with 200), or through a chain of redirects.
    gone.set_page(GONE_ARTICLES["to-error-page"], redirect(gone.base_url + ERROR_PAGE))
    gone.set_page(ERROR_PAGE, GERMAN_NOT_FOUND)
    gone.set_page(GONE_ARTICLES["chain-home"], redirect(f"{gone.base_url}/lokales/2026/03/chain-home/"))
    gone.set_page("/lokales/2026/03/chain-home/", redirect(f"{gone.base_url}/lokales/"))
    gone.set_page(GONE_ARTICLES["chain-404"], redirect(f"{gone.base_url}/lokales/2026/03/chain-404-neu.html"))
    network.make_due(gone, GONE_ARTICLES.values())
    runs, start = network.crawl()
    return {"runs": runs, "start": start}


def test_edits_hinted_by_any_hub_are_archived(network, changed):
    newspaper = network.newspaper
    assert changed["runs"]["zeitung"]["articles_updated"] == 2
    answers = {
        path: status for _method, path, status in newspaper.requests[changed["start"][0] :] if path.endswith(".html")
    }
    # The edits in full, the unchanged one answered 304, none of the twelve others asked for.
    assert answers == {
        NEWSPAPER_ARTICLES["hafen"]: 200,
        NEWSPAPER_ARTICLES["stahl"]: 200,
        NEWSPAPER_ARTICLES["messe"]: 304,
    }
    versions = network.query(
        "select count(*) from article_versions join articles on articles.id = article_versions.article_id "
        "where articles.url in (?, ?)",
        newspaper.base_url + NEWSPAPER_ARTICLES["hafen"],
        newspaper.base_url + NEWSPAPER_ARTICLES["stahl"],
    )
    assert versions == [(2,)]


def test_disappeared_articles_keep_their_rows_marked_removed(network, changed):
    states = network.at_source()
    assert {name: state for name, (state, _) in states.items()} == {
        name: "online" if name == "bleibt" else "removed" for name in GONE_ARTICLES
    }
    assert all(removed for name, (_, removed) in states.items() if name != "bleibt")
    assert network.query("select count(*) from articles where title like '%not found%'") == [(0,)]
    # Each one is recorded as gone under the article's own address, whatever the chain.
    errors = dict(
        network.query("select url, error from pages where url like ?", f"{network.gone.base_url}/lokales/2026/03/%")
    )
    address = {name: network.gone.base_url + path for name, path in GONE_ARTICLES.items()}
    assert errors[address["to-error-page"]].startswith(f"soft 404 at {network.gone.base_url}{ERROR_PAGE}")
    assert errors[address["chain-home"]] == f"redirected to {network.gone.base_url}/lokales/"
    assert errors[address["chain-404"]].startswith("HTTP 404 at ")
    assert errors[address["moved"]] == f"redirected to {network.gone.base_url}/"
    assert changed["runs"]["lokal"]["articles_new"] == 0
    # Back online: the mark is cleared.
    network.gone.set_page(GONE_ARTICLES["soft"], html("Lokales soft"))
    network.make_due(network.gone, [GONE_ARTICLES["soft"]])
    network.crawl()
    assert network.at_source()["soft"] == ("online", None)
    assert network.at_source()["deleted"][0] == "removed"


def test_a_news_sitemap_publication_date_is_a_hint():
    body = (
        f'<?xml version="1.0"?><urlset {SITEMAP_NS} {NEWS_NS}>'
        "<url><loc>https://zeitung.example/a.html</loc><news:news><news:publication_date>"
        "2026-03-02T08:00:00+01:00</news:publication_date></news:news></url>"
        "<url><loc>https://zeitung.example/b.html</loc><lastmod>2026-03-01</lastmod><news:news>"
        "<news:publication_date>2026-03-04T08:00:00Z</news:publication_date></news:news></url>"
        "<url><loc>https://zeitung.example/c.html</loc><lastmod>2026-03-05</lastmod><news:news>"
        "<news:publication_date>bald</news:publication_date></news:news></url>"
        "</urlset>"
    )
    kind, entries = sitemap_entries(body.encode())
    assert kind == "urlset"
    # The freshest readable hint of each entry; one that cannot be read does not count.
    assert [entry.lastmod for entry in entries] == ["2026-03-02T08:00:00+01:00", "2026-03-04T08:00:00Z", "2026-03-05"]


def test_a_crawl_delay_beyond_the_maximum_waits_the_maximum(tmp_path):
    pages = polite_pages()
    pages["/robots.txt"] = Page(b"User-agent: *\nCrawl-delay: 1e308\n", "text/plain", LAST_MODIFIED)
    with DemoSiteServer(host="127.0.0.34", pages=pages) as site:
        sources = write_sources(
            tmp_path / "sources.yml",
            {"sources": [{"id": "slow", "start_urls": [f"{site.base_url}/news/"], "download_delay": 0}]},
        )
        result = run_cli(
            "crawl", "--sources", sources, "--db", tmp_path / "archive.db", "--set", "ROBOTS_DELAY_MAX=0.5", timeout=60
        )
        times = [moment for (_, path, _), moment in zip(site.requests, site.request_times) if path != "/robots.txt"]
    gaps = [later - earlier for earlier, later in zip(times, times[1:])]
    assert len(gaps) >= len(POLITE_ARTICLES) and min(gaps) >= 0.5 - 0.05, gaps
    assert "waiting ROBOTS_DELAY_MAX" in result.stderr


@pytest.mark.parametrize(
    "requested, landed, expired",
    [
        ("https://www.zeitung.example/wirtschaft/alt.html", "https://zeitung.example/", True),
        ("https://zeitung.example/wirtschaft/alt.html", "https://www.zeitung.example/wirtschaft/", True),
        ("https://www.zeitung.example/wirtschaft/alt.html", "https://www.zeitung.example/wirtschaft/neu.html", False),
        ("https://www.zeitung.example/wirtschaft/alt.html", "https://blog.zeitung.example/", False),
    ],
)
def test_the_www_host_and_the_bare_one_are_one_site(requested, landed, expired):
    assert expired_redirect(requested, landed) is expired


@pytest.mark.parametrize(
    "page, gone",
    [
        ('<html><head><title>Lokalblatt</title></head><body class="error404 wp-theme-x">Hoppla.</body>', True),
        ("<html><head><title>Lokalblatt</title></head><body class='page page-404'><h1>Lokalblatt</h1>", True),
        ('<html><head><meta name="prerender-status-code" content="404"><title>Lokalblatt</title></head>', True),
        ('<html><head><title>Lokalblatt</title></head><body class="single postid-404 error404x">', False),
        ('<html><head><title>Lokalblatt</title></head><body class="single-post"><p class="error404">', False),
        ('<html><head><meta name="prerender-status-code" content="200"><title>Lokalblatt</title></head>', False),
    ],
)
def test_error_templates_that_name_themselves(page, gone):
    assert bool(soft_404_reason(page.encode())) is gone


@given(
    st.lists(
        st.sampled_from(
            [
                "<body",
                "<BODY ",
                " class=",
                '"',
                "'",
                "error404",
                " ",
                ">",
                "<meta ",
                "x" * 50,
                "prerender-status-code",
                " content=",
                "404",
            ]
        ),
        max_size=400,
    )
)
def test_any_page_is_read_in_linear_time(parts):
    # A page of up to 400 parts is read in milliseconds; backtracking that grows with the
    # page's length takes minutes. The bound sits between, far from a loaded machine's pauses
    # (a run beside other work once took half a second).
    started = time.perf_counter()
    soft_404_reason("".join(parts).encode())
    assert time.perf_counter() - started < 5


def test_datasette_facets_articles_by_whether_the_source_still_has_them(network, changed):
    fetch = served(network.db_path)
    data = fetch(f"/{network.db_path.stem}/articles.json?source=lokal&_facet=at_source&_shape=objects")
    facet = {item["value"]: item["count"] for item in data["facet_results"]["at_source"]["results"]}
    removed = [name for name, (state, _) in network.at_source().items() if state == "removed"]
    assert facet == {"online": len(GONE_ARTICLES) - len(removed), "removed": len(removed)}
    assert removed
    # The table page offers the facet and the list of removed articles to whoever browses it.
    datasette = Datasette([str(network.db_path)], metadata=metadata_for(network.db_path, METADATA))
    response = asyncio.run(datasette.client.get(f"/{network.db_path.stem}/articles"))
    assert 'href="?_facet=at_source"' in response.text and 'href="?at_source=removed"' in response.text
