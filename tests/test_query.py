"""The one query parser (archive.indexing.query): whatever is typed becomes a valid FTS5 query, and
every way into search (table search, ranked query, search-all, Atom, CLI) answers with it."""

import asyncio
import functools
import json
import sqlite3
from urllib.parse import quote

import pytest
from datasette.app import Datasette
from hypothesis import given, settings
from hypothesis import strategies as st

from archive.publishing.publish import DATASETTE_SETTINGS, metadata_for
from archive.indexing.query import excerpt, parse_query, search_articles
from archive.storage.schema import FTS_TOKENIZER, GERMAN_FTS_COLUMNS
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
        # A minus negates a phrase, a group or a title filter too; negations share one NOT.
        ('hafen -"grüner stahl"', '"hafen" NOT "grüner stahl"'),
        ("hafen -(werft OR dock)", '"hafen" NOT ("werft" OR "dock")'),
        ("hafen -title:werft", '"hafen" NOT title : "werft"'),
        ("hafen -werft NOT dock -kran", '"hafen" NOT ("werft" OR "dock" OR "kran")'),
        ("hafen - werft", '"hafen" AND "werft"'),
        ("(" * 30 + "hafen", '"hafen"'),
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
    excluding = parse_query("Stahl -source:waz -author:lorenz -date:2026-11")
    assert (excluding.filters, excluding.excluded) == ({}, {"source": ("waz",), "author": ("lorenz",)})
    assert excluding.since is None and excluding.has_filters
    assert excluding.accepts("rp", None, "Anna Beispiel", "de", "2026-11-18")
    assert not excluding.accepts("waz", None, "Anna Beispiel", "de", "2026-11-18")
    assert not excluding.accepts("rp", None, "Sabine Lorenz", "de", "2026-11-18")
    mistyped = parse_query("since:2026-13-45 until:2026-02-30")  # as far as each is a date
    assert (mistyped.since, mistyped.until) == ("2026", "2026-02")
    assert [parse_query(f"date:{day}").since for day in ("2024-02-29", "2023-02-29", "0000-01-01")] == [
        "2024-02-29",
        "2023-02",
        "0000-01-01",
    ]
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
            "İ",
            "🚀",
            "-(",
            '-"',
            "-source:",
            "-title:",
            "since:2026-13-45",
            "date:0000-02-30",
        ]
    ),
    max_size=12,
).map(" ".join)


@functools.cache
def fts_index() -> sqlite3.Connection:
    """An FTS5 table made as the archive's (columns, tokenizer), with one row."""
    connection = sqlite3.connect(":memory:", check_same_thread=False)
    columns = ", ".join(GERMAN_FTS_COLUMNS)
    connection.execute(f"create virtual table articles_fts using fts5({columns}, tokenize='{FTS_TOKENIZER}')")
    connection.execute("insert into articles_fts values ('Hafen', 'Stahl', 'E.ON baut in Duisburg', 'hafens')")
    return connection


def assert_valid(typed: str) -> None:
    parsed = parse_query(typed)
    if parsed.match is not None:
        fts_index().execute("select count(*) from articles_fts where articles_fts match ?", [parsed.match]).fetchone()
    parsed.accepts("rp", "Ruhr", "A. Autor", "de", "2026-11-18")
    parsed.accepts(None, None, None, None, None)


@given(TYPED)
def test_any_typed_text_is_a_valid_fts5_query(typed):
    assert_valid(typed)


@pytest.mark.parametrize(
    "typed",
    [
        "(" * 1000 + "hafen",
        "(hafen " * 300,
        "hafen -werft " * 200,
        "hafen " + '-"a b" ' * 150,
        "title:(hafen " * 150,
        "NOT " * 300 + "hafen",
        "(" * 400 + "hafen" + ")" * 400,
        "-(" * 400 + "hafen",
        "hafen OR " * 300,
        "Wärmepumpenwerk" * 100,
        "E.ON-R&D/Q3-" * 100,
        "🚀" * 2000,
        "\x00" * 2000,
        "İstanbul " * 200,
        "العربية الاقتصاد",
    ],
)
def test_long_and_deeply_nested_queries_stay_valid(typed):
    assert_valid(typed)


