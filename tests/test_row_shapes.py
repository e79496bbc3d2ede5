"""Every row shape the schema allows renders: pages, feeds, exports and the CLI.

Real pages give only a day, no zone, no title, no author or no text, and archives made by
older releases hold what those releases stored. The archive below is written with plain SQL
(as an old release or an analyst's script could have written it): each column cycles through
its shapes independently, so every shape of every column is on some row, next to others.
"""

import asyncio
import re
import sqlite3
from html import unescape
from urllib.parse import quote
from xml.etree import ElementTree

import pytest
import yaml
from datasette.app import Datasette

from archive.publishing.publish import DATASETTE_SETTINGS, metadata_for
from archive.storage.store import open_archive
from tests.conftest import run_cli
from tests.test_publish import METADATA

DATES = [
    None,
    "",
    "2026-11-18",
    "2026-11-18T10:00",
    "2026-11-18T10:00:00",
    "2026-11-18T10:00:00+01:00",
    "2026-11-18T09:00:00Z",
    "2026-11-18T10:00:00.250+01:00",
    "2026-11",
    "18.11.2026",
    "not a date",
]
SHAPES = {
    "source": [None, "rp", "a-source-not-in-sources"],
    "title": [None, "", "   ", "Hafen <b>fett</b> & Co", "Hafen " + "lang " * 400, "\u202eHafen"],
    "kicker": [None, "", "Strukturwandel", "<i>Hafen</i> & Co:"],
    "date_source": [None, "structured data", "visible line", "feed", "something else"],
    "description": [None, "", "Ein Hafen-Vorspann"],
    "author": [None, "", "Anna Beispiel; Ben Muster"],
    "authors": [None, "", "[]", '["Anna Beispiel"]', "no json"],
    "published": DATES,
    "modified": list(reversed(DATES)),
    "language": [None, "", "de", "en", "zz-unknown"],
    "text": [None, "", "Hafen", "Hafen\n\nZweiter Absatz mit <script>alert(1)</script>"],
    "word_count": [None, 0, -1, 120],
    "tags": [None, "", "[]", '["Hafen", "Logistik"]', "not json"],
    "image": [None, "", "https://news.example/bild.jpg", "bild.jpg"],
    "first_seen": [None, "2026-11-18T09:00:00+00:00", "2026-11-18"],
    "duplicate_of": [None, 1, 9999],
    "duplicate_score": [None, 0.0, 1.0],
    "region": [None, "Düsseldorf"],
}
# Addresses an older release or a script may have stored: only http(s) ones may become links.
URLS = [
    "https://news.example/{}.html",
    "javascript:alert({})",
    "data:text/html,<script>alert({})</script>",
    "vbscript:msgbox({})",
    "//evil.example/{}",
    " JaVaScRiPt:alert({})",
    "\x00javascript:alert({})",
]
ROWS = max(len(values) for values in [*SHAPES.values(), URLS]) * 2


def shaped_rows() -> list[dict]:
    rows = []
    for number in range(ROWS):
        row = {column: values[number % len(values)] for column, values in SHAPES.items()}
        row["url"] = URLS[number % len(URLS)].format(number)
        rows.append(row)
    rows.append({"url": "https://news.example/empty.html"})  # every optional column empty
    return rows


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    path = tmp_path_factory.mktemp("shapes") / "archive.db"
    open_archive(path).close()
    with sqlite3.connect(path) as connection:
        connection.execute("insert into sources (id, name) values ('rp', 'RP')")
        for row in shaped_rows():
            columns = ", ".join(row)
            connection.execute(
                f"insert into articles ({columns}) values ({', '.join('?' * len(row))})", list(row.values())
            )
    return path


@pytest.fixture(scope="module")
def fetch(archive):
    datasette = Datasette([str(archive)], metadata=metadata_for(archive, METADATA), settings=DATASETTE_SETTINGS)

    def get(url):
        async def inner():
            return await datasette.client.get(url)

        return asyncio.run(inner())

    return get


def canned_queries() -> dict:
    metadata = yaml.safe_load(METADATA.read_text(encoding="utf-8"))
    return metadata["databases"]["archive"].get("queries", {})


def article_ids(archive) -> list[int]:
    with sqlite3.connect(archive) as connection:
        return [row[0] for row in connection.execute("select id from articles")]


def unsafe_links(html: str) -> list[str]:
    """Links a browser would follow to another scheme (javascript:, data:) or, with ``//`` or
    ``/\\``, to another host."""
    links = (unescape(link).strip() for link in re.findall(r"""(?:href|src)=["']([^"']*)""", html))
    return [
        link
        for link in links
        if not re.match(r"https?://", link, re.IGNORECASE)
        and re.match(r"[a-z][a-z0-9+.-]*:|[/\\]{2}", re.sub(r"[\t\n\r]", "", link), re.IGNORECASE)
    ]


