"""Onboard a source: propose its ``sources.yml`` entry from the homepage, and check it by crawling.

:func:`propose_source` fetches the homepage and robots.txt, discovers feeds and sitemaps,
suggests business sections as start URLs and learns an ``article_pattern`` from sample pages;
:func:`append_source` adds the entry to a sources file keeping its comments and order;
:func:`check_source` crawls a small sample through the real spider into a temporary archive.
"""

import io
import re
import subprocess
import sys
import tempfile
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import feedparser
from protego import Protego
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from scrapy.http import HtmlResponse
from scrapy.linkextractors import LinkExtractor
from scrapy.utils.response import get_base_url

from archive.canonical import canonical_url, same_site
from archive.publishing.status import sample_articles
from archive.storage.store import open_archive
from archive.urls import UrlPolicy, host_of, joined_web_url, web_url
from crawler.extraction.classify import (
    ARTICLE,
    MIN_ARTICLE_WORDS,
    NON_ARTICLE_PATH,
    NOT_ARTICLE,
    PAGINATION_PATH,
    classify_page,
    looks_like_article,
)
from crawler.fetch.discover import feed_entries, sitemap_entries
from crawler.extraction.extract import extract_article, parse_html
from crawler.extraction.page import page_metadata
from crawler.sources import SourcesError, load_sources, parse_source, select_sources

COMMON_FEED_PATHS = (
    "/feed",
    "/feed/",
    "/rss",
    "/rss.xml",
    "/feed.xml",
    "/feed.rss",
    "/index.rss",
    "/atom.xml",
    "/rss/",
)
COMMON_SITEMAP_PATHS = (
    "/sitemap.xml",
    "/sitemap_index.xml",
    "/sitemap-news.xml",
    "/news-sitemap.xml",
    "/sitemap_news.xml",
)
NEWS_SITEMAP_NAMESPACE = b"google.com/schemas/sitemap-news"
# Sections worth starting from: business news under its usual names.
BUSINESS_SECTION = re.compile(
    r"wirtschaft|business|economy|economics|ökonomie|oekonomie|finanzen|unternehmen|konjunktur|"
    r"mittelstand|handel|industrie",
    re.IGNORECASE,
)
MAX_START_URLS = 5
# Features of article URLs, tried in this order: the first that matches every sampled article
# and no other page becomes the article_pattern.
URL_FEATURES = (
    r"/\d{4}/\d{2}/\d{2}/",
    r"/\d{4}/\d{2}/",
    r"/\d{4}-\d{2}-\d{2}[-/]",
    r"[-_/](?:id|a|art)-?\d{4,}",
    r"-\d{5,}\.html?$",
    r"[-_/]\d{5,}(?:\.html?)?$",
    r"/\d{5,}/",
    r"/(?:artikel|article|articles|news|nachrichten|story|stories)/[^/]+",
    r"/[^/]*-[^/]*-[^/]+\.html?$",
    r"/[^/]*-[^/]*-[^/]+/?$",
)
USER_AGENT = "newsarchive-onboarding (+https://github.com/newsarchive/newsarchive#contact)"


class OnboardError(Exception):
    """The homepage cannot be used for a proposal (unreachable, not HTML)."""


@dataclass
class Page:
    url: str
    status: int
    body: bytes = b""
    content_type: str = ""


@dataclass
class Proposal:
    """A proposed ``sources.yml`` entry and what was found on the way (``notes``)."""

    entry: dict
    notes: list[str] = field(default_factory=list)


