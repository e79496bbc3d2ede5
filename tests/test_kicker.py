"""The kicker as a field of its own, and where each publication date came from (``date_source``):
extraction on small synthetic pages, then storing, searching, feeds and a crawl that dates a
page by its feed."""

import json
import sqlite3
from dataclasses import replace

import pytest

from archive.indexing.query import search_articles
from archive.storage.store import open_archive, store_article, update_extraction
from crawler.demosite import DemoSiteServer, Page
from crawler.extraction.article import Article
from crawler.extraction.extract import with_listed_date
from tests.conftest import run_cli, write_sources
from tests.test_metadata import STORY, extract, jsonld, page

HEADLINE = "Hafen wird um zwei Terminals erweitert"


@pytest.mark.parametrize(
    "head, header",
    [
        # Marked inside the headline element (RP ONLINE-like "headline-kicker").
        (
            f"<title>{HEADLINE} - RP ONLINE</title>",
            f'<h1><span class="headline-kicker">Strukturwandel</span> <span>{HEADLINE}</span></h1>',
        ),
        # Marked just before it in the header (ZEIT-like "__kicker", ARD-like "__topline").
        ("", f'<header><span class="article-heading__kicker">Strukturwandel</span><h1>{HEADLINE}</h1></header>'),
        ("", f'<div><p class="seitenkopf__topline">Strukturwandel</p><h1>{HEADLINE}</h1></div>'),
        ("", f'<header><div data-block="dachzeile">Strukturwandel:</div><h1>{HEADLINE}</h1></header>'),
        # Austrian templates' "pretitle" (oe24.at, kurier.at, futurezone.at).
        ("", f'<header><h2 class="articlePreTitle">Strukturwandel</h2><h1>{HEADLINE}</h1></header>'),
        # The first line of a two-line heading, the rest confirmed as the headline.
        (jsonld(headline=HEADLINE), f"<h1><small>Strukturwandel</small><br>{HEADLINE}</h1>"),
        # "Kicker: Headline" in the metadata title, the visible headline after the colon, the
        # kicker shown in an element no class marks.
        (
            f'<meta property="og:title" content="Strukturwandel: {HEADLINE} | RP ONLINE">',
            f"<p>Strukturwandel</p><h1>{HEADLINE}</h1>",
        ),
        (
            f"<title>RP ONLINE - Strukturwandel: {HEADLINE}</title>",
            f"<div><span>Strukturwandel</span></div><h1>{HEADLINE}</h1>",
        ),
        # An unmarked first element of the heading (an <h2> where the page has no <h1>), the
        # JSON-LD headline without it, the og:title "Kicker: Headline" (SPIEGEL-like).
        (
            jsonld(headline=HEADLINE) + f'<meta property="og:title" content="Strukturwandel: {HEADLINE}">',
            f'<header><h2><span class="block font-bold">Strukturwandel</span><span>{HEADLINE}</span></h2></header>',
        ),
        # The same with a colon of its own between the two, and the <title> "Kicker: Headline".
        (
            jsonld(headline=HEADLINE) + f"<title>Strukturwandel: {HEADLINE} - Wirtschaft - SZ.de</title>",
            f"<h2><span>Strukturwandel</span><span>:</span> <span>{HEADLINE}</span></h2>",
        ),
        # A first line of its own that every metadata title parts off by a colon (t-online-like).
        (
            jsonld(headline=f"Strukturwandel: {HEADLINE}")
            + f'<meta property="og:title" content="Strukturwandel: {HEADLINE}">',
            f"<h1><div>Strukturwandel</div><div>{HEADLINE}</div></h1>",
        ),
        # The same on the headline's line, in an element of its own (Blick-like "catchword").
        (
            f'<meta property="og:title" content="Strukturwandel: {HEADLINE}">',
            f"<h1><span>Strukturwandel</span> {HEADLINE}</h1>",
        ),
        # The same as the heading's own text before a <br>, the og:title "Kicker: Headline"
        # (Beobachter-like).
        (
            jsonld(headline=HEADLINE) + f'<meta property="og:title" content="Strukturwandel: {HEADLINE}">',
            f"<h1>Strukturwandel<br>{HEADLINE}</h1>",
        ),
    ],
)
def test_the_kicker_is_kept_apart_from_the_headline(head, header):
    article = extract(page(head, header))
    assert (article.kicker, article.title) == ("Strukturwandel", HEADLINE)


