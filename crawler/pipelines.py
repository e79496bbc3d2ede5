"""Item pipelines: what happens to a fetched page. Extract it, then store it.

Each pipeline does one job and calls one library function; storage logic lives in
``archive/``.
"""

import asyncio
import logging
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from scrapy.exceptions import DropItem, NotConfigured

from archive.indexing.enrich import company_finder
from archive.storage.ingest import IngestOptions, ingest_batch
from archive.storage.rawstore import open_raw_store
from archive.storage.store import PreparedArticle, open_archive
from crawler.extraction.classify import UNDECIDED, looks_like_article
from crawler.extraction.timelimit import ExtractionTooSlow
from crawler.items import PageItem
from crawler.scheduling import extract_workers_per_crawl
from crawler.extraction.workers import acquire_pool, extract_and_prepare, release_pool, renew_pool
from crawler import stats as keys

logger = logging.getLogger(__name__)


def default_extract_workers() -> int:
    """Extraction processes when ``EXTRACT_WORKERS`` is -1: one per core.

    The crawl's own process (Scrapy, classification, the writers) takes a fraction of what
    extraction does per page, so a worker on every core keeps them all busy; measured beside
    one worker on two cores in docs/notes/2026-12-profiling.md. The scheduler, which runs
    several crawls at once, shares the cores among them
    (:func:`crawler.scheduling.extract_workers_per_crawl`).
    """
    return extract_workers_per_crawl(max_crawls=1)


class ExtractPipeline:
    """Extract the article of a :class:`~crawler.items.PageItem` and prepare it for storing
    (``item.prepared``, see :func:`~crawler.extraction.workers.extract_and_prepare`); the page's HTML is dropped.

    Extraction runs in a pool of ``EXTRACT_WORKERS`` processes (default: one per CPU core; 0
    runs it in the crawl process), off the reactor's thread. Scrapy's scraper slot limit
    (``SCRAPER_SLOT_MAX_ACTIVE_SIZE``) pauses downloads while too much awaits extraction,
    so memory stays bounded. With ``ENRICH_ENABLED`` the places and companies the article
    names are found there too. Pages without main text, and undecided pages that turn out not
    to look like articles, are dropped and counted in ``newsarchive/skipped/no_text`` and
    ``…/not_article``. A page whose extraction takes longer than ``EXTRACT_TIME_LIMIT``
    seconds is dropped (``newsarchive/skipped/too_slow``); one that makes extraction fail, or
    its worker die, is dropped with a one-line warning (counted in ``newsarchive/errors``), and
    the crawl goes on with a new worker.
    """

    def __init__(self, stats, workers: int, find_entities: bool, time_limit: float | None = None):
        self.stats = stats
        self.workers = workers
        self.find_entities = find_entities
        self.time_limit = time_limit
        self.pool = None
        self.starting = None  # the pool being started, off the reactor's thread

    @classmethod
    def from_crawler(cls, crawler):
        settings = crawler.settings
        workers = settings.getint("EXTRACT_WORKERS")
        return cls(
            crawler.stats,
            default_extract_workers() if workers < 0 else workers,
            settings.getbool("ENRICH_ENABLED"),
            settings.getfloat("EXTRACT_TIME_LIMIT"),
        )

    def open_spider(self):
        # The pool starts with the first page to extract: a re-crawl that finds nothing new
        # never pays for starting it (the models' load, the workers).
        if self.workers == 0 and self.find_entities:
            company_finder()  # load the gazetteer and company list now, not on the first page

    def close_spider(self):
        # Whether this pipeline holds the pool is what its start came to, even when no page
        # has been handed the pool yet.
        if self.starting is not None:
            if self.starting.done():
                _release_started(self.starting)
            else:
                self.starting.add_done_callback(_release_started)
        self.pool = self.starting = None

    async def process_item(self, item: PageItem) -> PageItem:
        html, item.html = item.html, None
        try:
            prepared = await self.extract(html, item.url, item.listed_published)
        except ExtractionTooSlow as error:
            self.stats.inc_value(keys.SKIPPED_TOO_SLOW)
            logger.warning("%s: %s", error, item.url)
            raise DropItem(f"{error}: {item.url}", log_level="INFO") from None
        except Exception as error:  # noqa: BLE001 - a hostile page must not stop the crawl
            self.stats.inc_value(keys.ERRORS)
            logger.warning("extraction failed on %s: %s: %s", item.url, type(error).__name__, str(error)[:200])
            raise DropItem(f"extraction failed: {item.url}", log_level="INFO") from None
        if prepared is None:
            self.stats.inc_value(keys.SKIPPED_NO_TEXT)
            raise DropItem(f"no main text: {item.url}", log_level="INFO")
        if item.classification == UNDECIDED and not looks_like_article(prepared.article):
            self.stats.inc_value(keys.SKIPPED_NOT_ARTICLE)
            raise DropItem(f"not an article (no date or too short): {item.url}", log_level="INFO")
        item.prepared = prepared
        return item

    async def extract(self, html, url: str, listed_published: str | None = None) -> PreparedArticle | None:
        if self.workers == 0:
            return extract_and_prepare(html, url, self.find_entities, self.time_limit, listed_published)
        loop = asyncio.get_running_loop()
        if self.pool is None:
            # Starting the workers waits for the fork server to import the extraction code and
            # load its models; from a thread, so that the reactor goes on fetching meanwhile.
            if self.starting is None:
                self.starting = loop.run_in_executor(None, acquire_pool, self.workers)
            self.pool = await self.starting
        try:
            return await loop.run_in_executor(
                self.pool, extract_and_prepare, html, url, self.find_entities, self.time_limit, listed_published
            )
        except BrokenProcessPool:
            # A worker died (a crash in C code, the kernel's out-of-memory killer): the pool
            # refuses all work from then on, so the next pages go to a new one.
            self.pool = renew_pool(self.pool)
            raise


