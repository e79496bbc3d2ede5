"""Table searches on ``articles`` through Datasette: same answers, cheaper statements.

A real archive in tmp_path, served by Datasette with the project's metadata and plugin; every
answer is checked against SQLite queried directly, and ``?_trace=1`` shows which statements ran.
"""

import asyncio
import shutil
from urllib.parse import urlencode

import pytest
from datasette.app import Datasette

from archive.publishing.datasette_plugin import search
from archive.publishing.publish import DATASETTE_SETTINGS, metadata_for
from archive.storage.store import open_archive, save_sources, store_article
from crawler.extraction.article import Article
from tests.test_publish import METADATA

SOURCES = [
    {"id": "rp", "name": "RP", "region": "Düsseldorf"},
    {"id": "waz", "name": "WAZ", "region": "Ruhr"},
    {"id": "ihk", "name": "IHK", "region": "Köln"},
]
FACETS = ["source", "region", "language", "published_month", "duplicate_status"]
ARTICLES = 60


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    """60 articles: `hafen` in most (a search with many matches), `zollamt` in two, ids not in
    publication order (the archive stores what a crawl finds, old or new), copies of a text."""
    path = tmp_path_factory.mktemp("search") / "archive.db"
    db = open_archive(path)
    save_sources(db, SOURCES)
    for number in range(ARTICLES):
        # Ids follow the order of storing; publication dates jump back and forth.
        day = (number * 37) % ARTICLES
        words = ["Hafenbetrieb"] if number % 5 else ["Kommune"]
        if number in (7, 41):
            words.append("Zollamt")
        text = f"Meldung {number}: " + " ".join(words) + " meldet Zahlen für das Quartal."
        if number in (50, 51):
            text = "Derselbe Hafenbetrieb meldet dieselben Zahlen, Wort für Wort, in zwei Quellen."
        store_article(
            db,
            Article(
                url=f"https://news.example/{number}.html",
                title=f"Meldung {number}",
                text=text,
                language="en" if number % 4 == 0 else "de",
                published=None
                if number == 13
                else f"2025-{1 + day % 12:02d}-{1 + day % 28:02d}T{day % 24:02d}:00:00+01:00",
            ),
            source=SOURCES[number % 3]["id"],
        )
    db.close()
    return path


def served(path, **settings):
    datasette = Datasette(
        [str(path)],
        metadata=metadata_for(path, METADATA),
        settings={**DATASETTE_SETTINGS, "trace_debug": True, **settings},
    )

    def fetch(url):
        async def inner():
            return await datasette.client.get(url)

        response = asyncio.run(inner())
        assert response.status_code == 200, response.text
        return response.json()

    return fetch


def expected(path, query, where="", params=()):
    """Rows newest first, count and facet counts of a search, straight from SQLite."""
    db = open_archive(path)
    matching = f"id in (select rowid from articles_fts where articles_fts match ?) {where}"
    args = [query, *params]
    rows = [
        row[0]
        for row in db.execute(f"select id from articles where {matching} order by published desc, id limit 100", args)
    ]
    count = db.execute(f"select count(*) from articles where {matching}", args).fetchone()[0]
    facets = {
        column: dict(
            db.execute(
                f"select {column}, count(*) from articles where {matching} and {column} is not null group by {column}",
                args,
            ).fetchall()
        )
        for column in FACETS
    }
    db.close()
    return rows, count, facets


def table_search(fetch, query, **filters):
    url = "/archive/articles.json?" + urlencode({"_search": query, "_trace": 1, "_size": 10, **filters})
    pages, count, facets, statements = [], None, None, []
    while url:
        data = fetch(url)
        if count is None:
            count = data["filtered_table_rows_count"]
            facets = {
                name: {item["value"]: item["count"] for item in facet["results"]}
                for name, facet in data["facet_results"].items()
            }
        pages += [row[0] for row in data["rows"]]
        if not statements:  # those of the first page
            statements = [
                trace["sql"]
                for trace in data["_trace"]["traces"]
                if trace["type"] == "sql" and not trace["sql"].startswith("explain")
            ]
        url = data["next_url"] and data["next_url"].replace("http://localhost", "")
    return pages, count, facets, statements


@pytest.mark.parametrize(
    "query, filters, where, params",
    [
        ("hafenbetrieb", {}, "", ()),  # most articles match
        ("zollamt", {}, "", ()),  # two match
        ("hafen*", {"source": "waz"}, "and source = ?", ("waz",)),  # prefix, with a filter
        ("hafenbetrieb", {"published_month": "2025-03"}, "and published_month = ?", ("2025-03",)),
    ],
)
def test_search_answers_are_those_of_sqlite(archive, query, filters, where, params):
    rows, count, facets, _ = table_search(served(archive), query, **filters)
    assert (rows, count, facets) == expected(archive, query, where, params)