@pytest.mark.parametrize(
    "marked, kicker",
    [
        ("27.01.2022", None),
        ("1. Februar 2022", None),
        ("FINTECH20. Juni 2019", "FINTECH"),
        ("Flughafenbetreiber 12:03 Uhr UPDATE", "Flughafenbetreiber"),
        ("Strukturwandel | 21.11.2024", "Strukturwandel"),
        # Numbers that are no date line stay.
        ("2. Bundesliga", "2. Bundesliga"),
        ("Handball-WM 31:28", "Handball-WM 31:28"),
        ("1. FC Köln", "1. FC Köln"),
    ],
)
def test_a_date_line_in_the_kickers_place_is_no_kicker(marked, kicker):
    header = f'<header><span class="article-heading__kicker">{marked}</span><h1>{HEADLINE}</h1></header>'
    assert extract(page("", header)).kicker == kicker


def test_a_source_s_name_before_the_metadata_title_that_opens_the_headline_is_no_kicker():
    head = '<meta property="og:title" content="Hafengesellschaft: Hafengesellschaft baut zwei Terminals">'
    article = extract(page(head, "<h1>Hafengesellschaft baut zwei Terminals</h1>"))
    assert (article.kicker, article.title) == (None, "Hafengesellschaft baut zwei Terminals")


def test_a_marked_dachzeile_may_be_a_whole_line():
    # Regional papers set a sentence over a short headline as its Dachzeile.
    dachzeile = "Handwerksbäckerei aus Kaulsdorf übernimmt sieben Filialen eines insolventen Konkurrenten"
    header = f'<div class="post"><p class="dachzeile">{dachzeile}</p><h1>Backstube wird erweitert</h1></div>'
    article = extract(page("", header))
    assert (article.kicker, article.title) == (dachzeile, "Backstube wird erweitert")


@pytest.mark.parametrize(
    "head, header",
    [
        (f"<title>{HEADLINE} | RP ONLINE</title>", f"<h1>{HEADLINE}</h1>"),
        # The site's name before a colon is no kicker.
        (
            f'<title>RP ONLINE: {HEADLINE}</title><meta property="og:site_name" content="RP ONLINE">',
            f"<h1>{HEADLINE}</h1>",
        ),
        # A sentence above the headline, with its full stop, is a lead, not a topic line.
        (
            "",
            '<header><p class="kicker">Die Stadtwerke investieren rund 140 Millionen Euro in den Ausbau '
            f"des Hafens.</p><h1>{HEADLINE}</h1></header>",
        ),
        # A kicker hidden from readers (kept for screen readers) is not shown, so not kept.
        ("", f'<header><span class="kicker sr-only">Strukturwandel</span><h1>{HEADLINE}</h1></header>'),
        # Without confirmation the label stays part of the headline, and is no kicker.
        ("<title>Nachrichten | RP</title>", f"<h1><span>Tunesien</span> {HEADLINE}</h1>"),
        # A section of the breadcrumb trail before the colon in <title> is the section's.
        (
            f"<title>Pressedienst: {HEADLINE} | Landeshauptstadt Düsseldorf</title>",
            f'<ol class="breadcrumb"><li><a href="/presse/">Pressedienst</a></li></ol><h1>{HEADLINE}</h1>',
        ),
        # A section's name before a dash in og:title, not shown above the headline.
        (f'<meta property="og:title" content="Wirtschaft - {HEADLINE}">', f"<header><h1>{HEADLINE}</h1></header>"),
    ],
)
def test_no_kicker_where_the_page_has_none(head, header):
    assert extract(page(head, header)).kicker is None


