"""Crawl locks: exclusive across processes, gone when the holder dies; `crawl` skips a locked source."""
import json
import subprocess
import sys

import pytest
import sqlite_utils

from archive.lock import LockHeld, hold_lock, lock_dir
from tests.conftest import run_cli, write_sources

HOLDER = """
import sys
from archive.lock import hold_lock
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
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(db_path), "held"],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
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
    sources = write_sources(tmp_path / "sources.yml", {"sources": [
        {"id": "held", "start_urls": ["http://127.0.0.1:9/"]}]})
    result = run_cli("crawl", "held", "--sources", sources, "--db", db_path, "--json")
    assert "held: skipped, another crawl of this source is running" in result.stderr
    [run] = json.loads(result.stdout)["runs"]
    assert run["status"] == "locked" and run["pages_fetched"] == 0
    assert [row["status"] for row in sqlite_utils.Database(db_path)["crawl_runs"].rows] == ["locked"]