TEXTS = {
    "chemie": "Die NRW-Chemie investiert am Standort Marl in neue Anlagen.",
    "eon": "E.ON baut das Stromnetz in Essen aus.",
    "rnd": "Mehr Geld für R&D: Die Firma verdoppelt ihr Forschungsbudget.",
    "ca": "C&A eröffnet eine Filiale an der Königsallee.",
    "q3": "Im Q3/2026 stieg der Umsatz um 100% auf 4,5 Mio. € an.",
    "startup": "Ein Start-up aus Dortmund sammelt Kapital für Drohnen.",
    "rheinruhr": "Der Flughafen der Region Rhein-Ruhr meldet mehr Fracht.",
}


# German matching, one class of query each (tests/test_german_search.py checks the index itself).
GERMAN_TEXTS = {
    "gruendungen": "Die Zahl der Unternehmensgründungen ist im Herbst gestiegen.",
    "genitiv": "Der Umsatz des Unternehmens wuchs kräftig.",
    "unternehmen": "Das Unternehmen baut ein neues Lager.",
    "pumpen": "Die Nachfrage nach Wärmepumpen bleibt hoch.",
    "pumpenwerk": "Im neuen Wärmepumpenwerk arbeiten viele Menschen.",
    "chemiepark": "Im Chemiepark Marl entsteht eine Anlage.",
    "joined": "Ein Startup aus Bochum sammelt Geld ein.",
    "duesseldorf": "Die Stadt Duesseldorf plant einen Neubau.",
    "strasse": "Die Königsallee ist die teuerste Straße.",
    "hauptstrasse": "Die Hauptstrasse bleibt bis Mai gesperrt.",
    "unter": "Der Umsatz lag unter dem Vorjahr.",
    "english": "The company plans a new heat pump plant.",
}


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    path = tmp_path_factory.mktemp("query") / "archive.db"
    db = open_archive(path)
    save_sources(
        db,
        [
            {"id": "rp", "name": "RP", "region": "Düsseldorf"},
            {"id": "waz", "name": "WAZ", "region": "Ruhr"},
            {"id": "ihk", "name": "IHK", "region": "Köln"},
        ],
    )
    for number, (key, text) in enumerate(GERMAN_TEXTS.items()):
        store_article(
            db,
            Article(
                url=f"https://news.example/{key}.html",
                title=key,
                text=text,
                language="en" if key == "english" else "de",
                published=f"2026-09-{number + 1:02d}T10:00:00+02:00",
            ),
            source="ihk",
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
    ("Start-up", {"startup", "joined"}),
    ("Rhein-Ruhr", {"rheinruhr"}),
    ("Kapital OR Fracht", {"startup", "rheinruhr"}),
    ("Meldung -Fracht source:waz", {"chemie", "rnd", "q3"}),
    ("Meldung author:beispiel", {"eon", "ca", "startup"}),
    ("title:eon", {"eon"}),
    ('"das Stromnetz', {"eon"}),
    ('Stromnetz -"E.ON', set()),  # a negated phrase, unclosed
    ("Meldung -(Kapital OR Fracht) -Marl source:rp", {"eon", "ca"}),
    ("Meldung -author:beispiel", {"chemie", "rnd", "q3", "rheinruhr"}),
    ("Meldung -source:waz -title:ca", {"eon", "startup"}),
    ("Meldung -title:eon lang:de since:2026-11-01 until:2026-11-30", {"ca", "startup"}),
    ("(" * 200 + "Kapital", {"startup"}),  # nested deeper than FTS5 allows
    ("Meldung " + "-Fracht " * 150, {"chemie", "eon", "rnd", "ca", "q3", "startup"}),
]
# Every class of German matching (docs/search.md), through every way into search alike.
GERMAN = [
    ("Unternehmen", {"gruendungen", "genitiv", "unternehmen"}),  # compound modifier; not every "unter"
    ("Unternehmens", {"gruendungen", "genitiv", "unternehmen"}),  # inflection, the other way
    ("Gründung", {"gruendungen"}),  # compound head, plural
    ("Wärmepumpe", {"pumpen", "pumpenwerk"}),  # inflection, modifier with linking n
    ("Wärmepumpen", {"pumpen", "pumpenwerk"}),
    ("Waermepumpe", {"pumpen", "pumpenwerk"}),  # ae spelling
    ("Warmepumpe", {"pumpen", "pumpenwerk"}),  # a spelling
    ("Werk", {"pumpenwerk"}),
    ("Chemie", {"chemie", "chemiepark"}),  # modifier; a hyphenated compound's part (NRW-Chemie)
    ("NRW", {"chemie"}),  # the hyphenated compound's other part
    ("NRWChemie", {"chemie"}),  # the whole, written joined
    ("Ruhr", {"rheinruhr"}),
    ("Startup", {"startup", "joined"}),  # Start-up and Startup meet
    ("Düsseldorf", {"duesseldorf"}),
    ("Dusseldorf", {"duesseldorf"}),
    ("Straße", {"strasse", "hauptstrasse"}),  # ß finds ss, and a compound's head
    ("Strasse", {"strasse", "hauptstrasse"}),
    ("unter", {"unter"}),  # no flooding: not Unternehmen
    ("company", {"english"}),  # English stays itself
    ("Wärmepumpe OR Gründung source:ihk", {"pumpen", "pumpenwerk", "gruendungen"}),
]


