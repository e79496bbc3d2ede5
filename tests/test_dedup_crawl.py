"""End to end: two local news sites, one syndicated story and one translated story.

127.0.0.1 is a press agency, 127.0.0.2 a newspaper. The newspaper runs the agency's story
with a new headline, a dateline and a footer (and links it with tracking and AMP variants);
the agency publishes a port story in German and English, linked by hreflang. Both sites also
carry a different story about the same company. Crawled with `newsarchive crawl`, then
checked in SQLite and through Datasette.
"""

import asyncio
import html
import json
from pathlib import Path

import pytest
import sqlite_utils
from datasette.app import Datasette

from archive.indexing import dedup
from archive.publishing.publish import metadata_for
from bench.dedup import load_pairs
from crawler.demosite import DemoSiteServer, Page
from tests.conftest import run_cli, write_sources

METADATA = Path(__file__).resolve().parent.parent / "metadata.yml"
PAIRS = {pair["id"]: pair for pair in load_pairs()}
SYNDICATED = PAIRS["copy-gruener-stahl-duisburg-wasserstoff"]
SAME_COMPANY = PAIRS["results-q2-q3"]
PORT_EN = PAIRS["wire-english-port"]["a"]
PORT_DE = """\
Der Duisburger Hafen hat im vergangenen Jahr 3,9 Millionen Container umgeschlagen, etwas weniger als im Jahr davor, teilte die Hafengesellschaft am Dienstag mit. Der Bahnverkehr von und nach China ging wegen des Kriegs in der Ukraine um ein Drittel zurück, die Verbindungen nach Italien und in die Türkei legten dagegen zu.
Vorstandschef Markus Bangen sagte, der Hafen bereite sich auf eine neue Generation trimodaler Terminals vor, die Schiff, Bahn und Lastwagen verbinden. Das größte von ihnen, auf dem Gelände einer früheren Kohleninsel, soll ab dem kommenden Jahr schrittweise öffnen.
„Wir sind weniger von einem einzigen Korridor abhängig als vor fünf Jahren", sagte Bangen. Der Hafen beschäftigt direkt rund 1.700 Menschen und 50.000 in verbundenen Unternehmen."""


def news_page(title, text, published, *, language="de", canonical=None, alternates=()):
    """An article page as news sites render them: metadata in the head, the story in <article>."""
    head = [
        '<meta property="og:type" content="article">',
        f'<meta property="og:title" content="{html.escape(title)}">',
        f'<meta property="article:published_time" content="{published}">',
        '<script type="application/ld+json">'
        + json.dumps(
            {
                "@context": "https://schema.org",
                "@type": "NewsArticle",
                "headline": title,
                "datePublished": published,
                "inLanguage": language,
            }
        )
        + "</script>",
    ]
    if canonical:
        head.append(f'<link rel="canonical" href="{canonical}">')
    head += [f'<link rel="alternate" hreflang="{lang}" href="{url}">' for lang, url in alternates]
    paragraphs = "\n".join(f"<p>{html.escape(line)}</p>" for line in text.split("\n"))
    body = f"""<!DOCTYPE html>
<html lang="{language}"><head><meta charset="utf-8"><title>{html.escape(title)}</title>
{chr(10).join(head)}</head>
<body><nav><a href="/">Start</a> <a href="/impressum.html">Impressum</a></nav>
<article><h1>{html.escape(title)}</h1>
<p class="byline"><time datetime="{published}">{published[:10]}</time></p>
{paragraphs}
</article>
<footer>Alle Rechte vorbehalten.</footer></body></html>"""
    return Page(body.encode("utf-8"), "text/html; charset=utf-8", "Tue, 03 Nov 2026 08:00:00 GMT")


def listing(links):
    items = "\n".join(f'<li><a href="{href}">{html.escape(text)}</a></li>' for href, text in links)
    body = (
        f'<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>Wirtschaft</title>'
        f'<meta property="og:type" content="website"></head><body><h1>Wirtschaft</h1>'
        f"<ul>{items}</ul></body></html>"
    )
    return Page(body.encode("utf-8"), "text/html; charset=utf-8", "Tue, 03 Nov 2026 08:00:00 GMT")


