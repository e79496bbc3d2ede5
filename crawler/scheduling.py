"""How the scheduler (``scheduler.py``) runs: its options and their defaults, written once.

Kept apart from the scheduler itself so that ``newsarchive schedule --help`` shows these
defaults without loading APScheduler.
"""

import os
from dataclasses import dataclass, field, fields
from pathlib import Path


@dataclass(frozen=True)
class SchedulerConfig:
    """How the scheduler runs; every value is a ``newsarchive schedule`` option.

    Durations are in seconds.
    """

    sources_path: Path
    db_path: Path
    # Simultaneous crawls over all sources.
    max_crawls: int = field(default_factory=lambda: os.cpu_count() or 1)
    # A crawl running longer is stopped and recorded with status ``timeout``.
    crawl_timeout: float = 3600
    # How long a crawl may take to close after SIGTERM before it gets SIGKILL.
    kill_grace: float = 10
    # On SIGTERM/SIGINT, how long running crawls may go on before they are stopped.
    shutdown_grace: float = 60
    # A run missed by more than this (e.g. while the scheduler was down) is skipped; missed
    # runs within it are coalesced into one.
    misfire_grace: int = 3600
    # Each cron run starts up to this much later, at random, so sources don't fire together.
    jitter: int = 60
    # Sources without a ``schedule`` are crawled every this many hours at a minute (and hour
    # offset) derived from their id.
    default_every_hours: int = 1
    # How often the sources file's modification time is checked (SIGHUP reloads at once).
    watch_interval: float = 5
    # For testing: run every source every this many seconds instead of on its schedule.
    interval_seconds: float | None = None
    timezone: str = "Europe/Berlin"
    # Rotating log file; default: ``<archive>.scheduler.log`` beside the archive.
    log_file: Path | None = None
    # ``NAME=VALUE`` Scrapy settings passed to every crawl as ``--set``.
    crawl_settings: tuple[str, ...] = ()
    # Distributed mode: push a crawl request per due source to this Redis for the workers
    # (``newsarchive worker``) instead of running a crawl process here.
    redis_url: str | None = None

    @property
    def log_path(self) -> Path:
        return Path(self.log_file or self.db_path.with_name(self.db_path.name + ".scheduler.log"))

    @property
    def snapshot_path(self) -> Path:
        """The last valid sources file, which crawls read (an invalid edit never reaches them)."""
        return self.db_path.with_name(self.db_path.name + ".scheduled-sources.yml")


def extract_workers_per_crawl(max_crawls: int) -> int:
    """Extraction workers for each of ``max_crawls`` crawls at once: the cores shared among them."""
    return max(1, (os.cpu_count() or 1) // max(1, max_crawls))


def default(name: str):
    """The default of the :class:`SchedulerConfig` field ``name``, for the CLI's options."""
    for config_field in fields(SchedulerConfig):
        if config_field.name == name:
            return config_field.default
    raise KeyError(name)
