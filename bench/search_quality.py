"""Precision and recall of German search, per query class, for several analyses.

    .venv/bin/python bench/search_quality.py      (or: make bench-search-quality)
    .venv/bin/python bench/search_quality.py --analyses "Snowball + frequency splitter" \
        "Snowball + german-nouns splitter" --output bench/results/search_quality_german_nouns.json

Builds a real archive (``archive.storage.store``) of the demo site's articles and of a generated German
corpus whose documents each hold one word with known meanings (Unternehmensgründungen means
Unternehmen, Gründung and Unternehmensgründung), then runs every query through SQLite FTS5
once per analysis: the articles' ``search_terms`` are recomputed by that analysis and each
query word expanded by its :func:`archive.indexing.search.query_terms`, as the query parser does.
Expected hits come from the corpus' meanings and, for the demo articles, from a regular
expression per query over the text with umlauts spelled out: the oracle never uses the code
under test. A third of the queries (by a hash of the query) are held out from tuning; the
table reports those. Writes bench/results/search_quality.json, or with ``--analyses`` those
analyses only to ``--output`` (milliseconds compare only within one run).

CISTEM, simplemma and german-nouns are not dependencies of the archive; for this comparison:
``pip install nltk simplemma`` and ``pip install --no-deps german-nouns`` (its lookup needs
no dependency; the one it declares parses Wiktionary dumps).
"""

import argparse
import hashlib
import json
import re
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

# Run as a script, bench/ comes first on the path, and bench/archive.py would shadow the package.
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from archive.indexing import search  # noqa: E402
from archive.indexing.search import GermanAnalysis, query_terms, search_terms  # noqa: E402
from archive.storage.store import open_archive, prepare_article, save_sources, store_article  # noqa: E402
from crawler.demosite import load_articles  # noqa: E402
from crawler.extraction.article import Article  # noqa: E402

RESULTS = Path(__file__).parent / "results" / "search_quality.json"
CORPUS_URL, DEMO_URL = "https://corpus.example/", "https://demo.example/"

ANALYSES = {
    "0.1.0 splitter (legacy)": search.LEGACY_ANALYSIS,
    "Snowball only": GermanAnalysis(stemmer="snowball", splitter="none"),
    "frequency splitter only": GermanAnalysis(stemmer="none", splitter="frequency"),
    "Snowball + frequency splitter": GermanAnalysis(stemmer="snowball", splitter="frequency"),
    "Snowball + splitter + stem*": GermanAnalysis(stemmer="snowball", splitter="frequency", prefix=True),
    "CISTEM + frequency splitter": GermanAnalysis(stemmer="cistem", splitter="frequency"),
    "simplemma + frequency splitter": GermanAnalysis(stemmer="simplemma", splitter="frequency"),
    "simplemma only": GermanAnalysis(stemmer="simplemma", splitter="none"),
    "german-nouns splitter only": GermanAnalysis(stemmer="none", splitter="german-nouns"),
    "Snowball + german-nouns splitter": GermanAnalysis(stemmer="snowball", splitter="german-nouns"),
}

