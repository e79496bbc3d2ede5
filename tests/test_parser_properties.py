"""Parsers of outside input never raise on what strangers send: feeds, sitemaps, robots.txt,
date strings, trap detection. Each either returns what it found or nothing."""

import html
import re
from datetime import datetime, timedelta, timezone

import lxml.etree
import lxml.html
from hypothesis import given
from hypothesis import strategies as st

from archive.urls import joined_web_url
from crawler.fetch.discover import feed_entries, listing_links, robots_sitemaps, sitemap_entries, trap_reason
from crawler.extraction.classify import has_pagination, main_content
from crawler.extraction.dates import (
    _prints_first_day,
    article_dates,
    first_of_month,
    parse_date,
    text_before_date,
    visible_dates,
)
from crawler.extraction.headline import LONGEST_TITLE_NOTE, _without_a_note
from crawler.extraction.lead import marks_lead
from crawler.extraction.extract import MAY_HOLD_THE_STORY, NEVER_EXTRACTED, parse_html, prepared_for_extraction
from crawler.extraction.page import (
    HIDDEN_CLASSES,
    UNSEEN_TEXT,
    as_list,
    copyright_holders,
    hides,
    page_metadata,
    plain_text,
    text_of,
)

URLISH = st.text(max_size=40) | st.sampled_from(
    [
        "https://news.example/a.html",
        "javascript:alert(1)",
        "file:///etc/passwd",
        "//x",
        "http://[::1",
        "https://news.example/a?b=1&amp;c=2",
        "\x00",
        "",
    ]
)
XML_BITS = st.sampled_from(
    [
        '<?xml version="1.0"?>',
        "<rss><channel>",
        "</channel></rss>",
        "<item>",
        "</item>",
        "<link>",
        "</link>",
        '<feed xmlns="http://www.w3.org/2005/Atom">',
        "</feed>",
        "<entry>",
        "</entry>",
        '<link href="',
        '"/>',
        "<updated>",
        "</updated>",
        "<pubDate>",
        "</pubDate>",
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
        "</urlset>",
        '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
        "</sitemapindex>",
        "<url>",
        "</url>",
        "<sitemap>",
        "</sitemap>",
        "<loc>",
        "</loc>",
        "<lastmod>",
        "</lastmod>",
        '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>',
        "&b;",
        "<![CDATA[",
        "]]>",
    ]
)
XMLISH = st.lists(XML_BITS | URLISH | st.text(max_size=20), max_size=40).map("".join)
DATES = st.text(max_size=40) | st.sampled_from(
    [
        "2026-11-18",
        "2026-11-18T10:00:00+01:00",
        "2026-13-45",
        "0000-00-00",
        "9999-12-31T23:59:59+14:00",
        "Mon, 02 Mar 2026 08:00:00 GMT",
        "18.11.2026",
        "31.02.2026",
        "1. Januar 1970",
        "-1",
        "1e309",
    ]
)
NOW = datetime(2026, 12, 3, tzinfo=timezone.utc)


@given(XMLISH | st.binary(max_size=500).map(lambda body: body.decode("latin-1")))
def test_feeds_parse_or_yield_nothing(text):
    entries = feed_entries(text.encode("utf-8", "surrogatepass"), "https://news.example/feed.xml")
    assert all(isinstance(entry.url, str) for entry in entries)


@given(XMLISH | st.binary(max_size=500).map(lambda body: body.decode("latin-1")))
def test_sitemaps_parse_or_say_invalid(text):
    kind, entries = sitemap_entries(text.encode("utf-8", "surrogatepass"))
    assert kind in ("sitemapindex", "urlset", "invalid")
    assert all(isinstance(entry.url, str) for entry in entries)


@given(st.lists(st.sampled_from(["Sitemap: ", "User-agent: *", "Disallow: /", "\n"]) | URLISH, max_size=20))
def test_robots_sitemap_lines_parse(parts):
    urls = robots_sitemaps("".join(parts).encode("utf-8", "surrogatepass"), "https://news.example/robots.txt")
    assert all(isinstance(url, str) for url in urls)


@given(DATES)
def test_dates_parse_to_iso_or_none(value):
    parsed = parse_date(value, now=NOW)
    assert parsed is None or datetime.fromisoformat(parsed)
    visible_dates(value)


OFFSETS = st.integers(min_value=-12 * 60, max_value=14 * 60).map(lambda minutes: timezone(timedelta(minutes=minutes)))