def fetch(url: str, timeout: float = 15, policy: UrlPolicy | None = None) -> Page:
    """GET ``url``; HTTP errors give a Page with their status, network errors status 0.

    Only http(s) URLs are fetched, and with a ``policy`` only URLs it allows, redirects
    included: a refused URL is a Page with status 0 that says why.
    """
    reason = "not_http" if web_url(url) is None else policy.refusal(url) if policy else None
    if reason:
        return Page(url, 0, f"refused ({reason})".encode())
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    # Only HTTP handlers: urllib's default opener would also read file: and ftp: URLs.
    opener = urllib.request.OpenerDirector()
    for handler in (
        urllib.request.ProxyHandler(),
        urllib.request.UnknownHandler(),
        urllib.request.HTTPHandler(),
        urllib.request.HTTPSHandler(),
        urllib.request.HTTPDefaultErrorHandler(),
        urllib.request.HTTPErrorProcessor(),
        PolicyRedirectHandler(policy),
    ):
        opener.add_handler(handler)
    try:
        with opener.open(request, timeout=timeout) as response:
            return Page(response.url, response.status, response.read(), response.headers.get("Content-Type", ""))
    except urllib.error.HTTPError as error:
        return Page(url, error.code)
    except (urllib.error.URLError, TimeoutError, ConnectionError) as error:
        return Page(url, 0, str(error).encode())
    except ValueError as error:  # urllib's own parse of a redirect no parser reads ("http://[…")
        return Page(url, 0, f"unreadable redirect ({error})".encode())


class PolicyRedirectHandler(urllib.request.HTTPRedirectHandler):
    """Follows a redirect only to an http(s) URL that the policy allows."""

    def __init__(self, policy: UrlPolicy | None):
        self.policy = policy

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        target = joined_web_url(req.full_url, newurl)
        reason = "not_http" if target is None else self.policy.refusal(target) if self.policy else None
        if reason:
            raise urllib.error.URLError(f"redirect to {(target or newurl)[:200]!r} refused ({reason})")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def propose_source(url: str, source_id: str | None = None, sample_pages: int = 12, get=None) -> Proposal:
    """Look at a site's homepage and propose its ``sources.yml`` entry.

    ``get(url) -> Page`` fetches (default: :func:`fetch`); ``sample_pages`` bounds how many
    candidate pages are fetched to learn which URLs are articles. Only URLs on the homepage's
    site are fetched, as a crawl of the source would (robots.txt ``Sitemap:`` lines, feed and
    sitemap entries and redirects to other hosts or to internal addresses are refused).
    """
    policy = UrlPolicy.for_source([host_of(url)])
    fetch_allowed = get or (lambda candidate: fetch(candidate, policy=policy))

    def get(candidate: str) -> Page:
        reason = policy.refusal(candidate)
        return Page(candidate, 0, f"refused ({reason})".encode()) if reason else fetch_allowed(candidate)

    homepage = get(url)
    if homepage.status != 200 or b"<" not in homepage.body[:2048]:
        why = (
            f"status {homepage.status}"
            if homepage.status
            else " ".join(homepage.body.decode("utf-8", "replace").split())
        )
        raise OnboardError(f"{url}: no HTML homepage ({why[:200]})")
    notes: list[str] = []
    response = HtmlResponse(homepage.url, body=homepage.body, encoding=_charset(homepage.content_type))
    robots = _robots(homepage.url, get, notes)

    feeds = _feeds(response, get, notes, policy)
    sitemaps = _sitemaps(homepage.url, robots, get, notes)
    links = [link for link in LinkExtractor(unique=True).extract_links(response) if same_site(link.url, homepage.url)]
    start_urls = [url for link in links if _is_business_section(link) and (url := canonical_url(link.url))]
    start_urls = list(dict.fromkeys(start_urls))[:MAX_START_URLS]
    if not start_urls:
        notes.append("no business section (Wirtschaft/Business/Economy) linked from the homepage")

    candidates = _article_candidates(feeds, sitemaps, start_urls, links, get)
    articles, others = _sample(candidates[:sample_pages], get)
    notes.append(f"sampled {len(articles) + len(others)} pages: {len(articles)} look like articles")
    pattern = learn_article_pattern(articles, [*others, canonical_url(homepage.url), *start_urls])
    if articles and not pattern:
        notes.append("no URL pattern separates articles from other pages; pages will be classified")
    if robots is not None and not robots.can_fetch(homepage.url, "newsarchive"):
        notes.append("robots.txt disallows the homepage for crawlers: check before adding")

    selector_title = (
        response.xpath('//meta[@property="og:site_name"]/@content').get()
        or response.xpath("//title/text()").get()
        or ""
    )
    language = (response.xpath("/html/@lang").get() or "").split("-")[0].lower()
    entry = {
        "id": source_id or default_id(homepage.url),
        "name": " ".join(selector_title.split()) or urlsplit(homepage.url).hostname,
        "homepage": canonical_url(homepage.url),
    }
    if re.fullmatch(r"[a-z]{2}", language):
        entry["language"] = language
    for key, values in (("feeds", feeds), ("sitemaps", sitemaps), ("start_urls", start_urls)):
        if values:
            entry[key] = values
    if pattern:
        entry["article_pattern"] = pattern
    if not (feeds or sitemaps or start_urls):
        entry["start_urls"] = [canonical_url(homepage.url)]
        notes.append("no feed, sitemap or business section found: starting from the homepage")
    try:
        parse_source(entry, label="proposal")
    except SourcesError as error:
        raise OnboardError(str(error)) from None
    return Proposal(entry, notes)


