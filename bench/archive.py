"""Archive scale: insert rate, file size, near-duplicate checks and Datasette search latency.

Synthesises ``--articles`` German/English news articles (bench/synthetic.py), stores them
through the archive's API as a crawl does (``archive.storage.store.prepare_article`` in a pool of
processes, ``store_articles`` in batches; full-text and near-duplicate indexing on), then serves the file with the project's Datasette command on 127.0.0.1 and times the
searches journalists run through its JSON API (p50/p95 over ``--queries`` requests each).
Prints the figures and writes bench/results/archive_N.json.

    .venv/bin/python bench/archive.py --articles 100000
    .venv/bin/python bench/archive.py --articles 1000000 --db /var/tmp/bench-1m.db

``--existing PATH`` times the searches only, on an archive an earlier run kept (``--db … --keep``),
without inserting: for comparing search changes on the same file. Its figures go to ``--output``
only when that is given.

    .venv/bin/python bench/archive.py --existing /var/tmp/bench-100k.db --output /tmp/searches.json
"""

import argparse
import itertools
import json
import multiprocessing
import os
import random
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from archive.indexing.dedup import near_duplicates  # noqa: E402
from archive.publishing.publish import datasette_command, metadata_file_for  # noqa: E402
from archive.storage.store import PreparedArticle, open_archive, prepare_article, save_sources, store_articles  # noqa: E402
from bench import synthetic  # noqa: E402
from bench.crawl import cpu_since  # noqa: E402
from crawler.demo import free_port  # noqa: E402
from crawler.extraction.article import Article  # noqa: E402

RESULTS = ROOT / "bench" / "results"
# Articles per transaction. Bulk loads and the crawl's writer store batches (store_articles);
# --batch 1 measures a commit per article. Each article adds 42 rows at random places in the
# near-duplicate index, so a commit writes a page per row until batches touch most of its
# pages: at 100,000 articles 5,000 per transaction stored 535 articles/s, 500 stored 345/s.
DEFAULT_BATCH = 5000
# Articles synthesised (untimed) before each timed stretch of preparing and storing them.
CHUNK = 5000


def timed_prepare(article: Article) -> tuple[PreparedArticle, float]:
    """``prepare_article`` and the CPU seconds it took, in whichever process runs it."""
    started = time.process_time()
    prepared = prepare_article(article)
    return prepared, time.process_time() - started


def storable(timed_results, chunk: list, preparing_seconds: list):
    """``(prepared, source, seen_at)`` triples for ``store_articles``, from ``timed_prepare``
    results in the order of ``chunk``; each one's CPU seconds go to ``preparing_seconds``."""
    for (prepared, seconds), (source, _article) in zip(timed_results, chunk):
        preparing_seconds.append(seconds)
        yield prepared, source, prepared.article.published


def insert(db_path: Path, count: int, seed: int, batch: int, workers: int) -> dict:
    """Store ``count`` synthetic articles; returns rate, size, CPU time and what was stored.

    Only the archive's own work is timed: ``prepare_article`` (search terms, MinHash) in a
    pool of ``workers`` processes (0: in this process), and ``store_articles`` here, one
    transaction per ``batch``. Synthesising the articles is not. This process's CPU time
    outside ``prepare_article`` is the writer's; SQLite lets one connection write at a time,
    so ``1000 / writing ms`` articles a second is as fast as any number of cores can store.
    """
    db = open_archive(db_path)
    save_sources(db, synthetic.source_rows())
    pool = multiprocessing.get_context("spawn").Pool(workers) if workers else None
    outcomes: dict[str, int] = {}
    elapsed = process_cpu = 0.0
    preparing_seconds: list[float] = []
    checkpoints = []
    stored = 0
    generated = synthetic.news_articles(count, seed)
    try:
        while chunk := list(itertools.islice(generated, CHUNK)):
            started, cpu_before = time.perf_counter(), resource.getrusage(resource.RUSAGE_SELF)
            articles = [article for _source, article in chunk]
            timed = pool.imap(timed_prepare, articles, chunksize=32) if pool else map(timed_prepare, articles)
            triples = storable(timed, chunk, preparing_seconds)
            while part := list(itertools.islice(triples, batch)):
                for result in store_articles(db, part):
                    outcomes[result.outcome] = outcomes.get(result.outcome, 0) + 1
            elapsed += time.perf_counter() - started
            process_cpu += cpu_since(cpu_before, resource.getrusage(resource.RUSAGE_SELF))
            before, stored = stored, stored + len(chunk)
            if stored * 10 // count > before * 10 // count or stored == count:
                writing = writing_ms(process_cpu, preparing_seconds, in_process=pool is None)
                checkpoints.append(
                    {
                        "articles": stored,
                        "seconds": round(elapsed, 1),
                        "articles_per_second": round(stored / elapsed),
                        "writing_cpu_ms_per_article": writing,
                    }
                )
                print(
                    f"  {stored} articles in {elapsed:.0f} s ({stored / elapsed:.0f}/s; "
                    f"writer {writing} ms of CPU an article)",
                    flush=True,
                )
    finally:
        if pool is not None:
            pool.close()
            pool.join()
    db.execute("pragma wal_checkpoint(truncate)")
    db.close()
    size = db_path.stat().st_size
    writing = writing_ms(process_cpu, preparing_seconds, in_process=pool is None)
    return {
        "seconds": round(elapsed, 1),
        "articles_per_second": round(count / elapsed, 1),
        "outcomes": outcomes,
        "file_bytes": size,
        "bytes_per_article": round(size / count),
        "cpu_ms_per_article": {"preparing": round(sum(preparing_seconds) * 1000 / count, 3), "writing": writing},
        "one_writer_limit_per_second": round(1000 / writing) if writing else None,
        "checkpoints": checkpoints,
    }


