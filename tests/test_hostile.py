"""Pages written by strangers: extraction never raises, never hangs, and a crawl goes on.

The property tests feed extraction tag soup it has never seen; the crawl test serves pages
built to break parsers (deep nesting, control characters, lying charsets, broken JSON-LD,
a page too slow to extract) next to an ordinary article, through the real crawl.
"""

import json
import os
import signal
import sqlite3
import time
from concurrent.futures.process import BrokenProcessPool

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crawler.demosite import DemoSiteServer, Page
from crawler.extraction.extract import extract_article
from crawler.extraction.timelimit import ExtractionTooSlow, time_budget
from crawler.extraction.workers import acquire_pool, release_pool, renew_pool
from tests.conftest import run_cli, write_sources

LAST_MODIFIED = "Mon, 02 Mar 2026 08:00:00 GMT"
TAGS = [
    "div",
    "p",
    "article",
    "main",
    "span",
    "a",
    "h1",
    "h2",
    "script",
    "style",
    "table",
    "td",
    "li",
    "ul",
    "br",
    "img",
    "meta",
    "time",
    "header",
    "footer",
    "nav",
    "noscript",
    "svg",
    "template",
]
ATTRIBUTES = st.dictionaries(
    st.sampled_from(
        ["class", "id", "href", "content", "property", "name", "datetime", "lang", "type", "itemprop", "rel", "src"]
    ),
    st.text(max_size=20)
    | st.sampled_from(
        [
            "application/ld+json",
            "og:type",
            "article",
            "canonical",
            "javascript:alert(1)",
            "2026-03-02",
            "author",
            # An IPv6 host left open, which urllib refuses with an error; fields that carry addresses.
            "http://[2001:db8::1/a",
            "og:image",
            "alternate",
            "keywords",
        ]
    ),
    max_size=3,
)
TEXT = st.text(max_size=60) | st.sampled_from(
    [
        "Die Stadtwerke Düsseldorf investieren in Wärmenetze und neue Leitungen. " * 5,
        '{"@type": "NewsArticle", "datePublished": "2026-03-02", "author": {"name": [[["x"]]]}}',
        '{"@type": "NewsArticle", "url": "http://[x/a", "keywords": 5, "image": {"url": "//[::1"}}',
        "\x00\x0b\ufffe",
        "&#0; &#xD800; &bogus;",
        "]]><!--",
        "<![CDATA[",
        "Â€žGeschÃ¤ftâ€œ",
    ]
)


def element(children):
    return st.builds(
        lambda tag, attributes, content, closed: (
            f"<{tag}"
            + "".join(f' {name}="{value}"' for name, value in attributes.items())
            + ">"
            + "".join(content)
            + (f"</{tag}>" if closed else "")
        ),
        st.sampled_from(TAGS),
        ATTRIBUTES,
        st.lists(children, max_size=4),
        st.booleans(),
    )


HTML = st.recursive(TEXT, element, max_leaves=30).map(
    lambda body: f"<!DOCTYPE html><html><head><title>T</title></head><body>{body}</body></html>"
)


@given(HTML)
def test_extraction_of_any_tag_soup_returns_an_article_or_none(html):
    with time_budget(10):
        article = extract_article(html, "https://news.example/a.html")
    assert article is None or isinstance(article.text, str) and article.url.startswith("https://")


@given(st.binary(max_size=2000))
def test_extraction_of_any_bytes_returns_an_article_or_none(body):
    with time_budget(10):
        article = extract_article(body, "https://news.example/b.html")
    assert article is None or isinstance(article.text, str)


def test_time_budget_interrupts_a_busy_block():
    started = time.monotonic()
    try:
        with time_budget(0.2):
            while True:
                sum(range(1000))
    except ExtractionTooSlow:
        pass
    assert time.monotonic() - started < 5


def test_an_over_long_author_meta_is_read_cut_and_kept_whole():
    # trafilatura cleans a meta author with expressions whose time grows with the square of its
    # length; it reads such a tag cut, and the page keeps it as it came.
    from crawler.extraction.extract import LONGEST_AUTHOR_META, _author_values_cut, parse_html, trafilatura_metadata

    junk = "(" * 20_000
    html = article_html(
        "Hafen wird erweitert",
        "<p>" + "Der Hafen wächst. " * 60 + "</p>",
        f'<meta name="author" content="Anna {junk} Schmidt"><meta name="description" content="{junk}">',
    )
    tree = parse_html(html)
    with _author_values_cut(tree):
        assert len(tree.xpath("//meta[@name='author']/@content")[0]) == LONGEST_AUTHOR_META
        # Other meta tags are left as they are.
        assert len(tree.xpath("//meta[@name='description']/@content")[0]) == len(junk)
    assert tree.xpath("//meta[@name='author']/@content")[0] == f"Anna {junk} Schmidt"
    assert trafilatura_metadata(tree, "https://news.example/a.html") is not None
    assert extract_article(html, "https://news.example/a.html").title == "Hafen wird erweitert"


def test_an_over_long_json_ld_author_is_read_cut_and_kept_whole():
    from crawler.extraction.extract import LONGEST_AUTHOR_META, _author_values_cut, parse_html

    junk = ": " * 10_000
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": "Hafen wird erweitert",
        "description": junk,
        "author": [{"@type": "Person", "name": f"Anna {junk} Schmidt"}, "Jan Meyer"],
    }
    script = f'<script type="application/ld+json">{json.dumps(data)}</script>'
    tree = parse_html(article_html("Hafen wird erweitert", "<p>" + "Der Hafen wächst. " * 60 + "</p>", script))
    source = tree.xpath("//script")[0].text
    with _author_values_cut(tree):
        during = json.loads(tree.xpath("//script")[0].text)
        assert len(during["author"][0]["name"]) == LONGEST_AUTHOR_META
        assert during["author"][1] == "Jan Meyer"
        # What no author's key holds is left as it is.
        assert during["description"] == junk
    assert tree.xpath("//script")[0].text == source


