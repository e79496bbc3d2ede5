"""Item pipelines: what happens to a fetched page. Extract it, then store it.

Each pipeline does one job and calls one library function; storage logic lives in
``archive/``.
"""
import asyncio
import logging
import os
from concurrent.futures import ThreadPoolExecutor

from scrapy.exceptions import DropItem, NotConfigured

from archive.enrich import company_finder, enrich_article
from archive.items import store_item
from archive.pages import DEFAULT_REVISIT_AFTER
from archive.rawstore import open_raw_store
from archive.rows import write_each
from archive.store import PreparedArticle, open_archive, prepare_article
from crawler.classify import UNDECIDED, looks_like_article
from crawler.extract import extract_article
from crawler.workers import acquire_pool, release_pool

logger = logging.getLogger(__name__)


def default_extract_workers() -> int:
    """Extraction processes when ``EXTRACT_WORKERS`` is -1: a core each, but one.

    The crawl's own process keeps a core busy (Scrapy, the writers). Measured on two cores
    (docs/notes/2026-11-profiling.md): one worker crawls 8 % slower than two, with 130 MB less memory.
    """
    return max(1, (os.cpu_count() or 1) - 1)


def extract_and_prepare(html: str | bytes, url: str) -> PreparedArticle | None:
    """All the CPU work on one page: extract it, then compute what storing it needs
    (``archive.store.prepare_article``: search terms, near-duplicate signature)."""
    article = extract_article(html, url)
    return None if article is None else prepare_article(article)


class ExtractPipeline:
    """Replace a page's HTML with the extracted article fields (``item["article"]``), and
    what storing them needs (``item["prepared"]``, see :func:`extract_and_prepare`).

    Extraction runs in a pool of ``EXTRACT_WORKERS`` processes (default: one per CPU core but
    one, which the crawl process itself needs; 0 runs it in the crawl process), off the
    reactor's thread. Scrapy's scraper slot limit
    (``SCRAPER_SLOT_MAX_ACTIVE_SIZE``) pauses downloads while too much awaits extraction,
    so memory stays bounded. Pages without main text, and undecided pages that turn out not to
    look like articles, are dropped and counted in ``newsarchive/skipped/no_text`` and
    ``…/not_article``.
    """

    def __init__(self, stats, workers: int):
        self.stats = stats
        self.workers = workers
        self.pool = None

    @classmethod
    def from_crawler(cls, crawler):
        workers = crawler.settings.getint("EXTRACT_WORKERS", -1)
        return cls(crawler.stats, default_extract_workers() if workers < 0 else workers)

    def open_spider(self):
        if self.workers > 0:
            self.pool = acquire_pool(self.workers)

    def close_spider(self):
        if self.pool is not None:
            release_pool()
            self.pool = None

    async def process_item(self, item):
        html = item.pop("html")
        if self.pool is None:
            prepared = extract_and_prepare(html, item["url"])
        else:
            loop = asyncio.get_running_loop()
            prepared = await loop.run_in_executor(self.pool, extract_and_prepare, html, item["url"])
        if prepared is None:
            self.stats.inc_value("newsarchive/skipped/no_text")
            raise DropItem(f"no main text: {item['url']}")
        if item["classification"] == UNDECIDED and not looks_like_article(prepared.article):
            self.stats.inc_value("newsarchive/skipped/not_article")
            raise DropItem(f"not an article (no date or too short): {item['url']}")
        item["article"] = prepared.article
        item["prepared"] = prepared
        return item


