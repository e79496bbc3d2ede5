"""Score newsarchive's extraction against plain trafilatura, side by side, on public benchmarks.

    python bench/extraction.py [--benchmarks DIR] [--limit N] [--only article-extraction|metadata-de]

Reads ``../shared/benchmarks`` next to the repository (or ``--benchmarks`` /
``NEWSARCHIVE_BENCHMARKS``); nothing from there is copied into the project. Prints a table and
writes ``bench/results/extraction.json``.

- ``article-extraction``: body text, token 4-gram precision / recall / F1 (macro over pages, as the
  benchmark's README describes), exact-match accuracy, per-page time.
- ``metadata-de``: title (exact after whitespace normalisation), date (calendar day), author
  (every name of the gold byline contained in the prediction after case folding; a gold byline
  is split at ";", ",", "&", "und"/"and", so "A und B" matches "A; B"),
  ``with`` / ``without`` text snippets.
"""

import argparse
import gzip
import json
import os
import re
import sys
import time
from collections import Counter
from pathlib import Path

import trafilatura
from w3lib.encoding import html_to_unicode

REPOSITORY = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPOSITORY))

from crawler.extract import extract_article  # noqa: E402

DEFAULT_BENCHMARKS = REPOSITORY.parent / "shared" / "benchmarks"
RESULTS = REPOSITORY / "bench" / "results" / "extraction.json"
SHINGLE_SIZE = 4


def benchmarks_dir(option: str | None = None) -> Path:
    """Where the benchmark sets live: the option, else ``NEWSARCHIVE_BENCHMARKS``, else ../shared."""
    return Path(option or os.environ.get("NEWSARCHIVE_BENCHMARKS") or DEFAULT_BENCHMARKS)


def read_page(path: Path) -> str:
    """Decode a saved page as a browser would: BOM, then declared charset, then a guess."""
    body = gzip.decompress(path.read_bytes())
    _encoding, text = html_to_unicode(None, body)
    return text


# Extractors: each takes (html, url) and returns {"text", "title", "date", "author"}.


def project_extractor(html: str, url: str) -> dict:
    article = extract_article(html, url) or {}
    return {
        "text": article.get("text") or "",
        "title": article.get("title"),
        "date": article.get("published"),
        "author": article.get("author"),
    }


def trafilatura_extractor(html: str, url: str) -> dict:
    document = trafilatura.bare_extraction(html, url=url, with_metadata=True)
    if document is None:
        return {"text": "", "title": None, "date": None, "author": None}
    return {"text": document.text or "", "title": document.title, "date": document.date, "author": document.author}


def trafilatura_body(html: str, url: str) -> dict:
    """Plain ``trafilatura.extract`` with its defaults, as the body-text benchmark scores it."""
    return {"text": trafilatura.extract(html, url=url) or ""}


EXTRACTORS = {
    "article-extraction": {"newsarchive": project_extractor, "trafilatura": trafilatura_body},
    "metadata-de": {"newsarchive": project_extractor, "trafilatura": trafilatura_extractor},
}


def shingles(text: str) -> Counter:
    tokens = re.findall(r"\w+", text)
    count = max(1, len(tokens) - SHINGLE_SIZE + 1)
    return Counter(tuple(tokens[i : i + SHINGLE_SIZE]) for i in range(count) if tokens[i : i + SHINGLE_SIZE])


def shingle_scores(gold: str, predicted: str) -> tuple[float | None, float | None, bool]:
    """(precision, recall, exact token match) of one page; ``None`` where undefined."""
    gold_shingles, predicted_shingles = shingles(gold), shingles(predicted)
    true_positive = sum((gold_shingles & predicted_shingles).values())
    false_positive = sum((predicted_shingles - gold_shingles).values())
    false_negative = sum((gold_shingles - predicted_shingles).values())
    exact = re.findall(r"\w+", gold) == re.findall(r"\w+", predicted)
    if true_positive + false_positive + false_negative == 0:
        return 1.0, 1.0, exact
    precision = true_positive / (true_positive + false_positive) if true_positive + false_positive else None
    recall = true_positive / (true_positive + false_negative) if true_positive + false_negative else None
    return precision, recall, exact


