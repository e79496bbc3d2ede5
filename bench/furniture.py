"""Does extraction hold when a page carries the blocks other news sites put around a story?

    python bench/furniture.py [--benchmarks DIR] [--limit N] [--blocks NAME ...] [--workers N]

A benchmark's pages come from a few hundred sites; the pages users bring come from others,
whose templates add a top bar with the day of the visit, a consent banner, top stories above
the story, related stories, comments and "most read" lists after it. For every metadata-de page
on which newsarchive's title, date or author is right, each block of :data:`FURNITURE` is put
where sites put it and the page extracted again; a field that is then wrong is counted as
broken by the block. The blocks' names (Max Mustermann, Erika Musterfrau, Klaus Becker) are
nobody's story's; their dates are set from the story's day, before or after it as such a block's
dates stand on real pages (a top bar prints the day of the visit, a read-also link an older
story's day, a comment a later day), so that a rule such as "the earliest date is the story's"
is not rewarded by blocks that all predate the story.

Counted on both halves of ``split.json`` (rules are developed on ``tune``, figures reported on
``check``, whose pages are not listed). Prints a table and writes ``bench/results/furniture.json``.
"""

import argparse
import json
import re
import sys
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPOSITORY))

from bench.extraction import (  # noqa: E402
    HALVES,
    METADATA_FIELDS,
    benchmarks_dir,
    page_outcome,
    read_page,
    read_split,
)
from crawler.extraction.dates import warm_up_date_parser  # noqa: E402
from crawler.extraction.extract import extract_article  # noqa: E402

RESULTS = REPOSITORY / "bench" / "results" / "furniture.json"


# A block's dates are written "{<days from the story's day>:<format>}", as "{+3:weekday}".
DATE_SLOT = re.compile(r"\{([+-]\d+):(\w+)\}")
MONTHS_DE = (
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
)
MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
WEEKDAYS_DE = ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag")
DATE_FORMATS = {
    "iso": lambda day: day.isoformat(),
    "numeric": lambda day: f"{day:%d.%m.%Y}",
    "long": lambda day: f"{day.day}. {MONTHS_DE[day.month - 1]} {day.year}",
    "weekday": lambda day: f"{WEEKDAYS_DE[day.weekday()]}, {day.day}. {MONTHS_DE[day.month - 1]} {day.year}",
    "english": lambda day: f"{MONTHS_EN[day.month - 1]} {day.day}, {day.year}",
    "year": lambda day: str(day.year),
}
# Pages without a gold day are tested on their headline and authors only; their blocks need a day.
SOME_DAY = date(2015, 6, 17)


def story_day_of(entry: dict) -> date:
    """The gold's day of a page; :data:`SOME_DAY` without one or with one no calendar has
    (two gold days write the month last: "2022-29-11")."""
    try:
        return date.fromisoformat(entry.get("date") or "")
    except ValueError:
        return SOME_DAY


def dated(html: str, story_day: date) -> str:
    """``html`` with each date slot written out, counted from ``story_day``."""
    return DATE_SLOT.sub(lambda slot: DATE_FORMATS[slot[2]](story_day + timedelta(days=int(slot[1]))), html)


@dataclass(frozen=True)
class Furniture:
    name: str
    place: str  # one of PLACES
    html: str


# Where a block goes: into the <head>, first in the <body>, just before the first <h1>, after
# it, after the first paragraph after it (inside the story's text), after the first </article>
# (the story's end on most pages; the body's end without one), last in the body.
PLACES = ("head", "body start", "before headline", "after headline", "in story", "after story", "body end")


def _card(number: int) -> str:
    offset = f"{number - 5:+d}"
    author = "Max Mustermann" if number % 2 else "Erika Musterfrau"
    return (
        f'<article class="teaser"><a href="/wirtschaft/kraftwerk-{number}.html"><h3 class="teaser__headline">'
        f"Stadtwerke planen neues Kraftwerk am Rhein, Teil {number}</h3></a>"
        f'<time datetime="{{{offset}:iso}}T09:3{number}:00+02:00">{{{offset}:numeric}}</time>'
        f'<span class="teaser__author">Von {author}</span><p>Die Stadtwerke wollen investieren.</p></article>'
    )


