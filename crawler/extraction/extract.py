"""Turn one article page into an :class:`~crawler.extraction.article.Article`, with trafilatura.

:func:`extract_article` is the only extraction function: the item pipeline and
``newsarchive extract`` both call it, so what an operator checks is what gets stored.
"""

import functools
import json
import re
import threading
from contextlib import contextmanager
from copy import copy, deepcopy
from dataclasses import replace

import ftfy
import lxml.etree
import lxml.html
import trafilatura
from trafilatura.metadata import (
    META_URL,
    Document,
    examine_meta,
    extract_catstags,
    extract_meta_json,
    extract_metainfo,
    extract_sitename,
    extract_title,
    normalize_authors,
)
from trafilatura.core import _forum_thread_page
from trafilatura.external import compare_extraction
from trafilatura.htmlprocessing import convert_tags, prune_unwanted_nodes, tree_cleaning
from trafilatura.main_extractor import extract_content
from trafilatura.utils import line_processing
from trafilatura.xml import xmltotxt
from trafilatura.settings import DEFAULT_CONFIG, Extractor
from w3lib.encoding import html_to_unicode

from archive.canonical import canonical_url
from archive.urls import joined_web_url
from crawler.extraction.article import Article
from crawler.extraction.kicker import article_kicker
from crawler.extraction.bylines import article_authors, printed_agency_credits
from crawler.extraction.dates import article_dates, parse_date
from crawler.extraction.headline import article_title
from crawler.extraction.language import detect_language
from crawler.extraction.lead import article_lead
from crawler.extraction.trafilatura_xpaths import (
    AUTHOR_DISCARD_XPATHS,
    AUTHOR_XPATHS,
    RAW_TREE_PRUNE_XPATH,
    REMOVE_COMMENTS_AND_LISTS_XPATH,
    REMOVE_COMMENTS_XPATH,
    evaluated_in_python,
)
from crawler.extraction.page import (
    RELATED_LABEL,
    other_story_cards,
    DATE_FROM_FEED,
    MAX_KICKER_WORDS,
    as_list,
    jsonld_scripts,
    lists_of_dated_links,
    hold_elements,
    page_elements,
    page_metadata,
    put_back,
    take_out,
    text_key,
)

# UTF-8 read as Latin-1/Windows-1252 ("GeschÃ¤ft", "â€ž"): a page whose declared charset lies.
# A cheap test first; ftfy's full check and repair cost too much to run on every page. After
# the "Ã" or "â" comes the next byte of the sequence, read so: Latin-1's upper half or one of
# Windows-1252's letters and marks ("€" → "â‚¬", "„" → "â€ž", "ß" → "ÃŸ").
MOJIBAKE = re.compile(
    "[\u00c3\u00e2][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u203a\u20ac\u2122]"
)


def repair_encoding(html: str) -> str:
    """``html`` with UTF-8 mojibake undone (ftfy), for pages that declare the wrong charset or
    mix text of another encoding in (an embedded script's data, a teaser's copied text).

    ftfy repairs each line that shows mojibake on its own, as its ``fix_text`` splits a text into
    lines: on the benchmarks' pages with mojibake, a line or ten of some thousand carry it, and
    repairing the whole page cost a hundred times as much for the same result
    (docs/notes/2026-12-extraction-cpu.md)."""
    # Every mojibake sequence starts with "Ã" or "â": a plain substring search rules most pages
    # out at a fraction of the regular expression's cost.
    if not (("\u00c3" in html or "\u00e2" in html) and MOJIBAKE.search(html)):
        return html
    return "".join(
        ftfy.fix_encoding(line) if MOJIBAKE.search(line) else line for line in html.splitlines(keepends=True)
    )


# Control characters XML does not allow: lxml keeps them in an HTML tree, and trafilatura then
# fails on the whole page ("All strings must be XML compatible").
XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
# The same characters one by one: looking for each with ``in`` is faster than the expression's
# scan of a page that has none of them, which is almost every page.
XML_INVALID_CHARACTERS = [chr(code) for code in (*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0xFFFE, 0xFFFF)]


_PARSERS = threading.local()


