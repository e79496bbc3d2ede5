"""A journalist's path through the archive in headless Chromium, against `newsarchive serve`.

Screenshots go to tests/artifacts/: the analysts' path at 1280×800, the journalists' pages at
1400 and 390 pixels wide (a desktop and a phone), each checked with axe-core.
"""

import re
import sys
from pathlib import Path
from xml.etree import ElementTree

import pytest

from archive.publishing.publish import metadata_file_for
from crawler.demo import free_port
from tests.conftest import running_server

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
# No internet here: nothing in the background may try to reach it.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

playwright = pytest.importorskip("playwright.sync_api")
Axe = pytest.importorskip("axe_playwright_python.sync_playwright").Axe


@pytest.fixture(scope="module")
def served_archive(demo_archive):
    """`newsarchive serve` on a free port of 127.0.0.1, ready once Uvicorn says it runs."""
    port = free_port(0)
    command = [sys.executable, "-m", "crawler", "serve", "--db", str(demo_archive["db_path"]), "--port", str(port)]
    with running_server(command, ready="Uvicorn running"):
        yield f"http://127.0.0.1:{port}"
    # A server keeps its metadata file for the next start; the test's archive has none.
    metadata_file_for(demo_archive["db_path"]).unlink(missing_ok=True)


@pytest.fixture(scope="module")
def page():
    if not CHROMIUM.exists():
        pytest.fail("Chromium is missing: run `make browser` (make test does)")
    ARTIFACTS.mkdir(exist_ok=True)
    with playwright.sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser.new_page(viewport={"width": 1280, "height": 800})
        browser.close()


def test_search_read_and_subscribe(served_archive, page):
    """The analysts' path: search-all, the articles table, a row, the ranked query and its feed."""
    page.goto(served_archive + "/")
    assert "newsarchive" in page.title()
    page.screenshot(path=ARTIFACTS / "1-home.png")

    # Search across every searchable table (datasette-search-all), linked from every page.
    page.click("text=Search all tables")
    page.wait_for_url(re.compile(r"/-/search$"))
    page.fill("input[name=q]", "förderung")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/-/search\?q="))
    all_results = page.locator("h2 a", has_text="result")
    all_results.first.wait_for()
    page.screenshot(path=ARTIFACTS / "2-search-all.png")

    all_results.first.click()
    page.wait_for_url(re.compile(r"/demo/articles\?_search="))
    assert "Wirtschaftsförderung" in page.content()
    page.screenshot(path=ARTIFACTS / "3-articles-search.png")
    page.locator("td.type-pk a[href*='/demo/articles/']").first.click()
    page.wait_for_url(re.compile(r"/demo/articles/\d+$"))
    paragraphs = page.locator(".article-text p")
    assert paragraphs.count() >= 3
    assert page.locator("a[href^='http://127.0.0.1']").count() >= 1  # link to the original
    page.screenshot(path=ARTIFACTS / "4-article.png", full_page=False)

    # Ranked search, then its Atom feed.
    page.goto(served_archive + "/demo/search?q=f%C3%B6rderung")
    page.screenshot(path=ARTIFACTS / "5-ranked-search.png")
    atom_link = page.locator("a[href*='.atom']").first
    href = atom_link.get_attribute("href")
    response = page.request.get(served_archive + href if href.startswith("/") else href)
    assert response.status == 200
    feed = response.text()
    best_match = page.locator("td.col-title").first.inner_text()
    kicker = page.locator("td.col-kicker").first.inner_text().strip()
    assert feed.count("<entry>") == page.locator("td.col-title").count() >= 5
    # An entry is titled "Kicker: Headline" (the demo site marks a kicker above each headline).
    assert f"<title>{kicker + ': ' if kicker else ''}{best_match}</title>" in feed
    (ARTIFACTS / "feed.atom").write_text(feed, encoding="utf-8")


def assert_accessible(page, name: str):
    """No serious or critical axe-core violations on the page shown."""
    results = Axe().run(page)
    violations = [
        (violation["id"], violation["impact"], [node["target"] for node in violation["nodes"]][:3])
        for violation in results.response["violations"]
        if violation["impact"] in ("serious", "critical")
    ]
    assert not violations, f"{name}: {violations}"