def _release_started(started) -> None:
    if not started.cancelled() and started.exception() is None:
        release_pool()


class BatchWriter:
    """Runs ``write(items)`` in a thread of its own, over batches of items, for a pipeline.

    A commit per item cost the reactor's thread more than the item's SQL (profiled: a fifth of
    its time). Items wait until ``size`` have come or ``delay`` seconds have passed since the
    first; then one call of ``write`` stores the batch (in one transaction) off the reactor's
    thread, and each :meth:`write_item` returns its item's result once the batch is committed.
    ``write`` returns one result per item, or an exception for an item that failed.

    ``nothing_else_coming(waiting)``, when given, says whether any item other than the
    ``waiting`` ones can still arrive; when none can (the crawl's last pages, a re-crawl's few
    changed ones), waiting out the delay would only hold the crawl open, so the batch is written
    at once. It is asked when an item arrives and every ``IDLE_CHECK`` seconds while items wait.
    """

    IDLE_CHECK = 0.05

    def __init__(self, write, *, size: int, delay: float, name: str, nothing_else_coming=None):
        self.write = write
        self.size = max(1, size)
        self.delay = delay
        self.nothing_else_coming = nothing_else_coming
        self.thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix=name)
        self.pending: list[tuple[dict, asyncio.Future]] = []
        self.timer = None

    async def write_item(self, item):
        loop = asyncio.get_running_loop()
        written = loop.create_future()
        self.pending.append((item, written))
        if len(self.pending) >= self.size or self._last_to_come():
            self.flush()
        elif self.timer is None:
            self._wait(loop, loop.time() + self.delay)
        result = await written
        if isinstance(result, BaseException):
            raise result
        return result

    def _last_to_come(self) -> bool:
        return self.nothing_else_coming is not None and self.nothing_else_coming(len(self.pending))

    def _wait(self, loop, deadline: float) -> None:
        """Flush at ``deadline``, or as soon as nothing else can come."""
        now = loop.time()
        if now >= deadline or self._last_to_come():
            self.flush()
            return
        check = self.delay if self.nothing_else_coming is None else min(self.IDLE_CHECK, deadline - now)
        self.timer = loop.call_later(check, self._wait, loop, deadline)

    def flush(self):
        if self.timer is not None:
            self.timer.cancel()
            self.timer = None
        batch, self.pending = self.pending, []
        if not batch:
            return
        done = asyncio.wrap_future(self.thread.submit(self.write, [item for item, _ in batch]))

        def hand_out(done):
            error = done.exception()
            results = [error] * len(batch) if error is not None else done.result()
            for (_, written), result in zip(batch, results):
                if not written.done():
                    written.set_result(result)

        done.add_done_callback(hand_out)

    def run(self, function):
        """Run ``function`` in the writer's thread and wait for it (to open its connections)."""
        return self.thread.submit(function).result()

    def close(self, finish=None):
        """Write what is pending, run ``finish`` (closing connections) in the writer's thread, stop it."""
        self.flush()
        if finish is not None:
            self.thread.submit(finish)
        self.thread.shutdown(wait=True)


