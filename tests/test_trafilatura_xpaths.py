"""trafilatura's XPath expressions evaluated in Python (crawler/extraction/trafilatura_xpaths.py)
select what trafilatura's own expressions select, in the same order (the story's block: the
first it selects, which is what trafilatura reads)."""

import importlib.util
import json
from copy import copy
from pathlib import Path

import lxml.etree
import pytest
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from trafilatura import core, external, main_extractor, metadata, settings, xpaths
from trafilatura.htmlprocessing import convert_tags, tree_cleaning
from trafilatura.settings import Extractor

from crawler.extraction.extract import parse_html
from crawler.extraction.trafilatura_xpaths import EQUIVALENTS, INSTALLED, baseline, evaluated_in_python

# The lists of expressions, and trafilatura's single expression of its baseline's cleaning.
LISTS = {name: functions for name, functions in EQUIVALENTS.items() if not callable(functions)}
PAIRS = [
    (name, expression, function)
    for name, functions in LISTS.items()
    for expression, function in zip(getattr(xpaths, name), functions, strict=True)
] + [("BASIC_CLEAN_XPATH", settings.BASIC_CLEAN_XPATH, EQUIVALENTS["BASIC_CLEAN_XPATH"])]

BENCH_SCRIPT = Path(__file__).resolve().parents[1] / "bench" / "extraction.py"
_spec = importlib.util.spec_from_file_location("bench_extraction", BENCH_SCRIPT)
bench = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bench)


# Where trafilatura reads each list: its main extractor, its comparison, its metadata.
USERS = {
    name: [module for module in (main_extractor, external, metadata, core, baseline) if name in vars(module)]
    for name in EQUIVALENTS
}


def test_every_list_is_installed_for_the_pinned_trafilatura():
    assert INSTALLED == set(EQUIVALENTS)
    for name, modules in USERS.items():
        assert modules
        for module in modules:
            if name in LISTS:
                assert type(getattr(module, name)).__name__ == "_Expressions"
                assert getattr(module, name) == getattr(xpaths, name)
            else:
                assert type(getattr(module, name)).__name__ == "_Expression"
                assert getattr(module, name).path == getattr(settings, name).path


def test_trafilatura_evaluates_its_own_expressions_outside_the_block():
    """Plain trafilatura in the same process (the benchmark's) runs its XPath expressions."""
    tree = parse_html('<html><body><aside>Mehr</aside><div class="cookie-banner">OK</div><p>Text</p></body></html>')
    for name, modules in USERS.items():
        for module in modules:
            if name in LISTS:
                assert all(isinstance(item, lxml.etree.XPath) for item in getattr(module, name))
                with evaluated_in_python():
                    assert list(getattr(module, name)) == EQUIVALENTS[name]
            else:
                expression = getattr(module, name)
                calls = []
                expression.function = lambda tree: calls.append(tree) or EQUIVALENTS[name](tree)
                try:
                    outside = expression(tree)
                    assert not calls
                    with evaluated_in_python():
                        assert expression(tree) == outside
                    assert calls == [tree]
                finally:
                    expression.function = EQUIVALENTS[name]


def test_the_blocks_nest_and_end():
    with evaluated_in_python():
        with evaluated_in_python():
            pass
        assert list(main_extractor.TEASER_DISCARD_XPATH) == EQUIVALENTS["TEASER_DISCARD_XPATH"]
    assert list(main_extractor.TEASER_DISCARD_XPATH) == list(xpaths.TEASER_DISCARD_XPATH)


def assert_same_selection(tree):
    for name, expression, function in PAIRS:
        selected = expression(tree)
        if name == "BODY_XPATH":
            selected = selected[:1]
        assert function(tree) == selected, (name, function.__name__)


