"""Store one fetched article page, whichever process wrote it: the one way into the archive.

A crawl's writer thread (``crawler.pipelines.ArchivePipeline``) and the archive writer of
distributed crawls (``archive.storage.queue``) both hand :func:`ingest_batch` the same
:class:`ArticlePage`: the response as fetched and the article prepared from it
(``archive.storage.store.prepare_article``: columns, search terms, near-duplicate sketch, mentions).
Everything one page changes in the archive (fetch state, article row, dedup index, version,
page state, places and companies) is written in one transaction; the raw response goes to the
raw store (``<archive>.pages.db``) in a transaction of its own, committed together.
"""

import base64
from dataclasses import dataclass, field

from sqlite_utils import Database

from archive.indexing.enrich import link_mentions
from archive.storage.pages import DEFAULT_REVISIT_AFTER, record_article_page, record_fetch
from archive.storage.rawstore import store_response
from archive.storage.rows import write_each
from archive.storage.store import PreparedArticle, article_mentions, store_article


@dataclass
class FetchedResponse:
    """An HTTP response as fetched: what the raw store keeps and the fetch state records."""

    url: str
    status: int
    headers: dict[str, str]  # one value per header name, as text
    body: bytes
    fetched_at: str  # ISO 8601 UTC

    def as_json(self) -> dict:
        return {
            "url": self.url,
            "status": self.status,
            "headers": self.headers,
            "body": base64.b64encode(self.body).decode("ascii"),
            "fetched_at": self.fetched_at,
        }

    @classmethod
    def from_json(cls, data: dict) -> "FetchedResponse":
        return cls(
            str(data["url"]),
            int(data["status"]),
            {str(name): str(value) for name, value in data["headers"].items()},
            base64.b64decode(data["body"]),
            str(data["fetched_at"]),
        )


@dataclass
class ArticlePage:
    """A fetched page of ``source`` and the article prepared from it: what is stored."""

    source: str
    response: FetchedResponse
    prepared: PreparedArticle

    def as_json(self) -> dict:
        return {"source": self.source, "response": self.response.as_json(), "prepared": self.prepared.as_json()}

    @classmethod
    def from_json(cls, data: dict) -> "ArticlePage":
        return cls(
            str(data["source"]),
            FetchedResponse.from_json(data["response"]),
            PreparedArticle.from_json(data["prepared"]),
        )


@dataclass
class StoreOutcome:
    """What storing a page did: ``outcome`` (new, duplicate, updated, unchanged), the article's
    id, and how many places and companies it was linked to (``None`` when not enriched)."""

    outcome: str
    article_id: int
    links: dict[str, int] | None = field(default=None)


@dataclass
class IngestOptions:
    """How pages are stored. ``revisit_after``: when to fetch a stored article again
    (``INCREMENTAL_REVISIT_AFTER``); ``record_fetch``: also record the fetch in the fetch state
    (a crawl process does it as responses arrive; distributed workers keep none, so their
    writer does); ``link_entities``: link new and changed articles to the places and companies
    they name (found while preparing, or here when the page comes without them)."""

    revisit_after: tuple[int, ...] = DEFAULT_REVISIT_AFTER
    record_fetch: bool = False
    link_entities: bool = True


def ingest(db: Database, raw_db: Database | None, page: ArticlePage, options: IngestOptions) -> StoreOutcome:
    """Store one page, inside the caller's transaction (see :func:`ingest_batch`)."""
    response = page.response
    if options.record_fetch:
        headers = {name.lower(): value for name, value in response.headers.items()}
        record_fetch(
            db,
            response.url,
            source=page.source,
            kind="page",
            status=response.status,
            fetched_at=response.fetched_at,
            revisit_after=options.revisit_after,
            etag=headers.get("etag"),
            last_modified=headers.get("last-modified"),
        )
    stored = store_article(db, page.prepared, source=page.source, seen_at=response.fetched_at)
    record_article_page(
        db,
        response.url,
        article_id=stored.article_id,
        content_hash=page.prepared.values["content_hash"],
        revisit_after=options.revisit_after,
    )
    if raw_db is not None and stored.outcome != "unchanged":
        store_response(
            raw_db,
            url=response.url,
            source=page.source,
            fetched_at=response.fetched_at,
            status=response.status,
            headers=response.headers,
            body=response.body,
        )
    links = None
    if options.link_entities and stored.outcome != "unchanged":
        mentions = page.prepared.mentions or article_mentions(page.prepared.article)
        links = link_mentions(db, stored.article_id, mentions)
    return StoreOutcome(stored.outcome, stored.article_id, links)


def ingest_batch(
    db: Database, raw_db: Database | None, pages: list[ArticlePage], options: IngestOptions
) -> list[StoreOutcome | Exception]:
    """Store ``pages`` in one transaction; one result per page, in order.

    If the batch fails, each page is retried in a transaction of its own, so a broken page
    costs only itself: its result is the exception (``archive.storage.rows.write_each``).
    """
    others = (raw_db,) if raw_db is not None else ()
    return write_each(pages, lambda page: ingest(db, raw_db, page, options), db, *others)
