"""trafilatura's XPath expressions of its main extractor, evaluated in Python.

trafilatura's main extractor finds the story's block by XPath expressions (``BODY_XPATH``),
and deletes from it the elements that others select: menus, share and ad boxes, hidden
elements, teasers, captions, borders (``OVERALL_DISCARD_XPATH``, ``TEASER_DISCARD_XPATH``,
``PRECISION_DISCARD_XPATH``, ``DISCARD_IMAGE_ELEMENTS``; its comparison with readability and
justext prunes the raw tree with the first too). Its sequence prunes the raw page first
(``RAW_TREE_PRUNE_XPATH``, the comments' expressions), its baseline and its measure of a page's
text leave out asides, footers and consent layers (``BASIC_CLEAN_XPATH``), its byline search
reads and leaves out elements by more (``AUTHOR_XPATHS``, ``AUTHOR_DISCARD_XPATHS``). They test
classes, ids and styles with regular expressions (``re:test``), and lxml calls back into Python
for every element and every test: together a sixth of an extraction's time. The functions here make the same tests
with the same regular expressions in one loop over the elements, in about two fifths of the
time, and a block's search stops at the first block found, the one trafilatura reads
(docs/notes/2026-12-extraction-cpu.md; tests/test_trafilatura_xpaths.py compares them with
trafilatura's on the benchmark pages and on generated trees).

They stand in for trafilatura's only while :func:`evaluated_in_python` is active in the
thread, so that trafilatura called otherwise in the same process (plain trafilatura beside the
project in bench/extraction.py) runs its own; and only for the expressions they were written
for: a trafilatura release that changes one of them keeps its own (:data:`WRITTEN_FOR`).
"""

import hashlib
import importlib
import re
import threading
from contextlib import contextmanager

import lxml.etree
from trafilatura import core, external, main_extractor, metadata, settings, xpaths

from crawler.extraction.page import page_elements

# The module, which the package's function of the same name hides.
baseline = importlib.import_module("trafilatura.baseline")

# The elements most expressions select from.
BLOCKS = ("div", "item", "list", "p", "section", "span")


def _first_of(attributes, names: tuple[str, str]) -> str:
    """The value of the first of the two ``names`` that the element has, in the order its
    attributes stand: what XPath's ``re:test(@id|@class, …)`` tests, the union's first node.
    Most elements have one of them at most: their order is read only where both stand."""
    first, second = names
    if first not in attributes:
        return attributes.get(second, "")
    if second not in attributes:
        return attributes[first]
    for name, value in attributes.items():
        if name in names:
            return value
    return ""


# OVERALL_DISCARD_XPATH: menus, share, ad and author boxes, footers, consent layers.
CONSENT = re.compile(xpaths._alt(xpaths._CONSENT_ID_CLASS_TOKENS))
DISCARDED_ID = re.compile(xpaths._alt(xpaths._OVERALL_DISCARD_BOTH_TOKENS + xpaths._OVERALL_DISCARD_ID_TOKENS))
DISCARDED_CLASS = re.compile(xpaths._alt(xpaths._OVERALL_DISCARD_BOTH_TOKENS + xpaths._OVERALL_DISCARD_CLASS_TOKENS))


def discarded_blocks(tree) -> list:
    selected = []
    for element in tree.iterdescendants(BLOCKS):
        attributes = element.attrib
        if (
            "data-lp-replacement-content" in attributes
            or "nav" in attributes.get("role", "").replace("N", "n")
            or "MostPopularStories" in attributes.get("data-component", "")
            or CONSENT.search(_first_of(attributes, ("id", "class")))
            or DISCARDED_ID.search(attributes.get("id", ""))
            or DISCARDED_CLASS.search(attributes.get("class", ""))
        ):
            selected.append(element)
    return selected


# OVERALL_DISCARD_XPATH: hidden elements and comment furniture, of any tag.
HIDDEN = re.compile("hidden")
COMMENT_IDS = re.compile("reader-comments|akismet")
HIDDEN_CLASSES = re.compile(
    "^hide-|comments-title|nocomments|-reply-|message|akismet|suggest-links|-hide-|hide-print| hidden| hide|noprint"
    "|notloaded"
)