class ArchivePipeline:
    """Store prepared pages in the SQLite archive with ``archive.storage.ingest`` (article, dedup,
    version, page state, places and companies, and the raw response of each version).

    Pages are written by a :class:`BatchWriter` thread, ``ARCHIVE_BATCH_SIZE`` per transaction,
    at most ``ARCHIVE_BATCH_DELAY`` seconds after they arrive; an item leaves this pipeline
    when its batch is committed. Settings: ``NEWSARCHIVE_DB`` (path of the archive; required),
    ``NEWSARCHIVE_KEEP_RAW`` (keep new and changed pages' responses in
    ``<archive>.pages.db``), ``INCREMENTAL_REVISIT_AFTER``. Counts what happened in stats
    ``newsarchive/articles_new``, ``…_updated``, ``…_unchanged``, ``…_duplicate``, and the
    links made in ``newsarchive/enrich/places`` and ``…/companies``.
    """

    def __init__(
        self,
        db_path: str,
        stats,
        options: IngestOptions,
        *,
        keep_raw: bool,
        batch_size: int,
        batch_delay: float,
        nothing_else_coming=None,
    ):
        self.db_path = db_path
        self.stats = stats
        self.options = options
        self.keep_raw = keep_raw
        self.batch_size = batch_size
        self.batch_delay = batch_delay
        # Whether items other than the writer's waiting ones can still come (see BatchWriter).
        self.nothing_else_coming = nothing_else_coming
        self.writer = None
        # Opened and used in the writer's thread only (sqlite3 connections stay in their thread).
        self.db = None
        self.raw_db = None

    @classmethod
    def from_crawler(cls, crawler):
        settings = crawler.settings
        db_path = settings.get("NEWSARCHIVE_DB")
        if not db_path:
            raise NotConfigured("NEWSARCHIVE_DB is not set")
        return cls(
            db_path,
            crawler.stats,
            IngestOptions(revisit_after=revisit_after(settings), link_entities=settings.getbool("ENRICH_ENABLED")),
            keep_raw=settings.getbool("NEWSARCHIVE_KEEP_RAW"),
            batch_size=settings.getint("ARCHIVE_BATCH_SIZE"),
            batch_delay=settings.getfloat("ARCHIVE_BATCH_DELAY"),
            nothing_else_coming=lambda waiting: only_items_waiting(crawler.engine, waiting),
        )

    def open_spider(self):
        self.writer = BatchWriter(
            self._write,
            size=self.batch_size,
            delay=self.batch_delay,
            name="archive-writer",
            nothing_else_coming=self.nothing_else_coming,
        )
        # Opened now, while crawlers open their spiders one after another: two writer threads
        # creating a new archive's tables at once would fail with "database is locked".
        self.writer.run(self._open_connections)

    def close_spider(self):
        self.writer.close(finish=self._close_connections)

    async def process_item(self, item: PageItem) -> PageItem:
        stored = await self.writer.write_item(item.article_page())
        item.stored = stored
        self.stats.inc_value(keys.articles(stored.outcome))
        if stored.links is not None:
            self.stats.inc_value(keys.ENRICHED)
            for kind, count in stored.links.items():
                self.stats.inc_value(keys.enrich(kind), count)
        logger.debug("%s: %s", stored.outcome, item.url)
        return item

    def _open_connections(self):
        self.db = open_archive(self.db_path)
        if self.keep_raw:
            self.raw_db = open_raw_store(self.db_path)

    def _write(self, pages: list) -> list:
        return ingest_batch(self.db, self.raw_db, pages, self.options)

    def _close_connections(self):
        for db in (self.db, self.raw_db):
            if db is not None:
                db.close()


def only_items_waiting(engine, waiting: int) -> bool:
    """Whether the ``waiting`` items are all the crawl still has in hand: no response queued
    for or in the spider beyond theirs, no other item in the pipelines, nothing downloading or
    scheduled, no start request left. Then no further item can come until they are written."""
    slot = engine.scraper.slot if engine is not None else None
    if slot is None or engine.scheduler is None:
        return False
    return (
        not slot.queue
        and len(slot.active) <= waiting
        and slot.itemproc_size <= waiting
        and not engine.downloader.active
        # Scrapy keeps the spider's start requests not yet read here (engine.spider_is_idle).
        and getattr(engine, "_start", None) is None
        and not engine.scheduler.has_pending_requests()
    )


def revisit_after(settings) -> tuple[int, ...]:
    """``INCREMENTAL_REVISIT_AFTER`` as whole seconds."""
    return tuple(int(float(seconds)) for seconds in settings.getlist("INCREMENTAL_REVISIT_AFTER"))
