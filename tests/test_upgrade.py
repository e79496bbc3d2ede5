"""Archives made by earlier releases open with the current code, losing nothing.

The archives in tests/data were written by the code of those releases
(tests/fixtures/make_archives.py); each test upgrades a copy.
"""

import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlite_utils import Database

from archive.storage import backfill

from archive.indexing import dedup
from archive.storage.backfill import pending_backfills
from archive.storage.schema import (
    BACKFILL_NEAR_DUPLICATES,
    BACKFILL_SEARCH_TERMS,
    BACKFILLS_TABLE,
    migrations,
    upgrade_needed,
)
from archive.indexing.query import search_articles
from archive.indexing.search import search_terms
from archive.storage.store import open_archive, save_sources, store_article
from crawler.extraction.article import Article
from tests.conftest import run_cli
from tests.fixtures.make_archives import ARTICLES, HYDROGEN, SOURCES

DATA = Path(__file__).resolve().parent / "data"
OLD_ARCHIVES = ["archive-0.1.0.db", "archive-m007.db"]
ORIGINAL_TABLES = ["sources", "articles", "article_versions", "crawl_runs"]


def rows_of(path: Path) -> dict[str, list[dict]]:
    """Every row of the tables release 0.1.0 had, with the columns the file has now."""
    connection = sqlite3.connect(path)
    connection.row_factory = sqlite3.Row
    rows = {
        table: [dict(row) for row in connection.execute(f"select * from {table} order by rowid")]
        for table in ORIGINAL_TABLES
    }
    connection.close()
    return rows


def contents(path: Path, *, fts_storage: bool = True) -> list[str]:
    """The whole database as SQL, for comparing two states of one file.

    ``fts_storage=False`` leaves out FTS5's segments, whose layout depends on the order of
    writes; the indexed rows are compared through ``articles_fts`` itself.
    """
    connection = sqlite3.connect(path)
    dump = [line for line in connection.iterdump() if fts_storage or not line.startswith('INSERT INTO "articles_fts_')]
    dump += [repr(row) for row in connection.execute("select rowid, * from articles_fts order by rowid")]
    connection.close()
    return dump


def schema(path: Path) -> dict[str, tuple]:
    """Tables, views, indexes and triggers with their columns, without the rows."""
    connection = sqlite3.connect(path)
    objects = {}
    for kind, name, table in connection.execute(
        "select type, name, tbl_name from sqlite_master where name not like 'sqlite_%'"
    ):
        columns = ()
        if kind in ("table", "view"):
            columns = tuple(
                (column[1], column[2].lower(), column[3], column[5])
                for column in connection.execute(f"pragma table_xinfo('{name}')")
            )
        elif kind == "index":
            columns = tuple(column[2] for column in connection.execute(f"pragma index_info('{name}')"))
        objects[name] = (kind, table, columns)
    connection.close()
    return objects


@pytest.fixture(params=OLD_ARCHIVES)
def old_archive(request, tmp_path) -> Path:
    path = tmp_path / "archive.db"
    shutil.copy(DATA / request.param, path)
    return path


def test_upgrade_keeps_every_row_and_builds_derived_data(old_archive):
    before = rows_of(old_archive)
    assert upgrade_needed(Database(old_archive))
    assert len(before["articles"]) == 5 and len(before["article_versions"]) == 1
    db = open_archive(old_archive)

    assert [row["name"] for row in db["_sqlite_migrations"].rows] == [
        migration.name for migration in migrations._migrations
    ]
    assert migrations.pending(db) == [] and pending_backfills(db) == []
    after = rows_of(old_archive)
    # search_terms is derived (rebuilt when the German analysis changed); checked below.
    derived = {"search_terms"}
    for table in ORIGINAL_TABLES:
        assert [
            {column: row[column] for column in old if column not in derived}
            for old, row in zip(before[table], after[table])
        ] == [{column: value for column, value in old.items() if column not in derived} for old in before[table]]
        assert len(after[table]) == len(before[table])

    # Search terms and near-duplicate data are what the current code computes for each article.
    for row in db.query("select id, title, description, text, language, search_terms from articles"):
        assert row["search_terms"] == search_terms(
            row["title"], row["description"], row["text"] or "", language=row["language"]
        )
        sketch = dedup.text_signature(row["text"] or "")[1]
        buckets = db.execute(
            "select band, bucket from article_lsh where article_id = ? order by band", [row["id"]]
        ).fetchall()
        assert [tuple(bucket) for bucket in buckets] == list(sketch.buckets)
        signature = db.execute(
            "select shingle_count, signature from article_minhash where article_id = ?", [row["id"]]
        ).fetchone()
        assert signature == ((sketch.shingle_count, sketch.signature) if sketch.buckets else None)
    assert db["article_lsh"].count == 4 * dedup.BANDS  # the short Messe text has none

    # FTS5 checks its index against the articles it indexes (raises when they differ).
    db.execute("insert into articles_fts (articles_fts) values ('integrity-check')")

    def found(query):
        return {hit["id"] for hit in search_articles(db, query)}

    assert found("wasserstoff") == {1, 3}
    assert found("förderung") == {1, 3}  # a part of Wirtschaftsförderung, from search_terms
    assert found("duesseldorf") == {1, 3}
    assert found("containers") == {4}
    assert found("vier") == {2}  # the bakery story's current text
    edited = HYDROGEN.replace("Montag", "Dienstag") + " Die Bauarbeiten beginnen im Herbst."
    assert [match.article_id for match in dedup.near_duplicates(db, edited)] == [1, 3]


