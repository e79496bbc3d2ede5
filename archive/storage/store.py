"""Write stories into the archive: sources, articles, their versions and crawl runs.

Every function takes an open ``sqlite_utils.Database`` (see :func:`open_archive`) so that
scripts, the crawler and tests use one API. Times are ISO 8601 UTC strings.
"""

import base64
import hashlib
import json
import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterable, NamedTuple

from sqlite_utils import Database

from archive.storage.backfill import run_backfills
from archive.indexing.dedup import Sketch, index_article, link_translations, place_article, text_signature
from archive.indexing.enrich import Mentions, article_text, find_mentions
from archive.storage.lock import enable_wal
from archive.storage.rows import fetch_row, insert_row, row_by_key, transaction, update_row
from archive.storage.schema import migrate, upgrade_needed
from archive.indexing.search import search_terms
from crawler.extraction.article import Article

# SQLite's page cache per connection, in KiB (SQLite's default is 2 MB). Storing an article
# touches pages all over the url, hash and near-duplicate indexes; with the default cache a
# large archive's writer re-reads them from the OS for every article (64 MB: +25% articles/s
# at 100,000 articles). Pages are only held once read, so a small archive uses little of it.
CACHE_KIB = 65536
RUN_COUNTERS = ("pages_fetched", "articles_new", "articles_updated", "duplicates", "errors", "not_modified", "skipped")


class ArchiveReadOnly(OSError):
    """An archive on a read-only disk (or in a read-only directory) that would need writing."""


class NotAnArchive(ValueError):
    """A file given as the archive that is no SQLite database."""


SQLITE_HEADER = b"SQLite format 3\x00"


def check_is_database(path: Path) -> None:
    """Raise :class:`NotAnArchive` when ``path`` holds something other than an SQLite database
    (a sources file or a WARC given as ``--db`` by mistake); a missing or empty file is fine.

    Call it only before this process opens the archive: closing any descriptor of a file drops
    the POSIX locks SQLite holds on it through its connections, and the archive can be corrupted.
    """
    try:
        with open(path, "rb") as stream:
            header = stream.read(len(SQLITE_HEADER))
    except FileNotFoundError:
        return
    except IsADirectoryError:
        raise NotAnArchive(f"{path}: is a directory, not an archive file") from None
    if header and header != SQLITE_HEADER:
        raise NotAnArchive(f"{path}: not an archive (not an SQLite database file)")


def is_writable(path: str | Path) -> bool:
    """Whether the archive at ``path`` and its directory (where SQLite keeps the WAL) can be written."""
    path = Path(path)
    return os.access(path.parent, os.W_OK) and (not path.exists() or os.access(path, os.W_OK))


def open_archive(path: str | Path) -> Database:
    """Open (creating and migrating if needed) the archive at ``path``, in WAL mode.

    After the migrations, data they left to the current code (``archive.storage.backfill``) is built.
    Raises :class:`ArchiveReadOnly` when ``path`` cannot be written.
    """
    path = Path(path)
    if path.exists() and not is_writable(path):
        raise ArchiveReadOnly(f"{path}: the archive is read-only (the file or its directory cannot be written)")
    path.parent.mkdir(parents=True, exist_ok=True)
    db = Database(path)
    # Readers (Datasette) and one writer at a time; a second writer waits instead of failing.
    db.execute("PRAGMA busy_timeout = 30000")
    enable_wal(db)
    # In WAL mode NORMAL never corrupts the file, even on power loss (only the last commits
    # may be lost then, and the next crawl fetches them again); FULL would fsync every article.
    db.execute("PRAGMA synchronous = NORMAL")
    db.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
    migrate(db)
    run_backfills(db)
    return db


