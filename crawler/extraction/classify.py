"""Decide which fetched pages are stories (stored) and which are hubs (followed, never stored).

A source's ``article_pattern`` decides when given. Otherwise the page is weighed on evidence
(:class:`PageEvidence`): what it says about itself (JSON-LD, og:type), its headline and dateline
structure, how much of its main content is text rather than links, repeated teaser blocks,
pagination, and its URL. No signal decides alone: a NewsArticle under ``/events/`` is a story,
a topic page carrying its top story's markup is a hub. Pages the evidence leaves undecided are
extracted, and stored when dated and of a story's length (:func:`looks_like_article`).

It runs on the reactor's thread for every page, on the tree the spider has already parsed:
each evidence function is one or two passes over the tree (0.25 ms a page on the demo site).
"""

import re
from dataclasses import dataclass

import lxml.etree

from crawler.extraction.article import Article
from crawler.extraction.page import ARTICLE_TYPES, CAPITAL, address_of, jsonld_nodes, jsonld_types, node_addresses

ARTICLE = "article"
NOT_ARTICLE = "not-article"
UNDECIDED = "undecided"

# Paths of pages that are seldom stories: legal pages, tag, author and calendar pages. Evidence
# against a story, not a verdict: weeklies publish stories under /autoren/… and /events/….
NON_ARTICLE_PATH = re.compile(
    r"/(impressum|imprint|datenschutz|privacy|kontakt|contact|agb|terms|about|ueber-uns|"
    r"tag|tags|thema|themen|topic|topics|schlagwort|autor|autoren|author|authors|"
    r"kategorie|category|suche|search|kalender|calendar|termine|veranstaltungen|events|login|"
    r"newsletter|abo|shop)(/|\.html?$|$)",
    re.IGNORECASE,
)
# Legal and service pages: stories never live there, so the URL counts more against them.
SERVICE_PATH = re.compile(
    r"/(impressum|imprint|datenschutz|privacy|kontakt|contact|agb|terms|about|ueber-uns|login|"
    r"newsletter|abo|shop)(/|\.html?$|$)",
    re.IGNORECASE,
)
PAGINATION_PATH = re.compile(r"(/seite-\d+|/page/\d+|[?&](page|seite|p)=\d+)", re.IGNORECASE)
# URLs shaped like a story's: a date in the path (/2026/03/), a CMS's article id
# ("…_aid-118833.html", "…-100.html"), WordPress's "?p=123" permalink, or a long slug.
STORY_URL = re.compile(
    r"(/20\d\d/[01]?\d/|[-_](aid-)?\d{3,}\.html?$|[?&]p=\d+$|/[a-z0-9äöüß]+(-[a-z0-9äöüß]+){3,}(/|\.html?)?$)",
    re.IGNORECASE,
)
WORDPRESS_POST = re.compile(r"[?&]p=\d+$")
# An undecided page needs a date and this much text to count as an article.
MIN_ARTICLE_WORDS = 120

# Hub types in JSON-LD: what section, search and list pages call themselves.
HUB_TYPES = {"CollectionPage", "ItemList", "SearchResultsPage", "WebSite", "ProfilePage"}
# Things that are no story, in JSON-LD: an event (a calendar's entry, the page of one date), a
# job, a product, a course. Content management systems give such pages og:type=article as they
# give every post, so the type weighs more than og:type (a story's own NewsArticle weighs more).
NOT_STORY_TYPES = {
    "Event",
    "BusinessEvent",
    "EducationEvent",
    "ExhibitionEvent",
    "Festival",
    "SocialEvent",
    "MusicEvent",
    "TheaterEvent",
    "ScreeningEvent",
    "SportsEvent",
    "CourseInstance",
    "Course",
    "JobPosting",
    "Product",
}

