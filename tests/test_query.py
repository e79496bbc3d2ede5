"""The one query parser (archive.indexing.query): whatever is typed becomes a valid FTS5 query, and
every way into search (table search, ranked query, search-all, Atom, CLI) answers with it."""

import asyncio
import sqlite3
from urllib.parse import quote

import pytest
from datasette.app import Datasette
from hypothesis import given
from hypothesis import strategies as st

from archive.publishing.publish import DATASETTE_SETTINGS, metadata_for
from archive.indexing.query import excerpt, parse_query, search_articles
from archive.storage.store import open_archive, save_sources, store_article
from crawler.extraction.article import Article
from tests.conftest import run_cli
from tests.test_publish import METADATA


@pytest.mark.parametrize(
    "typed, match",
    [
        ("Hafen Duisburg", '"hafen" AND "duisburg"'),
        # Joined words: the pieces as a phrase, or the joined word the index holds beside them.
        ("Start-up", '("start up" OR "startup")'),
        ("NRW-Chemie", '("nrw chemie" OR "nrwchemie" OR "nrwchemi")'),
        ("E.ON", '("e on" OR "eon")'),
        ("R&D", '("r d" OR "rd")'),
        ("Q3/2026", '("q3 2026" OR "q32026")'),
        ("100%", '"100"'),
        ("4,5 Mio. €", '"4 5" AND "mio"'),
        ('"grüner Stahl"', '"grüner stahl"'),
        ('"unclosed phrase', '"unclosed phrase"'),
        ("wasser*", '"wasser"*'),
        ("hafen OR duisburg", '"hafen" OR "duisburg"'),
        ("hafen -duisburg", '"hafen" NOT "duisburg"'),
        ("hafen NOT (duisburg OR dortmund)", '"hafen" NOT ("duisburg" OR "dortmund")'),
        ("(hafen OR werft) duisburg", '("hafen" OR "werft") AND "duisburg"'),
        ("((hafen", '"hafen"'),
        ("hafen)", '"hafen"'),
        ("OR AND NOT", None),
        ('* ( ) " -', None),
        ("-duisburg", None),
        ("title:Hafen", 'title : "hafen"'),
        ("foo:bar", '"foo bar"'),
    ],
)
def test_typed_text_becomes_an_fts5_query(typed, match):
    assert parse_query(typed).match == match


def test_field_filters():
    parsed = parse_query('Stahl source:waz region:"Düsseldorf / Ruhr" author:Lorenz lang:DE date:2026-11')
    assert parsed.match == '"stahl"'
    assert parsed.filters == {
        "source": ("waz",),
        "region": ("düsseldorf / ruhr",),
        "author": ("lorenz",),
        "language": ("de",),
    }
    assert (parsed.since, parsed.until) == ("2026-11", "2026-11")
    assert parsed.accepts("waz", "Düsseldorf / Ruhr", "Sabine Lorenz", "de", "2026-11-18T10:00:00+01:00")
    assert not parsed.accepts("waz", "Düsseldorf / Ruhr", "Sabine Lorenz", "de", "2026-12-01")
    assert not parsed.accepts("rp", "Düsseldorf / Ruhr", "Sabine Lorenz", "de", "2026-11-18")
    assert not parsed.accepts("waz", None, None, None, None)
    ranged = parse_query("since:2026-10-01 until:2026-10-31")
    assert ranged.accepts(None, None, None, None, "2026-10-31T23:00:00+01:00")
    assert not ranged.accepts(None, None, None, None, "2026-09-30")


TYPED = st.text(max_size=60) | st.lists(
    st.sampled_from(
        [
            '"',
            "(",
            ")",
            "*",
            "-",
            "OR",
            "AND",
            "NOT",
            "title:",
            "source:",
            "since:",
            "date:2026",
            ":",
            "^",
            "+",
            "NEAR(",
            "{title}",
            "hafen",
            "€",
            "&",
            "E.ON",
            " ",
            "\x00",
            "ß",
            "Ü",
        ]
    ),
    max_size=12,
).map(" ".join)


@given(TYPED)
def test_any_typed_text_is_a_valid_fts5_query(typed):
    assert_valid_query(typed)


