"""Soak test of unattended crawling: `newsarchive schedule` over many local sites for a long time.

    .venv/bin/python bench/soak.py [--sources 50] [--minutes 60] [--interval 60] [--articles 6]

Serves ``--sources`` synthetic news sites, each on its own loopback address (127.0.0.2, .3, …),
and runs the real scheduler on them, every source due every ``--interval`` seconds (60: a cron
``* * * * *`` schedule, as in production; shorter: the scheduler's test interval), for
``--minutes``. Every ``--sample`` seconds it reads the scheduler's process from /proc: its
RSS, threads, open file descriptors, and its child processes (running crawls). Then it stops
the scheduler with SIGTERM and reads ``crawl_runs``: runs per source against the runs
expected, overlapping runs of one source, statuses, errors.

Prints the figures and writes them to bench/results/soak.json (or ``--output``). Not part of
``make test``: ``make bench-soak`` runs it for an hour.
"""

import argparse
import json
import os
import platform
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from archive.storage.store import open_archive  # noqa: E402
from crawler.demosite import DemoSiteServer, build_site, synthetic_articles  # noqa: E402

RESULTS = ROOT / "bench" / "results" / "soak.json"


@dataclass
class Sample:
    """The scheduler process at one moment."""

    seconds: float
    rss_kib: int
    threads: int
    open_fds: int
    children: int
    descendants: int


def start_sites(count: int, articles: int) -> list[DemoSiteServer]:
    """``count`` sites, each with its own articles on its own loopback address."""
    sites = []
    for number in range(count):
        site = DemoSiteServer(host=f"127.0.0.{number + 2}", pages={})
        site.pages.update(build_site(site.base_url, synthetic_articles(articles, seed=number + 1)))
        sites.append(site.start())
    return sites


def write_sources(path: Path, sites: list[DemoSiteServer], cron: bool) -> list[str]:
    sources = []
    for number, site in enumerate(sites):
        source = {
            "id": f"soak-{number:02d}",
            "feeds": [f"{site.base_url}/feed.xml"],
            "sitemaps": [f"{site.base_url}/sitemap.xml"],
            "max_depth": 1,
            "download_delay": 0,
        }
        if cron:
            source["schedule"] = "* * * * *"
        sources.append(source)
    path.write_text(yaml.safe_dump({"sources": sources}), encoding="utf-8")
    return [source["id"] for source in sources]


def process_tree() -> dict[int, list[int]]:
    """Parent PID → child PIDs, for every process visible in /proc."""
    children = defaultdict(list)
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        # The command name (field 2) may hold spaces and parentheses; the PPID follows the last ')'.
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        children[ppid].append(int(entry))
    return children


def sample(pid: int, started: float) -> Sample | None:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
        fds = len(os.listdir(f"/proc/{pid}/fd"))
    except OSError:
        return None
    fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
    tree = process_tree()
    descendants, pending = 0, list(tree.get(pid, []))
    while pending:
        descendants += 1
        pending.extend(tree.get(pending.pop(), []))
    return Sample(
        round(time.monotonic() - started, 1),
        int(fields["VmRSS"].split()[0]),
        int(fields["Threads"]),
        fds,
        len(tree.get(pid, [])),
        descendants,
    )


