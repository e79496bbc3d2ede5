"""One story, one row: exact and near-duplicate detection, duplicate clusters, translations.

Near-duplicates (a wire story or press release republished with edits) are found with
MinHash over word shingles and locality-sensitive hashing: each article's signature is cut
into ``BANDS`` bands of ``ROWS`` values, and each band's hash is stored in ``article_lsh``
(band, bucket, article_id), whose primary key is the index a lookup uses. Articles that share
a bucket in any band are candidates; a candidate is a copy when the share of the shorter
text's word shingles found in the other text (``duplicate_score``) reaches ``THRESHOLD``.
Each article's signature and shingle count are kept in ``article_minhash``: they estimate
that share without reading the candidate's text, and candidates clearly below the threshold
are not scored (see :func:`could_be_copy`). In a large archive most candidates are unrelated
texts that share one band by chance, and scoring each one took most of a lookup's time.
The threshold and shingle size were chosen on the labelled pairs in
``tests/data/dedup_pairs.json`` (``bench/dedup.py`` prints precision and recall).

Clusters are flat: ``duplicate_of`` always names the cluster's earliest article (by
``published``, else ``first_seen``), and is re-pointed when an earlier copy arrives later.
"""

import functools
import hashlib
import re
import zlib
from datetime import datetime, timezone
from typing import NamedTuple

import numpy
from sqlite_utils import Database

from archive.canonical import canonical_url
from archive.storage.rows import row_by_key, update_row

SHINGLE_WORDS = 3
NUM_PERM = 128
SEED = 1
# 42 bands of 3 rows: a pair with Jaccard similarity 0.45 becomes a candidate with
# probability 0.98, unrelated texts (Jaccard 0.02) with probability 0.0003.
BANDS = 42
ROWS = 3
THRESHOLD = 0.7
# Shorter texts share phrases by chance too often to call them copies; exact hashes still apply.
MIN_SHINGLES = 30
# More candidates than this are ranked by shared bands and the rest skipped.
MAX_CANDIDATES = 50

WORD = re.compile(r"\w+")
# Odd 64-bit constant (from SplitMix64) that mixes word hashes into a sequence hash; numpy's
# uint64 arithmetic wraps around, as intended.
SHINGLE_MULTIPLIER = numpy.uint64(0x9E3779B97F4A7C15)


class Match(NamedTuple):
    """The cluster a new article belongs to: its earliest ``article_id`` and ``score`` (1.0 = same text)."""

    article_id: int
    score: float


def shingles(text: str, size: int = SHINGLE_WORDS) -> frozenset[int]:
    """The ``size``-word sequences of ``text`` (case-folded, punctuation ignored), as hashes.

    Each sequence is a 64-bit hash combined from its words' CRC-32s with numpy: MinHash and
    the overlap score only compare sequences, and building them as strings took a third of
    the time of storing an article.
    """
    words = WORD.findall(text.casefold())
    if not words:
        return frozenset()
    word_hashes = numpy.fromiter(
        (zlib.crc32(word.encode("utf-8")) for word in words), dtype=numpy.uint64, count=len(words)
    )
    count = max(1, len(words) - size + 1)
    combined = word_hashes[:count].copy()
    for offset in range(1, min(size, len(words))):
        combined = combined * SHINGLE_MULTIPLIER + word_hashes[offset : offset + count]
    return frozenset(combined.tolist())


def overlap(first: frozenset[int], second: frozenset[int]) -> float:
    """Share of the smaller shingle set found in the other (1.0: one text contains the other)."""
    if not first or not second:
        return 0.0
    return len(first & second) / min(len(first), len(second))


class Sketch(NamedTuple):
    """What the index keeps of a text: its LSH ``buckets``, MinHash ``signature`` and shingle count.

    Texts below ``MIN_SHINGLES`` shingles get no buckets and an empty signature.
    """

    buckets: tuple[tuple[int, int], ...]
    signature: bytes  # NUM_PERM little-endian uint32 MinHash values
    shingle_count: int