@pytest.mark.parametrize("width", [1400, 390])
def test_newsroom_search_article_company_and_feed(served_archive, page, width):
    """The journalists' path at a desktop's and a phone's width: type a search, open a hit,
    follow a company, subscribe; each page checked with axe-core."""
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(served_archive + "/")
    page.locator("h2", has_text="Newest stories").wait_for()
    assert_accessible(page, "home")
    page.screenshot(path=ARTIFACTS / f"newsroom-{width}-1-home.png", full_page=True)

    page.get_by_label("Search the archive").fill("Messe Düsseldorf")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/\?q=Messe"))
    assert page.locator("h2#results-heading").inner_text().endswith("found")
    assert page.locator(".hit mark").count() >= 1
    assert page.locator("svg.chart rect").count() >= 1
    assert_accessible(page, "results")
    page.screenshot(path=ARTIFACTS / f"newsroom-{width}-2-results.png", full_page=True)
    if width < 500:  # nothing wider than a phone's screen
        assert page.evaluate("document.documentElement.scrollWidth") <= width

    feed_href = page.locator("a.subscribe").get_attribute("href")
    page.locator(".hit h3 a", has_text="Messebauer").click()
    page.wait_for_url(re.compile(r"/a/\d+$"))
    assert page.locator(".article-text p").count() >= 3
    assert_accessible(page, "article")
    page.screenshot(path=ARTIFACTS / f"newsroom-{width}-3-article.png", full_page=True)

    page.locator(".mentions a", has_text="Messe Düsseldorf").click()
    page.wait_for_url(re.compile(r"/company/messe-duesseldorf$"))
    assert page.locator("svg.chart rect").count() >= 1
    assert page.locator(".hit h3 a").count() >= 2
    assert_accessible(page, "company")
    page.screenshot(path=ARTIFACTS / f"newsroom-{width}-4-company.png", full_page=True)

    response = page.request.get(served_archive + feed_href)
    assert response.status == 200
    entries = ElementTree.fromstring(response.body()).findall("{http://www.w3.org/2005/Atom}entry")
    assert entries

    # What went wrong is said in the same accessible page frame.
    page.goto(served_archive + "/?q=Messe&since=2026-13-45&page=" + "x" * 150 + "&source=" + "y" * 150)
    assert page.locator(".search-problems li").count() == 2
    assert_accessible(page, "search with problems")
    if width < 500:  # long values typed into the address wrap
        assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert page.goto(served_archive + "/a/abc").status == 404
    assert_accessible(page, "no such article")


def test_newsroom_without_javascript(served_archive, page):
    """The form, the date range, the order, a facet and the feed work with scripts off: the
    pages are made on the server."""
    context = page.context.browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 900})
    plain = context.new_page()
    plain.goto(served_archive + "/")
    plain.get_by_label("Search the archive").fill("förderung")
    plain.get_by_label("From").fill("2026-07-01")
    plain.get_by_label("Order").select_option("newest")
    plain.get_by_role("button", name="Search").click()
    plain.wait_for_url(re.compile(r"since=2026-07-01.*sort=newest"), wait_until="domcontentloaded")
    plain.locator(".facets").get_by_role("link", name="Düsseldorf", exact=True).click()
    plain.wait_for_url(re.compile(r"place=duesseldorf"), wait_until="domcontentloaded")
    found = int(re.match(r"(\d+) articles? found", plain.locator("h2#results-heading").inner_text())[1])
    days = plain.locator(".hit-meta time").evaluate_all("times => times.map(time => time.dateTime)")
    assert found and days == sorted(days, reverse=True) and min(days) >= "2026-07-01"
    plain.screenshot(path=ARTIFACTS / "newsroom-390-5-without-javascript.png", full_page=True)
    response = plain.request.get(served_archive + plain.locator("a.subscribe").get_attribute("href"))
    entries = ElementTree.fromstring(response.body()).findall("{http://www.w3.org/2005/Atom}entry")
    assert len(entries) == found
    context.close()
