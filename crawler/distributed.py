"""Distributed crawls: any number of workers share one frontier and one dupe filter in Redis.

Built on scrapy-redis: its scheduler keeps each source's requests in
``newsarchive:news:<source>:requests`` and its dupe filter the fingerprints (our canonical-URL
fingerprints) in ``newsarchive:news:<source>:dupefilter``, so no URL is fetched twice, whichever
worker finds it. A crawl starts when a crawl request (``{"source": id}``) is pushed onto
``newsarchive:crawl:<source>`` (:func:`enqueue_crawls`); the idle worker that pops it seeds the
source's feeds, sitemaps and start URLs. Workers push extracted items onto a Redis list
(:class:`RedisItemQueuePipeline`); one archive writer stores them (``archive.storage.queue.drain``).

Workers have no archive, so incremental fetch state (conditional GETs, revisits) is off in
them: the persistent Redis dupe filter is their memory. Hubs (feeds, sitemaps, start URLs)
are fetched in full on every crawl request; an article URL is fetched once per deployment
(clear the dupe filter key to fetch everything again).
"""

import json
import time
import warnings
from urllib.parse import urlsplit

from redis import Redis
from scrapy import signals
from scrapy.exceptions import DontCloseSpider, NotConfigured, ScrapyDeprecationWarning
from scrapy.settings import Settings
from scrapy.utils.defer import maybe_deferred_to_future
from scrapy_redis.dupefilter import RFPDupeFilter
from scrapy_redis.scheduler import Scheduler
from scrapy_redis.spiders import RedisMixin
from twisted.internet import task

from archive.storage.queue import ITEMS_KEY, encode_page
from crawler.crawl import crawl_settings, run_crawlers, source_settings
from crawler.items import PageItem
from crawler.fetch.middlewares import ROBOTS_DELAY_META
from crawler.fetch.redis_json import RequestRefused
from crawler.sources import Source
from crawler.fetch.spider import NewsSpider
from crawler import stats as keys

KEY_PREFIX = "newsarchive"

# scrapy-redis 0.9.1 still passes the spider to the stats collector (deprecated since Scrapy 2.14).
warnings.filterwarnings("ignore", category=ScrapyDeprecationWarning, module="scrapy_redis")


def crawl_request_key(source_id: str) -> str:
    """The list a worker pops crawl requests for ``source_id`` from."""
    return f"{KEY_PREFIX}:crawl:news:{source_id}"


def inflight_key(spider_name: str, worker: str) -> str:
    """The hash of requests ``worker`` has taken from the frontier and not finished."""
    return f"{KEY_PREFIX}:{spider_name}:inflight:{worker}"


def enqueue_crawls(redis_url: str, source_ids: list[str]) -> int:
    """Ask the workers to crawl each of ``source_ids`` once; returns how many were queued."""
    server = Redis.from_url(redis_url)
    requested_at = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    for source_id in source_ids:
        server.lpush(crawl_request_key(source_id), json.dumps({"source": source_id, "requested_at": requested_at}))
    return len(source_ids)


def pending_crawl_requests(redis_url: str, source_id: str) -> int:
    """Crawl requests for ``source_id`` that no worker has taken yet."""
    return Redis.from_url(redis_url).llen(crawl_request_key(source_id))


