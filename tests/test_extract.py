"""Extraction and classification on saved pages (tests/sites/pages), through the real trafilatura."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from crawler.extraction.classify import ARTICLE, NOT_ARTICLE, UNDECIDED, classify_page, looks_like_article
from crawler.extraction.extract import (
    comparison_can_win,
    content_words,
    default_pass_can_win,
    extract_article,
    page_words,
    parse_html,
    precision_extraction,
    repair_encoding,
)
from crawler.extraction.page import page_metadata

PAGES = Path(__file__).parent / "sites" / "pages"
BASE = "https://www.niederrhein-wirtschaft.example/duisburg/"


# What `newsarchive extract` prints for a page, in this order (docs/cli.md).
EXTRACT_JSON_KEYS = [
    "url",
    "title",
    "kicker",
    "description",
    "author",
    "authors",
    "agencies",
    "published",
    "modified",
    "date_source",
    "language",
    "text",
    "tags",
    "image",
    "site_name",
    "alternates",
]


def page(name: str) -> str:
    return (PAGES / name).read_text(encoding="utf-8")


def metadata(name: str) -> dict:
    return page_metadata(parse_html(page(name)))


def test_article_with_structured_data():
    article = extract_article(page("de-article-jsonld.html"), BASE + "x.html?utm_medium=rss")
    # rel=canonical on the same site wins, without its tracking parameter.
    assert article.url == BASE + "logistikzentrum-rheinhausen-waechst.html"
    assert article.title == "Logistikzentrum in Duisburg-Rheinhausen wächst"
    assert article.author == "Petra Lindqvist"
    assert article.published == "2026-09-17T08:15:00+02:00"
    assert article.modified == "2026-09-17T12:40:00+02:00"
    assert article.language == "de"
    assert article.description.startswith("Der Betreiber des Logistikzentrums")
    assert article.site_name == "Niederrhein Wirtschaft"
    text = article.text
    assert "Kranstedt Logistik investiert" in text
    assert "batterieelektrischen Lastwagen" in text
    assert not text.startswith(article.title)
    for boilerplate in ("Cookies", "Alle akzeptieren", "Newsletter abonnieren", "Mehr zum Thema", "Impressum"):
        assert boilerplate not in text


def test_canonical_on_another_site_is_ignored():
    html = page("de-article-jsonld.html").replace(
        "https://www.niederrhein-wirtschaft.example/duisburg/logistikzentrum",
        "https://syndication.example/logistikzentrum",
    )
    article = extract_article(html, BASE + "copy.html#kommentare")
    assert article.url == BASE + "copy.html"


def test_plain_page_gets_date_and_text():
    article = extract_article(page("de-article-plain.html"), BASE + "meister.html")
    assert article.title == "Handwerkskammer meldet Rekord bei Meisterprüfungen"
    assert article.published == "2026-11-03"
    assert "612 Frauen und Männer" in article.text
    assert "Barrierefreiheit" not in article.text
    assert looks_like_article(article)


def classify(url: str, name: str, pattern: str = "") -> str:
    tree = parse_html(page(name))
    return classify_page(url, page_metadata(tree), pattern, tree=tree)


def test_classification():
    assert classify(BASE + "a.html", "de-article-jsonld.html") == ARTICLE
    assert classify(BASE + "m.html", "de-article-plain.html") == ARTICLE
    assert classify(BASE, "listing.html") == NOT_ARTICLE
    assert classify(BASE + "../impressum.html", "impressum.html") == NOT_ARTICLE
    # Without the page's tree only its markup and URL are weighed.
    assert classify_page(BASE + "m.html", metadata("de-article-plain.html")) == UNDECIDED
    # A story's markup and structure outweigh a hub-like URL (weeklies file stories under
    # /autoren/… and /veranstaltungen/…); a page-numbered URL is no story.
    for url in ("https://x.de/autor/anna-schmidt/logistik.html", "https://x.de/veranstaltungen/messe.html"):
        assert classify(url, "de-article-jsonld.html") == ARTICLE
    assert classify_page("https://x.de/ruhr/seite-3.html", metadata("listing.html")) == NOT_ARTICLE


def test_article_pattern_decides_when_given():
    meta = metadata("listing.html")
    assert classify_page(BASE + "2026/09/story-123.html", meta, r"/\d{4}/\d{2}/") == ARTICLE
    assert classify_page(BASE + "story.html", metadata("de-article-jsonld.html"), r"/\d{4}/") == NOT_ARTICLE


def test_short_undated_pages_do_not_look_like_articles():
    listing = extract_article(page("listing.html"), BASE)
    assert listing is None or not looks_like_article(listing)


@pytest.mark.parametrize("name", ["de-article-jsonld.html", "de-article-plain.html"])
def test_cli_extract_prints_the_pipeline_json(name):
    result = subprocess.run(
        [sys.executable, "-m", "crawler", "extract", str(PAGES / name), "--url", BASE + name],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    printed = json.loads(result.stdout)
    assert printed == extract_article(page(name), BASE + name).as_json()
    # The keys, and their order, are what scripts checking a source read: they do not change.
    assert list(printed) == EXTRACT_JSON_KEYS


def test_content_words_leave_out_links_scripts_and_style_sheets():
    tree = parse_html(
        "<html><body><nav><ul><li><a href=/a>Wirtschaft Politik</a></li><li><a href=/b>Sport</a></li></ul></nav>"
        "<p>Die Stadt baut <a href=/c>ein Werk</a> am Hafen.</p>"
        "<ul><li>Erster <b>Punkt</b></li><li><a href=/d>nur ein Link</a></li></ul>"
        "<script>var x = 'a b c';</script><style>p { color: red }</style></body></html>"
    )
    # "Die Stadt baut", "am Hafen.", "Erster Punkt" and its list item's marker.
    assert content_words(tree) == 3 + 2 + 2 + 2


STORY = (
    "Die Hafengesellschaft baut am Logistikzentrum in Duisburg-Rheinhausen eine dritte Halle, "
    "die im Herbst fertig werden soll und Platz für zweihundert neue Arbeitsplätze bietet. "
)
MENU = "".join(f"<li><a href=/thema/{n}>Thema Nummer {n} der Woche</a></li>" for n in range(60))


def test_default_pass_is_not_run_where_only_links_could_add_words():
    text = (STORY * 2).strip()
    tree = parse_html(f"<html><body><nav><ul>{MENU}</ul></nav><article><p>{text}</p></article></body></html>")
    words = len(text.split())
    assert page_words(tree) >= 2 * words
    assert not default_pass_can_win(tree, text, words)
    # Words outside links, in a block precision mode left out, can double the text.
    more = f"<div class=box><p>{STORY * 3}</p></div>"
    tree = parse_html(f"<html><body><nav><ul>{MENU}</ul></nav><article><p>{text}</p></article>{more}</body></html>")
    assert default_pass_can_win(tree, text, words)


def fast_result(body_html: str) -> tuple:
    """A precision pass's body and its text, as precision_extraction reads them."""
    body = parse_html(f"<html><body>{body_html}</body></html>").find("body")
    return body, body.text_content()