def learn_article_pattern(article_urls: list[str], other_urls: list[str]) -> str | None:
    """The first of :data:`URL_FEATURES` that matches every article URL and no other URL."""
    if not article_urls:
        return None
    for feature in URL_FEATURES:
        pattern = re.compile(feature)
        if all(pattern.search(_path(url)) for url in article_urls) and not any(
            pattern.search(_path(url)) for url in other_urls
        ):
            return feature
    return None


def default_id(url: str) -> str:
    """An id from the host: ``https://www.rp-online.de/`` → ``rp-online``."""
    host = (urlsplit(url).hostname or "source").removeprefix("www.")
    name = host if re.fullmatch(r"[\d.]+", host) else host.rsplit(".", 1)[0]
    port = urlsplit(url).port
    return re.sub(r"[^a-z0-9]+", "-", f"{name} {port or ''}".lower()).strip("-")


def proposal_yaml(proposal: Proposal) -> str:
    """The proposal as a ``sources.yml`` list item, with the notes as comments above it."""
    buffer = io.StringIO()
    _round_trip().dump(CommentedSeq([_entry_map(proposal.entry)]), buffer)
    comments = "".join(f"# {note}\n" for note in proposal.notes)
    return comments + buffer.getvalue()


def append_source(path: str | Path, entry: dict) -> None:
    """Append ``entry`` to the sources file at ``path``, keeping its comments and order.

    Raises :class:`SourcesError` when the id exists or the file would no longer validate.
    """
    path = Path(path)
    yaml = _round_trip()
    document = yaml.load(path.read_text(encoding="utf-8")) if path.exists() else None
    if document is None:
        document = CommentedMap(sources=CommentedSeq())
    existing = {item.get("id") for item in document["sources"] or []}
    if entry["id"] in existing:
        raise SourcesError(f"{path}: source '{entry['id']}' already exists")
    if document["sources"] is None:
        document["sources"] = CommentedSeq()
    document["sources"].append(_entry_map(entry))
    buffer = io.StringIO()
    yaml.dump(document, buffer)
    candidate = path.with_name(f".{path.name}.new")
    candidate.write_text(buffer.getvalue(), encoding="utf-8")
    try:
        load_sources(candidate)
    except SourcesError:
        candidate.unlink()
        raise
    candidate.replace(path)


@dataclass
class CheckReport:
    """What a sample crawl stored: one row per page, warnings, and the crawl summary."""

    pages: list[dict]
    warnings: list[str]
    crawl_output: str