def article_html(title: str, body: str, extra_head: str = "") -> str:
    return (
        f'<!DOCTYPE html><html lang="de"><head><title>{title}</title>{extra_head}'
        '<meta property="article:published_time" content="2026-03-02T08:00:00+01:00"></head>'
        f"<body><article><h1>{title}</h1>{body}</article></body></html>"
    )


PARAGRAPH = (
    "<p>Die Industrie- und Handelskammer meldet für das erste Quartal mehr Aufträge im "
    "Maschinenbau, vor allem aus dem Ausland, und erwartet ein stabiles Jahr für die Region.</p>"
)


def hostile_pages() -> dict[str, bytes]:
    deep = "<div>" * 100_000 + PARAGRAPH + "</div>" * 100_000
    return {
        "/ordinary.html": article_html("Ordinary article", PARAGRAPH * 4),
        "/deep.html": article_html("Deeply nested", deep),
        "/controls.html": article_html("Control\x00characters\x0b", (PARAGRAPH + "\x00\x1f\ufffe") * 4),
        "/charset.html": article_html("Lying charset", PARAGRAPH * 4, '<meta charset="x-no-such-charset">').encode(
            "utf-16"
        ),
        "/jsonld.html": article_html(
            "Broken JSON-LD",
            PARAGRAPH * 4,
            '<script type="application/ld+json">' + "[" * 50_000 + "</script>"
            '<script type="application/ld+json">{"author": ' * 3 + "</script>",
        ),
        "/huge.html": article_html("Huge page", PARAGRAPH * 40_000),
    }


def one_source(tmp_path, site, source_id: str):
    """A sources file naming one source that starts at ``site``'s home page, every .html page an article."""
    source = {"id": source_id, "start_urls": [f"{site.base_url}/"], "article_pattern": r"\.html$", "download_delay": 0}
    return write_sources(tmp_path / "sources.yml", {"sources": [source]})


def test_a_crawl_survives_hostile_pages(tmp_path):
    pages = {}
    for path, body in hostile_pages().items():
        body = body if isinstance(body, bytes) else body.encode("utf-8")
        pages[path] = Page(body, "text/html; charset=utf-8", LAST_MODIFIED)
    links = "".join(f'<a href="{path}">{path}</a> ' for path in pages)
    pages["/"] = Page(f"<html><body>{links}</body></html>".encode(), "text/html", LAST_MODIFIED)
    with DemoSiteServer(host="127.0.0.4", pages=pages) as site:
        sources = one_source(tmp_path, site, "hostile")
        db_path = tmp_path / "archive.db"
        # A budget the huge page cannot keep, and ordinary pages easily do.
        result = run_cli(
            "crawl",
            "--sources",
            sources,
            "--db",
            db_path,
            "--json",
            "--set",
            "EXTRACT_TIME_LIMIT=0.5",
            "--set",
            "DOWNLOAD_MAXSIZE=0",
        )
    assert "Traceback" not in result.stderr, result.stderr[-3000:]
    assert "extraction took longer than 0.5 s" in result.stderr
    assert "PageItem(" not in result.stderr and len(result.stderr) < 5000  # no page bodies logged
    with sqlite3.connect(db_path) as connection:
        urls = {url.rsplit("/", 1)[1] for (url,) in connection.execute("select url from articles")}
        run = connection.execute("select status, errors from crawl_runs").fetchone()
    assert {"ordinary.html", "controls.html", "charset.html", "jsonld.html"} <= urls
    assert "huge.html" not in urls
    assert run == ("ok", 0)
    assert json.loads(result.stdout)["runs"][0]["status"] == "ok"


@pytest.mark.parametrize("location", ["http://[2001:db8::1/neu.html", "http://exa mple.de/\x01"])
def test_a_redirect_to_no_web_address_is_left_without_a_traceback(tmp_path, location):
    pages = {
        "/moved.html": Page(b"", "text/html", LAST_MODIFIED, location=location),
        "/ordinary.html": Page(article_html("Ordinary page", PARAGRAPH * 4).encode(), "text/html", LAST_MODIFIED),
    }
    pages["/"] = Page(
        b'<html><body><a href="/moved.html">m</a> <a href="/ordinary.html">o</a></body></html>',
        "text/html",
        LAST_MODIFIED,
    )
    with DemoSiteServer(host="127.0.0.4", pages=pages) as site:
        sources = one_source(tmp_path, site, "moved")
        result = run_cli("crawl", "--sources", sources, "--db", tmp_path / "archive.db", "--json")
    assert "Traceback" not in result.stderr, result.stderr[-3000:]
    with sqlite3.connect(tmp_path / "archive.db") as connection:
        urls = {url.rsplit("/", 1)[1] for (url,) in connection.execute("select url from articles")}
    assert urls == {"ordinary.html"}


def test_a_dead_worker_is_replaced():
    pool = acquire_pool(1)
    try:
        assert pool.submit(sum, [1, 2]).result(timeout=60) == 3
        # What the kernel's out-of-memory killer or a crash in C code does to a worker.
        for process in list(pool._processes.values()):
            os.kill(process.pid, signal.SIGKILL)
        with pytest.raises(BrokenProcessPool):
            pool.submit(sum, [1, 2]).result(timeout=60)
        renewed = renew_pool(pool)
        assert renewed is not pool and renew_pool(pool) is renewed
        assert renewed.submit(sum, [3, 4]).result(timeout=60) == 7
    finally:
        release_pool()