FURNITURE = (
    Furniture(
        "top bar",
        "body start",
        '<div class="topbar"><span class="topbar__date">{+3:weekday}</span>'
        ' <span>Düsseldorf 18 °C</span> <a href="/abo">Abo</a> <a href="/login">Anmelden</a></div>',
    ),
    Furniture(
        "consent banner",
        "body start",
        '<div id="consent" role="dialog" class="cookie-banner"><h2>Wir respektieren Ihre Privatsphäre</h2>'
        "<p>Wir und unsere Partner verwenden Cookies. Stand: {-200:numeric}</p><button>Alle akzeptieren</button></div>",
    ),
    Furniture(
        "site logo as h1",
        "body start",
        '<header class="site-header"><h1 class="logo"><a href="/">Rheinische Post</a></h1></header>',
    ),
    Furniture(
        "top stories above",
        "body start",
        '<section class="top-stories"><h2>Top-Themen</h2>' + "".join(map(_card, (4, 5, 6))) + "</section>",
    ),
    Furniture(
        "breaking news bar",
        "body start",
        '<div class="breaking-news"><span class="label">Eilmeldung</span> <a href="/eil.html">Streik bei der'
        ' Rheinbahn: Busse und Bahnen stehen still</a> <span class="time">14:32 Uhr</span></div>',
    ),
    Furniture(
        "video JSON-LD",
        "head",
        '<script type="application/ld+json">{"@context": "https://schema.org", "@type": "VideoObject",'
        ' "name": "Video: Das Kraftwerk am Rhein", "uploadDate": "{-2:iso}T10:00:00+02:00",'
        ' "thumbnailUrl": "https://example.org/t.jpg", "author": {"@type": "Person", "name": "Max Mustermann"}}</script>',
    ),
    Furniture(
        "breadcrumb JSON-LD",
        "head",
        '<script type="application/ld+json">{"@context": "https://schema.org", "@type": "BreadcrumbList",'
        ' "itemListElement": [{"@type": "ListItem", "position": 1, "name": "Startseite", "item": "https://example.org/"},'
        ' {"@type": "ListItem", "position": 2, "name": "Wirtschaft", "item": "https://example.org/wirtschaft/"}]}</script>',
    ),
    Furniture(
        "newsletter dialog",
        "body start",
        '<div class="modal" role="dialog" aria-modal="true"><h1>Bleiben Sie informiert!</h1><p>Der Newsletter'
        " am Morgen, seit dem {-1500:numeric} jeden Werktag.</p><button>Schließen</button></div>",
    ),
    Furniture(
        "organization JSON-LD",
        "head",
        '<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsMediaOrganization",'
        ' "name": "Rheinische Post", "url": "https://example.org/", "foundingDate": "{-5000:iso}",'
        ' "founder": {"@type": "Person", "name": "Max Mustermann"}}</script>',
    ),
    Furniture(
        "image JSON-LD",
        "head",
        '<script type="application/ld+json">{"@context": "https://schema.org", "@type": "ImageObject",'
        ' "contentUrl": "https://example.org/bild.jpg", "datePublished": "{-1:iso}T10:00:00+02:00",'
        ' "author": {"@type": "Person", "name": "Max Mustermann"}, "copyrightHolder": "dpa"}</script>',
    ),
    Furniture(
        "event JSON-LD",
        "head",
        '<script type="application/ld+json">{"@context": "https://schema.org", "@type": "Event",'
        ' "name": "Wirtschaftsforum Rhein", "startDate": "{+14:iso}T18:00:00+02:00",'
        ' "performer": {"@type": "Person", "name": "Klaus Becker"}}</script>',
    ),
    Furniture(
        "breadcrumb trail",
        "before headline",
        '<nav class="breadcrumb" aria-label="Brotkrumen"><a href="/">Startseite</a> › <a href="/wirtschaft/">'
        "Wirtschaft</a> › <span>Düsseldorf</span></nav>",
    ),
    Furniture(
        "reading time",
        "after headline",
        '<span class="reading-time">Lesezeit: 3 Minuten</span>',
    ),
    Furniture(
        "audio player",
        "after headline",
        '<div class="audio-player"><button>Artikel vorlesen lassen</button> <span>Dauer: 4:32 min</span></div>',
    ),
    Furniture(
        "photo credit",
        "after headline",
        '<figure class="article-image"><img src="/bild.jpg" alt=""><figcaption>Der Hafen am {-30:numeric}.'
        " Foto: dpa/Max Mustermann</figcaption></figure>",
    ),
    Furniture(
        "photo credit line",
        "after headline",
        '<div class="article-image"><img src="/bild.jpg" alt=""><span class="image-credit">Foto: Max Mustermann'
        "</span></div>",
    ),
    Furniture(
        "update line",
        "after headline",
        '<p class="article-update">Aktualisiert am {+1:numeric}, 16:20 Uhr</p>',
    ),
    Furniture(
        "coming date in story",
        "in story",
        "<p>Die Hauptversammlung findet am {+14:weekday} in der Messe Düsseldorf statt; Vorstand"
        " Klaus Becker will dort die Zahlen vorstellen.</p>",
    ),
    Furniture(
        "past date in story",
        "in story",
        "<p>Der Rat hatte das Vorhaben am {-30:long} beschlossen, wie Sprecher Klaus Becker sagte.</p>",
    ),
    Furniture(
        "tweet embed",
        "in story",
        '<blockquote class="twitter-tweet"><p lang="de">Heute im Rat: das Kraftwerk am Rhein.</p>&mdash; Max'
        ' Mustermann (@maxmuster) <a href="https://twitter.com/maxmuster/status/1">{-1:english}</a></blockquote>',
    ),
    Furniture(
        "quote with attribution",
        "in story",
        "<blockquote><p>„Das ist ein guter Tag für die Stadt und für den Hafen.“</p><cite>Max Mustermann,"
        " Oberbürgermeister</cite></blockquote>",
    ),
    Furniture(
        "live ticker entry",
        "in story",
        '<div class="ticker-entry"><time class="ticker-entry__time" datetime="{+1:iso}T14:32:00+02:00">'
        "{+1:numeric}, 14:32 Uhr</time><p>Der Rat hat abgestimmt.</p></div>",
    ),
    Furniture(
        "timeline in story",
        "in story",
        '<ul class="timeline"><li><strong>{-400:numeric}:</strong> Erste Pläne für den Ausbau</li>'
        "<li><strong>{-30:numeric}:</strong> Der Rat stimmt dem Vorhaben zu</li>"
        "<li><strong>{+200:numeric}:</strong> Geplanter Baubeginn</li></ul>",
    ),
    Furniture(
        "table of dated rows",
        "in story",
        "<table><tr><th>Datum</th><th>Umschlag</th></tr><tr><td>{-3:numeric}</td><td>1,2 Mio. t</td></tr>"
        "<tr><td>{-2:numeric}</td><td>1,3 Mio. t</td></tr><tr><td>{-1:numeric}</td><td>1,1 Mio. t</td></tr></table>",
    ),
    Furniture(
        "video teaser",
        "after headline",
        '<div class="video-teaser"><span class="video-teaser__date">{-3:numeric}</span>'
        ' <span class="video-teaser__title">Video: So sieht der neue Hafen aus</span> <span>2:14 Min.</span></div>',
    ),
    Furniture(
        "event box",
        "after headline",
        '<div class="event-info"><p><strong>Wann:</strong> {+4:weekday}, 19 Uhr</p>'
        "<p><strong>Wo:</strong> Stadthalle Düsseldorf, Eintritt frei</p></div>",
    ),
    Furniture(
        "stock quote in story",
        "in story",
        '<p class="stock-quote">Rheinmetall-Aktie: 241,30 Euro (+1,2 %), Stand: {+1:numeric}, 17:35 Uhr</p>',
    ),
    Furniture(
        "first published note",
        "after story",
        "<p><em>Dieser Artikel erschien zuerst am {-2:numeric} in der Rheinischen Post.</em></p>",
    ),
    Furniture(
        "print edition note",
        "after story",
        '<p class="print-note">Dieser Artikel ist in der gedruckten Ausgabe vom {+1:long} erschienen.</p>',
    ),
    Furniture(
        "correction note",
        "in story",
        '<p class="correction"><em>Korrektur vom {+1:numeric}: In einer früheren Fassung stand ein falscher'
        " Betrag.</em></p>",
    ),
    Furniture(
        "read-also link",
        "in story",
        '<p class="read-also"><strong>Lesen Sie auch:</strong> <a href="/wirtschaft/kraftwerk.html">Stadtwerke'
        " planen neues Kraftwerk am Rhein</a> ({-7:numeric}, von Max Mustermann)</p>",
    ),
    Furniture(
        "related stories",
        "after story",
        '<section class="related-articles"><h2>Mehr zum Thema</h2>' + "".join(map(_card, (1, 2, 3))) + "</section>",
    ),
    Furniture(
        "comments",
        "after story",
        '<div id="comments" class="comments"><h3>2 Kommentare</h3><div class="comment">'
        '<span class="comment-author">Klaus Becker</span> schrieb am {+1:numeric} um 12:04 Uhr:'
        '<p>Sehr interessanter Beitrag, danke!</p></div><div class="comment"><span class="comment-author">Petra</span>'
        ' <time datetime="{+2:iso}T08:00:00+02:00">{+2:long}</time><p>Sehe ich anders.</p></div></div>',
    ),
    Furniture(
        "most read",
        "after story",
        '<aside class="sidebar"><div class="most-read"><h3>Meistgelesen</h3><ol>'
        + "".join(
            f'<li><a href="/x{number}.html">Nachricht Nummer {number} aus der Region</a>'
            f' <span class="date">{{-{number}:numeric}}</span></li>'
            for number in range(1, 6)
        )
        + "</ol></div></aside>",
    ),
    Furniture(
        "author's other stories",
        "after story",
        '<div class="more-from-author"><h3>Weitere Artikel von Max Mustermann</h3><ul><li><a href="/y.html">'
        "Hafen Duisburg wächst weiter</a></li></ul></div>",
    ),
    Furniture(
        "commentary box",
        "after story",
        '<aside class="commentary"><h3>Kommentar</h3><p class="author">Von Erika Musterfrau</p><p>Die Stadt'
        " hat lange gezögert. Jetzt muss sie liefern.</p></aside>",
    ),
    Furniture(
        "stock widget",
        "after story",
        '<aside class="stock-widget"><h3>DAX</h3><span class="value">11.045,20</span>'
        ' <span class="timestamp">Stand: {+3:numeric}, 17:35 Uhr</span></aside>',
    ),
    Furniture(
        "press contact",
        "after story",
        '<div class="contact-box"><h3>Kontakt zur Redaktion</h3><p>Klaus Becker<br>Telefon 0211 000000<br>'
        '<a href="mailto:redaktion@example.org">redaktion@example.org</a></p></div>',
    ),
    Furniture(
        "newsletter box",
        "after story",
        '<div class="newsletter-box"><h3>Newsletter</h3><p>Von Montag bis Freitag: Die wichtigsten Nachrichten'
        ' aus der Wirtschaft. Jetzt kostenlos anmelden!</p><form><input type="email"><button>Anmelden</button>'
        "</form></div>",
    ),
    Furniture(
        "paywall",
        "after story",
        '<div class="paywall"><h2>Lesen Sie jetzt weiter</h2><p>Alle Artikel lesen: jetzt einen Monat für 0,99 €'
        ' testen.</p><a class="button" href="/abo">Jetzt abonnieren</a></div>',
    ),
    Furniture(
        "share buttons",
        "after story",
        '<div class="share"><span>Artikel teilen:</span> <a href="https://www.facebook.com/sharer">Facebook</a>'
        ' <a href="https://twitter.com/intent/tweet">Twitter</a> <a href="mailto:?subject=x">E-Mail</a></div>',
    ),
    Furniture(
        "ad slot",
        "after story",
        '<div class="ad-container"><span class="ad-label">Anzeige</span><div id="div-gpt-ad-1"></div></div>',
    ),
    Furniture(
        "site footer",
        "body end",
        '<footer class="site-footer"><p>© {+0:year} Rheinische Verlagsgesellschaft mbH</p><p>Alle Rechte vorbehalten.'
        ' Redaktion: Anna Redakteurin</p><a href="/impressum">Impressum</a></footer>',
    ),
)

