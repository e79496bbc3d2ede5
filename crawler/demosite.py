"""The bundled demo news site "Rhein-Ruhr Wirtschaft", served on 127.0.0.1.

Used by ``newsarchive demo`` and by the tests. The articles are original texts in
``demo_site/articles/*.md`` (YAML front matter, paragraphs separated by blank lines). The
site around them is rendered like a real regional news portal: navigation, cookie banner,
sidebar, footer, section listings with pagination, tag pages, an RSS feed, a sitemap index
with a Google News sitemap, robots.txt, and pages that are not articles.
"""

import hashlib
import html
import itertools
import json
import random
import re
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Iterator
from urllib.parse import urlsplit

import yaml

DEFAULT_ARTICLES_DIR = Path(__file__).parent / "demo_site" / "articles"
SITE_NAME = "Rhein-Ruhr Wirtschaft"
SECTIONS = {
    "duesseldorf": ("Düsseldorf", "de"),
    "ruhr": ("Ruhr", "de"),
    "koeln": ("Köln", "de"),
    "english": ("English", "en"),
}
PAGE_SIZE = 5
FEED_SIZE = 15
NEWS_SITEMAP_SIZE = 10
# The calendar links one month onward up to here: a bounded stand-in for endless calendars.
CALENDAR_MONTHS = ["2026-11", "2026-12", "2027-01", "2027-02", "2027-03"]
STATIC_PAGES = ["/impressum.html", "/datenschutz.html", "/kontakt.html"]


@dataclass(frozen=True)
class DemoArticle:
    """One demo article, parsed from its ``.md`` file."""

    slug: str
    section: str
    language: str
    title: str
    lead: str
    authors: list[str]
    published: str
    modified: str | None
    tags: list[str]
    keyword: str
    paragraphs: list[str] = field(repr=False)

    @property
    def path(self) -> str:
        """URL path, e.g. ``/ruhr/2026/10/wasserstoff-hafen-duisburg.html``."""
        return f"/{self.section}/{self.published[:4]}/{self.published[5:7]}/{self.slug}.html"

    @property
    def published_at(self) -> datetime:
        return datetime.fromisoformat(self.published)

    @property
    def changed_at(self) -> datetime:
        return datetime.fromisoformat(self.modified or self.published)


@dataclass(frozen=True)
class Page:
    """A response the demo server sends: body, type and validators for conditional GETs."""

    body: bytes
    content_type: str
    last_modified: str
    location: str = ""  # a redirect: answered 301 with this Location
    status: int = 200  # another status (410 Gone, a 404 with the site's own error page) for this body

    @property
    def etag(self) -> str:
        return '"' + hashlib.sha1(self.body).hexdigest() + '"'


def load_articles(directory: Path = DEFAULT_ARTICLES_DIR) -> list[DemoArticle]:
    """All demo articles, newest first."""
    articles = [parse_article(path.read_text(encoding="utf-8")) for path in sorted(directory.glob("*.md"))]
    return sorted(articles, key=lambda article: article.published_at, reverse=True)


def parse_article(text: str) -> DemoArticle:
    _, front, body = text.split("---\n", 2)
    meta = yaml.safe_load(front)
    paragraphs = [" ".join(block.split()) for block in re.split(r"\n\s*\n", body) if block.strip()]
    return DemoArticle(
        slug=meta["slug"],
        section=meta["section"],
        language=meta["language"],
        title=meta["title"],
        lead=meta["lead"],
        authors=[name.strip() for name in str(meta["author"]).split(",")],
        published=_iso(meta["published"]),
        modified=_iso(meta["modified"]) if meta.get("modified") else None,
        tags=list(meta.get("tags") or []),
        keyword=str(meta["keyword"]),
        paragraphs=paragraphs,
    )


def synthetic_articles(count: int, seed: int = 1, base: list[DemoArticle] | None = None) -> list[DemoArticle]:
    """``count`` articles made from the demo articles' sentences, for load tests; newest first.

    The first ``count`` of :func:`iter_synthetic_articles`; articles are one hour apart, going
    back from the newest demo article.
    """
    return list(itertools.islice(iter_synthetic_articles(seed, base), count))


