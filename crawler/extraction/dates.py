"""Publication and modification dates, and where the publication date came from."""

import json
import re
from contextlib import contextmanager
from functools import lru_cache
from copy import deepcopy
from datetime import date, datetime, timedelta
from itertools import islice
from typing import NamedTuple
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import lxml.etree
from htmldate import find_date
from htmldate.extractors import get_external_parser

from crawler.extraction.page import (
    RELATED_LABEL,
    ANY_WEEKDAY,
    DIALOG_XPATH,
    DESCRIBING_TYPES,
    jsonld_scripts,
    jsonld_types,
    script_nodes,
    string_value,
    text_key,
    holds_story_opening,
    CAPITAL,
    page_text_pieces,
    plain_text_pieces,
    DATELINE_AFTER,
    DATELINE_BEFORE,
    OUTSIDE_THE_STORY,
    CARD_CLASSED,
    BOX_HEADINGS,
    SHORT_YEAR_DATE,
    ISO_DATE,
    SLASHED_DATE,
    STORY_TYPES,
    UNSEEN_TEXT,
    VISIBLE_DATE,
    dated_entries,
    dated_blocks,
    dated_lists,
    find_headline_element,
    is_top_level,
    put_back,
    take_out,
    text_near_headline,
    body_text,
    body_text_without,
    meta_content,
    read_once,
    story_nodes,
    text_of,
)


BERLIN = ZoneInfo("Europe/Berlin")

# The web's news archive starts here; earlier dates on a page are founding years or typos
# (the publisher's "foundingDate" in the markup of nytimes.com, cbsnews.com, drk.de).
EARLIEST_DATE = date(1995, 1, 1)

MONTH_NUMBERS = {
    "januar": 1,
    "jänner": 1,
    "februar": 2,
    "märz": 3,
    "april": 4,
    "mai": 5,
    "juni": 6,
    "juli": 7,
    "august": 8,
    "september": 9,
    "oktober": 10,
    "november": 11,
    "dezember": 12,
    # As date lines abbreviate them ("26. Jan 2022", "3. Okt. 2023": bmel.de, bnn.de, reitschuster.de).
    "jan": 1,
    "jän": 1,
    "feb": 2,
    "mär": 3,
    "mrz": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "okt": 10,
    "nov": 11,
    "dez": 12,
    # English names where they differ from the German ones, as the English editions of German
    # sources and British English print the day first: "3 December 2026", "3 Oct 2026, 14:05"
    # (verfassungsblog.de, bbc.com, snopes.com).
    # The American order ("December 3, 2026, 7:04 pm ET") is not read as a date line: its time
    # is in another zone, and 47 of the article-extraction set's American pages would change.
    "january": 1,
    "february": 2,
    "march": 3,
    "mar": 3,
    "may": 5,
    "june": 6,
    "july": 7,
    "october": 10,
    "oct": 10,
    "december": 12,
    "dec": 12,
}


def visible_dates(text: str) -> list:
    """Matches of the dates a page prints, in text order: "21.11.2026", "21. November 2026",
    "26/12/2019", "28.09.19", "2026-11-21"."""
    matches = [
        *VISIBLE_DATE.finditer(text),
        *SLASHED_DATE.finditer(text),
        *SHORT_YEAR_DATE.finditer(text),
        *ISO_DATE.finditer(text),
    ]
    return sorted(matches, key=lambda match: match.start())


# A time of day alone, said to be one ("12:03 Uhr", "9:30 a.m."): not a score ("Handball 31:28").
# Date lines print it before the day ("Published 11:11 PM EST Nov 19, 2019": detroitnews.com,
# usatoday.com, chron.com).
TIME_ALONE = re.compile(r"(?<![\d:])\d{1,2}:\d{2}\s*(?:Uhr\b|[ap]\.?m\b\.?)", re.IGNORECASE)
# A digit run into the word before it ("FINTECH20. Juni 2019": two elements read as one; a name
# or a label and the date beside it on aerokurier.de, amnesty.de, channelpartner.de).
RUN_INTO_WORD = re.compile(r"(?<=[^\W\d])(?=\d)")


def text_before_date(text: str) -> str:
    """``text`` up to the first date (day, month and year) or time of day it prints, also one
    run into the word before it; all of ``text`` without one."""
    inserted = [match.start() for match in RUN_INTO_WORD.finditer(text)]
    spaced = RUN_INTO_WORD.sub(" ", text)
    starts = [match.start() for match in visible_dates(spaced) if _from_match(match) is not None]
    starts += [match.start() for match in TIME_ALONE.finditer(spaced)]
    if not starts:
        return text
    start = min(starts)
    # Back to the position in ``text``: less the spaces put in before it.
    return text[: start - sum(1 for count, position in enumerate(inserted) if position + count < start)]


# Where a publication date came from (``articles.date_source``), most certain first: the page's
# structured data (JSON-LD, microdata), its meta tags, the date line it prints by the headline,
# the feed or news sitemap that listed it, its URL, or htmldate's reading of the whole page.
DATE_FROM_STRUCTURED_DATA = "structured data"

DATE_FROM_META = "meta"

DATE_FROM_VISIBLE_LINE = "visible line"

DATE_FROM_URL = "url"

DATE_FROM_PAGE = "page"


class PublicationDates(NamedTuple):
    published: str | None
    modified: str | None
    source: str | None  # one of the DATE_FROM_* values; None without a published date


def article_dates(
    tree, url: str, now: datetime | None = None, headline: str | None = None, text: str = ""
) -> PublicationDates:
    """``(published, modified, source)``: dates as ISO 8601, future dates and dates before 1995
    rejected, and where the published date came from (``DATE_FROM_*``).

    ``headline`` (the story's title) locates the date line printed next to it; ``text`` (the
    story's extracted text) tells the story from what a page sets before its headline.
    """
    now = now or datetime.now(BERLIN)
    if dated_entries(tree, headline, text):
        # A live ticker's or a timeline's entries print later days than the story's: its dates
        # are read from a copy of the page without them (a rare page: the copy costs nothing
        # elsewhere).
        tree = deepcopy(tree)
        take_out(dated_entries(tree, headline, text))
    nodes = story_nodes(tree, url)
    published_candidates = [
        *((DATE_FROM_STRUCTURED_DATA, node.get("datePublished")) for node in nodes),
        (DATE_FROM_META, meta_content(tree, "article:published_time", "og:article:published_time")),
        *((DATE_FROM_STRUCTURED_DATA, value) for value in _story_microdata(tree, "datePublished")),
        (
            DATE_FROM_META,
            meta_content(
                tree,
                "publishdate",
                "pubdate",
                "date",
                "DC.date.issued",
                "dcterms.issued",
                "parsely-pub-date",
                "sailthru.date",
            ),
        ),
        *(
            (DATE_FROM_STRUCTURED_DATA, value)
            for value in tree.xpath(f"//time[@pubdate][not({OUTSIDE_THE_STORY})]/@datetime")
        ),
    ]
    modified_candidates = [
        *(node.get("dateModified") for node in nodes),
        meta_content(tree, "article:modified_time", "og:updated_time"),
        *_story_microdata(tree, "dateModified"),
        meta_content(tree, "last-modified", "DC.date.modified", "dcterms.modified"),
        *UPDATED_TIMESTAMPS(tree),
    ]
    structured_source, structured = next(
        ((source, parsed) for source, value in published_candidates if (parsed := parse_date(value, now))),
        (None, None),
    )
    modified = _first_valid(modified_candidates, now)
    shown = shown_date(tree, headline, now, structured)
    if shown:
        # What the page prints as its date ("Erschienen am 13.10.2021", the date line under
        # the headline) outweighs a guess; a structured timestamp adds the time when it agrees.
        found = shown[:10]
    else:
        # htmldate weighs every date on the page and is right more often about the day; the
        # structured timestamp adds time and offset when it names the same day. Its reading
        # (the costliest step of the dates) is asked for only when the page prints no date.
        found = _htmldate_day(tree, url, nodes, headline, text, now)
    # A UTC timestamp names the day of its instant in Berlin, unless the page prints its UTC day
    # ("<time datetime="2019-12-26T23:07:45+00:00">26/12/2019</time>"): what readers saw wins.
    # Sites whose CMS runs on UTC print it: tageswoche.ch ("+00:00" printed as "03:00 Uhr"), and
    # WordPress sites left on UTC (careelite.de, viertausendhertz.de, mobilsicher.de).
    same_day = structured and (found == structured[:10] or not shown and found == _utc_day(structured))
    if found and not same_day:
        if shown and shown[:10] == found:
            published, source = shown, DATE_FROM_VISIBLE_LINE
        else:
            published = with_visible_time(found, tree)
            source = DATE_FROM_URL if _url_states_day(url, found) else DATE_FROM_PAGE
    else:
        published, source = structured, structured_source
    if published is not None and len(published) == 10:
        published = _with_time_element(published, tree, now)
    if modified is None:
        modified = shown_update(tree, headline, now) or _page_update(tree, now)
    if modified is not None and published is not None and modified <= published:
        modified = None
    return PublicationDates(published, modified, source if published else None)