def test_the_comparison_runs_only_where_it_can_replace_the_fast_result():
    long_story = f"<p>{STORY * 12}</p>"
    page = parse_html(f"<html><body><nav><ul>{MENU}</ul></nav><article>{long_story}</article></body></html>")
    # A story's length, in paragraphs: kept as it is.
    assert not comparison_can_win(page, *fast_result(long_story))
    # A fragment where the page's words outside links are twice as many: readability can win.
    fragment = f"<p>{STORY * 2}</p>"
    assert comparison_can_win(page, *fast_result(fragment))
    # A fragment of nearly all the page's words outside links: neither can.
    page = parse_html(f"<html><body><nav><ul>{MENU}</ul></nav><article>{fragment}</article></body></html>")
    assert not comparison_can_win(page, *fast_result(fragment))
    # Structurally deficient (no paragraph text, more tables than paragraphs), shorter than
    # trafilatura's minimum size, or nothing at all: the comparison decides.
    assert comparison_can_win(page, *fast_result(f"<div>{STORY * 12}</div>"))
    tables = "<table><tr><td>1</td></tr></table>" * 2
    assert comparison_can_win(page, *fast_result(f"<p>{STORY * 3}</p>{tables}"))
    assert not comparison_can_win(page, *fast_result(f"<p>{STORY * 3}</p>"))
    assert comparison_can_win(page, *fast_result("<p>Die Halle wird gebaut.</p>"))
    assert comparison_can_win(page, *fast_result(""))