def minhash(text_shingles: frozenset[int]) -> numpy.ndarray:
    """The MinHash signature of a shingle set: ``NUM_PERM`` values below 2**32, as uint32.

    datasketch's ``affine32`` scheme (its default since 2.0) with ``seed=SEED``, value for value,
    so signatures stored by earlier versions still compare: each shingle hash, folded to 32
    bits, is mixed with the MurmurHash3 finaliser, then mapped by ``NUM_PERM`` affine
    permutations ``a * h + b`` modulo 2**32; the signature keeps each permutation's minimum.
    """
    multipliers, offsets = _permutations()
    hashes = numpy.fromiter(text_shingles, dtype=numpy.uint64, count=len(text_shingles))
    folded = ((hashes ^ (hashes >> numpy.uint64(32))) & numpy.uint64(0xFFFFFFFF)).astype(numpy.uint32)
    mixed = _fmix32(folded).reshape(-1, 1)
    return (mixed * multipliers + offsets).min(axis=0).astype("<u4")


def _fmix32(values: numpy.ndarray) -> numpy.ndarray:
    # MurmurHash3's 32-bit finaliser; uint32 products wrap, which is the modulo it needs.
    values = values ^ (values >> numpy.uint32(16))
    values = values * numpy.uint32(0x85EBCA6B)
    values = values ^ (values >> numpy.uint32(13))
    values = values * numpy.uint32(0xC2B2AE35)
    return values ^ (values >> numpy.uint32(16))


def band_buckets(signature: numpy.ndarray) -> list[tuple[int, int]]:
    """``(band, bucket)`` pairs of a MinHash signature, buckets as signed 64-bit ints."""
    buckets = []
    for band in range(BANDS):
        chunk = signature[band * ROWS : (band + 1) * ROWS].tobytes()
        digest = hashlib.blake2b(chunk, digest_size=8).digest()
        buckets.append((band, int.from_bytes(digest, "big", signed=True)))
    return buckets


def shingle_sketch(text_shingles: frozenset[int]) -> Sketch:
    """The :class:`Sketch` of a shingle set."""
    if len(text_shingles) < MIN_SHINGLES:
        return Sketch((), b"", len(text_shingles))
    signature = minhash(text_shingles)
    return Sketch(tuple(band_buckets(signature)), signature.tobytes(), len(text_shingles))


@functools.lru_cache(maxsize=16)
def text_signature(text: str) -> tuple[frozenset[int], Sketch]:
    """A text's shingles and :class:`Sketch`.

    Storing an article looks its text up, then indexes it: the MinHash is computed once.
    """
    text_shingles = shingles(text)
    return text_shingles, shingle_sketch(text_shingles)


def could_be_copy(first: Sketch, second_count: int, second_signature: bytes, threshold: float = THRESHOLD) -> bool:
    """Whether two texts' overlap may reach ``threshold``, judged from their signatures alone.

    The share of equal MinHash values estimates the texts' Jaccard similarity J; with both
    shingle counts that gives the estimated overlap of the shorter text. A pair is ruled out
    only when the estimate plus three standard errors stays below the threshold, so a real
    copy is all but never skipped (the labelled pairs' estimates are within 0.1 of the truth).
    """
    if not first.signature or not second_signature:
        return True
    similarity = (
        float(
            numpy.count_nonzero(
                numpy.frombuffer(first.signature, dtype="<u4") == numpy.frombuffer(second_signature, dtype="<u4")
            )
        )
        / NUM_PERM
    )
    sizes = first.shingle_count + second_count
    smaller = min(first.shingle_count, second_count)
    estimate = similarity * sizes / ((1 + similarity) * smaller)
    # Binomial error of J, floored at one value in NUM_PERM, carried through d(overlap)/dJ.
    floor = max(similarity, 1 / NUM_PERM)
    error = (floor * (1 - similarity) / NUM_PERM) ** 0.5 * sizes / ((1 + similarity) ** 2 * smaller)
    return estimate + 3 * error >= threshold


