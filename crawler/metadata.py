"""News metadata beyond trafilatura's defaults: headline, dates, authors and agencies, lead.

Each function takes a parsed page (lxml) and returns plain values; :func:`crawler.extract.
extract_article` combines them with trafilatura's output. Dates are ISO 8601 strings with the
page's own UTC offset when it gives one (Europe/Berlin when only a local time is shown).
"""

import json
import re
import weakref
from contextlib import contextmanager
from copy import deepcopy
from datetime import date, datetime, timedelta
from typing import NamedTuple
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import lxml.etree
from htmldate import find_date

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
BERLIN = ZoneInfo("Europe/Berlin")
# The web's news archive starts here; earlier dates on a page are founding years or typos.
EARLIEST_DATE = date(1995, 1, 1)

# Wire services credited in German-language news, as they sign (case-insensitive).
AGENCIES = {
    "dpa": "dpa",
    "afp": "AFP",
    "epd": "epd",
    "kna": "KNA",
    "reuters": "Reuters",
    "ap": "AP",
    "dts": "dts",
    "sid": "SID",
    "apa": "APA",
    "sda": "SDA",
    "ddp": "ddp",
    "kyodo": "Kyodo",
    "bloomberg": "Bloomberg",
    "afx": "dpa-AFX",
    "dpa-afx": "dpa-AFX",
    "idea": "idea",
}
# Bylines that name a desk rather than a person; kept only when nothing else is credited.
# Organisations ("Bund der Energieverbraucher e.V.", "Web Commerce GmbH") count as desks too.
DESK_WORDS = re.compile(
    r"\b(redaktion|editorial|newsdesk|online-redaktion|pressestelle|team|admin|"
    r"e\.\s?v|gmbh|ag|se|kg|stiftung|verband|verein)\b",
    re.IGNORECASE,
)
# Organisations credited as authors, by a word of their name: legal forms, public bodies,
# utilities, chambers, publishers ("Stadtwerke Düsseldorf", "IHK Köln", "Stadt Ulm",
# "Wirtschaftsförderung Region Stuttgart", "Landesverband Bayern", "Ørsted Deutschland GmbH",
# "Universität Kassel"), also as the head of a compound ("Presseamt", "Bundestagsfraktion"),
# which German forms by putting the organisation's word last. They go to the desks.
ORGANISATION = re.compile(
    r"(?:^|[\s(/-])(?:stadt|gemeinde|landkreis|kreis|amt|rathaus|kammer|ihk|hwk|agentur|verlag|"
    r"universität|uni|hochschule|institut|klinikum|ministerium|behörde|polizei|feuerwehr|"
    r"sparkasse|volksbank|bund|bündnis|partei|mbh|ug|ltd|inc|llc|gbr|ohg|kgaa|co\.?|"
    r"holding|gruppe|group|media|medien|presse|newsroom|kommunikation|marketing|"
    r"abteilung|referat|dezernat|fachbereich|zentrum|büro|netzwerk|initiative|genossenschaft)"
    r"(?=$|[\s,.)/-])"
    r"|[a-zäöüß]{3}(?:werke|verband|verein|förderung|fraktion|kammer|ministerium|amt|agentur|"
    r"verlag|gesellschaft|stiftung|institut|universität|hochschule|behörde|zentrum|verwaltung|"
    r"redaktion|gruppe|genossenschaft|abteilung|stelle|büro|dienst)\b|\bstadtwerke\b",
    re.IGNORECASE,
)
# Link and section labels that byline boxes and closing lines hold next to a name: no people.
LABEL_PHRASES = {
    "weitere informationen",
    "mehr informationen",
    "mehr zum thema",
    "mehr zum autor",
    "mehr von",
    "mehr dazu",
    "weiterlesen",
    "weiter lesen",
    "kontakt",
    "impressum",
    "datenschutz",
    "pressestelle",
    "pressekontakt",
    "ansprechpartner",
    "ansprechpartnerin",
    "newsletter",
    "anzeige",
    "werbung",
    "teilen",
    "drucken",
    "startseite",
    "alle artikel",
    "alle beiträge",
    "zum profil",
    "zur person",
    "über uns",
    "über den autor",
    "über die autorin",
    "related",
    "more information",
    "read more",
    "contact",
}
# Common nouns by their German suffix ("Informationen", "Mitteilung", "Gesundheit",
# "Nachhaltigkeit", "Gesellschaft", "Kommunikation", "Realität"): no part of a person's name.
# Eight letters at least, so that surnames such as Jung or Hartung stay names.
COMMON_NOUN = re.compile(
    r"^[\w-]{3,}(?:ungen|ung|heiten|heit|keiten|keit|schaften|schaft|tionen|tion|sionen|sion|tät|ismus)$",
    re.IGNORECASE,
)
BYLINE_PREFIX = re.compile(
    r"^\s*(von|by|text|autor(?:in)?|autoren|author|interview|(?:ein )?artikel von|"
    r"ein beitrag von|verfasst von)\s*:?\s+",
    re.IGNORECASE,
)
NAME_SEPARATORS = re.compile(r"\s*(?:;|,|\bund\b|\band\b|&|\s/\s|\|)\s*", re.IGNORECASE)
# "(nic)", "(dpa)", "(dpa/lnw)", "(AFP/red)": a story's closing credit in German papers.
CLOSING_CREDIT = re.compile(r"\(([A-Za-z]{2,8}(?:\s*[/,]\s*[A-Za-z]{2,8})*)\)\s*$")
# "Hamburg (dpa/lno) – Trotz …", "Frankfurt (dpa-AFX) - …": the agency's dateline opening the story.
OPENING_CREDIT = re.compile(
    r"(?:[A-ZÄÖÜ][^()\n]{0,40}?\s)?\((?P<codes>[A-Za-z][A-Za-z-]{1,8}"
    r"(?:\s*[/,]\s*[A-Za-z][A-Za-z-]{1,8})*)\)\s*[-–—:]\s"
)

# A kicker or topic label above the headline is a few words at most.
MAX_KICKER_WORDS = 4
# Headline parts that name the section, not the story.
KICKER_CLASSES = (
    "kicker",
    "topline",
    "overline",
    "dachzeile",
    "roofline",
    "eyebrow",
    "spitzmarke",
    "supertitle",
    "subtitle",
    "label",
    "rubrik",
    "category",
    "tag",
)
KICKER_WORDS = set(KICKER_CLASSES) | {word + "s" for word in KICKER_CLASSES} | {"categories"}
# The words of a class attribute: BEM and utility names ("c-article__kicker", "stage-headline",
# "articleTopline") part at dashes, underscores and a capital inside a word, so that "tag" is
# not found inside "stage" nor "label" inside "labelled".
CLASS_WORD = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+")


def _class_words(element) -> set[str]:
    return {word.lower() for word in CLASS_WORD.findall(element.get("class") or "")}


# A dash between two days is a range, not a separator: "Wochenbericht 14. - 20. Januar 2022".
TITLE_SEPARATORS = re.compile(r"(?<!\s)(?!(?<=\d\.)\s+[-–]\s+\d{1,2}\.)\s+(?:\||-|–|—|·|•|::|:|»|/)\s+")

GERMAN_MONTHS = {
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
    # As date lines abbreviate them ("26. Jan 2022", "3. Okt. 2023").
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
}
# The time of day after a date: "…, 14:30 Uhr", "… um 14.30 Uhr", "… | 14:30".
TIME_OF_DAY = r"(?:\s*(?:,|um|\||-|–)?\s*(?P<hour>\d{1,2})[:.](?P<minute>\d\d)(?:\s*Uhr)?)?"
# "21.11.2026, 14:30 Uhr", "21. November 2026 um 14.30 Uhr", "21.11.2026 | 14:30", "26. Jan. 2022"
VISIBLE_DATE = re.compile(
    r"\b(?P<day>\d{1,2})\.\s*(?:(?P<month>\d{1,2})\.\s*|(?P<month_name>[A-Za-zäÄ]{3,9})\.?\s+)"
    r"(?P<year>(?:19|20)\d\d)" + TIME_OF_DAY
)
# "26/12/2019" (day first, as European sites print it; "12/26/2019" when the second number
# cannot be a month), read in the date line, datelines and <time> elements, not after "Datum:".
SLASHED_DATE = re.compile(
    r"(?<![\d/])(?P<day>\d{1,2})/(?P<month>\d{1,2})/(?P<year>(?:19|20)\d\d)(?![\d/])(?P<month_name>(?!))?" + TIME_OF_DAY
)
# "28.09.19 12:44": a forum post's or comment system's two-digit year (this century), day and
# month with two digits each, so that version numbers ("13.1.1") and amounts stay out.
SHORT_YEAR_DATE = re.compile(
    r"(?<![\d.])(?P<day>[0-3]\d)\.(?P<month>[01]\d)\.(?P<year>\d\d)(?![\d.]\d|\d)(?P<month_name>(?!))?" + TIME_OF_DAY
)


def visible_dates(text: str) -> list:
    """Matches of the dates a page prints, in text order: "21.11.2026", "21. November 2026",
    "26/12/2019", "28.09.19"."""
    matches = [*VISIBLE_DATE.finditer(text), *SLASHED_DATE.finditer(text), *SHORT_YEAR_DATE.finditer(text)]
    return sorted(matches, key=lambda match: match.start())


