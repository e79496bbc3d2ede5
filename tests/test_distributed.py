"""Distributed crawls on a real redis-server: two workers, one archive writer, kills and restarts."""

import json
import pickle
import shutil
import signal
import subprocess
import sys
import threading
from collections import Counter

import pytest
import scrapy
import sqlite_utils
from redis import Redis
from scrapy.utils.test import get_crawler

from archive.storage.ingest import ArticlePage, FetchedResponse, IngestOptions
from archive.storage.queue import ITEMS_KEY, PROCESSING_KEY, decode_page, encode_page, next_batch, store_batch
from archive.storage.store import prepare_article
from archive.storage.rawstore import open_raw_store
from archive.storage.store import open_archive
from crawler.demo import demo_sources
from crawler.extraction.article import Article
from crawler.demosite import DemoSiteServer
from crawler.crawl import crawl_settings
from crawler.distributed import ReliableScheduler, crawl_request_key, distributed_settings, inflight_key
from crawler.fetch.spider import NewsSpider
from crawler.sources import Source
from tests.conftest import free_port, run_cli, running_server, write_sources
from tests.test_scheduler import scheduler


def start_worker(sources, redis_url, name, idle_exit=3, *args) -> subprocess.Popen:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "crawler",
            "worker",
            "--sources",
            sources,
            "--redis",
            redis_url,
            "--name",
            name,
            "--idle-exit",
            str(idle_exit),
            "--json",
            *args,
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def finish(worker: subprocess.Popen) -> dict:
    stdout, stderr = worker.communicate(timeout=300)
    assert worker.returncode == 0, stderr
    return json.loads(stdout)


def write(sources, redis_url, db_path, *args) -> dict:
    result = run_cli(
        "archive-writer", "--sources", sources, "--redis", redis_url, "--db", db_path, "--idle-exit", 1, "--json", *args
    )
    return json.loads(result.stdout)


def article_urls(db_path) -> list[str]:
    return [row["url"] for row in sqlite_utils.Database(db_path)["articles"].rows]


def test_two_workers_one_writer_archive_every_article_once(demo_site, demo_articles, redis_url, tmp_path):
    sources = write_sources(tmp_path / "sources.yml", demo_sources(demo_site.base_url))
    db_path = tmp_path / "archive.db"
    before = len(demo_site.requests)
    run_cli("enqueue", "--sources", sources, "--redis", redis_url)
    workers = [start_worker(sources, redis_url, name) for name in ("w1", "w2")]
    counts = [finish(worker)["rrw-demo"] for worker in workers]
    summary = write(sources, redis_url, db_path)

    urls = article_urls(db_path)
    assert len(urls) == len(set(urls)) == len(demo_articles)
    assert (summary["stored"], summary["new"]) == (len(demo_articles), len(demo_articles))
    assert sum(count["items_queued"] for count in counts) == len(demo_articles)
    # No URL fetched twice; robots.txt is read once by each worker process that fetched anything
    # (a worker whose partner drained the queue first may fetch nothing at all).
    fetched = Counter(path for _method, path, status in demo_site.requests[before:] if status == 200)
    robots_reads = fetched.pop("/robots.txt")
    assert robots_reads == sum(count["pages_fetched"] > 0 for count in counts)
    assert max(fetched.values()) == 1
    # Workers count their robots.txt among the pages they fetched.
    assert len(fetched) == sum(count["pages_fetched"] for count in counts) - robots_reads
    # Stored with the single-process logic: page state and raw responses too.
    db = sqlite_utils.Database(db_path)
    assert db["pages"].count == len(demo_articles)
    assert db["sources"].get("rrw-demo")["name"] == "Rhein-Ruhr Wirtschaft (demo)"
    server = Redis.from_url(redis_url)
    assert server.llen(ITEMS_KEY) == server.llen(PROCESSING_KEY) == 0
    assert not server.exists(inflight_key("news:rrw-demo", "w1"), inflight_key("news:rrw-demo", "w2"))

    # A second crawl request fetches the hubs again but no article the first crawl fetched.
    before = len(demo_site.requests)
    run_cli("enqueue", "--sources", sources, "--redis", redis_url)
    finish(start_worker(sources, redis_url, "w1", idle_exit=2))
    again = {path for _method, path, _status in demo_site.requests[before:]}
    assert "/feed.xml" in again and "/ruhr/" in again
    assert not again & {article.path for article in demo_articles}


class CreatesFile:
    """Unpickling this creates a file: proof that a payload ran."""

    def __init__(self, path):
        self.path = str(path)

    def __reduce__(self):
        return open, (self.path, "w")


