"""Default Scrapy settings for newsarchive crawls: polite by default, overridable with --set.

Every value here can be overridden per crawl (``newsarchive crawl --set NAME=VALUE``), and
some per source in ``sources.yml`` (``download_delay``, ``max_pages``).
"""

BOT_NAME = "newsarchive"

# Who we are. The User-Agent is built from these unless USER_AGENT is set explicitly, so
# site owners can always find out who is crawling them and how to reach the operator.
NEWSARCHIVE_VERSION = "0.1.0"
NEWSARCHIVE_CONTACT_URL = "https://github.com/newsarchive/newsarchive#contact"

# Politeness: robots.txt, few parallel requests per host, adaptive delays.
ROBOTSTXT_OBEY = True
ROBOTSTXT_PARSER = "crawler.fetch.robotsparser.RobotParser"  # Protego; reads "Crawl-delay: 2,5" too
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 2
DOWNLOAD_DELAY = 1.0
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0
# The longest wait between requests to a host that its robots.txt (Crawl-delay, Request-rate) can
# set, in seconds; a host asking for more is crawled at this pace (Heritrix keeps 300 s too).
ROBOTS_DELAY_MAX = 300.0

# Limits that keep one bad page from stalling or bloating a crawl.
DOWNLOAD_TIMEOUT = 30
DOWNLOAD_MAXSIZE = 10 * 1024 * 1024
DOWNLOAD_WARNSIZE = 2 * 1024 * 1024
RETRY_TIMES = 2
# 429 and 503 are retried by RetryAfterMiddleware, which honours Retry-After.
RETRY_HTTP_CODES = [500, 502, 504, 522, 524, 408]
RETRY_AFTER_BACKOFF = 1.0
RETRY_AFTER_MAX = 120.0
# A safety net against link mazes; a source's max_depth is the real limit (hops from start_urls).
DEPTH_LIMIT = 12

# Host names resolve to private, loopback or link-local addresses only when the sources are on
# such addresses themselves (crawler.fetch.resolver.PublicAddressResolver).
TWISTED_DNS_RESOLVER = "crawler.fetch.resolver.PublicAddressResolver"
# Set by the crawl: the hosts its sources name.
NEWSARCHIVE_SOURCE_HOSTS = []

# Re-crawls: hubs are always fetched (conditionally); a stored article only when due.
INCREMENTAL_ENABLED = True
INCREMENTAL_REVISIT_AFTER = [3600, 6 * 3600, 24 * 3600, 7 * 24 * 3600]

# UrlPolicyMiddleware refuses what is not http(s) or not on the source's hosts; it comes before
# Scrapy's robots.txt middleware (100), so a refused host is not even asked for its robots.txt.
DOWNLOADER_MIDDLEWARES = {
    "crawler.fetch.middlewares.UrlPolicyMiddleware": 40,
    # Right after Scrapy's RobotsTxtMiddleware (100), which has read the host's robots.txt.
    "crawler.fetch.middlewares.RobotsDelayMiddleware": 110,
    "crawler.fetch.middlewares.RetryAfterMiddleware": 540,
    "crawler.fetch.middlewares.FetchStateMiddleware": 560,
    # Before Scrapy's RedirectMiddleware (600): sees a redirect before it is followed.
    "crawler.fetch.middlewares.ExpiredRedirectMiddleware": 650,
}
# Extraction processes: -1 = one per CPU core (the scheduler shares the cores among the crawls
# it runs at once), 0 = extract in the crawl process itself.
EXTRACT_WORKERS = -1
# Seconds one page's extraction may take before the page is given up (0: no limit). Ordinary
# pages take milliseconds; this bounds pages built to keep a parser busy.
EXTRACT_TIME_LIMIT = 20

SPIDER_MIDDLEWARES = {
    # Outermost (lowest number): it sees an exception whichever callback or middleware raised it.
    "crawler.fetch.spidermiddlewares.PageErrorsMiddleware": 10,
}
ITEM_PIPELINES = {
    "crawler.pipelines.ExtractPipeline": 300,
    "crawler.pipelines.ArchivePipeline": 800,
}
EXTENSIONS = {
    "crawler.extensions.CrawlRunRecorder": 100,
    "crawler.extensions.CrawlProgress": 200,
    "crawler.extensions.FetchErrorsInOneLine": 300,
    # Scrapy's consoles: its telnet console, and its remote control (an HTTP server that runs
    # code sent to it, on by default since Scrapy 2.19). A crawl is started by the CLI or the
    # scheduler and never attached to; each would open a port and load aiohttp for nothing
    # (switched off, they are not even imported: crawler.crawl.leave_out_switched_off).
    "scrapy.extensions.telnet.TelnetConsole": None,
    "scrapy.extensions.remote_control.RemoteControl": None,
}

LOG_LEVEL = "WARNING"
# A page or robots.txt that failed on the network (DNS, refused, timeout) is one line of the log,
# not a traceback (crawler.extensions.FetchErrorsInOneLine).
FETCH_ERRORS_ONE_LINE_ENABLED = True
# A live progress table on stderr; the CLI turns it on when stderr is a terminal.
NEWSARCHIVE_PROGRESS = False
NEWSARCHIVE_PROGRESS_INTERVAL = 0.5
# Set by the CLI: the archive file every crawl writes into.
NEWSARCHIVE_DB = None
# Keep the response of every new and changed article version in <archive>.pages.db, for
# re-extraction and WARC export.
NEWSARCHIVE_KEEP_RAW = True

# The dupe filter fingerprints canonical URLs (tracking, AMP and print variants fold into one).
REQUEST_FINGERPRINTER_CLASS = "crawler.fetch.fingerprint.CanonicalRequestFingerprinter"
# Link stored articles to the places and companies they mention (found in the extraction processes,
# linked in the same transaction as the article).
ENRICH_ENABLED = True
# Articles are stored by a writer thread, this many per transaction, at most this many seconds
# after they arrive, and at once when no other page is on its way (crawler.pipelines.BatchWriter):
# a commit per article slowed the crawl.
ARCHIVE_BATCH_SIZE = 50
ARCHIVE_BATCH_DELAY = 0.5
# Items processed in parallel per response. Scrapy starts this many asyncio tasks for every
# response, whatever it yields (scrapy/scrapy#5182): at the default of 100 that was a fifth of
# the crawl thread's time. A page yields one article at most; its links need no parallelism.
CONCURRENT_ITEMS = 4

# Distributed mode (`newsarchive worker`; crawler.distributed.distributed_settings sets these and
# the scrapy-redis scheduler and dupe filter). Off here: a crawl is one process and SQLite.
REDIS_URL = None
# Seconds between requests to one host over all workers (a worker takes it from the source's
# download_delay, and sets Scrapy's own DOWNLOAD_DELAY to 0).
REDIS_HOST_DELAY = 0
# The worker's name: its in-flight requests are kept under it, for a restart to take back.
NEWSARCHIVE_WORKER = None
