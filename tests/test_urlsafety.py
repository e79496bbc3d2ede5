"""URL safety: a crawl fetches only http(s) URLs on the source's hosts, stores only http(s)
URLs, and Datasette links only http(s) URLs.

A hostile news site on 127.0.0.2 points its sitemap index, robots.txt, feed, listing and
redirects at another host (127.0.0.3, which logs every request), at file:///etc/passwd and at
javascript: URLs, and declares a javascript: canonical. Crawled with `newsarchive crawl`.
"""

import asyncio
import re
import socket
from http.server import BaseHTTPRequestHandler

import pytest
import sqlite_utils
from datasette.app import Datasette
from hypothesis import given
from hypothesis import strategies as st

from archive.canonical import canonical_url, same_site
from archive.publishing.publish import metadata_for
from archive.storage.store import open_archive, save_sources, store_article
from archive.urls import INTERNAL_ADDRESS, NOT_WEB, OFFSITE, UrlPolicy, host_of, web_url
from crawler.extraction.article import Article
from tests.conftest import run_cli, write_sources
from tests.test_publish import METADATA
from tests.webcases import LoopbackSite, article_html

HTML = {"Content-Type": "text/html; charset=utf-8"}
XML = {"Content-Type": "application/xml"}


class LoggingSite(LoopbackSite):
    """``routes`` ({path: (status, headers, body)}) on ``host``; every request path is logged."""

    def __init__(self, host: str):
        self.routes: dict[str, tuple[int, dict, bytes]] = {}
        self.requests: list[str] = []
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                site.requests.append(self.path)
                status, headers, body = site.routes.get(self.path, (404, HTML, b"<html>404</html>"))
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format, *args):  # noqa: A002 - the base class's name
                pass

        super().__init__(host, Handler)


def sitemap_index(locations) -> bytes:
    entries = "".join(f"<sitemap><loc>{loc}</loc></sitemap>" for loc in locations)
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><sitemapindex '
        f'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{entries}</sitemapindex>'
    ).encode()


def urlset(locations) -> bytes:
    entries = "".join(f"<url><loc>{loc}</loc></url>" for loc in locations)
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><urlset '
        f'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{entries}</urlset>'
    ).encode()


def redirect(location: str):
    return 302, {"Location": location, "Content-Type": "text/html"}, b""


def hostile_site(site: LoggingSite, other: str) -> None:
    """Every way a page can point a crawler elsewhere, on ``site``; ``other`` is another host."""
    own = site.base_url
    js_canonical = article_html("Kanonisch", "Skriptwort").replace(
        "</head>", f'<link rel="canonical" href="javascript://{own.split("//")[1]}/%0aalert(1)"></head>'
    )
    site.routes.update(
        {
            "/robots.txt": (
                200,
                {"Content-Type": "text/plain"},
                (
                    f"User-agent: *\nAllow: /\nSitemap: {other}/robots-sitemap.xml\n"
                    f"Sitemap: file:///etc/passwd\nSitemap: {own}/sitemap-pages.xml\n"
                ).encode(),
            ),
            "/sitemap-index.xml": (
                200,
                XML,
                sitemap_index(
                    [
                        f"{other}/index-sitemap.xml",
                        "file:///etc/passwd",
                        "javascript:alert(1)",
                        "http://2130706433/",
                        f"{own}/sitemap-pages.xml",
                    ]
                ),
            ),
            "/sitemap-pages.xml": (
                200,
                XML,
                urlset(
                    [
                        f"{own}/artikel/gut.html",
                        f"{own}/artikel/kanonisch.html",
                        f"{other}/artikel/direkt.html",
                        f"{own}/weiter/anderer-host.html",
                        f"{own}/weiter/datei.html",
                        f"{own}/weiter/skript.html",
                        "file:///etc/passwd",
                    ]
                ),
            ),
            "/feed.xml": (
                200,
                {"Content-Type": "application/rss+xml"},
                (
                    '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>'
                    f"<item><title>a</title><link>{other}/artikel/aus-dem-feed.html</link></item>"
                    "<item><title>b</title><link>file:///etc/passwd</link></item>"
                    f"<item><title>c</title><link>{own}/artikel/gut.html</link></item>"
                    "</channel></rss>"
                ).encode(),
            ),
            "/liste.html": (
                200,
                HTML,
                (
                    f'<html><body><a href="{other}/artikel/verlinkt.html">fremd</a>'
                    '<a href="file:///etc/passwd">datei</a><a href="javascript:alert(1)">skript</a>'
                    '<a href="/artikel/gut.html">gut</a></body></html>'
                ).encode(),
            ),
            "/artikel/gut.html": (200, HTML, article_html("Gut", "Gutwort").encode()),
            "/artikel/kanonisch.html": (200, HTML, js_canonical.encode()),
            "/weiter/anderer-host.html": redirect(f"{other}/artikel/umgeleitet.html"),
            "/weiter/datei.html": redirect("file:///etc/passwd"),
            "/weiter/skript.html": redirect("javascript:alert(1)"),
        }
    )


