"""Distributed crawling: pages per second with 1 and 2 workers, and the archive writer's rate.

    .venv/bin/python bench/distributed.py [--copies 4] [--latency 0.05] [--workers 1 2]

Serves the demo site with every article ``--copies`` times (distinct URLs) on 127.0.0.1, each
HTML page answering after ``--latency`` seconds (a stand-in for a real server's response
time), starts a redis-server on a free loopback port, and for each worker count: queues one
crawl, runs the workers until idle, then the archive writer. Crawl rate = pages answered by
the site / seconds from its first to its last answer (worker start-up excluded; it is reported
apart). Writes bench/results/distributed.json.
"""

import argparse
import dataclasses
import json
import os
import platform
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import yaml
from redis import Redis

from crawler.demo import demo_sources
from crawler.demosite import DemoSiteServer, build_site, load_articles

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results" / "distributed.json"


def start_redis(directory: Path) -> tuple[subprocess.Popen, str]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen(
        [
            shutil.which("redis-server"),
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            str(directory),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    for line in process.stdout:
        if "Ready to accept connections" in line:
            break
    threading.Thread(target=process.stdout.read, daemon=True).start()
    return process, f"redis://127.0.0.1:{port}/0"


def copied_articles(copies: int):
    articles = load_articles()
    return [
        dataclasses.replace(article, slug=f"{article.slug}-{copy}" if copy else article.slug)
        for copy in range(copies)
        for article in articles
    ]


def run(workers: int, site: DemoSiteServer, sources: Path, redis_url: str, directory: Path) -> dict:
    Redis.from_url(redis_url).flushall()
    cli = [sys.executable, "-m", "crawler"]
    before = len(site.requests)
    subprocess.run(cli + ["enqueue", "--sources", str(sources), "--redis", redis_url], check=True, capture_output=True)
    started = time.monotonic()
    processes = [
        subprocess.Popen(
            cli
            + [
                "worker",
                "--sources",
                str(sources),
                "--redis",
                redis_url,
                "--name",
                f"w{number}",
                "--idle-exit",
                "2",
                "--json",
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        for number in range(workers)
    ]
    counts = [json.loads(process.communicate()[0])["rrw-demo"] for process in processes]
    times = site.request_times[before:]
    pages = len(times)
    crawl_seconds = times[-1] - times[0]
    db_path = directory / f"archive-{workers}.db"
    writer_started = time.monotonic()
    writer = subprocess.run(
        cli
        + [
            "archive-writer",
            "--sources",
            str(sources),
            "--redis",
            redis_url,
            "--db",
            str(db_path),
            "--idle-exit",
            "1",
            "--json",
        ],
        check=True,
        capture_output=True,
        text=True,
    )
    # The writer waits --idle-exit (1 s) on an empty queue before it exits.
    writer_seconds = time.monotonic() - writer_started - 1
    stored = json.loads(writer.stdout)
    return {
        "workers": workers,
        "pages": pages,
        "crawl_seconds": round(crawl_seconds, 2),
        "pages_per_second": round(pages / crawl_seconds, 1),
        "startup_seconds": round(times[0] - started, 2),
        "pages_per_worker": [count["pages_fetched"] for count in counts],
        "items_stored": stored["stored"],
        "writer_items_per_second": round(stored["stored"] / writer_seconds, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=4)
    parser.add_argument("--latency", type=float, default=0.05)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    options = parser.parse_args()
    articles = copied_articles(options.copies)
    with tempfile.TemporaryDirectory() as tmp, DemoSiteServer(pages={}) as site:
        directory = Path(tmp)
        site.pages = build_site(site.base_url, articles)
        site.response_delay = options.latency
        sources = directory / "sources.yml"
        document = demo_sources(site.base_url)
        document["sources"][0]["max_depth"] = 3
        sources.write_text(yaml.safe_dump(document), encoding="utf-8")
        redis, redis_url = start_redis(directory)
        try:
            runs = [run(workers, site, sources, redis_url, directory) for workers in options.workers]
        finally:
            redis.terminate()
            redis.wait()
    result = {
        "articles": len(articles),
        "latency_seconds": options.latency,
        "runs": runs,
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "load_average_1m": round(os.getloadavg()[0], 2),
        },
        "note": "one machine: workers, extraction, redis, the site and the writer share its cores",
    }
    RESULTS.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