def keys(rows) -> set[str]:
    return {(row.get("url") or row["atom_link"]).rsplit("/", 1)[1].removesuffix(".html") for row in rows}


@pytest.fixture(scope="module")
def served(archive):
    """``get(path)`` from Datasette over the archive, with the project's metadata and plugin."""
    datasette = Datasette([str(archive)], metadata=metadata_for(archive, METADATA), settings=DATASETTE_SETTINGS)

    def get(path):
        async def inner():
            return await datasette.client.get(path)

        return asyncio.run(inner())

    return get


def ok(response):
    assert response.status_code == 200, response.text
    return response


@pytest.mark.parametrize("typed, expected", EXPECTED + GERMAN)
def test_every_way_into_search_answers_alike(archive, served, typed, expected):
    q = quote(typed)
    assert keys(ok(served(f"/archive/articles.json?_search={q}&_shape=objects")).json()["rows"]) == expected
    ranked = ok(served(f"/archive/search.json?q={q}&_shape=objects")).json()["rows"]
    assert keys(ranked) == expected
    if typed in dict(GERMAN):  # found in the text, by a form or a part: marked in the excerpt
        assert all("[" in row["excerpt"] for row in ranked), ranked
    for feed in (f"/archive/feed.atom?q={q}&source=&region=", f"/archive/search.atom?q={q}"):
        assert ok(served(feed)).text.count("<entry>") == len(expected)
    with open_archive(archive) as db:
        assert keys(search_articles(db, typed)) == expected


@pytest.mark.parametrize(
    "typed, expected",
    [("E.ON", {"eon"}), ("Wärmepumpe", {"pumpen", "pumpenwerk"}), ("Meldung source:rp -Kapital", {"eon", "ca"})],
)
def test_search_all_and_the_term_per_month_read_the_same_syntax(served, typed, expected):
    q = quote(typed)
    # Search-all: its page, and the table search its script then asks each table for.
    assert "/archive/articles" in ok(served(f"/-/search?q={q}")).text
    everywhere = f"/archive/articles.json?_shape=objects&_labels=on&_extra=count&_size=5&_search={q}"
    assert keys(ok(served(everywhere)).json()["rows"]) == expected
    per_month = ok(served(f"/archive/term_per_month.json?q={q}&_shape=objects")).json()["rows"]
    assert sum(row["matching"] for row in per_month) == len(expected)


