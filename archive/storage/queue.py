"""The page queue of distributed crawls: workers push prepared pages, one writer stores them.

Workers ``LPUSH`` each page they extracted and prepared (``archive.storage.ingest.ArticlePage``, as
JSON: search terms, near-duplicate sketch and mentions included, so the writer recomputes
nothing) onto ``newsarchive:items``. The archive writer moves a batch at a time onto
``newsarchive:items:processing`` (``BLMOVE``), stores it in one transaction as a
single-process crawl does (``archive.storage.ingest.ingest_batch``) and only then deletes the batch
from the processing list. A writer killed mid-batch leaves the batch there;
the next writer moves it back first. Storing is idempotent per URL, so an item
delivered twice becomes ``unchanged`` the second time: nothing is lost and nothing doubled.
"""

import json
import logging
from collections import Counter

from archive.storage.ingest import ArticlePage, IngestOptions, ingest_batch
from archive.storage.lock import hold_lock
from archive.storage.pages import DEFAULT_REVISIT_AFTER
from archive.storage.rawstore import open_raw_store
from archive.storage.store import open_archive, save_sources

logger = logging.getLogger(__name__)

ITEMS_KEY = "newsarchive:items"
PROCESSING_KEY = "newsarchive:items:processing"
WRITER_LOCK = "archive-writer"


def encode_page(page: ArticlePage) -> str:
    """A prepared page as JSON (the raw body and the MinHash signature base64-encoded)."""
    return json.dumps(page.as_json(), ensure_ascii=False)


def decode_page(data: str | bytes) -> ArticlePage:
    """The page :func:`encode_page` wrote; raises ``ValueError`` (or ``KeyError``, ``TypeError``)
    for anything else."""
    return ArticlePage.from_json(json.loads(data))


def requeue_unfinished(server) -> int:
    """Move the batch a dead writer left in the processing list back onto the queue."""
    moved = 0
    while server.lmove(PROCESSING_KEY, ITEMS_KEY, "RIGHT", "RIGHT") is not None:
        moved += 1
    return moved


def next_batch(server, batch_size: int, timeout: float) -> list:
    """Up to ``batch_size`` items moved onto the processing list; waits ``timeout`` s for one."""
    first = server.blmove(ITEMS_KEY, PROCESSING_KEY, timeout, "RIGHT", "LEFT")
    if first is None:
        return []
    batch = [first]
    while len(batch) < batch_size:
        data = server.lmove(ITEMS_KEY, PROCESSING_KEY, "RIGHT", "LEFT")
        if data is None:
            break
        batch.append(data)
    return batch


def store_batch(db, raw_db, batch: list, options: IngestOptions) -> Counter:
    """Store a batch of queued pages (JSON) in one transaction, as a crawl's ArchivePipeline
    does; counts outcomes. An entry that cannot be read or stored is logged and skipped
    (``errors``), not retried forever."""
    pages, outcomes = [], Counter()
    for data in batch:
        try:
            pages.append(decode_page(data))
        except (ValueError, KeyError, TypeError, AttributeError) as error:
            logger.error("could not read a queued page: %r", error)
            outcomes["errors"] += 1
    for page, stored in zip(pages, ingest_batch(db, raw_db, pages, options)):
        if isinstance(stored, Exception):
            logger.error("could not store %s: %r", page.response.url, stored)
            outcomes["errors"] += 1
        else:
            outcomes[stored.outcome] += 1
    return outcomes


def drain(
    server,
    db_path: str,
    *,
    batch_size: int = 100,
    idle_exit: float = 0,
    sources: list[dict] | None = None,
    keep_raw: bool = True,
    enrich: bool = True,
    revisit_after: tuple[int, ...] = DEFAULT_REVISIT_AFTER,
    poll: float = 1.0,
) -> dict:
    """Store queued items into the archive at ``db_path`` until idle for ``idle_exit`` seconds.

    ``idle_exit`` 0 runs until killed. Returns ``{"stored": n, "batches": n, "requeued": n,
    "new": n, "updated": n, "unchanged": n, "duplicate": n, "errors": n}`` (``errors``: items
    that could not be stored, logged and skipped). Holds the archive's
    ``archive-writer`` lock: one writer per archive (raises ``archive.storage.lock.LockHeld``).
    """
    totals = Counter()
    with hold_lock(db_path, WRITER_LOCK), open_archive(db_path) as db:
        if sources:
            save_sources(db, sources)
        raw_db = open_raw_store(db_path) if keep_raw else None
        options = IngestOptions(revisit_after=revisit_after, record_fetch=True, link_entities=enrich)
        try:
            totals["requeued"] = requeue_unfinished(server)
            idle = 0.0
            while True:
                batch = next_batch(server, batch_size, poll)
                if not batch:
                    idle += poll
                    if idle_exit and idle >= idle_exit:
                        break
                    continue
                idle = 0.0
                totals.update(store_batch(db, raw_db, batch, options))
                # Acknowledge only now that the batch is committed (one writer: the list is ours).
                server.delete(PROCESSING_KEY)
                totals["stored"] += len(batch)
                totals["batches"] += 1
                logger.info("stored a batch of %d items", len(batch))
        finally:
            if raw_db is not None:
                raw_db.close()
    return {
        key: totals.get(key, 0)
        for key in ("stored", "batches", "requeued", "new", "updated", "unchanged", "duplicate", "errors")
    }