# The generated corpus: one document per word, and what the word means for a searcher.
LEXICON = {
    "Unternehmen": {"unternehmen"},
    "Unternehmens": {"unternehmen"},
    "Unternehmensgründungen": {"unternehmen", "gründung", "unternehmensgründung"},
    "Gründung": {"gründung"},
    "Wärmepumpe": {"wärmepumpe", "wärme", "pumpe"},
    "Wärmepumpen": {"wärmepumpe", "wärme", "pumpe"},
    "Wärmepumpenwerk": {"wärmepumpe", "wärme", "pumpe", "werk", "wärmepumpenwerk"},
    "Wärme": {"wärme"},
    "Pumpe": {"pumpe"},
    "Chemiepark": {"chemie", "park", "chemiepark"},
    "Chemieparks": {"chemie", "park", "chemiepark"},
    "NRW-Chemie": {"nrw", "chemie", "nrw-chemie"},
    "Chemie": {"chemie"},
    "Wirtschaftsförderung": {"wirtschaft", "förderung", "wirtschaftsförderung"},
    "Förderungen": {"förderung"},
    "Wirtschaft": {"wirtschaft"},
    "Aufsichtsrat": {"aufsicht", "rat", "aufsichtsrat"},
    "Aufsichtsräte": {"aufsicht", "rat", "aufsichtsrat"},
    "Stadtrat": {"stadt", "rat", "stadtrat"},
    "Rate": {"rate"},
    "Raten": {"rate"},
    "Arbeitsmarkt": {"arbeit", "markt", "arbeitsmarkt"},
    "Arbeitsmärkte": {"arbeit", "markt", "arbeitsmarkt"},
    "Wochenmarkt": {"woche", "markt", "wochenmarkt"},
    "Märkte": {"markt"},
    "Markt": {"markt"},
    "Stahlwerk": {"stahl", "werk", "stahlwerk"},
    "Stahlwerke": {"stahl", "werk", "stahlwerk"},
    "Energiewende": {"energie", "wende", "energiewende"},
    "Energiekosten": {"energie", "kosten", "energiekosten"},
    "Fachkräftemangel": {"fachkraft", "mangel", "fachkräftemangel"},
    "Fachkräfte": {"fachkraft"},
    "Mangel": {"mangel"},
    "Krankenhaus": {"krankenhaus", "haus"},
    "Krankenhäuser": {"krankenhaus", "haus"},
    "Hauptbahnhof": {"bahnhof", "hauptbahnhof"},
    "Bahnhof": {"bahnhof"},
    "Binnenhafen": {"hafen", "binnenhafen"},
    "Hafens": {"hafen"},
    "Logistikzentrum": {"logistik", "zentrum", "logistikzentrum"},
    "Logistikzentren": {"logistik", "zentrum", "logistikzentrum"},
    "Einzelhandel": {"handel", "einzelhandel"},
    "Großhandel": {"handel", "großhandel"},
    "Grosshandel": {"handel", "großhandel"},
    "Handelsketten": {"handel", "kette", "handelskette"},
    "Verkehrsbetriebe": {"verkehr", "betrieb"},
    "Nahverkehr": {"verkehr", "nahverkehr"},
    "Bank": {"bank"},
    "Banken": {"bank"},
    "Bankrott": {"bankrott"},
    "Sparkasse": {"sparkasse", "kasse"},
    "Rhein-Ruhr-Region": {"rhein", "ruhr", "region", "rhein-ruhr"},
    "Start-up": {"startup"},
    "Startups": {"startup"},
    "Start-ups": {"startup"},
    "E-Mobilität": {"e-mobilität", "mobilität"},
    "Mobilität": {"mobilität"},
    "IHK-Präsident": {"ihk", "präsident", "ihk-präsident"},
    "KI-Strategie": {"ki", "strategie", "ki-strategie"},
    "Düsseldorf": {"düsseldorf"},
    "Duesseldorf": {"düsseldorf"},
    "Straße": {"straße"},
    "Strasse": {"straße"},
    "Hauptstraße": {"straße", "hauptstraße"},
    "Müller": {"müller"},
    "Mueller": {"müller"},
    "Köln": {"köln"},
    "Koeln": {"köln"},
    "Maßnahmen": {"maßnahme"},
    "Massnahme": {"maßnahme"},
    "E.ON": {"e.on"},
    "RWE": {"rwe"},
    "BASF": {"basf"},
    "ThyssenKrupp": {"thyssenkrupp"},
    "C&A": {"c&a"},
    "R&D": {"r&d"},
    "unter": {"unter"},
    "Unterhaltung": {"unterhaltung"},
    "Untersuchung": {"untersuchung"},
    "Ende": {"ende"},
    "Wochenende": {"woche", "ende", "wochenende"},
    "Legende": {"legende"},
    "Osten": {"osten"},
    "Kosten": {"kosten"},
}
ENGLISH_LEXICON = {
    "containers": {"container"},
    "software updates": {"software", "update"},
    "supply chain": {"supply", "chain"},
    "shipping company": {"shipping"},
}
LEXICON_DE_EN = {"Container": {"container"}, "Software": {"software"}}
# Filler around the word: none of it means anything queried.
GERMAN_FILLER = (
    "Das meldete die Redaktion am Dienstag: {}. Weitere Einzelheiten nannte niemand.",
    "Am Freitag hieß es knapp: {}. Eine Stellungnahme blieb zunächst aus.",
)
ENGLISH_FILLER = "The newsroom reported on Tuesday: {}. Nobody gave further details."

