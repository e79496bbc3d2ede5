"""The extraction workers' fork server, which a crawl may start before it has a page to extract.

Kept apart from :mod:`crawler.extraction.workers` so that starting it imports nothing heavy: the
server loads the extraction code (:mod:`crawler.extraction.warmup`) in a process of its own, on
another core, while the crawl process goes on importing and starting Scrapy.
"""

import multiprocessing
from multiprocessing import forkserver
from pathlib import Path

PRELOAD = ["crawler.extraction.warmup"]


def fork_server_context() -> multiprocessing.context.ForkServerContext:
    """The ``forkserver`` context whose server preloads :data:`PRELOAD`."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(PRELOAD)
    return context


def start_fork_server() -> None:
    """Start the fork server now and return at once; the extraction pool forks its workers from it.

    The server's warm-up runs meanwhile; the first worker forked waits for it to end.
    """
    fork_server_context()
    forkserver.ensure_running()


def start_for_new_archive(db_path: str, overrides: dict[str, str]) -> None:
    """Start the fork server now when the crawl goes into a new archive, unless ``overrides``
    (``--set`` values) turn the workers off (``EXTRACT_WORKERS=0``).

    A crawl into a new archive extracts every page it fetches, so its workers' code loads on
    another core while Scrapy starts. A re-crawl, which may find nothing new, starts the
    server with its first page to extract, so that an unchanged site costs no warm-up.
    """
    if not Path(db_path).exists() and str(overrides.get("EXTRACT_WORKERS", "")).strip() != "0":
        start_fork_server()