# Dates as pages show them: 12.03.2026, 2026-03-12, 03/12/2026, 2026/03/12, 12. März 2026, 2 March
# 2026, March 2, 2026.
MONTHS = (
    r"(jan(uar|uary)?|feb(ruar|ruary)?|märz|mar(ch)?|apr(il)?|mai|may|juni?|june|juli?|july|"
    r"aug(ust)?|sep(tember)?|okt(ober)?|oct(ober)?|nov(ember)?|dez(ember)?|dec(ember)?)"
)
VISIBLE_DATE = re.compile(
    rf"(\b\d{{1,2}}\.\s?\d{{1,2}}\.\s?(20)?\d\d\b|\b20\d\d-\d\d-\d\d\b|\b\d{{1,2}}/\d{{1,2}}/20\d\d\b|"
    rf"\b20\d\d/\d\d/\d\d\b|\b\d{{1,2}}\.?\s+{MONTHS}\s+20\d\d\b|\b{MONTHS}\s+\d{{1,2}},\s+20\d\d\b)",
    re.IGNORECASE,
)
# The text nodes a reader sees (not those of scripts and styles).
VISIBLE_TEXT = ".//text()[not(ancestor::script) and not(ancestor::style)]"
# Characters around the headline searched for its date and byline: the header block of a story.
HEADLINE_WINDOW = 400
# A byline: "Von Anna Schmidt", "By Anna Berg", or an agency's or editor's initials in brackets
# closing the text, as regional papers print them ("(nic)", "(dpa)", "(ots/AFP)").
BYLINE_TEXT = re.compile(r"(^|[\s·|])(von|by)\s+" + CAPITAL + r"[\w.-]+\s+" + CAPITAL, re.MULTILINE)
INITIALS_BYLINE = re.compile(
    r"\((?:[a-z]{2,4}|dpa|afp|ap|reuters|epd|kna|dts|ots)(?:[/,]\s?\w{2,8})*\)\s*$", re.IGNORECASE
)
# A dateline opens a printed story: "Düsseldorf. …", "DUISBURG (dpa) – …", "Neuss/Köln. …".
DATELINE = re.compile(r"^" + CAPITAL + r"[\w-]{2,}(/" + CAPITAL + r"[\w-]+)?(\.|\s\(\w+\)\s?[–-])\s")
# Links that close a teaser: "Weiterlesen", "Mehr erfahren", "Learn more", "Read more", "Mehr".
MORE_LINK = re.compile(
    r"^\s*(weiterlesen|mehr erfahren|mehr lesen|zum artikel|mehr|learn more|read more|"
    r"more|find out more|details|continue reading)\s*[›»→>.]*\s*$",
    re.IGNORECASE,
)
# A teaser is short: a heading, a link, a sentence or two (a pair of them on bilingual pages).
MAX_TEASER_WORDS = 120
# A card that is one link holds at least a headline's words (a picture's caption is no teaser).
MIN_CARD_WORDS = 5
# Elements that are never a teaser block: a story's paragraphs with a link in them are alike
# siblings too. A link is one when it wraps a whole card (_is_teaser).
NOT_BLOCKS = {"p", "span", "em", "strong", "b", "i", "br", "img", "source", "option", "script", "style"}
# Sibling blocks alike in shape, each a teaser, that make a list of teasers.
MIN_TEASERS = 3
# Words of story text (outside links and teasers) that make the main content a text.
MIN_TEXT_WORDS = 40
# A short item (a few sentences under a dated headline, as regional papers and agencies publish
# them) makes a text with this many words.
MIN_SHORT_ITEM_WORDS = 20
# Headings that can be a teaser of their own in a flat list (<h2><a>…</a></h2><p>…</p>, …).
HEADINGS = {"h2", "h3", "h4", "h5"}
# A headline that is the site's logo or name (<h1 class="site-title"><a href="/">), as many
# themes print it above the story's own <h1>.
LOGO_CLASS = re.compile(r"logo|brand|site-?title|site-?name|masthead", re.IGNORECASE)

# The weights: each piece of evidence for or against a story, and where the verdicts lie.
# A NewsArticle (+3) with its headline structure (+2) outweighs a hub-like URL (-2); a page whose
# content is mostly teasers (-4) stays a hub whatever its markup or dates say; a page of text with
# a headline (+2) at /impressum (-3) is no story. Between the two verdicts extraction decides.
STORY_SCORE = 3
HUB_SCORE = -1