def html_parser() -> lxml.html.HTMLParser:
    """lxml.html's parser, with the same element classes (``HtmlElement``; ``FormElement``,
    ``InputElement`` … for forms) found by lxml itself instead of by lxml.html's lookup, a
    Python method lxml calls for every element object it creates: the field rules, htmldate and
    both trafilatura passes (on copies, which keep the parser) create thousands a page. One
    parser per thread, as lxml's own default parser."""
    parser = getattr(_PARSERS, "parser", None)
    if parser is None:
        lookup = lxml.etree.ElementNamespaceClassLookup(
            lxml.etree.ElementDefaultClassLookup(
                element=lxml.html.HtmlElement,
                comment=lxml.html.HtmlComment,
                pi=lxml.html.HtmlProcessingInstruction,
                entity=lxml.html.HtmlEntity,
            )
        )
        classes = lookup.get_namespace(None)
        # The tags lxml.html gives classes of their own (form, input, select, textarea, label).
        for tag, element_class in lxml.html.HtmlElementClassLookup._default_element_classes.items():
            classes[tag] = element_class
        parser = lxml.html.HTMLParser()
        parser.set_element_class_lookup(lookup)
        _PARSERS.parser = parser
    return parser


def parse_html(html: str | bytes):
    """Parse a page with lxml; returns ``None`` for empty or unparseable input."""
    if isinstance(html, str) and any(character in html for character in XML_INVALID_CHARACTERS):
        html = XML_INVALID.sub("", html)
    try:
        return lxml.html.fromstring(html, parser=html_parser())
    except ValueError:
        # lxml refuses str input that still carries an XML encoding declaration; the text is
        # already decoded, so the declaration has nothing left to say.
        if isinstance(html, str) and html.lstrip().startswith("<?xml"):
            return parse_html(html.lstrip().split("?>", 1)[-1])
        return None
    except lxml.etree.ParserError:
        return None


# Long enough for a story: a shorter precision-mode result may have cut into the article.
MIN_PRECISE_WORDS = 300
# How much longer the default extraction must be to replace a short precision-mode result.
RECALL_FALLBACK_RATIO = 2
# Below this many characters, trafilatura's default mode rescues a result with its baseline.
MIN_EXTRACTED_SIZE = DEFAULT_CONFIG.getint("DEFAULT", "MIN_EXTRACTED_SIZE")


def extract_article(html: str | bytes, url: str) -> Article | None:
    """Extract one article page; ``None`` when the page has no main text.

    The :class:`~crawler.extraction.article.Article` holds the ``articles`` columns that come
    from the page (what each field holds is said there).
    """
    if isinstance(html, bytes):
        # Decoded as Scrapy decodes a response without headers: BOM, declared charset, UTF-8.
        html = html_to_unicode(None, html)[1]
    tree = parse_html(repair_encoding(html))
    if tree is None:
        return None
    hold_elements(tree)
    main_text = extract_main_text(tree, url)
    if main_text is None:
        return None
    facts = trafilatura_metadata(tree, url)
    meta = page_metadata(tree)
    title = article_title(tree, url, fallback=_clean(facts.title))
    text = _without_furniture(_without_headline(main_text.strip(), title))
    dates = article_dates(tree, url, headline=title, text=text)
    authors, agencies, newsrooms = article_authors(
        tree, text, fallback=lambda: _clean(facts.author or byline_author(tree)), url=url, headline=title
    )
    credits = printed_agency_credits(text, tree) if agencies else {}
    return Article(
        # The fetched URL only when it is no http(s) URL, which the crawl never requests.
        url=canonical_url(url, meta["canonical"]) or url,
        title=title,
        kicker=article_kicker(tree, title, url),
        description=article_lead(tree, fallback=_clean(facts.description), headline=title),
        author="; ".join(authors + newsrooms + [credits.get(agency, agency) for agency in agencies]) or None,
        authors=authors,
        agencies=agencies,
        published=dates.published,
        modified=dates.modified,
        date_source=dates.source,
        language=detect_language(text, fallback=meta["lang"]),
        text=text,
        tags=as_list(facts.tags) or meta["keywords"] or as_list(facts.categories or category_links("category", tree)),
        image=joined_web_url(url, _clean(facts.image)),
        site_name=site_name_of(facts.sitename, title, url),
        alternates={
            language: alternate
            for language, href in meta["alternates"].items()
            if (alternate := canonical_url(joined_web_url(url, href)))
        },
    )


