"""Index size and build time of three German search designs, on the demo articles.

    .venv/bin/python bench/search_index_size.py [--copies N]

Designs: unicode61 alone (before m006), unicode61 + ``search_terms`` (what m006 builds), and
trigram. ``--copies`` repeats the 36 demo articles with shuffled paragraphs for a larger
sample. Prints a table and writes bench/results/search_index_size.json.
"""

import argparse
import json
import random
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

# Run as a script, its folder (bench/, which has an archive.py) comes first on the path.
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from archive.storage.schema import FTS_TOKENIZER  # noqa: E402
from archive.indexing.search import search_terms  # noqa: E402
from crawler.demosite import load_articles  # noqa: E402

RESULTS = Path(__file__).parent / "results" / "search_index_size.json"
DESIGNS = {
    "unicode61": (FTS_TOKENIZER, ["title", "description", "text"]),
    "unicode61 + search_terms": (FTS_TOKENIZER, ["title", "description", "text", "search_terms"]),
    "trigram": ("trigram", ["title", "description", "text"]),
}


def sample(copies: int) -> list[tuple]:
    articles = load_articles()
    shuffle = random.Random(6)
    rows = []
    for copy in range(copies):
        for article in articles:
            paragraphs = list(article.paragraphs)
            if copy:
                shuffle.shuffle(paragraphs)
            text = "\n".join(paragraphs)
            rows.append((len(rows) + 1, article.title, article.lead, text, article.language))
    return rows


def measure(rows, tokenizer, columns, directory) -> dict:
    path = Path(directory) / f"{len(columns)}-{tokenizer.split()[0]}.db"
    db = sqlite3.connect(path)
    db.execute("create table articles (id integer primary key, title, description, text, search_terms)")
    db.execute(
        f"create virtual table articles_fts using fts5({', '.join(columns)}, content=articles, "
        f"content_rowid=id, tokenize='{tokenizer}')"
    )
    started = time.perf_counter()
    with db:
        for id_, title, lead, text, language in rows:
            terms = search_terms(title, lead, text, language=language) if "search_terms" in columns else None
            db.execute("insert into articles values (?, ?, ?, ?, ?)", (id_, title, lead, text, terms))
        db.execute(
            f"insert into articles_fts (rowid, {', '.join(columns)}) select id, {', '.join(columns)} from articles"
        )
    elapsed = time.perf_counter() - started
    db.execute("vacuum")
    sizes = dict(
        db.execute(
            "select case when name like 'articles_fts%' then 'fts' else 'table' end, sum(pgsize) from dbstat group by 1"
        )
    )
    terms_bytes = db.execute("select coalesce(sum(length(cast(search_terms as blob))), 0) from articles").fetchone()[0]
    db.close()
    return {
        "table_bytes": sizes["table"],
        "fts_bytes": sizes["fts"],
        "search_terms_bytes": terms_bytes,
        "fts_to_table": round(sizes["fts"] / sizes["table"], 2),
        "build_seconds": round(elapsed, 2),
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--copies", type=int, default=1)
    copies = parser.parse_args().copies
    rows = sample(copies)
    results = {"articles": len(rows), "designs": {}}
    with tempfile.TemporaryDirectory() as directory:
        for name, (tokenizer, columns) in DESIGNS.items():
            results["designs"][name] = measure(rows, tokenizer, columns, directory)
    print(f"{len(rows)} articles")
    for name, figures in results["designs"].items():
        print(
            f"{name:26} table {figures['table_bytes'] / 1e6:7.2f} MB  FTS {figures['fts_bytes'] / 1e6:7.2f} MB"
            f"  FTS/table {figures['fts_to_table']:5.2f}  terms {figures['search_terms_bytes'] / 1e6:5.2f} MB  build {figures['build_seconds']:6.2f} s"
        )
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