# A dozen rules read the same facts of one parsed page (its JSON-LD, meta tags, visible text):
# each is computed on first use and kept while the page's tree lives.
_PAGE_FACTS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def _read_once(tree, fact: str, compute):
    facts = _PAGE_FACTS.setdefault(tree, {})
    if fact not in facts:
        facts[fact] = compute(tree)
    return facts[fact]


def jsonld_nodes(tree) -> list[dict]:
    """Every JSON object in the page's ``application/ld+json`` scripts, ``@graph`` unpacked."""
    return _read_once(tree, "jsonld", _parse_jsonld)


def _parse_jsonld(tree) -> list[dict]:
    nodes = []
    for script in tree.xpath('//script[@type="application/ld+json"]/text()'):
        try:
            data = json.loads(script)
        except (ValueError, RecursionError):  # invalid, or nested deeper than Python recurses
            continue
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
    page = _address(url)
    return sorted(
        nodes, key=lambda node: (not jsonld_types(node) & STORY_TYPES, bool(page) and page not in _node_addresses(node))
    )


def _address(url) -> str:
    """An address without scheme, "www.", query, fragment and final slash, for comparing."""
    if not isinstance(url, str) or not url.strip():
        return ""
    parts = urlsplit(url.strip())
    return (parts.netloc.removeprefix("www.") + parts.path).rstrip("/").lower()


def _node_addresses(node: dict) -> set[str]:
    entity = node.get("mainEntityOfPage")
    values = [node.get("url"), node.get("@id"), entity.get("@id") if isinstance(entity, dict) else entity]
    return {_address(value) for value in values} - {""}


def meta_content(tree, *names: str) -> str | None:
    """First non-empty ``<meta>`` content among ``names`` (matched on name, property or itemprop)."""
    index = _read_once(tree, "meta", _meta_index)
    for name in names:
        for attribute in ("property", "name", "itemprop"):
            for value in index.get((attribute, name), ()):
                if value.strip():
                    return " ".join(value.split())
    return None


def _meta_index(tree) -> dict[tuple[str, str], list[str]]:
    """``(attribute, value) → contents`` of the page's ``<meta>`` elements, in page order."""
    index: dict[tuple[str, str], list[str]] = {}
    for meta in tree.xpath("//meta[@content]"):
        for attribute in ("property", "name", "itemprop"):
            if (value := meta.get(attribute)) is not None:
                index.setdefault((attribute, value), []).append(meta.get("content"))
    return index


def text_of(element) -> str:
    return plain_text(element.text_content())


def plain_text(text: str) -> str:
    """``text`` as it reads: soft hyphens and zero-width characters out, whitespace collapsed
    ("Mat\u00adthi\u00adas  Lauerer" → "Matthias Lauerer")."""
    return " ".join(INVISIBLE.sub("", text).split())


# Headline


def article_title(tree, url: str, fallback: str | None = None) -> str | None:
    """The story's own headline: the page's ``<h1>`` when the metadata confirms it, else the
    metadata title without site name, section or date."""
    nodes = story_nodes(tree, url)
    meta_titles = [
        clean_title(title)
        for title in (
            _string(nodes[0].get("headline")) if nodes else None,
            meta_content(tree, "og:title", "twitter:title"),
            _first_text(tree.xpath("//title")),
        )
        if title and clean_title(title)
    ]
    if not meta_titles:
        # trafilatura's title may be the <h1> itself, so it cannot confirm one.
        return fallback
    site_names = _site_names(tree, url)
    stripped = [strip_site_name(title, site_names) for title in meta_titles]
    h1s = _headings(tree)
    lines = {text: parts for text, parts in h1s or _headings(tree, "//h2") if not _is_site_part(text, site_names)}
    headings = list(lines)
    # A label in an unmarked element before the headline ("<h1><span>Tunesien</span> Große
    # Aufgaben …</h1>"): the metadata title without it says where the headline starts.
    stated = {_key(title) for title in stripped}
    for heading in _without_leading_labels(tree):
        if _key(heading) in stated and not any(_key(full) in stated for full in headings):
            return heading
    # The metadata titles, and their parts of three words or more ("Offshore-Windenergie –
    # Sauberer Strom vom Meer | Stiftung …"): a heading equal to one is the headline.
    parts = {
        _key(part)
        for title in meta_titles
        for part in TITLE_SEPARATORS.split(title) + title.split(" | ")
        if len(part.split()) >= 3
    } - {""}
    exact = {_key(title) for title in meta_titles + stripped} - {""}
    for heading in headings:
        if _key(heading) in exact:
            return heading
    for title in stripped:
        for heading in headings:
            # "<h1><small>Einheit der Woche</small><br>Lagen-Pyramide mit GA2</h1>"
            for start in range(1, len(lines[heading])):
                if _key(" ".join(lines[heading][start:])) == _key(title):
                    return " ".join(lines[heading][start:])
    for title in stripped:
        for heading in headings:
            if _confirms(heading, title):
                return heading
    for heading in headings:
        # The headline inside the metadata title with a kicker or site name added, or the
        # same opening words going on differently (an SEO title).
        if _contains(stripped[0], heading) or _same_start(heading, stripped[0]):
            return heading
    for heading in headings:
        # The headline leads the metadata title, the rest is site and slogan ("Bielersee-
        # Winterhechte | petri-heil.ch | Dein Schweizer Fischereimagazin").
        if any(_key(TITLE_SEPARATORS.split(title)[0]) == _key(heading) for title in meta_titles):
            return heading
    # No <h1> names the metadata's story, an element marked as the headline does ("<div
    # class="stage-headline">", "c-article__title", itemprop="headline"): the page sets its
    # headline in a styled block under a logo or section <h1>. Only an exact match counts.
    for heading, _lines in _marked_headlines(tree):
        if _key(heading) in exact | parts and not _is_site_part(heading, site_names):
            return heading
    # No <h1> names the metadata's story, an <h2> is its title: the page sets its headline as
    # <h2> under section <h1>s ("Quicklinks"). Only an exact match counts there.
    if h1s:
        for heading, _lines in _headings(tree, "//h2"):
            if _key(heading) in exact | parts and not _is_site_part(heading, site_names):
                return heading
    visible = [heading for heading in headings if len(heading.split()) >= 2]
    if len(visible) == 1 and all(_uninformative(title, site_names) for title in stripped):
        # "<title>Home</title>", "<title>Anwalt Niemeyer</title>": the metadata names the site.
        return visible[0]
    return stripped[0] if stripped else None


# Characters that only steer line breaks or rendering ("Er\xadin\xadne\xadrung").
INVISIBLE = re.compile("[\u00ad\u200b-\u200d\u2060\ufeff]")
# What may stand between two parts of a title or heading.
EDGE_PUNCTUATION = " :|-–—·•/"


def clean_title(title: str | None) -> str:
    """``title`` without soft hyphens and zero-width characters, whitespace collapsed."""
    return " ".join(INVISIBLE.sub("", title or "").split()).strip(EDGE_PUNCTUATION)


def _without_leading_labels(tree) -> list[str]:
    """``<h1>`` texts without their first child element, when the heading starts with one."""
    texts = []
    for h1 in tree.xpath("//h1"):
        h1 = _displayed_copy(h1)
        children = list(h1)
        if children and not (h1.text or "").strip() and not _hidden(h1):
            children[0].drop_tree()
            text = _heading_text(h1)
            if text:
                texts.append(text)
    return texts


def _is_logo(heading) -> bool:
    """Whether a heading is the site's logo: all its text is a link to the home page
    ("<h1><a href="https://www.offshore-stiftung.de/">Stiftung Offshore Windenergie</a></h1>")."""
    links = heading.xpath(".//a[@href]")
    if len(links) != 1:
        return False
    target = urlsplit(links[0].get("href"))
    return (
        target.path in ("", "/") and not target.query and _key(links[0].text_content()) == _key(heading.text_content())
    )


def _displayed_copy(heading):
    """A copy of ``heading`` without the style sheets and scripts some sites put inside it
    (CSS-in-JS: "<h1><style>.css-umyvef{…}</style>…")."""
    heading = deepcopy(heading)
    for element in heading.xpath(".//style|.//script"):
        element.drop_tree()
    return heading


def headline_candidates(tree) -> list[str]:
    """Texts of the page's visible ``<h1>`` elements, kicker labels removed, in page order."""
    return [text for text, _lines in _headings(tree)]


# Class words of the element that holds a story's headline when it is no <h1>: "stage-headline"
# (welt.de's stage), "article-headline", "c-article__title" (BEM), "entry-title" (WordPress),
# "headline" (many CMSs); a subtitle, kicker or teaser class is something else, and so is
# "heading" (WordPress marks every subheading of the text "wp-block-heading").
HEADLINE_CLASS_WORDS = {"headline", "title"}
NOT_HEADLINE_CLASS_WORDS = KICKER_WORDS | {"sub", "teaser", "related", "page", "site", "section", "widget", "box"}
MARKED_HEADLINE_XPATH = (
    '//body//*[@itemprop="headline" or contains(@class, "eadline") or contains(@class, "itle")]'
    "[not(self::h1 or self::a or self::meta or self::img or ancestor::h1"
    " or ancestor::a or ancestor::nav or ancestor::aside or ancestor::footer)]"
)