def assert_valid_query(typed):
    parsed = parse_query(typed)
    if parsed.match is not None:
        connection = sqlite3.connect(":memory:")
        connection.execute("create virtual table t using fts5(title, text, tokenize='unicode61 remove_diacritics 2')")
        connection.execute("insert into t values ('Hafen', 'E.ON baut in Duisburg')")
        connection.execute("select count(*) from t where t match ?", [parsed.match]).fetchone()
    parsed.accepts("rp", "Ruhr", "A. Autor", "de", "2026-11-18")
    parsed.accepts(None, None, None, None, None)


@pytest.mark.parametrize(
    "typed",
    ["(" * 1000, "(Hafen " * 300, "(" * 400 + "Hafen" + ")" * 400, "NOT " * 300 + "Hafen", "-(" * 400 + "Hafen"],
)
def test_deeply_nested_queries_parse(typed):
    # The parser recurses once per parenthesis: deep groups lose theirs instead of the page a 500.
    assert_valid_query(typed)
    assert parse_query("(" * 20 + "Hafen OR Duisburg" + ")" * 20).match == '"hafen" OR "duisburg"'


TEXTS = {
    "chemie": "Die NRW-Chemie investiert am Standort Marl in neue Anlagen.",
    "eon": "E.ON baut das Stromnetz in Essen aus.",
    "rnd": "Mehr Geld für R&D: Die Firma verdoppelt ihr Forschungsbudget.",
    "ca": "C&A eröffnet eine Filiale an der Königsallee.",
    "q3": "Im Q3/2026 stieg der Umsatz um 100% auf 4,5 Mio. € an.",
    "startup": "Ein Start-up aus Dortmund sammelt Kapital für Drohnen.",
    "rheinruhr": "Der Flughafen der Region Rhein-Ruhr meldet mehr Fracht.",
}


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    path = tmp_path_factory.mktemp("query") / "archive.db"
    db = open_archive(path)
    save_sources(
        db, [{"id": "rp", "name": "RP", "region": "Düsseldorf"}, {"id": "waz", "name": "WAZ", "region": "Ruhr"}]
    )
    for number, (key, text) in enumerate(TEXTS.items()):
        store_article(
            db,
            Article(
                url=f"https://news.example/{key}.html",
                title=f"Meldung {key}",
                text=text * 3,
                author="Anna Beispiel" if number % 2 else "Ben Muster",
                language="de",
                published=f"2026-1{number % 2}-0{number + 1}T10:00:00+01:00",
            ),
            source="rp" if number % 2 else "waz",
        )
    db.close()
    return path


EXPECTED = [
    ("NRW-Chemie", {"chemie"}),
    ("E.ON", {"eon"}),
    ("R&D", {"rnd"}),
    ("C&A", {"ca"}),
    ("Q3/2026", {"q3"}),
    ("100%", {"q3"}),
    ("4,5 Mio. €", {"q3"}),
    ("Start-up", {"startup"}),
    ("Rhein-Ruhr", {"rheinruhr"}),
    ("Kapital OR Fracht", {"startup", "rheinruhr"}),
    ("Meldung -Fracht source:waz", {"chemie", "rnd", "q3"}),
    ("Meldung author:beispiel", {"eon", "ca", "startup"}),
    ("title:eon", {"eon"}),
    ('"das Stromnetz', {"eon"}),
]


def keys(rows) -> set[str]:
    return {(row.get("url") or row["atom_link"]).rsplit("/", 1)[1].removesuffix(".html") for row in rows}


@pytest.mark.parametrize("typed, expected", EXPECTED)
def test_every_way_into_search_answers_alike(archive, typed, expected):
    datasette = Datasette([str(archive)], metadata=metadata_for(archive, METADATA), settings=DATASETTE_SETTINGS)

    async def get(path):
        return await datasette.client.get(path)

    table = asyncio.run(get(f"/archive/articles.json?_search={quote(typed)}&_shape=objects"))
    assert table.status_code == 200, table.text
    assert keys(table.json()["rows"]) == expected
    ranked = asyncio.run(get(f"/archive/search.json?q={quote(typed)}&_shape=objects"))
    assert ranked.status_code == 200, ranked.text
    assert keys(ranked.json()["rows"]) == expected
    for feed in (f"/archive/feed.atom?q={quote(typed)}&source=&region=", f"/archive/search.atom?q={quote(typed)}"):
        response = asyncio.run(get(feed))
        assert response.status_code == 200, response.text
        assert response.text.count("<entry>") == len(expected)
    with open_archive(archive) as db:
        assert keys(search_articles(db, typed)) == expected