def _htmldate_day(tree, url: str, nodes: list[dict], headline: str | None, text: str, now: datetime) -> str | None:
    """htmldate's day for the page, read first without what stands far before the story's
    headline (:func:`_far_before`) and without :data:`NOT_THE_STORY_S_DATES`, then, when that
    leaves no date, from the whole page.

    Above the story a site prints the day of the visit in its header ("Freitag, 21. Januar 2022"
    on handwerksblatt.de, whose story is of 14 January; "Mittwoch, 08. Juli 2020" on
    die-tagespost.de, "Sa, 19. Okt 2019" on tichyseinblick.de, "Freitag, 4. Februar 2022" on
    swim.de; the "td_data_time" of the tagDiv Newspaper theme on presse-augsburg.de, volksblatt.at
    and wildundhund.de), a consent banner its own "Stand:", top stories their days; htmldate's
    search of date-classed elements and of the text would take them for the story's."""
    limits = {"original_date": True, "min_date": EARLIEST_DATE.isoformat(), "max_date": now.date().isoformat()}
    # htmldate reads the URL first, and a day it finds there is its answer whatever the page
    # holds: asked of the URL alone, it spares the search for the blocks to leave out.
    if from_url := find_date(NO_PAGE, url=url, **limits):
        return from_url if _a_day_not_a_month(from_url, url, tree) else None
    target = find_headline_element(tree, headline) if headline else None
    first_left_out = _far_before(target, FAR_BEFORE_HEADLINE) if target is not None else []
    if target is not None:
        first_left_out += [block for block in _site_blocks_before(target) if block not in first_left_out]
    if any(holds_story_opening(element, text) for element in first_left_out):
        # The story stands before this <h1>: it is a sidebar's or another story's, not the story's.
        first_left_out = []
    holding = set(target.iterancestors()) if target is not None else set()
    # Dialogs over the page and other stories' dated cards are left out of every reading.
    never_the_story = []
    for element in [*DIALOGS(tree), *_dated_other_blocks(tree)]:
        if (
            element not in holding
            and not any(parent in never_the_story for parent in element.iterancestors())
            and not holds_story_opening(element, text)
        ):
            never_the_story.append(element)
    # The assets whose addresses hold a date: in the <head> or empty, none holds the story.
    never_the_story += _dated_assets(tree)
    update_lines = _update_lines(tree)
    first_left_out += [
        element
        for element in [
            *never_the_story,
            *NOT_THE_STORY_S_DATES(tree),
            *update_lines,
            *_pointers_to_other_stories(tree),
            *dated_lists(tree),
            *dated_blocks(tree),
            *_event_lines(tree),
        ]
        if element not in holding
        and not any(parent in first_left_out for parent in element.iterancestors())
        and not holds_story_opening(element, text)
    ]
    passes = [first_left_out]
    if any(line in first_left_out for line in update_lines) and (
        kept := [element for element in first_left_out if element not in update_lines]
    ):
        passes.append(kept)
    if never_the_story != passes[-1]:
        passes.append(never_the_story)
    for number, left_out in enumerate(passes):
        # htmldate's search of the text (``extensive_search``) is what costs on a large page. A
        # later pass reads the page of the first one with some left-out blocks put back: unless
        # their text prints a date, its search would find again what the first one rejected
        # (the year of a copyright line read as its first of January) and is not made.
        extensive = number == 0 or any(
            visible_dates(text_of(element)) for element in first_left_out if element not in left_out
        )
        taken = take_out(left_out)
        try:
            with _story_dates_only(tree, nodes, headline):
                found = find_date(tree, url=url, extensive_search=extensive, **limits)
        finally:
            put_back(taken)
        if found and _a_day_not_a_month(found, url, tree):
            return found
    return None


# Style sheets, scripts and icons the page loads: their addresses carry the day of a build or a
# cache-busting version ("styles.css?v=20250410", "/assets/2025/04/10/main.js"), which htmldate's
# search of the markup reads as a date (Joomla's, TYPO3's and custom CMSes' asset versions).
ASSET_REFERENCES = lxml.etree.XPath(
    '//link[contains(@rel, "stylesheet") or contains(@rel, "preload") or contains(@rel, "prefetch")'
    ' or contains(@rel, "icon") or contains(@rel, "manifest")] | //script[@src]'
)
# Eight digits, or a year, a month and a day parted by a dash or a slash: what htmldate reads as a
# date in an address.
DATE_IN_ADDRESS = re.compile(r"(?<!\d)(?:\d{8}|\d{4}[/-]\d{1,2}[/-]\d{1,2})(?!\d)")


def _dated_assets(tree) -> list:
    """The :data:`ASSET_REFERENCES` whose address holds a date."""
    return [
        element
        for element in ASSET_REFERENCES(tree)
        if DATE_IN_ADDRESS.search(element.get("href") or element.get("src") or "")
    ]


# An empty page: htmldate asked about the URL alone.
NO_PAGE = "<html></html>"


def _a_day_not_a_month(found: str, url: str, tree) -> bool:
    """Whether htmldate's ``found`` names a day: not the first of a month or of a year that only a
    month or a year stood for (a copyright line's year, "Heft 09/2024"), unless the URL or the
    page prints it as a day."""
    return not found.endswith("-01") or _url_states_day(url, found) or _prints_first_day(tree, found)


def warm_up_date_parser() -> None:
    """Compile what htmldate's parser of written-out dates (dateparser) compiles per language on
    first use: a date it cannot read in any language makes it compile them all, once per process
    (seconds), instead of during the first pages whose dates it is asked to read."""
    get_external_parser().get_date_data("xyz 5 qqq 2018 abc")


def _url_states_day(url: str, day: str) -> bool:
    """Whether the URL's path names ``day`` (YYYY-MM-DD) as news CMSes do: /2024/11/21/
    (hildesheimer-presse.de, WordPress), /2024-11-21- (domradio.de, dobszay.ch), /20241121
    (bundesrat.de)."""
    year, month, number = day.split("-")
    path = urlsplit(url).path
    return bool(re.search(rf"(?<!\d){year}[/_-]?{month}[/_-]?{number}(?!\d)", path))


def _story_microdata(tree, prop: str) -> list[str]:
    """Values of the microdata property ``prop`` ("datePublished") that belong to the story: not
    inside an item of another type (a VideoObject's, an ImageObject's, a Comment's, a related
    article's in an ItemList) nor in a block outside the story (:data:`OUTSIDE_THE_STORY`)."""
    return read_once(tree, "story_microdata", _read_story_microdata).get(prop, [])


def _read_story_microdata(tree) -> dict[str, list[str]]:
    # Both properties in one search of the page's elements.
    values = {}
    for element in STORY_DATE_PROPERTIES(tree):
        value = element.get("content") or element.get("datetime")
        if value and not _in_other_item(element):
            values.setdefault(element.get("itemprop"), []).append(value)
    return values


# Found from the attributes up, which tests only the elements that have an itemprop.
STORY_DATE_PROPERTIES = lxml.etree.XPath(
    f'//@itemprop[.="datePublished" or .="dateModified"]/parent::*[not({OUTSIDE_THE_STORY})]'
)


def _story_items(tree) -> list:
    """Microdata items of the story's types (``itemtype`` …/NewsArticle, …/BlogPosting)."""
    return [
        item
        for item in tree.xpath("//*[@itemscope][@itemtype]")
        if item.get("itemtype").rstrip("/").rsplit("/", 1)[-1] in STORY_TYPES
    ]


def _in_other_item(element) -> bool:
    """Whether a microdata property belongs to an item that is not the story: one of another
    type (VideoObject, ImageObject, Comment), or a story the page links to as related or lists
    ("itemListElement", "relatedLink"); a BlogPosting that is a Blog's "blogPost" is the story."""
    scope = next((parent for parent in element.iterancestors() if parent.get("itemscope") is not None), None)
    if scope is None:
        return False
    itemtype = (scope.get("itemtype") or "").rstrip("/").rsplit("/", 1)[-1]
    if itemtype in OTHER_ITEM_TYPES:
        return True
    return bool(set((scope.get("itemprop") or "").lower().split()) & RELATED_ITEM_PROPERTIES)


# Items on a story page that carry dates of their own: media (a video's broadcast or upload),
# comments and reviews (their microdata dates on comoeducarseusfilhos.com.br, wday.ru,
# bigbrandsystem.com, travanto.de, zooroyal.de), events, offers, lists of other stories. A container such as Blog,
# WebSite or CreativeWork may hold the story's own date.
OTHER_ITEM_TYPES = {
    "VideoObject",
    "AudioObject",
    "ImageObject",
    "MediaObject",
    "Clip",
    "Episode",
    "Comment",
    "Review",
    "Event",
    "Product",
    "Offer",
    "ItemList",
    "ListItem",
}

# Properties by which a page lists or links other stories in its microdata.
RELATED_ITEM_PROPERTIES = {"itemlistelement", "relatedlink", "isrelatedto", "mentions", "citation", "isbasedon"}


