"""The kicker: the few words above or before a headline that name its topic.

German papers call it Dachzeile or Spitzmarke, English ones kicker, topline or eyebrow
("Basketball-Euroleague:", "Düsseldorf", "Nach dem Brand"). It is kept apart from the
headline (``articles.kicker``), so that ``title`` is the headline as written and the kicker is
still shown and searchable.

:func:`article_kicker` runs after the headline is chosen (``crawler.extraction.headline.article_title``)
and tries three general rules in order; the first that finds a kicker decides.
"""

import re
from urllib.parse import urlsplit

import lxml.etree

from archive.indexing.search import UMLAUT_SPELLINGS
from crawler.extraction.bylines import byline_elements
from crawler.extraction.dates import text_before_date
from crawler.extraction.headline import (
    KICKER_COLON,
    KICKER_NAMES,
    clean_title,
    displayed_copy,
    metadata_titles,
)
from crawler.extraction.page import (
    BREADCRUMB_MARKS,
    RELATIVE_DAY,
    RELATIVE_TIME,
    copyright_holders,
    find_headline_element,
    is_other_story_card,
    is_hidden,
    site_names_of,
    text_key,
    text_near_headline,
    text_of,
    trail_sections,
)

# Longer than this, a "kicker" is a sentence: a lead or a second headline, not a topic label.
# (Cleaning the text, extract.py drops a repeated line above the headline only up to
# page.MAX_KICKER_WORDS.)
LONGEST_KICKER_WORDS = 8
LONGEST_KICKER_CHARACTERS = 80
# A line its class names a kicker may be a whole sentence: regional papers' Dachzeile over a short
# headline ("Handwerksbäckerei aus Kaulsdorf übernimmt sieben Filialen eines insolventen
# Konkurrenten" over "Backstube wird erweitert").
LONGEST_MARKED_KICKER_WORDS = 16
LONGEST_MARKED_KICKER_CHARACTERS = 160
# A class or data attribute naming the element a kicker, inside a longer name too
# ("article-heading__kicker" on zeit.de, "seitenkopf__topline", badische-zeitung.de's
# "article__header__dachzeile", tagesschau.de's "dachzeile", foxnews.com's "eyebrow", bmz.de's
# "roofline", tagesspiegel.de's "ts-overline").
# A separator may part a compound name's words: "pre-title" (the Swiss federal portals' "text-dimmed
# pre-title"), "top_line", "over-line".
KICKER_MARK = re.compile(
    "|".join(re.sub(r"^(pre|top|over|roof|super|eye)(?=\w)", r"\1[-_]?", name) for name in KICKER_NAMES), re.IGNORECASE
)
SITE_SEPARATOR = re.compile(r"(?<!\s)\s+(?:\||-|–|—|·|•)\s+")
# What may stand between a kicker and a date line cut off it.
KICKER_END = " |-–—·•,:/"
# A byline's start: "Von" or "By" and a capital.
BYLINE_START = re.compile(r"(?:Von|By)\s+[A-ZÄÖÜ]")
# How long ago, set after the topic in the same topline ("Wirtschaft · vor 2 Std."): the date
# line's start, as a day is.
RELATIVE_TIME_AFTER = re.compile(r"(?:^|\s)" + RELATIVE_TIME, re.IGNORECASE)


def article_kicker(tree, headline: str | None, url: str) -> str | None:
    """The kicker of the story whose headline is ``headline``, or ``None``.

    1. **Marked**: an element inside the headline, or just before it in the same header, whose
       class or data attributes name it a kicker. The common case in news CMSes: ZEIT ONLINE
       and many WordPress news themes (``…__kicker``), the ARD's sites (``…__topline``),
       Funke and Ippen titles (``…dachzeile``, ``…spitzmarke``).
    2. **First line of the headline element**: the heading is set in two lines (``<br>``, a
       block or a first ``<span>``) and the lines after the first are the headline (regional
       papers and agencies' press portals set the place or topic so).
    3. **Metadata title**: og:title, the JSON-LD headline or ``<title>`` is "Kicker: Headline"
       with the visible headline after the colon (SPIEGEL, RP ONLINE, n-tv write their SEO
       titles so), and the page shows the kicker by the headline too: a hook written for sharing
       alone is none, and so is a word the page prints elsewhere only (a category link at the
       story's end, "Gastbeitrag" in the menu).
    """
    if tree is None or not headline:
        return None
    element = find_headline_element(tree, headline)
    if element is not None:
        kicker = _marked_kicker(element) or _first_line_kicker(element, headline)
        if kicker:
            return kicker
    return _metadata_kicker(tree, headline, url)