# What journalists type besides words: each is a valid search on every way in, never an error.
STRAY = [
    "*",
    "AND",
    "-",
    "NOT NOT",
    "(",
    "))",
    "^",
    ":",
    "source:",
    "since:2026-13-45",
    '"Thyssenkrupp',
    "NEAR(a b",
    "{title text}:x",
    "x" * 3000,
    "🚀 Wasserstoff",
    "Stahl\x00werk",
    "İstanbul",
    "الاقتصاد",
    "(hafen " * 60,
]


def test_stray_input_is_a_valid_search_everywhere(served):
    paths = [
        "/archive/articles.json?_search={}",
        "/archive/articles.json?_nofacet=1&_search_title={}",
        "/archive/search.json?q={}",
        "/archive/search.atom?q={}",
        "/archive/feed.atom?q={}",
        "/archive/term_per_month.json?q={}",
        "/-/search?q={}",
        "/?q={}",  # the newsroom's search page
    ]
    failed = {
        (path, typed): response.status_code
        for path in paths
        for typed in STRAY
        if (response := served(path.format(quote(typed)))).status_code != 200
    }
    assert failed == {}


@settings(max_examples=25, deadline=None)
@given(TYPED)
def test_any_typed_text_is_a_valid_search_through_datasette(served, typed):
    for path in ("/archive/articles.json?_nofacet=1&_search={}", "/archive/search.json?q={}"):
        ok(served(path.format(quote(typed))))


@pytest.mark.parametrize(
    "column, typed, expected",
    [
        ("title", "E.ON", {"eon"}),
        ("title", "Meldung -startup source:rp", {"eon", "ca"}),
        ("text", "Rhein-Ruhr", {"rheinruhr"}),
    ],
)
def test_a_search_in_one_column_reads_the_same_syntax(served, column, typed, expected):
    rows = ok(served(f"/archive/articles.json?_search_{column}={quote(typed)}&_shape=objects")).json()["rows"]
    assert keys(rows) == expected


def test_a_search_without_matches_is_an_empty_feed(archive):
    datasette = Datasette([str(archive)], metadata=metadata_for(archive, METADATA), settings=DATASETTE_SETTINGS)

    async def get(path):
        return await datasette.client.get(path)

    for path in ("/archive/feed.atom?q=nirgendwo&source=&region=", "/archive/search.atom?q=nirgendwo"):
        response = asyncio.run(get(path))
        assert response.status_code == 200 and "<entry>" not in response.text


def test_cli_search(archive):
    # -word and -source: are the query's, not unknown options.
    result = run_cli("search", "E.ON", "-Fracht", "-source:waz", "--db", archive, "--json")
    assert keys(json.loads(result.stdout)) == {"eon"}
    assert "no articles found" in run_cli("search", "((", "--db", archive).stdout


@pytest.mark.parametrize(
    "typed, marked",
    [
        ("förderung", ["[Wirtschaftsförderung.]", "[Förderung]"]),  # a compound part and the word
        ("duesseldorf", ["[Düsseldorf]"]),  # another spelling
        ("Start-up", ["[Start-ups]"]),
        ("Startups", ["[Start-ups]"]),  # the joined spelling
        ("Wirtschaftsförderungen", ["[Wirtschaftsförderung.]"]),
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


def test_the_newest_first_search_marks_what_it_found(archive):
    datasette = Datasette([str(archive)], metadata=metadata_for(archive, METADATA), settings=DATASETTE_SETTINGS)

    async def get(path):
        return await datasette.client.get(path)

    rows = asyncio.run(get("/archive/feed.json?q=Kapital+OR+Fracht&source=&region=&_shape=objects")).json()["rows"]
    assert [row["published"] for row in rows] == sorted((row["published"] for row in rows), reverse=True)
    assert len(rows) == 2 and all("[Kapital]" in row["excerpt"] or "[Fracht" in row["excerpt"] for row in rows)
