"""Onboarding a source: `newsarchive sources add` and `sources check` against a local news site."""

import json
from email.utils import formatdate

import pytest
import yaml

from crawler.demosite import DemoSiteServer, Page
from crawler.onboard import default_id, learn_article_pattern, sample_warnings
from crawler.sources import load_sources
from tests.conftest import run_cli

LAST_MODIFIED = formatdate(1767225600, usegmt=True)
TOPICS = [
    ("Hafenbetreiber baut Terminal in Duisburg aus", "Duisburg", "duisport"),
    ("Stahlhersteller testet Wasserstoff in Dortmund", "Dortmund", "thyssenkrupp"),
    ("Roboterbauer eröffnet Büro in Düsseldorf", "Düsseldorf", "Doosan Robotics Inc."),
    ("Chemiepark in Marl stellt 80 Fachkräfte ein", "Marl", "Evonik"),
    ("Energieversorger plant Speicher in Hamm", "Hamm", "RWE"),
    ("Logistiker zieht nach Neuss", "Neuss", "Rheinanker GmbH"),
]
SENTENCES = [
    "Das Vorhaben soll in den kommenden zwei Jahren umgesetzt werden, teilte das Unternehmen mit.",
    "Nach Angaben der Geschäftsführung fließen mehrere Millionen Euro in Gebäude und Technik.",
    "Die Wirtschaftsförderung begleitet die Planung und hilft bei der Suche nach Fachkräften.",
    "Branchenkenner sehen darin ein Zeichen für die Stärke des Standorts im Westen Deutschlands.",
    "Gewerkschaften begrüßen die Pläne, fordern aber verbindliche Zusagen für die Belegschaft.",
    "Kunden aus dem Maschinenbau und der Chemie sollen von kürzeren Lieferzeiten profitieren.",
]


def article_html(number: int, title: str, place: str, company: str) -> str:
    paragraphs = "".join(
        f"<p>{company} investiert in {place}. {' '.join(SENTENCES[(number + i) % 6 :] + SENTENCES[: (number + i) % 6])}</p>"
        for i in range(4)
    )
    published = f"2026-03-{number + 2:02d}T08:30:00+01:00"
    return f"""<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>{title} | Niederrhein Kurier</title>
<meta property="og:type" content="article"><meta property="article:published_time" content="{published}">
<meta name="author" content="Redaktion Wirtschaft"></head><body><nav><a href="/">Start</a> <a href="/wirtschaft/">Wirtschaft</a></nav>
<article><h1>{title}</h1><p class="byline">Von Redaktion Wirtschaft · <time datetime="{published}">{published[:10]}</time></p>
{paragraphs}</article><footer><a href="/impressum.html">Impressum</a></footer></body></html>"""


def article_path(number: int) -> str:
    return f"/wirtschaft/2026/03/meldung-{number}-{4700 + number}.html"


def html(body: str) -> Page:
    return Page(body.encode("utf-8"), "text/html; charset=utf-8", LAST_MODIFIED)