def with_listed_date(article: Article, listed_published: str | None) -> Article:
    """``article`` dated by the feed or news sitemap that listed it, when the page itself gives
    no date (short news items, agency copy): ``date_source`` says so."""
    if article.published or not listed_published:
        return article
    published = parse_date(listed_published)
    if published is None:
        return article
    return replace(article, published=published, date_source=DATE_FROM_FEED)


# Where a site's name is run together with more: a slogan ("LinkNaija | Nigeria's popular news
# platform", "Boxen – Alle News, Tickets, Termine …" on boxen.de, "Schnäppchen Blog mit
# Doktortitel • DealDoktor") or the story's headline ("Achtsam durch die Krise | Die FURCHE").
SITE_NAME_PARTS = re.compile(r"(?<!\s)\s+(?:\||–|—|-|·|•)\s+|(?<!\s)\s+[|–—-]$")
# A "site name" longer than this is a sentence: a headline or a slogan.
MAX_SITE_NAME_WORDS = 6


def site_name_of(name: str | None, headline: str | None, url: str) -> str | None:
    """The site's name as the page gives it, without a slogan or the headline beside it: of
    its parts, the one that names the host ("DealDoktor" on dealdoktor.de), else the first. A
    page that names the site by a link (a Facebook or Twitter profile: ak-kurier.de, onmeda.de,
    tagesspiegel.de) or by a sentence (the headline: bundespolizei.de, exxpress.at) is named by
    its host instead."""
    host = META_URL.match(url or "")
    host = host[1] if host else None
    parts = [part.strip().removeprefix("www.") for part in SITE_NAME_PARTS.split(_clean(name) or "")]
    names = [
        part
        for part in parts
        if part
        and not part.lower().startswith(("http://", "https://"))
        and len(part.split()) <= MAX_SITE_NAME_WORDS
        and not (len(parts) > 1 and headline and text_key(part) == text_key(headline))
    ]
    labels = (host or "").split(".")
    label = text_key(labels[-2] if len(labels) > 1 else labels[0])
    naming_host = [
        part
        for part in names
        if len(text_key(part)) >= 3 and label and (text_key(part) in label or label in text_key(part))
    ]
    return (naming_host or names or [host])[0]


# Author values with more text than any byline holds: a hostile page's. trafilatura cleans the
# author's name, from the meta tags and the JSON-LD, with expressions whose time grows with the
# square of its length (a name of 20,000 colons or brackets took 3 to 5 s); it reads them cut to
# this length.
LONGEST_AUTHOR_META = 1000
AUTHOR_KEYS = {"author", "creator"}


def _long_author_metas(tree) -> list:
    """The ``<meta>`` elements whose name or property holds an :data:`AUTHOR_KEYS` word and whose
    content is longer than :data:`LONGEST_AUTHOR_META`."""
    return [
        meta
        for meta in page_elements(tree, "meta")
        if len(meta.get("content", "")) > LONGEST_AUTHOR_META
        and any(key in meta.get(attribute, "") for attribute in ("name", "property") for key in AUTHOR_KEYS)
    ]


@contextmanager
def _author_values_cut(tree):
    """While the block runs, the page's over-long author values hold their first
    :data:`LONGEST_AUTHOR_META` characters: author meta tags, and the strings under the
    JSON-LD's "author" and "creator" keys (scripts long enough to hold a longer one are read;
    the others are left as they are)."""
    undo = []
    for meta in _long_author_metas(tree):
        undo.append(functools.partial(meta.set, "content", meta.get("content")))
        meta.set("content", meta.get("content")[:LONGEST_AUTHOR_META])
    for script in jsonld_scripts(tree):
        source = script.text or ""
        if len(source) <= LONGEST_AUTHOR_META:
            continue
        try:
            data = json.loads(source)
            cut = _cut_author_strings(data, under_author=False)
        except (ValueError, RecursionError):  # not JSON, or nested deeper than Python recurses
            continue
        if cut:
            undo.append(functools.partial(setattr, script, "text", source))
            script.text = json.dumps(data, ensure_ascii=False)
    try:
        yield
    finally:
        for step in undo:
            step()


def _cut_author_strings(value, under_author: bool) -> bool:
    """Cut, in place, the over-long strings of ``value`` that stand under an author's key;
    whether any was cut."""
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    cut = False
    for key, item in list(items):
        at_an_author = under_author or key in AUTHOR_KEYS
        if at_an_author and isinstance(item, str) and len(item) > LONGEST_AUTHOR_META:
            value[key], cut = item[:LONGEST_AUTHOR_META], True
        else:
            cut |= _cut_author_strings(item, at_an_author)
    return cut


