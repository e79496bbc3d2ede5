"""Crawl throughput and re-crawl cost on a generated local site, against trafilatura alone.

Serves ``--pages`` synthetic articles (plus listings, feed and sitemaps) from the demo site on
127.0.0.1, runs the real ``newsarchive crawl`` with politeness off, samples the RSS of the
crawl process and its extraction workers, crawls the unchanged site again, and times plain
``trafilatura.extract`` over the same article pages in this one process (the single-core
extraction ceiling). Prints the figures and writes bench/results/crawl.json (crawl_N.json for
other sizes).

    .venv/bin/python bench/crawl.py                 # 2,000 articles
    .venv/bin/python bench/crawl.py --pages 10000
"""

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from crawler.demo import write_demo_sources  # noqa: E402
from crawler.demosite import DemoArticle, DemoSiteServer, Page, build_site, synthetic_articles  # noqa: E402

RESULTS = ROOT / "bench" / "results"
# Politeness off for the benchmark only: everything is on this machine.
BENCH_SETTINGS = [
    "AUTOTHROTTLE_ENABLED=False",
    "DOWNLOAD_DELAY=0",
    "CONCURRENT_REQUESTS=64",
    "CONCURRENT_REQUESTS_PER_DOMAIN=32",
]


def process_tree(pid: int) -> list[int]:
    """``pid`` and all its descendants, read from /proc."""
    found, queue = [], [pid]
    while queue:
        current = queue.pop()
        found.append(current)
        try:
            tasks = list(Path(f"/proc/{current}/task").glob("*"))
        except OSError:
            # The process ended between two reads (a crawl's worker exiting): it has no children.
            continue
        for task in tasks:
            try:
                queue += [int(child) for child in (task / "children").read_text().split()]
            except OSError:
                continue
    return found


def memory_kib(pid: int) -> tuple[int, int]:
    """RSS and PSS of one process in KiB (PSS shares pages between the processes using them)."""
    try:
        rss = pss = 0
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Rss:"):
                rss = int(line.split()[1])
            elif line.startswith("Pss:"):
                pss = int(line.split()[1])
        return rss, pss
    except (OSError, ValueError):
        return 0, 0


def cpu_seconds(pid: int) -> float:
    """User and system CPU time a process has used so far."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return 0.0


def cpu_since(before, after) -> float:
    """User and system CPU seconds between two ``resource.getrusage`` readings."""
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


class RssSampler(threading.Thread):
    """Samples the memory of a process tree every ``interval`` seconds; keeps the peaks, and
    the CPU time each process had used at its last sample."""

    def __init__(self, pid: int, interval: float = 0.2):
        super().__init__(daemon=True)
        self.pid, self.interval = pid, interval
        self.peak_total = self.peak_pss = self.peak_single = self.peak_processes = 0
        self.samples: list[tuple[float, int]] = []
        self.cpu: dict[int, float] = {}
        self.done = threading.Event()

    def run(self):
        started = time.monotonic()
        while not self.done.wait(self.interval):
            pids = process_tree(self.pid)
            self.cpu.update({pid: cpu_seconds(pid) for pid in pids})
            measured = [memory_kib(pid) for pid in pids]
            sizes = [rss for rss, _ in measured]
            total, pss = sum(sizes), sum(pss for _, pss in measured)
            self.samples.append((round(time.monotonic() - started, 1), pss))
            self.peak_total = max(self.peak_total, total)
            self.peak_pss = max(self.peak_pss, pss)
            self.peak_single = max(self.peak_single, max(sizes, default=0))
            self.peak_processes = max(self.peak_processes, len(sizes))


def heavy_page(page: Page, article: DemoArticle, kib: int, rng: random.Random, sections: list[str]) -> Page:
    """The article page with what real news pages add around the story, up to ``kib`` KiB."""
    html = page.body.decode("utf-8")
    words = " ".join(article.paragraphs).split()
    nav = "".join(f'<li><a href="/{section}/">{section.title()}</a></li>' for section in sections)
    chunks = [f'<nav class="mega-menu"><ul>{nav * 6}</ul></nav>']
    teasers = "".join(
        f'<li class="teaser"><a href="/thema/{rng.choice(words).lower()}/">{" ".join(rng.choices(words, k=8))}</a></li>'
        for _ in range(30)
    )
    chunks.append(f'<aside class="most-read"><h2>Meistgelesen</h2><ul>{teasers}</ul></aside>')
    style = "".join(
        f".c{rng.randrange(10**6)}{{margin:{rng.randrange(40)}px;color:#{rng.randrange(16**6):06x}}}"
        for _ in range(300)
    )
    chunks.append(f"<style>{style}</style>")
    body = "".join(chunks)
    state = []
    while len(html) + len(body) + sum(len(s) for s in state) < kib * 1024:
        state.append(
            json.dumps(
                {
                    "id": rng.randrange(10**9),
                    "teaser": " ".join(rng.choices(words, k=12)),
                    "img": f"/img/{rng.randrange(10**6)}.jpg",
                    "ad": {"slot": rng.randrange(99)},
                }
            )
        )
    script = f"<script>window.__STATE__ = [{','.join(state)}];</script>"
    html = html.replace("</body>", f"{body}{script}<footer>{nav}</footer></body>", 1)
    return Page(html.encode("utf-8"), page.content_type, page.last_modified)


def tree_cpu(children_before, sampler: RssSampler) -> float:
    """CPU seconds of a finished command's process tree. The extraction workers are children of
    a fork server that the crawl never waits for, so their time does not reach this process's
    ``RUSAGE_CHILDREN``; the sampler's last reading of each process in the tree does."""
    waited = cpu_since(children_before, resource.getrusage(resource.RUSAGE_CHILDREN))
    return max(waited, sum(sampler.cpu.values()))


