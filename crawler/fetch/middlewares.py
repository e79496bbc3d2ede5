"""Downloader middlewares: what and how to fetch. Only where the source's URL policy allows;
incremental, conditional and patient with busy sites."""

import logging
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

from scrapy import signals
from scrapy.downloadermiddlewares.retry import get_retry_request
from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware
from scrapy.exceptions import IgnoreRequest, NotConfigured
from scrapy.http import TextResponse
from scrapy.utils.defer import maybe_deferred_to_future
from twisted.internet import task

from archive.canonical import canonical_url
from archive.storage.hints import hint_time, latest_change
from archive.storage.pages import is_due, last_run_completed, mark_removed, page_state, record_fetch, touch_article
from archive.storage.store import open_archive
from archive.urls import OFFSITE, joined_web_url
from crawler.fetch.gone import expired_redirect, soft_404_reason
from crawler import stats as keys

logger = logging.getLogger(__name__)

# Requests for pages (not feeds or sitemaps): what can be an article, or has been one.
PAGE_KINDS = ("page", "listing", "article")
# The fetch-state kind of a sitemap that lists sitemaps.
SITEMAP_INDEX = "sitemapindex"


class UrlPolicyMiddleware:
    """Refuse every request the source's :class:`archive.urls.UrlPolicy` does not allow.

    One check for all requests: seeds, hubs found in hubs (sitemap indexes, robots.txt
    ``Sitemap:`` lines), links, revisits and the redirects Scrapy's RedirectMiddleware follows
    (they come back through the downloader). Placed before RobotsTxtMiddleware, so a refused
    host is not even asked for its robots.txt. Refused requests are counted
    (``newsarchive/refused/<reason>``), never fetched and never written to ``pages``.
    """

    def __init__(self, crawler):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler):
        if getattr(crawler.spider, "url_policy", None) is None:
            raise NotConfigured("the spider has no url_policy")
        return cls(crawler)

    def process_request(self, request):
        if reason := self.crawler.spider.url_policy.refusal(request.url):
            count_refusal(self.crawler, request.url, reason)
            raise IgnoreRequest(f"refused ({reason}): {request.url}")
        return None


def count_refusal(crawler, url: str, reason: str) -> None:
    """Count a refused URL; the first of each reason per crawl is also logged, with an example.

    Links to other sites are everyday web (share buttons, partners): logged at INFO. Other
    schemes and internal addresses hint at a broken or hostile site: a WARNING.
    """
    key = keys.refused(reason)
    crawler.stats.inc_value(key)
    if crawler.stats.get_value(key) == 1:
        level = logging.INFO if reason == OFFSITE else logging.WARNING
        logger.log(
            level,
            "%s: refused %r (%s); further URLs refused for this reason are only counted in the crawl stats",
            crawler.spider.source.id,
            url[:200],
            reason,
        )