@pytest.mark.parametrize("name", ["de-article-jsonld.html", "de-article-plain.html", "listing.html"])
def test_the_precision_pass_is_trafilatura_s_own(name, monkeypatch):
    """precision_extraction runs trafilatura's steps itself, to extract once whether or not the
    comparison follows: without the comparison, its text is trafilatura's fast precision mode's."""
    import trafilatura

    from crawler.extraction import extract

    tree = parse_html((PAGES / name).read_text(encoding="utf-8"))
    monkeypatch.setattr(extract, "comparison_can_win", lambda *arguments: False)
    expected = trafilatura.bare_extraction(
        tree, url=BASE, favor_precision=True, fast=True, include_comments=False, include_tables=True
    )
    assert precision_extraction(tree, BASE) == (expected.text if expected is not None else None)


# Lines of German text as pages write them: umlauts, ß, typographic quotes and dashes, the euro
# sign, which UTF-8 read as Windows-1252 turns into "Ã¤", "ÃŸ", "â€ž", "â‚¬".
GERMAN_WORDS = ["Geschäftsführer", "Größe", "„Müller“", "5 €", "Straße", "Änderung", "Öl", "Übernahme", "–", "und"]
GERMAN_LINE = st.lists(st.sampled_from(GERMAN_WORDS), min_size=2, max_size=12).map(" ".join)


def mojibake(text: str) -> str:
    return text.encode("utf-8").decode("sloppy-windows-1252")


@given(st.lists(GERMAN_LINE, min_size=1, max_size=6), st.lists(st.booleans(), min_size=6, max_size=6))
def test_mojibake_is_repaired_line_by_line_and_clean_lines_are_kept(lines, garbled):
    import ftfy.bad_codecs  # noqa: F401 - registers the "sloppy" codecs

    page = "\n".join(mojibake(line) if bad else line for line, bad in zip(lines, garbled))
    assert repair_encoding(page) == "\n".join(lines)


def test_a_page_read_in_the_wrong_charset_is_repaired_whole():
    import ftfy.bad_codecs  # noqa: F401

    page = "<html><body>\n<h1>Geschäftsführer „Müller“</h1>\n<p>Größe – 5 €</p>\n</body></html>"
    assert repair_encoding(mojibake(page)) == page
    assert repair_encoding(page) is page


def test_a_page_laid_out_in_tables_is_read_as_blocks():
    """Pages before style sheets: a layout table with the menu in one cell and the story in
    another, paragraphs set with <br> inside <font>; trafilatura alone reads the table as data."""
    story = "<br><br>".join(
        f"Absatz {number}: Die Firma Grotemeyer Fördertechnik hat beim Amtsgericht Bochum Insolvenz beantragt,"
        " 140 Arbeitsplätze stehen auf dem Spiel, und der Betrieb soll zunächst weiterlaufen."
        for number in range(8)
    )
    html = (
        "<html><head><title>Bergbau-Zulieferer meldet Insolvenz an - WAZ</title></head><body>"
        '<table width="770"><tr><td width="150"><font size="1"><a href="/a">Bochum</a><br><a href="/b">Essen</a>'
        '</font></td><td width="470"><table><tr><td><font size="4"><b>Bergbau-Zulieferer meldet Insolvenz an</b>'
        f'</font><br><br><font face="Verdana" size="2">{story}<br><br><i>Klaus Dieckmann</i></font>'
        "</td></tr></table></td></tr></table></body></html>"
    )
    article = extract_article(html, "https://www.waz.de/herne/grotemeyer.html")
    lines = article.text.splitlines()
    assert article.title == "Bergbau-Zulieferer meldet Insolvenz an"
    assert lines[0].startswith("Absatz 0:") and any(line.startswith("Absatz 7:") for line in lines)
    assert "|" not in article.text and "Bochum Essen" not in article.text


