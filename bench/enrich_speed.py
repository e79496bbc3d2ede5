"""How fast places and companies are found: the 36 demo articles, matched repeatedly.

Prints articles per second and writes bench/results/enrich_speed.json.

    .venv/bin/python bench/enrich_speed.py
"""

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from archive.indexing.enrich import company_finder, find_companies, find_places, gazetteer  # noqa: E402
from crawler.demosite import load_articles  # noqa: E402

RESULTS = ROOT / "bench" / "results" / "enrich_speed.json"
ROUNDS = 20


def main() -> None:
    started = time.perf_counter()
    gazetteer(), company_finder()
    load_seconds = time.perf_counter() - started
    texts = ["\n".join([article.title, article.lead, *article.paragraphs]) for article in load_articles()]
    words = sum(len(text.split()) for text in texts)
    started = time.perf_counter()
    places = companies = 0
    for _ in range(ROUNDS):
        for text in texts:
            places += len(find_places(text))
            companies += len(find_companies(text)[0])
    elapsed = time.perf_counter() - started
    result = {
        "articles": len(texts) * ROUNDS,
        "mean_words_per_article": round(words / len(texts)),
        "articles_per_second": round(len(texts) * ROUNDS / elapsed, 1),
        "ms_per_article": round(elapsed * 1000 / (len(texts) * ROUNDS), 2),
        "load_seconds": round(load_seconds, 3),
        "place_mentions_per_article": round(places / (len(texts) * ROUNDS), 2),
        "company_mentions_per_article": round(companies / (len(texts) * ROUNDS), 2),
    }
    print(
        f"{result['articles_per_second']} articles/s ({result['ms_per_article']} ms each, "
        f"{result['mean_words_per_article']} words on average); gazetteer and company list "
        f"load in {result['load_seconds']} s"
    )
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    # No options: --help says what the script writes before it writes anything.
    argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter).parse_args()
    main()
