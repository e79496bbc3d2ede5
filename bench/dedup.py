"""Near-duplicate detection: precision and recall on the labelled pairs, and lookup speed.

    .venv/bin/python bench/dedup.py            # prints tables, writes bench/results/dedup.json
    .venv/bin/python bench/dedup.py --sizes 1000,10000,50000

Quality: every pair's first text is stored in a real archive (with its LSH buckets); each
second text is then looked up through the index, exactly as a newly crawled article is. A
pair counts as detected when the lookup returns its first text with a score ≥ threshold,
so LSH misses count against recall.

Speed: the archive is filled with synthetic unrelated articles (demo-article words drawn at
their frequencies) and near-duplicate lookups of new texts are timed at each size.
"""

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from archive.indexing import dedup  # noqa: E402
from archive.storage.store import content_hash, open_archive  # noqa: E402
from crawler.demosite import load_articles  # noqa: E402

PAIRS = ROOT / "tests" / "data" / "dedup_pairs.json"
RESULTS = Path(__file__).parent / "results" / "dedup.json"
THRESHOLDS = [round(0.30 + 0.05 * step, 2) for step in range(14)]


def load_pairs(path: Path = PAIRS) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))


def add_text(db, url: str, text: str) -> int:
    """Store a bare article row and its LSH buckets; returns its id."""
    table = db["articles"].insert({"url": url, "text": text, "content_hash": content_hash(text)})
    dedup.index_article(db, table.last_pk, text)
    return table.last_pk


def pair_scores(db_path: Path, pairs: list[dict]) -> list[dict]:
    """For each pair: its label and the score the index lookup gives its first text (0: not found)."""
    db = open_archive(db_path)
    ids = {}
    with db.atomic():
        for pair in pairs:
            if pair["a"] not in ids:
                ids[pair["a"]] = add_text(db, f"https://bench.example/{len(ids)}", pair["a"])
    scored = []
    for pair in pairs:
        matches = dedup.near_duplicates(db, pair["b"], threshold=0.0)
        score = next((m.score for m in matches if m.article_id == ids[pair["a"]]), 0.0)
        # The lookup a crawl makes, at THRESHOLD: candidates are first screened by signature.
        detected = any(m.article_id == ids[pair["a"]] for m in dedup.near_duplicates(db, pair["b"]))
        scored.append(
            {"id": pair["id"], "label": pair["label"], "kind": pair["kind"], "score": score, "detected": detected}
        )
    db.close()
    return scored


def precision_recall(scored: list[dict], threshold: float) -> dict:
    found = [row for row in scored if row["score"] >= threshold]
    true_positives = sum(row["label"] == "positive" for row in found)
    positives = sum(row["label"] == "positive" for row in scored)
    return {
        "threshold": threshold,
        "precision": round(true_positives / len(found), 4) if found else 1.0,
        "recall": round(true_positives / positives, 4) if positives else 1.0,
        "false_positives": [row["id"] for row in found if row["label"] != "positive"],
        "missed": [row["id"] for row in scored if row["label"] == "positive" and row["score"] < threshold],
    }


def synthetic_texts(count: int, seed: int = 7) -> list[str]:
    """Unrelated texts of 250–400 words drawn from the demo articles' words, at their frequencies.

    Word-level sampling keeps the vocabulary and the common short phrases of real German and
    English news, without the shared whole sentences that would make texts partial copies.
    """
    words = [word for article in load_articles() for paragraph in article.paragraphs for word in paragraph.split()]
    rng = random.Random(seed)
    return [" ".join(rng.choices(words, k=rng.randint(250, 400))) for _ in range(count)]


