"""The bundled demo site itself: content, links, feeds and HTTP behaviour, over real HTTP."""

import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from collections import Counter

import pytest

from crawler.demosite import NON_ARTICLE_PATHS, SECTIONS, listing_path, section_pages


def fetch(site, path, headers=None):
    request = urllib.request.Request(site.base_url + path, headers=headers or {})
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.status, dict(response.headers), response.read()


def test_enough_original_articles_in_both_languages(demo_articles):
    languages = Counter(article.language for article in demo_articles)
    assert len(demo_articles) >= 36
    assert languages["de"] >= 24 and languages["en"] >= 8
    assert len({article.slug for article in demo_articles}) == len(demo_articles)
    for article in demo_articles:
        words = sum(len(paragraph.split()) for paragraph in article.paragraphs)
        assert 200 <= words <= 500, (article.slug, words)
        assert article.section in SECTIONS


def test_each_keyword_belongs_to_one_article(demo_articles):
    for article in demo_articles:
        holders = [
            other.slug for other in demo_articles if article.keyword.casefold() in " ".join(other.paragraphs).casefold()
        ]
        assert holders == [article.slug], article.keyword


def test_every_article_is_listed_and_in_the_sitemap(demo_site, demo_articles):
    listed = set()
    for section in SECTIONS:
        for number in range(1, len(section_pages(demo_articles, section)) + 1):
            _, _, body = fetch(demo_site, listing_path(section, number))
            listed |= {a.path for a in demo_articles if f'href="{a.path}"'.encode() in body}
    assert listed == {article.path for article in demo_articles}
    _, _, sitemap = fetch(demo_site, "/sitemap-articles.xml")
    locations = {loc.text for loc in ET.fromstring(sitemap).iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")}
    assert locations == {demo_site.base_url + a.path for a in demo_articles}


def test_feed_and_robots(demo_site):
    _, headers, feed = fetch(demo_site, "/feed.xml")
    assert headers["Content-Type"].startswith("application/rss+xml")
    assert len(ET.fromstring(feed).findall("./channel/item")) == 15
    _, _, robots = fetch(demo_site, "/robots.txt")
    assert f"Sitemap: {demo_site.base_url}/sitemap.xml".encode() in robots
    assert b"Disallow: /intern/" in robots


def test_conditional_get_and_404(demo_site, demo_articles):
    path = demo_articles[0].path
    status, headers, _ = fetch(demo_site, path)
    assert status == 200
    with pytest.raises(urllib.error.HTTPError) as not_modified:
        fetch(demo_site, path, {"If-None-Match": headers["ETag"]})
    assert not_modified.value.code == 304
    with pytest.raises(urllib.error.HTTPError) as since:
        fetch(demo_site, path, {"If-Modified-Since": headers["Last-Modified"]})
    assert since.value.code == 304
    with pytest.raises(urllib.error.HTTPError) as missing:
        fetch(demo_site, "/gibt-es-nicht.html")
    assert missing.value.code == 404
    assert ("GET", "/gibt-es-nicht.html", 404) in demo_site.requests


def test_non_article_pages_are_served(demo_site):
    assert "/impressum.html" in NON_ARTICLE_PATHS and "/ruhr/seite-2.html" in NON_ARTICLE_PATHS
    for path in NON_ARTICLE_PATHS:
        status, _, _ = fetch(demo_site, path)
        assert status == 200, path