def writing_ms(process_cpu: float, preparing_seconds: list[float], *, in_process: bool) -> float:
    """The writer's CPU milliseconds an article: this process's, less preparing when done here."""
    if not preparing_seconds:
        return 0.0
    writing = process_cpu - (sum(preparing_seconds) if in_process else 0.0)
    return round(writing * 1000 / len(preparing_seconds), 3)


def dedup_lookups(db_path: Path, count: int, seed: int, samples: int = 200) -> dict:
    """Time ``near_duplicates`` for texts already stored (each finds at least itself)."""
    db = open_archive(db_path)
    rng = random.Random(seed)
    ids = sorted(rng.sample(range(1, count + 1), min(samples, count)))
    texts = [row["text"] for row in db.query(f"select text from articles where id in ({','.join(map(str, ids))})")]
    near_duplicates(db, texts[0])  # untimed: the first lookup draws the signature's permutations
    started = time.perf_counter()
    found = sum(len(near_duplicates(db, text)) for text in texts)
    elapsed = time.perf_counter() - started
    db.close()
    return {"lookups": len(texts), "ms_per_article": round(elapsed * 1000 / len(texts), 2), "matches_found": found}


def query_paths(name: str, count: int, queries: int, seed: int) -> dict[str, list[str]]:
    """The searches journalists run, ``queries`` of each kind, as Datasette JSON URLs."""
    rng = random.Random(seed)
    months = [
        f"{year}-{month:02d}"
        for year in range(synthetic.START.year, synthetic.START.year + synthetic.YEARS)
        for month in range(1, 13)
    ]
    sources = [row["id"] for row in synthetic.source_rows()]
    table = f"/{name}/articles.json?"
    return {
        "rare_term": [table + urlencode({"_search": term}) for term in synthetic.rare_terms(count, queries)],
        "common_term": [table + urlencode({"_search": synthetic.COMMON_TERM.lower()})] * queries,
        "common_term_ranked": [f"/{name}/search.json?" + urlencode({"q": synthetic.COMMON_TERM.lower()})] * queries,
        "compound_part": [table + urlencode({"_search": part}) for part in synthetic.compound_parts(queries)],
        # Ranked by bm25, which scores every match: a compound part matches a quarter of the archive.
        "compound_part_ranked": [
            f"/{name}/search.json?" + urlencode({"q": part}) for part in synthetic.compound_parts(queries)
        ],
        "phrase": [table + urlencode({"_search": phrase}) for phrase in synthetic.phrases(queries, seed)],
        # The table's first page: newest articles, the count and the five facets over all of them.
        "whole_table_facets": [f"/{name}/articles.json"] * queries,
        # The journalists' search page (HTML): results, facets and the attention chart in one page.
        "newsroom_home": ["/"] * queries,
        "newsroom_rare_term": ["/?" + urlencode({"q": term}) for term in synthetic.rare_terms(count, queries)],
        "newsroom_common_term": ["/?" + urlencode({"q": synthetic.COMMON_TERM.lower()})] * queries,
        "newsroom_compound_part": ["/?" + urlencode({"q": part}) for part in synthetic.compound_parts(queries)],
        "newsroom_phrase": ["/?" + urlencode({"q": phrase}) for phrase in synthetic.phrases(queries, seed)],
        "newsroom_compound_part_newest": [
            "/?" + urlencode({"q": part, "sort": "newest"}) for part in synthetic.compound_parts(queries)
        ],
        "newsroom_phrase_newest": [
            "/?" + urlencode({"q": phrase, "sort": "newest"}) for phrase in synthetic.phrases(queries, seed)
        ],
        "facet_source_month_search": [
            table
            + urlencode(
                {
                    "_search": synthetic.COMMON_TERM.lower(),
                    "source": rng.choice(sources),
                    "published_month": rng.choice(months),
                }
            )
            for _ in range(queries)
        ],
    }


