"""Score newsarchive's extraction against plain trafilatura, side by side, on public benchmarks.

    python bench/extraction.py [--benchmarks DIR] [--limit N] [--only article-extraction|metadata-de]

Reads ``../shared/benchmarks`` next to the repository (or ``--benchmarks`` /
``NEWSARCHIVE_BENCHMARKS``); nothing from there is copied into the project. Prints a table and
writes ``bench/results/extraction.json``.

- ``article-extraction``: body text, token 4-gram precision / recall / F1 (macro over pages, as the
  benchmark's README describes), exact-match accuracy, per-page time.
- ``metadata-de``: scored on all pages and on each half of its ``split.json`` (pages split by
  host: rules are developed on ``tune``; figures are reported on ``check``, whose misses are
  not listed), title (exact after whitespace normalisation), date (calendar day), author
  (every name of the gold byline contained in the prediction after case folding; a gold byline
  is split at ";", ",", "&", "und"/"and", so "A und B" matches "A; B"),
  ``with`` / ``without`` text snippets.

CPU time per page (this process's, so the extractor alone) is reported beside wall time, and
newsarchive's CPU as a multiple of plain trafilatura's on the same pages; they take turns page
by page (:func:`in_turn`). On metadata-de plain ``trafilatura.extract`` with its defaults (no
metadata) is timed as well: the baseline of the project's CPU target.
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
import trafilatura.meta
from w3lib.encoding import html_to_unicode

REPOSITORY = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPOSITORY))

from crawler.extraction.extract import extract_article  # noqa: E402
from crawler.extraction.dates import warm_up_date_parser  # noqa: E402

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
    article = extract_article(html, url)
    if article is None:
        return {"text": "", "title": None, "date": None, "author": None}
    return {"text": article.text, "title": article.title, "date": article.published, "author": article.author}


def trafilatura_extractor(html: str, url: str) -> dict:
    document = trafilatura.bare_extraction(html, url=url, with_metadata=True)
    if document is None:
        return {"text": "", "title": None, "date": None, "author": None}
    return {"text": document.text or "", "title": document.title, "date": document.date, "author": document.author}


def trafilatura_body(html: str, url: str) -> dict:
    """Plain ``trafilatura.extract`` with its defaults, as the body-text benchmark scores it."""
    return {"text": trafilatura.extract(html, url=url) or ""}


# On metadata-de, plain trafilatura is scored with its metadata (it has none to score without);
# its ``extract`` with defaults, the cost the project's extraction is measured against, is timed
# beside it ("trafilatura extract": CPU only, nothing of it scored).
TIMED_ONLY = "trafilatura extract"
EXTRACTORS = {
    "article-extraction": {"newsarchive": project_extractor, "trafilatura": trafilatura_body},
    "metadata-de": {
        "newsarchive": project_extractor,
        "trafilatura": trafilatura_extractor,
        TIMED_ONLY: trafilatura_body,
    },
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
    """One untimed call, so model loading (language identifier, htmldate caches) is not a page's time.

    newsarchive's extractor starts as its extraction workers do, after the fork server's
    :mod:`crawler.extraction.warmup`. Both start with the date parser's languages compiled
    (a cost a crawl pays once, on its first page with a written-out date), so that no page's
    time includes it. trafilatura's and htmldate's caches are emptied first; in the run the
    extractors share them, and each reads every other page after the other one
    (:func:`in_turn`)."""
    trafilatura.meta.reset_caches()
    warm_up_date_parser()
    if extractor is project_extractor:
        import crawler.extraction.warmup  # noqa: F401
    extractor(html, url)


def in_turn(extractors: dict, pages: list[str], read) -> dict[str, dict[str, tuple[dict, float, float]]]:
    """Every extractor on every page: name → page id → (prediction, seconds, CPU seconds).

    ``read(page_id)`` gives the page's ``(html, url)``. The extractors take turns page by page,
    in an order that rotates from one page to the next, so that a change in the machine's speed
    during the run (another process, the CPU's clock) weighs on each of them alike; run one
    after the other, the ratio of their CPU times moved by half between runs on one machine.
    """
    names = list(extractors)
    html, url = read(pages[0])
    for extractor in extractors.values():
        warm_up(extractor, html, url)
    runs = {name: {} for name in names}
    for position, page_id in enumerate(pages):
        html, url = read(page_id)
        for name in names[position % len(names) :] + names[: position % len(names)]:
            started, cpu_started = time.perf_counter(), time.process_time()
            predicted = extractors[name](html, url)
            runs[name][page_id] = (predicted, time.perf_counter() - started, time.process_time() - cpu_started)
    return runs


def timings(runs: dict[str, tuple[dict, float, float]]) -> dict:
    times = {page_id: seconds for page_id, (_predicted, seconds, _cpu) in runs.items()}
    slowest = max(times, key=times.get)
    return {
        "seconds_total": sum(times.values()),
        "cpu_ms_per_page": 1000 * sum(cpu for _predicted, _seconds, cpu in runs.values()) / len(runs),
        "seconds_max_page": times[slowest],
        "slowest_page": slowest,
    }


def run_body(directory: Path, limit: int | None) -> dict:
    gold = json.loads((directory / "ground-truth.json").read_text(encoding="utf-8"))
    pages = sorted(gold)[:limit]
    runs = in_turn(
        EXTRACTORS["article-extraction"],
        pages,
        lambda page_id: (read_page(directory / "html" / f"{page_id}.html.gz"), gold[page_id]["url"]),
    )
    results = {}
    for name, page_runs in runs.items():
        precisions, recalls, exact = [], [], 0
        for page_id, (predicted, _seconds, _cpu) in page_runs.items():
            precision, recall, is_exact = shingle_scores(gold[page_id]["articleBody"], predicted["text"])
            if precision is not None:
                precisions.append(precision)
            if recall is not None:
                recalls.append(recall)
            exact += is_exact
        precision, recall = sum(precisions) / len(precisions), sum(recalls) / len(recalls)
        results[name] = {
            "pages": len(pages),
            "f1": 2 * precision * recall / (precision + recall),
            "precision": precision,
            "recall": recall,
            "accuracy": exact / len(pages),
            **timings(page_runs),
        }
    return results


def read_split(directory: Path) -> dict[str, str]:
    """Page id → ``"tune"`` or ``"check"`` from the set's ``split.json`` (pages split by host):
    rules are developed on tune, figures reported on check; pages in neither are ``"unsplit"``."""
    path = directory / "split.json"
    if not path.exists():
        return {}
    split = json.loads(path.read_text(encoding="utf-8"))
    return {page_id: half for half in HALVES for page_id in split.get(half, [])}


HALVES = ("tune", "check")
METADATA_FIELDS = ("title", "date", "author")


def page_outcome(entry: dict, predicted: dict) -> tuple[Counter, Counter]:
    """(hits, totals) of one metadata-de page, by field."""
    hits, totals = Counter(), Counter()
    checks = {
        "title": lambda: normalise(predicted["title"]) == normalise(entry["title"]),
        "date": lambda: (predicted["date"] or "")[:10] == entry["date"],
        "author": lambda: author_hit(entry["author"], predicted["author"]),
    }
    if "title" in entry:
        # Sites that set headlines in capitals with CSS (text-transform) have gold titles in
        # capitals; this figure shows how many misses are only that.
        totals["title_ignoring_case"] += 1
        hits["title_ignoring_case"] += normalise(predicted["title"]).casefold() == normalise(entry["title"]).casefold()
    for field, check in checks.items():
        if field in entry:
            totals[field] += 1
            hits[field] += bool(check())
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
    return hits, totals


def scores_of(outcomes: list[tuple[Counter, Counter]]) -> dict:
    """Rates per field over some pages, and the pooled snippet F1 as upstream reports it."""
    hits, totals = Counter(), Counter()
    for page_hits, page_totals in outcomes:
        hits.update(page_hits)
        totals.update(page_totals)
    scores = {field: {"rate": hits[field] / totals[field], "entries": totals[field]} for field in totals}
    true_positive, false_negative = hits["with"], totals["with"] - hits["with"]
    false_positive = totals["without"] - hits["without"]
    if true_positive:
        precision = true_positive / (true_positive + false_positive)
        recall = true_positive / (true_positive + false_negative)
        scores["snippets_f1"] = {
            "rate": 2 * precision * recall / (precision + recall),
            "precision": precision,
            "recall": recall,
        }
    return scores


def run_metadata(directory: Path, limit: int | None) -> dict:
    """Scores of each extractor on all pages and on each half of ``split.json``. Misses are
    listed for the tune half only: the check half is for figures, not for reading page by page."""
    gold = json.loads((directory / "gold.json").read_text(encoding="utf-8"))
    halves = read_split(directory)
    pages = sorted(gold)[:limit]
    runs = in_turn(
        EXTRACTORS["metadata-de"],
        pages,
        lambda page_id: (read_page(directory / gold[page_id]["file"]), gold[page_id]["url"]),
    )
    results = {}
    for name, page_runs in runs.items():
        if name == TIMED_ONLY:
            results[name] = {"pages": len(pages), **timings(page_runs)}
            continue
        outcomes = {}
        misses = {field: [] for field in METADATA_FIELDS}
        for page_id, (predicted, _seconds, _cpu) in page_runs.items():
            outcomes[page_id] = page_outcome(gold[page_id], predicted)
            page_hits, page_totals = outcomes[page_id]
            for field in METADATA_FIELDS:
                if halves.get(page_id) == "tune" and page_totals[field] > page_hits[field]:
                    misses[field].append(page_id)
        results[name] = {
            "pages": len(pages),
            **scores_of(list(outcomes.values())),
            "halves": {
                half: {
                    "pages": sum(1 for page_id in pages if halves.get(page_id) == half),
                    **scores_of([outcome for page_id, outcome in outcomes.items() if halves.get(page_id) == half]),
                }
                for half in HALVES
            },
            **timings(page_runs),
            "misses_tune": misses,
        }
    return results


def print_table(results: dict) -> None:
    if "article-extraction" in results:
        body = results["article-extraction"]
        print(f"\narticle-extraction ({body['newsarchive']['pages']} pages): body text, 4-gram shingles")
        print(f"{'':14}{'F1':>8}{'P':>8}{'R':>8}{'exact':>8}{'total s':>9}{'max s':>8}{'CPU ms':>8}")
        for name, row in body.items():
            print(
                f"{name:14}{row['f1']:8.3f}{row['precision']:8.3f}{row['recall']:8.3f}"
                f"{row['accuracy']:8.3f}{row['seconds_total']:9.1f}{row['seconds_max_page']:8.2f}"
                f"{row['cpu_ms_per_page']:8.1f}"
            )
    if "metadata-de" in results:
        meta = results["metadata-de"]
        fields = ["title", "title_ignoring_case", "date", "author", "snippets_f1"]
        names = [name for name in meta if name != TIMED_ONLY]
        columns = [(half, name) for half in HALVES for name in names]
        print(f"\nmetadata-de ({meta[names[0]]['pages']} pages; develop on tune, report check)")
        print(f"{'':20}" + "".join(f"{half + ' ' + name[:11]:>20}" for half, name in columns))
        pages = "".join(f"{meta[name]['halves'][half]['pages']:20d}" for half, name in columns)
        print(f"{'pages':20}" + pages)
        for field in fields:
            row = ""
            for half, name in columns:
                score = meta[name]["halves"][half].get(field)
                row += f"{score['rate']:20.3f}" if score else f"{'-':>20}"
            print(f"{field:20}" + row)
        print(f"{'all pages':20}" + "".join(f"{name:>20}" for name in names))
        for field in fields:
            print(f"{field:20}" + "".join(f"{meta[name][field]['rate']:20.3f}" for name in names))
        timed = list(meta)
        print(f"{'':20}" + "".join(f"{name:>20}" for name in timed))
        print(f"{'CPU ms per page':20}" + "".join(f"{meta[name]['cpu_ms_per_page']:20.1f}" for name in timed))
        print(f"{'max s per page':20}" + "".join(f"{meta[name]['seconds_max_page']:20.2f}" for name in timed))
    for set_name in ("article-extraction", "metadata-de"):
        if "newsarchive" not in results.get(set_name, {}):
            continue
        ours = results[set_name]["newsarchive"]["cpu_ms_per_page"]
        for name, row in results[set_name].items():
            if name != "newsarchive":
                baseline = "plain trafilatura" if name == "trafilatura" else name
                if set_name == "metadata-de" and name == "trafilatura":
                    baseline += " (with metadata)"
                print(
                    f"{set_name}: newsarchive uses {ours / row['cpu_ms_per_page']:.2f}x the CPU of {baseline} per page"
                )


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
