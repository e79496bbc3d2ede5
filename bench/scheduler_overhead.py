"""What unattended crawling costs besides crawling: the price of one subprocess per crawl, and
how fast the scheduler starts, restarts on its stored jobs and stops.

    .venv/bin/python bench/scheduler_overhead.py [--sources 50] [--repeat 5]

Prints the figures and writes them to bench/results/scheduler_overhead.json.
"""

import argparse
import json
import platform
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

# Run as a script, its folder (bench/, which has an archive.py) comes first on the path.
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from archive.storage.lock import hold_lock  # noqa: E402

RESULTS = ROOT / "bench" / "results" / "scheduler_overhead.json"


def write_sources(path: Path, count: int) -> None:
    # Nothing is fetched: port 9 has no server, and the schedules do not fire while measured.
    sources = [{"id": f"source-{number:03d}", "feeds": ["http://127.0.0.1:9/feed.xml"]} for number in range(count)]
    path.write_text(yaml.safe_dump({"sources": sources}), encoding="utf-8")


def crawl_process_seconds(sources: Path, db_path: Path, repeat: int) -> list[float]:
    """`newsarchive crawl` of a locked source: start, imports, lock check, one row, exit."""
    command = [
        sys.executable,
        "-m",
        "crawler",
        "crawl",
        "source-000",
        "--sources",
        str(sources),
        "--db",
        str(db_path),
        "--json",
    ]
    timings = []
    with hold_lock(db_path, "source-000"):
        for _ in range(repeat):
            started = time.perf_counter()
            subprocess.run(command, check=True, capture_output=True)
            timings.append(time.perf_counter() - started)
    return timings


def scheduler_cycle(sources: Path, db_path: Path) -> dict[str, float]:
    """Seconds from launch to the 'scheduler started' line, and from SIGTERM to exit."""
    started = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "crawler", "schedule", "--sources", str(sources), "--db", str(db_path)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    for line in process.stderr:
        if "scheduler started" in line:
            break
    ready = time.perf_counter() - started
    stopping = time.perf_counter()
    process.send_signal(signal.SIGTERM)
    process.communicate()
    return {"start": ready, "stop": time.perf_counter() - stopping, "exit_status": process.returncode}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sources", type=int, default=50)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as directory:
        sources = Path(directory) / "sources.yml"
        db_path = Path(directory) / "archive.db"
        write_sources(sources, args.sources)
        first = scheduler_cycle(sources, db_path)
        restarts = [scheduler_cycle(sources, db_path) for _ in range(args.repeat)]
        crawl = crawl_process_seconds(sources, db_path, args.repeat)
    results = {
        "sources": args.sources,
        "repeat": args.repeat,
        "crawl_process_seconds_median": round(statistics.median(crawl), 3),
        "first_start_seconds": round(first["start"], 3),
        "restart_seconds_median": round(statistics.median(r["start"] for r in restarts), 3),
        "stop_seconds_median": round(statistics.median(r["stop"] for r in restarts), 3),
        "exit_statuses": sorted({first["exit_status"], *(r["exit_status"] for r in restarts)}),
        "python": platform.python_version(),
        "cpus": __import__("os").cpu_count(),
    }
    print(
        f"fixed cost of one crawl subprocess (locked source, nothing fetched): "
        f"{results['crawl_process_seconds_median']} s (median of {args.repeat})"
    )
    print(
        f"scheduler start with {args.sources} new sources: {results['first_start_seconds']} s; "
        f"restart on stored jobs: {results['restart_seconds_median']} s; "
        f"SIGTERM to exit (idle): {results['stop_seconds_median']} s; "
        f"exit statuses {results['exit_statuses']}"
    )
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
