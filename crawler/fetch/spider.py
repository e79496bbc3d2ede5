"""One generic spider, driven by a :class:`crawler.sources.Source`: what to fetch, nothing more.

Hubs (feeds, sitemaps, start_urls) yield article candidates; HTML pages are classified and
candidates go to the item pipelines (extract, then archive) as dicts: source, url (final, after
redirects), html (decoded text), classification, fetched_at, and the raw response (status,
headers, body) that the archive keeps.

Every request carries ``meta["kind"]`` (feed, sitemap, listing or page) for the fetch record,
and pages found in feeds and sitemaps carry ``meta["lastmod"]`` when the hub states it (pages a
listing links to, when its order says a stored story moved up: ``listing_hints``), and
``meta["listed_published"]``, the publication date the hub gives, for pages that print none.
"""

import re
from datetime import datetime

import scrapy

from archive.storage.ingest import FetchedResponse
from archive.storage.hints import latest_change
from archive.storage.pages import due_pages, listing_hints
from archive.storage.store import open_archive, utc_now
from archive.urls import NOT_WEB, UrlPolicy
from crawler.extraction.classify import NOT_ARTICLE, classify_page

from crawler.fetch.discover import (
    credible_hints,
    feed_entries,
    listing_links,
    robots_sitemaps,
    sitemap_entries,
    trap_reason,
)
from crawler.extraction.page import page_metadata
from crawler.items import PageItem
from crawler.fetch.middlewares import count_refusal
from crawler.sources import Source
from crawler import stats as keys

HTML_TYPES = (b"text/html", b"application/xhtml+xml")


