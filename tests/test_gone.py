"""Pages that are gone: "not found" pages answered with 200 are never stored, and an archived
article that disappears from its source (404, soft 404, redirect to its section) keeps its row,
marked removed, until it comes back."""

import sqlite3
import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crawler.demosite import DemoSiteServer, Page
from crawler.fetch.gone import expired_redirect, soft_404_reason
from tests.conftest import run_cli, write_sources
from tests.webcases import article_html

LAST_MODIFIED = "Mon, 02 Mar 2026 08:00:00 GMT"


@pytest.mark.parametrize(
    "title",
    [
        "Seite nicht gefunden | Rheinische Post",
        "Fehler 404",
        "404 – Seite nicht gefunden",
        "Diese Seite existiert nicht mehr",
        "Der Artikel ist nicht mehr verfügbar",
        "Page not found – Business Insider",
        "404 Not Found",
        "Sorry, this page doesn't exist",
        "The article you requested is no longer available",
        "Oops!",
        "Nicht gefunden",
    ],
)
def test_error_pages_are_recognised(title):
    assert soft_404_reason(f"<html><head><title>{title}</title></head><body></body></html>".encode())


@pytest.mark.parametrize(
    "title",
    [
        "404 Jobs in Düsseldorf: Arbeitsagentur meldet Rekord",
        "Neue Seite für Gründer gefunden",
        "Hafen Duisburg: Container-Umschlag wächst",
        "Error correction in quantum computers",
        "Die Suche nach Fachkräften: nicht gefunden, sagt die IHK?",
    ],
)
def test_ordinary_headlines_are_not(title):
    assert soft_404_reason(f"<html><head><title>{title}</title></head><body></body></html>".encode()) is None


# A footer of many paragraphs, as real sites have: not the page's content.
FOOTER = "".join(f"<p>Lokalblatt Verlag, Abteilung {n}</p>" for n in range(8))


def site_page(main: str, title: str = "Lokalblatt") -> bytes:
    """A page of a site whose theme prints its name as the first <h1>."""
    return (
        f"<!DOCTYPE html><html><head><title>{title}</title></head><body><header><h1 class='logo'>"
        f"<a href='/'>Lokalblatt</a></h1><nav><h2>Ressorts</h2><a href='/wirtschaft/'>Wirtschaft</a></nav>"
        f"</header><main>{main}</main><footer><h2>Service</h2>{FOOTER}</footer></body></html>"
    ).encode()


@pytest.mark.parametrize(
    "main",
    [
        "<h1>Die angeforderte Seite existiert nicht</h1>",
        "<h1>Diese Seite gibt es nicht mehr</h1>",
        "<h2>Fehler 404</h2><p>Seite nicht gefunden</p>",
        "<h1>Wir konnten die gesuchte Seite nicht finden</h1>",
        "<h1>Der gesuchte Beitrag wurde entfernt</h1>",
        "<h1>Page not found</h1>",
        "<h1>Oops! That page can’t be found.</h1>",
        "<h1>We can't find the page you're looking for</h1>",
        "<h1>Ups, da ist etwas schiefgelaufen</h1><p>Die von Ihnen aufgerufene Seite konnte leider nicht gefunden werden.</p>",
        "<h1>Huch!</h1><p>Diese Seite gibt es leider nicht (mehr).</p>",
        "<h1>Sorry!</h1><p>The page you are looking for could not be found.</p>",
    ],
)
def test_error_pages_under_the_site_name_are_recognised(main):
    assert soft_404_reason(site_page(main))


@pytest.mark.parametrize(
    "main",
    [
        # Short stories whose words come near an error page's: about another side, or a page of a book.
        "<h1>Polizei sucht Zeugen</h1><p>03.03.2026</p><p>Die Polizei hat den Wagen auf der anderen Seite des "
        "Rheins nicht gefunden. Zeugen melden sich bitte.</p>",
        "<h1>Wo die Page-Rank-Formel nicht gefunden wurde</h1><p>Eine Geschichte der Suchmaschinen.</p>",
        "<h1>EuGH: Artikel 17 bleibt</h1><p>Der Artikel des Gesetzes existiert weiter, sagt das Gericht.</p>",
        "<h1>Kein Nachfolger gefunden: Bäckerei schließt</h1><p>Die Filiale gibt es nicht mehr lange.</p>",
        # A blog's short post about its own site, in an error page's words.
        "<h1>Klimademo</h1><p>Diese Seite war gestern nicht erreichbar, und wir waren auf der Demo in "
        "Marburg. Es war eine großartige Veranstaltung mit 8000 Menschen.</p>",
    ],
)
def test_short_stories_are_no_error_pages(main):
    assert soft_404_reason(site_page(main, "Meldung | Lokalblatt")) is None


@pytest.mark.parametrize(
    "requested, landed, expired",
    [
        ("https://rp.de/wirtschaft/2026/03/alt.html", "https://rp.de/", True),
        ("https://rp.de/wirtschaft/2026/03/alt.html", "https://rp.de/wirtschaft/", True),
        ("https://rp.de/wirtschaft/2026/03/alt.html", "https://rp.de/wirtschaft/2026/03/neu.html", False),
        ("http://rp.de/wirtschaft/alt.html", "https://rp.de/wirtschaft/alt.html", False),
        ("https://rp.de/artikel/123", "https://rp.de/artikel/123-stahl-in-duisburg", False),
        ("https://rp.de/wirtschaft/alt.html", "https://other.de/", False),
        ("https://rp.de/wirtschaft/2026/03/alt.html", "https://rp.de/index.html", True),
        ("https://rp.de/wirtschaft/2026/03/alt.html", "https://rp.de/wirtschaft/index.php", True),
        ("https://rp.de/wirtschaft/2026/03/alt.html", "https://rp.de/startseite", True),
        ("https://rp.de/wirtschaft/2026/03/alt.html", "https://rp.de/wirtschaft/homeoffice-boom.html", False),
    ],
)
def test_expired_redirects(requested, landed, expired):
    assert expired_redirect(requested, landed) is expired


