"""What the field rules read from a page: its structured data, meta tags, visible text and
headline element, and the constants they share.
"""

import html
import json
import re
import weakref
from itertools import islice
from datetime import datetime
from urllib.parse import urlsplit

import lxml.etree


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

# JSON-LD types whose node describes the page's story (WebPage last: its dates are a fallback).
DESCRIBING_TYPES = ARTICLE_TYPES | {"LiveBlogPosting", "Recipe", "WebPage"}

STORY_TYPES = DESCRIBING_TYPES - {"WebPage"}

# A kicker or topic label above the headline is a few words at most.
MAX_KICKER_WORDS = 4

# The time of day after a date: "…, 14:30 Uhr", "… um 14.30 Uhr", "… | 14:30", "… / 14:30 Uhr",
# "… · 14:30".
# Not a length in minutes: "09.03.2026 | 02:14 Min." under a video is its day and its duration.
# Not the start of another date after the first ("Antragsfrist 30.06.2025 08.04.2025": a deadline
# beside the date line, whose "08.04" is no time of the first day).
TIME_OF_DAY = (
    r"(?:\s*(?:,|um|\||-|–|/|·|•)?\s*(?P<hour>\d{1,2})[:.](?P<minute>\d\d)(?!\.\d)(?!\s*(?:Min|min|Std)\b)(?:\s*Uhr)?)?"
)

# "21.11.2026, 14:30 Uhr", "21. November 2026 um 14.30 Uhr", "21.11.2026 | 14:30", "26. Jan. 2022";
# "07 Dezember, 2022", "7 November 2026" (WordPress themes' "d F, Y" and "j F Y" formats, Swiss
# and Austrian portals, English-language editions: wirtschaftspsychologie-aktuell.de,
# verfassungsblog.de, snopes.com): without the day's dot, a month's name only.
VISIBLE_DATE = re.compile(
    # The month's name may be parted by hyphens: "10-Jun-2026" (HubSpot's and older
    # English-language CMSes' default format).
    r"\b(?P<day>\d{1,2})(?:\.\s*(?P<month>\d{1,2})\.\s*|(?:\.\s*|\s+|-)(?P<month_name>[A-Za-zäÄ]{3,9})(?:\.?,?\s+|-))"
    r"(?P<year>(?:19|20)\d\d)" + TIME_OF_DAY
)

# "26/12/2019" (day first, as European sites print it: coin-update.de, strafprozess.ch,
# theoriginalcopy.de; "12/26/2019" when the second number cannot be a month), read in the date
# line, datelines and <time> elements, not after "Datum:".
SLASHED_DATE = re.compile(
    r"(?<![\d/])(?P<day>\d{1,2})/(?P<month>\d{1,2})/(?P<year>(?:19|20)\d\d)(?![\d/])(?P<month_name>(?!))?" + TIME_OF_DAY
)

# "28.09.19 12:44": a forum post's or comment system's two-digit year (this century), day and
# month with two digits each, so that version numbers ("13.1.1") and amounts stay out. News sites
# print it too: watson.ch's "19.10.19, 18:56", the DuMont papers' date line (mz-web.de,
# rundschau-online.de), mactechnews.de's forum.
SHORT_YEAR_DATE = re.compile(
    r"(?<![\d.])(?P<day>[0-3]\d)\.(?P<month>[01]\d)\.(?P<year>\d\d)(?![\d.]\d|\d)(?P<month_name>(?!))?" + TIME_OF_DAY
)

# "2026-03-12": the international order, as WordPress's "Y-m-d" date format and other CMSes print
# the date line (government and university sites, tech blogs, English-language editions), a time
# after it or not. Not a machine timestamp printed raw ("2019-11-18T23:30:00Z"): its UTC day is
# none a reader was shown.
ISO_DATE = re.compile(
    r"(?<![\d/.-])(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)(?![\d-]|T\d)(?P<month_name>(?!))?"
    + TIME_OF_DAY
)

WEEKDAY = r"(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag)"
ANY_WEEKDAY = r"(?:" + WEEKDAY + r"|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"

# A dozen rules read the same facts of one parsed page (its JSON-LD, meta tags, visible text):
# each is computed on first use and kept while the page's tree lives.
_PAGE_FACTS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def read_once(tree, fact: str, compute):
    facts = _PAGE_FACTS.setdefault(tree, {})
    if fact not in facts:
        facts[fact] = compute(tree)
    return facts[fact]


def hold_elements(tree) -> None:
    """Keep a Python object of every element of ``tree`` while the tree lives.

    lxml makes an element's Python object when code reaches it and drops it when nothing holds
    it: each walk of the page (the rules walk it a dozen times, trafilatura's prunes more) makes
    them all anew, through lxml.html's lookup of the element's class. Held once, every later walk
    finds them made (docs/notes/2026-12-extraction-cpu.md). The root is not held: it is the key
    the objects are kept under, and they go with it."""
    read_once(tree, "elements", lambda tree: list(tree.iterdescendants()))


def page_elements(tree, *tags):
    """The elements of the whole page ``tree`` belongs to, in page order: those of ``tags``, or
    every element (comments and processing instructions left out). What an XPath search from
    "//" reads, walked in Python where that is quicker than libxml2's search."""
    return tree.getroottree().getroot().iter(*(tags or (lxml.etree.Element,)))


def jsonld_nodes(tree) -> list[dict]:
    """Every JSON object in the page's ``application/ld+json`` scripts, ``@graph`` unpacked."""
    return read_once(tree, "jsonld", _parse_jsonld)


def _parse_jsonld(tree) -> list[dict]:
    return [node for script in jsonld_scripts(tree) if script.text for node in script_nodes(script.text)]


JSONLD_TYPE = "application/ld+json"


def jsonld_scripts(tree) -> list:
    """The page's ``<script type="application/ld+json">`` elements, in page order."""
    return [script for script in page_elements(tree, "script") if script.get("type") == JSONLD_TYPE]


def script_nodes(script: str) -> list[dict]:
    """The JSON objects of one ``application/ld+json`` script, ``@graph`` unpacked."""
    try:
        data = json.loads(script)
    except (ValueError, RecursionError):  # invalid, or nested deeper than Python recurses
        return []
    nodes = []
    stack = data if isinstance(data, list) else [data]
    while stack:
        node = stack.pop(0)
        if isinstance(node, dict):
            nodes.append(node)
            stack.extend(node.get("@graph") or [])
        elif isinstance(node, list):
            stack.extend(node)
    return nodes


def jsonld_types(node: dict) -> set[str]:
    types = node.get("@type")
    types = types if isinstance(types, list) else [types]
    return {t for t in types if isinstance(t, str)}


def story_nodes(tree, url: str | None = None) -> list[dict]:
    """JSON-LD nodes describing the story (NewsArticle etc.), best first: with ``url``, the
    node that names the page's address first, as pages list related stories as article
    nodes of their own (trade magazines, regional papers' "Mehr zum Thema" blocks)."""
    nodes = [node for node in jsonld_nodes(tree) if jsonld_types(node) & DESCRIBING_TYPES]
    page = address_of(url)
    return sorted(
        nodes, key=lambda node: (not jsonld_types(node) & STORY_TYPES, bool(page) and page not in node_addresses(node))
    )