# The word a date line's label ends on before its date.
DATE_INTRODUCED = re.compile(r"(?:^|\s)(?:vom|am|seit|stand|datum|from|on|dated)$", re.IGNORECASE)


def _plausible(
    text: str | None,
    headline: str,
    longest_words: int = LONGEST_KICKER_WORDS,
    longest_characters: int = LONGEST_KICKER_CHARACTERS,
) -> str | None:
    # A date line set in the kicker's place or run into it is no topic: "27.01.2022" (bafa.de),
    # "1. Februar 2022" (bundeskanzleramt.gv.at), "FINTECH20. Juni 2019"
    # (it-finanzmagazin.de), "Flughafenbetreiber 12:03 Uhr UPDATE" (aero.de).
    text = clean_title(text)
    if len(text) > 2 * longest_characters:  # no kicker, even with a date line cut off
        return None
    if RELATIVE_DAY.match(text) or BYLINE_START.match(text):
        # A date line that says how long ago ("vor 2 Std.", "Gestern, 18:30 Uhr") in a topline;
        # a byline leading a title ("Von Katrin Albers: Zulieferer zieht …", PNN's older titles).
        return None
    text = RELATIVE_TIME_AFTER.split(text, maxsplit=1)[0]
    before_date = text_before_date(text)
    if before_date != text and DATE_INTRODUCED.search(before_date.rstrip(KICKER_END)):
        # The label of a date line: "Pressemitteilung vom 04.02.2026" set in the heading (chambers'
        # and public bodies' press releases), "Meldung vom …", "Stand: …".
        return None
    text = clean_title(before_date).rstrip(KICKER_END)
    if not text or len(text) > longest_characters or len(text.split()) > longest_words:
        return None
    if text_key(text) == text_key(headline) or not text_key(text):
        return None
    return text


def _is_marked(element) -> bool:
    attributes = " ".join(
        value for name, value in element.attrib.items() if name == "class" or name.startswith("data-")
    )
    return bool(KICKER_MARK.search(attributes))


# How far up from the headline its header block reaches: its parent and grandparent.
HEADER_LEVELS = 2


def _marked_kicker(headline_element) -> str | None:
    """Rule 1: a marked element inside the headline element or among the elements before it
    within its parent and grandparent (the header block), not counting the wrappers that hold
    the headline alone."""
    candidates = [part for part in headline_element.iterdescendants() if isinstance(part.tag, str)]
    container = headline_element
    level = 0
    while level < HEADER_LEVELS and (parent := container.getparent()) is not None:
        siblings = [sibling for sibling in container.itersiblings(preceding=True) if isinstance(sibling.tag, str)]
        for sibling in siblings:
            candidates.extend(_outside_cards(sibling))
        # A wrapper that holds the headline alone is no level of the header: page builders
        # (Elementor, Divi, WPBakery) set each widget, the headline's and the kicker's, in two
        # such wrappers of its own.
        if siblings or next(container.itersiblings(lxml.etree.Element), None) is not None:
            level += 1
        container = parent
    headline = clean_title(text_of(headline_element))
    # Right before the headline, a "subline" or a "subtitle" is a kicker too (a subtitle under it
    # elsewhere): "<p class="entry-subtitle">Rendsburg</p>" over the <h1> (WordPress news themes'
    # subtitle field, which the regional portals fill with the place or the topic).
    previous = next(headline_element.itersiblings(lxml.etree.Element, preceding=True), None)
    for candidate in candidates:
        marked = _is_marked(candidate) or (
            candidate is previous
            and SUBTITLE_CLASS.search(candidate.get("class") or "") is not None
            # Not the meta line set there, its day in a <time> ("Pressemitteilung Plenartagung
            # 08-07-2026 - 12:41" in the European Parliament's "ep_subtitle").
            and not TIMES(candidate)
        )
        if marked and any(
            _is_marked(part) and WORD.search(part.text_content())
            for part in candidate.iterdescendants(lxml.etree.Element)
        ):
            # A marked line holding the kicker's own marked element beside a badge ("<div
            # class="article__overline"><span class="badge">Ticker</span> <span
            # class="article__kicker">Zollhammer</span></div>", CH Media's tickers): the inner one.
            continue
        if marked and _a_menu_section(candidate):
            # The eyebrow links to a section the site's menu lists ("<p class="…__eyebrow"><a
            # href="/de/insights/">Insights</a></p>" under a menu holding "Insights"): the
            # section's name, set where a kicker stands; a topic page's link is no menu's item.
            continue
        if marked and not is_hidden(candidate) and len(LINKS(candidate)) < 2:
            # Not a topline of links (the categories, a comment count: "Alsfeld Politik
            # Wirtschaft 4" in a WordPress theme's "entry-topline").
            text = displayed_copy(candidate).text_content()
            # A sentence with its full stop is a lead the theme sets there, not a Dachzeile.
            limits = (
                () if text.strip().endswith(".") else (LONGEST_MARKED_KICKER_WORDS, LONGEST_MARKED_KICKER_CHARACTERS)
            )
            if kicker := _plausible(text, headline, *limits):
                return kicker
    return None