def parse_time(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def expected_runs(window: tuple[datetime, datetime], interval: float, cron: bool) -> int:
    """Runs due per source in ``window``: minute starts for the cron schedule, else one per interval."""
    if cron:
        first, last = (int(moment.timestamp() // 60) for moment in window)
        return last - first
    return int((window[1] - window[0]).total_seconds() // interval)


def run_figures(db_path: Path, source_ids: list[str], expected: int) -> dict:
    """What ``crawl_runs`` says: runs per source, statuses, overlaps of runs of one source."""
    with open_archive(db_path) as db:
        rows = list(db.query("select source, started, finished, status, errors from crawl_runs order by started"))
    by_source = defaultdict(list)
    for row in rows:
        by_source[row["source"]].append(row)
    overlaps = []
    for source, runs in by_source.items():
        for earlier, later in zip(runs, runs[1:]):
            if earlier["finished"] is None or parse_time(later["started"]) < parse_time(earlier["finished"]):
                overlaps.append({"source": source, "first": earlier, "second": later})
    durations = [
        (parse_time(row["finished"]) - parse_time(row["started"])).total_seconds() for row in rows if row["finished"]
    ]
    counts = [len(by_source.get(source, [])) for source in source_ids]
    return {
        "runs_total": len(rows),
        "runs_expected_per_source": expected,
        "runs_per_source": {"min": min(counts), "median": statistics.median(counts), "max": max(counts)},
        "sources_without_a_run": sum(count == 0 for count in counts),
        "statuses": dict(Counter(row["status"] for row in rows)),
        "runs_with_errors": sum(bool(row["errors"]) for row in rows),
        "run_seconds": (
            {"median": round(statistics.median(durations), 2), "max": round(max(durations), 2)} if durations else None
        ),
        "overlapping_runs_of_one_source": len(overlaps),
        "overlap_examples": overlaps[:5],
    }


def log_figures(log: list[str]) -> dict:
    """Counts of the scheduler's own warnings and errors, by kind."""
    kinds = Counter()
    for line in log:
        if " WARNING " in line or " ERROR " in line or "Traceback" in line:
            # "crawl soak-07 not started: ..." → "crawl * not started: ..."
            kinds[re.sub(r"soak-\d+", "*", line.rstrip().split(" ", 3)[-1]).split(", ")[0][:120]] += 1
    return dict(kinds.most_common(10))


LOG_LINE = re.compile(r"^(\S+ \S+) \w+ crawl (\S+) (started|finished)")


def log_overlaps(log: list[str]) -> dict:
    """From the scheduler's own start and end lines (millisecond times, unlike ``crawl_runs``):
    crawls of one source running at the same time, and crawls running at once overall."""
    running: Counter = Counter()
    overlaps, most_at_once = 0, 0
    for line in log:
        if not (match := LOG_LINE.match(line)):
            continue
        source, event = match.group(2), match.group(3)
        if event == "started":
            overlaps += running[source] > 0
            running[source] += 1
        elif running[source]:
            running[source] -= 1
        most_at_once = max(most_at_once, sum(running.values()))
    return {"overlapping_crawls_of_one_source": overlaps, "most_crawls_at_once": most_at_once}


def warmed_up(samples: list[Sample]) -> list[Sample]:
    """The samples after the first minute (imports, thread pool and connections growing to size)."""
    return [item for item in samples if item.seconds >= 60] or samples


def quarter_means(samples: list[Sample], name: str) -> tuple[float, float]:
    values = [getattr(item, name) for item in warmed_up(samples)]
    quarter = max(1, len(values) // 4)
    return round(statistics.mean(values[:quarter]), 1), round(statistics.mean(values[-quarter:]), 1)


def growth_per_hour(samples: list[Sample], name: str) -> float | None:
    """Least-squares slope of ``name`` after the warm-up, per hour."""
    steady = warmed_up(samples)
    if len(steady) < 3:
        return None
    slope, _ = statistics.linear_regression([item.seconds for item in steady], [getattr(item, name) for item in steady])
    return round(slope * 3600, 1)


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sources", type=int, default=50)
    parser.add_argument("--minutes", type=float, default=60)
    parser.add_argument("--interval", type=float, default=60, help="seconds between runs of a source")
    parser.add_argument("--articles", type=int, default=6, help="articles per site")
    parser.add_argument("--max-crawls", type=int, default=None, help="default: the scheduler's (CPU cores)")
    parser.add_argument("--jitter", type=int, default=0, help="the scheduler's --jitter (cron only)")
    parser.add_argument("--sample", type=float, default=5, help="seconds between samples of the process")
    parser.add_argument("--output", type=Path, default=RESULTS)
    parser.add_argument("--log", type=Path, help="also write the scheduler's log here")
    args = parser.parse_args(argv)

    sites = start_sites(args.sources, args.articles)
    with tempfile.TemporaryDirectory() as directory:
        sources_path, db_path = Path(directory) / "sources.yml", Path(directory) / "archive.db"
        cron = args.interval == 60
        source_ids = write_sources(sources_path, sites, cron)
        command = [
            sys.executable,
            "-m",
            "crawler",
            "schedule",
            "--sources",
            str(sources_path),
            "--db",
            str(db_path),
            "--jitter",
            str(args.jitter),
            "--watch-interval",
            "5",
        ]
        if not cron:
            command += ["--interval-seconds", str(args.interval)]
        if args.max_crawls:
            command += ["--max-crawls", str(args.max_crawls)]
        log: list[str] = []
        process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        reader = threading.Thread(target=lambda: log.extend(process.stderr), daemon=True)
        reader.start()
        started, window_start = time.monotonic(), datetime.now().astimezone()
        samples = []
        while time.monotonic() - started < args.minutes * 60 and process.poll() is None:
            if current := sample(process.pid, started):
                samples.append(current)
            time.sleep(args.sample)
        window_end = datetime.now().astimezone()
        stopping = time.monotonic()
        process.send_signal(signal.SIGTERM)
        exit_status = process.wait(timeout=300)
        stop_seconds = time.monotonic() - stopping
        reader.join(timeout=10)
        left_behind = sum(
            1
            for pids in process_tree().values()
            for child in pids
            if _command_line(child).find(str(sources_path.parent)) >= 0
        )
        runs = run_figures(db_path, source_ids, expected_runs((window_start, window_end), args.interval, cron))
    for site in sites:
        site.stop()

    rss = quarter_means(samples, "rss_kib")
    results = {
        "sources": args.sources,
        "minutes": args.minutes,
        "interval_seconds": args.interval,
        "schedule": "cron '* * * * *'" if cron else f"--interval-seconds {args.interval:g}",
        "max_crawls": args.max_crawls or os.cpu_count(),
        "articles_per_site": args.articles,
        **runs,
        "scheduler_log": log_overlaps(log),
        "scheduler_warnings_and_errors": log_figures(log),
        "scheduler_exit_status": exit_status,
        "sigterm_to_exit_seconds": round(stop_seconds, 1),
        "crawl_processes_left_after_exit": left_behind,
        "rss_kib_first_vs_last_quarter": rss,
        "rss_growth_percent": round(100 * (rss[1] - rss[0]) / rss[0], 1) if samples else None,
        "rss_kib_growth_per_hour_after_first_minute": growth_per_hour(samples, "rss_kib"),
        "rss_kib_max": max(item.rss_kib for item in samples),
        "open_fds": {
            "first_quarter_vs_last": quarter_means(samples, "open_fds"),
            "growth_per_hour": growth_per_hour(samples, "open_fds"),
            "min": min(item.open_fds for item in samples),
            "max": max(item.open_fds for item in samples),
        },
        "threads": {
            "first_quarter_vs_last": quarter_means(samples, "threads"),
            "max": max(item.threads for item in samples),
        },
        "crawl_processes": {
            "max": max(item.children for item in samples),
            "max_descendants": max(item.descendants for item in samples),
            "mean": round(statistics.mean(item.children for item in samples), 2),
        },
        "samples": [asdict(item) for item in samples],
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
    }
    print(summary(results))
    if args.log:
        args.log.write_text("".join(log), encoding="utf-8")
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return results


def _command_line(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


def summary(results: dict) -> str:
    per_source = results["runs_per_source"]
    return "\n".join(
        [
            f"{results['sources']} sources, {results['schedule']}, {results['minutes']:g} min, "
            f"at most {results['max_crawls']} crawls at once",
            f"runs: {results['runs_total']} ({per_source['min']}-{per_source['max']} per source, median "
            f"{per_source['median']}; expected {results['runs_expected_per_source']}); statuses {results['statuses']}; "
            f"run time {results['run_seconds']}",
            f"overlapping runs of one source: {results['overlapping_runs_of_one_source']} in crawl_runs "
            f"(second resolution); scheduler log: {results['scheduler_log']}",
            f"scheduler RSS first vs last quarter after the first minute: {results['rss_kib_first_vs_last_quarter']} KiB "
            f"({results['rss_growth_percent']:+}%, trend {results['rss_kib_growth_per_hour_after_first_minute']} KiB/h); "
            f"open fds {results['open_fds']}; threads {results['threads']}",
            f"crawl processes at once: {results['crawl_processes']}; left after exit: "
            f"{results['crawl_processes_left_after_exit']}",
            f"scheduler warnings/errors: {results['scheduler_warnings_and_errors']}",
            f"exit status {results['scheduler_exit_status']}, SIGTERM to exit {results['sigterm_to_exit_seconds']} s",
        ]
    )


if __name__ == "__main__":
    main()