def test_a_label_that_writes_its_own_colon_starts_the_headline():
    """ "<b>Editor's Letter:</b> …": the page writes the colon, the label is part of the line."""
    title = f"Editor's Letter: {HEADLINE}"
    head = f'<meta property="og:title" content="{title}"><title>{title}</title>'
    article = extract(page(head, f"<h1><b>Editor's Letter:</b><i> {HEADLINE}</i></h1>"))
    assert (article.title, article.kicker) == (title, None)


def test_the_kicker_in_the_strong_of_an_h2_headline_on_a_page_without_h1():
    """The DuMont papers' story header of 2018: "<h2><strong>Kicker</strong> Headline</h2>", the
    kicker repeated as the breadcrumb trail's last item (so no metadata title can name it)."""
    head = f'<meta property="og:title" content="Strukturwandel: {HEADLINE}">'
    trail = '<ol class="breadcrumb"><li><a href="/">Start</a></li><li><span>Strukturwandel</span></li></ol>'
    header = f"{trail}<header><h2>\n<strong>Strukturwandel</strong>\n{HEADLINE}\n</h2></header>"
    article = extract(page(head, header))
    assert (article.kicker, article.title) == ("Strukturwandel", HEADLINE)


def test_a_button_in_the_heading_is_no_word_of_the_headline():
    share = '<button type="button" class="share-inline"><span aria-hidden="true">↗</span> Artikel teilen</button>'
    article = extract(page(jsonld(headline="Anders formuliert"), f'<h1 class="entry-title">{HEADLINE} {share}</h1>'))
    assert article.title == HEADLINE


def test_a_heading_that_writes_the_colon_before_its_break_is_one_headline():
    """ "Lokremise:<br>Mit allen …": the page writes the colon; the break only sets the line."""
    head = jsonld(headline=HEADLINE) + f'<meta property="og:title" content="Strukturwandel: {HEADLINE}">'
    article = extract(page(head, f"<h1>Strukturwandel:<br>{HEADLINE}</h1>"))
    assert (article.title, article.kicker) == (f"Strukturwandel: {HEADLINE}", None)


def test_a_heading_that_starts_with_a_comment_is_read():
    head = jsonld(headline=HEADLINE) + f'<meta property="og:title" content="Strukturwandel: {HEADLINE}">'
    article = extract(page(head, f"<h1><!-- teaser --><span>Strukturwandel</span><br>{HEADLINE}</h1>"))
    assert article.title == HEADLINE


STRUCTURED = jsonld(headline=HEADLINE, datePublished="2024-11-21T10:00:00+01:00")
META = '<meta property="article:published_time" content="2024-11-21T10:00:00+01:00">'
DATE_LINE = '<p class="date">21.11.2024, 10:00 Uhr</p>'


@pytest.mark.parametrize(
    "head, header, url, source",
    [
        (STRUCTURED, f"<h1>{HEADLINE}</h1>", "https://example.de/hafen.html", "structured data"),
        (META, f"<h1>{HEADLINE}</h1>", "https://example.de/hafen.html", "meta"),
        ("", f"<h1>{HEADLINE}</h1>{DATE_LINE}", "https://example.de/hafen.html", "visible line"),
        # The date line wins over a structured date of another day, and says so.
        (
            jsonld(headline=HEADLINE, datePublished="2024-11-25T10:00:00+01:00"),
            f"<h1>{HEADLINE}</h1><p>Veröffentlicht am 21.11.2024</p>",
            "https://example.de/hafen.html",
            "visible line",
        ),
        ("", f"<h1>{HEADLINE}</h1>", "https://example.de/2024/11/21/hafen.html", "url"),
        ("", f"<h1>{HEADLINE}</h1>", "https://example.de/hafen.html", None),
    ],
)
def test_date_source_names_where_the_date_came_from(head, header, url, source):
    article = extract(page(head, header), url)
    assert article.date_source == source
    assert (article.published is None) == (source is None)