def iter_synthetic_articles(seed: int = 1, base: list[DemoArticle] | None = None) -> Iterator[DemoArticle]:
    """Endless synthetic news articles, deterministic for a ``seed``.

    Each article takes a demo article's section, language, authors and tags, and 10–24
    sentences drawn from all demo sentences of its language, a fifth of their words swapped for
    other words of that language (weighted by frequency), so texts read like news, differ from
    one another (no near-duplicates), and the vocabulary grows with the number of articles.
    """
    base = load_articles() if base is None else base
    rng = random.Random(seed)
    sentences: dict[str, list[list[str]]] = {}
    words: dict[str, list[str]] = {}
    for article in base:
        for paragraph in article.paragraphs:
            for sentence in re.split(r"(?<=[.!?])\s+", paragraph):
                tokens = sentence.split()
                if len(tokens) >= 4:
                    sentences.setdefault(article.language, []).append(tokens)
                    words.setdefault(article.language, []).extend(
                        token for token in tokens if token.isalpha() and len(token) > 3
                    )
    newest = max(article.published_at for article in base)
    for number in itertools.count():
        model = base[number % len(base)]
        pool, vocabulary = sentences[model.language], words[model.language]
        chosen = []
        for _ in range(rng.randint(10, 24)):
            tokens = [
                rng.choice(vocabulary) if token.isalpha() and rng.random() < 0.2 else token
                for token in rng.choice(pool)
            ]
            chosen.append(" ".join(tokens))
        paragraphs = [" ".join(chosen[start : start + 3]) for start in range(0, len(chosen), 3)]
        title = " ".join(rng.choice(vocabulary) for _ in range(rng.randint(4, 8)))
        yield DemoArticle(
            slug=f"{model.slug}-{number + 1}",
            section=model.section,
            language=model.language,
            title=title[0].upper() + title[1:],
            lead=chosen[0],
            authors=model.authors,
            published=(newest - timedelta(hours=number + 1)).isoformat(),
            modified=None,
            tags=model.tags,
            keyword=model.keyword,
            paragraphs=paragraphs,
        )


