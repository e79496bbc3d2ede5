"""newsarchive beside its peers on one local site: articles/s, CPU per article, correctness.

Serves ``--pages`` synthetic news articles of about ``--page-kib`` KiB each (the demo site's
article pages carrying the weight real news pages carry: navigation, teaser lists, inline
scripts, style sheets and tracking JSON) on 127.0.0.3, and lets each tool fetch and extract every
article listed in the site's article sitemap, one tool after the other in the same run:

- **newsarchive**: ``newsarchive crawl`` of a source that names only that sitemap; it stores
  every article (SQLite, search index, dedup, places and companies).
- **trafilatura's CLI**: the sitemap's URLs as a list, then ``trafilatura -i URLS -o DIR --json
  --with-metadata``: its own downloads and extraction, one JSON file per article. (Its own sitemap
  reader, ``--sitemap``, refuses a sitemap on an IP address such as 127.0.0.3, so the list is read
  here, untimed, as for news-please.)
- **news-please** (``--news-please PYTHON``, a Python with news-please installed; it pins
  libraries older than newsarchive's, so it lives in a virtualenv of its own):
  ``NewsPlease.from_urls`` over the sitemap's URLs (images not fetched).

Politeness is made equal and off for every tool, on this machine only: no delay between requests
(newsarchive ``DOWNLOAD_DELAY=0`` and no AutoThrottle, trafilatura ``SLEEP_TIME = 0``), the same
number of requests in flight (``--concurrency``: newsarchive ``CONCURRENT_REQUESTS`` and
``CONCURRENT_REQUESTS_PER_DOMAIN``, trafilatura ``--parallel``, news-please's thread pool), and
trafilatura's refusal of loopback addresses (``SSRF_PROTECTION``) off. An article counts as correct
when the tool's title is the article's headline and its text holds at least 90 % of the article's
paragraphs. Prints the figures and writes ``bench/results/peers.json``.

    .venv/bin/python bench/peers.py
    .venv/bin/python bench/peers.py --pages 300 --news-please /opt/newsplease/bin/python
"""

import argparse
import json
import os
import random
import re
import resource
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from scrapy.utils.sitemap import Sitemap

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.crawl import RssSampler, cpu_since, heavy_page, tree_cpu  # noqa: E402
from crawler.demosite import DemoArticle, DemoSiteServer, Page, build_site, synthetic_articles  # noqa: E402

RESULTS = ROOT / "bench" / "results"
VENV_BIN = ROOT / ".venv" / "bin"
HOST = "127.0.0.3"
# The share of an article's paragraphs a tool's text must hold for the article to count as correct.
PARAGRAPHS_FOUND = 0.9

# news-please's own parallel path: from_urls fetches its URLs in threads, then extracts them in a
# process pool (one process per core); batches of --concurrency URLs cap the requests in flight.
NEWS_PLEASE_SCRIPT = """
import json, sys
from newsplease import NewsPlease
urls = [line.strip() for line in open(sys.argv[1]) if line.strip()]
size = int(sys.argv[2])
results = []
for start in range(0, len(urls), size):
    batch = NewsPlease.from_urls(urls[start:start + size], request_args={"timeout": 30}, fetch_images=False)
    for url, article in batch.items():
        results.append({"url": url, "title": getattr(article, "title", None),
                        "text": getattr(article, "maintext", None)})
json.dump(results, open(sys.argv[3], "w"))
"""


@dataclass
class ToolRun:
    """What one tool did: its wall time, CPU and what it extracted, keyed by URL path."""

    tool: str
    seconds: float
    cpu_seconds: dict[str, float]
    extracted: dict[str, tuple[str, str]] = field(default_factory=dict)
    peak_pss_mb: float = 0.0
    error: str | None = None


def make_site(base_url: str, count: int, kib: int, seed: int) -> tuple[dict[str, Page], list[DemoArticle]]:
    articles = synthetic_articles(count, seed=seed)
    pages = build_site(base_url, articles)
    rng = random.Random(seed)
    sections = sorted({article.section for article in articles}) + ["politik", "sport", "kultur", "immobilien"]
    for article in articles:
        pages[article.path] = heavy_page(pages[article.path], article, kib, rng, sections)
    return pages, articles


