"""The journalists' pages (search at ``/``, ``/a/ID``, ``/company/ID``, ``/place/ID``) through
Datasette's test client, on the crawled demo archive with a copy, a translation, an earlier
version and a kicker set the way later crawls add them."""

import asyncio
import html
import re
import shutil
import sqlite3
from urllib.parse import quote
from xml.etree import ElementTree

import pytest
from datasette.app import Datasette

from archive.indexing.query import parse_query, register_functions
from archive.publishing import newsroom
from archive.publishing.datasette_plugin.search import SCHEMA_LOOKUP
from archive.publishing.publish import DATASETTE_SETTINGS, metadata_for
from tests.test_publish import METADATA

COPY_URL = "http://127.0.0.2/wire/landesfoerderbank.html"
# The demo stories the tests change, by slug: ids follow the order of a concurrent crawl.
SLUGS = {
    "changed": "bochum-nach-dem-autowerk",  # gets a kicker and an earlier version
    "copied": "foerderprogramm-auenkredit-gruendungen",  # copied by a wire service
    "translated": "hydrogen-startups-trade-fair-pavilion",  # English, linked to "german"
    "german": "messebauer-volle-auftragsbuecher",
}
HOSTILE = [
    "",
    '"',
    "(((",
    ")",
    "*",
    "NOT",
    "OR AND NOT",
    "-",
    "source:",
    'title:"',
    "date:9999-99",
    "since:abc until:",
    "' or 1=1 --",
    "<script>alert(1)</script>",
    "%00",
    "\u202e\u0000x",
    "a" * 5000,
    "NEAR(a b, 5)",
    "articles_fts:x",
    "{title}: x",
    "ä ö ü ß € 100% E.ON R&D Q3/2026",
]


@pytest.fixture(scope="module")
def ids(demo_archive):
    """The demo stories of SLUGS by their article id in the crawled archive."""
    with sqlite3.connect(demo_archive["db_path"]) as connection:
        found = {
            name: connection.execute("select id from articles where url like ?", [f"%/{slug}.html"]).fetchone()
            for name, slug in SLUGS.items()
        }
    assert all(found.values()), found
    return {name: row[0] for name, row in found.items()}


@pytest.fixture(scope="module")
def archive(demo_archive, ids, tmp_path_factory):
    """The demo archive, with a copy of one story on a wire service, two stories linked as
    translations, an earlier text of one story, and a kicker on it."""
    path = tmp_path_factory.mktemp("newsroom") / "demo.db"
    shutil.copy(demo_archive["db_path"], path)
    TRANSLATED, GERMAN, CHANGED, COPIED = ids["translated"], ids["german"], ids["changed"], ids["copied"]
    with sqlite3.connect(path) as connection:
        connection.execute("insert into sources (id, name, region) values ('wire', 'Wire Service NRW', 'NRW')")
        connection.execute(
            "insert into articles (url, source, title, description, text, published, language, search_terms,"
            " region, duplicate_of, duplicate_score, first_seen)"
            " select ?, 'wire', title, description, text, published, language, search_terms, 'NRW', id, 0.98,"
            " first_seen from articles where id = ?",
            [COPY_URL, COPIED],
        )
        connection.execute(
            "insert into translations (article_id, translation_id, language) values (?, ?, 'de'), (?, ?, 'en')",
            [TRANSLATED, GERMAN, GERMAN, TRANSLATED],
        )
        old_text = connection.execute("select text from articles where id = ?", [CHANGED]).fetchone()[0]
        old_text = old_text.replace("Zwölf Jahre", "Elf Jahre", 1) + "\nEin Absatz, der später gestrichen wurde."
        connection.execute(
            "insert into article_versions (article_id, fetched_at, content_hash, title, text)"
            " values (?, '2026-10-27T09:00:00+00:00', 'old', 'Bochum nach dem Autowerk', ?)",
            [CHANGED, old_text],
        )
        connection.execute("update articles set kicker = 'Strukturwandel' where id = ?", [CHANGED])
        connection.execute(
            "insert into articles (url, source, title, text, published) values"
            " ('javascript:alert(1)', 'rrw-demo', 'Unsafe address', 'Text', '2026-01-01')"
        )
    return path