def trafilatura_metadata(tree, url: str) -> Document:
    """trafilatura's reading of the page's metadata (meta tags, JSON-LD, ``<title>``, category
    and tag links), for fields the project's rules leave to it (image, site name, tags) and as
    their fallback (title, lead). What the project finds better itself is left out: the date
    (``article_dates`` searches further), the URL (``canonical_url``) and the author from byline
    elements, which :func:`extract_article` asks for only when its own rules find nobody
    (costs in docs/extraction.md). Categories come from the page's structured data only: the
    links of a category list, the tags' last fallback, are read by :func:`extract_article`
    when neither tags nor keywords are found."""
    with _author_values_cut(tree):
        metadata = examine_meta(tree)
        if metadata.author and " " not in metadata.author:
            metadata.author = None  # as trafilatura: a single word is a handle or a site
        try:
            metadata = extract_meta_json(tree, metadata)
        except Exception:  # noqa: BLE001 - trafilatura's JSON-LD reader fails on some malformed data
            pass
    metadata.title = metadata.title or extract_title(tree)
    metadata.sitename = (metadata.sitename or extract_sitename(tree) or "").lstrip("@")
    if metadata.sitename and "." not in metadata.sitename and not metadata.sitename[0].isupper():
        metadata.sitename = metadata.sitename.title()
    elif not metadata.sitename and (host := META_URL.match(metadata.url or url)):
        metadata.sitename = host[1]
    metadata.tags = metadata.tags or category_links("tag", tree)
    metadata.clean_and_trim()
    return metadata


# Every link address of the page.
LINK_ADDRESSES = lxml.etree.XPath("//a/@href", smart_strings=False)
# trafilatura's category fallback when no link list names one (extract_catstags).
SECTION_META = lxml.etree.XPath(
    './/head//meta[@property="article:section" or contains(@name, "subject")][@content]', smart_strings=False
)


def category_links(metatype: str, tree) -> list[str]:
    """trafilatura's categories or tags (``extract_catstags``) of ``metatype`` ("category",
    "tag"). It keeps only links whose address has a path segment such as "/tag/" or
    "/categories/", so on a page none of whose links has one its link lists are not searched:
    their XPath expressions, some with regular expressions, read the whole tree. The categories'
    fallback, the page's section meta tags, is then read as trafilatura reads it."""
    segment = re.compile("/" + metatype.rstrip("y") + "(?:y|ies|s)?/")
    if segment.search("\n".join(value for value in LINK_ADDRESSES(tree) if isinstance(value, str))):
        return extract_catstags(metatype, tree)
    if metatype != "category":
        return []
    sections = (element.attrib["content"] for element in SECTION_META(tree))
    return [line for line in dict.fromkeys(line_processing(value) for value in sections if value) if line]


# The attributes trafilatura's byline search (trafilatura.metadata.extract_author) matches on,
# and every word its expressions look for in them (theirs are narrower: tags, exact values).
BYLINE_ATTRIBUTES = lxml.etree.XPath(
    "//@class|//@id|//@itemprop|//@rel|//@data-testid|//@data-component|//author|//rel", smart_strings=False
)
BYLINE_WORDS = re.compile(
    "author|Author|byl|Byline|BBL|username|screenname|writer|channel-name|journalist-name|"
    "submitted-by|posted-by|zuozhe|bianji|xiaobian"
)


def byline_author(tree) -> str | None:
    """trafilatura's author from the page's byline elements (``extract_author``); ``None`` at
    once on a page none of whose attributes has a word its expressions look for, as then none
    of them matches: most pages that reach this fallback have none, and ``extract_author``
    copies and prunes the whole tree before it searches."""
    values = BYLINE_ATTRIBUTES(tree)
    if all(isinstance(value, str) for value in values) and not BYLINE_WORDS.search("\n".join(values)):
        return None
    # trafilatura's extract_author on the page itself: it copies the whole page to leave out
    # comments, sidebars, dates and figures; they are taken out for the search and put back.
    taken = []
    with evaluated_in_python():
        try:
            for expression in AUTHOR_DISCARD_XPATHS:
                taken += take_out(expression(tree))
            # Other stories' cards too: the first byline element of the page, which trafilatura
            # takes, may be a top story's before the story's own.
            taken += take_out(other_story_cards(tree))
            author = extract_metainfo(tree, AUTHOR_XPATHS, len_limit=120)
        finally:
            put_back(taken)
    return normalize_authors(None, author) if author else None


