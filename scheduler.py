"""Scheduled crawls: each source of ``sources.yml`` crawled on its own cron schedule, unattended.

APScheduler 3 runs one job per source (job id = source id). Each crawl is a subprocess,
``newsarchive crawl SOURCE``, because Twisted's reactor cannot be restarted and a crashed or
hung crawl must not take the scheduler down. Jobs live in the archive's ``scheduler_jobs``
table (a persistent SQLAlchemy job store), so a restart neither loses nor duplicates them and
``newsarchive status`` can show each source's next run.

Run it with ``newsarchive schedule`` or ``python scheduler.py`` (same options).
"""

import json
import logging
import logging.handlers
import os
import signal
import subprocess
import sys
import threading
import time
import zlib
from dataclasses import replace
from pathlib import Path
from typing import NamedTuple

from apscheduler.events import EVENT_JOB_MAX_INSTANCES, EVENT_JOB_MISSED
from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger

from archive.storage.lock import LockHeld, hold_lock
from archive.storage.schema import SCHEDULER_JOBS_TABLE
from archive.storage.store import (
    close_abandoned_runs,
    latest_run_id,
    open_archive,
    record_run,
    runs_since,
    save_sources,
    utc_now,
)
from crawler.scheduling import SchedulerConfig, extract_workers_per_crawl
from crawler.sources import Source, SourcesError, load_sources

logger = logging.getLogger("newsarchive.scheduler")

CRON_FIELDS = ("minute", "hour", "day", "month", "day_of_week")
# The job store keeps a reference to the job function, not the function itself.
CRAWL_JOB = "scheduler:crawl_job"


class SchedulerBusy(RuntimeError):
    """Another scheduler already runs on this archive."""


def default_schedule(source_id: str, every_hours: int = 1) -> str:
    """A cron expression for a source without ``schedule``: every ``every_hours`` hours.

    The minute (and the hour within the period) come from a hash of the id, so sources are
    spread over the hour and keep the same slot across restarts.

    >>> default_schedule("rp-duesseldorf")
    '48 * * * *'
    """
    slot = zlib.crc32(source_id.encode("utf-8"))
    minute = slot % 60
    if every_hours <= 1:
        return f"{minute} * * * *"
    return f"{minute} {(slot // 60) % every_hours}-23/{every_hours} * * *"


class Schedule(NamedTuple):
    """A source's trigger and its description (also the job's name, to detect changes)."""

    trigger: object
    description: str


def source_schedule(source: Source, config: SchedulerConfig) -> Schedule:
    """The trigger of ``source``'s job: its cron ``schedule``, the default, or the test interval."""
    if config.interval_seconds:
        trigger = IntervalTrigger(seconds=config.interval_seconds, timezone=config.timezone)
        return Schedule(trigger, f"every {config.interval_seconds:g} s (test interval)")
    expression = source.schedule or default_schedule(source.id, config.default_every_hours)
    values = expression.split()
    if len(values) != len(CRON_FIELDS):
        raise ValueError(f"{source.id}: cron expression {expression!r} needs 5 fields")
    trigger = CronTrigger(**dict(zip(CRON_FIELDS, values)), timezone=config.timezone, jitter=config.jitter or None)
    origin = "" if source.schedule else ", default"
    return Schedule(trigger, f"cron '{expression}' {config.timezone}, jitter {config.jitter} s{origin}")


class SyncReport(NamedTuple):
    added: list[str]
    changed: list[str]
    removed: list[str]

    def __str__(self) -> str:
        parts = [
            f"{label} {', '.join(ids)}"
            for label, ids in (("added", self.added), ("changed", self.changed), ("removed", self.removed))
            if ids
        ]
        return "; ".join(parts) or "no change"


