"""Canonical URLs on a table of real-looking news URLs, and the dupe filter that uses them."""

import pytest
from scrapy import Request
from scrapy.utils.test import get_crawler

from archive.canonical import canonical_url
from crawler.fetch.fingerprint import CanonicalRequestFingerprinter

BASE = "https://rp-online.de/nrw/staedte/duesseldorf/messebauer-volle-auftragsbuecher_aid-123456"

URL_TABLE = [
    # tracking parameters
    (BASE + "?utm_source=twitter&utm_medium=social&utm_campaign=rpo", BASE),
    (BASE + "?fbclid=IwAR2xYz_ABC", BASE),
    (BASE + "?gclid=EAIaIQobChMI", BASE),
    (BASE + "?mc_cid=4f1a2b&mc_eid=9c8d7e", BASE),
    (BASE + "?wt_mc=rss.red.unbekannt.unbekannt.unbekannt", BASE),
    (
        "https://www.wiwo.de/unternehmen/a-123.html?WT_ZMC=nl.wiwo&_hsenc=p2AN&mkt_tok=abc",
        "https://www.wiwo.de/unternehmen/a-123.html",
    ),
    (
        "https://www.waz.de/wirtschaft/x-id400.html?xtor=RSS-1&at_medium=feed&ocid=msedgntp",
        "https://www.waz.de/wirtschaft/x-id400.html",
    ),
    (
        "https://www1.wdr.de/nachrichten/wirtschaft/a-100.html?PHPSESSID=0a1b2c3d",
        "https://www1.wdr.de/nachrichten/wirtschaft/a-100.html",
    ),
    # parameters that matter stay, sorted
    (
        "https://www.ihk.de/niederrhein/presse?page=2&category=handel",
        "https://www.ihk.de/niederrhein/presse?category=handel&page=2",
    ),
    (
        "https://www.stadt-koeln.de/artikel/1234/index.html?kontrast=1&id=7&utm_term=x",
        "https://www.stadt-koeln.de/artikel/1234/index.html?id=7&kontrast=1",
    ),
    # AMP renderings
    ("https://www.ksta.de/koeln/hafen-ausbau-123/amp/", "https://www.ksta.de/koeln/hafen-ausbau-123/"),
    ("https://www.ksta.de/amp/koeln/hafen-ausbau-123", "https://www.ksta.de/koeln/hafen-ausbau-123"),
    (
        "https://www.handelsblatt.com/unternehmen/a/100.html?amp=1",
        "https://www.handelsblatt.com/unternehmen/a/100.html",
    ),
    ("https://www.wz.de/nrw/story.amp.html", "https://www.wz.de/nrw/story.html"),
    ("https://www.nrz.de/wirtschaft/a-id1.html?outputType=amp", "https://www.nrz.de/wirtschaft/a-id1.html"),
    # print renderings
    ("https://www.derwesten.de/print/wirtschaft/a-id2.html", "https://www.derwesten.de/wirtschaft/a-id2.html"),
    ("https://www.ruhrnachrichten.de/dortmund/a-w1.html?print=1", "https://www.ruhrnachrichten.de/dortmund/a-w1.html"),
    (
        "https://www.ruhrnachrichten.de/dortmund/a-w1.html?view=print&seite=2",
        "https://www.ruhrnachrichten.de/dortmund/a-w1.html?seite=2",
    ),
    ("https://www.wa.de/wirtschaft/a-9.print.html", "https://www.wa.de/wirtschaft/a-9.html"),
    # fragments, default ports, host case
    (BASE + "#kommentare", BASE),
    ("https://RP-Online.DE:443/wirtschaft/a.html", "https://rp-online.de/wirtschaft/a.html"),
    ("http://www.WDR.de:80/wirtschaft/a.html#top", "http://www.wdr.de/wirtschaft/a.html"),
    ("https://duesseldorf.de:8443/wirtschaft/a.html", "https://duesseldorf.de:8443/wirtschaft/a.html"),
    # slashes
    ("https://www.business-metropole.ruhr", "https://www.business-metropole.ruhr/"),
    ("https://www.duesseldorf.de/wirtschaft/news.html/", "https://www.duesseldorf.de/wirtschaft/news.html"),
    ("https://www.duesseldorf.de//wirtschaft//news.html", "https://www.duesseldorf.de/wirtschaft/news.html"),
    ("https://www.duesseldorf.de/wirtschaft/", "https://www.duesseldorf.de/wirtschaft/"),
    # everything at once
    (
        "HTTPS://WWW.Ksta.DE:443/amp/koeln/a.html?utm_source=nl&b=2&a=1&fbclid=x#absatz-3",
        "https://www.ksta.de/koeln/a.html?a=1&b=2",
    ),
]