def address_of(url) -> str:
    """An address without scheme, "www.", query, fragment and final slash, for comparing."""
    if not isinstance(url, str) or not url.strip():
        return ""
    try:
        parts = urlsplit(url.strip())
    except ValueError:  # an IPv6 host left open ("http://[…"): no address to compare
        return ""
    return (parts.netloc.removeprefix("www.") + parts.path).rstrip("/").lower()


def node_addresses(node: dict) -> set[str]:
    entity = node.get("mainEntityOfPage")
    values = [node.get("url"), node.get("@id"), entity.get("@id") if isinstance(entity, dict) else entity]
    return {address_of(value) for value in values} - {""}


def meta_content(tree, *names: str) -> str | None:
    """First non-empty ``<meta>`` content among ``names`` (matched on name, property or itemprop)."""
    index = read_once(tree, "meta", _meta_index)
    for name in names:
        for attribute in ("property", "name", "itemprop"):
            for value in index.get((attribute, name), ()):
                if value.strip():
                    return " ".join(value.split())
    return None


def _meta_index(tree) -> dict[tuple[str, str], list[str]]:
    """``(attribute, value) → contents`` of the page's ``<meta>`` elements, in page order."""
    index: dict[tuple[str, str], list[str]] = {}
    # A walk over the <meta> elements alone (lxml's iter by tag) costs a third of the XPath search.
    for meta in page_elements(tree, "meta"):
        if meta.get("content") is None:
            continue
        for attribute in ("property", "name", "itemprop"):
            if (value := meta.get(attribute)) is not None:
                index.setdefault((attribute, value), []).append(meta.get("content"))
    return index


def text_of(element) -> str:
    """``element``'s text as a reader sees it: the text of scripts, style sheets and noscript
    blocks inside it left out (an author box's widget script, a lead's inline style sheet)."""
    if next(element.iterdescendants(*UNSEEN_TEXT), None) is None:
        return plain_text(element.text_content())
    return plain_text("".join(_text_pieces(element)[0]))


def plain_text(text: str) -> str:
    """``text`` as it reads: soft hyphens and zero-width characters out, whitespace collapsed
    ("Mat\u00adthi\u00adas  Lauerer" → "Matthias Lauerer")."""
    if text.isascii():
        # No invisible character is ASCII; most of a page's pieces are (a flag Python keeps).
        return " ".join(text.split())
    return " ".join(INVISIBLE.sub("", text).split())


def glued(before: str, after: str) -> bool:
    """Whether two elements' texts meet as two words run together, a small letter or a colon
    before a capital ("Gwatt" and "Thuner", "By" and "Saskia"): minified markup, whose style sheet
    sets the elements apart, writes no space between them."""
    # Or a colon before a capital ("Phoenix-See:</span><span>Betreiber …"): no text sets a word
    # right after its colon.
    return (before[-1:].islower() or before[-1:] == ":") and after[:1].isupper()


# Characters that only steer line breaks or rendering: soft hyphens ("Er\xadin\xadne\xadrung"),
# zero-width spaces and joiners, and the marks, embeddings and isolates of bidirectional text
# (a right-to-left mark around a byline's name).
INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]")

MARKED_HEADLINE_ELEMENTS = lxml.etree.XPath(
    '//body//*[@itemprop="headline" or contains(@class, "eadline") or contains(@class, "itle")'
    ' or contains(@class, "titel") or contains(@class, "berschrift")]'
    "[not(self::h1 or self::a or self::meta or self::img or ancestor::h1"
    " or ancestor::a or ancestor::nav or ancestor::aside or ancestor::footer)]"
)


def marked_headline_elements(tree) -> list:
    """The elements other than ``<h1>`` that the page marks as a headline, outside links,
    menus, asides and footers (:data:`MARKED_HEADLINE_ELEMENTS`); the headline's search and
    the title's rules read them, the search is made once."""
    return read_once(tree, "marked_headline_elements", MARKED_HEADLINE_ELEMENTS)


TAGLINE_AFTER = re.compile(r"\s+[-–—|:]\s+")


def _name_before_tagline(name: str) -> str | None:
    """The part of a site's name before a tagline that says more than it, else None."""
    parts = TAGLINE_AFTER.split(name, maxsplit=1)
    if len(parts) == 2 and len(parts[0].split()) < len(parts[1].split()):
        return parts[0]
    return None


def site_names_of(tree, url: str) -> set[str]:
    """The site's names from site-level signals only: og:site_name, application-name, the
    JSON-LD WebSite, organisation and publisher, the host. A person is never the site: blog
    themes type their author ["Person", "Organization"] and make them the publisher (Yoast),
    and a journalist's name in a title ("… - Anna Schmidt - WELT") is the byline's."""
    names = {meta_content(tree, "og:site_name", "application-name", "apple-mobile-web-app-title")}
    # A site's name with its tagline: "Business & People – Das Wirtschaftsmagazin aus der
    # Metropolregion Hamburg" is "Business & People" too, as its credits write it. A tagline says
    # more than the name; a part longer than what follows it is a headline before the site's name
    # where a site fills these tags with the page's title ("… - Handball Schweiz").
    names.update(_name_before_tagline(name) for name in list(names) if name)
    people = set()
    for node in jsonld_nodes(tree):
        types = jsonld_types(node)
        authors = node.get("author") if isinstance(node.get("author"), list) else [node.get("author")]
        people.update(
            string_value(author.get("name"))
            for author in authors
            if isinstance(author, dict) and "Person" in jsonld_types(author)
        )
        if "Person" in types:
            people.add(string_value(node.get("name")))
        elif types & {"WebSite", "Organization", "NewsMediaOrganization"}:
            names.add(string_value(node.get("name")))
        publisher = node.get("publisher")
        if isinstance(publisher, dict) and "Person" not in jsonld_types(publisher):
            names.add(string_value(publisher.get("name")))
    host = urlsplit(url).hostname or ""
    labels = host.removeprefix("www.").split(".")
    names.update({host.removeprefix("www."), labels[0], labels[-2] if len(labels) > 1 else None})
    people = {text_key(name) for name in people if name and len(name.split()) >= 2}
    return {text_key(name) for name in names if name and text_key(name)} - people


def initials_of_site_names(tree) -> set[str]:
    """The initials of the site's names of two or more capitalised words (og:site_name,
    application-name), the parts of a word written in camel case counted as words:
    "CargoForwarder Global" is "cfg", "Zeitung vum Lëtzebuerger Vollek" "zlv"."""
    words = CAMEL_CASE_WORD.findall(meta_content(tree, "og:site_name", "application-name") or "")
    return {"".join(word[0] for word in words).casefold()} if len(words) >= 2 else set()


# A capitalised word, or a capitalised part of one written in camel case ("Cargo", "Forwarder").
CAMEL_CASE_WORD = re.compile(r"[A-ZÄÖÜ][a-zäöüßë]+")