@contextmanager
def _story_dates_only(tree, nodes: list[dict], headline: str | None = None):
    """While htmldate reads ``tree``, its JSON-LD holds the story node's publication date only,
    and microdata and ``<time>`` elements of other items and blocks (:func:`_in_other_item`,
    :data:`OUTSIDE_THE_STORY`) are no dates.

    htmldate takes the first "datePublished" in any JSON-LD script: an embedded video's
    (VideoObject, broadcast before the story), a picture's, a comment's or a related article's
    when their script comes first (broadcasters, news sites with video players, blogs with
    comment markup). The story's own node (NewsArticle, BlogPosting …, also in an @graph) is
    the one that dates the page. A page without one keeps its scripts, but those that describe
    media items and no story, none of them named as the page's ``headline``: a video's page is
    dated by its video, a story with an embedded player (a script of its own beside the page's,
    as on winfuture.de, zdf.de and cnn.com) not; htmldate's search of the page's source reads
    any date in them.
    """
    # Microdata and <time> elements outside the story are hidden alike (renamed for the while).
    others = [
        element
        for element in DATE_ELEMENTS(tree)
        if element.get("itemprop") is None
        or element.xpath(f"boolean({OUTSIDE_THE_STORY})")
        # A page without story markup of its own (a podcast episode's, a video's) is dated by
        # its media item.
        or _in_other_item(element)
        and (nodes or _story_items(tree))
    ]
    stated = next((node["datePublished"] for node in nodes if isinstance(node.get("datePublished"), str)), None)
    if stated:
        # htmldate falls back on a meta tag's modification time before it reads the JSON-LD's
        # datePublished: a story updated months later would be dated by its update.
        others += MODIFICATION_METAS(tree)
    saved_elements = [(element, element.tag, dict(element.attrib), element.text) for element in others]
    for element in others:
        if element.tag == "time" and element.xpath(f"boolean({OUTSIDE_THE_STORY})"):
            # The day a teaser or comment prints: htmldate's search of the text would read it,
            # and of the days it finds it takes the oldest.
            element.text = None
        element.tag = "span"
        element.attrib.clear()
    scripts = jsonld_scripts(tree)
    if not nodes:
        scripts = [script for script in scripts if _describes_other_media(script.text or "", headline)]
    saved = [script.text for script in scripts]
    for script in scripts:
        script.text = ""
    if scripts and stated:
        scripts[0].text = json.dumps({"datePublished": stated})
    try:
        yield
    finally:
        for script, text in zip(scripts, saved):
            script.text = text
        for element, tag, attributes, text in saved_elements:
            element.tag = tag
            element.attrib.update(attributes)
            element.text = text


def _describes_other_media(script: str, headline: str | None) -> bool:
    """Whether a JSON-LD script describes media items (:data:`OTHER_ITEM_TYPES`) or things
    that state no publication (the publisher's Organization with its "foundingDate": cbsnews.com,
    news.sky.com, hss.de; a WebSite) and no story, none of them named as the page's ``headline``."""
    typed = [(node, jsonld_types(node)) for node in script_nodes(script)]
    typed = [(node, types) for node, types in typed if types]
    return (
        bool(typed)
        and all(types & OTHER_ITEM_TYPES or "datePublished" not in node for node, types in typed)
        and not any(types & DESCRIBING_TYPES for _node, types in typed)
        and not any(
            (key := text_key(string_value(node.get("name")) or string_value(node.get("headline"))))
            and key == text_key(headline)
            for node, _types in typed
        )
    )


# Dialogs over the page (a consent banner's "Stand:", orsted.de's Cookiebot banner; a
# match schedule's modal on rhein-neckar-loewen.de), and the dates that sidebars and other
# stories' blocks print in elements of their own: the date-classed items of the <aside> lists
# on tagblatt.ch, nzz.ch, bnn.de and 35 more of the benchmarks' pages, and the time-classed ones
# (a sidebar's "news-time" on denkmalpraxismoderne.de, the event calendar's "tribe-event-time" on
# fischundfang.de and wildundhund.de, a job list's on forstpraxis.de, "comment__timestamp",
# "recommended-stories-timestamp" on sportsnet.ca: 12 of the tune and article-extraction pages).
NOT_THE_STORY_S_DATES = lxml.etree.XPath(
    DIALOG_XPATH
    + ' | (//@class[contains(., "date") or contains(., "time")]/parent::* | //time)'
    + f"[not(*)][ancestor::aside or {OUTSIDE_THE_STORY}]"
)
# Other stories' cards and blocks of media and quotes, each taken out whole where its text prints
# a date: a card prints its day in a line of its own class ("teaser__meta": "12.03.2021 | Jonas
# Feldkamp"), which htmldate's search of the text reads and, asked for the original date, prefers
# as the earlier day. Boxes beside the story with a heading of their own too: a sidebar's
# "Meistgelesen" list, a widget of the latest posts (an <aside> without one may be the story's own
# meta box). Not comments: they print days after the story's, never before.
OTHER_BLOCK_TAGS = ("figure", "video", "blockquote", "aside")


def _other_blocks(tree) -> list:
    """The outermost cards, boxes, figures, videos and quotes (as above) that hold no ``<h1>``."""
    found = dict.fromkeys(
        [
            *CARD_CLASSED(tree),
            *(
                element
                for element in tree.iter(*OTHER_BLOCK_TAGS)
                if element.tag != "aside" or next(element.iter(*BOX_HEADINGS), None) is not None
            ),
        ]
    )
    return [
        block
        for block in found
        if next(block.iter("h1"), None) is None and not any(parent in found for parent in block.iterancestors())
    ]


# Dialogs over the page: never the story's, left out of htmldate's last reading of the page too.
DIALOGS = lxml.etree.XPath(DIALOG_XPATH)


def _dated_other_blocks(tree) -> list:
    """The :func:`_other_blocks` whose text prints a date (a card's lines run together in the
    element's text: "Von Martina Probst05.01.2021"); found once a page, for htmldate's readings
    and for the date line of a page without a headline element."""
    return read_once(
        tree,
        "dated_other_blocks",
        lambda tree: [block for block in _other_blocks(tree) if visible_dates(RUN_INTO_WORD.sub(" ", text_of(block)))],
    )


def _update_lines(tree) -> list:
    """Elements that print an update's date and no other ("<p>Aktualisiert am 22.11.2026, 10:15
    Uhr</p>", :data:`UPDATE_LABEL`; pronats.de, 1000things.at, travanto.de): htmldate's search of
    the page may read the update for the publication (18 of the tune half's dated pages, when such
    a line was put under the headline)."""
    if not UPDATE_WORD_THEN_DATE.search(body_text(tree)):
        return []
    lines = []
    for element in UPDATE_LABELLED(tree):
        text = text_of(element)
        found = visible_dates(text)
        if len(text) <= UPDATE_LINE_LENGTH and len(found) == 1 and UPDATE_LABEL.search(text[: found[0].start()]):
            lines.append(element)
    return lines


# Whether an element stands in a comment, a quoted post, a figure or another story's teaser.
IN_ANOTHER_BLOCK = lxml.etree.XPath(f"boolean({OUTSIDE_THE_STORY})")


def _page_update(tree, now: datetime) -> str | None:
    """The day of the page's update line where it stands away from the headline, as travanto.de
    prints "Zuletzt aktualisiert am 28.01.2020" under a listing's calendar (and Joomla's default
    "Zuletzt aktualisiert am Freitag, 08. Mai 2009 um 09:02" under the article): the one day the
    update lines outside comments and other stories' teasers print, else ``None``. The update
    lines are :func:`_update_lines`' (pronats.de, 1000things.at, travanto.de), read here for the
    modification where they stand."""
    days = set()
    for line in _update_lines(tree):
        if IN_ANOTHER_BLOCK(line):
            continue
        text = text_of(line)
        days.add(_plausible(_from_match(visible_dates(text)[0]), now))
    days.discard(None)
    return days.pop() if len(days) == 1 else None


def _pointers_to_other_stories(tree) -> list:
    """Short blocks that point to another story, a label first and a link inside ("Lesen Sie
    auch: <a>Stadtwerke planen neues Kraftwerk</a> (15.11.2026)", "Mehr zum Thema: …" on
    tagesschau.de, "Ähnliche Beiträge" on gruene-bundestag.de, "Weitere Artikel zu …" on
    wirtschaftspsychologie-aktuell.de): the day they print is the other story's."""
    pieces = plain_text_pieces(tree)
    if not any(
        RELATED_LABEL.match(piece)
        and any(visible_dates(later) for later in pieces[position : position + POINTER_PIECES])
        for position, piece in enumerate(pieces)
    ):
        return []
    pointers = []
    for block in LINK_HOLDERS(tree):
        # The label is the block's first text: its first pieces tell most blocks out at once.
        if not RELATED_LABEL.match(" ".join("".join(islice(block.itertext(), 3)).split())):
            continue
        text = text_of(block)
        if len(text.split()) <= POINTER_WORDS and RELATED_LABEL.match(text) and visible_dates(text):
            pointers.append(block)
    return pointers


# The blocks a link stands in, and how long a pointer to another story is at most.
LINK_HOLDERS = lxml.etree.XPath("//body//a/ancestor::*[self::p or self::li or self::div][1]")
POINTER_WORDS = 40
# Text pieces from a pointer's label to its day at most: the label, the link, the day.
POINTER_PIECES = 4


# An update line is a label, a date and a time; a longer text is a sentence or a whole date line.
UPDATE_LINE_LENGTH = 80

# Parts of the update labels' words, in either case ("Aktualisiert", "aktualisiert", "Update").
UPDATE_WORDS = ("ktualisiert", "pdate", "eändert")
# Such a word with a day's number soon after it: a page without one has no update line.
UPDATE_WORD_THEN_DATE = re.compile("(?:" + "|".join(UPDATE_WORDS) + r")\D{0,30}\d")

# The short elements whose own text has an update's label; read from the text up, lengths
# measured by libxml2.
UPDATE_LABELLED = lxml.etree.XPath(
    "//body//text()["
    + " or ".join(f"contains(., '{word}')" for word in UPDATE_WORDS)
    + f"]/parent::*[string-length(normalize-space()) <= {UPDATE_LINE_LENGTH}]"
)


# Characters of text before the headline beyond which nothing dates the story.
FAR_BEFORE_HEADLINE = 150