class FetchStateMiddleware:
    """Skip what needs no fetching, ask conditionally for the rest, and record every fetch.

    - A stored article is requested again only when its revisit is due (see
      ``INCREMENTAL_REVISIT_AFTER``) or its feed/sitemap ``lastmod`` (``request.meta["lastmod"]``)
      is newer than the last fetch; otherwise the request is dropped before it is sent.
    - Requests for known URLs carry If-None-Match / If-Modified-Since; a 304 ends the request
      ("nothing new here") and, for an article, moves its ``last_seen``.
    - Every response and download error is written to the archive's ``pages`` table.

    Settings: ``INCREMENTAL_ENABLED`` (default True), ``INCREMENTAL_REVISIT_AFTER`` (seconds
    after the first fetch at which an article is fetched again, default 1 h, 6 h, 1 d, 7 d),
    ``NEWSARCHIVE_DB``. Stats: ``newsarchive/skipped/not_due``, ``newsarchive/not_modified``.
    - Pages that are gone (404, 410, a "not found" page answered with 200, a stored article
      redirected to its section: :mod:`crawler.fetch.gone`) are recorded as such and never stored;
      an article already archived keeps its row and gets ``removed_at``. Stats:
      ``newsarchive/gone/soft_404``, ``…/redirected``, ``newsarchive/articles_removed``.
    """

    def __init__(self, crawler, db_path: str, revisit_after: tuple[int, ...]):
        self.crawler = crawler
        self.stats = crawler.stats
        self.db = open_archive(db_path)
        self.revisit_after = revisit_after
        crawler.signals.connect(self.db.close, signal=signals.spider_closed)
        # Decided before this run's own crawl_runs row exists (the spider opens later).
        self.hubs_conditional = last_run_completed(self.db, crawler.spider.source.id)
        if not self.hubs_conditional:
            logger.info("The last crawl of %s did not finish: fetching hubs in full", crawler.spider.source.id)

    @classmethod
    def from_crawler(cls, crawler):
        settings = crawler.settings
        if not settings.getbool("INCREMENTAL_ENABLED", True) or not settings.get("NEWSARCHIVE_DB"):
            raise NotConfigured
        revisit_after = tuple(int(float(s)) for s in settings.getlist("INCREMENTAL_REVISIT_AFTER"))
        return cls(crawler, settings["NEWSARCHIVE_DB"], revisit_after)

    def process_request(self, request):
        if request.meta.get("kind") == "robots" or request.url.endswith("/robots.txt"):
            return None
        state = page_state(self.db, request.url)
        if state is None:
            return None
        if state["content_hash"] and not self._wanted_again(state, self._freshest_hint(request)):
            self.stats.inc_value(keys.SKIPPED_NOT_DUE)
            not_due = getattr(self.crawler.spider, "not_due", None)
            if not_due is not None:
                not_due.add(request.url)
            raise IgnoreRequest(f"not due for a revisit: {request.url}")
        if not state["article_id"] and not self._links_followed_before(state):
            return None
        if state["kind"] == SITEMAP_INDEX:
            # A 304 would stop the crawl at the index, and its child sitemaps change on their
            # own (a new article in this month's file): an index is small, read it in full.
            return None
        if state["etag"]:
            request.headers.setdefault(b"If-None-Match", state["etag"])
        if state["last_modified"]:
            request.headers.setdefault(b"If-Modified-Since", state["last_modified"])
        return None

    def process_response(self, request, response):
        if request.url.endswith("/robots.txt"):
            return response
        if self._gone(request, response):
            raise IgnoreRequest(f"gone: {request.url}")
        if request.meta.get("kind") == "sitemap" and b"<sitemapindex" in response.body[:2048]:
            request.meta["kind"] = SITEMAP_INDEX
        self._record(
            request, response.status, etag=_header(response, b"ETag"), last_modified=_header(response, b"Last-Modified")
        )
        if response.status in (404, 410):
            if (article := self._article_before_redirects(request)) not in (None, request.url):
                # A stored article sent on to a page that is not there: the article is gone.
                self._record(request, response.status, url=article, error=f"HTTP {response.status} at {request.url}")
            self._mark_removed(request)
        if response.status == 304:
            self.stats.inc_value(keys.NOT_MODIFIED)
            state = page_state(self.db, request.url)
            if state and state["article_id"]:
                touch_article(self.db, state["article_id"])
            raise IgnoreRequest(f"not modified: {request.url}")
        return response

    def _gone(self, request, response) -> bool:
        """Record a "not found" page answered with 200 (crawler.fetch.gone) as what it is."""
        if request.meta.get("kind") not in PAGE_KINDS or response.status != 200:
            return False
        if not isinstance(response, TextResponse):  # a PDF or an image is no error page
            return False
        # The tree Scrapy builds here is the one the spider classifies the page on: one parse.
        reason = soft_404_reason(response.body, response.selector.root)
        if reason is None:
            return False
        self._record(request, 404, error=f"soft 404: {reason}"[:500])
        self.stats.inc_value(keys.GONE_SOFT_404)
        if (article := self._article_before_redirects(request)) and article != request.url:
            # A stored article sent on to the site's error page: the article is what is gone.
            self._record(request, 404, url=article, error=f"soft 404 at {request.url}: {reason}"[:500])
        self._mark_removed(request)
        return True

    def redirected_away(self, request, location: str) -> bool:
        """Whether a redirect of a stored article to ``location`` means it is gone (sent on to
        its section or the home page: crawler.fetch.gone, or to any page the source knows as no
        story: :meth:`_no_story`); if so it is recorded and marked removed.

        The article may be where a chain of redirects began (``http:`` → ``https:`` → ``/``)."""
        article = self._article_before_redirects(request)
        if article is None:
            if request.meta.get("kind") == "page" and expired_redirect(request.url, location):
                # A link to an expired story that was never stored: recorded as gone. The redirect
                # is still followed, since a section may be linked by an old address of its own.
                self._record(request, 410, error=f"redirected to {location}"[:500])
                self.stats.inc_value(keys.GONE_REDIRECTED)
            return False
        if not (expired_redirect(article, location) or self._no_story(location)):
            return False
        self._record(request, 410, url=article, error=f"redirected to {location}"[:500])
        self.stats.inc_value(keys.GONE_REDIRECTED)
        self._mark_removed(request)
        return True

    def _no_story(self, url: str) -> bool:
        """Whether ``url`` is a page this source knows as no story: one of its start URLs, or a
        page fetched before and never stored (a section, a topic page, an error page). A stored
        article sent there is gone, wherever in the site that page lives."""
        spider = self.crawler.spider
        if url in spider.source.start_urls:
            return True
        for address in {url, canonical_url(url)} - {None}:
            state = page_state(self.db, address)
            if (
                state
                and state["source"] == spider.source.id
                and not state["article_id"]
                and state["kind"] in PAGE_KINDS
            ):
                return True
        return False

    def _article_before_redirects(self, request) -> str | None:
        """The first URL of the request's redirect chain that is a stored article's page."""
        for url in (*request.meta.get("redirect_urls", ()), request.url):
            state = page_state(self.db, url)
            if state and state["article_id"]:
                return url
        return None

    def _mark_removed(self, request) -> None:
        """Mark the stored article the request asked for, directly or before its redirects."""
        if url := self._article_before_redirects(request):
            state = page_state(self.db, url)
            if mark_removed(self.db, state["article_id"]):
                self.stats.inc_value(keys.ARTICLES_REMOVED)

    def process_exception(self, request, exception):
        if not isinstance(exception, IgnoreRequest):
            self._record(request, None, error=f"{type(exception).__name__}: {exception}"[:500])
        return None

    def _links_followed_before(self, state: dict) -> bool:
        # A 304 on a hub or other non-article page means "its links were followed already":
        # true only if this source's last crawl fetched it and finished. Another source may
        # share the page (a nav link to its section) without following its links this far.
        return self.hubs_conditional and state["source"] == self.crawler.spider.source.id

    def _freshest_hint(self, request):
        """The freshest change hint any hub of this crawl gave for the page so far."""
        hints = [latest_change(request.meta.get("lastmod")), getattr(self.crawler.spider, "hints", {}).get(request.url)]
        return max((hint for hint in hints if hint is not None), default=None)

    def _wanted_again(self, state: dict, hint) -> bool:
        if is_due(state):
            return True
        fetched = hint_time(state["last_fetched"])
        return hint is not None and fetched is not None and hint > fetched

    def _record(self, request, status, url: str | None = None, **fields):
        """Record the fetch of ``request`` (under ``url`` when it is another address of its chain)."""
        spider = self.crawler.spider
        error = fields.pop("error", None)
        if error is None and status is not None and status >= 400:
            error = f"HTTP {status}"
        record_fetch(
            self.db,
            url or request.url,
            source=spider.source.id,
            kind=request.meta.get("kind", "other"),
            status=status,
            error=error,
            revisit_after=self.revisit_after,
            **fields,
        )


