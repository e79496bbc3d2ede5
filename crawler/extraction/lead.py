"""The lead: the marked teaser paragraph, else the meta description."""

import lxml.etree

from crawler.extraction.page import text_of


# A union of three tag searches, not "//*[self::p or …]": libxml2 then tests the classes of those
# elements only; the result is the same, in page order.
LEAD_XPATH = lxml.etree.XPath(
    '(//p|//div|//span)[contains(@class, "lead") or contains(@class, "teaser-text")'
    ' or contains(@class, "intro") or contains(@class, "standfirst") or contains(@class, "summary")'
    ' or @itemprop="description"]'
)

MIN_LEAD_WORDS = 8

MAX_LEAD_WORDS = 120


def article_lead(tree, fallback: str | None = None) -> str | None:
    """The story's lead paragraph (teaser) when the page marks one, else the meta description."""
    for element in LEAD_XPATH(tree):
        text = text_of(element)
        if MIN_LEAD_WORDS <= len(text.split()) <= MAX_LEAD_WORDS:
            return text
    return fallback
