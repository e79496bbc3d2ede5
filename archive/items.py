"""What a crawl stores for one fetched article page, whichever process writes it.

An item is the dict the spider and ExtractPipeline build (``url``, ``source``, ``article``,
optionally ``prepared``, ``fetched_at``, ``status``, ``headers``, ``body``). The crawl's
writer thread (``crawler.pipelines.ArchivePipeline``) and the archive writer of distributed
crawls (``archive.queue.store_batch``) both store it with :func:`store_item`.
"""
from sqlite_utils import Database

from archive.pages import DEFAULT_REVISIT_AFTER, record_article_page
from archive.rawstore import store_response
from archive.store import Stored, content_hash, store_article


def store_item(db: Database, raw_db: Database | None, item: dict,
               revisit_after=DEFAULT_REVISIT_AFTER) -> Stored:
    """Store the item's article, mark its page as that article's, keep the raw response
    of a new or changed version (when ``raw_db`` is given)."""
    article = item["article"]
    stored = store_article(db, item.get("prepared") or article, source=item["source"],
                           seen_at=item["fetched_at"])
    record_article_page(db, item["url"], article_id=stored.article_id,
                        content_hash=content_hash(article["text"]), revisit_after=revisit_after)
    if raw_db is not None and stored.outcome != "unchanged":
        store_response(raw_db, url=item["url"], source=item["source"], fetched_at=item["fetched_at"],
                       status=item["status"], headers=item["headers"], body=item["body"])
    return stored
