"""German matching (archive.indexing.search): what the index holds and how a query word is expanded,
through a real archive and SQLite FTS5; and the rebuild of old archives' search terms."""

import sqlite3
import time

import pytest
from sqlite_utils import Database
from hypothesis import given, settings
from hypothesis import strategies as st

from archive.storage import backfill
from archive.storage.backfill import DERIVED_VERSIONS_TABLE, pending_backfills
from archive.storage.schema import BACKFILL_SEARCH_TERMS, BACKFILLS_TABLE, FTS_TOKENIZER
from archive.storage.rows import transaction
from archive.indexing.search import (
    ANALYSIS_VERSION,
    LEGACY_ANALYSIS,
    compound_parts,
    german_vocabulary,
    query_terms,
    search_terms,
    stem,
)
from archive.storage.store import open_archive, save_sources, store_article
from crawler.extraction.article import Article

STORIES = {
    "gruendungen": "Die Zahl der Unternehmensgründungen ist im Herbst gestiegen.",
    "genitiv": "Der Umsatz des Unternehmens wuchs kräftig.",
    "unternehmen": "Das Unternehmen baut ein neues Lager.",
    "waermepumpen": "Die Nachfrage nach Wärmepumpen bleibt hoch.",
    "werk": "Im neuen Wärmepumpenwerk arbeiten 300 Menschen.",
    "chemiepark": "Im Chemiepark Marl entsteht eine Anlage.",
    "nrw-chemie": "Die NRW-Chemie meldet weniger Aufträge.",
    "rhein-ruhr": "Die Rhein-Ruhr-Region wirbt um Start-ups.",
    "startup": "Ein Startup aus Bochum sammelt Geld ein.",
    "duesseldorf": "Die Stadt Duesseldorf plant einen Neubau.",
    "strasse": "Die Königsallee ist die teuerste Straße.",
    "unter": "Der Umsatz lag unter dem Vorjahr.",
    "english": "The company plans a new heat pump plant.",
}


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    db = open_archive(tmp_path_factory.mktemp("german") / "archive.db")
    save_sources(db, [{"id": "rp", "name": "RP"}])
    for key, text in STORIES.items():
        store_article(
            db,
            Article(
                url=f"https://news.example/{key}", title=key, text=text, language="en" if key == "english" else "de"
            ),
            source="rp",
        )
    return db


def found(db, typed: str) -> set[str]:
    """Articles found for one typed word: its pieces as a phrase, or any of its query terms."""
    pieces = typed.replace("-", " ").split()
    alternatives = [f'"{" ".join(pieces)}"'] + [
        f'"{term[:-1]}"*' if term.endswith("*") else f'"{term}"' for term in query_terms(typed)
    ]
    sql = (
        "select articles.url from articles join articles_fts on articles_fts.rowid = articles.id "
        "where articles_fts match ?"
    )
    return {url.rsplit("/", 1)[1] for (url,) in db.execute(sql, [" OR ".join(alternatives)]).fetchall()}


@pytest.mark.parametrize(
    "typed, expected",
    [
        ("unternehmen", {"gruendungen", "genitiv", "unternehmen"}),  # linking s, genitive; not "unter"
        ("unternehmens", {"gruendungen", "genitiv", "unternehmen"}),
        ("gründung", {"gruendungen"}),  # compound head, plural
        ("wärmepumpe", {"waermepumpen", "werk"}),  # inflection, modifier with linking n
        ("wärmepumpen", {"waermepumpen", "werk"}),
        ("waermepumpe", {"waermepumpen", "werk"}),  # ae spelling
        ("werk", {"werk"}),
        ("chemie", {"chemiepark", "nrw-chemie"}),  # modifier, hyphenated part
        ("nrw-chemie", {"nrw-chemie"}),
        ("park", {"chemiepark"}),
        ("ruhr", {"rhein-ruhr"}),
        ("rhein-ruhr", {"rhein-ruhr"}),
        ("region", {"rhein-ruhr"}),
        ("start-up", {"startup", "rhein-ruhr"}),
        ("startup", {"startup", "rhein-ruhr"}),
        ("düsseldorf", {"duesseldorf"}),
        ("dusseldorf", {"duesseldorf"}),
        ("duesseldorf", {"duesseldorf"}),
        ("strasse", {"strasse"}),
        ("straße", {"strasse"}),
        ("unter", {"unter"}),  # no flooding
        ("company", {"english"}),
        ("heat", {"english"}),  # English stays itself
    ],
)
def test_a_query_word_finds_its_forms_and_compounds(archive, typed, expected):
    assert found(archive, typed) == expected


def test_query_terms_are_the_word_and_its_stem():
    assert query_terms("wärmepumpe") == ["warmepumpe", "warmepump"]
    assert query_terms("start-up") == ["startup"]
    assert query_terms("") == [] and query_terms("--") == []


def test_compounds_split_at_common_words_never_at_function_words():
    vocabulary = german_vocabulary()
    assert compound_parts("unternehmensgründungen", vocabulary) == ["unternehmens", "gründungen"]
    assert compound_parts("wärmepumpenwerk", vocabulary) == ["wärme", "pumpen", "werk"]
    assert compound_parts("energiewende", vocabulary) == ["energie", "wende"]  # frequent, still split
    assert compound_parts("stadtrat", vocabulary) == ["stadt", "rat"]  # short common head
    for word in ("unternehmen", "unterhaltung", "ausbildung", "gestern"):
        assert compound_parts(word, vocabulary) == [], word


