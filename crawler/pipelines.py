"""Item pipelines: what happens to a fetched page. Extract it, then store it.

Each pipeline does one job and calls one library function; storage logic lives in
``archive/``.
"""
import asyncio
import logging
import os

from scrapy.exceptions import DropItem, NotConfigured

from archive.enrich import company_finder, enrich_article
from archive.pages import DEFAULT_REVISIT_AFTER, record_article_page
from archive.rawstore import open_raw_store, store_response
from archive.store import content_hash, open_archive, store_article
from crawler.classify import UNDECIDED, looks_like_article
from crawler.extract import extract_article
from crawler.workers import acquire_pool, release_pool

logger = logging.getLogger(__name__)


class ExtractPipeline:
    """Replace a page's HTML with the extracted article fields (``item["article"]``).

    Extraction runs in a pool of ``EXTRACT_WORKERS`` processes (default: one per CPU core;
    0 runs it in the crawl process), off the reactor's thread. Scrapy's scraper slot limit
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
        return cls(crawler.stats, (os.cpu_count() or 1) if workers < 0 else workers)

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
            article = extract_article(html, item["url"])
        else:
            loop = asyncio.get_running_loop()
            article = await loop.run_in_executor(self.pool, extract_article, html, item["url"])
        if article is None:
            self.stats.inc_value("newsarchive/skipped/no_text")
            raise DropItem(f"no main text: {item['url']}")
        if item["classification"] == UNDECIDED and not looks_like_article(article):
            self.stats.inc_value("newsarchive/skipped/not_article")
            raise DropItem(f"not an article (no date or too short): {item['url']}")
        item["article"] = article
        return item


class ArchivePipeline:
    """Store extracted articles in the SQLite archive, and the raw response of each version.

    Settings: ``NEWSARCHIVE_DB`` (path of the archive; required), ``NEWSARCHIVE_KEEP_RAW``
    (default True: keep new and changed pages' responses in ``<archive>.pages.db``),
    ``INCREMENTAL_REVISIT_AFTER``. Counts what happened in stats ``newsarchive/articles_new``,
    ``…_updated``, ``…_unchanged``, ``…_duplicate``.
    """

    def __init__(self, db_path: str, stats, keep_raw: bool = True, revisit_after=DEFAULT_REVISIT_AFTER):
        self.db_path = db_path
        self.stats = stats
        self.keep_raw = keep_raw
        self.revisit_after = revisit_after
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
                   revisit_after or DEFAULT_REVISIT_AFTER)

    def open_spider(self):
        self.db = open_archive(self.db_path)
        if self.keep_raw:
            self.raw_db = open_raw_store(self.db_path)

    def close_spider(self):
        for db in (self.db, self.raw_db):
            if db is not None:
                db.close()

    def process_item(self, item):
        stored = store_article(
            self.db, item["article"], source=item["source"], seen_at=item["fetched_at"]
        )
        item["article_id"] = stored.article_id
        article = item["article"]
        record_article_page(self.db, item["url"], article_id=stored.article_id,
                            content_hash=content_hash(article["text"]),
                            revisit_after=self.revisit_after)
        if self.raw_db is not None and stored.outcome != "unchanged":
            store_response(self.raw_db, url=item["url"], source=item["source"],
                           fetched_at=item["fetched_at"], status=item["status"],
                           headers=item["headers"], body=item["body"])
        self.stats.inc_value(f"newsarchive/articles_{stored.outcome}")
        logger.debug("%s: %s", stored.outcome, item["article"]["url"])
        return item


class EnrichPipeline:
    """Link each stored article to the places and companies it mentions (archive/enrich.py).

    Runs after :class:`ArchivePipeline`, which sets ``item["article_id"]``. Settings:
    ``ENRICH_ENABLED`` (default ``True``), ``NEWSARCHIVE_DB``. Stats: ``newsarchive/enriched``,
    ``newsarchive/enrich/places`` and ``…/companies`` (links made).
    """

    def __init__(self, db_path: str, stats):
        self.db_path = db_path
        self.stats = stats
        self.db = None

    @classmethod
    def from_crawler(cls, crawler):
        settings = crawler.settings
        if not settings.getbool("ENRICH_ENABLED") or not settings.get("NEWSARCHIVE_DB"):
            raise NotConfigured("ENRICH_ENABLED is off or NEWSARCHIVE_DB is not set")
        return cls(settings["NEWSARCHIVE_DB"], crawler.stats)

    def open_spider(self):
        self.db = open_archive(self.db_path)
        company_finder()  # load the gazetteer and company list now, not on the first item

    def close_spider(self):
        if self.db is not None:
            self.db.close()

    def process_item(self, item):
        linked = enrich_article(self.db, item["article_id"])
        self.stats.inc_value("newsarchive/enriched")
        for kind, count in linked.items():
            self.stats.inc_value(f"newsarchive/enrich/{kind}", count)
        return item