def extract_main_text(tree, url: str) -> str | None:
    """The page's main text, by trafilatura tuned for news; ``None`` without main text.

    Precision mode (:func:`precision_extraction`) keeps teasers, related links and comments
    out (see bench/extraction.py); when it keeps less than a story's length and only a
    fragment of what the default finds, the default result is used instead. The tree is first
    :func:`prepared_for_extraction`.
    """
    with prepared_for_extraction(tree) as tree, evaluated_in_python():
        # Both passes' tests may count the page's words outside links: one count serves both.
        counted = functools.cache(lambda: content_words(tree))
        text = precision_extraction(tree, url, counted) or ""
        words = len(text.split())
        if words < MIN_PRECISE_WORDS and default_pass_can_win(tree, text, words, counted):
            # Metadata comes from trafilatura_metadata and the field rules: its own pass is off.
            fuller = trafilatura.bare_extraction(
                tree, url=url, with_metadata=False, include_comments=False, include_tables=True
            )
            if fuller is not None and len((fuller.text or "").split()) >= RECALL_FALLBACK_RATIO * max(words, 1):
                text = fuller.text
    return text if text.strip() else None


def precision_extraction(tree, url: str, counted=None) -> str | None:
    """The text of trafilatura's precision mode (``favor_precision=True``, no comments, tables
    kept), with its comparison with readability and justext only where :func:`comparison_can_win`.
    ``None`` when nothing is found.

    trafilatura's fast mode skips the comparison everywhere; its normal mode extracts the
    page again from the start to run it. Here the page is pruned, cleaned and its main text
    extracted once, as trafilatura's ``trafilatura_sequence`` does for these options (in its
    fast mode, whose recovery of text outside the main block keeps teaser blocks), and the
    comparison, where it runs, reads that extraction. Without the comparison the text is
    ``bare_extraction(…, favor_precision=True, fast=True)``'s, which tests/test_extract.py
    checks on the benchmark pages. trafilatura's prunes of the raw tree are evaluated in Python
    (:mod:`crawler.extraction.trafilatura_xpaths`), as its main extractor's are."""
    options = Extractor(precision=True, comments=False, tables=True, url=url, fast=True)
    is_forum = _forum_thread_page(tree)
    raw = _pruned(tree, RAW_TREE_PRUNE_XPATH, REMOVE_COMMENTS_AND_LISTS_XPATH)
    cleaned = convert_tags(tree_cleaning(copy(raw), options), options, url)
    if not is_forum:
        cleaned = prune_unwanted_nodes(cleaned, REMOVE_COMMENTS_XPATH)
    body, body_text = extract_content(cleaned, options)
    text = xmltotxt(body, options.formatting)
    if comparison_can_win(tree, body, text, counted):
        # The cleaned tree before its tags' conversion, made again: the comparison runs on few
        # pages, a copy kept for it on every page cost more.
        cleaned_backup = tree_cleaning(copy(raw), options)
        body, body_text = compare_extraction(cleaned_backup, copy(raw), body, body_text, options)
        text = xmltotxt(body, options.formatting)
    return text if len(body_text) >= options.min_output_size else None


def _pruned(tree, *expression_lists):
    """``tree`` without the elements the expressions select: a pruned copy, or ``tree`` itself
    where they select none (most pages), which the passes then copy as they need."""
    if not any(expression(tree) for expressions in expression_lists for expression in expressions):
        return tree
    raw = copy(tree)
    for expressions in expression_lists:
        raw = prune_unwanted_nodes(raw, expressions)
    return raw


