"""Stories and hubs on sites shaped like our sources, crawled end to end through `newsarchive crawl`.

Four small sites on their own loopback addresses: a bilingual business magazine, a regional
newspaper, a public broadcaster and an economic-development agency. Each test asserts from the
site's request log (hubs were fetched and followed) and from the stored rows (stories stored,
hubs not).
"""

import json
import random
import re
from email.utils import formatdate
from urllib.parse import urlsplit

import pytest
import sqlite_utils

from crawler.demosite import DemoSiteServer, Page
from crawler.extraction.classify import classify_page
from crawler.extraction.extract import parse_html
from crawler.extraction.page import page_metadata
from tests.conftest import run_cli, write_sources

LAST_MODIFIED = formatdate(1772352000, usegmt=True)

COMPANIES = [
    "Kornmühle",
    "Rheinanker",
    "Voltwerk",
    "Hafenlicht",
    "Tegeler",
    "Brückner",
    "Nordwerft",
    "Siebert",
    "Lumatec",
    "Grafenberg",
    "Ostwind",
    "Kaiserhof",
]
PLACES = ["Neuss", "Duisburg", "Krefeld", "Hilden", "Ratingen", "Mettmann", "Moers", "Dormagen"]
DE_TEMPLATES = [
    "{c} investiert {n} Millionen Euro in {p} und schafft dort {m} neue Stellen.",
    "Nach Angaben von {c} soll der Bau in {p} im Sommer beginnen und {n} Monate dauern.",
    "Die Wirtschaftsförderung {p} half {c} bei der Suche nach {m} Quadratmetern Fläche.",
    "Kunden aus {p} sollen ab Herbst {n} Prozent schneller beliefert werden, sagte {c}.",
    "Der Betriebsrat von {c} fordert für die {m} Beschäftigten in {p} verbindliche Zusagen.",
    "Branchenkenner in {p} halten den Schritt von {c} für ein Zeichen von {n} Jahren Wachstum.",
]
EN_TEMPLATES = [
    "{c} is investing {n} million euros in {p} and will create {m} new jobs there.",
    "According to {c}, construction in {p} will start in summer and take {n} months.",
    "The economic development agency of {p} helped {c} find {m} square metres of space.",
    "Customers in {p} will be supplied {n} per cent faster from autumn, {c} said.",
    "The works council of {c} asks binding commitments for the {m} staff in {p}.",
    "Observers in {p} see the move of {c} as a sign of {n} years of growth.",
]


def story(seed: int, count: int = 4, english: bool = False) -> str:
    """``count`` paragraphs of a story of its own: names and figures drawn from ``seed``, so
    that no two pages of these sites are near-duplicates of each other."""
    rng = random.Random(seed)
    templates = EN_TEMPLATES if english else DE_TEMPLATES
    return "".join(
        "<p>"
        + " ".join(
            template.format(
                c=rng.choice(COMPANIES), p=rng.choice(PLACES), n=rng.randint(2, 99), m=rng.randint(100, 999)
            )
            for template in rng.sample(templates, 4)
        )
        + "</p>"
        for _ in range(count)
    )


def sentence(seed: int, english: bool = False) -> str:
    return re.sub(r"</?p>", "", story(seed, 1, english)).split(". ")[0] + "."


def html(body: str) -> Page:
    return Page(body.encode("utf-8"), "text/html; charset=utf-8", LAST_MODIFIED)


def page(title: str, main: str, head: str = "", lang: str = "de", nav: str = "") -> Page:
    """A page with the furniture every real site has around its main content."""
    return html(f"""<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title>
{head}</head><body><header><a href="/">Start</a><nav>{nav}</nav></header>
<main>{main}</main>
<footer><a href="/impressum.html">Impressum</a> <a href="/datenschutz.html">Datenschutz</a></footer>
</body></html>""")


