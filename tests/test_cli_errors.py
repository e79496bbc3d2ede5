"""What no command expected ends in one line naming what failed, never a traceback."""

import os
import subprocess

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
    # The last line says why too: the scheduler records a failed crawl by it.
    assert result.stderr.strip().splitlines()[-1] == (
        "Crawl failed to start for x: ValueError: could not convert string to float: 'slow'"
    )


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


@pytest.fixture
def read_only_archive(tmp_path):
    """An archive in a directory that cannot be written: chmod for a user, a read-only tmpfs for
    root (whom permissions do not stop)."""
    from archive.storage.store import open_archive

    directory = tmp_path / "ro"
    directory.mkdir()
    if os.geteuid() != 0:
        db_path = directory / "archive.db"
        open_archive(db_path).close()
        directory.chmod(0o555)
        yield db_path
        directory.chmod(0o755)
        return
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=16m", "tmpfs", directory], capture_output=True).returncode:
        pytest.skip("cannot mount a read-only file system here")
    try:
        open_archive(directory / "archive.db").close()
        subprocess.run(["mount", "-o", "remount,ro", directory], check=True)
        yield directory / "archive.db"
    finally:
        subprocess.run(["umount", directory], check=True)


def test_a_read_only_archive_is_read_and_never_written(read_only_archive, tmp_path):
    before = read_only_archive.read_bytes()
    sources = tmp_path / "sources.yml"
    sources.write_text("sources:\n  - id: x\n    feeds: [http://127.0.0.1:1/feed.xml]\n", encoding="utf-8")
    assert "no articles found" in run_cli("search", "hafen", "--db", read_only_archive).stdout
    run_cli("status", "--db", read_only_archive)
    assert run_cli(
        "serve", "--db", read_only_archive, "--get", "/archive/articles.json?_shape=array"
    ).stdout.startswith("[]")
    for command in (["crawl", "--sources", sources], ["enrich"]):
        result = run_cli(*command, "--db", read_only_archive, check=False)
        assert result.returncode == 1 and "Traceback" not in result.stderr
        assert f"{read_only_archive}: the archive is read-only" in result.stderr
    assert read_only_archive.read_bytes() == before


@pytest.mark.parametrize(
    "command",
    [["status"], ["search", "hafen"], ["serve", "--get", "/"], ["enrich"], ["crawl", "--sources", "{sources}"]],
)
def test_a_db_that_is_another_file_is_refused_and_left_alone(tmp_path, command):
    sources = tmp_path / "sources.yml"
    sources.write_text("sources:\n  - id: x\n    feeds: [http://127.0.0.1:1/feed.xml]\n", encoding="utf-8")
    command = [str(sources) if part == "{sources}" else part for part in command]
    result = run_cli(*command, "--db", sources, check=False, timeout=60)
    assert result.returncode == 2, result.stderr
    assert result.stderr.strip() == f"Error: {sources}: not an archive (not an SQLite database file)"
    assert sources.read_text(encoding="utf-8").startswith("sources:")