@functools.cache
def _permutations() -> tuple[numpy.ndarray, numpy.ndarray]:
    # Drawn as datasketch draws them for its affine32 scheme, so that signatures match its own.
    # Computed here rather than by datasketch: importing it imports scipy, which cost an
    # extraction worker pool's start most of a second.
    generator = numpy.random.RandomState(SEED)
    multipliers = generator.randint(0, 1 << 31, NUM_PERM, dtype=numpy.uint32) * numpy.uint32(2) + numpy.uint32(1)
    offsets = generator.randint(0, 1 << 32, NUM_PERM, dtype=numpy.uint32)
    return multipliers, offsets


def index_article(
    db: Database, article_id: int, text: str, *, sketch: Sketch | None = None, previous_text: str | None = None
) -> None:
    """Write the LSH buckets and signature of one article (texts below ``MIN_SHINGLES`` get none).

    ``sketch``: the text's :class:`Sketch` when already computed (see
    ``archive.storage.store.prepare_article``). ``previous_text``: the text indexed before, whose
    buckets are removed first.
    """
    if previous_text is not None:
        db.conn.executemany(
            "delete from article_lsh where band = ? and bucket = ? and article_id = ?",
            [(band, bucket, article_id) for band, bucket in text_signature(previous_text)[1].buckets],
        )
        db.conn.execute("delete from article_minhash where article_id = ?", [article_id])
    if sketch is None:
        sketch = text_signature(text)[1]
    if not sketch.buckets:
        return
    db.conn.executemany(
        "insert or ignore into article_lsh (band, bucket, article_id) values (?, ?, ?)",
        [(band, bucket, article_id) for band, bucket in sketch.buckets],
    )
    store_signature(db, article_id, sketch)


def store_signature(db: Database, article_id: int, sketch: Sketch) -> None:
    """Keep an article's MinHash signature and shingle count, which lookups screen candidates by."""
    db.conn.execute(
        "insert or replace into article_minhash (article_id, shingle_count, signature) values (?, ?, ?)",
        [article_id, sketch.shingle_count, sketch.signature],
    )


def near_duplicates(
    db: Database, text: str, *, exclude: int | None = None, threshold: float = THRESHOLD, sketch: Sketch | None = None
) -> list[Match]:
    """Stored articles whose text nearly equals ``text``, best first (scores ≥ ``threshold``).

    ``sketch``: the text's :class:`Sketch` when already computed.
    """
    text_shingles = None
    if sketch is None:
        text_shingles, sketch = text_signature(text)
    if not sketch.buckets:
        return []
    candidates = [
        article_id
        for article_id, count, signature in _candidates(db, list(sketch.buckets), exclude)
        if could_be_copy(sketch, count, signature, threshold)
    ]
    matches = []
    for candidate_id, candidate_text in _texts(db, candidates):
        if text_shingles is None:
            text_shingles = shingles(text)
        score = overlap(text_shingles, shingles(candidate_text or ""))
        if score >= threshold:
            matches.append(Match(candidate_id, round(score, 3)))
    return sorted(matches, key=lambda match: (-match.score, match.article_id))


def find_original(db: Database, article_id: int, sketch: Sketch | None = None) -> Match | None:
    """The cluster of a stored article's copies: same ``content_hash`` first, then near-duplicates."""
    row = row_by_key(db, "articles", "id", article_id)
    exact = db.execute(
        "select coalesce(duplicate_of, id) from articles where content_hash = ? and id != ? order by id limit 1",
        [row["content_hash"], article_id],
    ).fetchone()
    if exact:
        return Match(exact[0], 1.0)
    matches = near_duplicates(db, row["text"] or "", exclude=article_id, sketch=sketch)
    if not matches:
        return None
    best = matches[0]
    root = row_by_key(db, "articles", "id", best.article_id)["duplicate_of"]
    return Match(root or best.article_id, best.score)