@pytest.fixture(scope="module")
def fetch(archive):
    # The pages' content is checked here, not their speed: a loaded machine must not push an
    # optional facet over its time limit (test_over_the_time_limit_is_never_a_server_error checks what a page does then).
    settings = {**DATASETTE_SETTINGS, "sql_time_limit_ms": 60_000, "facet_time_limit_ms": 60_000}
    datasette = Datasette([str(archive)], metadata=metadata_for(archive, METADATA), settings=settings)

    def get(url):
        async def inner():
            return await datasette.client.get(url)

        return asyncio.run(inner())

    return get


def page(fetch, url) -> str:
    response = fetch(url)
    assert response.status_code == 200, response.text[-1000:]
    return response.text


def test_search_is_a_news_list_with_marked_words(fetch, ids, archive):
    html = page(fetch, "/?q=" + quote("förderung"))
    assert re.search(r"\d+ articles found", html)
    assert f'href="/a/{ids["copied"]}"' in html and "<table" not in html
    # The searched word inside compounds, escaped text around it.
    assert "<mark>Wirtschaftsförderung</mark>" in html or "<mark>Förderprogramm</mark>" in html
    assert "Rhein-Ruhr Wirtschaft (demo)" in html and "Düsseldorf / Ruhr" in html
    # The copy on the wire service is folded into its story, named by its source.
    assert html.count(f'href="/a/{ids["copied"]}"') == 1
    assert "Also in:" in html and "Wire Service NRW" in html
    with sqlite3.connect(archive) as connection:
        (copy,) = connection.execute("select id from articles where url = ?", [COPY_URL]).fetchone()
    assert f'href="/a/{copy}"' not in html.split("Also in:")[0]
    # Facets, the chart and the feed of this search.
    for heading in ("Source", "Region", "Month", "Language", "Place"):
        assert f"<h3>{heading}</h3>" in html
    assert '<svg class="chart"' in html
    assert 'href="/demo/feed.atom?q=f%C3%B6rderung"' in html


def test_the_feed_of_a_search_folds_copies_as_its_page_does(fetch, archive):
    with sqlite3.connect(archive) as connection:
        (original,) = connection.execute(
            "select a.url from articles as a join articles as copy on copy.duplicate_of = a.id where copy.url = ?",
            [COPY_URL],
        ).fetchone()

    def entries(url: str) -> list[str]:
        response = fetch(url)
        assert response.status_code == 200, response.text[-1000:]
        feed = ElementTree.fromstring(response.content)
        return [
            entry.findtext("{http://www.w3.org/2005/Atom}id")
            for entry in feed.iter("{http://www.w3.org/2005/Atom}entry")
        ]

    # The story and its copy on the wire service match: one entry, the story's own.
    found = entries("/demo/feed.atom?q=" + quote("förderung"))
    assert original in found and COPY_URL not in found
    assert len(found) == len(set(found))
    # Only the copy matches: the copy stands for its story.
    assert entries("/demo/feed.atom?source=wire") == [COPY_URL]


def test_company_and_place_facets_of_a_broad_search_count_its_newest_matches(fetch, monkeypatch):
    def entity_counts(html: str) -> list[int]:
        sections = re.findall(r"<h3>(?:Company|Place)</h3>.*?</ul>", html, re.DOTALL)
        return [int(count) for section in sections for count in re.findall(r'class="count">(\d+)<', section)]

    everything = page(fetch, "/?q=" + quote("förderung"))
    assert max(entity_counts(everything)) > 2 and "most recently archived" not in everything
    monkeypatch.setattr(newsroom, "ENTITY_WINDOW", 2)
    sampled = page(fetch, "/?q=" + quote("förderung"))
    assert 0 < max(entity_counts(sampled)) <= 2
    assert "Companies and places counted in the 2 most recently archived matches." in sampled