def sync_jobs(scheduler, sources: list[Source], config: SchedulerConfig) -> SyncReport:
    """Make the scheduler's jobs match ``sources``: add new, reschedule changed, remove gone.

    Jobs whose schedule did not change keep their stored next run time, which is what makes
    a restart neither lose nor repeat a run.
    """
    wanted = {source.id: source_schedule(source, config) for source in sources}
    report = SyncReport([], [], [])
    for job in scheduler.get_jobs():
        if job.id not in wanted:
            job.remove()
            report.removed.append(job.id)
    for source_id, schedule in wanted.items():
        job = scheduler.get_job(source_id)
        options = {
            "name": schedule.description,
            "misfire_grace_time": config.misfire_grace,
            "coalesce": True,
            "max_instances": 1,
        }
        if job is None:
            scheduler.add_job(CRAWL_JOB, schedule.trigger, args=[source_id], id=source_id, **options)
            report.added.append(source_id)
        elif job.name != schedule.description:
            job.modify(**options)
            job.reschedule(schedule.trigger)
            report.changed.append(source_id)
        elif job.misfire_grace_time != config.misfire_grace:
            job.modify(**options)
    return report


class CrawlOutcome(NamedTuple):
    source: str
    status: str
    elapsed: float
    run: dict | None
    detail: str = ""


class CrawlRunner:
    """Runs crawls as ``newsarchive crawl SOURCE`` subprocesses and records how they ended.

    A crawl that exceeds ``crawl_timeout`` gets SIGTERM, then SIGKILL after ``kill_grace``;
    its ``crawl_runs`` row ends as ``timeout``. A crawl that exits with an error ends as
    ``failed``, one stopped because the scheduler is shutting down as ``shutdown``.
    """

    def __init__(self, config: SchedulerConfig):
        self.config = config
        self.stopping = False
        self._running: dict[str, subprocess.Popen] = {}
        self._changed = threading.Condition()

    def command(self, source_id: str) -> list[str]:
        command = [
            sys.executable,
            "-m",
            "crawler",
            "crawl",
            source_id,
            "--json",
            "--sources",
            str(self.config.snapshot_path),
            "--db",
            str(self.config.db_path),
        ]
        settings = self.config.crawl_settings
        if not any(setting.partition("=")[0].strip() == "EXTRACT_WORKERS" for setting in settings):
            # Crawls that run at once share the cores rather than each taking one per core.
            settings += (f"EXTRACT_WORKERS={extract_workers_per_crawl(self.config.max_crawls)}",)
        for setting in settings:
            command += ["--set", setting]
        return command

    def crawl(self, source_id: str) -> CrawlOutcome | None:
        """Crawl one source in a subprocess and wait for it; None when stopping already."""
        if self.stopping:
            return None
        if self.config.redis_url:
            return self.enqueue(source_id)
        with open_archive(self.config.db_path) as db:
            mark = latest_run_id(db)
        started_at, started = utc_now(), time.monotonic()
        # A session of its own: a Ctrl-C in the scheduler's terminal must not reach the crawl
        # directly; the scheduler stops crawls itself, with a grace period.
        process = subprocess.Popen(
            self.command(source_id), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True
        )
        with self._changed:
            self._running[source_id] = process
        logger.info("crawl %s started (pid %d)", source_id, process.pid)
        timed_out = False
        try:
            stdout, stderr = process.communicate(timeout=self.config.crawl_timeout)
        except subprocess.TimeoutExpired:
            timed_out = True
            stdout, stderr = self.stop(process)
        finally:
            with self._changed:
                del self._running[source_id]
                self._changed.notify_all()
        elapsed = time.monotonic() - started
        run = _summary_run(stdout) if process.returncode == 0 and not timed_out else None
        if run:
            outcome = CrawlOutcome(source_id, run["status"], elapsed, run)
        else:
            # Killed, crashed, or exited without a run (Scrapy can fail before the spider opens).
            status = "timeout" if timed_out else "shutdown" if self.stopping else "failed"
            detail = _last_line(stderr) or f"exit status {process.returncode}"
            self.close_runs(source_id, mark, status, started_at)
            outcome = CrawlOutcome(source_id, status, elapsed, None, detail)
        log_outcome(outcome)
        return outcome

    def enqueue(self, source_id: str) -> CrawlOutcome:
        """Distributed mode: request the crawl from the workers, unless one is still waiting."""
        from crawler.distributed import enqueue_crawls, pending_crawl_requests

        started = time.monotonic()
        if pending_crawl_requests(self.config.redis_url, source_id):
            outcome = CrawlOutcome(
                source_id,
                "already queued",
                time.monotonic() - started,
                None,
                "the last crawl request was not taken by a worker yet",
            )
        else:
            enqueue_crawls(self.config.redis_url, [source_id])
            outcome = CrawlOutcome(source_id, "queued", time.monotonic() - started, None)
        logger.info(
            "crawl %s %s for the workers%s", source_id, outcome.status, f" ({outcome.detail})" if outcome.detail else ""
        )
        return outcome

    def stop(self, process: subprocess.Popen) -> tuple[str, str]:
        """SIGTERM (Scrapy closes the spider and records its counts), SIGKILL if it lingers."""
        process.terminate()
        try:
            return process.communicate(timeout=self.config.kill_grace)
        except subprocess.TimeoutExpired:
            process.kill()
            return process.communicate()

    def close_runs(self, source_id: str, mark: int, status: str, started_at: str) -> None:
        """Give the rows a stopped or crashed crawl left open their real ``status``."""
        try:
            with hold_lock(self.config.db_path, source_id), open_archive(self.config.db_path) as db:
                if not close_abandoned_runs(db, source_id, mark, status) and not runs_since(db, source_id, mark):
                    # The crawl died before it could record a run: record it here.
                    record_run(db, source_id, status, started=started_at)
        except LockHeld:
            # A new crawl of the source began meanwhile; its row must stay open.
            logger.warning("crawl %s: could not mark the %s run, the source is being crawled again", source_id, status)

    def running(self) -> list[str]:
        with self._changed:
            return list(self._running)

    def wait(self, timeout: float) -> bool:
        """Wait up to ``timeout`` for running crawls to end; True when none is left."""
        with self._changed:
            return self._changed.wait_for(lambda: not self._running, timeout=timeout)

    def stop_all(self) -> None:
        """Stop every running crawl (SIGTERM, then SIGKILL after ``kill_grace``) and wait."""
        with self._changed:
            processes = list(self._running.values())
        for process in processes:
            process.terminate()
        if not self.wait(self.config.kill_grace):
            with self._changed:
                processes = list(self._running.values())
            for process in processes:
                process.kill()
            self.wait(timeout=None)


