"""Find article URLs: in RSS/Atom feeds, sitemaps (index, urlset, Google News) and listings.

Plain functions over response bodies, so they can be tested on saved files; the spider
turns what they return into requests.
"""

from dataclasses import dataclass, replace
from urllib.parse import urljoin, urlsplit
from datetime import datetime, timedelta, timezone

import feedparser
from protego import Protego
from scrapy.linkextractors import LinkExtractor
from scrapy.utils.gz import gunzip
from scrapy.utils.response import get_base_url
from scrapy.utils.sitemap import Sitemap

from archive.canonical import canonical_url
from archive.storage.hints import hint_time
from archive.urls import joined_web_url, web_url
from crawler.extraction.classify import PAGINATION_PATH

GZIP_MAGIC = b"\x1f\x8b"


@dataclass(frozen=True)
class Entry:
    """A discovered URL and, when the hub gives them, when it last changed and when it was
    published (ISO 8601 or raw). ``published`` is a fallback for pages that print no date."""

    url: str
    lastmod: str | None = None
    published: str | None = None


def feed_entries(body: bytes, base_url: str, refused: list[str] | None = None) -> list[Entry]:
    """Article links of an RSS or Atom feed, in feed order.

    Only http(s) links are returned; the others are appended to ``refused`` (when given), for
    the crawl to count. So in :func:`sitemap_entries` and :func:`listing_links`.
    """
    feed = feedparser.parse(body, response_headers={"content-location": base_url})
    entries = []
    for item in feed.entries:
        # canonical_url is None for what is no http(s) URL (javascript:, file:, junk).
        if url := canonical_url(item.get("link")):
            entries.append(Entry(url, _feed_time(item), _feed_time(item, "published_parsed")))
        elif item.get("link") and refused is not None:
            refused.append(item["link"])
    return entries


def _feed_time(item, *fields: str) -> str | None:
    """The entry's update (or publication) time as ISO 8601 UTC, parsed by feedparser;
    ``fields`` names the feedparser fields to read, first found wins."""
    parsed = next(filter(None, (item.get(field) for field in fields or ("updated_parsed", "published_parsed"))), None)
    if not parsed:
        return None
    return datetime(*parsed[:6], tzinfo=timezone.utc).isoformat()


def robots_sitemaps(body: bytes, base_url: str) -> list[str]:
    """The ``Sitemap:`` URLs of a robots.txt, resolved against its address; a line whose URL
    cannot be parsed is skipped, not the whole file."""
    found = []
    for url in Protego.parse(body.decode("utf-8", "replace")).sitemaps:
        try:
            found.append(urljoin(base_url, url))
        except ValueError:
            continue
    return found


def sitemap_entries(body: bytes, refused: list[str] | None = None) -> tuple[str, list[Entry]]:
    """``("sitemapindex", child sitemaps)`` or ``("urlset", pages)`` of a sitemap file.

    Gzipped sitemaps (``sitemap.xml.gz`` served without Content-Encoding) are unpacked first.
    A Google News sitemap is a urlset whose entries carry ``news:publication_date``.
    """
    try:
        if body[:2] == GZIP_MAGIC:
            body = gunzip(body, max_size=50 * 1024 * 1024)
        sitemap = _NewsSitemap(body)
    except Exception:  # noqa: BLE001 - broken gzip, over the size limit, not XML: not a sitemap
        return "invalid", []
    if sitemap.type not in ("sitemapindex", "urlset"):  # an RSS feed or a page listed as a sitemap
        return "invalid", []
    entries = []
    for item in sitemap:
        lastmod = _freshest(item.get("lastmod"), item.get(NEWS_PUBLISHED))
        # Child sitemaps keep their URL as written (it is fetched, not stored); either kind must
        # be an http(s) URL. Whether its host is the source's is the spider's UrlPolicy.
        url = web_url(item.get("loc")) if sitemap.type == "sitemapindex" else canonical_url(item.get("loc"))
        if url:
            entries.append(Entry(url, lastmod, item.get(NEWS_PUBLISHED)))
        elif item.get("loc") and refused is not None:
            refused.append(item["loc"])
    return sitemap.type, entries


# Where _NewsSitemap leaves an entry's news:publication_date.
NEWS_PUBLISHED = "news_publication_date"