@dataclass(frozen=True)
class PageEvidence:
    """What a page shows about being a story or a hub; :meth:`score` weighs it."""

    structured: int = 0  # +3 story type in JSON-LD, +2 og:type article, -1 website/hub types
    headline: bool = False  # exactly one <h1>
    dated: bool = False  # a visible date (or <time>) next to the headline
    byline: bool = False  # a byline, an initials/agency byline or a dateline
    text_words: int = 0  # words of running text in the main content, outside links and teasers
    link_words: int = 0  # words inside links in the main content
    teasers: int = 0  # blocks of the largest list of teasers (heading/link + short text)
    teaser_words: int = 0  # words in those blocks
    more_links: int = 0  # "Weiterlesen"/"Learn more" links
    paginated: bool = False  # rel=next/prev, a pagination bar or a page-numbered URL
    url: int = 0  # +1 story-shaped URL, -2 hub-like path, -3 legal page, 0 neither

    def score(self) -> int:
        score = self.structured + self.url
        score += self.headline + (self.headline and self.dated) + self.byline
        if self.text_words >= MIN_TEXT_WORDS and self.link_words < self.text_words:
            score += 1
        elif self.short_item():
            score += 1
        elif self.link_words > 2 * max(self.text_words, 1):
            score -= 1
        if self.teasers >= MIN_TEASERS:
            # Most of the page in teasers: an overview. A related-links block under a story: a hint.
            score -= 4 if self.teaser_words >= self.text_words else 1
        # "Weiterlesen" links close the teasers of an overview; under a story (its text well over
        # the teasers', a dated headline above it) they are a related-stories box.
        if self.more_links >= MIN_TEASERS and not (
            self.headline and self.dated and self.text_words >= 2 * self.teaser_words
        ):
            score -= 2
        return score - self.paginated

    def short_item(self) -> bool:
        """A few sentences of text under a dated headline, and no list of teasers: a short news
        item, whose date is often its only other mark. Not on a legal, tag or calendar path: an
        imprint "Stand: 01.01.2026" has a dated headline and a few sentences too."""
        return (
            self.url >= 0
            and self.headline
            and self.dated
            and MIN_SHORT_ITEM_WORDS <= self.text_words
            and self.link_words < self.text_words
            and self.teasers < MIN_TEASERS
        )


def classify_page(url: str, metadata: dict, article_pattern: str = "", tree=None) -> str:
    """Classify a page before extraction: ``article``, ``not-article`` or ``undecided``.

    ``metadata`` is :func:`crawler.extraction.page.page_metadata` of the page, ``tree`` the parsed page
    (:func:`crawler.extraction.extract.parse_html`); without it only markup and URL are weighed.
    """
    if article_pattern:
        return ARTICLE if re.search(article_pattern, url) else NOT_ARTICLE
    score = page_evidence(url, metadata, tree).score()
    if score >= STORY_SCORE:
        return ARTICLE
    if score <= HUB_SCORE:
        return NOT_ARTICLE
    return UNDECIDED


def page_evidence(url: str, metadata: dict, tree=None) -> PageEvidence:
    """All the evidence of one page; the structural parts need ``tree``."""
    evidence = {
        "structured": structured_type(metadata, None if tree is None else page_nodes(url, tree)),
        "url": url_shape(url),
        "paginated": bool(PAGINATION_PATH.search(url)) and not WORDPRESS_POST.search(url),
    }
    if tree is None:
        return PageEvidence(**evidence)
    main = main_content(tree)
    teasers, teaser_words, teaser_blocks = teaser_list(main)
    text_words, link_words = text_and_link_words(main, teaser_blocks)
    headline, dated, byline = headline_structure(tree)
    return PageEvidence(
        **{**evidence, "paginated": evidence["paginated"] or has_pagination(tree)},
        headline=headline,
        dated=dated,
        byline=byline or closing_byline(main),
        text_words=text_words,
        link_words=link_words,
        teasers=teasers,
        teaser_words=teaser_words,
        more_links=more_links(main),
    )


def structured_type(metadata: dict, page_nodes: list[dict] | None = None) -> int:
    """What the page says it is. JSON-LD NewsArticle/Article/BlogPosting (news sites, WordPress
    plugins) is strong; an event, job or product (NOT_STORY_TYPES) is good evidence against; og:type=article is good; og:type=website is weak evidence against, since
    public broadcasters mark their stories so too; hub types in JSON-LD likewise.

    ``page_nodes`` (:func:`page_nodes`) are the JSON-LD nodes that describe this page: an event,
    job or product counts against a story only there, not as a sidebar's "next issue on sale"
    event or an advertised product."""
    if metadata["jsonld_types"] & ARTICLE_TYPES:
        return 3
    if page_nodes is not None and any(jsonld_types(node) & NOT_STORY_TYPES for node in page_nodes):
        return -2
    og_type = (metadata["og_type"] or "").lower()
    if og_type == "article":
        return 2
    if og_type or metadata["jsonld_types"] & HUB_TYPES:
        return -1
    return 0