def hidden_elements(tree) -> list:
    selected = []
    for element in tree.iterdescendants(lxml.etree.Element):
        attributes = element.attrib
        if not attributes:
            continue
        style = attributes.get("style", "")
        if (
            attributes.get("class") == "comments-title"
            or _first_of(attributes, ("id", "class")).startswith("reply-")
            or HIDDEN.search(_first_of(attributes, ("id", "style")))
            or "display:none" in style
            or "display: none" in style
            or COMMENT_IDS.search(attributes.get("id", ""))
            or HIDDEN_CLASSES.search(attributes.get("class", ""))
            or attributes.get("aria-hidden") == "true"
        ):
            selected.append(element)
    return selected


def teasers(tree) -> list:
    """TEASER_DISCARD_XPATH."""
    return [
        element
        for element in tree.iterdescendants(BLOCKS)
        if "teaser" in element.get("id", "").replace("T", "t") or "teaser" in element.get("class", "").replace("T", "t")
    ]


def headers(tree) -> list:
    """PRECISION_DISCARD_XPATH: headers."""
    return list(tree.iterdescendants("header"))


BOTTOM = re.compile(r"(^|\s)bottom|bottom(\s|$)")
LINK = re.compile(r"(^|\s)link(\s|$)")


def bottoms_links_and_borders(tree) -> list:
    """PRECISION_DISCARD_XPATH: page-bottom chrome, link blocks, bordered boxes."""
    selected = []
    for element in tree.iterdescendants(BLOCKS):
        attributes = element.attrib
        first = _first_of(attributes, ("id", "class"))
        if BOTTOM.search(first) or LINK.search(first) or "border" in attributes.get("style", ""):
            selected.append(element)
    return selected


def captions(tree) -> list:
    """DISCARD_IMAGE_ELEMENTS."""
    return [
        element
        for element in tree.iterdescendants(BLOCKS)
        if "caption" in element.get("id", "") or "caption" in element.get("class", "")
    ]


# BODY_XPATH: the story's block, each expression's first in the page (trafilatura's _extract
# reads no other).
STORY_BLOCKS = ("article", "div", "main", "section")
ARTICLE_BODY_ID = re.compile(xpaths._alt(xpaths._ARTICLE_CONTENT_ID_TOKENS))
ARTICLE_BODY_CLASS = re.compile(xpaths._alt(xpaths._ARTICLE_CONTENT_CLASS_TOKENS))
STORY_ID = re.compile(xpaths._alt(xpaths._STORY_ID_TOKENS))
STORY_CLASS = re.compile(xpaths._alt(xpaths._STORY_CLASS_TOKENS))
FULLTEXT = re.compile("fulltext", re.IGNORECASE)
MAIN_CONTENT_ID = re.compile(xpaths._alt(xpaths._MAIN_CONTENT_ID_TOKENS))
MAIN_CONTENT_CLASS = re.compile(xpaths._alt(xpaths._MAIN_CONTENT_CLASS_TOKENS))


def _first(tree, tags, test) -> list:
    return next(([element] for element in tree.iterdescendants(tags) if test(element.attrib)), [])


def article_body(tree) -> list:
    return _first(
        tree,
        STORY_BLOCKS,
        lambda attributes: (
            attributes.get("class") in ("post", "entry")
            or attributes.get("itemprop") == "articleBody"
            or attributes.get("id") == "articleContent"
            or ARTICLE_BODY_ID.search(attributes.get("id", ""))
            or ARTICLE_BODY_CLASS.search(attributes.get("class", ""))
        ),
    )


def first_article(tree) -> list:
    return next(([element] for element in tree.iterdescendants("article")), [])


def story(tree) -> list:
    return _first(
        tree,
        STORY_BLOCKS,
        lambda attributes: (
            attributes.get("role") == "article"
            or attributes.get("id") in ("article", "story")
            or attributes.get("class") in ("postarea", "art-postcontent", "text", "cell", "story")
            or STORY_ID.search(attributes.get("id", ""))
            or FULLTEXT.search(attributes.get("class", ""))
            or STORY_CLASS.search(attributes.get("class", ""))
        ),
    )


