"""A journalist's path through the archive in headless Chromium, against `newsarchive serve`.

Screenshots (1280×800) go to tests/artifacts/.
"""

import re
import sys
from pathlib import Path

import pytest

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


@pytest.fixture(scope="module")
def served_archive(demo_archive):
    """`newsarchive serve` on a free port of 127.0.0.1, ready once Uvicorn says it runs."""
    port = free_port(0)
    command = [sys.executable, "-m", "crawler", "serve", "--db", str(demo_archive["db_path"]), "--port", str(port)]
    with running_server(command, ready="Uvicorn running"):
        yield f"http://127.0.0.1:{port}"


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
    page.goto(served_archive + "/")
    assert "newsarchive" in page.title()
    page.screenshot(path=ARTIFACTS / "1-home.png")

    # The home page searches every searchable table (datasette-search-all).
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
    assert feed.count("<entry>") == page.locator("td.col-title").count() >= 5
    assert f"<title>{best_match}</title>" in feed
    (ARTIFACTS / "feed.atom").write_text(feed, encoding="utf-8")