def _far_before(target, reach: int) -> list:
    """The outermost elements before ``target`` (the headline's element) whose text ends more
    than ``reach`` characters before it: the site's header and top bar, a consent banner, the
    top stories set above the story. Not those holding markup that dates the page."""
    far: list = []
    keeping = _dating_markup_holders(target)
    length = 0
    for ancestor in (target, *target.iterancestors()):
        if ancestor.tag in ("body", "html"):
            break
        for sibling in ancestor.itersiblings(preceding=True):
            length = _collect_far(sibling, length, reach, far, keeping)
    return far


def _site_blocks_before(target) -> list:
    """The blocks set directly in the page's ``<body>`` before the one holding ``target`` (the
    headline's element), near as they may be: the site's top bar, header and menu, as the walk
    around the headline reads them (``page._walk_near``). Not those holding markup that dates
    the page."""
    top = next((element for element in (target, *target.iterancestors()) if is_top_level(element)), None)
    if top is None:
        return []
    blocks = [block for block in top.itersiblings(preceding=True) if isinstance(block.tag, str)]
    if not blocks:
        return []
    keeping = _dating_markup_holders(target)
    return [block for block in blocks if block not in keeping]


def _dating_markup_holders(target) -> set:
    """The elements of ``target``'s page that hold markup dating it (:data:`KEEPS_DATES`), and
    that markup's own elements."""
    return {holder for element in KEEPS_DATES(target.getroottree()) for holder in (element, *element.iterancestors())}


def _collect_far(element, length: int, reach: int, far: list, keeping: set) -> int:
    """:func:`_far_before` for ``element`` with ``length`` characters between it and the
    headline; returns the length with its text (and tail) added, as far as it counts."""
    length += len((element.tail or "").strip())
    if not isinstance(element.tag, str):
        return length
    if length >= reach and element not in keeping:
        # Everything before is far too: its length no longer matters.
        far.append(element)
        return length
    shown = _shown_length(element, reach - length)
    if length + shown > reach and len(element):
        # Near and far text in one element (or far text around dating markup): its children
        # decide, the nearest first.
        for child in reversed(element):
            length = _collect_far(child, length, reach, far, keeping)
        return length + len((element.text or "").strip())
    return length + shown


def _shown_length(element, enough: int) -> int:
    """The characters of ``element``'s visible text, counted until they pass ``enough``."""
    length = 0
    for node in element.iter():
        # A comment's own text is no text node; its tail is.
        unseen = not isinstance(node.tag, str) or node.tag in UNSEEN_TEXT
        for piece in (None if unseen else node.text, None if node is element else node.tail):
            if piece:
                length += len(piece.strip())
        if length > enough:
            break
    return length


# What dates the page in markup, wherever it stands: JSON-LD, microdata.
KEEPS_DATES = lxml.etree.XPath(
    '//script[@type="application/ld+json"]'
    ' | //@itemprop[.="datePublished" or .="dateModified" or .="dateCreated"]/parent::*'
)


# Meta tags stating when the page was last changed: article:modified_time, og:updated_time,
# Dublin Core's and others' "modified" and "last-modified".
MODIFICATION_METAS = lxml.etree.XPath(
    "//meta[re:test(concat(@property, ' ', @name, ' ', @itemprop), 'modif|updated|revised', 'i')]",
    namespaces={"re": "http://exslt.org/regular-expressions"},
)
# The microdata dates and <time> elements htmldate reads, outside the story or microdata; found
# from the itemprop attributes up and by tag, not by testing every element of the page.
DATE_ELEMENTS = lxml.etree.XPath(
    '(//@itemprop[.="datePublished" or .="dateModified" or .="dateCreated" or .="uploadDate"]/parent::*'
    f" | //time)[{OUTSIDE_THE_STORY} or @itemprop]"
)


def parse_date(value, now: datetime | None = None) -> str | None:
    """A page's date value as ISO 8601 (date, or timestamp with offset); ``None`` if implausible.
    Markup writes them in ISO 8601's forms and around it: an offset without a colon ("+0100":
    badische-zeitung.de, ga.de, kyffhaeuser-nachrichten.de), a space for the "T" (cbssports.com,
    zdnet.com, 9to5mac.com), no offset (chip.de), UTC's "Z" (tagblatt.ch, nzz.ch)."""
    if not isinstance(value, str) or not value.strip():
        return None
    value = value.strip()
    now = now or datetime.now(BERLIN)
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        parsed = _visible_datetime(value)
        if parsed is None:
            return None
        value = parsed.isoformat() if (parsed.hour, parsed.minute) != (0, 0) else parsed.date().isoformat()
    if not EARLIEST_DATE <= parsed.date() <= (now + timedelta(days=1)).date():
        return None
    if len(value) <= 10:
        return value
    # One spelling of an instant, to the second: "+0100" (PHP's date format "O") and "+01" are
    # written "+01:00", "2019-11-20 13:42:06" with its "T", milliseconds left out.
    parsed = parsed.replace(microsecond=0)
    if parsed.tzinfo is None:
        # A local time without offset: German news sites mean Berlin time.
        return parsed.replace(tzinfo=BERLIN).isoformat()
    if parsed.utcoffset() == timedelta(0):
        # UTC is how content systems serialise, not where the story appeared: the same
        # instant in Berlin time gives the calendar day readers saw.
        return parsed.astimezone(BERLIN).isoformat()
    return parsed.isoformat()


# A date the page labels as its publication date: "Erschienen am: 13.10.2021", "Datum: 03.02.2022"
# (bmel.de, literaturkritik.de, bka.de, zoll.de, futurezone.at's "Erstellt am", bmz.de's
# "Pressemitteilung vom", hertha-blog.de's "Published:").
# A press release's own day, its number between ("Pressemitteilung Nr. 412 vom …": statistics
# offices, ministries), in the names press offices give their releases ("Presseinformation",
# "Medienmitteilung" in Switzerland).
RELEASE_DAY = (
    r"(?:pressemitteilung|presseinformation|pressemeldung|medienmitteilung|medieninformation)"
    r"(?:\s+(?:nr|no)\.?\s*[\d/-]+)?\s+vom"
)
PUBLISHED_LABEL = re.compile(
    r"\b(?:erschienen|veröffentlicht|publiziert|datum|erstellt|"
    # The nouns of a facts box's or a definition list's label: "Tag der Veröffentlichung",
    # "Veröffentlichungsdatum" (competition and tender portals, institutes' publication pages).
    # Not "Erscheinungstag": the e-paper's issue picker under it ("<label>Erscheinungstag</label>"
    # beside a date field holding the latest issue's day) on the regional papers' pages.
    r"veröffentlichung(?:sdatum|stag)?|publikationsdatum|"
    # Since when the page is online: "Online seit: 12.05.2009" (magazines' archives, chambers'
    # and associations' older CMSes), "Online gestellt am".
    r"online\s+(?:seit(?:\s+dem)?|gestellt)|"
    r"published|posted|" + RELEASE_DAY + r")"
    # The time since between label and day: "Veröffentlicht vor 4 Monaten am 23. September 2025"
    # (WordPress news themes' posted-on line), "Published 3 days ago on …".
    r"(?:\s+(?:vor\s+\d{1,3}\s+\w+|\d{1,3}\s+\w+\s+ago))?"
    r"(?:\s+(?:am|on))?(?:\s+" + ANY_WEEKDAY + r",?)?\s*:?\s*$",
    re.IGNORECASE,
)
# Of those labels, "Datum:" alone names no publication, and "Pressemitteilung vom" a press
# release's own day.
DATE_ALONE_LABEL = re.compile(r"datum\b", re.IGNORECASE)
RELEASE_LABEL = re.compile(RELEASE_DAY + r"\b", re.IGNORECASE)

# A page's sentence about itself, under the post in the German WordPress default theme of old
# (Kubrick) and the themes made from it: "Dieser Beitrag wurde am Montag, den 3. Dezember 2011 um
# 14:10 Uhr in den Kategorien Wirtschaft, Region veröffentlicht" (its German translation; blogs'
# themes in public code print it so, with "in der Kategorie …" or without); the label follows
# the date, after the time and the categories.
SELF_REFERENCE = re.compile(
    r"\b(?:(?:dieser|der)\s+(?:beitrag|artikel|eintrag|text|post)\s+wurde|this\s+(?:entry|post|article)\s+was)\b[^.]{0,50}$",
    re.IGNORECASE,
)

# The future before a publication's label: "will be published on", "are to be published on",
# "wird voraussichtlich veröffentlicht am" (statistics offices' and institutes' releases announce
# their next release so, at the end of the text).
ANNOUNCED = re.compile(r"\b(?:will|shall|to)\s+be\s+$|\bwird\s+(?:voraussichtlich\s+)?$", re.IGNORECASE)

PUBLISHED_AFTER = re.compile(r"[^.]{0,120}?\b(?:veröffentlicht|publiziert|erstellt|geschrieben)\b", re.IGNORECASE)