def test_a_listed_date_dates_only_an_undated_page():
    undated = stored_article()
    dated = with_listed_date(undated, "2026-03-02T07:00:00+00:00")
    assert dated == replace(undated, published="2026-03-02T08:00:00+01:00", date_source="feed")
    assert undated.published is None  # the article it was given is left as it was
    own = stored_article(published="2026-03-01", date_source="visible line")
    assert with_listed_date(own, "2026-03-02T07:00:00+00:00") is own
    assert with_listed_date(undated, "not a date") is undated
    assert with_listed_date(undated, None) is undated


def stored_article(**fields) -> Article:
    article = Article(
        url="https://example.de/hafen.html", title=HEADLINE, text="Der Hafen wächst. " * 40, language="de"
    )
    return replace(article, **fields)


def test_kicker_and_date_source_are_stored_and_the_kicker_is_searchable(tmp_path):
    with open_archive(tmp_path / "archive.db") as db:
        store_article(
            db,
            stored_article(kicker="Strukturwandel", published="2024-11-21", date_source="visible line"),
            source="rp",
        )
        row = db.execute("select kicker, title, date_source from articles").fetchone()
        assert row == ("Strukturwandel", HEADLINE, "visible line")
        # The kicker's words are found, with their German forms, though not in title or text.
        for query in ("Strukturwandel", "Strukturwandels", "wandel"):
            assert [hit["title"] for hit in search_articles(db, query)] == [HEADLINE], query


def test_a_stored_date_outlives_an_extraction_that_finds_none(tmp_path):
    with open_archive(tmp_path / "archive.db") as db:
        store_article(db, stored_article(published="2026-03-02T08:00:00+01:00", date_source="feed"), source="rp")
        # Re-extracted from the kept response, without the feed that dated it.
        update_extraction(db, "https://example.de/hafen.html", stored_article(kicker="Neu"))
        # Fetched again from another hub, text edited.
        store_article(db, stored_article(text="Der Hafen wächst weiter. " * 40), source="rp")
        row = db.execute("select published, date_source, kicker from articles").fetchone()
        assert row == ("2026-03-02T08:00:00+01:00", "feed", None)


ARTICLE_PATH = "/meldungen/hafen.html"
LAST_MODIFIED = "Mon, 02 Mar 2026 08:00:00 GMT"
UNDATED = (
    f"<!DOCTYPE html><html lang='de'><head><title>{HEADLINE}</title></head><body><article>"
    f"<h1>{HEADLINE}</h1>"
    + "".join(
        f"<p>Der Düsseldorfer Hafen wird bis 2028 um zwei Containerterminals erweitert, Absatz {n}. "
        "Die Stadtwerke investieren dafür rund 140 Millionen Euro in Kräne und Gleise.</p>"
        for n in range(6)
    )
    + "</article></body></html>"
)


def test_a_page_without_a_date_is_dated_by_the_feed_that_lists_it(tmp_path):
    db_path = tmp_path / "archive.db"
    with DemoSiteServer(
        host="127.0.0.9", pages={ARTICLE_PATH: Page(UNDATED.encode(), "text/html", LAST_MODIFIED)}
    ) as site:
        feed = (
            '<?xml version="1.0"?><rss version="2.0"><channel><title>Meldungen</title><item>'
            f"<title>{HEADLINE}</title><link>{site.base_url}{ARTICLE_PATH}</link>"
            "<pubDate>Mon, 02 Mar 2026 08:00:00 +0100</pubDate></item></channel></rss>"
        )
        site.pages["/feed.xml"] = Page(feed.encode(), "application/rss+xml", LAST_MODIFIED)
        sources = write_sources(
            tmp_path / "sources.yml",
            {"sources": [{"id": "meldungen", "feeds": [f"{site.base_url}/feed.xml"], "download_delay": 0}]},
        )
        for _run in range(2):
            result = run_cli("crawl", "--sources", sources, "--db", db_path, "--json")
            assert json.loads(result.stdout)["runs"][0]["errors"] == 0
    with sqlite3.connect(db_path) as connection:
        row = connection.execute("select published, date_source from articles").fetchone()
    assert row == ("2026-03-02T08:00:00+01:00", "feed")


