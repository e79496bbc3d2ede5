"""Synthetic German/English news for the benchmarks, and the searches journalists run on it.

Texts come from :func:`crawler.demosite.iter_synthetic_articles` (demo sentences with a fifth
of their words swapped; about 280 words, three German articles to one English), the generator
the crawl benchmark serves as web pages. On top, so that every kind of search has known hits:

- each article names one invented company; each name is in about ``RARE_EVERY`` articles
  (a rare term);
- ``COMMON_TERM`` is in ``COMMON_SHARE`` of the articles (a common term);
- German articles get a compound ending in one of ``COMPOUND_PARTS`` now and then, found by
  searching for the part (the archive's decompounding);
- phrases are word pairs from the demo sentences.

Articles are spread evenly over ``YEARS`` years, oldest first, over ``SOURCES`` sources.
"""

import random
from datetime import datetime, timedelta, timezone
from typing import Iterator

from crawler.demosite import iter_synthetic_articles, load_articles
from crawler.extraction.article import Article

RARE_EVERY = 20
COMMON_TERM = "Mittelstand"
COMMON_SHARE = 0.10
COMPOUND_PARTS = ["förderung", "wasserstoff", "logistik", "stahl", "hafen", "netz", "zentrum", "markt", "werk", "bank"]
COMPOUND_HEADS = [
    "Wirtschafts",
    "Forschungs",
    "Landes",
    "Regional",
    "Bundes",
    "Innovations",
    "Stadt",
    "Industrie",
    "Energie",
    "Klima",
]
SOURCES = 20
YEARS = 10
START = datetime(2016, 1, 1, tzinfo=timezone.utc)
_SYLLABLES = [
    "ka",
    "ro",
    "ven",
    "tal",
    "mer",
    "lin",
    "bor",
    "sa",
    "qui",
    "dex",
    "nor",
    "ul",
    "tri",
    "zan",
    "pel",
    "vok",
    "mi",
    "gar",
    "es",
    "tum",
]


def company_name(number: int) -> str:
    """An invented company name (``Kavental``-like), one per number, never a real word."""
    parts = []
    for _ in range(3):
        number, digit = divmod(number, len(_SYLLABLES))
        parts.append(_SYLLABLES[digit])
    parts.append(_SYLLABLES[number % len(_SYLLABLES)] + "x")
    return "".join(parts).capitalize()


def source_rows() -> list[dict]:
    """The benchmark's sources, for ``archive.storage.store.save_sources``."""
    return [
        {
            "id": f"source-{n:02d}",
            "name": f"Source {n}",
            "homepage": f"https://source-{n:02d}.example/",
            "region": ["Düsseldorf", "Köln", "Ruhr", "Münster"][n % 4],
            "language": "de",
        }
        for n in range(1, SOURCES + 1)
    ]


def news_articles(count: int, seed: int = 1) -> Iterator[tuple[str, Article]]:
    """``count`` (source id, article) pairs, as extraction delivers them to ``store_article``."""
    rng = random.Random(seed)
    step = timedelta(days=365.25 * YEARS) / max(count, 1)
    companies = max(1, count // RARE_EVERY)
    texts = iter_synthetic_articles(seed)
    for number in range(count):
        demo = next(texts)
        paragraphs = list(demo.paragraphs)
        extra = [
            f"Auch {company_name(number % companies)} meldete Zahlen."
            if demo.language == "de"
            else f"{company_name(number % companies)} also reported figures."
        ]
        if rng.random() < COMMON_SHARE:
            extra.append(
                f"Der {COMMON_TERM} zeigt sich robust."
                if demo.language == "de"
                else f"The {COMMON_TERM} remains robust."
            )
        if demo.language == "de" and rng.random() < 0.3:
            extra.append(f"Die {rng.choice(COMPOUND_HEADS)}{rng.choice(COMPOUND_PARTS)} wächst.")
        paragraphs.insert(rng.randrange(1, len(paragraphs) + 1), " ".join(extra))
        published = START + step * number
        yield (
            f"source-{number % SOURCES + 1:02d}",
            Article(
                url=f"https://source-{number % SOURCES + 1:02d}.example/{published:%Y/%m}/{demo.slug}.html",
                title=demo.title,
                description=demo.lead,
                author=", ".join(demo.authors),
                published=published.replace(microsecond=0).isoformat(),
                language=demo.language,
                text="\n".join(paragraphs),
                tags=list(demo.tags),
                site_name="Synthetic",
            ),
        )


def rare_terms(count: int, queries: int) -> list[str]:
    """``queries`` invented company names that occur in articles of a ``count``-article archive."""
    companies = max(1, count // RARE_EVERY)
    return [company_name((n * 7919) % companies) for n in range(queries)]


def phrases(queries: int, seed: int = 1) -> list[str]:
    """``queries`` two-word phrases from the demo sentences, quoted for FTS5."""
    rng = random.Random(seed)
    pairs = []
    for article in load_articles():
        for paragraph in article.paragraphs:
            words = paragraph.split()
            pairs += [
                f"{a} {b}"
                for a, b in zip(words, words[1:])
                if a.isalpha() and b.isalpha() and len(a) > 4 and len(b) > 4
            ]
    return [f'"{pair}"' for pair in rng.sample(sorted(set(pairs)), queries)]


def compound_parts(queries: int) -> list[str]:
    """``queries`` searches for a part of a German compound."""
    return [COMPOUND_PARTS[n % len(COMPOUND_PARTS)] for n in range(queries)]