def tag_slug(tag: str) -> str:
    folded = tag.lower().translate(str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"}))
    return re.sub(r"[^a-z0-9]+", "-", folded).strip("-")


def section_pages(articles: list[DemoArticle], section: str) -> list[list[DemoArticle]]:
    in_section = [article for article in articles if article.section == section]
    return [in_section[start : start + PAGE_SIZE] for start in range(0, len(in_section), PAGE_SIZE)]


def listing_path(section: str, number: int) -> str:
    return f"/{section}/" if number == 1 else f"/{section}/seite-{number}.html"


def non_article_paths(articles: list[DemoArticle]) -> list[str]:
    """Every HTML page of the site that is not an article."""
    paths = ["/"] + STATIC_PAGES
    for section in SECTIONS:
        paths += [listing_path(section, n) for n in range(1, len(section_pages(articles, section)) + 1)]
    paths += sorted({f"/thema/{tag_slug(tag)}/" for article in articles for tag in article.tags})
    paths += [calendar_path(month) for month in CALENDAR_MONTHS]
    return paths


def calendar_path(month: str) -> str:
    if month == CALENDAR_MONTHS[0]:
        return "/veranstaltungen/kalender.html"
    return f"/veranstaltungen/kalender.html?monat={month}"


def build_site(base_url: str, articles: list[DemoArticle] | None = None) -> dict[str, Page]:
    """Render the whole site for ``base_url`` (e.g. ``http://127.0.0.1:8000``): path → Page."""
    articles = load_articles() if articles is None else articles
    renderer = _Renderer(base_url.rstrip("/"), articles)
    return renderer.site()


class _Renderer:
    def __init__(self, base_url: str, articles: list[DemoArticle]):
        self.base = base_url
        self.articles = articles
        newest = max((a.changed_at for a in articles), default=datetime(2026, 11, 20, tzinfo=timezone.utc))
        self.site_updated = _http_date(newest)

    def site(self) -> dict[str, Page]:
        pages = {"/": self.html_page(self.home(), "de", self.site_updated)}
        for section in SECTIONS:
            chunks = section_pages(self.articles, section)
            for number, chunk in enumerate(chunks, start=1):
                pages[listing_path(section, number)] = self.html_page(
                    self.listing(section, number, len(chunks), chunk), SECTIONS[section][1], self.site_updated
                )
        for article in self.articles:
            pages[article.path] = self.html_page(
                self.article_page(article), article.language, _http_date(article.changed_at)
            )
        tags = sorted({tag for article in self.articles for tag in article.tags})
        for tag in tags:
            pages[f"/thema/{tag_slug(tag)}/"] = self.html_page(self.tag_page(tag), "de", self.site_updated)
        for path, (title, paragraphs) in STATIC_TEXTS.items():
            pages[path] = self.html_page(self.static_page(title, paragraphs), "de", self.site_updated)
        for index, month in enumerate(CALENDAR_MONTHS):
            following = CALENDAR_MONTHS[index + 1] if index + 1 < len(CALENDAR_MONTHS) else None
            pages[calendar_path(month)] = self.html_page(self.calendar(month, following), "de", self.site_updated)
        pages["/intern/entwurf.html"] = self.html_page(self.draft_page(), "de", self.site_updated)
        pages["/feed.xml"] = self.xml_page(self.feed(), "application/rss+xml")
        pages["/sitemap.xml"] = self.xml_page(self.sitemap_index(), "application/xml")
        pages["/sitemap-articles.xml"] = self.xml_page(self.sitemap_articles(), "application/xml")
        pages["/sitemap-news.xml"] = self.xml_page(self.sitemap_news(), "application/xml")
        pages["/sitemap-pages.xml"] = self.xml_page(self.sitemap_pages(), "application/xml")
        robots = f"User-agent: *\nDisallow: /intern/\n\nSitemap: {self.base}/sitemap.xml\n"
        pages["/robots.txt"] = Page(robots.encode(), "text/plain; charset=utf-8", self.site_updated)
        return pages

    # --- page frames ------------------------------------------------------------------
    def html_page(self, parts: tuple[str, str, str], language: str, last_modified: str) -> Page:
        title, head, main = parts
        body = f"""<!DOCTYPE html>
<html lang="{language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{_e(title)}</title>
{head}
<link rel="alternate" type="application/rss+xml" title="{SITE_NAME}" href="{self.base}/feed.xml">
</head>
<body>
<div class="consent" role="dialog">Wir verwenden Cookies und ähnliche Technologien, um unser Angebot
zu verbessern und Reichweite zu messen. <button>Alle akzeptieren</button> <button>Einstellungen</button></div>
<header class="site-header">
<a class="logo" href="/">{SITE_NAME}</a>
<nav class="main-nav"><a href="/duesseldorf/">Düsseldorf</a> <a href="/ruhr/">Ruhr</a>
<a href="/koeln/">Köln</a> <a href="/english/">English</a>
<a href="/veranstaltungen/kalender.html">Termine</a> <a href="/kontakt.html">Kontakt</a></nav>
</header>
<div class="page">
<main>
{main}
</main>
<aside class="sidebar">
<h2>Meistgelesen</h2>
<ol>{self.most_read()}</ol>
</aside>
</div>
<footer class="site-footer">
<p>© 2026 {SITE_NAME} · <a href="/impressum.html">Impressum</a> · <a href="/datenschutz.html">Datenschutz</a>
· <a href="/kontakt.html">Newsletter abonnieren</a></p>
<p>Alle Rechte vorbehalten. Vervielfältigung nur mit Genehmigung des Verlags.</p>
</footer>
</body>
</html>
"""
        return Page(body.encode("utf-8"), "text/html; charset=utf-8", last_modified)

    def xml_page(self, text: str, content_type: str) -> Page:
        return Page(text.encode("utf-8"), f"{content_type}; charset=utf-8", self.site_updated)

    def most_read(self) -> str:
        return "".join(f'<li><a href="{a.path}">{_e(a.title)}</a></li>' for a in self.articles[3:8])

    def teaser(self, article: DemoArticle) -> str:
        return (
            f'<div class="teaser"><span class="kicker">{_e(SECTIONS[article.section][0])}</span>'
            f'<h2><a href="{article.path}">{_e(article.title)}</a></h2>'
            f"<p>{_e(article.lead)}</p></div>"
        )

    def website_head(self, title: str) -> str:
        return (
            f'<meta property="og:type" content="website">\n'
            f'<meta property="og:site_name" content="{SITE_NAME}">\n'
            f'<meta property="og:title" content="{_e(title)}">'
        )

    # --- pages ------------------------------------------------------------------------
    def home(self):
        title = f"{SITE_NAME} – Nachrichten aus der Wirtschaft an Rhein und Ruhr"
        teasers = "\n".join(self.teaser(article) for article in self.articles[:10])
        return title, self.website_head(title), f"<h1>Aktuelle Wirtschaftsnachrichten</h1>\n{teasers}"

    def listing(self, section: str, number: int, total: int, chunk: list[DemoArticle]):
        name, language = SECTIONS[section]
        title = f"{name} – Seite {number} | {SITE_NAME}" if number > 1 else f"{name} | {SITE_NAME}"
        links = []
        head = [self.website_head(title)]
        if number > 1:
            previous = listing_path(section, number - 1)
            links.append(
                f'<a rel="prev" href="{previous}">{"Previous page" if language == "en" else "Vorherige Seite"}</a>'
            )
            head.append(f'<link rel="prev" href="{self.base}{previous}">')
        if number < total:
            following = listing_path(section, number + 1)
            links.append(f'<a rel="next" href="{following}">{"Next page" if language == "en" else "Nächste Seite"}</a>')
            head.append(f'<link rel="next" href="{self.base}{following}">')
        teasers = "\n".join(self.teaser(article) for article in chunk)
        main = (
            f"<h1>Wirtschaft: {_e(name)}</h1>\n{teasers}\n"
            f'<nav class="pagination">{" ".join(links)} <span>Seite {number} von {total}</span></nav>'
        )
        return title, "\n".join(head), main

    def article_page(self, article: DemoArticle):
        published = article.published_at
        english = article.language == "en"
        byline_names = " and ".join(article.authors) if english else " und ".join(article.authors)
        when = published.strftime("%d %B %Y, %H:%M") if english else published.strftime("%d.%m.%Y, %H:%M Uhr")
        jsonld = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": article.title,
            "description": article.lead,
            "datePublished": article.published,
            "author": [{"@type": "Person", "name": name} for name in article.authors],
            "publisher": {"@type": "Organization", "name": SITE_NAME},
            "inLanguage": article.language,
            "keywords": ", ".join(article.tags),
            "mainEntityOfPage": f"{self.base}{article.path}",
        }
        head = [
            f'<meta name="description" content="{_e(article.lead)}">',
            '<meta property="og:type" content="article">',
            f'<meta property="og:title" content="{_e(article.title)}">',
            f'<meta property="og:description" content="{_e(article.lead)}">',
            f'<meta property="og:site_name" content="{SITE_NAME}">',
            f'<meta name="author" content="{_e(", ".join(article.authors))}">',
            f'<meta property="article:published_time" content="{article.published}">',
            f'<link rel="canonical" href="{self.base}{article.path}">',
        ]
        if article.modified:
            jsonld["dateModified"] = article.modified
            head.append(f'<meta property="article:modified_time" content="{article.modified}">')
        head.append(f'<script type="application/ld+json">{json.dumps(jsonld, ensure_ascii=False)}</script>')
        tags = set(article.tags)
        # The first three that share a tag: stop there, or big synthetic sites render in O(n²).
        related = list(
            itertools.islice((a for a in self.articles if a is not article and tags.intersection(a.tags)), 3)
        )
        related_html = "".join(f'<li><a href="{a.path}">{_e(a.title)}</a></li>' for a in related)
        tags_html = " ".join(f'<a href="/thema/{tag_slug(tag)}/">{_e(tag)}</a>' for tag in article.tags)
        body = "\n".join(f"<p>{_e(paragraph)}</p>" for paragraph in article.paragraphs)
        main = f"""<div class="share">Teilen: <a href="#">Facebook</a> <a href="#">X</a> <a href="#">LinkedIn</a> <a href="#">E-Mail</a></div>
<article>
<span class="kicker">{_e(SECTIONS[article.section][0])}</span>
<h1>{_e(article.title)}</h1>
<p class="byline">{"By" if english else "Von"} {_e(byline_names)} · <time datetime="{article.published}">{when}</time></p>
<p class="lead">{_e(article.lead)}</p>
{body}
</article>
<div class="tags">Themen: {tags_html}</div>
<section class="related"><h2>Mehr zum Thema</h2><ul>{related_html}</ul></section>
<section class="newsletter"><h2>Der Wirtschafts-Newsletter</h2><p>Jeden Morgen die wichtigsten
Nachrichten aus der Region in Ihrem Postfach. <a href="/kontakt.html">Jetzt anmelden</a></p></section>"""
        return f"{article.title} | {SITE_NAME}", "\n".join(head), main

    def tag_page(self, tag: str):
        tagged = [article for article in self.articles if tag in article.tags]
        title = f"Thema: {tag} | {SITE_NAME}"
        teasers = "\n".join(self.teaser(article) for article in tagged)
        return title, self.website_head(title), f"<h1>Thema: {_e(tag)}</h1>\n{teasers}"

    def static_page(self, title: str, paragraphs: list[str]):
        body = "\n".join(f"<p>{_e(paragraph)}</p>" for paragraph in paragraphs)
        return f"{title} | {SITE_NAME}", "", f"<h1>{_e(title)}</h1>\n{body}"

    def calendar(self, month: str, following: str | None):
        title = f"Termine {month} | {SITE_NAME}"
        onward = f'<a href="{calendar_path(following)}">Nächster Monat</a>' if following else ""
        main = (
            f"<h1>Wirtschaftstermine {month}</h1>\n"
            f"<table><tr><td>{month}-05</td><td>Unternehmerfrühstück der IHK</td></tr>"
            f"<tr><td>{month}-19</td><td>Gründungsabend im Technologiezentrum</td></tr></table>\n"
            f"<p>{onward}</p>"
        )
        return title, "", main

    def draft_page(self):
        title = f"Entwurf – nicht veröffentlichen | {SITE_NAME}"
        head = '<meta property="og:type" content="article">'
        main = "<article><h1>Entwurf: Bilanzpressekonferenz</h1><p>" + "Interner Entwurf. " * 60 + "</p></article>"
        return title, head, main

    # --- feeds and sitemaps -----------------------------------------------------------
    def feed(self) -> str:
        items = []
        for article in self.articles[:FEED_SIZE]:
            items.append(f"""  <item>
    <title>{_e(article.title)}</title>
    <link>{self.base}{article.path}</link>
    <guid isPermaLink="true">{self.base}{article.path}</guid>
    <description>{_e(article.lead)}</description>
    <dc:creator>{_e(", ".join(article.authors))}</dc:creator>
    <pubDate>{format_datetime(article.published_at)}</pubDate>
  </item>""")
        return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>{SITE_NAME}</title>
  <link>{self.base}/</link>
  <description>Wirtschaftsnachrichten aus Düsseldorf, dem Ruhrgebiet und Köln</description>
  <language>de</language>
{chr(10).join(items)}
</channel>
</rss>
"""

    def sitemap_index(self) -> str:
        newest = max((a.modified or a.published for a in self.articles), default="")
        lastmods = {"sitemap-articles.xml": newest, "sitemap-news.xml": newest}
        entries = "\n".join(
            f"  <sitemap><loc>{self.base}/{name}</loc>"
            + (f"<lastmod>{lastmods[name]}</lastmod>" if name in lastmods else "")
            + "</sitemap>"
            for name in ("sitemap-articles.xml", "sitemap-news.xml", "sitemap-pages.xml")
        )
        return (
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
            f"{entries}\n</sitemapindex>\n"
        )

    def sitemap_articles(self) -> str:
        entries = "\n".join(
            f"  <url><loc>{self.base}{a.path}</loc><lastmod>{a.modified or a.published}</lastmod></url>"
            for a in self.articles
        )
        return _urlset(entries)

    def sitemap_news(self) -> str:
        entries = []
        for article in self.articles[:NEWS_SITEMAP_SIZE]:
            entries.append(f"""  <url><loc>{self.base}{article.path}</loc>
    <news:news><news:publication><news:name>{SITE_NAME}</news:name><news:language>{article.language}</news:language></news:publication>
    <news:publication_date>{article.published}</news:publication_date><news:title>{_e(article.title)}</news:title></news:news></url>""")
        return _urlset("\n".join(entries), news=True)

    def sitemap_pages(self) -> str:
        paths = ["/"] + [f"/{section}/" for section in SECTIONS] + STATIC_PAGES
        return _urlset("\n".join(f"  <url><loc>{self.base}{path}</loc></url>" for path in paths))


STATIC_TEXTS = {
    "/impressum.html": (
        "Impressum",
        [
            "Rhein-Ruhr Wirtschaft ist ein Angebot der Rhein-Ruhr Medienhaus GmbH, Beispielstraße 12, "
            "40213 Düsseldorf. Telefon 0211 000000, E-Mail redaktion@rhein-ruhr-wirtschaft.invalid.",
            "Geschäftsführung: Dr. Hanna Beispiel. Registergericht: Amtsgericht Düsseldorf, HRB 99999. "
            "Umsatzsteuer-Identifikationsnummer: DE000000000.",
            "Verantwortlich für den redaktionellen Inhalt nach § 18 Abs. 2 MStV: Konrad Muster, Anschrift wie oben.",
        ],
    ),
    "/datenschutz.html": (
        "Datenschutzerklärung",
        [
            "Wir verarbeiten personenbezogene Daten nur, soweit dies zur Bereitstellung dieses Angebots "
            "erforderlich ist. Verantwortlich ist die Rhein-Ruhr Medienhaus GmbH.",
            "Beim Aufruf der Seiten speichert der Server technisch notwendige Protokolldaten für sieben Tage. "
            "Sie haben das Recht auf Auskunft, Berichtigung, Löschung und Widerspruch.",
        ],
    ),
    "/kontakt.html": (
        "Kontakt und Newsletter",
        [
            "Sie erreichen die Redaktion werktags von 9 bis 18 Uhr. Hinweise und Pressemitteilungen senden "
            "Sie bitte an die Adresse im Impressum.",
            "Den Newsletter können Sie jederzeit mit einem Klick abbestellen.",
        ],
    ),
}


def _urlset(entries: str, news: bool = False) -> str:
    namespace = ' xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"' if news else ""
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"{namespace}>\n'
        f"{entries}\n</urlset>\n"
    )


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _iso(value) -> str:
    # YAML turns unquoted timestamps into datetimes; keep the text form with its offset.
    return value.isoformat() if isinstance(value, datetime) else str(value)


def _http_date(moment: datetime) -> str:
    return format_datetime(moment.astimezone(timezone.utc), usegmt=True)


class DemoSiteServer:
    """The demo site (or any ``pages`` dict) on a free loopback port, in a background thread.

    Answers GET and HEAD, honours If-None-Match / If-Modified-Since with 304, and logs every
    request as ``(method, path, status)`` in :attr:`requests` so tests can check what a crawl
    fetched. Pages can be changed while it runs (:meth:`set_page`, :meth:`remove_page`).
    """

    def __init__(
        self, host: str = "127.0.0.1", port: int = 0, pages: dict[str, Page] | None = None, response_delay: float = 0.0
    ):
        self.requests: list[tuple[str, str, int]] = []
        # When each logged request was answered (time.monotonic()), in the order of `requests`.
        self.request_times: list[float] = []
        # Seconds each article page takes to answer: lets tests interrupt a crawl half-way.
        self.response_delay = response_delay
        self._lock = threading.Condition()
        self._server = ThreadingHTTPServer((host, port), self._handler_class())
        self._server.daemon_threads = True
        self.pages = pages if pages is not None else build_site(self.base_url)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> "DemoSiteServer":
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self) -> "DemoSiteServer":
        return self.start()

    def __exit__(self, *exc_info) -> None:
        self.stop()

    def set_page(self, path: str, page: Page) -> None:
        with self._lock:
            self.pages[path] = page

    def remove_page(self, path: str) -> None:
        with self._lock:
            self.pages.pop(path, None)

    def fetched(self, path: str) -> int:
        """How many times ``path`` was answered with a full 200 response."""
        with self._lock:
            return sum(1 for method, seen, status in self.requests if seen == path and status == 200)

    def wait_for_requests(self, count: int, timeout: float = 60) -> bool:
        """Block until ``count`` requests have been answered (True) or ``timeout`` passes."""
        with self._lock:
            return self._lock.wait_for(lambda: len(self.requests) >= count, timeout)

    def _log(self, method: str, path: str, status: int) -> None:
        with self._lock:
            self.requests.append((method, path, status))
            self.request_times.append(time.monotonic())
            self._lock.notify_all()

    def _handler_class(self):
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_HEAD(self):
                self.respond(send_body=False)

            def do_GET(self):
                self.respond(send_body=True)

            def respond(self, send_body: bool) -> None:
                parts = urlsplit(self.path)
                path = parts.path + (f"?{parts.query}" if parts.query else "")
                self._path = path
                with site._lock:
                    page = site.pages.get(path)
                if site.response_delay and page is not None and page.content_type.startswith("text/html"):
                    time.sleep(site.response_delay)
                if page is None:
                    body = b"<!DOCTYPE html><html><body><h1>404 Seite nicht gefunden</h1></body></html>"
                    self.finish_response(404, {"Content-Type": "text/html; charset=utf-8"}, body, send_body)
                elif page.location:
                    self.finish_response(301, {"Location": page.location}, b"", send_body)
                elif page.status != 200:
                    self.finish_response(page.status, {"Content-Type": page.content_type}, page.body, send_body)
                elif self.not_modified(page):
                    self.finish_response(304, {"ETag": page.etag}, b"", False)
                else:
                    headers = {
                        "Content-Type": page.content_type,
                        "ETag": page.etag,
                        "Last-Modified": page.last_modified,
                    }
                    self.finish_response(200, headers, page.body, send_body)

            def not_modified(self, page: Page) -> bool:
                if self.headers.get("If-None-Match"):
                    return page.etag in self.headers["If-None-Match"]
                since = self.headers.get("If-Modified-Since")
                if since:
                    try:
                        return parsedate_to_datetime(page.last_modified) <= parsedate_to_datetime(since)
                    except (TypeError, ValueError):
                        return False
                return False

            def finish_response(self, status, headers, body, send_body):
                # Logged before the client can read the answer, so a test that got the
                # response always finds the request in the log.
                site._log(self.command, self._path, status)
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)) if status != 304 else "0")
                self.end_headers()
                if send_body:
                    self.wfile.write(body)

            def log_message(self, format, *args):  # noqa: A002 - the base class's name
                pass

        return Handler


def serve_forever(host: str = "127.0.0.1", port: int = 0) -> None:
    """Run the demo site in the foreground until interrupted."""
    server = DemoSiteServer(host, port)
    server._server.serve_forever()


# Computed once at import: the tests check that none of these is ever stored as an article.
NON_ARTICLE_PATHS = non_article_paths(load_articles())