class BatchWriter:
    """Runs ``write(items)`` in a thread of its own, over batches of items, for a pipeline.

    A commit per item cost the reactor's thread more than the item's SQL (profiled: a fifth of
    its time). Items wait until ``size`` have come or ``delay`` seconds have passed since the
    first; then one call of ``write`` stores the batch (in one transaction) off the reactor's
    thread, and each :meth:`write_item` returns its item's result once the batch is committed.
    ``write`` returns one result per item, or an exception for an item that failed.
    """

    def __init__(self, write, *, size: int, delay: float, name: str):
        self.write = write
        self.size = max(1, size)
        self.delay = delay
        self.thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix=name)
        self.pending: list[tuple[dict, asyncio.Future]] = []
        self.timer = None

    async def write_item(self, item):
        loop = asyncio.get_running_loop()
        written = loop.create_future()
        self.pending.append((item, written))
        if len(self.pending) >= self.size:
            self.flush()
        elif self.timer is None:
            self.timer = loop.call_later(self.delay, self.flush)
        result = await written
        if isinstance(result, BaseException):
            raise result
        return result

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
    """Store extracted articles in the SQLite archive, and the raw response of each version.

    Articles are written by a :class:`BatchWriter` thread, ``ARCHIVE_BATCH_SIZE`` (default 50)
    per transaction, at most ``ARCHIVE_BATCH_DELAY`` seconds (default 0.5) after they arrive;
    an item leaves this pipeline when its batch is committed. Settings: ``NEWSARCHIVE_DB``
    (path of the archive; required), ``NEWSARCHIVE_KEEP_RAW`` (default True: keep new and
    changed pages' responses in ``<archive>.pages.db``), ``INCREMENTAL_REVISIT_AFTER``. Counts
    what happened in stats ``newsarchive/articles_new``, ``…_updated``, ``…_unchanged``,
    ``…_duplicate``.
    """

    def __init__(self, db_path: str, stats, keep_raw: bool = True, revisit_after=DEFAULT_REVISIT_AFTER,
                 batch_size: int = 50, batch_delay: float = 0.5):
        self.db_path = db_path
        self.stats = stats
        self.keep_raw = keep_raw
        self.revisit_after = revisit_after
        self.batch_size = batch_size
        self.batch_delay = batch_delay
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
        revisit_after = tuple(int(float(s)) for s in settings.getlist("INCREMENTAL_REVISIT_AFTER"))
        return cls(db_path, crawler.stats, settings.getbool("NEWSARCHIVE_KEEP_RAW", True),
                   revisit_after or DEFAULT_REVISIT_AFTER, settings.getint("ARCHIVE_BATCH_SIZE", 50),
                   settings.getfloat("ARCHIVE_BATCH_DELAY", 0.5))

    def open_spider(self):
        self.writer = BatchWriter(self._write, size=self.batch_size, delay=self.batch_delay,
                                  name="archive-writer")
        # Opened now, while crawlers open their spiders one after another: two writer threads
        # creating a new archive's tables at once would fail with "database is locked".
        self.writer.run(self._open_connections)

    def close_spider(self):
        self.writer.close(finish=self._close_connections)

    async def process_item(self, item):
        stored = await self.writer.write_item(item)
        item["article_id"] = stored.article_id
        self.stats.inc_value(f"newsarchive/articles_{stored.outcome}")
        logger.debug("%s: %s", stored.outcome, item["article"]["url"])
        return item

    def _open_connections(self):
        self.db = open_archive(self.db_path)
        if self.keep_raw:
            self.raw_db = open_raw_store(self.db_path)

    def _write(self, items: list) -> list:
        others = (self.raw_db,) if self.raw_db is not None else ()
        return write_each(items, lambda item: store_item(self.db, self.raw_db, item, self.revisit_after),
                          self.db, *others)

    def _close_connections(self):
        for db in (self.db, self.raw_db):
            if db is not None:
                db.close()


class EnrichPipeline:
    """Link each stored article to the places and companies it mentions (archive/enrich.py).

    Runs after :class:`ArchivePipeline`, which sets ``item["article_id"]``, in a
    :class:`BatchWriter` thread of its own (batches as ``ARCHIVE_BATCH_SIZE``/``…_DELAY``).
    Settings: ``ENRICH_ENABLED`` (default ``True``), ``NEWSARCHIVE_DB``. Stats:
    ``newsarchive/enriched``, ``newsarchive/enrich/places`` and ``…/companies`` (links made).
    """

    def __init__(self, db_path: str, stats, batch_size: int = 50, batch_delay: float = 0.5):
        self.db_path = db_path
        self.stats = stats
        self.batch_size = batch_size
        self.batch_delay = batch_delay
        self.writer = None
        self.db = None  # opened and used in the writer's thread only

    @classmethod
    def from_crawler(cls, crawler):
        settings = crawler.settings
        if not settings.getbool("ENRICH_ENABLED") or not settings.get("NEWSARCHIVE_DB"):
            raise NotConfigured("ENRICH_ENABLED is off or NEWSARCHIVE_DB is not set")
        return cls(settings["NEWSARCHIVE_DB"], crawler.stats, settings.getint("ARCHIVE_BATCH_SIZE", 50),
                   settings.getfloat("ARCHIVE_BATCH_DELAY", 0.5))

    def open_spider(self):
        company_finder()  # load the gazetteer and company list now, not on the first item
        self.writer = BatchWriter(self._write, size=self.batch_size, delay=self.batch_delay,
                                  name="enrich-writer")
        self.writer.run(self._open_connection)  # now, one crawler after another (see ArchivePipeline)

    def close_spider(self):
        self.writer.close(finish=self.db.close)

    def _open_connection(self):
        self.db = open_archive(self.db_path)

    async def process_item(self, item):
        linked = await self.writer.write_item(item)
        self.stats.inc_value("newsarchive/enriched")
        for kind, count in linked.items():
            self.stats.inc_value(f"newsarchive/enrich/{kind}", count)
        return item

    def _write(self, items: list) -> list:
        return write_each(items, lambda item: enrich_article(self.db, item["article_id"]), self.db)