def open_archive_for_reading(path: str | Path) -> Database:
    """The archive at ``path`` for reading: :func:`open_archive` when it can be written, else the
    file as it is (SQLite's ``immutable``: on a read-only disk nobody can change it). Raises
    :class:`ArchiveReadOnly` for a read-only archive of an earlier release, which needs writing."""
    path = Path(path)
    if is_writable(path):
        return open_archive(path)
    db = Database(sqlite3.connect(f"{path.resolve().as_uri()}?immutable=1", uri=True))
    if upgrade_needed(db):
        db.close()
        raise ArchiveReadOnly(
            f"{path}: the archive is read-only and was made by an earlier release: copy it to a writable disk to upgrade it"
        )
    return db


def utc_now() -> str:
    """The current time as ISO 8601 UTC with seconds, e.g. ``2026-11-23T09:30:00+00:00``."""
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


def content_hash(text: str) -> str:
    """Hash of the text with case and whitespace normalised, so trivial reflows don't count."""
    normalised = " ".join(text.split()).casefold()
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()


def word_count(text: str) -> int:
    return len(re.findall(r"\w+", text))


def save_sources(db: Database, sources: list[dict]) -> None:
    """Insert or update the ``sources`` rows (id, name, homepage, region, language)."""
    columns = ("id", "name", "homepage", "region", "language")
    rows = [{column: source.get(column) for column in columns} for source in sources]
    # Crawls starting together each write their source: take the write lock first, or a
    # crawl whose read was overtaken by another's commit fails with "database is locked".
    with transaction(db):
        db["sources"].upsert_all(rows, pk="id")


class Stored(NamedTuple):
    """What :func:`store_article` did: ``outcome`` and the row's ``article_id``."""

    outcome: str
    article_id: int


@dataclass
class PreparedArticle:
    """An extracted article with what storing it computes from its text (:func:`prepare_article`)."""

    article: Article  # the extracted fields (crawler.extraction.extract.extract_article)
    values: dict  # the ``articles`` columns from extraction, with the derived ones
    sketch: Sketch  # the text's near-duplicate buckets and signature (archive.indexing.dedup)
    mentions: Mentions | None = None  # places and companies named, when enrichment is on

    def as_json(self) -> dict:
        """A JSON-ready dict (for the distributed crawl's queue); :meth:`from_json` reads it."""
        return {
            "article": self.article.as_json(),
            "values": self.values,
            "sketch": {
                "buckets": [list(bucket) for bucket in self.sketch.buckets],
                "signature": base64.b64encode(self.sketch.signature).decode("ascii"),
                "shingle_count": self.sketch.shingle_count,
            },
            "mentions": None if self.mentions is None else self.mentions.as_json(),
        }

    @classmethod
    def from_json(cls, data: dict) -> "PreparedArticle":
        sketch = data["sketch"]
        return cls(
            article=Article.from_json(data["article"]),
            values=data["values"],
            sketch=Sketch(
                tuple((int(band), int(key)) for band, key in sketch["buckets"]),
                base64.b64decode(sketch["signature"]),
                int(sketch["shingle_count"]),
            ),
            mentions=None if data.get("mentions") is None else Mentions.from_json(data["mentions"]),
        )


def prepare_article(article: Article, *, find_entities: bool = False) -> PreparedArticle:
    """Compute the columns derived from an article's text, its near-duplicate buckets and,
    with ``find_entities``, the places and companies it names.

    This is most of the CPU time of storing an article (search terms, MinHash, entity
    matching), and needs no database: crawls run it in their extraction processes and bulk
    loads in a process pool, so the one process that writes the archive only writes.
    """
    values = article_columns(article)
    mentions = article_mentions(article) if find_entities else None
    return PreparedArticle(article, values, text_signature(article.text)[1], mentions)


def article_mentions(article: Article) -> Mentions:
    """The places and companies ``article`` names, in its title, lead and text."""
    return find_mentions(article_text(article.title, article.description, article.text))