BODY_START = re.compile(r"<body\b[^>]*>", re.IGNORECASE)


def furnished(html: str, block: Furniture, story_day: date = SOME_DAY) -> str | None:
    """``html`` with ``block`` in its place, its dates counted from ``story_day``; ``None`` when
    the page has no such place (no <h1>)."""
    lower = html.lower()
    block_html = dated(block.html, story_day)

    def at(position: int) -> str:
        return html[:position] + block_html + html[position:]

    if block.place == "head":
        position = lower.find("</head>")
        return at(position) if position >= 0 else block_html + html
    if block.place == "body start":
        found = BODY_START.search(html)
        return at(found.end()) if found else block_html + html
    if block.place == "before headline":
        found = re.search(r"<h1\b", html, re.IGNORECASE)
        return at(found.start()) if found else None
    if block.place == "after headline":
        position = lower.find("</h1>")
        return at(position + len("</h1>")) if position >= 0 else None
    if block.place == "in story":
        headline_end = lower.find("</h1>")
        position = lower.find("</p>", headline_end) if headline_end >= 0 else -1
        return at(position + len("</p>")) if position >= 0 else None
    if block.place == "after story" and (position := lower.find("</article>")) >= 0:
        return at(position + len("</article>"))
    position = lower.rfind("</body>")
    return at(position) if position >= 0 else html + block_html