def time_searches(db_path: Path, count: int, queries: int, seed: int) -> dict:
    """Serve the archive with Datasette and time every kind of search."""
    # A port the OS picks: two runs at once (the test suite's parallel workers) must not both
    # find one fixed port free before either server has bound it.
    port = free_port(0)
    command = datasette_command(db_path, ROOT / "metadata.yml", "127.0.0.1", port, sys.executable)
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_for(base + "/-/versions.json", server)
        results = {}
        for kind, paths in query_paths(db_path.stem, count, queries, seed).items():
            get(base + paths[0])  # one untimed request: the first pays for opening pages from disk
            timings, hits = [], []
            for path in paths:
                started = time.perf_counter()
                body = get(base + path)
                timings.append((time.perf_counter() - started) * 1000)
                hits.append(body.get("filtered_table_rows_count", len(body.get("rows", []))))
            timings.sort()
            results[kind] = {
                "queries": len(timings),
                "p50_ms": round(statistics.median(timings), 1),
                "p95_ms": round(timings[max(0, int(len(timings) * 0.95) - 1)], 1),
                "max_ms": round(timings[-1], 1),
                "mean_hits": round(sum(hits) / len(hits), 1),
                "example": paths[0],
            }
            print(
                f"  {kind}: p50 {results[kind]['p50_ms']} ms, p95 {results[kind]['p95_ms']} ms, "
                f"{results[kind]['mean_hits']} hits",
                flush=True,
            )
        return results
    finally:
        server.terminate()
        server.wait(timeout=30)
        # The benchmark's archive is not served again: its metadata file goes with the server.
        metadata_file_for(db_path).unlink(missing_ok=True)


def wait_for(url: str, server: subprocess.Popen, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"datasette exited: {server.stderr.read().decode()[-2000:]}")
        try:
            get(url)
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("datasette did not start")


# The newsroom page's hit count ("1,234 articles found").
FOUND = re.compile(r"([\d,]+) articles? found")


def get(url: str) -> dict:
    """A JSON response, or an HTML page as ``{"filtered_table_rows_count": hits shown}``."""
    with urllib.request.urlopen(url, timeout=120) as response:
        body = response.read()
        if response.headers.get_content_type() != "text/html":
            return json.loads(body)
    found = FOUND.search(body.decode("utf-8", "replace"))
    return {"filtered_table_rows_count": int(found[1].replace(",", "")) if found else 0}


def main(argv=None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=50, help="requests per kind of search")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--batch",
        type=int,
        default=DEFAULT_BATCH,
        help=f"articles per transaction (default {DEFAULT_BATCH}; 1: a commit per article)",
    )
    parser.add_argument(
        "--workers",
        type=int,
        default=os.cpu_count() or 1,
        help="processes preparing articles (search terms, MinHash); 0: none",
    )
    parser.add_argument("--db", type=Path, help="archive file to create (default: a temporary one)")
    parser.add_argument("--keep", action="store_true", help="keep the archive file")
    parser.add_argument("--output", type=Path, help="results file (default bench/results/archive_N.json)")
    parser.add_argument(
        "--existing", type=Path, metavar="PATH", help="only time the searches, on this archive built by an earlier run"
    )
    args = parser.parse_args(argv)
    if args.existing:
        return searches_only(args)
    output = args.output or RESULTS / f"archive_{args.articles}.json"

    with tempfile.TemporaryDirectory(prefix="newsarchive-bench-") as tmp:
        db_path = args.db or Path(tmp) / "archive.db"
        if db_path.exists():
            raise SystemExit(f"{db_path} exists; the benchmark fills a new archive")
        print(
            f"inserting {args.articles} articles ({args.batch} per transaction, "
            f"{args.workers} preparing processes) into {db_path}"
        )
        inserted = insert(db_path, args.articles, args.seed, args.batch, args.workers)
        print(
            f"{inserted['articles_per_second']} articles/s, {inserted['bytes_per_article']} bytes per "
            f"article ({inserted['file_bytes'] / 2**20:.0f} MiB), {inserted['outcomes']}"
        )
        cpu = inserted["cpu_ms_per_article"]
        print(
            f"CPU an article: preparing {cpu['preparing']} ms, writing {cpu['writing']} ms "
            f"(one writer: at most {inserted['one_writer_limit_per_second']} articles/s)"
        )
        dedup = dedup_lookups(db_path, args.articles, args.seed)
        print(f"near-duplicate check: {dedup['ms_per_article']} ms per article")
        searches = time_searches(db_path, args.articles, args.queries, args.seed)
        if args.db and not args.keep:
            for path in db_path.parent.glob(db_path.name + "*"):
                path.unlink()
    result = {
        "articles": args.articles,
        "seed": args.seed,
        "cpu_cores": os.cpu_count(),
        "batch": args.batch,
        "workers": args.workers,
        "insert": inserted,
        "dedup_lookup": dedup,
        "searches": searches,
    }
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return result


def searches_only(args) -> dict:
    """Time the searches on an existing archive (``--existing``); nothing is inserted."""
    if not args.existing.exists():
        raise SystemExit(f"{args.existing} does not exist")
    db = open_archive(args.existing)
    count = db["articles"].count
    db.close()
    print(f"timing searches on {args.existing} ({count} articles)")
    searches = time_searches(args.existing, count, args.queries, args.seed)
    result = {
        "articles": count,
        "seed": args.seed,
        "cpu_cores": os.cpu_count(),
        "existing": str(args.existing),
        "searches": searches,
    }
    if args.output:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return result


if __name__ == "__main__":
    main()