def _marked_headlines(tree) -> list[tuple[str, list[str]]]:
    """``(text, lines)`` of elements marked as a headline by itemprop or class words, outermost."""
    elements = [
        element
        for element in tree.xpath(MARKED_HEADLINE_XPATH)
        if element.get("itemprop") == "headline"
        or (_class_words(element) & HEADLINE_CLASS_WORDS and not _class_words(element) & NOT_HEADLINE_CLASS_WORDS)
    ]
    return _headings(tree, elements=elements)


def _headings(tree, xpath: str = "//h1", elements=None) -> list[tuple[str, list[str]]]:
    """``(text, lines)`` of each visible ``<h1>``: lines as ``<br>`` and blocks break it."""
    headings = []
    for h1 in tree.xpath(xpath) if elements is None else elements:
        if _hidden(h1) or _is_logo(h1):
            continue
        h1 = _displayed_copy(h1)
        for part in h1.xpath(".//*"):
            if part.getparent() is not None and (_hidden(part) or _class_words(part) & KICKER_WORDS):
                # The words on either side stay apart ("Zoonosen<span hidden> – </span>Wie").
                part.tail = " " + (part.tail or "")
                part.drop_tree()
        text = _heading_text(h1)
        if text:
            # Kicker and headline also part at a separator: '"Reformstau lösen" / Irme …'.
            lines = [clean_title(line) for line in TITLE_SEPARATORS.split(h1.text_content().replace(LINE_BREAK, " | "))]
            headings.append((text, [line for line in lines if line]))
    return headings


# Elements inside a heading that break it into lines: their text is not glued to the next.
LINE_BREAKING = {"br", "div", "p", "small", "strong"}
LINE_BREAK = "\n"


def _heading_text(element) -> str:
    """A heading's text as displayed: line breaks become spaces, edges without separators.

    Marks the breaks with newlines in ``element`` (a copy) for :func:`_headings`.
    """
    for part in element.iter():
        if part is not element and part.tag in LINE_BREAKING:
            part.tail = LINE_BREAK + (part.tail or "")
            if part.tag != "br":
                part.text = LINE_BREAK + (part.text or "")
    return clean_title(element.text_content().replace(LINE_BREAK, " "))


def strip_site_name(title: str, site_names: set[str]) -> str:
    """Remove a site name, section or date glued to a title with " | ", " - ", " – " …."""
    parts = TITLE_SEPARATORS.split(title)
    if len(parts) == 1:
        return title
    keep = [part for part in parts if not _is_site_part(part, site_names)]
    if not keep:
        return title
    # A name of one or two words after a longer headline is the publication's ("- WELT").
    while len(keep) > 1 and len(keep[-1].split()) <= 2 and len(keep[0].split()) >= 4:
        keep.pop()
    if len(keep) > 1 and (" | " in title or " : " in title):
        # After a pipe comes the site, a section or a slogan: the story's part comes first,
        # unless a short section label leads ("Wirtschaft | Hafen wird erweitert").
        if len(keep[0].split()) <= 2:
            return max(keep, key=len)
        return keep[0]
    return " - ".join(keep) if len(keep) < len(parts) else title


def _is_site_part(part: str, site_names: set[str]) -> bool:
    key = _key(part)
    if not key:
        return True
    if VISIBLE_DATE.fullmatch(part.strip()) or re.fullmatch(r"[\d.:/\s-]+", part):
        return True
    if " ".join(_words(part)) in GENERIC_TITLES:
        return True
    for name in site_names:
        if key == name:
            return True
        if len(name) > 3 and key in name and len(part.split()) <= 4:
            return True
        if len(name) > 3 and name in key:
            # The name with a section or legal form: "Rheinische Post: Wirtschaft", "… (ejw)".
            rest = [word for word in _words(part) if word not in name]
            if len(rest) <= 2 and len(part.split()) <= 6:
                return True
    return False


def _contains(title: str, heading: str) -> bool:
    """Whether the metadata title names the heading with something added: a site or a kicker
    ("Siemens und Adani: Kaeser verarscht Neubauer")."""
    heading_key, title_key = _key(heading), _key(title)
    if not heading_key or not title_key or heading_key == title_key:
        return bool(heading_key) and heading_key == title_key
    return heading_key in title_key and len(_words(heading)) >= 2


def _same_start(heading: str, title: str) -> bool:
    """The visible headline and an SEO title that go on differently from the same opening words
    ("Wein dekantieren: Alles Wissenswerte …")."""
    heading_words, title_words = _words(heading), _words(title)
    shared = 0
    for first, second in zip(heading_words, title_words):
        if first != second:
            break
        shared += 1
    return shared >= 3 and shared >= min(len(heading_words), len(title_words)) / 2


# Titles that name a page type or the site's start, not a story.
GENERIC_TITLES = {
    "home",
    "startseite",
    "start",
    "index",
    "news",
    "aktuelles",
    "blog",
    "artikel",
    "willkommen",
    "welcome",
    "homepage",
    "news detail",
    "detail",
    "beitrag",
    "blog archiv",
    "archiv",
    "archive",
    "blog archive",
}


def _uninformative(title: str, site_names: set[str]) -> bool:
    """Whether a metadata title says nothing about the story: the site's name or a page type."""
    return (
        " ".join(_words(title)) in GENERIC_TITLES
        or _is_site_part(title, site_names)
        or any(_key(title) in name or name in _key(title) for name in site_names if len(name) > 3)
    )


def _site_names(tree, url: str) -> set[str]:
    """The site's names from site-level signals only: og:site_name, application-name, the
    JSON-LD WebSite, organisation and publisher, the host. A person is never the site: blog
    themes type their author ["Person", "Organization"] and make them the publisher (Yoast),
    and a journalist's name in a title ("… - Anna Schmidt - WELT") is the byline's."""
    names = {meta_content(tree, "og:site_name", "application-name", "apple-mobile-web-app-title")}
    people = set()
    for node in jsonld_nodes(tree):
        types = jsonld_types(node)
        authors = node.get("author") if isinstance(node.get("author"), list) else [node.get("author")]
        people.update(
            _string(author.get("name"))
            for author in authors
            if isinstance(author, dict) and "Person" in jsonld_types(author)
        )
        if "Person" in types:
            people.add(_string(node.get("name")))
        elif types & {"WebSite", "Organization", "NewsMediaOrganization"}:
            names.add(_string(node.get("name")))
        publisher = node.get("publisher")
        if isinstance(publisher, dict) and "Person" not in jsonld_types(publisher):
            names.add(_string(publisher.get("name")))
    host = urlsplit(url).hostname or ""
    labels = host.removeprefix("www.").split(".")
    names.update({host.removeprefix("www."), labels[0], labels[-2] if len(labels) > 1 else None})
    people = {_key(name) for name in people if name and len(name.split()) >= 2}
    return {_key(name) for name in names if name and _key(name)} - people


def _confirms(heading: str, title: str) -> bool:
    """Whether an ``<h1>`` and a metadata title name the same story (wording may differ a bit)."""
    heading_words, title_words = set(_words(heading)), set(_words(title))
    if not heading_words or not title_words:
        return False
    shared = len(heading_words & title_words)
    return shared / len(heading_words) >= 0.5 and shared / len(title_words) >= 0.5


# Dates


# Where a publication date came from (``articles.date_source``), most certain first: the page's
# structured data (JSON-LD, microdata), its meta tags, the date line it prints by the headline,
# the feed or news sitemap that listed it, its URL, or htmldate's reading of the whole page.
DATE_FROM_STRUCTURED_DATA = "structured data"
DATE_FROM_META = "meta"
DATE_FROM_VISIBLE_LINE = "visible line"
DATE_FROM_FEED = "feed"
DATE_FROM_URL = "url"
DATE_FROM_PAGE = "page"


class PublicationDates(NamedTuple):
    published: str | None
    modified: str | None
    source: str | None  # one of the DATE_FROM_* values; None without a published date


def article_dates(tree, url: str, now: datetime | None = None, headline: str | None = None) -> PublicationDates:
    """``(published, modified, source)``: dates as ISO 8601, future dates and dates before 1995
    rejected, and where the published date came from (``DATE_FROM_*``).

    ``headline`` (the story's title) locates the date line printed next to it.
    """
    now = now or datetime.now(BERLIN)
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
    ]
    # htmldate weighs every date on the page and is right more often about the day; the
    # structured timestamp adds time and offset when it names the same day.
    with _story_dates_only(tree, nodes):
        found = find_date(
            tree,
            url=url,
            original_date=True,
            extensive_search=True,
            min_date=EARLIEST_DATE.isoformat(),
            max_date=now.date().isoformat(),
        )
    structured_source, structured = next(
        ((source, parsed) for source, value in published_candidates if (parsed := parse_date(value, now))),
        (None, None),
    )
    modified = _first_valid(modified_candidates, now)
    shown = shown_date(tree, headline, now, structured, modified)
    if shown:
        # What the page prints as its date ("Erschienen am 13.10.2021", the date line under
        # the headline) outweighs a guess; a structured timestamp adds the time when it agrees.
        found = shown[:10]
    # A UTC timestamp names the day of its instant in Berlin, unless the page prints its UTC day
    # ("<time datetime="2019-12-26T23:07:45+00:00">26/12/2019</time>"): what readers saw wins.
    same_day = structured and (found == structured[:10] or not shown and found == _utc_day(structured))
    if found and not same_day:
        if shown and shown[:10] == found:
            published, source = shown, DATE_FROM_VISIBLE_LINE
        else:
            published = with_visible_time(found, tree)
            source = DATE_FROM_URL if _url_states_day(url, found) else DATE_FROM_PAGE
    else:
        published, source = structured, structured_source
    if modified is not None and published is not None and modified <= published:
        modified = None
    return PublicationDates(published, modified, source if published else None)