def build_site(base: str) -> dict[str, Page]:
    """A small regional news site: feed link, robots.txt with a news sitemap, a business section."""
    pages = {}
    teasers = ""
    for number, (title, place, company) in enumerate(TOPICS):
        pages[article_path(number)] = html(article_html(number, title, place, company))
        teasers += f'<li><a href="{article_path(number)}">{title}</a></li>'
    pages["/"] = (
        html(f"""<!DOCTYPE html><html lang="de-DE"><head><meta charset="utf-8"><title>Niederrhein Kurier</title>
<meta property="og:type" content="website"><meta property="og:site_name" content="Niederrhein Kurier">
<link rel="alternate" type="application/rss+xml" title="Wirtschaft" href="/rss/wirtschaft.xml"></head>
<body><nav><a href="/wirtschaft/">Wirtschaft</a> <a href="/sport/">Sport</a> <a href="/kultur/">Kultur</a>
<a href="/blog/">Blog</a></nav><ul>{teasers}</ul><footer><a href="/impressum.html">Impressum</a>
<a href="/kontakt.html">Kontakt</a></footer></body></html>""")
    )
    pages["/wirtschaft/"] = html(f"""<!DOCTYPE html><html lang="de"><head><title>Wirtschaft | Niederrhein Kurier</title>
<meta property="og:type" content="website"></head><body><h1>Wirtschaft</h1><ul>{teasers}</ul>
<a href="/wirtschaft/seite-2.html" rel="next">Weiter</a></body></html>""")
    for path, title in (
        ("/sport/", "Sport"),
        ("/kultur/", "Kultur"),
        ("/impressum.html", "Impressum"),
        ("/kontakt.html", "Kontakt"),
        ("/wirtschaft/seite-2.html", "Wirtschaft – Seite 2"),
    ):
        pages[path] = html(
            f'<!DOCTYPE html><html lang="de"><head><title>{title}</title>'
            f'<meta property="og:type" content="website"></head><body><h1>{title}</h1></body></html>'
        )
    items = "".join(
        f"<item><title>{title}</title><link>{base}{article_path(n)}</link></item>"
        for n, (title, _, _) in enumerate(TOPICS)
    )
    pages["/rss/wirtschaft.xml"] = Page(
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>Wirtschaft</title>{items}</channel></rss>'.encode(),
        "application/rss+xml",
        LAST_MODIFIED,
    )
    urls = "".join(
        f"<url><loc>{base}{article_path(n)}</loc><news:news><news:publication><news:name>Kurier</news:name>"
        f"<news:language>de</news:language></news:publication><news:publication_date>2026-03-0{n + 2}"
        f"</news:publication_date><news:title>{title}</news:title></news:news></url>"
        for n, (title, _, _) in enumerate(TOPICS)
    )
    pages["/sitemaps/news.xml"] = Page(
        (
            '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
            f'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">{urls}</urlset>'
        ).encode(),
        "application/xml",
        LAST_MODIFIED,
    )
    pages["/robots.txt"] = Page(
        f"User-agent: *\nDisallow: /intern/\nSitemap: {base}/sitemaps/news.xml\n".encode(), "text/plain", LAST_MODIFIED
    )
    # A blog whose pages have no date, one shared title and little text: what `check` warns about.
    posts = ""
    for number in range(3):
        pages[f"/blog/post-{number}.html"] = html(
            '<!DOCTYPE html><html lang="de"><head><title>Kurier Blog</title></head><body><main>'
            f"<p>Kurze Notiz Nummer {number} aus der Redaktion über das Wetter am Niederrhein "
            "und die Stimmung in der Stadt, mehr gibt es heute nicht zu berichten.</p></main></body></html>"
        )
        posts += f'<a href="/blog/post-{number}.html">Notiz {number}</a> '
    pages["/blog/"] = html(
        f'<!DOCTYPE html><html lang="de"><head><title>Blog</title></head><body>{posts}</body></html>'
    )
    return pages


@pytest.fixture(scope="module")
def news_site():
    site = DemoSiteServer(pages={})
    site.pages.update(build_site(site.base_url))
    with site:
        yield site


def test_learn_article_pattern():
    articles = ["http://x.de/ruhr/2026/10/a-b.html", "http://x.de/koeln/2025/01/c-d.html"]
    others = ["http://x.de/", "http://x.de/ruhr/", "http://x.de/impressum.html"]
    assert learn_article_pattern(articles, others) == r"/\d{4}/\d{2}/"
    ids = ["http://x.de/wirtschaft/firma-baut-werk-123456.html", "http://x.de/lokales/neuer-chef-987654.html"]
    assert learn_article_pattern(ids, others + ["http://x.de/2026/01/"]) == r"-\d{5,}\.html?$"
    assert learn_article_pattern(["http://x.de/a", "http://x.de/b"], ["http://x.de/c"]) is None
    assert learn_article_pattern([], others) is None


def test_default_id():
    assert default_id("https://www.rp-online.de/wirtschaft/") == "rp-online"
    assert default_id("http://127.0.0.1:8123/") == "127-0-0-1-8123"


def test_sample_warnings():
    good = {"title": "A", "published": "2026-01-01", "word_count": 300}
    assert sample_warnings([good, {**good, "title": "B"}]) == []
    rows = [{"title": "Blog", "published": None, "word_count": 20} for _ in range(3)]
    warnings = sample_warnings(rows)
    assert "3 of 3 pages: no date" in warnings
    assert "3 of 3 pages: text too short" in warnings
    assert any(warning.startswith("same title on all 3 pages") for warning in warnings)
    assert rows[0]["warnings"] == "no date, text too short (20 words)"


