"""News metadata rules (headline, dates, authors, language, lead) on small synthetic pages."""

import json
import re
from datetime import datetime
from pathlib import Path

import lxml.html
import pytest
from htmldate import find_date
from hypothesis import given
from hypothesis import strategies as st

from archive.storage.store import open_archive, store_article
from crawler.extraction.article import Article
from crawler.extraction.extract import extract_article, parse_html
from crawler.extraction.bylines import FORM_FIELD, _byline_text, article_authors, byline_elements, split_names
from crawler.extraction.dates import BERLIN, _headline_date, _press_datelines, article_dates, shown_date
from crawler.extraction.language import _sure_cld2_language, detect_language, language_identifier
from crawler.extraction.headline import strip_site_name
from crawler.extraction.page import dated_entries, dated_lists, is_dated_list, text_near_headline

URL = "https://rp-online.de/nrw/staedte/duesseldorf/wirtschaft/hafen-erweitert_aid-1234.html"
STORY = (
    "Der Düsseldorfer Hafen wird bis zum Jahr 2028 um zwei neue Containerterminals erweitert. "
    "Die Stadtwerke investieren dafür rund 140 Millionen Euro, wie der Aufsichtsrat am Montag "
    "beschloss. Die Arbeiten sollen im Frühjahr beginnen und den Güterverkehr auf der Schiene "
    "deutlich stärken. Mehrere Logistikunternehmen haben bereits Interesse an den Flächen "
    "angemeldet, teilte die Hafengesellschaft mit. Anwohner fürchten mehr Lärm in der Nacht. "
)


def page(
    head: str = "", header: str = "", body: str = "", lang: str = "de", paragraphs: int = 4, closing: str = ""
) -> str:
    """An article page: ``head`` extras, ``header`` above the text, ``STORY`` paragraphs."""
    text = "".join(f"<p>{STORY}</p>" for _ in range(paragraphs))
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">{head}</head><body>'
        f'<nav><a href="/">Start</a> <a href="/wirtschaft/">Wirtschaft</a></nav>'
        f"<article>{header}{body or text}{closing}</article>"
        f"<footer>Impressum · Datenschutz</footer></body></html>"
    )


def jsonld(**fields) -> str:
    return (
        '<script type="application/ld+json">'
        + json.dumps({"@context": "https://schema.org", "@type": "NewsArticle", **fields})
        + "</script>"
    )


def extract(html: str, url: str = URL) -> Article:
    article = extract_article(html, url)
    assert article is not None
    return article


# Headline


def test_a_title_parting_off_another_kicker_names_the_headline_after_the_page_s_kicker():
    # An SEO title with the firm before the colon, the page's kicker the topic, no other metadata.
    head = "<title>Castellan Pharma: 85 Millionen Euro für neue Wirkstofflinie in Dormagen</title>"
    header = (
        '<h1><span class="subhead">Pharmaproduktion</span> '
        '<span class="headline-1">85 Millionen Euro für neue Wirkstofflinie in Dormagen</span></h1>'
    )
    article = extract(page(head, header))
    assert (article.title, article.kicker) == (
        "85 Millionen Euro für neue Wirkstofflinie in Dormagen",
        "Pharmaproduktion",
    )


@pytest.mark.parametrize(
    "opening",
    [
        '<span class="artikel-datum">Pressemitteilung vom 04.02.2026</span>',
        '<time datetime="2026-02-04">04.02.2026</time> ',
    ],
)
def test_a_date_opening_the_heading_in_its_own_element_is_no_part_of_the_headline(opening):
    head = "<title>Handwerkskammer Aachen - Neuer Meister für eine alte Werkstatt</title>"
    header = f"<h1>{opening}Neuer Meister für eine alte Werkstatt</h1>"
    assert extract(page(head, header)).title == "Neuer Meister für eine alte Werkstatt"


@pytest.mark.parametrize(
    "seo_title",
    [
        "Hafen wird um zwei Terminals erweitert | Rheinische Post",
        "Hafen wird um zwei Terminals erweitert - WELT",
        "Hafen wird um zwei Terminals erweitert – DW – 28.04.2023",
        "Rheinische Post: Wirtschaft | Hafen wird um zwei Terminals erweitert",
    ],
)
def test_title_drops_the_site_name(seo_title):
    head = (
        f'<title>{seo_title}</title><meta property="og:title" content="{seo_title}">'
        '<meta property="og:site_name" content="Rheinische Post">'
    )
    assert extract(page(head)).title == "Hafen wird um zwei Terminals erweitert"


def test_title_is_the_h1_without_its_kicker():
    head = "<title>Düsseldorf: Hafen wird erweitert | RP ONLINE</title>"
    header = (
        '<h1><span class="headline-kicker">Düsseldorf</span>'
        '<span class="headline-title">Hafen wird um zwei Terminals erweitert</span></h1>'
    )
    assert extract(page(head, header)).title == "Hafen wird um zwei Terminals erweitert"


def test_an_unmarked_label_before_the_headline_is_dropped_when_the_metadata_says_so():
    head = '<meta property="og:title" content="Große Aufgaben für die neue Regierung">'
    header = "<h1><span>Tunesien</span> Große Aufgaben für die neue Regierung</h1>"
    assert extract(page(head, header)).title == "Große Aufgaben für die neue Regierung"
    # A title that parts it off by a colon names it the kicker, beside the headline or above it
    # (Blick's "catchword" span; the metadata's "Kicker: Headline" of t-online and ZEIT ONLINE).
    for title in (
        "Tunesien: Große Aufgaben für die neue Regierung",
        "Tunesien: Große Aufgaben für die neue Regierung | RP",
    ):
        for header in (
            "<h1><span>Tunesien</span> Große Aufgaben für die neue Regierung</h1>",
            '<h1><span class="catchword">Tunesien</span> <span>Große Aufgaben für die neue Regierung</span></h1>',
            "<h1><span>Tunesien</span><br>Große Aufgaben für die neue Regierung</h1>",
        ):
            article = extract(page(f"<title>{title}</title>", header))
            assert (article.kicker, article.title) == ("Tunesien", "Große Aufgaben für die neue Regierung")
    # Without either, the whole heading stays.
    header = "<h1><span>Tunesien</span> Große Aufgaben für die neue Regierung</h1>"
    assert (
        extract(page("<title>Nachrichten | RP</title>", header)).title
        == "Tunesien Große Aufgaben für die neue Regierung"
    )


def test_a_section_h1_is_not_taken_for_the_headline():
    head = "<title>Hafen wird um zwei Terminals erweitert - Stadtwerke Düsseldorf</title>"
    header = "<h1>Pressemitteilungen</h1>"
    url = "https://www.swd-ag.de/presse/hafen.html"
    assert extract(page(head, header), url).title == "Hafen wird um zwei Terminals erweitert"


@pytest.mark.parametrize(
    "seo_title",
    [
        "Bürgermeister: Hafen wird um zwei Terminals erweitert",  # a kicker before the headline
        "Hafen wird um zwei Terminals erweitert - Wirtschaftsnachrichten vom Niederrhein",  # a slogan
        "Hafen wird um zwei Terminals erweitert : Hafenblog",  # WordPress's " : "
        "Hafen wird um zwei Terminals erweitert – jetzt alle Infos",  # SEO words after the headline
    ],
)
def test_the_h1_wins_when_the_metadata_title_only_adds_to_it(seo_title):
    head = f"<title>{seo_title}</title>"
    header = "<h1>Hafen wird um zwei Terminals erweitert</h1>"
    assert extract(page(head, header)).title == "Hafen wird um zwei Terminals erweitert"


@pytest.mark.parametrize(
    "seo_title, headline",
    [
        # A review's title: the film's year after its name, the page type after the pipe.
        ("Salzwiesen (2025) | Film, Trailer, Kritik", "Salzwiesen"),
        ("Das Land, das bleibt (2025) | Kritik | Kinomagazin", "Das Land, das bleibt"),
        # The media a story adds, in brackets.
        ("Rheinbrücke gesperrt (mit Video) | Lokalportal", "Rheinbrücke gesperrt"),
    ],
)
def test_the_h1_wins_over_a_title_that_adds_a_note_in_brackets(seo_title, headline):
    assert extract(page(f"<title>{seo_title}</title>", f"<h1>{headline}</h1>")).title == headline


def test_a_kicker_on_its_own_line_or_after_a_separator_is_not_the_headline():
    head = jsonld(headline="Hafen wird um zwei Terminals erweitert")
    for header in (
        "<h1><small>Wirtschaft</small><br>Hafen wird um zwei Terminals erweitert</h1>",
        '<h1>"Zukunft sichern" / Hafen wird um zwei Terminals erweitert</h1>',
    ):
        assert extract(page(head, header)).title == "Hafen wird um zwei Terminals erweitert"


def test_the_site_s_name_before_a_colon_is_no_part_of_the_headline():
    # Blogger titles each post "Blog name: Post title"; its layout sets the blog's name in an
    # <h1> of the page's header, the day in an <h2>, the post's title in an <h3>.
    def blog_page(title: str) -> str:
        story = "".join(f"<p>{STORY}</p>" for _ in range(4))
        return (
            f'<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>{title}</title></head><body>'
            "<div class='header'><h1 class='title'><a href='/'>Ruhr-Wirtschaftsticker</a></h1></div>"
            "<div class='main'><h2 class='date-header'>Mittwoch, 27. Januar 2010</h2><div class='post hentry'>"
            "<h3 class='post-title entry-title'><a href='/2010/01/hafen.html'>Hafen wird um zwei Terminals "
            f"erweitert</a></h3><div class='post-body entry-content'>{story}</div></div></div>"
            "<div class='sidebar'><h2 class='title'>Über diesen Blog</h2><p>Nachrichten aus dem Revier.</p></div>"
            "</body></html>"
        )

    url = "http://ruhr-wirtschaftsticker.blogspot.com/2010/01/hafen.html"
    article = extract(blog_page("Ruhr-Wirtschaftsticker: Hafen wird um zwei Terminals erweitert"), url)
    assert (article.title, article.kicker) == ("Hafen wird um zwei Terminals erweitert", None)


def test_hidden_headings_and_screen_reader_labels_are_not_the_title():
    head = '<meta property="og:title" content="Hafen wird um zwei Terminals erweitert">'
    header = (
        '<h1 class="visuallyhidden">Hafen wird um zwei Terminals erweitert | RP ONLINE</h1>'
        '<h1><span class="sr-only">Überschrift:</span> Hafen wird um zwei Terminals erweitert</h1>'
    )
    assert extract(page(head, header)).title == "Hafen wird um zwei Terminals erweitert"


@pytest.mark.parametrize(
    "headline_class", ["stage-headline", "article-headline", "c-article__title", "articleHeadline"]
)
def test_a_headline_part_is_kept_whatever_words_its_class_contains(headline_class):
    # Kicker classes are matched as words of the class: "stage" holds "tag", but is no tag.
    head = jsonld(headline="Hafen wird um zwei Terminals erweitert")
    header = (
        f'<h1><span class="c-article__kicker">Düsseldorf</span>'
        f'<span class="{headline_class}">Hafen wird um zwei Terminals erweitert</span></h1>'
    )
    assert extract(page(head, header)).title == "Hafen wird um zwei Terminals erweitert"


@pytest.mark.parametrize(
    "element",
    [
        '<div class="stage-headline">{}</div>',
        '<p class="c-article__title">{}</p>',
        '<div itemprop="headline">{}</div>',
        '<h2 class="entry-title">{}</h2>',
    ],
)
def test_a_marked_headline_element_under_a_section_h1_is_the_headline(element):
    # The metadata title adds a section and a slogan the page does not show as the headline.
    head = "<title>Hafen wird um zwei Terminals erweitert · Wirtschaft · Neues aus dem Rathaus</title>"
    header = "<h1>Aktuelles</h1>" + element.format("Hafen wird um zwei Terminals erweitert")
    assert extract(page(head, header)).title == "Hafen wird um zwei Terminals erweitert"
    # A teaser of another story in a marked element is not taken.
    header = "<h1>Aktuelles</h1>" + element.format("Neuer Radweg am Rhein eröffnet")
    assert extract(page(head, header)).title != "Neuer Radweg am Rhein eröffnet"


@pytest.mark.parametrize("meta_title", ["Hafen-Ausbau | Stadtmagazin", "Stadtmagazin"])
def test_a_page_without_h1_takes_the_one_text_it_marks_as_headline(meta_title):
    # An SEO title or the site's name in the metadata; the page marks its headline (twice:
    # in the header and in a sticky bar) in elements that are no <h1>.
    head = f'<title>{meta_title}</title><meta property="og:site_name" content="Stadtmagazin">'
    headline = '<div class="article-headline">Hafen wird um zwei Terminals erweitert</div>'
    assert extract(page(head, headline + headline)).title == "Hafen wird um zwei Terminals erweitert"
    # Two different marked texts (a teaser's title beside the story's) decide nothing.
    other = '<div class="article-title">Neuer Radweg am Rhein eröffnet</div>'
    assert extract(page(head, headline + other)).title != "Neuer Radweg am Rhein eröffnet"


@pytest.mark.parametrize("section_class", ["title-label", "category-title", "rubrik-title", "tag-title"])
def test_a_section_s_name_in_a_title_classed_element_is_no_second_headline(section_class):
    # Section and topic labels are classed "…-title" too; they do not make the marked headline
    # one of two different texts.
    head = '<title>Hafen-Ausbau | Stadtmagazin</title><meta property="og:site_name" content="Stadtmagazin">'
    header = (
        f'<span class="{section_class}">Regionale Wirtschaft</span>'
        '<div class="article-headline">Hafen wird um zwei Terminals erweitert</div>'
    )
    assert extract(page(head, header)).title == "Hafen wird um zwei Terminals erweitert"


def test_the_story_s_h1_wins_over_an_seo_title_that_words_the_story_otherwise():
    head = (
        '<meta property="og:title" content="Neue Terminals im Hafen Düsseldorf – alle Infos">'
        "<title>Neue Terminals im Hafen Düsseldorf – alle Infos | Rheinische Post</title>"
    )
    # page() sets the header inside the <article>.
    assert extract(page(head, HEADLINE)).title == "Hafen wird um zwei Terminals erweitert"
    # An <h1> outside the story and unmarked (a section's, a site's) leaves the metadata title.
    html = page(head).replace("<article>", "<h1>Nachrichten aus der Region</h1><article>")
    assert extract(html).title == "Neue Terminals im Hafen Düsseldorf"
    # Nor does the site's slogan in a "site-title" <h1>.
    html = page(head).replace("<article>", '<main><h1 class="site-title">Dein Magazin für Düsseldorf</h1><article>')
    assert extract(html).title == "Neue Terminals im Hafen Düsseldorf"


def test_the_only_bare_h1_sharing_a_word_of_the_story_wins_over_an_seo_title():
    head = (
        '<meta property="og:title" content="Feinkost zieht von der City nach Beuel">'
        "<title>Stadtmagazin: Stadtgespräche</title>"
    )
    headline = "<h1>Feinkost „Kessel &amp; Korn“ verlässt die Sternstraße</h1>"
    html = page(head).replace("<article>", f'<div class="news-single-item">{headline}').replace("</article>", "</div>")
    assert extract(html).title == "Feinkost „Kessel & Korn“ verlässt die Sternstraße"
    # A bare <h1> that shares no word of the story with the title may be a section's.
    html = html.replace("Feinkost „Kessel &amp; Korn“ verlässt", "Neues aus der Bonner Innenstadt und")
    assert extract(html).title == "Feinkost zieht von der City nach Beuel"


def test_an_h1_in_the_breadcrumb_trail_gives_way_to_the_marked_headline_that_goes_on():
    head = "<title>Hafen wird erweitert | Stadtmagazin</title>"
    trail = '<ol class="breadcrumb"><li><a href="/">Start</a></li><li><h1>Hafen wird erweitert</h1></li></ol>'
    headline = '<h2 class="article-headline">Hafen wird erweitert: zwei neue Terminals bis 2028</h2>'
    html = page(head, headline).replace("<article>", trail + "<article>")
    assert extract(html).title == "Hafen wird erweitert: zwei neue Terminals bis 2028"
    # The trail's <h1> is the headline where the page marks no other (the DuMont papers).
    html = page(head).replace("<article>", trail + "<article>")
    assert extract(html).title == "Hafen wird erweitert"


def test_a_heading_s_lines_set_apart_by_inline_styles_are_lines():
    # archive.today keeps a page's layout as inline styles, its classes gone.
    head = "<title>Stellenabbau: Pumpenhersteller schließt Werk in Hagen - Stuttgarter Nachrichten</title>"
    header = (
        '<h1><span style="display:block;font-size:14px">Stellenabbau</span>'
        '<span style="display: block;font-size:28px">Pumpenhersteller schließt Werk in Hagen</span></h1>'
    )
    article = extract(page(head, header))
    assert (article.title, article.kicker) == ("Pumpenhersteller schließt Werk in Hagen", "Stellenabbau")


def test_soft_hyphens_are_removed_from_the_title():
    header = "<h1>Er\u00adwei\u00adte\u00adrung des Ha\u00adfens</h1>"
    head = "<title>Erweiterung des Hafens | Stadt Düsseldorf</title>"
    assert extract(page(head, header)).title == "Erweiterung des Hafens"


@pytest.mark.parametrize("meta_title", ["Home", "Startseite", "Rheinische Post"])
def test_the_h1_wins_over_a_title_that_only_names_the_site(meta_title):
    head = f'<title>{meta_title}</title><meta property="og:site_name" content="Rheinische Post">'
    header = "<h1>Hafen wird um zwei Terminals erweitert</h1>"
    assert extract(page(head, header)).title == "Hafen wird um zwei Terminals erweitert"


def test_style_sheets_inside_the_h1_are_not_the_title():
    head = (
        '<title>Hafen wird um zwei Terminals erweitert</title><meta property="og:title" content="Medienmitteilungen">'
    )
    header = (
        "<h1><style>.css-umyvef{font-size:16px;display:block;}</style>"
        '<span class="css-umyvef">Medienmitteilung der Stadtwerke</span>'
        "Hafen wird um zwei Terminals erweitert</h1>"
    )
    assert extract(page(head, header)).title == "Hafen wird um zwei Terminals erweitert"


@pytest.mark.parametrize(
    "unseen",
    [
        "<script>track('h1')</script>",
        "<noscript>Bitte JavaScript aktivieren</noscript>",
        "<template>Vorlage</template>",
    ],
)
def test_what_no_reader_sees_inside_headline_and_kicker_is_left_out(unseen):
    header = f'<h1><span class="kicker">Logistik{unseen}</span> Hafen wird um zwei Terminals{unseen} erweitert</h1>'
    for head in ("", "<title>Logistik: Hafen wird um zwei Terminals erweitert | Hafenblick</title>"):
        article = extract(page(head, header))
        assert (article.kicker, article.title) == ("Logistik", "Hafen wird um zwei Terminals erweitert")


def test_a_hidden_separator_in_the_h1_keeps_the_words_apart():
    head = "<title>Stadtwerke – Hafen wird um zwei Terminals erweitert</title>"
    header = (
        '<h1><span>Stadtwerke</span><span aria-hidden="true"> – </span>'
        "<span>Hafen wird um zwei Terminals erweitert</span></h1>"
    )
    assert "StadtwerkeHafen" not in extract(page(head, header)).title


@pytest.mark.parametrize(
    "separator",
    [
        '<span aria-hidden="true"> – </span>',
        '<span class="sr-only">:</span>',
        '<span class="visually-hidden">: </span>',
    ],
)
def test_a_label_set_apart_by_a_hidden_separator_is_a_kicker(separator):
    head = "<title>Stadtwerke – Hafen wird um zwei Terminals erweitert</title>"
    header = f"<h1><span>Stadtwerke</span>{separator}<span>Hafen wird um zwei Terminals erweitert</span></h1>"
    assert extract(page(head, header)).title == "Hafen wird um zwei Terminals erweitert"


def test_a_page_without_h1_takes_the_h2_the_metadata_title_names():
    head = '<meta property="og:title" content="Hafen wird um zwei Terminals erweitert (2024/5)">'
    header = "<h2>Hafen wird um zwei Terminals erweitert</h2>"
    assert extract(page(head, header)).title == "Hafen wird um zwei Terminals erweitert"


def test_a_logo_h1_is_not_the_headline():
    head = (
        "<title>Hafengesellschaft Düsseldorf</title>"
        '<meta property="og:site_name" content="Hafengesellschaft Düsseldorf">'
    )
    header = (
        '<h1><a href="https://www.hafen-duesseldorf.de/">Hafengesellschaft Düsseldorf</a></h1>'
        "<h2>Hafen wird um zwei Terminals erweitert</h2>"
    )
    assert extract(page(head, header), "https://www.hafen-duesseldorf.de/news/terminals").title == (
        "Hafen wird um zwei Terminals erweitert"
    )


@pytest.mark.parametrize(
    "h2",
    [
        '<h2 class="article-title">Großbäckerei baut neues Werk – bis zu 150 Jobs</h2>',  # marked
        "<h2>Hochsträß-Großbäckerei baut neues Werk in Blaubeuren</h2>",  # a story word shared
    ],
)
def test_a_page_without_h1_takes_the_story_s_first_h2_beside_an_seo_title(h2):
    head = '<meta property="og:title" content="Hochsträß Backwaren investiert 38 Millionen Euro in Blaubeuren">'
    header = h2 + "<p>Von Anna Schmidt</p>"
    body = f"<p>{STORY}</p><h2>Neue Ausbildungsplätze</h2><p>{STORY}</p>"
    article = extract(page(head, header, body=body))
    assert article.title == h2.split(">", 1)[1].removesuffix("</h2>")
    # An unmarked <h2> sharing no word of the story with the title is no headline shown.
    other = extract(page(head, "<h2>Großbäckerei baut neues Werk</h2>", body=body))
    assert other.title == "Hochsträß Backwaren investiert 38 Millionen Euro in Blaubeuren"


SECTIONS = ["Politik", "Wirtschaft", "Sport", "Kultur", "Region", "Hafen", "Service", "Termine"]


def test_the_headline_s_h2_under_a_logo_h1_has_the_kicker_and_the_date_line_beside_it():
    head = (
        '<meta property="og:site_name" content="Hafenblick Nachrichten">'
        '<meta property="og:title" content="Strukturwandel: Hafen wird um zwei Terminals erweitert">'
        + jsonld(headline="Hafen wird um zwei Terminals erweitert")
    )
    header = (
        '<p class="topline">Strukturwandel</p><h2>Hafen wird um zwei Terminals erweitert</h2>'
        "<p>Von Anna Schmidt | 14.05.2025</p>"
    )
    # The logo's <h1> over the site's menu and a ticker of other stories with their days.
    masthead = (
        '<div class="logo"><h1><a href="/">Hafenblick Nachrichten</a></h1></div><ul class="menu">'
        + "".join(f'<li><a href="/{section.lower()}/">{section}</a></li>' for section in SECTIONS)
        + '</ul><p class="ticker">12.05.2025 Fährverkehr eingeschränkt</p>'
    )
    html = page(head, header).replace("<body>", "<body>" + masthead)
    article = extract(html)
    assert (article.title, article.kicker, article.published[:10], article.authors) == (
        "Hafen wird um zwei Terminals erweitert",
        "Strukturwandel",
        "2025-05-14",
        ["Anna Schmidt"],
    )


def test_a_section_s_h2_over_the_item_s_h1_is_no_headline():
    head = "<title>Kurzmeldungen Kreis Lippe | Hafenblick</title>"
    header = (
        '<h2 class="page-title">Kurzmeldungen Kreis Lippe</h2>'
        '<h1 class="km-titel">Kunststoffspezialist baut neues Logistikzentrum in Lemgo</h1>'
    )
    html = page(head, header).replace(
        '<a href="/wirtschaft/">Wirtschaft</a>', '<a href="/kurzmeldungen-kreis-lippe">Kurzmeldungen Kreis Lippe</a>'
    )
    assert extract(html).title == "Kunststoffspezialist baut neues Logistikzentrum in Lemgo"


def test_an_h2_under_section_h1s_that_the_metadata_title_names():
    head = "<title>Hafenportal - Meldungen - Hafen wird um zwei Terminals erweitert</title>"
    header = "<h1>Meldungen | Eintrag</h1><h2>Hafen wird um zwei Terminals erweitert</h2><h2>Weitere Meldungen</h2>"
    assert extract(page(head, header)).title == "Hafen wird um zwei Terminals erweitert"
    # An <h1> the metadata confirms stays the headline, even when an <h2> is the og:title.
    head = (
        '<meta property="og:title" content="Was ist die Hafengesellschaft?">'
        "<title>Hafengesellschaft: 3 Fragen an Tina Musil</title>"
    )
    header = "<h1>3 Fragen an Tina Musil, Hafenmeisterin</h1><h2>Was ist die Hafengesellschaft?</h2>"
    assert extract(page(head, header)).title == "3 Fragen an Tina Musil, Hafenmeisterin"


def test_a_marked_headline_under_a_section_h1_that_the_title_names_after_the_section():
    head = (
        "<title>Hafenblick: News: Brauerei Kühler übernimmt Limonadenmarke „Sprudelwerk“</title>"
        '<meta property="og:title" content="Kühler kauft Sprudelwerk">'
        '<meta property="og:site_name" content="Hafenblick">'
    )
    header = (
        '<h1 class="csc-firstHeader">News</h1>'
        '<div class="header"><h3 itemprop="headline">Brauerei Kühler übernimmt Limonadenmarke „Sprudelwerk“</h3></div>'
    )
    assert extract(page(head, header)).title == "Brauerei Kühler übernimmt Limonadenmarke „Sprudelwerk“"


def test_an_older_page_s_dublin_core_title_names_its_headline_set_in_a_bold_font():
    head = '<title>Instock.de - Nachrichten</title><meta name="DC.Title" content="Nordlicht Systems stürzt nach Gewinnwarnung ab">'
    header = (
        '<table><tr><td><font size="4"><b>Nordlicht Systems stürzt nach Gewinnwarnung ab</b></font></td></tr></table>'
    )
    assert extract(page(head, header)).title == "Nordlicht Systems stürzt nach Gewinnwarnung ab"


def test_strip_site_name_keeps_titles_without_one():
    assert strip_site_name("Ford - Werk in Köln bleibt", {"rponline"}) == "Ford - Werk in Köln bleibt"


@pytest.mark.parametrize(
    "title, stripped",
    [
        ("Wirtschaft | Hafen wird erweitert | Kommentar", "Hafen wird erweitert"),
        # A kicker parted off by a dash: the story's part runs to the pipe, its own dash kept.
        (
            "Offene Immobilienfonds - Anleger ziehen Geld ab – jetzt greifen die Fristen | Hafenblick",
            "Anleger ziehen Geld ab – jetzt greifen die Fristen",
        ),
    ],
)
def test_a_short_label_before_the_story_s_part_of_a_piped_title(title, stripped):
    assert strip_site_name(title, {"hafenblick"}) == stripped
    head = f"<title>{title}</title>"
    header = f"<h1><span>{title.split(' - ')[0]}</span> {stripped}</h1>"
    assert extract(page(head, header)).title == stripped


@pytest.mark.parametrize(
    "title, header, headline",
    [
        # A quote opening the headline, the whole of it before the pipe.
        (
            "„Geht das?“ – Stahlwerk fragt nach Wasserstoff | Hafenblick",
            "<h1>„Geht das?“ – Stahlwerk fragt nach Wasserstoff</h1>",
            "„Geht das?“ – Stahlwerk fragt nach Wasserstoff",
        ),
        # The same after a kicker the title parts off by a colon and the page sets apart.
        (
            "Gastbeitrag: Prozessdaten – der unterschätzte Hebel | Hafenblick",
            '<h1><span class="article__kicker">Gastbeitrag</span> '
            '<span class="article__title">Prozessdaten – der unterschätzte Hebel</span></h1>',
            "Prozessdaten – der unterschätzte Hebel",
        ),
    ],
)
def test_a_heading_printing_the_title_s_dashed_opening_on_its_line_keeps_it(title, header, headline):
    assert extract(page(f"<title>{title}</title>", header)).title == headline


def test_a_dash_between_two_days_is_a_range_not_a_title_separator():
    assert strip_site_name("Wochenbericht 14. - 20. Januar 2022 - SLF", {"slf"}) == (
        "Wochenbericht 14. - 20. Januar 2022"
    )
    assert strip_site_name("Messe vom 3. – 5. Mai | Rheinische Post", {"rheinischepost"}) == ("Messe vom 3. – 5. Mai")
    # A date after a separator is still glued on.
    assert strip_site_name("Hafen wird um zwei Terminals erweitert - 21.11.2026", set()) == (
        "Hafen wird um zwei Terminals erweitert"
    )


# Dates


def test_published_and_modified_from_jsonld():
    head = jsonld(headline="Hafen", datePublished="2024-11-21T14:30:00+01:00", dateModified="2024-11-22T09:05:00+01:00")
    article = extract(page(head))
    assert (article.published, article.modified) == ("2024-11-21T14:30:00+01:00", "2024-11-22T09:05:00+01:00")


def test_meta_published_time_and_utc_shown_in_berlin_time():
    head = (
        '<meta property="article:published_time" content="2024-11-20T23:30:00Z">'
        '<meta property="article:modified_time" content="2024-11-20T23:30:00Z">'
    )
    article = extract(page(head))
    # The same instant; in Düsseldorf it was already the 21st.
    assert article.published == "2024-11-21T00:30:00+01:00"
    assert article.modified is None


@pytest.mark.parametrize(
    "shown, expected",
    [
        ("21.11.2024, 14:30 Uhr", "2024-11-21T14:30:00+01:00"),
        ("21. November 2024 um 14.30 Uhr", "2024-11-21T14:30:00+01:00"),
        ("21. Juli 2024, 08:15 Uhr", "2024-07-21T08:15:00+02:00"),
        ("21. November 2024", "2024-11-21"),
        ("21 November, 2024", "2024-11-21"),
        ("7 Dezember 2024", "2024-12-07"),
        # The English editions of German sources.
        ("Published: 21 October 2024, 14:30", "2024-10-21T14:30:00+02:00"),
        ("3 Dec 2024", "2024-12-03"),
    ],
)
def test_visible_german_dates(shown, expected):
    header = f'<p class="meta">Von Anna Schmidt · {shown}</p>'
    assert extract(page(header=header)).published == expected


def test_time_element_and_url_date():
    header = '<time datetime="2024-03-05T07:00:00+01:00" itemprop="datePublished">5. März</time>'
    assert extract(page(header=header)).published == "2024-03-05T07:00:00+01:00"
    url = "https://www.example.de/wirtschaft/2024/03/05/hafen.html"
    assert extract(page(), url).published[:10] == "2024-03-05"


def test_the_time_of_a_day_found_elsewhere_is_one_the_page_shows():
    url = "https://www.example.de/wirtschaft/2024/03/05/hafen.html"
    header = "<h1>Hafen wird um zwei Terminals erweitert</h1>"
    # A tracking script's timestamp (in another zone, too) is no time the page shows.
    script = '<script>var page = {published: "05.03.2024 13:38", zone: "+0530"};</script>'
    assert extract(page(header=header, closing=script), url).published == "2024-03-05"
    # Far from the headline, day and time in elements of their own.
    shown = '<p class="meta"><span>05.03.2024</span><span>13:38 Uhr</span></p>'
    assert extract(page(header=header, closing=shown), url).published == "2024-03-05T13:38:00+01:00"


def test_the_time_element_of_the_date_line_gives_the_instant():
    headline = "<h1>Hafen wird um zwei Terminals erweitert</h1>"
    printed = '<time class="entry-date" datetime="2024-03-05T09:30:00+01:00">5. März 2024</time>'
    assert extract(page(header=headline + printed)).published == "2024-03-05T09:30:00+01:00"
    relative = '<time datetime="2024-03-05T09:30:00+01:00">vor 2 Stunden</time>'
    url = "https://www.example.de/wirtschaft/2024/03/05/hafen.html"
    assert extract(page(header=headline + relative), url).published == "2024-03-05T09:30:00+01:00"
    # Two instants on the story's day (published and updated, unlabelled) name none of them.
    updated = '<time datetime="2024-03-05T16:10:00+01:00">5. März 2024</time>'
    assert extract(page(header=headline + printed + updated)).published == "2024-03-05"
    # Labelled with the hAtom classes (WordPress themes), each is one of the two.
    labelled = printed.replace('"entry-date"', '"entry-date published"') + updated.replace(
        "<time ", '<time class="updated" '
    )
    article = extract(page(header=headline + labelled))
    assert (article.published, article.modified) == ("2024-03-05T09:30:00+01:00", "2024-03-05T16:10:00+01:00")
    # A teaser's time is another story's.
    teaser = f'<div class="teaser"><h3>Neuer Radweg</h3>{updated}</div>'
    head = '<meta property="article:published_time" content="2024-03-05">'
    assert extract(page(head, headline, closing=teaser)).published == "2024-03-05"


def site_page(above: str, header: str, head: str = "", closing: str = "", before_story: str = "") -> str:
    """A news site's page: ``above`` (the site's header, banners) before the menu and the story's
    ``<main>``, which holds ``before_story`` (top stories) and then the article, starting with
    ``header``."""
    text = "".join(f"<p>{STORY}</p>" for _ in range(4))
    return (
        f'<!DOCTYPE html><html lang="de"><head><meta charset="utf-8">'
        f'<meta property="og:title" content="Hafen wird um zwei Terminals erweitert | RP ONLINE">{head}</head>'
        f"<body>{above}<nav>{SECTIONS}</nav>"
        f"<main>{before_story}<article>{header}{text}{closing}</article></main><footer>Impressum · Datenschutz</footer></body></html>"
    )


# A regional paper's menu.
SECTIONS = " ".join(
    f'<a href="/{name.lower()}/">{name}</a>'
    for name in "Startseite Wirtschaft Politik Sport Kultur Panorama Digital Meinung Düsseldorf Duisburg Köln "
    "Essen Mönchengladbach Krefeld Newsletter E-Paper Podcasts Abo".split()
)

# The day of the visit in a news site's top bar (WordPress news themes, regional papers' headers).
TOP_BAR = (
    '<div class="header-top"><span class="current-date">Mittwoch, 17. Juni 2026</span>'
    ' <span class="weather">Düsseldorf 18 °C</span> <a href="/abo">Abo</a> <a href="/login">Anmelden</a></div>'
)
# A consent banner's own date.
CONSENT = (
    '<div class="cmp-banner" role="dialog"><h2>Wir respektieren Ihre Privatsphäre</h2><p>Wir und unsere'
    " Partner verwenden Cookies und ähnliche Technologien. Stand der Erklärung: 01.04.2026</p>"
    "<button>Alle akzeptieren</button></div>"
)


@pytest.mark.parametrize("above", [TOP_BAR, CONSENT], ids=["top bar", "consent banner"])
def test_a_date_the_site_prints_above_the_story_does_not_date_it(above):
    # The date line reads "am 21. April 2026" inside a sentence: htmldate's reading decides.
    header = "<h1>Hafen wird um zwei Terminals erweitert</h1><p>Von Anna Schmidt am 21. April 2026</p>"
    assert extract(site_page(above, header)).published[:10] == "2026-04-21"


def test_a_consent_dialog_next_to_the_headline_does_not_date_the_story():
    header = "<h1>Hafen wird um zwei Terminals erweitert</h1><p>Von Anna Schmidt am 21. April 2026</p>"
    assert extract(site_page("", header, before_story=CONSENT)).published[:10] == "2026-04-21"


def test_a_date_above_the_story_still_dates_a_page_that_prints_no_other():
    above = (
        '<div class="news-meta"><span class="date">Pressemitteilung vom 21.04.2026</span></div>' + "<p>Menü</p>" * 40
    )
    assert extract(site_page(above, "<h1>Hafen wird um zwei Terminals erweitert</h1>")).published[:10] == "2026-04-21"


def test_a_day_printed_only_in_the_text_above_the_story_is_found_on_the_last_pass():
    # A newsletter's issue line, far before the headline and in no date-classed element: only
    # htmldate's search of the text finds it, once the blocks left out first are put back.
    above = "<p>Chefsache · Ausgabe 25/2026 · 24. Juni 2026 | <a href='/web'>Im Browser ansehen</a></p>"
    above += "<p>Menü</p>" * 40
    footer = "<p>Copyright © 2026 Hafenblick Verlag</p>"
    page_html = site_page(above, "<h1>Hafen wird um zwei Terminals erweitert</h1>", closing=footer)
    assert extract(page_html).published[:10] == "2026-06-24"


def test_a_later_pass_searches_the_text_only_where_the_blocks_put_back_print_a_date(monkeypatch):
    import crawler.extraction.dates

    searches = []

    def find_date_noting_the_search(page, **kwargs):
        if not isinstance(page, str):  # the page's tree, not the URL asked about alone
            searches.append(kwargs["extensive_search"])
        return find_date(page, **kwargs)

    monkeypatch.setattr(crawler.extraction.dates, "find_date", find_date_noting_the_search)
    # The first pass finds only the copyright line's year, which dates nothing; the site's menu
    # put back prints no date, so the second pass reads the markup alone.
    footer = "<p>Copyright © 2024 Hafenblick Verlag</p>"
    menu = "<p>Menü</p>" * 40
    assert extract(site_page(menu, "<h1>Hafen wird um zwei Terminals erweitert</h1>", closing=footer)).published is None
    assert searches == [True, False]
    searches.clear()
    above = "<p>Chefsache · Ausgabe 25/2026 · 24. Juni 2026</p>" + menu
    assert extract(site_page(above, "<h1>Hafen wird um zwei Terminals erweitert</h1>", closing=footer)).published
    assert searches == [True, True]


def test_a_day_the_url_states_is_htmldate_s_answer_without_a_search_of_the_page(monkeypatch):
    import crawler.extraction.dates

    pages_read = []

    def find_date_noting_the_page(page, **kwargs):
        pages_read.append(page)
        return find_date(page, **kwargs)

    monkeypatch.setattr(crawler.extraction.dates, "find_date", find_date_noting_the_page)
    html = page(header="<h1>Hafen wird um zwei Terminals erweitert</h1>")
    url = "https://www.example.de/wirtschaft/2024/03/12/hafen.html"
    assert extract(html, url).published[:10] == "2024-03-12"
    assert all(isinstance(read, str) and "Hafen" not in read for read in pages_read)
    # A first of the month the URL states as a day is one; a month alone is no day.
    assert extract(html, "https://www.example.de/wirtschaft/2024/03/01/hafen.html").published[:10] == "2024-03-01"
    assert extract(html, "https://www.example.de/wirtschaft/2024/03/hafen.html").published is None


def test_top_stories_above_the_story_neither_date_nor_credit_it():
    cards = "".join(
        f'<article class="teaser"><a href="/wirtschaft/kraftwerk-{day}.html"><h3>Stadtwerke planen Kraftwerk {day}</h3></a>'
        f'<time datetime="2026-06-{day}T09:30:00+02:00">{day}.06.2026</time><span class="teaser-author">Von Max Mustermann</span>'
        "<p>Die Stadtwerke wollen investieren.</p></article>"
        for day in (15, 16)
    )
    top_stories = f'<section class="top-stories"><h2>Top-Themen</h2>{cards}</section>'
    # The story's credit is a link to the author's page, without "Von"; it prints no date.
    header = '<h1>Hafen wird um zwei Terminals erweitert</h1><p class="meta"><a href="/autoren/anna-schmidt">Anna Schmidt</a></p>'
    article = extract(site_page("", header, before_story=top_stories))
    assert article.authors == ["Anna Schmidt"]
    assert article.published is None


PICTURE = '<figure><img src="/hafen.jpg" alt=""><figcaption>Der Hafen am 17.06.2025. Foto: dpa</figcaption></figure>'
MOST_READ = (
    '<aside class="sidebar"><h3>Meistgelesen</h3><ol>'
    + "".join(
        f'<li><a href="/n{day}.html">Nachricht {day}</a> <span class="date">{day}.06.2025</span></li>'
        for day in (11, 12)
    )
    + "</ol></aside>"
)


@pytest.mark.parametrize(
    "header, closing",
    [(PICTURE, ""), ("", MOST_READ)],
    ids=["a picture's caption", "a most-read list's days"],
)
def test_what_pictures_and_sidebars_print_does_not_date_the_story(header, closing):
    header = f"<h1>Hafen wird um zwei Terminals erweitert</h1>{header}<p>Von Anna Schmidt am 21. April 2026</p>"
    assert extract(site_page("", header, closing=closing)).published[:10] == "2026-04-21"


def video_jsonld(name: str) -> str:
    return (
        '<script type="application/ld+json">'
        + json.dumps(
            {
                "@context": "https://schema.org",
                "@type": "VideoObject",
                "name": name,
                "uploadDate": "2025-06-17T10:00:00+02:00",
            }
        )
        + "</script>"
    )


def test_an_embedded_video_s_json_ld_does_not_date_a_story_without_markup():
    header = "<h1>Hafen wird um zwei Terminals erweitert</h1><p>Von Anna Schmidt am 21. April 2026</p>"
    page_html = site_page("", header, head=video_jsonld("Video: So sieht der neue Hafen aus"))
    assert extract(page_html).published[:10] == "2026-04-21"


def test_a_video_page_is_dated_by_its_video():
    header = "<h1>Hafen wird um zwei Terminals erweitert</h1>"
    page_html = site_page("", header, head=video_jsonld("Hafen wird um zwei Terminals erweitert"))
    assert extract(page_html).published[:10] == "2025-06-17"


def test_a_teaser_s_printed_day_does_not_date_a_page_without_one():
    headline = "<h1>Hafen wird um zwei Terminals erweitert</h1>"
    teasers = "".join(
        f'<article class="teaser"><h3>Neuer Radweg {day}</h3><time datetime="2025-03-{day}">{day}.03.2025</time></article>'
        for day in (12, 19)
    )
    assert extract(page(header=headline, closing=f'<div class="related">{teasers}</div>')).published is None


@pytest.mark.parametrize(
    "credits",
    [
        '<div class="video-credits"><span>Reporter: Maximilian Eder</span> <span>Kamera &amp; Schnitt: Lukas Brunner</span></div>',
        '<div class="beitrag_autor">Beitrag: Maximilian Eder &middot; Kamera: Lukas Brunner</div>',
    ],
)
def test_a_television_report_s_credits_name_its_reporter(credits):
    article = extract(page(header=HEADLINE, closing=credits))
    assert article.authors == ["Maximilian Eder"]


def test_a_portal_s_own_day_outweighs_the_day_of_the_press_release_it_runs():
    head = jsonld(headline="Hafen wird um zwei Terminals erweitert", datePublished="2025-03-31T08:15:00+02:00")
    header = '<h1>Hafen wird um zwei Terminals erweitert</h1><time datetime="2025-03-31">31. März 2025</time>'
    source = "<p>Quelle: Hafengesellschaft, Pressemitteilung vom 27. März 2025</p>"
    assert extract(page(head, header, closing=source)).published[:10] == "2025-03-31"
    # Without a day of the portal's own by the headline, the release's day stands.
    assert extract(page(head, HEADLINE, closing=source)).published[:10] == "2025-03-27"


def test_the_day_labelled_published_outweighs_a_facts_box_s_date():
    # Law news: the ruling's "Datum:" in a box of facts, the story's "veröffentlicht am".
    header = (
        '<p class="kopf">veröffentlicht am 14.05.2025</p><h1>Hafen wird um zwei Terminals erweitert</h1>'
        "<p>Landgericht Hannover, Urteil vom 19.03.2025</p>"
        "<table><tr><th>Gericht:</th><td>Landgericht Hannover</td></tr><tr><th>Datum:</th><td>19.03.2025</td></tr></table>"
    )
    assert extract(page(header=header)).published[:10] == "2025-05-14"
    # Alone, "Datum:" still dates the story.
    assert extract(page(header=HEADLINE + "<p>Datum: 19.03.2025</p>")).published[:10] == "2025-03-19"


@pytest.mark.parametrize("label", ["Online seit:", "Online seit", "Online gestellt am"])
def test_since_when_the_page_is_online_labels_its_publication_day(label):
    # An older CMS's date meta tag holds the issue's month; the line says when the story went online.
    head = '<meta name="date" content="2025-03-01">'
    assert extract(page(head, HEADLINE + f'<p class="datum">{label} 14.03.2025</p>')).published[:10] == "2025-03-14"


def test_a_definition_list_s_day_of_publication_outweighs_a_deadline_in_the_text():
    # A competition portal's facts, no date in the markup; the exhibition's last day in the text.
    facts = (
        "<dl><dt>Auslober</dt><dd>Stadtwerke Landshut</dd><dt>Tag der Veröffentlichung</dt><dd>17.06.2025</dd>"
        "<dt>Aktualisiert am</dt><dd>23.06.2025</dd><dt>Preisgerichtssitzung</dt><dd>05.06.2025</dd></dl>"
    )
    body = f"<p>{STORY}</p><p>Die Arbeiten sind bis 4. Juli 2025 im Foyer des Rathauses ausgestellt.</p>"
    assert extract(page(header=HEADLINE, body=body, closing=f"<aside>{facts}</aside>")).published[:10] == "2025-06-17"
    # An e-paper's issue picker labels its field "Erscheinungstag": the latest issue's day.
    head = jsonld(datePublished="2023-11-03T11:18:00+01:00")
    picker = '<form class="epaper"><label for="d">Erscheinungstag</label> <span>27.10.2023</span></form>'
    assert extract(page(head, HEADLINE, closing=picker)).published[:10] == "2023-11-03"


def test_a_video_s_or_an_announced_day_labelled_published_is_not_the_story_s():
    head = jsonld(datePublished="2024-10-08T10:47:00+02:00")
    # A player's caption labels the video's day, its length after it.
    video = (
        '<div class="video-embed"><p class="video-embed__caption">Das neue Store-Konzept im Rundgang '
        "(veröffentlicht am 26.09.2024, 3:12 Min.)</p></div>"
    )
    assert extract(page(head, HEADLINE, closing=video)).published[:10] == "2024-10-08"
    # An institute's release announces its next one.
    announced = "<p>The next results will be published on 29 April 2026.</p>"
    assert extract(page(head, HEADLINE, closing=announced)).published[:10] == "2024-10-08"
    announced = "<p>Die nächsten Zahlen wird voraussichtlich veröffentlicht am 29. April 2026 das Amt.</p>"
    assert extract(page(head, HEADLINE, closing=announced)).published[:10] == "2024-10-08"
    # The story's own labelled day still outweighs the markup's.
    assert extract(page(head, HEADLINE + "<p>Veröffentlicht am 07.10.2024</p>")).published[:10] == "2024-10-07"


@pytest.mark.parametrize(
    "dateline", ["Würzburg, 28. Januar 2026. Die", "Würzburg, 28.01.2026 – Die", "Bad Neustadt, den 28.01.2026. Die"]
)
def test_a_release_s_dateline_after_a_comma_dates_a_page_the_markup_does_not(dateline):
    # A lead longer than the date line's reach stands between the headline and the dateline.
    lead = f"<p><strong>{STORY}</strong></p>"
    body = lead + f"<p>{dateline} Handwerkskammer meldet ihre Zahlen. {STORY}</p><p>{STORY}</p>"
    others = '<ul class="news-list"><li><a href="/presse/a.html">Meisterfeier in Schweinfurt</a> 04.11.2025</li></ul>'
    assert extract(page(header=HEADLINE, body=body, closing=others)).published[:10] == "2026-01-28"
    # The markup's date is the page's: a portal runs the release a day later.
    head = jsonld(datePublished="2026-01-29T09:00:00+01:00")
    assert extract(page(head, HEADLINE, body=body, closing=others)).published[:10] == "2026-01-29"


# Another story's card after the story, its day in a line of the card's own class: htmldate's
# search of the text, asked for the original date, would prefer its earlier day.
RELATED_CARD = (
    '<aside class="related-articles"><h2>Mehr zum Thema</h2><article class="teaser">'
    '<h3><a href="/wirtschaft/werk-schliesst.html">Werk schließt Ende des Jahres</a></h3>'
    '<p class="teaser__meta">12.03.2021 | Jonas Feldkamp</p></article></aside>'
)


def test_another_story_s_card_does_not_date_the_story():
    header = "<h1>Hafen wird um zwei Terminals erweitert</h1><p>Von Anna Schmidt am 21. April 2026</p>"
    assert extract(site_page("", header, closing=RELATED_CARD)).published[:10] == "2026-04-21"
    # Nor on htmldate's last reading of the page, where the story's day is found.
    above = "<p>Chefsache · Ausgabe 25/2026 · 24. Juni 2026 | <a href='/web'>Im Browser ansehen</a></p>"
    above += "<p>Menü</p>" * 40
    page_html = site_page(above, "<h1>Hafen wird um zwei Terminals erweitert</h1>", closing=RELATED_CARD)
    assert extract(page_html).published[:10] == "2026-06-24"


# A rail of top stories before the story: each card with its kicker, byline and day.
TOP_STORIES = (
    '<div class="top-stories"><article class="teaser teaser--top"><span class="teaser__kicker">Energie</span>'
    '<h2 class="teaser__title"><a href="/energie/preise.html">Stadtwerke erhöhen die Preise</a></h2>'
    '<p class="teaser__byline">Von Martina Probst | 05.01.2021</p></article></div>'
)
# A sidebar's box of the most read stories, one of them with its day.
MOST_READ = (
    '<aside class="sidebar"><h3 class="widget-title">Meistgelesen</h3><ol>'
    '<li><a href="/a.html">Stadtwerke erhöhen die Preise</a> <span>Von Martina Probst</span></li>'
    '<li><a href="/b.html">Werk schließt Ende des Jahres</a> <span>12.03.2021</span></li></ol></aside>'
)


def test_a_rail_of_top_stories_lends_the_story_neither_kicker_nor_byline():
    header = '<h1>Hafen wird um zwei Terminals erweitert</h1><p><span class="ArticleAuthor">Anna Schmidt</span></p>'
    article = extract(site_page("", header, before_story=TOP_STORIES))
    assert article.authors == ["Anna Schmidt"]
    assert article.kicker is None


@pytest.mark.parametrize(
    "listed",
    [
        # A list of more news, each item's credit labelled after its link.
        '<ul class="more-news"><li><a href="/markt/frequenzen.html">Bundesnetzagentur verlängert Nutzungsrechte'
        ' für Mobilfunk</a> <span class="more-news__meta">Autorin: Svenja Albrecht · 16.01.2026</span></li></ul>',
        # Drupal's views rows, each a story's link, its author and day.
        '<div class="view"><div class="views-row"><div class="views-field-title"><a href="/lokales/hofladen.html">'
        "Hofladen in Hollige erweitert Sortiment um eigene Wurst</a></div>"
        '<div class="views-field-field-autor">Von Svenja Albrecht</div></div></div>',
    ],
)
def test_a_listed_story_s_credit_beside_its_link_is_not_the_story_s(listed):
    header = '<h1>Hafen wird um zwei Terminals erweitert</h1><p class="article__author">Autor: dpa</p>'
    article = extract(site_page("", header, closing=listed))
    assert (article.authors, article.agencies) == ([], ["dpa"])


@pytest.mark.parametrize("source", ["Quelle: dpa / 104.6 RTL", "Quelle: dpa/radio TOP 40"])
def test_a_source_line_naming_the_agency_and_then_the_station_credits_the_agency(source):
    article = extract(page(header=HEADLINE, closing=f"<p>{source}</p>"))
    assert (article.authors, article.agencies) == ([], ["dpa"])


@pytest.mark.parametrize("separator", ["·", "|", "-"])
def test_a_source_label_after_the_meta_line_s_separator_credits_the_agency(separator):
    # The day in an element of its own, the label after the line's separator, the agency in
    # another element: a regional portal's Drupal meta line.
    meta = (
        f'<p class="meta"><span>Mo, 23.07.2012 - 22:04</span> {separator} Quelle: <span class="quelle">dpa</span></p>'
    )
    article = extract(page(header=HEADLINE + meta))
    assert (article.authors, article.agencies) == ([], ["dpa"])


def test_a_news_list_item_marked_as_an_article_credits_its_own_story_only():
    # TYPO3's news list: each item a microdata Article with its heading, date and source line.
    listed = (
        '<div class="news-list-view"><div class="article" itemscope itemtype="http://schema.org/Article">'
        '<div class="header"><h3><a href="/news/defizit.html">Stadt budgetiert ein Defizit</a></h3></div>'
        '<div class="footer"><span class="news-list-author">Quelle: Tele Top / Jessica Brunner</span></div></div></div>'
    )
    header = '<h1>Hafen wird um zwei Terminals erweitert</h1><p class="news-list-author">Quelle: dpa</p>'
    assert extract(site_page("", header, closing=listed)).authors == []


@pytest.mark.parametrize("byline_class", ["newsAuthor", "articleByline"])
def test_a_byline_element_s_class_in_camel_case_names_the_writer(byline_class):
    closing = f'<div class="{byline_class}">Text: Dr. Jutta Reinhardt</div>'
    assert extract(site_page("", "<h1>Hafen wird um zwei Terminals erweitert</h1>", closing=closing)).authors == [
        "Dr. Jutta Reinhardt"
    ]


def test_a_closing_credit_with_the_agencies_material_after_it_names_the_writer():
    closing = "<p><em>Text: Jonas Bräuninger, mit Material von dpa/lsw</em></p>"
    article = extract(page(header=HEADLINE, closing=closing))
    assert (article.authors, article.agencies) == (["Jonas Bräuninger"], ["dpa"])


def test_an_author_box_for_another_writer_does_not_outweigh_the_byline_element():
    header = '<h1>Hafen wird um zwei Terminals erweitert</h1><p><span class="ArticleAuthor">Anna Schmidt</span></p>'
    box = (
        '<section class="author-box"><h3>Über den Autor</h3><p><strong>Martin Becker</strong> leitet das'
        " Wirtschaftsressort und schreibt über Mittelstand und Handwerk.</p></section>"
    )
    assert extract(site_page("", header, closing=box)).authors == ["Anna Schmidt"]
    # Without a byline, the box names the writer.
    assert extract(site_page("", "<h1>Hafen wird um zwei Terminals erweitert</h1>", closing=box)).authors == [
        "Martin Becker"
    ]


def test_a_sidebar_box_s_day_does_not_date_the_story():
    header = "<h1>Hafen wird um zwei Terminals erweitert</h1><p>Von Anna Schmidt am 21. April 2026</p>"
    assert extract(site_page("", header, closing=MOST_READ)).published[:10] == "2026-04-21"


def test_a_consent_dialog_does_not_date_a_page_without_a_headline_element():
    # An older CMS sets the headline in a table cell, and the story's day far from it.
    story = "".join(f"<p>{STORY}</p>" for _ in range(4))
    page_html = (
        '<!DOCTYPE html><html lang="de"><head><meta charset="utf-8">'
        "<title>Hafen wird um zwei Terminals erweitert</title></head>"
        f"<body>{CONSENT}<table><tr><td class='contentheading'>Hafen wird um zwei Terminals erweitert</td></tr>"
        f"<tr><td>{story}<p>Von Anna Schmidt am 21. April 2026</p></td></tr></table>"
        f"<div class='footer'>{RELATED_CARD}</div></body></html>"
    )
    assert extract(page_html).published[:10] == "2026-04-21"


def test_a_copyright_year_or_a_month_alone_is_no_publication_date():
    headline = "<h1>Hafen wird um zwei Terminals erweitert</h1>"
    footer = "<p>© 2024 Hafenblick Verlag</p>"
    assert extract(page(header=headline, closing=footer)).published is None
    # New Year's Day printed, in the text or the address, is a date.
    assert extract(page(header=headline + "<p>01.01.2024</p>", closing=footer)).published == "2024-01-01"
    url = "https://www.example.de/wirtschaft/2024/01/01/hafen.html"
    assert extract(page(header=headline, closing=footer), url).published == "2024-01-01"
    # A month alone (a magazine's issue) is no day either; its first day printed is one.
    assert extract(page(header=headline + "<p>Heft 09/2024</p>")).published is None
    assert extract(page(header=headline + "<p>1. September 2024</p>")).published == "2024-09-01"


def test_the_date_line_under_the_headline_beats_a_stale_meta_date():
    head = '<meta name="date" content="2024-12-02">'
    header = '<h1>Hafen wird um zwei Terminals erweitert</h1><p class="info">Anna Schmidt | 26. Nov. 2024</p>'
    assert extract(page(head, header)).published == "2024-11-26"
    # Also without the day's dot ("d F, Y").
    header = '<h1>Hafen wird um zwei Terminals erweitert</h1><p class="info">Anna Schmidt | 26 November, 2024</p>'
    assert extract(page(head, header)).published == "2024-11-26"


def test_a_date_line_in_the_international_order_dates_the_story():
    # WordPress's "Y-m-d" date format.
    head = '<meta name="date" content="2024-12-02">'
    header = '<h1>Hafen wird um zwei Terminals erweitert</h1><p class="info">Anna Schmidt | 2024-11-26</p>'
    assert extract(page(head, header)).published == "2024-11-26"
    # A machine timestamp printed raw names no day a reader saw: its instant is dated in Berlin.
    head = jsonld(headline="Hafen wird um zwei Terminals erweitert", datePublished="2019-11-18T23:30:00Z")
    header = '<h1>Hafen wird um zwei Terminals erweitert</h1><p class="info">Anna Schmidt 2019-11-18T23:30:00Z</p>'
    assert extract(page(head, header)).published[:10] == "2019-11-19"


def test_dates_in_sentences_and_updates_are_not_the_date_line():
    header = (
        "<h1>Hafen wird um zwei Terminals erweitert</h1>"
        "<p>Aktualisiert am 28.11.2024</p><p>Die Arbeiten beginnen am 3. März 2025.</p>"
        "<p>Veröffentlicht: 21.11.2024</p>"
    )
    head = '<meta name="date" content="2024-11-28">'
    assert extract(page(head, header)).published == "2024-11-21"


@pytest.mark.parametrize(
    "line",
    [
        "Von Anna Schmidt | 21.11.2025, 08:00 Uhr | Aktualisiert am 22.11.2025, 10:15 Uhr",
        "21.11.2025, 08:00 Uhr, aktualisiert: 22.11.2025 um 10:15 Uhr",
        "21.11.2025, 08:00 Uhr, aktualisiert 22.11.2025, 10:15 Uhr",
    ],
)
def test_the_update_the_date_line_prints_is_the_modified_date(line):
    article = extract(page(header=f"{HEADLINE}<p>{line}</p>"))
    assert (article.published[:10], article.modified) == ("2025-11-21", "2025-11-22T10:15:00+01:00")
    # The markup's update date comes first; an update in a sentence is none.
    head = jsonld(datePublished="2025-11-21T08:00:00+01:00", dateModified="2025-11-23T09:00:00+01:00")
    assert extract(page(head, f"{HEADLINE}<p>{line}</p>")).modified == "2025-11-23T09:00:00+01:00"
    sentence = "<p>21.11.2025</p><p>Der Plan wird aktualisiert am 23.11.2025 vorgestellt.</p>"
    assert extract(page(header=HEADLINE + sentence)).modified is None


def test_a_card_s_title_ending_on_a_label_word_labels_no_day():
    """A related-posts carousel: "<h4><a>Nachhaltigkeitsbericht 2024 veröffentlicht</a></h4>"
    with the other post's day under it."""
    head = '<meta property="article:published_time" content="2025-03-18T09:00:00+01:00">'
    cards = (
        '<section class="carousel"><div><h4><a href="/2024/11/12/bericht/">Nachhaltigkeitsbericht 2024 '
        'veröffentlicht</a></h4><div><span class="date">12. November 2024</span></div></div></section>'
    )
    assert extract(page(head, HEADLINE, closing=cards)).published[:10] == "2025-03-18"


def test_a_list_of_the_latest_stories_dated_by_how_long_ago_is_a_dated_list():
    items = (
        '<li><a href="/node/1">Hafen Neuss wächst</a> <span class="date">vor 5 Std.</span></li>'
        '<li><a href="/node/2">Neues Gründerzentrum</a> <span class="date">07.10.2025</span></li>'
    )
    tree = parse_html(page(closing=f"<ul>{items}</ul>"))
    assert [element.tag for element in dated_lists(tree)] == ["ul"]


def test_a_labelled_publication_date_counts_only_when_the_page_has_one():
    closing = "<p>Erschienen am: 13.10.2024 · Zuletzt geändert am: 15.10.2024</p>"
    head = '<meta name="date" content="2024-10-15">'
    assert extract(page(head, closing=closing)).published == "2024-10-13"
    # Blog themes write the weekday between the label and the day.
    closing = "<p>Veröffentlicht am Sonntag, 13. Oktober 2024 · Zuletzt geändert am: 15.10.2024</p>"
    assert extract(page(head, closing=closing)).published == "2024-10-13"
    # A listing labels each teaser: those days say nothing about this story.
    teasers = "".join(f"<li>Anderer Artikel · Published {day}. Juli 2024</li>" for day in (3, 9, 17))
    tree = parse_html(
        page(
            '<meta property="article:published_time" content="2024-11-21T10:00:00+01:00">',
            closing=f"<ul>{teasers}</ul>",
        )
    )
    assert article_dates(tree, URL)[0] == "2024-11-21T10:00:00+01:00"


def test_of_two_days_in_the_date_line_the_one_the_markup_names_published():
    head = jsonld(datePublished="2022-12-30T07:00:40+01:00")
    header = (
        "<h1>Hafen wird um zwei Terminals erweitert</h1>"
        "<p>Anna Schmidt | 29. Dezember 2022 · 30. Dezember 2022 | Wirtschaft</p>"
    )
    assert extract(page(head, header)).published == "2022-12-30T07:00:40+01:00"
    # Without that statement the first day of the date line counts.
    header = header.replace("29. Dezember", "28. Dezember")
    assert extract(page(jsonld(), header)).published[:10] == "2022-12-28"


def test_a_date_line_with_slashes_is_read_day_first_unless_the_markup_says_otherwise():
    header = "<h1>Hafen wird um zwei Terminals erweitert</h1><p>Wirtschaft · 26/12/2019</p>"
    assert extract(page(jsonld(), header)).published == "2019-12-26"
    # "11/01/2021" on a site that prints the American order: the markup says which it is.
    header = "<h1>Hafen wird um zwei Terminals erweitert</h1><p>Wirtschaft · 11/01/2021</p>"
    head = jsonld(datePublished="2021-11-01T05:00:14+01:00")
    assert extract(page(head, header)).published == "2021-11-01T05:00:14+01:00"
    assert extract(page(jsonld(), header)).published == "2021-01-11"


def test_the_printed_day_beats_the_berlin_day_of_a_utc_timestamp():
    header = (
        '<h1>Hafen wird um zwei Terminals erweitert</h1><p><time datetime="2019-12-26T23:07:45+00:00"'
        ' itemprop="datePublished">26/12/2019</time></p>'
    )
    assert extract(page(jsonld(), header)).published == "2019-12-26"


@pytest.mark.parametrize("dateline", ["Karlsruhe, (12.11.2021). Der Hafen wird", "(12. November 2021) Der Hafen wird"])
def test_a_press_release_dateline_in_parentheses(dateline):
    teaser = "<aside><p>Hafenfest · Sa. 13.11.2021</p></aside>"
    body = f"<p>{dateline} bis 2028 erweitert. {STORY}</p><p>{STORY}</p>"
    assert extract(page("", "<h1>Hafen wird erweitert</h1>", body, closing=teaser)).published == "2021-11-12"


def test_a_dateline_of_a_place_without_a_comma_outweighs_the_update_s_label():
    # A health insurer's regional release: "Wuppertal (12.03.2026)." opens it, the update's
    # label under it; a correction's note in brackets is no dateline.
    body = (
        f"<p>Mülheim an der Ruhr (12.03.2026). Weniger Menschen gehen zur Kontrolle. {STORY}</p>"
        f"<p><em>Hinweis der Redaktion (13.03.2026): Eine Zahl wurde korrigiert. {STORY}</em></p>"
        "<p>Letzte Aktualisierung: 13.03.2026</p>"
    )
    assert extract(page("", "<h1>Weniger Kontrollen beim Zahnarzt</h1>", body)).published[:10] == "2026-03-12"


@pytest.mark.parametrize(
    "opening, dateline",
    [
        ("Wuppertal (12.03.2026). Weniger Menschen gehen zur Kontrolle.", True),
        ("Mülheim an der Ruhr (12.03.2026). Weniger Menschen gehen zur Kontrolle.", True),
        ("Am Mittwoch (12.03.2026) hatten die Gespräche ohne Ergebnis geendet.", False),
        ("Hinweis der Redaktion (12.03.2026): Eine Zahl wurde korrigiert.", False),
    ],
)
def test_a_dateline_s_place_is_no_sentence_s_start(opening, dateline):
    tree = lxml.html.fromstring(page("", "<h1>Weniger Kontrollen beim Zahnarzt</h1>", f"<p>{opening} {STORY}</p>"))
    days = _press_datelines(tree, datetime(2026, 12, 1, tzinfo=BERLIN))
    assert days == ({"2026-03-12"} if dateline else set())


def test_a_paragraph_s_update_with_a_comma_is_no_publication_date():
    # A local radio station's story: its day in the meta line over the headline, an update's
    # paragraph under the lead ("Update, 19.10.2026: …").
    header = (
        '<div class="meta"><time datetime="2026-10-16T17:10:00+02:00">16.10.2026 17:10</time>'
        "<span>Aktualisiert: 19.10.2026 09:20</span></div><h1>Zulieferer meldet Kurzarbeit an</h1>"
    )
    body = f"<p>Update, 19.10.2026: Die Geschäftsführung hat es bestätigt. {STORY}</p><p>{STORY}</p>"
    assert extract(page("", header, body)).published[:10] == "2026-10-16"


def test_the_time_element_s_stamp_tells_the_order_of_a_slashed_day():
    # An English edition printing the American order, without a date in its markup.
    header = '<h1>Steelmaker bets on hydrogen</h1><p><time datetime="2026-06-04T10:42:00.000Z">06/04/2026</time></p>'
    assert extract(page("", header, lang="en")).published[:10] == "2026-06-04"


def test_a_day_in_brackets_after_a_link_is_another_release_s_not_a_dateline():
    # openPR's "Weitere Mitteilungen von …" list under the release, its own day by the headline.
    header = '<h1>Hafen wird erweitert</h1><p class="pm-zeit">08.03.2011 10:41</p>'
    more = '<div class="weitere"><h3>Weitere Mitteilungen</h3><ul><li><a href="/a">Neue Halle</a> (12.10.2010)</li></ul></div>'
    assert extract(page("", header, closing=more)).published[:10] == "2011-03-08"


def test_an_event_s_day_in_its_box_next_to_the_headline_is_no_date_line():
    head = (
        '<script type="application/ld+json">{"@type": "WebPage", "datePublished": "2026-02-10T09:00:00+01:00"}</script>'
    )
    box = '<dl class="event-box"><dt>Termin</dt><dd><time datetime="2026-05-12T14:00">Dienstag, 12. Mai 2026, 14:00 Uhr</time></dd></dl>'
    assert (
        extract(page(head, "<h1>Wirtschaftsforum 2026 am 12. Mai in Essen</h1>" + box)).published[:10] == "2026-02-10"
    )


def test_a_time_element_labelled_as_the_update_is_no_publication():
    head = jsonld(datePublished="2026-04-22T17:40:00+02:00", dateModified="2026-04-23T09:15:00+02:00")
    line = (
        '<span class="date">Aktualisiert am <time datetime="2026-04-23T09:15:00+02:00">23.04.2026-09:15</time></span>'
    )
    assert extract(page(head, "<h1>Hafen wird erweitert</h1>" + line)).published == "2026-04-22T17:40:00+02:00"


def test_a_related_story_s_title_ending_in_a_label_word_dates_no_page():
    header = '<h1>Hafen wird erweitert</h1><p class="meta"><time datetime="2026-06-24T09:15:00+00:00">24. Juni 2026</time></p>'
    related = (
        '<section class="related"><ul><li><a href="/a">Ergebnisse der Ausschreibung veröffentlicht</a>'
        ' <span class="date">23. Juni 2026</span></li><li><a href="/b">Speicher lohnen sich</a>'
        ' <span class="date">22. Juni 2026</span></li></ul></section>'
    )
    assert extract(page("", header, closing=related)).published[:10] == "2026-06-24"


def test_an_update_line_under_the_article_is_its_modification():
    # Under the article, far from the headline (travanto.de, Joomla); a teaser's is another story's.
    head = jsonld(datePublished="2009-05-07T10:15:00+02:00")
    closing = (
        '<p class="modifydate">Zuletzt aktualisiert am Freitag, 08. Mai 2009 um 09:02</p>'
        '<div class="teaser"><p>Aktualisiert am 01.06.2009</p></div>'
    )
    assert extract(page(head, "<h1>Hafen wird erweitert</h1>", closing=closing)).modified == "2009-05-08T09:02:00+02:00"


def test_a_time_element_far_from_the_headline_beats_a_guess():
    head = '<meta property="og:article:published_time" content="2022-01-15">'
    closing = (
        '<ul class="meta"><li>Erscheinungsdatum <time datetime="2022-01-25">25.01.2022</time></li></ul>'
        '<section class="comments"><time datetime="2022-02-01">01.02.2022</time></section>'
        '<blockquote>Ein geteilter Beitrag am <time datetime="2021-04-21">Apr 21, 2021</time></blockquote>'
    )
    assert extract(page(head, "<h1>Hafen wird erweitert</h1>", closing=closing)).published == "2022-01-25"
    # Time elements that print different days (the story's and a teaser's) decide nothing.
    teaser = '<aside><time datetime="2022-01-10T09:00:00+01:00">vor 9 Stunden</time></aside>'
    assert extract(page(head, "<h1>Hafen wird erweitert</h1>", closing=closing + teaser)).published == "2022-01-15"


def ld(node: dict) -> str:
    return '<script type="application/ld+json">' + json.dumps({"@context": "https://schema.org", **node}) + "</script>"


VIDEO = {"@type": "VideoObject", "name": "Der Hafen im Film", "uploadDate": "2021-06-02", "datePublished": "2021-06-02"}
STORY_NODE = {"@type": "NewsArticle", "headline": "Hafen wird erweitert", "datePublished": "2022-03-14T08:00:00+01:00"}


@pytest.mark.parametrize(
    "head",
    [
        ld(VIDEO) + ld(STORY_NODE),  # a video player's script before the story's (broadcasters)
        ld({"@graph": [VIDEO, {"@type": "ImageObject", "datePublished": "2020-01-01"}, STORY_NODE]}),
        # Related stories as article nodes of their own, listed before the page's.
        ld({**STORY_NODE, "url": "https://example.org/anderes.html", "datePublished": "2021-06-02"})
        + ld({**STORY_NODE, "url": URL}),
    ],
)
def test_the_date_is_the_story_nodes_not_a_video_or_related_node(head):
    assert extract(page(head, "<h1>Hafen wird erweitert</h1>")).published[:10] == "2022-03-14"


def test_a_related_story_node_gives_neither_headline_nor_author():
    related = {**STORY_NODE, "url": "https://example.org/anderes.html", "headline": "Neuer Radweg am Rhein"}
    own = {**STORY_NODE, "url": URL, "headline": "Hafen wird um zwei Terminals erweitert"}
    head = ld({**related, "author": {"@type": "Person", "name": "Jan Meyer"}})
    head += ld({**own, "author": {"@type": "Person", "name": "Anna Schmidt"}})
    article = extract(page(head))
    assert (article.title, article.authors) == ("Hafen wird um zwei Terminals erweitert", ["Anna Schmidt"])


def test_microdata_and_time_elements_outside_the_story_do_not_date_it():
    video = (
        '<div itemprop="video" itemscope itemtype="https://schema.org/VideoObject">'
        '<meta itemprop="datePublished" content="2021-06-02"></div>'
    )
    story = (
        '<div itemscope itemtype="https://schema.org/NewsArticle"><meta itemprop="datePublished" content="2022-03-14">'
    )
    html = page(header=video + story + "<h1>Hafen wird erweitert</h1></div>")
    assert extract(html).published[:10] == "2022-03-14"
    # A page without story markup of its own (a podcast episode's) is dated by its media item.
    audio = video.replace("VideoObject", "AudioObject").replace('itemprop="video" ', "")
    assert extract(page(header=audio + "<h1>Hafen wird erweitert</h1>")).published[:10] == "2021-06-02"
    # The story's printed date is the one outside figures, videos and related teasers.
    closing = (
        '<figure><img src="hafen.jpg"><figcaption>Archivbild vom <time datetime="2019-05-04">04.05.2019</time>'
        "</figcaption></figure>"
        '<div class="related-articles"><time datetime="2021-06-02">02.06.2021</time></div>'
        '<p class="meta">Erscheinungsdatum <time datetime="2022-03-14">14.03.2022</time></p>'
    )
    assert extract(page(closing=closing)).published[:10] == "2022-03-14"


def test_a_caption_next_to_the_headline_is_not_the_date_line():
    figure = (
        '<figure><img src="hafen.jpg"><figcaption>Der Hafen im Frühjahr (Foto: Stadt Düsseldorf, 04.05.2019)'
        "</figcaption></figure>"
    )
    header = "<h1>Hafen wird erweitert</h1>" + figure + "<p>14.03.2022, 08:00 Uhr</p>"
    assert extract(page(header=header)).published[:10] == "2022-03-14"


def test_a_post_that_says_when_it_was_published():
    closing = "<p>Dieser Beitrag wurde am Samstag, 3. Dezember 2011 um 14:10 Uhr veröffentlicht.</p>"
    head = '<meta name="date" content="2011-12-09">'
    assert extract(page(head, closing=closing)).published[:10] == "2011-12-03"
    # The old German WordPress default theme's line, with the post's categories before the label.
    closing = (
        "<p><small>Dieser Beitrag wurde am Samstag, den 3. Dezember 2011 um 14:10 Uhr in den Kategorien "
        "Wirtschaft, Region Düsseldorf, Häfen und Logistik veröffentlicht.</small></p>"
    )
    assert extract(page(head, closing=closing)).published[:10] == "2011-12-03"
    # A report about another text's publication is not the page's date.
    closing = "<p>Der Bericht der Kommission wurde am 3. Dezember 2011 veröffentlicht.</p>"
    assert extract(page(head, closing=closing)).published[:10] == "2011-12-09"


def test_the_date_line_is_found_below_indented_markup():
    indent = "\n" + " " * 400
    header = (
        f"<h1>Hafen wird um zwei Terminals erweitert</h1>{indent}<div>{indent}<div>{indent}"
        "Von <span>Anna Schmidt</span> 4.&thinsp;2.&thinsp;2022.</div></div>"
    )
    article = extract(page('<meta name="date" content="2022-04-02">', header))
    assert article.published == "2022-02-04"
    assert article.authors == ["Anna Schmidt"]


def test_a_release_date_is_not_the_date_line():
    header = "<h1>Hafen wird um zwei Terminals erweitert</h1><p>Spiel · Release: 14.11.2019</p>"
    head = jsonld(datePublished="2019-12-02T18:15:20+01:00")
    assert extract(page(head, header)).published == "2019-12-02T18:15:20+01:00"


def test_a_forum_post_s_two_digit_year():
    header = "<h1>Hafen wird um zwei Terminals erweitert</h1><p><b>hafenfan</b> 28.09.19 12:44</p>"
    head = '<meta name="date" content="2019-09-21">'
    assert extract(page(head, header)).published == "2019-09-28T12:44:00+02:00"
    # Version numbers and longer digit runs are no dates.
    header = "<h1>Hafen wird um zwei Terminals erweitert</h1><p>Update auf iOS 13.1.1 und 10.12.2019.1</p>"
    assert extract(page(head, header)).published == "2019-09-21"


def test_a_stand_line_is_the_date_when_it_is_the_only_one():
    header = "<h1>Hafen wird um zwei Terminals erweitert</h1><p>Stand: 28.04.2020 18:00 Uhr</p>"
    head = '<meta name="date" content="2020-04-29T11:52:23">'
    assert extract(page(head, header)).published == "2020-04-28T18:00:00+02:00"
    # Beside the date line it is the update.
    header = "<h1>Hafen wird um zwei Terminals erweitert</h1><p>21.04.2020</p><p>Stand: 28.04.2020 18:00 Uhr</p>"
    assert extract(page(head, header)).published == "2020-04-21"
    # The markup names it as the update of an earlier publication.
    header = "<h1>Hafen wird um zwei Terminals erweitert</h1><p>Stand: 28.04.2020 18:00 Uhr</p>"
    head = jsonld(datePublished="2020-04-21T09:00:00+02:00", dateModified="2020-04-28T18:00:00+02:00")
    assert extract(page(head, header)).published == "2020-04-21T09:00:00+02:00"
    # Or names an earlier publication only: the line is the update.
    article = extract(page(jsonld(datePublished="2020-04-21T09:00:00+02:00"), header))
    assert (article.published, article.modified) == ("2020-04-21T09:00:00+02:00", "2020-04-28T18:00:00+02:00")


@pytest.mark.parametrize(
    "line",
    [
        '<time datetime="2020-04-28T18:00:00+02:00">Stand: 28.04.2020, 18:00 Uhr</time>',
        '<time datetime="2020-04-28T18:00:00+02:00">Aktualisiert am 28.04.2020, 18:00 Uhr</time>',
        'Stand: <time datetime="2020-04-28T18:00:00+02:00">28.04.2020, 18:00 Uhr</time>',
    ],
)
def test_a_time_element_that_prints_its_own_as_of_label_is_read_as_the_line_it_is(line):
    # The Ippen papers and WELT set the whole line "Stand: …" inside the <time> element; other
    # sites set the label before it, as the same line.
    header = f"<h1>Hafen wird um zwei Terminals erweitert</h1><p>{line}</p>"
    head = jsonld(datePublished="2020-04-21T09:00:00+02:00", dateModified="2020-04-28T18:00:00+02:00")
    article = extract(page(head, header))
    assert (article.published, article.modified) == ("2020-04-21T09:00:00+02:00", "2020-04-28T18:00:00+02:00")
    # Beside a teaser's <time> of another day, the line is still read against the markup.
    teaser = '<aside><div class="id-Teaser"><a href="/x.html">Gaspreise sinken</a><time>14.04.2020</time></div></aside>'
    head = jsonld(datePublished="2020-04-28T07:45:00+02:00")
    assert extract(page(head, header, closing=teaser)).published[:10] == "2020-04-28"
    # Alone, with no earlier publication in the markup, "Stand:" still dates the story.
    if "Stand" in line:
        assert extract(page('<meta name="date" content="2020-04-29">', header)).published[:10] == "2020-04-28"


@pytest.mark.parametrize(
    "modification", ['property="article:modified_time"', 'property="og:updated_time"', 'name="last-modified"']
)
def test_a_story_that_prints_only_its_update_is_dated_by_its_structured_publication(modification):
    # The page prints no day but the update's; a meta tag states the update too. htmldate, asked
    # for the day, would take the meta tag's before the JSON-LD's datePublished.
    head = f'<meta {modification} content="2026-08-18T12:20:00+02:00">' + jsonld(
        datePublished="2026-03-11T09:00:00+01:00", dateModified="2026-08-18T12:20:00+02:00"
    )
    header = '<p class="updated">Aktualisiert am 18.08.2026</p><h1>Hafen wird um zwei Terminals erweitert</h1>'
    article = extract(page(head, header))
    assert (article.published, article.modified) == ("2026-03-11T09:00:00+01:00", "2026-08-18T12:20:00+02:00")
    assert article.date_source == "structured data"


def test_a_dated_topline_set_as_a_heading_right_above_the_headline_dates_the_story():
    header = "<h4>Politik, Donnerstag, 15. März 2018</h4><h1>Hafen wird um zwei Terminals erweitert</h1>"
    others = (
        '<div class="newsList"><h2><a href="/nachrichten/1">Radweg eröffnet</a></h2><span>8. März 2018</span></div>'
    )
    assert extract(page("", header, closing=others)).published[:10] == "2018-03-15"


@pytest.mark.parametrize("dateline", ["Wochenbericht 14. - 20. Januar 2022", "Messebericht 14.-20.01.2022"])
def test_a_date_line_with_a_range_names_its_first_day(dateline):
    header = f"<h1>Hafen wird um zwei Terminals erweitert</h1><p>{dateline}</p>"
    assert extract(page('<meta name="date" content="2022-01-25">', header)).published == "2022-01-14"


@pytest.mark.parametrize("bad", ["2099-01-01T10:00:00+01:00", "1989-11-09T19:00:00+01:00"])
def test_future_and_pre_1995_dates_are_rejected(bad):
    tree = parse_html(page(jsonld(datePublished=bad)))
    published = article_dates(tree, URL).published
    assert published is None or not published.startswith(bad[:4])


# Authors


def test_several_authors_from_jsonld_and_agency():
    head = jsonld(
        author=[
            {"@type": "Person", "name": "Anna Schmidt"},
            {"@type": "Person", "name": "Jan Meyer"},
            {"@type": "Organization", "name": "dpa"},
        ]
    )
    article = extract(page(head))
    assert article.authors == ["Anna Schmidt", "Jan Meyer"]
    assert article.agencies == ["dpa"]
    assert article.author == "Anna Schmidt; Jan Meyer; dpa"


@pytest.mark.parametrize("value", ["Anna Schmidt (dpa)", "Anna Schmidt/dpa", "Anna Schmidt / dpa"])
def test_a_wire_service_after_the_name_in_the_meta_author_is_the_agency(value):
    article = extract(page(f'<meta name="author" content="{value}">', HEADLINE))
    assert (article.authors, article.agencies) == (["Anna Schmidt"], ["dpa"])


@pytest.mark.parametrize(
    "line, authors",
    [
        # Print bylines carried online: the possessive and the role before the name.
        ("Von unserem Redakteur Jan Meyer", ["Jan Meyer"]),
        ("Von unserer Korrespondentin Anna Schmidt, Brüssel", ["Anna Schmidt"]),
        # Where each reporter wrote from.
        ("Von Anna Schmidt, Brüssel, und Jan Meyer, Berlin", ["Anna Schmidt", "Jan Meyer"]),
        # "Text:" under the headline, as at the story's end; the photographer is no author.
        ("Text: Anna Schmidt", ["Anna Schmidt"]),
        ("Text: Anna Schmidt | Fotos: Jan Meyer", ["Anna Schmidt"]),
        # The station or newsroom by its initials after the people: the credit keeps it, the
        # authors are the people (see test_a_station_credited_beside_a_person_is_no_author).
        ("Von Jan Meyer, WDR", ["Jan Meyer"]),
        ("Von Jan Meyer und Anna Schmidt, SWR", ["Jan Meyer", "Anna Schmidt"]),
    ],
)
def test_a_byline_label_with_its_variants_under_the_headline(line, authors):
    header = "<h1>Hafen wird um zwei Terminals erweitert</h1>" + f"<p>{line}</p>"
    article = extract(page(header=header))
    assert article.authors == authors
    if "WDR" in line:
        assert article.author == "Jan Meyer; WDR"
        # Where the metadata credits the station alone, the byline names the people too.
        assert extract(page('<meta name="author" content="WDR">', header)).authors == authors


@pytest.mark.parametrize("credit", ["Anna Schmidt (as)", "Anna Schmidt (Text)", "Anna Schmidt (AS)"])
def test_what_a_credit_adds_in_brackets_is_not_part_of_the_name(credit):
    assert split_names(credit) == ["Anna Schmidt"]
    assert extract(page(f'<meta name="author" content="{credit}">')).authors == ["Anna Schmidt"]
    assert split_names("Anna Schmidt (dpa)") == ["Anna Schmidt", "dpa"]


@pytest.mark.parametrize(
    "names",
    [
        ["Çiğdem Akyol"],
        ["Łukasz Nowak", "Şeyma Yılmaz"],
        ["İlkay Demir"],
        ["Émilie Dubois"],
        ["Ørjan Ødegård"],
        ["Ursula von der Leyen"],
        ["Jan van den Berg", "Anna Schmidt"],
        ["Jan-Hendrik de la Cruz"],
    ],
)
def test_names_of_every_latin_alphabet_and_their_particles_in_a_byline(names):
    header = "<h1>Hafen wird um zwei Terminals erweitert</h1>" + f"<p>Von {' und '.join(names)}</p>"
    assert extract(page(header=header)).authors == names


@pytest.mark.parametrize("line, agency", [("Von dpa", "dpa"), ("Von AFP | 05.12.2024", "AFP")])
def test_a_byline_naming_the_wire_service_alone_credits_the_agency(line, agency):
    header = "<h1>Hafen wird um zwei Terminals erweitert</h1>" + f"<p>{line}</p>"
    article = extract(page(header=header))
    assert (article.authors, article.agencies) == ([], [agency])
    # Not a word that starts like one.
    assert extract(page(header=header.replace(line, "Von dpa-Reportern"))).agencies == []


@pytest.mark.parametrize("joined", ["und", "u.", "&amp;"])
def test_byline_with_von_und(joined):
    header = f'<p class="byline">Von Anna Schmidt {joined} Jan Meyer</p>'
    assert extract(page(header=header)).authors == ["Anna Schmidt", "Jan Meyer"]


@pytest.mark.parametrize("others", ["u.a.", "u. a.", "et al.", "and others"])
def test_the_others_a_byline_leaves_unnamed_are_no_name(others):
    header = f'<p class="byline">Von Anna Schmidt und Jan Meyer {others}</p>'
    assert extract(page(header=header)).authors == ["Anna Schmidt", "Jan Meyer"]


@pytest.mark.parametrize(
    "dateline, agency",
    [
        ("Düsseldorf (dpa/lnw) – ", "dpa"),
        ("Frankfurt (dpa-AFX) - ", "dpa-AFX"),
        ("(AFP) – ", "AFP"),
        ("İstanbul (AFP) – ", "AFP"),
        ("Łódź (AFP) – ", "AFP"),
        ("Münster (epd). ", "epd"),
        ("München (dts Nachrichtenagentur) – ", "dts"),
        # dpa-AFX's analysts' ratings, under the service's name.
        ("NEW YORK (dpa-AFX Analyser) - ", "dpa-AFX"),
    ],
)
def test_an_agency_dateline_opening_the_story_names_the_agency(dateline, agency):
    body = f"<p>{dateline}{STORY}</p>" + f"<p>{STORY}</p>" * 3
    article = extract(page(header=HEADLINE, body=body))
    assert article.agencies == [agency]
    # The byline keeps the regional service the story credits.
    assert article.author == {"dpa": "dpa/lnw"}.get(agency, agency)
    assert article.authors == []
    # A press service's or the desk's initials there credit nobody.
    body = f"<p>Düsseldorf (ots) – {STORY}</p>" + f"<p>{STORY}</p>" * 3
    assert extract(page(header=HEADLINE, body=body)).author is None


def test_closing_credit_names_the_agency():
    article = extract(page(closing="<p>Die Hafengesellschaft bestätigte den Zeitplan. (dpa/lnw)</p>"))
    assert article.agencies == ["dpa"]


def test_initials_are_kept_only_when_nobody_is_named():
    closing = "<p>Die Hafengesellschaft bestätigte den Zeitplan. (nic)</p>"
    assert extract(page(closing=closing)).authors == ["nic"]
    named = page('<meta name="author" content="Anna Schmidt">', closing=closing)
    assert extract(named).authors == ["Anna Schmidt"]


def test_desk_names_only_when_alone():
    head = jsonld(author=[{"name": "Redaktion Wirtschaft"}, {"name": "Anna Schmidt"}])
    assert extract(page(head)).authors == ["Anna Schmidt"]
    assert extract(page(jsonld(author={"name": "Redaktion Wirtschaft"}))).authors == ["Redaktion Wirtschaft"]


def test_the_byline_names_the_person_when_the_metadata_names_only_the_site():
    head = '<meta name="author" content="Rheinische Post"><meta property="og:site_name" content="Rheinische Post">'
    header = (
        "<h1>Hafen wird um zwei Terminals erweitert</h1>"
        "<p><span>Von Anna Schmidt und Jan Meyer</span> · 21.11.2024, 14:30 Uhr</p>"
    )
    article = extract(page(head, header))
    assert article.authors == ["Anna Schmidt", "Jan Meyer"]


def test_a_name_alone_in_the_meta_item_after_the_date_is_the_byline():
    head = (
        '<meta name="author" content="Rheinische Post"><meta property="og:site_name" content="Rheinische Post">'
        + jsonld(articleSection="Hafen Düsseldorf")
    )
    meta = '<ul class="post-info"><li><span>{}</span></li><li><span>21. November 2024</span></li><li><span>{}</span></li></ul>'
    header = "<h1>Hafen wird um zwei Terminals erweitert</h1>" + meta.format("Wirtschaft", "Anna Schmidt")
    assert extract(page(head, header)).authors == ["Anna Schmidt"]
    # The item after the date names the story's section, which the markup names as such.
    header = "<h1>Hafen wird um zwei Terminals erweitert</h1>" + meta.format("Wirtschaft", "Hafen Düsseldorf")
    assert extract(page(head, header)).authors == ["Rheinische Post"]


@pytest.mark.parametrize(
    "byline",
    [
        '<p class="meta">Ein Kommentar von Anna Schmidt</p>',
        '<div>Eine Analyse von <a href="/autoren/anna-schmidt">Anna Schmidt</a></div>',
        # The form as a compound: a review's, a travel story's, a business commentary's.
        '<p class="film-byline">Eine Filmkritik von <a href="/autoren/anna-schmidt">Anna Schmidt</a></p>',
        '<p class="byline">Ein Reisebericht von Anna Schmidt</p>',
        "<p>Ein Wirtschaftskommentar von Anna Schmidt</p>",
        "<p>Das Interview führte Anna Schmidt</p>",
        "<p>Veröffentlicht am 21. November 2024 von Anna Schmidt</p>",
        '<p>Veröffentlicht am 21.11.2024 von <a href="/author/anna">Anna Schmidt</a></p>',
        "<p>Anna Schmidt | 21.11.2024, 14:30 Uhr</p>",
    ],
)
def test_bylines_named_by_the_story_s_form_or_the_date_line(byline):
    head = '<meta name="author" content="Rheinische Post"><meta property="og:site_name" content="Rheinische Post">'
    assert extract(page(head, HEADLINE + byline)).authors == ["Anna Schmidt"]


@pytest.mark.parametrize(
    "byline, authors",
    [
        # Superscripts referring each name to its affiliation (journals' and institutes' lists).
        (
            '<p class="authors"><span class="author"><a href="/s?a=1">Anna Schmidt</a><sup>a</sup></span>, '
            '<span class="author"><a href="/s?a=2">Jan Meyer</a><sup>b</sup></span></p>',
            ["Anna Schmidt", "Jan Meyer"],
        ),
        (
            '<p class="authors">Von Anna Schmidt<sup>1,2</sup> und Jan Meyer<sup>*</sup></p>',
            ["Anna Schmidt", "Jan Meyer"],
        ),
        # Not the "a" of Austria's Magistra.
        ('<p class="author">Text: Mag.<sup>a</sup> Anna Schmidt</p>', ["Mag.a Anna Schmidt"]),
        # The Swiss licentiate before a name.
        (
            '<p class="authors"><span class="author">Anna Schmidt</span>, <span class="author">lic. iur. Jan Meyer</span></p>',
            ["Anna Schmidt", "lic. iur. Jan Meyer"],
        ),
    ],
)
def test_affiliation_marks_and_titles_around_the_names_of_a_byline(byline, authors):
    assert extract(page("", HEADLINE + byline)).authors == authors


def test_links_to_author_pages_next_to_the_headline_are_the_byline():
    head = '<meta name="author" content="Rheinische Post"><meta property="og:site_name" content="Rheinische Post">'
    byline = (
        '<div class="meta"><a href="https://rp-online.de/autoren/anna-schmidt-123">Anna Schmidt</a> und '
        '<a href="/autoren/jan-meyer">Jan Meyer</a></div>'
    )
    assert extract(page(head, HEADLINE + byline)).authors == ["Anna Schmidt", "Jan Meyer"]
    # An author's page linked far from the headline (a list of other stories) is no byline.
    related = '<ul><li><a href="/story-2.html">Neuer Radweg</a> <a href="/autoren/paul-klee">Paul Klee</a></li></ul>'
    assert extract(page(head, HEADLINE, closing=related)).authors == ["Rheinische Post"]


@pytest.mark.parametrize(
    "head",
    ['<meta name="author" content="Anna Schmidt">', jsonld(author={"@type": "Person", "name": "Anna Schmidt"})],
)
def test_the_byline_adds_the_authors_the_metadata_leaves_out(head):
    header = HEADLINE + "<p>Von Anna Schmidt und Jan Meyer</p>"
    assert extract(page(head, header)).authors == ["Anna Schmidt", "Jan Meyer"]
    # A byline that names the metadata's author alone changes nothing.
    header = HEADLINE + "<p>Von Anna Schmidt</p>"
    assert extract(page(head, header)).authors == ["Anna Schmidt"]
    # Nor does an academic title the byline writes and the metadata does not.
    header = HEADLINE + "<p>Von Dr. Anna Schmidt und Jan Meyer</p>"
    assert extract(page(head, header)).authors == ["Dr. Anna Schmidt", "Jan Meyer"]


def test_a_line_of_names_alone_that_holds_the_metadata_s_author_names_all_writers():
    head = '<meta name="author" content="Lena Hartung">'
    body = "<p><strong>LENA HARTUNG, JONAS PRIEBE</strong></p>" + "".join(f"<p>{STORY}</p>" for _ in range(3))
    assert extract(page(head, HEADLINE, body=body)).authors == ["Lena Hartung", "Jonas Priebe"]
    # Not a line with more on it: another story's meta line, its day after the names.
    closing = '<p class="meta">Lena Hartung, Jonas Priebe · 12.02.2025</p>'
    assert extract(page(head, HEADLINE, closing=closing)).authors == ["Lena Hartung"]


def test_the_graphic_artist_the_metadata_lists_beside_the_writer_is_no_author():
    head = jsonld(author=[{"@type": "Person", "name": "Anna Schmidt"}, {"@type": "Person", "name": "Jan Meyer"}])
    chart = '<figure><img src="/grafik.png" alt=""><figcaption>Grafik: Jan Meyer | Daten: Statistikamt</figcaption></figure>'
    assert extract(page(head, HEADLINE, closing=chart)).authors == ["Anna Schmidt"]
    # A writer who took the picture too stays.
    byline = "<p>Von Anna Schmidt und Jan Meyer</p>"
    assert extract(page(head, HEADLINE + byline, closing=chart)).authors == ["Anna Schmidt", "Jan Meyer"]


def test_a_magazine_credits_block_names_the_author():
    credits = (
        '<div class="credits"><div><div class="label">Interview</div><div class="text">Anna Schmidt</div></div>'
        '<div><div class="label">Fotograf</div><div class="text">Jan Meyer</div></div></div>'
    )
    assert extract(page(header=HEADLINE, closing=credits)).authors == ["Anna Schmidt"]


@pytest.mark.parametrize("byline", ["Von Anna Schmidt und dpa", "Von Anna Schmidt, dpa"])
def test_a_byline_credits_the_agency_beside_the_reporter(byline):
    article = extract(page(header=HEADLINE + f"<p>{byline}</p>"))
    assert (article.authors, article.agencies) == (["Anna Schmidt"], ["dpa"])


def test_a_jsonld_author_given_by_reference_is_the_person_node_it_names():
    graph = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "NewsArticle", "headline": "Hafen wird erweitert", "author": {"@id": "https://rp.de/#/person/1"}},
            {"@type": "Person", "@id": "https://rp.de/#/person/1", "name": "Anna Schmidt"},
        ],
    }
    head = f'<script type="application/ld+json">{json.dumps(graph)}</script>'
    assert extract(page(head, HEADLINE)).authors == ["Anna Schmidt"]
    # Read from the markup itself, not left to trafilatura's guess.
    assert article_authors(parse_html(page(head, HEADLINE)), url=URL) == (["Anna Schmidt"], [], [])


@pytest.mark.parametrize("station", ["WDR", "NDR", "BR"])
def test_a_station_credited_beside_a_person_is_no_author(station):
    """ "Von Anna Schmidt, WDR": the credit keeps the station, the people are the authors."""
    header = f'<h1>{HEADLINE}</h1><p class="byline">Von Anna Schmidt und Jan Meyer, {station}</p>'
    article = extract(page("", header))
    assert article.authors == ["Anna Schmidt", "Jan Meyer"]
    assert article.author == f"Anna Schmidt; Jan Meyer; {station}"


@pytest.mark.parametrize(
    "credit, authors",
    [
        # Where the person writes from, and the publisher's seat, are no one's name.
        ("Anna Schmidt, Hamburg", ["Anna Schmidt"]),
        ("Anna Schmidt, London, Jan Meyer", ["Anna Schmidt", "Jan Meyer"]),
        ("Anna Schmidt, Frankfurt-Höchst", ["Anna Schmidt"]),
        # A surname before the first name is a name of one word each, and stays.
        ("Schmidt, Anna", ["Schmidt", "Anna"]),
    ],
)
def test_a_place_after_a_comma_in_the_credit_is_no_author(credit, authors):
    assert extract(page(f'<meta name="author" content="{credit}">', f"<h1>{HEADLINE}</h1>")).authors == authors


def test_the_publisher_s_seat_in_the_meta_author_gives_way_to_the_byline():
    """SPIEGEL's and manager magazin's meta author is the publisher with its seat."""
    head = '<meta name="author" content="DER SPIEGEL, Hamburg, Germany">'
    header = f"<h1>{HEADLINE}</h1><p>Von Anna Schmidt und Jan Meyer</p>"
    assert extract(page(head, header), "https://www.spiegel.de/wirtschaft/a-1.html").authors == [
        "Anna Schmidt",
        "Jan Meyer",
    ]


def test_an_abbreviation_credited_alone_stays_the_credit():
    article = extract(page("", f'<h1>{HEADLINE}</h1><p class="byline">Von BDZV</p>'))
    assert article.author == "BDZV"


@pytest.mark.parametrize("joined", ["im Gespräch mit", "im Interview mit"])
def test_an_interview_byline_credits_guest_and_host(joined):
    header = HEADLINE + f'<p class="author">Anna Schmidt {joined} Jan Meyer</p>'
    assert extract(page(header=header)).authors == ["Anna Schmidt", "Jan Meyer"]


@pytest.mark.parametrize(
    ("closing", "author"),
    [
        ("<p><em>Quelle: MDR THÜRINGEN/ls</em></p>", "MDR THÜRINGEN/ls"),
        # An agency's copy: the site's desk is no author beside it.
        ('<p>Quelle: <a href="https://www.kathpress.at">kathpress</a></p>', "Kathpress"),
        ("<p>Quelle: Statistisches Bundesamt</p>", "Rheinische Post"),
    ],
)
def test_a_source_line_credits_an_agency_or_broadcaster_when_nobody_is_named(closing, author):
    head = '<meta name="author" content="Rheinische Post"><meta property="og:site_name" content="Rheinische Post">'
    assert extract(page(head, HEADLINE, closing=closing)).author == author


def test_the_author_of_a_sidebar_teaser_is_not_taken_for_the_story():
    head = '<meta name="author" content="RP-Online"><meta property="og:site_name" content="RP-Online">'
    sidebar = (
        '<aside><a href="/andere-geschichte"><div class="teaser-content"><h3>Neue Brücke über den Rhein</h3>'
        '<div class="badge"><div class="author-name">Von Jan Meyer</div></div></div></a></aside>'
    )
    assert "Jan Meyer" not in (extract(page(head, HEADLINE, closing=sidebar)).author or "")


def test_a_reader_s_comment_does_not_credit_the_story():
    comments = (
        '<div id="comments" class="comments"><h3>2 Kommentare</h3><div class="comment">'
        '<span class="comment-author">Klaus Becker</span> schrieb am 17.06.2026:<p>Danke für den Bericht!</p></div></div>'
    )
    signed = "<p><strong>Anna Schmidt</strong></p>"
    assert extract(page(header=HEADLINE, closing=signed + comments)).authors == ["Anna Schmidt"]


def test_the_post_author_s_reply_credits_a_story_nobody_signs():
    # WordPress marks the post author's comments "bypostauthor".
    comments = (
        '<ol class="comment-list"><li class="comment byuser even"><p class="comment-author">Klaus Becker</p>'
        '<div class="comment-content"><p>Gilt das auch bei Netto?</p></div></li>'
        '<li class="comment byuser bypostauthor odd"><p class="comment-author">Jan Meyer</p>'
        '<div class="comment-content"><p>Nein, nur bei Edeka.</p></div></li></ol>'
    )
    assert extract(page(header=HEADLINE, closing=comments)).authors == ["Jan Meyer"]


def test_a_von_inside_a_sentence_is_not_a_byline():
    header = (
        "<h1>Hafen wird um zwei Terminals erweitert</h1>"
        "<p>Der Plan stammt von Oberbürgermeister Stephan Keller, sagte die Stadt.</p>"
    )
    assert extract(page(header=header)).authors == []


def test_a_handle_in_the_metadata_gets_the_name_the_byline_prints():
    head = jsonld(author={"@type": "Person", "name": "anna.schmidt"})
    header = '<h1>Hafen wird um zwei Terminals erweitert</h1><p class="author-name">Anna M. Schmidt</p>'
    assert extract(page(head, header)).authors == ["Anna M. Schmidt"]


HEADLINE = "<h1>Hafen wird um zwei Terminals erweitert</h1>"


def test_a_byline_label_and_the_linked_name_in_separate_elements():
    header = HEADLINE + '<p>Von <a href="/autor/lisa-petrich">Lisa Petrich</a> · 18. Oktober 2023</p>'
    assert extract(page(header=header)).authors == ["Lisa Petrich"]
    header = HEADLINE + "<p><span>Von</span> <a>Lisa Petrich</a> <span>und</span> <a>Jan Meyer</a></p>"
    assert extract(page(header=header)).authors == ["Lisa Petrich", "Jan Meyer"]


@pytest.mark.parametrize(
    "credit",
    [
        "Autor: Fritz Imhof",
        "Autorin: Fritz Imhof",
        "Autor Fritz Imhof",
        "Ein Artikel von Fritz Imhof",
        "Text & Fotos: Fritz Imhof",
    ],
)
def test_a_labelled_author_counts_anywhere_on_the_page(credit):
    closing = f"<p>{credit}</p>"
    assert extract(page(header=HEADLINE, closing=closing)).authors == ["Fritz Imhof"]


def test_a_byline_below_the_lead_paragraph():
    lead = "<p>" + "Die Stadtwerke erweitern den Hafen um zwei Terminals für den Güterverkehr. " * 5 + "</p>"
    header = HEADLINE + lead + "<p>Von Claudia Lindner</p>"
    assert extract(page(header=header)).authors == ["Claudia Lindner"]


def test_a_von_far_from_the_headline_is_not_a_byline():
    # In the middle of the text; at its very end it would sign the story (see below).
    closing = f"<p>Von Anna Schmidt</p><p>{STORY}</p>"
    assert extract(page(header=HEADLINE, closing=closing)).authors == []


@pytest.mark.parametrize(
    "closing",
    [
        "<p><em>Von Anna Schmidt</em></p>",
        "<p><b><i>Anna Schmidt</i></b></p>",
        f"<p>{STORY} (Anna Schmidt) +++</p>",
        # The photographer's credit after the signature on its line.
        "<p>Text: Anna Schmidt / Foto: Jan Meyer</p>",
        "<p>Text: Anna Schmidt, Fotos und Grafik: Jan Meyer</p>",
        # A dash or a slash before the name.
        "<p>– Anna Schmidt</p>",
        '<p class="signature">/Anna Schmidt</p>',
    ],
)
def test_a_signature_at_the_end_of_the_story_names_the_author(closing):
    assert extract(page(header=HEADLINE, closing=closing)).authors == ["Anna Schmidt"]


@pytest.mark.parametrize(
    "closing",
    [
        '<p style="text-align: right;"><strong>Zuzana Kováčová und Peter Lipták</strong></p>',
        "<p><em>Zuzana Kováčová, Peter Lipták</em></p>",
    ],
)
def test_two_writers_set_apart_on_the_story_s_last_line_sign_it(closing):
    head = '<meta property="og:site_name" content="Karpatenblatt"><meta name="author" content="Karpatenblatt">'
    byline = HEADLINE + '<p class="byline">Von <a href="/author/kb/">Karpatenblatt</a></p>'
    assert extract(page(head, byline, closing=closing)).authors == ["Zuzana Kováčová", "Peter Lipták"]
    # Not set apart, a last line of two names may be anything (a caption's, the people thanked).
    plain = "<p>Zuzana Kováčová und Peter Lipták</p>"
    assert extract(page(head, byline, closing=plain)).authors == ["Karpatenblatt"]


def test_a_bracketed_name_alone_in_italics_at_the_end_signs_the_story():
    assert extract(page(header=HEADLINE, closing="<p><i>(Anna Schmidt)</i></p>")).authors == ["Anna Schmidt"]
    # Not in emphasis, a bracketed last line may be anything ("(Stadt Köln)", "(Archiv)").
    assert extract(page(header=HEADLINE, closing="<p>(Anna Schmidt)</p>")).authors == []


@pytest.mark.parametrize(
    "credits",
    [
        '<p class="article__credits">Text: Anna Schmidt | Fotos: Jan Meyer</p>',
        "<p><em>Text: Anna Schmidt · Bilder: Stadtarchiv</em></p>",
        '<p class="news-credit"><em>Recherche und Text: Anna Schmidt</em></p>',
        "<ul><li><strong>Author</strong> Anna Schmidt</li><li><strong>Date</strong> 14.01.2026</li></ul>",
    ],
)
def test_a_credits_line_after_the_story_names_the_author(credits):
    assert extract(page("", HEADLINE, closing=credits)).authors == ["Anna Schmidt"]


def test_a_teaser_s_text_credit_is_not_the_story_s():
    teaser = '<ul><li class="teaser"><h3><a href="/andere">Andere Meldung</a></h3><p>Text: Jan Meyer</p></li></ul>'
    assert extract(page("", HEADLINE, closing=teaser)).authors == []


@pytest.mark.parametrize(
    "box",
    [
        # An hCard: its formatted name ("fn") beside the box's heading and biography.
        '<div class="author-box vcard"><span>Über den Autor:</span> <a class="url fn n" href="/author/as/">'
        '<span class="given-name">Anna</span> <span class="family-name">Schmidt</span></a>'
        '<p class="note">Schreibt seit 2014 über Windenergie.</p></div>',
        # A byline classed "by-line".
        '<div class="by-line">by <a href="/brief">Anna Schmidt</a></div>',
    ],
)
def test_an_author_s_card_or_by_line_names_the_author(box):
    assert extract(page("", HEADLINE + box)).authors == ["Anna Schmidt"]


@pytest.mark.parametrize(
    "box",
    [
        '<div class="author-bio"><img src="as.jpg" alt=""><div><a class="author-name" href="/autor/as">'
        "Anna Schmidt</a><p>Anna Schmidt schreibt über Energie.</p></div></div>",
        '<div class="c-author"><span class="c-author__name">Anna Schmidt</span>'
        '<span class="c-author__role">Wirtschaftsredakteurin</span></div>',
    ],
)
def test_an_author_box_after_the_story_names_the_part_its_class_calls_the_name(box):
    # Not the name run into the biography or the role that follows it.
    assert extract(page(header=HEADLINE, closing=box)).authors == ["Anna Schmidt"]


@pytest.mark.parametrize(
    "credit, people, agencies",
    [
        ("Katrin Oberländer mit Felix Rammig", ["Katrin Oberländer", "Felix Rammig"], []),
        ("Katrin Oberländer mit dpa", ["Katrin Oberländer"], ["dpa"]),
        ("Katrin Oberländer mit Material von dpa", ["Katrin Oberländer"], ["dpa"]),
    ],
)
def test_mit_joins_a_co_author_or_the_agency(credit, people, agencies):
    article = extract(page(f'<meta name="author" content="{credit}">', HEADLINE))
    assert (article.authors, article.agencies) == (people, agencies)


def test_the_graphic_artist_the_byline_names_is_no_author_though_the_metadata_names_both():
    head = jsonld(author=[{"@type": "Person", "name": "Anna Schmidt"}, {"@type": "Person", "name": "Jan Meyer"}])
    header = HEADLINE + '<p class="article-header__author">Von Anna Schmidt und Jan Meyer (Grafik)</p>'
    assert extract(page(head, header)).authors == ["Anna Schmidt"]


@pytest.mark.parametrize(
    "note",
    [
        '<div class="autor-info"><p><em>Dr. Anna Schmidt ist Partnerin einer Kanzlei in Düsseldorf und berät '
        "Familienunternehmen bei Kapitalmarkttransaktionen.</em></p></div>",
        '<p class="author-note"><em>Anna Schmidt is a freelance journalist based in Cologne.</em></p>',
    ],
)
def test_an_author_s_note_opening_with_the_name_credits_it(note):
    authors = extract(page("", HEADLINE, closing=note)).authors
    assert [name.removeprefix("Dr. ") for name in authors] == ["Anna Schmidt"]


def test_the_name_in_bold_opening_an_author_box_is_the_author():
    box = (
        '<div class="about-author"><p class="about-author__text"><strong>Anna Schmidt</strong> schreibt '
        "über Ladeinfrastruktur, Energiewirtschaft und Förderpolitik. Sie lebt in Köln und fährt seit "
        "2019 elektrisch.</p></div>"
    )
    assert extract(page("", HEADLINE, closing=box)).authors == ["Anna Schmidt"]
    label = box.replace("<strong>Anna Schmidt</strong> schreibt", "<strong>Zur Person</strong> Sie schreibt")
    assert extract(page("", HEADLINE, closing=label)).authors == []


@pytest.mark.parametrize(
    "footer, people",
    [
        ("(Reporting by Maria Kessler; Editing by Tom Brandt)", ["Maria Kessler"]),
        (
            "(Reporting by Sven Oltmanns in Berlin and Anna Lee in Paris; Editing by Tom Brandt)",
            ["Sven Oltmanns", "Anna Lee"],
        ),
        (
            "(Bericht von Petra Lindner, redigiert von Kerstin Dörr. Bei Rückfragen wenden Sie sich an die Redaktion.)",
            ["Petra Lindner"],
        ),
        ("(Bericht von Reuters; redigiert von der Redaktion)", []),
    ],
)
def test_the_wire_s_closing_line_names_its_reporter(footer, people):
    head = '<meta name="author" content="Reuters">'
    article = extract(page(head, HEADLINE, closing=f"<p>{footer}</p>"))
    assert (article.authors, article.agencies) == (people, ["Reuters"])


def test_the_wire_s_owner_as_the_byline_is_the_wire():
    article = extract(page('<meta name="author" content="Thomson Reuters">', HEADLINE))
    assert (article.authors, article.agencies) == ([], ["Reuters"])


def test_an_agency_after_a_comma_is_no_place():
    byline = '<div class="byline">By <a href="/author/x" class="author-name">Frederike Lang, Reuters</a></div>'
    head = jsonld(author={"@type": "Person", "name": "Frederike Lang"})
    article = extract(page(head, HEADLINE + byline))
    assert (article.authors, article.agencies) == (["Frederike Lang"], ["Reuters"])


def test_a_posted_date_in_a_byline_element_is_no_name():
    stamp = '<span class="byline-timestamp"><time datetime="2026-03-12T12:05:41Z">Posted: Mar 12, 2026 8:05 AM EDT</time></span>'
    assert extract(page("", HEADLINE + stamp)).authors == []


@pytest.mark.parametrize("trail_class", ["breadcrumb", "crumbs"])
def test_a_category_beside_the_day_that_the_trail_names_is_no_author(trail_class):
    trail = f'<nav class="{trail_class}"><a href="/">News</a> › <a href="/kategorie/local-seo/">Local SEO</a></nav>'
    meta = '<div class="meta"><span>17.03.2026</span> <span class="cat">Local SEO</span></div>'
    assert extract(page("", trail + HEADLINE + meta)).authors == []


def test_a_last_line_signed_with_the_agency_credits_both():
    article = extract(page("", HEADLINE, closing="<p>Von Anna Schmidt, dpa</p>"))
    assert (article.authors, article.agencies) == (["Anna Schmidt"], ["dpa"])


@pytest.mark.parametrize(
    "closing, reporter, agency",
    [
        # Above the site's closing lines: an app's promotion under a regional broadcaster's copy.
        (
            "<p>Von Jana Wolters, dpa</p><p><strong>FFH News aufs Handy</strong></p><p>Mit der FFH-App verpassen Sie "
            "keine Eilmeldung aus Hessen.</p>",
            "Jana Wolters",
            "dpa",
        ),
        # In the frame dpa-AFX sets around it, on the portals running its copy.
        ("<p>--- Von Hans Bremer, dpa-AFX ---</p>", "Hans Bremer", "dpa-AFX"),
    ],
)
def test_the_reporter_s_line_with_the_agency_near_the_end_credits_both(closing, reporter, agency):
    article = extract(page("", HEADLINE, closing=closing))
    assert (article.authors, article.agencies) == ([reporter], [agency])


@pytest.mark.parametrize(
    "source, agency",
    [("Radio Basilisk/sda", "SDA"), ("<em>Quelle: Antenne Vorarlberg / APA</em>", "APA")],
)
def test_a_station_s_name_before_the_agency_in_the_source_line(source, agency):
    article = extract(page("", HEADLINE, closing=f'<p class="source">{source}</p>'))
    assert (article.authors, article.agencies) == ([], [agency])


@pytest.mark.parametrize("body", ["LK Niederösterreich", "WKO Tirol", "DGB Bayern"])
def test_a_body_s_abbreviation_before_a_place_after_the_writer_is_no_person(body):
    header = HEADLINE + f'<p class="news-info"><span class="news-author">DI Martina Gruber, {body}</span></p>'
    assert extract(page("", header)).authors == ["DI Martina Gruber"]


def test_a_guest_s_credit_in_the_date_line_names_the_guest_without_the_firm():
    head = '<meta name="author" content="Staatssekretariat für Wirtschaft SECO">'
    header = HEADLINE + '<p class="article-meta">02.04.2025 – Gastbeitrag von Reto Baumgartner, Treuhand Suisse</p>'
    assert extract(page(head, header)).authors == ["Reto Baumgartner"]


def test_a_broadcast_piece_s_editor_is_its_author_not_the_camera():
    closing = '<div class="beitrag_credits">Redakteur: Sandra Kühn &nbsp;|&nbsp; Kamera: Tobias Heym</div>'
    assert extract(page("", HEADLINE, closing=closing)).authors == ["Sandra Kühn"]


def test_a_minified_byline_s_label_beside_the_name_is_no_part_of_it():
    # The label's and the name's elements without a space between them, as minified markup sets them.
    head = '<meta name="author" content="Ruth Kessler">'
    header = (
        HEADLINE + '<div class="tdb_single_author"><div class="tdb-author-name-wrap"><span class="tdb-author-by">Von'
        '</span><a class="tdb-author-name" href="/author/rkessler/">Ruth Kessler</a></div></div>'
    )
    assert extract(page(head, header)).authors == ["Ruth Kessler"]


def test_the_post_navigation_s_labels_and_a_job_after_the_name_are_no_people():
    # The links to the previous and next posts in a box the theme classes as the author's.
    header = (
        HEADLINE
        + '<div class="author-nav"><span class="author">Vorheriger Artikel</span> <span class="author">Nächster Artikel</span></div>'
    )
    assert extract(page("", header)).authors == []
    byline = (
        HEADLINE
        + '<p class="byline">Von <a href="/contributor/mf">Markus Feldhofer</a>, <span class="author-title">Freier Journalist</span></p>'
    )
    assert extract(page("", byline)).authors == ["Markus Feldhofer"]


def test_the_agency_s_source_line_with_its_editor_after_a_semicolon():
    closing = '<p class="source"><em>Quelle: Reuters; Bearbeitung: Marek Lindner</em></p>'
    article = extract(page('<meta name="author" content="Redaktion">', HEADLINE, closing=closing))
    assert (article.authors, article.agencies) == ([], ["Reuters"])


def test_a_name_written_surname_first_in_the_meta_tag_is_the_json_ld_s_person():
    head = '<meta name="author" content="Wójcik, Łukasz">' + jsonld(
        headline="Zusatzbeitrag", author={"@type": "Person", "name": "Łukasz Wójcik"}
    )
    assert extract(page(head, HEADLINE + '<p class="author">Autor: Wójcik, Łukasz</p>')).authors == ["Łukasz Wójcik"]


def test_a_guest_article_s_note_names_the_guest():
    head = '<meta name="author" content="Gastautor">'
    closing = '<div class="guest-note"><p><em>Dies ist ein Gastartikel von Carola Heinemann. Sie betreibt einen Onlineshop.</em></p></div>'
    assert extract(page(head, HEADLINE + '<p class="byline">von Gastautor</p>', closing=closing)).authors == [
        "Carola Heinemann"
    ]


def test_an_association_s_wire_copy_beside_its_press_contact_credits_the_agency_only():
    body = f"<p>{STORY}</p>" * 3 + f"<p>{STORY} (dpa/lsw)</p>"
    contact = "<aside><h3>Ihr Ansprechpartner</h3><p><strong>Jörg Wendelstein</strong><br>Referent Presse</p></aside>"
    article = extract(page("", HEADLINE, body=body, closing=contact))
    assert (article.authors, article.agencies) == ([], ["dpa"])


@pytest.mark.parametrize(
    "closing",
    [
        f"<p>{STORY} Quelle: dpa</p>",
        '<p class="quelle">(Quelle: dpa)</p>',
        '<p class="article-source"><em>Redaktion DGS mit Material von dpa</em></p>',
    ],
)
def test_the_agency_named_as_the_source_after_the_story_or_beside_the_desk(closing):
    article = extract(page("", HEADLINE, closing=closing))
    assert (article.authors, article.agencies) == ([], ["dpa"])


@pytest.mark.parametrize(
    "closing",
    [
        # A credits list, the label without its colon, the next label after the name.
        '<dl class="credits"><dt>Text</dt><dd>Ilja Markelow</dd><dt>Übersetzung</dt><dd>Jana Lindner</dd>'
        "<dt>Bildredaktion</dt><dd>dekoder-Redaktion</dd></dl>",
        # The editor who reworked the copy, named under the story.
        "<p><em>[Bearbeitet von Jana Lindner]</em></p>",
    ],
)
def test_the_translator_or_the_editor_the_metadata_lists_beside_the_writer_is_no_author(closing):
    head = jsonld(
        headline="Lieferketten",
        author=[{"@type": "Person", "name": "Ilja Markelow"}, {"@type": "Person", "name": "Jana Lindner"}],
    )
    assert extract(page(head, HEADLINE, closing=closing)).authors == ["Ilja Markelow"]


def test_a_labelled_date_line_going_on_with_the_writers():
    header = (
        HEADLINE + '<p class="date-line"><small>Stand: 21.04.2026 · Text: Lea Hoffmann und Björn Tiemann</small></p>'
    )
    assert extract(page("", header)).authors == ["Lea Hoffmann", "Björn Tiemann"]


def test_a_roundup_s_compiler_is_its_author():
    head = '<meta name="author" content="Redaktion">'
    closing = "<p><em>Zusammengestellt von Anna Schmidt</em></p>"
    assert extract(page(head, HEADLINE, closing=closing)).authors == ["Anna Schmidt"]


def test_a_reader_s_comment_in_a_kommentare_block_credits_no_one():
    comments = (
        '<div class="kommentare"><h3>Kommentare</h3><div class="kommentar">'
        '<span class="kommentar-autor">Sortimenter aus Lünen</span> <span class="kommentar-datum">15.03.2018</span>'
        "<p>Schnellere Lieferung wäre ein Gewinn.</p></div></div>"
    )
    article = extract(page("", HEADLINE, closing='<p class="quelle">Quelle: dpa</p>' + comments))
    assert (article.authors, article.agencies) == ([], ["dpa"])
    # A commentary marked so holds the story: its author box is the story's.
    body = f'<div class="kommentar"><p class="kommentar-autor">Von Anna Schmidt</p>{"".join(f"<p>{STORY}</p>" for _ in range(3))}</div>'
    assert extract(page("", HEADLINE, body=body)).authors == ["Anna Schmidt"]


def test_a_plain_last_line_or_an_abbreviation_in_parentheses_is_no_signature():
    closing = "<p>Weitere Informationen</p><p>Quelle: Informationsstelle für Arzneimittel (IFA GmbH)</p>"
    assert extract(page(header=HEADLINE, closing=closing)).authors == []
    assert extract(page(header=HEADLINE, closing="<p>Weitere Informationen</p>")).authors == []


def test_a_handle_in_the_metadata_gets_the_full_name_of_the_signature():
    head = jsonld(author={"@type": "Person", "name": "anna.schmidt"})
    closing = f"<p>{STORY} (Anna M. Schmidt)</p>"
    assert extract(page(head, HEADLINE, closing=closing)).authors == ["Anna M. Schmidt"]


def test_a_profession_linked_between_label_and_name_is_not_the_name():
    closing = '<div>Foto: Archiv<br><br>Autor: <a href="/rechtsanwalt/">Rechtsanwalt</a> Sebastian Einbock</div>'
    assert extract(page(header=HEADLINE, closing=closing)).authors == ["Sebastian Einbock"]


def test_a_metadata_author_the_page_never_shows_gives_way_to_the_byline():
    head = '<meta name="author" content="Auto Illustrierte">'
    header = HEADLINE + '<p class="author">Text &amp; Fotos: Ivan Valetny</p>'
    assert extract(page(head, header)).authors == ["Ivan Valetny"]
    # Shown somewhere on the page (in a teaser, a box), the metadata's name stays.
    closing = "<aside>Mehr von Auto Illustrierte</aside>"
    assert extract(page(head, header, closing=closing)).authors == ["Auto Illustrierte"]


def test_a_metadata_author_only_in_hidden_markup_gives_way_to_the_byline():
    # A theme's vcard for search engines names the account that posted the story; the page
    # shows the byline of the person who wrote it.
    head = '<meta name="author" content="Isabel Posting">'
    vcard = '<span class="vcard rich-snippet-hidden"><span class="fn">Isabel Posting</span></span>'
    header = HEADLINE + vcard + "<p><strong>Von Mat\u00adthi\u00adas Lau\u00aderer</strong></p>"
    assert extract(page(head, header)).authors == ["Matthias Lauerer"]
    # Shown outside the hidden markup too, the metadata's name stays.
    closing = "<p>Fotos: Isabel Posting</p>"
    assert extract(page(head, header, closing=closing)).authors == ["Isabel Posting"]


@pytest.mark.parametrize(
    "shown_class", ["field field--label-hidden", "field-label-hidden", "overflow-hidden", "print-hide"]
)
def test_a_class_that_hides_part_of_a_shown_element_does_not_hide_it(shown_class):
    # Drupal hides a field's label, not the field; Tailwind and Bootstrap clip the overflow.
    head = '<meta name="author" content="Isabel Posting">'
    vcard = f'<div class="{shown_class}">Isabel Posting</div>'
    header = HEADLINE + vcard + "<p><strong>Von Matthias Lauerer</strong></p>"
    assert extract(page(head, header)).authors == ["Isabel Posting"]
    hidden = (
        HEADLINE + '<div class="field hidden">Isabel Posting</div>' + "<p><strong>Von Matthias Lauerer</strong></p>"
    )
    assert extract(page(head, hidden)).authors == ["Matthias Lauerer"]


def test_soft_hyphens_inside_a_byline_do_not_cut_the_name():
    header = HEADLINE + "<p>Von Mat\u00adthi\u00adas Lau\u00aderer und Jan\u00ad Meyer</p>"
    assert extract(page(header=header)).authors == ["Matthias Lauerer", "Jan Meyer"]


def test_the_site_credited_by_its_initials_gives_way_to_the_signature():
    head = jsonld(author={"@type": "Person", "name": "LN"}) + '<meta property="og:site_name" content="LN-Online">'
    closing = "<p><em>Von Cosima Künzel</em></p>"
    assert extract(page(head, HEADLINE, closing=closing)).authors == ["Cosima Künzel"]


@pytest.mark.parametrize(
    "dateline",
    [
        "04.02.2022 | 13:10 Uhr | Uta Helkenberg",
        "25.10.2022 - Uta Helkenberg",
        "05.02.2020 - Redaktion: Uta Helkenberg (Pressesprecherin)",
    ],
)
def test_a_date_line_that_names_the_author(dateline):
    assert extract(page(header=f"<small>{dateline}</small>{HEADLINE}")).authors == ["Uta Helkenberg"]
    date, rest = dateline.split(" ", 1)
    assert extract(page(header=f"<div>{date} <span>{rest}</span></div>{HEADLINE}")).authors == ["Uta Helkenberg"]


@pytest.mark.parametrize(
    "organisation, url",
    [
        ("Bund der Energieverbraucher e.V.", URL),
        ("Web Commerce GmbH", URL),
        ("LAOLA1.at", "https://www.laola1.at/de/red/fussball/rapid-barisic/"),  # cut at the digit: "LAOLA"
    ],
)
def test_an_organisation_or_the_site_in_the_metadata_gives_way_to_the_byline(organisation, url):
    head = f'<meta name="author" content="{organisation}">'
    header = HEADLINE + "<p>von Leonora Holling</p>"
    assert extract(page(head, header), url).authors == ["Leonora Holling"]


@pytest.mark.parametrize(
    "organisation",
    [
        "Stadtwerke Düsseldorf",  # a utility
        "IHK Köln",  # a chamber
        "Stadt Ulm",  # a town hall
        "Wirtschaftsförderung Region Stuttgart",  # a public agency
        "Universität Kassel",  # a university's press office
        "Landesverband Bayern",  # an association, its word at the end of a compound
        "Thüringer Aufbaubank",  # a development bank
        "Techniker Krankenkasse",  # a health insurer
        "Provinzial Versicherung",  # an insurer
        "Wirtschaftsakademie",  # an academy
    ],
)
def test_an_organisation_is_no_person_and_yields_to_the_byline(organisation):
    # The metadata names it as a person, and the page shows it (in its footer), so it is no
    # unseen CMS account either.
    head = jsonld(author={"@type": "Person", "name": organisation})
    footer = f"<p>Herausgegeben von {organisation}</p>"
    byline = HEADLINE + "<p>von Leonora Holling</p>"
    assert extract(page(head, byline, closing=footer)).authors == ["Leonora Holling"]
    # Alone it is no credit either: a company or a public body issues its news, it writes none
    # of it under its name (a desk or a site's name would be credited).
    article = extract(page(head, HEADLINE, closing=footer))
    assert (article.authors, article.author) == ([], None)


@pytest.mark.parametrize(
    "label",
    ["Weitere Informationen", "Mehr zum Thema", "Kontakt", "Unsere Leistungen", "Aktuelle Meldungen"],
)
def test_labels_and_common_noun_phrases_are_no_authors(label):
    box = f'<div class="author-box"><a href="/info/">{label}</a></div>'
    assert extract(page(header=HEADLINE, closing=box)).authors == []
    # A name run on into a caption keeps the name.
    box = '<div class="author">Christian Seiler Illustration von Markus</div>'
    assert extract(page(header=HEADLINE, closing=box)).authors == ["Christian Seiler"]


def test_a_credit_whose_first_word_the_page_writes_in_lower_case_is_no_person():
    # "daheim" is an adverb in the text, so "Daheim Solar" is a brand: credited only when nobody is.
    story = "<p>" + "Wer daheim Strom erzeugt, spart mit einem Speicher viel Geld im Jahr. " * 6 + "</p>"
    head = '<meta name="author" content="Daheim Solar">'
    assert extract(page(head, HEADLINE, body=story)).authors == ["Daheim Solar"]
    byline = HEADLINE + "<p>von Leonora Holling</p>"
    assert extract(page(head, byline, body=story)).authors == ["Leonora Holling"]


@pytest.mark.parametrize(
    "credit, url",
    [
        ("WAZ Online", "https://www.waz.de/wirtschaft/hafen-id123.html"),
        ("NTV Nachrichten", "https://www.n-tv.de/wirtschaft/hafen-article123.html"),
        ("MDR Aktuell", "https://www.mdr.de/nachrichten/hafen-100.html"),
        ("n-tv NACHRICHTEN", "https://www.n-tv.de/wirtschaft/hafen-article123.html"),
    ],
)
def test_a_short_site_name_with_a_publication_word_is_the_site(credit, url):
    head = f'<meta name="author" content="{credit}">'
    footer = f"<p>{credit}</p>"
    assert extract(page(head, HEADLINE + "<p>von Leonora Holling</p>", closing=footer), url).authors == [
        "Leonora Holling"
    ]
    assert extract(page(head, HEADLINE, closing=footer), url).authors == [credit]


def test_an_author_typed_as_an_organisation_is_a_desk():
    # Unsigned stories credit the publisher as an organisation node ("ntv Nachrichten" on
    # n-tv.de); by its name alone it would pass for a person.
    head = jsonld(author={"@type": "Organization", "name": "Hafenblick Medienhaus"})
    footer = "<p>Hafenblick Medienhaus</p>"
    byline = HEADLINE + "<p>von Leonora Holling</p>"
    assert extract(page(head, byline, closing=footer)).authors == ["Leonora Holling"]
    assert extract(page(head, HEADLINE, closing=footer)).authors == ["Hafenblick Medienhaus"]
    # A person node of that name stays a person (no newspaper's title, see below), a wire
    # service an agency.
    head = jsonld(author={"@type": "Person", "name": "Hafenblick Medienhaus"})
    assert extract(page(head, byline, closing=footer)).authors == ["Hafenblick Medienhaus"]
    head = jsonld(author={"@type": "Organization", "name": "dpa"})
    assert extract(page(head, HEADLINE)).agencies == ["dpa"]


@pytest.mark.parametrize(
    "title", ["Cuxhavener Nachrichten", "Hannoversche Allgemeine", "Rheinischer Anzeiger", "Schwäbisches Tagblatt"]
)
def test_a_newspaper_s_title_as_the_author_is_no_person(title):
    # The publisher's portal credits its paper as a string, untyped: the byline counts.
    head = jsonld(author=title)
    byline = HEADLINE + "<p>von Leonora Holling</p>"
    assert extract(page(head, byline, closing=f"<p>{title}</p>")).authors == ["Leonora Holling"]
    # Alone it is the paper's credit, as when it is typed an organisation.
    assert extract(page(head, HEADLINE, closing=f"<p>{title}</p>")).authors == [title]
    # Surnames that are words of papers' titles elsewhere stay people.
    for person in ("Florian Post", "Sarah Blatt"):
        assert extract(page(jsonld(author=person), HEADLINE, closing=f"<p>{person}</p>")).authors == [person]


@pytest.mark.parametrize(
    "organisation",
    [
        "Ministerium für Wirtschaft, Arbeit und Tourismus Baden-Württemberg",
        "Brauerei C. & A. Veltins GmbH & Co. KG",
        "Wuppertal Institut für Klima, Umwelt, Energie gGmbH",
    ],
)
def test_an_organisation_s_name_with_commas_and_ampersands_is_one_credit(organisation):
    # Split at its commas and "&", its pieces ("Arbeit", "Brauerei C.", "Energie gGmbH") would
    # pass for names.
    for head in (jsonld(author=organisation), f'<meta name="author" content="{organisation}">'):
        assert extract(page(head, HEADLINE, closing=f"<p>{organisation}</p>")).authors == []
        byline = HEADLINE + "<p>von Leonora Holling</p>"
        assert extract(page(head, byline, closing=f"<p>{organisation}</p>")).authors == ["Leonora Holling"]
    # A person credited beside an organisation is split off it.
    head = jsonld(author="Anna Schmidt, IHK Köln")
    assert extract(page(head, HEADLINE, closing="<p>Anna Schmidt, IHK Köln</p>")).authors == ["Anna Schmidt"]


@pytest.mark.parametrize("credit", ["RND/dpa", "AZ/dpa", "KStA/dpa", "red/dpa", "dpa/RND"])
def test_a_newsroom_s_code_beside_a_wire_service_is_no_person(credit):
    # The Madsack papers' JSON-LD author of agency copy: "RND/dpa", as a string.
    article = extract(page(jsonld(author=credit), HEADLINE))
    assert (article.authors, article.agencies) == ([], ["dpa"])
    # A reporter beside the agency is credited still.
    article = extract(page(jsonld(author="Leonora Holling/dpa"), HEADLINE, closing="<p>Leonora Holling</p>"))
    assert (article.authors, article.agencies) == (["Leonora Holling"], ["dpa"])


def test_a_site_name_is_known_without_its_tagline():
    head = (
        '<meta property="og:site_name" content="Hafenblick &amp; Partner – Das Wirtschaftsmagazin für den Norden">'
        + jsonld(author="Hafenblick & Partner")
    )
    byline = HEADLINE + "<p>von Leonora Holling</p>"
    assert extract(page(head, byline, closing="<p>Hafenblick &amp; Partner</p>")).authors == ["Leonora Holling"]
    # Where the tag holds the page's title, the headline is no site name.
    title = "Neue Fähre für den Hafen: Reederei bestellt zwei Schiffe in Papenburg"
    head = f'<meta property="og:site_name" content="{title} - Hafenblick">'
    assert extract(page(head, f"<h1>{title}</h1>")).title == title


def test_a_byline_in_a_teaser_card_is_the_teasers():
    # Lists of other stories, each card one link around headline and byline.
    cards = "".join(
        f'<div class="listing__item"><a href="/anderes-{number}.html"><h3>Neuer Radweg am Rhein</h3>'
        f'<div class="listing__item__author">Von <span>{name}</span> am <span>08.12.2022</span></div></a></div>'
        for number, name in enumerate(["Jörn Mecher", "Petra Walther", "Anne Hünninghaus"])
    )
    assert extract(page(header=HEADLINE, closing=cards)).authors == []
    assert extract(page(header=HEADLINE + "<p>von Leonora Holling</p>", closing=cards)).authors == ["Leonora Holling"]
    # A byline linked to the author's page is the story's, a profile card with a heading too.
    byline = '<a href="/autoren/leonora-holling/"><span class="author">Leonora Holling</span></a>'
    assert extract(page(header=HEADLINE + byline)).authors == ["Leonora Holling"]
    card = '<a href="/team/leonora-holling/"><h4>Leonora Holling</h4><span class="author">Leonora Holling</span></a>'
    assert extract(page(header=HEADLINE + card)).authors == ["Leonora Holling"]


@pytest.mark.parametrize(
    "contact",
    [
        "<p><strong>Pressekontakt</strong><br>Dr. Tim Loppe<br>Pressesprecher naturstrom AG<br>Tel.: 0211 77900</p>",
        "<p>Pressekontakt: Dr. Tim Loppe, naturstrom AG, Telefon 0211 77900</p>",
        "<h3>Ihr Ansprechpartner</h3><p>Dr. Tim Loppe</p><p>Telefon 0211 77900</p>",
    ],
)
def test_a_press_releases_contact_is_its_author_when_nobody_else_is(contact):
    head = '<meta name="author" content="Web Commerce GmbH">'
    assert extract(page(head, HEADLINE, closing=contact)).authors == ["Dr. Tim Loppe"]
    byline = HEADLINE + "<p>von Leonora Holling</p>"
    assert extract(page(head, byline, closing=contact)).authors == ["Leonora Holling"]


def test_a_contact_label_before_no_person_credits_no_person():
    assert extract(page(header=HEADLINE, closing="<p>Pressekontakt</p><p>Weitere Informationen</p>")).authors == []
    # An office before a name, without a colon, describes someone the story quotes.
    caption = "<figure><img src='a.jpg'><figcaption>Pressesprecher Jan Meyer</figcaption></figure>"
    assert extract(page(header=HEADLINE, closing=caption)).authors == []
    # An organisation there is no contact person.
    contact = "<p>Ansprechpartner: Stadtwerke Düsseldorf</p>"
    assert extract(page(header=HEADLINE, closing=contact)).authors == []
    # Nor the bank opening a contact box, its department and spokeswoman on the lines under it.
    box = "<h3>Pressekontakt</h3><p>Thüringer Aufbaubank<br>Unternehmenskommunikation<br>Christine Wohlfarth</p>"
    assert extract(page(header=HEADLINE, closing=box)).authors == []
    assert extract(page(header=HEADLINE + "<p>von Leonora Holling</p>", closing=contact)).authors == ["Leonora Holling"]


def yoast_graph(title: str, authors: list[str]) -> str:
    """JSON-LD as WordPress's Yoast writes it for a blog run by a person: the first author
    typed Person and Organization, and the publisher of the site."""
    person = {"@type": ["Person", "Organization"], "@id": "#/schema/person/1", "name": authors[0]}
    graph = [
        {"@type": "WebSite", "@id": "#website", "name": "Hafenblog", "publisher": {"@id": "#/schema/person/1"}},
        person,
        {
            "@type": "Article",
            "headline": title,
            "author": [{"@id": "#/schema/person/1"}] + [{"@type": "Person", "name": name} for name in authors[1:]],
            "publisher": {"@id": "#/schema/person/1"},
        },
    ]
    return '<script type="application/ld+json">' + json.dumps({"@graph": graph}) + "</script>"


def test_a_person_is_never_the_site_name():
    # The site's names come from og:site_name, WebSite, publisher organisations and the host,
    # not from a person node: the journalist stays an author and a title that names them stays.
    head = yoast_graph("Hafen wird um zwei Terminals erweitert", ["Anna Schmidt", "Jan Meyer"])
    head += '<meta name="author" content="Anna Schmidt, Jan Meyer">'
    assert sorted(extract(page(head, HEADLINE)).authors) == ["Anna Schmidt", "Jan Meyer"]
    head = yoast_graph("Anna Schmidt | Hafenblog", ["Anna Schmidt"]) + "<title>Anna Schmidt | Hafenblog</title>"
    assert extract(page(head, "<h1>Anna Schmidt</h1>")).title == "Anna Schmidt"


@pytest.mark.parametrize(
    "teaser",
    [
        # A slider of opinion pieces above the story, each teaser with its author.
        '<article class="slider-teaser"><h2>Dumme Zuversicht</h2>'
        '<span class="slider-teaser__author">Manfred Prisching</span></article>',
        # Related stories with their bylines.
        '<div class="related-articles"><h3>Neuer Radweg</h3><p class="author">Manfred Prisching</p></div>',
    ],
)
def test_the_author_of_a_teaser_for_another_story_is_not_the_byline(teaser):
    box = '<div class="author"><h2 class="author__name">Ursula Baatz</h2></div>'
    assert extract(page(header=HEADLINE + teaser, closing=box)).authors == ["Ursula Baatz"]
    # A story that credits nobody is not credited to the teaser's author either.
    assert extract(page(header=HEADLINE + teaser)).authors == []
    assert extract(page(header=HEADLINE, closing=teaser)).authors == []


def test_credits_that_stand_for_one_name_credit_it_once():
    # trafilatura reads the source line "Quelle: ntv.de, mbo/rts" as "Mbo" and "Rts", each of
    # which the line prints as "mbo/rts".
    line = '<p class="author">Quelle: hafenblick.de, mbo/rts</p>'
    head = jsonld(author={"@type": "Organization", "name": "hafenblick.de"})
    url = "https://www.hafenblick.de/wirtschaft/hafen-erweitert-100.html"
    assert extract(page(head, HEADLINE + line), url).authors == ["mbo/rts"]


def test_a_date_line_cut_short_is_completed_by_the_byline_box():
    lead = "<p>" + "Die Stadtwerke erweitern den Hafen um zwei Terminals. " * 5 + "</p>"
    header = HEADLINE + lead + "<p>von <a>Lars Fischer</a></p>"
    box = '<div class="author-box">von Lars Fischer und Alina Schadwinkel</div>'
    assert extract(page(header=header, closing=box)).authors == ["Lars Fischer", "Alina Schadwinkel"]


def test_a_headline_set_as_h2_has_its_byline_next_to_it():
    head = "<title>Hafen wird um zwei Terminals erweitert | Rheinische Post</title>"
    header = '<h2 class="title">Hafen wird um zwei Terminals erweitert</h2><p>Von Anna Schmidt</p>'
    article = extract(page(head, header))
    assert article.authors == ["Anna Schmidt"]


@pytest.mark.parametrize(
    "byline, name",
    [
        ('Geschrieben von <a href="/user/7">Hafenfan</a> <span>am 25.08.2021 22:30</span>', "Hafenfan"),
        ("<span>von</span> <a>kapitaen_83</a> <span>am 20.09.2021</span>", "kapitaen_83"),
        ("Erstellt von Jonas am Dienstag 6. Mai 2014", "Jonas"),
        ("21.09.2021 13:30 von Jonas", "Jonas"),
        ("Veröffentlicht am 8. Februar 2022 <span>von</span> <a>Hafen-Team</a>", "Hafen-Team"),
    ],
)
def test_a_dated_byline_credits_a_handle_or_first_name(byline, name):
    article = extract(page(header=HEADLINE + f"<p>{byline}</p>"))
    assert article.author == name


def test_a_desk_s_numbered_account_in_a_dated_byline_is_nobody_and_dates_nothing():
    # A tagDiv theme's meta line for a magazine's desk account: no author, and its number is no
    # range's first day ("red4 - 18. September" is not "4.–18. September").
    header = HEADLINE + '<div class="td-post-author-name">Von <a href="/author/red4">red4</a> - </div>'
    header += '<span class="td-post-date"><time datetime="2025-09-18T07:45:12+02:00">18. September 2025</time></span>'
    teasers = "".join(
        f'<div class="td_module"><h3><a href="/story-{day}">Andere Geschichte {day}</a></h3>'
        f'<time datetime="2025-09-{day}T10:00:00+02:00">{day}. September 2025</time></div>'
        for day in (16, 17)
    )
    article = extract(page(header=header, closing=teasers))
    assert (article.authors, article.published[:10]) == ([], "2025-09-18")


def test_a_guest_named_in_the_lead_of_the_header():
    header = (
        '<header><h1>Warum die Nordeifel den Gewerbepark braucht</h1><div class="teaser"><p>Über den Gewerbepark wird '
        "seit Monaten gestritten. Ein Gastbeitrag von Matthias Hoven, Sprecher des Unternehmerkreises Nordeifel.</p>"
        "</div></header>"
    )
    assert extract(page(header=header)).authors == ["Matthias Hoven"]


def test_a_handle_needs_a_dated_byline_and_a_person_comes_first():
    # Undated, or inside a sentence: no byline.
    assert extract(page(header=HEADLINE + "<p>von Jonas</p>")).authors == []
    sentence = "<p>Der Vorschlag kam von Jonas am 20.09.2021 in den Rat der Stadt.</p>"
    assert extract(page(header=HEADLINE + sentence)).authors == []
    # A full name in the metadata or the byline stays the author.
    header = HEADLINE + "<p>Geschrieben von Jonas am 20.09.2021</p>"
    assert extract(page('<meta name="author" content="Anna Schmidt">', header)).authors == ["Anna Schmidt"]


def test_a_name_before_the_date_is_the_byline():
    header = HEADLINE + "<p><a>Anna Schmidt</a> <span>am</span> <span>Mittwoch, 26.01.2022 - 14:30</span></p>"
    assert extract(page(header=header)).authors == ["Anna Schmidt"]
    # In a sentence, a name and a date are no byline.
    header = HEADLINE + "<p>Oberbürgermeister Stephan Keller am 26.01.2022 bei der Eröffnung.</p>"
    assert extract(page(header=header)).authors == []
    # Nor are words in the line above a date line.
    header = HEADLINE + "<p><a>Weitere Beiträge</a></p><p>Veröffentlicht am 10. Februar 2019</p>"
    assert extract(page(header=header)).authors == []


def test_a_statement_signed_with_name_and_office():
    closing = "<p>Wir danken allen Helfern für ihren Einsatz.</p><p>Jonas Albrecht<br>Bundesvorsitzender</p>"
    assert extract(page(header=HEADLINE, closing=closing)).authors == ["Jonas Albrecht"]
    # A plain last line under a capitalised phrase is no signature.
    closing = "<p>Weitere Informationen<br>Beim Vorstand des Hafens</p>"
    assert extract(page(header=HEADLINE, closing=closing)).authors == []


def test_a_press_release_s_issuer_when_nobody_is_named():
    # The issuing company is no author (a misfire on press portals and newsrooms).
    header = "<p>Herausgeber:</p><p>Hafen Düsseldorf GmbH</p>" + HEADLINE
    assert extract(page(header=header)).authors == []
    # A person as issuer (a book's editor) is no author; a named author comes first.
    header = "<p>Herausgeber: Hans Müller</p>" + HEADLINE
    assert extract(page(header=header)).authors == []
    header = "<p>Herausgeber: Hafen Düsseldorf GmbH</p>" + HEADLINE + "<p>Von Anna Schmidt</p>"
    assert extract(page(header=header)).authors == ["Anna Schmidt"]


def test_a_weekday_is_not_a_name():
    assert split_names("Donnerstag") == []
    assert split_names("Donnerstag Müller") == ["Donnerstag Müller"]


@pytest.mark.parametrize(
    "byline",
    [
        "Von Anna Schmidt Montag, 12.01.2024",
        "Von Anna Schmidt am Montag, 12.01.2024",
        "Anna Schmidt November 18, 2019",
        "Anna Schmidt Published 11:20 a.m.",
        "Anna Schmidt vor 5 Stunden",
        "Anna Schmidtvor 2 Std.",
        # Name and date in sibling elements, read without a space between them.
        "Anna SchmidtMontag, 12.01.2024",
        "by Anna SchmidtMonday, November 18, 2019",
        "Anna SchmidtNovember 18, 2019",
        "Anna SchmidtUpdated 0339 GMT (1139 HKT) November 19, 2019",
        "Von Anna SchmidtAktualisiert am 12.01.2024",
    ],
)
def test_the_date_line_after_the_name_is_no_part_of_it(byline):
    assert split_names(byline) == ["Anna Schmidt"]
    assert split_names(byline.replace("Anna Schmidt", "").strip()) == []
    assert split_names(byline.replace("Schmidt", "Schmidt und August Mai")) == ["Anna Schmidt", "August Mai"]


@pytest.mark.parametrize(
    "credit",
    [
        'Theme: <a href="https://github.com/piratenpartei/">Pirate Rogue</a> von xwolf',
        "Theme: ColorMag von ThemeGrill",
        "Enfold Theme by Kriesi",
        "Webdesign von Anna Schmidt",
    ],
)
def test_the_theme_or_web_designer_in_the_footer_is_no_author(credit):
    html = page(header=HEADLINE).replace("</footer>", f'<ul><li class="theme-author">{credit}</li></ul></footer>')
    assert extract(html).authors == []
    # The story's own byline still counts beside it.
    html = html.replace(HEADLINE, HEADLINE + '<span class="author">Von Jan Meyer</span>')
    assert extract(html).authors == ["Jan Meyer"]


def test_an_author_item_in_microdata_gives_its_name_not_its_biography():
    # WordPress's "Simple Author Box" and other themes' author boxes: a schema.org Person with
    # a picture, its name, its employer as an item of its own, and a biography.
    box = (
        '<div class="saboxplugin-wrap" itemtype="http://schema.org/Person" itemscope itemprop="author">'
        '<a href="/author/anna/" rel="author" itemprop="url"><span itemprop="name">Anna Schmidt</span></a>'
        '<div itemprop="worksFor" itemscope itemtype="http://schema.org/Organization">'
        '<span itemprop="name">Hafen Zeitung</span></div>'
        '<div itemprop="description"><p>Fotografin aus Hamburg, Gründerin von Hafenblick und Autorin</p></div></div>'
    )
    assert extract(page(header=HEADLINE, closing=box)).authors == ["Anna Schmidt"]


@pytest.mark.parametrize("link", ["View All", "View More Articles", "Show all articles"])
def test_the_links_of_an_english_author_box_are_no_names(link):
    box = f'<div class="author"><a href="/author/anna-schmidt/">Anna Schmidt</a> <a href="/author/anna-schmidt/">{link}</a></div>'
    assert extract(page(header=HEADLINE + box)).authors == ["Anna Schmidt"]


@pytest.mark.parametrize("link", ["Alle Artikel", "Mehr zum Autor", "Show all articles"])
def test_an_author_box_s_link_label_run_into_the_name_is_cut_off(link):
    # The box's lines in blocks of their own, its text read as one.
    box = (
        '<div class="teaser-box author short">\n<div class="title-small">Julia Deutsch</div>\n'
        f'<div class="moreinfo"><a href="/suche/?searchword=julia-deutsch">{link}</a></div>\n</div>'
    )
    assert extract(page(header=HEADLINE + box)).authors == ["Julia Deutsch"]
    assert split_names(f"Von Julia Deutsch {link}") == ["Julia Deutsch"]


@pytest.mark.parametrize("account", ["admin", "publisher", "Administrator", "webmaster", "webadmin", "siteadmin"])
def test_a_cms_placeholder_account_is_no_author(account):
    head = f'<meta name="author" content="{account}">'
    assert extract(page(head=head, header=HEADLINE + f'<span class="author">{account}</span>')).authors == []
    # The byline the page prints is the author.
    assert extract(page(head=head, header=HEADLINE + '<p class="byline">Von Anna Schmidt</p>')).authors == [
        "Anna Schmidt"
    ]
    # A commenter in the sidebar's "recent comments" is not.
    widget = (
        '<aside class="widget_recent_comments"><ul><li class="recentcomments">'
        '<span class="comment-author-link">Peter Ulmer</span> bei <a href="/?p=1#comment-2">Neue Terminals</a>'
        "</li></ul></aside>"
    )
    html = page(head=head, header=HEADLINE).replace("<footer>", widget + "<footer>")
    assert extract(html).authors == []


def test_split_names():
    assert split_names("Von Anna Schmidt, Jan Meyer & Eva Roth") == ["Anna Schmidt", "Jan Meyer", "Eva Roth"]
    assert split_names("https://rp-online.de/autor/anna") == []
    for byline in (
        "Interview: Julia Lauter",
        "Artikel von: Julia Lauter",
        "Ein Artikel von Julia Lauter",
        "Author Julia Lauter",
    ):
        assert split_names(byline) == ["Julia Lauter"]


@pytest.mark.parametrize(
    "label",
    ["Erstellt von", "Veröffentlicht von", "Gepostet von", "Beitrag von", "Posted by", "Written by", "Analysis by"],
)
def test_a_template_s_verb_before_the_name_is_a_label(label):
    for byline in (f"{label} Anna Schmidt", f"{label.lower()} Anna Schmidt —"):
        header = HEADLINE + f'<span class="author">{byline}</span>'
        assert extract(page(header=header)).authors == ["Anna Schmidt"]


@pytest.mark.parametrize(
    "byline",
    [
        "Von Anna Schmidt (Text) und Jan Meyer (Fotos)",
        "Text: Anna Schmidt, Fotos: Jan Meyer",
        "Text: Anna Schmidt / Bilder: Jan Meyer",
        "Von Anna Schmidt | Foto: Jan Meyer",
        "By Anna Schmidt; photos by Jan Meyer",
        "Anna Schmidt (Text), Jan Meyer (Fotos und Grafik)",
    ],
)
def test_a_credit_for_the_pictures_is_no_author(byline):
    assert split_names(byline) == ["Anna Schmidt"]
    header = HEADLINE + f'<p class="article-author">{byline}</p>'
    assert extract(page(header=header)).authors == ["Anna Schmidt"]


@pytest.mark.parametrize(
    "byline",
    [
        'Von <a href="/autoren/anna-schmidt">Anna Schmidt</a> (Text) und <a href="/autoren/jan-meyer">Jan Meyer</a> (Fotos)',
        'Text: <a href="/autoren/anna-schmidt">Anna Schmidt</a>, Fotos: <a href="/autoren/jan-meyer">Jan Meyer</a>',
        # The labels in bold, elements of their own.
        '<strong>Text:</strong> <a href="/autoren/anna-schmidt">Anna Schmidt</a> &nbsp;|&nbsp; <strong>Fotos:</strong>'
        ' <a href="/autoren/jan-meyer">Jan Meyer</a>',
    ],
)
def test_an_author_page_link_crediting_the_pictures_is_no_author(byline):
    header = HEADLINE + f'<div class="meta"><span>{byline}</span> <span>07. September 2026</span></div>'
    assert extract(page(header=header)).authors == ["Anna Schmidt"]


@pytest.mark.parametrize(
    "byline, names",
    [
        ("Anna Schmidt (Text und Fotos)", ["Anna Schmidt"]),
        ("Fotos und Text: Anna Schmidt", ["Anna Schmidt"]),
        ("Anna Schmidt (Reuters) und Jan Meyer (AFP)", ["Anna Schmidt", "Reuters", "Jan Meyer", "AFP"]),
        ("Anna Schmidt/dpa und Jan Meyer", ["Anna Schmidt", "dpa", "Jan Meyer"]),
        # A name that is a picture word stays a name.
        ("Von Bernd Bild und Anna Foto", ["Bernd Bild", "Anna Foto"]),
    ],
)
def test_a_bracket_after_a_name_is_read_whole(byline, names):
    assert split_names(byline) == names


@pytest.mark.parametrize(
    "byline",
    ["Anna Schmidt berichtet aus Berlin", "Anna Schmidt meldet sich aus Brüssel", "Anna Schmidt reports from Kyiv"],
)
def test_a_correspondent_s_line_credits_the_correspondent(byline):
    assert split_names(byline) == ["Anna Schmidt"]
    header = (
        HEADLINE
        + f'<div class="authorline"><div class="authorline__author">{byline}</div><div>ARD-Hauptstadtstudio</div></div>'
    )
    assert extract(page(header=header)).authors == ["Anna Schmidt"]


def test_a_closing_credit_before_a_closing_note_credits_its_wire_service():
    closing = "<p>Die Umfrage läuft weiter. (dpa)</p><p>Dieser Beitrag basiert auf Material der Agentur.</p>"
    assert extract(page(closing=closing)).agencies == ["dpa"]


def test_the_desk_s_code_after_an_austrian_agency_credit():
    """ "(APA/Red)": APA's copy, "Red" the desk ("Redaktion") that edited it."""
    article = extract(page(closing="<p>(APA/Red)</p>"))
    assert (article.authors, article.agencies) == ([], ["APA"])


def test_author_with_a_slashed_gender_ending_is_a_label():
    assert extract(page(closing="<p>Autor/in: Jana Siebold</p>")).authors == ["Jana Siebold"]


def test_materials_of_a_wire_service_credit_it():
    article = extract(page(header=HEADLINE + "<p>von Hafen-Redaktion</p>", closing="<p>mit Materialien der dpa</p>"))
    assert (article.authors, article.agencies) == ([], ["dpa"])


def test_a_menu_s_authors_link_names_no_one():
    # A menu's "Authors" link before another link names no one.
    menu = '<ul><li><a href="/authors/">Authors</a></li><li><a href="/latest">Neueste Aktivitäten</a></li></ul>'
    assert extract(page(header=menu + HEADLINE)).authors == []


# Language and lead


def test_language_comes_from_the_text_not_the_lang_attribute():
    assert extract(page(lang="en")).language == "de"


@pytest.mark.parametrize(
    "text, language",
    [
        (STORY, "de"),
        ("The port authority plans to build two new container terminals on the Rhine. " * 3, "en"),
        ("Le port de Duisbourg va construire deux nouveaux terminaux pour les conteneurs. " * 3, "fr"),
    ],
)
def test_language_of_a_text(text, language):
    assert detect_language(text) == language


def test_a_text_cld2_is_unsure_of_is_read_by_py3langid():
    # Scrambled text, as paywalls serve it: CLD2 is not sure, py3langid decides.
    scrambled = "Bjagybpvymp Tfcfh dr Hqsemx, ahp Oogu iah fudvs Kvd gof gqnxvdzczdo rxnq mhe Wwfc vthwk Ujzc"
    assert _sure_cld2_language(scrambled) is None
    assert detect_language(scrambled) == language_identifier().classify(scrambled)[0]


@given(st.text(min_size=0, max_size=400))
def test_language_detection_never_fails(text):
    """Any text, lone surrogates and control characters included."""
    language = detect_language(text, fallback="de-DE")
    assert language is None or (isinstance(language, str) and 2 <= len(language) <= 3)


@pytest.mark.parametrize(
    "head",
    [
        '<meta name="keywords" content="Hafen, Logistik, hafen, Düsseldorf,">',
        jsonld(keywords="Hafen, Logistik, hafen, Düsseldorf"),
        jsonld(keywords=["Hafen, Logistik", "hafen", "Düsseldorf"]),
    ],
)
def test_keywords_are_tags_one_each(head):
    assert extract(page(head)).tags == ["Hafen", "Logistik", "Düsseldorf"]


@pytest.mark.parametrize(
    "given, site_name",
    [
        ("RP ONLINE", "RP ONLINE"),
        ("Rheinische Post | Nachrichten aus Düsseldorf und der Region", "Rheinische Post"),
        ("Schnäppchen Blog mit Doktortitel • RP Online", "RP Online"),  # the part naming the host
        ("https://www.facebook.com/rponline", "rp-online.de"),
        ("www.rp-online.de", "rp-online.de"),
        ("Hafen wird bis 2028 um zwei neue Containerterminals erweitert | RP ONLINE", "RP ONLINE"),
        ("Die Stadtwerke investieren rund 140 Millionen Euro in den Ausbau des Hafens", "rp-online.de"),
    ],
)
def test_the_site_name_without_slogan_link_or_headline(given, site_name):
    header = "<h1>Hafen wird bis 2028 um zwei neue Containerterminals erweitert</h1>"
    assert extract(page(f'<meta property="og:site_name" content="{given}">', header)).site_name == site_name


@pytest.mark.parametrize(
    "given, image",
    [
        ("/media/hafen.jpg?w=1200", "https://rp-online.de/media/hafen.jpg?w=1200"),
        ("//cdn.example.de/hafen.jpg", "https://cdn.example.de/hafen.jpg"),
        ("bilder/hafen.jpg", "https://rp-online.de/nrw/staedte/duesseldorf/wirtschaft/bilder/hafen.jpg"),
        ("https://cdn.example.de/hafen.jpg", "https://cdn.example.de/hafen.jpg"),
        ("data:image/png;base64,iVBORw0KGgo=", None),
        ("http://[2001:db8::1/hafen.jpg", None),  # an IPv6 host left open: urljoin refuses it
    ],
)
def test_the_picture_is_an_absolute_web_address(given, image):
    assert extract(page(f'<meta property="og:image" content="{given}">')).image == image


def test_a_language_version_at_an_address_no_parser_reads_is_left_out():
    head = (
        '<link rel="alternate" hreflang="en" href="http://[2001:db8::1/en/harbour">'
        '<link rel="alternate" hreflang="fr" href="/fr/port">'
    )
    assert extract(page(head)).alternates == {"fr": "https://rp-online.de/fr/port"}


def test_description_is_the_lead():
    lead = "Die Stadtwerke bauen für 140 Millionen Euro zwei neue Terminals am Düsseldorfer Hafen."
    head = '<meta name="description" content="Alles zum Hafen in Düsseldorf – jetzt lesen!">'
    header = f'<p class="article-lead">{lead}</p>'
    assert extract(page(head, header)).description == lead
    assert extract(page(head)).description == "Alles zum Hafen in Düsseldorf – jetzt lesen!"


@pytest.mark.parametrize(
    "marked", ["ArticlePage-lead", "leadText d-block", "story-body__introduction", "article-leader", "c-entry-summary"]
)
def test_a_lead_is_marked_by_whole_words_of_its_class(marked):
    lead = "Die Stadtwerke bauen für 140 Millionen Euro zwei neue Terminals am Düsseldorfer Hafen."
    head = '<meta name="description" content="Alles zum Hafen in Düsseldorf – jetzt lesen!">'
    assert extract(page(head, f'<p class="{marked}">{lead}</p>')).description == lead


@pytest.mark.parametrize("inner", ['<p class="article-intro__lead">{lead}</p>', "<p>{lead}</p>"])
def test_an_article_header_marked_intro_is_not_the_lead(inner):
    lead = "Die Stadtwerke bauen für 140 Millionen Euro zwei neue Terminals am Düsseldorfer Hafen."
    head = '<meta name="description" content="Alles zum Hafen in Düsseldorf – jetzt lesen!">'
    header = (
        '<div class="article-intro"><span class="kicker">Logistik</span><h1>Hafen wird erweitert</h1>'
        f"<p>Von Anna Schmidt | 21.11.2024</p>{inner.format(lead=lead)}</div>"
    )
    # The lead marked inside the header, else the meta description: never kicker and headline.
    expected = lead if "__lead" in inner else "Alles zum Hafen in Düsseldorf – jetzt lesen!"
    assert extract(page(head, header)).description == expected


@pytest.mark.parametrize(
    "unmarked",
    [
        "text-lg leading-relaxed",  # Tailwind's line height
        "tve-leads-lightbox",  # a sign-up form
        "field field--name-body field--type-text-with-summary",  # Drupal's body field
        "lead-asset",  # the lead's picture and its caption
        "leadMediaRegion video",
        "ad-slot leader-board",  # an ad slot's, its name written in two words
        "adLeaderBoard",
    ],
)
def test_a_class_that_only_contains_a_lead_word_marks_no_lead(unmarked):
    head = '<meta name="description" content="Alles zum Hafen in Düsseldorf – jetzt lesen!">'
    box = f'<div class="{unmarked}"><p>Jetzt anmelden: Online-Seminare zu Arbeitsrecht, Elternzeit und Kündigung.</p></div>'
    assert extract(page(head, box)).description == "Alles zum Hafen in Düsseldorf – jetzt lesen!"


@pytest.mark.parametrize(
    "unseen",
    [
        "<script>googletag.cmd.push(function() { googletag.display('ad-top'); });</script>",
        "<style>.article-intro { font-weight: bold; }</style>",
        "<noscript><img src='/pixel.gif'>Bitte aktivieren Sie JavaScript.</noscript>",
    ],
)
def test_a_lead_is_the_text_readers_see_not_its_scripts(unseen):
    lead = "Die Stadtwerke bauen für 140 Millionen Euro zwei neue Terminals am Düsseldorfer Hafen."
    header = f'<div class="article-intro">{unseen}<p>{lead}</p></div>'
    assert extract(page(header=header)).description == lead


def test_a_description_that_only_repeats_the_headline_is_none():
    title = "Hafen wird bis 2028 um zwei neue Containerterminals erweitert"
    headline = f"<h1>{title}</h1>"
    assert extract(page(f'<meta name="description" content="{title}">', headline)).description is None
    # A marked lead that repeats it gives way to the meta description.
    head = '<meta name="description" content="Die Stadtwerke investieren 140 Millionen Euro in den Hafen.">'
    lead = f'<p class="lead">{title}</p>'
    assert (
        extract(page(head, headline + lead)).description
        == "Die Stadtwerke investieren 140 Millionen Euro in den Hafen."
    )


def test_authors_and_agencies_are_stored_as_json(tmp_path):
    db = open_archive(tmp_path / "archive.db")
    db["sources"].insert({"id": "rp", "name": "RP"})
    article = extract(page(jsonld(author=[{"name": "Anna Schmidt"}, {"name": "Jan Meyer"}, "AFP"])))
    stored = store_article(db, article, source="rp", seen_at="2024-11-21T15:00:00Z")
    row = db["articles"].get(stored.article_id)
    assert json.loads(row["authors"]) == ["Anna Schmidt", "Jan Meyer"]
    assert json.loads(row["agencies"]) == ["AFP"]
    assert row["author"] == "Anna Schmidt; Jan Meyer; AFP"


# Body text

LEAD = "Die Stadtwerke bauen für 140 Millionen Euro zwei neue Terminals am Düsseldorfer Hafen."


def story(first: int, last: int) -> str:
    """Distinct paragraphs (trafilatura keeps a repeated one once): a story long enough that
    precision mode's result is used, not the default extraction."""
    return "".join(f"<p>Teil {number}: {STORY}</p>" for number in range(first, last + 1))


@pytest.mark.parametrize("heading", ["<h3>Comments</h3><p>comments</p>", "<h3>3 Kommentare</h3>"])
def test_the_comments_heading_at_the_end_is_not_the_storys(heading):
    article = extract(page(body=story(1, 4) + heading))
    assert article.text.endswith("Anwohner fürchten mehr Lärm in der Nacht.")


def test_the_lead_in_the_articles_own_header_is_text():
    header = f"<header><h1>Hafen wird erweitert</h1><p>{LEAD}</p></header>"
    text = extract(page(header=header)).text
    assert text.startswith(LEAD)
    assert "Hafen wird erweitert" not in text


def test_the_page_header_outside_the_article_stays_out():
    html = page().replace(
        "<body>",
        "<body><header><p>Ihr Portal für Nachrichten aus der Region "
        "Düsseldorf, jeden Tag neu für Sie zusammengestellt.</p></header>",
    )
    assert "Ihr Portal" not in extract(html).text


@pytest.mark.parametrize("empty", ['<span id="wer-zahlt"></span>', '<i class="fa fa-chevron-down"></i>'])
def test_a_heading_after_an_empty_anchor_or_icon_keeps_its_text(empty):
    body = f"{story(1, 3)}<h2>{empty}Wer zahlt den Ausbau?</h2>{story(4, 6)}"
    assert "Wer zahlt den Ausbau?" in extract(page(body=body)).text


@pytest.mark.parametrize(
    "furniture",
    [
        "Lesen Sie auch:",
        "Mehr zum Thema",
        "Schon gelesen?",
        "Foto: dpa",
        "© Stadtwerke Düsseldorf",
        "Titelbild: Anna Schmidt",
    ],
)
def test_related_links_labels_and_picture_credits_are_not_text(furniture):
    body = f"{story(1, 3)}<p>{furniture}</p>{story(4, 6)}"
    text = extract(page(body=body)).text
    assert furniture not in text
    assert "Containerterminals" in text


def test_a_sentence_that_starts_like_a_label_stays():
    sentence = "Mehr zum Thema Hafen erfahren Anwohner am Donnerstag bei einer Bürgerversammlung im Rathaus."
    body = f"<p>{STORY}</p><p>{sentence}</p><p>{STORY}</p>"
    assert sentence in extract(page(body=body)).text


def test_control_characters_do_not_lose_the_page():
    # A stray BEL from a content system; lxml keeps it, trafilatura would fail on it.
    body = f"<p>{STORY}</p><p>Der Hafen\x07 wächst.</p><p>{STORY}</p>"
    assert "Der Hafen wächst." in extract(page(body=body)).text


@pytest.mark.parametrize("surname", ["Freitag", "Sonntag", "Montag", "Mai"])
def test_a_surname_that_is_a_weekday_or_a_month_stays_a_name(surname):
    assert split_names(f"Von Anna {surname}") == [f"Anna {surname}"]
    assert split_names(f"Von Anna {surname} und Jan Meyer") == [f"Anna {surname}", "Jan Meyer"]
    assert split_names(f"Von Anna {surname} · 12.01.2024") == [f"Anna {surname}"]


@pytest.mark.parametrize(
    "credit",
    [
        "By Tom Krisher, AP Auto Writer",
        "By Tom Krisher, Staff writer",
        "Tom Krisher, CNN Editor-at-large",
        "Von Tom Krisher, Wirtschaftsredakteur",
        "Von Tom Krisher, Korrespondentin in Brüssel",
        "Tom Krisher, MS, RDN",
        "Tom Krisher, M.Sc.",
        "Tom Krisher, Ph.D.",
        "Tom Krisher, LL.M. (Cambridge)",
        "Tom Krisher, Produktmanager Fenstersysteme",
        "Tom Krisher, Projektleiterin Digitalisierung",
    ],
)
def test_what_the_person_is_after_the_name_is_not_another_author(credit):
    for head in (f'<meta name="author" content="{credit}">', jsonld(author={"@type": "Person", "name": credit})):
        assert extract(page(head, HEADLINE)).authors == ["Tom Krisher"]


@pytest.mark.parametrize(
    "byline",
    [
        "Von Dr. Anna Schmidt, LL.M., Düsseldorf, und Jan Meyer, Köln",
        "Autoren: Dr. Anna Schmidt, LL.M. (Cambridge), und Jan Meyer",
        "Von Dr. Anna Schmidt, MBA, und Jan Meyer",
    ],
)
def test_a_degree_after_a_name_in_the_byline_keeps_the_next_author(byline):
    # The lawyers' "LL.M." is no newsroom's initials ("LL"), and the name after it is credited.
    for header in (HEADLINE + f"<p>{byline}</p>", HEADLINE + f'<p class="entry-authors">{byline}</p>'):
        assert extract(page("", header)).authors == ["Dr. Anna Schmidt", "Jan Meyer"]


def test_a_surname_like_a_job_stays_a_name():
    # Only compounds are jobs: "Leiter" alone is a surname.
    assert extract(page('<meta name="author" content="Tom Leiter">', HEADLINE)).authors == ["Tom Leiter"]


def test_a_job_run_into_the_name_of_an_author_box_ends_it():
    box = (
        '<div class="author-box">\n<p class="author-box__label">Autor:</p>\n<p class="author-box__name">'
        'Dr.-Ing. Felix Hartung</p>\n<p class="author-box__role">Leiter Prozessentwicklung, Wuppermann Compounds '
        "GmbH, Wuppertal</p>\n</div>"
    )
    assert extract(page("", HEADLINE, closing=box)).authors == ["Dr.-Ing. Felix Hartung"]
    # After one word it is the surname: "Anna Leiter".
    assert extract(page("", HEADLINE + '<p class="byline">Von Anna Leiter</p>')).authors == ["Anna Leiter"]


@pytest.mark.parametrize(
    "credit, written",
    [
        ("By TOM KRISHER, AP Auto Writer", "Tom Krisher"),
        ("Von CHRISTOPH VON RITTER", "Christoph von Ritter"),
        ("ANNE-MARIE O'NEIL", "Anne-Marie O'Neil"),
        ("Jürgen Müller", "Jürgen Müller"),
    ],
)
def test_a_name_printed_in_capitals_is_written_as_names_are(credit, written):
    for head in (f'<meta name="author" content="{credit}">', jsonld(author={"@type": "Person", "name": credit})):
        assert extract(page(head, HEADLINE)).authors == [written]


def test_an_abbreviation_credited_in_capitals_stays_so():
    assert extract(page('<meta name="author" content="BDZV">', HEADLINE)).authors == ["BDZV"]


def test_a_role_credited_alone_is_kept_as_the_desk_it_is():
    article = extract(page('<meta name="author" content="Wirtschaftsredakteur">', HEADLINE))
    assert article.authors == ["Wirtschaftsredakteur"]


def test_one_person_credited_with_and_without_a_middle_initial_is_one_author():
    head = jsonld(author={"@type": "Person", "name": "Troy L. Smith"}) + '<meta name="author" content="Troy Smith">'
    assert extract(page(head, HEADLINE)).authors == ["Troy L. Smith"]
    # Two people who share a surname stay two.
    head = jsonld(author=[{"@type": "Person", "name": "Troy L. Smith"}, {"@type": "Person", "name": "Anna Smith"}])
    assert extract(page(head, HEADLINE)).authors == ["Troy L. Smith", "Anna Smith"]


def test_a_desk_credited_twice_in_another_word_order_is_credited_once():
    head = jsonld(author={"@type": "Organization", "name": "finanzen.net Redaktion"})
    header = HEADLINE + '<p class="source">Quelle: <span class="author">Redaktion finanzen.net</span></p>'
    assert extract(page(head, header)).authors == ["finanzen.net Redaktion"]


def test_the_author_s_initials_after_the_name_are_the_same_person():
    assert extract(page(header=HEADLINE + "<p>Von Tina Klostermeier, TK</p>")).authors == ["Tina Klostermeier"]
    # Initials of nobody credited are a credit of their own (a broadcaster, a desk), no author.
    head = '<meta name="author" content="Tina Klostermeier, NDR">'
    article = extract(page(head, HEADLINE))
    assert (article.authors, article.author) == (["Tina Klostermeier"], "Tina Klostermeier; NDR")


@pytest.mark.parametrize(
    "credit, authors",
    [
        ("Tom Davies Associated Press", ["Tom Davies"]),
        ("The Associated Press", []),
        ("Anna Schmidt, Deutsche Presse-Agentur", ["Anna Schmidt"]),
    ],
)
def test_a_wire_service_written_out_is_the_agency(credit, authors):
    article = extract(page(f'<meta name="author" content="{credit}">', HEADLINE))
    assert article.authors == authors
    assert article.agencies in (["AP"], ["dpa"])


def test_a_section_of_the_site_credited_beside_the_person_is_no_author():
    head = '<meta property="og:site_name" content="CNN"><meta name="author" content="Jill Disis, CNN Business">'
    article = extract(page(head, HEADLINE), "https://edition.cnn.com/2019/11/18/investing/markets/index.html")
    assert article.authors == ["Jill Disis"]


COMMENT_FORM = (
    '<form id="commentform"><p class="comment-form-author"><label for="author">Nama '
    '<span class="required">(wajib)</span></label> <input id="author" name="author" type="text"></p>'
    '<p class="comment-form-email"><label for="email">E-Mail</label> <input id="email" name="email"></p></form>'
)


def test_a_comment_form_s_name_field_is_no_byline():
    html = page(header=HEADLINE).replace("<footer>", COMMENT_FORM + "<footer>")
    assert extract(html).authors == []


def test_a_byline_inside_a_form_around_the_whole_page_is_still_read():
    # ASP.NET Web Forms pages put one <form> around everything.
    html = page(header=HEADLINE + '<p class="author">Anna Schmidt</p>')
    html = html.replace("<body>", '<body><form id="aspnetForm" method="post">').replace("</body>", "</form></body>")
    assert extract(html).authors == ["Anna Schmidt"]


@pytest.mark.parametrize("byline", ["von am 20.06.2018", "By on November 3, 2019", "Posted by at 10:14"])
def test_a_byline_whose_name_field_is_empty_credits_nobody(byline):
    assert extract(page(header=HEADLINE + f'<p class="byline">{byline}</p>')).authors == []


@pytest.mark.parametrize(
    "credit",
    [
        "Gastautorin Anna Schmidt",
        "Von Wirtschaftsredakteur Anna Schmidt",
        "Korrespondentin Anna Schmidt",
        # The liberal professions, written out or abbreviated.
        "Rechtsanwältin Anna Schmidt",
        "Von RA Anna Schmidt",
        "StB Anna Schmidt",
    ],
)
def test_the_person_s_title_before_the_name_is_left_out(credit):
    assert split_names(credit) == ["Anna Schmidt"]
    assert extract(page(f'<meta name="author" content="{credit}">', HEADLINE)).authors == ["Anna Schmidt"]


@pytest.mark.parametrize(
    "byline, authors",
    [
        # Several professions before the name, a specialist lawyer's title and the place after it.
        ("von RA StB Dr. Helmut Brandstätter, FA StR, Münster", ["Dr. Helmut Brandstätter"]),
        ("von StB Dipl.-Kfm. Jan Meyer, WP, Köln", ["Dipl.-Kfm. Jan Meyer"]),
        # The first name's job between the two names.
        (
            "von WP StB Dipl.-Kfm. Andreas Köhler, Partner, und StBin Dr. Miriam Stahl",
            ["Dipl.-Kfm. Andreas Köhler", "Dr. Miriam Stahl"],
        ),
    ],
)
def test_the_professions_of_tax_and_law_newsletters_bylines_are_left_out(byline, authors):
    assert extract(page(header=HEADLINE + f'<p class="Autorenzeile">{byline}</p>')).authors == authors


def test_an_author_box_with_a_follow_button_is_still_a_byline():
    box = '<div class="author-box"><span>Anna Schmidt</span><input type="submit" value="Folgen"></div>'
    assert extract(page(header=HEADLINE, closing=box)).authors == ["Anna Schmidt"]
    assert not FORM_FIELD(lxml.html.fromstring(box))
    assert FORM_FIELD(lxml.html.fromstring(COMMENT_FORM).find(".//p"))


NEWSLETTER_LAYER = (
    '<div class="modal" role="dialog" aria-modal="true"><h1>Bleiben Sie informiert!</h1><p>Der Newsletter'
    " am Morgen, jeden Werktag.</p><button>Schließen</button></div>"
)


def bare_page(head: str, body: str) -> str:
    """A page whose head has no title of the story: the headline is read from the body alone."""
    return f'<!DOCTYPE html><html lang="de"><head><meta charset="utf-8">{head}</head><body>{body}</body></html>'


STORY_TEXT = "".join(f"<p>{STORY}</p>" for _ in range(4))


def test_the_heading_of_a_dialog_over_the_page_is_not_the_headline():
    body = (
        f"{NEWSLETTER_LAYER}<main><article><h1>Hafen wird um zwei Terminals erweitert</h1>{STORY_TEXT}</article></main>"
    )
    assert extract(bare_page("", body)).title == "Hafen wird um zwei Terminals erweitert"


UPDATE_LINE = '<p class="article-update">Aktualisiert am 22.04.2026, 16:20 Uhr</p>'


def test_an_update_line_under_the_headline_is_the_modification_not_the_publication():
    # The publication's day stands at the story's end only, where htmldate finds it.
    body = f'<div><h1>Hafen wird um zwei Terminals erweitert</h1>{UPDATE_LINE}{STORY_TEXT}<p class="date">21.04.2026</p></div>'
    article = extract(bare_page("", body))
    assert article.published[:10] == "2026-04-21"
    assert article.modified[:10] == "2026-04-22"


def test_the_publisher_s_founding_date_does_not_date_a_page_without_story_markup():
    publisher = (
        '<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsMediaOrganization",'
        ' "name": "Rheinische Post", "foundingDate": "2008-05-25"}</script>'
    )
    # The page prints its date only in the text, where htmldate's search of the text finds it.
    body = (
        f"<div><h1>Hafen wird um zwei Terminals erweitert</h1>{STORY_TEXT}"
        "<p><strong>21.04.2026</strong> Der Hafen wächst weiter.</p></div>"
    )
    assert extract(bare_page(publisher, body)).published[:10] == "2026-04-21"


def test_a_sidebar_s_time_classed_date_does_not_date_the_story():
    widget = (
        '<aside class="stock-widget"><h3>DAX</h3><span class="value">18.045,20</span>'
        ' <span class="timestamp">Stand: 24.04.2026, 17:35 Uhr</span></aside>'
    )
    body = (
        f"<div><h1>Hafen wird um zwei Terminals erweitert</h1>{STORY_TEXT}"
        f"<p><strong>21.04.2026</strong> Der Hafen wächst weiter.</p></div>{widget}"
    )
    assert extract(bare_page("", body)).published[:10] == "2026-04-21"


def test_a_day_the_lead_names_on_its_weekday_is_not_the_date_line():
    header = (
        "<h1>Hafen wird um zwei Terminals erweitert</h1><p>Die Hauptversammlung findet am Dienstag,"
        " 19. Mai 2026 in der Messe Düsseldorf statt; der Vorstand will dort die Pläne vorstellen.</p>"
    )
    head = jsonld(datePublished="2026-04-21T09:00:00+02:00")
    assert extract(site_page("", header, head=head)).published == "2026-04-21T09:00:00+02:00"
    # A byline's name before the weekday: the date line.
    header = "<h1>Hafen wird um zwei Terminals erweitert</h1><p>Anna Schmidt am Dienstag, 21.04.2026 - 14:30</p>"
    assert extract(site_page("", header)).published[:16] == "2026-04-21T14:30"


def test_the_site_s_blocks_before_the_story_s_are_no_date_line_nor_byline_however_short():
    # A top bar and a menu of columnists set directly in the <body>, the story's block after them.
    top_bar = (
        '<div class="topbar"><span>Freitag, 24. April 2026</span> <a href="/abo">Abo</a></div>'
        '<nav><a href="/autor/max-mustermann">Max Mustermann</a> <a href="/autor/erika-musterfrau">Erika Musterfrau</a></nav>'
    )
    story = (
        '<main><article><h1>Hafen wird um zwei Terminals erweitert</h1><p class="byline">Von Anna Schmidt</p>'
        f"{STORY_TEXT}</article></main>"
    )
    article = extract(bare_page(jsonld(datePublished="2026-04-21T09:00:00+02:00"), top_bar + story))
    assert article.published == "2026-04-21T09:00:00+02:00"
    assert article.authors == ["Anna Schmidt"]
    # Inside the story's block, a line above the headline is its date line.
    story = story.replace("<h1>", "<p>21. April 2026</p><h1>")
    article = extract(bare_page(jsonld(datePublished="2026-04-20T23:00:00+02:00"), top_bar + story))
    assert article.published[:10] == "2026-04-21"


def ticker_entry(day: str, sentence: str) -> str:
    return f'<div class="ticker-entry"><time datetime="{day}T14:32:00+02:00">{day[8:10]}.{day[5:7]}.{day[:4]}, 14:32 Uhr</time><p>{sentence}</p></div>'


def test_a_live_ticker_s_entries_do_not_date_the_story():
    # The first entry after the lead is a day after the story's publication, and within the
    # reach of a date line under the headline.
    lead = "<p>Der Rat der Stadt Duisburg entscheidet heute über den Ausbau des Hafens.</p>"
    entries = ticker_entry("2026-04-22", "Der Rat hat am Abend mit großer Mehrheit abgestimmt.") + ticker_entry(
        "2026-04-21", "Die Sitzung beginnt mit einer Stunde Verspätung."
    )
    body = f"<main><article><h1>Hafen wird um zwei Terminals erweitert</h1>{lead}{entries}{STORY_TEXT}</article></main>"
    html = bare_page(jsonld(datePublished="2026-04-21T09:00:00+02:00"), body)
    article = extract(html)
    assert article.published == "2026-04-21T09:00:00+02:00"
    tree = parse_html(html)
    assert [entry.get("class") for entry in dated_entries(tree, article.title, article.text)] == ["ticker-entry"] * 2
    # Without markup, htmldate reads the page without them too.
    assert (
        extract(bare_page("", body.replace("</article>", '<p class="date">21.04.2026</p></article>'))).published[:10]
        == "2026-04-21"
    )


def test_a_date_line_s_block_is_no_entry_whatever_it_holds():
    # A note in the date line's block, before any paragraph of the story: the story has not begun.
    date_line = (
        '<div class="publish-info"><p><span class="date">21. April 2026 - 15:00 Uhr</span></p>'
        "<p>Korrektur: In einer früheren Fassung stand ein falscher Betrag für den Ausbau.</p></div>"
    )
    body = f"<main><article><h1>Hafen wird um zwei Terminals erweitert</h1>{date_line}{STORY_TEXT}</article></main>"
    html = bare_page(jsonld(datePublished="2026-04-20T09:00:00+02:00"), body)
    article = extract(html)
    assert dated_entries(parse_html(html), article.title, article.text) == []
    assert article.published[:10] == "2026-04-21"


def test_a_box_with_a_heading_of_its_own_next_to_the_headline_credits_its_own_author():
    # A commentary box set between the headline's block and the story: its "Von" line is the
    # commentary's, not a byline of the story, whose author the markup names.
    box = (
        '<aside class="commentary"><h3>Kommentar</h3><p class="author">Von Erika Musterfrau</p>'
        "<p>Die Stadt hat lange gezögert. Jetzt muss sie liefern.</p></aside>"
    )
    body = f"<main><header><h1>Hafen wird um zwei Terminals erweitert</h1></header>{box}<article>{STORY_TEXT}</article></main>"
    author = {"@type": "Person", "name": "Anna Schmidt"}
    article = extract(bare_page(jsonld(author=author, datePublished="2026-04-21T09:00:00+02:00"), body))
    assert article.authors == ["Anna Schmidt"]
    # Set in the story's own header, the same "Von" line is the story's byline.
    body = body.replace(box, "").replace("</h1>", '</h1><p class="author">Von Erika Musterfrau</p>')
    article = extract(bare_page(jsonld(author=author, datePublished="2026-04-21T09:00:00+02:00"), body))
    assert article.authors == ["Erika Musterfrau"]


def test_a_pointer_to_another_story_does_not_date_the_story():
    # The story's day stands at its end, where htmldate finds it; the "Lesen Sie auch" line in
    # the story prints the other story's day, an earlier one, which htmldate prefers.
    pointer = (
        '<p class="read-also"><strong>Lesen Sie auch:</strong> <a href="/wirtschaft/kraftwerk.html">Stadtwerke'
        " planen neues Kraftwerk am Rhein</a> (14.04.2026, von Max Mustermann)</p>"
    )
    body = f"<div><h1>Hafen wird um zwei Terminals erweitert</h1><p>{STORY}</p>{pointer}{STORY_TEXT}<p>Düsseldorf, 21.04.2026</p></div>"
    assert extract(bare_page("", body)).published[:10] == "2026-04-21"


def test_a_top_bar_set_in_the_body_before_the_story_s_block_does_not_date_it_however_near():
    # The site's top bar, a block of its own in the <body>, prints the day of the visit in a
    # date-classed element, which htmldate reads before the text; the headline follows at once.
    top_bar = (
        '<div class="topbar"><span class="topbar__date">Freitag, 24. April 2026</span> <a href="/abo">Abo</a></div>'
    )
    story = f"<div><h1>Hafen wird um zwei Terminals erweitert</h1>{STORY_TEXT}<p>Düsseldorf, 21.04.2026</p></div>"
    assert extract(bare_page("", top_bar + story)).published[:10] == "2026-04-21"


TIMELINE = (
    '<ul class="timeline"><li><strong>12.03.2025:</strong> Erste Pläne für den Ausbau</li>'
    "<li><strong>22.03.2026:</strong> Der Rat stimmt dem Vorhaben zu</li>"
    "<li><strong>Montag, 2. November 2026:</strong> Geplanter Baubeginn</li></ul>"
)


def test_a_timeline_s_days_are_its_items_not_the_story_s_date_line():
    # Right after the lead, within a date line's reach of the headline.
    lead = "<p>Der Rat der Stadt Duisburg hat den Ausbau des Hafens beschlossen.</p>"
    body = (
        f"<main><article><h1>Hafen wird um zwei Terminals erweitert</h1>{lead}{TIMELINE}{STORY_TEXT}</article></main>"
    )
    assert extract(bare_page(jsonld(datePublished="2026-04-21T09:00:00+02:00"), body)).published == (
        "2026-04-21T09:00:00+02:00"
    )
    # Without markup, htmldate (which prefers the earliest day) reads the page without it first.
    body = body.replace("</article>", "<p>Düsseldorf, 21.04.2026</p></article>")
    assert extract(bare_page("", body)).published[:10] == "2026-04-21"


@pytest.mark.parametrize(
    "items, dated",
    [
        (["12.03.2025: Erste Pläne", "22.03.2026: Beschluss"], True),
        (["Montag, 2. November 2026: Baubeginn", "Dienstag, 3. November 2026 Richtfest"], True),
        (["26/12/2019 Eröffnung", "02/01/2020 Erster Zug"], True),
        (["Mo., 12.03.2026 Konzert", "Di., 13.03.2026 Lesung"], True),
        (["12.03.2025: Erste Pläne"], False),  # one item: a date line in a list
        (["12.03.2025: Erste Pläne", "Beschluss im Rat"], False),
        (["Wirtschaft", "Politik", "Sport"], False),  # a menu
        (["Der Rat hat am 12.03.2025 beschlossen", "Baubeginn am 22.03.2026"], False),  # dates inside sentences
    ],
)
def test_is_dated_list(items, dated):
    tree = parse_html(
        "<html><body><ul>" + "".join(f"<li><span>{item}</span></li>" for item in items) + "</ul></body></html>"
    )
    assert is_dated_list(tree.find(".//ul")) is dated


@pytest.mark.parametrize(
    "items, dated",
    [
        (
            [
                '<a href="/a">Hafen Neuss wächst weiter</a> (12.02.2009)',
                '<a href="/b">Kurzarbeit nimmt zu</a> (09.02.2009)',
            ],
            True,
        ),
        (['<a href="/a">Hafen wächst</a> – 12.02.2009, 14:30 Uhr', '<a href="/b">Kurzarbeit</a> – 09.02.2009'], True),
        (['<a href="/a">Hafen wächst</a> (12.02.2009)', '<a href="/b">Kurzarbeit</a> im Rhein-Kreis'], False),
        (["Hafen wächst (12.02.2009)", "Kurzarbeit (09.02.2009)"], False),  # no links: not pointers
    ],
)
def test_a_list_of_links_each_with_its_day_is_a_dated_list(items, dated):
    tree = parse_html("<html><body><ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul></body></html>")
    assert is_dated_list(tree.find(".//ul")) is dated


def test_the_days_of_a_related_stories_list_do_not_date_a_page_that_prints_only_its_update():
    related = (
        '<ul><li><a href="/a">Hafen Neuss wächst weiter</a> (12.02.2009)</li>'
        '<li><a href="/b">Kurzarbeit im Rhein-Kreis nimmt zu</a> (09.02.2009)</li></ul>'
    )
    body = (
        '<main><div class="datum">zuletzt aktualisiert: 17.02.2009 - 18:20</div>'
        f"<h1>Hafen wird um zwei Terminals erweitert</h1>{STORY_TEXT}{related}</main>"
    )
    assert extract(bare_page("", body)).published[:10] == "2009-02-17"


def test_a_player_s_block_under_the_headline_is_no_date_line():
    # A video teaser with its upload day and length right under the headline, the story's date
    # line after it.
    video = (
        '<div class="video-teaser"><span class="video-teaser__date">18.04.2026</span>'
        ' <span class="video-teaser__title">Video: So sieht der neue Hafen aus</span> <span>2:14 Min.</span></div>'
    )
    body = (
        f'<main><article><h1>Hafen wird um zwei Terminals erweitert</h1>{video}<p class="date">21.04.2026</p>'
        f"{STORY_TEXT}</article></main>"
    )
    assert extract(bare_page(jsonld(datePublished="2026-04-20T23:30:00+02:00"), body)).published[:10] == "2026-04-21"


def test_a_table_of_days_in_the_story_is_no_date_line():
    table = (
        "<table><tr><th>Datum</th><th>Umschlag</th></tr><tr><td>18.04.2026</td><td>1,2 Mio. t</td></tr>"
        "<tr><td>19.04.2026</td><td>1,3 Mio. t</td></tr></table>"
    )
    lead = "<p>Der Hafen meldet für die vergangenen Tage einen neuen Rekord beim Umschlag.</p>"
    body = f"<main><article><h1>Hafen wird um zwei Terminals erweitert</h1>{lead}{table}{STORY_TEXT}</article></main>"
    assert extract(bare_page(jsonld(datePublished="2026-04-21T09:00:00+02:00"), body)).published == (
        "2026-04-21T09:00:00+02:00"
    )
    assert is_dated_list(parse_html(body).find(".//table"))


EVENT_BOX = (
    '<div class="event-info"><p><strong>Wann:</strong> Samstag, 25. April 2026, 19 Uhr</p>'
    "<p><strong>Wo:</strong> Stadthalle Düsseldorf, Eintritt frei</p></div>"
)


def test_an_event_s_day_under_the_headline_is_no_date_line():
    body = f"<main><article><h1>Hafenfest mit Konzert in der Stadthalle</h1>{EVENT_BOX}{STORY_TEXT}</article></main>"
    html = bare_page(jsonld(datePublished="2026-04-21T09:00:00+02:00"), body)
    assert extract(html).published == "2026-04-21T09:00:00+02:00"
    # Nor does htmldate, which would take the event's day, read it first.
    body = body.replace("</article>", "<p>Düsseldorf, 21.04.2026</p></article>")
    assert extract(bare_page("", body)).published[:10] == "2026-04-21"


def test_a_figure_s_as_of_day_is_not_the_story_s():
    # "Stand:" after a comma dates the share price before it; a "Stand:" line of its own is the
    # story's date line.
    quote = '<p class="stock-quote">Rheinmetall-Aktie: 241,30 Euro (+1,2 %), Stand: 22.04.2026, 17:35 Uhr</p>'
    lead = "<p>Der Konzern hat seine Prognose für das laufende Jahr deutlich angehoben.</p>"
    body = f"<main><article><h1>Rheinmetall hebt Prognose an</h1>{lead}{quote}{STORY_TEXT}</article></main>"
    body += '<p class="date">21.04.2026</p>'
    assert extract(bare_page("", body)).published[:10] == "2026-04-21"
    line = '<p class="stand">Stand: 22.04.2026, 17:35 Uhr</p>'
    body = f"<main><article><h1>Rheinmetall hebt Prognose an</h1>{line}{lead}{STORY_TEXT}</article></main>"
    assert extract(bare_page("", body)).published[:10] == "2026-04-22"


def test_a_video_s_day_and_length_next_to_the_headline_are_not_the_story_s():
    head = jsonld(headline="Hafen wird erweitert", datePublished="2026-03-10T12:40:00+01:00")
    player = (
        '<div class="mod modVideo"><div class="media"><span class="mediaDuration">02:14 Min.</span>'
        '<p class="mediaDate">09.03.2026 | 02:14 Min. | Verfügbar bis 09.03.2027</p></div></div>'
    )
    article = extract(page(head, player + "<h1>Hafen wird erweitert</h1>"))
    assert article.published == "2026-03-10T12:40:00+01:00"


@pytest.mark.parametrize(
    "credit",
    ['<p class="article__author">Quelle: dpa</p>', '<p class="byline">Von dpa</p>'],
)
def test_wire_copy_under_the_site_s_name_credits_the_agency_only(credit):
    """The site's desk as the markup's author and the wire service in the byline: agency copy,
    credited to the agency (SPIEGEL, tagesschau.de, Kölner Stadt-Anzeiger run it so)."""
    head = (
        jsonld(headline="Hafen wird erweitert", author={"@type": "Organization", "name": "RP ONLINE"})
        + '<meta property="og:site_name" content="RP ONLINE">'
    )
    article = extract(page(head, f"<h1>Hafen wird erweitert</h1>{credit}"))
    assert (article.authors, article.agencies, article.author) == ([], ["dpa"], "dpa")


@pytest.mark.parametrize(
    "line, agencies",
    [
        ("Mit Material von dpa und AFP", ["dpa", "AFP"]),
        ("Mit Informationen der dpa.", ["dpa"]),
        ("With material from dpa and Reuters", ["dpa", "Reuters"]),
        # After the station's own name in a source line; the farming weeklies' agency.
        ("Quelle: Radio 7, mit Material der dpa", ["dpa"]),
        ("(mit Material von AgE)", ["AgE"]),
        # After a separator closing a note or the pictures' credit.
        ("Dieser Artikel erschien zuerst im Hamburger Abendblatt. – mit Material von dpa", ["dpa"]),
        ("Fotos: Radio Ortenau/Selina Fritsch · mit Material von dpa/lsw", ["dpa"]),
        # The site's desk and the agency.
        ("Redaktion: muenchen.de / dpa", ["dpa"]),
    ],
)
def test_a_closing_line_naming_the_wire_material_credits_the_agencies(line, agencies):
    header = "<h1>Hafen wird erweitert</h1><p>Von Anna Schmidt</p>"
    article = extract(page("", header, closing=f"<p><em>{line}</em></p>"))
    assert (article.authors, article.agencies) == (["Anna Schmidt"], agencies)


@pytest.mark.parametrize(
    "line",
    [
        '<p class="dpa-id">dpa:260312-99-123456/2</p>',
        "<p><small>© dpa-infocom, dpa:260312-930-654321/1</small></p>",
    ],
)
def test_dpa_s_story_number_under_the_copy_credits_dpa(line):
    article = extract(page("", "<h1>Hafen wird erweitert</h1>", closing=line))
    assert (article.authors, article.agencies) == ([], ["dpa"])
    # Not a number of another form.
    assert extract(page("", "<h1>Hafen wird erweitert</h1>", closing="<p>Az.: 260312-99-123456/2</p>")).agencies == []


def test_the_wire_material_line_in_the_story_s_footer_credits_the_agencies():
    # Set beside the tags in the article's footer, which the main text leaves out (BR24).
    closing = (
        '<footer class="article-footer"><p>Mit Material von dpa</p><ul><li><a href="/t">Hafen</a></li></ul></footer>'
    )
    article = extract(page("", "<h1>Hafen wird erweitert</h1><p>Von Anna Schmidt</p>", closing=closing))
    assert (article.authors, article.agencies) == (["Anna Schmidt"], ["dpa"])


@pytest.mark.parametrize(
    "line, agencies",
    [
        ("<p><em>MDR (cdi)/dpa</em></p>", ["dpa"]),
        ("<p><i>bam/dpa/AFP</i></p>", ["dpa", "AFP"]),
        ('<p class="source">Quelle: ntv.de, sro/dpa</p>', ["dpa"]),
        ('<p class="source">Quelle: n-tv.de, dpa</p>', ["dpa"]),
        # The stations' sources listed with commas, each with its editors' codes (the MDR's).
        ("<p><em>MDR JUMP (akr/pwe), MDR THÜRINGEN (ska), dpa</em></p>", ["dpa"]),
    ],
)
def test_a_closing_line_of_codes_credits_its_wire_services(line, agencies):
    article = extract(page("", "<h1>Hafen wird erweitert</h1><p>Von Anna Schmidt</p>", closing=line))
    assert (article.authors, article.agencies) == (["Anna Schmidt"], agencies)


@pytest.mark.parametrize(
    "line, author",
    [
        ('<p class="source">Quelle: ntv.de, sro/dpa</p>', "sro/dpa"),
        ("<p><i>bam/dpa/AFP</i></p>", "dpa; AFP"),
        ("<p><em>MDR (cdi)/dpa</em></p>", "dpa"),
    ],
)
def test_a_line_of_codes_is_the_agency_s_credit_as_printed(line, author):
    """The editor's code before the wire service is printed with it, as after it ("dpa/lno")."""
    article = extract(page("", "<h1>Hafen wird erweitert</h1>", closing=line))
    assert (article.author, article.authors) == (author, [])


@pytest.mark.parametrize("line", ["<p>BMW/VW</p>", "<p>Foto: dpa/Anna Schmidt</p>", "<p>Preis/Leistung</p>"])
def test_a_line_of_codes_without_a_wire_service_credits_none(line):
    article = extract(page("", "<h1>Hafen wird erweitert</h1><p>Von Anna Schmidt</p>", closing=line))
    assert article.agencies == []


def test_character_references_in_the_json_ld_author_are_resolved():
    # CMSes write HTML's references into the JSON they generate (Südkurier's "J&ouml;rg").
    head = jsonld(author={"@type": "Person", "name": "J&ouml;rg B&uuml;sselmann"})
    assert extract(page(head, HEADLINE)).authors == ["Jörg Büsselmann"]
    assert extract(page(jsonld(author="Anna &amp; Jan Meyer"), HEADLINE)).author == "Anna; Jan Meyer"


def test_a_press_contact_s_details_in_a_credit_line_credit_no_one():
    header = (
        HEADLINE + '<div class="press-release__author"><p>Pressekontakt: Dortmund-Agentur, Tel. (0231) 50-0</p></div>'
    )
    article = extract(page("", header))
    assert "Tel" not in article.authors and "Pressekontakt" not in (article.author or "")


def test_trafilatura_s_guess_is_written_as_the_page_prints_it():
    # trafilatura capitalises the names it finds: the newsroom's code "red" is no name "Red".
    closing = '<div class="story-footer"><div class="byline"><p>red, ORF.at</p></div></div>'
    article = extract(page("", HEADLINE, closing=closing))
    assert "Red" not in article.authors


@pytest.mark.parametrize("label", ["Autor(en):", "Autor*innen:", "Autor:innen:", "Autorin:"])
def test_the_author_label_in_its_gendered_and_plural_forms_is_no_part_of_the_name(label):
    article = extract(page("", HEADLINE + f'<p class="meta">{label} Christine Pohlmann</p>'))
    assert article.authors == ["Christine Pohlmann"]


@pytest.mark.parametrize("label", ["Autor dieses Beitrags:", "Autorin des Artikels:", "Verfasser des Textes:"])
@pytest.mark.parametrize("where", ["header", "closing"])
def test_the_author_label_naming_the_story_credits_the_writer_over_the_site(label, where):
    line = f"<p>{label} Christine Pohlmann</p>"
    html = page(SITE_AS_AUTHOR, HEADLINE + line) if where == "header" else page(SITE_AS_AUTHOR, HEADLINE, closing=line)
    assert extract(html).authors == ["Christine Pohlmann"]


def test_a_surname_that_is_also_an_organisation_s_word_is_a_person():
    head = jsonld(author=[{"@type": "Person", "name": "Lena Hoppe"}, {"@type": "Person", "name": "Tobias Kammer"}])
    assert extract(page(head, HEADLINE)).authors == ["Lena Hoppe", "Tobias Kammer"]
    # After an adjective the word names a district, an organisation credited as a desk.
    assert extract(page('<meta name="author" content="Märkischer Kreis">', HEADLINE)).authors == []
    assert extract(page('<meta name="author" content="Anna Schmidt, Märkischer Kreis">', HEADLINE)).authors == [
        "Anna Schmidt"
    ]


def test_with_a_wire_service_after_the_reporter_in_an_english_byline_credits_it():
    head = jsonld(author={"@type": "Person", "name": "Lena Brandt"})
    header = HEADLINE + '<div class="contributors">By <a href="/p/1">Lena Brandt</a> with <span>AFP</span></div>'
    article = extract(page(head, header, lang="en"))
    assert (article.authors, article.agencies) == (["Lena Brandt"], ["AFP"])


def test_with_a_wire_service_under_an_english_byline_credits_it():
    header = HEADLINE + '<p class="byline">By Emma Whitfield</p><div class="author-extra">with AFP</div>'
    article = extract(page("", header, lang="en"))
    assert (article.authors, article.agencies) == (["Emma Whitfield"], ["AFP"])


def test_an_english_author_label_is_no_part_of_the_name():
    article = extract(page("", HEADLINE + '<p class="meta">Author: Thomas Brenner</p>', lang="en"))
    assert article.authors == ["Thomas Brenner"]


@pytest.mark.parametrize("credit", ["Quelle: dpa/lsw", "Von dpa/lnw"])
def test_a_wire_service_with_its_regional_service_credits_the_agency_alone(credit):
    article = extract(page("", HEADLINE + f'<div class="meta-authors">{credit}</div>'))
    assert (article.authors, article.agencies) == ([], ["dpa"])


def test_a_photo_s_source_in_its_caption_credits_no_wire_service():
    figure = '<figure><img src="/hafen.jpg" alt=""><figcaption>Der Hafen <span>Quelle: dpa</span></figcaption></figure>'
    article = extract(page("", HEADLINE + figure))
    assert (article.agencies, article.author) == ([], None)
    # The same line under the story credits the agency.
    article = extract(page("", HEADLINE + figure, closing='<p class="source">Quelle: dpa</p>'))
    assert article.agencies == ["dpa"]


@pytest.mark.parametrize("desk", ["CHECK24 Redaktion", "ruhr24 Redaktion", "t3n Redaktion"])
def test_a_digit_inside_a_desk_s_name_is_part_of_it(desk):
    assert split_names(desk) == [desk]
    # A digit that starts a word starts the date line, also run into the name.
    assert split_names("Anna Schmidt 21.11.2024") == ["Anna Schmidt"]
    assert split_names("Anna Schmidt21.11.2024") == ["Anna Schmidt"]


def test_a_name_trafilatura_rewrites_is_not_credited():
    # trafilatura reads "Von der CHECK24 Redaktion" as "Der Check", which the page never prints.
    head = '<meta property="og:site_name" content="CHECK24">' + jsonld(
        author={"@type": "Organization", "name": "CHECK24 Redaktion"}
    )
    header = HEADLINE + '<span class="c24-mag-article__author">Von der CHECK24 Redaktion</span>'
    assert extract(page(head, header)).authors == ["CHECK24 Redaktion"]
    # A name trafilatura finds in a meta tag of its own is the page's: "dcterms.creator".
    head = '<meta name="dcterms.creator" content="Martin Stallmann">'
    assert extract(page(head, HEADLINE)).authors == ["Martin Stallmann"]


@pytest.mark.parametrize(
    "credit", ["rmb8090 Siamo un memorabilia del meglio dei fantastici", "Geteilt von", "Shared by"]
)
def test_a_sentence_or_a_label_without_its_name_is_nobody(credit):
    head = f'<meta name="author" content="{credit}">'
    assert extract(page(head, HEADLINE)).authors == []


@pytest.mark.parametrize("desk", ["BS Desk", "Web Desk", "Business Desk"])
def test_a_desk_beside_a_wire_service_is_no_author(desk):
    head = f'<meta name="author" content="{desk}">'
    article = extract(page(head, HEADLINE, closing="<p>Die Hafengesellschaft bestätigte den Zeitplan. (dpa)</p>"))
    assert (article.authors, article.agencies) == ([], ["dpa"])


@pytest.mark.parametrize(
    "credit, agency",
    [("dts Nachrichtenagentur", "dts"), ("Deutsche Textservice Nachrichtenagentur", "dts"), ("Keystone-SDA", "SDA")],
)
def test_an_agency_s_name_written_out_is_the_agency(credit, agency):
    article = extract(page(f'<meta name="author" content="{credit}">', HEADLINE))
    assert (article.authors, article.agencies) == ([], [agency])


def test_a_name_ending_in_post_keeps_it():
    # "Post" ends publications' names ("Rheinische Post", "The Huffington Post"), credited whole
    # where nobody else is.
    byline = (
        '<div class="byline"><span class="author-name">The Huffington Post</span> |'
        ' <span class="author-name">dpa</span></div>'
    )
    article = extract(page('<meta property="og:site_name" content="Die Huffington Post">', HEADLINE + byline))
    assert article.authors == ["The Huffington Post"]
    assert extract(page("", HEADLINE + '<p class="byline">Von Anna Post</p>')).authors == ["Anna Post"]


def test_the_byline_of_a_listed_story_beside_its_link_is_not_the_story_s():
    listed = (
        '<div class="stories"><h3>Auch bei uns</h3><ul><li><a href="/2016/09/20/krise.html">Autozulieferer in NRW:'
        ' Die stille Krise</a> <span class="byline">Von Jonas Wettstein</span></li></ul></div>'
    )
    assert extract(page("", HEADLINE, closing=listed)).authors == []
    # An author's link in the list item is the byline's own.
    own = (
        '<ul class="meta"><li><span class="byline">Von <a href="/autor/anna-schmidt">Anna Schmidt</a></span></li></ul>'
    )
    assert extract(page("", HEADLINE + own)).authors == ["Anna Schmidt"]


@pytest.mark.parametrize("credit", ["Bild: APA/Symbolbild", "Bilder: Anna Schmidt", "Foto: Anna Schmidt"])
def test_a_picture_credit_marked_as_the_author_s_is_nobody(credit):
    # OÖNachrichten mark the picture credit in the caption with the author's class.
    caption = f'<div class="bildtext">Maschinen aus Oberösterreich <span class="author">{credit}</span></div>'
    assert extract(page("", HEADLINE + caption)).authors == []


@pytest.mark.parametrize(
    "line, agencies",
    [
        ("Mit Material der Nachrichtenagentur SDA.", ["SDA"]),
        ("Mit Material der Nachrichtenagenturen dpa und AFP", ["dpa", "AFP"]),
        (f"{STORY} (Mit Material der dpa)", ["dpa"]),
        (f"{STORY} (mit Material von dpa und AFP)", ["dpa", "AFP"]),
    ],
)
def test_a_material_line_naming_the_news_agencies_credits_them(line, agencies):
    assert extract(page("", HEADLINE, closing=f"<p>{line}</p>")).agencies == agencies


def test_a_blog_s_guest_account_gives_way_to_the_guest_it_prints():
    head = '<meta name="author" content="Gastautor">'
    header = HEADLINE + "<p>Ein Gastbeitrag von Dr. Friederike Lanz</p>"
    assert extract(page(head, header)).authors == ["Dr. Friederike Lanz"]


def test_a_part_of_an_organisation_s_name_is_nobody():
    # trafilatura parts the chamber's name at its "und"; the chamber is read whole, and no part
    # of it is a person.
    head = '<meta name="author" content="Industrie- und Handelskammer zu Düsseldorf">'
    assert extract(page(head, HEADLINE)).authors == []


def test_verfasser_is_an_author_label():
    assert extract(page("", HEADLINE, closing='<p class="autor">Verfasser: Markus Brandt</p>')).authors == [
        "Markus Brandt"
    ]


def test_an_office_named_with_a_compound_s_hyphen_is_one_credit():
    # "Presse- und Kommunikationsamt": one office; its parts, as trafilatura splits them, no more.
    head = '<meta name="author" content="Stadt Essen, Presse- und Kommunikationsamt">'
    # The city is no author; its press office is credited as a desk is.
    assert extract(page(head, HEADLINE)).authors == ["Presse- und Kommunikationsamt"]


@pytest.mark.parametrize(
    "line, author",
    [
        # Blogger's German byline.
        (
            '<span class="post-author vcard">Eingestellt von <span class="fn">Anke Westhoff</span></span>',
            "Anke Westhoff",
        ),
        # Contao's news line with the count of comments after the name.
        ('<p class="info">12.05.2011 14:30 von Markus Stracke | 2 Kommentare</p>', "Markus Stracke"),
        # Drupal's "submitted" line: weekday, date and time, an em dash, the name.
        (
            '<span class="submitted">Fr, 29.08.2008 - 09:45 — <a href="/user/4">Heike Schulte</a></span>',
            "Heike Schulte",
        ),
    ],
)
def test_the_bylines_of_older_blog_engines(line, author):
    assert extract(page("", HEADLINE + line)).authors == [author]


def test_a_sign_off_with_a_dash_and_a_guest_post_s_credit_name_the_author():
    closing = "<p>&#8212; Lea Brinkhoff</p>"
    assert extract(page("", HEADLINE, closing=closing)).authors == ["Lea Brinkhoff"]
    # WordPress credits the account that posted it; the text names the guest.
    header = HEADLINE + '<span class="by-author">von <a rel="author" href="/author/admin/">admin</a></span>'
    closing = "<p><em>Gastbeitrag von Sabine Overbeck. Die Autorin ist Fachanwältin für Arbeitsrecht.</em></p>"
    assert extract(page("", header, closing=closing)).authors == ["Sabine Overbeck"]


@pytest.mark.parametrize("source", ["Unternehmen", "Hersteller", "Pressemitteilung"])
def test_a_source_named_by_its_kind_credits_no_one(source):
    article = extract(page("", HEADLINE + f'<span class="article-author">Quelle: {source}</span>'))
    assert source not in article.authors


def test_the_swiss_financial_wire_beside_sda_is_an_agency():
    article = extract(page("", HEADLINE, closing="<p>(sda/awp)</p>"))
    assert article.agencies == ["SDA", "AWP"]


def test_a_signature_before_the_agency_s_credit_is_the_author():
    closing = "<p><strong>Stefan Kürten</strong> (mit dpa)</p>"
    article = extract(page("", "<h1>Hafen wird erweitert</h1>", closing=closing))
    assert (article.authors, article.agencies) == (["Stefan Kürten"], ["dpa"])


@pytest.mark.parametrize("handle", ["jreckfort", "jana.reckfort"])
def test_a_cms_handle_is_written_as_the_name_the_page_gives_it(handle):
    header = (
        '<h1>Hafen wird erweitert</h1><p class="meta">Posted on 8. August 2017 by '
        f'<span class="author vcard"><a href="/author/{handle}/">{handle}</a></span></p>'
    )
    bio = f'<div id="author-description"><h2>Über {handle}</h2>Jana Reckfort schreibt über Wirtschaft.</div>'
    # The author box after the article, as WordPress themes set it.
    html = page("", header).replace("</article>", f"</article>{bio}")
    assert extract(html).authors == ["Jana Reckfort"]


@pytest.mark.parametrize("closing, authors", [("(mit Belga)", ["Anna Schmidt"]), ("(belga/ge)", [])])
def test_belga_is_a_wire_service(closing, authors):
    byline = '<p class="byline">Von Anna Schmidt</p>' if authors else ""
    body = "".join(f"<p>{STORY}</p>" for _ in range(4)) + f"<p>{closing}</p>"
    article = extract(page("", HEADLINE + byline, body=body))
    assert (article.authors, article.agencies) == (authors, ["Belga"])


def test_the_byline_of_the_next_story_appended_below_is_not_the_story_s():
    # News portals append the next story as the reader scrolls, with its own headline and byline.
    story = "".join(f"<p>{STORY}</p>" for _ in range(4))
    appended = (
        '<div class="article-container next-article"><article class="article"><header>'
        '<h1 class="article-title">Theater verkauft so viele Abos wie nie</h1>'
        '<div class="article-author">Von <a class="author-name" href="/autor.ulrike-voigt.html">Ulrike Voigt</a>'
        "</div></header><p>Das Staatstheater meldet einen Rekord bei den Abonnements.</p></article></div>"
    )
    html = (
        '<!DOCTYPE html><html lang="de"><head><meta charset="utf-8">'
        + jsonld(author=[{"@type": "Organization", "name": "dpa"}])
        + '</head><body><article class="article"><h1 class="article-title">Hafen wird um zwei Terminals erweitert'
        + '</h1><div class="article-author"><span class="author-agency">dpa</span></div>'
        + f"{story}</article>{appended}</body></html>"
    )
    article = extract(html)
    assert (article.authors, article.agencies) == ([], ["dpa"])


def test_a_box_of_the_latest_stories_set_as_blocks_does_not_date_the_story():
    # TYPO3's news extension sets its "latest news" box as blocks, each a link with its day; the
    # story's own day stands in a box beside the text.
    latest = (
        '<div class="news-latest-container"><h3>Weitere Meldungen</h3>'
        '<div class="news-latest-item"><span class="news-latest-date">15.07.2026</span>'
        ' <a href="/cms/index.php?id=49&amp;tt_news=8405">Inkasso: Überhöhte Spesen gekippt</a></div>'
        '<div class="news-latest-item"><span class="news-latest-date">08.07.2026</span>'
        ' <a href="/cms/index.php?id=49&amp;tt_news=8398">VKI klagt Fitnessstudio-Kette</a></div></div>'
    )
    closing = f'<div class="news-single-rightbox">22.07.2026<br>Urteile</div>{latest}'
    assert extract(page("", HEADLINE, closing=closing)).published[:10] == "2026-07-22"


def test_the_editorial_staff_an_imprint_lists_are_not_the_story_s_authors():
    # The Bundestag's "hib" notes end with their imprint: publisher, who answers for them, staff.
    imprint = (
        "<p>Deutscher Bundestag, Parlamentsnachrichten<br>Verantwortlich: Torben Alsleben<br>"
        "Redaktion: Dr. Merle Quandtke, Ilka Sommerfeld, Paul Eckhardt-Zinn</p>"
    )
    assert extract(page("", HEADLINE, closing=imprint)).authors == []
    # A "Redaktion:" line of its own still credits.
    assert extract(page("", HEADLINE, closing="<p>Redaktion: Ilka Sommerfeld</p>")).authors == ["Ilka Sommerfeld"]


@pytest.mark.parametrize("mark", ["\u200f", "\u200e", "\u202b", "\u2067"])
def test_the_marks_of_bidirectional_text_around_a_name_are_no_part_of_it(mark):
    byline = f'<p class="byline">Von <span class="author">{mark}Gerda Veldkamp{mark}</span></p>'
    assert extract(page("", HEADLINE + byline)).authors == ["Gerda Veldkamp"]


@pytest.mark.parametrize("account", ["user_4711", "u12345", "usr_98231"])
def test_a_cms_record_number_as_the_author_is_nobody(account):
    # The agency copy's credit the page prints is read instead.
    head = jsonld(author={"@type": "Person", "name": account})
    byline = '<div class="article-author">Quelle: dpa</div>'
    article = extract(page(head, HEADLINE + byline))
    assert (article.authors, article.agencies) == ([], ["dpa"])


@pytest.mark.parametrize("credit", ["AFP - Agence France Presse", "Agence France Presse"])
def test_afp_credited_with_its_name_written_out_after_a_dash_is_the_agency(credit):
    byline = f'<p class="byline">By <span class="author">{credit}</span></p>'
    article = extract(page("", HEADLINE + byline, lang="en"))
    assert (article.authors, article.agencies) == ([], ["AFP"])


def test_the_editor_s_code_beside_the_agency_in_the_closing_credit_is_nobody():
    # The CMS states the editor's code as the author too.
    body = "".join(f"<p>{STORY}</p>" for _ in range(4)) + "<p>(dpa / sd)</p>"
    article = extract(page('<meta name="author" content="sd">', HEADLINE, body=body))
    assert (article.authors, article.agencies) == ([], ["dpa"])


@pytest.mark.parametrize(
    "closing, agency",
    [("(ČTK)", "ČTK"), ("(Ritzau)", "Ritzau"), ("(MTI)", "MTI"), ("(ANSA)", "ANSA"), ("(mit LETA)", "LETA")],
)
def test_the_national_wire_services_of_the_border_regions_press_are_agencies(closing, agency):
    body = "".join(f"<p>{STORY}</p>" for _ in range(4)) + f"<p>Die Arbeiten beginnen im Frühjahr. {closing}</p>"
    article = extract(page("", HEADLINE, body=body))
    assert (article.authors, article.agencies) == ([], [agency])


def test_the_financial_wire_opening_an_older_story_s_dateline_is_an_agency():
    body = "<p>Frankfurt (vwd) - Die Rheinmain Spedition AG hat ihren Umsatz gesteigert.</p>" + f"<p>{STORY}</p>" * 3
    assert extract(page("", HEADLINE, body=body)).agencies == ["vwd"]


def test_a_word_in_brackets_closing_the_text_is_no_editor_s_code():
    # An old layout's text runs into a box of trade-fair dates: "(abgesagt)" closes it.
    body = (
        f"<p>{STORY}</p>" * 4 + "<p>13.–16.01.2026 Heimtextil, Frankfurt<br>19.–25.01.2026 imm cologne (abgesagt)</p>"
    )
    assert extract(page("", HEADLINE, body=body)).authors == []
    # An editor's code there is the desk's, as before.
    body = f"<p>{STORY}</p>" * 4 + "<p>Die Arbeiten beginnen im Frühjahr. (mro)</p>"
    assert extract(page("", HEADLINE, body=body)).authors == ["mro"]


def test_a_shortened_release_s_closing_note_in_brackets_is_nobody():
    body = "".join(f"<p>{STORY}</p>" for _ in range(4)) + "<p>Die BMW Group ist ein Hersteller. (gekürzt)</p>"
    assert extract(page("", HEADLINE, body=body)).authors == []


@pytest.mark.parametrize("dash", ["—", "–"])
def test_a_meta_line_with_the_name_then_a_dash_then_the_day_credits_the_name(dash):
    header = HEADLINE + f'<div class="postinfo">Jan Morawietz {dash} 14. Dezember 2009, 08:57 Uhr</div>'
    assert extract(page("", header)).authors == ["Jan Morawietz"]


def test_a_photographer_the_metadata_credits_beside_the_author_is_no_author_when_the_byline_says_so():
    head = jsonld(author=[{"@type": "Person", "name": "Ulrike Terhechte"}, {"@type": "Person", "name": "Lars Hüwe"}])
    byline = '<p class="author">Ulrike Terhechte (Text) und Lars Hüwe (Fotos)</p>'
    assert extract(page(head, HEADLINE + byline)).authors == ["Ulrike Terhechte"]


def test_dpa_afx_closing_its_copy_in_brackets_is_the_agency():
    body = "".join(f"<p>{STORY}</p>" for _ in range(4)) + "<p>Die Aktie legte am Nachmittag zu. (dpa-AFX)</p>"
    article = extract(page("", HEADLINE, body=body))
    assert (article.authors, article.agencies) == ([], ["dpa-AFX"])


@pytest.mark.parametrize(
    "byline", ["Von unserer Redaktion", "Von unserem Korrespondenten", "Über den Autor", "Autoren dieses Artikels"]
)
def test_the_desk_speaking_of_itself_or_an_author_box_s_heading_is_nobody(byline):
    assert extract(page("", HEADLINE + f'<p class="author">{byline}</p>')).authors == []


def test_a_category_label_beside_the_day_is_no_author():
    # TYPO3 news' meta line on a company's investor-relations page: the day, then the category.
    header = (
        '<h1 itemprop="headline">Hafen wird um zwei Terminals erweitert</h1><p><span class="news-list-date">'
        '<time datetime="2026-03-05">05.03.2026</time></span><span class="news-list-category">Corporate News</span></p>'
    )
    assert extract(page("", header)).authors == []
    plain = header.replace(' class="news-list-category"', "")
    assert extract(page("", plain)).authors == ["Corporate News"]


def test_a_labelled_credit_in_another_story_s_card_is_not_the_story_s():
    card = (
        '<div class="advertorial-teaser"><h4><a href="/advertorial/serielle-sanierung/">Serielle Sanierung'
        " in zwölf Wochen</a></h4><p>Ein Beitrag von Dirk Hollenhorst, Geschäftsführer der Fassadenwerk"
        " West GmbH</p></div>"
    )
    article = extract(page("", HEADLINE, closing=card))
    assert article.authors == []
    alone = card.replace("<h4>", "<p>").replace("</h4>", "</p>")
    assert extract(page("", HEADLINE, closing=alone)).authors == ["Dirk Hollenhorst"]


def test_the_metadata_s_person_named_only_in_the_footer_gives_way_to_the_byline():
    # A local news blog: its CMS credits the owner, whom the footer names as the publisher.
    head = '<meta name="author" content="Gerold Weißenbach">'
    html = page(head, HEADLINE + "<p><strong>Von Katharina Ebert</strong></p>").replace(
        "<footer>Impressum · Datenschutz</footer>", "<footer>Herausgeber: Gerold Weißenbach, Ebermannstadt</footer>"
    )
    assert extract(html).authors == ["Katharina Ebert"]
    in_the_story = html.replace("</article>", "<p>Gerold Weißenbach schreibt hier seit 2009.</p></article>")
    assert extract(in_the_story).authors == ["Gerold Weißenbach"]


def without_article(html: str) -> str:
    """``html`` with its story in a plain block, as older templates and CMSes of public bodies
    set it: no <article> confirms its <h1> as the story's."""
    return html.replace("<article>", '<div class="content">').replace("</article>", "</div>")


@pytest.mark.parametrize(
    "title, url",
    [
        ("Kreiszeitung Wesermarsch: Wirtschaft", "https://www.kreiszeitung-wesermarsch.de/index.php?id=27"),
        ("westline Nachrichten - Wirtschaft", "http://www.westline.de/nachrichten/wirtschaft/artikel.php?id=4711"),
        ("Wirtschaft", URL),
    ],
)
def test_a_title_naming_the_site_and_a_section_leaves_the_headline_to_the_h1(title, url):
    html = without_article(page(f"<title>{title}</title>", "<h1>Weser-Umschlag baut Kaje für Schwergut aus</h1>"))
    assert extract(html, url).title == "Weser-Umschlag baut Kaje für Schwergut aus"


def test_a_section_name_no_link_says_is_no_section():
    html = without_article(page("<title>Hafenbilanz</title>", "<h1>Weser-Umschlag baut Kaje für Schwergut aus</h1>"))
    assert extract(html).title == "Hafenbilanz"


def test_without_an_h1_the_part_of_the_title_the_page_prints_alone_is_the_headline():
    # A page laid out in tables: the headline in a large bold font, the byline in the next row.
    title = "<title>NRhZ-Online - Neue Rheinische Zeitung - Finnischer Konzern schließt Kölner Kabelwerk</title>"
    header = (
        '<table><tr><td><font size="5"><b>Finnischer Konzern schließt Kölner Kabelwerk</b></font></td></tr>'
        '<tr><td><font size="2">Von Ulrike Brandner</font></td></tr></table>'
    )
    article = extract(page(title, header), url="http://www.nrhz.de/flyer/beitrag.php?id=12086")
    assert (article.title, article.authors) == ("Finnischer Konzern schließt Kölner Kabelwerk", ["Ulrike Brandner"])


@pytest.mark.parametrize("prefix", ["ENERGIE-CHRONIK 261007", "Energie-Chronik"])
def test_without_an_h1_the_title_s_end_after_the_site_s_name_run_into_it_is_the_headline(prefix):
    # A static archive numbering its pages: no separator between the site's name and the headline.
    title = f"<title>{prefix} Netzagentur legt Eckpunkte für Netzentgelte vor</title>"
    header = "<p><b>Oktober 2026</b></p><p><b>Netzagentur legt Eckpunkte für Netzentgelte vor</b></p>"
    article = extract(page(title, header), url="https://www.energie-chronik.de/261007.htm")
    assert article.title == "Netzagentur legt Eckpunkte für Netzentgelte vor"


def test_the_only_h1_writing_out_the_metadata_s_short_page_name_is_the_headline():
    html = without_article(
        page(
            "<title>Pressemitteilung: Bilanz 2025</title>",
            "<h1>Sparkasse Aachen legt Bilanz 2025 vor: Mehr Kredite für den Mittelstand</h1>",
        )
    )
    assert extract(html).title == "Sparkasse Aachen legt Bilanz 2025 vor: Mehr Kredite für den Mittelstand"
    unrelated = html.replace("Bilanz 2025</title>", "Jahresabschluss</title>")
    assert extract(unrelated).title == "Pressemitteilung: Jahresabschluss"


def test_the_text_read_around_the_headline_is_cut_between_words():
    # A date cut short ("24.02.20" of "24.02.2026") would read as another day, 2020's.
    for padding in range(0, 30):
        lead = "<p>" + "x" * padding + " Die Rheinwerk Präzision AG baut Stellen ab." * 8 + "</p>"
        above = "<p>Am 14.03.2026" + " ging es im Hafen um die Terminals." * 6 + "y" * padding + "</p>"
        html = page("", above + HEADLINE + lead + "<div>24.02.2026</div><div>11:42</div>", paragraphs=1)
        after, before = text_near_headline(parse_html(html), "Hafen wird um zwei Terminals erweitert")
        words = (above + lead + " 24.02.2026 11:42").replace("<p>", " ").replace("</p>", " ").split()
        assert after.split()[-1] in words, padding
        assert before.split()[0] in words, padding


@pytest.mark.parametrize(
    "byline",
    ["von: Jens Ahlers", "Von unserem Redaktionsmitglied Jens Ahlers", "Von unserer Mitarbeiterin Jens Ahlers"],
)
def test_the_newspapers_byline_labels(byline):
    assert extract(page("", HEADLINE + f"<p>{byline}</p>")).authors == ["Jens Ahlers"]


def test_a_signature_in_italics_above_a_closing_note_signs_the_story():
    closing = "<p><em>Text: Annette Wiesmann</em></p><p>Dieser Beitrag erschien in der Ausgabe 2/2007 des Magazins.</p>"
    assert extract(page("", HEADLINE, closing=closing)).authors == ["Annette Wiesmann"]
    # Set plain, it signs right above a note where the story first appeared, not farther up.
    plain = closing.replace("<em>", "").replace("</em>", "")
    assert extract(page("", HEADLINE, closing=plain)).authors == ["Annette Wiesmann"]
    # Farther up, the line credits the words as a line of its own does anywhere in the story;
    # the name alone there signs nothing.
    farther = plain.replace("</p><p>Dieser", "</p><p>Die Serie wird fortgesetzt.</p><p>Dieser")
    assert extract(page("", HEADLINE, closing=farther)).authors == ["Annette Wiesmann"]
    assert extract(page("", HEADLINE, closing=farther.replace("Text: ", ""))).authors == []


def test_the_agency_s_dateline_after_a_lead_set_in_bold_credits_the_agency():
    body = (
        "<p><strong>LOGISTIK – Transvia investiert 140 Millionen Euro an der A5</strong></p>"
        f"<p>BUTZBACH (dpa/lhe). {STORY}</p>" + "".join(f"<p>{STORY}</p>" for _ in range(3))
    )
    assert extract(page("", HEADLINE, body=body)).agencies == ["dpa"]
    later = body.replace("<p>BUTZBACH (dpa/lhe). ", f"<p>{STORY}</p><p>BUTZBACH (dpa/lhe). ")
    assert extract(page("", HEADLINE, body=later)).agencies == []


def test_one_word_only_the_meta_tags_state_is_an_account_s_handle():
    body = f"<p>BUTZBACH (dpa/lhe). {STORY}</p>" + "".join(f"<p>{STORY}</p>" for _ in range(3))
    article = extract(page('<meta name="author" content="Simone">', HEADLINE, body=body))
    assert (article.authors, article.agencies) == ([], ["dpa"])
    signed = body + "<p>Simone</p>"
    assert extract(page('<meta name="author" content="Simone">', HEADLINE, body=signed)).authors == ["Simone"]


@pytest.mark.parametrize("label", ["Paid Content", "Sponsored Post", "Advertorial"])
def test_sponsored_content_s_label_in_the_byline_s_place_is_nobody(label):
    assert extract(page("", HEADLINE + f'<p class="author">{label}</p>')).authors == []


def test_dpa_afx_s_byline_between_rules_credits_the_reporter_and_the_agency():
    body = "<p>--- Von Tobias Ehrlinger, dpa-AFX ---</p>" + "".join(f"<p>{STORY}</p>" for _ in range(4))
    article = extract(page("", HEADLINE, body=body))
    assert (article.authors, article.agencies) == (["Tobias Ehrlinger"], ["dpa-AFX"])


def test_the_editor_linked_beside_the_author_is_no_author():
    byline = (
        '<div><p>Von</p><a href="/de/author/lena-brueckmann">Lena Brückmann</a></div>'
        '<div><p>Bearbeitet von</p><a href="/de/author/marco-haensel">Marco Hänsel</a></div>'
    )
    head = jsonld(author=[{"@type": "Person", "name": "Lena Brückmann"}])
    assert extract(page(head, HEADLINE + byline)).authors == ["Lena Brückmann"]
    both = byline.replace("Bearbeitet von", "und")
    assert extract(page(head, HEADLINE + both)).authors == ["Lena Brückmann", "Marco Hänsel"]


def test_an_interview_s_closing_credit_das_gespraech_fuehrte():
    closing = "<p>Das Gespräch führte Jan-Hendrik Kluth.</p>"
    assert extract(page("", HEADLINE, closing=closing)).authors == ["Jan-Hendrik Kluth"]


def test_a_byline_element_with_the_place_on_the_next_line_credits_the_name():
    byline = '<p class="autor">Gisela Brandtner<br>Wuppertal-Elberfeld</p>'
    assert extract(page("", HEADLINE + byline)).authors == ["Gisela Brandtner"]


def test_a_source_line_of_agency_codes_in_brackets_credits_the_agencies():
    info = '<div class="info"><span class="quelle">(apa/sda)</span> <span>17. November 2022, 16:45</span></div>'
    assert extract(page("", HEADLINE + info)).agencies == ["APA", "SDA"]


def test_the_italian_kicker_class_occhiello_marks_a_kicker():
    # Rai Südtirol's German-language news on rainews.it, set in the Italian CMS.
    header = '<p class="occhiello">Landwirtschaft</p><h1>Hafen wird um zwei Terminals erweitert</h1>'
    article = extract(page("<title>Hafen wird um zwei Terminals erweitert</title>", header))
    assert (article.kicker, article.title) == ("Landwirtschaft", "Hafen wird um zwei Terminals erweitert")


@pytest.mark.parametrize(
    "where", ['<p class="agency-footer">{credit}</p>', "<p>{credit}</p>" + "<p>Wertpapiere zur Nachricht</p>" * 30]
)
def test_the_wire_s_closing_line_outside_the_story_s_end_names_reporters_and_writer(where):
    credit = (
        "(Bericht von Christoph Steinhoff und Tom Hayward, geschrieben von Marlene Achterberg; redigiert von"
        " Jörg Wienand. Bei Rückfragen wenden Sie sich bitte an unsere Redaktion.)"
    )
    # Set apart in a footer the text leaves out, or before a box of securities the text keeps.
    closing = where.format(credit=credit)
    assert extract(page("", HEADLINE, closing=closing)).authors == [
        "Christoph Steinhoff",
        "Tom Hayward",
        "Marlene Achterberg",
    ]


@pytest.mark.parametrize(
    "credit",
    [
        "Von IHK-Präsident Dr. Armin Seelbach",
        "Von Kammerpräsidentin Dr. Armin Seelbach",
        # Public offices, as officeholders' guest commentaries are signed.
        "Ein Gastkommentar von Finanzminister Dr. Armin Seelbach",
        "Von Oberbürgermeister Dr. Armin Seelbach",
        "Von Staatssekretärin Dr. Armin Seelbach",
    ],
)
def test_an_office_before_the_name_is_no_part_of_it(credit):
    assert extract(page("", HEADLINE + f'<p class="autor">{credit}</p>')).authors == ["Dr. Armin Seelbach"]


@pytest.mark.parametrize("closing, agencies", [("kath.ch/kna/sme", ["KNA"]), ("(L'essentiel/AFP)", ["AFP"])])
def test_the_site_s_name_before_the_agency_in_the_closing_credit(closing, agencies):
    body = "".join(f"<p>{STORY}</p>" for _ in range(4)) + f"<p>{closing}</p>"
    assert extract(page("", HEADLINE, body=body)).agencies == agencies


def test_a_station_in_capitals_beside_the_people_is_their_newsroom():
    byline = '<p class="author">von Henrike Pfaff und Ole Brandstätter, MDR SACHSEN-ANHALT</p>'
    article = extract(page("", HEADLINE + byline))
    assert article.authors == ["Henrike Pfaff", "Ole Brandstätter"]
    assert "MDR SACHSEN-ANHALT" in article.author


@pytest.mark.parametrize(
    "byline",
    [
        "Autor:in: Anna Schmidt",
        "Autor_in: Anna Schmidt",
        "Redakteurin: Anna Schmidt",
        "Protokoll: Anna Schmidt",
        "Aufgezeichnet von Anna Schmidt",
        "Kommentar von Anna Schmidt",
        "Eine Kolumne von Anna Schmidt",
        "Recherche: Anna Schmidt",
    ],
)
def test_the_label_in_a_byline_element_is_no_part_of_the_name(byline):
    assert extract(page("", HEADLINE + f'<p class="byline">{byline}</p>')).authors == ["Anna Schmidt"]


@pytest.mark.parametrize(
    "line",
    [
        "AutorIn: Anna Schmidt",
        "Foto & Text: Anna Schmidt",
        "Written by Anna Schmidt",
        "Posted by Anna Schmidt on March 12, 2026",
        "Words: Anna Schmidt",
    ],
)
def test_more_forms_of_a_labelled_credit_in_the_text(line):
    assert extract(page("", HEADLINE + f"<p>{line}</p>")).authors == ["Anna Schmidt"]


def test_a_meeting_s_minute_taker_in_the_text_is_no_author():
    # "Protokoll:" labels the writer of a first-person piece in a byline element, and the
    # minute-taker of a meeting's record anywhere in a text.
    minutes = "<p><strong>Teilnehmende:</strong> Daniel Sieber<br><strong>Protokoll:</strong> Johannes Mahler</p>"
    assert extract(page("", HEADLINE + minutes)).authors == []


@pytest.mark.parametrize(
    "byline, people, agencies",
    [
        ("dpa/Anna Schmidt", ["Anna Schmidt"], ["dpa"]),
        ("Anna Schmidt mit AFP", ["Anna Schmidt"], ["AFP"]),
        ("Von Anna Schmidt mit Material von dpa", ["Anna Schmidt"], ["dpa"]),
    ],
)
def test_the_agency_beside_the_reporter_in_a_byline_element(byline, people, agencies):
    article = extract(page("", HEADLINE + f'<p class="byline">{byline}</p>'))
    assert (article.authors, article.agencies) == (people, agencies)


@pytest.mark.parametrize("opening", ["Bonn (KNA) Die", "Kempten (kath.net/KNA) Die", "Berlin (ntv.de/dpa) - Die"])
def test_kna_s_dateline_without_a_dash_credits_the_agency(opening):
    # The site's address may stand beside the agency.
    body = f"<p>{opening} Bischöfe beraten. {STORY}</p>" + "".join(f"<p>{STORY}</p>" for _ in range(3))
    agency = "dpa" if "dpa" in opening else "KNA"
    assert extract(page("", HEADLINE, body=body)).agencies == [agency]


@pytest.mark.parametrize(
    "credits",
    [
        "<dl><dt>Text</dt><dd>Anna Schmidt, Jan Meyer</dd><dt>Datenerhebung</dt>"
        "<dd>Anna Schmidt, Jan Meyer, Paula Kranz</dd><dt>Grafik</dt><dd>Mira Seidel</dd></dl>",
        '<ul><li><span class="role">Text und Recherche:</span> Anna Schmidt, Jan Meyer</li>'
        '<li><span class="role">Datenanalyse:</span> Anna Schmidt, Jan Meyer, Paula Kranz</li>'
        '<li><span class="role">Kartografie und Grafik:</span> Mira Seidel</li></ul>',
        # A picture's role as the pictures' credits name it elsewhere.
        "<dl><dt>Text</dt><dd>Anna Schmidt, Jan Meyer</dd><dt>Fotografie</dt>"
        "<dd>Anna Schmidt, Jan Meyer, Paula Kranz</dd></dl>",
    ],
)
def test_a_data_story_s_credits_name_its_data_team_beside_its_writers_who_are_no_more(credits):
    byline = '<p class="byline">Von Anna Schmidt und Jan Meyer</p>'
    assert extract(page("", HEADLINE + byline, closing=credits)).authors == ["Anna Schmidt", "Jan Meyer"]


@pytest.mark.parametrize(
    "signature, authors",
    [
        (
            '<p class="signatur"><em>Anna Schmidt und Jan Meyer<br>Mitarbeit: Paula Kranz</em></p>',
            ["Anna Schmidt", "Jan Meyer"],
        ),
        ("<p><em>Anna Schmidt<br>Mitarbeit: Paula Kranz</em></p>", ["Anna Schmidt"]),
    ],
)
def test_a_signature_with_the_contributor_under_it_signs_the_story(signature, authors):
    head = '<meta name="author" content="vorwärts"><meta property="og:site_name" content="vorwärts">'
    assert extract(page(head, HEADLINE, closing=signature)).authors == authors


@pytest.mark.parametrize(
    "today",
    [
        '<div class="tdb_header_date">Montag, 10. März 2025</div>',
        '<span class="td_data_time">Montag, 10. März 2025</span>',
        '<p class="current-date">Montag, 10. März 2025</p>',
    ],
)
def test_the_day_of_the_visit_in_the_site_s_header_is_no_date_line(today):
    head = '<meta property="article:published_time" content="2025-03-07T05:30:00+00:00">'
    assert extract(page(head, f"<header>{today}</header>" + HEADLINE)).published[:10] == "2025-03-07"
    # The story's own header date, its class a part's, is its date line.
    own = '<div class="article-header_date">10.03.2025</div>'
    assert extract(page("", HEADLINE + own)).published[:10] == "2025-03-10"


def test_the_contributor_on_the_line_after_the_writer_is_no_author():
    byline = '<p class="news-author">Text: Anna Schmidt<br>Mitarbeit: Jan Meyer</p>'
    assert extract(page("", HEADLINE, closing=byline)).authors == ["Anna Schmidt"]


GUEST_LEAD = "<p>Über den Gewerbepark wird seit Monaten gestritten. Ein Gastbeitrag von Matthias Hoven, Sprecher des Unternehmerkreises.</p>"


@pytest.mark.parametrize(
    "head, header, closing, guest",
    [
        # The guest named in the lead, the account "Gast Autor" in the byline and meta tags.
        (
            '<meta name="author" content="Gast Autor">',
            HEADLINE + '<p class="meta"><span class="author">Gast Autor</span></p>' + GUEST_LEAD,
            "",
            "Matthias Hoven",
        ),
        # A CMS login in small letters in the byline; the guest with his office in the closing note.
        (
            '<meta name="author" content="bda-jw">',
            HEADLINE + '<a class="author vcard" href="/author/bda-jw/">Von <span class="fn">bda-jw</span></a>',
            "<p><em>Der Gastbeitrag von Arbeitgeberpräsident Dr. Hendrik Aldermann ist am 9. Februar 2026 im "
            "Handelsblatt erschienen.</em></p>",
            "Dr. Hendrik Aldermann",
        ),
        # "von Gastautor am …" in the date line; the guest in the author box after the story, a
        # press contact in the sidebar.
        (
            '<meta name="author" content="Gastautor">',
            HEADLINE + '<p class="posted-on">18. September 2025 <span class="byline">von Gastautor</span></p>',
            '<h3 class="wp-block-heading">Über die Autorin</h3><p><strong>Dr. Miriam Kessler-Baum</strong> leitet '
            "seit 2019 die Ausbildung eines Pharmaherstellers.</p>"
            "<aside><p><strong>Pressekontakt:</strong><br>Dr. Felix Aumüller<br>Leiter Kommunikation</p></aside>",
            "Dr. Miriam Kessler-Baum",
        ),
    ],
)
def test_a_guest_article_filed_under_an_account_credits_the_guest(head, header, closing, guest):
    assert extract(page(head, header, closing=closing)).authors == [guest]


@pytest.mark.parametrize(
    "lead, writers",
    [
        ("Die Lausitz erfindet sich neu. Ein Wirtschaft+Markt-Beitrag von Henrike Lorenz.", ["Henrike Lorenz"]),
        (
            "Ein Ort, an dem sich die Verlagerung entscheidet. (Ein Beitrag von Herbert Lindauer und CR Gernot Aschauer)",
            ["Herbert Lindauer", "Gernot Aschauer"],
        ),
    ],
)
def test_the_lead_s_own_credit_names_the_writers_under_the_desk_s_account(lead, writers):
    head = '<meta name="author" content="W+M Redaktion">'
    header = HEADLINE + f'<p class="meta">W+M Redaktion</p><p class="excerpt"><strong>{lead}</strong></p>'
    assert extract(page(head, header)).authors == writers


def test_the_agencies_material_credited_after_the_name_in_the_byline():
    # The name in an element of its own, the material after it in the byline's text.
    header = (
        HEADLINE + '<dd class="createdby">Von <span itemprop="name">Lars Overbeck</span>, mit Material von dpa</dd>'
    )
    article = extract(page("", header))
    assert (article.authors, article.agencies) == (["Lars Overbeck"], ["dpa"])


def test_the_byline_s_order_of_the_people_the_metadata_names_in_another():
    head = jsonld(
        headline="Echtzeitüberweisung",
        author=[{"@type": "Person", "name": "Felix Brandtner"}, {"@type": "Person", "name": "Annika Roth"}],
    )
    header = HEADLINE + '<p class="byline">Von Dr. Annika Roth und Felix Brandtner</p>'
    assert extract(page(head, header)).authors == ["Annika Roth", "Felix Brandtner"]


def writers_box(heading: str, *cards: str) -> str:
    """A box after the story presenting its writers, a card each: the name in bold, the role and
    the contact on lines of their own."""
    return (
        f'<section class="author-box"><h2>{heading}</h2>'
        + "".join(
            f'<div class="author"><img src="/team/{i}.jpg" alt=""><p>{card}</p></div>' for i, card in enumerate(cards)
        )
        + '</section><section class="related"><h2>Weitere Beiträge</h2><article><a href="/a/"><h3>Megatrend '
        "Konnektivität</h3></a><p>Lena Hoff</p></article></section>"
    )


@pytest.mark.parametrize(
    "heading, cards, header, writers",
    [
        # The first writer in the byline, both in the box; the site as the metadata's author.
        (
            "Die Autoren",
            (
                "<strong>Dr. Lukas Wendland</strong><br>Senior Researcher, Zukunftsinstitut<br>l.wendland@example.de",
                "<strong>Eva Marquardt</strong><br>Trendforscherin, Schwerpunkt Handel",
            ),
            '<p class="author">Dr. Lukas Wendland</p>',
            ["Dr. Lukas Wendland", "Eva Marquardt"],
        ),
        # No byline: the box alone names them, their roles on the line after the name.
        (
            "Autorinnen und Autoren",
            (
                "<b>Lara Hirschfeld, B.A.</b><br>Junior Controllerin bei einem Maschinenbauer",
                "<b>Prof. Dr. Jens Böhmer</b><br>Professor für Rechnungswesen, Fachhochschule Bielefeld",
            ),
            "",
            ["Lara Hirschfeld", "Prof. Dr. Jens Böhmer"],
        ),
        # The box marks its writers; the client's manager presented beside them wrote nothing.
        (
            "Autoren",
            (
                "<strong>Prof. Dr.-Ing. Katrin Vollmer</strong> (Autorin)<br>Steinbeis-Unternehmerin",
                "<strong>Henrik Albers</strong> (Autor)<br>Projektleiter",
                "<strong>Ralf Hegele</strong><br>Geschäftsführer, Hegele Präzisionsteile GmbH",
            ),
            "",
            ["Prof. Dr.-Ing. Katrin Vollmer", "Henrik Albers"],
        ),
    ],
)
def test_a_box_presenting_the_writers_after_the_story_credits_each_of_them(heading, cards, header, writers):
    head = jsonld(
        headline="Lieferketten zurück in die Region", author={"@type": "Organization", "name": "Zukunftsinstitut"}
    )
    article = extract(page(head, HEADLINE + header, closing=writers_box(heading, *cards)))
    assert article.authors == writers


def test_a_box_presenting_the_writers_in_capitals_credits_each_of_them():
    head = jsonld(headline="Lieferketten", author={"@type": "Organization", "name": "Zukunftsinstitut"})
    header = HEADLINE + '<p class="author">DR. LUKAS WENDLAND</p>'
    box = writers_box(
        "DIE AUTOREN",
        "<strong>DR. LUKAS WENDLAND</strong><br>Senior Researcher",
        "<strong>EVA MARQUARDT</strong><br>Trendforscherin",
    )
    assert extract(page(head, header, closing=box)).authors == ["Dr. Lukas Wendland", "Eva Marquardt"]


def test_a_box_titled_in_a_classed_paragraph_credits_its_writers_with_their_austrian_titles():
    head = jsonld(headline="Energiegemeinschaften", author={"@type": "Organization", "name": "advantage"})
    head += '<meta name="author" content="advantage Redaktion">'
    box = (
        '<div class="article__author-box"><p class="article__author-box-title">Die Autoren</p>'
        "<p><strong>Ing. Mag. (FH) Gernot Steinwender, MBA</strong> ist Geschäftsführer einer Energieberatung.</p>"
        "<p><strong>DI Dr. Sabine Moser-Kofler</strong> ist Ziviltechnikerin für Elektrotechnik.</p></div>"
    )
    authors = extract(page(head, HEADLINE, closing=box)).authors
    assert authors == ["Ing. Mag. Gernot Steinwender", "DI Dr. Sabine Moser-Kofler"]
    # The box's heading is nobody's name, whatever else the page credits.
    assert "Die Autoren" not in extract(page(head, HEADLINE, closing=box.replace("<strong>", "<span>"))).authors


def test_the_authors_word_outside_a_heading_presents_nobody():
    # "Autoren" as a menu link to the site's authors' page, names after it in the menu.
    header = HEADLINE + '<p class="author">Von Anna Schmidt</p>'
    closing = (
        '<ul class="menu"><li><a href="/autoren/">Autoren</a></li><li><a href="/jan-meyer/">Jan Meyer</a></li></ul>'
    )
    assert extract(page("", header, closing=closing)).authors == ["Anna Schmidt"]


def test_an_author_box_heading_without_a_name_after_it_credits_nobody():
    closing = "<h3>Über den Autor</h3><p>Unser Autor schreibt seit 2019 über den Mittelstand.</p>"
    assert extract(page("", HEADLINE, closing=closing)).authors == []


def test_a_byline_in_a_card_of_another_story_is_not_the_story_s():
    # A page builder's post grid under the story, each card an <article> with its linked heading.
    closing = (
        '<div class="elementor-posts"><article class="elementor-post"><h3 class="elementor-post__title">'
        '<a href="/mehrwertsteuer-was-kmu-beachten-muessen/">Mehrwertsteuer: Was KMU beachten müssen</a></h3>'
        '<div class="elementor-post__meta-data"><span class="elementor-post-author">Claudio Meier</span>'
        '<span class="elementor-post-date">25. November 2024</span></div></article></div>'
    )
    assert extract(page("", HEADLINE, closing=closing)).authors == []


def test_several_writers_on_a_line_of_their_own_before_the_series_note():
    closing = (
        "<p><em>Text: Noëmi Brändli und Fabian Rütsche. Die beiden Autoren sind Partner einer Beratungsfirma in "
        "Frauenfeld.</em></p><p>Im nächsten Teil der Serie: Wie bewertet man ein KMU richtig?</p>"
    )
    head = '<meta name="author" content="KMU Ratgeber Team">'
    assert extract(page(head, HEADLINE, closing=closing)).authors == ["Noëmi Brändli", "Fabian Rütsche"]


def test_of_headings_all_marked_alike_the_one_the_seo_title_words_is_the_headline():
    # No <h1>; the front end's one heading component on headline, crossheads and boxes alike.
    marked = 'class="Headlinestyled__Headline-sc-mamptc-0 hJiUMq"'
    head = "<title>Hellmold Fleischwaren: Neues Werk in Leinefelde mit 140 Jobs</title>"
    header = f"<h2 {marked}>Eichsfelder Wurstproduzent baut neues Werk in Leinefelde</h2>"
    body = f"<p>{STORY}</p><h2 {marked}>Produktion soll Ende 2027 anlaufen</h2><p>{STORY}</p>" * 2
    closing = f"<h3 {marked}>Mehr aus Wirtschaft</h3>"
    article = extract(page(head, header, body=body, closing=closing))
    assert article.title == "Eichsfelder Wurstproduzent baut neues Werk in Leinefelde"


def test_the_story_s_part_of_a_marked_title_after_its_topic_link():
    head = "<title>Fanclub Regensburg - Eintracht Frankfurt stellt Weichen für die Zukunft - Eintracht Presse</title>"
    header = (
        '<span class="itemTitle"><a href="/modules/news/index.php?storytopic=3">Eintracht Presse</a> : '
        "Eintracht Frankfurt stellt Weichen für die Zukunft</span>"
    )
    assert extract(page(head, header)).title == "Eintracht Frankfurt stellt Weichen für die Zukunft"


def test_under_a_section_h1_the_story_s_h2_is_the_headline():
    # An older press office's release: the section's name in <title> and <h1>, the release's
    # headline an <h2> under it.
    url = "http://www.flughafen-beispiel.de/presse/pressemitteilungen/news/neue-kontrollspuren/"
    head = '<title>Flughafen Beispiel: Pressemitteilungen</title><base href="http://www.flughafen-beispiel.de/">'
    header = (
        '<ul class="menu"><li><a href="presse/pressemitteilungen/">Pressemitteilungen</a></li></ul>'
        '<h1 class="csc-firstHeader">Pressemitteilungen</h1>'
        "<h2>Neue Kontrollspuren in Terminal 1 eröffnet</h2>"
    )
    assert extract(page(head, header), url).title == "Neue Kontrollspuren in Terminal 1 eröffnet"
    # A story's one-word title that its own link repeats is no section.
    own = header.replace('href="presse/pressemitteilungen/"', f'href="{url}"')
    assert extract(page(head, own), url).title == "Pressemitteilungen"
    # The section's page named as a file above the story's path (TYPO3's speaking URLs).
    url = "https://www.radio-beispiel.de/nachrichten/landkreis-rottweil/praezisionsteile-hersteller-investiert.html"
    head = "<title>Landkreis Rottweil - Radio Beispiel</title>"
    header = (
        '<ul class="menu"><li><a href="/nachrichten/landkreis-rottweil.html">Landkreis Rottweil</a></li></ul>'
        '<h1 class="section-title">Landkreis Rottweil</h1><h2 class="news-header">Präzisionsteile-Hersteller'
        " investiert in Neufra</h2>"
    )
    assert extract(page(head, header), url).title == "Präzisionsteile-Hersteller investiert in Neufra"


def test_a_release_shown_at_its_list_s_address_by_its_query_is_headed_by_its_h2():
    # TYPO3's news extension shows a release at the press page's address, its number in the
    # query; the section's name stands in the <title>, the <h1> and an <h2> above the release's.
    url = "https://www.wohnen-beispiel.de/presse?tx_news_pi1%5Bnews%5D=468&cHash=3f8a0c2e"
    head = '<title>Presse: Wohnen Beispiel</title><meta property="og:title" content="Presse">'
    header = (
        '<ul class="menu"><li><a href="/presse">Presse</a></li></ul><h1 class="stage__headline">Presse</h1>'
        '<h2 class="ce__headline">Presse</h2><h2 class="news-detail__headline">Richtfest für 214 Wohnungen an der'
        " Märkischen Allee</h2>"
    )
    assert extract(page(head, header), url).title == "Richtfest für 214 Wohnungen an der Märkischen Allee"
    # Without a query the page is the press page itself.
    assert extract(page(head, header), "https://www.wohnen-beispiel.de/presse").title == "Presse"


@pytest.mark.parametrize(
    "card",
    [
        # TYPO3 news' list of other stories, each item's meta line after its linked heading.
        '<div class="news-list-item"><h3><a href="/handel/weihnachtsgeschaeft">Weihnachtsgeschäft: Handel '
        'zieht gemischte Bilanz</a></h3><div class="footer"><span class="news-list-date">13. Jänner 2026</span> '
        '<span class="news-list-author">APA/Red.</span></div></div>',
        # A teaser card: the link around picture, heading and meta line.
        '<article class="teaser teaser--card"><a class="teaser__link" href="/story/winter-48204">'
        '<h3 class="teaser__title">Branche erwartet einen stabilen Winter</h3><p class="teaser__meta">'
        '<span class="teaser__author">sda/htr</span> · <time datetime="2025-12-19">19.12.2025</time></p></a></article>',
    ],
)
def test_another_story_s_codes_line_credits_no_agency(card):
    article = extract(page("", HEADLINE + "<p>Von Anna Schmidt</p>", closing=f"<section>{card}</section>"))
    assert article.agencies == []


def test_a_mit_agency_line_under_the_story_credits_the_agency():
    closing = '<p class="ArticleContainer_agencies">mit SDA</p>'
    article = extract(page("", HEADLINE + "<p>Von Anna Schmidt</p>", closing=closing))
    assert (article.authors, article.agencies) == (["Anna Schmidt"], ["SDA"])


def test_an_agency_dateline_set_off_by_a_bullet():
    body = f"<p><strong>Walvis Bay (Nampa/jr) •</strong> {STORY}</p>" + f"<p>{STORY}</p>" * 3
    assert extract(page(header=HEADLINE, body=body)).agencies == ["Nampa"]


@pytest.mark.parametrize(
    "byline, authors",
    [
        # A researcher's credit after the writer's.
        ("Text: Anna Schmidt, Recherche: Jan Meyer", ["Anna Schmidt", "Jan Meyer"]),
        # The Vogel magazines' paired labels; a diploma with its kind of school.
        ("Autor / Redakteur: Dr. Melanie Kranz / Florian Reiter", ["Dr. Melanie Kranz", "Florian Reiter"]),
        ("Autoren: Dipl.-Ing. (FH) Ralf Dunker, Katrin Ohlsen", ["Dipl.-Ing. Ralf Dunker", "Katrin Ohlsen"]),
        # Where the writer lives, the writer's place at the paper, the job before the name.
        ("von Heike Lorenzen aus Winsen", ["Heike Lorenzen"]),
        ("Von Anna aus dem Siepen", ["Anna aus dem Siepen"]),
        ("Von unserem Redaktionsmitglied Eckhard Blümlein", ["Eckhard Blümlein"]),
        ("Von FOCUS-Online-Autor Jan Berger", ["Jan Berger"]),
        # The writers' roles in a row, after full stops (the broadcasters' author lines).
        ("Recherche: Jan Meyer. Text: Anna Schmidt", ["Jan Meyer", "Anna Schmidt"]),
        ("Interview: Jan Meyer. Protokoll: Anna Schmidt", ["Jan Meyer", "Anna Schmidt"]),
        # A contributor's, after a comma, a full stop or a middle dot, is no author's.
        ("Von Anna Schmidt, Mitarbeit: Jan Meyer", ["Anna Schmidt"]),
        ("Von Anna Schmidt. Mitarbeit: Jan Meyer", ["Anna Schmidt"]),
        ("Von Anna Schmidt unter Mitarbeit von Jan Meyer", ["Anna Schmidt"]),
        # A transcript's host.
        ("Moderation: Anna Schmidt", ["Anna Schmidt"]),
        # The translator wrote none of it.
        ("Von Anna Schmidt. Aus dem Englischen von Jan Meyer", ["Anna Schmidt"]),
        ("Von Anna Schmidt, übersetzt von Jan Meyer", ["Anna Schmidt"]),
        # A name's last word with a full stop ends the name; an initial or a title keeps its own.
        ("Von Prof. Dr. Anna Schmidt", ["Prof. Dr. Anna Schmidt"]),
        ("Von Georg C. F. Greve", ["Georg C. F. Greve"]),
        # Where the author writes from, of two words or more.
        ("Von Anna Schmidt, Bad Homburg", ["Anna Schmidt"]),
        ("Von Anna Schmidt, St. Gallen", ["Anna Schmidt"]),
        ("Von Anna Schmidt, Bad Homburg, und Jan Meyer", ["Anna Schmidt", "Jan Meyer"]),
    ],
)
def test_the_other_credits_of_a_byline(byline, authors):
    assert split_names(byline) == authors
    assert extract(page(header=HEADLINE + f'<p class="byline">{byline}</p>')).authors == authors


def test_a_byline_in_capitals_joins_its_names_with_und():
    header = HEADLINE + "<p>VON ANNA SCHMIDT UND JAN MEYER</p>"
    assert extract(page(header=header)).authors == ["Anna Schmidt", "Jan Meyer"]


def test_an_authors_block_s_name_parts_with_titles_and_degrees_credit_every_author():
    # A law firm's newsletter: the organisation in the metadata, the authors' cards after the text.
    head = jsonld(author={"@type": "Organization", "name": "Kanzlei Beispiel"})
    closing = (
        '<section class="news-detail-authors"><h2>Autoren</h2>'
        '<div class="author-card"><p class="author-card-name"><a href="/team/a">Dr. Felix Brandauer, LL.M.</a></p>'
        '<p class="author-card-role">Rechtsanwalt, Steuerberater<br>Partner</p></div>'
        '<div class="author-card"><p class="author-card-name"><a href="/team/b">Sophia Kranich</a></p>'
        '<p class="author-card-role">Rechtsanwältin</p></div></section>'
    )
    authors = extract(page(head, HEADLINE, closing=closing)).authors
    assert authors == ["Dr. Felix Brandauer", "Sophia Kranich"]


@pytest.mark.parametrize("title", ["WP/StB", "StBin", "RAin"])
def test_combined_professional_titles_before_a_name_are_no_part_of_it(title):
    assert split_names(f"Von {title} Anna Schmidt") == ["Anna Schmidt"]


def test_a_publication_s_name_as_the_meta_author_is_a_desk():
    head = '<meta name="author" content="Siebenbürgische Zeitung">'
    closing = '<p class="autor"><strong>Gudrun Kessler-Roth</strong></p>'
    assert extract(page(head, HEADLINE, closing=closing)).authors == ["Gudrun Kessler-Roth"]


def test_a_mit_agency_line_with_its_regional_service_credits_the_agency():
    header = '<p class="credit">mit dpa/lrs</p>' + HEADLINE
    assert extract(page("", header)).agencies == ["dpa"]


def test_the_contributors_list_goes_on_after_und():
    byline = "Von Anke Brüning, Mitarbeit Timo Harms und Leonie Kaya"
    assert split_names(byline) == ["Anke Brüning"]


def test_a_name_in_italics_above_the_note_where_the_story_appeared_signs_it():
    closing = (
        '<p style="text-align: right;"><em>Robert Hauer</em></p>'
        "<p>Dieser Beitrag erschien in der Neuen Zeitung Nr. 42/2024.</p>"
    )
    assert extract(page("", HEADLINE, closing=closing)).authors == ["Robert Hauer"]
    # Not a bold heading above a company's boilerplate.
    boilerplate = "<p><b>Über Beispiel Nord</b></p><p>Beispiel Nord betreibt 140 Filialen in NRW.</p>"
    assert extract(page("", HEADLINE, closing=boilerplate)).authors == []


def test_an_h1_classed_in_german_as_the_title_wins_over_an_seo_title():
    head = "<title>Monomaterial-Beutel richtig siegeln: Was sich an der Maschine ändert | Rundschau</title>"
    body = (
        '<div class="artikel"><h2 class="artikel_dachzeile">Flexible Verpackungen</h2>'
        '<h1 class="artikel_titel">Monomaterial verlangt ein neues Siegelverständnis</h1>'
        + f"<p>{STORY}</p>" * 4
        + "</div>"
    )
    html = f'<!DOCTYPE html><html lang="de"><head><meta charset="utf-8">{head}</head><body>{body}</body></html>'
    assert extract(html).title == "Monomaterial verlangt ein neues Siegelverständnis"


@pytest.mark.parametrize("label", ["Text und Bild:", "Text & Fotos:", "Text und Bilder:"])
def test_a_closing_credit_for_text_and_pictures_signs_the_story(label):
    head = '<meta name="author" content="Redaktion EA">'
    closing = f'<p class="ea-autor"><em>{label} Lorenz Ochsner</em></p>'
    assert extract(page(head, HEADLINE, closing=closing)).authors == ["Lorenz Ochsner"]


def test_the_editor_linked_after_a_guest_author_is_no_author():
    byline = (
        '<div class="article-header__authors"><span>Ein Gastbeitrag von <a href="/autor/sabine-korte/">Sabine Korte</a>'
        '</span> <span>|</span> <span>Redakteur: <a href="/autor/georg-weiler/">Georg Weiler</a></span></div>'
    )
    assert extract(page("", HEADLINE + byline)).authors == ["Sabine Korte"]
    assert split_names("Ein Gastbeitrag von Sabine Korte | Redakteur: Georg Weiler") == ["Sabine Korte"]
    # Alone, "Redakteur:" labels the writer.
    alone = '<p class="byline">Redakteur: <a href="/autor/georg-weiler/">Georg Weiler</a></p>'
    assert extract(page("", HEADLINE + alone)).authors == ["Georg Weiler"]


# Credits at a story's end, where nobody is named above it but the site or a desk.
SITE_AS_AUTHOR = (
    '<meta property="og:site_name" content="Hafenblick Online"><meta name="author" content="Hafenblick Online">'
)


@pytest.mark.parametrize("head", ["", SITE_AS_AUTHOR], ids=["no author", "the site as author"])
def test_a_writer_s_closing_credit_goes_on_with_the_month(head):
    closing = '<p class="news-author-line"><em>Text: Anna Schmidt / Juni 2025</em></p>'
    assert extract(page(head, HEADLINE, closing=closing)).authors == ["Anna Schmidt"]


@pytest.mark.parametrize("head", ["", SITE_AS_AUTHOR], ids=["no author", "the site as author"])
def test_writers_parted_by_a_slash_before_the_pictures_credit_sign_the_story(head):
    closing = '<p class="credit"><em>Text: Anna Schmidt / Jan Meyer – Fotos: Hafenblick/Ahme</em></p>'
    assert extract(page(head, HEADLINE, closing=closing)).authors == ["Anna Schmidt", "Jan Meyer"]
    # The pictures' credit after a dash, one writer before it.
    closing = "<p><em>Text: Anna Schmidt – Fotos: Jan Meyer</em></p>"
    assert extract(page(head, HEADLINE, closing=closing)).authors == ["Anna Schmidt"]


def test_a_name_alone_in_the_signature_element_signs_a_commentary():
    desk = '<meta name="author" content="Redaktion">'
    assert extract(page(desk, HEADLINE, closing='<p class="signatur">Anna Schmidt</p>')).authors == ["Anna Schmidt"]
    # A last line that is a name in no such element may be anything (a caption, a contact).
    assert "Anna Schmidt" not in extract(page(desk, HEADLINE, closing="<p>Anna Schmidt</p>")).authors


def test_a_name_alone_in_the_signature_element_signs_the_story_above_a_closing_box():
    byline = HEADLINE + '<p class="byline">von <a class="author" href="/autor/zlv">ZLV</a></p>'
    head = '<meta property="og:site_name" content="Zeitung vum Lëtzebuerger Vollek">'
    box = '<div class="box"><h2>Kasten</h2><p>Die Firma beschäftigt 212 Menschen in Bettemburg.</p></div>'
    closing = '<p class="signatur"><strong>Anna Schmidt</strong></p>'
    assert extract(page(head, byline, closing=closing + box)).authors == ["Anna Schmidt"]
    # A name alone above such a box in no signature element may be anyone's (a contact, a caption).
    assert "Anna Schmidt" not in extract(page(head, byline, closing="<p>Anna Schmidt</p>" + box)).authors


@pytest.mark.parametrize(
    ("site_name", "account"),
    [("CargoForwarder Global", "CFG"), ("Frankfurter Allgemeine Zeitung", "FAZ"), ("Neue Zürcher Zeitung", "NZZ")],
)
def test_the_site_credited_by_the_initials_of_its_name_gives_way_to_the_signature(site_name, account):
    head = jsonld(author={"@type": "Person", "name": account}) + f'<meta property="og:site_name" content="{site_name}">'
    byline = HEADLINE + f'<p class="byline">by <a rel="author" href="/author/x/">{account}</a></p>'
    closing = "<p><strong>Karsten Ahlhorn</strong></p>"
    assert extract(page(head, byline, closing=closing)).authors == ["Karsten Ahlhorn"]
    # Initials that are not the site's name's are someone's, and the byline's credit stands.
    other = head.replace(site_name, "Luftfracht Heute")
    assert extract(page(other, byline, closing=closing)).authors == [account]


@pytest.mark.parametrize(
    "deadline",
    [
        '<div class="meta"><span class="deadline">Antragsfrist: 30.06.2025</span></div>',
        '<div class="meta"><span>Antragsfrist</span> <b>30.06.2025</b></div>',
        "<p>Bewerbungsschluss: 30.06.2025</p>",
        "<p>Einsendeschluss ist der 30.06.2025</p>",
        "<p>Stichtag: 30.06.2025</p>",
    ],
)
def test_a_deadline_next_to_the_headline_is_not_the_publication_day(deadline):
    head = '<meta property="article:published_time" content="2025-04-07T22:30:00Z">'
    assert extract(page(head, HEADLINE + deadline)).published[:10] == "2025-04-08"


@pytest.mark.parametrize(
    "facts",
    [
        '<dl class="film-facts"><dt>Kinostart</dt><dd>16.10.2025</dd><dt>Land / Jahr</dt><dd>Deutschland 2025</dd></dl>',
        '<dl class="album-facts"><dt>VÖ:</dt><dd>16.10.2025</dd></dl>',
        "<ul><li>Release-Termin: 16.10.2025</li><li>Plattform: PC</li></ul>",
        "<p>Erstausstrahlung: 16. Oktober 2025, 20.15 Uhr</p>",
    ],
)
def test_the_day_the_reviewed_work_comes_out_is_not_the_publication_day(facts):
    head = '<meta property="article:published_time" content="2025-10-13T16:25:00+02:00">'
    assert extract(page(head, HEADLINE + facts)).published[:10] == "2025-10-13"


@pytest.mark.parametrize(
    "asset",
    [
        '<link rel="stylesheet" href="/media/system/css/styles.css?v=20250410">',
        '<script src="/media/system/js/main.js?v=20250410"></script>',
        '<link rel="preload" as="script" href="/assets/2025/04/10/main.js">',
        '<link rel="icon" href="/favicon.ico?20250410">',
    ],
)
def test_the_version_of_a_style_sheet_or_script_does_not_date_the_page(asset):
    article = extract(page(asset, HEADLINE))
    assert article.published is None
    # The page's own date line still counts beside it.
    assert extract(page(asset, HEADLINE + "<p>Veröffentlicht am 02.02.2026</p>")).published[:10] == "2026-02-02"


def test_the_days_of_the_sources_a_story_cites_do_not_date_it():
    head = jsonld(headline="Bitterstoffe unterstützen die Verdauung", datePublished="2026-10-21T11:40:12+00:00")
    sources = (
        "<p><strong>Quellen:</strong></p><ul>"
        "<li>Wendt, Carolin et al.: Chicory root bitter compounds; in: Nutrients (veröffentlicht 16.10.2026)</li>"
        "<li>Verbraucherzentrale: Bitterstoffe – was steckt dahinter? (Abruf: 20.10.2026)</li></ul>"
    )
    assert extract(page(head, HEADLINE, closing=sources)).published[:10] == "2026-10-21"
    # Under no such label, a day labelled so still counts where the markup has none.
    listed = "<ul><li>Veröffentlicht am 16.10.2026</li><li>Rubrik: Gesundheit</li></ul>"
    assert extract(page("", HEADLINE + listed)).published[:10] == "2026-10-16"


def test_an_embedded_video_s_day_in_its_caption_does_not_date_the_story():
    head = jsonld(headline="Stadtwerke bestellen 38 Batteriebusse", datePublished="2026-10-13T08:55:21+00:00")
    video = (
        '<figure><iframe src="https://www.youtube-nocookie.com/embed/abc"></iframe>'
        "<figcaption>Video: Stadtwerke, veröffentlicht am 28.09.2026</figcaption></figure>"
    )
    assert extract(page(head, HEADLINE, closing=video)).published[:10] == "2026-10-13"


def test_a_day_labelled_as_the_page_s_own_release_still_dates_it():
    # The federal bodies' sites label the page's own day "Erscheinungsdatum".
    facts = "<dl><dt>Nummer</dt><dd>045/2025</dd><dt>Erscheinungsdatum</dt><dd>16.10.2025</dd></dl>"
    assert extract(page("", HEADLINE + facts)).published[:10] == "2025-10-16"


def test_a_second_date_after_the_first_is_no_time_of_it():
    # A deadline's badge before the date line: "30.06.2025 08.04.2025" is two days, no 08:04.
    meta = (
        '<div class="article__meta"><div class="deadline-badge"><span>Antragsfrist</span> <strong>30.06.2025</strong>'
        '</div><span class="article__date">08.04.2025</span></div>'
    )
    head = '<meta property="article:published_time" content="2025-04-07T22:30:00Z">'
    assert extract(page(head, HEADLINE + meta)).published[:10] == "2025-04-08"
    assert not extract(page("", HEADLINE + "<p>Stand: 30.06.2025 08.04.2025</p>")).published.endswith("08:04:00+02:00")


@pytest.mark.parametrize("separator", ["/", "·", "•"])
def test_a_date_line_s_time_after_a_slash_or_a_dot_and_the_writer_after_it(separator):
    line = (
        f'<ul class="meta"><li class="erstellt">Erstellt: 05.11.2025 {separator} 16:40 Uhr von Anna Schmidt</li></ul>'
    )
    article = extract(page(SITE_AS_AUTHOR, HEADLINE + line))
    assert article.authors == ["Anna Schmidt"]
    assert article.published == "2025-11-05T16:40:00+01:00"


def test_a_date_opening_the_headline_dates_a_release_without_a_date_line():
    # A chamber's press release, its list of other releases with their days beside it.
    headline = "<h1>12.03.26: Gastgewerbe im Sauerland startet mit Fachkräftesorgen in die Saison</h1>"
    others = (
        '<div class="teaser"><h3><a href="/10_03_26.HTM">IHK ehrt langjährige Prüfer</a></h3>'
        '<p class="teaser_datum">02.03.2026 · von Christoph Brüggemann</p></div>'
    )
    article = extract(page("", headline, closing=others))
    assert article.published[:10] == "2026-03-12"
    # A date inside the headline's words, or run into them, is no date line of the headline.
    now = datetime(2026, 12, 1, tzinfo=BERLIN)
    assert _headline_date("Gastgewerbe startet am 12.03.2026 in die Saison", now) is None
    assert _headline_date("12.03.2026 Gastgewerbe startet in die Saison", now) is None
    assert _headline_date("12.03.2026 | Gastgewerbe startet in die Saison", now)[:10] == "2026-03-12"


def test_a_post_marked_as_a_comment_by_its_microdata_credits_its_commenter_nowhere():
    # Discourse's crawler view of a topic: the first post is the story, the others comments.
    def post(number: int, user: str, name: str, comment: str = "") -> str:
        return (
            f'<div id="post_{number}" class="topic-body crawler-post"{comment}><div class="crawler-post-meta">'
            f'<span class="creator" itemprop="author" itemscope itemtype="http://schema.org/Person">'
            f'<a itemprop="url" href="/u/{user}"><span itemprop="name">{user}</span></a> ({name})</span></div>'
        )

    story = post(1, "jhornbach", "Julia Hornbach") + "".join(f"<p>{STORY}</p>" for _ in range(4)) + "</div>"
    reply = post(2, "quantenfloh", "Markus Eibl", " itemprop='comment'") + "<p>Spannender Beitrag, danke!</p></div>"
    html = page("", HEADLINE, body=story + reply)
    assert extract(html).authors == ["Julia Hornbach"]


def test_the_site_s_own_account_typed_a_person_yields_to_the_byline_of_another():
    # An SEO plugin types a site run from one account "Person, Organization"; a citizen writes.
    account = (
        '{"@type": ["Person", "Organization"], "@id": "https://forum-beispiel.de/#person", "name": "Forum Beispiel"}'
    )
    story_node = '{"@type": "Article", "headline": "Anwohner fordern bessere Umleitung", "author": {"@id": "https://forum-beispiel.de/#person"}}'
    head = (
        '<meta property="og:site_name" content="Forum Beispiel">'
        f'<script type="application/ld+json">{{"@context": "https://schema.org", "@graph": [{account}, {story_node}]}}</script>'
    )
    header = (
        "<h1>Anwohner fordern bessere Umleitung</h1><p>Veröffentlicht von</p>"
        '<div class="wp-block-post-author-name"><a href="/author/forum-beispiel/">Forum Beispiel</a></div>'
        '<p class="beitragvon">Ein Beitrag von Jürgen Pohlmann</p>'
    )
    assert extract(page(head, header)).authors == ["Jürgen Pohlmann"]
    # A site named as a person and no other byline: the site's account stays credited.
    alone = header.replace('<p class="beitragvon">Ein Beitrag von Jürgen Pohlmann</p>', "")
    assert extract(page(head, alone)).authors == ["Forum Beispiel"]


def test_a_closing_credit_naming_more_writers_than_the_meta_author_names_them_all():
    closing = "<p>Text: Jana Ketelsen und Timo Ahrens<br>Foto: Moorwerk / Lea Brandt</p>"
    head = '<meta name="author" content="Jana Ketelsen">'
    assert extract(page(head, HEADLINE, closing=closing)).authors == ["Jana Ketelsen", "Timo Ahrens"]


def test_the_site_s_name_with_an_ampersand_as_the_author_is_the_site_whole():
    author = '{"@type": "Organization", "name": "Business & People"}'
    head = f'<script type="application/ld+json">{{"@context": "https://schema.org", "@type": "Article", "author": {author}}}</script>'
    assert "People" not in extract(page(head, HEADLINE)).authors
    byline = '<p class="meta"><span class="meta__author">Von Jan-Hendrik Ohlsen</span></p>'
    assert extract(page(head, HEADLINE + byline)).authors == ["Jan-Hendrik Ohlsen"]
    # An agency after the site's name still credits the agency.
    author = '{"@type": "Organization", "name": "RND/dpa"}'
    head = f'<script type="application/ld+json">{{"@context": "https://schema.org", "@type": "Article", "author": {author}}}</script>'
    assert extract(page(head, HEADLINE)).agencies == ["dpa"]


def test_the_credit_of_a_story_a_paragraph_links_to_is_not_the_story_s():
    other = (
        '<div class="frame"><h3>Gastbeitrag</h3><p><a href="/geld/term-sheet-verhandeln.html">Term Sheet verhandeln:'
        ' Die fünf häufigsten Fehler von Erstgründern</a><br><span class="author">Ein Gastbeitrag von Dr. Tobias'
        " Kernbach</span></p></div>"
    )
    assert extract(page("", HEADLINE, closing=other)).authors == []


def test_a_dash_after_the_byline_leads_to_the_date_line_and_a_range_s_end_is_no_date():
    structured = jsonld(datePublished="2024-11-12T09:15:04+01:00")
    header = (
        HEADLINE + '<div class="td-module-meta-info"><span class="td-post-author-name">Von Redaktion - </span>'
        '<span class="td-post-date"><time>12. November 2024</time></span></div>'
        "<p><strong>Hamburg, 11. November 2024 – Rund jeder dritte Versicherungsmakler ist älter als 60.</strong></p>"
    )
    assert extract(page(structured, header)).published[:10] == "2024-11-12"
    # The end of a range is no date line (its first day dates a week's review, as a range does).
    week = HEADLINE + '<p class="week">KW 11 · 9.–15. März 2026</p>'
    assert extract(page(jsonld(datePublished="2026-03-13T15:30:00+01:00"), week)).published[:10] == "2026-03-09"


@pytest.mark.parametrize(
    "element, name",
    [
        (
            '<span class="thread-author">Geteilt von <a class="thread-user" href="/profile/anna">Anna Schmidt</a></span>',
            "Anna Schmidt",
        ),
        (
            '<address class="author">Dieser Gastbeitrag stammt von Reinhild Schulte-Bisping.</address>',
            "Reinhild Schulte-Bisping",
        ),
    ],
)
def test_a_label_ending_on_von_in_the_author_element_is_no_part_of_the_name(element, name):
    assert extract(page("", HEADLINE + element)).authors == [name]
    # A name with "von" in it stays whole.
    assert split_names("Karl von Müller") == ["Karl von Müller"]


def test_the_site_s_name_ending_on_a_number_is_the_site_not_a_first_name():
    head = '<meta property="og:site_name" content="Radio 91.2"><meta name="author" content="Radio 91.2">'
    assert extract(page(head, HEADLINE)).authors in ([], ["Radio 91.2"])


def test_an_author_box_s_heading_is_no_part_of_the_name_its_biography_opens_with():
    box = (
        '<div class="author-box"><h2 class="author-title">Über Hinnerk</h2><p class="author-bio">Hinnerk Tiedemann'
        " arbeitet seit 2015 im Einkauf und ist für Gemüse und Hülsenfrüchte zuständig.</p></div>"
    )
    assert extract(page('<meta name="author" content="Hinnerk">', HEADLINE, closing=box)).authors == [
        "Hinnerk Tiedemann"
    ]


def test_a_broadcaster_in_the_meta_tags_is_the_site_and_the_byline_names_the_writer():
    head = '<meta name="author" content="Hessischer Rundfunk"><meta name="DC.creator" content="Hessischer Rundfunk">'
    footer = '<p class="copyright">© Hessischer Rundfunk 2013</p>'
    article = extract(page(head, HEADLINE + '<p class="autor">Von Petra Ludwig</p>', closing=footer))
    assert article.authors == ["Petra Ludwig"]
    assert extract(page('<meta name="author" content="Südwestrundfunk">', HEADLINE)).authors in (
        [],
        ["Südwestrundfunk"],
    )


def test_a_tv_report_s_credits_name_its_writers_not_the_camera():
    credits = (
        '<p class="beitrag-credits"><em>Ein Beitrag von Katrin Albers und Tobias Wenz. Kamera: Jens Ruppert.</em></p>'
    )
    head = '<meta name="author" content="Redaktion">'
    assert extract(page(head, HEADLINE, closing=credits)).authors == ["Katrin Albers", "Tobias Wenz"]


def test_a_report_s_label_in_the_dateline_paragraph_names_its_writer():
    lead = f"<p><strong>Baden-Baden, 14.05.2025, 00:00 Uhr, Bericht: Matthias Kronauer</strong> {STORY}</p>"
    head = '<meta name="author" content="Redaktion">'
    assert extract(page(head, HEADLINE, body=lead + "".join(f"<p>{STORY}</p>" for _ in range(3)))).authors == [
        "Matthias Kronauer"
    ]


def test_a_signature_with_the_office_after_a_comma_signs_a_club_s_report():
    closing = '<p class="news-detail__signature"><em>Sandra Feigl, Schriftführerin GHV Leutenbach</em></p>'
    assert extract(page("", HEADLINE, closing=closing)).authors == ["Sandra Feigl"]
    # Set plain, the line may be anything (a caption, a quoted person's credit).
    assert extract(page("", HEADLINE, closing="<p>Sandra Feigl, Schriftführerin GHV Leutenbach</p>")).authors == []


def test_a_signature_with_the_signer_s_trade_and_home_signs_a_commentary():
    closing = "<p><em>Jakob Wessels, Milchbauer aus Haselünne im Emsland und Mitglied im Bundesvorstand</em></p>"
    assert extract(page("", HEADLINE, closing=closing)).authors == ["Jakob Wessels"]
    # Whatever follows the comma, in an element its class names the signature.
    closing = '<p class="signatur">Jakob Wessels, seit 2019 im Vorstand der Molkerei am Hümmling</p>'
    assert extract(page("", HEADLINE, closing=closing)).authors == ["Jakob Wessels"]
    # Set plain, or in italics with words that are no trade and home, nobody signs.
    assert extract(page("", HEADLINE, closing=f"<p>{closing[20:-4]}</p>")).authors == []
    closing = "<p><em>Jakob Wessels, seit 2019 im Vorstand der Molkerei am Hümmling</em></p>"
    assert extract(page("", HEADLINE, closing=closing)).authors == []


def test_the_motoring_service_s_closing_credit_credits_it():
    body = "".join(f"<p>{STORY}</p>" for _ in range(3)) + f"<p>{STORY}(SP-X)</p>"
    assert extract(page("", HEADLINE, body=body)).agencies == ["SP-X"]


def test_a_theme_s_class_on_the_body_naming_a_breadcrumb_puts_no_element_in_a_trail():
    header = (
        '<div class="fusion-post-title-meta-wrap"><h1 class="entry-title fusion-post-title">Hafen wird um zwei'
        ' Terminals erweitert</h1><div class="fusion-meta-info">Von <span class="vcard"></span> | <span>Juni 3rd,'
        " 2025</span> | Kategorien: Wirtschaft | 0 Kommentare</div></div>"
    )
    html = page('<meta property="og:title" content="Hafen wird um zwei Terminals erweitert">', header)
    html = html.replace("<body>", '<body class="avada-has-breadcrumb-mobile-hidden">')
    assert extract(html).title == "Hafen wird um zwei Terminals erweitert"


def test_a_letter_to_the_readers_is_signed_by_its_closing_name():
    letter = (
        '<div class="letter"><p>Liebe Leserinnen, liebe Leser,</p>'
        f"<p>{STORY}</p><p>Bleiben Sie zuversichtlich!</p><p>Ihre Henrike Sander vom Team hafenblick.de</p></div>"
    )
    desk = '<meta name="author" content="Redaktion">'
    assert extract(page(desk, HEADLINE, body=letter + "".join(f"<p>{STORY}</p>" for _ in range(3)))).authors == [
        "Henrike Sander"
    ]
    # Without the readers addressed, "Ihre …" is no letter's signature.
    unaddressed = letter.replace("<p>Liebe Leserinnen, liebe Leser,</p>", "")
    assert "Henrike Sander" not in extract(page(desk, HEADLINE, body=unaddressed)).authors


@pytest.mark.parametrize("greeting", ["Hallo zusammen,", "Moin,", "Hi everyone,", "Guten Morgen aus Wiesbaden,"])
def test_a_newsletter_greeting_its_subscribers_is_signed_by_its_closing_name(greeting):
    letter = (
        f"<p>{greeting}</p><p>{STORY}</p><p>Bis nächste Woche<br>Eure Sandra Kowalczyk<br><em>für das Team</em></p>"
    )
    assert extract(page("", HEADLINE, body=letter + f"<p>{STORY}</p>")).authors == ["Sandra Kowalczyk"]
    # Without a greeting, "Eure …" is no letter's signature.
    unaddressed = letter.replace(f"<p>{greeting}</p>", "")
    assert extract(page("", HEADLINE, body=unaddressed + f"<p>{STORY}</p>")).authors == []


def test_a_letter_s_closing_word_on_a_line_of_its_own_signs_with_the_name_under_it():
    letter = (
        "<p>Liebe Leserinnen und Leser,</p>"
        f"<p>{STORY}</p><p>Ihr<br><strong>Torsten Kramer</strong><br>Chefredakteur</p>"
    )
    desk = jsonld(author={"@type": "Organization", "name": "Hafenblick Redaktion"})
    assert extract(page(desk, HEADLINE, body=letter + f"<p>{STORY}</p>")).authors == ["Torsten Kramer"]
    # A closing word with no name under it signs nobody.
    unsigned = letter.replace("<strong>Torsten Kramer</strong><br>", "")
    assert "Chefredakteur" not in extract(page(desk, HEADLINE, body=unsigned + f"<p>{STORY}</p>")).authors


def test_a_signature_over_a_day_printed_under_the_story_signs_it():
    # The day in a paragraph of its own under the signature, as the editor wrote it.
    closing = "<p><em>Text: Carina Feldhaus / Foto: Rheinsoft Systems</em></p><p>24.06.2025</p>"
    byline = HEADLINE + '<div class="td-post-author-name">Von <a href="/author/hafenblick/">Hafenblick</a></div>'
    url = "https://www.hafenblick.de/wirtschaft/hafen-erweitert/"
    assert extract(page(header=byline, closing=closing), url).authors == ["Carina Feldhaus"]
    closing = closing.replace("24.06.2025", "24. Juni 2025, 10:15 Uhr")
    assert extract(page(header=byline, closing=closing), url).authors == ["Carina Feldhaus"]


def test_a_sidebar_s_cards_bylines_are_other_stories():
    card = (
        '<div class="td_module_6"><h3 class="entry-title"><a href="/2025/09/21/edeka/">Neuer Markt in Lobeda öffnet'
        ' im November</a></h3><div class="td-module-meta-info"><span class="td-post-author-name">'
        '<a href="/author/maik-grundmann/">Maik Grundmann</a> - </span></div></div>'
    )
    sidebar = f'<div class="td-ss-main-sidebar"><div class="td_block_widget">{card}</div></div>'
    desk = '<div class="td-post-author-name">Von <a href="/author/redaktion/">Redaktion</a></div>'
    html = page(header=HEADLINE + desk).replace("</article>", "</article>" + sidebar)
    assert extract(html).authors == ["Redaktion"]
    # The story's author card set in the sidebar is the byline.
    author_card = (
        '<aside class="sidebar"><div class="author-card"><h3 class="author-card__name">Lea Brinkhaus</h3></div></aside>'
    )
    html = page(header=HEADLINE).replace("</article>", "</article>" + author_card)
    assert extract(html).authors == ["Lea Brinkhaus"]
    # A story's meta column named for the sidebar it stands in keeps its byline.
    meta = '<div class="article__meta is-sidebar-meta"><span class="author">Von Leonora Holling</span></div>'
    assert extract(page(header=HEADLINE + meta)).authors == ["Leonora Holling"]


@pytest.mark.parametrize(
    "credit, authors",
    [
        ("Andrea Schuler/Redaktion March24 &amp; Höfe24", ["Andrea Schuler"]),
        ("Andrea Kälin und Marco Steiner/Redaktion March24 &amp; Höfe24", ["Andrea Kälin", "Marco Steiner"]),
    ],
)
def test_a_name_and_the_desk_after_a_slash_credit_the_name(credit, authors):
    assert extract(page(header=HEADLINE + f'<p class="article-author">{credit}</p>')).authors == authors


@pytest.mark.parametrize(
    "line, authors",
    [
        ("Recherche: Jonas Apel, Mareike Fröhlich / Text: Mareike Fröhlich", ["Jonas Apel", "Mareike Fröhlich"]),
        ("Fragen: Pia Albrecht", ["Pia Albrecht"]),
        ("FRAGEN: PIA ALBRECHT", ["Pia Albrecht"]),
        ("TEXT: JAN MEYER | FOTOS: TOM WEBER", ["Jan Meyer"]),
    ],
)
def test_credit_lines_of_research_questions_and_capitals(line, authors):
    desk = '<meta name="author" content="Redaktion">'
    closing = f'<p class="credits"><em>{line}</em></p>'
    assert extract(page(desk, HEADLINE, closing=closing)).authors == authors


@pytest.mark.parametrize(
    "byline",
    ["Von Reinhild Baumeister mit Material von dpa", "VON REINHILD BAUMEISTER MIT MATERIAL VON DPA"],
)
def test_the_agency_s_material_in_a_byline_set_in_capitals_too(byline):
    article = extract(page(header=HEADLINE + f'<p class="byline">{byline}</p>'))
    assert (article.authors, article.agencies) == (["Reinhild Baumeister"], ["dpa"])


def test_an_agency_s_dateline_under_the_byline_and_a_subheadline_credits_the_agency():
    header = HEADLINE + "<p>von K. Reuschel</p><h2>Investition von 120 Millionen Euro geplant</h2>"
    body = f"<p>Ottendorf-Okrilla (dpa/sn) – {STORY}</p><p>{STORY}</p>"
    assert extract(page(header=header, body=body)).agencies == ["dpa"]


@pytest.mark.parametrize(
    "line", ["Julia Steinbrecher, help.ORF.at", "Text: Julia Steinbrecher, Ö1-Wirtschaftsredaktion"]
)
def test_the_writer_and_the_newsroom_on_a_line_of_their_own_at_the_end_sign_the_story(line):
    head = jsonld(author={"@type": "Organization", "name": "ORF.at"})
    closing = f'<p>{line}</p><div class="infobox"><h2>Sendungshinweis</h2><p>„help“, 24. Mai 2025, Ö1</p></div>'
    closing += '<p class="date">Publiziert am 21.05.2025</p>'
    assert extract(page(head, HEADLINE, closing=closing)).authors == ["Julia Steinbrecher"]
    # A quoted expert and his institution are no signature.
    quoted = "<p>Stefan Rauchberger, AK Niederösterreich</p>"
    assert extract(page(head, HEADLINE, closing=quoted)).authors == ["ORF.at"]


def test_a_note_on_the_writer_closing_the_story_names_the_author():
    desk = jsonld(author={"@type": "Organization", "name": "Hafenblick Magazin"})
    note = "<p>Die Autorin Dr. Karin Ebeling ist freie IT-Fachjournalistin in Augsburg.</p>"
    assert extract(page(desk, HEADLINE, closing=note)).authors == ["Karin Ebeling"]


def test_a_byline_element_holding_only_the_link_to_the_author_s_page_leaves_the_metadata_s_name():
    head = jsonld(author={"@type": "Person", "name": "Seraina Zuber", "url": "/de/author/seraina-zuber"})
    link = '<div class="post-footer"><a class="author-profile-link" href="/de/author/seraina-zuber" rel="author">Zum Autorenprofil</a></div>'
    assert extract(page(head, HEADLINE, closing=link)).authors == ["Seraina Zuber"]


def test_a_chart_s_source_under_it_credits_no_agency():
    chart = '<p><img src="/chart.png" alt="Chart"><br><small>Quelle: Hafenbote / Bloomberg</small></p>'
    assert extract(page(header=HEADLINE, closing=chart)).agencies == []
    # The story's own source line still credits it.
    assert extract(page(header=HEADLINE, closing="<p>Quelle: Hafenbote / Reuters</p>")).agencies == ["Reuters"]


def test_a_letter_to_readers_addressed_by_their_trade_is_signed_by_its_closing_name():
    letter = (
        "<p>Sehr geehrte Geschäftsführer-Kollegin, sehr geehrter Kollege,</p>"
        f'<p>{STORY}</p><p class="signatur">Ihr<br><strong>Jochen Merzig</strong><br><em>Chefredakteur</em></p>'
        # The newsletter's closing note under the signature.
        "<p><small>Der Brief erscheint wöchentlich. Alle Beiträge nach bestem Wissen, aber ohne Gewähr.</small></p>"
    )
    desk = jsonld(author={"@type": "Organization", "name": "Hafenblick Verlag"})
    assert extract(page(desk, HEADLINE, body=letter)).authors == ["Jochen Merzig"]


def test_a_translator_the_metadata_lists_beside_the_writer_is_no_author():
    head = jsonld(author=[{"@type": "Person", "name": "Élodie Marchand"}, {"@type": "Person", "name": "Rowan Pike"}])
    note = (
        "<p>This story first appeared in Le Temps. It has been translated and adapted into English by Rowan Pike.</p>"
    )
    assert extract(page(head, HEADLINE, closing=note)).authors == ["Élodie Marchand"]
    assert extract(page(head, HEADLINE)).authors == ["Élodie Marchand", "Rowan Pike"]


def test_a_byline_in_another_story_s_item_of_a_list_of_divs_is_not_the_story_s():
    item = (
        '<div class="more-articles__item"><a class="more-articles__link" href="/news/pflegewelt-plant-filialen">'
        "<span>Pflegewelt plant 50 neue Filialen in Süddeutschland</span></a>"
        '<div class="more-articles__meta"><span class="more-articles__author">Von Dr. Helga Brandner</span></div></div>'
    )
    article = extract(page(header=HEADLINE, closing="<p>Quelle: dpa-AFX</p>" + item))
    assert (article.authors, article.agencies) == ([], ["dpa-AFX"])


@pytest.mark.parametrize(
    "line, agencies",
    [
        ("Keystone-SDA/ts", ["SDA"]),
        ("Quelle: TeleZüri / sda", ["SDA"]),  # a station's name with an umlaut before the agency
        ("Quelle: Pressemitteilung der Stadtwerke Nienburg/Weser GmbH; mit Material der dpa", ["dpa"]),
    ],
)
def test_more_forms_of_an_agency_s_credit_under_the_story(line, agencies):
    assert extract(page(header=HEADLINE, closing=f'<p class="credit"><em>{line}</em></p>')).agencies == agencies


def test_a_broadcaster_s_regional_studio_after_the_reporter_is_no_person():
    closing = "<p>Autor: Tobias Lindemeier, BR-Studio Franken</p>"
    assert extract(page(header=HEADLINE, closing=closing)).authors == ["Tobias Lindemeier"]


def test_a_firm_s_communications_department_is_no_person():
    byline = HEADLINE + '<p class="story__author">Text: Miriam Osterkamp, Corporate Communications</p>'
    assert extract(page(header=byline)).authors == ["Miriam Osterkamp"]


def test_an_author_box_naming_an_agency_s_account_lists_nobody_after_it():
    from crawler.extraction.bylines import _listed_authors

    # The lines after "Über den Autor": the account, its description, the newsletter box and the
    # related stories' teasers.
    after_the_heading = [
        "dpa",
        "Meldungen der Deutschen Presse-Agentur aus Bayern und der Welt.",
        "Alle Beiträge von dpa",
        "Der Allgäu-Morgen",
        "Mehr aus Oberstaufen",
        "Neue Kabinen für die Hochgratbahn rollen an",
        "Sabine Wechs",
    ]
    assert _listed_authors(after_the_heading) == []
    assert _listed_authors(["Dr. Miriam Kessler-Baum", "leitet die Kommunikation"]) == ["Dr. Miriam Kessler-Baum"]


def test_an_office_after_a_comma_in_a_byline_is_no_second_author():
    assert split_names("Ein Beitrag von Dr. Lukas Feuerstein, Leiter Kfz-Schadenanalyse") == ["Dr. Lukas Feuerstein"]
    assert split_names("Anna Schmidt, Jan Leiter") == ["Anna Schmidt", "Jan Leiter"]


def test_a_byline_of_the_site_s_abbreviation_yields_to_one_naming_a_person():
    header = HEADLINE + '<p class="meta"><span class="byline">von UZ</span></p>'
    credit = '<p class="uz-autor"><strong>Text:</strong> Dr. Andrea Küng</p>'
    assert extract(page('<meta name="author" content="UZ Redaktion">', header, closing=credit)).authors == [
        "Dr. Andrea Küng"
    ]


def test_the_words_credit_in_capitals_over_the_pictures_credit_names_the_writer():
    credits = '<p class="entry-credits">TEXT: MAREIKE JANSSEN<br>FOTOS: JENS OHLSEN</p>'
    info = (
        "<p><strong>Kaffeerösterei Brandhorst</strong></p><p>Laden &amp; Café: Bahrenfelder Straße, Mo–Sa 8–18 Uhr</p>"
    )
    head = '<meta name="author" content="Magazin Redaktion">'
    assert extract(page(head, HEADLINE, closing=credits + info)).authors == ["Mareike Janssen"]


@pytest.mark.parametrize(
    "closing, agencies",
    [
        ('<p class="quelle">(mit Keystone-SDA)</p>', ["SDA"]),
        ("<p>(mit dpa/rtr)</p>", ["dpa", "Reuters"]),
    ],
)
def test_agencies_credited_under_the_story_in_brackets_and_by_their_codes(closing, agencies):
    assert extract(page("", HEADLINE + "<p>Von Anna Schmidt</p>", closing=closing)).agencies == agencies


# Bylines a page shows without any metadata naming the author


@pytest.mark.parametrize(
    ("byline", "author"),
    [
        ("Report: Anja Lorenz", "Anja Lorenz"),
        ("Guest Author: Dr. Claudia Feldmann", "Dr. Claudia Feldmann"),
        ("Gastautorin: Miriam Hölscher", "Miriam Hölscher"),
        ("Geschichte von Jana Brockmann · 24.11.2026", "Jana Brockmann"),
        ("Par Claire Muller", "Claire Muller"),
        ("Jens Hoppe Nov 06, 2025", "Jens Hoppe"),
        ("Ein Gastbeitrag von Prof. Dr.-Ing. Miriam Hölscher", "Prof. Dr.-Ing. Miriam Hölscher"),
        ("Ein Gastbeitrag von Prof. Dr. med. Katharina Dörnemann", "Prof. Dr. med. Katharina Dörnemann"),
        ("von Carolin Meyer zu Hartum", "Carolin Meyer zu Hartum"),
    ],
)
def test_a_byline_element_alone_names_the_author_without_its_label_title_cut_or_date(byline, author):
    header = HEADLINE + f'<div class="meta"><span class="byline">{byline}</span></div>'
    assert extract(page(header=header)).authors == [author]


def test_a_name_particle_zu_stays_in_a_name_among_several():
    byline = '<p class="byline">Von Hendrik van der Veen, Charlotte zu Hohenwerth und Marc de Boer</p>'
    assert extract(page(header=HEADLINE + byline)).authors == [
        "Hendrik van der Veen",
        "Charlotte zu Hohenwerth",
        "Marc de Boer",
    ]


def test_byline_elements_side_by_side_name_all_writers():
    meta = (
        '<div class="metainfo"><span class="metainfo__author"><a href="/impressum/anna-keller">Anna Keller</a>,'
        ' Frankfurt</span> <span class="metainfo__author"><a href="/impressum/reto-brunner">Reto Brunner</a>'
        '</span> <time datetime="2026-03-09T05:30:00+01:00">09.03.2026</time></div>'
    )
    assert extract(page(header=HEADLINE + meta)).authors == ["Anna Keller", "Reto Brunner"]
    cards = (
        '<ul class="authors"><li class="author-card"><a href="/people/wirtz">Dr. Stefanie Wirtz</a>'
        '<span class="role">Partnerin · Köln</span></li><li class="author-card"><a href="/people/achterberg">'
        'Paul Achterberg</a><span class="role">Senior Associate · Köln</span></li></ul>'
    )
    assert extract(page(header=HEADLINE + cards)).authors == ["Dr. Stefanie Wirtz", "Paul Achterberg"]


def test_other_stories_bylines_side_by_side_add_nobody():
    byline = '<p class="author">Anna Keller</p>'
    others = (
        '<section class="more"><div class="card"><a href="/a.html"><h4>Lieferfahrer klagen</h4></a>'
        '<span class="card__byline">Marcel Fiebig</span></div><div class="card"><a href="/b.html">'
        '<h4>Die Minijob-Falle</h4></a><span class="card__byline">Paula Wendland</span></div></section>'
    )
    assert extract(page(header=HEADLINE + byline, closing=others)).authors == ["Anna Keller"]


def test_a_line_of_names_alone_completes_a_byline_that_names_one_writer():
    byline = '<span class="author">Lena Hartung</span>'
    body = "<p><strong>LENA HARTUNG, JONAS PRIEBE</strong></p>" + "".join(f"<p>{STORY}</p>" for _ in range(3))
    assert extract(page(header=HEADLINE + byline, body=body)).authors == ["Lena Hartung", "Jonas Priebe"]


@pytest.mark.parametrize(
    "box",
    [
        # Minified markup: the name's and the follow button's blocks meet without a space.
        '<div class="authorbox"><img src="/a.jpg" alt="">'
        '<div><div class="leading-snug">Nele Hartkopf</div><div class="text-xs">Folge mir</div></div></div>',
        '<div class="author-card"><img src="/a.jpg" alt=""><a href="/people/nele-hartkopf">Nele Hartkopf</a>'
        '<span class="role">Redakteurin · Köln</span></div>',
    ],
)
def test_the_name_on_the_first_line_of_an_author_box_is_read_without_the_next_line(box):
    assert extract(page(header=HEADLINE + box)).authors == ["Nele Hartkopf"]


def test_a_signature_set_apart_is_read_without_its_label():
    closing = '<p class="credit"><em>Aufgezeichnet von <a href="/autoren/nguyen">Nguyễn Thanh Hà</a></em></p>'
    assert extract(page(header=HEADLINE, closing=closing)).authors == ["Nguyễn Thanh Hà"]


def test_a_site_account_named_online_yields_to_the_byline_in_the_text():
    head = '<meta name="author" content="DZ Online">'
    header = HEADLINE + '<div class="td-post-author-name">Von <a href="/author/dz-online/">DZ Online</a></div>'
    body = "<p><strong>Von Helga Sommer</strong></p>" + "".join(f"<p>{STORY}</p>" for _ in range(3))
    assert extract(page(head, header, body=body)).authors == ["Helga Sommer"]


def test_the_metadata_s_editor_code_yields_to_the_writer_the_page_names():
    head = jsonld(author={"@type": "Person", "name": "ab"})
    picture = (
        '<figure><img src="/a.jpg" alt=""><figcaption>Der neue Markt in Stadthagen. Foto: ab</figcaption></figure>'
    )
    closing = '<p class="artikel-autor">Anja Brockmann</p>'
    assert extract(page(head, HEADLINE + picture, closing=closing)).authors == ["Anja Brockmann"]


def test_the_metadata_s_author_seen_only_in_other_stories_cards_yields_to_the_byline():
    head = '<meta name="author" content="Matthias Kern">'
    byline = '<p class="article__byline-text">Ein Gastbeitrag von <a href="#box">Dr. Sabine Kröger-Wendt</a></p>'
    cards = (
        '<section class="related"><div class="teaser"><h3><a href="/a.html">Retail Media wächst</a></h3>'
        '<p class="teaser__meta">02.09.2025 · Matthias Kern</p></div></section>'
    )
    assert extract(page(head, HEADLINE + byline, closing=cards)).authors == ["Dr. Sabine Kröger-Wendt"]


@pytest.mark.parametrize(
    ("byline", "authors"),
    [
        ("Ein Gastbeitrag von Dr. Sabine Kröger-Wendt, Lichtwerk Commerce", ["Dr. Sabine Kröger-Wendt"]),
        ("Gastkommentar von Anna Schmidt und Jan Meyer, IW Köln", ["Anna Schmidt", "Jan Meyer"]),
        ("Ein Gastbeitrag von Anna Schmidt, Jan Meyer und Tom Weber", ["Anna Schmidt", "Jan Meyer", "Tom Weber"]),
    ],
)
def test_a_guest_byline_names_the_guests_without_their_firm(byline, authors):
    assert extract(page(header=HEADLINE + f"<p>{byline}</p>")).authors == authors


def test_the_writer_s_job_between_the_label_and_the_name_is_no_part_of_it():
    head = '<meta name="author" content="W+M Redaktion">'
    body = "<p><strong>Ein Kommentar von W+M-Chefredakteur Jens-Uwe Kaltofen</strong></p>" + "".join(
        f"<p>{STORY}</p>" for _ in range(3)
    )
    assert extract(page(head, HEADLINE, body=body)).authors == ["Jens-Uwe Kaltofen"]


def test_an_h1_that_says_only_the_page_title_is_a_masthead_over_the_marked_headline():
    head = (
        "<title>Koblenzer Schängel</title>"
        '<meta property="og:title" content="Weinhandlung Kessler öffnet Probierstube am Görresplatz">'
    )
    header = (
        '<h1 class="edition-name">Koblenzer Schängel</h1>'
        '<h2 class="article__headline">Weinhandlung Kessler öffnet Probierstube am Görresplatz</h2>'
    )
    assert extract(page(head, header)).title == "Weinhandlung Kessler öffnet Probierstube am Görresplatz"


def test_a_day_on_a_line_of_its_own_beats_a_day_in_a_sentence_of_the_text():
    header = '<div class="meta"><span class="date">09.09.2026</span> <span>Pressemitteilung</span></div>' + HEADLINE
    body = (
        "<p>Das Handwerk hat zum Stichtag 31. August 2026 bundesweit 3,4 Prozent mehr neue Ausbildungsverträge "
        "registriert als ein Jahr zuvor, teilte der Verband mit.</p>" + "".join(f"<p>{STORY}</p>" for _ in range(3))
    )
    assert extract(page(header=header, body=body)).published[:10] == "2026-09-09"
    # A dateline opening the first paragraph is a line's date still.
    body = "<p>Düsseldorf, 31. August 2026 – " + STORY + "</p>" + "".join(f"<p>{STORY}</p>" for _ in range(3))
    assert extract(page(header=HEADLINE, body=body)).published[:10] == "2026-08-31"


def test_a_numbered_press_release_s_day_is_its_date_line():
    header = '<p class="doctype">Pressemitteilung Nr. 412 vom 14. Oktober 2026</p>' + HEADLINE
    tree = parse_html(page(header=header))
    assert shown_date(tree, "Hafen wird um zwei Terminals erweitert")[:10] == "2026-10-14"
    # Not "vom" in a sentence.
    header = "<p>Die Zahlen vom 14. Oktober 2026 gelten weiter.</p>" + HEADLINE
    assert shown_date(parse_html(page(header=header)), "Hafen wird um zwei Terminals erweitert") is None


def test_a_byline_s_label_and_name_in_elements_without_a_space_between_are_two_words():
    tree = parse_html(page(header=HEADLINE + '<div class="byline"><span>By</span><span>Saskia Brandl</span></div>'))
    assert [_byline_text(element) for element in byline_elements(tree)] == ["By Saskia Brandl"]


def test_a_camel_case_teaser_card_s_agency_line_credits_no_agency():
    cards = (
        '<section class="Sectionstyled__Container-sc-1"><article class="Teaserstyled__Teaser-sc-2">'
        '<a href="/andere.html"><span class="Teaserstyled__Kicker-sc-4">Mietrecht</span>'
        '<h3 class="Teaserstyled__Headline-sc-5">Mieterhöhung im Briefkasten? Diese Fristen gelten</h3></a>'
        '<p class="Teaserstyled__Meta-sc-3"><span>RND/dpa</span> · 22.10.2025</p></article></section>'
    )
    assert extract(page(header=HEADLINE, closing=cards)).agencies == []


def test_a_video_report_s_credits_line_names_its_writers_not_its_crew():
    credits = "<p><em>Beiträge: Jana Wiesehahn, Ole Brinkmann | Kamera: Malte Reuter | Schnitt: Derya Aksoy</em></p>"
    assert extract(page(header=HEADLINE, closing=credits)).authors == ["Jana Wiesehahn", "Ole Brinkmann"]


def test_the_expert_who_reviewed_an_advice_page_is_no_author():
    byline = (
        '<div class="fde-byline"><div class="item"><span class="role">Autorin</span> '
        '<a href="/redaktion/albrecht" class="fde-byline__name">Katharina Albrecht</a></div>'
        '<div class="item"><span class="role">Fachlich geprüft von</span> '
        '<a href="/experten/dorn" class="fde-byline__name">Stefan Dorn</a>, Versicherungsfachmann (IHK)</div></div>'
    )
    assert extract(page(header=HEADLINE + byline)).authors == ["Katharina Albrecht"]


def test_a_department_after_the_name_is_no_second_author():
    closing = "<p><strong>Bericht:</strong> Lisa Stadler, Ressort Öffentlichkeitsarbeit<br><strong>Fotos:</strong> Matthias Ertl</p>"
    assert extract(page(header=HEADLINE, closing=closing)).authors == ["Lisa Stadler"]


def test_the_author_s_label_inside_a_line_of_credits_names_the_author():
    closing = '<p class="news_quelle">Bild: Reimeyer Eis (Januar 2026, Autor: Michael Terbeck) Quelle: Reimeyer Eis</p>'
    assert extract(page(header=HEADLINE, closing=closing)).authors == ["Michael Terbeck"]
    # After the sentence of a note where the story first appeared, beside the publisher as author.
    head = jsonld(author={"@type": "Organization", "name": "Baumagazin Verlag"})
    closing = "<p><i>Dieser Beitrag erschien in BI Baumagazin 6/2025. Autor: Michael Terbeck</i></p>"
    assert extract(page(head, HEADLINE, closing=closing)).authors == ["Michael Terbeck"]


def test_an_english_source_line_credits_the_agency_and_other_stories_source_lines_do_not():
    closing = (
        '<p class="source">Source: dpa</p><div class="newslist"><h2>More Industry News</h2>'
        '<div class="item"><h3><a href="/other.html">Carton producers raise prices</a></h3>'
        '<p class="source">Source: Reuters</p></div></div>'
    )
    assert extract(page(header=HEADLINE, lang="en", closing=closing)).agencies == ["dpa"]


def test_a_title_widget_s_label_over_the_h1_is_not_the_headline_the_metadata_names():
    head = (
        "<title>Partnerabend 2025 - Messe Karlsruhe</title>" + '<meta property="og:title" content="Partnerabend 2025">'
    )
    header = (
        '<div class="widget"><p class="elementor-heading-title">Partnerabend 2025</p></div>'
        '<div class="widget"><h1 class="elementor-heading-title">Messe Karlsruhe ehrt Aussteller der ersten Stunde</h1></div>'
    )
    assert extract(page(head, header)).title == "Messe Karlsruhe ehrt Aussteller der ersten Stunde"


def test_an_icon_before_the_kicker_in_the_h1_is_no_label():
    head = "<title>Langerfeld: Schraubenwerk zieht nach Velbert</title>"
    header = (
        '<h1><span class="icon-plus" aria-label="Plus-Artikel"><svg aria-hidden="true"><title>WZ+</title></svg></span> '
        '<span class="park-article__kicker">Langerfeld</span> '
        '<span class="park-article__headline">Schraubenwerk zieht nach Velbert</span></h1>'
    )
    article = extract(page(head, header))
    assert (article.title, article.kicker) == ("Schraubenwerk zieht nach Velbert", "Langerfeld")


def test_a_catchword_glued_to_the_headline_in_minified_markup_is_its_kicker():
    header = (
        '<h1 class="ContentHead_title"><span class="ContentHead_catchword">Stellenabbau in Gwatt</span>'
        '<span class="ContentHead_text">Thuner Giesserei streicht 38 Stellen</span></h1>'
    )
    article = extract(page("<title>Thuner Tagblatt</title>", header))
    assert (article.title, article.kicker) == ("Thuner Giesserei streicht 38 Stellen", "Stellenabbau in Gwatt")


def test_a_headline_s_parts_glued_after_a_colon_read_with_a_space():
    header = (
        '<h1 class="headline"><span class="headline__part">Neues Tagungshotel am Phoenix-See:</span>'
        '<span class="headline__part headline__part--second">Betreiber setzt auf Langzeitgäste</span></h1>'
    )
    article = extract(page("<title>Hotelmagazin</title>", header))
    assert article.title == "Neues Tagungshotel am Phoenix-See: Betreiber setzt auf Langzeitgäste"


def test_a_meta_line_of_day_reading_time_and_names_credits_the_names():
    meta = '<div class="post-meta"><span title="2026-03-17">17. März 2026</span>&nbsp;·&nbsp;3 Min.&nbsp;·&nbsp;Lea Brandt, Murat Yilmaz</div>'
    assert extract(page(header=HEADLINE + meta)).authors == ["Lea Brandt", "Murat Yilmaz"]


@pytest.mark.parametrize(
    "credits",
    [
        '<p class="text-credit">Text: <a href="/team/lena-wingenfeld/">Lena Wingenfeld</a></p><p>Bild: Paul Osterkamp</p>',
        '<p>Text: <a href="/autor/lena-wingenfeld/">Lena Wingenfeld</a>; Redaktion: Felix Grabowski</p>',
        "<p>TEXT: LENA WINGENFELD</p><p>Illustration: Paul Osterkamp</p>",
    ],
)
def test_a_closing_credits_block_names_the_writer(credits):
    assert extract(page(header=HEADLINE, closing=credits)).authors == ["Lena Wingenfeld"]


def test_a_meta_line_of_name_day_and_more_set_apart_by_slashes_credits_the_name():
    head = '<meta name="author" content="prima! Redaktion">'
    meta = '<p class="single-article__meta">Sabine HÖLLER / 14. März 2025 / Podcast am Seitenende</p>'
    box = (
        '<div class="widget"><h3>Kommentar</h3><ul><li><a href="/boden/">Boden ist nicht vermehrbar</a><br>'
        "<small>Gastkommentar von Ing. Walter Simon / 12. März 2025</small></li></ul></div>"
    )
    assert extract(page(head, HEADLINE + meta, closing=box)).authors == ["Sabine HÖLLER"]


def test_the_agencies_material_after_a_slash_in_the_source_line_credits_the_agency():
    closing = '<p class="article-source"><em>Matthias Rehberg / mit Material von dpa</em></p>'
    head = '<meta name="author" content="Matthias Rehberg">'
    article = extract(page(head, HEADLINE, closing=closing))
    assert (article.authors, article.agencies) == (["Matthias Rehberg"], ["dpa"])


@pytest.mark.parametrize("account", ["Super User", "rm-admin", "hz_admin"])
def test_a_cms_placeholder_account_yields_to_the_closing_credit(account):
    head = f'<meta name="author" content="{account}">'
    byline = f'<span class="byline">von <a href="/author/account/">{account}</a></span>'
    closing = "<p>Text: Monika Dorsch</p>"
    assert extract(page(head, HEADLINE + byline, closing=closing)).authors == ["Monika Dorsch"]


def test_a_saying_with_zu_is_no_name():
    menu = '<ul class="menu"><li><a href="/von-fall-zu-fall.html">Von Fall zu Fall</a></li></ul>'
    closing = "<p>Text: Katrin Sommerfeld</p>"
    assert extract(page(header=menu + HEADLINE, closing=closing)).authors == ["Katrin Sommerfeld"]


def test_a_standpoint_s_label_names_its_writer():
    body = (
        "<p><em>Ein Standpunkt von Dr. Lutz Wendland, Vizepräsident des Unternehmerverbandes</em></p>"
        + "".join(f"<p>{STORY}</p>" for _ in range(3))
        + "<p>Ansprechpartnerin: Birgit Lehmkuhl, Geschäftsführerin</p>"
    )
    assert extract(page(header=HEADLINE, body=body)).authors == ["Dr. Lutz Wendland"]


def test_a_degree_after_the_name_without_a_comma_is_no_part_of_it():
    head = '<meta name="author" content="Julia Dornseifer M.A.">'
    assert extract(page(head, HEADLINE)).authors == ["Julia Dornseifer"]


def test_the_site_s_name_with_umlauts_is_the_site_the_host_spells_out():
    # A tagDiv theme's byline names the site's account; the host writes "ae" for its "Ä".
    header = HEADLINE + '<div class="td-post-author-name">Von <a href="/author/redaktion/">GSCHWÄTZ</a></div>'
    closing = "<p><em>Text: Jonas Bräuninger, mit Material von dpa/lsw</em></p>"
    article = extract(page(header=header, closing=closing), "https://www.gschwaetz.de/2025/02/17/kat-baut-stellen-ab/")
    assert (article.authors, article.agencies) == (["Jonas Bräuninger"], ["dpa"])


def test_an_author_card_s_labelled_first_line_is_the_byline():
    # Medium's and Substack's author card under the story, its biography after the label's line.
    card = (
        '<div class="author-card"><h2>Written by Lena Brockhoff</h2><p>Gründerin von Speichenwerk. '
        "Schreibt über Handel, Logistik und das Münsterland.</p></div>"
    )
    assert extract(page(header=HEADLINE, closing=card)).authors == ["Lena Brockhoff"]


def test_an_opinion_piece_classed_commentary_is_the_story_not_a_comment():
    body = (
        '<main><article class="article article--commentary"><h1>Europas Mittelstand braucht einen Kapitalmarkt</h1>'
        '<div class="article__byline"><a rel="author" class="author-link" href="/columnist/ingrid-falk">Ingrid Falk</a>'
        ' und <a rel="author" class="author-link" href="/columnist/tomas-riedel">Tomás Riedel</a></div>'
        f"{STORY_TEXT}</article>"
        '<section class="most-read"><ol><li><a href="/commentary/dollar-test-2025-02">The Dollar’s Quiet Test</a>'
        ' <span class="most-read__author">Martin Okafor</span></li><li><a href="/commentary/china-deflation-2025-02">'
        'China’s Deflation Export</a> <span class="most-read__author">Wen Liang</span></li></ol></section></main>'
    )
    assert extract(bare_page("", body)).authors == ["Ingrid Falk", "Tomás Riedel"]


def test_a_columnist_s_name_and_not_another_column_s_guest_in_a_teaser():
    header = (
        '<div class="columnist"><span class="column-name">Standpunkt</span><span class="columnist-name">'
        'Frank Reisinger</span><span class="columnist-role">Herausgeber</span></div>' + HEADLINE
    )
    more = (
        '<section><h3>Weitere Standpunkte</h3><div class="teaser"><a href="/standpunkt/fachkraefte-kommen-nicht-von-allein/">'
        'Fachkräfte kommen nicht von allein</a><span class="teaser-meta">Gastbeitrag von Susanne Pohl · 01.12.2025'
        "</span></div></section>"
    )
    assert extract(page(header=header, closing=more)).authors == ["Frank Reisinger"]


def test_the_story_s_labelled_credit_counts_though_its_writer_signs_another_story_s_card():
    closing = (
        '<p>Verfasst von <a href="/autor/tobias-rensing/">Tobias Rensing</a></p>'
        '<div class="teaser"><h3 class="teaser__headline"><a href="/2026/11/fernwaerme-netz/">Stadtwerke wollen '
        'Fernwärmenetz verdoppeln</a></h3><span class="teaser__author">Tobias Rensing</span></div>'
    )
    assert extract(page(header=HEADLINE, closing=closing)).authors == ["Tobias Rensing"]


@pytest.mark.parametrize(
    "link, authors",
    [
        # WordPress's "View all posts by %s", in German and English: the name inside it.
        ("Alle Beiträge von Anna Schmidt anzeigen", ["Anna Schmidt"]),
        ("View all posts by Anna Schmidt", ["Anna Schmidt"]),
        # Blogger's profile link names nobody.
        ("Mein vollständiges Profil anzeigen", []),
    ],
)
def test_a_theme_s_author_link_text(link, authors):
    assert split_names(link) == authors
    header = HEADLINE + f'<p><a href="https://example.org/author/anna-schmidt/" rel="author">{link}</a></p>'
    assert extract(page(header=header)).authors == authors


@pytest.mark.parametrize("role", ["Senior Economist", "Chefvolkswirtin", "Analyst"])
def test_a_research_job_after_the_name_is_nobody_s_name(role):
    # A private bank's or an institute's commentary, its economist signing it.
    header = HEADLINE + f'<p class="author">Felicitas Oehri, {role}</p>'
    assert extract(page(header=header)).authors == ["Felicitas Oehri"]


@pytest.mark.parametrize(
    "office", ["Head of Research", "Chief Data Officer", "Managing Director Sales", "Founder and CEO"]
)
def test_an_english_office_after_the_name_is_nobody_s_name(office):
    head = f'<meta name="author" content="Dr. Felicitas Oehri, {office}">'
    assert extract(page(head, HEADLINE, lang="en")).authors == ["Dr. Felicitas Oehri"]


def test_a_doctorate_s_faculty_in_latin_and_an_assessor_s_title_are_titles_of_one_person():
    head = jsonld(author={"@type": "Person", "name": "Prof. Dr. iur. Beate Sommerfeld-Kranz, LL.M."})
    byline = '<p class="autor">Von Prof. Dr. iur. Beate Sommerfeld-Kranz, LL.M., und Ass. jur. Timo Wernecke</p>'
    closing = (
        '<div class="autoreninfo"><b>Zu den Autoren:</b> Prof. Dr. Beate Sommerfeld-Kranz ist Rechtsanwältin.</div>'
    )
    authors = extract(page(head, HEADLINE + byline, closing=closing)).authors
    assert authors == ["Prof. Dr. iur. Beate Sommerfeld-Kranz", "Ass. jur. Timo Wernecke"]


def test_the_newsroom_s_account_then_the_writer_after_a_slash_credits_the_writer():
    head = '<meta name="author" content="redaktion">'
    meta = (
        '<div class="entry-meta"><span class="posted-on"><time datetime="2024-08-05T00:15:07+02:00">5. August 2024'
        '</time></span> <span class="byline">von <span class="author vcard"><a class="url fn n" '
        'href="https://www.example.de/author/redaktion/" rel="author">Redaktion HAN</a></span> / Jens Wollny</span></div>'
    )
    assert extract(page(head, HEADLINE + meta)).authors == ["Jens Wollny"]


@pytest.mark.parametrize(
    "line",
    [
        "Heidenheim, 09.10.2009 &nbsp;|&nbsp; Von unserem Redaktionsmitglied Thomas Zeller",
        "09.10.2009 | Von unserer Korrespondentin Thomas Zeller",
    ],
)
def test_a_date_line_going_on_with_the_writer_s_place_at_the_paper_credits_the_writer(line):
    closing = '<div class="teaser"><a href="/a.html">Kreissparkasse senkt Dispozins</a><span class="autor">Von Ulrike Mack</span></div>'
    article = extract(page("", HEADLINE + f'<p class="meta">{line}</p>', closing=closing))
    assert article.authors == ["Thomas Zeller"]


@pytest.mark.parametrize(
    ("author", "byline"),
    [("Jannik Oltmanns", "Text: Jannik"), ("Dr. Friederike Lansing", "Dr. F. Lansing")],
)
def test_a_byline_shortening_the_metadata_s_name_credits_the_name_written_out(author, byline):
    head = jsonld(author={"@type": "Person", "name": author})
    article = extract(page(head, HEADLINE + f'<div class="meta"><span class="autor">{byline}</span></div>'))
    assert article.authors == [author]
    # A byline naming someone else outweighs a name the page never shows; the account's handle
    # made of the name does not.
    handle = extract(
        page(
            jsonld(author={"@type": "Person", "name": "Corinne Wüthrich"}),
            HEADLINE + '<div class="byline">Von <a href="/user/cwuethrich">cwuethrich</a></div>',
        )
    )
    assert handle.authors == ["Corinne Wüthrich"]
    other = extract(page(head, HEADLINE + '<div class="meta"><span class="autor">Text: Carolin Weidemann</span></div>'))
    assert other.authors == ["Carolin Weidemann"]


def test_a_co_author_typed_after_the_theme_s_marked_name_is_credited_too():
    byline = (
        '<span class="byline">Von <span class="author vcard"><a class="url fn n" href="/author/lhartwig/" '
        'rel="author"><span class="author-name">Lena Hartwig</span></a></span> und Tobias Rennert</span>'
    )
    assert extract(page("", HEADLINE + byline)).authors == ["Lena Hartwig", "Tobias Rennert"]
    # A place and a role after the marked name are no second writer.
    box = (
        '<div class="article__author-text"><span class="article__author-prefix">Von</span> <a '
        'class="article__author-name" href="/autoren/bachmann">Thomas Bachmann</a>, <span '
        'class="article__author-location">Luzern</span><br><span class="article__author-role">Redaktor '
        "Wirtschaft</span></div>"
    )
    assert extract(page("", HEADLINE + box)).authors == ["Thomas Bachmann"]


def test_a_translator_linked_to_an_author_page_is_no_author():
    meta = (
        '<div class="entry-meta"><p>Autor*in <a href="/author/friederike-maass/">Friederike Maaß</a>, 14.10.25</p>'
        '<p class="entry-meta__translation">Übersetzung <a href="/author/kasimir-oldenburg/">Kasimir Oldenburg</a>:</p></div>'
    )
    assert extract(page("", HEADLINE + meta)).authors == ["Friederike Maaß"]


@pytest.mark.parametrize("label", ["Text und Interview:", "Text &amp; Interview:", "Interview und Text:"])
def test_the_writer_credited_for_text_and_interview_signs_the_story(label):
    closing = f'<p style="text-align: right;"><em>{label} Hanna Gellert</em></p>'
    assert extract(page(SITE_AS_AUTHOR, HEADLINE, closing=closing)).authors == ["Hanna Gellert"]


@pytest.mark.parametrize("role", ["Referentin Ostafrika", "Referent für Außenwirtschaft"])
def test_an_association_s_desk_officer_after_the_name_is_nobody_s_name(role):
    closing = f"<p><em>Ein Beitrag von Miriam Oduya, {role} im Afrika-Verein.</em></p>"
    assert extract(page(header=HEADLINE, closing=closing)).authors == ["Miriam Oduya"]


def test_a_right_aligned_name_above_the_print_note_signs_the_story_not_the_author_box_s_account():
    # A volunteer monthly's WordPress (Twenty Thirteen): the box "Über admin" names the account.
    closing = (
        '<p style="text-align: right;">Josephine Raddatz</p>'
        "<p><em>Dieser Artikel erschien in der Ausgabe März 2024 der Kiez und Kneipe Neukölln.</em></p>"
        '<div class="author-info"><h2 class="author-title">Über admin</h2><p class="author-bio">'
        '<a class="author-link" href="/?author=1" rel="author">Alle Beiträge von admin anzeigen →</a></p></div>'
    )
    assert extract(page(header=HEADLINE, closing=closing)).authors == ["Josephine Raddatz"]


def test_the_dow_jones_wire_s_end_mark_credits_it():
    closing = "<p>(END) Dow Jones Newswires<br>March 12, 2014 03:15 ET (07:15 GMT)<br>Copyright (c) 2014 Dow Jones &amp; Company, Inc.</p>"
    assert extract(page(header=HEADLINE, closing=closing)).agencies == ["Dow Jones Newswires"]


def test_a_source_line_listing_the_wire_service_beside_the_publisher_credits_the_wire_service():
    head = '<meta name="author" content="Editorial Team">'
    closing = '<p class="source"><em>Source: dpa, GTAI</em></p>'
    article = extract(page(head, HEADLINE, closing=closing, lang="en"))
    assert (article.authors, article.agencies) == ([], ["dpa"])


@pytest.mark.parametrize("source", ["Source: AWP/SDA", "Quelle: AWP/SDA"])
def test_the_meta_line_s_source_credits_its_wire_services_beside_the_writer(source):
    meta = (
        '<div class="article__meta"><span class="author">By <a href="/author/lz/">Lukas Zurfluh</a></span> · '
        f'<time datetime="2025-12-09">09.12.2025</time> · <span class="article__source">{source}</span></div>'
    )
    article = extract(page("", HEADLINE + meta))
    assert (article.authors, article.agencies) == (["Lukas Zurfluh"], ["AWP", "SDA"])
    # Nobody named, the wire services parted by a slash are credited, no person "AWP/SDA".
    article = extract(page("", HEADLINE + f'<p class="article__source">{source}</p>'))
    assert (article.authors, article.agencies) == ([], ["AWP", "SDA"])


def test_a_picture_s_source_in_a_caption_outside_a_figure_credits_nobody():
    caption = (
        '<div class="article-caption"><span class="caption-text">Die Papiermaschine in Fischendorf.</span> '
        '<span class="caption-source">Quelle: dpa</span></div>'
    )
    header = HEADLINE + '<p class="byline">Von Lukas Zurfluh</p>' + caption
    assert extract(page("", header)).agencies == []


@pytest.mark.parametrize("titled", ["Dipl.-Ing. (FH) Bernd Achterberg", "Dr. Bernd Achterberg"])
def test_a_titled_name_in_the_metadata_takes_no_job_from_the_author_box_s_line(titled):
    head = f'<meta name="author" content="{titled}">'
    byline = HEADLINE + f'<p class="article__author">Autor: <a href="/autoren/achterberg">{titled}</a></p>'
    box = (
        f'<div class="author-box"><p class="author-box__name">{titled}</p>'
        '<p class="author-box__bio">Freier Fachjournalist für Heizungs- und Gebäudetechnik, Osnabrück.</p></div>'
    )
    assert extract(page(head, byline, closing=box)).authors == [titled.replace(" (FH)", "")]


@pytest.mark.parametrize("heading", ["Kontakt zum Autor", "Kontakt zur Autorin"])
def test_the_writer_s_contact_box_under_the_story_names_the_writer(heading):
    head = '<meta name="author" content="SI-Redaktion">'
    box = (
        f'<div class="news-contact-author"><h4>{heading}</h4><p><a href="mailto:m.terhorst@example.de" '
        'class="mail">Markus Terhorst</a><br>Redaktion SI Informationen</p></div>'
    )
    assert extract(page(head, HEADLINE, closing=box)).authors == ["Markus Terhorst"]


def test_the_author_s_name_before_a_title_s_colon_is_no_kicker():
    head = "<title>Dr. Markus Vollrath: Warum das Silberdefizit den Minen nicht hilft | GoldSeiten.de</title>"
    header = (
        "<h1>Warum das Silberdefizit den Minen nicht hilft</h1>"
        '<div class="artikel_info">14.03.2025 | <a class="artikel_autor" href="/autoren/412">Dr. Markus Vollrath</a></div>'
    )
    article = extract(page(head, header))
    assert (article.kicker, article.authors) == (None, ["Dr. Markus Vollrath"])


def test_a_sidebar_set_as_a_div_before_the_story_is_no_byline_s_place():
    # A theme without HTML5's elements: the sidebar's most-read list, each item "Von … · day",
    # first in the source, the story's byline naming the wire service alone.
    page_file = Path(__file__).parent / "data" / "templates" / "migazin-agency"
    html = page_file.with_suffix(".html").read_text(encoding="utf-8")
    html = re.sub(r"<(/?)aside\b", r"<\1div", html)
    article = extract(html, json.loads(page_file.with_suffix(".json").read_text(encoding="utf-8"))["url"])
    assert (article.authors, article.agencies) == ([], ["epd"])


def test_an_author_element_under_the_story_with_the_day_before_the_name():
    # A district magazine's "datum-autor" line after the story, the photographer the same person.
    closing = (
        '<div class="datum-autor">12.02.2026, Regina Teichert</div><p class="bildnachweis">Fotos: Regina Teichert</p>'
    )
    assert extract(page(header=HEADLINE, closing=closing)).authors == ["Regina Teichert"]


def test_a_commentary_s_writer_named_in_its_lead_under_the_site_s_account():
    head = '<meta name="description" content="Trier hat mehr zu bieten als Wohnraum für Pendler. Ein Kommentar von Jan-Philipp Kreutz.">'
    header = HEADLINE + '<p class="author">Von <a href="/author/redaktion/">16vor</a></p>'
    assert extract(page(head, header), "https://www.16vor.de/2014/05/trier-grenzlage/").authors == [
        "Jan-Philipp Kreutz"
    ]


def test_an_editorial_signed_by_the_editor_in_chief_with_the_office():
    header = HEADLINE + '<p class="byline">von Redaktion</p>'
    closing = '<p class="signatur"><strong>Torsten Ullrich</strong><br>Chefredakteur WirtschaftsSpiegel Thüringen</p>'
    assert extract(page(header=header, closing=closing)).authors == ["Torsten Ullrich"]


def test_a_research_team_is_a_desk_and_the_credits_box_names_the_writers():
    head = '<meta name="author" content="Rechercheteam Die Wirtschaft">'
    closing = (
        '<p class="credits"><strong>Recherche und Text:</strong> Verena Pichler, Thomas Gruber und Elif Kaya<br>'
        "<strong>Grafik:</strong> Lisa Haider</p>"
    )
    assert extract(page(head, HEADLINE, closing=closing)).authors == ["Verena Pichler", "Thomas Gruber", "Elif Kaya"]


def test_a_credits_line_in_bold_labels_with_the_separator_after_the_name():
    # A magazine whose only account, the site's, the SEO plugin types a person.
    head = '<meta property="og:site_name" content="Good Impact">' + jsonld(
        author={"@type": "Person", "name": "Good Impact"}
    )
    closing = "<p><strong>Text:</strong> Mira Lenhardt · <strong>Fotos:</strong> Paul Jessen</p>"
    assert extract(page(head, HEADLINE, closing=closing), "https://goodimpact.eu/wirtschaft/hotellaken/").authors == [
        "Mira Lenhardt"
    ]


@pytest.mark.parametrize(
    "credit, authors",
    [
        ("Interview: Mag. Barbara Strohmaier", ["Mag. Barbara Strohmaier"]),
        # A teaser's label names the one interviewed, the office after the name.
        ("Interview: Holger Schwannecke, Generalsekretär des Zentralverbandes", []),
    ],
)
def test_the_interviewer_s_credit_line(credit, authors):
    assert extract(page(header=HEADLINE, closing=f'<p class="interview-credit">{credit}</p>')).authors == authors


def test_a_download_named_by_its_release_day_does_not_date_the_page():
    head = '<meta name="publishDate" content="2025-09-17T08:00:00.000+02:00">'
    header = HEADLINE + '<span class="stage-date">17.09.2025</span>'
    closing = (
        '<ul class="downloads"><li><a href="/2025-09-16-medieninformation.pdf">Medieninformation vom 16.09.2025: '
        "Schutzlücke bei Naturkatastrophen</a></li></ul>"
    )
    assert extract(page(head, header, closing=closing)).published[:10] == "2025-09-17"


def test_an_author_box_opening_with_a_diploma_and_its_school():
    closing = (
        '<div class="author-box"><h3>Autor</h3><p class="author-box__bio">Dipl.-Ing. (FH) Tobias Reinartz ist freier '
        "Fachjournalist in "
        "Aachen. Er hat Bauingenieurwesen studiert, mehrere Jahre in einem Ingenieurbüro für Tragwerksplanung "
        "gearbeitet und schreibt seit 2015 über Holzbau und Dachtechnik.</p></div>"
    )
    assert extract(page(header=HEADLINE, closing=closing)).authors == ["Dipl.-Ing. Tobias Reinartz"]


def test_one_person_credited_with_and_without_the_title_is_credited_once():
    head = '<meta name="author" content="Tanja Feldhaus-Remmert">' + jsonld(
        author=[{"@type": "Person", "name": "Dr. Tanja Feldhaus-Remmert"}]
    )
    assert extract(page(head, HEADLINE)).authors == ["Dr. Tanja Feldhaus-Remmert"]


@pytest.mark.parametrize(
    "line, agencies",
    [
        ("Text: Sabine Gerber, ee-news.ch, mit Material der SDA", ["SDA"]),
        ("News4teachers / mit Material der dpa", ["dpa"]),
        ("Mit Material von Agência Brasil", ["Agência Brasil"]),
    ],
)
def test_the_agencies_material_after_the_writer_s_credit_or_the_site_s_name(line, agencies):
    assert extract(page(header=HEADLINE, closing=f"<p><em>{line}</em></p>")).agencies == agencies


def test_a_posted_on_line_with_the_time_since_before_the_day():
    header = (
        '<h1>Hafen wird um zwei Terminals erweitert</h1><span class="posted-on">Veröffentlicht <span>vor 4 Monaten</span>'
        ' am <time class="entry-date published" datetime="2025-09-23T12:14:33+02:00">23. September 2025</time>'
        '<time class="updated" datetime="2025-10-02T10:40:11+02:00">2. Oktober 2025</time></span>'
    )
    assert extract(page("", header)).published[:10] == "2025-09-23"


def test_a_publication_s_name_with_its_article_is_no_person():
    head = '<meta name="author" content="Der neue Tag">'
    header = HEADLINE + '<div class="autor">VON ANDREA LEHNER</div>'
    assert extract(page(head, header)).authors == ["Andrea Lehner"]


# Rules from the hundred-and-thirty-eighth and hundred-and-thirty-ninth template rounds.


def test_a_headline_marked_ueberschrift_on_a_page_without_h1_is_the_headline():
    # A table layout of 2004: the <title> puts the site and a label before the headline.
    head = "<title>Deutscher Drucker Online - Interview: „Wir verkaufen Produktivität“</title>"
    header = (
        '<span class="dachzeile"><b>drupa 2004</b></span><br>'
        '<span class="ueberschrift"><b>„Wir verkaufen Produktivität“</b></span><br>'
    )
    article = extract(page(head, header))
    assert (article.title, article.kicker) == ("„Wir verkaufen Produktivität“", "drupa 2004")


@pytest.mark.parametrize("noun", ["Artikel", "Meldung", "Beitrag"])
def test_the_page_naming_itself_before_vom_dates_it(noun):
    header = f"<p><small>{noun} vom 12.03.2004</small></p>{HEADLINE}"
    article = extract(page(header=header))
    assert (article.published[:10], article.date_source) == ("2004-03-12", "visible line")
    # "vom" after another noun names another day: a report's, a meeting's.
    header = f"<p><small>Bericht der Sitzung vom 12.03.2004</small></p>{HEADLINE}"
    assert extract(page(header=header)).date_source != "visible line"


def test_the_day_a_magazine_s_issue_came_out_gives_way_to_the_story_s_date():
    issue = "<aside><p>dds 12/2026 · erschienen am 27.11.2026</p></aside>"
    dated = jsonld(headline="Hafen wird um zwei Terminals erweitert", datePublished="2026-09-24T08:00:00+02:00")
    assert extract(page(dated, HEADLINE, closing=issue)).published[:10] == "2026-09-24"
    # The page's own label after the issue's reference still dates it ("online seit").
    own = "<p>Erschienen in: Ostwestfälische Wirtschaft, Ausgabe 04/2025, Seite 12 · online seit 04.04.2025</p>"
    assert extract(page(dated, HEADLINE, closing=own)).published[:10] == "2025-04-04"


def test_a_day_with_the_month_s_name_between_hyphens_is_a_date():
    header = f'{HEADLINE}<p class="post-date">Date: 10-Jun-2026</p>'
    assert extract(page(header=header)).published[:10] == "2026-06-10"


def test_a_name_with_its_first_name_as_an_initial_is_credited_as_the_byline_writes_it_out():
    head = '<meta name="author" content="R. Timmermann">'
    header = HEADLINE + '<div class="author">Von <a href="/author/rtimmermann/">Ralf Timmermann</a></div>'
    # The author box under the story shows the metadata's form.
    box = '<div class="author-box"><span class="fn"><a href="/author/rtimmermann/">R. Timmermann</a></span></div>'
    assert extract(page(head, header, closing=box)).authors == ["Ralf Timmermann"]
    # A middle name's initial is no short form: the name stays as the metadata writes it.
    head = '<meta name="author" content="Christian P. Stadtfeld">'
    header = HEADLINE + '<div class="author">Von <a href="/author/cstadtfeld/">Christian Stadtfeld</a></div>'
    assert extract(page(head, header)).authors == ["Christian P. Stadtfeld"]


def test_the_story_s_closing_source_line_credits_its_wire_service_beside_the_writer():
    header = HEADLINE + "<p>Von Katharina Pölzl</p>"
    closing = '<p class="article__source">Quelle: APA/Antenne Steiermark</p>'
    article = extract(page(header=header, closing=closing))
    assert (article.authors, article.agencies) == (["Katharina Pölzl"], ["APA"])
    # A source line further up, under a chart, credits the chart.
    chart = "<p>Quelle: APA/Statistik Austria</p>"
    body = f"<p>{STORY}</p><p>{STORY}</p>{chart}<p>{STORY}</p><p>Entschieden wird im Mai im Landtag.</p>"
    assert extract(page(header=header, body=body)).agencies == []


def test_a_table_layout_s_menu_rows_are_no_part_of_the_story():
    menu = (
        "<table><tr><td>Startseite</td><td>Region</td><td>Wirtschaft</td><td>Sport</td></tr></table>"
        "<table><tr><td>Wirtschaft aktuell · Börse · Verbraucher · Stellenmarkt</td></tr></table>"
    )
    lead = "<p><b>Schwerer Schlag für die Porzellanindustrie im Fichtelgebirge.</b></p>"
    body = menu + lead + f"<p>Marktredwitz (dpa/lby) – {STORY}</p>" + f"<p>{STORY}</p>" * 2
    footer = "<table><tr><td>Impressum</td><td>Kontakt</td><td>AGB</td></tr></table>"
    article = extract(page(header=HEADLINE, body=body + footer))
    assert "Startseite" not in article.text and "Impressum" not in article.text
    assert article.agencies == ["dpa"]
    # A table of figures opening the story is the story's.
    table = "<table><tr><td>1</td><td>Bayern</td><td>30 Punkte</td></tr></table>"
    assert "Bayern" in extract(page(header=HEADLINE, body=table + f"<p>{STORY}</p>" * 3)).text


def test_a_signature_box_the_text_leaves_out_signs_the_story():
    box = (
        '<table class="signatur"><tr><td><img src="/p.jpg" alt=""></td>'
        "<td><b>Markus Ebnöther</b><br>Direktor IHK St.Gallen-Appenzell</td></tr></table>"
    )
    assert extract(page(header=HEADLINE, closing=box)).authors == ["Markus Ebnöther"]
    # A comment's signature is a reader's.
    comment = f'<div class="comment">{box}</div>'
    assert extract(page(header=HEADLINE, closing=comment)).authors == []


def test_an_austrian_city_s_administration_is_no_person():
    head = '<meta name="author" content="Magistrat Linz">'
    assert extract(page(head, HEADLINE)).authors == []


# Rules from the hundred-and-fortieth and hundred-and-forty-first template rounds.


def test_slashed_dates_are_read_month_first_where_the_page_prints_the_american_order():
    header = f"{HEADLINE}<ul><li>Press Release</li><li>11/04/2026</li><li>Munich, Germany</li></ul>"
    related = "<ul><li><a href='/a'>Order for grid stabilizers</a> 10/28/2026</li><li><a href='/b'>Results</a> 10/15/2026</li></ul>"
    assert extract(page(header=header, closing=related)).published[:10] == "2026-11-04"
    # Where another date can only be read day first, the page prints the day first.
    related = related.replace("10/28/2026", "28/10/2026").replace("10/15/2026", "15/10/2026")
    assert extract(page(header=header, closing=related)).published[:10] == "2026-04-11"


def test_a_byline_in_a_wordpress_widget_promoting_another_story_is_that_story_s():
    widget = (
        '<aside class="widget widget_text"><h3 class="widget-title">Kommentar der Woche</h3><div class="textwidget">'
        '<p><a href="/2016/kommentar-primaerversorgung/">Die Primärversorgung braucht mehr als ein Gesetz</a></p>'
        '<p class="widget-author">Von Mag. Karin Pernhofer, Chefredakteurin Medical Tribune</p></div></aside>'
    )
    html = page(header=HEADLINE, closing="<p>Quelle: APA</p>").replace("</article>", f"</article>{widget}")
    article = extract(html)
    assert (article.authors, article.agencies) == ([], ["APA"])
    # An author widget linking the writer's page by a short label names the writer.
    widget = (
        '<aside class="widget widget_author"><p class="widget-author">Von Karin Pernhofer</p>'
        '<a href="/autorin/pernhofer/">Alle Beiträge</a></aside>'
    )
    html = page(header=HEADLINE).replace("</article>", f"</article>{widget}")
    assert extract(html).authors == ["Karin Pernhofer"]


def test_an_interviewer_s_credit_with_the_pictures_credit_after_it_names_the_interviewer():
    head = '<meta name="author" content="Top Magazin Redaktion">'
    header = HEADLINE + "<p><span>Interview: Henrike Stahl · Fotos: Jens Braune</span></p>"
    assert extract(page(head, header)).authors == ["Henrike Stahl"]
    # The one interviewed, with the office, is no interviewer.
    header = HEADLINE + "<p>Interview: Holger Brandt, Geschäftsführer · Fotos: Jens Braune</p>"
    assert extract(page(head, header)).authors != ["Holger Brandt"]


def test_the_marked_headline_the_breadcrumb_trail_names_stands_under_a_section_h1():
    head = (
        "<title>Porzellanhersteller in Selb schickt 320 Beschäftigte in Kurzarbeit | Radio Galaxy</title>"
        '<meta property="og:title" content="Kurzarbeit bei Porzellanhersteller in Selb">'
    )
    trail = (
        '<ul class="breadcrumb"><li><a href="/">Start</a></li><li><a href="/news/">News</a></li>'
        "<li><span>Porzellanhersteller in Selb meldet Kurzarbeit an</span></li></ul>"
    )
    header = (
        trail + '<h1 class="news-section__title">News aus Oberfranken</h1>'
        '<div class="news-detail__title">Porzellanhersteller in Selb meldet Kurzarbeit an</div>'
    )
    assert extract(page(head, header)).title == "Porzellanhersteller in Selb meldet Kurzarbeit an"


# Rules from the hundred-and-forty-second and hundred-and-forty-third template rounds.


def test_a_court_s_reference_under_the_headline_is_no_date_line():
    header = HEADLINE + '<p class="reference">BFH v. 24.9.2026 - VIII R 17/24</p>'
    dated = '<meta itemprop="datePublished" content="2026-11-19T10:42:00+01:00">'
    assert extract(page(header=header, closing=f"<div itemscope>{dated}</div>")).published[:10] == "2026-11-19"


def test_a_release_s_dateline_set_apart_before_its_text_dates_it():
    # Under a lead, out of the date line's reach.
    body = (
        f"<p>{STORY}</p><p><strong>Frankfurt am Main, 16 April 2026 –</strong> A total of 428 million people "
        "took part in meetings in Germany in 2025.</p>" + f"<p>{STORY}</p>" * 3
    )
    article = extract(page(header=HEADLINE, body=body))
    assert (article.published[:10], article.date_source) == ("2026-04-16", "visible line")


def test_a_signature_with_the_signer_s_home_town_signs_the_story():
    head = '<meta name="author" content="EN-Mosaik"><meta property="og:site_name" content="EN-Mosaik">'
    closing = "<p><em>Heike Wessel-Kamp aus Ennepetal</em></p>"
    assert extract(page(head, HEADLINE, closing=closing)).authors == ["Heike Wessel-Kamp"]
    # Set plain, it is a sentence's end or a caption.
    assert extract(page(head, HEADLINE, closing="<p>Heike Wessel-Kamp aus Ennepetal</p>")).authors != [
        "Heike Wessel-Kamp"
    ]


def test_published_in_a_sentence_labels_no_day_of_the_page():
    header = HEADLINE + '<p><time datetime="2026-10-08T12:00:00Z">08.10.2026</time></p>'
    body = "<p>In a judgment published on 7 October 2026, the court held that the spin-off was taxable.</p>"
    assert extract(page(header=header, body=body + f"<p>{STORY}</p>" * 3)).published[:10] == "2026-10-08"
    # The page's own sentence about itself still dates it.
    closing = "<p>This entry was posted on Wednesday, 7 October 2026 and is filed under News.</p>"
    assert extract(page(header=HEADLINE, closing=closing)).published[:10] == "2026-10-07"


# Rules from the hundred-and-forty-fourth and hundred-and-forty-fifth template rounds.


@pytest.mark.parametrize("credit", ["The interview was conducted by Miriam Kessler.", "Interviewed by Miriam Kessler"])
def test_an_english_page_s_interviewer_credit_names_the_interviewer(credit):
    closing = f"<p><em>{credit}</em></p><p>Read more interviews in our newsroom.</p>"
    assert extract(page(header=HEADLINE, closing=closing, lang="en")).authors == ["Miriam Kessler"]


@pytest.mark.parametrize(
    "credit, authors",
    [
        ("<p><em>Text: Martina Holtkamp</em></p>", ["Martina Holtkamp"]),
        ("<p><em>Text: Markus Feldner, IG Metall Schweinfurt</em></p>", ["Markus Feldner"]),
        ("<p><i>Text: Alois Pfurtscheller / Fotos: Georg Hochrainer</i></p>", ["Alois Pfurtscheller"]),
        # The last line of a press office's block.
        (
            "<p><strong>Universität Greifswald</strong><br>Presse- und Informationsstelle<br>Domstraße 11,"
            " 17489 Greifswald<br>Text: Kerstin Nommensen</p>",
            ["Kerstin Nommensen"],
        ),
    ],
)
def test_a_words_credit_on_a_line_of_its_own_under_the_story(credit, authors):
    # Not the story's last line, which the closing signature's rule reads: the page's tools and
    # the CMS's record follow, which the main text keeps.
    contact = (
        '<p><a href="/druck">Druckversion</a> | <a href="/empfehlen">Seite weiterempfehlen</a></p>'
        "<p>Erstellt von: Webredaktion am 12.03.2024 10:14:22</p>"
    )
    assert extract(page(header=HEADLINE, closing=credit + contact)).authors == authors


def test_a_words_credit_in_another_story_s_card_credits_nobody_here():
    cards = (
        '<ul class="related-list"><li><a href="/wirtschaft/hofladen-lieferplattform.html">Vom Hofladen zur '
        'Lieferplattform: Wie zwei Schwestern den Direktvertrieb digitalisieren</a><span class="author">Text: Annika '
        "Rüsselsheim</span></li></ul>"
    )
    assert extract(page(header=HEADLINE, closing=cards)).authors == []


def test_a_byline_of_its_own_where_no_headline_element_stands():
    # An old page's headline in a <font> that the title's prefix keeps the headline rules from
    # finding ("Wirtschaftsbrief - …"), its byline a "Von …" line in italics.
    body = (
        '<font size="3"><b>Wer zu spät plant, verliert beim Generationswechsel</b></font><br><br>'
        '<font size="1"><i>Von Dr. Reinhard Kessebohm</i></font><br><br>' + "".join(f"<p>{STORY}</p>" for _ in range(4))
    )
    tree = parse_html(page(body=body))
    headline = "Wirtschaftsbrief - Unternehmensnachfolge: Wer zu spät plant"
    assert article_authors(tree, headline=headline).authors == ["Dr. Reinhard Kessebohm"]
    # With the headline element there, a "Von …" line in a box far below is another story's.
    box = (
        '<section class="box-history"><h3>Heute vor 10 Jahren</h3><p>27. Juni 2015: Muren verschütten '
        "Landesstraße. <em>Von Gernot Trattnig</em></p></section>"
    )
    assert extract(page(header=HEADLINE, closing=box)).authors == []


@pytest.mark.parametrize("signature", ["/ Kerstin Aumüller", "– Kerstin Aumüller"])
def test_a_signature_set_after_a_separator(signature):
    closing = f'<p class="news-author">{signature}</p>'
    assert extract(page(header=HEADLINE, closing=closing)).authors == ["Kerstin Aumüller"]


def test_the_author_s_microdata_item_naming_the_writer_in_a_meta_tag():
    def item(name):
        return (
            '<div itemprop="author" itemscope itemtype="https://schema.org/Person">'
            f'<meta itemprop="name" content="{name}"><meta itemprop="url" content="/author/x/"></div>'
        )

    assert extract(page(header=HEADLINE + item("Tobias Rennert"))).authors == ["Tobias Rennert"]
    # A word alone there is the handle of the account that filed the story.
    assert extract(page(header=HEADLINE + item("ricsti"))).authors == []


@pytest.mark.parametrize(
    "credit",
    [
        "Reportage von Jonas Felsmann, Student der Journalistik in Dortmund",
        "Ein Film von Jonas Felsmann",
        "Eine Dokumentation von Jonas Felsmann",
    ],
)
def test_a_broadcast_piece_s_maker_under_its_headline(credit):
    header = HEADLINE + f'<p class="media-detail__producer">{credit}</p>'
    assert extract(page(header=header)).authors == ["Jonas Felsmann"]


def test_the_agency_s_dateline_after_a_caption_s_bracket():
    # The caption's "(Archiv)." stands first in the text; the dateline on the next line credits dts.
    body = (
        "<p><small>Sudkessel in einer Kleinbrauerei (Archiv). Foto: Verband</small></p>"
        f"<p>Berlin (dts Nachrichtenagentur) – {STORY}</p>" + "".join(f"<p>{STORY}</p>" for _ in range(3))
    )
    assert extract(page(header=HEADLINE, body=body)).agencies == ["dts"]


def test_the_wire_service_after_the_author_items_of_a_byline():
    byline = (
        '<p><span itemprop="author" itemscope itemtype="http://schema.org/Person">Von <span itemprop="name">Anne '
        'Sauer</span> und <span itemprop="name">Markus Höfling</span> (epd)</span></p>'
    )
    closing = "<p>Weitere Informationen gibt die Pressestelle.</p>"
    article = extract(page(header=HEADLINE + f'<div class="news-meta">{byline}</div>', closing=closing))
    assert (article.authors, article.agencies) == (["Anne Sauer", "Markus Höfling"], ["epd"])


def newsletter(title: str, heading: str) -> str:
    """A newsletter's web version: tables, the story's heading set bare, no <article>."""
    paragraphs = "".join(f"<p>{STORY}</p>" for _ in range(4))
    return (
        f'<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>{title}</title></head><body>'
        '<table width="600"><tr><td><img src="/logo.png" alt="Logo"></td></tr>'
        f'<tr><td><h1 style="font-size:25px">{heading}</h1>{paragraphs}</td></tr>'
        '<tr><td><a href="/abmelden">Newsletter abbestellen</a></td></tr></table></body></html>'
    )


def test_a_title_naming_the_site_first_and_the_story_s_short_name_after_the_pipe():
    heading = "Semiconductor supplier picks Hanau for €180 million production site"
    html = newsletter("Invest in Hessen | Semiconductor supplier picks Hanau", heading)
    assert extract(html).title == heading


@pytest.mark.parametrize("title", ["WJ Hannover – Newsletter 10/2026", "Rundbrief Nr. 5", "Newsletter Oktober 2026"])
def test_a_newsletter_issue_s_title_yields_to_the_story_s_heading(title):
    heading = "Nachgefragt: „Ausbildung muss wieder sichtbar werden“"
    assert extract(newsletter(title, heading)).title == heading


@pytest.mark.parametrize(
    "credit", ["Text/Foto: Flurina Hartmann", "Text und Bild: Flurina Hartmann", "Foto/Text: Flurina Hartmann"]
)
def test_the_words_and_pictures_credit_under_the_headline_names_the_writer(credit):
    head = '<meta name="author" content="Redaktion">'
    assert extract(page(head, HEADLINE + f'<div class="td-post-author">{credit}</div>')).authors == ["Flurina Hartmann"]


@pytest.mark.parametrize(
    "closing", ["Ein Bericht von Malte Gerdes.", "Ein Beitrag von Malte Gerdes.", "Von Malte Gerdes"]
)
def test_the_credit_closing_the_lead_s_last_sentence(closing):
    lead = (
        "<p><strong>Am Hafen kommt wieder Bewegung in das Güterverkehrszentrum: Ein Kühlhausbetreiber will eine "
        f"zweite Halle errichten. {closing}</strong></p>"
    )
    assert extract(page(header=HEADLINE + lead)).authors == ["Malte Gerdes"]
    # A sentence of the lead naming someone is no credit.
    quoted = lead.replace(closing, "Das sagte Malte Gerdes.")
    assert extract(page(header=HEADLINE + quoted)).authors == []


def test_the_lead_s_closing_credit_with_the_roles_in_brackets():
    lead = (
        '<p class="unterzeile">Eisenwaren Pohl in der Wühlischstraße. von Ina Lorbeer (Text) und Tom Reschke '
        "(Fotos).</p>"
    )
    assert extract(page(header=HEADLINE + lead)).authors == ["Ina Lorbeer"]


@pytest.mark.parametrize(
    "credit, authors",
    [
        ("Germany Trade &amp; Invest", []),
        ("Procter &amp; Gamble", []),
        ("Anna Schmidt &amp; Jan Meyer", ["Anna Schmidt", "Jan Meyer"]),
    ],
)
def test_a_firm_named_by_two_names_joined_by_an_ampersand_is_no_two_people(credit, authors):
    # The federal trade agency's portals name it as the meta author of their news; people
    # joined by "&" are written whole.
    head = f'<meta name="DC.creator" content="{credit}"><meta name="author" content="{credit}">'
    assert extract(page(head, HEADLINE)).authors == authors


def test_an_account_named_by_the_last_word_of_the_site_s_name_is_the_site():
    # A city magazine's WordPress account, the place before the magazine's name left off: the
    # guest's credit names the writer.
    head = (
        '<meta property="og:site_name" content="Kölner Stadtteilliebe"><meta name="author" content="Stadtteilliebe">'
        + jsonld(author={"@type": "Person", "name": "Stadtteilliebe"})
    )
    header = (
        '<div class="logo">Kölner Stadtteilliebe</div>'
        + HEADLINE
        + '<p class="gastbeitrag-hinweis"><em>Ein Gastbeitrag von Dr. Anna Schmidt</em></p>'
    )
    url = "https://koelner-stadtteilliebe.de/aktuell/auenwald/"
    assert extract(page(head, header), url=url).authors == ["Dr. Anna Schmidt"]