def normalise(value) -> str:
    if isinstance(value, list):
        value = "; ".join(value)
    return " ".join(str(value or "").split())


# How a byline separates several people: gold values write "A und B" or "A, B", extractors "A; B".
AUTHOR_SEPARATORS = re.compile(r"\s*(?:;|,|&|\bund\b|\band\b)\s*", re.IGNORECASE)


def author_hit(gold, predicted) -> bool:
    """Whether every name of the gold byline is in the prediction (case folded).

    A gold value with several people is split at its own separators ("und", ",", "&") and each
    name looked up on its own, so the list format of the extractor does not decide the score.
    """
    names = [name for name in AUTHOR_SEPARATORS.split(normalise(gold).casefold()) if name]
    found = normalise(predicted).casefold()
    return bool(names) and all(name in found for name in names)


def warm_up(extractor, html: str, url: str) -> None:
    """One untimed call, so model loading (language identifier, htmldate caches) is not a page's time."""
    extractor(html, url)


def run_body(directory: Path, limit: int | None) -> dict:
    gold = json.loads((directory / "ground-truth.json").read_text(encoding="utf-8"))
    pages = sorted(gold)[:limit]
    results = {}
    for name, extractor in EXTRACTORS["article-extraction"].items():
        precisions, recalls, exact, times = [], [], 0, {}
        warm_up(extractor, read_page(directory / "html" / f"{pages[0]}.html.gz"), gold[pages[0]]["url"])
        for page_id in pages:
            html = read_page(directory / "html" / f"{page_id}.html.gz")
            started = time.perf_counter()
            predicted = extractor(html, gold[page_id]["url"])
            times[page_id] = time.perf_counter() - started
            precision, recall, is_exact = shingle_scores(gold[page_id]["articleBody"], predicted["text"])
            if precision is not None:
                precisions.append(precision)
            if recall is not None:
                recalls.append(recall)
            exact += is_exact
        precision, recall = sum(precisions) / len(precisions), sum(recalls) / len(recalls)
        slowest = max(times, key=times.get)
        results[name] = {
            "pages": len(pages),
            "f1": 2 * precision * recall / (precision + recall),
            "precision": precision,
            "recall": recall,
            "accuracy": exact / len(pages),
            "seconds_total": sum(times.values()),
            "seconds_max_page": times[slowest],
            "slowest_page": slowest,
        }
    return results


