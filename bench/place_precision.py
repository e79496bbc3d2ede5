"""Precision and recall of place matching on the labelled sample in tests/data/places_sample.tsv.

Prints the figures and every wrong or missed place, and writes bench/results/place_precision.json.

    .venv/bin/python bench/place_precision.py
"""

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from archive.indexing.enrich import find_places, gazetteer  # noqa: E402

SAMPLE = ROOT / "tests" / "data" / "places_sample.tsv"
RESULTS = ROOT / "bench" / "results" / "place_precision.json"


def load_sample(path: Path = SAMPLE) -> list[tuple[str, set[str]]]:
    """``(sentence, expected place ids)`` pairs; lines starting with # are comments."""
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    pairs = []
    for line in lines[1:]:
        sentence, _, expected = line.partition("\t")
        pairs.append((sentence, set(filter(None, expected.split("|")))))
    return pairs


def score(pairs) -> dict:
    """Micro-averaged precision and recall over the places found per sentence."""
    true_pos = false_pos = false_neg = 0
    errors = []
    for sentence, expected in pairs:
        found = {mention.entity_id for mention in find_places(sentence)}
        true_pos += len(found & expected)
        false_pos += len(found - expected)
        false_neg += len(expected - found)
        if found != expected:
            errors.append({"sentence": sentence, "wrong": sorted(found - expected), "missed": sorted(expected - found)})
    return {
        "sentences": len(pairs),
        "expected_places": true_pos + false_neg,
        "precision": round(true_pos / max(true_pos + false_pos, 1), 4),
        "recall": round(true_pos / max(true_pos + false_neg, 1), 4),
        "true_positives": true_pos,
        "false_positives": false_pos,
        "false_negatives": false_neg,
        "errors": errors,
    }


def main() -> None:
    started = time.perf_counter()
    gazetteer()
    load_seconds = time.perf_counter() - started
    pairs = load_sample()
    started = time.perf_counter()
    result = score(pairs)
    result["gazetteer_load_seconds"] = round(load_seconds, 3)
    result["match_ms_per_sentence"] = round((time.perf_counter() - started) * 1000 / len(pairs), 3)
    print(
        f"{result['sentences']} sentences, {result['expected_places']} labelled places: "
        f"precision {result['precision']:.3f}, recall {result['recall']:.3f} "
        f"(gazetteer loads in {load_seconds:.2f} s, {result['match_ms_per_sentence']} ms per sentence)"
    )
    for error in result["errors"]:
        print(f"  wrong {error['wrong']} missed {error['missed']}: {error['sentence']}")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    # No options: --help says what the script writes before it writes anything.
    argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter).parse_args()
    main()