def comparison_can_win(tree, body, text: str, counted=None) -> bool:
    """Whether trafilatura's comparison with readability and justext can replace the precision
    pass's ``body`` (its ``text``). It takes readability's text when that is
    :data:`RECALL_FALLBACK_RATIO` times as long, or when the result holds no paragraph text or
    more tables than paragraphs; justext's when the result is shorter than
    ``MIN_EXTRACTED_SIZE``. Readability keeps link text only inside the story's paragraphs, as
    the default pass does, so the page's words outside links bound its length
    (:func:`content_words`, or ``counted``, the same count made once for both passes' tests);
    a result of a story's length is kept as it is."""
    if not body.xpath(".//p//text()") or len(body.findall(".//table")) > len(body.findall(".//p")):
        return True
    if len(text) < MIN_EXTRACTED_SIZE:
        return True
    words = len(text.split())
    counted = counted or (lambda: content_words(tree))
    return words < MIN_PRECISE_WORDS and counted() >= RECALL_FALLBACK_RATIO * max(words, 1)


def default_pass_can_win(tree, text: str, words: int, counted=None) -> bool:
    """Whether the default extraction can find :data:`RECALL_FALLBACK_RATIO` times the words of
    precision mode's ``text``. A result shorter than trafilatura's ``MIN_EXTRACTED_SIZE`` is
    rescued in the default pass by its baseline, which also reads text the page keeps in
    JSON-LD and attributes: there only the whole page's words rule it out. Otherwise the
    default pass takes its text from the page's blocks, and the words of link text, which
    every one of its extractors discards in navigation and teaser lists, do not count."""
    wanted = RECALL_FALLBACK_RATIO * max(words, 1)
    if len(text) < MIN_EXTRACTED_SIZE:
        return page_words(tree) >= wanted
    counted = counted or (lambda: content_words(tree))
    return counted() >= wanted


def content_words(tree) -> int:
    """The words of the page's text outside links, scripts and style sheets, and two for each
    list item or table cell holding some of them (the markers trafilatura's text adds: "- ",
    "| "). Text a page shows only as links (menus, teaser lists, "most read" boxes) counts
    nothing: the default pass keeps link text only inside the story's paragraphs, far less
    than the rest of their words, so this stays above what it can find."""
    words = items = 0
    hidden = links = 0
    # Per list item or table cell open around the current element, whether it holds a word yet.
    open_items: list[list[bool]] = []
    for event, element in lxml.etree.iterwalk(tree, events=("start", "end", "comment", "pi")):
        if event == "start":
            tag = element.tag
            if tag in HIDDEN_TEXT:
                hidden += 1
            elif tag == "a":
                links += 1
            elif tag in TEXT_ITEMS:
                open_items.append([False])
            piece = element.text
        else:
            if event == "end":
                tag = element.tag
                if tag in HIDDEN_TEXT:
                    hidden -= 1
                elif tag == "a":
                    links -= 1
                elif tag in TEXT_ITEMS:
                    items += open_items.pop()[0]
                if element is tree:
                    break
            # A comment's or processing instruction's own text is no text node; its tail is.
            piece = element.tail
        if piece and not hidden and not links and (count := len(piece.split())):
            words += count
            # The innermost items first: an item that holds a word already marked those around it.
            for item in reversed(open_items):
                if item[0]:
                    break
                item[0] = True
    return words + 2 * items


# The elements whose text no extraction reads, and those trafilatura's text marks as list items
# or table cells.
HIDDEN_TEXT = {"script", "style"}
TEXT_ITEMS = {"li", "td", "th", "tr", "dt", "dd"}


def page_words(tree) -> int:
    """The words of every text node but scripts and style sheets, and two for each list item or
    table cell, whose markers trafilatura's text adds ("- ", "| ", "|---|"): what any extraction
    can find in the page's text."""
    words = sum(len(text.split()) for text in tree.xpath("//text()[not(parent::script) and not(parent::style)]"))
    return words + 2 * int(tree.xpath("count(//li|//td|//th|//tr|//dt|//dd)"))


# Inline elements that carry no text of their own: icons, anchor targets ("<i class="fa …">",
# "<span id="toc-3"></span>").
INLINE_TAGS = ("span", "i", "b", "em", "strong", "q")