@pytest.fixture(scope="module")
def hostile_crawl(tmp_path_factory):
    with LoggingSite("127.0.0.2") as site, LoggingSite("127.0.0.3") as other:
        other.routes.update(
            {
                path: (200, HTML, article_html("Fremd", "Fremdwort").encode())
                for path in (
                    "/artikel/direkt.html",
                    "/artikel/umgeleitet.html",
                    "/artikel/verlinkt.html",
                    "/artikel/aus-dem-feed.html",
                )
            }
        )
        other.routes["/index-sitemap.xml"] = (200, XML, urlset([f"{other.base_url}/artikel/direkt.html"]))
        other.routes["/robots-sitemap.xml"] = other.routes["/index-sitemap.xml"]
        hostile_site(site, other.base_url)
        directory = tmp_path_factory.mktemp("hostile")
        sources = write_sources(
            directory / "sources.yml",
            {
                "sources": [
                    {
                        "id": "feindlich",
                        "homepage": f"{site.base_url}/liste.html",
                        "feeds": [f"{site.base_url}/feed.xml"],
                        "sitemaps": [f"{site.base_url}/sitemap-index.xml", f"{site.base_url}/robots.txt"],
                        "start_urls": [f"{site.base_url}/liste.html"],
                        "max_depth": 1,
                        "download_delay": 0,
                    }
                ]
            },
        )
        db_path = directory / "archive.db"
        result = run_cli("crawl", "--sources", sources, "--db", db_path, "--set", "LOG_LEVEL=INFO")
    return {"db": sqlite_utils.Database(db_path), "stderr": result.stderr, "site": site, "other": other}


def test_nothing_off_site_is_fetched(hostile_crawl):
    assert hostile_crawl["other"].requests == []
    # The source's own pages were crawled: the refusals did not stop the crawl.
    assert "/artikel/gut.html" in hostile_crawl["site"].requests
    assert "/sitemap-pages.xml" in hostile_crawl["site"].requests


def test_only_own_http_urls_are_stored(hostile_crawl):
    base = hostile_crawl["site"].base_url
    db = hostile_crawl["db"]
    stored = [row["url"] for row in db["pages"].rows] + [row["url"] for row in db["articles"].rows]
    assert stored
    assert all(url.startswith(base + "/") for url in stored), stored


def test_javascript_canonical_is_ignored(hostile_crawl):
    base = hostile_crawl["site"].base_url
    urls = {row["url"] for row in hostile_crawl["db"]["articles"].rows}
    assert urls == {f"{base}/artikel/gut.html", f"{base}/artikel/kanonisch.html"}


def test_refusals_are_counted_and_logged_once_per_reason(hostile_crawl):
    stderr = hostile_crawl["stderr"]
    counts = {reason: int(count) for reason, count in re.findall(r"'newsarchive/refused/(\w+)': (\d+)", stderr)}
    # not_http: file: and javascript: in the sitemap index and urlset, robots.txt and the feed
    # (feed and listing links that are no http(s) URL never become candidates at all).
    assert counts.get(NOT_WEB, 0) >= 4
    # Another host in the index, robots.txt, urlset, feed, listing and a redirect; 2130706433 too.
    assert counts.get(OFFSITE, 0) >= 6
    assert len(re.findall(r"refused .*\(not_http\)", stderr)) == 1
    assert len(re.findall(r"refused .*\(offsite\)", stderr)) == 1


