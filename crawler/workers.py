"""One process pool per crawl process, shared by its crawlers, for CPU-bound extraction.

Extraction (lxml + trafilatura) takes far longer than fetching a page; run on the Twisted
reactor's thread it would stall downloads, and in one process it would use one core.
"""
import multiprocessing
import os
import threading
import time
from concurrent.futures import ProcessPoolExecutor

_pool: ProcessPoolExecutor | None = None
_users = 0


def acquire_pool(workers: int) -> ProcessPoolExecutor:
    """The process's extraction pool (created on first use with ``workers`` processes)."""
    global _pool, _users
    if _pool is None:
        # "spawn": forking a process that runs a reactor and threads is not safe.
        _pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"),
                                    initializer=_start_worker, initargs=(os.getpid(),))
    _users += 1
    return _pool


def release_pool() -> None:
    """Drop one user of the pool; the last one shuts it down."""
    global _pool, _users
    _users -= 1
    if _users <= 0 and _pool is not None:
        _pool.shutdown(wait=True, cancel_futures=True)
        _pool, _users = None, 0


def _start_worker(parent: int) -> None:
    # A crawl killed with SIGKILL cannot shut its pool down; workers leave when it is gone.
    threading.Thread(target=_exit_with_parent, args=(parent,), daemon=True).start()
    # Import the heavy modules and load the word list once per worker, not on the first page.
    import crawler.extract  # noqa: F401
    from archive.enrich import company_finder
    from archive.search import german_vocabulary
    german_vocabulary()
    company_finder()


def _exit_with_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(1)
    os._exit(0)