SUBTITLE_CLASS = re.compile("sub-?line|sub-?title|sub-?head(?:line|er)?", re.IGNORECASE)
TIMES = lxml.etree.XPath(".//time")
LINKS = lxml.etree.XPath(".//a")
# The site's menus: not a breadcrumb trail (page.BREADCRUMB_MARKS), whose last item may be the
# story's topic page (a dossier's, linked from the kicker too).
MENU_LINK_TEXTS = lxml.etree.XPath(
    f"(//nav | //header//ul)[not(ancestor-or-self::*{BREADCRUMB_MARKS})]//a//text()", smart_strings=False
)


def _a_menu_section(candidate) -> bool:
    """Whether ``candidate``'s text is one link's whose text the site's menu links too."""
    links = LINKS(candidate)
    if len(links) != 1 or (key := text_key(text_of(links[0]))) != text_key(text_of(candidate)):
        return False
    return any(text_key(text) == key for text in MENU_LINK_TEXTS(candidate.getroottree()) if text.strip())


# A letter or digit: a marked element holding only a separator ("entry-kicker__sep") is none.
WORD = re.compile(r"\w")


def _outside_cards(element):
    """``element`` and the elements inside it, without other stories' cards and what they hold:
    a rail of top stories before the story, each card with its own kicker."""
    walk = lxml.etree.iterwalk(element, events=("start",))
    for _, part in walk:
        if not isinstance(part.tag, str):
            continue
        if is_other_story_card(part):
            walk.skip_subtree()
            continue
        yield part


# Elements that start a new line of a heading.
LINE_STARTS = {"br", "div", "p", "small", "span", "strong"}


def _first_line_kicker(headline_element, headline: str) -> str | None:
    """Rule 2: the headline element's first line, when what follows it is the headline."""
    heading = displayed_copy(headline_element)
    children = [child for child in heading if isinstance(child.tag, str)]
    if not children:
        return None
    first = children[0]
    if (heading.text or "").strip():
        return None
    if first.tag == "br" or first.tag not in LINE_STARTS or is_hidden(first):
        return None
    rest = (first.tail or "") + "".join(
        child.text_content() + (child.tail or "") for child in children[1:] if not is_hidden(child)
    )
    if text_key(rest) != text_key(headline):
        return None
    return _plausible(first.text_content(), headline)