# A date that is not the story's: an update, a product's release, or an event in a sentence
# ("am 18. Oktober 2021"; not "am Mittwoch, 26.01.2022", which bylines print: "Kathrin Führes am
# Mittwoch, 26.01.2022 - 14:30" on jagderleben.de, st-georg.de, zdnet.de, the bylines'
# NAME_BEFORE_DATE). Next to the headline: zeit.de's "Editiert am",
# tagesanzeiger.ch's "Aktualisiert:", "ab 1. November 2023" in lebensmittelpraxis.de's lead; the
# end of a range ("9.–15. März 2026", a week's review), a date in brackets. A dash after a name
# is a date line's ("Von Redaktion - 12. November 2024": the tagDiv Newspaper theme's meta line).
# A comma may follow the label: "Update, 19.10.2026: …" opening a paragraph of local news.
NOT_PUBLISHED = re.compile(
    r"(?:\b(?:aktualisiert|geändert|update[d]?|stand|bearbeitet|editiert|registriert|release|"
    r"mitglied seit|geboren|"
    # "v." for "vom" in a court's reference: "BFH v. 24.9.2026 - VIII R 17/24" (legal and tax news).
    r"am|vom|v\.|bis|ab|seit|zum|zur|dem|den|und|bis zum|ab dem|von|im|für|"
    r"nach|vor|ende|anfang|mitte)|(?<![^\W\d])\d\.?\s*[-–]|[(]|\d\.)\s*[:,]?\s*$",
    re.IGNORECASE,
)


# A word in lower case right before a label.
LOWER_CASE_WORD_BEFORE = re.compile(r"(?<![\w-])[a-zäöüß]{2,}\s+$")
# A magazine's issue right before a label: "Ausgabe 11/2025", "Heft 3 ·", "12/2026 ·".
ISSUE_BEFORE = re.compile(
    r"(?:\b(?:Ausgabe|Heft|Issue)\s+[\d/]+|\b\d{1,2}/(?:19|20)\d\d)\s*[·|,–-]?\s*$", re.IGNORECASE
)


# The page naming itself before its day in the date line by the headline: "Artikel vom
# 12.03.2004", "Meldung vom …", "Beitrag vom …" (older CMSes' and hand-made templates' article
# pages, public bodies' news, forums' and blogs' entries); "Press Release 11/04/2026" (companies'
# English newsrooms), which "release" alone would not date.
PAGE_OF_THE_DAY = re.compile(
    r"\b(?:(?:artikel|beitrag|meldung|nachricht|eintrag)\s+vom|press\s+release)\s*:?\s*$", re.IGNORECASE
)


# An event's day, as an event box or a schedule labels it ("Wann: Samstag, 25. April 2026, 19 Uhr",
# "Termin: 25.04.2026", "Beginn: …", "Einlass: …", "When: …"; the weekday may stand between):
# the day something happens, not the story's.
EVENT_WORDS = r"(?:wann|termine?|beginn|einlass|veranstaltungs(?:beginn|datum|tag)|anmeldeschluss|when)\s*:"
# A deadline, with or without its colon: "Antragsfrist 30.06.2025" (a funding programme's badge
# beside the date line), "Bewerbungsschluss: …", "Einsendeschluss ist der …", "Stichtag: …"
# (public bodies' calls, competitions, chambers' training offers): the day something is due.
DEADLINE_WORDS = (
    r"(?:(?:antrags|bewerbungs|einsende|einreichungs|abgabe|anmelde|melde|ausschreibungs)?(?:frist|schluss)"
    r"|stichtag|deadline)(?:\s*:|\s+(?:ist\s+)?(?:der|am)\b)?"
)
# The day the work under review comes out, in a review's fact box: "<dt>Kinostart</dt><dd>16.10.2025
# </dd>" (film magazines), "VÖ: 10.10.2025" (music magazines' Veröffentlichung), "Release-Termin"
# (games), "Erstausstrahlung" and "Sendetermin" (television). Not "Erscheinungsdatum", which
# dates the page itself on the federal bodies' sites, nor a "Press release".
RELEASE_WORDS = r"kinostart|filmstart|vö|erstausstrahlung|sende(?:termin|datum)|release[- ]?(?:date|datum|termin)"
# "Termin" needs no colon: a definition list or a table sets it apart ("<dt>Termin</dt><dd>Dienstag,
# 12. Mai 2026</dd>", chambers' and cities' event pages).
EVENT_DAY = re.compile(
    r"\b(?:"
    + EVENT_WORDS
    + r"|(?:veranstaltungs)?termin|"
    + DEADLINE_WORDS
    + r"|(?:"
    + RELEASE_WORDS
    + r")\s*:?"
    + r")\s*(?:"
    + ANY_WEEKDAY
    + r"|[A-Z][a-z]\.?)?,?\s*$",
    re.IGNORECASE,
)
# The label of such a day at the start of an element's text ("<strong>Wann:</strong>").
EVENT_LABEL = re.compile(EVENT_WORDS + r"|" + DEADLINE_WORDS + r"(?=\s*\d)", re.IGNORECASE)
# The blocks an event's line stands in.
EVENT_LINE_BLOCKS = {"p", "li", "div", "tr", "dd", "dl"}


def _event_lines(tree) -> list:
    """The blocks whose text starts with an event's label (:data:`EVENT_LABEL`: "Wann: Samstag, 25.
    April 2026, 19 Uhr"), looked for only when a text piece of the page starts so."""
    if not any(EVENT_LABEL.match(piece) for piece in plain_text_pieces(tree)):
        return []
    lines = {}  # in page order, each once
    for element in tree.iter():
        if isinstance(element.tag, str) and element.text and EVENT_LABEL.match(element.text.strip()):
            block = next(
                (block for block in (element, *element.iterancestors()) if block.tag in EVENT_LINE_BLOCKS), None
            )
            if block is not None:
                lines[block] = None
    return list(lines)


# A weekday and date after a preposition that follows a verb or another lower-case word: a date
# in a sentence ("bietet sich am Freitag, 31. Januar", ahlen.de; "heißt es am Dienstag, den 31.
# Oktober 2023", bernau-live.de; "blickt sie am Mittwoch, 13.10.2021", thw.de; also
# feuerwehrverband.de, handball.ch, kyffhaeuser-nachrichten.de), as a lead names an event's
# day. Bylines print a name before it ("Kathrin Führes am Mittwoch, 26.01.2022 - 14:30" on
# jagderleben.de, st-georg.de, zdnet.de), labels their word ("veröffentlicht am Montag, …", read as labelled above).
ON_A_WEEKDAY_IN_A_SENTENCE = re.compile(
    r"(?<![\w-])(?!(?:veröffentlicht|erschienen|publiziert|erstellt|geschrieben|gepostet|aktualisiert)\b)"
    r"[a-zäöüß]+\s+(?:am|vom|bis|ab|seit)\s+" + ANY_WEEKDAY + r",?\s*(?:den\s+)?$"
)


def _dates_something_else(text: str, match, label, structured: str | None) -> bool:
    """Whether a day labelled as a publication's (``label``: the :data:`PUBLISHED_LABEL` match
    before ``match`` in ``text``, or None where the page's sentence about itself dated it) is
    another's than the page's."""
    if MEDIA_LENGTH.match(text, match.end()):
        # A video's or an episode's day, its length after it ("veröffentlicht am 26.09.2024,
        # 3:12 Min." in a player's caption, as in the date line below).
        return True
    if not label:
        return False
    # What stands before the label.
    start, end = max(0, match.start() - 80), max(0, match.start() - 40) + label.start()
    return bool(
        # A day announced ("The next results will be published on 29 April 2026").
        ANNOUNCED.search(text, start, end)
        # The label in lower case after a word in lower case: a sentence about something
        # published ("In a judgment published on 7 October 2026, the court held …": a law
        # firm's note on a ruling), not a label of the page's; unless the sentence is the
        # page's about itself ("Dieser Eintrag wurde veröffentlicht am …", "This entry was
        # posted on …": the WordPress themes' line under the post).
        or (
            label.group()[:1].islower()
            and LOWER_CASE_WORD_BEFORE.search(text, start, end)
            and not SELF_REFERENCE.search(text, start, end)
        )
        # A magazine's issue and the day it came out ("dds 12/2026 · erschienen am 27.11.2026"
        # in a box of the current issue beside a story of September), where the markup dates
        # the story: without, the issue's day is the best there is (an issue's pages as the
        # chambers' magazines put them online).
        or (structured and label.group().lower().startswith("erschienen") and ISSUE_BEFORE.search(text, start, end))
    )


# The label of the list of sources a story cites ("Quellen:", "Literatur", "Studien", "Sources",
# "Einzelnachweise"): their days are the studies' publication and the links' retrieval
# ("… in: Nutrients and Digestion (veröffentlicht 16.10.2026)", "(Abruf: 20.10.2026)"), as the
# health and science news sites and encyclopaedic pages list them.
SOURCES_LABEL = re.compile(
    r"(?:quellen(?:angaben|verzeichnis)?|quelle|literatur(?:hinweise|verzeichnis)?|studien|einzelnachweise"
    r"|fußnoten|anmerkungen|sources|references|referenzen)\s*:?",
    re.IGNORECASE,
)


def _source_lists(tree) -> list:
    """The lists (``<ul>``, ``<ol>``) right under a :data:`SOURCES_LABEL` line of their own."""
    return [
        element
        for element in tree.iter("ul", "ol")
        if (label := element.getprevious()) is not None
        and isinstance(label.tag, str)
        and SOURCES_LABEL.fullmatch(" ".join(text_of(label).split()))
    ]