# --- a bilingual business magazine --------------------------------------------------------------
# EN/DE article pairs linked by hreflang; issue overview pages with teaser pairs; no og:type at all.
MAGAZINE_STORIES = [
    (
        "gruenderin-baut-batteriewerk",
        "Gründerin baut Batteriewerk in Neuss",
        "founder-builds-battery-plant",
        "Founder builds battery plant in Neuss",
    ),
    (
        "hafen-digitalisiert-umschlag",
        "Hafen digitalisiert den Umschlag",
        "port-digitises-handling",
        "Port digitises its cargo handling",
    ),
    (
        "mittelstand-setzt-auf-wasserstoff",
        "Mittelstand setzt auf Wasserstoff",
        "mid-sized-firms-bet-on-hydrogen",
        "Mid-sized firms bet on hydrogen",
    ),
    (
        "messebauer-waechst-im-ausland",
        "Messebauer wächst im Ausland",
        "trade-fair-builder-grows-abroad",
        "Trade fair builder grows abroad",
    ),
]


def magazine_site(base: str) -> dict[str, Page]:
    pages = {}
    pairs = ""
    for number, (de_slug, de_title, en_slug, en_title) in enumerate(MAGAZINE_STORIES):
        de_path, en_path = f"/de/ausgabe-2026-03/{de_slug}/", f"/en/issue-2026-03/{en_slug}/"
        alternates = (
            f'<link rel="alternate" hreflang="de" href="{base}{de_path}">'
            f'<link rel="alternate" hreflang="en" href="{base}{en_path}">'
        )
        pages[de_path] = page(
            f"{de_title} | Rhein Business",
            f"""<article><h1>{de_title}</h1>
<p class="meta">Von Anna Berg · 2. März 2026</p>{story(100 + number, 4)}</article>""",
            head=alternates,
        )
        pages[en_path] = page(
            f"{en_title} | Rhein Business",
            f"""<article><h1>{en_title}</h1>
<p class="meta">By Anna Berg · 2 March 2026</p>{story(200 + number, 4, english=True)}</article>""",
            head=alternates,
            lang="en",
        )
        pairs += f"""<div class="teaser-pair">
<div class="teaser" lang="de"><h3><a href="{de_path}">{de_title}</a></h3>
<p>{sentence(number)} {sentence(number + 1)}</p><a href="{de_path}">Weiterlesen</a></div>
<div class="teaser" lang="en"><h3><a href="{en_path}">{en_title}</a></h3>
<p>{sentence(number, english=True)} {sentence(number + 1, english=True)}</p><a href="{en_path}">Read more</a></div>
</div>"""
    editorial = (
        "<p>Liebe Leserinnen und Leser, in dieser Ausgabe geht es um Unternehmen, die in der "
        "Region wachsen, um neue Werke und um die Frage, wie der Mittelstand die Energiewende "
        "bezahlt. Wir wünschen eine anregende Lektüre. Dear readers, this issue is about "
        "companies that grow in the region and about new plants.</p>"
    )
    for path, title in (("/de/ausgabe-2026-03/", "Ausgabe März 2026"), ("/en/issue-2026-03/", "Issue March 2026")):
        pages[path] = page(
            f"{title} | Rhein Business",
            f"""<h1>{title}</h1>
<p class="issue-date">Erschienen am 2. März 2026</p>{editorial}{pairs}""",
        )
    pages["/"] = page(
        "Rhein Business – Das Wirtschaftsmagazin",
        """<h1>Rhein Business</h1>
<p><a href="/de/ausgabe-2026-03/">Aktuelle Ausgabe</a> · <a href="/en/issue-2026-03/">Current issue</a></p>""",
    )
    return pages


# --- a regional newspaper -----------------------------------------------------------------------
NEWSPAPER_ARTICLE = "/duesseldorf/wirtschaft/hafen-bekommt-neues-terminal_aid-118833.html"
NEWSPAPER_SHORT = "/nrw/kurz/bäckerei-kette-schliesst-filiale_aid-118840.html".replace("ä", "ae")
NEWSPAPER_WP = "/?p=123"
NEWSPAPER_EVENT_STORY = "/events/boot-messe-zieht-bilanz.html"
NEWSPAPER_AUTHOR_STORY = "/autoren/anna-schmidt/interview-mit-der-ihk-praesidentin.html"
NEWSPAPER_CALENDAR_STORY = "/veranstaltungen/rueckblick-auf-den-exporttag.html"
# A short item dated only by its dateline ("Düsseldorf, 3. März 2026 – …"), under a theme that
# prints the site's name as an <h1> above the story's own.
NEWSPAPER_DATELINE_ONLY = "/nrw/kurz/stadtwerke-senken-gaspreis_aid-118851.html"
# A short item with its date on a line of its own and no byline at all.
NEWSPAPER_DATE_ONLY = "/nrw/kurz/ihk-waehlt-neues-praesidium_aid-118852.html"
NEWSPAPER_EVENT_PAGE = "/termine/gruendertag-2026/"
NEWSPAPER_HUBS = ["/", "/thema/hafen/", "/veranstaltungen/", "/termine/", "/tag/hafen/", "/tag/hafen/seite/2/"]