def store_article(
    db: Database, article: Article | PreparedArticle, *, source: str, seen_at: str | None = None
) -> Stored:
    """Insert or update one extracted article (or its :class:`PreparedArticle`), keyed by its
    canonical ``url``.

    ``outcome`` says what happened: ``"new"``, ``"duplicate"`` (new row whose text, or nearly
    its text, another URL already has; linked into that story with ``duplicate_of``, see
    :func:`archive.indexing.dedup.place_article`), ``"updated"`` (text changed: the previous text
    goes to ``article_versions``) or ``"unchanged"`` (only ``last_seen`` moves).
    """
    prepared = article if isinstance(article, PreparedArticle) else prepare_article(article)
    article = prepared.article
    seen_at = seen_at or utc_now()
    values = dict(prepared.values, last_seen=seen_at)

    with transaction(db):
        existing = _article_by_url(db, article.url)
        if existing is None:
            article_id = insert_row(
                db,
                "articles",
                {
                    "url": article.url,
                    "source": source,
                    "first_seen": seen_at,
                    "region": _source_region(db, source),
                    **values,
                },
            )
            match = place_article(db, article_id, prepared.sketch)
            link_translations(db, article_id, article.alternates)
            return Stored("duplicate" if match else "new", article_id)
        link_translations(db, existing["id"], article.alternates)
        if existing["content_hash"] == values["content_hash"]:
            update_row(db, "articles", "id", existing["id"], {"last_seen": seen_at, "removed_at": None})
            return Stored("unchanged", existing["id"])
        index_article(db, existing["id"], article.text, sketch=prepared.sketch, previous_text=existing["text"] or "")
        insert_row(
            db,
            "article_versions",
            {
                "article_id": existing["id"],
                "fetched_at": existing["last_seen"],
                "content_hash": existing["content_hash"],
                "title": existing["title"],
                "text": existing["text"],
            },
        )
        if not values["modified"] or values["modified"] == existing["modified"]:
            values["modified"] = seen_at
        _keep_known_date(values, existing)
        update_row(db, "articles", "id", existing["id"], {**values, "removed_at": None})
        return Stored("updated", existing["id"])


def store_articles(db: Database, articles: Iterable[tuple[Article | PreparedArticle, str, str | None]]) -> list[Stored]:
    """Store ``(article, source, seen_at)`` triples in one transaction, as :func:`store_article`.

    For bulk loads and batched writers: a commit per article costs more than the article.
    If one fails, the whole batch is rolled back and the error raised.
    """
    with transaction(db):
        return [store_article(db, article, source=source, seen_at=seen_at) for article, source, seen_at in articles]


def update_extraction(db: Database, url: str, article: Article) -> bool:
    """Replace the extracted fields of the article at ``url`` when they differ; True if so.

    For re-extraction of a kept response: the page is the same, only the extraction changed,
    so no version is added and ``first_seen``/``last_seen`` stay.
    """
    existing = _article_by_url(db, url)
    if existing is None:
        return False
    values = article_columns(article)
    _keep_known_date(values, existing)
    if all(existing[name] == value for name, value in values.items()):
        return False
    with transaction(db):
        update_row(db, "articles", "id", existing["id"], values)
        if values["content_hash"] != existing["content_hash"]:
            index_article(db, existing["id"], article.text, previous_text=existing["text"] or "")
    return True


def _keep_known_date(values: dict, existing: dict) -> None:
    """A page that no longer gives a date keeps the one stored: the date a feed gave when it
    listed the page, which a re-extraction or a later crawl from another hub cannot see."""
    if not values["published"] and existing["published"]:
        values["published"], values["date_source"] = existing["published"], existing["date_source"]