def shown_date(
    tree,
    headline: str | None = None,
    now: datetime | None = None,
    structured: str | None = None,
) -> str | None:
    """The publication date as the page prints it, ISO 8601 (with Berlin time when shown).

    A date labelled as such ("Erschienen am", "Veröffentlicht", "Datum:") wins when the page
    labels only one day so; else the first date in the date line next to the headline (between
    it and the next heading), skipping updates ("Aktualisiert am") and dates inside sentences
    ("am 18. Oktober 2021"); of several there, the day of ``structured`` (the markup's
    publication date) if it is one of them. Without any, the day the page's ``<time>`` elements
    print; then a "Stand: …" line alone next to the headline (not when ``structured`` is an
    earlier day: the line then states the update), then the first day of a range ("14. - 20.
    Januar 2022").
    """
    now = now or datetime.now(BERLIN)
    text = body_text(tree)
    labelled, dated, released = set(), set(), set()
    listed = None
    for match in VISIBLE_DATE.finditer(text):
        # Not "26/12/2019" here: after "Datum:" it dates photos and data sets as often as stories.
        if (
            (label := PUBLISHED_LABEL.search(text[max(0, match.start() - 40) : match.start()]))
            or (
                SELF_REFERENCE.search(text[max(0, match.start() - 80) : match.start()])
                and PUBLISHED_AFTER.match(text[match.end() : match.end() + 160])
            )
        ) and not _dates_something_else(text, match, label, structured):
            if listed is None:
                # Nor a caption's: "Video: SWU, veröffentlicht am 28.09.2026" under an embedded
                # video dates the video.
                listed = " ".join(
                    " ".join(text_of(element).split())
                    for element in [*dated_lists(tree), *_source_lists(tree), *tree.iter("figcaption")]
                )
                # Link titles that end on a label's word, looked for once a page.
                link_titles = [" ".join(text_of(link).split()) for link in tree.iter("a")]
                labelled_links = {title for title in link_titles if title and PUBLISHED_LABEL.search(title)}
                # Links whose text holds a labelled day: a download's or another release's name
                # ("Medieninformation vom 16.09.2025: Schutzlücke …" in a newsroom's downloads).
                dated_links = [
                    title
                    for title in link_titles
                    # "vom" first: the label ends in it, a plain test before the expressions.
                    if "vom" in title.lower() and RELEASE_LABEL.search(title) and VISIBLE_DATE.search(title)
                ]
            before = " ".join(text[max(0, match.start() - 80) : match.start()].split())
            labelled_day = " ".join(text[max(0, match.start() - 40) : match.end()].split()).split(None, 1)[-1]
            phrase = " ".join(text[max(0, match.start() - 40) + label.start() : match.end()].split()) if label else ""
            if (
                labelled_day in listed
                or any(before.endswith(title) for title in labelled_links)
                or (phrase and dated_links and sum(title.count(phrase) for title in dated_links) >= text.count(phrase))
            ):
                # An item of a list of other stories with its day, or a card's link with its day
                # under it, whose title ends on the label's word ("Ergebnisse der Ausschreibung
                # veröffentlicht 23. Juni 2026", "Nachhaltigkeitsbericht 2025 veröffentlicht" in
                # a WordPress theme's related-posts carousel), or a link naming a release by its
                # day.
                continue
            kind = labelled
            if label and DATE_ALONE_LABEL.match(label.group()):
                kind = dated
            elif label and RELEASE_LABEL.match(label.group()):
                kind = released
            if day := _plausible(_from_match(match), now):
                kind.add(day)
    labelled.update(_press_datelines(tree, now))
    labelled.discard(None)
    # A day labelled as the publication's outweighs a "Datum:" of another day: a court ruling's,
    # a data set's or a photo's in a facts box (law and tax news, statistics offices' releases).
    deferred = None
    for days in (labelled, labelled | released | dated):
        if len({day[:10] for day in days}) == 1:
            day = max(days, key=len)
            if days <= released and structured and not _same_day(day, structured):
                # The release's own day ("Pressemitteilung vom 27. März 2025") where the markup
                # names another: a portal that runs the release later prints its own day by the
                # headline; that one, if printed, is the page's.
                deferred = day
                break
            # Several days labelled "Published" are a listing's teasers, not this story's date
            # (echte-demokratie-jetzt.de, finanzmarktwelt.de, zugreiseblog.de).
            return day
        if days:
            break
    after, before = text_near_headline(tree, headline)
    if not (after or before) and headline and len(headline.split()) >= 2 and headline in text:
        # No <h1> holds the headline: the date line is found around its text instead, without
        # the text of dialogs over the page (a consent banner's "Stand: 01.02.2022") and of other
        # blocks printing a date that do not hold the headline (another story's card).
        readable = body_text_without(
            tree,
            [element for element in [*DIALOGS(tree), *_dated_other_blocks(tree)] if headline not in text_of(element)],
        )
        if (position := readable.find(headline)) >= 0:
            after = readable[position + len(headline) : position + len(headline) + DATELINE_AFTER]
            before = readable[max(0, position - DATELINE_BEFORE) : position]
    shown, as_of, ranges = [], [], []
    # A page printing "10/28/2026" beside "11/04/2026" prints the American order throughout
    # (read once a date line holds a slashed date of two readings).
    month_first = None
    for window, nearest_first in ((after, False), (before, True)):
        matches = visible_dates(window)
        for match in reversed(matches) if nearest_first else matches:
            preceding = window[max(0, match.start() - 25) : match.start()]
            if MEDIA_LENGTH.match(window, match.end()):
                # A video's or an episode's day, its length after it ("09.03.2026 | 02:14 Min."
                # in a player's caption next to the headline on wdr.de, "05.11.2021 01:35 Min"
                # under auto.oe24.at's video teasers, "12.03.2026 · 45 min" in podcast players;
                # MEDIA_LENGTH names more).
                continue
            if (
                # "vom" after a release's label names its day: "Pressemitteilung Nr. 412 vom …";
                # so after the page's own noun in the date line (:data:`PAGE_OF_THE_DAY`).
                (
                    not NOT_PUBLISHED.search(preceding)
                    or RELEASE_LABEL.search(window, max(0, match.start() - 40), match.start())
                    or PAGE_OF_THE_DAY.search(preceding)
                )
                and not EVENT_DAY.search(preceding)
                and not ON_A_WEEKDAY_IN_A_SENTENCE.search(window[max(0, match.start() - 45) : match.start()])
            ):
                readings = _readings(match)
                if len(readings) > 1 and month_first is None:
                    month_first = _prints_month_first(text)
                shown.extend(_plausible(moment, now) for moment in (readings[::-1] if month_first else readings))
            elif AS_OF.search(preceding):
                as_of.append(_plausible(_from_match(match), now))
            elif start := RANGE_START.search(preceding):
                ranges.append(_plausible(_range_start(match, start), now))
    shown = [day for day in shown if day]
    if len({day[:10] for day in shown}) > 1 and (in_sentences := _days_in_sentences_only(tree, headline, now)):
        # A day inside a sentence of the lead or the text ("zum Stichtag 31. August 2026", a
        # deadline, the day of a meeting) comes after one on a line of its own ("09.09.2026"
        # over the headline of an association's release).
        shown = sorted(shown, key=lambda day: day[:10] in in_sentences)
    # A date line with two days ("29. Dezember 2022 · 30. Dezember 2022", updated and
    # published: arsnova.thm.de, heiko-adams.de, WordPress's posted-on line on
    # hildesheimer-presse.de): the one the markup names as published.
    stated = [day for day in shown if structured and _same_day(day, structured)]
    if not structured and len({day[:10] for day in shown}) > 1:
        # Without the markup's date, the story's own <time> elements tell which: their
        # ``datetime`` names the day the text shows ambiguously ("<time datetime="2026-06-04…">
        # 06/04/2026</time>" of English editions printing the American order; dw.com, the
        # international editions of German papers) or among others.
        stamps = [stamp for value in STORY_TIMESTAMPS(tree) if (stamp := parse_date(value, now))]
        stated = [day for day in shown if any(_same_day(day, stamp) for stamp in stamps)]
    found = (stated or shown or [_printed_time_element(tree, now) or _headline_date(headline, now)])[0]
    if found and (not deferred or _same_day(found, structured)):
        return found
    if deferred:
        return deferred
    datelines = set() if structured else _comma_datelines(tree, now) - {None}
    if len({day[:10] for day in datelines}) == 1:
        # No date line by the headline and none in the markup: the release's own dateline.
        return max(datelines, key=len)
    # No other date line: a "Stand: 28.04.2020 18:00 Uhr" alone next to the headline is the
    # story's date (tagesschau.de's, whose meta date is a later day), unless the markup's
    # publication is an earlier day: it then states the update (:func:`shown_update`).
    as_of = [day for day in as_of if day]
    if len({day[:10] for day in as_of}) == 1 and not (structured and structured[:10] < as_of[0][:10]):
        return max(as_of, key=len)
    # A week's or an event's report dated by its range ("Wochenbericht 14. - 20. Januar
    # 2022"): its first day.
    ranges = [day for day in ranges if day]
    return ranges[0] if len({day[:10] for day in ranges}) == 1 else None


# A piece of text longer than this is a sentence or a paragraph, not a date line.
DATE_LINE_LENGTH = 80
# Words in lower case before a date, two or more: a sentence leads to it ("Das Handwerk hat zum
# Stichtag …"), not a dateline ("Düsseldorf, 09.09.2026 –", "BERLIN (ots) –", "Veröffentlicht am").
SENTENCE_BEFORE = re.compile(r"(?<![(/\w])[a-zäöüß]{2,}\b.*(?<![(/\w])[a-zäöüß]{2,}\b")


def _days_in_sentences_only(tree, headline: str | None, now: datetime) -> set[str]:
    """The days that the text next to the headline prints inside its sentences only, never on a
    line of their own or opening a paragraph."""
    after, before = text_near_headline(tree, headline, pieces=True)
    in_lines, in_sentences = set(), set()
    for piece in after + before:
        for match in visible_dates(piece):
            if day := _plausible(_from_match(match), now):
                inside = len(piece) > DATE_LINE_LENGTH and SENTENCE_BEFORE.search(piece, 0, match.start())
                (in_sentences if inside else in_lines).add(day[:10])
    return in_sentences - in_lines