@pytest.mark.parametrize(
    "url, reason",
    [
        ("http://127.0.0.1/", INTERNAL_ADDRESS),
        ("http://10.1.2.3/latest.xml", INTERNAL_ADDRESS),
        ("http://169.254.169.254/latest/meta-data/", INTERNAL_ADDRESS),
        ("http://2130706433/", INTERNAL_ADDRESS),
        ("http://0x7f.1/", INTERNAL_ADDRESS),
        ("http://[::1]/", INTERNAL_ADDRESS),
        ("http://[::ffff:192.168.0.1]/", INTERNAL_ADDRESS),
        ("http://[2002:a9fe:a9fe::1]/", INTERNAL_ADDRESS),  # 6to4 of 169.254.169.254
        ("http://0177.0.0.1./", INTERNAL_ADDRESS),
        ("http://localhost:8001/", INTERNAL_ADDRESS),
        # Spelled with characters that IDNA maps to digits and dots, as Scrapy encodes them.
        ("http://\uff11\uff12\uff17.\uff10.\uff10.\uff11/", INTERNAL_ADDRESS),
        ("http://\u2460\u2461\u2466.0.0.1/", INTERNAL_ADDRESS),
        ("http://127\u30020\u30020\u30021/", INTERNAL_ADDRESS),
        ("http://\uff2c\uff2f\uff23\uff21\uff2c\uff28\uff2f\uff33\uff34/", INTERNAL_ADDRESS),
        ("http://[64:ff9b::7f00:1]/", INTERNAL_ADDRESS),  # NAT64 of 127.0.0.1
        ("http://[::127.0.0.1]/", INTERNAL_ADDRESS),  # IPv4-compatible
        ("http://[::]/", INTERNAL_ADDRESS),
        ("http://0/", INTERNAL_ADDRESS),
        ("file:///etc/passwd", NOT_WEB),
        ("javascript://zeitung.de/%0aalert(1)", NOT_WEB),
        ("https://andere-zeitung.de/wirtschaft/a.html", OFFSITE),
        ("https://zeitung.de.evil.example/", OFFSITE),
        ("http://zeitung.de@evil.example/", OFFSITE),
        ("https://www.zeitung.de/wirtschaft/a.html", None),
        ("https://feeds.zeitung.de/rss.xml", None),
        ("https://cdn.partner.net/sitemap.xml", None),
        ("https://\uff37\uff37\uff37.zeitung.de/wirtschaft/a.html", None),
    ],
)
def test_a_public_source_stays_on_its_hosts_and_off_internal_addresses(url, reason):
    policy = UrlPolicy.for_source(["www.zeitung.de"], [r"/wirtschaft/", r"^https://cdn\.partner\.net/"])
    assert policy.refusal(url) == reason


def test_a_source_on_a_loopback_address_may_use_it():
    policy = UrlPolicy.for_source(["127.0.0.2"])
    assert policy.refusal("http://127.0.0.2:8001/a.html") is None
    assert policy.refusal("http://127.0.0.3/a.html") == OFFSITE


# Outside input: arbitrary text and text shaped like URLs of any scheme, host and path.
URLISH = st.one_of(
    st.text(max_size=60),
    st.builds(
        lambda scheme, host, rest: f"{scheme}://{host}{rest}",
        st.sampled_from(["http", "https", "HTTP", "javascript", "file", "data", "ftp", " http"]),
        st.one_of(
            st.sampled_from(
                [
                    "zeitung.de",
                    "www.zeitung.de",
                    "127.0.0.2",
                    "[::1]",
                    "2130706433",
                    "zeitung.de:99999",
                    "[",
                    "a@zeitung.de",
                ]
            ),
            st.text(max_size=20),
        ),
        st.text(max_size=30),
    ),
)


@given(URLISH, st.one_of(st.none(), URLISH))
def test_canonical_url_is_http_or_none_and_keeps_the_site(url, declared):
    canonical = canonical_url(url, declared)
    assert canonical is None or web_url(canonical) == canonical
    assert canonical is None or canonical.lower().startswith(("http://", "https://"))
    if declared is not None and canonical is not None:
        # A declared canonical may only move a page within its own site.
        assert same_site(canonical, canonical_url(url))


@given(URLISH)
def test_url_policy_never_raises_and_allows_only_http_on_site(url):
    policy = UrlPolicy.for_source(["www.zeitung.de", "127.0.0.2"])
    if policy.refusal(url) is None:
        assert web_url(url).lower().startswith(("http://", "https://"))
        assert policy.on_site(host_of(url))


