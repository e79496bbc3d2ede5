"""German full-text search on a real archive, through the API and through Datasette."""

import asyncio

import pytest
from datasette.app import Datasette
from sqlite_utils import Database

from archive.publishing.publish import DATASETTE_SETTINGS, metadata_for
from archive.storage.schema import migrations
from archive.indexing.query import search_articles
from archive.indexing.search import compound_parts, german_vocabulary, search_terms
from archive.storage.store import open_archive, save_sources, store_article
from crawler.extraction.article import Article
from tests.test_publish import METADATA

STORIES = {
    "foerderung": (
        "Neue Wirtschaftsförderung für den Mittelstand",
        "Die Wirtschaftsförderung der Stadt Düsseldorf berät Betriebe.",
    ),
    "gruendung": (
        "Mehr Unternehmensgründungen in Bochum",
        "Die Zahl der Unternehmensgründungen ist im Herbst gestiegen.",
    ),
    "stahl": ("Grüner Stahl aus Duisburg", "Das Werk des Unternehmens soll grünen Stahl liefern."),
    "english": ("Port traffic grows", "The port of Duisburg handled more containers."),
}


@pytest.fixture
def archive(tmp_path):
    db = open_archive(tmp_path / "archive.db")
    save_sources(
        db, [{"id": "rp", "name": "RP", "region": "Düsseldorf"}, {"id": "waz", "name": "WAZ", "region": "Ruhr"}]
    )
    for number, (key, (title, text)) in enumerate(STORIES.items()):
        store_article(
            db,
            Article(
                url=f"https://news.example/{key}.html",
                title=title,
                text=text,
                language="en" if key == "english" else "de",
                published=f"2026-10-0{number + 1}T08:00:00+02:00",
            ),
            source="waz" if key in ("gruendung", "stahl") else "rp",
        )
    return db


def urls(hits):
    return {hit["url"].rsplit("/", 1)[1].removesuffix(".html") for hit in hits}


@pytest.mark.parametrize(
    "query, expected",
    [
        ("förderung", {"foerderung"}),  # head of a compound
        ("gründung", {"gruendung"}),  # head of a compound, plural
        ("Unternehmen", {"stahl", "gruendung"}),  # genitive Unternehmens, Unternehmensgründungen
        ("duesseldorf", {"foerderung"}),  # ue spelling of ü
        ("Düsseldorf", {"foerderung"}),
        ("dusseldorf", {"foerderung"}),  # diacritics folded
        ('"grünen stahl"', {"stahl"}),  # phrase
        ("contain*", {"english"}),  # prefix
        ("Duisburg", {"stahl", "english"}),
    ],
)
def test_german_queries_find_their_articles(archive, query, expected):
    assert urls(search_articles(archive, query)) == expected


def test_results_ranked_by_relevance(archive):
    store_article(
        archive,
        Article(
            url="https://news.example/mention.html",
            title="Kurz notiert",
            text="Ein Termin. " * 40 + "Auch Stahl kam vor.",
            language="de",
        ),
        source="rp",
    )
    hits = search_articles(archive, "stahl")
    assert [hit["url"] for hit in hits][0].endswith("/stahl.html")
    assert urls(hits) == {"stahl", "mention"}


def test_compound_splitting_keeps_known_words_whole():
    vocabulary = german_vocabulary()
    assert compound_parts("wirtschaftsförderung", vocabulary) == ["wirtschafts", "förderung"]
    assert compound_parts("wasserstoffhafen", vocabulary)[-1] == "hafen"
    assert compound_parts("unternehmens", vocabulary) == []
    assert compound_parts("düsseldorf", vocabulary) == []
    # English text gets only the ue spellings, not German word analysis.
    assert search_terms("Thousands of containers", language="en") == ""


def test_region_month_and_duplicate_columns(archive):
    row = archive["articles"].get(1)
    assert (row["region"], row["published_month"], row["duplicate_status"]) == ("Düsseldorf", "2026-10", "original")
    archive["sources"].update("rp", {"region": "Rheinland"})
    assert archive["articles"].get(1)["region"] == "Rheinland"


def test_migration_upgrades_an_existing_archive(tmp_path):
    path = tmp_path / "old.db"
    old = Database(path)
    migrations.apply(old, stop_before="m006_german_search_and_facets")
    old["sources"].insert({"id": "rp", "region": "Düsseldorf"})
    old["articles"].insert(
        {
            "url": "https://news.example/a.html",
            "source": "rp",
            "title": "Förderung",
            "text": "Die Wirtschaftsförderung hilft.",
            "language": "de",
        }
    )
    old.close()
    db = open_archive(path)
    assert urls(search_articles(db, "förderung")) == {"a"}
    assert db["articles"].get(1)["region"] == "Düsseldorf"


def test_datasette_search_facets_and_feed(archive, tmp_path):
    db_path = str(tmp_path / "archive.db")
    datasette = Datasette([db_path], metadata=metadata_for(db_path, METADATA), settings=DATASETTE_SETTINGS)

    async def fetch(path):
        return await datasette.client.get(path)

    table = asyncio.run(fetch("/archive/articles.json?_search=gründung&_shape=objects&_extra=facet_results")).json()
    assert [row["title"] for row in table["rows"]] == ["Mehr Unternehmensgründungen in Bochum"]
    assert {"source", "region", "language", "published_month", "duplicate_status"} <= set(table["facet_results"])
    ranked = asyncio.run(fetch("/archive/search.json?q=förderung&_shape=array")).json()
    assert ranked[0]["title"] == "Neue Wirtschaftsförderung für den Mittelstand"
    assert "[Wirtschaftsförderung] der Stadt" in ranked[0]["excerpt"]  # the part found is marked
    feed = asyncio.run(fetch("/archive/feed.atom?q=stahl&source=&region="))
    assert feed.status_code == 200 and "application/atom+xml" in feed.headers["content-type"]
    assert "<title>Grüner Stahl aus Duisburg</title>" in feed.text
    assert "Wirtschaftsförderung" not in feed.text
    by_source = asyncio.run(fetch("/archive/feed.atom?q=&source=waz&region="))
    assert by_source.text.count("<entry>") == 2