# A media item's length right after a date: "| 02:14 Min.", "· 45 min", ", Dauer: 3:05" (wdr.de's
# players and audio pages, "WDR 3 Kulturfeature | 23.03.2019 | 54:05 Min."; ProSieben's and
# SAT.1's video pages; the SR Mediathek's teasers, "Länge" beside "Datum").
MEDIA_LENGTH = re.compile(r"\s*[|·•,–-]?\s*(?:Dauer:?\s*)?(?:\d{1,2}:)?\d{1,3}(?::\d\d)?\s*(?:Min|min|Std)\b")

# The label of an update's date in the date line: "Aktualisiert am 22.11.2026, 10:15 Uhr"
# (t-online, FAZ.NET, Kölner Stadt-Anzeiger), "aktualisiert: 22.11.2026 um 10:15 Uhr" (RP
# ONLINE), "Zuletzt geändert am …" (public bodies' and IHK pages), "Updated …".
# Capitalised, with a colon or after the date line's separator ("07.06.2011, 19:42 Uhr,
# aktualisiert 08.06.2011", Handelsblatt's older pages): "… wird aktualisiert am 23.11." in a
# sentence is no label.
UPDATE_LABEL = re.compile(
    r"(?:\b(?:Aktualisiert|Zuletzt (?:aktualisiert|geändert)|Geändert|Updated?)(?:\s+(?:am|on))?"
    r"(?:\s+" + ANY_WEEKDAY + r",?)?\s*:?"
    r"|\b(?:aktualisiert|geändert|updated?)(?:\s+(?:am|on))?\s*:"
    r"|[,|·•]\s*(?:aktualisiert|geändert|updated?)(?:\s+(?:am|on))?)\s*$"
)


def shown_update(tree, headline: str | None = None, now: datetime | None = None) -> str | None:
    """The update the date line next to the headline prints ("Aktualisiert am 22.11.2026,
    10:15 Uhr", or a "Stand: …" after the publication), ISO 8601: the modification date of a
    page whose markup states none."""
    now = now or datetime.now(BERLIN)
    after, before = text_near_headline(tree, headline)
    for window in (after, before):
        for match in visible_dates(window):
            # Long enough for "Aktualisiert am Donnerstag, " (UPDATE_LABEL).
            preceding = window[max(0, match.start() - 30) : match.start()]
            if UPDATE_LABEL.search(preceding) or AS_OF.search(preceding):
                if day := _plausible(_from_match(match), now):
                    return day
    return None


# "Stand: 28.04.2020": the state of a page as of a day (an update line when it comes second; the
# date line of tagesschau.de, swr.de, wdr.de, aktiv-online.de). Not after a comma or an opening
# parenthesis: then it dates a figure on the line before it (a share price "241,30 Euro (+1,2 %),
# Stand: …", an incidence, a temperature; "(Stand: 27.1.2022)" on jagderleben.de, onmeda.de,
# finanztip.de).
AS_OF = re.compile(r"(?<![,(]\s)(?<![,(])\bstand\s*:?\s*$", re.IGNORECASE)

# The first day of a range before its last: "14. - 20. Januar 2022", "14.-20.01.2022" (ejwue.de,
# creativecommons.at, exlibris-deg.de). Not a digit ending a word: "Von red4 - 18. September
# 2025", an account's number before the tagDiv theme's dash and date.
RANGE_START = re.compile(r"(?<![\w.])(?P<day>\d{1,2})\.?\s*[-–]\s*$")


def _range_start(match, start) -> datetime | None:
    """The first day of the range whose last day ``match`` is, ``start`` its first day's match."""
    last = _from_match(match)
    if last is None or not 0 < int(start["day"]) < last.day:
        return None
    return last.replace(day=int(start["day"]), hour=0, minute=0, tzinfo=None)


# A press release's dateline: "Karlsruhe, (12.11.2021). Traditionell …" (ekiba.de), "Wuppertal
# (12.03.2026). In Wuppertal …" (the health insurers' and associations' regional releases),
# "(21. November 2022) …": also the lead of transgen.de's and energieverbraucher.de's news ("(5.
# Mai 2019) Lohnt …"). Without the comma, the place's words alone ("Mülheim an der Ruhr"), not a
# phrase ("Hinweis der Redaktion (12.03.2026): …", a correction's note) nor a sentence's start
# ("Am Mittwoch (12.11.2008) hatten die Gespräche …"). Not "(Bielefeld, 13. Juni 2025)", whose day
# inside the brackets is as often the reported event's (a club's review of its gala, published
# days later).
SENTENCE_OPENERS = (
    r"(?:Am|Im|An|Ab|Bis|Seit|Vom|Zum|Zur|Der|Die|Das|Den|Dem|Des|Ein|Eine|Einen|Nach|Vor|Bei|Für|Mit|"
    r"Von|Auf|In|Und|Ende|Anfang|Mitte|" + ANY_WEEKDAY + r")\b"
)
PLACE_NAME = (
    r"(?!"
    + SENTENCE_OPENERS
    + r")"
    + CAPITAL
    + r"[\w.-]*(?:\s+(?:(?:am|an|an der|im|in|ob der|bei)\s+)?(?!"
    + SENTENCE_OPENERS
    + r")"
    + CAPITAL
    + r"[\w.-]*){0,2}"
)
DATELINE_PLACE = re.compile(r"^(?:" + CAPITAL + r"[\w./ -]{0,40},\s*|" + PLACE_NAME + r"\s*)?\(\s*$")
COMMA_DATELINE_PLACE = re.compile(r"^" + PLACE_NAME + r",\s*(?:den\s+)?$")
# The dash may end the piece, the dateline set in bold before the text ("<strong>Frankfurt am
# Main, 16 April 2026 –</strong> A total of …").
COMMA_DATELINE_END = re.compile(r"\s*(?:\.|\s[-–—])\s+[A-ZÄÖÜ„\"»]\S*\s+\S+\s+\S+|\s+[-–—]$")


def _press_datelines(tree, now: datetime) -> set:
    """Days a text piece opens with in parentheses, after a place name or alone: the dateline
    of press releases and agency copy, as explicit as a label ("(12.11.2021)")."""
    days = set()
    for piece in page_text_pieces(tree):
        # Most pieces hold no bracket at all: tested before their whitespace is collapsed.
        if "(" not in piece:
            continue
        piece = " ".join(piece.split())[:80]
        if "(" not in piece[:45]:
            continue
        for match in visible_dates(piece):
            after = piece[match.end() :].lstrip()
            # The release's text goes on after it: a day alone in brackets after a link is
            # another story's in a list ("<a>Neue Ausstellung eröffnet</a> (12.10.2010)").
            if DATELINE_PLACE.match(piece[: match.start()]) and after.startswith(")") and len(after.split()) > 2:
                days.add(_plausible(_from_match(match), now))
    return days


def _comma_datelines(tree, now: datetime) -> set:
    """Days a text piece opens with after a place and a comma, the release's text after a full
    stop or a dash: "Würzburg, 28. Januar 2026. Die Handwerkswirtschaft …", "Düsseldorf,
    12.03.2026 – Die Stadtwerke …" (press releases of chambers, firms and public bodies). Read
    only where the markup states no date and no date line stands by the headline: a portal that
    runs the release later states its own, and that is the page's (nuernbergmesse.de, vvwl.de,
    wmd-brokerchannel.de, bildungsklick.de)."""
    days = set()
    for piece in page_text_pieces(tree):
        # Most pieces hold no comma early on: tested before their whitespace is collapsed.
        if "," not in piece[:60]:
            continue
        piece = " ".join(piece.split())[:80]
        if "," in piece[:45] and (match := next(iter(visible_dates(piece)), None)):
            if COMMA_DATELINE_PLACE.match(piece[: match.start()]) and COMMA_DATELINE_END.match(piece, match.end()):
                days.add(_plausible(_from_match(match), now))
    return days


# A date that opens the headline, set off from it: "12.03.26: Gastgewerbe startet …" (the press
# releases of chambers of commerce, whose CMS prints their headlines so in their lists and on
# the release), "21.11.2024 | Hafen wird erweitert".
HEADLINE_DATE_END = re.compile(r"\s*[:|–—-]\s")


def _headline_date(headline: str | None, now: datetime) -> str | None:
    """The date that opens ``headline``, set off from its words, on a page without a date line."""
    first = next(iter(visible_dates(headline or "")), None)
    if first is None or first.start() != 0 or not HEADLINE_DATE_END.match(headline, first.end()):
        return None
    return _plausible(_from_match(first), now)