def log_outcome(outcome: CrawlOutcome) -> None:
    """The one log line that ends every crawl, with the run's counts."""
    parts = [outcome.status + (f" ({outcome.detail})" if outcome.detail else "")]
    if outcome.status == "locked":
        parts[0] += " (another crawl of this source is running)"
    if outcome.run:
        # A crawl that was killed never reported its counts; only finished ones show them.
        parts += [
            f"{outcome.run.get(name) or 0} {label}"
            for name, label in (
                ("pages_fetched", "pages"),
                ("articles_new", "new"),
                ("articles_updated", "updated"),
                ("duplicates", "duplicates"),
                ("errors", "errors"),
            )
        ]
    level = logging.INFO if outcome.status not in ("failed", "timeout") else logging.WARNING
    logger.log(level, "crawl %s finished: %s, %.1f s", outcome.source, ", ".join(parts), outcome.elapsed)


def _summary_run(stdout: str) -> dict | None:
    """The run in the JSON summary of a one-source crawl, or None when there is none."""
    try:
        runs = json.loads(stdout)["runs"]
    except (ValueError, KeyError, TypeError):
        return None
    return runs[0] if runs else None


def _last_line(text: str) -> str:
    lines = [line.strip() for line in (text or "").splitlines() if line.strip()]
    return lines[-1][:300] if lines else ""


# The job store persists a reference to crawl_job, so crawl_job reaches the runner of this
# process through a module global (set by run_scheduler) rather than through its arguments.
_runner: CrawlRunner | None = None


def crawl_job(source_id: str) -> None:
    """The scheduled job: crawl one source with this process's :class:`CrawlRunner`."""
    _runner.crawl(source_id)