# The holder of the site's copyright as its footer states it, with the year before or after:
# "© 2009 Die Achse des Guten | Impressum", "Copyright © 2015 Pharmazeutische Zeitung online",
# "© Kölner Stadt-Anzeiger 2024". Older pages and small sites name themselves nowhere else. On a
# personal blog the holder is its author ("© 2021 Patrick Ludolph" on neunzehn72.de): the holder
# names the site where a title leads with it, never a byline.
COPYRIGHT_LINE = re.compile(
    r"^(?:copyright\s*)?(?:©|\(c\))\s*(?:copyright\s*)?"
    r"(?:(?:\d{4}\s*(?:[-–]\s*\d{4})?\s*(?:by\s+)?(?P<after>[^|•·,\n]{3,60}?))"
    r"|(?P<before>[^|•·,\n\d]{3,60}?)\s+\d{4}(?:\s*[-–]\s*\d{4})?)"
    r"\s*(?:$|[|•·,]|\.\s|\s-\s|\s(?:alle rechte|all rights))",
    re.IGNORECASE,
)
# Text in the page's footer: a <footer>, or an element whose id or class names it one.
FOOTER_COPYRIGHT_TEXT = lxml.etree.XPath(
    "//body//text()[contains(., '©')]"
    "[ancestor::footer or ancestor::*[contains(@id, 'footer') or contains(@class, 'footer')"
    " or contains(@id, 'fuss') or contains(@class, 'copyright') or contains(@id, 'copyright')]]"
)


def copyright_holders(tree) -> set[str]:
    """The names the footer's copyright lines give (:data:`COPYRIGHT_LINE`)."""
    return read_once(tree, "copyright_holders", _copyright_holders)


def _copyright_holders(tree) -> set[str]:
    holders = set()
    for text in FOOTER_COPYRIGHT_TEXT(tree):
        line = " ".join(text.split())
        start = line.find("©")
        # "Copyright" may come first.
        copyright_word = line.lower().rfind("copyright", 0, start)
        if found := COPYRIGHT_LINE.match(line[copyright_word if copyright_word >= 0 else start :]):
            holder = (found["after"] or found["before"]).strip(" .-–—")
            if re.search(r"[^\W\d_]", holder) and not re.fullmatch(r"(?i)alle rechte.*|all rights.*", holder):
                holders.add(holder)
    return holders


DATE_FROM_FEED = "feed"

# A class holding readers' comments, or a commentary set beside the story. Not a "commentary"
# holding the page's <h1>: an opinion piece's own class ("article--commentary" on
# project-syndicate.org, "post-type-commentary"), the story itself.
COMMENT_BLOCK_CLASS = '(contains(@class, "comment") and not(contains(@class, "commentar") and .//h1))'


def holds_comments(element) -> bool:
    """:data:`COMMENT_BLOCK_CLASS` read in Python."""
    classes = element.get("class") or ""
    return "comment" in classes and not ("commentar" in classes and element.find(".//h1") is not None)


# Blocks of a page whose dates are not the story's: an embedded video's or picture's (its
# broadcast or upload), a quoted post, comments, related stories and teasers. Not <aside> as
# such: themes set the story's own meta box as one ("<aside class="meta"><time …>").
OUTSIDE_THE_STORY = (
    "ancestor::figure or ancestor::video or ancestor::blockquote"
    f" or ancestor::*[{COMMENT_BLOCK_CLASS} or contains(@class, 'related')"
    ' or contains(@class, "teaser") or contains(@class, "recommend")'
    # A reader's post marked as a comment by its microdata whatever its class: a forum's or
    # Discourse's crawler view, WordPress themes' comment lists (itemprop="comment").
    ' or @itemprop="comment"]'
)

# How far from the headline the date line may be (characters of text after, before).
DATELINE_AFTER, DATELINE_BEFORE = 300, 150


def body_text(tree) -> str:
    """The page's visible text (no scripts or styles), whitespace collapsed."""
    return read_once(tree, "body_text", _visible_text)


def _visible_text(tree) -> str:
    return " ".join(" ".join(_body_pieces(tree)[0]).split())


def body_text_without(tree, elements: list) -> str:
    """:func:`body_text` without the text of ``elements`` (read anew, not kept)."""
    if not elements:
        return body_text(tree)
    return " ".join(" ".join(_text_pieces_without(tree, elements)[0]).split())


def _text_pieces_without(tree, elements: list) -> tuple[list[str], list[str]]:
    """:func:`_text_pieces` of the page's body with ``elements`` taken out for the reading."""
    taken = take_out(_outermost(elements))
    try:
        body = tree.find("body")
        return _text_pieces(body if body is not None else tree)
    finally:
        put_back(taken)


# A capital letter in a regular expression: ASCII's and the Latin alphabets' (Ç, Ł, Ş, İ, É,
# Ø …), with which the names of journalists writing in German begin as often as with Ä, Ö, Ü
# ("Çiğdem Akyol", "Łukasz Nowak", "İlkay Demir"). Python's re has no class for it.
CAPITAL = "[A-Z" + "".join(letter for letter in map(chr, range(0xC0, 0x250)) if letter.isupper()) + "]"

# Elements whose text no reader sees.
UNSEEN_TEXT = {"script", "style", "noscript", "template"}


def _body_pieces(tree) -> tuple[list[str], list[str]]:
    """``(visible, outside comments)``: the text pieces of the page's ``<body>`` (of ``tree``
    itself if it has none) outside scripts, styles and noscript, and the pieces of every
    ``<body>`` in the document that are also outside elements with a "comment" class. One walk
    over the tree gives both when the body is ``tree``'s own, as on every parsed page."""
    return read_once(tree, "body_pieces", _walk_body_pieces)


def _walk_body_pieces(tree) -> tuple[list[str], list[str]]:
    body = tree.find("body")
    root = body if body is not None else tree
    bodies = _outermost(tree.xpath("//body"))
    if bodies == [root]:
        return _text_pieces(root)
    visible = _text_pieces(root)[0]
    outside_comments = [piece for body in bodies for piece in _text_pieces(body)[1]]
    return visible, outside_comments


def _outermost(elements: list) -> list:
    """``elements`` (in document order) without those inside another of them."""
    kept = []
    for element in elements:
        if not any(outer in kept for outer in element.iterancestors()):
            kept.append(element)
    return kept


