"""Headline, kicker, day and bylines on pages built in the templates of German news sites.

    python bench/templates.py

The pages are the project's own test pages (``tests/data/templates``, described in its
README): each in the structure of one site's article pages as public scrapers describe it, with
fictional text, and variants of some (agency copy, updated stories, commentaries, live blogs,
stories under a video). None of them is in the extraction benchmarks, so the field rules were
not written from them. newsarchive and plain trafilatura (``bare_extraction`` with its metadata)
read each page; a field counts when it equals the page's JSON:

- headline: the headline without its kicker, after whitespace normalisation;
- kicker: newsarchive's kicker field (trafilatura has none);
- day: the calendar day of the publication;
- people: the people credited, no more and no fewer, case, academic titles and degrees aside (a name
  the page prints in capitals is written as names are; "Dr. Anna Schmidt" is Anna Schmidt, as
  the extraction benchmarks' gold writes a name with its title on some pages and without on
  others; trafilatura's author string must hold each of them); pages whose JSON names no one
  (press releases) are left out;
- agencies: the wire services credited, on pages whose JSON lists them (newsarchive only).

Prints a table and writes ``bench/results/templates.json``.
"""

import json
import re
import sys
from pathlib import Path

import trafilatura

REPOSITORY = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPOSITORY))

from bench.extraction import normalise  # noqa: E402
from crawler.extraction.bylines import CREDENTIALS  # noqa: E402
from crawler.extraction.extract import extract_article  # noqa: E402

TEMPLATES = REPOSITORY / "tests" / "data" / "templates"
RESULTS = REPOSITORY / "bench" / "results" / "templates.json"
FIELDS = ("headline", "kicker", "day", "people", "agencies")


# Academic titles before a name: "Dr.", "Prof. Dr.", "Dr. med.", "Dipl.-Ing.", "Dipl.-Finanzwirt
# (FH)", and Austria's "Mag.", "Ing.", "DI", "DDr.".
# Their Austrian feminine forms too ("Mag.a", "Dr.in") and the engineer's doctorate ("Dr.-Ing.").
ACADEMIC_TITLES = re.compile(
    r"^(?:(?:Prof|Dr|DDr|Mag|MMag|Ing|DI|Ass|lic|Dipl\.-[\wä]+)(?:\.(?:a|in)?)?(?:-Ing\.)?"
    r"(?:\s+(?:med|rer\.\s*nat|phil|jur|iur|h\.\s*c)\.)?"
    r"(?:\s*\((?:FH|TU|Univ\.?)\))?\s+)+"
)


# Degrees after a name: "Dr. Anna Schmidt, LL.M. (Cambridge)", "Jan Meyer, MBA".
DEGREES_AFTER = re.compile(r"(?:\s*,\s*(?:" + CREDENTIALS + r")(?:\s*\([^()]*\))?)+$")


def person_key(name: str) -> str:
    """A credited name as the comparison reads it: without academic titles and degrees, case folded."""
    return DEGREES_AFTER.sub("", ACADEMIC_TITLES.sub("", " ".join(name.split()))).casefold()


def same_people(found: list[str], expected: list[str]) -> bool:
    """Whether ``found`` credits the people of ``expected``, in its order, no more and no fewer."""
    return list(map(person_key, found)) == list(map(person_key, expected))


def project_outcome(expected: dict, html: bytes) -> dict[str, bool]:
    article = extract_article(html, expected["url"])
    outcome = {
        "headline": article is not None and normalise(article.title) == normalise(expected["title"]),
        "kicker": article is not None and normalise(article.kicker) == normalise(expected["kicker"]),
        # A page that prints no date has none ("published_day": null): none may be read.
        "day": article is not None and (article.published or "")[:10] == (expected["published_day"] or ""),
    }
    if expected["authors"] is not None:
        outcome["people"] = article is not None and same_people(article.authors, expected["authors"])
    if "agencies" in expected:
        outcome["agencies"] = article is not None and article.agencies == expected["agencies"]
    return outcome


def trafilatura_outcome(expected: dict, html: bytes) -> dict[str, bool]:
    document = trafilatura.bare_extraction(html, url=expected["url"], with_metadata=True)
    found = document if document is not None else trafilatura.metadata.Document()
    outcome = {
        "headline": normalise(found.title) == normalise(expected["title"]),
        "day": (found.date or "")[:10] == (expected["published_day"] or ""),
    }
    if expected["authors"] is not None:
        author = normalise(found.author).casefold()
        outcome["people"] = all(person_key(name) in author for name in expected["authors"]) and (
            bool(expected["authors"]) or not author
        )
    return outcome


def rates(outcomes: list[dict[str, bool]]) -> dict[str, dict]:
    scores = {}
    for field in FIELDS:
        values = [outcome[field] for outcome in outcomes if field in outcome]
        if values:
            scores[field] = {"rate": round(sum(values) / len(values), 3), "hits": sum(values), "pages": len(values)}
    return scores


def main() -> int:
    pages = sorted(TEMPLATES.glob("*.html"))
    project, plain, misses = [], [], {}
    for page in pages:
        expected = json.loads(page.with_suffix(".json").read_text(encoding="utf-8"))
        html = page.read_bytes()  # decoded by its declared charset, as a crawl would
        outcome = project_outcome(expected, html)
        project.append(outcome)
        plain.append(trafilatura_outcome(expected, html))
        if not all(outcome.values()):
            misses[page.stem] = sorted(field for field, hit in outcome.items() if not hit)
    document = {
        "pages": len(pages),
        "newsarchive": rates(project),
        "trafilatura": rates(plain),
        "newsarchive_misses": misses,
    }
    print(f"templates ({len(pages)} pages): newsarchive against plain trafilatura")
    for field in FIELDS:
        ours, theirs = document["newsarchive"].get(field), document["trafilatura"].get(field)
        if ours:
            other = f"{theirs['hits']:3d} of {theirs['pages']:3d}" if theirs else "         -"
            print(f"{field:10s} {ours['hits']:3d} of {ours['pages']:3d}    {other}")
    for name, fields in misses.items():
        print(f"  missed on {name}: {', '.join(fields)}")
    RESULTS.write_text(json.dumps(document, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"\nwritten to {RESULTS.relative_to(REPOSITORY)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