class ExpiredRedirectMiddleware:
    """Stop at the redirect of a stored article to its section or the home page: the article
    is gone (:meth:`FetchStateMiddleware.redirected_away`), and the section is no article.

    It sits before Scrapy's RedirectMiddleware (600) to see the redirect itself; followed,
    the redirect would end at a page this crawl has already read, or be stored as the article.
    """

    def __init__(self, crawler):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_response(self, request, response):
        location = response.headers.get(b"Location")
        if response.status not in (301, 302, 303, 307, 308) or not location:
            return response
        fetch_state = next(
            (
                middleware
                for middleware in self.crawler.engine.downloader.middleware.middlewares
                if isinstance(middleware, FetchStateMiddleware)
            ),
            None,
        )
        target = joined_web_url(request.url, location.decode("latin-1"))
        if target is None:
            # "Location: http://[…" and the like: nothing to follow, and Scrapy's own redirect
            # middleware would fail on it with a traceback.
            raise IgnoreRequest(f"redirected to an address that is no web address ({location[:200]!r}): {request.url}")
        if fetch_state is not None and fetch_state.redirected_away(request, target):
            raise IgnoreRequest(f"gone (redirected to {target}): {request.url}")
        return response


class RetryAfterMiddleware:
    """Retry 429 and 503 responses later, honouring ``Retry-After``, at most ``RETRY_TIMES``.

    Without the header, waits ``RETRY_AFTER_BACKOFF`` × 2^(retries so far) seconds. Waits are
    capped at ``RETRY_AFTER_MAX`` (default 120 s); a site asking for longer is retried at the
    next crawl instead. Remove 429 and 503 from ``RETRY_HTTP_CODES`` so Scrapy's own
    RetryMiddleware leaves them to this one (our settings do).
    """

    RETRY_STATUSES = (429, 503)

    def __init__(self, crawler, backoff: float, maximum: float):
        self.crawler = crawler
        self.backoff = backoff
        self.maximum = maximum

    @classmethod
    def from_crawler(cls, crawler):
        settings = crawler.settings
        if not settings.getbool("RETRY_ENABLED"):
            raise NotConfigured
        return cls(crawler, settings.getfloat("RETRY_AFTER_BACKOFF", 1.0), settings.getfloat("RETRY_AFTER_MAX", 120.0))

    async def process_response(self, request, response):
        if response.status not in self.RETRY_STATUSES or request.meta.get("dont_retry"):
            return response
        delay = retry_after_seconds(_header(response, b"Retry-After"))
        if delay is None:
            delay = self.backoff * 2 ** request.meta.get("retry_times", 0)
        if delay > self.maximum:
            logger.warning("%s asks to wait %.0f s; leaving it for the next crawl", request.url, delay)
            return response
        retry = get_retry_request(
            request, spider=self.crawler.spider, reason=f"{response.status} (retry after {delay:.1f} s)"
        )
        if retry is None:
            return response
        from twisted.internet import reactor

        await maybe_deferred_to_future(task.deferLater(reactor, delay, lambda: None))
        return retry


