"""The archive API on a real SQLite file in tmp_path."""

from archive.canonical import canonical_url
from archive.storage.schema import migrations
from archive.indexing.query import search_articles
from crawler.extraction.article import Article
from archive.storage.store import content_hash, finish_run, open_archive, save_sources, start_run, store_article


def article(url="https://news.example/a.html", text="Erster Absatz über den Hafen.\nZweiter Absatz.", **extra):
    return Article(
        url=url,
        title="Hafen wächst",
        text=text,
        published="2026-10-01T08:00:00+02:00",
        language="de",
        tags=["Hafen", "Logistik"],
        **extra,
    )


def test_open_creates_schema_in_wal(tmp_path):
    db = open_archive(tmp_path / "sub" / "archive.db")
    assert {"sources", "articles", "article_versions", "crawl_runs", "articles_fts"} <= set(db.table_names())
    assert db.journal_mode == "wal"
    # Opening again applies nothing twice.
    applied = [m["name"] for m in db["_sqlite_migrations"].rows]
    again = open_archive(tmp_path / "sub" / "archive.db")
    assert [m["name"] for m in again["_sqlite_migrations"].rows] == applied
    assert applied[0] == "m001_initial" and len(applied) == len(set(applied))
    assert migrations.pending(again) == []


def test_new_unchanged_updated_with_history(tmp_path):
    db = open_archive(tmp_path / "archive.db")
    save_sources(db, [{"id": "s1", "name": "Source one"}])
    assert store_article(db, article(), source="s1", seen_at="2026-10-01T06:00:00+00:00") == ("new", 1)
    assert store_article(db, article(), source="s1", seen_at="2026-10-01T07:00:00+00:00").outcome == "unchanged"
    row = db["articles"].get(1)
    assert row["first_seen"] == "2026-10-01T06:00:00+00:00"
    assert row["last_seen"] == "2026-10-01T07:00:00+00:00"
    assert row["tags"] == '["Hafen", "Logistik"]'
    assert row["word_count"] == 7
    assert db["article_versions"].count == 0

    changed = article(text="Erster Absatz über den Hafen.\nZweiter Absatz, korrigiert.")
    assert store_article(db, changed, source="s1", seen_at="2026-10-02T07:00:00+00:00").outcome == "updated"
    row = db["articles"].get(1)
    assert row["text"].endswith("korrigiert.")
    assert row["modified"] == "2026-10-02T07:00:00+00:00"
    assert row["content_hash"] == content_hash(changed.text)
    [version] = db["article_versions"].rows
    assert version["article_id"] == 1
    assert version["text"] == article().text
    assert version["fetched_at"] == "2026-10-01T07:00:00+00:00"


def test_whitespace_and_case_do_not_change_the_hash():
    assert content_hash("Der  Hafen\nwächst") == content_hash("der hafen wächst")
    assert content_hash("Der Hafen wächst") != content_hash("Der Hafen schrumpft")


def test_exact_copy_on_another_url_is_linked(tmp_path):
    db = open_archive(tmp_path / "archive.db")
    save_sources(db, [{"id": "s1"}, {"id": "s2"}])
    store_article(db, article(), source="s1")
    stored = store_article(db, article(url="https://other.example/copy.html"), source="s2")
    assert stored == ("duplicate", 2)
    copy = db["articles"].get(2)
    assert copy["duplicate_of"] == 1


def test_search_is_immediate_and_folds_diacritics(tmp_path):
    db = open_archive(tmp_path / "archive.db")
    save_sources(db, [{"id": "s1"}])
    store_article(db, article(text="Die Messe in Köln meldet einen Rekord bei Ausstellern."), source="s1")
    assert [hit["id"] for hit in search_articles(db, "koln")] == [1]
    assert [hit["id"] for hit in search_articles(db, "ausstellern")] == [1]
    assert search_articles(db, "hamburg") == []


def test_crawl_run_rows(tmp_path):
    db = open_archive(tmp_path / "archive.db")
    save_sources(db, [{"id": "s1"}])
    run_id = start_run(db, "s1")
    assert db["crawl_runs"].get(run_id)["status"] == "running"
    finish_run(db, run_id, "ok", {"pages_fetched": 12, "articles_new": 3})
    row = db["crawl_runs"].get(run_id)
    assert (row["status"], row["pages_fetched"], row["articles_new"], row["errors"]) == ("ok", 12, 3, 0)
    assert row["finished"] >= row["started"]


def test_canonical_urls():
    assert (
        canonical_url("HTTPS://News.Example:443/a/b.html?utm_source=x&b=2&a=1#top")
        == "https://news.example/a/b.html?a=1&b=2"
    )
    assert (
        canonical_url("https://news.example/a.html", "https://news.example/a-kanonisch.html")
        == "https://news.example/a-kanonisch.html"
    )
    assert (
        canonical_url("https://news.example/a.html", "https://www.news.example/b.html")
        == "https://www.news.example/b.html"
    )
    assert (
        canonical_url("https://news.example/a.html", "https://elsewhere.example/a.html")
        == "https://news.example/a.html"
    )
    assert canonical_url("https://news.example/a.html;jsessionid=ABC?sid=1&id=7") == "https://news.example/a.html?id=7"