def test_worker_drops_a_pickle_in_the_frontier_without_running_it(demo_site, demo_articles, redis_url, tmp_path):
    sources = write_sources(tmp_path / "sources.yml", demo_sources(demo_site.base_url))
    marker = tmp_path / "pickle-ran"
    server = Redis.from_url(redis_url)
    # First in the frontier (lowest score = highest priority), before the crawl even starts.
    server.zadd("newsarchive:news:rrw-demo:requests", {pickle.dumps(CreatesFile(marker), protocol=-1): -1000})
    run_cli("enqueue", "--sources", sources, "--redis", redis_url)
    worker = start_worker(sources, redis_url, "w1", 2, "--set", "EXTRACT_WORKERS=0")
    stdout, stderr = worker.communicate(timeout=300)
    assert worker.returncode == 0, stderr
    assert not marker.exists()
    assert (
        "Dropped an entry of newsarchive:news:rrw-demo:requests that is not a newsarchive request: "
        "a pickle, not JSON: refused"
    ) in stderr
    # ...and crawled on: every article was queued for the writer.
    assert json.loads(stdout)["rrw-demo"]["items_queued"] == len(demo_articles)
    # What the workers store in Redis themselves is JSON.
    assert server.zcard("newsarchive:news:rrw-demo:requests") == 0


@pytest.fixture
def password_redis_url(tmp_path_factory):
    """A redis-server on 127.0.0.1 that only answers clients giving its password."""
    port = free_port(0)
    command = [
        shutil.which("redis-server"),
        "--port",
        str(port),
        "--bind",
        "127.0.0.1",
        "--save",
        "",
        "--appendonly",
        "no",
        "--dir",
        str(tmp_path_factory.mktemp("redis")),
        "--daemonize",
        "no",
        "--requirepass",
        "s3cret-pass",
    ]
    with running_server(command, ready="Ready to accept connections"):
        yield f"redis://:s3cret-pass@127.0.0.1:{port}/0"


def test_redis_with_a_password_works_and_the_password_is_never_shown(
    demo_site, demo_articles, password_redis_url, tmp_path
):
    sources = write_sources(tmp_path / "sources.yml", demo_sources(demo_site.base_url))
    db_path = tmp_path / "archive.db"
    without_password = password_redis_url.replace(":s3cret-pass@", "")
    refused = run_cli("enqueue", "--sources", sources, "--redis", without_password, check=False)
    assert refused.returncode != 0
    outputs = [run_cli("enqueue", "--sources", sources, "--redis", password_redis_url)]
    worker = start_worker(sources, password_redis_url, "w1", 2, "--set", "EXTRACT_WORKERS=0", "--verbose")
    stdout, stderr = worker.communicate(timeout=300)
    assert worker.returncode == 0, stderr
    assert json.loads(stdout)["rrw-demo"]["items_queued"] == len(demo_articles)
    outputs.append(
        run_cli(
            "archive-writer",
            "--sources",
            sources,
            "--redis",
            password_redis_url,
            "--db",
            db_path,
            "--idle-exit",
            1,
            "--json",
        )
    )
    assert json.loads(outputs[-1].stdout)["new"] == len(demo_articles)
    wrong = run_cli(
        "enqueue", "--sources", sources, "--redis", password_redis_url.replace("s3cret-pass", "wrong-pass"), check=False
    )
    assert wrong.returncode != 0
    shown = stdout + stderr + "".join(result.stdout + result.stderr for result in [*outputs, wrong, refused])
    assert "s3cret-pass" not in shown and "wrong-pass" not in shown


def test_workers_keep_the_download_delay_per_host_between_them(redis_url, tmp_path):
    delay = 0.4
    with DemoSiteServer() as site:
        sources = write_sources(
            tmp_path / "sources.yml",
            {
                "sources": [
                    {"id": "koeln", "start_urls": [f"{site.base_url}/koeln/"], "max_depth": 1, "download_delay": delay}
                ]
            },
        )
        run_cli("enqueue", "--sources", sources, "--redis", redis_url)
        # Extraction in the crawl process: fewer processes on a small test machine.
        workers = [start_worker(sources, redis_url, name, 2, "--set", "EXTRACT_WORKERS=0") for name in ("w1", "w2")]
        counts = [finish(worker)["koeln"] for worker in workers]
        times = sorted(site.request_times)
    assert all(count["pages_fetched"] > 1 for count in counts), counts
    gaps = [later - earlier for earlier, later in zip(times, times[1:])]
    # Together the two workers wait the delay, give or take the scheduling of a request.
    assert len(times) > 5 and min(gaps) >= delay - 0.1