def page_nodes(url: str, tree) -> list[dict]:
    """The page's JSON-LD nodes that are about the page itself: those naming no other address.
    Events listed with their own addresses are a sidebar's as often as a calendar's."""
    address = address_of(url)
    return [node for node in jsonld_nodes(tree) if not (addresses := node_addresses(node)) or address in addresses]


def url_shape(url: str) -> int:
    """Legal and service paths (/impressum, /datenschutz) count against a story, tag, author and
    calendar paths (/thema/…, /autoren/…, /veranstaltungen/) less so; a date path, an article
    id or a long slug count for one."""
    if SERVICE_PATH.search(url):
        return -3
    if NON_ARTICLE_PATH.search(url):
        return -2
    return 1 if STORY_URL.search(url) else 0


# The role searched from the attributes up (see PAGINATION).
MAIN = lxml.etree.XPath('(//main | //@role[. = "main"]/..)[1]')


def main_content(tree):
    """The page's main content: <main>, role=main, or the body; the site's header, navigation,
    sidebar and footer are the same on stories and hubs and would blur the evidence."""
    found = MAIN(tree)
    if found:
        return found[0]
    body = tree.find("body")
    return body if body is not None else tree


def headline_structure(tree) -> tuple[bool, bool, bool]:
    """``(one h1, a date next to it, a byline next to it)``: a story's header block, as news
    sites, magazines and broadcasters all print it ("Von Anna Schmidt · 12.03.2026, 06:30 Uhr").
    Hubs have no h1, several, or one without a date and byline beside it."""
    headlines = [headline for headline in tree.xpath("//h1") if not _is_logo(headline)]
    if len(headlines) != 1:
        return False, False, False
    header = _text_around(headlines[0])
    has_time = bool(headlines[0].xpath("(../time|../*/time|../../*/time|../../*/*/time)[1]"))
    return True, has_time or bool(VISIBLE_DATE.search(header)), bool(BYLINE_TEXT.search(header))


def _is_logo(headline) -> bool:
    """Whether an <h1> is the site's name: a logo or site-title class on it or its link, or
    a link to the home page as all it holds."""
    links = headline.findall(".//a")
    for element in (headline, *links):
        if LOGO_CLASS.search(f"{element.get('class', '')} {element.get('id', '')}"):
            return True
    return (
        len(links) == 1
        and (links[0].get("href") or "").strip() in ("/", "./", "")
        or bool(links and links[0].get("rel") == "home")
    )


def _spaced_text(element) -> str:
    """The element's text with a space where its elements meet: "Hafen wächst" in an <h1> and
    "03.12.2026" in the <p> after it are two words, not "wächst03.12.2026". Scripts are left out:
    a JSON-LD block repeats the headline, and the date beside it is no visible one."""
    return " ".join(" ".join(element.xpath(VISIBLE_TEXT)).split())