@contextmanager
def prepared_for_extraction(tree):
    """``tree`` with two structures undone that precision mode mistakes for chrome, for the
    block's duration.

    - ``<header>`` inside an ``<article>`` becomes a plain block: the article's own header
      holds its lead (and headline and byline), but precision mode drops every ``<header>``.
      The headline is removed again by :func:`_without_headline`.
    - Empty inline elements inside headings are unwrapped: precision mode deletes an empty
      element with the text that follows it, so "<h2><span id=…></span>Wer zahlt?</h2>" (a
      table of contents' anchor, an icon) would lose the heading's text.

    - Menus, footers and sidebars (:data:`NEVER_EXTRACTED`), which trafilatura deletes from
      its cleaned tree whatever they hold, are taken out, their tails left in place. Its passes
      over the raw tree (readability's comparison, its pruning expressions, each over every
      element) then read about half the elements of a news page fewer. The figures, and the
      three benchmark pages whose text changes, are in docs/notes/2026-12-extraction-cpu.md.

    - Lists of links to other stories, each with its day (:func:`lists_of_dated_links`), are
      taken out too: their days are text beside the links, so that trafilatura's test of a
      list's share of link text keeps them ("Weitere Meldungen" after the story).

    - A page laid out in tables, as pages were before style sheets (:func:`_laid_out_in_tables`),
      has them read as blocks, and its ``<font>`` elements unwrapped: trafilatura reads a table
      as data, one line a cell with its paragraphs run together and the menu's cell beside the
      story's, and drops the text a ``<font>`` opens with before a ``<br>``.

    A whole page's tree is changed in place and restored when the block ends (trafilatura
    extracts from copies of its own, and the field rules read the page as it is): a copy of
    the whole tree less. Any other element, and a page laid out in tables, is copied first.
    """
    old_layout = tree.find(".//font") is not None or _laid_out_in_tables(tree)
    if old_layout or tree.getparent() is not None or tree.tail or tree is not tree.getroottree().getroot():
        copied = deepcopy(tree)
        if old_layout:
            _as_blocks(copied)
        _undo_chrome(copied)
        take_out(_never_extracted(copied) + lists_of_dated_links(copied))
        yield copied
        return
    headers, unwrapped = _undo_chrome(tree)
    taken_out = take_out(_never_extracted(tree) + lists_of_dated_links(tree))
    try:
        yield tree
    finally:
        put_back(unwrapped + taken_out)
        for header in headers:
            header.tag = "header"


# Page chrome that trafilatura's cleaning (its MANUALLY_CLEANED list) deletes with all it holds,
# and that makes up half the elements of a news page: menus, footers, sidebars. Taking out its
# other entries too (scripts, icons, form fields) saved nothing measurable and changed results.
NEVER_EXTRACTED = ("nav", "footer", "aside")


def _never_extracted(tree) -> list:
    """The outermost :data:`NEVER_EXTRACTED` elements of ``tree``, in document order, but
    those that may hold the story (:data:`MAY_HOLD_THE_STORY`)."""
    return [
        element
        for element in tree.iter(*NEVER_EXTRACTED)
        if next(element.iterancestors(*NEVER_EXTRACTED), None) is None and not MAY_HOLD_THE_STORY(element)
    ]


# Broken markup puts the story inside an element it should follow: an unclosed <li> of a menu
# makes the whole article part of its <nav> (rhein-neckar-loewen.de), and trafilatura's other
# extractors then find it there. Such an element stays, and so does one holding JSON-LD, where
# trafilatura's baseline reads a story's ``articleBody``.
MAY_HOLD_THE_STORY = lxml.etree.XPath(
    'boolean(.//main or .//article or .//h1 or .//script[contains(@type, "json")] or count(.//p) > 5)'
)


# A table cell with this many words or more holds running text, not data.
LAYOUT_CELL_WORDS = 60
TABLE_PARTS = ("table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption")


def _laid_out_in_tables(tree) -> list:
    """The page's outermost tables that lay the page out rather than hold data: a table inside
    one of their cells, or a cell of running text (:data:`LAYOUT_CELL_WORDS` words or more)."""
    layout = []
    for table in tree.iter("table"):
        if any(table in outer.iterdescendants("table") for outer in layout):
            continue
        if table.find(".//table") is not None or any(
            len(cell.text_content().split()) >= LAYOUT_CELL_WORDS for cell in table.iter("td", "th")
        ):
            layout.append(table)
    return layout


def _as_blocks(tree) -> None:
    """Rename the parts of ``tree``'s layout tables to blocks and unwrap its ``<font>``s."""
    for table in _laid_out_in_tables(tree):
        for element in list(table.iter(*TABLE_PARTS)):
            element.tag = "div"
    lxml.etree.strip_tags(tree, "font")