def main_content(tree) -> list:
    return _first(
        tree,
        STORY_BLOCKS,
        lambda attributes: (
            attributes.get("id") == "content"
            or attributes.get("class") == "content"
            or MAIN_CONTENT_ID.search(attributes.get("id", ""))
            or MAIN_CONTENT_CLASS.search(attributes.get("class", ""))
            or "main-content" in attributes.get("id", "").translate(CAPITAL_C_M)
            or "main-content" in attributes.get("class", "").translate(CAPITAL_C_M)
            or "page-content" in attributes.get("class", "").translate(CAPITAL_C_P)
        ),
    )


CAPITAL_C_M = str.maketrans("CM", "cm")
CAPITAL_C_P = str.maketrans("CP", "cp")


def main(tree) -> list:
    """The first ``<main>``, or block whose class, id or role starts with "main", whichever
    comes first: the union's first."""
    for element in tree.iterdescendants("article", "div", "section", "main"):
        attributes = element.attrib
        if element.tag == "main" or any(
            attributes.get(name, "").startswith("main") for name in ("class", "id", "role")
        ):
            return [element]
    return []


# AUTHOR_XPATHS: the byline elements trafilatura's author search reads (extract_author), all of
# them in page order: it takes the first with a name's length. Absolute ("//…"): the whole page.
AUTHOR_NAME_CLASS = re.compile("author-?name|AuthorName|authorName")
AUTHOR_ID = re.compile("author|zuozhe|bianji|xiaobian")
AUTHOR_CLASS = re.compile("author|channel-name|zuozhe|bianji|xiaobian|submitted-by|posted-by|journalist-name")
ANY_AUTHOR_ID = re.compile("[Aa]uthor")
ANY_AUTHOR_CLASS = re.compile("[Aa]uthor|screenname|writer|[Bb]yline")
SPECIFIC_AUTHOR_TAGS = {"a", "address", "div", "link", "p", "span", "strong"}
GENERIC_AUTHOR_TAGS = {"a", "div", "h3", "h4", "p", "span"}


def _has_rel_me(element) -> bool:
    """XPath's ``rel='me'`` in the expression: a child element <rel> whose text is "me"."""
    return any(child.tag == "rel" and "".join(child.itertext()) == "me" for child in element.iterchildren("rel"))


def specific_authors(tree) -> list:
    selected = []
    for element in page_elements(tree):
        if element.tag == "author":
            selected.append(element)
        elif element.tag in SPECIFIC_AUTHOR_TAGS:
            attributes = element.attrib
            if (
                attributes.get("rel") == "author"
                or attributes.get("id") == "author"
                or attributes.get("class") == "author"
                or attributes.get("itemprop") == "author name"
                or attributes.get("data-testid") in ("AuthorCard", "AuthorURL")
                or AUTHOR_NAME_CLASS.search(attributes.get("class", ""))
                or _has_rel_me(element)
            ):
                selected.append(element)
    return selected


def generic_authors(tree) -> list:
    selected = []
    for element in page_elements(tree):
        if element.tag in GENERIC_AUTHOR_TAGS:
            attributes = element.attrib
            if (
                attributes.get("class") in ("byline", "username", "byl", "BBL")
                or "author" in attributes.get("itemprop", "")
                or AUTHOR_ID.search(attributes.get("id", ""))
                or AUTHOR_CLASS.search(attributes.get("class", ""))
            ):
                selected.append(element)
    return selected


def any_authors(tree) -> list:
    selected = []
    for element in page_elements(tree):
        attributes = element.attrib
        if attributes and (
            "Byline" in attributes.get("data-component", "")
            or "author" in attributes.get("itemprop", "")
            or ANY_AUTHOR_ID.search(attributes.get("id", ""))
            or ANY_AUTHOR_CLASS.search(attributes.get("class", ""))
        ):
            selected.append(element)
    return selected


# AUTHOR_DISCARD_XPATHS: what the author search leaves out: comments, sidebars, quotes, figures.
NOT_AUTHOR_IDS = re.compile("^comments|comment-?list|ProductReviews")
NOT_AUTHOR_CLASSES = re.compile(
    "^[Cc]omments|commentlist|comments-list|sidebar|is-hidden|quote|embedly-instagram|article-(?:share|support)|print"
    "|category|meta-date|meta-reviewer"
)


