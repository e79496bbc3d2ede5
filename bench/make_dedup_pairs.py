"""Build the labelled near-duplicate set ``tests/data/dedup_pairs.json``.

Positives are edited copies of the demo articles, made the way syndication edits them (a
dateline, a cut or added paragraph, agency or press-release boilerplate, reworded phrases,
a shortened version), plus the hand-written pairs in ``bench/dedup_hard_pairs.yml``.
Negatives are different demo stories on the same topic (a shared tag) and the hand-written
hard cases (same company next quarter, one template for two press releases, a follow-up
quoting the first report). Run once; the JSON is kept as test data.

    .venv/bin/python bench/make_dedup_pairs.py
"""

import itertools
import argparse
import json
import random
from pathlib import Path

import yaml

from crawler.demosite import load_articles

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "tests" / "data" / "dedup_pairs.json"
HARD_PAIRS = Path(__file__).parent / "dedup_hard_pairs.yml"

DATELINES = {
    "de": ["DÜSSELDORF (dpa/lnw) – ", "Köln. ", "ESSEN (epd) – ", "Duisburg – "],
    "en": ["DUESSELDORF (Reuters) - ", "COLOGNE, Germany - "],
}
AGENCY_FOOTERS = {
    "de": ["© dpa-infocom, dpa:261020-99-123456/3", "Quelle: dpa/lnw", "Mit Material von epd und KNA."],
    "en": ["(Reporting by Jana Weiss; Editing by Paul Hart)", "© Thomson Reuters"],
}
PRESS_BOILERPLATE = {
    "de": "Über die Wirtschaftsförderung: Die Wirtschaftsförderung unterstützt Unternehmen bei "
    "Ansiedlung, Erweiterung und Gründung und vermittelt Kontakte zu Verwaltung, Hochschulen "
    "und Kammern. Pressekontakt: Referat Kommunikation, Telefon 0211 000000.",
    "en": "About the agency: The regional business development agency supports companies that "
    "settle, expand or start up in the region. Press contact: communications office, "
    "phone +49 211 000000.",
}
ADDED_SENTENCES = {
    "de": [
        "Die Stadt hatte das Vorhaben bereits im Frühjahr unterstützt.",
        "Eine Stellungnahme der Gewerkschaft lag zunächst nicht vor.",
        "Weitere Einzelheiten will das Unternehmen im Januar nennen.",
    ],
    "en": ["The city council had backed the plan in the spring.", "The company declined to comment further."],
}
REWORDINGS = {
    "de": [
        ("teilte", "sagte"),
        ("Millionen Euro", "Mio. Euro"),
        (" Prozent", " %"),
        ("Unternehmen", "Betrieb"),
        ("rund ", "etwa "),
        ("sagte", "erklärte"),
    ],
    "en": [
        ("million euros", "million euro"),
        (" percent", "%"),
        ("said", "told reporters"),
        ("company", "firm"),
        ("around ", "about "),
    ],
}


def edited_copy(article, kind: int, rng: random.Random) -> tuple[str, str]:
    """An edited copy of a demo article's text, and a description of the edits."""
    language = article.language
    paragraphs = list(article.paragraphs)
    if kind == 0:
        paragraphs[0] = rng.choice(DATELINES[language]) + paragraphs[0]
        paragraphs.append(rng.choice(AGENCY_FOOTERS[language]))
        return "\n".join(paragraphs), "wire copy: dateline and agency footer"
    if kind == 1:
        del paragraphs[rng.randrange(1, len(paragraphs) - 1)]
        paragraphs.insert(rng.randrange(1, len(paragraphs)), rng.choice(ADDED_SENTENCES[language]))
        return "\n".join(paragraphs), "one paragraph cut, one sentence added"
    if kind == 2:
        keep = max(3, round(len(paragraphs) * 0.6))
        return "\n".join(paragraphs[:keep]), "shortened: last paragraphs cut"
    if kind == 3:
        paragraphs.append(PRESS_BOILERPLATE[language])
        return "\n".join(paragraphs), "press-release boilerplate added"
    if kind == 4:
        text = "\n".join(paragraphs)
        for old, new in REWORDINGS[language]:
            text = text.replace(old, new, 2)
        lines = text.split("\n")
        lines[1], lines[2] = lines[2], lines[1]
        return "\n".join(lines), "reworded phrases, two paragraphs swapped"
    del paragraphs[-1]
    first = paragraphs[0].split(". ")
    paragraphs[0] = ". ".join(first[1:]) if len(first) > 1 else paragraphs[0]
    paragraphs.append(rng.choice(AGENCY_FOOTERS[language]))
    return "\n".join(paragraphs), "first sentence and last paragraph cut, footer added"


def build_pairs() -> list[dict]:
    rng = random.Random(4)
    articles = sorted(load_articles(), key=lambda article: article.slug)
    pairs = []
    for index, article in enumerate(articles):
        text, kind = edited_copy(article, index % 6, rng)
        pairs.append(
            {
                "id": f"copy-{article.slug}",
                "label": "positive",
                "kind": kind,
                "a": "\n".join(article.paragraphs),
                "b": text,
            }
        )
    # Different stories on the same topic: pairs sharing a tag, each article used at most twice.
    uses = {article.slug: 0 for article in articles}
    same_topic = [
        (first, second)
        for first, second in itertools.combinations(articles, 2)
        if set(first.tags) & set(second.tags) and first.language == second.language
    ]
    rng.shuffle(same_topic)
    for first, second in same_topic:
        if uses[first.slug] < 2 and uses[second.slug] < 2 and len(pairs) < 36 + 20:
            uses[first.slug] += 1
            uses[second.slug] += 1
            shared = ", ".join(sorted(set(first.tags) & set(second.tags)))
            pairs.append(
                {
                    "id": f"topic-{first.slug}-{second.slug}",
                    "label": "negative",
                    "kind": f"different stories, same topic ({shared})",
                    "a": "\n".join(first.paragraphs),
                    "b": "\n".join(second.paragraphs),
                }
            )
    for pair in yaml.safe_load(HARD_PAIRS.read_text(encoding="utf-8")):
        pairs.append(
            {key: pair[key].strip() if key in ("a", "b") else pair[key] for key in ("id", "label", "kind", "a", "b")}
        )
    return pairs


if __name__ == "__main__":
    # No options: --help says what the script writes before it writes anything.
    argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter).parse_args()
    pairs = build_pairs()
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_text(json.dumps(pairs, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    positives = sum(pair["label"] == "positive" for pair in pairs)
    print(f"{len(pairs)} pairs ({positives} positive, {len(pairs) - positives} negative) → {OUTPUT}")