def distributed_settings(settings: Settings, redis_url: str, worker: str, idle_exit: int = 0) -> Settings:
    """``settings`` switched to a Redis frontier, Redis politeness and the Redis item queue."""
    settings = settings.copy()
    values = {
        "REDIS_URL": redis_url,
        "SCHEDULER": "crawler.distributed.ReliableScheduler",
        "DUPEFILTER_CLASS": "crawler.distributed.CanonicalRedisDupeFilter",
        "SCHEDULER_PERSIST": True,
        # JSON, not scrapy-redis's default pickle: whoever can write to Redis must not be able
        # to run code in the workers.
        "SCHEDULER_SERIALIZER": "crawler.fetch.redis_json",
        "SCHEDULER_QUEUE_KEY": f"{KEY_PREFIX}:%(spider)s:requests",
        "SCHEDULER_DUPEFILTER_KEY": f"{KEY_PREFIX}:%(spider)s:dupefilter",
        # Never block the reactor waiting on Redis; idle spiders poll instead.
        "SCHEDULER_IDLE_BEFORE_CLOSE": 0,
        "MAX_IDLE_TIME_BEFORE_CLOSE": idle_exit,
        "NEWSARCHIVE_WORKER": worker,
        # No archive here: the writer stores, enriches and records fetches.
        "NEWSARCHIVE_DB": None,
        "INCREMENTAL_ENABLED": False,
    }
    for name, value in values.items():
        settings.set(name, value, priority="project")
    # A worker takes from the shared frontier only what it may fetch at once; more would sit
    # in its own download queue while other workers have nothing to do.
    settings.set("CONCURRENT_REQUESTS", settings.getint("CONCURRENT_REQUESTS_PER_DOMAIN"), priority="project")
    pipelines = settings.getdict("ITEM_PIPELINES")
    pipelines.update({"crawler.pipelines.ArchivePipeline": None, "crawler.distributed.RedisItemQueuePipeline": 800})
    settings.set("ITEM_PIPELINES", pipelines, priority="project")
    middlewares = settings.getdict("DOWNLOADER_MIDDLEWARES")
    middlewares["crawler.distributed.RedisHostDelayMiddleware"] = 950
    settings.set("DOWNLOADER_MIDDLEWARES", middlewares, priority="project")
    extensions = settings.getdict("EXTENSIONS")
    extensions["crawler.extensions.CrawlRunRecorder"] = None
    settings.set("EXTENSIONS", extensions, priority="project")
    spider_middlewares = settings.getdict("SPIDER_MIDDLEWARES")
    spider_middlewares["crawler.distributed.InflightMiddleware"] = 10
    settings.set("SPIDER_MIDDLEWARES", spider_middlewares, priority="project")
    return settings


def run_worker(
    sources: list[Source], redis_url: str, worker: str, idle_exit: int = 0, overrides: dict | None = None
) -> dict:
    """Crawl ``sources`` whenever a crawl request arrives; returns per-source stats at exit.

    ``idle_exit`` 0 runs until stopped; otherwise the worker exits after that many idle seconds.
    """
    settings = distributed_settings(crawl_settings("", overrides), redis_url, worker, idle_exit)
    crawlers = run_crawlers(settings, DistributedNewsSpider, sources, worker_settings)
    return {
        crawler.spider.source.id: {
            "pages_fetched": crawler.stats.get_value("downloader/response_count", 0),
            "items_queued": crawler.stats.get_value(keys.ITEMS_QUEUED, 0),
            "requeued": crawler.stats.get_value(keys.REQUEUED, 0),
        }
        for crawler in crawlers
    }


def worker_settings(settings: Settings, source: Source) -> Settings:
    """The source's settings in a worker: its delay kept in Redis for all workers together.

    Scrapy's own per-host delay (and AutoThrottle, which adapts it) would act after the Redis
    wait, so two workers could send at once; in workers the Redis wait is the only delay.
    """
    settings = source_settings(settings, source)
    settings.set("REDIS_HOST_DELAY", settings.getfloat("DOWNLOAD_DELAY"), priority=100)
    settings.set("DOWNLOAD_DELAY", 0, priority=100)
    settings.set("AUTOTHROTTLE_ENABLED", False, priority=100)
    return settings


class DistributedNewsSpider(RedisMixin, NewsSpider):
    """:class:`NewsSpider` that starts a crawl for each crawl request in Redis."""

    @classmethod
    def from_crawler(cls, crawler, *args, **kwargs):
        spider = super().from_crawler(crawler, *args, **kwargs)
        spider.redis_key = crawl_request_key(spider.source.id)
        spider.redis_batch_size = 1
        spider.idle_since = None
        spider.setup_redis(crawler)
        crawler.signals.connect(spider.busy, signal=signals.response_received)
        return spider

    def busy(self, **kwargs):
        self.idle_since = None

    def spider_idle(self):
        """Take the next crawl request; exit after ``MAX_IDLE_TIME_BEFORE_CLOSE`` idle seconds."""
        now = time.monotonic()
        if self.idle_since is None or self.count_size(self.redis_key) > 0:
            self.idle_since = now
        self.schedule_next_requests()
        if self.max_idle_time and now - self.idle_since >= self.max_idle_time:
            return
        raise DontCloseSpider

    async def start(self):
        for request in self.next_requests():
            yield request

    def make_request_from_data(self, data):
        self.logger.info("Crawl request for %s: %s", self.source.id, data)
        requests = list(self.seed_requests())
        # Start URLs were seen by the last crawl; forget them so this crawl fetches them again.
        key = self.crawler.settings.get("SCHEDULER_DUPEFILTER_KEY") % {"spider": self.name}
        fingerprinter = self.crawler.request_fingerprinter
        self.server.srem(key, *(fingerprinter.fingerprint(request).hex() for request in requests))
        return requests