def _text_around(headline) -> str:
    """The text shortly before and after the headline, in its block (up to two levels up)."""
    block = headline.getparent()
    for _ in range(2):
        if block is None or len(block.text_content()) >= HEADLINE_WINDOW or block.getparent() is None:
            break
        block = block.getparent()
    title = _spaced_text(headline)
    if block is None:
        return title
    text = _spaced_text(block)
    start = max(text.find(title), 0)
    return text[max(0, start - HEADLINE_WINDOW // 2) : start + len(title) + HEADLINE_WINDOW]


def closing_byline(main) -> bool:
    """A dateline opening the text ("Düsseldorf. …") or initials closing it ("… (nic)"): how
    regional papers mark their stories, often with no byline in the header."""
    paragraphs = [text for p in main.iter("p") if (text := " ".join(p.text_content().split()))]
    if not paragraphs:
        return False
    return bool(
        DATELINE.match(paragraphs[0])
        or INITIALS_BYLINE.search(paragraphs[-1])
        or (len(paragraphs) > 1 and DATELINE.match(paragraphs[1]))
    )


def teaser_list(main) -> tuple[int, int, set]:
    """The largest run of alike sibling blocks that each hold a link and a heading or a short
    text: ``(blocks, words in them, the blocks)``. Section fronts, topic pages, issue overviews
    (teaser pairs), location portals, event calendars and agencies' "Learn more" cards are
    built so; stories are not (a related-links box under a story is a small part of the page).
    A flat list counts too: linked headings, each with the short text that follows it up to
    the next heading (:func:`_heading_teaser`)."""
    best: list[list] = []
    for parent in main.iter():
        groups: dict[tuple, list] = {}
        for child in parent:
            if isinstance(child.tag, str) and child.tag not in NOT_BLOCKS:
                groups.setdefault((child.tag, child.get("class")), []).append(child)
        for (tag, _class), blocks in groups.items():
            if len(blocks) >= MIN_TEASERS and len(blocks) > len(best):
                if tag in HEADINGS:
                    teasers = [unit for block in blocks if (unit := _heading_teaser(block))]
                else:
                    teasers = [[block] for block in blocks if _is_teaser(block)]
                if len(teasers) >= MIN_TEASERS and len(teasers) > len(best):
                    best = teasers
    elements = {element for unit in best for element in unit}
    words = sum(len(element.text_content().split()) for element in elements)
    return len(best), words, elements


def _is_teaser(block) -> bool:
    if block.tag == "a":
        # A card that is one link as a whole (<a href><h3>…</h3><p>…</p></a>); an inline link
        # among others, a menu's entry, holds no heading or paragraph.
        has_card = block.get("href") and block.xpath(".//h2|.//h3|.//h4|.//h5|.//p")
        return bool(has_card) and MIN_CARD_WORDS <= len(block.text_content().split()) <= MAX_TEASER_WORDS
    if not block.xpath(".//a[@href]"):
        return False
    words = len(block.text_content().split())
    if words > MAX_TEASER_WORDS:
        return False
    has_heading = bool(block.xpath(".//h2|.//h3|.//h4|.//h5"))
    outside_links = words - sum(len(a.text_content().split()) for a in block.iter("a"))
    return has_heading or outside_links >= 4


def _heading_teaser(heading) -> list | None:
    """A linked heading and what follows it up to the next heading, when that is short: one
    teaser of a flat list. A story's subheadings hold no link, or long text under them."""
    if not heading.xpath(".//a[@href]"):
        return None
    unit = [heading]
    for sibling in heading.itersiblings():
        if not isinstance(sibling.tag, str) or sibling.tag in HEADINGS or sibling.tag == "h1" or len(unit) > 3:
            break
        unit.append(sibling)
    if sum(len(element.text_content().split()) for element in unit) > MAX_TEASER_WORDS:
        return None
    return unit


def text_and_link_words(main, teaser_blocks: set) -> tuple[int, int]:
    """Words of running text (paragraphs outside teasers, not in links) and words in links: a
    story's main content is mostly text, a hub's mostly links."""
    text_words = 0
    for paragraph in main.iter("p"):
        if paragraph in teaser_blocks or any(
            ancestor in teaser_blocks or ancestor.tag == "a" for ancestor in paragraph.iterancestors()
        ):
            continue  # a teaser's, or inside a link: a card's text, not the page's
        in_links = sum(len(a.text_content().split()) for a in paragraph.iter("a"))
        text_words += len(paragraph.text_content().split()) - in_links
    link_words = sum(len(a.text_content().split()) for a in main.iter("a"))
    return text_words, link_words


def more_links(main) -> int:
    """Links reading only "Weiterlesen", "Mehr erfahren", "Learn more"…: one per teaser on
    overview pages, none in a story's text."""
    return sum(1 for a in main.iter("a") if MORE_LINK.match(a.text_content() or ""))


def has_pagination(tree) -> bool:
    """rel=next/prev or a pagination bar: lists run over pages. Weak, since long stories are
    split over pages too."""
    return PAGINATION(tree)


# Searched from the attributes up, as crawler.extraction.bylines finds bylines: a test of each
# rel and class attribute, not of every element of the page.
PAGINATION = lxml.etree.XPath(
    'boolean(//@rel[. = "next" or . = "prev"][parent::a or parent::link] | //@class[contains(., "pagination")])'
)


def looks_like_article(extracted: Article) -> bool:
    """For undecided pages: a dated main text of real length is an article."""
    return bool(extracted.published) and len(extracted.text.split()) >= MIN_ARTICLE_WORDS
