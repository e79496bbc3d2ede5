"""Extensions that record crawls, modelled on Scrapy's CoreStats: signals in, rows out."""
from scrapy import signals
from scrapy.exceptions import NotConfigured

from archive.store import finish_run, open_archive, start_run


class CrawlRunRecorder:
    """Write one ``crawl_runs`` row per source per run: opened at start, completed at close.

    Settings: ``NEWSARCHIVE_DB``. Status is ``ok`` when the spider finished normally, else
    Scrapy's close reason (``shutdown``, ``closespider_pagecount``, …). The run id is kept in
    stats as ``newsarchive/run_id``.
    """

    def __init__(self, crawler, db_path: str):
        self.crawler = crawler
        self.db_path = db_path
        self.run_id = None

    @classmethod
    def from_crawler(cls, crawler):
        db_path = crawler.settings.get("NEWSARCHIVE_DB")
        if not db_path:
            raise NotConfigured("NEWSARCHIVE_DB is not set")
        extension = cls(crawler, db_path)
        crawler.signals.connect(extension.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(extension.spider_closed, signal=signals.spider_closed)
        return extension

    def spider_opened(self, spider):
        with open_archive(self.db_path) as db:
            self.run_id = start_run(db, spider.source.id)
        self.crawler.stats.set_value("newsarchive/run_id", self.run_id)

    def spider_closed(self, spider, reason):
        stats = self.crawler.stats
        counts = {
            "pages_fetched": stats.get_value("downloader/response_count", 0),
            "articles_new": stats.get_value("newsarchive/articles_new", 0),
            "articles_updated": stats.get_value("newsarchive/articles_updated", 0),
            "duplicates": stats.get_value("newsarchive/articles_duplicate", 0),
            "errors": run_errors(stats.get_stats()),
        }
        status = "ok" if reason == "finished" else reason
        with open_archive(self.db_path) as db:
            finish_run(db, self.run_id, status, counts)


def run_errors(stats: dict) -> int:
    """Failures of a run: download errors, HTTP error pages, spider exceptions, bad hubs."""
    return int(
        stats.get("downloader/exception_count", 0)
        + stats.get("spider_exceptions/count", 0)
        + stats.get("newsarchive/errors", 0)
        + sum(value for key, value in stats.items() if key.startswith("httperror/response_ignored_status_count/"))
    )
