"""Item pipelines: what happens to a fetched page. Extract it, then store it.

Each pipeline does one job and calls one library function; storage logic lives in
``archive/``.
"""
import logging

from scrapy.exceptions import DropItem, NotConfigured

from archive.enrich import company_finder, enrich_article
from archive.store import open_archive, store_article
from crawler.classify import UNDECIDED, looks_like_article
from crawler.extract import extract_article

logger = logging.getLogger(__name__)


class ExtractPipeline:
    """Replace a page's HTML with the extracted article fields (``item["article"]``).

    Pages without main text, and undecided pages that turn out not to look like articles,
    are dropped and counted in ``newsarchive/skipped/no_text`` and ``…/not_article``.
    """

    def __init__(self, stats):
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler.stats)

    def process_item(self, item):
        article = extract_article(item.pop("html"), item["url"])
        if article is None:
            self.stats.inc_value("newsarchive/skipped/no_text")
            raise DropItem(f"no main text: {item['url']}")
        if item["classification"] == UNDECIDED and not looks_like_article(article):
            self.stats.inc_value("newsarchive/skipped/not_article")
            raise DropItem(f"not an article (no date or too short): {item['url']}")
        item["article"] = article
        return item


class ArchivePipeline:
    """Store extracted articles in the SQLite archive.

    Settings: ``NEWSARCHIVE_DB`` (path of the archive; required). Counts what happened in
    stats ``newsarchive/articles_new``, ``…_updated``, ``…_unchanged``, ``…_duplicate``.
    """

    def __init__(self, db_path: str, stats):
        self.db_path = db_path
        self.stats = stats
        self.db = None

    @classmethod
    def from_crawler(cls, crawler):
        db_path = crawler.settings.get("NEWSARCHIVE_DB")
        if not db_path:
            raise NotConfigured("NEWSARCHIVE_DB is not set")
        return cls(db_path, crawler.stats)

    def open_spider(self):
        self.db = open_archive(self.db_path)

    def close_spider(self):
        if self.db is not None:
            self.db.close()

    def process_item(self, item):
        stored = store_article(
            self.db, item["article"], source=item["source"], seen_at=item["fetched_at"]
        )
        item["article_id"] = stored.article_id
        self.stats.inc_value(f"newsarchive/articles_{stored.outcome}")
        logger.debug("%s: %s", stored.outcome, item["article"]["url"])
        return item


class EnrichPipeline(ArchivePipeline):
    """Link each stored article to the places and companies it mentions (archive/enrich.py).

    Runs after :class:`ArchivePipeline`, which sets ``item["article_id"]``, and shares its
    handling of the archive connection. Settings: ``ENRICH_ENABLED`` (default ``True``),
    ``NEWSARCHIVE_DB``. Stats: ``newsarchive/enriched``, ``newsarchive/enrich/places`` and
    ``…/companies`` (links made).
    """

    @classmethod
    def from_crawler(cls, crawler):
        if not crawler.settings.getbool("ENRICH_ENABLED"):
            raise NotConfigured("ENRICH_ENABLED is off")
        return super().from_crawler(crawler)

    def open_spider(self):
        super().open_spider()
        company_finder()  # load the gazetteer and company list now, not on the first item

    def process_item(self, item):
        linked = enrich_article(self.db, item["article_id"])
        self.stats.inc_value("newsarchive/enriched")
        for kind, count in linked.items():
            self.stats.inc_value(f"newsarchive/enrich/{kind}", count)
        return item