def _undo_chrome(tree) -> tuple[list, list]:
    """Make the changes :func:`prepared_for_extraction` describes in ``tree``; returns the
    headers renamed and, for each element unwrapped, (element, parent, index, previous
    sibling, the text its tail was then joined to)."""
    headers = tree.xpath("//article//header")
    for header in headers:
        header.tag = "div"
    unwrapped = []
    for heading in tree.xpath("//h1|//h2|//h3|//h4|//h5|//h6"):
        for element in list(heading.iter(*INLINE_TAGS)):
            if element.text is None and len(element) == 0 and (element.tail or "").strip():
                parent, previous = element.getparent(), element.getprevious()
                joined_to = parent.text if previous is None else previous.tail
                unwrapped.append((element, parent, parent.index(element), previous, joined_to))
                element.drop_tag()
    return headers, unwrapped


def _without_headline(text: str, title: str | None) -> str:
    """Drop the headline (and a kicker above it) when the text repeats it at its start.

    The headline has its own column; repeated in ``text`` it would skew search and dedup.
    """
    lines = text.split("\n")
    for position, line in enumerate(lines[:3]):
        if title and " ".join(line.split()) == title:
            if all(len(kicker.split()) <= MAX_KICKER_WORDS for kicker in lines[:position]):
                return "\n".join(lines[position + 1 :]).strip() or text
            break
    return text


# Picture credits on a line of their own ("© Reuters", "Foto: dpa", "Titelbild: …").
PICTURE_CREDIT = re.compile(
    r"(?:©|\(c\)|copyright\b|(?:titel)?bild(?:quelle)?\b|fotos?\b|quelle\b|"
    r"photo\b|image\b)",
    re.IGNORECASE,
)
# Labels and credits are a few words; a longer line starting so is a sentence of the story.
MAX_FURNITURE_WORDS = 8


# The heading of the comments under a story ("Comments", "3 Kommentare"), left at the text's end
# by the comments' own removal (theparadigmng.com, morebikes.co.uk, indiapost.com).
COMMENTS_HEADING = re.compile(r"(?:\d+\s+)?(?:comments?|kommentare?)", re.IGNORECASE)


def _without_furniture(text: str) -> str:
    """Drop lines that label related links or credit a picture, and a comments heading at the
    end; they are the page's, not the story's."""
    lines = text.split("\n")
    kept = [
        line
        for line in lines
        if len(line.split()) > MAX_FURNITURE_WORDS
        or not (RELATED_LABEL.match(line.strip()) or PICTURE_CREDIT.match(line.strip()))
    ]
    while kept and COMMENTS_HEADING.fullmatch(kept[-1].strip()):
        kept.pop()
    # A table layout's menu rows around the story, kept as table rows ("| Startseite | Region |
    # Wirtschaft | Sport |", "| Impressum | Kontakt | AGB |"): pages laid out in tables before
    # 2010, their navigation in the same table as the story.
    while kept and _menu_row(kept[0]):
        kept.pop(0)
    while kept and _menu_row(kept[-1]):
        kept.pop()
    return "\n".join(kept) if kept else text


def _menu_row(line: str) -> bool:
    """Whether ``line`` is a table row of :data:`MENU_ITEMS` short items or more (the cells, and
    the items a cell parts by pipes or dots), each of :data:`MAX_FURNITURE_WORDS` words at most
    and no figure, or the footer's copyright row."""
    line = line.strip()
    if not (line.startswith("|") and line.endswith("|")):
        return False
    items = [item for item in MENU_ITEM_SEPARATOR.split(line.strip("| ")) if item.strip()]
    if items and items[0].startswith(("©", "Copyright")):
        # The footer's row: "| © 2009 Nordbayerischer Kurier GmbH · Theodor-Schmidt-Straße 17 · … |".
        return True
    # Words only: a table of figures (a league's standings, prices) is the story's.
    return len(items) >= MENU_ITEMS and all(
        len(item.split()) <= MAX_FURNITURE_WORDS and not any(character.isdigit() for character in item)
        for item in items
    )


MENU_ITEM_SEPARATOR = re.compile(r"\s*(?:\\?\||·)\s*")
# The fewest items a menu row holds.
MENU_ITEMS = 3


def _clean(value) -> str | None:
    return " ".join(value.split()) if isinstance(value, str) and value.strip() else None