def news_article_jsonld(title: str, published: str) -> str:
    return (
        '<script type="application/ld+json">{"@context": "https://schema.org", '
        f'"@type": "NewsArticle", "headline": "{title}", "datePublished": "{published}", '
        '"author": {"@type": "Person", "name": "Anna Schmidt"}}</script>'
    )


def newspaper_site(base: str) -> dict[str, Page]:
    stories = {
        NEWSPAPER_ARTICLE: "Hafen bekommt ein neues Terminal",
        NEWSPAPER_SHORT: "Bäckerei-Kette schließt Filiale in der Altstadt",
        NEWSPAPER_WP: "Stadtwerke senken den Strompreis",
        NEWSPAPER_EVENT_STORY: "Boot-Messe zieht Bilanz",
        NEWSPAPER_AUTHOR_STORY: "Interview mit der IHK-Präsidentin",
        NEWSPAPER_CALENDAR_STORY: "Rückblick auf den Exporttag",
    }
    pages = {}
    # A print story online: a dateline opens the text, an initials byline "(nic)" closes it.
    pages[NEWSPAPER_ARTICLE] = page(
        stories[NEWSPAPER_ARTICLE] + " | Rheinische Zeitung",
        f"""<article>
<h1>{stories[NEWSPAPER_ARTICLE]}</h1><div class="date">12.03.2026, 06:30 Uhr</div>
<p>Düsseldorf. {sentence(0)} {sentence(1)}</p>{story(300, 3)}<p>{sentence(5)} (nic)</p>
</article>""",
    )
    # A short item: a few sentences, its date only in the visible text, no structured data.
    pages[NEWSPAPER_SHORT] = page(
        stories[NEWSPAPER_SHORT] + " | Rheinische Zeitung",
        f"""<article>
<h1>{stories[NEWSPAPER_SHORT]}</h1><p class="date">11.03.2026</p>
<p>Die Bäckerei-Kette Kornmühle schließt zum Monatsende ihre Filiale an der Bolker Straße.
Die sechs Beschäftigten sollen in anderen Filialen in der Stadt weiterarbeiten, teilte das Unternehmen mit.
Als Grund nannte die Geschäftsführung die stark gestiegene Miete. (dpa)</p></article>""",
    )
    logo = '<h1 class="site-title"><a href="/" rel="home">Rheinische Zeitung</a></h1>'
    pages[NEWSPAPER_DATELINE_ONLY] = page(
        "Stadtwerke senken den Gaspreis | Rheinische Zeitung",
        """<h1>Stadtwerke senken den Gaspreis</h1>
<p>Düsseldorf, 3. März 2026 – Die Stadtwerke senken zum 1. April den Gaspreis für Haushaltskunden
um acht Prozent. Ein Durchschnittshaushalt spare damit rund 120 Euro im Jahr, teilte der Versorger mit.</p>""",
        nav=logo,
    )
    pages[NEWSPAPER_DATE_ONLY] = page(
        "IHK wählt neues Präsidium | Rheinische Zeitung",
        """<h1>IHK wählt neues Präsidium</h1><p>04.03.2026</p>
<p>Die Vollversammlung der Industrie- und Handelskammer hat am Mittwochabend ein neues Präsidium
gewählt. Neue Präsidentin ist die Unternehmerin Karin Hollweg aus Ratingen.</p>""",
    )
    for path in (NEWSPAPER_WP, NEWSPAPER_EVENT_STORY, NEWSPAPER_AUTHOR_STORY, NEWSPAPER_CALENDAR_STORY):
        canonical = f'<link rel="canonical" href="{base}{path}">'
        pages[path] = page(
            stories[path] + " | Rheinische Zeitung",
            f"""<article><h1>{stories[path]}</h1>
<p class="byline">Von Anna Schmidt · <time datetime="2026-03-10T09:00:00+01:00">10.03.2026</time></p>
{story(301 + len(path), 4)}</article>""",
            head=news_article_jsonld(stories[path], "2026-03-10T09:00:00+01:00") + canonical,
        )
    teasers = "".join(
        f'<div class="teaser"><h2><a href="{path}">{title}</a></h2><p>{sentence(n)}</p></div>'
        for n, (path, title) in enumerate(stories.items())
    )
    website = '<meta property="og:type" content="website">'
    pages["/"] = page(
        "Rheinische Zeitung",
        f"<h1>Nachrichten aus Düsseldorf</h1>{teasers}"
        '<p><a href="/thema/hafen/">Thema Hafen</a> <a href="/veranstaltungen/">Termine</a></p>',
        head=website,
    )
    # A topic page marked up, as some CMSs do, with the NewsArticle markup of its top story.
    pages["/thema/hafen/"] = page(
        "Thema: Hafen | Rheinische Zeitung",
        f"<h1>Thema: Hafen</h1>{teasers}",
        head=news_article_jsonld("Thema: Hafen", "2026-03-12T06:30:00+01:00"),
    )
    events = "".join(
        f"""<div class="event"><h3><a href="{NEWSPAPER_EVENT_STORY}">{name}</a></h3>
<p>{day}.03.2026, Messe Düsseldorf. Eintritt frei, Anmeldung erbeten.</p></div>"""
        for day, name in ((14, "Gründertag"), (18, "Exportforum"), (21, "Energiedialog"), (25, "Unternehmerfrühstück"))
    )
    pages["/veranstaltungen/"] = page("Termine | Rheinische Zeitung", f"<h1>Termine im März</h1>{events}")
    # An event calendar in schema.org Event markup, and the page of one event: a dated
    # headline and a text of a story's length, but an event, not a story.
    event_nodes = ",".join(
        f'{{"@type": "BusinessEvent", "name": "{name}", "startDate": "2026-03-{day}T10:00:00+01:00", '
        f'"location": {{"@type": "Place", "name": "Messe Düsseldorf"}}}}'
        for day, name in ((14, "Gründertag"), (18, "Exportforum"), (21, "Energiedialog"))
    )
    calendar = "".join(
        f"""<li class="event"><time datetime="2026-03-{day}">{day}.03.2026</time>
<a href="{NEWSPAPER_EVENT_PAGE}">{name}</a> Messe Düsseldorf, Halle {day % 7}</li>"""
        for day, name in ((14, "Gründertag"), (18, "Exportforum"), (21, "Energiedialog"))
    )
    pages["/termine/"] = page(
        "Kalender | Rheinische Zeitung",
        f"<h1>Kalender</h1><ul>{calendar}</ul>",
        head=f'<script type="application/ld+json">{{"@context": "https://schema.org", "@graph": [{event_nodes}]}}</script>',
    )
    pages[NEWSPAPER_EVENT_PAGE] = page(
        "Gründertag 2026 | Rheinische Zeitung",
        f"""<h1>Gründertag 2026</h1><p class="date">14.03.2026, 10 bis 17 Uhr, Messe Düsseldorf</p>
{story(330, 3)}<p><a href="/anmeldung/">Jetzt anmelden</a></p>""",
        head='<meta property="og:type" content="article"><script type="application/ld+json">{"@context": '
        '"https://schema.org", "@type": "BusinessEvent", "name": "Gründertag 2026", '
        '"startDate": "2026-03-14T10:00:00+01:00"}</script>',
    )
    # A tag page of WordPress-style teasers (each an <article> with a date), run over pages.
    posts = list(stories.items())
    for path, chunk, following in (
        ("/tag/hafen/", posts[:3], "/tag/hafen/seite/2/"),
        ("/tag/hafen/seite/2/", posts[3:], ""),
    ):
        teasers = "".join(
            f"""<article class="post"><h2><a href="{story_path}">{title}</a></h2>
<time datetime="2026-03-1{n}">1{n}.03.2026</time><p>{sentence(40 + n)}</p><a href="{story_path}">Weiterlesen</a></article>"""
            for n, (story_path, title) in enumerate(chunk)
        )
        pagination = (
            f'<nav class="pagination"><a rel="next" href="{following}">Nächste Seite</a></nav>' if following else ""
        )
        pages[path] = page("Schlagwort Hafen | Rheinische Zeitung", f"<h1>Schlagwort: Hafen</h1>{teasers}{pagination}")
    pages["/"] = html(
        pages["/"]
        .body.decode()
        .replace(
            "</main>",
            f'<p><a href="{NEWSPAPER_DATELINE_ONLY}">Gaspreis</a> <a href="{NEWSPAPER_DATE_ONLY}">IHK</a> '
            '<a href="/termine/">Kalender</a> <a href="/tag/hafen/">Hafen</a></p></main>',
        )
    )
    return pages