@pytest.mark.parametrize(
    "head, header, kicker",
    [
        (jsonld(headline=HEADLINE), f'<h1><span class="plus-badge">AZ+</span> {HEADLINE}</h1>', None),
        ("", f'<h1><span class="icon">SPIEGEL+</span>{HEADLINE}</h1>', None),
        (f"<title>{HEADLINE} | FAZ</title>", f"<h1><span>F+</span> {HEADLINE}</h1>", None),
        (
            "",
            f'<header><div class="article-header_kicker"><span>SZ Plus</span> Strukturwandel</div><h1>{HEADLINE}</h1></header>',
            "Strukturwandel",
        ),
        # A "+" icon inside the kicker, named for screen readers only (the Madsack papers).
        (
            "",
            '<header><span class="ArticleKicker"><span class="PlusIcon" aria-label="LVZ+">+</span>Warnstreik</span>'
            f"<h1>{HEADLINE}</h1></header>",
            "Warnstreik",
        ),
        # An icon's drawing with a title for screen readers (ZEIT ONLINE's Z+).
        (
            "",
            '<header><span class="article-heading__kicker"><svg aria-label="Exklusiv für Abonnenten"><title>Z+ '
            f"(abopflichtiger Inhalt)</title></svg>Strukturwandel</span><h1>{HEADLINE}</h1></header>",
            "Strukturwandel",
        ),
        # A kicker that ends in "+" as a word does is no badge.
        ("", f'<header><span class="article__kicker">C++</span><h1>{HEADLINE}</h1></header>', "C++"),
    ],
)
def test_a_subscription_badge_is_neither_kicker_nor_headline(head, header, kicker):
    article = extract(page(head, header))
    assert (article.title, article.kicker) == (HEADLINE, kicker)


def test_the_kicker_beside_a_headline_the_breadcrumb_trail_repeats():
    """The trail's last item an <h1> with the headline (WELT sets its trail so): the story's
    header repeats it, with its kicker."""
    header = (
        '<nav class="c-breadcrumb"><a href="/wirtschaft/">Wirtschaft</a>'
        f'<h1 class="c-breadcrumb__title">{HEADLINE}</h1></nav>'
        f'<header><div class="article-kicker">Strukturwandel</div><h2>{HEADLINE}</h2></header>'
    )
    article = extract(page("", header))
    assert (article.title, article.kicker) == (HEADLINE, "Strukturwandel")


def test_the_trail_s_section_before_a_title_s_colon_is_no_kicker_in_a_path_block_too():
    # An older template's "Sie sind hier" path, the section before the colon of every title.
    head = f"<title>EQS-News: {HEADLINE} | Rohstoff-Welt.de</title>"
    header = (
        '<div class="pfad"><a href="/">Startseite</a> &gt; <a href="/news/">News</a> &gt; '
        f'<a href="/news/?kat=eqs">EQS-News</a></div><h1>{HEADLINE}</h1>'
    )
    assert extract(page(head, header)).kicker is None


def test_the_site_s_name_before_a_title_s_colon_is_no_kicker():
    head = f"<title>IHK Düsseldorf: {HEADLINE}</title>"
    article = extract(page(head, f"<h1>{HEADLINE}</h1>"), url="https://www.duesseldorf.ihk.de/presse/hafen-1234")
    assert article.kicker is None


def test_the_site_s_name_with_a_linking_word_before_a_title_s_colon_is_no_kicker():
    head = f"<title>IHK zu Dortmund: {HEADLINE}</title>"
    article = extract(page(head, f"<h1>{HEADLINE}</h1>"), url="http://www.dortmund.ihk24.de/presse/1047")
    assert article.kicker is None