class NewsSpider(scrapy.Spider):
    """Crawl one source. Stats it keeps: ``newsarchive/pages/<kind>``, ``newsarchive/skipped/…``,
    ``newsarchive/refused/<reason>``.

    Where the crawl may go is :attr:`url_policy` (the source's hosts, hosts its ``allow``
    patterns name, http(s) only); requests are checked when built here and again, with
    redirects, by :class:`crawler.fetch.middlewares.UrlPolicyMiddleware`.
    """

    name = "news"

    def __init__(self, source: Source, **kwargs):
        super().__init__(name=f"news:{source.id}", **kwargs)
        self.source = source
        # Replaces Scrapy's allowed_domains, which lets hub requests (dont_filter) go anywhere.
        self.url_policy = UrlPolicy.for_source(source.hosts, source.allow)
        self.allow = [re.compile(pattern) for pattern in source.allow]
        self.deny = [re.compile(pattern) for pattern in source.deny]
        self.query_variants: dict[str, int] = {}
        # The freshest change hint of each page asked for in this crawl, and the pages skipped
        # as not due (see page_request and crawler.fetch.middlewares.FetchStateMiddleware).
        self.hints: dict[str, datetime | None] = {}
        self.not_due: set[str] = set()
        # The archive, read for what it knows of the pages hubs link to (None: not incremental).
        self.archive = None

    async def start(self):
        self.archive = self.open_fetch_state()
        for request in self.seed_requests():
            yield request
        for url in self.due_revisits():
            yield scrapy.Request(url, callback=self.parse_page, meta={"hops": self.source.max_depth, "kind": "page"})

    def seed_requests(self):
        """Requests for the source's feeds, sitemaps and start URLs: where a crawl begins."""
        for url in self.source.feeds:
            if request := self.hub_request(url, self.parse_feed, "feed"):
                yield request
        for url in self.source.sitemaps:
            # A robots.txt in `sitemaps` means: use the sitemaps it lists.
            callback = self.parse_robots if url.endswith("/robots.txt") else self.parse_sitemap
            if request := self.hub_request(url, callback, "sitemap"):
                yield request
        for url in self.source.start_urls:
            yield scrapy.Request(url, callback=self.parse_page, meta={"hops": 0, "kind": "listing"})

    def open_fetch_state(self):
        """The archive whose fetch state re-crawls read, ``None`` when a crawl is not incremental."""
        db_path = self.crawler.settings.get("NEWSARCHIVE_DB")
        if not db_path or not self.crawler.settings.getbool("INCREMENTAL_ENABLED", True):
            return None
        return open_archive(db_path)

    def closed(self, reason):
        if self.archive is not None:
            self.archive.close()
            self.archive = None

    def due_revisits(self) -> list[str]:
        """Stored articles of this source that are due for a revisit (the archive knows)."""
        return due_pages(self.archive, self.source.id) if self.archive is not None else []

    def hub_request(self, url: str, callback, kind: str) -> scrapy.Request | None:
        """A request for a feed or sitemap (fetched on every crawl), ``None`` when refused."""
        if not self.allowed(url):
            return None
        return scrapy.Request(url, callback=callback, dont_filter=True, meta={"kind": kind})

    def count_not_web(self, urls: list[str]) -> None:
        """Count what a hub or page linked that is no http(s) URL (its parser dropped them)."""
        for url in urls:
            count_refusal(self.crawler, url, NOT_WEB)

    def allowed(self, url: str) -> bool:
        """Whether the URL policy lets this crawl request ``url``; refusals are counted."""
        if reason := self.url_policy.refusal(url):
            count_refusal(self.crawler, url, reason)
            return False
        return True

    def page_request(
        self, url: str, hops: int, kind: str = "page", lastmod: str | None = None, published: str | None = None
    ) -> scrapy.Request | None:
        """A request for an HTML page; ``hops`` is its link distance from a start URL."""
        if not self.allowed(url):
            return None
        if not self.wanted(url):
            self.crawler.stats.inc_value(keys.SKIPPED_FILTERED)
            return None
        if reason := trap_reason(url, self.query_variants):
            self.crawler.stats.inc_value(keys.skipped_trap(reason))
            return None
        # Several hubs may list a page (a feed, the sitemap, the news sitemap), each with its own
        # hint of when it last changed. Whichever is read first, the freshest decides whether a
        # stored page is fetched again: FetchStateMiddleware reads `hints` when it decides, and
        # a page it has already skipped as not due is asked for again when a fresher hint comes.
        hint = latest_change(lastmod)
        asked = url in self.hints
        fresher = hint is not None and (self.hints.get(url) is None or hint > self.hints[url])
        if fresher or not asked:
            self.hints[url] = hint if fresher else None
        meta = {"hops": hops, "kind": kind, "lastmod": lastmod, "listed_published": published}
        if not asked:
            return scrapy.Request(url, callback=self.parse_page, meta=meta)
        if fresher and url in self.not_due:
            self.not_due.discard(url)
            self.crawler.stats.inc_value(keys.FRESHER_HINT)
            return scrapy.Request(url, callback=self.parse_page, meta=meta, dont_filter=True)
        return None

    def wanted(self, url: str) -> bool:
        """A source's ``deny`` patterns always win; ``allow`` (when given) must match."""
        if any(pattern.search(url) for pattern in self.deny):
            return False
        return not self.allow or any(pattern.search(url) for pattern in self.allow)

    def parse_feed(self, response):
        self.crawler.stats.inc_value(keys.PAGES_FEED)
        refused: list[str] = []
        for entry in self.credible(feed_entries(response.body, response.url, refused), response.url):
            if request := self.page_request(
                entry.url, self.source.max_depth, lastmod=entry.lastmod, published=entry.published
            ):
                yield request
        self.count_not_web(refused)

    def credible(self, entries: list, hub: str) -> list:
        """A hub's entries without the change hints that say nothing (crawler.fetch.discover.credible_hints)."""
        entries, uniform = credible_hints(entries)
        if uniform:
            self.crawler.stats.inc_value(keys.UNIFORM_HINTS)
            self.logger.info("All entries of %s give one change time: not taken as a hint", hub)
        return entries

    def parse_robots(self, response):
        for url in robots_sitemaps(response.body, response.url):
            if request := self.hub_request(url, self.parse_sitemap, "sitemap"):
                yield request

    def parse_sitemap(self, response):
        self.crawler.stats.inc_value(keys.PAGES_SITEMAP)
        refused: list[str] = []
        kind, entries = sitemap_entries(response.body, refused)
        self.count_not_web(refused)
        if kind == "urlset":
            entries = self.credible(entries, response.url)
        if kind == "invalid":
            self.logger.warning("Not a sitemap, skipped: %s", response.url)
            self.crawler.stats.inc_value(keys.ERRORS)
        for entry in entries:
            if kind == "sitemapindex":
                if request := self.hub_request(entry.url, self.parse_sitemap, "sitemap"):
                    yield request
            elif request := self.page_request(
                entry.url, self.source.max_depth, lastmod=entry.lastmod, published=entry.published
            ):
                yield request

    def parse_page(self, response):
        try:
            yield from self.page_results(response)
        finally:
            # The response and the selector it caches refer to each other (scrapy/scrapy#2977):
            # left so, each page's body, text and tree wait for a full garbage collection, which
            # a crawl of large pages runs seldom, and the crawl process grows by a page per page.
            response._cached_selector = None

    def page_results(self, response):
        if not isinstance(response, scrapy.http.HtmlResponse) and not _is_html(response):
            self.crawler.stats.inc_value(keys.SKIPPED_NOT_HTML)
            return
        # One parse in this process: the response's selector tree serves the classification
        # here and the link extraction below (the extraction worker parses its own copy).
        tree = response.selector.root
        kind = classify_page(response.url, page_metadata(tree), self.source.article_pattern, tree=tree)
        if kind == NOT_ARTICLE:
            self.crawler.stats.inc_value(keys.PAGES_LISTING)
        else:
            headers = {
                name.decode("latin-1"): values[0].decode("latin-1")
                for name, values in response.headers.items()
                if values
            }
            yield PageItem(
                source=self.source.id,
                response=FetchedResponse(response.url, response.status, headers, response.body, utc_now()),
                html=response.text,
                classification=kind,
                listed_published=response.meta.get("listed_published"),
            )
        hops = response.meta.get("hops", self.source.max_depth)
        if hops >= self.source.max_depth:
            return
        refused: list[str] = []
        pagination, links = listing_links(response, refused)
        self.count_not_web(refused)
        for url in pagination:
            if request := self.page_request(url, hops, kind="listing"):
                yield request
        # A hub's order is a change hint too: a stored story moved up above newer ones was edited.
        hints = listing_hints(self.archive, links) if kind == NOT_ARTICLE and self.archive is not None else {}
        for url in links:
            if request := self.page_request(url, hops + 1, lastmod=hints.get(url)):
                yield request


def _is_html(response) -> bool:
    content_type = response.headers.get(b"Content-Type", b"").split(b";")[0].strip().lower()
    return content_type in HTML_TYPES