def check_source(
    source_id: str, sources_path: str | Path, pages: int = 10, overrides: list[str] = (), python: str = sys.executable
) -> CheckReport:
    """Crawl about ``pages`` pages of one source into a temporary archive and report them.

    The crawl is ``newsarchive crawl`` in a subprocess (one reactor per process), stopped by
    ``CLOSESPIDER_PAGECOUNT``. ``overrides`` are more ``NAME=VALUE`` Scrapy settings.
    """
    select_sources(load_sources(sources_path), [source_id])  # fail early on an unknown id
    with tempfile.TemporaryDirectory(prefix="newsarchive-check-") as directory:
        db_path = Path(directory) / "check.db"
        command = [
            python,
            "-m",
            "crawler",
            "crawl",
            source_id,
            "--sources",
            str(sources_path),
            "--db",
            str(db_path),
            "--json",
            "--set",
            f"CLOSESPIDER_PAGECOUNT={pages}",
        ]
        for override in overrides:
            command += ["--set", override]
        result = subprocess.run(command, capture_output=True, text=True)
        if result.returncode != 0:
            raise OnboardError(f"the sample crawl failed:\n{result.stderr.strip()}")
        with open_archive(db_path) as db:
            rows = sample_articles(db, source_id)
    return CheckReport(rows, sample_warnings(rows), result.stdout)


def sample_warnings(rows: list[dict], min_words: int = MIN_ARTICLE_WORDS) -> list[str]:
    """Problems an operator should look at before adding the source; also sets ``row["warnings"]``."""
    warnings = []
    if not rows:
        return ["no article was stored: check feeds, sitemaps, start_urls and article_pattern"]
    for row in rows:
        problems = []
        if not row.get("published"):
            problems.append("no date")
        if (row.get("word_count") or 0) < min_words:
            problems.append(f"text too short ({row.get('word_count') or 0} words)")
        if not row.get("title"):
            problems.append("no title")
        row["warnings"] = ", ".join(problems)
    for problem in ("no date", "text too short", "no title"):
        count = sum(problem in row["warnings"] for row in rows)
        if count:
            warnings.append(f"{count} of {len(rows)} pages: {problem}")
    titles = {row.get("title") for row in rows}
    if len(rows) > 1 and len(titles) == 1:
        warnings.append(f"same title on all {len(rows)} pages: {titles.pop()!r} (site name instead of headline?)")
    return warnings


def _robots(url: str, get, notes: list[str]) -> Protego | None:
    page = get(urljoin(url, "/robots.txt"))
    if page.status != 200:
        notes.append(f"no robots.txt (status {page.status})")
        return None
    return Protego.parse(page.body.decode("utf-8", "replace"))


def _feeds(response: HtmlResponse, get, notes: list[str], policy: UrlPolicy) -> list[str]:
    declared = response.xpath(
        '//link[contains(concat(" ", normalize-space(@rel), " "), " alternate ")]'
        '[contains(@type, "rss") or contains(@type, "atom")]/@href'
    ).getall()
    # A declared feed that is no http(s) URL (canonical_url gives None) is no feed. One on
    # another site would make that site one of the source's hosts: the operator adds it by hand.
    base = get_base_url(response)
    feeds = [url for href in declared if (url := canonical_url(joined_web_url(base, href)))]
    elsewhere = [url for url in feeds if policy.refusal(url)]
    if elsewhere:
        notes.append(f"left out {len(elsewhere)} feed(s) on other sites, e.g. {elsewhere[0]}")
        feeds = [url for url in feeds if url not in elsewhere]
    if feeds:
        notes.append(f"{len(feeds)} feed(s) declared with <link rel=alternate>")
        return list(dict.fromkeys(feeds))
    for path in COMMON_FEED_PATHS:
        page = get(urljoin(response.url, path))
        if page.status == 200 and feedparser.parse(page.body).entries:
            notes.append(f"feed found at the common path {path}")
            return [canonical_url(page.url)]
    notes.append("no feed found")
    return []