@pytest.mark.parametrize("topline", ["vor 2 Std.", "Gestern, 18:30 Uhr", "heute, 09:15"])
def test_a_topline_that_says_how_long_ago_is_no_kicker(topline):
    html = (
        "<html><head><title>Porzellanmanufaktur holt Produktion zurück</title></head><body><article>"
        f'<div class="article__topline"><time datetime="2026-11-09T10:24:00+01:00">{topline}</time></div>'
        "<h1>Porzellanmanufaktur holt Produktion zurück</h1>"
        + "<p>Die Manufaktur verlagert ihre Fertigung zurück nach Oberfranken, teilte sie mit. </p>" * 6
        + "</article></body></html>"
    )
    assert extract(html, "https://www.example.de/wirtschaft/porzellan.html").kicker is None


@pytest.mark.parametrize("separator", [" · ", " | ", " "])
def test_how_long_ago_after_the_topic_in_a_topline_is_cut_off_as_a_date_is(separator):
    html = (
        "<html><head><title>Porzellanmanufaktur holt Produktion zurück</title></head><body><article>"
        f'<div class="article__topline">Industrie{separator}<time datetime="2026-11-09T10:24:00+01:00">'
        "vor 3 Stunden</time></div>"
        "<h1>Porzellanmanufaktur holt Produktion zurück</h1>"
        + "<p>Die Manufaktur verlagert ihre Fertigung zurück nach Oberfranken, teilte sie mit. </p>" * 6
        + "</article></body></html>"
    )
    assert extract(html, "https://www.example.de/wirtschaft/porzellan.html").kicker == "Industrie"


@pytest.mark.parametrize("site", ["Die Achse des Guten", "Pharmazeutische Zeitung online"])
def test_the_site_s_name_its_footer_claims_the_copyright_for_is_no_kicker(site):
    # Older pages title every story "Site: Headline" and name the site nowhere else.
    headline = "Das Autohaus, die Abwrackprämie und der Herbst"
    story = "<p>Das Autohaus in der Vorstadt hat im Herbst so wenig verkauft wie nie zuvor. </p>" * 6
    html = f'<html><head><title>{site}: {headline}</title></head><body><div id="logo">{site}</div><h1>{headline}</h1>{story}'
    assert extract(html + "</body></html>", "https://www.example.com/a/1").kicker == site
    footer = f'<div id="footer">© 2009 {site} | <a href="/impressum/">Impressum</a></div>'
    assert extract(html + footer + "</body></html>", "https://www.example.com/a/1").kicker is None


def test_a_kicker_only_the_metadata_title_holds_is_none_the_page_shows():
    # Social titles lead with a hook the page itself does not print (blue News, sites that write
    # og:title for sharing): no kicker a reader sees.
    headline = "Münsteraner Modehaus beantragt Insolvenz"
    story = "<p>Das Modehaus aus Münster hat beim Amtsgericht Insolvenz in Eigenverwaltung beantragt. </p>" * 6
    head = f'<meta property="og:title" content="Handel in der Krise: {headline}">'
    html = f"<html><head>{head}</head><body><h1>{headline}</h1>{story}</body></html>"
    assert extract(html, "https://www.example.ch/news/1.html").kicker is None
    shown = html.replace("<h1>", '<p class="intro">Handel in der Krise</p><h1>')
    assert extract(shown, "https://www.example.ch/news/1.html").kicker == "Handel in der Krise"
    # Printed elsewhere only: in the menu, a sentence of the lead, a category link at the end.
    elsewhere = html.replace("<h1>", '<nav><a href="/handel/">Handel in der Krise</a></nav><h1>').replace(
        "</body>", '<p>Mehr zum Thema <a href="/handel/">Handel in der Krise</a></p></body>'
    )
    elsewhere = elsewhere.replace(f"{headline}</h1>", f"{headline}</h1><p>Wir berichten über Handel in der Krise.</p>")
    assert extract(elsewhere, "https://www.example.ch/news/1.html").kicker is None