@pytest.fixture
def archive_with_a_bad_url(tmp_path):
    """Two rows: one stored (by an older version) with a javascript: URL, one with an http URL."""
    path = tmp_path / "archive.db"
    db = open_archive(path)
    save_sources(db, [{"id": "alt", "name": "Alt"}])
    for url in ("javascript:alert(1)", "https://zeitung.de/a.html"):
        store_article(db, Article(url=url, title=f"Titel {url}", text="Text des Artikels."), source="alt")
    ids = {row["url"]: row["id"] for row in db["articles"].rows}
    db.close()
    return path, ids


def test_datasette_links_only_http_urls(archive_with_a_bad_url):
    path, ids = archive_with_a_bad_url
    datasette = Datasette([str(path)], metadata=metadata_for(path, METADATA))

    async def page(url):
        response = await datasette.client.get(url)
        assert response.status_code == 200, response.text
        return response.text

    bad_row = asyncio.run(page(f"/archive/articles/{ids['javascript:alert(1)']}"))
    good_row = asyncio.run(page(f"/archive/articles/{ids['https://zeitung.de/a.html']}"))
    table = asyncio.run(page("/archive/articles"))
    for html in (bad_row, table):
        assert not re.search(r"""href=["']?\s*javascript:""", html, re.IGNORECASE)
    assert "javascript:alert(1)" in bad_row  # shown as text: the archive keeps what it has
    assert 'href="https://zeitung.de/a.html" rel="nofollow noopener">original article' in good_row


def test_a_name_that_resolves_to_an_internal_address_is_refused_to_a_public_source(tmp_path):
    # This machine's own name resolves to a loopback address (Debian's /etc/hosts does so). Told
    # that its sources are on a public host, the crawl must not connect to the name's address:
    # a public site could point a subdomain, or a redirect, at the operator's network.
    name = socket.gethostname()
    try:
        address = socket.gethostbyname(name)
    except OSError:
        pytest.skip(f"{name} does not resolve")
    if not address.startswith("127."):
        pytest.skip(f"{name} resolves to {address}, not to a loopback address")
    with LoggingSite(address) as site:
        port = site.base_url.rsplit(":", 1)[1]
        site.routes["/feed.xml"] = (200, {"Content-Type": "application/rss+xml"}, b"<rss/>")
        sources = write_sources(
            tmp_path / "sources.yml", {"sources": [{"id": "benannt", "feeds": [f"http://{name}:{port}/feed.xml"]}]}
        )
        common = ["crawl", "--sources", sources, "--db", tmp_path / "archive.db", "--set", "RETRY_TIMES=0"]
        common += ["--set", "DOWNLOAD_DELAY=0", "--set", "AUTOTHROTTLE_ENABLED=False", "--set", "EXTRACT_WORKERS=0"]
        refused = run_cli(*common, "--set", "NEWSARCHIVE_SOURCE_HOSTS=zeitung.example", check=False, timeout=60)
        assert site.requests == [], refused.stderr
        assert f"{name} resolves to an internal address ({address}), refused" in refused.stderr, refused.stderr
        assert "Traceback" not in refused.stderr
        # The source's own name may resolve to its internal address: an intranet site is crawled.
        run_cli(*common)
        assert "/feed.xml" in site.requests


def test_sources_add_fetches_only_the_sites_own_http_urls(tmp_path):
    with LoggingSite("127.0.0.2") as site, LoggingSite("127.0.0.3") as other:
        other.routes["/fremd-feed.xml"] = (200, {"Content-Type": "application/rss+xml"}, b"<rss/>")
        hostile_site(site, other.base_url)
        site.routes["/"] = (
            200,
            HTML,
            (
                "<html><head><title>Feindlich</title>"
                f'<link rel="alternate" type="application/rss+xml" href="{other.base_url}/fremd-feed.xml">'
                '<link rel="alternate" type="application/rss+xml" href="file:///etc/passwd">'
                '<link rel="alternate" type="application/rss+xml" href="/feed.xml">'
                '</head><body><a href="/weiter/anderer-host.html">Wirtschaft</a></body></html>'
            ).encode(),
        )
        result = run_cli("sources", "add", f"{site.base_url}/", "--id", "feindlich", "--sources", tmp_path / "s.yml")
    assert other.requests == []
    entry = "".join(line for line in result.stdout.splitlines(keepends=True) if not line.startswith("#"))
    assert other.base_url not in entry and "file:" not in entry
    assert f"feeds: [{site.base_url}/feed.xml]" in entry
    assert "left out 1 feed(s) on other sites" in result.stdout