# (class, query as typed, meaning looked for)
CORPUS_QUERIES = [
    *[
        ("inflection", typed, meaning)
        for typed, meaning in [
            ("wärmepumpen", "wärmepumpe"),
            ("wärmepumpe", "wärmepumpe"),
            ("unternehmens", "unternehmen"),
            ("unternehmen", "unternehmen"),
            ("förderungen", "förderung"),
            ("förderung", "förderung"),
            ("märkte", "markt"),
            ("markt", "markt"),
            ("banken", "bank"),
            ("bank", "bank"),
            ("hafens", "hafen"),
            ("hafen", "hafen"),
            ("stahlwerke", "stahlwerk"),
            ("stahlwerk", "stahlwerk"),
            ("chemieparks", "chemiepark"),
            ("chemiepark", "chemiepark"),
            ("aufsichtsräte", "aufsichtsrat"),
            ("aufsichtsrat", "aufsichtsrat"),
            ("krankenhäuser", "krankenhaus"),
            ("krankenhaus", "krankenhaus"),
            ("fachkräfte", "fachkraft"),
            ("fachkraft", "fachkraft"),
            ("logistikzentren", "logistikzentrum"),
            ("logistikzentrum", "logistikzentrum"),
            ("gründungen", "gründung"),
            ("gründung", "gründung"),
            ("arbeitsmärkte", "arbeitsmarkt"),
            ("arbeitsmarkt", "arbeitsmarkt"),
            ("maßnahme", "maßnahme"),
            ("maßnahmen", "maßnahme"),
            ("handelskette", "handelskette"),
            ("raten", "rate"),
            ("pumpen", "pumpe"),
            ("wochenmärkte", "wochenmarkt"),
            ("stadträte", "stadtrat"),
        ]
    ],
    *[
        ("compound head", typed, meaning)
        for typed, meaning in [
            ("rat", "rat"),
            ("räte", "rat"),
            ("werk", "werk"),
            ("werke", "werk"),
            ("park", "park"),
            ("handel", "handel"),
            ("bahnhof", "bahnhof"),
            ("mangel", "mangel"),
            ("kosten", "kosten"),
            ("zentrum", "zentrum"),
            ("pumpe", "pumpe"),
            ("wende", "wende"),
            ("haus", "haus"),
            ("häuser", "haus"),
            ("kasse", "kasse"),
            ("verkehr", "verkehr"),
            ("kette", "kette"),
            ("ketten", "kette"),
            ("strategie", "strategie"),
            ("präsident", "präsident"),
        ]
    ],
    *[
        ("compound modifier", typed, meaning)
        for typed, meaning in [
            ("wärme", "wärme"),
            ("chemie", "chemie"),
            ("energie", "energie"),
            ("stahl", "stahl"),
            ("logistik", "logistik"),
            ("stadt", "stadt"),
            ("fachkräfte", "fachkraft"),
            ("wärmepumpe", "wärmepumpe"),
            ("nahverkehr", "nahverkehr"),
            ("energien", "energie"),
        ]
    ],
    *[
        ("linking element", typed, meaning)
        for typed, meaning in [
            ("unternehmen", "unternehmen"),
            ("arbeit", "arbeit"),
            ("wirtschaft", "wirtschaft"),
            ("aufsicht", "aufsicht"),
            ("verkehr", "verkehr"),
            ("handel", "handel"),
            ("woche", "woche"),
            ("wochen", "woche"),
            ("wärmepumpen", "wärmepumpe"),
            ("wirtschafts", "wirtschaft"),
        ]
    ],
    *[
        ("hyphenated", typed, meaning)
        for typed, meaning in [
            ("nrw-chemie", "nrw-chemie"),
            ("nrw", "nrw"),
            ("rhein-ruhr", "rhein-ruhr"),
            ("ruhr", "ruhr"),
            ("rhein", "rhein"),
            ("region", "region"),
            ("start-up", "startup"),
            ("startup", "startup"),
            ("startups", "startup"),
            ("start-ups", "startup"),
            ("e-mobilität", "e-mobilität"),
            ("mobilität", "mobilität"),
            ("ihk-präsident", "ihk-präsident"),
            ("ihk", "ihk"),
            ("ki-strategie", "ki-strategie"),
            ("ki", "ki"),
        ]
    ],
    *[
        ("umlaut/ß spelling", typed, meaning)
        for typed, meaning in [
            ("düsseldorf", "düsseldorf"),
            ("duesseldorf", "düsseldorf"),
            ("dusseldorf", "düsseldorf"),
            ("straße", "straße"),
            ("strasse", "straße"),
            ("müller", "müller"),
            ("mueller", "müller"),
            ("muller", "müller"),
            ("köln", "köln"),
            ("koeln", "köln"),
            ("koln", "köln"),
            ("maßnahme", "maßnahme"),
            ("massnahme", "maßnahme"),
            ("massnahmen", "maßnahme"),
            ("großhandel", "großhandel"),
            ("grosshandel", "großhandel"),
            ("waerme", "wärme"),
            ("fachkraefte", "fachkraft"),
            ("gruendung", "gründung"),
            ("waermepumpen", "wärmepumpe"),
        ]
    ],
    *[
        ("names/abbreviations", typed, meaning)
        for typed, meaning in [
            ("e.on", "e.on"),
            ("eon", "e.on"),
            ("rwe", "rwe"),
            ("basf", "basf"),
            ("thyssenkrupp", "thyssenkrupp"),
            ("c&a", "c&a"),
            ("r&d", "r&d"),
        ]
    ],
    *[
        ("english", typed, meaning)
        for typed, meaning in [
            ("container", "container"),
            ("containers", "container"),
            ("software", "software"),
            ("update", "update"),
            ("updates", "update"),
            ("supply", "supply"),
            ("chain", "chain"),
            ("shipping", "shipping"),
        ]
    ],
    *[
        ("negative", typed, meaning)
        for typed, meaning in [
            ("unter", "unter"),
            ("rate", "rate"),
            ("osten", "osten"),
            ("ende", "ende"),
            ("bankrott", "bankrott"),
            ("unterhaltung", "unterhaltung"),
            ("untersuchung", "untersuchung"),
            ("legende", "legende"),
            ("kosten", "kosten"),
            ("bank", "bank"),
        ]
    ],
]