@given(
    st.datetimes(min_value=datetime(1996, 1, 1), max_value=datetime(2026, 12, 1), timezones=st.none() | OFFSETS),
    st.sampled_from(["T", " "]),
    st.sampled_from(["seconds", "milliseconds", "microseconds"]),
    st.booleans(),
)
def test_an_instant_is_spelled_one_way(moment, separator, timespec, colon):
    written = moment.isoformat(separator, timespec)
    if not colon and moment.tzinfo is not None:
        written = written[:-3] + written[-2:]  # "+0100", as PHP writes it
    parsed = parse_date(written, now=NOW)
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d", parsed)
    expected = moment.replace(microsecond=0)
    if expected.tzinfo is None:
        assert datetime.fromisoformat(parsed).replace(tzinfo=None) == expected
    else:
        assert datetime.fromisoformat(parsed) == expected


@given(URLISH, st.dictionaries(st.text(max_size=10), st.integers(min_value=0, max_value=10**6), max_size=5))
def test_trap_detection_answers_for_any_url(url, variants):
    assert trap_reason(url, variants) is None or isinstance(trap_reason(url, variants), str)


HTML_BITS = st.sampled_from(
    [
        "<nav>",
        "</nav>",
        "<footer>",
        "</footer>",
        "<aside>",
        "</aside>",
        "<article>",
        "</article>",
        "<header>",
        "</header>",
        "<h1>",
        "</h1>",
        "<h2><span id='toc'></span>",
        "</h2>",
        "<p>",
        "</p>",
        "<li>",
        "<ul>",
        "</ul>",
        "<main>",
        "</main>",
        '<script type="application/ld+json">{"@type": "NewsArticle"}</script>',
        "<!-- note -->",
        "Hafen ",
        "wächst weiter. ",
        " ",
    ]
)


@given(st.lists(HTML_BITS, max_size=40))
def test_the_page_is_as_it_was_after_its_preparation_for_trafilatura(bits):
    """What is taken out or unwrapped for trafilatura's passes is put back exactly: the field
    rules read the page after them."""
    tree = parse_html("<html><body>" + "".join(bits) + "<p>Ende</p></body></html>")
    before = lxml.html.tostring(tree)
    chrome = [
        element
        for element in tree.iter(*NEVER_EXTRACTED)
        if not MAY_HOLD_THE_STORY(element)
        and not any(outer.tag in NEVER_EXTRACTED for outer in element.iterancestors())
    ]
    # What is taken out is the chrome's own text; the text after each (its tail) stays.
    kept = len(tree.text_content()) - sum(len(element.text_content()) for element in chrome)
    with prepared_for_extraction(tree) as prepared:
        assert not any(element in chrome for element in prepared.iter())
        assert len(prepared.text_content()) == kept
    assert lxml.html.tostring(tree) == before


DATED_BITS = st.sampled_from(
    [
        '<div class="topbar"><span class="date">Mittwoch, 17. Juni 2015</span></div>',
        "<figure><figcaption>Archivbild vom 04.05.2019</figcaption></figure>",
        '<aside><span class="date">11.06.2015</span></aside>',
        '<div class="teaser"><h3>Andere</h3><time datetime="2015-06-12">12.06.2015</time></div>',
        '<script type="application/ld+json">{"@type": "VideoObject", "uploadDate": "2015-06-17"}</script>',
        "<p>Menü Start Wirtschaft Politik Sport Kultur Panorama Digital Meinung</p>",
        "<h1>Hafen wird erweitert</h1>",
        "<p>Von Anna Schmidt am 21. April 2026</p>",
        '<div class="ticker-entry"><time datetime="2015-06-18">18.06.2015, 14:32 Uhr</time><p>Der Rat hat abgestimmt.</p></div>',
        '<p><strong>Lesen Sie auch:</strong> <a href="/andere">Andere Geschichte</a> (10.06.2015)</p>',
        "<aside><h3>Kommentar</h3><p>Von Erika Musterfrau am 19.06.2015</p></aside>",
        "<p>Hafen wächst weiter.</p>",
        "<ul><li>12.03.2015: Erste Pläne</li><li>Mo., 13.03.2015 Beschluss</li></ul>",
    ]
)


@given(st.lists(st.one_of(HTML_BITS, DATED_BITS), max_size=30))
def test_the_page_is_as_it_was_after_its_dates_are_read(bits):
    """What is set aside while htmldate reads the page is put back exactly: the other field
    rules read the page after the dates."""
    tree = parse_html("<html><body>" + "".join(bits) + "<p>Ende</p></body></html>")
    before = lxml.html.tostring(tree)
    story = "Hafen wächst weiter.\nDer Rat hat abgestimmt.\nEnde"
    article_dates(tree, "https://news.example/a", headline="Hafen wird erweitert", text=story)
    assert lxml.html.tostring(tree) == before