def _url_states_day(url: str, day: str) -> bool:
    """Whether the URL's path names ``day`` (YYYY-MM-DD) as news CMSes do: /2024/11/21/,
    /2024-11-21-, /20241121."""
    year, month, number = day.split("-")
    path = urlsplit(url).path
    return bool(re.search(rf"(?<!\d){year}[/_-]?{month}[/_-]?{number}(?!\d)", path))


# Blocks of a page whose dates are not the story's: an embedded video's or picture's (its
# broadcast or upload), a quoted post, comments, related stories and teasers. Not <aside> as
# such: themes set the story's own meta box as one ("<aside class="meta"><time …>").
OUTSIDE_THE_STORY = (
    "ancestor::figure or ancestor::video or ancestor::blockquote"
    ' or ancestor::*[contains(@class, "comment") or contains(@class, "related")'
    ' or contains(@class, "teaser") or contains(@class, "recommend")]'
)


def _story_microdata(tree, prop: str) -> list[str]:
    """Values of the microdata property ``prop`` ("datePublished") that belong to the story: not
    inside an item of another type (a VideoObject's, an ImageObject's, a Comment's, a related
    article's in an ItemList) nor in a block outside the story (:data:`OUTSIDE_THE_STORY`)."""
    values = []
    for element in tree.xpath(f'//*[@itemprop="{prop}"][not({OUTSIDE_THE_STORY})]'):
        value = element.get("content") or element.get("datetime")
        if value and not _in_other_item(element):
            values.append(value)
    return values


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
# comments and reviews, events, offers, lists of other stories. A container such as Blog,
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
def _story_dates_only(tree, nodes: list[dict]):
    """While htmldate reads ``tree``, its JSON-LD holds the story node's publication date only,
    and microdata and ``<time>`` elements of other items and blocks (:func:`_in_other_item`,
    :data:`OUTSIDE_THE_STORY`) are no dates.

    htmldate takes the first "datePublished" in any JSON-LD script: an embedded video's
    (VideoObject, broadcast before the story), a picture's, a comment's or a related article's
    when their script comes first (broadcasters, news sites with video players, blogs with
    comment markup). The story's own node (NewsArticle, BlogPosting …, also in an @graph) is
    the one that dates the page; pages without one keep their scripts.
    """
    # Microdata and <time> elements outside the story are hidden alike (renamed for the while).
    others = [
        element
        for element in tree.xpath(
            '//*[@itemprop="datePublished" or @itemprop="dateModified" or @itemprop="dateCreated"'
            f' or @itemprop="uploadDate" or self::time][{OUTSIDE_THE_STORY} or @itemprop]'
        )
        if element.get("itemprop") is None
        or element.xpath(f"boolean({OUTSIDE_THE_STORY})")
        # A page without story markup of its own (a podcast episode's, a video's) is dated by
        # its media item.
        or _in_other_item(element)
        and (nodes or _story_items(tree))
    ]
    saved_elements = [(element, element.tag, dict(element.attrib)) for element in others]
    for element in others:
        element.tag = "span"
        element.attrib.clear()
    scripts = tree.xpath('//script[@type="application/ld+json"]') if nodes else []
    saved = [script.text for script in scripts]
    stated = next((node["datePublished"] for node in nodes if isinstance(node.get("datePublished"), str)), None)
    for script in scripts:
        script.text = ""
    if scripts and stated:
        scripts[0].text = json.dumps({"datePublished": stated})
    try:
        yield
    finally:
        for script, text in zip(scripts, saved):
            script.text = text
        for element, tag, attributes in saved_elements:
            element.tag = tag
            element.attrib.update(attributes)


def parse_date(value, now: datetime | None = None) -> str | None:
    """A page's date value as ISO 8601 (date, or timestamp with offset); ``None`` if implausible."""
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
    if len(value) > 10 and parsed.tzinfo is None:
        # A local time without offset: German news sites mean Berlin time.
        value = parsed.replace(tzinfo=BERLIN).isoformat()
    elif len(value) > 10 and parsed.utcoffset() == timedelta(0):
        # UTC is how content systems serialise, not where the story appeared: the same
        # instant in Berlin time gives the calendar day readers saw.
        value = parsed.astimezone(BERLIN).isoformat()
    return value


# A date the page labels as its publication date: "Erschienen am: 13.10.2021", "Datum: 03.02.2022".
PUBLISHED_LABEL = re.compile(
    r"\b(?:erschienen|veröffentlicht|publiziert|datum|erstellt|"
    r"published|posted|pressemitteilung vom)(?:\s+(?:am|on))?\s*:?\s*$",
    re.IGNORECASE,
)
# A page's sentence about itself: "Dieser Beitrag wurde am Samstag, 3. Dezember 2011 um 14:10 Uhr
# veröffentlicht" (blog themes print it under the post); the label follows the date.
SELF_REFERENCE = re.compile(
    r"\b(?:dieser|der)\s+(?:beitrag|artikel|eintrag|text|post)\s+wurde\b[^.]{0,50}$", re.IGNORECASE
)
PUBLISHED_AFTER = re.compile(r"[^.]{0,30}?\b(?:veröffentlicht|publiziert|erstellt|geschrieben)\b", re.IGNORECASE)
# A date that is not the story's: an update, a product's release, or an event in a sentence
# ("am 18. Oktober 2021").
NOT_PUBLISHED = re.compile(
    r"(?:\b(?:aktualisiert|geändert|update[d]?|stand|bearbeitet|editiert|registriert|release|"
    r"mitglied seit|geboren|"
    r"am|vom|bis|ab|seit|zum|zur|dem|den|und|bis zum|ab dem|von|im|für|"
    r"nach|vor|ende|anfang|mitte)|[-–(]|\d\.)\s*:?\s*$",
    re.IGNORECASE,
)
# How far from the headline the date line may be (characters of text after, before).
DATELINE_AFTER, DATELINE_BEFORE = 300, 150


def body_text(tree) -> str:
    """The page's visible text (no scripts or styles), whitespace collapsed."""
    return _read_once(tree, "body_text", _visible_text)


_VISIBLE_TEXT = lxml.etree.XPath(
    ".//text()[not(ancestor::script or ancestor::style or ancestor::noscript)]", smart_strings=False
)


def _visible_text(tree) -> str:
    body = tree.find("body")
    return " ".join(" ".join(_VISIBLE_TEXT(body if body is not None else tree)).split())


def shown_date(
    tree,
    headline: str | None = None,
    now: datetime | None = None,
    structured: str | None = None,
    modified: str | None = None,
) -> str | None:
    """The publication date as the page prints it, ISO 8601 (with Berlin time when shown).

    A date labelled as such ("Erschienen am", "Veröffentlicht", "Datum:") wins when the page
    labels only one day so; else the first date in the date line next to the headline (between
    it and the next heading), skipping updates ("Aktualisiert am") and dates inside sentences
    ("am 18. Oktober 2021"); of several there, the day of ``structured`` (the markup's
    publication date) if it is one of them. Without any, the day the page's ``<time>`` elements
    print; then a "Stand: …" line alone next to the headline (not when ``modified``, the
    markup's update, names its day and the publication another), then the first day of a
    range ("14. - 20. Januar 2022").
    """
    now = now or datetime.now(BERLIN)
    text = body_text(tree)
    labelled = set()
    for match in VISIBLE_DATE.finditer(text):
        # Not "26/12/2019" here: after "Datum:" it dates photos and data sets as often as stories.
        if PUBLISHED_LABEL.search(text[max(0, match.start() - 40) : match.start()]) or (
            SELF_REFERENCE.search(text[max(0, match.start() - 80) : match.start()])
            and PUBLISHED_AFTER.match(text[match.end() : match.end() + 40])
        ):
            labelled.add(_plausible(_from_match(match), now))
    labelled.update(_press_datelines(tree, now))
    labelled.discard(None)
    if len({day[:10] for day in labelled}) == 1:
        # Several days labelled "Published" are a listing's teasers, not this story's date.
        return max(labelled, key=len)
    after, before = _dateline(tree, headline)
    if not (after or before) and headline and len(headline.split()) >= 2 and headline in text:
        # No <h1> holds the headline: the date line is found around its text instead.
        position = text.index(headline)
        after = text[position + len(headline) : position + len(headline) + DATELINE_AFTER]
        before = text[max(0, position - DATELINE_BEFORE) : position]
    shown, as_of, ranges = [], [], []
    for window, nearest_first in ((after, False), (before, True)):
        matches = visible_dates(window)
        for match in reversed(matches) if nearest_first else matches:
            preceding = window[max(0, match.start() - 25) : match.start()]
            if not NOT_PUBLISHED.search(preceding):
                shown.extend(_plausible(moment, now) for moment in _readings(match))
            elif AS_OF.search(preceding):
                as_of.append(_plausible(_from_match(match), now))
            elif start := RANGE_START.search(preceding):
                ranges.append(_plausible(_range_start(match, start), now))
    shown = [day for day in shown if day]
    # A date line with two days ("29. Dezember 2022 · 30. Dezember 2022", updated and
    # published): the one the markup names as published.
    stated = [day for day in shown if structured and _same_day(day, structured)]
    found = (stated or shown or [_printed_time_element(tree, now)])[0]
    if found:
        return found
    # No other date line: a "Stand: 28.04.2020 18:00 Uhr" alone next to the headline is the
    # story's date, unless the markup names it as the update of an earlier publication.
    as_of = [day for day in as_of if day]
    if len({day[:10] for day in as_of}) == 1 and not (
        modified and structured and _same_day(modified, as_of[0]) and not _same_day(structured, as_of[0])
    ):
        return max(as_of, key=len)
    # A week's or an event's report dated by its range ("Wochenbericht 14. - 20. Januar
    # 2022"): its first day.
    ranges = [day for day in ranges if day]
    return ranges[0] if len({day[:10] for day in ranges}) == 1 else None