class _NewsSitemap(Sitemap):
    """Scrapy's sitemap reader keeps an entry's direct children only, so the publication date of
    a Google News sitemap (``<news:news><news:publication_date>``) would be lost: it is often
    the one change hint a news sitemap gives."""

    def _process_sitemap_element(self, elem):
        # Read before the parent clears the element (it streams, keeping memory flat).
        published = next((child.text for child in elem.iter("{*}publication_date") if child.text), None)
        entry = super()._process_sitemap_element(elem)
        if entry is not None and published:
            entry[NEWS_PUBLISHED] = published.strip()
        return entry


def _freshest(*hints: str | None) -> str | None:
    """The latest of an entry's change hints; one that cannot be read counts only alone."""
    given = [hint for hint in hints if hint]
    readable = [hint for hint in given if hint_time(hint) is not None]
    if readable:
        return max(readable, key=hint_time)
    return given[0] if given else None


# A hub whose entries all carry one and the same change time (a sitemap stamped with the time it
# was generated, a feed that dates every item "now") says nothing about any of them: believed,
# it would have every stored article fetched again on every crawl. So does a time in the future.
MIN_UNIFORM_ENTRIES = 3
FUTURE_TOLERANCE = timedelta(days=1)


def credible_hints(entries: list[Entry], now: datetime | None = None) -> tuple[list[Entry], bool]:
    """``entries`` with the change hints that say nothing removed: all of them when they are all
    one time (see MIN_UNIFORM_ENTRIES), and any later than ``now`` (default: the current time)
    by more than a day. Returns the entries and whether the hub's hints were all set aside."""
    times = {hint_time(entry.lastmod) for entry in entries}
    if len(entries) >= MIN_UNIFORM_ENTRIES and len(times) == 1 and None not in times:
        return [replace(entry, lastmod=None) for entry in entries], True
    latest = (now or datetime.now(timezone.utc)) + FUTURE_TOLERANCE
    return [
        replace(entry, lastmod=None) if (moment := hint_time(entry.lastmod)) and moment > latest else entry
        for entry in entries
    ], False


def listing_links(response, refused: list[str] | None = None) -> tuple[list[str], list[str]]:
    """Links of an HTML page: ``(pagination, other links)``.

    Only http(s) links are returned. Links to other sites are left in; the spider's
    :class:`archive.urls.UrlPolicy` drops them.

    Pagination (``rel="next"`` or page-numbered URLs) is returned apart because following it
    does not take the crawl any deeper into the site.
    """
    extractor = LinkExtractor(unique=True)
    base = get_base_url(response)
    next_links = {
        canonical_url(joined_web_url(base, href))
        for href in response.xpath('//a[@rel="next"]/@href | //link[@rel="next"]/@href').getall()
    } - {None}
    pagination, others = [], []
    for link in extractor.extract_links(response):
        url = canonical_url(link.url)
        if url is None:  # LinkExtractor also passes file: and ftp: links
            if refused is not None:
                refused.append(link.url)
            continue
        if url in next_links or PAGINATION_PATH.search(url):
            pagination.append(url)
        else:
            others.append(url)
    pagination.extend(url for url in next_links if url not in pagination)
    return pagination, others


# Spider traps: the same path segment over and over, or one page under countless queries.
MAX_SEGMENT_REPEATS = 2
MAX_QUERY_PARAMETERS = 5
MAX_QUERY_VARIANTS = 25


def trap_reason(url: str, query_variants: dict[str, int]) -> str | None:
    """Why ``url`` looks like a spider trap (``None`` when it does not).

    ``query_variants`` counts the query strings seen per path during one crawl; it is updated.
    Calendars that go on forever are bounded by the source's ``max_depth`` and ``max_pages``.
    """
    try:
        parts = urlsplit(url)
    except ValueError:  # an unclosed IPv6 bracket: no server answers it either
        return "malformed"
    segments = [segment for segment in parts.path.split("/") if segment]
    if segments and max(segments.count(segment) for segment in segments) > MAX_SEGMENT_REPEATS:
        return "repeated_segments"
    if parts.query:
        if len(parts.query.split("&")) > MAX_QUERY_PARAMETERS:
            return "query_parameters"
        seen = query_variants.get(parts.path, 0) + 1
        query_variants[parts.path] = seen
        if seen > MAX_QUERY_VARIANTS:
            return "query_variants"
    return None