# --- a public broadcaster -----------------------------------------------------------------------
# Every page, articles included, says og:type=website; the pages' structure tells them apart.
BROADCASTER_ARTICLES = [
    "/nachrichten/rheinland/duesseldorf/chemiepark-stellt-ein-100.html",
    "/nachrichten/rheinland/duesseldorf/flughafen-mehr-fracht-102.html",
]
BROADCASTER_PORTAL = "/nachrichten/rheinland/duesseldorf/"


def broadcaster_site(base: str) -> dict[str, Page]:
    website = '<meta property="og:type" content="website"><meta property="og:site_name" content="WDF">'
    pages = {}
    titles = ["Chemiepark stellt 80 Fachkräfte ein", "Flughafen meldet mehr Fracht"]
    for number, (path, title) in enumerate(zip(BROADCASTER_ARTICLES, titles)):
        pages[path] = page(
            f"{title} - Nachrichten - WDF",
            f"""<article><h1>{title}</h1>
<p class="byline">Von Jana Klein</p><p class="date"><time datetime="2026-03-1{number}T14:05:00+01:00">Stand: 1{number}.03.2026, 14:05 Uhr</time></p>
{story(400 + number, 4)}</article>""",
            head=website,
        )
    teasers = "".join(
        f'<div class="teaser"><h3><a href="{path}">{title}</a></h3><p>{sentence(n)}</p></div>'
        for n, (path, title) in enumerate(zip(BROADCASTER_ARTICLES, titles))
    )
    teasers += "".join(
        f'<div class="teaser"><h3><a href="{BROADCASTER_PORTAL}">{name}</a></h3><p>{sentence(n)}</p></div>'
        for n, name in enumerate(["Wetter in Düsseldorf", "Verkehr in Düsseldorf"], start=2)
    )
    pages[BROADCASTER_PORTAL] = page(
        "Düsseldorf - Nachrichten - WDF", f"<h1>Nachrichten aus Düsseldorf und der Region</h1>{teasers}", head=website
    )
    pages["/"] = page(
        "WDF Nachrichten", f'<h1>WDF</h1><p><a href="{BROADCASTER_PORTAL}">Düsseldorf</a></p>', head=website
    )
    return pages


