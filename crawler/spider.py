"""One generic spider, driven by a :class:`crawler.sources.Source`: what to fetch, nothing more.

Hubs (feeds, sitemaps, start_urls) yield article candidates; HTML pages are classified and
candidates go to the item pipelines (extract, then archive) as :class:`PageItem` dicts.
"""
import re

import scrapy

from archive.store import utc_now
from crawler.classify import NOT_ARTICLE, classify_page
from crawler.discover import feed_entries, listing_links, sitemap_entries
from crawler.extract import page_metadata, parse_html
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

    async def start(self):
        for url in self.source.feeds:
            yield self.hub_request(url, self.parse_feed)
        for url in self.source.sitemaps:
            yield self.hub_request(url, self.parse_sitemap)
        for url in self.source.start_urls:
            yield scrapy.Request(url, callback=self.parse_page, meta={"hops": 0})

    def hub_request(self, url: str, callback) -> scrapy.Request:
        return scrapy.Request(url, callback=callback, dont_filter=True)

    def page_request(self, url: str, hops: int) -> scrapy.Request | None:
        """A request for an HTML page; ``hops`` is its link distance from a start URL."""
        if not self.wanted(url):
            self.crawler.stats.inc_value("newsarchive/skipped/filtered")
            return None
        return scrapy.Request(url, callback=self.parse_page, meta={"hops": hops})

    def wanted(self, url: str) -> bool:
        """A source's ``deny`` patterns always win; ``allow`` (when given) must match."""
        if any(pattern.search(url) for pattern in self.deny):
            return False
        return not self.allow or any(pattern.search(url) for pattern in self.allow)

    def parse_feed(self, response):
        self.crawler.stats.inc_value("newsarchive/pages/feed")
        for entry in feed_entries(response.body, response.url):
            if request := self.page_request(entry.url, hops=self.source.max_depth):
                yield request

    def parse_sitemap(self, response):
        self.crawler.stats.inc_value("newsarchive/pages/sitemap")
        kind, entries = sitemap_entries(response.body)
        if kind == "invalid":
            self.logger.warning("Not a sitemap, skipped: %s", response.url)
            self.crawler.stats.inc_value("newsarchive/errors")
        for entry in entries:
            if kind == "sitemapindex":
                yield self.hub_request(entry.url, self.parse_sitemap)
            elif request := self.page_request(entry.url, hops=self.source.max_depth):
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
            yield {
                "source": self.source.id,
                "url": response.url,
                "html": response.text,
                "classification": kind,
                "fetched_at": utc_now(),
            }
        hops = response.meta.get("hops", self.source.max_depth)
        if hops >= self.source.max_depth:
            return
        pagination, links = listing_links(response)
        for url in pagination:
            if request := self.page_request(url, hops=hops):
                yield request
        for url in links:
            if request := self.page_request(url, hops=hops + 1):
                yield request


def _is_html(response) -> bool:
    content_type = response.headers.get(b"Content-Type", b"").split(b";")[0].strip().lower()
    return content_type in HTML_TYPES
