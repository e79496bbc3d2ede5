"""What the archive keeps of each fetch: raw responses, re-extraction and WARC export."""

import shutil
import zlib

import sqlite_utils
from sqlite_utils import Database
from sqlite_utils.migrations import Migrations
from warcio.archiveiterator import ArchiveIterator

from archive.storage.rawstore import (
    all_responses,
    latest_responses,
    open_raw_store,
    r001_responses,
    raw_store_path,
    storage_cost,
    store_response,
)
from tests.conftest import run_cli


def copy_archive(demo_archive, tmp_path):
    source = demo_archive["db_path"]
    target = tmp_path / "archive.db"
    for path, copy in ((source, target), (raw_store_path(source), raw_store_path(target))):
        shutil.copy(path, copy)
    return target


def test_raw_responses_are_kept_compressed_beside_the_archive(demo_archive, demo_articles):
    db_path = demo_archive["db_path"]
    assert raw_store_path(db_path).name == "demo.pages.db"
    archive = sqlite_utils.Database(db_path)
    assert "responses" not in archive.table_names()  # Datasette never serves raw HTML
    with open_raw_store(db_path) as raw:
        cost = storage_cost(raw)
    assert cost["urls"] == len(demo_articles)
    assert cost["stored_bytes"] < cost["raw_bytes"]


def test_reextract_repairs_rows_from_kept_pages_without_network(demo_archive, demo_articles, tmp_path):
    db_path = copy_archive(demo_archive, tmp_path)
    db = sqlite_utils.Database(db_path)
    row = next(db["articles"].rows)
    db["articles"].update(row["id"], {"title": "Alte, schlechte Extraktion", "language": "xx"})
    versions_before = db["article_versions"].count

    result = run_cli("reextract", "--db", db_path)
    assert f"{len(demo_articles)} pages checked, 1 articles updated" in result.stdout
    repaired = db["articles"].get(row["id"])
    assert (repaired["title"], repaired["language"]) == (row["title"], row["language"])
    assert db["article_versions"].count == versions_before
    again = run_cli("reextract", "rrw-demo", "--db", db_path)
    assert ", 0 articles updated" in again.stdout


def test_export_warc_writes_replayable_response_records(demo_archive, demo_articles, tmp_path):
    warc = tmp_path / "demo.warc.gz"
    result = run_cli("export-warc", warc, "--db", demo_archive["db_path"])
    assert f"{len(demo_articles)} records written" in result.stdout
    titles = {article.title for article in demo_articles}
    seen = set()
    with open(warc, "rb") as stream:
        for record in ArchiveIterator(stream):
            assert record.rec_type == "response"
            assert record.http_headers.get_statuscode() == "200"
            body = record.content_stream().read().decode("utf-8")
            seen |= {title for title in titles if title.replace("&", "&amp;") in body or title in body}
            assert record.rec_headers.get_header("WARC-Target-URI").startswith("http://127.0.0.1:")
    assert seen == titles


def test_progress_table_and_summary(demo_site, tmp_path):
    from tests.conftest import write_sources

    sources = write_sources(
        tmp_path / "sources.yml",
        {"sources": [{"id": "feed-only", "feeds": [f"{demo_site.base_url}/feed.xml"], "download_delay": 0}]},
    )
    result = run_cli("crawl", "--sources", sources, "--db", tmp_path / "a.db", "--progress")
    assert "Crawling" in result.stderr and "feed-only" in result.stderr
    assert "Crawl finished in" in result.stdout
    assert "Raw pages kept: 15 responses of 15 articles" in result.stdout


def test_pages_kept_by_earlier_releases_are_read_after_the_upgrade(tmp_path):
    # The raw store as release 0.1.0 made it: its first migration only, bodies zlib-compressed.
    first_release = Migrations("newsarchive-raw")
    first_release(name="r001_responses")(r001_responses)
    old_body = "<html><body><p>Vor dem Update gespeichert.</p></body></html>".encode()
    with Database(raw_store_path(tmp_path / "archive.db")) as raw:
        first_release.apply(raw)
        raw["responses"].insert(
            {
                "url": "https://example.de/alt",
                "source": "alt",
                "fetched_at": "2026-01-02T03:04:05Z",
                "status": 200,
                "headers": "{}",
                "body": zlib.compress(old_body),
                "body_size": len(old_body),
                "stored_size": 0,
            }
        )
    new_body = "<html><body><p>Nach dem Update gespeichert. Größe: 100 %</p></body></html>".encode()
    with open_raw_store(tmp_path / "archive.db") as raw:
        store_response(
            raw,
            url="https://example.de/neu",
            source="neu",
            fetched_at="2026-12-04T10:00:00Z",
            status=200,
            headers={"Content-Type": "text/html; charset=utf-8"},
            body=new_body,
        )
        bodies = {response["url"]: response["body"] for response in all_responses(raw)}
        again = {response["url"]: response["body"] for response in latest_responses(raw)}
        compressions = [row["compression"] for row in raw["responses"].rows]
    assert bodies == again == {"https://example.de/alt": old_body, "https://example.de/neu": new_body}
    assert compressions == ["zlib", "zstd"]
