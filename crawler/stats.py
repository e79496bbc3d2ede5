"""The crawl's own counters in Scrapy's stats collector, by name.

Components count what they did (``crawler.stats.inc_value(ARTICLES_NEW)``); the crawl run's
row (``crawler.extensions``), the live progress table and the crawl summary read the same
names. One place for the keys, so that a writer and its readers never drift apart.
"""

PREFIX = "newsarchive/"

# The crawl_runs row of this crawl.
RUN_ID = PREFIX + "run_id"

# What the downloader middlewares did (crawler.fetch.middlewares).
NOT_MODIFIED = PREFIX + "not_modified"  # answered 304
SKIPPED_NOT_DUE = PREFIX + "skipped/not_due"  # a stored article not due for a revisit
FRESHER_HINT = PREFIX + "hints/fresher"  # asked for again on a fresher change hint
UNIFORM_HINTS = PREFIX + "hints/uniform"  # hubs whose entries all gave one change time (set aside)
GONE_SOFT_404 = PREFIX + "gone/soft_404"  # a "not found" page answered with 200
GONE_REDIRECTED = PREFIX + "gone/redirected"  # a stored article redirected to its section
ARTICLES_REMOVED = PREFIX + "articles_removed"  # archived articles found gone at the source
ROBOTS_DELAY = PREFIX + "robots_delay"  # the largest Crawl-delay/Request-rate met

# What the spider did with what it fetched (crawler.fetch.spider).
PAGES_FEED = PREFIX + "pages/feed"
PAGES_SITEMAP = PREFIX + "pages/sitemap"
PAGES_LISTING = PREFIX + "pages/listing"
SKIPPED_NOT_HTML = PREFIX + "skipped/not_html"
SKIPPED_FILTERED = PREFIX + "skipped/filtered"  # the source's allow/deny patterns

# What extraction and storing did (crawler.pipelines).
SKIPPED_NO_TEXT = PREFIX + "skipped/no_text"
SKIPPED_NOT_ARTICLE = PREFIX + "skipped/not_article"
SKIPPED_TOO_SLOW = PREFIX + "skipped/too_slow"  # over EXTRACT_TIME_LIMIT
ENRICHED = PREFIX + "enriched"

# Pages that made a parser fail, sitemaps that are none: the run's ``errors`` counts them.
ERRORS = PREFIX + "errors"

# Distributed crawls (crawler.distributed).
ITEMS_QUEUED = PREFIX + "items_queued"
REQUEUED = PREFIX + "requeued"
REFUSED_REQUESTS = PREFIX + "refused_requests"
HOST_DELAY_WAITS = PREFIX + "host_delay_waits"


def articles(outcome: str) -> str:
    """Articles stored with ``outcome``: new, updated, unchanged or duplicate."""
    return f"{PREFIX}articles_{outcome}"


ARTICLES_NEW = articles("new")
ARTICLES_UPDATED = articles("updated")
ARTICLES_DUPLICATE = articles("duplicate")


def skipped_trap(reason: str) -> str:
    """Links not followed because they look like a spider trap (crawler.fetch.discover.trap_reason)."""
    return f"{PREFIX}skipped/trap/{reason}"


def refused(reason: str) -> str:
    """URLs refused by the URL policy (archive.urls): off-site, not http(s), private address."""
    return f"{PREFIX}refused/{reason}"


def enrich(kind: str) -> str:
    """Links made to places or companies."""
    return f"{PREFIX}enrich/{kind}"
