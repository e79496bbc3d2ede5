"""Source health: `newsarchive status`, the source_health view and its Datasette canned query."""

import asyncio
import json
from pathlib import Path

from datasette.app import Datasette

from archive.publishing.publish import metadata_for
from archive.publishing.status import HEALTH_FLAGS, source_status
from archive.storage.store import finish_run, open_archive, record_run, save_sources, start_run
from tests.conftest import run_cli

METADATA = Path(__file__).resolve().parent.parent / "metadata.yml"
# 2026-12-01T06:00:00+00:00 as the job store keeps it: seconds since the epoch.
NEXT_RUN = 1796104800.0


def add_runs(db, source, runs):
    for status, new, pages, errors in runs:
        run_id = start_run(db, source)
        finish_run(db, run_id, status, {"articles_new": new, "pages_fetched": pages, "errors": errors})


def health_archive(path):
    """Sources in every state of health, with runs oldest first."""
    db = open_archive(path)
    save_sources(
        db,
        [
            {"id": source, "name": source.title()}
            for source in ("healthy", "timed-out", "all-errors", "stale", "quiet-newcomer", "never-run")
        ],
    )
    add_runs(db, "healthy", [("ok", 5, 20, 0), ("ok", 0, 20, 0), ("ok", 0, 20, 1), ("ok", 2, 20, 0)])
    add_runs(db, "timed-out", [("ok", 5, 20, 0)])
    record_run(db, "timed-out", "timeout")
    # A source whose every request failed: the run "finished", yet fetched nothing usable.
    add_runs(db, "all-errors", [("ok", 4, 20, 0), ("ok", 0, 3, 3)])
    add_runs(db, "stale", [("ok", 7, 20, 0), ("ok", 0, 20, 0), ("ok", 0, 20, 0), ("ok", 0, 20, 0)])
    # A skipped (locked) run and one still running do not count as finished runs.
    record_run(db, "stale", "locked")
    start_run(db, "stale")
    # Never had new articles: quiet, not stale.
    add_runs(db, "quiet-newcomer", [("ok", 0, 5, 0), ("ok", 0, 5, 0), ("ok", 0, 5, 0)])
    db["scheduler_jobs"].insert({"id": "healthy", "next_run_time": NEXT_RUN, "job_state": b"x"})
    return db


def test_health_flags(tmp_path):
    rows = {row["source"]: row for row in source_status(health_archive(tmp_path / "a.db"))}
    assert {source: row["health"] for source, row in rows.items()} == {
        "healthy": "ok",
        "timed-out": "failing",
        "all-errors": "failing",
        "stale": "stale",
        "quiet-newcomer": "ok",
        "never-run": "pending",
    }
    assert set(HEALTH_FLAGS) == {row["health"] for row in rows.values()}
    assert rows["healthy"]["next_run"] == "2026-12-01T06:00:00+00:00"
    assert rows["healthy"]["new"] == 2 and rows["healthy"]["status"] == "ok"
    assert rows["stale"]["next_run"] is None
    # The last run shown is the one in progress; a skipped (locked) run is not a run.
    assert rows["stale"]["status"] == "running"
    assert rows["timed-out"]["status"] == "timeout"
    assert rows["never-run"]["last_run"] is None


def test_status_command_json(tmp_path):
    health_archive(tmp_path / "a.db")
    result = run_cli("status", "--db", tmp_path / "a.db", "--json")
    rows = {row["source"]: row for row in json.loads(result.stdout)}
    assert rows["stale"]["health"] == "stale"
    assert rows["healthy"]["next_run"] == "2026-12-01T06:00:00+00:00"
    table = run_cli("status", "--db", tmp_path / "a.db").stdout
    assert "health" in table and "failing" in table and "next run" in table


def test_source_health_canned_query(tmp_path):
    db_path = tmp_path / "archive.db"
    health_archive(db_path)
    datasette = Datasette([str(db_path)], metadata=metadata_for(db_path, METADATA))

    async def fetch(path):
        return await datasette.client.get(path)

    response = asyncio.run(fetch("/archive/source_health.json?_shape=array"))
    assert response.status_code == 200
    rows = response.json()
    # Problems first.
    assert [row["health"] for row in rows][:3] == ["failing", "failing", "stale"]
    assert {row["source"]: row["health"] for row in rows}["never-run"] == "pending"
    page = asyncio.run(fetch("/archive/source_health"))
    assert "Source health" in page.text