@pytest.fixture(scope="module")
def two_sites(tmp_path_factory):
    agency = DemoSiteServer("127.0.0.1", pages={})
    newspaper = DemoSiteServer("127.0.0.2", pages={})
    a, n = agency.base_url, newspaper.base_url
    agency.pages.update(
        {
            "/": listing(
                [
                    ("/meldungen/gruener-stahl.html", "Grüner Stahl"),
                    ("/meldungen/rheinkraft-q2.html", "Rheinkraft Q2"),
                    ("/de/hafen-bilanz.html", "Hafenbilanz"),
                    ("/en/port-results.html", "Port results"),
                ]
            ),
            "/meldungen/gruener-stahl.html": news_page(
                "Duisburg baut die erste Anlage für grünen Stahl", SYNDICATED["a"], "2026-10-06T08:00:00+02:00"
            ),
            "/meldungen/rheinkraft-q2.html": news_page(
                "Rheinkraft wächst im zweiten Quartal", SAME_COMPANY["a"], "2026-07-30T07:30:00+02:00"
            ),
            "/de/hafen-bilanz.html": news_page(
                "Duisburger Hafen schlägt weniger Container um",
                PORT_DE,
                "2026-10-13T09:00:00+02:00",
                alternates=[
                    ("de", f"{a}/de/hafen-bilanz.html"),
                    ("en", f"{a}/en/port-results.html"),
                    ("x-default", f"{a}/de/hafen-bilanz.html"),
                ],
            ),
            "/en/port-results.html": news_page(
                "Duisburg port handles fewer containers",
                PORT_EN,
                "2026-10-13T09:00:00+02:00",
                language="en",
                alternates=[("de", f"{a}/de/hafen-bilanz.html"), ("en", f"{a}/en/port-results.html")],
            ),
        }
    )
    newspaper.pages.update(
        {
            "/wirtschaft/": listing(
                [
                    ("/wirtschaft/stahl-wasserstoff.html?utm_source=rss&utm_medium=feed", "Stahl"),
                    ("/wirtschaft/stahl-wasserstoff.html?amp=1", "Stahl (AMP)"),
                    ("/wirtschaft/rheinkraft-q3.html#kommentare", "Rheinkraft Q3"),
                ]
            ),
            # Syndicated: the copy names the agency's page as canonical; another site's canonical
            # must not fold the copy into the original's row.
            "/wirtschaft/stahl-wasserstoff.html": news_page(
                "Wasserstoff statt Koks: Stahlwerk stellt um",
                SYNDICATED["b"],
                "2026-10-06T14:15:00+02:00",
                canonical=f"{a}/meldungen/gruener-stahl.html",
            ),
            "/wirtschaft/rheinkraft-q3.html": news_page(
                "Rheinkraft senkt die Prognose", SAME_COMPANY["b"], "2026-10-29T07:00:00+01:00"
            ),
        }
    )
    directory = tmp_path_factory.mktemp("two-sites")
    sources = write_sources(
        directory / "sources.yml",
        {
            "sources": [
                {
                    "id": "agentur",
                    "name": "Presseagentur",
                    "homepage": f"{a}/",
                    "start_urls": [f"{a}/"],
                    "max_depth": 1,
                    "download_delay": 0,
                },
                {
                    "id": "zeitung",
                    "name": "Tageszeitung",
                    "homepage": f"{n}/wirtschaft/",
                    "start_urls": [f"{n}/wirtschaft/"],
                    "max_depth": 1,
                    "download_delay": 0,
                },
            ]
        },
    )
    db_path = directory / "archive.db"
    with agency, newspaper:
        result = run_cli("crawl", "--sources", sources, "--db", db_path, "--json")
    return {"db_path": db_path, "result": result, "agency": agency, "newspaper": newspaper}


def rows_by_path(db_path):
    db = sqlite_utils.Database(db_path)
    return {row["url"].split("/", 3)[3]: row for row in db["articles"].rows}


def test_every_page_stored_once_under_its_canonical_url(two_sites):
    rows = rows_by_path(two_sites["db_path"])
    assert sorted(rows) == [
        "de/hafen-bilanz.html",
        "en/port-results.html",
        "meldungen/gruener-stahl.html",
        "meldungen/rheinkraft-q2.html",
        "wirtschaft/rheinkraft-q3.html",
        "wirtschaft/stahl-wasserstoff.html",
    ]
    newspaper_paths = [path for _method, path, _status in two_sites["newspaper"].requests]
    assert newspaper_paths.count("/wirtschaft/stahl-wasserstoff.html") == 1
    assert not [path for path in newspaper_paths if "amp" in path or "utm_" in path]


def test_syndicated_copy_linked_to_the_original(two_sites):
    rows = rows_by_path(two_sites["db_path"])
    original, copy = rows["meldungen/gruener-stahl.html"], rows["wirtschaft/stahl-wasserstoff.html"]
    assert (original["source"], copy["source"]) == ("agentur", "zeitung")
    assert original["duplicate_of"] is None
    assert copy["duplicate_of"] == original["id"]
    assert dedup.THRESHOLD <= copy["duplicate_score"] < 1.0
    # Same company, different story: not a copy.
    assert rows["meldungen/rheinkraft-q2.html"]["duplicate_of"] is None
    assert rows["wirtschaft/rheinkraft-q3.html"]["duplicate_of"] is None
    runs = json.loads(two_sites["result"].stdout)["runs"]
    assert all(run["status"] == "ok" for run in runs), two_sites["result"].stderr[-3000:]
    assert sum(run["duplicates"] for run in runs) == 1


def test_translation_linked_not_duplicated(two_sites):
    rows = rows_by_path(two_sites["db_path"])
    german, english = rows["de/hafen-bilanz.html"], rows["en/port-results.html"]
    assert (german["language"], english["language"]) == ("de", "en")
    assert german["duplicate_of"] is None and english["duplicate_of"] is None
    db = sqlite_utils.Database(two_sites["db_path"])
    assert sorted(
        (row["article_id"], row["translation_id"], row["language"]) for row in db["translations"].rows
    ) == sorted([(german["id"], english["id"], "en"), (english["id"], german["id"], "de")])


def test_stories_view_in_datasette(two_sites):
    db_path = two_sites["db_path"]
    rows = rows_by_path(db_path)
    datasette = Datasette([str(db_path)], metadata=metadata_for(db_path, METADATA))

    async def fetch(path):
        response = await datasette.client.get(path)
        assert response.status_code == 200, response.text
        return response.json()

    stories = asyncio.run(fetch("/archive/stories.json?_shape=array&_size=max"))
    assert len(stories) == 5
    by_id = {story["id"]: story for story in stories}
    steel = by_id[rows["meldungen/gruener-stahl.html"]["id"]]
    assert steel["copies"] == 1
    assert json.loads(steel["sources"]) == ["agentur", "zeitung"]
    assert all(story["copies"] == 0 for story in stories if story is not steel)
    copies = asyncio.run(fetch(f"/archive/story_copies.json?_shape=array&id={steel['id']}"))
    assert [copy["url"] for copy in copies] == [steel["url"], rows["wirtschaft/stahl-wasserstoff.html"]["url"]]