# Demo articles: (class, query, what a reader counts as a hit, over the text with umlauts spelled out)
DEMO_QUERIES = [
    ("demo: compound", "unternehmen", r"unternehmen"),
    ("demo: compound", "gründung", r"gruendung"),
    ("demo: compound", "förderung", r"foerderung"),
    ("demo: inflection", "fachkräfte", r"fachkr(ae|a)ft"),
    ("demo: compound", "arbeitsplatz", r"arbeitspl(ae|a)tz"),
    ("demo: compound", "wasserstoff", r"wasserstoff"),
    ("demo: compound", "handwerk", r"handwerk"),
    ("demo: compound", "bank", r"bank"),
    ("demo: compound", "roboter", r"roboter"),
    ("demo: compound", "energiekosten", r"energiekosten"),
    ("demo: compound", "energie", r"energie"),
    ("demo: compound", "logistik", r"logistik"),
    ("demo: compound", "messe", r"messe(?!r)"),
    ("demo: inflection", "krankenhaus", r"krankenh(ae|a)us"),
    ("demo: umlaut/ß", "düsseldorf", r"duesseldorf"),
    ("demo: umlaut/ß", "duesseldorf", r"duesseldorf"),
    ("demo: umlaut/ß", "strasse", r"strasse"),
    ("demo: compound", "hafen", r"hafen"),
    ("demo: compound", "zentrum", r"zentr(um|en)"),
    ("demo: compound", "software", r"software"),
    ("demo: names", "ki", r"\bki\b"),
    ("demo: inflection", "investition", r"investition"),
    ("demo: negative", "unter", r"\bunter\b"),
    ("demo: inflection", "mittelstand", r"mittelst(ae|a)nd"),
    ("demo: compound", "ruhrgebiet", r"ruhrgebiet"),
    ("demo: compound", "finanzierung", r"finanzierung"),
    ("demo: compound", "ausbildung", r"ausbildung"),
    ("demo: compound", "industrie", r"industrie(?!ll)"),
    ("demo: compound", "betrieb", r"betrieb"),
    ("demo: inflection", "geschäftsführer", r"gesch(ae|a)ftsf(ue|u)hrer"),
    ("demo: compound", "kammer", r"kammer"),
    ("demo: inflection", "hochschule", r"hochschule"),
]


