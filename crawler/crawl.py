"""Run crawls in this process: one Scrapy crawler per source, all on one reactor.

Twisted's reactor cannot be restarted, so :func:`run_crawl` can be called once per process;
the scheduler starts a subprocess per crawl for that reason.
"""

import logging
import time
from contextlib import ExitStack

from scrapy.crawler import Crawler, CrawlerProcess
from scrapy.settings import Settings

from archive.storage.lock import LockHeld, hold_lock
from archive.storage.rawstore import open_raw_store, storage_cost
from archive.storage.store import open_archive, record_run, save_sources
from crawler import settings as default_settings
from crawler.sources import Source
from crawler.fetch.spider import NewsSpider
from crawler import stats as keys

logger = logging.getLogger(__name__)


def crawl_settings(db_path: str, overrides: dict | None = None) -> Settings:
    """Scrapy settings for a crawl into ``db_path``: our defaults, then ``overrides``."""
    settings = Settings()
    settings.setmodule(default_settings, priority="project")
    settings.set("NEWSARCHIVE_DB", str(db_path), priority="project")
    for name, value in (overrides or {}).items():
        settings.set(name, value, priority="cmdline")
    if "USER_AGENT" not in (overrides or {}):
        settings.set("USER_AGENT", user_agent(settings), priority="project")
    for name in COMPONENT_SETTINGS:
        leave_out_switched_off(settings, name)
    return settings


# Scrapy's settings that list components by import path, each above a list of Scrapy's own
# (``<name>_BASE``).
COMPONENT_SETTINGS = ("EXTENSIONS", "DOWNLOADER_MIDDLEWARES", "SPIDER_MIDDLEWARES", "ITEM_PIPELINES")


def leave_out_switched_off(settings: Settings, name: str) -> None:
    """Take the components that ``name`` switches off (``None``) out of both ``name`` and its
    base list, which leaves the same components on.

    Scrapy imports every component the two lists name, switched off or not, to compare their
    import paths (``BaseSettings.get_component_priority_dict_with_base``): a component switched
    off would still be imported, at every crawl's start (Scrapy's remote control loads aiohttp).
    """
    switched_off = {path for path, order in settings.getdict(name).items() if order is None}
    if not switched_off:
        return
    for key in (name, f"{name}_BASE"):
        components = {path: order for path, order in settings.getdict(key).items() if path not in switched_off}
        settings.set(key, components, priority=settings.getpriority(key))


def user_agent(settings: Settings) -> str:
    """``newsarchive/VERSION (+CONTACT_URL)``: who we are and where to complain."""
    return f"newsarchive/{settings.get('NEWSARCHIVE_VERSION')} (+{settings.get('NEWSARCHIVE_CONTACT_URL')})"


def source_settings(settings: Settings, source: Source) -> Settings:
    """A copy of ``settings`` with the source's own overrides applied."""
    settings = settings.copy()
    if source.download_delay is not None:
        settings.set("DOWNLOAD_DELAY", source.download_delay, priority="spider")
        settings.set("AUTOTHROTTLE_START_DELAY", source.download_delay, priority="spider")
    if source.max_pages is not None:
        settings.set("CLOSESPIDER_PAGECOUNT", source.max_pages, priority="spider")
    return settings


def run_crawl(sources: list[Source], db_path: str, overrides: dict | None = None) -> dict:
    """Crawl ``sources`` into the archive at ``db_path``; returns a summary.

    Summary: ``{"elapsed": seconds, "runs": [crawl_runs rows of this run, one per source],
    "raw_store": storage cost of the kept responses (see archive.storage.rawstore.storage_cost),
    "errors": {source id: the error a crawl stopped on, for those that did}}``.
    """
    started = time.monotonic()
    with open_archive(db_path) as db:
        save_sources(db, [source.as_row() for source in sources])
    errors: dict[str, str] = {}
    with ExitStack() as locks:
        unlocked, locked_run_ids = lock_sources(locks, sources, db_path)
        run_ids = crawl_sources(unlocked, db_path, overrides, errors) if unlocked else []
    run_ids = locked_run_ids + run_ids
    with open_archive(db_path) as db:
        runs = [db["crawl_runs"].get(run_id) for run_id in run_ids if run_id is not None]
    with open_raw_store(db_path) as raw:
        raw_store = storage_cost(raw)
    return {"elapsed": round(time.monotonic() - started, 2), "runs": runs, "raw_store": raw_store, "errors": errors}


def lock_sources(locks: ExitStack, sources: list[Source], db_path: str) -> tuple[list[Source], list[int]]:
    """Take each source's crawl lock into ``locks``; returns the sources got and skipped runs.

    A source another process is crawling is skipped and recorded as a ``crawl_runs`` row with
    status ``locked``, so two crawls of one source never run at once.
    """
    unlocked, locked_run_ids = [], []
    for source in sources:
        try:
            locks.enter_context(hold_lock(db_path, source.id))
        except LockHeld:
            with open_archive(db_path) as db:
                locked_run_ids.append(record_run(db, source.id, "locked"))
        else:
            unlocked.append(source)
    return unlocked, locked_run_ids


def run_crawlers(
    settings: Settings, spider_class, sources: list[Source], settings_for, errors: dict[str, str] | None = None
) -> list[Crawler]:
    """Run one ``spider_class`` crawler per source on one reactor until all finish.

    ``settings_for(settings, source)`` gives each crawler its own settings. A crawler that
    stopped on an error puts it in ``errors`` (source id → one line).
    """
    settings = settings.copy()
    # The process's DNS resolver lets names resolve to internal addresses only for sources on one.
    settings.set("NEWSARCHIVE_SOURCE_HOSTS", sorted({host for source in sources for host in source.hosts}), "project")
    process = CrawlerProcess(settings)
    crawlers = []
    for position, source in enumerate(sources):
        # The first crawler installs the reactor, as CrawlerProcess does for the crawlers it makes.
        crawler = Crawler(spider_class, settings_for(settings, source), init_reactor=position == 0)
        process.crawl(crawler, source=source).addErrback(_crawl_failed, source, errors if errors is not None else {})
        crawlers.append(crawler)
    process.start()
    return crawlers


def _crawl_failed(failure, source: Source, errors: dict[str, str]) -> None:
    """A crawler that could not start (a ``--set`` value of the wrong type) or stopped on an
    error: one line naming the source, the traceback only at ``LOG_LEVEL=DEBUG``. Twisted would
    otherwise print it twice as an unhandled error; the run is recorded as ``failed``."""
    errors[source.id] = f"{failure.type.__name__}: {' '.join(failure.getErrorMessage().split())}"
    logger.error("%s: the crawl stopped on an error: %s", source.id, errors[source.id])
    logger.debug(
        "%s: the crawl's error", source.id, exc_info=(failure.type, failure.value, failure.getTracebackObject())
    )


def crawl_sources(
    sources: list[Source], db_path: str, overrides: dict | None, errors: dict[str, str] | None = None
) -> list[int]:
    """Run one crawler per source on one reactor; returns their ``crawl_runs`` ids (and the
    errors crawls stopped on in ``errors``)."""
    crawlers = run_crawlers(crawl_settings(db_path, overrides), NewsSpider, sources, source_settings, errors)
    run_ids = []
    for crawler, source in zip(crawlers, sources):
        run_id = crawler.stats.get_value(keys.RUN_ID) if crawler.stats else None
        if run_id is None:
            # Scrapy failed before the spider opened (a bad setting, a missing component):
            # the run still gets its row, so status and health show the failure.
            with open_archive(db_path) as db:
                run_id = record_run(db, source.id, "failed")
        run_ids.append(run_id)
    return run_ids