# A request's entry moves between the shared frontier and a worker's in-flight hash in one Redis
# step: a worker killed between two separate commands would lose it. Taking the next request:
# the frontier's first entry (scrapy-redis's priority queue, a sorted set) into the hash, under
# the entry's SHA-1.
TAKE_INTO_INFLIGHT = """
local entry = redis.call('ZRANGE', KEYS[1], 0, 0)[1]
if not entry then return false end
redis.call('ZREMRANGEBYRANK', KEYS[1], 0, 0)
local id = redis.sha1hex(entry)
redis.call('HSET', KEYS[2], id, entry)
return {id, entry}
"""
# Scheduling a request: its fingerprint into the dupe filter's set and the request into the
# frontier, both or neither; a link marked seen but never queued would never be fetched.
ENQUEUE_UNSEEN = """
if redis.call('SADD', KEYS[1], ARGV[1]) == 0 then return 0 end
redis.call('ZADD', KEYS[2], ARGV[2], ARGV[3])
return 1
"""


class ReliableScheduler(Scheduler):
    """scrapy-redis's scheduler, remembering what this worker took until it is finished.

    Every request taken from the shared frontier is moved into this worker's in-flight hash
    (:func:`inflight_key`) in the same Redis step (:data:`TAKE_INTO_INFLIGHT`);
    :class:`InflightMiddleware` removes it once the page's items are queued. A worker restarted
    under the same ``NEWSARCHIVE_WORKER`` name puts what its killed predecessor left there back
    into the frontier (stat ``newsarchive/requeued``). A new request is marked seen and queued
    in one step too (:data:`ENQUEUE_UNSEEN`).

    Requests are JSON (:mod:`crawler.fetch.redis_json`); an entry that is not (say, a pickle someone
    pushed) is logged, counted (stat ``newsarchive/refused_requests``) and dropped, never run.
    """

    @classmethod
    def from_crawler(cls, crawler):
        scheduler = super().from_crawler(crawler)
        scheduler.worker = crawler.settings.get("NEWSARCHIVE_WORKER") or "worker"
        return scheduler

    def open(self, spider):
        super().open(spider)
        self.inflight = inflight_key(spider.name, self.worker)
        self.take_into_inflight = self.server.register_script(TAKE_INTO_INFLIGHT)
        self.enqueue_unseen = self.server.register_script(ENQUEUE_UNSEEN)
        requeued = 0
        for encoded in self.server.hvals(self.inflight):
            if request := self.decoded(encoded, self.inflight):
                self.queue.push(request)
                requeued += 1
        self.server.delete(self.inflight)
        if requeued:
            spider.logger.warning("Requeued %d unfinished requests of worker %s", requeued, self.worker)
            self.stats.inc_value(keys.REQUEUED, requeued)

    def decoded(self, encoded: bytes, key: str):
        """The request in ``encoded``, or None (logged) when it is not one of our JSON requests."""
        try:
            return self.queue._decode_request(encoded)
        except RequestRefused as error:
            self.refused(key, error)
            return None

    def refused(self, key: str, error: RequestRefused) -> None:
        self.spider.logger.error("Dropped an entry of %s that is not a newsarchive request: %s", key, error)
        self.stats.inc_value(keys.REFUSED_REQUESTS)

    def enqueue_request(self, request):
        if request.dont_filter:
            return super().enqueue_request(request)
        queued = self.enqueue_unseen(
            keys=[self.df.key, self.queue.key],
            args=[self.df.request_fingerprint(request), -request.priority, self.queue._encode_request(request)],
        )
        if not queued:
            self.df.log(request, self.spider)
            return False
        self.stats.inc_value("scheduler/enqueued/redis")
        return True

    def next_request(self):
        # An entry that does not decode is gone from the frontier and the hash: try the next.
        while taken := self.take_into_inflight(keys=[self.queue.key, self.inflight]):
            entry_id, encoded = taken
            if request := self.decoded(encoded, self.queue.key):
                request.meta["inflight"] = entry_id.decode()
                self.stats.inc_value("scheduler/dequeued/redis")
                return request
            self.server.hdel(self.inflight, entry_id)
        return None