@dataclass
class Query:
    kind: str
    typed: str
    expected: set[str]  # article URLs
    universe: str  # URLs a hit is counted among: the generated corpus's or the demo site's

    @property
    def held_out(self) -> bool:
        # Stable across runs and Python versions (hash() of a str is salted per process).
        return hashlib.sha1(f"{self.kind}|{self.typed}".encode()).digest()[0] % 3 == 0


def corpus_articles() -> list[tuple[Article, set[str]]]:
    """Generated articles and the meanings each holds."""
    articles = []
    for number, (word, meanings) in enumerate({**LEXICON, **LEXICON_DE_EN}.items()):
        for variant, filler in enumerate(GERMAN_FILLER):
            articles.append(
                (
                    Article(
                        url=f"{CORPUS_URL}de/{number}-{variant}",
                        title=f"Meldung {number}",
                        text=filler.format(word),
                        language="de",
                    ),
                    meanings,
                )
            )
    for number, (words, meanings) in enumerate(ENGLISH_LEXICON.items()):
        articles.append(
            (
                Article(
                    url=f"{CORPUS_URL}en/{number}",
                    title=f"Report {number}",
                    text=ENGLISH_FILLER.format(words),
                    language="en",
                ),
                meanings,
            )
        )
    return articles


def demo_articles() -> list[Article]:
    return [
        Article(
            url=f"{DEMO_URL}{article.slug}",
            title=article.title,
            description=article.lead,
            text="\n\n".join(article.paragraphs),
            language=article.language,
        )
        for article in load_articles()
    ]


SPELLED_OUT = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def queries(corpus: list[tuple[Article, set[str]]], demo: list[Article]) -> list[Query]:
    found = [
        Query(kind, typed, {article.url for article, meanings in corpus if meaning in meanings}, CORPUS_URL)
        for kind, typed, meaning in CORPUS_QUERIES
    ]
    for kind, typed, pattern in DEMO_QUERIES:
        found.append(
            Query(
                kind,
                typed,
                {
                    article.url
                    for article in demo
                    if re.search(
                        pattern,
                        " ".join([article.title, article.description, article.text]).casefold().translate(SPELLED_OUT),
                    )
                },
                DEMO_URL,
            )
        )
    return found


def fts_query(typed: str, analysis: GermanAnalysis) -> str:
    """What the query parser makes of one typed word: its pieces as a phrase, or any expansion."""
    pieces = re.findall(r"[^\W_]+", typed)
    alternatives = [f'"{" ".join(pieces)}"'] if len(pieces) > 1 else []
    for term in query_terms(typed, analysis):
        alternatives.append(f'"{term[:-1]}"*' if term.endswith("*") else f'"{term}"')
    return " OR ".join(dict.fromkeys(alternatives))


def evaluate(db, analysis: GermanAnalysis, all_queries: list[Query], url_of: dict[int, str]) -> list[dict]:
    results = []
    for query in all_queries:
        rows = db.execute(
            "select rowid from articles_fts where articles_fts match ?", [fts_query(query.typed, analysis)]
        ).fetchall()
        hits = {url_of[rowid] for (rowid,) in rows if url_of[rowid].startswith(query.universe)}
        results.append(
            {
                "kind": query.kind,
                "query": query.typed,
                "held_out": query.held_out,
                "expected": len(query.expected),
                "hits": len(hits),
                "true_hits": len(hits & query.expected),
                "missed": sorted(query.expected - hits)[:5],
                "wrong": sorted(hits - query.expected)[:5],
            }
        )
    return results


def summarize(results: list[dict]) -> dict[str, dict]:
    """Micro-averaged precision and recall per query class, and over all."""
    by_kind: dict[str, list[dict]] = {}
    for result in results:
        by_kind.setdefault(result["kind"], []).append(result)
        by_kind.setdefault("all", []).append(result)
    summary = {}
    for kind, rows in by_kind.items():
        hits, true_hits, expected = (sum(row[key] for row in rows) for key in ("hits", "true_hits", "expected"))
        summary[kind] = {
            "queries": len(rows),
            "precision": round(true_hits / hits, 3) if hits else 1.0,
            "recall": round(true_hits / expected, 3) if expected else 1.0,
        }
    return summary


