"""Every command run twice in a row: the second run succeeds and changes nothing it should not.

An operator re-runs commands all the time (a cron line, a shell history, `make demo` after
lunch). Each test runs the real CLI twice on the same archive and compares what it holds.
"""

import shutil
import sqlite3

import pytest
from warcio.archiveiterator import ArchiveIterator

from tests.conftest import run_cli, write_sources


def table_counts(db_path) -> dict[str, int]:
    """Rows per table: what a command that should change nothing must leave alone."""
    with sqlite3.connect(db_path) as connection:
        tables = [
            name
            for (name,) in connection.execute(
                "select name from sqlite_master where type = 'table' and name not like 'sqlite_%'"
            )
        ]
        return {table: connection.execute(f'select count(*) from "{table}"').fetchone()[0] for table in tables}


def article_rows(db_path) -> list[tuple]:
    with sqlite3.connect(db_path) as connection:
        return connection.execute(
            "select id, url, title, text, published, author, content_hash from articles order by id"
        ).fetchall()


@pytest.fixture
def archive_copy(demo_archive, tmp_path):
    """A copy of the crawled demo archive (with its raw-page store) that a test may change."""
    source = demo_archive["db_path"]
    for path in source.parent.glob(source.stem + ".*"):
        if path.is_file():
            shutil.copy(path, tmp_path / path.name)
    return tmp_path / source.name


def test_demo_twice_keeps_the_archive(tmp_path):
    data_dir = tmp_path / "data"
    first = run_cli("demo", "--data-dir", data_dir, "--no-serve")
    rows = article_rows(data_dir / "demo.db")
    assert len(rows) > 30
    second = run_cli("demo", "--data-dir", data_dir, "--no-serve")
    assert "Traceback" not in first.stderr + second.stderr
    assert article_rows(data_dir / "demo.db") == rows
    with sqlite3.connect(data_dir / "demo.db") as connection:
        runs = connection.execute("select articles_new from crawl_runs order by id").fetchall()
    assert runs == [(len(rows),), (0,)]


def test_reextract_twice(archive_copy):
    before = article_rows(archive_copy)
    first = run_cli("reextract", "--db", archive_copy)
    second = run_cli("reextract", "--db", archive_copy)
    assert " 0 articles updated" in second.stdout, second.stdout
    assert first.stdout.split(" pages checked")[0] == second.stdout.split(" pages checked")[0]
    assert article_rows(archive_copy) == before


def test_enrich_twice(archive_copy):
    run_cli("enrich", "--db", archive_copy)
    counts = table_counts(archive_copy)
    first = run_cli("enrich", "--db", archive_copy, "--json")
    second = run_cli("enrich", "--db", archive_copy, "--json")
    assert first.stdout == second.stdout
    assert table_counts(archive_copy) == counts


def test_export_warc_twice_replaces_the_file(archive_copy, tmp_path):
    warc = tmp_path / "archive.warc.gz"
    outputs = []
    for _ in range(2):
        result = run_cli("export-warc", warc, "--db", archive_copy)
        with open(warc, "rb") as stream:
            urls = [record.rec_headers.get_header("WARC-Target-URI") for record in ArchiveIterator(stream)]
        outputs.append((result.stdout, urls))
    assert outputs[0] == outputs[1]
    assert len(outputs[0][1]) == len(article_rows(archive_copy))
    assert not list(tmp_path.glob("*.partial"))


def test_status_and_serve_twice(archive_copy):
    counts = table_counts(archive_copy)
    for _ in range(2):
        assert "rrw-demo" in run_cli("status", "--db", archive_copy).stdout
        page = run_cli("serve", "--db", archive_copy, "--get", "/demo/articles.json?_shape=array&_size=1")
        assert page.stdout.startswith("[")
    assert table_counts(archive_copy) == counts


def test_crawl_twice_stores_nothing_new(archive_copy, demo_site, tmp_path):
    from crawler.demo import demo_sources

    sources = write_sources(tmp_path / "sources.yml", demo_sources(demo_site.base_url))
    rows = article_rows(archive_copy)
    for _ in range(2):
        run_cli("crawl", "--sources", sources, "--db", archive_copy)
        assert article_rows(archive_copy) == rows


def test_sources_add_twice_refuses_the_second_entry(demo_site, tmp_path):
    sources = tmp_path / "sources.yml"
    first = run_cli("sources", "add", f"{demo_site.base_url}/", "--id", "demo-twice", "--sources", sources, "--write")
    assert "Added 'demo-twice'" in first.stdout
    written = sources.read_text(encoding="utf-8")
    second = run_cli(
        "sources", "add", f"{demo_site.base_url}/", "--id", "demo-twice", "--sources", sources, "--write", check=False
    )
    assert second.returncode == 2
    assert "already exists" in second.stderr and "Traceback" not in second.stderr
    assert sources.read_text(encoding="utf-8") == written
    for _ in range(2):
        # No politeness delay on this machine's own site: the check is about running twice.
        run_cli(
            "sources",
            "check",
            "demo-twice",
            "--sources",
            sources,
            "--pages",
            "5",
            "--set",
            "DOWNLOAD_DELAY=0",
            "--set",
            "AUTOTHROTTLE_ENABLED=False",
        )