def test_every_article_page_renders(archive, fetch):
    for article_id in article_ids(archive):
        for path in (f"/archive/articles/{article_id}", f"/a/{article_id}"):
            response = fetch(path)
            assert response.status_code == 200, (path, response.text[-500:])
            # No links to the archive's internal tables on an article page.
            for internal in ("article_lsh", "article_minhash", " in pages"):
                assert internal not in response.text
            assert not unsafe_links(response.text), path


@pytest.mark.parametrize(
    "path",
    [
        "/archive",
        "/archive/articles",
        "/archive/articles?_search=hafen",
        "/archive/articles.json",
        "/archive/articles.csv?_stream=on",
        "/archive/articles?_facet=published_month",
        "/archive/stories",
        "/archive/sources/rp",
        "/-/search?q=hafen",
        "/",
        "/?q=hafen",
        "/?q=hafen&sort=relevance",
    ],
)
def test_tables_and_exports_render(fetch, path):
    response = fetch(path)
    assert response.status_code == 200, response.text[-500:]
    if response.headers["content-type"].startswith("text/html"):
        assert not unsafe_links(response.text)


@pytest.mark.parametrize("name", sorted(canned_queries()))
def test_every_canned_query_and_its_feed_renders(fetch, name):
    query = canned_queries()[name]
    params = {"q": "hafen", "id": "1", "source": "", "region": ""}
    needed = {part[1:] for part in query["sql"].replace("(", " ").replace(")", " ").split() if part.startswith(":")}
    url = f"/archive/{name}?" + "&".join(f"{key}={params.get(key, '')}" for key in sorted(needed))
    response = fetch(url)
    assert response.status_code == 200, response.text[-500:]
    if "atom_updated" in query["sql"]:
        feed = fetch(url.replace(f"/{name}?", f"/{name}.atom?"))
        assert feed.status_code == 200, feed.text[-500:]
        entries = ElementTree.fromstring(feed.content).findall("{http://www.w3.org/2005/Atom}entry")
        assert entries
        for entry in entries:
            assert entry.findtext("{http://www.w3.org/2005/Atom}title")
            assert entry.findtext("{http://www.w3.org/2005/Atom}updated").endswith(("Z", "+00:00"))


def test_cli_reads_every_shape(archive, tmp_path):
    assert "rp" in run_cli("status", "--db", archive).stdout
    run_cli("status", "--db", archive, "--json")
    result = run_cli("export-warc", tmp_path / "out.warc.gz", "--db", archive)
    assert "records written" in result.stdout


# What analysts browse (docs/schema.md); everything else in an archive is the archive's own
# bookkeeping (migrations, backfills, MinHash and LSH buckets, FTS shadow tables, fetch state,
# scheduler jobs) and must not be offered in the UI.
OFFERED = {
    "articles",
    "article_versions",
    "article_companies",
    "article_places",
    "companies",
    "places",
    "crawl_runs",
    "sources",
    "translations",
    "stories",
    "article_changes",
    "source_health",
}


def test_only_the_analysts_tables_are_offered(fetch):
    database = fetch("/archive.json").json()
    tables = {table["name"] for table in database["tables"] if not table["hidden"]}
    views = {view["name"] if isinstance(view, dict) else view for view in database["views"]}
    assert tables | views == OFFERED


@pytest.mark.parametrize(
    "path, message",
    [
        ("/archive/articles?_sort=nonexistent", "Cannot sort table by nonexistent"),
        ("/archive/articles?_sort_desc=nonexistent", "Cannot sort table by nonexistent"),
        ("/archive/articles?_sort=title&_sort_desc=title", "Cannot use _sort and _sort_desc at the same time"),
        ("/archive/articles.json?_sort=nonexistent", "Cannot sort table by nonexistent"),
        ("/archive/articles?_timelimit=abc", "_timelimit='abc': expected a whole number"),
        ("/archive/articles?_through={bad", "_through='{bad': expected JSON"),
        ("/archive/articles?_through=[1]", "_through='[1]': expected JSON"),
        ("/archive/articles?_through=" + quote('{"table": "x", "column": "y", "value": 1}'), "Invalid _through"),
        # A statement that would take a gigabyte of memory at once (the time limit cannot stop it).
        ("/archive?sql=" + quote("select length(zeroblob(1000000000))"), "string or blob too big"),
    ],
)
def test_a_malformed_parameter_is_a_400_that_says_so(fetch, path, message):
    response = fetch(path)
    assert response.status_code == 400
    assert message in unescape(response.text)