def _text_pieces(root) -> tuple[list[str], list[str]]:
    """``(visible, outside comments)``: the text nodes below ``root`` (its own text, not its
    tail) in document order, as ``.//text()`` finds them, outside :data:`UNSEEN_TEXT`
    elements; and of those, the ones outside elements whose class contains "comment".

    The same pieces as the XPath ``.//text()[not(ancestor::script or …)]`` at a fraction of
    its cost: the XPath looks up every text node's ancestors, the walk keeps count of them.
    """
    visible, outside_comments = [], []
    # Counts of the elements around the current one that hide or hold comments, from the root's
    # ancestors on (an <html class="comments-open"> holds them all, as the XPath reads it).
    ancestors = list(root.iterancestors())
    unseen = sum(1 for element in ancestors if element.tag in UNSEEN_TEXT)
    commented = sum(1 for element in ancestors if holds_comments(element))
    # The open elements that hide text or hold comments, innermost last: each taken back from its
    # count at its end. Most elements do neither and are not kept.
    counted = []
    for event, element in lxml.etree.iterwalk(root, events=("start", "end", "comment", "pi")):
        if event == "start":
            if element.tag in UNSEEN_TEXT:
                unseen += 1
                counted.append(element)
            # "comment" looked for inline first: this runs for every element of the page. Inside
            # an unseen element no text counts, comments or not.
            elif (classes := element.get("class")) and "comment" in classes and holds_comments(element):
                commented += 1
                counted.append(element)
            piece = element.text
        else:
            if event == "end":
                if counted and counted[-1] is element:
                    counted.pop()
                    if element.tag in UNSEEN_TEXT:
                        unseen -= 1
                    else:
                        commented -= 1
                if element is root:
                    break
            # A comment's or processing instruction's own text is no text node; its tail is.
            piece = element.tail
        if piece is not None and not unseen:
            visible.append(piece)
            if not commented:
                outside_comments.append(piece)
    return visible, outside_comments


HEADINGS = {"h1", "h2", "h3", "h4"}

SKIPPED_TEXT = {"script", "style", "noscript", "template"}


def text_near_headline(tree, headline: str | None, pieces: bool = False, limit: int = DATELINE_AFTER) -> tuple:
    """(text after, text before) the headline's ``<h1>`` (the text before starts after the
    nearest other heading); with ``pieces``, lists of the elements' text pieces instead.

    ``limit``: characters of text after the headline to read (the pieces up to the one that
    passes it). The date and byline rules read the same neighbourhood: one walk, kept with the
    page, serves both."""
    target = find_headline_element(tree, headline)
    if target is None:
        return ([], []) if pieces else ("", "")
    walks = read_once(tree, "near_headline", lambda tree: {})
    if headline not in walks or walks[headline][3] < limit:
        walks[headline] = (*_walk_near(tree, target, max(limit, NEAR_HEADLINE)), max(limit, NEAR_HEADLINE))
    after, before, marks, _limit = walks[headline]
    # The pieces a walk stopping at ``limit`` would have: up to the first that took the text past it.
    after = after[: next((count for length, count in marks if length > limit), len(after))]
    if pieces:
        return [plain_text(piece) for piece in after], [plain_text(piece) for piece in before]
    # Cut between words: a date cut short ("24.02.20" of "24.02.2026") reads as another day.
    after_text = " ".join(" ".join(after).split())
    if len(after_text) > DATELINE_AFTER:
        after_text = after_text[: (after_text + " ").index(" ", DATELINE_AFTER)]
    before_text = " ".join(" ".join(before).split())
    if len(before_text) > DATELINE_BEFORE:
        before_text = before_text[before_text.rfind(" ", 0, len(before_text) - DATELINE_BEFORE + 1) + 1 :]
    return after_text, before_text


# Characters of text after the headline one walk reads at least: the farthest any rule looks (the
# byline's), so that the date line's shorter look reuses the same walk.
NEAR_HEADLINE = 600


# Short lines that label a block of links to other stories ("Lesen Sie auch:" on
# abendzeitung-muenchen.de, "Mehr zum Thema", "Schon gelesen?" on aerobuzz.de, "Das könnte Sie
# auch interessieren" on rundschau-online.de, "You may also like"): the links are gone from the
# text, the label stays.
RELATED_LABEL = re.compile(
    r"(?:lesen sie (?:auch|mehr|hier)|auch lesen|mehr zum thema|mehr (?:themen|artikel|dazu)|"
    r"weitere (?:themen|artikel|beiträge|nachrichten|news)|top-themen|schon gelesen|"
    r"(?:zum )?weiterlesen|das könnte sie (?:auch )?interessieren|beiträge aus dem forum|"
    r"(?:ähnliche|verwandte|empfohlene) (?:artikel|beiträge|themen)|related|read more|"
    r"more (?:from|on) |you may also like|recommended)\b",
    re.IGNORECASE,
)
# Dialogs over the page (consent banners, newsletter and paywall layers), as marked for screen
# readers or by the element: 85 of the tune and article-extraction pages carry one
# (aerztezeitung.de, chip.de, bnn.de, elle.de …).
DIALOG_XPATH = '//dialog | //@role[.="dialog" or .="alertdialog"]/parent::*'
# Whether an element stands in one of those dialogs, tested from the element up.
IN_A_DIALOG = lxml.etree.XPath('boolean(ancestor::dialog or ancestor::*[@role="dialog" or @role="alertdialog"])')

# Cards of other stories: elements whose class says teaser, related or recommended that hold a
# headline of their own, and <article> elements holding a heading (top stories and teaser rails
# set before the story's headline on mdr.de, furche.at and billboard.com, a menu's teasers on
# ekd.de; related-stories blocks after it), and boxes beside the story with a heading of their
# own: an <aside> holding a commentary, an interview or a fact box, with its own byline and date.
# Their first letter left off, so that camel-case classes are found too ("Teaserstyled__Meta",
# "RelatedArticles": the styled components of React sites), at the cost of one test each.
CARD_CLASS_WORDS = ("easer", "elated", "ecommend")
HOLDS_A_HEADING = "[.//h2 or .//h3 or .//h4]"
BOX_HEADINGS = ("h2", "h3", "h4")
# The elements those words name in their class, found by the class attributes (an expression
# testing every element costs three times as much).
CARD_CLASSED = lxml.etree.XPath(
    "//@class[" + " or ".join(f'contains(., "{word}")' for word in CARD_CLASS_WORDS) + "]/parent::*"
)


def other_story_cards(tree) -> list:
    """The outermost :data:`CARD_CLASSED` elements, each with a heading of its own and none of
    the story's: other stories' cards (a rail of top stories before it, related stories after it)."""
    classed = dict.fromkeys(CARD_CLASSED(tree))
    return [
        card
        for card in classed
        if next(card.iter(*BOX_HEADINGS), None) is not None
        and next(card.iter("h1"), None) is None
        and not any(parent in classed for parent in card.iterancestors())
    ]


OTHER_STORY_BOX_TAGS = {"article", "aside"}
# A player's or a media teaser's block, by its class, holding no paragraph of text: the date it
# shows is the video's, the episode's or the gallery's ("Video: So sieht der neue Hafen aus" with
# its upload day and length under a headline).
MEDIA_CLASS_WORDS = ("video", "audio", "podcast", "player", "gallery")
# The day of the visit the site prints in its header, its class saying so: the tagDiv Newspaper
# theme's "td_data_time" and "tdb_header_date" (presse-augsburg.de, volksblatt.at, wildundhund.de,
# zolliker-zumiker.ch), other themes' "current-date", "header-date", "today-date".
# A class name of its own, not a part's ("article-header_date" is the story's).
TODAY_CLASS = re.compile(
    r"(?<![\w-])(?:td_data_time|(?:tdb_)?header[_-]?date|current[_-]?date|todays?[_-]?date|date[_-]?today)",
    re.IGNORECASE,
)
CARD_OR_MEDIA_CLASS = re.compile("|".join(CARD_CLASS_WORDS + MEDIA_CLASS_WORDS))
MEDIA_TAGS = {"figure", "figcaption", "video"}
DIALOG_ROLES = {"dialog", "alertdialog"}


