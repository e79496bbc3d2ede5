"""The real scheduler in a subprocess: scheduled crawls of the local test site, timeouts,
overlaps, sources edits, restarts and signals. Waits read the scheduler's log lines."""

import ctypes
import json
import os
import platform
import queue
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from contextlib import contextmanager
from pathlib import Path

import pytest
import sqlite_utils
from apscheduler.triggers.cron import CronTrigger

from crawler.sources import parse_source
from crawler.scheduling import SchedulerConfig
from scheduler import CrawlRunner, default_schedule, source_schedule
from tests.conftest import run_cli, write_sources

PROJECT_ROOT = Path(__file__).resolve().parent.parent
FAR_AWAY = "0 3 1 1 *"  # a cron schedule that does not fire during a test


class SchedulerProcess:
    """`newsarchive schedule` (or `python scheduler.py`) in a subprocess, its log read line by line."""

    def __init__(self, *args, script=False):
        command = (
            [sys.executable, str(PROJECT_ROOT / "scheduler.py")]
            if script
            else [sys.executable, "-m", "crawler", "schedule"]
        )
        self.process = subprocess.Popen(
            [*command, *map(str, args)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
        )
        self.log: list[str] = []
        self._lines: queue.Queue = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        for line in self.process.stderr:
            self._lines.put(line.rstrip("\n"))
        self._lines.put(None)

    def wait_for(self, pattern: str, timeout: float = 60) -> re.Match:
        """The first log line (after those already seen) matching ``pattern``, within ``timeout``."""
        deadline = time.monotonic() + timeout
        while True:
            try:
                line = self._lines.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                raise AssertionError(
                    f"no log line matching {pattern!r} within {timeout} s:\n" + "\n".join(self.log)
                ) from None
            if line is None:
                raise AssertionError(f"scheduler exited before logging {pattern!r}:\n" + "\n".join(self.log))
            self.log.append(line)
            match = re.search(pattern, line)
            if match:
                return match

    def send(self, signum) -> None:
        self.process.send_signal(signum)

    def stop(self, timeout: float = 60) -> int:
        """SIGTERM, then the exit status."""
        self.send(signal.SIGTERM)
        self.wait_for("scheduler stopped", timeout)
        return self.process.wait(timeout)

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()


@contextmanager
def scheduler(*args, script=False):
    running = SchedulerProcess(*args, script=script)
    try:
        yield running
    finally:
        running.close()


class HangingSite:
    """A server that accepts connections and never answers; ``connected`` is set on the first."""

    def __init__(self):
        self.server = socket.create_server(("127.0.0.1", 0))
        self.base_url = f"http://127.0.0.1:{self.server.getsockname()[1]}"
        self.connected = threading.Event()
        self.connections = []
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while True:
            try:
                connection, _address = self.server.accept()
            except OSError:  # closed at the end of the test
                return
            self.connections.append(connection)
            self.connected.set()

    def close(self):
        self.server.close()
        for connection in self.connections:
            connection.close()


@contextmanager
def hanging_site():
    site = HangingSite()
    try:
        yield site
    finally:
        site.close()


def runs(db_path) -> list[dict]:
    return list(sqlite_utils.Database(db_path)["crawl_runs"].rows_where(order_by="id"))


def jobs(db_path) -> dict[str, float]:
    db = sqlite_utils.Database(db_path)
    return {row["id"]: row["next_run_time"] for row in db["scheduler_jobs"].rows}


def test_scheduled_crawls_of_the_test_site_one_at_a_time_then_sigterm(demo_site, tmp_path):
    db_path = tmp_path / "archive.db"
    sources = write_sources(
        tmp_path / "sources.yml",
        {
            "sources": [
                {"id": section, "start_urls": [f"{demo_site.base_url}/{section}/"], "max_depth": 1, "download_delay": 0}
                for section in ("koeln", "english")
            ]
        },
    )
    with scheduler(
        "--sources", sources, "--db", db_path, "--interval-seconds", 1, "--max-crawls", 1, script=True
    ) as running:
        running.wait_for(r"scheduler started: 2 sources \(added koeln, english\)")
        finished = {}
        while len(finished) < 2:
            match = running.wait_for(r"crawl (\w+) finished: ok, (\d+) pages, (\d+) new")
            finished.setdefault(match[1], (int(match[2]), int(match[3])))
        assert running.stop() == 0
    # The global cap: never two crawls at once, although both sources were due every second.
    in_flight = 0
    for line in running.log:
        in_flight += bool(re.search(r"crawl \w+ started", line)) - bool(re.search(r"crawl \w+ finished", line))
        assert in_flight <= 1
    for source, (pages, new) in finished.items():
        first = next(run for run in runs(db_path) if run["source"] == source)
        assert (first["status"], first["articles_new"], first["pages_fetched"]) == ("ok", new, pages)
        assert new >= 5 and pages > new
    # Every stored row was counted by the run that stored it; a third run, due a second later,
    # may have stored more before the scheduler stopped, so all runs are summed.
    assert sqlite_utils.Database(db_path)["articles"].count == sum(
        run["articles_new"] + run["duplicates"] for run in runs(db_path)
    )
    assert all(run["status"] != "running" for run in runs(db_path))
    # The log file beside the archive has the same lines.
    log_file = (tmp_path / "archive.db.scheduler.log").read_text()
    assert re.search(r"crawl koeln finished: ok, \d+ pages, \d+ new", log_file)
    assert "scheduler stopped" in log_file
    status = {row["source"]: row for row in json.loads(run_cli("status", "--db", db_path, "--json").stdout)}
    assert status["koeln"]["health"] == "ok"
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00", status["koeln"]["next_run"])


def test_hanging_crawl_killed_overlaps_refused_and_stopped_on_sigterm(tmp_path):
    db_path = tmp_path / "archive.db"
    with hanging_site() as site:
        sources = write_sources(
            tmp_path / "sources.yml",
            {"sources": [{"id": "hangs", "start_urls": [f"{site.base_url}/"], "download_delay": 0}]},
        )
        with scheduler(
            "--sources",
            sources,
            "--db",
            db_path,
            "--interval-seconds",
            1,
            "--crawl-timeout",
            6,
            "--kill-grace",
            1,
            "--shutdown-grace",
            0.5,
        ) as running:
            running.wait_for(r"crawl hangs started")
            # Once the crawl reaches the site it holds its lock: a crawl started by hand now is
            # refused.
            assert site.connected.wait(30)
            manual = run_cli(
                "crawl",
                "hangs",
                "--sources",
                sources,
                "--db",
                db_path,
                "--json",
                "--set",
                "DOWNLOAD_TIMEOUT=3",
                timeout=60,
            )
            assert "skipped, another crawl of this source is running" in manual.stderr
            assert json.loads(manual.stdout)["runs"][0]["status"] == "locked"
            # The scheduler itself does not start a second one (max_instances=1).
            running.wait_for(r"crawl hangs not started: its previous run is still running")
            running.wait_for(r"crawl hangs finished: timeout")
            # The killed crawl's row ends as `timeout` (the next crawl may have begun already).
            scheduled = [run for run in runs(db_path) if run["status"] != "locked"]
            assert [run["status"] for run in runs(db_path)].count("locked") == 1
            assert scheduled[0]["status"] == "timeout"
            assert scheduled[0]["finished"] >= scheduled[0]["started"]
            [status] = json.loads(run_cli("status", "--db", db_path, "--json").stdout)
            assert status["health"] == "failing"
            # The next crawl hangs too; SIGTERM stops it after the shutdown grace, cleanly. The
            # signal goes while a crawl is at the site, however long the steps above took on a
            # busy machine: a log line read now may be about a crawl that has timed out since.
            site.connected.clear()
            assert site.connected.wait(30)
            running.send(signal.SIGTERM)
            running.wait_for(r"stopping: waiting up to 0.5 s for 1 running crawl\(s\): hangs")
            running.wait_for(r"crawl hangs finished: shutdown")
            running.wait_for("scheduler stopped")
            assert running.process.wait(30) == 0
    final = [run["status"] for run in runs(db_path)]
    assert final.count("shutdown") == 1 and "running" not in final


def test_crashed_crawl_recorded_as_failed(tmp_path):
    db_path = tmp_path / "archive.db"
    sources = write_sources(
        tmp_path / "sources.yml", {"sources": [{"id": "broken", "feeds": ["http://127.0.0.1:9/feed.xml"]}]}
    )
    # A setting Scrapy cannot read makes the crawl fail before its spider opens.
    with scheduler(
        "--sources", sources, "--db", db_path, "--interval-seconds", 1, "--set", "CONCURRENT_REQUESTS=many"
    ) as running:
        running.wait_for(r"crawl broken finished: failed \(.*invalid literal for int\(\)")
        assert running.stop() == 0
    assert runs(db_path)[0]["status"] == "failed"
    [status] = json.loads(run_cli("status", "--db", db_path, "--json").stdout)
    assert status["health"] == "failing"


def test_sources_edits_applied_without_restart_and_jobs_kept_across_restarts(tmp_path):
    db_path = tmp_path / "archive.db"
    path = tmp_path / "sources.yml"

    def source(source_id, schedule=FAR_AWAY):
        return {"id": source_id, "feeds": ["http://127.0.0.1:9/feed.xml"], "schedule": schedule}

    write_sources(path, {"sources": [source("alpha")]})
    options = ("--sources", path, "--db", db_path)
    with scheduler(*options, "--watch-interval", 600) as running:
        running.wait_for(r"scheduler started: 1 sources \(added alpha\)")
        # A second scheduler on the same archive refuses to start.
        second = run_cli("schedule", *options, check=False)
        assert second.returncode == 1
        assert "another scheduler is already running" in second.stderr
        # Edit + SIGHUP: applied at once (the mtime watch would wait 600 s).
        write_sources(path, {"sources": [source("alpha", "15 4 * * *"), source("beta")]})
        running.send(signal.SIGHUP)
        running.wait_for(r"sources reloaded: added beta; changed alpha")
        assert set(jobs(db_path)) == {"alpha", "beta"}
        # An invalid edit is reported; the schedule and the file crawls read stay as they were.
        path.write_text(path.read_text().replace("feeds:", "feds:"))
        running.send(signal.SIGHUP)
        running.wait_for(r"sources file not reloaded, keeping the current schedule: .*'feds'")
        assert set(jobs(db_path)) == {"alpha", "beta"}
        assert "feds" not in (tmp_path / "archive.db.scheduled-sources.yml").read_text()
        assert running.stop() == 0
    stored = jobs(db_path)

    # At start an invalid file is an error (exit 2), not a silent fallback.
    refused = run_cli("schedule", *options, check=False)
    assert refused.returncode == 2 and "'feds': unknown key" in refused.stderr
    path.write_text(path.read_text().replace("feds:", "feeds:"))
    # Restart: the stored jobs and their next run times are kept, not added again.
    with scheduler(*options, "--watch-interval", 0.2) as running:
        running.wait_for(r"scheduler started: 2 sources \(no change\)")
        assert jobs(db_path) == stored
        # An edit noticed by its modification time alone.
        write_sources(path, {"sources": [source("beta")]})
        running.wait_for(r"sources reloaded: removed alpha")
        assert jobs(db_path) == {"beta": stored["beta"]}
        assert running.stop() == 0


def test_default_schedule_spreads_sources_and_keeps_their_slot():
    minutes = {default_schedule(f"source-{number}").split()[0] for number in range(40)}
    assert len(minutes) > 20
    assert default_schedule("rp-duesseldorf") == default_schedule("rp-duesseldorf")
    minute, hour, *rest = default_schedule("rp-duesseldorf", every_hours=6).split()
    assert re.fullmatch(r"[0-5]-23/6", hour) and rest == ["*", "*", "*"]


@pytest.mark.parametrize(
    "schedule, expected",
    [
        ("*/30 * * * *", "cron '*/30 * * * *'"),
        (None, "cron '48 * * * *'"),
    ],
)
def test_source_schedule_uses_the_sources_cron_or_the_default(schedule, expected):
    entry = {"id": "rp-duesseldorf", "feeds": ["https://rp-online.de/feed.rss"]}
    if schedule:
        entry["schedule"] = schedule
    config = SchedulerConfig(sources_path=Path("sources.yml"), db_path=Path("a.db"), jitter=30)
    trigger, description = source_schedule(parse_source(entry), config)
    assert description.startswith(expected) and "jitter 30 s" in description
    assert isinstance(trigger, CronTrigger) and trigger.jitter == 30
    fast = SchedulerConfig(sources_path=Path("sources.yml"), db_path=Path("a.db"), interval_seconds=2)
    assert source_schedule(parse_source(entry), fast).description == "every 2 s (test interval)"


def test_crawls_at_once_share_the_cores_for_extraction_unless_the_operator_says_otherwise():
    def extract_workers(**options) -> list[str]:
        config = SchedulerConfig(sources_path=Path("sources.yml"), db_path=Path("a.db"), **options)
        command = CrawlRunner(config).command("rp-duesseldorf")
        return [value for name, value in zip(command, command[1:]) if name == "--set" and "EXTRACT_WORKERS" in value]

    cores = os.cpu_count() or 1
    assert extract_workers(max_crawls=1) == [f"EXTRACT_WORKERS={cores}"]
    assert extract_workers(max_crawls=cores) == ["EXTRACT_WORKERS=1"]
    assert extract_workers(max_crawls=cores * 4) == ["EXTRACT_WORKERS=1"]
    assert extract_workers(max_crawls=1, crawl_settings=("EXTRACT_WORKERS = 0",)) == ["EXTRACT_WORKERS = 0"]


def signal_thread(pid: int, tid: int, signum: int) -> None:
    """Send ``signum`` to one thread of process ``pid`` (tgkill), as the kernel may choose to."""
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.syscall(SYS_TGKILL, pid, tid, signum) != 0:
        raise OSError(ctypes.get_errno(), "tgkill failed")


# tgkill's system call number on x86-64 and on arm64.
SYS_TGKILL = {"x86_64": 234, "aarch64": 131}.get(platform.machine())


@pytest.mark.skipif(SYS_TGKILL is None, reason="tgkill's number is known for x86-64 and arm64 only")
@pytest.mark.parametrize("signum", [signal.SIGHUP, signal.SIGTERM])
def test_a_signal_delivered_to_another_thread_is_acted_on_at_once(tmp_path, signum):
    """The kernel may deliver a signal to any thread; the scheduler's main thread must not sleep
    through it until its next watch (600 s here)."""
    path = tmp_path / "sources.yml"
    write_sources(path, {"sources": [{"id": "alpha", "feeds": ["http://127.0.0.1:9/feed.xml"], "schedule": FAR_AWAY}]})
    with scheduler("--sources", path, "--db", tmp_path / "archive.db", "--watch-interval", 600) as running:
        running.wait_for(r"scheduler started")
        pid = running.process.pid
        others = [int(tid) for tid in os.listdir(f"/proc/{pid}/task") if int(tid) != pid]
        assert others, "the scheduler runs threads of its own"
        if signum == signal.SIGHUP:
            write_sources(path, {"sources": [{"id": "beta", "feeds": ["http://127.0.0.1:9/feed.xml"]}]})
            signal_thread(pid, others[0], signum)
            running.wait_for(r"sources reloaded: added beta; removed alpha", timeout=10)
            assert running.stop() == 0
        else:
            signal_thread(pid, others[0], signum)
            running.wait_for("scheduler stopped", timeout=10)
            assert running.process.wait(10) == 0
