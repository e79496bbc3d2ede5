"""How the kept raw responses are compressed: zlib beside Zstandard on real news pages.

Every page of the two extraction benchmarks (real news pages, ../shared/benchmarks), compressed
with each candidate in this process: the stored size against the fetched size, and the CPU
per page of compressing and of decompressing (the best of three rounds). Writes
bench/results/raw_compression.json.

    .venv/bin/python bench/raw_compression.py
"""

import argparse
import gzip
import json
import sys
import time
import zlib
from pathlib import Path

import zstandard

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from archive.storage.rawstore import ZSTD_LEVEL  # noqa: E402
from bench.extraction import benchmarks_dir  # noqa: E402

RESULTS = ROOT / "bench" / "results" / "raw_compression.json"
ROUNDS = 3


def candidates() -> dict:
    """name → (compress, decompress)."""
    found = {
        f"zlib level {level}": (lambda body, level=level: zlib.compress(body, level), zlib.decompress)
        for level in (1, 6)
    }
    for level in sorted({1, ZSTD_LEVEL, 6}):
        compressor, decompressor = zstandard.ZstdCompressor(level=level), zstandard.ZstdDecompressor()
        found[f"zstd level {level}"] = (compressor.compress, decompressor.decompress)
    return found


def pages(benchmarks: Path, limit: int | None) -> list[bytes]:
    bodies = []
    for folder in ("article-extraction", "metadata-de"):
        for path in sorted((benchmarks / folder / "html").glob("*"))[:limit]:
            body = path.read_bytes()
            bodies.append(gzip.decompress(body) if body[:2] == b"\x1f\x8b" else body)
    return bodies


def cpu_ms_per_page(function, bodies: list[bytes]) -> float:
    best = float("inf")
    for _ in range(ROUNDS):
        started = time.process_time()
        for body in bodies:
            function(body)
        best = min(best, time.process_time() - started)
    return round(best * 1000 / len(bodies), 3)


def main(argv=None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--benchmarks", help="folder holding article-extraction/ and metadata-de/")
    parser.add_argument("--limit", type=int, help="only the first N pages of each benchmark")
    parser.add_argument("--output", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    bodies = pages(benchmarks_dir(args.benchmarks), args.limit)
    fetched = sum(len(body) for body in bodies)
    result = {
        "pages": len(bodies),
        "mean_page_kib": round(fetched / len(bodies) / 1024, 1),
        "chosen": f"zstd level {ZSTD_LEVEL}",
    }
    result["candidates"] = {}
    for name, (compress, decompress) in candidates().items():
        compressed = [compress(body) for body in bodies]
        assert [decompress(data) for data in compressed] == bodies
        result["candidates"][name] = {
            "ratio": round(fetched / sum(len(data) for data in compressed), 2),
            "compress_ms_per_page": cpu_ms_per_page(compress, bodies),
            "decompress_ms_per_page": cpu_ms_per_page(decompress, compressed),
        }
        figures = result["candidates"][name]
        print(
            f"{name:13s} {figures['ratio']:5.2f}× smaller  compress {figures['compress_ms_per_page']:6.3f} ms/page"
            f"  decompress {figures['decompress_ms_per_page']:6.3f} ms/page"
        )
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return result


if __name__ == "__main__":
    main()