def article_columns(article: Article) -> dict:
    """The ``articles`` columns that come from extraction, with their derived columns: the one
    place an :class:`Article` becomes row values (``url``, the key, is the caller's)."""
    values = {
        "title": _column_value(article.title),
        "kicker": _column_value(article.kicker),
        "description": _column_value(article.description),
        "author": _column_value(article.author),
        "published": _column_value(article.published),
        "modified": _column_value(article.modified),
        "date_source": _column_value(article.date_source),
        "language": _column_value(article.language),
        "text": _column_value(article.text),
        "tags": _column_value(article.tags),
        "image": _column_value(article.image),
        "site_name": _column_value(article.site_name),
        "authors": _column_value(article.authors),
        "agencies": _column_value(article.agencies),
        "content_hash": content_hash(article.text),
        "word_count": word_count(article.text),
    }
    values["search_terms"] = search_terms(
        values["title"], values["description"], article.text, language=values["language"], unindexed=values["kicker"]
    )
    return values


def start_run(db: Database, source: str, started: str | None = None) -> int:
    """Record the start of a crawl of ``source``; returns the ``crawl_runs`` id."""
    with transaction(db):
        table = db["crawl_runs"].insert({"source": source, "started": started or utc_now(), "status": "running"})
    return table.last_pk


def close_interrupted_runs(db: Database, source: str) -> int:
    """Mark runs of ``source`` left ``running`` by a killed crawl as ``interrupted``.

    Call it only while holding the source's crawl lock, so no live crawl is touched.
    """
    with transaction(db):
        cursor = db.execute(
            "update crawl_runs set status = 'interrupted' where source = ? and status = 'running'",
            [source],
        )
    return cursor.rowcount


def finish_run(db: Database, run_id: int, status: str, counts: dict[str, int]) -> None:
    """Close a crawl run with its final ``status`` and counters (see ``RUN_COUNTERS``).

    The run rows are written in IMMEDIATE transactions, like articles: ``update`` reads the
    row first, and a transaction that has read cannot wait for the write lock once another
    crawler's writer has committed meanwhile (SQLite answers "database is locked" at once).
    """
    values = {name: int(counts.get(name, 0)) for name in RUN_COUNTERS}
    with transaction(db):
        db["crawl_runs"].update(run_id, {"finished": utc_now(), "status": status, **values})


def _article_by_url(db: Database, url: str) -> dict | None:
    return row_by_key(db, "articles", "url", url)


def _column_value(value):
    # Lists (tags, several authors) are stored as JSON text so SQL can use json_each().
    if isinstance(value, (list, tuple)):
        return json.dumps(list(value), ensure_ascii=False) if value else None
    return value or None


def record_run(db: Database, source: str, status: str, started: str | None = None) -> int:
    """Record a run that fetched nothing (``locked``, or a crawl that died before it began)."""
    run_id = start_run(db, source, started)
    finish_run(db, run_id, status, {})
    return run_id


def latest_run_id(db: Database) -> int:
    """The highest ``crawl_runs`` id so far (0 when there is none): a mark for later runs."""
    return db.execute("select coalesce(max(id), 0) from crawl_runs").fetchone()[0]


def runs_since(db: Database, source: str, after_id: int) -> int:
    """How many runs of ``source`` were recorded after the run id ``after_id``."""
    return db.execute("select count(*) from crawl_runs where source = ? and id > ?", [source, after_id]).fetchone()[0]


def close_abandoned_runs(db: Database, source: str, after_id: int, status: str) -> int:
    """End the runs of ``source`` after ``after_id`` that their crawl left open; returns how many.

    A crawl killed by a timeout or a shutdown leaves its row ``running`` (or ``shutdown``,
    when Scrapy managed to close the spider); the caller, holding the source's crawl lock,
    knows that crawl is gone and gives the row its real ``status``.
    """
    with transaction(db):
        cursor = db.execute(
            "update crawl_runs set status = ?, finished = coalesce(finished, ?) "
            "where source = ? and id > ? and status in ('running', 'shutdown')",
            [status, utc_now(), source, after_id],
        )
    return cursor.rowcount


def _source_region(db: Database, source: str) -> str | None:
    row = fetch_row(db, "select region from sources where id = ?", [source])
    return row["region"] if row else None