def lookup_speed(sizes: list[int], directory: Path, lookups: int = 50) -> list[dict]:
    db = open_archive(directory / "speed.db")
    queries = synthetic_texts(lookups, seed=99)
    stored = 0
    figures = []
    for size in sizes:
        started = time.perf_counter()
        with db.atomic():
            for text in synthetic_texts(size - stored, seed=size):
                add_text(db, f"https://speed.example/{stored}", text)
                stored += 1
        insert_seconds = time.perf_counter() - started
        timings, candidates, scored = [], [], []
        for text in queries:
            started = time.perf_counter()
            dedup.near_duplicates(db, text)
            timings.append(time.perf_counter() - started)
            sketch = dedup.text_signature(text)[1]
            found = dedup._candidates(db, list(sketch.buckets), None)
            candidates.append(len(found))
            scored.append(sum(dedup.could_be_copy(sketch, count, signature) for _id, count, signature in found))
        timings.sort()
        figures.append(
            {
                "articles": size,
                "lookup_ms_median": round(statistics.median(timings) * 1000, 2),
                "lookup_ms_p95": round(timings[int(len(timings) * 0.95) - 1] * 1000, 2),
                "candidates_mean": round(statistics.mean(candidates), 2),
                "candidates_scored_mean": round(statistics.mean(scored), 2),
                "lsh_rows": db["article_lsh"].count,
                "insert_articles_per_s": round(
                    (size - (figures[-1]["articles"] if figures else 0)) / insert_seconds, 1
                ),
            }
        )
        print(
            f"{size:>7} articles: lookup median {figures[-1]['lookup_ms_median']} ms, "
            f"p95 {figures[-1]['lookup_ms_p95']} ms, {figures[-1]['candidates_mean']} candidates "
            f"({figures[-1]['candidates_scored_mean']} scored), "
            f"insert {figures[-1]['insert_articles_per_s']} articles/s"
        )
    plan = db.execute(
        "explain query plan select article_id from article_lsh where band = ? and bucket = ?", [0, 0]
    ).fetchall()
    db.close()
    return figures, [row[-1] for row in plan]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,30000")
    args = parser.parse_args(argv)
    pairs = load_pairs()
    with tempfile.TemporaryDirectory() as directory:
        scored = pair_scores(Path(directory) / "pairs.db", pairs)
        sweep = [precision_recall(scored, threshold) for threshold in THRESHOLDS]
        positives = sum(pair["label"] == "positive" for pair in pairs)
        print(
            f"{len(pairs)} labelled pairs ({positives} positive, {len(pairs) - positives} negative); "
            f"shingles of {dedup.SHINGLE_WORDS} words, {dedup.BANDS} bands × {dedup.ROWS} rows"
        )
        print("threshold  precision  recall")
        for row in sweep:
            chosen = "  ← THRESHOLD" if row["threshold"] == dedup.THRESHOLD else ""
            print(f"{row['threshold']:>9.2f}  {row['precision']:>9.3f}  {row['recall']:>6.3f}{chosen}")
        screened = {
            "positives_detected": sum(row["detected"] for row in scored if row["label"] == "positive"),
            "negatives_detected": sum(row["detected"] for row in scored if row["label"] == "negative"),
        }
        print(
            f"lookups at the threshold (signature screening on): {screened['positives_detected']} of "
            f"{positives} positives and {screened['negatives_detected']} negatives detected"
        )
        lowest_positive = min(row["score"] for row in scored if row["label"] == "positive")
        highest_negative = max(row["score"] for row in scored if row["label"] == "negative")
        print(f"lowest positive score {lowest_positive}, highest negative score {highest_negative}")
        sizes = [int(size) for size in args.sizes.split(",")]
        speed, plan = lookup_speed(sizes, Path(directory))
    print("query plan:", "; ".join(plan))
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(
        json.dumps(
            {
                "pairs": len(pairs),
                "positives": positives,
                "shingle_words": dedup.SHINGLE_WORDS,
                "num_perm": dedup.NUM_PERM,
                "bands": dedup.BANDS,
                "rows": dedup.ROWS,
                "threshold": dedup.THRESHOLD,
                "chosen": precision_recall(scored, dedup.THRESHOLD),
                "screened_lookup": screened,
                "lowest_positive_score": lowest_positive,
                "highest_negative_score": highest_negative,
                "sweep": sweep,
                "scores": scored,
                "lookup_speed": speed,
                "query_plan": plan,
            },
            indent=1,
            ensure_ascii=False,
        )
        + "\n",
        encoding="utf-8",
    )
    print(f"→ {RESULTS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