def measured(command: list[str], tool: str, cwd: Path) -> tuple[ToolRun, subprocess.CompletedProcess]:
    """Run ``command``; its wall time, the CPU of its process tree and of this process (the site)."""
    children_before, self_before = (
        resource.getrusage(resource.RUSAGE_CHILDREN),
        resource.getrusage(resource.RUSAGE_SELF),
    )
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    sampler = RssSampler(process.pid)
    sampler.start()
    out, err = process.communicate()
    elapsed = time.perf_counter() - started
    sampler.done.set()
    sampler.join()
    cpu = {
        "tool": round(tree_cpu(children_before, sampler), 2),
        "tool_main_process": round(sampler.cpu.get(process.pid, 0.0), 2),
        "site_server": round(cpu_since(self_before, resource.getrusage(resource.RUSAGE_SELF)), 2),
    }
    run = ToolRun(tool, round(elapsed, 2), cpu, peak_pss_mb=round(sampler.peak_pss / 1024, 1))
    if process.returncode != 0:
        run.error = f"exit status {process.returncode}: {err.strip().splitlines()[-1] if err.strip() else ''}"
    return run, subprocess.CompletedProcess(command, process.returncode, out, err)


def run_newsarchive(base_url: str, work: Path, concurrency: int) -> ToolRun:
    sources = work / "sources.yml"
    sources.write_text(
        yaml.safe_dump(
            {
                "sources": [
                    {
                        "id": "peers",
                        "name": "Peers benchmark",
                        "homepage": f"{base_url}/",
                        "language": "de",
                        "sitemaps": [f"{base_url}/sitemap-articles.xml"],
                        "download_delay": 0,
                    }
                ]
            }
        ),
        encoding="utf-8",
    )
    db = work / "newsarchive.db"
    command = [
        str(VENV_BIN / "newsarchive"),
        "crawl",
        "--sources",
        str(sources),
        "--db",
        str(db),
        "--json",
        "--no-progress",
    ]
    for setting in (
        "AUTOTHROTTLE_ENABLED=False",
        "DOWNLOAD_DELAY=0",
        f"CONCURRENT_REQUESTS={concurrency}",
        f"CONCURRENT_REQUESTS_PER_DOMAIN={concurrency}",
    ):
        command += ["--set", setting]
    run, _ = measured(command, "newsarchive", ROOT)
    if db.exists():
        with sqlite3.connect(db) as conn:
            for url, title, text in conn.execute("select url, title, text from articles"):
                run.extracted[_path(url)] = (title or "", text or "")
    return run


def run_trafilatura(urls: list[str], work: Path, concurrency: int) -> ToolRun:
    config = work / "trafilatura.cfg"
    defaults = (Path(__import__("trafilatura").__file__).parent / "settings.cfg").read_text(encoding="utf-8")
    config.write_text(
        re.sub(
            r"(?m)^SLEEP_TIME = .*$",
            "SLEEP_TIME = 0",
            re.sub(r"(?m)^SSRF_PROTECTION = .*$", "SSRF_PROTECTION = off", defaults),
        ),
        encoding="utf-8",
    )
    output, url_file = work / "trafilatura-out", work / "urls.txt"
    url_file.write_text("\n".join(urls), encoding="utf-8")
    command = [
        str(VENV_BIN / "trafilatura"),
        "-i",
        str(url_file),
        "-o",
        str(output),
        "--json",
        "--with-metadata",
        "--parallel",
        str(concurrency),
        "--config-file",
        str(config),
    ]
    run, _ = measured(command, "trafilatura CLI", work)
    for file in output.glob("*.json") if output.exists() else []:
        document = json.loads(file.read_text(encoding="utf-8"))
        run.extracted[_path(document.get("source") or document.get("url") or "")] = (
            document.get("title") or "",
            document.get("text") or "",
        )
    return run


def run_news_please(python: str, urls: list[str], work: Path, concurrency: int) -> ToolRun:
    script, url_file, output = work / "newsplease_run.py", work / "urls.txt", work / "newsplease.json"
    script.write_text(NEWS_PLEASE_SCRIPT, encoding="utf-8")
    url_file.write_text("\n".join(urls), encoding="utf-8")
    run, _ = measured([python, str(script), str(url_file), str(concurrency), str(output)], "news-please", work)
    for document in json.loads(output.read_text(encoding="utf-8")) if output.exists() else []:
        run.extracted[_path(document["url"])] = (document.get("title") or "", document.get("text") or "")
    return run