# --- an economic-development agency -------------------------------------------------------------
AGENCY_START = "/en/startups/"
AGENCY_NEWS = [
    "/en/news/2026/03/robotics-startup-raises-seed-round.html",
    "/en/news/2026/02/fintech-opens-office-in-medienhafen.html",
]
AGENCY_PROGRAMMES = ["/en/startups/accelerator-programme/", "/en/startups/office-space/"]


def agency_site(base: str) -> dict[str, Page]:
    pages = {}
    for number, path in enumerate(AGENCY_NEWS):
        title = ["Robotics start-up raises seed round", "Fintech opens office in the Medienhafen"][number]
        pages[path] = page(
            f"{title} | Business Düsseldorf",
            f"""<article><h1>{title}</h1>
<p class="date">0{number + 3}.03.2026</p>{story(500 + number, 4, english=True)}</article>""",
            lang="en",
        )
    for path in AGENCY_PROGRAMMES:
        pages[path] = page(
            "Programme | Business Düsseldorf",
            f"""<h1>{path.split("/")[-2].replace("-", " ").title()}</h1>
{story(600 + len(path), 2, english=True)}<p><a href="/en/contact/">Contact us</a></p>""",
            lang="en",
        )
    cards = ""
    targets = AGENCY_NEWS + AGENCY_PROGRAMMES
    for number in range(12):
        target = targets[number % len(targets)]
        cards += f"""<div class="card"><h3>{["Funding", "Office space", "Networks", "Talent"][number % 4]} {number + 1}</h3>
<p>{sentence(number % 6, english=True)}</p><a href="{target}">Learn more</a></div>"""
    pages[AGENCY_START] = page(
        "Start-ups | Business Düsseldorf",
        f"""<h1>Start-ups in Düsseldorf</h1>
<p>Düsseldorf is one of Germany's most attractive places for founders: a strong economy, many
corporate customers next door, a lively scene and our team, who help with funding, space and networks.
Last updated 02.03.2026.</p>{cards}""",
        lang="en",
    )
    return pages