def analysis_cost(analysis: GermanAnalysis, articles: list[Article]) -> dict:
    """Milliseconds per article of search_terms with cold caches, and the column's size."""
    if analysis.splitter == "german-nouns":
        search.german_nouns()  # its dictionary is read once, like the word list
    search._word_terms.cache_clear()
    search.stem.cache_clear()
    search.german_nouns_parts.cache_clear()
    search._german_part_frequency.cache_clear()
    started = time.perf_counter()
    terms = [
        search_terms(
            article.title,
            article.description,
            article.text,
            language=article.language,
            analysis=analysis,
        )
        for article in articles
    ]
    seconds = time.perf_counter() - started
    return {
        "ms_per_article": round(seconds * 1000 / len(articles), 2),
        "search_terms_bytes_per_article": round(sum(len(t.encode()) for t in terms) / len(articles)),
    }


def run(analyses: dict[str, GermanAnalysis] | None = None) -> dict:
    analyses = ANALYSES if analyses is None else analyses
    corpus, demo = corpus_articles(), demo_articles()
    all_queries = queries(corpus, demo)
    articles = [article for article, _ in corpus] + demo
    search.german_vocabulary()  # loaded once per process, not part of any article's cost
    figures = {
        "queries": len(all_queries),
        "held_out": sum(query.held_out for query in all_queries),
        "articles": len(articles),
        "analyses": {},
    }
    with tempfile.TemporaryDirectory() as directory:
        db = open_archive(Path(directory) / "archive.db")
        save_sources(db, [{"id": "bench", "name": "Bench"}])
        for article in articles:
            store_article(db, article, source="bench")
        url_of = dict(db.execute("select id, url from articles").fetchall())
        prepare_seconds = time.perf_counter()
        for article in demo:
            prepare_article(article)
        figures["prepare_article_ms_warm"] = round((time.perf_counter() - prepare_seconds) * 1000 / len(demo), 2)
        for name, analysis in analyses.items():
            try:
                cost = analysis_cost(analysis, demo)
            except ImportError as missing:  # NLTK, simplemma or german-nouns not installed: bench only
                figures["analyses"][name] = {"skipped": str(missing)}
                continue
            rows = db.execute("select id, title, description, text, language from articles").fetchall()
            for article_id, title, description, text, language in rows:
                db.execute(
                    "update articles set search_terms = ? where id = ?",
                    [search_terms(title, description, text, language=language, analysis=analysis), article_id],
                )
            db.conn.commit()
            results = evaluate(db, analysis, all_queries, url_of)
            figures["analyses"][name] = {
                "analysis": analysis.__dict__,
                **cost,
                "held_out": summarize([row for row in results if row["held_out"]]),
                "tuning": summarize([row for row in results if not row["held_out"]]),
                "failures": [row for row in results if row["missed"] or row["wrong"]],
            }
        db.close()
    return figures


def print_table(figures: dict) -> None:
    print(
        f"{figures['queries']} queries ({figures['held_out']} held out), {figures['articles']} articles;"
        " held-out precision / recall"
    )
    kinds = sorted({kind for entry in figures["analyses"].values() for kind in entry.get("held_out", {})})
    for name, entry in figures["analyses"].items():
        if "skipped" in entry:
            print(f"{name:32} skipped: {entry['skipped']}")
            continue
        overall = entry["held_out"]["all"]
        print(
            f"{name:32} P {overall['precision']:.3f} R {overall['recall']:.3f}  "
            f"{entry['ms_per_article']:6.2f} ms/article  {entry['search_terms_bytes_per_article']:6} B/article  "
            f"(tuning P {entry['tuning']['all']['precision']:.3f} R {entry['tuning']['all']['recall']:.3f})"
        )
        for kind in kinds:
            if kind != "all" and kind in entry["held_out"]:
                row = entry["held_out"][kind]
                print(f"    {kind:28} n={row['queries']:3}  P {row['precision']:.3f}  R {row['recall']:.3f}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--analyses", nargs="+", choices=list(ANALYSES), default=list(ANALYSES))
    parser.add_argument("--output", type=Path, default=RESULTS)
    arguments = parser.parse_args()
    figures = run({name: ANALYSES[name] for name in arguments.analyses})
    arguments.output.parent.mkdir(exist_ok=True)
    arguments.output.write_text(json.dumps(figures, indent=1, ensure_ascii=False) + "\n")
    print_table(figures)