# "Stand: 28.04.2020": the state of a page as of a day (an update line when it comes second).
AS_OF = re.compile(r"\bstand\s*:?\s*$", re.IGNORECASE)
# The first day of a range before its last: "14. - 20. Januar 2022", "14.-20.01.2022".
RANGE_START = re.compile(r"(?<![\d.])(?P<day>\d{1,2})\.?\s*[-–]\s*$")


def _range_start(match, start) -> datetime | None:
    """The first day of the range whose last day ``match`` is, ``start`` its first day's match."""
    last = _from_match(match)
    if last is None or not 0 < int(start["day"]) < last.day:
        return None
    return last.replace(day=int(start["day"]), hour=0, minute=0, tzinfo=None)


# A press release's dateline: "Karlsruhe, (12.11.2021). Traditionell …", "(21. November 2022) …".
DATELINE_PLACE = re.compile(r"^(?:[A-ZÄÖÜ][\w./ -]{0,40},\s*)?\(\s*$")


def _press_datelines(tree, now: datetime) -> set:
    """Days a text piece opens with in parentheses, after a place name or alone: the dateline
    of press releases and agency copy, as explicit as a label ("(12.11.2021)")."""
    days = set()
    for piece in page_text_pieces(tree):
        piece = " ".join(piece.split())[:80]
        if "(" not in piece[:45]:
            continue
        for match in visible_dates(piece):
            if DATELINE_PLACE.match(piece[: match.start()]) and piece[match.end() :].lstrip().startswith(")"):
                days.add(_plausible(_from_match(match), now))
    return days


def _printed_time_element(tree, now: datetime) -> str | None:
    """The day the page's ``<time>`` elements outside comments, quoted posts, figures, videos
    and related teasers (:data:`OUTSIDE_THE_STORY`) print
    ("<time datetime=…>25.01.2022</time>"), wherever they stand: a CMS's publication stamp in
    a meta box far from the headline. When they print several days, none of them."""
    days, printed_days = set(), set()
    for element in tree.xpath(f"//body//time[not({OUTSIDE_THE_STORY})]"):
        printed = visible_dates(text_of(element))
        if printed:
            printed_days.add(_plausible(_from_match(printed[0]), now))
        else:
            # "vor 9 Stunden" on the story, a day on a teaser: the story's day is in the markup.
            days.add((parse_date(element.get("datetime"), now) or "")[:10])
    printed_days.discard(None)
    days = (days - {""}) | {day[:10] for day in printed_days}
    return max(printed_days, key=len) if printed_days and len(days) == 1 else None


HEADINGS = {"h1", "h2", "h3", "h4"}
SKIPPED_TEXT = {"script", "style", "noscript", "template"}


def _dateline(tree, headline: str | None, pieces: bool = False, limit: int = DATELINE_AFTER) -> tuple:
    """(text after, text before) the headline's ``<h1>`` (the text before starts after the
    nearest other heading); with ``pieces``, lists of the elements' text pieces instead."""
    target = _headline_element(tree, headline)
    if target is None:
        return ([], []) if pieces else ("", "")
    before, after, state, skipping, after_length = [], [], "before", 0, 0
    # A picture's or video's caption next to the headline ("Archivbild vom 04.05.2019", "Foto:
    # Anna Schmidt") is neither the date line nor the byline.
    holding = set(target.iterancestors())
    media = {element for element in tree.iter("figure", "figcaption", "video") if element not in holding}
    for event, element in lxml.etree.iterwalk(tree, events=("start", "end")):
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag in SKIPPED_TEXT or element in media:
            skipping += 1 if event == "start" else -1
            if event == "end" and skipping == 0 and element.tail:
                (before if state == "before" else after).append(element.tail)
            continue
        if skipping:
            continue
        if element is target:
            if event == "start":
                state = "inside"
            else:
                state = "after"
                after.append(element.tail or "")
            continue
        if state == "before" and event == "end" and tag in HEADINGS:
            # The date line before a headline sits under no other heading.
            before = []
        piece = element.text if event == "start" else element.tail
        if piece and state != "inside":
            (before if state == "before" else after).append(piece)
            if state == "after":
                # Characters of text, not of the indentation between the elements.
                after_length += len(" ".join(piece.split()))
        if state == "after" and after_length > limit:
            break
    if pieces:
        return [plain_text(piece) for piece in after], [plain_text(piece) for piece in before]
    after_text = " ".join(" ".join(after).split())[:DATELINE_AFTER]
    before_text = " ".join(" ".join(before).split())[-DATELINE_BEFORE:]
    return after_text, before_text


def _headline_element(tree, headline: str | None):
    """The ``<h1>`` holding the headline, else the first ``<h1>`` of two words or more; on a
    page without one, the ``<h2>`` or ``<h3>`` that holds exactly the headline."""
    h1s = [(h1, _key(" ".join(h1.xpath(".//text()")))) for h1 in tree.xpath("//body//h1") if not _hidden(h1)]
    wanted = _key(headline)
    if wanted:
        for h1, key in h1s:
            if key and (wanted in key or key in wanted):
                return h1
    if wanted and len(headline.split()) >= 2:
        # No <h1> holds it, a marked headline element does ("<div class="stage-headline">").
        for element in tree.xpath(MARKED_HEADLINE_XPATH):
            if not _hidden(element) and _key(" ".join(element.xpath(".//text()"))) == wanted:
                return element
    for h1, key in h1s:
        if len(" ".join(h1.xpath(".//text()")).split()) >= 2:
            return h1
    if wanted and len(headline.split()) >= 2:
        # Sites that style their headline as an <h2> ("<h2 class="title aka-h1">").
        for heading in tree.xpath("//body//h2|//body//h3"):
            if not _hidden(heading) and _key(" ".join(heading.xpath(".//text()"))) == wanted:
                return heading
    return None


def _plausible(moment: datetime | None, now: datetime) -> str | None:
    if moment is None or not EARLIEST_DATE <= moment.date() <= now.date():
        return None
    return moment.isoformat() if moment.tzinfo else moment.date().isoformat()


def _same_day(first: str, second: str) -> bool:
    return first[:10] == second[:10] or first[:10] == _utc_day(second)


# Classes that hide an element from sighted readers (kept for screen readers or search engines).
HIDDEN_CLASSES = re.compile(
    r"(?:^|[\s_-])(?:visually-?hidden|sr-only|screen-reader-text|element-invisible|"
    r"hidden|hide|invisible|offscreen)(?:$|\s)",
    re.IGNORECASE,
)


def _hidden(element) -> bool:
    return bool(HIDDEN_CLASSES.search(element.get("class") or "")) or element.get("aria-hidden") == "true"


def _utc_day(value: str) -> str | None:
    moment = datetime.fromisoformat(value)
    return moment.astimezone(ZoneInfo("UTC")).date().isoformat() if moment.tzinfo else None


def with_visible_time(day: str, tree) -> str:
    """``day`` with the time of day shown next to it on the page (Europe/Berlin), if any."""
    body = tree.find("body")
    text = text_of(body if body is not None else tree)
    for match in visible_dates(text):
        moment = _from_match(match)
        if moment is not None and moment.date().isoformat() == day and match["hour"]:
            return moment.isoformat()
    return day


def _visible_datetime(text: str) -> datetime | None:
    match = VISIBLE_DATE.search(text)
    return _from_match(match) if match else None


def _readings(match) -> list:
    """The dates a match can mean: "11/01/2021" is 11 January or, on sites that print the
    American order, 1 November; the markup's publication date then tells which."""
    moment = _from_match(match)
    if moment is None or match.re is not SLASHED_DATE or moment.month == moment.day or moment.day > 12:
        return [moment]
    return [moment, moment.replace(day=moment.month, month=moment.day)]


def _from_match(match) -> datetime | None:
    month = int(match["month"]) if match["month"] else GERMAN_MONTHS.get(match["month_name"].lower())
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


# Authors