def test_many_matches_walk_the_published_index_and_read_the_fts_index_once(archive):
    assert 2 < search.walk_threshold(ARTICLES) < 45 < ARTICLES * 4 // 5
    *_, statements = table_search(served(archive), "hafenbetrieb")
    rows_sql = [sql for sql in statements if "order by published desc" in sql]
    assert rows_sql and all(f"{search.MATCH_FUNCTION}(" in sql and "articles_fts" not in sql for sql in rows_sql)
    # The count is that of the matching ids, read once for the page: no count statement.
    assert not any(sql.startswith("select count(*) from articles") for sql in statements)
    facet_sql = [sql for sql in statements if "as value, count(*) as count" in sql]
    assert len(facet_sql) == len(FACETS)
    assert all("from articles indexed by idx_articles_search_facets where" in sql for sql in facet_sql)


def test_few_matches_keep_datasettes_plan(archive):
    *_, statements = table_search(served(archive), "zollamt")
    rows_sql = [sql for sql in statements if "order by published desc" in sql]
    assert rows_sql and not any(search.MATCH_FUNCTION in sql for sql in rows_sql)


def test_escaped_search_mode_and_what_fts5_would_reject(archive):
    fetch = served(archive)
    rows, count, _, _ = table_search(fetch, "Zollamt meldet", _searchmode="escaped")
    assert count == len(rows) == 2
    # Typed text is parsed (archive.indexing.query): an unclosed quote is a phrase to the end.
    rows, count, _, _ = table_search(fetch, '"Zollamt meldet')
    assert count == len(rows) == 2
    rows, count, _, _ = table_search(fetch, "Zollamt) OR (")
    assert count == len(rows) == 2


def test_other_sorts_and_the_unsearched_table_are_left_alone(archive):
    fetch = served(archive)
    titles = [
        row[3]
        for row in fetch(
            "/archive/articles.json?" + urlencode({"_search": "hafenbetrieb", "_sort": "title", "_size": 100})
        )["rows"]
    ]
    assert titles == sorted(titles)
    data = fetch("/archive/articles.json?_trace=1")
    assert data["filtered_table_rows_count"] == ARTICLES
    assert not any(
        "indexed by" in trace["sql"] or search.MATCH_FUNCTION in trace["sql"]
        for trace in data["_trace"]["traces"]
        if trace["type"] == "sql"
    )


def test_filters_with_their_own_index_keep_it(archive):
    *_, statements = table_search(served(archive), "hafenbetrieb", source="waz")
    facet_sql = [sql for sql in statements if "as value, count(*) as count" in sql]
    assert facet_sql and not any("indexed by" in sql for sql in facet_sql)  # source has an index
    *_, statements = table_search(served(archive), "hafenbetrieb", published_month="2025-03")
    counted = [sql for sql in statements if sql.startswith("select count(*) from articles ")]
    assert counted and all("indexed by idx_articles_search_facets" in sql for sql in counted)


def facet_statements(statements):
    return [sql for sql in statements if "as value, count(*) as count" in sql]


def test_facets_of_many_matches_are_counted_in_memory(archive, monkeypatch):
    monkeypatch.setattr(search, "MEMORY_FACETS_FROM", 10)
    fetch = served(archive)
    rows, count, facets, statements = table_search(fetch, "hafenbetrieb")
    assert (rows, count, facets) == expected(archive, "hafenbetrieb")
    assert facet_statements(statements) == []
    for counts in facets.values():  # in Datasette's order: most first, then by value
        assert list(counts.items()) == sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    # Few matches, or another filter: SQLite counts.
    rows, count, facets, statements = table_search(fetch, "zollamt")
    assert (rows, count, facets) == expected(archive, "zollamt")
    assert len(facet_statements(statements)) == len(FACETS)
    *_, statements = table_search(fetch, "hafenbetrieb", source="waz")
    assert len(facet_statements(statements)) == len(FACETS)


def test_facets_counted_in_memory_follow_new_articles(archive, tmp_path, monkeypatch):
    monkeypatch.setattr(search, "MEMORY_FACETS_FROM", 10)
    path = tmp_path / "archive.db"
    shutil.copy(archive, path)
    fetch = served(path)
    before = table_search(fetch, "hafenbetrieb")[2]
    db = open_archive(path)
    store_article(
        db,
        Article(
            url="https://news.example/neu.html",
            title="Neu",
            language="fr",
            text="Ein neuer Hafenbetrieb meldet Zahlen.",
            published="2026-11-20T10:00:00+01:00",
        ),
        source="ihk",
    )
    db.close()
    rows, count, facets, statements = table_search(fetch, "hafenbetrieb")
    assert (rows, count, facets) == expected(path, "hafenbetrieb")
    assert facet_statements(statements) == []
    assert facets["published_month"]["2026-11"] == 1 and "2026-11" not in before["published_month"]