def _holds_a_box_heading(element) -> bool:
    return next(element.iterdescendants(*BOX_HEADINGS), None) is not None


def _other_block(element, tag: str, dated: set) -> str | None:
    """``"card"`` or ``"media"`` when the text of ``element`` is neither the date line nor the
    byline of the story, else None: another story's card or box (:data:`CARD_CLASS_WORDS`, an
    ``<article>`` or ``<aside>`` with a heading), a dialog over the page, one of the ``dated``
    lists (:func:`dated_lists`); a player's or media teaser's block (:data:`MEDIA_CLASS_WORDS`
    without a paragraph), a figure, its caption or a video.

    Decided for the elements the walk reaches, as it reaches them: a search of the whole page
    for them in advance cost more than the walk itself."""
    classes = element.get("class")
    if classes and CARD_OR_MEDIA_CLASS.search(classes):
        if any(word in classes for word in CARD_CLASS_WORDS) and _holds_a_box_heading(element):
            return "card"
        if any(word in classes for word in MEDIA_CLASS_WORDS) and next(element.iterdescendants("p"), None) is None:
            return "media"
    # The plain substrings first: the expression's cost on every class attribute of the walk.
    if classes and ("date" in classes or "_time" in classes) and TODAY_CLASS.search(classes):
        return "media"
    # A sidebar set as a <div> (older themes and table layouts: "sidebar", "sidebar-left") is the
    # <aside> of the pages without HTML5's elements.
    if (tag in OTHER_STORY_BOX_TAGS or (classes and "sidebar" in classes)) and _holds_a_box_heading(element):
        return "card"
    if tag == "dialog" or element.get("role") in DIALOG_ROLES or element in dated:
        return "card"
    return "media" if tag in MEDIA_TAGS else None


def is_other_story_card(element) -> bool:
    """Whether ``element`` is another story's card or box, or a dialog over the page
    (:func:`_other_block`'s ``"card"``)."""
    return isinstance(element.tag, str) and _other_block(element, element.tag, set()) == "card"


# A timeline, a schedule or a list of other stories by day: a list (or a table) whose every item
# (row) starts with a date, a weekday at most before it ("Montag, 12. März 2026: …",
# "Mo., 12.03.2026"). Its days are its items', and none of them is the story's date line.
# Year reviews and chronologies of items each opening with its day ("3. März: Der Rat beschließt
# …") appear on rp-online.de, thueringer-allgemeine.de and bpb.de.
BEFORE_AN_ITEM_S_DATE = re.compile(r"(?:(?:" + ANY_WEEKDAY + r"|[A-Z][a-z]{1,2}\.?),?\s*)?")
MIN_DATED_ITEMS = 2


def is_dated_list(element) -> bool:
    """Whether ``element`` is a ``<ul>`` or ``<ol>`` of :data:`MIN_DATED_ITEMS` items or more,
    each starting with a date, or a ``<table>`` of as many rows with data cells, each starting so
    (a table of prices, results or sailings by day; a row of headings does not count); or a list
    of links to other stories, each with its day beside the link (:func:`_is_dated_link`)."""
    if element.tag == "table":
        items = [row for row in element.iter("tr") if next(row.iter("td"), None) is not None]
    elif element.tag == "div":
        # Items set as blocks of one kind, not as list items: the "latest news" boxes of TYPO3's
        # news extensions ("news-latest-item") and of CMS sidebars. Only links with their days.
        # The box's heading aside ("Weitere Meldungen").
        items = [item for item in element if isinstance(item.tag, str) and item.tag not in HEADINGS]
        if len({item.tag for item in items}) != 1:
            return False
        return len(items) >= MIN_DATED_ITEMS and all(map(_is_dated_link, items))
    else:
        items = [item for item in element if item.tag == "li"]
    if len(items) < MIN_DATED_ITEMS:
        return False
    return all(map(_starts_with_a_date, items)) or element.tag != "table" and all(map(_is_dated_link, items))


def _starts_with_a_date(item) -> bool:
    start = " ".join("".join(islice(item.itertext(), 3)).split())[:60]
    found = VISIBLE_DATE.search(start) or SLASHED_DATE.search(start)
    return found is not None and BEFORE_AN_ITEM_S_DATE.fullmatch(start[: found.start()]) is not None


# The text of a list item outside its links.
OUTSIDE_LINKS = lxml.etree.XPath("./text() | .//*[not(ancestor-or-self::a)]/text()")
# What may stand around the day beside a link: brackets, a dash, a separator, a time.
AROUND_A_LINK_S_DAY = " ()[]|·•,–-"
LONGEST_TIME_AFTER_A_DAY = 12


# How long ago, as lists of the latest stories date their newest items ("vor 5 Std.", "vor 3
# Stunden", "gestern"), the older ones by their day.
RELATIVE_TIME = r"vor\s+\d+\s*(?:Sekunden|Minuten|Min\.|Stunden|Std\.|Tagen|Wochen|Monaten|Jahren)"
RELATIVE_DAY = re.compile(r"(?:" + RELATIVE_TIME + r"|gestern|heute)(?:,?\s*\d{1,2}:\d\d)?", re.IGNORECASE)


def _is_dated_link(item) -> bool:
    """Whether a list item is a link with a day beside it and nothing else: "<a>Hafen Neuss
    wächst weiter</a> (12.02.2009)", "<a>…</a> – 12.02.2009, 14:30 Uhr", the related-stories
    lists of news sites' older pages (RP ONLINE's, the WAZ group's) and of blogs' archives
    (heiko-adams.de's, ekbo.de's), or how long ago ("vor 5 Std.")."""
    if next(item.iter("a"), None) is None:
        return False
    rest = " ".join("".join(OUTSIDE_LINKS(item)).split()).strip(AROUND_A_LINK_S_DAY)
    if RELATIVE_DAY.fullmatch(rest):
        return True
    found = VISIBLE_DATE.match(rest) or SLASHED_DATE.match(rest)
    return found is not None and len(rest) - found.end() <= LONGEST_TIME_AFTER_A_DAY


def dated_lists(tree) -> list:
    """The page's :func:`is_dated_list` lists."""
    return read_once(
        tree,
        "dated_lists",
        lambda tree: [element for element in tree.iter("ul", "ol", "table") if is_dated_list(element)],
    )


def lists_of_dated_links(tree) -> list:
    """The page's lists (``<ul>``, ``<ol>``) of links to other stories, each with its day beside
    it (:func:`_is_dated_link`): a related-stories or latest-news list, none of the story."""
    return [
        element
        for element in dated_lists(tree)
        if element.tag != "table"
        and all(map(_is_dated_link, (item for item in element if item.tag == "li")))
        and next(element.iterancestors("ul", "ol"), None) is None
    ]


# Blocks of two items or more, each a link: the candidates for a list of dated links set as blocks.
BLOCKS_OF_LINKS = lxml.etree.XPath("//div[*[2][descendant-or-self::a]][*[1][descendant-or-self::a] or *[3]]")