def sitemap_urls(body: bytes) -> list[str]:
    return [entry["loc"] for entry in Sitemap(body)]


def _path(url: str) -> str:
    return re.sub(r"^https?://[^/]+", "", url)


def correct(article: DemoArticle, title: str, text: str) -> bool:
    """The headline, and at least 90 % of the paragraphs (each found by its first 80 characters)."""
    flat = " ".join(text.split())
    found = sum(1 for paragraph in article.paragraphs if paragraph[:80] in flat)
    return " ".join(title.split()) == article.title and found >= PARAGRAPHS_FOUND * len(article.paragraphs)


def summary(run: ToolRun, articles: list[DemoArticle]) -> dict:
    wanted = {article.path: article for article in articles}
    extracted = {path: value for path, value in run.extracted.items() if path in wanted}
    right = sum(1 for path, (title, text) in extracted.items() if correct(wanted[path], title, text))
    count = max(len(extracted), 1)
    return {
        "seconds": run.seconds,
        "articles_extracted": len(extracted),
        "articles_correct": right,
        "articles_per_second": round(len(extracted) / run.seconds, 1) if run.seconds else 0,
        "cpu_seconds": run.cpu_seconds,
        "cpu_ms_per_article": {part: round(seconds * 1000 / count, 2) for part, seconds in run.cpu_seconds.items()},
        "peak_pss_mb": run.peak_pss_mb,
        "error": run.error,
    }


def main(argv=None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=300, help="article pages on the site")
    parser.add_argument("--page-kib", type=int, default=100, help="size of an article page")
    parser.add_argument("--concurrency", type=int, default=16, help="requests in flight, for every tool")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--news-please",
        metavar="PYTHON",
        default=os.environ.get("NEWSARCHIVE_NEWS_PLEASE_PYTHON"),
        help="a Python with news-please installed (skipped without)",
    )
    parser.add_argument("--output", type=Path, default=RESULTS / "peers.json")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="newsarchive-peers-") as tmp, DemoSiteServer(host=HOST, pages={}) as site:
        pages, articles = make_site(site.base_url, args.pages, args.page_kib, args.seed)
        site.pages.update(pages)
        page_kib = sum(len(pages[a.path].body) for a in articles) / len(articles) / 1024
        urls = sitemap_urls(pages["/sitemap-articles.xml"].body)
        runs = {}
        for name, run in (
            ("newsarchive", lambda work: run_newsarchive(site.base_url, work, args.concurrency)),
            ("trafilatura_cli", lambda work: run_trafilatura(urls, work, args.concurrency)),
            (
                "news_please",
                (lambda work: run_news_please(args.news_please, urls, work, args.concurrency))
                if args.news_please
                else None,
            ),
        ):
            if run is None:
                continue
            work = Path(tmp) / name
            work.mkdir()
            runs[name] = summary(run(work), articles)

    result = {
        "article_pages": args.pages,
        "mean_article_page_kib": round(page_kib, 1),
        "concurrency": args.concurrency,
        "cpu_cores": os.cpu_count(),
        "host": HOST,
        "tools": runs,
        "newsarchive_vs_trafilatura_cli": round(
            runs["newsarchive"]["articles_per_second"] / max(runs["trafilatura_cli"]["articles_per_second"], 0.1), 2
        ),
    }
    print(
        f"{args.pages} article pages of {page_kib:.0f} KiB on {HOST}, {args.concurrency} requests in flight, "
        f"{os.cpu_count()} cores"
    )
    for name, figures in runs.items():
        per = figures["cpu_ms_per_article"]
        print(
            f"{name:16} {figures['articles_per_second']:6.1f} articles/s  {figures['seconds']:6.1f} s  "
            f"correct {figures['articles_correct']}/{args.pages}  CPU/article: tool {per['tool']} ms "
            f"(main process {per['tool_main_process']}), site {per['site_server']} ms"
            + (f"  ERROR {figures['error']}" if figures["error"] else "")
        )
    print(f"newsarchive ÷ trafilatura CLI: {result['newsarchive_vs_trafilatura_cli']}×")
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return result


if __name__ == "__main__":
    main()