def test_facets_of_the_whole_table_are_counted_in_memory(archive, monkeypatch):
    monkeypatch.setattr(search, "MEMORY_FACETS_FROM", 10)
    data = served(archive)("/archive/articles.json?_trace=1")
    facets = {
        name: {item["value"]: item["count"] for item in facet["results"]}
        for name, facet in data["facet_results"].items()
    }
    db = open_archive(archive)
    assert facets == {
        column: dict(
            db.execute(
                f"select {column}, count(*) from articles where {column} is not null group by {column}"
            ).fetchall()
        )
        for column in FACETS
    }
    db.close()
    assert facet_statements([trace["sql"] for trace in data["_trace"]["traces"] if trace["type"] == "sql"]) == []


def test_a_month_filter_reads_the_range_of_published_it_implies(archive):
    query = {"source": "waz", "published_month": "2025-03"}
    rows, count, facets, statements = table_search(served(archive), "hafenbetrieb", **query)
    assert (rows, count, facets) == expected(
        archive, "hafenbetrieb", "and source = ? and published_month = ?", ("waz", "2025-03")
    )
    counted = [sql for sql in statements if sql.startswith("select count(*) from articles")]
    rows_sql = [sql for sql in statements if "order by published desc" in sql]
    filtered = counted + rows_sql + facet_statements(statements)
    assert len(filtered) == 2 + len(FACETS)
    assert all('"published" >= :p' in sql for sql in filtered)
    # Only added to a conjunction of Datasette's own filters: not to the next page's clause.
    next_page = (
        'select id from articles where "published_month" = :p0 and (published < :p2 or '
        "(published = :p2 and id < :p3)) order by published desc limit 11"
    )
    assert search.with_month_range(next_page) == next_page


def test_many_matches_with_other_filters_are_tested_against_the_bitmap(archive, monkeypatch):
    monkeypatch.setattr(search, "BITMAP_WITH_FILTERS_FROM", 10)
    fetch = served(archive)
    for filters, where, params in [
        ({"source": "waz"}, "and source = ?", ("waz",)),
        ({"source": "rp", "published_month": "2025-03"}, "and source = ? and published_month = ?", ("rp", "2025-03")),
    ]:
        rows, count, facets, statements = table_search(fetch, "hafenbetrieb", **filters)
        assert (rows, count, facets) == expected(archive, "hafenbetrieb", where, params)
        counted = [sql for sql in statements if sql.startswith("select count(*) from articles")]
        assert counted + facet_statements(statements)
        assert all(
            f"{search.MATCH_FUNCTION}(" in sql and "articles_fts" not in sql
            for sql in counted + facet_statements(statements)
        )
    # Few matches: the FTS index drives the statements, as before.
    *_, statements = table_search(fetch, "zollamt", source="waz")
    assert not any(search.MATCH_FUNCTION in sql for sql in statements)


@pytest.fixture(scope="module")
def large_archive(tmp_path_factory):
    """Enough matches (40,000) that reading them takes longer than a millisecond."""
    path = tmp_path_factory.mktemp("large") / "archive.db"
    db = open_archive(path)
    save_sources(db, SOURCES)
    with db.conn:
        db.conn.executemany(
            "insert into articles (url, source, title, text, published) values (?, 'rp', ?, ?, '2025-01-01')",
            ((f"https://news.example/{n}.html", f"Hafen {n}", f"Hafenbetrieb meldet Zahlen {n}") for n in range(40000)),
        )
    db.close()
    return path


def test_reading_a_searchs_matches_obeys_the_sql_time_limit(large_archive):
    from datasette.database import QueryInterrupted

    async def matches(limit_ms):
        datasette = Datasette(
            [str(large_archive)],
            metadata=metadata_for(large_archive, METADATA),
            settings={**DATASETTE_SETTINGS, "sql_time_limit_ms": limit_ms},
        )
        await datasette.invoke_startup()
        archive_search = datasette.get_database("archive")._archive_search
        return await archive_search.matching_ids(":search", {"search": "hafenbetrieb"})

    assert len(asyncio.run(matches(10_000))) == 40000
    with pytest.raises(QueryInterrupted):
        asyncio.run(matches(1))


def test_every_search_stops_at_the_sql_time_limit(large_archive):
    """Each way into search answers "took too long" (a 400), not a result computed past the limit."""
    datasette = Datasette(
        [str(large_archive)],
        metadata=metadata_for(large_archive, METADATA),
        settings={**DATASETTE_SETTINGS, "sql_time_limit_ms": 1},
    )

    async def statuses():
        paths = [
            "/archive/articles.json?_search=hafenbetrieb",
            "/archive/articles.json?_search_text=hafenbetrieb",
            "/archive/search.json?q=hafenbetrieb",
            "/archive/search.atom?q=hafenbetrieb",
            "/archive/feed.atom?q=hafenbetrieb",
            "/archive/term_per_month.json?q=hafenbetrieb",
        ]
        return {path: (await datasette.client.get(path)).status_code for path in paths}

    assert set(asyncio.run(statuses()).values()) == {400}