def _printed_time_element(tree, now: datetime) -> str | None:
    """The day the page's ``<time>`` elements outside comments, quoted posts, figures, videos
    and related teasers (:data:`OUTSIDE_THE_STORY`) print
    ("<time datetime=…>25.01.2022</time>": adac.de, alpin.de, ekbo.de), wherever they stand: a
    CMS's publication stamp in a meta box far from the headline. When they print several days,
    none of them."""
    days, printed_days = set(), set()
    for element in tree.xpath(f"//body//time[not({OUTSIDE_THE_STORY})]"):
        if _labelled_as_no_publication(element):
            # "Aktualisiert am <time>23.04.2026</time>": the update, which shown_update reads
            # (aerztezeitung.de's "aktualisiert: <time>", anglerboard.de's "<dt>Aktualisiert</dt>
            # <dd><time>", "Updated <time>" on vox.com, digg.com, sfgate.com);
            # "Termin: <time>…</time>": an event's day.
            continue
        printed = visible_dates(own := text_of(element))
        if printed and (
            _names_no_publication(own[: printed[0].start()], as_of=True)
            or _labelled_as_no_publication(element, as_of=True)
        ):
            # The label inside the element: "<time>Stand: 08.05.2026, 07:45 Uhr</time>" on the
            # Ippen papers' story header and WELT's, "<time>Aktualisiert am …</time>" on ZEIT
            # ONLINE's and FAZ.NET's; or "Stand:" just before it, the same line set in two
            # elements: the as-of line, which the date line's rule reads against
            # the markup's publication. Its day is one of the days printed all the same: beside
            # a teaser's <time>, neither dates the story.
            days.add((_plausible(_from_match(printed[0]), now) or "")[:10])
            continue
        if printed:
            printed_days.add(_plausible(_from_match(printed[0]), now))
        else:
            # "vor 9 Stunden" on the story, a day on a teaser: the story's day is in the markup.
            days.add((parse_date(element.get("datetime"), now) or "")[:10])
    printed_days.discard(None)
    days = (days - {""}) | {day[:10] for day in printed_days}
    return max(printed_days, key=len) if printed_days and len(days) == 1 else None


def _labelled_as_no_publication(element, as_of: bool = False) -> bool:
    """Whether the label just before ``element`` names an update or an event's day (with
    ``as_of``, a state as of a day too): the text before it in its parent, or the term of the
    definition its parent is ("<dt>Termin</dt><dd><time>…</time></dd>")."""
    previous = element.getprevious()
    parent = element.getparent()
    before = (previous.tail if previous is not None else parent.text) or ""
    if not before.strip() and previous is None and parent.tag == "dd" and (term := parent.getprevious()) is not None:
        before = text_of(term)
    return _names_no_publication(before, as_of)


def _names_no_publication(label: str, as_of: bool = False) -> bool:
    """Whether ``label``, the text before a date, names an update or an event's day; with
    ``as_of``, a state as of a day too (the label a ``<time>`` element prints before its date)."""
    label = " ".join(label.split())[-40:]
    return bool(UPDATE_LABEL.search(label) or EVENT_DAY.search(label) or (as_of and AS_OF.search(label)))


def _plausible(moment: datetime | None, now: datetime) -> str | None:
    if moment is None or not EARLIEST_DATE <= moment.date() <= now.date():
        return None
    return moment.isoformat() if moment.tzinfo else moment.date().isoformat()


def _same_day(first: str, second: str) -> bool:
    return first[:10] == second[:10] or first[:10] == _utc_day(second)


def _utc_day(value: str) -> str | None:
    moment = datetime.fromisoformat(value)
    return moment.astimezone(ZoneInfo("UTC")).date().isoformat() if moment.tzinfo else None


def with_visible_time(day: str, tree) -> str:
    """``day`` with the time of day shown next to it on the page (Europe/Berlin), if any ("19.10.2019,
    05:00 Uhr" on tagblatt.ch, "5. November 2023, 14:09" on 5min.at, finanzmarktwelt.de): in the
    page's visible text, not in its scripts, whose dates are no reader's."""
    for match in visible_dates(body_text(tree)):
        moment = _from_match(match)
        if moment is not None and moment.date().isoformat() == day and match["hour"]:
            return moment.isoformat()
    return day


def _prints_first_day(tree, day: str) -> bool:
    """Whether the page writes ``day``, the first of a month, anywhere, markup included.
    htmldate's last resorts read a year alone as 1 January and a month alone as its first
    day: the copyright line's year ("© 2020" in the footers of chorknaben-ulm.de,
    geburtstagsecke.de, lavazza.de, markeich.de; "(c) 2011" in feuerwehrtaucher-oldenburg.de's
    DC.rights), a year in a script's comment (trainingline-english.de) or in the text
    ("Brutvogelatlas 2013–2016", vogelwarte.ch); a month in a file's name ("SE-2022-03-…" on
    sonnenenergie.de), and on 7mind.de, iconmagazine.de, minusl.de and trails.de the first of a
    month that none of them prints. A page that prints no day of its own then seemed published
    on the first."""
    year, month, _first = day.split("-")
    written = first_of_month(day)
    markup = lxml.etree.tostring(tree, encoding="unicode")
    # Each way of writing the day holds its year, or "." and the year's last two digits: the
    # whole expression, slow over a page's markup, is searched for around those places only.
    for place in re.finditer(rf"{year}|\.\s?{year[2:]}", markup):
        end = min(len(markup), place.end() + FIRST_DAY_REACH)
        found = written.search(markup, max(0, place.start() - FIRST_DAY_REACH), end)
        # A match that ends where the search stops was not checked for a digit after it.
        if found and (found.end() < end or end == len(markup)):
            return True
    return False


# How far around its year a way of writing a day reaches (a month's name and spaces between).
FIRST_DAY_REACH = 100


@lru_cache(maxsize=64)
def first_of_month(day: str) -> re.Pattern:
    """The ways of writing ``day`` (YYYY-MM-01) that :func:`_prints_first_day` looks for."""
    year, month, _first = day.split("-")
    short, number = year[2:], str(int(month))
    names = "|".join(name for name, value in MONTH_NUMBERS.items() if value == int(month))
    return re.compile(
        rf"(?<!\d)(?:0?1\.\s?0?{number}\.\s?(?:{year}|{short})(?!\d)|{year}[-/]{month}[-/]01(?!\d)"
        rf"|0?1/0?{number}/{year}|0?{number}/0?1/{year}"
        rf"|0?1\.?\s+(?:{names})\.?\s+{year}|(?:{names})\.?\s+0?1(?:st)?,?\s+{year})",
        re.IGNORECASE,
    )


# The timestamps of the story's <time> elements (not those of teasers, comments or media).
STORY_TIMESTAMPS = lxml.etree.XPath(f"//body//time[not({OUTSIDE_THE_STORY})]/@datetime", smart_strings=False)


def _hatom_timestamps(word: str):
    return lxml.etree.XPath(
        f'//body//time[contains(concat(" ", normalize-space(@class), " "), " {word} ")][not({OUTSIDE_THE_STORY})]'
        "/@datetime",
        smart_strings=False,
    )


# The hAtom microformat's names for the two: WordPress themes print the story's
# '<time class="entry-date published" datetime=…>' and '<time class="updated" datetime=…>'
# (hildesheimer-presse.de, tierschutz-berlin.de, arsnova.thm.de, dobszay.ch, careelite.de).
PUBLISHED_TIMESTAMPS = _hatom_timestamps("published")
UPDATED_TIMESTAMPS = _hatom_timestamps("updated")


def _with_time_element(day: str, tree, now: datetime) -> str:
    """``day`` with the time a ``<time>`` element of the story stamps on it: the one the
    hAtom class "published" marks, else the one instant the story's elements stamp on that
    day. The date line prints the day or "vor 2 Stunden", its ``datetime`` holds the instant
    (WordPress themes' entry dates, TYPO3 news, public bodies' press pages: aktiv-online.de,
    bmfsfj.de, umweltbundesamt.de, lbv.de)."""
    for timestamps in (PUBLISHED_TIMESTAMPS, STORY_TIMESTAMPS):
        instants = {
            stamp for value in timestamps(tree) if len(stamp := parse_date(value, now) or "") > 10 and stamp[:10] == day
        }
        if len(instants) == 1:
            return instants.pop()
    return day


def _visible_datetime(text: str) -> datetime | None:
    match = VISIBLE_DATE.search(text)
    return _from_match(match) if match else None


def _readings(match) -> list:
    """The dates a match can mean: "11/01/2021" is 11 January (ldt.de, coin-update.de,
    theoriginalcopy.de print the day first) or, on sites that print the American order
    (hollywoodreporter.com, billboard.com, jpost.com), 1 November; the markup's publication date
    then tells which."""
    moment = _from_match(match)
    if moment is None or match.re is not SLASHED_DATE or moment.month == moment.day or moment.day > 12:
        return [moment]
    return [moment, moment.replace(day=moment.month, month=moment.day)]


def _prints_month_first(text: str) -> bool:
    """Whether the slashed dates of ``text`` are in the American order: one of them can only be
    read month first ("10/28/2026") and none only day first ("28/10/2026"). German companies'
    English pages and newsrooms (their related releases' dates) print them so."""
    numbers = [(int(match["day"]), int(match["month"])) for match in SLASHED_DATE.finditer(text)]
    return any(second > 12 for _first, second in numbers) and not any(first > 12 for first, _second in numbers)


def _from_match(match) -> datetime | None:
    month = int(match["month"]) if match["month"] else MONTH_NUMBERS.get(match["month_name"].lower())
    if not month:
        return None
    day = int(match["day"])
    if match.re is SLASHED_DATE and month > 12 >= day:
        # "12/26/2019": the American order.
        day, month = month, day
    hour, minute = int(match["hour"] or 0), int(match["minute"] or 0)
    year = int(match["year"])
    try:
        moment = datetime(year + 2000 if year < 100 else year, month, day, hour, minute)
    except ValueError:
        return None
    return moment.replace(tzinfo=BERLIN) if match["hour"] else moment


def _first_valid(candidates, now: datetime) -> str | None:
    for candidate in candidates:
        parsed = parse_date(candidate, now)
        if parsed:
            return parsed
    return None