def run_metadata(directory: Path, limit: int | None) -> dict:
    gold = json.loads((directory / "gold.json").read_text(encoding="utf-8"))
    pages = sorted(gold)[:limit]
    results = {}
    for name, extractor in EXTRACTORS["metadata-de"].items():
        hits = Counter()
        totals = Counter()
        misses = {"title": [], "date": [], "author": []}
        times = {}
        warm_up(extractor, read_page(directory / gold[pages[0]]["file"]), gold[pages[0]]["url"])
        for page_id in pages:
            entry = gold[page_id]
            html = read_page(directory / entry["file"])
            started = time.perf_counter()
            predicted = extractor(html, entry["url"])
            times[page_id] = time.perf_counter() - started
            checks = {
                "title": lambda: normalise(predicted["title"]) == normalise(entry["title"]),
                "date": lambda: (predicted["date"] or "")[:10] == entry["date"],
                "author": lambda: author_hit(entry["author"], predicted["author"]),
            }
            if "title" in entry:
                # Sites that set headlines in capitals with CSS (text-transform) have gold titles in
                # capitals; this figure shows how many misses are only that.
                totals["title_ignoring_case"] += 1
                hits["title_ignoring_case"] += (
                    normalise(predicted["title"]).casefold() == normalise(entry["title"]).casefold()
                )
            for field, check in checks.items():
                if field in entry:
                    totals[field] += 1
                    if check():
                        hits[field] += 1
                    else:
                        misses[field].append(page_id)
            if "date" in entry:
                group = (
                    "date_htmldate_only"
                    if entry["origin"] == "htmldate"
                    else ("date_merged" if entry["origin"] == "trafilatura+htmldate" else "date_trafilatura_only")
                )
                totals[group] += 1
                hits[group] += (predicted["date"] or "")[:10] == entry["date"]
            text = normalise(predicted["text"])
            for snippet in entry.get("with", []):
                totals["with"] += 1
                hits["with"] += normalise(snippet) in text
            for snippet in entry.get("without", []):
                totals["without"] += 1
                hits["without"] += normalise(snippet) not in text
        scores = {field: {"rate": hits[field] / totals[field], "entries": totals[field]} for field in totals}
        # Pooled snippet precision/recall as upstream trafilatura reports it.
        true_positive, false_negative = hits["with"], totals["with"] - hits["with"]
        false_positive = totals["without"] - hits["without"]
        precision = true_positive / (true_positive + false_positive)
        recall = true_positive / (true_positive + false_negative)
        scores["snippets_f1"] = {
            "rate": 2 * precision * recall / (precision + recall),
            "precision": precision,
            "recall": recall,
        }
        slowest = max(times, key=times.get)
        results[name] = {
            "pages": len(pages),
            **scores,
            "seconds_total": sum(times.values()),
            "seconds_max_page": times[slowest],
            "slowest_page": slowest,
            "misses": misses,
        }
    return results


def print_table(results: dict) -> None:
    if "article-extraction" in results:
        body = results["article-extraction"]
        print(f"\narticle-extraction ({body['newsarchive']['pages']} pages): body text, 4-gram shingles")
        print(f"{'':14}{'F1':>8}{'P':>8}{'R':>8}{'exact':>8}{'total s':>9}{'max s':>8}")
        for name, row in body.items():
            print(
                f"{name:14}{row['f1']:8.3f}{row['precision']:8.3f}{row['recall']:8.3f}"
                f"{row['accuracy']:8.3f}{row['seconds_total']:9.1f}{row['seconds_max_page']:8.2f}"
            )
    if "metadata-de" in results:
        meta = results["metadata-de"]
        fields = [
            "title",
            "title_ignoring_case",
            "date",
            "author",
            "date_merged",
            "date_htmldate_only",
            "with",
            "without",
            "snippets_f1",
        ]
        print(f"\nmetadata-de ({meta['newsarchive']['pages']} pages)")
        print(f"{'':20}" + "".join(f"{name:>14}" for name in meta))
        for field in fields:
            entries = meta["newsarchive"][field].get("entries")
            label = f"{field} (n={entries})" if entries else field
            print(f"{label:20}" + "".join(f"{meta[name][field]['rate']:14.3f}" for name in meta))
        print(f"{'max s per page':20}" + "".join(f"{meta[name]['seconds_max_page']:14.2f}" for name in meta))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--benchmarks", help="folder holding article-extraction/ and metadata-de/")
    parser.add_argument("--limit", type=int, help="score only the first N pages of each set")
    parser.add_argument("--only", choices=sorted(EXTRACTORS), help="run one set only")
    parser.add_argument("--output", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    root = benchmarks_dir(args.benchmarks)
    if not root.is_dir():
        parser.error(f"benchmarks not found at {root} (use --benchmarks or NEWSARCHIVE_BENCHMARKS)")
    results = {}
    if args.only in (None, "article-extraction"):
        results["article-extraction"] = run_body(root / "article-extraction", args.limit)
    if args.only in (None, "metadata-de"):
        results["metadata-de"] = run_metadata(root / "metadata-de", args.limit)
    print_table(results)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    document = {"trafilatura": trafilatura.__version__, "limit": args.limit, **results}
    args.output.write_text(json.dumps(document, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"\nwritten to {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