# Ways of writing the first of March 2020 and near misses, and what stands between them.
FIRST_DAY_BITS = st.sampled_from(
    [
        "01.03.2020",
        "1.3.20",
        "1. 3. 2020",
        "1. März 2020",
        "1 March 2020",
        "March 1st, 2020",
        "2020-03-01",
        "2020/03/01",
        "1/3/2020",
        "3/1/2020",
        "11.03.2020",
        "01.03.20201",
        "1.3.2019",
        "2020",
        ".20",
        "1",
        "0",
        "3",
        ".",
        "/",
        " ",
        "\n",
        "März",
        "<b>",
        "x",
    ]
)


@given(st.lists(FIRST_DAY_BITS, max_size=40), st.sampled_from(["2020-03-01", "2020-01-01"]))
def test_the_first_of_a_month_is_found_wherever_the_whole_markup_shows_it(bits, day):
    """_prints_first_day searches around each place where the year could be: it finds what a
    search of the whole markup finds."""
    tree = parse_html("<html><body><p>" + "".join(bits) + "</p></body></html>")
    markup = lxml.etree.tostring(tree, encoding="unicode")
    assert _prints_first_day(tree, day) == bool(first_of_month(day).search(markup))


HEAD_BITS = st.sampled_from(
    [
        '<a rel="next" href="/2">',
        '<a rel="prev">',
        '<link rel="next" href="/2">',
        '<span rel="next">',
        '<div class="pagination">',
        '<ul class="nav-pagination__list">',
        '<link rel="canonical" href="https://news.example/a">',
        '<link rel="canonical">',
        '<link rel="alternate" hreflang="en" href="https://news.example/en/a">',
        '<link rel="alternate" hreflang="x-default" href="https://news.example/">',
        '<link rel="alternate" href="https://news.example/feed">',
        '<meta property="og:type" content=" article ">',
        '<meta property="og:type">',
        '<meta property="article:published_time" content="2026-03-12T06:30:00+01:00">',
        '<meta name="article:modified_time" content="2026-03-13">',
        "<p>Text</p>",
        "</div>",
        "</a>",
        "<main>",
        "</main>",
        '<div role="main">',
        '<section role="navigation">',
    ]
)


@given(st.lists(HEAD_BITS, max_size=30), st.booleans())
def test_page_facts_read_in_one_walk_are_what_their_xpath_finds(bits, in_head):
    """The canonical address, language versions, og:type, dates and pagination are read from one
    walk over the page's <meta> and <link> elements and its attributes; each is what the plain
    XPath expression of its definition finds, wherever the page puts the elements."""
    markup = "".join(bits)
    html = f"<html><head>{markup if in_head else ''}</head><body>{'' if in_head else markup}<p>Ende</p></body></html>"
    tree = parse_html(html)
    facts = page_metadata(tree)

    def first(expression):
        values = tree.xpath(expression)
        return values[0].strip() if values else None

    assert facts["og_type"] == first('//meta[@property="og:type"]/@content')
    assert facts["canonical"] == first('//link[@rel="canonical"]/@href')
    assert facts["alternates"] == {
        link.get("hreflang").strip(): link.get("href").strip()
        for link in tree.xpath('//link[@rel="alternate"][@hreflang][@href]')
        if link.get("hreflang").strip().lower() != "x-default"
    }
    expected_main = tree.xpath('(//main|//*[@role="main"])[1]')
    assert main_content(tree) is (expected_main[0] if expected_main else tree.find("body"))
    assert has_pagination(tree) == bool(
        tree.xpath(
            '//a[@rel="next"]|//link[@rel="next"]|//a[@rel="prev"]|//link[@rel="prev"]|//*[contains(@class, "pagination")]'
        )
    )


SHOWN_BITS = st.sampled_from(
    [
        "<div class='lead'>",
        "</div>",
        "<p>",
        "</p>",
        "<b>",
        "</b>",
        "<script>var ad = 1;</script>",
        "<style>.lead { color: red }</style>",
        "<noscript>Bitte JavaScript aktivieren</noscript>",
        "<!-- note -->",
        "Mat",
        "thias ",
        "Hafen\u00ad",
        " ",
    ]
)