def place_article(db: Database, article_id: int, sketch: Sketch | None = None) -> Match | None:
    """Index a newly stored article and link it into its duplicate cluster, if it has one.

    ``sketch``: its text's :class:`Sketch` when already computed. Returns the match (``None``
    for a new story). When the new article was published before the cluster's earliest
    article, it becomes the cluster's head and every copy is re-pointed.
    """
    row = row_by_key(db, "articles", "id", article_id)
    match = find_original(db, article_id, sketch)
    index_article(db, article_id, row["text"] or "", sketch=sketch)
    if match is None:
        return None
    head = row_by_key(db, "articles", "id", match.article_id)
    if _first_appearance(row) < _first_appearance(head):
        db.execute(
            "update articles set duplicate_of = ? where duplicate_of = ? or id = ?",
            [article_id, head["id"], head["id"]],
        )
        update_row(db, "articles", "id", head["id"], {"duplicate_score": match.score})
        update_row(db, "articles", "id", article_id, {"duplicate_of": None, "duplicate_score": None})
    else:
        update_row(db, "articles", "id", article_id, {"duplicate_of": head["id"], "duplicate_score": match.score})
    return match


def link_translations(db: Database, article_id: int, alternates: dict[str, str]) -> int:
    """Link an article with its stored language versions (hreflang ``{language: url}``).

    Both directions are written to ``translations`` (article_id, translation_id, language of
    the translation). Versions not stored yet link themselves when they are, since hreflang
    annotations are reciprocal. Returns the number of versions linked.
    """
    linked = 0
    for language, url in (alternates or {}).items():
        other = row_by_key(db, "articles", "url", canonical_url(url))
        if other is None or other["id"] == article_id:
            continue
        db["translations"].upsert_all(
            [
                {
                    "article_id": article_id,
                    "translation_id": other["id"],
                    "language": other["language"] or _language_code(language),
                },
                {
                    "article_id": other["id"],
                    "translation_id": article_id,
                    "language": row_by_key(db, "articles", "id", article_id)["language"],
                },
            ],
            pk=("article_id", "translation_id"),
        )
        linked += 1
    return linked


def _candidates(db: Database, buckets: list[tuple[int, int]], exclude: int | None):
    """``(article_id, shingle_count, signature)`` of the articles sharing a bucket, most shared first."""
    values = ", ".join("(?, ?)" for _ in buckets)
    parameters = [value for pair in buckets for value in pair]
    # A join from the query's buckets keeps every lookup on article_lsh's primary key.
    sql = (
        f"with query(band, bucket) as (values {values}) "
        "select lsh.article_id, minhash.shingle_count, minhash.signature, count(*) as shared from query "
        "join article_lsh as lsh on lsh.band = query.band and lsh.bucket = query.bucket "
        "left join article_minhash as minhash on minhash.article_id = lsh.article_id "
        "where lsh.article_id != ? group by lsh.article_id order by shared desc, lsh.article_id "
        "limit ?"
    )
    rows = db.execute(sql, parameters + [exclude if exclude is not None else -1, MAX_CANDIDATES])
    return [(article_id, count or 0, signature or b"") for article_id, count, signature, _shared in rows.fetchall()]


def _texts(db: Database, article_ids: list[int]) -> list[tuple[int, str]]:
    if not article_ids:
        return []
    placeholders = ", ".join("?" for _ in article_ids)
    return db.execute(f"select id, text from articles where id in ({placeholders}) order by id", article_ids).fetchall()


def _first_appearance(row: dict) -> datetime:
    """When an article first appeared: ``published`` (any offset, or a bare date), else ``first_seen``."""
    for value in (row.get("published"), row.get("first_seen")):
        if not value:
            continue
        try:
            moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            continue
        return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)
    return datetime.max.replace(tzinfo=timezone.utc)


def _language_code(hreflang: str) -> str:
    return hreflang.split("-")[0].lower()