def test_a_broad_search_estimates_facets_and_chart_from_a_sample_and_counts_exactly(fetch, monkeypatch):
    exact = page(fetch, "/?q=" + quote("förderung"))
    found = re.search(r"(\d+) articles found", exact)[1]
    assert "estimated" not in exact
    monkeypatch.setattr(newsroom, "SUMMARY_SAMPLE", 2)
    sampled = page(fetch, "/?q=" + quote("förderung"))
    step = -(-int(found) // 2)
    # The hit count is still exact; facets and chart say they are estimates.
    assert re.search(r"(\d+) articles found", sampled)[1] == found
    assert f"Counts estimated from one match in {step}." in sampled
    assert f"(estimated from one match in {step})" in sampled
    counts = [
        int(count)
        for count in re.findall(r'class="count">([\d,]+)<', sampled.split("<h3>Source</h3>")[1].split("</ul>")[0])
    ]
    assert counts and all(count % step == 0 for count in counts)
    # With a filter the summary counts every match.
    filtered = page(fetch, "/?q=" + quote("förderung") + "&lang=de")
    assert "estimated" not in filtered


def test_kicker_and_translations_in_results(fetch, ids):
    html = page(fetch, "/?q=Bochum+Autowerk")
    assert '<p class="kicker">Strukturwandel</p>' in html
    html = page(fetch, "/?q=trade+fair+hydrogen")
    assert "Translations:" in html and f'href="/a/{ids["german"]}"' in html


def test_filters_sort_dates_and_pages(fetch, ids):
    newest = page(fetch, "/?q=" + quote("förderung") + "&sort=newest")
    dates = re.findall(r'<time datetime="([^"]+)"', newest)
    assert dates == sorted(dates, reverse=True) and dates
    july = page(fetch, "/?q=" + quote("förderung") + "&since=2026-07-01&until=2026-07-31")
    assert all(day.startswith("2026-07") for day in re.findall(r'<time datetime="([^"]+)"', july))
    by_company = page(fetch, "/?company=messe-duesseldorf")
    assert f'href="/a/{ids["german"]}"' in by_company and f'href="/a/{ids["changed"]}"' not in by_company
    assert "Company: Messe Düsseldorf" in by_company  # the chosen filter, by name, removable
    # The feed of the page carries the company filter: the same articles.
    feed_url = html.unescape(re.search(r'class="subscribe" href="([^"]+)"', by_company)[1])
    assert "company=messe-duesseldorf" in feed_url
    feed = fetch(feed_url)
    assert feed.status_code == 200
    links = ElementTree.fromstring(feed.text).findall("{http://www.w3.org/2005/Atom}entry")
    shown = set(re.findall(r'<h3[^>]*><a href="/a/(\d+)"', by_company))
    assert links and len(links) == len(shown)
    first, second = page(fetch, "/?sort=newest"), page(fetch, "/?sort=newest&page=2")
    assert 'rel="next"' in first and 'rel="prev"' in second
    assert not set(re.findall(r'<h3><a href="/a/(\d+)"', first)) & set(re.findall(r'<h3><a href="/a/(\d+)"', second))


def test_subscribe_link_is_a_feed_of_the_search(fetch):
    html = page(fetch, "/?q=" + quote("förderung") + "&month=2026-10")
    href = re.search(r'class="subscribe" href="([^"]+)"', html).group(1).replace("&amp;", "&")
    feed = fetch(href)
    assert feed.status_code == 200
    root = ElementTree.fromstring(feed.content)
    # A feed reader lists it by its title: the search names it.
    assert root.findtext("{http://www.w3.org/2005/Atom}title").endswith(": förderung date:2026-10")
    entries = root.findall("{http://www.w3.org/2005/Atom}entry")
    assert entries
    for entry in entries:
        assert entry.findtext("{http://www.w3.org/2005/Atom}updated").startswith("2026-10")


def test_article_page(fetch, ids):
    html = page(fetch, f"/a/{ids['changed']}")
    assert '<p class="kicker">Strukturwandel</p>' in html
    assert html.count("Wo früher Autos vom Band liefen") == 1  # the lead once
    assert "By Markus Brandt" in html and 'href="http://127.0.0.1:' in html
    assert 'href="/place/bochum">Bochum</a>' in html
    # What changed: the earlier text against the current one.
    assert '<del><span class="visually-hidden">Removed: </span>Ein Absatz, der später gestrichen wurde.</del>' in html
    # An edited paragraph shows its changed words in place, not the paragraph twice.
    assert (
        '<p><del><span class="visually-hidden">Removed: </span>Elf</del> '
        '<ins><span class="visually-hidden">Added: </span>Zwölf</ins> Jahre ist es her' in html
    )
    assert html.split("Changes to this article")[1].count("Jahre ist es her") == 1
    for internal in ("article_lsh", "article_minhash", "rows from"):
        assert internal not in html
    assert f'href="/demo/articles/{ids["changed"]}"' in html  # the analysts' row page
    # which reads like an article too, its lead once above the text.
    row = page(fetch, f"/demo/articles/{ids['changed']}").split('<details class="article-fields">')[0]
    assert row.count("Wo früher Autos vom Band liefen") == 1


def test_article_copies_translations_and_unsafe_links(fetch, ids):
    html = page(fetch, f"/a/{ids['copied']}")
    assert "Same story elsewhere" in html and "Wire Service NRW" in html
    html = page(fetch, f"/a/{ids['translated']}")
    assert f'href="/a/{ids["german"]}" hreflang="de"' in html and 'href="/company/messe-duesseldorf"' in html
    unsafe = re.search(r'href="/a/(\d+)">Unsafe address', page(fetch, "/?q=Unsafe")).group(1)
    html = page(fetch, f"/a/{unsafe}")
    assert 'href="javascript:' not in html and "not a web link" in html
    assert page(fetch, f"/demo/articles/{unsafe}")  # the analysts' page still works


def test_company_and_place_pages(fetch, ids):
    html = page(fetch, "/company/messe-duesseldorf")
    assert "<h1>Messe Düsseldorf</h1>" in html and "2 articles" in html
    assert '<svg class="chart"' in html and "<rect" in html
    assert f'href="/a/{ids["german"]}"' in html and 'href="/?company=messe-duesseldorf"' in html
    html = page(fetch, "/place/koeln")
    assert "<h1>Köln</h1>" in html and '<svg class="chart"' in html


def test_analysts_pages_stay(fetch):
    assert fetch("/.json").status_code == 200
    assert "result" in page(fetch, "/-/search?q=hafen")
    assert "articles" in page(fetch, "/demo")


@pytest.mark.parametrize("typed", HOSTILE)
def test_hostile_input_never_fails(fetch, typed):
    value = quote(typed, safe="")
    for url in (
        f"/?q={value}",
        f"/?q={value}&sort={value}&page={value}&since={value}&until={value}&per={value}",
        f"/?source={value}&region={value}&lang={value}&month={value}&company={value}&place={value}",
        f"/company/{value or 'x'}",
        f"/place/{value or 'x'}",
    ):
        response = fetch(url)
        assert response.status_code in (200, 302, 400, 404), (url, response.text[-500:])
    for url in ("/a/-1", "/a/0", "/a/99999999999999999999999999", "/?page=999999999999", "/?page=-5"):
        assert fetch(url).status_code in (200, 404), url


def test_what_a_page_cannot_do_is_said_on_it(fetch):
    """A bad date, order or page gives the page without it and a sentence saying what was
    left out; a page past the last result says so rather than "no articles match"."""
    html = page(fetch, "/?q=" + quote("förderung") + "&since=2026-13-45&sort=bogus&page=abc")
    problems = re.search(r'<div role="status"><ul class="search-problems">(.*?)</ul>', html)[1]
    assert "“2026-13-45” is not a day" in problems and "“bogus” is unknown" in problems
    assert "“abc” is not a page number" in problems and re.search(r"\d+ articles found", html)
    html = page(fetch, "/?q=" + quote("förderung") + "&page=40")
    assert "Page 40 is past the last page of this search." in html and "No articles match" not in html
    assert "Results go up to page 50" in page(fetch, "/?page=999999999999")
    for address in ("/a/abc", "/a/-1", "/a/1.5"):
        response = fetch(address)
        assert response.status_code == 404 and "an article&#39;s address is /a/ and its number" in response.text
    assert "No article has the number 999999." in fetch("/a/999999").text


def test_over_the_time_limit_is_never_a_server_error(archive):
    datasette = Datasette(
        [str(archive)],
        metadata=metadata_for(archive, METADATA),
        settings={**DATASETTE_SETTINGS, "sql_time_limit_ms": 1},
    )

    async def statuses():
        return [(await datasette.client.get(url)).status_code for url in ("/?q=Hafen", "/a/1", "/company/henkel")]

    assert all(status in (200, 400) for status in asyncio.run(statuses()))


def test_only_datasettes_schema_lookups_escape_a_tight_time_limit(archive):
    """Reading the schema (every page's menu does) gets a floor of its own; a visitor's statement
    that merely names sqlite_master beside a big table keeps the limit."""
    datasette = Datasette([str(archive)], settings={**DATASETTE_SETTINGS, "sql_time_limit_ms": 1})
    database = datasette.get_database("demo")

    async def lookups():
        await datasette.invoke_startup()
        # Datasette's own catalog too: a read of it over 1 ms still answers.
        slow = "with recursive n(i) as (select 1 union all select i + 1 from n where i < 300000) select count(*) from n"
        counted = (await datasette.get_database("_internal").execute(slow)).rows[0][0]
        return await database.table_exists("articles_fts"), await database.hidden_table_names(), counted

    exists, hidden, counted = asyncio.run(lookups())
    assert exists and "articles_fts" in hidden and counted == 300000
    heavy = "select count(*) from sqlite_master, articles a, articles b, articles c"
    response = asyncio.run(datasette.client.get("/demo.json?sql=" + quote(heavy)))
    assert response.status_code == 400 and "interrupted" in response.text.lower()
    # The schema's version, which Datasette reads before every request, is such a lookup; a
    # statement after it is not.
    assert SCHEMA_LOOKUP.fullmatch("PRAGMA schema_version") and SCHEMA_LOOKUP.fullmatch(" pragma schema_version; ")
    assert not SCHEMA_LOOKUP.fullmatch("PRAGMA schema_version; select count(*) from articles")


def test_the_empty_search_reads_the_newest_by_index(archive):
    """At a million articles the home page must not scan the table: the newest stories come
    from idx_articles_published, and its facets count a bounded window."""
    found = newsroom.condition(newsroom.Search())
    sql, params = newsroom.results_sql(newsroom.Search(), found)
    with sqlite3.connect(archive) as connection:
        plan = " ".join(row[-1] for row in connection.execute("explain query plan " + sql, params))
        assert "idx_articles_published" in plan and "TEMP B-TREE" not in plan
        facet, params = newsroom.summary_sql(found, "month")
        assert f"limit {newsroom.RECENT_WINDOW}" in facet
        newsroom_plan = " ".join(row[-1] for row in connection.execute("explain query plan " + facet, params))
        assert "idx_articles_published" in newsroom_plan


def test_a_broad_search_newest_first_walks_the_date_index_and_a_narrow_one_sorts_its_matches(archive):
    search = newsroom.Search(q="förderung", sort="newest")
    found = newsroom.condition(search)
    with sqlite3.connect(archive) as connection:
        register_functions(connection)

        def plan(count):
            sql, params = newsroom.results_sql(search, found, count)
            return " ".join(row[-1] for row in connection.execute("explain query plan " + sql, params))

        broad = plan(newsroom.NEWEST_BY_INDEX_ABOVE + 1)
        assert "SCAN a USING INDEX idx_articles_published" in broad and "TEMP B-TREE" not in broad
        assert "TEMP B-TREE" in plan(3)
        # Both find the same page.
        results = [
            connection.execute(*newsroom.results_sql(search, found, count)).fetchall()
            for count in (3, newsroom.NEWEST_BY_INDEX_ABOVE + 1)
        ]
        assert results[0] == results[1] and results[0]


def test_attention_per_week(fetch):
    html = page(fetch, "/?q=" + quote("förderung") + "&per=week")
    assert re.search(r"<title>2026-W\d\d: Rhein-Ruhr Wirtschaft \(demo\), \d+</title>", html)
    assert "per month</a>" in html


def test_search_arguments_are_cleaned():
    search = newsroom.Search.from_args(
        {"q": "  Hafen   Duisburg ", "since": "2026-13-45x", "month": "2026-10", "page": "x", "sort": "drop table"}
    )
    assert search.q == "Hafen Duisburg" and search.since == "" and search.month == "2026-10"
    assert search.page == 1 and search.sort == "relevance"
    # Shaped like dates but not in the calendar: left out too, and said so.
    undated = newsroom.Search.from_args({"since": "2026-13-45", "until": "2026-02-30", "month": "2026-99"})
    assert (undated.since, undated.until, undated.month) == ("", "", "")
    assert len(undated.problems) == 3 and "“2026-02-30” is not a day" in undated.problems[1]
    swapped = newsroom.Search.from_args({"since": "2026-12-01", "until": "2026-01-01"})
    assert (swapped.since, swapped.until) == ("2026-01-01", "2026-12-01") and "swapped" in swapped.problems[0]
    assert newsroom.Search.from_args({"since": "2026-02-28", "sort": "newest"}).problems == ()
    assert search.typed == "Hafen Duisburg date:2026-10"
    # A quote the journalist left open ends before the filters a facet adds.
    open_quote = parse_query(newsroom.Search(q='"Stromnetz', source="rp", lang="de").typed)
    assert open_quote.match == parse_query('"Stromnetz').match
    assert open_quote.filters == {"source": ("rp",), "language": ("de",)}
    assert newsroom.Search.from_args({"page": "100000"}).page == newsroom.MAX_PAGE
    assert newsroom.Search(q="a", source="rp").url(sort="newest") == "/?q=a&source=rp&sort=newest"


def test_changes_show_edited_paragraphs_word_by_word_and_rewritten_ones_whole():
    (change,) = newsroom.changes(
        [{"fetched_at": "2026-10-01T08:00:00+00:00", "title": "A", "text": "Der Hafen wächst.\nAlter Absatz."}],
        "A",
        "Der Hafen wächst stark.\nEtwas ganz anderes steht hier.",
    )
    assert change.lines == [
        [(" ", "Der Hafen"), ("-", "wächst."), ("+", "wächst stark.")],
        [("-", "Alter Absatz.")],
        [("+", "Etwas ganz anderes steht hier.")],
    ]


def test_marked_excerpt_is_escaped():
    assert (
        str(newsroom.marked("a [<b>Hafen</b>] [x] und [y"))
        == "a <mark>&lt;b&gt;Hafen&lt;/b&gt;</mark> <mark>x</mark> und [y"
    )


def test_chart_is_inline_svg_without_scripts():
    svg = str(newsroom.bar_chart([("2026-01", "RP", 3), ("2026-03", "WAZ", 1), ("2026-03", "RP", 2)], "Test"))
    assert svg.startswith('<svg class="chart"') and "<script" not in svg
    assert "2026-02" in svg  # an empty month keeps its place
    assert svg.count("<rect") == 3 and "RP" in svg and "WAZ" in svg
    assert newsroom.bar_chart([], "Nothing") == ""
    # Weeks without an article keep their place too, across a new year's week 00.
    weeks = str(newsroom.bar_chart([("2025-W51", "RP", 1), ("2026-W02", "RP", 2)], "Weeks"))
    assert "5 bars from 2025-W51 to 2026-W02" in weeks and weeks.count("<rect") == 2