SITES = {
    # name: (address, builder, start path)
    "magazine": ("127.0.0.2", magazine_site, "/"),
    "newspaper": ("127.0.0.3", newspaper_site, "/"),
    "broadcaster": ("127.0.0.4", broadcaster_site, BROADCASTER_PORTAL),
    "agency": ("127.0.0.5", agency_site, AGENCY_START),
}


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    """The four sites, crawled once through `newsarchive crawl` into one archive."""
    directory = tmp_path_factory.mktemp("shapes")
    servers = {}
    for name, (host, build, _start) in SITES.items():
        server = DemoSiteServer(host=host, pages={})
        server.pages.update(build(server.base_url))
        servers[name] = server.start()
    try:
        sources = write_sources(
            directory / "sources.yml",
            {
                "sources": [
                    {"id": name, "start_urls": [servers[name].base_url + start], "max_depth": 2, "download_delay": 0}
                    for name, (_host, _build, start) in SITES.items()
                ]
            },
        )
        db_path = directory / "shapes.db"
        run_cli("crawl", "--sources", sources, "--db", db_path)
        yield {"db": sqlite_utils.Database(db_path), "servers": servers}
    finally:
        for server in servers.values():
            server.stop()


def stored(crawled, source: str) -> set[str]:
    rows = crawled["db"].query("select url from articles where source = ?", [source])
    return {
        urlsplit(row["url"]).path + (f"?{urlsplit(row['url']).query}" if urlsplit(row["url"]).query else "")
        for row in rows
    }


def fetched(crawled, site: str) -> set[str]:
    return {path for _method, path, status in crawled["servers"][site].requests if status == 200}


def test_magazine_issue_pages_are_followed_and_article_pairs_stored(crawled):
    issues = {"/de/ausgabe-2026-03/", "/en/issue-2026-03/"}
    assert issues <= fetched(crawled, "magazine")
    articles = {f"/de/ausgabe-2026-03/{de}/" for de, _, _, _ in MAGAZINE_STORIES}
    articles |= {f"/en/issue-2026-03/{en}/" for _, _, en, _ in MAGAZINE_STORIES}
    assert stored(crawled, "magazine") == articles
    # The pairs are linked as translations of each other.
    assert crawled["db"]["translations"].count == 2 * len(MAGAZINE_STORIES)


def test_newspaper_stories_stored_whatever_their_url_and_hubs_followed(crawled):
    assert set(NEWSPAPER_HUBS) <= fetched(crawled, "newspaper")
    assert NEWSPAPER_EVENT_PAGE in fetched(crawled, "newspaper")
    assert stored(crawled, "newspaper") == {
        NEWSPAPER_ARTICLE,
        NEWSPAPER_SHORT,
        NEWSPAPER_WP,
        NEWSPAPER_EVENT_STORY,
        NEWSPAPER_AUTHOR_STORY,
        NEWSPAPER_CALENDAR_STORY,
        NEWSPAPER_DATELINE_ONLY,
        NEWSPAPER_DATE_ONLY,
    }


def test_newspaper_dateline_and_initials_byline(crawled):
    [row] = crawled["db"].query("select * from articles where url like ?", [f"%{NEWSPAPER_ARTICLE}"])
    assert row["title"] == "Hafen bekommt ein neues Terminal"
    assert row["published"].startswith("2026-03-12")
    assert row["text"].startswith("Düsseldorf.")
    # The initials closing the text are its byline; an agency's name is kept apart.
    assert row["author"] == "nic"
    [short] = crawled["db"].query("select author, agencies from articles where url like ?", [f"%{NEWSPAPER_SHORT}"])
    assert short["author"] == "dpa" and json.loads(short["agencies"]) == ["dpa"]


