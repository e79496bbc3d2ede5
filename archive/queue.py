"""The item queue of distributed crawls: workers push extracted items, one writer stores them.

Workers ``LPUSH`` JSON items onto ``newsarchive:items``. The archive writer moves a batch at a
time onto ``newsarchive:items:processing`` (``BLMOVE``), stores it in one transaction as a
single-process crawl does (``archive.items.store_item``, then enrichment) and only then
deletes the batch from the processing list. A writer killed mid-batch leaves the batch there;
the next writer moves it back first. Storing is idempotent per URL, so an item
delivered twice becomes ``unchanged`` the second time: nothing is lost and nothing doubled.
"""
import base64
import json
import logging
from collections import Counter

from archive.enrich import company_finder, enrich_article
from archive.items import store_item
from archive.lock import hold_lock
from archive.pages import DEFAULT_REVISIT_AFTER, record_fetch
from archive.rawstore import open_raw_store
from archive.rows import write_each
from archive.store import open_archive, save_sources

logger = logging.getLogger(__name__)

ITEMS_KEY = "newsarchive:items"
PROCESSING_KEY = "newsarchive:items:processing"
WRITER_LOCK = "archive-writer"


def encode_item(item: dict) -> str:
    """An extracted item as JSON (the raw body base64-encoded)."""
    fields = {key: item[key] for key in ("source", "url", "article", "fetched_at", "status", "headers")}
    fields["body"] = base64.b64encode(item.get("body") or b"").decode("ascii")
    return json.dumps(fields, ensure_ascii=False)


def decode_item(data: str | bytes) -> dict:
    item = json.loads(data)
    item["body"] = base64.b64decode(item["body"])
    return item


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


def store_batch(db, raw_db, batch: list, revisit_after=DEFAULT_REVISIT_AFTER, enrich: bool = True) -> Counter:
    """Store decoded items as ArchivePipeline and EnrichPipeline do, in one transaction; counts
    outcomes. A broken item is logged and skipped (``errors``), not retried forever."""

    def store_one(item):
        # Workers keep no fetch state; the writer records the fetch as FetchStateMiddleware does.
        headers = {name.lower(): value for name, value in item["headers"].items()}
        record_fetch(db, item["url"], source=item["source"], kind="page", status=item["status"],
                     fetched_at=item["fetched_at"], revisit_after=revisit_after, etag=headers.get("etag"),
                     last_modified=headers.get("last-modified"))
        stored = store_item(db, raw_db, item, revisit_after)
        if enrich:
            enrich_article(db, stored.article_id)
        return stored.outcome

    outcomes = Counter()
    others = (raw_db,) if raw_db is not None else ()
    for item, outcome in zip(batch, write_each(batch, store_one, db, *others)):
        if isinstance(outcome, Exception):
            logger.error("could not store %s: %r", item.get("url"), outcome)
            outcome = "errors"
        outcomes[outcome] += 1
    return outcomes


def drain(server, db_path: str, *, batch_size: int = 100, idle_exit: float = 0,
          sources: list[dict] | None = None, keep_raw: bool = True, enrich: bool = True,
          poll: float = 1.0) -> dict:
    """Store queued items into the archive at ``db_path`` until idle for ``idle_exit`` seconds.

    ``idle_exit`` 0 runs until killed. Returns ``{"stored": n, "batches": n, "requeued": n,
    "new": n, "updated": n, "unchanged": n, "duplicate": n, "errors": n}`` (``errors``: items
    that could not be stored, logged and skipped). Holds the archive's
    ``archive-writer`` lock: one writer per archive (raises ``archive.lock.LockHeld``).
    """
    totals = Counter()
    with hold_lock(db_path, WRITER_LOCK), open_archive(db_path) as db:
        if sources:
            save_sources(db, sources)
        raw_db = open_raw_store(db_path) if keep_raw else None
        if enrich:
            company_finder()
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
                totals.update(store_batch(db, raw_db, [decode_item(data) for data in batch],
                                          enrich=enrich))
                # Acknowledge only now that the batch is committed (one writer: the list is ours).
                server.delete(PROCESSING_KEY)
                totals["stored"] += len(batch)
                totals["batches"] += 1
                logger.info("stored a batch of %d items", len(batch))
        finally:
            if raw_db is not None:
                raw_db.close()
    return {key: totals.get(key, 0) for key in
            ("stored", "batches", "requeued", "new", "updated", "unchanged", "duplicate", "errors")}