def retry_after_seconds(value: str | None) -> float | None:
    """Seconds to wait from a Retry-After header: delta-seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        moment = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, (moment - datetime.now(timezone.utc)).total_seconds())


def _header(response, name: bytes) -> str | None:
    value = response.headers.get(name)
    return value.decode("latin-1") if value else None


# Where a request carries its host's robots.txt delay, for the distributed per-host wait.
ROBOTS_DELAY_META = "newsarchive_robots_delay"


class RobotsDelayMiddleware:
    """Wait between requests to a host at least as long as its robots.txt asks:
    ``Crawl-delay: 2``, or ``Request-rate: 1/5s`` (one request per five seconds).

    Scrapy reads robots.txt (``RobotsTxtMiddleware``, with Protego) for what may be fetched
    but not for how often. The larger of the source's own delay and the host's wins: the
    host's downloader slot gets it as a floor, without random jitter below it, and keeps it
    when AutoThrottle adapts the delay. Requests also carry it in
    ``meta["newsarchive_robots_delay"]`` for the distributed crawl's shared per-host wait.
    Stat: ``newsarchive/robots_delay`` (the largest seen).

    A delay above ``ROBOTS_DELAY_MAX`` (default 300 s) is kept at that maximum, with a warning:
    a robots.txt may say ``Crawl-delay: 1e308``, which would stall the crawl for good.
    """

    def __init__(self, crawler, user_agent: str, floor_slots: bool, maximum: float):
        self.crawler = crawler
        self.user_agent = user_agent
        self.floor_slots = floor_slots
        self.maximum = maximum
        self.floors: dict[str, float] = {}  # downloader slot key → delay robots.txt asks
        self.capped: set[str] = set()  # hosts already warned about
        crawler.signals.connect(self.response_downloaded, signal=signals.response_downloaded)

    @classmethod
    def from_crawler(cls, crawler):
        settings = crawler.settings
        if not settings.getbool("ROBOTSTXT_OBEY"):
            raise NotConfigured
        user_agent = settings.get("ROBOTSTXT_USER_AGENT") or settings.get("USER_AGENT")
        # Distributed workers wait in Redis instead of in their own slots (crawler.distributed).
        return cls(
            crawler,
            user_agent,
            floor_slots=not settings.get("REDIS_URL"),
            maximum=settings.getfloat("ROBOTS_DELAY_MAX", 300.0),
        )

    async def process_request(self, request):
        if request.meta.get("dont_obey_robotstxt"):
            return None
        parser = await self._robots().robot_parser(request)
        delay = robots_delay(parser, self.user_agent) if parser is not None else None
        if delay and delay > self.maximum:
            delay = self._capped(request, delay)
        if delay:
            request.meta[ROBOTS_DELAY_META] = delay
            self.crawler.stats.max_value(keys.ROBOTS_DELAY, delay)
            if self.floor_slots:
                self.floors[self.crawler.engine.downloader.get_slot_key(request)] = delay
                self._floor(request)
        return None

    def _capped(self, request, delay: float) -> float:
        host = urlsplit(request.url).hostname or ""
        if host not in self.capped:
            self.capped.add(host)
            logger.warning(
                "%s: robots.txt asks for %.0f s between requests; waiting ROBOTS_DELAY_MAX (%.0f s)",
                host,
                delay,
                self.maximum,
            )
        return self.maximum

    def response_downloaded(self, response, request, spider=None):
        # AutoThrottle sets a new delay on every response; the host's floor stays under it.
        self._floor(request)

    def _floor(self, request) -> None:
        downloader = self.crawler.engine.downloader
        key = downloader.get_slot_key(request)
        floor = self.floors.get(key)
        slot = downloader.slots.get(key)
        if floor and slot is not None and (slot.delay < floor or slot.jitter):
            slot.delay = max(slot.delay, floor)
            if slot.delay * (1 - slot.jitter) < floor:
                slot.jitter = 0.0

    def _robots(self):
        for middleware in self.crawler.engine.downloader.middleware.middlewares:
            if isinstance(middleware, RobotsTxtMiddleware):
                return middleware
        raise NotConfigured("RobotsTxtMiddleware is not enabled")


def robots_delay(parser, user_agent: str) -> float | None:
    """Seconds between requests a robots.txt asks of ``user_agent`` (Crawl-delay or
    Request-rate, the larger), or ``None``."""
    robots = getattr(parser, "rp", None)  # Scrapy's ProtegoRobotParser keeps Protego's parser
    if robots is None:
        return None
    delays = [robots.crawl_delay(user_agent)]
    rate = robots.request_rate(user_agent)
    if rate is not None and rate.requests:
        delays.append(rate.seconds / rate.requests)
    delays = [float(delay) for delay in delays if delay]
    return max(delays) if delays else None