@given(st.lists(SHOWN_BITS, max_size=30))
def test_an_elements_text_is_its_text_without_scripts_styles_and_noscript(bits):
    tree = parse_html("<html><body><div id='box'>" + "".join(bits) + "</div></body></html>")
    box = tree.get_element_by_id("box")
    expected = lxml.html.fromstring(lxml.html.tostring(box, with_tail=False))
    # The unseen elements out, the text after each (its tail) kept in its place.
    lxml.etree.strip_elements(expected, *UNSEEN_TEXT, with_tail=False)
    assert text_of(box) == plain_text(expected.text_content())


@given(st.text(max_size=60))
def test_any_class_attribute_is_read_for_a_lead_mark(classes):
    assert marks_lead(classes) in (True, False)
    # One class naming the lead marks it, whatever the others are.
    assert marks_lead(f"{classes} article-lead")


@given(
    st.lists(
        st.sampled_from(["FINTECH", "20. Juni 2019", "12:03 Uhr", "COP26", " ", "am ", "31:28", "ä"]) | DATES,
        max_size=8,
    )
)
def test_the_text_before_a_date_is_the_start_of_the_text(parts):
    text = "".join(parts)
    before = text_before_date(text)
    assert text.startswith(before)
    if not any(character.isdigit() for character in text):
        assert before == text


@given(st.lists(st.sampled_from(["Salzwiesen", " ", "(", ")", "2025", "mit Video", "x" * 31, "ä"]), max_size=8))
def test_a_title_part_without_its_note_in_brackets_is_its_start_or_nothing(pieces):
    part = "".join(pieces)
    without = _without_a_note(part)
    assert without == "" or (part.strip().startswith(without) and without == without.strip())
    if without:
        note = part.strip()[len(without) :].strip()
        assert note.startswith("(") and note.endswith(")") and len(note) <= LONGEST_TITLE_NOTE + 2


@given(
    st.text(max_size=40)
    | st.integers()
    | st.dictionaries(st.text(max_size=5), st.text(max_size=5), max_size=3)
    | st.lists(st.text(max_size=20) | st.none() | st.integers(), max_size=6)
)
def test_a_keywords_value_is_a_list_of_tags_each_once(value):
    tags = as_list(value)
    assert all(isinstance(tag, str) and tag and tag == tag.strip() and "," not in tag for tag in tags)
    assert len({tag.casefold() for tag in tags}) == len(tags)


@given(
    URLISH | st.sampled_from(["http://[", "//[::1", "/[x", "http://[2001:db8::1/a"]),
    st.sampled_from(["https://a.de/x/y.html", "http://[bad"]),
)
def test_an_address_a_page_gives_joins_its_own_or_is_none(address, base):
    joined = joined_web_url(base, address)
    assert joined is None or joined.startswith(("http://", "https://"))


@given(URLISH | st.sampled_from(["http://[2001:db8::1/page/2", "//[::1", "javascript:next()"]))
def test_a_listings_links_survive_any_next_link(href):
    from scrapy.http import HtmlResponse

    body = f'<html><body><a rel="next" href="{href}">weiter</a><a href="/wirtschaft/hafen.html">Hafen</a></body></html>'
    pagination, links = listing_links(
        HtmlResponse("https://www.rp-online.de/wirtschaft/", body=body.encode(), encoding="utf-8")
    )
    assert "https://www.rp-online.de/wirtschaft/hafen.html" in links + pagination


@given(
    st.lists(
        st.sampled_from(["©", "(c)", "Copyright", "2009", "2003-2024", " ", "|", "-", "·", "Alle Rechte"])
        | st.text(max_size=12),
        max_size=12,
    )
)
def test_a_footer_s_copyright_line_gives_a_short_name_or_none(parts):
    line = "".join(parts)
    tree = lxml.html.fromstring(f"<html><body><p>Text</p><footer><p>{html.escape(line)}</p></footer></body></html>")
    for holder in copyright_holders(tree):
        assert 3 <= len(holder) <= 60 and holder in " ".join(line.split())


CLASS_WORDS = st.sampled_from(
    [
        "hidden",
        "HIDDEN",
        "hİdden",
        "ſr-only",
        "sr-only",
        "visually-hidden",
        "overflow-hidden",
        "field--label-hidden",
        "print-hide",
        "hide",
        "screen-reader-text",
        "offscreen",
        "element-invisible",
        "teaser",
        "x",
        " ",
        "-",
        "_",
    ]
)


@given(st.lists(CLASS_WORDS | st.text(max_size=12), max_size=6).map("".join))
def test_the_quick_test_of_hiding_classes_agrees_with_their_expression(classes):
    assert hides(classes) == (HIDDEN_CLASSES.search(classes) is not None)