def test_sources_add_proposes_and_writes_entry(news_site, tmp_path):
    base = news_site.base_url
    sources = tmp_path / "sources.yml"
    original = (
        "# Our sources.\n# Keep this comment.\nsources:\n"
        "  - id: existing   # a comment on the first source\n"
        "    feeds: [https://example.org/feed.xml]\n"
    )
    sources.write_text(original, encoding="utf-8")

    result = run_cli("sources", "add", f"{base}/", "--id", "kurier", "--sources", sources, "--write")
    assert "feed(s) declared" in result.stdout
    assert "news sitemap found" in result.stdout

    text = sources.read_text(encoding="utf-8")
    assert text.startswith(original)  # comments and the existing entry kept, new one appended
    entry = yaml.safe_load(text)["sources"][1]
    assert entry == {
        "id": "kurier",
        "name": "Niederrhein Kurier",
        "homepage": f"{base}/",
        "language": "de",
        "feeds": [f"{base}/rss/wirtschaft.xml"],
        "sitemaps": [f"{base}/sitemaps/news.xml"],
        "start_urls": [f"{base}/wirtschaft/"],
        "article_pattern": r"/\d{4}/\d{2}/",
    }
    assert [source.id for source in load_sources(sources)] == ["existing", "kurier"]
    assert news_site.fetched("/robots.txt") >= 1

    again = run_cli("sources", "add", f"{base}/", "--id", "kurier", "--sources", sources, "--write", check=False)
    assert again.returncode == 2
    assert "already exists" in again.stderr
    assert sources.read_text(encoding="utf-8") == text


def test_sources_add_unreachable_site_fails_cleanly(tmp_path):
    result = run_cli("sources", "add", "http://127.0.0.1:9/", check=False)
    assert result.returncode == 1
    assert "no HTML homepage" in result.stderr


def test_sources_check_reports_pages_and_warnings(news_site, tmp_path):
    base = news_site.base_url
    sources = tmp_path / "sources.yml"
    common = {"homepage": f"{base}/", "download_delay": 0}
    sources.write_text(
        yaml.safe_dump(
            {
                "sources": [
                    {
                        "id": "kurier",
                        **common,
                        "feeds": [f"{base}/rss/wirtschaft.xml"],
                        "article_pattern": r"/\d{4}/\d{2}/",
                    },
                    {"id": "kurier-blog", **common, "start_urls": [f"{base}/blog/"], "article_pattern": "/blog/post-"},
                ]
            }
        ),
        encoding="utf-8",
    )

    good = run_cli(
        "sources",
        "check",
        "kurier",
        "--sources",
        sources,
        "--json",
        "--pages",
        "8",
        "--set",
        "AUTOTHROTTLE_ENABLED=False",
    )
    report = json.loads(good.stdout)
    assert report["warnings"] == []
    assert 1 <= len(report["pages"]) <= 8
    page = report["pages"][0]
    assert page["title"] in [title for title, _, _ in TOPICS]
    assert page["published"].startswith("2026-03-")
    assert page["author"] == "Redaktion Wirtschaft"
    assert page["language"] == "de" and page["word_count"] >= 120

    bad = run_cli("sources", "check", "kurier-blog", "--sources", sources, "--set", "AUTOTHROTTLE_ENABLED=False")
    assert "warning: 3 of 3 pages: no date" in bad.stdout
    assert "text too short" in bad.stdout
    assert "same title on all 3 pages" in bad.stdout

    unknown = run_cli("sources", "check", "nope", "--sources", sources, check=False)
    assert unknown.returncode == 2


def test_a_homepage_redirecting_to_no_web_address_is_one_line():
    page = Page(b"", "text/html", formatdate(usegmt=True), location="http://[2001:db8::1/start")
    with DemoSiteServer(host="127.0.0.3", pages={"/": page}) as site:
        result = run_cli("sources", "add", f"{site.base_url}/", check=False)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and "unreadable redirect" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