# An element's own class naming a teaser, related story or comment (OUTSIDE_THE_STORY for ancestors).
TEASER_CLASSES = 'contains(@class, "comment") or contains(@class, "related") or contains(@class, "teaser")'
BYLINE_XPATH = (
    '//*[@itemprop="author" or @rel="author" or contains(@class, "byline")'
    ' or contains(@class, "author") or contains(@class, "autor")]'
)
WEEKDAY = r"(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag)"
# Comment signatures ("Karl sagt"), picture credits, form labels, addresses: not bylines.
NOT_A_NAME = re.compile(
    r"\bsagt$|©|\*|^name\b|^https?:|@|^(?:publiziert|veröffentlicht|erschienen|"
    r"aktualisiert|geschrieben)\b|"
    # A date line's weekday taken for a byline ("Donnerstag, 4. November 2021").
    r"^" + WEEKDAY + "$",
    re.IGNORECASE,
)
BYLINE_END = re.compile(r"\s[·|•]\s|\d|\b(?:aktualisiert|veröffentlicht|stand)\b", re.IGNORECASE)
# A byline names a few people; longer texts in "author" boxes are biographies.
MAX_BYLINE_WORDS = 12


def article_authors(
    tree, text: str = "", fallback=None, url: str = "", headline: str | None = None
) -> tuple[list[str], list[str]]:
    """``(authors, agencies)``: people credited, then wire services (dpa, AFP, …) credited.

    Looks at JSON-LD, ``<meta name=author>``, then (when those name no person, only the site
    or a desk) byline elements, the "Von …" line next to the headline and a name before the
    date there ("Kathrin Führes am Mittwoch, 26.01.2022"), then a one-word handle or first name
    in a dated byline ("Geschrieben von Cooper am 25.08.2015") and a press release's issuer
    ("Herausgeber: Nordex SE"), then trafilatura's guess (``fallback``, a string or a function
    called only when it is needed), and a closing credit
    such as "(dpa)" or "(nic)" or an agency's opening dateline ("Hamburg (dpa/lno) – …"). Desk
    names ("Redaktion") are kept only when nobody else is named.
    """
    raw = []
    nodes = story_nodes(tree, url)
    page = _address(url)
    if any(page in _node_addresses(node) for node in nodes):
        # The page's own node is known: nodes naming other addresses are related stories, and
        # their authors are not this story's.
        nodes = [node for node in nodes if page in _node_addresses(node) or not _node_addresses(node)]
    for node in nodes:
        raw.extend(_jsonld_people(node.get("author")))
    raw.append(
        meta_content(
            tree,
            "author",
            "article:author",
            "parsely-author",
            "sailthru.author",
            "dc.creator",
            "DC.creator",
            "cXenseParse:author",
        )
    )
    names, agencies, desks = [], [], []
    sites = _site_names(tree, url) if url else set()
    common = _lowercase_words(body_text(tree))
    for value in raw:
        _sort_names(split_names(value), sites, names, agencies, desks, common)
    shown, handles, issuers = _shown_credits(tree, headline)
    if names and shown and _unseen(names, tree):
        # The metadata credits people the page never shows (a publisher, "Auto Illustrierte";
        # a CMS account) while it prints a byline: the byline counts.
        names = []
    if not names:
        # Only the site or a desk in the metadata: the page's byline may name the person.
        for value in shown:
            _sort_names(_shown_names(value, shown), sites, names, agencies, desks, common)
            if names:
                break
    if not names:
        # A dated byline with a handle or first name: "Geschrieben von Cooper am 25.08.2015";
        # a press release's issuer ("Herausgeber: Nordex SE", filed as a desk).
        _sort_names(handles[:1] + issuers, sites, names, agencies, desks, common)
    if not (names or agencies or desks):
        for element in tree.xpath(BYLINE_XPATH)[:3]:
            _sort_names(split_names(text_of(element)), sites, names, agencies, desks, common)
    signature = closing_signature(tree, text)
    if not names:
        # Signed at the end of the story ("Stefan Wasmer" in bold, "Von Cosima Künzel").
        _sort_names(signature, sites, names, agencies, desks, common)
    if not names:
        _sort_names(split_names(fallback() if callable(fallback) else fallback), sites, names, agencies, desks, common)
    names = [_fuller_name(name, shown + signature + _introduced(tree, name)) for name in names]
    credit = CLOSING_CREDIT.search(text.strip()[-80:]) if text else None
    if credit:
        for code in re.split(r"\s*[/,]\s*", credit[1]):
            agency = AGENCIES.get(code.lower())
            if agency and agency not in agencies:
                agencies.append(agency)
            elif not agency and not names and code.islower() and code not in desks:
                desks.append(code)
    opening = OPENING_CREDIT.match(text.strip()[:80]) if text else None
    if opening:
        # Only the wire services: "(ots)", "(red)" at the start name no author.
        for code in re.split(r"\s*[/,]\s*", opening["codes"]):
            agency = AGENCIES.get(code.lower())
            if agency and agency not in agencies:
                agencies.append(agency)
    return (names or desks), agencies


def _unseen(names: list[str], tree) -> bool:
    """Whether none of ``names`` (full names, not handles) appears in the page's visible text."""
    if not all(_looks_like_a_name(name) and name != name.lower() for name in names):
        return False
    page = _key(body_text(tree))
    # Text hidden by its class (a theme's vcard for search engines: "rich-snippet-hidden")
    # shows nobody: a name counts as seen only when it appears outside such elements too.
    hidden = [_key(text_of(element)) for element in _outermost_hidden(tree)]
    return not any(page.count(_key(name)) > sum(text.count(_key(name)) for text in hidden) for name in names)


def _outermost_hidden(tree) -> list:
    """The body's elements hidden by class or ``aria-hidden``, none inside another."""
    hidden = [element for element in tree.xpath("//body//*[@class or @aria-hidden]") if _hidden(element)]
    marked = set(hidden)
    return [element for element in hidden if not any(parent in marked for parent in element.iterancestors())]


def _shown_names(byline: str, shown: list[str]) -> list[str]:
    """The names of a shown byline, or of a later one that names them and more: a date line
    cut short ("von Lars Fischer") and the byline box ("von Lars Fischer und Alina …")."""
    names = [name for name in map(_before_common_noun, split_names(byline)) if _looks_like_a_name(name)]
    for other in shown:
        other_names = [name for name in map(_before_common_noun, split_names(other)) if _looks_like_a_name(name)]
        if names and len(other_names) > len(names) and set(names) <= set(other_names):
            return other_names
    return names


# A person's name as bylines print it: two to four capitalised words ("Anna Schmidt",
# "Christian P. Stadtfeld", "John v. Berenberg-Consbruch", "Christoph von Eichhorn").
NAME = r"[A-ZÄÖÜ][\w'’-]*\.?(?:\s+(?:(?:von|van|de|der|zu|v\.|di|da|le)\s+)?[A-ZÄÖÜ][\w'’-]*\.?){1,3}"
# "Von Anna Schmidt und Jan Meyer", "Text von …", "Autor: …", "By …" in the page's text.
BYLINE_LABEL = (
    r"(?:[Vv]on|VON|By|BY|[Tt]ext(?:\s+von)?|Autor(?:in)?\s*:|Autoren\s*:|"
    r"Geschrieben von|Ein Beitrag von)"
)
# Labels that say "author" outright, so they count anywhere on the page, not only next to the
# headline: "Autor: Fritz Imhof" under the story, "Ein Artikel von …", "Text & Fotos: …".
EXPLICIT_BYLINE_LABEL = (
    r"(?:Autor(?:in)?|Autoren|Von|Text\s*(?:&|und)\s*Fotos?|Redaktion)\s*:|"
    r"Autor(?:in|en)?|(?:Ein (?:Artikel|Beitrag|Text|Gastbeitrag)|Eine Kolumne|"
    r"Geschrieben|Verfasst) von"
)
NAMES = r"(?P<names>" + NAME + r"(?:\s*(?:,|und|&|and)\s*" + NAME + r")*)"
SHOWN_BYLINE = re.compile(BYLINE_LABEL + r"\s+" + NAMES)
DATED_BYLINE = re.compile(
    r"(?:" + VISIBLE_DATE.pattern + r")\s*[|·•,–-]\s*"
    r"(?:(?:Redaktion|Autor(?:in)?|Text|[Vv]on)\s*:?\s+)?"
    + NAMES
    # "05.02.2020 - Redaktion: Eberhard Fuhr (Pressesprecher des EJW)"
    + r"(?:\s*\([^)]{1,60}\))?$"
)
EXPLICIT_BYLINE = re.compile(r"(?:" + EXPLICIT_BYLINE_LABEL + r")\s*" + NAMES)
# The last line of a story that signs it: "Von Cosima Künzel", "(Christian P. Stadtfeld) +++".
SIGNED = re.compile(
    r"^(?:(?:[Vv]on|Text:)\s+)(?P<names>" + NAME + r")$|"
    r"[.!?\"“”]\s*\((?P<bracketed>" + NAME + r")\)\W*$"
)
EMPHASIS = {"b", "strong", "em", "i"}