# Words of the classes, ids, styles and roles the expressions test, and others.
WORDS = [
    "nav", "Nav", "navigation", "menu", "share", "Share", "shariff", "social", "sidebar", "banner", "breadcrumb",
    "bread-crumb", "button", "author", "footer", "Footer", "related", "premium", "ad", "ad-", "-ad-", "dfpAd",
    "outbrain", "widget", "byline", "Byline", "embed", "tag-list", "tags", "consent", "cookie", "modal-content",
    "permission", "next-", "-stories", "most-popular", "more-on", "meta", "rating", "attachment", "timestamp",
    "user-info", "-icon", "slide", "viewport", "overlay", "options", "expand", "obfuscated", "blurred", "hidden",
    "hide-", "-hide-", "hide", "hide-print", "noprint", "notloaded", "comments-title", "reply-", "-reply-",
    "message", "akismet", "reader-comments", "teaser", "Teaser", "caption", "bottom", "link", "border",
    "display:none", "display: none", "content", "article", "main", "post", "text", "jp-", "bmdh", "yin", "bar",
    "paid-content", "newsletter", "viral", "ZendeskForm", "post-nav", "subnav", "navbar", "MostPopularStories",
    "true", "false", "x", "entry", "article-content", "article__body", "articleBody", "body-text", "post-text",
    "postContent", "ArticleContent", "story", "story-content", "primary", "FullText", "single-post", "content",
    "content-main", "Main-Content", "Page-content", "main", "cell", "postarea", "article ", "Author", "author name",
    "author-name", "AuthorName", "AuthorCard", "AuthorURL", "me", "username", "BBL", "byl", "zuozhe", "writer",
    "screenname", "channel-name", "submitted-by", "journalist-name", "comments", "Comments", "comment-list", "title",
    "date", "sidebar", "quote", "print", "category", "meta-date", "Figure", "ProductReviews", "comment", "Comment",
    "commentary", "comol", "post-comments", "article-comments", "disqus_thread", "dsq-comments", "infinite-scroll",
    "infinitescroll", "mvp-post-add-wrap", "mvp-post-add-box", "elementor-share-buttons", "cookie-banner",
    "Cookie_Notice", "notice--cookie", "consent-manager", "borlabs", "CookieBot", "cmplz", "onetrust", "moove_gdpr",
    "page-footer",
]  # fmt: skip
VALUE = st.lists(
    st.tuples(st.sampled_from(["", " ", "-", "_", "  "]), st.sampled_from(WORDS)), min_size=0, max_size=3
).map(lambda parts: "".join(separator + word for separator, word in parts))
ATTRIBUTE_NAMES = [
    "id", "class", "style", "role", "aria-hidden", "data-component", "data-lp-replacement-content", "itemprop",
    "rel", "data-testid",
]  # fmt: skip
ATTRIBUTES = st.lists(st.tuples(st.sampled_from(ATTRIBUTE_NAMES), VALUE), max_size=4, unique_by=lambda pair: pair[0])
TAGS = [
    "div", "item", "list", "p", "section", "span", "header", "a", "li", "ul", "h2", "figure", "article", "main",
    "author", "address", "strong", "link", "h3", "h4", "time", "rel", "aside", "details", "ol", "h1", "footer",
    "fencedframe", "script", "style", "svg", "template",
]  # fmt: skip
ELEMENTS = st.recursive(
    st.tuples(st.sampled_from(TAGS), ATTRIBUTES, st.just([])),
    lambda children: st.tuples(st.sampled_from(TAGS), ATTRIBUTES, st.lists(children, max_size=4)),
    max_leaves=20,
)


def build(parent, element) -> None:
    tag, attributes, children = element
    child = lxml.etree.SubElement(parent, tag)
    for name, value in attributes:  # in this order: "@id|@class" tests the first that stands
        child.set(name, value)
    child.text = "me" if tag == "rel" else "Text"
    for grandchild in children:
        build(child, grandchild)


def test_each_word_alone_on_each_element():
    """Every word of the vocabulary as the whole value of each attribute on each element: the
    expressions' exact comparisons ("@class='BBL'") as well as their patterns."""
    tree = parse_html("<html><body><p>Anfang</p></body></html>")
    body = tree.find("body")
    for tag in TAGS:
        for name in ATTRIBUTE_NAMES:
            for word in WORDS:
                build(body, (tag, [(name, word)], []))
    assert_same_selection(tree)


@hypothesis_settings(max_examples=300)
@given(st.lists(ELEMENTS, max_size=5))
def test_the_functions_select_what_the_expressions_select(elements):
    tree = parse_html("<html><body><p>Anfang</p></body></html>")
    body = tree.find("body")
    for element in elements:
        build(body, element)
    assert_same_selection(tree)


def test_the_functions_select_what_the_expressions_select_on_the_benchmark_pages():
    """On the pages as parsed and as trafilatura's precision pass cleans them."""
    root = bench.benchmarks_dir()
    if not (root / "metadata-de" / "gold.json").exists():
        pytest.skip(f"benchmark sets not found at {root}")
    gold = json.loads((root / "metadata-de" / "gold.json").read_text(encoding="utf-8"))
    pages = [(root / "metadata-de" / entry["file"], entry["url"]) for entry in list(gold.values())[::4]]
    truth = json.loads((root / "article-extraction" / "ground-truth.json").read_text(encoding="utf-8"))
    pages += [(root / "article-extraction" / "html" / f"{key}.html.gz", entry["url"]) for key, entry in truth.items()][
        ::4
    ]
    for path, url in pages:
        tree = parse_html(bench.read_page(path))
        if tree is None:
            continue
        options = Extractor(precision=True, comments=False, tables=True, url=url, fast=True)
        assert_same_selection(tree)
        assert_same_selection(convert_tags(tree_cleaning(copy(tree), options), options, url))


def test_the_byline_fallback_finds_what_trafilatura_s_search_finds_on_the_benchmark_pages():
    """``byline_author`` runs trafilatura's ``extract_author`` on the page itself, the elements it
    leaves out taken out and put back, instead of on a copy: the same author, the page unchanged."""
    from trafilatura.metadata import extract_author

    from crawler.extraction.extract import byline_author

    root = bench.benchmarks_dir()
    if not (root / "metadata-de" / "gold.json").exists():
        pytest.skip(f"benchmark sets not found at {root}")
    gold = json.loads((root / "metadata-de" / "gold.json").read_text(encoding="utf-8"))
    found = 0
    for entry in list(gold.values())[::3]:
        tree = parse_html(bench.read_page(root / "metadata-de" / entry["file"]))
        if tree is None:
            continue
        before = lxml.etree.tostring(tree)
        author = byline_author(tree)
        assert lxml.etree.tostring(tree) == before
        if author is not None:
            found += 1
            assert author == extract_author(tree)
    assert found > 20