def test_a_data_table_stays_a_table():
    rows = "".join(f"<tr><td>Werk {number}</td><td>{100 + number} Beschäftigte</td></tr>" for number in range(5))
    html = (
        f"<html><body><article><h1>Hafen wird erweitert</h1><p>{'Der Rat hat beschlossen. ' * 40}</p>"
        f"<table>{rows}</table></article></body></html>"
    )
    assert "| Werk 1 | 101 Beschäftigte |" in extract_article(html, "https://news.example/a.html").text


def test_default_pass_is_run_on_a_result_its_baseline_would_rescue():
    # Under trafilatura's minimum size, the default pass's baseline reads structured data too:
    # the page's words are the only bound.
    text = "Die Hafengesellschaft baut eine dritte Halle."
    tree = parse_html(f"<html><body><nav><ul>{MENU}</ul></nav><article><p>{text}</p></article></body></html>")
    assert default_pass_can_win(tree, text, len(text.split()))


def test_a_story_that_broken_markup_puts_inside_the_menu_is_still_extracted():
    """An unclosed menu item makes the article part of the <nav> in the parsed tree; the menus
    taken out before trafilatura's passes must not take the story with them."""
    story = "".join(
        f"<p>Die Stadtwerke investieren {n} Millionen Euro in neue Leitungen, sagte der Vorstand am Montag.</p>"
        for n in range(8)
    )
    html = (
        '<html lang="de"><head><title>Stadtwerke investieren</title></head><body>'
        '<nav><ul><li><a href="/">Start</a><div class="sub"><li><a href="/wirtschaft/">Wirtschaft</a>'
        f"<article><h1>Stadtwerke investieren in neue Leitungen</h1>{story}</article>"
        "<footer>Impressum</footer></body></html>"
    )
    article = extract_article(html, "https://news.example/wirtschaft/stadtwerke.html")
    assert article is not None
    assert "Die Stadtwerke investieren 7 Millionen Euro" in article.text


@pytest.mark.parametrize(
    "item",
    [
        '<li><span class="date">1{n}.03.2026</span> <a href="/news/{n}.html">Weitere Meldung Nummer {n} aus der Region</a></li>',
        '<li><a href="/news/{n}.html">Weitere Meldung Nummer {n} aus der Region</a> (1{n}.03.2026)</li>',
    ],
    ids=["day before the link", "day after the link"],
)
def test_a_list_of_other_stories_with_their_days_is_no_part_of_the_story(item):
    """The days beside the links are text outside them, so trafilatura's test of a list's share
    of link text would keep the list; the wire service's credit then closes the story."""
    story = "".join(
        f"<p>Der Generikahersteller investiert {n}0 Millionen Euro in ein neues Werk in Kundl, teilte das Unternehmen"
        " am Montag mit. Die Produktion soll im dritten Quartal beginnen.</p>"
        for n in range(1, 7)
    )
    listed = "".join(item.format(n=n) for n in range(6))
    html = (
        '<html lang="de"><head><title>Werk in Kundl</title></head><body><article><h1>Neues Werk in Kundl</h1>'
        f"{story}<p>Die Anlage soll mit Strom aus Wasserkraft laufen. (red/APA)</p>"
        f'<section class="news-detail__more"><h2>Weitere Meldungen aus der Pharmawirtschaft</h2><ul>{listed}</ul>'
        "</section></article></body></html>"
    )
    article = extract_article(html, "https://news.example/pharma/werk-kundl.html")
    assert "Weitere Meldung Nummer" not in article.text
    assert article.text.endswith("(red/APA)")
    assert article.agencies == ["APA"]
