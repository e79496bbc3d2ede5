"""Turn one article page into the ``articles`` columns, with trafilatura.

:func:`extract_article` is the only extraction function: the item pipeline and
``newsarchive extract`` both call it, so what an operator checks is what gets stored.
"""
import json
from datetime import datetime
from urllib.parse import urljoin

import lxml.html
import py3langid
import trafilatura

from archive.canonical import canonical_url

# JSON-LD types that mark a page as one story rather than a listing.
ARTICLE_TYPES = {
    "Article",
    "NewsArticle",
    "BlogPosting",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BackgroundNewsArticle",
    "Report",
}
# Texts this short are teasers or errors, not articles; language detection is unreliable too.
MIN_LANGUAGE_WORDS = 8


def parse_html(html: str | bytes):
    """Parse a page with lxml; returns ``None`` for empty or unparseable input."""
    try:
        return lxml.html.fromstring(html)
    except (lxml.etree.ParserError, ValueError):
        return None


def page_metadata(tree) -> dict:
    """Structured facts a page states about itself: og:type, JSON-LD types and dates, canonical.

    Returns ``{"og_type", "jsonld_types", "canonical", "published", "modified", "lang",
    "keywords", "alternates"}``;
    dates are ISO 8601 strings exactly as the page gives them (time and offset kept).
    """
    meta = {"og_type": None, "jsonld_types": set(), "canonical": None, "published": None,
            "modified": None, "lang": None, "keywords": [], "alternates": {}}
    if tree is None:
        return meta
    meta["og_type"] = _first(tree.xpath('//meta[@property="og:type"]/@content'))
    meta["canonical"] = _first(tree.xpath('//link[@rel="canonical"]/@href'))
    meta["lang"] = _first(tree.xpath("/html/@lang"))
    for node in _jsonld_nodes(tree):
        types = node.get("@type")
        types = set(types) if isinstance(types, list) else {types}
        meta["jsonld_types"] |= {t for t in types if isinstance(t, str)}
        if types & ARTICLE_TYPES:
            meta["published"] = meta["published"] or _iso(node.get("datePublished"))
            meta["modified"] = meta["modified"] or _iso(node.get("dateModified"))
            meta["keywords"] = meta["keywords"] or _as_list(node.get("keywords"))
    for key, prop in (("published", "article:published_time"), ("modified", "article:modified_time")):
        meta[key] = meta[key] or _iso(_first(tree.xpath(f'//meta[@property="{prop}"]/@content')))
    meta["alternates"] = language_alternates(tree)
    return meta


def language_alternates(tree) -> dict[str, str]:
    """The page's language versions from ``<link rel="alternate" hreflang>``: ``{hreflang: url}``.

    ``x-default`` names no language and is left out; URLs are as the page gives them.
    """
    alternates = {}
    for link in tree.xpath('//link[@rel="alternate"][@hreflang][@href]'):
        language = link.get("hreflang").strip()
        if language.lower() != "x-default":
            alternates[language] = link.get("href").strip()
    return alternates


def extract_article(html: str | bytes, url: str) -> dict | None:
    """Extract one article page; ``None`` when the page has no main text.

    Returns a dict with the ``articles`` columns: url (canonical), title, description,
    author, published, modified (ISO 8601, the page's own offset kept), language
    (ISO 639-1), text, tags (list), image, site_name; and ``alternates``, the page's
    hreflang language versions ``{hreflang: url}``, which the archive links as translations.
    """
    tree = parse_html(html)
    if tree is None:
        return None
    document = trafilatura.bare_extraction(
        tree,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        deduplicate=True,
    )
    if document is None or not (document.text or "").strip():
        return None
    meta = page_metadata(tree)
    title = _clean(document.title)
    text = _without_headline(document.text.strip(), title)
    published = _with_time(document.date, meta["published"])
    modified = meta["modified"] if meta["modified"] != published else None
    return {
        "url": canonical_url(url, meta["canonical"]),
        "title": title,
        "description": _clean(document.description),
        "author": _clean(document.author),
        "published": published,
        "modified": modified,
        "language": detect_language(text, fallback=meta["lang"]),
        "text": text,
        "tags": _as_list(document.tags) or meta["keywords"] or _as_list(document.categories),
        "image": _clean(document.image),
        "site_name": _clean(document.sitename),
        "alternates": {language: canonical_url(urljoin(url, href))
                       for language, href in meta["alternates"].items()},
    }


def detect_language(text: str, fallback: str | None = None) -> str | None:
    """ISO 639-1 language of ``text``; bilingual sites mislabel pages, so the text decides."""
    if len(text.split()) >= MIN_LANGUAGE_WORDS:
        language, _score = py3langid.classify(text)
        return language
    return (fallback or "").split("-")[0].lower() or None


# A kicker or topic label above the headline is a few words at most.
MAX_KICKER_WORDS = 4


def _without_headline(text: str, title: str | None) -> str:
    """Drop the headline (and a kicker above it) when the text repeats it at its start.

    The headline has its own column; repeated in ``text`` it would skew search and dedup.
    """
    lines = text.split("\n")
    for position, line in enumerate(lines[:3]):
        if title and " ".join(line.split()) == title:
            if all(len(kicker.split()) <= MAX_KICKER_WORDS for kicker in lines[:position]):
                return "\n".join(lines[position + 1:]).strip() or text
            break
    return text


def _with_time(date: str | None, structured: str | None) -> str | None:
    """Prefer the structured timestamp (it has time and offset) when it names the same day."""
    if structured and (not date or structured[:10] == date[:10]):
        return structured
    return date


def _jsonld_nodes(tree):
    for script in tree.xpath('//script[@type="application/ld+json"]/text()'):
        try:
            data = json.loads(script)
        except ValueError:
            continue
        stack = data if isinstance(data, list) else [data]
        while stack:
            node = stack.pop()
            if isinstance(node, dict):
                yield node
                stack.extend(node.get("@graph") or [])
            elif isinstance(node, list):
                stack.extend(node)


def _iso(value) -> str | None:
    """``value`` if it is an ISO 8601 date or timestamp, else ``None``."""
    if not isinstance(value, str) or not value.strip():
        return None
    value = value.strip()
    try:
        datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return value


def _first(values):
    return values[0].strip() if values else None


def _clean(value) -> str | None:
    return " ".join(value.split()) if isinstance(value, str) and value.strip() else None


def _as_list(value) -> list[str]:
    if not value:
        return []
    if isinstance(value, str):
        value = value.split(",")
    return [item.strip() for item in value if item and item.strip()]
