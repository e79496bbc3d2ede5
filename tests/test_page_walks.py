"""The searches over every element of a page that are written as walks in Python, for speed,
select what their definitions in XPath select, in page order: on generated trees and on the
benchmark pages."""

import gc
import importlib.util
import json
import weakref
from pathlib import Path

import lxml.etree
import pytest
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from crawler.extraction.bylines import _author_page_links, _marked_as_bylines
from crawler.extraction.extract import LONGEST_AUTHOR_META, _long_author_metas, parse_html
from crawler.extraction.lead import _lead_candidates
from crawler.extraction.page import _text_pieces, hold_elements, jsonld_scripts

BENCH_SCRIPT = Path(__file__).resolve().parents[1] / "bench" / "extraction.py"
_spec = importlib.util.spec_from_file_location("bench_extraction", BENCH_SCRIPT)
bench = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bench)

# Each walk and the XPath expression it stands for.
DEFINITIONS = {
    _marked_as_bylines: '//*[@itemprop="author" or @rel="author" or @class[contains(., "byline")'
    ' or contains(., "author") or contains(., "autor") or contains(., "by-line") or contains(., "Byline")'
    ' or contains(., "Author") or contains(., "Autor") or contains(., "columnist")]]',
    _lead_candidates: '(//p|//div|//span)[contains(@class, "lead") or contains(@class, "teaser-text")'
    ' or contains(@class, "intro") or contains(@class, "standfirst") or contains(@class, "summary")'
    ' or @itemprop="description"]',
    _author_page_links: '//body//a[contains(@href, "/autor") or contains(@href, "/author")]',
    _long_author_metas: "//meta[contains(@name, 'author') or contains(@property, 'author')"
    " or contains(@name, 'creator') or contains(@property, 'creator')]"
    f"[string-length(@content) > {LONGEST_AUTHOR_META}]",
    jsonld_scripts: '//script[@type="application/ld+json"]',
}
# The text pieces of an element: its text nodes outside scripts, styles, noscript and template
# blocks; and of those, the ones outside elements whose class names comments (bar the
# "commentary" block that holds the story's <h1>).
UNSEEN = (
    "ancestor-or-self::script or ancestor-or-self::style or ancestor-or-self::noscript or ancestor-or-self::template"
)
HOLDS_COMMENTS = 'contains(@class, "comment") and not(contains(@class, "commentar") and .//h1)'
VISIBLE_PIECES = lxml.etree.XPath(f".//text()[not(parent::*[{UNSEEN}])]")
PIECES_OUTSIDE_COMMENTS = lxml.etree.XPath(
    f".//text()[not(parent::*[{UNSEEN}]) and not(ancestor::*[{HOLDS_COMMENTS}])]"
)


def assert_same_selection(tree) -> None:
    for walk, expression in DEFINITIONS.items():
        assert walk(tree) == tree.xpath(expression), walk.__name__
    for root in [tree, *tree.iter("body", "div", "script")]:
        visible, outside_comments = _text_pieces(root)
        assert visible == [str(piece) for piece in VISIBLE_PIECES(root)]
        assert outside_comments == [str(piece) for piece in PIECES_OUTSIDE_COMMENTS(root)]


TAGS = ["div", "p", "span", "a", "meta", "script", "style", "noscript", "template", "body", "h1", "section"]
WORDS = [
    "byline", "Byline", "by-line", "author", "Author", "autor", "Autor", "columnist", "lead", "leader",
    "teaser-text", "intro", "standfirst", "summary", "description", "comment", "comments", "commentary",
    "Kommentar", "x", "/autoren/anna-schmidt", "/author/jan", "https://example.org/", "application/ld+json",
    "text/javascript", "creator", "name", "A" * (LONGEST_AUTHOR_META + 1),
]  # fmt: skip
VALUE = st.lists(st.tuples(st.sampled_from(["", " ", "-", "_"]), st.sampled_from(WORDS)), min_size=0, max_size=3).map(
    lambda parts: "".join(separator + word for separator, word in parts)
)
ATTRIBUTE_NAMES = ["class", "itemprop", "rel", "href", "name", "property", "content", "type"]
ATTRIBUTES = st.lists(st.tuples(st.sampled_from(ATTRIBUTE_NAMES), VALUE), max_size=4, unique_by=lambda pair: pair[0])
TEXT = st.sampled_from([None, "", " ", "Text", "Von Anna Schmidt"])
ELEMENTS = st.recursive(
    st.tuples(st.sampled_from(TAGS), ATTRIBUTES, TEXT, TEXT, st.just([])),
    lambda children: st.tuples(st.sampled_from(TAGS), ATTRIBUTES, TEXT, TEXT, st.lists(children, max_size=4)),
    max_leaves=20,
)


def build(parent, element) -> None:
    tag, attributes, text, tail, children = element
    child = lxml.etree.SubElement(parent, tag)
    for name, value in attributes:
        child.set(name, value)
    child.text, child.tail = text, tail
    for grandchild in children:
        build(child, grandchild)
    if tag == "div" and not children:
        # A comment between the elements: its tail is a text piece, its own text none.
        comment = lxml.etree.Comment("kein Text")
        comment.tail = "nach dem Kommentar"
        child.append(comment)


@hypothesis_settings(max_examples=300)
@given(st.lists(ELEMENTS, max_size=5), st.sampled_from(["", "comments-open", "x"]))
def test_the_walks_select_what_the_expressions_select(elements, html_class):
    tree = parse_html(f'<html class="{html_class}"><body><p>Anfang</p></body></html>')
    body = tree.find("body")
    for element in elements:
        build(body, element)
    assert_same_selection(tree)


def test_the_walks_select_what_the_expressions_select_on_the_benchmark_pages():
    root = bench.benchmarks_dir()
    if not (root / "metadata-de" / "gold.json").exists():
        pytest.skip(f"benchmark sets not found at {root}")
    gold = json.loads((root / "metadata-de" / "gold.json").read_text(encoding="utf-8"))
    pages = [root / "metadata-de" / entry["file"] for entry in list(gold.values())[::4]]
    truth = json.loads((root / "article-extraction" / "ground-truth.json").read_text(encoding="utf-8"))
    pages += [root / "article-extraction" / "html" / f"{key}.html.gz" for key in list(truth)[::4]]
    for path in pages:
        tree = parse_html(bench.read_page(path))
        if tree is not None:
            assert_same_selection(tree)


def test_held_elements_go_with_their_page():
    """The elements' objects are held while the page's tree lives, and not after: a crawl reads
    thousands of pages in one worker."""
    tree = parse_html("<html><body>" + "<div><p>Absatz <b>fett</b></p></div>" * 50 + "</body></html>")
    hold_elements(tree)
    paragraph = weakref.ref(tree.find("body/div/p"))
    assert paragraph() is not None  # held, though nothing here keeps it
    root = weakref.ref(tree)
    del tree
    gc.collect()
    assert root() is None and paragraph() is None