def not_bylines(tree) -> list:
    selected = []
    for element in tree.iterdescendants("a", "div", "section", "span"):
        attributes = element.attrib
        if attributes and (
            attributes.get("id") == "comments"
            or attributes.get("class") in ("comments", "title", "date")
            or NOT_AUTHOR_IDS.search(attributes.get("id", ""))
            or NOT_AUTHOR_CLASSES.search(attributes.get("class", ""))
            or "Figure" in attributes.get("data-component", "")
        ):
            selected.append(element)
    return selected


def times_and_figures(tree) -> list:
    return list(page_elements(tree, "time", "figure"))


# RAW_TREE_PRUNE_XPATH: infinite-scroll containers and ad wrappers, and share buttons, pruned
# from the raw page before any extraction.
INFINITE_SCROLL = re.compile("mvp-post-add-(?:box|wrap)|infinite-?scroll")
AD_WRAPPER = re.compile("mvp-post-add-(?:box|wrap)")


def infinite_scroll(tree) -> list:
    selected = []
    for element in tree.iterdescendants("div", "section", "aside"):
        element_id, element_class = element.get("id", ""), element.get("class", "")
        if (INFINITE_SCROLL.search(element_id) or INFINITE_SCROLL.search(element_class)) and (
            next(element.iterdescendants("h1"), None) is None
            or AD_WRAPPER.search(element_id)
            or AD_WRAPPER.search(element_class)
        ):
            selected.append(element)
    return selected


def share_buttons(tree) -> list:
    return [
        element
        for element in tree.iterdescendants("div", "section", "aside")
        if "elementor-share-buttons" in element.get("class", "")
    ]


# REMOVE_COMMENTS_AND_LISTS_XPATH, REMOVE_COMMENTS_XPATH: readers' comments, and their lists.
COMMENTS_ID = re.compile("^(?:[Cc]omment(?!ary)|comol|disqus_thread|dsq-comments)")
COMMENT_LIST_ID = re.compile("^(?:[Cc]omment(?!ary)|comol)")
COMMENTS_CLASS = re.compile("^[Cc]omment(?!ary)|(?:article|post)-comments")


def comments_and_their_lists(tree) -> list:
    selected = []
    for element in tree.iterdescendants("div", "list", "section", "details", "ol", "ul"):
        element_id, element_class = element.get("id", ""), element.get("class", "")
        if (COMMENTS_ID.search(element_id) or COMMENTS_CLASS.search(element_class)) and (
            element.tag not in ("ol", "ul")
            or COMMENT_LIST_ID.search(element_id)
            or COMMENTS_CLASS.search(element_class)
        ):
            selected.append(element)
    return selected


def comments(tree) -> list:
    return [
        element
        for element in tree.iterdescendants("div", "list", "section", "details")
        if COMMENTS_ID.search(element.get("id", "")) or COMMENTS_CLASS.search(element.get("class", ""))
    ]


# BASIC_CLEAN_XPATH (one expression, not a list): what trafilatura's baseline and its measure of
# a page's text leave out: asides, footers, scripts, consent layers.
BASICALLY_CLEANED = {"aside", "fencedframe", "footer", "script", "style", "svg", "template"}
COOKIE_CONSENT = re.compile(settings._COOKIE_CONSENT_RE, re.IGNORECASE)


def basically_cleaned(tree) -> list:
    selected = []
    for element in tree.iterdescendants(lxml.etree.Element):
        if (
            element.tag in BASICALLY_CLEANED
            or element.tag == "div"
            and "footer" in _first_of(element.attrib, ("class", "id"))
            or COOKIE_CONSENT.search(element.get("class", ""))
            or COOKIE_CONSENT.search(element.get("id", ""))
        ):
            selected.append(element)
    return selected