def dated_blocks(tree) -> list:
    """:func:`dated_lists` set as ``<div>`` blocks rather than list items ("news-latest-item"):
    sought only where the page prints no date line (searching every block costs)."""
    return read_once(
        tree, "dated_blocks", lambda tree: [element for element in BLOCKS_OF_LINKS(tree) if is_dated_list(element)]
    )


def _walk_near(tree, target, limit: int) -> tuple[list[str], list[str], list[tuple[int, int]]]:
    """``(after, before, marks)``: the raw text pieces after and before ``target`` for
    :func:`text_near_headline`, read until the text after passes ``limit`` characters, and for
    each piece after it that added text, (characters so far, pieces so far)."""
    before, after, state, after_length, marks = [], [], "before", 0, []
    holding = set(target.iterancestors())
    # Another story's card, with its own headline, date and byline (a teaser or related block,
    # or, before the headline, where the story has not started, an <article> of its own), is
    # neither the date line nor the byline; nor is a player's block, nor a picture's or video's
    # caption next to the headline ("Archivbild vom 04.05.2019", "Foto: Anna Schmidt"); nor a
    # dialog over the page (a consent banner's "Stand: 01.04.2026", a newsletter's); nor a
    # timeline's or a schedule's list of days (:func:`_other_block`).
    dated = set(dated_lists(tree))
    skipped = set()
    walk = lxml.etree.iterwalk(tree, events=("start", "end"))
    for event, element in walk:
        tag = element.tag if isinstance(element.tag, str) else ""
        if event == "start" and (
            tag in SKIPPED_TEXT
            or element not in holding
            and (block := _other_block(element, tag, dated))
            and (block == "media" or tag != "article" or state == "before")
        ):
            # Nothing inside is read: the walk goes on at its end (and its tail).
            skipped.add(element)
            walk.skip_subtree()
            continue
        if event == "end" and element in skipped:
            if element.tail:
                (before if state == "before" else after).append(element.tail)
            continue
        if (
            state == "before"
            and event == "start"
            and (tag in HEADINGS or is_top_level(element))
            and element not in holding
            and element is not target
            and not _heading_right_before(element, target)
        ):
            # Its text is dropped at its end (below), where the text before starts again.
            walk.skip_subtree()
        if element is target:
            if event == "start":
                state = "inside"
            else:
                state = "after"
                after.append(element.tail or "")
            continue
        if (
            state == "before"
            and event == "end"
            and (tag in HEADINGS or is_top_level(element))
            and not _heading_right_before(element, target)
        ):
            # The date line before a headline sits under no other heading, and inside the
            # headline's block of the page: a block set directly in the <body> and closed before
            # it is the site's (a top bar with the day of the visit, the header and its menu).
            # The headline's kicker set as a heading of its own right above it is part of the
            # headline's block ("<p>09.02.2010 | dpa</p><h2>Möbelindustrie</h2><h1>…", t-online's
            # older pages).
            before = []
        piece = element.text if event == "start" else element.tail
        if piece and state != "inside":
            (before if state == "before" else after).append(piece)
            if state == "after":
                # Characters of text, not of the indentation between the elements.
                after_length += len(" ".join(piece.split()))
                marks.append((after_length, len(after)))
        if state == "after" and after_length > limit:
            break
    return after, before, marks


def _heading_right_before(element, target) -> bool:
    """Whether ``element`` is a heading set right before the headline ``target``: its kicker or
    topline, part of the headline's block, read with the date line ("<h4>Politik, Donnerstag,
    15. März 2018</h4><h1>…" on the Deutsches Ärzteblatt's older pages)."""
    return element.tag in HEADINGS and element.getnext() is target


def is_top_level(element) -> bool:
    """Whether ``element`` is set directly in the page's ``<body>``: a block of the site's own."""
    parent = element.getparent()
    return parent is not None and parent.tag == "body"


# Characters of the story's extracted text that identify it inside an element.
STORY_OPENING = 80


def holds_story_opening(element, text: str) -> bool:
    """Whether ``element`` holds the start of the story's extracted ``text``."""
    opening = text_key(text[:STORY_OPENING])
    return bool(opening) and opening in text_key(text_of(element))


# A story's own dated entries: the blocks of a live ticker or a timeline, each a time stamp
# with a paragraph or more of the story ("14:32 Uhr – Der Rat hat abgestimmt."), set after its
# opening. Their times are the entries', later than the story's publication, not its date line.
# Live tickers of time-stamped entries run on faz.net, welt.de, stern.de and sueddeutsche.de (as
# press reviews of the form describe them), none in the benchmarks; the furniture probe's ticker
# block stands for them (docs/notes/2026-12-page-furniture.md). Entries are found by their <time>
# elements: looking for date-classed leaves too costs a search of every class attribute, more
# than twice the time on the benchmarks' pages.
ENTRY_BLOCKS = {"div", "li", "section", "article"}
# Words of a line of the story's extracted text that identify it in an entry's paragraph.
ENTRY_LINE_WORDS = 3


def dated_entries(tree, headline: str | None, text: str) -> list:
    """The story's dated entries (``<time>`` elements in their nearest block) after the first
    paragraph of the story that follows the headline's element: blocks holding neither the
    headline nor the opening of the story's extracted ``text``, with a paragraph that is a line
    of it."""
    target = find_headline_element(tree, headline) if headline else None
    if target is None or not text:
        return []
    holding = set(target.iterancestors())
    blocks = {}  # in page order, each once
    for leaf in tree.iter("time"):
        block = next((parent for parent in leaf.iterancestors() if parent.tag in ENTRY_BLOCKS), None)
        if block is None or block in holding or block in blocks or next(block.iterdescendants("p"), None) is None:
            continue
        blocks[block] = None
    if not blocks:
        return []
    lines = {text_key(line) for line in text.splitlines() if len(line.split()) >= ENTRY_LINE_WORDS}
    blocks = [
        block
        for block in blocks
        if any(text_key(text_of(paragraph)) in lines for paragraph in block.iterdescendants("p"))
        and not holds_story_opening(block, text)
    ]
    if not blocks:
        return []
    order = {element: position for position, element in enumerate(tree.iter())}
    # The story has begun before an entry: a paragraph of it stands between the headline and the
    # entry (a date line's block, which may hold a note or the lead, comes before the story).
    begun = next(
        (
            order[paragraph]
            for paragraph in tree.iter("p")
            if order[paragraph] > order[target] and text_key(text_of(paragraph)) in lines
        ),
        None,
    )
    entries, kept = [], set()
    for block in sorted(blocks, key=order.get) if begun is not None else []:
        if order[block] > begun and not any(outer in kept for outer in block.iterancestors()):
            entries.append(block)
            kept.add(block)
    return entries


