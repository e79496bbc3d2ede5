"""What no command expected ends in one line naming what failed, never a traceback."""

import pytest

from tests.conftest import run_cli


@pytest.mark.parametrize(
    "args",
    [
        ["enqueue", "--redis", "redis://:secret@127.0.0.1:1/0"],  # Redis not reachable
        ["archive-writer", "--redis", "redis://127.0.0.1:1/0", "--db", "{tmp}/archive.db"],
        ["enqueue", "--redis", "not-a-url"],
        ["status", "--db", "{tmp}/not-an-archive.db"],  # a file that is not SQLite
        ["serve", "--db", "{tmp}/not-an-archive.db", "--get", "/"],
        ["search", "hafen", "--db", "{tmp}/not-an-archive.db"],
    ],
)
def test_unexpected_errors_end_in_one_line(tmp_path, args):
    (tmp_path / "not-an-archive.db").write_text("garbage, not SQLite")
    sources = tmp_path / "sources.yml"
    sources.write_text("sources:\n  - id: x\n    feeds: [http://127.0.0.1:1/feed]\n", encoding="utf-8")
    args = [arg.replace("{tmp}", str(tmp_path)) for arg in args]
    if args[0] == "enqueue":
        args += ["--sources", str(sources)]
    result = run_cli(*args, check=False, timeout=60)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.stderr
    assert "secret" not in result.stderr + result.stdout


def test_a_site_that_is_down_is_one_line_per_failed_fetch(tmp_path):
    # Port 1 on loopback: every connection is refused at once.
    sources = tmp_path / "sources.yml"
    sources.write_text("sources:\n  - id: down\n    feeds: [http://127.0.0.1:1/feed.xml]\n", encoding="utf-8")
    result = run_cli(
        "crawl",
        "--sources",
        sources,
        "--db",
        tmp_path / "archive.db",
        "--set",
        "RETRY_TIMES=0",
        check=False,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    failed = [line for line in result.stderr.splitlines() if "http://127.0.0.1:1/feed.xml" in line]
    assert failed and all("refused" in line for line in failed), result.stderr


def test_a_crawl_that_cannot_start_says_why_in_one_line(tmp_path):
    sources = tmp_path / "sources.yml"
    sources.write_text("sources:\n  - id: x\n    feeds: [http://127.0.0.1:1/feed.xml]\n", encoding="utf-8")
    result = run_cli(
        "crawl", "--sources", sources, "--db", tmp_path / "archive.db", "--set", "DOWNLOAD_DELAY=slow", check=False
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and "Unhandled error" not in result.stderr
    assert "x: the crawl stopped on an error: ValueError: could not convert string to float: 'slow'" in result.stderr


def test_export_warc_replaces_only_an_earlier_export(tmp_path):
    from archive.storage.store import open_archive

    db_path = tmp_path / "archive.db"
    open_archive(db_path).close()
    archive = db_path.read_bytes()
    notes = tmp_path / "notes.txt"
    notes.write_text("kept", encoding="utf-8")
    for target, message in [
        (db_path, "is a file of the archive"),
        (tmp_path / "archive.pages.db", "is a file of the archive"),
        (notes, "exists and is not a WARC file"),
        (tmp_path / "missing" / "out.warc.gz", "no such directory"),
    ]:
        result = run_cli("export-warc", target, "--db", db_path, check=False)
        assert result.returncode == 2 and message in result.stderr, result.stderr
        assert "Traceback" not in result.stderr
    assert db_path.read_bytes() == archive and notes.read_text(encoding="utf-8") == "kept"