class InflightMiddleware:
    """Spider middleware: mark a request finished once its page's output is handled.

    A page that yields an item is finished when the item has left the pipelines (queued or
    dropped); any other page when the spider has gone through it. On a normal close the
    worker's in-flight hash is emptied (download errors never reach the spider).
    """

    def __init__(self, crawler, server, worker: str):
        self.crawler = crawler
        self.server = server
        self.worker = worker

    @classmethod
    def from_crawler(cls, crawler):
        redis_url = crawler.settings.get("REDIS_URL")
        if not redis_url:
            raise NotConfigured("REDIS_URL is not set")
        middleware = cls(crawler, Redis.from_url(redis_url), crawler.settings.get("NEWSARCHIVE_WORKER"))
        for signal in (signals.item_scraped, signals.item_dropped, signals.item_error):
            crawler.signals.connect(middleware.item_done, signal=signal)
        crawler.signals.connect(middleware.spider_closed, signal=signals.spider_closed)
        return middleware

    async def process_spider_output(self, response, result):
        fingerprint = response.request.meta.get("inflight") if response.request else None
        carried = False
        async for output in result:
            if fingerprint and isinstance(output, PageItem):
                output.inflight = fingerprint
                carried = True
            yield output
        if fingerprint and not carried:
            self.done(fingerprint)

    def process_spider_exception(self, response, exception):
        if fingerprint := response.request.meta.get("inflight") if response.request else None:
            self.done(fingerprint)

    def item_done(self, item, **kwargs):
        if isinstance(item, PageItem) and item.inflight:
            self.done(item.inflight)

    def spider_closed(self, spider, reason):
        if reason == "finished":
            self.server.delete(inflight_key(spider.name, self.worker))

    def done(self, fingerprint: str) -> None:
        self.server.hdel(inflight_key(self.crawler.spider.name, self.worker), fingerprint)


class CanonicalRedisDupeFilter(RFPDupeFilter):
    """scrapy-redis's dupe filter with our fingerprints (``REQUEST_FINGERPRINTER_CLASS``)."""

    @classmethod
    def from_spider(cls, spider):
        dupefilter = super().from_spider(spider)
        dupefilter.fingerprinter = spider.crawler.request_fingerprinter
        return dupefilter

    def request_fingerprint(self, request):
        return self.fingerprinter.fingerprint(request).hex()


class RedisItemQueuePipeline:
    """Push prepared pages onto ``newsarchive:items`` for the archive writer, as JSON
    (``archive.storage.queue.encode_page``): the writer stores them as they are, without recomputing.

        Settings: ``REDIS_URL``. Stat: ``newsarchive/items_queued``.
    """

    def __init__(self, server, stats):
        self.server = server
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler):
        redis_url = crawler.settings.get("REDIS_URL")
        if not redis_url:
            raise NotConfigured("REDIS_URL is not set")
        return cls(Redis.from_url(redis_url), crawler.stats)

    def process_item(self, item):
        self.server.lpush(ITEMS_KEY, encode_page(item.article_page()))
        self.stats.inc_value(keys.ITEMS_QUEUED)
        return item


class RedisHostDelayMiddleware:
    """Keep a delay between requests to a host across all workers.

    Before each request, waits until it can ``SET newsarchive:host:<host> NX PX <delay>``:
    whoever sets the key may fetch, everyone else waits for it to expire. So N workers
    together send a host no more than one request per delay. Settings: ``REDIS_URL``,
    ``REDIS_HOST_DELAY`` (seconds; a worker sets it from the source's ``DOWNLOAD_DELAY``;
    a host's robots.txt may ask for more; 0 and no robots delay: no wait). Stat: ``newsarchive/host_delay_waits``.
    """

    def __init__(self, crawler, server, delay: float):
        self.crawler = crawler
        self.server = server
        self.delay_ms = int(delay * 1000)

    @classmethod
    def from_crawler(cls, crawler):
        settings = crawler.settings
        if not settings.get("REDIS_URL"):
            raise NotConfigured
        return cls(crawler, Redis.from_url(settings["REDIS_URL"]), settings.getfloat("REDIS_HOST_DELAY"))

    async def process_request(self, request):
        from twisted.internet import reactor

        key = f"{KEY_PREFIX}:host:{urlsplit(request.url).netloc}"
        # The host's robots.txt may ask for more (crawler.fetch.middlewares.RobotsDelayMiddleware).
        delay_ms = max(self.delay_ms, int(request.meta.get(ROBOTS_DELAY_META, 0) * 1000))
        if delay_ms <= 0:
            return None
        while not self.server.set(key, 1, nx=True, px=delay_ms):
            self.crawler.stats.inc_value(keys.HOST_DELAY_WAITS)
            wait = max(self.server.pttl(key), 5) / 1000
            await maybe_deferred_to_future(task.deferLater(reactor, wait, lambda: None))
        return None