def _metadata_kicker(tree, headline: str, url: str) -> str | None:
    """Rule 3: "Kicker: Headline" in a metadata title whose rest is the visible headline (the
    SEO titles of SPIEGEL, RP ONLINE, n-tv)."""
    for title in metadata_titles(tree, url):
        parts = SITE_SEPARATOR.split(title)
        # A site name or section may follow or lead ("Kicker: Headline | Site"); the whole
        # title counts too, for a headline with a dash of its own.
        for candidate in dict.fromkeys([*parts, title]):
            match = KICKER_COLON.match(candidate)
            if (
                match
                and text_key(match["headline"]) == text_key(headline)
                and not SITE_SEPARATOR.search(match["kicker"])
            ):
                kicker = _plausible(match["kicker"], headline)
                # A site's name (also as its footer claims the copyright) or a section of its
                # breadcrumb trail leads the title of every story there ("Pressedienst: …" on a
                # city's press office pages, "Die Achse des Guten: …" on achgut.com's older ones).
                # Nor the author's name, as a column's title leads with it ("Dr. Markus Vollrath:
                # Warum …" on goldseiten.de, guest columns' SEO titles), printed in the byline.
                if (
                    kicker
                    and text_key(kicker)
                    not in {text_key(name) for name in site_names_of(tree, url) | copyright_holders(tree)}
                    | trail_sections(tree)
                    | {text_key(text_of(element)) for element in byline_elements(tree)}
                    and not _names_the_host(kicker, url)
                    and _shown_by_the_headline(tree, kicker, headline)
                ):
                    return kicker
    return None


def _shown_by_the_headline(tree, kicker: str, headline: str) -> bool:
    """Whether the page prints ``kicker`` with the headline: opening its heading, or a text piece
    shortly before or after it (a line of its own, a topline, the meta line's category, a
    column's label "Kolumne „Unterm Strich“"); not inside a sentence of the lead ("Ein
    Gastbeitrag von …")."""
    element = find_headline_element(tree, headline)
    after, before = text_near_headline(tree, headline, pieces=True)
    key = text_key(kicker)
    near = before[-KICKER_REACH:] + after[:KICKER_REACH]
    if element is not None:
        if text_key(heading := text_of(element)) != text_key(headline):
            # Opening the heading beside the headline; a heading that is the headline alone holds
            # no kicker, though its first words may be the metadata's ("Bäckerei Trattner:
            # Bäckerei Trattner baut …", a source's name before the title).
            near.append(heading)
        # The element right before the heading, which the walk of the page's text leaves out
        # when it is a block of the page's own (a topline set straight in the <body>).
        previous = next(element.itersiblings(lxml.etree.Element, preceding=True), None)
        if previous is not None and previous.tag not in NOT_BESIDE_THE_HEADLINE:
            near.append(text_of(previous))
    # A byline's label is no kicker shown: "Gastbeitrag von Florian Haas" under the headline, where
    # the og:title leads with "Gastbeitrag:" (opinion pages' and magazines' SEO titles; "Ein
    # Kommentar von …", "Interview by …").
    labelling = re.compile(re.escape(kicker) + r"\s+(?:von|by)(?:\s+[A-ZÄÖÜ]|\s*$)", re.IGNORECASE)
    return any(
        (
            text_key(piece).startswith(key)
            or (key in text_key(piece) and len(piece.split()) <= LONGEST_KICKER_WORDS and not piece.endswith("."))
        )
        and not labelling.search(piece)
        for piece in near
    )


# How many text pieces before and after the headline a kicker the metadata names may stand.
KICKER_REACH = 6
# The menus and boxes beside a heading say the site's sections, not the story's topic.
NOT_BESIDE_THE_HEADLINE = {"nav", "aside", "footer"}


def _names_the_host(text: str, url: str) -> bool:
    """Whether every word of ``text`` is a label of the page's host, umlauts written out: the
    site's name as its titles lead with it ("IHK Düsseldorf: …" on duesseldorf.ihk.de, "Stadt
    Köln: …" on stadt-koeln.de), linking words aside."""
    labels = set(re.split(r"[.-]", (urlsplit(url).hostname or "").lower()))
    words = [
        word for word in re.findall(r"\w+", text.casefold().translate(UMLAUT_SPELLINGS)) if word not in LINKING_WORDS
    ]
    # A label may add to the word: "ihk24" for "IHK" (dortmund.ihk24.de).
    return bool(words) and all(any(label.startswith(word) for label in labels) for word in words)


# Words that join a name's parts and that hosts leave out ("IHK zu Dortmund" on ihk.de/dortmund):
# they only keep a host's own name from being read as a kicker.
LINKING_WORDS = {"zu", "zum", "zur", "der", "die", "das", "des", "und", "für", "von", "in", "im", "am", "an"}