def test_killed_worker_restarted_loses_nothing_and_killed_writer_doubles_nothing(demo_articles, redis_url, tmp_path):
    with DemoSiteServer(response_delay=0.2) as site:
        sources = write_sources(tmp_path / "sources.yml", demo_sources(site.base_url))
        db_path = tmp_path / "archive.db"
        run_cli("enqueue", "--sources", sources, "--redis", redis_url)
        worker = start_worker(sources, redis_url, "w1", idle_exit=2)
        assert site.wait_for_requests(20)
        worker.send_signal(signal.SIGKILL)
        worker.communicate(timeout=60)
        server = Redis.from_url(redis_url)
        in_flight = server.hlen(inflight_key("news:rrw-demo", "w1"))
        assert in_flight > 0
        # Restarted under its name, the worker takes back what it had in flight.
        counts = finish(start_worker(sources, redis_url, "w1", idle_exit=2))["rrw-demo"]
        assert counts["requeued"] == in_flight

    # The killed worker may have queued a page before marking it finished: restarted, it
    # fetched that page again, and the page is queued twice (delivered at least once).
    queued = [decode_page(data).response.url for data in server.lrange(ITEMS_KEY, 0, -1)]
    twice = len(queued) - len(set(queued))
    # A writer that died mid-batch: it took 10 items and stored 3 before it was killed.
    batch = next_batch(server, 10, timeout=1)
    assert len(batch) == 10 and server.llen(PROCESSING_KEY) == 10
    with open_archive(db_path) as db, open_raw_store(db_path) as raw:
        store_batch(db, raw, batch[:3], IngestOptions(record_fetch=True))
    summary = write(sources, redis_url, db_path, "--batch-size", 7)
    assert summary["requeued"] == 10
    # Stored again: what the dead writer had stored, and each page's second copy.
    assert summary["unchanged"] == len({decode_page(data).response.url for data in batch[:3]}) + twice
    urls = article_urls(db_path)
    assert len(urls) == len(set(urls)) == len(demo_articles)
    assert summary["stored"] == summary["new"] + summary["unchanged"] + summary["updated"] + summary["duplicate"]
    assert server.llen(ITEMS_KEY) == server.llen(PROCESSING_KEY) == 0


def reliable_scheduler(redis_url: str, worker: str = "w1") -> ReliableScheduler:
    source = Source(id="koeln", start_urls=("https://koeln.example/wirtschaft/",), hosts=("koeln.example",))
    settings = distributed_settings(crawl_settings("unused.db"), redis_url, worker).copy_to_dict()
    settings["TWISTED_REACTOR_ENABLED"] = False  # the scheduler alone runs no event loop
    crawler = get_crawler(NewsSpider, settings)
    crawler.spider = NewsSpider.from_crawler(crawler, source)
    scheduler = ReliableScheduler.from_crawler(crawler)
    scheduler.open(crawler.spider)
    return scheduler


def test_the_scheduler_moves_a_request_between_frontier_and_in_flight_in_one_step(redis_url):
    scheduler = reliable_scheduler(redis_url)
    server, frontier = scheduler.server, scheduler.queue.key
    server.delete(frontier, scheduler.df.key)
    request = scrapy.Request("https://koeln.example/wirtschaft/hafen.html")
    assert scheduler.enqueue_request(request) is True
    # Seen and queued together: the second time it is seen and not queued again.
    assert scheduler.enqueue_request(request.replace()) is False
    assert server.scard(scheduler.df.key) == 1 and server.zcard(frontier) == 1
    # An entry that is no request of ours, first in line, is dropped from frontier and hash alike.
    server.zadd(frontier, {pickle.dumps({"url": "https://koeln.example/"}, protocol=-1): -1000})
    taken = scheduler.next_request()
    assert taken.url == request.url
    assert server.zcard(frontier) == 0
    assert server.hkeys(scheduler.inflight) == [taken.meta["inflight"].encode()]
    assert scheduler.next_request() is None
    # Marked finished, it leaves the hash; unfinished, a restarted worker puts it back.
    restarted = reliable_scheduler(redis_url)
    assert server.hlen(restarted.inflight) == 0 and server.zcard(frontier) == 1
    assert restarted.next_request().url == request.url


def watched(redis_url: str, observe, action) -> list:
    """What ``observe`` (given a transaction pipeline) reads from Redis, again and again, while
    ``action`` runs."""
    observations, done = [], threading.Event()

    def watch():
        reader = Redis.from_url(redis_url)
        while not done.is_set():
            observations.append(tuple(observe(reader.pipeline(transaction=True)).execute()))

    watcher = threading.Thread(target=watch)
    watcher.start()
    try:
        action()
    finally:
        done.set()
        watcher.join()
    return observations