def test_a_byline_leading_the_title_is_no_kicker():
    # Older titles of some papers lead with the byline: "Von …: Headline - Section - Site".
    headline = "Zulieferer zieht nach Teltow"
    story = "<p>Der Zulieferer verlegt seine Fertigung in das Gewerbegebiet an der Autobahn. </p>" * 6
    head = f"<title>Von Katrin Albers und Marco Lehnert: {headline} - Wirtschaft - pnn.de</title>"
    byline = '<p class="author">Von Katrin Albers und Marco Lehnert</p>'
    html = f"<html><head>{head}</head><body><h1>{headline}</h1>{byline}{story}</body></html>"
    assert extract(html, "https://www.pnn.de/wirtschaft/123.html").kicker is None


def test_a_topline_of_category_links_is_no_kicker():
    header = (
        '<div class="entry-topline"><span class="entry-categories"><a href="/alsfeld">Alsfeld</a>'
        '<a href="/politik">Politik</a><a href="/wirtschaft">Wirtschaft</a></span>'
        '<a class="entry-comment-count" href="#comments">4</a></div>'
        f'<header class="entry-header"><h1 class="entry-title">{HEADLINE}</h1></header>'
    )
    assert extract(page("", header)).kicker is None


def test_a_subline_right_before_the_headline_is_its_kicker_and_one_after_it_is_none():
    before = f'<div class="headline"><span class="subline">Neuheit zur Messe</span><h1>{HEADLINE}</h1></div>'
    assert extract(page("", before)).kicker == "Neuheit zur Messe"
    after = f'<div class="headline"><h1>{HEADLINE}</h1><span class="subline">Neuheit zur Messe</span></div>'
    assert extract(page("", after)).kicker is None


def test_a_subtitle_right_before_the_headline_is_its_kicker_unless_it_holds_the_date_line():
    # A WordPress news theme's subtitle field over the <h1>, filled with the place.
    header = f'<header class="entry-header"><p class="entry-subtitle">Rendsburg</p><h1 class="entry-title">{HEADLINE}</h1></header>'
    assert extract(page("", header)).kicker == "Rendsburg"
    # The content type and the day in a <time> set there: a meta line.
    meta = (
        '<div class="ep_subtitle"><span>Pressemitteilung</span> <span>Plenartagung</span> '
        '<time datetime="2026-07-08T12:41:00">08-07-2026 - 12:41</time></div>'
    )
    assert extract(page("", f"<header>{meta}<h1>{HEADLINE}</h1></header>")).kicker is None


@pytest.mark.parametrize(
    "marked",
    [
        # A compound kicker class written with a separator (a federal portal's "pre-title").
        '<p class="text-dimmed pre-title">Finanzierung</p>',
        '<div class="article-top_line">Finanzierung</div>',
        # A "subheadline" or "subheader" right before the headline.
        '<p class="subheadline">Finanzierung</p>',
        '<p class="news-subheader">Finanzierung</p>',
        # A "subhead" alone (the Vogel trade magazines' "inf-subhead", BNN's "subhead").
        '<div class="inf-subhead">Finanzierung</div>',
        '<h3 class="subhead">Finanzierung</h3>',
        # French-language CMSs' "surtitre" on German pages of border-region media.
        '<p class="article__surtitle">Finanzierung</p>',
        '<span class="surtitre">Finanzierung</span>',
    ],
)
def test_a_kicker_class_with_a_separator_or_a_subheadline_before_the_headline(marked):
    assert extract(page("", f"<div>{marked}<h1>{HEADLINE}</h1></div>")).kicker == "Finanzierung"