def take_out(elements: list) -> list:
    """Remove ``elements`` from their tree, each one's tail joined to the text before it, so that
    the page's text reads as before without them; :func:`put_back` restores the tree. Returns
    (element, parent, index, previous sibling, the text its tail was joined to) for each."""
    taken = []
    for element in elements:
        parent, previous = element.getparent(), element.getprevious()
        if parent is None:
            continue
        joined_to = parent.text if previous is None else previous.tail
        taken.append((element, parent, parent.index(element), previous, joined_to))
        if element.tail:
            if previous is None:
                parent.text = (parent.text or "") + element.tail
            else:
                previous.tail = (previous.tail or "") + element.tail
        # lxml's remove() takes the tail along, kept on the element for its return.
        parent.remove(element)
    return taken


def put_back(taken: list) -> None:
    """Undo :func:`take_out` (and changes recorded the same way), latest first: the text each
    tail was joined to, then the element."""
    for element, parent, index, previous, joined_to in reversed(taken):
        if previous is None:
            parent.text = joined_to
        else:
            previous.tail = joined_to
        parent.insert(index, element)


# The breadcrumb trail: a list marked as schema.org BreadcrumbList or by a "breadcrumb" class
# or id ("crumbs" alone too, as seoschweiz.ch and other templates name it), or labelled so for
# screen readers ("Breadcrumb": arbeitsagentur.de, chefkoch.de, mdr.de); "Brotkrumen" is the
# same label in German, as German site templates write it ("Brotkrumen", "Brotkrumennavigation",
# "Brotkrumenpfad"), and "Pfad" ("Sie sind hier: Startseite > News > …" in a "pfad" or
# "pfadnavigation" block of older German templates).
# Not the <body> or <html>, whose classes name the theme's features ("avada-has-breadcrumb-
# mobile-hidden" on an Avada theme's every page): every element would stand in a trail.
BREADCRUMB_MARKS = (
    "[not(self::body or self::html)]"
    '[contains(@itemtype, "BreadcrumbList") or contains(@typeof, "BreadcrumbList")'
    ' or contains(@class, "crumb") or contains(@class, "Crumb") or contains(@id, "crumb")'
    ' or contains(@class, "pfad") or contains(@class, "Pfad")'
    ' or contains(@aria-label, "Breadcrumb") or contains(@aria-label, "Brotkrumen")]'
)
IN_BREADCRUMB = lxml.etree.XPath(f"boolean(ancestor::*{BREADCRUMB_MARKS})")
# The trail's links and items: the site's sections above the story.
BREADCRUMB_ITEMS = lxml.etree.XPath(f"//*{BREADCRUMB_MARKS}//*[self::a or self::li]")


def trail_sections(tree) -> set[str]:
    """The text keys of the breadcrumb trail's items: the sections the page sits in."""
    return {key for element in BREADCRUMB_ITEMS(tree) if (key := text_key(text_of(element)))}


# A label the markup classes as the story's category or rubric, set in the meta line beside its
# day: WordPress themes' "cat-links" and "post-categories", TYPO3 news' "news-list-category",
# Drupal's "field--name-field-kategorie", the "rubrik" and "ressort" labels of regional portals.
CATEGORY_LABELS = lxml.etree.XPath(
    "//*["
    + " or ".join(
        f'contains(@class, "{word}")' for word in ("categor", "Categor", "kategorie", "Kategorie", "rubrik", "Rubrik")
    )
    + ' or contains(@class, "ressort") or contains(@class, "Ressort") or contains(@class, "cat-links")]'
)


def labelled_sections(tree) -> set[str]:
    """The text keys of the labels the markup classes as a category or rubric, and of their links
    ("in <a>Politik</a>, <a>Wirtschaft</a>")."""
    return {
        key
        for label in CATEGORY_LABELS(tree)
        for element in (label, *label.iterfind(".//a"))
        if (key := text_key(text_of(element)))
    }


def find_headline_element(tree, headline: str | None):
    """The ``<h1>`` holding the headline, else the ``<h2>`` or ``<h3>`` that holds exactly the
    headline, else the first ``<h1>`` of two words or more."""
    found = read_once(tree, "headline_element", lambda tree: {})
    if headline not in found:
        found[headline] = _find_headline_element(tree, headline)
    return found[headline]


def _find_headline_element(tree, headline: str | None):
    h1s = [
        (h1, text_key(" ".join(h1.xpath(".//text()")))) for h1 in tree.xpath("//body//h1") if not is_unseen_heading(h1)
    ]
    wanted = text_key(headline)
    in_trail = None
    if wanted:
        for h1, key in h1s:
            if key and (wanted in key or key in wanted):
                if not IN_BREADCRUMB(h1):
                    return h1
                in_trail = in_trail if in_trail is not None else h1
    if wanted and len(headline.split()) >= 2:
        # No <h1> holds it, a marked headline element does ("<div class="stage-headline">").
        for element in marked_headline_elements(tree):
            if not is_hidden(element) and text_key(" ".join(element.xpath(".//text()"))) == wanted:
                return element
    if in_trail is not None:
        # The <h1> that holds it is the breadcrumb trail's last item (WELT sets its trail so):
        # the story's own header repeats it in an <h2>, whose kicker and date line are there.
        # Public readers of welt.de, manager-magazin.de, n-tv.de and the RND papers take the
        # headline from an <h2> ("h2.c-headline", "h2 span.article__headline").
        repeated = _subheading_holding(tree, wanted)
        return repeated if repeated is not None else in_trail
    if wanted and len(headline.split()) >= 2:
        # Sites that style their headline as an <h2> ("<h2 class="title aka-h1">"), the <h1> kept
        # for the logo or the section's name (older themes print the site's name so on every page).
        subheading = _subheading_holding(tree, wanted)
        if subheading is not None:
            return subheading
    for h1, key in h1s:
        if len(" ".join(h1.xpath(".//text()")).split()) >= 2:
            return h1
    if wanted and len(headline.split()) >= 2:
        # Pages laid out in tables, before headings were styled: the headline in a bold or large
        # font ("<font size="5"><b>…</b></font>"), its byline and date in the rows around it.
        for element in BOLD_OR_FONT(tree):
            if not is_hidden(element) and text_key(" ".join(element.xpath(".//text()"))) == wanted:
                return element
    return None


BOLD_OR_FONT = lxml.etree.XPath("//body//*[self::b or self::strong or self::font][not(ancestor::a)]")


def _subheading_holding(tree, wanted: str):
    """The first visible ``<h2>`` or ``<h3>`` whose text key is ``wanted``, or that holds it after
    a label in its first child element ("<h2><strong>Chemiepark Knapsack</strong> Zulieferer
    investiert …</h2>": the DuMont papers' story header of 2018, whose headline is an <h2> with
    the kicker in its <strong>), or ``None``."""
    for heading in tree.xpath("//body//h2|//body//h3"):
        if is_hidden(heading):
            continue
        key = text_key(" ".join(heading.xpath(".//text()")))
        if key == wanted:
            return heading
        first = next((child for child in heading if isinstance(child.tag, str)), None)
        if (
            first is not None
            and not (heading.text or "").strip()
            and key.endswith(wanted)
            and text_key(" ".join(first.xpath(".//text()"))) + wanted == key
        ):
            return heading
    return None