@pytest.mark.parametrize(
    "path, day",
    [(NEWSPAPER_SHORT, "2026-03-11"), (NEWSPAPER_DATELINE_ONLY, "2026-03-03"), (NEWSPAPER_DATE_ONLY, "2026-03-04")],
)
def test_short_item_with_a_visible_date_is_stored(crawled, path, day):
    [row] = crawled["db"].query("select * from articles where url like ?", [f"%{path}"])
    assert row["published"].startswith(day)
    assert row["word_count"] < 60


def test_broadcaster_articles_stored_despite_og_type_website(crawled):
    assert BROADCASTER_PORTAL in fetched(crawled, "broadcaster")
    assert stored(crawled, "broadcaster") == set(BROADCASTER_ARTICLES)


def test_agency_teaser_page_followed_news_stored_programmes_not(crawled):
    assert {AGENCY_START, *AGENCY_NEWS, *AGENCY_PROGRAMMES} <= fetched(crawled, "agency")
    assert stored(crawled, "agency") == set(AGENCY_NEWS)


# --- shapes weighed without a crawl -------------------------------------------------------------

FLAT_ISSUE = page(
    "Ausgabe 2/2026 | Rhein Business",
    "<h1>Ausgabe Februar 2026 – Issue February 2026</h1><p>Erschienen am 2. Februar 2026</p>"
    + "".join(
        f'<h2><a href="/de/{de}/">{de_title}</a></h2><p>{sentence(70 + n)} {sentence(71 + n)}</p>'
        f'<h2><a href="/en/{en}/">{en_title}</a></h2><p>{sentence(70 + n, english=True)}</p>'
        for n, (de, de_title, en, en_title) in enumerate(MAGAZINE_STORIES)
    ),
)
CARD_ISSUE = page(
    "Ausgabe 1/2026 | Rhein Business",
    "<h1>Ausgabe Januar 2026</h1><p>Erschienen am 5. Januar 2026</p>"
    f"<p>{sentence(75)} {sentence(76)}</p><div class='grid'>"
    + "".join(
        f'<a class="card" href="/de/{de}/"><h3>{de_title}</h3><p>{sentence(80 + n)}</p></a>'
        for n, (de, de_title, _en, _en_title) in enumerate(MAGAZINE_STORIES)
    )
    + "</div>",
)
STORY_WITH_RELATED = page(
    "Hafen wächst | Rheinische Zeitung",
    f"""<article><h1>Hafen wächst weiter</h1><p>Von Anna Schmidt, 03.03.2026</p>{story(80, 5)}</article>
<section class="related"><h2>Mehr zum Thema</h2>"""
    + "".join(
        f'<div class="teaser"><h3><a href="{path}">{title}</a></h3><p>{sentence(90 + n)}</p><a href="{path}">Weiterlesen</a></div>'
        for n, (path, title) in enumerate(
            [(NEWSPAPER_ARTICLE, "Terminal"), (NEWSPAPER_SHORT, "Bäckerei"), (NEWSPAPER_WP, "Strompreis"), ("/x/", "X")]
        )
    )
    + "</section>",
)


@pytest.mark.parametrize(
    "url, shape, kind",
    [
        # Linked headings, each with a sentence or two: an issue overview without teaser boxes.
        ("/de/ausgabe-2026-02/", FLAT_ISSUE, "not-article"),
        # Teaser cards that are each one link as a whole, after an editorial.
        ("/de/ausgabe-2026-01/", CARD_ISSUE, "not-article"),
        # A related-stories box with "Weiterlesen" links under a dated story is no overview.
        ("/duesseldorf/hafen-waechst-weiter_aid-118860.html", STORY_WITH_RELATED, "article"),
    ],
)
def test_shapes_weighed_on_the_page_alone(url, shape, kind):
    tree = parse_html(shape.body)
    assert classify_page("https://zeitung.example" + url, page_metadata(tree), tree=tree) == kind
