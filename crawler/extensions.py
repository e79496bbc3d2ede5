"""Extensions that record crawls, modelled on Scrapy's CoreStats: signals in, rows out; and
one that keeps a failed fetch to one line of the crawl's log."""

import logging

from scrapy import signals
from scrapy.exceptions import NotConfigured
from scrapy.utils.misc import load_object

from archive.storage.pages import failed_pages
from archive.storage.store import close_interrupted_runs, finish_run, open_archive, start_run, utc_now
from crawler import stats as keys


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
        self.started = utc_now()
        with open_archive(self.db_path) as db:
            close_interrupted_runs(db, spider.source.id)
            self.run_id = start_run(db, spider.source.id, self.started)
        self.crawler.stats.set_value(keys.RUN_ID, self.run_id)

    def spider_closed(self, spider, reason):
        stats = self.crawler.stats
        not_modified = stats.get_value(keys.NOT_MODIFIED, 0)
        with open_archive(self.db_path) as db:
            failed = failed_pages(db, spider.source.id, self.started)
            counts = {
                # Full responses only: a 304 costs the site next to nothing and is counted apart.
                "pages_fetched": stats.get_value("downloader/response_count", 0) - not_modified,
                "not_modified": not_modified,
                "skipped": stats.get_value(keys.SKIPPED_NOT_DUE, 0),
                "articles_new": stats.get_value(keys.ARTICLES_NEW, 0),
                "articles_updated": stats.get_value(keys.ARTICLES_UPDATED, 0),
                "duplicates": stats.get_value(keys.ARTICLES_DUPLICATE, 0),
                # Pages whose last fetch in this run failed, plus pages the spider could not use.
                "errors": failed + stats.get_value("spider_exceptions/count", 0) + stats.get_value(keys.ERRORS, 0),
            }
            status = "ok" if reason == "finished" else reason
            finish_run(db, self.run_id, status, counts)


class CrawlProgress:
    """A live table on the terminal: per source, pages fetched, 304s, articles new/updated, errors.

    Settings: ``NEWSARCHIVE_PROGRESS`` (default False; the CLI turns it on when stderr is a
    terminal), ``NEWSARCHIVE_PROGRESS_INTERVAL`` (seconds between refreshes, default 0.5). All
    crawlers of one process share one display, so several sources show as one table.
    """

    _display = None  # the process's one rich Live display, shared by its crawlers
    _rows: dict = {}

    def __init__(self, crawler, interval: float):
        self.crawler = crawler
        self.interval = interval
        self.task = None

    @classmethod
    def from_crawler(cls, crawler):
        if not crawler.settings.getbool("NEWSARCHIVE_PROGRESS"):
            raise NotConfigured
        extension = cls(crawler, crawler.settings.getfloat("NEWSARCHIVE_PROGRESS_INTERVAL", 0.5))
        crawler.signals.connect(extension.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(extension.spider_closed, signal=signals.spider_closed)
        return extension

    def spider_opened(self, spider):
        from rich.console import Console
        from rich.live import Live
        from twisted.internet import task

        self.source = spider.source.id
        if CrawlProgress._display is None:
            CrawlProgress._display = Live(console=Console(stderr=True), auto_refresh=False)
            CrawlProgress._display.start()
        self.task = task.LoopingCall(self.refresh)
        self.task.start(self.interval)

    def spider_closed(self, spider, reason):
        if self.task and self.task.running:
            self.task.stop()
        self.refresh(finished=reason)
        CrawlProgress._rows[self.source]["done"] = True
        if all(row["done"] for row in CrawlProgress._rows.values()) and CrawlProgress._display:
            CrawlProgress._display.stop()
            CrawlProgress._display = None
            CrawlProgress._rows = {}

    def refresh(self, finished: str | None = None):
        stats = self.crawler.stats
        not_modified = stats.get_value(keys.NOT_MODIFIED, 0)
        CrawlProgress._rows[self.source] = {
            "state": finished or "crawling",
            "pages": stats.get_value("downloader/response_count", 0) - not_modified,
            "304": not_modified,
            "skipped": stats.get_value(keys.SKIPPED_NOT_DUE, 0),
            "new": stats.get_value(keys.ARTICLES_NEW, 0),
            "updated": stats.get_value(keys.ARTICLES_UPDATED, 0),
            "errors": stats.get_value("log_count/ERROR", 0),
            "done": False,
        }
        CrawlProgress._display.update(progress_table(CrawlProgress._rows), refresh=True)


def progress_table(rows: dict):
    from rich.table import Table

    table = Table(title="Crawling", title_justify="left")
    for column in ("source", "state", "pages", "304", "skipped", "new", "updated", "errors"):
        table.add_column(column, justify="left" if column in ("source", "state") else "right")
    for source, row in rows.items():
        table.add_row(
            source, *(str(row[key]) for key in ("state", "pages", "304", "skipped", "new", "updated", "errors"))
        )
    return table


class FetchErrorsInOneLine:
    """Log a fetch that failed on the network (no DNS answer, refused connection, timeout, …) in
    one line that names the URL and the reason, without the downloader's traceback.

    A site that is down is everyday web, not a bug in the crawler, yet Scrapy logs every such
    page, and every such robots.txt, with a traceback of fifty lines: an operator would read
    a crash. Other errors keep their traceback; ``LOG_LEVEL=DEBUG`` keeps them all.

    Settings: ``FETCH_ERRORS_ONE_LINE_ENABLED`` (default True), ``RETRY_EXCEPTIONS`` (the
    exceptions that count as network failures), ``LOG_LEVEL``.
    """

    # Where Scrapy logs a failed page (the scraper) and a failed robots.txt, with exc_info.
    LOGGERS = ("scrapy.core.scraper", "scrapy.downloadermiddlewares.robotstxt")

    @classmethod
    def from_crawler(cls, crawler):
        settings = crawler.settings
        if not settings.getbool("FETCH_ERRORS_ONE_LINE_ENABLED") or settings.get("LOG_LEVEL") == "DEBUG":
            raise NotConfigured
        exceptions = tuple(
            load_object(name) if isinstance(name, str) else name for name in settings.getlist("RETRY_EXCEPTIONS")
        )
        for name in cls.LOGGERS:
            logger = logging.getLogger(name)
            # Crawlers of one process share the loggers: one filter each is enough.
            if not any(isinstance(existing, OneLineFilter) for existing in logger.filters):
                logger.addFilter(OneLineFilter(exceptions))
        return cls()


class OneLineFilter(logging.Filter):
    """Turns a record of one of ``exceptions`` into its message and the exception's text."""

    def __init__(self, exceptions: tuple[type[BaseException], ...]):
        super().__init__()
        self.exceptions = exceptions

    def filter(self, record: logging.LogRecord) -> bool:
        error = record.exc_info[1] if record.exc_info else None
        if isinstance(error, self.exceptions):
            message = record.getMessage()
            reason = " ".join(str(error).split()) or type(error).__name__
            record.msg = message if reason in message else f"{message}: {reason}"
            record.args = None
            record.exc_info = record.exc_text = None
        return True