def test_a_request_is_never_lost_between_two_redis_commands(redis_url):
    # A worker can be killed between any two Redis commands it sends. A reader watching the
    # keys never sees a link marked seen and not queued, nor a request taken and in neither the
    # frontier nor the worker's in-flight hash.
    scheduler = reliable_scheduler(redis_url, "w2")
    server, frontier, seen = scheduler.server, scheduler.queue.key, scheduler.df.key
    server.delete(frontier, seen)
    requests = [scrapy.Request(f"https://koeln.example/wirtschaft/{number}.html") for number in range(300)]
    queued = watched(
        redis_url,
        lambda pipeline: pipeline.scard(seen).zcard(frontier),
        lambda: [*map(scheduler.enqueue_request, requests)],
    )
    assert len(queued) > 10 and all(marked == waiting for marked, waiting in queued)

    def take_all():
        while scheduler.next_request() is not None:
            pass

    taken = watched(redis_url, lambda pipeline: pipeline.zcard(frontier).hlen(scheduler.inflight), take_all)
    assert len(taken) > 10 and {waiting + in_flight for waiting, in_flight in taken} == {300}


def test_writer_killed_while_storing_loses_nothing(demo_site, demo_articles, redis_url, tmp_path):
    sources = write_sources(tmp_path / "sources.yml", demo_sources(demo_site.base_url))
    db_path = tmp_path / "archive.db"
    run_cli("enqueue", "--sources", sources, "--redis", redis_url)
    finish(start_worker(sources, redis_url, "w1", idle_exit=2))
    server = Redis.from_url(redis_url)
    writer = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "crawler",
            "archive-writer",
            "--sources",
            sources,
            "--redis",
            redis_url,
            "--db",
            str(db_path),
            "--batch-size",
            "4",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    # Killed as soon as it has taken its first batch, before it could acknowledge everything.
    while server.llen(ITEMS_KEY) == len(demo_articles) and writer.poll() is None:
        pass
    writer.send_signal(signal.SIGKILL)
    writer.communicate(timeout=60)
    # Whatever it had taken and not acknowledged is still in its processing list.
    assert server.llen(ITEMS_KEY) < len(demo_articles)
    assert server.llen(ITEMS_KEY) + server.llen(PROCESSING_KEY) + len(article_urls(db_path)) >= len(demo_articles)
    write(sources, redis_url, db_path)
    urls = article_urls(db_path)
    assert len(urls) == len(set(urls)) == len(demo_articles)


def test_scheduler_queues_crawls_for_the_workers(demo_site, redis_url, tmp_path):
    db_path = tmp_path / "archive.db"
    sources = write_sources(
        tmp_path / "sources.yml",
        {
            "sources": [
                {"id": "english", "start_urls": [f"{demo_site.base_url}/english/"], "max_depth": 1, "download_delay": 0}
            ]
        },
    )
    before = len(demo_site.requests)
    with scheduler("--sources", sources, "--db", db_path, "--interval-seconds", 1, "--redis", redis_url) as running:
        running.wait_for(r"crawl english queued for the workers")
        # The request waits for a worker; the scheduler does not pile up more of them.
        running.wait_for(r"crawl english already queued for the workers")
        assert running.stop() == 0
    assert not any("crawl english started" in line for line in running.log)
    assert len(demo_site.requests) == before
    server = Redis.from_url(redis_url)
    assert server.llen(crawl_request_key("english")) == 1
    finish(start_worker(sources, redis_url, "w1", 2, "--set", "EXTRACT_WORKERS=0"))
    summary = write(sources, redis_url, db_path)
    assert summary["new"] >= 5


@pytest.mark.parametrize("command", ["worker", "archive-writer", "enqueue"])
def test_distributed_commands_need_redis(command, tmp_path):
    result = run_cli(command, check=False)
    assert result.returncode == 2 and "--redis" in result.stderr


def test_writer_batch_skips_broken_entries_and_stores_the_rest(tmp_path):
    db = open_archive(tmp_path / "archive.db")
    raw_db = open_raw_store(tmp_path / "archive.db")

    def page(article, **changes):
        response = FetchedResponse(
            article.url, 200, {"Content-Type": "text/html"}, b"<html></html>", "2026-11-20T08:00:00+00:00"
        )
        data = json.loads(encode_page(ArticlePage("koeln", response, prepare_article(article, find_entities=True))))
        for key, value in changes.items():
            data["prepared"]["article" if key == "url" else "values"][key] = value
        return json.dumps(data)

    good = Article(
        url="https://koeln.example/a.html", title="Hafen in Köln", text="Der Hafen wächst weiter.", language="de"
    )
    other = Article(url="https://koeln.example/b.html", title="Kaputt", text="kaputt")
    no_url = page(other, url=None)  # refused when read
    no_column = page(other, no_such_column=1)  # read, but its row cannot be written
    outcomes = store_batch(
        db,
        raw_db,
        [page(good), no_url, no_column, b"not json", b'{"source": "koeln"}'],
        IngestOptions(record_fetch=True),
    )
    assert outcomes == Counter(new=1, errors=4)
    assert [row["url"] for row in db["articles"].rows] == [good.url]
    assert [row["place_id"] for row in db["article_places"].rows] == ["koeln"]
    assert raw_db.execute("select count(*) from responses").fetchone()[0] == 1
