"""The lead: the marked teaser paragraph, else the meta description."""

from crawler.extraction.page import text_of


LEAD_XPATH = (
    '//*[self::p or self::div or self::span][contains(@class, "lead") or contains(@class, "teaser-text")'
    ' or contains(@class, "intro") or contains(@class, "standfirst") or contains(@class, "summary")'
    ' or @itemprop="description"]'
)

MIN_LEAD_WORDS = 8

MAX_LEAD_WORDS = 120


def article_lead(tree, fallback: str | None = None) -> str | None:
    """The story's lead paragraph (teaser) when the page marks one, else the meta description."""
    for element in tree.xpath(LEAD_XPATH):
        text = text_of(element)
        if MIN_LEAD_WORDS <= len(text.split()) <= MAX_LEAD_WORDS:
            return text
    return fallback
