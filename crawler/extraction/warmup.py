"""Loaded once by the extraction workers' fork server (crawler.extraction.workers): everything a worker
needs before its first page, so that no worker pays for it and all share one copy."""

import gc

import crawler.extraction.extract  # noqa: F401  (lxml, trafilatura, htmldate, the metadata rules)

# The workers' task: a worker unpickles it by importing its module, which then is loaded already.
import crawler.extraction.workers  # noqa: F401
from archive.indexing.dedup import minhash
from archive.indexing.enrich import company_finder
from archive.indexing.search import german_vocabulary
from archive.storage.store import prepare_article
from crawler.extraction.article import Article
from crawler.extraction.language import language_identifier

german_vocabulary()
company_finder()
language_identifier()
# The near-duplicate signature's permutations: the warm-up article below is too short to have
# a signature, so without this every worker drew them on its first real article.
minhash(frozenset({0}))
# Not the date parser's languages (crawler.extraction.dates.warm_up_date_parser): compiling them
# costs seconds of CPU, which a crawl pays only once a page's written-out date needs them.
prepare_article(
    Article(
        url="https://warmup.invalid/",
        title="Warm-up",
        text="Ein kurzer Text, der die Suchbegriffe und die Signatur einmal berechnet. " * 8,
    ),
    find_entities=True,
)

# What is loaded stays: moved out of the collector's reach, its objects are never written to by
# a collection in a forked worker, so their pages stay shared instead of being copied.
gc.collect()
gc.freeze()