@given(st.binary(max_size=2000))
def test_any_body(body):
    soft_404_reason(body)


def article(title: str) -> Page:
    return Page(article_html(title, title).encode(), "text/html; charset=utf-8", LAST_MODIFIED)


NOT_FOUND_PAGE = Page(
    b"<!DOCTYPE html><html><head><title>Seite nicht gefunden</title></head><body>"
    b"<h1>Seite nicht gefunden</h1><p>Die angeforderte Seite existiert nicht.</p>"
    b'<a href="/news/">Zur Startseite</a></body></html>',
    "text/html; charset=utf-8",
    LAST_MODIFIED,
)


# Error templates whose own headline says nothing, or which sit under the site's name as the
# first <h1>: the page's words still say what it is.
ERROR_PAGES = {
    "error-logo": b"<!DOCTYPE html><html lang='en'><head><title>Local Paper</title></head><body>"
    b"<header><h1 class='logo'><a href='/'>Local Paper</a></h1></header>"
    b"<main><h1>Oops! That page can\xe2\x80\x99t be found.</h1><p>Try the search.</p></main></body></html>",
    "error-sentence": "<!DOCTYPE html><html lang='de'><head><title>Lokalblatt</title></head><body>"
    "<main><h1>Huch!</h1><p>Die von Ihnen aufgerufene Seite gibt es leider nicht mehr.</p>"
    "<p><a href='/news/'>Zu den Nachrichten</a></p></main></body></html>".encode(),
}


def test_removed_articles_keep_their_rows_and_error_pages_are_never_stored(tmp_path):
    stored = ("soft", "deleted", "gone410", "moved", "to-index", "to-topic", "stays")
    paths = {name: f"/news/2026/03/{name}.html" for name in (*stored, "error", *ERROR_PAGES)}
    pages = {paths[name]: article(f"Meldung {name}") for name in stored}
    pages[paths["error"]] = NOT_FOUND_PAGE  # a soft 404 from the start: never an article
    # An expired story the crawl never stored, sent on to its section: gone, never stored.
    paths["expired"] = "/news/2026/02/expired.html"
    pages[paths["expired"]] = Page(b"", "text/html", LAST_MODIFIED, location="/news/")
    for name, body in ERROR_PAGES.items():
        pages[paths[name]] = Page(body, "text/html; charset=utf-8", LAST_MODIFIED)
    listing = "".join(f'<a href="{path}">{name}</a> ' for name, path in paths.items())
    # A topic page elsewhere in the site, read as a hub on the first crawl.
    listing += '<a href="/themen/hafen/">Thema Hafen</a>'
    pages["/themen/hafen/"] = Page(
        f"<html><body><h1>Thema Hafen</h1>{listing}</body></html>".encode(), "text/html", LAST_MODIFIED
    )
    pages["/news/"] = Page(f"<html><body>{listing}</body></html>".encode(), "text/html", LAST_MODIFIED)
    db_path = tmp_path / "archive.db"

    def crawl(site):
        sources = write_sources(
            tmp_path / "sources.yml",
            {"sources": [{"id": "gone", "start_urls": [f"{site.base_url}/news/"], "download_delay": 0}]},
        )
        # An article is due again every second: each crawl looks at every one again.
        revisits = ",".join(str(second) for second in range(1, 600))
        run_cli("crawl", "--sources", sources, "--db", db_path, "--set", f"INCREMENTAL_REVISIT_AFTER={revisits}")
        time.sleep(1)

    def removed() -> dict[str, str]:
        with sqlite3.connect(db_path) as connection:
            return {
                url.rsplit("/", 1)[1].removesuffix(".html"): at_source
                for url, at_source in connection.execute("select url, at_source from articles")
            }

    with DemoSiteServer(host="127.0.0.8", pages=pages) as site:
        crawl(site)
        assert removed() == dict.fromkeys(stored, "online")
        site.set_page(paths["soft"], NOT_FOUND_PAGE)
        site.remove_page(paths["deleted"])
        site.set_page(paths["gone410"], Page(b"<h1>Gone</h1>", "text/html", LAST_MODIFIED, status=410))
        site.set_page(paths["moved"], Page(b"", "text/html", LAST_MODIFIED, location=f"{site.base_url}/news/"))
        # Sent on to the home page under its file name, or to a topic page outside its own path.
        site.set_page(paths["to-index"], Page(b"", "text/html", LAST_MODIFIED, location=f"{site.base_url}/index.html"))
        site.set_page(paths["to-topic"], Page(b"", "text/html", LAST_MODIFIED, location="/themen/hafen/"))
        crawl(site)
        assert removed() == {**dict.fromkeys(stored, "removed"), "stays": "online"}
        site.set_page(paths["soft"], article("Meldung soft"))  # back online
        crawl(site)
        assert removed()["soft"] == "online"
    with sqlite3.connect(db_path) as connection:
        assert (
            connection.execute("select count(*) from articles where title like '%nicht gefunden%'").fetchone()[0] == 0
        )
        errors = dict(
            connection.execute(
                "select url, error from pages where error like 'soft 404%' or error like 'redirected%'"
            ).fetchall()
        )
    assert {"error", "expired", *ERROR_PAGES} <= {url.rsplit("/", 1)[1].removesuffix(".html") for url in errors}