def test_a_search_without_matches_is_an_empty_feed(archive):
    datasette = Datasette([str(archive)], metadata=metadata_for(archive, METADATA), settings=DATASETTE_SETTINGS)

    async def get(path):
        return await datasette.client.get(path)

    for path in ("/archive/feed.atom?q=nirgendwo&source=&region=", "/archive/search.atom?q=nirgendwo"):
        response = asyncio.run(get(path))
        assert response.status_code == 200 and "<entry>" not in response.text


def test_cli_search(archive):
    result = run_cli("search", "E.ON", "--db", archive, "--json")
    assert '"https://news.example/eon.html"' in result.stdout
    assert "no articles found" in run_cli("search", "((", "--db", archive).stdout


@pytest.mark.parametrize(
    "typed, marked",
    [
        ("förderung", ["[Wirtschaftsförderung.]", "[Förderung]"]),  # a compound part and the word
        ("duesseldorf", ["[Düsseldorf]"]),  # another spelling
        ("Start-up", ["[Start-ups]"]),
        ("tag", ["[Tag.]"]),  # short: whole words only
        ("förderung -stadt", ["[Förderung]"]),  # negated words are not marked
    ],
)
def test_excerpts_mark_what_was_found(typed, marked):
    text = "Die Stadt Düsseldorf stärkt ihre Wirtschaftsförderung. Die Förderung von Start-ups wächst, sagt der Tag."
    shown = excerpt(text, typed, words=40)
    assert all(word in shown for word in marked)
    assert "[Stadt]" not in shown and "[Vertrag]" not in shown


@given(st.text(max_size=300), TYPED)
def test_excerpts_of_any_text(text, typed):
    assert isinstance(excerpt(text, typed), str)


GERMAN = {
    "pumpen": "Die Stadtwerke bauen neue Wärmepumpen für das Quartier.",
    "werk": "Im Wärmepumpenwerk in Mülheim laufen die Bänder.",
    "gruendung": "Mehr Unternehmensgründungen in Bochum als im Vorjahr.",
    "unter": "Die Gäste sitzen unter dem Dach der Halle.",
    "chemiepark": "Der Chemiepark Marl wächst.",
    "strasse": "Die Königsallee ist eine Straße in Düsseldorf.",
}


@pytest.mark.parametrize(
    "typed, expected",
    [
        ("Wärmepumpe", {"pumpen", "werk"}),
        ("Unternehmen", {"gruendung"}),  # not every "unter"
        ("Chemie", {"chemiepark"}),
        ("Strasse", {"strasse"}),
        ("duesseldorf", {"strasse"}),
    ],
)
def test_german_matching_through_the_table_search(tmp_path, typed, expected):
    path = tmp_path / "archive.db"
    db = open_archive(path)
    save_sources(db, [{"id": "rp", "name": "RP"}])
    for key, text in GERMAN.items():
        store_article(
            db, Article(url=f"https://news.example/{key}.html", title=key, text=text, language="de"), source="rp"
        )
    db.close()
    datasette = Datasette([str(path)], metadata=metadata_for(path, METADATA), settings=DATASETTE_SETTINGS)

    async def get(url):
        return await datasette.client.get(url)

    response = asyncio.run(get(f"/archive/articles.json?_search={quote(typed)}&_shape=objects"))
    assert response.status_code == 200
    assert keys(response.json()["rows"]) == expected


def test_the_newest_first_search_marks_what_it_found(archive):
    datasette = Datasette([str(archive)], metadata=metadata_for(archive, METADATA), settings=DATASETTE_SETTINGS)

    async def get(path):
        return await datasette.client.get(path)

    rows = asyncio.run(get("/archive/feed.json?q=Kapital+OR+Fracht&source=&region=&_shape=objects")).json()["rows"]
    assert [row["published"] for row in rows] == sorted((row["published"] for row in rows), reverse=True)
    assert len(rows) == 2 and all("[Kapital]" in row["excerpt"] or "[Fracht" in row["excerpt"] for row in rows)