def closing_signature(tree, text: str) -> list[str]:
    """Names that sign the story's text at its end: a last line "Von Anna Schmidt", a name in
    parentheses after the last sentence ("… bleibt spannend. (Christian P. Stadtfeld)"), or a last line that is only a name set in bold or
    italics (as sites sign a report). Plain capitalised last lines ("Weitere Informationen")
    are not names."""
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()] if text else []
    if not lines:
        return []
    last = INVISIBLE.sub("", lines[-1])
    match = SIGNED.search(last)
    if match:
        name = match["names"] or match["bracketed"]
    elif re.fullmatch(NAME, last) and any(
        element.tag in EMPHASIS and text_of(element) == last
        for element in tree.xpath("//body//*[self::b or self::strong or self::em or self::i]")
    ):
        name = last
    elif (
        len(lines) > 1
        and ROLE_LINE.search(last)
        and len(last.split()) <= 8
        and re.fullmatch(NAME, signed := INVISIBLE.sub("", lines[-2]))
    ):
        # A statement signed with name and office: "Kazım Türkmen" / "DITIB-Bundesvorsitzender".
        name = signed
    else:
        return []
    return [name] if _looks_like_a_name(name) else []


# An office under a signature, its first word: "DITIB-Bundesvorsitzender", "Stellvertretende
# Pressesprecherin", "Leiterin der Stadtbibliothek" (no sentence: no full stop at its end).
ROLE_LINE = re.compile(
    r"^(?:(?:stellvertretende[r]?|stv\.|erste[r]?|ehemalige[r]?)\s+)?[\w-]*"
    r"(?:vorsitzend|präsident|sprecher|geschäftsführ|leiter|direktor|bürgermeister|vorstand|"
    r"landrat|landrätin|bischof|bischöfin|pfarrer|dekan|rektor|minister|beauftragt)\w*"
    r"(?:\s[^.!?]*)?$",
    re.IGNORECASE,
)


# Text pieces of the page outside comments, scripts and styles.
PAGE_TEXT_XPATH = (
    "//body//text()[not(ancestor::script or ancestor::style or ancestor::noscript"
    ' or ancestor::*[contains(@class, "comment")])]'
)
# Plain strings: lxml's default "smart" strings each keep their element, which costs an element
# object per text piece.
_PAGE_TEXT = lxml.etree.XPath(PAGE_TEXT_XPATH, smart_strings=False)


def page_text_pieces(tree) -> list[str]:
    """The text pieces of the page's body outside scripts, styles and comments, in page order."""
    return _read_once(tree, "text_pieces", _PAGE_TEXT)


# How far after the headline a "Von …" line may be: below the lead paragraph, too.
BYLINE_AFTER = 600


def shown_bylines(tree, headline: str | None = None) -> list[str]:
    """Bylines as the page shows them: the "Von …" lines next to the headline (text pieces
    that start with "Von", "Text von", "Autor:" or "By" and go on with names), then lines
    labelled as the author's anywhere ("Autor: …", "Ein Artikel von …"), then byline elements
    outside comments."""
    return _shown_credits(tree, headline)[0]


def _shown_credits(tree, headline: str | None = None) -> tuple[list[str], list[str], list[str]]:
    """``(bylines, handles, issuers)``: :func:`shown_bylines`, the one-word handles or first
    names of dated bylines (:func:`dated_handles`), and the organisations a press release next
    to the headline names as its issuer ("Herausgeber: Nordex SE")."""
    bylines = []
    after, before = _dateline(tree, headline, pieces=True, limit=BYLINE_AFTER)
    # Before the headline the nearest byline counts first; pieces are read in page order.
    bylines.extend(_bylines_in([piece for piece in after if piece], SHOWN_BYLINE))
    bylines.extend(_bylines_in([piece for piece in before if piece], SHOWN_BYLINE)[::-1])
    # A date line that goes on with the author: "04.02.2022 | 13:10 Uhr | Uta Helkenberg",
    # "05.02.2020 - Redaktion: Eberhard Fuhr".
    # The date and the rest may be separate elements ("05.02.2020 <span>- Redaktion: …</span>").
    near = [piece for piece in after + before if piece]
    lines = near + [first + " " + second for first, second in zip(near, near[1:])]
    bylines.extend(_without_trailing_words(match["names"]) for match in map(DATED_BYLINE.match, lines) if match)
    # A name before the date: "Kathrin Führes am Mittwoch, 26.01.2022 - 14:30".
    window = "\n".join(near)
    bylines.extend(_without_trailing_words(match["names"]) for match in NAME_BEFORE_DATE.finditer(window))
    pieces = [piece for piece in map(plain_text, page_text_pieces(tree)) if piece]
    bylines.extend(_bylines_in(pieces, EXPLICIT_BYLINE)[:2])
    for element in tree.xpath(BYLINE_XPATH):
        if element.xpath(f"boolean(self::*[{TEASER_CLASSES}] or {OUTSIDE_THE_STORY})"):
            # A commenter, or the author of a teaser for another story ("slider-teaser__author").
            continue
        value = text_of(element)
        if value and len(value.split()) <= MAX_BYLINE_WORDS:
            bylines.append(_without_trailing_words(value))
        if len(bylines) >= 6:
            break
    handles = dated_handles(near) + dated_handles(pieces, labelled=True)
    # A press release's issuer next to the headline ("Herausgeber: Nordex SE"): an organisation.
    issuers = [match["issuer"] for match in ISSUER.finditer(window) if DESK_WORDS.search(match["issuer"])]
    return bylines, handles, issuers


# Handles and first names are no names by their form ("Cooper", "Marianne1", "PETA-Team"); a
# byline shows them by its date: "Geschrieben von Cooper am 25.08.2015", "von Marianne1 am
# 20.09.2020", "Beitrag von r23 » 21.01.2009", "06.11.2023 13:30 von Olga".
ANY_DATE = (
    "(?:"
    + "|".join(
        re.sub(r"\(\?P<\w+>", "(?:", pattern.pattern) for pattern in (VISIBLE_DATE, SLASHED_DATE, SHORT_YEAR_DATE)
    )
    + ")"
)
HANDLE = r"(?P<handle>[^\W\d_][\w.-]{1,29})"
# The labels that say "author" outright count anywhere on the page, a plain "von" next to the
# headline only.
HANDLE_LABEL = r"(?:Geschrieben|Erstellt|Verfasst|Eingestellt|Gepostet|Beitrag)\s+von"
HANDLE_BEFORE_DATE = r"\s+" + HANDLE + r"\s+(?:[»|·•,–-]\s*)?(?:am\s+)?(?:" + WEEKDAY + r",?\s+)?" + ANY_DATE
# The label starts a text piece (pieces are joined by newlines), so that "Der Vorschlag kam von
# Jonas am 20.09.2021" in a sentence is none; a date line ends with the handle.
LABELLED_HANDLE = re.compile(r"(?:^|(?<=\n))" + HANDLE_LABEL + HANDLE_BEFORE_DATE)
DATED_HANDLE = re.compile(
    r"(?:^|(?<=\n))(?:"
    + HANDLE_LABEL
    + r"|[Vv]on)"
    + HANDLE_BEFORE_DATE
    + r"|"
    + ANY_DATE
    + r"\s+(?:[|·•,–-]\s*)?[Vv]on\s+"
    + HANDLE.replace("handle", "after")
    + r"(?<!\.)(?=\n|$)"
)
# A line that names the author and then dates the story (pieces joined by newlines).
NAME_BEFORE_DATE = re.compile(
    r"(?:^|(?<=\n))(?!(?:Geschrieben|Erstellt|Verfasst|Eingestellt|Gepostet|Beitrag|"
    r"Veröffentlicht|Aktualisiert|Publiziert)\b)"
    # The names on one line: "Impressum" / "Veröffentlicht am …" are two.
    + NAMES.replace(r"\s", r"[^\S\n]")
    + r"\s+am\s+(?:"
    + WEEKDAY
    + r",?\s+)?"
    + ANY_DATE
    + r"(?:\s*Uhr)?[ \t]*(?=\n|$)"
)
ISSUER = re.compile(r"(?:^|(?<=\n))Herausgeber(?:in)?\s*:\s*(?P<issuer>[^\n]{2,60})(?=\n|$)")
# Words in that place that name nobody (besides :data:`NOT_NAME_WORDS`).
NOT_HANDLES = {"heute", "gestern", "morgen", "gast", "anonym", "unbekannt"}


def dated_handles(pieces: list[str], labelled: bool = False) -> list[str]:
    """One-word names in the dated bylines of ``pieces`` (the text pieces next to the headline;
    with ``labelled``, of the whole page, where only "Geschrieben von …" and the like count)."""
    text = "\n".join(pieces)
    handles = []
    for match in (LABELLED_HANDLE if labelled else DATED_HANDLE).finditer(text):
        # DATED_HANDLE has the handle before the date or ("after") after it.
        handle = (match["handle"] or match.groupdict()["after"]).rstrip(".-")
        if handle.casefold() not in NOT_HANDLES | NOT_NAME_WORDS and handle not in handles:
            handles.append(handle)
    return handles


def _bylines_in(pieces: list[str], pattern) -> list[str]:
    """Names from the text pieces that start with a byline label. A label alone in its piece
    ("Von" and then "<a>Anna Schmidt</a>") is read with the pieces that follow it."""
    bylines = []
    for position, piece in enumerate(pieces):
        match = pattern.match(piece)
        if not match and len(piece.split()) <= 4:
            match = pattern.match(_with_following_names(pieces, position))
            if match and match.start("names") < len(piece):
                # The piece holds more than the label: its own text did not match.
                match = None
        if match:
            bylines.append(_without_trailing_words(JOB_TITLE.sub("", match["names"])))
    return bylines


