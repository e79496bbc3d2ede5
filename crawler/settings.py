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
CONCURRENT_REQUESTS = 16
CONCURRENT_REQUESTS_PER_DOMAIN = 2
DOWNLOAD_DELAY = 1.0
AUTOTHROTTLE_ENABLED = True
AUTOTHROTTLE_START_DELAY = 1.0
AUTOTHROTTLE_MAX_DELAY = 30.0
AUTOTHROTTLE_TARGET_CONCURRENCY = 1.0

# Limits that keep one bad page from stalling or bloating a crawl.
DOWNLOAD_TIMEOUT = 30
DOWNLOAD_MAXSIZE = 10 * 1024 * 1024
DOWNLOAD_WARNSIZE = 2 * 1024 * 1024
RETRY_TIMES = 2
# A safety net against link mazes; a source's max_depth is the real limit (hops from start_urls).
DEPTH_LIMIT = 12

ITEM_PIPELINES = {
    "crawler.pipelines.ExtractPipeline": 300,
    "crawler.pipelines.ArchivePipeline": 800,
    "crawler.pipelines.EnrichPipeline": 850,
}
EXTENSIONS = {
    "crawler.extensions.CrawlRunRecorder": 100,
    "scrapy.extensions.telnet.TelnetConsole": None,
}

LOG_LEVEL = "WARNING"
# Set by the CLI: the archive file every crawl writes into.
NEWSARCHIVE_DB = None

# Link stored articles to the places and companies they mention (crawler.pipelines.EnrichPipeline).
ENRICH_ENABLED = True