def test_an_upgraded_archive_stores_new_articles_as_a_fresh_one_does(old_archive):
    db = open_archive(old_archive)
    copy = Article(
        **dict(
            ARTICLES[0][2],
            url="https://wirtschaft-koeln.example/stadtwerke-elektrolyse",
            text=HYDROGEN + " Weitere Anlagen sind in Planung.",
        )
    )
    stored = store_article(db, copy, source="wirtschaft-koeln", seen_at="2026-03-04T08:00:00+00:00")
    assert stored.outcome == "duplicate"
    assert db["articles"].get(stored.article_id)["duplicate_of"] == 1


def test_opening_an_upgraded_archive_again_changes_nothing(old_archive):
    open_archive(old_archive).close()
    upgraded = contents(old_archive)
    open_archive(old_archive).close()
    assert contents(old_archive) == upgraded


def test_status_command_opens_an_old_archive(old_archive):
    result = run_cli("status", "--db", old_archive, "--json")
    assert "wirtschaft-koeln" in result.stdout and "Traceback" not in result.stderr
    connection = sqlite3.connect(old_archive)
    applied = [name for (name,) in connection.execute("select name from _sqlite_migrations")]
    assert applied == [migration.name for migration in migrations._migrations]
    assert connection.execute(f"select count(*) from {BACKFILLS_TABLE}").fetchone() == (0,)
    connection.close()


def test_serve_publishes_an_old_archive_upgraded(old_archive):
    result = run_cli("serve", "--db", old_archive, "--get", "/archive/articles.json?_search=förderung&_shape=array")
    assert {row["id"] for row in json.loads(result.stdout)} == {1, 3}
    stories = run_cli("serve", "--db", old_archive, "--get", "/archive/stories.json?_shape=array")
    assert {row["id"] for row in json.loads(stories.stdout)} == {1, 2, 4, 5}


def test_serve_only_reads_a_current_archive(old_archive):
    open_archive(old_archive).close()
    assert not upgrade_needed(Database(old_archive))
    upgraded = contents(old_archive)
    run_cli("serve", "--db", old_archive, "--get", "/archive/articles.json?_shape=array")
    assert contents(old_archive) == upgraded


def test_an_upgraded_archive_has_the_schema_of_a_fresh_one(old_archive, tmp_path):
    open_archive(old_archive).close()
    fresh = tmp_path / "fresh.db"
    open_archive(fresh).close()
    assert schema(old_archive) == schema(fresh)


def test_backfill_in_small_batches_equals_what_storing_wrote(tmp_path, monkeypatch):
    db = open_archive(tmp_path / "archive.db")
    save_sources(db, SOURCES)
    for source, seen_at, article in ARTICLES:
        store_article(db, Article(**article), source=source, seen_at=seen_at)
    stored = contents(tmp_path / "archive.db", fts_storage=False)
    # As a migration asks for it; then an interrupted run: the first batch is done, no more.
    db.execute("update article_minhash set signature = x'00'")
    db.execute("update articles set search_terms = null")
    db.execute(
        f"insert into {BACKFILLS_TABLE} (name, last_id) values (?, 0), (?, 0)",
        [BACKFILL_NEAR_DUPLICATES, BACKFILL_SEARCH_TERMS],
    )
    db.conn.commit()
    monkeypatch.setattr(backfill, "BATCH", 2)
    with db.conn:
        _start, fill = backfill.BACKFILLS[BACKFILL_NEAR_DUPLICATES]
        _start(db)
        db.execute(f"update {BACKFILLS_TABLE} set last_id = ? where name = ?", [fill(db, 0), BACKFILL_NEAR_DUPLICATES])
    db.close()

    db = open_archive(tmp_path / "archive.db")
    assert pending_backfills(db) == []
    db.execute("insert into articles_fts (articles_fts) values ('integrity-check')")
    db.close()
    assert contents(tmp_path / "archive.db", fts_storage=False) == stored
