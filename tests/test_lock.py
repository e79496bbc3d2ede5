"""Crawl locks: exclusive across processes, gone when the holder dies; `crawl` skips a locked source."""

import json
import multiprocessing
import sqlite3
import subprocess
import sys

import pytest
import sqlite_utils

from archive.storage.lock import LockHeld, hold_lock, lock_dir
from tests.conftest import run_cli, write_sources

HOLDER = """
import sys
from archive.storage.lock import hold_lock
with hold_lock(sys.argv[1], sys.argv[2]):
    print("held", flush=True)
    sys.stdin.read()
"""


def test_lock_is_exclusive_and_per_name(tmp_path):
    db_path = tmp_path / "archive.db"
    with hold_lock(db_path, "rp-duesseldorf"):
        with pytest.raises(LockHeld, match="rp-duesseldorf"):
            with hold_lock(db_path, "rp-duesseldorf"):
                pass
        with hold_lock(db_path, "wdr-wirtschaft"):
            pass
    with hold_lock(db_path, "rp-duesseldorf"):
        pass
    assert (lock_dir(db_path) / "rp-duesseldorf.lock").exists()


@pytest.fixture
def lock_holder(tmp_path):
    """Another process holding the lock of source `held` until it is killed."""
    db_path = tmp_path / "archive.db"
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(db_path), "held"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    assert holder.stdout.readline() == "held\n"
    yield holder, db_path
    holder.kill()
    holder.wait()


def test_lock_is_released_when_its_holder_is_killed(lock_holder):
    holder, db_path = lock_holder
    with pytest.raises(LockHeld, match=f"pid {holder.pid}"):
        with hold_lock(db_path, "held"):
            pass
    holder.kill()
    holder.wait()
    with hold_lock(db_path, "held"):
        pass


def test_crawl_skips_a_source_being_crawled(lock_holder, tmp_path):
    _holder, db_path = lock_holder
    # Nothing listens on port 9 of this machine: fetching would fail, but nothing is fetched.
    sources = write_sources(
        tmp_path / "sources.yml", {"sources": [{"id": "held", "start_urls": ["http://127.0.0.1:9/"]}]}
    )
    result = run_cli("crawl", "held", "--sources", sources, "--db", db_path, "--json")
    assert "held: skipped, another crawl of this source is running" in result.stderr
    [run] = json.loads(result.stdout)["runs"]
    assert run["status"] == "locked" and run["pages_fetched"] == 0
    assert [row["status"] for row in sqlite_utils.Database(db_path)["crawl_runs"].rows] == ["locked"]


def _open_and_save_sources(path: str, name: str) -> None:
    from archive.storage.rawstore import open_raw_store
    from archive.storage.store import open_archive, save_sources

    for _ in range(5):
        with open_archive(path) as db:
            save_sources(db, [{"id": name, "name": name}, {"id": "shared", "name": name}])
        open_raw_store(path).close()


def test_crawls_starting_together_on_a_new_archive(tmp_path):
    """Each crawl opens the archive (migrating a new one), its raw store, and writes its
    source: started at once, none fails with "database is locked"."""
    context = multiprocessing.get_context("spawn")
    path = str(tmp_path / "archive.db")
    processes = [context.Process(target=_open_and_save_sources, args=(path, f"source-{n}")) for n in range(6)]
    for process in processes:
        process.start()
    for process in processes:
        process.join(timeout=300)
    assert [process.exitcode for process in processes] == [0] * 6
    with sqlite3.connect(path) as connection:
        assert connection.execute("select count(*) from sources").fetchone()[0] == 7


def _open_raw_stores_in_step(paths: list[str], barrier, failures) -> None:
    from archive.storage.rawstore import open_raw_store

    for path in paths:
        barrier.wait()
        try:
            open_raw_store(path).close()
        except sqlite3.OperationalError as error:
            failures.put(f"{path}: {error}")


def test_processes_switching_new_files_to_wal_at_the_same_instant(tmp_path):
    """Each new file is opened by six processes released together: the switch to WAL, which
    SQLite refuses at once to all but one of them when they race, is made one at a time."""
    context = multiprocessing.get_context("spawn")
    paths = [str(tmp_path / f"archive-{n}.db") for n in range(40)]
    barrier, failures = context.Barrier(6), context.Queue()
    processes = [context.Process(target=_open_raw_stores_in_step, args=(paths, barrier, failures)) for _ in range(6)]
    for process in processes:
        process.start()
    for process in processes:
        process.join(timeout=300)
    assert [process.exitcode for process in processes] == [0] * 6
    reported = []
    while not failures.empty():
        reported.append(failures.get())
    assert reported == []
    for path in paths:
        with sqlite3.connect(path.replace(".db", ".pages.db")) as connection:
            assert connection.execute("pragma journal_mode").fetchone()[0] == "wal"
