"""Decide which fetched pages are articles.

A source's ``article_pattern`` decides when given. Otherwise the page decides: what it says
about itself (og:type, JSON-LD) first, then the shape of its extracted text.
"""
import re

from crawler.extract import ARTICLE_TYPES

ARTICLE = "article"
NOT_ARTICLE = "not-article"
UNDECIDED = "undecided"

# Paths of pages that are never stories, whatever their markup says.
NON_ARTICLE_PATH = re.compile(
    r"/(impressum|imprint|datenschutz|privacy|kontakt|contact|agb|terms|about|ueber-uns|"
    r"tag|tags|thema|themen|topic|topics|schlagwort|autor|autoren|author|authors|"
    r"kategorie|category|suche|search|kalender|calendar|veranstaltungen|events|login|"
    r"newsletter|abo|shop)(/|\.html?$|$)",
    re.IGNORECASE,
)
PAGINATION_PATH = re.compile(r"(/seite-\d+|/page/\d+|[?&](page|seite|p)=\d+)", re.IGNORECASE)
# An undecided page needs a date and this much text to count as an article.
MIN_ARTICLE_WORDS = 120


def classify_page(url: str, metadata: dict, article_pattern: str = "") -> str:
    """Classify a page before extraction: ``article``, ``not-article`` or ``undecided``.

    ``metadata`` is :func:`crawler.extract.page_metadata` of the page.
    """
    if article_pattern:
        return ARTICLE if re.search(article_pattern, url) else NOT_ARTICLE
    if NON_ARTICLE_PATH.search(url) or PAGINATION_PATH.search(url):
        return NOT_ARTICLE
    if metadata["jsonld_types"] & ARTICLE_TYPES:
        return ARTICLE
    og_type = (metadata["og_type"] or "").lower()
    if og_type == "article":
        return ARTICLE
    if og_type:
        # og:type website/profile/… is how sites mark home, section and author pages.
        return NOT_ARTICLE
    return UNDECIDED


def looks_like_article(extracted: dict) -> bool:
    """For undecided pages: a dated main text of real length is an article."""
    return bool(extracted.get("published")) and len(extracted["text"].split()) >= MIN_ARTICLE_WORDS