def _sitemaps(url: str, robots: Protego | None, get, notes: list[str]) -> list[str]:
    listed = list(robots.sitemaps) if robots is not None else []
    candidates = listed or [urljoin(url, path) for path in COMMON_SITEMAP_PATHS]
    found, news = [], []
    for candidate in candidates:
        page = get(candidate)
        if page.status != 200:
            continue
        kind, entries = sitemap_entries(page.body)
        if kind == "invalid":
            continue
        found.append(candidate)
        if NEWS_SITEMAP_NAMESPACE in page.body:
            news.append(candidate)
        elif kind == "sitemapindex":
            news += [entry.url for entry in entries[:10] if "news" in entry.url.lower()]
    if news:
        notes.append("news sitemap found: it lists the latest articles, so it is proposed alone")
        return list(dict.fromkeys(news))
    if found:
        notes.append(f"sitemap(s) {'listed in robots.txt' if listed else 'found at common paths'}")
    else:
        notes.append("no sitemap found")
    return found


def _article_candidates(feeds, sitemaps, start_urls, homepage_links, get) -> list[str]:
    """Pages to sample: feed and sitemap entries and links of sections and homepage, interleaved."""
    from_hubs: list[str] = []
    for url in feeds:
        from_hubs += [entry.url for entry in feed_entries(get(url).body, url)][:10]
    for url in sitemaps:
        kind, entries = sitemap_entries(get(url).body)
        if kind == "urlset":
            from_hubs += [entry.url for entry in entries][:10]
    from_links = [url for link in homepage_links if (url := canonical_url(link.url))]
    for url in start_urls:
        page = get(url)
        if page.status == 200:
            section = HtmlResponse(page.url, body=page.body, encoding=_charset(page.content_type))
            from_links += [
                canonical
                for link in LinkExtractor(unique=True).extract_links(section)
                if same_site(link.url, url) and (canonical := canonical_url(link.url))
            ]
    skip = set(start_urls)
    from_links = [url for url in dict.fromkeys(from_links) if url not in skip]
    interleaved = [url for pair in zip(from_hubs, from_links) for url in pair]
    longer = from_hubs if len(from_hubs) > len(from_links) else from_links
    interleaved += longer[min(len(from_hubs), len(from_links)) :]
    return list(dict.fromkeys(interleaved))


def _is_business_section(link) -> bool:
    """A navigation link to a business section: "Wirtschaft" as its text or its last path part."""
    segments = [part for part in urlsplit(link.url).path.split("/") if part]
    last = segments[-1] if segments else ""
    if "." in last or PAGINATION_PATH.search(link.url) or len(segments) > 3:
        return False  # a page, not a section
    short_text = len(link.text.split()) <= 3 and BUSINESS_SECTION.search(link.text)
    return bool(short_text or BUSINESS_SECTION.fullmatch(last))


def _sample(urls: list[str], get) -> tuple[list[str], list[str]]:
    """Fetch ``urls`` and split them into pages that look like articles and other pages."""
    articles, others = [], []
    for url in urls:
        if NON_ARTICLE_PATH.search(url) or PAGINATION_PATH.search(url):
            others.append(url)
            continue
        page = get(url)
        if page.status != 200 or b"<" not in page.body[:2048]:
            continue
        kind = classify_page(page.url, page_metadata(parse_html(page.body)))
        if kind == ARTICLE:
            articles.append(url)
        elif kind == NOT_ARTICLE:
            others.append(url)
        else:
            extracted = extract_article(page.body, page.url)
            (articles if extracted and looks_like_article(extracted) else others).append(url)
    return articles, others


def _path(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def _charset(content_type: str) -> str:
    found = re.search(r"charset=([\w-]+)", content_type or "")
    return found.group(1) if found else "utf-8"


def _round_trip() -> YAML:
    yaml = YAML()
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 4096
    yaml.preserve_quotes = True
    return yaml


def _entry_map(entry: dict) -> CommentedMap:
    """``entry`` for ruamel, lists in flow style (``[a, b]``) as the rest of sources.yml has them."""
    mapping = CommentedMap()
    for key, value in entry.items():
        if isinstance(value, list):
            value = CommentedSeq(value)
            value.fa.set_flow_style()
        mapping[key] = value
    return mapping