# Classes that hide an element from sighted readers (kept for screen readers or search engines:
# zeit.de's "visually-hidden", wien.orf.at's "sr-only", tageswoche.ch's "screen-reader-text").
# A "-hidden" that names what is hidden of a shown element is none of them: Drupal's
# "field--label-hidden" on a field whose label alone is hidden (helmholtz-klima.de,
# ok-magazin.de), Tailwind's and Bootstrap's "overflow-hidden", a print stylesheet's
# "print-hide".
HIDDEN_CLASSES = re.compile(
    r"(?:^|\s|(?<!label)(?<!overflow)(?<!overflow-x)(?<!overflow-y)(?<!print)(?<!scrollbar)[_-])"
    r"(?:visually-?hidden|sr-only|screen-reader-text|element-invisible|"
    r"hidden|hide|invisible|offscreen)(?:$|\s)",
    re.IGNORECASE,
)


# A word each of :data:`HIDDEN_CLASSES` holds, matched as it matches them (its case folding
# too): most class values hold none and are told apart by it at two thirds of the cost.
HIDING_WORD = re.compile(r"hid|invisible|offscreen|sr-only|screen-reader", re.IGNORECASE)


def hides(classes: str) -> bool:
    """Whether a class attribute's value holds one of :data:`HIDDEN_CLASSES`."""
    return HIDING_WORD.search(classes) is not None and HIDDEN_CLASSES.search(classes) is not None


def is_hidden(element) -> bool:
    return hides(element.get("class") or "") or element.get("aria-hidden") == "true"


def is_unseen_heading(heading) -> bool:
    """Whether readers do not see ``heading`` as the page's: hidden (:func:`is_hidden`), or in a
    dialog over the page (a newsletter or paywall layer's "<h1>Bleiben Sie informiert!</h1>",
    shown on a reader's action, or before the page is read, and closed then)."""
    return is_hidden(heading) or IN_A_DIALOG(heading)


def page_text_pieces(tree) -> list[str]:
    """The text pieces of the page's body outside scripts, styles and comments, in page order
    (those of the XPath ``//body//text()[not(ancestor::script or ancestor::style or
    ancestor::noscript or ancestor::*[contains(@class, "comment")])]``)."""
    return _body_pieces(tree)[1]


def plain_text_pieces(tree) -> list[str]:
    """:func:`page_text_pieces` as :func:`plain_text`, the empty ones left out; read once a page
    by the byline rules that search them."""
    return read_once(
        tree, "plain_text_pieces", lambda tree: [piece for piece in map(plain_text, page_text_pieces(tree)) if piece]
    )


def plain_text_pieces_without(tree, elements: list) -> list[str]:
    """:func:`plain_text_pieces` without the text of ``elements`` (read anew, not kept): the
    pieces they hold, not the same words elsewhere on the page."""
    if not elements:
        return plain_text_pieces(tree)
    return [piece for piece in map(plain_text, _text_pieces_without(tree, elements)[1]) if piece]


def string_value(value) -> str | None:
    """A JSON-LD or meta value as text: the first of a list, whitespace collapsed, and HTML's
    character references resolved, which CMSes leave in the JSON they write ("J&ouml;rg" in
    Südkurier's author, "&#8222;Arschloch&#8220;" in a WordPress headline; lebensmittelpraxis.de's,
    angelmagazin.de's and bernau-live.de's headlines)."""
    if isinstance(value, list):
        value = value[0] if value else None
    if not isinstance(value, str) or not value.strip():
        return None
    if "&" in value:
        value = html.unescape(value)
    return " ".join(value.split()) or None


def words_of(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


# Everything but word characters: the text key is the words joined, without what separates them.
NOT_WORD = re.compile(r"\W+")


def text_key(text: str | None) -> str:
    return NOT_WORD.sub("", (text or "").casefold())


def page_metadata(tree) -> dict:
    """Structured facts a page states about itself: og:type, JSON-LD types and dates, canonical.

    Returns ``{"og_type", "jsonld_types", "canonical", "published", "modified", "lang",
    "keywords", "alternates"}``;
    dates are ISO 8601 strings exactly as the page gives them (time and offset kept).
    """
    meta = {
        "og_type": None,
        "jsonld_types": set(),
        "canonical": None,
        "published": None,
        "modified": None,
        "lang": None,
        "keywords": [],
        "alternates": {},
    }
    if tree is None:
        return meta
    index = read_once(tree, "meta", _meta_index)
    meta["og_type"] = first_value(index.get(("property", "og:type")))
    meta["canonical"] = first_value(
        [link.get("href") for link in _links(tree) if link.get("rel") == "canonical" and link.get("href") is not None]
    )
    meta["lang"] = first_value(tree.xpath("/html/@lang"))
    for node in jsonld_nodes(tree):
        types = node.get("@type")
        types = set(types) if isinstance(types, list) else {types}
        meta["jsonld_types"] |= {t for t in types if isinstance(t, str)}
        if types & ARTICLE_TYPES:
            meta["published"] = meta["published"] or iso_timestamp(node.get("datePublished"))
            meta["modified"] = meta["modified"] or iso_timestamp(node.get("dateModified"))
            meta["keywords"] = meta["keywords"] or as_list(node.get("keywords"))
    for key, prop in (("published", "article:published_time"), ("modified", "article:modified_time")):
        meta[key] = meta[key] or iso_timestamp(first_value(index.get(("property", prop))))
    meta["alternates"] = language_alternates(tree)
    return meta


def _links(tree) -> list:
    """The page's ``<link>`` elements, in page order: one walk for the canonical address and
    the language versions (each searched with its own XPath, the walk was made twice)."""
    return read_once(tree, "links", lambda tree: list(page_elements(tree, "link")))


def language_alternates(tree) -> dict[str, str]:
    """The page's language versions from ``<link rel="alternate" hreflang>``: ``{hreflang: url}``.

    ``x-default`` names no language and is left out; URLs are as the page gives them.
    """
    alternates = {}
    for link in _links(tree):
        if link.get("rel") != "alternate" or link.get("hreflang") is None or link.get("href") is None:
            continue
        language = link.get("hreflang").strip()
        if language.lower() != "x-default":
            alternates[language] = link.get("href").strip()
    return alternates


def iso_timestamp(value) -> str | None:
    """``value`` if it is an ISO 8601 date or timestamp, else ``None``."""
    if not isinstance(value, str) or not value.strip():
        return None
    value = value.strip()
    try:
        datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return value


def first_value(values):
    """The first of an XPath result's strings, stripped; ``None`` when there is none."""
    return values[0].strip() if values else None


def as_list(value) -> list[str]:
    """A structured-data value as a list of strings, each once (case aside): a comma-separated
    string is split, also as an item of a list (the keywords meta tag as trafilatura reads it,
    JSON-LD ``keywords`` as many sites write them)."""
    if not value:
        return []
    items = [value] if isinstance(value, str) else value if isinstance(value, list | tuple) else []
    parts = (part.strip() for item in items if isinstance(item, str) for part in item.split(","))
    first_spelling: dict[str, str] = {}
    for part in parts:
        if part:
            first_spelling.setdefault(part.casefold(), part)
    return list(first_spelling.values())