class SourcesWatcher:
    """Notices edits of the sources file by its modification time and size."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.stamp = self._stamp()

    def changed(self) -> bool:
        stamp = self._stamp()
        changed, self.stamp = stamp != self.stamp, stamp
        return changed

    def _stamp(self):
        try:
            stat = self.path.stat()
        except FileNotFoundError:
            return None
        return stat.st_mtime_ns, stat.st_size


def load_schedulable(config: SchedulerConfig) -> list[Source]:
    """Validate the sources file, then save it as the snapshot crawls read and store its sources.

    Raises :class:`SourcesError` (nothing is changed then).
    """
    sources = load_sources(config.sources_path)
    for source in sources:
        try:
            source_schedule(source, config)
        except ValueError as error:
            raise SourcesError(f"{config.sources_path}: {error}") from None
    text = Path(config.sources_path).read_text(encoding="utf-8")
    temporary = config.snapshot_path.with_name(config.snapshot_path.name + ".tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, config.snapshot_path)
    with open_archive(config.db_path) as db:
        save_sources(db, [source.as_row() for source in sources])
    return sources


def build_scheduler(config: SchedulerConfig) -> BackgroundScheduler:
    """An APScheduler with the persistent job store in the archive and ``max_crawls`` threads."""
    url = f"sqlite:///{config.db_path.resolve()}"
    jobstore = SQLAlchemyJobStore(
        url=url,
        tablename=SCHEDULER_JOBS_TABLE,
        # Crawls write to the same file; wait for their transactions instead of failing.
        engine_options={"connect_args": {"timeout": 30}},
    )
    scheduler = BackgroundScheduler(
        jobstores={"default": jobstore},
        executors={"default": ThreadPoolExecutor(config.max_crawls)},
        timezone=config.timezone,
    )
    scheduler.add_listener(_log_skipped_run, EVENT_JOB_MAX_INSTANCES | EVENT_JOB_MISSED)
    return scheduler


def _log_skipped_run(event) -> None:
    if event.code == EVENT_JOB_MAX_INSTANCES:
        logger.warning(
            "crawl %s not started: its previous run is still running or waiting for a free crawl slot (--max-crawls)",
            event.job_id,
        )
    else:
        logger.warning(
            "crawl %s missed its run at %s (more than the misfire grace time ago)",
            event.job_id,
            event.scheduled_run_time.isoformat(),
        )


def setup_logging(config: SchedulerConfig) -> None:
    """Log to stderr and to a rotating file (5 files of 5 MB)."""
    config.log_path.parent.mkdir(parents=True, exist_ok=True)
    formatter = logging.Formatter("%(asctime)s %(levelname)s %(message)s")
    handlers = [
        logging.StreamHandler(sys.stderr),
        logging.handlers.RotatingFileHandler(config.log_path, maxBytes=5_000_000, backupCount=5, encoding="utf-8"),
    ]
    root = logging.getLogger()
    root.setLevel(logging.INFO)
    for handler in handlers:
        handler.setFormatter(formatter)
        root.addHandler(handler)
    # APScheduler's own info lines would repeat ours; its errors (job exceptions) still show.
    logging.getLogger("apscheduler").setLevel(logging.ERROR)


# How long a stop or reload asked for by a signal may go unnoticed, in seconds.
SIGNAL_POLL = 0.5


class Signals:
    """SIGTERM/SIGINT ask to stop, SIGHUP to reload the sources file; both wake the main loop."""

    def __init__(self):
        self.wake = threading.Event()
        self.stop = False
        self.reload = False

    def install(self) -> None:
        signal.signal(signal.SIGTERM, self._stop)
        signal.signal(signal.SIGINT, self._stop)
        signal.signal(signal.SIGHUP, self._reload)

    def _stop(self, signum, frame):
        self.stop = True
        self.wake.set()

    def _reload(self, signum, frame):
        self.reload = True
        self.wake.set()


def run_scheduler(config: SchedulerConfig) -> int:
    """Run scheduled crawls until SIGTERM or SIGINT; returns the exit status (0).

    Raises :class:`SourcesError` when the sources file is invalid at start, and
    :class:`SchedulerBusy` when another scheduler runs on the same archive.
    """
    global _runner
    config = _absolute(config)
    try:
        with hold_lock(config.db_path, "scheduler"):
            # Stamped before the file is read, so an edit made meanwhile is noticed.
            watcher = SourcesWatcher(config.sources_path)
            sources = load_schedulable(config)
            setup_logging(config)
            _runner = CrawlRunner(config)
            scheduler = build_scheduler(config)
            signals = Signals()
            signals.install()
            scheduler.start(paused=True)
            report = sync_jobs(scheduler, sources, config)
            scheduler.resume()
            logger.info(
                "scheduler started: %d sources (%s), at most %d crawls at once, log %s",
                len(sources),
                report,
                config.max_crawls,
                config.log_path,
            )
            _log_next_runs(scheduler)
            next_watch = time.monotonic() + config.watch_interval
            while not signals.stop:
                # The kernel hands a signal to any thread of the process, often one of the
                # scheduler's; its Python handler then runs only when this thread wakes, so this
                # thread wakes every SIGNAL_POLL seconds instead of sleeping a whole watch.
                woken = signals.wake.wait(SIGNAL_POLL)
                signals.wake.clear()
                if signals.stop:
                    break
                watch_due = time.monotonic() >= next_watch
                if not (woken or signals.reload or watch_due):
                    continue
                if watch_due:
                    next_watch = time.monotonic() + config.watch_interval
                # Check the file's stamp on every wake, so an edit reloaded on SIGHUP is not
                # reloaded a second time when the watch notices it.
                edited = watcher.changed()
                if signals.reload or edited:
                    signals.reload = False
                    reload_sources(scheduler, config)
            shut_down(scheduler, _runner, config)
    except LockHeld:
        raise SchedulerBusy(f"another scheduler is already running on {config.db_path}") from None
    return 0


def reload_sources(scheduler, config: SchedulerConfig) -> None:
    """Apply an edited sources file; an invalid one is reported and the running schedule kept."""
    try:
        sources = load_schedulable(config)
    except SourcesError as error:
        logger.error("sources file not reloaded, keeping the current schedule: %s", error)
        return
    report = sync_jobs(scheduler, sources, config)
    logger.info("sources reloaded: %s", report)
    if any(report):
        _log_next_runs(scheduler)


def shut_down(scheduler, runner: CrawlRunner, config: SchedulerConfig) -> None:
    """Stop scheduling, give running crawls ``shutdown_grace``, then stop them cleanly."""
    # Crawls queued for a free slot see this flag and don't start.
    runner.stopping = True
    scheduler.pause()
    # Detached (not emptied), the job store keeps every job and its next run time for the next
    # start; APScheduler's last look for due jobs during shutdown then finds none to submit.
    scheduler.remove_jobstore("default")
    running = runner.running()
    if running:
        logger.info(
            "stopping: waiting up to %g s for %d running crawl(s): %s",
            config.shutdown_grace,
            len(running),
            ", ".join(running),
        )
        if not runner.wait(config.shutdown_grace):
            logger.info("stopping the crawls still running: %s", ", ".join(runner.running()))
            runner.stop_all()
    scheduler.shutdown(wait=True)
    logger.info("scheduler stopped")


def _log_next_runs(scheduler) -> None:
    for job in scheduler.get_jobs():
        next_run = job.next_run_time.isoformat() if job.next_run_time else "paused"
        logger.info("%s: %s, next run %s", job.id, job.name, next_run)


def _absolute(config: SchedulerConfig) -> SchedulerConfig:
    return replace(config, sources_path=Path(config.sources_path).resolve(), db_path=Path(config.db_path).resolve())


if __name__ == "__main__":
    # `python scheduler.py` is `newsarchive schedule`. Handing over to the command in the same
    # process (exec keeps the PID, so signals still reach it) loads this file once, as the module
    # `scheduler` that stored jobs name, and keeps this module from importing the CLI above it.
    os.execv(sys.executable, [sys.executable, "-m", "crawler", "schedule", *sys.argv[1:]])