def test_stems_meet_latin_plurals_but_not_other_words():
    assert stem("zentrum") == stem("zentrums") == stem("zentren")
    assert stem("ministerium") == stem("ministerien")
    assert stem("reichtum") != stem("reicht")


# One FTS table with the archive's tokenizer, and its view of the tokens of each row.
_fts = sqlite3.connect(":memory:")
_fts.execute(f"create virtual table probe using fts5(body, tokenize = '{FTS_TOKENIZER}')")
_fts.execute("create virtual table probe_tokens using fts5vocab(probe, 'instance')")

words = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40)
texts = st.lists(
    st.one_of(
        words,
        st.sampled_from(
            ["Wärmepumpenwerk", "NRW-Chemie", "Straße", "E.ON", "Unternehmensgründungen", "R&D", "ﬁ", "İstanbul"]
        ),
    ),
    max_size=8,
).map(" ".join)


def tokens_of(text: str) -> list[str]:
    with _fts:
        _fts.execute("delete from probe")
        _fts.execute("insert into probe (body) values (?)", [text])
        return [term for (term,) in _fts.execute("select term from probe_tokens order by offset")]


@settings(max_examples=150)
@given(texts, st.sampled_from(["de", "en", None]))
def test_search_terms_are_single_tokens_of_the_index(text, language):
    for term in search_terms(text, language=language).split():
        assert len(tokens_of(term)) == 1, term


@settings(max_examples=150)
@given(words)
def test_query_terms_are_single_tokens_the_parser_can_quote(word):
    for term in query_terms(word.lower()):
        assert len(tokens_of(term.removesuffix("*"))) == 1, term
        _fts.execute(
            "select count(*) from probe where probe match ?", [f'"{term[:-1]}"*' if term.endswith("*") else f'"{term}"']
        ).fetchone()


def test_an_archive_of_an_older_analysis_gets_its_search_terms_rebuilt(tmp_path, monkeypatch):
    path = tmp_path / "archive.db"
    db = open_archive(path)
    save_sources(db, [{"id": "rp", "name": "RP"}])
    for key, text in STORIES.items():
        store_article(db, Article(url=f"https://news.example/{key}", title=key, text=text, language="de"), source="rp")
    current = dict(db.execute("select id, search_terms from articles").fetchall())
    # As release 0.1.0 left it: terms of the old analysis and no version recorded.
    for article_id, title, text in db.execute("select id, title, text from articles").fetchall():
        db.execute(
            "update articles set search_terms = ? where id = ?",
            [search_terms(title, None, text, analysis=LEGACY_ANALYSIS), article_id],
        )
    db.execute(f"drop table {DERIVED_VERSIONS_TABLE}")
    db.conn.commit()
    assert "gruendungen" not in found(db, "unternehmen")
    db.close()

    # Opened by this release, interrupted after the first small batch: the next opening goes
    # on from there.
    monkeypatch.setattr(backfill, "BATCH", 3)
    db = Database(path)
    assert backfill.request_outdated_backfills(db) == [BACKFILL_SEARCH_TERMS]
    with transaction(db):
        last_id = backfill.BACKFILLS[BACKFILL_SEARCH_TERMS][1](db, 0)
        db.execute(f"update {BACKFILLS_TABLE} set last_id = ? where name = ?", [last_id, BACKFILL_SEARCH_TERMS])
    assert last_id == 3 and pending_backfills(db) == [BACKFILL_SEARCH_TERMS]
    assert db.execute(f"select version from {DERIVED_VERSIONS_TABLE}").fetchall() == [(ANALYSIS_VERSION,)]
    db.close()

    db = open_archive(path)
    assert pending_backfills(db) == []
    assert dict(db.execute("select id, search_terms from articles").fetchall()) == current
    assert {"gruendungen", "genitiv", "unternehmen"} == found(db, "unternehmen")
    db.execute("insert into articles_fts (articles_fts) values ('integrity-check')")
    db.close()


def test_search_terms_of_a_newer_analysis_are_kept(tmp_path):
    db = open_archive(tmp_path / "archive.db")
    save_sources(db, [{"id": "rp", "name": "RP"}])
    store_article(db, Article(url="https://news.example/a", title="a", text=STORIES["werk"]), source="rp")
    db.execute(f"update {DERIVED_VERSIONS_TABLE} set version = ?", [ANALYSIS_VERSION + 1])
    db.execute("update articles set search_terms = 'from a later release'")
    db.conn.commit()
    db.close()
    db = open_archive(tmp_path / "archive.db")
    assert db.execute("select search_terms from articles").fetchone() == ("from a later release",)


@pytest.mark.parametrize("text", ["hausbau" * 20_000, "hausbau" * 13, "a-" * 20_000, "werkstatt" * 7 + "-"])
def test_hostile_words_cost_little(text):
    # Many overlapping compound readings, or a run that the joined-word pattern could backtrack on:
    # milliseconds when linear, minutes when not; the bound leaves room for a loaded machine.
    started = time.perf_counter()
    search_terms(text)
    query_terms(text)
    assert time.perf_counter() - started < 5
