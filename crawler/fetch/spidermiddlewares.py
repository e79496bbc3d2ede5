"""Spider middlewares: what happens to what a spider callback yields, or raises."""

import logging

from crawler import stats as keys

logger = logging.getLogger(__name__)


class PageErrorsMiddleware:
    """A page that makes a callback fail costs that page, not the crawl's log.

    Feeds, sitemaps and pages are parsed as they come, and a stranger's page can break a
    parser in ways nobody foresaw (nesting deeper than the recursion limit, a charset Python
    does not know). Scrapy would log a traceback per page; this logs one line naming the page
    and the error and counts it in ``newsarchive/errors``, which the crawl run records.
    """

    def __init__(self, stats):
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler.stats)

    def process_spider_exception(self, response, exception):
        self.stats.inc_value(keys.ERRORS)
        logger.warning("could not parse %s: %s: %s", response.url, type(exception).__name__, str(exception)[:200])
        return []
