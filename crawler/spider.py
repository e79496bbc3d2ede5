"""One generic spider, driven by a :class:`crawler.sources.Source`: what to fetch, nothing more.

Hubs (feeds, sitemaps, start_urls) yield article candidates; HTML pages are classified and
candidates go to the item pipelines (extract, then archive) as dicts: source, url (final, after
redirects), html (decoded text), classification, fetched_at, and the raw response (status,
headers, body) that the archive keeps.

Every request carries ``meta["kind"]`` (feed, sitemap, listing or page) for the fetch record,
and pages found in feeds and sitemaps carry ``meta["lastmod"]`` when the hub states it.
"""
import re

import scrapy

from archive.ingest import FetchedResponse
from archive.pages import due_pages
from archive.store import open_archive, utc_now
from crawler.classify import NOT_ARTICLE, classify_page

from crawler.discover import feed_entries, listing_links, robots_sitemaps, sitemap_entries, trap_reason
from crawler.extract import page_metadata, parse_html
from crawler.items import PageItem
from crawler.sources import Source

HTML_TYPES = (b"text/html", b"application/xhtml+xml")


class NewsSpider(scrapy.Spider):
    """Crawl one source. Stats it keeps: ``newsarchive/pages/<kind>``, ``newsarchive/skipped/…``."""

    name = "news"

    def __init__(self, source: Source, **kwargs):
        super().__init__(name=f"news:{source.id}", **kwargs)
        self.source = source
        # Offsite filtering allows subdomains, so www.x.de also admits feeds.x.de.
        self.allowed_domains = sorted({host.removeprefix("www.") for host in source.hosts})
        self.allow = [re.compile(pattern) for pattern in source.allow]
        self.deny = [re.compile(pattern) for pattern in source.deny]
        self.query_variants: dict[str, int] = {}

    async def start(self):
        for request in self.seed_requests():
            yield request
        for url in self.due_revisits():
            yield scrapy.Request(url, callback=self.parse_page,
                                 meta={"hops": self.source.max_depth, "kind": "page"})

    def seed_requests(self):
        """Requests for the source's feeds, sitemaps and start URLs: where a crawl begins."""
        for url in self.source.feeds:
            yield self.hub_request(url, self.parse_feed, "feed")
        for url in self.source.sitemaps:
            # A robots.txt in `sitemaps` means: use the sitemaps it lists.
            callback = self.parse_robots if url.endswith("/robots.txt") else self.parse_sitemap
            yield self.hub_request(url, callback, "sitemap")
        for url in self.source.start_urls:
            yield scrapy.Request(url, callback=self.parse_page, meta={"hops": 0, "kind": "listing"})

    def due_revisits(self) -> list[str]:
        """Stored articles of this source that are due for a revisit (the archive knows)."""
        db_path = self.crawler.settings.get("NEWSARCHIVE_DB")
        if not db_path or not self.crawler.settings.getbool("INCREMENTAL_ENABLED", True):
            return []
        with open_archive(db_path) as db:
            return due_pages(db, self.source.id)

    def hub_request(self, url: str, callback, kind: str) -> scrapy.Request:
        return scrapy.Request(url, callback=callback, dont_filter=True, meta={"kind": kind})

    def page_request(self, url: str, hops: int, kind: str = "page",
                     lastmod: str | None = None) -> scrapy.Request | None:
        """A request for an HTML page; ``hops`` is its link distance from a start URL."""
        if not self.wanted(url):
            self.crawler.stats.inc_value("newsarchive/skipped/filtered")
            return None
        if reason := trap_reason(url, self.query_variants):
            self.crawler.stats.inc_value(f"newsarchive/skipped/trap/{reason}")
            return None
        meta = {"hops": hops, "kind": kind, "lastmod": lastmod}
        return scrapy.Request(url, callback=self.parse_page, meta=meta)

    def wanted(self, url: str) -> bool:
        """A source's ``deny`` patterns always win; ``allow`` (when given) must match."""
        if any(pattern.search(url) for pattern in self.deny):
            return False
        return not self.allow or any(pattern.search(url) for pattern in self.allow)

    def parse_feed(self, response):
        self.crawler.stats.inc_value("newsarchive/pages/feed")
        for entry in feed_entries(response.body, response.url):
            if request := self.page_request(entry.url, self.source.max_depth, lastmod=entry.lastmod):
                yield request

    def parse_robots(self, response):
        for url in robots_sitemaps(response.body, response.url):
            yield self.hub_request(url, self.parse_sitemap, "sitemap")

    def parse_sitemap(self, response):
        self.crawler.stats.inc_value("newsarchive/pages/sitemap")
        kind, entries = sitemap_entries(response.body)
        if kind == "invalid":
            self.logger.warning("Not a sitemap, skipped: %s", response.url)
            self.crawler.stats.inc_value("newsarchive/errors")
        for entry in entries:
            if kind == "sitemapindex":
                yield self.hub_request(entry.url, self.parse_sitemap, "sitemap")
            elif request := self.page_request(entry.url, self.source.max_depth, lastmod=entry.lastmod):
                yield request

    def parse_page(self, response):
        if not isinstance(response, scrapy.http.HtmlResponse) and not _is_html(response):
            self.crawler.stats.inc_value("newsarchive/skipped/not_html")
            return
        metadata = page_metadata(parse_html(response.text))
        kind = classify_page(response.url, metadata, self.source.article_pattern)
        if kind == NOT_ARTICLE:
            self.crawler.stats.inc_value("newsarchive/pages/listing")
        else:
            headers = {name.decode("latin-1"): values[0].decode("latin-1")
                       for name, values in response.headers.items() if values}
            yield PageItem(
                source=self.source.id,
                response=FetchedResponse(response.url, response.status, headers, response.body, utc_now()),
                html=response.text,
                classification=kind,
            )
        hops = response.meta.get("hops", self.source.max_depth)
        if hops >= self.source.max_depth:
            return
        pagination, links = listing_links(response)
        for url in pagination:
            if request := self.page_request(url, hops, kind="listing"):
                yield request
        for url in links:
            if request := self.page_request(url, hops + 1):
                yield request


def _is_html(response) -> bool:
    content_type = response.headers.get(b"Content-Type", b"").split(b";")[0].strip().lower()
    return content_type in HTML_TYPES
