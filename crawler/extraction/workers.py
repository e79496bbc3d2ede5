"""One process pool per crawl process, shared by its crawlers, for CPU-bound extraction.

Extraction (lxml + trafilatura) takes far longer than fetching a page; run on the Twisted
reactor's thread it would stall downloads, and in one process it would use one core.

Workers are forked from a fork server (``multiprocessing``'s "forkserver" start method): a
fresh, single-threaded interpreter that imports the extraction code and loads its models once
(:mod:`crawler.extraction.warmup`). Each worker starts warm, in milliseconds, and shares those read-only
pages with its siblings instead of loading its own copy. Forking the crawl process itself would
not be safe: it runs a reactor and threads.
"""

import os
import threading
import time
from concurrent.futures import ProcessPoolExecutor

from archive.storage.store import PreparedArticle, prepare_article
from crawler.extraction.forkserver import fork_server_context
from crawler.extraction.timelimit import time_budget


def extract_and_prepare(
    html: str | bytes,
    url: str,
    find_entities: bool,
    time_limit: float | None = None,
    listed_published: str | None = None,
) -> PreparedArticle | None:
    """All the CPU work on one page: extract it, then compute what storing it needs
    (``archive.storage.store.prepare_article``: search terms, near-duplicate signature, mentions),
    within ``time_limit`` seconds (:class:`~crawler.extraction.timelimit.ExtractionTooSlow` past it).
    ``listed_published`` (the date a feed or news sitemap gave) dates a page that prints none.

    What the pool's workers run: it lives here, beside the pool, so that unpickling it in a
    worker imports only what the fork server has loaded already, not the crawl's Scrapy side."""
    # Imported here: the crawl process that hands pages to workers never loads trafilatura
    # (the fork server has, for its workers: crawler.extraction.warmup).
    from crawler.extraction.extract import extract_article, with_listed_date

    with time_budget(time_limit):
        article = extract_article(html, url)
        if article is None:
            return None
        return prepare_article(with_listed_date(article, listed_published), find_entities=find_entities)


_pool: ProcessPoolExecutor | None = None
_users = 0
# Pipelines start the pool from a thread, so that the reactor is not held while it starts.
_lock = threading.Lock()


def acquire_pool(workers: int) -> ProcessPoolExecutor:
    """The process's extraction pool (created on first use with ``workers`` processes, all
    started at once so that they are ready when the first page arrives)."""
    global _pool, _users
    with _lock:
        if _pool is None:
            _pool = _new_pool(workers)
        _users += 1
        return _pool


def renew_pool(broken: ProcessPoolExecutor) -> ProcessPoolExecutor:
    """The pool to use instead of ``broken``, one of whose workers died: a new one with as
    many workers, made once however many of its users find it broken."""
    global _pool
    with _lock:
        if _pool is broken:
            broken.shutdown(wait=False, cancel_futures=True)
            _pool = _new_pool(broken._max_workers)
        return _pool


def _new_pool(workers: int) -> ProcessPoolExecutor:
    pool = ProcessPoolExecutor(
        max_workers=workers, mp_context=fork_server_context(), initializer=_start_worker, initargs=(os.getpid(),)
    )
    # The pool starts a process per task while none is idle: as many no-op tasks as workers
    # start them all now, while the crawl fetches its first hubs.
    for _ in range(workers):
        pool.submit(int)
    return pool


def release_pool() -> None:
    """Drop one user of the pool; the last one shuts it down."""
    global _pool, _users
    with _lock:
        _users -= 1
        if _users > 0 or _pool is None:
            return
        pool, _pool, _users = _pool, None, 0
    pool.shutdown(wait=True, cancel_futures=True)


def _start_worker(crawl_process: int) -> None:
    # A crawl killed with SIGKILL cannot shut its pool down; workers leave when it is gone.
    threading.Thread(target=_exit_with, args=(crawl_process, os.getppid()), daemon=True).start()


def _exit_with(crawl_process: int, fork_server: int) -> None:
    while os.getppid() == fork_server and _alive(crawl_process):
        time.sleep(1)
    os._exit(0)


def _alive(pid: int) -> bool:
    # A killed crawl stays a zombie until its own parent reaps it, and a parent may wait for
    # the crawl's output to end first, which these workers would hold open: a zombie is gone.
    try:
        with open(f"/proc/{pid}/stat", "rb") as stat:
            return stat.read().rpartition(b")")[2].split()[0] != b"Z"
    except FileNotFoundError:
        return False
    except OSError:  # no /proc: ask the kernel whether the process exists
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        except PermissionError:
            return True
        return True
