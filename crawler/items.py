"""What travels through a crawl's item pipelines: one fetched page that may be an article.

The spider yields a :class:`PageItem` for every page it did not rule out as a hub;
``ExtractPipeline`` fills in ``prepared`` (or drops the page), ``ArchivePipeline`` stores it
with ``archive.storage.ingest`` and fills in ``stored``; in distributed mode ``RedisItemQueuePipeline``
queues :meth:`PageItem.article_page` for the archive writer instead.
"""

from dataclasses import dataclass

from archive.storage.ingest import ArticlePage, FetchedResponse, StoreOutcome
from archive.storage.store import PreparedArticle


@dataclass
class PageItem:
    source: str
    response: FetchedResponse
    html: str | None  # the decoded page; dropped once extracted
    classification: str  # crawler.extraction.classify: ARTICLE or UNDECIDED
    prepared: PreparedArticle | None = None  # set by ExtractPipeline
    stored: StoreOutcome | None = None  # set by ArchivePipeline
    inflight: str | None = None  # distributed mode: the request to acknowledge once handled
    listed_published: str | None = None  # the publication date the feed or news sitemap gave

    @property
    def url(self) -> str:
        return self.response.url

    def __repr__(self) -> str:
        # Scrapy logs an item it drops: the page's address, not its megabytes of HTML.
        return f"PageItem({self.source!r}, {self.url!r}, {self.classification!r})"

    def article_page(self) -> ArticlePage:
        return ArticlePage(self.source, self.response, self.prepared)