def fields_of(article) -> dict:
    return {
        "title": article.title if article else None,
        "date": article.published if article else None,
        "author": article.author if article else None,
        "text": article.text if article else "",
    }


def page_counts(job: tuple[dict, str, list[str]]) -> dict[str, Counter]:
    """(block → Counter of "<field> tested" / "<field> broken") for one page."""
    entry, html, names = job
    hits, totals = page_outcome(entry, fields_of(extract_article(html, entry["url"])))
    right = [field for field in METADATA_FIELDS if totals[field] and hits[field]]
    story_day = story_day_of(entry)
    counts = {}
    for block in FURNITURE:
        if block.name not in names or not right:
            continue
        changed = furnished(html, block, story_day)
        if changed is None:
            continue
        after, _totals = page_outcome(entry, fields_of(extract_article(changed, entry["url"])))
        counts[block.name] = Counter(
            {
                **{f"{field} tested": 1 for field in right},
                **{f"{field} broken": 1 for field in right if not after[field]},
            }
        )
    return counts


def run(directory: Path, limit: int | None, names: list[str], workers: int) -> dict:
    gold = json.loads((directory / "gold.json").read_text(encoding="utf-8"))
    halves = read_split(directory)
    page_ids = sorted(gold)[:limit]
    jobs = [(gold[page_id], read_page(directory / gold[page_id]["file"]), names) for page_id in page_ids]
    with ProcessPoolExecutor(max_workers=workers, initializer=warm_up_date_parser) as pool:
        outcomes = list(pool.map(page_counts, jobs, chunksize=4))
    totals = {name: {half: Counter() for half in HALVES} for name in names}
    for page_id, counts in zip(page_ids, outcomes):
        half = halves.get(page_id)
        for name, counter in counts.items():
            if half in HALVES:
                totals[name][half].update(counter)
    return {
        name: {
            half: {
                field: {"broken": counter[f"{field} broken"], "tested": counter[f"{field} tested"]}
                for field in METADATA_FIELDS
            }
            for half, counter in by_half.items()
        }
        for name, by_half in totals.items()
    }


def print_table(results: dict) -> None:
    print(f"{'block':26}" + "".join(f"{half + ' ' + field:>16}" for half in HALVES for field in METADATA_FIELDS))
    for name, by_half in results.items():
        cells = [by_half[half][field] for half in HALVES for field in METADATA_FIELDS]
        print(f"{name:26}" + "".join(f"{cell['broken']:>9} of {cell['tested']:>3}" for cell in cells))


def main(argv=None) -> dict:
    names = [block.name for block in FURNITURE]
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--benchmarks", help="folder holding metadata-de/")
    parser.add_argument("--limit", type=int, help="only the first N pages")
    parser.add_argument("--blocks", nargs="+", choices=names, default=names, metavar="NAME", help="blocks to add")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--output", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    directory = benchmarks_dir(args.benchmarks) / "metadata-de"
    if not directory.is_dir():
        parser.error(f"metadata-de not found at {directory} (use --benchmarks or NEWSARCHIVE_BENCHMARKS)")
    results = {"limit": args.limit, "blocks": run(directory, args.limit, args.blocks, args.workers)}
    print_table(results["blocks"])
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"\nwritten to {args.output}")
    return results


if __name__ == "__main__":
    main()