@pytest.mark.parametrize(("url", "expected"), URL_TABLE)
def test_canonical_url_table(url, expected):
    assert canonical_url(url) == expected
    # Normalising twice changes nothing.
    assert canonical_url(expected) == expected


def test_declared_canonical_on_same_site_folds_variants():
    amp = "https://www.ksta.de/koeln/hafen-ausbau-123/amp/?utm_source=google"
    assert (
        canonical_url(amp, "https://ksta.de/koeln/hafen-ausbau-123?fbclid=1")
        == "https://ksta.de/koeln/hafen-ausbau-123"
    )
    # A canonical on another site marks a syndicated copy: the copy keeps its own address.
    assert canonical_url(amp, "https://www.dpa.com/story/123") == "https://www.ksta.de/koeln/hafen-ausbau-123/"


@pytest.mark.parametrize("home", ["https://www.ksta.de/", "https://ksta.de", "https://www.ksta.de/index.php"])
def test_a_canonical_naming_the_home_page_is_not_an_articles(home):
    article = "https://www.ksta.de/koeln/hafen-ausbau-123"
    assert canonical_url(article, home) == article
    # The home page itself may name itself so.
    assert canonical_url("https://www.ksta.de/", home) == canonical_url(home)


def test_articles_whose_template_names_the_home_page_canonical_are_stored_apart(tmp_path):
    from archive.storage.store import open_archive, store_article
    from crawler.extraction.extract import extract_article
    from tests.test_metadata import STORY

    db = open_archive(tmp_path / "archive.db")
    db["sources"].insert({"id": "ksta", "name": "KStA"})
    for number in (1, 2):
        html = (
            '<html><head><link rel="canonical" href="https://www.ksta.de/"></head><body><article>'
            f"<h1>Hafen wird erweitert, Teil {number}</h1>"
            + f"<p>Teil {number}: {STORY}</p>" * 3
            + "</article></body></html>"
        )
        store_article(db, extract_article(html, f"https://www.ksta.de/koeln/hafen-{number}"), source="ksta")
    assert [row["url"] for row in db.query("select url from articles order by id")] == [
        "https://www.ksta.de/koeln/hafen-1",
        "https://www.ksta.de/koeln/hafen-2",
    ]


def test_dupe_filter_fingerprint_uses_canonical_url():
    crawler = get_crawler(
        settings_dict={
            "REQUEST_FINGERPRINTER_CLASS": "crawler.fetch.fingerprint.CanonicalRequestFingerprinter",
        }
    )
    fingerprinter = crawler.request_fingerprinter
    assert isinstance(fingerprinter, CanonicalRequestFingerprinter)
    plain = fingerprinter.fingerprint(Request(BASE))
    for variant in (BASE + "?utm_source=x#top", BASE.replace("rp-online.de", "RP-ONLINE.de:443") + "?amp=1"):
        assert fingerprinter.fingerprint(Request(variant)) == plain
    assert fingerprinter.fingerprint(Request(BASE + "-2")) != plain
    assert fingerprinter.fingerprint(Request(BASE, method="POST")) != plain