def run_crawl(sources: Path, db: Path, settings: list[str]) -> dict:
    """One ``newsarchive crawl`` in a subprocess: wall time, its JSON summary, peak RSS, CPU."""
    command = [
        str(ROOT / ".venv" / "bin" / "newsarchive"),
        "crawl",
        "--sources",
        str(sources),
        "--db",
        str(db),
        "--json",
        "--no-progress",
    ]
    for setting in settings:
        command += ["--set", setting]
    started = time.perf_counter()
    # CPU of the crawl with its extraction workers (children it waits for) and of this
    # process, which serves the site.
    children_before, self_before = (
        resource.getrusage(resource.RUSAGE_CHILDREN),
        resource.getrusage(resource.RUSAGE_SELF),
    )
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True, cwd=ROOT)
    sampler = RssSampler(process.pid)
    sampler.start()
    out, _ = process.communicate()
    elapsed = time.perf_counter() - started
    sampler.done.set()
    sampler.join()
    crawl_cpu = tree_cpu(children_before, sampler)
    server_cpu = cpu_since(self_before, resource.getrusage(resource.RUSAGE_SELF))
    workers_cpu = sum(seconds for pid, seconds in sampler.cpu.items() if pid != process.pid)
    if process.returncode != 0:
        raise SystemExit(f"crawl failed with exit status {process.returncode}")
    run = json.loads(out)["runs"][0]
    return {
        "seconds": round(elapsed, 2),
        "run": run,
        "cpu_seconds": {
            "crawl_and_workers": round(crawl_cpu, 2),
            "extraction_workers": round(workers_cpu, 2),
            "site_server": round(server_cpu, 2),
        },
        "peak_rss_mb": round(sampler.peak_total / 1024, 1),
        "peak_pss_mb": round(sampler.peak_pss / 1024, 1),
        "peak_rss_single_process_mb": round(sampler.peak_single / 1024, 1),
        "processes": sampler.peak_processes,
        "rss_samples_mb": [(t, round(kib / 1024)) for t, kib in sampler.samples[:: max(1, len(sampler.samples) // 40)]],
    }


def trafilatura_ceiling(pages: list[bytes]) -> dict:
    """Plain ``trafilatura.extract`` over ``pages`` in this process: the single-core rate."""
    import trafilatura

    trafilatura.extract(pages[0].decode("utf-8"))  # warm up imports and caches
    started = time.perf_counter()
    extracted = sum(1 for body in pages if trafilatura.extract(body.decode("utf-8")))
    elapsed = time.perf_counter() - started
    return {
        "pages": len(pages),
        "extracted": extracted,
        "seconds": round(elapsed, 2),
        "pages_per_second": round(len(pages) / elapsed, 1),
    }


def article_fetches(site: DemoSiteServer, article_paths: set[str], start: int) -> tuple[int, int, int]:
    """Requests since ``start``: all, article pages answered in full (200), answered 304."""
    with site._lock:
        log = site.requests[start:]
    full = sum(1 for _, path, status in log if path in article_paths and status == 200)
    not_modified = sum(1 for _, _, status in log if status == 304)
    return len(log), full, not_modified


def main(argv=None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=2000, help="article pages on the site")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--page-kib",
        type=int,
        default=0,
        help="inflate article pages to this size with what real news pages carry (0: as generated)",
    )
    parser.add_argument("--output", type=Path, help="results file (default bench/results/crawl.json)")
    parser.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="another Scrapy setting for both crawls, e.g. EXTRACT_WORKERS=2",
    )
    args = parser.parse_args(argv)
    settings = BENCH_SETTINGS + args.set
    name = (
        "crawl" + ("" if args.pages == 2000 else f"_{args.pages}") + (f"_{args.page_kib}kib" if args.page_kib else "")
    )
    output = args.output or RESULTS / f"{name}.json"

    articles = synthetic_articles(args.pages, seed=args.seed)
    with tempfile.TemporaryDirectory(prefix="newsarchive-bench-") as tmp, DemoSiteServer(pages={}) as site:
        site.pages.update(build_site(site.base_url, articles))
        if args.page_kib:
            rng = random.Random(args.seed)
            sections = sorted({article.section for article in articles}) + ["politik", "sport", "kultur"]
            for article in articles:
                site.pages[article.path] = heavy_page(site.pages[article.path], article, args.page_kib, rng, sections)
        article_paths = {article.path for article in articles}
        sources = write_demo_sources(Path(tmp) / "sources.yml", site.base_url)
        db = Path(tmp) / "bench.db"

        first = run_crawl(sources, db, settings)
        requests, full, _ = article_fetches(site, article_paths, 0)
        first.update(requests=requests, article_pages_fetched=full)
        mark = len(site.requests)
        second = run_crawl(sources, db, settings)
        requests, full, not_modified = article_fetches(site, article_paths, mark)
        second.update(requests=requests, article_pages_fetched=full, not_modified=not_modified)

        ceiling = trafilatura_ceiling([site.pages[path].body for path in sorted(article_paths)])
        page_bytes = sum(len(site.pages[path].body) for path in article_paths) / len(article_paths)

    stored = first["run"]["articles_new"] + first["run"]["duplicates"]
    articles_per_second = stored / first["seconds"]
    result = {
        "article_pages": args.pages,
        "site_pages": len(site.pages),
        "mean_article_page_kib": round(page_bytes / 1024, 1),
        "cpu_cores": os.cpu_count(),
        "settings": settings,
        "first_crawl": {
            "seconds": first["seconds"],
            "pages_fetched": first["run"]["pages_fetched"],
            "articles_stored": stored,
            "errors": first["run"]["errors"],
            "pages_per_second": round(first["run"]["pages_fetched"] / first["seconds"], 1),
            "articles_per_second": round(articles_per_second, 1),
            "peak_rss_mb": first["peak_rss_mb"],
            "peak_pss_mb": first["peak_pss_mb"],
            "peak_rss_single_process_mb": first["peak_rss_single_process_mb"],
            "processes": first["processes"],
            "pss_samples_mb": first["rss_samples_mb"],
            "cpu_seconds": first["cpu_seconds"],
            "cpu_ms_per_article": {
                part: round(seconds * 1000 / stored, 2) for part, seconds in first["cpu_seconds"].items()
            },
        },
        "trafilatura_single_process": ceiling,
        "speedup_vs_trafilatura": round(articles_per_second / ceiling["pages_per_second"], 2),
        "second_crawl": {
            "seconds": second["seconds"],
            "share_of_first_crawl_time": round(second["seconds"] / first["seconds"], 3),
            "requests": second["requests"],
            "not_modified": second["not_modified"],
            "article_pages_fetched_in_full": second["article_pages_fetched"],
            "share_of_articles_fetched_in_full": round(second["article_pages_fetched"] / args.pages, 4),
            "articles_new": second["run"]["articles_new"],
            "peak_rss_mb": second["peak_rss_mb"],
        },
    }
    crawl, again = result["first_crawl"], result["second_crawl"]
    print(
        f"{args.pages} article pages ({result['site_pages']} on the site, "
        f"{result['mean_article_page_kib']} KiB each), {os.cpu_count()} cores"
    )
    print(
        f"first crawl: {crawl['seconds']} s, {crawl['pages_fetched']} pages, "
        f"{crawl['articles_stored']} articles: {crawl['pages_per_second']} pages/s, "
        f"{crawl['articles_per_second']} articles/s; peak memory of the process tree "
        f"{crawl['peak_pss_mb']} MB PSS, {crawl['peak_rss_mb']} MB summed RSS "
        f"({crawl['processes']} processes, largest {crawl['peak_rss_single_process_mb']} MB RSS)"
    )
    per_article = crawl["cpu_ms_per_article"]
    print(
        f"CPU per article: {per_article['crawl_and_workers']} ms in the crawl "
        f"(of which {per_article['extraction_workers']} ms in extraction workers), "
        f"{per_article['site_server']} ms serving the site"
    )
    print(
        f"trafilatura.extract alone, one process: {ceiling['pages_per_second']} pages/s "
        f"({1000 / ceiling['pages_per_second']:.2f} ms a page) → crawl is {result['speedup_vs_trafilatura']}× that"
    )
    print(
        f"second crawl: {again['seconds']} s ({again['share_of_first_crawl_time']:.1%} of the first), "
        f"{again['requests']} requests, {again['not_modified']} answered 304, "
        f"{again['article_pages_fetched_in_full']} article pages fetched in full "
        f"({again['share_of_articles_fetched_in_full']:.1%})"
    )
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return result


if __name__ == "__main__":
    main()
