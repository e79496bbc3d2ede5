"""The lead: the marked teaser paragraph, else the meta description."""

import re

from crawler.extraction.page import page_elements, text_key, text_of


# What a class attribute holds where it may mark the lead (marks_lead then reads it word by word).
LEAD_CLASS_PARTS = re.compile("lead|teaser-text|intro|standfirst|summary")


def _lead_candidates(tree) -> list:
    """The page's paragraphs, ``<div>``s and ``<span>``s whose class holds one of
    :data:`LEAD_CLASS_PARTS` or that hold the ``description`` property, in page order: the
    XPath ``(//p|//div|//span)[contains(@class, "lead") or … or @itemprop="description"]``,
    quicker as a walk over those tags in Python than as libxml2's union of three searches."""
    return [
        element
        for element in page_elements(tree, "p", "div", "span")
        if LEAD_CLASS_PARTS.search(element.get("class", "")) or element.get("itemprop") == "description"
    ]


MIN_LEAD_WORDS = 8

MAX_LEAD_WORDS = 120


# The words of a class name: "ArticlePage-lead" is article, page, lead (latimes.com,
# washingtonexaminer.com); "leadText" lead, text (auto.oe24.at, futurezone.at).
CLASS_WORD = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+")

# Words of a class that mark the lead, whole: not "leading-6" (Tailwind's line height, on
# 1000things.at, 5min.at, aerokurier.de, golf.de and more), "tve-leads-two-step-trigger" (a
# sign-up form's: changenow.de, it-learner.de), "leaderboard" (an ad slot's: mz-web.de, cicero.de,
# venturebeat.com). The lead's own: watson.ch's "lead", nzz.ch's "leadtext", zeit.de's
# "article__intro", theguardian.com's "standfirst", bbc.com's "introduction", beige.de's "summary".
# "leader" followed by "board" is the ad slot's name written in two words ("leader-board",
# "adLeaderBoard"), as "leaderboard" is.
LEAD_WORDS = {"lead", "leader", "leadtext", "intro", "introtext", "introduction", "standfirst", "summary"}


# The lead's picture or video and what goes with it, named after the lead: "lead-asset"
# (telegraph.co.uk, wired.com), "article__lead-media" (bnn.de), "leadMediaRegion" (nbcdfw.com),
# "c-intro__image-container" (bsi.bund.de), "lead-image-credit" (emotion.de).
PICTURE_WORDS = {"asset", "media", "image", "img", "photo", "picture", "video", "figure", "gallery", "thumbnail"}
# Words after a lead word that make it none: its picture's, and "board" (the ad slot, above).
NOT_A_LEAD_AFTER = PICTURE_WORDS | {"board"}


def marks_lead(classes: str) -> bool:
    """Whether a class attribute names the element the story's lead, by whole words of one of
    its classes. Drupal's body field is typed "text with summary" in its class
    ("field--type-text-with-summary"; arbeit-und-arbeitsrecht.de, meininger.de, albawaba.com):
    that is the whole body, whose first words are often a box's."""
    for name in classes.split():
        words = [word.lower() for word in CLASS_WORD.findall(name)]
        if "with" in words and words[-1] == "summary":
            continue
        if any(
            word in LEAD_WORDS and following not in NOT_A_LEAD_AFTER for word, following in zip(words, words[1:] + [""])
        ):
            return True
        if "teaser-text" in "-".join(words):
            return True
    return False


def article_lead(tree, fallback: str | None = None, headline: str | None = None) -> str | None:
    """The story's lead paragraph (teaser) when the page marks one, else the meta description;
    neither when it only repeats the ``headline`` (an og:description set to the title:
    bayrische-bembel.de, pferd-aktuell.de, catchitkansas.com)."""
    for element in _lead_candidates(tree):
        if element.get("itemprop") != "description" and not marks_lead(element.get("class") or ""):
            continue
        if next(element.iter("h1", "h2"), None) is not None:
            # The article's header marked as its intro as a whole, with kicker, headline and
            # byline (bnn.de, brandeins.de, bmz.de, sciencealert.com): a lead marked inside it
            # comes next.
            continue
        text = text_of(element)
        if MIN_LEAD_WORDS <= len(text.split()) <= MAX_LEAD_WORDS and not _repeats(text, headline):
            return text
    return None if _repeats(fallback, headline) else fallback


def _repeats(text: str | None, headline: str | None) -> bool:
    return bool(text and headline) and text_key(text) == text_key(headline)