CONNECTORS = {"und", "and", "&", ","}


def _with_following_names(pieces: list[str], position: int) -> str:
    """The piece at ``position`` and the names after it: the next piece, and more only while
    they are joined by "und", "&" or "," ("Von", "Lars Fischer", "und", "Alina Schadwinkel")."""
    text, joined = pieces[position], True
    for piece in pieces[position + 1 : position + 8]:
        connector = piece.casefold() in CONNECTORS
        if not (joined or connector):
            break
        text += " " + piece
        # A profession linked on its own goes on with the name ("Autor:", "Rechtsanwalt",
        # "Sebastian Einbock").
        joined = connector or JOB_TITLE.fullmatch(piece + " ") is not None
    return text


# Professions printed before a name in a byline; not part of the name (academic titles are).
JOB_TITLE = re.compile(
    r"^(?:Rechtsanw(?:alt|ältin)|Fachanw(?:alt|ältin)|Steuerberater(?:in)?|Notar(?:in)?|"
    r"Redakteur(?:in)?|Journalist(?:in)?)\s+"
)


# Capitalised words that follow a name in a byline but are no part of it (German nouns and
# sentence starts are capitalised too): "Nils Pickert Das …", "Olga Symbolbild".
NOT_NAME_WORDS = {
    "der",
    "die",
    "das",
    "ein",
    "eine",
    "mit",
    "im",
    "in",
    "am",
    "auf",
    "für",
    "bei",
    "zu",
    "so",
    "es",
    "er",
    "sie",
    "wir",
    "ich",
    "post",
    "foto",
    "fotos",
    "bild",
    "bilder",
    "symbolbild",
    "redakteur",
    "redakteurin",
    "redaktion",
    "autor",
    "autorin",
    "kommentar",
    "kommentare",
    "teilen",
    "lesezeit",
    "uhr",
    "min",
    "artikel",
    "mehr",
    "alle",
    "kontakt",
    "profil",
    "folgen",
}


def _without_trailing_words(byline: str) -> str:
    words = byline.split()
    for position, word in enumerate(words[1:], start=1):
        if word.strip(".,:;").lower() in NOT_NAME_WORDS:
            return " ".join(words[:position])
    return byline


def _looks_like_a_name(name: str) -> bool:
    """A person's name or an agency as a byline prints it: capitalised words, no label, no
    organisation and no common noun."""
    words = name.split()
    # A broadcaster or agency credited by its initials ("NDR", "SDA").
    acronym = re.fullmatch(r"[A-ZÄÖÜ]{2,5}", name) is not None
    return (
        name.lower() in AGENCIES
        or acronym
        or 1 < len(words) <= 5
        and all(word[0].isupper() or word.lower() in NAME_PARTICLES for word in words)
        and not any(word.lower() in NOT_NAME_WORDS for word in words)
        and _not_a_person(name) is None
    )


def _not_a_person(name: str, common: set[str] = frozenset()) -> str | None:
    """Why a credited name is nobody: ``"organisation"`` (a desk), ``"phrase"`` (a label or
    common nouns: dropped), else ``None``.

    ``common`` holds the words the page writes in lower case: a name whose first word is one
    of them is a brand or a phrase, no person ("Daheim Solar", "Unsere Partner": "daheim" and
    "unsere" stand in the page's sentences too), as German capitalises nouns and names, not
    adjectives and adverbs; it counts as a desk.
    """
    words = name.split()
    if ORGANISATION.search(name):
        return "organisation"
    folded = " ".join(_words(name))
    if folded in LABEL_PHRASES or any(COMMON_NOUN.match(word) and len(word) >= 8 for word in words):
        return "phrase"
    if len(words) > 1 and words[0].lower() in common and words[0].lower() not in NAME_PARTICLES:
        # A brand or a phrase ("Daheim Solar", "Unsere Partner"): credited only when nobody is.
        return "organisation"
    return None


def _before_common_noun(name: str) -> str:
    """A name run on into a caption or label ("Christian Seiler Illustration von Markus"):
    the words before the first common noun (organisations keep theirs)."""
    words = name.split()
    cut = next((i for i, word in enumerate(words) if COMMON_NOUN.match(word) and len(word) >= 8), 0)
    if cut >= 2 and not (ORGANISATION.search(name) or DESK_WORDS.search(name)):
        return " ".join(words[:cut])
    return name


def _lowercase_words(text: str) -> set[str]:
    """The words ``text`` writes in lower case (no addresses or handles: letters only)."""
    words = (word.strip(",;:!?\"'()[]„“”»«") for word in text.split())
    return {word for word in words if word.isalpha() and word.islower()}


NAME_PARTICLES = {"von", "van", "de", "der", "zu", "v.", "di", "da", "le", "du"}


def _introduced(tree, name: str) -> list[str]:
    """For a first name alone ("Stefanus"), the full names an author box's biography gives
    it ("Stefanus Stahl - Maschinenbauer, Abenteurer …")."""
    if len(name.split()) != 1 or not name[:1].isupper():
        return []
    pattern = re.compile(r"\b" + re.escape(name) + r"(?:\s+(?!" + re.escape(name) + r"\b)[A-ZÄÖÜ][\w'’-]+){1,2}")
    found = []
    for element in tree.xpath(BYLINE_XPATH)[:10]:
        # Piece by piece: a name heading and the biography below it ("Matthias" and
        # "Medizinstudent, Papa, …") are not one name.
        for piece in element.xpath(".//text()"):
            found.extend(
                match[0] for match in pattern.finditer(" ".join(piece.split())) if _looks_like_a_name(match[0])
            )
    return found


def _fuller_name(name: str, shown: list[str]) -> str:
    """``name`` as the byline prints it when the metadata has a handle or first name only
    ("christian.stadtfeld" → "Christian P. Stadtfeld", "Nils" → "Nils Pickert")."""
    words = _words(name)
    if len(words) > 1 and name != name.lower() and "." not in name.replace(". ", ""):
        return name
    for value in shown:
        for candidate in split_names(value):
            # A name and what follows a dash is a biography ("Stefanus Stahl - Maschinenbauer").
            candidate = re.split(r"\s[-–]\s", candidate)[0]
            candidate_words = _words(candidate)
            if (
                len(candidate_words) > len(words)
                and set(words) <= set(candidate_words)
                or (len(words) == 1 and _key(candidate) == words[0] and len(candidate_words) > 1)
            ):
                return candidate
    return name


def _sort_names(candidates, sites, names, agencies, desks, common: set[str] = frozenset()) -> None:
    """File each credited name under people, agencies or desks (site names and organisations
    count as desks); labels and common-noun phrases (:func:`_not_a_person`) are nobody's."""
    known = {_key(name) for name in names + agencies + desks}
    for name in candidates:
        name = _before_common_noun(name)
        if _key(name) in known:
            continue
        known.add(_key(name))
        agency = AGENCIES.get(name.lower())
        kind = None if agency else _not_a_person(name, common)
        if agency:
            agencies.append(agency)
        elif DESK_WORDS.search(name) or _is_site(name, sites) or kind == "organisation":
            desks.append(name)
        elif kind is None:
            names.append(name)


def _is_site(name: str, sites: set[str]) -> bool:
    """Whether a credited name is the site's: its name, the start of its host ("LAOLA" on
    laola1.at, cut at the digit by the byline's end rules) or its initials ("LN")."""
    key = _key(name)
    # "LN" on "LN-Online": a publication credited by its initials.
    initials = len(key) <= 3 and name.isupper() and any(site.startswith(key) for site in sites)
    return (
        initials
        or key in sites
        or any(len(site) > 3 and (site in key or len(key) > 3 and site.startswith(key)) for site in sites)
    )


def split_names(value) -> list[str]:
    """Names in a byline: "Von Anna Schmidt und Jan Meyer" → ["Anna Schmidt", "Jan Meyer"]."""
    if not isinstance(value, str) or not value.strip() or "://" in value:
        return []
    # A byline often goes on with the date or the place: "Von Anna Schmidt · 21.11.2024".
    value = BYLINE_END.split(" ".join(value.split()))[0]
    value = BYLINE_PREFIX.sub("", value)
    if len(value.split()) > MAX_BYLINE_WORDS:
        return []
    names = []
    for part in NAME_SEPARATORS.split(value):
        part = part.strip(" .:-–()")
        if part and len(part) <= 60 and not NOT_A_NAME.search(part) and not BYLINE_PREFIX.fullmatch(part + " "):
            names.append(part)
    return names


def _jsonld_people(value) -> list[str]:
    values = value if isinstance(value, list) else [value]
    names = []
    for item in values:
        if isinstance(item, dict):
            names.append(_string(item.get("name")))
        elif isinstance(item, str):
            names.append(item)
    return [name for name in names if name]


# Lead

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


def _string(value) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    return " ".join(value.split()) if isinstance(value, str) and value.strip() else None


def _first_text(elements) -> str | None:
    for element in elements:
        text = text_of(element)
        if text:
            return text
    return None


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def _key(text: str | None) -> str:
    return "".join(_words(text or ""))
