"""A page the spider has read is freed as soon as the crawl lets go of it, by reference counting
alone: a crawl of large pages runs a full garbage collection seldom, and whatever waits for one
makes the crawl process grow by a page per page."""

import gc
import weakref

import scrapy
from scrapy.utils.test import get_crawler

from crawler.fetch.spider import NewsSpider
from crawler.sources import Source

SOURCE = Source(id="memory", start_urls=("http://127.0.0.1/",), hosts=("127.0.0.1",), max_depth=3)
STORY = (
    "<html><head><title>Hafen wächst</title>"
    '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Hafen wächst"}</script>'
    "</head><body><nav><a href='/wirtschaft/'>Wirtschaft</a> <a href='/wirtschaft/seite-2.html'>2</a></nav>"
    "<article><h1>Hafen wächst</h1><p>Von Anna Berg, 3. Dezember 2026</p>"
    + "<p>Der Hafen in Duisburg schlägt mehr Container um als je zuvor. </p>" * 40
    + "<a href='/wirtschaft/2026/12/anderer-artikel.html'>Mehr</a></article></body></html>"
)


def test_a_read_page_is_freed_without_the_garbage_collector():
    crawler = get_crawler(NewsSpider)
    spider = NewsSpider.from_crawler(crawler, source=SOURCE)
    request = scrapy.Request("http://127.0.0.1/wirtschaft/2026/12/hafen.html", meta={"hops": 0})
    response = scrapy.http.HtmlResponse(request.url, body=STORY.encode(), encoding="utf-8", request=request)
    freed = weakref.ref(response)
    gc.disable()
    try:
        results = list(spider.parse_page(response))
        assert any(isinstance(result, scrapy.Request) for result in results)  # links were read
        assert any(not isinstance(result, scrapy.Request) for result in results)  # the story
        del response, results, request
        assert freed() is None
    finally:
        gc.enable()