def test_an_eyebrow_linking_to_a_section_of_the_menu_is_no_kicker_but_a_topic_page_s_link_is():
    menu = '<header class="site"><ul><li><a href="/de/branchen/">Branchen</a></li><li><a href="/de/insights/">Insights</a></li></ul></header>'

    def story(eyebrow: str, trail: str = "") -> str:
        return (
            f'<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"></head><body>{menu}{trail}<article>'
            f'<p class="article-header__eyebrow">{eyebrow}</p><h1>{HEADLINE}</h1>'
            + "".join(f"<p>{STORY}</p>" for _ in range(3))
            + "</article></body></html>"
        )

    assert extract(story('<a href="/de/insights/">Insights</a>')).kicker is None
    # A dossier's page, the breadcrumb's last item: the story's topic.
    trail = (
        '<nav class="breadcrumb"><a href="/dossiers/">Dossiers</a> / <a href="/dossiers/gas/">Gasgeschäfte</a></nav>'
    )
    assert extract(story('<a href="/dossiers/gas/">Gasgeschäfte</a>', trail)).kicker == "Gasgeschäfte"


def test_a_page_builder_s_kicker_widget_before_the_headline_s_is_its_kicker():
    # Elementor sets each widget in two wrappers of its own: the kicker's and the headline's are
    # siblings three levels up from the <h1>.
    def widget(inner: str) -> str:
        return f'<div class="elementor-element elementor-widget"><div class="elementor-widget-container">{inner}</div></div>'

    header = (
        '<div class="elementor-widget-wrap">'
        + widget(
            '<nav class="rank-math-breadcrumb"><a href="/">Startseite</a> » <a href="/stadtleben/">Stadtleben</a></nav>'
        )
        + widget('<p class="elementor-heading-title hbg-dachzeile">Neueröffnung in Rheydt</p>')
        + widget(f'<h1 class="elementor-heading-title">{HEADLINE}</h1>')
        + "</div>"
    )
    assert extract(page("", header)).kicker == "Neueröffnung in Rheydt"


@pytest.mark.parametrize(
    "label",
    [
        '<span class="artikel-datum">Pressemitteilung vom 04.02.2026</span>',
        '<span class="kicker">Meldung vom 4. Februar 2026</span>',
        '<span class="topline">Stand: 04.02.2026</span> ',
    ],
)
def test_the_label_of_a_date_set_in_the_heading_is_no_kicker(label):
    # A chamber's press release prints its date in the heading, before the headline.
    assert extract(page("", f'<h1 class="artikel-titel">{label}{HEADLINE}</h1>')).kicker is None


def test_a_title_s_label_the_page_prints_only_as_the_byline_s_is_no_kicker():
    head = f'<meta property="og:title" content="Gastbeitrag: {HEADLINE}">'
    for byline in ("<p>Gastbeitrag von Florian Haas</p>", "<p><span>Gastbeitrag von</span> <b>Florian Haas</b></p>"):
        article = extract(page(head, f"<h1>{HEADLINE}</h1>" + byline))
        assert (article.kicker, article.authors) == (None, ["Florian Haas"])
    # Shown as a label of its own by the headline, it is the kicker.
    article = extract(page(head, f"<p>Gastbeitrag</p><h1>{HEADLINE}</h1><p>Von Florian Haas</p>"))
    assert article.kicker == "Gastbeitrag"


def test_the_kicker_s_own_element_inside_a_marked_line_beside_a_badge():
    header = (
        '<div class="article__overline"><span class="badge badge--live">Ticker</span> '
        f'<span class="article__kicker">Zollhammer</span></div><h1>{HEADLINE}</h1>'
    )
    assert extract(page(header=header)).kicker == "Zollhammer"
    # A marked separator inside the marked line is no kicker of its own.
    header = f'<p class="entry-kicker">LOKALFUNK <span class="entry-kicker__sep">|</span></p><h1>{HEADLINE}</h1>'
    assert extract(page(header=header)).kicker == "LOKALFUNK"
    # A badge beside the kicker's own words, in no element of their own.
    header = f'<p class="article-header__kicker"><span class="live-badge">Live</span> Liveticker</p><h1>{HEADLINE}</h1>'
    assert extract(page(header=header)).kicker == "Liveticker"