# The functions for each list of expressions (for a single expression, the function), and a
# digest of the expressions they were written for (trafilatura 2.3.1's).
EQUIVALENTS = {
    "BODY_XPATH": [article_body, first_article, story, main_content, main],
    "OVERALL_DISCARD_XPATH": [discarded_blocks, hidden_elements],
    "TEASER_DISCARD_XPATH": [teasers],
    "PRECISION_DISCARD_XPATH": [headers, bottoms_links_and_borders],
    "DISCARD_IMAGE_ELEMENTS": [captions],
    "AUTHOR_XPATHS": [specific_authors, generic_authors, any_authors],
    "AUTHOR_DISCARD_XPATHS": [not_bylines, times_and_figures],
    "RAW_TREE_PRUNE_XPATH": [infinite_scroll, share_buttons],
    "REMOVE_COMMENTS_AND_LISTS_XPATH": [comments_and_their_lists],
    "REMOVE_COMMENTS_XPATH": [comments],
    "BASIC_CLEAN_XPATH": basically_cleaned,
}
WRITTEN_FOR = {
    "BODY_XPATH": "049ab58f8ca0d8bf",
    "OVERALL_DISCARD_XPATH": "90fe7cbe71fb424a",
    "TEASER_DISCARD_XPATH": "ebb02f066626551d",
    "PRECISION_DISCARD_XPATH": "19982819e31eeab3",
    "DISCARD_IMAGE_ELEMENTS": "cb1ab981e44913f7",
    "AUTHOR_XPATHS": "e7cdb233823cbb0a",
    "AUTHOR_DISCARD_XPATHS": "bb846852c0255db3",
    "RAW_TREE_PRUNE_XPATH": "0a775839824a964b",
    "REMOVE_COMMENTS_AND_LISTS_XPATH": "9cc18d34e6e2d258",
    "REMOVE_COMMENTS_XPATH": "5d97216ca15d0558",
    "BASIC_CLEAN_XPATH": "db6c25acd08aef99",
}


def digest(expressions) -> str:
    """A short digest of an XPath expression's source, or a list's."""
    if isinstance(expressions, lxml.etree.XPath):
        expressions = [expressions]
    return hashlib.sha256("\n".join(expression.path for expression in expressions).encode()).hexdigest()[:16]


_ACTIVE = threading.local()


class _Expressions(list):
    """One of trafilatura's lists of expressions; iterated while :func:`evaluated_in_python` is
    active in the thread, it gives the functions in their stead."""

    def __init__(self, expressions, functions):
        super().__init__(expressions)
        self.functions = functions

    def __iter__(self):
        return iter(self.functions) if getattr(_ACTIVE, "on", False) else super().__iter__()


class _Expression:
    """One of trafilatura's expressions; called while :func:`evaluated_in_python` is active in
    the thread, it calls the function in its stead."""

    def __init__(self, expression, function):
        self.expression, self.function = expression, function
        self.path = expression.path

    def __call__(self, tree, **variables):
        if getattr(_ACTIVE, "on", False) and not variables:
            return self.function(tree)
        return self.expression(tree, **variables)


def _install() -> dict[str, list]:
    """Put the lists in trafilatura's modules; returns each list by its name, trafilatura's own
    where its expressions are not those the functions were written for."""
    lists = {}
    for name, functions in EQUIVALENTS.items():
        expressions = getattr(xpaths if hasattr(xpaths, name) else settings, name)
        if digest(expressions) != WRITTEN_FOR[name]:
            lists[name] = expressions
            continue
        if callable(functions):
            lists[name] = _Expression(expressions, functions)
        else:
            lists[name] = _Expressions(expressions, functions)
        for module in (main_extractor, external, metadata, core, baseline):
            if name in vars(module):
                setattr(module, name, lists[name])
    return lists


LISTS = _install()
INSTALLED = {name for name, expressions in LISTS.items() if isinstance(expressions, (_Expressions, _Expression))}
# The byline search's, as the project runs trafilatura's search on the page itself.
AUTHOR_XPATHS = LISTS["AUTHOR_XPATHS"]
AUTHOR_DISCARD_XPATHS = LISTS["AUTHOR_DISCARD_XPATHS"]
# The raw page's prunes, as the project's precision pass runs trafilatura's sequence itself.
RAW_TREE_PRUNE_XPATH = LISTS["RAW_TREE_PRUNE_XPATH"]
REMOVE_COMMENTS_AND_LISTS_XPATH = LISTS["REMOVE_COMMENTS_AND_LISTS_XPATH"]
REMOVE_COMMENTS_XPATH = LISTS["REMOVE_COMMENTS_XPATH"]


@contextmanager
def evaluated_in_python():
    """Within the block, this thread's trafilatura evaluates the functions."""
    previous = getattr(_ACTIVE, "on", False)
    _ACTIVE.on = True
    try:
        yield
    finally:
        _ACTIVE.on = previous
